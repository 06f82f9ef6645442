//! A returned follow-up's comments as the unit chief meets them: beside
//! the goal, indicator, activity or unit part each is about, the overall
//! one at the top, and in the pre-commit review as remarks to answer. A
//! comment counts as answered once what it is about has changed since
//! the return; answered or not, none blocks klar.

use crate::followup::FollowUp;

/// The review that returned the follow-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Returned {
    /// Who returned it, as shown (the roster's name, else the id).
    pub reviewer: String,
    pub overall: String,
    /// (`on` code such as "goal:E2", comment), in the file's order.
    pub remarks: Vec<(String, String)>,
    /// The follow-up as it was reviewed, to tell answered comments.
    pub before: FollowUp,
}

impl Returned {
    /// The comments on `code` ("goal:E2").
    pub fn on<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.remarks
            .iter()
            .filter(move |(on, _)| on == code)
            .map(|(_, text)| text.as_str())
    }

    /// Whether what `code` is about has changed since the return.
    pub fn answered(&self, code: &str, now: &FollowUp) -> bool {
        about(&self.before, code) != about(now, code)
    }

    /// How many comments are not answered yet.
    pub fn open(&self, now: &FollowUp) -> usize {
        self.remarks
            .iter()
            .filter(|(on, _)| !self.answered(on, now))
            .count()
    }
}

/// Where the walk shows what `code` is about: the page (a goal's, or the
/// unit-level page after them) and the field to focus.
pub fn place(plan: &crate::plan::Plan, code: &str) -> Option<(usize, super::fields::Field)> {
    use super::fields::{Field, Sex};
    let (kind, id) = code.split_once(':')?;
    let goal_of =
        |has: &dyn Fn(&crate::plan::UnitGoal) -> bool| plan.unit_goals.iter().position(has);
    match kind {
        "goal" => Some((goal_of(&|g| g.id == id)?, Field::Rating)),
        "indicator" => Some((
            goal_of(&|g| plan.indicators_for_goal(g).iter().any(|i| i.id == id))?,
            Field::Outcome(id.to_string(), Sex::Total),
        )),
        "activity" => Some((
            goal_of(&|g| plan.activities_for_goal(g).iter().any(|a| a.id == id))?,
            Field::ActivityStatus(id.to_string()),
        )),
        "part" => Some((
            plan.unit_goals.len(),
            match id {
                "economy" => Field::Budget,
                "quality" => Field::QualityText,
                "complaints" => Field::Complaint(0),
                _ => Field::UnitSummary,
            },
        )),
        _ => None,
    }
}

/// What a comment on `code` is about, as text to compare: the goal's
/// record (rating, analyses, deviations), the indicator's or activity's,
/// or the unit part's.
pub fn about(rec: &FollowUp, code: &str) -> String {
    let (kind, id) = code.split_once(':').unwrap_or(("", code));
    match (kind, id) {
        ("goal", id) => format!("{:?}", rec.goal(id)),
        ("indicator", id) => format!("{:?}", rec.indicator(id)),
        ("activity", id) => format!("{:?}", rec.activity(id)),
        ("part", "summary") => rec.summary.clone(),
        ("part", "economy") => format!("{:?}", rec.economy),
        ("part", "quality") => format!("{:?}", rec.quality),
        ("part", "complaints") => format!("{:?}", rec.complaints),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::followup::Period;

    #[test]
    fn a_comment_is_answered_once_its_goal_changed_and_not_by_other_changes() {
        let period: Period = "2026-T1".parse().unwrap();
        let mut before = FollowUp::new("enhet", period);
        before.goal_mut("E2").summary = "Som planerat.".into();
        let returned = Returned {
            reviewer: "Områdeschef Olsson".into(),
            overall: String::new(),
            remarks: vec![
                ("goal:E2".into(), "Beskriv kvaliteten.".into()),
                ("part:economy".into(), "Prognosen?".into()),
            ],
            before: before.clone(),
        };
        let mut now = before.clone();
        now.goal_mut("E1").summary = "Annat mål.".into();
        assert!(!returned.answered("goal:E2", &now));
        assert_eq!(returned.open(&now), 2);
        now.goal_mut("E2").summary = "Kvaliteten följs upp varje vecka.".into();
        assert!(returned.answered("goal:E2", &now));
        assert!(!returned.answered("part:economy", &now));
        assert_eq!(returned.open(&now), 1);
        assert_eq!(
            returned.on("goal:E2").collect::<Vec<_>>(),
            ["Beskriv kvaliteten."]
        );
    }
}

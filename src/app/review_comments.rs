//! What a reviewer writes: a comment beside one part of the follow-up
//! (a remark's `on` code such as "goal:E2") or the overall comment, the
//! comments of each page of the walk, and the two outcomes of a review.

use crate::followup::Period;
use crate::i18n::Lang;
use crate::plan::Plan;
use std::collections::BTreeMap;

/// The unit-level parts a remark can be on (`part:<code>`), in page order.
pub const PARTS: [&str; 4] = ["summary", "economy", "quality", "complaints"];

/// A unit-level part's name.
pub fn part_label(l: Lang, code: &str) -> &'static str {
    match code {
        "summary" => l.t("Sammanfattande analys", "Summary analysis"),
        "economy" => l.t("Ekonomi", "Economy"),
        "quality" => l.t("Kvalitet", "Quality"),
        "complaints" => l.t("Synpunkter och klagomål", "Comments and complaints"),
        _ => l.t("Enhetens delar", "The unit's parts"),
    }
}

/// Where a comment is written: beside one part of the follow-up (a
/// remark's `on` code, "goal:E2"), or the overall comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Overall,
    On(String),
}

impl Slot {
    /// The comment's name: "Kommentar till E2 Trygg vård".
    pub fn label(&self, l: Lang, plan: &Plan) -> String {
        let Slot::On(code) = self else {
            return l.t("Samlad kommentar", "Overall comment").into();
        };
        let (kind, id) = code.split_once(':').unwrap_or(("", code));
        let what = match kind {
            "goal" => plan
                .unit_goals
                .iter()
                .find(|g| g.id == id)
                .map(|g| format!("{id} {}", g.title)),
            "indicator" => plan
                .indicators
                .iter()
                .find(|i| i.id == id)
                .map(|i| format!("{id} {}", i.name)),
            "activity" => plan
                .activities
                .iter()
                .find(|a| a.id == id)
                .map(|a| format!("{id} {}", a.text)),
            "part" => Some(part_label(l, id).to_string()),
            _ => None,
        };
        format!(
            "{} {}",
            l.t("Kommentar till", "Comment on"),
            what.unwrap_or_else(|| id.to_string())
        )
    }
}

/// The reviewer's comments: one per part commented on, and the overall
/// one. Kept in a draft while written, like the follow-up's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comments {
    #[serde(default)]
    pub overall: String,
    /// `on` code ("goal:E2") → comment.
    #[serde(default)]
    pub remarks: BTreeMap<String, String>,
}

impl Comments {
    pub fn text(&self, slot: &Slot) -> &str {
        match slot {
            Slot::Overall => &self.overall,
            Slot::On(code) => self.remarks.get(code).map_or("", String::as_str),
        }
    }

    pub fn set(&mut self, slot: &Slot, text: String) {
        match slot {
            Slot::Overall => self.overall = text,
            Slot::On(code) if text.is_empty() => {
                self.remarks.remove(code);
            }
            Slot::On(code) => {
                self.remarks.insert(code.clone(), text);
            }
        }
    }

    /// The remarks with text (in no particular order).
    pub fn written(&self) -> impl Iterator<Item = (&String, &String)> {
        self.remarks.iter().filter(|(_, t)| !t.trim().is_empty())
    }

    /// The remarks with text in the order the walk shows their parts
    /// (E2 before E10, a goal's indicators and activities after it, the
    /// unit's parts last); codes the plan does not have come after.
    pub fn written_in_order(&self, plan: &Plan) -> Vec<(&String, &String)> {
        let order: std::collections::HashMap<String, usize> = (0..=plan.unit_goals.len())
            .flat_map(|page| slots(plan, page))
            .filter_map(|s| match s {
                Slot::On(code) => Some(code),
                Slot::Overall => None,
            })
            .enumerate()
            .map(|(i, code)| (code, i))
            .collect();
        let mut out: Vec<_> = self.written().collect();
        out.sort_by_key(|(code, _)| (order.get(*code).copied().unwrap_or(usize::MAX), *code));
        out
    }

    /// Whether anything is said (a return needs it).
    pub fn any(&self) -> bool {
        !self.overall.trim().is_empty() || self.written().next().is_some()
    }
}

/// The two outcomes of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Återsänd: the follow-up goes back to the unit chief, reopened.
    Return,
    /// Godkänd.
    Approve,
}

impl Verdict {
    pub fn label(self, l: Lang) -> &'static str {
        match self {
            Verdict::Return => l.t("återsänd", "returned"),
            Verdict::Approve => l.t("godkänd", "approved"),
        }
    }
}

/// A review to commit, as the shell needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub verdict: Verdict,
    pub unit: String,
    pub period: Period,
    /// The blob id of the follow-up version reviewed.
    pub reviewed: String,
    pub comments: Comments,
}

/// The comments of page `page`: a goal's page has the goal's, then its
/// indicators' and activities'; the unit-level page has the unit's parts
/// and the overall comment last.
pub fn slots(plan: &Plan, page: usize) -> Vec<Slot> {
    match plan.unit_goals.get(page) {
        Some(goal) => {
            let mut v = vec![Slot::On(format!("goal:{}", goal.id))];
            v.extend(
                plan.indicators_for_goal(goal)
                    .into_iter()
                    .map(|i| Slot::On(format!("indicator:{}", i.id))),
            );
            v.extend(
                plan.activities_for_goal(goal)
                    .into_iter()
                    .map(|a| Slot::On(format!("activity:{}", a.id))),
            );
            v
        }
        None => {
            let mut v: Vec<Slot> = PARTS
                .iter()
                .map(|p| Slot::On(format!("part:{p}")))
                .collect();
            v.push(Slot::Overall);
            v
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remarks_come_in_the_walks_order_not_the_alphabets() {
        let plan = crate::plan::bundled::PLANS
            .iter()
            .filter_map(|(path, text)| crate::plan::parse_plan(path, text.as_bytes()).ok())
            .find(|p| p.unit_goals.len() >= 10)
            .expect("a bundled plan with ten goals");
        let mut c = Comments::default();
        for code in ["part:summary", "goal:E10", "goal:E2", "nowhere:X"] {
            c.set(&Slot::On(code.into()), format!("om {code}"));
        }
        let e2 = &plan.unit_goals[1];
        let indicator = plan.indicators_for_goal(e2).first().map(|i| i.id.clone());
        if let Some(i) = &indicator {
            c.set(&Slot::On(format!("indicator:{i}")), "om mätetalet".into());
        }
        let codes: Vec<&str> = c
            .written_in_order(&plan)
            .into_iter()
            .map(|(code, _)| code.as_str())
            .collect();
        let mut expected = vec!["goal:E2".to_string()];
        expected.extend(indicator.map(|i| format!("indicator:{i}")));
        expected.extend(["goal:E10", "part:summary", "nowhere:X"].map(String::from));
        assert_eq!(codes, expected);
    }
}

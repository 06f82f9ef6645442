//! The fields of one enhetsmål in the walk, in the order Tab visits them,
//! and reading and writing each field's value in the follow-up record.

use crate::followup::{ActivityStatus, Deviation, FollowUp, Rating};
use crate::i18n::{Lang, format_number, parse_number};
use crate::plan::{Date, Plan, UnitGoal};

/// Parts of a deviation (avvikelse).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DevPart {
    What,
    Link,
    Cause,
    Measure,
    Responsible,
    Due,
    /// The åtgärd is carried out (a box).
    Done,
}

impl DevPart {
    pub const ALL: [DevPart; 7] = [
        DevPart::What,
        DevPart::Link,
        DevPart::Cause,
        DevPart::Measure,
        DevPart::Responsible,
        DevPart::Due,
        DevPart::Done,
    ];

    pub fn label(self, l: Lang) -> &'static str {
        match self {
            DevPart::What => l.t("Avvikelse", "Deviation"),
            DevPart::Link => l.t("Gäller", "Concerns"),
            DevPart::Cause => l.t("Orsak", "Cause"),
            DevPart::Measure => l.t("Åtgärd", "Measure"),
            DevPart::Responsible => l.t("Ansvarig", "Responsible"),
            DevPart::Due => l.t("Klart senast", "Due by"),
            DevPart::Done => l.t("Åtgärdad", "Done"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Total,
    Women,
    Men,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Rating,
    Summary,
    /// Analysis of expected result n (0-based): "Punkt n+1".
    Point(usize),
    Deviation(usize, DevPart),
    AddDeviation,
    Outcome(String, Sex),
    NoData(String),
    ActivityStatus(String),
    ActivityDeviation(String),
    ActivityAnalysis(String),
    // The unit-level parts, on the page after the last goal.
    /// Sammanfattande analys.
    UnitSummary,
    /// Budget (tkr).
    Budget,
    /// Utfall or forecast (tkr).
    EconomyOutcome,
    EconomyAnalysis,
    QualityText,
    LexSarah,
    QualityDeviations,
    QualityOther,
    /// The period's count of category n of `followup::CATEGORIES`.
    Complaint(usize),
    /// Bedömning och planerade åtgärder of category n.
    ComplaintAssessment(usize),
}

/// How a field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Multi-line text: Enter is a newline.
    Text,
    /// One line (numbers, dates, names): Enter finishes.
    Line,
    /// A choice cycled with ←/→ or Enter.
    Choice,
    /// A button or a yes/no toggled with Enter or Space.
    Toggle,
}

impl Field {
    pub fn kind(&self) -> Kind {
        match self {
            Field::Summary | Field::Point(_) | Field::ActivityAnalysis(_) => Kind::Text,
            Field::UnitSummary
            | Field::EconomyAnalysis
            | Field::QualityText
            | Field::LexSarah
            | Field::QualityDeviations
            | Field::QualityOther
            | Field::ComplaintAssessment(_) => Kind::Text,
            Field::Budget | Field::EconomyOutcome | Field::Complaint(_) => Kind::Line,
            Field::Deviation(_, DevPart::What | DevPart::Cause | DevPart::Measure) => Kind::Text,
            Field::Deviation(_, DevPart::Done) => Kind::Toggle,
            Field::Deviation(..) | Field::Outcome(..) => Kind::Line,
            Field::Rating | Field::ActivityStatus(_) => Kind::Choice,
            Field::AddDeviation | Field::NoData(_) | Field::ActivityDeviation(_) => Kind::Toggle,
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self.kind(), Kind::Text | Kind::Line)
    }
}

/// The fields of `goal` in Tab order.
pub fn fields(plan: &Plan, rec: &FollowUp, goal: &UnitGoal) -> Vec<Field> {
    let mut v = vec![Field::Rating, Field::Summary];
    v.extend((0..goal.expected_results.len()).map(Field::Point));
    let deviations = rec.goal(&goal.id).map_or(0, |g| g.deviations.len());
    for i in 0..deviations {
        v.extend(DevPart::ALL.iter().map(|p| Field::Deviation(i, *p)));
    }
    v.push(Field::AddDeviation);
    for ind in plan.indicators_for_goal(goal) {
        v.push(Field::Outcome(ind.id.clone(), Sex::Total));
        if ind.by_sex {
            v.push(Field::Outcome(ind.id.clone(), Sex::Women));
            v.push(Field::Outcome(ind.id.clone(), Sex::Men));
        }
        v.push(Field::NoData(ind.id.clone()));
    }
    for a in plan.activities_for_goal(goal) {
        v.push(Field::ActivityStatus(a.id.clone()));
        v.push(Field::ActivityDeviation(a.id.clone()));
        v.push(Field::ActivityAnalysis(a.id.clone()));
    }
    v
}

/// The fields of page `page` of the walk: an enhetsmål, or after the last
/// one the unit-level parts.
pub fn page(plan: &Plan, rec: &FollowUp, page: usize) -> Vec<Field> {
    match plan.unit_goals.get(page) {
        Some(goal) => fields(plan, rec, goal),
        None => super::unit_fields::fields(rec),
    }
}

/// The text of a text or line field as the editor shows it.
pub fn text_of(rec: &FollowUp, goal: &str, field: &Field) -> String {
    let g = rec.goal(goal);
    match field {
        Field::Summary => g.map(|g| g.summary.clone()).unwrap_or_default(),
        Field::Point(i) => g
            .and_then(|g| g.analysis.get(*i).cloned())
            .unwrap_or_default(),
        Field::Deviation(i, part) => g
            .and_then(|g| g.deviations.get(*i))
            .map(|d| match part {
                DevPart::What => d.what.clone(),
                DevPart::Link => d.link.clone().unwrap_or_default(),
                DevPart::Cause => d.cause.clone(),
                DevPart::Measure => d.measure.clone(),
                DevPart::Responsible => d.responsible.clone().unwrap_or_default(),
                DevPart::Due => d.due.map(|d| d.to_string()).unwrap_or_default(),
                DevPart::Done => String::new(),
            })
            .unwrap_or_default(),
        Field::Outcome(id, sex) => rec
            .indicator(id)
            .and_then(|r| match sex {
                Sex::Total => r.total,
                Sex::Women => r.women,
                Sex::Men => r.men,
            })
            .map(format_number)
            .unwrap_or_default(),
        Field::ActivityAnalysis(id) => rec
            .activity(id)
            .map(|a| a.analysis.clone())
            .unwrap_or_default(),
        _ => super::unit_fields::text_of(rec, field),
    }
}

/// Why a typed value cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Number,
    /// A count: a whole number, 0 or more.
    Count,
    Date,
    /// A deviation's link that names nothing in the plan.
    Link,
}

/// Stores `text` into the field. Free text is always stored as typed;
/// numbers and dates are stored once they parse.
pub fn set_text(
    plan: &Plan,
    rec: &mut FollowUp,
    goal: &str,
    field: &Field,
    text: &str,
) -> Result<(), Invalid> {
    match field {
        Field::Summary => rec.goal_mut(goal).summary = text.to_string(),
        Field::Point(i) => {
            let g = rec.goal_mut(goal);
            if g.analysis.len() <= *i {
                g.analysis.resize(*i + 1, String::new());
            }
            g.analysis[*i] = text.to_string();
        }
        Field::Deviation(i, part) => {
            let g = rec.goal_mut(goal);
            let Some(d) = g.deviations.get_mut(*i) else {
                return Ok(());
            };
            let opt = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_string());
            match part {
                DevPart::What => d.what = text.to_string(),
                DevPart::Link => {
                    d.link = match opt(text) {
                        Some(l) => Some(link_target(plan, goal, &l).ok_or(Invalid::Link)?),
                        None => None,
                    };
                }
                DevPart::Cause => d.cause = text.to_string(),
                DevPart::Measure => d.measure = text.to_string(),
                DevPart::Responsible => d.responsible = opt(text),
                DevPart::Due => {
                    d.due = if text.trim().is_empty() {
                        None
                    } else {
                        Some(parse_date(text).ok_or(Invalid::Date)?)
                    }
                }
                DevPart::Done => {}
            }
        }
        Field::Outcome(id, sex) => {
            let value = if text.trim().is_empty() {
                None
            } else {
                Some(parse_number(text).ok_or(Invalid::Number)?.0)
            };
            let r = rec.indicator_mut(id);
            match sex {
                Sex::Total => r.total = value,
                Sex::Women => r.women = value,
                Sex::Men => r.men = value,
            }
            if value.is_some() {
                r.no_data = false;
            }
        }
        Field::ActivityAnalysis(id) => rec.activity_mut(id).analysis = text.to_string(),
        _ => return super::unit_fields::set_text(rec, field, text),
    }
    Ok(())
}

/// What a deviation's "Gäller" names, as stored: `R2` for an expected
/// result (also written `r2`, `2` or `Punkt 2`), or an indicator's or
/// activity's id in the plan's spelling (`i3` is `I3`). None when it names
/// nothing in the plan.
pub fn link_target(plan: &Plan, goal: &str, text: &str) -> Option<String> {
    let t = text.trim();
    let results = plan.unit_goal(goal).map_or(0, |g| g.expected_results.len());
    let lower = t.to_lowercase();
    let number = lower
        .strip_prefix("punkt")
        .or_else(|| lower.strip_prefix('r'))
        .unwrap_or(&lower)
        .trim();
    if let Ok(n) = number.parse::<usize>() {
        return (1..=results).contains(&n).then(|| format!("R{n}"));
    }
    plan.indicators
        .iter()
        .map(|i| &i.id)
        .chain(plan.activities.iter().map(|a| &a.id))
        .find(|id| id.eq_ignore_ascii_case(t))
        .cloned()
}

/// The targets a deviation of `goal` can concern, in the order ←/→ offer
/// them: its expected results, then its indicators and activities.
pub fn link_choices(plan: &Plan, goal: &str) -> Vec<String> {
    let Some(g) = plan.unit_goal(goal) else {
        return Vec::new();
    };
    let mut v: Vec<String> = (1..=g.expected_results.len())
        .map(|n| format!("R{n}"))
        .collect();
    v.extend(
        plan.indicators_for_goal(g)
            .into_iter()
            .map(|i| i.id.clone()),
    );
    v.extend(
        plan.activities_for_goal(g)
            .into_iter()
            .map(|a| a.id.clone()),
    );
    v
}

/// Steps a deviation's link through `link_choices` (from none: the first
/// or the last).
pub fn cycle_link(plan: &Plan, rec: &mut FollowUp, goal: &str, i: usize, step: isize) -> bool {
    let choices = link_choices(plan, goal);
    let Some(d) = rec.goal_mut(goal).deviations.get_mut(i) else {
        return false;
    };
    if choices.is_empty() {
        return false;
    }
    let n = choices.len() as isize;
    let at = d
        .link
        .as_ref()
        .and_then(|l| choices.iter().position(|c| c == l));
    let next = match at {
        Some(p) => (p as isize + step).rem_euclid(n),
        None if step >= 0 => 0,
        None => n - 1,
    };
    d.link = Some(choices[next as usize].clone());
    true
}

/// "2026-06-30" to a date.
pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().split('-');
    let y: u16 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&m) || d == 0 || !(2000..=2100).contains(&y) {
        return None;
    }
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][m as usize - 1];
    (d <= days).then_some(Date {
        year: y,
        month: m,
        day: d,
    })
}

/// Cycles a choice field forward (`step` 1) or back (`step` -1).
pub fn cycle(rec: &mut FollowUp, goal: &str, field: &Field, step: isize) {
    fn next<T: Copy + PartialEq>(all: &[T], cur: Option<T>, step: isize) -> Option<T> {
        let n = all.len() as isize;
        let i = match cur.and_then(|c| all.iter().position(|x| *x == c)) {
            Some(i) => (i as isize + step).rem_euclid(n),
            None if step >= 0 => 0,
            None => n - 1,
        };
        Some(all[i as usize])
    }
    match field {
        Field::Rating => {
            let g = rec.goal_mut(goal);
            g.rating = next(&Rating::ALL, g.rating, step);
        }
        Field::ActivityStatus(id) => {
            let a = rec.activity_mut(id);
            a.status = next(&ActivityStatus::ALL, a.status, step);
        }
        _ => {}
    }
}

/// Sets a choice field to its `n`th choice (0-based); false when there is
/// no such choice.
pub fn choose(rec: &mut FollowUp, goal: &str, field: &Field, n: usize) -> bool {
    match field {
        Field::Rating if n < Rating::ALL.len() => rec.goal_mut(goal).rating = Some(Rating::ALL[n]),
        Field::ActivityStatus(id) if n < ActivityStatus::ALL.len() => {
            rec.activity_mut(id).status = Some(ActivityStatus::ALL[n])
        }
        _ => return false,
    }
    true
}

/// Flips a toggle; adding a deviation returns its index.
pub fn toggle(rec: &mut FollowUp, goal: &str, field: &Field) -> Option<usize> {
    match field {
        Field::NoData(id) => {
            let r = rec.indicator_mut(id);
            r.no_data = !r.no_data;
            if r.no_data {
                r.total = None;
                r.women = None;
                r.men = None;
            }
        }
        Field::ActivityDeviation(id) => {
            let a = rec.activity_mut(id);
            a.deviation = !a.deviation;
        }
        Field::Deviation(i, DevPart::Done) => {
            if let Some(d) = rec.goal_mut(goal).deviations.get_mut(*i) {
                d.done = !d.done;
            }
        }
        Field::AddDeviation => {
            let g = rec.goal_mut(goal);
            g.deviations.push(Deviation::default());
            return Some(g.deviations.len() - 1);
        }
        _ => {}
    }
    None
}

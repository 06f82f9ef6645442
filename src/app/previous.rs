//! The previous period's text of each of the walk's text fields, shown
//! beside the field (below it in the form) and collapsed with a key. The
//! text is what was committed then; it is untrusted and sanitized where
//! it is drawn.

use super::fields::{DevPart, Field};
use super::model::{Earlier, Model, Session};
use crate::followup::{CATEGORIES, FollowUp};
use crate::plan::Plan;

/// Below this width the texts start collapsed: the form shares the
/// window with the plan above it, and every row counts.
pub const WIDE: u16 = 110;

/// Whether the previous texts are shown: as toggled in this run, else
/// when the window is wide.
pub fn shown(m: &Model) -> bool {
    m.previous_shown.unwrap_or(m.size.0 >= WIDE)
}

/// The previous period's non-empty text of every text field on the
/// session's page, with that period.
pub fn texts(plan: &Plan, s: &Session, fields: &[Field]) -> Vec<(Field, String)> {
    let Some(e) = s.earlier.last() else {
        return Vec::new();
    };
    let goal = plan.unit_goals.get(s.goal).map(|g| g.id.as_str());
    fields
        .iter()
        .filter_map(|f| {
            let text = text_then(e, s, goal, f)?;
            // Text carried over unchanged is not said twice.
            let now = super::fields::text_of(&s.record, goal.unwrap_or(""), f);
            (!text.trim().is_empty() && text.trim() != now.trim()).then(|| (f.clone(), text))
        })
        .collect()
}

/// The same field's text in the earlier follow-up `e`.
fn text_then(e: &Earlier, s: &Session, goal: Option<&str>, field: &Field) -> Option<String> {
    let then: &FollowUp = &e.followup;
    let same_year = e.period.year == s.period.year;
    Some(match field {
        Field::Summary => e.goal(goal?)?.summary.clone(),
        Field::Point(i) => e.goal(goal?)?.analysis.get(*i)?.clone(),
        // A deviation carried over: its text in the period it came from.
        Field::Deviation(i, part) => {
            let at = s
                .record
                .goals
                .iter()
                .position(|g| Some(g.id.as_str()) == goal)?;
            let now = s.record.goals[at].deviations.get(*i)?;
            let origin = now.carried.as_ref().filter(|o| o.period == e.period)?;
            // Found as the carry-over finds it (text, then number): the
            // earlier follow-up may have been reopened and changed since.
            let source = then.goal(&origin.goal)?;
            let number = crate::followup::carried::source_of(&s.record, e.period, source, at, *i)?;
            let d = source.deviations.get(number - 1)?;
            match part {
                DevPart::What => d.what.clone(),
                DevPart::Cause => d.cause.clone(),
                DevPart::Measure => d.measure.clone(),
                _ => return None,
            }
        }
        // Activities keep their ids within a year only.
        Field::ActivityAnalysis(id) if same_year => then.activity(id)?.analysis.clone(),
        Field::UnitSummary => then.summary.clone(),
        Field::EconomyAnalysis => then.economy.analysis.clone(),
        Field::QualityText => then.quality.text.clone(),
        Field::LexSarah => then.quality.lex_sarah.clone(),
        Field::QualityDeviations => then.quality.deviations.clone(),
        Field::QualityOther => then.quality.other.clone(),
        Field::ComplaintAssessment(i) => {
            then.complaint(CATEGORIES.get(*i)?.code)?.assessment.clone()
        }
        _ => return None,
    })
}

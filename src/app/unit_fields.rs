//! The fields of the walk's last page, the unit-level parts of a
//! follow-up: their Tab order, and reading and writing their values.

use super::fields::{Field, Invalid};
use crate::followup::{CATEGORIES, FollowUp};
use crate::i18n::{format_number, parse_number};

/// The fields of the unit-level page in Tab order: a category's
/// assessment appears once it has a count (or already has a text).
pub fn fields(rec: &FollowUp) -> Vec<Field> {
    let mut v = vec![
        Field::UnitSummary,
        Field::Budget,
        Field::EconomyOutcome,
        Field::EconomyAnalysis,
        Field::QualityText,
        Field::LexSarah,
        Field::QualityDeviations,
        Field::QualityOther,
    ];
    for (i, c) in CATEGORIES.iter().enumerate() {
        v.push(Field::Complaint(i));
        if rec
            .complaint(c.code)
            .is_some_and(|r| r.count.is_some() || !r.assessment.is_empty())
        {
            v.push(Field::ComplaintAssessment(i));
        }
    }
    v
}

/// The text of a unit-level field as the editor shows it.
pub fn text_of(rec: &FollowUp, field: &Field) -> String {
    let code = |i: &usize| CATEGORIES.get(*i).map_or("", |c| c.code);
    match field {
        Field::UnitSummary => rec.summary.clone(),
        Field::Budget => rec.economy.budget.map(format_number).unwrap_or_default(),
        Field::EconomyOutcome => rec.economy.outcome.map(format_number).unwrap_or_default(),
        Field::EconomyAnalysis => rec.economy.analysis.clone(),
        Field::QualityText => rec.quality.text.clone(),
        Field::LexSarah => rec.quality.lex_sarah.clone(),
        Field::QualityDeviations => rec.quality.deviations.clone(),
        Field::QualityOther => rec.quality.other.clone(),
        Field::Complaint(i) => rec
            .complaint(code(i))
            .and_then(|c| c.count)
            .map(|n| n.to_string())
            .unwrap_or_default(),
        Field::ComplaintAssessment(i) => rec
            .complaint(code(i))
            .map(|c| c.assessment.clone())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Stores `text` into a unit-level field; amounts and counts once they
/// parse.
pub fn set_text(rec: &mut FollowUp, field: &Field, text: &str) -> Result<(), Invalid> {
    match field {
        Field::UnitSummary => rec.summary = text.to_string(),
        Field::Budget => rec.economy.budget = amount(text)?,
        Field::EconomyOutcome => rec.economy.outcome = amount(text)?,
        Field::EconomyAnalysis => rec.economy.analysis = text.to_string(),
        Field::QualityText => rec.quality.text = text.to_string(),
        Field::LexSarah => rec.quality.lex_sarah = text.to_string(),
        Field::QualityDeviations => rec.quality.deviations = text.to_string(),
        Field::QualityOther => rec.quality.other = text.to_string(),
        Field::Complaint(i) => {
            let Some(c) = CATEGORIES.get(*i) else {
                return Ok(());
            };
            let t = text.trim();
            let count = if t.is_empty() {
                None
            } else {
                Some(t.parse::<u32>().map_err(|_| Invalid::Count)?)
            };
            rec.complaint_mut(c.code).count = count;
        }
        Field::ComplaintAssessment(i) => {
            if let Some(c) = CATEGORIES.get(*i) {
                rec.complaint_mut(c.code).assessment = text.to_string();
            }
        }
        _ => {}
    }
    Ok(())
}

/// An amount in tkr ("959 500", "1 262 500,5"); empty clears it.
fn amount(text: &str) -> Result<Option<f64>, Invalid> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match parse_number(text) {
        Some((v, false)) => Ok(Some(v)),
        _ => Err(Invalid::Number),
    }
}

//! The review's spelling remarks: per checked field, the words neither
//! the dictionary nor the word lists know, at the level `[klar]` gives.

use super::super::fields::{self, Field};
use super::super::limits::text_spot_of;
use super::super::model::Model;
use super::{checked, unique};
use crate::followup::lint::{self, Level, Lint, LintKind, Spot};
use crate::i18n::Lang;

/// The name of a checked field in a remark.
fn field_name(l: Lang, field: &Field) -> String {
    match field {
        Field::Summary => l.t("Sammanfattning", "Summary").into(),
        Field::Point(i) => format!("{} {}", l.t("Punkt", "Point"), i + 1),
        Field::Deviation(i, p) => {
            format!(
                "{} {} {}",
                l.t("Avvikelse", "Deviation"),
                i + 1,
                p.label(l).to_lowercase()
            )
        }
        Field::ActivityAnalysis(id) => format!("{id} {}", l.t("analys", "analysis")),
        Field::UnitSummary => l.t("Sammanfattande analys", "Summary analysis").into(),
        Field::EconomyAnalysis => l.t("Ekonomi", "Economy").into(),
        Field::ComplaintAssessment(i) => format!("{} {}", l.t("Klagomål", "Complaints"), i + 1),
        _ => l.t("Kvalitet", "Quality").into(),
    }
}

/// The review's spelling remarks: one per field with misspelled words.
pub fn remarks(m: &Model) -> Vec<Lint> {
    let (Some(checker), Some(s), Some(plan)) = (&m.spelling.checker, &m.session, m.session_plan())
    else {
        return Vec::new();
    };
    let level = m.rules.level(LintKind::Spelling);
    if level == Level::Off {
        return Vec::new();
    }
    let mut out = Vec::new();
    for page in 0..=plan.unit_goals.len() {
        let goal = plan
            .unit_goals
            .get(page)
            .map(|g| g.id.clone())
            .unwrap_or_default();
        for field in fields::page(plan, &s.record, page) {
            if !checked(&field) {
                continue;
            }
            let text = fields::text_of(&s.record, &goal, &field);
            let words = unique(checker.misspelled(&text).iter().map(|w| w.text));
            if words.is_empty() {
                continue;
            }
            let target = match (&field, goal.is_empty()) {
                (_, true) => lint::UNIT_TARGET.to_string(),
                (Field::Deviation(i, _), false) => format!("{goal}/{}", i + 1),
                (Field::ActivityAnalysis(id), false) => id.clone(),
                _ => goal.clone(),
            };
            // The remark opens the very field the words are in.
            let spot = text_spot_of(&field).map_or(Spot::Analysis, Spot::Text);
            let waived = s
                .record
                .waivers
                .iter()
                .find(|w| w.lint == LintKind::Spelling.code() && w.target == target)
                .map(|w| w.reason.clone());
            out.push(Lint {
                kind: LintKind::Spelling,
                goal: goal.clone(),
                spot,
                target,
                waived,
                level,
                length: None,
                detail: Some(format!(
                    "{} {}: {}",
                    m.lang.t("i", "in"),
                    field_name(m.lang, &field).to_lowercase(),
                    words.join(", ")
                )),
            });
        }
    }
    out
}

//! An enhetsmål in the report: its heading and rating, the expected
//! results, its indicator and activity tables, then the analysis point by
//! point and the deviations with their åtgärder.

use super::{Block, NOT_FILLED, clean, goal_items, heading, link_label, rating_label};
use crate::followup::FollowUp;
use crate::plan::{Plan, UnitGoal};

/// The enhetsmål `u` in the report, after its nämndmål.
pub(super) fn render(
    plan: &Plan,
    f: &FollowUp,
    earlier: &[FollowUp],
    u: &UnitGoal,
    out: &mut Vec<Block>,
) {
    let rec = f.goal(&u.id);
    out.push(heading(4, &format!("Enhetsmål: {}", u.title), false));
    let rating = rec.and_then(|r| r.rating);
    out.push(Block::Rating {
        rating,
        label: rating_label(rating, f.period.is_forecast()),
    });
    if !u.expected_results.is_empty() {
        out.push(Block::Label("Förväntat resultat".into()));
        out.push(Block::Numbered(
            u.expected_results.iter().map(|r| clean(r.trim())).collect(),
        ));
    }
    for c in u.comment.items() {
        out.push(Block::Para(clean(c.trim())));
    }
    goal_items(plan, f, earlier, &u.id, out);
    out.push(Block::Label("Analys".into()));
    let Some(rec) = rec.filter(|r| r.has_analysis() || !r.deviations.is_empty()) else {
        out.push(Block::Placeholder(NOT_FILLED.into()));
        return;
    };
    if !rec.summary.trim().is_empty() {
        out.push(Block::Para(clean(rec.summary.trim())));
    }
    for (i, a) in rec.analysis.iter().enumerate() {
        if a.trim().is_empty() {
            continue;
        }
        out.push(Block::Label(format!("Punkt {}:", i + 1)));
        out.push(Block::Para(clean(a.trim())));
    }
    if rec.deviations.is_empty() {
        return;
    }
    out.push(Block::Label("Avvikelser".into()));
    for (i, d) in rec.deviations.iter().enumerate() {
        out.push(Block::Field {
            label: format!("Avvikelse {}", i + 1),
            text: clean(d.what.trim()),
        });
        if let Some(link) = &d.link {
            out.push(Block::Field {
                label: "Gäller".into(),
                text: clean(&link_label(plan, link)),
            });
        }
        if !d.cause.trim().is_empty() {
            out.push(Block::Field {
                label: "Orsak".into(),
                text: clean(d.cause.trim()),
            });
        }
        out.push(Block::Field {
            label: "Åtgärd".into(),
            text: if d.measure.trim().is_empty() {
                NOT_FILLED.into()
            } else {
                clean(d.measure.trim())
            },
        });
        if let Some(r) = &d.responsible {
            out.push(Block::Field {
                label: "Ansvarig".into(),
                text: clean(r),
            });
        }
        if let Some(due) = d.due {
            out.push(Block::Field {
                label: "Klart senast".into(),
                text: due.to_string(),
            });
        }
        if d.done {
            out.push(Block::Field {
                label: "Åtgärdad".into(),
                text: if d.note.trim().is_empty() {
                    "Ja".into()
                } else {
                    clean(d.note.trim())
                },
            });
        }
    }
}

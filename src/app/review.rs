//! The review before committing: the lints, jumping to what they name,
//! waiving them with a reason, and committing as utkast or klar.

use super::action::{Action, Effect};
use super::fields::{self, DevPart, Field, Sex};
use super::model::{Model, Screen};
use super::walk::new_textarea;
use crate::followup::lint::{self, Lint, Spot};
use crate::followup::{Status, Waiver};
use crate::plan::Plan;

/// The lints in the order shown: open ones first, then waived ones.
pub fn ordered_lints(plan: &Plan, rec: &crate::followup::FollowUp) -> Vec<Lint> {
    let mut all = lint::lints(plan, rec);
    all.sort_by_key(|l| l.waived.is_some());
    all
}

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    let lang = m.lang;
    let Model {
        plans,
        session,
        message,
        screen,
        ..
    } = m;
    let Some(s) = session.as_mut() else {
        *screen = Screen::Units;
        return Vec::new();
    };
    let Some(plan) = plans.get(s.plan).map(|p| &p.plan) else {
        return Vec::new();
    };
    let lints = ordered_lints(plan, &s.record);
    if let Some(area) = &mut s.reopening {
        match action {
            Action::EditorInput(input) if input.key == ratatui_textarea::Key::Enter => {
                let reason = area.lines().join(" ").trim().to_string();
                if reason.is_empty() {
                    *message = Some(
                        lang.t("Skriv varför den återöppnas.", "Write why it is reopened.")
                            .into(),
                    );
                    return Vec::new();
                }
                s.reopening = None;
                let mut record = s.record.clone();
                record.status = Status::Reopened;
                return vec![Effect::Commit {
                    record: Box::new(record),
                    status: Status::Reopened,
                    reason: Some(reason),
                }];
            }
            Action::EditorInput(input) => {
                area.input(input);
            }
            Action::Paste(text) => {
                area.insert_str(text.replace(['\r', '\n'], " "));
            }
            Action::Back => s.reopening = None,
            _ => {}
        }
        return Vec::new();
    }
    if let Some(area) = &mut s.waiving {
        match action {
            Action::EditorInput(input) => {
                if input.key == ratatui_textarea::Key::Enter {
                    let reason = area.lines().join(" ").trim().to_string();
                    if reason.is_empty() {
                        *message = Some(lang.t("Skriv en motivering.", "Write a reason.").into());
                        return Vec::new();
                    }
                    if let Some(l) = lints.get(s.review_selected) {
                        s.record.waivers.push(Waiver {
                            lint: l.kind.code().into(),
                            target: l.target.clone(),
                            reason,
                        });
                        s.dirty = true;
                    }
                    s.waiving = None;
                } else {
                    area.input(input);
                }
            }
            Action::Paste(text) => {
                area.insert_str(text.replace(['\r', '\n'], " "));
            }
            Action::Back => s.waiving = None,
            _ => {}
        }
        return Vec::new();
    }
    match action {
        Action::Back => *screen = Screen::Walk,
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            s.review_selected = super::update::step(s.review_selected, lints.len(), &action);
        }
        Action::Open => {
            if let Some(l) = lints.get(s.review_selected) {
                jump(s, plan, l);
                *screen = Screen::Walk;
            }
        }
        Action::Reopen if s.locked() && !s.read_only => s.reopening = Some(new_textarea("")),
        Action::Reopen => {
            *message = Some(
                lang.t(
                    "Bara en klar uppföljning kan återöppnas.",
                    "Only a follow-up that is done can be reopened.",
                )
                .into(),
            );
        }
        Action::Waive | Action::CommitDraft | Action::CommitDone if s.locked() => {
            *message = Some(
                lang.t(
                    "Uppföljningen är klar. Återöppna den (o) med en motivering för att ändra.",
                    "The follow-up is done. Reopen it (o) with a reason to change it.",
                )
                .into(),
            );
        }
        Action::Waive if !s.read_only => {
            if let Some(l) = lints.get(s.review_selected) {
                if l.waived.is_some() {
                    s.record
                        .waivers
                        .retain(|w| !(w.lint == l.kind.code() && w.target == l.target));
                    s.dirty = true;
                } else {
                    s.waiving = Some(new_textarea(""));
                }
            }
        }
        Action::CommitDraft if !s.read_only => {
            return vec![
                Effect::SaveDraftNow,
                Effect::Commit {
                    record: Box::new(s.record.clone()),
                    status: Status::Draft,
                    reason: None,
                },
            ];
        }
        Action::CommitDone if !s.read_only => {
            let open = lints.iter().filter(|l| l.waived.is_none()).count();
            if open > 0 {
                *message = Some(format!(
                    "{} {}",
                    lang.count(open, ("punkt", "punkter"), ("item", "items")),
                    lang.t(
                        "kvar: åtgärda eller motivera (w) innan klar",
                        "left: fix or waive (w) before done"
                    )
                ));
                return Vec::new();
            }
            return vec![
                Effect::SaveDraftNow,
                Effect::Commit {
                    record: Box::new(s.record.clone()),
                    status: Status::Done,
                    reason: None,
                },
            ];
        }
        Action::CommitDraft | Action::CommitDone | Action::Waive => {
            *message = Some(lang.t("Skrivskyddad.", "Read-only.").into());
        }
        _ => {}
    }
    Vec::new()
}

/// Opens the goal and field a lint names.
fn jump(s: &mut super::model::Session, plan: &Plan, l: &Lint) {
    let Some(goal) = plan.unit_goals.iter().position(|g| g.id == l.goal) else {
        return;
    };
    s.goal = goal;
    s.context_scroll = 0;
    let n_dev = s.record.goal(&l.goal).map_or(0, |g| g.deviations.len());
    let target = match &l.spot {
        Spot::Rating => Field::Rating,
        Spot::Analysis => Field::Summary,
        Spot::Deviation(i) if *i < n_dev => Field::Deviation(*i, DevPart::Measure),
        Spot::Deviation(_) => Field::AddDeviation,
        Spot::Indicator(id) => Field::Outcome(id.clone(), Sex::Total),
    };
    let all = fields::fields(plan, &s.record, &plan.unit_goals[goal]);
    s.focus = all.iter().position(|f| *f == target).unwrap_or(0);
}

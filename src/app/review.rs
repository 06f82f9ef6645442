//! The review before committing: the remarks, every goal and the unit's
//! parts in one list that scrolls, jumping to what a row names, waiving
//! remarks with a reason, and committing as utkast or klar (each asked
//! first).

use super::action::{Action, Effect};
use super::fields::{self, DevPart, Field, Sex};
use super::model::{Model, Screen, Session};
use super::walk::new_textarea;
use crate::followup::lint::{self, Level, Lint, Rules, Spot};
use crate::followup::{FollowUp, Status, Waiver};
use crate::plan::Plan;

/// A unit-level part of the follow-up, as a row of the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitPart {
    Summary,
    Economy,
    Quality,
    Complaints,
}

impl UnitPart {
    pub const ALL: [UnitPart; 4] = [
        UnitPart::Summary,
        UnitPart::Economy,
        UnitPart::Quality,
        UnitPart::Complaints,
    ];

    /// The field the part starts with on the unit-level page.
    fn field(self) -> Field {
        match self {
            UnitPart::Summary => Field::UnitSummary,
            UnitPart::Economy => Field::Budget,
            UnitPart::Quality => Field::QualityText,
            UnitPart::Complaints => Field::Complaint(0),
        }
    }

    /// Whether anything of it is written.
    pub fn done(self, rec: &FollowUp) -> bool {
        match self {
            UnitPart::Summary => !rec.summary.trim().is_empty(),
            UnitPart::Economy => !rec.economy.is_empty(),
            UnitPart::Quality => !rec.quality.is_empty(),
            UnitPart::Complaints => rec.complaints.iter().any(|c| !c.is_empty()),
        }
    }
}

/// A row of the review list.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewRow {
    Remark(Lint),
    /// A goal, by its index in the plan.
    Goal(usize),
    Part(UnitPart),
    /// A comment of the review that returned the follow-up (its index).
    Comment(usize),
}

/// The lints in the order shown: those blocking klar first, then the
/// warnings, then the waived ones.
pub fn ordered_lints(
    plan: &Plan,
    rec: &FollowUp,
    rules: &Rules,
    today: (i32, u32, u32),
) -> Vec<Lint> {
    let mut all = lint::check(plan, rec, rules, today);
    all.sort_by_key(|l| (l.waived.is_some(), l.level == Level::Warn));
    all
}

/// Every row of the review: the goals, the unit's parts, then the
/// remarks. The goals come first so that the whole follow-up is in view at
/// once, however many remarks an early draft has; the count of remarks
/// stands in the heading.
pub fn rows(m: &Model) -> Vec<ReviewRow> {
    let (Some(s), Some(plan)) = (&m.session, m.session_plan()) else {
        return Vec::new();
    };
    let mut rows: Vec<ReviewRow> = (0..plan.unit_goals.len()).map(ReviewRow::Goal).collect();
    rows.extend(UnitPart::ALL.into_iter().map(ReviewRow::Part));
    let comments = s.returned.as_ref().map_or(0, |r| r.remarks.len());
    rows.extend((0..comments).map(ReviewRow::Comment));
    let mut remarks = ordered_lints(plan, &s.record, &m.rules, m.today);
    remarks.extend(super::spelling::remarks(m));
    remarks.sort_by_key(|l| (l.waived.is_some(), l.level == Level::Warn));
    rows.extend(remarks.into_iter().map(ReviewRow::Remark));
    rows
}

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    let lang = m.lang;
    let rows = rows(m);
    let open = rows
        .iter()
        .filter(|r| matches!(r, ReviewRow::Remark(l) if l.blocks()))
        .count();
    let Model {
        plans,
        session,
        message,
        screen,
        confirm,
        ..
    } = m;
    let Some(s) = session.as_mut() else {
        *screen = Screen::Units;
        return Vec::new();
    };
    let Some(plan) = plans.get(s.plan).map(|p| &p.plan) else {
        return Vec::new();
    };
    let selected = rows.get(s.review_selected);
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
                *confirm = Some(super::confirm::reopen(lang, plan, &s.record, reason));
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
                    if let Some(ReviewRow::Remark(l)) = selected {
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
            s.review_selected = super::update::step(s.review_selected, rows.len(), &action);
        }
        Action::Open => match selected {
            Some(ReviewRow::Remark(l)) => {
                jump(s, plan, l);
                *screen = Screen::Walk;
            }
            Some(ReviewRow::Goal(i)) => {
                go_to(s, plan, *i, &Field::Rating);
                *screen = Screen::Walk;
            }
            Some(ReviewRow::Part(p)) => {
                go_to(s, plan, plan.unit_goals.len(), &p.field());
                *screen = Screen::Walk;
            }
            Some(ReviewRow::Comment(i)) => {
                let code = s.returned.as_ref().and_then(|r| r.remarks.get(*i));
                if let Some((page, field)) =
                    code.and_then(|(on, _)| super::remarks::place(plan, on))
                {
                    go_to(s, plan, page, &field);
                    *screen = Screen::Walk;
                }
            }
            None => {}
        },
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
        Action::Waive if !s.read_only => match selected {
            Some(ReviewRow::Remark(l)) if l.waived.is_some() => {
                s.record
                    .waivers
                    .retain(|w| !(w.lint == l.kind.code() && w.target == l.target));
                s.dirty = true;
            }
            Some(ReviewRow::Remark(l)) if l.level == Level::Block => {
                s.waiving = Some(new_textarea(""))
            }
            Some(ReviewRow::Remark(_)) => {
                *message = Some(
                    lang.t(
                        "En varning hindrar inte klar; den behöver ingen motivering.",
                        "A warning does not block done; it needs no reason.",
                    )
                    .into(),
                );
            }
            _ => {
                *message = Some(
                    lang.t(
                        "Välj en anmärkning att motivera.",
                        "Choose a remark to waive.",
                    )
                    .into(),
                );
            }
        },
        Action::CommitDraft if !s.read_only => {
            *confirm = Some(super::confirm::commit(
                lang,
                plan,
                &s.record,
                Status::Draft,
                open,
            ));
        }
        Action::CommitDone if !s.read_only => {
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
            *confirm = Some(super::confirm::commit(
                lang,
                plan,
                &s.record,
                Status::Done,
                open,
            ));
        }
        Action::CommitDraft | Action::CommitDone | Action::Waive => {
            *message = Some(lang.t("Skrivskyddad.", "Read-only.").into());
        }
        _ => {}
    }
    Vec::new()
}

/// Opens page `page` (a goal, or the unit-level page after them) with
/// `field` focused (the first field when it is not on the page).
fn go_to(s: &mut Session, plan: &Plan, page: usize, field: &Field) {
    s.goal = page;
    s.context_scroll = 0;
    s.editor = None;
    let all = fields::page(plan, &s.record, page);
    s.focus = all.iter().position(|f| f == field).unwrap_or(0);
}

/// Opens the goal and field a lint names.
fn jump(s: &mut Session, plan: &Plan, l: &Lint) {
    let unit_page = plan.unit_goals.len();
    let page = match &l.spot {
        Spot::UnitSummary | Spot::EconomyAnalysis => unit_page,
        Spot::Text(_) if l.goal.is_empty() => unit_page,
        _ => match plan.unit_goals.iter().position(|g| g.id == l.goal) {
            Some(i) => i,
            None => return,
        },
    };
    let n_dev = s.record.goal(&l.goal).map_or(0, |g| g.deviations.len());
    let target = match &l.spot {
        Spot::Rating => Field::Rating,
        Spot::Analysis => Field::Summary,
        Spot::Deviation(i) if *i < n_dev => Field::Deviation(*i, DevPart::Measure),
        Spot::Deviation(_) => Field::AddDeviation,
        Spot::DeviationLink(i) => Field::Deviation(*i, DevPart::Link),
        Spot::DeviationDue(i) => Field::Deviation(*i, DevPart::Due),
        Spot::Indicator(id) => Field::Outcome(id.clone(), Sex::Total),
        Spot::Activity(id) => Field::ActivityStatus(id.clone()),
        Spot::UnitSummary => Field::UnitSummary,
        Spot::EconomyAnalysis => Field::EconomyAnalysis,
        Spot::Text(spot) => super::limits::field_of(spot),
    };
    go_to(s, plan, page, &target);
}

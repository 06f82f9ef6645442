//! The one confirmation every question uses (deleting a deviation,
//! committing as utkast or klar, reopening, discarding a draft, quitting
//! with a draft that could not be saved): it says what will happen, shows
//! named buttons and takes only its own explicit answers. y presses the
//! first button, n and Esc cancel, ←/→/Tab move between the buttons and
//! Enter presses the focused one. The focus starts on Avbryt: Enter is
//! the key a hurried or still-typing chief hits most, and it must never
//! commit or delete by itself; every other key is ignored.

use super::action::{Action, Effect};
use super::model::{Model, Screen};
use crate::followup::{FollowUp, Rating, Status};
use crate::i18n::Lang;
use crate::plan::Plan;

/// What pressing the first button does.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Delete deviation `index` (0-based) of `goal`.
    DeleteDeviation { goal: String, index: usize },
    /// Commit the follow-up with this status (utkast or klar).
    Commit(Status),
    /// Reopen a klar follow-up with this reason.
    Reopen(String),
    /// Set the waiting draft aside and show the committed follow-up.
    DiscardDraft,
    /// Quit although the draft could not be saved: the buttons are
    /// [`RescueChoice`]s.
    Unsaved,
    /// Commit the review under way: returned or approved.
    Review(super::review_mode::Verdict),
}

/// The buttons of the question about an unsaved draft when quitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RescueChoice {
    /// Write the draft to a file whose path is typed in.
    ToFile,
    /// Print the draft on stdout after the terminal is restored.
    ToStdout,
    Cancel,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: Question,
    pub title: String,
    /// What will happen, line by line.
    pub lines: Vec<String>,
    /// Button labels; the last one cancels.
    pub buttons: Vec<String>,
    /// The focused button (starts on the last: cancel).
    pub focus: usize,
}

impl Confirm {
    fn new(question: Question, title: String, lines: Vec<String>, buttons: Vec<String>) -> Self {
        let focus = buttons.len().saturating_sub(1);
        Confirm {
            question,
            title,
            lines,
            buttons,
            focus,
        }
    }

    /// The answer a key's action gives: Some(button) when a button is
    /// pressed, None while the question stays. Moves the focus.
    pub fn answer(&mut self, action: &Action) -> Option<Option<usize>> {
        let n = self.buttons.len().max(1);
        match action {
            Action::Confirm(true) => Some(Some(0)),
            Action::Confirm(false) | Action::Back => Some(None),
            Action::NextButton => {
                self.focus = (self.focus + 1) % n;
                None
            }
            Action::PrevButton => {
                self.focus = (self.focus + n - 1) % n;
                None
            }
            Action::PressButton if self.focus + 1 == n => Some(None),
            Action::PressButton => Some(Some(self.focus)),
            _ => None,
        }
    }
}

/// Counts of ratings over the plan's goals, and the open remarks.
pub fn commit_summary(lang: Lang, plan: &Plan, rec: &FollowUp, open: usize) -> String {
    let mut counts = [0usize; 5];
    for g in &plan.unit_goals {
        let i = match rec.goal(&g.id).and_then(|r| r.rating) {
            Some(Rating::Full) => 0,
            Some(Rating::Partial) => 1,
            Some(Rating::Not) => 2,
            Some(Rating::NotAssessed) => 3,
            None => 4,
        };
        counts[i] += 1;
    }
    format!(
        "{}: {} {}, {} {}, {} {}, {} {}, {} {} · {open} {}",
        lang.t("Bedömningar", "Ratings"),
        counts[0],
        lang.t("helt", "fully"),
        counts[1],
        lang.t("delvis", "partly"),
        counts[2],
        lang.t("inte", "not"),
        counts[3],
        lang.t("ej bedömd", "not assessed"),
        counts[4],
        lang.t("utan bedömning", "unrated"),
        if open == 1 {
            lang.t("öppen anmärkning", "open remark")
        } else {
            lang.t("öppna anmärkningar", "open remarks")
        }
    )
}

/// "Beställarenhet 2 · Tertialrapport 1 2025".
fn unit_period(lang: Lang, plan: &Plan, rec: &FollowUp) -> String {
    let period = match lang {
        Lang::Sv => rec.period.title_sv(),
        Lang::En => rec.period.title_en(),
    };
    format!("{} · {period}", plan.unit.name)
}

pub fn commit(lang: Lang, plan: &Plan, rec: &FollowUp, status: Status, open: usize) -> Confirm {
    let (title, what, button) = match status {
        Status::Done => (
            lang.t("Lämna in som klar?", "Commit as done?"),
            lang.t(
                "Uppföljningen sparas som klar i historiken. Därefter ändras den bara efter att den återöppnats med en motivering.",
                "The follow-up is saved as done in the history. After that it changes only once reopened with a reason.",
            ),
            lang.t("Spara som klar", "Save as done"),
        ),
        _ => (
            lang.t("Lämna in som utkast?", "Commit as draft?"),
            lang.t(
                "Uppföljningen sparas som utkast i historiken (en commit med ditt namn och tiden nu). Den kan ändras efteråt.",
                "The follow-up is saved as a draft in the history (a commit with your name and the time now). It can be changed afterwards.",
            ),
            lang.t("Spara som utkast", "Save as draft"),
        ),
    };
    Confirm::new(
        Question::Commit(status),
        title.into(),
        vec![
            unit_period(lang, plan, rec),
            commit_summary(lang, plan, rec, open),
            String::new(),
            what.into(),
        ],
        vec![button.into(), lang.t("Avbryt", "Cancel").into()],
    )
}

pub fn delete_deviation(lang: Lang, goal: &str, index: usize, what: &str) -> Confirm {
    let first = what.lines().next().unwrap_or("").trim();
    let first: String = first.chars().take(60).collect();
    Confirm::new(
        Question::DeleteDeviation {
            goal: goal.into(),
            index,
        },
        lang.t("Ta bort avvikelsen?", "Delete the deviation?")
            .into(),
        vec![
            format!(
                "{} {} {} {goal} {}.",
                lang.t("Avvikelse", "Deviation"),
                index + 1,
                lang.t("under", "of"),
                lang.t("tas bort", "is deleted")
            ),
            if first.is_empty() {
                lang.t("(utan text)", "(no text)").into()
            } else {
                format!("«{first}»")
            },
        ],
        vec![
            lang.t("Ta bort", "Delete").into(),
            lang.t("Avbryt", "Cancel").into(),
        ],
    )
}

pub fn reopen(lang: Lang, plan: &Plan, rec: &FollowUp, reason: String) -> Confirm {
    let lines = vec![
        unit_period(lang, plan, rec),
        format!(
            "{}: «{reason}»",
            lang.t(
                "Uppföljningen återöppnas (en commit) med motiveringen",
                "The follow-up is reopened (a commit) with the reason"
            )
        ),
    ];
    Confirm::new(
        Question::Reopen(reason),
        lang.t("Återöppna uppföljningen?", "Reopen the follow-up?")
            .into(),
        lines,
        vec![
            lang.t("Återöppna", "Reopen").into(),
            lang.t("Avbryt", "Cancel").into(),
        ],
    )
}

pub fn discard_draft(lang: Lang, by: &str, saved: &str) -> Confirm {
    Confirm::new(
        Question::DiscardDraft,
        lang.t("Kasta utkastet?", "Discard the draft?").into(),
        vec![
            format!(
                "{} {by}, {saved}, {}",
                lang.t("Utkastet av", "The draft by"),
                lang.t(
                    "läggs undan (filen sparas i .tertial/drafts) och den inlämnade versionen visas.",
                    "is set aside (the file is kept in .tertial/drafts) and the committed version is shown."
                )
            ),
        ],
        vec![
            lang.t("Kasta utkastet", "Discard the draft").into(),
            lang.t("Avbryt", "Cancel").into(),
        ],
    )
}

pub fn unsaved(lang: Lang, why: &str) -> Confirm {
    Confirm::new(
        Question::Unsaved,
        lang.t("Utkastet kunde inte sparas", "The draft could not be saved")
            .into(),
        vec![
            why.to_string(),
            lang.t(
                "Det du skrivit finns bara i minnet. Spara det någon annanstans innan du avslutar.",
                "What you typed exists only in memory. Save it elsewhere before quitting.",
            )
            .into(),
        ],
        vec![
            lang.t("Spara i en fil …", "Save to a file …").into(),
            lang.t("Skriv ut efter avslut", "Print after quitting")
                .into(),
            lang.t("Avbryt", "Cancel").into(),
        ],
    )
}

/// The choice a button of [`Question::Unsaved`] stands for.
pub fn rescue_choice(button: usize) -> RescueChoice {
    match button {
        0 => RescueChoice::ToFile,
        1 => RescueChoice::ToStdout,
        _ => RescueChoice::Cancel,
    }
}

/// Actions while a question is open: only its own answers count.
pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(c) = m.confirm.as_mut() else {
        return Vec::new();
    };
    let Some(pressed) = c.answer(&action) else {
        return Vec::new();
    };
    let question = c.question.clone();
    m.confirm = None;
    let Some(button) = pressed else {
        return Vec::new();
    };
    answered(m, question, button)
}

fn answered(m: &mut Model, question: Question, button: usize) -> Vec<Effect> {
    if let Question::Review(verdict) = question {
        return super::review_mode::answered(m, verdict);
    }
    if question == Question::Unsaved {
        return match rescue_choice(button) {
            RescueChoice::ToFile => {
                m.rescue_path = Some(super::walk::new_textarea(""));
                Vec::new()
            }
            RescueChoice::ToStdout => {
                m.quit = true;
                vec![Effect::QuitPrintingDraft]
            }
            RescueChoice::Cancel => Vec::new(),
        };
    }
    let Model {
        plans,
        session,
        screen,
        ..
    } = m;
    let Some(s) = session.as_mut() else {
        return Vec::new();
    };
    match question {
        Question::DeleteDeviation { goal, index } => {
            // A deletion is one step that Ctrl-Z takes back.
            let before = super::undo::step_of(s);
            let g = s.record.goal_mut(&goal);
            if index < g.deviations.len() {
                g.deviations.remove(index);
                s.dirty = true;
            }
            if let Some(plan) = plans.get(s.plan) {
                let n = super::fields::page(&plan.plan, &s.record, s.goal).len();
                s.focus = s.focus.min(n.saturating_sub(1));
            }
            super::undo::push_undo(s, before);
            Vec::new()
        }
        Question::Commit(status) => vec![
            Effect::SaveDraftNow,
            Effect::Commit {
                record: Box::new(s.record.clone()),
                status,
                reason: None,
            },
        ],
        Question::Reopen(reason) => {
            let mut record = s.record.clone();
            record.status = Status::Reopened;
            vec![Effect::Commit {
                record: Box::new(record),
                status: Status::Reopened,
                reason: Some(reason),
            }]
        }
        Question::DiscardDraft => {
            if s.read_only {
                return Vec::new();
            }
            s.pending_draft = None;
            *screen = Screen::Walk;
            vec![Effect::DiscardDraft]
        }
        Question::Unsaved | Question::Review(_) => Vec::new(),
    }
}

/// Return or approve the follow-up under review?
pub fn review(
    lang: Lang,
    plan: &Plan,
    s: &super::model::Session,
    verdict: super::review_mode::Verdict,
    comments: &super::review_mode::Comments,
) -> Confirm {
    use super::review_mode::Verdict;
    let remarks = comments.written().count();
    let said = format!(
        "{} · {}",
        lang.count(
            remarks,
            ("kommentar", "kommentarer"),
            ("comment", "comments")
        ),
        if comments.overall.trim().is_empty() {
            lang.t("ingen samlad kommentar", "no overall comment")
        } else {
            lang.t("med samlad kommentar", "with an overall comment")
        }
    );
    let (title, what, button) = match verdict {
        Verdict::Return => (
            lang.t("Återsänd uppföljningen?", "Return the follow-up?"),
            lang.t(
                "Uppföljningen återöppnas (en commit i ditt namn) och enhetschefen ser kommentarerna vid fälten.",
                "The follow-up is reopened (a commit in your name) and the unit chief sees the comments beside the fields.",
            ),
            lang.t("Återsänd", "Return"),
        ),
        Verdict::Approve => (
            lang.t("Godkänn uppföljningen?", "Approve the follow-up?"),
            lang.t(
                "Godkännandet sparas i historiken (en commit i ditt namn). Ändras uppföljningen efteråt måste den återöppnas, och godkännandet gäller inte längre.",
                "The approval is saved in the history (a commit in your name). A follow-up changed afterwards must be reopened, and the approval no longer holds.",
            ),
            lang.t("Godkänn", "Approve"),
        ),
    };
    Confirm::new(
        Question::Review(verdict),
        title.into(),
        vec![
            unit_period(lang, plan, &s.record),
            said,
            String::new(),
            what.into(),
        ],
        vec![button.into(), lang.t("Avbryt", "Cancel").into()],
    )
}

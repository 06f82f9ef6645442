//! Review mode: an area chief (områdeschef) walks a unit's committed
//! follow-up page by page, read-only, and writes a comment beside every
//! goal, indicator, activity and unit part, and one overall comment
//! (samlad kommentar) on the last page. Two outcomes, each asked first:
//! återsänd (needs a comment) and godkänd. Nothing typed here can change
//! the follow-up: a typed letter only ever writes the focused comment.

use super::action::{Action, Effect};
use super::model::{Model, Screen, Session};
pub use super::review_comments::{Comments, Decision, PARTS, Slot, Verdict, part_label, slots};
use crate::i18n::Lang;
use ratatui_textarea::{Key, TextArea};

/// The review being written.
#[derive(Debug, Clone)]
pub struct Reviewing {
    /// The blob id of the follow-up version shown (the one reviewed).
    pub reviewed: String,
    pub comments: Comments,
    /// The focused comment among the page's `slots`.
    pub focus: usize,
    /// The focused comment being written.
    pub editor: Option<TextArea<'static>>,
    /// Changed since the draft was last written.
    pub dirty: bool,
    pub saved_at: Option<u64>,
    /// Why this user cannot review it (the roster, a follow-up that is not
    /// klar): then nothing can be written or committed.
    pub refusal: Option<String>,
    /// The outcome committed, and its short commit id.
    pub decided: Option<(Verdict, String)>,
    /// The last write of the draft failed: quitting again prints the
    /// comments once the terminal is restored.
    pub save_failed: bool,
    /// Unsent comments on an older version of the follow-up, kept aside
    /// in this file (its name) when the review opened.
    pub set_aside: Option<String>,
}

impl Reviewing {
    pub fn new(reviewed: String, comments: Comments, refusal: Option<String>) -> Reviewing {
        Reviewing {
            reviewed,
            comments,
            focus: 0,
            editor: None,
            dirty: false,
            saved_at: None,
            refusal,
            decided: None,
            save_failed: false,
            set_aside: None,
        }
    }

    /// Why nothing can be written now, if so.
    fn closed(&self, l: Lang) -> Option<String> {
        if let Some(why) = &self.refusal {
            return Some(format!("{}: {why}", l.t("Skrivskyddad", "Read-only")));
        }
        self.decided.as_ref().map(|(v, id)| {
            format!(
                "{} ({} {id}).",
                l.t("Granskningen är inlämnad", "The review is committed"),
                v.label(l)
            )
        })
    }
}

/// The follow-up's form shows no focused field in review mode.
pub const NO_FOCUS: usize = usize::MAX;

/// Results that reach review mode whatever is on screen; other actions
/// come back unhandled.
pub fn results(m: &mut Model, action: Action) -> Result<Vec<Effect>, Action> {
    match action {
        Action::ReviewReady(s, r) => {
            let set_aside = r.set_aside.as_ref().map(|file| {
                m.lang.pick(
                    format!(
                        "Uppföljningen har ändrats sedan du skrev dina kommentarer; de är sparade i {}. Granska den nya versionen.",
                        crate::sanitize::line(file)
                    ),
                    format!(
                        "The follow-up changed since you wrote your comments; they are kept in {}. Review the new version.",
                        crate::sanitize::line(file)
                    ),
                )
            });
            m.message = r.closed(m.lang).or(set_aside).or_else(|| {
                (!r.comments.any() && r.saved_at.is_none()).then(|| {
                    m.lang
                        .t(
                            "Skriv en kommentar vid det som ska ändras, eller godkänn.",
                            "Write a comment beside what should change, or approve.",
                        )
                        .to_string()
                })
            });
            m.session = Some(*s);
            m.reviewing = Some(*r);
            m.screen = Screen::Reviewing;
            Ok(Vec::new())
        }
        Action::ReviewDraftSaved(at) => {
            if let Some(r) = &mut m.reviewing {
                r.saved_at = Some(at);
                r.dirty = false;
                r.save_failed = false;
            }
            Ok(Vec::new())
        }
        Action::ReviewDraftFailed(why) => {
            if let Some(r) = &mut m.reviewing {
                r.save_failed = true;
            }
            m.message = Some(format!(
                "{}: {why} ({})",
                m.lang.t(
                    "Kommentarerna kunde inte sparas",
                    "The comments could not be saved"
                ),
                m.lang.t(
                    "avsluta igen så skrivs de ut efter avslut",
                    "quit again and they are printed after quitting"
                )
            ));
            Ok(Vec::new())
        }
        Action::ReviewCommitted(result) => {
            match (result, &mut m.reviewing) {
                (Ok((id, verdict)), Some(r)) => {
                    r.decided = Some((verdict, id.clone()));
                    r.dirty = false;
                    r.editor = None;
                    m.message = Some(match verdict {
                        Verdict::Return => format!(
                            "{} ({id}).",
                            m.lang.t(
                                "Återsänd till enhetschefen med kommentarerna",
                                "Returned to the unit chief with the comments"
                            )
                        ),
                        Verdict::Approve => format!(
                            "{} ({id}).",
                            m.lang
                                .t("Uppföljningen är godkänd", "The follow-up is approved")
                        ),
                    });
                }
                (Err(e), _) => m.message = Some(e),
                (Ok(_), None) => {}
            }
            Ok(Vec::new())
        }
        Action::ReviewLeft => {
            m.reviewing = None;
            m.session = None;
            Ok(super::overview::back_home(m))
        }
        Action::ReviewUnit if matches!(m.screen, Screen::Overview | Screen::Periods) => {
            Ok(open_selected(m))
        }
        other => Err(other),
    }
}

/// The unit (and period) selected in the overview or the period list,
/// opened for review.
fn open_selected(m: &mut Model) -> Vec<Effect> {
    let chosen = match m.screen {
        Screen::Overview => m.overview.as_ref().and_then(|o| {
            o.selected_unit(&m.me)
                .and_then(|i| o.plans.get(i))
                .map(|plan| (*plan, o.data.period))
        }),
        _ => m.periods.as_ref().and_then(|p| {
            p.periods
                .get(p.selected)
                .map(|info| (Some(p.plan), info.period))
        }),
    };
    match chosen {
        Some((Some(plan), period)) => vec![Effect::OpenReview { plan, period }],
        Some((None, _)) => {
            m.message = Some(
                m.lang
                    .t(
                        "Enhetens plan finns inte i arbetskatalogen.",
                        "The unit's plan is not in the working tree.",
                    )
                    .into(),
            );
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// The review screen's actions.
pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    let lang = m.lang;
    let Model {
        plans,
        session,
        reviewing,
        message,
        screen,
        confirm,
        home,
        ..
    } = m;
    let (Some(s), Some(r)) = (session.as_mut(), reviewing.as_mut()) else {
        *screen = *home;
        return Vec::new();
    };
    let Some(plan) = plans.get(s.plan).map(|p| &p.plan) else {
        return Vec::new();
    };
    let here = slots(plan, s.goal);
    let last_page = plan.unit_goals.len();
    if r.editor.is_some() {
        return editing(s, r, &here, last_page, action);
    }
    match action {
        Action::Down | Action::NextField => {
            r.focus = (r.focus + 1).min(here.len().saturating_sub(1))
        }
        Action::Up | Action::PrevField => r.focus = r.focus.saturating_sub(1),
        Action::Top => r.focus = 0,
        Action::Bottom => r.focus = here.len().saturating_sub(1),
        Action::NextGoal | Action::PageDown => turn(s, r, (s.goal + 1).min(last_page)),
        Action::PrevGoal | Action::PageUp => turn(s, r, s.goal.saturating_sub(1)),
        Action::ScrollContextDown => s.context_scroll = s.context_scroll.saturating_add(3),
        Action::ScrollContextUp => s.context_scroll = s.context_scroll.saturating_sub(3),
        Action::Back => return vec![Effect::LeaveReview],
        Action::Open => match r.closed(lang) {
            Some(why) => *message = Some(why),
            None => start_writing(r, &here),
        },
        Action::TypeOnField(c, starts_writing) => match r.closed(lang) {
            Some(why) => *message = Some(why),
            None if starts_writing => {
                start_writing(r, &here);
                let typed = ratatui_textarea::Input {
                    key: Key::Char(c),
                    ..Default::default()
                };
                return editing(s, r, &here, last_page, Action::EditorInput(typed));
            }
            None => {}
        },
        Action::Paste(text) => match r.closed(lang) {
            Some(why) => *message = Some(why),
            None => {
                start_writing(r, &here);
                return editing(s, r, &here, last_page, Action::Paste(text));
            }
        },
        Action::ReturnFollowUp | Action::ApproveFollowUp => {
            let verdict = if matches!(action, Action::ReturnFollowUp) {
                Verdict::Return
            } else {
                Verdict::Approve
            };
            if let Some(why) = r.closed(lang) {
                *message = Some(why);
            } else if verdict == Verdict::Return && !r.comments.any() {
                *message = Some(
                    lang.t(
                        "Skriv minst en kommentar (eller en samlad kommentar) innan du återsänder.",
                        "Write at least one comment (or an overall comment) before returning it.",
                    )
                    .into(),
                );
            } else {
                *confirm = Some(super::confirm::review(lang, plan, s, verdict, &r.comments));
            }
        }
        Action::Rate(_)
        | Action::Left
        | Action::Right
        | Action::AddDeviation
        | Action::DeleteDeviation
        | Action::CopyPrevious
        | Action::Waive
        | Action::Reopen
        | Action::CommitDraft
        | Action::CommitDone => {
            *message = Some(
                lang.t(
                    "Granskningen ändrar inte uppföljningen: skriv en kommentar i stället.",
                    "A review does not change the follow-up: write a comment instead.",
                )
                .into(),
            );
        }
        _ => {}
    }
    Vec::new()
}

/// The question answered: the comments are written to their draft, then
/// the review is committed.
pub fn answered(m: &mut Model, verdict: Verdict) -> Vec<Effect> {
    let (Some(s), Some(r)) = (&m.session, &m.reviewing) else {
        return Vec::new();
    };
    vec![
        Effect::SaveDraftNow,
        Effect::CommitReview(Box::new(Decision {
            verdict,
            unit: s.record.unit.clone(),
            period: s.period,
            reviewed: r.reviewed.clone(),
            comments: r.comments.clone(),
        })),
    ]
}

/// To page `page`: its first comment focused, the follow-up from its top.
fn turn(s: &mut Session, r: &mut Reviewing, page: usize) {
    if page != s.goal {
        s.goal = page;
        s.focus = NO_FOCUS;
        s.context_scroll = 0;
        r.focus = 0;
    }
}

fn start_writing(r: &mut Reviewing, here: &[Slot]) {
    let Some(slot) = here.get(r.focus) else {
        return;
    };
    r.editor = Some(super::walk::new_textarea(r.comments.text(slot)));
}

/// Writing the focused comment: every change is kept at once (and so in
/// the next draft).
fn editing(
    s: &mut Session,
    r: &mut Reviewing,
    here: &[Slot],
    last_page: usize,
    action: Action,
) -> Vec<Effect> {
    let Some(slot) = here.get(r.focus).cloned() else {
        r.editor = None;
        return Vec::new();
    };
    let Some(area) = r.editor.as_mut() else {
        return Vec::new();
    };
    let changed = match action {
        Action::EditorInput(input) => area.input(as_typed(input)),
        Action::Paste(text) => {
            area.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            true
        }
        Action::Undo => area.undo(),
        Action::Redo => area.redo(),
        Action::Back | Action::Open | Action::CancelEdit => {
            r.editor = None;
            false
        }
        Action::NextField | Action::PrevField => {
            r.editor = None;
            r.focus = if matches!(action, Action::NextField) {
                (r.focus + 1).min(here.len().saturating_sub(1))
            } else {
                r.focus.saturating_sub(1)
            };
            false
        }
        Action::NextGoal | Action::PrevGoal => {
            r.editor = None;
            let page = if matches!(action, Action::NextGoal) {
                (s.goal + 1).min(last_page)
            } else {
                s.goal.saturating_sub(1)
            };
            turn(s, r, page);
            false
        }
        _ => false,
    };
    if changed && let Some(area) = &r.editor {
        let text = area.lines().join("\n");
        if text != r.comments.text(&slot) {
            r.comments.set(&slot, text);
            r.dirty = true;
        }
    }
    Vec::new()
}

/// A line feed arrives as ctrl-j or ctrl-m: a new line here.
fn as_typed(input: ratatui_textarea::Input) -> ratatui_textarea::Input {
    match input {
        ratatui_textarea::Input {
            key: Key::Char('j' | 'm'),
            ctrl: true,
            alt: false,
            ..
        } => ratatui_textarea::Input {
            key: Key::Enter,
            ..Default::default()
        },
        other => other,
    }
}

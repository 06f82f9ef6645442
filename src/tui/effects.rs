//! The shell carries out the core's `Effect`s: files, git, $EDITOR, and the
//! slow work it hands to the background worker. Each answers with the
//! actions that tell the core what happened; only `update` changes the
//! model with them.

use super::{editor, input, rescue, session, terminal, worker};
use crate::app::model::JobKind;
use crate::app::start::PlansRead;
use crate::app::{self, Action, Effect, Model};
use crate::i18n::Lang;

/// The draft written when it changed (`DraftSaved`), or why it could not
/// be (`DraftFailed`); nothing when there was nothing to write.
pub fn save_draft(io: &session::Io, model: &Model) -> Option<Action> {
    if !model.session.as_ref().is_some_and(|s| s.dirty) {
        return None;
    }
    match io.save_draft(model) {
        Ok(Some(at)) => Some(Action::DraftSaved(at)),
        Ok(None) => None,
        Err(e) => Some(Action::DraftFailed {
            why: e.to_string(),
            quitting: false,
        }),
    }
}

/// What the shell holds for carrying out effects.
pub struct Shell<'a, 'w> {
    pub io: &'a session::Io<'w>,
    pub term: &'a mut terminal::TerminalGuard,
    pub input: &'a input::InputThread,
    pub worker: &'a mut worker::Worker,
}

/// Carries out one effect; the actions returned answer it.
pub fn carry_out(sh: &mut Shell, model: &mut Model, effect: Effect) -> Vec<Action> {
    let io = sh.io;
    match effect {
        Effect::Quit => Vec::new(),
        Effect::SaveThenQuit => match save_draft(io, model) {
            Some(Action::DraftFailed { why, .. }) => vec![Action::DraftFailed {
                why,
                quitting: true,
            }],
            saved => saved.into_iter().chain([Action::Quit]).collect(),
        },
        Effect::QuitPrintingDraft => {
            if let Some(s) = &model.session {
                rescue::print_after(rescue::draft_text(&s.record));
            }
            Vec::new()
        }
        Effect::WriteDraftTo(path) => vec![rescue::write_to(model, &path)],
        Effect::LoadPeriods(plan) => vec![Action::Periods(io.periods(model, plan))],
        Effect::ReadPlans { period } => {
            let root = io.ws.root.clone();
            vec![sh.worker.start(JobKind::ReadPlans, move |job| {
                let watch = |done, total| {
                    job.progress(done, total);
                    !job.cancelled()
                };
                match crate::workspace::check::load_all_watched(&root, &watch) {
                    Some((plans, diags)) => Action::PlansRead(Box::new(PlansRead {
                        plans,
                        problems: diags.iter().map(|d| d.to_string()).collect(),
                        period,
                    })),
                    // Cancelled: the result is not sent.
                    None => Action::CancelJob,
                }
            })]
        }
        Effect::LoadOverview(period) => {
            let root = io.ws.root.clone();
            let years: Vec<i64> = model.plans.iter().map(|p| p.plan.unit.year).collect();
            let (today, lang) = (model.today, model.lang);
            vec![sh.worker.start(JobKind::Overview, move |job| {
                session::overview(&root, &years, today, lang, period, &|| job.cancelled())
            })]
        }
        Effect::CancelJob => {
            sh.worker.cancel();
            Vec::new()
        }
        Effect::Sync { keep } => {
            // git's progress in the status line as it comes; keys typed
            // meanwhile wait in the queue.
            app::update(model, Action::SyncProgress(String::new()));
            let _ = sh.term.draw(model);
            let lang = model.lang;
            let term = &mut *sh.term;
            let mut show = |line: &str| {
                app::update(model, Action::SyncProgress(line.to_string()));
                let _ = term.draw(model);
            };
            let result = run_sync(io, lang, &keep, &mut show);
            vec![Action::Synced(result)]
        }
        Effect::LoadTimeline { unit, goal } => vec![Action::TimelineLoaded(
            goal.clone(),
            io.timeline(&unit, &goal),
        )],
        Effect::OpenSession { plan, period } => {
            let s = io.open_session(model, plan, period);
            vec![Action::SessionReady(Box::new(s))]
        }
        Effect::SaveDraftNow => save_draft(io, model).into_iter().collect(),
        Effect::DiscardDraft => {
            // Only the holder of the unit's lock may set its draft aside.
            let read_only = model.session.as_ref().is_none_or(|s| s.read_only);
            if let Some(path) = io.draft_path(model)
                && !read_only
                && io.lock.borrow().is_some()
            {
                crate::followup::draft::aside(&path, "discarded");
            }
            Vec::new()
        }
        Effect::ExternalEditor(text) => {
            sh.input.pause();
            let result = sh.term.suspend(|| editor::edit(&editor::command(), &text));
            sh.input.resume();
            vec![Action::ExternalEditorDone(result)]
        }
        Effect::Commit {
            record,
            status,
            reason,
        } => vec![Action::Committed(io.commit(
            model,
            &record,
            status,
            reason.as_deref(),
        ))],
    }
}

/// Runs a sync, handing git's progress lines to `show`.
fn run_sync(
    io: &session::Io,
    lang: Lang,
    keep: &[(String, bool)],
    show: &mut dyn FnMut(&str),
) -> app::SyncResult {
    use crate::sync::Keep;
    let keep = keep
        .iter()
        .map(|(p, local)| (p.clone(), if *local { Keep::Local } else { Keep::Remote }))
        .collect();
    let progress = &mut crate::sync::Progress::Lines(show);
    match crate::sync::sync(&io.ws.root, "origin", &keep, progress) {
        Ok(o) if !o.conflicts.is_empty() => app::SyncResult::Conflicts(
            o.conflicts
                .into_iter()
                .map(|c| app::overlay::ConflictView {
                    path: c.path,
                    local: c.local,
                    remote: c.remote,
                })
                .collect(),
        ),
        Ok(o) => app::SyncResult::Done(format!(
            "{}: {} {}, {} {}",
            lang.t("Synkat", "Synced"),
            o.received,
            lang.t("mottagna", "received"),
            o.replayed,
            lang.t("egna lagda överst", "own put on top")
        )),
        Err(crate::sync::SyncError::NoRemote(remote)) => app::SyncResult::NoRemote(remote),
        Err(e) => app::SyncResult::Failed(format!(
            "{}: {}",
            lang.t("Synken misslyckades", "The sync failed"),
            e.text(lang)
        )),
    }
}

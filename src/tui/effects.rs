//! The shell carries out the core's `Effect`s: files, git, $EDITOR, and the
//! slow work it hands to the background worker (reading plans, the
//! roll-up, the history index, a sync, a commit with its signing; the
//! terminal is handed to a signer that asks for a passphrase). Each
//! answers with the actions that tell the core what happened; only
//! `update` changes the model with them.

use super::{editor, input, rescue, session, terminal, worker};
use crate::app::model::JobKind;
use crate::app::start::PlansRead;
use crate::app::{self, Action, Effect, Model};
use crate::i18n::Lang;
use std::sync::mpsc::{Receiver, Sender};

/// The draft written when it changed (`DraftSaved`), or why it could not
/// be (`DraftFailed`); nothing when there was nothing to write.
pub fn save_draft(io: &session::Io, model: &Model) -> Option<Action> {
    if model.reviewing.as_ref().is_some_and(|r| r.dirty) {
        return match io.save_review_draft(model) {
            Ok(Some(at)) => Some(Action::ReviewDraftSaved(at)),
            Ok(None) => None,
            Err(e) => Some(Action::ReviewDraftFailed(e.to_string())),
        };
    }
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
            // Comments that could not be written keep the program open.
            Some(failed @ Action::ReviewDraftFailed(_)) => vec![failed],
            Some(Action::DraftFailed { why, .. }) => vec![Action::DraftFailed {
                why,
                quitting: true,
            }],
            saved => saved.into_iter().chain([Action::Quit]).collect(),
        },
        Effect::QuitPrintingDraft => {
            if let Some(s) = &model.session {
                let note = app::carry_over::unsaved_note(model);
                rescue::print_after(rescue::draft_text(&s.record, note.as_ref()));
            }
            Vec::new()
        }
        Effect::QuitPrintingComments => {
            if let Some(text) = super::review_io::comments_text(model) {
                rescue::print_after(text);
            }
            Vec::new()
        }
        Effect::WriteDraftTo(path) => vec![rescue::write_to(model, &path)],
        Effect::KeepNoteAside(note) => {
            let kept = model.session.as_ref().map(|s| {
                use crate::followup::draft;
                let path = draft::path(&io.ws.state_dir(), s.period, &s.record.unit);
                draft::note_aside(&path, &note)
                    .map(|p| p.display().to_string())
                    .map_err(|e| crate::oserr::shown(&e).to_string())
            });
            kept.map(Action::NoteKeptAside).into_iter().collect()
        }
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
            let (today, lang, due) = (model.today, model.lang, model.due.clone());
            vec![sh.worker.start(JobKind::Overview, move |job| {
                session::overview(&root, &years, today, lang, period, &due, &|| {
                    job.cancelled()
                })
            })]
        }
        Effect::CancelJob => {
            sh.worker.cancel();
            Vec::new()
        }
        Effect::Sync { keep } => {
            // git's progress in the status line as it comes; keys typed
            // meanwhile wait (see `super::holds_keys`).
            let (root, lang) = (io.ws.root.clone(), model.lang);
            vec![sh.worker.start(JobKind::Sync, move |job| {
                Action::Synced(run_sync(&root, lang, &keep, job))
            })]
        }
        Effect::LoadTimeline { unit, goal } => {
            let effect = Effect::LoadTimeline { unit, goal };
            if let Some(started) = index_history_first(sh, &effect) {
                return vec![started];
            }
            let Effect::LoadTimeline { unit, goal } = effect else {
                unreachable!("made above")
            };
            vec![Action::TimelineLoaded(
                goal.clone(),
                io.timeline(&unit, &goal),
            )]
        }
        Effect::OpenSession { plan, period } => {
            super::spelling::spawn_once(sh.input.tx.clone(), io.ws.root.clone(), model.lang);
            let effect = Effect::OpenSession { plan, period };
            if let Some(started) = index_history_first(sh, &effect) {
                return vec![started];
            }
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
        Effect::Suggest(word) => {
            if let Some(c) = &model.spelling.checker {
                let (speller, tx) = (c.speller(), sh.input.tx.clone());
                std::thread::spawn(move || {
                    let found = speller.suggest(&word);
                    let _ = tx.send(input::Input::Job(Box::new(Action::Suggestions {
                        word,
                        found,
                    })));
                });
            }
            Vec::new()
        }
        Effect::AddWord {
            word,
            shared: false,
        } => {
            vec![Action::WordAdded(
                crate::spell::words::add_to_user_list(&word)
                    .map(|_| (word, false))
                    .map_err(|e| e.to_string()),
            )]
        }
        Effect::AddWord { word, shared: true } => {
            let (root, who) = (io.ws.root.clone(), io.who.clone());
            vec![sh.worker.start(JobKind::Commit, move |_| {
                let result = crate::repo::open(&root).and_then(|r| {
                    crate::spell::words::commit_word(&r, crate::repo::DEFAULT_BRANCH, &word, &who)
                });
                Action::WordAdded(result.map(|_| (word, true)).map_err(|e| e.to_string()))
            })]
        }
        Effect::OpenReview { plan, period } => {
            // A reviewer's comments are spell checked too.
            super::spelling::spawn_once(sh.input.tx.clone(), io.ws.root.clone(), model.lang);
            vec![io.open_review(model, plan, period)]
        }
        // Comments that could not be written keep review mode open.
        Effect::LeaveReview => match save_draft(io, model) {
            Some(failed @ Action::ReviewDraftFailed(_)) => vec![failed],
            saved => saved.into_iter().chain([Action::ReviewLeft]).collect(),
        },
        Effect::CommitReview(decision) => {
            let Some(work) = io.review_work(model, *decision) else {
                return vec![Action::ReviewCommitted(Err("no review".into()))];
            };
            vec![sh.worker.start(JobKind::Commit, move |_| {
                Action::ReviewCommitted(work.run())
            })]
        }
        Effect::Commit {
            record,
            status,
            reason,
        } => {
            let Some(work) = io.commit_work(model, &record, status, reason) else {
                return vec![Action::Committed(Err("no session".into()))];
            };
            vec![
                sh.worker
                    .start(JobKind::Commit, move |_| Action::Committed(work.run())),
            ]
        }
    }
}

/// A session or a timeline reads the history index: when it is not up to
/// date with the branch (the first time, or after others' commits came
/// in), it is brought up to date in the background first, and `then` is
/// carried out after (`Action::HistoryIndexed`).
fn index_history_first(sh: &mut Shell, then: &Effect) -> Option<Action> {
    let io = sh.io;
    let state = io.ws.state_dir();
    if crate::history::Index::is_current(&io.repo, crate::repo::DEFAULT_BRANCH, &state) {
        return None;
    }
    let root = io.ws.root.clone();
    let then = Box::new(then.clone());
    Some(sh.worker.start(JobKind::History, move |job| {
        if let Ok(repository) = crate::repo::open(&root)
            && !job.cancelled()
        {
            // A failure is met again, and said, where the index is read.
            let _ = crate::history::Index::load(&repository, crate::repo::DEFAULT_BRANCH, &state);
        }
        Action::HistoryIndexed(then)
    }))
}

/// What the loop does with a job's message before `update` sees it: a
/// commit that went through leaves no draft behind, and the working tree
/// is brought up to date with it (the draft and the refreshes are the
/// shell's, on this thread).
pub fn on_job_message(io: &session::Io, model: &Model, action: &Action) {
    let Action::JobDone { id, result } = action else {
        return;
    };
    let ours = model
        .job
        .as_ref()
        .is_some_and(|j| j.id == *id && j.kind == JobKind::Commit);
    if let (true, Action::WordAdded(Ok((_, true)))) = (ours, result.as_ref()) {
        io.refresh_worktree(vec![crate::spell::words::WORKSPACE_FILE.to_string()]);
    }
    if let (true, Action::ReviewCommitted(Ok(_)), Some(s)) = (ours, result.as_ref(), &model.session)
    {
        io.refresh_worktree(vec![
            crate::followup::path(s.period, &s.record.unit),
            crate::review::path(s.period, &s.record.unit),
        ]);
    }
    if let (true, Action::Committed(Ok(_)), Some(s)) = (ours, result.as_ref(), &model.session) {
        if let Some(path) = io.draft_path(model) {
            crate::followup::draft::remove(&path);
        }
        io.refresh_worktree(vec![crate::followup::path(s.period, &s.record.unit)]);
    }
}

/// A job asked for the terminal (a signer's passphrase): it is handed
/// over, with a line saying what is asked, until the job is through.
pub fn hand_over_terminal(sh: &mut Shell, lang: Lang, granted: Sender<()>, done: Receiver<()>) {
    sh.input.pause();
    sh.term.suspend(|| {
        println!(
            "\r\ntertial: {}\r",
            lang.t(
                "incheckningen signeras; ange nyckelns lösenfras.",
                "signing the commit; enter the key's passphrase."
            )
        );
        if granted.send(()).is_ok() {
            // Err: the job ended without saying so; the terminal is ours.
            let _ = done.recv();
        }
    });
    sh.input.resume();
}

/// Lets signers ask for the terminal through the loop (`Input::Terminal`).
pub fn register_handover(tx: Sender<input::Input>) {
    let tx = std::sync::Mutex::new(tx);
    crate::repo::sign::set_handover(Some(std::sync::Arc::new(move |run: &mut dyn FnMut()| {
        let (granted_tx, granted) = std::sync::mpsc::channel();
        let (done, done_rx) = std::sync::mpsc::channel();
        let sent = tx.lock().is_ok_and(|tx| {
            tx.send(input::Input::Terminal {
                granted: granted_tx,
                done: done_rx,
            })
            .is_ok()
        });
        // Not granted: the loop has ended (the request was dropped).
        if !sent || granted.recv().is_err() {
            return false;
        }
        run();
        let _ = done.send(());
        true
    })));
}

/// Runs a sync, telling git's progress lines and its steps to `job`.
fn run_sync(
    root: &std::path::Path,
    lang: Lang,
    keep: &[(String, bool)],
    job: &worker::Job,
) -> app::SyncResult {
    use crate::sync::Keep;
    let keep = keep
        .iter()
        .map(|(p, local)| (p.clone(), if *local { Keep::Local } else { Keep::Remote }))
        .collect();
    let cancellable = std::cell::Cell::new(true);
    let mut line = |text: &str| job.step(text, cancellable.get());
    let mut step = |step: crate::sync::Step| {
        cancellable.set(step.cancellable());
        job.step("", step.cancellable());
    };
    let watch = crate::sync::Watch::new(&mut line, &mut step, job.flag());
    match crate::sync::sync(
        root,
        "origin",
        &keep,
        &mut crate::sync::Progress::Watched(watch),
    ) {
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
        Err(crate::sync::SyncError::Cancelled) => app::SyncResult::Failed(
            lang.t(
                "Synken avbröts under hämtningen; inget ändrades.",
                "The sync was cancelled while fetching; nothing changed.",
            )
            .into(),
        ),
        Err(e) => app::SyncResult::Failed(format!(
            "{}: {}",
            lang.t("Synken misslyckades", "The sync failed"),
            e.text(lang)
        )),
    }
}

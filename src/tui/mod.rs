//! The shell around the core: reads what the first frame needs
//! (`startup`), sets up the terminal, turns terminal events into
//! `Action`s, runs `update`, carries out `Effect`s (`effects`; slow work
//! on the background `worker`, which may ask for the terminal to hand to
//! a signer), holds keys while a step that decides where they go runs,
//! saves drafts, and redraws only when an action was handled (no fixed
//! frame rate: it costs bandwidth over SSH). The model is changed only by
//! `update`: everything the shell learns (today's date, loaded files, job
//! progress) reaches it as an action.

pub mod backend;
mod editor;
mod effects;
pub(crate) mod input;
mod keys;
mod rescue;
mod review_io;
pub mod session;
mod spelling;
pub mod startup;
pub mod terminal;
mod worker;

use crate::app::{self, Action, Model};
use crate::cli::OpenArgs;
use crate::i18n::Lang;
use crate::workspace::Workspace;
use ratatui::crossterm::event::Event;
use std::collections::VecDeque;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

/// A change is written to the draft at most this long after it was made.
pub const DRAFT_DELAY: Duration = Duration::from_millis(1000);

/// What the screen shows elsewhere than at the cursor (the text mirrored
/// in the form) is brought up to date this long after typing pauses.
const CATCH_UP: Duration = Duration::from_millis(300);
/// How often a running working-tree refresh is looked in on.
const REFRESH_POLL: Duration = Duration::from_millis(50);

/// Opens `ws` in the terminal until the user quits.
pub fn run(ws: &Workspace, args: &OpenArgs) -> anyhow::Result<()> {
    run_as(ws, args, false)
}

/// `tertial review DIR --unit ID --period P`: opens the unit's committed
/// follow-up of that period for review (read-only, with a comment beside
/// every part; returned or approved from there) until the user quits.
pub fn review(ws: &Workspace, args: &OpenArgs) -> anyhow::Result<()> {
    if args.unit.is_none() || args.period.is_none() {
        let l = Lang::detect(args.lang.as_deref());
        anyhow::bail!(
            "{}",
            l.t(
                "granskning behöver --unit och --period",
                "a review needs --unit and --period"
            )
        );
    }
    run_as(ws, args, true)
}

fn run_as(ws: &Workspace, args: &OpenArgs, review: bool) -> anyhow::Result<()> {
    let lang = Lang::detect(args.lang.as_deref());
    rescue::ignore_file_size_signal();
    crate::i18n::set_current(lang);
    let startup::Opening {
        mut model,
        mut first,
    } = startup::open(ws, args, lang, crate::clock::today())?;
    if let Action::Start(start) = &mut first {
        start.review = review;
    }
    let repository = ws.repo()?;
    // Known before any typing: who will sign the follow-up.
    let who = crate::repo::identity(&repository, args.author.as_deref())?;
    let io = session::Io {
        ws,
        repo: repository,
        who,
        lock: Default::default(),
        refreshes: Default::default(),
    };
    // A refresh an earlier run could not finish (a stale index lock).
    if crate::repo::worktree::has_pending(crate::repo::git_dir(&io.repo)) {
        io.refresh_worktree(Vec::new());
    }
    let mut term = terminal::TerminalGuard::enter()?;
    let input = input::InputThread::spawn();
    let mut worker = worker::Worker::new(input.tx.clone());
    effects::register_handover(input.tx.clone());
    let mut queue = VecDeque::new();
    if let Ok(size) = term.size() {
        queue.push_back(Action::Resize(size.width, size.height));
    }
    queue.push_back(first);
    let mut shell = effects::Shell {
        io: &io,
        term: &mut term,
        input: &input,
        worker: &mut worker,
    };
    let exit_code = event_loop(&mut shell, &mut model, queue);
    // Nothing read in the background is waited for; a sync or a commit
    // is (a passphrase it still waits for is not asked any more).
    crate::repo::sign::set_handover(None);
    worker.finish(&input.rx);
    leave(&io, &mut model, term, exit_code)
}

/// Handles actions, draws, and waits for the next key, signal or job
/// message, until the model quits (None) or the terminal is gone or a
/// signal ends the program (its exit code).
fn event_loop(
    sh: &mut effects::Shell,
    model: &mut Model,
    mut queue: VecDeque<Action>,
) -> Option<i32> {
    let mut dirty_since: Option<Instant> = None;
    // A signal or hang-up met while taking a burst of keys, for the next turn.
    let mut held: Option<input::Input> = None;
    let mut redraw = true;
    // Keys typed while a step runs that decides where they go (a commit,
    // a sync, the history before a unit opens), taken once it is done.
    let mut waiting_keys: VecDeque<Action> = VecDeque::new();
    loop {
        queue.extend(sh.io.refreshed());
        // A program left open over midnight counts days from the new one.
        let today = crate::clock::today();
        if today != model.today {
            queue.push_front(Action::NewDay(today));
        }
        // Keys wait for a frame that shows how the step ended (its
        // message) before they are taken, ahead of any typed since.
        if !holds_keys(model) {
            while let Some(key) = waiting_keys.pop_back() {
                queue.push_front(key);
            }
        }
        while let Some(action) = queue.pop_front() {
            // Also the keys of a burst behind the one that started it, and
            // keys behind waiting ones (they keep their order).
            let holding = holds_keys(model) || !waiting_keys.is_empty();
            if holding && waits_for_step(&action) {
                waiting_keys.push_back(action);
                continue;
            }
            redraw = true;
            for effect in app::update(model, action) {
                queue.extend(effects::carry_out(sh, model, effect));
            }
        }
        if model.quit {
            return None;
        }
        let dirty = model.session.as_ref().is_some_and(|s| s.dirty)
            || model.reviewing.as_ref().is_some_and(|r| r.dirty);
        // What exists only in memory is where a panic can still save it.
        match (dirty, sh.io.draft_path(model), &model.session) {
            (true, Some(path), Some(s)) if !s.read_only => {
                rescue::remember(&path, &s.record, app::carry_over::unsaved_note(model))
            }
            _ => rescue::forget(),
        }
        match (dirty, dirty_since) {
            (true, None) => dirty_since = Some(Instant::now()),
            (false, _) => dirty_since = None,
            _ => {}
        }
        // Saved on time also while keys keep coming (the wait below would
        // otherwise always be cut short by the next key).
        if dirty_since.is_some_and(|t| t.elapsed() >= DRAFT_DELAY) {
            if let Some(a) = effects::save_draft(sh.io, model) {
                app::update(model, a);
            }
            dirty_since = None;
            redraw = true;
        }
        // A terminal that cannot be written to is gone: the loop ends and
        // the draft is saved after it, never skipped by an error.
        if std::mem::take(&mut redraw) && sh.term.draw(model).is_err() {
            return Some(129);
        }
        let wait = dirty_since.map(|t| DRAFT_DELAY.saturating_sub(t.elapsed()));
        // Cells put off while typing are written once typing pauses.
        let wait = match (wait, sh.term.behind().then_some(CATCH_UP)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // A working-tree refresh is looked in on until it ends.
        let wait = match (wait, sh.io.refreshing().then_some(REFRESH_POLL)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // Keys that waited are taken right after this frame.
        let wait = match waiting_keys.is_empty() || holds_keys(model) {
            true => wait,
            false => Some(Duration::ZERO),
        };
        let event = match (held.take(), wait) {
            (Some(h), _) => Ok(h),
            (None, Some(w)) => sh.input.rx.recv_timeout(w),
            (None, None) => sh
                .input
                .rx
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
        };
        match event {
            Ok(input::Input::Term(ev)) => {
                take_event(sh, &ev, &mut queue);
                // Take every key already waiting before drawing: a burst
                // (a paste, a fast typist over a slow link) is one frame.
                while let Ok(next) = sh.input.rx.try_recv() {
                    match next {
                        input::Input::Term(ev) => take_event(sh, &ev, &mut queue),
                        other => {
                            held = Some(other);
                            break;
                        }
                    }
                }
            }
            Ok(input::Input::Job(action)) => {
                effects::on_job_message(sh.io, model, &action);
                queue.push_back(*action);
            }
            Ok(input::Input::Terminal { granted, done }) => {
                effects::hand_over_terminal(sh, model.lang, granted, done);
                redraw = true;
            }
            Ok(input::Input::Suspend) => {
                if let Some(a) = effects::save_draft(sh.io, model) {
                    queue.push_back(a);
                }
                sh.input.pause();
                sh.term.suspend(|| {
                    // Stop for real now the terminal is restored; SIGCONT
                    // continues here.
                    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
                });
                sh.input.resume();
                redraw = true;
            }
            // Typing paused, or the draft is due (saved at the top of the
            // loop).
            Err(RecvTimeoutError::Timeout) => {
                if sh.term.behind() && sh.term.catch_up().is_err() {
                    return Some(129);
                }
            }
            // A hang-up, a stop signal, or the terminal gone: keep what was
            // typed and leave.
            Ok(input::Input::Stop(sig)) => return Some(128 + sig),
            Ok(input::Input::Gone) | Err(RecvTimeoutError::Disconnected) => return Some(129),
        }
    }
}

/// One terminal event into the queue (a resize first forgets the screen).
fn take_event(sh: &mut effects::Shell, ev: &Event, queue: &mut VecDeque<Action>) {
    if matches!(ev, Event::Resize(..)) {
        sh.term.forget();
    }
    rescue::panic_for_tests(ev);
    queue.extend(keys::action_for(ev));
}

/// Whether `action` waits while keys are held: keys and pastes, except
/// the keys that stop a job.
fn waits_for_step(action: &Action) -> bool {
    match action {
        Action::Key(k) => !app::update::cancels_job(k),
        Action::Paste(_) => true,
        _ => false,
    }
}

/// Whether keys wait: while a job runs whose end decides where they go
/// (a commit, a sync, the history before a unit opens). Keys typed while
/// the plans are read or the overview is rolled up are taken at once
/// (the unit filter).
fn holds_keys(model: &Model) -> bool {
    use app::model::JobKind;
    model
        .job
        .as_ref()
        .is_some_and(|j| matches!(j.kind, JobKind::Sync | JobKind::Commit | JobKind::History))
}

/// The way out: the draft saved (or, when it cannot be, written somewhere
/// and named on stderr), the terminal restored, a printed draft printed;
/// with an exit code (a signal, a lost terminal) the process ends here.
fn leave(
    io: &session::Io,
    model: &mut Model,
    term: terminal::TerminalGuard,
    exit_code: Option<i32>,
) -> anyhow::Result<()> {
    if let Some(a) = effects::save_draft(io, model) {
        app::update(model, a);
    }
    // Still unsaved (a hang-up or signal with the drafts folder
    // unwritable): a file in the temporary folder, named on stderr.
    let unsaved = match (&model.session, io.draft_path(model)) {
        (Some(s), Some(path)) if s.dirty && !s.read_only => {
            let note = crate::app::carry_over::unsaved_note(model);
            (!rescue::printing()).then(|| rescue::save_somewhere(&path, &s.record, note.as_ref()))
        }
        _ => None,
    };
    rescue::forget();
    if let Some(code) = exit_code {
        // The draft is safe; restore what can be restored and go. (Not by
        // dropping the terminal: ratatui prints to stderr then, which
        // fails on a terminal that is gone.)
        terminal::restore();
        std::mem::forget(term);
        // Before the process ends: a refresh killed mid-write would leave
        // git's index.lock behind.
        io.finish_refreshes();
        if let Some(msg) = unsaved {
            eprintln!("{msg}");
        }
        std::process::exit(code);
    }
    drop(term);
    io.finish_refreshes();
    if let Some(text) = rescue::take_print() {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
    if let Some(msg) = unsaved {
        eprintln!("{msg}");
    }
    Ok(())
}

/// A workspace of many units opens on the overview (see
/// `overview::START_SCREEN_UNITS`).
pub fn starts_on_overview(model: &Model) -> bool {
    app::start::starts_on_overview(model)
}

//! The shell around the core: sets up the terminal, turns terminal events
//! into `Action`s, runs `update`, carries out `Effect`s (files, git,
//! $EDITOR), saves drafts, and redraws only when an action was handled
//! (no fixed frame rate: it costs bandwidth over SSH).

pub mod backend;
mod editor;
pub(crate) mod input;
mod keys;
mod rescue;
pub mod session;
pub mod terminal;

use crate::app::{self, Action, Effect, Model};
use crate::cli::OpenArgs;
use crate::followup::Period;
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
    let lang = Lang::detect(args.lang.as_deref());
    rescue::ignore_file_size_signal();
    crate::i18n::set_current(lang);
    // With --unit only that unit's plans are read: opening one unit of a
    // city's workspace must not wait for 1,200 others.
    let (plans, diags) = match &args.unit {
        Some(unit) => {
            let found = ws.load_unit_plans(unit);
            if found.0.is_empty() && found.1.is_empty() {
                ws.load_plans()
            } else {
                found
            }
        }
        None => ws.load_plans(),
    };
    if plans.is_empty() && diags.is_empty() {
        anyhow::bail!(
            "{}",
            lang.t(
                "arbetsytan har inga planer; lägg dem i plans/<år>/<enhet>.toml",
                "the workspace has no plans; put them in plans/<year>/<unit>.toml"
            )
        );
    }
    let repository = ws.repo()?;
    // Known before any typing: who will sign the follow-up.
    let who = crate::repo::identity(&repository, args.author.as_deref())?;
    let mut problems: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    let keymap = crate::keymap::load(
        args.keymap.as_deref(),
        crate::keymap::config_dir().as_deref(),
    );
    // Errors always; warnings only for the user's own files (the presets'
    // known warnings are for `tertial keymap check`).
    problems.extend(
        keymap
            .problems
            .iter()
            .filter(|d| d.is_error() || !d.file.starts_with("keymaps/"))
            .map(|d| d.to_string()),
    );
    let name = ws
        .root
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| ws.root.display().to_string());
    let rules = ws.rules();
    if let Err(e) = &rules {
        problems.push(format!("{}: {e}", crate::workspace::MARKER));
    }
    let mut model = Model::new(lang, name, plans, problems);
    model.today = crate::clock::today();
    model.keymap = keymap.map;
    model.rules = rules.unwrap_or_default();
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

    let mut queue: VecDeque<Action> = VecDeque::new();
    let period: Option<Period> = args.period.as_deref().map(str::parse).transpose()?;
    let unit_index = match &args.unit {
        Some(unit) => Some(
            model
                .plans
                .iter()
                .position(|p| &p.plan.unit.id == unit)
                .ok_or_else(|| {
                    anyhow::anyhow!("{}: {unit}", lang.t("okänd enhet", "unknown unit"))
                })?,
        ),
        None if model.plans.len() == 1 => Some(0),
        None => None,
    };
    if let Some(i) = unit_index {
        match period {
            Some(p) => {
                if i64::from(p.year) != model.plans[i].plan.unit.year {
                    anyhow::bail!(
                        "{} {p}: {} {}",
                        lang.t("perioden", "the period"),
                        lang.t("planen gäller", "the plan is for"),
                        model.plans[i].plan.unit.year
                    );
                }
                let s = io.open_session(&mut model, i, p);
                queue.push_back(Action::SessionReady(Box::new(s)));
            }
            None => queue.push_back(Action::Periods(io.periods(&model, i))),
        }
    }
    if unit_index.is_none() && starts_on_overview(&model) {
        // `--period` without `--unit` chooses the overview's period.
        queue.push_back(io.overview(&model, period));
    }
    if !model.problems.is_empty() {
        // The problems screen comes first; the rest waits behind it.
        let pending: Vec<Action> = queue.drain(..).collect();
        for a in pending {
            app::update(&mut model, a);
        }
        model.after_problems = model.screen;
        model.screen = app::Screen::Problems;
    }

    let mut term = terminal::TerminalGuard::enter()?;
    let input = input::InputThread::spawn();
    if let Ok(size) = term.size() {
        app::update(&mut model, Action::Resize(size.width, size.height));
    }
    let mut dirty_since: Option<Instant> = None;
    let mut exit_code: Option<i32> = None;
    // A signal or hang-up met while taking a burst of keys, for the next turn.
    let mut held: Option<input::Input> = None;
    let mut redraw = true;
    loop {
        queue.extend(io.refreshed());
        while let Some(action) = queue.pop_front() {
            redraw = true;
            let effects = app::update(&mut model, action);
            for effect in effects {
                if let Some(next) = carry_out(&io, &mut model, &mut term, &input, effect) {
                    queue.push_back(next);
                }
            }
        }
        if model.quit {
            break;
        }
        let dirty = model.session.as_ref().is_some_and(|s| s.dirty);
        // What exists only in memory is where a panic can still save it.
        match (dirty, io.draft_path(&model), &model.session) {
            (true, Some(path), Some(s)) if !s.read_only => rescue::remember(&path, &s.record),
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
            save_draft(&io, &mut model);
            dirty_since = None;
            redraw = true;
        }
        // A terminal that cannot be written to is gone: the loop ends and
        // the draft is saved below, never skipped by an error.
        if std::mem::take(&mut redraw) && term.draw(&model).is_err() {
            exit_code = Some(129);
            break;
        }
        let wait = dirty_since.map(|t| DRAFT_DELAY.saturating_sub(t.elapsed()));
        // Cells put off while typing are written once typing pauses.
        let wait = match (wait, term.behind().then_some(CATCH_UP)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // A working-tree refresh is looked in on until it ends.
        let wait = match (wait, io.refreshing().then_some(REFRESH_POLL)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let event = match (held.take(), wait) {
            (Some(h), _) => Ok(h),
            (None, Some(w)) => input.rx.recv_timeout(w),
            (None, None) => input.rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match event {
            Ok(input::Input::Term(ev)) => {
                if matches!(ev, Event::Resize(..)) {
                    term.forget();
                }
                rescue::panic_for_tests(&ev);
                if let Some(a) = keys::action_for(&ev) {
                    queue.push_back(a);
                }
                // Take every key already waiting before drawing: a burst
                // (a paste, a fast typist over a slow link) is one frame.
                while let Ok(next) = input.rx.try_recv() {
                    match next {
                        input::Input::Term(ev) => {
                            if matches!(ev, Event::Resize(..)) {
                                term.forget();
                            }
                            rescue::panic_for_tests(&ev);
                            queue.extend(keys::action_for(&ev))
                        }
                        other => {
                            held = Some(other);
                            break;
                        }
                    }
                }
            }
            Ok(input::Input::Suspend) => {
                save_draft(&io, &mut model);
                input.pause();
                term.suspend(|| {
                    // Stop for real now the terminal is restored; SIGCONT
                    // continues here.
                    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
                });
                input.resume();
                redraw = true;
            }
            // Typing paused, or the draft is due (saved at the top of the
            // loop).
            Err(RecvTimeoutError::Timeout) => {
                if term.behind() && term.catch_up().is_err() {
                    exit_code = Some(129);
                    break;
                }
            }
            // A hang-up, a stop signal, or the terminal gone: keep what was
            // typed and leave.
            Ok(input::Input::Stop(sig)) => {
                exit_code = Some(128 + sig);
                break;
            }
            Ok(input::Input::Gone) | Err(RecvTimeoutError::Disconnected) => {
                exit_code = Some(129);
                break;
            }
        }
    }
    save_draft(&io, &mut model);
    // Still unsaved (a hang-up or signal with the drafts folder
    // unwritable): a file in the temporary folder, named on stderr.
    let unsaved = match (&model.session, io.draft_path(&model)) {
        (Some(s), Some(path)) if s.dirty && !s.read_only => {
            (!rescue::printing()).then(|| rescue::save_somewhere(&path, &s.record))
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
    let units: std::collections::HashSet<&str> = model
        .plans
        .iter()
        .map(|p| p.plan.unit.id.as_str())
        .collect();
    units.len() > crate::overview::START_SCREEN_UNITS
}

fn save_draft(io: &session::Io, model: &mut Model) -> bool {
    if !model.session.as_ref().is_some_and(|s| s.dirty) {
        return true;
    }
    match io.save_draft(model) {
        Ok(Some(at)) => {
            app::update(model, Action::DraftSaved(at));
            true
        }
        Ok(None) => true,
        Err(e) => {
            app::update(
                model,
                Action::DraftFailed {
                    why: e.to_string(),
                    quitting: false,
                },
            );
            false
        }
    }
}

/// Carries out one effect; some answer with an action.
fn carry_out(
    io: &session::Io,
    model: &mut Model,
    term: &mut terminal::TerminalGuard,
    input: &input::InputThread,
    effect: Effect,
) -> Option<Action> {
    match effect {
        Effect::Quit => None,
        Effect::SaveThenQuit => {
            if save_draft(io, model) {
                Some(Action::Quit)
            } else {
                let why = model
                    .session
                    .as_ref()
                    .and_then(|s| s.save_error.clone())
                    .unwrap_or_default();
                Some(Action::DraftFailed {
                    why,
                    quitting: true,
                })
            }
        }
        Effect::QuitPrintingDraft => {
            if let Some(s) = &model.session {
                rescue::print_after(rescue::draft_text(&s.record));
            }
            None
        }
        Effect::WriteDraftTo(path) => Some(rescue::write_to(model, &path)),
        Effect::LoadPeriods(plan) => Some(Action::Periods(io.periods(model, plan))),
        Effect::LoadOverview(period) => Some(io.overview(model, period)),
        Effect::Sync { keep } => {
            // git's progress in the status line as it comes; keys typed
            // meanwhile wait in the queue.
            app::update(model, Action::SyncProgress(String::new()));
            let _ = term.draw(model);
            let lang = model.lang;
            let mut show = |line: &str| {
                app::update(model, Action::SyncProgress(line.to_string()));
                let _ = term.draw(model);
            };
            let result = run_sync(io, lang, &keep, &mut show);
            Some(Action::Synced(result))
        }
        Effect::LoadTimeline { unit, goal } => Some(Action::TimelineLoaded(
            goal.clone(),
            io.timeline(&unit, &goal),
        )),
        Effect::OpenSession { plan, period } => {
            let s = io.open_session(model, plan, period);
            Some(Action::SessionReady(Box::new(s)))
        }
        Effect::SaveDraftNow => {
            save_draft(io, model);
            None
        }
        Effect::DiscardDraft => {
            // Only the holder of the unit's lock may set its draft aside.
            let read_only = model.session.as_ref().is_none_or(|s| s.read_only);
            if let Some(path) = io.draft_path(model)
                && !read_only
                && io.lock.borrow().is_some()
            {
                crate::followup::draft::aside(&path, "discarded");
            }
            None
        }
        Effect::ExternalEditor(text) => {
            input.pause();
            let result = term.suspend(|| editor::edit(&editor::command(), &text));
            input.resume();
            Some(Action::ExternalEditorDone(result))
        }
        Effect::Commit {
            record,
            status,
            reason,
        } => Some(Action::Committed(io.commit(
            model,
            &record,
            status,
            reason.as_deref(),
        ))),
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

//! The shell of the correction screen: opens a plan file or an imported
//! plan, runs the screen in the terminal (the program's own terminal set-up
//! and input thread), writes the plan atomically when asked, and keeps
//! unsaved changes in a side file if the terminal goes away.

use super::model::Model;
use super::update::{Action, Effect, update};
use crate::i18n::Lang;
use crate::import::Imported;
use crate::plan::Plan;
use crate::sanitize;
use crate::tui::input::{Input, InputThread};
use crate::tui::terminal::{self, TerminalGuard};
use ratatui::crossterm::event::{Event, KeyEventKind};
use std::collections::VecDeque;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn shown(path: &Path) -> String {
    sanitize::line(&path.display().to_string()).into_owned()
}

fn need_terminal(lang: Lang, what: &str) -> anyhow::Result<()> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    anyhow::bail!(
        "{what}: {}",
        lang.t(
            "skärmen för att rätta planen behöver en terminal",
            "the screen for correcting the plan needs a terminal"
        )
    )
}

/// `tertial plan edit FILE`: a plan that does not pass the checker but
/// reads as a plan opens too, with the checker's messages shown first.
pub fn edit_file(path: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    let name = shown(path);
    let limit = crate::plan::load::MAX_PLAN_BYTES;
    let bytes = crate::user_files::read_bounded(path, limit)
        .map_err(|e| anyhow::anyhow!("{name}: {}", crate::oserr::shown(&e)))?;
    let file = path.display().to_string();
    let src = crate::plan::load::decode_text(&file, &bytes, limit)
        .map_err(|d| anyhow::anyhow!("{}", d.to_string().trim_end()))?;
    let problems = match crate::plan::load::parse_plan_text(&file, src) {
        Ok(_) => Vec::new(),
        Err(diags) => diags.iter().map(|d| d.to_string()).collect(),
    };
    let plan: Plan = match toml::from_str(src) {
        Ok(p) => p,
        Err(_) => {
            for p in &problems {
                eprint!("{}", sanitize::display(p));
            }
            anyhow::bail!(
                "{name}: {}",
                lang.t(
                    "filen går inte att läsa som en plan; rätta felen ovan i filen först",
                    "the file does not read as a plan; fix the errors above in the file first"
                )
            );
        }
    };
    need_terminal(lang, &name)?;
    let mut model = Model::for_file(lang, plan, path.to_path_buf());
    if !problems.is_empty() {
        model.dialog = Some(super::Dialog::Problems(problems));
    }
    let model = run(model)?;
    Ok(if model.dirty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `tertial import FILE` without `-o`: the imported plan on the screen,
/// with its source beside it; written where `-o` says, or where the chief
/// answers (plans/<year>/<unit-id>.toml offered inside a workspace).
/// Exit status 0 when the plan was written, 1 when not.
pub fn review(imp: Imported, source: &str, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let lang = crate::i18n::current();
    need_terminal(lang, "tertial import")?;
    let lines: Vec<String> = source.lines().map(str::to_string).collect();
    let plan = imp.plan;
    let offered = if Path::new(crate::workspace::PLANS_DIR).is_dir() {
        Path::new(crate::workspace::PLANS_DIR)
            .join(plan.unit.year.to_string())
            .join(format!("{}.toml", plan.unit.id))
    } else {
        PathBuf::from(format!("{}.toml", plan.unit.id))
    };
    let mut model = Model::new(lang, plan, imp.unplaced, imp.notes, Some(lines));
    model.path = output.map(Path::to_path_buf);
    model.suggested_path = Some(offered);
    let model = run(model)?;
    match (&model.saved, &model.path) {
        (Some(_), Some(path)) if !model.dirty() => {
            eprintln!(
                "{}: {}",
                lang.t("Planen är sparad i", "The plan was saved to"),
                shown(path)
            );
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            eprintln!(
                "{}",
                lang.t(
                    "tertial: planen sparades inte; inget har skrivits",
                    "tertial: the plan was not saved; nothing was written"
                )
            );
            Ok(ExitCode::from(1))
        }
    }
}

/// Runs the screen until the chief finishes; returns the final model.
fn run(mut model: Model) -> anyhow::Result<Model> {
    let mut term = TerminalGuard::enter()?;
    let input = InputThread::spawn();
    let mut queue: VecDeque<Action> = VecDeque::new();
    if let Ok(size) = term.size() {
        queue.push_back(Action::Resize(size.width, size.height));
    }
    loop {
        while let Some(action) = queue.pop_front() {
            for effect in update(&mut model, action) {
                queue.push_back(carry_out(effect));
            }
        }
        if model.quit {
            break;
        }
        if term.draw_with(|f| super::view::view(&model, f)).is_err() {
            leave(&model, 129);
        }
        match input.rx.recv() {
            Ok(Input::Term(ev)) => {
                queue.extend(action_for(ev));
                // A burst of keys (a paste without bracketed paste) is one frame.
                while let Ok(Input::Term(ev)) = input.rx.try_recv() {
                    queue.extend(action_for(ev));
                }
            }
            Ok(Input::Suspend) => {
                input.pause();
                term.suspend(|| {
                    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
                });
                input.resume();
            }
            Ok(Input::Stop(sig)) => leave(&model, 128 + sig),
            // The plan editor starts no background work.
            Ok(Input::Job(_) | Input::Terminal { .. }) => {}
            Ok(Input::Gone) | Err(_) => leave(&model, 129),
        }
    }
    drop(term);
    Ok(model)
}

fn action_for(ev: Event) -> Option<Action> {
    match ev {
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(s) => Some(Action::Paste(s)),
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Action::Key(k)),
        _ => None,
    }
}

/// Writes the checked plan; a workspace's plans/<year>/ is made when
/// plans/ is there.
fn carry_out(effect: Effect) -> Action {
    match effect {
        Effect::Write { path, text } => {
            if let Some(year_dir) = path.parent()
                && year_dir
                    .parent()
                    .is_some_and(|p| p.file_name() == Some(crate::workspace::PLANS_DIR.as_ref()))
                && year_dir.parent().is_some_and(Path::is_dir)
                && let Err(e) = crate::sys::create_dirs(year_dir)
            {
                return Action::Written(Err(format!(
                    "{}: {}",
                    shown(year_dir),
                    crate::oserr::shown(&e)
                )));
            }
            match crate::user_files::write_file(&path, text.as_bytes()) {
                Ok(()) => Action::Written(Ok(path)),
                Err(e) => {
                    Action::Written(Err(sanitize::line(&crate::oserr::chain(&e)).into_owned()))
                }
            }
        }
    }
}

/// The terminal is gone or a stop signal came: unsaved changes, with the
/// text of an open editor, are kept in a side file beside the plan, and
/// the program ends.
fn leave(model: &Model, code: i32) -> ! {
    terminal::restore();
    // What is in an open editor counts too (a value that does not parse
    // yet is left out; the rest of the plan is kept).
    let mut doc = model.doc.clone();
    if let Some(e) = &model.editor {
        let _ = super::item::set_text(&mut doc, e.item, &e.area.lines().join("\n"));
    }
    if model.saved.as_ref() != Some(&doc.plan) {
        let base = model
            .path
            .clone()
            .or_else(|| model.suggested_path.clone())
            .unwrap_or_else(|| PathBuf::from("plan.toml"));
        let mut side = base.into_os_string();
        side.push(".unsaved");
        let side = PathBuf::from(side);
        let text = crate::plan::write::to_toml(&doc.plan);
        if crate::user_files::write_file(&side, text.as_bytes()).is_ok() {
            eprintln!(
                "tertial: {} {}",
                model
                    .lang
                    .t("osparade ändringar finns i", "unsaved changes are in"),
                shown(&side)
            );
        }
    }
    std::process::exit(code);
}

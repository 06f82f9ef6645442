//! The shell around the core: sets up the terminal, turns terminal events
//! into `Action`s, runs `update`, carries out `Effect`s, and redraws only
//! when an action was handled (no fixed frame rate: it costs bandwidth
//! over SSH).

mod keys;
pub mod terminal;

use crate::app::{self, Action, Effect, Model};
use crate::cli::OpenArgs;
use crate::i18n::Lang;
use crate::workspace::Workspace;
use ratatui::crossterm::event::{self, Event};
use std::sync::mpsc;

/// Opens `ws` in the terminal until the user quits.
pub fn run(ws: &Workspace, args: &OpenArgs) -> anyhow::Result<()> {
    let lang = Lang::detect(args.lang.as_deref());
    let (plans, diags) = ws.load_plans();
    if plans.is_empty() && diags.is_empty() {
        anyhow::bail!(
            "{}",
            lang.t(
                "arbetsytan har inga planer; lägg dem i plans/<år>/<enhet>.toml",
                "the workspace has no plans; put them in plans/<year>/<unit>.toml"
            )
        );
    }
    let problems: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    let name = ws
        .root
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| ws.root.display().to_string());
    let mut model = Model::new(lang, name, plans, problems);
    if let Some(unit) = &args.unit {
        match model.plans.iter().position(|p| &p.plan.unit.id == unit) {
            Some(i) => {
                model.plan.plan = i;
                if model.problems.is_empty() {
                    model.screen = app::Screen::Plan;
                }
            }
            None => anyhow::bail!("{}: {unit}", lang.t("okänd enhet", "unknown unit")),
        }
    }

    let mut term = terminal::TerminalGuard::enter()?;
    let (tx, rx) = mpsc::channel::<Event>();
    // A thin input thread: it only reads and forwards; all logic stays in
    // the loop below. It ends when reading fails (terminal gone) or the
    // receiver is dropped.
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(ev).is_err() {
                break;
            }
        }
    });

    let size = term.size()?;
    app::update(&mut model, Action::Resize(size.width, size.height));
    term.draw(&model)?;
    while let Ok(ev) = rx.recv() {
        let Some(action) = keys::action_for(&model, &ev) else {
            continue;
        };
        let effects = app::update(&mut model, action);
        if effects.contains(&Effect::Quit) || model.quit {
            break;
        }
        term.draw(&model)?;
    }
    Ok(())
}

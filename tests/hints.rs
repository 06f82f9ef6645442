//! Every key named on screen comes from the active keymap: the status
//! line's keys and the editor's hint, in each preset, on each screen of a
//! follow-up.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use tertial::app::fields::Field;
use tertial::app::{Action, Model, Screen, Session, update};
use tertial::followup::{FollowUp, Period};
use tertial::i18n::Lang;
use tertial::keymap::key::display_sequence;
use tertial::keymap::{Command, Context, PRESETS};

const PLAN: &str = "plans/2025/bestallarenhet-2.toml";

fn model(preset: &str, lang: Lang) -> Model {
    let mut m = Model::new(lang, "test".into(), common::bundled_plans(), vec![]);
    m.today = (2026, 11, 23);
    m.keymap = tertial::keymap::load(Some(preset), None).map;
    update(&mut m, Action::Resize(120, 40));
    m
}

fn walking(preset: &str, lang: Lang) -> Model {
    let mut m = model(preset, lang);
    let i = m.plans.iter().position(|p| p.rel_path == PLAN).unwrap();
    let period: Period = "2025-T1".parse().unwrap();
    let s = Session::new(i, period, FollowUp::new("bestallarenhet-2", period), None);
    update(&mut m, Action::SessionReady(Box::new(s)));
    m
}

fn buffer(m: &Model) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| tertial::ui::view(m, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The keys the status line shows: its runs of reversed cells.
fn status_keys(m: &Model) -> Vec<String> {
    let buf = buffer(m);
    let y = buf.area.height - 1;
    let mut keys = Vec::new();
    let mut run = String::new();
    for x in 0..buf.area.width {
        let cell = &buf[(x, y)];
        if cell.modifier.contains(Modifier::REVERSED) {
            run.push_str(cell.symbol());
        } else if !run.is_empty() {
            keys.push(run.trim().to_string());
            run.clear();
        }
    }
    keys
}

/// Every key sequence bound in `ctx` or [global], as shown on screen.
fn bound(m: &Model, ctx: Context) -> Vec<String> {
    [ctx, Context::Global]
        .iter()
        .filter_map(|c| m.keymap.tables.get(c))
        .flatten()
        .map(|(k, _)| display_sequence(k, m.lang))
        .collect()
}

fn check(m: &Model, what: &str) {
    let ctx = tertial::app::keys::context(m);
    let shown = status_keys(m);
    assert!(!shown.is_empty(), "{what}: no keys on the status line");
    let bound = bound(m, ctx);
    for k in &shown {
        assert!(
            bound.contains(k) || k == "skriv" || k == "type",
            "{what} [{}]: {k:?} is not bound; bound: {bound:?}",
            ctx.name()
        );
    }
}

#[test]
fn every_key_on_the_status_line_is_bound_in_the_active_keymap() {
    for (preset, _) in PRESETS {
        for lang in [Lang::Sv, Lang::En] {
            let what = |s: &str| format!("{preset} {lang:?} {s}");
            let m = model(preset, lang);
            check(&m, &what("units"));
            let mut m = walking(preset, lang);
            check(&m, &what("goal page"));
            // Writing in the summary.
            update(&mut m, Action::NextField);
            update(&mut m, Action::Open);
            assert!(m.session.as_ref().unwrap().editor.is_some());
            check(&m, &what("editor"));
            update(&mut m, Action::Back);
            update(&mut m, Action::Review);
            assert_eq!(m.screen, Screen::Review);
            check(&m, &what("review"));
        }
    }
}

#[test]
fn the_editor_hint_names_the_keys_of_the_active_keymap() {
    for (preset, _) in PRESETS {
        let mut m = walking(preset, Lang::Sv);
        update(&mut m, Action::NextField);
        let s = m.session.as_ref().unwrap();
        let plan = &m.plans[s.plan].plan;
        assert_eq!(
            tertial::app::fields::page(plan, &s.record, s.goal)[s.focus],
            Field::Summary
        );
        update(&mut m, Action::Open);
        let buf = buffer(&m);
        let text: String = (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n");
        for action in [
            Command::FinishEdit,
            Command::CancelEdit,
            Command::ExternalEditor,
        ] {
            let key = m.key_name(Context::Editor, action).unwrap();
            assert!(
                text.contains(&key),
                "{preset}: {action:?} ({key}) not in the hint:\n{text}"
            );
        }
        if *preset == "emacs" {
            assert!(text.contains("Ctrl-X Ctrl-E $EDITOR"), "{text}");
            assert!(!text.contains("· Ctrl-E $EDITOR"), "{text}");
        }
    }
}

#[test]
fn key_names_are_shown_in_the_ui_language() {
    let m = walking("default", Lang::Sv);
    assert_eq!(m.key_name(Context::Goal, Command::Edit).unwrap(), "Retur");
    assert_eq!(
        m.key_name(Context::Editor, Command::CancelEdit).unwrap(),
        "Ctrl-G"
    );
    let m = walking("default", Lang::En);
    assert_eq!(m.key_name(Context::Goal, Command::Edit).unwrap(), "Enter");
    let mut m = walking("vim", Lang::Sv);
    // A pending sequence is shown as typed.
    update(
        &mut m,
        Action::Key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE)),
    );
    assert_eq!(m.pending_keys.len(), 1);
}

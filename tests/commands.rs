//! The one declaration of commands (`keymap::actions::ACTIONS`) drives the
//! parser, the core's actions, the palette and the hints: every declared
//! command parses and does something, the shipped presets name only
//! declared commands where they are legal, the palette offers exactly the
//! declared palette commands, and a hint for a command the keymap does not
//! bind is not shown.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeSet;
use tertial::app::overlay::palette_items;
use tertial::app::{Action, Model, Session, update};
use tertial::followup::{FollowUp, Period};
use tertial::i18n::Lang;
use tertial::keymap::actions::{ACTIONS, find};
use tertial::keymap::parse::parse_keymap;
use tertial::keymap::{Command, Context, Keymap, PRESETS, Resolved};

const PLAN: &str = "plans/2025/bestallarenhet-2.toml";

#[test]
fn every_declared_command_parses_and_does_something() {
    let mut names = BTreeSet::new();
    for (i, a) in ACTIONS.iter().enumerate() {
        assert!(names.insert(a.name), "{} declared twice", a.name);
        assert_eq!(a.command as usize, i, "{}: out of order", a.name);
        assert_eq!(Command::from_name(a.name), Some(a.command), "{}", a.name);
        assert_eq!(a.command.name(), a.name);
        let action = tertial::app::commands::to_action(a.name);
        assert_eq!(
            action.is_none(),
            a.command == Command::Noop,
            "{}: {action:?}",
            a.name
        );
        // A keymap file binding it in each of its contexts parses clean and
        // the key fires it.
        for ctx in a.contexts {
            let file = format!("[{}]\n\"f12\" = \"{}\"\n", ctx.name(), a.name);
            let (map, diags) = parse_keymap("t.toml", file.as_bytes());
            assert!(diags.is_empty(), "{file}: {diags:?}");
            let f12 = tertial::keymap::Key::parse("f12").unwrap();
            assert_eq!(
                map.resolve(*ctx, &[], f12),
                Resolved::Action(a.name.to_string()),
                "{file}"
            );
        }
    }
    assert_eq!(Command::all().count(), ACTIONS.len());
    // And nothing else parses: a name the declaration lacks is refused.
    let (map, diags) = parse_keymap("t.toml", b"[goal]\n\"f12\" = \"format_disk\"\n");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(map.tables.values().all(|t| t.is_empty()));
}

/// Every `[context]` and action a shipped preset names, read with a plain
/// TOML reader rather than the keymap parser.
#[test]
fn the_shipped_presets_name_only_declared_commands_where_they_do_something() {
    for (preset, text) in PRESETS {
        let table: toml::Table = toml::from_str(text).unwrap();
        for (ctx_name, entries) in &table {
            let ctx = Context::from_name(ctx_name)
                .unwrap_or_else(|| panic!("{preset}: unknown context [{ctx_name}]"));
            for (key, value) in entries.as_table().unwrap() {
                let name = match value {
                    toml::Value::String(s) => s.as_str(),
                    other => other["action"].as_str().unwrap(),
                };
                let def = find(name)
                    .unwrap_or_else(|| panic!("{preset} [{ctx_name}] {key:?}: no action {name:?}"));
                assert!(
                    ctx == Context::Global || def.contexts.contains(&ctx),
                    "{preset} [{ctx_name}] {key:?}: {name} does nothing there"
                );
            }
        }
        // Warnings (a tmux prefix key bound, with another key too) are fine.
        let (_, diags) = parse_keymap(&format!("keymaps/{preset}.toml"), text.as_bytes());
        let errors: Vec<_> = diags
            .iter()
            .filter(|d| d.severity == tertial::diag::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{preset}: {errors:?}");
    }
}

/// The status line hints only at commands that can be bound where it shows
/// them, and each preset binds every one of them: with a shipped preset no
/// hint of the status line is ever left out.
#[test]
fn every_status_hint_is_legal_and_bound_in_every_preset() {
    for (ctx, when, hints) in tertial::ui::hints::STATUS {
        for (command, _, _) in *hints {
            let def = command.def();
            assert!(
                def.contexts.contains(ctx) || def.contexts.contains(&Context::Global),
                "[{}] {when:?}: hint {} cannot be bound there",
                ctx.name(),
                def.name
            );
        }
    }
    for (preset, _) in PRESETS {
        let map = tertial::keymap::load(Some(preset), None).map;
        let mut unbound = Vec::new();
        for (ctx, when, hints) in tertial::ui::hints::STATUS {
            for (command, _, _) in *hints {
                if map.keys_for(*ctx, command.name()).is_empty() {
                    unbound.push(format!("[{}] {when:?} {}", ctx.name(), command.name()));
                }
            }
        }
        assert!(unbound.is_empty(), "{preset}: {unbound:?}");
    }
}

#[test]
fn the_palette_lists_exactly_the_declared_palette_commands() {
    let m = walking(tertial::keymap::default_keymap(), Lang::Sv);
    let mut offered = BTreeSet::new();
    for ctx in Context::ALL {
        let items = palette_items(&m, "", ctx);
        let names: Vec<&str> = items.iter().map(|i| i.action).collect();
        let expected: Vec<&str> = ACTIONS
            .iter()
            .filter(|a| a.palette)
            .filter(|a| a.contexts.contains(&ctx) || a.contexts.contains(&Context::Global))
            .map(|a| a.name)
            .collect();
        assert_eq!(names, expected, "[{}]", ctx.name());
        for i in &items {
            assert_eq!(i.command.name(), i.action);
            assert_eq!(i.description, i.command.def().describe(Lang::Sv));
        }
        offered.extend(names);
    }
    // Across the contexts: every declared command but `noop` and the
    // palette itself.
    let all: BTreeSet<&str> = ACTIONS
        .iter()
        .map(|a| a.name)
        .filter(|n| !["noop", "palette"].contains(n))
        .collect();
    assert_eq!(offered, all);
}

// ------------------------------------------------- hints of unbound commands

/// The default keymap with an override file laid over it.
fn default_with(over: &str) -> Keymap {
    let mut map = tertial::keymap::default_keymap();
    let (o, diags) = parse_keymap("keymap.toml", over.as_bytes());
    assert!(diags.is_empty(), "{diags:?}");
    map.merge(&o);
    map
}

fn walking(keymap: Keymap, lang: Lang) -> Model {
    let mut m = Model::new(lang, "test".into(), common::bundled_plans(), vec![]);
    m.today = (2026, 11, 23);
    m.keymap = keymap;
    update(&mut m, Action::Resize(120, 40));
    let i = m.plans.iter().position(|p| p.rel_path == PLAN).unwrap();
    let period: Period = "2025-T1".parse().unwrap();
    let s = Session::new(i, period, FollowUp::new("bestallarenhet-2", period), None);
    update(&mut m, Action::SessionReady(Box::new(s)));
    m
}

fn screen(m: &Model) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| tertial::ui::view(m, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn an_unbound_review_key_is_hinted_nowhere_on_the_goal_page_or_in_its_help() {
    let mut bound = walking(tertial::keymap::default_keymap(), Lang::Sv);
    let text = screen(&bound);
    assert!(text.contains("granska"), "{text}");
    with_help(
        &mut bound,
        "3. Granska: anmärkningar visar vad som saknas (Ctrl-R).",
    );

    let mut m = walking(
        default_with("[goal]\n\"ctrl-r\" = \"noop\"\n\"f9\" = \"noop\"\n"),
        Lang::Sv,
    );
    assert!(m.keymap.keys_for(Context::Goal, "review").is_empty());
    let text = screen(&m);
    assert!(!text.contains("granska"), "{text}");
    assert!(!text.contains("Ctrl-R"), "{text}");
    // The help's way through names no key for the review, nor the
    // command's name in its place.
    with_help(&mut m, "3. Granska: anmärkningar visar vad som saknas.");
}

/// Opens the help over the model's screen: `line` is on it.
fn with_help(m: &mut Model, line: &str) {
    update(m, Action::Help);
    let text = screen(m);
    assert!(text.contains(line), "{line:?} not in\n{text}");
    assert!(!text.contains("(review)"), "{text}");
}

#[test]
fn the_editor_hint_leaves_out_a_command_the_keymap_does_not_bind() {
    let m = walking(default_with("[editor]\n\"ctrl-e\" = \"noop\"\n"), Lang::Sv);
    assert!(
        m.keymap
            .keys_for(Context::Editor, "external_editor")
            .is_empty()
    );
    let mut m = m;
    update(&mut m, Action::NextField);
    update(&mut m, Action::Open);
    assert!(m.session.as_ref().unwrap().editor.is_some());
    let text = screen(&m);
    assert!(text.contains("Esc klar · Ctrl-G avbryt"), "{text}");
    assert!(!text.contains("$EDITOR"), "{text}");
}

#[test]
fn a_message_names_no_key_for_an_unbound_command() {
    // Vim: letters are commands on the goal page, so a letter typed on a
    // text field does not start writing; the message says how to.
    let mut vim = tertial::keymap::load(Some("vim"), None).map;
    let (over, diags) = parse_keymap(
        "keymap.toml",
        b"[goal]\n\"i\" = \"noop\"\n\"a\" = \"noop\"\n\"enter\" = \"noop\"\n",
    );
    assert!(diags.is_empty(), "{diags:?}");
    vim.merge(&over);
    assert!(vim.keys_for(Context::Goal, "edit").is_empty());
    let mut m = walking(vim, Lang::En);
    update(&mut m, Action::NextField);
    update(&mut m, Action::TypeOnField('x', false));
    let msg = m.message.clone().unwrap_or_default();
    assert!(msg.starts_with("Write in the field"), "{msg}");
    assert!(!msg.contains("edit"), "{msg}");
}

#[test]
fn the_review_list_names_no_key_for_an_unbound_waive() {
    let mut m = walking(tertial::keymap::default_keymap(), Lang::Sv);
    update(&mut m, Action::Review);
    let text = screen(&m);
    assert!(
        text.contains("Retur: gå dit · w: motivera anmärkningen"),
        "{text}"
    );

    let mut m = walking(default_with("[review]\n\"w\" = \"noop\"\n"), Lang::Sv);
    assert!(m.keymap.keys_for(Context::Review, "waive").is_empty());
    update(&mut m, Action::Review);
    let text = screen(&m);
    assert!(text.contains("Retur: gå dit"), "{text}");
    assert!(!text.contains("motivera"), "{text}");
}

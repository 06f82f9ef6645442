//! Keymap files: merging an override over a preset, the shipped presets'
//! own consistency, diagnostics with file:line:col for broken files, the
//! config folder, and the `keymap check` / `keymap print` commands.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Output};
use tertial::diag::{Diagnostic, Severity};
use tertial::keymap::actions::ACTIONS;
use tertial::keymap::key::{Code, parse_sequence, show_sequence};
use tertial::keymap::parse::{check_merged, parse_keymap};
use tertial::keymap::{Context, Key, Keymap, PRESETS, Resolved};

fn key(text: &str) -> Key {
    Key::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn seq(text: &str) -> Vec<Key> {
    parse_sequence(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// Parses a file that must have no diagnostics at all.
fn clean(file: &str, text: &str) -> Keymap {
    let (map, diags) = parse_keymap(file, text.as_bytes());
    assert!(diags.is_empty(), "{file}: {}", shown(&diags));
    map
}

fn shown(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| d.to_string()).collect::<String>()
}

/// The action a whole key sequence fires in `ctx`, typed key by key.
fn fire(map: &Keymap, ctx: Context, keys: &[Key]) -> Option<String> {
    let mut pending = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        match map.resolve(ctx, &pending, *k) {
            Resolved::Action(a) if i + 1 == keys.len() => return Some(a),
            Resolved::Pending(_) if i + 1 < keys.len() => pending.push(*k),
            _ => return None,
        }
    }
    None
}

fn preset(name: &str) -> (String, &'static str) {
    let (n, text) = PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no preset {name}"));
    (format!("keymaps/{n}.toml"), text)
}

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------- merge

const MERGE_PRESET: &str = r#"
[global]
"ctrl-c" = "quit"

[goal]
"a" = "add_deviation"
"D" = "delete_deviation"
"r" = "review"
"1" = "rate_full"
"tab" = "next_field"

[review]
"a" = "waive"
"#;

const MERGE_OVERRIDE: &str = r#"
[goal]
"a" = "review"
"D" = "noop"
"x x" = "add_deviation"
"#;

#[test]
fn override_replaces_unbinds_and_adds_per_key() {
    let mut map = clean("preset.toml", MERGE_PRESET);
    let before = map.clone();
    let over = clean("over.toml", MERGE_OVERRIDE);
    map.merge(&over);

    let g = Context::Goal;
    assert_eq!(
        map.resolve(g, &[], key("a")),
        Resolved::Action("review".into())
    );
    assert_eq!(map.resolve(g, &[], key("D")), Resolved::Unbound);
    match map.resolve(g, &[], key("x")) {
        Resolved::Pending(next) => {
            assert_eq!(next.len(), 1, "{next:?}");
            assert_eq!(next[0].0, vec![key("x")]);
            assert_eq!(next[0].1.action, "add_deviation");
            assert!(
                next[0].1.origin.starts_with("over.toml:"),
                "{}",
                next[0].1.origin
            );
        }
        other => panic!("x: expected Pending, got {other:?}"),
    }
    assert_eq!(
        map.resolve(g, &[key("x")], key("x")),
        Resolved::Action("add_deviation".into())
    );
    assert_eq!(map.resolve(g, &[key("x")], key("y")), Resolved::Unbound);
    assert_eq!(map.keys_for(g, "add_deviation"), vec![seq("x x")]);
    assert_eq!(map.key_label(g, "add_deviation").as_deref(), Some("x x"));
    assert_eq!(map.keys_for(g, "delete_deviation"), Vec::<Vec<Key>>::new());
    assert_eq!(map.key_label(g, "delete_deviation"), None);

    // The preset's other keys are untouched, with their origin.
    for k in ["r", "1", "tab"] {
        assert_eq!(
            map.resolve(g, &[], key(k)),
            before.resolve(g, &[], key(k)),
            "{k}"
        );
    }
    assert_eq!(
        map.resolve(g, &[], key("r")),
        Resolved::Action("review".into())
    );
    assert_eq!(
        map.resolve(g, &[], key("1")),
        Resolved::Action("rate_full".into())
    );
    assert_eq!(
        map.resolve(g, &[], key("ctrl-c")),
        Resolved::Action("quit".into())
    );
    assert_eq!(
        map.resolve(Context::Review, &[], key("a")),
        Resolved::Action("waive".into())
    );
    assert_eq!(
        map.tables[&Context::Review],
        before.tables[&Context::Review]
    );
    assert_eq!(
        map.tables[&Context::Global],
        before.tables[&Context::Global]
    );
    let r = map.tables[&g].iter().find(|(k, _)| *k == seq("r")).unwrap();
    assert!(r.1.origin.starts_with("preset.toml:"), "{}", r.1.origin);
    // The replaced key keeps its place (first key of review is still "a").
    assert_eq!(map.keys_for(g, "review"), vec![seq("a"), seq("r")]);
}

#[test]
fn noop_on_an_unbound_key_and_merging_nothing_change_nothing() {
    let mut map = clean("preset.toml", MERGE_PRESET);
    let before = map.clone();
    map.merge(&Keymap::default());
    assert_eq!(map, before);
    map.merge(&clean("o.toml", "[goal]\n\"z\" = \"noop\"\n"));
    assert_eq!(map.tables[&Context::Goal], before.tables[&Context::Goal]);
    assert_eq!(map.resolve(Context::Goal, &[], key("z")), Resolved::Unbound);
}

// ------------------------------------------------------- shipped keymaps

/// The raw key strings of each table, in file order.
fn raw_tables(text: &str) -> Vec<(String, Vec<String>)> {
    let root: toml::Table = toml::from_str(text).expect("TOML");
    root.iter()
        .map(|(ctx, t)| {
            let t = t.as_table().expect("table");
            (ctx.clone(), t.keys().cloned().collect())
        })
        .collect()
}

#[test]
fn presets_parse_without_errors() {
    assert_eq!(
        PRESETS.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        ["default", "vim", "emacs"]
    );
    for (name, _) in PRESETS {
        let (file, text) = preset(name);
        let (map, diags) = parse_keymap(&file, text.as_bytes());
        assert!(
            !diags.iter().any(|d| d.is_error()),
            "{name}: {}",
            shown(&diags)
        );
        if *name == "default" {
            assert!(diags.is_empty(), "{name}: {}", shown(&diags));
        } else {
            for d in &diags {
                assert_eq!(d.severity, Severity::Warning);
                assert!(d.message.contains("ctrl-b"), "{name}: {d}");
                assert!(d.source_line.contains("ctrl-b"), "{name}: {d}");
            }
        }
        // Every table of the file made it into the map, whole.
        for (ctx, keys) in raw_tables(text) {
            let c = Context::from_name(&ctx).unwrap_or_else(|| panic!("{name}: [{ctx}]"));
            assert_eq!(map.tables[&c].len(), keys.len(), "{name}: [{ctx}]");
        }
        // And the loader gives the same, with nothing else to report.
        let loaded = tertial::keymap::load(Some(name), None);
        assert_eq!(loaded.map, map, "{name}");
        assert_eq!(loaded.sources, vec![file.clone()]);
        assert!(
            loaded
                .problems
                .iter()
                .all(|d| !d.is_error() && d.message.contains("ctrl-b")),
            "{name}: {}",
            shown(&loaded.problems)
        );
    }
}

#[test]
fn presets_bind_no_key_twice_in_a_context() {
    for (name, text) in PRESETS {
        for (ctx, keys) in raw_tables(text) {
            let mut seen: BTreeMap<Vec<Key>, &str> = BTreeMap::new();
            for k in &keys {
                let norm = parse_sequence(k).unwrap_or_else(|e| panic!("{name} [{ctx}] {k}: {e}"));
                if let Some(first) = seen.insert(norm, k) {
                    panic!("{name} [{ctx}]: {k:?} is the same key as {first:?}");
                }
            }
        }
    }
}

#[test]
fn presets_have_no_key_that_is_also_a_prefix() {
    for (name, _) in PRESETS {
        let (file, text) = preset(name);
        let map = parse_keymap(&file, text.as_bytes()).0;
        for (ctx, table) in &map.tables {
            for (a, _) in table {
                for (b, _) in table {
                    assert!(
                        !(b.len() > a.len() && b.starts_with(a)),
                        "{name} [{}]: {:?} is bound and starts {:?}",
                        ctx.name(),
                        show_sequence(a),
                        show_sequence(b)
                    );
                }
            }
        }
        // Nor across a context and [global], which it falls back to: a
        // global key would be unreachable there.
        let global = map
            .tables
            .get(&Context::Global)
            .cloned()
            .unwrap_or_default();
        for (ctx, table) in map.tables.iter().filter(|(c, _)| **c != Context::Global) {
            for (a, _) in table {
                for (g, _) in &global {
                    let clash = (g.len() > a.len() && g.starts_with(a))
                        || (a.len() > g.len() && a.starts_with(g));
                    assert!(
                        !clash,
                        "{name} [{}] {:?} vs [global] {:?}",
                        ctx.name(),
                        show_sequence(a),
                        show_sequence(g)
                    );
                }
            }
        }
    }
}

#[test]
fn default_preset_binds_every_action() {
    let map = tertial::keymap::default_keymap();
    let mut missing = Vec::new();
    for a in ACTIONS.iter().filter(|a| a.name != "noop") {
        let bound = a.contexts.iter().any(|c| {
            map.keys_for(*c, a.name)
                .iter()
                .any(|k| fire(&map, *c, k).as_deref() == Some(a.name))
        });
        if !bound {
            missing.push(a.name);
        }
    }
    assert!(missing.is_empty(), "no key in default.toml: {missing:?}");
}

/// Keys that tmux, screen or plain terminals lose (shift-enter, ctrl-enter,
/// ctrl-b, ctrl-a).
fn fragile(keys: &[Key]) -> bool {
    keys.iter().any(|k| k.transport_warning().is_some())
}

fn is_enter_with_mods(k: &Key) -> bool {
    k.code == Code::Enter && (k.shift || k.ctrl)
}

#[test]
fn every_action_is_reachable_in_every_preset_without_special_enter() {
    for (name, _) in PRESETS {
        let (file, text) = preset(name);
        let map = parse_keymap(&file, text.as_bytes()).0;
        let mut missing = Vec::new();
        for a in ACTIONS.iter().filter(|a| a.name != "noop") {
            let ok = a.contexts.iter().any(|c| {
                map.keys_for(*c, a.name).iter().any(|k| {
                    !k.iter().any(is_enter_with_mods)
                        && fire(&map, *c, k).as_deref() == Some(a.name)
                })
            });
            if !ok {
                missing.push(a.name);
            }
        }
        assert!(missing.is_empty(), "{name}: unreachable {missing:?}");
        // Where a preset uses a fragile key, the same action has another
        // key in that context (as the warning advises).
        for (ctx, table) in &map.tables {
            for (k, b) in table.iter().filter(|(k, _)| fragile(k)) {
                let other = map
                    .keys_for(*ctx, &b.action)
                    .into_iter()
                    .any(|o| !fragile(&o) && fire(&map, *ctx, &o).as_deref() == Some(&b.action));
                assert!(
                    other,
                    "{name} [{}]: {:?} is the only key for {}",
                    ctx.name(),
                    show_sequence(k),
                    b.action
                );
            }
        }
    }
}

#[test]
fn esc_is_never_the_only_way_out() {
    let esc = vec![Key::plain(Code::Esc)];
    for (name, _) in PRESETS {
        let (file, text) = preset(name);
        let map = parse_keymap(&file, text.as_bytes()).0;
        let warnings = check_merged(&map, &file);
        assert!(warnings.is_empty(), "{name}: {}", shown(&warnings));
        // Independently: wherever esc does something, another key (of the
        // context or of [global]) does the same.
        for (ctx, table) in &map.tables {
            let Some((_, b)) = table.iter().find(|(k, _)| *k == esc) else {
                continue;
            };
            // Action has no PartialEq; its Debug form tells them apart.
            let does = format!("{:?}", tertial::app::commands::to_action(&b.action));
            let mut candidates: Vec<Vec<Key>> = table.iter().map(|(k, _)| k.clone()).collect();
            if let Some(g) = map.tables.get(&Context::Global) {
                candidates.extend(g.iter().map(|(k, _)| k.clone()));
            }
            let other = candidates.iter().any(|k| {
                *k != esc
                    && fire(&map, *ctx, k).is_some_and(|a| {
                        format!("{:?}", tertial::app::commands::to_action(&a)) == does
                    })
            });
            assert!(other, "{name} [{}]: only esc does {}", ctx.name(), b.action);
        }
        for (ctx, action) in [
            (Context::Editor, "finish_edit"),
            (Context::Confirm, "no"),
            (Context::Palette, "back"),
            (Context::Help, "back"),
            (Context::Review, "back"),
            (Context::Resume, "back"),
        ] {
            let keys = map.keys_for(ctx, action);
            assert!(
                keys.iter().any(|k| *k != esc),
                "{name} [{}] {action}: {keys:?}",
                ctx.name()
            );
        }
    }
}

#[test]
fn esc_only_is_warned_about() {
    // The check itself: an override leaving esc alone in [confirm].
    let mut map = tertial::keymap::default_keymap();
    map.merge(&clean("o.toml", "[confirm]\n\"n\" = \"noop\"\n"));
    let w = check_merged(&map, "o.toml");
    assert_eq!(w.len(), 1, "{}", shown(&w));
    assert_eq!(w[0].severity, Severity::Warning);
    assert!(
        w[0].message.contains("[confirm]") && w[0].message.contains("esc"),
        "{}",
        w[0]
    );
}

#[test]
fn default_preset_leaves_ctrl_b_and_ctrl_a_to_multiplexers() {
    let map = tertial::keymap::default_keymap();
    for (ctx, table) in &map.tables {
        for (k, _) in table {
            for bad in ["ctrl-b", "ctrl-a"] {
                assert!(
                    !k.contains(&key(bad)),
                    "[{}] {:?} uses {bad}",
                    ctx.name(),
                    show_sequence(k)
                );
            }
        }
    }
}

#[test]
fn typing_contexts_do_not_take_plain_characters() {
    // In the editor, the palette and the unit filter unbound keys are
    // typed; a plain character bound there (or in [global], their
    // fallback) could not be typed.
    for (name, _) in PRESETS {
        let (file, text) = preset(name);
        let map = parse_keymap(&file, text.as_bytes()).0;
        for ctx in [
            Context::Editor,
            Context::Palette,
            Context::Units,
            Context::Global,
        ] {
            for (k, _) in map.tables.get(&ctx).into_iter().flatten() {
                let first = k[0];
                let plain_char = matches!(first.code, Code::Char(_)) && !first.ctrl && !first.alt;
                assert!(
                    !plain_char,
                    "{name} [{}] {:?}",
                    ctx.name(),
                    show_sequence(k)
                );
            }
        }
    }
}

#[test]
fn default_and_emacs_bind_no_plain_character_where_a_text_field_has_focus() {
    // On the goal page a text field may have the focus: a typed character
    // is text there, so no plain character may be a command (in vim's
    // normal mode letters are commands, as vim users expect).
    for name in ["default", "emacs"] {
        let (file, text) = preset(name);
        let map = parse_keymap(&file, text.as_bytes()).0;
        for ctx in [Context::Goal, Context::Editor, Context::Global] {
            for (k, b) in map.tables.get(&ctx).into_iter().flatten() {
                let first = k[0];
                let plain_char = matches!(first.code, Code::Char(_)) && !first.ctrl && !first.alt;
                assert!(
                    !plain_char,
                    "{name} [{}] {:?} = {}",
                    ctx.name(),
                    show_sequence(k),
                    b.action
                );
            }
        }
        assert!(!tertial::app::keys::letters_are_commands(&map), "{name}");
    }
}

#[test]
fn vim_commits_and_deletes_nothing_on_a_single_letter() {
    // Normal-mode letters are vim's idiom, but what loses or commits
    // anything is a sequence (d d) or is asked about first; nothing on the
    // goal page leaves the program on one letter.
    let (file, text) = preset("vim");
    let map = parse_keymap(&file, text.as_bytes()).0;
    assert!(tertial::app::keys::letters_are_commands(&map));
    for (k, b) in map.tables.get(&Context::Goal).into_iter().flatten() {
        let single_letter =
            k.len() == 1 && matches!(k[0].code, Code::Char(_)) && !k[0].ctrl && !k[0].alt;
        if single_letter {
            assert!(
                !["delete_deviation", "quit", "commit_draft", "commit_done"]
                    .contains(&b.action.as_str()),
                "vim [goal] {:?} = {}",
                show_sequence(k),
                b.action
            );
        }
    }
}

#[test]
fn every_preset_undoes_redoes_and_cancels_writing() {
    for (name, _) in PRESETS {
        let (file, text) = preset(name);
        let map = parse_keymap(&file, text.as_bytes()).0;
        for (ctx, action) in [
            (Context::Goal, "undo"),
            (Context::Goal, "redo"),
            (Context::Editor, "undo"),
            (Context::Editor, "redo"),
            (Context::Editor, "cancel_edit"),
        ] {
            let ok = map
                .keys_for(ctx, action)
                .iter()
                .any(|k| fire(&map, ctx, k).as_deref() == Some(action));
            assert!(ok, "{name} [{}] has no key for {action}", ctx.name());
        }
        assert_eq!(
            fire(&map, Context::Editor, &seq("ctrl-g")).as_deref(),
            Some("cancel_edit"),
            "{name}: ctrl-g always cancels writing"
        );
    }
}

// -------------------------------------------------------- broken files

struct Case {
    what: &'static str,
    text: &'static [u8],
    line: usize,
    col: usize,
    needles: &'static [&'static str],
}

const BROKEN: &[Case] = &[
    Case {
        what: "unknown context",
        text: b"[goal]\n\"a\" = \"add_deviation\"\n\n[gol]\n\"b\" = \"review\"\n",
        line: 4,
        col: 2,
        needles: &["unknown context \"gol\"", "expected one of", "goal"],
    },
    Case {
        what: "unknown action",
        text: b"[goal]\n\"1\" = \"rate_full\"\n\"2\" = \"rate_ful\"\n",
        line: 3,
        col: 7,
        needles: &["unknown action \"rate_ful\"", "expected a built-in action", "rate_full"],
    },
    Case {
        what: "unparseable key",
        text: b"[editor]\n\"esc\" = \"finish_edit\"\n\"ctrl-\" = \"finish_edit\"\n",
        line: 3,
        col: 1,
        needles: &["\"ctrl-\"", "expected a character"],
    },
    Case {
        what: "key and prefix (short first)",
        text: b"[goal]\n\"g\" = \"top\"\n\"g g\" = \"bottom\"\n",
        line: 3,
        col: 1,
        needles: &["\"g\" is both a key of its own and the start of \"g g\"", "expected one or the other"],
    },
    Case {
        what: "key and prefix (long first)",
        text: b"[list]\n\"g g\" = \"top\"\n  \"g\" = \"bottom\"\n",
        line: 3,
        col: 3,
        needles: &["\"g\" is both a key of its own and the start of \"g g\""],
    },
    Case {
        what: "duplicate after normalization",
        text: b"[editor]\n\"tab\" = \"next_field\"\n\"ctrl-s\" = \"finish_edit\"\n\"<C-s>\" = \"next_field\"\n",
        line: 4,
        col: 1,
        needles: &["\"ctrl-s\" is bound twice in [editor]", "first on line 3", "expected each key once"],
    },
    Case {
        what: "action in the wrong context",
        text: b"[review]\n\"w\" = \"waive\"\n\"f\" = \"rate_full\"\n",
        line: 3,
        col: 7,
        needles: &["\"rate_full\" does nothing in [review]", "expected it in [goal]"],
    },
    Case {
        what: "a number as action",
        text: b"[goal]\n\"a\" = 5\n",
        line: 2,
        col: 7,
        needles: &["expected an action name in quotes"],
    },
    Case {
        what: "table without action",
        text: b"[goal]\n\"a\" = { desc = \"L\xc3\xa4gg till\" }\n",
        line: 2,
        col: 7,
        needles: &["missing action", "expected { action = "],
    },
    Case {
        what: "table with an unknown key",
        text: b"[goal]\n\"a\" = { act = \"review\" }\n",
        line: 2,
        col: 7,
        needles: &["unexpected \"act\"", "expected { action = "],
    },
    Case {
        what: "TOML syntax: missing =",
        text: b"[goal]\n\"a\" = \"review\"\n\"b\" \"review\"\n",
        line: 3,
        col: 5,
        needles: &["expected"],
    },
    Case {
        what: "TOML syntax: duplicate key",
        text: b"[goal]\n\"a\" = \"review\"\n\"a\" = \"edit\"\n",
        line: 3,
        col: 1,
        needles: &["duplicate key"],
    },
    Case {
        what: "invalid UTF-8",
        text: b"[goal]\n\"a\" = \"r\xffview\"\n",
        line: 2,
        col: 9,
        needles: &["invalid UTF-8", "0xFF", "offset 15", "expected UTF-8"],
    },
    Case {
        what: "column in characters, not bytes",
        text: "[goal]\n\"å\" = \"rättegång\"\n".as_bytes(),
        line: 2,
        col: 7,
        needles: &["unknown action \"rättegång\""],
    },
    Case {
        what: "context that is not a table",
        text: b"goal = \"review\"\n",
        line: 1,
        col: 8,
        needles: &["must be a table [goal]"],
    },
    Case {
        what: "unknown modifier",
        text: b"[goal]\n\"hyper-x\" = \"review\"\n",
        line: 2,
        col: 1,
        needles: &["unknown modifier", "expected ctrl-, alt- or shift-"],
    },
    Case {
        what: "sequence too long",
        text: b"[goal]\n\n\"a b c d e\" = \"review\"\n",
        line: 3,
        col: 1,
        needles: &["at most 4"],
    },
    Case {
        what: "empty key",
        text: b"[goal]\n\"\" = \"review\"\n",
        line: 2,
        col: 1,
        needles: &["empty key", "expected"],
    },
];

#[test]
fn broken_files_point_at_the_problem() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    let mut wrong = Vec::new();
    for c in BROKEN {
        let (_, diags) = parse_keymap("broken.toml", c.text);
        let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
        let [d] = errors.as_slice() else {
            wrong.push(format!(
                "{}: expected one error, got {}",
                c.what,
                shown(&diags)
            ));
            continue;
        };
        if (d.line, d.col) != (c.line, c.col) {
            wrong.push(format!(
                "{}: expected {}:{}, got {}:{} ({})",
                c.what, c.line, c.col, d.line, d.col, d.message
            ));
        }
        if d.file != "broken.toml" {
            wrong.push(format!("{}: file {:?}", c.what, d.file));
        }
        for n in c.needles {
            if !d.message.contains(n) {
                wrong.push(format!("{}: message {:?} lacks {n:?}", c.what, d.message));
            }
        }
        let text = d.to_string();
        let at = format!("broken.toml:{}:{}: error: ", c.line, c.col);
        if !text.starts_with(&at) {
            wrong.push(format!("{}: shown as {text:?}", c.what));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn good_entries_of_a_broken_file_still_load() {
    let text = "\
[goal]
\"a\" = \"review\"
\"b\" = \"rate_ful\"
\"ctrl-\" = \"edit\"
\"g\" = \"top\"
\"g g\" = \"bottom\"
\"c\" = 7
\"ctrl-s\" = \"jump\"
\"<C-s>\" = \"help\"
\"ctrl-b\" = \"prev_goal\"

[gol]
\"z\" = \"quit\"

[review]
\"f\" = \"rate_full\"
\"w\" = { action = \"waive\", desc = \"Motivera\" }
";
    let (map, diags) = parse_keymap("mixed.toml", text.as_bytes());
    let errors: Vec<(usize, usize)> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.col))
        .collect();
    assert_eq!(
        errors,
        vec![(3, 7), (4, 1), (6, 1), (7, 7), (9, 1), (12, 2), (16, 7)],
        "{}",
        shown(&diags)
    );
    let warnings: Vec<(usize, usize)> = diags
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| (d.line, d.col))
        .collect();
    assert_eq!(warnings, vec![(10, 1)], "{}", shown(&diags));

    let g = Context::Goal;
    assert_eq!(
        map.resolve(g, &[], key("a")),
        Resolved::Action("review".into())
    );
    assert_eq!(
        map.resolve(g, &[], key("g")),
        Resolved::Action("top".into())
    );
    assert_eq!(
        map.resolve(g, &[], key("ctrl-s")),
        Resolved::Action("jump".into())
    );
    assert_eq!(
        map.resolve(g, &[], key("ctrl-b")),
        Resolved::Action("prev_goal".into())
    );
    assert_eq!(map.resolve(g, &[], key("b")), Resolved::Unbound);
    assert_eq!(map.resolve(g, &[], key("c")), Resolved::Unbound);
    assert_eq!(map.tables[&g].len(), 4);
    let w = &map.tables[&Context::Review];
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].1.action, "waive");
    assert_eq!(w[0].1.desc.as_deref(), Some("Motivera"));
    assert_eq!(w[0].1.origin, "mixed.toml:17:1");
    assert!(!map.tables.contains_key(&Context::Global));
}

// ------------------------------------------------------ config folder

fn write(dir: &Path, name: &str, text: &[u8]) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn config_folder_chooses_the_preset_and_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "config.toml", b"keymap = \"vim\"\n");
    write(
        dir.path(),
        "keymap.toml",
        b"[goal]\n\"x\" = \"review\"\n\"o\" = \"noop\"\n",
    );
    let loaded = tertial::keymap::load(None, Some(dir.path()));
    assert!(
        loaded.problems.iter().all(|d| !d.is_error()),
        "{}",
        shown(&loaded.problems)
    );
    let over = dir.path().join("keymap.toml").display().to_string();
    assert_eq!(loaded.sources, vec!["keymaps/vim.toml".to_string(), over]);
    let m = &loaded.map;
    let g = Context::Goal;
    assert_eq!(
        m.resolve(g, &[], key("j")),
        Resolved::Action("next_field".into())
    );
    assert_eq!(
        m.resolve(g, &[], key("x")),
        Resolved::Action("review".into())
    );
    assert_eq!(m.resolve(g, &[], key("o")), Resolved::Unbound);
    assert_eq!(fire(m, g, &seq("Z Z")).as_deref(), Some("review"));
    assert_eq!(
        m.resolve(Context::List, &[], key("j")),
        Resolved::Action("down".into())
    );

    // A preset named on the command line wins over the config file.
    let emacs = tertial::keymap::load(Some("emacs"), Some(dir.path()));
    assert_eq!(emacs.sources[0], "keymaps/emacs.toml");
    assert_eq!(emacs.map.resolve(g, &[], key("j")), Resolved::Unbound);
    assert_eq!(
        emacs.map.resolve(g, &[], key("x")),
        Resolved::Action("review".into())
    );
    assert_eq!(
        emacs.map.resolve(g, &[], key("alt-n")),
        Resolved::Action("next_goal".into())
    );
}

#[test]
fn broken_override_is_reported_and_the_rest_works() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "config.toml", b"keymap = \"vim\"\n");
    write(
        dir.path(),
        "keymap.toml",
        b"[goal]\n\"x\" = \"review\"\n\"y\" = \"rate_ful\"\n",
    );
    let loaded = tertial::keymap::load(None, Some(dir.path()));
    let over = dir.path().join("keymap.toml").display().to_string();
    let errors: Vec<&Diagnostic> = loaded.problems.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{}", shown(&loaded.problems));
    assert_eq!(errors[0].file, over);
    assert_eq!((errors[0].line, errors[0].col), (3, 7));
    assert!(
        errors[0]
            .to_string()
            .starts_with(&format!("{over}:3:7: error: unknown action")),
        "{}",
        errors[0]
    );
    let g = Context::Goal;
    assert_eq!(
        loaded.map.resolve(g, &[], key("j")),
        Resolved::Action("next_field".into())
    );
    assert_eq!(
        loaded.map.resolve(g, &[], key("x")),
        Resolved::Action("review".into())
    );
    // The broken entry bound nothing ("y" only starts vim's "y y").
    assert!(!matches!(
        loaded.map.resolve(g, &[], key("y")),
        Resolved::Action(_)
    ));

    // Not UTF-8 at all: the preset still loads.
    write(dir.path(), "keymap.toml", b"[goal]\n\"x\" = \"\xfe\"\n");
    let loaded = tertial::keymap::load(None, Some(dir.path()));
    let d = loaded
        .problems
        .iter()
        .find(|d| d.is_error())
        .expect("an error");
    assert_eq!((d.file.as_str(), d.line, d.col), (over.as_str(), 2, 8));
    assert_eq!(
        loaded.map.resolve(g, &[], key("j")),
        Resolved::Action("next_field".into())
    );
}

#[test]
fn bad_config_falls_back_to_default() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "config.toml", b"keymap = \"vi\"\n");
    let loaded = tertial::keymap::load(None, Some(dir.path()));
    assert_eq!(loaded.sources, vec!["keymaps/default.toml".to_string()]);
    let d = loaded
        .problems
        .iter()
        .find(|d| d.is_error())
        .expect("an error");
    assert!(d.message.contains("expected a preset"), "{d}");
    assert!(d.message.contains("vim"), "{d}");
    assert_eq!(
        loaded.map.resolve(Context::Goal, &[], key("alt-a")),
        Resolved::Action("add_deviation".into())
    );

    write(dir.path(), "config.toml", b"# keymap\nkeymap = 3\n");
    let loaded = tertial::keymap::load(None, Some(dir.path()));
    let d = loaded
        .problems
        .iter()
        .find(|d| d.is_error())
        .expect("an error");
    assert!(d.file.ends_with("config.toml"), "{d}");
    assert_eq!(d.line, 2, "{d}");
    assert!(d.message.contains("preset name"), "{d}");
    assert_eq!(loaded.sources, vec!["keymaps/default.toml".to_string()]);

    // No config folder content at all: the default, quietly.
    let empty = tempfile::tempdir().unwrap();
    let loaded = tertial::keymap::load(None, Some(empty.path()));
    assert!(loaded.problems.is_empty(), "{}", shown(&loaded.problems));
    assert_eq!(loaded.map, tertial::keymap::default_keymap());
}

// ------------------------------------------------------------ the CLI

/// The real binary, with HOME and XDG_CONFIG_HOME in `home` so the
/// developer's own config cannot leak in.
fn tertial(home: &Path, cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tertial"))
        .args(args)
        .current_dir(cwd)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        // The English texts, word for word (Swedish is the default).
        .env("TERTIAL_LANG", "en")
        .output()
        .expect("run tertial")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn cli_keymap_check_reports_errors_with_positions() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    write(
        work.path(),
        "broken.toml",
        b"[goal]\n\"x\" = \"review\"\n\"y\" = \"rate_ful\"\n\n[gol]\n\"a\" = \"quit\"\n",
    );
    let out = tertial(
        home.path(),
        work.path(),
        &["keymap", "check", "broken.toml"],
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("broken.toml:3:7:"), "{err}");
    assert!(err.contains("broken.toml:5:2:"), "{err}");
    assert!(err.contains("unknown action \"rate_ful\""), "{err}");
    assert!(
        text(&out.stdout).contains("2 errors"),
        "{}",
        text(&out.stdout)
    );

    // A file that does not exist.
    let out = tertial(
        home.path(),
        work.path(),
        &["keymap", "check", "nothing.toml"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[test]
fn cli_keymap_check_passes_the_presets() {
    let home = tempfile::tempdir().unwrap();
    let default = manifest().join("keymaps/default.toml");
    let out = tertial(
        home.path(),
        manifest(),
        &["keymap", "check", default.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("0 errors, 0 warnings"),
        "{}",
        text(&out.stdout)
    );

    let out = tertial(
        home.path(),
        manifest(),
        &["keymap", "check", "keymaps/vim.toml"],
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("warning"), "{err}");
    assert!(err.contains("ctrl-b"), "{err}");
    assert!(err.contains("keymaps/vim.toml:"), "{err}");
    assert!(!err.contains("error"), "{err}");

    let out = tertial(
        home.path(),
        manifest(),
        &["keymap", "check", "keymaps/emacs.toml"],
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("ctrl-b"), "{err}");
}

#[test]
fn cli_keymap_print() {
    let home = tempfile::tempdir().unwrap();
    let out = tertial(
        home.path(),
        home.path(),
        &["keymap", "print", "--keymap", "emacs"],
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(stdout.contains("[goal]"), "{stdout}");
    assert!(stdout.contains("\"alt-n\""), "{stdout}");
    assert!(stdout.contains("keymaps/emacs.toml"), "{stdout}");
    // Every printed table is a context, every binding a valid file line:
    // the print is itself a keymap file.
    let body: String = stdout
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let (reparsed, diags) = parse_keymap("printed.toml", body.as_bytes());
    assert!(diags.iter().all(|d| !d.is_error()), "{}", shown(&diags));
    let emacs = tertial::keymap::load(Some("emacs"), None).map;
    for (ctx, table) in &emacs.tables {
        let keys: BTreeSet<String> = table.iter().map(|(k, _)| show_sequence(k)).collect();
        let printed: BTreeSet<String> = reparsed.tables[ctx]
            .iter()
            .map(|(k, _)| show_sequence(k))
            .collect();
        assert_eq!(keys, printed, "[{}]", ctx.name());
    }

    // The config folder of the (fake) home is read: vim, plus an override.
    let cfg = home.path().join(".config/tertial");
    std::fs::create_dir_all(&cfg).unwrap();
    write(&cfg, "config.toml", b"keymap = \"vim\"\n");
    write(&cfg, "keymap.toml", b"[goal]\n\"x\" = \"review\"\n");
    let out = tertial(home.path(), home.path(), &["keymap", "print"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(stdout.contains("keymaps/vim.toml + "), "{stdout}");
    assert!(stdout.contains("\"g g\""), "{stdout}");
    assert!(stdout.contains("\"x\""), "{stdout}");
}

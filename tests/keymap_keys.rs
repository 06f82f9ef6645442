//! One key as keymap files write it: parsing both styles (`ctrl-s`,
//! `<C-s>`), the canonical print, the round trip, errors that say what was
//! expected, sequences, terminal events and transport warnings.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tertial::keymap::Key;
use tertial::keymap::key::{Code, parse_sequence, show_sequence};

/// (written, canonical print)
const ROUND_TRIP: &[(&str, &str)] = &[
    // ctrl, all spellings; terminals cannot tell ctrl-S from ctrl-s
    ("ctrl-s", "ctrl-s"),
    ("<C-s>", "ctrl-s"),
    ("C-s", "ctrl-s"),
    ("<c-s>", "ctrl-s"),
    ("control-s", "ctrl-s"),
    ("Ctrl-S", "ctrl-s"),
    ("ctrl-S", "ctrl-s"),
    ("CTRL-a", "ctrl-a"),
    ("  ctrl-s  ", "ctrl-s"),
    // shift with a letter is the upper-case letter
    ("shift-a", "A"),
    ("<S-a>", "A"),
    ("S-a", "A"),
    ("shift-A", "A"),
    ("A", "A"),
    ("a", "a"),
    ("G", "G"),
    // shift-tab
    ("shift-tab", "shift-tab"),
    ("<S-Tab>", "shift-tab"),
    ("backtab", "shift-tab"),
    ("<BackTab>", "shift-tab"),
    ("tab", "tab"),
    ("<Tab>", "tab"),
    ("ctrl-shift-tab", "ctrl-shift-tab"),
    // named keys
    ("enter", "enter"),
    ("<CR>", "enter"),
    ("ret", "enter"),
    ("return", "enter"),
    ("Enter", "enter"),
    ("esc", "esc"),
    ("<Esc>", "esc"),
    ("escape", "esc"),
    ("backspace", "backspace"),
    ("<BS>", "backspace"),
    ("del", "delete"),
    ("<Del>", "delete"),
    ("insert", "insert"),
    ("ins", "insert"),
    ("up", "up"),
    ("<Down>", "down"),
    ("left", "left"),
    ("right", "right"),
    ("home", "home"),
    ("<End>", "end"),
    ("pageup", "pageup"),
    ("PgUp", "pageup"),
    ("<PageUp>", "pageup"),
    ("pagedown", "pagedown"),
    ("pgdn", "pagedown"),
    ("f1", "f1"),
    ("F1", "f1"),
    ("<F12>", "f12"),
    ("shift-f5", "shift-f5"),
    ("ctrl-f2", "ctrl-f2"),
    ("space", "space"),
    ("<Space>", "space"),
    ("ctrl-space", "ctrl-space"),
    ("shift-enter", "shift-enter"),
    ("ctrl-enter", "ctrl-enter"),
    // alt
    ("alt-x", "alt-x"),
    ("<M-x>", "alt-x"),
    ("M-x", "alt-x"),
    ("<A-x>", "alt-x"),
    ("meta-x", "alt-x"),
    ("alt-X", "alt-X"),
    ("ctrl-alt-x", "ctrl-alt-x"),
    ("alt-ctrl-x", "ctrl-alt-x"),
    ("<C-M-x>", "ctrl-alt-x"),
    // symbols
    ("?", "?"),
    ("/", "/"),
    (":", ":"),
    ("[", "["),
    ("]", "]"),
    ("-", "-"),
    ("<", "<"),
    (">", ">"),
    ("<lt>", "<"),
    ("lt", "<"),
    ("minus", "-"),
    ("ctrl--", "ctrl-minus"),
    ("<C-->", "ctrl-minus"),
    ("ctrl-minus", "ctrl-minus"),
    ("alt--", "alt-minus"),
    ("ctrl-alt--", "ctrl-alt-minus"),
    ("alt-<", "alt-<"),
    ("<C-lt>", "ctrl-<"),
    ("shift-?", "?"),
    // digits and non-ASCII letters
    ("1", "1"),
    ("å", "å"),
    ("Ä", "Ä"),
    ("shift-å", "Å"),
    ("<S-ö>", "Ö"),
    ("alt-å", "alt-å"),
    // With ctrl, case does not count: terminals send ctrl+shift+S as ctrl-s.
    ("ctrl-shift-s", "ctrl-s"),
    ("<C-S-s>", "ctrl-s"),
    // Backtab already is shift-tab.
    ("shift-backtab", "shift-tab"),
    ("<S-BackTab>", "shift-tab"),
];

#[test]
fn table_has_enough_rows() {
    assert!(ROUND_TRIP.len() >= 40, "{}", ROUND_TRIP.len());
}

#[test]
fn parse_then_print_is_canonical() {
    let mut wrong = Vec::new();
    for (written, canonical) in ROUND_TRIP {
        match Key::parse(written) {
            Ok(k) if k.to_string() == *canonical => {}
            Ok(k) => wrong.push(format!(
                "{written:?}: expected {canonical:?}, got {:?} ({k:?})",
                k.to_string()
            )),
            Err(e) => wrong.push(format!(
                "{written:?}: expected {canonical:?}, got error {e}"
            )),
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn print_then_parse_gives_the_same_key() {
    let mut wrong = Vec::new();
    for (written, _) in ROUND_TRIP {
        let Ok(k) = Key::parse(written) else {
            wrong.push(format!("{written:?}: does not parse"));
            continue;
        };
        let shown = k.to_string();
        match Key::parse(&shown) {
            Ok(back) if back == k => {
                // The canonical form is a fixed point.
                assert_eq!(back.to_string(), shown, "{written:?}");
            }
            Ok(back) => wrong.push(format!(
                "{written:?}: printed {shown:?}, which parses to {back:?}, not {k:?}"
            )),
            Err(e) => wrong.push(format!(
                "{written:?}: printed {shown:?}, which does not parse: {e}"
            )),
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn both_styles_are_the_same_key() {
    let same = [
        ("ctrl-s", "<C-s>"),
        ("shift-a", "A"),
        ("shift-tab", "backtab"),
        ("<CR>", "enter"),
        ("alt-x", "<M-x>"),
        ("ctrl--", "ctrl-minus"),
        ("<lt>", "<"),
        ("<Space>", "space"),
        ("f12", "<F12>"),
    ];
    for (a, b) in same {
        assert_eq!(Key::parse(a), Key::parse(b), "{a:?} vs {b:?}");
    }
    assert_ne!(Key::parse("a"), Key::parse("A"));
    assert_ne!(Key::parse("alt-x"), Key::parse("alt-X"));
    assert_ne!(Key::parse("tab"), Key::parse("shift-tab"));
    assert_eq!(Key::parse("ctrl-s").unwrap(), Key::ctrl('s'));
    assert_eq!(Key::parse("esc").unwrap(), Key::plain(Code::Esc));
    assert_eq!(Key::parse("f7").unwrap(), Key::plain(Code::F(7)));
}

/// (written, what the message must contain)
const INVALID: &[(&str, &[&str])] = &[
    ("", &["empty", "expected"]),
    ("   ", &["empty", "expected"]),
    ("ctrl-", &["\"ctrl-\"", "expected a character"]),
    ("alt-", &["\"alt-\"", "expected a character"]),
    ("shift-", &["\"shift-\"", "expected a character"]),
    ("ctrl-ctrl-s", &["\"ctrl-ctrl-s\"", "twice"]),
    ("s-s-a", &["\"s-s-a\"", "twice"]),
    ("<C-C-x>", &["twice"]),
    (
        "hyper-x",
        &[
            "\"hyper-x\"",
            "unknown modifier",
            "expected ctrl-, alt- or shift-",
        ],
    ),
    (
        "super-s",
        &[
            "\"super-s\"",
            "unknown modifier",
            "expected ctrl-, alt- or shift-",
        ],
    ),
    (
        "cmd-s",
        &["unknown modifier", "expected ctrl-, alt- or shift-"],
    ),
    ("f13", &["\"f13\"", "f1 to f12"]),
    ("f0", &["\"f0\"", "f1 to f12"]),
    ("<F99>", &["f1 to f12"]),
    (
        "ctrl-foo",
        &["\"ctrl-foo\"", "unknown key name \"foo\"", "expected"],
    ),
    (
        "foo",
        &["unknown key name", "expected a character or one of"],
    ),
    ("ctrl+s", &["\"ctrl+s\"", "expected"]),
    ("<C-", &["\"<C-\"", "expected"]),
    ("<C-s", &["\"<C-s\"", "expected"]),
    ("<>", &["\"<>\"", "expected"]),
    ("-s", &["empty modifier", "expected ctrl-, alt- or shift-"]),
    ("ctrl-s-", &["expected"]),
];

#[test]
fn invalid_keys_say_what_was_expected() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    assert!(INVALID.len() >= 12);
    let mut wrong = Vec::new();
    for (written, needles) in INVALID {
        match Key::parse(written) {
            Ok(k) => wrong.push(format!("{written:?}: expected an error, got {k:?}")),
            Err(e) => {
                let msg = e.to_string();
                for n in *needles {
                    if !msg.contains(n) {
                        wrong.push(format!("{written:?}: message {msg:?} lacks {n:?}"));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn sequences_parse_and_show() {
    let gg = parse_sequence("g g").unwrap();
    assert_eq!(gg.len(), 2);
    assert_eq!(gg, vec![Key::parse("g").unwrap(), Key::parse("g").unwrap()]);
    assert_eq!(show_sequence(&gg), "g g");

    let cx = parse_sequence("<C-x>   <C-s>").unwrap();
    assert_eq!(cx, vec![Key::ctrl('x'), Key::ctrl('s')]);
    assert_eq!(show_sequence(&cx), "ctrl-x ctrl-s");

    for text in [
        "g g",
        "ctrl-x ctrl-c",
        "Z Z",
        "d d",
        "ctrl-x r",
        "a b c d",
        "shift-tab enter",
        "ctrl-minus <",
        "space space",
    ] {
        let keys = parse_sequence(text).unwrap();
        let shown = show_sequence(&keys);
        assert_eq!(
            parse_sequence(&shown).unwrap(),
            keys,
            "{text:?} -> {shown:?}"
        );
    }
    assert_eq!(
        show_sequence(&parse_sequence("<S-Tab> <CR>").unwrap()),
        "shift-tab enter"
    );
    assert_eq!(parse_sequence("a b c d").unwrap().len(), 4);
    // A lone space is the space key (a TOML key " ").
    assert_eq!(
        parse_sequence(" ").unwrap(),
        vec![Key::plain(Code::Char(' '))]
    );
    assert_eq!(show_sequence(&[]), "");
}

#[test]
fn bad_sequences_are_errors() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    let long = parse_sequence("a b c d e").unwrap_err().to_string();
    assert!(long.contains("at most 4"), "{long}");
    let longer = parse_sequence("g g g g g g").unwrap_err().to_string();
    assert!(longer.contains("at most 4"), "{longer}");
    let empty = parse_sequence("").unwrap_err().to_string();
    assert!(empty.contains("expected"), "{empty}");
    assert!(parse_sequence("   ").is_err());
    let bad = parse_sequence("g ctrl-").unwrap_err().to_string();
    assert!(bad.contains("\"ctrl-\""), "{bad}");
    assert!(parse_sequence("ctrl-x hyper-c").is_err());
}

fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

fn key(text: &str) -> Key {
    Key::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

#[test]
fn events_are_the_keys_files_name() {
    use KeyModifiers as M;
    let cases = [
        (ev(KeyCode::Char('A'), M::SHIFT), "A"),
        (ev(KeyCode::Char('A'), M::SHIFT), "shift-a"),
        (ev(KeyCode::Char('a'), M::NONE), "a"),
        (ev(KeyCode::Char('s'), M::CONTROL), "ctrl-s"),
        (ev(KeyCode::Char('s'), M::CONTROL), "<C-s>"),
        // Some terminals report ctrl+shift+s as 'S' with both.
        (ev(KeyCode::Char('S'), M::CONTROL | M::SHIFT), "ctrl-s"),
        (ev(KeyCode::BackTab, M::SHIFT), "shift-tab"),
        (ev(KeyCode::BackTab, M::NONE), "shift-tab"),
        (ev(KeyCode::Tab, M::SHIFT), "shift-tab"),
        (ev(KeyCode::Tab, M::NONE), "tab"),
        (ev(KeyCode::Enter, M::NONE), "enter"),
        (ev(KeyCode::Enter, M::SHIFT), "shift-enter"),
        (ev(KeyCode::Enter, M::CONTROL), "ctrl-enter"),
        (ev(KeyCode::Esc, M::NONE), "esc"),
        (ev(KeyCode::F(1), M::NONE), "f1"),
        (ev(KeyCode::F(12), M::NONE), "<F12>"),
        (ev(KeyCode::PageUp, M::NONE), "PgUp"),
        (ev(KeyCode::Char(' '), M::NONE), "space"),
        (ev(KeyCode::Char('x'), M::ALT), "alt-x"),
        (ev(KeyCode::Char('x'), M::ALT | M::CONTROL), "ctrl-alt-x"),
        (ev(KeyCode::Char('-'), M::CONTROL), "ctrl--"),
        (ev(KeyCode::Char('?'), M::SHIFT), "?"),
        (ev(KeyCode::Char('<'), M::ALT | M::SHIFT), "alt-<"),
        (ev(KeyCode::Char('<'), M::NONE), "<lt>"),
        (ev(KeyCode::Char('Å'), M::SHIFT), "shift-å"),
        (ev(KeyCode::Char('ä'), M::NONE), "ä"),
        (ev(KeyCode::Backspace, M::NONE), "backspace"),
    ];
    let mut wrong = Vec::new();
    for (e, text) in &cases {
        let got = Key::from_event(e);
        if got != Some(key(text)) {
            wrong.push(format!(
                "{e:?}: expected {text:?} = {:?}, got {got:?}",
                key(text)
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn keys_without_a_name_are_no_key() {
    assert_eq!(
        Key::from_event(&ev(KeyCode::Null, KeyModifiers::NONE)),
        None
    );
    assert_eq!(
        Key::from_event(&ev(KeyCode::CapsLock, KeyModifiers::NONE)),
        None
    );
}

#[test]
fn every_parsed_key_is_some_event() {
    // A binding no terminal event can produce is dead. For the keys a
    // file may name, the event the terminal sends must map to the same key.
    use KeyModifiers as M;
    let cases = [
        // Terminals report no shift with characters: shift-space is space.
        ("shift-space", ev(KeyCode::Char(' '), M::SHIFT)),
        // ctrl+shift+s from the terminal is ctrl-s, as the file says.
        (
            "ctrl-shift-s",
            ev(KeyCode::Char('S'), M::CONTROL | M::SHIFT),
        ),
        (
            "ctrl-shift-tab",
            ev(KeyCode::BackTab, M::CONTROL | M::SHIFT),
        ),
        ("alt-X", ev(KeyCode::Char('X'), M::ALT | M::SHIFT)),
    ];
    let mut wrong = Vec::new();
    for (text, e) in &cases {
        let got = Key::from_event(e);
        if got != Some(key(text)) {
            wrong.push(format!(
                "{text:?} = {:?}, but {e:?} gives {got:?}",
                key(text)
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn transport_warnings() {
    let b = key("ctrl-b").transport_warning().expect("ctrl-b warns");
    assert!(b.contains("tmux"), "{b}");
    let a = key("<C-a>").transport_warning().expect("ctrl-a warns");
    assert!(a.contains("screen"), "{a}");
    assert!(key("shift-enter").transport_warning().is_some());
    assert!(key("ctrl-enter").transport_warning().is_some());
    for quiet in [
        "ctrl-z",
        "ctrl-s",
        "ctrl-c",
        "ctrl-g",
        "alt-b",
        "b",
        "B",
        "a",
        "enter",
        "esc",
        "tab",
        "shift-tab",
        "f1",
        "ctrl-x",
    ] {
        assert_eq!(key(quiet).transport_warning(), None, "{quiet}");
    }
}

//! One key press as keymap files write it: parsing both `ctrl-s` and
//! `<C-s>` styles, and printing the canonical form (`ctrl-s`, `A`,
//! `shift-tab`, `f1`, `pageup`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Char(char),
    Enter,
    Tab,
    BackTab,
    Esc,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
    /// Shift with a non-letter key (letters become upper case instead).
    pub shift: bool,
}

const NAMED: &[(&str, Code)] = &[
    ("enter", Code::Enter),
    ("return", Code::Enter),
    ("ret", Code::Enter),
    ("cr", Code::Enter),
    ("tab", Code::Tab),
    ("backtab", Code::BackTab),
    ("esc", Code::Esc),
    ("escape", Code::Esc),
    ("backspace", Code::Backspace),
    ("bs", Code::Backspace),
    ("delete", Code::Delete),
    ("del", Code::Delete),
    ("insert", Code::Insert),
    ("ins", Code::Insert),
    ("up", Code::Up),
    ("down", Code::Down),
    ("left", Code::Left),
    ("right", Code::Right),
    ("pageup", Code::PageUp),
    ("pgup", Code::PageUp),
    ("pagedown", Code::PageDown),
    ("pgdn", Code::PageDown),
    ("home", Code::Home),
    ("end", Code::End),
    ("space", Code::Char(' ')),
    ("minus", Code::Char('-')),
    ("lt", Code::Char('<')),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError(pub String);

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Key {
    pub fn plain(code: Code) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    pub fn ctrl(c: char) -> Key {
        Key {
            code: Code::Char(c),
            ctrl: true,
            alt: false,
            shift: false,
        }
    }

    /// Parses one key: `ctrl-s`, `C-s`, `<C-s>`, `alt-x`, `<M-x>`, `A`,
    /// `shift-a` (= `A`), `shift-tab`, `<S-Tab>`, `f1`, `<F1>`, `pageup`,
    /// `<Space>`, `?`.
    pub fn parse(text: &str) -> Result<Key, KeyError> {
        let raw = text.trim();
        if raw.is_empty() {
            return Err(KeyError(
                crate::i18n::current()
                    .t(
                        "tom tangent; förväntade t.ex. \"ctrl-s\" eller \"<C-s>\"",
                        "empty key; expected e.g. \"ctrl-s\" or \"<C-s>\"",
                    )
                    .into(),
            ));
        }
        let inner = match raw.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
            Some(inner) if !inner.is_empty() => inner,
            _ => raw,
        };
        // A lone character (including '-' and '<') is itself.
        if inner.chars().count() == 1 {
            return Ok(Key::plain(Code::Char(inner.chars().next().unwrap_or(' '))).normalized());
        }
        let mut parts: Vec<&str> = inner.split('-').collect();
        // "ctrl--" means ctrl and '-'.
        if inner.ends_with("--") {
            parts.pop();
            if let Some(last) = parts.last_mut() {
                *last = "-";
            }
        }
        let (name, mods) = parts.split_last().ok_or_else(|| {
            KeyError(crate::i18n::current().pick(
                format!("{raw:?} är ingen tangent"),
                format!("{raw:?} is not a key"),
            ))
        })?;
        let mut key = Key::plain(Code::Char(' '));
        for m in mods {
            let flag = match m.to_ascii_lowercase().as_str() {
                "ctrl" | "c" | "control" => &mut key.ctrl,
                "alt" | "a" | "m" | "meta" => &mut key.alt,
                "shift" | "s" => &mut key.shift,
                "" => {
                    return Err(KeyError(crate::i18n::current().pick(
                        format!("{raw:?}: tom modifierare; förväntade ctrl-, alt- eller shift-"),
                        format!("{raw:?}: empty modifier; expected ctrl-, alt- or shift-"),
                    )));
                }
                other => {
                    return Err(KeyError(crate::i18n::current().pick(
                        format!(
                            "{raw:?}: okänd modifierare {other:?}; förväntade ctrl-, alt- eller shift- (super- och hyper-tangenter når inte terminaler)"
                        ),
                        format!(
                            "{raw:?}: unknown modifier {other:?}; expected ctrl-, alt- or shift- (super and hyper keys do not reach terminals)"
                        ),
                    )));
                }
            };
            if *flag {
                return Err(KeyError(crate::i18n::current().pick(
                    format!("{raw:?}: modifieraren {m:?} står två gånger"),
                    format!("{raw:?}: modifier {m:?} given twice"),
                )));
            }
            *flag = true;
        }
        key.code = if name.chars().count() == 1 {
            Code::Char(name.chars().next().unwrap_or(' '))
        } else if let Some(n) = name
            .strip_prefix(['f', 'F'])
            .and_then(|n| n.parse::<u8>().ok())
        {
            if !(1..=12).contains(&n) {
                return Err(KeyError(crate::i18n::current().pick(
                    format!("{raw:?}: funktionstangenterna är f1 till f12"),
                    format!("{raw:?}: function keys are f1 to f12"),
                )));
            }
            Code::F(n)
        } else {
            let lower = name.to_ascii_lowercase();
            NAMED
                .iter()
                .find(|(n, _)| *n == lower)
                .map(|(_, c)| *c)
                .ok_or_else(|| {
                    KeyError(crate::i18n::current().pick(
                        format!(
                            "{raw:?}: okänt tangentnamn {name:?}; förväntade ett tecken eller en av enter, tab, esc, backspace, delete, up, down, left, right, pageup, pagedown, home, end, space, f1–f12"
                        ),
                        format!(
                            "{raw:?}: unknown key name {name:?}; expected a character or one of enter, tab, esc, backspace, delete, up, down, left, right, pageup, pagedown, home, end, space, f1–f12"
                        ),
                    ))
                })?
        };
        Ok(key.normalized())
    }

    /// Shift+letter is the upper-case letter; shift-tab is backtab; with
    /// ctrl, case does not count (terminals send ctrl-S as ctrl-s); shift
    /// with any other character is dropped (the terminal sends the shifted
    /// character itself, and reports no shift for it).
    fn normalized(mut self) -> Key {
        match self.code {
            Code::Char(c) if self.ctrl && c.is_alphabetic() => {
                self.code = Code::Char(c.to_lowercase().next().unwrap_or(c));
                self.shift = false;
            }
            Code::Char(c) if self.shift && c.is_alphabetic() => {
                self.code = Code::Char(c.to_uppercase().next().unwrap_or(c));
                self.shift = false;
            }
            Code::Char(_) => self.shift = false,
            Code::Tab if self.shift => {
                self.code = Code::BackTab;
                self.shift = false;
            }
            Code::BackTab => self.shift = false,
            _ => {}
        }
        self
    }

    /// The key a terminal event stands for.
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        let code = match ev.code {
            KeyCode::Char(c) => Code::Char(c),
            KeyCode::Enter => Code::Enter,
            KeyCode::Tab => Code::Tab,
            KeyCode::BackTab => Code::BackTab,
            KeyCode::Esc => Code::Esc,
            KeyCode::Backspace => Code::Backspace,
            KeyCode::Delete => Code::Delete,
            KeyCode::Insert => Code::Insert,
            KeyCode::Up => Code::Up,
            KeyCode::Down => Code::Down,
            KeyCode::Left => Code::Left,
            KeyCode::Right => Code::Right,
            KeyCode::PageUp => Code::PageUp,
            KeyCode::PageDown => Code::PageDown,
            KeyCode::Home => Code::Home,
            KeyCode::End => Code::End,
            KeyCode::F(n) => Code::F(n),
            _ => return None,
        };
        let m = ev.modifiers;
        Some(
            Key {
                code,
                ctrl: m.contains(KeyModifiers::CONTROL),
                alt: m.contains(KeyModifiers::ALT),
                shift: m.contains(KeyModifiers::SHIFT)
                    && !matches!(code, Code::Char(_) | Code::BackTab),
            }
            .normalized(),
        )
    }

    /// Keys that do not survive tmux, screen or SSH without extra terminal
    /// protocols, or that multiplexers take for themselves. (Ctrl-Z is not
    /// among them: the program reads the terminal raw, where it is a key.)
    pub fn transport_warning(&self) -> Option<&'static str> {
        match (self.code, self.ctrl, self.alt, self.shift) {
            (Code::Char('b'), true, false, _) => Some((
                "ctrl-b är tmux prefixtangent",
                "ctrl-b is tmux's prefix key",
            )),
            (Code::Char('a'), true, false, _) => Some((
                "ctrl-a är GNU screens prefixtangent",
                "ctrl-a is GNU screen's prefix key",
            )),
            (Code::Enter, _, _, true) => Some((
                "shift-enter kräver kittys tangentbordsprotokoll (finns inte i tmux)",
                "shift-enter needs the kitty keyboard protocol (not in tmux)",
            )),
            (Code::Enter, true, _, _) => Some((
                "ctrl-enter kräver kittys tangentbordsprotokoll (finns inte i tmux)",
                "ctrl-enter needs the kitty keyboard protocol (not in tmux)",
            )),
            _ => None,
        }
        .map(|(sv, en)| crate::i18n::current().t(sv, en))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            Code::Char(' ') => f.write_str("space"),
            Code::Char('-') if self.ctrl || self.alt || self.shift => f.write_str("minus"),
            Code::Char(c) => write!(f, "{c}"),
            Code::F(n) => write!(f, "f{n}"),
            Code::BackTab => f.write_str("shift-tab"),
            other => {
                let name = NAMED
                    .iter()
                    .find(|(_, c)| *c == other)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

/// A key sequence: `g g` (keys separated by spaces).
pub fn parse_sequence(text: &str) -> Result<Vec<Key>, KeyError> {
    let trimmed = text.trim();
    if trimmed == " " || trimmed.is_empty() && text == " " {
        return Ok(vec![Key::plain(Code::Char(' '))]);
    }
    let keys: Result<Vec<Key>, KeyError> = trimmed.split_whitespace().map(Key::parse).collect();
    let keys = keys?;
    if keys.is_empty() {
        return Err(KeyError(
            crate::i18n::current()
                .t(
                    "tom tangent; förväntade t.ex. \"ctrl-s\" eller \"g g\"",
                    "empty key; expected e.g. \"ctrl-s\" or \"g g\"",
                )
                .into(),
        ));
    }
    if keys.len() > 4 {
        return Err(KeyError(crate::i18n::current().pick(
            format!("{text:?}: en följd har högst 4 tangenter"),
            format!("{text:?}: sequences of at most 4 keys"),
        )));
    }
    Ok(keys)
}

pub fn show_sequence(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A key sequence as people read it on screen, in the UI language:
/// "Ctrl-G", "Retur", "Mellanslag", "Skift-Tabb", "F1", "g g".
pub fn display_sequence(keys: &[Key], lang: crate::i18n::Lang) -> String {
    keys.iter()
        .map(|k| k.display(lang))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Key {
    /// This key as people read it on screen (see `display_sequence`).
    pub fn display(&self, lang: crate::i18n::Lang) -> String {
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl-");
        }
        if self.alt {
            out.push_str("Alt-");
        }
        if self.shift {
            out.push_str(lang.t("Skift-", "Shift-"));
        }
        let modified = self.ctrl || self.alt;
        let name = match self.code {
            Code::Char(' ') => lang.t("Mellanslag", "Space").to_string(),
            Code::Char(c) if modified => c.to_uppercase().collect(),
            Code::Char(c) => c.to_string(),
            Code::Enter => lang.t("Retur", "Enter").to_string(),
            Code::Tab => lang.t("Tabb", "Tab").to_string(),
            Code::BackTab => lang.t("Skift-Tabb", "Shift-Tab").to_string(),
            Code::Esc => "Esc".to_string(),
            Code::Backspace => lang.t("Backsteg", "Backspace").to_string(),
            Code::Delete => "Delete".to_string(),
            Code::Insert => "Insert".to_string(),
            Code::Up => "↑".to_string(),
            Code::Down => "↓".to_string(),
            Code::Left => "←".to_string(),
            Code::Right => "→".to_string(),
            Code::PageUp => "PgUp".to_string(),
            Code::PageDown => "PgDn".to_string(),
            Code::Home => "Home".to_string(),
            Code::End => "End".to_string(),
            Code::F(n) => format!("F{n}"),
        };
        out.push_str(&name);
        out
    }
}

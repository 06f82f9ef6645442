//! Keymaps as files: the presets shipped in `keymaps/` (embedded), the
//! user's choice and overrides from the XDG config folder, key parsing and
//! printing, merging per key, and the checks `tertial keymap check` runs.
//!
//! This module owns the language of keymap files: keys (`key`), contexts
//! (`context`), and the one declaration of the commands a key can be bound
//! to (`actions`), from which the parser, the palette, the help and the
//! on-screen hints are derived. A keymap maps keys to command names and
//! knows nothing of the program's core: what a command does is decided in
//! `app::commands`, and `app` depends on `keymap`, never the reverse.

pub mod actions;
pub mod context;
pub mod key;
pub mod map;
pub mod parse;

pub use actions::{Command, Context};
pub use key::Key;
pub use map::{Keymap, Resolved};

use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};

/// (name, file content) of the presets.
pub const PRESETS: &[(&str, &str)] = &[
    ("default", include_str!("../../keymaps/default.toml")),
    ("vim", include_str!("../../keymaps/vim.toml")),
    ("emacs", include_str!("../../keymaps/emacs.toml")),
];

/// The effective keymap and every problem found while building it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub map: Keymap,
    pub problems: Vec<Diagnostic>,
    /// Files read, in order (for `keymap print`).
    pub sources: Vec<String>,
}

/// `$XDG_CONFIG_HOME/tertial` (or `~/.config/tertial`).
pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("XDG_CONFIG_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("tertial"));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join(".config/tertial"))
}

/// The preset named in the user's config file (`keymap = "vim"`).
fn configured_preset(dir: &Path, problems: &mut Vec<Diagnostic>) -> Option<String> {
    let path = dir.join("config.toml");
    let shown = path.display().to_string();
    let bytes = read_config_file(&path, &shown, problems)?;
    let src = match crate::plan::load::decode_text(&shown, &bytes, parse::MAX_KEYMAP_BYTES) {
        Ok(s) => s,
        Err(d) => {
            problems.push(d);
            return None;
        }
    };
    match toml::from_str::<toml::Table>(src) {
        Ok(t) => match t.get("keymap") {
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(_) => {
                let span = crate::plan::spans::locate(src, &crate::toml_path!("keymap"));
                problems.push(Diagnostic::at(
                    &shown,
                    src,
                    span,
                    crate::i18n::current().t(
                        "keymap ska vara ett förvals namn eller en sökväg inom citattecken",
                        "keymap must be a preset name or a path in quotes",
                    ),
                ));
                None
            }
            None => None,
        },
        Err(e) => {
            problems.push(Diagnostic::at(
                &shown,
                src,
                e.span().unwrap_or(0..0),
                crate::plan::load::humanize(e.message()),
            ));
            None
        }
    }
}

/// A file of the config folder, which need not be there; any other
/// problem reading it (too large, unreadable) is reported.
fn read_config_file(path: &Path, shown: &str, problems: &mut Vec<Diagnostic>) -> Option<Vec<u8>> {
    match crate::user_files::read_bounded(path, parse::MAX_KEYMAP_BYTES) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            problems.push(Diagnostic::whole_file(shown, crate::oserr::shown(&e)));
            None
        }
    }
}

/// Reads a preset by name, or a keymap file by path.
pub fn read_preset(choice: &str) -> Result<(String, Vec<u8>), String> {
    if let Some((name, text)) = PRESETS.iter().find(|(n, _)| *n == choice) {
        return Ok((format!("keymaps/{name}.toml"), text.as_bytes().to_vec()));
    }
    let path = Path::new(choice);
    crate::user_files::read_bounded(path, parse::MAX_KEYMAP_BYTES)
        .map(|b| (path.display().to_string(), b))
        .map_err(|e| {
            let names: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
            let e = crate::oserr::shown(&e);
            crate::i18n::current().pick(
                format!(
                    "keymap {choice:?}: {e}; förväntade ett förval ({}) eller en sökväg till en fil",
                    names.join(", ")
                ),
                format!(
                    "keymap {choice:?}: {e}; expected a preset ({}) or a file path",
                    names.join(", ")
                ),
            )
        })
}

/// Builds the keymap: the chosen preset (`choice`, else the config file's,
/// else default), then the user's overrides (`keymap.toml` in the config
/// folder), merged per key. Problems never stop it: bad entries are left
/// out and reported.
pub fn load(choice: Option<&str>, config: Option<&Path>) -> Loaded {
    let mut problems = Vec::new();
    let mut sources = Vec::new();
    let configured = match (choice, config) {
        (Some(c), _) => Some(c.to_string()),
        (None, Some(dir)) => configured_preset(dir, &mut problems),
        (None, None) => None,
    };
    let preset = configured.unwrap_or_else(|| "default".to_string());
    let (name, bytes) = match read_preset(&preset) {
        Ok(x) => x,
        Err(msg) => {
            problems.push(Diagnostic::whole_file(&preset, msg));
            read_preset("default").unwrap_or_default()
        }
    };
    let (mut map, mut diags) = parse::parse_keymap(&name, &bytes);
    problems.append(&mut diags);
    sources.push(name);
    if let Some(dir) = config {
        let path = dir.join("keymap.toml");
        let shown = path.display().to_string();
        if let Some(bytes) = read_config_file(&path, &shown, &mut problems) {
            let (over, mut diags) = parse::parse_keymap(&shown, &bytes);
            problems.append(&mut diags);
            map.merge(&over);
            sources.push(shown);
        }
    }
    let last = sources.last().cloned().unwrap_or_default();
    problems.extend(parse::check_merged(&map, &last));
    Loaded {
        map,
        problems,
        sources,
    }
}

/// The built-in default keymap (for tests and when nothing else loads).
pub fn default_keymap() -> Keymap {
    parse::parse_keymap("keymaps/default.toml", PRESETS[0].1.as_bytes()).0
}

/// `keymap print`: every binding, per context, in file format.
pub fn print(map: &Keymap, lang: crate::i18n::Lang) -> String {
    let mut out = String::new();
    for (ctx, table) in &map.tables {
        out.push_str(&format!("[{}]\n", ctx.name()));
        for (keys, b) in table {
            let desc = b
                .desc
                .clone()
                .or_else(|| actions::find(&b.action).map(|a| a.describe(lang).to_string()))
                .unwrap_or_default();
            out.push_str(&format!(
                "{:<18} = {:<20} # {desc}\n",
                format!("{:?}", key::show_sequence(keys)),
                format!("{:?}", b.action)
            ));
        }
        out.push('\n');
    }
    out
}

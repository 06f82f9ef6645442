//! Reading a keymap file: `[context]` tables of `"key" = "action"` or
//! `"key" = { action = "…", desc = "…" }`. Every problem is a diagnostic
//! with file:line:col; good entries still load.

use super::actions::{self, Context};
use super::key::{self, Key};
use super::map::{Binding, Keymap};
use crate::diag::Diagnostic;
use crate::i18n::current;
use toml::de::{DeTable, DeValue};

pub const MAX_KEYMAP_BYTES: usize = 256 * 1024;

/// Parses a keymap file. The map holds every good entry, whatever the
/// problems of the others.
pub fn parse_keymap(file: &str, bytes: &[u8]) -> (Keymap, Vec<Diagnostic>) {
    let mut map = Keymap::default();
    let mut diags = Vec::new();
    let src = match crate::plan::load::decode_text(file, bytes, MAX_KEYMAP_BYTES) {
        Ok(s) => s,
        Err(d) => return (map, vec![d]),
    };
    let root = match DeTable::parse(src) {
        Ok(r) => r,
        Err(e) => {
            let msg = crate::plan::load::humanize(e.message());
            return (
                map,
                vec![Diagnostic::at(file, src, e.span().unwrap_or(0..0), msg)],
            );
        }
    };
    let at = |span: std::ops::Range<usize>, msg: String| Diagnostic::at(file, src, span, msg);
    // The parsed tables are sorted by key; file order matters (the first
    // key of an action is the one shown), so entries are put back in it.
    let mut tables: Vec<_> = root.get_ref().iter().collect();
    tables.sort_by_key(|(k, _)| k.span().start);
    for (ctx_key, table) in tables {
        let ctx_name = ctx_key.get_ref();
        let Some(ctx) = Context::from_name(ctx_name) else {
            let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
            diags.push(at(
                ctx_key.span(),
                current().pick(
                    format!(
                        "okänt sammanhang {ctx_name:?}; förväntade ett av {}",
                        names.join(", ")
                    ),
                    format!(
                        "unknown context {ctx_name:?}; expected one of {}",
                        names.join(", ")
                    ),
                ),
            ));
            continue;
        };
        let Some(entries) = table.get_ref().as_table() else {
            diags.push(at(
                table.span(),
                current().pick(
                    format!(
                        "{ctx_name:?} ska vara en tabell [{ctx_name}] av \"tangent\" = \"åtgärd\""
                    ),
                    format!("{ctx_name:?} must be a table [{ctx_name}] of \"key\" = \"action\""),
                ),
            ));
            continue;
        };
        // Normalized keys seen in this table, for duplicates like
        // "ctrl-s" and "<C-s>".
        let mut seen: Vec<(Vec<Key>, std::ops::Range<usize>)> = Vec::new();
        let mut entries: Vec<_> = entries.iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        for (k, v) in entries {
            let keys = match key::parse_sequence(k.get_ref()) {
                Ok(keys) => keys,
                Err(e) => {
                    diags.push(at(k.span(), format!("{e}")));
                    continue;
                }
            };
            let (action, desc) = match entry(v.get_ref()) {
                Ok(x) => x,
                Err(msg) => {
                    diags.push(at(v.span(), msg));
                    continue;
                }
            };
            let Some(def) = actions::find(&action) else {
                let close: Vec<&str> = actions::ACTIONS
                    .iter()
                    .filter(|a| a.contexts.contains(&ctx))
                    .map(|a| a.name)
                    .collect();
                diags.push(at(
                    v.span(),
                    current().pick(
                        format!(
                            "okänd åtgärd {action:?}; förväntade en inbyggd åtgärd som {}",
                            close.join(", ")
                        ),
                        format!(
                            "unknown action {action:?}; expected a built-in action such as {}",
                            close.join(", ")
                        ),
                    ),
                ));
                continue;
            };
            if action != "noop" && !def.contexts.contains(&ctx) && ctx != Context::Global {
                let ctxs: Vec<&str> = def.contexts.iter().map(|c| c.name()).collect();
                diags.push(at(
                    v.span(),
                    current().pick(
                        format!(
                            "åtgärden {action:?} gör ingenting i [{ctx_name}]; förväntade den i [{}]",
                            ctxs.join("], [")
                        ),
                        format!(
                            "action {action:?} does nothing in [{ctx_name}]; expected it in [{}]",
                            ctxs.join("], [")
                        ),
                    ),
                ));
                continue;
            }
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == keys) {
                let first = crate::diag::floor_char_boundary(src, first.start.min(src.len()));
                let line = src[..first].matches('\n').count() + 1;
                let shown = key::show_sequence(&keys);
                diags.push(at(
                    k.span(),
                    current().pick(
                        format!("{shown:?} är bunden två gånger i [{ctx_name}] (först på rad {line}); förväntade varje tangent en gång"),
                        format!("{shown:?} is bound twice in [{ctx_name}] (first on line {line}); expected each key once"),
                    ),
                ));
                continue;
            }
            if let Some((other, _)) = seen
                .iter()
                .find(|(s, _)| s.starts_with(&keys) || keys.starts_with(s))
            {
                let (short, long) = if other.len() < keys.len() {
                    (other, &keys)
                } else {
                    (&keys, other)
                };
                diags.push(at(
                    k.span(),
                    current().pick(
                        format!(
                            "{:?} är både en egen tangent och början på {:?}; förväntade det ena eller det andra",
                            key::show_sequence(short),
                            key::show_sequence(long)
                        ),
                        format!(
                            "{:?} is both a key of its own and the start of {:?}; expected one or the other",
                            key::show_sequence(short),
                            key::show_sequence(long)
                        ),
                    ),
                ));
                continue;
            }
            seen.push((keys.clone(), k.span()));
            let d = Diagnostic::at(file, src, k.span(), "");
            let origin = format!("{}:{}:{}", file, d.line, d.col);
            if let Some(warning) = keys.iter().find_map(|k| k.transport_warning()) {
                diags.push(
                    at(
                        k.span(),
                        current().pick(
                            format!("{warning}; bind åtgärden till en annan tangent också"),
                            format!("{warning}; bind the action to another key too"),
                        ),
                    )
                    .warning(),
                );
            }
            map.bind(
                ctx,
                keys,
                Binding {
                    action,
                    desc,
                    origin,
                },
            );
        }
    }
    (map, diags)
}

fn entry(v: &DeValue) -> Result<(String, Option<String>), String> {
    if let Some(s) = v.as_str() {
        return Ok((s.to_string(), None));
    }
    if let Some(t) = v.as_table() {
        let mut action = None;
        let mut desc = None;
        for (k, v) in t.iter() {
            match (k.get_ref().as_ref(), v.get_ref().as_str()) {
                ("action", Some(a)) => action = Some(a.to_string()),
                ("desc", Some(d)) => desc = Some(d.to_string()),
                (other, _) => {
                    return Err(current().pick(
                        format!("oväntat {other:?}; förväntade {{ action = \"…\", desc = \"…\" }}"),
                        format!(
                            "unexpected {other:?}; expected {{ action = \"…\", desc = \"…\" }}"
                        ),
                    ));
                }
            }
        }
        return action.map(|a| (a, desc)).ok_or_else(|| {
            current()
                .t(
                    "action saknas; förväntade { action = \"…\", desc = \"…\" }",
                    "missing action; expected { action = \"…\", desc = \"…\" }",
                )
                .to_string()
        });
    }
    Err(current()
        .t(
            "förväntade ett åtgärdsnamn inom citattecken, eller { action = \"…\", desc = \"…\" }",
            "expected an action name in quotes, or { action = \"…\", desc = \"…\" }",
        )
        .into())
}

/// Problems only the whole (merged) keymap shows: Esc as the only way out
/// of a context (tmux delays Esc), and prefix clashes across files.
pub fn check_merged(map: &Keymap, file: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let escapes = [
        (
            Context::Editor,
            &["finish_edit", "next_field", "prev_field"][..],
        ),
        (Context::Palette, &["back"][..]),
        (Context::Help, &["back"][..]),
        (Context::Confirm, &["no"][..]),
        (Context::Review, &["back"][..]),
        (Context::Resume, &["back", "resume_draft"][..]),
    ];
    for (ctx, ways) in escapes {
        let keys: Vec<Vec<Key>> = ways.iter().flat_map(|a| map.keys_for(ctx, a)).collect();
        let esc = Key::plain(super::key::Code::Esc);
        if !keys.iter().any(|k| k.as_slice() != [esc]) {
            out.push(
                Diagnostic::whole_file(
                    file,
                    current().pick(
                        format!(
                            "i [{}] leder bara esc ut; tmux fördröjer esc, så bind en annan tangent till {}",
                            ctx.name(),
                            ways.join(" eller ")
                        ),
                        format!(
                            "in [{}] only esc leaves; tmux delays esc, so bind another key to {}",
                            ctx.name(),
                            ways.join(" or ")
                        ),
                    ),
                )
                .warning(),
            );
        }
    }
    for (ctx, table) in &map.tables {
        for (a, b) in table {
            if let Some((long, _)) = table
                .iter()
                .find(|(k, _)| k.len() > a.len() && k.starts_with(a))
            {
                out.push(Diagnostic::whole_file(
                    file,
                    current().pick(
                        format!(
                            "i [{}] är {:?} ({}) också början på {:?}; förväntade det ena eller det andra",
                            ctx.name(),
                            key::show_sequence(a),
                            b.origin,
                            key::show_sequence(long)
                        ),
                        format!(
                            "in [{}] {:?} ({}) is also the start of {:?}; expected one or the other",
                            ctx.name(),
                            key::show_sequence(a),
                            b.origin,
                            key::show_sequence(long)
                        ),
                    ),
                ));
            }
        }
    }
    out
}

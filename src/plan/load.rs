//! Reads a plan file from bytes: size limit, encoding, TOML syntax and types,
//! then the plan's own rules. Every problem becomes a `Diagnostic` with
//! file:line:col; nothing here panics on any input.

use super::model::{Plan, SCHEMA_VERSION};
use super::spans;
use super::validate;
use crate::diag::Diagnostic;
use crate::toml_path;

/// Plans larger than this are rejected before parsing (a real plan is
/// 30–80 KiB; the limit keeps a stray binary or log file from costing memory).
pub const MAX_PLAN_BYTES: usize = 4 * 1024 * 1024;

/// Parses and validates a plan. `file` is the name used in diagnostics.
pub fn parse_plan(file: &str, bytes: &[u8]) -> Result<Plan, Vec<Diagnostic>> {
    let src = decode_text(file, bytes, MAX_PLAN_BYTES).map_err(|d| vec![d])?;
    parse_plan_text(file, src)
}

/// Parses and validates a plan already decoded by `decode_text` (callers
/// that need the text afterwards decode it once, not twice).
pub fn parse_plan_text(file: &str, src: &str) -> Result<Plan, Vec<Diagnostic>> {
    let plan = match toml::from_str::<Plan>(src) {
        Ok(plan) => plan,
        Err(err) => return Err(vec![explain_parse_error(file, src, &err)]),
    };
    if plan.schema != SCHEMA_VERSION {
        return Err(vec![schema_problem(file, src).unwrap_or_else(|| {
            Diagnostic::whole_file(file, "unsupported schema version")
        })]);
    }
    let problems = validate::check(&plan);
    if problems.is_empty() {
        let mut plan = plan;
        plan.normalize();
        return Ok(plan);
    }
    Err(locate_problems(file, src, problems))
}

/// Turns path-based problems into diagnostics, in file order.
fn locate_problems(file: &str, src: &str, problems: Vec<validate::Problem>) -> Vec<Diagnostic> {
    let mut located: Vec<(usize, Diagnostic)> = problems
        .into_iter()
        .map(|p| {
            let mut span = spans::locate(src, &p.path);
            let mut message = p.message;
            if let Some(related) = p.related {
                // Report at the later of the two places, naming the earlier.
                let other = spans::locate(src, &related);
                let (earlier, later) = if other.start > span.start {
                    (span, other)
                } else {
                    (other, span)
                };
                let line = src[..earlier.start.min(src.len())].matches('\n').count() + 1;
                message = format!("{message} (first used on line {line})");
                span = later;
            }
            (span.start, Diagnostic::at(file, src, span, message))
        })
        .collect();
    located.sort_by_key(|(start, _)| *start);
    located.into_iter().map(|(_, d)| d).collect()
}

/// Checks size and encoding and strips a BOM; returns the text to parse.
pub fn decode_text<'a>(file: &str, bytes: &'a [u8], limit: usize) -> Result<&'a str, Diagnostic> {
    if bytes.len() > limit {
        return Err(Diagnostic::whole_file(
            file,
            format!(
                "file is {} bytes; expected at most {} bytes ({} MiB)",
                bytes.len(),
                limit,
                limit / (1024 * 1024)
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let src = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let good = e.valid_up_to();
            // Everything before `good` is valid, so offsets agree in the
            // lossy text, which shows the whole line with a U+FFFD.
            let lossy = String::from_utf8_lossy(bytes);
            let mut d = Diagnostic::at(
                file,
                &lossy,
                good..good + 1,
                format!(
                    "invalid UTF-8 (byte 0x{:02X} at offset {good}); expected UTF-8 text",
                    bytes[good]
                ),
            );
            d.width = 1;
            return Err(d);
        }
    };
    // Raw C0 controls (outside \t, \n, \r) and DEL are never valid TOML;
    // name them plainly instead of leaving it to the parser's generic
    // message. C1 controls are valid TOML text and are kept (and shown as
    // placeholders on screen).
    // Scanned as bytes: these are all ASCII, and UTF-8 never uses ASCII
    // bytes inside other characters.
    if let Some(i) = find_control(src.as_bytes()) {
        let c = char::from(src.as_bytes()[i]);
        return Err(Diagnostic::at(
            file,
            src,
            i..i + c.len_utf8(),
            format!(
                "control character U+{:04X} in the file; expected text (write it as \\u{:04X} inside a string if it is meant)",
                c as u32, c as u32
            ),
        ));
    }
    Ok(src)
}

/// The first raw C0 control (but tab, LF, CR) or DEL. Blocks are tested
/// without stopping at each byte, which the compiler turns into vector
/// code: a plan is tens of kilobytes, and a city has thousands.
fn find_control(bytes: &[u8]) -> Option<usize> {
    let bad = |b: u8| (b < b' ' || b == 0x7f) && !matches!(b, b'\t' | b'\n' | b'\r');
    const BLOCK: usize = 64;
    let mut start = 0;
    for block in bytes.chunks(BLOCK) {
        if block.iter().fold(false, |acc, &b| acc | bad(b)) {
            return block.iter().position(|&b| bad(b)).map(|i| start + i);
        }
        start += block.len();
    }
    None
}

fn explain_parse_error(file: &str, src: &str, err: &toml::de::Error) -> Diagnostic {
    if let Some(d) = schema_problem(file, src) {
        return d;
    }
    let mut span = err.span().unwrap_or(0..0);
    let mut message = humanize(err.message());
    let line_start = src[..span.start.min(src.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let before = &src[line_start..span.start.min(src.len())];
    if message.starts_with("duplicate key") {
        let key = src.get(span.clone()).unwrap_or("").trim();
        message = format!("duplicate key or table `{key}`; expected each key and table once");
        // A repeated table is shown at its header, not at the name inside.
        if let Some(i) = before
            .rfind('[')
            .filter(|_| before.trim_start().starts_with('['))
        {
            span = line_start + i..span.end;
        }
    } else if message.starts_with("invalid basic string")
        || message.starts_with("invalid literal string")
    {
        // The parser stops at the end of the line; the mistake is where
        // the unclosed string opens.
        let quote = if message.contains("basic") { '"' } else { '\'' };
        let rest_of_line = src[span.start.min(src.len())..]
            .split('\n')
            .next()
            .unwrap_or("");
        if let Some(i) = before.find(quote)
            && rest_of_line.trim().is_empty()
            && !before[i + 1..].contains(quote)
        {
            span = line_start + i..line_start + before.len();
            message = format!(
                "unclosed string; expected a closing {quote} on the same line (or \"\"\" for text over several lines)"
            );
        }
    }
    Diagnostic::at(file, src, span, message)
}

/// A plan of another schema version is reported as such, before any field
/// error that the other version's layout would cause.
fn schema_problem(file: &str, src: &str) -> Option<Diagnostic> {
    let root = toml::de::DeTable::parse(src).ok()?;
    let found = root
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "schema")
        .map(|(_, v)| v);
    match found {
        None => Some(Diagnostic::at(
            file,
            src,
            0..0,
            format!(
                "missing `schema`; expected `schema = {SCHEMA_VERSION}` at the top of the file"
            ),
        )),
        Some(v) => {
            let ok = v
                .get_ref()
                .as_integer()
                .map(|i| i.as_str() == SCHEMA_VERSION.to_string())
                .unwrap_or(false);
            (!ok).then(|| {
                Diagnostic::at(
                    file,
                    src,
                    spans::locate(src, &toml_path!("schema")),
                    format!(
                        "unsupported schema version; expected `schema = {SCHEMA_VERSION}` (this is tertial {})",
                        env!("CARGO_PKG_VERSION")
                    ),
                )
            })
        }
    }
}

/// Serde's messages name Rust types; say what the file should hold instead.
pub fn humanize(msg: &str) -> String {
    let msg = msg
        .replace("expected i64", "expected a whole number")
        .replace("expected i32", "expected a whole number")
        .replace("expected u8", "expected a small whole number")
        .replace("expected a boolean", "expected true or false")
        .replace("a sequence", "a list [ … ]")
        .replace("expected a string", "expected a text in quotes")
        .replace(
            "expected a TOML datetime",
            "expected a date without quotes, e.g. 2026-01-01",
        )
        .replace(
            "cannot recurse further; max recursion depth met",
            "nesting too deep; expected arrays and tables nested at most a few levels",
        );
    let msg = match msg.strip_prefix("invalid value: integer `") {
        Some(rest) if msg.contains("expected a whole number") => {
            let n = rest.split('`').next().unwrap_or("");
            format!(
                "number {n} is out of range; expected a year or small number as the format says"
            )
        }
        _ => msg,
    };
    let msg = if let Some(rest) = msg.strip_prefix("missing field ") {
        format!("missing key {rest}; expected it in this table")
    } else if let Some(rest) = msg.strip_prefix("unknown field ") {
        format!("unknown key {rest}")
    } else if msg.starts_with("duplicate key") {
        "duplicate key; expected each key once per table".to_string()
    } else {
        msg
    };
    msg.trim().to_string()
}

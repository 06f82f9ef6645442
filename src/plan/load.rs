//! Reads a plan file from bytes: size limit, encoding, TOML syntax and types,
//! then the plan's own rules. Every problem becomes a `Diagnostic` with
//! file:line:col; nothing here panics on any input.

use super::model::{Plan, SCHEMA_VERSION};
use super::spans;
use super::validate;
use crate::diag::{Diagnostic, floor_char_boundary};
use crate::i18n::current;
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
            Diagnostic::whole_file(
                file,
                current().t("schemaversionen stöds inte", "unsupported schema version"),
            )
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
                let line = src[..floor_char_boundary(src, earlier.start.min(src.len()))]
                    .matches('\n')
                    .count()
                    + 1;
                message = current().pick(
                    format!("{message} (först använt på rad {line})"),
                    format!("{message} (first used on line {line})"),
                );
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
            current().pick(
                format!(
                    "filen är {} byte; förväntade högst {} byte ({} MiB)",
                    bytes.len(),
                    limit,
                    limit / (1024 * 1024)
                ),
                format!(
                    "file is {} bytes; expected at most {} bytes ({} MiB)",
                    bytes.len(),
                    limit,
                    limit / (1024 * 1024)
                ),
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // simdutf8 checks a city's 60 MB of plans several times faster than
    // std, whose check slows at every å, ä and ö; the same answer.
    let src = match simdutf8::compat::from_utf8(bytes) {
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
                current().pick(
                    format!(
                        "ogiltig UTF-8 (byte 0x{:02X} vid position {good}); förväntade text i UTF-8",
                        bytes[good]
                    ),
                    format!(
                        "invalid UTF-8 (byte 0x{:02X} at offset {good}); expected UTF-8 text",
                        bytes[good]
                    ),
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
            current().pick(
                format!(
                    "styrtecknet U+{:04X} i filen; förväntade text (skriv det som \\u{:04X} i en sträng om det är menat)",
                    c as u32, c as u32
                ),
                format!(
                    "control character U+{:04X} in the file; expected text (write it as \\u{:04X} inside a string if it is meant)",
                    c as u32, c as u32
                ),
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
    let raw = err.span().unwrap_or(0..0);
    // The parser's span may fall inside a character (å, ö): round down to
    // the character it points into.
    let start = floor_char_boundary(src, raw.start.min(src.len()));
    let end = floor_char_boundary(src, raw.end.clamp(start, src.len()));
    let mut span = start..end;
    let mut message = humanize(err.message());
    let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &src[line_start..start];
    if err.message().starts_with("duplicate key") {
        let key = src.get(span.clone()).unwrap_or("").trim();
        message = current().pick(
            format!("nyckeln eller tabellen `{key}` finns två gånger; förväntade varje nyckel och tabell en gång"),
            format!("duplicate key or table `{key}`; expected each key and table once"),
        );
        // A repeated table is shown at its header, not at the name inside.
        if let Some(i) = before
            .rfind('[')
            .filter(|_| before.trim_start().starts_with('['))
        {
            span = line_start + i..span.end;
        }
    } else if err.message().starts_with("invalid basic string")
        || err.message().starts_with("invalid literal string")
    {
        // The parser stops at the end of the line; the mistake is where
        // the unclosed string opens.
        let quote = if err.message().contains("basic") {
            '"'
        } else {
            '\''
        };
        let rest_of_line = src[start..].split('\n').next().unwrap_or("");
        if let Some(i) = before.find(quote)
            && rest_of_line.trim().is_empty()
            && !before[i + 1..].contains(quote)
        {
            span = line_start + i..line_start + before.len();
            message = current().pick(
                format!(
                    "strängen är inte stängd; förväntade ett avslutande {quote} på samma rad (eller \"\"\" för text över flera rader)"
                ),
                format!(
                    "unclosed string; expected a closing {quote} on the same line (or \"\"\" for text over several lines)"
                ),
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
            current().pick(
                format!("`schema` saknas; förväntade `schema = {SCHEMA_VERSION}` överst i filen"),
                format!(
                    "missing `schema`; expected `schema = {SCHEMA_VERSION}` at the top of the file"
                ),
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
                    current().pick(
                        format!(
                            "schemaversionen stöds inte; förväntade `schema = {SCHEMA_VERSION}` (det här är tertial {})",
                            env!("CARGO_PKG_VERSION")
                        ),
                        format!(
                            "unsupported schema version; expected `schema = {SCHEMA_VERSION}` (this is tertial {})",
                            env!("CARGO_PKG_VERSION")
                        ),
                    ),
                )
            })
        }
    }
}

pub use super::toml_words::humanize;

//! A quick pass over a TOML document that keeps only the statements the
//! roll-up reads (a plan's unit and goal titles, a follow-up's ratings), so
//! that only those are parsed: most of a plan is long texts the roll-up
//! never looks at. Strings, arrays and comments are stepped over as TOML
//! defines them, so a header or key inside a text is never taken for one.
//! Whenever the document is written in a way this pass does not follow
//! (quoted or dotted keys where it matters, an unterminated string …) it
//! answers None and the caller parses the whole document instead.

/// What to keep: keys at the root, and per table header (`[unit]`,
/// `[[unit_goal]]`, written without spaces) the keys inside it. `reserved`
/// root keys make the pass give up (they would define a kept table inline).
pub struct Wanted<'a> {
    pub root: &'a [&'a str],
    pub tables: &'a [(&'a str, &'a [&'a str])],
    pub reserved: &'a [&'a str],
}

/// The kept statements as a smaller TOML document, or None when in doubt.
pub fn extract(src: &str, wanted: &Wanted) -> Option<String> {
    let b = src.as_bytes();
    let n = b.len();
    let mut out = String::with_capacity(4096);
    // None: the root; Some(Some(i)): kept table i; Some(None): another table.
    let mut table: Option<Option<usize>> = None;
    let mut i = 0;
    while i < n {
        while i < n && matches!(b[i], b' ' | b'\t' | b'\r') {
            i += 1;
        }
        if i >= n {
            break;
        }
        match b[i] {
            b'\n' => i += 1,
            b'#' => i = line_end(b, i),
            b'[' => {
                let end = line_end(b, i);
                let header = header(src.get(i..end)?)?;
                let kept = wanted.tables.iter().position(|(h, _)| *h == header);
                if kept.is_some() {
                    out.push_str(&header);
                    out.push('\n');
                }
                table = Some(kept);
                i = end;
            }
            _ => {
                let (end, eq) = statement_end(b, i)?;
                let keys: Option<&[&str]> = match table {
                    None => Some(wanted.root),
                    Some(Some(t)) => Some(wanted.tables[t].1),
                    Some(None) => None,
                };
                if let Some(keys) = keys {
                    let key = src.get(i..eq?)?.trim();
                    if key.is_empty() || key.contains(['"', '\'', '.']) {
                        return None;
                    }
                    if table.is_none() && wanted.reserved.contains(&key) {
                        return None;
                    }
                    if keys.contains(&key) {
                        out.push_str(src.get(i..end)?);
                        out.push('\n');
                    }
                }
                i = end;
            }
        }
    }
    Some(out)
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| from + p)
}

/// `[x]` or `[[x]]` with spaces removed; None for quoted names or
/// anything after the header but a comment.
fn header(line: &str) -> Option<String> {
    let (open, close) = if line.starts_with("[[") {
        ("[[", "]]")
    } else {
        ("[", "]")
    };
    let inner_start = open.len();
    let close_at = line.get(inner_start..)?.find(close)? + inner_start;
    let name = line.get(inner_start..close_at)?;
    if name.contains(['"', '\'', '[', ']']) {
        return None;
    }
    let rest = line.get(close_at + close.len()..)?.trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return None;
    }
    let name: Vec<&str> = name.split('.').map(str::trim).collect();
    Some(format!("{open}{}{close}", name.join(".")))
}

/// Where the statement starting at `from` ends (its line end, after any
/// multi-line string or array), and where its first `=` is.
fn statement_end(b: &[u8], from: usize) -> Option<(usize, Option<usize>)> {
    let n = b.len();
    let mut i = from;
    let mut depth: i32 = 0;
    let mut eq = None;
    while i < n {
        match b[i] {
            b'\n' if depth == 0 => return Some((i, eq)),
            b'#' => {
                i = line_end(b, i);
                continue;
            }
            b'=' if eq.is_none() && depth == 0 => eq = Some(i),
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            q @ (b'"' | b'\'') => {
                i = if b[i..].starts_with(&[q, q, q]) {
                    close_multi(b, i + 3, q)?
                } else {
                    close_single(b, i + 1, q)?
                };
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (depth == 0).then_some((n, eq))
}

/// After a one-line string's opening quote: the index after its close.
fn close_single(b: &[u8], mut i: usize, q: u8) -> Option<usize> {
    while i < b.len() {
        match b[i] {
            b'\\' if q == b'"' => i += 2,
            b'\n' => return None,
            c if c == q => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// After a multi-line string's opening: the index after its close (which
/// may carry one or two more quotes that belong to the text).
fn close_multi(b: &[u8], mut i: usize, q: u8) -> Option<usize> {
    while i < b.len() {
        if q == b'"' && b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i..].starts_with(&[q, q, q]) {
            let run = b[i..].iter().take(5).take_while(|&&c| c == q).count();
            return Some(i + run);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: Wanted = Wanted {
        root: &["schema"],
        tables: &[
            ("[unit]", &["id", "name"]),
            ("[[unit_goal]]", &["id", "title"]),
        ],
        reserved: &["unit", "unit_goal"],
    };

    #[test]
    fn keeps_only_the_wanted_statements_and_steps_over_texts() {
        let src = "schema = 1 # one\r\n\
            [unit]\nid = \"u\"\nname = 'N' # c\nchief = \"x\"\n\
            [[ unit_goal ]]\nid = \"E1\"\nexpected_results = [\n  \"[[unit_goal]]\",\n  \"id = 'X'\",\n]\n\
            text = \"\"\"\n[[unit_goal]]\nid = \"Y\"\n\"\"\"\"\nlit = '''\n[unit]\n'''\n\
            title = \"a \\\" [b] = c\"\n\
            [[unit_goal.sub]]\nid = \"S\"\n\
            [[unit_goal]]\nid = \"E2\"\ntitle = \"\"\"two\nlines\"\"\"\n";
        let out = extract(src, &PLAN).unwrap();
        assert_eq!(
            out,
            "schema = 1 # one\r\n[unit]\nid = \"u\"\nname = 'N' # c\n\
             [[unit_goal]]\nid = \"E1\"\ntitle = \"a \\\" [b] = c\"\n\
             [[unit_goal]]\nid = \"E2\"\ntitle = \"\"\"two\nlines\"\"\"\n"
        );
        let v: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(v["unit_goal"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn gives_up_when_in_doubt() {
        for src in [
            "unit.id = \"x\"\n",
            "unit = { id = \"x\" }\n",
            "[unit]\n\"id\" = \"x\"\n",
            "[unit]\nname.first = \"x\"\n",
            "[\"unit\"]\nid = \"x\"\n",
            "[unit] id = 1\n",
            "[unit]\nid = \"unterminated\n",
            "[unit]\nid = \"\"\"never closed\n",
            "[unit]\nid = [1, 2\n",
            "[unit]\nid = ]\n",
            "[unit]\nnothing here\n",
        ] {
            assert_eq!(extract(src, &PLAN), None, "{src:?}");
        }
        // Odd bytes never panic.
        for src in ["\"", "'''", "[", "[[", "a = \"\\", "x = '''a''''''"] {
            let _ = extract(src, &PLAN);
        }
    }
}

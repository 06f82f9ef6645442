//! `tertial compile` on real workspaces (the bundled plans with
//! Beställarenhet 2's committed VB, and a generated one of 300 units):
//! every unit stands under every nämndmål it has goals for, the counts per
//! rating are those `tertial overview` prints, units not klar are listed,
//! and --area and --lang en do what they say.

mod common;
use common::{Sandbox, text};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect()
}

/// The bundled plans with Beställarenhet 2's VB 2025 committed as klar.
fn demo(sb: &Sandbox) -> PathBuf {
    let ws = sb.init_samples("demo");
    record_vb(sb, &ws);
    ws
}

fn record_vb(sb: &Sandbox, ws: &Path) {
    let out = sb.record(
        ws,
        "bestallarenhet-2",
        "2025-VB",
        &fixture("bestallarenhet-2-2025-VB.toml"),
        "Anna Chef <anna@example.invalid>",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A generated workspace of `units` units, plans of 2025 and 2026.
fn generated(sb: &Sandbox, units: usize) -> PathBuf {
    let ws = sb.workspace("city");
    let n = units.to_string();
    let out = sb.run(&[
        "generate",
        ws.to_str().unwrap(),
        "--units",
        &n,
        "--goals",
        "6",
        "--years",
        "2",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    ws
}

fn compile(sb: &Sandbox, ws: &Path, period: &str, extra: &[&str]) -> String {
    let mut args = vec!["compile", ws.to_str().unwrap(), "--period", period];
    args.extend_from_slice(extra);
    let out = sb.run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Markdown's escapes taken away again.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

fn norm(s: &str) -> String {
    tertial::overview::normalise(s)
}

const RATING_SYMBOLS: [char; 5] = ['●', '◐', '○', '–', '?'];

/// What the document says per nämndmål (normalised title): the units
/// under it (their names) and the goals per rating in the order helt,
/// delvis, inte, ej bedömd, saknas.
#[derive(Debug, Default)]
struct Section {
    units: BTreeSet<String>,
    counts: Vec<usize>,
}

fn sections(md: &str) -> BTreeMap<String, Section> {
    let mut out: BTreeMap<String, Section> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in md.lines() {
        if line.starts_with("## ") {
            current = None;
        }
        if let Some(t) = line.strip_prefix("### Nämndmål: ") {
            let key = norm(&unescape(t));
            assert!(!out.contains_key(&key), "nämndmål twice: {t}");
            out.insert(key.clone(), Section::default());
            current = Some(key);
            continue;
        }
        let Some(s) = current.as_ref().and_then(|k| out.get_mut(k)) else {
            continue;
        };
        if s.counts.len() < 5
            && let Some(row) = line.strip_prefix("| ")
            && row.starts_with(RATING_SYMBOLS)
        {
            let cells: Vec<&str> = row.split(" | ").collect();
            s.counts.push(cells[1].trim().parse().unwrap());
        } else if let Some(label) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**"))
            && !label.starts_with(RATING_SYMBOLS)
            && !label.contains(":**")
        {
            let name = unescape(label);
            let name = ["ej påbörjad", "utkast", "återöppnad"]
                .iter()
                .find_map(|s| name.strip_suffix(&format!(" ({s})")))
                .map_or(name.clone(), str::to_string);
            s.units.insert(name);
        }
    }
    out
}

/// Per nämndmål (normalised title) the units with goals under it, from
/// the plan files themselves.
fn expected_units(ws: &Path, year: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(ws.join("plans").join(year)).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let plan = tertial::plan::parse_plan(&path.display().to_string(), &bytes).unwrap();
        for g in &plan.unit_goals {
            let c = plan.context(g).committee.unwrap();
            out.entry(norm(&c.title))
                .or_default()
                .insert(plan.unit.name.trim().to_string());
        }
    }
    out
}

/// Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

/// The counts per nämndmål as `tertial overview --format csv` gives them.
fn overview_counts(sb: &Sandbox, ws: &Path, period: &str) -> BTreeMap<String, Vec<usize>> {
    let out = sb.run(&[
        "overview",
        ws.to_str().unwrap(),
        "--period",
        period,
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let codes = ["helt", "delvis", "inte", "ej bedömd", "saknas"];
    let mut counts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for row in parse_csv(&text(&out.stdout)).iter().skip(1) {
        if row[4].is_empty() {
            continue; // a unit without goals
        }
        let i = codes.iter().position(|c| *c == row[6]).unwrap();
        counts.entry(norm(&row[3])).or_insert_with(|| vec![0; 5])[i] += 1;
    }
    counts
}

fn check_against_plans_and_overview(sb: &Sandbox, ws: &Path, period: &str) -> String {
    let md = compile(sb, ws, period, &[]);
    let got = sections(&md);
    let year = &period[..4];
    let want = expected_units(ws, year);
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "the nämndmål"
    );
    for (key, units) in &want {
        assert_eq!(&got[key].units, units, "the units under {key}");
    }
    let overview = overview_counts(sb, ws, period);
    assert_eq!(overview.len(), got.len());
    for (key, counts) in &overview {
        assert_eq!(&got[key].counts, counts, "the counts of {key}");
    }
    md
}

#[test]
fn the_demo_workspace_compiles_with_every_unit_and_the_overviews_counts() {
    let sb = Sandbox::new();
    let ws = demo(&sb);
    let md = check_against_plans_and_overview(&sb, &ws, "2025-VB");
    assert!(md.starts_with("# Verksamhetsberättelse 2025 – sammanställning\n"));
    // The other 2025 unit has no follow-up: listed, not left out.
    let not_done = md
        .split("## Enheter som inte är klara")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    assert!(not_done.contains("| ej påbörjad |"), "{not_done}");
    assert!(!not_done.contains("Beställarenhet 2 |"), "{not_done}");
    assert!(md.contains("(ej påbörjad)**"));
    assert!(md.contains("## Redovisning av synpunkter och klagomål"));
}

#[test]
fn three_hundred_generated_units_compile_with_the_overviews_counts() {
    let sb = Sandbox::new();
    let ws = generated(&sb, 300);
    let md = check_against_plans_and_overview(&sb, &ws, "2026-T1");
    let units: usize = sections(&md).values().map(|s| s.units.len()).max().unwrap();
    assert!(units > 100, "a nämndmål most units share: {units}");
    // Shared indicators: each unit's row, then a total or a median that
    // says which it is.
    let shared = md
        .split("## Indikatorer som flera enheter har")
        .nth(1)
        .unwrap();
    assert!(
        shared.contains("| Median (andel) |") || shared.contains("| Summa (antal) |"),
        "{}",
        &shared[..shared.len().min(2000)]
    );
    assert!(shared.contains("| Utfall VB 2025 |"));
}

#[test]
fn an_area_narrows_the_document_and_an_unknown_one_is_refused() {
    let sb = Sandbox::new();
    let ws = demo(&sb);
    let all = compile(&sb, &ws, "2025-VB", &[]);
    let area = compile(&sb, &ws, "2025-VB", &["--area", "(inget område)"]);
    assert!(area.contains("Område: (inget område)"));
    assert_eq!(sections(&all).len(), sections(&area).len());
    let out = sb.run(&[
        "compile",
        ws.to_str().unwrap(),
        "--period",
        "2025-VB",
        "--area",
        "Söderort",
    ]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("Söderort") && err.contains("(inget område)"),
        "{err}"
    );
}

#[test]
fn the_document_is_in_english_with_lang_en() {
    let sb = Sandbox::new();
    let ws = demo(&sb);
    let md = compile(&sb, &ws, "2025-VB", &["--lang", "en"]);
    let first = md.lines().next().unwrap();
    assert!(
        first.starts_with("# ") && first.ends_with(" – compilation"),
        "{first}"
    );
    assert!(md.contains("### Committee goal: "));
    assert!(md.contains("## Units not done"));
    assert!(!md.contains("Nämndmål: "));
}

#[test]
fn html_and_docx_are_written_to_the_file_named() {
    let sb = Sandbox::new();
    let ws = demo(&sb);
    let html = sb.path().join("d.html");
    compile(
        &sb,
        &ws,
        "2025-VB",
        &["--format", "html", "-o", html.to_str().unwrap()],
    );
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h3>Nämndmål: "));
    let docx = sb.path().join("d.docx");
    compile(
        &sb,
        &ws,
        "2025-VB",
        &["--format", "docx", "-o", docx.to_str().unwrap()],
    );
    let bytes = std::fs::read(docx).unwrap();
    assert!(bytes.starts_with(b"PK"));
    // A directory is refused, as by every command's -o.
    let out = sb.run(&[
        "compile",
        ws.to_str().unwrap(),
        "--period",
        "2025-VB",
        "-o",
        sb.path().to_str().unwrap(),
    ]);
    assert!(!out.status.success());
}

/// Commits `roster.toml` holding `roster` on the workspace's branch by git itself.
fn commit_roster(sb: &Sandbox, ws: &Path, roster: &str) {
    std::fs::write(ws.join("roster.toml"), roster).unwrap();
    for args in [
        &["add", "roster.toml"][..],
        &[
            "-c",
            "user.name=Bertil Berg",
            "-c",
            "user.email=bertil@example.invalid",
            "commit",
            "-q",
            "-m",
            "roster: areas",
        ],
    ] {
        let out = std::process::Command::new("git")
            .current_dir(ws)
            .env("HOME", sb.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
}

#[test]
fn units_are_grouped_by_the_rosters_areas() {
    let sb = Sandbox::new();
    // The roster first: git's own commit takes its tree from the index,
    // which tertial's commits bring up to date only afterwards.
    let ws = sb.init_samples("demo");
    commit_roster(
        &sb,
        &ws,
        r#"schema = 1

[people.anna]
name = "Anna Chef"
emails = ["anna@example.invalid"]

[people.bertil]
name = "Bertil Berg"
emails = ["bertil@example.invalid"]

[units.bestallarenhet-2]
chiefs = ["anna"]

[areas.bestallning]
name = "Beställning och myndighet"
chiefs = ["bertil"]
units = ["bestallarenhet-2"]

[roles]
controllers = []
roster = ["bertil"]
reopen = []
"#,
    );
    record_vb(&sb, &ws);
    let md = compile(&sb, &ws, "2025-VB", &[]);
    assert!(md.contains("#### Beställning och myndighet\n"), "{md}");
    // The unit the roster leaves out of every area keeps the heading of
    // units without one; it still stands in the document.
    assert!(md.contains("#### (inget område)\n"));
    let area = compile(&sb, &ws, "2025-VB", &["--area", "bestallning"]);
    assert!(area.contains("**Beställarenhet 2**"), "{area}");
    assert!(!area.contains("#### (inget område)"));
    assert!(area.contains("1 enhet: 1 klar,"), "{}", &area[..400]);
    let by_name = compile(
        &sb,
        &ws,
        "2025-VB",
        &["--area", "beställning OCH myndighet"],
    );
    assert_eq!(by_name, area);
}

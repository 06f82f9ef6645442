//! `tertial overview` on real repositories: the counts on a generated
//! workspace against an independent count, the outputs' structure and
//! escaping of hostile names, a recorded follow-up changing the counts,
//! and the cache never changing the answer.

mod common;
use common::{Sandbox, text};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use tertial::followup::{Period, Status};
use tertial::overview::read::{self, CacheUse};
use tertial::overview::{Counts, Mark, Sort, UnitStatus, normalise};

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
    assert!(cell.is_empty() && row.is_empty(), "CSV ends with CRLF");
    rows
}

fn blobs(repo: &git2::Repository, dir: &str) -> Vec<(String, Vec<u8>)> {
    let tip = repo
        .find_reference("refs/heads/main")
        .unwrap()
        .target()
        .unwrap();
    let tree = repo.find_commit(tip).unwrap().tree().unwrap();
    let Ok(entry) = tree.get_path(Path::new(dir)) else {
        return Vec::new();
    };
    let sub = repo.find_tree(entry.id()).unwrap();
    sub.iter()
        .map(|e| {
            let blob = repo.find_blob(e.id()).unwrap();
            (
                format!("{dir}/{}", e.name().unwrap()),
                blob.content().to_vec(),
            )
        })
        .collect()
}

/// The counts as expected, from the tip read with the full parsers:
/// per nämndmål (normalised title) the counts, per status the units.
fn expected(ws: &Path, period: Period) -> (BTreeMap<String, Counts>, HashMap<UnitStatus, usize>) {
    let repo = git2::Repository::open(ws).unwrap();
    let mut plans = HashMap::new();
    for (path, bytes) in blobs(&repo, &format!("plans/{}", period.year)) {
        let plan = tertial::plan::parse_plan(&path, &bytes).unwrap();
        plans.insert(plan.unit.id.clone(), plan);
    }
    let mut followups = HashMap::new();
    for (path, bytes) in blobs(&repo, &format!("followups/{period}")) {
        let unit = path.rsplit('/').next().unwrap().trim_end_matches(".toml");
        let f = tertial::followup::load::parse_followup(&path, &bytes, &plans[unit]).unwrap();
        followups.insert(unit.to_string(), f);
    }
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut statuses: HashMap<UnitStatus, usize> = HashMap::new();
    for (unit, plan) in &plans {
        let f = followups.get(unit);
        let status = match f.map(|f| f.status) {
            None => UnitStatus::NotStarted,
            Some(Status::Draft) => UnitStatus::Draft,
            Some(Status::Reopened) => UnitStatus::Reopened,
            Some(Status::Done) => UnitStatus::Done,
        };
        *statuses.entry(status).or_default() += 1;
        for g in &plan.unit_goals {
            let cg = plan
                .committee_goals
                .iter()
                .find(|c| c.id == g.committee_goal)
                .unwrap();
            // A nämndmål is the same wherever its title is the same.
            let key = normalise(&cg.title);
            let mark = f
                .and_then(|f| f.goal(&g.id))
                .and_then(|r| r.rating)
                .map_or(Mark::Missing, Mark::Rated);
            counts.entry(key).or_default().add(mark);
        }
    }
    (counts, statuses)
}

fn from_csv(csv: &str) -> (BTreeMap<String, Counts>, HashMap<UnitStatus, usize>) {
    let rows = parse_csv(csv);
    assert_eq!(rows[0], tertial::report::overview::CSV_COLUMNS);
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut units: HashMap<String, UnitStatus> = HashMap::new();
    for r in &rows[1..] {
        assert_eq!(r.len(), 7, "{r:?}");
        let status = [
            UnitStatus::NotStarted,
            UnitStatus::Draft,
            UnitStatus::Reopened,
            UnitStatus::Done,
        ]
        .into_iter()
        .find(|s| s.label_sv() == r[2])
        .unwrap();
        units.insert(r[0].clone(), status);
        let mark = tertial::overview::Mark::legend()
            .into_iter()
            .map(|(m, _)| m)
            .find(|m| m.code() == r[6])
            .unwrap();
        counts.entry(normalise(&r[3])).or_default().add(mark);
    }
    let mut statuses = HashMap::new();
    for s in units.values() {
        *statuses.entry(*s).or_default() += 1;
    }
    (counts, statuses)
}

fn generated(sb: &Sandbox) -> std::path::PathBuf {
    let ws = sb.workspace("city");
    let out = sb.run(&[
        "generate",
        ws.to_str().unwrap(),
        "--units",
        "9",
        "--goals",
        "5",
        "--years",
        "1",
        "--seed",
        "11",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    ws
}

#[test]
fn counts_on_a_generated_workspace_match_an_independent_count() {
    let sb = Sandbox::new();
    let ws = generated(&sb);
    for p in ["2026-T1", "2026-T2", "2026-VB"] {
        let period: Period = p.parse().unwrap();
        let (want_counts, want_status) = expected(&ws, period);
        assert_eq!(want_status.values().sum::<usize>(), 9);

        let out = sb.run(&[
            "overview",
            ws.to_str().unwrap(),
            "--period",
            p,
            "--format",
            "csv",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(text(&out.stderr), "");
        let (csv_counts, csv_status) = from_csv(&text(&out.stdout));
        assert_eq!(csv_counts, want_counts, "{p}: CSV");
        assert_eq!(csv_status, want_status, "{p}: CSV");

        let (o, _) = read::overview(&ws, "main", period, Sort::Late, CacheUse::Off).unwrap();
        let lib: BTreeMap<String, Counts> = o
            .groups
            .iter()
            .map(|g| (normalise(&g.title), g.counts))
            .collect();
        assert_eq!(lib, want_counts, "{p}: library");
        let t = o.totals;
        for (s, n) in [
            (UnitStatus::NotStarted, t.not_started),
            (UnitStatus::Draft, t.draft),
            (UnitStatus::Reopened, t.reopened),
            (UnitStatus::Done, t.done),
        ] {
            assert_eq!(want_status.get(&s).copied().unwrap_or(0), n, "{p} {s:?}");
        }
        assert!(o.problems.is_empty(), "{:?}", o.problems);
        // Late first: a unit not started never follows one that is.
        let started: Vec<bool> = o
            .units
            .iter()
            .map(|u| u.status != UnitStatus::NotStarted)
            .collect();
        assert!(started.windows(2).all(|w| w[0] <= w[1]));
    }
}

#[test]
fn the_cache_never_changes_the_answer() {
    let sb = Sandbox::new();
    let ws = generated(&sb);
    let cache = ws.join(".tertial/overview.cache");
    let run_period = |period: &str, extra: &[&str]| {
        let mut args = vec!["overview", ws.to_str().unwrap(), "--period", period];
        args.extend_from_slice(extra);
        let out = sb.run(&args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let run = |extra: &[&str]| run_period("2026-T2", extra);
    let cold = run(&["--no-cache"]);
    assert!(!cache.exists(), "--no-cache writes no cache");
    assert_eq!(run(&[]), cold, "first run, writing the cache");
    assert!(cache.exists());
    let (_, stats) = cached_roll_up(&ws);
    assert_eq!(stats.parsed, 0, "warm: everything from the cache");
    assert_eq!(stats.hits, stats.plans + stats.followups);
    assert_eq!(run(&[]), cold, "warm");

    let good = std::fs::read_to_string(&cache).unwrap();
    let damaged = [
        ("garbage", b"\xff\x00 not a cache".to_vec()),
        ("truncated", good.as_bytes()[..good.len() / 2].to_vec()),
        (
            "edited",
            good.replace("klar", "utkast")
                .replacen("2026", "2027", 1)
                .into_bytes(),
        ),
        ("other version", good.replacen("v1", "v0", 1).into_bytes()),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&cache, &bytes).unwrap();
        assert_eq!(run(&[]), cold, "{what}");
        let (_, stats) = cached_roll_up(&ws);
        assert_eq!(stats.parsed, 0, "{what}: rebuilt by the run before");
    }
    // A cache of another period only: the rest is read.
    std::fs::remove_file(&cache).unwrap();
    run_period("2026-T1", &[]);
    assert_eq!(run(&[]), cold, "stale");
    // A folder where the cache should be: still answers.
    std::fs::remove_file(&cache).unwrap();
    std::fs::create_dir(&cache).unwrap();
    assert_eq!(run(&[]), cold, "unwritable");
}

const HOSTILE_PLAN: &str = r#"schema = 1

[unit]
id = "fientlig"
name = "=HYPERLINK(\"x\") <b>Enhet</b> & | \u001b[2J \u009b31m \u202eabc"
committee = "Nämnd"
year = 2025

[[kf_goal]]
id = "1"
title = "KF"

[[area_goal]]
id = "1.1"
kf_goal = "1"
title = "Område"

[[committee_goal]]
id = "N1"
area_goal = "1.1"
title = "<script>alert(1)</script> | *fet* & \u001b]52;c;eA==\u0007"

[[unit_goal]]
id = "E1"
committee_goal = "N1"
title = "-2+3 @SUM(A1) \"citat\", komma\nny rad"
expected_results = ["Ett resultat"]
"#;

fn commit(ws: &Path, files: &[(&str, &str)], message: &str) {
    let repo = git2::Repository::open(ws).unwrap();
    let sig = tertial::repo::Identity::new("Test", "test@example.invalid").unwrap();
    let changes: Vec<tertial::repo::FileChange> = files
        .iter()
        .map(|(p, c)| tertial::repo::FileChange::put(*p, *c))
        .collect();
    tertial::repo::commit_files(&repo, "main", &changes, message, &sig).unwrap();
}

#[test]
fn hostile_names_are_escaped_in_every_format() {
    let sb = Sandbox::new();
    let ws = sb.workspace("ws");
    let out = sb.run(&[
        "init",
        ws.to_str().unwrap(),
        "--author",
        "A <a@example.invalid>",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    commit(&ws, &[("plans/2025/fientlig.toml", HOSTILE_PLAN)], "plan");
    let run = |format: &str| {
        let out = sb.run(&[
            "overview",
            ws.to_str().unwrap(),
            "--period",
            "2025-T1",
            "--format",
            format,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    for format in ["md", "html", "csv"] {
        let s = run(format);
        assert!(
            !s.chars().any(|c| (c.is_control() && c != '\n' && c != '\r')
                || tertial::sanitize::is_reordering(c)),
            "{format}: {s:?}"
        );
        assert!(s.contains("ej påbörjad"), "{format}");
    }
    let md = run("md");
    assert!(md.starts_with("# Översikt: Tertialrapport 1 2025\n"));
    assert!(md.contains("Klar 0 · Utkast 0 · Återöppnad 0 · Ej påbörjad 1 (av 1 enhet)"));
    assert!(md.contains("\\<script\\>"), "{md}");
    assert!(md.contains("\\<b\\>Enhet\\</b\\> \\& \\| ␛"), "{md}");
    assert!(!md.contains("<script>") && !md.contains("<b>"));
    assert!(md.contains("| Enhet | Status | N1 |"), "{md}");
    assert!(md.contains(" | ej påbörjad | ? |"), "{md}");

    let html = run("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;Enhet&lt;/b&gt; &amp; |"));
    assert!(!html.contains("<script>") && !html.contains("<b>"));
    assert_eq!(html.matches("<table>").count(), 2);

    let csv = run("csv");
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), 2);
    assert!(
        rows[1][1].starts_with("'=HYPERLINK(\"x\")"),
        "{:?}",
        rows[1]
    );
    assert_eq!(rows[1][2], "ej påbörjad");
    assert!(rows[1][5].starts_with("'-2+3 @SUM(A1) \"citat\", komma⏎ny rad"));
    assert_eq!(rows[1][6], "saknas");
    assert!(csv.split_terminator('\n').all(|l| l.ends_with('\r')));
}

const FOLLOWUP: &str = r#"schema = 1
unit = "bestallarenhet-2"
period = "2025-T1"

[[goal]]
id = "E2"
rating = "delvis"
summary = "Målet bedöms nås delvis."

[[goal]]
id = "E3"
rating = "inte"
summary = "Målet nås inte."

[[goal.deviation]]
what = "Rutinen följs inte"
measure = "Genomgång på APT"
"#;

#[test]
fn a_recorded_follow_up_changes_the_counts() {
    let sb = Sandbox::new();
    let ws = sb.workspace("ws");
    let out = sb.run(&[
        "init",
        ws.to_str().unwrap(),
        "--with-samples",
        "--author",
        "A <a@example.invalid>",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let period: Period = "2025-T1".parse().unwrap();
    let before = read::overview(&ws, "main", period, Sort::Late, CacheUse::ReadWrite)
        .unwrap()
        .0;
    let unit = |o: &tertial::overview::Overview| {
        o.units
            .iter()
            .find(|u| u.id == "bestallarenhet-2")
            .cloned()
            .unwrap()
    };
    assert_eq!(unit(&before).status, UnitStatus::NotStarted);
    assert_eq!(unit(&before).counts.missing, 6);
    assert_eq!(before.counts.partial, 0);

    let file = sb.path().join("f.toml");
    std::fs::write(&file, FOLLOWUP).unwrap();
    let out = sb.run(&[
        "record",
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--from",
        file.to_str().unwrap(),
        "--author",
        "Anna Chef <anna@example.invalid>",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let (after, stats) =
        read::overview(&ws, "main", period, Sort::Late, CacheUse::ReadWrite).unwrap();
    assert_eq!(stats.parsed, 1, "only the new follow-up is parsed");
    let u = unit(&after);
    assert_eq!(u.status, UnitStatus::Draft);
    assert_eq!(
        (u.counts.partial, u.counts.not, u.counts.missing),
        (1, 1, 4)
    );
    assert_eq!(after.counts.partial, before.counts.partial + 1);
    assert_eq!(after.counts.not, before.counts.not + 1);
    assert_eq!(after.counts.missing, before.counts.missing - 2);
    assert_eq!(after.totals.draft, before.totals.draft + 1);
    assert_eq!(after.totals.not_started, before.totals.not_started - 1);

    let out = sb.run(&[
        "overview",
        ws.to_str().unwrap(),
        "--period",
        "2025-T1",
        "--format",
        "csv",
    ]);
    let rows = parse_csv(&text(&out.stdout));
    let e3 = rows
        .iter()
        .find(|r| r[0] == "bestallarenhet-2" && r[4] == "E3")
        .unwrap();
    assert_eq!((e3[2].as_str(), e3[6].as_str()), ("utkast", "inte"));
}

#[test]
fn bad_arguments_are_refused_plainly() {
    let sb = Sandbox::new();
    let ws = generated(&sb);
    for (args, want) in [
        (vec!["--period", "2026-T4"], "är ingen period"),
        (vec!["--format", "pdf"], "förväntade md, html eller csv"),
        (vec!["--sort", "x"], "förväntade late eller name"),
    ] {
        let mut a = vec!["overview", ws.to_str().unwrap()];
        a.extend(args);
        let out = sb.run(&a);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains(want), "{}", text(&out.stderr));
    }
    // Without --period: the period due next, whatever today is.
    let out = sb.run(&["overview", ws.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("# Översikt: "));
}

#[test]
fn concurrent_runs_agree_and_leave_a_sound_cache() {
    let sb = Sandbox::new();
    let ws = generated(&sb);
    let args = [
        "overview",
        ws.to_str().unwrap(),
        "--period",
        "2026-VB",
        "--format",
        "csv",
    ];
    let cold = text(&sb.run(&[&args[..], &["--no-cache"]].concat()).stdout);
    let children: Vec<std::process::Child> = (0..4)
        .map(|_| {
            sb.cmd()
                .args(args)
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success());
        assert_eq!(text(&out.stdout), cold);
    }
    let (_, stats) = read::overview(
        &ws,
        "main",
        "2026-VB".parse().unwrap(),
        Sort::Late,
        CacheUse::ReadWrite,
    )
    .unwrap();
    assert_eq!(stats.parsed, 0, "the cache one of them wrote is whole");
    let leftovers: Vec<String> = std::fs::read_dir(ws.join(".tertial"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The roll-up of 2026-T2 through the cache, as the program reads it.
fn cached_roll_up(ws: &std::path::Path) -> (tertial::overview::Overview, read::Stats) {
    read::overview(
        ws,
        "main",
        "2026-T2".parse().unwrap(),
        Sort::Late,
        CacheUse::ReadWrite,
    )
    .unwrap()
}

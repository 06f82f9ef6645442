//! The roll-up across units: its time for one period with a cold and a
//! warm cache, its peak memory as a process, and how opening, validating
//! and the roll-up grow from 100 to 1,200 units (smaller workspaces are
//! generated once, beside the given one, in `<DIR>.growth/<units>`).
// Sets up processes and files through libc as the program's users would.
#![allow(unsafe_code)]

use super::{Row, median, ms};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tertial::followup::Period;
use tertial::overview::Sort;
use tertial::overview::read::{self, CacheUse};
use tertial::workspace::Workspace;

const BRANCH: &str = "main";

/// The T2 of the latest plan year: a period every generated unit has.
pub fn period(dir: &Path) -> Period {
    format!("{}-T2", super::latest_year(dir)).parse().unwrap()
}

fn roll_up(dir: &Path, cache: CacheUse) -> Duration {
    let p = period(dir);
    let t = Instant::now();
    let (o, _) = read::overview(dir, BRANCH, p, Sort::Late, cache).expect("roll-up");
    std::hint::black_box(tertial::report::overview::markdown(&o));
    t.elapsed()
}

fn cold(dir: &Path, runs: usize) -> Duration {
    median((0..runs).map(|_| roll_up(dir, CacheUse::Off)).collect())
}

fn warm(dir: &Path, runs: usize) -> Duration {
    roll_up(dir, CacheUse::ReadWrite); // fills the cache
    median(
        (0..runs)
            .map(|_| roll_up(dir, CacheUse::ReadWrite))
            .collect(),
    )
}

/// The roll-up rows: time (cold and warm cache) and peak memory.
pub fn rows(bin: &Path, dir: &Path) -> Vec<Row> {
    let c = cold(dir, 5);
    let w = warm(dir, 5);
    vec![
        Row {
            what: "roll-up of all units for one period (cold cache / warm cache)".into(),
            ours: format!("{} / {}", ms(c), ms(w)),
            other: "—".into(),
            ratio: "—".into(),
            target: "≤ 1 s".into(),
        },
        peak_memory(bin, dir),
    ]
}

/// Peak resident memory of `tertial overview` as a process, cold cache.
fn peak_memory(bin: &Path, dir: &Path) -> Row {
    let p = period(dir).to_string();
    let kib = |extra: &[&str]| {
        let mut args = vec![
            "overview",
            dir.to_str().unwrap(),
            "--period",
            &p,
            "--format",
            "html",
            "-o",
            "-", // -o refuses devices; the output is captured and dropped
        ];
        args.extend_from_slice(extra);
        max_rss_kib(Command::new(bin).args(&args))
    };
    let cold = kib(&["--no-cache"]);
    let warm = kib(&[]);
    Row {
        what: "peak memory of the roll-up (cold cache / warm cache)".into(),
        ours: format!(
            "{:.1} MB / {:.1} MB",
            cold as f64 / 1024.0,
            warm as f64 / 1024.0
        ),
        other: "—".into(),
        ratio: "—".into(),
        target: "≤ 300 MB".into(),
    }
}

/// Set in the helper process that measures a command's peak memory.
const HELPER: &str = "TERTIAL_BENCH_PEAK_OF";

/// The peak resident set (KiB) of the command, run to its end. Linux
/// keeps a process's peak across `exec`, so a child of this (large)
/// process would report at least this process's size: the command is
/// started by a fresh copy of this program (see `peak_helper`), whose
/// child starts small.
pub fn max_rss_kib(cmd: &mut Command) -> i64 {
    let mut helper = Command::new(std::env::current_exe().expect("the bench binary"));
    helper
        .env(HELPER, "1")
        .arg(cmd.get_program())
        .args(cmd.get_args());
    let out = super::run(&mut helper);
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a number of KiB")
}

/// In the helper process: runs argv[1..] and prints its peak resident set
/// in KiB. True when this process is the helper (and has done its work).
pub fn peak_helper() -> bool {
    if std::env::var_os(HELPER).is_none() {
        return false;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let child = Command::new(&args[0])
        .args(&args[1..])
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    println!("{}", wait_rss_kib(child));
    true
}

/// Waits for the child with `wait4`, which also gives its usage.
#[allow(clippy::zombie_processes)]
fn wait_rss_kib(child: std::process::Child) -> i64 {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // Safe: plain out-parameters, and the child is ours and not waited yet.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "the measured command failed"
    );
    usage.ru_maxrss
}

/// The workspaces of the growth rows: 100, 300 and 600 units generated
/// once beside `dir` (same generator defaults), and `dir` itself.
fn growth_workspaces(bin: &Path, dir: &Path) -> Vec<(usize, PathBuf)> {
    let units_of_dir =
        std::fs::read_dir(dir.join("plans").join(super::latest_year(dir).to_string()))
            .map(|d| d.count())
            .unwrap_or(0);
    let base = PathBuf::from(format!("{}.growth", dir.display()));
    let mut out = Vec::new();
    for n in [100, 300, 600] {
        let ws = base.join(n.to_string());
        if !ws.join("tertial.toml").is_file() {
            let _ = std::fs::remove_dir_all(&ws);
            std::fs::create_dir_all(&base).unwrap();
            eprintln!("Generating {} ({n} units) …", ws.display());
            super::run(Command::new(bin).args([
                "generate",
                ws.to_str().unwrap(),
                "--units",
                &n.to_string(),
            ]));
        }
        out.push((n, ws));
    }
    out.push((units_of_dir, dir.to_path_buf()));
    out
}

/// Opening the workspace as the terminal program does with no unit
/// given: every plan read and validated, the model built, the overview
/// read (warm cache) when there are many units, the first frame drawn.
fn open(dir: &Path) -> Duration {
    let t = Instant::now();
    let ws = Workspace::open(dir).unwrap();
    let (plans, _) = ws.load_plans();
    let mut m = tertial::app::Model::new(tertial::i18n::Lang::Sv, "city".into(), plans, vec![]);
    if tertial::tui::starts_on_overview(&m) {
        let (o, _) =
            read::overview(dir, BRANCH, period(dir), Sort::Late, CacheUse::ReadWrite).unwrap();
        tertial::app::update(
            &mut m,
            tertial::app::Action::OverviewLoaded(Ok(Box::new(o))),
        );
    }
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    term.draw(|f| tertial::ui::view(&m, f)).unwrap();
    t.elapsed()
}

/// `tertial check`'s work: every plan of every year parsed and validated.
fn validate(dir: &Path) -> Duration {
    let t = Instant::now();
    let (plans, diags) = tertial::workspace::check::load_all(dir);
    assert!(diags.is_empty() && !plans.is_empty());
    t.elapsed()
}

/// How open, validate and the roll-up grow with the number of units.
pub fn growth(bin: &Path, dir: &Path) -> Vec<Row> {
    let spaces = growth_workspaces(bin, dir);
    let units: Vec<usize> = spaces.iter().map(|(n, _)| *n).collect();
    let measure = |what: &str, f: &dyn Fn(&Path) -> Duration| {
        let times: Vec<Duration> = spaces.iter().map(|(_, ws)| f(ws)).collect();
        let first = times[0].as_secs_f64() * 1000.0 / units[0] as f64;
        let last = times[times.len() - 1].as_secs_f64() * 1000.0 / units[units.len() - 1] as f64;
        let shown: Vec<String> = times
            .iter()
            .map(|t| format!("{:.0}", t.as_secs_f64() * 1000.0))
            .collect();
        let per_unit: Vec<String> = times
            .iter()
            .zip(&units)
            .map(|(t, n)| format!("{:.2}", t.as_secs_f64() * 1000.0 / *n as f64))
            .collect();
        let counts: Vec<String> = units.iter().map(|n| n.to_string()).collect();
        Row {
            what: format!("growth: {what}, {} units", counts.join(" → ")),
            ours: format!("{} ms", shown.join(" / ")),
            other: format!("{} ms per unit", per_unit.join(" / ")),
            ratio: format!("per unit ×{:.2}", last / first),
            target: "linear or better (per unit ×1 or less)".into(),
        }
    };
    let runs = 3;
    vec![
        measure("open", &|ws| {
            open(ws); // the caches (history, overview) as in use
            median((0..runs).map(|_| open(ws)).collect())
        }),
        measure("validate", &|ws| {
            median((0..runs).map(|_| validate(ws)).collect())
        }),
        measure("roll-up, cold cache", &|ws| cold(ws, runs)),
        measure("roll-up, warm cache", &|ws| warm(ws, runs)),
    ]
}

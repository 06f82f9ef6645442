//! City-scale measurements, printed as one Markdown table: each row the
//! median of several runs and, where there is one, the tool people would
//! otherwise use, measured in the same run. Run through `bench/run.sh`,
//! which makes the workspace; `cargo bench --bench city -- DIR` measures an
//! existing one (`TERTIAL_BENCH_ROWS=rollup,log` only those rows: the
//! names are in `main`). Nothing here is a test: no figure fails a build.

#[path = "city/overview.rs"]
mod overview;
#[path = "city/terminal.rs"]
mod terminal;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tertial::app::{self, Action, Model, Session};
use tertial::followup::Period;
use tertial::i18n::Lang;
use tertial::workspace::Workspace;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn run(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().expect("run command");
    assert!(
        out.status.success(),
        "{:?}: {}",
        cmd,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

struct Row {
    what: String,
    ours: String,
    other: String,
    ratio: String,
    target: String,
}

fn main() {
    if overview::peak_helper() {
        return;
    }
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let dir = PathBuf::from(
        args.first()
            .cloned()
            .unwrap_or_else(|| "target/city".into()),
    );
    let bin = PathBuf::from(
        std::env::var("TERTIAL_BIN").unwrap_or_else(|_| "target/release/tertial".into()),
    );
    let bin = bin
        .canonicalize()
        .expect("the release binary (cargo build --release)");
    let dir = dir.canonicalize().expect("the workspace folder");
    let ws = Workspace::open(&dir).expect("a generated workspace (bench/run.sh makes one)");
    let unit = first_unit(&dir);
    // TERTIAL_BENCH_ROWS=rollup,log measures only those rows (names below).
    let only = std::env::var("TERTIAL_BENCH_ROWS").ok();
    let wanted = |name: &str| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|n| n == name))
    };
    type Rows<'a> = Box<dyn Fn() -> Vec<Row> + 'a>;
    let all: Vec<(&str, Rows)> = vec![
        ("first-frame", Box::new(|| vec![first_frame(&bin, &dir)])),
        ("open-unit", Box::new(|| vec![open_unit(&ws, &unit)])),
        ("commit", Box::new(|| vec![commit_one(&dir, &bin, &unit)])),
        ("history", Box::new(|| vec![unit_history(&ws, &dir, &unit)])),
        ("log", Box::new(|| vec![log_unit(&bin, &dir, &unit)])),
        ("fuzzy", Box::new(|| vec![fuzzy(&dir)])),
        ("check", Box::new(|| vec![check(&bin, &dir)])),
        ("typing", Box::new(|| vec![typing(&bin, &dir, &unit)])),
        ("memory", Box::new(|| vec![memory(&bin, &dir, &unit)])),
        ("rollup", Box::new(|| overview::rows(&bin, &dir))),
        ("growth", Box::new(|| overview::growth(&bin, &dir))),
        ("compile", Box::new(|| vec![compile_document(&bin, &dir)])),
        ("status", Box::new(|| vec![flow_status(&bin, &dir)])),
    ];
    let rows: Vec<Row> = all
        .iter()
        .filter(|(name, _)| wanted(name))
        .flat_map(|(_, rows)| rows())
        .collect();
    println!("| what | tertial | compared with | ratio | target |");
    println!("| --- | ---: | ---: | ---: | --- |");
    for r in rows {
        println!(
            "| {} | {} | {} | {} | {} |",
            r.what, r.ours, r.other, r.ratio, r.target
        );
    }
}

/// A unit id of the workspace (its first plan file in the last year).
fn first_unit(dir: &Path) -> String {
    let mut years: Vec<PathBuf> = std::fs::read_dir(dir.join("plans"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    years.sort();
    let last = years.last().expect("plans/<year>");
    let mut files: Vec<PathBuf> = std::fs::read_dir(last)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files[0].file_stem().unwrap().to_string_lossy().into_owned()
}

/// `tertial DIR` in a real pseudo-terminal, from spawn until the first
/// frame's bytes arrive (the plans are then still being read).
fn first_frame(bin: &Path, dir: &Path) -> Row {
    let t = terminal::first_frame(bin, dir, 5);
    Row {
        what: "first frame of `tertial DIR` (spawn to first bytes of the frame, pty)".into(),
        ours: ms(t),
        other: "—".into(),
        ratio: "—".into(),
        target: "≤ 100 ms".into(),
    }
}

/// `tertial log --unit ID` as a whole process (the history index cached),
/// vs `git log` of the unit's files.
fn log_unit(bin: &Path, dir: &Path, unit: &str) -> Row {
    let log = || run(Command::new(bin).arg("log").arg(dir).args(["--unit", unit]));
    log(); // the index as in use: built once
    let ours = time(10, log);
    let git = time(3, || {
        run(Command::new("git").current_dir(dir).args([
            "log",
            "--format=%H %an %at %s",
            "--",
            &format!("followups/*/{unit}.toml"),
        ]))
    });
    Row {
        what: "`tertial log --unit ID`, whole process".into(),
        ours: ms(ours),
        other: format!("{} (`git log -- followups/*/<unit>.toml`)", ms(git)),
        ratio: format!("{:.3}×", ours.as_secs_f64() / git.as_secs_f64()),
        target: "≤ 30 ms".into(),
    }
}

/// From nothing to the first frame of one unit's walk: plans of the unit,
/// the committed follow-up, the earlier periods from the history index,
/// the model, and a frame on a 120×40 TestBackend.
fn open_unit(ws: &Workspace, unit: &str) -> Row {
    let open = || {
        let (plans, _) = ws.load_unit_plans(unit);
        let repo = ws.repo().unwrap();
        let io = tertial::tui::session::Io {
            ws,
            repo,
            who: tertial::repo::Identity::new("b", "b@b").unwrap(),
            lock: Default::default(),
            refreshes: Default::default(),
        };
        let mut m = Model::new(Lang::Sv, "city".into(), plans, vec![]);
        let i = m.plans.len() - 1;
        let year = m.plans[i].plan.unit.year as i32;
        let period: Period = format!("{year}-T2").parse().unwrap();
        let s: Session = io.open_session(&m, i, period);
        app::update(&mut m, Action::SessionReady(Box::new(s)));
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        term.draw(|f| tertial::ui::view(&m, f)).unwrap();
    };
    open(); // the history index is built once, then cached like in use
    let t = time(10, open);
    Row {
        what: "open a unit to its first frame (TestBackend)".into(),
        ours: ms(t),
        other: "—".into(),
        ratio: "—".into(),
        target: "≤ 50 ms".into(),
    }
}

/// `tertial record` of one follow-up vs `git add && git commit` of the
/// same change, on the same repository.
fn commit_one(dir: &Path, bin: &Path, unit: &str) -> Row {
    let period = {
        let mut p: Vec<PathBuf> = std::fs::read_dir(dir.join("followups"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        p.sort();
        p.last()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let path = dir.join(format!("followups/{period}/{unit}.toml"));
    let original = std::fs::read_to_string(&path).unwrap();
    let scratch = std::env::temp_dir().join(format!("tertial-bench-{}.toml", std::process::id()));
    let mut n = 0;
    let mut edit = |text: &str| {
        n += 1;
        // The same kind of change each time: one summary edited, status utkast.
        text.replacen("status = \"klar\"", "status = \"utkast\"", 1)
            .replacen("summary = \"", &format!("summary = \"Ändring {n}. "), 1)
    };
    wait_for_worktree(dir);
    // Reopen once (when klar) so later changes are allowed by the status flow.
    std::fs::write(&scratch, edit(&original)).unwrap();
    if original.contains("status = \"klar\"") {
        run(Command::new(bin).args([
            "record",
            dir.to_str().unwrap(),
            "--unit",
            unit,
            "--period",
            &period,
            "--from",
            scratch.to_str().unwrap(),
            "--reopen",
            "benchmark",
            "--author",
            "Bench <b@example.invalid>",
        ]));
    }
    let mut ours = Vec::new();
    let mut git = Vec::new();
    for _ in 0..7 {
        let current = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&scratch, edit(&current)).unwrap();
        let t = Instant::now();
        run(Command::new(bin).args([
            "record",
            dir.to_str().unwrap(),
            "--unit",
            unit,
            "--period",
            &period,
            "--from",
            scratch.to_str().unwrap(),
            "--status",
            "utkast",
            "--author",
            "Bench <b@example.invalid>",
        ]));
        // Until the working tree shows the commit too: it is refreshed in
        // the background after the commit (and git needs the index next).
        wait_for_worktree(dir);
        ours.push(t.elapsed());
        let current = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, edit(&current)).unwrap();
        let t = Instant::now();
        run(Command::new("git")
            .current_dir(dir)
            .args(["add", path.to_str().unwrap()]));
        run(Command::new("git").current_dir(dir).args([
            "-c",
            "user.name=Bench",
            "-c",
            "user.email=b@example.invalid",
            "commit",
            "-q",
            "-m",
            "bench",
        ]));
        git.push(t.elapsed());
    }
    let (o, g) = (median(ours), median(git));
    Row {
        what: "commit one follow-up (`tertial record`, until the working tree is refreshed, polled with `git status`)".into(),
        ours: ms(o),
        other: format!("{} (`git add && git commit`)", ms(g)),
        ratio: format!("{:.2}×", o.as_secs_f64() / g.as_secs_f64()),
        target: "≤ 0.5×".into(),
    }
}

/// One unit's follow-ups over all periods with who and when, from the
/// history index, vs `git log -- followups/*/<unit>.toml`.
fn unit_history(ws: &Workspace, dir: &Path, unit: &str) -> Row {
    let repo = ws.repo().unwrap();
    let state = ws.state_dir();
    let _ = std::fs::remove_file(state.join("history.tsv"));
    let t = Instant::now();
    let _ = tertial::history::Index::load(&repo, "main", &state).unwrap();
    let cold = t.elapsed();
    let ours = time(10, || {
        let index = tertial::history::Index::load(&repo, "main", &state).unwrap();
        index
            .for_unit(unit)
            .map(|e| (e.author.clone(), e.time, e.period.clone()))
            .collect::<Vec<_>>()
    });
    let git = time(3, || {
        run(Command::new("git").current_dir(dir).args([
            "log",
            "--format=%H %an %at",
            "--",
            &format!("followups/*/{unit}.toml"),
        ]))
    });
    Row {
        what: format!(
            "one unit's history, all periods, who/when (index built once: {})",
            ms(cold)
        ),
        ours: ms(ours),
        other: format!("{} (`git log -- followups/*/<unit>.toml`)", ms(git)),
        ratio: format!("{:.3}×", ours.as_secs_f64() / git.as_secs_f64()),
        target: "≤ 50 ms".into(),
    }
}

/// Fuzzy filtering per keystroke over every enhetsmål title of one year
/// (1,200 units × 15), vs `fzf --filter` on the same titles.
fn fuzzy(dir: &Path) -> Row {
    let mut years: Vec<PathBuf> = std::fs::read_dir(dir.join("plans"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    years.sort();
    let mut titles = Vec::new();
    for f in std::fs::read_dir(years.last().unwrap()).unwrap().flatten() {
        let text = std::fs::read(f.path()).unwrap();
        let plan = tertial::plan::parse_plan("p", &text).unwrap();
        titles.extend(
            plan.unit_goals
                .into_iter()
                .map(|g| format!("{} {}", g.id, g.title)),
        );
    }
    let query = "kontinuitet";
    let prefixes: Vec<&str> = (1..=query.len()).map(|n| &query[..n]).collect();
    // As typed: one search, a keystroke at a time (each narrows the last),
    // the visible rows with their matched letters.
    let mut per_key = Vec::new();
    for _ in 0..5 {
        let mut search = tertial::fuzzy::Search::new(titles.clone());
        for q in &prefixes {
            let t = Instant::now();
            let hits = search.query(q);
            for &i in hits.iter().take(40) {
                std::hint::black_box(search.hits(i, q));
            }
            per_key.push(t.elapsed());
        }
    }
    let ours = median(per_key);
    let file = std::env::temp_dir().join("tertial-bench-titles.txt");
    std::fs::write(&file, titles.join("\n")).unwrap();
    // Like with like: fzf's filtering without its process start-up (the
    // same command on empty input, subtracted), no shell in between.
    let fzf_on = |q: &str, input: &Path| {
        let t = Instant::now();
        let _ = Command::new("fzf")
            .args(["--filter", q])
            .stdin(std::fs::File::open(input).unwrap())
            .stdout(std::process::Stdio::null())
            .status();
        t.elapsed()
    };
    let empty = std::env::temp_dir().join("tertial-bench-empty.txt");
    std::fs::write(&empty, "").unwrap();
    let fzf = Command::new("fzf")
        .arg("--version")
        .output()
        .is_ok()
        .then(|| {
            let full = median(prefixes.iter().map(|q| fzf_on(q, &file)).collect());
            let start_up = median(prefixes.iter().map(|q| fzf_on(q, &empty)).collect());
            full.saturating_sub(start_up)
        });
    Row {
        what: format!("fuzzy filter per keystroke over {} goals", titles.len()),
        ours: ms(ours),
        other: fzf.map_or("fzf not installed".into(), |d| {
            format!(
                "{} (`fzf --filter`, its start-up on empty input subtracted)",
                ms(d)
            )
        }),
        ratio: fzf.map_or("—".into(), |d| {
            format!("{:.2}×", ours.as_secs_f64() / d.as_secs_f64())
        }),
        target: "≤ 10 ms".into(),
    }
}

/// `tertial check` of one year's plans (1,200 files, copied to a folder
/// of their own) vs `cat` of the same files.
fn check(bin: &Path, dir: &Path) -> Row {
    let year = latest_year(dir);
    let scratch = std::env::temp_dir().join(format!("tertial-bench-check-{}", std::process::id()));
    let plans = scratch.join(format!("plans/{year}"));
    std::fs::create_dir_all(&plans).unwrap();
    let mut files = Vec::new();
    for f in std::fs::read_dir(dir.join(format!("plans/{year}")))
        .unwrap()
        .flatten()
    {
        let to = plans.join(f.file_name());
        std::fs::copy(f.path(), &to).unwrap();
        files.push(to);
    }
    let ours = time(5, || {
        run(Command::new(bin).arg("check").arg(&scratch));
    });
    let cat = time(5, || run(Command::new("cat").args(&files)));
    let _ = std::fs::remove_dir_all(&scratch);
    Row {
        what: format!("`tertial check` of one year's {} plans", files.len()),
        ours: ms(ours),
        other: format!("{} (`cat` of the same files)", ms(cat)),
        ratio: format!("{:.1}×", ours.as_secs_f64() / cat.as_secs_f64()),
        target: "≤ 500 ms".into(),
    }
}

/// Waits until `git status` is clean (the background refresh is done).
fn wait_for_worktree(dir: &Path) {
    for _ in 0..400 {
        let out = Command::new("git")
            .current_dir(dir)
            .args(["status", "--porcelain", "--untracked-files=no"])
            .output()
            .unwrap();
        if out.status.success() && out.stdout.is_empty() && !dir.join(".git/index.lock").exists() {
            return;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("the working tree was not refreshed");
}

fn latest_year(dir: &Path) -> i32 {
    let mut years: Vec<i32> = std::fs::read_dir(dir.join("plans"))
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
        .collect();
    years.sort();
    *years.last().unwrap()
}

/// Bytes sent to the terminal per character typed in the analysis editor.
fn typing(bin: &Path, dir: &Path, unit: &str) -> Row {
    let period = format!("{}-VB", latest_year(dir));
    let (ours, appending, vim) = terminal::bytes_per_char(bin, dir, unit, &period);
    Row {
        what: "bytes written per typed character in the analysis editor (an empty field; appended to a goal's analysis)".into(),
        ours: format!("{ours:.0} B; {appending:.0} B"),
        other: vim.map_or("vim not installed".into(), |v| {
            format!("{v:.0} B (vim, same terminal)")
        }),
        ratio: vim.map_or("—".into(), |v| format!("{:.2}×", ours / v)),
        target: "≤ vim".into(),
    }
}

/// Peak memory of a session on one unit (walking all its goals).
fn memory(bin: &Path, dir: &Path, unit: &str) -> Row {
    let period = format!("{}-VB", latest_year(dir));
    let kib = terminal::session_peak_kib(bin, dir, unit, &period, 16);
    Row {
        what: "peak memory of a session on one unit".into(),
        ours: format!("{:.1} MB", kib as f64 / 1024.0),
        other: "—".into(),
        ratio: "—".into(),
        target: "≤ 50 MB".into(),
    }
}

/// `tertial compile` of the whole city for one period (the district's
/// document as Word), as a process: its time (median of 3) and peak memory.
fn compile_document(bin: &Path, dir: &Path) -> Row {
    let p = overview::period(dir).to_string();
    let out = std::env::temp_dir().join(format!("tertial-bench-{}.docx", std::process::id()));
    let mut cmd = Command::new(bin);
    cmd.args([
        "compile",
        dir.to_str().unwrap(),
        "--period",
        &p,
        "--format",
        "docx",
        "-o",
    ])
    .arg(&out);
    let t = time(3, || run(&mut cmd));
    let kib = overview::max_rss_kib(&mut cmd);
    let _ = std::fs::remove_file(&out);
    Row {
        what: "`tertial compile` of all units for one period (docx; time / peak memory)".into(),
        ours: format!("{} / {:.1} MB", ms(t), kib as f64 / 1024.0),
        other: "—".into(),
        ratio: "—".into(),
        target: "≤ 2 s / ≤ 300 MB".into(),
    }
}

/// `tertial status` of the whole city for one period (each unit's place in
/// the flow, the late ones, what waits for the user), as a process: its
/// time (median of 5) and peak memory.
fn flow_status(bin: &Path, dir: &Path) -> Row {
    let p = overview::period(dir).to_string();
    let mut cmd = Command::new(bin);
    cmd.args(["status", dir.to_str().unwrap(), "--period", &p]);
    let t = time(5, || run(&mut cmd));
    let kib = overview::max_rss_kib(&mut cmd);
    Row {
        what: "`tertial status` of all units for one period (time / peak memory)".into(),
        ours: format!("{} / {:.1} MB", ms(t), kib as f64 / 1024.0),
        other: "—".into(),
        ratio: "—".into(),
        target: "≤ 1 s / ≤ 300 MB".into(),
    }
}

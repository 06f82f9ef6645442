//! `tertial import` with the real binary: into a fresh workspace that
//! `tertial check` then accepts, to standard output, `--strict`, and the
//! errors a user can make.

mod common;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn init(sb: &Sandbox) -> PathBuf {
    let ws = sb.workspace("ws");
    let out = sb.run(&["init", ws.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    ws
}

/// Seed 001 with one line the importer cannot place; returns the file and
/// the line's number.
fn with_stray_line(sb: &Sandbox, stray: &str) -> (PathBuf, usize) {
    let seed = std::fs::read_to_string(fixture("seed-001.txt")).unwrap();
    let mut lines: Vec<&str> = seed.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("Indikator\t"))
        .unwrap();
    lines.insert(at, "");
    lines.insert(at, stray);
    let file = sb.path().join("plan.txt");
    std::fs::write(&file, lines.join("\n")).unwrap();
    (file, at + 1)
}

#[test]
fn import_into_a_workspace_then_check_accepts_it() {
    let sb = Sandbox::new();
    let ws = init(&sb);
    let out_file = ws.join("plans/2025/x.toml");
    let out = sb.run(&[
        "import",
        fixture("seed-001.txt").to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("8 enhetsmål"), "{err}");
    assert!(
        err.contains("9 indikatorer") && err.contains("14 aktiviteter"),
        "{err}"
    );
    assert!(err.contains("0 texter inte placerade"), "{err}");
    // The file name under plans/<year>/ is the unit id `check` expects.
    let plan = std::fs::read_to_string(&out_file).unwrap();
    assert!(plan.contains("id = \"x\""), "{plan}");
    // Nothing else is left in the folder (the temporary file was renamed).
    let names: Vec<_> = std::fs::read_dir(out_file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["x.toml"]);
    let check = sb.run(&["check", ws.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}{}",
        text(&check.stdout),
        text(&check.stderr)
    );
    assert!(text(&check.stdout).contains("Planfiler kontrollerade: 1, utan problem: 1"));
}

#[test]
fn the_ocr_seed_into_a_workspace_passes_check_too() {
    let sb = Sandbox::new();
    let ws = init(&sb);
    let out_file = ws.join("plans/2026/hagerstens-hemtjanst.toml");
    let out = sb.run(&[
        "import",
        fixture("seed-000.txt").to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("20 enhetsmål"), "{err}");
    assert!(
        err.contains("notering:") && err.contains("unit.committee"),
        "{err}"
    );
    let check = sb.run(&["check", ws.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
}

#[test]
fn without_output_the_plan_goes_to_stdout() {
    let sb = Sandbox::new();
    let out = sb.run(&["import", fixture("seed-001.txt").to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let plan = tertial::plan::parse_plan("stdout", &out.stdout).expect("a valid plan");
    assert_eq!(plan.unit_goals.len(), 8);
    assert_eq!(plan.unit.id, "hagersten-alvsjos-hemtjanst");
    let out = sb.run(&[
        "import",
        fixture("seed-001.txt").to_str().unwrap(),
        "--unit-id",
        "min-enhet",
    ]);
    assert!(text(&out.stdout).contains("id = \"min-enhet\""));
}

#[test]
fn strict_fails_on_text_not_placed_and_names_the_line() {
    let sb = Sandbox::new();
    let (file, line) = with_stray_line(&sb, "Denna rad hör inte till något.");
    let out_file = sb.path().join("out.toml");
    let args = |strict: bool| {
        let mut a = vec![
            "import".to_string(),
            file.to_str().unwrap().to_string(),
            "-o".into(),
            out_file.to_str().unwrap().to_string(),
        ];
        if strict {
            a.push("--strict".into());
        }
        a
    };
    let expected = format!(
        "{}:{line}: inte placerad: Denna rad hör inte till något.",
        file.display()
    );
    let out = sb.cmd().args(args(true)).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(&expected),
        "{}",
        text(&out.stderr)
    );
    assert!(!out_file.exists(), "--strict writes nothing on failure");
    // Without --strict the same is reported and the plan written.
    let out = sb.cmd().args(args(false)).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains(&expected));
    assert!(out_file.exists());
}

#[test]
fn unplaced_text_is_sanitized_and_shortened() {
    let sb = Sandbox::new();
    let stray = format!("Rad med \u{1b}[2J escape {}", "lång ".repeat(100));
    let (file, _) = with_stray_line(&sb, &stray);
    let out = sb.run(&["import", file.to_str().unwrap()]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    let line = err.lines().find(|l| l.contains("Rad med")).expect(&err);
    assert!(!line.contains('\u{1b}'), "{line:?}");
    assert!(line.ends_with('…') && line.chars().count() < 300, "{line}");
}

#[test]
fn an_existing_output_file_is_replaced() {
    let sb = Sandbox::new();
    let out_file = sb.path().join("plan.toml");
    std::fs::write(&out_file, "old").unwrap();
    let out = sb.run(&[
        "import",
        fixture("seed-001.txt").to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let plan = std::fs::read(&out_file).unwrap();
    assert!(tertial::plan::parse_plan("plan.toml", &plan).is_ok());
}

#[test]
fn user_errors_name_the_file_and_write_nothing() {
    let sb = Sandbox::new();
    let missing = sb.path().join("saknas.txt");
    let out = sb.run(&["import", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("saknas.txt")
            && err.contains("kan inte läsa")
            && err.contains("Ingen sådan fil eller mapp (os-fel 2)"),
        "{err}"
    );
    // A 2025 plan in plans/2026/ would not pass check.
    let ws = init(&sb);
    let wrong = ws.join("plans/2026/x.toml");
    let out = sb.run(&[
        "import",
        fixture("seed-001.txt").to_str().unwrap(),
        "-o",
        wrong.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("plans/2025/"),
        "{}",
        text(&out.stderr)
    );
    assert!(!wrong.exists());
    // --unit-id that disagrees with the file's name.
    let right = ws.join("plans/2025/x.toml");
    let out = sb.run(&[
        "import",
        fixture("seed-001.txt").to_str().unwrap(),
        "-o",
        right.to_str().unwrap(),
        "--unit-id",
        "y",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!right.exists());
    // A file name that cannot be a unit id.
    let odd = ws.join("plans/2025/Min enhet.toml");
    let out = sb.run(&[
        "import",
        fixture("seed-001.txt").to_str().unwrap(),
        "-o",
        odd.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--unit-id"),
        "{}",
        text(&out.stderr)
    );
    assert!(!odd.exists());
}

#[test]
fn a_file_that_is_no_plan_is_refused_briefly() {
    // Forty thousand empty enhetsmål: more than a plan file may hold.
    let sb = Sandbox::new();
    let file = sb.path().join("many.txt");
    std::fs::write(&file, "Enhetsmål: x\n".repeat(40_000)).unwrap();
    let out = sb.run(&["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains("är det här en plans text?"), "{err}");
    assert!(
        err.contains("ytterligare") && err.contains("noteringar"),
        "{err}"
    );
    assert!(err.lines().count() < 210, "{} lines", err.lines().count());
}

#[test]
fn empty_or_binary_input_writes_no_plan() {
    let sb = Sandbox::new();
    for (name, body) in [
        ("empty.txt", Vec::new()),
        (
            "noise.bin",
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        (
            "letter.txt",
            b"Hej!\n\nVi ses p\xc3\xa5 m\xc3\xb6tet.\n".to_vec(),
        ),
    ] {
        let file = sb.path().join(name);
        std::fs::write(&file, body).unwrap();
        let out_file = sb.path().join(format!("{name}.toml"));
        let out = sb.run(&[
            "import",
            file.to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(
            text(&out.stderr).contains("inga mål hittades"),
            "{name}: {}",
            text(&out.stderr)
        );
        assert!(!out_file.exists(), "{name}: nothing written");
    }
}

//! The real binary on real folders and git repositories: init, demo, check.

mod common;
use common::{Sandbox, text};

#[test]
fn version_and_help_exist_for_every_subcommand() {
    let sb = Sandbox::new();
    let out = sb.run(&["--version"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("tertial "));
    for sub in ["open", "check", "init", "demo"] {
        let out = sb.run(&[sub, "--help"]);
        assert!(out.status.success(), "{sub} --help");
        assert!(text(&out.stdout).contains("Användning:"), "{sub}");
        let out = sb
            .cmd()
            .env("TERTIAL_LANG", "en")
            .args([sub, "--help"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{sub} --help");
        assert!(text(&out.stdout).contains("Usage:"), "{sub}");
    }
}

#[test]
fn help_is_swedish_by_default_and_english_on_request() {
    let sb = Sandbox::new();
    let out = sb.run(&["--help"]);
    assert!(out.status.success());
    let sv = text(&out.stdout);
    for part in [
        "Användning: tertial [FLAGGOR] [MAPP]",
        "Kommandon:",
        "Flaggor:",
        "Visa hjälpen",
    ] {
        assert!(sv.contains(part), "{part:?} in\n{sv}");
    }
    assert!(
        sv.contains("Kontrollera alla planer i en arbetsyta"),
        "{sv}"
    );
    for english in [
        "Usage:",
        "Commands:",
        "Options:",
        "Print help",
        "Validate every plan",
    ] {
        assert!(!sv.contains(english), "{english:?} in\n{sv}");
    }
    let out = sb
        .cmd()
        .env("TERTIAL_LANG", "en")
        .arg("--help")
        .output()
        .unwrap();
    let en = text(&out.stdout);
    assert!(en.contains("Usage: tertial [OPTIONS] [DIR]"), "{en}");
    assert!(en.contains("Validate every plan of a workspace"), "{en}");
    let out = sb.run(&["--lang", "en", "open", "--help"]);
    assert!(text(&out.stdout).contains("Open a workspace"));
}

#[test]
fn a_wrong_flag_is_a_swedish_error_with_exit_code_2() {
    let sb = Sandbox::new();
    let out = sb.run(&["check", "--finns-inte"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("fel: oväntat argument '--finns-inte'"),
        "{err}"
    );
    assert!(err.contains("Användning: tertial check [MAPP]"), "{err}");
    assert!(!err.contains("unexpected argument"), "{err}");
    let out = sb
        .cmd()
        .env("TERTIAL_LANG", "en")
        .args(["check", "--finns-inte"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unexpected argument '--finns-inte'"));
}

#[test]
fn init_with_samples_makes_a_committed_workspace_that_checks_clean() {
    let sb = Sandbox::new();
    let ws = sb.workspace("omrade");
    let out = sb.run(&[
        "init",
        ws.to_str().unwrap(),
        "--with-samples",
        "--author",
        "Anna Admin <anna@example.invalid>",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let repo = git2::Repository::open(&ws).unwrap();
    let head = repo.head().unwrap();
    assert_eq!(head.shorthand().ok(), Some("main"));
    let commit = head.peel_to_commit().unwrap();
    assert_eq!(commit.author().name().ok(), Some("Anna Admin"));
    let tree = commit.tree().unwrap();
    for path in [
        "tertial.toml",
        ".gitignore",
        "README.md",
        "plans/2026/hagerstens-hemtjanst.toml",
        "plans/2025/bestallarenhet-2.toml",
    ] {
        assert!(
            tree.get_path(std::path::Path::new(path)).is_ok(),
            "{path} committed"
        );
    }
    // Plain git sees a clean folder: index and working tree match the commit.
    let mut opts = git2::StatusOptions::new();
    opts.include_ignored(false).include_untracked(true);
    let statuses = repo.statuses(Some(&mut opts)).unwrap();
    let listed: Vec<String> = statuses
        .iter()
        .map(|s| format!("{:?} {:?}", s.status(), s.path()))
        .collect();
    assert!(listed.is_empty(), "git status is clean: {listed:?}");
    let ignore = std::fs::read_to_string(ws.join(".gitignore")).unwrap();
    assert!(ignore.contains(".tertial/"));

    let out = sb.run(&["check", ws.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Planfiler kontrollerade: 3, utan problem: 3"));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let sb = Sandbox::new();
    let ws = sb.workspace("full");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::write(ws.join("keep.txt"), "mine").unwrap();
    let out = sb.run(&["init", ws.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("är inte tom"));
    assert_eq!(
        std::fs::read_to_string(ws.join("keep.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn check_reports_a_broken_plan_precisely_and_still_validates_the_others() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    // Break one plan: a duplicate id on a known line, and a bad date.
    let path = ws.join("plans/2025/bestallarenhet-2.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let broken = original.replacen("id = \"E2\"", "id = \"E1\"", 1);
    assert_ne!(broken, original);
    std::fs::write(&path, &broken).unwrap();
    let line = broken.lines().position(|l| l == "id = \"E1\"").unwrap();
    let second = broken
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = \"E1\"")
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert!(second > line + 1);
    // A second, unrelated broken file.
    std::fs::write(
        ws.join("plans/2025/trasig.toml"),
        "schema = 1\n[unit\nid = 'x'\n",
    )
    .unwrap();

    let out = sb.run(&["check", ws.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "plans/2025/bestallarenhet-2.toml:{second}:6: fel: id \"E1\" finns två gånger"
        )),
        "{err}"
    );
    assert!(err.contains("id = \"E1\""), "shows the line: {err}");
    assert!(
        err.contains("plans/2025/trasig.toml:2:"),
        "the other broken file is reported too: {err}"
    );
    let summary = text(&out.stdout);
    assert!(
        summary.contains("Planfiler kontrollerade: 4, utan problem: 2, med problem: 2"),
        "{summary}"
    );
}

#[test]
fn check_names_a_plan_in_the_wrong_place() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    std::fs::rename(
        ws.join("plans/2025/bestallarenhet-2.toml"),
        ws.join("plans/2025/fel-namn.toml"),
    )
    .unwrap();
    let out = sb.run(&["check", ws.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("förväntade att filen heter bestallarenhet-2.toml"),
        "{}",
        text(&out.stderr)
    );
    let out = sb
        .cmd()
        .env("TERTIAL_LANG", "en")
        .args(["check", ws.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(text(&out.stderr).contains("expected the file to be named bestallarenhet-2.toml"));
    // One error is "1 error", in the English summary as in the Swedish.
    assert!(
        text(&out.stdout)
            .contains("3 plan files checked: 2 without problems, 1 with problems (1 error);"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn demo_without_opening_creates_a_workspace_in_the_data_folder() {
    let sb = Sandbox::new();
    let out = sb.run(&["demo", "--no-open"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let dir = stdout.trim().rsplit(": ").next().unwrap().to_string();
    let dir = std::path::PathBuf::from(dir);
    assert!(
        dir.starts_with(sb.path().join(".local/share/tertial/demo")),
        "{stdout}"
    );
    assert!(dir.join("plans/2026/hagerstens-hemtjanst.toml").is_file());
    // No git identity in the sandbox: the demo has its own.
    let repo = git2::Repository::open(&dir).unwrap();
    assert!(repo.signature().is_ok());
}

#[test]
fn the_product_repository_is_never_opened_as_a_workspace() {
    let sb = Sandbox::new();
    let out = sb.run(&["open", env!("CARGO_MANIFEST_DIR")]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("används aldrig som arbetsyta"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn opening_a_folder_that_is_not_a_workspace_says_how_to_make_one() {
    let sb = Sandbox::new();
    let out = sb.run(&["open", sb.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("tertial init"));
}

#[test]
fn opening_without_a_git_identity_says_so_before_any_typing() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let out = sb.run(&["open", ws.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("ingen git-identitet"), "{err}");
    assert!(err.contains("git config --global user.name"), "{err}");
    assert!(err.contains("--author"), "{err}");
}

#[test]
fn a_workspace_owned_by_another_user_says_exactly_what_to_configure() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("delad");
    // Only root can hand the folder to another user.
    if !common::skip::ready_or_skip(
        common::skip::is_root(),
        "ROOT",
        "the safe.directory advice for a workspace of another user",
        "only root can hand a folder to another user",
    ) {
        return;
    }
    let chown = std::process::Command::new("chown")
        .args(["-R", "nobody"])
        .arg(&ws)
        .output()
        .unwrap();
    assert!(chown.status.success(), "chown: {}", text(&chown.stderr));
    let file = sb.path().join("f.toml");
    std::fs::write(
        &file,
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n",
    )
    .unwrap();
    let out = sb.record(
        &ws,
        "bestallarenhet-2",
        "2025-T1",
        &file,
        "A <a@b.invalid>",
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    let abs = ws.canonicalize().unwrap();
    assert!(
        err.contains(&format!(
            "git config --global --add safe.directory {}",
            abs.display()
        )),
        "{err}"
    );
    assert!(err.contains("--system"), "{err}");
    let out = sb.run(&["verify", ws.to_str().unwrap()]);
    assert!(
        text(&out.stdout).contains("safe.directory"),
        "{}",
        text(&out.stdout)
    );
}

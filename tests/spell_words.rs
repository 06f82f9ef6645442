//! The workspace's word list (`ordlista.txt`): a word added by a chief is
//! committed, passes `verify` and a server's hook for a chief of any unit,
//! travels with `tertial sync` to the unit's other chiefs (words added on
//! both sides at once are all kept), and is then not marked for them.

mod common;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::Command;
use tertial::repo::Identity;
use tertial::spell::words;

const ROSTER: &str = r#"schema = 1

[people.anna]
name = "Anna Andersson"
emails = ["anna@example.invalid"]

[people.bertil]
name = "Bertil Berg"
emails = ["bertil@example.invalid"]

[people.ada]
name = "Ada Admin"
emails = ["ada@example.invalid"]

[people.cecilia]
name = "Cecilia Controller"
emails = ["cecilia@example.invalid"]

[units.bestallarenhet-2]
chiefs = ["anna"]

[units.hagersten-alvsjos-hemtjanst]
chiefs = ["bertil"]

[roles]
roster = ["ada"]
controllers = ["cecilia"]
"#;

fn git(sb: &Sandbox, dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("TERTIAL_USER")
        .args([
            "-c",
            "user.name=Ada Admin",
            "-c",
            "user.email=ada@example.invalid",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn who(name: &str, email: &str) -> Identity {
    Identity::new(name, email).unwrap()
}

fn add(ws: &Path, word: &str, by: &Identity) -> Result<(), String> {
    let repo = tertial::repo::open(ws).unwrap();
    words::commit_word(&repo, "main", word, by)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn list_at_tip(ws: &Path) -> Vec<String> {
    let repo = tertial::repo::open(ws).unwrap();
    words::workspace_words(&repo, "main")
}

/// Syncs `ws` with its origin, the push made as `pusher` (the name the
/// server's hook is given).
fn sync(sb: &Sandbox, ws: &Path, pusher: &str) {
    let out = sb
        .cmd()
        .env("TERTIAL_USER", pusher)
        .args(["sync", ws.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// Anna's workspace with the roster, a server (a bare repository with the
/// hook) it was pushed to, and Bertil's clone of it.
fn setup(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let a = sb.init_samples("anna");
    std::fs::write(a.join("roster.toml"), ROSTER).unwrap();
    git(sb, &a, &["add", "roster.toml"]);
    git(sb, &a, &["commit", "-q", "-m", "Rollistan"]);
    let bare = sb.path().join("server.git");
    git(
        sb,
        sb.path(),
        &[
            "clone",
            "-q",
            "--bare",
            a.to_str().unwrap(),
            bare.to_str().unwrap(),
        ],
    );
    let out = sb.run(&["hook", "install", bare.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    git(sb, &a, &["remote", "add", "origin", bare.to_str().unwrap()]);
    git(sb, &a, &["fetch", "-q", "origin"]);
    let b = sb.workspace("bertil");
    git(
        sb,
        sb.path(),
        &["clone", "-q", bare.to_str().unwrap(), b.to_str().unwrap()],
    );
    (a, b)
}

#[test]
fn a_chief_adds_a_word_and_the_other_chief_gets_it_through_the_server() {
    let sb = Sandbox::new();
    let (a, b) = setup(&sb);
    let anna = who("Anna Andersson", "anna@example.invalid");
    let bertil = who("Bertil Berg", "bertil@example.invalid");

    add(&a, "Glimtamoj", &anna).unwrap();
    assert_eq!(list_at_tip(&a), ["Glimtamoj"]);
    let log = git(
        &sb,
        &a,
        &["log", "-1", "--format=%an%n%B", "--", "ordlista.txt"],
    );
    assert!(
        log.starts_with("Anna Andersson\nOrdlista: «Glimtamoj» tillagt"),
        "{log}"
    );
    // Adding it again makes no commit.
    let before = git(&sb, &a, &["rev-parse", "main"]);
    add(&a, "Glimtamoj", &anna).unwrap();
    assert_eq!(git(&sb, &a, &["rev-parse", "main"]), before);

    // Meanwhile Bertil, a chief of another unit, adds a word of his own.
    add(&b, "Snickeboa", &bertil).unwrap();

    // Both sync through the server's hook: a chief of any unit may add words.
    sync(&sb, &a, "anna");
    sync(&sb, &b, "bertil");
    sync(&sb, &a, "anna");
    for ws in [&a, &b] {
        let mut list = list_at_tip(ws);
        list.sort();
        assert_eq!(list, ["Glimtamoj", "Snickeboa"], "{}", ws.display());
    }
    let out = sb.run(&["verify", a.to_str().unwrap()]);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{said}");
    assert!(said.contains("0 fynd"), "{said}");

    // Bertil's spell check takes Anna's word.
    if let Ok(speller) = tertial::spell::Speller::system("sv_SE") {
        let mut checker = tertial::spell::check::Checker::new(std::sync::Arc::new(speller));
        assert_eq!(
            checker
                .misspelled("Glimtamoj och Snickeboa")
                .iter()
                .map(|w| w.text)
                .collect::<Vec<_>>(),
            ["Glimtamoj", "Snickeboa"]
        );
        let list = list_at_tip(&b);
        checker.add_listed(list.iter().map(String::as_str));
        assert!(checker.misspelled("Glimtamoj och Snickeboa").is_empty());
    }
}

#[test]
fn someone_who_writes_no_unit_cannot_add_words() {
    let sb = Sandbox::new();
    let (a, _) = setup(&sb);
    let cecilia = who("Cecilia Controller", "cecilia@example.invalid");
    let why = add(&a, "Glimtamoj", &cecilia).unwrap_err();
    assert!(
        why.contains("Cecilia Controller <cecilia@example.invalid> skriver ingen enhet"),
        "{why}"
    );
    let stranger = who("Okänd", "okand@example.invalid");
    assert!(add(&a, "Glimtamoj", &stranger).is_err());
    assert!(list_at_tip(&a).is_empty());
    // A word that is not one word is refused too.
    let anna = who("Anna Andersson", "anna@example.invalid");
    assert!(add(&a, "två ord", &anna).is_err());
}

#[test]
fn verify_names_a_word_list_committed_by_hand_by_someone_who_writes_no_unit() {
    let sb = Sandbox::new();
    let (a, _) = setup(&sb);
    std::fs::write(a.join("ordlista.txt"), "Glimtamoj\n").unwrap();
    git(&sb, &a, &["add", "ordlista.txt"]);
    let out = Command::new("git")
        .current_dir(&a)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["-c", "user.name=Cecilia Controller"])
        .args(["-c", "user.email=cecilia@example.invalid"])
        .args(["commit", "-qm", "Ord"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let forged = git(&sb, &a, &["rev-parse", "--short=10", "HEAD"]);
    let out = sb.run(&["verify", a.to_str().unwrap()]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "{}: ordlista.txt ändrad av Cecilia Controller <cecilia@example.invalid>",
            forged.trim()
        )),
        "{said}"
    );
    // A chief's word, added by the program, is no finding.
    git(&sb, &a, &["reset", "-q", "--hard", "HEAD~1"]);
    add(
        &a,
        "Glimtamoj",
        &who("Anna Andersson", "anna@example.invalid"),
    )
    .unwrap();
    let out = sb.run(&["verify", a.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
}

//! Signatures judged by the roster, not by the user's git config: a good
//! signature by a key the roster gave the author at the commit's parent;
//! a key added later blesses no older commit; a rewrite that strips the
//! signatures of commits and klar tags is named where signing is required,
//! even with no remote to compare with.

mod common;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::Command;

const UNIT: &str = "bestallarenhet-2";

fn ssh_keygen() -> bool {
    Command::new("ssh-keygen").arg("-?").output().is_ok()
}

fn keypair(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(out.status.success());
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public.trim().to_string())
}

fn roster(chef_keys: &[&str]) -> String {
    let keys: Vec<String> = chef_keys.iter().map(|k| format!("{k:?}")).collect();
    format!(
        "schema = 1\n\n[people.chef]\nname = \"Chef\"\nemails = [\"chef@example.invalid\"]\nkeys = [{}]\n\n\
         [people.admin]\nname = \"Admin\"\nemails = [\"admin@example.invalid\"]\n\n\
         [units.{UNIT}]\nchiefs = [\"chef\"]\n\n[roles]\nroster = [\"admin\"]\n",
        keys.join(", ")
    )
}

fn git(sb: &Sandbox, ws: &Path, who: (&str, &str), args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(ws)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("FILTER_BRANCH_SQUELCH_WARNING", "1")
        .args(["-c", &format!("user.name={}", who.0)])
        .args(["-c", &format!("user.email={}", who.1)])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

const ADMIN: (&str, &str) = ("Admin", "admin@example.invalid");

fn record(sb: &Sandbox, ws: &Path, rating: &str, status: &str) -> String {
    let file = sb.path().join("f.toml");
    let mut body = format!(
        "schema = 1\nunit = \"{UNIT}\"\nperiod = \"2025-T1\"\nsummary = \"Enligt plan.\"\n"
    );
    body.push_str(&format!("[[goal]]\nid = \"E1\"\nrating = \"{rating}\"\nsummary = \"Analys.\"\n[[goal.deviation]]\nwhat = \"X\"\nmeasure = \"Y\"\n"));
    for g in ["E2", "E3", "E4", "E5", "E6"] {
        body.push_str(&format!(
            "[[goal]]\nid = \"{g}\"\nrating = \"helt\"\nsummary = \"Nås.\"\n"
        ));
    }
    body.push_str(
        "[[indicator]]\nid = \"I3\"\ntotal = 8.2\n[[indicator]]\nid = \"I4\"\nno_data = true\n",
    );
    for i in 1..=8 {
        body.push_str(&format!(
            "[[activity]]\nid = \"A{i}\"\nstatus = \"pågår\"\n"
        ));
    }
    std::fs::write(&file, body).unwrap();
    let out = sb.record(
        ws,
        UNIT,
        "2025-T1",
        &file,
        "Chef <chef@example.invalid>",
        &["--status", status],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    for _ in 0..200 {
        if git(sb, ws, ADMIN, &["status", "--porcelain"]).is_empty()
            && !ws.join(".git/index.lock").exists()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    git(sb, ws, ADMIN, &["rev-parse", "--short=10", "HEAD"])
        .trim()
        .to_string()
}

fn verify(sb: &Sandbox, ws: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["verify", ws.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = sb.run(&args);
    (out.status.code(), text(&out.stdout))
}

fn set_roster(sb: &Sandbox, ws: &Path, text_now: &str) {
    std::fs::write(ws.join("roster.toml"), text_now).unwrap();
    git(sb, ws, ADMIN, &["add", "roster.toml"]);
    git(sb, ws, ADMIN, &["commit", "-qm", "Förteckning"]);
}

#[test]
fn signatures_are_judged_by_the_roster_at_the_parent() {
    if !common::skip::ready_or_skip(
        ssh_keygen(),
        "SSH_KEYGEN",
        "signatures judged by the roster",
        "ssh-keygen is not installed (openssh-client)",
    ) {
        return;
    }
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let (key, public) = keypair(sb.path(), "chef");
    let (later, later_public) = keypair(sb.path(), "senare");
    set_roster(&sb, &ws, &roster(&[&public]));
    let set = |k: &str, v: &str| git(&sb, &ws, ADMIN, &["config", k, v]);
    set("commit.gpgsign", "true");
    set("gpg.format", "ssh");
    set("user.signingkey", key.to_str().unwrap());
    // No allowedSignersFile in git config: the roster is the list.
    let good = record(&sb, &ws, "delvis", "utkast");
    set("user.signingkey", later.to_str().unwrap());
    let early = record(&sb, &ws, "helt", "utkast");
    // The second key is added to the roster after it signed.
    set("commit.gpgsign", "false");
    set_roster(&sb, &ws, &roster(&[&public, &later_public]));
    let roster_change = git(&sb, &ws, ADMIN, &["rev-parse", "--short=10", "HEAD"])
        .trim()
        .to_string();
    let (code, out) = verify(&sb, &ws, &["--require-signed"]);
    assert_eq!(code, Some(1), "{out}");
    // A change of the roster needs a signature too where they are required.
    assert!(
        out.contains(&format!("{roster_change}: signatur osignerad")),
        "{out}"
    );
    assert!(
        out.contains("signaturer: giltig 1, okänd nyckel 1"),
        "{out}"
    );
    assert!(
        out.contains(&format!("{early}: signatur okänd nyckel")),
        "{out}"
    );
    assert!(!out.contains(&format!("{good}: signatur")), "{out}");
    // Signed with that key now, it is good.
    set("commit.gpgsign", "true");
    let now = record(&sb, &ws, "inte", "utkast");
    let (_, out) = verify(&sb, &ws, &["--require-signed"]);
    assert!(!out.contains(&format!("{now}: signatur")), "{out}");
    assert!(out.contains("giltig 2"), "{out}");
}

#[test]
fn a_rewrite_that_strips_signatures_is_named_without_a_remote() {
    if !common::skip::ready_or_skip(
        ssh_keygen(),
        "SSH_KEYGEN",
        "a rewrite named by its stripped signatures",
        "ssh-keygen is not installed (openssh-client)",
    ) {
        return;
    }
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let (key, public) = keypair(sb.path(), "chef");
    set_roster(&sb, &ws, &roster(&[&public]));
    let set = |k: &str, v: &str| git(&sb, &ws, ADMIN, &["config", k, v]);
    set("commit.gpgsign", "true");
    set("gpg.format", "ssh");
    set("user.signingkey", key.to_str().unwrap());
    record(&sb, &ws, "delvis", "utkast");
    let klar = record(&sb, &ws, "delvis", "klar");
    let tag = format!("refs/tags/tertial/2025-T1/{UNIT}/{klar}");
    let (code, out) = verify(&sb, &ws, &["--require-signed"]);
    assert_eq!(code, Some(0), "{out}");
    set("commit.gpgsign", "false");
    git(
        &sb,
        &ws,
        ADMIN,
        &[
            "filter-branch",
            "-f",
            "--tree-filter",
            "sed -i s/delvis/inte/ followups/2025-T1/bestallarenhet-2.toml 2>/dev/null || true",
            "--tag-name-filter",
            "cat",
            "--",
            "--all",
        ],
    );
    let (code, out) = verify(&sb, &ws, &["--require-signed"]);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(out.matches(": signatur osignerad").count(), 2, "{out}");
    let moved = git(
        &sb,
        &ws,
        ADMIN,
        &["for-each-ref", "--format=%(refname)", "refs/tags/tertial/"],
    );
    let moved = moved.trim();
    assert!(
        moved.starts_with(&format!("refs/tags/tertial/2025-T1/{UNIT}/")),
        "{moved}"
    );
    assert_eq!(
        moved, tag,
        "the tag keeps its name, pointing at the rewritten commit"
    );
    // The rewrite kept the tag's SSH signature over the old object: broken.
    assert!(
        out.contains(&format!("{tag}: taggens signatur ogiltig")),
        "{out}"
    );
}

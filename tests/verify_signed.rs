//! Signatures judged by the roster, not by the user's git config: a good
//! signature by a key the roster gave the author at the commit's parent;
//! a key added later blesses no older commit; a rewrite that strips the
//! signatures of commits and klar tags is named where signing is required,
//! even with no remote to compare with.

mod common;
use common::history::{complete_followup, git_as, head, ssh_keygen, verify, wait_clean};
use common::sshd::keypair;
use common::{Sandbox, text};
use std::path::Path;

const UNIT: &str = "bestallarenhet-2";

fn roster(chef_keys: &[&str]) -> String {
    let keys: Vec<String> = chef_keys.iter().map(|k| format!("{k:?}")).collect();
    format!(
        "schema = 1\n\n[people.chef]\nname = \"Chef\"\nemails = [\"chef@example.invalid\"]\nkeys = [{}]\n\n\
         [people.admin]\nname = \"Admin\"\nemails = [\"admin@example.invalid\"]\n\n\
         [units.{UNIT}]\nchiefs = [\"chef\"]\n\n[roles]\nroster = [\"admin\"]\n",
        keys.join(", ")
    )
}

const ADMIN: (&str, &str) = ("Admin", "admin@example.invalid");

fn record(sb: &Sandbox, ws: &Path, rating: &str, status: &str) -> String {
    let file = sb.path().join("f.toml");
    let body = complete_followup(UNIT, "2025-T1", rating);
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
    wait_clean(sb, ws);
    head(sb, ws)
}

fn set_roster(sb: &Sandbox, ws: &Path, text_now: &str) {
    std::fs::write(ws.join("roster.toml"), text_now).unwrap();
    git_as(sb, ws, ADMIN, &["add", "roster.toml"]);
    git_as(sb, ws, ADMIN, &["commit", "-qm", "Förteckning"]);
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
    let set = |k: &str, v: &str| git_as(&sb, &ws, ADMIN, &["config", k, v]);
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
    let roster_change = git_as(&sb, &ws, ADMIN, &["rev-parse", "--short=10", "HEAD"])
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
    let set = |k: &str, v: &str| git_as(&sb, &ws, ADMIN, &["config", k, v]);
    set("commit.gpgsign", "true");
    set("gpg.format", "ssh");
    set("user.signingkey", key.to_str().unwrap());
    record(&sb, &ws, "delvis", "utkast");
    let klar = record(&sb, &ws, "delvis", "klar");
    let tag = format!("refs/tags/tertial/2025-T1/{UNIT}/{klar}");
    let (code, out) = verify(&sb, &ws, &["--require-signed"]);
    assert_eq!(code, Some(0), "{out}");
    set("commit.gpgsign", "false");
    git_as(
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
    let moved = git_as(
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

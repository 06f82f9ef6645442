//! Review commits signed where signing is configured: the area chief's
//! return and approval carry an SSH signature by the key the roster gives
//! them, `verify --require-signed` accepts them, and a review signed with
//! someone else's key is named.

mod common;
use common::history::{complete_followup, git_as, head, ssh_keygen, verify, wait_clean};
use common::sshd::keypair;
use common::{Sandbox, text};
use std::path::Path;

const UNIT: &str = "bestallarenhet-2";
const PERIOD: &str = "2025-T1";
const CHEF: &str = "Chef Karlsson <chef@example.invalid>";
const OLSSON: &str = "Områdeschef Olsson <olsson@example.invalid>";
const ADMIN: (&str, &str) = ("Admin", "admin@example.invalid");

fn roster(chef_key: &str, olsson_key: &str, admin_key: &str) -> String {
    format!(
        "schema = 1\n\n\
         [people.chef]\nname = \"Chef Karlsson\"\nemails = [\"chef@example.invalid\"]\nkeys = [{chef_key:?}]\n\n\
         [people.olsson]\nname = \"Områdeschef Olsson\"\nemails = [\"olsson@example.invalid\"]\nkeys = [{olsson_key:?}]\n\n\
         [people.admin]\nname = \"Admin\"\nemails = [\"admin@example.invalid\"]\nkeys = [{admin_key:?}]\n\n\
         [units.{UNIT}]\nchiefs = [\"chef\"]\n\n\
         [areas.aldreomsorg]\nchiefs = [\"olsson\"]\nunits = [\"{UNIT}\"]\n\n\
         [roles]\nroster = [\"admin\"]\nchiefs_reopen = false\n"
    )
}

fn commit_klar(sb: &Sandbox, ws: &Path) -> String {
    let file = sb.path().join("f.toml");
    std::fs::write(&file, complete_followup(UNIT, PERIOD, "delvis")).unwrap();
    let out = sb.record(ws, UNIT, PERIOD, &file, CHEF, &["--status", "klar"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    wait_clean(sb, ws);
    head(sb, ws)
}

fn review(sb: &Sandbox, ws: &Path, args: &[&str]) -> String {
    let mut all = vec![
        "review",
        ws.to_str().unwrap(),
        "--unit",
        UNIT,
        "--period",
        PERIOD,
        "--author",
        OLSSON,
    ];
    all.extend_from_slice(args);
    let out = sb.run(&all);
    assert!(out.status.success(), "{}", text(&out.stderr));
    wait_clean(sb, ws);
    head(sb, ws)
}

#[test]
fn returns_and_approvals_are_signed_and_judged_by_the_reviewers_key() {
    if !common::skip::ready_or_skip(
        ssh_keygen(),
        "SSH_KEYGEN",
        "signed review commits",
        "ssh-keygen is not installed (openssh-client)",
    ) {
        return;
    }
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let (chef_key, chef_public) = keypair(sb.path(), "chef");
    let (olsson_key, olsson_public) = keypair(sb.path(), "olsson");
    let (admin_key, admin_public) = keypair(sb.path(), "admin");
    let set = |k: &str, v: &str| git_as(&sb, &ws, ADMIN, &["config", k, v]);
    set("commit.gpgsign", "true");
    set("gpg.format", "ssh");
    set("user.signingkey", admin_key.to_str().unwrap());
    std::fs::write(
        ws.join("roster.toml"),
        roster(&chef_public, &olsson_public, &admin_public),
    )
    .unwrap();
    git_as(&sb, &ws, ADMIN, &["add", "roster.toml"]);
    git_as(&sb, &ws, ADMIN, &["commit", "-qm", "Rollistan"]);

    set("user.signingkey", chef_key.to_str().unwrap());
    commit_klar(&sb, &ws);
    // The area chief returns it, but signs with the chief's key.
    let forged = review(
        &sb,
        &ws,
        &[
            "--return",
            "--overall",
            "Se över E2.",
            "--remark",
            "goal:E2=Varför?",
        ],
    );
    set("user.signingkey", chef_key.to_str().unwrap());
    commit_klar(&sb, &ws);
    set("user.signingkey", olsson_key.to_str().unwrap());
    let approved = review(&sb, &ws, &["--approve"]);

    let raw = git_as(&sb, &ws, ADMIN, &["cat-file", "commit", "HEAD"]);
    assert!(raw.contains("-----BEGIN SSH SIGNATURE-----"), "{raw}");
    assert!(raw.contains("Review: godkänd"), "{raw}");
    let (code, out) = verify(&sb, &ws, &["--require-signed"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("{forged}: signatur okänd nyckel")),
        "{out}"
    );
    assert!(!out.contains(&format!("{approved}: signatur")), "{out}");
    assert_eq!(out.matches(": signatur").count(), 1, "{out}");
}

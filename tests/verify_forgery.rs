//! Forgery `verify` must not pass: each tampering of the history an
//! attacker with write access to the workspace would try, on a real
//! repository with a roster, reported with exit 1. Two need a witness
//! outside the local refs (the remote's branch, or signatures).

mod common;
use common::history::{complete_followup, git_as, head, verify, wait_clean};
use common::{Sandbox, text};
use std::path::{Path, PathBuf};

const UNIT: &str = "bestallarenhet-2";
const FILE: &str = "followups/2025-T1/bestallarenhet-2.toml";

fn roster(chef_keys: &str) -> String {
    format!(
        r#"schema = 1

[people.chef]
name = "Chef"
emails = ["chef@example.invalid"]
keys = [{chef_keys}]

[people.omrade]
name = "Områdeschef Olsson"
emails = ["olsson@example.invalid"]

[people.admin]
name = "Admin"
emails = ["admin@example.invalid"]

[units.bestallarenhet-2]
chiefs = ["chef"]

[areas.aldreomsorg]
chiefs = ["omrade"]
units = ["bestallarenhet-2"]

[roles]
roster = ["admin"]
chiefs_reopen = false
"#
    )
}

const MALLORY: (&str, &str) = ("Mallory", "m@example.invalid");
const CHEF: (&str, &str) = ("Chef", "chef@example.invalid");
const ADMIN: (&str, &str) = ("Admin", "admin@example.invalid");

/// A workspace with the samples and a roster committed by its admin.
fn workspace(sb: &Sandbox, keys: &str) -> PathBuf {
    let ws = sb.init_samples("ws");
    std::fs::write(ws.join("roster.toml"), roster(keys)).unwrap();
    git_as(sb, &ws, ADMIN, &["add", "roster.toml"]);
    git_as(sb, &ws, ADMIN, &["commit", "-qm", "Förteckning"]);
    ws
}

fn record(sb: &Sandbox, ws: &Path, rating: &str, status: &str, extra: &[&str]) {
    let file = sb.path().join("f.toml");
    let body = complete_followup(UNIT, "2025-T1", rating);
    std::fs::write(&file, body).unwrap();
    let mut args = vec!["--status", status];
    args.extend_from_slice(extra);
    let out = sb.record(
        ws,
        UNIT,
        "2025-T1",
        &file,
        "Chef <chef@example.invalid>",
        &args,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    wait_clean(sb, ws);
}

/// Edits the committed follow-up in the working tree.
fn edit(ws: &Path, from: &str, to: &str) {
    let path = ws.join(FILE);
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.contains(from), "{now}");
    std::fs::write(&path, now.replacen(from, to, 1)).unwrap();
}

fn trailers(status: &str, extra: &str) -> String {
    format!(
        "Uppföljning 2025-T1: Beställarenhet 2 ({status})\n\n{extra}Unit: {UNIT}\nPeriod: 2025-T1\nStatus: {status}\nTool-Version: 0.1.0\n"
    )
}

#[test]
fn a_roster_made_history_verifies_clean() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record(&sb, &ws, "delvis", "utkast", &[]);
    record(&sb, &ws, "helt", "klar", &[]);
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("roster.toml"), "no note with a roster: {out}");
}

#[test]
fn a_plain_commit_with_hand_written_trailers_by_someone_off_the_roster_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record(&sb, &ws, "delvis", "utkast", &[]);
    edit(&ws, "delvis", "helt");
    git_as(
        &sb,
        &ws,
        MALLORY,
        &["commit", "-qam", &trailers("utkast", "")],
    );
    let forged = head(&sb, &ws);
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "{forged}: Mallory <m@example.invalid> står inte i förteckningen för {UNIT}; får skriva: Chef <chef@example.invalid>, Områdeschef Olsson <olsson@example.invalid>"
        )),
        "{out}"
    );
}

#[test]
fn a_plain_commit_posing_as_the_chief_is_named_where_signing_is_required() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record(&sb, &ws, "delvis", "utkast", &[]);
    edit(&ws, "delvis", "helt");
    git_as(&sb, &ws, CHEF, &["commit", "-qam", &trailers("utkast", "")]);
    let forged = head(&sb, &ws);
    // The workspace asks for signatures: every unsigned follow-up commit.
    let marker = ws.join("tertial.toml");
    let mut text_now = std::fs::read_to_string(&marker).unwrap();
    text_now.push_str("\n[verify]\nrequire_signed = true\n");
    std::fs::write(&marker, text_now).unwrap();
    git_as(&sb, &ws, ADMIN, &["commit", "-qam", "Signering krävs"]);
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("{forged}: signatur osignerad")),
        "{out}"
    );
}

#[test]
fn a_klar_follow_up_changed_by_a_commit_saying_klar_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record(&sb, &ws, "helt", "klar", &[]);
    edit(&ws, "rating = \"helt\"", "rating = \"inte\"");
    // Even by the chief's own e-mail: klar is changed only by a reopen.
    git_as(&sb, &ws, CHEF, &["commit", "-qam", &trailers("klar", "")]);
    let forged = head(&sb, &ws);
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "{forged}: {FILE} var klar och ändrades utan att återöppnas"
        )),
        "{out}"
    );
}

#[test]
fn a_forged_reopen_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record(&sb, &ws, "helt", "klar", &[]);
    edit(&ws, "status = \"klar\"", "status = \"återöppnad\"");
    git_as(
        &sb,
        &ws,
        CHEF,
        &[
            "commit",
            "-qam",
            &format!(
                "{}Reopen-Reason: rättelse\n",
                trailers("återöppnad", "Återöppnad: rättelse\n\n")
            ),
        ],
    );
    let forged = head(&sb, &ws);
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    // The roster lets only the area chief reopen.
    assert!(
        out.contains(&format!(
            "{forged}: Chef <chef@example.invalid> får inte återöppna {UNIT}; får återöppna: Områdeschef Olsson <olsson@example.invalid>"
        )),
        "{out}"
    );
}

#[test]
fn a_roster_changed_by_someone_it_does_not_allow_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    let path = ws.join("roster.toml");
    let now = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        now.replace("chiefs = [\"chef\"]", "chiefs = [\"chef\", \"admin\"]"),
    )
    .unwrap();
    git_as(&sb, &ws, CHEF, &["commit", "-qam", "Fler chefer"]);
    let forged = head(&sb, &ws);
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "{forged}: roster.toml ändrad av Chef <chef@example.invalid>; får ändra den: Admin <admin@example.invalid>"
        )),
        "{out}"
    );
}

#[test]
fn a_flipped_byte_in_the_pack_where_the_plans_lie_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record(&sb, &ws, "delvis", "utkast", &[]);
    git_as(&sb, &ws, ADMIN, &["gc", "-q", "--prune=now"]);
    let blob = git_as(
        &sb,
        &ws,
        ADMIN,
        &["rev-parse", "HEAD:plans/2025/bestallarenhet-2.toml"],
    )
    .trim()
    .to_string();
    let packs: Vec<PathBuf> = std::fs::read_dir(ws.join(".git/objects/pack"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "idx"))
        .collect();
    assert_eq!(packs.len(), 1, "{packs:?}");
    let listing = git_as(
        &sb,
        &ws,
        ADMIN,
        &["verify-pack", "-v", packs[0].to_str().unwrap()],
    );
    // "<id> blob <size> <size in pack> <offset>"
    let row: Vec<&str> = listing
        .lines()
        .find(|l| l.starts_with(&blob))
        .unwrap()
        .split_whitespace()
        .collect();
    let (in_pack, offset): (usize, usize) = (row[3].parse().unwrap(), row[4].parse().unwrap());
    let pack = packs[0].with_extension("pack");
    let mut bytes = std::fs::read(&pack).unwrap();
    bytes[offset + in_pack / 2] ^= 0x01;
    let mut perms = std::fs::metadata(&pack).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&pack, perms).unwrap();
    std::fs::write(&pack, bytes).unwrap();
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("skadat objekt"), "{out}");
}

/// A bare copy of the workspace as its server, fetched back as origin.
fn with_remote(sb: &Sandbox, ws: &Path) {
    let remote = sb.path().join("server.git");
    git_as(
        sb,
        ws,
        ADMIN,
        &["clone", "-q", "--bare", ".", remote.to_str().unwrap()],
    );
    git_as(
        sb,
        ws,
        ADMIN,
        &["remote", "add", "origin", remote.to_str().unwrap()],
    );
    git_as(sb, ws, ADMIN, &["fetch", "-q", "origin"]);
}

#[test]
fn filter_branch_rewriting_an_old_outcome_is_named_against_the_remote() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record(&sb, &ws, "delvis", "utkast", &[]);
    record(&sb, &ws, "delvis", "klar", &[]);
    with_remote(&sb, &ws);
    let remote_tip = head(&sb, &ws);
    git_as(
        &sb,
        &ws,
        ADMIN,
        &[
            "filter-branch",
            "-f",
            "--tree-filter",
            &format!("sed -i s/delvis/inte/ {FILE} 2>/dev/null || true"),
            "--tag-name-filter",
            "cat",
            "--",
            "--all",
        ],
    );
    // Every local mark moved along with the rewrite (the remote-tracking
    // branch too): only the server itself still witnesses the history.
    let (code, out) = verify(&sb, &ws, &["--remote", "origin"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "historiken omskriven: origin/main ({remote_tip}) ingår inte längre i grenen"
        )),
        "{out}"
    );
}

#[test]
fn a_reset_with_the_anchor_moved_is_named_against_the_remote() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record(&sb, &ws, "delvis", "utkast", &[]);
    record(&sb, &ws, "helt", "utkast", &[]);
    with_remote(&sb, &ws);
    let dropped = head(&sb, &ws);
    git_as(&sb, &ws, ADMIN, &["reset", "-q", "--hard", "HEAD~1"]);
    git_as(
        &sb,
        &ws,
        ADMIN,
        &["update-ref", "refs/tertial/anchor", "HEAD"],
    );
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "historiken omskriven: refs/remotes/origin/main ({dropped}) har incheckningar som grenen saknar"
        )),
        "{out}"
    );
}

#[test]
fn main_renamed_away_is_an_error_for_record_and_verify_never_a_new_root() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record(&sb, &ws, "delvis", "utkast", &[]);
    git_as(&sb, &ws, ADMIN, &["branch", "-m", "main", "gammal"]);
    let file = sb.path().join("f.toml");
    let out = sb.record(
        &ws,
        UNIT,
        "2025-T1",
        &file,
        "Chef <chef@example.invalid>",
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("grenen main saknas"),
        "{}",
        text(&out.stderr)
    );
    let heads = git_as(
        &sb,
        &ws,
        ADMIN,
        &["for-each-ref", "--format=%(refname)", "refs/heads"],
    );
    assert_eq!(heads.trim(), "refs/heads/gammal");
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(
            "historiken omskriven: grenen main saknas fast tertial har gjort incheckningar på den"
        ),
        "{out}"
    );
}

//! `tertial verify` on real repositories: a clean history passes; each kind
//! of tampering is named; signatures are judged as git judges them.

mod common;
use common::history::{complete_followup, ssh_keygen, verify, wait_clean};
use common::sshd::keypair;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace(sb: &Sandbox) -> PathBuf {
    sb.init_samples("ws")
}

fn record(sb: &Sandbox, ws: &Path, period: &str, rating: &str, status: &str) {
    let file = sb.path().join("f.toml");
    let body = complete_followup("bestallarenhet-2", period, rating);
    std::fs::write(&file, body).unwrap();
    let out = sb.record(
        ws,
        "bestallarenhet-2",
        period,
        &file,
        "Chef <chef@example.invalid>",
        &["--status", status],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Plain git in the workspace, with the sandbox's environment.
fn git(sb: &Sandbox, ws: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(ws)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args([
            "-c",
            "user.name=Mallory",
            "-c",
            "user.email=m@example.invalid",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn a_history_made_by_tertial_verifies_clean() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record(&sb, &ws, "2025-T1", "delvis", "utkast");
    record(&sb, &ws, "2025-T1", "helt", "klar");
    record(&sb, &ws, "2025-T2", "helt", "utkast");
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("4 commits, 3 uppföljningscommits; signaturer: osignerad 3; 0 fynd"),
        "{out}"
    );
    // English by the language setting.
    let en = sb
        .cmd()
        .env("LANG", "en_GB.UTF-8")
        .args(["verify", ws.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        text(&en.stdout)
            .contains("4 commits, 3 follow-up commits; signatures: unsigned 3; 0 findings"),
        "{}",
        text(&en.stdout)
    );
    // Unsigned is a finding only when signatures are required.
    let (code, out) = verify(&sb, &ws, &["--require-signed"]);
    assert_eq!(code, Some(1));
    assert_eq!(out.matches(": signatur osignerad").count(), 3, "{out}");
}

#[test]
fn a_follow_up_edited_and_committed_with_plain_git_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record(&sb, &ws, "2025-T1", "delvis", "utkast");
    wait_clean(&sb, &ws);
    let path = ws.join("followups/2025-T1/bestallarenhet-2.toml");
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("delvis", "helt");
    std::fs::write(&path, edited).unwrap();
    git(&sb, &ws, &["commit", "-qam", "Rättar betyget"]);
    let commit = git(&sb, &ws, &["rev-parse", "--short=10", "HEAD"])
        .trim()
        .to_string();
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(&format!("{commit}: followups/2025-T1/bestallarenhet-2.toml ändrad av en commit som tertial inte gjort")), "{out}");
}

#[test]
fn trailers_that_lie_or_reach_another_unit_are_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record(&sb, &ws, "2025-T1", "delvis", "utkast");
    wait_clean(&sb, &ws);
    // A forged commit: tertial's trailers, but another file and a status
    // the file does not have.
    std::fs::create_dir_all(ws.join("followups/2025-T2")).unwrap();
    let own = ws.join("followups/2025-T1/bestallarenhet-2.toml");
    let text_now = std::fs::read_to_string(&own)
        .unwrap()
        .replace("status = \"utkast\"", "status = \"klar\"");
    std::fs::write(&own, text_now).unwrap();
    std::fs::write(
        ws.join("followups/2025-T2/annan-enhet.toml"),
        "schema = 1\n",
    )
    .unwrap();
    git(&sb, &ws, &["add", "-A"]);
    git(
        &sb,
        &ws,
        &[
            "commit",
            "-qm",
            "Uppföljning\n\nUnit: bestallarenhet-2\nPeriod: 2025-T1\nStatus: utkast\nTool-Version: 0.1.0",
        ],
    );
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("followups/2025-T2/annan-enhet.toml ändrad av uppföljningscommiten för bestallarenhet-2 2025-T1 (utanför dess egen enhet och period)"), "{out}");
    assert!(
        out.contains("trailers motsäger innehållet: Status: utkast men filen säger klar"),
        "{out}"
    );
}

#[test]
fn an_amended_and_force_moved_history_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record(&sb, &ws, "2025-T1", "delvis", "utkast");
    record(&sb, &ws, "2025-T1", "helt", "klar");
    wait_clean(&sb, &ws);
    let klar = git(&sb, &ws, &["rev-parse", "--short=10", "HEAD"])
        .trim()
        .to_string();
    // Rewrite the klar commit: same trailers, another rating, main moved.
    let path = ws.join("followups/2025-T1/bestallarenhet-2.toml");
    std::fs::write(
        &path,
        std::fs::read_to_string(&path)
            .unwrap()
            .replace("helt", "inte"),
    )
    .unwrap();
    git(&sb, &ws, &["commit", "-qa", "--amend", "--no-edit"]);
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "historiken omskriven: refs/tertial/anchor ({klar}) ingår inte längre i grenen"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "historiken omskriven: refs/tags/tertial/2025-T1/bestallarenhet-2/{klar} ({klar})"
        )),
        "{out}"
    );
}

#[test]
fn a_flipped_byte_in_a_loose_object_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record(&sb, &ws, "2025-T1", "delvis", "utkast");
    let blob = git(
        &sb,
        &ws,
        &["rev-parse", "HEAD:followups/2025-T1/bestallarenhet-2.toml"],
    )
    .trim()
    .to_string();
    let object = ws.join(".git/objects").join(&blob[..2]).join(&blob[2..]);
    let mut bytes = std::fs::read(&object).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x5a;
    let mut perms = std::fs::metadata(&object).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&object, perms).unwrap();
    std::fs::write(&object, bytes).unwrap();
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("skadat objekt"), "{out}");
}

#[test]
fn commits_are_signed_when_git_config_asks_and_verify_judges_them_like_git() {
    if !common::skip::ready_or_skip(
        ssh_keygen(),
        "SSH_KEYGEN",
        "commit signing with an SSH key",
        "ssh-keygen is not installed (openssh-client)",
    ) {
        return;
    }
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let (key, public) = keypair(sb.path(), "chef");
    let (other, _) = keypair(sb.path(), "okand");
    let allowed = sb.path().join("allowed_signers");
    std::fs::write(
        &allowed,
        format!("chef@example.invalid namespaces=\"git\" {public}\n"),
    )
    .unwrap();
    let set = |k: &str, v: &str| git(&sb, &ws, &["config", k, v]);
    set("commit.gpgsign", "true");
    set("gpg.format", "ssh");
    set("user.signingkey", key.to_str().unwrap());
    set("gpg.ssh.allowedSignersFile", allowed.to_str().unwrap());
    record(&sb, &ws, "2025-T1", "delvis", "utkast");
    // git itself accepts the signature.
    let out = Command::new("git")
        .current_dir(&ws)
        .env("HOME", sb.path())
        .args(["verify-commit", "HEAD"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (code, out) = verify(&sb, &ws, &["--require-signed"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("signaturer: giltig 1"), "{out}");
    // A klar follow-up gets a signed tag that git accepts.
    record(&sb, &ws, "2025-T1", "helt", "klar");
    let klar = git(&sb, &ws, &["rev-parse", "--short=10", "HEAD"])
        .trim()
        .to_string();
    let tag = format!("tertial/2025-T1/bestallarenhet-2/{klar}");
    let out = Command::new("git")
        .current_dir(&ws)
        .env("HOME", sb.path())
        .args(["tag", "-v", &tag])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git tag -v {tag}: {}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("Good \"git\" signature for chef@example.invalid"),
        "{}",
        text(&out.stderr)
    );
    // Reopen to go on changing it below.
    let file = sb.path().join("f.toml");
    let out = sb.run(&[
        "record",
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--from",
        file.to_str().unwrap(),
        "--reopen",
        "test",
        "--author",
        "Chef <chef@example.invalid>",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // A key the allowed-signers file does not know.
    set("user.signingkey", other.to_str().unwrap());
    record(&sb, &ws, "2025-T1", "helt", "utkast");
    let unknown = git(&sb, &ws, &["rev-parse", "--short=10", "HEAD"])
        .trim()
        .to_string();
    // And one unsigned commit.
    set("commit.gpgsign", "false");
    record(&sb, &ws, "2025-T2", "helt", "utkast");
    let unsigned = git(&sb, &ws, &["rev-parse", "--short=10", "HEAD"])
        .trim()
        .to_string();
    let (code, out) = verify(&sb, &ws, &[]);
    assert_eq!(
        code,
        Some(0),
        "only bad signatures are findings by default: {out}"
    );
    assert!(
        out.contains("signaturer: giltig 3, okänd nyckel 1, osignerad 1"),
        "{out}"
    );
    let (code, out) = verify(&sb, &ws, &["--require-signed"]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains(&format!("{unknown}: signatur okänd nyckel")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{unsigned}: signatur osignerad")),
        "{out}"
    );
}

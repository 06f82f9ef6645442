//! A central git server with tertial's hook, for real: sshd on 127.0.0.1,
//! a bare repository with `tertial hook install`, one key per chief in
//! `authorized_keys` whose `command=` names the chief (TERTIAL_USER), and
//! `tertial sync` as the client. Each chief's own unit lands; another
//! unit's follow-up, an unsigned commit where signing is required, a
//! force-push rewriting history and a key the server names no one for do
//! not, each with a message saying why.

mod common;
use common::sshd::{self, Sshd};
use common::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ANNA: &str = "Anna Andersson <anna@example.invalid>";
const BERTIL: &str = "Bertil Berg <bertil@example.invalid>";

/// git in the sandbox, with `env` on top; fails the test when git does.
fn git(sb: &Sandbox, dir: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let out = git_output(sb, dir, env, args);
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn git_output(sb: &Sandbox, dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("GIT_DIR")
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// A chief: their key, their workspace and how their ssh logs in.
struct Chief {
    key: PathBuf,
    public: String,
    ssh: String,
}

impl Chief {
    fn env(&self) -> [(&str, &str); 1] {
        [("GIT_SSH_COMMAND", self.ssh.as_str())]
    }
}

/// `tertial sync` of `ws` through `chief`'s key: exit code and everything said.
fn sync(sb: &Sandbox, chief: &Chief, ws: &Path) -> (Option<i32>, String) {
    let out = sb
        .cmd()
        .env("GIT_SSH_COMMAND", &chief.ssh)
        .args(["sync", ws.to_str().unwrap()])
        .output()
        .unwrap();
    (
        out.status.code(),
        format!("{}{}", text(&out.stdout), text(&out.stderr)),
    )
}

fn record(sb: &Sandbox, ws: &Path, unit: &str, period: &str, summary: &str, author: &str) {
    let file = sb
        .path()
        .join(format!("{unit}-{period}-{}.toml", summary.len()));
    std::fs::write(
        &file,
        format!("schema = 1\nunit = \"{unit}\"\nperiod = \"{period}\"\n[[goal]]\nid = \"E1\"\nrating = \"delvis\"\nsummary = \"{summary}\"\n"),
    )
    .unwrap();
    let out = sb.record(ws, unit, period, &file, author, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn roster(anna: &str, bertil: &str) -> String {
    format!(
        r#"schema = 1

[people.anna]
name = "Anna Andersson"
emails = ["anna@example.invalid"]
keys = ["{anna}"]

[people.bertil]
name = "Bertil Berg"
emails = ["bertil@example.invalid"]
keys = ["{bertil}"]

[people.ada]
name = "Ada Admin"
emails = ["ada@example.invalid"]

[units.bestallarenhet-2]
chiefs = ["anna"]

[units.hagersten-alvsjos-hemtjanst]
chiefs = ["bertil"]

[roles]
roster = ["ada"]
"#
    )
}

const ADA: [&str; 4] = [
    "-c",
    "user.name=Ada Admin",
    "-c",
    "user.email=ada@example.invalid",
];

#[test]
fn a_server_with_the_hook_takes_each_chiefs_own_unit_and_refuses_the_rest() {
    if !common::skip::ready_or_skip(
        sshd::missing().is_none(),
        "SSHD",
        "the real-sshd server test",
        &sshd::missing().unwrap_or_default(),
    ) {
        return;
    }
    let sb = Sandbox::new();
    let keys = sb.path().join("keys");
    let server_dir = sb.path().join("server");
    std::fs::create_dir_all(&keys).unwrap();
    std::fs::create_dir_all(&server_dir).unwrap();
    let chief = |name: &str| {
        let (key, public) = sshd::keypair(&keys, name);
        Chief {
            key,
            public,
            ssh: String::new(),
        }
    };
    let (mut anna, mut bertil, mut ada, mut nobody) = (
        chief("anna"),
        chief("bertil"),
        chief("ada"),
        chief("nobody"),
    );

    // The workspace as the administrator sets it up, with its roster.
    let admin = sb.init_samples("admin");
    std::fs::write(
        admin.join("roster.toml"),
        roster(&anna.public, &bertil.public),
    )
    .unwrap();
    git(&sb, &admin, &[], &["add", "roster.toml"]);
    git(
        &sb,
        &admin,
        &[],
        &[&ADA[..], &["commit", "-q", "-m", "Rollistan"]].concat(),
    );
    let bare = server_dir.join("ws.git");
    git(
        &sb,
        sb.path(),
        &[],
        &[
            "clone",
            "-q",
            "--bare",
            admin.to_str().unwrap(),
            bare.to_str().unwrap(),
        ],
    );
    let out = sb.run(&["hook", "install", bare.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Kroken installerad"),
        "{}",
        text(&out.stdout)
    );

    // One key per person, each named by its command= entry; one key no one
    // is named for.
    let forced = |id: &str, public: &str| {
        format!(
            "command=\"TERTIAL_USER={id} git-shell -c \\\"$SSH_ORIGINAL_COMMAND\\\"\",no-pty,no-port-forwarding,no-agent-forwarding,no-X11-forwarding {public}\n"
        )
    };
    let authorized = format!(
        "{}{}{}command=\"git-shell -c \\\"$SSH_ORIGINAL_COMMAND\\\"\",no-pty {}\n",
        forced("anna", &anna.public),
        forced("bertil", &bertil.public),
        forced("ada", &ada.public),
        nobody.public
    );
    let server = match Sshd::start(&server_dir, &authorized) {
        Ok(s) => s,
        Err(why) => {
            common::skip::ready_or_skip(false, "SSHD", "the real-sshd server test", &why);
            return;
        }
    };
    for c in [&mut anna, &mut bertil, &mut ada, &mut nobody] {
        c.ssh = server.ssh_command(&c.key);
    }
    let url = server.url(&bare);
    let clone = |c: &Chief, name: &str| -> PathBuf {
        let ws = sb.workspace(name);
        let out = git_output(
            &sb,
            sb.path(),
            &c.env(),
            &["clone", "-q", &url, ws.to_str().unwrap()],
        );
        assert!(
            out.status.success(),
            "clone over ssh: {}\n-- sshd --\n{}",
            text(&out.stderr),
            server.log()
        );
        ws
    };
    let a = clone(&anna, "anna");
    let b = clone(&bertil, "bertil");
    let server_main = || git(&sb, &bare, &[], &["rev-parse", "main"]);

    // Each chief pushes their own unit: accepted.
    record(&sb, &a, "bestallarenhet-2", "2025-T1", "Annas analys", ANNA);
    let (code, out) = sync(&sb, &anna, &a);
    assert_eq!(code, Some(0), "{out}\n-- sshd --\n{}", server.log());
    assert!(
        out.contains("tertial: pushen godkänns (anna; 1 incheckning granskade)"),
        "{out}"
    );
    record(
        &sb,
        &b,
        "hagersten-alvsjos-hemtjanst",
        "2025-T1",
        "Bertils analys",
        BERTIL,
    );
    let (code, out) = sync(&sb, &bertil, &b);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("1 mottagna, 1 egna lagda överst, skickade"),
        "{out}"
    );
    assert_eq!(server_main(), git(&sb, &b, &[], &["rev-parse", "main"]));

    // Bertil pushes Anna's unit, her name typed as the author (tertial
    // would not let him write it as himself): refused, saying whose it is.
    // The server goes by the key that logged in, not by what was typed.
    let before = server_main();
    record(
        &sb,
        &b,
        "bestallarenhet-2",
        "2025-T2",
        "Bertil skriver",
        ANNA,
    );
    let (code, out) = sync(&sb, &bertil, &b);
    assert_ne!(code, Some(0), "{out}");
    assert!(out.contains("tertial: pushen avvisas:"), "{out}");
    assert!(
        out.contains("Bertil Berg <bertil@example.invalid> får inte skriva enheten bestallarenhet-2 (followups/2025-T2/bestallarenhet-2.toml); det får Anna Andersson <anna@example.invalid>"),
        "{out}"
    );
    assert!(
        !out.contains("kept moving"),
        "a refusal is not a moving remote: {out}"
    );
    assert_eq!(server_main(), before, "nothing landed");

    // A force-push rewriting what is published: refused, in the pusher's
    // language (ssh hands LANG on).
    let older = git(&sb, &a, &[], &["rev-parse", "main~1"]);
    let en = [
        ("GIT_SSH_COMMAND", anna.ssh.as_str()),
        ("LANG", "en_GB.UTF-8"),
    ];
    let out = git_output(
        &sb,
        &a,
        &en,
        &[
            "push",
            "--force",
            "origin",
            &format!("{}:main", older.trim()),
        ],
    );
    assert!(!out.status.success());
    let said = text(&out.stderr);
    assert!(said.contains("remote: tertial: push refused:"), "{said}");
    assert!(
        said.contains("so the push would rewrite published history"),
        "{said}"
    );
    assert_eq!(server_main(), before);
    // Nor may main be deleted.
    let out = git_output(&sb, &a, &anna.env(), &["push", "origin", ":main"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("refs/heads/main får inte tas bort"),
        "{}",
        text(&out.stderr)
    );

    // A key the server names no one for: refused, saying why.
    record(&sb, &a, "bestallarenhet-2", "2025-T2", "Utan namn", ANNA);
    let (code, out) = sync(&sb, &nobody, &a);
    assert_ne!(code, Some(0), "{out}");
    assert!(out.contains("servern säger inte vem som skickar"), "{out}");
    assert_eq!(server_main(), before);

    // The administrator requires signing; Anna's signed commit lands, an
    // unsigned one does not.
    git(
        &sb,
        &admin,
        &[],
        &["pull", "-q", "--ff-only", bare.to_str().unwrap(), "main"],
    );
    let marker = admin.join("tertial.toml");
    let mut settings = std::fs::read_to_string(&marker).unwrap();
    settings.push_str("\n[verify]\nrequire_signed = true\n");
    std::fs::write(&marker, settings).unwrap();
    git(
        &sb,
        &admin,
        &[],
        &[&ADA[..], &["commit", "-q", "-am", "Signering krävs"]].concat(),
    );
    let out = git_output(&sb, &admin, &ada.env(), &["push", &url, "main"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let (code, out) = sync(&sb, &anna, &a);
    assert_ne!(code, Some(0), "unsigned: {out}");
    assert!(out.contains("tertial: pushen avvisas:"), "{out}");
    assert!(out.contains("osignerad"), "{out}");
    let refused = server_main();

    let signed = clone(&anna, "anna-signed");
    for (k, v) in [
        ("commit.gpgsign", "true"),
        ("gpg.format", "ssh"),
        ("user.signingkey", anna.key.to_str().unwrap()),
    ] {
        git(&sb, &signed, &[], &["config", k, v]);
    }
    record(
        &sb,
        &signed,
        "bestallarenhet-2",
        "2025-VB",
        "Signerat",
        ANNA,
    );
    let (code, out) = sync(&sb, &anna, &signed);
    assert_eq!(code, Some(0), "signed: {out}");
    assert!(out.contains("pushen godkänns"), "{out}");
    assert_ne!(server_main(), refused);
    let t2 = git_output(
        &sb,
        &bare,
        &[],
        &["show", "main:followups/2025-T2/bestallarenhet-2.toml"],
    );
    assert!(
        !t2.status.success(),
        "no refused follow-up landed: {}",
        text(&t2.stdout)
    );
}

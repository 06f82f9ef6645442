//! Shared helpers for integration tests: the real binary with a sandboxed
//! environment (no user git config, no user tertial config).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Sandbox {
    pub home: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            home: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.home.path()
    }

    /// The tertial binary with HOME and XDG folders inside the sandbox, so
    /// neither the developer's ~/.gitconfig nor their tertial config leaks in.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tertial"));
        let h = self.home.path();
        c.env("HOME", h)
            .env("XDG_CONFIG_HOME", h.join(".config"))
            .env("XDG_DATA_HOME", h.join(".local/share"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("LANG", "sv_SE.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("TERTIAL_LANG")
            .env_remove("TERTIAL_AUTHOR")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    pub fn workspace(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }
}

impl Sandbox {
    /// A new workspace `name` with the bundled plans (`init --with-samples`).
    pub fn init_samples(&self, name: &str) -> PathBuf {
        let ws = self.workspace(name);
        let out = self.run(&["init", ws.to_str().unwrap(), "--with-samples"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        ws
    }

    /// `tertial record` of `file` for `unit` and `period` by `author`, with
    /// `extra` arguments (`--status klar` …).
    pub fn record(
        &self,
        ws: &Path,
        unit: &str,
        period: &str,
        file: &Path,
        author: &str,
        extra: &[&str],
    ) -> Output {
        let mut args = vec![
            "record",
            ws.to_str().unwrap(),
            "--unit",
            unit,
            "--period",
            period,
            "--from",
            file.to_str().unwrap(),
            "--author",
            author,
        ];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

/// The plans bundled with the program, loaded as a workspace would.
pub fn bundled_plans() -> Vec<tertial::workspace::LoadedPlan> {
    tertial::plan::bundled::PLANS
        .iter()
        .map(|(path, body)| tertial::workspace::LoadedPlan {
            rel_path: path.to_string(),
            plan: tertial::plan::parse_plan(path, body.as_bytes())
                .unwrap_or_else(|d| panic!("bundled plan {path} does not load: {d:?}")),
        })
        .collect()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub mod history;
pub mod process;
pub mod pty;
pub mod review_ws;
pub mod skip;
pub mod sshd;

impl Sandbox {
    /// A command for the pseudo-terminal with the same sandbox as `cmd`.
    pub fn pty_cmd(&self, args: &[&str]) -> portable_pty::CommandBuilder {
        let mut c = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_tertial"));
        c.args(args);
        let h = self.home.path();
        c.env_clear();
        c.env("HOME", h);
        c.env("XDG_CONFIG_HOME", h.join(".config"));
        c.env("XDG_DATA_HOME", h.join(".local/share"));
        c.env("GIT_CONFIG_NOSYSTEM", "1");
        c.env("LANG", "sv_SE.UTF-8");
        c.env("TERM", "xterm-256color");
        c.env("PATH", std::env::var("PATH").unwrap_or_default());
        c.cwd(h);
        c
    }
}

//! Running the git command for a sync: fetch and push with the user's own
//! credentials, git's progress shown as git shows it (straight to the
//! terminal, or line by line for the session's status line).

use super::SyncError;
use crate::repo;
use std::path::Path;

/// Where git's progress goes.
pub enum Progress<'a> {
    /// Straight to the terminal, as git shows it (the command line).
    Terminal,
    /// Line by line as git writes it; a line ended by `\r` is replaced by
    /// the next one, as on a terminal (the session's status line). git gets
    /// no terminal to ask for passwords on: a credential helper or
    /// ssh-agent must answer, or the sync fails and says so.
    Lines(&'a mut dyn FnMut(&str)),
}

pub(super) fn git(dir: &Path, args: &[&str], progress: &mut Progress<'_>) -> Result<(), SyncError> {
    use std::process::{Command, Stdio};
    let failed = |why: String| SyncError::Git(args.join(" "), why);
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir).args(args).stdin(Stdio::null());
    match progress {
        Progress::Terminal => {
            let status = cmd
                .stdout(Stdio::inherit())
                .stderr(Stdio::inherit())
                .status()
                .map_err(|e| failed(crate::oserr::shown(&e)))?;
            if status.success() {
                Ok(())
            } else {
                // git has said why on the terminal already.
                Err(failed(String::new()))
            }
        }
        Progress::Lines(show) => {
            cmd.stdout(Stdio::null())
                .stderr(Stdio::piped())
                .env("GIT_TERMINAL_PROMPT", "0");
            detach_from_terminal(&mut cmd);
            let mut child = cmd.spawn().map_err(|e| failed(crate::oserr::shown(&e)))?;
            let mut said = Vec::new();
            if let Some(stderr) = child.stderr.take() {
                read_lines(stderr, |line| {
                    show(line);
                    said.push(line.to_string());
                });
            }
            let status = child.wait().map_err(|e| failed(crate::oserr::shown(&e)))?;
            if status.success() {
                Ok(())
            } else {
                // The last lines git wrote say why (its progress comes first).
                let start = said.len().saturating_sub(3);
                Err(failed(said[start..].join(" – ")))
            }
        }
    }
}

/// Hands each line of `from` to `line` as it comes, ended by `\n` or `\r`
/// (git ends a progress line with `\r` to write the next over it), made
/// safe to show; empty lines are skipped.
pub fn read_lines(mut from: impl std::io::Read, mut line: impl FnMut(&str)) {
    let mut pending = Vec::new();
    let mut buf = [0u8; 4096];
    let mut flush = |pending: &mut Vec<u8>| {
        let text = String::from_utf8_lossy(pending);
        let text = crate::sanitize::line(text.trim());
        if !text.is_empty() {
            line(&text);
        }
        pending.clear();
    };
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        for &b in &buf[..n] {
            if b == b'\n' || b == b'\r' {
                flush(&mut pending);
            } else {
                pending.push(b);
            }
        }
    }
    flush(&mut pending);
}

/// Starts git in a session of its own, without the terminal the program
/// draws on: ssh cannot then write a passphrase prompt over the screen or
/// read keys meant for the program.
fn detach_from_terminal(cmd: &mut std::process::Command) {
    use std::os::unix::process::CommandExt;
    // Safe: setsid is async-signal-safe and touches no memory of ours.
    #[allow(unsafe_code)]
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
}

/// Whether `remote` can be fetched from: a remote of the repository, or
/// an address (URL, `host:path`, a path) git reads directly.
pub(super) fn has_remote(dir: &Path, remote: &str) -> bool {
    let configured = repo::open(dir)
        .ok()
        .is_some_and(|r| r.find_remote(remote).is_ok());
    configured || remote.contains([':', '/', '\\']) || Path::new(remote).exists()
}

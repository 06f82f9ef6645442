//! Running the git command for a sync: fetch and push with the user's own
//! credentials, git's progress shown as git shows it (straight to the
//! terminal, or line by line for the session's status line).

use super::SyncError;
use crate::repo;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Where git's progress goes.
pub enum Progress<'a> {
    /// Straight to the terminal, as git shows it (the command line).
    Terminal,
    /// Line by line as git writes it; a line ended by `\r` is replaced by
    /// the next one, as on a terminal (the session's status line), each
    /// step told as it begins, and stopped while it fetches when asked
    /// (the session's background sync). git gets no terminal to ask for
    /// passwords on: a credential helper or ssh-agent must answer, or the
    /// sync fails and says so.
    Watched(Watch<'a>),
}

/// The steps of a sync. Only the fetch can be stopped: it changes
/// nothing of the workspace. Once the branch moves the sync finishes
/// (a failed push is tried again or reported, the branch stays consistent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Fetch,
    /// Replaying local follow-ups onto the fetched branch and moving it.
    Update,
    Push,
}

impl Step {
    pub fn cancellable(self) -> bool {
        self == Step::Fetch
    }
}

/// What a background sync tells, and how it is stopped.
pub struct Watch<'a> {
    pub line: &'a mut dyn FnMut(&str),
    pub step: &'a mut dyn FnMut(Step),
    pub stop: Arc<AtomicBool>,
    /// The step running now (set by the sync).
    pub now: Step,
}

impl<'a> Watch<'a> {
    pub fn new(
        line: &'a mut dyn FnMut(&str),
        step: &'a mut dyn FnMut(Step),
        stop: Arc<AtomicBool>,
    ) -> Watch<'a> {
        Watch {
            line,
            step,
            stop,
            now: Step::Fetch,
        }
    }
}

impl Progress<'_> {
    pub(super) fn step(&mut self, step: Step) {
        if let Progress::Watched(w) = self {
            w.now = step;
            (w.step)(step);
        }
    }

    /// Whether the sync was asked to stop (looked at between steps).
    pub(super) fn stopped(&self) -> bool {
        matches!(self, Progress::Watched(w) if w.stop.load(Ordering::Relaxed))
    }
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
        Progress::Watched(w) => {
            cmd.stdout(Stdio::null())
                .stderr(Stdio::piped())
                .env("GIT_TERMINAL_PROMPT", "0");
            detach_from_terminal(&mut cmd);
            let mut child = cmd.spawn().map_err(|e| failed(crate::oserr::shown(&e)))?;
            // A stoppable step: git (and the ssh it started, in its
            // session) is ended when the stop is asked for.
            let stopper = w
                .now
                .cancellable()
                .then(|| Stopper::watch(child.id(), w.stop.clone()));
            let show = &mut w.line;
            let mut said = Vec::new();
            if let Some(stderr) = child.stderr.take() {
                read_lines(stderr, |line| {
                    show(line);
                    said.push(line.to_string());
                });
            }
            let status = child.wait().map_err(|e| failed(crate::oserr::shown(&e)));
            if stopper.is_some_and(Stopper::finish) {
                return Err(SyncError::Cancelled);
            }
            let status = status?;
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

/// Ends a git process (its whole session) when `stop` is set.
struct Stopper {
    done: Arc<AtomicBool>,
    stopped: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Stopper {
    fn watch(pid: u32, stop: Arc<AtomicBool>) -> Stopper {
        let done = Arc::new(AtomicBool::new(false));
        let stopped = Arc::new(AtomicBool::new(false));
        let (d, s) = (done.clone(), stopped.clone());
        let thread = std::thread::spawn(move || {
            while !d.load(Ordering::Relaxed) {
                if stop.load(Ordering::Relaxed) {
                    s.store(true, Ordering::Relaxed);
                    // Safe: a plain system call on a process group this
                    // program started (git leads its own session).
                    #[allow(unsafe_code)]
                    unsafe {
                        libc::kill(-(pid as libc::pid_t), libc::SIGTERM);
                    }
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        });
        Stopper {
            done,
            stopped,
            thread,
        }
    }

    /// Called once git has ended: whether it was stopped.
    fn finish(self) -> bool {
        self.done.store(true, Ordering::Relaxed);
        let _ = self.thread.join();
        self.stopped.load(Ordering::Relaxed)
    }
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
        .is_some_and(|r| repo::refs::has_remote(&r, remote));
    configured || remote.contains([':', '/', '\\']) || Path::new(remote).exists()
}

//! Signing commits the way git does when the user's config asks for it
//! (`commit.gpgsign`, `gpg.format` ssh or openpgp, `user.signingkey`):
//! the commit buffer goes to `ssh-keygen -Y sign -n git` or `gpg -bsau`,
//! and the signature into the commit's `gpgsig` header, so `git
//! verify-commit` accepts it.
//!
//! A program that draws on the terminal registers a [`Handover`]: the
//! signer is then first run without the terminal (an agent or an
//! unencrypted key answers), and only when it needs a passphrase is the
//! terminal handed to it, so `ssh-keygen`'s prompt or `pinentry-curses`
//! never writes over the screen nor competes for the keys.

use super::RepoError;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

/// Runs the closure with the terminal handed over (normal screen, the
/// terminal's own line editing, no keys read by the program); returns
/// false when the terminal could not be handed over (the closure did
/// not run).
pub type Handover = Arc<dyn Fn(&mut dyn FnMut()) -> bool + Send + Sync>;

/// Process-wide, because signing happens deep inside a commit that may
/// run on any thread, and the terminal is the process's.
static HANDOVER: Mutex<Option<Handover>> = Mutex::new(None);

/// Registers (or with None, removes) how the terminal is handed over.
pub fn set_handover(handover: Option<Handover>) {
    if let Ok(mut h) = HANDOVER.lock() {
        *h = handover;
    }
}

fn handover() -> Option<Handover> {
    HANDOVER.lock().ok().and_then(|h| h.clone())
}

/// How the signer meets the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tty {
    /// As the program has it (the command line: prompts work as in git).
    Inherit,
    /// None: a signer that needs a passphrase fails instead of asking.
    Detached,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    OpenPgp,
    Ssh,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub format: Format,
    pub key: String,
    pub program: String,
}

impl Signer {
    /// The signer git config asks for, or None when commits are unsigned.
    pub fn from_config(repo: &git2::Repository) -> Result<Option<Signer>, RepoError> {
        let cfg = repo.config()?;
        if !cfg.get_bool("commit.gpgsign").unwrap_or(false) {
            return Ok(None);
        }
        let format = match cfg
            .get_string("gpg.format")
            .unwrap_or_else(|_| "openpgp".into())
            .as_str()
        {
            "ssh" => Format::Ssh,
            "openpgp" => Format::OpenPgp,
            other => {
                return Err(RepoError::Refused(format!(
                    "gpg.format {other:?} is not supported; expected ssh or openpgp"
                )));
            }
        };
        let key = match (cfg.get_string("user.signingkey"), &format) {
            (Ok(k), _) => k,
            (Err(_), Format::OpenPgp) => cfg.get_string("user.email").unwrap_or_default(),
            (Err(_), Format::Ssh) => {
                return Err(RepoError::Refused(
                    "commit.gpgsign is set but user.signingkey is not; set it to your SSH key"
                        .into(),
                ));
            }
        };
        let program = match format {
            Format::Ssh => cfg
                .get_string("gpg.ssh.program")
                .unwrap_or_else(|_| "ssh-keygen".into()),
            Format::OpenPgp => cfg
                .get_string("gpg.program")
                .unwrap_or_else(|_| "gpg".into()),
        };
        Ok(Some(Signer {
            format,
            key,
            program,
        }))
    }

    /// The public key line of an SSH signer (the literal key, or the
    /// `.pub` file beside the key file named), to find its owner.
    pub fn public_key(&self) -> Option<String> {
        if self.format != Format::Ssh {
            return None;
        }
        if let Some(literal) = self.key.strip_prefix("key::") {
            return Some(literal.trim().to_string());
        }
        let path = expand_home(&self.key);
        let public = if path.extension().is_some_and(|e| e == "pub") {
            path
        } else {
            let mut p = path.into_os_string();
            p.push(".pub");
            std::path::PathBuf::from(p)
        };
        let text = std::fs::read_to_string(public).ok()?;
        text.lines().next().map(|l| l.trim().to_string())
    }

    /// The detached signature of `buffer`. With a [`Handover`]
    /// registered, the terminal is handed to the signer only when it
    /// needs a passphrase.
    pub fn sign(&self, buffer: &str) -> Result<String, RepoError> {
        let Some(handover) = handover() else {
            return self.run(buffer, Tty::Inherit).map_err(Failed::into_error);
        };
        match self.run(buffer, Tty::Detached) {
            Ok(sig) => Ok(sig),
            Err(f) if f.needs_passphrase() => {
                let mut result = None;
                let handed = handover(&mut || result = Some(self.run(buffer, Tty::Inherit)));
                match result {
                    Some(r) if handed => r.map_err(Failed::into_error),
                    _ => Err(f.into_error()),
                }
            }
            Err(f) => Err(f.into_error()),
        }
    }

    fn run(&self, buffer: &str, tty: Tty) -> Result<String, Failed> {
        let mut cmd = Command::new(&self.program);
        // A literal key ("key::ssh-ed25519 …") is used through the agent,
        // from a temporary public key file, as git does.
        let _keyfile;
        match self.format {
            Format::Ssh => {
                cmd.args(["-Y", "sign", "-n", "git"]);
                if let Some(literal) = self.key.strip_prefix("key::") {
                    let io = |e: std::io::Error| Failed::Error(e.into());
                    let f = tempfile::NamedTempFile::new().map_err(io)?;
                    std::fs::write(f.path(), literal).map_err(io)?;
                    cmd.arg("-U").arg("-f").arg(f.path());
                    _keyfile = Some(f);
                } else {
                    let path = expand_home(&self.key);
                    cmd.arg("-f").arg(path);
                    _keyfile = None;
                }
            }
            Format::OpenPgp => {
                if tty == Tty::Detached {
                    // gpg-agent would start pinentry on GPG_TTY, over the
                    // screen: it fails instead, and is asked again with
                    // the terminal handed over.
                    cmd.arg("--pinentry-mode=error");
                } else if std::env::var_os("GPG_TTY").is_none()
                    && let Ok(tty) = std::fs::read_link("/proc/self/fd/0")
                {
                    // pinentry-curses needs to know the terminal, which gpg
                    // cannot see on its piped standard input.
                    cmd.env("GPG_TTY", tty);
                }
                cmd.args(["--status-fd=2", "-bsau", &self.key]);
                _keyfile = None;
            }
        }
        if tty == Tty::Detached {
            detach(&mut cmd);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                Failed::Error(RepoError::Refused(crate::i18n::current().pick(
                    format!(
                        "kan inte köra {} för att signera incheckningen: {}",
                        self.program,
                        crate::oserr::shown(&e)
                    ),
                    format!(
                        "cannot run {} to sign the commit: {}",
                        self.program,
                        crate::oserr::shown(&e)
                    ),
                )))
            })?;
        // A signer that fails before reading all of it closes the pipe:
        // its own failure says why, not the broken pipe.
        let _ = child
            .stdin
            .take()
            .map(|mut s| s.write_all(buffer.as_bytes()));
        let out = child
            .wait_with_output()
            .map_err(|e| Failed::Error(e.into()))?;
        let sig = String::from_utf8_lossy(&out.stdout).into_owned();
        if !out.status.success() || sig.trim().is_empty() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(Failed::Said {
                program: self.program.clone(),
                stderr: crate::sanitize::line(err.trim()).into_owned(),
            });
        }
        Ok(sig)
    }
}

/// Why a signer gave no signature.
enum Failed {
    Error(RepoError),
    /// It ran and failed; what it wrote on stderr.
    Said {
        program: String,
        stderr: String,
    },
}

impl Failed {
    /// Whether it failed for want of a passphrase (ssh-keygen asks for
    /// one on standard input without a terminal and fails; gpg says
    /// pinentry could not be used).
    fn needs_passphrase(&self) -> bool {
        let Failed::Said { stderr, .. } = self else {
            return false;
        };
        let said = stderr.to_lowercase();
        said.contains("passphrase") || said.contains("pinentry")
    }

    fn into_error(self) -> RepoError {
        match self {
            Failed::Error(e) => e,
            Failed::Said { program, stderr } => {
                RepoError::Refused(format!("signing with {program} failed: {stderr}"))
            }
        }
    }
}

/// Starts the signer in a session of its own, without a controlling
/// terminal and with nothing to read a passphrase from.
fn detach(cmd: &mut Command) {
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

fn expand_home(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ssh_key(dir: &std::path::Path, passphrase: &str) -> Option<Signer> {
        let key = dir.join(format!("key{}", passphrase.len()));
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", passphrase, "-C", "t", "-f"])
            .arg(&key)
            .output()
            .ok()?;
        made.status.success().then(|| Signer {
            format: Format::Ssh,
            key: key.to_string_lossy().into_owned(),
            program: "ssh-keygen".into(),
        })
    }

    #[test]
    fn without_the_terminal_a_key_with_a_passphrase_fails_asking_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let (Some(plain), Some(locked)) = (ssh_key(dir.path(), ""), ssh_key(dir.path(), "fras"))
        else {
            // Written to stderr itself: the harness keeps eprintln! of a
            // passing test to itself.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: signing without the terminal because ssh-keygen is not installed"
            );
            return;
        };
        let buffer = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nx\n";
        let sig = plain.run(buffer, Tty::Detached).ok().unwrap();
        assert!(sig.contains("BEGIN SSH SIGNATURE"), "{sig}");
        let failed = locked.run(buffer, Tty::Detached).err().unwrap();
        assert!(failed.needs_passphrase());
        // Another failure is not taken for a passphrase wanted.
        let missing = Signer {
            key: dir.path().join("none").to_string_lossy().into_owned(),
            ..plain
        };
        let failed = missing.run(buffer, Tty::Detached).err().unwrap();
        assert!(!failed.needs_passphrase());
        assert!(failed.into_error().to_string().contains("ssh-keygen"));
    }
}

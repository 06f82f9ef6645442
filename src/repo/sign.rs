//! Signing commits the way git does when the user's config asks for it
//! (`commit.gpgsign`, `gpg.format` ssh or openpgp, `user.signingkey`):
//! the commit buffer goes to `ssh-keygen -Y sign -n git` or `gpg -bsau`,
//! and the signature into the commit's `gpgsig` header, so `git
//! verify-commit` accepts it.

use super::RepoError;
use std::io::Write;
use std::process::{Command, Stdio};

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

    /// The detached signature of `buffer`.
    pub fn sign(&self, buffer: &str) -> Result<String, RepoError> {
        let mut cmd = Command::new(&self.program);
        // A literal key ("key::ssh-ed25519 …") is used through the agent,
        // from a temporary public key file, as git does.
        let _keyfile;
        match self.format {
            Format::Ssh => {
                cmd.args(["-Y", "sign", "-n", "git"]);
                if let Some(literal) = self.key.strip_prefix("key::") {
                    let f = tempfile::NamedTempFile::new()?;
                    std::fs::write(f.path(), literal)?;
                    cmd.arg("-U").arg("-f").arg(f.path());
                    _keyfile = Some(f);
                } else {
                    let path = expand_home(&self.key);
                    cmd.arg("-f").arg(path);
                    _keyfile = None;
                }
            }
            Format::OpenPgp => {
                cmd.args(["--status-fd=2", "-bsau", &self.key]);
                _keyfile = None;
            }
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                RepoError::Refused(crate::i18n::current().pick(
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
                ))
            })?;
        child
            .stdin
            .take()
            .map(|mut s| s.write_all(buffer.as_bytes()))
            .transpose()?;
        let out = child.wait_with_output()?;
        let sig = String::from_utf8_lossy(&out.stdout).into_owned();
        if !out.status.success() || sig.trim().is_empty() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(RepoError::Refused(format!(
                "signing with {} failed: {}",
                self.program,
                crate::sanitize::line(err.trim())
            )));
        }
        Ok(sig)
    }
}

fn expand_home(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

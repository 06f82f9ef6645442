//! Checking the signatures of commits and tags against a list of allowed
//! signers the caller gives (from the roster), not the user's git config:
//! SSH signatures with `ssh-keygen -Y verify`, OpenPGP ones with gpg's
//! `VALIDSIG` fingerprint.

use super::RepoError;
use std::io::Write;
use std::process::{Command, Stdio};

/// What a signature check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Good, by a key the list allows for the principal.
    Good,
    /// Made with a key the list does not allow for the principal.
    UnknownKey,
    /// Not a valid signature of the signed data.
    Bad,
    Unsigned,
}

/// A signature and the bytes it signs.
pub type Signed = (Vec<u8>, Vec<u8>);

/// A commit's signature and the data it signs, if it is signed.
pub fn commit_signature(
    repo: &git2::Repository,
    commit: git2::Oid,
) -> Result<Option<Signed>, RepoError> {
    match repo.extract_signature(&commit, None) {
        Ok((sig, data)) => Ok(Some((sig.to_vec(), data.to_vec()))),
        Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// An annotated tag's signature (appended to its message, as git writes
/// it) and the data it signs, if it is signed; with the tagger's e-mail.
pub fn tag_signature(
    repo: &git2::Repository,
    tag: git2::Oid,
) -> Result<(String, Option<Signed>), RepoError> {
    let raw = repo.odb()?.read(tag)?.data().to_vec();
    let tagger = repo
        .find_tag(tag)?
        .tagger()
        .map(|t| String::from_utf8_lossy(t.email_bytes()).into_owned())
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&raw);
    for marker in [
        "-----BEGIN SSH SIGNATURE-----",
        "-----BEGIN PGP SIGNATURE-----",
    ] {
        if let Some(at) = text.find(marker) {
            return Ok((tagger, Some((raw[at..].to_vec(), raw[..at].to_vec()))));
        }
    }
    Ok((tagger, None))
}

/// Checks `sig` over `data` for `principal` (an e-mail) against
/// `allowed_signers` (git's allowed-signers format) and the OpenPGP
/// fingerprints allowed for the principal.
pub fn check(
    sig: Option<&Signed>,
    principal: &str,
    allowed_signers: &str,
    openpgp_allowed: &[String],
) -> Check {
    let Some((sig, data)) = sig else {
        return Check::Unsigned;
    };
    if sig.starts_with(b"-----BEGIN SSH SIGNATURE-----") {
        check_ssh(sig, data, principal, allowed_signers)
    } else {
        check_openpgp(sig, data, openpgp_allowed)
    }
}

fn temp_with(bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let mut f = tempfile::NamedTempFile::new()?;
    f.write_all(bytes)?;
    f.flush()?;
    Ok(f)
}

fn run_with_stdin(cmd: &mut Command, input: &[u8]) -> Option<std::process::Output> {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    if let Some(mut s) = child.stdin.take() {
        let _ = s.write_all(input);
    }
    child.wait_with_output().ok()
}

fn check_ssh(sig: &[u8], data: &[u8], principal: &str, allowed: &str) -> Check {
    let (Ok(sigfile), Ok(allowed_file)) = (temp_with(sig), temp_with(allowed.as_bytes())) else {
        return Check::Bad;
    };
    let verified = run_with_stdin(
        Command::new("ssh-keygen")
            .args(["-Y", "verify", "-n", "git", "-I", principal, "-f"])
            .arg(allowed_file.path())
            .arg("-s")
            .arg(sigfile.path()),
        data,
    );
    if verified.is_some_and(|o| o.status.success()) {
        return Check::Good;
    }
    // Valid in itself, but by a key not allowed for this principal?
    let valid = run_with_stdin(
        Command::new("ssh-keygen")
            .args(["-Y", "check-novalidate", "-n", "git", "-s"])
            .arg(sigfile.path()),
        data,
    );
    if valid.is_some_and(|o| o.status.success()) {
        Check::UnknownKey
    } else {
        Check::Bad
    }
}

fn check_openpgp(sig: &[u8], data: &[u8], allowed: &[String]) -> Check {
    let (Ok(sigfile), Ok(datafile)) = (temp_with(sig), temp_with(data)) else {
        return Check::Bad;
    };
    let out = Command::new("gpg")
        .args(["--batch", "--status-fd=1", "--verify"])
        .arg(sigfile.path())
        .arg(datafile.path())
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    let Ok(out) = out else {
        return Check::UnknownKey;
    };
    let status = String::from_utf8_lossy(&out.stdout);
    let valid: Vec<&str> = status
        .lines()
        .filter_map(|l| l.strip_prefix("[GNUPG:] VALIDSIG "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    if valid.is_empty() {
        return if status.contains("BADSIG") {
            Check::Bad
        } else {
            Check::UnknownKey
        };
    }
    if valid
        .iter()
        .any(|fp| allowed.iter().any(|a| a.eq_ignore_ascii_case(fp)))
    {
        Check::Good
    } else {
        Check::UnknownKey
    }
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, testutil};
    use super::*;

    #[test]
    fn an_unsigned_commit_has_no_signature() {
        let (_d, repo) = testutil::empty_repo();
        let c = commit_files(
            &repo,
            "main",
            &[FileChange::put("a", "1")],
            "m",
            &testutil::sig(),
        )
        .unwrap();
        let sig = commit_signature(&repo, c).unwrap();
        assert_eq!(sig, None);
        assert_eq!(check(sig.as_ref(), "a@b", "", &[]), Check::Unsigned);
        // Garbage posing as an SSH signature is bad, not good.
        let fake = (
            b"-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n".to_vec(),
            b"x".to_vec(),
        );
        assert_ne!(check(Some(&fake), "a@b", "", &[]), Check::Good);
    }
}

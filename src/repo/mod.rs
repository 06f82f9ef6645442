//! Every git2 call of the program, as plain functions by what they do:
//! creating workspaces (`init`), committing files onto a branch without
//! the shared index (`commit`), signing (`sign`), reading files at a
//! commit (`read`), blobs and folders by id (`blob`), walking history
//! (`log`), paths changed between trees (`diff`), references (`refs`),
//! replaying commits (`replay`), keeping the working tree in step
//! (`worktree`) and reading a push from a server hook (`pushed`). No UI types here; each
//! function is tested on a temporary repository. Other modules hold a
//! [`Repository`] and [`Oid`]s only to hand them back to these functions;
//! git errors reach them as [`RepoError`].

pub mod blob;
pub mod commit;
pub mod diff;
pub mod index_stat;
pub mod init;
pub mod log;
pub mod objects;
pub mod pushed;
pub mod read;
pub mod refs;
pub mod replay;
pub mod sign;
pub mod signed;
pub mod worktree;

#[cfg(test)]
pub(crate) mod testutil;

pub use commit::{FileChange, commit_files};

/// A repository handle, as [`open`] and [`init_repo`] give it. Outside
/// this module it is only handed to the functions here.
pub type Repository = git2::Repository;
/// The id of a commit or blob: compared, hashed, printed as hex and parsed
/// from it (`FromStr`); everything else about it goes through this module.
pub type Oid = git2::Oid;
pub use init::init_repo;

use crate::i18n::Lang;
use std::path::PathBuf;

/// The branch follow-ups are committed to.
pub const DEFAULT_BRANCH: &str = "main";

/// A failed git operation; its text is in the program's language
/// (`crate::i18n::current`).
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    #[error("{}", locked_text(path, *waited_ms))]
    Locked { path: PathBuf, waited_ms: u64 },
    #[error("{}", owner_text(path))]
    Owner { path: PathBuf },
    #[error("{}", no_identity_text())]
    NoIdentity,
    #[error("{0}")]
    Refused(String),
    #[error("{}", contended_text(*attempts))]
    Contended { attempts: u32 },
    #[error("git: {}", .0.message())]
    Git(#[from] git2::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

fn locked_text(path: &std::path::Path, waited_ms: u64) -> String {
    let path = path.display();
    match crate::i18n::current() {
        Lang::Sv => format!(
            "git är låst: {path} finns (ett annat git-kommando kan vara igång); väntade {waited_ms} ms. Låset är kvar: ta bort det bara när ingen git-process använder förrådet"
        ),
        Lang::En => format!(
            "git lock held: {path} exists (another git command may be running); tried for {waited_ms} ms. Not removed: remove it only when no git process uses the repository"
        ),
    }
}

fn owner_text(path: &std::path::Path) -> String {
    let path = path.display();
    match crate::i18n::current() {
        Lang::Sv => format!(
            "git vägrar öppna förrådet {path}: det ägs av en annan användare. Är det en delad arbetsyta, tillåt den för dig själv med `git config --global --add safe.directory {path}`, eller för alla användare på servern (som administratör) med `git config --system --add safe.directory {path}`"
        ),
        Lang::En => format!(
            "git refuses the repository {path}: it is owned by another user. If it is a shared workspace, allow it for yourself with `git config --global --add safe.directory {path}`, or for every user of this server (as administrator) with `git config --system --add safe.directory {path}`"
        ),
    }
}

fn no_identity_text() -> &'static str {
    crate::i18n::current().t(
        "ingen git-identitet: ange den med `git config --global user.name \"Förnamn Efternamn\"` och `git config --global user.email namn@stockholm.se`, eller med --author \"Namn <e-post>\" (eller TERTIAL_AUTHOR)",
        "no git identity: set one with `git config --global user.name \"Förnamn Efternamn\"` and `git config --global user.email namn@stockholm.se`, or pass --author \"Namn <e-post>\" (or TERTIAL_AUTHOR)",
    )
}

fn contended_text(attempts: u32) -> String {
    match crate::i18n::current() {
        Lang::Sv => format!(
            "grenen flyttades {attempts} gånger under sparandet; inget gick förlorat, försök igen"
        ),
        Lang::En => format!(
            "the branch moved {attempts} times while committing; nothing was lost, try again"
        ),
    }
}

impl RepoError {
    /// git's own words for a git failure (without the "git: " the error's
    /// text starts with), else the error's text.
    pub fn git_message(&self) -> String {
        match self {
            RepoError::Git(e) => e.message().to_string(),
            other => other.to_string(),
        }
    }
}

/// The repository's git directory (`.git`).
pub fn git_dir(repo: &git2::Repository) -> &std::path::Path {
    repo.path()
}

/// The repository's working tree, if it has one.
pub fn work_dir(repo: &git2::Repository) -> Option<&std::path::Path> {
    repo.workdir()
}

/// From now on every object read is checked against its hash (for
/// `verify`: the fsck of the objects it touches). For the whole process.
pub fn verify_hashes_on_read() {
    git2::opts::strict_hash_verification(true);
}

/// Opens the repository at `dir` (not searching upwards: a workspace is
/// always named exactly), translating the ownership refusal.
pub fn open(dir: &std::path::Path) -> Result<git2::Repository, RepoError> {
    match git2::Repository::open(dir) {
        Ok(r) => Ok(r),
        Err(e) if e.code() == git2::ErrorCode::Owner => Err(RepoError::Owner {
            path: dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()),
        }),
        Err(e) => Err(e.into()),
    }
}

/// Who commits: a name and an e-mail address, known once per run. The
/// time of a commit is not part of it: each commit (and tag) takes the
/// moment it is made, see [`Identity::now`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub email: String,
}

impl Identity {
    /// An identity git accepts (no `<`, `>` or newline in it), else None.
    pub fn new(name: &str, email: &str) -> Option<Identity> {
        git2::Signature::now(name, email).ok()?;
        Some(Identity {
            name: name.to_string(),
            email: email.to_string(),
        })
    }

    /// The name and e-mail of a signature (its time left behind).
    pub fn of(sig: &git2::Signature<'_>) -> Identity {
        Identity {
            name: String::from_utf8_lossy(sig.name_bytes()).into_owned(),
            email: String::from_utf8_lossy(sig.email_bytes()).into_owned(),
        }
    }

    /// A signature with this moment's time, in the program's zone.
    pub fn now(&self) -> Result<git2::Signature<'static>, git2::Error> {
        self.at(crate::clock::now())
    }

    /// A signature with the time `secs` (since 1970), in the program's zone.
    pub fn at(&self, secs: i64) -> Result<git2::Signature<'static>, git2::Error> {
        let offset = crate::clock::offset_minutes(secs, crate::clock::zone());
        git2::Signature::new(&self.name, &self.email, &git2::Time::new(secs, offset))
    }
}

/// The identity for commits: `override_` ("Name <email>") first, then
/// TERTIAL_AUTHOR, then git config.
pub fn identity(repo: &git2::Repository, override_: Option<&str>) -> Result<Identity, RepoError> {
    let from_env = std::env::var("TERTIAL_AUTHOR").ok();
    if let Some(spec) = override_.or(from_env.as_deref()) {
        return parse_author(spec).ok_or(RepoError::NoIdentity);
    }
    repo.signature()
        .map(|s| Identity::of(&s))
        .map_err(|_| RepoError::NoIdentity)
}

/// The identity git config gives (user.name and user.email), if any.
pub fn config_identity(repo: &git2::Repository) -> Option<Identity> {
    repo.signature().ok().map(|s| Identity::of(&s))
}

/// Sets user.name and user.email in this repository's own config.
pub fn set_local_identity(repo: &git2::Repository, who: &Identity) -> Result<(), RepoError> {
    let mut cfg = repo.config()?.open_level(git2::ConfigLevel::Local)?;
    cfg.set_str("user.name", &who.name)?;
    cfg.set_str("user.email", &who.email)?;
    Ok(())
}

/// Parses "Name <email>".
pub fn parse_author(spec: &str) -> Option<Identity> {
    let (name, rest) = spec.split_once('<')?;
    let email = rest.strip_suffix('>')?.trim();
    let name = name.trim();
    if name.is_empty() || email.is_empty() {
        return None;
    }
    Identity::new(name, email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_set_in_the_repository_is_the_one_config_gives() {
        let (_d, repo) = testutil::empty_repo();
        assert_eq!(config_identity(&repo), None);
        let who = Identity::new("Demo Chef", "demo@example.invalid").unwrap();
        set_local_identity(&repo, &who).unwrap();
        assert_eq!(config_identity(&repo), Some(who));
    }
}

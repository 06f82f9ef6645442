//! Creating a workspace repository.

use super::{DEFAULT_BRANCH, RepoError};
use std::path::Path;

/// Creates a git repository at `dir` whose first branch is `main`, with a
/// reflog even when bare (the audit trail keeps ref history).
pub fn init_repo(dir: &Path) -> Result<git2::Repository, RepoError> {
    let mut opts = git2::RepositoryInitOptions::new();
    opts.initial_head(DEFAULT_BRANCH).mkpath(true);
    let repo = git2::Repository::init_opts(dir, &opts)?;
    repo.config()?.set_bool("core.logAllRefUpdates", true)?;
    Ok(repo)
}

#[cfg(test)]
mod tests {
    use super::super::testutil;

    #[test]
    fn new_repo_has_unborn_main() {
        let (_dir, repo) = testutil::empty_repo();
        let head = repo.find_reference("HEAD").unwrap();
        assert_eq!(head.symbolic_target().unwrap(), Some("refs/heads/main"));
        assert!(
            repo.head().is_err(),
            "main is unborn until the first commit"
        );
    }
}

//! Temporary repositories for tests, with git config sandboxed from the
//! machine's (no ~/.gitconfig or /etc/gitconfig can leak in).

use std::sync::Once;

static SANDBOX: Once = Once::new();

pub fn sandbox_git_config() {
    SANDBOX.call_once(|| {
        let empty =
            std::env::temp_dir().join(format!("tertial-empty-gitconfig-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&empty);
        for level in [
            git2::ConfigLevel::System,
            git2::ConfigLevel::XDG,
            git2::ConfigLevel::Global,
            git2::ConfigLevel::ProgramData,
        ] {
            // Safe: called once, before any repository is opened by the tests.
            #[allow(unsafe_code)]
            unsafe {
                let _ = git2::opts::set_search_path(level, &empty);
            }
        }
    });
}

pub fn sig() -> super::Identity {
    super::Identity::new("Test Chef", "chef@example.invalid").unwrap()
}

/// A new empty repository (unborn `main`) in a temp dir.
pub fn empty_repo() -> (tempfile::TempDir, git2::Repository) {
    sandbox_git_config();
    let dir = tempfile::tempdir().unwrap();
    let repo = super::init_repo(dir.path()).unwrap();
    (dir, repo)
}

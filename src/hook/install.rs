//! `tertial hook install`: writes a bare repository's `hooks/pre-receive`
//! as a two-line script that runs this very program (by its absolute
//! path: a git server's hooks run with a bare PATH), executable by all.

use crate::i18n::Lang;
use std::path::{Path, PathBuf};

/// The first line after the shebang, by which an installed hook is known
/// (and may be written again).
const MARK: &str = "# Written by `tertial hook install`";

/// The hook's script, running `program`.
pub fn script(program: &Path) -> String {
    format!(
        "#!/bin/sh\n{MARK}: every push is judged by tertial's rules.\nexec {} hook pre-receive\n",
        sh_quoted(&program.to_string_lossy())
    )
}

/// `text` in single quotes for sh (a quote inside as '\'').
fn sh_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// Writes `<git_dir>/hooks/pre-receive` running `program`; an existing
/// hook not written by tertial is kept and named unless `force`.
/// Returns the hook's path.
pub fn install(git_dir: &Path, program: &Path, force: bool) -> Result<PathBuf, String> {
    let lang = crate::i18n::current();
    let shown = |p: &Path| crate::sanitize::line(&p.display().to_string()).into_owned();
    let repo = crate::repo::open(git_dir).map_err(|e| format!("{}: {e}", shown(git_dir)))?;
    if crate::repo::work_dir(&repo).is_some() {
        return Err(not_bare_text(lang, &shown(git_dir)));
    }
    let hooks = crate::repo::git_dir(&repo).join("hooks");
    let hook = hooks.join("pre-receive");
    let io =
        |p: &Path, e: std::io::Error| format!("{}: {}", shown(p), crate::oserr::text(&e, lang));
    std::fs::create_dir_all(&hooks).map_err(|e| io(&hooks, e))?;
    if !force
        && let Ok(existing) = std::fs::read_to_string(&hook)
        && !existing.contains(MARK)
    {
        return Err(existing_text(lang, &shown(&hook)));
    }
    // Written beside it and renamed: git never runs half a hook.
    let partial = hooks.join("pre-receive.tertial-new");
    let written = (|| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::write(&partial, script(program))?;
        std::fs::set_permissions(&partial, std::fs::Permissions::from_mode(0o755))?;
        std::fs::rename(&partial, &hook)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(io(&hook, e));
    }
    Ok(hook)
}

fn not_bare_text(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "{dir} är inte ett naket förråd (det har en arbetskatalog); kroken hör hemma i serverns förråd, t.ex. arbetsyta.git"
        ),
        Lang::En => format!(
            "{dir} is not a bare repository (it has a working tree); the hook belongs in the server's repository, e.g. workspace.git"
        ),
    }
}

fn existing_text(lang: Lang, hook: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "{hook} finns redan och är inte skriven av tertial; flytta den (eller kör den från tertials krok) eller ersätt den med --force"
        ),
        Lang::En => format!(
            "{hook} exists and was not written by tertial; move it away (or call it from tertial's hook) or replace it with --force"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_hook_runs_the_program_by_its_absolute_path_and_keeps_a_foreign_hook() {
        crate::repo::testutil::sandbox_git_config();
        let dir = tempfile::tempdir().unwrap();
        let bare = dir.path().join("ws.git");
        let made = std::process::Command::new("git")
            .args(["init", "-q", "--bare"])
            .arg(&bare)
            .status()
            .unwrap();
        assert!(made.success());
        let program = Path::new("/opt/it's here/tertial");
        let hook = install(&bare, program, false).unwrap();
        assert_eq!(hook, bare.join("hooks/pre-receive"));
        let text = std::fs::read_to_string(&hook).unwrap();
        assert!(text.starts_with("#!/bin/sh\n"), "{text}");
        assert!(
            text.contains("exec '/opt/it'\\''s here/tertial' hook pre-receive"),
            "{text}"
        );
        let mode = std::fs::metadata(&hook).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o755);
        // Written again over its own script.
        install(&bare, Path::new("/usr/bin/tertial"), false).unwrap();
        assert!(
            std::fs::read_to_string(&hook)
                .unwrap()
                .contains("'/usr/bin/tertial'")
        );

        std::fs::write(&hook, "#!/bin/sh\nexit 0\n").unwrap();
        let err = install(&bare, program, false).unwrap_err();
        assert!(
            err.contains("pre-receive") && err.contains("--force"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&hook).unwrap(),
            "#!/bin/sh\nexit 0\n"
        );
        install(&bare, program, true).unwrap();
        assert!(std::fs::read_to_string(&hook).unwrap().contains(MARK));

        // A workspace with a working tree is not the server's repository.
        let ws = dir.path().join("ws");
        crate::repo::init_repo(&ws).unwrap();
        assert!(install(&ws, program, false).is_err());
        assert!(!ws.join(".git/hooks/pre-receive").exists());
    }
}

//! Word lists: words a dictionary does not know but a unit writes. The
//! workspace's list (`ordlista.txt` at the workspace root, committed and
//! so shared by every chief who syncs) and the user's own
//! (`words.txt` in tertial's config folder). One word a line; `#` starts
//! a comment.

use crate::repo::{self, FileChange, RepoError};
use std::path::{Path, PathBuf};

/// The workspace's word list, at the root of the repository.
pub const WORKSPACE_FILE: &str = "ordlista.txt";

/// The user's word list, in tertial's config folder.
pub const USER_FILE: &str = "words.txt";

/// The trailer that marks a commit of the workspace's word list.
pub const TRAILER: &str = "Word-List";

/// A word list's file is read only up to this size.
const MAX_BYTES: usize = 4 * 1024 * 1024;

/// The words of a word list's text.
pub fn parse(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// `text` with `word` on a line of its own at the end (unchanged when
/// the word is there already).
pub fn with_word(text: &str, word: &str) -> String {
    if parse(text).iter().any(|w| w == word) {
        return text.to_string();
    }
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(word);
    out.push('\n');
    out
}

/// Both lists in one: `ours` as it is, then the words of `theirs` it
/// lacks (two chiefs adding words at once lose none).
pub fn merge(ours: &str, theirs: &str) -> String {
    parse(theirs)
        .iter()
        .fold(ours.to_string(), |text, w| with_word(&text, w))
}

/// Whether `word` may go into a list: one word, no spaces or controls.
pub fn valid(word: &str) -> bool {
    !word.is_empty()
        && word.chars().count() <= 64
        && !word
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '#')
}

/// The user's word list's path.
pub fn user_path() -> Option<PathBuf> {
    crate::keymap::config_dir().map(|d| d.join(USER_FILE))
}

/// The words of the list at `path` (none when it is absent or unreadable).
pub fn read_list(path: &Path) -> Vec<String> {
    crate::user_files::read_bounded(path, MAX_BYTES)
        .map(|b| parse(&String::from_utf8_lossy(&b)))
        .unwrap_or_default()
}

/// The workspace's words as committed at the branch tip (none when the
/// list is larger than a word list can sensibly be).
pub fn workspace_words(repository: &repo::Repository, branch: &str) -> Vec<String> {
    repo::read::small_file_at_tip(repository, branch, WORKSPACE_FILE, MAX_BYTES)
        .ok()
        .flatten()
        .map(|b| parse(&String::from_utf8_lossy(&b)))
        .unwrap_or_default()
}

/// Adds `word` to the user's own list.
pub fn add_to_user_list(word: &str) -> anyhow::Result<PathBuf> {
    let path = user_path().ok_or_else(|| anyhow::anyhow!("no HOME or XDG_CONFIG_HOME"))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let old = crate::user_files::read_bounded(&path, MAX_BYTES)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    crate::user_files::write_file(&path, with_word(&old, word).as_bytes())?;
    Ok(path)
}

/// The message of a commit adding `word` to the workspace's list.
pub fn message(word: &str) -> String {
    let shown = crate::sanitize::line(word);
    format!(
        "Ordlista: «{shown}» tillagt\n\n{TRAILER}: add\nTool-Version: {}\n",
        crate::followup::commit::TOOL_VERSION
    )
}

/// Whether a commit's message marks it as a word-list commit.
pub fn is_word_list_commit(message: &str) -> bool {
    let t = crate::history::trailers::parse(message);
    t.get(TRAILER).is_some() && t.get("Tool-Version").is_some()
}

/// Commits the workspace's list with `word` added on `branch`, by `who`
/// (signed where git config signs); anyone on the roster who may write a
/// unit may. A list changed meanwhile by another chief is read again; a
/// word listed already makes no commit (the tip is returned).
pub fn commit_word(
    repository: &repo::Repository,
    branch: &str,
    word: &str,
    who: &repo::Identity,
) -> Result<repo::Oid, RepoError> {
    if !valid(word) {
        return Err(RepoError::Refused(format!("{word:?}")));
    }
    crate::history::verify::check_branch(repository, branch)?;
    if let Some(roster) =
        crate::roster::at_tip(repository, branch).map_err(|e| RepoError::Refused(e.to_string()))?
    {
        let person = crate::roster::access::whom(&roster, repository, who);
        if !person.is_some_and(|p| roster.may_write_word_list(&p.id)) {
            let you = crate::sanitize::line(&format!("{} <{}>", who.name, who.email)).into_owned();
            return Err(RepoError::Refused(crate::i18n::current().pick(
                format!(
                    "{you} skriver ingen enhet i roster.toml och får inte ändra {WORKSPACE_FILE}"
                ),
                format!("{you} writes no unit in roster.toml and may not change {WORKSPACE_FILE}"),
            )));
        }
    }
    let signer = repo::sign::Signer::from_config(repository)?;
    let mut sign = |buffer: &str| match &signer {
        Some(s) => s.sign(buffer).map(Some),
        None => Ok(None),
    };
    let mut last = Err(RepoError::Refused(String::new()));
    for _ in 0..5 {
        let old = repo::read::file_at_tip(repository, branch, WORKSPACE_FILE)?.unwrap_or_default();
        let text = with_word(&String::from_utf8_lossy(&old), word);
        if text.as_bytes() == old.as_slice()
            && let Some(tip) = repo::read::tip(repository, branch)?
        {
            // Listed already: nothing to commit.
            return Ok(tip);
        }
        // The list must be the one read: a word another chief added
        // meanwhile is kept by reading it again.
        let check = |tip: &repo::commit::TipFiles<'_>| -> Result<(), String> {
            if tip.file(WORKSPACE_FILE).unwrap_or_default() == old {
                Ok(())
            } else {
                Err("moved".into())
            }
        };
        let mut hooks = repo::commit::Hooks {
            check: Some(&check),
            sign: Some(&mut sign),
        };
        last = repo::commit::commit_files_with(
            repository,
            branch,
            &[FileChange::put(WORKSPACE_FILE, text.into_bytes())],
            &message(word),
            who,
            &mut hooks,
        );
        match &last {
            Err(RepoError::Refused(why)) if why == "moved" => continue,
            _ => break,
        }
    }
    let oid = last?;
    crate::history::verify::advance_anchor(repository, oid);
    Ok(oid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_words_a_line_with_comments() {
        assert_eq!(
            parse("# Enhetens ord\nSpråkkaffe\n  Hemtjänstappen  # appen\n\n"),
            ["Språkkaffe", "Hemtjänstappen"]
        );
    }

    #[test]
    fn adding_keeps_the_list_and_adds_once() {
        assert_eq!(with_word("a\nb", "c"), "a\nb\nc\n");
        assert_eq!(with_word("a\nc\n", "c"), "a\nc\n");
        assert_eq!(with_word("", "c"), "c\n");
    }

    #[test]
    fn merging_keeps_both_sides_words() {
        assert_eq!(merge("a\nb\n", "a\nc\n"), "a\nb\nc\n");
    }

    #[test]
    fn only_single_words_are_listed() {
        assert!(valid("Språkkaffe"));
        assert!(!valid("två ord"));
        assert!(!valid("a#b"));
        assert!(!valid(""));
        assert!(!valid("x\u{1b}[2J"));
    }

    #[test]
    fn the_commit_message_carries_the_trailer() {
        let m = message("Språkkaffe");
        assert!(m.starts_with("Ordlista: «Språkkaffe» tillagt"));
        assert!(is_word_list_commit(&m));
        assert!(!is_word_list_commit("Something\n\nTool-Version: 1\n"));
    }
}

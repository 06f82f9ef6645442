//! The reference updates of a push (githooks(5): one "<old> <new> <ref>"
//! line each on the pre-receive hook's standard input), which of them hold
//! published history, and the moves that would rewrite it: `main` and
//! `refs/tertial/*` only ever go forward, klar tags never move, and none
//! of them is deleted.

use crate::repo::{self, Oid, Repository};

/// The branch of follow-ups, as a full reference name.
pub const MAIN: &str = "refs/heads/main";
/// The anchor and tertial's other marks.
const TERTIAL_REFS: &str = "refs/tertial/";

/// One reference a push would move. `None` is git's all-zero id: the
/// reference is created (old) or deleted (new).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub old: Option<Oid>,
    pub new: Option<Oid>,
    pub name: String,
}

/// A line of the hook's input that is not "<old> <new> <ref>".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub text: String,
}

/// The updates of the hook's input, in order.
pub fn parse(input: &str) -> Result<Vec<Update>, BadLine> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = || BadLine {
            line: i + 1,
            text: crate::sanitize::line(line).into_owned(),
        };
        let mut fields = line.split(' ');
        let (Some(old), Some(new), Some(name), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(bad());
        };
        let id = |hex: &str| -> Result<Option<Oid>, BadLine> {
            if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(bad());
            }
            if hex.bytes().all(|b| b == b'0') {
                return Ok(None);
            }
            hex.parse().map(Some).map_err(|_| bad())
        };
        if name.is_empty() {
            return Err(bad());
        }
        out.push(Update {
            old: id(old)?,
            new: id(new)?,
            name: name.to_string(),
        });
    }
    Ok(out)
}

/// Whether the reference `name` holds published history.
pub fn is_published(name: &str) -> bool {
    name == MAIN
        || name.starts_with(TERTIAL_REFS)
        || name.starts_with(crate::history::verify::KLAR_TAGS)
}

/// A move of published history that the server refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rewrite {
    /// The reference would be deleted.
    Deleted,
    /// The new commit does not contain the old one.
    NotForward { old: Oid, new: Oid },
    /// A klar tag would point elsewhere.
    TagMoved,
}

/// How `update` would rewrite published history, if it would.
pub fn rewrite(repo: &Repository, update: &Update) -> Option<Rewrite> {
    if !is_published(&update.name) {
        return None;
    }
    let (Some(old), new) = (update.old, update.new) else {
        // Created: nothing published is lost.
        return None;
    };
    let Some(new) = new else {
        return Some(Rewrite::Deleted);
    };
    if old == new {
        return None;
    }
    if update.name.starts_with(crate::history::verify::KLAR_TAGS) {
        return Some(Rewrite::TagMoved);
    }
    (!repo::log::descends_from(repo, new, old)).then_some(Rewrite::NotForward { old, new })
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "1111111111111111111111111111111111111111";
    const B: &str = "2222222222222222222222222222222222222222";
    const Z: &str = "0000000000000000000000000000000000000000";

    #[test]
    fn the_hooks_input_is_read_line_by_line() {
        let input = format!(
            "{Z} {A} refs/heads/main\n{A} {Z} refs/tags/x\n\n{A} {B} refs/tertial/anchor\n"
        );
        let u = parse(&input).unwrap();
        assert_eq!(u.len(), 3);
        assert_eq!(u[0].old, None);
        assert_eq!(u[0].new, Some(A.parse().unwrap()));
        assert_eq!(u[1].new, None);
        assert_eq!(u[2].name, "refs/tertial/anchor");
        let err = parse(&format!("{A} {B} refs/heads/main\n{A} zz refs/x\n")).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(parse(&format!("{A} {B}")).is_err());
        assert!(parse(&format!("{A} {B} a b")).is_err());
        let err = parse(&format!("{A} {B}\u{1b}[2J x")).unwrap_err();
        assert!(!err.text.contains('\u{1b}'));
    }

    #[test]
    fn published_references_are_main_tertials_marks_and_klar_tags() {
        assert!(is_published("refs/heads/main"));
        assert!(is_published("refs/tertial/anchor"));
        assert!(is_published("refs/tags/tertial/2026-T1/x/abc"));
        assert!(!is_published("refs/heads/main2"));
        assert!(!is_published("refs/heads/feature"));
        assert!(!is_published("refs/tags/v1"));
    }

    #[test]
    fn published_history_only_goes_forward() {
        use crate::repo::{FileChange, commit_files};
        crate::repo::testutil::sandbox_git_config();
        let dir = tempfile::tempdir().unwrap();
        let repo = crate::repo::init_repo(dir.path()).unwrap();
        let who = crate::repo::testutil::sig();
        let a = commit_files(&repo, "main", &[FileChange::put("a", "1")], "a", &who).unwrap();
        let b = commit_files(&repo, "main", &[FileChange::put("b", "2")], "b", &who).unwrap();
        let side = commit_files(&repo, "side", &[FileChange::put("c", "3")], "c", &who).unwrap();
        let up = |old, new, name: &str| Update {
            old,
            new,
            name: name.into(),
        };
        assert_eq!(rewrite(&repo, &up(Some(a), Some(b), MAIN)), None);
        assert_eq!(
            rewrite(&repo, &up(Some(b), Some(a), MAIN)),
            Some(Rewrite::NotForward { old: b, new: a })
        );
        assert!(rewrite(&repo, &up(Some(b), Some(side), MAIN)).is_some());
        assert_eq!(
            rewrite(&repo, &up(Some(b), None, MAIN)),
            Some(Rewrite::Deleted)
        );
        assert_eq!(rewrite(&repo, &up(None, Some(a), MAIN)), None);
        assert_eq!(
            rewrite(&repo, &up(Some(b), Some(a), "refs/heads/side")),
            None
        );
        assert_eq!(
            rewrite(&repo, &up(Some(a), None, "refs/tertial/anchor")),
            Some(Rewrite::Deleted)
        );
        // A klar tag stays where it was made, even when moved forward.
        assert_eq!(
            rewrite(
                &repo,
                &up(Some(a), Some(b), "refs/tags/tertial/2026-T1/u/x")
            ),
            Some(Rewrite::TagMoved)
        );
        assert_eq!(
            rewrite(
                &repo,
                &up(Some(a), Some(a), "refs/tags/tertial/2026-T1/u/x")
            ),
            None
        );
    }
}

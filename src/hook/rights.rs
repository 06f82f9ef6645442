//! Who may push what: every file a pushed commit changes, against the
//! roster as it was at the commit's parent (a roster changed in the same
//! push rules only the commits after it). A unit's follow-ups are its
//! writers' alone; its review its area chiefs'; its plan is also open
//! to those who may change the roster; the word list (`ordlista.txt`) to
//! anyone who writes a unit; `roster.toml`, `tertial.toml` and everything
//! else are theirs.
//! A commit from before the workspace had a roster (pushed when the push
//! creates the workspace on the server) is judged by the pushed tip's.

use super::pusher::{Claim, Pusher};
use super::text;
use crate::i18n::Lang;
use crate::repo::{self, Oid, Repository};
use crate::roster::{self, Person, Roster};

/// What a changed path is, for the rights it needs.
#[derive(Debug, PartialEq, Eq)]
enum Owner<'a> {
    /// A unit's follow-up.
    FollowUp(&'a str),
    /// A unit's plan.
    Plan(&'a str),
    /// The workspace's word list: every unit's chiefs add to it.
    WordList,
    /// A unit's review (its area chiefs').
    Review(&'a str),
    /// The roster, the workspace's settings, anything else.
    Workspace,
}

fn owner(path: &str) -> Owner<'_> {
    if path == crate::spell::words::WORKSPACE_FILE {
        return Owner::WordList;
    }
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        [dir, _, file] => match file.strip_suffix(".toml") {
            Some(unit) if !unit.is_empty() && *dir == crate::workspace::FOLLOWUPS_DIR => {
                Owner::FollowUp(unit)
            }
            Some(unit) if !unit.is_empty() && *dir == crate::workspace::PLANS_DIR => {
                Owner::Plan(unit)
            }
            Some(unit) if !unit.is_empty() && *dir == crate::review::REVIEWS_DIR => {
                Owner::Review(unit)
            }
            _ => Owner::Workspace,
        },
        _ => Owner::Workspace,
    }
}

/// The person the server's names for the pusher point to.
fn person<'r>(roster: &'r Roster, pusher: &Pusher) -> Option<&'r Person> {
    pusher.claims.iter().find_map(|c| match c {
        Claim::Id(id) => roster.person_by_id(id),
        Claim::Email(email) => roster.person_by_email(email),
    })
}

/// Why `pusher` may not push `commits` (oldest first) ending at `tip`,
/// each reason once.
pub(super) fn refusals(
    repo: &Repository,
    commits: &[Oid],
    tip: Oid,
    pusher: &Pusher,
    lang: Lang,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut say = |why: String| {
        if !out.contains(&why) {
            out.push(why);
        }
    };
    for &commit in commits {
        let short = commit.to_string()[..10].to_string();
        let parent = match repo::pushed::first_parent(repo, commit) {
            Ok(parent) => parent,
            Err(e) => {
                say(text::cannot_read(
                    lang,
                    &format!("{short}: {}", e.git_message()),
                ));
                continue;
            }
        };
        let at_parent = match parent {
            Some(p) => roster::at_commit(repo, p),
            None => Ok(None),
        };
        let roster = match at_parent.and_then(|r| match r {
            Some(r) => Ok(Some(r)),
            None => roster::at_commit(repo, tip),
        }) {
            Ok(Some(r)) => r,
            Ok(None) => {
                say(text::no_roster(lang));
                continue;
            }
            Err(e) => {
                say(text::bad_roster(
                    lang,
                    &crate::sanitize::line(&e.to_string()),
                ));
                continue;
            }
        };
        let Some(who) = person(&roster, pusher) else {
            say(text::unknown_pusher(lang, &pusher.shown(), pusher.source));
            continue;
        };
        let paths = match repo::diff::changed_by(repo, commit, None) {
            Ok(p) => p,
            Err(e) => {
                say(text::cannot_read(
                    lang,
                    &format!("{short}: {}", e.git_message()),
                ));
                continue;
            }
        };
        let pusher_shown = Roster::describe(&[who]);
        for path in &paths {
            let shown_path = crate::sanitize::line(path);
            match owner(path) {
                Owner::FollowUp(unit) | Owner::Plan(unit) => {
                    let plan = matches!(owner(path), Owner::Plan(_));
                    let allowed = roster.may_write(unit, &who.id)
                        || (plan && roster.may_change_roster(&who.id));
                    if !allowed {
                        let writers = Roster::describe(&roster.writers(unit));
                        say(text::may_not_write(
                            lang,
                            &pusher_shown,
                            &crate::sanitize::line(unit),
                            &shown_path,
                            &writers,
                        ));
                    }
                }
                Owner::WordList => {
                    if !roster.may_write_word_list(&who.id) {
                        let admins = Roster::describe(&roster.roster_admin_people());
                        say(text::may_not_change(
                            lang,
                            &pusher_shown,
                            &shown_path,
                            &admins,
                        ));
                    }
                }
                Owner::Review(unit) => {
                    if !roster.may_review(unit, &who.id) {
                        let reviewers: Vec<&Person> = roster
                            .people
                            .iter()
                            .filter(|p| roster.may_review(unit, &p.id))
                            .collect();
                        say(text::may_not_review(
                            lang,
                            &pusher_shown,
                            &crate::sanitize::line(unit),
                            &shown_path,
                            &Roster::describe(&reviewers),
                        ));
                    }
                }
                Owner::Workspace => {
                    if !roster.may_change_roster(&who.id) {
                        let admins = Roster::describe(&roster.roster_admin_people());
                        say(text::may_not_change(
                            lang,
                            &pusher_shown,
                            &shown_path,
                            &admins,
                        ));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_belongs_to_its_unit_or_to_the_workspace() {
        assert_eq!(
            owner("followups/2026-T1/hagerstens-hemtjanst.toml"),
            Owner::FollowUp("hagerstens-hemtjanst")
        );
        assert_eq!(
            owner("plans/2026/hagerstens-hemtjanst.toml"),
            Owner::Plan("hagerstens-hemtjanst")
        );
        assert_eq!(owner("roster.toml"), Owner::Workspace);
        assert_eq!(owner("tertial.toml"), Owner::Workspace);
        assert_eq!(owner("followups/2026-T1/x/y.toml"), Owner::Workspace);
        assert_eq!(owner("followups/2026-T1/.toml"), Owner::Workspace);
        assert_eq!(owner("README.md"), Owner::Workspace);
        assert_eq!(owner("ordlista.txt"), Owner::WordList);
        assert_eq!(owner("plans/ordlista.txt"), Owner::Workspace);
    }
}

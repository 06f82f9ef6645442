//! The rules `verify` (and a server's pre-receive hook) apply to each
//! commit, whatever its trailers say: the status flow of every follow-up
//! file it changes, the unit and period inside the file against its path,
//! the author against the unit's roster and a change of the roster
//! against who may make it (both by the roster as it was at the commit's
//! parent), and, where required, a good signature by a key the roster
//! gives that author. Review files have their own rules (`review_rules`).

use super::trailers;
use super::verify::{Finding, Signature, short};
use crate::followup::{self, Status};
use crate::repo::{self, Oid, RepoError, Repository};
use crate::roster::{self, Roster, RosterError};

/// How strict the rules are.
#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    /// An unsigned, unknown-key or expired signature on a follow-up or
    /// roster commit is a finding (a bad one always is).
    pub require_signed: bool,
    /// A remote to ask for its copy of the branch (`git ls-remote`): a
    /// witness a rewrite of the local refs cannot move.
    pub remote: Option<String>,
}

/// What the rules found in one commit.
#[derive(Debug, Default)]
pub struct Judged {
    pub findings: Vec<Finding>,
    /// Whether it changes anything under `followups/`.
    pub followup: bool,
    /// Whether it changes anything under `reviews/` (or claims to).
    pub review: bool,
    /// Whether it changes `roster.toml`.
    pub roster_change: bool,
    /// The signature judged by the parent's roster; None where there is
    /// no roster (then git's own judgement applies) or nothing to judge.
    pub signature: Option<Signature>,
    /// Whether the parent had a roster.
    pub roster_checked: bool,
}

/// Who has written each follow-up file so far in a walk, oldest commit
/// first: the roster id (else the e-mail) of every author of a commit
/// that changed what it says; a reopen, which changes only its status,
/// writes nothing. Nobody approves a text they wrote.
#[derive(Debug, Default)]
pub struct Writers {
    by_path: std::collections::HashMap<String, std::collections::HashSet<String>>,
}

impl Writers {
    fn add(&mut self, path: &str, who: String) {
        self.by_path
            .entry(path.to_string())
            .or_default()
            .insert(who);
    }

    /// Whether the person `id` (a roster id, or an e-mail) changed the
    /// text of the follow-up at `path`.
    pub fn wrote(&self, path: &str, id: &str) -> bool {
        self.by_path
            .get(path)
            .is_some_and(|w| w.contains(id) || w.contains(&id.to_lowercase()))
    }
}

/// The findings of the commits in `old..new` (all of `new`'s history when
/// `old` is None), each judged by the roster at its own parent. The
/// history outside the range is not looked at.
pub fn check_range(
    repo: &Repository,
    old: Option<Oid>,
    new: Oid,
    opts: &VerifyOptions,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let commits = match old {
        Some(o) if o != new => repo::log::commits_between(repo, o, new),
        Some(_) => Ok(Vec::new()),
        None => {
            let mut all = Vec::new();
            let walked = repo::log::each_commit(repo, new, |c| match c {
                Ok(c) => all.push(c),
                Err(e) => findings.push(Finding::Corrupt {
                    what: e.git_message(),
                }),
            });
            walked.map(|_| all)
        }
    };
    let commits = match commits {
        Ok(c) => c,
        Err(e) => {
            findings.push(Finding::Corrupt {
                what: e.git_message(),
            });
            return findings;
        }
    };
    let mut unjudged = Vec::new();
    let mut rosters = roster::Cache::default();
    // Only the pushed commits' writers are known here; `verify` knows
    // every writer of the history.
    let mut writers = Writers::default();
    for c in commits {
        match judge(repo, c, opts, &mut rosters, &mut writers) {
            Ok(j) => {
                findings.extend(j.findings);
                if let Some(s) = j.signature {
                    findings.extend(signature_finding(c, s, opts));
                } else if j.followup {
                    unjudged.push(c);
                }
            }
            Err(e) => findings.push(Finding::Corrupt {
                what: format!("{}: {}", short(c), e.git_message()),
            }),
        }
    }
    for (c, s) in super::verify::git_signatures(repo::git_dir(repo), &unjudged) {
        findings.extend(signature_finding(c, s, opts));
    }
    findings
}

/// The finding a signature status makes, if any.
pub fn signature_finding(commit: Oid, status: Signature, opts: &VerifyOptions) -> Option<Finding> {
    let finding = match status {
        Signature::Bad => true,
        Signature::Good => false,
        _ => opts.require_signed,
    };
    finding.then(|| Finding::Signature {
        commit: short(commit),
        status,
    })
}

/// `followups/<period>/<unit>.toml` → (period, unit).
fn followup_path(path: &str) -> Option<(&str, &str)> {
    let rest = path
        .strip_prefix(crate::workspace::FOLLOWUPS_DIR)?
        .strip_prefix('/')?;
    let (period, file) = rest.split_once('/')?;
    let unit = file.strip_suffix(".toml")?;
    (!unit.contains('/')).then_some((period, unit))
}

fn who(author: &repo::Identity) -> String {
    format!("{} <{}>", author.name, author.email)
}

fn people(list: Vec<&roster::Person>) -> String {
    Roster::describe(&list)
}

/// Judges one commit by every rule.
pub fn judge(
    repo: &Repository,
    oid: Oid,
    opts: &VerifyOptions,
    rosters: &mut roster::Cache,
    writers: &mut Writers,
) -> Result<Judged, RepoError> {
    let mut j = Judged::default();
    let parent = repo::log::first_parent(repo, oid)?;
    let roster = match parent {
        None => None,
        Some(p) => match rosters.at_commit(repo, p) {
            Ok(r) => r,
            Err(RosterError::Repo(e)) => return Err(e),
            // A broken roster was reported where it was committed; the
            // commits after it are judged as if nobody may write.
            Err(RosterError::Invalid(_)) => Some(std::rc::Rc::new(Roster::nobody())),
        },
    };
    j.roster_checked = roster.is_some();
    let author = repo::log::author(repo, oid)?;
    let person = roster
        .as_ref()
        .and_then(|r| r.person_by_email(&author.email));
    let t = trailers::parse(&repo::log::message(repo, oid)?);
    let under = format!("{}/", crate::workspace::FOLLOWUPS_DIR);
    let changed = repo::diff::changed_against_parents(repo, oid, Some(&under))?;
    j.followup = !changed.is_empty();
    for path in &changed {
        let Some((period, unit)) = followup_path(path) else {
            continue;
        };
        let new = repo::read::try_file_at(repo, oid, path)?;
        let old = match parent {
            Some(p) => repo::read::try_file_at(repo, p, path)?,
            None => None,
        };
        let new_f = new.as_deref().and_then(followup::load::parse_unchecked);
        let old_f = old.as_deref().and_then(followup::load::parse_unchecked);
        let old_status = old_f.as_ref().map(|f| f.status);
        if new.is_some() && new_f.is_none() {
            j.findings.push(Finding::Unreadable {
                commit: short(oid),
                path: path.clone(),
            });
        }
        if let Some(f) = &new_f
            && (f.unit != unit || f.period.to_string() != period)
        {
            j.findings.push(Finding::PathMismatch {
                commit: short(oid),
                path: path.clone(),
                unit: f.unit.clone(),
                period: f.period.to_string(),
            });
        }
        let new_status = new_f.as_ref().map(|f| f.status);
        let reopening = old_status == Some(Status::Done) && new_status == Some(Status::Reopened);
        let old_blob = old
            .as_deref()
            .and_then(repo::blob::hash)
            .map(|o| o.to_string())
            .unwrap_or_default();
        let reopen_only =
            matches!((&old_f, &new_f), (Some(o), Some(n)) if n.is_reopen_of(o, &old_blob));
        if reopening && !reopen_only {
            // A reopen (the chief's, or a reviewer's return) says why the
            // klar text is opened; it never changes the text itself.
            j.findings.push(Finding::ReopenChangedText {
                commit: short(oid),
                path: path.clone(),
            });
        }
        let said_before = old_f.as_ref().map_or("", |o| o.reopened_from.as_str());
        if !reopening
            && new_f
                .as_ref()
                .is_some_and(|n| n.reopened_from != said_before)
        {
            // Which klar version was reopened is the reopen's to say.
            j.findings.push(Finding::ReopenedFromChanged {
                commit: short(oid),
                path: path.clone(),
            });
        }
        if !reopen_only {
            writers.add(
                path,
                person.map_or_else(|| author.email.trim().to_lowercase(), |p| p.id.clone()),
            );
        }
        match (old_status, new_status) {
            (Some(Status::Done), Some(Status::Reopened))
                if t.get("Reopen-Reason").is_none_or(|r| r.trim().is_empty()) =>
            {
                j.findings.push(Finding::ReopenWithoutReason {
                    commit: short(oid),
                    path: path.clone(),
                });
            }
            (Some(Status::Done), Some(Status::Reopened)) => {}
            (Some(Status::Done), _) => j.findings.push(Finding::KlarChanged {
                commit: short(oid),
                path: path.clone(),
            }),
            (_, Some(Status::Reopened)) => j.findings.push(Finding::ReopenedNotKlar {
                commit: short(oid),
                path: path.clone(),
            }),
            _ => {}
        }
        let Some(r) = &roster else { continue };
        let id = person.map(|p| p.id.as_str());
        if reopening {
            if !id.is_some_and(|id| r.may_reopen(unit, id)) {
                let allowed: Vec<&roster::Person> = r
                    .people
                    .iter()
                    .filter(|p| r.may_reopen(unit, &p.id))
                    .collect();
                j.findings.push(Finding::ReopenNotAllowed {
                    commit: short(oid),
                    unit: unit.to_string(),
                    author: who(&author),
                    allowed: people(allowed),
                });
            }
        } else if !id.is_some_and(|id| r.may_write(unit, id)) {
            j.findings.push(Finding::NotOnRoster {
                commit: short(oid),
                unit: unit.to_string(),
                author: who(&author),
                writers: people(r.writers(unit)),
            });
        }
    }
    if let Some(found) =
        super::review_rules::judge(repo, oid, parent, roster.as_deref(), &author, &t, writers)?
    {
        j.review = true;
        j.findings.extend(found);
    }
    let all = repo::diff::changed_against_parents(repo, oid, None)?;
    if let Some(r) = &roster
        && all.iter().any(|p| p == crate::spell::words::WORKSPACE_FILE)
        && !person.is_some_and(|p| r.may_write_word_list(&p.id))
    {
        j.findings.push(Finding::WordListChange {
            commit: short(oid),
            author: who(&author),
        });
    }
    j.roster_change = all.iter().any(|p| p == roster::ROSTER_FILE);
    if j.roster_change {
        if let Some(r) = &roster
            && !person.is_some_and(|p| r.may_change_roster(&p.id))
        {
            j.findings.push(Finding::RosterChange {
                commit: short(oid),
                author: who(&author),
                allowed: people(r.roster_admin_people()),
            });
        }
        match rosters.at_commit(repo, oid) {
            Err(RosterError::Invalid(d)) => j.findings.push(Finding::RosterInvalid {
                commit: short(oid),
                what: d
                    .first()
                    .map(|d| format!("{}:{}:{}: {}", d.file, d.line, d.col, d.message))
                    .unwrap_or_default(),
            }),
            Err(RosterError::Repo(e)) => return Err(e),
            Ok(_) => {}
        }
    }
    if let Some(r) = &roster
        && (j.followup || j.review || j.roster_change)
    {
        let sig = repo::signed::commit_signature(repo, oid)?;
        let openpgp: Vec<String> = person
            .map(|p| {
                p.keys
                    .iter()
                    .filter_map(|k| match k {
                        roster::SigningKey::OpenPgp(f) => Some(f.clone()),
                        roster::SigningKey::Ssh(_) => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let status =
            repo::signed::check(sig.as_ref(), &author.email, &r.allowed_signers(), &openpgp);
        j.signature = Some(match status {
            repo::signed::Check::Good => Signature::Good,
            repo::signed::Check::Bad => Signature::Bad,
            repo::signed::Check::UnknownKey => Signature::UnknownKey,
            repo::signed::Check::Unsigned => Signature::Unsigned,
        });
    }
    let _ = opts;
    Ok(j)
}

//! `tertial verify`: walks the whole history and names everything an
//! auditor should know: follow-up files changed by commits tertial did not
//! make or outside their own unit and period, commits whose trailers
//! contradict their content, history rewritten under a recorded anchor,
//! objects that fail their hash, and every follow-up commit's signature.
//! The rules for each commit (status flow, roster, signatures by the
//! roster's keys) are `rules`', the witnesses of a rewrite (the anchor,
//! klar tags, the remote) `witness`'; this walks the branch and its
//! objects and gathers the report.

pub use super::rules::{VerifyOptions, check_range};
use super::trailers;
pub use super::witness::check_branch;
use super::witness::{check_anchors, check_klar_tags, check_remote};
use crate::followup;
use crate::repo::{self, Oid, RepoError, Repository};
use std::collections::BTreeMap;
use std::path::Path;

/// Where tertial records the last commit it made on the branch; a rewrite
/// of the branch leaves it behind, which `verify` reports.
pub const ANCHOR_REF: &str = "refs/tertial/anchor";
/// Tags set when a follow-up is committed as klar.
pub const KLAR_TAGS: &str = "refs/tags/tertial/";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    NotByTertial {
        commit: String,
        path: String,
    },
    OutsideOwn {
        commit: String,
        path: String,
        unit: String,
        period: String,
    },
    Contradiction {
        commit: String,
        what: String,
    },
    Rewritten {
        anchor: String,
        commit: String,
    },
    Corrupt {
        what: String,
    },
    Signature {
        commit: String,
        status: Signature,
    },
    /// The author may not write the unit (by the roster at the parent).
    NotOnRoster {
        commit: String,
        unit: String,
        author: String,
        /// Who may, "Name <e-mail>, …".
        writers: String,
    },
    ReopenNotAllowed {
        commit: String,
        unit: String,
        author: String,
        allowed: String,
    },
    /// A klar follow-up changed (or removed) without reopening it.
    KlarChanged {
        commit: String,
        path: String,
    },
    ReopenWithoutReason {
        commit: String,
        path: String,
    },
    /// `reopened_from` changed by a commit that is no reopen.
    ReopenedFromChanged {
        commit: String,
        path: String,
    },
    /// A reopen that also changed the klar text (a reopen changes only
    /// the status; edits come in later commits).
    ReopenChangedText {
        commit: String,
        path: String,
    },
    /// Status återöppnad where the follow-up was not klar.
    ReopenedNotKlar {
        commit: String,
        path: String,
    },
    /// The unit or period inside the file are not its path's.
    PathMismatch {
        commit: String,
        path: String,
        unit: String,
        period: String,
    },
    Unreadable {
        commit: String,
        path: String,
    },
    /// roster.toml changed by someone the parent's roster does not allow.
    RosterChange {
        commit: String,
        author: String,
        allowed: String,
    },
    /// The workspace's word list changed by someone the roster does not
    /// let write it (a unit's or an area's chief, or a roster admin).
    WordListChange {
        commit: String,
        author: String,
    },
    RosterInvalid {
        commit: String,
        what: String,
    },
    /// The branch is gone while tertial's anchor says it existed.
    BranchMissing {
        branch: String,
    },
    /// The remote's branch has commits the local branch lacks.
    BehindRemote {
        remote: String,
        commit: String,
    },
    /// The remote named with --remote could not be asked.
    RemoteUnread {
        remote: String,
        why: String,
    },
    /// A klar tag whose signature does not hold.
    TagSignature {
        tag: String,
        status: Signature,
    },
    /// A review file changed against the review rules.
    Review {
        commit: String,
        what: super::review_rules::ReviewFinding,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Signature {
    Good,
    Bad,
    UnknownKey,
    Expired,
    Unsigned,
}

impl Signature {
    /// git's `%G?` letter.
    fn from_git(c: &str) -> Signature {
        match c {
            "G" => Signature::Good,
            "B" => Signature::Bad,
            "X" | "Y" | "R" => Signature::Expired,
            "U" | "E" => Signature::UnknownKey,
            _ => Signature::Unsigned,
        }
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub commits: usize,
    pub followup_commits: usize,
    pub signatures: BTreeMap<Signature, usize>,
    /// Whether the branch has a roster (else authorship is not checked).
    pub roster: bool,
    /// Objects read and checked against their hash.
    pub objects: usize,
}

pub(super) fn short(oid: Oid) -> String {
    oid.to_string()[..10].to_string()
}

/// Verifies `branch` of the repository at `dir`. `require_signed` (or
/// `require_signed = true` under `[verify]` in the committed
/// `tertial.toml`) makes unsigned, unknown-key and expired follow-up
/// commits findings too (bad signatures always are).
pub fn verify(dir: &Path, branch: &str, require_signed: bool) -> Result<Report, RepoError> {
    verify_with(
        dir,
        branch,
        &VerifyOptions {
            require_signed,
            remote: None,
        },
    )
}

/// [`verify`] with every option.
pub fn verify_with(dir: &Path, branch: &str, given: &VerifyOptions) -> Result<Report, RepoError> {
    // Every object read is checked against its hash (the fsck of the
    // objects this walk touches).
    repo::verify_hashes_on_read();
    let repo = repo::open(dir)?;
    let mut report = Report::default();
    let tip = repo::refs::target(&repo, &format!("refs/heads/{branch}"));
    let Some(tip) = tip else {
        if repo::refs::target(&repo, ANCHOR_REF).is_some() {
            report.findings.push(Finding::BranchMissing {
                branch: branch.to_string(),
            });
        }
        return Ok(report);
    };
    let opts = VerifyOptions {
        require_signed: given.require_signed || signing_required(&repo, tip),
        remote: given.remote.clone(),
    };
    report.roster = repo::read::try_file_at(&repo, tip, crate::roster::ROSTER_FILE)
        .ok()
        .flatten()
        .is_some();
    let mut unjudged = Vec::new();
    let mut rosters = crate::roster::Cache::default();
    let mut writers = super::rules::Writers::default();
    repo::log::each_commit(&repo, tip, |oid| {
        let oid = match oid {
            Ok(o) => o,
            Err(e) => {
                report.findings.push(Finding::Corrupt {
                    what: e.git_message(),
                });
                return;
            }
        };
        report.commits += 1;
        let judged = check_commit(&repo, oid).and_then(|(f, _)| {
            Ok((
                f,
                super::rules::judge(&repo, oid, &opts, &mut rosters, &mut writers)?,
            ))
        });
        match judged {
            Ok((findings, j)) => {
                report.findings.extend(findings);
                report.findings.extend(j.findings);
                if j.followup {
                    report.followup_commits += 1;
                }
                match j.signature {
                    Some(s) if j.followup => {
                        *report.signatures.entry(s).or_default() += 1;
                        report
                            .findings
                            .extend(super::rules::signature_finding(oid, s, &opts));
                    }
                    Some(s) => report
                        .findings
                        .extend(super::rules::signature_finding(oid, s, &opts)),
                    None if j.followup => unjudged.push(oid),
                    None => {}
                }
            }
            Err(e) => report.findings.push(Finding::Corrupt {
                what: format!("{}: {}", short(oid), e.git_message()),
            }),
        }
    })?;
    check_anchors(&repo, tip, branch, &mut report);
    if let Some(remote) = &opts.remote {
        check_remote(&repo, remote, branch, tip, &mut report);
    }
    check_klar_tags(&repo, &opts, &mut report);
    for (oid, status) in git_signatures(repo::git_dir(&repo), &unjudged) {
        *report.signatures.entry(status).or_default() += 1;
        report
            .findings
            .extend(super::rules::signature_finding(oid, status, &opts));
    }
    // Every object the branch and its witnesses reach, not only the
    // follow-ups: plans, the roster, everything.
    let mut tips = vec![tip];
    tips.extend(repo::refs::target(&repo, ANCHOR_REF));
    match repo::objects::check_reachable(&repo, &tips) {
        Ok((n, problems)) => {
            report.objects = n;
            let known: Vec<String> = report
                .findings
                .iter()
                .filter_map(|f| match f {
                    Finding::Corrupt { what } => Some(what.clone()),
                    _ => None,
                })
                .collect();
            for what in problems {
                if !known
                    .iter()
                    .any(|k| what.contains(k.as_str()) || k.contains(&what))
                {
                    report.findings.push(Finding::Corrupt { what });
                }
            }
        }
        Err(e) => report.findings.push(Finding::Corrupt {
            what: e.git_message(),
        }),
    }
    Ok(report)
}

/// Whether the committed `tertial.toml` says `require_signed = true`
/// under `[verify]` at `tip` (the server's hook asks it of each pushed
/// commit's parent).
pub(crate) fn signing_required(repo: &Repository, tip: Oid) -> bool {
    repo::read::try_file_at(repo, tip, crate::workspace::MARKER)
        .ok()
        .flatten()
        .and_then(|b| toml::from_str::<toml::Table>(&String::from_utf8_lossy(&b)).ok())
        .and_then(|t| t.get("verify")?.get("require_signed")?.as_bool())
        .unwrap_or(false)
}

/// The findings of one commit, and whether it is a follow-up commit.
fn check_commit(repo: &Repository, oid: Oid) -> Result<(Vec<Finding>, bool), RepoError> {
    let under = format!("{}/", crate::workspace::FOLLOWUPS_DIR);
    let changed = repo::diff::changed_by(repo, oid, Some(&under))?;
    let t = trailers::parse(&repo::log::message(repo, oid)?);
    let mut out = Vec::new();
    if !t.is_tertial() {
        for path in changed {
            out.push(Finding::NotByTertial {
                commit: short(oid),
                path,
            });
        }
        return Ok((out, false));
    }
    let (unit, period, status) = (
        t.unit.clone().unwrap_or_default(),
        t.period.clone().unwrap_or_default(),
        t.status.clone().unwrap_or_default(),
    );
    let own = format!("{}/{period}/{unit}.toml", crate::workspace::FOLLOWUPS_DIR);
    for path in &changed {
        if *path != own {
            out.push(Finding::OutsideOwn {
                commit: short(oid),
                path: path.clone(),
                unit: unit.clone(),
                period: period.clone(),
            });
        }
    }
    // The file the trailers name must say the same.
    match repo::read::try_file_at(repo, oid, &own)? {
        Some(bytes) => match followup::load::parse_unchecked(&bytes) {
            Some(f) => {
                if f.unit != unit {
                    out.push(Finding::Contradiction {
                        commit: short(oid),
                        what: format!(
                            "Unit: {unit} {} {}",
                            super::verify_text::but_file_says(),
                            f.unit
                        ),
                    });
                }
                if f.period.to_string() != period {
                    out.push(Finding::Contradiction {
                        commit: short(oid),
                        what: format!(
                            "Period: {period} {} {}",
                            super::verify_text::but_file_says(),
                            f.period
                        ),
                    });
                }
                if f.status.code() != status {
                    out.push(Finding::Contradiction {
                        commit: short(oid),
                        what: format!(
                            "Status: {status} {} {}",
                            super::verify_text::but_file_says(),
                            f.status.code()
                        ),
                    });
                }
            }
            None => out.push(Finding::Contradiction {
                commit: short(oid),
                what: format!(
                    "{own} {}",
                    crate::i18n::current().t(
                        "är inte en läsbar uppföljning",
                        "is not a readable follow-up"
                    )
                ),
            }),
        },
        None => out.push(Finding::Contradiction {
            commit: short(oid),
            what: format!("{own} {}", crate::i18n::current().t("saknas", "is missing")),
        }),
    }
    Ok((out, true))
}

/// The signature status of each commit, as git itself judges it (with the
/// user's gpg and `gpg.ssh.allowedSignersFile`). Without git on the
/// machine every commit counts as unknown.
pub(super) fn git_signatures(dir: &Path, commits: &[Oid]) -> Vec<(Oid, Signature)> {
    if commits.is_empty() {
        return Vec::new();
    }
    let out = std::process::Command::new("git")
        .arg("--git-dir")
        .arg(dir)
        .args(["log", "--no-walk=unsorted", "--format=%H %G?", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                for c in commits {
                    writeln!(stdin, "{c}")?;
                }
            }
            child.wait_with_output()
        });
    let Ok(out) = out else {
        return commits
            .iter()
            .map(|c| (*c, Signature::UnknownKey))
            .collect();
    };
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let (h, g) = l.split_once(' ')?;
            Some((h.parse().ok()?, Signature::from_git(g.trim())))
        })
        .collect()
}

/// Records `commit` as the anchor when it extends the anchored history
/// (never moves it off a rewritten branch: that is for `verify` to see).
pub fn advance_anchor(repo: &Repository, commit: Oid) {
    let extends = match repo::refs::target(repo, ANCHOR_REF) {
        None => true,
        Some(old) => old == commit || repo::log::descends_from(repo, commit, old),
    };
    if extends {
        let _ = repo::refs::set(repo, ANCHOR_REF, commit, "tertial: anchor");
    }
}

/// After a sync laid the local commits again on top of the remote's (the
/// local history as it was kept under `refs/tertial/before-sync/`), the
/// anchor follows them to `new_tip`, when it was part of what was laid
/// again; otherwise it would stay behind on the old commits for good.
pub fn anchor_after_replay(repo: &Repository, replaced: Oid, new_tip: Oid) {
    if let Some(old) = repo::refs::target(repo, ANCHOR_REF)
        && (old == replaced || repo::log::descends_from(repo, replaced, old))
    {
        let _ = repo::refs::set(repo, ANCHOR_REF, new_tip, "tertial: anchor after sync");
    }
}

/// Tags a klar follow-up commit with an annotated tag (signed the way git
/// signs tags when the config asks for signing), so a later rewrite of it
/// is seen.
pub fn tag_klar(
    repo: &Repository,
    commit: Oid,
    period: &str,
    unit: &str,
    tagger: &repo::Identity,
    signer: Option<&repo::sign::Signer>,
) {
    // Tagged at the moment of tagging, like the commit it names.
    let secs = crate::clock::now();
    let offset = crate::clock::offset_minutes(secs, crate::clock::zone());
    let name = format!("tertial/{period}/{unit}/{}", &commit.to_string()[..10]);
    let sign = if offset < 0 { '-' } else { '+' };
    let mut buffer = format!(
        "object {commit}\ntype commit\ntag {name}\ntagger {} <{}> {secs} {sign}{:02}{:02}\n\nKlar: {unit} {period}\n",
        tagger.name,
        tagger.email,
        offset.abs() / 60,
        offset.abs() % 60,
    );
    if let Some(s) = signer {
        match s.sign(&buffer) {
            Ok(signature) => buffer.push_str(&signature),
            Err(_) => return,
        }
    }
    let _ = repo::refs::write_tag(repo, &name, &buffer, "tertial: klar");
}

//! The witnesses of a rewrite, for `verify` and before a commit: the
//! anchor (the last commit tertial made), the klar tags and their
//! signatures, every remote-tracking copy of the branch, and the remote's
//! own branch asked over the network.

use super::verify::{ANCHOR_REF, Finding, KLAR_TAGS, Report, Signature, VerifyOptions, short};
use crate::repo::{self, Oid, RepoError, Repository};
use std::path::Path;

/// The remote's own copy of the branch (asked with `git ls-remote`, not
/// read from the local refs a rewrite can move) must be part of it.
pub(super) fn check_remote(
    repo: &Repository,
    remote: &str,
    branch: &str,
    tip: Oid,
    report: &mut Report,
) {
    let name = format!("{remote}/{branch}");
    let out = std::process::Command::new("git")
        .arg("--git-dir")
        .arg(repo::git_dir(repo))
        .args(["ls-remote", "--", remote, &format!("refs/heads/{branch}")])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output();
    let answer = match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => {
            report.findings.push(Finding::RemoteUnread {
                remote: name,
                why: String::from_utf8_lossy(&o.stderr).trim().to_string(),
            });
            return;
        }
        Err(e) => {
            report.findings.push(Finding::RemoteUnread {
                remote: name,
                why: crate::oserr::shown(&e),
            });
            return;
        }
    };
    let Some(at) = answer
        .split_whitespace()
        .next()
        .and_then(|h| h.parse::<Oid>().ok())
    else {
        // The remote has no such branch yet: nothing witnessed.
        return;
    };
    judge_remote_copy(repo, tip, name, at, report);
}

/// Each klar tag's signature, judged by the roster at the tagged commit
/// (or, without one, as git judges it): a rewrite that moves the tags
/// cannot sign them again without the chiefs' keys.
pub(super) fn check_klar_tags(repo: &Repository, opts: &VerifyOptions, report: &mut Report) {
    for (name, tag, commit) in repo::refs::tags_matching(repo, &format!("{KLAR_TAGS}*")) {
        let Some(tag) = tag else {
            // A lightweight tag carries no signature.
            if opts.require_signed {
                report.findings.push(Finding::TagSignature {
                    tag: name,
                    status: Signature::Unsigned,
                });
            }
            continue;
        };
        let Ok((tagger, sig)) = repo::signed::tag_signature(repo, tag) else {
            continue;
        };
        let roster = crate::roster::at_commit(repo, commit).ok().flatten();
        let status = match &roster {
            Some(r) => match repo::signed::check(
                sig.as_ref(),
                &tagger,
                &r.allowed_signers(),
                &openpgp_of(r, &tagger),
            ) {
                repo::signed::Check::Good => Signature::Good,
                repo::signed::Check::Bad => Signature::Bad,
                repo::signed::Check::UnknownKey => Signature::UnknownKey,
                repo::signed::Check::Unsigned => Signature::Unsigned,
            },
            None if sig.is_none() => Signature::Unsigned,
            None => git_tag_signature(repo::git_dir(repo), &name),
        };
        let finding = match status {
            Signature::Good => false,
            Signature::Bad => true,
            _ => opts.require_signed,
        };
        if finding {
            report
                .findings
                .push(Finding::TagSignature { tag: name, status });
        }
    }
}

fn openpgp_of(r: &crate::roster::Roster, email: &str) -> Vec<String> {
    r.person_by_email(email)
        .map(|p| {
            p.keys
                .iter()
                .filter_map(|k| match k {
                    crate::roster::SigningKey::OpenPgp(f) => Some(f.clone()),
                    crate::roster::SigningKey::Ssh(_) => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `git tag -v`'s judgement of a tag (with the user's git config).
fn git_tag_signature(git_dir: &Path, name: &str) -> Signature {
    let out = std::process::Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(["tag", "-v", name.trim_start_matches("refs/tags/")])
        .stdin(std::process::Stdio::null())
        .output();
    match out {
        Ok(o) if o.status.success() => Signature::Good,
        Ok(o)
            if String::from_utf8_lossy(&o.stderr).contains("No principal matched")
                || String::from_utf8_lossy(&o.stderr).contains("allowedSignersFile") =>
        {
            Signature::UnknownKey
        }
        Ok(_) => Signature::Bad,
        Err(_) => Signature::UnknownKey,
    }
}

/// The anchor ref and klar tags must still be part of the branch, and
/// every remote's copy of it must be too (an ancestor of the branch: a
/// local branch behind its remote has lost commits the remote witnessed,
/// or has not been synced).
pub(super) fn check_anchors(repo: &Repository, tip: Oid, branch: &str, report: &mut Report) {
    let mut anchors: Vec<(String, Oid)> = Vec::new();
    if let Some(t) = repo::refs::target(repo, ANCHOR_REF) {
        anchors.push((ANCHOR_REF.to_string(), t));
    }
    anchors.extend(repo::refs::commits_matching(repo, &format!("{KLAR_TAGS}*")));
    // Commits a sync laid again on top of the remote's are kept, as they
    // were, under refs/tertial/before-sync/: a mark on them was replaced by
    // the sync, not by a rewrite (a local ref is no witness either way; the
    // remote's branch and signatures are).
    let replaced: Vec<Oid> = repo::refs::commits_matching(repo, "refs/tertial/before-sync/*")
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    let synced = |at: Oid| {
        replaced
            .iter()
            .any(|&b| b == at || repo::log::descends_from(repo, b, at))
    };
    for (name, at) in anchors {
        let kept = at == tip || repo::log::descends_from(repo, tip, at);
        if !kept && !synced(at) {
            report.findings.push(Finding::Rewritten {
                anchor: name,
                commit: short(at),
            });
        }
    }
    for (name, at) in repo::refs::commits_matching(repo, "refs/remotes/*") {
        if !name.ends_with(&format!("/{branch}")) {
            continue;
        }
        judge_remote_copy(repo, tip, name, at, report);
    }
}

/// The tip of `branch`, if follow-ups may be committed on it: it must
/// exist (a missing branch is never made again as a new root holding one
/// follow-up) and contain the last commit tertial made (the anchor), or
/// have replaced it in a recorded sync.
pub fn check_branch(repo: &Repository, branch: &str) -> Result<Oid, RepoError> {
    let l = crate::i18n::current();
    // The anchor first: both only move forward, so a tip read after it
    // contains it unless the history was rewritten.
    let anchor = repo::refs::target(repo, ANCHOR_REF);
    let Some(tip) = repo::read::tip(repo, branch)? else {
        return Err(RepoError::Refused(l.pick(
            format!(
                "grenen {branch} saknas i arbetsytan; inget sparas (en ny {branch} skulle bara innehålla den här uppföljningen). Återställ den, t.ex. med `git branch {branch} <incheckning>` eller från servern med `tertial sync`"
            ),
            format!(
                "the branch {branch} is missing from the workspace; nothing is saved (a new {branch} would hold only this follow-up). Restore it, e.g. with `git branch {branch} <commit>` or from the server with `tertial sync`"
            ),
        )));
    };
    let Some(anchor) = anchor else {
        return Ok(tip);
    };
    let kept = anchor == tip || repo::log::descends_from(repo, tip, anchor);
    let synced = || {
        repo::refs::commits_matching(repo, "refs/tertial/before-sync/*")
            .into_iter()
            .any(|(_, b)| b == anchor || repo::log::descends_from(repo, b, anchor))
    };
    if kept || synced() {
        return Ok(tip);
    }
    Err(RepoError::Refused(l.pick(
        format!(
            "grenen {branch} innehåller inte längre den senaste incheckningen tertial gjorde ({}); historiken har skrivits om. Inget sparas; kör `tertial verify`",
            short(anchor)
        ),
        format!(
            "the branch {branch} no longer contains the last commit tertial made ({}); the history was rewritten. Nothing is saved; run `tertial verify`",
            short(anchor)
        ),
    )))
}

/// A remote's copy of the branch at `at` must be contained in `tip`: a
/// copy ahead of it means the branch is behind (not synced, or commits
/// lost), any other means the history was rewritten.
fn judge_remote_copy(repo: &Repository, tip: Oid, name: String, at: Oid, report: &mut Report) {
    if at == tip || repo::log::descends_from(repo, tip, at) {
        return;
    }
    if repo::log::descends_from(repo, at, tip) {
        report.findings.push(Finding::BehindRemote {
            remote: name,
            commit: short(at),
        });
    } else {
        report.findings.push(Finding::Rewritten {
            anchor: name,
            commit: short(at),
        });
    }
}

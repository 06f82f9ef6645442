//! Committing a follow-up: the file, the message a person reads in
//! `git log`, and the trailers tools read (`Unit:`, `Period:`, `Status:`,
//! `Tool-Version:`). Shared by the session and `tertial record`.

use super::model::{FollowUp, Status};
use crate::plan::Plan;
use crate::repo::{self, FileChange, RepoError};
use crate::sanitize;

pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The commit message for `f` (its status is the one recorded).
pub fn message(plan: &Plan, f: &FollowUp) -> String {
    let unit_name = sanitize::line(&plan.unit.name);
    let mut m = format!(
        "Uppföljning {}: {} ({})\n\n",
        f.period,
        unit_name,
        f.status.code()
    );
    let forecast = f.period.is_forecast();
    m.push_str(if forecast {
        "Prognos per enhetsmål:\n"
    } else {
        "Bedömning per enhetsmål:\n"
    });
    for goal in &plan.unit_goals {
        let rec = f.goal(&goal.id);
        let (symbol, label) = match rec.and_then(|r| r.rating) {
            Some(r) => (r.symbol(), r.label_sv(forecast)),
            None => ("?", "Saknar bedömning"),
        };
        let deviations = rec.map_or(0, |r| r.deviations.len());
        let extra = match deviations {
            0 => String::new(),
            1 => " (1 avvikelse)".to_string(),
            n => format!(" ({n} avvikelser)"),
        };
        m.push_str(&format!(
            "{} {symbol} {label}{extra}\n",
            sanitize::line(&goal.id)
        ));
    }
    if !f.waivers.is_empty() {
        m.push_str("\nGodkända avsteg:\n");
        for w in &f.waivers {
            // One line each: a reason can never start a paragraph of its
            // own and so can never pose as a trailer.
            let reason = sanitize::line(&w.reason).replace('⏎', " ");
            m.push_str(&format!(
                "{} {}: {}\n",
                sanitize::line(&w.lint),
                sanitize::line(&w.target),
                reason
            ));
        }
    }
    m.push_str(&format!(
        "\nUnit: {}\nPeriod: {}\nStatus: {}\nTool-Version: {TOOL_VERSION}\n",
        f.unit,
        f.period,
        f.status.code()
    ));
    m
}

/// Commits `f` as its unit's follow-up for its period on `branch`.
/// The record is normalized (plan order, empty entries dropped) first.
/// The working tree is not touched: callers refresh it afterwards with
/// `repo::worktree` (see there why).
///
/// The status flow is enforced on the tip the commit is built on:
/// utkast → klar → återöppnad (with `reopen_reason`) → utkast/klar. A klar
/// follow-up is never changed except by reopening it.
pub fn commit(
    repository: &repo::Repository,
    branch: &str,
    plan: &Plan,
    f: &FollowUp,
    who: &repo::Identity,
    reopen_reason: Option<&str>,
) -> Result<repo::Oid, RepoError> {
    let mut f = f.clone();
    f.normalize(plan);
    let path = super::path(f.period, &f.unit);
    let reason = reopen_reason.map(|r| sanitize::line(r).replace('⏎', " ").trim().to_string());
    // A reopen names the klar version it reopens (and must still find it
    // at the tip the commit is built on).
    let at_tip = repo::read::file_at_tip(repository, branch, &path)?;
    let reopened_from = match &reason {
        Some(_) => at_tip
            .as_deref()
            .and_then(repo::blob::hash)
            .map(|o| o.to_string()),
        None => None,
    };
    f.reopened_from = match &reopened_from {
        Some(from) => from.clone(),
        // Only a reopen sets it; every other commit keeps what is there.
        None => at_tip
            .as_deref()
            .and_then(super::load::parse_unchecked)
            .map(|c| c.reopened_from)
            .unwrap_or_default(),
    };
    let text = super::to_toml(&f);
    let status = f.status;
    let check = |tip: &repo::commit::TipFiles<'_>| -> Result<(), String> {
        let bytes = tip.file(&path);
        let committed = bytes
            .as_deref()
            .and_then(super::load::parse_unchecked)
            .map(|c| c.status);
        if reopened_from.is_some()
            && bytes
                .as_deref()
                .and_then(repo::blob::hash)
                .map(|o| o.to_string())
                != reopened_from
        {
            return Err(crate::i18n::current()
                .t(
                    "uppföljningen ändrades under tiden; öppna den igen",
                    "the follow-up changed meanwhile; open it again",
                )
                .into());
        }
        status_rule(committed, status, reason.as_deref())
    };
    let mut message = message(plan, &f);
    if let Some(r) = &reason {
        // The reason goes in the body and, on one line, in a trailer.
        let mut body = format!("Återöppnad: {r}");
        // An approval holds only for the version it names: say that it
        // no longer does.
        let approved = crate::review::at_tip(repository, branch, f.period, &f.unit)
            .ok()
            .flatten()
            .is_some_and(|r| r.outcome == crate::review::Outcome::Approved);
        if approved {
            body.push_str("\nGodkännandet gäller inte längre den återöppnade uppföljningen.");
        }
        message = message.replacen("\n\nUnit: ", &format!("\n\n{body}\n\nUnit: "), 1);
        message.push_str(&format!("Reopen-Reason: {r}\n"));
    }
    // Never a new root holding only this follow-up, never onto a rewritten branch.
    crate::history::verify::check_branch(repository, branch)?;
    // Nor by someone the roster does not let write (or reopen) the unit.
    match crate::roster::refusal(repository, branch, &f.unit, who, reason.is_some()) {
        Ok(None) => {}
        Ok(Some(why)) => return Err(RepoError::Refused(why)),
        Err(e) => return Err(RepoError::Refused(e.to_string())),
    }
    let signer = repo::sign::Signer::from_config(repository)?;
    let mut sign = |buffer: &str| match &signer {
        Some(s) => s.sign(buffer).map(Some),
        None => Ok(None),
    };
    let mut hooks = repo::commit::Hooks {
        check: Some(&check),
        sign: Some(&mut sign),
    };
    let oid = repo::commit::commit_files_with(
        repository,
        branch,
        &[FileChange::put(path.clone(), text.clone())],
        &message,
        who,
        &mut hooks,
    )?;
    crate::history::verify::advance_anchor(repository, oid);
    if status == Status::Done {
        crate::history::verify::tag_klar(
            repository,
            oid,
            &f.period.to_string(),
            &f.unit,
            who,
            signer.as_ref(),
        );
    }
    Ok(oid)
}

/// Whether a follow-up committed with `committed` status may be committed
/// with `next`.
pub fn status_rule(
    committed: Option<Status>,
    next: Status,
    reason: Option<&str>,
) -> Result<(), String> {
    let l = crate::i18n::current();
    match (committed, next) {
        (Some(Status::Done), Status::Reopened) | (_, Status::Reopened)
            if reason.is_none_or(|r| r.trim().is_empty()) =>
        {
            Err(l
                .t(
                    "att återöppna kräver en skriven motivering",
                    "reopening needs a written reason",
                )
                .into())
        }
        (Some(Status::Done), Status::Reopened) => Ok(()),
        (_, Status::Reopened) => Err(l
            .t(
                "bara en uppföljning som är klar kan återöppnas",
                "only a follow-up that is klar can be reopened",
            )
            .into()),
        (Some(Status::Done), _) => Err(l
            .t(
                "uppföljningen är klar; återöppna den med en skriven motivering innan den ändras",
                "this follow-up is klar; reopen it with a written reason before changing it",
            )
            .into()),
        _ => Ok(()),
    }
}

/// The status a committed follow-up has at the branch tip, if any.
pub fn committed_status(
    repository: &repo::Repository,
    branch: &str,
    f: &FollowUp,
) -> Option<Status> {
    let bytes =
        repo::read::file_at_tip(repository, branch, &super::path(f.period, &f.unit)).ok()??;
    super::load::parse_unchecked(&bytes).map(|c| c.status)
}

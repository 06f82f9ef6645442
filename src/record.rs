//! `tertial record`: the headless way to commit a follow-up. It validates
//! the file against its plan with the same rules and lints as the session
//! and commits it the same way.

use crate::followup::{self, Period, Status, lint};
use crate::sanitize;
use crate::workspace::Workspace;
use std::path::Path;
use std::process::ExitCode;

pub struct Request<'a> {
    pub dir: &'a Path,
    pub unit: &'a str,
    pub period: &'a str,
    pub from: &'a Path,
    pub status: Option<&'a str>,
    /// The reason, when reopening a follow-up that is klar.
    pub reopen: Option<&'a str>,
    pub author: Option<&'a str>,
}

/// Exit status: 0 committed, 1 the file has problems, 2 anything else.
pub fn run(req: &Request) -> ExitCode {
    match record(req) {
        Ok(Outcome::Committed(msg)) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Ok(Outcome::Rejected(lines)) => {
            for l in lines {
                eprint!("{l}");
                if !l.ends_with('\n') {
                    eprintln!();
                }
            }
            ExitCode::from(1)
        }
        Err(e) if crate::pipe::closed_in(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tertial: {}", sanitize::line(&crate::oserr::chain(&e)));
            ExitCode::from(2)
        }
    }
}

enum Outcome {
    Committed(String),
    Rejected(Vec<String>),
}

fn record(req: &Request) -> anyhow::Result<Outcome> {
    let l = crate::i18n::current();
    let period: Period = req.period.parse()?;
    let ws = Workspace::open(req.dir)?;
    // Before anything is read: the branch is whole and the user may write
    // (or reopen) this unit.
    {
        let repo = ws.repo()?;
        crate::history::verify::check_branch(&repo, crate::repo::DEFAULT_BRANCH)?;
        // Without a roster anyone may write: who it is matters only later.
        if crate::roster::at_tip(&repo, crate::repo::DEFAULT_BRANCH)?.is_some() {
            let who = crate::repo::identity(&repo, req.author)?;
            if let Some(why) = crate::roster::refusal(
                &repo,
                crate::repo::DEFAULT_BRANCH,
                req.unit,
                &who,
                req.reopen.is_some(),
            )? {
                anyhow::bail!("{why}");
            }
        }
    }
    let plan = &ws
        .load_plan(req.unit, i64::from(period.year))
        .map_err(|diags| {
            let shown: String = diags.iter().map(|d| d.to_string()).collect();
            anyhow::anyhow!(
                "{} {} {} {:?} {} {}; {}\n{shown}",
                l.t("ingen giltig plan för", "no valid plan for"),
                period.year,
                l.t("för enheten", "for unit"),
                req.unit,
                l.t("i", "in"),
                req.dir.display(),
                l.t("kör `tertial check`", "run `tertial check`"),
            )
        })?;
    let shown = req.from.display().to_string();
    let bytes = crate::user_files::read_bounded(req.from, followup::load::MAX_FOLLOWUP_BYTES)
        .map_err(|e| anyhow::anyhow!("{shown}: {}", crate::oserr::shown(&e)))?;
    let mut f = match followup::load::parse_followup(&shown, &bytes, plan) {
        Ok(f) => f,
        Err(diags) => {
            return Ok(Outcome::Rejected(
                diags.iter().map(|d| d.to_string()).collect(),
            ));
        }
    };
    if f.period != period {
        return Ok(Outcome::Rejected(vec![match l {
            crate::i18n::Lang::Sv => format!(
                "{shown}: filen gäller {} men --period är {period}; de ska stämma överens",
                f.period
            ),
            crate::i18n::Lang::En => format!(
                "{shown}: the file is for {} but --period is {period}; expected them to agree",
                f.period
            ),
        }]));
    }
    if let Some(s) = req.status {
        f.status = match Status::parse(s) {
            Some(Status::Reopened) | None => {
                anyhow::bail!(
                    "--status {s:?}: {}",
                    l.t(
                        "skriv utkast eller klar (återöppna med --reopen MOTIVERING)",
                        "expected utkast or klar (reopen with --reopen REASON)"
                    )
                )
            }
            Some(st) => st,
        };
    }
    if req.reopen.is_some() {
        f.status = Status::Reopened;
    }
    if f.status == Status::Done {
        // The same rules as the session: the workspace's `[klar]` table.
        let mut rules = ws
            .rules()
            .map_err(|e| anyhow::anyhow!("{}: {e}", crate::workspace::MARKER))?;
        rules.limits = ws.limits().map_err(|d| anyhow::anyhow!("{d}"))?;
        let open = lint::blocking(plan, &f, &rules, crate::clock::today());
        if !open.is_empty() {
            let mut lines = vec![match l {
                crate::i18n::Lang::Sv => format!(
                    "{shown}: {} hindrar status klar; åtgärda dem eller lägg till en [[waiver]] med motivering:",
                    l.count(
                        open.len(),
                        ("anmärkning", "anmärkningar"),
                        ("lint", "lints")
                    )
                ),
                crate::i18n::Lang::En => format!(
                    "{shown}: {} lint(s) block status klar; resolve them or add a [[waiver]] with a reason:",
                    open.len()
                ),
            }];
            for lint in open {
                lines.push(format!(
                    "  {} {}: {}",
                    lint.kind.code(),
                    lint.target,
                    match l {
                        crate::i18n::Lang::Sv => lint.kind.describe_sv(),
                        crate::i18n::Lang::En => lint.kind.describe_en(),
                    }
                ));
            }
            return Ok(Outcome::Rejected(lines));
        }
    }
    // Someone with the follow-up open in the session is never overwritten.
    let _lock =
        match crate::workspace::lock::acquire(&ws.state_dir(), req.unit, &period.to_string())? {
            crate::workspace::lock::Acquired::Mine(l) => l,
            crate::workspace::lock::Acquired::Held(h) => anyhow::bail!(
                "{} {period} {} {}@{} (pid {}) {} {}; {}",
                req.unit,
                l.t("är öppen hos", "is open by"),
                h.user,
                h.host,
                h.pid,
                l.t("sedan", "since"),
                crate::clock::date_time(h.since as i64),
                l.t(
                    "försök igen när de är klara",
                    "try again when they are done"
                )
            ),
        };
    let repo = ws.repo()?;
    let who = crate::repo::identity(&repo, req.author)?;
    let oid = followup::commit::commit(
        &repo,
        crate::repo::DEFAULT_BRANCH,
        plan,
        &f,
        &who,
        req.reopen,
    )?;
    refresh_worktree(req.dir, &followup::path(period, &plan.unit.id));
    Ok(Outcome::Committed(format!(
        "{} {} {} ({}) {oid}",
        sanitize::line(&plan.unit.id),
        period,
        f.status.code(),
        followup::path(period, &plan.unit.id)
    )))
}

/// Refreshes the working tree and index for `path` before the command
/// returns: a refresh left to a detached process would leave a moment after
/// exit in which the index lacks the new follow-up, and a plain
/// `git commit` made then (a script's next line) would commit its deletion.
fn refresh_worktree(dir: &Path, path: &str) {
    if let Ok(repo) = crate::repo::open(dir) {
        crate::repo::worktree::sync_from_tip(
            &repo,
            crate::repo::DEFAULT_BRANCH,
            &[path.to_string()],
        );
    }
}

//! `tertial review`: with `--approve` or `--return`, the reviewer's
//! commit made from the command line (for scripts and tests); without
//! them, the review on screen ([`interactive`]).

use super::{Outcome, Remark, Review, Target};
use crate::followup::Period;
use crate::plan::Plan;
use crate::sanitize;
use crate::workspace::Workspace;
use std::path::Path;
use std::process::ExitCode;

pub struct Request<'a> {
    pub dir: &'a Path,
    pub unit: &'a str,
    pub period: &'a str,
    pub outcome: Outcome,
    pub overall: &'a str,
    /// `goal:E2=text` each.
    pub remarks: &'a [String],
    pub author: Option<&'a str>,
}

/// Exit status: 0 committed, 1 the remarks have problems, 2 anything else
/// (a refusal included).
pub fn run(req: &Request) -> ExitCode {
    match review(req) {
        Ok(msg) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Err(Failure::Input(why)) => {
            eprintln!("tertial: {}", sanitize::line(&why));
            ExitCode::from(1)
        }
        Err(Failure::Other(e)) => {
            eprintln!("tertial: {}", sanitize::line(&crate::oserr::chain(&e)));
            ExitCode::from(2)
        }
    }
}

/// The review on screen, for the unit and period when given.
pub fn interactive(
    _dir: &Path,
    _unit: Option<&str>,
    _period: Option<&str>,
    _author: Option<&str>,
) -> ExitCode {
    let l = crate::i18n::current();
    eprintln!(
        "tertial: {}",
        l.t(
            "granskning på skärmen finns inte än; använd --approve eller --return",
            "reviewing on screen is not yet available; use --approve or --return"
        )
    );
    ExitCode::from(2)
}

enum Failure {
    Input(String),
    Other(anyhow::Error),
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure::Other(e.into())
    }
}

/// Whether `on` names something of `plan`.
pub fn target_in_plan(plan: &Plan, on: &Target) -> bool {
    match on {
        Target::Goal(id) => plan.unit_goals.iter().any(|g| &g.id == id),
        Target::Indicator(id) => plan.indicators.iter().any(|i| &i.id == id),
        Target::Activity(id) => plan.activities.iter().any(|a| &a.id == id),
        Target::Part(_) => true,
    }
}

/// `goal:E2=text` → the remark, checked against the plan.
fn remark(plan: &Plan, spec: &str) -> Result<Remark, String> {
    let l = crate::i18n::current();
    let (on, text) = spec.split_once('=').ok_or_else(|| {
        l.pick(
            format!("--remark {spec:?}: skriv MÅL=TEXT, t.ex. goal:E2=Analysen saknar orsak"),
            format!(
                "--remark {spec:?}: expected TARGET=TEXT, e.g. goal:E2=The analysis lacks a cause"
            ),
        )
    })?;
    let target = Target::parse(on).ok_or_else(|| {
        l.pick(
            format!("--remark {on:?}: skriv goal:<id>, indicator:<id>, activity:<id> eller part:summary|economy|quality|complaints"),
            format!("--remark {on:?}: expected goal:<id>, indicator:<id>, activity:<id> or part:summary|economy|quality|complaints"),
        )
    })?;
    if !target_in_plan(plan, &target) {
        return Err(l.pick(
            format!("--remark {on:?}: finns inte i enhetens plan"),
            format!("--remark {on:?}: not in the unit's plan"),
        ));
    }
    if text.trim().is_empty() {
        return Err(l.pick(
            format!("--remark {on:?}: kommentaren är tom"),
            format!("--remark {on:?}: the remark is empty"),
        ));
    }
    Ok(Remark {
        on: target,
        text: text.trim().to_string(),
    })
}

fn review(req: &Request) -> Result<String, Failure> {
    let l = crate::i18n::current();
    let period: Period = req.period.parse()?;
    let ws = Workspace::open(req.dir)?;
    let repo = ws.repo()?;
    let branch = crate::repo::DEFAULT_BRANCH;
    let who = crate::repo::identity(&repo, req.author)?;
    let reviewer = super::reviewer_id(&repo, branch, req.unit, &who)?;
    let plan = ws
        .load_plan(req.unit, i64::from(period.year))
        .map_err(|diags| {
            let shown: String = diags.iter().map(|d| d.to_string()).collect();
            anyhow::anyhow!(
                "{} {} {} {:?}; {}\n{shown}",
                l.t("ingen giltig plan för", "no valid plan for"),
                period.year,
                l.t("för enheten", "for unit"),
                req.unit,
                l.t("kör `tertial check`", "run `tertial check`"),
            )
        })?;
    let remarks = req
        .remarks
        .iter()
        .map(|r| remark(&plan, r))
        .collect::<Result<Vec<_>, _>>()
        .map_err(Failure::Input)?;
    if req.outcome == Outcome::Returned && req.overall.trim().is_empty() && remarks.is_empty() {
        return Err(Failure::Input(
            l.t(
                "att återsända kräver en kommentar: --overall TEXT eller --remark MÅL=TEXT",
                "returning needs a comment: --overall TEXT or --remark TARGET=TEXT",
            )
            .into(),
        ));
    }
    let Some((_, blob)) = super::read::followup_at_tip(&repo, branch, period, req.unit)? else {
        return Err(Failure::Other(anyhow::anyhow!(
            "{}",
            l.t(
                "enheten har ingen inlämnad uppföljning för perioden",
                "the unit has no committed follow-up for the period"
            )
        )));
    };
    let review = Review {
        unit: req.unit.to_string(),
        period,
        outcome: req.outcome,
        reviewer,
        reviewed: blob,
        overall: req.overall.trim().to_string(),
        remarks,
    };
    let oid = match req.outcome {
        Outcome::Returned => super::commit_return(&repo, branch, &plan, &review, &who)?,
        Outcome::Approved => super::commit_approve(&repo, branch, &plan, &review, &who)?,
    };
    let mut paths = vec![super::path(period, req.unit)];
    if req.outcome == Outcome::Returned {
        paths.push(crate::followup::path(period, req.unit));
    }
    crate::repo::worktree::sync_from_tip(&repo, branch, &paths);
    Ok(format!(
        "{} {period} {} ({}) {oid}",
        sanitize::line(req.unit),
        l.t(review.outcome.code(), review.outcome.label_en()),
        super::path(period, req.unit)
    ))
}

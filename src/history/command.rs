//! `tertial log` and `tertial verify` on the command line: the history of
//! follow-ups, and the audit of the whole history, printed.

use crate::sanitize;
use crate::workspace::Workspace;
use std::path::Path;
use std::process::ExitCode;

/// Prints the follow-up commits matching the filters and what changed in each.
pub fn log(
    root: &Path,
    unit: Option<&str>,
    period: Option<&str>,
    goal: Option<&str>,
) -> anyhow::Result<()> {
    if let Some(p) = period {
        p.parse::<crate::followup::Period>()?;
    }
    let ws = Workspace::open(root)?;
    let repo = ws.repo()?;
    let index = crate::history::Index::load(&repo, crate::repo::DEFAULT_BRANCH, &ws.state_dir())?;
    let items = crate::history::log(&repo, &index, &ws.state_dir(), unit, period, goal);
    if items.is_empty() {
        println!("Inga uppföljningar matchar.");
    }
    for item in items {
        let e = &item.entry;
        // A reviewer's commit says so: "återöppnad, återsänd av olsson".
        let mut status = e.status.clone();
        if let Ok(message) = crate::repo::log::message(&repo, e.oid) {
            let t = super::trailers::parse(&message);
            if let (Some(outcome), Some(reviewer)) = (t.get("Review"), t.get("Reviewer")) {
                let by = crate::i18n::current().t("av", "by");
                status = format!("{status}, {outcome} {by} {reviewer}");
            }
        }
        println!(
            "{}  {}  {} <{}>  {} {}  {}",
            crate::clock::date_time(e.time),
            &e.oid.to_string()[..10],
            sanitize::line(&e.author),
            sanitize::line(&e.email),
            sanitize::line(&e.unit),
            sanitize::line(&e.period),
            sanitize::line(&status)
        );
        for c in &item.changes {
            println!("    {}", sanitize::line(&c.to_string()));
        }
        for g in &item.edited {
            println!("    {}: texten ändrad", sanitize::line(g));
        }
    }
    Ok(())
}

/// Prints every finding and a summary; exit status 1 on any finding.
pub fn verify(root: &Path, opts: &crate::history::verify::VerifyOptions) -> ExitCode {
    let lang = crate::i18n::current();
    let ws = match Workspace::open(root) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("tertial: {}", sanitize::line(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    let report =
        match crate::history::verify::verify_with(&ws.root, crate::repo::DEFAULT_BRANCH, opts) {
            Ok(r) => r,
            Err(e) => {
                println!(
                    "{}: {}",
                    lang.t("skadat förråd", "corrupt repository"),
                    sanitize::line(&e.git_message())
                );
                return ExitCode::from(1);
            }
        };
    for f in &report.findings {
        println!("{f}");
    }
    if !report.roster && report.commits > 0 {
        println!(
            "{}",
            lang.t(
                "obs: arbetsytan har ingen roster.toml; vem som skrivit vilken enhet kontrolleras inte",
                "note: the workspace has no roster.toml; who wrote which unit is not checked"
            )
        );
    }
    let sigs: Vec<String> = report
        .signatures
        .iter()
        .map(|(s, n)| format!("{} {n}", s.label()))
        .collect();
    println!(
        "{}, {}; {}: {}; {}",
        lang.count(report.commits, ("commit", "commits"), ("commit", "commits")),
        lang.count(
            report.followup_commits,
            ("uppföljningscommit", "uppföljningscommits"),
            ("follow-up commit", "follow-up commits")
        ),
        lang.t("signaturer", "signatures"),
        if sigs.is_empty() {
            "—".to_string()
        } else {
            sigs.join(", ")
        },
        lang.count(
            report.findings.len(),
            ("fynd", "fynd"),
            ("finding", "findings")
        )
    );
    if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

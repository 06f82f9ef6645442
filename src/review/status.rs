//! `tertial status`: where every unit stands in the flow for one period,
//! in plain text for scripts and for a login message on a shared server.
//! A heading block says what waits for the user running it: units to
//! review (klar, and the roster lets them review it) and their own units
//! returned to them. Read through the overview's roll-up (and its cache).

use super::FlowState;
use crate::followup::Period;
use crate::i18n::Lang;
use crate::overview::UnitRow;
use crate::roster::Roster;
use crate::sanitize;
use std::path::Path;

/// One unit's mark against the due date: late by N days, or N days left.
fn due_mark(l: Lang, flow: FlowState, days_left: Option<i64>) -> String {
    let Some(days) = days_left else {
        return String::new();
    };
    if flow.is_done() {
        return String::new();
    }
    match days {
        d if d < 0 => l.pick(
            format!("SEN ({} {})", -d, if d == -1 { "dag" } else { "dagar" }),
            format!("LATE ({} {})", -d, if d == -1 { "day" } else { "days" }),
        ),
        0 => l.t("sista dagen i dag", "due today").to_string(),
        d => l.pick(
            format!("{d} {} kvar", if d == 1 { "dag" } else { "dagar" }),
            format!("{d} {} left", if d == 1 { "day" } else { "days" }),
        ),
    }
}

/// What waits for the person `me`: (units to review, own units returned).
pub fn waiting<'a>(
    roster: &Roster,
    me: &str,
    units: &'a [UnitRow],
) -> (Vec<&'a UnitRow>, Vec<&'a UnitRow>) {
    let review = units
        .iter()
        .filter(|u| u.flow == FlowState::Done && roster.may_review(&u.id, me))
        .collect();
    let returned = units
        .iter()
        .filter(|u| {
            u.flow == FlowState::Returned
                && roster
                    .units
                    .get(&u.id)
                    .is_some_and(|chiefs| chiefs.iter().any(|c| c == me))
        })
        .collect();
    (review, returned)
}

fn unit_line(u: &UnitRow) -> String {
    format!("{}\t{}", sanitize::line(&u.id), sanitize::line(&u.name))
}

/// The status text of `period` in the workspace at `root`.
pub fn text(root: &Path, period: Option<&str>, today: crate::clock::Day) -> anyhow::Result<String> {
    use crate::overview::read::{self, CacheUse};
    use anyhow::Context;
    let l = crate::i18n::current();
    let ws = crate::workspace::Workspace::open(root)?;
    let branch = crate::repo::DEFAULT_BRANCH;
    let period: Period = match period {
        Some(p) => p.parse()?,
        None => {
            let years = read::plan_years(&ws.root, branch)?;
            crate::overview::default_period(
                &years,
                today,
                &ws.due_dates().map_err(anyhow::Error::msg)?,
            )
            .context(l.t(
                "inga incheckade planer; förväntade plans/<år>/<enhet>.toml på main",
                "no committed plans; expected plans/<year>/<unit>.toml on main",
            ))?
        }
    };
    let due = ws.due_date(period).map_err(anyhow::Error::msg)?;
    let days_left = due.and_then(|d| crate::workspace::due::days_left(d, today));
    let (o, _) = read::overview(
        &ws.root,
        branch,
        period,
        crate::overview::Sort::Name,
        CacheUse::ReadWrite,
    )?;
    for p in &o.problems {
        eprintln!("tertial: {}", sanitize::line(p));
    }
    let mut out = String::new();
    let title = l.pick(period.title_sv(), period.title_en());
    out.push_str(&format!("{} {period} ({title})", l.t("Status", "Status")));
    if let Some(d) = due {
        out.push_str(&format!(", {} {d}", l.t("sista dag", "due")));
    }
    out.push('\n');

    // Who runs it: the git identity, found in the roster.
    let repo = ws.repo()?;
    let roster = crate::roster::at_tip(&repo, branch).ok().flatten();
    let who = crate::repo::identity(&repo, None).ok();
    let me = match (&roster, &who) {
        (Some(r), Some(w)) => crate::roster::access::whom(r, &repo, w),
        _ => None,
    };
    if let (Some(r), Some(me)) = (&roster, me) {
        let (review, returned) = waiting(r, &me.id, &o.units);
        out.push_str(&format!(
            "\n{} ({}):\n",
            l.t("Väntar på dig", "Waiting for you"),
            sanitize::line(&me.name)
        ));
        if review.is_empty() && returned.is_empty() {
            out.push_str(&format!("  {}\n", l.t("inget", "nothing")));
        }
        for u in review {
            out.push_str(&format!(
                "  {}\t{}\n",
                l.t("att granska", "to review"),
                unit_line(u)
            ));
        }
        for u in returned {
            out.push_str(&format!(
                "  {}\t{}\n",
                l.t("återsänd till dig", "returned to you"),
                unit_line(u)
            ));
        }
    }
    out.push('\n');
    for u in &o.units {
        let mark = due_mark(l, u.flow, days_left);
        let line = format!(
            "{}\t{} {}\t{mark}",
            unit_line(u),
            u.flow.symbol(),
            l.t(u.flow.label_sv(), u.flow.label_en())
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let count = |s: FlowState| o.units.iter().filter(|u| u.flow == s).count();
    out.push_str(&format!(
        "\n{}: {}\n",
        l.t("Summa", "Total"),
        FlowState::ALL
            .iter()
            .map(|s| format!(
                "{} {} {}",
                count(*s),
                s.symbol(),
                l.t(s.label_sv(), s.label_en())
            ))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    Ok(out)
}

/// Prints the status; exit status 0 unless the workspace cannot be read.
pub fn run(root: &Path, period: Option<&str>) -> anyhow::Result<()> {
    let text = text(root, period, crate::clock::today())?;
    crate::user_files::write_output(None, text.as_bytes())
}

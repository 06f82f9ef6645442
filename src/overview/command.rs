//! `tertial overview`: the roll-up of one period read from the workspace's
//! branch and rendered as Markdown, HTML or CSV.

use std::path::Path;

/// Rolls up `period` (default: the one due next) in the workspace at
/// `root`.
pub fn run(
    root: &Path,
    period: Option<&str>,
    format: &str,
    sort: &str,
    output: Option<&Path>,
    no_cache: bool,
) -> anyhow::Result<()> {
    use crate::overview::read::{self, CacheUse};
    use anyhow::Context;
    let render = match format {
        "md" | "markdown" => crate::report::overview::markdown,
        "html" => crate::report::overview::html,
        "csv" => crate::report::overview::csv,
        other => anyhow::bail!(
            "{other:?}: {}",
            crate::i18n::current().t(
                "okänt format; förväntade md, html eller csv",
                "unknown format; expected md, html or csv"
            )
        ),
    };
    let sort: crate::overview::Sort = sort.parse().map_err(anyhow::Error::msg)?;
    let ws = crate::workspace::Workspace::open(root)?;
    let branch = crate::repo::DEFAULT_BRANCH;
    let period: crate::followup::Period = match period {
        Some(p) => p.parse()?,
        None => {
            let years = read::plan_years(&ws.root, branch)?;
            crate::overview::default_period(
                &years,
                crate::clock::today(),
                &ws.due_dates().map_err(anyhow::Error::msg)?,
            )
            .context(crate::i18n::current().t(
                "inga incheckade planer; förväntade plans/<år>/<enhet>.toml på main",
                "no committed plans; expected plans/<year>/<unit>.toml on main",
            ))?
        }
    };
    let cache = if no_cache {
        CacheUse::Off
    } else {
        CacheUse::ReadWrite
    };
    let (o, _) = read::overview(&ws.root, branch, period, sort, cache)?;
    for p in &o.problems {
        eprintln!("tertial: {}", crate::sanitize::line(p));
    }
    let text = render(&o);
    crate::user_files::write_output(output, text.as_bytes())
}

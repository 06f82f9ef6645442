//! `tertial export`: a committed follow-up, with the year's earlier periods
//! and last year's VB beside it, rendered in the format asked for.

use std::path::Path;

/// Renders the follow-up of `unit` for `period` committed in the workspace
/// at `root`.
pub fn run(
    root: &Path,
    unit: &str,
    period: &str,
    format: &str,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    use crate::followup::FollowUp;
    use anyhow::Context;
    use std::io::IsTerminal;
    let period: crate::followup::Period = period.parse()?;
    type Render = fn(&crate::plan::Plan, &FollowUp, &[FollowUp]) -> Vec<u8>;
    let (render, binary): (Render, bool) = match format {
        "md" | "markdown" => (
            |p, f, e| crate::report::markdown(p, f, e).into_bytes(),
            false,
        ),
        "html" => (|p, f, e| crate::report::html(p, f, e).into_bytes(), false),
        "text" | "txt" | "ils" => (|p, f, e| crate::report::text(p, f, e).into_bytes(), false),
        "docx" | "word" => (crate::report::docx, true),
        other => anyhow::bail!(
            "{other:?}: {}",
            crate::i18n::current().t(
                "okänt format; förväntade md, html, docx eller text",
                "unknown format; expected md, html, docx or text"
            )
        ),
    };
    let output = crate::user_files::output_file(output);
    if binary && output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!(
            "{}",
            crate::i18n::current().t(
                "en .docx-fil är binär och skrivs inte till terminalen; ange filen med -o, t.ex. -o rapport.docx",
                "a .docx file is binary and is not written to the terminal; \
                 name the file with -o, e.g. -o rapport.docx"
            )
        );
    }
    let ws = crate::workspace::Workspace::open(root)?;
    let plan = ws
        .load_plan(unit, i64::from(period.year))
        .map_err(|diags| {
            let text: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
            let year = period.year;
            let text = text.join("\n");
            match crate::i18n::current() {
                crate::i18n::Lang::Sv => {
                    anyhow::anyhow!("planen för {unit} {year} har problem:\n{text}")
                }
                crate::i18n::Lang::En => {
                    anyhow::anyhow!("the plan of {unit} {year} has problems:\n{text}")
                }
            }
        })?;
    let repo = ws.repo()?;
    let path = crate::followup::path(period, unit);
    let bytes = crate::repo::read::file_at_tip(&repo, "main", &path)?
        .with_context(|| match crate::i18n::current() {
            crate::i18n::Lang::Sv => format!(
                "ingen uppföljning {path} finns i historiken; lämna in den först (utkast eller klar)"
            ),
            crate::i18n::Lang::En => {
                format!("no committed follow-up {path}; commit it first (utkast or klar)")
            }
        })?;
    let f = crate::followup::load::parse_unchecked(&bytes).with_context(|| {
        crate::i18n::current().pick(
            format!("{path} går inte att läsa som en uppföljningsfil"),
            format!("{path} is not a readable follow-up file"),
        )
    })?;
    // The year's earlier periods (accumulated counts) and last year's VB.
    let mut wanted = period.earlier_in_year();
    wanted.push(crate::followup::Period::new(
        period.year - 1,
        crate::followup::PeriodKind::Vb,
    ));
    let mut earlier = Vec::new();
    for p in wanted {
        let path = crate::followup::path(p, unit);
        if let Some(bytes) = crate::repo::read::file_at_tip(&repo, "main", &path)? {
            match crate::followup::load::parse_unchecked(&bytes) {
                Some(e) => earlier.push(e),
                None => eprintln!(
                    "{path}: {}",
                    crate::i18n::current().t(
                        "går inte att läsa som en uppföljningsfil; utelämnad ur rapporten",
                        "not a readable follow-up file; left out of the report"
                    )
                ),
            }
        }
    }
    let report = render(&plan, &f, &earlier);
    crate::user_files::write_output(output, &report)
}

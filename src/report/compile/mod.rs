//! `tertial compile`: the district's document for one period, built from
//! every unit's committed follow-up (what a controller otherwise copies
//! together from each unit's report), as Markdown, HTML or Word. The
//! counts per nämndmål are the overview's; a unit that is not klar is
//! listed as such, never left out.

pub mod area;
mod build;
pub mod read;
mod tables;

use std::path::Path;

/// The formats the document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Docx,
}

impl std::str::FromStr for Format {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> anyhow::Result<Format> {
        Ok(match s {
            "md" | "markdown" => Format::Markdown,
            "html" => Format::Html,
            "docx" | "word" => Format::Docx,
            other => anyhow::bail!(
                "{other:?}: {}",
                crate::i18n::current().t(
                    "okänt format; förväntade md, html eller docx",
                    "unknown format; expected md, html or docx"
                )
            ),
        })
    }
}

/// The document of `input` in `format`: all units, or those of `area`.
pub fn render(
    input: &read::Input,
    areas: &area::Areas,
    area: Option<&str>,
    format: Format,
) -> anyhow::Result<Vec<u8>> {
    let units: Vec<&read::UnitInput> = input
        .units
        .iter()
        .filter(|u| area.is_none_or(|a| areas.is_in(&u.plan.unit.id, a)))
        .collect();
    if let Some(a) = area
        && units.is_empty()
    {
        let mut known: Vec<&str> = input
            .units
            .iter()
            .map(|u| areas.of(&u.plan.unit.id))
            .collect();
        known.sort();
        known.dedup();
        anyhow::bail!(
            "{:?}: {} {}",
            crate::sanitize::line(a),
            crate::i18n::current().t(
                "inget område med enheter har det namnet; områdena är:",
                "no area with units has that name; the areas are:"
            ),
            crate::sanitize::line(&known.join(", "))
        );
    }
    // The area as the roster names it, not as it was typed.
    let area = area.and(units.first().map(|u| areas.of(&u.plan.unit.id)));
    let blocks = build::blocks(input, &units, areas, area);
    Ok(match format {
        Format::Markdown => super::markdown::render(&blocks).into_bytes(),
        Format::Html => super::html::render(&blocks).into_bytes(),
        Format::Docx => super::docx::render(&blocks, &meta(input.period, area)),
    })
}

fn meta(period: crate::followup::Period, area: Option<&str>) -> super::docx::Meta {
    use crate::followup::PeriodKind;
    let lang = crate::i18n::current();
    let title = lang.pick(period.title_sv(), period.title_en());
    let subject = match area {
        Some(a) => crate::sanitize::line(a.trim()).into_owned(),
        None => lang.t("Sammanställning", "Compilation").to_string(),
    };
    // The last day of the period: a fixed date, so the bytes are too.
    let (month, day) = match period.kind {
        PeriodKind::T1 => (4, 30),
        PeriodKind::T2 => (8, 31),
        PeriodKind::Vb => (12, 31),
    };
    super::docx::Meta {
        title: format!("{title} – {subject}"),
        subject,
        date: (u16::try_from(period.year).unwrap_or(1980), month, day),
    }
}

/// Runs `tertial compile` on the workspace at `root`.
pub fn run(
    root: &Path,
    period: &str,
    area: Option<&str>,
    format: &str,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let period: crate::followup::Period = period.parse()?;
    let format: Format = format.parse()?;
    let output = crate::user_files::output_file(output);
    if format == Format::Docx && output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!(
            "{}",
            crate::i18n::current().t(
                "en .docx-fil är binär och skrivs inte till terminalen; ange filen med -o, t.ex. -o sammanstallning.docx",
                "a .docx file is binary and is not written to the terminal; \
                 name the file with -o, e.g. -o compilation.docx"
            )
        );
    }
    let ws = crate::workspace::Workspace::open(root)?;
    let branch = crate::repo::DEFAULT_BRANCH;
    let input = read::input(&ws.root, branch, period)?;
    for p in &input.problems {
        eprintln!("tertial: {}", crate::sanitize::line(p));
    }
    let areas = area::Areas::read(&ws.root, branch)?;
    let bytes = render(&input, &areas, area, format)?;
    crate::user_files::write_output(output, &bytes)
}

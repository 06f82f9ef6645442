//! The roll-up across units as a document: Markdown or HTML through the
//! report's own blocks and renderers (so escaping is theirs), and CSV with
//! one row per unit and goal (RFC 4180, cells that a spreadsheet would take
//! for a formula neutralised).

use super::Block;
use crate::overview::{Counts, Mark, Overview, UnitRow};
use crate::sanitize;

/// The overview as Markdown.
pub fn markdown(o: &Overview) -> String {
    super::markdown::render(&build(o))
}

/// The overview as one self-contained HTML file.
pub fn html(o: &Overview) -> String {
    super::html::render(&build(o))
}

fn one_line(s: &str) -> String {
    sanitize::line(s.trim()).into_owned()
}

/// "Klar 3 · Utkast 2 · Återöppnad 0 · Ej påbörjad 15 (av 20 enheter)"
pub fn totals_line(o: &Overview) -> String {
    let t = &o.totals;
    format!(
        "Klar {} · Utkast {} · Återöppnad {} · Ej påbörjad {} (av {})",
        t.done,
        t.draft,
        t.reopened,
        t.not_started,
        crate::i18n::Lang::Sv.count(t.units(), ("enhet", "enheter"), ("unit", "units"))
    )
}

fn count_cells(c: &Counts) -> Vec<String> {
    c.columns().iter().map(|(_, _, n)| n.to_string()).collect()
}

/// The marks of a unit's goals under one nämndmål: "●●◐".
pub fn symbols(cell: &[crate::overview::GoalCell]) -> String {
    cell.iter().map(|g| g.mark.symbol()).collect()
}

fn unit_name(u: &UnitRow) -> String {
    one_line(&u.name)
}

pub(crate) fn build(o: &Overview) -> Vec<Block> {
    let mut out = vec![Block::Title {
        title: format!("Översikt: {}", o.period.title_sv()),
        lines: vec![totals_line(o)],
    }];
    out.push(Block::Heading {
        level: 2,
        text: "Per nämndmål".into(),
        page_break: false,
    });
    let mut columns = vec!["Nämndmål".to_string()];
    columns.extend(
        o.counts
            .columns()
            .iter()
            .map(|(sym, word, _)| format!("{sym} {word}")),
    );
    let mut rows: Vec<Vec<String>> = o
        .groups
        .iter()
        .map(|g| {
            let name = match (g.id.trim(), g.title.trim()) {
                ("", "") => "(utan nämndmål)".to_string(),
                (id, title) => one_line(&format!("{id} {title}")),
            };
            let mut r = vec![name];
            r.extend(count_cells(&g.counts));
            r
        })
        .collect();
    let mut total = vec!["Totalt".to_string()];
    total.extend(count_cells(&o.counts));
    rows.push(total);
    out.push(Block::Table { columns, rows });

    out.push(Block::Heading {
        level: 2,
        text: "Enheter".into(),
        page_break: false,
    });
    let mut columns = vec!["Enhet".to_string(), "Status".to_string()];
    columns.extend(o.groups.iter().map(|g| g.label.clone()));
    let rows = o
        .units
        .iter()
        .map(|u| {
            let mut r = vec![unit_name(u), u.standing_sv().to_string()];
            r.extend(u.cells.iter().map(|c| symbols(c)));
            r
        })
        .collect();
    out.push(Block::Table { columns, rows });
    out.push(Block::Heading {
        level: 2,
        text: "Teckenförklaring".into(),
        page_break: false,
    });
    out.push(Block::Bullets(
        Mark::legend()
            .iter()
            .map(|(m, text)| format!("{} {text}", m.symbol()))
            .collect(),
    ));
    if !o.problems.is_empty() {
        out.push(Block::Heading {
            level: 2,
            text: "Filer som inte kunde läsas".into(),
            page_break: false,
        });
        out.push(Block::Bullets(
            o.problems.iter().map(|p| one_line(p)).collect(),
        ));
    }
    out
}

impl Mark {
    /// Each mark with its meaning, for legends.
    pub fn legend() -> [(Mark, &'static str); 5] {
        use crate::followup::Rating;
        [
            (Mark::Rated(Rating::Full), "uppfylls helt"),
            (Mark::Rated(Rating::Partial), "uppfylls delvis"),
            (Mark::Rated(Rating::Not), "uppfylls inte"),
            (Mark::Rated(Rating::NotAssessed), "ej bedömd"),
            (Mark::Missing, "saknas (ingen bedömning)"),
        ]
    }
}

pub const CSV_COLUMNS: [&str; 7] = [
    "Enhets-id",
    "Enhet",
    "Status",
    "Nämndmål",
    "Mål-id",
    "Mål",
    "Bedömning",
];

/// One row per unit and goal (a unit without goals has one row with the
/// goal cells empty), in the overview's unit order; CRLF line ends.
pub fn csv(o: &Overview) -> String {
    let mut out = String::new();
    row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for u in &o.units {
        let status = u.standing_sv().to_string();
        let mut any = false;
        for (g, cell) in o.groups.iter().zip(&u.cells) {
            // The title: the id is only a number within each plan.
            let group = g.title.trim().to_string();
            for goal in cell {
                any = true;
                row(
                    &mut out,
                    [
                        u.id.clone(),
                        u.name.clone(),
                        status.clone(),
                        group.trim().to_string(),
                        goal.id.clone(),
                        goal.title.clone(),
                        goal.mark.code().to_string(),
                    ]
                    .into_iter(),
                );
            }
        }
        if !any {
            row(
                &mut out,
                [
                    u.id.clone(),
                    u.name.clone(),
                    status,
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
                .into_iter(),
            );
        }
    }
    out
}

fn row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| csv_cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// A cell: sanitized to one line, a leading = + - @ (or tab, CR) made
/// inert with an apostrophe, quoted when it holds a comma, quote or line
/// end (RFC 4180).
pub fn csv_cell(s: &str) -> String {
    let mut v = sanitize::line(s.trim()).into_owned();
    if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.insert(0, '\'');
    }
    if v.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

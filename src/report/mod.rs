//! Report export: a follow-up laid out like the city's own report (title,
//! Sammanfattande analys, the goal tree with indicators, activities and
//! the enhetsmål's assessments, then the unit-level sections), as
//! Markdown, self-contained HTML, or plain text to paste into ILS.
//!
//! The document is first built as a list of neutral [`Block`]s in which
//! every text has already passed through [`crate::sanitize::display`];
//! each format then only adds its own escaping.

pub mod compile;
mod docx;
pub mod export;
mod html;
mod markdown;
pub mod overview;
mod text;
mod unit_goal;
pub mod unit_parts;

use crate::followup::{FollowUp, Period, PeriodKind, Rating};
use crate::plan::{Activity, Indicator, Periodicity, Plan};

/// The follow-up as Markdown: headings `#`..`####`, GitHub tables.
/// `earlier`: the unit's committed follow-ups of earlier periods of the same
/// year (any order; others are ignored), for the accumulated counts.
pub fn markdown(plan: &Plan, f: &FollowUp, earlier: &[FollowUp]) -> String {
    markdown::render(&build(plan, f, earlier))
}

/// The follow-up as one self-contained, printable HTML file.
pub fn html(plan: &Plan, f: &FollowUp, earlier: &[FollowUp]) -> String {
    html::render(&build(plan, f, earlier))
}

/// The follow-up as a Word document (.docx): Word's heading styles, a
/// contents list, real tables. The same follow-up gives the same bytes.
pub fn docx(plan: &Plan, f: &FollowUp, earlier: &[FollowUp]) -> Vec<u8> {
    docx::render(&build(plan, f, earlier), &docx::Meta::of(plan, f))
}

/// "Copy for ILS": plain text per enhetsmål, field by field, ready to be
/// pasted into the city's web system.
pub fn text(plan: &Plan, f: &FollowUp, earlier: &[FollowUp]) -> String {
    text::render(plan, f, earlier)
}

/// Shown where the report has a section the follow-up does not hold yet.
pub const NOT_FILLED: &str = "(ej ifylld)";

/// Text made safe for any output: no control character, escape sequence
/// or reordering character survives.
pub(crate) fn clean(s: &str) -> String {
    crate::sanitize::display(s).into_owned()
}

/// One piece of the report, its texts already sanitized.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// The document title and the lines under it (unit, committee …).
    Title {
        title: String,
        lines: Vec<String>,
    },
    /// A heading, level 2..=4 (level 1 is the title). `page_break`: the
    /// printed report starts it on a new page.
    Heading {
        level: u8,
        text: String,
        page_break: bool,
    },
    /// A small bold label that introduces what follows ("Beskrivning").
    Label(String),
    /// Free text: paragraphs separated by blank lines.
    Para(String),
    /// "Åtgärd: …": a label and its text on one line.
    Field {
        label: String,
        text: String,
    },
    Bullets(Vec<String>),
    Numbered(Vec<String>),
    Rating {
        rating: Option<Rating>,
        label: String,
    },
    /// A section the model does not hold yet.
    Placeholder(String),
    Activities(Vec<ActivityRow>),
    /// Any other table: its column headings and rows of cells. A row whose
    /// first cell is empty continues the group named above it.
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IndicatorRow {
    pub name: String,
    pub total: String,
    pub men: String,
    pub women: String,
    /// Last year's VB outcome; empty when unknown.
    pub last_vb: String,
    pub target: String,
    pub kf_target: String,
    pub period: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActivityRow {
    pub text: String,
    pub start: String,
    pub end: String,
    /// "Genomförd", "Pågår" …, or [`NOT_FILLED`].
    pub status: String,
    /// "Ja" or "Nej".
    pub deviation: String,
    pub analysis: String,
}

/// The indicator table's columns, as in the city's report.
pub(crate) fn indicator_columns(year: i32) -> Vec<String> {
    [
        "Indikator",
        "Periodens utfall",
        "Utfall män/pojkar",
        "Utfall kvinnor/flickor",
        &format!("Utfall VB {}", year - 1),
        "Årsmål",
        "KF:s årsmål",
        "Period",
    ]
    .map(String::from)
    .to_vec()
}

/// The city's activity table, with the activity's status added before
/// the Avvikelse flag.
pub(crate) const ACTIVITY_COLUMNS: [&str; 5] = [
    "Aktivitet",
    "Startdatum",
    "Slutdatum",
    "Status",
    "Avvikelse",
];

impl ActivityRow {
    /// The cells under [`ACTIVITY_COLUMNS`], in order.
    pub(crate) fn cells(&self) -> [&str; 5] {
        [
            &self.text,
            &self.start,
            &self.end,
            &self.status,
            &self.deviation,
        ]
    }
}

pub(crate) const NO_DATA: &str = "Inga data";

/// The assessment line of a goal above the enhetsmål (KF:s inriktningsmål,
/// KF:s mål för verksamhetsområdet, nämndmål), which the unit does not
/// assess. The city's report has it under every such heading and nowhere
/// else: also where the goal has indicators or activities of its own (2.2,
/// 3.4 and the nämndmål in the 2025 VB), never under an enhetsmål (its
/// rating stands there) nor under the unit-level sections.
pub(crate) const NO_DATA_LINE: &str = "— Inga data";

/// The symbol of an enhetsmål without a rating; "ej bedömd" has its own
/// ([`Rating::symbol`]). The same mark as in the overview.
pub(crate) const UNRATED_SYMBOL: &str = crate::overview::MISSING_SYMBOL;

/// The report's title: "Verksamhetsberättelse 2025", "Tertialrapport 1 2025".
pub(crate) fn title(f: &FollowUp) -> String {
    f.period.title_sv()
}

/// The report as blocks, in the order of the city's document.
pub(crate) fn build(plan: &Plan, f: &FollowUp, earlier: &[FollowUp]) -> Vec<Block> {
    let mut out = Vec::new();
    let one_line = |s: &str| crate::sanitize::line(s.trim()).into_owned();
    let mut lines = vec![one_line(&plan.unit.name), one_line(&plan.unit.committee)];
    if let Some(dnr) = &plan.unit.dnr {
        lines.push(format!("Dnr: {}", one_line(dnr)));
    }
    if let Some(chief) = &plan.unit.chief {
        lines.push(format!("Ansvarig: {}", one_line(chief)));
    }
    if f.status != crate::followup::Status::Done {
        lines.push(format!("Status: {}", f.status.code()));
    }
    out.push(Block::Title {
        title: title(f),
        lines,
    });
    unit_parts::summary(f, &mut out);
    out.push(heading(
        2,
        "Uppföljning av Kommunfullmäktiges inriktningsmål",
        true,
    ));
    for kf in &plan.kf_goals {
        out.push(heading(
            3,
            &format!("KF:s inriktningsmål: {}. {}", kf.id, kf.title),
            false,
        ));
        out.push(Block::Placeholder(NO_DATA_LINE.into()));
        goal_items(plan, f, earlier, &kf.id, &mut out);
        for area in plan.area_goals_of(&kf.id) {
            out.push(heading(
                3,
                &format!(
                    "KF:s mål för verksamhetsområdet: {} {}",
                    area.id, area.title
                ),
                false,
            ));
            out.push(Block::Placeholder(NO_DATA_LINE.into()));
            goal_items(plan, f, earlier, &area.id, &mut out);
            for c in plan.committee_goals_of(&area.id) {
                out.push(heading(4, &format!("Nämndmål: {}", c.title), false));
                out.push(Block::Placeholder(NO_DATA_LINE.into()));
                if !c.description.trim().is_empty() {
                    out.push(Block::Label("Beskrivning".into()));
                    out.push(Block::Para(clean(c.description.trim())));
                }
                if !c.expected_results.is_empty() {
                    out.push(Block::Label("Förväntat resultat".into()));
                    out.push(Block::Bullets(
                        c.expected_results.iter().map(|r| clean(r.trim())).collect(),
                    ));
                }
                goal_items(plan, f, earlier, &c.id, &mut out);
                for u in plan.unit_goals_of(&c.id) {
                    unit_goal::render(plan, f, earlier, u, &mut out);
                }
            }
        }
    }
    unit_parts::economy(f, &mut out);
    unit_parts::quality(f, &mut out);
    unit_parts::complaints(f, earlier, &mut out);
    out
}

fn heading(level: u8, text: &str, page_break: bool) -> Block {
    Block::Heading {
        level,
        text: crate::sanitize::line(text).into_owned(),
        page_break,
    }
}

/// The indicator and activity tables of the goal `id`, when it has any.
fn goal_items(plan: &Plan, f: &FollowUp, earlier: &[FollowUp], id: &str, out: &mut Vec<Block>) {
    let last_vb = earlier
        .iter()
        .find(|e| e.unit == f.unit && e.period == Period::new(f.period.year - 1, PeriodKind::Vb));
    let rows: Vec<IndicatorRow> = plan
        .indicators_of(id)
        .map(|i| indicator_row(i, f, last_vb))
        .collect();
    if !rows.is_empty() {
        out.push(Block::Table {
            columns: indicator_columns(f.period.year),
            rows: rows
                .into_iter()
                .map(|r| {
                    vec![
                        r.name,
                        r.total,
                        r.men,
                        r.women,
                        r.last_vb,
                        r.target,
                        r.kf_target,
                        r.period,
                    ]
                })
                .collect(),
        });
    }
    let rows: Vec<ActivityRow> = plan.activities_of(id).map(|a| activity_row(a, f)).collect();
    if !rows.is_empty() {
        out.push(Block::Activities(rows));
    }
}

/// `last_vb`: last year's VB, for the column "Utfall VB <last year>".
pub(crate) fn indicator_row(
    i: &Indicator,
    f: &FollowUp,
    last_vb: Option<&FollowUp>,
) -> IndicatorRow {
    let rec = f.indicator(&i.id);
    let value = |v: Option<f64>| match v {
        Some(v) => i.format_value(v),
        None => NO_DATA.to_string(),
    };
    let split = |v: Option<f64>| {
        if i.by_sex { value(v) } else { String::new() }
    };
    let period = match i.periodicity {
        Periodicity::Year => f.period.year.to_string(),
        _ => f.period.kind.code_with_year(f.period.year),
    };
    IndicatorRow {
        name: clean(&i.name),
        total: value(rec.and_then(|r| r.total)),
        men: split(rec.and_then(|r| r.men)),
        women: split(rec.and_then(|r| r.women)),
        last_vb: last_vb
            .and_then(|v| v.indicator(&i.id))
            .and_then(|r| r.total)
            .map(|v| i.format_value(v))
            .unwrap_or_default(),
        target: clean(i.annual_target.as_deref().unwrap_or("")),
        kf_target: clean(i.kf_target.as_deref().unwrap_or("")),
        period,
    }
}

pub(crate) fn activity_row(a: &Activity, f: &FollowUp) -> ActivityRow {
    let rec = f.activity(&a.id);
    ActivityRow {
        text: clean(a.text.trim()),
        start: a.start.to_string(),
        end: a.end.to_string(),
        status: rec
            .and_then(|r| r.status)
            .map_or_else(|| NOT_FILLED.to_string(), |s| capitalized(s.label_sv())),
        deviation: yes_no(rec.is_some_and(|r| r.deviation)).into(),
        analysis: clean(rec.map(|r| r.analysis.trim()).unwrap_or("")),
    }
}

pub(crate) fn yes_no(b: bool) -> &'static str {
    if b { "Ja" } else { "Nej" }
}

/// "genomförd" → "Genomförd", as a table cell shows it.
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "● Uppfylls helt", the forecast words in T1/T2, "– Ej bedömd" when the
/// chief chose not to assess, "? Ej ifylld" when no rating is given yet:
/// a symbol and words of its own for each, in every format.
pub(crate) fn rating_label(rating: Option<Rating>, forecast: bool) -> String {
    match rating {
        Some(r) => format!("{} {}", r.symbol(), r.label_sv(forecast)),
        None => format!("{UNRATED_SYMBOL} Ej ifylld"),
    }
}

/// What a deviation's link points at, in words.
pub(crate) fn link_label(plan: &Plan, link: &str) -> String {
    if let Some(n) = link.strip_prefix('R')
        && n.parse::<usize>().is_ok()
    {
        return format!("Förväntat resultat {n}");
    }
    if let Some(i) = plan.indicator(link) {
        return format!("Indikator: {}", i.name);
    }
    if let Some(a) = plan.activity(link) {
        return format!("Aktivitet: {}", a.text);
    }
    link.to_string()
}

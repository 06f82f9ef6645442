//! Rendering a plan as the text of the city's plan document: the front
//! page, the sections, the goal tree with its fields and tables, as the
//! blocks a layout then prints.

use crate::plan::{Indicator, Plan, Points};

/// One block of the document, before a layout prints it.
#[derive(Debug, Clone)]
pub enum Block {
    /// Front-page lines, printed one per line and never wrapped.
    Front(Vec<String>),
    /// A heading line: a section title or a field name.
    Heading(String),
    /// A goal heading with its title ("Nämndmål: …"), wrapped like text.
    Title(String),
    /// Running text: one paragraph (its own line breaks kept).
    Para(String),
    /// A sub-heading inside a field's text (a layout may print it).
    SubHeading(String),
    /// Förväntat resultat: the points of a list.
    Points(Vec<String>, PointStyle),
    /// A field's numbered points (each may run over several lines).
    Numbered(Vec<String>),
    /// A table: header cells and rows of cells (name first).
    Table(Table),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointStyle {
    /// "- Text" (a nämndmål's list).
    Bullets,
    /// "1. Text" (an enhetsmål's list).
    Numbers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Indicators,
    Activities,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub kind: TableKind,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// An indicator's comment, printed after its row: (row index, text).
    pub comments: Vec<(usize, String)>,
}

/// Phrases a chief puts as a sub-heading inside a field's text.
const SUB_HEADINGS: [&str; 6] = [
    "Systematiskt kvalitetsarbete",
    "Kompetensutveckling",
    "Samverkan",
    "Medarbetarnas delaktighet",
    "Övrigt",
    "Uppföljning av arbetet",
];

/// The document of `plan` as blocks. `front`: with the front page;
/// `sub`: index into the sub-headings put inside fields, `None` for none.
pub fn blocks(plan: &Plan, front: bool, sub: Option<usize>) -> Vec<Block> {
    let mut out = Vec::new();
    let u = &plan.unit;
    if front {
        let mut f = Vec::new();
        if let Some(d) = &u.dnr {
            f.push(format!("Dnr: {d}"));
        }
        f.push(format!("{}-01-23", u.year));
        f.push(String::new());
        f.push("Handläggare".into());
        f.push(u.chief.clone().unwrap_or_else(|| "Anna Andersson".into()));
        f.push("Telefon: 08-508 00 000".into());
        f.push(String::new());
        f.push("Till".into());
        f.push(u.committee.clone());
        f.push(format!("{}-02-20", u.year));
        f.push(String::new());
        f.push(format!("Verksamhetsplan {}", u.year));
        f.push(String::new());
        f.push(u.name.clone());
        out.push(Block::Front(f));
    }
    let mut sub_at = sub;
    let mut next_sub = || {
        let s = sub_at.map(|i| SUB_HEADINGS[i % SUB_HEADINGS.len()].to_string());
        sub_at = sub_at.map(|i| i + 1);
        s
    };
    let sections = |out: &mut Vec<Block>, after: bool| {
        for s in plan.sections.iter().filter(|s| s.after_goals == after) {
            out.push(Block::Heading(s.title.clone()));
            text(out, &s.text);
        }
    };
    sections(&mut out, false);
    for k in &plan.kf_goals {
        out.push(Block::Title(format!(
            "KF:s inriktningsmål: {}{}",
            number(&k.id, true),
            k.title
        )));
        tables(&mut out, plan, &k.id);
        for a in plan.area_goals.iter().filter(|a| a.kf_goal == k.id) {
            out.push(Block::Title(format!(
                "KF:s mål för verksamhetsområdet: {}{}",
                number(&a.id, false),
                a.title
            )));
            tables(&mut out, plan, &a.id);
            for c in plan.committee_goals.iter().filter(|c| c.area_goal == a.id) {
                out.push(Block::Title(format!("Nämndmål: {}", c.title)));
                if !c.description.is_empty() {
                    out.push(Block::Heading("Beskrivning".into()));
                    text_with_sub(&mut out, &c.description, next_sub());
                }
                if !c.expected_results.is_empty() {
                    out.push(Block::Heading("Förväntat resultat".into()));
                    out.push(Block::Points(
                        c.expected_results.clone(),
                        PointStyle::Bullets,
                    ));
                }
                tables(&mut out, plan, &c.id);
                for g in plan.unit_goals.iter().filter(|g| g.committee_goal == c.id) {
                    out.push(Block::Title(format!("Enhetsmål: {}", g.title)));
                    out.push(Block::Heading("Förväntat resultat".into()));
                    out.push(Block::Points(
                        g.expected_results.clone(),
                        PointStyle::Numbers,
                    ));
                    let fields = [
                        ("Arbetssätt", &g.ways_of_working),
                        ("Resursanvändning", &g.resources),
                        ("Uppföljning", &g.follow_up),
                        ("Utveckling", &g.development),
                    ];
                    for (name, p) in fields {
                        if p.is_empty() {
                            continue;
                        }
                        out.push(Block::Heading(name.into()));
                        field(&mut out, p, next_sub());
                    }
                    tables(&mut out, plan, &g.id);
                    if !g.comment.is_empty() {
                        out.push(Block::Heading("Kommentar".into()));
                        field(&mut out, &g.comment, None);
                    }
                }
            }
        }
    }
    sections(&mut out, true);
    out
}

/// "1" → "1. " for a KF goal, "1.4" → "1.4 " for an area goal; ids that
/// are not the document's numbers are not printed.
fn number(id: &str, kf: bool) -> String {
    if !id.starts_with(|c: char| c.is_ascii_digit()) {
        return String::new();
    }
    if kf {
        format!("{id}. ")
    } else {
        format!("{id} ")
    }
}

fn text(out: &mut Vec<Block>, t: &str) {
    for p in t.split("\n\n").filter(|p| !p.trim().is_empty()) {
        out.push(Block::Para(p.to_string()));
    }
}

/// Running text with a sub-heading after its first paragraph.
fn text_with_sub(out: &mut Vec<Block>, t: &str, sub: Option<String>) {
    let mut paras = t.split("\n\n").filter(|p| !p.trim().is_empty());
    if let Some(first) = paras.next() {
        out.push(Block::Para(first.to_string()));
    }
    if let Some(s) = sub {
        out.push(Block::SubHeading(s));
    }
    for p in paras {
        out.push(Block::Para(p.to_string()));
    }
}

fn field(out: &mut Vec<Block>, p: &Points, sub: Option<String>) {
    match p {
        Points::Text(t) => text_with_sub(out, t, sub),
        Points::Numbered(items) => {
            out.push(Block::Numbered(items.clone()));
            if let Some(s) = sub {
                // A closing remark under its own heading, still in the field.
                out.push(Block::SubHeading(s));
                out.push(Block::Para(
                    "Arbetet följs upp på arbetsplatsträffarna under året.".into(),
                ));
            }
        }
    }
}

fn tables(out: &mut Vec<Block>, plan: &Plan, parent: &str) {
    let inds: Vec<&Indicator> = plan
        .indicators
        .iter()
        .filter(|i| i.parent == parent)
        .collect();
    if !inds.is_empty() {
        let mut comments = Vec::new();
        let rows = inds
            .iter()
            .enumerate()
            .map(|(n, i)| {
                if let Some(c) = &i.comment {
                    comments.push((n, c.clone()));
                }
                vec![
                    i.name.clone(),
                    i.annual_target.clone().unwrap_or_default(),
                    i.kf_target.clone().unwrap_or_default(),
                    i.periodicity.label().to_string(),
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            kind: TableKind::Indicators,
            header: vec![
                "Indikator".into(),
                "Årsmål".into(),
                format!("KF:s årsmål år {}", plan.unit.year),
                "Periodicitet".into(),
            ],
            rows,
            comments,
        }));
    }
    let acts: Vec<Vec<String>> = plan
        .activities
        .iter()
        .filter(|a| a.parent == parent)
        .map(|a| vec![a.text.clone(), a.start.to_string(), a.end.to_string()])
        .collect();
    if !acts.is_empty() {
        out.push(Block::Table(Table {
            kind: TableKind::Activities,
            header: vec!["Aktivitet".into(), "Startdatum".into(), "Slutdatum".into()],
            rows: acts,
            comments: Vec::new(),
        }));
    }
}

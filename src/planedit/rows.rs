//! The plan as the list the screen walks: one row per text, in document
//! order (unit, then KF goal → area goal → nämndmål → enhetsmål with their
//! points, indicators and activities), each with where it seems to come
//! from in the source and whether the importer was unsure of it.

use super::item::{ActivityCell, Doc, Field, IndicatorCell, Item, points};
use crate::i18n::Lang;
use crate::plan::Plan;

/// How a row is marked (a sign, not only a colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    /// A note of the importer names this item.
    Unsure,
    /// A text the importer did not place.
    Unplaced,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub depth: u8,
    pub label: String,
    pub item: Option<Item>,
    pub mark: Mark,
    /// The source line the text seems to come from (1-based).
    pub line: Option<usize>,
}

/// Builds the rows; `source` (the imported text's lines) places texts not
/// placed next to what they followed.
pub fn build(
    doc: &Doc,
    notes: &[(usize, String)],
    source: Option<&[String]>,
    lang: Lang,
) -> Vec<Row> {
    let p = &doc.plan;
    let mut rows = Vec::new();
    let mut push = |depth: u8, label: String, item: Option<Item>| {
        rows.push(Row {
            depth,
            label,
            item,
            mark: Mark::None,
            line: None,
        })
    };
    push(0, lang.t("Enheten", "The unit").into(), None);
    push(1, lang.t("Namn", "Name").into(), Some(Item::UnitName));
    push(1, lang.t("Id", "Id").into(), Some(Item::UnitId));
    push(
        1,
        lang.t("Nämnd", "Committee").into(),
        Some(Item::Committee),
    );
    push(1, lang.t("År", "Year").into(), Some(Item::Year));
    if !notes.is_empty() {
        push(
            0,
            format!(
                "{} ({})",
                lang.t("Importen var osäker", "The import was unsure"),
                notes.len()
            ),
            None,
        );
        for (i, (line, _)) in notes.iter().enumerate() {
            push(1, note_label(*line, lang), Some(Item::Note(i)));
        }
    }
    if !doc.unplaced.is_empty() {
        push(
            0,
            format!(
                "{} ({})",
                lang.t("Ej placerat", "Not placed"),
                doc.unplaced.len()
            ),
            None,
        );
        for (i, (line, _)) in doc.unplaced.iter().enumerate() {
            push(1, line_label(*line, lang), Some(Item::Unplaced(i)));
        }
    }
    let head = rows.len();
    tree(p, lang, &mut rows);
    let ids = named_ids(p, notes);
    for r in &mut rows[head..] {
        if let Some(item) = r.item
            && let Some(id) = owner_id(p, item)
            && ids.contains(&id)
        {
            r.mark = Mark::Unsure;
        }
    }
    let about = |words: &[&str]| {
        notes
            .iter()
            .any(|(_, n)| words.iter().any(|w| n.to_lowercase().contains(w)))
    };
    let unsure_name = about(&["unit name", "enhetens namn", "unit's name"]);
    let unsure_committee = about(&["committee", "nämnd"]);
    let unsure_year = about(&["year not found", "året hittades inte"]);
    for r in &mut rows {
        match r.item {
            Some(Item::UnitName) if unsure_name => r.mark = Mark::Unsure,
            Some(Item::Committee) if unsure_committee => r.mark = Mark::Unsure,
            Some(Item::Year) if unsure_year => r.mark = Mark::Unsure,
            Some(Item::Note(i)) => {
                r.mark = Mark::Unsure;
                r.line = Some(notes[i].0).filter(|l| *l > 0);
            }
            Some(Item::Unplaced(i)) => {
                r.mark = Mark::Unplaced;
                r.line = Some(doc.unplaced[i].0);
            }
            _ => {}
        }
    }
    if let Some(src) = source {
        locate(doc, notes, src, &mut rows[head..]);
        place_unplaced(doc, lang, head, &mut rows);
    }
    rows
}

fn note_label(line: usize, lang: Lang) -> String {
    match line {
        0 => lang.t("Anteckning", "Note").into(),
        n => format!("{} {n}", lang.t("Rad", "Line")),
    }
}

fn line_label(line: usize, lang: Lang) -> String {
    format!("{} {line}", lang.t("Rad", "Line"))
}

fn tree(p: &Plan, lang: Lang, rows: &mut Vec<Row>) {
    let mut seen_area = vec![false; p.area_goals.len()];
    let mut seen_committee = vec![false; p.committee_goals.len()];
    let mut seen_unit = vec![false; p.unit_goals.len()];
    for (k, kf) in p.kf_goals.iter().enumerate() {
        goal_row(rows, 0, format!("KF-mål {}", kf.id), Item::KfTitle(k));
        attached(p, lang, &kf.id, 1, rows);
        for (a, area) in p.area_goals.iter().enumerate() {
            if area.kf_goal != kf.id || std::mem::replace(&mut seen_area[a], true) {
                continue;
            }
            let label = format!(
                "{} {}",
                lang.t("KF:s mål för området", "KF area goal"),
                area.id
            );
            goal_row(rows, 1, label, Item::AreaTitle(a));
            attached(p, lang, &area.id, 2, rows);
            for (c, cg) in p.committee_goals.iter().enumerate() {
                if cg.area_goal != area.id || std::mem::replace(&mut seen_committee[c], true) {
                    continue;
                }
                committee(p, lang, c, 2, rows);
                for (u, _) in p.unit_goals.iter().enumerate() {
                    if p.unit_goals[u].committee_goal != cg.id
                        || std::mem::replace(&mut seen_unit[u], true)
                    {
                        continue;
                    }
                    unit(p, lang, u, 3, rows);
                }
            }
        }
    }
    // Goals whose parent is missing are shown too, so nothing is hidden.
    for (c, seen) in seen_committee.iter().enumerate() {
        if !seen {
            committee(p, lang, c, 0, rows);
        }
    }
    for (u, seen) in seen_unit.iter().enumerate() {
        if !seen {
            unit(p, lang, u, 0, rows);
        }
    }
    for (a, seen) in seen_area.iter().enumerate() {
        if !seen {
            let label = format!(
                "{} {}",
                lang.t("KF:s mål för området", "KF area goal"),
                p.area_goals[a].id
            );
            goal_row(rows, 0, label, Item::AreaTitle(a));
        }
    }
    let goal_ids = p.goal_order();
    for (i, x) in p.indicators.iter().enumerate() {
        if !goal_ids.contains(&x.parent) {
            indicator(lang, i, &x.id, 0, rows);
        }
    }
    for (i, x) in p.activities.iter().enumerate() {
        if !goal_ids.contains(&x.parent) {
            activity(lang, i, &x.id, 0, rows);
        }
    }
}

fn goal_row(rows: &mut Vec<Row>, depth: u8, label: String, item: Item) {
    rows.push(Row {
        depth,
        label,
        item: Some(item),
        mark: Mark::None,
        line: None,
    });
}

fn committee(p: &Plan, lang: Lang, c: usize, depth: u8, rows: &mut Vec<Row>) {
    let g = &p.committee_goals[c];
    goal_row(
        rows,
        depth,
        format!("{} {}", lang.t("Nämndmål", "Committee goal"), g.id),
        Item::CommitteeTitle(c),
    );
    goal_row(
        rows,
        depth + 1,
        lang.t("Beskrivning", "Description").into(),
        Item::Description(c),
    );
    for j in 0..g.expected_results.len() {
        let label = format!("{} {}", Field::Expected.label(lang), j + 1);
        goal_row(rows, depth + 1, label, Item::CommitteeResult(c, j));
    }
    attached(p, lang, &g.id, depth + 1, rows);
}

fn unit(p: &Plan, lang: Lang, u: usize, depth: u8, rows: &mut Vec<Row>) {
    let g = &p.unit_goals[u];
    goal_row(
        rows,
        depth,
        format!("{} {}", lang.t("Enhetsmål", "Unit goal"), g.id),
        Item::UnitTitle(u),
    );
    for f in Field::ALL {
        let list = points(g, f);
        for j in 0..list.len() {
            let label = if list.len() == 1 && f != Field::Expected {
                f.label(lang).to_string()
            } else {
                format!("{} {}", f.label(lang), j + 1)
            };
            goal_row(rows, depth + 1, label, Item::Point(u, f, j));
        }
    }
    attached(p, lang, &g.id, depth + 1, rows);
}

fn attached(p: &Plan, lang: Lang, parent: &str, depth: u8, rows: &mut Vec<Row>) {
    for (i, x) in p.indicators.iter().enumerate() {
        if x.parent == parent {
            indicator(lang, i, &x.id, depth, rows);
        }
    }
    for (i, x) in p.activities.iter().enumerate() {
        if x.parent == parent {
            activity(lang, i, &x.id, depth, rows);
        }
    }
}

fn indicator(lang: Lang, i: usize, id: &str, depth: u8, rows: &mut Vec<Row>) {
    let label = format!("{} {id}", lang.t("Indikator", "Indicator"));
    goal_row(rows, depth, label, Item::Indicator(i, IndicatorCell::Name));
    for (cell, label) in [
        (
            IndicatorCell::AnnualTarget,
            lang.t("Årsmål", "Annual target"),
        ),
        (
            IndicatorCell::KfTarget,
            lang.t("KF:s årsmål", "KF's annual target"),
        ),
        (
            IndicatorCell::Periodicity,
            lang.t("Periodicitet", "Periodicity"),
        ),
    ] {
        goal_row(rows, depth + 1, label.into(), Item::Indicator(i, cell));
    }
}

fn activity(lang: Lang, i: usize, id: &str, depth: u8, rows: &mut Vec<Row>) {
    let label = format!("{} {id}", lang.t("Aktivitet", "Activity"));
    goal_row(rows, depth, label, Item::Activity(i, ActivityCell::Text));
    goal_row(
        rows,
        depth + 1,
        lang.t("Startdatum", "Start date").into(),
        Item::Activity(i, ActivityCell::Start),
    );
    goal_row(
        rows,
        depth + 1,
        lang.t("Slutdatum", "End date").into(),
        Item::Activity(i, ActivityCell::End),
    );
}

/// The id of the goal, indicator or activity an item belongs to.
fn owner_id(p: &Plan, item: Item) -> Option<String> {
    Some(match item {
        Item::KfTitle(i) => p.kf_goals.get(i)?.id.clone(),
        Item::AreaTitle(i) => p.area_goals.get(i)?.id.clone(),
        Item::CommitteeTitle(i) => p.committee_goals.get(i)?.id.clone(),
        Item::UnitTitle(i) => p.unit_goals.get(i)?.id.clone(),
        Item::Indicator(i, IndicatorCell::Name) => p.indicators.get(i)?.id.clone(),
        Item::Activity(i, ActivityCell::Text) => p.activities.get(i)?.id.clone(),
        _ => return None,
    })
}

/// Ids of the plan that the notes name ("enhetsmål E3 has …").
fn named_ids(p: &Plan, notes: &[(usize, String)]) -> std::collections::HashSet<String> {
    let mut all = std::collections::HashSet::new();
    all.extend(p.unit_goals.iter().map(|g| g.id.clone()));
    all.extend(p.committee_goals.iter().map(|g| g.id.clone()));
    all.extend(p.indicators.iter().map(|g| g.id.clone()));
    all.extend(p.activities.iter().map(|g| g.id.clone()));
    let mut named = std::collections::HashSet::new();
    for (_, note) in notes {
        for word in note.split(|c: char| c.is_whitespace() || ",:;()\"'".contains(c)) {
            if all.contains(word) {
                named.insert(word.to_string());
            }
        }
    }
    named
}

/// Lines searched ahead of the last text found: a plan's items come in
/// the source's order, so the search stays near linear.
const SEARCH_AHEAD: usize = 3000;

/// Text as compared with the source: lower case, Swedish letters folded
/// to their plain forms (OCR writes "haller" for "håller"), anything but
/// letters and digits a single space.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        };
        if c != ' ' || !(out.is_empty() || out.ends_with(' ')) {
            out.push(c);
        }
    }
    out.trim_end().to_string()
}

/// The start of a text as searched for: its first few words, folded (a
/// title's first line is enough, and OCR changes little at the start).
fn needle(text: &str) -> Option<String> {
    let folded = fold(text);
    let n = folded.split(' ').take(3).collect::<Vec<_>>().join(" ");
    (n.len() >= 12).then_some(n)
}

/// Gives each tree row the source line its text seems to start on.
fn locate(doc: &Doc, notes: &[(usize, String)], src: &[String], rows: &mut [Row]) {
    let lowered: Vec<String> = src.iter().map(|l| fold(l)).collect();
    let mut from = 0usize;
    for r in rows.iter_mut() {
        let Some(item) = r.item else { continue };
        if matches!(item, Item::Note(_) | Item::Unplaced(_)) {
            continue;
        }
        let Some(text) = super::item::text(doc, notes, item) else {
            continue;
        };
        let Some(n) = needle(&text) else { continue };
        let end = (from + SEARCH_AHEAD).min(lowered.len());
        if let Some(k) = (from..end).find(|&k| lowered[k].contains(&n)) {
            r.line = Some(k + 1);
            from = k;
        }
    }
}

/// Shows every text not placed in the tree as well, after the last row
/// that comes before it in the source.
fn place_unplaced(doc: &Doc, lang: Lang, head: usize, rows: &mut Vec<Row>) {
    let mut placed: Vec<(usize, Row)> = Vec::new();
    for (i, (line, _)) in doc.unplaced.iter().enumerate() {
        let after = rows[head..]
            .iter()
            .rposition(|r| r.line.is_some_and(|l| l <= *line));
        let Some(after) = after else { continue };
        let depth = rows[head + after].depth.max(1);
        placed.push((
            head + after + 1,
            Row {
                depth,
                label: line_label(*line, lang),
                item: Some(Item::Unplaced(i)),
                mark: Mark::Unplaced,
                line: Some(*line),
            },
        ));
    }
    // Inserted from the end so earlier positions stay right.
    for (at, row) in placed.into_iter().rev() {
        rows.insert(at, row);
    }
}

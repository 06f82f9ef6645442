//! Comparing an imported plan with the plan it was rendered from, item by
//! item: goal titles, förväntat resultat points, indicators (all four cells
//! and the parent), activities (text, both dates, parent), the unit's name.

use crate::plan::Plan;
use std::collections::HashMap;

/// The classes of items, in the order the tables print them.
pub const CLASSES: [&str; 5] = ["titles", "points", "indicators", "activities", "unit"];

/// Exact items and all items per class, and the items that were not exact.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub exact: [usize; 5],
    pub total: [usize; 5],
    pub missed: Vec<String>,
    /// The imported items that matched none of the original's.
    pub extra: Vec<String>,
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        for i in 0..5 {
            self.exact[i] += o.exact[i];
            self.total[i] += o.total[i];
        }
        self.missed.extend(o.missed.iter().cloned());
        self.extra.extend(o.extra.iter().cloned());
    }

    pub fn all_exact(&self) -> usize {
        self.exact.iter().sum()
    }

    pub fn all(&self) -> usize {
        self.total.iter().sum()
    }
}

/// Whitespace runs (line breaks included) as one space: where a line
/// breaks is layout, not content.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each goal's kind and place among the goals of its kind: how a parent is
/// named independently of the ids the importer gives.
fn places(p: &Plan) -> HashMap<&str, String> {
    let mut m = HashMap::new();
    for (i, g) in p.kf_goals.iter().enumerate() {
        m.insert(g.id.as_str(), format!("kf#{i}"));
    }
    for (i, g) in p.area_goals.iter().enumerate() {
        m.insert(g.id.as_str(), format!("area#{i}"));
    }
    for (i, g) in p.committee_goals.iter().enumerate() {
        m.insert(g.id.as_str(), format!("nämndmål#{i}"));
    }
    for (i, g) in p.unit_goals.iter().enumerate() {
        m.insert(g.id.as_str(), format!("enhetsmål#{i}"));
    }
    m
}

/// The items of a plan, per class, as comparable strings.
fn items(p: &Plan) -> [Vec<String>; 5] {
    let pl = places(p);
    let parent = |id: &str| pl.get(id).cloned().unwrap_or_else(|| format!("?{id}"));
    let mut titles = Vec::new();
    titles.extend(p.kf_goals.iter().map(|g| format!("kf: {}", norm(&g.title))));
    titles.extend(
        p.area_goals
            .iter()
            .map(|g| format!("area: {}", norm(&g.title))),
    );
    titles.extend(
        p.committee_goals
            .iter()
            .map(|g| format!("nämndmål: {}", norm(&g.title))),
    );
    titles.extend(
        p.unit_goals
            .iter()
            .map(|g| format!("enhetsmål: {}", norm(&g.title))),
    );
    let mut points = Vec::new();
    for (i, g) in p.committee_goals.iter().enumerate() {
        points.extend(
            g.expected_results
                .iter()
                .map(|r| format!("nämndmål#{i}: {}", norm(r))),
        );
    }
    for (i, g) in p.unit_goals.iter().enumerate() {
        points.extend(
            g.expected_results
                .iter()
                .map(|r| format!("enhetsmål#{i}: {}", norm(r))),
        );
    }
    let indicators = p
        .indicators
        .iter()
        .map(|i| {
            format!(
                "{} | {} | {} | {} | under {}",
                norm(&i.name),
                i.annual_target.as_deref().map(norm).unwrap_or_default(),
                i.kf_target.as_deref().map(norm).unwrap_or_default(),
                i.periodicity.label(),
                parent(&i.parent)
            )
        })
        .collect();
    let activities = p
        .activities
        .iter()
        .map(|a| {
            format!(
                "{} | {} | {} | under {}",
                norm(&a.text),
                a.start,
                a.end,
                parent(&a.parent)
            )
        })
        .collect();
    let unit = vec![format!("unit: {}", norm(&p.unit.name))];
    [titles, points, indicators, activities, unit]
}

/// How many of `original`'s items `imported` has exactly (each imported
/// item counts once).
pub fn score(original: &Plan, imported: &Plan) -> Score {
    let want = items(original);
    let got = items(imported);
    let mut s = Score::default();
    for c in 0..5 {
        let mut have: HashMap<&str, usize> = HashMap::new();
        for g in &got[c] {
            *have.entry(g.as_str()).or_default() += 1;
        }
        for w in &want[c] {
            s.total[c] += 1;
            match have.get_mut(w.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    s.exact[c] += 1;
                }
                _ => s.missed.push(format!("{}: {w}", CLASSES[c])),
            }
        }
        for g in &got[c] {
            if let Some(n) = have.get_mut(g.as_str())
                && *n > 0
            {
                *n -= 1;
                s.extra.push(format!("{}: {g}", CLASSES[c]));
            }
        }
    }
    s
}

//! The plan's own rules, beyond what TOML types say: ids unique and
//! well-formed, parents that exist, dates in order, required texts present.

use super::model::Plan;
use super::spans::Path;
use crate::i18n::{Lang, current};
use crate::toml_path;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: Path,
    pub message: String,
    /// Another place the problem involves (the other use of a duplicate
    /// id); the diagnostic goes to whichever comes later in the file.
    pub related: Option<Path>,
}

impl Problem {
    pub fn new(path: Path, message: impl Into<String>) -> Self {
        Problem {
            path,
            message: message.into(),
            related: None,
        }
    }
}

/// What kind of node an id names, for parent checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Kf,
    Area,
    Committee,
    Unit,
    Indicator,
    Activity,
}

const GOALS: [Kind; 4] = [Kind::Kf, Kind::Area, Kind::Committee, Kind::Unit];

pub fn check(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    check_unit(plan, &mut out);
    let ids = check_ids(plan, &mut out);
    check_parents(plan, &ids, &mut out);
    check_texts(plan, &mut out);
    out
}

fn check_unit(plan: &Plan, out: &mut Vec<Problem>) {
    let u = &plan.unit;
    if !is_slug(&u.id) {
        out.push(Problem::new(
            toml_path!("unit", "id"),
            current().pick(
                format!(
                    "enhetens id {:?} är inte skrivet rätt; förväntade små bokstäver a-z, siffror och enstaka '-' (t.ex. \"hagerstens-hemtjanst\")",
                    u.id
                ),
                format!(
                    "unit id {:?} is not a slug; expected lower-case letters a-z, digits and single '-' (e.g. \"hagerstens-hemtjanst\")",
                    u.id
                ),
            ),
        ));
    }
    for (key, value) in [("name", &u.name), ("committee", &u.committee)] {
        if value.trim().is_empty() {
            out.push(Problem::new(
                toml_path!("unit", key),
                current().pick(
                    format!("enhetens `{key}` är tom; förväntade en text"),
                    format!("empty unit {key}; expected a text"),
                ),
            ));
        }
    }
    if !(2000..=2100).contains(&u.year) {
        out.push(Problem::new(
            toml_path!("unit", "year"),
            current().pick(
                format!(
                    "året {} ligger utanför det tillåtna; förväntade ett år mellan 2000 och 2100",
                    u.year
                ),
                format!(
                    "year {} is out of range; expected a year between 2000 and 2100",
                    u.year
                ),
            ),
        ));
    }
    for (i, s) in plan.sections.iter().enumerate() {
        if s.title.trim().is_empty() {
            out.push(Problem::new(
                toml_path!("section", i, "title"),
                current().t(
                    "avsnittets rubrik är tom; förväntade en rubrik",
                    "empty section title; expected a heading",
                ),
            ));
        }
        if !(1..=2).contains(&s.level) {
            out.push(Problem::new(
                toml_path!("section", i, "level"),
                current().pick(
                    format!("avsnittsnivå {}; förväntade 1 eller 2", s.level),
                    format!("section level {}; expected 1 or 2", s.level),
                ),
            ));
        }
    }
}

/// Every id well-formed and unique across the plan; returns the id map.
fn check_ids<'a>(plan: &'a Plan, out: &mut Vec<Problem>) -> HashMap<&'a str, (Kind, Path)> {
    let mut entries: Vec<(&str, Kind, &'static str, usize)> = Vec::new();
    let mut add = |ids: Vec<&'a str>, kind: Kind, table: &'static str| {
        entries.extend(
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id, kind, table, i)),
        );
    };
    add(
        plan.kf_goals.iter().map(|g| g.id.as_str()).collect(),
        Kind::Kf,
        "kf_goal",
    );
    add(
        plan.area_goals.iter().map(|g| g.id.as_str()).collect(),
        Kind::Area,
        "area_goal",
    );
    add(
        plan.committee_goals.iter().map(|g| g.id.as_str()).collect(),
        Kind::Committee,
        "committee_goal",
    );
    add(
        plan.unit_goals.iter().map(|g| g.id.as_str()).collect(),
        Kind::Unit,
        "unit_goal",
    );
    add(
        plan.indicators.iter().map(|g| g.id.as_str()).collect(),
        Kind::Indicator,
        "indicator",
    );
    add(
        plan.activities.iter().map(|g| g.id.as_str()).collect(),
        Kind::Activity,
        "activity",
    );
    let mut ids: HashMap<&str, (Kind, Path)> = HashMap::new();
    for (id, kind, table, i) in entries {
        let path = toml_path!(table, i, "id");
        if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
            out.push(Problem::new(
                path,
                current().pick(
                    format!("id {id:?} är ogiltigt; förväntade ett id utan mellanslag"),
                    format!("id {id:?} is not valid; expected a non-empty id without spaces"),
                ),
            ));
        } else if let Some((_, first)) = ids.get(id) {
            out.push(Problem {
                path,
                message: current().pick(
                    format!("id {id:?} finns två gånger; förväntade unika id:n i planen"),
                    format!("duplicate id {id:?}; expected ids unique within the plan"),
                ),
                related: Some(first.clone()),
            });
        } else {
            ids.insert(id, (kind, path));
        }
    }
    ids
}

fn check_parents(plan: &Plan, ids: &HashMap<&str, (Kind, Path)>, out: &mut Vec<Problem>) {
    let mut parent = |path: Path, id: &str, want: &[Kind], what: &str| {
        let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let lang = current();
        let sv = what_sv(what);
        let message = match ids.get(id).map(|(k, _)| *k) {
            Some(k) if want.contains(&k) => return,
            Some(_) => lang.pick(
                format!("{id:?} är inget {sv}; förväntade id:t för ett {sv}"),
                format!("{id:?} is not {article} {what}; expected the id of {article} {what}"),
            ),
            None => lang.pick(
                format!("inget {sv} har id {id:?}; förväntade id:t för ett {sv} i den här planen"),
                format!(
                    "no {what} has the id {id:?}; expected the id of {article} {what} in this plan"
                ),
            ),
        };
        out.push(Problem::new(path, message));
    };
    for (i, g) in plan.area_goals.iter().enumerate() {
        parent(
            toml_path!("area_goal", i, "kf_goal"),
            &g.kf_goal,
            &[Kind::Kf],
            "kf_goal",
        );
    }
    for (i, g) in plan.committee_goals.iter().enumerate() {
        parent(
            toml_path!("committee_goal", i, "area_goal"),
            &g.area_goal,
            &[Kind::Area],
            "area_goal",
        );
    }
    for (i, g) in plan.unit_goals.iter().enumerate() {
        parent(
            toml_path!("unit_goal", i, "committee_goal"),
            &g.committee_goal,
            &[Kind::Committee],
            "committee_goal",
        );
    }
    for (i, x) in plan.indicators.iter().enumerate() {
        parent(
            toml_path!("indicator", i, "parent"),
            &x.parent,
            &GOALS,
            "goal",
        );
    }
    for (i, x) in plan.activities.iter().enumerate() {
        parent(
            toml_path!("activity", i, "parent"),
            &x.parent,
            &GOALS,
            "goal",
        );
    }
}

fn check_texts(plan: &Plan, out: &mut Vec<Problem>) {
    let lang = current();
    let mut require = |path: Path, text: &str, what: &str| {
        if text.trim().is_empty() {
            let message = match lang {
                Lang::Sv => format!("{} är tom; förväntade en text", text_sv(what)),
                Lang::En => format!("empty {what}; expected a text"),
            };
            out.push(Problem::new(path, message));
        }
    };
    for (i, g) in plan.kf_goals.iter().enumerate() {
        require(toml_path!("kf_goal", i, "title"), &g.title, "title");
    }
    for (i, g) in plan.area_goals.iter().enumerate() {
        require(toml_path!("area_goal", i, "title"), &g.title, "title");
    }
    for (i, g) in plan.committee_goals.iter().enumerate() {
        require(toml_path!("committee_goal", i, "title"), &g.title, "title");
    }
    for (i, g) in plan.unit_goals.iter().enumerate() {
        require(toml_path!("unit_goal", i, "title"), &g.title, "title");
        for (j, r) in g.expected_results.iter().enumerate() {
            require(
                toml_path!("unit_goal", i, "expected_results", j),
                r,
                "expected result",
            );
        }
    }
    for (i, x) in plan.indicators.iter().enumerate() {
        require(
            toml_path!("indicator", i, "name"),
            &x.name,
            "indicator name",
        );
    }
    for (i, a) in plan.activities.iter().enumerate() {
        require(toml_path!("activity", i, "text"), &a.text, "activity text");
    }
    for (i, g) in plan.unit_goals.iter().enumerate() {
        if g.expected_results.is_empty() {
            out.push(Problem::new(
                toml_path!("unit_goal", i, "expected_results"),
                lang.t(
                    "inga förväntade resultat; förväntade minst ett förväntat resultat",
                    "no expected results; expected at least one förväntat resultat",
                ),
            ));
        }
    }
    for (i, a) in plan.activities.iter().enumerate() {
        if a.end < a.start {
            out.push(Problem::new(
                toml_path!("activity", i, "end"),
                lang.pick(
                    format!(
                        "slutdatum {} ligger före startdatum {}; förväntade ett slut på eller efter starten",
                        a.end, a.start
                    ),
                    format!(
                        "end date {} is before start date {}; expected an end on or after the start",
                        a.end, a.start
                    ),
                ),
            ));
        }
    }
}

/// The Swedish word for a kind of goal named by its table (the key stays
/// in backticks, as written in the file).
fn what_sv(what: &str) -> &'static str {
    match what {
        "kf_goal" => "KF-mål (`kf_goal`)",
        "area_goal" => "mål för verksamhetsområdet (`area_goal`)",
        "committee_goal" => "nämndmål (`committee_goal`)",
        _ => "mål",
    }
}

/// The Swedish name of a required text, as the subject of a sentence.
fn text_sv(what: &str) -> &'static str {
    match what {
        "title" => "rubriken",
        "expected result" => "det förväntade resultatet",
        "indicator name" => "indikatorns namn",
        "activity text" => "aktivitetens text",
        _ => "texten",
    }
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

//! The plan's own rules, beyond what TOML types say: ids unique and
//! well-formed, parents that exist, dates in order, required texts present.

use super::model::Plan;
use super::spans::Path;
use crate::toml_path;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: Path,
    pub message: String,
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

impl Problem {
    pub fn new(path: Path, message: impl Into<String>) -> Self {
        Problem {
            path,
            message: message.into(),
        }
    }
}

pub fn check(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();

    let u = &plan.unit;
    if !is_slug(&u.id) {
        out.push(Problem::new(
            toml_path!("unit", "id"),
            format!(
                "unit id {:?} is not a slug; expected lower-case letters a-z, digits and single '-' (e.g. \"hagerstens-hemtjanst\")",
                u.id
            ),
        ));
    }
    for (key, value) in [("name", &u.name), ("committee", &u.committee)] {
        if value.trim().is_empty() {
            out.push(Problem::new(
                toml_path!("unit", key),
                format!("empty unit {key}; expected a text"),
            ));
        }
    }
    if !(2000..=2100).contains(&u.year) {
        out.push(Problem::new(
            toml_path!("unit", "year"),
            format!(
                "year {} is out of range; expected a year between 2000 and 2100",
                u.year
            ),
        ));
    }
    for (i, s) in plan.sections.iter().enumerate() {
        if s.title.trim().is_empty() {
            out.push(Problem::new(
                toml_path!("section", i, "title"),
                "empty section title; expected a heading",
            ));
        }
        if !(1..=2).contains(&s.level) {
            out.push(Problem::new(
                toml_path!("section", i, "level"),
                format!("section level {}; expected 1 or 2", s.level),
            ));
        }
    }

    // Ids: gather all, then report each duplicate at its second use.
    let mut entries: Vec<(&str, Kind, &'static str, usize)> = Vec::new();
    entries.extend(
        plan.kf_goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), Kind::Kf, "kf_goal", i)),
    );
    entries.extend(
        plan.area_goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), Kind::Area, "area_goal", i)),
    );
    entries.extend(
        plan.committee_goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), Kind::Committee, "committee_goal", i)),
    );
    entries.extend(
        plan.unit_goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), Kind::Unit, "unit_goal", i)),
    );
    entries.extend(
        plan.indicators
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.as_str(), Kind::Indicator, "indicator", i)),
    );
    entries.extend(
        plan.activities
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.as_str(), Kind::Activity, "activity", i)),
    );
    let mut ids: HashMap<&str, (Kind, Path)> = HashMap::new();
    for (id, kind, table, i) in entries {
        let path = toml_path!(table, i, "id");
        if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
            out.push(Problem {
                path,
                message: format!("id {id:?} is not valid; expected a non-empty id without spaces"),
            });
        } else if let Some((_, first)) = ids.get(id) {
            out.push(Problem {
                path,
                message: format!(
                    "duplicate id {id:?} (first used at {}); expected ids unique within the plan",
                    super::spans::show(first)
                ),
            });
        } else {
            ids.insert(id, (kind, path));
        }
    }

    let kind_of = |id: &str| ids.get(id).map(|(k, _)| *k);
    let parent =
        |path: Path, id: &str, want: &[Kind], what: &str, out: &mut Vec<Problem>| match kind_of(id)
        {
            Some(k) if want.contains(&k) => {}
            Some(_) => out.push(Problem {
                path,
                message: format!("{id:?} is not {what}; expected the id of {what}"),
            }),
            None => out.push(Problem {
                path,
                message: format!(
                    "no {what} has the id {id:?}; expected the id of {what} in this plan"
                ),
            }),
        };
    let goal_kinds = [Kind::Kf, Kind::Area, Kind::Committee, Kind::Unit];
    for (i, g) in plan.area_goals.iter().enumerate() {
        parent(
            toml_path!("area_goal", i, "kf_goal"),
            &g.kf_goal,
            &[Kind::Kf],
            "a kf_goal",
            &mut out,
        );
    }
    for (i, g) in plan.committee_goals.iter().enumerate() {
        parent(
            toml_path!("committee_goal", i, "area_goal"),
            &g.area_goal,
            &[Kind::Area],
            "an area_goal",
            &mut out,
        );
    }
    for (i, g) in plan.unit_goals.iter().enumerate() {
        parent(
            toml_path!("unit_goal", i, "committee_goal"),
            &g.committee_goal,
            &[Kind::Committee],
            "a committee_goal",
            &mut out,
        );
    }
    for (i, x) in plan.indicators.iter().enumerate() {
        parent(
            toml_path!("indicator", i, "parent"),
            &x.parent,
            &goal_kinds,
            "a goal",
            &mut out,
        );
    }
    for (i, x) in plan.activities.iter().enumerate() {
        parent(
            toml_path!("activity", i, "parent"),
            &x.parent,
            &goal_kinds,
            "a goal",
            &mut out,
        );
    }

    let require = |path: Path, text: &str, what: &str, out: &mut Vec<Problem>| {
        if text.trim().is_empty() {
            out.push(Problem {
                path,
                message: format!("empty {what}; expected a text"),
            });
        }
    };
    for (i, g) in plan.kf_goals.iter().enumerate() {
        require(
            toml_path!("kf_goal", i, "title"),
            &g.title,
            "title",
            &mut out,
        );
    }
    for (i, g) in plan.area_goals.iter().enumerate() {
        require(
            toml_path!("area_goal", i, "title"),
            &g.title,
            "title",
            &mut out,
        );
    }
    for (i, g) in plan.committee_goals.iter().enumerate() {
        require(
            toml_path!("committee_goal", i, "title"),
            &g.title,
            "title",
            &mut out,
        );
    }
    for (i, g) in plan.unit_goals.iter().enumerate() {
        require(
            toml_path!("unit_goal", i, "title"),
            &g.title,
            "title",
            &mut out,
        );
        if g.expected_results.is_empty() {
            out.push(Problem {
                path: toml_path!("unit_goal", i, "expected_results"),
                message: "no expected results; expected at least one förväntat resultat".into(),
            });
        }
        for (j, r) in g.expected_results.iter().enumerate() {
            require(
                toml_path!("unit_goal", i, "expected_results", j),
                r,
                "expected result",
                &mut out,
            );
        }
    }
    for (i, x) in plan.indicators.iter().enumerate() {
        require(
            toml_path!("indicator", i, "name"),
            &x.name,
            "indicator name",
            &mut out,
        );
    }
    for (i, a) in plan.activities.iter().enumerate() {
        require(
            toml_path!("activity", i, "text"),
            &a.text,
            "activity text",
            &mut out,
        );
        if a.end < a.start {
            out.push(Problem {
                path: toml_path!("activity", i, "end"),
                message: format!(
                    "end date {} is before start date {}; expected an end on or after the start",
                    a.end, a.start
                ),
            });
        }
    }
    out
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

//! Overlays over any screen: the help (generated from the active keymap),
//! the command palette (every action by name and description) and the
//! fuzzy jump to a goal, indicator or activity of the open plan.

use super::fields::{self, Field, Sex};
use super::model::Model;
use crate::keymap::actions::{self, Context};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// Follow-ups changed on both sides, waiting for the chief's choice.
    Conflicts {
        items: Vec<ConflictView>,
        selected: usize,
        /// (path, keep local) chosen so far.
        chosen: Vec<(String, bool)>,
    },
    /// The goal's history: every commit that changed it, across periods.
    Timeline {
        goal: String,
        rows: Vec<TimelineRow>,
        scroll: u16,
    },
    Palette {
        query: String,
        selected: usize,
        under: Context,
    },
    Jump {
        query: String,
        selected: usize,
    },
}

/// One conflict: the two texts side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictView {
    pub path: String,
    pub local: String,
    pub remote: String,
}

/// A commit in a goal's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    pub when: String,
    pub period: String,
    pub who: String,
    pub status: String,
    /// "delvis → helt", or "texten ändrad".
    pub change: String,
}

/// A row of the palette: an action with its description and key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaletteItem {
    pub action: &'static str,
    pub description: &'static str,
    pub key: Option<String>,
    /// Matched character positions in `label()`.
    pub hits: Vec<usize>,
}

impl PaletteItem {
    /// What a chief reads: the description in the interface's language
    /// (the action's id is only a grey hint beside it).
    pub fn label(&self) -> String {
        self.description.to_string()
    }
}

pub fn palette_items(m: &Model, query: &str, under: Context) -> Vec<PaletteItem> {
    let matcher = SkimMatcherV2::default();
    let mut items: Vec<(i64, PaletteItem)> = actions::ACTIONS
        .iter()
        .filter(|a| a.name != "noop" && a.name != "palette")
        .filter(|a| a.contexts.contains(&under) || a.contexts.contains(&Context::Global))
        .filter_map(|a| {
            let mut item = PaletteItem {
                action: a.name,
                description: a.describe(m.lang),
                key: m.keymap.key_label(under, a.name),
                hits: Vec::new(),
            };
            if query.trim().is_empty() {
                return Some((0, item));
            }
            // The description first; the id (as in keymap files) also
            // finds the action, without letters to highlight.
            match matcher.fuzzy_indices(&item.label(), query.trim()) {
                Some((score, hits)) => {
                    item.hits = hits;
                    Some((score, item))
                }
                None => matcher
                    .fuzzy_match(item.action, query.trim())
                    .map(|score| (score / 2, item)),
            }
        })
        .collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.0));
    items.into_iter().map(|(_, i)| i).collect()
}

/// What a jump can land on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Goal(usize),
    Indicator(String),
    Activity(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumpItem {
    pub target: Target,
    pub label: String,
    pub hits: Vec<usize>,
}

/// Goals, indicators and activities of the open plan matching `query`,
/// best first. An empty query lists the goals.
pub fn jump_items(m: &Model, query: &str) -> Vec<JumpItem> {
    let Some(plan) = m.session_plan() else {
        return Vec::new();
    };
    let mut all: Vec<(Target, String)> = plan
        .unit_goals
        .iter()
        .enumerate()
        .map(|(i, g)| (Target::Goal(i), format!("{} {}", g.id, g.title)))
        .collect();
    all.extend(plan.indicators.iter().map(|x| {
        (
            Target::Indicator(x.id.clone()),
            format!("{} {}", x.id, x.name),
        )
    }));
    all.extend(plan.activities.iter().map(|x| {
        (
            Target::Activity(x.id.clone()),
            format!("{} {}", x.id, x.text),
        )
    }));
    let q = query.trim();
    if q.is_empty() {
        return all
            .into_iter()
            .filter(|(t, _)| matches!(t, Target::Goal(_)))
            .map(|(target, label)| JumpItem {
                target,
                label,
                hits: Vec::new(),
            })
            .collect();
    }
    rank(all, q, |(_, label)| label.as_str())
        .into_iter()
        .map(|((target, label), hits)| JumpItem {
            target,
            label,
            hits,
        })
        .collect()
}

/// Rows shown with highlighted letters; the rest is only ranked.
pub const SHOWN: usize = 200;

/// Ranks `items` by fuzzy score against `query` (see `fuzzy::Search`),
/// best first, with the matched positions of the first `SHOWN`.
pub fn rank<T>(items: Vec<T>, query: &str, text: impl Fn(&T) -> &str) -> Vec<(T, Vec<usize>)> {
    let mut search = crate::fuzzy::Search::new(items.iter().map(|i| text(i).to_string()).collect());
    let order = search.query(query);
    let hits: Vec<Vec<usize>> = order
        .iter()
        .take(SHOWN)
        .map(|&i| search.hits(i, query))
        .collect();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .enumerate()
        .filter_map(|(n, i)| Some((slots[i].take()?, hits.get(n).cloned().unwrap_or_default())))
        .collect()
}

/// Moves the walk to a jump target: the goal, or the first goal whose form
/// shows the indicator or activity, with that field focused.
pub fn go(m: &mut Model, target: &Target) -> bool {
    let Model { plans, session, .. } = m;
    let Some(s) = session.as_mut() else {
        return false;
    };
    let plan = &plans[s.plan].plan;
    let wanted = match target {
        Target::Goal(i) => {
            s.goal = *i;
            s.focus = 0;
            s.context_scroll = 0;
            return true;
        }
        Target::Indicator(id) => Field::Outcome(id.clone(), Sex::Total),
        Target::Activity(id) => Field::ActivityStatus(id.clone()),
    };
    for (gi, goal) in plan.unit_goals.iter().enumerate() {
        if let Some(pos) = fields::fields(plan, &s.record, goal)
            .iter()
            .position(|f| *f == wanted)
        {
            s.goal = gi;
            s.focus = pos;
            s.context_scroll = 0;
            return true;
        }
    }
    false
}

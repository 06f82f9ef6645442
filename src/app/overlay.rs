//! Overlays over any screen: the help (generated from the active keymap),
//! the command palette (every action by name and description) and the
//! fuzzy jump to a goal, indicator or activity of the open plan.

use super::fields::{self, Field, Sex};
use super::model::Model;
use crate::keymap::actions::{self, Command, Context};

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
    /// The report of the follow-up as it is now, before committing.
    Report {
        text: String,
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
    /// Spellings for a word of the editor: `start..end` (characters) of
    /// line `row`; after the suggestions, rows that add it to a list.
    Spelling {
        word: String,
        row: usize,
        start: usize,
        end: usize,
        suggestions: Vec<String>,
        selected: usize,
        /// The dictionary is still being asked.
        searching: bool,
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
    pub command: Command,
    /// The command's name in keymap files.
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

/// The declared commands the palette offers that do something on the
/// screen under it, in declaration order, narrowed by `query`.
pub fn palette_items(m: &Model, query: &str, under: Context) -> Vec<PaletteItem> {
    let items: Vec<PaletteItem> = actions::ACTIONS
        .iter()
        .filter(|a| a.palette)
        .filter(|a| a.contexts.contains(&under) || a.contexts.contains(&Context::Global))
        .map(|a| PaletteItem {
            command: a.command,
            action: a.name,
            description: a.describe(m.lang),
            key: m.keymap.key_display(under, a.name, m.lang),
            hits: Vec::new(),
        })
        .collect();
    if query.trim().is_empty() {
        return items;
    }
    // The fuzzy search folds case beyond ASCII (Översikt, Återuppta).
    let labels: Vec<String> = items.iter().map(PaletteItem::label).collect();
    let mut search = crate::fuzzy::Search::new(labels);
    let order = search.query(query);
    let mut slots: Vec<Option<PaletteItem>> = items.into_iter().map(Some).collect();
    let mut found: Vec<PaletteItem> = order
        .into_iter()
        .filter_map(|i| {
            let mut item = slots[i].take()?;
            item.hits = search.hits(i, query);
            Some(item)
        })
        .collect();
    // The id (as in keymap files) also finds an action, after the
    // descriptions and without letters to highlight.
    let id_query = query.trim().to_lowercase().replace(' ', "_");
    found.extend(
        slots
            .into_iter()
            .flatten()
            .filter(|i| i.action.contains(id_query.as_str())),
    );
    found
}

/// What a jump can land on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Goal(usize),
    Indicator(String),
    Activity(String),
    /// A field of the page after the goals, Enhetens delar.
    UnitPart(Field),
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
    let l = m.lang;
    let parts = l.t("Enhetens delar", "The unit's parts");
    all.push((Target::UnitPart(Field::UnitSummary), parts.to_string()));
    for (field, name) in [
        (
            Field::UnitSummary,
            l.t("Sammanfattande analys", "Summary analysis"),
        ),
        (
            Field::Budget,
            l.t("Uppföljning av ekonomi", "Economy follow-up"),
        ),
        (
            Field::QualityText,
            l.t("Systematiskt kvalitetsarbete", "Systematic quality work"),
        ),
        (
            Field::Complaint(0),
            l.t("Synpunkter och klagomål", "Comments and complaints"),
        ),
    ] {
        all.push((Target::UnitPart(field), format!("{parts} · {name}")));
    }
    let q = query.trim();
    if q.is_empty() {
        return all
            .into_iter()
            .filter(|(t, l)| matches!(t, Target::Goal(_)) || *l == parts)
            .map(|(target, label)| JumpItem {
                target,
                label,
                hits: Vec::new(),
            })
            .collect();
    }
    let mut items: Vec<JumpItem> = rank(all, q, |(_, label)| label.as_str())
        .into_iter()
        .map(|((target, label), hits)| JumpItem {
            target,
            label,
            hits,
        })
        .collect();
    // An exact id comes first: "I1" before "I10".
    let exact = |i: &JumpItem| {
        i.label
            .split_whitespace()
            .next()
            .is_some_and(|id| id.eq_ignore_ascii_case(q))
    };
    items.sort_by_key(|i| !exact(i));
    items
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
        Target::UnitPart(field) => {
            s.goal = plan.unit_goals.len();
            s.focus = super::unit_fields::fields(&s.record)
                .iter()
                .position(|f| f == field)
                .unwrap_or(0);
            s.context_scroll = 0;
            return true;
        }
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

/// The report of the session's follow-up as it is now (the record in
/// memory, not a commit), for reading before committing.
pub fn report(m: &Model) -> Overlay {
    let text = match (&m.session, m.session_plan()) {
        (Some(s), Some(plan)) => {
            let earlier: Vec<crate::followup::FollowUp> = s
                .earlier
                .iter()
                .filter(|e| e.period.year == s.period.year)
                .map(|e| e.followup.clone())
                .collect();
            crate::report::markdown(plan, &s.record, &earlier)
        }
        _ => String::new(),
    };
    Overlay::Report { text, scroll: 0 }
}

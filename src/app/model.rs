//! The state of a session: which plans are loaded, which screen is shown,
//! and where the cursor is on each screen.

use crate::i18n::Lang;
use crate::workspace::LoadedPlan;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Plan files that failed to load, shown until acknowledged.
    Problems,
    /// Choose a unit.
    Units,
    /// One unit's plan: its enhetsmål and their context.
    Plan,
}

#[derive(Debug, Default, Clone)]
pub struct UnitsState {
    pub filter: String,
    /// Index into the filtered list.
    pub selected: usize,
}

#[derive(Debug, Default, Clone)]
pub struct PlanState {
    /// Index into `Model::plans`.
    pub plan: usize,
    /// Index into the plan's unit goals.
    pub goal: usize,
    pub scroll: u16,
}

#[derive(Debug)]
pub struct Model {
    pub lang: Lang,
    pub workspace_name: String,
    pub plans: Vec<LoadedPlan>,
    /// Rendered diagnostics of plans that did not load.
    pub problems: Vec<String>,
    pub screen: Screen,
    pub units: UnitsState,
    pub plan: PlanState,
    pub size: (u16, u16),
    pub quit: bool,
}

impl Model {
    pub fn new(
        lang: Lang,
        workspace_name: String,
        mut plans: Vec<LoadedPlan>,
        problems: Vec<String>,
    ) -> Model {
        plans.sort_by(|a, b| {
            (
                a.plan.unit.name.to_lowercase(),
                std::cmp::Reverse(a.plan.unit.year),
            )
                .cmp(&(
                    b.plan.unit.name.to_lowercase(),
                    std::cmp::Reverse(b.plan.unit.year),
                ))
        });
        let screen = if !problems.is_empty() {
            Screen::Problems
        } else if plans.len() == 1 {
            Screen::Plan
        } else {
            Screen::Units
        };
        Model {
            lang,
            workspace_name,
            plans,
            problems,
            screen,
            units: UnitsState::default(),
            plan: PlanState::default(),
            size: (80, 24),
            quit: false,
        }
    }

    /// The screen after the problems screen.
    pub fn start_screen(&self) -> Screen {
        if self.plans.len() == 1 {
            Screen::Plan
        } else {
            Screen::Units
        }
    }

    /// Indices of plans matching the unit filter, best first, with the
    /// matched character positions (for highlighting).
    pub fn filtered_units(&self) -> Vec<(usize, Vec<usize>)> {
        let f = self.units.filter.trim();
        if f.is_empty() {
            return (0..self.plans.len()).map(|i| (i, Vec::new())).collect();
        }
        let matcher = SkimMatcherV2::default();
        let mut hits: Vec<(i64, usize, Vec<usize>)> = self
            .plans
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let label = unit_label(p);
                matcher
                    .fuzzy_indices(&label, f)
                    .map(|(score, idx)| (score, i, idx))
            })
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().map(|(_, i, idx)| (i, idx)).collect()
    }

    pub fn current_plan(&self) -> Option<&LoadedPlan> {
        self.plans.get(self.plan.plan)
    }
}

/// How a unit is named in lists: "Hägerstens hemtjänst 2026 (hagerstens-hemtjanst)".
pub fn unit_label(p: &LoadedPlan) -> String {
    format!(
        "{} {} ({})",
        p.plan.unit.name, p.plan.unit.year, p.plan.unit.id
    )
}

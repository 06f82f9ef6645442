//! The state of a program run: the workspace's plans, the screen shown,
//! and the follow-up session being worked on.

use super::fields::Field;
use crate::followup::{FollowUp, Period, Status};
use crate::i18n::Lang;
use crate::workspace::LoadedPlan;
use ratatui_textarea::TextArea;

/// The smallest window the screens are drawn in.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Plan files that failed to load, shown until acknowledged.
    Problems,
    /// Choose a unit.
    Units,
    /// Choose the period of the chosen unit.
    Periods,
    /// A draft exists: resume or discard it.
    Resume,
    /// Walk the enhetsmål.
    Walk,
    /// Review before committing.
    Review,
    /// The commit is made.
    Done,
    /// The roll-up across units for one period.
    Overview,
    /// The previous period's open deviations, to carry over or not.
    CarryOver,
    /// An area chief's review of a committed follow-up (`review_mode`).
    Reviewing,
}

#[derive(Debug, Default, Clone)]
pub struct UnitsState {
    pub filter: String,
    /// Index into the filtered list.
    pub selected: usize,
    /// The unit labels, searched as the filter is typed.
    pub search: crate::fuzzy::Search,
    /// Plans matching the filter, best first.
    pub matches: Vec<usize>,
}

impl UnitsState {
    /// Runs the filter again (after it changed).
    pub fn refilter(&mut self) {
        self.matches = self.search.query(&self.filter);
        self.selected = 0;
    }
}

/// What is known of a period before opening it (for the period list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodInfo {
    pub period: Period,
    pub committed: Option<Status>,
    pub has_draft: bool,
}

#[derive(Debug, Clone)]
pub struct PeriodsState {
    pub plan: usize,
    pub periods: Vec<PeriodInfo>,
    pub selected: usize,
}

/// The roll-up shown on the overview screen.
#[derive(Debug, Clone)]
pub struct OverviewState {
    pub data: Box<crate::overview::Overview>,
    /// Per unit row, its plan in `Model::plans` (None: not in the
    /// working tree's plans).
    pub plans: Vec<Option<usize>>,
    /// Index into `shown`.
    pub selected: usize,
    /// Only the units waiting for the user ("Väntar på mig").
    pub mine: bool,
}

impl OverviewState {
    /// The unit rows shown, as indices into `data.units`: all of them, or
    /// only those waiting for `me`.
    pub fn shown(&self, me: &super::waiting::Me) -> Vec<usize> {
        (0..self.data.units.len())
            .filter(|&i| !self.mine || me.waits(&self.data.units[i]).is_some())
            .collect()
    }

    /// The selected row's index into `data.units`.
    pub fn selected_unit(&self, me: &super::waiting::Me) -> Option<usize> {
        self.shown(me).get(self.selected).copied()
    }
}

/// The text editor of the focused field.
#[derive(Debug, Clone)]
pub struct Editor {
    pub field: Field,
    pub area: TextArea<'static>,
    /// Set when the text does not parse (numbers, dates); the text stays.
    pub invalid: Option<String>,
}

/// What was said in an earlier period about this unit (earlier tertials of
/// the year, and the previous year's VB), with who committed it when.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    pub period: Period,
    pub followup: FollowUp,
    pub author: String,
    /// Commit time, seconds since 1970.
    pub time: i64,
    /// This plan's goal id → the id in that follow-up's plan (the same
    /// within a year; for the previous year matched by id, else by title).
    pub goals: std::collections::HashMap<String, String>,
    /// Likewise for indicators (by id, else by name).
    pub indicators: std::collections::HashMap<String, String>,
}

impl Earlier {
    pub fn goal(&self, id: &str) -> Option<&crate::followup::GoalRecord> {
        self.goals.get(id).and_then(|g| self.followup.goal(g))
    }

    pub fn indicator(&self, id: &str) -> Option<&crate::followup::IndicatorRecord> {
        self.indicators
            .get(id)
            .and_then(|i| self.followup.indicator(i))
    }
}

/// A draft found when opening, waiting for resume or discard.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingDraft {
    pub followup: FollowUp,
    pub saved_at: u64,
    pub by: String,
    /// A closing note the draft kept from the carry-over screen.
    pub closing: Option<crate::followup::draft::ClosingNote>,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub plan: usize,
    pub period: Period,
    pub record: FollowUp,
    /// Status of the follow-up at the branch tip, if committed before.
    pub committed: Option<Status>,
    pub goal: usize,
    pub focus: usize,
    pub editor: Option<Editor>,
    pub context_scroll: u16,
    pub read_only: bool,
    /// Why it is read-only: who has it open, and since when.
    pub held_by: Option<String>,
    /// Changed since the draft was last written.
    pub dirty: bool,
    pub draft_saved_at: Option<u64>,
    pub pending_draft: Option<PendingDraft>,
    pub review_selected: usize,
    /// A waiver reason being written for the selected lint.
    pub waiving: Option<TextArea<'static>>,
    /// The reason for reopening a klar follow-up, being written.
    pub reopening: Option<TextArea<'static>>,
    pub last_commit: Option<String>,
    /// When the follow-up was last committed (seconds since 1970).
    pub committed_at: Option<u64>,
    /// Why the last attempt to write the draft failed (cleared once a
    /// draft is written): typed text is then only in memory.
    pub save_error: Option<String>,
    /// Earlier periods, oldest first.
    pub earlier: Vec<Earlier>,
    /// Form changes that can be undone, the last one last.
    pub undo: Vec<UndoStep>,
    /// Undone changes that can be made again.
    pub redo: Vec<UndoStep>,
    /// The form as it was when the open editor started: one undo step for
    /// the whole edit once it ends.
    pub edit_before: Option<UndoStep>,
    /// A character was typed on a field that takes none (prose on the
    /// rating): further characters are ignored until another key, so a
    /// space or digit further on in the prose changes nothing.
    pub typed_astray: bool,
    /// Said once in the status line when the session opens (a draft that
    /// could not be read and was set aside).
    pub opening_note: Option<String>,
    /// The carry-over screen's selection and note.
    pub carry: super::carry_over::CarryState,
    /// The reviewer's comments when the follow-up was returned (återsänd)
    /// and not yet committed klar again.
    pub returned: Option<Box<super::remarks::Returned>>,
}

/// The record and the place in the walk before a change.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoStep {
    pub record: FollowUp,
    pub goal: usize,
    pub focus: usize,
}

/// How many changes can be undone.
pub const UNDO_DEPTH: usize = 200;

#[derive(Debug)]
pub struct Model {
    pub lang: Lang,
    pub workspace_name: String,
    pub plans: Vec<LoadedPlan>,
    /// Rendered diagnostics of plans that did not load.
    pub problems: Vec<String>,
    pub screen: Screen,
    pub units: UnitsState,
    pub periods: Option<PeriodsState>,
    pub session: Option<Session>,
    /// A message for the status line (errors, confirmations).
    pub message: Option<String>,
    pub size: (u16, u16),
    pub quit: bool,
    /// Today's local date, for the default period and due dates; given
    /// by the shell.
    pub today: crate::clock::Day,
    pub keymap: crate::keymap::Keymap,
    /// Keys of a sequence typed so far ("g" of "g g").
    pub pending_keys: Vec<crate::keymap::Key>,
    pub overlay: Option<super::overlay::Overlay>,
    /// The screen to show once the problems screen is acknowledged.
    pub after_problems: Screen,
    pub overview: Option<OverviewState>,
    /// The list the period chooser goes back to: the unit list or the
    /// overview.
    pub home: Screen,
    /// A question waiting for its answer, over any screen.
    pub confirm: Option<super::confirm::Confirm>,
    /// The path being typed to write an unsavable draft to.
    pub rescue_path: Option<TextArea<'static>>,
    /// Which remarks block klar in this workspace.
    pub rules: crate::followup::lint::Rules,
    /// Work running in the background, shown with its progress.
    pub job: Option<JobState>,
    /// Whether the previous period's texts are shown by the fields, once
    /// toggled (None: shown when the window is wide).
    pub previous_shown: Option<bool>,
    /// The spell check: its dictionary and the open editor's marks.
    pub spelling: super::spelling::Spelling,
    /// The review being written, while an area chief reviews a unit.
    pub reviewing: Option<super::review_mode::Reviewing>,
    /// The due dates per period.
    pub due: super::waiting::DueDates,
    /// Who runs the program, by the roster ("Väntar på mig").
    pub me: super::waiting::Me,
}

/// What runs in the background (one job at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Reading every plan of a large workspace.
    ReadPlans,
    /// The roll-up of the overview.
    Overview,
    /// Fetching, replaying and pushing follow-ups (`tertial sync`).
    Sync,
    /// Committing a follow-up (signing it when git config asks for it).
    Commit,
    /// Bringing the history index up to date before a session opens.
    History,
}

/// The running background job and how far it has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobState {
    /// Which job: results of an earlier, cancelled one are ignored.
    pub id: u64,
    pub kind: JobKind,
    pub done: usize,
    /// 0 while unknown.
    pub total: usize,
    /// What the job does now, in its own words (git's progress line).
    pub step: String,
    /// Whether stopping it now leaves everything as it was; a commit, and
    /// a sync once its fetch is done, finish instead.
    pub cancellable: bool,
}

impl Model {
    pub fn new(
        lang: Lang,
        workspace_name: String,
        plans: Vec<LoadedPlan>,
        problems: Vec<String>,
    ) -> Model {
        let mut m = Model {
            lang,
            workspace_name,
            plans: Vec::new(),
            screen: if problems.is_empty() {
                Screen::Units
            } else {
                Screen::Problems
            },
            problems,
            units: UnitsState::default(),
            periods: None,
            session: None,
            message: None,
            size: (80, 24),
            quit: false,
            // Set by the shell (`crate::clock::today`): the model never reads
            // the clock itself.
            today: (1970, 1, 1),
            keymap: crate::keymap::default_keymap(),
            pending_keys: Vec::new(),
            overlay: None,
            after_problems: Screen::Units,
            overview: None,
            home: Screen::Units,
            confirm: None,
            rescue_path: None,
            rules: Default::default(),
            job: None,
            previous_shown: None,
            spelling: Default::default(),
            reviewing: None,
            due: Default::default(),
            me: Default::default(),
        };
        m.set_plans(plans);
        m
    }

    /// The workspace's plans, in the unit list's order (by name, the
    /// latest year first); the unit filter starts over.
    pub fn set_plans(&mut self, mut plans: Vec<LoadedPlan>) {
        plans.sort_by(|a, b| {
            let key = |p: &LoadedPlan| {
                (
                    p.plan.unit.name.to_lowercase(),
                    std::cmp::Reverse(p.plan.unit.year),
                )
            };
            key(a).cmp(&key(b))
        });
        self.units.search = crate::fuzzy::Search::new(plans.iter().map(unit_label).collect());
        self.plans = plans;
        self.units.refilter();
    }

    /// Indices of plans matching the unit filter, best first, with the
    /// matched character positions (for highlighting).
    pub fn filtered_units(&self) -> Vec<(usize, Vec<usize>)> {
        let f = self.units.filter.trim();
        self.units
            .matches
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                (
                    i,
                    if f.is_empty() || n >= super::overlay::SHOWN {
                        Vec::new()
                    } else {
                        self.units.search.hits(i, f)
                    },
                )
            })
            .collect()
    }

    /// Below this size the screens cannot be read, and nothing typed goes
    /// anywhere (an editor could not be seen).
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// The first key bound to `command` in `ctx`, as shown to people; None
    /// when the active keymap binds none, and then no hint names a key.
    pub fn key_name(
        &self,
        ctx: crate::keymap::Context,
        command: crate::keymap::Command,
    ) -> Option<String> {
        self.keymap.key_display(ctx, command.name(), self.lang)
    }

    pub fn session_plan(&self) -> Option<&crate::plan::Plan> {
        self.session
            .as_ref()
            .and_then(|s| self.plans.get(s.plan))
            .map(|p| &p.plan)
    }
}

impl Session {
    /// A klar follow-up is changed only after it is reopened.
    pub fn locked(&self) -> bool {
        self.committed == Some(Status::Done) && self.record.status == Status::Done
    }

    pub fn new(
        plan: usize,
        period: Period,
        record: FollowUp,
        committed: Option<Status>,
    ) -> Session {
        Session {
            plan,
            period,
            record,
            committed,
            goal: 0,
            focus: 0,
            editor: None,
            context_scroll: 0,
            read_only: false,
            held_by: None,
            dirty: false,
            draft_saved_at: None,
            pending_draft: None,
            review_selected: 0,
            waiving: None,
            reopening: None,
            last_commit: None,
            committed_at: None,
            save_error: None,
            earlier: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            edit_before: None,
            typed_astray: false,
            opening_note: None,
            carry: Default::default(),
            returned: None,
        }
    }
}

/// How a unit is named in lists: "Hägerstens hemtjänst 2026 (hagerstens-hemtjanst)".
pub fn unit_label(p: &LoadedPlan) -> String {
    format!(
        "{} {} ({})",
        p.plan.unit.name, p.plan.unit.year, p.plan.unit.id
    )
}

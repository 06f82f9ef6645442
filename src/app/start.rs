//! The program's start and the work that runs in the background: what the
//! shell hands the core at start (today, the keymap, the rules, what was
//! asked for), the plans read later for a large workspace, the first screen
//! chosen from them, and the progress, result and cancelling of a job.

use super::action::{Action, Effect};
use super::model::{JobKind, JobState, Model, Screen};
use crate::followup::Period;
use crate::workspace::LoadedPlan;

/// What the shell knows at start, given to the core as data.
#[derive(Debug, Clone)]
pub struct Start {
    /// Today's local date (the core never reads the clock).
    pub today: crate::clock::Day,
    pub keymap: crate::keymap::Keymap,
    pub rules: crate::followup::lint::Rules,
    /// `--unit`: open this unit (its plans are read).
    pub unit: Option<String>,
    /// `--period`: with a unit, open that period; else the overview's.
    pub period: Option<Period>,
    /// The plans are not read yet (a large workspace): they are read in
    /// the background while the first frame is shown.
    pub plans_unread: bool,
    /// `tertial review`: the unit and period open for review (read-only,
    /// with comments), not for writing.
    pub review: bool,
    /// The due dates of tertial.toml's `[due]`.
    pub due: super::waiting::DueDates,
    /// Who runs the program, by the roster.
    pub me: super::waiting::Me,
}

/// Every plan of the workspace, read in the background.
#[derive(Debug, Clone)]
pub struct PlansRead {
    pub plans: Vec<LoadedPlan>,
    /// Rendered diagnostics of the plans that did not load.
    pub problems: Vec<String>,
    /// The period asked for at start (for the overview).
    pub period: Option<Period>,
}

/// Stand-ins for the plans of a large workspace until they are read: a
/// unit and year each, from `plans/<year>/<unit>.toml`, so the first frame
/// lists the units (and the filter can be typed) without parsing a plan.
/// Files elsewhere are left out (`check` reports them).
pub fn named_by_files(root: &std::path::Path, files: &[std::path::PathBuf]) -> Vec<LoadedPlan> {
    files
        .iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(root).ok()?;
            let mut parts = rel.iter().map(|p| p.to_str());
            let (Some(Some(dir)), Some(Some(year)), Some(Some(file)), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return None;
            };
            let unit = file.strip_suffix(".toml")?;
            if dir != crate::workspace::PLANS_DIR {
                return None;
            }
            Some(LoadedPlan {
                rel_path: format!("{dir}/{year}/{file}"),
                plan: crate::plan::Plan {
                    schema: 1,
                    unit: crate::plan::Unit {
                        id: unit.to_string(),
                        name: unit.to_string(),
                        committee: String::new(),
                        year: year.parse().ok()?,
                        dnr: None,
                        chief: None,
                    },
                    sections: Vec::new(),
                    kf_goals: Vec::new(),
                    area_goals: Vec::new(),
                    committee_goals: Vec::new(),
                    unit_goals: Vec::new(),
                    indicators: Vec::new(),
                    activities: Vec::new(),
                },
            })
        })
        .collect()
}

/// While the plans are read, the list holds stand-ins (`named_by_files`):
/// only the filter and moving in the list act; what would open a plan or
/// read the overview waits for the plans (its key does nothing yet).
pub fn waits_for_plans(m: &Model, action: &Action) -> bool {
    let reading = m.job.as_ref().is_some_and(|j| j.kind == JobKind::ReadPlans);
    reading
        && !matches!(
            action,
            Action::Input(_)
                | Action::Paste(_)
                | Action::DeleteBack
                | Action::Back
                | Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
                | Action::Resize(..)
                | Action::Quit
                | Action::Help
                | Action::Acknowledge
                | Action::DraftSaved(_)
        )
}

pub fn start(m: &mut Model, s: Start) -> Vec<Effect> {
    m.today = s.today;
    m.keymap = s.keymap;
    m.rules = s.rules;
    m.due = s.due;
    m.me = s.me;
    if s.plans_unread {
        return vec![Effect::ReadPlans { period: s.period }];
    }
    if s.review
        && let (Some(unit), Some(period)) = (s.unit.as_deref(), s.period)
        && let Some(plan) = m
            .plans
            .iter()
            .position(|p| p.plan.unit.id == unit && p.plan.unit.year == i64::from(period.year))
    {
        return vec![Effect::OpenReview { plan, period }];
    }
    first_screen(m, s.unit.as_deref(), s.period)
}

pub fn plans_read(m: &mut Model, read: PlansRead) -> Vec<Effect> {
    m.set_plans(read.plans);
    if !read.problems.is_empty() {
        m.problems.extend(read.problems);
        if m.screen != Screen::Problems {
            m.after_problems = m.screen;
            m.screen = Screen::Problems;
        }
    }
    first_screen(m, None, read.period)
}

/// What opens first once the plans are known: the unit asked for (or the
/// only one), else the overview of a workspace of many units, else the
/// unit list.
fn first_screen(m: &mut Model, unit: Option<&str>, period: Option<Period>) -> Vec<Effect> {
    let index = match unit {
        Some(unit) => m.plans.iter().position(|p| p.plan.unit.id == unit),
        None if m.plans.len() == 1 => Some(0),
        None => None,
    };
    if let Some(plan) = index {
        return match period {
            Some(period) if i64::from(period.year) == m.plans[plan].plan.unit.year => {
                vec![Effect::OpenSession { plan, period }]
            }
            _ => vec![Effect::LoadPeriods(plan)],
        };
    }
    // A filter typed while the plans were read is not hidden behind the
    // overview: the list stays, filtered (the overview key shows it).
    if starts_on_overview(m) && m.units.filter.is_empty() {
        return vec![Effect::LoadOverview(period)];
    }
    Vec::new()
}

/// A workspace of many units opens on the overview (see
/// `overview::START_SCREEN_UNITS`).
pub fn starts_on_overview(m: &Model) -> bool {
    let units: std::collections::HashSet<&str> =
        m.plans.iter().map(|p| p.plan.unit.id.as_str()).collect();
    units.len() > crate::overview::START_SCREEN_UNITS
}

pub fn job_started(m: &mut Model, id: u64, kind: JobKind) {
    m.job = Some(JobState {
        id,
        kind,
        done: 0,
        total: 0,
        step: String::new(),
        // A commit writes from its first step; the rest stop cleanly.
        cancellable: kind != JobKind::Commit,
    });
}

pub fn job_step(m: &mut Model, id: u64, step: String, cancellable: bool) {
    if let Some(job) = m.job.as_mut().filter(|j| j.id == id) {
        job.step = step;
        job.cancellable = cancellable;
    }
}

pub fn job_progress(m: &mut Model, id: u64, done: usize, total: usize) {
    if let Some(job) = m.job.as_mut().filter(|j| j.id == id) {
        job.done = done;
        job.total = total;
    }
}

/// The job's result, unless it is no longer the running one (cancelled).
pub fn job_done(m: &mut Model, id: u64, result: Action) -> Vec<Effect> {
    if m.job.as_ref().is_none_or(|j| j.id != id) {
        return Vec::new();
    }
    m.job = None;
    super::update(m, result)
}

/// Esc or Ctrl-G while a job runs: it stops. Without its plans there is
/// nothing to show, so cancelling their reading leaves the program; a
/// cancelled roll-up leaves the screen as it was.
pub fn cancel_job(m: &mut Model) -> Vec<Effect> {
    let Some(job) = m.job.take() else {
        return Vec::new();
    };
    if !job.cancellable {
        // It finishes (or rolls back) on its own; the line says so.
        m.job = Some(job);
        return Vec::new();
    }
    let l = m.lang;
    match job.kind {
        JobKind::ReadPlans => {
            m.quit = true;
            vec![Effect::CancelJob, Effect::Quit]
        }
        JobKind::Overview => {
            m.message = Some(
                l.t("Översikten avbröts.", "The overview was cancelled.")
                    .into(),
            );
            vec![Effect::CancelJob]
        }
        // The sync answers (`Action::Synced`): stopped while fetching,
        // or finished if it had got further when the stop came.
        JobKind::Sync => {
            m.job = Some(JobState {
                step: l.t("avbryter", "stopping").into(),
                cancellable: false,
                ..job
            });
            vec![Effect::CancelJob]
        }
        JobKind::History => {
            m.message = Some(
                l.t(
                    "Läsningen av historiken avbröts.",
                    "Reading the history was cancelled.",
                )
                .into(),
            );
            vec![Effect::CancelJob]
        }
        // Never cancellable (see `job_started`).
        JobKind::Commit => Vec::new(),
    }
}

/// The status line while a job runs.
pub fn job_line(m: &Model, job: &JobState) -> String {
    let l = m.lang;
    let what = match job.kind {
        JobKind::ReadPlans => l.t("Läser planerna", "Reading the plans"),
        JobKind::Overview => l.t("Räknar samman översikten", "Rolling up the overview"),
        JobKind::Sync => l.t("Synkar med servern", "Syncing with the server"),
        JobKind::Commit => l.t("Checkar in", "Committing"),
        JobKind::History => l.t("Läser historiken", "Reading the history"),
    };
    let count = if job.total > 0 {
        format!(" {} {} {}", job.done, l.t("av", "of"), job.total)
    } else {
        String::new()
    };
    let step = if job.step.is_empty() {
        String::new()
    } else {
        format!(" {}", crate::sanitize::line(&job.step))
    };
    let stop = if job.cancellable {
        format!("Esc {}", l.t("avbryter", "cancels"))
    } else {
        l.t("kan inte avbrytas", "cannot be cancelled").to_string()
    };
    format!("{what} …{step}{count} · {stop}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn with_job(kind: JobKind) -> Model {
        let mut m = Model::new(Lang::Sv, "ws".into(), Vec::new(), Vec::new());
        job_started(&mut m, 7, kind);
        m
    }

    #[test]
    fn a_commit_cannot_be_cancelled_and_its_line_says_so() {
        let mut m = with_job(JobKind::Commit);
        let line = job_line(&m, m.job.as_ref().unwrap());
        assert_eq!(line, "Checkar in … · kan inte avbrytas");
        assert!(cancel_job(&mut m).is_empty());
        assert_eq!(m.job.as_ref().map(|j| j.id), Some(7));
    }

    #[test]
    fn a_sync_is_stopped_while_fetching_and_finishes_once_past_it() {
        let mut m = with_job(JobKind::Sync);
        job_step(&mut m, 7, "Receiving objects: 50%".into(), true);
        let line = job_line(&m, m.job.as_ref().unwrap());
        assert_eq!(
            line,
            "Synkar med servern … Receiving objects: 50% · Esc avbryter"
        );
        // Asked to stop, it answers with what it did: the job stays.
        assert_eq!(cancel_job(&mut m), vec![Effect::CancelJob]);
        let job = m.job.as_ref().unwrap();
        assert!(!job.cancellable);
        assert!(job_line(&m, job).contains("avbryter · kan inte avbrytas"));
        // Past the fetch, Esc does nothing.
        let mut m = with_job(JobKind::Sync);
        job_step(&mut m, 7, String::new(), false);
        assert!(cancel_job(&mut m).is_empty());
        assert!(job_line(&m, m.job.as_ref().unwrap()).ends_with("· kan inte avbrytas"));
        // A step of an earlier job changes nothing.
        job_step(&mut m, 6, "old".into(), true);
        assert!(!m.job.as_ref().unwrap().cancellable);
    }

    #[test]
    fn stand_ins_are_named_by_their_files_and_only_the_filter_acts_on_them() {
        let root = std::path::Path::new("/ws");
        let files = [
            root.join("plans/2026/enhet-a.toml"),
            root.join("plans/enhet-b.toml"),
            root.join("plans/x/enhet-c.toml"),
        ];
        let plans = named_by_files(root, &files);
        assert_eq!(plans.len(), 1);
        assert_eq!(plans[0].plan.unit.id, "enhet-a");
        assert_eq!(plans[0].plan.unit.year, 2026);
        assert_eq!(plans[0].rel_path, "plans/2026/enhet-a.toml");
        let m = with_job(JobKind::ReadPlans);
        assert!(!waits_for_plans(&m, &Action::Input('a')));
        assert!(!waits_for_plans(&m, &Action::Down));
        assert!(waits_for_plans(&m, &Action::Open));
        assert!(waits_for_plans(&m, &Action::Overview));
        let m = with_job(JobKind::Overview);
        assert!(!waits_for_plans(&m, &Action::Open));
    }
}

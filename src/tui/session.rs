//! The shell's side of a session: loading periods, drafts and committed
//! follow-ups, saving drafts, committing (on the worker's thread, see
//! [`CommitWork`]). All file and git I/O of the TUI.

use crate::app::model::{PendingDraft, PeriodInfo, PeriodsState};
use crate::app::{Model, Session};
use crate::followup::draft::{self, Draft, DraftMeta};
use crate::followup::{self, FollowUp, Period, Status};
use crate::repo;
use crate::workspace::Workspace;

pub struct Io<'a> {
    pub ws: &'a Workspace,
    pub repo: repo::Repository,
    /// Who commits (each commit takes its own time).
    pub who: repo::Identity,
    /// The lock of the open unit and period, held while it is open.
    pub lock: std::cell::RefCell<Option<crate::workspace::lock::UnitLock>>,
    /// Working-tree refreshes started after commits, finished before exit.
    pub refreshes: std::cell::RefCell<Vec<repo::worktree::Background>>,
}

impl Io<'_> {
    fn committed(&self, period: Period, unit: &str) -> Option<FollowUp> {
        let bytes = repo::read::file_at_tip(
            &self.repo,
            repo::DEFAULT_BRANCH,
            &followup::path(period, unit),
        )
        .ok()??;
        followup::load::parse_unchecked(&bytes)
    }

    pub fn periods(&self, m: &Model, plan: usize) -> PeriodsState {
        let p = &m.plans[plan].plan;
        let year = p.unit.year as i32;
        let periods: Vec<PeriodInfo> = Period::of_year(year)
            .into_iter()
            .map(|period| PeriodInfo {
                period,
                committed: self.committed(period, &p.unit.id).map(|f| f.status),
                has_draft: draft::path(&self.ws.state_dir(), period, &p.unit.id).exists(),
            })
            .collect();
        let due = crate::overview::due_next(year, m.today, &m.due);
        let selected = periods.iter().position(|i| i.period == due).unwrap_or(0);
        PeriodsState {
            plan,
            periods,
            selected,
        }
    }

    /// The session for a unit and period: the committed follow-up (or a
    /// new one), with any draft waiting to be resumed or discarded.
    pub fn open_session(&self, m: &Model, plan: usize, period: Period) -> Session {
        let unit = m.plans[plan].plan.unit.id.clone();
        let committed = self.committed(period, &unit);
        let status = committed.as_ref().map(|f| f.status);
        let record = committed.unwrap_or_else(|| FollowUp::new(&unit, period));
        let mut s = Session::new(plan, period, record, status);
        // One person at a time writes a unit's follow-up; others may read.
        self.lock.borrow_mut().take();
        if let Some(why) = self.refusal(&unit) {
            // Refused before any typing: shown read-only, saying who may.
            s.read_only = true;
            s.opening_note = Some(why);
            s.earlier = self.earlier(&m.plans[plan].plan, period);
            s.committed_at = self.committed_at(&unit, period);
            return s;
        }
        match crate::workspace::lock::acquire(&self.ws.state_dir(), &unit, &period.to_string()) {
            Ok(crate::workspace::lock::Acquired::Mine(l)) => {
                *self.lock.borrow_mut() = Some(l);
                draft::remove_stale_temp(&draft::path(&self.ws.state_dir(), period, &unit));
            }
            Ok(crate::workspace::lock::Acquired::Held(h)) => {
                s.read_only = true;
                s.held_by = Some(format!(
                    "{}@{} {} {}",
                    h.user,
                    h.host,
                    m.lang.t("sedan", "since"),
                    crate::clock::date_time(h.since as i64)
                ));
            }
            // Without a lock folder (a read-only workspace) it is read-only.
            Err(_) => s.read_only = true,
        }
        s.earlier = self.earlier(&m.plans[plan].plan, period);
        s.committed_at = self.committed_at(&unit, period);
        s.returned = self.returned(period, &unit, status).map(Box::new);
        if s.read_only {
            // Someone else's draft is theirs: it is neither offered nor
            // touched here; the committed follow-up is shown read-only.
            return s;
        }
        match draft::load(&draft::path(&self.ws.state_dir(), period, &unit)) {
            draft::Loaded::None => {}
            draft::Loaded::Draft(d) => {
                s.pending_draft = Some(PendingDraft {
                    followup: d.followup,
                    saved_at: d.draft.saved_at,
                    by: format!("{}@{}", d.draft.user, d.draft.host),
                    closing: d.closing,
                })
            }
            draft::Loaded::Unreadable { moved_to, why } => {
                s.opening_note = Some(format!(
                    "{}: {why} ({})",
                    m.lang.t(
                        "Utkastet gick inte att läsa och har sparats undan",
                        "The draft could not be read and was set aside"
                    ),
                    moved_to.display()
                ));
            }
        }
        s
    }

    /// Why the user may not write `unit` here (a missing or rewritten
    /// branch, or the roster), if so.
    fn refusal(&self, unit: &str) -> Option<String> {
        if let Err(e) = crate::history::verify::check_branch(&self.repo, repo::DEFAULT_BRANCH) {
            return Some(e.to_string());
        }
        match crate::roster::refusal(&self.repo, repo::DEFAULT_BRANCH, unit, &self.who, false) {
            Ok(why) => why,
            Err(e) => Some(crate::sanitize::line(&e.to_string()).into_owned()),
        }
    }

    /// The earlier periods' follow-ups of this unit: the year's earlier
    /// tertials and the previous year's VB (goals matched by id, else by
    /// title, against that year's plan).
    fn earlier(&self, plan: &crate::plan::Plan, period: Period) -> Vec<crate::app::model::Earlier> {
        let Ok(index) =
            crate::history::Index::load(&self.repo, repo::DEFAULT_BRANCH, &self.ws.state_dir())
        else {
            return Vec::new();
        };
        let unit = &plan.unit.id;
        let prev_vb = Period::new(period.year - 1, followup::PeriodKind::Vb);
        let mut wanted = vec![prev_vb];
        wanted.extend(period.earlier_in_year());
        let names: Vec<String> = wanted.iter().map(|p| p.to_string()).collect();
        let prev_plan = self.ws.load_plan(unit, i64::from(period.year) - 1).ok();
        crate::history::latest(&self.repo, &index, unit, &names)
            .into_iter()
            .filter_map(|c| {
                let p: Period = c.entry.period.parse().ok()?;
                let (goals, indicators) = if p.year == period.year {
                    (
                        plan.unit_goals
                            .iter()
                            .map(|g| (g.id.clone(), g.id.clone()))
                            .collect(),
                        plan.indicators
                            .iter()
                            .map(|i| (i.id.clone(), i.id.clone()))
                            .collect(),
                    )
                } else {
                    let prev = prev_plan.as_ref()?;
                    crate::plan::matching::match_previous(plan, prev)
                };
                Some(crate::app::model::Earlier {
                    period: p,
                    followup: c.followup,
                    author: c.entry.author,
                    time: c.entry.time,
                    goals,
                    indicators,
                })
            })
            .collect()
    }

    /// When the unit's follow-up of `period` was last committed.
    fn committed_at(&self, unit: &str, period: Period) -> Option<u64> {
        let index =
            crate::history::Index::load(&self.repo, repo::DEFAULT_BRANCH, &self.ws.state_dir())
                .ok()?;
        let name = period.to_string();
        index
            .for_unit(unit)
            .filter(|e| e.period == name)
            .last()
            .map(|e| e.time.max(0) as u64)
    }

    /// Every commit that changed `goal` of `unit`, across all periods.
    pub fn timeline(&self, unit: &str, goal: &str) -> Vec<crate::app::overlay::TimelineRow> {
        let state_dir = self.ws.state_dir();
        let Ok(index) = crate::history::Index::load(&self.repo, repo::DEFAULT_BRANCH, &state_dir)
        else {
            return Vec::new();
        };
        crate::history::log(&self.repo, &index, &state_dir, Some(unit), None, Some(goal))
            .into_iter()
            .map(|item| crate::app::overlay::TimelineRow {
                when: crate::clock::date_time(item.entry.time),
                period: item.entry.period.clone(),
                who: item.entry.author.clone(),
                status: item.entry.status.clone(),
                change: match item.changes.first() {
                    Some(c) => format!(
                        "{} → {}",
                        c.from.as_deref().unwrap_or("–"),
                        c.to.as_deref().unwrap_or("–")
                    ),
                    None => "texten ändrad".to_string(),
                },
            })
            .collect()
    }

    pub fn draft_path(&self, m: &Model) -> Option<std::path::PathBuf> {
        let s = m.session.as_ref()?;
        Some(draft::path(&self.ws.state_dir(), s.period, &s.record.unit))
    }

    /// Writes the session's draft; returns the time saved.
    pub fn save_draft(&self, m: &Model) -> std::io::Result<Option<u64>> {
        let (Some(s), Some(path)) = (&m.session, self.draft_path(m)) else {
            return Ok(None);
        };
        if s.read_only {
            return Ok(None);
        }
        let base = repo::read::tip(&self.repo, repo::DEFAULT_BRANCH)
            .ok()
            .flatten()
            .map(|o| o.to_string());
        let d = Draft {
            draft: DraftMeta::here(base),
            followup: s.record.clone(),
            closing: crate::app::carry_over::unsaved_note(m),
        };
        draft::save(&path, &d)?;
        Ok(Some(d.draft.saved_at))
    }

    /// What a commit of the session's follow-up needs, to run on the
    /// worker's thread (None without a session).
    pub fn commit_work(
        &self,
        m: &Model,
        record: &FollowUp,
        status: Status,
        reason: Option<String>,
    ) -> Option<CommitWork> {
        let s = m.session.as_ref()?;
        let mut followup = record.clone();
        followup.status = status;
        Some(CommitWork {
            root: self.ws.root.clone(),
            plan: m.plans[s.plan].plan.clone(),
            followup,
            who: self.who.clone(),
            reason,
        })
    }
}

/// A commit of a follow-up, carried to the worker's thread (with its own
/// repository handle there). The draft and the working tree are the
/// shell's, done when the result comes (`effects::on_job_message`).
pub struct CommitWork {
    root: std::path::PathBuf,
    plan: crate::plan::Plan,
    followup: FollowUp,
    who: repo::Identity,
    reason: Option<String>,
}

impl CommitWork {
    /// The short id, the status and the commit time, or why not.
    pub fn run(self) -> Result<(String, Status, u64), String> {
        let repository = repo::open(&self.root).map_err(|e| e.to_string())?;
        let oid = followup::commit::commit(
            &repository,
            repo::DEFAULT_BRANCH,
            &self.plan,
            &self.followup,
            &self.who,
            self.reason.as_deref(),
        )
        .map_err(|e| e.to_string())?;
        let at = repo::log::commit_time(&repository, oid)
            .map(|secs| secs.max(0) as u64)
            .unwrap_or_else(draft::now_secs);
        Ok((oid.to_string()[..10].to_string(), self.followup.status, at))
    }
}

impl Io<'_> {
    /// Brings `paths` (and any an earlier refresh left pending) in the
    /// working tree up to date with the branch, in the background.
    pub fn refresh_worktree(&self, paths: Vec<String>) {
        self.refreshes
            .borrow_mut()
            .push(repo::worktree::sync_in_background(
                repo::git_dir(&self.repo).to_path_buf(),
                repo::DEFAULT_BRANCH.to_string(),
                paths,
            ));
    }

    /// Whether a refresh is still to be looked in on: running, or ended
    /// with its outcome not yet collected by [`Io::refreshed`] (one that
    /// ends between the loop's two looks must still be said, not wait for
    /// the next key).
    pub fn refreshing(&self) -> bool {
        !self.refreshes.borrow().is_empty()
    }

    /// What the refreshes that ended did, as actions (a stale
    /// `index.lock` is said; the rest is silent).
    pub fn refreshed(&self) -> Vec<crate::app::Action> {
        let mut out = Vec::new();
        self.refreshes.borrow_mut().retain_mut(|r| {
            if r.running() {
                return true;
            }
            if let Some(repo::worktree::Refreshed::Locked { lock, age_secs }) = r.outcome() {
                out.push(crate::app::Action::WorktreeLocked {
                    lock: lock.display().to_string(),
                    age_secs,
                });
            }
            false
        });
        out
    }

    /// Waits (bounded) for every refresh, so that the process never ends
    /// while one holds git's index lock.
    pub fn finish_refreshes(&self) {
        let deadline = std::time::Instant::now() + repo::worktree::EXIT_WAIT;
        for r in self.refreshes.borrow_mut().drain(..) {
            r.finish(deadline.saturating_duration_since(std::time::Instant::now()));
        }
    }
}

/// The overview across units for `period` (None: the period due next among
/// the plans' `years`), as committed on the branch; run by the worker,
/// which stops it through `cancelled` (then `CancelJob`).
pub fn overview(
    root: &std::path::Path,
    years: &[i64],
    today: crate::clock::Day,
    lang: crate::i18n::Lang,
    period: Option<Period>,
    due: &crate::workspace::due::DueDates,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> crate::app::Action {
    let Some(period) = period.or_else(|| crate::overview::default_period(years, today, due)) else {
        return crate::app::Action::OverviewLoaded(Err(lang
            .t("inga planer", "no plans")
            .to_string()));
    };
    let result = crate::overview::read::overview_unless(
        root,
        repo::DEFAULT_BRANCH,
        period,
        crate::overview::Sort::Late,
        crate::overview::read::CacheUse::ReadWrite,
        cancelled,
    );
    match result {
        Ok(None) => crate::app::Action::CancelJob,
        Ok(Some((o, _))) => crate::app::Action::OverviewLoaded(Ok(Box::new(o))),
        Err(e) => crate::app::Action::OverviewLoaded(Err(crate::oserr::chain(&e))),
    }
}

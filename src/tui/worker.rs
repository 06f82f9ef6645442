//! The background worker: slow work (reading a large workspace's plans,
//! the overview's roll-up, the history index, a sync, a commit and its
//! signing) runs on its own thread, off the thread that reads keys and
//! draws. A job tells its progress and its result as actions on the input
//! channel, so the loop wakes for them like for a key; a job is cancelled
//! through a flag it looks at as it goes. A sync and a commit change the
//! repository: their result always comes back (a sync stopped while
//! fetching says so), and the program waits for them before it ends.

use super::input::Input;
use crate::app::Action;
use crate::app::model::JobKind;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::thread::JoinHandle;

/// Starts jobs, one at a time: a new one cancels the one before.
pub struct Worker {
    tx: Sender<Input>,
    next_id: u64,
    running: Option<Running>,
}

struct Running {
    cancelled: Arc<AtomicBool>,
    kind: JobKind,
    thread: JoinHandle<()>,
}

/// What a running job sees: whether it is cancelled, and where to tell
/// its progress.
pub struct Job {
    id: u64,
    tx: Sender<Input>,
    cancelled: Arc<AtomicBool>,
    /// The last share told, in percent (plus one; 0: none yet).
    told: AtomicUsize,
}

impl Job {
    pub fn cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// The flag itself, for work that hands it on (a git process ended
    /// when it is set).
    pub fn flag(&self) -> Arc<AtomicBool> {
        self.cancelled.clone()
    }

    /// Tells `done` of `total`, at most once per percent (each is a frame).
    pub fn progress(&self, done: usize, total: usize) {
        let percent = done * 100 / total.max(1) + 1;
        if self.told.swap(percent, Ordering::Relaxed) != percent {
            let _ = self.tx.send(Input::Job(Box::new(Action::JobProgress {
                id: self.id,
                done,
                total,
            })));
        }
    }

    /// Tells what the job does now, and whether it can still be stopped.
    pub fn step(&self, step: &str, cancellable: bool) {
        let _ = self.tx.send(Input::Job(Box::new(Action::JobStep {
            id: self.id,
            step: step.to_string(),
            cancellable,
        })));
    }
}

/// Jobs that change the repository: their result is always wanted.
fn changes_repository(kind: JobKind) -> bool {
    matches!(kind, JobKind::Sync | JobKind::Commit)
}

impl Worker {
    pub fn new(tx: Sender<Input>) -> Worker {
        Worker {
            tx,
            next_id: 1,
            running: None,
        }
    }

    /// Runs `work` on a thread of its own; its result comes back as
    /// `Action::JobDone`. Returns the action that says it started.
    pub fn start(
        &mut self,
        kind: JobKind,
        work: impl FnOnce(&Job) -> Action + Send + 'static,
    ) -> Action {
        self.cancel();
        let id = self.next_id;
        self.next_id += 1;
        let cancelled = Arc::new(AtomicBool::new(false));
        let job = Job {
            id,
            tx: self.tx.clone(),
            cancelled: cancelled.clone(),
            told: AtomicUsize::new(0),
        };
        let thread = std::thread::spawn(move || {
            if let Some(until) = held_for_tests(kind) {
                while !job.cancelled() && !until.as_ref().is_some_and(|f| f.exists()) {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
            }
            let result = work(&job);
            // A cancelled job's result is not wanted (nor sent), unless
            // the job changes the repository: then it says what it did.
            if !job.cancelled() || changes_repository(kind) {
                let _ = job.tx.send(Input::Job(Box::new(Action::JobDone {
                    id,
                    result: Box::new(result),
                })));
            }
        });
        self.running = Some(Running {
            cancelled,
            kind,
            thread,
        });
        Action::JobStarted { id, kind }
    }

    /// Asks the running job to stop.
    pub fn cancel(&mut self) {
        if let Some(r) = self.running.take() {
            r.cancelled.store(true, Ordering::Relaxed);
        }
    }

    /// Before the program ends: a job that reads is left behind, a sync
    /// or a commit is asked to stop where it safely can and waited for.
    /// Its messages meanwhile are dropped: a request for the terminal is
    /// then refused, and a signer waiting for it fails (nothing committed).
    pub fn finish(&mut self, messages: &Receiver<Input>) {
        let Some(r) = self.running.take() else {
            return;
        };
        r.cancelled.store(true, Ordering::Relaxed);
        if !changes_repository(r.kind) {
            return;
        }
        while !r.thread.is_finished() {
            while messages.try_recv().is_ok() {}
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let _ = r.thread.join();
    }
}

/// Tests of cancelling need a job that is still running when the key
/// comes: `TERTIAL_TEST_HOLD_JOB=plans|overview|sync|history` holds that
/// kind of job until it is cancelled (a sync is held before its fetch);
/// `KIND:PATH` (also `commit:PATH`, held before it begins) lets it go once
/// the file PATH exists, for what is typed while it runs and what happens
/// when it ends. Some(path): held.
fn held_for_tests(kind: JobKind) -> Option<Option<std::path::PathBuf>> {
    let name = match kind {
        JobKind::ReadPlans => "plans",
        JobKind::Overview => "overview",
        JobKind::Sync => "sync",
        JobKind::History => "history",
        JobKind::Commit => "commit",
    };
    let wanted = std::env::var("TERTIAL_TEST_HOLD_JOB").ok()?;
    match wanted.split_once(':') {
        Some((k, path)) if k == name => Some(Some(path.into())),
        // A commit is never cancelled: only a file lets it go.
        None if wanted == name && kind != JobKind::Commit => Some(None),
        _ => None,
    }
}

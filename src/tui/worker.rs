//! The background worker: slow work (reading a large workspace's plans,
//! the overview's roll-up) runs on its own thread, off the thread that
//! reads keys and draws. A job tells its progress and its result as
//! actions on the input channel, so the loop wakes for them like for a
//! key; a job is cancelled through a flag it looks at as it goes.

use super::input::Input;
use crate::app::Action;
use crate::app::model::JobKind;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

/// Starts jobs, one at a time: a new one cancels the one before.
pub struct Worker {
    tx: Sender<Input>,
    next_id: u64,
    running: Option<Arc<AtomicBool>>,
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
        self.running = Some(cancelled.clone());
        let job = Job {
            id,
            tx: self.tx.clone(),
            cancelled,
            told: AtomicUsize::new(0),
        };
        std::thread::spawn(move || {
            if held_for_tests(kind) {
                while !job.cancelled() {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
            }
            let result = work(&job);
            // A cancelled job's result is not wanted (nor sent).
            if !job.cancelled() {
                let _ = job.tx.send(Input::Job(Box::new(Action::JobDone {
                    id,
                    result: Box::new(result),
                })));
            }
        });
        Action::JobStarted { id, kind }
    }

    /// Asks the running job to stop.
    pub fn cancel(&mut self) {
        if let Some(flag) = self.running.take() {
            flag.store(true, Ordering::Relaxed);
        }
    }
}

/// Tests of cancelling need a job that is still running when the key
/// comes: `TERTIAL_TEST_HOLD_JOB=plans|overview` holds that kind of job
/// until it is cancelled.
fn held_for_tests(kind: JobKind) -> bool {
    let name = match kind {
        JobKind::ReadPlans => "plans",
        JobKind::Overview => "overview",
    };
    std::env::var("TERTIAL_TEST_HOLD_JOB").is_ok_and(|v| v == name)
}

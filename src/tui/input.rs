//! The input thread and the signal thread: terminal events, hang-ups and
//! signals all arrive on one channel, so the loop wakes for any of them.
//! The input thread can be paused while $EDITOR (or a signer asking for
//! a passphrase) owns the terminal, so no keystroke is stolen.

use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

#[derive(Debug)]
pub enum Input {
    Term(Event),
    /// SIGHUP, SIGTERM, SIGINT or SIGQUIT: save and leave.
    Stop(i32),
    /// SIGTSTP: give the terminal back and stop until SIGCONT.
    Suspend,
    /// The terminal is gone (end of file, I/O error).
    Gone,
    /// A background job's progress or result (`super::worker`).
    Job(Box<crate::app::Action>),
    /// A background job needs the terminal (a signer asks for a
    /// passphrase): the loop gives it up, says so on `granted`, and takes
    /// it back when `done` says the job is through with it (or is gone).
    Terminal {
        granted: Sender<()>,
        done: Receiver<()>,
    },
}

pub struct InputThread {
    pub rx: Receiver<Input>,
    /// For the background worker, whose messages come on the same channel.
    pub tx: Sender<Input>,
    paused: Arc<AtomicBool>,
    idle: Arc<AtomicBool>,
}

impl InputThread {
    pub fn spawn() -> InputThread {
        let (tx, rx) = mpsc::channel();
        let paused = Arc::new(AtomicBool::new(false));
        let idle = Arc::new(AtomicBool::new(false));
        let (p, i) = (paused.clone(), idle.clone());
        let term_tx = tx.clone();
        std::thread::spawn(move || read_terminal(term_tx, p, i));
        spawn_signals(tx.clone());
        InputThread {
            rx,
            tx,
            paused,
            idle,
        }
    }

    /// Stops reading and waits until the thread is no longer polling.
    pub fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
        for _ in 0..100 {
            if self.idle.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }
}

fn read_terminal(tx: Sender<Input>, paused: Arc<AtomicBool>, idle: Arc<AtomicBool>) {
    // A terminal that hung up can make the event source report input
    // that never comes (crossterm #793): many wake-ups without one event
    // read end the thread instead of spinning at 100 % CPU.
    let mut empty_wakeups = 0u32;
    loop {
        if paused.load(Ordering::SeqCst) {
            idle.store(true, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(10));
            continue;
        }
        idle.store(false, Ordering::SeqCst);
        match event::poll(Duration::from_millis(250)) {
            Ok(true) => match event::read() {
                Ok(ev) => {
                    empty_wakeups = 0;
                    if tx.send(Input::Term(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => break,
            },
            Ok(false) => {}
            Err(_) => {
                empty_wakeups += 1;
                if empty_wakeups > 50 {
                    break;
                }
            }
        }
    }
    let _ = tx.send(Input::Gone);
}

/// Signals become messages; a second stop signal exits at once.
fn spawn_signals(tx: Sender<Input>) {
    let Ok(mut signals) =
        signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP])
    else {
        return;
    };
    std::thread::spawn(move || {
        let mut stopping = false;
        for sig in signals.forever() {
            if sig == SIGTSTP {
                let _ = tx.send(Input::Suspend);
                continue;
            }
            if stopping {
                // The first one is being handled; this one does not wait.
                super::terminal::restore();
                std::process::exit(128 + sig);
            }
            stopping = true;
            let _ = tx.send(Input::Stop(sig));
        }
    });
}

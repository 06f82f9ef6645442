//! The real binary in a real pseudo-terminal, read through a vt100
//! emulator: what a person would see on the screen.
// Sets up processes and files through libc as the program's users would.
#![allow(unsafe_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Pty {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote to the terminal.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    closed: Arc<std::sync::atomic::AtomicBool>,
}

/// How long to wait for something to appear before failing the test.
/// This is a limit on waiting, not a measurement.
pub const WAIT: Duration = Duration::from_secs(20);

/// Polls `done` until it holds or `WAIT` runs out, and says whether it
/// held: a deadline for something that must happen, not a measure of time.
pub fn eventually(mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    loop {
        if done() {
            return true;
        }
        if start.elapsed() >= WAIT {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The exit code of `child` once it has exited (None if it never did).
pub fn exit_code_of(child: &mut Box<dyn Child + Send + Sync>) -> Option<u32> {
    let mut code = None;
    eventually(|| {
        code = child.try_wait().ok().flatten().map(|s| s.exit_code());
        code.is_some()
    });
    code
}

impl Pty {
    pub fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Pty {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let child = pair.slave.spawn_command(cmd).expect("spawn in pty");
        drop(pair.slave);
        // Our own duplicate of the master, read with poll so the thread can
        // let go of it: a hang-up needs every copy of the master closed.
        let fd = pair.master.as_raw_fd().expect("master fd");
        // Safe: dup of a valid descriptor, owned by the File from here on.
        let mut reader = unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) };
        // Written through our own duplicate too: portable-pty's writer sends
        // a newline and EOF when dropped, which a real dropped connection
        // does not.
        // Safe: dup of a valid descriptor, owned by the File from here on.
        let writer: Box<dyn Write + Send> =
            Box::new(unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) });
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let closed = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (p, r, stop) = (parser.clone(), raw.clone(), closed.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let mut pfd = libc::pollfd {
                    fd: reader.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // Safe: one valid pollfd.
                let ready = unsafe { libc::poll(&mut pfd, 1, 50) };
                if ready <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        p.lock().unwrap().process(&buf[..n]);
                        r.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        Pty {
            parser,
            raw,
            writer,
            child,
            master: pair.master,
            closed,
        }
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the emulator.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen contains `text`; panics with the screen if not.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    /// Waits until the screen stops changing (no redraw for 80 ms), so
    /// the next key acts on what is shown.
    pub fn settle(&self) -> String {
        let mut last = self.screen();
        let start = Instant::now();
        while start.elapsed() < WAIT {
            std::thread::sleep(Duration::from_millis(80));
            let now = self.screen();
            if now == last {
                return now;
            }
            last = now;
        }
        last
    }

    /// Waits until the screen differs from `before`.
    pub fn wait_for_change(&self, before: &str) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if self.screen() != before {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("screen did not change; screen:\n{}", self.screen());
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!("program did not exit; screen:\n{}", self.screen());
    }

    /// Waits until the raw output (including what was printed after the
    /// alternate screen was left) contains `text`.
    pub fn wait_output(&self, text: &str) -> String {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            let out = self.output();
            if out.contains(text) {
                return out;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!(
            "timed out waiting for output {text:?}; screen:\n{}",
            self.screen()
        );
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Closes the terminal (the master side), as a dropped SSH connection
    /// does; returns the child to wait on.
    pub fn hang_up(self) -> Box<dyn Child + Send + Sync> {
        let Pty {
            writer,
            master,
            child,
            closed,
            ..
        } = self;
        closed.store(true, std::sync::atomic::Ordering::SeqCst);
        drop(writer);
        drop(master);
        child
    }

    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }
}

pub const UP: &str = "\x1b[A";
pub const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
pub const PGDN: &str = "\x1b[6~";
pub const PGUP: &str = "\x1b[5~";
pub const ESC: &str = "\x1b";

fn nz(v: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(v.max(1)).unwrap()
}

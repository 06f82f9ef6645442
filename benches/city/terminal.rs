//! Measurements in a real pseudo-terminal: bytes written per typed
//! character in the analysis editor (beside vim in the same terminal), and
//! the peak memory of a session.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Term {
    out: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Term {
    fn spawn(cmd: CommandBuilder) -> Term {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let out = Arc::new(Mutex::new(Vec::new()));
        let o = out.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                o.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Term {
            out,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn len(&self) -> usize {
        self.out.lock().unwrap().len()
    }

    /// Waits until nothing new has been written for 600 ms: longer than
    /// tertial waits before it brings what it put off while typing up to
    /// date, so those bytes are counted too.
    fn quiet(&self) {
        let mut last = self.len();
        let start = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(600));
            let now = self.len();
            if now == last || start.elapsed() > Duration::from_secs(20) {
                return;
            }
            last = now;
        }
    }

    fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn contains(&self, text: &str) -> bool {
        String::from_utf8_lossy(&self.out.lock().unwrap()).contains(text)
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contains(text) && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Types `n` characters one at a time, each after the screen settled;
    /// returns the bytes written for them.
    fn type_chars(&mut self, n: usize) -> usize {
        self.quiet();
        let before = self.len();
        for i in 0..n {
            let letters: Vec<char> = "abcdefghij klmnopqrstuv wxyzåäö ".chars().collect();
            let s = letters[i % letters.len()].to_string();
            let expect = self.len();
            self.send(&s);
            let start = Instant::now();
            while self.len() == expect && start.elapsed() < Duration::from_secs(5) {
                std::thread::sleep(Duration::from_millis(2));
            }
            std::thread::sleep(Duration::from_millis(15));
        }
        self.quiet();
        self.len() - before
    }

    fn pid(&self) -> u32 {
        self.child.process_id().unwrap_or(0)
    }
}

fn env(cmd: &mut CommandBuilder) {
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "sv_SE.UTF-8");
    cmd.env("HOME", std::env::temp_dir());
}

/// Bytes per character typed into a text field of the session: `unit_page`
/// the unit's Sammanfattande analys on the last page (empty in a generated
/// workspace, like vim's empty file below), else the first goal's summary,
/// where the text is appended to the generated analysis.
fn tertial_bytes_per_char(
    bin: &Path,
    dir: &Path,
    unit: &str,
    period: &str,
    unit_page: bool,
) -> f64 {
    const N: usize = 100;
    // A draft left by an earlier run would open on the resume screen, and
    // the keys below would not reach the editor.
    let _ = std::fs::remove_file(dir.join(format!(".tertial/drafts/{period}/{unit}.toml")));
    let mut cmd = CommandBuilder::new(bin);
    cmd.args([
        dir.to_str().unwrap(),
        "--unit",
        unit,
        "--period",
        period,
        "--author",
        "Bench <b@example.invalid>",
    ]);
    env(&mut cmd);
    let mut t = Term::spawn(cmd);
    t.wait_for("Mål 1 av");
    t.quiet();
    if unit_page {
        for _ in 0..40 {
            t.send("\x1b[6~");
        }
        t.wait_for("Enhetens delar");
    } else {
        t.send("\t");
    }
    t.quiet();
    t.send("\r");
    t.wait_for("Esc/Tab");
    t.quiet();
    let ours = t.type_chars(N) as f64 / N as f64;
    t.send("\x1b");
    t.quiet();
    t.send("\x11"); // Ctrl-Q: letters are text on the goal page
    let _ = t.child.wait();
    // The typed text stays a draft; the next run starts from the same file.
    let _ = std::fs::remove_file(dir.join(format!(".tertial/drafts/{period}/{unit}.toml")));
    ours
}

/// (tertial bytes per character in an empty field, in a field with text,
/// vim bytes per character in an empty file)
pub fn bytes_per_char(bin: &Path, dir: &Path, unit: &str, period: &str) -> (f64, f64, Option<f64>) {
    const N: usize = 100;
    let empty = tertial_bytes_per_char(bin, dir, unit, period, true);
    let appending = tertial_bytes_per_char(bin, dir, unit, period, false);
    let vim = std::process::Command::new("vim")
        .arg("--version")
        .output()
        .is_ok()
        .then(|| {
            let file = std::env::temp_dir().join("tertial-bench-vim.txt");
            let _ = std::fs::write(&file, "");
            let mut cmd = CommandBuilder::new("vim");
            cmd.args(["-u", "NONE", "-N", "-n", file.to_str().unwrap()]);
            env(&mut cmd);
            let mut v = Term::spawn(cmd);
            v.quiet();
            v.send("i");
            v.quiet();
            let bytes = v.type_chars(N) as f64 / N as f64;
            v.send("\x1b:q!\r");
            let _ = v.child.wait();
            bytes
        });
    (empty, appending, vim)
}

/// Peak resident memory (KiB) of a session that opens a unit and walks
/// all its goals.
pub fn session_peak_kib(bin: &Path, dir: &Path, unit: &str, period: &str, goals: usize) -> u64 {
    let mut cmd = CommandBuilder::new(bin);
    cmd.args([
        dir.to_str().unwrap(),
        "--unit",
        unit,
        "--period",
        period,
        "--author",
        "Bench <b@example.invalid>",
    ]);
    env(&mut cmd);
    let mut t = Term::spawn(cmd);
    t.wait_for("Mål 1 av");
    for _ in 0..goals {
        t.send("\x1b[6~");
        std::thread::sleep(Duration::from_millis(20));
    }
    t.quiet();
    let status = std::fs::read_to_string(format!("/proc/{}/status", t.pid())).unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    t.send("\x11"); // Ctrl-Q: letters are text on the goal page
    let _ = t.child.wait();
    peak
}

/// Time from spawning `tertial DIR` in a 120×40 pseudo-terminal until the
/// first frame's bytes arrive (its title, "tertial · "), median of `runs`;
/// the program is then asked to leave (Ctrl-C) and waited for.
pub fn first_frame(bin: &Path, dir: &Path, runs: usize) -> Duration {
    let mut times = Vec::new();
    for _ in 0..runs {
        let mut cmd = CommandBuilder::new(bin);
        cmd.args([
            dir.to_str().unwrap(),
            "--author",
            "Bench <b@example.invalid>",
        ]);
        env(&mut cmd);
        let start = Instant::now();
        let mut t = Term::spawn(cmd);
        while !t.contains("tertial · ") && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(1));
        }
        times.push(start.elapsed());
        // Let the background work finish before the next run starts.
        t.quiet();
        t.send("\x03");
        let _ = t.child.wait();
    }
    times.sort();
    times[times.len() / 2]
}

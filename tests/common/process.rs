//! Running an outside program (LibreOffice, a browser, pdftotext) to its
//! end from a test.

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs the command to its end; one still running after `limit` is
/// stopped and the test fails (a limit on waiting, not a measurement).
pub fn run(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{cmd:?} did not finish");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().expect("output")
}

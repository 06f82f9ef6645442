//! A test that cannot run here (a tool or a privilege is missing) says so
//! in the test run's output, and fails instead when the environment asks
//! for it to run: `TERTIAL_REQUIRE_<NAME>=1`, as CI sets for each.

#![allow(dead_code)]

use std::io::Write;

/// True when the test can go on. When it cannot (`ready` is false): a
/// failure if `TERTIAL_REQUIRE_<require>=1`, else a `SKIPPED` line, and false.
pub fn ready_or_skip(ready: bool, require: &str, what: &str, because: &str) -> bool {
    if ready {
        return true;
    }
    let var = format!("TERTIAL_REQUIRE_{require}");
    assert!(
        std::env::var(&var).as_deref() != Ok("1"),
        "{what} cannot run because {because}, and {var}=1"
    );
    // Written to stderr itself, not through eprintln!: the test harness
    // keeps what eprintln! prints of a passing test to itself.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {what} because {because} (set {var}=1 to make this a failure)"
    );
    false
}

/// Whether the tests run as root (only root can hand a file to another
/// user, make a device node, or drop to another uid).
pub fn is_root() -> bool {
    // Safe: geteuid has no preconditions.
    #[allow(unsafe_code)]
    unsafe {
        libc::geteuid() == 0
    }
}

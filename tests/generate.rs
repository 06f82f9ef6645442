//! The workspace generator on a tiny workspace: what it commits must be
//! exactly what tertial itself would commit, and plain git must find the
//! repository sound and clean.
// Sets up processes and files through libc as the program's users would.
#![allow(unsafe_code)]

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use tertial::followup::{self, Period, Status};
use tertial::generate::{GenOptions, generate};
use tertial::plan::Plan;

/// Sandboxes git for this process and every git it starts: no user or
/// system config can leak in. Done once, before any repository is opened.
fn sandbox(home: &Path) {
    // Safe: this file has a single test, so no other thread reads the
    // environment while it is changed.
    unsafe {
        std::env::set_var("HOME", home);
        std::env::set_var("XDG_CONFIG_HOME", home.join(".config"));
        std::env::set_var("GIT_CONFIG_NOSYSTEM", "1");
        for var in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_CONFIG_GLOBAL",
            "GIT_CONFIG_SYSTEM",
            "GIT_CONFIG_COUNT",
            "TERTIAL_AUTHOR",
        ] {
            std::env::remove_var(var);
        }
    }
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs")
}

fn file_at(repo: &git2::Repository, commit: &git2::Commit, path: &str) -> Vec<u8> {
    let entry = commit.tree().unwrap().get_path(Path::new(path)).unwrap();
    let blob = entry.to_object(repo).unwrap().peel_to_blob().unwrap();
    blob.content().to_vec()
}

fn trailer<'a>(message: &'a str, key: &str) -> &'a str {
    message
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .unwrap_or_else(|| panic!("no {key} trailer in:\n{message}"))
}

#[test]
fn a_tiny_generated_workspace_is_what_tertial_would_have_committed() {
    let home = tempfile::tempdir().unwrap();
    sandbox(home.path());
    let dir = home.path().join("ws");
    let opts = GenOptions {
        units: 5,
        goals_per_unit: 4,
        years: 2,
        last_year: 2026,
        seed: 7,
    };
    let summary = generate(&dir, &opts).unwrap();
    assert_eq!(
        (summary.plans, summary.followups, summary.commits),
        (10, 30, 31)
    );

    // The plans check clean.
    let (plans, diags) = tertial::workspace::check::load_all(&dir);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(plans.len(), 10);
    let by_unit: HashMap<(i64, String), &Plan> = plans
        .iter()
        .map(|p| ((p.plan.unit.year, p.plan.unit.id.clone()), &p.plan))
        .collect();
    for p in &plans {
        assert_eq!(p.plan.unit_goals.len(), 4);
        assert!((3..=8).contains(&p.plan.indicators.len()));
        assert!((4..=10).contains(&p.plan.activities.len()));
    }

    // History: init, plans, one commit per unit and period, in time order.
    let repo = git2::Repository::open(&dir).unwrap();
    let mut walk = repo.revwalk().unwrap();
    walk.push_ref("refs/heads/main").unwrap();
    let oids: Vec<git2::Oid> = walk.map(Result::unwrap).collect();
    assert_eq!(oids.len(), 1 + 1 + 5 * 2 * 3);
    let mut commits: Vec<git2::Commit> =
        oids.iter().map(|o| repo.find_commit(*o).unwrap()).collect();
    commits.reverse();
    assert_eq!(commits[0].parent_count(), 0);
    assert!(commits.iter().skip(1).all(|c| c.parent_count() == 1));
    let followup_commits = &commits[2..];
    for pair in followup_commits.windows(2) {
        assert!(pair[0].time().seconds() <= pair[1].time().seconds());
    }

    // Every follow-up commit carries tertial's own message for its file.
    let mut statuses = Vec::new();
    for c in followup_commits {
        let message = c.message().unwrap();
        let unit = trailer(message, "Unit: ");
        let period: Period = trailer(message, "Period: ").parse().unwrap();
        let status = trailer(message, "Status: ");
        let plan = by_unit[&(i64::from(period.year), unit.to_string())];
        let path = followup::path(period, unit);
        let f = followup::load::parse_followup(&path, &file_at(&repo, c, &path), plan)
            .unwrap_or_else(|d| panic!("{path}: {d:?}"));
        assert_eq!(status, f.status.code());
        assert_eq!(message, followup::commit::message(plan, &f));
        assert_eq!(c.author().name(), c.committer().name());
        statuses.push(f.status);
    }
    assert!(statuses.contains(&Status::Done));

    // Every follow-up at the tip parses against its plan; klar ones pass
    // every lint, as tertial demands before committing them as klar.
    let tip = repo.find_commit(oids[0]).unwrap();
    let mut at_tip = 0;
    for p in &plans {
        for period in Period::of_year(p.plan.unit.year as i32) {
            let path = followup::path(period, &p.plan.unit.id);
            let f = followup::load::parse_followup(&path, &file_at(&repo, &tip, &path), &p.plan)
                .unwrap_or_else(|d| panic!("{path}: {d:?}"));
            if f.status == Status::Done {
                let open = followup::lint::open_lints(&p.plan, &f);
                assert!(open.is_empty(), "{path}: {open:?}");
            }
            at_tip += 1;
        }
    }
    assert_eq!(at_tip, 30);

    // Plain git finds the repository sound and the working tree clean.
    let fsck = git(&dir, &["fsck", "--strict"]);
    assert!(
        fsck.status.success(),
        "{}",
        String::from_utf8_lossy(&fsck.stderr)
    );
    let status = git(&dir, &["status", "--porcelain"]);
    assert!(status.status.success());
    assert_eq!(String::from_utf8_lossy(&status.stdout), "");

    // The same options and seed give the same files.
    let again = home.path().join("again");
    generate(&again, &opts).unwrap();
    let repo2 = git2::Repository::open(&again).unwrap();
    let tip2 = repo2.head().unwrap().peel_to_commit().unwrap();
    assert_eq!(tip.tree_id(), tip2.tree_id());
    assert_eq!(tip.message(), tip2.message());
}

//! Many people committing at once never lose each other's follow-ups:
//! 16 processes × 20 headless commits of different units on one
//! repository; all 320 arrive and `git fsck --strict` stays clean.

mod common;
use common::{Sandbox, text};
use std::collections::HashMap;

const UNITS: usize = 16;
const COMMITS: usize = 20;

#[test]
fn sixteen_writers_twenty_commits_each_all_arrive() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    // Sixteen units: the same plan under sixteen ids.
    let plan = std::fs::read_to_string(ws.join("plans/2025/bestallarenhet-2.toml")).unwrap();
    for u in 0..UNITS {
        let id = format!("enhet-{u:02}");
        std::fs::write(
            ws.join(format!("plans/2025/{id}.toml")),
            plan.replace("id = \"bestallarenhet-2\"", &format!("id = \"{id}\"")),
        )
        .unwrap();
    }
    let check = sb.run(&["check", ws.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));

    std::thread::scope(|s| {
        for u in 0..UNITS {
            let (sb, ws) = (&sb, &ws);
            s.spawn(move || {
                let id = format!("enhet-{u:02}");
                let file = sb.path().join(format!("{id}.toml"));
                for n in 0..COMMITS {
                    std::fs::write(
                        &file,
                        format!("schema = 1\nunit = \"{id}\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E1\"\nrating = \"delvis\"\nsummary = \"Samtidig {id} nr {n}\"\n"),
                    )
                    .unwrap();
                    let out = sb.record(ws, &id, "2025-T1", &file, &format!("Chef {u} <chef{u}@example.invalid>"), &[]);
                    assert!(out.status.success(), "{id} #{n}: {}", text(&out.stderr));
                }
            });
        }
    });

    // Every commit is in the history, in order per unit.
    let repo = git2::Repository::open(&ws).unwrap();
    let mut walk = repo.revwalk().unwrap();
    walk.push_head().unwrap();
    let mut per_unit: HashMap<String, usize> = HashMap::new();
    for oid in walk {
        let commit = repo.find_commit(oid.unwrap()).unwrap();
        let t = tertial::history::trailers::parse(commit.message().unwrap());
        if let Some(unit) = t.unit {
            *per_unit.entry(unit).or_default() += 1;
        }
    }
    assert_eq!(per_unit.len(), UNITS, "{per_unit:?}");
    assert!(per_unit.values().all(|n| *n == COMMITS), "{per_unit:?}");
    assert_eq!(per_unit.values().sum::<usize>(), UNITS * COMMITS);
    let tree = repo.head().unwrap().peel_to_tree().unwrap();
    for u in 0..UNITS {
        let entry = tree
            .get_path(std::path::Path::new(&format!(
                "followups/2025-T1/enhet-{u:02}.toml"
            )))
            .unwrap();
        let content = text(repo.find_blob(entry.id()).unwrap().content());
        assert!(
            content.contains(&format!("nr {}", COMMITS - 1)),
            "{content}"
        );
    }
    let fsck = std::process::Command::new("git")
        .args(["fsck", "--strict"])
        .current_dir(&ws)
        .output()
        .unwrap();
    assert!(fsck.status.success(), "{}", text(&fsck.stderr));
    let verify = sb.run(&["verify", ws.to_str().unwrap()]);
    assert!(verify.status.success(), "{}", text(&verify.stdout));
}

//! The audit trail's rules for reviews, on real repositories: nobody
//! approves a text they wrote (the program refuses, `verify` names a
//! commit made by hand), a return never changes the text it returns, a
//! chief's own later reopen is not taken for an old return, and a review
//! in a workspace without a roster counts for nothing.

mod common;
use common::review_ws::*;
use common::{Sandbox, text};
use tertial::review::FlowState;

/// The trailers tertial writes on a review commit.
fn review_message(outcome: &str, status: &str, reason: Option<&str>) -> String {
    let mut m = format!(
        "Granskning\n\nUnit: {UNIT}\nPeriod: {PERIOD}\nStatus: {status}\nReview: {outcome}\nReviewer: olsson\n"
    );
    if let Some(r) = reason {
        m.push_str(&format!("Reopen-Reason: {r}\n"));
    }
    m.push_str("Tool-Version: 0.1.0\n");
    m
}

#[test]
fn an_area_chief_who_wrote_in_the_follow_up_may_return_it_but_not_approve_it() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    // The area chief helps with a draft; the unit chief commits klar.
    let out = record(&sb, &ws, OLSSON, "Utkast av områdeschefen.", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let before = head(&sb, &ws);
    let out = review_cli(&sb, &ws, OLSSON, &["--approve"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("du har själv skrivit i uppföljningen"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(head(&sb, &ws), before, "nothing committed");
    assert_eq!(state(&ws), FlowState::Done);

    // A forger commits the approval by hand, trailers and all.
    let blob = blob_at_head(&sb, &ws);
    let forged = commit_file(
        &sb,
        &ws,
        OLSSON,
        REVIEW,
        &forged_review("godkänd", "olsson", &blob),
        &review_message("godkänd", "klar", None),
    );
    let (code, said) = verify(&sb, &ws);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "{forged}: {REVIEW}: godkänd av olsson som själv har skrivit i uppföljningen"
        )),
        "{said}"
    );
    git_ok(&sb, &ws, ADMIN, &["reset", "-q", "--hard", "HEAD~1"]);

    // Returning it is fine: a return is no approval.
    let out = review_cli(&sb, &ws, OLSSON, &["--return", "--overall", "Se E2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(state(&ws), FlowState::Returned);
}

#[test]
fn a_reviewer_who_only_returned_may_approve_the_answer() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let out = review_cli(&sb, &ws, OLSSON, &["--return", "--overall", "Se E2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    record_ok(&sb, &ws, "Enligt plan, E2 besvarad.", &["--status", "klar"]);
    let out = review_cli(&sb, &ws, OLSSON, &["--approve"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(state(&ws), FlowState::Approved);
    let (code, said) = verify(&sb, &ws);
    assert_eq!(code, Some(0), "{said}");
}

#[test]
fn a_return_that_changes_the_text_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let blob = blob_at_head(&sb, &ws);
    let klar = tip_file(&ws, FOLLOWUP).unwrap();
    let reopened = klar
        .replace("status = \"klar\"", "status = \"återöppnad\"")
        .replace("Enligt plan.", "Inte alls enligt plan.");
    assert_ne!(reopened, klar);
    std::fs::write(ws.join(FOLLOWUP), reopened).unwrap();
    std::fs::create_dir_all(ws.join(REVIEW).parent().unwrap()).unwrap();
    std::fs::write(ws.join(REVIEW), forged_review("återsänd", "olsson", &blob)).unwrap();
    git_ok(&sb, &ws, OLSSON, &["add", FOLLOWUP, REVIEW]);
    git_ok(
        &sb,
        &ws,
        OLSSON,
        &[
            "commit",
            "-qm",
            &review_message("återsänd", "återöppnad", Some("Se E2")),
        ],
    );
    let forged = head(&sb, &ws);
    let (code, said) = verify(&sb, &ws);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "{forged}: {FOLLOWUP} återöppnades och ändrades i samma commit"
        )),
        "{said}"
    );
}

#[test]
fn the_chiefs_own_later_reopen_is_not_the_old_return() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let out = review_cli(&sb, &ws, OLSSON, &["--return", "--overall", "Se E2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(state(&ws), FlowState::Returned);
    // Answered as a draft first: still returned until klar.
    record_ok(&sb, &ws, "Enligt plan, E2 besvarad.", &[]);
    assert_eq!(state(&ws), FlowState::Returned);
    record_ok(&sb, &ws, "Enligt plan, E2 besvarad.", &["--status", "klar"]);
    assert_eq!(state(&ws), FlowState::Done);
    // Reopened later for another reason: a draft, not "återsänd".
    let out = record(
        &sb,
        &ws,
        OLSSON,
        "Enligt plan, E2 besvarad.",
        &["--reopen", "Fel siffra"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(state(&ws), FlowState::Draft);
    let (code, said) = verify(&sb, &ws);
    assert_eq!(code, Some(0), "{said}");
}

#[test]
fn a_review_without_a_roster_counts_for_nothing_and_is_named() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let out = record(&sb, &ws, CHEF, "Enligt plan.", &["--status", "klar"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let blob = blob_at_head(&sb, &ws);
    let forged = commit_file(
        &sb,
        &ws,
        CHEF,
        REVIEW,
        &forged_review("godkänd", "olsson", &blob),
        &review_message("godkänd", "klar", None),
    );
    assert_eq!(state(&ws), FlowState::Done, "not approved");
    let (code, said) = verify(&sb, &ws);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "{forged}: {REVIEW}: en granskning utan roster.toml (ingen får granska)"
        )),
        "{said}"
    );
    // The program itself never reviews without a roster.
    let out = review_cli(&sb, &ws, OLSSON, &["--approve"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("granskning kräver roster.toml"));
}

#[test]
fn only_a_reopen_says_which_version_it_reopened() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let out = review_cli(&sb, &ws, OLSSON, &["--return", "--overall", "Se E2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The chief's answer through the program keeps it (the file given to
    // `record` does not have it).
    record_ok(&sb, &ws, "Enligt plan, E2 besvarad.", &[]);
    let kept = tip_file(&ws, FOLLOWUP).unwrap();
    assert!(kept.contains("reopened_from = "), "{kept}");
    assert_eq!(state(&ws), FlowState::Returned);
    let (code, said) = verify(&sb, &ws);
    assert_eq!(code, Some(0), "{said}");
    // By hand, to hide the return from the overview: named.
    let line = kept
        .lines()
        .find(|l| l.starts_with("reopened_from = "))
        .unwrap();
    let forged = commit_file(
        &sb,
        &ws,
        CHEF,
        FOLLOWUP,
        &kept.replace(line, &format!("reopened_from = \"{}\"", "0".repeat(40))),
        &format!("Utkast\n\nUnit: {UNIT}\nPeriod: {PERIOD}\nStatus: utkast\n"),
    );
    assert_eq!(state(&ws), FlowState::Draft, "what the forger wanted");
    let (code, said) = verify(&sb, &ws);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "{forged}: {FOLLOWUP} ändrar reopened_from utan att återöppna"
        )),
        "{said}"
    );
}

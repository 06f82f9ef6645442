//! Review and approval on real repositories with a roster: the unit
//! chief commits klar, the area chief returns it with remarks, the chief
//! commits klar again, the area chief approves. The flow state at each
//! step, the refusals (a non-reviewer, a stale review), `verify` clean on
//! the good history and naming each forgery, and the server hook
//! refusing a review pushed by someone who may not review.

mod common;
use common::review_ws::*;
use common::{Sandbox, text};
use std::process::Command;
use tertial::review::{self, FlowState, Outcome, Review};

#[test]
fn return_answer_approve_is_four_verifiable_commits_with_the_flow_state_at_each_step() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    assert_eq!(state(&ws), FlowState::NotStarted);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "utkast"]);
    assert_eq!(state(&ws), FlowState::Draft);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    assert_eq!(state(&ws), FlowState::Done);

    let out = review_cli(
        &sb,
        &ws,
        OLSSON,
        &[
            "--return",
            "--overall",
            "Se över E2.",
            "--remark",
            "goal:E2=Analysen saknar orsak.",
            "--remark",
            "part:economy=Prognosen?",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(state(&ws), FlowState::Returned);
    let followup = tip_file(&ws, FOLLOWUP).unwrap();
    assert!(followup.contains("status = \"återöppnad\""), "{followup}");
    let filed = Review::parse(&tip_file(&ws, REVIEW).unwrap(), REVIEW).unwrap();
    assert_eq!(filed.outcome, Outcome::Returned);
    assert_eq!(filed.reviewer, "olsson");
    assert_eq!(filed.overall, "Se över E2.");
    let e2 = review::Target::Goal("E2".into());
    assert_eq!(
        filed
            .remarks_on(&e2)
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>(),
        ["Analysen saknar orsak."]
    );

    // The chief answers and commits klar again.
    record_ok(
        &sb,
        &ws,
        "Enligt plan; E2 förklarad.",
        &["--status", "klar"],
    );
    assert_eq!(state(&ws), FlowState::Done);
    let out = review_cli(&sb, &ws, OLSSON, &["--approve"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(state(&ws), FlowState::Approved);

    let log = git_ok(
        &sb,
        &ws,
        ADMIN,
        &[
            "log",
            "-4",
            "--format=%an|%(trailers:key=Status,valueonly,separator=)|%(trailers:key=Review,valueonly,separator=)|%(trailers:key=Reviewer,valueonly,separator=)",
        ],
    );
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(
        lines,
        [
            "Områdeschef Olsson|klar|godkänd|olsson",
            "Chef Karlsson|klar||",
            "Områdeschef Olsson|återöppnad|återsänd|olsson",
            "Chef Karlsson|klar||",
        ],
        "{log}"
    );
    let ret = git_ok(&sb, &ws, ADMIN, &["log", "-1", "--skip=2", "--format=%B"]);
    assert!(ret.contains("Reopen-Reason: Se över E2."), "{ret}");
    assert!(ret.contains("goal:E2: Analysen saknar orsak."), "{ret}");
    let (code, out) = verify(&sb, &ws);
    assert_eq!(code, Some(0), "{out}");
    let out = sb.run(&["log", ws.to_str().unwrap(), "--unit", UNIT]);
    let log = text(&out.stdout);
    assert!(log.contains("2025-T1  klar, godkänd av olsson"), "{log}");
    assert!(
        log.contains("2025-T1  återöppnad, återsänd av olsson"),
        "{log}"
    );

    // A reopen voids the approval: the approved version is no longer the one on file.
    let out = review_cli(&sb, &ws, OLSSON, &["--return", "--overall", "Igen."]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(state(&ws), FlowState::Returned);
}

#[test]
fn a_reopen_by_an_area_chief_clears_the_approval() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let out = review_cli(&sb, &ws, OLSSON, &["--approve"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(state(&ws), FlowState::Approved);
    let out = record(
        &sb,
        &ws,
        OLSSON,
        "Enligt plan.",
        &["--reopen", "Fel siffra"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(state(&ws), FlowState::Draft);
    let msg = git_ok(&sb, &ws, ADMIN, &["log", "-1", "--format=%B"]);
    assert!(
        msg.contains("Godkännandet gäller inte längre den återöppnade uppföljningen."),
        "{msg}"
    );
    record_ok(&sb, &ws, "Enligt plan, rättad.", &["--status", "klar"]);
    assert_eq!(state(&ws), FlowState::Done, "an old approval is void");
    let (code, out) = verify(&sb, &ws);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn someone_who_may_not_review_is_refused_and_nothing_is_committed() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let before = head(&sb, &ws);
    let out = review_cli(&sb, &ws, CHEF, &["--approve"]);
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    assert!(
        said.contains("får inte granska bestallarenhet-2; det får: Områdeschef Olsson <olsson@example.invalid>"),
        "{said}"
    );
    let out = review_cli(
        &sb,
        &ws,
        ("Okänd", "x@example.invalid"),
        &["--return", "--overall", "Nej"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(head(&sb, &ws), before);
    assert_eq!(tip_file(&ws, REVIEW), None);
    // A return says why.
    let out = review_cli(&sb, &ws, OLSSON, &["--return"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let out = review_cli(
        &sb,
        &ws,
        OLSSON,
        &["--return", "--remark", "goal:E99=Finns inte"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("goal:E99"));
    assert_eq!(head(&sb, &ws), before);
}

#[test]
fn a_stale_or_not_klar_version_is_not_approved() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "utkast"]);
    let out = review_cli(&sb, &ws, OLSSON, &["--approve"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("inte klar"),
        "{}",
        text(&out.stderr)
    );

    let repo = tertial::repo::open(&ws).unwrap();
    let (_, draft_blob) = review::read::followup_at_tip(&repo, "main", period(), UNIT)
        .unwrap()
        .unwrap();
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let plan = tertial::workspace::Workspace::open(&ws)
        .unwrap()
        .load_plan(UNIT, 2025)
        .unwrap();
    let who = tertial::repo::Identity::new(OLSSON.0, OLSSON.1).unwrap();
    let mut stale = Review {
        unit: UNIT.into(),
        period: period(),
        outcome: Outcome::Approved,
        reviewer: "olsson".into(),
        reviewed: draft_blob,
        overall: String::new(),
        remarks: Vec::new(),
    };
    let err = review::commit_approve(&repo, "main", &plan, &stale, &who).unwrap_err();
    assert!(err.to_string().contains("har ändrats sedan"), "{err}");
    stale.outcome = Outcome::Returned;
    stale.overall = "x".into();
    let err = review::commit_return(&repo, "main", &plan, &stale, &who).unwrap_err();
    assert!(err.to_string().contains("har ändrats sedan"), "{err}");
    assert_eq!(
        review::read::state_at_tip(&repo, "main", period(), UNIT).unwrap(),
        FlowState::Done
    );
}

#[test]
fn an_approval_by_the_unit_chief_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let blob = blob_at_head(&sb, &ws);
    let forged = commit_file(
        &sb,
        &ws,
        CHEF,
        REVIEW,
        &forged_review("godkänd", "olsson", &blob),
        &format!(
            "Granskning\n\nUnit: {UNIT}\nPeriod: {PERIOD}\nStatus: klar\nReview: godkänd\nReviewer: olsson\nTool-Version: 0.1.0\n"
        ),
    );
    let (code, out) = verify(&sb, &ws);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("{forged}: Chef Karlsson <chef@example.invalid> får inte granska {UNIT}; får granska: Områdeschef Olsson <olsson@example.invalid>")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{forged}: {REVIEW}: granskaren olsson är inte den som gjorde commiten"
        )),
        "{out}"
    );
}

#[test]
fn an_approval_of_a_version_that_is_not_klar_is_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "utkast"]);
    let blob = blob_at_head(&sb, &ws);
    let forged = commit_file(
        &sb,
        &ws,
        OLSSON,
        REVIEW,
        &forged_review("godkänd", "olsson", &blob),
        "Godkänd",
    );
    let (code, out) = verify(&sb, &ws);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("{forged}: {REVIEW}: godkänner en version som inte är den klara uppföljningen i commiten")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{forged}: {REVIEW}: ändrad av en commit vars trailers"
        )),
        "a review made by hand: {out}"
    );
}

#[test]
fn a_return_that_does_not_reopen_and_forged_review_trailers_are_named() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let blob = blob_at_head(&sb, &ws);
    let returned = commit_file(
        &sb,
        &ws,
        OLSSON,
        REVIEW,
        &forged_review("återsänd", "olsson", &blob),
        "Återsänd",
    );
    // The chief's own commit claiming an approval it does not make.
    let body = std::fs::read_to_string(ws.join("plans/2025/bestallarenhet-2.toml")).unwrap();
    let claimed = commit_file(
        &sb,
        &ws,
        CHEF,
        "notes.txt",
        &body[..10],
        &format!(
            "Godkänd\n\nUnit: {UNIT}\nPeriod: {PERIOD}\nStatus: klar\nReview: godkänd\nReviewer: olsson\nTool-Version: 0.1.0\n"
        ),
    );
    // A file filed under another unit.
    let elsewhere = commit_file(
        &sb,
        &ws,
        OLSSON,
        "reviews/2025-T1/annan.toml",
        &forged_review("godkänd", "olsson", &blob),
        "Fel plats",
    );
    let (code, out) = verify(&sb, &ws);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "{returned}: {REVIEW}: återsänder utan att återöppna"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{claimed}: trailers påstår en granskning som commiten inte gör"
        )),
        "{out}"
    );
    assert!(out.contains(&format!("{elsewhere}:")), "{out}");
    assert!(out.contains("reviews/2025-T1/annan.toml"), "{out}");
}

#[test]
fn a_review_by_the_unit_chief_is_named_in_english_too() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let blob = blob_at_head(&sb, &ws);
    let forged = commit_file(
        &sb,
        &ws,
        CHEF,
        REVIEW,
        &forged_review("godkänd", "chef", &blob),
        "Godkänd",
    );
    let out = sb
        .cmd()
        .env("TERTIAL_LANG", "en")
        .args(["verify", ws.to_str().unwrap()])
        .output()
        .unwrap();
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!("{forged}: Chef Karlsson <chef@example.invalid> may not review {UNIT}; may review: Områdeschef Olsson <olsson@example.invalid>")),
        "{said}"
    );
}

#[test]
fn the_server_hook_refuses_a_review_by_someone_who_may_not_review() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let bare = sb.path().join("server.git");
    git_ok(
        &sb,
        sb.path(),
        ADMIN,
        &["init", "-q", "--bare", bare.to_str().unwrap()],
    );
    let out = sb.run(&["hook", "install", bare.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let push = |who: &str| {
        let out = Command::new("git")
            .current_dir(&ws)
            .env("HOME", sb.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("LANG", "sv_SE.UTF-8")
            .env("TERTIAL_LANG", "sv")
            .env("GL_USERNAME", who)
            .args(["push", bare.to_str().unwrap(), "main"])
            .output()
            .unwrap();
        (out.status.success(), text(&out.stderr))
    };
    let (pushed, said) = push("admin");
    assert!(pushed, "{said}");
    record_ok(&sb, &ws, "Enligt plan.", &["--status", "klar"]);
    let (pushed, said) = push("chef");
    assert!(pushed, "{said}");
    let blob = blob_at_head(&sb, &ws);
    commit_file(
        &sb,
        &ws,
        CHEF,
        REVIEW,
        &forged_review("godkänd", "chef", &blob),
        "Godkänd",
    );
    let (pushed, said) = push("chef");
    assert!(!pushed, "{said}");
    assert!(said.contains("får inte granska"), "{said}");
    // The area chief's own approval lands.
    git_ok(&sb, &ws, ADMIN, &["reset", "-q", "--hard", "HEAD~1"]);
    let out = review_cli(&sb, &ws, OLSSON, &["--approve"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (pushed, said) = push("olsson");
    assert!(pushed, "{said}");
}

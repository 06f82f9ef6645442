//! Slow work in the background, in a real terminal: a large workspace
//! shows its first frame while its plans are read, and Esc cancels a
//! running job. (`TERTIAL_TEST_HOLD_JOB` holds a job until it is
//! cancelled, so the key surely comes while it runs.)

mod common;
use common::Sandbox;
use common::pty::Pty;

/// A workspace with more plan files than are read before the first frame.
fn large_workspace(sb: &Sandbox) -> std::path::PathBuf {
    let ws = sb.workspace("ws");
    let units = (tertial::tui::startup::BACKGROUND_PLAN_FILES + 5).to_string();
    let out = sb.run(&[
        "generate",
        ws.to_str().unwrap(),
        "--units",
        &units,
        "--goals",
        "1",
        "--years",
        "1",
    ]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    ws
}

#[test]
fn a_large_workspace_shows_its_first_frame_before_the_plans_are_read() {
    let sb = Sandbox::new();
    let ws = large_workspace(&sb);
    let mut cmd = sb.pty_cmd(&[ws.to_str().unwrap(), "--author", "A B <a@b.invalid>"]);
    cmd.env("TERTIAL_TEST_HOLD_JOB", "plans");
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("Läser planerna");
    t.wait_for("välj enhet");
    t.send("\x1b");
    // Nothing to show without the plans: the program ends.
    assert_eq!(t.wait_exit(), 0);

    // Not held: the progress, then the overview of all units.
    let cmd = sb.pty_cmd(&[ws.to_str().unwrap(), "--author", "A B <a@b.invalid>"]);
    let mut t = Pty::spawn(cmd, 120, 40);
    // The first frame is drawn before the plans are read, so the progress
    // line is in what was written even if it is gone from the screen.
    t.wait_output("Läser planerna");
    t.wait_for("· översikt ");
    t.wait_for(&format!(
        "{} enheter",
        tertial::tui::startup::BACKGROUND_PLAN_FILES + 5
    ));
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn esc_cancels_the_roll_up_and_leaves_the_unit_list() {
    let sb = Sandbox::new();
    let ws = large_workspace(&sb);
    let mut cmd = sb.pty_cmd(&[ws.to_str().unwrap(), "--author", "A B <a@b.invalid>"]);
    cmd.env("TERTIAL_TEST_HOLD_JOB", "overview");
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("Räknar samman översikten");
    t.send("\x1b");
    t.wait_for("Översikten avbröts.");
    let screen = t.settle();
    assert!(screen.contains("välj enhet"), "{screen}");
    assert!(!screen.contains("Räknar samman"), "{screen}");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
}

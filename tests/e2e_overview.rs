//! The overview in a real terminal: a workspace of many units opens on
//! it, Enter on a unit leads to its periods, Esc back, Tab to the plain
//! unit list.

mod common;
use common::Sandbox;
use common::pty::Pty;

#[test]
fn many_units_open_on_the_overview_and_enter_opens_a_unit() {
    let sb = Sandbox::new();
    let ws = sb.workspace("ws");
    let out = sb.run(&[
        "generate",
        ws.to_str().unwrap(),
        "--units",
        "25",
        "--goals",
        "3",
        "--years",
        "1",
    ]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let cmd = sb.pty_cmd(&[ws.to_str().unwrap(), "--author", "A B <a@b.invalid>"]);
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("· översikt ");
    t.wait_for("25 enheter");
    let screen = t.settle();
    assert!(screen.contains("▶ "), "{screen}");
    t.send("\r");
    t.wait_for("Välj period:");
    t.send("\x1b");
    t.wait_for("· översikt ");
    t.send("\t");
    t.wait_for("välj enhet");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);

    // --period without --unit: the overview of that period.
    let cmd = sb.pty_cmd(&[
        ws.to_str().unwrap(),
        "--period",
        "2026-T1",
        "--author",
        "A B <a@b.invalid>",
    ]);
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("översikt Tertialrapport 1 2026");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
}

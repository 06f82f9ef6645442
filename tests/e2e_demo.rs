//! `tertial demo` in a real pseudo-terminal: the newcomer's first run.

mod common;
use common::Sandbox;
use common::pty::{ENTER, PGDN, Pty};

#[test]
fn demo_opens_lists_units_and_shows_a_plans_goals() {
    let sb = Sandbox::new();
    let mut t = Pty::spawn(sb.pty_cmd(&["demo"]), 120, 40);
    t.wait_for("välj enhet");
    t.wait_for("Beställarenhet 2 2025");
    t.wait_for("Hägerstens hemtjänst 2026");
    // Filter the list by typing, then open the unit.
    t.send("hagerstens");
    // Fuzzy: both Hägersten units match, the closer one is ranked first.
    t.wait_for("2 / 3");
    t.wait_for("▶ Hägerstens hemtjänst 2026");
    t.send(ENTER);
    // The period list, with the period due next chosen.
    t.wait_for("Välj period");
    t.wait_for("Verksamhetsberättelse 2026");
    t.send(ENTER);
    t.wait_for("Mål 1 av 20");
    t.wait_for("Avdelningsmål: Äldre ska erbjudas stöd");
    // The context of the goal is on screen.
    t.wait_for("Nämndmål:");
    t.wait_for("Förväntat resultat");
    t.send(PGDN);
    t.wait_for("Mål 2 av 20");
    t.wait_for("E2");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    // The terminal was restored (alternate screen left, cursor shown) and
    // the demo's folder is named once more.
    let out = t.wait_output("Demo-arbetsytan finns kvar i");
    assert!(out.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(
        out.rfind("\x1b[?25h") > out.rfind("\x1b[?25l"),
        "cursor shown again"
    );
}

#[test]
fn a_tiny_terminal_gets_a_notice_not_a_panic() {
    let sb = Sandbox::new();
    let mut t = Pty::spawn(sb.pty_cmd(&["demo"]), 30, 8);
    t.wait_for("Fönstret är för litet");
    t.resize(120, 40);
    t.wait_for("välj enhet");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
}

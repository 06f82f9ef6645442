//! Spell checking while typing, in a real pseudo-terminal with the
//! system's Swedish dictionary: a misspelled word is underlined and named
//! in the editor's border, a right one and a word of the plan are not;
//! F7 lists spellings and Enter puts the chosen one in the text.

mod common;
use common::Sandbox;
use common::pty::{DOWN, ENTER, ESC, Pty, TAB};

const F7: &str = "\x1b[18~";

/// Whether the Swedish dictionary is installed; else the test says why
/// it does not run (and fails under TERTIAL_REQUIRE_HUNSPELL=1).
fn dictionary() -> bool {
    common::skip::ready_or_skip(
        tertial::spell::find("sv_SE", None).is_ok(),
        "HUNSPELL",
        "spell checking in the editor",
        "no Swedish dictionary (hunspell-sv) is installed",
    )
}

/// Presses Tab until the focused field's label is `label`.
fn tab_to(t: &mut Pty, label: &str) {
    let marker = format!("▶ {label}");
    for _ in 0..60 {
        let before = t.settle();
        if before.contains(&marker) {
            return;
        }
        t.send(TAB);
        t.wait_for_change(&before);
    }
    t.wait_for(&marker);
}

/// Whether every cell of the first `word` on the screen row holding
/// `row_text` is underlined (None: not found).
fn underlined(t: &Pty, row_text: &str, word: &str) -> Option<bool> {
    let parser = t.parser.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    for row in 0..rows.get() {
        let line: String = (0..cols.get())
            .map(|c| {
                screen
                    .cell(row, c)
                    .map(|cell| cell.contents().to_string())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| " ".into())
            })
            .collect();
        if !line.contains(row_text) {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let w: Vec<char> = word.chars().collect();
        let at = (0..chars.len()).find(|&i| chars[i..].starts_with(&w))?;
        return Some((at..at + w.len()).all(|c| {
            screen
                .cell(row, c as u16)
                .is_some_and(|cell| cell.underline())
        }));
    }
    None
}

#[test]
fn a_misspelled_word_is_marked_and_fixed_from_the_suggestions() {
    if !dictionary() {
        return;
    }
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    // An invented word in the title of the first enhetsmål: words of the
    // plan are never marked.
    let plan = ws.join("plans/2025/bestallarenhet-2.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let title = "title = \"Den enskilde får ett gott bemötande";
    assert!(text.contains(title));
    std::fs::write(
        &plan,
        text.replacen(
            title,
            "title = \"Glimtamoj: Den enskilde får ett gott bemötande",
            1,
        ),
    )
    .unwrap();

    let cmd = sb.pty_cmd(&[
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-VB",
        "--author",
        "A B <a@b.invalid>",
    ]);
    let mut t = Pty::spawn(cmd, 80, 24);
    t.wait_for("Mål 1 av 6");
    tab_to(&mut t, "Sammanfattning");
    t.send(ENTER);
    t.wait_for("Esc klar");
    t.send("Vi har arbetat med stavnig och kvalitet i Glimtamoj ");
    t.wait_for("Stavning (F7): stavnig ");
    let screen = t.settle();
    let border = screen
        .lines()
        .find(|l| l.contains("Stavning (F7)"))
        .unwrap_or_default();
    assert!(border.ends_with("Stavning (F7): stavnig ┐"), "{border}");
    let row = "│Vi har arbetat med stavnig";
    assert_eq!(underlined(&t, row, "stavnig"), Some(true), "{screen}");
    assert_eq!(underlined(&t, row, "kvalitet"), Some(false), "{screen}");
    assert_eq!(underlined(&t, row, "Glimtamoj"), Some(false), "{screen}");

    t.send(F7);
    t.wait_for("Stavning: «stavnig»");
    t.wait_for("stavning");
    t.wait_for("+ Lägg till i arbetsytans ordlista");
    // The list starts on its first row; move to "stavning" whichever it is.
    for _ in 0..10 {
        if t.settle().contains("▶ stavning ") {
            break;
        }
        t.send(DOWN);
    }
    t.wait_for("▶ stavning ");
    t.send(ENTER);
    t.wait_for("│Vi har arbetat med stavning och kvalitet i Glimtamoj");
    let screen = t.settle();
    assert!(!screen.contains("Stavning (F7)"), "{screen}");
    assert_eq!(
        underlined(&t, "│Vi har arbetat med stavning", "stavning"),
        Some(false)
    );

    // The text is the field's: it stays when the editor closes.
    let editing = t.settle();
    t.send(ESC);
    t.wait_for_change(&editing);
    let screen = t.settle();
    assert!(!screen.contains("Sammanfattande analys ─"), "{screen}");
    assert!(
        screen.contains("▶ Sammanfattning: Vi har arbetat med stavning och kvalitet i Glimtamoj"),
        "{screen}"
    );
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
}

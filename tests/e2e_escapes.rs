//! Hostile text never reaches the terminal as control: 50+ payloads
//! (escape sequences, C1 controls, bidi overrides, separators, a
//! paste-end marker, a 10,000-character line) in plan fields, a git
//! author's name and a paste, while every byte the program writes is
//! checked.

mod common;
use common::pty::{ENTER, ESC, Pty, TAB};
use common::{Sandbox, text};
use tertial::plan::{Points, bundled, parse_plan, write::to_toml};

fn payloads() -> Vec<String> {
    let mut p: Vec<String> = [
        "\x1b[2J",
        "\x1b[H",
        "\x1b[31mröd\x1b[0m",
        "\x1b]0;titel\x07",
        "\x1b]0;titel\x1b\\",
        "\x1b]52;c;ZXZpbA==\x07",
        "\x1b]8;;https://example.invalid\x1b\\länk\x1b]8;;\x1b\\",
        "\x1bP1$r0m\x1b\\",
        "\x1bPqbild\x1b\\",
        "\u{9b}2J",
        "\u{9d}0;titel\u{9c}",
        "\u{90}dcs\u{9c}",
        "\u{85}nästa rad",
        "\x07klocka",
        "över\rskrivet",
        "bak\x08steg",
        "\u{202e}txet oterrev",
        "\u{2066}isolerad\u{2069}",
        "\u{200f}rtl-märke",
        "\u{061c}arabisk markör",
        "rad\u{2028}avskiljare",
        "stycke\u{2029}avskiljare",
        "\x1b[201~:q!",
        "\x1b[200~klistrat",
        "\x1bc",
        "\x1b[?1049l",
        "\x1b[?25l",
        "\x1b[?1000h",
        "\x1b[6n",
        "\x1b[21t",
        "\x1b#8",
        "\x1b(0lqqk\x1b(B",
        "\x1b[1;1H\x1b[K",
        "\x1b[3J",
        "\x1b[?2004l",
        "\x1b[5n",
        "\x1b[c",
        "\x1b[>c",
        "\x1bZ",
        "\x1b]10;?\x07",
        "\x1b]4;1;rgb:ff/00/00\x07",
        "\x1b[s\x1b[u",
        "\x1b7\x1b8",
        "\x1b[?1h\x1b=",
        "\u{7f}radera",
        "\u{0}nul",
        "\u{1}soh",
        "\u{1a}sub",
        "\u{feff}bom",
        "noll\u{200b}bredd",
        "ZWJ 👩\u{200d}💻",
        "\x1b[38;2;255;0;0mfärg",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    p.push("x".repeat(10_000));
    p
}

/// Bytes a terminal would act on that are not ours: everything is checked
/// but our own CSI sequences (cursor, colours, modes, synchronized output).
fn foreign_controls(out: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let chars: Vec<char> = out.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\x1b' {
            if chars.get(i + 1) == Some(&'[') {
                let mut j = i + 2;
                while j < chars.len() && matches!(chars[j], '0'..='9' | ';' | '?' | ':') {
                    j += 1;
                }
                let fin = chars.get(j).copied().unwrap_or(' ');
                if !"HmJKhlABCDGfrXSTn".contains(fin) {
                    bad.push(format!("CSI ending {fin:?} at {i}"));
                }
                i = j + 1;
                continue;
            }
            bad.push(format!("ESC {:?} at {i}", chars.get(i + 1)));
        } else if (c.is_control() && c != '\n') || tertial::sanitize::is_reordering(c) {
            bad.push(format!("{:?} at {i}", c));
        }
        i += 1;
    }
    bad
}

#[test]
fn no_payload_reaches_the_terminal_as_a_control() {
    let payloads = payloads();
    assert!(payloads.len() >= 50);
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    // A plan full of payloads (written as TOML escapes, as a hostile plan would be).
    let (path, src) = bundled::PLANS
        .iter()
        .find(|(p, _)| p.contains("bestallarenhet"))
        .unwrap();
    let mut plan = parse_plan(path, src.as_bytes()).unwrap();
    let mut next = payloads.iter().cycle();
    let mut take = |base: &str| format!("{base} {}", next.next().unwrap());
    plan.unit.name = take("Beställarenhet 2");
    for g in &mut plan.kf_goals {
        g.title = take(&g.title);
    }
    for g in &mut plan.committee_goals {
        g.title = take(&g.title);
        g.description = take(&g.description);
    }
    for g in &mut plan.unit_goals {
        g.title = take(&g.title);
        for r in &mut g.expected_results {
            *r = take(r);
        }
        g.ways_of_working = Points::Numbered(vec![take("Arbetssätt"), take("Arbetssätt")]);
        g.follow_up = Points::Text(take("Uppföljning"));
    }
    for x in &mut plan.indicators {
        x.name = take(&x.name);
        x.annual_target = Some(take("80 %"));
    }
    for a in &mut plan.activities {
        a.text = take(&a.text);
    }
    std::fs::write(ws.join(path), to_toml(&plan)).unwrap();
    let check = sb.run(&["check", ws.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    // A hostile git author on an earlier period.
    let file = sb.path().join("f.toml");
    std::fs::write(&file, "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E1\"\nrating = \"delvis\"\nsummary = \"\\u001b]0;x\\u0007 tidigare\"\n").unwrap();
    let author = "Mal\x1b]0;pwn\x07lory\u{202e} <m@example.invalid>";
    let out = sb.record(&ws, "bestallarenhet-2", "2025-T1", &file, author, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let args = [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T2",
        "--author",
        "A B <a@b.invalid>",
    ];
    let mut t = Pty::spawn(sb.pty_cmd(&args), 160, 50);
    t.wait_for("Mål 1 av 6");
    // Every goal, the timeline, the help, and a hostile paste.
    for _ in 0..5 {
        t.send("\x1b[6~");
        t.settle();
    }
    t.send("\x1b[5~");
    t.settle();
    t.send("\x14"); // ctrl-t
    t.wait_for("Historik för");
    t.send(ESC);
    t.settle();
    t.send(TAB);
    t.wait_for("▶ Sammanfattning");
    t.send(ENTER);
    t.settle();
    for p in payloads.iter().take(20) {
        t.send(&format!("\x1b[200~{p}\x1b[201~"));
    }
    t.settle();
    t.send(ESC);
    t.settle();
    t.send("\x12"); // ctrl-r
    t.wait_for("Granska och lämna in");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let out = t.output();
    let bad = foreign_controls(&out);
    assert!(
        bad.is_empty(),
        "{} foreign controls, first: {:?}",
        bad.len(),
        &bad[..bad.len().min(10)]
    );
    // Hostile text is shown as visible placeholders, not silently dropped.
    assert!(
        out.contains("␛[2J") || out.contains("␛]"),
        "escape placeholders shown"
    );
    assert!(
        out.contains("<U+202E>"),
        "bidi override shown as a placeholder"
    );
    // What was pasted is kept as written (the draft stores it).
    let draft =
        std::fs::read_to_string(ws.join(".tertial/drafts/2025-T2/bestallarenhet-2.toml")).unwrap();
    assert!(
        draft.contains("\\u001B]52;c;ZXZpbA==\\u0007"),
        "the paste is stored as typed"
    );
}

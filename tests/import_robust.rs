//! `tertial import` never panics or hangs: empty, binary, truncated and
//! hostile input, and a file far larger than any plan.

use tertial::import::{Imported, import};
use tertial::plan::{parse_plan, write::to_toml};

fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn assert_valid(imp: &Imported) {
    let toml = to_toml(&imp.plan);
    if let Err(d) = parse_plan("imported.toml", toml.as_bytes()) {
        let msgs: Vec<_> = d.iter().map(|d| d.message.clone()).collect();
        panic!("imported plan does not pass check: {msgs:?}");
    }
}

#[test]
fn empty_input() {
    let imp = import(b"", None);
    assert_valid(&imp);
    assert!(imp.plan.unit_goals.is_empty());
    assert!(imp.unplaced.is_empty());
    assert!(!imp.notes.is_empty(), "assumptions are reported");
}

/// Deterministic pseudo-random bytes (xorshift).
fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_garbage() {
    for seed in 1..20u64 {
        let imp = import(&garbage(20_000, seed), None);
        assert_valid(&imp);
        assert!(imp.notes.iter().any(|(_, t)| t.contains("UTF-8")));
    }
}

#[test]
fn garbage_made_of_plan_words() {
    // Headings, rows and bullets in random order must still give a valid plan.
    let parts = [
        "Enhetsmål: X",
        "Nämndmål: Y",
        "KF:s inriktningsmål: 9. Z",
        "KF:s mål för verksamhetsområdet: 9.9 W",
        "Förväntat resultat",
        "1. a",
        "- b",
        "Indikator Årsmål Periodicitet",
        "Namn 5 % År",
        "Aktivitet Startdatum Slutdatum",
        "Gör 2026-12-31 2026-01-01",
        "Arbetssätt",
        "",
        "Kommentar",
        "Redovisning av ekonomi",
        "Uppföljning",
        "2. c",
        "Verksamhetsplan 2099",
        "Till",
    ];
    let bytes = garbage(4000, 7);
    let text: String = bytes
        .iter()
        .map(|b| format!("{}\n", parts[*b as usize % parts.len()]))
        .collect();
    assert_valid(&import(text.as_bytes(), None));
}

#[test]
fn every_prefix_of_seed_001() {
    let seed = fixture("seed-001.txt");
    for end in (0..seed.len()).step_by(1000) {
        let imp = import(&seed[..end], None);
        assert_valid(&imp);
    }
}

#[test]
fn every_prefix_of_seed_000() {
    let seed = fixture("seed-000.txt");
    for end in (0..seed.len()).step_by(2999) {
        let imp = import(&seed[..end], None);
        assert_valid(&imp);
    }
}

#[test]
fn control_bytes_in_the_text() {
    // NUL, ESC sequences, C1 controls (as UTF-8 and as raw bytes), bidi
    // overrides: the plan stays valid and carries none of them.
    let seed = String::from_utf8(fixture("seed-001.txt")).unwrap();
    let hostile = seed
        .replace("Förväntat resultat", "Förväntat\0 resultat\u{1b}[2J")
        .replace("Enheten ", "Enheten\u{1b}]0;pwned\u{7} \u{9b}31m\u{202e}");
    let mut bytes = hostile.into_bytes();
    for i in (0..bytes.len()).step_by(997) {
        if bytes[i] == b' ' {
            bytes[i] = 0x9b;
        }
    }
    let imp = import(&bytes, None);
    assert_valid(&imp);
    assert_eq!(imp.plan.unit_goals.len(), 8);
    let toml = to_toml(&imp.plan);
    let bad: Vec<char> = toml
        .chars()
        .filter(|&c| c.is_control() && c != '\n' || tertial::sanitize::is_reordering(c))
        .collect();
    assert!(bad.is_empty(), "control characters in the plan: {bad:?}");
    assert!(imp.notes.iter().any(|(_, t)| t.contains("UTF-8")));
}

#[test]
fn fifty_megabytes() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    let seed = fixture("seed-000.txt");
    let mut big = Vec::with_capacity(50 * 1024 * 1024 + seed.len());
    while big.len() < 50 * 1024 * 1024 {
        big.extend_from_slice(&seed);
    }
    let imp = import(&big, None);
    assert!(imp.plan.unit_goals.len() >= 20);
    assert_valid(&imp);
    // What was not read is reported, from its first line.
    let (line, note) = imp.unplaced.last().expect("the rest is reported");
    assert!(note.contains("were read"), "{note}");
    let read = tertial::import::MAX_INPUT_BYTES;
    let lines_read = big[..read].iter().filter(|&&b| b == b'\n').count();
    assert!((lines_read - 1..=lines_read + 1).contains(line), "{line}");
}

#[test]
fn a_line_of_two_megabytes_and_a_long_hyphen_chain() {
    let mut big: Vec<u8> = std::iter::repeat_n(b'x', 1_500_000).collect();
    big.push(b'\n');
    big.extend(std::iter::repeat_n(&b"ab-\n"[..], 100_000).flatten());
    big.extend(std::iter::repeat_n(&b"Enhetsm\xc3\xa5l: "[..], 20_000).flatten());
    let imp = import(&big, None);
    assert_valid(&imp);
    assert!(!imp.unplaced.is_empty());
}

#[test]
fn random_edits_of_both_seeds() {
    // Lines dropped, doubled, swapped, cut short; bytes replaced with
    // structure characters: the importer still gives a valid plan.
    let marks: &[&[u8]] = &[
        b"\n",
        b"\t",
        b":",
        b"-\n",
        b"1. ",
        b"- ",
        b"2026-13-40",
        b"\xc3",
        b"\xa5",
        b"Enhetsm\xc3\xa5l:",
    ];
    for (name, seed) in [("seed-000.txt", 1u64), ("seed-001.txt", 2)] {
        let text = fixture(name);
        for round in 0..15 {
            let r = garbage(400, seed * 1000 + round);
            let mut lines: Vec<Vec<u8>> = text.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            for pair in r.chunks(4) {
                let n = lines.len().max(1);
                let at = (usize::from(pair[0]) << 8 | usize::from(pair[1])) % n;
                let other = usize::from(pair[2]) * 7 % n;
                match pair[3] % 6 {
                    0 if lines.len() > 1 => {
                        lines.remove(at);
                    }
                    1 => lines.insert(at, lines[other].clone()),
                    2 => lines.swap(at, other),
                    3 => {
                        let keep = usize::from(pair[2]) % (lines[at].len() + 1);
                        lines[at].truncate(keep);
                    }
                    _ => {
                        let m = marks[usize::from(pair[2]) % marks.len()];
                        let pos = usize::from(pair[1]) % (lines[at].len() + 1);
                        lines[at].splice(pos..pos, m.iter().copied());
                    }
                }
            }
            let edited = lines.join(&b'\n');
            assert_valid(&import(&edited, None));
        }
    }
}

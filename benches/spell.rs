//! What the spell check costs, printed as rows of the README's performance
//! table: loading the Swedish dictionary (on its own thread: the first
//! frame does not wait), checking a 5,000-word analysis when the editor
//! opens on it, the time per keystroke in that text with and without the
//! check, and the bytes written per typed character in a real
//! pseudo-terminal while misspelled words are marked. `cargo bench --bench
//! spell`; without a Swedish dictionary it says so and measures nothing.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui_textarea::{Input, Key};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tertial::app::spelling::SpellLoad;
use tertial::app::{Action, Model, Session, update};
use tertial::followup::FollowUp;
use tertial::i18n::Lang;
use tertial::spell::Speller;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// A 5,000-word analysis: the bundled plans' prose, in paragraphs of
/// about 100 words, with one word in 50 misspelled.
fn analysis() -> String {
    let mut words: Vec<String> = Vec::new();
    for (_, body) in tertial::plan::bundled::PLANS {
        for line in body
            .lines()
            .filter(|l| l.starts_with("title") || l.starts_with("text"))
        {
            words.extend(
                line.split('"')
                    .nth(1)
                    .unwrap_or("")
                    .split_whitespace()
                    .map(str::to_string),
            );
        }
    }
    let mut out = String::new();
    for i in 0..5000 {
        let w = &words[i % words.len()];
        if i % 50 == 25 {
            // A letter dropped: "kvalitet" → "kvaliet".
            let cut: String = w
                .chars()
                .enumerate()
                .filter(|(n, _)| *n != 3)
                .map(|(_, c)| c)
                .collect();
            out.push_str(&cut);
        } else {
            out.push_str(w);
        }
        out.push(if i % 100 == 99 { '\n' } else { ' ' });
    }
    out
}

/// A model in the editor of the first goal's summary, holding `text`.
fn editing(text: &str, speller: Option<Arc<Speller>>) -> (Model, Duration) {
    let plans: Vec<tertial::workspace::LoadedPlan> = tertial::plan::bundled::PLANS
        .iter()
        .map(|(path, body)| tertial::workspace::LoadedPlan {
            rel_path: path.to_string(),
            plan: tertial::plan::parse_plan(path, body.as_bytes()).unwrap(),
        })
        .collect();
    let mut m = Model::new(Lang::Sv, "bench".into(), plans, vec![]);
    let i = m
        .plans
        .iter()
        .position(|p| p.plan.unit.id == "bestallarenhet-2")
        .unwrap();
    let period = "2025-VB".parse().unwrap();
    let s = Session::new(i, period, FollowUp::new("bestallarenhet-2", period), None);
    update(&mut m, Action::SessionReady(Box::new(s)));
    if let Some(speller) = speller {
        update(
            &mut m,
            Action::SpellLoaded(Box::new(SpellLoad {
                speller: Ok(speller),
                listed: Vec::new(),
            })),
        );
    }
    update(&mut m, Action::Down);
    update(&mut m, Action::Open);
    let t = Instant::now();
    update(&mut m, Action::Paste(text.to_string()));
    (m, t.elapsed())
}

/// The median time of typing a letter at the end of the text.
fn per_keystroke(m: &mut Model) -> Duration {
    let letters: Vec<char> = "och kvalitet i arbetet ".chars().collect();
    median(
        (0..400)
            .map(|i| {
                let input = Input {
                    key: Key::Char(letters[i % letters.len()]),
                    ctrl: false,
                    alt: false,
                    shift: false,
                };
                let t = Instant::now();
                update(m, Action::EditorInput(input));
                t.elapsed()
            })
            .collect(),
    )
}

/// Bytes the real binary writes per character of `typed` into the first
/// goal's summary, in a 120×40 pseudo-terminal (each character sent after
/// the screen settled).
fn pty_bytes(bin: &str, typed: &str) -> f64 {
    let home = tempfile::tempdir().unwrap();
    let ws = home.path().join("ws");
    let out = std::process::Command::new(bin)
        .args(["init", ws.to_str().unwrap(), "--with-samples"])
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(bin);
    cmd.args([
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-VB",
        "--author",
        "Bench <b@example.invalid>",
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "sv_SE.UTF-8");
    cmd.env("HOME", home.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            s.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let len = || seen.lock().unwrap().len();
    let quiet = || {
        let mut last = len();
        loop {
            std::thread::sleep(Duration::from_millis(600));
            if len() == last {
                return;
            }
            last = len();
        }
    };
    let mut send = |s: &str| {
        writer.write_all(s.as_bytes()).unwrap();
        writer.flush().unwrap();
    };
    // The dictionary is loaded once the first frame is up.
    std::thread::sleep(Duration::from_secs(3));
    quiet();
    send("\t");
    quiet();
    send("\r");
    quiet();
    let before = len();
    for c in typed.chars() {
        let expect = len();
        send(&c.to_string());
        let t = Instant::now();
        while len() == expect && t.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(15));
    }
    quiet();
    let bytes = len() - before;
    send("\x1b");
    quiet();
    send("\x11");
    let _ = child.wait();
    bytes as f64 / typed.chars().count() as f64
}

fn main() {
    let t = Instant::now();
    let speller = match Speller::system("sv_SE") {
        Ok(s) => Arc::new(s),
        Err(e) => {
            println!("no Swedish dictionary, nothing measured: {e}");
            return;
        }
    };
    let load = t.elapsed();
    let text = analysis();
    let (mut checked, opened) = editing(&text, Some(speller.clone()));
    let (mut plain, opened_plain) = editing(&text, None);
    let with = per_keystroke(&mut checked);
    let without = per_keystroke(&mut plain);
    println!("| what | tertial | compared with | ratio | target |");
    println!("| --- | ---: | ---: | ---: | --- |");
    println!(
        "| load the Swedish dictionary (its own thread, after the first frame) | {} | — | — | off the first frame |",
        ms(load)
    );
    println!(
        "| open the editor on a 5,000-word analysis and check it all (cold word cache) | {} | {} (no dictionary) | {:.1}× | ≤ 100 ms |",
        ms(opened),
        ms(opened_plain),
        opened.as_secs_f64() / opened_plain.as_secs_f64().max(1e-9)
    );
    println!(
        "| time per keystroke at the end of a 5,000-word analysis (update with the spell check) | {} | {} (no dictionary) | {:.1}× | ≤ 1 ms |",
        ms(with),
        ms(without),
        with.as_secs_f64() / without.as_secs_f64().max(1e-9)
    );
    // The binary cargo builds with the bench, in the same profile.
    let bin = env!("CARGO_BIN_EXE_tertial");
    let right = pty_bytes(
        bin,
        "Vi har arbetat med stavning och kvalitet i hela enheten. ",
    );
    let wrong = pty_bytes(
        bin,
        "Vi har arbetat med stavnig och kvaliet i hela enhetne. ",
    );
    println!(
        "| bytes written per typed character in the pty, a sentence with three misspellings marked as typed | {wrong:.1} B | {right:.1} B (the sentence spelled right) | {:.2}× | ≤ vim (13 B) |",
        wrong / right
    );
}

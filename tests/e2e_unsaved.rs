//! Typed text is never lost, in the real program: when the draft cannot be
//! written (the drafts folder unusable, a file size limit) quitting asks
//! where to put the text instead, and a panic writes the draft before the
//! terminal is restored.

mod common;
use common::Sandbox;
use common::pty::{ENTER, ESC, Pty, TAB};

const CTRL_C: &str = "\x03";
const LEFT: &str = "\x1b[D";

fn args(ws: &std::path::Path) -> Vec<String> {
    [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--author",
        "A B <a@b.invalid>",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The program under `sh` with a file size limit of one block, in the
/// same sandbox as `Sandbox::pty_cmd`.
fn limited(sb: &Sandbox, ws: &std::path::Path) -> portable_pty::CommandBuilder {
    let mut argv: Vec<std::ffi::OsString> = vec![
        "sh".into(),
        "-c".into(),
        "ulimit -f 1; exec \"$0\" \"$@\"".into(),
        env!("CARGO_BIN_EXE_tertial").into(),
    ];
    argv.extend(args(ws).into_iter().map(Into::into));
    let mut c = portable_pty::CommandBuilder::from_argv(argv);
    let h = sb.path();
    c.env_clear();
    c.env("HOME", h);
    c.env("XDG_CONFIG_HOME", h.join(".config"));
    c.env("XDG_DATA_HOME", h.join(".local/share"));
    c.env("GIT_CONFIG_NOSYSTEM", "1");
    c.env("LANG", "sv_SE.UTF-8");
    c.env("TERM", "xterm-256color");
    c.env("PATH", std::env::var("PATH").unwrap_or_default());
    c.cwd(h);
    c
}

/// Writes `text` into goal 1's summary and closes the editor.
fn write_summary(t: &mut Pty, text: &str, shown: &str) {
    t.wait_for("Mål 1 av 6");
    t.send(TAB);
    t.wait_for("▶ Sammanfattning");
    t.send(ENTER);
    t.send(text);
    t.wait_for(&format!("Sammanfattning: {shown}"));
    // Esc on its own, once the text is in (else it reads as Alt+key).
    let _ = t.settle();
    t.send(ESC);
    for _ in 0..100 {
        if !t.settle().contains("Esc/Tab klar") {
            return;
        }
    }
    panic!("the editor did not close: {}", t.screen());
}

/// What was printed after the program first left the alternate screen.
fn after_screen(out: &str) -> &str {
    out.split_once("\x1b[?1049l").map_or("", |(_, after)| after)
}

#[test]
fn with_the_drafts_folder_unusable_quitting_asks_and_writes_the_text_to_a_chosen_file() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    // A regular file where the drafts folder belongs: nothing can be
    // written there, also for root.
    std::fs::write(ws.join(".tertial/drafts"), "not a folder").unwrap();
    let a = args(&ws);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut t = Pty::spawn(sb.pty_cmd(&a), 120, 30);
    write_summary(&mut t, "Text som bara finns i minnet", "Text som bara");
    t.wait_for("UTKASTET KAN INTE SPARAS");

    t.send(CTRL_C);
    t.wait_for("Utkastet kunde inte sparas");
    t.wait_for("[ Spara i en fil … ]  [ Skriv ut efter avslut ]  [ Avbryt ]");
    // Enter presses Avbryt (the focus starts there): still running.
    t.send(ENTER);
    let screen = t.settle();
    assert!(!screen.contains("[ Spara i en fil"), "{screen}");
    assert!(screen.contains("Mål 1 av 6"), "{screen}");

    t.send(CTRL_C);
    t.wait_for("[ Spara i en fil … ]");
    t.send("y");
    t.wait_for("Spara utkastet i filen");
    let rescue = sb.path().join("räddad.toml");
    t.send(rescue.to_str().unwrap());
    t.send(ENTER);
    assert_eq!(t.wait_exit(), 0);
    let saved = std::fs::read_to_string(&rescue).unwrap();
    assert!(saved.contains("Text som bara finns i minnet"), "{saved}");
    let back: toml::Table = toml::from_str(&saved).unwrap();
    assert!(back.contains_key("followup"), "a draft file: {saved}");
}

#[test]
fn a_file_size_limit_is_a_failed_save_not_a_kill_and_the_text_goes_to_stdout() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let mut t = Pty::spawn(limited(&sb, &ws), 120, 30);
    let long = "Lång analys ".repeat(150);
    write_summary(&mut t, &long, "Lång analys Lång");
    // Without SIGXFSZ ignored the write kills the program here.
    t.wait_for("UTKASTET KAN INTE SPARAS");
    let drafts = ws.join(".tertial/drafts/2025-T1");
    let left: Vec<String> = std::fs::read_dir(&drafts)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        left.iter().all(|n| !n.contains(".tmp-")),
        "temp files left: {left:?}"
    );

    t.send(CTRL_C);
    t.wait_for("[ Skriv ut efter avslut ]");
    t.send(LEFT);
    t.send(ENTER);
    assert_eq!(t.wait_exit(), 0);
    let out = t.wait_output("[followup]");
    let printed = after_screen(&out);
    assert!(
        printed.contains(long.trim_end()),
        "the draft after the terminal was restored: {printed:?}"
    );
}

#[test]
fn a_panic_writes_the_draft_before_the_terminal_is_restored() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let a = args(&ws);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut cmd = sb.pty_cmd(&a);
    cmd.env("TERTIAL_TEST_PANIC_KEY", "¤");
    let mut t = Pty::spawn(cmd, 120, 30);
    t.wait_for("Mål 1 av 6");
    t.send(TAB);
    t.wait_for("▶ Sammanfattning");
    t.send(ENTER);
    t.send("Skrivet strax före kraschen");
    t.wait_for("Skrivet strax före kraschen");
    // Before the draft is due (a second after the change).
    t.send("¤");
    assert_ne!(t.wait_exit(), 0);
    let out = t.wait_output("utkastet sparades i");
    assert!(
        after_screen(&out).contains("utkastet sparades i"),
        "printed once the terminal was restored: {:?}",
        after_screen(&out)
    );
    let draft = ws.join(".tertial/drafts/2025-T1/bestallarenhet-2.toml");
    let saved = std::fs::read_to_string(&draft).unwrap();
    assert!(saved.contains("Skrivet strax före kraschen"), "{saved}");
}

//! The command line speaks Swedish by default and English by the language
//! setting, in its error messages too.

mod common;
use common::{Sandbox, text};

fn stderr_of(sb: &Sandbox, lang: &str, args: &[&str]) -> String {
    let out = sb.cmd().env("LANG", lang).args(args).output().unwrap();
    assert!(!out.status.success());
    text(&out.stderr)
}

#[test]
fn error_messages_are_swedish_by_default_and_english_on_request() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let ws = ws.to_str().unwrap();
    let export = [
        "export",
        ws,
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T2",
    ];
    let sv = stderr_of(&sb, "sv_SE.UTF-8", &export);
    assert!(sv.contains("ingen uppföljning"), "{sv}");
    assert!(sv.contains("lämna in den först"), "{sv}");
    assert!(!sv.contains("record it first"), "{sv}");
    let en = stderr_of(&sb, "en_GB.UTF-8", &export);
    assert!(en.contains("no committed follow-up"), "{en}");

    let not_ws = sb.path().join("tom");
    std::fs::create_dir(&not_ws).unwrap();
    let log = ["log", not_ws.to_str().unwrap()];
    let sv = stderr_of(&sb, "sv_SE.UTF-8", &log);
    assert!(sv.contains("är ingen tertial-arbetsyta"), "{sv}");
    let en = stderr_of(&sb, "en_GB.UTF-8", &log);
    assert!(en.contains("is not a tertial workspace"), "{en}");

    let sv = stderr_of(&sb, "sv_SE.UTF-8", &["log", ws, "--period", "2025-T4"]);
    assert!(sv.contains("är ingen period"), "{sv}");
}

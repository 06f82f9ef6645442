//! Diagnostics for files a person wrote speak the interface language:
//! Swedish by default, English on request, for plans, follow-ups, keymaps
//! and tertial.toml; and the place they point at is counted in characters
//! after multi-byte text.

mod common;
use common::{Sandbox, text};
use tertial::i18n::{Lang, speaking};
use tertial::plan::parse_plan;

/// A bundled plan with `edit` applied to its first `from`.
fn plan_with(from: &str, to: &str) -> (String, String) {
    let (path, body) = tertial::plan::bundled::PLANS[0];
    assert!(body.contains(from), "{from:?}");
    (path.to_string(), body.replacen(from, to, 1))
}

fn first_error(lang: Lang, path: &str, body: &str) -> String {
    let _lang = speaking(lang);
    let diags = parse_plan(path, body.as_bytes()).expect_err("the plan must fail");
    diags[0].to_string()
}

#[test]
fn a_plan_s_unknown_key_is_named_in_the_chosen_language() {
    let (path, body) = plan_with("\ntitle = ", "\ntitel = ");
    let sv = first_error(Lang::Sv, &path, &body);
    assert!(
        sv.contains(": fel: okänd nyckel `titel`; förväntade en av"),
        "{sv}"
    );
    assert!(sv.contains("`title`"), "the key stays as written: {sv}");
    let en = first_error(Lang::En, &path, &body);
    assert!(
        en.contains(": error: unknown key `titel`, expected one of"),
        "{en}"
    );
}

#[test]
fn a_plan_s_wrong_type_says_what_was_expected_in_swedish() {
    let (path, body) = plan_with("\nyear = 20", "\nyear = \"tjugo\" #");
    let sv = first_error(Lang::Sv, &path, &body);
    assert!(sv.contains("förväntade ett heltal"), "{sv}");
    let en = first_error(Lang::En, &path, &body);
    assert!(en.contains("expected a whole number"), "{en}");
}

#[test]
fn a_plan_s_own_rules_are_explained_in_swedish() {
    let (path, body) = plan_with("\nyear = 20", "\nyear = 1999 #");
    let sv = first_error(Lang::Sv, &path, &body);
    assert!(sv.contains("året 1999 ligger utanför det tillåtna"), "{sv}");
    let en = first_error(Lang::En, &path, &body);
    assert!(en.contains("year 1999 is out of range"), "{en}");
}

#[test]
fn an_error_right_after_multi_byte_text_is_placed_in_characters() {
    // `x` follows "Hägersten – Älvsjö" on the same line: the column counts
    // characters (å, ä, – are several bytes each), and the caret is under x.
    let (path, body) = plan_with(
        "schema = 1\n",
        "schema = 1\nnamn = \"Hägersten – Älvsjö\" x\n",
    );
    for lang in [Lang::Sv, Lang::En] {
        let _lang = speaking(lang);
        let d = &parse_plan(&path, body.as_bytes()).unwrap_err()[0];
        let line = "namn = \"Hägersten – Älvsjö\" x";
        assert_eq!(d.source_line, line);
        let x = line.chars().position(|c| c == 'x').unwrap() + 1;
        let line_no = body[..body.find(line).unwrap()].matches('\n').count() + 1;
        assert_eq!((d.line, d.col), (line_no, x), "{d}");
        let shown = d.to_string();
        let caret = shown.lines().last().unwrap();
        assert_eq!(caret.find('^').unwrap() - "  | ".len(), x - 1, "{shown}");
    }
}

#[test]
fn errors_at_every_place_in_multi_byte_text_never_panic() {
    // A stray quote, bracket or equals sign before every character of a
    // line full of å, ä, ö and dashes: each is reported inside the line.
    let line = "title = \"Äldre – ökad trygghet på Söder\"";
    let (path, body) = plan_with("schema = 1\n", &format!("schema = 1\n{line}\n"));
    let at = body.find(line).unwrap();
    for (i, _) in line.char_indices() {
        for stray in ["\"", "[", "=", "'", "\u{0}"] {
            let mut bad = body.clone();
            bad.insert_str(at + i, stray);
            for lang in [Lang::Sv, Lang::En] {
                let _lang = speaking(lang);
                let Err(diags) = parse_plan(&path, bad.as_bytes()) else {
                    continue;
                };
                for d in &diags {
                    assert!(d.col <= d.source_line.chars().count() + 1, "{d}");
                    let _ = d.to_string();
                }
            }
        }
    }
}

#[test]
fn check_speaks_swedish_by_default_and_english_on_request() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let file = ws.join("plans/2025/bestallarenhet-2.toml");
    let body = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, body.replacen("\ntitle = ", "\ntitel = ", 1)).unwrap();
    let out = sb.run(&["check", ws.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let sv = text(&out.stderr);
    assert!(
        sv.contains("fel: okänd nyckel `titel`; förväntade `id` eller `title`"),
        "{sv}"
    );
    assert!(!sv.contains("error:") && !sv.contains("unknown"), "{sv}");
    let out = sb
        .cmd()
        .env("TERTIAL_LANG", "en")
        .args(["check", ws.to_str().unwrap()])
        .output()
        .unwrap();
    let en = text(&out.stderr);
    assert!(en.contains("error: unknown key `titel`"), "{en}");
}

#[test]
fn keymap_files_are_checked_in_swedish() {
    let sb = Sandbox::new();
    let file = sb.path().join("tangenter.toml");
    std::fs::write(
        &file,
        "[global]\n\"ctrl-q\" = \"avsluta\"\n\"hyper-x\" = \"quit\"\n",
    )
    .unwrap();
    let out = sb.run(&["keymap", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let sv = text(&out.stderr);
    assert!(sv.contains(":2:12: fel: okänd åtgärd \"avsluta\""), "{sv}");
    assert!(
        sv.contains(":3:1: fel: \"hyper-x\": okänd modifierare"),
        "{sv}"
    );
    let out = sb
        .cmd()
        .env("TERTIAL_LANG", "en")
        .args(["keymap", "check", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(text(&out.stderr).contains("error: unknown action \"avsluta\""));
}

#[test]
fn a_bad_klar_table_in_tertial_toml_is_reported_in_swedish() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let marker = ws.join("tertial.toml");
    let mut rules = std::fs::read_to_string(&marker).unwrap();
    rules.push_str("\n[klar]\nanalys-saknas = \"off\"\n");
    std::fs::write(&marker, rules).unwrap();
    let followup = sb.path().join("f.toml");
    std::fs::write(
        &followup,
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n",
    )
    .unwrap();
    let args = [
        "record",
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--from",
        followup.to_str().unwrap(),
        "--status",
        "klar",
        "--author",
        "Anna Chef <anna@example.invalid>",
    ];
    let out = sb.run(&args);
    assert!(!out.status.success());
    let sv = text(&out.stderr);
    assert!(sv.contains("\"analys-saknas\": okänd anmärkning"), "{sv}");
}

#[test]
fn os_errors_are_said_in_swedish_with_their_number() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    // -o into a folder that is a file.
    let into_file = ws.join("tertial.toml").join("oversikt.md");
    let out = sb.run(&[
        "overview",
        ws.to_str().unwrap(),
        "--period",
        "2025-T1",
        "-o",
        into_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("Inte en mapp (os-fel 20)"), "{err}");
    assert!(!err.contains("Not a directory"), "{err}");
    // A keymap file that is not there.
    let missing = sb.path().join("saknas.toml");
    let out = sb.run(&["keymap", "check", missing.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(
        err.contains("Ingen sådan fil eller mapp (os-fel 2)"),
        "{err}"
    );
    let out = sb
        .cmd()
        .env("TERTIAL_LANG", "en")
        .args(["keymap", "check", missing.to_str().unwrap()])
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert!(
        err.contains("No such file or directory (os error 2)"),
        "{err}"
    );
}

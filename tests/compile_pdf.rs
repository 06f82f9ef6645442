//! The district's document printed: its HTML by a real browser (Debian's
//! chromium, headless) to PDF, where every KF goal starts a page, no
//! table row is cut between pages and the text can be extracted
//! (pdftotext); its .docx converted to PDF by LibreOffice. Each is
//! skipped (and said so) where the program is missing, unless
//! TERTIAL_REQUIRE_CHROMIUM=1 or TERTIAL_REQUIRE_SOFFICE=1, as in CI.

mod common;
use common::process::run;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// True when `program` is installed (it starts with its version flag).
fn have(program: &str, home: &Path) -> bool {
    Command::new(program)
        .arg("--version")
        .env("HOME", home)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A generated workspace of 30 units and its document in `format`,
/// written to a file; the Markdown of the same document.
fn document(sb: &Sandbox, format: &str) -> (PathBuf, String) {
    let ws = sb.workspace("city");
    let out = sb.run(&[
        "generate",
        ws.to_str().unwrap(),
        "--units",
        "30",
        "--goals",
        "6",
        "--years",
        "2",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file = sb.path().join(format!("sammanstallning.{format}"));
    let args = ["compile", ws.to_str().unwrap(), "--period", "2026-T1"];
    let out = sb.run(
        &[
            &args[..],
            &["--format", format, "-o", file.to_str().unwrap()],
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = sb.run(&args);
    assert!(md.status.success(), "{}", text(&md.stderr));
    (file, text(&md.stdout))
}

/// The PDF's pages as text (`-layout`: a table row stays one line).
fn pages(pdf: &Path) -> Vec<String> {
    // Written to a file: a long text would fill the pipe while we wait.
    let txt = pdf.with_extension("txt");
    let out = run(
        Command::new("pdftotext").arg("-layout").arg(pdf).arg(&txt),
        Duration::from_secs(60),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read_to_string(&txt)
        .unwrap()
        .split('\u{c}')
        .map(str::to_string)
        .collect()
}

/// Markdown's escapes taken away again.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn chromium_prints_the_html_with_a_page_per_kf_goal_and_no_row_cut() {
    let sb = Sandbox::new();
    let home = sb.path().join("browser-home");
    std::fs::create_dir_all(&home).unwrap();
    if !common::skip::ready_or_skip(
        have("chromium", &home),
        "CHROMIUM",
        "the compiled HTML printed by a browser",
        "chromium is not installed",
    ) {
        return;
    }
    let (html, md) = document(&sb, "html");
    let pdf = sb.path().join("sammanstallning.pdf");
    let out = run(
        Command::new("chromium")
            .env("HOME", &home)
            .args([
                "--headless",
                // The tests may run as root, where the sandbox cannot start.
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                &format!("--print-to-pdf={}", pdf.display()),
            ])
            .arg(format!("file://{}", html.display())),
        Duration::from_secs(180),
    );
    assert!(pdf.is_file(), "no PDF: {}", text(&out.stderr));
    let pages = pages(&pdf);
    assert!(pages.len() > 3, "{} pages", pages.len());
    let all = squash(&pages.join(" "));
    assert!(all.contains("Tertialrapport 1 2026 – sammanställning"));
    assert!(all.contains("Redovisning av synpunkter och klagomål"));

    // Every KF goal opens a page.
    let kf: Vec<String> = md
        .lines()
        .filter_map(|l| l.strip_prefix("## KF:s inriktningsmål: "))
        .map(|t| squash(&format!("KF:s inriktningsmål: {}", unescape(t))))
        .collect();
    assert!(kf.len() >= 2, "{kf:?}");
    for heading in &kf {
        let starts = pages
            .iter()
            .filter(|p| squash(p).starts_with(heading.as_str()));
        assert_eq!(starts.count(), 1, "no page starts with {heading:?}");
    }

    // No table row is cut: each row of the shared indicators' tables has
    // its unit and its outcome on one line of one page.
    let shared = md
        .split("## Indikatorer som flera enheter har")
        .nth(1)
        .unwrap();
    let shared = shared.split("\n## ").next().unwrap();
    let mut rows = 0;
    for line in shared
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| ---"))
    {
        let cells: Vec<String> = line
            .trim_matches(|c| c == '|' || c == ' ')
            .split(" | ")
            .map(|c| unescape(c.trim()))
            .collect();
        if cells[0] == "Enhet" || cells[0].starts_with("Median") || cells[0].starts_with("Summa") {
            continue;
        }
        rows += 1;
        let whole = pages.iter().any(|p| {
            p.lines().any(|l| {
                let l = squash(l);
                l.find(cells[0].as_str())
                    .is_some_and(|at| l[at + cells[0].len()..].contains(cells[1].as_str()))
            })
        });
        assert!(
            whole,
            "the row of {} ({}) is not on one line",
            cells[0], cells[1]
        );
    }
    assert!(rows > 30, "{rows} rows");
}

#[test]
fn libreoffice_converts_the_compiled_docx_to_a_pdf_with_its_text() {
    let sb = Sandbox::new();
    let home = sb.path().join("office-home");
    std::fs::create_dir_all(&home).unwrap();
    if !common::skip::ready_or_skip(
        have("soffice", &home),
        "SOFFICE",
        "the compiled .docx opened in LibreOffice",
        "soffice (LibreOffice) is not installed",
    ) {
        return;
    }
    let (docx, md) = document(&sb, "docx");
    let out_dir = sb.path().join("pdf");
    let out = run(
        Command::new("soffice")
            .env("HOME", &home)
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&out_dir)
            .arg(&docx),
        Duration::from_secs(300),
    );
    let pdf = out_dir.join("sammanstallning.pdf");
    assert!(pdf.is_file(), "no PDF: {}", text(&out.stderr));
    let pages = pages(&pdf);
    assert!(pages.len() > 3, "{} pages", pages.len());
    let all = squash(&pages.join(" "));
    assert!(all.contains("Tertialrapport 1 2026 – sammanställning"));
    assert!(all.contains("Innehållsförteckning"));
    let first_kf = md
        .lines()
        .find_map(|l| l.strip_prefix("## KF:s inriktningsmål: "))
        .unwrap();
    assert!(all.contains(&squash(&unescape(first_kf))));
    let first_unit = md
        .lines()
        .find(|l| {
            l.starts_with("| ") && (l.contains(" | utkast |") || l.contains(" | ej påbörjad |"))
        })
        .map(|l| unescape(l[2..].split(" | ").next().unwrap()));
    if let Some(unit) = first_unit {
        assert!(all.contains(&unit), "{unit}");
    }
}

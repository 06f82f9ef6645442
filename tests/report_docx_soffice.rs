//! LibreOffice opens the Word export: the fixture's .docx converted to PDF
//! with `soffice --headless`, its text read back with pdftotext, and to
//! flat ODF, whose outline must be the report's headings. Skipped
//! (and said so) where LibreOffice is not installed, unless
//! TERTIAL_REQUIRE_SOFFICE=1, as in CI, which installs it.

mod docx;
#[path = "common/process.rs"]
mod process;
#[path = "common/skip.rs"]
mod skip;
use docx::*;
use process::run;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// True when `program` is installed (it starts with its version flag);
/// `home` keeps LibreOffice's profile in the test's own folder.
fn have(program: &str, version_flag: &str, home: &Path) -> bool {
    Command::new(program)
        .arg(version_flag)
        .env("HOME", home)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// A temporary folder with a fresh HOME for LibreOffice and the fixture's
/// .docx in it, and the Markdown of the same report; None (after saying
/// so) when LibreOffice is missing and not required.
fn prepared() -> Option<(tempfile::TempDir, PathBuf, PathBuf, String)> {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    if !skip::ready_or_skip(
        have("soffice", "--version", &home),
        "SOFFICE",
        "the Word export opened in LibreOffice",
        "soffice (LibreOffice) is not installed",
    ) {
        return None;
    }
    let (bytes, md) = vb();
    let file = dir.path().join("rapport.docx");
    std::fs::write(&file, &bytes).unwrap();
    Some((dir, home, file, md))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn libreoffice_converts_the_docx_to_a_pdf_that_holds_the_report() {
    let Some((dir, home, file, md)) = prepared() else {
        return;
    };
    let out_dir = dir.path().join("pdf");
    let out = run(
        Command::new("soffice")
            .env("HOME", &home)
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&out_dir)
            .arg(&file),
        Duration::from_secs(300),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf_path = out_dir.join("rapport.pdf");
    let pdf = std::fs::read(&pdf_path).expect("soffice wrote the PDF");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() > 20_000, "a PDF of {} bytes", pdf.len());

    if !skip::ready_or_skip(
        have("pdftotext", "-v", &home),
        "SOFFICE",
        "the text of the PDF LibreOffice made",
        "pdftotext (poppler-utils) is not installed",
    ) {
        return;
    }
    let out = run(
        Command::new("pdftotext")
            .arg("-layout")
            .arg(&pdf_path)
            .arg("-"),
        Duration::from_secs(60),
    );
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let flat = squash(&text);
    assert!(flat.starts_with("Verksamhetsberättelse 2025 Beställarenhet 2"));
    for (level, heading) in markdown_headings(&md) {
        let n = flat.matches(&squash(&heading)).count();
        // The main headings stand in the contents list and in the text.
        let expected = if level <= 2 { 2 } else { 1 };
        assert!(n >= expected, "{heading:?} found {n} times");
    }
    // LibreOffice filled in the contents list's page numbers.
    let entry = text
        .lines()
        .find(|l| l.starts_with("Sammanfattande analys."))
        .expect("a contents entry");
    assert!(entry.trim_end().ends_with(".2"), "{entry:?}");
    assert!(flat.contains("69,23 %"));
    assert!(flat.contains("● Uppfylls helt"));
    table_headings_break_only_between_words(&pdf_path, &md);
}

/// Each word of each table heading stands whole in the PDF ("Periodens",
/// not "Perioden" and "s"): the columns are wide enough for the words of
/// their headings, which wrap only between words. The widths are measured
/// for Arial: checked where LibreOffice set the text in Arial or its
/// metric twin Liberation Sans (fonts-liberation2, which LibreOffice
/// recommends), said so elsewhere.
fn table_headings_break_only_between_words(pdf: &Path, md: &str) {
    let fonts = run(Command::new("pdffonts").arg(pdf), Duration::from_secs(60));
    let fonts = String::from_utf8_lossy(&fonts.stdout).into_owned();
    if !skip::ready_or_skip(
        fonts.contains("LiberationSans-Bold") || fonts.contains("Arial-Bold"),
        "SOFFICE",
        "the widths of the table headings in the PDF",
        &format!("neither Arial nor Liberation Sans is installed (fonts-liberation)\n{fonts}"),
    ) {
        return;
    }
    // To a file: the words and their boxes are more than a pipe holds.
    let boxes = pdf.with_extension("html");
    let out = run(
        Command::new("pdftotext").arg("-bbox").arg(pdf).arg(&boxes),
        Duration::from_secs(60),
    );
    assert!(out.status.success());
    let xhtml = std::fs::read_to_string(&boxes).unwrap();
    let mut words: Vec<String> = Vec::new();
    for chunk in xhtml.split("<word ").skip(1) {
        let Some((_, rest)) = chunk.split_once('>') else {
            continue;
        };
        let word = rest
            .split("</word>")
            .next()
            .unwrap_or("")
            .replace('\u{200B}', "");
        words.extend(word.split_inclusive('/').map(str::to_string));
    }
    let expected = table_heading_words(md);
    assert!(expected.contains(&"Periodens".to_string()));
    for w in &expected {
        let wanted = expected.iter().filter(|e| *e == w).count();
        let found = words.iter().filter(|p| *p == w).count();
        assert!(
            found >= wanted,
            "table heading word {w:?} whole {found} times in the PDF, in {wanted} headings"
        );
    }
}

/// LibreOffice takes the heading styles as its outline: the headings, at
/// their levels, are what its table of contents and navigator list.
#[test]
fn libreoffice_reads_the_heading_styles_as_the_outline() {
    let Some((dir, home, file, md)) = prepared() else {
        return;
    };
    let out = run(
        Command::new("soffice")
            .env("HOME", &home)
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "fodt",
                "--outdir",
            ])
            .arg(dir.path())
            .arg(&file),
        Duration::from_secs(300),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fodt = std::fs::read_to_string(dir.path().join("rapport.fodt")).unwrap();
    let doc = roxmltree::Document::parse(&fodt).expect("well-formed flat ODF");
    let text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    let outline: Vec<(usize, String)> = doc
        .descendants()
        .filter(|n| n.tag_name().namespace() == Some(text_ns) && n.tag_name().name() == "h")
        .map(|h| {
            let level = h.attribute((text_ns, "outline-level")).unwrap_or("0");
            let text: String = h
                .descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect();
            (level.parse().unwrap_or(0), text)
        })
        .collect();
    assert_eq!(outline, markdown_headings(&md));
}

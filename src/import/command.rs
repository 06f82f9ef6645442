//! `tertial import`: reads a plan's text, reports what it could not place,
//! checks the plan it made and writes it (atomically) to a file or stdout.

use crate::plan::{parse_plan, validate::is_slug, write::to_toml};
use crate::sanitize;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub struct Request<'a> {
    pub file: &'a Path,
    /// Where to write the plan; standard output when `None`. An existing
    /// file there is replaced, since the user named it; nothing else is.
    pub output: Option<&'a Path>,
    pub unit_id: Option<&'a str>,
    /// The unit's name and nämnd, when the user gives them.
    pub unit_name: Option<&'a str>,
    pub committee: Option<&'a str>,
    /// Text that could not be placed is an error: nothing is written.
    pub strict: bool,
    /// Open the plan on the correction screen; written from there.
    pub review: bool,
}

/// Longest piece of unplaced text shown on one diagnostic line.
const SHOWN_CHARS: usize = 120;

/// At most this many notes and unplaced texts are listed (a plan's text
/// has a handful; thousands mean the file is not a plan's text).
const MAX_SHOWN: usize = 200;

/// Exit status: 0 written, 1 `--strict` and some text was not placed
/// (nothing written), 2 anything else (unreadable input, unwritable
/// output, a plan that does not pass `check`).
pub fn run(req: &Request) -> ExitCode {
    match import(req) {
        Ok(code) => code,
        Err(e) if crate::pipe::closed_in(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tertial: {}", sanitize::line(&crate::oserr::chain(&e)));
            ExitCode::from(2)
        }
    }
}

/// One line of untrusted text, made safe and short for the terminal.
pub fn shown(text: &str) -> String {
    let clean = sanitize::line(text);
    if clean.chars().count() <= SHOWN_CHARS {
        return clean.into_owned();
    }
    let mut s: String = clean.chars().take(SHOWN_CHARS - 1).collect();
    s.push('…');
    s
}

/// `.../plans/<year>/<stem>.toml`: the place `check` expects a plan, which
/// fixes its year and unit id.
fn workspace_place(out: &Path) -> Option<(i64, String)> {
    let stem = out.file_stem()?.to_str()?;
    (out.extension()? == "toml").then_some(())?;
    let year_dir = out.parent()?;
    let year: i64 = year_dir.file_name()?.to_str()?.parse().ok()?;
    (year_dir.parent()?.file_name()? == crate::workspace::PLANS_DIR).then_some(())?;
    Some((year, stem.to_string()))
}

fn import(req: &Request) -> anyhow::Result<ExitCode> {
    let name = req.file.display().to_string();
    let shown_name = sanitize::line(&name).into_owned();
    let bytes = crate::user_files::read_bounded(req.file, super::MAX_INPUT_BYTES).map_err(|e| {
        anyhow::anyhow!(
            "{shown_name}: {} {}",
            crate::i18n::current().t(
                "kan inte läsa planens text:",
                "cannot read the plan's text:"
            ),
            crate::oserr::shown(&e)
        )
    })?;
    let output = crate::user_files::output_file(req.output);
    let place = output.and_then(workspace_place);
    let unit_id: Option<String> = match (req.unit_id, &place) {
        (Some(id), Some((_, stem))) if id != stem => anyhow::bail!(
            "--unit-id {id:?} but the output is named {stem}.toml; `tertial check` wants them to agree"
        ),
        (Some(id), _) => Some(id.to_string()),
        (None, Some((_, stem))) if is_slug(stem) => Some(stem.clone()),
        (None, _) => None,
    };
    let imp = super::import_with(
        &bytes,
        &super::Options {
            unit_id: unit_id.as_deref(),
            unit_name: req.unit_name,
            committee: req.committee,
            ..super::Options::default()
        },
    );
    let l = crate::i18n::current();
    let note_word = l.t("notering", "note");
    for (line, note) in imp.notes.iter().take(MAX_SHOWN) {
        match line {
            0 => eprintln!("{shown_name}: {note_word}: {}", shown(note)),
            n => eprintln!("{shown_name}:{n}: {note_word}: {}", shown(note)),
        }
    }
    if imp.notes.len() > MAX_SHOWN {
        let more = imp.notes.len() - MAX_SHOWN;
        eprintln!(
            "{shown_name}: … {}",
            l.pick(
                format!("ytterligare {more} noteringar"),
                format!("{more} more notes")
            )
        );
    }
    for (line, text) in imp.unplaced.iter().take(MAX_SHOWN) {
        eprintln!(
            "{shown_name}:{line}: {}: {}",
            l.t("inte placerad", "not placed"),
            shown(text)
        );
    }
    if imp.unplaced.len() > MAX_SHOWN {
        let more = imp.unplaced.len() - MAX_SHOWN;
        eprintln!(
            "{shown_name}: … {}",
            l.pick(
                format!("ytterligare {more} texter som inte placerats"),
                format!("{more} more texts not placed")
            )
        );
    }
    let p = &imp.plan;
    let figures = [
        (p.kf_goals.len(), "KF-mål", "KF goals"),
        (
            p.area_goals.len(),
            "mål för verksamhetsområdet",
            "area goals",
        ),
        (p.committee_goals.len(), "nämndmål", "nämndmål"),
        (p.unit_goals.len(), "enhetsmål", "enhetsmål"),
        (p.indicators.len(), "indikatorer", "indicators"),
        (p.activities.len(), "aktiviteter", "activities"),
        (p.sections.len(), "avsnitt", "sections"),
    ];
    let counts = format!(
        "{}; {} {}; {} {}",
        figures
            .iter()
            .map(|(n, sv, en)| format!("{n} {}", l.t(sv, en)))
            .collect::<Vec<_>>()
            .join(", "),
        imp.repairs,
        l.t("lagningar", "repairs"),
        imp.unplaced.len(),
        l.t("texter inte placerade", "texts not placed"),
    );
    eprintln!(
        "{shown_name}: {} {}: {counts}",
        shown(&p.unit.name),
        p.unit.year
    );
    if p.unit_goals.is_empty() && p.committee_goals.is_empty() && p.kf_goals.is_empty() {
        anyhow::bail!(
            "{shown_name}: {}",
            l.t(
                "inga mål hittades (inga KF:s inriktningsmål, nämndmål eller enhetsmål); är det här texten i en verksamhetsplan? Inget har skrivits",
                "no goals found (no KF:s inriktningsmål, nämndmål or enhetsmål); is this the text of a verksamhetsplan? Nothing written"
            )
        );
    }
    if req.review {
        let source = String::from_utf8_lossy(&bytes).into_owned();
        return crate::planedit::review(imp, &source, output);
    }
    if let Some((year, stem)) = &place {
        if *year != p.unit.year {
            let py = p.unit.year;
            anyhow::bail!(
                "{}",
                l.pick(
                    format!("planen gäller {py} men utfilen ligger i plans/{year}/; ange en fil i plans/{py}/"),
                    format!("the plan is for {py} but the output is in plans/{year}/; name a file in plans/{py}/"),
                )
            );
        }
        if *stem != p.unit.id {
            let (id, stem) = (&p.unit.id, shown(stem));
            anyhow::bail!(
                "{}",
                l.pick(
                    format!("enhetens id är {id:?} men utfilen heter {stem}.toml; döp den till {id}.toml eller ange --unit-id"),
                    format!("the unit id is {id:?} but the output is named {stem}.toml; name it {id}.toml or pass --unit-id"),
                )
            );
        }
    }
    if req.strict && !imp.unplaced.is_empty() {
        let n = imp.unplaced.len();
        eprintln!(
            "tertial: {}",
            l.pick(
                format!("{n} texter inte placerade (--strict); inget har skrivits"),
                format!("{n} texts not placed (--strict); nothing written")
            )
        );
        return Ok(ExitCode::from(1));
    }
    let toml = to_toml(p);
    if toml.len() > crate::plan::load::MAX_PLAN_BYTES {
        let (n, max) = (toml.len(), crate::plan::load::MAX_PLAN_BYTES);
        anyhow::bail!(
            "{shown_name}: {}",
            l.pick(
                format!("planen skulle bli {n} byte, mer än en planfil får vara ({max} byte); är det här en plans text? Inget har skrivits"),
                format!("the plan would be {n} bytes, more than a plan file may be ({max} bytes); is this a plan's text? Nothing written"),
            )
        );
    }
    // The plan is checked as `tertial check` will read it back.
    let check_name = output.map_or("(standard output)".to_string(), |o| o.display().to_string());
    if let Err(diags) = parse_plan(&check_name, toml.as_bytes()) {
        for d in &diags {
            eprint!("{d}");
        }
        anyhow::bail!(
            "{}",
            l.t(
                "den importerade planen klarar inte `tertial check` (ett fel i importen); inget har skrivits",
                "the imported plan does not pass `tertial check` (a fault in the importer); nothing written"
            )
        );
    }
    match output {
        Some(out) => {
            if place.is_some() {
                year_folder(out)?;
            }
            crate::user_files::write_file(out, toml.as_bytes())?;
            eprintln!(
                "{shown_name}: {} {}",
                l.t("planen skriven till", "plan written to"),
                sanitize::line(&out.display().to_string())
            );
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(toml.as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A workspace's `plans/<year>/` is made when `plans/` is there; other
/// missing folders are the user's to make.
fn year_folder(out: &Path) -> anyhow::Result<()> {
    match out.parent() {
        Some(year_dir) if year_dir.parent().is_some_and(Path::is_dir) => {
            crate::sys::create_dirs(year_dir).map_err(|e| {
                anyhow::anyhow!(
                    "{}: {}",
                    sanitize::line(&year_dir.display().to_string()),
                    crate::oserr::shown(&e)
                )
            })
        }
        _ => Ok(()),
    }
}

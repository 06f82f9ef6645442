//! Creating workspaces: `tertial init` and the demo workspace.

use super::{MARKER, STATE_DIR, Workspace, WorkspaceError};
use crate::plan::bundled;
use crate::repo::{self, FileChange};
use std::path::{Path, PathBuf};

const GITIGNORE: &str = "# Local state of tertial (drafts, locks): never committed.\n.tertial/\n";

const MARKER_TEXT: &str = "# This folder is a tertial workspace.\n\
# plans/<år>/<enhet>.toml      verksamhetsplaner, one per unit and year\n\
# followups/<period>/<enhet>.toml  uppföljningar (T1, T2, VB), committed by tertial\n\
schema = 1\n";

const README: &str = "# Uppföljning av verksamhetsplaner\n\n\
Den här mappen är en arbetsyta för **tertial**. Här finns enheternas\n\
verksamhetsplaner (`plans/<år>/<enhet>.toml`) och deras uppföljningar\n\
(`followups/<period>/<enhet>.toml`, t.ex. `followups/2026-T1/`).\n\n\
- `tertial check .` kontrollerar alla planer.\n\
- `tertial .` öppnar arbetsytan.\n\n\
Git-historiken är revisionsspåret: varje uppföljning är en egen commit med\n\
vem, när och vad. Ändra inte uppföljningsfilerna med vanlig git.\n";

/// Creates a workspace in `dir` (which must not exist or be empty) with a
/// first commit; `with_samples` copies the bundled plans in.
pub fn init(
    dir: &Path,
    with_samples: bool,
    author: Option<&str>,
) -> Result<Workspace, WorkspaceError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| WorkspaceError::Io { path, source }
    };
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
        if entries.next().is_some() {
            return Err(WorkspaceError::NotEmpty(dir.display().to_string()));
        }
    }
    let repo = repo::init_repo(dir)?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (MARKER.into(), MARKER_TEXT.into()),
        (".gitignore".into(), GITIGNORE.into()),
        ("README.md".into(), README.into()),
    ];
    if with_samples {
        for (path, text) in bundled::PLANS {
            files.push(((*path).into(), text.as_bytes().to_vec()));
        }
    } else {
        files.push(("plans/.gitkeep".into(), Vec::new()));
    }
    for (path, bytes) in &files {
        let full = dir.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&full, bytes).map_err(io(&full))?;
    }
    std::fs::create_dir_all(dir.join(STATE_DIR)).map_err(io(dir))?;
    let sig = match repo::identity(&repo, author) {
        Ok(s) => s,
        // The first commit only lays out folders; it is marked as the tool's.
        Err(_) => repo::Identity {
            name: "tertial".into(),
            email: "tertial@localhost".into(),
        },
    };
    let changes: Vec<FileChange> = files
        .iter()
        .map(|(p, b)| FileChange::put(p.clone(), b.clone()))
        .collect();
    let message = if with_samples {
        "Ny arbetsyta med exempelplaner\n\nSkapad med tertial init --with-samples."
    } else {
        "Ny arbetsyta\n\nSkapad med tertial init."
    };
    let commit = repo::commit_files(&repo, repo::DEFAULT_BRANCH, &changes, message, &sig)?;
    // Make the index match the commit so `git status` is clean for people
    // who look at the folder with plain git.
    repo::worktree::index_to_commit(&repo, commit)?;
    Workspace::open(dir)
}

/// Where demo workspaces are made: the user's data directory.
pub fn data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("tertial");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        return PathBuf::from(h).join(".local/share/tertial");
    }
    std::env::temp_dir().join("tertial")
}

/// Makes a fresh demo workspace with the bundled plans, under `parent`
/// (or the data directory), named by the time so runs never collide.
pub fn demo(parent: Option<&Path>) -> Result<Workspace, WorkspaceError> {
    demo_for(parent, None)
}

/// [`demo`] for the person `author` ("Name <e-mail>") names, else the one
/// TERTIAL_AUTHOR or git config gives: the demo's roster makes them the
/// chief of every demo unit.
pub fn demo_for(parent: Option<&Path>, author: Option<&str>) -> Result<Workspace, WorkspaceError> {
    let base = parent
        .map(Path::to_path_buf)
        .unwrap_or_else(|| data_dir().join("demo"));
    std::fs::create_dir_all(&base).map_err(|source| WorkspaceError::Io {
        path: base.display().to_string(),
        source,
    })?;
    let stamp = crate::clock::now();
    let mut dir = base.join(format!("demo-{stamp}"));
    let mut n = 1;
    while dir.exists() {
        n += 1;
        dir = base.join(format!("demo-{stamp}-{n}"));
    }
    let ws = init(&dir, true, None)?;
    // A newcomer may have no git identity yet; the demo must still work,
    // so it gets one of its own (only in this repository).
    let repo = ws.repo()?;
    if repo::config_identity(&repo).is_none()
        && let Some(demo) = repo::Identity::new("Demo Chef", "demo@example.invalid")
    {
        repo::set_local_identity(&repo, &demo)?;
    }
    if let Ok(chief) = repo::identity(&repo, author) {
        commit_demo_roster(&repo, &dir, &chief)?;
        commit_demo_followups(&repo, &chief);
    }
    Ok(ws)
}

/// The demo's roster: `chief` writes every demo unit, with an example
/// area chief and controller beside them.
pub fn demo_roster(chief: &repo::Identity) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let units: Vec<String> = bundled::PLANS
        .iter()
        .filter_map(|(p, _)| Some(p.rsplit('/').next()?.strip_suffix(".toml")?.to_string()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut out = format!(
        "# Vem som får skriva vilken enhet: enhetschefer, områdeschefer, controller.\n\
         # Ändringar checkas in som allt annat; bara [roles] roster får ändra filen.\n\
         schema = 1\n\n\
         [people.chef]\nname = {}\nemails = [{}]\n\n\
         [people.omradeschef]\nname = \"Områdeschef (exempel)\"\nemails = [\"omradeschef@example.invalid\"]\n\n\
         [people.controller]\nname = \"Controller (exempel)\"\nemails = [\"controller@example.invalid\"]\n",
        quote(&chief.name),
        quote(&chief.email)
    );
    for u in &units {
        out.push_str(&format!("\n[units.{u}]\nchiefs = [\"chef\"]\n"));
    }
    let list: Vec<String> = units.iter().map(|u| quote(u)).collect();
    out.push_str(&format!(
        "\n[areas.hagersten-alvsjo]\nname = \"Hägersten-Älvsjö\"\nchiefs = [\"omradeschef\"]\nunits = [{}]\n\n\
         [roles]\ncontrollers = [\"controller\"]\nroster = [\"chef\", \"controller\"]\n",
        list.join(", ")
    ));
    out
}

fn commit_demo_roster(
    repo: &repo::Repository,
    dir: &Path,
    chief: &repo::Identity,
) -> Result<(), WorkspaceError> {
    let text = demo_roster(chief);
    let path = dir.join(crate::roster::ROSTER_FILE);
    std::fs::write(&path, &text).map_err(|source| WorkspaceError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let commit = repo::commit_files(
        repo,
        repo::DEFAULT_BRANCH,
        &[FileChange::put(crate::roster::ROSTER_FILE, text)],
        "Förteckning över vem som får skriva vilken enhet\n\nroster.toml för demo-arbetsytan.",
        chief,
    )?;
    repo::worktree::index_to_commit(repo, commit)?;
    Ok(())
}

/// Commits the demo's finished follow-ups, so that export and the overview
/// have something to show. A sample that does not fit is left out: the
/// demo still opens.
fn commit_demo_followups(repo: &repo::Repository, sig: &repo::Identity) {
    let mut paths = Vec::new();
    for (plan_path, text) in bundled::DEMO_FOLLOWUPS {
        let Some(plan_text) = bundled::PLANS.iter().find(|(p, _)| p == plan_path) else {
            continue;
        };
        let Ok(plan) = crate::plan::parse_plan(plan_path, plan_text.1.as_bytes()) else {
            continue;
        };
        let Ok(f) = crate::followup::load::parse_followup("demo", text.as_bytes(), &plan) else {
            continue;
        };
        if crate::followup::commit::commit(repo, "main", &plan, &f, sig, None).is_ok() {
            paths.push(crate::followup::path(f.period, &f.unit));
        }
    }
    repo::worktree::sync_from_tip(repo, "main", &paths);
}

//! A workspace: a git repository holding `plans/<year>/<unit>.toml` and
//! `followups/<period>/<unit>.toml`, marked by `tertial.toml`, with local
//! state (drafts, locks) in the git-ignored `.tertial/`.

pub mod check;
pub mod create;
pub mod due;
pub mod lock;

use crate::diag::Diagnostic;
use crate::plan::Plan;
use check::read_plan_file;
use std::path::{Path, PathBuf};

/// The marker file at a workspace's root.
pub const MARKER: &str = "tertial.toml";
/// Local, never committed state.
pub const STATE_DIR: &str = ".tertial";
pub const PLANS_DIR: &str = "plans";
pub const FOLLOWUPS_DIR: &str = "followups";

/// Texts in the program's language (`crate::i18n::current`).
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{}", not_a_workspace(.0))]
    NotAWorkspace(String),
    #[error("{}", product_repository(.0))]
    ProductRepository(String),
    #[error("{} {}", .0, crate::i18n::current().t(
        "finns redan och är inte tom; välj en ny mapp",
        "already exists and is not empty; choose a new folder"
    ))]
    NotEmpty(String),
    #[error(transparent)]
    Repo(#[from] crate::repo::RepoError),
    #[error("{path}: {}", crate::oserr::shown(.source))]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// A plan read from a workspace, with the path it came from.
#[derive(Debug, Clone)]
pub struct LoadedPlan {
    /// Path relative to the workspace root, with '/' separators.
    pub rel_path: String,
    pub plan: Plan,
}

#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
}

fn not_a_workspace(dir: &str) -> String {
    match crate::i18n::current() {
        crate::i18n::Lang::Sv => format!(
            "{dir} är ingen tertial-arbetsyta (ingen {MARKER}); skapa en med `tertial init {dir}`, eller prova `tertial demo`"
        ),
        crate::i18n::Lang::En => format!(
            "{dir} is not a tertial workspace (no {MARKER}); create one with `tertial init {dir}`, or try `tertial demo`"
        ),
    }
}

fn product_repository(dir: &str) -> String {
    match crate::i18n::current() {
        crate::i18n::Lang::Sv => format!(
            "{dir} är tertials eget källkodsförråd och används aldrig som arbetsyta. Skapa en med `tertial init MAPP`"
        ),
        crate::i18n::Lang::En => format!(
            "{dir} is tertial's own source repository; it is never used as a workspace. Create one with `tertial init DIR`"
        ),
    }
}

impl Workspace {
    /// Opens the workspace at `dir` (exactly there, no search upwards).
    pub fn open(dir: &Path) -> Result<Workspace, WorkspaceError> {
        let shown = dir.display().to_string();
        if is_product_repository(dir) {
            return Err(WorkspaceError::ProductRepository(shown));
        }
        if !dir.join(MARKER).is_file() {
            return Err(WorkspaceError::NotAWorkspace(shown));
        }
        Ok(Workspace {
            root: dir.to_path_buf(),
        })
    }

    pub fn repo(&self) -> Result<crate::repo::Repository, WorkspaceError> {
        Ok(crate::repo::open(&self.root)?)
    }

    /// Every plan file under `plans/`, sorted by path.
    pub fn plan_files(&self) -> Vec<PathBuf> {
        plan_files(&self.root)
    }

    /// Loads every plan; problems of one file never hide the others.
    pub fn load_plans(&self) -> (Vec<LoadedPlan>, Vec<Diagnostic>) {
        check::load_all(&self.root)
    }

    /// One unit's plan for a year, read from its own file
    /// (`plans/<year>/<unit>.toml`; `check` reports plans filed elsewhere)
    /// without reading the others.
    pub fn load_plan(&self, unit: &str, year: i64) -> Result<Plan, Vec<Diagnostic>> {
        let rel_path = format!("{PLANS_DIR}/{year}/{unit}.toml");
        match read_plan_file(&self.root.join(&rel_path)) {
            Ok(bytes) => crate::plan::parse_plan(&rel_path, &bytes),
            Err(e) => Err(vec![Diagnostic::whole_file(
                &rel_path,
                crate::i18n::current().pick(
                    format!("kan inte läsa planen: {}", crate::oserr::shown(&e)),
                    format!("cannot read the plan: {}", crate::oserr::shown(&e)),
                ),
            )]),
        }
    }

    /// Every year's plan of one unit (`plans/*/<unit>.toml`), without
    /// reading the other units' files.
    pub fn load_unit_plans(&self, unit: &str) -> (Vec<LoadedPlan>, Vec<Diagnostic>) {
        let mut plans = Vec::new();
        let mut diags = Vec::new();
        let Ok(years) = std::fs::read_dir(self.root.join(PLANS_DIR)) else {
            return (plans, diags);
        };
        let mut paths: Vec<PathBuf> = years
            .flatten()
            .map(|y| y.path().join(format!("{unit}.toml")))
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let rel_path = rel(&self.root, &path);
            match read_plan_file(&path)
                .map_err(|e| vec![Diagnostic::whole_file(&rel_path, crate::oserr::shown(&e))])
                .and_then(|b| crate::plan::parse_plan(&rel_path, &b))
            {
                Ok(plan) => plans.push(LoadedPlan { rel_path, plan }),
                Err(mut d) => diags.append(&mut d),
            }
        }
        (plans, diags)
    }

    pub fn state_dir(&self) -> PathBuf {
        self.root.join(STATE_DIR)
    }

    /// Which remarks block klar here: the `[klar]` table of
    /// `tertial.toml` over the city's defaults.
    pub fn rules(&self) -> Result<crate::followup::lint::Rules, String> {
        let text = std::fs::read_to_string(self.root.join(MARKER))
            .map_err(|e| format!("{MARKER}: {}", crate::oserr::shown(&e)))?;
        crate::followup::lint::Rules::from_marker(&text)
    }

    /// The texts' length limits here: the `[limits]` table of
    /// `tertial.toml` (none: no limits). A bad table is an error at its
    /// line and column.
    pub fn limits(&self) -> Result<crate::followup::limits::Limits, crate::diag::Diagnostic> {
        let text = std::fs::read_to_string(self.root.join(MARKER))
            .map_err(|e| crate::diag::Diagnostic::whole_file(MARKER, crate::oserr::shown(&e)))?;
        crate::followup::limits::Limits::from_marker(MARKER, &text)
    }

    /// The date `period`'s follow-ups are due by the `[due]` table of
    /// `tertial.toml`; None when it sets none. A bad table is an error
    /// with file:line:col.
    pub fn due_date(
        &self,
        period: crate::followup::Period,
    ) -> Result<Option<jiff::civil::Date>, String> {
        Ok(self.due_dates()?.get(&period).copied())
    }

    /// Every due date of `[due]` in the marker file.
    pub fn due_dates(&self) -> Result<due::DueDates, String> {
        let text = std::fs::read_to_string(self.root.join(MARKER))
            .map_err(|e| format!("{MARKER}: {}", crate::oserr::shown(&e)))?;
        due::due_dates(&text, MARKER)
    }
}

/// Every `*.toml` under `<root>/plans`, sorted, following no symlinked
/// directories (a loop must not hang the loader).
pub fn plan_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    collect_toml(&root.join(PLANS_DIR), 0, &mut out);
    out.sort();
    out
}

fn collect_toml(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > 4 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let Ok(ft) = e.file_type() else { continue };
        let p = e.path();
        if ft.is_dir() {
            collect_toml(&p, depth + 1, out);
        } else if ft.is_file() && p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

/// tertial's own source tree must never receive follow-up commits.
pub fn is_product_repository(dir: &Path) -> bool {
    // A manifest is a few KiB; a larger file there is not tertial's.
    crate::user_files::read_bounded(&dir.join("Cargo.toml"), 1024 * 1024)
        .map(|b| {
            String::from_utf8_lossy(&b)
                .lines()
                .any(|l| l.trim() == "name = \"tertial\"")
        })
        .unwrap_or(false)
}

/// `path` relative to `root`, '/'-separated, for messages and git paths.
pub fn rel(root: &Path, path: &Path) -> String {
    let p = path.strip_prefix(root).unwrap_or(path);
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

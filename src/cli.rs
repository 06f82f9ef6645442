//! The command line: subcommands and their flags (clap).

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "tertial",
    version,
    about = "Uppföljning av verksamhetsplaner (T1, T2, verksamhetsberättelse) i terminalen, med git som revisionsspår.",
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Workspace to open (default: the current folder).
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub open: OpenArgs,
}

#[derive(Debug, Clone, Default, clap::Args)]
pub struct OpenArgs {
    /// Unit to open (its id, e.g. hagerstens-hemtjanst).
    #[arg(long)]
    pub unit: Option<String>,
    /// Period to follow up: YEAR-T1, YEAR-T2 or YEAR-VB (default: chosen on screen).
    #[arg(long, value_name = "YEAR-T1|YEAR-T2|YEAR-VB")]
    pub period: Option<String>,
    /// Author of the commits, "Name <email>" (default: git config; or TERTIAL_AUTHOR).
    #[arg(long)]
    pub author: Option<String>,
    /// Keymap: a preset (default, vim, emacs) or a file (default: the
    /// config file's choice, else default).
    #[arg(long, value_name = "NAME|PATH")]
    pub keymap: Option<String>,
    /// Language of the interface: sv (default) or en.
    #[arg(long, value_name = "sv|en")]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a workspace (the default command).
    Open {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
        #[command(flatten)]
        args: OpenArgs,
    },
    /// Validate every plan of a workspace; exit status 1 on any problem.
    Check {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
    },
    /// Create a new workspace: a git repository with plans/ and a first commit.
    Init {
        /// Folder to create (must not exist or be empty).
        dir: PathBuf,
        /// Copy the bundled sample plans in.
        #[arg(long)]
        with_samples: bool,
        /// Author of the first commit, "Name <email>" (default: git config).
        #[arg(long)]
        author: Option<String>,
    },
    /// Validate a follow-up file against its plan and commit it, exactly as
    /// the session would (for automation and tests).
    Record {
        /// Workspace folder.
        dir: PathBuf,
        /// Unit id of the plan.
        #[arg(long)]
        unit: String,
        /// Period: YEAR-T1, YEAR-T2 or YEAR-VB.
        #[arg(long)]
        period: String,
        /// The follow-up file (TOML, see docs/followup-format.md).
        #[arg(long, value_name = "FILE.toml")]
        from: PathBuf,
        /// Status to record: utkast or klar (default: the file's own).
        #[arg(long, value_name = "utkast|klar")]
        status: Option<String>,
        /// Reopen a follow-up that is klar, with this reason (recorded in the commit).
        #[arg(long, value_name = "REASON", conflicts_with = "status")]
        reopen: Option<String>,
        /// Author, "Name <email>" (default: git config; or TERTIAL_AUTHOR).
        #[arg(long)]
        author: Option<String>,
    },
    /// Export a committed follow-up as a report like the city's (md, html,
    /// docx for Word and LibreOffice, or text to paste into ILS).
    Export {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
        /// Unit id of the plan.
        #[arg(long)]
        unit: String,
        /// Period: YEAR-T1, YEAR-T2 or YEAR-VB.
        #[arg(long)]
        period: String,
        /// md, html, docx or text. A .docx is binary: write it with -o.
        #[arg(long, default_value = "md", value_name = "md|html|docx|text")]
        format: String,
        /// Write to this file instead of standard output (-: standard
        /// output). Only a regular file is written, replaced whole.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Make a plan file from the text of a verksamhetsplan (PDF-to-text or
    /// OCR output). Text that cannot be placed is reported with its line;
    /// the plan is checked before it is written.
    Import {
        /// The plan's text (UTF-8, UTF-16 with a byte-order mark, or Latin-1).
        file: PathBuf,
        /// Write the plan here (default, or -: standard output). Only a
        /// regular file is written, replaced whole (written beside it, then
        /// renamed) with its permissions kept. In a workspace's
        /// plans/<year>/ the file name is the unit id.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The unit's id (default: the file name under plans/<year>/, else
        /// made from the unit's name).
        #[arg(long)]
        unit_id: Option<String>,
        /// The unit's name (default: the front page, the title line or the
        /// page headers; a guess from the text is reported as unsure).
        #[arg(long)]
        unit_name: Option<String>,
        /// The plan's nämnd (default: the front page's "Till …" line, else
        /// the page headers; a nämnd named in the text is reported as unsure).
        #[arg(long)]
        committee: Option<String>,
        /// Exit with status 1 and write nothing when any text could not be placed.
        #[arg(long)]
        strict: bool,
        /// Open the plan on the correction screen before it is written
        /// (the default without -o when run in a terminal).
        #[arg(long)]
        review: bool,
    },
    /// Plan files.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// The roll-up across units for one period: per unit its status and
    /// its goals' ratings by nämndmål, per nämndmål the counts.
    Overview {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
        /// YEAR-T1, YEAR-T2 or YEAR-VB (default: the period due next).
        #[arg(long, value_name = "YEAR-T1|YEAR-T2|YEAR-VB")]
        period: Option<String>,
        /// md, html or csv.
        #[arg(long, default_value = "md", value_name = "md|html|csv")]
        format: String,
        /// Order of the units: late (not started first, then most goals
        /// not met) or name.
        #[arg(long, default_value = "late", value_name = "late|name")]
        sort: String,
        /// Write to this file instead of standard output (-: standard
        /// output). Only a regular file is written, replaced whole.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Neither read nor write the cache in .tertial/.
        #[arg(long, hide = true)]
        no_cache: bool,
    },
    /// The district's document for one period: per KF goal and nämndmål
    /// the goals per rating and every unit's rating, analysis and
    /// deviations, the indicators several units share, complaints summed
    /// (md, html or docx).
    Compile {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
        /// Period: YEAR-T1, YEAR-T2 or YEAR-VB.
        #[arg(long, value_name = "YEAR-T1|YEAR-T2|YEAR-VB")]
        period: String,
        /// Only the units of this area (default: all).
        #[arg(long, value_name = "NAME")]
        area: Option<String>,
        /// md, html or docx. A .docx is binary: write it with -o.
        #[arg(long, default_value = "md", value_name = "md|html|docx")]
        format: String,
        /// Write to this file instead of standard output (-: standard
        /// output). Only a regular file is written, replaced whole.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language of the document: sv (default) or en.
        #[arg(long, value_name = "sv|en")]
        lang: Option<String>,
    },
    /// Review a unit's klar follow-up as its area chief: approve it
    /// (--approve) or return it with comments (--return); without either,
    /// on screen.
    Review {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
        /// Unit id of the plan.
        #[arg(long)]
        unit: Option<String>,
        /// Period: YEAR-T1, YEAR-T2 or YEAR-VB.
        #[arg(long, value_name = "YEAR-T1|YEAR-T2|YEAR-VB")]
        period: Option<String>,
        /// Approve the follow-up as it is committed.
        #[arg(long, requires_all = ["unit", "period"], conflicts_with_all = ["return_", "overall", "remark"])]
        approve: bool,
        /// Return the follow-up to the unit (it is reopened) with the comments.
        #[arg(long = "return", id = "return_", requires_all = ["unit", "period"])]
        return_: bool,
        /// The overall comment (the reason the follow-up is reopened).
        #[arg(long, value_name = "TEXT", requires = "return_")]
        overall: Option<String>,
        /// A comment on one part: goal:<id>=TEXT, indicator:<id>=TEXT,
        /// activity:<id>=TEXT or part:summary|economy|quality|complaints=TEXT.
        #[arg(long, value_name = "TARGET=TEXT", requires = "return_")]
        remark: Vec<String>,
        /// Author, "Name <email>" (default: git config; or TERTIAL_AUTHOR).
        #[arg(long)]
        author: Option<String>,
        /// Keymap of the review on screen: a preset (default, vim, emacs)
        /// or a file.
        #[arg(long, value_name = "NAME|PATH")]
        keymap: Option<String>,
        /// Language of the interface: sv (default) or en.
        #[arg(long, value_name = "sv|en")]
        lang: Option<String>,
    },
    /// Where every unit stands in the flow for one period (ej påbörjad,
    /// utkast, klar, återsänd, godkänd), late units, and what waits for
    /// you; plain text for scripts and login messages.
    Status {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
        /// YEAR-T1, YEAR-T2 or YEAR-VB (default: the period due next).
        #[arg(long, value_name = "YEAR-T1|YEAR-T2|YEAR-VB")]
        period: Option<String>,
        /// Language of the interface: sv (default) or en.
        #[arg(long, value_name = "sv|en")]
        lang: Option<String>,
    },
    /// The history of follow-ups: who committed what, when, with which
    /// status, and how each goal's rating changed.
    Log {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
        #[arg(long)]
        unit: Option<String>,
        /// YEAR-T1, YEAR-T2 or YEAR-VB.
        #[arg(long)]
        period: Option<String>,
        /// One enhetsmål's id (E3): only the commits that changed it.
        #[arg(long)]
        goal: Option<String>,
    },
    /// Generate a city-scale test workspace (load tests and benchmarks).
    #[command(hide = true)]
    Generate {
        /// Folder to create (must not exist or be empty).
        dir: PathBuf,
        #[arg(long, default_value_t = 1200)]
        units: usize,
        #[arg(long, default_value_t = 15)]
        goals: usize,
        #[arg(long, default_value_t = 5)]
        years: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Check the whole history: follow-ups changed outside tertial or
    /// outside their unit and period, trailers that contradict content,
    /// rewritten history, corrupt objects, signatures. Exit status 1 on
    /// any finding.
    Verify {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
        /// Count unsigned, unknown-key and expired signatures as findings.
        #[arg(long)]
        require_signed: bool,
        /// Also ask this remote (e.g. origin) for its branch: a witness a
        /// rewrite of the local refs cannot move.
        #[arg(long, value_name = "REMOTE")]
        remote: Option<String>,
    },
    /// Share follow-ups through the git remote: fetch, put local follow-up
    /// commits on top of the remote's branch, push. Exit status 1 when the
    /// same unit and period changed on both sides (nothing is changed then).
    Sync {
        /// Workspace folder (default: the current folder).
        dir: Option<PathBuf>,
        #[arg(long, default_value = "origin")]
        remote: String,
        /// Settle a conflict by keeping this side's text on top: UNIT:PERIOD.
        #[arg(long, value_name = "UNIT:PERIOD")]
        keep_local: Vec<String>,
        #[arg(long, value_name = "UNIT:PERIOD")]
        keep_remote: Vec<String>,
    },
    /// The central git server's hook: refuses a push that breaks the
    /// roster's rights or verify's rules (see docs/server.md).
    Hook {
        #[command(subcommand)]
        command: HookCommand,
    },
    /// Check or print keymaps.
    Keymap {
        #[command(subcommand)]
        command: KeymapCommand,
    },
    /// Make a fresh demo workspace from the bundled plans and open it.
    Demo {
        /// Folder to make the demo workspace in (default: the user's data folder).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Only create the workspace and print where; do not open it.
        #[arg(long)]
        no_open: bool,
        #[command(flatten)]
        args: OpenArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Correct a plan file on screen: titles, points (split, merge, move
    /// to another field), indicator and activity cells, the unit's name
    /// and nämnd. Written only when it passes `tertial check`.
    Edit {
        /// The plan file (TOML).
        file: PathBuf,
        #[arg(long, value_name = "sv|en")]
        lang: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Judge a push (git's pre-receive protocol on standard input, run in
    /// the bare repository); exit status 1 refuses it, saying why.
    PreReceive,
    /// Write the pre-receive hook of a bare repository, running this
    /// program by its absolute path.
    Install {
        /// The server's bare repository (e.g. /srv/git/workspace.git).
        repo: PathBuf,
        /// Replace a pre-receive hook not written by tertial.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeymapCommand {
    /// Check a keymap file; exit status 1 on errors (warnings are printed too).
    Check {
        /// The keymap file (TOML, the format of keymaps/default.toml).
        file: PathBuf,
    },
    /// Print the effective keymap: the preset, then your overrides.
    Print {
        /// Preset or file (default: the config file's choice, else default).
        #[arg(long, value_name = "NAME|PATH")]
        keymap: Option<String>,
        #[arg(long, value_name = "sv|en")]
        lang: Option<String>,
    },
}

//! The workspace generator (hidden `tertial generate`): a city-scale
//! workspace for load and performance tests. It owns making up units,
//! their plans for several years and one follow-up commit per unit and
//! period, and writing all of it into a fresh workspace through a single
//! `git fast-import` stream, so 18,000 commits take seconds, not hours.
//!
//! Texts are built by deterministic pseudo-random choice from the bundled
//! plans (see `text`) and from typical follow-up phrases (see `phrases`);
//! the same options and seed give the same files, messages and dates.
//! Follow-ups are streamed one by one: plans are rebuilt from the seed
//! when needed instead of being kept in memory.

mod clock;
mod followup;
mod names;
mod phrases;
mod plan;
mod rng;
mod text;

use anyhow::{Context, bail, ensure};
use plan::UnitSpec;
use rng::Rng;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};

/// Author of the workspace's first commit and of the plans.
pub const AUTHOR: &str = "Generator <gen@example.invalid>";

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenOptions {
    /// Number of units (each has one plan per year).
    pub units: usize,
    /// Enhetsmål per plan.
    pub goals_per_unit: usize,
    /// The last plan year; the years run up to and including it.
    pub last_year: i32,
    /// Number of plan years.
    pub years: usize,
    pub seed: u64,
}

impl Default for GenOptions {
    /// 1,200 units, 15 enhetsmål, the five years 2022–2026, seed 1.
    fn default() -> Self {
        GenOptions {
            units: 1200,
            goals_per_unit: 15,
            last_year: 2026,
            years: 5,
            seed: 1,
        }
    }
}

impl GenOptions {
    pub fn first_year(&self) -> i32 {
        self.last_year - self.years as i32 + 1
    }

    /// The plan years, oldest first.
    pub fn year_list(&self) -> Vec<i32> {
        (self.first_year()..=self.last_year).collect()
    }

    fn validate(&self) -> anyhow::Result<()> {
        ensure!(self.units >= 1, "--units must be at least 1");
        ensure!(self.goals_per_unit >= 1, "--goals must be at least 1");
        ensure!(
            (1..=100).contains(&self.years),
            "--years must be between 1 and 100"
        );
        ensure!(
            self.first_year() >= 2000 && self.last_year <= 2099,
            "plan years {}–{} are outside 2000–2099",
            self.first_year(),
            self.last_year
        );
        Ok(())
    }
}

/// What was generated. `commits` counts the commits of the import (the
/// plans and every follow-up), not the workspace's first commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GenSummary {
    pub plans: usize,
    pub followups: usize,
    pub commits: usize,
}

/// Creates a workspace in `dir` (which must not exist or be empty) and
/// fills it: one commit with every plan of every year, then one commit
/// per unit and period in time order. The working tree and index match
/// the branch tip afterwards.
pub fn generate(dir: &Path, opts: &GenOptions) -> anyhow::Result<GenSummary> {
    opts.validate()?;
    let corpus = text::Corpus::bundled()?;
    let units = make_units(&corpus, opts);
    crate::workspace::create::init(dir, false, Some(AUTHOR))
        .with_context(|| format!("creating the workspace {}", dir.display()))?;
    let mut importer = Importer::start(dir)?;
    let streamed = stream(&mut importer.input, &corpus, &units, opts);
    let summary = importer.finish(streamed)?;
    run_git(dir, &["reset", "--hard", "-q"])?;
    Ok(summary)
}

/// `tertial generate`: generates and says what it made.
pub fn run(dir: &Path, opts: &GenOptions) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let s = generate(dir, opts)?;
    println!(
        "Arbetsyta genererad: {} ({} planer, {} uppföljningar, {} commits, {:.1} s)",
        crate::sanitize::line(&dir.display().to_string()),
        s.plans,
        s.followups,
        s.commits,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The units: "Hemtjänst Skärholmen 12" and the like, unique ids.
fn make_units(c: &text::Corpus, opts: &GenOptions) -> Vec<UnitSpec> {
    let mut rng = Rng::derive(opts.seed, &[0]);
    let weights: u32 = names::UNIT_KINDS.iter().map(|k| k.1).sum();
    let mut counts = std::collections::HashMap::new();
    let mut ids = std::collections::HashSet::new();
    (0..opts.units)
        .map(|index| {
            let mut w = rng.below(weights as usize) as u32;
            let &(kind, _, orderer) = names::UNIT_KINDS
                .iter()
                .find(|k| {
                    let hit = w < k.1;
                    w = w.saturating_sub(k.1);
                    hit
                })
                .unwrap_or(&names::UNIT_KINDS[0]);
            let &(district, sdn) = rng.pick(names::DISTRICTS);
            let n = counts.entry((kind, district)).or_insert(0usize);
            let (name, id) = loop {
                *n += 1;
                let name = format!("{kind} {district} {n}");
                let id = names::slug(&name);
                if ids.insert(id.clone()) {
                    break (name, id);
                }
            };
            let fitting: Vec<usize> = (0..c.templates.len())
                .filter(|&t| c.templates[t].orderer == orderer)
                .collect();
            let template = if fitting.is_empty() {
                rng.below(c.templates.len())
            } else {
                *rng.pick(&fitting)
            };
            UnitSpec {
                index,
                id,
                name,
                sdn,
                template,
                quality: rng.unit(),
            }
        })
        .collect()
}

/// The unit's chief in `year`: the same person for about three years.
fn chief(seed: u64, unit: usize, year: i32) -> (&'static str, &'static str) {
    let term = (year as i64 + (unit % 3) as i64) / 3;
    *Rng::derive(seed, &[2, unit as u64, term as u64]).pick(names::PEOPLE)
}

/// Writes the whole fast-import stream; returns what it contained.
fn stream(
    out: &mut impl Write,
    c: &text::Corpus,
    units: &[UnitSpec],
    opts: &GenOptions,
) -> anyhow::Result<GenSummary> {
    let years = opts.year_list();
    let mut summary = GenSummary::default();
    // With `done`, a stream cut short (a crash here) imports nothing.
    writeln!(out, "feature done")?;

    let when = clock::stockholm((opts.first_year() - 1, 12, 15), 10 * 3600);
    let message = format!(
        "Verksamhetsplaner {}–{} för {} enheter\n\nGenererade testdata (tertial generate, frö {}).\n",
        opts.first_year(),
        opts.last_year,
        units.len(),
        opts.seed
    );
    commit_header(out, AUTHOR, when, &message)?;
    writeln!(out, "from refs/heads/{}^0", crate::repo::DEFAULT_BRANCH)?;
    for &year in &years {
        for u in units {
            let (first, last) = chief(opts.seed, u.index, year);
            let p = plan::build(
                c,
                u,
                year,
                opts.goals_per_unit,
                &format!("{first} {last}"),
                opts.seed,
            );
            let path = format!("{}/{year}/{}.toml", crate::workspace::PLANS_DIR, u.id);
            file(out, &path, crate::plan::write::to_toml(&p).as_bytes())?;
            summary.plans += 1;
        }
    }
    writeln!(out)?;
    summary.commits += 1;

    for &year in &years {
        for (k, kind) in crate::followup::PeriodKind::ALL.into_iter().enumerate() {
            let period = crate::followup::Period::new(year, kind);
            let mut rng = Rng::derive(opts.seed, &[3, year as u64, k as u64]);
            let mut order: Vec<usize> = (0..units.len()).collect();
            rng.shuffle(&mut order);
            let window = clock::Window::of(period);
            for (i, &ui) in order.iter().enumerate() {
                let u = &units[ui];
                let when = window.at(i, order.len(), rng.unit());
                let chief = chief(opts.seed, u.index, year);
                let name = format!("{} {}", chief.0, chief.1);
                let p = plan::build(c, u, year, opts.goals_per_unit, &name, opts.seed);
                let mut frng = Rng::derive(opts.seed, &[4, ui as u64, year as u64, k as u64]);
                let f = followup::build(c, &p, period, u.quality, &mut frng);
                // Now and then a deputy writes the follow-up.
                let author = if frng.chance(0.9) {
                    chief
                } else {
                    *frng.pick(names::PEOPLE)
                };
                let message = crate::followup::commit::message(&p, &f);
                commit_header(out, &names::ident(author), when, &message)?;
                let path = crate::followup::path(period, &u.id);
                file(out, &path, crate::followup::to_toml(&f).as_bytes())?;
                writeln!(out)?;
                summary.followups += 1;
                summary.commits += 1;
            }
        }
    }
    writeln!(out, "done")?;
    Ok(summary)
}

fn commit_header(
    out: &mut impl Write,
    ident: &str,
    when: clock::When,
    message: &str,
) -> std::io::Result<()> {
    write!(
        out,
        "commit refs/heads/{}\nauthor {ident} {when}\ncommitter {ident} {when}\ndata {}\n{message}\n",
        crate::repo::DEFAULT_BRANCH,
        message.len()
    )
}

/// A file of the commit, its content inline. Paths are slugs and years,
/// so they never need quoting.
fn file(out: &mut impl Write, path: &str, bytes: &[u8]) -> std::io::Result<()> {
    write!(out, "M 100644 inline {path}\ndata {}\n", bytes.len())?;
    out.write_all(bytes)?;
    out.write_all(b"\n")
}

/// Git run in the workspace, never in a repository named by the
/// environment of whoever runs the generator.
fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir);
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR",
        "GIT_NAMESPACE",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn run_git(dir: &Path, args: &[&str]) -> anyhow::Result<()> {
    let out = git(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .context("running git (is it installed?)")?;
    if !out.status.success() {
        bail!(
            "git {} failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// One `git fast-import` process fed through a pipe.
struct Importer {
    child: Child,
    input: BufWriter<ChildStdin>,
}

impl Importer {
    fn start(dir: &Path) -> anyhow::Result<Importer> {
        // zlib is about a quarter of the import's time at the default
        // level; level 1 makes it about a quarter faster for a pack ~5 %
        // larger, and keeps a user's pack.compression=9 from slowing it.
        let mut child = git(dir)
            .args(["-c", "pack.compression=1", "fast-import", "--quiet"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .context("starting git fast-import (is git installed?)")?;
        let stdin = child.stdin.take().context("no stdin for git fast-import")?;
        Ok(Importer {
            child,
            input: BufWriter::with_capacity(1 << 20, stdin),
        })
    }

    /// Ends the stream and waits for git. A failure of the stream itself
    /// comes first; a broken pipe means git stopped, and git says why.
    fn finish(self, streamed: anyhow::Result<GenSummary>) -> anyhow::Result<GenSummary> {
        let Importer { child, mut input } = self;
        let streamed = streamed.and_then(|s| {
            input.flush()?;
            Ok(s)
        });
        drop(input);
        let output = child
            .wait_with_output()
            .context("waiting for git fast-import")?;
        let broken_pipe = |e: &anyhow::Error| {
            e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
        };
        match streamed {
            Err(e) if !broken_pipe(&e) => Err(e.context("generating the workspace")),
            _ if !output.status.success() => bail!(
                "git fast-import failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ),
            other => other,
        }
    }
}

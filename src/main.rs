//! The `tertial` binary: parses the command line and runs the subcommand.

use std::path::PathBuf;
use std::process::ExitCode;
use tertial::cli::{Command, HookCommand, KeymapCommand, OpenArgs, PlanCommand};
use tertial::{record, sanitize, workspace};

fn main() -> ExitCode {
    tertial::pipe::quiet_when_closed();
    let cli = tertial::cli_lang::parse();
    let result = match cli.command {
        None => open(cli.dir, cli.open),
        Some(Command::Open { dir, args }) => open(dir, args),
        Some(Command::Check { dir }) => return check(dir),
        Some(Command::Init {
            dir,
            with_samples,
            author,
        }) => init(&dir, with_samples, author.as_deref()),
        Some(Command::Demo { dir, no_open, args }) => demo(dir, no_open, args),
        Some(Command::Keymap { command }) => return keymap_command(command),
        Some(Command::Hook { command }) => return hook_command(command),
        Some(Command::Sync {
            dir,
            remote,
            keep_local,
            keep_remote,
        }) => return sync(dir, &remote, &keep_local, &keep_remote),
        Some(Command::Verify {
            dir,
            require_signed,
            remote,
        }) => {
            return tertial::history::command::verify(
                &current_dir(dir),
                &tertial::history::verify::VerifyOptions {
                    require_signed,
                    remote,
                },
            );
        }
        Some(Command::Generate {
            dir,
            units,
            goals,
            years,
            seed,
        }) => tertial::generate::run(
            &dir,
            &tertial::generate::GenOptions {
                units,
                goals_per_unit: goals,
                years,
                seed,
                ..Default::default()
            },
        ),
        Some(Command::Export {
            dir,
            unit,
            period,
            format,
            output,
        }) => tertial::report::export::run(
            &current_dir(dir),
            &unit,
            &period,
            &format,
            output.as_deref(),
        ),
        Some(Command::Import {
            file,
            output,
            unit_id,
            unit_name,
            committee,
            strict,
            review,
        }) => {
            use std::io::IsTerminal;
            // Without -o in a terminal the plan is corrected on screen; in
            // a pipe it is printed as before.
            let on_screen = review
                || (output.is_none()
                    && std::io::stdin().is_terminal()
                    && std::io::stdout().is_terminal());
            return tertial::import::command::run(&tertial::import::command::Request {
                file: &file,
                output: output.as_deref(),
                unit_id: unit_id.as_deref(),
                unit_name: unit_name.as_deref(),
                committee: committee.as_deref(),
                strict,
                review: on_screen,
            });
        }
        Some(Command::Plan {
            command: PlanCommand::Edit { file, lang },
        }) => {
            let lang = tertial::i18n::Lang::detect(lang.as_deref());
            return tertial::planedit::edit_file(&file, lang).unwrap_or_else(|e| {
                eprintln!("tertial: {}", sanitize::line(&tertial::oserr::chain(&e)));
                ExitCode::from(2)
            });
        }
        Some(Command::Overview {
            dir,
            period,
            format,
            sort,
            output,
            no_cache,
        }) => tertial::overview::command::run(
            &current_dir(dir),
            period.as_deref(),
            &format,
            &sort,
            output.as_deref(),
            no_cache,
        ),
        Some(Command::Compile {
            dir,
            period,
            area,
            format,
            output,
            lang: _,
        }) => tertial::report::compile::run(
            &current_dir(dir),
            &period,
            area.as_deref(),
            &format,
            output.as_deref(),
        ),
        Some(Command::Status {
            dir,
            period,
            lang: _,
        }) => tertial::review::status::run(&current_dir(dir), period.as_deref()),
        Some(Command::Review {
            dir,
            unit,
            period,
            approve,
            return_,
            overall,
            remark,
            author,
            keymap,
            lang,
        }) => {
            let dir = current_dir(dir);
            let outcome = match (approve, return_) {
                (true, _) => tertial::review::Outcome::Approved,
                (_, true) => tertial::review::Outcome::Returned,
                _ => {
                    let args = OpenArgs {
                        unit,
                        period,
                        author,
                        keymap,
                        lang,
                    };
                    return review_on_screen(dir, args);
                }
            };
            return tertial::review::command::run(&tertial::review::command::Request {
                dir: &dir,
                unit: unit.as_deref().unwrap_or_default(),
                period: period.as_deref().unwrap_or_default(),
                outcome,
                overall: overall.as_deref().unwrap_or_default(),
                remarks: &remark,
                author: author.as_deref(),
            });
        }
        Some(Command::Log {
            dir,
            unit,
            period,
            goal,
        }) => tertial::history::command::log(
            &current_dir(dir),
            unit.as_deref(),
            period.as_deref(),
            goal.as_deref(),
        ),
        Some(Command::Record {
            dir,
            unit,
            period,
            from,
            status,
            reopen,
            author,
        }) => {
            return record::run(&record::Request {
                dir: &dir,
                unit: &unit,
                period: &period,
                from: &from,
                status: status.as_deref(),
                reopen: reopen.as_deref(),
                author: author.as_deref(),
            });
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if tertial::pipe::closed_in(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tertial: {}", sanitize::line(&tertial::oserr::chain(&e)));
            ExitCode::from(2)
        }
    }
}

fn current_dir(dir: Option<PathBuf>) -> PathBuf {
    dir.unwrap_or_else(|| PathBuf::from("."))
}

fn check(dir: Option<PathBuf>) -> ExitCode {
    let root = current_dir(dir);
    let files = workspace::plan_files(&root);
    if files.is_empty() {
        let lang = tertial::i18n::current();
        eprintln!(
            "tertial: {} {}; {}",
            lang.t("inga planer under", "no plans found under"),
            sanitize::line(&root.join(workspace::PLANS_DIR).display().to_string()),
            lang.t(
                "planerna ska ligga i plans/<år>/<enhet>.toml",
                "expected files plans/<year>/<unit>.toml"
            )
        );
        return ExitCode::from(1);
    }
    let (goals, diags) = workspace::check::summarize(&root);
    for d in &diags {
        eprint!("{d}");
        eprintln!();
    }
    // A stale git lock: the working folder may lag behind the history.
    if let Ok(repo) = tertial::repo::open(&root)
        && let Some((lock, age)) =
            tertial::repo::worktree::stale_index_lock(tertial::repo::git_dir(&repo))
    {
        eprintln!(
            "tertial: {}",
            tertial::repo::worktree::stale_lock_text(tertial::i18n::current(), &lock, age)
        );
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let bad_files: std::collections::BTreeSet<&str> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file.as_str())
        .collect();
    let lang = tertial::i18n::current();
    match lang {
        tertial::i18n::Lang::Sv => println!(
            "Planfiler kontrollerade: {}, utan problem: {}, med problem: {} ({errors} fel); {} i giltiga planer",
            files.len(),
            files.len() - bad_files.len(),
            bad_files.len(),
            goals_text(lang, goals)
        ),
        tertial::i18n::Lang::En => println!(
            "{} checked: {} without problems, {} with problems ({}); {} in valid plans",
            lang.count(files.len(), ("", ""), ("plan file", "plan files")),
            files.len() - bad_files.len(),
            bad_files.len(),
            lang.count(errors, ("", ""), ("error", "errors")),
            goals_text(lang, goals)
        ),
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// "1 enhetsmål" (the same word in Swedish for one and many).
fn goals_text(lang: tertial::i18n::Lang, goals: usize) -> String {
    lang.count(
        goals,
        ("enhetsmål", "enhetsmål"),
        ("enhetsmål", "enhetsmål"),
    )
}

fn init(dir: &std::path::Path, with_samples: bool, author: Option<&str>) -> anyhow::Result<()> {
    let ws = workspace::create::init(dir, with_samples, author)?;
    println!(
        "Arbetsyta skapad: {}",
        sanitize::line(&ws.root.display().to_string())
    );
    Ok(())
}

fn demo(dir: Option<PathBuf>, no_open: bool, args: OpenArgs) -> anyhow::Result<()> {
    let ws = workspace::create::demo_for(dir.as_deref(), args.author.as_deref())?;
    let shown = ws.root.display().to_string();
    println!("Demo-arbetsyta skapad: {}", sanitize::line(&shown));
    if no_open {
        return Ok(());
    }
    open(Some(ws.root.clone()), args)?;
    println!("Demo-arbetsytan finns kvar i {}", sanitize::line(&shown));
    Ok(())
}

fn open(dir: Option<PathBuf>, args: OpenArgs) -> anyhow::Result<()> {
    let root = current_dir(dir);
    let ws = workspace::Workspace::open(&root)?;
    tertial::tui::run(&ws, &args)
}

/// `tertial review` without --approve or --return: the review on screen.
fn review_on_screen(dir: PathBuf, args: OpenArgs) -> ExitCode {
    let opened = workspace::Workspace::open(&dir)
        .map_err(anyhow::Error::from)
        .and_then(|ws| tertial::tui::review(&ws, &args));
    match opened {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tertial: {}", sanitize::line(&tertial::oserr::chain(&e)));
            ExitCode::from(2)
        }
    }
}

fn hook_command(command: HookCommand) -> ExitCode {
    match command {
        HookCommand::PreReceive => tertial::hook::pre_receive(),
        HookCommand::Install { repo, force } => {
            let program = std::env::current_exe().and_then(|p| p.canonicalize());
            let installed = program
                .map_err(|e| tertial::oserr::shown(&e))
                .and_then(|p| tertial::hook::install::install(&repo, &p, force));
            match installed {
                Ok(hook) => {
                    let lang = tertial::i18n::current();
                    println!(
                        "{}: {}",
                        lang.t("Kroken installerad", "Hook installed"),
                        sanitize::line(&hook.display().to_string())
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("tertial: {}", sanitize::line(&e));
                    ExitCode::from(2)
                }
            }
        }
    }
}

fn keymap_command(command: KeymapCommand) -> ExitCode {
    match command {
        KeymapCommand::Check { file } => {
            let shown = file.display().to_string();
            let limit = tertial::keymap::parse::MAX_KEYMAP_BYTES;
            let bytes = match tertial::user_files::read_bounded(&file, limit) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!(
                        "tertial: {}: {}",
                        sanitize::line(&shown),
                        tertial::oserr::shown(&e)
                    );
                    return ExitCode::from(2);
                }
            };
            let (map, mut diags) = tertial::keymap::parse::parse_keymap(&shown, &bytes);
            // Checked as the user will get it: laid over the default preset.
            let mut merged = tertial::keymap::default_keymap();
            merged.merge(&map);
            diags.extend(tertial::keymap::parse::check_merged(&merged, &shown));
            for d in &diags {
                eprint!("{d}");
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let warnings = diags.len() - errors;
            let lang = tertial::i18n::current();
            println!(
                "{shown}: {}, {}",
                lang.count(errors, ("fel", "fel"), ("error", "errors")),
                lang.count(warnings, ("varning", "varningar"), ("warning", "warnings"))
            );
            if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        KeymapCommand::Print { keymap, lang } => {
            let lang = tertial::i18n::Lang::detect(lang.as_deref());
            let loaded =
                tertial::keymap::load(keymap.as_deref(), tertial::keymap::config_dir().as_deref());
            for d in &loaded.problems {
                eprint!("{d}");
            }
            println!(
                "# {}: {}",
                lang.t("tangentbindningar som gäller", "effective keymap"),
                loaded.sources.join(" + ")
            );
            print!("{}", tertial::keymap::print(&loaded.map, lang));
            if loaded.problems.iter().any(|d| d.is_error()) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

fn sync(
    dir: Option<PathBuf>,
    remote: &str,
    keep_local: &[String],
    keep_remote: &[String],
) -> ExitCode {
    use tertial::sync::Keep;
    let root = current_dir(dir);
    if let Err(e) = workspace::Workspace::open(&root) {
        eprintln!("tertial: {}", sanitize::line(&e.to_string()));
        return ExitCode::from(2);
    }
    let mut keep = std::collections::HashMap::new();
    for (specs, side) in [(keep_local, Keep::Local), (keep_remote, Keep::Remote)] {
        for spec in specs {
            let Some((unit, period)) = spec.split_once(':') else {
                eprintln!(
                    "tertial: {spec:?}: {}",
                    tertial::i18n::current().t(
                        "förväntade ENHET:PERIOD, t.ex. hagerstens-hemtjanst:2026-T1",
                        "expected UNIT:PERIOD, e.g. hagerstens-hemtjanst:2026-T1"
                    )
                );
                return ExitCode::from(2);
            };
            keep.insert(
                tertial::followup::path(
                    period.parse().unwrap_or(tertial::followup::Period::new(
                        2000,
                        tertial::followup::PeriodKind::T1,
                    )),
                    unit,
                ),
                side.clone(),
            );
        }
    }
    let progress = &mut tertial::sync::Progress::Terminal;
    match tertial::sync::sync(&root, remote, &keep, progress) {
        Ok(o) if !o.conflicts.is_empty() => {
            println!("Konflikt: samma uppföljning ändrad på båda håll. Inget har ändrats.");
            for c in &o.conflicts {
                println!("\n== {} ==", sanitize::line(&c.path));
                println!("-- lokalt --\n{}", sanitize::display(&c.local));
                println!("-- på servern --\n{}", sanitize::display(&c.remote));
                let unit_period = c
                    .path
                    .trim_start_matches("followups/")
                    .trim_end_matches(".toml");
                if let Some((period, unit)) = unit_period.split_once('/') {
                    println!(
                        "Välj: tertial sync --keep-local {unit}:{period}   eller   --keep-remote {unit}:{period}"
                    );
                }
            }
            ExitCode::from(1)
        }
        Ok(o) => {
            println!(
                "Synkat: {} mottagna, {} egna lagda överst, {}",
                o.received,
                o.replayed,
                if o.pushed {
                    "skickade"
                } else {
                    "inget att skicka"
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            let text = e.text(tertial::i18n::current());
            eprintln!("tertial: {}", sanitize::line(&text));
            ExitCode::from(2)
        }
    }
}

//! `tertial hook`: the central git server's side of a shared workspace.
//! `pre-receive` judges a push before any reference moves (githooks(5):
//! "<old> <new> <ref>" lines on standard input, run inside the bare
//! repository with the pushed objects in quarantine) and refuses it, with
//! the reasons on standard error, when the pusher may not write what the
//! pushed commits change (`rights`), when it would rewrite published
//! history (`updates`) or when `verify`'s rules find anything in the
//! pushed range (`range`). `install` writes the hook into a repository.

pub mod install;
pub mod pusher;
mod range;
mod rights;
mod text;
pub mod updates;

use crate::i18n::Lang;
use crate::repo::{self, Repository};
use pusher::Pusher;
use std::path::PathBuf;
use std::process::ExitCode;
use updates::Update;

/// A push judged: why it is refused (empty: accepted) and how many pushed
/// commits were looked at.
#[derive(Debug, Default)]
pub struct Judgement {
    pub refusals: Vec<String>,
    pub commits: usize,
}

/// Judges `updates` pushed by `pusher` into `repo`. Each reason is said
/// once, however many commits share it.
pub fn judge(
    repo: &Repository,
    updates: &[Update],
    pusher: Option<&Pusher>,
    lang: Lang,
) -> Judgement {
    let mut judgement = Judgement::default();
    let Some(pusher) = pusher else {
        judgement.refusals.push(text::no_pusher(lang));
        return judgement;
    };
    let refuse = |why: String, refusals: &mut Vec<String>| {
        if !refusals.contains(&why) {
            refusals.push(why);
        }
    };
    for update in updates {
        let name = crate::sanitize::line(&update.name).into_owned();
        if let Some(how) = updates::rewrite(repo, update) {
            refuse(text::rewrite(lang, &name, &how), &mut judgement.refusals);
            continue;
        }
        let (true, Some(new)) = (update.name == updates::MAIN, update.new) else {
            // Only main's commits are judged: tertial's marks are only
            // kept from going back, other references publish nothing, and
            // what they bring is judged when it reaches main.
            continue;
        };
        let commits = match update.old {
            Some(old) => repo::log::commits_between(repo, old, new),
            None => repo::pushed::commits_from(repo, new),
        };
        let commits = match commits {
            Ok(c) => c,
            Err(e) => {
                refuse(
                    text::cannot_read(lang, &e.git_message()),
                    &mut judgement.refusals,
                );
                continue;
            }
        };
        judgement.commits += commits.len();
        for why in rights::refusals(repo, &commits, new, pusher, lang) {
            refuse(why, &mut judgement.refusals);
        }
        for why in range::findings(repo, &commits) {
            refuse(why, &mut judgement.refusals);
        }
    }
    judgement
}

/// `tertial hook pre-receive`: reads the updates on standard input, judges
/// them in the repository git runs the hook in, says why on standard
/// error; exit status 1 refuses the push.
pub fn pre_receive() -> ExitCode {
    let lang = crate::i18n::current();
    let say_refused = |reasons: &[String]| {
        eprintln!("{}", text::refused(lang, reasons));
        ExitCode::from(1)
    };
    let mut input = String::new();
    {
        use std::io::Read;
        // A line per reference; a push of a million references is not ours.
        let limit = 64 * 1024 * 1024;
        if let Err(e) = std::io::stdin().take(limit).read_to_string(&mut input) {
            return say_refused(&[text::cannot_read(lang, &crate::oserr::text(&e, lang))]);
        }
    }
    let updates = match updates::parse(&input) {
        Ok(u) => u,
        Err(bad) => return say_refused(&[text::bad_line(lang, bad.line, &bad.text)]),
    };
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let git_dir = env("GIT_DIR").map_or_else(|| PathBuf::from("."), PathBuf::from);
    let quarantine: Vec<PathBuf> = ["GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY"]
        .iter()
        .filter_map(|v| env(v).map(PathBuf::from))
        .collect();
    // Every pushed object read is checked against its hash.
    repo::verify_hashes_on_read();
    let repo = match repo::pushed::open_receiving(&git_dir, &quarantine) {
        Ok(r) => r,
        Err(e) => return say_refused(&[text::cannot_read(lang, &e.to_string())]),
    };
    let pusher = Pusher::from_env(|k| std::env::var(k).ok());
    let judgement = judge(&repo, &updates, pusher.as_ref(), lang);
    if !judgement.refusals.is_empty() {
        return say_refused(&judgement.refusals);
    }
    let who = pusher.map(|p| p.shown()).unwrap_or_default();
    eprintln!("{}", text::accepted(lang, &who, judgement.commits));
    ExitCode::SUCCESS
}

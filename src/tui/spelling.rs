//! Loading the dictionary and the word lists on a thread of their own
//! when the first unit is opened (the unit list and the overview need no
//! dictionary, and start without its second of reading): the editor is
//! usable at once and marks words once the dictionary is in. What was
//! found reaches the core as an action (`Action::SpellLoaded`).

use super::input::Input;
use crate::app::Action;
use crate::app::spelling::SpellLoad;
use crate::i18n::Lang;
use crate::spell::{self, Speller, words};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

/// Starts loading, the first time it is asked; the result is sent on `tx`.
pub fn spawn_once(tx: Sender<Input>, root: PathBuf, lang: Lang) {
    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if STARTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    std::thread::spawn(move || {
        let load = load(&root, lang);
        let _ = tx.send(Input::Job(Box::new(Action::SpellLoaded(Box::new(load)))));
    });
}

/// The dictionary of `lang` (where `TERTIAL_HUNSPELL_PATH`, else the
/// workspace's `[spell] path`, else the system folders have it) and the
/// words of the workspace's list (as committed) and of the user's.
pub fn load(root: &Path, lang: Lang) -> SpellLoad {
    let configured = std::env::var_os(spell::PATH_VARIABLE)
        .map(PathBuf::from)
        .or_else(|| {
            let text = std::fs::read_to_string(root.join(crate::workspace::MARKER)).ok()?;
            spell::configured_path(&text).map(|p| root.join(p))
        });
    let speller = spell::find(spell::dictionary_name(lang), configured.as_deref())
        .and_then(|(aff, dic)| Speller::load(&aff, &dic))
        .map(Arc::new);
    let mut listed = Vec::new();
    if let Ok(repository) = crate::repo::open(root) {
        listed.extend(words::workspace_words(
            &repository,
            crate::repo::DEFAULT_BRANCH,
        ));
    }
    if let Some(path) = words::user_path() {
        listed.extend(words::read_list(&path));
    }
    SpellLoad { speller, listed }
}

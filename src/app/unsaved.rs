//! A draft that cannot be written (a full disk, a read-only folder, a
//! file size limit): what the chief is told, and the path typed to write
//! the text elsewhere before quitting.

use super::action::{Action, Effect};
use super::model::Model;

/// The draft could not be written; when quitting, the chief is asked
/// where the text should go instead.
pub fn failed(m: &mut Model, why: String, quitting: bool) {
    let lang = m.lang;
    if let Some(s) = &mut m.session {
        s.save_error = Some(why.clone());
    }
    m.message = Some(format!(
        "{}: {why}",
        lang.t("Utkastet kunde inte sparas", "The draft could not be saved")
    ));
    if quitting {
        m.rescue_path = None;
        m.confirm = Some(super::confirm::unsaved(lang, &why));
    }
}

/// The draft was written to the chosen file (then the program ends), or
/// why not (the path can be changed).
pub fn rescued(m: &mut Model, result: Result<String, String>) -> Vec<Effect> {
    match result {
        Ok(path) => {
            m.rescue_path = None;
            m.message = Some(format!(
                "{} {path}",
                m.lang.t("Utkastet skrevs till", "The draft was written to")
            ));
            m.quit = true;
            vec![Effect::Quit]
        }
        Err(why) => {
            m.message = Some(why);
            Vec::new()
        }
    }
}

/// Typing the path to write an unsavable draft to.
pub fn rescue_path(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(area) = &mut m.rescue_path else {
        return Vec::new();
    };
    match action {
        Action::EditorInput(input) if input.key == ratatui_textarea::Key::Enter => {
            let path = area.lines().join("").trim().to_string();
            if path.is_empty() {
                m.message = Some(
                    m.lang
                        .t(
                            "Skriv en sökväg till en ny fil.",
                            "Type a path to a new file.",
                        )
                        .into(),
                );
                return Vec::new();
            }
            return vec![Effect::WriteDraftTo(path)];
        }
        Action::EditorInput(input) => {
            area.input(input);
        }
        Action::Paste(text) => {
            area.insert_str(text.replace(['\r', '\n'], ""));
        }
        Action::Back => {
            m.rescue_path = None;
            let why = m
                .session
                .as_ref()
                .and_then(|s| s.save_error.clone())
                .unwrap_or_default();
            m.confirm = Some(super::confirm::unsaved(m.lang, &why));
        }
        _ => {}
    }
    Vec::new()
}

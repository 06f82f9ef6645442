//! Operating-system errors in the interface language: what the system
//! said, by its error kind, with the errno kept for the administrator.

use crate::i18n::Lang;
use std::io::{self, ErrorKind};

/// An io::Error as the user reads it: "Ingen sådan fil eller mapp
/// (os-fel 2)". Errors that are not the system's (tertial's own texts
/// carried in an io::Error) are shown as they are.
pub fn text(e: &io::Error, lang: Lang) -> String {
    let Some(code) = e.raw_os_error() else {
        return match kind_text(e.kind(), lang) {
            Some(t) if e.get_ref().is_none() => t.to_string(),
            _ => e.to_string(),
        };
    };
    let what = errno_text(code, lang)
        .or_else(|| kind_text(e.kind(), lang))
        .map(str::to_string)
        .unwrap_or_else(|| strip_code(&e.to_string()));
    format!("{what} ({} {code})", lang.t("os-fel", "os error"))
}

/// [`text`] in the program's language.
pub fn shown(e: &io::Error) -> String {
    text(e, crate::i18n::current())
}

/// An error chain (anyhow) as one line, its io errors in the language:
/// "writing x: Permission denied (os error 13)" becomes "… Åtkomst nekad (os-fel 13)".
pub fn chain(e: &anyhow::Error) -> String {
    let lang = crate::i18n::current();
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        match cause.downcast_ref::<io::Error>() {
            Some(io) => {
                parts.push(text(io, lang));
                // An io::Error's own inner error repeats it; stop here.
                break;
            }
            None => parts.push(cause.to_string()),
        }
    }
    parts.join(": ")
}

fn strip_code(s: &str) -> String {
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

/// The common errnos by number (Linux and the BSDs/macOS agree on these).
fn errno_text(code: i32, lang: Lang) -> Option<&'static str> {
    let (sv, en) = match code {
        1 => ("Åtgärden är inte tillåten", "Operation not permitted"),
        2 => ("Ingen sådan fil eller mapp", "No such file or directory"),
        5 => ("In/ut-fel", "Input/output error"),
        13 => ("Åtkomst nekad", "Permission denied"),
        17 => ("Filen finns redan", "File exists"),
        20 => ("Inte en mapp", "Not a directory"),
        21 => ("Är en mapp", "Is a directory"),
        22 => ("Ogiltigt argument", "Invalid argument"),
        24 => ("För många öppna filer", "Too many open files"),
        26 => ("Filen används", "Text file busy"),
        27 => ("Filen är för stor", "File too large"),
        28 => ("Inget utrymme kvar på enheten", "No space left on device"),
        30 => ("Skrivskyddat filsystem", "Read-only file system"),
        32 => ("Brutet rör", "Broken pipe"),
        _ => return linux_errno_text(code, lang),
    };
    Some(lang.t(sv, en))
}

#[cfg(target_os = "linux")]
fn linux_errno_text(code: i32, lang: Lang) -> Option<&'static str> {
    let (sv, en) = match code {
        36 => ("Filnamnet är för långt", "File name too long"),
        39 => ("Mappen är inte tom", "Directory not empty"),
        40 => (
            "För många nivåer av symboliska länkar",
            "Too many levels of symbolic links",
        ),
        122 => ("Diskkvoten är överskriden", "Disk quota exceeded"),
        _ => return None,
    };
    Some(lang.t(sv, en))
}

#[cfg(not(target_os = "linux"))]
fn linux_errno_text(_code: i32, _lang: Lang) -> Option<&'static str> {
    None
}

fn kind_text(kind: ErrorKind, lang: Lang) -> Option<&'static str> {
    let (sv, en) = match kind {
        ErrorKind::NotFound => ("Ingen sådan fil eller mapp", "No such file or directory"),
        ErrorKind::PermissionDenied => ("Åtkomst nekad", "Permission denied"),
        ErrorKind::AlreadyExists => ("Filen finns redan", "File exists"),
        ErrorKind::NotADirectory => ("Inte en mapp", "Not a directory"),
        ErrorKind::IsADirectory => ("Är en mapp", "Is a directory"),
        ErrorKind::StorageFull => ("Inget utrymme kvar på enheten", "No space left on device"),
        ErrorKind::ReadOnlyFilesystem => ("Skrivskyddat filsystem", "Read-only file system"),
        ErrorKind::FileTooLarge => ("Filen är för stor", "File too large"),
        ErrorKind::DirectoryNotEmpty => ("Mappen är inte tom", "Directory not empty"),
        ErrorKind::BrokenPipe => ("Brutet rör", "Broken pipe"),
        ErrorKind::UnexpectedEof => ("Filen tog slut för tidigt", "Unexpected end of file"),
        ErrorKind::InvalidData => ("Ogiltiga data", "Invalid data"),
        ErrorKind::Interrupted => ("Avbruten", "Interrupted"),
        _ => return None,
    };
    Some(lang.t(sv, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_keep_their_number() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(text(&e, Lang::Sv), "Ingen sådan fil eller mapp (os-fel 2)");
        assert_eq!(text(&e, Lang::En), "No such file or directory (os error 2)");
        let e = io::Error::from_raw_os_error(20);
        assert_eq!(text(&e, Lang::Sv), "Inte en mapp (os-fel 20)");
        let e = io::Error::from_raw_os_error(28);
        assert_eq!(
            text(&e, Lang::Sv),
            "Inget utrymme kvar på enheten (os-fel 28)"
        );
    }

    #[test]
    fn own_texts_in_io_errors_are_left_as_they_are() {
        let e = io::Error::other("plans/x.toml är för stor");
        assert_eq!(text(&e, Lang::Sv), "plans/x.toml är för stor");
        let e = io::Error::from(ErrorKind::PermissionDenied);
        assert_eq!(text(&e, Lang::Sv), "Åtkomst nekad");
    }

    #[test]
    fn chains_translate_the_system_part() {
        let e = anyhow::Error::new(io::Error::from_raw_os_error(13)).context("kan inte skriva x");
        assert_eq!(chain(&e), "kan inte skriva x: Åtkomst nekad (os-fel 13)");
    }
}

//! The user's own editor ($VISUAL, $EDITOR, else `vi`) for one field: the
//! text goes to a temporary file ending in a newline, as a text file does;
//! the editor command is read by the shell, as git reads it (so
//! `EDITOR="code --wait"` and quoted paths work); exactly the one final
//! newline is taken off again.

use std::path::Path;

/// The editor command the user chose.
pub fn command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// The file's text for a field's text (an empty field is an empty file,
/// so what the editor appends is the first line).
pub fn to_file(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    }
}

/// The field's text for the file's text: one final newline (the one the
/// file was given, or an editor's) comes off; any others were typed.
pub fn from_file(text: &str) -> String {
    text.strip_suffix('\n')
        .map(|t| t.strip_suffix('\r').unwrap_or(t))
        .unwrap_or(text)
        .to_string()
}

/// Runs `editor` (a shell command) on `text`; None when it fails or the
/// file cannot be read back.
pub fn edit(editor: &str, text: &str) -> Option<String> {
    let file = tempfile::Builder::new()
        .prefix("tertial-")
        .suffix(".txt")
        .tempfile()
        .ok()?;
    std::fs::write(file.path(), to_file(text)).ok()?;
    if !run(editor, file.path()) {
        return None;
    }
    let back = std::fs::read_to_string(file.path()).ok()?;
    Some(from_file(&back))
}

/// `sh -c 'EDITOR "$@"' EDITOR FILE`: the shell splits and unquotes the
/// command, the file name is passed untouched.
fn run(editor: &str, file: &Path) -> bool {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(file)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_ends_in_a_newline_and_exactly_one_comes_off() {
        assert_eq!(to_file("två\nrader"), "två\nrader\n");
        assert_eq!(to_file(""), "");
        assert_eq!(from_file("två\nrader\n"), "två\nrader");
        assert_eq!(from_file("tom rad sist\n\n"), "tom rad sist\n");
        assert_eq!(from_file("utan"), "utan");
        assert_eq!(from_file("crlf\r\n"), "crlf");
        for text in ["", "a", "a\n", "a\n\n", "  blanka  "] {
            assert_eq!(from_file(&to_file(text)), text);
        }
    }

    #[test]
    fn the_editor_command_is_read_by_the_shell() {
        let dir = tempfile::tempdir().unwrap();
        // A path with a space, and arguments: split by the shell's rules.
        let script = dir.path().join("my editor.sh");
        std::fs::write(
            &script,
            "#!/bin/sh\n# $1 is a flag, $2 a quoted word, $3 the file.\n[ \"$1\" = --wait ] && [ \"$2\" = 'två ord' ] || exit 3\ncat \"$3\" > \"$3.seen\"\nprintf 'tillagd\\n' >> \"$3\"\n",
        )
        .unwrap();
        let editor = format!("sh '{}' --wait \"två ord\"", script.display());
        let back = edit(&editor, "första").unwrap();
        assert_eq!(back, "första\ntillagd");
    }

    #[test]
    fn the_editor_sees_a_file_ending_in_a_newline() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("copy");
        let editor = format!("cp -f \"$1\" '{}'; true", copy.display());
        // The command's own "$1" is the file: the shell passes it on.
        assert_eq!(edit(&editor, "text").as_deref(), Some("text"));
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), "text\n");
    }

    #[test]
    fn a_failing_editor_changes_nothing() {
        assert_eq!(edit("false", "text"), None);
    }
}

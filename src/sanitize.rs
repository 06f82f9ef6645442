//! Makes untrusted text safe to put on a terminal: control characters,
//! escape sequences, bidi overrides and line separators become visible
//! placeholders. Stored text is never changed; only what is displayed.

use std::borrow::Cow;

/// Sanitizes text for a multi-line display: newlines stay, tabs become
/// spaces, every other control or reordering character becomes a
/// visible placeholder.
pub fn display(text: &str) -> Cow<'_, str> {
    sanitize(text, true)
}

/// Sanitizes text for a one-line display (titles, list rows, status line):
/// like [`display`], and newlines become "⏎".
pub fn line(text: &str) -> Cow<'_, str> {
    sanitize(text, false)
}

fn needs_work(c: char) -> bool {
    c.is_control() || is_reordering(c)
}

/// Characters that reorder or break lines without being controls.
pub fn is_reordering(c: char) -> bool {
    matches!(c,
        '\u{200E}' | '\u{200F}' | '\u{061C}'      // marks
        | '\u{202A}'..='\u{202E}'                  // embeddings, overrides
        | '\u{2066}'..='\u{2069}'                  // isolates
        | '\u{2028}' | '\u{2029}'                  // line/paragraph separator
        | '\u{FEFF}')
}

fn sanitize(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !text.chars().any(needs_work) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push('⏎'),
            // A CRLF pair is an ordinary line end; a lone CR could overwrite
            // the line on a terminal, so it is shown.
            '\r' if chars.peek() == Some(&'\n') => {}
            '\t' => out.push_str("    "),
            '\u{1B}' => out.push('␛'),
            '\u{7F}' => out.push('␡'),
            c if (c as u32) < 0x20 => {
                // U+2400 "control pictures" mirror C0 one to one.
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('�'));
            }
            c if c.is_control() || is_reordering(c) => {
                out.push_str(&format!("<U+{:04X}>", c as u32));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Makes a drawn frame safe whatever a widget put in it: any cell holding
/// a control or reordering character (possible inside the text editor,
/// which shows what the user typed or pasted as it is) shows "�" instead.
pub fn frame(buffer: &mut ratatui::buffer::Buffer) {
    for cell in buffer.content.iter_mut() {
        if cell.symbol().chars().any(needs_work) {
            cell.set_symbol("�");
        }
    }
}

/// True when `text` holds nothing a terminal would interpret.
pub fn is_clean(text: &str) -> bool {
    !text.chars().any(|c| c != '\n' && needs_work(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let s = "Hägerstens hemtjänst: ökad trygghet 87 %";
        assert!(matches!(display(s), Cow::Borrowed(_)));
        assert_eq!(display(s), s);
    }

    #[test]
    fn escape_and_controls_become_placeholders() {
        assert_eq!(display("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(display("x\u{7}y"), "x␇y");
        assert_eq!(display("x\u{9b}31m"), "x<U+009B>31m");
        assert_eq!(display("a\rb"), "a␍b");
        assert_eq!(display("a\r\nb"), "a\nb");
        assert_eq!(display("\u{202E}abc"), "<U+202E>abc");
        assert_eq!(display("a\u{2028}b"), "a<U+2028>b");
        assert_eq!(line("a\nb"), "a⏎b");
        assert_eq!(display("a\tb"), "a    b");
    }

    #[test]
    fn output_is_clean_and_idempotent() {
        let nasty = "\u{1b}]52;c;ZXZpbA==\u{7}\u{90}q\u{9c}\u{1b}[201~:q\u{202D}";
        let once = display(nasty).into_owned();
        assert!(is_clean(&once));
        assert_eq!(display(&once), once);
    }
}

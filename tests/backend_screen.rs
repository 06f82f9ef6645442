//! The terminal backend draws what ratatui means: random frames (text with
//! wide characters and combining marks, colours, attributes, the cursor
//! shown or hidden), drawn one after another through the backend and read
//! back by a vt100 emulator, give the screen of each frame's buffer. The
//! same frames go through ratatui's `TestBackend`, which must hold the same
//! cells, except behind a wide character: there it keeps whatever was
//! last sent (ratatui sends nothing for a cell a wide character covers),
//! where a terminal shows the blank the frame has.

use proptest::prelude::*;
use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use tertial::tui::backend::Lean;
use unicode_width::UnicodeWidthStr;

/// The bytes the backend writes, kept for the emulator.
#[derive(Clone, Default)]
struct Wire(Rc<RefCell<Vec<u8>>>);

impl Write for Wire {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One run of text in one style.
#[derive(Debug, Clone)]
struct Run {
    graphemes: Vec<&'static str>,
    style: Style,
}

#[derive(Debug, Clone)]
struct Frame {
    /// Runs laid out from the top left, row by row.
    runs: Vec<Run>,
    /// Whether the rows start from the previous frame (a small change, as
    /// typing makes) rather than from blank.
    keep: bool,
    cursor: Option<(u16, u16)>,
}

const GRAPHEMES: &[&str] = &[
    "a", "b", "Z", " ", "å", "Ö", "é", "e\u{301}", "a\u{308}", "漢", "字", "😀", "│", "▶", "-",
    "~", "1", "#",
];

fn color() -> impl Strategy<Value = Color> {
    prop_oneof![
        Just(Color::Reset),
        Just(Color::Red),
        Just(Color::LightGreen),
        Just(Color::DarkGray),
        Just(Color::White),
        (0u8..=255).prop_map(Color::Indexed),
        (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

/// Bold or dim (the emulator keeps one intensity, as many terminals do),
/// and any of italic, underlined, reversed.
fn modifier() -> impl Strategy<Value = Modifier> {
    (
        prop::sample::select(vec![Modifier::empty(), Modifier::BOLD, Modifier::DIM]),
        prop::sample::subsequence(
            vec![Modifier::ITALIC, Modifier::UNDERLINED, Modifier::REVERSED],
            0..=3,
        ),
    )
        .prop_map(|(intensity, ms)| ms.into_iter().fold(intensity, |a, m| a | m))
}

fn run() -> impl Strategy<Value = Run> {
    (
        prop::collection::vec(prop::sample::select(GRAPHEMES), 1..8),
        color(),
        color(),
        modifier(),
    )
        .prop_map(|(graphemes, fg, bg, m)| Run {
            graphemes,
            // Exactly these attributes, whatever the cell had before.
            style: Style::default()
                .fg(fg)
                .bg(bg)
                .add_modifier(m)
                .remove_modifier(Modifier::all() - m),
        })
}

fn frame(w: u16, h: u16) -> impl Strategy<Value = Frame> {
    (
        prop::collection::vec(run(), 0..12),
        any::<bool>(),
        prop::option::of((0..w, 0..h)),
    )
        .prop_map(|(runs, keep, cursor)| Frame { runs, keep, cursor })
}

fn case() -> impl Strategy<Value = (u16, u16, Vec<Frame>)> {
    (2u16..24, 1u16..6)
        .prop_flat_map(|(w, h)| (Just(w), Just(h), prop::collection::vec(frame(w, h), 1..6)))
}

/// Lays the frame's runs into `buf` (a wide character that would not fit
/// at a row's end goes to the next row, as a widget would place it).
fn paint(buf: &mut Buffer, f: &Frame, previous: &Buffer) {
    if f.keep {
        buf.merge(previous);
    }
    let area = buf.area;
    let (mut x, mut y) = (0u16, 0u16);
    for run in &f.runs {
        for g in &run.graphemes {
            let width = g.width().max(1) as u16;
            if x + width > area.width {
                x = 0;
                y += 1;
            }
            if y >= area.height {
                return;
            }
            buf.set_stringn(x, y, g, usize::from(width), run.style);
            x += width;
        }
    }
}

fn vt_color(c: Color) -> vt100::Color {
    let idx = |i| vt100::Color::Idx(i);
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Black => idx(0),
        Color::Red => idx(1),
        Color::Green => idx(2),
        Color::Yellow => idx(3),
        Color::Blue => idx(4),
        Color::Magenta => idx(5),
        Color::Cyan => idx(6),
        Color::Gray => idx(7),
        Color::DarkGray => idx(8),
        Color::LightRed => idx(9),
        Color::LightGreen => idx(10),
        Color::LightYellow => idx(11),
        Color::LightBlue => idx(12),
        Color::LightMagenta => idx(13),
        Color::LightCyan => idx(14),
        Color::White => idx(15),
        Color::Indexed(i) => idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
    }
}

/// Where the emulator's screen differs from the buffer, described.
fn differences(screen: &vt100::Screen, want: &Buffer) -> Vec<String> {
    let mut out = Vec::new();
    let area = want.area;
    let mut skip = 0;
    for y in 0..area.height {
        for x in 0..area.width {
            let cell = &want[(x, y)];
            let Some(got) = screen.cell(y, x) else {
                out.push(format!("({x},{y}): no cell"));
                continue;
            };
            if skip > 0 {
                // Hidden behind a wide character on the left.
                skip -= 1;
                if !got.is_wide_continuation() {
                    out.push(format!("({x},{y}): not the right half of a wide character"));
                }
                continue;
            }
            let symbol = cell.symbol();
            skip = symbol.width().saturating_sub(1);
            let shown = if got.has_contents() {
                got.contents()
            } else {
                " "
            };
            if shown != symbol {
                out.push(format!("({x},{y}): {shown:?}, want {symbol:?}"));
            }
            let m = cell.modifier;
            let style = (
                vt_color(cell.fg),
                vt_color(cell.bg),
                m.contains(Modifier::BOLD),
                m.contains(Modifier::DIM),
                m.contains(Modifier::ITALIC),
                m.contains(Modifier::UNDERLINED),
                m.contains(Modifier::REVERSED),
            );
            let seen = (
                got.fgcolor(),
                got.bgcolor(),
                got.bold(),
                got.dim(),
                got.italic(),
                got.underline(),
                got.inverse(),
            );
            if seen != style {
                out.push(format!(
                    "({x},{y}) {symbol:?}: style {seen:?}, want {style:?}"
                ));
            }
        }
    }
    out
}

fn check(w: u16, h: u16, frames: &[Frame]) -> Result<(), TestCaseError> {
    let area = Rect::new(0, 0, w, h);
    let wire = Wire::default();
    let mut lean = Lean::new(wire.clone());
    lean.assume_width(w);
    let fixed = || TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let mut ours = Terminal::with_options(lean, fixed()).unwrap();
    let mut theirs = Terminal::with_options(TestBackend::new(w, h), fixed()).unwrap();
    let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    let mut vt = vt100::Parser::new(nz(h), nz(w), 0);
    let mut previous = Buffer::empty(area);
    // Rows that ever held a wide character, where TestBackend may keep
    // stale cells.
    let mut wide_rows = std::collections::HashSet::new();
    for (i, f) in frames.iter().enumerate() {
        let mut next = Buffer::empty(area);
        paint(&mut next, f, &previous);
        for t in [&mut ours as &mut dyn DrawInto, &mut theirs] {
            t.draw_buffer(&next, f.cursor);
        }
        // Cells put off while typing are written when typing pauses.
        if ours.backend().behind() {
            ours.backend_mut().flush().unwrap();
        }
        vt.process(&wire.0.borrow_mut().split_off(0));
        let want = &next;
        let diffs = differences(vt.screen(), want);
        prop_assert!(
            diffs.is_empty(),
            "frame {i} of {w}x{h}: {}\nwant:\n{}\nseen:\n{}",
            diffs.join("; "),
            rows(want),
            vt.screen().contents()
        );
        let held = theirs.backend().buffer();
        for y in 0..h {
            if (0..w).any(|x| want[(x, y)].symbol().width() > 1) {
                wide_rows.insert(y);
            }
            if !wide_rows.contains(&y) {
                for x in 0..w {
                    prop_assert_eq!(&held[(x, y)], &want[(x, y)], "frame {}: TestBackend", i);
                }
            }
        }
        let screen = vt.screen();
        match f.cursor {
            Some((x, y)) => {
                prop_assert!(!screen.hide_cursor(), "frame {i}: the cursor is hidden");
                prop_assert_eq!(screen.cursor_position(), (y, x), "frame {}: cursor", i);
            }
            None => prop_assert!(screen.hide_cursor(), "frame {i}: the cursor is shown"),
        }
        previous = next;
    }
    Ok(())
}

fn rows(b: &Buffer) -> String {
    (0..b.area.height)
        .map(|y| {
            (0..b.area.width)
                .map(|x| b[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Draws a whole buffer as one frame, with the cursor where given.
trait DrawInto {
    fn draw_buffer(&mut self, buf: &Buffer, cursor: Option<(u16, u16)>);
}

impl<B: Backend> DrawInto for Terminal<B>
where
    B::Error: std::fmt::Debug,
{
    fn draw_buffer(&mut self, buf: &Buffer, cursor: Option<(u16, u16)>) {
        self.draw(|f| {
            *f.buffer_mut() = buf.clone();
            if let Some((x, y)) = cursor {
                f.set_cursor_position(Position { x, y });
            }
        })
        .unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_backend_draws_what_the_test_backend_holds((w, h, frames) in case()) {
        check(w, h, &frames)?;
    }
}

/// A space typed at the end of a text changes no cell, only moves the
/// cursor along its row: the text mirrored elsewhere (and a count) waits
/// for the pause like after any other letter, and then appears.
#[test]
fn a_space_at_the_end_of_a_text_is_a_keystroke_too() {
    let (w, h) = (40, 10);
    let area = Rect::new(0, 0, w, h);
    let wire = Wire::default();
    let mut lean = Lean::new(wire.clone());
    lean.assume_width(w);
    let mut term = Terminal::with_options(
        lean,
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .unwrap();
    let frame = |editor: &str, mirror: &str| {
        let mut b = Buffer::empty(area);
        b.set_string(0, 1, mirror, Style::default());
        b.set_string(0, 8, editor, Style::default());
        b
    };
    term.draw_buffer(&frame("Vi", "Vi"), Some((2, 8)));
    term.backend_mut().flush().unwrap();
    wire.0.borrow_mut().clear();

    // "Vi" + space: the editor's row is unchanged, the mirror row gets the
    // space (invisible) and the count elsewhere changes.
    let mut next = frame("Vi ", "Vi ");
    next.set_string(30, 1, "3 tecken", Style::default());
    term.draw_buffer(&next, Some((3, 8)));
    let sent = String::from_utf8_lossy(&wire.0.borrow_mut().split_off(0)).into_owned();
    assert!(
        !sent.contains("tecken"),
        "the count was not put off: {sent:?}"
    );
    assert!(term.backend().behind());

    // The pause brings it.
    term.backend_mut().flush().unwrap();
    let sent = String::from_utf8_lossy(&wire.0.borrow_mut().split_off(0)).into_owned();
    assert!(sent.contains('3') && sent.contains("tecken"), "{sent:?}");
    assert!(!term.backend().behind());
}

//! The backend ratatui draws through: it remembers where the terminal's
//! cursor is, whether it is shown, and the current colours, so a frame
//! that changes one cell at the cursor costs that cell and nothing more
//! (a typed letter over SSH is then a byte or two, not a hundred). What
//! it does not know (at the start, after a resize, after anything else
//! wrote to the terminal) it sets in full. While typing, cells away from
//! the cursor are put off until typing pauses. A frame is sent in one
//! write, wrapped in synchronized output when it is more than a few bytes.

use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::style::{
    Attribute, SetAttribute, SetBackgroundColor, SetForegroundColor, SetUnderlineColor,
};
use ratatui::crossterm::{cursor, queue, terminal};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Frames up to this many bytes are sent without the synchronized-output
/// markers: one small write is shown whole anyway.
const SYNC_FROM: usize = 64;
/// A frame that changes cells on the cursor's row (or the rows beside
/// it, where a wrapped word goes) and at most this many cells elsewhere is
/// a keystroke in an editor: the cells elsewhere (the same text mirrored
/// in the form) are put off until typing pauses, so each letter does not
/// cost two jumps across the screen.
const ELSEWHERE_MAX: usize = 32;
const BEGIN_SYNC: &[u8] = b"\x1b[?2026h";
const END_SYNC: &[u8] = b"\x1b[?2026l";

/// Colours and attributes as the terminal has them.
#[derive(Clone, Copy, PartialEq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    underline: Color::Reset,
    modifier: Modifier::empty(),
};

pub struct Lean<W: Write> {
    out: W,
    /// The frame being written, sent at `flush`.
    buf: Vec<u8>,
    /// Where the terminal's cursor is, when known.
    cursor: Option<Position>,
    /// Whether the cursor is shown, when known.
    visible: Option<bool>,
    /// The terminal's colours and attributes, when known.
    pen: Option<Pen>,
    /// The width last read, to tell when the cursor sits in the last
    /// column (where terminals differ on what the next character does).
    width: std::cell::Cell<u16>,
    /// The frame's changed cells, written at `flush`.
    frame: Vec<(u16, u16, Cell)>,
    /// Where ratatui wants the cursor shown (None: hidden), for `flush`.
    wanted: Option<Option<Position>>,
    /// Cells put off while typing, by (row, column): see `flush`.
    later: BTreeMap<(u16, u16), Cell>,
    /// Where the screen shows the left half of a wide character, by
    /// (column, row): see `write_cells`.
    wide: HashSet<(u16, u16)>,
}

impl<W: Write> Lean<W> {
    pub fn new(out: W) -> Lean<W> {
        Lean {
            out,
            buf: Vec::with_capacity(16 * 1024),
            cursor: None,
            visible: None,
            pen: None,
            width: std::cell::Cell::new(0),
            frame: Vec::new(),
            wanted: None,
            later: BTreeMap::new(),
            wide: HashSet::new(),
        }
    }

    /// Takes `width` as the terminal's width, as `size` reads it from a
    /// terminal (for drawing into something else, such as a test's buffer).
    pub fn assume_width(&mut self, width: u16) {
        self.width.set(width);
    }

    /// Whether cells were put off while typing (`catch_up` writes them).
    pub fn behind(&self) -> bool {
        !self.later.is_empty()
    }

    /// Forgets everything known about the terminal: the next frame sets
    /// position, colours and cursor in full (after a resize, a suspend,
    /// or anything else that may have touched the terminal).
    pub fn forget(&mut self) {
        self.cursor = None;
        self.visible = None;
        self.pen = None;
    }

    /// The shortest way from the known cursor position to `to`.
    fn move_to(&mut self, to: Position) {
        let full = format!("\x1b[{};{}H", to.y + 1, to.x + 1);
        let best = match self.cursor {
            Some(at) if at.y == to.y && at.x < to.x => shortest(
                &full,
                format!("\x1b[{}C", to.x - at.x),
                format!("\x1b[{}G", to.x + 1),
            ),
            Some(at) if at.y == to.y => shortest(
                &full,
                format!("\x1b[{}D", at.x - to.x),
                format!("\x1b[{}G", to.x + 1),
            ),
            Some(at) if at.x == to.x && at.y < to.y => format!("\x1b[{}B", to.y - at.y),
            Some(at) if at.x == to.x => format!("\x1b[{}A", at.y - to.y),
            _ => full,
        };
        // A count of one is the default and goes unsaid.
        let best = best
            .replace("\x1b[1A", "\x1b[A")
            .replace("\x1b[1B", "\x1b[B");
        let best = best
            .replace("\x1b[1C", "\x1b[C")
            .replace("\x1b[1D", "\x1b[D");
        self.buf.extend_from_slice(best.as_bytes());
        self.cursor = Some(to);
    }

    /// Writes cells in the order given, moving only where needed.
    fn write_cells(&mut self, cells: &[(u16, u16, Cell)]) -> io::Result<()> {
        let written: HashSet<(u16, u16)> = cells.iter().map(|(x, y, _)| (*x, *y)).collect();
        for (x, y, cell) in cells {
            let (x, y) = (*x, *y);
            let at = Position { x, y };
            if self.cursor != Some(at) {
                self.move_to(at);
            }
            self.pen_to(Pen {
                fg: cell.fg,
                bg: cell.bg,
                underline: cell.underline_color,
                modifier: cell.modifier,
            })?;
            let symbol = cell.symbol();
            self.buf.extend_from_slice(symbol.as_bytes());
            // Only after a one-column character is the cursor's place
            // certain; the last column leaves it pending a wrap.
            let next = x + 1;
            self.cursor =
                (symbol.width() == 1 && next < self.width.get()).then_some(Position { x: next, y });
            // The columns now covered, and whether a wide character began
            // in the last of them: its right half, past them, is erased.
            let end = x + symbol.width().max(1) as u16;
            let split = self.wide.contains(&(end - 1, y));
            for c in x.saturating_sub(1)..end {
                self.wide.remove(&(c, y));
            }
            if symbol.width() > 1 {
                self.wide.insert((x, y));
            }
            if split && end < self.width.get() && !written.contains(&(end, y)) {
                // A terminal erases that half in the colours of what was
                // just written (a reversed or coloured block); ratatui,
                // which sends no update for a blank that stays blank,
                // means a plain blank there.
                if self.cursor != Some(Position { x: end, y }) {
                    self.move_to(Position { x: end, y });
                }
                self.pen_to(PLAIN)?;
                self.buf.push(b' ');
                let after = end + 1;
                self.cursor = (after < self.width.get()).then_some(Position { x: after, y });
            }
        }
        Ok(())
    }

    /// Sets colours and attributes for `want`, changing only what differs.
    fn pen_to(&mut self, want: Pen) -> io::Result<()> {
        let mut pen = match self.pen {
            Some(p) => p,
            None => {
                queue!(self.buf, SetAttribute(Attribute::Reset))?;
                PLAIN
            }
        };
        if pen.modifier != want.modifier {
            if !(pen.modifier - want.modifier).is_empty() {
                // Taking attributes away one by one has pitfalls (bold
                // and dim share one reset); starting over has none.
                queue!(self.buf, SetAttribute(Attribute::Reset))?;
                pen = PLAIN;
            }
            for (m, a) in ATTRIBUTES {
                if want.modifier.contains(m) && !pen.modifier.contains(m) {
                    queue!(self.buf, SetAttribute(a))?;
                }
            }
        }
        if pen.fg != want.fg {
            queue!(self.buf, SetForegroundColor(want.fg.into_crossterm()))?;
        }
        if pen.bg != want.bg {
            queue!(self.buf, SetBackgroundColor(want.bg.into_crossterm()))?;
        }
        if pen.underline != want.underline {
            queue!(self.buf, SetUnderlineColor(want.underline.into_crossterm()))?;
        }
        self.pen = Some(want);
        Ok(())
    }
}

const ATTRIBUTES: [(Modifier, Attribute); 9] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::HIDDEN, Attribute::Hidden),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

fn shortest(a: &str, b: String, c: String) -> String {
    [a.to_string(), b, c]
        .into_iter()
        .min_by_key(|s| s.len())
        .unwrap_or_default()
}

impl<W: Write> Backend for Lean<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.frame
            .extend(content.map(|(x, y, cell)| (x, y, cell.clone())));
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.wanted = Some(None);
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        // Shown where `set_cursor_position` puts it (ratatui sets both).
        if !matches!(self.wanted, Some(Some(_))) {
            self.wanted = Some(self.cursor.or(Some(Position::ORIGIN)));
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        match self.cursor {
            Some(p) => Ok(p),
            None => cursor::position().map(|(x, y)| Position { x, y }),
        }
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let to = position.into();
        match self.wanted {
            // Hidden: the position is for later; move now, as asked.
            Some(None) => self.move_to(to),
            _ => self.wanted = Some(Some(to)),
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Terminals clear with the current background: plain first.
        if self.pen != Some(PLAIN) {
            queue!(self.buf, SetAttribute(Attribute::Reset))?;
            self.pen = Some(PLAIN);
        }
        let kind = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        queue!(self.buf, terminal::Clear(kind))?;
        self.cursor = None;
        self.wide.clear();
        // The whole screen is drawn next; nothing put off is owed.
        self.later.clear();
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            self.buf.push(b'\n');
        }
        self.cursor = None;
        self.flush()
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        self.width.set(width);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let w = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: w.columns,
                height: w.rows,
            },
            pixels: Size {
                width: w.width,
                height: w.height,
            },
        })
    }

    /// Ends the frame: back to plain colours (so whatever is written to
    /// the terminal next, by us or a shell, starts plain) and one write.
    fn flush(&mut self) -> io::Result<()> {
        let frame = std::mem::take(&mut self.frame);
        let wanted = self.wanted.take();
        let home = match wanted {
            Some(w) => w,
            None => self.cursor.filter(|_| self.visible == Some(true)),
        };
        let near = |y: u16| home.is_some_and(|h| y + 1 >= h.y && y <= h.y + 1);
        // A space typed at the end of a text changes no cell (a blank stays
        // blank); only the cursor moves along its row. That is a keystroke
        // too, or every space would bring everything put off with it.
        let stepped = matches!((self.cursor, home), (Some(at), Some(to)) if at != to && near(at.y));
        let typing = home.is_some()
            && (stepped || frame.iter().any(|(_, y, _)| near(*y)))
            && frame.iter().filter(|(_, y, _)| !near(*y)).count() <= ELSEWHERE_MAX;
        let mut cells = Vec::with_capacity(frame.len());
        if typing {
            for (x, y, cell) in frame {
                if near(y) {
                    // Newer than anything put off at the same place.
                    self.later.remove(&(y, x));
                    cells.push((x, y, cell));
                } else {
                    self.later.insert((y, x), cell);
                }
            }
        } else {
            for (x, y, cell) in frame {
                self.later.insert((y, x), cell);
            }
            cells = std::mem::take(&mut self.later)
                .into_iter()
                .map(|((y, x), cell)| (x, y, cell))
                .collect();
        }
        self.write_cells(&cells)?;
        match (wanted, home) {
            (Some(None), _) if self.visible != Some(false) => {
                queue!(self.buf, cursor::Hide)?;
                self.visible = Some(false);
            }
            (Some(None), _) => {}
            (_, Some(to)) => {
                if self.cursor != Some(to) {
                    self.move_to(to);
                }
                if self.visible != Some(true) {
                    queue!(self.buf, cursor::Show)?;
                    self.visible = Some(true);
                }
            }
            _ => {}
        }
        if self.pen.is_some_and(|p| p != PLAIN) {
            queue!(self.buf, SetAttribute(Attribute::Reset))?;
            self.pen = Some(PLAIN);
        }
        if self.buf.is_empty() {
            return Ok(());
        }
        let result = if self.buf.len() > SYNC_FROM {
            let mut frame = Vec::with_capacity(self.buf.len() + 16);
            frame.extend_from_slice(BEGIN_SYNC);
            frame.extend_from_slice(&self.buf);
            frame.extend_from_slice(END_SYNC);
            self.out.write_all(&frame)
        } else {
            self.out.write_all(&self.buf)
        };
        self.buf.clear();
        if result.is_err() {
            // Part of it may have been written: nothing is known now.
            self.forget();
        }
        result.and_then(|_| self.out.flush())
    }
}

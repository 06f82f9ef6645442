//! Owning the terminal: raw mode, alternate screen, bracketed paste (no
//! mouse capture), synchronized frames, and restoring all of it on exit,
//! error and panic.

use super::backend::Lean;
use crate::app::Model;
use ratatui::Terminal;
use ratatui::crossterm::{cursor, event, execute, terminal};
use std::io::{self, Stdout, Write};

pub struct TerminalGuard {
    terminal: Terminal<Lean<Stdout>>,
}

/// Puts the terminal back as it was. Errors are ignored: the terminal may
/// already be gone (hang-up), and restoring must never panic.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        terminal::enable_raw_mode()?;
        let mut out = io::stdout();
        if let Err(e) = execute!(
            out,
            terminal::EnterAlternateScreen,
            event::EnableBracketedPaste,
            cursor::Hide
        ) {
            restore();
            return Err(e);
        }
        let terminal = Terminal::new(Lean::new(out))?;
        Ok(TerminalGuard { terminal })
    }

    pub fn size(&self) -> io::Result<ratatui::layout::Size> {
        self.terminal.size()
    }

    /// Draws one frame (synchronized output, so terminals and tmux show
    /// it whole, is the backend's: it leaves it out for a few bytes).
    pub fn draw(&mut self, model: &Model) -> io::Result<()> {
        self.terminal
            .draw(|f| crate::ui::view(model, f))
            .map(|_| ())
    }

    /// Draws one frame of another screen than the main one (the plan
    /// correction screen), through the same backend.
    pub fn draw_with(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        self.terminal.draw(render).map(|_| ())
    }

    /// After a resize the terminal may have moved the cursor or reflowed
    /// the screen: the next frame positions everything in full.
    pub fn forget(&mut self) {
        self.terminal.backend_mut().forget();
    }

    /// Whether cells were put off while typing.
    pub fn behind(&self) -> bool {
        self.terminal.backend().behind()
    }

    /// Writes the cells put off while typing (when typing pauses).
    pub fn catch_up(&mut self) -> io::Result<()> {
        use ratatui::backend::Backend;
        self.terminal.backend_mut().flush()
    }
}

impl TerminalGuard {
    /// Gives the terminal to another program (the user's $EDITOR) and takes
    /// it back afterwards, redrawing everything.
    pub fn suspend<T>(&mut self, f: impl FnOnce() -> T) -> T {
        restore();
        let result = f();
        let _ = terminal::enable_raw_mode();
        let _ = execute!(
            io::stdout(),
            terminal::EnterAlternateScreen,
            event::EnableBracketedPaste,
            cursor::Hide,
            terminal::Clear(terminal::ClearType::All)
        );
        // A new Terminal starts from a blank buffer, so the next frame is
        // drawn whole. (Terminal::clear would ask the terminal for the
        // cursor position: a round trip over SSH, and a stall on terminals
        // that do not answer.)
        if let Ok(fresh) = Terminal::new(Lean::new(io::stdout())) {
            self.terminal = fresh;
        }
        result
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // The typed text first, while nothing else has gone wrong yet.
            let saved = super::rescue::on_panic();
            restore();
            previous(info);
            if let Some(msg) = saved {
                eprintln!("{msg}");
            }
        }));
    });
}

//! What can happen to the model (`Action`) and what the model asks the
//! outside world to do (`Effect`).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected item (Enter).
    Open,
    /// Go back one screen (Esc, ←).
    Back,
    /// Scroll the detail pane.
    ScrollDown,
    ScrollUp,
    /// Typed text for the focused input (the unit filter).
    Input(char),
    Paste(String),
    DeleteBack,
    /// Dismiss the problems screen.
    Acknowledge,
    Resize(u16, u16),
    Quit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
}

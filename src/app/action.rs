//! What can happen to the model (`Action`) and what the model asks the
//! outside world to do (`Effect`).

use crate::followup::{FollowUp, Period, Status};
use ratatui_textarea::Input;

#[derive(Debug, Clone)]
pub enum Action {
    // Moving in lists and between fields.
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextField,
    PrevField,
    NextGoal,
    PrevGoal,
    /// Open the selected item, start editing, toggle (Enter).
    Open,
    /// Go back one screen; stop editing (Esc).
    Back,
    /// Cycle a choice field.
    Left,
    Right,
    /// Set the current goal's rating directly (keys 1–4).
    Rate(crate::followup::Rating),
    AddDeviation,
    /// Copy the previous period's analysis texts into the empty fields.
    CopyPrevious,
    /// Open the previous period's open deviations (carry-over screen).
    CarryOver,
    /// On the carry-over screen: carry the selected deviation over.
    CarryConfirm,
    /// Close the selected deviation with a note (asks for the note).
    CarryClose,
    /// Drop the selected deviation: not carried, not offered again.
    CarryDrop,
    /// Show or hide the previous period's text beside each field.
    TogglePrevious,
    DeleteDeviation,
    /// Answer to a question: yes (y) presses its first button, no (n,
    /// Esc) cancels.
    Confirm(bool),
    /// Move the focus between a question's buttons.
    NextButton,
    PrevButton,
    /// Press the focused button of a question.
    PressButton,
    /// Scroll the plan context pane.
    ScrollContextDown,
    ScrollContextUp,
    /// Stop writing: the field keeps its last valid value (Ctrl-G).
    CancelEdit,
    /// Undo the last change (in the editor: of the text).
    Undo,
    Redo,
    /// A printable character typed on the goal page, not in the editor:
    /// on a text field it starts writing (when `starts_writing`); on a
    /// choice a digit picks, on a box a space ticks; elsewhere nothing.
    TypeOnField(char, bool),
    /// Keys for the text editor of the focused field.
    EditorInput(Input),
    /// Typed text for a plain input (the unit filter).
    Input(char),
    Paste(String),
    DeleteBack,
    /// Open the focused field in $EDITOR.
    ExternalEditor,
    /// The text $EDITOR returned (None: the editor failed; text kept).
    ExternalEditorDone(Option<String>),
    /// Dismiss a notice screen.
    Acknowledge,
    /// Go to the review screen.
    Review,
    Waive,
    /// Reopen a follow-up that is klar (asks for the reason).
    Reopen,
    CommitDraft,
    CommitDone,
    /// The commit finished: short id, status and time (seconds since
    /// 1970), or the error to show.
    Committed(Result<(String, Status, u64), String>),
    ResumeDraft,
    DiscardDraft,
    /// The draft was written at this time (seconds since 1970).
    DraftSaved(u64),
    /// The draft could not be written (why); `quitting`: while leaving.
    DraftFailed {
        why: String,
        quitting: bool,
    },
    /// The unsavable draft was written to the path typed (or why not).
    DraftRescued(Result<String, String>),
    /// A closing note with no deviation left was kept in this file (or why
    /// not).
    NoteKeptAside(Result<String, String>),
    /// Show the report of the follow-up as it is now.
    ShowReport,
    /// The periods of a unit, looked up for the period list.
    Periods(super::model::PeriodsState),
    /// A session is loaded and can start.
    SessionReady(Box<super::model::Session>),
    Resize(u16, u16),
    Quit,
    /// A key press, resolved through the keymap by `update`.
    Key(ratatui::crossterm::event::KeyEvent),
    /// Open the help overlay.
    Help,
    /// Open the command palette.
    Palette,
    /// Open the fuzzy jump to goals, indicators and activities.
    Jump,
    /// Open the current goal's timeline (history across periods).
    Timeline,
    /// Sync with the remote.
    Sync,
    /// In the conflict view: keep the local (true) or the remote text.
    KeepSide(bool),
    /// What the sync did.
    Synced(SyncResult),
    /// A line of git's progress while syncing (empty: the sync started).
    SyncProgress(String),
    /// Show the overview across units (from the overview: the unit list).
    Overview,
    /// The overview of the next (1) or previous (-1) period.
    StepPeriod(i8),
    /// The overview, read (or why it could not be).
    OverviewLoaded(Result<Box<crate::overview::Overview>, String>),
    /// The timeline, looked up.
    TimelineLoaded(String, Vec<super::overlay::TimelineRow>),
    /// The working tree could not be refreshed after a commit: git's
    /// `index.lock` (path) has stayed for `age_secs` seconds.
    WorktreeLocked {
        lock: String,
        age_secs: u64,
    },
    /// The program starts with what the shell knows (today's date, the
    /// keymap, what was asked for).
    Start(Box<super::start::Start>),
    /// Every plan, read in the background.
    PlansRead(Box<super::start::PlansRead>),
    /// A job started in the background.
    JobStarted {
        id: u64,
        kind: super::model::JobKind,
    },
    /// How far the job has come (`total` 0: unknown).
    JobProgress {
        id: u64,
        done: usize,
        total: usize,
    },
    /// The job's current step, and whether it can still be stopped.
    JobStep {
        id: u64,
        step: String,
        cancellable: bool,
    },
    /// The history index is up to date: carry on with what waited for it.
    HistoryIndexed(Box<Effect>),
    /// The job's result, to be handled unless the job was cancelled.
    JobDone {
        id: u64,
        result: Box<Action>,
    },
    /// Stop the running job (Esc or Ctrl-G while it runs).
    CancelJob,
    /// The dictionary is loaded, or why it is not.
    SpellLoaded(Box<super::spelling::SpellLoad>),
    /// The date changed while the program ran (days left, late marks).
    NewDay(crate::clock::Day),
    /// Show spellings for the word at the cursor.
    SpellSuggest,
    /// The dictionary's spellings for a word (asked in the background).
    Suggestions {
        word: String,
        found: Vec<String>,
    },
    /// A word went into a word list (the word, whether the workspace's),
    /// or why not.
    WordAdded(Result<(String, bool), String>),
    /// Return the follow-up under review (återsänd; asks first).
    ReturnFollowUp,
    /// Approve the follow-up under review (godkänd; asks first).
    ApproveFollowUp,
    /// Open the selected unit (overview) or period (period list) for review.
    ReviewUnit,
    /// The overview: only the units waiting for the user, or all.
    WaitingForMe,
    /// A review is loaded and can start.
    ReviewReady(
        Box<super::model::Session>,
        Box<super::review_mode::Reviewing>,
    ),
    /// The review's comments were written to their draft at this time.
    ReviewDraftSaved(u64),
    /// The review's comments could not be written (why).
    ReviewDraftFailed(String),
    /// The review was committed: the short id and the outcome, or why not.
    ReviewCommitted(Result<(String, super::review_mode::Verdict), String>),
    /// Review mode is left (its draft written first).
    ReviewLeft,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Leave the program (after the draft is flushed).
    Quit,
    /// Write the draft, then leave; if it cannot be written, say so
    /// (`Action::DraftFailed`) and stay.
    SaveThenQuit,
    /// Leave, and print the draft on stdout once the terminal is restored.
    QuitPrintingDraft,
    /// Leave, and print the review's comments on stdout likewise (their
    /// draft could not be written).
    QuitPrintingComments,
    /// Write the draft to this path (typed by the chief).
    WriteDraftTo(String),
    /// Keep a closing note whose deviation is no longer offered in a file
    /// of its own (then `Action::NoteKeptAside`).
    KeepNoteAside(Box<crate::followup::draft::ClosingNote>),
    /// Sync with the remote; `keep` settles conflicts (path, keep local).
    Sync { keep: Vec<(String, bool)> },
    /// Look up the history of a goal of the session's unit.
    LoadTimeline { unit: String, goal: String },
    /// Read the overview across units (None: the period due next).
    LoadOverview(Option<Period>),
    /// Read every plan in the background (then `Action::PlansRead`,
    /// which carries `period` on).
    ReadPlans { period: Option<Period> },
    /// Stop the running background job.
    CancelJob,
    /// Look up the periods of a plan (committed status, drafts).
    LoadPeriods(usize),
    /// Start a session: load the draft or the committed follow-up.
    OpenSession { plan: usize, period: Period },
    /// Write the draft now (a commit or quit is coming).
    SaveDraftNow,
    /// Set the draft file aside (kept, not deleted).
    DiscardDraft,
    /// Edit this text in $EDITOR.
    ExternalEditor(String),
    /// Ask the dictionary for spellings of this word, in the background
    /// (`Action::Suggestions`).
    Suggest(String),
    /// Add a word to the workspace's word list (`shared`: committed) or
    /// to the user's own.
    AddWord { word: String, shared: bool },
    /// Open a unit's committed follow-up of `period` for review.
    OpenReview { plan: usize, period: Period },
    /// Write the review's comments to their draft, then leave review mode
    /// (`Action::ReviewLeft`).
    LeaveReview,
    /// Commit the review: returned or approved, with the comments.
    CommitReview(Box<super::review_mode::Decision>),
    /// Commit the follow-up with this status (a reopening has its reason).
    Commit {
        record: Box<FollowUp>,
        status: Status,
        reason: Option<String>,
    },
}

/// The result of a sync, as the core needs it.
#[derive(Debug, Clone)]
pub enum SyncResult {
    Done(String),
    Conflicts(Vec<super::overlay::ConflictView>),
    Failed(String),
    /// The workspace has no such remote: nothing to sync with yet.
    NoRemote(String),
}

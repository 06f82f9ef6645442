//! What each declared command does in the core: the `Action` a bound key
//! or a palette choice sends to `update`. The commands themselves (names,
//! descriptions, contexts) are declared once in `keymap::actions`; this
//! match covers every one of them, so a command declared without a meaning
//! does not compile. The keymap knows nothing of `Action`: the dependency
//! runs from `app` to `keymap` only.

use super::action::Action;
use crate::followup::Rating;
use crate::keymap::Command;

/// The action a command sends (`noop` sends none: it only unbinds keys).
pub fn action(c: Command) -> Option<Action> {
    Some(match c {
        Command::Noop => return None,
        Command::Quit => Action::Quit,
        Command::Help => Action::Help,
        Command::Palette => Action::Palette,
        Command::Jump => Action::Jump,
        Command::Up => Action::Up,
        Command::Down => Action::Down,
        Command::PageUp => Action::PageUp,
        Command::PageDown => Action::PageDown,
        Command::Top => Action::Top,
        Command::Bottom => Action::Bottom,
        Command::Open | Command::Edit => Action::Open,
        Command::Back | Command::FinishEdit => Action::Back,
        Command::DeleteBack => Action::DeleteBack,
        Command::NextField => Action::NextField,
        Command::PrevField => Action::PrevField,
        Command::NextGoal => Action::NextGoal,
        Command::PrevGoal => Action::PrevGoal,
        Command::ChoiceNext => Action::Right,
        Command::ChoicePrev => Action::Left,
        Command::RateFull => Action::Rate(Rating::Full),
        Command::RatePartial => Action::Rate(Rating::Partial),
        Command::RateNot => Action::Rate(Rating::Not),
        Command::RateUnassessed => Action::Rate(Rating::NotAssessed),
        Command::AddDeviation => Action::AddDeviation,
        Command::DeleteDeviation => Action::DeleteDeviation,
        Command::ExternalEditor => Action::ExternalEditor,
        Command::ScrollPlanDown => Action::ScrollContextDown,
        Command::ScrollPlanUp => Action::ScrollContextUp,
        Command::Review => Action::Review,
        Command::Waive => Action::Waive,
        Command::CommitDraft => Action::CommitDraft,
        Command::Reopen => Action::Reopen,
        Command::CopyPrevious => Action::CopyPrevious,
        Command::Timeline => Action::Timeline,
        Command::Sync => Action::Sync,
        Command::CancelEdit => Action::CancelEdit,
        Command::Undo => Action::Undo,
        Command::Redo => Action::Redo,
        Command::KeepLocal => Action::KeepSide(true),
        Command::KeepRemote => Action::KeepSide(false),
        Command::CommitDone => Action::CommitDone,
        Command::ResumeDraft => Action::ResumeDraft,
        Command::DiscardDraft => Action::DiscardDraft,
        Command::Overview => Action::Overview,
        Command::NextPeriod => Action::StepPeriod(1),
        Command::PrevPeriod => Action::StepPeriod(-1),
        Command::Yes => Action::Confirm(true),
        Command::No => Action::Confirm(false),
        Command::NextButton => Action::NextButton,
        Command::PrevButton => Action::PrevButton,
        Command::PressButton => Action::PressButton,
        Command::ShowReport => Action::ShowReport,
        Command::CarryOver => Action::CarryOver,
        Command::CarryConfirm => Action::CarryConfirm,
        Command::CarryClose => Action::CarryClose,
        Command::CarryDrop => Action::CarryDrop,
        Command::TogglePrevious => Action::TogglePrevious,
        Command::SpellSuggest => Action::SpellSuggest,
        Command::ReturnFollowUp => Action::ReturnFollowUp,
        Command::ApproveFollowUp => Action::ApproveFollowUp,
        Command::ReviewUnit => Action::ReviewUnit,
        Command::WaitingForMe => Action::WaitingForMe,
    })
}

/// The action of a command named as in keymap files (None: no such
/// command, or `noop`).
pub fn to_action(name: &str) -> Option<Action> {
    Command::from_name(name).and_then(action)
}

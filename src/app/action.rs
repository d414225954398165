//! Everything the user can ask for. Key bindings name these (see
//! `assets/keymap.ron`), so every variant that a key can trigger is a plain
//! name with a description for the help screen.

use crate::i18n::tr;
use crate::model::Timestamp;
use ratatui::crossterm::event::KeyEvent;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    // Everywhere
    Help,
    Quit,
    SaveNow,
    SaveAs,
    Suspend,
    Back,
    NextPane,
    PrevPane,
    // Moving around
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Select,
    // Screens
    GoHome,
    GoSetup,
    GoFacilitate,
    GoNotes,
    Projector,
    // Home
    OpenDemo,
    NewSession,
    ForgetSession,
    // Timer and agenda
    TimerToggle,
    NextStep,
    PrevStep,
    AddMinute,
    RemoveMinute,
    NextStage,
    PrevStage,
    // Editing lists
    NewNote,
    NewSticky,
    Add,
    Edit,
    Delete,
    MoveUp,
    MoveDown,
    Cycle,
    CycleBack,
    // Text fields and editors
    Submit,
    Cancel,
    NextField,
    PrevField,
    // Board, capture, voting, search, history
    GoBoard,
    Undo,
    Redo,
    Search,
    Comment,
    Export,
    Mark,
    MoveTo,
    NewCluster,
    Split,
    Rename,
    Merge,
    Park,
    SortVotes,
    Vote,
    VoteAdd,
    VoteRemove,
    Tally,
    NextParticipant,
    PrevParticipant,
    Results,
    Suggest,
    Looser,
    Tighter,
    Reject,
    Conflicts,
    TakeOther,
    KeepThis,
    Attach,
    NewPrototype,
    Verdict,
    Feedback,
    /// What the current prototype tests, then its hypothesis.
    EditPrototype,
    NextPrototype,
    CycleColour,
    /// Mark the selected note or sticky private (left out of exports), or public again.
    TogglePrivate,
    // Collecting stickies from phones, the pending tray
    Collect,
    OpenTray,
    AcceptSticky,
    RejectSticky,
    AcceptAllStickies,
    AutoAccept,
    CollectNames,
    /// The actions screen: who does what by when.
    GoActions,
    /// Turn the selected note, sticky or cluster into an action.
    MakeAction,
    /// Add a break (or lunch) to the agenda after the selected stage.
    AddBreak,
    /// Send the selected or marked stickies to the Nth cluster, as the
    /// board numbers them (the cursor stays where it was).
    ToCluster(u8),
    /// In a voting round: dots go to clusters (`+` on a sticky of a
    /// cluster votes for the cluster), or to stickies.
    VoteOnClusters,
    /// In a voting round with no ballot from phones yet: its ballots are
    /// anonymous, or ask for a name again.
    ToggleAnonymous,
    /// Open a new voting round (dots, cap, `a`, `s`), even when the
    /// session has rounds already (`v` resumes the last one).
    NewRound,
    /// Does nothing: bind a key to it to unbind a default.
    Ignore,
}

impl Action {
    /// What the action does, for the help screen, in `lang`.
    pub fn describe(self, lang: &str) -> String {
        use Action::*;
        match self {
            Help => tr(lang, "action-help"),
            Quit => tr(lang, "action-quit"),
            SaveNow => tr(lang, "action-save-now"),
            SaveAs => tr(lang, "action-save-as"),
            Suspend => tr(lang, "action-suspend"),
            Back => tr(lang, "action-back"),
            NextPane => tr(lang, "action-next-pane"),
            PrevPane => tr(lang, "action-prev-pane"),
            Up => tr(lang, "action-up"),
            Down => tr(lang, "action-down"),
            Left => tr(lang, "action-left"),
            Right => tr(lang, "action-right"),
            PageUp => tr(lang, "action-page-up"),
            PageDown => tr(lang, "action-page-down"),
            Top => tr(lang, "action-top"),
            Bottom => tr(lang, "action-bottom"),
            Select => tr(lang, "action-select"),
            GoHome => tr(lang, "action-go-home"),
            GoSetup => tr(lang, "action-go-setup"),
            GoFacilitate => tr(lang, "action-go-facilitate"),
            GoNotes => tr(lang, "action-go-notes"),
            Projector => tr(lang, "action-projector"),
            OpenDemo => tr(lang, "action-open-demo"),
            NewSession => tr(lang, "action-new-session"),
            ForgetSession => tr(lang, "action-forget-session"),
            TimerToggle => tr(lang, "action-timer-toggle"),
            NextStep => tr(lang, "action-next-step"),
            PrevStep => tr(lang, "action-prev-step"),
            AddMinute => tr(lang, "action-add-minute"),
            RemoveMinute => tr(lang, "action-remove-minute"),
            NextStage => tr(lang, "action-next-stage"),
            PrevStage => tr(lang, "action-prev-stage"),
            NewNote => tr(lang, "action-new-note"),
            NewSticky => tr(lang, "action-new-sticky"),
            Add => tr(lang, "action-add"),
            Edit => tr(lang, "action-edit"),
            Delete => tr(lang, "action-delete"),
            MoveUp => tr(lang, "action-move-up"),
            MoveDown => tr(lang, "action-move-down"),
            Cycle => tr(lang, "action-cycle"),
            CycleBack => tr(lang, "action-cycle-back"),
            Submit => tr(lang, "action-submit"),
            Cancel => tr(lang, "action-cancel"),
            NextField => tr(lang, "action-next-field"),
            PrevField => tr(lang, "action-prev-field"),
            GoBoard => tr(lang, "action-go-board"),
            Undo => tr(lang, "action-undo"),
            Redo => tr(lang, "action-redo"),
            Search => tr(lang, "action-search"),
            Comment => tr(lang, "action-comment"),
            Export => tr(lang, "action-export"),
            Mark => tr(lang, "action-mark"),
            MoveTo => tr(lang, "action-move-to"),
            NewCluster => tr(lang, "action-new-cluster"),
            Split => tr(lang, "action-split"),
            Rename => tr(lang, "action-rename"),
            Merge => tr(lang, "action-merge"),
            Park => tr(lang, "action-park"),
            SortVotes => tr(lang, "action-sort-votes"),
            Vote => tr(lang, "action-vote"),
            VoteAdd => tr(lang, "action-vote-add"),
            VoteRemove => tr(lang, "action-vote-remove"),
            Tally => tr(lang, "action-tally"),
            NextParticipant => tr(lang, "action-next-participant"),
            PrevParticipant => tr(lang, "action-prev-participant"),
            Results => tr(lang, "action-results"),
            Suggest => tr(lang, "action-suggest"),
            Looser => tr(lang, "action-looser"),
            Tighter => tr(lang, "action-tighter"),
            Reject => tr(lang, "action-reject"),
            Conflicts => tr(lang, "action-conflicts"),
            TakeOther => tr(lang, "action-take-other"),
            KeepThis => tr(lang, "action-keep-this"),
            Attach => tr(lang, "action-attach"),
            NewPrototype => tr(lang, "action-new-prototype"),
            Verdict => tr(lang, "action-verdict"),
            Feedback => tr(lang, "action-feedback"),
            EditPrototype => tr(lang, "action-edit-prototype"),
            NextPrototype => tr(lang, "action-next-prototype"),
            CycleColour => tr(lang, "action-cycle-colour"),
            TogglePrivate => tr(lang, "action-toggle-private"),
            Collect => tr(lang, "action-collect"),
            OpenTray => tr(lang, "action-open-tray"),
            AcceptSticky => tr(lang, "action-accept-sticky"),
            RejectSticky => tr(lang, "action-reject-sticky"),
            AcceptAllStickies => tr(lang, "action-accept-all-stickies"),
            AutoAccept => tr(lang, "action-auto-accept"),
            CollectNames => tr(lang, "action-collect-names"),
            GoActions => tr(lang, "action-go-actions"),
            MakeAction => tr(lang, "action-make-action"),
            AddBreak => tr(lang, "action-add-break"),
            ToCluster(_) => tr(lang, "action-to-cluster"),
            VoteOnClusters => tr(lang, "action-vote-on-clusters"),
            ToggleAnonymous => tr(lang, "action-toggle-anonymous"),
            NewRound => tr(lang, "action-new-round"),
            Ignore => tr(lang, "action-ignore"),
        }
    }

    /// The help group the action is listed in, and its rank there: every
    /// action has one (the match names them all, so a new one cannot be
    /// left out).
    // long: data table
    pub fn group(self) -> (HelpGroup, u8) {
        match self {
            Self::Up => (G::Moving, 0),
            Self::Down => (G::Moving, 1),
            Self::Left => (G::Moving, 2),
            Self::Right => (G::Moving, 3),
            Self::PageUp => (G::Moving, 4),
            Self::PageDown => (G::Moving, 5),
            Self::Top => (G::Moving, 6),
            Self::Bottom => (G::Moving, 7),
            Self::Select => (G::Moving, 8),
            Self::NextPane => (G::Moving, 9),
            Self::PrevPane => (G::Moving, 10),
            Self::Back => (G::Moving, 11),
            Self::GoHome => (G::Screens, 0),
            Self::GoSetup => (G::Screens, 1),
            Self::GoFacilitate => (G::Screens, 2),
            Self::GoNotes => (G::Screens, 3),
            Self::GoBoard => (G::Screens, 4),
            Self::GoActions => (G::Screens, 5),
            Self::Projector => (G::Screens, 6),
            Self::Search => (G::Screens, 7),
            Self::Help => (G::Screens, 8),
            Self::TimerToggle => (G::Timer, 0),
            Self::NextStep => (G::Timer, 1),
            Self::PrevStep => (G::Timer, 2),
            Self::NextStage => (G::Timer, 3),
            Self::PrevStage => (G::Timer, 4),
            Self::AddMinute => (G::Timer, 5),
            Self::RemoveMinute => (G::Timer, 6),
            Self::AddBreak => (G::Timer, 7),
            Self::NewSticky => (G::Capture, 0),
            Self::NewNote => (G::Capture, 1),
            Self::CycleColour => (G::Capture, 2),
            Self::Collect => (G::Capture, 3),
            Self::OpenTray => (G::Capture, 4),
            Self::AcceptSticky => (G::Capture, 5),
            Self::RejectSticky => (G::Capture, 6),
            Self::AcceptAllStickies => (G::Capture, 7),
            Self::AutoAccept => (G::Capture, 8),
            Self::CollectNames => (G::Capture, 9),
            Self::Comment => (G::Capture, 10),
            Self::Mark => (G::Board, 0),
            Self::ToCluster(_) => (G::Board, 1),
            Self::MoveTo => (G::Board, 2),
            Self::NewCluster => (G::Board, 3),
            Self::Split => (G::Board, 4),
            Self::Rename => (G::Board, 5),
            Self::Merge => (G::Board, 6),
            Self::Park => (G::Board, 7),
            Self::SortVotes => (G::Board, 8),
            Self::Suggest => (G::Board, 9),
            Self::Tighter => (G::Board, 10),
            Self::Looser => (G::Board, 11),
            Self::Reject => (G::Board, 12),
            Self::TogglePrivate => (G::Board, 13),
            Self::Vote => (G::Voting, 0),
            Self::NewRound => (G::Voting, 1),
            Self::VoteAdd => (G::Voting, 2),
            Self::VoteRemove => (G::Voting, 3),
            Self::VoteOnClusters => (G::Voting, 4),
            Self::ToggleAnonymous => (G::Voting, 5),
            Self::NextParticipant => (G::Voting, 6),
            Self::PrevParticipant => (G::Voting, 7),
            Self::Tally => (G::Voting, 8),
            Self::Results => (G::Voting, 9),
            Self::Add => (G::Editing, 0),
            Self::Edit => (G::Editing, 1),
            Self::Delete => (G::Editing, 2),
            Self::MakeAction => (G::Editing, 3),
            Self::MoveUp => (G::Editing, 4),
            Self::MoveDown => (G::Editing, 5),
            Self::Cycle => (G::Editing, 6),
            Self::CycleBack => (G::Editing, 7),
            Self::Submit => (G::Editing, 8),
            Self::Cancel => (G::Editing, 9),
            Self::NextField => (G::Editing, 10),
            Self::PrevField => (G::Editing, 11),
            Self::Undo => (G::Editing, 12),
            Self::Redo => (G::Editing, 13),
            Self::SaveNow => (G::Files, 0),
            Self::SaveAs => (G::Files, 1),
            Self::Export => (G::Files, 2),
            Self::Attach => (G::Files, 3),
            Self::NewPrototype => (G::Files, 4),
            Self::EditPrototype => (G::Files, 5),
            Self::Verdict => (G::Files, 6),
            Self::Feedback => (G::Files, 7),
            Self::NextPrototype => (G::Files, 8),
            Self::Conflicts => (G::Files, 9),
            Self::KeepThis => (G::Files, 10),
            Self::TakeOther => (G::Files, 11),
            Self::OpenDemo => (G::Files, 12),
            Self::NewSession => (G::Files, 13),
            Self::ForgetSession => (G::Files, 14),
            Self::Suspend => (G::Files, 15),
            Self::Quit => (G::Files, 16),
            // Never listed: a key bound to it leaves the keymap.
            Self::Ignore => (G::Files, u8::MAX),
        }
    }
}

use self::HelpGroup as G;

/// The groups help lists actions in, in the order it shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HelpGroup {
    Moving,
    Screens,
    Timer,
    Capture,
    Board,
    Voting,
    Editing,
    Files,
}

impl HelpGroup {
    /// The Fluent key of the group's heading.
    pub fn key(self) -> &'static str {
        match self {
            HelpGroup::Moving => "help-group-moving",
            HelpGroup::Screens => "help-group-screens",
            HelpGroup::Timer => "help-group-timer",
            HelpGroup::Capture => "help-group-capture",
            HelpGroup::Board => "help-group-board",
            HelpGroup::Voting => "help-group-voting",
            HelpGroup::Editing => "help-group-editing",
            HelpGroup::Files => "help-group-files",
        }
    }
}

/// What reaches `update`: a named action, a key for a focused text field,
/// pasted text, or a timer tick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    Do(Action),
    /// A key press for the focused text field.
    Key(KeyEvent),
    Paste(String),
    /// Time passed (only sent while a timer runs or a message fades).
    Tick,
    Resize,
    /// Stickies arrived from phones (the run loop polls the collector).
    Incoming(Vec<crate::collect::Incoming>),
    /// Ballots arrived from phones (the run loop polls the collector).
    Ballots(Vec<crate::collect::CastBallot>),
    /// Collecting started (what to show), or could not start, or stopped
    /// on its own (why).
    Collecting(Result<super::state::CollectView, String>),
    /// Files copied into the session's media folder (or why not).
    Attached(Result<Vec<crate::model::Attachment>, String>),
    /// Completions of a path typed in the attach field.
    Completed(String, Vec<String>),
    /// Save-as was refused: a file is already at this path (the run loop
    /// looked; update never reads the disk).
    SaveAsTaken(std::path::PathBuf),
    /// The app is about to leave (a signal, the terminal closed): what open
    /// fields hold is kept as drafts.
    Closing,
    /// Cluster suggestions computed on a worker thread, for the request of
    /// this number.
    Suggested(u64, Vec<crate::model::suggest::Suggestion>),
    /// What a performed effect came back with (see `effect::Done`).
    Done(super::effect::Done),
}

/// How the last save went, as the status line tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveReport {
    Saved(Timestamp),
    Conflict(String),
    Failed(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_actions_once_left_to_the_last_help_group_have_their_own() {
        assert_eq!(Action::GoActions.group().0, HelpGroup::Screens);
        assert_eq!(Action::MakeAction.group().0, HelpGroup::Editing);
        assert_eq!(Action::AddBreak.group().0, HelpGroup::Timer);
        // Beside their neighbours, not after everything else.
        assert_eq!(Action::GoActions.group().1, Action::GoBoard.group().1 + 1);
        assert_eq!(Action::MakeAction.group().1, Action::Delete.group().1 + 1);
    }
}

//! Everything the user can ask for. Key bindings name these (see
//! `assets/keymap.ron`), so every variant that a key can trigger is a plain
//! name with a description for the help screen.

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
    CycleColour,
    /// Does nothing: bind a key to it to unbind a default.
    Ignore,
}

impl Action {
    /// What the action does, for the help screen.
    pub fn describe(self) -> &'static str {
        use Action::*;
        match self {
            Help => "show or hide this help",
            Quit => "quit (saving first)",
            SaveNow => "save now",
            SaveAs => "save as: move the session to another file (when its disk fails)",
            Suspend => "suspend atelier (fg in the shell resumes it)",
            Back => "back, or cancel",
            NextPane => "next pane",
            PrevPane => "previous pane",
            Up => "move up",
            Down => "move down",
            Left => "left / previous choice",
            Right => "right / next choice",
            PageUp => "page up",
            PageDown => "page down",
            Top => "go to the top",
            Bottom => "go to the bottom",
            Select => "open / choose / jump to",
            GoHome => "home screen",
            GoSetup => "session setup: details, participants, agenda",
            GoFacilitate => "facilitation view",
            GoNotes => "notes, by stage",
            Projector => "projector view (big timer)",
            OpenDemo => "open a fresh copy of the demo",
            NewSession => "new session (from a template or empty)",
            TimerToggle => "start or pause the timer",
            NextStep => "next step",
            PrevStep => "previous step",
            AddMinute => "add a minute",
            RemoveMinute => "remove a minute",
            NextStage => "next stage",
            PrevStage => "previous stage",
            NewNote => "new note in the current stage",
            NewSticky => "new sticky notes",
            Add => "add",
            Edit => "edit",
            Delete => "delete",
            MoveUp => "move up in the list",
            MoveDown => "move down in the list",
            Cycle => "change (next value)",
            CycleBack => "change (previous value)",
            Submit => "save and close",
            Cancel => "cancel",
            NextField => "next field",
            PrevField => "previous field",
            GoBoard => "the board: clusters, inbox, parking lot",
            Undo => "undo the last change",
            Redo => "redo what was undone",
            Search => "search stickies and notes (accents ignored)",
            Comment => "add a review comment (kept apart from the workshop)",
            Mark => "mark or unmark a sticky (multi-selection)",
            MoveTo => "move the selected or marked stickies to…",
            NewCluster => "new cluster from the selected or marked stickies",
            Split => "split: the marked stickies leave for a new cluster",
            Rename => "rename the cluster (or edit the sticky)",
            Merge => "merge this cluster into another",
            Park => "send to the parking lot (or back to the inbox)",
            SortVotes => "sort stickies by votes (or back to their order)",
            Vote => "start or stop recording a dot vote",
            VoteAdd => "give one dot (voting)",
            VoteRemove => "take one dot back (voting)",
            Tally => "type the tally of a paper dot vote for this item",
            NextParticipant => "next participant (voting) / next author",
            PrevParticipant => "previous participant (voting) / previous author",
            Results => "vote results, ranked",
            CycleColour => "next colour",
            Ignore => "nothing (unbound)",
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
    /// The background saver reports.
    Saved(SaveReport),
    Resize,
}

/// How the last save went, as the status line tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveReport {
    Saved(Timestamp),
    Conflict(String),
    Failed(String),
}

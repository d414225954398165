//! Effects: work for the run loop (disk, terminal, clock), as data.

use crate::model::Id;
use std::path::PathBuf;

/// Work for the run loop: everything that touches disk, terminal or clock.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// The session changed: save it in the background.
    Save,
    /// Save now and report (Ctrl-s).
    SaveNow,
    /// Ring the terminal bell.
    Bell,
    /// Open a session file.
    Open {
        path: PathBuf,
        read_only: bool,
    },
    /// Create a session and open it.
    Create {
        title: String,
        template: Option<String>,
    },
    OpenDemo,
    /// Close the open session (after its last save).
    Close,
    /// Reread the list of sessions.
    RefreshSessions,
    /// Save the session to another path from now on (or a copy, when read-only).
    SaveAs(PathBuf),
    /// Stop the process (Ctrl-z) and restore the terminal on resume.
    Suspend,
    /// A review comment was added: write the comments section only.
    SaveComments,
    /// Keep the reviewer's name (asked once) as `name` in config.ron.
    RememberName(String),
    /// Write an export of the open session (in the background).
    Export {
        format: crate::export::Format,
        anonymize: bool,
        /// Keep private notes and stickies.
        include_private: bool,
        path: PathBuf,
    },
    /// Copy a file (or a folder's media) into the session's media folder.
    Attach {
        path: PathBuf,
        to: Option<Id>,
    },
    /// List the completions of a path typed in a field.
    Complete(String),
    /// Start collecting stickies from phones (see `app::collect`).
    StartCollect {
        prompt: String,
        step_title: String,
        lang: String,
        anonymous_only: bool,
    },
    /// Stop collecting: the port closes.
    StopCollect,
    /// The current step changed while collecting: the page follows.
    CollectPrompt {
        step_title: String,
        prompt: String,
    },
    /// Hide (true) or show the page's name field.
    CollectAnonymous(bool),
    /// Show the phones this voting round's ballot (or, closed, that the
    /// vote is closed); `None`: the sticky form again.
    PublishRound(Option<crate::collect::RoundInfo>),
    /// How many ballots are in (the ballot page says it).
    Turnout(usize),
    /// Suggest clusters on a worker thread (a large scope): the result comes
    /// back as `Msg::Suggested` with this request number.
    Suggest {
        request: u64,
        session: std::sync::Arc<crate::model::Session>,
        scope: crate::model::suggest::Scope,
        threshold: f32,
    },
    Quit,
}

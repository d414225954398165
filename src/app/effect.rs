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
    /// Keep these as the sessions taken off the home list (the files stay).
    HideSessions(Vec<PathBuf>),
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

/// What a performed effect came back with: the run loop (`perform.rs`) or
/// a worker thread sends it to `update` as `Msg::Done`, and `update`
/// (`outcome.rs`) changes the app. The edge never changes `App` itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Done {
    /// The saver thread wrote (or failed to write) this generation.
    Saved(u64, crate::app::action::SaveReport),
    /// Save-as: the session is saved at this path from now on.
    MovedTo(PathBuf),
    /// A read-only session's copy was written here (or why not).
    CopySaved(Result<PathBuf, String>),
    /// A review comment was written to the file (or why not).
    CommentsSaved(Result<(), String>),
    /// The reviewer's name was kept in this config file (or why not).
    NameKept(Result<(String, PathBuf), String>),
    /// An export was written here (or why not).
    Exported(Result<PathBuf, String>),
    /// A session was opened (or created): the app shows it.
    Opened(Box<Opened>),
    /// The open session was closed after its last save.
    Closed,
    /// The last save failed: the session stays open (and keeps saving).
    StaysOpen(String),
    /// The list of sessions in the home folder, read again.
    Sessions(Vec<crate::store::SessionEntry>),
    /// The sessions taken off the home list were written down.
    Hidden,
    /// A reviewer's drafts were kept in their own file (or why not).
    DraftsKept(Result<(), String>),
    /// Leaving was asked but the last save did not land: say why, and
    /// leave on a second request.
    QuitRefused(String),
    /// An effect that could not be performed, and why (shown as a warning).
    Failed(String),
    /// Perform this effect now (after the messages sent before it, such as
    /// the last stickies a collector took before a session closes).
    Then(Box<Effect>),
}

/// `Session` compares floats (the suggestion threshold), so it is only
/// `PartialEq`; messages are compared in tests, never hashed.
impl Eq for Done {}

/// A session just opened, for `update` to install.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub session: crate::model::Session,
    /// The real file (links resolved once, by the store).
    pub path: PathBuf,
    /// Why it cannot be changed, when it cannot.
    pub read_only: Option<String>,
    pub review: bool,
    /// The drafts of its crash journal (or, reviewing, the reviewer's own).
    pub drafts: crate::store::journal::Drafts,
    /// What its crash journal remembered of the phones' ballots.
    pub ballots: crate::model::BallotMemory,
    /// What the crash journal brought back, to say.
    pub recovered: Option<String>,
    /// Made just now (`n` on the home screen): setup comes first.
    pub created: bool,
}

impl Opened {
    /// `session` opened from `path` as it is: writable, its journal empty.
    pub fn plain(session: crate::model::Session, path: PathBuf) -> Opened {
        Opened {
            session,
            path,
            read_only: None,
            review: false,
            drafts: Default::default(),
            ballots: Default::default(),
            recovered: None,
            created: false,
        }
    }
}

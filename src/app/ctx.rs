//! What `update` needs from the world, read once at start-up by the run
//! loop (`run.rs`) and never by the rooms: the home folder (for `~/` in
//! paths typed in fields) and the user's name (the author of a review
//! comment). Tests set it by hand.

use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ctx {
    /// The user's home folder (`HOME`), if known.
    pub home: Option<PathBuf>,
    /// The user's login name (`USER`), or empty.
    pub user: String,
    /// Who signs review comments (`--as`, else `name` in config.ron).
    pub reviewer: Option<String>,
    /// `next_step_starts_timer: false` in config.ron: `]` leaves the next
    /// step's timer ready even when the timer was running.
    pub next_step_waits: bool,
}

impl Ctx {
    /// A path typed in a field, `~/` standing for the home folder.
    pub fn typed_path(&self, value: &str) -> PathBuf {
        match (value.strip_prefix("~/"), &self.home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => PathBuf::from(value),
        }
    }

    /// The home folder, or the working folder when unknown.
    pub fn home_or_here(&self) -> &Path {
        self.home.as_deref().unwrap_or(Path::new("."))
    }
}

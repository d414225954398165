//! What `update` needs from the world, read once at start-up by the run
//! loop (`run.rs`) and never by the rooms: the home folder (for `~/` in
//! paths typed in fields) and the user's name (the author of a review
//! comment), and the lab's suggestion engine. Tests set it by hand.

use crate::model::suggest::Engine;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// The lab's suggestion engine (`commands::suggest_engine`, read at
    /// start-up): its thesaurus and model; the built-in one when unset.
    pub engine: Lab,
}

/// A suggestion engine shared with the worker threads that use it.
#[derive(Clone, Default)]
pub struct Lab(pub Option<Arc<Engine>>);

impl Lab {
    /// The lab's engine, else (none) the built-in one.
    pub fn new(engine: Option<Engine>) -> Lab {
        Lab(engine.map(Arc::new))
    }

    /// The engine to suggest with.
    pub fn engine(&self) -> &Engine {
        self.0.as_deref().unwrap_or_else(|| Engine::builtin())
    }
}

impl std::fmt::Debug for Lab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Lab(engine)"
        } else {
            "Lab(builtin)"
        })
    }
}

/// The same engine (not an equal one).
impl PartialEq for Lab {
    fn eq(&self, other: &Lab) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl Eq for Lab {}

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

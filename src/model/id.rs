//! Stable identifiers for every item of a session.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable, unique identifier: a UUID v7 in its hyphenated text form.
///
/// UUID v7 sorts by creation time, so ids of items created in a row keep
/// their order in a file, which keeps `git diff`s of sessions small.
/// Ids read from a file are kept as written (they are validated for
/// uniqueness, not for shape), so a hand-written id like `"stage-1"` works.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// A new, never-seen id.
    pub fn new() -> Self {
        Id(uuid::Uuid::now_v7().hyphenated().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Id {
    fn default() -> Self {
        Id::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_owned())
    }
}

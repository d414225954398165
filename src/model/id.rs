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

/// A source of new ids, deterministic from its seed: the same seed and the
/// same calls give the same ids, so `update` stays a function of its
/// messages. The run loop seeds one from a UUID v7 once at start-up (ids
/// then sort by creation time as before); tests seed a fixed value.
///
/// Each id is the seed with its 62 random low bits counted up, so ids stay
/// well-formed UUIDs (of the seed's version) and never repeat within a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids {
    seed: u128,
    taken: u64,
}

impl Ids {
    const LOW: u128 = (1 << 62) - 1;

    pub fn seeded(seed: u128) -> Ids {
        Ids { seed, taken: 0 }
    }

    /// Seeded from the clock and randomness (a UUID v7): for the run loop
    /// at start-up and the command line, never for `update` or the model
    /// (`tests/architecture.rs`).
    pub fn from_clock() -> Ids {
        Ids::seeded(uuid::Uuid::now_v7().as_u128())
    }

    /// The next id.
    pub fn next_id(&mut self) -> Id {
        self.taken += 1;
        let low = (self.seed & Self::LOW).wrapping_add(u128::from(self.taken)) & Self::LOW;
        let bits = (self.seed & !Self::LOW) | low;
        Id(uuid::Uuid::from_u128(bits).hyphenated().to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_ids_and_they_never_repeat() {
        let seed = 0x0190_0000_0000_7000_8000_0000_0000_0000;
        let (mut a, mut b) = (Ids::seeded(seed), Ids::seeded(seed));
        let ids: Vec<Id> = (0..100).map(|_| a.next_id()).collect();
        assert_eq!(ids, (0..100).map(|_| b.next_id()).collect::<Vec<_>>());
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 100);
        assert!(
            ids.iter()
                .all(|i| uuid::Uuid::parse_str(i.as_str()).is_ok())
        );
        assert_eq!(ids[0].as_str(), "01900000-0000-7000-8000-000000000001");
    }
}

//! Suggested clusters: stickies that say the same thing, grouped, with the
//! reasons for each group and a proposed title.
//!
//! Pure and deterministic (no I/O, no clock, no random source): the same
//! texts, engine and threshold always give the same suggestions. For each
//! sticky:
//!
//! 1. its words are folded (lowercase, accents removed) and its language
//!    (French or English) guessed from its stop words ([`words`]);
//! 2. its phrases and words are looked up in the thesaurus ([`thesaurus`],
//!    `assets/thesaurus.txt`, which a lab can extend) as written, by their
//!    Snowball stem, or as a typo of a listed word ([`fuzzy`]); a word the
//!    thesaurus does not know may still join the concept it is closest to
//!    in an optional embedding model ([`embed`]); the rest count as
//!    themselves, by their stem;
//! 3. each concept found counts, and so, a little less, do its broader
//!    concepts ("ventilateur" says cooling, and heat); stop words do not;
//! 4. the counts are weighted by TF-IDF into a vector of length 1, and
//!    stickies are compared by the cosine of their vectors ([`corpus`]);
//! 5. agglomerative clustering with average linkage merges groups while
//!    their average similarity is at least the threshold ([`cluster`]);
//!    groups of one are not suggested;
//! 6. each group is shown with the concepts and words that most of its
//!    stickies share, each by the words the group writes for it
//!    ("chaleur ~ heat ~ canicule"), and a title ([`explain`]).
//!
//! See `docs/suggestions.md`.

mod cluster;
mod corpus;
pub mod embed;
mod engine;
mod explain;
pub mod fuzzy;
pub mod thesaurus;
pub mod words;

pub use embed::Embeddings;
pub use engine::Engine;
pub use explain::SEPARATOR;
pub use thesaurus::{Thesaurus, ThesaurusError};

use super::{Id, Op, Place, Session};
use corpus::Corpus;
use words::Lang;

/// The threshold suggestions start from. Measured on the two labelled sets
/// of `tests/fixtures/suggest/` (see `docs/suggestions.md`).
pub const DEFAULT_THRESHOLD: f32 = 0.25;

/// How much one press of `+` or `-` tightens or loosens the threshold.
pub const THRESHOLD_STEP: f32 = 0.05;

/// One suggested cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The proposed title: the names of the group's strongest reasons
    /// ("Chaleur, fraîcheur").
    pub title: String,
    /// The reasons: each a concept or a word that at least half the
    /// stickies (and two at least) share, shown by the words they write for
    /// it, joined by " ~ " ("chaleur ~ heat ~ canicule"); most important
    /// first.
    pub words: Vec<String>,
    /// The stickies, in the order they were given.
    pub stickies: Vec<Id>,
}

/// Which stickies of a session suggestions are made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Stickies in no cluster and not parked.
    Inbox,
    /// Every sticky of the board (accepting a suggestion moves stickies out
    /// of their cluster or the parking lot).
    Board,
}

impl Session {
    /// Suggestions for the stickies of `scope`, in board order, with the
    /// built-in thesaurus.
    pub fn suggest_clusters(&self, scope: Scope, threshold: f32) -> Vec<Suggestion> {
        self.suggest_clusters_with(Engine::builtin(), scope, threshold)
    }

    /// Suggestions for the stickies of `scope` with `engine` (a thesaurus
    /// extended by the lab, a model). Titles are in the session's language.
    pub fn suggest_clusters_with(
        &self,
        engine: &Engine,
        scope: Scope,
        threshold: f32,
    ) -> Vec<Suggestion> {
        let texts: Vec<(Id, &str)> = self
            .stickies
            .iter()
            .filter(|s| scope == Scope::Board || s.place() == Place::Inbox)
            .map(|s| (s.id.clone(), s.text.as_str()))
            .collect();
        let lang = self.language.as_deref().and_then(Lang::from_code);
        engine.run(&texts, threshold, lang)
    }

    /// The ops that accept a suggestion: a new cluster titled as suggested,
    /// last on the board, holding the suggested stickies. Applied together
    /// they are one undoable step. Empty when none of the stickies is on the
    /// board any more.
    pub fn ops_for(&self, s: &Suggestion, stage: Option<Id>, id: Id) -> Vec<Op> {
        let ids: Vec<Id> = s
            .stickies
            .iter()
            .filter(|id| self.sticky(id).is_some())
            .cloned()
            .collect();
        if ids.is_empty() {
            return Vec::new();
        }
        self.new_cluster(&s.title, stage, &ids, None, id).1
    }
}

/// Group `texts` by what they say, with the built-in thesaurus.
///
/// `threshold` is the least average cosine similarity between two groups
/// for them to merge: higher gives fewer, tighter suggestions; lower gives
/// more and larger ones. Stickies that share nothing are never grouped,
/// whatever the threshold (a threshold of 0 or less, or NaN, acts as the
/// smallest positive one). Suggestions come largest first, then by their
/// first sticky; within one, stickies keep the order of `texts`.
pub fn suggest(texts: &[(Id, &str)], threshold: f32) -> Vec<Suggestion> {
    Engine::builtin().suggest(texts, threshold)
}

impl Engine {
    /// As [`suggest`], with this engine; titles in the language most of
    /// the texts are in.
    pub fn suggest(&self, texts: &[(Id, &str)], threshold: f32) -> Vec<Suggestion> {
        self.run(texts, threshold, None)
    }

    fn run(&self, texts: &[(Id, &str)], threshold: f32, lang: Option<Lang>) -> Vec<Suggestion> {
        let threshold = if threshold > 0.0 {
            threshold
        } else {
            f32::MIN_POSITIVE
        };
        let corpus = Corpus::new(self, texts.iter().map(|(_, t)| *t), lang);
        let mut out: Vec<(usize, Suggestion)> = cluster::groups(&corpus, threshold)
            .into_iter()
            .map(|members| {
                let (title, words) = explain::explain(self, &corpus, &members);
                let stickies = members.iter().map(|&i| texts[i].0.clone()).collect();
                (
                    members[0],
                    Suggestion {
                        title,
                        words,
                        stickies,
                    },
                )
            })
            .collect();
        out.sort_by(|a, b| {
            b.1.stickies
                .len()
                .cmp(&a.1.stickies.len())
                .then(a.0.cmp(&b.0))
        });
        out.into_iter().map(|(_, s)| s).collect()
    }
}

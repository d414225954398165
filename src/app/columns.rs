//! The board as derived from the session for drawing: its columns, its
//! tallies and folded texts (`index.rs` keeps them up to date), and the
//! cards' wrapped lines kept across frames. Data only.

use crate::model::Id;

/// A board column, derived from the session.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub place: crate::model::Place,
    pub title: String,
    /// Indices into the session's stickies, in display order (filtered by search).
    pub stickies: Vec<usize>,
    /// All stickies in the column, before the search filter.
    pub total: usize,
}

/// What the board shows, derived from the session and rebuilt only when it
/// (or the search, or the sort) changes: never per frame.
#[derive(Debug, Default)]
pub struct BoardIndex {
    pub built_for: Option<(u64, String, bool)>,
    pub columns: Vec<Column>,
    pub tally: std::collections::HashMap<crate::model::Target, u32>,
    /// Folded sticky texts, for search.
    pub folded: Vec<String>,
    pub folded_notes: Vec<String>,
    /// The notes screen's visible notes, for (generation, stage, query).
    pub notes_for: Option<(u64, usize, String)>,
    pub notes_visible: Vec<usize>,
    /// Session generation the folded texts are for.
    pub folded_for: Option<u64>,
    /// The column of each cluster, for edits that follow ops.
    pub cluster_col: std::collections::HashMap<Id, usize>,
    /// Index entries visited by the last rebuild or edit (a count that
    /// tests compare across sizes: an edit's does not grow with the board).
    pub work: usize,
    /// The cards' wrapped lines, kept across frames.
    pub cards: CardLines,
}

/// The board's cards as wrapped for drawing, kept across frames: by
/// sticky, with the width and text they were wrapped from (an edited text
/// or a new width is wrapped again). The drawing fills it through `&`:
/// what it holds is a function of the session and the width.
#[derive(Debug, Default)]
pub struct CardLines(std::cell::RefCell<CardMap>);

type CardMap = std::collections::HashMap<Id, (usize, String, std::sync::Arc<[String]>)>;

impl CardLines {
    /// At most this many cards are kept.
    const KEEP: usize = 4096;

    /// The lines of the card of sticky `id`, `text` wrapped to `width` by
    /// `wrap` unless it already was.
    pub fn get(
        &self,
        id: &Id,
        width: usize,
        text: &str,
        wrap: impl FnOnce() -> Vec<String>,
    ) -> std::sync::Arc<[String]> {
        let Ok(mut map) = self.0.try_borrow_mut() else {
            return wrap().into();
        };
        if let Some((w, t, lines)) = map.get(id)
            && *w == width
            && t == text
        {
            return lines.clone();
        }
        if map.len() >= Self::KEEP {
            map.clear();
        }
        let lines: std::sync::Arc<[String]> = wrap().into();
        map.insert(id.clone(), (width, text.to_owned(), lines.clone()));
        lines
    }
}

/// The projector's wall as derived from the session: the public stickies
/// of each cluster (in board order) and of the inbox. Built once per
/// change of the session while the wall is projected (`rooms::wall`), so
/// that a frame and a key cost what is on screen. The board's columns
/// cannot serve: they follow the board's search and sort and hold the
/// private stickies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WallView {
    /// The session's generation it was built for.
    pub built_for: Option<u64>,
    /// Indices into the session's stickies: one list per cluster, in the
    /// session's order of clusters.
    pub clusters: Vec<Vec<usize>>,
    pub inbox: Vec<usize>,
    /// The most cards in one column, the inbox included.
    pub most: usize,
    /// How many times it was built (tests compare it across keys).
    pub builds: u64,
}

/// The ranked results of a round as derived from the session, for the
/// results popup (`R`) and the projector (`p` from it): the ranking, each
/// item with where it is in the session. Built once per change of the
/// session or of the round shown while they are shown (`rooms::wall`),
/// so that a frame and a key cost what is on screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResultsView {
    /// The session's generation and the round it was built for.
    pub built_for: Option<(u64, Option<Id>)>,
    /// [`crate::model::Session::ranking`] of the round, each item with its
    /// index in the session's stickies (a sticky's) or clusters (a
    /// cluster's); `None` when it is not in the session.
    pub rows: Vec<(crate::model::Ranked, Option<usize>)>,
    /// How many times it was built (tests compare it across keys).
    pub builds: u64,
}

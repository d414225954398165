//! The board's derived view (columns, visible stickies, cursor) and the
//! selection queries rooms share. Imports no room.

use crate::app::state::*;
use crate::i18n::tr;
use crate::model::text::fold;
use crate::model::{Id, Place, Session, Target};
use std::collections::HashMap;

/// Rebuild the board's derived view if the session, search or sort changed.
pub fn refresh_index(app: &mut App) {
    let Some(doc) = app.doc.as_ref() else {
        app.index = BoardIndex::default();
        return;
    };
    let generation = doc.generation;
    let query = fold(app.search.input.value().trim());
    let key = (generation, query.clone(), app.board.sort_votes);
    let notes_key = (generation, app.notes.stage, query.clone());
    if app.index.notes_for.as_ref() != Some(&notes_key) {
        // The notes screen's list, kept with the board's: a key on the notes
        // list then costs the same whatever the number of notes.
        let s: &Session = &doc.session;
        if !query.is_empty() && app.index.folded_for != Some(generation) {
            app.index.folded = s.stickies.iter().map(|x| fold(&x.text)).collect();
            app.index.folded_notes = s.notes.iter().map(|n| fold(&n.text)).collect();
            app.index.folded_for = Some(generation);
        }
        app.index.notes_visible = app.compute_visible_notes();
        app.index.notes_for = Some(notes_key);
    }
    let Some(doc) = app.doc.as_ref() else { return };
    if app.index.built_for.as_ref() == Some(&key) {
        return;
    }
    let s: &Session = &doc.session;
    // Texts are folded for search only while there is a query: an edit with
    // no search going costs nothing per sticky.
    if !query.is_empty() && app.index.folded_for != Some(generation) {
        app.index.folded = s.stickies.iter().map(|x| fold(&x.text)).collect();
        app.index.folded_notes = s.notes.iter().map(|n| fold(&n.text)).collect();
        app.index.folded_for = Some(generation);
    }
    let tally = s.tally(None);
    let mut columns = Vec::with_capacity(s.clusters.len() + 2);
    columns.push(Column {
        place: Place::Inbox,
        title: tr(app.lang, "board-inbox"),
        stickies: Vec::new(),
        total: 0,
        votes: 0,
    });
    let mut cluster_col: HashMap<&Id, usize> = HashMap::with_capacity(s.clusters.len());
    for c in &s.clusters {
        cluster_col.insert(&c.id, columns.len());
        columns.push(Column {
            place: Place::Cluster(c.id.clone()),
            title: c.title.clone(),
            stickies: Vec::new(),
            total: 0,
            votes: tally
                .get(&Target::Cluster(c.id.clone()))
                .copied()
                .unwrap_or(0),
        });
    }
    let parking = columns.len();
    columns.push(Column {
        place: Place::Parking,
        title: tr(app.lang, "board-parking"),
        stickies: Vec::new(),
        total: 0,
        votes: 0,
    });
    for (i, x) in s.stickies.iter().enumerate() {
        let col = match (&x.cluster, x.parked) {
            (Some(c), _) => cluster_col.get(c).copied().unwrap_or(0),
            (None, true) => parking,
            (None, false) => 0,
        };
        columns[col].total += 1;
        if query.is_empty() || app.index.folded.get(i).is_some_and(|f| f.contains(&query)) {
            columns[col].stickies.push(i);
        }
    }
    if app.board.sort_votes {
        for c in &mut columns {
            c.stickies.sort_by_key(|&i| {
                std::cmp::Reverse(
                    tally
                        .get(&Target::Sticky(s.stickies[i].id.clone()))
                        .copied()
                        .unwrap_or(0),
                )
            });
        }
    }
    app.index.columns = columns;
    app.index.tally = tally;
    app.index.built_for = Some(key);
    clamp_cursor(app);
}

pub(crate) fn clamp_cursor(app: &mut App) {
    let n = app.index.columns.len();
    app.board.col = app.board.col.min(n.saturating_sub(1));
    let rows = app
        .index
        .columns
        .get(app.board.col)
        .map_or(0, |c| c.stickies.len());
    app.board.row = app.board.row.min(rows);
}

/// The sticky under the cursor (index into the session's stickies).
pub fn selected_sticky(app: &App) -> Option<usize> {
    let col = app.index.columns.get(app.board.col)?;
    app.board
        .row
        .checked_sub(1)
        .and_then(|r| col.stickies.get(r))
        .copied()
}

/// The marked stickies, or the one under the cursor.
pub(crate) fn selection(app: &App) -> Vec<Id> {
    if !app.board.marked.is_empty() {
        let s = app.session();
        // Keep board order.
        return s.map_or_else(Vec::new, |s| {
            s.stickies
                .iter()
                .filter(|x| app.board.marked.contains(&x.id))
                .map(|x| x.id.clone())
                .collect()
        });
    }
    selected_sticky(app)
        .and_then(|i| app.session().map(|s| s.stickies[i].id.clone()))
        .into_iter()
        .collect()
}

pub(crate) fn current_place(app: &App) -> Place {
    app.index
        .columns
        .get(app.board.col)
        .map_or(Place::Inbox, |c| c.place.clone())
}

pub(crate) fn current_cluster(app: &App) -> Option<Id> {
    match current_place(app) {
        Place::Cluster(id) => Some(id),
        _ => None,
    }
}

pub(crate) fn rows(app: &App) -> usize {
    app.index
        .columns
        .get(app.board.col)
        .map_or(0, |c| c.stickies.len())
}

//! The board's derived view (columns, visible stickies, cursor) and the
//! selection queries rooms share. Imports no room.

use crate::app::state::*;
use crate::i18n::tr;
use crate::model::text::fold;
use crate::model::{Id, Item, Kind, Op, Place, Session, Target, Traced};
use std::collections::HashMap;

/// What the board index is built for: the session's generation, the folded
/// query and the sort.
fn index_key(app: &App) -> Option<(u64, String, bool)> {
    let generation = app.doc.as_ref()?.generation;
    let query = fold(app.search.input.value().trim());
    // Sorted by votes only while the dots are shown: the order would tell them.
    let sort = app.board.sort_votes && app.counts_visible();
    Some((generation, query, sort))
}

/// Whether the index is up to date with the session as it is now: what
/// [`follow`] needs to be told before an edit.
pub(crate) fn index_fresh(app: &App) -> bool {
    index_key(app).is_some_and(|k| app.index.built_for.as_ref() == Some(&k))
}

/// Bring the index along with ops just applied to a session it was fresh
/// for (`was_fresh`, from [`index_fresh`] before the edit): an op touches
/// only its own sticky's columns and its vote's count. Anything it does not
/// follow (a cluster added or removed, a search or a sort going on) leaves
/// the index stale, for [`refresh_index`] to rebuild.
pub(crate) fn follow(app: &mut App, was_fresh: bool, traced: &[Traced]) {
    let Some((generation, query, sort)) = index_key(app) else {
        return;
    };
    if !was_fresh || !query.is_empty() || sort {
        return;
    }
    let notes_touched = traced
        .iter()
        .any(|t| matches!(item_kind(&t.op), Kind::Note | Kind::Stage));
    app.index.work = 0;
    for t in traced {
        if !follow_one(app, t) {
            app.index.built_for = None;
            return;
        }
    }
    app.index.built_for = Some((generation, query.clone(), sort));
    if !notes_touched
        && let Some(k) = app.index.notes_for.as_mut()
        && k.0 + 1 == generation
    {
        k.0 = generation;
    }
    clamp_cursor(app);
}

fn item_kind(op: &Op) -> Kind {
    match op {
        Op::Insert { item, .. } | Op::Replace(item) => item.kind(),
        Op::Remove { kind, .. } => *kind,
    }
}

/// Follow one op; false when the index cannot (it is then rebuilt).
fn follow_one(app: &mut App, t: &Traced) -> bool {
    match (&t.op, &t.inverse) {
        (Op::Replace(Item::Sticky(new)), Op::Replace(Item::Sticky(old))) => {
            let (from, to) = (column_of(app, &old.place()), column_of(app, &new.place()));
            if from != to {
                take(app, from, t.at);
                put(app, to, t.at);
            }
            true
        }
        (
            Op::Insert {
                item: Item::Sticky(x),
                ..
            },
            _,
        ) => {
            shift(app, t.at, true);
            let to = column_of(app, &x.place());
            put(app, to, t.at);
            true
        }
        (
            Op::Remove { .. },
            Op::Insert {
                item: Item::Sticky(x),
                ..
            },
        ) => {
            let from = column_of(app, &x.place());
            take(app, from, t.at);
            shift(app, t.at, false);
            true
        }
        (
            Op::Insert {
                item: Item::Vote(v),
                ..
            },
            _,
        ) => count(app, &v.target, v.count as i64),
        (
            Op::Remove { .. },
            Op::Insert {
                item: Item::Vote(v),
                ..
            },
        ) => count(app, &v.target, -(v.count as i64)),
        (Op::Replace(Item::Vote(new)), Op::Replace(Item::Vote(old))) => {
            count(app, &old.target, -(old.count as i64))
                && count(app, &new.target, new.count as i64)
        }
        (Op::Replace(Item::Cluster(new)), Op::Replace(Item::Cluster(_))) => {
            app.index.work += 1;
            match app.index.cluster_col.get(&new.id).copied() {
                Some(c) => {
                    if let Some(col) = app.index.columns.get_mut(c) {
                        col.title = new.title.clone();
                    }
                    true
                }
                None => false,
            }
        }
        // Clusters added or removed move every column after them.
        _ => !matches!(item_kind(&t.op), Kind::Cluster | Kind::Sticky | Kind::Vote),
    }
}

/// The column a sticky in `place` is shown in (an unknown cluster's in the
/// inbox, as [`refresh_index`] does).
fn column_of(app: &App, place: &Place) -> usize {
    match place {
        Place::Inbox => 0,
        Place::Parking => app.index.columns.len().saturating_sub(1),
        Place::Cluster(id) => app.index.cluster_col.get(id).copied().unwrap_or(0),
    }
}

/// Take sticky `i` out of column `c` (kept in board order).
fn take(app: &mut App, c: usize, i: usize) {
    let ix = &mut app.index;
    let Some(col) = ix.columns.get_mut(c) else {
        return;
    };
    col.total = col.total.saturating_sub(1);
    let work = &mut ix.work;
    if let Ok(p) = col.stickies.binary_search_by(|&x| {
        *work += 1;
        x.cmp(&i)
    }) {
        col.stickies.remove(p);
    }
}

/// Put sticky `i` into column `c`, in board order.
fn put(app: &mut App, c: usize, i: usize) {
    let ix = &mut app.index;
    let Some(col) = ix.columns.get_mut(c) else {
        return;
    };
    col.total += 1;
    let work = &mut ix.work;
    if let Err(p) = col.stickies.binary_search_by(|&x| {
        *work += 1;
        x.cmp(&i)
    }) {
        col.stickies.insert(p, i);
    }
}

/// A sticky was inserted at (or removed from) position `at`: the stickies
/// after it moved by one. Nothing to do for the last one (a capture, and
/// its undo), which is the common case.
fn shift(app: &mut App, at: usize, inserted: bool) {
    let last = app.session().map_or(0, |s| s.stickies.len());
    if (inserted && at + 1 >= last) || (!inserted && at >= last) {
        return;
    }
    for col in &mut app.index.columns {
        for x in &mut col.stickies {
            app.index.work += 1;
            if inserted && *x >= at {
                *x += 1;
            } else if !inserted && *x > at {
                *x -= 1;
            }
        }
    }
}

/// A vote of `n` dots came (or went, negative) on `target`.
fn count(app: &mut App, target: &Target, n: i64) -> bool {
    let ix = &mut app.index;
    ix.work += 1;
    let total = ix.tally.entry(target.clone()).or_insert(0);
    *total = (i64::from(*total) + n).max(0) as u32;
    if *total == 0 {
        ix.tally.remove(target);
    }
    true
}

/// Rebuild the board's derived view if the session, search or sort changed.
pub fn refresh_index(app: &mut App) {
    let Some(doc) = app.doc.as_ref() else {
        app.index = BoardIndex::default();
        return;
    };
    let generation = doc.generation;
    let query = fold(app.search.input.value().trim());
    let key = (
        generation,
        query.clone(),
        app.board.sort_votes && app.counts_visible(),
    );
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
    });
    let mut cluster_col: HashMap<Id, usize> = HashMap::with_capacity(s.clusters.len());
    for c in &s.clusters {
        cluster_col.insert(c.id.clone(), columns.len());
        columns.push(Column {
            place: Place::Cluster(c.id.clone()),
            title: c.title.clone(),
            stickies: Vec::new(),
            total: 0,
        });
    }
    let parking = columns.len();
    columns.push(Column {
        place: Place::Parking,
        title: tr(app.lang, "board-parking"),
        stickies: Vec::new(),
        total: 0,
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
    if key.2 {
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
    app.index.work = s.stickies.len() + s.clusters.len() + s.votes.len();
    app.index.columns = columns;
    app.index.tally = tally;
    app.index.cluster_col = cluster_col;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::effect::Effect;
    use crate::app::history::{commit, undo};
    use crate::app::keymap::Keymap;
    use crate::methods::Library;
    use crate::model::{Op, Timestamp};
    use crate::store::Home;
    use std::path::Path;

    fn now() -> Timestamp {
        Timestamp::from_unix(1_781_253_000).unwrap()
    }

    fn board(n: usize) -> App {
        let home = Home::under(Path::new("/nonexistent/atelier-test"));
        let mut app = App::new(home, Library::bundled(), Keymap::defaults(), "en", now());
        let session = crate::generate::session(n, 1);
        app.doc = Some(Doc::new(session, "generated.ron".into()));
        app.screen = Screen::Board;
        refresh_index(&mut app);
        app
    }

    /// The index as a full rebuild makes it: what a followed edit must equal.
    fn rebuilt(app: &mut App) -> (Vec<Column>, Vec<(Target, u32)>) {
        let snapshot = |app: &App| {
            let mut tally: Vec<(Target, u32)> = app
                .index
                .tally
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(t, n)| (t.clone(), *n))
                .collect();
            tally.sort_by(|a, b| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)));
            (app.index.columns.clone(), tally)
        };
        let followed = snapshot(app);
        app.index.built_for = None;
        refresh_index(app);
        let full = snapshot(app);
        assert_eq!(followed, full, "the followed index differs from a rebuild");
        full
    }

    /// Each edit of issue 20, as the board makes it; returns the index
    /// entries each one visited.
    fn edits(n: usize) -> Vec<(&'static str, usize)> {
        let mut app = board(n);
        let mut fx: Vec<Effect> = Vec::new();
        let mut out = Vec::new();
        let s = app.session().unwrap().clone();
        let inbox = app.index.columns[0].stickies[0];
        let id = s.stickies[inbox].id.clone();
        let cluster = s.clusters[s.clusters.len() / 2].id.clone();
        let round = s.rounds[0].id.clone();
        let steps: Vec<(&str, Vec<Op>)> = vec![
            (
                "park",
                s.move_stickies(std::slice::from_ref(&id), &Place::Parking),
            ),
            (
                "move",
                s.move_stickies(std::slice::from_ref(&id), &Place::Cluster(cluster.clone())),
            ),
            (
                "capture",
                vec![s.new_sticky(
                    "nouveau",
                    None,
                    Default::default(),
                    None,
                    &Place::Inbox,
                    now(),
                    Id("00000000-0000-7000-8000-00000000beef".into()),
                )],
            ),
            (
                "vote",
                s.paper_tally(
                    &round,
                    &Target::Cluster(cluster.clone()),
                    7,
                    Id("00000000-0000-7000-8000-00000000cafe".into()),
                ),
            ),
        ];
        for (name, ops) in steps {
            assert!(
                commit(&mut app, name, ops, now(), &mut fx),
                "{name} applied"
            );
            out.push((name, app.index.work));
            rebuilt(&mut app);
            undo(&mut app, now(), &mut fx, false);
            out.push(("undo", app.index.work));
            rebuilt(&mut app);
            // Keep the session as the next step's ops expect it.
            undo(&mut app, now(), &mut fx, true);
            rebuilt(&mut app);
        }
        out
    }

    #[test]
    fn an_edit_visits_as_few_index_entries_at_10000_stickies_as_at_100() {
        let small = edits(100);
        let large = edits(10_000);
        let rebuild = board(10_000).index.work;
        assert!(
            rebuild >= 10_000,
            "a rebuild visits every sticky: {rebuild}"
        );
        for ((name, a), (_, b)) in small.iter().zip(&large) {
            println!("{name}: {a} entries at 100 stickies, {b} at 10,000 (a rebuild: {rebuild})");
            // A binary search in one column grows as its log; nothing else grows.
            assert!(*b <= 32, "{name} visited {b} entries at 10,000 stickies");
            assert!(
                *b <= 3 * a.max(&4),
                "{name}: {a} entries at 100, {b} at 10,000"
            );
        }
    }

    #[test]
    fn a_sticky_removed_in_the_middle_shifts_the_others() {
        let mut app = board(300);
        let mut fx: Vec<Effect> = Vec::new();
        let s = app.session().unwrap().clone();
        let ids = vec![s.stickies[10].id.clone(), s.stickies[150].id.clone()];
        assert!(commit(
            &mut app,
            "delete",
            s.delete_stickies(&ids),
            now(),
            &mut fx
        ));
        rebuilt(&mut app);
        undo(&mut app, now(), &mut fx, false);
        rebuilt(&mut app);
        assert_eq!(app.session().unwrap().stickies.len(), 300);
    }

    #[test]
    fn a_new_cluster_is_rebuilt_not_followed() {
        let mut app = board(300);
        let mut fx: Vec<Effect> = Vec::new();
        let s = app.session().unwrap().clone();
        let ids = vec![s.stickies[3].id.clone()];
        let (_, ops) = s.new_cluster(
            "Nouveau",
            None,
            &ids,
            None,
            Id("00000000-0000-7000-8000-00000000f00d".into()),
        );
        let before = app.index.columns.len();
        assert!(commit(&mut app, "cluster", ops, now(), &mut fx));
        assert_eq!(app.index.columns.len(), before + 1);
        rebuilt(&mut app);
    }
}

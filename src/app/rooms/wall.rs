//! The projector's views (`p`): the timer from anywhere, the wall from the
//! board, the ranked results from the results popup (`R`, then `p`). On
//! the wall and the results the arrows scroll; the timer's keys still
//! work; `p` or Esc goes back.

use crate::app::action::Action;
use crate::app::state::{App, Projection, Screen};
use crate::model::Id;
use std::collections::HashMap;

/// `p`: project what the current screen shows.
pub fn project(app: &mut App) {
    app.projection = if app.board.results {
        Projection::Results
    } else if app.screen == Screen::Board {
        Projection::Wall
    } else {
        Projection::Timer
    };
    // The popup would cover what is projected.
    app.board.results = false;
    app.wall_scroll = (0, 0);
    app.wall.built_for = None;
    app.previous = app.screen;
    app.screen = Screen::Projector;
}

/// A key on the projector's wall or results: scrolling. False when it is
/// not the view's (the timer's keys, back).
pub fn action(app: &mut App, action: Action) -> bool {
    let Some(s) = app.session() else { return false };
    let (cols, rows) = match app.projection {
        Projection::Timer => return false,
        Projection::Wall => (s.clusters.len(), app.wall.most),
        Projection::Results => (0, app.results.rows.len()),
    };
    let (col, row) = &mut app.wall_scroll;
    let last_row = rows.saturating_sub(1);
    match action {
        Action::Up => *row = row.saturating_sub(1),
        Action::Down => *row = (*row + 1).min(last_row),
        Action::PageUp => *row = row.saturating_sub(5),
        Action::PageDown => *row = (*row + 5).min(last_row),
        Action::Top => *row = 0,
        Action::Bottom => *row = last_row,
        Action::Left => *col = col.saturating_sub(1),
        Action::Right => *col = (*col + 1).min(cols.saturating_sub(1)),
        _ => return false,
    }
    true
}

/// Bring what the projector or the results popup shows up to date with
/// the session: one walk of the stickies per change, none per key or frame.
pub fn refresh(app: &mut App) {
    let projected = app.screen == Screen::Projector;
    if projected && app.projection == Projection::Wall {
        wall(app);
    }
    if app.board.results || projected && app.projection == Projection::Results {
        results(app);
    }
}

/// Build the wall's columns ([`crate::app::state::WallView`]) when the
/// session changed since they were.
fn wall(app: &mut App) {
    let Some(doc) = app.doc.as_ref() else { return };
    if app.wall.built_for == Some(doc.generation) {
        return;
    }
    let s = doc.session();
    let column: HashMap<&Id, usize> = s
        .clusters
        .iter()
        .enumerate()
        .map(|(k, c)| (&c.id, k))
        .collect();
    let mut clusters = vec![Vec::new(); s.clusters.len()];
    let mut inbox = Vec::new();
    for (i, x) in s.stickies.iter().enumerate().filter(|(_, x)| !x.private) {
        // A parked sticky is not on the wall, nor one of an unknown cluster.
        let list = match (&x.cluster, x.parked) {
            (Some(c), _) => column.get(c).and_then(|&k| clusters.get_mut(k)),
            (None, false) => Some(&mut inbox),
            (None, true) => None,
        };
        if let Some(list) = list {
            list.push(i);
        }
    }
    let most = clusters
        .iter()
        .chain([&inbox])
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let view = &mut app.wall;
    (view.clusters, view.inbox, view.most) = (clusters, inbox, most);
    view.built_for = Some(doc.generation);
    view.builds += 1;
}

/// Rank the results ([`crate::app::state::ResultsView`]) when the
/// session or the round they show changed since they were, each ranked
/// item with its place in the session (found by the ranking itself).
fn results(app: &mut App) {
    let Some(doc) = app.doc.as_ref() else { return };
    let key = (doc.generation, app.results_round());
    if app.results.built_for.as_ref() == Some(&key) {
        return;
    }
    let rows = doc.session().ranking_at(key.1.as_ref());
    let view = &mut app.results;
    view.rows = rows;
    view.built_for = Some(key);
    view.builds += 1;
}

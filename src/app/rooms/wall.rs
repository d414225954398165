//! The projector's views (`p`): the timer from anywhere, the wall from the
//! board, the ranked results from the results popup (`R`, then `p`). On
//! the wall and the results the arrows scroll; the timer's keys still
//! work; `p` or Esc goes back.

use crate::app::action::Action;
use crate::app::state::{App, Projection, Screen};
use crate::model::Session;

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
    app.previous = app.screen;
    app.screen = Screen::Projector;
}

/// A key on the projector's wall or results: scrolling. False when it is
/// not the view's (the timer's keys, back).
pub fn action(app: &mut App, action: Action) -> bool {
    let Some(s) = app.session() else { return false };
    let (cols, rows) = match app.projection {
        Projection::Timer => return false,
        Projection::Wall => extent(s),
        Projection::Results => (0, results(app, s)),
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

/// How many clusters the wall shows, and the most public cards in one
/// column (the inbox included).
fn extent(s: &Session) -> (usize, usize) {
    let mut most = 0;
    let mut count = std::collections::HashMap::new();
    for x in s.stickies.iter().filter(|x| !x.private) {
        let n = count.entry(x.place()).or_insert(0usize);
        *n += 1;
        most = most.max(*n);
    }
    (s.clusters.len(), most)
}

/// How many items the projected results rank.
fn results(app: &App, s: &Session) -> usize {
    let round = app.results_round();
    s.ranking(round.as_ref()).len()
}

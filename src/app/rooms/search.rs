//! The search line (`/`), from every screen. On the board and the notes it
//! filters as it is typed; elsewhere Enter goes to where it matched: the
//! board when a sticky matches, else the notes.

use crate::app::action::Action;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::*;
use crate::model::Timestamp;
use crate::t;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::backend::crossterm::to_input_request;

pub fn open_search(app: &mut App) {
    app.search.editing = true;
}

pub fn search_action(app: &mut App, action: Action, now: Timestamp) {
    match action {
        Action::Cancel | Action::Back => {
            app.search = Search::default();
        }
        Action::Submit => return submit(app, now),
        _ => {}
    }
    refresh_index(app);
    app.notes.selected = 0;
}

pub fn search_key(app: &mut App, key: KeyEvent, now: Timestamp) {
    if key.code == KeyCode::Enter {
        return submit(app, now);
    }
    if let Some(req) = to_input_request(&Event::Key(key)) {
        app.search.input.handle(req);
    }
    refresh_index(app);
    app.board.row = app.board.row.min(rows(app));
    app.notes.selected = 0;
}

/// Enter: the filter stays; off the board and the notes, go where it
/// matched (the board first), or say nothing did.
fn submit(app: &mut App, now: Timestamp) {
    app.search.editing = false;
    refresh_index(app);
    app.notes.selected = 0;
    if matches!(app.screen, Screen::Board | Screen::Notes) {
        return;
    }
    let query = app.search.input.value().trim().to_owned();
    if query.is_empty() {
        app.search = Search::default();
        return refresh_index(app);
    }
    let stickies: usize = app.index.columns.iter().map(|c| c.stickies.len()).sum();
    if stickies > 0 {
        app.screen = Screen::Board;
        // The first column that shows a match.
        if let Some(c) = app
            .index
            .columns
            .iter()
            .position(|c| !c.stickies.is_empty())
        {
            app.board.col = c;
            app.board.row = 1;
        }
    } else if !app.visible_notes().is_empty() {
        app.screen = Screen::Notes;
    } else {
        let text = t!(app.lang, "msg-search-nothing", query = query);
        app.search = Search::default();
        refresh_index(app);
        warn(app, text, now);
    }
}

//! The search line of the board and the notes.

use crate::app::action::Action;
use crate::app::index::*;
use crate::app::state::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::backend::crossterm::to_input_request;

pub fn open_search(app: &mut App) {
    app.search.editing = true;
}

pub fn search_action(app: &mut App, action: Action) {
    match action {
        Action::Cancel | Action::Back => {
            app.search = Search::default();
        }
        Action::Submit => app.search.editing = false,
        _ => {}
    }
    refresh_index(app);
    app.notes.selected = 0;
}

pub fn search_key(app: &mut App, key: KeyEvent) {
    if key.code == KeyCode::Enter {
        app.search.editing = false;
        return;
    }
    if let Some(req) = to_input_request(&Event::Key(key)) {
        app.search.input.handle(req);
    }
    refresh_index(app);
    app.board.row = app.board.row.min(rows(app));
    app.notes.selected = 0;
}

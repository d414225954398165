//! Shared by the benchmarks: generated sessions, an app around one, and
//! how long each benchmark measures (modest: the whole `cargo bench` runs in
//! a few minutes on two cores).
#![allow(dead_code)]

use atelier::app::App;
use atelier::app::keymap::Keymap;
use atelier::app::state::{Doc, SaveStatus, Screen};
use atelier::methods::Library;
use atelier::model::{Session, Timestamp};
use atelier::store::Home;
use criterion::Criterion;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// The session sizes every benchmark runs over (stickies).
pub const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// The seed of every generated session.
pub const SEED: u64 = 1;

/// 2026-06-12T07:30:00Z plus an hour: a fixed "now".
pub fn now() -> Timestamp {
    Timestamp::from_unix(1_781_253_000).expect("a valid time")
}

pub fn criterion() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args()
}

/// An app as the integration tests build it, with `session` open on `screen`.
pub fn app(session: Session, home: &Path, screen: Screen) -> App {
    let mut app = App::new(
        Home::under(home),
        Library::bundled(),
        Keymap::defaults(),
        "en",
        now(),
    );
    app.local_zone = atelier::model::Zone::utc();
    app.doc = Some(Doc {
        session: Arc::new(session),
        path: home.join("sessions").join("generated.ron"),
        read_only: None,
        review: false,
        generation: 0,
        saved_generation: 0,
        save: SaveStatus::Saved(None),
    });
    app.screen = screen;
    app
}

/// The app after its first update, the board's cursor on the middle card
/// of the first column (the card edits and moves start from).
pub fn ready(app: &mut App) {
    atelier::app::update(app, atelier::app::Msg::Tick, now());
    app.board.row = app
        .index
        .columns
        .first()
        .map_or(0, |c| c.stickies.len() / 2);
}

pub fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("a test terminal")
}

/// Draw the app as the run loop does (a full frame, diffed against the last).
pub fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| f.render_widget(atelier::ui::AppView(app), f.area()))
        .expect("drawn");
}

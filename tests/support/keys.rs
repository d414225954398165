//! The one key helper of the tests: keys by name, fed through the keymap
//! exactly as the run loop does (`App::key_msg`), and the app builder they
//! start from (`tests/support/mod.rs`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atelier::app::keymap::Keymap;
use atelier::app::state::{Doc, SaveStatus, Screen};
use atelier::app::{Action, App, Effect, Msg, update};
use atelier::methods::Library;
use atelier::model::{Session, Timestamp};
use atelier::store::Home;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::Arc;

/// An app with nothing open, in `lang`, at `now`, in UTC, with the bundled
/// methods and the default keymap and no home folder to read.
pub fn new_app(lang: &'static str, now: Timestamp) -> App {
    let mut app = App::new(
        Home::under(std::path::Path::new("/nonexistent/atelier-home")),
        Library::bundled(),
        Keymap::defaults(),
        lang,
        now,
    );
    app.local_zone = atelier::model::Zone::utc();
    app
}

/// `new_app` in English at `now` with `session` open from `path` on
/// `screen`, as the run loop leaves it after its first message (the
/// board's index built); `read_only` gives the reason edits are refused,
/// `review` marks a doc opened with `atelier review`.
pub fn open_app(
    session: Session,
    path: &Path,
    read_only: Option<&str>,
    review: bool,
    screen: Screen,
    now: Timestamp,
) -> App {
    let mut app = new_app("en", now);
    app.doc = Some(Doc {
        session: Arc::new(session),
        path: path.to_path_buf(),
        read_only: read_only.map(str::to_owned),
        review,
        generation: 0,
        saved_generation: 0,
        save: SaveStatus::Saved(Some(now)),
    });
    app.screen = screen;
    update(&mut app, Msg::Resize, now);
    app
}

/// A key as the run loop maps it: through the keymap of the context;
/// unbound keys are typed where text is edited.
pub fn to_msg(app: &App, key: KeyEvent) -> Option<Msg> {
    app.key_msg(key)
}

/// Press a key at `now`; returns the effects.
pub fn key_at(app: &mut App, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    match to_msg(app, key) {
        Some(msg) => update(app, msg, now),
        None => Vec::new(),
    }
}

/// Press a key at the app's current time.
pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let now = app.now;
    key_at(app, key, now)
}

/// Send `msg` to the app at its current time; returns the effects.
pub fn send(app: &mut App, msg: Msg) -> Vec<Effect> {
    let now = app.now;
    update(app, msg, now)
}

/// The open session (the test fails when none is).
pub fn sess(app: &App) -> &Session {
    app.session().expect("a session is open")
}

/// A key event from a short name: "q", "K", "!", "space", "enter", "esc",
/// "tab", "shift-tab", "ctrl-s", "up", "down", "left", "right", "end",
/// "backspace", "delete", "f2".
pub fn k(name: &str) -> KeyEvent {
    let none = KeyModifiers::NONE;
    match name {
        "space" => KeyEvent::new(KeyCode::Char(' '), none),
        "enter" => KeyEvent::new(KeyCode::Enter, none),
        "esc" => KeyEvent::new(KeyCode::Esc, none),
        "tab" => KeyEvent::new(KeyCode::Tab, none),
        "shift-tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "up" => KeyEvent::new(KeyCode::Up, none),
        "down" => KeyEvent::new(KeyCode::Down, none),
        "left" => KeyEvent::new(KeyCode::Left, none),
        "right" => KeyEvent::new(KeyCode::Right, none),
        "end" => KeyEvent::new(KeyCode::End, none),
        "backspace" => KeyEvent::new(KeyCode::Backspace, none),
        "delete" => KeyEvent::new(KeyCode::Delete, none),
        "f2" => KeyEvent::new(KeyCode::F(2), none),
        _ => {
            if let Some(c) = name.strip_prefix("ctrl-") {
                let c = c.chars().next().expect("a letter");
                return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
            }
            let mut chars = name.chars();
            let c = chars.next().expect("a key name");
            assert!(chars.next().is_none(), "unknown key name {name:?}");
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                none
            };
            KeyEvent::new(KeyCode::Char(c), mods)
        }
    }
}

/// Press keys by name, one after the other, at `now`; all the effects.
pub fn keys_at(app: &mut App, names: &[&str], now: Timestamp) -> Vec<Effect> {
    names.iter().flat_map(|n| key_at(app, k(n), now)).collect()
}

/// Press keys by name at the app's current time; all the effects.
pub fn keys(app: &mut App, names: &[&str]) -> Vec<Effect> {
    let now = app.now;
    keys_at(app, names, now)
}

/// Type text character by character, as a terminal sends it.
pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let now = app.now;
    let mut fx = Vec::new();
    for c in text.chars() {
        let ev = if c == '\n' {
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
        } else if c.is_uppercase() {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        fx.extend(key_at(app, ev, now));
    }
    fx
}

/// Send an action directly.
pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let now = app.now;
    update(app, Msg::Do(action), now)
}

/// How many saves the effects ask for.
pub fn saves(fx: &[Effect]) -> usize {
    fx.iter().filter(|e| **e == Effect::Save).count()
}

/// The status line's message, or "".
pub fn message(app: &App) -> &str {
    app.message.as_ref().map_or("", |m| m.text.as_str())
}

/// The status line's message contains `text`; a failure shows the message.
#[track_caller]
pub fn assert_says(app: &App, text: &str) {
    let said = message(app);
    assert!(said.contains(text), "{text:?} not in the message {said:?}");
}

/// The keys `names` ask for one save and nothing else.
#[track_caller]
pub fn assert_saves(app: &mut App, names: &[&str]) {
    let fx = keys(app, names);
    assert_eq!(fx, vec![Effect::Save], "the effects of {names:?}");
}

/// Whether the status line's message is an error.
pub fn is_error(app: &App) -> bool {
    app.message.as_ref().is_some_and(|m| m.error)
}

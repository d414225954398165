//! Shared by `suggest_app.rs`, `conflicts_app.rs` and `review_app.rs`: an
//! `App` around a session at a fixed time (as `board_support` builds it),
//! keys fed through the keymap exactly as the run loop does, and the screen
//! drawn on a `TestBackend`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atelier::app::keymap::Keymap;
use atelier::app::state::{Doc, SaveStatus, Screen};
use atelier::app::{App, Effect, Msg, update};
use atelier::methods::Library;
use atelier::model::{
    Cluster, Colour, Id, Note, NoteKind, Participant, Role, Session, Stage, StageKind, Step,
    Sticky, Timestamp,
};
use atelier::store::Home;
use atelier::ui::AppView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// 2026-06-12T07:30:00Z plus `secs`: every test runs at a fixed time.
pub fn t(secs: i64) -> Timestamp {
    Timestamp::from_unix(1_781_249_400 + secs).expect("a valid time")
}

pub fn sticky(id: &str, text: &str, cluster: Option<&str>, author: Option<&str>) -> Sticky {
    Sticky {
        id: Id::from(id),
        text: text.to_owned(),
        author: author.map(Id::from),
        colour: Colour::Yellow,
        stage: Some(Id::from("st-idees")),
        cluster: cluster.map(Id::from),
        parked: false,
        time: t(600),
        private: false,
        tags: Vec::new(),
    }
}

pub fn cluster(id: &str, title: &str) -> Cluster {
    Cluster {
        id: Id::from(id),
        title: title.to_owned(),
        stage: Some(Id::from("st-idees")),
    }
}

pub fn participant(id: &str, name: &str, role: Role) -> Participant {
    Participant {
        id: Id::from(id),
        name: name.to_owned(),
        role,
        organisation: String::new(),
    }
}

pub fn step(id: &str, title: &str, minutes: u32, prompt: &str) -> Step {
    Step {
        id: Id::from(id),
        title: title.to_owned(),
        minutes,
        prompt: prompt.to_owned(),
        produces: vec![],
        started: None,
        ended: None,
    }
}

pub fn stage(id: &str, title: &str, kind: StageKind, steps: Vec<Step>) -> Stage {
    Stage {
        id: Id::from(id),
        method: String::new(),
        title: title.to_owned(),
        kind,
        steps,
        started: None,
        ended: None,
    }
}

pub fn note(id: &str, kind: NoteKind, author: Option<&str>, text: &str) -> Note {
    Note {
        id: Id::from(id),
        kind,
        stage: Some(Id::from("st-idees")),
        author: author.map(Id::from),
        tags: vec![],
        text: text.to_owned(),
        time: t(300),
        private: false,
    }
}

/// A session with two participants and an agenda of two stages (the
/// second, "st-idees", is where stickies and notes belong); no stickies.
pub fn base_session(title: &str) -> Session {
    let mut s = Session::new(atelier::model::Id::new(), title);
    s.id = Id::from("session-features");
    s.participants = vec![
        participant("p-amelie", "Amélie Roux", Role::CivilServant),
        participant("p-noel", "Noël Bertrand", Role::Citizen),
    ];
    s.agenda = vec![
        stage(
            "st-ouverture",
            "Ouverture",
            StageKind::Opening,
            vec![step(
                "sp-meteo",
                "Météo du jour",
                5,
                "Comment arrivez-vous ?",
            )],
        ),
        stage(
            "st-idees",
            "Idéation 💡",
            StageKind::Ideation,
            vec![
                step("sp-crazy", "Crazy 8s", 8, "Huit idées en huit minutes."),
                step("sp-tri", "Tri des idées", 10, ""),
            ],
        ),
    ];
    s
}

/// An app at `t(0)` in UTC on `screen`, with `session` open from `path`;
/// `read_only` gives the reason edits are refused, `review` marks a doc
/// opened with `atelier review`.
pub fn app_at(
    session: Session,
    path: &Path,
    read_only: Option<&str>,
    review: bool,
    screen: Screen,
) -> App {
    let mut app = App::new(
        Home::under(Path::new("/nonexistent/atelier-home")),
        Library::bundled(),
        Keymap::defaults(),
        "en",
        t(0),
    );
    app.local_zone = atelier::model::Zone::utc();
    app.doc = Some(Doc {
        session: Arc::new(session),
        path: path.to_path_buf(),
        read_only: read_only.map(str::to_owned),
        review,
        generation: 0,
        saved_generation: 0,
        save: SaveStatus::Saved(Some(t(0))),
    });
    app.screen = screen;
    // Build the board's index as the first message would.
    update(&mut app, Msg::Resize, t(0));
    app
}

/// A writable app on the board (or read-only for `Some(reason)`).
pub fn board_app(session: Session, read_only: Option<&str>) -> App {
    app_at(
        session,
        &PathBuf::from("/nonexistent/atelier.ron"),
        read_only,
        false,
        Screen::Board,
    )
}

pub fn sess(app: &App) -> &Session {
    app.session().expect("a session is open")
}

/// A key as the run loop maps it (`app::run::to_msg`): through the keymap
/// of the context; unbound keys are typed where text is edited.
pub fn to_msg(app: &App, key: KeyEvent) -> Option<Msg> {
    app.key_msg(key)
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let now = app.now;
    match to_msg(app, key) {
        Some(msg) => update(app, msg, now),
        None => Vec::new(),
    }
}

/// A key event from a short name: "q", "S", "space", "enter", "esc", "tab",
/// "up", "down", "left", "right", "backspace", "delete", "ctrl-r", "!".
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
        "backspace" => KeyEvent::new(KeyCode::Backspace, none),
        "delete" => KeyEvent::new(KeyCode::Delete, none),
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

/// Press keys by name; all the effects.
pub fn keys(app: &mut App, names: &[&str]) -> Vec<Effect> {
    names.iter().flat_map(|n| key(app, k(n))).collect()
}

/// Type text character by character, as a terminal sends it.
pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut fx = Vec::new();
    for c in text.chars() {
        let ev = if c == '\n' {
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
        } else if c.is_uppercase() {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        fx.extend(key(app, ev));
    }
    fx
}

pub fn saves(fx: &[Effect]) -> usize {
    fx.iter().filter(|e| **e == Effect::Save).count()
}

/// The status line's message, or "".
pub fn message(app: &App) -> &str {
    app.message.as_ref().map_or("", |m| m.text.as_str())
}

pub fn is_error(app: &App) -> bool {
    app.message.as_ref().is_some_and(|m| m.error)
}

/// The whole app drawn at `w` x `h`.
pub fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(AppView(app), f.area()))
        .unwrap();
    terminal
}

/// The screen's text, one line per row (wide characters once).
pub fn screen_text(buf: &Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut rows = Vec::new();
    for y in buf.area.y..buf.area.bottom() {
        let mut row = String::new();
        let mut x = buf.area.x;
        while x < buf.area.right() {
            let sym = buf[(x, y)].symbol();
            row.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        rows.push(row);
    }
    rows.join("\n")
}

/// The screen's text at `w` x `h`.
pub fn shown(app: &App, w: u16, h: u16) -> String {
    screen_text(draw(app, w, h).backend().buffer())
}

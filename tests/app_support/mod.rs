//! Shared by the app tests (`app_update.rs`, `screens.rs`): a small session
//! with French accents, CJK and emoji, an `App` built around it at a fixed
//! time, and keys fed through the keymap as the run loop does.
#![allow(dead_code)]

use atelier::app::keymap::Keymap;
use atelier::app::state::{Doc, SaveStatus, Screen};
use atelier::app::{App, Effect, Msg, update};
use atelier::methods::Library;
use atelier::model::{
    Challenge, Id, Note, NoteKind, Origin, Participant, Role, Session, Stage, StageKind, Step,
    Timestamp,
};
use atelier::store::Home;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

/// 2026-06-12T07:30:00Z plus `secs`: every test runs at a fixed time.
pub fn t(secs: i64) -> Timestamp {
    Timestamp::from_unix(1_781_249_400 + secs).expect("a valid time")
}

fn step(id: &str, title: &str, minutes: u32, prompt: &str) -> Step {
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

fn stage(id: &str, title: &str, kind: StageKind, steps: Vec<Step>) -> Stage {
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

fn note(id: &str, kind: NoteKind, stage: &str, author: Option<&str>, text: &str, at: i64) -> Note {
    Note {
        id: Id::from(id),
        kind,
        stage: Some(Id::from(stage)),
        author: author.map(Id::from),
        tags: vec![],
        text: text.to_owned(),
        time: t(at),
        private: false,
    }
}

/// Three stages (5+3, 8+4, 2 minutes), three participants, three notes.
pub fn session() -> Session {
    let mut s = Session::new(atelier::model::Id::new(), "Cantines d'été 🍽️ 夏の食堂");
    s.id = Id::from("session-1");
    s.language = Some("fr".into());
    s.challenge = Challenge {
        statement: "Comment rendre la cantine plus fraîche pendant les canicules ? 暑さ対策 🌡️"
            .into(),
        origin: Origin::Public,
    };
    s.date = Some(time::macros::date!(2026 - 06 - 12));
    s.place = "Médiathèque Françoise-Sagan, Paris 10e".into();
    s.facilitators = vec!["Zoé Marchand".into()];
    s.participants = vec![
        Participant {
            id: Id::from("p-amelie"),
            name: "Amélie Roux".into(),
            role: Role::CivilServant,
            organisation: "Direction des écoles".into(),
        },
        Participant {
            id: Id::from("p-hanako"),
            name: "山田 花子".into(),
            role: Role::Citizen,
            organisation: String::new(),
        },
        Participant {
            id: Id::from("p-noel"),
            name: "Noël Bertrand 🎄".into(),
            role: Role::ElectedOfficial,
            organisation: "Mairie du 19e".into(),
        },
    ];
    s.agenda = vec![
        stage(
            "st-open",
            "Ouverture ☀️",
            StageKind::Opening,
            vec![
                step(
                    "sp-meteo",
                    "Météo d'arrivée 🌦️",
                    5,
                    "Comment arrivez-vous ? Un mot, une météo.",
                ),
                step(
                    "sp-regles",
                    "Règles du jeu",
                    3,
                    "Bienveillance, téléphones rangés.",
                ),
            ],
        ),
        stage(
            "st-idees",
            "Idéation 創意 💡",
            StageKind::Ideation,
            vec![
                step(
                    "sp-crazy",
                    "Crazy 8s ✏️",
                    8,
                    "Pliez la feuille en huit : une idée par case. 八つのアイデア！",
                ),
                step("sp-partage", "Partage en binômes", 4, ""),
            ],
        ),
        stage(
            "st-fin",
            "Clôture 🎬",
            StageKind::Closing,
            vec![step(
                "sp-mot",
                "Le mot de la fin",
                2,
                "Un mot pour repartir.",
            )],
        ),
    ];
    s.notes = vec![
        note(
            "n-1",
            NoteKind::Observation,
            "st-open",
            Some("p-amelie"),
            "Les élèves arrivent déjà fatigués par la chaleur ☀️",
            60,
        ),
        note(
            "n-2",
            NoteKind::Quote,
            "st-open",
            Some("p-hanako"),
            "「食堂は暑すぎる」 dit une mère d'élève",
            120,
        ),
        note(
            "n-3",
            NoteKind::Idea,
            "st-idees",
            None,
            "Des brumisateurs 💦 dans la cour",
            900,
        ),
    ];
    s
}

/// An app at `t(0)` in UTC, with `session` open (writable unless
/// `read_only`) on the facilitation screen.
pub fn app_with(session: Session, read_only: Option<&str>) -> App {
    let mut app = bare_app();
    let mut doc = Doc::new(session, PathBuf::from("/nonexistent/cantines.ron"));
    doc.read_only = read_only.map(str::to_owned);
    doc.save = SaveStatus::Saved(Some(t(0)));
    app.doc = Some(doc);
    app.screen = Screen::Facilitate;
    app
}

/// An app on the home screen with nothing open.
pub fn bare_app() -> App {
    let mut app = App::new(
        Home::under(std::path::Path::new("/nonexistent/atelier-home")),
        Library::bundled(),
        Keymap::defaults(),
        "en",
        t(0),
    );
    app.local_zone = atelier::model::Zone::utc();
    app
}

pub fn app() -> App {
    app_with(session(), None)
}

pub fn sess(app: &App) -> &Session {
    app.session().expect("a session is open")
}

/// A key as the run loop maps it (`to_msg` in `src/app/run.rs`): through
/// the keymap of the context, or typed into the focused field when the
/// context takes text.
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

/// A key event from a short name: "q", "K", "space", "enter", "esc", "tab",
/// "shift-tab", "ctrl-s", "up", "down", "left", "right", "end", "backspace".
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

/// Press keys by name, one after the other, at `now`; all effects.
pub fn keys_at(app: &mut App, names: &[&str], now: Timestamp) -> Vec<Effect> {
    names.iter().flat_map(|n| key_at(app, k(n), now)).collect()
}

/// Press keys at the app's current time.
pub fn keys(app: &mut App, names: &[&str]) -> Vec<Effect> {
    let now = app.now;
    keys_at(app, names, now)
}

/// Type text character by character (as a terminal sends it).
pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let now = app.now;
    let mut fx = Vec::new();
    for c in text.chars() {
        let key = if c == '\n' {
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
        } else if c.is_uppercase() {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        fx.extend(key_at(app, key, now));
    }
    fx
}

pub fn saves(fx: &[Effect]) -> usize {
    fx.iter().filter(|e| **e == Effect::Save).count()
}

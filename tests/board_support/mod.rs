//! Shared by the board tests (`board_update.rs`, `board_screens.rs`): a
//! session with a wall of stickies (French accents, CJK, emoji, a long
//! text), an `App` on the board at a fixed time, and keys fed through the
//! keymap exactly as the run loop does (unbound keys are typed in the
//! capture bar, the search bar and the fields).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atelier::app::keymap::Keymap;
use atelier::app::state::{Doc, SaveStatus, Screen};
use atelier::app::{Action, App, Effect, Msg, update};
use atelier::methods::Library;
use atelier::model::{
    Cluster, Colour, Id, Participant, Role, Session, Stage, StageKind, Step, Sticky, Target,
    Timestamp, Vote, VotingRound,
};
use atelier::store::Home;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;

/// 2026-06-12T07:30:00Z plus `secs`: every test runs at a fixed time.
pub fn t(secs: i64) -> Timestamp {
    Timestamp::from_unix(1_781_249_400 + secs).expect("a valid time")
}

pub const LONG: &str = "Une cour d'école plus fraîche : planter des arbres le long du mur sud, \
     installer des voiles d'ombrage au-dessus des bancs, remplacer l'enrobé noir par un sol clair \
     et perméable, ajouter des fontaines à eau et des brumisateurs, ouvrir la cour au quartier \
     pendant l'été, et demander aux enfants où ils aiment jouer quand il fait chaud.";

pub fn sticky(
    id: &str,
    text: &str,
    colour: Colour,
    cluster: Option<&str>,
    author: Option<&str>,
) -> Sticky {
    Sticky {
        id: Id::from(id),
        text: text.to_owned(),
        author: author.map(Id::from),
        colour,
        stage: Some(Id::from("st-idees")),
        cluster: cluster.map(Id::from),
        parked: false,
        time: t(600),
        tags: Vec::new(),
        private: false,
    }
}

pub fn cluster(id: &str, title: &str) -> Cluster {
    Cluster {
        id: Id::from(id),
        title: title.to_owned(),
        stage: Some(Id::from("st-idees")),
    }
}

fn participant(id: &str, name: &str, role: Role) -> Participant {
    Participant {
        id: Id::from(id),
        name: name.to_owned(),
        role,
        organisation: String::new(),
    }
}

/// Three participants, one stage, three clusters (the last one empty), an
/// inbox of three stickies (one long, one in Japanese) and a parked one.
///
/// Columns: 0 Inbox (s-4, s-5, s-6), 1 Ombre (s-1, s-2), 2 Eau (s-3),
/// 3 Vide (empty), 4 Parking lot (s-7).
pub fn session() -> Session {
    let mut s = Session::new("Cours d'école 🌳 校庭");
    s.id = Id::from("session-board");
    s.participants = vec![
        participant("p-amelie", "Amélie Roux", Role::CivilServant),
        participant("p-hanako", "山田 花子", Role::Citizen),
        participant("p-noel", "Noël Bertrand 🎄", Role::ElectedOfficial),
    ];
    s.agenda = vec![Stage {
        id: Id::from("st-idees"),
        method: String::new(),
        title: "Idéation 💡".into(),
        kind: StageKind::Ideation,
        steps: vec![Step {
            id: Id::from("sp-crazy"),
            title: "Crazy 8s".into(),
            minutes: 8,
            prompt: String::new(),
            produces: vec![],
            started: None,
            ended: None,
        }],
        started: None,
        ended: None,
    }];
    s.clusters = vec![
        cluster("c-ombre", "Ombre et fraîcheur ☀️"),
        cluster("c-eau", "Eau 💧"),
        cluster("c-vide", "Vide"),
    ];
    s.stickies = vec![
        sticky(
            "s-1",
            "Planter des arbres dans la cour de l'École",
            Colour::Yellow,
            Some("c-ombre"),
            Some("p-amelie"),
        ),
        sticky(
            "s-2",
            "Des voiles d'ombrage 日よけ",
            Colour::Pink,
            Some("c-ombre"),
            Some("p-hanako"),
        ),
        sticky(
            "s-3",
            "Fontaines à eau 💧 dans chaque école",
            Colour::Blue,
            Some("c-eau"),
            None,
        ),
        sticky(
            "s-4",
            "Gourdes offertes",
            Colour::Green,
            None,
            Some("p-noel"),
        ),
        sticky("s-5", LONG, Colour::Orange, None, None),
        sticky(
            "s-6",
            "涼しい教室を作る 🌬️ エアコン",
            Colour::Purple,
            None,
            Some("p-hanako"),
        ),
        {
            let mut x = sticky(
                "s-7",
                "Idée hors sujet : la cantine bio",
                Colour::Yellow,
                None,
                None,
            );
            x.parked = true;
            x
        },
    ];
    s
}

/// A round "Vote 1" (3 dots, at most 2 per item) with votes:
/// s-4: 2 (Amélie 1, Noël 1), c-ombre: 2 (Hanako), s-3: 1 paper tally,
/// s-6: 1 (Amélie). Ranking: s-4 and c-ombre tie first, s-3 and s-6 tie third.
pub fn with_votes(mut s: Session) -> Session {
    s.rounds = vec![VotingRound {
        id: Id::from("r-1"),
        title: "Vote 1".into(),
        stage: Some(Id::from("st-idees")),
        dots: 3,
        cap: Some(2),
        opened: t(900),
        anonymous: false,
    }];
    let vote = |id: &str, who: Option<&str>, target: Target, count: u32| Vote {
        id: Id::from(id),
        round: Id::from("r-1"),
        participant: who.map(Id::from),
        target,
        count,
    };
    s.votes = vec![
        vote("v-1", Some("p-amelie"), Target::Sticky(Id::from("s-4")), 1),
        vote("v-2", Some("p-noel"), Target::Sticky(Id::from("s-4")), 1),
        vote(
            "v-3",
            Some("p-hanako"),
            Target::Cluster(Id::from("c-ombre")),
            2,
        ),
        vote("v-4", None, Target::Sticky(Id::from("s-3")), 1),
        vote("v-5", Some("p-amelie"), Target::Sticky(Id::from("s-6")), 1),
    ];
    s
}

/// An app at `t(0)` in UTC, with `session` open (writable unless
/// `read_only`) on the board, cursor on the inbox's header.
pub fn app_with(session: Session, read_only: Option<&str>) -> App {
    let mut app = App::new(
        Home::under(std::path::Path::new("/nonexistent/atelier-home")),
        Library::bundled(),
        Keymap::defaults(),
        "en",
    );
    app.now = t(0);
    app.local_zone = atelier::model::Zone::utc();
    app.doc = Some(Doc {
        session: Arc::new(session),
        path: PathBuf::from("/nonexistent/cours.ron"),
        read_only: read_only.map(str::to_owned),
        review: false,
        generation: 0,
        saved_generation: 0,
        save: SaveStatus::Saved(Some(t(0))),
    });
    app.screen = Screen::Board;
    // Build the board's index as the first message would.
    update(&mut app, Msg::Resize, t(0));
    app
}

pub fn app() -> App {
    app_with(session(), None)
}

pub fn sess(app: &App) -> &Session {
    app.session().expect("a session is open")
}

/// Put the cursor on a column and row (0 = the column's header).
pub fn go(app: &mut App, col: usize, row: usize) {
    app.board.col = col;
    app.board.row = row;
}

/// The sticky with this id.
pub fn st<'a>(s: &'a Session, id: &str) -> &'a Sticky {
    s.stickies
        .iter()
        .find(|x| x.id.as_str() == id)
        .unwrap_or_else(|| panic!("no sticky {id}"))
}

/// Ids of the stickies in a cluster (or the inbox for `None`), in order.
pub fn in_cluster(s: &Session, cluster: Option<&str>) -> Vec<String> {
    s.stickies
        .iter()
        .filter(|x| x.cluster.as_ref().map(Id::as_str) == cluster && !x.parked)
        .map(|x| x.id.as_str().to_owned())
        .collect()
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

/// A key event from a short name: "q", "K", "space", "enter", "esc", "tab",
/// "shift-tab", "ctrl-s", "up", "down", "left", "right", "backspace".
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

/// Send an action directly.
pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let now = app.now;
    update(app, Msg::Do(action), now)
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

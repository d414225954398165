//! Shared by `suggest_app.rs`, `conflicts_app.rs` and `review_app.rs`: an
//! `App` around a session at a fixed time (as `board_support` builds it),
//! keys fed through the keymap exactly as the run loop does, and the screen
//! drawn on a `TestBackend`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atelier::app::App;
use atelier::app::state::Screen;
use atelier::model::{Colour, Id, Note, NoteKind, Role, Session, StageKind, Sticky};
use std::path::{Path, PathBuf};

pub use crate::support::keys::*;
#[allow(unused_imports)] // each test binary uses its part
pub use crate::support::model::{cluster, participant, stage, step, t};

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
    open_app(session, path, read_only, review, screen, t(0))
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

// The screen drawn and read back: the one reading of `support::screen`.
#[allow(unused_imports)] // each test binary uses its part
pub use crate::support::screen::{draw, screen_text, shown};

/// Out of the popup (Esc), `u` restores `before` exactly and `Ctrl-r`
/// brings `after` back exactly.
#[track_caller]
pub fn assert_undo_redo_from_popup(app: &mut App, before: &Session, after: &Session) {
    keys(app, &["esc", "u"]);
    assert_eq!(sess(app), before, "undo restores exactly");
    keys(app, &["ctrl-r"]);
    assert_eq!(sess(app), after, "redo re-applies exactly");
}

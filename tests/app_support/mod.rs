//! Shared by the app tests (`app_update.rs`, `screens.rs`): a small session
//! with French accents, CJK and emoji, an `App` built around it at a fixed
//! time, and keys fed through the keymap as the run loop does.
#![allow(dead_code)]

use atelier::app::App;
use atelier::app::state::{Doc, SaveStatus, Screen};
use atelier::model::{Challenge, Id, NoteKind, Origin, Participant, Role, Session, StageKind};
use std::path::PathBuf;

pub mod states;

pub use crate::support::keys::*;
pub use crate::support::model::t;
use crate::support::model::{note, stage, step};

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
            Some("st-open"),
            Some("p-amelie"),
            "Les élèves arrivent déjà fatigués par la chaleur ☀️",
            60,
        ),
        note(
            "n-2",
            NoteKind::Quote,
            Some("st-open"),
            Some("p-hanako"),
            "「食堂は暑すぎる」 dit une mère d'élève",
            120,
        ),
        note(
            "n-3",
            NoteKind::Idea,
            Some("st-idees"),
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
    new_app("en", t(0))
}

pub fn app() -> App {
    app_with(session(), None)
}

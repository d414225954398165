//! Shared by the board tests (`board_update.rs`, `board_screens.rs`): a
//! session with a wall of stickies (French accents, CJK, emoji, a long
//! text), an `App` on the board at a fixed time, and keys fed through the
//! keymap exactly as the run loop does (unbound keys are typed in the
//! capture bar, the search bar and the fields).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atelier::app::App;
use atelier::app::state::Screen;
use atelier::model::{Colour, Id, Role, Session, StageKind, Sticky, Target, Vote};
use std::path::PathBuf;

pub mod states;

pub use crate::support::keys::*;
#[allow(unused_imports)] // each test binary uses its part
pub use crate::support::model::{cluster, participant, stage, step, t};

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

/// Three participants, one stage, three clusters (the last one empty), an
/// inbox of three stickies (one long, one in Japanese) and a parked one.
///
/// Columns: 0 Inbox (s-4, s-5, s-6), 1 Ombre (s-1, s-2), 2 Eau (s-3),
/// 3 Vide (empty), 4 Parking lot (s-7).
pub fn session() -> Session {
    let mut s = Session::new(atelier::model::Id::new(), "Cours d'école 🌳 校庭");
    s.id = Id::from("session-board");
    s.participants = vec![
        participant("p-amelie", "Amélie Roux", Role::CivilServant),
        participant("p-hanako", "山田 花子", Role::Citizen),
        participant("p-noel", "Noël Bertrand 🎄", Role::ElectedOfficial),
    ];
    s.agenda = vec![stage(
        "st-idees",
        "Idéation 💡",
        StageKind::Ideation,
        vec![step("sp-crazy", "Crazy 8s", 8, "")],
    )];
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
    s.rounds = vec![crate::support::model::vote_1()];
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
    let path = PathBuf::from("/nonexistent/cours.ron");
    open_app(session, &path, read_only, false, Screen::Board, t(0))
}

pub fn app() -> App {
    app_with(session(), None)
}

/// Put the cursor on a column and row (0 = the column's header).
pub fn go(app: &mut App, col: usize, row: usize) {
    app.board.col = col;
    app.board.row = row;
}

/// The cursor stands on this column and row; `why` says why it should.
#[track_caller]
pub fn assert_cursor(app: &App, (col, row): (usize, usize), why: &str) {
    assert_eq!((app.board.col, app.board.row), (col, row), "{why}");
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

//! The main screens in French (insta snapshots at 80x24), and no English
//! word of the interface left on them. The states are those of
//! `screens.rs` and `board_screens.rs`, with `app.lang = "fr"`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod app_support;
mod board_support;
mod support;

use app_support::{keys, keys_at, t, type_text};
use atelier::app::state::BoardIndex;
use atelier::app::{App, Msg, update};
use atelier::store::SessionEntry;
use std::time::{Duration, UNIX_EPOCH};
use support::screen::*;

// ---------------------------------------------------------------- states

/// The app of `screens.rs`, in French.
fn app() -> App {
    let mut app = app_support::app();
    app.lang = "fr";
    app
}

fn entry(file: &str, title: &str, secs: i64, size: u64) -> SessionEntry {
    SessionEntry {
        path: format!("/home/zoé/.local/share/atelier/sessions/{file}").into(),
        title: title.into(),
        // The workshop's day (the file without a title has none).
        date: match file {
            "sans-titre.ron" => None,
            "cantines-d-ete.ron" => time::Date::from_calendar_date(2026, time::Month::May, 1).ok(),
            _ => time::Date::from_calendar_date(2026, time::Month::July, 9).ok(),
        },
        modified: Some(UNIX_EPOCH + Duration::from_secs(t(secs).unix() as u64)),
        size,
    }
}

fn home() -> App {
    let mut app = app_support::bare_app();
    app.lang = "fr";
    app.home.sessions = vec![
        entry(
            "cantines-d-ete.ron",
            "Cantines d'été 🍽️ 夏の食堂",
            -3600,
            18_432,
        ),
        entry(
            "bibliotheques-fraiches.ron",
            "Bibliothèques fraîches : 図書館 📚",
            -86_400 * 42,
            2_400_000,
        ),
        entry("sans-titre.ron", "", -86_400 * 40, 512),
    ];
    // Two copies of the demo: one title, told apart by their files' names.
    let demo = "Bibliothèques fraîches : garder les bibliothèques publiques vivables";
    app.home.sessions.extend(
        ["demo-20260709-093000.ron", "demo-20260709-141500.ron"]
            .map(|file| entry(file, demo, -86_400 * 41, 96_000)),
    );
    app
}

fn home_methods() -> App {
    let mut app = home();
    keys(&mut app, &["tab", "down", "down", "down"]);
    app
}

fn picker_templates() -> App {
    let mut app = home();
    keys(&mut app, &["n"]);
    type_text(&mut app, "Écoles 🏫");
    keys(&mut app, &["enter", "down"]);
    app
}

fn setup_details() -> App {
    let mut app = app();
    keys(&mut app, &["a", "down"]);
    app
}

fn setup_participants() -> App {
    let mut app = app();
    keys(&mut app, &["a", "tab", "down"]);
    app
}

fn setup_agenda() -> App {
    let mut app = app();
    keys(&mut app, &["a", "tab", "tab", "down", "down", "down"]);
    app
}

fn picker_methods() -> App {
    let mut app = app();
    keys(&mut app, &["a", "tab", "tab", "i", "down", "down"]);
    app
}

fn facilitate_idle() -> App {
    app()
}

/// The first step took 5 min 10 s; the second has run one of its 3 minutes.
fn facilitate_running() -> App {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    // The timer was running: the second step's starts on its own; paused
    // at once, it runs again from 320 s.
    keys_at(&mut app, &["]", "space"], t(310));
    keys_at(&mut app, &["space"], t(320));
    app.now = t(380);
    app
}

/// The first step (5 min) has run 6 min 40 s.
fn facilitate_overrun() -> App {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    update(&mut app, Msg::Tick, t(300));
    update(&mut app, Msg::Tick, t(400));
    app
}

fn projector_running() -> App {
    let mut app = facilitate_running();
    keys_at(&mut app, &["p"], t(380));
    app
}

fn projector_overrun() -> App {
    let mut app = facilitate_overrun();
    keys_at(&mut app, &["p"], t(400));
    app
}

fn notes() -> App {
    let mut app = app();
    keys(&mut app, &["N", "down"]);
    app
}

fn note_editor() -> App {
    let mut app = app();
    keys_at(&mut app, &["}"], t(0));
    keys_at(&mut app, &["n"], t(200));
    type_text(
        &mut app,
        "Ça chauffe : « pas de sieste possible » 😓\nquand passe-t-on à l'ombre ? 日陰がほしい",
    );
    // "c" picks "citation" in French, as "q" picks "quote" in English.
    keys(&mut app, &["tab", "c", "tab", "right", "right", "tab"]);
    type_text(&mut app, "chaleur, été, 夏");
    app
}

fn help() -> App {
    let mut app = app();
    keys(&mut app, &["?"]);
    app
}

fn read_only() -> App {
    let mut app = app_support::app_with(app_support::session(), Some("mode relecture"));
    app.lang = "fr";
    keys(&mut app, &["space"]);
    app
}

fn empty_agenda() -> App {
    let mut s = app_support::session();
    s.agenda.clear();
    s.notes.clear();
    s.participants.clear();
    let mut app = app_support::app_with(s, None);
    app.lang = "fr";
    app
}

/// The board of `board_screens.rs`, in French: its columns are rebuilt
/// with their French names.
fn board_app() -> App {
    french_board(board_support::app())
}

fn french_board(mut app: App) -> App {
    app.lang = "fr";
    app.index = BoardIndex::default();
    update(&mut app, Msg::Resize, board_support::t(0));
    app
}

fn board() -> App {
    let mut app = board_app();
    board_support::keys(&mut app, &["j"]);
    app
}

fn board_capture() -> App {
    let mut app = board_app();
    board_support::keys(&mut app, &["j", "s", "tab", "ctrl-n"]);
    board_support::type_text(&mut app, "Une idée 💡 アイデア");
    app
}

fn board_search() -> App {
    let mut app = board_app();
    board_support::keys(&mut app, &["/"]);
    board_support::type_text(&mut app, "ecole");
    app
}

/// Voting as Amélie in a round of 3 dots, at most 2 per item.
fn board_voting() -> App {
    let s = board_support::with_votes(board_support::session());
    let mut app = french_board(board_support::app_with(s, None));
    board_support::keys(&mut app, &["v", "j"]);
    app
}

/// The results, with ties.
fn board_results() -> App {
    let s = board_support::with_votes(board_support::session());
    let mut app = french_board(board_support::app_with(s, None));
    board_support::keys(&mut app, &["R"]);
    app
}

/// The title field of a new cluster.
fn board_new_cluster() -> App {
    let mut app = board_app();
    board_support::keys(&mut app, &["j", "space", "c"]);
    board_support::type_text(&mut app, "Boire 🚰");
    app
}

fn board_empty_cluster() -> App {
    let mut app = board_app();
    board_support::keys(&mut app, &["l", "l", "l"]);
    app
}

fn board_help() -> App {
    let mut app = board_app();
    board_support::keys(&mut app, &["?"]);
    app
}

type State = fn() -> App;

const STATES: &[(&str, State)] = &[
    ("home", home),
    ("home_methods", home_methods),
    ("picker_templates", picker_templates),
    ("setup_details", setup_details),
    ("setup_participants", setup_participants),
    ("setup_agenda", setup_agenda),
    ("picker_methods", picker_methods),
    ("facilitate_idle", facilitate_idle),
    ("facilitate_running", facilitate_running),
    ("facilitate_overrun", facilitate_overrun),
    ("projector_running", projector_running),
    ("projector_overrun", projector_overrun),
    ("notes", notes),
    ("note_editor", note_editor),
    ("help", help),
    ("read_only", read_only),
    ("empty_agenda", empty_agenda),
    ("board", board),
    ("board_capture", board_capture),
    ("board_search", board_search),
    ("board_voting", board_voting),
    ("board_results", board_results),
    ("board_new_cluster", board_new_cluster),
    ("board_empty_cluster", board_empty_cluster),
    ("board_help", board_help),
];

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_of_home_at_120x40() {
    let terminal = draw(&home(), 120, 40);
    insta::assert_snapshot!("fr_home_120x40", terminal.backend());
}

mod snapshot {
    crate::snapshots!(
        "fr_", [(80, 24)];
        home,
        home_methods,
        picker_templates,
        setup_details,
        setup_participants,
        setup_agenda,
        picker_methods,
        facilitate_running,
        facilitate_overrun,
        projector_running,
        projector_overrun,
        notes,
        note_editor,
        help,
        read_only,
        empty_agenda,
        board,
        board_capture,
        board_voting,
        board_results,
        board_new_cluster,
        board_empty_cluster,
        board_help,
    );
}

// ---------------------------------------------------------------- no English left

/// Words of the English interface that have no business on a French screen
/// (the test data is French; its few English-looking words are not here).
const ENGLISH: &[&str] = &[
    "Home",
    "Setup",
    "Facilitation",
    "Projector",
    "Board",
    "saved",
    "saving",
    "read-only",
    "Stage",
    "step ",
    "planned",
    "running",
    "paused",
    "ready",
    "TIME IS UP",
    "Next:",
    "Agenda",
    "Details",
    "Sessions",
    "Method library",
    "Open the demo",
    "New session",
    "Inbox",
    "Parking lot",
    "no match",
    "empty",
    "Search",
    "Vote results",
    "dots",
    "press",
    "Press",
    "Enter",
    "Esc",
    "Space",
    "help",
    "quit",
    "timer",
    "Kind",
    "Author",
    "Tags",
    "civil servant",
    "citizen",
    "elected official",
    "raised by",
    "opening",
    "ideation",
    "closing",
    "observation ·",
    "Help",
    "Everywhere",
    "undo",
];

/// `word` in `text`, not as a part of a longer word ("quit" is not in
/// "quitter").
fn contains_word(text: &str, word: &str) -> bool {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        let starts = word.starts_with(char::is_alphabetic);
        let ends = word.ends_with(char::is_alphabetic);
        let glued = (starts && letter(before)) || (ends && letter(after));
        !glued
    })
}

#[test]
fn no_english_is_left_on_the_french_screens() {
    for (name, state) in STATES {
        let app = state();
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let text = screen_text(draw(&app, w, h).backend().buffer());
            for word in ENGLISH {
                assert!(
                    !contains_word(&text, word),
                    "{name} at {w}x{h} shows {word:?}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn the_french_screens_say_it_in_french() {
    let find = |app: App, w: u16, h: u16, want: &[&str]| {
        let text = screen_text(draw(&app, w, h).backend().buffer());
        for s in want {
            assert!(text.contains(s), "{s:?} not on screen:\n{text}");
        }
    };
    find(
        facilitate_idle(),
        80,
        24,
        &["05:00 prêt", "Espace minuteur"],
    );
    find(
        facilitate_running(),
        80,
        24,
        &["02:00 en cours", "Séquence 1/3"],
    );
    find(
        facilitate_overrun(),
        80,
        24,
        &["+01:40 en cours · TEMPS ÉCOULÉ"],
    );
    find(
        facilitate_running(),
        120,
        40,
        &["Ensuite\u{a0}: Idéation 創意 💡 · Crazy 8s ✏️"],
    );
    find(projector_overrun(), 80, 24, &["TEMPS ÉCOULÉ"]);
    find(
        home(),
        80,
        24,
        &[
            "1er mai 2026",
            "9 juillet 2026",
            "sans date",
            "bibliotheques-fraiches.ron",
        ],
    );
    find(
        setup_details(),
        80,
        24,
        &["12 juin 2026", "portée par le public"],
    );
    find(
        setup_participants(),
        80,
        24,
        &["3 participants\u{a0}: 1 agent·e public·que, 1 citoyen·ne, 1 élu·e"],
    );
    find(board(), 80, 24, &["À classer"]);
    find(board(), 200, 60, &["Parking"]);
    find(
        help(),
        80,
        24,
        &["Aide · Échap ferme", "Se déplacer", "descendre"],
    );
}

#[test]
fn messages_speak_french_too() {
    let mut app = app();
    keys(&mut app, &["n"]);
    type_text(&mut app, "Des brumisateurs");
    keys(&mut app, &["tab", "i", "ctrl-s"]);
    assert_eq!(app.message.as_ref().unwrap().text, "Idée notée.");
    keys(&mut app, &["u"]);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Annulé\u{a0}: nouvelle idée."
    );

    let mut app = board_app();
    board_support::keys(&mut app, &["j", "space", "j", "space", "P"]);
    let text = &app.message.as_ref().unwrap().text;
    assert_eq!(text, "2 post-it envoyés au parking. u annule.");
}

//! The main screens in French (insta snapshots at 80x24), and no English
//! word of the interface left on them. The states are those of
//! `screens.rs` (`app_support::states`) and `board_screens.rs`, with
//! `app.lang = "fr"`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod app_support;
mod board_support;
mod support;

use app_support::{keys, type_text};
use atelier::app::App;
use support::screen::*;

// ---------------------------------------------------------------- states

crate::states_in!("fr");

crate::board_states_in!("fr");

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_of_home_at_120x40() {
    let terminal = draw(&home(), 120, 40);
    insta::assert_snapshot!("fr_home_120x40", terminal.backend());
}

crate::screen_states!(
    "fr_", [(80, 24)];
    snapshot: [
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
    ],
    drawn: [facilitate_idle, board_search],
);

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
    let mut app = app_support::states::app("fr");
    keys(&mut app, &["n"]);
    type_text(&mut app, "Des brumisateurs");
    keys(&mut app, &["tab", "i", "ctrl-s"]);
    assert_eq!(app.message.as_ref().unwrap().text, "Idée notée.");
    keys(&mut app, &["u"]);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Annulé\u{a0}: nouvelle idée."
    );

    let mut app = board_support::states::app("fr");
    board_support::keys(&mut app, &["j", "space", "j", "space", "P"]);
    let text = &app.message.as_ref().unwrap().text;
    assert_eq!(text, "2 post-it envoyés au parking. u annule.");
}

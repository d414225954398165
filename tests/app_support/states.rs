//! The states the screen snapshots draw, built once for both languages:
//! `screens.rs` draws them in English, `i18n_screens.rs` in French. Each
//! takes the interface's language; `states_in!` makes a test file's
//! `fn name() -> App` for every state in one language.
#![allow(dead_code)]

use super::{app_with, bare_app, keys, keys_at, session, t, type_text};
use atelier::app::{App, Msg, update};
use atelier::store::SessionEntry;
use std::time::{Duration, UNIX_EPOCH};

/// `en` in English, `fr` in French: what a state does differently in each.
fn by_lang<T>(lang: &str, en: T, fr: T) -> T {
    if lang == "fr" { fr } else { en }
}

/// The app of `app_support`, in `lang`.
pub fn app(lang: &'static str) -> App {
    let mut app = super::app();
    app.lang = lang;
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

/// Home with five sessions; the libraries' one was saved 3 days ago in
/// English, 42 in French (each language's snapshots were made so).
pub fn home(lang: &'static str) -> App {
    let mut app = bare_app();
    app.lang = lang;
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
            -86_400 * by_lang(lang, 3, 42),
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

/// `keys` on the app in `lang`.
fn after(lang: &'static str, keys_pressed: &[&str]) -> App {
    let mut app = app(lang);
    keys(&mut app, keys_pressed);
    app
}

pub fn home_methods(lang: &'static str) -> App {
    let mut app = home(lang);
    keys(&mut app, &["tab", "down", "down", "down"]);
    app
}

pub fn picker_templates(lang: &'static str) -> App {
    let mut app = home(lang);
    keys(&mut app, &["n"]);
    type_text(&mut app, "Écoles 🏫");
    keys(&mut app, &["enter", "down"]);
    app
}

pub fn setup_details(lang: &'static str) -> App {
    after(lang, &["a", "down"])
}

pub fn setup_participants(lang: &'static str) -> App {
    after(lang, &["a", "tab", "down"])
}

pub fn setup_agenda(lang: &'static str) -> App {
    after(lang, &["a", "tab", "tab", "down", "down", "down"])
}

pub fn picker_methods(lang: &'static str) -> App {
    after(lang, &["a", "tab", "tab", "i", "down", "down"])
}

pub fn facilitate_idle(lang: &'static str) -> App {
    app(lang)
}

/// The first step took 5 min 10 s; the second has run one of its 3 minutes.
pub fn facilitate_running(lang: &'static str) -> App {
    let mut app = app(lang);
    keys_at(&mut app, &["space"], t(0));
    // The timer was running: the second step's starts on its own; paused
    // at once, it runs again from 320 s.
    keys_at(&mut app, &["]", "space"], t(310));
    keys_at(&mut app, &["space"], t(320));
    app.now = t(380);
    app
}

/// The first step (5 min) has run 6 min 40 s; the bell has rung and its
/// flash has faded.
pub fn facilitate_overrun(lang: &'static str) -> App {
    let mut app = app(lang);
    keys_at(&mut app, &["space"], t(0));
    update(&mut app, Msg::Tick, t(300));
    update(&mut app, Msg::Tick, t(400));
    assert_eq!(app.facilitate.flash_until, None);
    app
}

/// Right when time ran out: the flash shows.
pub fn facilitate_flash(lang: &'static str) -> App {
    let mut app = app(lang);
    keys_at(&mut app, &["space"], t(0));
    update(&mut app, Msg::Tick, t(301));
    assert!(app.facilitate.flash_until.is_some());
    app
}

pub fn facilitate_agenda_focus(lang: &'static str) -> App {
    after(lang, &["tab", "down"])
}

pub fn projector_running(lang: &'static str) -> App {
    let mut app = facilitate_running(lang);
    keys_at(&mut app, &["p"], t(380));
    app
}

pub fn projector_overrun(lang: &'static str) -> App {
    let mut app = facilitate_overrun(lang);
    keys_at(&mut app, &["p"], t(400));
    app
}

pub fn notes(lang: &'static str) -> App {
    after(lang, &["N", "down"])
}

pub fn note_editor(lang: &'static str) -> App {
    let mut app = app(lang);
    keys_at(&mut app, &["}"], t(0));
    keys_at(&mut app, &["n"], t(200));
    type_text(
        &mut app,
        "Ça chauffe : « pas de sieste possible » 😓\nquand passe-t-on à l'ombre ? 日陰がほしい",
    );
    // "q" picks "quote" in English, as "c" picks "citation" in French.
    let quote = by_lang(lang, "q", "c");
    keys(&mut app, &["tab", quote, "tab", "right", "right", "tab"]);
    type_text(&mut app, "chaleur, été, 夏");
    app
}

pub fn help(lang: &'static str) -> App {
    after(lang, &["?"])
}

pub fn field_new_participant(lang: &'static str) -> App {
    let mut app = after(lang, &["a", "tab", "i"]);
    type_text(&mut app, "Zoé Ñandú 🌻 李娜");
    app
}

pub fn read_only(lang: &'static str) -> App {
    let reason = by_lang(lang, "review mode", "mode relecture");
    let mut app = app_with(session(), Some(reason));
    app.lang = lang;
    keys(&mut app, &["space"]);
    app
}

pub fn empty_agenda(lang: &'static str) -> App {
    let mut s = session();
    s.agenda.clear();
    s.notes.clear();
    s.participants.clear();
    let mut app = app_with(s, None);
    app.lang = lang;
    app
}

/// In a test file, `crate::states_in!("fr");` makes a `fn name() -> App`
/// for each state above (sorted by name), in that language.
#[macro_export]
macro_rules! states_in {
    ($lang:literal) => {
        $crate::states_from!(
            app_support, $lang;
            empty_agenda,
            facilitate_agenda_focus,
            facilitate_flash,
            facilitate_idle,
            facilitate_overrun,
            facilitate_running,
            field_new_participant,
            help,
            home,
            home_methods,
            note_editor,
            notes,
            picker_methods,
            picker_templates,
            projector_overrun,
            projector_running,
            read_only,
            setup_agenda,
            setup_details,
            setup_participants,
        );
    };
}

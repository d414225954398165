//! Home (issue 19): each entry shows the workshop's date and its file's
//! name; `d` takes the selected entry off the list (the file stays, kept so
//! by an effect) and `u` as the very next key puts it back; `D` opens the
//! demo. Pure update tests, plus the list kept on disk.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use atelier::app::{App, Effect};
use atelier::store::{self, SessionEntry};
use std::path::PathBuf;
use support::keys::*;

fn entry(file: &str, title: &str) -> SessionEntry {
    SessionEntry {
        path: PathBuf::from(format!("/srv/ateliers/{file}")),
        title: title.into(),
        date: time::Date::from_calendar_date(2026, time::Month::July, 9).ok(),
        modified: None,
        size: 10,
    }
}

/// Home with two copies of the demo (one title) and a session of its own.
fn home(lang: &'static str) -> App {
    let mut app = new_app(lang, atelier::model::Timestamp::from_unix(0).unwrap());
    app.home.set_sessions(vec![
        entry("demo-1.ron", "Bibliothèques fraîches"),
        entry("demo-2.ron", "Bibliothèques fraîches"),
        entry("cantines.ron", "Cantines d'été"),
    ]);
    app
}

fn files(app: &App) -> Vec<String> {
    app.home
        .sessions
        .iter()
        .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn d_takes_the_selected_entry_off_the_list_and_keeps_that_by_an_effect() {
    let mut app = home("en");
    // Down twice past the demo and new-session rows, once more: demo-2.
    keys(&mut app, &["down", "down", "down"]);
    let fx = keys(&mut app, &["d"]);
    let gone = PathBuf::from("/srv/ateliers/demo-2.ron");
    assert_eq!(fx, vec![Effect::HideSessions(vec![gone.clone()])]);
    assert_eq!(files(&app), ["demo-1.ron", "cantines.ron"]);
    assert_eq!(app.home.hidden, [gone]);
    let m = message(&app);
    assert!(
        m.contains("the file stays") && m.contains("demo-2.ron"),
        "{m}"
    );
    assert!(m.contains("u puts it back"), "{m}");
    assert!(!is_error(&app));
    // The selection stays on the row where it was: now cantines.
    assert_eq!(app.home.selected, 3);

    // The list read again (a refresh) leaves it out.
    app.home.set_sessions(vec![
        entry("demo-1.ron", "Bibliothèques fraîches"),
        entry("demo-2.ron", "Bibliothèques fraîches"),
        entry("cantines.ron", "Cantines d'été"),
    ]);
    assert_eq!(files(&app), ["demo-1.ron", "cantines.ron"]);
}

#[test]
fn u_right_after_d_puts_the_entry_back_where_it_was() {
    let mut app = home("en");
    keys(&mut app, &["down", "down", "down", "d"]);
    let fx = keys(&mut app, &["u"]);
    assert_eq!(fx, vec![Effect::HideSessions(vec![])]);
    assert_eq!(files(&app), ["demo-1.ron", "demo-2.ron", "cantines.ron"]);
    assert!(app.home.hidden.is_empty());
    assert_eq!(app.home.selected, 3, "on the entry put back");
    assert_says(&app, "back on the list");
}

#[test]
fn after_another_key_u_no_longer_puts_it_back() {
    let mut app = home("en");
    keys(&mut app, &["down", "down", "d", "down"]);
    let fx = keys(&mut app, &["u"]);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(files(&app), ["demo-2.ron", "cantines.ron"]);
}

#[test]
fn d_on_the_demo_or_new_session_rows_or_the_methods_does_nothing_and_capital_d_opens_the_demo() {
    let mut app = home("en");
    assert!(keys(&mut app, &["d"]).is_empty());
    assert!(keys(&mut app, &["down", "d"]).is_empty());
    assert!(keys(&mut app, &["tab", "d"]).is_empty(), "in the methods");
    assert_eq!(files(&app).len(), 3);
    assert_eq!(keys(&mut app, &["D"]), vec![Effect::OpenDemo]);
}

#[test]
fn en_francais_le_message_dit_que_le_fichier_reste() {
    let mut app = home("fr");
    keys(&mut app, &["down", "down", "d"]);
    let m = message(&app);
    assert!(
        m.contains("le fichier reste") && m.contains("demo-1.ron"),
        "{m}"
    );
    assert!(m.contains("u la remet"), "{m}");
    keys(&mut app, &["u"]);
    assert_says(&app, "de retour");
}

#[test]
fn the_hidden_list_is_kept_on_disk_and_listing_sessions_never_deletes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let home = store::Home::under(dir.path());
    std::fs::create_dir_all(&home.sessions).unwrap();
    let demo = home.sessions.join("demo-1.ron");
    std::fs::write(
        &demo,
        "(\n    format: 3,\n    title: \"Démo\",\n    date: Some(\"2026-07-09\"),\n)\n",
    )
    .unwrap();
    store::hidden::write(&home, std::slice::from_ref(&demo)).unwrap();
    assert_eq!(store::hidden::read(&home), std::slice::from_ref(&demo));
    assert!(demo.exists(), "the file stays");
    // The list shows the date the file says.
    let listed = store::list_sessions(&home.sessions);
    assert_eq!(listed[0].title, "Démo");
    assert_eq!(
        listed[0].date,
        time::Date::from_calendar_date(2026, time::Month::July, 9).ok()
    );
}

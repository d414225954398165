//! Merge conflicts in the app (issue 8): a session merged with
//! `atelier::merge::merge` where both copies changed the title and the same
//! sticky (and one deleted a sticky the other edited), saved and loaded
//! back; `!` lists the conflicts; Enter/←/m keep the version in place, o/→
//! take the other, each settling one conflict as one undoable step that
//! leaves a valid session; the popup closes with a message when all are
//! settled. Plus a snapshot of the popup.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod feature_support;
mod support;

use atelier::app::App;
use atelier::app::state::Screen;
use atelier::model::{ConflictAbout, ConflictValue, Session, validate};
use feature_support::*;
use std::path::Path;

// ---------------------------------------------------------------- the merge

fn base() -> Session {
    let mut s = base_session("Cantines d'été");
    s.clusters = vec![cluster("c-eau", "Eau 💧")];
    s.stickies = vec![
        sticky(
            "s-1",
            "Des fontaines à eau",
            Some("c-eau"),
            Some("p-amelie"),
        ),
        sticky("s-2", "Des gourdes pour tous", None, None),
        sticky("s-3", "Planter des arbres", None, Some("p-noel")),
    ];
    s
}

/// Ours: a new title, sticky s-1 reworded, s-2 deleted.
fn ours() -> Session {
    let mut s = base();
    s.title = "Cantines d'été 2026".into();
    s.stickies[0].text = "Des fontaines à eau fraîche".into();
    s.stickies.retain(|x| x.id.as_str() != "s-2");
    s
}

/// Theirs: another title, s-1 reworded otherwise, s-2 edited.
fn theirs() -> Session {
    let mut s = base();
    s.title = "Cantines fraîches 🍉".into();
    s.stickies[0].text = "Fontaines à eau dans la cour".into();
    s.stickies[1].text = "Des gourdes offertes à la rentrée".into();
    s
}

/// The merged session, written to a file and loaded back as the app would.
fn merged(dir: &Path) -> Session {
    let out = atelier::merge::merge(&base(), &ours(), &theirs());
    assert!(!out.report.is_clean(), "{:?}", out.report);
    let path = dir.join("merged.ron");
    std::fs::write(&path, atelier::store::to_ron(&out.session).unwrap()).unwrap();
    let s = atelier::store::load_file(&path).expect("the merged file loads");
    assert_eq!(s, out.session);
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    s
}

fn app_on(screen: Screen, read_only: Option<&str>) -> App {
    let dir = tempfile::tempdir().unwrap();
    let s = merged(dir.path());
    app_at(s, &dir.path().join("merged.ron"), read_only, false, screen)
}

fn app() -> App {
    app_on(Screen::Board, None)
}

/// Which conflict is about what.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum About {
    Title,
    StickyText,
    Deleted,
}

fn what(s: &Session, i: usize) -> About {
    let c = &s.conflicts[i];
    match (&c.about, &c.other) {
        (ConflictAbout::Field(f), _) if f == "title" => About::Title,
        (ConflictAbout::Item(id), ConflictValue::Item(_)) if id.as_str() == "s-1" => {
            About::StickyText
        }
        (ConflictAbout::Item(id), ConflictValue::Deleted) if id.as_str() == "s-2" => About::Deleted,
        _ => panic!("an unexpected conflict: {c:?}"),
    }
}

fn index_of(s: &Session, about: About) -> usize {
    (0..s.conflicts.len())
        .find(|&i| what(s, i) == about)
        .unwrap_or_else(|| panic!("no {about:?} conflict in {:?}", s.conflicts))
}

/// Open the popup and select the conflict about `about`.
fn select(app: &mut App, about: About) {
    keys(app, &["!"]);
    assert!(app.conflicts.is_some(), "the popup is open");
    let i = index_of(sess(app), about);
    for _ in 0..i {
        keys(app, &["j"]);
    }
    assert_eq!(app.conflicts.as_ref().unwrap().selected, i);
}

fn text_of(s: &Session, id: &str) -> Option<String> {
    s.stickies
        .iter()
        .find(|x| x.id.as_str() == id)
        .map(|x| x.text.clone())
}

fn assert_valid(s: &Session) {
    assert!(validate(s).is_empty(), "{:?}", validate(s));
}

// ---------------------------------------------------------------- the list

#[test]
fn the_merge_records_the_three_conflicts_and_keeps_ours_in_place() {
    let app = app();
    let s = sess(&app);
    assert_eq!(s.conflicts.len(), 3, "{:#?}", s.conflicts);
    let mut kinds: Vec<About> = (0..3).map(|i| what(s, i)).collect();
    kinds.sort_by_key(|k| *k as u8);
    assert_eq!(kinds, [About::Title, About::StickyText, About::Deleted]);
    assert_eq!(s.title, "Cantines d'été 2026");
    assert_eq!(text_of(s, "s-1").unwrap(), "Des fontaines à eau fraîche");
    // The edit beats the deletion: s-2 is kept, with their text.
    assert_eq!(
        text_of(s, "s-2").unwrap(),
        "Des gourdes offertes à la rentrée"
    );
}

#[test]
fn bang_lists_the_conflicts_with_both_versions() {
    for screen in [Screen::Board, Screen::Facilitate, Screen::Notes] {
        let mut app = app_on(screen, None);
        let before = sess(&app).clone();
        let fx = keys(&mut app, &["!"]);
        assert!(fx.is_empty(), "{fx:?}");
        assert!(app.conflicts.is_some(), "{screen:?}: the popup is open");
        assert_eq!(sess(&app), &before);
        let screen_text = shown(&app, 100, 30);
        for text in [
            "3 merge conflicts",
            "The session's title",
            "in place:  Cantines d'été 2026",
            "other:     Cantines fraîches 🍉",
            "An item changed on both sides",
            "in place:  Des fontaines à eau fraîche [Eau 💧]",
            "other:     Fontaines à eau dans la cour [Eau 💧]",
            "in place:  Des gourdes offertes à la rentrée",
            "other:     (deleted)",
        ] {
            assert!(
                screen_text.contains(text),
                "{screen:?}: {text:?} not on screen:\n{screen_text}"
            );
        }
        keys(&mut app, &["esc"]);
        assert!(app.conflicts.is_none(), "Esc closes");
        assert_eq!(sess(&app), &before);
    }
}

#[test]
fn why_each_conflict_was_recorded_is_said_in_the_readers_language() {
    let mut app = app_on(Screen::Board, None);
    let mut s = sess(&app).clone();
    for c in &s.conflicts {
        assert!(c.why.is_some(), "the merge says why: {c:?}");
    }
    // A conflict from an older file: its note, as written.
    s.conflicts[0].why = None;
    s.conflicts[0].note = "à voir avec Léa".into();
    app.doc.as_mut().unwrap().session = std::sync::Arc::new(s);
    app.lang = "fr";
    keys(&mut app, &["!"]);
    let screen_text = shown(&app, 100, 30);
    for text in [
        "title · à voir avec Léa",
        "les deux côtés l'ont modifié",
        "eux l'ont modifié, nous l'avons supprimé",
    ] {
        assert!(
            screen_text.contains(text),
            "{text:?} not on screen:\n{screen_text}"
        );
    }
    assert!(!screen_text.contains("both sides"), "{screen_text}");
}

#[test]
fn bang_without_conflicts_says_so_and_opens_nothing() {
    let mut app = board_app(base(), None);
    keys(&mut app, &["!"]);
    assert!(app.conflicts.is_none());
    assert_says(&app, "No merge conflicts");
}

// ---------------------------------------------------------------- keeping

#[test]
fn keep_settles_one_conflict_as_one_undoable_step() {
    for (about, key) in [
        (About::Title, "enter"),
        (About::StickyText, "m"),
        (About::Deleted, "left"),
    ] {
        let mut app = app();
        let before = sess(&app).clone();
        select(&mut app, about);
        let fx = keys(&mut app, &[key]);
        assert!(saves(&fx) >= 1, "{about:?}: {fx:?}");
        let after = sess(&app).clone();
        assert_eq!(after.conflicts.len(), 2, "{about:?}");
        assert!(
            (0..2).all(|i| what(&after, i) != about),
            "{about:?} is settled"
        );
        // Keeping changes nothing but the record.
        let mut expected = before.clone();
        expected.conflicts.retain(|c| {
            let i = before.conflicts.iter().position(|x| x.id == c.id).unwrap();
            what(&before, i) != about
        });
        assert_eq!(after, expected, "{about:?}");
        assert_valid(&after);
        assert_eq!(app.history.undo.len(), 1, "{about:?}: one step");
        assert!(app.conflicts.is_some(), "two are left: the popup stays");
        assert_says(&app, "Kept");

        keys(&mut app, &["esc", "u"]);
        assert_eq!(sess(&app), &before, "{about:?}: undo restores exactly");
        assert_valid(sess(&app));
        keys(&mut app, &["ctrl-r"]);
        assert_eq!(sess(&app), &after, "{about:?}: redo");
    }
}

// ---------------------------------------------------------------- the other one

#[test]
fn take_other_puts_their_sticky_text_in_place_as_one_undoable_step() {
    let mut app = app();
    let before = sess(&app).clone();
    select(&mut app, About::StickyText);
    let fx = keys(&mut app, &["o"]);
    assert!(saves(&fx) >= 1, "{fx:?}");
    let after = sess(&app).clone();
    assert_eq!(
        text_of(&after, "s-1").unwrap(),
        "Fontaines à eau dans la cour"
    );
    assert_eq!(after.conflicts.len(), 2);
    assert_eq!(after.title, before.title, "only the sticky changed");
    assert_valid(&after);
    assert_eq!(app.history.undo.len(), 1);
    assert_says(&app, "Took the other");

    assert_undo_redo_from_popup(&mut app, &before, &after);
}

#[test]
fn take_other_on_a_deletion_deletes_the_sticky_as_one_undoable_step() {
    let mut app = app();
    let before = sess(&app).clone();
    select(&mut app, About::Deleted);
    keys(&mut app, &["right"]);
    let after = sess(&app).clone();
    assert_eq!(
        text_of(&after, "s-2"),
        None,
        "deleted, as the other copy did"
    );
    assert_eq!(after.conflicts.len(), 2);
    assert_valid(&after);
    assert_eq!(app.history.undo.len(), 1);
    assert_undo_redo_from_popup(&mut app, &before, &after);
}

#[test]
fn take_other_puts_their_title_in_place() {
    let mut app = app();
    let before = sess(&app).clone();
    select(&mut app, About::Title);
    let fx = keys(&mut app, &["o"]);
    assert!(saves(&fx) >= 1, "{fx:?}");
    let after = sess(&app).clone();
    assert_eq!(after.title, "Cantines fraîches 🍉");
    assert_eq!(after.conflicts.len(), 2);
    assert_eq!(after.stickies, before.stickies);
    assert_valid(&after);
    assert_eq!(app.history.undo.len(), 1, "one step");
}

#[test]
fn undoing_take_other_on_the_title_restores_the_session_exactly() {
    let mut app = app();
    let before = sess(&app).clone();
    select(&mut app, About::Title);
    keys(&mut app, &["o"]);
    let after = sess(&app).clone();
    keys(&mut app, &["esc", "u"]);
    assert_eq!(sess(&app).title, before.title, "the title is ours again");
    assert_eq!(sess(&app), &before, "undo restores exactly");
    keys(&mut app, &["ctrl-r"]);
    assert_eq!(sess(&app), &after);
}

#[test]
fn u_in_the_open_popup_undoes_as_the_message_says() {
    let mut app = app();
    let before = sess(&app).clone();
    select(&mut app, About::StickyText);
    keys(&mut app, &["enter"]);
    assert_says(&app, "u undoes");
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app), &before);
}

// ---------------------------------------------------------------- all settled

#[test]
fn settling_every_conflict_closes_the_popup_with_a_message() {
    let mut app = app();
    keys(&mut app, &["!"]);
    // The sticky: theirs; the others: ours. The session is valid after each.
    let i = index_of(sess(&app), About::StickyText);
    for _ in 0..i {
        keys(&mut app, &["j"]);
    }
    keys(&mut app, &["o"]);
    assert_valid(sess(&app));
    assert_eq!(sess(&app).conflicts.len(), 2);
    assert!(app.conflicts.is_some());
    keys(&mut app, &["enter"]);
    assert_valid(sess(&app));
    assert_eq!(sess(&app).conflicts.len(), 1);
    assert!(app.conflicts.is_some());
    keys(&mut app, &["enter"]);
    assert_valid(sess(&app));

    let s = sess(&app);
    assert!(s.conflicts.is_empty());
    assert!(app.conflicts.is_none(), "the popup closed");
    assert_eq!(
        message(&app),
        "Every merge conflict is settled.",
        "{}",
        message(&app)
    );
    assert!(!is_error(&app));
    assert_eq!(s.title, "Cantines d'été 2026");
    assert_eq!(text_of(s, "s-1").unwrap(), "Fontaines à eau dans la cour");
    assert_eq!(app.history.undo.len(), 3, "three steps");

    // `!` again: nothing left.
    keys(&mut app, &["!"]);
    assert!(app.conflicts.is_none());
    assert_says(&app, "No merge conflicts");

    // The settled session saves and loads back the same.
    let text = atelier::store::to_ron(sess(&app)).unwrap();
    let back = atelier::store::load_str("settled.ron", &text).unwrap();
    assert_eq!(&back, sess(&app));
}

// ---------------------------------------------------------------- read-only

#[test]
fn read_only_refuses_to_settle() {
    let mut app = app_on(Screen::Board, Some("it is open in atelier (pid 4242)"));
    let before = sess(&app).clone();
    for (about, key) in [
        (About::Title, "enter"),
        (About::Title, "o"),
        (About::StickyText, "o"),
        (About::Deleted, "o"),
    ] {
        select(&mut app, about);
        let fx = keys(&mut app, &[key]);
        assert_eq!(saves(&fx), 0, "{about:?} {key}: {fx:?}");
        assert!(is_error(&app), "{about:?} {key}: {}", message(&app));
        assert!(message(&app).starts_with("Read-only"), "{}", message(&app));
        assert_eq!(sess(&app), &before, "{about:?} {key}");
        keys(&mut app, &["esc"]);
    }
    assert!(app.history.undo.is_empty());
}

// ---------------------------------------------------------------- snapshot

#[test]
fn snapshot_of_the_popup() {
    let mut app = app();
    keys(&mut app, &["!", "j"]);
    insta::assert_snapshot!("conflicts_popup_100x30", draw(&app, 100, 30).backend());
}

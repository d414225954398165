//! The board's part of `update`, driven with keys through the default
//! keymap (as the run loop does): every board action, what it does to the
//! session, that it asks for a save, and that undo gives back the session
//! exactly as it was and redo exactly as it became.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod board_support;
mod support;

use atelier::app::keymap::Context;
use atelier::app::state::{FieldPurpose, PickPurpose, Screen};
use atelier::app::{App, Effect, Msg, update};
use atelier::model::{Colour, Id, NoteKind, Place, Ranked, Session, Target, Vote};
use board_support::*;
use support::model::note;

/// The last change was one saved step: `u` restores `before` exactly and
/// `Ctrl-r` re-applies it exactly, as often as you like.
fn assert_undo_redo(app: &mut App, before: &Session) {
    assert_eq!(
        app.context(),
        Context::Board,
        "undo is tested from the board"
    );
    let after = sess(app).clone();
    assert_ne!(&after, before, "the change changed nothing");
    for round in 0..2 {
        let fx = keys(app, &["u"]);
        assert_eq!(fx, vec![Effect::Save], "undo saves (round {round})");
        assert_eq!(sess(app), before, "undo restores exactly (round {round})");
        let fx = keys(app, &["ctrl-r"]);
        assert_eq!(fx, vec![Effect::Save], "redo saves (round {round})");
        assert_eq!(sess(app), &after, "redo re-applies exactly (round {round})");
    }
}

fn votes_app() -> App {
    app_with(with_votes(session()), None)
}

fn column_ids(app: &App, col: usize) -> Vec<String> {
    let s = sess(app);
    app.index.columns[col]
        .stickies
        .iter()
        .map(|&i| s.stickies[i].id.as_str().to_owned())
        .collect()
}

fn vote_of<'a>(s: &'a Session, who: Option<&str>, target: &Target) -> Option<&'a Vote> {
    s.votes
        .iter()
        .find(|v| v.participant.as_ref().map(Id::as_str) == who && &v.target == target)
}

fn sticky_t(id: &str) -> Target {
    Target::Sticky(Id::from(id))
}

fn cluster_t(id: &str) -> Target {
    Target::Cluster(Id::from(id))
}

// ---------------------------------------------------------------- the board's view

#[test]
fn the_index_has_the_inbox_the_clusters_and_the_parking_lot() {
    let app = app();
    let titles: Vec<&str> = app.index.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Inbox",
            "Ombre et fraîcheur ☀️",
            "Eau 💧",
            "Vide",
            "Parking lot"
        ]
    );
    assert_eq!(column_ids(&app, 0), ["s-4", "s-5", "s-6"]);
    assert_eq!(column_ids(&app, 1), ["s-1", "s-2"]);
    assert_eq!(column_ids(&app, 2), ["s-3"]);
    assert!(column_ids(&app, 3).is_empty());
    assert_eq!(column_ids(&app, 4), ["s-7"]);
    assert_eq!(app.index.columns[4].place, Place::Parking);
}

#[test]
fn arrows_move_between_columns_and_rows_and_wrap_around_the_columns() {
    let mut app = app();
    keys(&mut app, &["j", "j", "j", "j"]);
    assert_cursor(&app, (0, 3), "stops at the last sticky");
    keys(&mut app, &["l"]);
    assert_cursor(&app, (1, 2), "row clamped to the column");
    keys(&mut app, &["h", "h"]);
    assert_eq!(app.board.col, 4, "left of the inbox is the parking lot");
    keys(&mut app, &["g"]);
    assert_eq!(app.board.row, 0);
    keys(&mut app, &["tab"]);
    assert_eq!(app.board.col, 0);
}

// ---------------------------------------------------------------- capture

#[test]
fn s_opens_the_capture_bar_enter_adds_a_sticky_and_clears_the_field() {
    let mut app = app();
    let before = sess(&app).clone();
    assert!(keys(&mut app, &["s"]).is_empty());
    assert_eq!(app.context(), Context::Capture);
    let fx = type_text(&mut app, "Un banc à l'ombre 🌳 木陰");
    assert!(fx.is_empty(), "typing changes nothing yet");
    assert_eq!(sess(&app), &before);
    assert_eq!(
        app.capture.as_ref().unwrap().input.value(),
        "Un banc à l'ombre 🌳 木陰"
    );

    assert_saves(&mut app, &["enter"]);
    let s = sess(&app);
    assert_eq!(s.stickies.len(), 8);
    let new = s.stickies.last().unwrap();
    assert_eq!(new.text, "Un banc à l'ombre 🌳 木陰");
    assert_eq!(new.author, None);
    assert_eq!(new.colour, Colour::Yellow);
    assert_eq!(new.place(), Place::Inbox);
    assert_eq!(new.stage, Some(Id::from("st-idees")));
    assert_eq!(new.time, t(0));
    let c = app.capture.as_ref().expect("the bar stays open");
    assert_eq!(c.input.value(), "", "the field is cleared for the next");
    assert_eq!(c.added, 1);

    // The next one, straight away; typing `u`, `q` or space types them.
    type_text(&mut app, "quatre u q\n");
    assert_eq!(sess(&app).stickies.len(), 9);
    assert_eq!(sess(&app).stickies[8].text, "quatre u q");
    assert_eq!(app.capture.as_ref().unwrap().added, 2);

    // Enter on an empty field adds nothing.
    assert!(keys(&mut app, &["enter"]).is_empty());
    assert!(type_text(&mut app, "   \n").is_empty());
    assert_eq!(sess(&app).stickies.len(), 9);

    assert!(keys(&mut app, &["esc"]).is_empty());
    assert!(app.capture.is_none());
    assert!(message(&app).starts_with("2 stick"), "{}", message(&app));
}

#[test]
fn undo_and_redo_of_a_new_sticky() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["s"]);
    type_text(&mut app, "Des jeux d'eau\n");
    keys(&mut app, &["esc"]);
    assert_eq!(sess(&app).stickies.len(), 8);
    assert_undo_redo(&mut app, &before);
}

#[test]
fn each_captured_sticky_is_its_own_undo_step() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["s"]);
    type_text(&mut app, "un\ndeux\n");
    keys(&mut app, &["esc"]);
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app).stickies.len(), 8);
    assert_eq!(sess(&app).stickies[7].text, "un");
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app), &before);
    let fx = keys(&mut app, &["u"]);
    assert!(fx.is_empty(), "nothing left to undo saves nothing");
    assert_eq!(message(&app), "Nothing to undo.");
}

#[test]
fn new_stickies_land_in_the_column_of_the_cursor_but_never_in_the_parking_lot() {
    let mut app = app();
    go(&mut app, 1, 0);
    keys(&mut app, &["s"]);
    type_text(&mut app, "Une pergola\n");
    keys(&mut app, &["esc"]);
    let new = sess(&app).stickies.last().unwrap();
    assert_eq!(new.place(), Place::Cluster(Id::from("c-ombre")));

    go(&mut app, 4, 0);
    keys(&mut app, &["s"]);
    type_text(&mut app, "Autre chose\n");
    let new = sess(&app).stickies.last().unwrap();
    assert_eq!(new.place(), Place::Inbox);
}

#[test]
fn tab_cycles_the_author_through_the_participants_and_nobody() {
    let mut app = app();
    keys(&mut app, &["s"]);
    let author = |app: &App| app.capture.as_ref().unwrap().author;
    assert_eq!(author(&app), 0, "nobody in particular at first");
    let mut seen = vec![];
    for _ in 0..4 {
        keys(&mut app, &["tab"]);
        seen.push(author(&app));
    }
    assert_eq!(seen, [1, 2, 3, 0], "three participants, then nobody again");
    keys(&mut app, &["shift-tab"]);
    assert_eq!(author(&app), 3, "Shift-Tab goes back, wrapping");
    keys(&mut app, &["shift-tab", "shift-tab"]);
    assert_eq!(author(&app), 1);
    type_text(&mut app, "Des arbres fruitiers\n");
    let new = sess(&app).stickies.last().unwrap();
    assert_eq!(new.author, Some(Id::from("p-amelie")));
    assert_eq!(author(&app), 1, "the author stays for the next sticky");
}

#[test]
fn ctrl_n_and_f2_cycle_the_colour() {
    let mut app = app();
    keys(&mut app, &["s"]);
    let colour = |app: &App| app.capture.as_ref().unwrap().colour;
    assert_eq!(colour(&app), Colour::Yellow);
    keys(&mut app, &["ctrl-n"]);
    assert_eq!(colour(&app), Colour::Pink);
    keys(&mut app, &["f2"]);
    assert_eq!(colour(&app), Colour::Blue);
    for _ in 0..4 {
        keys(&mut app, &["ctrl-n"]);
    }
    assert_eq!(colour(&app), Colour::Yellow, "six colours, then around");
    keys(&mut app, &["ctrl-n", "ctrl-n", "ctrl-n"]);
    type_text(&mut app, "Vert\n");
    assert_eq!(sess(&app).stickies.last().unwrap().colour, Colour::Green);
}

#[test]
fn pasting_lines_adds_one_sticky_per_non_empty_line_as_one_undo_step() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["s", "tab", "ctrl-n"]);
    let fx = update(&mut app, Msg::Paste("a\nb\n\nc".into()), t(5));
    assert_eq!(fx, vec![Effect::Save], "one save for the whole paste");
    let s = sess(&app);
    let texts: Vec<&str> = s.stickies[7..].iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, ["a", "b", "c"]);
    for x in &s.stickies[7..] {
        assert_eq!(x.author, Some(Id::from("p-amelie")));
        assert_eq!(x.colour, Colour::Pink);
        assert_eq!(x.time, t(5));
    }
    assert_eq!(app.history.undo.len(), 1);
    assert_eq!(app.capture.as_ref().unwrap().added, 3);
    assert_eq!(app.capture.as_ref().unwrap().input.value(), "");
    keys(&mut app, &["esc"]);
    assert_undo_redo(&mut app, &before);
}

#[test]
fn pasting_windows_line_ends_and_a_single_line() {
    let mut app = app();
    keys(&mut app, &["s"]);
    update(&mut app, Msg::Paste("un\r\ndeux\r\n".into()), t(0));
    let texts: Vec<&str> = sess(&app).stickies[7..]
        .iter()
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(texts, ["un", "deux"]);
    // One line goes into the field, to finish typing.
    type_text(&mut app, "Une ");
    let fx = update(&mut app, Msg::Paste("seule ligne\n".into()), t(0));
    assert!(fx.is_empty());
    assert_eq!(
        app.capture.as_ref().unwrap().input.value(),
        "Une seule ligne"
    );
    assert_eq!(sess(&app).stickies.len(), 9);
}

// ---------------------------------------------------------------- marking and moving

#[test]
fn space_marks_and_unmarks_and_moves_down_esc_clears_the_marks() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["space"]);
    assert!(app.board.marked.is_empty(), "a header cannot be marked");
    keys(&mut app, &["j", "space", "space"]);
    let marked: std::collections::HashSet<Id> = ["s-4", "s-5"].map(Id::from).into();
    assert_eq!(app.board.marked, marked);
    assert_eq!(app.board.row, 3, "the cursor moved down after each mark");
    keys(&mut app, &["k", "space"]);
    assert_eq!(app.board.marked, [Id::from("s-4")].into());
    let fx = keys(&mut app, &["esc"]);
    assert!(fx.is_empty());
    assert!(app.board.marked.is_empty());
    assert_eq!(
        app.screen,
        Screen::Board,
        "the first Esc only clears the marks"
    );
    assert_eq!(
        sess(&app),
        &before,
        "marking changes nothing in the session"
    );
}

#[test]
fn m_moves_the_marked_stickies_to_the_column_chosen_in_the_picker() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["j", "space", "space"]);
    let fx = keys(&mut app, &["m"]);
    assert!(fx.is_empty());
    let p = app.picker.as_ref().expect("a picker");
    assert_eq!(
        p.purpose,
        PickPurpose::MoveTo(vec![Id::from("s-4"), Id::from("s-5")])
    );
    assert_eq!(
        p.items,
        [
            "Inbox (3)",
            "Ombre et fraîcheur ☀️ (2)",
            "Eau 💧 (1)",
            "Vide (0)",
            "Parking lot (1)"
        ]
    );
    assert_eq!(p.title, "Move 2 stickies to…");
    assert_eq!(p.selected, 0, "starts on the current column");
    keys(&mut app, &["j", "j"]);
    assert_saves(&mut app, &["enter"]);
    let s = sess(&app);
    assert_eq!(in_cluster(s, Some("c-eau")), ["s-3", "s-4", "s-5"]);
    assert_eq!(in_cluster(s, None), ["s-6"]);
    assert!(app.board.marked.is_empty());
    assert_cursor(
        &app,
        (0, 1),
        "the cursor stays in the inbox, on the next sticky to sort",
    );
    assert_undo_redo(&mut app, &before);
}

#[test]
fn m_moves_the_sticky_under_the_cursor_to_the_parking_lot_and_esc_cancels() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 1, 2);
    keys(&mut app, &["m"]);
    assert_eq!(app.picker.as_ref().unwrap().title, "Move 1 sticky to…");
    assert_eq!(app.picker.as_ref().unwrap().selected, 1);
    assert!(keys(&mut app, &["esc"]).is_empty());
    assert!(app.picker.is_none());
    assert_eq!(sess(&app), &before);

    keys(&mut app, &["m", "j", "j", "j", "enter"]);
    let x = st(sess(&app), "s-2");
    assert!(x.parked);
    assert_eq!(x.cluster, None);
    assert_undo_redo(&mut app, &before);
}

#[test]
fn m_with_nothing_selected_says_how() {
    let mut app = app();
    let fx = keys(&mut app, &["m"]);
    assert!(fx.is_empty());
    assert!(app.picker.is_none());
    assert!(is_error(&app));
    assert_says(&app, "Select a sticky");
}

// ---------------------------------------------------------------- clusters

#[test]
fn c_makes_a_new_cluster_of_the_marked_stickies_with_the_typed_title() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["j", "space", "j", "space"]);
    assert!(keys(&mut app, &["c"]).is_empty());
    let f = app.field.as_ref().expect("a title field");
    assert_eq!(
        f.purpose,
        FieldPurpose::NewCluster(vec![Id::from("s-4"), Id::from("s-6")])
    );
    assert_eq!(f.input.value(), "");
    assert!(type_text(&mut app, "Boire 🚰 水").is_empty());
    assert_saves(&mut app, &["enter"]);
    let s = sess(&app);
    assert_eq!(s.clusters.len(), 4);
    let c = &s.clusters[3];
    assert_eq!(c.title, "Boire 🚰 水");
    assert_eq!(c.stage, Some(Id::from("st-idees")));
    assert_eq!(in_cluster(s, Some(c.id.as_str())), ["s-4", "s-6"]);
    assert_eq!(in_cluster(s, None), ["s-5"]);
    assert!(app.field.is_none());
    assert!(app.board.marked.is_empty());
    assert_cursor(&app, (4, 0), "the cursor goes to the new cluster's header");
    assert_undo_redo(&mut app, &before);
}

#[test]
fn c_on_a_cluster_puts_the_new_one_after_it_and_an_empty_title_is_untitled() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 1, 2);
    keys(&mut app, &["c", "enter"]);
    let s = sess(&app);
    let titles: Vec<&str> = s.clusters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Ombre et fraîcheur ☀️", "Untitled", "Eau 💧", "Vide"]
    );
    assert_eq!(st(s, "s-2").cluster, Some(s.clusters[1].id.clone()));
    assert_undo_redo(&mut app, &before);
}

#[test]
fn c_with_nothing_selected_makes_an_empty_cluster_and_esc_cancels_the_field() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["c"]);
    type_text(&mut app, "Jamais");
    assert!(keys(&mut app, &["esc"]).is_empty());
    assert!(app.field.is_none());
    assert_eq!(sess(&app), &before);

    keys(&mut app, &["c"]);
    type_text(&mut app, "Plus tard\n");
    let s = sess(&app);
    assert_eq!(s.clusters.len(), 4);
    assert_eq!(
        in_cluster(s, Some(s.clusters[3].id.as_str())),
        Vec::<String>::new()
    );
    assert_undo_redo(&mut app, &before);
}

#[test]
fn x_splits_the_marked_stickies_of_a_cluster_into_a_new_one_after_it() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 1, 1);
    keys(&mut app, &["space"]);
    keys(&mut app, &["x"]);
    let f = app.field.as_ref().expect("a title field");
    assert_eq!(f.purpose, FieldPurpose::Split(vec![Id::from("s-1")]));
    let fx = type_text(&mut app, "Arbres 🌳\n");
    assert_eq!(fx, vec![Effect::Save]);
    let s = sess(&app);
    let titles: Vec<&str> = s.clusters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Ombre et fraîcheur ☀️", "Arbres 🌳", "Eau 💧", "Vide"]
    );
    assert_eq!(in_cluster(s, Some("c-ombre")), ["s-2"]);
    assert_eq!(in_cluster(s, Some(s.clusters[1].id.as_str())), ["s-1"]);
    assert_eq!((app.board.col, app.board.row), (2, 0));
    assert_undo_redo(&mut app, &before);
}

#[test]
fn x_without_marks_or_outside_a_cluster_says_how() {
    let mut app = app();
    go(&mut app, 1, 1);
    keys(&mut app, &["x"]);
    assert!(app.field.is_none());
    assert_says(&app, "To split a cluster");
    go(&mut app, 0, 1);
    keys(&mut app, &["space", "x"]);
    assert!(app.field.is_none(), "the inbox is not a cluster");
}

#[test]
fn r_on_a_cluster_header_renames_it() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 1, 0);
    keys(&mut app, &["r"]);
    let f = app.field.as_ref().expect("a field");
    assert_eq!(f.purpose, FieldPurpose::RenameCluster(Id::from("c-ombre")));
    assert_eq!(
        f.input.value(),
        "Ombre et fraîcheur ☀️",
        "starts from the title"
    );
    keys(&mut app, &["ctrl-u"]);
    let fx = type_text(&mut app, "De l'ombre 日陰\n");
    assert_eq!(fx, vec![Effect::Save]);
    assert_eq!(sess(&app).clusters[0].title, "De l'ombre 日陰");
    assert_eq!(app.index.columns[1].title, "De l'ombre 日陰");
    assert_undo_redo(&mut app, &before);
}

#[test]
fn renaming_to_an_empty_title_changes_nothing() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 1, 0);
    keys(&mut app, &["r", "ctrl-u", "enter"]);
    assert_eq!(sess(&app), &before);
    // The inbox's header cannot be renamed.
    go(&mut app, 0, 0);
    keys(&mut app, &["r"]);
    assert!(app.field.is_none());
}

#[test]
fn e_on_a_sticky_edits_its_text() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 0, 1);
    keys(&mut app, &["r"]);
    let f = app.field.as_ref().expect("a field");
    assert_eq!(f.purpose, FieldPurpose::StickyText(Id::from("s-4")));
    assert_eq!(f.input.value(), "Gourdes offertes");
    let fx = type_text(&mut app, " à la rentrée\n");
    assert_eq!(fx, vec![Effect::Save]);
    let x = st(sess(&app), "s-4");
    assert_eq!(x.text, "Gourdes offertes à la rentrée");
    assert_eq!(x.author, Some(Id::from("p-noel")), "only the text changes");
    assert_undo_redo(&mut app, &before);
    // An emptied text is not saved.
    keys(&mut app, &["r", "ctrl-u", "enter"]);
    assert_eq!(st(sess(&app), "s-4").text, "Gourdes offertes à la rentrée");
}

#[test]
fn shift_m_merges_a_cluster_into_the_one_chosen_with_its_stickies_and_votes() {
    let mut app = votes_app();
    let before = sess(&app).clone();
    go(&mut app, 1, 0);
    keys(&mut app, &["M"]);
    let p = app.picker.as_ref().expect("a picker");
    assert_eq!(p.purpose, PickPurpose::MergeInto(Id::from("c-ombre")));
    assert_eq!(p.items, ["Eau 💧 (1)", "Vide (0)"]);
    assert_saves(&mut app, &["enter"]);
    let s = sess(&app);
    let titles: Vec<&str> = s.clusters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Eau 💧", "Vide"]);
    assert_eq!(in_cluster(s, Some("c-eau")), ["s-1", "s-2", "s-3"]);
    let hanako = vote_of(s, Some("p-hanako"), &cluster_t("c-eau")).expect("the vote moved");
    assert_eq!(hanako.count, 2);
    assert_eq!(s.votes.len(), 5);
    assert_eq!(app.index.columns[app.board.col].title, "Eau 💧");
    assert_undo_redo(&mut app, &before);
}

#[test]
fn merging_into_the_second_choice_and_merging_from_outside_a_cluster() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 2, 0);
    keys(&mut app, &["M", "j", "enter"]);
    let s = sess(&app);
    assert_eq!(in_cluster(s, Some("c-vide")), ["s-3"]);
    assert!(s.cluster(&Id::from("c-eau")).is_none());
    assert_undo_redo(&mut app, &before);

    go(&mut app, 0, 1);
    keys(&mut app, &["M"]);
    assert!(app.picker.is_none());
    assert_says(&app, "Go to a cluster");
}

#[test]
fn merging_when_there_is_no_other_cluster_says_so() {
    let mut s = session();
    s.clusters.truncate(1);
    s.stickies
        .retain(|x| x.cluster.as_ref().is_none_or(|c| c.as_str() == "c-ombre"));
    let mut app = app_with(s, None);
    go(&mut app, 1, 0);
    keys(&mut app, &["M"]);
    assert!(app.picker.is_none());
    assert_says(&app, "no other cluster");
}

#[test]
fn shift_p_parks_a_sticky_and_shift_p_in_the_parking_lot_brings_it_back() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 0, 1);
    assert_saves(&mut app, &["P"]);
    assert_eq!(st(sess(&app), "s-4").place(), Place::Parking);
    assert_eq!(column_ids(&app, 4), ["s-4", "s-7"]);
    assert_undo_redo(&mut app, &before);

    // Back from the parking lot to the inbox.
    let parked = sess(&app).clone();
    go(&mut app, 4, 1);
    assert_saves(&mut app, &["P"]);
    assert_eq!(st(sess(&app), "s-4").place(), Place::Inbox);
    assert_undo_redo(&mut app, &parked);
}

#[test]
fn parking_a_clustered_sticky_takes_it_out_and_undo_puts_it_back_in() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 1, 1);
    keys(&mut app, &["P"]);
    let x = st(sess(&app), "s-1");
    assert!(x.parked);
    assert_eq!(x.cluster, None);
    assert_undo_redo(&mut app, &before);
    keys(&mut app, &["u"]);
    assert_eq!(st(sess(&app), "s-1").cluster, Some(Id::from("c-ombre")));
}

#[test]
fn shift_p_parks_all_the_marked_stickies_at_once() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["j", "space", "space", "space"]);
    assert_saves(&mut app, &["P"]);
    assert_eq!(column_ids(&app, 4), ["s-4", "s-5", "s-6", "s-7"]);
    assert!(column_ids(&app, 0).is_empty());
    assert_eq!(app.history.undo.len(), 1, "one step");
    assert_undo_redo(&mut app, &before);
}

#[test]
fn d_deletes_a_sticky_and_the_votes_on_it_and_undo_brings_all_back_in_place() {
    let mut app = votes_app();
    let before = sess(&app).clone();
    go(&mut app, 0, 1);
    assert_saves(&mut app, &["d"]);
    let s = sess(&app);
    assert!(s.stickies.iter().all(|x| x.id.as_str() != "s-4"));
    assert_eq!(s.stickies.len(), 6);
    let ids: Vec<&str> = s.votes.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["v-3", "v-4", "v-5"], "the two votes on it went too");
    assert!(atelier::model::validate(s).is_empty());
    assert_says(&app, "1 sticky deleted");
    assert_undo_redo(&mut app, &before);
}

#[test]
fn d_deletes_all_the_marked_stickies_in_one_step() {
    let mut app = votes_app();
    let before = sess(&app).clone();
    go(&mut app, 1, 1);
    keys(&mut app, &["space"]);
    go(&mut app, 0, 3);
    keys(&mut app, &["space"]);
    keys(&mut app, &["d"]);
    let s = sess(&app);
    assert_eq!(s.stickies.len(), 5);
    assert!(
        s.stickies
            .iter()
            .all(|x| !["s-1", "s-6"].contains(&x.id.as_str()))
    );
    assert_eq!(s.votes.len(), 4, "the vote on s-6 went");
    assert!(app.board.marked.is_empty());
    assert_undo_redo(&mut app, &before);
}

#[test]
fn d_on_a_cluster_header_deletes_the_cluster_its_stickies_go_back_to_the_inbox() {
    let mut app = votes_app();
    let before = sess(&app).clone();
    go(&mut app, 1, 0);
    assert_saves(&mut app, &["d"]);
    let s = sess(&app);
    assert!(s.cluster(&Id::from("c-ombre")).is_none());
    assert_eq!(in_cluster(s, None), ["s-1", "s-2", "s-4", "s-5", "s-6"]);
    assert!(
        vote_of(s, Some("p-hanako"), &cluster_t("c-ombre")).is_none(),
        "the votes on the cluster went"
    );
    assert_eq!(s.votes.len(), 4);
    assert!(atelier::model::validate(s).is_empty());
    assert_says(&app, "back in the inbox");
    assert_undo_redo(&mut app, &before);
}

#[test]
fn deleting_an_empty_cluster_and_undoing_it() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 3, 0);
    keys(&mut app, &["delete"]);
    assert_eq!(sess(&app).clusters.len(), 2);
    assert_undo_redo(&mut app, &before);
}

#[test]
fn o_sorts_by_votes_for_display_only() {
    let mut app = votes_app();
    let before = sess(&app).clone();
    assert_eq!(column_ids(&app, 0), ["s-4", "s-5", "s-6"]);
    let fx = keys(&mut app, &["o"]);
    assert!(fx.is_empty(), "sorting saves nothing");
    assert_eq!(sess(&app), &before, "the session is unchanged");
    assert!(app.board.sort_votes);
    // s-4 has 2 dots, s-6 one, s-5 none.
    assert_eq!(column_ids(&app, 0), ["s-4", "s-6", "s-5"]);
    assert_eq!(app.history.undo.len(), 0, "not an undo step");
    keys(&mut app, &["o"]);
    assert_eq!(column_ids(&app, 0), ["s-4", "s-5", "s-6"]);
    assert_eq!(sess(&app), &before);
}

#[test]
fn redo_is_forgotten_after_a_new_change() {
    let mut app = app();
    go(&mut app, 0, 1);
    keys(&mut app, &["P", "u"]);
    assert_eq!(app.history.redo.len(), 1);
    go(&mut app, 0, 2);
    keys(&mut app, &["P"]);
    assert!(app.history.redo.is_empty());
    let fx = keys(&mut app, &["ctrl-r"]);
    assert!(fx.is_empty());
    assert_eq!(message(&app), "Nothing to redo.");
}

#[test]
fn a_long_chain_of_changes_undoes_back_to_the_start_and_redoes_to_the_end() {
    let mut app = votes_app();
    let start = sess(&app).clone();
    go(&mut app, 0, 1);
    keys(&mut app, &["space", "space", "c"]);
    type_text(&mut app, "Nouveau\n");
    go(&mut app, 1, 0);
    keys(&mut app, &["M", "enter"]);
    go(&mut app, 0, 1);
    keys(&mut app, &["P"]);
    go(&mut app, 1, 1);
    keys(&mut app, &["d"]);
    keys(&mut app, &["s"]);
    type_text(&mut app, "fin\n");
    update(&mut app, Msg::Paste("x\ny".into()), t(0));
    keys(&mut app, &["esc"]);
    let end = sess(&app).clone();
    let n = app.history.undo.len();
    assert_eq!(n, 6);
    for _ in 0..n {
        keys(&mut app, &["u"]);
    }
    assert_eq!(sess(&app), &start);
    for _ in 0..n {
        keys(&mut app, &["ctrl-r"]);
    }
    assert_eq!(sess(&app), &end);
    assert!(atelier::model::validate(sess(&app)).is_empty());
}

// ---------------------------------------------------------------- search

#[test]
fn slash_ecole_finds_ecole_with_its_accent_and_esc_clears() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["/"]);
    assert_eq!(app.context(), Context::Search);
    let fx = type_text(&mut app, "ecole");
    assert!(fx.is_empty());
    assert_eq!(app.search.input.value(), "ecole");
    // "l'École" (s-1), "chaque école" (s-3), "cour d'école" (s-5).
    assert_eq!(column_ids(&app, 0), ["s-5"]);
    assert_eq!(column_ids(&app, 1), ["s-1"]);
    assert_eq!(column_ids(&app, 2), ["s-3"]);
    assert!(column_ids(&app, 4).is_empty());
    assert_eq!(app.index.columns[0].total, 3, "the totals stay");
    assert_eq!(sess(&app), &before);

    let fx = keys(&mut app, &["esc"]);
    assert!(fx.is_empty());
    assert_eq!(app.search.input.value(), "");
    assert!(!app.search.editing);
    assert_eq!(column_ids(&app, 0), ["s-4", "s-5", "s-6"]);
    assert_eq!(sess(&app), &before);
}

#[test]
fn search_is_case_and_accent_insensitive_both_ways_and_enter_keeps_the_filter() {
    let mut app = app();
    keys(&mut app, &["/"]);
    type_text(&mut app, "ÉCOLE");
    assert_eq!(column_ids(&app, 1), ["s-1"]);
    keys(&mut app, &["enter"]);
    assert!(!app.search.editing);
    assert_eq!(app.context(), Context::Board, "keys go back to the board");
    assert_eq!(column_ids(&app, 1), ["s-1"], "the filter stays");
    // On the board, Esc clears the filter (and stays on the board).
    keys(&mut app, &["esc"]);
    assert_eq!(app.search.input.value(), "");
    assert_eq!(column_ids(&app, 1), ["s-1", "s-2"]);
    assert_eq!(app.screen, Screen::Board);
    // Japanese text is found too.
    keys(&mut app, &["/"]);
    type_text(&mut app, "教室");
    assert_eq!(column_ids(&app, 0), ["s-6"]);
}

#[test]
fn search_filters_notes_too() {
    let mut s = session();
    s.notes = vec![
        note(
            "n-1",
            NoteKind::Observation,
            None,
            None,
            "Visite de l'École Jean-Jaurès",
            10,
        ),
        note("n-2", NoteKind::Idea, None, None, "Des brumisateurs", 20),
    ];
    let mut app = app_with(s, None);
    keys(&mut app, &["N", "/"]);
    assert_eq!(app.screen, Screen::Notes);
    type_text(&mut app, "ecole");
    assert_eq!(app.visible_notes(), [0]);
    keys(&mut app, &["esc"]);
    assert_eq!(app.visible_notes(), [0, 1]);
}

/// Accents of every script fold (Unicode decomposition): "nguyen" finds
/// "Nguyễn", as a facilitator types it on a French keyboard.
#[test]
fn search_for_nguyen_finds_nguyen_with_its_vietnamese_accents() {
    let mut s = session();
    s.notes = vec![note(
        "n-1",
        NoteKind::Quote,
        None,
        None,
        "Mme Nguyễn Thị Hồng : « la cour est trop chaude »",
        10,
    )];
    let mut app = app_with(s, None);
    keys(&mut app, &["N", "/"]);
    type_text(&mut app, "nguyen thi hong");
    assert_eq!(app.visible_notes(), [0]);
}

// ---------------------------------------------------------------- notes

fn with_notes() -> Session {
    let mut s = session();
    s.notes = vec![note(
        "n-1",
        NoteKind::Quote,
        Some("st-idees"),
        Some("p-hanako"),
        "「校庭は暑すぎる」",
        10,
    )];
    s
}

#[test]
fn undo_and_redo_of_a_new_note() {
    let mut app = app_with(with_notes(), None);
    let before = sess(&app).clone();
    keys(&mut app, &["n"]);
    assert!(app.editor.is_some());
    type_text(&mut app, "Les enfants cherchent l'ombre");
    assert_saves(&mut app, &["ctrl-s"]);
    let s = sess(&app);
    assert_eq!(s.notes.len(), 2);
    assert_eq!(s.notes[1].text, "Les enfants cherchent l'ombre");
    assert_undo_redo(&mut app, &before);
}

#[test]
fn undo_and_redo_of_a_deleted_note() {
    let mut app = app_with(with_notes(), None);
    let before = sess(&app).clone();
    keys(&mut app, &["N"]);
    assert_eq!(app.screen, Screen::Notes);
    assert_saves(&mut app, &["d"]);
    assert!(sess(&app).notes.is_empty());
    keys(&mut app, &["b"]);
    assert_undo_redo(&mut app, &before);
}

// ---------------------------------------------------------------- read-only

/// A fresh app (with votes) for a change of `CHANGES`: with a step to
/// undo before "undo", and one to redo before "redo".
fn app_for_change(what: &str) -> App {
    let mut app = votes_app();
    if what == "undo" || what == "redo" {
        keys(&mut app, &["j", "P"]);
    }
    if what == "redo" {
        keys(&mut app, &["u"]);
    }
    app
}

/// Every change the board offers, as keys from a fresh app (with votes).
const CHANGES: &[(&str, &[&str])] = &[
    ("capture", &["s", "a", "enter"]),
    ("move", &["j", "m", "j", "enter"]),
    ("to cluster 2", &["j", "2"]),
    ("new cluster", &["j", "space", "c", "a", "enter"]),
    ("split", &["l", "j", "space", "x", "a", "enter"]),
    ("rename", &["l", "r", "a", "enter"]),
    ("edit sticky", &["j", "r", "a", "enter"]),
    ("merge", &["l", "M", "enter"]),
    ("park", &["j", "P"]),
    ("unpark", &["h", "j", "P"]),
    ("delete sticky", &["j", "d"]),
    ("delete cluster", &["l", "d"]),
    ("vote", &["v", "j", "+"]),
    ("take a dot back", &["v", "j", "-"]),
    ("tally", &["j", "t", "5", "enter"]),
    ("undo", &["u"]),
    ("redo", &["ctrl-r"]),
    ("note", &["n", "a", "ctrl-s"]),
];

#[test]
fn every_change_works_on_a_writable_session() {
    for (what, names) in CHANGES {
        let mut app = app_for_change(what);
        let before = sess(&app).clone();
        let fx = keys(&mut app, names);
        assert_eq!(saves(&fx), 1, "{what}: one save");
        assert_ne!(sess(&app), &before, "{what}: changed");
    }
}

#[test]
fn a_read_only_session_refuses_every_change_without_saving() {
    for (what, names) in CHANGES {
        let mut app = app_for_change(what);
        app.doc.as_mut().unwrap().read_only = Some("review mode".into());
        let before = sess(&app).clone();
        let history = (app.history.undo.len(), app.history.redo.len());
        let generation = app.doc.as_ref().unwrap().generation;
        // A message lasts until the next key: the refusal is read after
        // the key that was refused.
        let mut fx = Vec::new();
        let mut said = Vec::new();
        for name in *names {
            fx.extend(keys(&mut app, &[name]));
            said.extend(app.message.clone());
        }
        fx.extend(update(&mut app, Msg::Paste("a\nb".into()), t(0)));
        assert_eq!(saves(&fx), 0, "{what}: no save");
        assert_eq!(sess(&app), &before, "{what}: unchanged");
        assert_eq!(
            app.doc.as_ref().unwrap().generation,
            generation,
            "{what}: same generation"
        );
        assert_eq!(
            (app.history.undo.len(), app.history.redo.len()),
            history,
            "{what}: the history is kept"
        );
        assert!(
            said.iter().any(|m| m.error && m.text.contains("Read-only")),
            "{what}: says why: {said:?}"
        );
    }
}

#[test]
fn undo_refused_while_read_only_still_works_once_writable() {
    let mut app = app();
    let before = sess(&app).clone();
    go(&mut app, 0, 1);
    keys(&mut app, &["P"]);
    let after = sess(&app).clone();
    app.doc.as_mut().unwrap().read_only = Some("locked by another atelier".into());
    assert!(keys(&mut app, &["u"]).is_empty());
    assert_eq!(sess(&app), &after);
    app.doc.as_mut().unwrap().read_only = None;
    assert_eq!(keys(&mut app, &["u"]), vec![Effect::Save]);
    assert_eq!(sess(&app), &before);
}

// ---------------------------------------------------------------- voting

/// A writable app with a round of 3 dots, at most 2 per item, started with
/// `v`, `3 2`, Enter; voting as Amélie.
fn voting_app() -> App {
    let mut app = app();
    keys(&mut app, &["v"]);
    keys(&mut app, &["ctrl-u"]);
    type_text(&mut app, "3 2\n");
    app
}

#[test]
fn v_then_3_2_starts_a_round_of_three_dots_at_most_two_per_item() {
    let mut app = app();
    let before = sess(&app).clone();
    assert!(keys(&mut app, &["v"]).is_empty());
    let f = app.field.as_ref().expect("a field for the round");
    assert_eq!(f.purpose, FieldPurpose::NewRound);
    assert_eq!(f.input.value(), "3", "three dots by default");
    keys(&mut app, &["backspace"]);
    let fx = type_text(&mut app, "3 2\n");
    assert_eq!(fx, vec![Effect::Save]);
    let s = sess(&app);
    assert_eq!(s.rounds.len(), 1);
    let r = &s.rounds[0];
    assert_eq!((r.dots, r.cap), (3, Some(2)));
    assert_eq!(r.title, "Vote 1");
    assert_eq!(r.stage, Some(Id::from("st-idees")));
    assert_eq!(r.opened, t(0));
    let v = app.board.voting.as_ref().expect("voting");
    assert_eq!((&v.round, v.participant), (&r.id, 0));
    assert_says(&app, "Amélie Roux has 3 dots left");
    assert_undo_redo(&mut app, &before);
}

#[test]
fn a_round_with_the_default_dots_and_a_bad_answer() {
    let mut app = app();
    keys(&mut app, &["v", "enter"]);
    let r = &sess(&app).rounds[0];
    assert_eq!((r.dots, r.cap), (3, None));

    let mut app = self::app();
    keys(&mut app, &["v", "ctrl-u"]);
    let fx = type_text(&mut app, "trois\n");
    assert!(fx.is_empty());
    assert!(sess(&app).rounds.is_empty());
    assert!(is_error(&app));
    assert_says(&app, "expected a number of dots");
    for bad in ["0", "3 0", "3 2 1", "-1"] {
        let mut app = self::app();
        keys(&mut app, &["v", "ctrl-u"]);
        type_text(&mut app, &format!("{bad}\n"));
        assert!(sess(&app).rounds.is_empty(), "{bad:?}");
    }
}

#[test]
fn v_without_participants_says_to_add_them_first() {
    let mut s = session();
    s.participants.clear();
    for x in &mut s.stickies {
        x.author = None;
    }
    let mut app = app_with(s, None);
    let fx = keys(&mut app, &["v"]);
    assert!(fx.is_empty());
    assert!(app.field.is_none());
    assert_says(&app, "Add participants first");
}

#[test]
fn v_resumes_the_last_round_and_pauses_it() {
    let mut app = votes_app();
    keys(&mut app, &["v"]);
    assert!(app.field.is_none(), "a round exists: no new one");
    assert_eq!(app.board.voting.as_ref().unwrap().round, Id::from("r-1"));
    assert_says(&app, "Amélie Roux has 1 dot left");
    keys(&mut app, &["v"]);
    assert!(app.board.voting.is_none());
    keys(&mut app, &["v", "esc"]);
    assert!(app.board.voting.is_none(), "Esc pauses voting too");
}

#[test]
fn plus_records_a_dot_on_a_sticky_and_on_a_cluster_header() {
    let mut app = voting_app();
    go(&mut app, 0, 1);
    let before = sess(&app).clone();
    assert_saves(&mut app, &["+"]);
    let s = sess(&app);
    let round = s.rounds[0].id.clone();
    let v = vote_of(s, Some("p-amelie"), &sticky_t("s-4")).expect("a dot on s-4");
    assert_eq!((v.count, &v.round), (1, &round));
    assert_says(&app, "Amélie Roux has 2 dots left");
    assert_undo_redo(&mut app, &before);

    // `=` is `+` without Shift; a second dot on the same sticky adds to it.
    keys(&mut app, &["="]);
    let s = sess(&app);
    assert_eq!(s.votes.len(), 1);
    assert_eq!(s.votes[0].count, 2);

    let before = sess(&app).clone();
    go(&mut app, 1, 0);
    keys(&mut app, &["+"]);
    let v = vote_of(sess(&app), Some("p-amelie"), &cluster_t("c-ombre")).expect("on the cluster");
    assert_eq!(v.count, 1);
    let header = &app.index.columns[1].place;
    assert_eq!(header, &Place::Cluster(Id::from("c-ombre")));
    let tally = app.index.tally.get(&cluster_t("c-ombre")).copied();
    assert_eq!(tally, Some(1), "the header shows it");
    assert_eq!(sess(&app).dots_spent(&round, &Id::from("p-amelie")), 3);
    assert_undo_redo(&mut app, &before);
}

#[test]
fn the_fourth_dot_is_refused_with_the_participant_and_the_budget() {
    let mut app = voting_app();
    go(&mut app, 0, 1);
    keys(&mut app, &["+"]);
    go(&mut app, 0, 2);
    keys(&mut app, &["+"]);
    go(&mut app, 1, 0);
    keys(&mut app, &["+"]);
    let before = sess(&app).clone();
    let history = app.history.undo.len();
    go(&mut app, 0, 3);
    let fx = keys(&mut app, &["+"]);
    assert!(fx.is_empty(), "no save");
    assert_eq!(sess(&app), &before, "no change");
    assert_eq!(app.history.undo.len(), history);
    assert!(is_error(&app));
    let m = message(&app);
    assert!(m.contains("Amélie Roux"), "names who: {m}");
    assert!(m.contains("all 3 dots"), "names the budget: {m}");
    // Another participant still has all their dots.
    keys(&mut app, &["]"]);
    assert_saves(&mut app, &["+"]);
    assert!(vote_of(sess(&app), Some("p-hanako"), &sticky_t("s-6")).is_some());
}

#[test]
fn the_cap_per_item_is_enforced() {
    let mut app = voting_app();
    go(&mut app, 0, 1);
    keys(&mut app, &["+", "+"]);
    let before = sess(&app).clone();
    let fx = keys(&mut app, &["+"]);
    assert!(fx.is_empty());
    assert_eq!(sess(&app), &before);
    assert!(is_error(&app));
    let m = message(&app);
    assert!(m.contains("Amélie Roux already has 2 dots here"), "{m}");
    // The same participant may still put her last dot elsewhere.
    go(&mut app, 0, 2);
    assert_eq!(keys(&mut app, &["+"]), vec![Effect::Save]);
}

#[test]
fn minus_takes_a_dot_back_and_the_last_one_removes_the_vote() {
    let mut app = voting_app();
    go(&mut app, 0, 1);
    keys(&mut app, &["+", "+"]);
    let before = sess(&app).clone();
    assert_saves(&mut app, &["-"]);
    assert_eq!(sess(&app).votes[0].count, 1);
    assert_undo_redo(&mut app, &before);
    keys(&mut app, &["-", "-"]);
    assert!(sess(&app).votes.is_empty());
    let before = sess(&app).clone();
    let fx = keys(&mut app, &["-"]);
    assert!(fx.is_empty());
    assert_eq!(sess(&app), &before);
    assert_says(&app, "no dot to remove here");
    // In the room's language.
    app.lang = "fr";
    keys(&mut app, &["-"]);
    assert_says(&app, "aucune gommette à retirer ici");
}

#[test]
fn brackets_change_the_participant_whose_dots_are_recorded() {
    let mut app = voting_app();
    let who = |app: &App| app.board.voting.as_ref().unwrap().participant;
    keys(&mut app, &["]"]);
    assert_eq!(who(&app), 1);
    keys(&mut app, &["]", "]"]);
    assert_eq!(who(&app), 0, "wraps around");
    keys(&mut app, &["["]);
    assert_eq!(who(&app), 2);
    go(&mut app, 0, 1);
    keys(&mut app, &["+"]);
    let v = vote_of(sess(&app), Some("p-noel"), &sticky_t("s-4")).expect("Noël's dot");
    assert_eq!(v.count, 1);
    // Each has a budget of their own: Noël's dot leaves Amélie's three.
    let round = sess(&app).rounds[0].id.clone();
    assert_eq!(sess(&app).dots_spent(&round, &Id::from("p-amelie")), 0);
}

#[test]
fn plus_outside_voting_or_on_nothing_says_what_to_do() {
    let mut app = app();
    go(&mut app, 0, 1);
    let fx = keys(&mut app, &["+"]);
    assert!(fx.is_empty());
    assert_says(&app, "Press v");
    let mut app = voting_app();
    go(&mut app, 0, 0);
    let fx = keys(&mut app, &["+"]);
    assert!(fx.is_empty(), "the inbox's header is no target");
    assert_says(&app, "Select a sticky");
}

#[test]
fn undo_of_one_vote_takes_back_only_that_dot() {
    let mut app = voting_app();
    go(&mut app, 0, 1);
    keys(&mut app, &["+", "+"]);
    assert_saves(&mut app, &["u"]);
    let s = sess(&app);
    assert_eq!(s.votes.len(), 1);
    assert_eq!(s.votes[0].count, 1);
    assert_says(&app, "Undone: a dot of Amélie Roux");
    keys(&mut app, &["ctrl-r"]);
    assert_eq!(sess(&app).votes[0].count, 2);
}

#[test]
fn t_types_a_paper_tally_and_a_new_tally_replaces_it() {
    let mut app = voting_app();
    go(&mut app, 0, 2);
    let before = sess(&app).clone();
    keys(&mut app, &["t"]);
    let f = app.field.as_ref().expect("a field");
    assert_eq!(f.purpose, FieldPurpose::Tally(sticky_t("s-5")));
    let fx = type_text(&mut app, "7\n");
    assert_eq!(fx, vec![Effect::Save]);
    let s = sess(&app);
    assert_eq!(s.votes.len(), 1);
    let v = &s.votes[0];
    assert_eq!(v.participant, None, "a paper tally has no participant");
    assert_eq!((v.count, &v.target), (7, &sticky_t("s-5")));
    assert_eq!(v.round, s.rounds[0].id);
    assert_says(&app, "Paper tally recorded: 7 dots");
    assert_undo_redo(&mut app, &before);

    // A paper tally is not held to anyone's budget or the cap.
    let first = sess(&app).votes[0].id.clone();
    let before = sess(&app).clone();
    keys(&mut app, &["t"]);
    type_text(&mut app, "4\n");
    let s = sess(&app);
    assert_eq!(s.votes.len(), 1, "replaced, not added");
    assert_eq!((s.votes[0].count, &s.votes[0].id), (4, &first));
    assert_undo_redo(&mut app, &before);

    // Zero removes it.
    keys(&mut app, &["t", "0", "enter"]);
    assert!(sess(&app).votes.is_empty());
}

#[test]
fn a_paper_tally_on_a_cluster_works_without_voting_mode_and_bad_numbers_are_refused() {
    let mut app = votes_app();
    assert!(app.board.voting.is_none());
    go(&mut app, 2, 0);
    keys(&mut app, &["t"]);
    type_text(&mut app, "3\n");
    let v = vote_of(sess(&app), None, &cluster_t("c-eau")).expect("a tally");
    assert_eq!((v.count, v.round.as_str()), (3, "r-1"));

    let before = sess(&app).clone();
    keys(&mut app, &["t"]);
    let fx = type_text(&mut app, "beaucoup\n");
    assert!(fx.is_empty());
    assert_eq!(sess(&app), &before);
    assert_says(&app, "is not a number of dots");
}

#[test]
fn t_without_a_round_says_to_start_one() {
    let mut app = app();
    go(&mut app, 0, 1);
    keys(&mut app, &["t"]);
    assert!(app.field.is_none());
    assert_says(&app, "Start a voting round first");
}

#[test]
fn the_ranking_shares_ranks_between_equal_counts_and_flags_ties() {
    let s = with_votes(session());
    let r1 = Id::from("r-1");
    let ranked = |target: Target, rank: usize, tie: bool, count: u32| Ranked {
        rank,
        tie,
        target,
        count,
    };
    // s-4 and c-ombre have 2 dots each, s-3 and s-6 one each; among
    // equals, clusters come first, then stickies in board order.
    assert_eq!(
        s.ranking(Some(&r1)),
        [
            ranked(cluster_t("c-ombre"), 1, true, 2),
            ranked(sticky_t("s-4"), 1, true, 2),
            ranked(sticky_t("s-3"), 3, true, 1),
            ranked(sticky_t("s-6"), 3, true, 1),
        ]
    );
    // A paper tally of 5 on s-5 puts it alone on top.
    let mut s2 = s.clone();
    let ops = s2.paper_tally(&r1, &sticky_t("s-5"), 5, atelier::model::Id::new());
    s2.apply_all(ops);
    let ranking = s2.ranking(Some(&r1));
    let summary: Vec<(usize, bool, u32)> =
        ranking.iter().map(|r| (r.rank, r.tie, r.count)).collect();
    assert_eq!(
        summary,
        [
            (1, false, 5),
            (2, true, 2),
            (2, true, 2),
            (4, true, 1),
            (4, true, 1)
        ]
    );
    assert_eq!(ranking[0].target, sticky_t("s-5"));
    // Another round's dots do not count in this one; all rounds together do.
    assert!(s.ranking(Some(&Id::from("r-none"))).is_empty());
    assert_eq!(s.ranking(None), s.ranking(Some(&r1)));
}

#[test]
fn shift_r_shows_the_results_and_esc_closes_them() {
    let mut app = app();
    keys(&mut app, &["R"]);
    assert!(!app.board.results, "no votes yet");
    assert_says(&app, "No votes yet");
    let mut app = votes_app();
    let fx = keys(&mut app, &["R"]);
    assert!(fx.is_empty());
    assert!(app.board.results);
    assert_eq!(app.context(), Context::Results);
    keys(&mut app, &["j", "d"]);
    assert_eq!(
        sess(&app).stickies.len(),
        7,
        "the board takes no keys meanwhile"
    );
    keys(&mut app, &["esc"]);
    assert!(!app.board.results);
}

// ---------------------------------------------------------------- known bugs

#[test]
fn after_a_merge_a_new_paper_tally_replaces_the_whole_tally_of_the_cluster() {
    let mut s = with_votes(session());
    s.votes.clear();
    let r1 = Id::from("r-1");
    for (c, n) in [("c-ombre", 4), ("c-eau", 3)] {
        let ops = s.paper_tally(&r1, &cluster_t(c), n, atelier::model::Id::new());
        s.apply_all(ops);
    }
    let ops = s.merge_clusters(&Id::from("c-ombre"), &Id::from("c-eau"));
    s.apply_all(ops);
    assert_eq!(s.votes_for(&cluster_t("c-eau")), 7, "the dots add up");
    // The facilitator counts the merged cluster again: 7 dots.
    let ops = s.paper_tally(&r1, &cluster_t("c-eau"), 7, atelier::model::Id::new());
    s.apply_all(ops);
    assert_eq!(
        s.votes_for(&cluster_t("c-eau")),
        7,
        "a new tally replaces the old one"
    );
    let records = s
        .votes
        .iter()
        .filter(|v| v.participant.is_none() && v.target == cluster_t("c-eau"))
        .count();
    assert_eq!(records, 1, "one paper tally per round and item");
}

#[test]
fn messages_about_several_stickies_say_stickies() {
    let mut app = app();
    keys(&mut app, &["s"]);
    type_text(&mut app, "un\ndeux\n");
    keys(&mut app, &["esc"]);
    let mut said = vec![message(&app).to_owned()];
    update(&mut app, Msg::Do(atelier::app::Action::NewSticky), t(0));
    update(&mut app, Msg::Paste("a\nb".into()), t(0));
    said.push(message(&app).to_owned());
    keys(&mut app, &["esc"]);
    keys(&mut app, &["j", "space", "space", "P"]);
    said.push(message(&app).to_owned());
    go(&mut app, 4, 1);
    keys(&mut app, &["space", "space", "c"]);
    type_text(&mut app, "Deux\n");
    said.push(message(&app).to_owned());
    go(&mut app, 0, 1);
    keys(&mut app, &["space", "space", "d"]);
    said.push(message(&app).to_owned());
    for m in &said {
        assert!(!m.contains("stickys"), "{said:#?}");
    }
}

#[test]
fn confirming_an_unchanged_title_or_text_adds_no_undo_step() {
    let mut app = app();
    go(&mut app, 1, 0);
    let fx = keys(&mut app, &["r", "enter"]);
    assert!(fx.is_empty(), "nothing to save: {fx:?}");
    go(&mut app, 1, 1);
    let fx = keys(&mut app, &["r", "enter"]);
    assert!(fx.is_empty(), "nothing to save: {fx:?}");
    assert!(app.history.undo.is_empty(), "{:?}", app.history.undo);
}

#[test]
fn a_dot_after_the_round_was_undone_says_why_it_is_not_recorded() {
    let mut app = voting_app();
    keys(&mut app, &["u"]);
    assert!(sess(&app).rounds.is_empty());
    go(&mut app, 0, 1);
    let fx = keys(&mut app, &["+"]);
    assert!(fx.is_empty());
    assert!(sess(&app).votes.is_empty());
    assert!(is_error(&app), "the facilitator is told: {:?}", app.message);
}

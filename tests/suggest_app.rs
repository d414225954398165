//! Cluster suggestions in the app (issue 9, item 1): `S` on the board opens
//! them for the inbox; each shows the words its stickies share; Enter or
//! `a` accepts (one undoable step), `e` edits the title first, `x`/`d`
//! rejects (until its stickies change), `+`/`-` tighten or loosen the threshold, Tab switches between
//! the inbox and the whole board, Esc closes. Plus the popup drawn at 100x30
//! in English and French, and the demo session.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod feature_support;
mod support;

use atelier::app::state::Screen;
use atelier::app::{App, Effect};
use atelier::model::suggest::{DEFAULT_THRESHOLD, SEPARATOR, Scope, Suggestion, THRESHOLD_STEP};
use atelier::model::text::fold;
use atelier::model::{Id, Session, validate};
use feature_support::*;

// ---------------------------------------------------------------- session

/// The inbox: three stickies about the library's opening hours (one written
/// without accents), two about trees in the schoolyard, two in English
/// about noise that share no word, a picnic on Sunday in the park and one
/// that says nothing the others say. A cluster "Eau" holds two stickies about
/// fountains (suggested only for the whole board), and one sticky is parked.
fn session() -> Session {
    let mut s = base_session("Cours d'école et bibliothèques 🌳");
    s.clusters = vec![cluster("c-eau", "Eau 💧")];
    s.stickies = vec![
        sticky(
            "s-bib-1",
            "Ouvrir la bibliothèque le dimanche",
            None,
            Some("p-amelie"),
        ),
        sticky(
            "s-bib-2",
            "Bibliotheque ouverte le dimanche matin",
            None,
            None,
        ),
        sticky(
            "s-bib-3",
            "Horaires élargis à la Bibliothèque",
            None,
            Some("p-noel"),
        ),
        sticky(
            "s-arbre-1",
            "Planter des arbres dans la cour de l'école",
            None,
            None,
        ),
        sticky(
            "s-arbre-2",
            "Plus d'arbres et d'ombre dans la cour",
            None,
            None,
        ),
        sticky("s-noise-1", "Too noisy in the reading room", None, None),
        sticky("s-noise-2", "So loud you cannot concentrate", None, None),
        sticky("s-merci", "Merci pour l'invitation", None, None),
        sticky("s-picnic", "Un pique-nique le dimanche au parc", None, None),
        sticky("s-eau-1", "Fontaines à eau fraîche", Some("c-eau"), None),
        sticky(
            "s-eau-2",
            "Une fontaine à eau par étage",
            Some("c-eau"),
            None,
        ),
        {
            let mut x = sticky("s-park", "La cantine bio, plus tard", None, None);
            x.parked = true;
            x
        },
    ];
    s
}

fn app() -> App {
    board_app(session(), None)
}

fn ids(list: &[&str]) -> Vec<Id> {
    list.iter().map(|x| Id::from(*x)).collect()
}

/// The suggestions the popup lists.
fn items(app: &App) -> &[Suggestion] {
    &app.suggest
        .as_ref()
        .expect("the suggestions are open")
        .items
}

fn threshold(app: &App) -> f32 {
    app.suggest
        .as_ref()
        .expect("the suggestions are open")
        .threshold
}

fn scope(app: &App) -> Scope {
    app.suggest
        .as_ref()
        .expect("the suggestions are open")
        .scope
}

/// Ids of the stickies in the cluster titled `title`, in board order.
fn members(s: &Session, title: &str) -> Vec<Id> {
    let c = s
        .clusters
        .iter()
        .find(|c| c.title == title)
        .unwrap_or_else(|| panic!("no cluster {title:?} in {:?}", s.clusters));
    s.stickies
        .iter()
        .filter(|x| x.cluster.as_ref() == Some(&c.id))
        .map(|x| x.id.clone())
        .collect()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-4
}

// ---------------------------------------------------------------- opening

#[test]
fn s_on_the_board_lists_the_inbox_suggestions_with_their_shared_words() {
    let mut app = app();
    let before = sess(&app).clone();
    let fx = keys(&mut app, &["S"]);
    assert!(fx.is_empty(), "opening changes nothing: {fx:?}");
    assert_eq!(sess(&app), &before);
    assert_eq!(scope(&app), Scope::Inbox);
    assert!(close(threshold(&app), DEFAULT_THRESHOLD));

    let list = items(&app).to_vec();
    assert_eq!(
        list,
        before.suggest_clusters(Scope::Inbox, DEFAULT_THRESHOLD)
    );
    assert_eq!(list.len(), 3, "{list:#?}");
    // French with and without accents, English, words that differ: each
    // group, with the concepts it shares shown by the words it writes.
    assert_eq!(list[0].stickies, ids(&["s-bib-1", "s-bib-2", "s-bib-3"]));
    assert_eq!(
        list[0].words,
        ["dimanche ~ ouvrir ~ ouverte ~ matin", "bibliothèque"]
    );
    assert_eq!(list[0].title, "Horaires");
    assert_eq!(
        list[1].stickies,
        ids(&["s-arbre-1", "s-arbre-2", "s-picnic"])
    );
    assert_eq!(list[1].words[0], "arbres ~ planter ~ ombre ~ parc");
    assert_eq!(list[1].title, "Espaces verts");
    assert_eq!(list[2].stickies, ids(&["s-noise-1", "s-noise-2"]));
    assert_eq!(list[2].words, ["noisy ~ loud ~ concentrate"]);
    assert_eq!(list[2].title, "Bruit");
    // Only stickies of the inbox: not the clustered, not the parked ones.
    for sg in &list {
        for id in &sg.stickies {
            assert!(
                !["s-eau-1", "s-eau-2", "s-park"].contains(&id.as_str()),
                "{id} is not in the inbox"
            );
        }
    }

    // The popup shows every suggestion's title, words and stickies.
    let screen = shown(&app, 100, 30);
    for text in [
        "Suggested clusters for the inbox",
        "threshold 0.25",
        "Horaires · 3 stickies",
        "because they share: dimanche ~ ouvrir ~ ouverte ~ matin, bibliothèque",
        "because they share: arbres ~ planter ~ ombre ~ parc",
        "because they share: noisy ~ loud ~ concentrate",
        "Bibliotheque ouverte le dimanche matin",
        "So loud you cannot concentrate",
    ] {
        assert!(screen.contains(text), "{text:?} not on screen:\n{screen}");
    }
}

#[test]
fn the_words_shown_are_shared_by_the_suggested_stickies_accents_and_case_aside() {
    let mut app = app();
    keys(&mut app, &["S"]);
    let s = sess(&app).clone();
    for sg in items(&app) {
        let texts: Vec<String> = sg
            .stickies
            .iter()
            .map(|id| fold(&s.stickies.iter().find(|x| &x.id == id).unwrap().text))
            .collect();
        // Each word shown is written by one of them...
        for w in sg.words.iter().flat_map(|w| w.split(SEPARATOR)) {
            assert!(
                texts.iter().any(|t| t.contains(&fold(w))),
                "{w:?} is in none of {texts:?}"
            );
        }
        // ...and the first reason is written by half of them, two at least.
        let n = texts
            .iter()
            .filter(|t| sg.words[0].split(SEPARATOR).any(|w| t.contains(&fold(w))))
            .count();
        assert!(n >= 2 && 2 * n >= texts.len(), "{:?}: {n}", sg.words[0]);
    }
}

#[test]
fn esc_closes_the_suggestions_and_q_does_too() {
    let mut app = app();
    keys(&mut app, &["S", "esc"]);
    assert!(app.suggest.is_none());
    assert_eq!(app.screen, Screen::Board);
    keys(&mut app, &["S", "q"]);
    assert!(app.suggest.is_none());
    assert!(!app.quit, "q closes the popup, it does not quit");
}

// ---------------------------------------------------------------- accepting

#[test]
fn enter_accepts_one_cluster_with_exactly_its_stickies_as_one_undoable_step() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["S"]);
    let undo_before = app.history.undo.len();
    let fx = keys(&mut app, &["enter"]);
    assert!(fx.contains(&Effect::Save), "{fx:?}");

    let after = sess(&app).clone();
    assert_eq!(after.clusters.len(), before.clusters.len() + 1);
    let new = after.clusters.last().unwrap();
    assert_eq!(new.title, "Horaires");
    assert_eq!(
        members(&after, "Horaires"),
        ids(&["s-bib-1", "s-bib-2", "s-bib-3"])
    );
    // Nothing else moved, nothing else changed.
    for (b, a) in before.stickies.iter().zip(&after.stickies) {
        if !b.id.as_str().starts_with("s-bib") {
            assert_eq!(a, b);
        } else {
            assert_eq!(a.text, b.text);
        }
    }
    assert_eq!(after.stickies.len(), before.stickies.len());
    assert!(validate(&after).is_empty(), "{:?}", validate(&after));
    assert_eq!(app.history.undo.len(), undo_before + 1, "one step");
    assert_says(&app, "Horaires");

    // The popup stays open, without the accepted suggestion.
    assert_eq!(items(&app).len(), 2);
    assert!(
        items(&app)
            .iter()
            .all(|sg| !sg.stickies.contains(&Id::from("s-bib-1")))
    );

    // Esc, then u: the session exactly as before; Ctrl-r: exactly as after.
    keys(&mut app, &["esc"]);
    assert_says(&app, "1 suggestion accepted");
    let fx = keys(&mut app, &["u"]);
    assert_eq!(saves(&fx), 1);
    assert_eq!(sess(&app), &before, "u restores the session exactly");
    assert_eq!(app.history.undo.len(), undo_before);
    let fx = keys(&mut app, &["ctrl-r"]);
    assert_eq!(saves(&fx), 1);
    assert_eq!(sess(&app), &after, "Ctrl-r redoes the acceptance");
}

#[test]
fn a_accepts_the_selected_suggestion() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["S", "j", "a"]);
    let after = sess(&app).clone();
    assert_eq!(after.clusters.len(), 2);
    assert_eq!(
        members(&after, "Espaces verts"),
        ids(&["s-arbre-1", "s-arbre-2", "s-picnic"])
    );
    keys(&mut app, &["esc", "u"]);
    assert_eq!(sess(&app), &before);
}

#[test]
fn accepting_two_suggestions_is_two_steps_undone_one_at_a_time() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["S", "enter"]);
    let one = sess(&app).clone();
    keys(&mut app, &["enter"]);
    let two = sess(&app).clone();
    assert_eq!(two.clusters.len(), 3);
    assert_eq!(app.history.undo.len(), 2);
    keys(&mut app, &["esc"]);
    assert_says(&app, "2 suggestions accepted");
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app), &one);
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app), &before);
}

#[test]
fn u_in_the_open_popup_undoes_the_acceptance_as_the_message_says() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["S", "enter"]);
    assert_says(&app, "u undoes");
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app), &before, "u undid the acceptance");
}

#[test]
fn e_edits_the_title_then_enter_accepts_with_the_edited_title() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["S", "e"]);
    let field = app.field.as_ref().expect("a title field");
    assert_eq!(field.input.value(), "Horaires");
    assert_eq!(sess(&app), &before, "editing the title changes nothing yet");
    for _ in 0.."Horaires".chars().count() {
        keys(&mut app, &["backspace"]);
    }
    type_text(&mut app, "Bibliothèque le dimanche ☀️");
    let fx = keys(&mut app, &["enter"]);
    assert!(fx.contains(&Effect::Save));
    assert!(app.field.is_none());
    let after = sess(&app).clone();
    assert_eq!(after.clusters.len(), 2);
    assert_eq!(after.clusters[1].title, "Bibliothèque le dimanche ☀️");
    assert_eq!(
        members(&after, "Bibliothèque le dimanche ☀️"),
        ids(&["s-bib-1", "s-bib-2", "s-bib-3"])
    );
    assert!(
        after.clusters.iter().all(|c| c.title != "Horaires"),
        "the suggested title is not used"
    );
    assert_eq!(app.history.undo.len(), 1, "one step");
    assert!(app.suggest.is_some(), "back in the suggestions");
    assert_undo_redo_from_popup(&mut app, &before, &after);
}

#[test]
fn editing_the_title_then_esc_accepts_nothing() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["S", "e"]);
    type_text(&mut app, " et le soir");
    let fx = keys(&mut app, &["esc"]);
    assert!(fx.is_empty(), "{fx:?}");
    assert!(app.field.is_none());
    assert_eq!(sess(&app), &before);
    assert_eq!(items(&app).len(), 3, "the suggestion is still there");
}

#[test]
fn an_emptied_title_falls_back_to_the_suggested_one() {
    let mut app = app();
    keys(&mut app, &["S", "e"]);
    for _ in 0..40 {
        keys(&mut app, &["backspace"]);
    }
    type_text(&mut app, "   ");
    keys(&mut app, &["enter"]);
    let after = sess(&app).clone();
    assert_eq!(after.clusters.len(), 2);
    assert_eq!(after.clusters[1].title, "Horaires");
}

// ---------------------------------------------------------------- rejecting

#[test]
fn x_and_d_reject_a_suggestion_without_changing_the_session() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["S"]);
    let list = items(&app).to_vec();
    let fx = keys(&mut app, &["x"]);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(items(&app), &list[1..]);
    assert_eq!(sess(&app), &before);
    assert!(app.history.undo.is_empty());

    let fx = keys(&mut app, &["j", "d"]);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(items(&app), &list[1..2], "the selected one goes");
    assert_eq!(sess(&app), &before);

    // Rejecting everything leaves an empty list; Enter then does nothing.
    let fx = keys(&mut app, &["x", "x", "enter"]);
    assert!(fx.is_empty(), "{fx:?}");
    assert!(items(&app).is_empty());
    assert_eq!(sess(&app), &before);
    assert!(app.history.undo.is_empty());
    let screen = shown(&app, 100, 30);
    assert!(screen.contains("No suggestion"), "{screen}");
}

/// Does any listed suggestion hold this sticky?
fn listed(app: &App, id: &str) -> bool {
    items(app)
        .iter()
        .any(|sg| sg.stickies.contains(&Id::from(id)))
}

#[test]
fn a_rejected_suggestion_stays_out_after_accepting_another_and_reopening() {
    let mut app = app();
    keys(&mut app, &["S"]);
    assert_eq!(
        items(&app)[0].stickies,
        ids(&["s-bib-1", "s-bib-2", "s-bib-3"])
    );
    keys(&mut app, &["x"]);
    assert!(!listed(&app, "s-bib-1"));

    // Accepting another computes the list again: the rejected one stays out.
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).clusters.len(), 2, "one accepted");
    assert!(!listed(&app, "s-bib-1"), "{:?}", items(&app));
    // So do a looser threshold, the whole board and back, and reopening.
    keys(&mut app, &["-", "tab", "tab"]);
    assert!(!listed(&app, "s-bib-1"), "{:?}", items(&app));
    keys(&mut app, &["esc", "S"]);
    assert!(!listed(&app, "s-bib-1"), "{:?}", items(&app));
    // Undoing the acceptance brings nothing rejected back either.
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app).clusters.len(), 1, "undone");
    assert!(!listed(&app, "s-bib-1"), "{:?}", items(&app));
}

#[test]
fn a_rejected_suggestion_may_come_back_once_one_of_its_stickies_is_edited() {
    let mut app = app();
    keys(&mut app, &["S", "x", "esc"]);
    keys(&mut app, &["S"]);
    assert!(!listed(&app, "s-bib-2"), "{:?}", items(&app));
    keys(&mut app, &["esc"]);

    // Edit the second library sticky on the board (column 0, its row 2).
    app.board.col = 0;
    app.board.row = 2;
    keys(&mut app, &["r"]);
    let f = app.field.as_ref().expect("the sticky's text field");
    assert_eq!(
        f.purpose,
        atelier::app::state::FieldPurpose::StickyText(Id::from("s-bib-2"))
    );
    keys(&mut app, &["ctrl-u"]);
    type_text(&mut app, "Bibliothèque ouverte le dimanche soir\n");
    assert_eq!(
        sess(&app).stickies[1].text,
        "Bibliothèque ouverte le dimanche soir"
    );

    keys(&mut app, &["S"]);
    assert_eq!(
        items(&app)[0].stickies,
        ids(&["s-bib-1", "s-bib-2", "s-bib-3"]),
        "its stickies changed: it comes back"
    );
}

// ---------------------------------------------------------------- threshold

#[test]
fn plus_and_minus_change_the_threshold_and_the_list() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["S"]);
    let start = items(&app).to_vec();

    let sets = |list: &[Suggestion]| -> Vec<std::collections::HashSet<Id>> {
        list.iter()
            .map(|sg| sg.stickies.iter().cloned().collect())
            .collect()
    };
    // Looser: the list is the model's at the looser threshold.
    keys(&mut app, &["-"]);
    let looser = DEFAULT_THRESHOLD - THRESHOLD_STEP;
    assert!(close(threshold(&app), looser), "{}", threshold(&app));
    assert_eq!(items(&app), before.suggest_clusters(Scope::Inbox, looser));
    assert!(shown(&app, 100, 30).contains("threshold 0.20"));

    // Back, then tighter until the list changes: groups only split.
    keys(&mut app, &["+"]);
    assert!(close(threshold(&app), DEFAULT_THRESHOLD));
    assert_eq!(items(&app), start);
    keys(&mut app, &["+", "="]);
    let tighter = DEFAULT_THRESHOLD + 2.0 * THRESHOLD_STEP;
    assert!(close(threshold(&app), tighter), "{}", threshold(&app));
    assert!(shown(&app, 100, 30).contains("threshold 0.35"));
    let mut presses = 2;
    while items(&app) == start && presses < 12 {
        keys(&mut app, &["+"]);
        presses += 1;
    }
    let list = items(&app).to_vec();
    assert_ne!(list, start, "nothing changed up to {}", threshold(&app));
    assert_eq!(list, before.suggest_clusters(Scope::Inbox, threshold(&app)));
    for group in sets(&list) {
        assert!(
            sets(&start).iter().any(|g| group.is_subset(g)),
            "{group:?} is not inside a looser group"
        );
    }

    // The threshold stays within its bounds.
    keys(&mut app, &["+"; 30]);
    assert!(threshold(&app) <= 0.95 + 1e-4, "{}", threshold(&app));
    keys(&mut app, &["-"; 40]);
    assert!(threshold(&app) > 0.0, "{}", threshold(&app));
    assert_eq!(
        items(&app),
        before.suggest_clusters(Scope::Inbox, threshold(&app))
    );
    assert_eq!(sess(&app), &before, "the threshold changes no data");
}

// ---------------------------------------------------------------- scope

#[test]
fn tab_switches_to_the_whole_board_and_back() {
    let mut app = app();
    let before = sess(&app).clone();
    keys(&mut app, &["S", "tab"]);
    assert_eq!(scope(&app), Scope::Board);
    // The model's suggestions for the board, but for the one that is
    // exactly a cluster already (the fountains, in "Eau 💧").
    let model = before.suggest_clusters(Scope::Board, DEFAULT_THRESHOLD);
    assert!(
        model
            .iter()
            .any(|sg| sg.stickies == ids(&["s-eau-1", "s-eau-2"]))
    );
    let expected: Vec<Suggestion> = model
        .into_iter()
        .filter(|sg| sg.stickies != ids(&["s-eau-1", "s-eau-2"]))
        .collect();
    assert_eq!(items(&app), expected);
    let screen = shown(&app, 100, 30);
    assert!(
        screen.contains("Suggested clusters for the whole board"),
        "{screen}"
    );

    keys(&mut app, &["tab"]);
    assert_eq!(scope(&app), Scope::Inbox);
    assert_eq!(
        items(&app),
        before.suggest_clusters(Scope::Inbox, DEFAULT_THRESHOLD)
    );
    assert_eq!(sess(&app), &before);
}

#[test]
fn accepting_a_board_suggestion_moves_stickies_out_of_their_cluster_and_undoes() {
    let mut app = app();
    // One fountain back in the inbox: the pair is no longer exactly a cluster.
    if let Some(doc) = app.doc.as_mut() {
        let s = std::sync::Arc::make_mut(&mut doc.session);
        if let Some(x) = s.stickies.iter_mut().find(|x| x.id == Id::from("s-eau-2")) {
            x.cluster = None;
        }
    }
    let before = sess(&app).clone();
    keys(&mut app, &["S", "tab"]);
    let i = items(&app)
        .iter()
        .position(|sg| sg.stickies.contains(&Id::from("s-eau-1")))
        .unwrap();
    let title = items(&app)[i].title.clone();
    for _ in 0..i {
        keys(&mut app, &["j"]);
    }
    keys(&mut app, &["enter"]);
    let after = sess(&app).clone();
    assert_eq!(members(&after, &title), ids(&["s-eau-1", "s-eau-2"]));
    assert!(
        members(&after, "Eau 💧").is_empty(),
        "s-eau-1 left its cluster"
    );
    assert!(validate(&after).is_empty());
    keys(&mut app, &["esc", "u"]);
    assert_eq!(sess(&app), &before);
}

#[test]
fn an_accepted_board_suggestion_leaves_the_list() {
    let mut app = app();
    keys(&mut app, &["S", "tab"]);
    let first = items(&app)[0].clone();
    let n = items(&app).len();
    keys(&mut app, &["enter"]);
    assert!(
        items(&app).iter().all(|sg| sg.stickies != first.stickies),
        "{:?} is suggested again: {:#?}",
        first.title,
        items(&app)
    );
    assert_eq!(items(&app).len(), n - 1);
}

#[test]
fn the_french_popup_writes_the_threshold_with_a_decimal_comma() {
    let mut app = app();
    app.lang = "fr";
    keys(&mut app, &["S"]);
    let screen = shown(&app, 100, 30);
    assert!(screen.contains("seuil 0,25"), "{screen}");
}

// ---------------------------------------------------------------- read-only

#[test]
fn read_only_refuses_to_suggest() {
    let mut app = board_app(session(), Some("it is open in atelier (pid 4242)"));
    let before = sess(&app).clone();
    let fx = keys(&mut app, &["S"]);
    assert!(fx.is_empty(), "{fx:?}");
    assert!(app.suggest.is_none(), "no popup");
    assert!(is_error(&app));
    assert!(message(&app).starts_with("Read-only"), "{}", message(&app));
    assert_eq!(sess(&app), &before);
}

// ---------------------------------------------------------------- the demo

fn demo() -> Session {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/demo.ron");
    atelier::store::load_file(std::path::Path::new(path)).expect("the demo loads")
}

/// The folded text of a sticky, hyphens out (compounds count as one word).
fn flat(text: &str) -> String {
    fold(text).replace('-', "")
}

#[test]
fn on_the_demo_s_then_tab_proposes_suggestions_whose_words_their_stickies_write() {
    let mut app = board_app(demo(), None);
    let before = sess(&app).clone();
    keys(&mut app, &["S", "tab"]);
    assert_eq!(scope(&app), Scope::Board);
    let list = items(&app).to_vec();
    assert!(!list.is_empty(), "no suggestion on the demo's board");
    let s = sess(&app);
    for sg in &list {
        assert!(sg.stickies.len() >= 2, "{sg:?}");
        assert!(
            !sg.words.is_empty(),
            "a suggestion without a reason: {sg:?}"
        );
        let texts: Vec<String> = sg
            .stickies
            .iter()
            .map(|id| flat(&s.stickies.iter().find(|x| &x.id == id).unwrap().text))
            .collect();
        // Each word shown is written by at least one of them.
        for reason in &sg.words {
            let mut sharing = 0;
            for t in &texts {
                sharing += usize::from(reason.split(SEPARATOR).any(|w| t.contains(&flat(w))));
            }
            for w in reason.split(SEPARATOR) {
                assert!(
                    texts.iter().any(|t| t.contains(&flat(w))),
                    "{w:?} is written by none of {texts:?}"
                );
            }
            assert!(sharing >= 1, "{reason:?} in {sharing} of {texts:?}");
        }
    }
    let screen = shown(&app, 100, 30);
    assert!(
        screen.contains(&format!("because they share: {}", list[0].words[0])),
        "{screen}"
    );

    // Accepting the first is one step, undone exactly.
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).clusters.len(), before.clusters.len() + 1);
    assert!(validate(sess(&app)).is_empty());
    keys(&mut app, &["esc", "u"]);
    assert_eq!(sess(&app), &before);
}

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_of_the_popup_in_english() {
    let mut app = app();
    keys(&mut app, &["S", "j"]);
    insta::assert_snapshot!("suggest_popup_en_100x30", draw(&app, 100, 30).backend());
}

#[test]
fn snapshot_of_the_popup_in_french() {
    let mut app = app();
    app.lang = "fr";
    keys(&mut app, &["S", "j"]);
    insta::assert_snapshot!("suggest_popup_fr_100x30", draw(&app, 100, 30).backend());
}

// ---------------------------------------------------------------- the lab's engine, large scopes

/// An app as `atelier` starts it on `home`, with `session` open on the board.
fn started(home: &std::path::Path, session: Session) -> (App, Vec<String>) {
    let (mut app, warnings) = atelier::app::build_app(&atelier::store::Home::under(home));
    app.doc = Some(atelier::app::state::Doc::new(
        session,
        home.join("sessions").join("s.ron"),
    ));
    app.screen = Screen::Board;
    (app, warnings)
}

#[test]
fn the_lab_s_thesaurus_in_its_configuration_folder_changes_the_app_s_suggestions() {
    let mut s = base_session("Abeilles");
    s.stickies = vec![
        sticky("s-1", "Du propolis maison", None, None),
        sticky("s-2", "Un hydromel local", None, None),
        sticky("s-3", "Zorglub partout", None, None),
    ];
    let together = |app: &App| {
        items(app)
            .iter()
            .any(|i| i.stickies.contains(&Id::from("s-1")) && i.stickies.contains(&Id::from("s-2")))
    };
    // Built in: propolis and mead are strangers.
    let home = tempfile::tempdir().unwrap();
    let (mut app, warnings) = started(home.path(), s.clone());
    assert!(warnings.is_empty(), "{warnings:?}");
    keys(&mut app, &["S"]);
    assert!(!together(&app), "{:?}", items(&app));

    // The lab's words, and a broken file said among the start-up warnings.
    let dir = home.path().join("config").join("suggest");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("abeilles.txt"),
        "[bees]\nlabel: Abeilles | Bees\nfr: propolis, hydromel, abeille\nen: mead, bee\n",
    )
    .unwrap();
    std::fs::write(dir.join("broken.txt"), "[bees]\nfrench: abeille\n").unwrap();
    let (mut app, warnings) = started(home.path(), s);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("broken.txt:2:1: unknown key `french`")),
        "{warnings:?}"
    );
    keys(&mut app, &["S"]);
    assert!(together(&app), "{:?}", items(&app));
    let bees = items(&app).iter().find(|i| i.title == "Abeilles").unwrap();
    assert_eq!(bees.words, ["propolis ~ hydromel"]);
}

/// More stickies in the inbox than the app suggests for while a key waits.
fn crowded() -> Session {
    let mut s = base_session("Beaucoup");
    let n = atelier::app::suggest::INLINE_MAX + 1;
    s.stickies = (0..n)
        .map(|i| sticky(&format!("s-{i}"), &format!("Idée numéro {i}"), None, None))
        .collect();
    s
}

#[test]
fn past_2000_stickies_suggestions_are_computed_off_the_key_and_open_when_they_come_back() {
    let mut app = board_app(crowded(), None);
    let fx = keys(&mut app, &["S"]);
    // No popup yet: a message, and the work for a worker thread.
    assert!(app.suggest.is_none());
    assert_eq!(message(&app), "Suggesting clusters for 2001 stickies…");
    let request = match fx.as_slice() {
        [
            Effect::Suggest {
                request,
                session,
                scope: Scope::Inbox,
                threshold,
            },
        ] => {
            assert_eq!(session.as_ref(), sess(&app));
            assert!(close(*threshold, DEFAULT_THRESHOLD));
            *request
        }
        other => panic!("expected one Suggest effect, got {other:?}"),
    };
    let found = vec![Suggestion {
        title: "Idées".into(),
        words: vec!["idée".into()],
        stickies: ids(&["s-1", "s-2"]),
    }];
    // A result for an older request is dropped.
    let now = app.now;
    atelier::app::update(
        &mut app,
        atelier::app::Msg::Suggested(request + 7, found.clone()),
        now,
    );
    assert!(app.suggest.is_none());
    // The one asked for opens the popup, as if computed in the key.
    atelier::app::update(
        &mut app,
        atelier::app::Msg::Suggested(request, found.clone()),
        now,
    );
    assert_eq!(items(&app), found.as_slice());
    assert_eq!(scope(&app), Scope::Inbox);
    assert!(app.suggesting.is_none());

    // Loosening asks again; the popup keeps its list meanwhile, and Esc
    // drops what comes back late.
    let fx = keys(&mut app, &["-"]);
    assert!(matches!(fx.as_slice(), [Effect::Suggest { .. }]), "{fx:?}");
    assert_eq!(items(&app), found.as_slice());
    keys(&mut app, &["esc"]);
    let late = app.suggest_requests;
    atelier::app::update(&mut app, atelier::app::Msg::Suggested(late, found), now);
    assert!(
        app.suggest.is_none(),
        "a late result after Esc stays closed"
    );
}

#[test]
fn en_francais_le_message_d_attente_compte_les_post_it() {
    let mut app = board_app(crowded(), None);
    app.lang = "fr";
    keys(&mut app, &["S"]);
    assert_eq!(message(&app), "Suggestion de groupes pour 2001 post-it…");
}

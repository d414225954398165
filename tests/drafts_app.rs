//! Esc never loses typed text (issue 14, "Typed text"): every text field
//! (the sticky capture bar, the note editor and all its parts, every
//! one-line popup) keeps what was typed as a draft when it is closed with
//! Esc, shows it again (cursor at its end) when it reopens, and says which
//! key continues it. Drafts are keyed by field kind and item, cleared on
//! commit or when the field is emptied and closed, queued for the crash
//! journal when they change, and never part of the session or its exports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod feature_support;
mod support;

use atelier::app::drafts::{DraftKey, NotePart};
use atelier::app::effect::{Done, Opened};
use atelier::app::state::{EditorField, FieldPurpose, Screen};
use atelier::app::{App, Effect, Msg, update};
use atelier::model::{Id, NoteKind, Role, Session, Target, VotingRound, validate};
use atelier::store::journal::{Drafts, Record};
use feature_support::*;
use std::path::{Path, PathBuf};

/// Two clusters of two stickies, two in the inbox that share words (so
/// there is a suggestion), three notes, a voting round.
fn session() -> Session {
    let mut s = base_session("Cours d'école 🌳 校庭");
    s.participants
        .push(participant("p-hanako", "山田 花子", Role::Citizen));
    s.notes = vec![
        note("n-1", NoteKind::Quote, Some("p-noel"), "« Il fait 40 °C »"),
        note("n-2", NoteKind::Idea, None, "Des fontaines 💧"),
    ];
    s.clusters = vec![cluster("c-a", "Ombre"), cluster("c-b", "Eau")];
    s.stickies = vec![
        sticky("s-1", "Planter des arbres", Some("c-a"), None),
        sticky("s-2", "Des voiles d'ombrage", Some("c-a"), None),
        sticky("s-3", "Une fontaine à boire", Some("c-b"), None),
        sticky("s-4", "Brumisateurs", Some("c-b"), None),
        sticky("s-5", "Végétaliser la cour de récréation", None, None),
        sticky("s-6", "Végétaliser la cour du collège", None, None),
    ];
    s.rounds = vec![VotingRound {
        id: Id::from("r-1"),
        title: "Vote 1".into(),
        stage: Some(Id::from("st-idees")),
        dots: 3,
        cap: None,
        opened: t(900),
        anonymous: false,
        on_stickies: false,
    }];
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    s
}

fn app_on(screen: Screen) -> App {
    app_at(
        session(),
        &PathBuf::from("/nonexistent/cour.ron"),
        None,
        false,
        screen,
    )
}

/// The drafts in the last drafts record queued for the journal, if any.
fn queued(app: &mut App) -> Option<Drafts> {
    std::mem::take(&mut app.outbox)
        .into_iter()
        .rev()
        .find_map(|(_, r)| match r {
            Record::Drafts(d) => Some(d),
            _ => None,
        })
}

/// The open one-line field's text, and whether its cursor is at its end.
fn field_text(app: &App) -> (String, bool) {
    let f = app.field.as_ref().expect("a field is open");
    let v = f.input.value().to_owned();
    let at_end = f.input.cursor() == v.chars().count();
    (v, at_end)
}

const TYPED: &str = " à finir 涼 🌿";

/// One field: how to get there, open it, and open it again.
struct Case {
    what: &'static str,
    screen: Screen,
    /// Keys before the field opens (moving the cursor, making a prototype).
    before: &'static [&'static str],
    /// Text typed (then Enter) in fields that come before this one.
    chain: &'static [&'static str],
    /// The field is open after `chain` (else `open` opens it).
    chained: bool,
    /// The keys that open the field (again).
    open: &'static [&'static str],
    /// The key the status line names (the first of `open` unless chained).
    key: &'static str,
    /// The draft's key in the journal, or its start when it names an id made
    /// during the test.
    draft: &'static str,
    purpose: fn(&FieldPurpose) -> bool,
}

fn cases() -> Vec<Case> {
    use FieldPurpose as P;
    vec![
        Case {
            what: "session title",
            screen: Screen::Home,
            before: &[],
            chain: &[],
            chained: false,
            open: &["n"],
            key: "n",
            draft: "",
            purpose: |p| matches!(p, P::NewSessionTitle),
        },
        Case {
            what: "detail",
            screen: Screen::Setup,
            before: &["down"],
            chain: &[],
            chained: false,
            open: &["E"],
            key: "E",
            draft: "detail:challenge",
            purpose: |p| matches!(p, P::Detail(_)),
        },
        Case {
            what: "new participant",
            screen: Screen::Setup,
            before: &["tab"],
            chain: &[],
            chained: false,
            open: &["i"],
            key: "i",
            draft: "participant:new",
            purpose: |p| matches!(p, P::NewParticipant),
        },
        Case {
            what: "participant name",
            screen: Screen::Setup,
            before: &["tab", "down"],
            chain: &[],
            chained: false,
            open: &["E"],
            key: "E",
            draft: "participant:p-noel",
            purpose: |p| matches!(p, P::ParticipantName(_)),
        },
        Case {
            what: "stage title",
            screen: Screen::Setup,
            before: &["tab", "tab"],
            chain: &[],
            chained: false,
            open: &["E"],
            key: "E",
            draft: "stage:st-ouverture",
            purpose: |p| matches!(p, P::StageTitle(_)),
        },
        Case {
            what: "step title",
            screen: Screen::Setup,
            before: &["tab", "tab", "down"],
            chain: &[],
            chained: false,
            open: &["enter"],
            key: "Enter",
            draft: "step-title:sp-meteo",
            purpose: |p| matches!(p, P::StepTitle(_)),
        },
        Case {
            what: "step prompt",
            screen: Screen::Setup,
            before: &["tab", "tab", "down"],
            chain: &[],
            chained: false,
            open: &["E"],
            key: "E",
            draft: "step-prompt:sp-meteo",
            purpose: |p| matches!(p, P::StepPrompt(_)),
        },
        Case {
            what: "new cluster",
            screen: Screen::Board,
            before: &["down"],
            chain: &[],
            chained: false,
            open: &["c"],
            key: "c",
            draft: "new-cluster",
            purpose: |p| matches!(p, P::NewCluster(_)),
        },
        Case {
            what: "split",
            screen: Screen::Board,
            before: &["right", "down", "space"],
            chain: &[],
            chained: false,
            open: &["x"],
            key: "x",
            draft: "split-cluster",
            purpose: |p| matches!(p, P::Split(_)),
        },
        Case {
            what: "cluster title",
            screen: Screen::Board,
            before: &["right"],
            chain: &[],
            chained: false,
            open: &["r"],
            key: "r",
            draft: "cluster:c-a",
            purpose: |p| matches!(p, P::RenameCluster(_)),
        },
        Case {
            what: "sticky text",
            screen: Screen::Board,
            before: &["right", "down"],
            chain: &[],
            chained: false,
            open: &["r"],
            key: "r",
            draft: "sticky:s-1",
            purpose: |p| matches!(p, P::StickyText(_)),
        },
        Case {
            what: "tally",
            screen: Screen::Board,
            before: &["right", "down"],
            chain: &[],
            chained: false,
            open: &["t"],
            key: "t",
            draft: "tally-sticky:s-1",
            purpose: |p| matches!(p, P::Tally(Target::Sticky(_))),
        },
        Case {
            what: "save as",
            screen: Screen::Facilitate,
            before: &[],
            chain: &[],
            chained: false,
            open: &["W"],
            key: "W",
            draft: "save-as",
            purpose: |p| matches!(p, P::SaveAs),
        },
        Case {
            what: "comment on a sticky",
            screen: Screen::Board,
            before: &["right", "down"],
            chain: &[],
            chained: false,
            open: &["C"],
            key: "C",
            draft: "comment:s-1",
            purpose: |p| matches!(p, P::Comment(Some(_))),
        },
        Case {
            what: "comment on the session",
            screen: Screen::Facilitate,
            before: &[],
            chain: &[],
            chained: false,
            open: &["C"],
            key: "C",
            draft: "comment:session",
            purpose: |p| matches!(p, P::Comment(None)),
        },
        Case {
            what: "suggestion title",
            screen: Screen::Board,
            before: &["S"],
            chain: &[],
            chained: false,
            open: &["e"],
            key: "e",
            draft: "suggestion:",
            purpose: |p| matches!(p, P::SuggestionTitle(_)),
        },
        Case {
            what: "attach path",
            screen: Screen::Facilitate,
            before: &[],
            chain: &[],
            chained: false,
            open: &["A"],
            key: "A",
            draft: "attach:",
            purpose: |p| matches!(p, P::Attach(_)),
        },
        Case {
            what: "prototype name",
            screen: Screen::Facilitate,
            before: &[],
            chain: &[],
            chained: false,
            open: &["P"],
            key: "P",
            draft: "prototype:new",
            purpose: |p| matches!(p, P::PrototypeName),
        },
        Case {
            what: "what a prototype tests",
            screen: Screen::Facilitate,
            before: &["P"],
            chain: &["Carte des îlots de fraîcheur"],
            chained: true,
            open: &["E"],
            key: "E",
            draft: "prototype-tests:",
            purpose: |p| matches!(p, P::PrototypeTests(_)),
        },
        Case {
            what: "a prototype's hypothesis",
            screen: Screen::Facilitate,
            before: &["P"],
            chain: &["Carte", "Si les familles la lisent"],
            chained: true,
            open: &["E", "enter"],
            key: "E",
            draft: "prototype-hypothesis:",
            purpose: |p| matches!(p, P::PrototypeHypothesis(_)),
        },
        Case {
            what: "prototype feedback",
            screen: Screen::Facilitate,
            before: &["P"],
            chain: &["Carte", "", ""],
            chained: false,
            open: &["F"],
            key: "F",
            draft: "feedback:",
            purpose: |p| matches!(p, P::PrototypeFeedback(_)),
        },
        Case {
            what: "export path",
            screen: Screen::Facilitate,
            before: &[],
            chain: &[],
            chained: false,
            open: &["e", "enter"],
            key: "e",
            draft: "export:html",
            purpose: |p| matches!(p, P::ExportTo(..)),
        },
    ]
}

#[test]
fn every_one_line_field_keeps_its_text_on_esc_and_shows_it_again() {
    for c in cases() {
        let what = c.what;
        let mut app = if c.screen == Screen::Home {
            bare_home()
        } else {
            app_on(c.screen)
        };
        keys(&mut app, c.before);
        for text in c.chain {
            type_text(&mut app, text);
            keys(&mut app, &["enter"]);
        }
        if !c.chained {
            keys(&mut app, c.open);
        }
        let f = app
            .field
            .as_ref()
            .unwrap_or_else(|| panic!("{what}: no field"));
        assert!((c.purpose)(&f.purpose), "{what}: {:?}", f.purpose);
        let opened = f.input.value().to_owned();
        app.outbox.clear();
        type_text(&mut app, TYPED);
        let typed = format!("{opened}{TYPED}");
        assert_eq!(field_text(&app).0, typed, "{what}");
        assert_eq!(queued(&mut app), None, "{what}: typing is not a draft yet");

        keys(&mut app, &["esc"]);
        assert!(app.field.is_none(), "{what}: Esc closes");
        assert_eq!(
            message(&app),
            format!("Draft kept: {} to continue.", c.key),
            "{what}"
        );
        let journal = queued(&mut app);
        if c.draft.is_empty() {
            // The home screen's field belongs to no session: no journal.
            assert_eq!(journal, None, "{what}");
        } else {
            let journal = journal.unwrap_or_else(|| panic!("{what}: no drafts record"));
            let (k, v) = journal
                .iter()
                .find(|(k, _)| k.starts_with(c.draft))
                .unwrap_or_else(|| panic!("{what}: {journal:?}"));
            assert_eq!(v, &typed, "{what}: {k}");
        }

        keys(&mut app, c.open);
        let (text, at_end) = field_text(&app);
        assert_eq!(text, typed, "{what}: the draft is back");
        assert!(at_end, "{what}: the cursor is at the end");
        assert!(
            (c.purpose)(&app.field.as_ref().unwrap().purpose),
            "{what}: the same field"
        );
        assert_eq!(queued(&mut app), None, "{what}: reopening changes nothing");

        // Emptied and closed: the draft goes.
        for _ in 0..typed.chars().count() {
            keys(&mut app, &["backspace"]);
        }
        keys(&mut app, &["esc"]);
        if !c.draft.is_empty() {
            let journal = queued(&mut app).unwrap_or_else(|| panic!("{what}: no record"));
            assert!(
                !journal.keys().any(|k| k.starts_with(c.draft)),
                "{what}: {journal:?}"
            );
        }
        keys(&mut app, c.open);
        assert_eq!(field_text(&app).0, opened, "{what}: as it first opened");
    }
}

fn bare_home() -> App {
    let mut app = app_on(Screen::Home);
    app.doc = None;
    app
}

#[test]
fn the_capture_bar_keeps_its_draft_on_esc_until_it_is_added() {
    let mut app = app_on(Screen::Facilitate);
    keys(&mut app, &["s"]);
    type_text(&mut app, "Des bancs à l'ombre 🌳");
    let fx = keys(&mut app, &["esc"]);
    assert_eq!(fx, vec![], "a draft is not the session: nothing to save");
    assert!(app.capture.is_none());
    assert_eq!(message(&app), "Draft kept: s to continue.");
    assert_eq!(
        queued(&mut app),
        Some(Drafts::from([(
            "capture".to_owned(),
            "Des bancs à l'ombre 🌳".to_owned()
        )]))
    );
    assert_eq!(sess(&app).stickies.len(), 6, "nothing was added");

    keys(&mut app, &["s"]);
    let c = app.capture.as_ref().unwrap();
    assert_eq!(c.input.value(), "Des bancs à l'ombre 🌳");
    assert_eq!(c.input.cursor(), c.input.value().chars().count());
    type_text(&mut app, " 涼");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(saves(&fx), 1);
    assert_eq!(
        sess(&app).stickies.last().unwrap().text,
        "Des bancs à l'ombre 🌳 涼"
    );
    assert_eq!(
        queued(&mut app),
        Some(Drafts::new()),
        "added: the draft goes"
    );
    keys(&mut app, &["esc"]);
    assert_eq!(message(&app), "1 sticky added. u undoes the last.");
    keys(&mut app, &["s"]);
    assert_eq!(app.capture.as_ref().unwrap().input.value(), "");
}

#[test]
fn the_capture_bar_says_both_what_was_added_and_what_was_kept() {
    let mut app = app_on(Screen::Board);
    keys(&mut app, &["s"]);
    type_text(&mut app, "Un\n");
    type_text(&mut app, "Deux, à moitié");
    keys(&mut app, &["esc"]);
    assert_eq!(
        message(&app),
        "1 sticky added. u undoes the last. Draft kept: s to continue."
    );
}

#[test]
fn the_note_editor_keeps_every_part_of_a_new_note() {
    let mut app = app_on(Screen::Facilitate);
    keys(&mut app, &["n"]);
    type_text(&mut app, "Première ligne\nDeuxième 二行目");
    keys(&mut app, &["tab"]);
    keys(&mut app, &["5"]); // Idea
    keys(&mut app, &["tab", "right", "right"]); // Noël Bertrand
    keys(&mut app, &["tab"]);
    type_text(&mut app, "ombre, été");
    keys(&mut app, &["esc"]);
    assert!(app.editor.is_none());
    assert_eq!(message(&app), "Draft kept: n to continue.");
    assert_eq!(
        queued(&mut app),
        Some(Drafts::from([
            (
                "note:new".to_owned(),
                "Première ligne\nDeuxième 二行目".to_owned()
            ),
            ("note-author:new".to_owned(), "p-noel".to_owned()),
            ("note-kind:new".to_owned(), "idea".to_owned()),
            ("note-tags:new".to_owned(), "ombre, été".to_owned()),
        ]))
    );
    assert_eq!(sess(&app).notes.len(), 2);

    keys(&mut app, &["n"]);
    let ed = app.editor.as_ref().unwrap();
    assert_eq!(ed.text.lines(), ["Première ligne", "Deuxième 二行目"]);
    assert_eq!(ed.kind, NoteKind::Idea);
    assert_eq!(ed.author, 2);
    assert_eq!(ed.tags.value(), "ombre, été");
    assert_eq!(ed.field, EditorField::Text);
    assert_eq!(
        ed.text.cursor(),
        ratatui_textarea::DataCursor(1, "Deuxième 二行目".chars().count()),
        "the cursor is at the end of the text"
    );
    let fx = keys(&mut app, &["ctrl-s"]);
    assert_eq!(saves(&fx), 1);
    let n = sess(&app).notes.last().unwrap();
    assert_eq!(n.text, "Première ligne\nDeuxième 二行目");
    assert_eq!(n.kind, NoteKind::Idea);
    assert_eq!(n.author, Some(Id::from("p-noel")));
    assert_eq!(n.tags, ["ombre", "été"]);
    assert_eq!(
        queued(&mut app),
        Some(Drafts::new()),
        "saved: the draft goes"
    );
    keys(&mut app, &["n"]);
    assert_eq!(app.editor.as_ref().unwrap().text.lines(), [""]);
}

#[test]
fn a_note_opened_and_closed_unchanged_or_blank_keeps_no_draft() {
    let mut app = app_on(Screen::Facilitate);
    keys(&mut app, &["n"]);
    type_text(&mut app, "  \n ");
    keys(&mut app, &["esc"]);
    assert_eq!(message(&app), "Note discarded.");
    assert_eq!(queued(&mut app), None);
    // An existing note, opened and closed as it was.
    keys(&mut app, &["N", "E"]);
    assert!(app.editor.as_ref().unwrap().editing.is_some());
    keys(&mut app, &["esc"]);
    assert_eq!(queued(&mut app), None);
    assert!(app.drafts.is_empty());
}

#[test]
fn a_draft_of_an_existing_note_is_that_notes_and_no_others() {
    let mut app = app_on(Screen::Notes);
    // n-1 is selected: add to its text.
    keys(&mut app, &["E"]);
    assert_eq!(app.editor.as_ref().unwrap().editing, Some(Id::from("n-1")));
    keys(&mut app, &["ctrl-e"]);
    type_text(&mut app, " dehors");
    keys(&mut app, &["esc"]);
    assert_eq!(message(&app), "Draft kept: E to continue.");
    let queued = queued(&mut app).unwrap();
    assert_eq!(queued["note:n-1"], "« Il fait 40 °C » dehors");
    assert_eq!(sess(&app).notes[0].text, "« Il fait 40 °C »", "not saved");
    // Another note, and a new one, open as they are.
    keys(&mut app, &["down", "E"]);
    assert_eq!(
        app.editor.as_ref().unwrap().text.lines(),
        ["Des fontaines 💧"]
    );
    keys(&mut app, &["esc", "n"]);
    assert_eq!(app.editor.as_ref().unwrap().text.lines(), [""]);
    keys(&mut app, &["esc", "up", "E"]);
    assert_eq!(
        app.editor.as_ref().unwrap().text.lines(),
        ["« Il fait 40 °C » dehors"]
    );
    keys(&mut app, &["ctrl-s"]);
    assert_eq!(sess(&app).notes[0].text, "« Il fait 40 °C » dehors");
    assert!(app.drafts.is_empty());
}

#[test]
fn per_item_drafts_do_not_leak_to_other_items() {
    let mut app = app_on(Screen::Board);
    // Renaming cluster A, left with Esc.
    keys(&mut app, &["right", "r"]);
    type_text(&mut app, " et arbres");
    keys(&mut app, &["esc"]);
    // Renaming cluster B shows B's title.
    keys(&mut app, &["right", "r"]);
    assert_eq!(field_text(&app).0, "Eau");
    keys(&mut app, &["esc", "left", "r"]);
    assert_eq!(field_text(&app).0, "Ombre et arbres");
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).clusters[0].title, "Ombre et arbres");
    assert!(app.drafts.is_empty(), "renamed: the draft goes");

    // A comment about one sticky is not about another.
    keys(&mut app, &["down", "C"]);
    type_text(&mut app, "Lequel ?");
    keys(&mut app, &["esc", "down", "C"]);
    assert_eq!(field_text(&app).0, "");
    keys(&mut app, &["esc", "up", "C"]);
    assert_eq!(field_text(&app).0, "Lequel ?");
}

#[test]
fn a_refused_commit_keeps_the_text_as_a_draft() {
    let mut app = app_on(Screen::Board);
    keys(&mut app, &["right", "down", "t"]);
    type_text(&mut app, "sept");
    keys(&mut app, &["enter"]);
    assert!(is_error(&app));
    assert!(
        message(&app).ends_with("Draft kept: t to continue."),
        "{}",
        message(&app)
    );
    keys(&mut app, &["t"]);
    assert_eq!(field_text(&app).0, "sept");
    for _ in 0..4 {
        keys(&mut app, &["backspace"]);
    }
    type_text(&mut app, "7");
    keys(&mut app, &["enter"]);
    assert!(!is_error(&app), "{}", message(&app));
    assert!(app.drafts.is_empty());
}

#[test]
fn drafts_are_queued_for_the_journal_only_when_they_change() {
    let mut app = app_on(Screen::Facilitate);
    keys(&mut app, &["s"]);
    type_text(&mut app, "abc");
    assert_eq!(queued(&mut app), None);
    keys(&mut app, &["esc"]);
    assert!(queued(&mut app).is_some());
    // Moving around, opening and closing the same draft: nothing new.
    keys(&mut app, &["tab", "tab", "s", "esc", "b", "j"]);
    assert_eq!(queued(&mut app), None);
    update(&mut app, Msg::Tick, t(1));
    assert_eq!(queued(&mut app), None);
    // Another field's draft: the record holds every draft.
    keys(&mut app, &["f", "C"]);
    type_text(&mut app, "Merci");
    keys(&mut app, &["esc"]);
    assert_eq!(
        queued(&mut app),
        Some(Drafts::from([
            ("capture".to_owned(), "abc".to_owned()),
            ("comment:session".to_owned(), "Merci".to_owned()),
        ]))
    );
}

#[test]
fn drafts_handed_over_at_open_come_back_and_are_not_journaled_again() {
    let mut app = app_on(Screen::Facilitate);
    keys(&mut app, &["C"]);
    type_text(&mut app, "du document précédent");
    keys(&mut app, &["esc"]);
    app.outbox.clear();
    let recovered = Drafts::from([
        (
            "capture".to_owned(),
            "Une idée d'avant le crash 涼".to_owned(),
        ),
        (
            "note:n-2".to_owned(),
            "Des fontaines 💧 et des gourdes".to_owned(),
        ),
    ]);
    // The same session again, with a zone (one without is saved at once).
    let mut s = sess(&app).clone();
    s.adopt_zone(&app.local_zone);
    let opened = Opened {
        drafts: recovered,
        ..Opened::plain(s, "/nonexistent/cour.ron".into())
    };
    let fx = update(&mut app, Msg::Done(Done::Opened(Box::new(opened))), t(5));
    assert_eq!(fx, vec![]);
    assert_eq!(queued(&mut app), None, "the journal holds them already");
    keys(&mut app, &["s"]);
    assert_eq!(
        app.capture.as_ref().unwrap().input.value(),
        "Une idée d'avant le crash 涼"
    );
    keys(&mut app, &["esc", "C"]);
    assert_eq!(
        field_text(&app).0,
        "",
        "the previous session's drafts are gone"
    );
    keys(&mut app, &["esc", "N", "down", "E"]);
    assert_eq!(
        app.editor.as_ref().unwrap().text.lines(),
        ["Des fontaines 💧 et des gourdes"]
    );
}

#[test]
fn leaving_with_a_field_open_keeps_its_text() {
    let mut app = app_on(Screen::Facilitate);
    keys(&mut app, &["s"]);
    type_text(&mut app, "tapé quand le terminal s'est fermé");
    update(&mut app, Msg::Closing, t(1));
    assert_eq!(
        queued(&mut app),
        Some(Drafts::from([(
            "capture".to_owned(),
            "tapé quand le terminal s'est fermé".to_owned()
        )]))
    );
    let mut app = app_on(Screen::Facilitate);
    keys(&mut app, &["n"]);
    type_text(&mut app, "une note");
    update(&mut app, Msg::Closing, t(1));
    assert_eq!(queued(&mut app).unwrap()["note:new"], "une note");
}

#[test]
fn the_status_line_names_the_key_in_french_too() {
    let mut app = app_on(Screen::Facilitate);
    app.lang = "fr";
    keys(&mut app, &["s"]);
    type_text(&mut app, "idée");
    keys(&mut app, &["esc"]);
    assert_eq!(message(&app), "Brouillon gardé\u{a0}: s pour reprendre.");
    let mut app = app_on(Screen::Setup);
    app.lang = "fr";
    keys(&mut app, &["tab", "tab", "down", "enter"]);
    type_text(&mut app, "!");
    keys(&mut app, &["esc"]);
    assert_eq!(
        message(&app),
        "Brouillon gardé\u{a0}: Entrée pour reprendre."
    );
}

#[test]
fn the_key_named_is_the_keymaps() {
    use atelier::app::keymap::Keymap;
    let user = r#"{ global: { "s": Ignore, "ctrl-k": NewSticky } }"#;
    let (keymap, warnings) = Keymap::with_user(Some(("keymap.ron", user)));
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut app = app_on(Screen::Facilitate);
    app.keymap = keymap;
    keys(&mut app, &["ctrl-k"]);
    type_text(&mut app, "x");
    keys(&mut app, &["esc"]);
    assert_eq!(message(&app), "Draft kept: Ctrl-k to continue.");
    // No key opens it any more: the status line says only that it is kept.
    let user = r#"{ global: { "s": Ignore } }"#;
    let (keymap, _) = Keymap::with_user(Some(("keymap.ron", user)));
    let mut app = app_on(Screen::Facilitate);
    keys(&mut app, &["s"]);
    type_text(&mut app, "x");
    app.keymap = keymap;
    keys(&mut app, &["esc"]);
    assert_eq!(message(&app), "Draft kept.");
}

// ---------------------------------------------------------------- review

const REVIEW: &str = "review mode: the workshop itself cannot be changed; C adds a comment";

#[test]
fn a_reviewers_comment_survives_esc_and_is_queued_for_their_own_file() {
    let mut app = app_at(
        session(),
        Path::new("/nonexistent/cour.ron"),
        Some(REVIEW),
        true,
        Screen::Board,
    );
    // Signed (`--as`): the name is not asked first.
    app.ctx.reviewer = Some("Léa".into());
    keys(&mut app, &["right", "down", "c"]);
    type_text(&mut app, "Pourquoi pas des arbres fruitiers ?");
    let fx = keys(&mut app, &["esc"]);
    assert_eq!(fx, vec![]);
    // On the board `c` (a new cluster elsewhere) and `C` both comment.
    assert_eq!(message(&app), "Draft kept: C to continue.");
    assert_eq!(
        queued(&mut app),
        Some(Drafts::from([(
            "comment:s-1".to_owned(),
            "Pourquoi pas des arbres fruitiers ?".to_owned()
        )]))
    );
    keys(&mut app, &["C"]);
    assert_eq!(field_text(&app).0, "Pourquoi pas des arbres fruitiers ?");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(fx, vec![Effect::SaveComments]);
    assert_eq!(queued(&mut app), Some(Drafts::new()));
}

// ---------------------------------------------------------------- never in the session

#[test]
fn drafts_are_in_the_journal_but_never_in_the_saved_session_or_its_exports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cour.ron");
    let store = atelier::store::Store::create(&path, &session()).unwrap();
    drop(store);
    let (mut store, s) = atelier::store::Store::open(&path).unwrap();
    let mut app = app_at(s, &path, None, false, Screen::Board);
    const SECRET: &str = "brouillon secret 涼 🤫";
    keys(&mut app, &["s"]);
    type_text(&mut app, SECRET);
    keys(&mut app, &["esc"]);
    keys(&mut app, &["n"]);
    type_text(&mut app, SECRET);
    keys(&mut app, &["esc", "right", "r"]);
    type_text(&mut app, SECRET);
    keys(&mut app, &["esc", "f", "C"]);
    type_text(&mut app, SECRET);
    keys(&mut app, &["esc"]);
    // And a real change, so there is something to save.
    keys(&mut app, &["s"]);
    for _ in 0..SECRET.chars().count() {
        keys(&mut app, &["backspace"]);
    }
    type_text(&mut app, "Un vrai post-it\n");
    keys(&mut app, &["esc"]);
    // What the run loop does: the outbox to the journal, the session saved.
    let generation = app.doc.as_ref().unwrap().generation;
    for (g, r) in std::mem::take(&mut app.outbox) {
        store.journal(g, &r);
    }
    let session = app.session().unwrap().clone();
    store.save_generation(&session, generation).unwrap();
    store.sync();
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(on_disk.contains("Un vrai post-it"));
    assert!(!on_disk.contains("brouillon secret"), "{on_disk}");
    for format in atelier::export::Format::ALL {
        for anonymize in [false, true] {
            let opts = atelier::export::Options {
                anonymize,
                ..Default::default()
            };
            let text = atelier::export::export(format, &session, &opts).unwrap();
            assert!(!text.contains("brouillon secret"), "{format:?}: {text}");
        }
    }
    drop(store); // a crash
    let (store, reopened) = atelier::store::Store::open(&path).unwrap();
    assert_eq!(reopened, session, "drafts change nothing in the session");
    let drafts = store.recovered_drafts();
    assert_eq!(drafts.get("note:new").map(String::as_str), Some(SECRET));
    assert_eq!(
        drafts.get("cluster:c-a").map(String::as_str),
        Some(&*format!("Ombre{SECRET}"))
    );
    assert_eq!(
        drafts.get("comment:session").map(String::as_str),
        Some(SECRET)
    );
    assert_eq!(drafts.get("capture"), None, "emptied and closed");
    let key = DraftKey::note(None, NotePart::Text);
    assert_eq!(key.as_str(), "note:new");
}

#[test]
fn snapshot_the_status_line_after_esc_in_french() {
    let mut app = app_on(Screen::Board);
    app.lang = "fr";
    keys(&mut app, &["s"]);
    type_text(&mut app, "Une cour végétalisée 🌳 緑の校庭");
    keys(&mut app, &["esc"]);
    insta::assert_snapshot!("fr_draft_kept_80x24", shown(&app, 80, 24));
    keys(&mut app, &["s"]);
    insta::assert_snapshot!("fr_draft_back_80x24", shown(&app, 80, 24));
}

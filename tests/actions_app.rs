//! The actions screen (issue 17): `X` from anywhere, the list sorted by
//! status then due date, the form (text, Tab owner found among the people,
//! Tab due date, Enter saves), edit, delete, the status cycle, each an
//! undoable and journaled op; Esc keeps the form's drafts; a note, sticky
//! or cluster turned into an action; snapshots at 80x24 and 120x40.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod feature_support;
mod support;

use atelier::app::state::{FieldPurpose, Screen};
use atelier::model::{ActionItem, ActionStatus, Id, NoteKind, Session};
use atelier::store::journal::Record;
use feature_support::*;
use time::macros::date;

fn session() -> Session {
    let mut s = base_session("Cantines fraîches 🥗");
    s.date = Some(date!(2026 - 06 - 12));
    s.facilitators = vec!["Léa Martin".into()];
    s.participants.push(participant(
        "p-hanako",
        "山田 花子",
        atelier::model::Role::Citizen,
    ));
    s.notes = vec![note(
        "n-1",
        NoteKind::Action,
        None,
        "Écrire aux cuisiniers du collège",
    )];
    s.stickies = vec![sticky("s-1", "Des légumes du marché", Some("c-1"), None)];
    s.clusters = vec![cluster("c-1", "Produits locaux 🥕")];
    s
}

fn action(
    id: &str,
    text: &str,
    owner: &str,
    due: Option<time::Date>,
    status: ActionStatus,
) -> ActionItem {
    ActionItem {
        id: Id::from(id),
        text: text.into(),
        owner: owner.into(),
        due,
        status,
    }
}

fn with_actions() -> Session {
    let mut s = session();
    s.actions = vec![
        action(
            "a-1",
            "Chiffrer les menus",
            "Amélie Roux",
            Some(date!(2026 - 07 - 01)),
            ActionStatus::Done,
        ),
        action(
            "a-2",
            "Appeler 山田さん 📞",
            "山田 花子",
            None,
            ActionStatus::Todo,
        ),
        action(
            "a-3",
            "Réserver la salle",
            "Léa Martin",
            Some(date!(2026 - 06 - 20)),
            ActionStatus::Todo,
        ),
        action(
            "a-4",
            "Sondage des élèves",
            "",
            Some(date!(2026 - 06 - 15)),
            ActionStatus::Doing,
        ),
    ];
    s
}

fn app_on(s: Session, screen: Screen) -> atelier::app::App {
    app_at(
        s,
        std::path::Path::new("/nonexistent/cantines.ron"),
        None,
        false,
        screen,
    )
}

fn texts(app: &atelier::app::App) -> Vec<String> {
    let s = sess(app);
    atelier::app::rooms::actions::sorted(s)
        .into_iter()
        .map(|i| s.actions[i].text.clone())
        .collect()
}

fn journaled_ops(app: &atelier::app::App) -> usize {
    app.outbox
        .iter()
        .filter(|(_, r)| matches!(r, Record::Ops(_)))
        .count()
}

#[test]
fn x_opens_the_actions_from_anywhere() {
    for screen in [
        Screen::Facilitate,
        Screen::Setup,
        Screen::Notes,
        Screen::Board,
    ] {
        let mut app = app_on(session(), screen);
        keys(&mut app, &["X"]);
        assert_eq!(app.screen, Screen::Actions, "from {screen:?}");
    }
}

#[test]
fn the_list_is_sorted_by_status_then_due_date() {
    let app = app_on(with_actions(), Screen::Actions);
    assert_eq!(
        texts(&app),
        [
            "Réserver la salle",
            "Appeler 山田さん 📞",
            "Sondage des élèves",
            "Chiffrer les menus"
        ]
    );
}

#[test]
fn an_action_is_added_with_an_owner_found_and_a_due_date_a_week_on_then_undone() {
    let mut app = app_on(session(), Screen::Facilitate);
    keys(&mut app, &["X", "i"]);
    type_text(&mut app, "Visiter la cuisine centrale");
    keys(&mut app, &["tab"]);
    type_text(&mut app, "ame");
    let shown_now = shown(&app, 120, 40);
    assert!(shown_now.contains("Amélie Roux"), "{shown_now}");
    keys(&mut app, &["tab"]);
    type_text(&mut app, "+7");
    let before = journaled_ops(&app);
    keys(&mut app, &["enter"]);
    assert!(app.field.is_none());
    let a = &sess(&app).actions[0];
    assert_eq!(a.text, "Visiter la cuisine centrale");
    assert_eq!(a.owner, "Amélie Roux");
    assert_eq!(a.due, Some(date!(2026 - 06 - 19)));
    assert_eq!(a.status, ActionStatus::Todo);
    assert_eq!(journaled_ops(&app), before + 1, "the op is journaled");
    assert!(app.drafts.is_empty(), "saving clears the form's drafts");
    keys(&mut app, &["u"]);
    assert!(sess(&app).actions.is_empty());
    keys(&mut app, &["ctrl-r"]);
    assert_eq!(sess(&app).actions.len(), 1);
}

#[test]
fn an_owner_nobody_matches_is_kept_as_typed_and_a_date_as_written() {
    let mut app = app_on(session(), Screen::Actions);
    keys(&mut app, &["i"]);
    type_text(&mut app, "Prévenir la mairie");
    keys(&mut app, &["tab"]);
    type_text(&mut app, "Service scolaire");
    keys(&mut app, &["tab"]);
    type_text(&mut app, "2026-09-01");
    keys(&mut app, &["enter"]);
    let a = &sess(&app).actions[0];
    assert_eq!(a.owner, "Service scolaire");
    assert_eq!(a.due, Some(date!(2026 - 09 - 01)));
}

#[test]
fn enter_saves_from_the_first_field_and_a_bad_date_keeps_the_field_open() {
    let mut app = app_on(session(), Screen::Actions);
    keys(&mut app, &["i"]);
    type_text(&mut app, "Juste le texte");
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).actions.len(), 1);
    assert_eq!(sess(&app).actions[0].owner, "");
    assert_eq!(sess(&app).actions[0].due, None);

    keys(&mut app, &["i"]);
    type_text(&mut app, "Autre");
    keys(&mut app, &["tab", "tab"]);
    type_text(&mut app, "demain");
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).actions.len(), 1, "refused");
    assert!(matches!(
        app.field.as_ref().map(|f| &f.purpose),
        Some(FieldPurpose::ActionDue(None))
    ));
    assert_says(&app, "demain");
}

#[test]
fn esc_keeps_the_form_as_drafts_and_i_brings_them_back() {
    let mut app = app_on(session(), Screen::Actions);
    keys(&mut app, &["i"]);
    type_text(&mut app, "Goûter les menus");
    keys(&mut app, &["tab"]);
    type_text(&mut app, "Noël");
    keys(&mut app, &["esc"]);
    assert!(app.field.is_none());
    assert!(sess(&app).actions.is_empty());
    keys(&mut app, &["i"]);
    assert_eq!(
        app.field.as_ref().unwrap().input.value(),
        "Goûter les menus"
    );
    keys(&mut app, &["tab"]);
    assert_eq!(app.field.as_ref().unwrap().input.value(), "Noël");
    keys(&mut app, &["enter"]);
    let a = &sess(&app).actions[0];
    assert_eq!(
        (a.text.as_str(), a.owner.as_str()),
        ("Goûter les menus", "Noël Bertrand")
    );
}

#[test]
fn edit_delete_and_status_are_undoable() {
    let mut app = app_on(with_actions(), Screen::Actions);
    // The first row: "Réserver la salle" (open, due 06-20).
    keys(&mut app, &["E"]);
    type_text(&mut app, " 🏫");
    keys(&mut app, &["enter"]);
    let a3 = sess(&app)
        .actions
        .iter()
        .find(|a| a.id.as_str() == "a-3")
        .unwrap();
    assert_eq!(a3.text, "Réserver la salle 🏫");
    assert_eq!(a3.owner, "Léa Martin", "the owner stays");
    keys(&mut app, &["u"]);
    assert_eq!(texts(&app)[0], "Réserver la salle");

    keys(&mut app, &["space"]);
    let status = |app: &atelier::app::App| {
        sess(app)
            .actions
            .iter()
            .find(|a| a.id.as_str() == "a-3")
            .unwrap()
            .status
    };
    assert_eq!(status(&app), ActionStatus::Doing);
    assert_says(&app, "doing");
    keys(&mut app, &["u"]);
    assert_eq!(status(&app), ActionStatus::Todo);

    keys(&mut app, &["d"]);
    assert_eq!(sess(&app).actions.len(), 3);
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app).actions.len(), 4);
}

#[test]
fn a_note_a_sticky_and_a_cluster_become_actions_with_their_text() {
    let mut app = app_on(session(), Screen::Notes);
    keys(&mut app, &["O"]);
    assert_eq!(
        app.field.as_ref().unwrap().input.value(),
        "Écrire aux cuisiniers du collège"
    );
    keys(&mut app, &["enter"]);
    assert_eq!(
        sess(&app).actions[0].text,
        "Écrire aux cuisiniers du collège"
    );
    // The text filled in from the note survives Tab to the owner and the
    // due date.
    let mut app = app_on(session(), Screen::Notes);
    keys(&mut app, &["O", "tab"]);
    type_text(&mut app, "Amélie");
    keys(&mut app, &["tab"]);
    type_text(&mut app, "2026-07-15");
    keys(&mut app, &["enter"]);
    let a = &sess(&app).actions[0];
    assert_eq!(
        (a.text.as_str(), a.owner.as_str()),
        ("Écrire aux cuisiniers du collège", "Amélie Roux"),
        "{}",
        message(&app)
    );
    assert_eq!(a.due, Some(date!(2026 - 07 - 15)));

    let mut app = app_on(session(), Screen::Board);
    // The board's columns: the inbox, then the cluster.
    keys(&mut app, &["right"]);
    keys(&mut app, &["O"]);
    assert_eq!(
        app.field.as_ref().unwrap().input.value(),
        "Produits locaux 🥕"
    );
    keys(&mut app, &["esc", "down", "O"]);
    assert_eq!(
        app.field.as_ref().unwrap().input.value(),
        "Des légumes du marché"
    );
}

#[test]
fn read_only_refuses_every_change() {
    let mut app = app_at(
        with_actions(),
        std::path::Path::new("/nonexistent/cantines.ron"),
        Some("locked"),
        false,
        Screen::Actions,
    );
    keys(&mut app, &["i"]);
    assert!(app.field.is_none());
    keys(&mut app, &["space", "d"]);
    assert_eq!(sess(&app).actions, with_actions().actions);
}

#[test]
fn the_open_count_leaves_out_done_and_dropped_and_counts_notes_of_kind_action() {
    let mut s = with_actions();
    let mut notes = std::mem::take(&mut s.notes);
    assert_eq!(s.open_actions().count(), 3);
    notes[0].kind = NoteKind::Action;
    let text = notes[0].text.clone();
    s.notes = notes;
    assert_eq!(s.open_actions().count(), 4, "a note of kind action is open");
    assert_eq!(s.open_actions().last(), Some(text.as_str()));
    // The actions screen and the facilitation view say the same count.
    let app = app_on(s.clone(), Screen::Actions);
    let screen = shown(&app, 120, 40);
    let title = "Actions: 4 (4 open, including a note not yet assigned)";
    assert!(screen.contains(title), "{screen}");
    let app = app_on(s, Screen::Facilitate);
    let screen = shown(&app, 120, 40);
    assert!(screen.contains("Open actions: 4"), "{screen}");
}

#[test]
fn snapshots_of_the_actions_screen() {
    for lang in ["en", "fr"] {
        let mut app = app_on(with_actions(), Screen::Actions);
        app.lang = lang;
        insta::assert_snapshot!(format!("actions_80x24_{lang}"), shown(&app, 80, 24));
        insta::assert_snapshot!(format!("actions_120x40_{lang}"), shown(&app, 120, 40));
    }
    let mut app = app_on(with_actions(), Screen::Actions);
    keys(&mut app, &["i"]);
    type_text(&mut app, "Menu végétarien 🌱");
    keys(&mut app, &["tab"]);
    type_text(&mut app, "山");
    insta::assert_snapshot!("actions_owner_field_80x24", shown(&app, 80, 24));
    let empty = app_on(session(), Screen::Actions);
    insta::assert_snapshot!("actions_empty_80x24", shown(&empty, 80, 24));
}

#[test]
fn the_start_time_is_a_detail_of_the_setup() {
    let mut app = app_on(session(), Screen::Setup);
    let row = atelier::model::Detail::ALL
        .iter()
        .position(|d| *d == atelier::model::Detail::Start)
        .unwrap();
    app.setup.detail = row;
    keys(&mut app, &["E"]);
    type_text(&mut app, "9h30");
    keys(&mut app, &["enter"]);
    assert_eq!(
        sess(&app).start,
        Some(atelier::model::ClockTime::new(9, 30).unwrap())
    );
    assert!(shown(&app, 120, 40).contains("09:30"));
    keys(&mut app, &["E"]);
    type_text(&mut app, "25:00");
    keys(&mut app, &["enter"]);
    assert!(app.message.as_ref().is_some_and(|m| m.error), "refused");
    assert_eq!(
        sess(&app).start,
        Some(atelier::model::ClockTime::new(9, 30).unwrap())
    );
}

#[test]
fn the_export_picker_offers_the_run_sheet() {
    let mut app = app_on(session(), Screen::Facilitate);
    keys(&mut app, &["e"]);
    let items = &app.picker.as_ref().unwrap().items;
    assert!(items.iter().any(|i| i.contains("Run-sheet")), "{items:?}");
}

#[test]
fn b_in_the_agenda_builder_adds_a_break_after_the_selected_stage_undoably() {
    let mut app = app_on(session(), Screen::Setup);
    app.setup.tab = atelier::app::state::SetupTab::Agenda;
    app.setup.agenda_row = 0;
    keys(&mut app, &["B"]);
    let field = app.field.as_ref().expect("the title is asked");
    assert_eq!(field.input.value(), "Break", "prefilled");
    keys(&mut app, &["enter"]);
    let field = app.field.as_ref().expect("then the minutes");
    assert_eq!(field.input.value(), "15", "prefilled");
    assert_eq!(
        sess(&app).agenda.len(),
        2,
        "nothing added before the minutes"
    );
    keys(&mut app, &["enter"]);
    let agenda = &sess(&app).agenda;
    assert_eq!(agenda.len(), 3);
    assert!(agenda[1].is_break());
    assert_eq!(agenda[1].title, "Break");
    assert_eq!(agenda[1].steps[0].minutes, 15);
    assert_eq!(app.setup.agenda_row, 2, "the break's row is selected");
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app).agenda.len(), 2, "one undo takes the break away");
}

#[test]
fn a_break_is_asked_its_title_and_minutes_and_esc_keeps_the_drafts() {
    let mut app = app_on(session(), Screen::Setup);
    app.lang = "fr";
    app.setup.tab = atelier::app::state::SetupTab::Agenda;
    app.setup.agenda_row = 0;
    keys(&mut app, &["B"]);
    assert_eq!(app.field.as_ref().unwrap().input.value(), "Pause");
    keys(&mut app, &["ctrl-u"]);
    type_text(&mut app, "Déjeuner");
    keys(&mut app, &["esc"]);
    assert!(app.field.is_none());
    assert_eq!(sess(&app).agenda.len(), 2, "Esc adds nothing");
    keys(&mut app, &["B"]);
    assert_eq!(
        app.field.as_ref().unwrap().input.value(),
        "Déjeuner",
        "the draft comes back"
    );
    keys(&mut app, &["enter", "ctrl-u"]);
    type_text(&mut app, "soixante");
    keys(&mut app, &["enter"]);
    assert!(app.message.as_ref().is_some_and(|m| m.error), "refused");
    assert!(app.field.is_some(), "left open to be fixed");
    keys(&mut app, &["ctrl-u"]);
    type_text(&mut app, "60");
    keys(&mut app, &["enter"]);
    let agenda = &sess(&app).agenda;
    assert_eq!(agenda.len(), 3);
    assert_eq!(agenda[1].title, "Déjeuner");
    assert_eq!(agenda[1].steps[0].minutes, 60);
    keys(&mut app, &["B"]);
    assert_eq!(
        app.field.as_ref().unwrap().input.value(),
        "Pause",
        "an added break leaves no draft"
    );
}

/// A day from 09:30: the opening, a long lunch break, the ideas.
fn planned_day() -> Session {
    let mut s = session();
    s.start = atelier::model::ClockTime::new(9, 30);
    let lunch =
        atelier::model::Stage::new_break("Déjeuner", 60, &mut atelier::model::Ids::seeded(7));
    s.agenda.insert(1, lunch);
    s
}

#[test]
fn the_agenda_shows_planned_clock_times_from_the_start_time_breaks_included() {
    // 09:30 opening (5 min), 09:35 lunch (60), 10:35 ideas (8 + 10), ends 10:53.
    for lang in ["en", "fr"] {
        let mut app = app_on(planned_day(), Screen::Setup);
        app.lang = lang;
        app.setup.tab = atelier::app::state::SetupTab::Agenda;
        for (w, h) in [(80, 24), (120, 40)] {
            let text = shown(&app, w, h);
            for at in ["09:30", "09:35", "10:35", "10:43", "10:53"] {
                assert!(text.contains(at), "{at} missing ({lang} {w}x{h}):\n{text}");
            }
            let end = if lang == "fr" {
                "fin prévue 10:53"
            } else {
                "ends 10:53"
            };
            assert!(text.contains(end), "{end} missing:\n{text}");
            assert!(text.contains("Déjeuner"));
            insta::assert_snapshot!(format!("planned_setup_{w}x{h}_{lang}"), text);
        }
        app.screen = Screen::Facilitate;
        for (w, h) in [(80, 24), (120, 40)] {
            let text = shown(&app, w, h);
            for at in ["09:30", "09:35", "10:35"] {
                assert!(text.contains(at), "{at} missing ({lang} {w}x{h}):\n{text}");
            }
            assert!(text.contains("10:53"), "the planned end:\n{text}");
            insta::assert_snapshot!(format!("planned_facilitate_{w}x{h}_{lang}"), text);
        }
    }
}

#[test]
fn without_a_start_time_the_agenda_says_how_to_set_one() {
    let mut app = app_on(session(), Screen::Setup);
    app.setup.tab = atelier::app::state::SetupTab::Agenda;
    assert!(shown(&app, 80, 24).contains("No start time: set one in Details, Start time."));
    app.screen = Screen::Facilitate;
    let text = shown(&app, 120, 40);
    assert!(text.contains("No start time"), "{text}");
    assert!(text.contains("Details sets it."), "{text}");
}

// ---------------------------------------------------------------- prototypes

/// A prototyping stage (current) with one prototype, no verdict yet.
fn prototyping() -> Session {
    let mut s = session();
    s.agenda.insert(
        0,
        feature_support::stage(
            "st-proto",
            "Prototypage",
            atelier::model::StageKind::Prototyping,
            vec![feature_support::step("sp-maquette", "Maquettes", 30, "")],
        ),
    );
    s.prototypes = vec![atelier::model::Prototype {
        id: Id::from("pr-1"),
        name: "Menu affiché à l'entrée".into(),
        stage: Some(Id::from("st-proto")),
        tests: String::new(),
        hypothesis: String::new(),
        feedback: Vec::new(),
        verdict: None,
    }];
    s
}

#[test]
fn v_says_the_new_verdict_and_the_column_holds_the_longest_word_in_both_languages() {
    use atelier::model::Verdict;
    let width = atelier::ui::evidence::verdict_width();
    for lang in ["en", "fr"] {
        for v in [
            None,
            Some(Verdict::Keep),
            Some(Verdict::Change),
            Some(Verdict::Drop),
        ] {
            let label = atelier::ui::evidence::verdict_label(lang, v);
            assert!(
                unicode_width::UnicodeWidthStr::width(label.as_str()) <= width,
                "{label} wider than {width}"
            );
        }
    }
    assert!(width >= "abandonner".len(), "French's longest, {width}");
    for (lang, said) in [
        ("en", "Verdict of Menu affiché à l'entrée: keep"),
        ("fr", "Verdict de Menu affiché à l'entrée"),
    ] {
        let mut app = app_on(prototyping(), Screen::Facilitate);
        app.lang = lang;
        keys(&mut app, &["V"]);
        assert!(message(&app).starts_with(said), "{}", message(&app));
        keys(&mut app, &["V", "V"]);
        let text = shown(&app, 120, 40);
        let drop = atelier::i18n::verdict(lang, Verdict::Drop);
        assert!(text.contains(&format!("{drop} ")), "{drop} whole:\n{text}");
        insta::assert_snapshot!(format!("prototype_verdict_120x40_{lang}"), text);
    }
}

/// The prototyping session with a photo of the prototype "pr-1" just
/// attached (captioned with its file's name).
fn photo_attached() -> atelier::app::App {
    let mut app = app_on(prototyping(), Screen::Facilitate);
    let photo = atelier::model::Attachment {
        id: Id::from("at-1"),
        to: Some(Id::from("pr-1")),
        kind: atelier::model::MediaKind::Image,
        path: "cantine.media/ab12.jpg".into(),
        hash: "ab12".into(),
        caption: "IMG_2041.jpg".into(),
        author: String::new(),
        time: feature_support::t(0),
    };
    atelier::app::update(
        &mut app,
        atelier::app::Msg::Attached(Ok(vec![photo])),
        feature_support::t(1),
    );
    app
}

#[test]
fn a_photo_attached_to_a_prototype_says_where_and_asks_a_caption() {
    let mut app = photo_attached();
    assert_says(&app, "attached to prototype “Menu affiché à l'entrée”");
    let field = app.field.as_ref().expect("the caption is asked");
    assert_eq!(field.purpose, FieldPurpose::Caption(Id::from("at-1")));
    assert_eq!(
        field.input.value(),
        "IMG_2041.jpg",
        "the file name, to keep"
    );
    keys(&mut app, &["ctrl-u"]);
    type_text(&mut app, "Le menu au mur");
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).attachments[0].caption, "Le menu au mur");
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app).attachments[0].caption, "IMG_2041.jpg");
    assert_eq!(sess(&app).attachments.len(), 1, "the photo stays");

    // Enter keeps the file name.
    let mut app = photo_attached();
    keys(&mut app, &["enter"]);
    assert!(app.field.is_none());
    assert_eq!(sess(&app).attachments[0].caption, "IMG_2041.jpg");
}

#[test]
fn a_caption_left_with_esc_comes_back_with_the_key_its_hint_names() {
    let mut app = photo_attached();
    keys(&mut app, &["ctrl-u"]);
    type_text(&mut app, "Le menu au mur");
    keys(&mut app, &["esc"]);
    assert!(app.field.is_none());
    assert!(
        message(&app).contains("A "),
        "the hint names A: {}",
        message(&app)
    );
    keys(&mut app, &["A"]);
    let field = app.field.as_ref().expect("A reopens the caption");
    assert_eq!(field.purpose, FieldPurpose::Caption(Id::from("at-1")));
    assert_eq!(field.input.value(), "Le menu au mur", "as it was left");
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).attachments[0].caption, "Le menu au mur");
    // With no caption left behind, A asks for a file again.
    keys(&mut app, &["A"]);
    let field = app.field.as_ref().expect("A asks a file");
    assert!(
        matches!(field.purpose, FieldPurpose::Attach(_)),
        "{:?}",
        field.purpose
    );
}

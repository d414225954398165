//! Collecting stickies from phones, in the app (pure `update`, no server):
//! starting and stopping, the pending tray, moderation (accept, reject,
//! accept all, accept automatically), undo and redo of an acceptance, and
//! snapshots of the tray, the facilitation view and the projector while
//! collecting (with a fixed address: no real server in snapshots).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod board_support;
mod support;

use atelier::app::keymap::Context;
use atelier::app::state::{CollectView, Screen};
use atelier::app::{App, Effect, Msg};
use atelier::collect::{Incoming, Ink, qr_lines};
use atelier::model::{Colour, Id, Place, Session};
use board_support::*;
use ratatui::style::{Color, Modifier};
use support::screen::{draw, screen};

const URL: &str = "http://192.168.1.23:41234/c/abcdefghijklmnopqrstuvwxyz";

fn view() -> CollectView {
    CollectView {
        urls: vec![
            URL.to_owned(),
            "http://10.0.0.5:41234/c/abcdefghijklmnopqrstuvwxyz".into(),
        ],
        qr: qr_lines(URL, Ink::Dark),
        port: 41234,
    }
}

fn inc(text: &str, name: Option<&str>, colour: Colour, secs: i64) -> Incoming {
    Incoming {
        text: text.to_owned(),
        name: name.map(str::to_owned),
        colour,
        at: t(secs),
    }
}

/// Three stickies as phones send them: one from a participant (typed
/// without accents or capitals), one anonymous, one from someone who is
/// not on the participants list.
fn three() -> Vec<Incoming> {
    vec![
        inc(
            "Des jeux d'eau 💦",
            Some("  amelie ROUX "),
            Colour::Blue,
            60,
        ),
        inc("Un préau plus grand", None, Colour::Pink, 61),
        inc("Planter une haie", Some("Zoé"), Colour::Green, 62),
    ]
}

/// The board app (no collection yet) with the facilitation view shown,
/// collecting with the fixed address, and `items` pending.
fn collecting(items: Vec<Incoming>) -> App {
    let mut app = app();
    app.screen = Screen::Facilitate;
    let fx = keys(&mut app, &["w"]);
    assert!(
        fx.iter().any(|e| matches!(e, Effect::StartCollect { .. })),
        "{fx:?}"
    );
    send(&mut app, Msg::Collecting(Ok(view())));
    if !items.is_empty() {
        send(&mut app, Msg::Incoming(items));
    }
    app
}

fn inbox_texts(s: &Session) -> Vec<String> {
    s.stickies
        .iter()
        .filter(|x| x.place() == Place::Inbox)
        .map(|x| x.text.clone())
        .collect()
}

fn find<'a>(s: &'a Session, text: &str) -> Option<&'a atelier::model::Sticky> {
    s.stickies.iter().find(|x| x.text == text)
}

// ---------------------------------------------------------------- starting

#[test]
fn w_starts_collecting_for_the_current_step_and_again_stops() {
    let mut s = session();
    s.agenda[0].steps[0].prompt = "Comment rafraîchir la cour ?".into();
    s.language = Some("fr".into());
    let mut app = app_with(s, None);
    app.screen = Screen::Facilitate;
    let fx = keys(&mut app, &["w"]);
    assert_eq!(
        fx,
        vec![Effect::StartCollect {
            prompt: "Comment rafraîchir la cour ?".into(),
            step_title: "Crazy 8s".into(),
            lang: "fr".into(),
            anonymous_only: false,
        }]
    );
    assert!(app.collecting.is_none(), "shown once the server started");
    send(&mut app, Msg::Collecting(Ok(view())));
    assert_eq!(app.collecting, Some(view()));
    assert!(message(&app).starts_with("Collecting"), "{}", message(&app));

    // The board and the projector have the key too; a second press stops.
    app.screen = Screen::Board;
    let fx = keys(&mut app, &["w"]);
    assert_eq!(fx, vec![Effect::StopCollect]);
    assert!(app.collecting.is_none());
    assert!(
        message(&app).starts_with("Stopped collecting"),
        "{}",
        message(&app)
    );
    app.screen = Screen::Projector;
    let fx = keys(&mut app, &["w"]);
    assert!(matches!(fx[..], [Effect::StartCollect { .. }]), "{fx:?}");
}

#[test]
fn a_server_that_cannot_start_is_said_and_nothing_shows() {
    let mut app = app();
    app.screen = Screen::Facilitate;
    keys(&mut app, &["w"]);
    send(
        &mut app,
        Msg::Collecting(Err(
            "cannot listen on 0.0.0.0 port 80: permission denied".into()
        )),
    );
    assert!(app.collecting.is_none());
    assert!(is_error(&app));
    assert_says(&app, "permission denied");
    // The next press tries again.
    let fx = keys(&mut app, &["w"]);
    assert!(matches!(fx[..], [Effect::StartCollect { .. }]), "{fx:?}");
}

#[test]
fn a_read_only_session_does_not_collect() {
    let mut app = app_with(session(), Some("locked by another atelier"));
    app.screen = Screen::Facilitate;
    let fx = keys(&mut app, &["w"]);
    assert!(fx.is_empty(), "{fx:?}");
    assert!(is_error(&app));
    assert_says(&app, "locked by another atelier");
}

#[test]
fn the_page_follows_the_current_step() {
    let mut s = session();
    let mut second = s.agenda[0].steps[0].clone();
    second.id = Id::from("sp-vote");
    second.title = "Vote".into();
    second.prompt = "Lesquelles garder ?".into();
    s.agenda[0].steps.push(second);
    let mut app = app_with(s, None);
    app.screen = Screen::Facilitate;
    keys(&mut app, &["w"]);
    send(&mut app, Msg::Collecting(Ok(view())));
    let fx = keys(&mut app, &["]"]);
    assert!(
        fx.contains(&Effect::CollectPrompt {
            step_title: "Vote".into(),
            prompt: "Lesquelles garder ?".into(),
        }),
        "{fx:?}"
    );
    // Said once, not on every message.
    let fx = send(&mut app, Msg::Tick);
    assert!(fx.is_empty(), "{fx:?}");
    // Not collecting: nothing to follow.
    keys(&mut app, &["w"]);
    let fx = keys(&mut app, &["["]);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::CollectPrompt { .. })),
        "{fx:?}"
    );
}

// ---------------------------------------------------------------- moderation

#[test]
fn incoming_stickies_wait_in_the_tray_and_t_opens_it() {
    let before = session().stickies.len();
    let mut app = collecting(Vec::new());
    let fx = send(&mut app, Msg::Incoming(three()));
    assert!(fx.is_empty(), "nothing saved before moderation: {fx:?}");
    assert_eq!(sess(&app).stickies.len(), before);
    assert_eq!(app.pending, three());
    assert_eq!(
        message(&app),
        "3 stickies arrived from phones: T to review."
    );
    keys(&mut app, &["T"]);
    assert_eq!(app.tray, Some(0));
    assert_eq!(app.context(), Context::Tray);
    keys(&mut app, &["esc"]);
    assert_eq!(app.tray, None);
    // T again opens, T closes.
    keys(&mut app, &["T", "T"]);
    assert_eq!(app.tray, None);
}

#[test]
fn accepting_adds_the_sticky_to_the_inbox_as_one_saved_undoable_step() {
    let mut app = collecting(three());
    let undo_before = app.history.undo.len();
    let fx = keys(&mut app, &["T", "a"]);
    assert_eq!(saves(&fx), 1, "{fx:?}");
    let s = sess(&app);
    let x = find(s, "Des jeux d'eau 💦").expect("accepted");
    assert_eq!(x.author, Some(Id::from("p-amelie")), "name matched");
    assert_eq!(x.colour, Colour::Blue, "the phone's colour");
    assert_eq!(x.stage, Some(Id::from("st-idees")), "the current stage");
    assert_eq!(x.place(), Place::Inbox);
    assert_eq!(x.time, t(60), "when it arrived");
    assert_eq!(app.history.undo.len(), undo_before + 1);
    assert_eq!(app.pending, three()[1..].to_vec());
    assert_eq!(app.tray, Some(0), "the tray stays open");
    assert_eq!(
        message(&app),
        "Accepted: “Des jeux d'eau 💦” is in the Inbox."
    );
    assert!(
        app.outbox
            .iter()
            .any(|(_, r)| matches!(r, atelier::store::journal::Record::Ops(_)))
    );

    // Enter accepts too: the anonymous one has no author.
    keys(&mut app, &["enter"]);
    let x = find(sess(&app), "Un préau plus grand").expect("accepted");
    assert_eq!(x.author, None);
    assert_eq!(x.colour, Colour::Pink);

    // A name that is no participant's makes a guest author; the text
    // stays as typed.
    keys(&mut app, &["a"]);
    let s = sess(&app);
    let x = find(s, "Planter une haie").expect("accepted, the text as typed");
    let zoe = s.guests.iter().find(|g| g.name == "Zoé").expect("a guest");
    assert_eq!(x.author.as_ref(), Some(&zoe.id));
    assert_eq!(s.participant_name(x.author.as_ref()), "Zoé");
    assert!(s.participants.iter().all(|p| p.name != "Zoé"));
    assert!(app.pending.is_empty());

    // Nothing left: said, nothing changes.
    let fx = keys(&mut app, &["a"]);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(message(&app), "Nothing pending.");
}

#[test]
fn rejecting_drops_the_sticky_and_says_so() {
    let mut app = collecting(three());
    let stickies = sess(&app).stickies.clone();
    let undo_before = app.history.undo.len();
    let fx = keys(&mut app, &["T", "j", "x"]);
    assert!(fx.is_empty(), "nothing to save: {fx:?}");
    assert_eq!(sess(&app).stickies, stickies);
    assert_eq!(app.history.undo.len(), undo_before);
    assert_eq!(app.pending, vec![three()[0].clone(), three()[2].clone()]);
    assert_eq!(
        message(&app),
        "Rejected: “Un préau plus grand” was dropped."
    );
    // The selection stays in the list: `d` rejects the last one.
    keys(&mut app, &["j", "d"]);
    assert_eq!(app.pending, vec![three()[0].clone()]);
    assert_eq!(app.tray, Some(0));
}

#[test]
fn accept_all_is_one_step_and_undo_puts_them_back_in_the_tray_and_redo_takes_them_out() {
    let mut app = collecting(three());
    let before = sess(&app).stickies.clone();
    let undo_before = app.history.undo.len();
    let fx = keys(&mut app, &["T", "A"]);
    assert_eq!(saves(&fx), 1, "{fx:?}");
    assert_eq!(app.history.undo.len(), undo_before + 1, "one step");
    assert!(app.pending.is_empty());
    assert_eq!(sess(&app).stickies.len(), before.len() + 3);
    let inbox = inbox_texts(sess(&app));
    assert_eq!(
        inbox[inbox.len() - 3..],
        [
            "Des jeux d'eau 💦".to_owned(),
            "Un préau plus grand".to_owned(),
            "Planter une haie".to_owned()
        ],
        "in the order they arrived"
    );
    assert_eq!(message(&app), "3 stickies accepted: they are in the Inbox.");

    assert_eq!(sess(&app).guests.len(), 1, "Zoé, a guest");
    // Undo (from the tray, u works as anywhere): all three back, pending,
    // and the guest they brought gone with them.
    let fx = keys(&mut app, &["u"]);
    assert_eq!(saves(&fx), 1);
    assert_eq!(sess(&app).stickies, before);
    assert!(sess(&app).guests.is_empty());
    assert_eq!(app.pending, three());
    assert_eq!(message(&app), "Undone: 3 stickies from phones accepted.");

    // Redo: on the board again, out of the tray, the guest back.
    keys(&mut app, &["ctrl-r"]);
    assert_eq!(sess(&app).stickies.len(), before.len() + 3);
    assert_eq!(sess(&app).guests.len(), 1);
    assert!(atelier::model::validate(sess(&app)).is_empty());
    assert!(app.pending.is_empty());

    // And undo once more still works (the redo step kept them).
    keys(&mut app, &["u"]);
    assert_eq!(app.pending, three());
    assert_eq!(sess(&app).stickies, before);
}

#[test]
fn undo_of_one_acceptance_puts_it_back_where_it_arrived() {
    let mut app = collecting(three());
    keys(&mut app, &["T", "j", "a"]);
    assert!(find(sess(&app), "Un préau plus grand").is_some());
    assert_eq!(app.pending.len(), 2);
    keys(&mut app, &["u"]);
    assert!(find(sess(&app), "Un préau plus grand").is_none());
    assert_eq!(app.pending, three(), "back between the other two");
    keys(&mut app, &["ctrl-r"]);
    assert!(find(sess(&app), "Un préau plus grand").is_some());
    assert_eq!(app.pending, vec![three()[0].clone(), three()[2].clone()]);
}

#[test]
fn undo_of_other_changes_leaves_the_tray_alone() {
    let mut app = collecting(three());
    keys(&mut app, &["b", "j", "P"]); // park "Gourdes offertes"
    keys(&mut app, &["u"]);
    assert_eq!(app.pending, three());
}

#[test]
fn accepting_automatically_puts_incoming_stickies_on_the_board_at_once() {
    let mut app = collecting(vec![inc("Déjà là", None, Colour::Yellow, 50)]);
    keys(&mut app, &["T", "*"]);
    assert!(app.auto_accept);
    assert_says(&app, "1 sticky still pending");
    let undo_before = app.history.undo.len();
    let fx = send(&mut app, Msg::Incoming(three()));
    assert_eq!(saves(&fx), 1, "{fx:?}");
    assert_eq!(app.history.undo.len(), undo_before + 1, "one step");
    assert_eq!(
        app.pending,
        vec![inc("Déjà là", None, Colour::Yellow, 50)],
        "what was pending stays pending"
    );
    assert!(find(sess(&app), "Des jeux d'eau 💦").is_some());
    assert_eq!(message(&app), "3 stickies from phones joined the Inbox.");
    // Undo brings them to the tray, for moderation after all.
    keys(&mut app, &["u"]);
    assert_eq!(app.pending.len(), 4);
    assert_eq!(app.pending[0].text, "Déjà là");
    // `*` again: back to moderation.
    keys(&mut app, &["*"]);
    assert!(!app.auto_accept);
    let fx = send(
        &mut app,
        Msg::Incoming(vec![inc("Encore", None, Colour::Blue, 90)]),
    );
    assert!(fx.is_empty());
    assert_eq!(app.pending.len(), 5);
}

#[test]
fn a_read_only_session_keeps_stickies_pending() {
    let mut app = app_with(session(), Some("locked by another atelier"));
    send(&mut app, Msg::Incoming(three()));
    keys(&mut app, &["T", "a"]);
    assert_eq!(app.pending, three());
    assert!(is_error(&app));
    keys(&mut app, &["A"]);
    assert_eq!(app.pending, three());
}

#[test]
fn the_name_field_can_be_hidden_and_quit_works_from_the_tray() {
    let mut app = collecting(three());
    let fx = keys(&mut app, &["T", "n"]);
    assert_eq!(fx, vec![Effect::CollectAnonymous(true)]);
    assert!(app.collect_anonymous);
    // The next collection starts anonymous.
    keys(&mut app, &["esc", "w"]);
    let fx = keys(&mut app, &["w"]);
    assert!(
        matches!(
            fx[..],
            [Effect::StartCollect {
                anonymous_only: true,
                ..
            }]
        ),
        "{fx:?}"
    );
    keys(&mut app, &["T"]);
    // Stickies still wait in the tray: the first q says so, the second quits.
    let fx = keys(&mut app, &["q"]);
    assert!(!fx.contains(&Effect::Quit), "{fx:?}");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("still waiting")),
        "{:?}",
        app.message
    );
    let fx = keys(&mut app, &["q"]);
    assert!(fx.contains(&Effect::Quit), "{fx:?}");
}

// ---------------------------------------------------------------- screens

/// A message fades after a few seconds: screens without it.
fn quiet(mut app: App) -> App {
    app.message = None;
    app
}

#[test]
fn snapshot_the_facilitation_view_while_collecting() {
    let app = quiet(collecting(three()));
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = draw(&app, w, h);
        let text = screen(&terminal);
        assert!(text.contains(URL), "{w}x{h}:\n{text}");
        assert!(text.contains("3 pending: T to review"), "{w}x{h}:\n{text}");
        assert!(
            text.contains("█▀▀▀▀▀█"),
            "the QR code shows at {w}x{h}:\n{text}"
        );
        insta::assert_snapshot!(format!("facilitate_collecting_{w}x{h}"), terminal.backend());
    }
}

/// The first cell of the QR code on screen.
fn qr_glyph(buf: &ratatui::buffer::Buffer) -> &ratatui::buffer::Cell {
    (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .map(|p| &buf[p])
        .find(|c| c.symbol() == "▀")
        .expect("a QR glyph")
}

#[test]
fn the_qr_code_is_black_on_white_or_reversed_without_colours() {
    let app = quiet(collecting(three()));
    let terminal = draw(&app, 120, 40);
    let cell = qr_glyph(terminal.backend().buffer());
    assert_eq!((cell.fg, cell.bg), (Color::Black, Color::White));

    let mut app = app;
    app.theme = atelier::ui::theme::Theme::load_from(None, false).0;
    let terminal = draw(&app, 120, 40);
    let cell = qr_glyph(terminal.backend().buffer());
    assert!(cell.modifier.contains(Modifier::REVERSED));
    assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
}

#[test]
fn snapshot_the_tray() {
    let mut app = collecting(three());
    keys(&mut app, &["T", "j"]);
    let app = quiet(app);
    let terminal = draw(&app, 80, 24);
    let text = screen(&terminal);
    assert!(text.contains("Pending stickies (3)"), "{text}");
    assert!(text.contains("— amelie ROUX"), "{text}");
    assert!(text.contains("— anonymous"), "{text}");
    insta::assert_snapshot!("tray_80x24", terminal.backend());

    // Control characters sent from a phone are neutralised.
    let mut app = collecting(vec![inc(
        "Bip\u{7}\u{1b}[2J fin",
        Some("X\u{1b}]0;t\u{7}"),
        Colour::Yellow,
        5,
    )]);
    keys(&mut app, &["T"]);
    let text = screen(&draw(&app, 80, 24));
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
}

#[test]
fn snapshot_the_projector_while_collecting_and_the_address_alone_when_small() {
    let mut app = quiet(collecting(Vec::new()));
    app.screen = Screen::Projector;
    let terminal = draw(&app, 80, 24);
    let text = screen(&terminal);
    assert!(text.contains(URL), "{text}");
    assert!(
        text.contains("█▀▀▀▀▀█"),
        "the QR code fits at 80x24:\n{text}"
    );
    assert!(
        !text.contains("pending"),
        "moderation is not for the room:\n{text}"
    );
    insta::assert_snapshot!("projector_collecting_80x24", terminal.backend());

    // Too small for the code: the address alone, whole.
    let text = screen(&draw(&app, 70, 16));
    assert!(!text.contains("█▀▀▀▀▀█"), "{text}");
    assert!(text.replace('\n', "").contains(URL), "{text}");
}

#[test]
fn the_screens_hold_at_any_size_while_collecting() {
    let mut app = quiet(collecting(three()));
    for screen_ in [Screen::Facilitate, Screen::Projector, Screen::Board] {
        app.screen = screen_;
        for tray in [None, Some(1)] {
            app.tray = tray;
            for w in [1, 5, 20, 41, 60, 79, 80, 200] {
                for h in [1, 3, 6, 10, 19, 24, 60] {
                    draw(&app, w, h);
                }
            }
        }
    }
}

// ---------------------------------------------------------------- guests

fn author_of<'a>(s: &'a Session, text: &str) -> &'a str {
    let x = find(s, text).unwrap_or_else(|| panic!("{text:?} accepted"));
    s.participant_name(x.author.as_ref())
}

#[test]
fn a_name_is_one_guest_whatever_its_accents_case_and_spaces() {
    let mut app = collecting(vec![
        inc("Un", Some("Zoé"), Colour::Yellow, 60),
        inc("Deux", Some("  ZOE "), Colour::Yellow, 61),
        inc("Trois", Some("Noé  Martin"), Colour::Yellow, 62),
    ]);
    keys(&mut app, &["T", "A"]);
    let s = sess(&app);
    assert_eq!(
        s.guests.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["Zoé", "Noé Martin"],
        "one guest per name, as first typed, spaces tidied"
    );
    assert_eq!(author_of(s, "Un"), "Zoé");
    assert_eq!(author_of(s, "Deux"), "Zoé");
    assert_eq!(author_of(s, "Trois"), "Noé Martin");
    assert!(atelier::model::validate(s).is_empty());

    // Later, the same name (another spelling) is the same guest; a
    // participant's name is the participant.
    send(
        &mut app,
        Msg::Incoming(vec![
            inc("Quatre", Some("zoe"), Colour::Yellow, 70),
            inc("Cinq", Some("AMÉLIE roux"), Colour::Yellow, 71),
        ]),
    );
    keys(&mut app, &["A"]);
    let s = sess(&app);
    assert_eq!(s.guests.len(), 2);
    assert_eq!(author_of(s, "Quatre"), "Zoé");
    let cinq = find(s, "Cinq").unwrap();
    assert_eq!(cinq.author, Some(Id::from("p-amelie")));
}

#[test]
fn accepting_automatically_adds_the_guest_in_the_same_step() {
    let mut app = collecting(Vec::new());
    keys(&mut app, &["T", "*"]);
    let undo_before = app.history.undo.len();
    let fx = send(
        &mut app,
        Msg::Incoming(vec![inc(
            "Des brumisateurs",
            Some("Inès B."),
            Colour::Pink,
            80,
        )]),
    );
    assert_eq!(saves(&fx), 1, "{fx:?}");
    assert_eq!(app.history.undo.len(), undo_before + 1, "one step");
    assert_eq!(author_of(sess(&app), "Des brumisateurs"), "Inès B.");
    keys(&mut app, &["u"]);
    assert!(sess(&app).guests.is_empty(), "undo removes the guest too");
    assert!(find(sess(&app), "Des brumisateurs").is_none());
    assert_eq!(app.pending.len(), 1);
    keys(&mut app, &["ctrl-r"]);
    assert_eq!(author_of(sess(&app), "Des brumisateurs"), "Inès B.");
}

#[test]
fn an_existing_guest_is_reused_and_no_name_is_no_author() {
    let mut s = session();
    s.guests.push(atelier::model::Guest {
        id: Id::from("g-zoe"),
        name: "Zoé".into(),
    });
    let mut app = app_with(s, None);
    app.screen = Screen::Facilitate;
    keys(&mut app, &["w"]);
    send(&mut app, Msg::Collecting(Ok(view())));
    send(
        &mut app,
        Msg::Incoming(vec![
            inc("Avec", Some("zoé"), Colour::Yellow, 60),
            inc("Sans", Some("   "), Colour::Yellow, 61),
        ]),
    );
    keys(&mut app, &["T", "A"]);
    let s = sess(&app);
    assert_eq!(s.guests.len(), 1, "no new guest: {:?}", s.guests);
    let avec = find(s, "Avec").unwrap();
    assert_eq!(avec.author, Some(Id::from("g-zoe")));
    assert_eq!(find(s, "Sans").unwrap().author, None);
}

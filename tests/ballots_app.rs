//! Dot voting from phones, in the app (pure `update`, no server): the
//! round published while collecting (again when the items change, closed
//! when the round pauses), ballots applied as one undoable step each
//! through the round's box (replaced, undone, redone, refused), the
//! turnout told to the phones and shown; and the projector's wall and
//! ranked results, with snapshots at 120x40 and 200x60.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod board_support;
mod support;

use atelier::app::state::{CollectView, Projection, Screen};
use atelier::app::{App, Effect, Msg, update};
use atelier::collect::{BallotVoter, CastBallot, RoundInfo};
use atelier::model::{Ballot, Id, Session, Target};
use board_support::*;
use support::screen::{draw, screen};

fn view() -> CollectView {
    CollectView {
        urls: vec!["http://192.168.1.23:41234/c/abcdefghijklmnopqrstuvwxyz".into()],
        qr: Vec::new(),
        port: 41234,
    }
}

fn send(app: &mut App, msg: Msg) -> Vec<Effect> {
    let now = app.now;
    update(app, msg, now)
}

/// The board app, collecting, with a round of 3 dots (at most 2 per
/// item) opened with `v` and the prompt (`3 2`, or `3 2 a`).
fn voting(prompt: &str) -> (App, Vec<Effect>) {
    let mut s = session();
    let mut next = s.agenda[0].steps[0].clone();
    next.id = Id::from("sp-next");
    next.title = "Next".into();
    s.agenda[0].steps.push(next);
    let mut app = app_with(s, None);
    keys(&mut app, &["w"]);
    let mut fx = send(&mut app, Msg::Collecting(Ok(view())));
    fx.extend(keys(&mut app, &["v"]));
    // The field opens with "3": replace it.
    fx.extend(keys(&mut app, &["backspace"]));
    for c in prompt.chars() {
        let name = if c == ' ' {
            "space".to_owned()
        } else {
            c.to_string()
        };
        fx.extend(keys(&mut app, &[name.as_str()]));
    }
    fx.extend(keys(&mut app, &["enter"]));
    assert!(app.board.voting.is_some(), "{}", message(&app));
    (app, fx)
}

fn round(app: &App) -> Id {
    app.board.voting.as_ref().unwrap().round.clone()
}

fn published(fx: &[Effect]) -> Vec<Option<RoundInfo>> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::PublishRound(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

fn turnouts(fx: &[Effect]) -> Vec<usize> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Turnout(n) => Some(*n),
            _ => None,
        })
        .collect()
}

fn c(id: &str) -> Target {
    Target::Cluster(Id::from(id))
}

fn cast(round: &Id, voter: BallotVoter, dots: &[(&str, u32)]) -> CastBallot {
    CastBallot {
        round: round.clone(),
        voter,
        ballot: Ballot::new(dots.iter().map(|(id, n)| (c(id), *n))),
        at: t(5),
    }
}

fn amelie() -> BallotVoter {
    BallotVoter::Participant(Id::from("p-amelie"))
}

fn phone(device: &str) -> BallotVoter {
    BallotVoter::Anonymous {
        device: device.into(),
    }
}

/// Dots per target in `round`, everyone's.
fn tally(s: &Session, round: &Id, target: &Target) -> u32 {
    s.votes
        .iter()
        .filter(|v| &v.round == round && &v.target == target)
        .map(|v| v.count)
        .sum()
}

// ---------------------------------------------------------------- publication

#[test]
fn an_open_round_is_published_while_collecting_and_closed_when_paused() {
    let (mut app, fx) = voting("3 2");
    let rounds = published(&fx);
    let last = rounds.last().cloned().flatten().expect("a round published");
    assert!(last.open && !last.anonymous);
    assert_eq!((last.dots, last.cap), (3, Some(2)));
    let items: Vec<&str> = last.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(items, ["Ombre et fraîcheur ☀️", "Eau 💧", "Vide"]);
    assert_eq!(last.participants.len(), 3);
    assert_eq!(turnouts(&fx), [0]);

    // Nothing changed: nothing is published again.
    let fx = keys(&mut app, &["j"]);
    assert!(published(&fx).is_empty(), "{fx:?}");

    // A cluster renamed: published again, with the new title.
    go(&mut app, 2, 0);
    keys(&mut app, &["r"]);
    keys(&mut app, &["!"]);
    let fx = keys(&mut app, &["enter"]);
    let again = published(&fx);
    assert_eq!(again.len(), 1, "{fx:?}");
    assert_eq!(again[0].as_ref().unwrap().items[1].text, "Eau 💧!");

    // `v` pauses the round: the phones say it is closed...
    let fx = keys(&mut app, &["v"]);
    let closed = published(&fx);
    assert_eq!(closed.len(), 1);
    assert!(!closed[0].as_ref().unwrap().open);
    // ... until the step changes: the sticky form again.
    let fx = keys(&mut app, &["f", "]"]);
    assert_eq!(published(&fx), [None], "{fx:?}");
}

#[test]
fn a_round_opened_with_a_is_anonymous_and_3_2_still_works() {
    let (app, fx) = voting("3 2 a");
    let r = app.session().unwrap().round(&round(&app)).unwrap();
    assert!(r.anonymous);
    assert_eq!((r.dots, r.cap), (3, Some(2)));
    assert!(published(&fx).last().unwrap().as_ref().unwrap().anonymous);

    let (app, _) = voting("4");
    let r = app.session().unwrap().round(&round(&app)).unwrap();
    assert!(!r.anonymous);
    assert_eq!((r.dots, r.cap), (4, None));
}

#[test]
fn nothing_is_published_without_collecting() {
    let mut app = app();
    let mut fx = keys(&mut app, &["v", "enter"]);
    assert!(app.board.voting.is_some());
    fx.extend(keys(&mut app, &["v"]));
    assert!(published(&fx).is_empty() && turnouts(&fx).is_empty());
}

// ---------------------------------------------------------------- ballots

#[test]
fn a_ballot_is_one_undoable_step_and_a_second_replaces_the_first() {
    let (mut app, _) = voting("3 2");
    let rid = round(&app);
    let r = round(&app);
    let steps = app.history.undo.len();
    let fx = send(
        &mut app,
        Msg::Ballots(vec![cast(&rid, amelie(), &[("c-ombre", 2), ("c-eau", 1)])]),
    );
    assert_eq!(app.history.undo.len(), steps + 1, "one step");
    assert_eq!(turnouts(&fx), [1]);
    assert!(fx.contains(&Effect::Save), "{fx:?}");
    assert!(
        !app.outbox.is_empty(),
        "journaled: the ops are queued for the crash journal"
    );
    assert_eq!(
        message(&app),
        "Ballot in from Amélie Roux · 1 ballot so far"
    );
    let s = app.session().unwrap();
    assert_eq!(tally(s, &r, &c("c-ombre")), 2);
    assert_eq!(tally(s, &r, &c("c-eau")), 1);

    // A second ballot replaces the first; the turnout stays at one.
    let fx = send(
        &mut app,
        Msg::Ballots(vec![cast(&rid, amelie(), &[("c-vide", 1)])]),
    );
    assert!(turnouts(&fx).is_empty(), "{fx:?}");
    let s = app.session().unwrap();
    assert_eq!(tally(s, &r, &c("c-ombre")), 0);
    assert_eq!(tally(s, &r, &c("c-vide")), 1);

    // Undo: the first ballot is back, in the file and in the box.
    keys(&mut app, &["u"]);
    let s = app.session().unwrap();
    assert_eq!(tally(s, &r, &c("c-ombre")), 2);
    assert_eq!(tally(s, &r, &c("c-vide")), 0);
    // Undo again: no ballot at all, and the turnout is told.
    let fx = keys(&mut app, &["u"]);
    assert_eq!(turnouts(&fx), [0]);
    assert_eq!(app.ballots.of(&r).unwrap().turnout(), 0);
    // Redo twice: the second ballot again.
    let fx = keys(&mut app, &["ctrl-r", "ctrl-r"]);
    assert_eq!(turnouts(&fx), [1]);
    let s = app.session().unwrap();
    assert_eq!(tally(s, &r, &c("c-vide")), 1);
    assert_eq!(tally(s, &r, &c("c-ombre")), 0);
}

#[test]
fn anonymous_phones_add_to_the_tallies_and_replace_their_own_ballot() {
    let (mut app, _) = voting("3 2 a");
    let rid = round(&app);
    let r = round(&app);
    send(
        &mut app,
        Msg::Ballots(vec![
            cast(&rid, phone("a"), &[("c-eau", 2)]),
            cast(&rid, phone("b"), &[("c-eau", 1), ("c-ombre", 2)]),
        ]),
    );
    assert_eq!(tally(app.session().unwrap(), &r, &c("c-eau")), 3);
    // Phone a changes its mind: its 2 dots leave c-eau.
    send(
        &mut app,
        Msg::Ballots(vec![cast(&rid, phone("a"), &[("c-vide", 1)])]),
    );
    let s = app.session().unwrap();
    assert_eq!(tally(s, &r, &c("c-eau")), 1);
    assert_eq!(tally(s, &r, &c("c-vide")), 1);
    assert_eq!(app.ballots.of(&r).unwrap().turnout(), 2);
    // Undo gives phone a its first ballot back: a third ballot from it
    // replaces that one.
    keys(&mut app, &["u"]);
    send(
        &mut app,
        Msg::Ballots(vec![cast(&rid, phone("a"), &[("c-ombre", 1)])]),
    );
    let s = app.session().unwrap();
    assert_eq!(tally(s, &r, &c("c-eau")), 1);
    assert_eq!(tally(s, &r, &c("c-ombre")), 3);
}

#[test]
fn refused_ballots_are_said_and_change_nothing() {
    let (mut app, _) = voting("3 2");
    let rid = round(&app);
    let before = app.session().unwrap().votes.clone();
    let steps = app.history.undo.len();
    // The cluster went since the page was loaded.
    send(
        &mut app,
        Msg::Ballots(vec![cast(&rid, amelie(), &[("c-gone", 1)])]),
    );
    assert!(is_error(&app), "{}", message(&app));
    assert_eq!(
        message(&app),
        "Ballot from Amélie Roux refused: an item is no longer on the wall"
    );
    // Over the cap (the server checks it too; the session checks again).
    send(
        &mut app,
        Msg::Ballots(vec![cast(&rid, amelie(), &[("c-eau", 3)])]),
    );
    assert!(message(&app).contains("3 dots on “Eau 💧”, 2 at most"));
    // A round that is not open any more.
    let late = cast(&rid, phone("z"), &[("c-eau", 1)]);
    keys(&mut app, &["v"]);
    send(&mut app, Msg::Ballots(vec![late]));
    assert!(
        message(&app).contains("the round is not open"),
        "{}",
        message(&app)
    );
    assert_eq!(app.session().unwrap().votes, before);
    assert_eq!(app.history.undo.len(), steps);
}

#[test]
fn the_turnout_shows_who_voted_unless_anonymous_never_how() {
    let (mut app, _) = voting("3 2");
    let rid = round(&app);
    send(
        &mut app,
        Msg::Ballots(vec![
            cast(&rid, amelie(), &[("c-eau", 1)]),
            cast(
                &rid,
                BallotVoter::Guest {
                    device: "g".into(),
                    name: Some("Zoé".into()),
                },
                &[("c-eau", 1)],
            ),
        ]),
    );
    app.message = None;
    let text = screen(&draw(&app, 120, 40));
    assert!(
        text.contains("🗳 2 ballots: Amélie Roux, Zoé (guest)"),
        "{text}"
    );

    let (mut app, _) = voting("3 a");
    let rid = round(&app);
    send(
        &mut app,
        Msg::Ballots(vec![cast(&rid, phone("a"), &[("c-eau", 1)])]),
    );
    app.message = None;
    let text = screen(&draw(&app, 120, 40));
    assert!(text.contains("🗳 1 anonymous ballot"), "{text}");
}

// ---------------------------------------------------------------- projector

#[test]
fn p_from_the_board_projects_the_wall_without_private_stickies() {
    let mut s = session();
    s.stickies[1].private = true; // "Des voiles d'ombrage 日よけ"
    let mut app = app_with(s, None);
    keys(&mut app, &["p"]);
    assert_eq!(
        (app.screen, app.projection),
        (Screen::Projector, Projection::Wall)
    );
    for (w, h) in [(120, 40), (200, 60)] {
        let terminal = draw(&app, w, h);
        let text = screen(&terminal);
        assert!(text.contains("Planter des arbres"), "{w}x{h}\n{text}");
        assert!(text.contains("涼しい教室"), "CJK: {w}x{h}\n{text}");
        assert!(text.contains("Not grouped yet (3)"), "{w}x{h}\n{text}");
        assert!(!text.contains("Des voiles"), "private: {w}x{h}\n{text}");
        assert!(!text.contains("cantine"), "parked: {w}x{h}\n{text}");
        assert!(!text.contains('●'), "no dot on the wall: {w}x{h}\n{text}");
        insta::assert_snapshot!(format!("wall_{w}x{h}"), terminal.backend());
    }
    // `p` goes back to the board.
    keys(&mut app, &["p"]);
    assert_eq!(app.screen, Screen::Board);
}

#[test]
fn the_wall_scrolls_when_more_than_fit() {
    let mut s = session();
    for i in 0..30 {
        s.stickies.push(sticky(
            &format!("x-{i}"),
            &format!("Idée numéro {i}"),
            atelier::model::Colour::Green,
            Some("c-vide"),
            None,
        ));
    }
    let mut app = app_with(s, None);
    keys(&mut app, &["p"]);
    let text = screen(&draw(&app, 120, 40));
    assert!(text.contains("Idée numéro 0"), "{text}");
    assert!(text.contains("more"), "{text}");
    assert!(!text.contains("Idée numéro 29"), "{text}");
    keys(&mut app, &["G"]);
    let text = screen(&draw(&app, 120, 40));
    assert!(text.contains("Idée numéro 29"), "{text}");
    assert!(text.contains("above"), "{text}");
}

#[test]
fn p_from_the_results_projects_them_ranked_in_large_type() {
    let mut app = app_with(with_votes(session()), None);
    keys(&mut app, &["R"]);
    assert!(app.board.results);
    keys(&mut app, &["p"]);
    assert_eq!(
        (app.screen, app.projection, app.board.results),
        (Screen::Projector, Projection::Results, false)
    );
    for (w, h) in [(120, 40), (200, 60)] {
        let terminal = draw(&app, w, h);
        let text = screen(&terminal);
        assert!(text.contains("Gourdes offertes"), "{w}x{h}\n{text}");
        assert!(text.contains("Ombre et fraîcheur ☀️"), "{w}x{h}\n{text}");
        assert!(text.contains("涼しい教室"), "CJK: {w}x{h}\n{text}");
        insta::assert_snapshot!(format!("results_projected_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn the_projected_timer_is_centred_with_the_largest_digits_that_fit() {
    let mut app = app();
    app.screen = atelier::app::state::Screen::Facilitate;
    keys(&mut app, &["p"]);
    assert_eq!(app.projection, Projection::Timer);
    // The font's digits are 7 rows of 8: twice as large at 120x40, three
    // times at 200x60.
    for (w, h, rows_inked) in [(120, 40, 14), (200, 60, 21)] {
        let terminal = draw(&app, w, h);
        let text = screen(&terminal);
        let rows: Vec<&str> = text.lines().collect();
        let inked: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.contains('█'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            inked.len(),
            rows_inked,
            "the largest digits at {w}x{h}\n{text}"
        );
        let (first, last) = (inked[0], inked[inked.len() - 1]);
        let above = first;
        let below = h as usize - 1 - last;
        assert!(
            above.abs_diff(below) <= 10,
            "centred vertically at {w}x{h} ({above} above, {below} below)\n{text}"
        );
        insta::assert_snapshot!(format!("projector_timer_{w}x{h}"), terminal.backend());
    }
}

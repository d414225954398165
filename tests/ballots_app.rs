//! Dot voting from phones, in the app (pure `update`, no server): the
//! round published while collecting (again when the items change, closed
//! when the round pauses), ballots applied as one undoable step each
//! through the round's box (replaced, undone, redone, refused), the
//! turnout told to the phones and shown; and the projector's wall and
//! ranked results, with snapshots at 120x40 and 200x60.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod board_support;
mod support;

use atelier::app::effect::{Done, Opened};
use atelier::app::state::{CollectView, Projection, Screen};
use atelier::app::{App, Effect, Msg};
use atelier::collect::{BallotVoter, CastBallot, RoundInfo};
use atelier::model::{Ballot, Id, Place, Session, Target};
use board_support::*;
use ratatui::{Terminal, backend::TestBackend};
use support::screen::{draw, screen};

fn view() -> CollectView {
    CollectView {
        urls: vec!["http://192.168.1.23:41234/c/abcdefghijklmnopqrstuvwxyz".into()],
        qr: Vec::new(),
        port: 41234,
    }
}

/// The board app, collecting, with a round of 3 dots (at most 2 per
/// item) opened with `v` and the prompt (`3 2`, or `3 2 a`).
fn voting(prompt: &str) -> (App, Vec<Effect>) {
    let mut s = session();
    let mut next = s.agenda[0].steps[0].clone();
    next.id = Id::from("sp-next");
    next.title = "Next".into();
    s.agenda[0].steps.push(next);
    voting_in(app_with(s, None), prompt)
}

/// `app` collecting, with a round opened with `v` and `prompt`.
fn voting_in(mut app: App, prompt: &str) -> (App, Vec<Effect>) {
    keys(&mut app, &["w"]);
    let mut fx = send(&mut app, Msg::Collecting(Ok(view())));
    fx.extend(keys(&mut app, &["v"]));
    // The field opens with "3": replace it.
    fx.extend(keys(&mut app, &["backspace"]));
    fx.extend(type_text(&mut app, prompt));
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
    assert_says(&app, "3 dots on “Eau 💧”, 2 at most");
    // A round that is not open any more.
    let late = cast(&rid, phone("z"), &[("c-eau", 1)]);
    keys(&mut app, &["v"]);
    send(&mut app, Msg::Ballots(vec![late]));
    assert_says(&app, "the round is not open");
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

/// A generated session of `n` stickies, some private, many parked (more
/// than in any cluster), one of an unknown cluster.
fn big_wall(n: usize) -> Session {
    let mut s = atelier::generate::session(n, 1);
    for (i, x) in s.stickies.iter_mut().enumerate() {
        x.private = i % 7 == 0;
        if i % 3 == 0 {
            (x.cluster, x.parked) = (None, true);
        }
    }
    s.stickies[1].cluster = Some(Id::from("no-such-cluster"));
    s
}

/// The wall by its definition: each cluster's public stickies, then the
/// inbox's.
fn wall_by_definition(s: &Session) -> (Vec<Vec<usize>>, Vec<usize>) {
    let public = |place: Place| -> Vec<usize> {
        let on = |x: &atelier::model::Sticky| !x.private && x.place() == place;
        (0..s.stickies.len())
            .filter(|&i| on(&s.stickies[i]))
            .collect()
    };
    let clusters = s
        .clusters
        .iter()
        .map(|c| public(Place::Cluster(c.id.clone())));
    (clusters.collect(), public(Place::Inbox))
}

#[test]
fn the_wall_is_built_once_per_change_and_no_key_walks_the_stickies() {
    let mut app = app_with(big_wall(10_000), None);
    keys(&mut app, &["p"]);
    assert_eq!(app.projection, Projection::Wall);
    let (clusters, inbox) = wall_by_definition(app.session().unwrap());
    assert_eq!((&app.wall.clusters, &app.wall.inbox), (&clusters, &inbox));
    assert_eq!(app.wall.builds, 1);
    for _ in 0..10 {
        keys(&mut app, &["down", "right", "G", "up", "left", "g"]);
    }
    assert_eq!(app.wall.builds, 1, "a key rebuilt the wall");
    // A change of the session (a sticky added to the inbox) is seen once.
    let s = app.session().unwrap().clone();
    let id = Id::from("00000000-0000-7000-8000-00000000beef");
    let op = s.new_sticky(
        "nouveau",
        None,
        Default::default(),
        None,
        &Place::Inbox,
        t(0),
        id,
    );
    let mut fx = Vec::new();
    assert!(atelier::app::history::commit(
        &mut app,
        "capture",
        vec![op],
        t(0),
        &mut fx
    ));
    keys(&mut app, &["down", "up"]);
    assert_eq!(app.wall.builds, 2);
    assert_eq!(app.wall.inbox.last(), Some(&s.stickies.len()));
}

#[test]
fn the_wall_scrolls_down_to_its_longest_column_not_the_parked_stickies() {
    let mut app = app_with(big_wall(300), None);
    keys(&mut app, &["p", "G"]);
    let s = app.session().unwrap();
    let (clusters, inbox) = wall_by_definition(s);
    let most = clusters.iter().chain([&inbox]).map(Vec::len).max().unwrap();
    let parked = s.stickies.iter().filter(|x| x.parked && !x.private).count();
    assert!(
        parked > most,
        "more parked ({parked}) than in a column ({most})"
    );
    assert_eq!(app.wall_scroll.1, most - 1);
}

/// The results' cache as `Session::ranking` of the round shown, each
/// item with its place in the session found by search.
fn assert_results_ranked(app: &App) {
    let s = app.session().unwrap();
    let round = app.results_round();
    let ranking = s.ranking(round.as_ref());
    let cached: Vec<_> = app.results.rows.iter().map(|(r, _)| r.clone()).collect();
    assert_eq!(cached, ranking);
    for (r, at) in &app.results.rows {
        let found = match &r.target {
            Target::Sticky(id) => s.stickies.iter().position(|x| &x.id == id),
            Target::Cluster(id) => s.clusters.iter().position(|c| &c.id == id),
        };
        assert_eq!(*at, found, "{r:?}");
    }
}

#[test]
fn the_results_are_ranked_once_per_change_and_no_key_walks_the_stickies() {
    let mut app = app_with(atelier::generate::session(10_000, 1), None);
    keys(&mut app, &["R"]);
    assert!(app.board.results);
    assert_eq!(app.results.builds, 1);
    assert!(app.results.rows.len() > 10, "{}", app.results.rows.len());
    assert_results_ranked(&app);
    // Projected from the popup: the same round, not ranked again.
    keys(&mut app, &["p"]);
    assert_eq!(app.projection, Projection::Results);
    for _ in 0..10 {
        keys(&mut app, &["down", "right", "G", "up", "left", "g"]);
        draw(&app, 120, 40);
    }
    assert_eq!(app.results.builds, 1, "a key or a frame ranked again");
    // One tally of 100 dots on the last sticky is seen once: it ranks first.
    let s = app.session().unwrap().clone();
    let round = app.results_round().unwrap();
    let at = s.stickies.iter().rposition(|x| !x.private).unwrap();
    assert!(at > 9_000, "a sticky far down the file: {at}");
    let last = &s.stickies[at];
    let target = Target::Sticky(last.id.clone());
    let id = Id::from("00000000-0000-7000-8000-00000000beef");
    let ops = s.paper_tally(&round, &target, 100, id);
    let mut fx = Vec::new();
    assert!(atelier::app::history::commit(
        &mut app,
        "tally",
        ops,
        t(0),
        &mut fx
    ));
    keys(&mut app, &["down", "up"]);
    assert_eq!(app.results.builds, 2);
    assert_results_ranked(&app);
    let (first, first_at) = &app.results.rows[0];
    assert_eq!((&first.target, *first_at), (&target, Some(at)));
    // What is drawn is that sticky's text, found through the cache.
    keys(&mut app, &["g"]);
    let text = screen(&draw(&app, 200, 60));
    let words = last
        .text
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(&words), "{words}\n{text}");
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

// ---------------------------------------------------------------- hidden dots

/// The board at `w`x`h` with no status message (the turnout shows).
fn board_text(app: &mut App, w: u16, h: u16) -> (String, Terminal<TestBackend>) {
    app.message = None;
    let terminal = draw(app, w, h);
    (screen(&terminal), terminal)
}

/// A sticky card's author line ("Noël Bertrand 🎄 ●● 2"): the row under
/// the card's (one-line) text, in the card's column.
fn card_meta(text: &str, card: &str) -> String {
    let rows: Vec<&str> = text.lines().collect();
    let y = rows.iter().position(|r| r.contains(card)).unwrap();
    let x = rows[y].find(card).unwrap();
    let x = rows[y][..x].chars().count();
    rows[y + 1]
        .chars()
        .skip(x)
        .take_while(|c| !matches!(c, '┃' | '│'))
        .collect()
}

#[test]
fn the_board_hides_an_open_rounds_dots_until_r_and_shows_the_voters_own() {
    // "Vote 1": s-4 has Amélie's and Noël's dots, c-ombre Hanako's two.
    let mut app = app_with(with_votes(session()), None);
    assert!(app.counts_visible(), "no round open: everything shows");
    let (text, _) = board_text(&mut app, 120, 40);
    assert!(text.contains("Ombre et… · 2 · ●2"), "{text}");
    assert!(
        card_meta(&text, "Gourdes offertes").contains("●● 2"),
        "{text}"
    );

    // `v` resumes "Vote 1" for Amélie: only her own dots show, as ○.
    keys(&mut app, &["v"]);
    assert!(!app.counts_visible());
    for (w, h) in [(80, 24), (120, 40)] {
        let (text, terminal) = board_text(&mut app, w, h);
        assert!(text.contains("dots hidden until R"), "{w}x{h}\n{text}");
        assert!(
            !text.contains("●2") && !text.contains("● 1"),
            "{w}x{h}\n{text}"
        );
        assert!(
            !text.contains("Ombre et fraîcheur ☀️ · 2 · "),
            "{w}x{h}\n{text}"
        );
        assert!(
            card_meta(&text, "Gourdes offertes").contains("○ 1"),
            "{w}x{h}\n{text}"
        );
        insta::assert_snapshot!(format!("board_dots_hidden_{w}x{h}"), terminal.backend());
    }
    // The voting footer names the round's keys, `I` included.
    let (text, _) = board_text(&mut app, 120, 40);
    let footer = text.lines().last().unwrap();
    assert!(
        footer.contains("+ dot") && footer.contains("I anonymous"),
        "{footer}"
    );

    // `+` for Amélie on Gourdes: her ○ grows, the others' stay hidden.
    go(&mut app, 0, 1);
    keys(&mut app, &["+"]);
    let (text, _) = board_text(&mut app, 120, 40);
    assert!(
        card_meta(&text, "Gourdes offertes").contains("○○ 2"),
        "{text}"
    );
    // Sorting by votes waits for the results: the order would tell them.
    let order = app.index.columns[0].stickies.clone();
    keys(&mut app, &["o"]);
    assert_says(&app, "once the results are shown");
    assert_eq!(app.index.columns[0].stickies, order);

    // `R` shows the results: from then on the board shows the round's dots.
    keys(&mut app, &["R", "esc"]);
    assert!(app.counts_visible());
    let (text, _) = board_text(&mut app, 120, 40);
    assert!(
        card_meta(&text, "Gourdes offertes").contains("●●● 3"),
        "{text}"
    );
    assert!(text.contains("Ombre et… · 2 · ●2"), "{text}");
    assert!(!text.contains("dots hidden"), "{text}");
    assert_ne!(app.index.columns[0].stickies, order, "sorted now");

    // Paused and resumed: still shown (the room saw them). A new round
    // hides again, until its own results.
    keys(&mut app, &["v", "v"]);
    assert!(app.counts_visible());
    keys(&mut app, &["v"]);
    assert!(app.counts_visible(), "paused: the dots come back");
}

#[test]
fn a_new_round_hides_its_dots_and_pausing_it_shows_them() {
    let (mut app, _) = voting("3 2");
    assert!(!app.counts_visible());
    let rid = round(&app);
    send(
        &mut app,
        Msg::Ballots(vec![cast(
            &rid,
            BallotVoter::Participant(Id::from("p-noel")),
            &[("c-eau", 2)],
        )]),
    );
    let (text, _) = board_text(&mut app, 120, 40);
    assert!(!text.contains("Eau 💧 · 1 · ●2"), "{text}");
    assert!(text.contains("🗳 1 ballot"), "the turnout instead: {text}");
    keys(&mut app, &["esc"]);
    assert!(app.board.voting.is_none() && app.counts_visible());
    let (text, _) = board_text(&mut app, 120, 40);
    assert!(text.contains("Eau 💧 · 1 · ●2"), "{text}");
}

// ---------------------------------------------------------------- anonymity

#[test]
fn the_round_prompt_says_a_and_s_in_both_languages() {
    let mut app = app_with(session(), None);
    keys(&mut app, &["v"]);
    // Under the field, whole even at 80x24: the example and each option.
    let (text, terminal) = board_text(&mut app, 80, 24);
    for line in [
        "New voting round (e.g. \"3\", \"3 2\" or \"3 2 a s\")",
        "3 2: 3 dots per person, at most 2 on one item",
        "a: anonymous ballots from phones (no name is asked)",
        "s: the phones vote on the stickies, not the clusters",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    insta::assert_snapshot!("round_prompt_80x24", terminal.backend());
    app.lang = "fr";
    let (text, _) = board_text(&mut app, 80, 24);
    for line in [
        "a\u{a0}: bulletins anonymes depuis les téléphones",
        "s\u{a0}: les téléphones votent sur les post-it",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

#[test]
fn i_toggles_anonymity_until_the_first_ballot_as_an_undoable_step() {
    let (mut app, _) = voting("3 2");
    let rid = round(&app);
    let anonymous = |app: &App| app.session().unwrap().round(&rid).unwrap().anonymous;
    let fx = keys(&mut app, &["I"]);
    assert!(anonymous(&app), "{}", message(&app));
    assert_says(&app, "now anonymous");
    let last = published(&fx).pop().flatten().unwrap();
    assert!(last.anonymous, "the phones are told");
    assert!(
        fx.iter().any(|e| matches!(e, Effect::Save)),
        "saved (and so journaled): {fx:?}"
    );
    keys(&mut app, &["u"]);
    assert!(!anonymous(&app), "undone");
    keys(&mut app, &["ctrl-r"]);
    assert!(anonymous(&app), "redone");
    keys(&mut app, &["I"]);
    assert!(!anonymous(&app));

    // Once a ballot is in, it stays as it is.
    send(
        &mut app,
        Msg::Ballots(vec![cast(&rid, amelie(), &[("c-eau", 1)])]),
    );
    let steps = app.history.undo.len();
    keys(&mut app, &["I"]);
    assert!(!anonymous(&app));
    assert_says(&app, "1 ballot is in");
    assert_eq!(app.history.undo.len(), steps);

    // Not voting: nothing to toggle.
    keys(&mut app, &["esc", "I"]);
    assert_says(&app, "Press v");
}

// ---------------------------------------------------------------- on stickies

#[test]
fn a_round_opened_with_s_lists_the_stickies_even_with_clusters() {
    let (mut app, fx) = voting("3 2 s");
    let rid = round(&app);
    assert!(app.session().unwrap().round(&rid).unwrap().on_stickies);
    let last = published(&fx).pop().flatten().unwrap();
    let items: Vec<&str> = last.items.iter().map(|i| i.text.as_str()).collect();
    // Every sticky but the parked one (s-7), in session order.
    assert_eq!(items.len(), 6, "{items:?}");
    assert_eq!(items[0], "Planter des arbres dans la cour de l'École");
    assert!(items.contains(&"涼しい教室を作る 🌬️ エアコン"), "{items:?}");
    assert!(!items.iter().any(|i| i.contains("cantine")), "{items:?}");
    let sticky = |id: &str| Target::Sticky(Id::from(id));
    send(
        &mut app,
        Msg::Ballots(vec![CastBallot {
            round: rid.clone(),
            voter: amelie(),
            ballot: Ballot::new([(sticky("s-6"), 2)]),
            at: t(5),
        }]),
    );
    assert_eq!(tally(app.session().unwrap(), &rid, &sticky("s-6")), 2);
}

#[test]
fn more_stickies_than_a_phone_lists_are_cut_to_60_and_the_facilitator_told() {
    let mut s = session();
    for i in 0..70 {
        s.stickies.push(sticky(
            &format!("x-{i}"),
            &format!("Idée {i}"),
            atelier::model::Colour::Green,
            None,
            None,
        ));
    }
    let (app, fx) = voting_in(app_with(s, None), "3 s");
    let last = published(&fx).pop().flatten().unwrap();
    assert_eq!(last.items.len(), 60);
    assert_says(&app, "first 60 of 76 stickies");
}

// ---------------------------------------------------------------- restart

/// A phone's ballot id, as the server makes them.
const DEVICE: &str = "abcdefghijklmnopqrstuvwxyz";

#[test]
fn after_a_crash_a_phones_second_ballot_still_replaces_its_first() {
    use atelier::store::Store;
    use atelier::store::journal::journal_path;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cours.ron");
    Store::create(&path, &session()).unwrap();
    let (mut store, s) = Store::open(&path).unwrap();
    let (mut app, _) = voting_in(app_with(s, None), "3 2");
    let rid = round(&app);
    let guest = BallotVoter::Guest {
        device: "g".repeat(26),
        name: Some("Zoé Secrète".into()),
    };
    send(
        &mut app,
        Msg::Ballots(vec![
            cast(&rid, phone(DEVICE), &[("c-eau", 2)]),
            cast(&rid, guest, &[("c-vide", 1)]),
        ]),
    );
    assert_eq!(tally(app.session().unwrap(), &rid, &c("c-eau")), 2);
    // What the run loop hands the journal thread, then kill -9.
    for (generation, record) in std::mem::take(&mut app.outbox) {
        store.journal(generation, &record);
    }
    store.sync();
    drop(store);
    let journal =
        String::from_utf8_lossy(&std::fs::read(journal_path(&path)).unwrap()).into_owned();
    assert!(journal.contains("device:"), "the boxes are journaled");
    assert!(!journal.contains(DEVICE), "never a phone's id in clear");
    assert!(!journal.contains("Zoé"), "never a name typed on a phone");

    // Reopened: the votes are replayed, the boxes recalled; they stay
    // through a full save and another stop.
    let (mut store, s) = Store::open(&path).unwrap();
    assert_eq!(tally(&s, &rid, &c("c-eau")), 2);
    let remembered = store.recovered_ballots().clone();
    assert_eq!(remembered.rounds.len(), 1, "{remembered:?}");
    store.save(&s).unwrap();
    drop(store);
    let (store, s) = Store::open(&path).unwrap();
    assert_eq!(store.recovered_ballots(), &remembered);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        !saved.contains("device:"),
        "nothing of the boxes in the file"
    );
    let mut app = app_with(s.clone(), None);
    let opened = Opened {
        ballots: store.recovered_ballots().clone(),
        ..Opened::plain(s, "/nonexistent/cours.ron".into())
    };
    send(&mut app, Msg::Done(Done::Opened(Box::new(opened))));
    app.screen = Screen::Board;
    keys(&mut app, &["w"]);
    send(&mut app, Msg::Collecting(Ok(view())));
    keys(&mut app, &["v"]);
    assert_eq!(round(&app), rid, "v resumes the round");
    let (text, _) = board_text(&mut app, 120, 40);
    assert!(text.contains("🗳 2 ballots"), "{text}");

    // The same phone again: its dots move, they are not added.
    send(
        &mut app,
        Msg::Ballots(vec![cast(&rid, phone(DEVICE), &[("c-ombre", 1)])]),
    );
    let s = app.session().unwrap();
    assert_eq!(tally(s, &rid, &c("c-eau")), 0, "{}", message(&app));
    assert_eq!(tally(s, &rid, &c("c-ombre")), 1);
    assert_eq!(tally(s, &rid, &c("c-vide")), 1, "the guest's stays");
    assert_eq!(app.ballots.of(&rid).unwrap().turnout(), 2);
    drop(store);
}

#[test]
fn i_opens_a_new_round_even_when_the_session_has_one() {
    let mut app = app_with(with_votes(session()), None);
    // `v` resumes "Vote 1"; `i` asks for a new round instead.
    keys(&mut app, &["i"]);
    let field = app.field.as_ref().expect("the new round's field");
    assert!(
        field.title.starts_with("New voting round"),
        "{}",
        field.title
    );
    keys(&mut app, &["backspace", "2", "space", "s", "enter"]);
    let s = app.session().unwrap();
    assert_eq!(s.rounds.len(), 2);
    let new = s.rounds.last().unwrap();
    assert!((new.dots, new.on_stickies, new.anonymous) == (2, true, false));
    assert_eq!(round(&app), new.id, "voting on it");
    assert!(!app.counts_visible(), "its dots hidden until R");
    // The help names the key.
    let help = atelier::app::Action::NewRound.describe("en");
    assert!(help.contains("\"s\" on stickies"), "{help}");
}

#[test]
fn the_boxes_go_to_the_journal_when_a_ballot_changes_them_not_on_every_message() {
    use atelier::store::journal::Record;
    fn journaled(app: &mut App) -> Vec<atelier::model::BallotMemory> {
        let records = std::mem::take(&mut app.outbox).into_iter();
        let memory = |(_, r)| match r {
            Record::Ballots(m) => Some(m),
            _ => None,
        };
        records.filter_map(memory).collect()
    }
    let (mut app, _) = voting("3 2");
    let rid = round(&app);
    journaled(&mut app);
    let one = vec![cast(&rid, phone(DEVICE), &[("c-eau", 2)])];
    send(&mut app, Msg::Ballots(one.clone()));
    let first = journaled(&mut app);
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0].rounds.len(), 1);
    send(&mut app, Msg::Tick);
    keys(&mut app, &["down"]);
    assert_eq!(journaled(&mut app), [], "nothing changed in the boxes");
    // The same ballot again changes nothing the journal keeps.
    send(&mut app, Msg::Ballots(one));
    assert_eq!(journaled(&mut app), []);
    // Undone: the box is empty again, and the journal is told.
    keys(&mut app, &["u"]);
    let undone = journaled(&mut app);
    assert_eq!(undone.len(), 1, "{undone:?}");
    assert_eq!(undone[0].rounds.len(), 0, "{undone:?}");
}

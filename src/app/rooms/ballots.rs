//! Dot voting from phones: the app's side (pure). The server is
//! [`crate::collect`] (its module documentation lists the steps); the run
//! loop hands ballots over as [`Msg::Ballots`](crate::app::Msg::Ballots)
//! and performs the [`Effect::PublishRound`] and [`Effect::Turnout`] sent
//! from here.
//!
//! - While collecting (`w`) and a round is open on the board (`v`), the
//!   phones show its ballot: the clusters (or the stickies neither
//!   private nor parked, when the round
//!   was opened with `s` or the board has no cluster; the first 60, the
//!   facilitator told when there are more), the dots and the cap, and the
//!   participants' names unless the round is anonymous (`3 a` when opening
//!   it, or `I` before the first ballot). The ballot follows the session: a
//!   cluster renamed, added or removed, a participant added, is published
//!   again.
//! - Pausing the round (`v`, Esc) closes the ballot: the phones say the
//!   vote is closed until the step changes, then show the sticky form.
//! - Each ballot is one undoable, journaled step through the round's
//!   [`BallotBox`](crate::collect::BallotBox): a second ballot from the
//!   same voter replaces the first; undo gives the box its previous
//!   ballot back. A refused ballot is said in the status line.
//! - The turnout is told to the phones and shown in the status line's
//!   right end (`ui::collect`); the results stay hidden until `R`, and so
//!   do the board's dots ([`App::counts_visible`]).
//! - The boxes are journaled (a phone by a hash of its ballot id) and
//!   recalled when the session opens again: after a restart, a second
//!   ballot from a phone still replaces its first.

use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::kit::*;
use crate::app::state::{App, BallotStep, Ballots};
use crate::collect::{BallotBox, BallotVoter, CastBallot, RoundInfo};
use crate::i18n::tr;
use crate::model::{BALLOT_MAX_ITEMS, BallotMemory, BallotRefused, Id, Session, Timestamp};
use crate::store::journal::Record;
use crate::t;

/// After every message: tell the phones the round (or that it closed, or
/// that there is none) and the turnout, when they changed; and the crash
/// journal the boxes, when they changed.
pub fn publish(app: &mut App, fx: &mut Vec<Effect>) {
    remember(app);
    if app.collecting.is_none() || app.doc.is_none() {
        // A new server starts with no round: tell it again from scratch.
        app.ballots.published = None;
        app.ballots.turnout = None;
        return;
    }
    let want = wanted(app);
    if want != app.ballots.published {
        let before = app.ballots.published.as_ref().filter(|r| r.open);
        let opened = want
            .as_ref()
            .filter(|r| r.open && before.is_none_or(|b| b.id != r.id));
        if let Some(r) = opened {
            say_capped(app, &r.id.clone());
        }
        fx.push(Effect::PublishRound(want.clone()));
        app.ballots.published = want;
    }
    let turnout = app
        .ballots
        .published
        .as_ref()
        .and_then(|r| app.ballots.of(&r.id))
        .map(|b| b.turnout());
    if let Some(n) = turnout
        && app.ballots.turnout != Some(n)
    {
        fx.push(Effect::Turnout(n));
    }
    app.ballots.turnout = turnout;
}

/// What the phones should show now.
fn wanted(app: &mut App) -> Option<RoundInfo> {
    let s = app.doc.as_ref()?.session();
    if let Some(v) = &app.board.voting {
        app.ballots.of_mut(&v.round);
        app.ballots.closed_on = None;
        return RoundInfo::of(s, &v.round, s.round_on(&v.round), true);
    }
    // Closed: said on the phones until the step changes.
    let step = app.collect_prompt.clone().unwrap_or_default();
    let closed = match (&app.ballots.published, &app.ballots.closed_on) {
        (Some(p), _) if p.open => Some(p.id.clone()),
        (_, Some((id, on))) if *on == step => Some(id.clone()),
        _ => None,
    };
    app.ballots.closed_on = closed.clone().map(|id| (id, step));
    let closed = closed?;
    RoundInfo::of(s, &closed, s.round_on(&closed), false)
}

/// A round just shown on the phones lists only the first
/// [`BALLOT_MAX_ITEMS`] items: the facilitator is told.
fn say_capped(app: &mut App, round: &Id) {
    let Some(s) = app.session() else { return };
    let n = s.ballot_count(s.round_on(round));
    if n > BALLOT_MAX_ITEMS {
        let text = t!(app.lang, "ballots-capped", shown = BALLOT_MAX_ITEMS, n = n);
        warn(app, text, app.now);
    }
}

/// `I` in an open round: its ballots from phones become anonymous, or ask
/// for a name again, as one undoable step; refused once a ballot is in
/// (switching then would reveal who voted, or lose whose dots are whose).
pub fn toggle_anonymous(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(round) = app.board.voting.as_ref().map(|v| v.round.clone()) else {
        return warn(app, tr(lang, "msg-press-v-to-vote"), now);
    };
    let n = app.ballots.of(&round).map_or(0, |b| b.turnout());
    if n > 0 {
        return warn(app, t!(lang, "ballots-anonymous-locked", n = n), now);
    }
    let Some(anonymous) = app
        .session()
        .and_then(|s| s.round(&round))
        .map(|r| !r.anonymous)
    else {
        return;
    };
    let ops = app
        .session()
        .map(|s| s.set_round_anonymous(&round, anonymous))
        .unwrap_or_default();
    let (label, done) = if anonymous {
        ("ballots-undo-anonymous", "ballots-now-anonymous")
    } else {
        ("ballots-undo-named", "ballots-now-named")
    };
    if commit(app, tr(lang, label), ops, now, fx) {
        say(app, tr(lang, done), now);
    }
}

/// The boxes as the crash journal keeps them (rounds with a ballot in).
fn memory(app: &App) -> BallotMemory {
    let rounds = app
        .ballots
        .boxes
        .iter()
        .filter(|b| b.turnout() > 0)
        .filter_map(|b| Some((b.round()?.clone(), b.remembered())))
        .collect();
    BallotMemory { rounds }
}

/// Queue the boxes for the crash journal when they changed (only looked
/// at after a ballot was recorded, undone or redone).
fn remember(app: &mut App) {
    let Some(generation) = app.doc.as_ref().map(|d| d.generation) else {
        return;
    };
    if app.ballots.changes == app.ballots.journaled_changes {
        return;
    }
    app.ballots.journaled_changes = app.ballots.changes;
    let now = memory(app);
    if now != app.ballots.journaled {
        app.ballots.journaled = now.clone();
        app.outbox.push((generation, Record::Ballots(now)));
    }
}

/// A session opened with what its crash journal remembered of phones'
/// ballots: the boxes of its rounds (a second ballot from a phone then
/// still replaces its first).
pub fn recall(app: &mut App, memory: BallotMemory) {
    let Some(s) = app.session() else { return };
    let boxes = memory
        .rounds
        .iter()
        .filter(|(round, _)| s.round(round).is_some())
        .map(|(round, list)| BallotBox::recalled(round.clone(), list))
        .collect();
    app.ballots = Ballots {
        boxes,
        ..Ballots::default()
    };
    app.ballots.journaled = memory;
}

/// Ballots arrived from phones: each one step, in the order they came.
pub fn arrived(app: &mut App, casts: Vec<CastBallot>, now: Timestamp, fx: &mut Vec<Effect>) {
    for cast in casts {
        apply(app, cast, now, fx);
    }
}

fn apply(app: &mut App, cast: CastBallot, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(doc) = app.doc.as_ref() else { return };
    let s = doc.session();
    let who = voter_name(lang, s, &cast.voter);
    let open = app
        .board
        .voting
        .as_ref()
        .is_some_and(|v| v.round == cast.round);
    if !open || doc.read_only.is_some() {
        let text = t!(
            lang,
            "ballots-refused",
            who = who,
            why = tr(lang, "ballots-closed")
        );
        return warn(app, text, now);
    }
    let result = app.ballots.of_mut(&cast.round).ops(s, &cast, &mut app.ids);
    let ops = match result {
        Ok(ops) => ops,
        Err(e) => {
            let why = reason(lang, s, &e);
            return warn(app, t!(lang, "ballots-refused", who = who, why = why), now);
        }
    };
    let label = t!(lang, "ballots-undo", who = who.as_str());
    let changed = commit(app, label, ops, now, fx);
    let before = app.ballots.record(&cast);
    let n = app.ballots.of(&cast.round).map_or(0, |b| b.turnout());
    if changed && let Some(step) = app.history.undo.last_mut() {
        step.ballot = Some(Box::new(BallotStep { cast, before }));
    }
    let text = if changed {
        t!(lang, "ballots-in", who = who, n = n)
    } else {
        t!(lang, "ballots-same", who = who, n = n)
    };
    say(app, text, now);
}

/// Who sent a ballot, as the status line says it.
pub fn voter_name(lang: &str, s: &Session, voter: &BallotVoter) -> String {
    match voter {
        BallotVoter::Participant(id) => match s.participant(id) {
            Some(p) => p.name.clone(),
            None => tr(lang, "ballots-someone"),
        },
        BallotVoter::Guest {
            name: Some(name), ..
        } if !name.trim().is_empty() => t!(lang, "ballots-guest-named", name = name.trim()),
        BallotVoter::Guest { .. } => tr(lang, "ballots-guest"),
        BallotVoter::Anonymous { .. } => tr(lang, "ballots-anonymous"),
    }
}

/// Why the session refused a ballot, in a few words.
fn reason(lang: &str, s: &Session, e: &BallotRefused) -> String {
    match e {
        BallotRefused::Empty => tr(lang, "ballots-why-empty"),
        BallotRefused::Budget { given, dots } => {
            t!(lang, "ballots-why-budget", given = *given, dots = *dots)
        }
        BallotRefused::Cap { given, cap, target } => {
            let item = match target {
                crate::model::Target::Cluster(id) => s.cluster(id).map(|c| c.title.clone()),
                crate::model::Target::Sticky(id) => s.sticky(id).map(|x| x.text.clone()),
            };
            t!(
                lang,
                "ballots-why-cap",
                given = *given,
                cap = *cap,
                item = item.unwrap_or_default()
            )
        }
        BallotRefused::UnknownItem(_) => tr(lang, "ballots-why-item"),
        BallotRefused::UnknownRound => tr(lang, "ballots-closed"),
        BallotRefused::UnknownVoter => tr(lang, "ballots-why-voter"),
    }
}

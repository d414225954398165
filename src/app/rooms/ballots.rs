//! Dot voting from phones: the app's side (pure). The server is
//! [`crate::collect`] (its module documentation lists the steps); the run
//! loop hands ballots over as [`Msg::Ballots`](crate::app::Msg::Ballots)
//! and performs the [`Effect::PublishRound`] and [`Effect::Turnout`] sent
//! from here.
//!
//! - While collecting (`w`) and a round is open on the board (`v`), the
//!   phones show its ballot: the clusters (or, on a board without
//!   clusters, the stickies that are not private), the dots and the cap,
//!   and the participants' names unless the round is anonymous (`3 a` when
//!   opening it). The ballot follows the session: a cluster renamed, added
//!   or removed, a participant added, is published again.
//! - Pausing the round (`v`, Esc) closes the ballot: the phones say the
//!   vote is closed until the step changes, then show the sticky form.
//! - Each ballot is one undoable, journaled step through the round's
//!   [`BallotBox`](crate::collect::BallotBox): a second ballot from the
//!   same voter replaces the first; undo gives the box its previous
//!   ballot back. A refused ballot is said in the status line.
//! - The turnout is told to the phones and shown in the status line's
//!   right end (`ui::collect`); the results stay hidden until `R`.

use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::kit::*;
use crate::app::state::{App, BallotStep};
use crate::collect::{BallotVoter, CastBallot, RoundInfo};
use crate::i18n::tr;
use crate::model::{BallotOn, BallotRefused, Session, Timestamp};
use crate::t;

/// After every message: tell the phones the round (or that it closed, or
/// that there is none) and the turnout, when they changed.
pub fn publish(app: &mut App, fx: &mut Vec<Effect>) {
    if app.collecting.is_none() || app.doc.is_none() {
        // A new server starts with no round: tell it again from scratch.
        app.ballots.published = None;
        app.ballots.turnout = None;
        return;
    }
    let want = wanted(app);
    if want != app.ballots.published {
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
        return RoundInfo::of(s, &v.round, on(s), true);
    }
    // Closed: said on the phones until the step changes.
    let step = app.collect_prompt.clone().unwrap_or_default();
    let closed = match (&app.ballots.published, &app.ballots.closed_on) {
        (Some(p), _) if p.open => Some(p.id.clone()),
        (_, Some((id, on))) if *on == step => Some(id.clone()),
        _ => None,
    };
    app.ballots.closed_on = closed.clone().map(|id| (id, step));
    RoundInfo::of(s, &closed?, on(s), false)
}

/// What a ballot offers: the clusters, or the stickies on a board with none.
pub fn on(s: &Session) -> BallotOn {
    if s.clusters.is_empty() {
        BallotOn::Stickies
    } else {
        BallotOn::Clusters
    }
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
    let before = app.ballots.of_mut(&cast.round).record(&cast);
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
                crate::model::Target::Sticky(id) => s
                    .stickies
                    .iter()
                    .find(|x| &x.id == id)
                    .map(|x| x.text.clone()),
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

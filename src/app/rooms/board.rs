//! The board: clusters, dot voting, results.

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::tr;
use crate::model::{Id, Item, Op, Place, RoundSpec, Target, Timestamp};
use crate::t;

pub fn board_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    refresh_index(app);
    let lang = app.lang;
    let ncols = app.index.columns.len();
    match action {
        Action::Left | Action::PrevPane => {
            app.board.col = (app.board.col + ncols.max(1) - 1) % ncols.max(1);
            app.board.row = app.board.row.min(rows(app));
        }
        Action::Right | Action::NextPane => {
            app.board.col = (app.board.col + 1) % ncols.max(1);
            app.board.row = app.board.row.min(rows(app));
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            let n = rows(app) + 1;
            move_sel(&mut app.board.row, n, action);
        }
        Action::Back => {
            if !app.board.marked.is_empty() {
                app.board.marked.clear();
            } else if app.board.voting.is_some() {
                app.board.voting = None;
                say(app, tr(lang, "msg-voting-paused"), now);
            } else if !app.search.input.value().is_empty() {
                app.search = Search::default();
                refresh_index(app);
            } else {
                app.screen = Screen::Facilitate;
            }
        }
        Action::Mark => {
            if let Some(i) = selected_sticky(app) {
                let id = app
                    .session()
                    .map(|s| s.stickies[i].id.clone())
                    .unwrap_or_default();
                if !app.board.marked.remove(&id) {
                    app.board.marked.insert(id);
                }
                let n = rows(app);
                if app.board.row < n {
                    app.board.row += 1;
                }
            }
        }
        Action::MoveTo | Action::NewCluster | Action::Split | Action::Rename | Action::Merge => {
            cluster_action(app, action, now)
        }
        Action::Park | Action::Delete => sticky_action(app, action, now, fx),
        Action::ToCluster(n) => to_cluster(app, n, now, fx),
        Action::VoteOnClusters => vote_on_clusters(app, now),
        Action::SortVotes => {
            app.board.sort_votes = !app.board.sort_votes;
            refresh_index(app);
            let key = match (app.board.sort_votes, app.counts_visible()) {
                (true, true) => "msg-sorted-by-votes",
                (true, false) => "msg-sorted-after-results",
                (false, _) => "msg-board-order",
            };
            say(app, tr(lang, key), now);
        }
        Action::NewRound => new_round_field(app, now),
        Action::Vote
        | Action::VoteAdd
        | Action::VoteRemove
        | Action::NextParticipant
        | Action::PrevParticipant
        | Action::Tally
        | Action::Results => voting_action(app, action, now, fx),
        Action::Select => {
            if app.board.row == 0 && current_cluster(app).is_some() {
                board_action(app, Action::Rename, now, fx);
            } else if selected_sticky(app).is_some() {
                board_action(app, Action::MoveTo, now, fx);
            }
        }
        _ => {}
    }
}

/// Moving stickies, and making, renaming, splitting and merging clusters.
fn cluster_action(app: &mut App, action: Action, now: Timestamp) {
    let lang = app.lang;
    match action {
        Action::MoveTo => {
            let ids = selection(app);
            if ids.is_empty() {
                return warn(app, tr(lang, "msg-select-a-sticky"), now);
            }
            let items = app
                .index
                .columns
                .iter()
                .map(|c| format!("{} ({})", c.title, c.total))
                .collect();
            app.picker = Some(Picker::new(
                PickPurpose::MoveTo(ids.clone()),
                t!(lang, "picker-move-to", n = ids.len()),
                items,
                app.board.col,
            ));
        }
        Action::NewCluster | Action::Split => {
            let ids = selection(app);
            if action == Action::Split
                && (app.board.marked.is_empty() || current_cluster(app).is_none())
            {
                return warn(app, tr(lang, "msg-split-how"), now);
            }
            let title = if action == Action::Split {
                tr(lang, "field-split")
            } else {
                tr(lang, "field-new-cluster")
            };
            let purpose = if action == Action::Split {
                FieldPurpose::Split(ids)
            } else {
                FieldPurpose::NewCluster(ids)
            };
            open_field_rw(app, purpose, &title, "");
        }
        Action::Rename => {
            if app.board.row == 0 {
                if let Some(id) = current_cluster(app) {
                    let title = app
                        .session()
                        .and_then(|s| s.cluster(&id))
                        .map(|c| c.title.clone())
                        .unwrap_or_default();
                    open_field_rw(
                        app,
                        FieldPurpose::RenameCluster(id),
                        &tr(lang, "field-rename-cluster"),
                        &title,
                    );
                }
            } else if let Some(i) = selected_sticky(app) {
                let (id, text) = app
                    .session()
                    .map(|s| (s.stickies[i].id.clone(), s.stickies[i].text.clone()))
                    .unwrap_or_default();
                open_field_rw(
                    app,
                    FieldPurpose::StickyText(id),
                    &tr(lang, "field-edit-sticky"),
                    &text,
                );
            }
        }
        Action::Merge => {
            let Some(from) = current_cluster(app) else {
                return warn(app, tr(lang, "msg-merge-how"), now);
            };
            let others: Vec<&Column> = app
                .index
                .columns
                .iter()
                .filter(|c| matches!(&c.place, Place::Cluster(id) if *id != from))
                .collect();
            if others.is_empty() {
                return warn(app, tr(lang, "msg-merge-no-other"), now);
            }
            let items = others
                .iter()
                .map(|c| format!("{} ({})", c.title, c.total))
                .collect();
            app.picker = Some(Picker::new(
                PickPurpose::MergeInto(from),
                tr(lang, "picker-merge-into"),
                items,
                0,
            ));
        }
        _ => {}
    }
}

/// `1`…`9`: the selected or marked stickies go to the cluster numbered so
/// on screen (its column); the cursor stays in its column, on the sticky
/// that took the moved one's place.
fn to_cluster(app: &mut App, n: u8, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(col) = app
        .index
        .columns
        .get(usize::from(n))
        .filter(|c| matches!(c.place, Place::Cluster(_)))
    else {
        return warn(app, t!(lang, "msg-no-cluster-n", n = n), now);
    };
    let (to, title) = (col.place.clone(), col.title.clone());
    let ids = selection(app);
    if ids.is_empty() {
        return warn(app, tr(lang, "msg-select-a-sticky"), now);
    }
    if current_place(app) == to && app.board.marked.is_empty() {
        return;
    }
    move_to(app, &ids, (to, title), now, fx);
}

/// Move stickies to a column (its place and title), as one undo step. The
/// cursor stays in its column, on the next sticky: the next one to sort is
/// under it.
fn move_to(
    app: &mut App,
    ids: &[Id],
    (to, title): (Place, String),
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let lang = app.lang;
    let ops = app
        .session()
        .map(|s| s.move_stickies(ids, &to))
        .unwrap_or_default();
    let label = t!(lang, "undo-moved", n = ids.len(), place = title.as_str());
    if commit(app, label, ops, now, fx) {
        app.board.marked.clear();
        stay_on_next(app);
        say(
            app,
            t!(lang, "msg-moved", n = ids.len(), place = title),
            now,
        );
    }
}

/// After stickies left the cursor's column: the cursor stays there, on the
/// sticky that took the first one's place (or the last).
fn stay_on_next(app: &mut App) {
    refresh_index(app);
    let n = rows(app);
    app.board.row = app.board.row.clamp(usize::from(n > 0), n);
}

/// `V` in a round: dots go to clusters, or back to stickies.
fn vote_on_clusters(app: &mut App, now: Timestamp) {
    let lang = app.lang;
    let Some(v) = app.board.voting.as_mut() else {
        return warn(app, tr(lang, "msg-press-v-to-vote"), now);
    };
    v.on_clusters = !v.on_clusters;
    let key = if v.on_clusters {
        "msg-voting-on-clusters"
    } else {
        "msg-voting-on-stickies"
    };
    say(app, tr(lang, key), now);
}

/// Parking and deleting stickies.
fn sticky_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    match action {
        Action::Park => {
            let ids = selection(app);
            if ids.is_empty() {
                return;
            }
            let to = if current_place(app) == Place::Parking {
                Place::Inbox
            } else {
                Place::Parking
            };
            let ops = app
                .session()
                .map(|s| s.move_stickies(&ids, &to))
                .unwrap_or_default();
            let (label, done) = if to == Place::Parking {
                (
                    t!(lang, "undo-parked", n = ids.len()),
                    t!(lang, "msg-parked", n = ids.len()),
                )
            } else {
                (
                    t!(lang, "undo-unparked", n = ids.len()),
                    t!(lang, "msg-unparked", n = ids.len()),
                )
            };
            if commit(app, label, ops, now, fx) {
                app.board.marked.clear();
                say(app, done, now);
            }
        }
        Action::Delete => {
            if app.board.row == 0
                && app.board.marked.is_empty()
                && let Some(id) = current_cluster(app)
            {
                {
                    let title = app
                        .session()
                        .and_then(|s| s.cluster(&id))
                        .map(|c| c.title.clone())
                        .unwrap_or_default();
                    let ops = app
                        .session()
                        .map(|s| s.delete_cluster(&id))
                        .unwrap_or_default();
                    let label = t!(lang, "undo-cluster-deleted", title = title.as_str());
                    if commit(app, label, ops, now, fx) {
                        say(app, t!(lang, "msg-cluster-deleted", title = title), now);
                    }
                    return;
                }
            }
            let ids = selection(app);
            if ids.is_empty() {
                return;
            }
            let ops = app
                .session()
                .map(|s| s.delete_stickies(&ids))
                .unwrap_or_default();
            let label = t!(lang, "undo-stickies-deleted", n = ids.len());
            if commit(app, label, ops, now, fx) {
                app.board.marked.clear();
                clamp_cursor(app);
                say(app, t!(lang, "msg-stickies-deleted", n = ids.len()), now);
            }
        }
        _ => {}
    }
}

/// Dot voting: rounds, dots, paper tallies, results.
fn voting_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    match action {
        Action::Vote => toggle_voting(app, now, fx),
        Action::VoteAdd | Action::VoteRemove => {
            cast(app, if action == Action::VoteAdd { 1 } else { -1 }, now, fx)
        }
        Action::NextParticipant | Action::PrevParticipant => {
            let n = app.session().map_or(0, |s| s.participants.len());
            if let Some(v) = app.board.voting.as_mut()
                && n > 0
            {
                v.participant = if action == Action::NextParticipant {
                    (v.participant + 1) % n
                } else {
                    (v.participant + n - 1) % n
                };
            }
        }
        Action::Tally => {
            if app.results_round().is_none() {
                return warn(app, tr(lang, "msg-start-a-round"), now);
            }
            let Some(target) = target(app) else {
                return warn(app, tr(lang, "msg-tally-select"), now);
            };
            open_field_rw(
                app,
                FieldPurpose::Tally(target),
                &tr(lang, "field-tally"),
                "",
            );
        }
        Action::Results => {
            if app.session().is_some_and(|s| s.votes.is_empty()) {
                return say(app, tr(lang, "msg-no-votes-yet"), now);
            }
            app.board.results = true;
            // Shown to the room: the board shows this round's dots from now on.
            if let Some(round) = app.results_round()
                && !app.ballots.revealed.contains(&round)
            {
                app.ballots.revealed.push(round);
            }
        }
        _ => {}
    }
}

/// The voting target under the cursor: a sticky, or a cluster's header.
pub(crate) fn target(app: &App) -> Option<Target> {
    let on_clusters = app.board.voting.as_ref().is_some_and(|v| v.on_clusters);
    if on_clusters {
        return current_cluster(app).map(Target::Cluster);
    }
    if let Some(i) = selected_sticky(app) {
        return app
            .session()
            .map(|s| Target::Sticky(s.stickies[i].id.clone()));
    }
    current_cluster(app)
        .filter(|_| app.board.row == 0)
        .map(Target::Cluster)
}

pub(crate) fn toggle_voting(app: &mut App, now: Timestamp, _fx: &mut [Effect]) {
    let lang = app.lang;
    if app.board.voting.is_some() {
        app.board.voting = None;
        return say(app, tr(lang, "msg-voting-paused-results"), now);
    }
    if app.session().is_some_and(|s| s.participants.is_empty()) {
        return warn(app, tr(lang, "msg-voting-needs-participants"), now);
    }
    match app
        .session()
        .and_then(|s| s.rounds.last())
        .map(|r| r.id.clone())
    {
        Some(round) => {
            app.board.voting = Some(Voting {
                round,
                participant: 0,
                on_clusters: false,
            });
            voting_hint(app, now);
        }
        None => new_round_field(app, now),
    }
}

/// `i` (and `v` on a session with no round yet): the new round's field.
fn new_round_field(app: &mut App, now: Timestamp) {
    let lang = app.lang;
    if app.session().is_some_and(|s| s.participants.is_empty()) {
        return warn(app, tr(lang, "msg-voting-needs-participants"), now);
    }
    let title = tr(lang, "field-new-round");
    open_field_rw(app, FieldPurpose::NewRound, &title, "3");
}

pub(crate) fn voting_hint(app: &mut App, now: Timestamp) {
    let Some(v) = app.board.voting.clone() else {
        return;
    };
    let Some(s) = app.session() else { return };
    let Some(r) = s.round(&v.round) else { return };
    let Some(p) = s.participants.get(v.participant) else {
        return;
    };
    let left = r.dots.saturating_sub(s.dots_spent(&r.id, &p.id));
    let text = t!(
        app.lang,
        "msg-voting-hint",
        name = p.name.as_str(),
        n = left
    );
    say(app, text, now);
}

pub(crate) fn cast(app: &mut App, delta: i32, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(v) = app.board.voting.clone() else {
        return warn(app, tr(lang, "msg-press-v-to-vote"), now);
    };
    if app.session().is_none_or(|s| s.round(&v.round).is_none()) {
        app.board.voting = None;
        return warn(app, tr(lang, "msg-round-gone"), now);
    }
    let Some(target) = target(app) else {
        let key = if v.on_clusters {
            "msg-vote-select-cluster"
        } else {
            "msg-vote-select"
        };
        return warn(app, tr(lang, key), now);
    };
    let id = app.ids.next_id();
    let Some(s) = app.session() else { return };
    let Some(p) = s.participants.get(v.participant) else {
        return;
    };
    let pid = p.id.clone();
    let name = p.name.clone();
    match s.vote(&v.round, &pid, &target, delta, id) {
        Ok(ops) => {
            let label = if delta > 0 {
                t!(lang, "undo-dot-given", name = name)
            } else {
                t!(lang, "undo-dot-taken-back", name = name)
            };
            if commit(app, label, ops, now, fx) {
                voting_hint(app, now);
            }
        }
        Err(e) => warn(app, crate::i18n::vote_refused(lang, &e), now),
    }
}

/// A board field was submitted; false if it was not a board field.
pub fn submit_board_field(
    app: &mut App,
    purpose: &FieldPurpose,
    value: &str,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> bool {
    let lang = app.lang;
    match purpose {
        FieldPurpose::NewCluster(ids) | FieldPurpose::Split(ids) => {
            let untitled = tr(lang, "cluster-untitled");
            let title: &str = if value.is_empty() { &untitled } else { value };
            let after = current_cluster(app);
            let stage = app.session().and_then(|s| s.current_stage_id());
            let id = app.ids.next_id();
            let Some((id, ops)) = app
                .session()
                .map(|s| s.new_cluster(title, stage, ids, after.as_ref(), id))
            else {
                return true;
            };
            if commit(
                app,
                t!(lang, "undo-new-cluster", title = title),
                ops,
                now,
                fx,
            ) {
                app.board.marked.clear();
                refresh_index(app);
                if let Some(c) = app
                    .index
                    .columns
                    .iter()
                    .position(|c| c.place == Place::Cluster(id.clone()))
                {
                    app.board.col = c;
                    app.board.row = 0;
                }
                say(
                    app,
                    t!(lang, "msg-new-cluster", title = title, n = ids.len()),
                    now,
                );
            }
        }
        FieldPurpose::RenameCluster(id) => {
            if value.is_empty() {
                return true;
            }
            let ops = app
                .session()
                .map(|s| s.rename_cluster(id, value))
                .unwrap_or_default();
            commit(app, t!(lang, "undo-renamed", title = value), ops, now, fx);
        }
        FieldPurpose::StickyText(id) => {
            if value.is_empty() {
                return true;
            }
            let ops = app
                .session()
                .map(|s| s.edit_sticky(id, |x| x.text = value.to_owned()))
                .unwrap_or_default();
            commit(app, tr(lang, "undo-sticky-edited"), ops, now, fx);
        }
        FieldPurpose::NewRound => new_round(app, value, now, fx),
        FieldPurpose::Tally(target) => paper_tally(app, target, value, now, fx),
        _ => return false,
    }
    true
}

/// The new round's field was submitted: `3`, `3 2`, with `a` for
/// anonymous ballots from phones and `s` for a ballot on the stickies
/// ([`RoundSpec`]).
fn new_round(app: &mut App, value: &str, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(spec) = RoundSpec::parse(value) else {
        let text = t!(lang, "msg-bad-round", value = format!("{value:?}"));
        return warn(app, text, now);
    };
    let stage = app.session().and_then(|s| s.current_stage_id());
    let n = app.session().map_or(0, |s| s.rounds.len()) + 1;
    let id = app.ids.next_id();
    let title = t!(lang, "round-title", n = n);
    let Some((id, mut op)) = app
        .session()
        .map(|s| s.new_round(&title, spec.dots, spec.cap, stage, now, id))
    else {
        return;
    };
    if let Op::Insert {
        item: Item::Round(r),
        ..
    } = &mut op
    {
        r.anonymous = spec.anonymous;
        r.on_stickies = spec.on_stickies;
    }
    if commit(app, t!(lang, "undo-new-round", n = n), vec![op], now, fx) {
        app.board.voting = Some(Voting {
            round: id,
            participant: 0,
            on_clusters: false,
        });
        voting_hint(app, now);
    }
}

/// A paper tally typed for the target under the cursor.
fn paper_tally(app: &mut App, target: &Target, value: &str, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Ok(n) = value.trim().parse::<u32>() else {
        let text = t!(lang, "msg-bad-tally", value = format!("{value:?}"));
        return warn(app, text, now);
    };
    let Some(round) = app.results_round() else {
        return;
    };
    let id = app.ids.next_id();
    let ops = app
        .session()
        .map(|s| s.paper_tally(&round, target, n, id))
        .unwrap_or_default();
    if commit(app, t!(lang, "undo-paper-tally", n = n), ops, now, fx) {
        say(app, t!(lang, "msg-paper-tally", n = n), now);
    }
}

/// A board picker was submitted; false if it was not a board picker.
pub fn submit_board_pick(
    app: &mut App,
    purpose: &PickPurpose,
    selected: usize,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> bool {
    let lang = app.lang;
    match purpose {
        PickPurpose::MoveTo(ids) => {
            let Some(col) = app.index.columns.get(selected) else {
                return true;
            };
            let column = (col.place.clone(), col.title.clone());
            move_to(app, ids, column, now, fx);
        }
        PickPurpose::MergeInto(from) => {
            let others: Vec<Id> = app
                .index
                .columns
                .iter()
                .filter_map(|c| match &c.place {
                    Place::Cluster(id) if id != from => Some(id.clone()),
                    _ => None,
                })
                .collect();
            let Some(into) = others.get(selected) else {
                return true;
            };
            let title = app
                .session()
                .and_then(|s| s.cluster(into))
                .map(|c| c.title.clone())
                .unwrap_or_default();
            let ops = app
                .session()
                .map(|s| s.merge_clusters(from, into))
                .unwrap_or_default();
            if commit(
                app,
                t!(lang, "undo-merged", title = title.as_str()),
                ops,
                now,
                fx,
            ) {
                if let Some(c) = app
                    .index
                    .columns
                    .iter()
                    .position(|c| c.place == Place::Cluster(into.clone()))
                {
                    app.board.col = c;
                    app.board.row = 0;
                }
                say(app, t!(lang, "msg-merged", title = title), now);
            }
        }
        _ => return false,
    }
    true
}

pub fn results_action(app: &mut App, action: Action) {
    if matches!(action, Action::Cancel | Action::Back | Action::Results) {
        app.board.results = false;
    }
}

//! The board's part of `update`: capture, clusters, dot voting, search,
//! and undo/redo of every change to stickies, clusters, votes and notes.

use super::action::Action;
use super::drafts::DraftKey;
use super::state::*;
use super::update::{Effect, edit, move_sel, say, warn};
use crate::i18n::tr;
use crate::model::text::fold;
use crate::model::{Colour, Id, Op, Place, Session, Target, Timestamp};
use crate::t;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use std::collections::HashMap;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

// ---------------------------------------------------------------- history

/// Apply `ops` as one undoable step named `label`. False when nothing
/// changed (or the session is read-only).
pub fn commit(
    app: &mut App,
    label: impl Into<String>,
    ops: Vec<Op>,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> bool {
    let ops: Vec<Op> = match app.session() {
        Some(s) => ops.into_iter().filter(|op| s.changes(op)).collect(),
        None => return false,
    };
    if ops.is_empty() {
        return false;
    }
    let Some(s) = edit(app, now, fx) else {
        return false;
    };
    let (applied, undo) = s.apply_logged(ops);
    if undo.is_empty() {
        return false;
    }
    journal_ops(app, applied);
    let h = &mut app.history;
    h.undo.push(Step {
        label: label.into(),
        undo,
        pending: Vec::new(),
        fields: None,
    });
    if h.undo.len() > History::LIMIT {
        h.undo.remove(0);
    }
    h.redo.clear();
    refresh_index(app);
    true
}

/// Queue applied ops for the crash journal.
fn journal_ops(app: &mut App, applied: Vec<Op>) {
    if let Some(doc) = app.doc.as_ref()
        && !applied.is_empty()
    {
        app.outbox
            .push((doc.generation, crate::store::journal::Record::Ops(applied)));
    }
}

pub fn undo(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>, redo: bool) {
    let popped = if redo {
        app.history.redo.pop()
    } else {
        app.history.undo.pop()
    };
    let lang = app.lang;
    let Some(step) = popped else {
        say(
            app,
            if redo {
                tr(lang, "msg-nothing-to-redo")
            } else {
                tr(lang, "msg-nothing-to-undo")
            },
            now,
        );
        return;
    };
    let Some(s) = edit(app, now, fx) else {
        // Read-only: put it back untouched.
        if redo {
            app.history.redo.push(step)
        } else {
            app.history.undo.push(step)
        }
        return;
    };
    let (applied, inverse) = s.apply_logged(step.undo);
    if let Some(f) = &step.fields {
        f.0.clone().apply_to(s);
    }
    journal_ops(app, applied);
    let label = step.label;
    let back = Step {
        label: label.clone(),
        undo: inverse,
        pending: step.pending,
        fields: step.fields.map(|f| Box::new((f.1, f.0))),
    };
    super::collect::after_undo(app, &back.pending, redo);
    if redo {
        app.history.undo.push(back);
        say(app, t!(lang, "msg-redone", what = label), now);
    } else {
        app.history.redo.push(back);
        say(app, t!(lang, "msg-undone", what = label), now);
    }
    refresh_index(app);
}

// ---------------------------------------------------------------- index

/// Rebuild the board's derived view if the session, search or sort changed.
pub fn refresh_index(app: &mut App) {
    let Some(doc) = app.doc.as_ref() else {
        app.index = BoardIndex::default();
        return;
    };
    let generation = doc.generation;
    let query = fold(app.search.input.value().trim());
    let key = (generation, query.clone(), app.board.sort_votes);
    let notes_key = (generation, app.notes.stage, query.clone());
    if app.index.notes_for.as_ref() != Some(&notes_key) {
        // The notes screen's list, kept with the board's: a key on the notes
        // list then costs the same whatever the number of notes.
        let s: &Session = &doc.session;
        if !query.is_empty() && app.index.folded_for != Some(generation) {
            app.index.folded = s.stickies.iter().map(|x| fold(&x.text)).collect();
            app.index.folded_notes = s.notes.iter().map(|n| fold(&n.text)).collect();
            app.index.folded_for = Some(generation);
        }
        app.index.notes_visible = app.compute_visible_notes();
        app.index.notes_for = Some(notes_key);
    }
    let Some(doc) = app.doc.as_ref() else { return };
    if app.index.built_for.as_ref() == Some(&key) {
        return;
    }
    let s: &Session = &doc.session;
    // Texts are folded for search only while there is a query: an edit with
    // no search going costs nothing per sticky.
    if !query.is_empty() && app.index.folded_for != Some(generation) {
        app.index.folded = s.stickies.iter().map(|x| fold(&x.text)).collect();
        app.index.folded_notes = s.notes.iter().map(|n| fold(&n.text)).collect();
        app.index.folded_for = Some(generation);
    }
    let tally = s.tally(None);
    let mut columns = Vec::with_capacity(s.clusters.len() + 2);
    columns.push(Column {
        place: Place::Inbox,
        title: tr(app.lang, "board-inbox"),
        stickies: Vec::new(),
        total: 0,
        votes: 0,
    });
    let mut cluster_col: HashMap<&Id, usize> = HashMap::with_capacity(s.clusters.len());
    for c in &s.clusters {
        cluster_col.insert(&c.id, columns.len());
        columns.push(Column {
            place: Place::Cluster(c.id.clone()),
            title: c.title.clone(),
            stickies: Vec::new(),
            total: 0,
            votes: tally
                .get(&Target::Cluster(c.id.clone()))
                .copied()
                .unwrap_or(0),
        });
    }
    let parking = columns.len();
    columns.push(Column {
        place: Place::Parking,
        title: tr(app.lang, "board-parking"),
        stickies: Vec::new(),
        total: 0,
        votes: 0,
    });
    for (i, x) in s.stickies.iter().enumerate() {
        let col = match (&x.cluster, x.parked) {
            (Some(c), _) => cluster_col.get(c).copied().unwrap_or(0),
            (None, true) => parking,
            (None, false) => 0,
        };
        columns[col].total += 1;
        if query.is_empty() || app.index.folded.get(i).is_some_and(|f| f.contains(&query)) {
            columns[col].stickies.push(i);
        }
    }
    if app.board.sort_votes {
        for c in &mut columns {
            c.stickies.sort_by_key(|&i| {
                std::cmp::Reverse(
                    tally
                        .get(&Target::Sticky(s.stickies[i].id.clone()))
                        .copied()
                        .unwrap_or(0),
                )
            });
        }
    }
    app.index.columns = columns;
    app.index.tally = tally;
    app.index.built_for = Some(key);
    clamp_cursor(app);
}

fn clamp_cursor(app: &mut App) {
    let n = app.index.columns.len();
    app.board.col = app.board.col.min(n.saturating_sub(1));
    let rows = app
        .index
        .columns
        .get(app.board.col)
        .map_or(0, |c| c.stickies.len());
    app.board.row = app.board.row.min(rows);
}

/// The sticky under the cursor (index into the session's stickies).
pub fn selected_sticky(app: &App) -> Option<usize> {
    let col = app.index.columns.get(app.board.col)?;
    app.board
        .row
        .checked_sub(1)
        .and_then(|r| col.stickies.get(r))
        .copied()
}

/// The marked stickies, or the one under the cursor.
pub(crate) fn selection(app: &App) -> Vec<Id> {
    if !app.board.marked.is_empty() {
        let s = app.session();
        // Keep board order.
        return s.map_or_else(Vec::new, |s| {
            s.stickies
                .iter()
                .filter(|x| app.board.marked.contains(&x.id))
                .map(|x| x.id.clone())
                .collect()
        });
    }
    selected_sticky(app)
        .and_then(|i| app.session().map(|s| s.stickies[i].id.clone()))
        .into_iter()
        .collect()
}

fn current_place(app: &App) -> Place {
    app.index
        .columns
        .get(app.board.col)
        .map_or(Place::Inbox, |c| c.place.clone())
}

fn current_cluster(app: &App) -> Option<Id> {
    match current_place(app) {
        Place::Cluster(id) => Some(id),
        _ => None,
    }
}

fn go_to_sticky(app: &mut App, id: &Id) {
    refresh_index(app);
    let Some(s) = app.session() else { return };
    let Some(i) = s.stickies.iter().position(|x| &x.id == id) else {
        return;
    };
    for (c, col) in app.index.columns.iter().enumerate() {
        if let Some(r) = col.stickies.iter().position(|&x| x == i) {
            app.board.col = c;
            app.board.row = r + 1;
            return;
        }
    }
}

// ---------------------------------------------------------------- board keys

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
            app.picker = Some(Picker {
                purpose: PickPurpose::MoveTo(ids.clone()),
                title: t!(lang, "picker-move-to", n = ids.len()),
                items,
                selected: app.board.col,
            });
        }
        Action::NewCluster if app.doc.as_ref().is_some_and(|d| d.review) => {
            super::update::open_comment_pub(app);
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
            open_field(app, purpose, &title, "");
        }
        Action::Rename => {
            if app.board.row == 0 {
                if let Some(id) = current_cluster(app) {
                    let title = app
                        .session()
                        .and_then(|s| s.cluster(&id))
                        .map(|c| c.title.clone())
                        .unwrap_or_default();
                    open_field(
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
                open_field(
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
            app.picker = Some(Picker {
                purpose: PickPurpose::MergeInto(from),
                title: tr(lang, "picker-merge-into"),
                items,
                selected: 0,
            });
        }
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
        Action::SortVotes => {
            app.board.sort_votes = !app.board.sort_votes;
            refresh_index(app);
            say(
                app,
                if app.board.sort_votes {
                    tr(lang, "msg-sorted-by-votes")
                } else {
                    tr(lang, "msg-board-order")
                },
                now,
            );
        }
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
            let Some(round) = app
                .board
                .voting
                .as_ref()
                .map(|v| v.round.clone())
                .or_else(|| {
                    app.session()
                        .and_then(|s| s.rounds.last())
                        .map(|r| r.id.clone())
                })
            else {
                return warn(app, tr(lang, "msg-start-a-round"), now);
            };
            let _ = round;
            let Some(target) = target(app) else {
                return warn(app, tr(lang, "msg-tally-select"), now);
            };
            open_field(
                app,
                FieldPurpose::Tally(target),
                &tr(lang, "field-tally"),
                "",
            );
        }
        Action::Suggest => super::suggest::open(app, now),
        Action::Results => {
            if app.session().is_some_and(|s| s.votes.is_empty()) {
                return say(app, tr(lang, "msg-no-votes-yet"), now);
            }
            app.board.results = true;
        }
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

fn rows(app: &App) -> usize {
    app.index
        .columns
        .get(app.board.col)
        .map_or(0, |c| c.stickies.len())
}

/// The voting target under the cursor: a sticky, or a cluster's header.
fn target(app: &App) -> Option<Target> {
    if let Some(i) = selected_sticky(app) {
        return app
            .session()
            .map(|s| Target::Sticky(s.stickies[i].id.clone()));
    }
    current_cluster(app)
        .filter(|_| app.board.row == 0)
        .map(Target::Cluster)
}

fn toggle_voting(app: &mut App, now: Timestamp, _fx: &mut [Effect]) {
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
            });
            voting_hint(app, now);
        }
        None => open_field(
            app,
            FieldPurpose::NewRound,
            &tr(lang, "field-new-round"),
            "3",
        ),
    }
}

fn voting_hint(app: &mut App, now: Timestamp) {
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

fn cast(app: &mut App, delta: i32, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(v) = app.board.voting.clone() else {
        return warn(app, tr(lang, "msg-press-v-to-vote"), now);
    };
    if app.session().is_none_or(|s| s.round(&v.round).is_none()) {
        app.board.voting = None;
        return warn(app, tr(lang, "msg-round-gone"), now);
    }
    let Some(target) = target(app) else {
        return warn(app, tr(lang, "msg-vote-select"), now);
    };
    let Some(s) = app.session() else { return };
    let Some(p) = s.participants.get(v.participant) else {
        return;
    };
    let pid = p.id.clone();
    let name = p.name.clone();
    match s.vote(&v.round, &pid, &target, delta) {
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
        Err(e) => warn(app, format!("{e}."), now),
    }
}

fn open_field(app: &mut App, purpose: FieldPurpose, title: &str, value: &str) {
    if let Some(why) = app.doc.as_ref().and_then(|d| d.read_only.clone()) {
        let now = app.now;
        let text = t!(app.lang, "msg-read-only", why = why);
        return warn(app, text, now);
    }
    app.field = Some(super::drafts::field(
        &app.drafts,
        purpose,
        title.into(),
        value,
    ));
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
            let Some((id, ops)) = app
                .session()
                .map(|s| s.new_cluster(title, stage, ids, after.as_ref()))
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
        FieldPurpose::NewRound => {
            let nums: Vec<Option<u32>> = value.split_whitespace().map(|w| w.parse().ok()).collect();
            let (dots, cap) = match nums.as_slice() {
                [] => (3, None),
                [Some(d)] if *d > 0 => (*d, None),
                [Some(d), Some(c)] if *d > 0 && *c > 0 => (*d, Some(*c)),
                _ => {
                    warn(
                        app,
                        t!(lang, "msg-bad-round", value = format!("{value:?}")),
                        now,
                    );
                    return true;
                }
            };
            let stage = app.session().and_then(|s| s.current_stage_id());
            let n = app.session().map_or(0, |s| s.rounds.len()) + 1;
            let Some((id, op)) = app
                .session()
                .map(|s| s.new_round(&t!(lang, "round-title", n = n), dots, cap, stage, now))
            else {
                return true;
            };
            if commit(app, t!(lang, "undo-new-round", n = n), vec![op], now, fx) {
                app.board.voting = Some(Voting {
                    round: id,
                    participant: 0,
                });
                voting_hint(app, now);
            }
        }
        FieldPurpose::Tally(target) => {
            let Ok(n) = value.trim().parse::<u32>() else {
                warn(
                    app,
                    t!(lang, "msg-bad-tally", value = format!("{value:?}")),
                    now,
                );
                return true;
            };
            let round = app
                .board
                .voting
                .as_ref()
                .map(|v| v.round.clone())
                .or_else(|| {
                    app.session()
                        .and_then(|s| s.rounds.last())
                        .map(|r| r.id.clone())
                });
            let Some(round) = round else { return true };
            let ops = app
                .session()
                .map(|s| s.paper_tally(&round, target, n))
                .unwrap_or_default();
            if commit(app, t!(lang, "undo-paper-tally", n = n), ops, now, fx) {
                say(app, t!(lang, "msg-paper-tally", n = n), now);
            }
        }
        _ => return false,
    }
    true
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
            let (to, title) = (col.place.clone(), col.title.clone());
            let ops = app
                .session()
                .map(|s| s.move_stickies(ids, &to))
                .unwrap_or_default();
            let label = t!(lang, "undo-moved", n = ids.len(), place = title.as_str());
            if commit(app, label, ops, now, fx) {
                app.board.marked.clear();
                if let Some(first) = ids.first() {
                    go_to_sticky(app, first);
                }
                say(
                    app,
                    t!(lang, "msg-moved", n = ids.len(), place = title),
                    now,
                );
            }
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

// ---------------------------------------------------------------- capture

pub fn open_capture(app: &mut App, now: Timestamp) {
    if let Some(why) = app.doc.as_ref().and_then(|d| d.read_only.clone()) {
        let text = t!(app.lang, "msg-read-only", why = why);
        return warn(app, text, now);
    }
    let draft = app.drafts.or(&DraftKey::capture(), "").to_owned();
    app.capture = Some(Capture {
        input: Input::new(draft),
        author: 0,
        colour: Colour::Yellow,
        added: 0,
    });
}

pub fn capture_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let n = app.session().map_or(0, |s| s.participants.len()) + 1;
    let Some(c) = app.capture.as_mut() else {
        return;
    };
    match action {
        Action::Cancel | Action::Back => {
            let added = c.added;
            let kept = app.drafts.close(&DraftKey::capture(), c.input.value(), "");
            app.capture = None;
            let mut said = Vec::new();
            if added > 0 {
                said.push(t!(app.lang, "msg-stickies-added", n = added));
            }
            if kept {
                said.push(super::drafts::kept_message(app, Action::NewSticky));
            }
            if !said.is_empty() {
                say(app, said.join(" "), now);
            }
        }
        Action::NextParticipant | Action::Cycle => c.author = (c.author + 1) % n,
        Action::PrevParticipant | Action::CycleBack => c.author = (c.author + n - 1) % n,
        Action::CycleColour => c.colour = c.colour.next(),
        Action::Submit => submit_capture(app, now, fx),
        Action::Undo => super::board::undo(app, now, fx, false),
        _ => {}
    }
}

pub fn capture_key(app: &mut App, key: KeyEvent, now: Timestamp, fx: &mut Vec<Effect>) {
    if key.code == KeyCode::Enter {
        return submit_capture(app, now, fx);
    }
    if let Some(c) = app.capture.as_mut()
        && let Some(req) = to_input_request(&Event::Key(key))
    {
        c.input.handle(req);
    }
}

fn place_for_new(app: &App) -> Place {
    if app.screen == Screen::Board {
        match current_place(app) {
            Place::Parking => Place::Inbox,
            p => p,
        }
    } else {
        Place::Inbox
    }
}

fn add_stickies(app: &mut App, texts: &[String], now: Timestamp, fx: &mut Vec<Effect>) -> usize {
    let Some(c) = app.capture.as_ref() else {
        return 0;
    };
    let (author_i, colour) = (c.author, c.colour);
    let place = place_for_new(app);
    let Some(s) = app.session() else { return 0 };
    let author = author_i
        .checked_sub(1)
        .and_then(|i| s.participants.get(i))
        .map(|p| p.id.clone());
    let stage = s.current_stage_id();
    let mut ops = Vec::new();
    for (k, t) in texts.iter().enumerate() {
        let mut op = s.new_sticky(t, author.clone(), colour, stage.clone(), &place, now);
        if let Op::Insert { at, .. } = &mut op {
            *at += k;
        }
        ops.push(op);
    }
    let n = ops.len();
    let label = t!(app.lang, "undo-new-stickies", n = n);
    if commit(app, label, ops, now, fx) {
        if let Some(c) = app.capture.as_mut() {
            c.added += n;
        }
        n
    } else {
        0
    }
}

fn submit_capture(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(c) = app.capture.as_ref() else {
        return;
    };
    let text = c.input.value().trim().to_owned();
    if text.is_empty() {
        return;
    }
    if add_stickies(app, &[text], now, fx) == 1
        && let Some(c) = app.capture.as_mut()
    {
        c.input.reset();
        app.drafts.clear(&DraftKey::capture());
    }
}

/// Pasted text in the capture bar: one sticky per non-empty line.
pub fn capture_paste(app: &mut App, text: &str, now: Timestamp, fx: &mut Vec<Effect>) {
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    match lines.len() {
        0 => {}
        1 => {
            if let Some(c) = app.capture.as_mut() {
                let value = format!("{}{}", c.input.value(), lines[0]);
                c.input = Input::new(value);
            }
        }
        n => {
            if add_stickies(app, &lines, now, fx) == n {
                let text = t!(app.lang, "msg-stickies-pasted", n = n);
                say(app, text, now);
            }
        }
    }
}

// ---------------------------------------------------------------- search

pub fn open_search(app: &mut App) {
    app.search.editing = true;
}

pub fn search_action(app: &mut App, action: Action) {
    match action {
        Action::Cancel | Action::Back => {
            app.search = Search::default();
        }
        Action::Submit => app.search.editing = false,
        _ => {}
    }
    refresh_index(app);
    app.notes.selected = 0;
}

pub fn search_key(app: &mut App, key: KeyEvent) {
    if key.code == KeyCode::Enter {
        app.search.editing = false;
        return;
    }
    if let Some(req) = to_input_request(&Event::Key(key)) {
        app.search.input.handle(req);
    }
    refresh_index(app);
    app.board.row = app.board.row.min(rows(app));
    app.notes.selected = 0;
}

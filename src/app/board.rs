//! The board's part of `update`: capture, clusters, dot voting, search,
//! and undo/redo of every change to stickies, clusters, votes and notes.

use super::action::Action;
use super::state::*;
use super::update::{Effect, edit, move_sel, say, warn};
use crate::model::text::fold;
use crate::model::{Colour, Id, Op, Place, Session, Target, Timestamp};
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
    let Some(step) = popped else {
        say(
            app,
            if redo {
                "Nothing to redo."
            } else {
                "Nothing to undo."
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
    journal_ops(app, applied);
    let label = step.label;
    let back = Step {
        label: label.clone(),
        undo: inverse,
    };
    if redo {
        app.history.undo.push(back);
        say(app, format!("Redone: {label}."), now);
    } else {
        app.history.redo.push(back);
        say(app, format!("Undone: {label}."), now);
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
    if app.index.built_for.as_ref() == Some(&key) {
        return;
    }
    let s: &Session = &doc.session;
    if app.index.folded_for != Some(generation) {
        app.index.folded = s.stickies.iter().map(|x| fold(&x.text)).collect();
        app.index.folded_notes = s.notes.iter().map(|n| fold(&n.text)).collect();
        app.index.folded_for = Some(generation);
    }
    let tally = s.tally(None);
    let mut columns = Vec::with_capacity(s.clusters.len() + 2);
    columns.push(Column {
        place: Place::Inbox,
        title: "Inbox".into(),
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
        title: "Parking lot".into(),
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
fn selection(app: &App) -> Vec<Id> {
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

fn plural(n: usize, word: &str) -> String {
    match (n, word.strip_suffix('y')) {
        (1, _) => format!("{n} {word}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {word}s"),
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
                say(app, "Voting paused; v resumes it.", now);
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
                return warn(
                    app,
                    "Select a sticky first (↑/↓), or mark several with Space.",
                    now,
                );
            }
            let items = app
                .index
                .columns
                .iter()
                .map(|c| format!("{} ({})", c.title, c.total))
                .collect();
            app.picker = Some(Picker {
                purpose: PickPurpose::MoveTo(ids.clone()),
                title: format!("Move {} to…", plural(ids.len(), "sticky"))
                    ,
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
                return warn(
                    app,
                    "To split a cluster, mark the stickies that leave it (Space), then x.",
                    now,
                );
            }
            let title = if action == Action::Split {
                "Split: title of the new cluster"
            } else {
                "New cluster: title"
            };
            let purpose = if action == Action::Split {
                FieldPurpose::Split(ids)
            } else {
                FieldPurpose::NewCluster(ids)
            };
            open_field(app, purpose, title, "");
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
                        "Rename cluster",
                        &title,
                    );
                }
            } else if let Some(i) = selected_sticky(app) {
                let (id, text) = app
                    .session()
                    .map(|s| (s.stickies[i].id.clone(), s.stickies[i].text.clone()))
                    .unwrap_or_default();
                open_field(app, FieldPurpose::StickyText(id), "Edit sticky", &text);
            }
        }
        Action::Merge => {
            let Some(from) = current_cluster(app) else {
                return warn(app, "Go to a cluster to merge it into another.", now);
            };
            let others: Vec<&Column> = app
                .index
                .columns
                .iter()
                .filter(|c| matches!(&c.place, Place::Cluster(id) if *id != from))
                .collect();
            if others.is_empty() {
                return warn(app, "There is no other cluster to merge into.", now);
            }
            let items = others
                .iter()
                .map(|c| format!("{} ({})", c.title, c.total))
                .collect();
            app.picker = Some(Picker {
                purpose: PickPurpose::MergeInto(from),
                title: "Merge this cluster into…".into(),
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
            let label = format!(
                "{} to the {}",
                plural(ids.len(), "sticky"),
                if to == Place::Parking {
                    "parking lot"
                } else {
                    "inbox"
                }
            );
            if commit(app, label.clone(), ops, now, fx) {
                app.board.marked.clear();
                say(app, format!("Moved {label}. u undoes."), now);
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
                    if commit(app, format!("deleted the cluster {title}"), ops, now, fx) {
                        say(
                            app,
                            format!(
                                "Deleted the cluster {title}; its stickies are back in the inbox. u undoes."
                            ),
                            now,
                        );
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
            let label = format!("deleted {}", plural(ids.len(), "sticky"));
            if commit(app, label.clone(), ops, now, fx) {
                app.board.marked.clear();
                clamp_cursor(app);
                say(
                    app,
                    format!("{} deleted. u undoes.", plural(ids.len(), "sticky")),
                    now,
                );
            }
        }
        Action::SortVotes => {
            app.board.sort_votes = !app.board.sort_votes;
            refresh_index(app);
            say(
                app,
                if app.board.sort_votes {
                    "Sorted by votes."
                } else {
                    "Back to the board's order."
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
                return warn(app, "Start a voting round first (v).", now);
            };
            let _ = round;
            let Some(target) = target(app) else {
                return warn(
                    app,
                    "Select a sticky, or a cluster's title, to type its tally.",
                    now,
                );
            };
            open_field(
                app,
                FieldPurpose::Tally(target),
                "Paper dot vote: dots counted on this item",
                "",
            );
        }
        Action::Results => {
            if app.session().is_some_and(|s| s.votes.is_empty()) {
                return say(app, "No votes yet: v starts a voting round.", now);
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
    if app.board.voting.is_some() {
        app.board.voting = None;
        return say(
            app,
            "Voting paused; v resumes it, R shows the results.",
            now,
        );
    }
    if app.session().is_some_and(|s| s.participants.is_empty()) {
        return warn(
            app,
            "Add participants first (a, then Tab to Participants): each has a budget of dots.",
            now,
        );
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
            "New voting round: dots per person, then an optional cap per item (e.g. \"3\" or \"3 2\")",
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
    let text = format!(
        "Voting: {} has {} left. + gives a dot, - takes one back, [ ] changes participant, t types a paper tally.",
        p.name,
        plural(left as usize, "dot")
    );
    say(app, text, now);
}

fn cast(app: &mut App, delta: i32, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(v) = app.board.voting.clone() else {
        return warn(app, "Press v to start recording a dot vote.", now);
    };
    if app.session().is_none_or(|s| s.round(&v.round).is_none()) {
        app.board.voting = None;
        return warn(app, "That voting round is gone (undone): v starts a new one.", now);
    }
    let Some(target) = target(app) else {
        return warn(
            app,
            "Select a sticky, or a cluster's title, to put a dot on it.",
            now,
        );
    };
    let Some(s) = app.session() else { return };
    let Some(p) = s.participants.get(v.participant) else {
        return;
    };
    let pid = p.id.clone();
    let name = p.name.clone();
    match s.vote(&v.round, &pid, &target, delta) {
        Ok(ops) => {
            let label = format!(
                "{} of {name}",
                if delta > 0 {
                    "a dot"
                } else {
                    "a dot taken back"
                }
            );
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
        return warn(app, format!("Read-only: {why}. Nothing was changed."), now);
    }
    app.field = Some(TextField {
        purpose,
        title: title.into(),
        input: Input::new(value.to_owned()),
    });
}

/// A board field was submitted; false if it was not a board field.
pub fn submit_board_field(
    app: &mut App,
    purpose: &FieldPurpose,
    value: &str,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> bool {
    match purpose {
        FieldPurpose::NewCluster(ids) | FieldPurpose::Split(ids) => {
            let title = if value.is_empty() { "Untitled" } else { value };
            let after = current_cluster(app);
            let stage = app.session().and_then(|s| s.current_stage_id());
            let Some((id, ops)) = app
                .session()
                .map(|s| s.new_cluster(title, stage, ids, after.as_ref()))
            else {
                return true;
            };
            if commit(app, format!("new cluster {title}"), ops, now, fx) {
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
                    format!("New cluster {title} with {}.", plural(ids.len(), "sticky")),
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
            commit(app, format!("renamed to {value}"), ops, now, fx);
        }
        FieldPurpose::StickyText(id) => {
            if value.is_empty() {
                return true;
            }
            let ops = app
                .session()
                .map(|s| s.edit_sticky(id, |x| x.text = value.to_owned()))
                .unwrap_or_default();
            commit(app, "sticky edited", ops, now, fx);
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
                        format!(
                            "{value:?}: expected a number of dots, then maybe a cap, such as \"3\" or \"3 2\"."
                        ),
                        now,
                    );
                    return true;
                }
            };
            let stage = app.session().and_then(|s| s.current_stage_id());
            let n = app.session().map_or(0, |s| s.rounds.len()) + 1;
            let Some((id, op)) = app
                .session()
                .map(|s| s.new_round(&format!("Vote {n}"), dots, cap, stage, now))
            else {
                return true;
            };
            if commit(app, format!("voting round {n}"), vec![op], now, fx) {
                app.board.voting = Some(Voting {
                    round: id,
                    participant: 0,
                });
                voting_hint(app, now);
            }
        }
        FieldPurpose::Tally(target) => {
            let Ok(n) = value.trim().parse::<u32>() else {
                warn(app, format!("{value:?} is not a number of dots."), now);
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
            if commit(app, format!("paper tally of {n}"), ops, now, fx) {
                say(
                    app,
                    format!("Paper tally recorded: {}.", plural(n as usize, "dot")),
                    now,
                );
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
            let label = format!("moved {} to {title}", plural(ids.len(), "sticky"));
            if commit(app, label.clone(), ops, now, fx) {
                app.board.marked.clear();
                if let Some(first) = ids.first() {
                    go_to_sticky(app, first);
                }
                say(app, format!("{}. u undoes.", capitalize(&label)), now);
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
            if commit(app, format!("merged into {title}"), ops, now, fx) {
                if let Some(c) = app
                    .index
                    .columns
                    .iter()
                    .position(|c| c.place == Place::Cluster(into.clone()))
                {
                    app.board.col = c;
                    app.board.row = 0;
                }
                say(app, format!("Merged into {title}. u undoes."), now);
            }
        }
        _ => return false,
    }
    true
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

pub fn results_action(app: &mut App, action: Action) {
    if matches!(action, Action::Cancel | Action::Back | Action::Results) {
        app.board.results = false;
    }
}

// ---------------------------------------------------------------- capture

pub fn open_capture(app: &mut App, now: Timestamp) {
    if let Some(why) = app.doc.as_ref().and_then(|d| d.read_only.clone()) {
        return warn(app, format!("Read-only: {why}. Nothing was changed."), now);
    }
    app.capture = Some(Capture {
        input: Input::default(),
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
            app.capture = None;
            if added > 0 {
                say(
                    app,
                    format!("{} added. u undoes the last.", plural(added, "sticky")),
                    now,
                );
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
    let label = if n == 1 {
        "new sticky".to_owned()
    } else {
        format!("{n} pasted stickies")
    };
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
                say(
                    app,
                    format!("{} pasted, one per line.", plural(n, "sticky")),
                    now,
                );
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

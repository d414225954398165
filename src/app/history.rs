//! History: the only holder of `&mut Session`. Every change goes through
//! [`edit`] or [`commit`] (ops, undo, redo) and is handed to the journal.

use crate::app::effect::Effect;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::tr;
use crate::model::{Op, Session, Timestamp};
use crate::t;
use std::sync::Arc;

/// Queue the small sections for the crash journal when they changed.
pub(crate) fn journal_sections(app: &mut App) {
    use crate::store::journal::{Record, Sections};
    let Some(doc) = app.doc.as_ref() else { return };
    if doc.read_only.is_some() {
        return;
    }
    let s = doc.session();
    if app.journaled.as_ref().is_some_and(|j| j.same_as(s)) {
        return;
    }
    let sections = Sections::of(s);
    if app.journaled.is_some() {
        app.outbox
            .push((doc.generation, Record::Sections(Box::new(sections.clone()))));
    }
    app.journaled = Some(sections);
}

/// Queue the session's drafts for the crash journal when they changed.
pub(crate) fn journal_drafts(app: &mut App) {
    let Some(generation) = app.doc.as_ref().map(|d| d.generation) else {
        return;
    };
    if let Some(drafts) = app.drafts.unjournaled() {
        app.outbox
            .push((generation, crate::store::journal::Record::Drafts(drafts)));
    }
}

/// The session, for a change: refused (with a message) when read-only.
/// Every call marks the session changed.
pub(crate) fn edit<'a>(
    app: &'a mut App,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> Option<&'a mut Session> {
    let reason = app.doc.as_ref()?.read_only.clone();
    if let Some(why) = reason {
        let text = t!(app.lang, "msg-read-only", why = why);
        warn(app, text, now);
        return None;
    }
    let doc = app.doc.as_mut()?;
    doc.generation += 1;
    doc.save = SaveStatus::Saving;
    fx.push(Effect::Save);
    Some(Arc::make_mut(&mut doc.session))
}

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
    let fresh = index_fresh(app);
    let Some(s) = edit(app, now, fx) else {
        return false;
    };
    let traced = s.apply_traced(ops);
    if traced.is_empty() {
        return false;
    }
    follow(app, fresh, &traced);
    let (applied, undo) = crate::model::Traced::split(traced);
    journal_ops(app, applied);
    let h = &mut app.history;
    h.undo.push(Step {
        label: label.into(),
        undo,
        pending: Vec::new(),
        fields: None,
        ballot: None,
    });
    if h.undo.len() > History::LIMIT {
        h.undo.remove(0);
    }
    h.redo.clear();
    refresh_index(app);
    true
}

/// Queue applied ops for the crash journal.
pub(crate) fn journal_ops(app: &mut App, applied: Vec<Op>) {
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
    let fresh = index_fresh(app);
    let Some(s) = edit(app, now, fx) else {
        // Read-only: put it back untouched.
        if redo {
            app.history.redo.push(step)
        } else {
            app.history.undo.push(step)
        }
        return;
    };
    let traced = s.apply_traced(step.undo);
    if let Some(f) = &step.fields {
        f.0.clone().apply_to(s);
    }
    follow(app, fresh, &traced);
    let (applied, inverse) = crate::model::Traced::split(traced);
    journal_ops(app, applied);
    let label = step.label;
    let back = Step {
        label: label.clone(),
        undo: inverse,
        pending: step.pending,
        fields: step.fields.map(|f| Box::new((f.1, f.0))),
        ballot: step.ballot,
    };
    after_undo(app, &back.pending, redo);
    if let Some(b) = &back.ballot {
        app.ballots.undone(b, redo);
    }
    if redo {
        app.history.undo.push(back);
        say(app, t!(lang, "msg-redone", what = label), now);
    } else {
        app.history.redo.push(back);
        say(app, t!(lang, "msg-undone", what = label), now);
    }
    refresh_index(app);
}

/// An acceptance was undone (its stickies go back to the tray) or redone
/// (they leave it again).
pub fn after_undo(app: &mut App, items: &[crate::collect::Incoming], redo: bool) {
    if items.is_empty() {
        return;
    }
    if redo {
        for item in items {
            if let Some(i) = app.pending.iter().position(|x| x == item) {
                app.pending.remove(i);
            }
        }
    } else {
        app.pending.extend(items.iter().cloned());
        // Back in the order they arrived.
        app.pending.sort_by_key(|i| i.at);
    }
    if let Some(sel) = app.tray.as_mut() {
        *sel = (*sel).min(app.pending.len().saturating_sub(1));
    }
}

//! Merge conflicts in the app: after `atelier merge`, items two copies
//! changed differently hold both versions; the facilitator keeps the one in
//! place or takes the other, one conflict at a time, each undoable.

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::kit::*;
use crate::app::state::{App, ConflictsState};
use crate::model::conflict::Pick;
use crate::model::{Timestamp, validate};
use crate::t;

pub fn open(app: &mut App, now: Timestamp) {
    if app.session().is_none_or(|s| s.conflicts.is_empty()) {
        let text = t!(app.lang, "conflicts-none");
        return say(app, text, now);
    }
    app.conflicts = Some(ConflictsState::default());
}

pub fn action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let n = app.session().map_or(0, |s| s.conflicts.len());
    let Some(st) = app.conflicts.as_mut() else {
        return;
    };
    if move_sel(&mut st.selected, n, action) {
        return;
    }
    let i = st.selected;
    match action {
        Action::Cancel | Action::Back => app.conflicts = None,
        Action::Undo | Action::Redo => {
            undo(app, now, fx, action == Action::Redo);
            let left = app.session().map_or(0, |s| s.conflicts.len());
            match app.conflicts.as_mut() {
                Some(st) if left > 0 => st.selected = st.selected.min(left - 1),
                _ => app.conflicts = None,
            }
        }
        Action::KeepThis | Action::TakeOther => {
            let pick = if action == Action::KeepThis {
                Pick::Kept
            } else {
                Pick::Other
            };
            settle(app, i, pick, now, fx);
            let left = app.session().map_or(0, |s| s.conflicts.len());
            if left == 0 {
                app.conflicts = None;
                let text = t!(app.lang, "conflicts-all-settled");
                say(app, text, now);
            } else if let Some(st) = app.conflicts.as_mut() {
                st.selected = st.selected.min(left - 1);
            }
        }
        _ => {}
    }
}

fn settle(app: &mut App, i: usize, pick: Pick, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(id) = app
        .session()
        .and_then(|s| s.conflicts.get(i))
        .map(|c| c.id.clone())
    else {
        return;
    };
    let mut fields = None;
    if pick == Pick::Other {
        // Session fields and comments are not items: put the other version
        // in place first (journaled with the small sections), then the ops;
        // the step remembers the fields before and after, for undo.
        let Some(probe) = app.session().cloned() else {
            return;
        };
        let mut trial = probe.clone();
        match trial.apply_conflict_fields(&id) {
            Ok(true) => {
                if !validate(&trial).is_empty() {
                    let error = t!(app.lang, "conflicts-does-not-fit");
                    let text = t!(app.lang, "conflicts-cannot", error = error);
                    return warn(app, text, now);
                }
                let Some(s) = edit(app, now, fx) else { return };
                let before = crate::store::journal::Sections::of(s);
                let _ = s.apply_conflict_fields(&id);
                fields = Some(Box::new((before, crate::store::journal::Sections::of(s))));
            }
            Ok(false) => {}
            Err(_) => {
                // The model's reason is for the file's readers (English):
                // the room gets what it means.
                let error = t!(app.lang, "conflicts-value-does-not-fit");
                let text = t!(app.lang, "conflicts-cannot", error = error);
                return warn(app, text, now);
            }
        }
    }
    let ops = app
        .session()
        .map(|s| s.resolve_conflict(&id, pick))
        .unwrap_or_default();
    if ops.is_empty() {
        let error = t!(app.lang, "conflicts-nothing-yet");
        let text = t!(app.lang, "conflicts-cannot", error = error);
        return warn(app, text, now);
    }
    let label = t!(app.lang, "conflicts-step");
    if commit(app, label, ops, now, fx) {
        if let Some(step) = app.history.undo.last_mut() {
            step.fields = fields;
        }
        let text = if pick == Pick::Kept {
            t!(app.lang, "conflicts-kept")
        } else {
            t!(app.lang, "conflicts-took-other")
        };
        say(app, text, now);
    }
}

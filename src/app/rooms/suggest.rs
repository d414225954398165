//! Cluster suggestions in the app: open them for the inbox (or the whole
//! board), loosen or tighten the threshold, accept (one undoable step),
//! edit the title first, or reject.

use crate::app::action::Action;
use crate::app::drafts::{DraftKey, keyed_field};
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::{App, FieldPurpose, SuggestState};
use crate::model::Timestamp;
use crate::model::suggest::{DEFAULT_THRESHOLD, Scope, THRESHOLD_STEP};
use crate::t;

/// Suggestions, leaving out any that is exactly a cluster already there
/// (with the whole board in scope, an accepted one would come back).
fn compute(app: &App, scope: Scope, threshold: f32) -> Vec<crate::model::suggest::Suggestion> {
    let Some(s) = app.session() else {
        return Vec::new();
    };
    let mut items = s.suggest_clusters(scope, threshold);
    items.retain(|sg| {
        let in_cluster = |id: &crate::model::Id| {
            s.stickies
                .iter()
                .find(|x| &x.id == id)
                .and_then(|x| x.cluster.clone())
        };
        let Some(cluster) = sg.stickies.first().and_then(in_cluster) else {
            return true;
        };
        let members = s
            .stickies
            .iter()
            .filter(|x| x.cluster.as_ref() == Some(&cluster))
            .count();
        !(members == sg.stickies.len()
            && sg
                .stickies
                .iter()
                .all(|id| in_cluster(id).as_ref() == Some(&cluster)))
    });
    items
}

/// `S` on the board: suggestions for the inbox (Tab switches to the board).
pub fn open(app: &mut App, now: Timestamp) {
    if let Some(why) = app.doc.as_ref().and_then(|d| d.read_only.clone()) {
        let text = t!(app.lang, "msg-read-only", why = why);
        return warn(app, text, now);
    }
    let items = compute(app, Scope::Inbox, DEFAULT_THRESHOLD);
    app.suggest = Some(SuggestState {
        scope: Scope::Inbox,
        threshold: DEFAULT_THRESHOLD,
        items,
        selected: 0,
        accepted: 0,
    });
}

fn recompute(app: &mut App) {
    let Some(st) = app.suggest.as_ref() else {
        return;
    };
    let (scope, threshold) = (st.scope, st.threshold);
    let items = compute(app, scope, threshold);
    if let Some(st) = app.suggest.as_mut() {
        st.selected = st.selected.min(items.len().saturating_sub(1));
        st.items = items;
    }
}

pub fn action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(st) = app.suggest.as_mut() else {
        return;
    };
    let n = st.items.len();
    if move_sel(&mut st.selected, n, action) {
        return;
    }
    match action {
        Action::Cancel | Action::Back => {
            let accepted = st.accepted;
            app.suggest = None;
            if accepted > 0 {
                let text = t!(app.lang, "suggest-closed", n = accepted as i64);
                say(app, text, now);
            }
        }
        Action::Tighter | Action::Looser => {
            let step = if action == Action::Tighter {
                THRESHOLD_STEP
            } else {
                -THRESHOLD_STEP
            };
            st.threshold = (st.threshold + step).clamp(THRESHOLD_STEP, 0.95);
            recompute(app);
        }
        Action::Cycle => {
            st.scope = match st.scope {
                Scope::Inbox => Scope::Board,
                Scope::Board => Scope::Inbox,
            };
            st.selected = 0;
            recompute(app);
        }
        Action::Reject if st.selected < n => {
            st.items.remove(st.selected);
            st.selected = st.selected.min(st.items.len().saturating_sub(1));
        }
        Action::Undo | Action::Redo => {
            undo(app, now, fx, action == Action::Redo);
            recompute(app);
        }
        Action::Edit => {
            let Some(s) = st.items.get(st.selected) else {
                return;
            };
            let (i, title) = (st.selected, s.title.clone());
            // Suggestions are numbered afresh each time: the draft is the
            // group's, known by its first sticky.
            let key = DraftKey::suggestion(s.stickies.first());
            let label = t!(app.lang, "suggest-edit-title");
            app.field = Some(keyed_field(
                &app.drafts,
                key,
                FieldPurpose::SuggestionTitle(i),
                label,
                &title,
            ));
        }
        Action::Submit | Action::Select => {
            let i = st.selected;
            accept(app, i, None, now, fx);
        }
        _ => {}
    }
}

/// Accept suggestion `i` (with an edited title, if given): one undoable step.
pub fn accept(
    app: &mut App,
    i: usize,
    title: Option<String>,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let Some(mut s) = app.suggest.as_ref().and_then(|st| st.items.get(i).cloned()) else {
        return;
    };
    if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
        s.title = t.trim().to_owned();
    }
    let stage = app.session().and_then(|x| x.current_stage_id());
    let id = app.ids.next_id();
    let ops = app
        .session()
        .map(|x| x.ops_for(&s, stage, id))
        .unwrap_or_default();
    let label = t!(app.lang, "suggest-step", title = s.title.clone());
    if commit(app, label, ops, now, fx) {
        refresh_index(app);
        let text = t!(
            app.lang,
            "suggest-accepted",
            title = s.title.clone(),
            n = s.stickies.len() as i64
        );
        say(app, text, now);
        if let Some(st) = app.suggest.as_mut() {
            st.accepted += 1;
        }
        recompute(app);
    }
}

//! Cluster suggestions in the app: open them for the inbox (or the whole
//! board), loosen or tighten the threshold, accept (one undoable step),
//! edit the title first, or reject.

use crate::app::action::Action;
use crate::app::drafts::{DraftKey, keyed_field};
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::{App, FieldPurpose, SuggestState, Suggesting};
use crate::model::suggest::{DEFAULT_THRESHOLD, Scope, Suggestion, THRESHOLD_STEP};
use crate::model::{Id, Session, Timestamp};
use crate::t;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

/// Above this many stickies in scope, suggestions are computed on a worker
/// thread, with a message meanwhile: they take 200 ms or more past about
/// 3,000 (the time grows as the square of their number).
pub const INLINE_MAX: usize = 2_000;

/// Each sticky's text by id, to fingerprint suggestions with.
fn texts(s: &Session) -> HashMap<&Id, &str> {
    s.stickies
        .iter()
        .map(|x| (&x.id, x.text.as_str()))
        .collect()
}

/// What a rejection remembers of a suggestion: its stickies (as a set) and
/// their texts. While none of them changes, the same suggestion computed
/// again has the same fingerprint and stays out; once one is edited (or one
/// joins or leaves the group), it is a new suggestion and may come back.
fn fingerprint(texts: &HashMap<&Id, &str>, sg: &Suggestion) -> u64 {
    let mut ids: Vec<&Id> = sg.stickies.iter().collect();
    ids.sort();
    ids.dedup();
    // `DefaultHasher::new` has fixed keys: the same group hashes the same
    // within a run, which is all a rejection needs (it is never saved).
    let mut h = DefaultHasher::new();
    for id in ids {
        id.hash(&mut h);
        texts.get(id).hash(&mut h);
    }
    h.finish()
}

/// Leave out any suggestion that is exactly a cluster already there (with
/// the whole board in scope, an accepted one would come back), and any
/// rejected with `x` whose stickies have not changed since.
fn keep_new(s: &Session, rejected: &BTreeSet<u64>, mut items: Vec<Suggestion>) -> Vec<Suggestion> {
    if !rejected.is_empty() {
        let texts = texts(s);
        items.retain(|sg| !rejected.contains(&fingerprint(&texts, sg)));
    }
    items.retain(|sg| {
        let in_cluster = |id: &Id| s.sticky(id).and_then(|x| x.cluster.clone());
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

/// How many stickies `scope` holds.
fn in_scope(s: &Session, scope: Scope) -> usize {
    match scope {
        Scope::Board => s.stickies.len(),
        Scope::Inbox => s
            .stickies
            .iter()
            .filter(|x| x.cluster.is_none() && !x.parked)
            .count(),
    }
}

/// Suggestions for `scope`, with the lab's engine: computed here for a
/// small scope (the popup opens, or its list changes, at once); for a large
/// one asked of a worker thread, with a message meanwhile, the popup
/// opening (or its list changing) when they come back ([`arrived`]).
fn request(app: &mut App, scope: Scope, threshold: f32, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(doc) = app.doc.as_ref() else {
        return;
    };
    let (selected, accepted) = app
        .suggest
        .as_ref()
        .map_or((0, 0), |st| (st.selected, st.accepted));
    let n = in_scope(doc.session(), scope);
    if n <= INLINE_MAX {
        let s = doc.session();
        let items = keep_new(
            s,
            &app.suggest_rejected,
            s.suggest_clusters_with(app.ctx.engine.engine(), scope, threshold),
        );
        app.suggesting = None;
        show(app, scope, threshold, items, selected, accepted);
        return;
    }
    app.suggest_requests += 1;
    let request = app.suggest_requests;
    fx.push(Effect::Suggest {
        request,
        session: doc.session.clone(),
        scope,
        threshold,
    });
    app.suggesting = Some(Suggesting {
        request,
        scope,
        threshold,
        selected,
        accepted,
    });
    let text = t!(app.lang, "suggest-progress", n = n as i64);
    say(app, text, now);
}

fn show(
    app: &mut App,
    scope: Scope,
    threshold: f32,
    items: Vec<Suggestion>,
    selected: usize,
    accepted: usize,
) {
    app.suggest = Some(SuggestState {
        scope,
        threshold,
        selected: selected.min(items.len().saturating_sub(1)),
        items,
        accepted,
    });
}

/// Suggestions came back from the worker thread: shown if they are the
/// last asked for (and the session is still open), else dropped.
pub fn arrived(app: &mut App, request: u64, items: Vec<Suggestion>) {
    let Some(asked) = app.suggesting.take_if(|x| x.request == request) else {
        return;
    };
    let Some(s) = app.session() else {
        return;
    };
    let items = keep_new(s, &app.suggest_rejected, items);
    show(
        app,
        asked.scope,
        asked.threshold,
        items,
        asked.selected,
        asked.accepted,
    );
}

/// `S` on the board: suggestions for the inbox (Tab switches to the board).
pub fn open(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    if let Some(why) = app.doc.as_ref().and_then(|d| d.read_only.clone()) {
        let text = t!(app.lang, "msg-read-only", why = why);
        return warn(app, text, now);
    }
    app.suggest = None;
    request(app, Scope::Inbox, DEFAULT_THRESHOLD, now, fx);
}

fn recompute(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(st) = app.suggest.as_ref() else {
        return;
    };
    let (scope, threshold) = (st.scope, st.threshold);
    request(app, scope, threshold, now, fx);
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
            app.suggesting = None;
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
            recompute(app, now, fx);
        }
        Action::Cycle => {
            st.scope = match st.scope {
                Scope::Inbox => Scope::Board,
                Scope::Board => Scope::Inbox,
            };
            st.selected = 0;
            recompute(app, now, fx);
        }
        Action::Reject if st.selected < n => {
            let gone = st.items.remove(st.selected);
            st.selected = st.selected.min(st.items.len().saturating_sub(1));
            if let Some(s) = app.doc.as_ref().map(|d| d.session()) {
                app.suggest_rejected.insert(fingerprint(&texts(s), &gone));
            }
        }
        Action::Undo | Action::Redo => {
            undo(app, now, fx, action == Action::Redo);
            recompute(app, now, fx);
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
            // Gone at once, even while the others are computed again.
            if i < st.items.len() {
                st.items.remove(i);
            }
        }
        recompute(app, now, fx);
    }
}

//! What performed effects came back with (`Msg::Done`): the app changes
//! here, inside `update`, never in the run loop (`run.rs`, `perform.rs`),
//! which only performs effects and sends their results back as messages.

use crate::app::action::SaveReport;
use crate::app::effect::{Done, Effect, Opened};
use crate::app::kit::{say, warn};
use crate::app::state::{App, Doc, SaveStatus, Screen};
use crate::model::Timestamp;
use std::sync::Arc;

/// `update`'s part for `Msg::Done`.
pub(crate) fn landed(app: &mut App, done: Done, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    match done {
        Done::Saving => {
            if let Some(doc) = app.doc.as_mut() {
                doc.save = SaveStatus::Saving;
            }
        }
        Done::Saved(generation, report) => {
            if let Some(doc) = app.doc.as_mut()
                && !matches!(report, SaveReport::Failed(_))
            {
                doc.saved_generation = doc.saved_generation.max(generation);
                app.quit_armed = false;
            }
            saved(app, report);
        }
        Done::MovedTo(path) => {
            let text = crate::t!(lang, "run-moved-to", path = path.display().to_string());
            if let Some(doc) = app.doc.as_mut() {
                doc.path = path;
            }
            say(app, text, now);
        }
        Done::CopySaved(Ok(path)) => {
            let text = crate::t!(lang, "run-copy-saved", path = path.display().to_string());
            say(app, text, now);
        }
        Done::CopySaved(Err(e)) => warn(app, crate::t!(lang, "run-not-saved", error = e), now),
        Done::CommentsSaved(Ok(())) => say(app, crate::t!(lang, "run-comment-saved"), now),
        Done::CommentsSaved(Err(e)) => {
            let text = crate::t!(lang, "run-comment-not-saved", error = e);
            warn(app, text, now);
        }
        Done::Exported(Ok(path)) => {
            let text = crate::t!(lang, "run-exported", path = path.display().to_string());
            say(app, text, now);
        }
        Done::Exported(Err(e)) => warn(app, crate::t!(lang, "run-export-failed", error = e), now),
        Done::Opened(opened) => open(app, *opened, now, fx),
        Done::Closed => {
            app.collecting = None;
            app.collect_prompt = None;
            if !app.quit {
                app.doc = None;
                crate::app::rooms::collect::reset(app);
            }
        }
        Done::StaysOpen(e) => {
            app.collecting = None;
            app.collect_prompt = None;
            warn(app, crate::t!(lang, "run-stays-open", error = e), now);
        }
        Done::Sessions(list) => {
            app.home.sessions = list;
            app.home.selected = app.home.selected.min(app.home.rows().saturating_sub(1));
        }
        Done::QuitRefused(e) => {
            app.quit = false;
            app.quit_armed = true;
            warn(app, crate::t!(lang, "msg-quit-unsaved", error = e), now);
        }
        Done::Failed(e) => warn(app, e, now),
        Done::Then(effect) => fx.push(*effect),
    }
}

/// How the last save went, on the status line.
pub(crate) fn saved(app: &mut App, report: SaveReport) {
    let Some(doc) = app.doc.as_mut() else { return };
    doc.save = match &report {
        SaveReport::Saved(at) => SaveStatus::Saved(Some(*at)),
        SaveReport::Conflict(text) => SaveStatus::Conflict(text.clone()),
        SaveReport::Failed(text) => SaveStatus::Failed(text.clone()),
    };
    app.last_save_report = Some(report);
}

/// A session just opened (or created): it replaces whatever the app
/// showed of the previous one.
fn open(app: &mut App, o: Opened, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let shown = o.path.display().to_string();
    let agenda_empty = o.session.agenda.is_empty();
    app.doc = Some(Doc {
        session: Arc::new(o.session),
        path: o.path,
        read_only: o.read_only.clone(),
        review: o.review,
        generation: 0,
        saved_generation: 0,
        save: SaveStatus::Saved(None),
    });
    app.journaled = app.session().map(crate::store::journal::Sections::of);
    app.outbox.clear();
    app.facilitate = Default::default();
    app.notes = Default::default();
    app.board = Default::default();
    app.index = Default::default();
    app.history = Default::default();
    app.search = Default::default();
    app.capture = None;
    app.quit_armed = false;
    app.facilitate.cursor = app
        .session()
        .and_then(|s| s.current_or_first())
        .map(|p| p.stage);
    crate::app::index::refresh_index(app);
    // The session's drafts replace the previous one's.
    app.drafts.restore(o.drafts);
    if o.created {
        app.screen = Screen::Setup;
        app.setup = Default::default();
        say(app, crate::t!(lang, "run-created", title = shown), now);
    } else {
        app.screen = if agenda_empty {
            Screen::Setup
        } else {
            Screen::Facilitate
        };
        if let Some(why) = o.read_only.filter(|_| !o.review) {
            warn(app, crate::t!(lang, "run-opened-read-only", why = why), now);
        }
    }
    // An older file gets this machine's zone, saved at once.
    fx.extend(crate::app::rooms::zone::adopt(app, now));
    if let Some(r) = o.recovered {
        let mut chars = r.chars();
        let text = match chars.next() {
            Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
            None => r,
        };
        warn(app, text, now);
    }
}

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
        Done::NameKept(Ok((name, path))) => {
            let path = path.display().to_string();
            say(
                app,
                crate::t!(lang, "review-name-kept", name = name, path = path),
                now,
            )
        }
        Done::NameKept(Err(e)) => warn(app, e, now),
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
                app.reset_session_view();
            }
        }
        Done::StaysOpen(e) => {
            app.collecting = None;
            app.collect_prompt = None;
            warn(app, crate::t!(lang, "run-stays-open", error = e), now);
        }
        Done::Sessions(list) => app.home.set_sessions(list),
        Done::Hidden | Done::DraftsKept(Ok(())) => {}
        Done::DraftsKept(Err(e)) => warn(app, crate::t!(lang, "drafts-not-kept", error = e), now),
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
fn saved(app: &mut App, report: SaveReport) {
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
    app.reset_session_view();
    app.journaled = app.session().map(crate::store::journal::Sections::of);
    app.facilitate.cursor = app
        .session()
        .and_then(|s| s.current_or_first())
        .map(|p| p.stage);
    crate::app::index::refresh_index(app);
    // The session's drafts replace the previous one's.
    app.drafts.restore(o.drafts);
    // And what it remembered of the phones' ballots.
    crate::app::rooms::ballots::recall(app, o.ballots);
    if o.created {
        app.screen = Screen::Setup;
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::app::action::Msg;
    use crate::app::keymap::Keymap;
    use crate::app::router::update;
    use crate::methods::Library;
    use crate::store::Home;
    use std::path::Path;

    fn now() -> Timestamp {
        Timestamp::from_unix(1_781_253_000).unwrap()
    }

    fn app() -> App {
        let home = Home::under(Path::new("/nonexistent/atelier-test"));
        App::new(home, Library::bundled(), Keymap::defaults(), "en", now())
    }

    fn opened(n: usize) -> Opened {
        Opened {
            recovered: Some("recovered 2 changes from the crash journal".into()),
            ..Opened::plain(crate::generate::session(n, 1), "generated.ron".into())
        }
    }

    fn done(app: &mut App, d: Done) -> Vec<Effect> {
        update(app, Msg::Done(d), now())
    }

    #[test]
    fn a_session_opened_is_installed_by_update_and_closed_by_it() {
        let mut app = app();
        done(&mut app, Done::Opened(Box::new(opened(100))));
        let doc = app.doc.as_ref().expect("installed");
        assert_eq!(doc.session.stickies.len(), 100);
        assert_eq!(app.screen, Screen::Facilitate);
        assert!(!app.index.columns.is_empty(), "the board index is built");
        let said = app
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default();
        assert!(said.starts_with("Recovered 2 changes"), "{said}");
        done(
            &mut app,
            Done::Saved(3, SaveReport::Failed("disk full".into())),
        );
        assert_eq!(app.doc.as_ref().unwrap().saved_generation, 0);
        done(&mut app, Done::Saved(3, SaveReport::Saved(now())));
        assert_eq!(app.doc.as_ref().unwrap().saved_generation, 3);
        done(&mut app, Done::StaysOpen("disk full".into()));
        assert!(app.doc.is_some(), "a failed last save keeps the session");
        done(&mut app, Done::Closed);
        assert!(app.doc.is_none());
    }

    #[test]
    fn nothing_of_the_session_closed_shows_over_the_next_one() {
        use crate::app::action::Action;
        use crate::app::state::Projection;
        // A: more stickies in the inbox than suggestions are computed for
        // in the key, so `S` asks a worker thread.
        let mut a = opened(crate::app::rooms::suggest::INLINE_MAX + 100);
        for x in &mut a.session.stickies {
            x.cluster = None;
        }
        let mut app = app();
        done(&mut app, Done::Opened(Box::new(a)));
        app.screen = Screen::Board;
        let fx = update(&mut app, Msg::Do(Action::Suggest), now());
        let request = match fx.as_slice() {
            [Effect::Suggest { request, .. }] => *request,
            other => panic!("expected a Suggest effect, got {other:?}"),
        };
        assert!(app.suggesting.is_some());
        app.suggest_rejected.insert(7);
        app.projection = Projection::Wall;
        app.wall_scroll = (2, 9);
        app.actions = 3;
        // Home, then B: A's suggestions come back late and are dropped.
        done(&mut app, Done::Closed);
        assert!(app.suggesting.is_none() && app.suggest_rejected.is_empty());
        done(&mut app, Done::Opened(Box::new(opened(50))));
        app.screen = Screen::Board;
        let late = vec![crate::model::suggest::Suggestion {
            title: "A".into(),
            words: vec!["a".into()],
            stickies: app.session().unwrap().stickies[..2]
                .iter()
                .map(|x| x.id.clone())
                .collect(),
        }];
        update(&mut app, Msg::Suggested(request, late), now());
        assert!(app.suggest.is_none(), "A's suggestions never show over B");
        assert_eq!(app.projection, Projection::Timer);
        assert_eq!((app.wall_scroll, app.actions), ((0, 0), 0));
        assert!(app.conflicts.is_none() && app.suggest_rejected.is_empty());
    }

    #[test]
    fn a_refused_quit_is_armed_and_then_is_performed_next() {
        let mut app = app();
        app.quit = true;
        done(&mut app, Done::QuitRefused("disk full".into()));
        assert!(!app.quit && app.quit_armed);
        let fx = done(&mut app, Done::Then(Box::new(Effect::Close)));
        assert_eq!(fx, [Effect::Close]);
    }

    #[test]
    fn the_session_list_keeps_the_selection_in_range() {
        let mut app = app();
        app.home.selected = 40;
        done(&mut app, Done::Sessions(Vec::new()));
        assert_eq!(app.home.sessions.len(), 0);
        assert!(app.home.selected < app.home.rows());
    }
}

//! Review comments about a sticky, a note or the session.

use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::tr;
use crate::model::{Id, Timestamp};
use std::sync::Arc;

/// A review comment about the selected sticky or note (or the session).
pub(crate) fn open_comment(app: &mut App) {
    let about = match app.screen {
        Screen::Board => {
            selected_sticky(app).and_then(|i| app.session().map(|s| s.stickies[i].id.clone()))
        }
        Screen::Notes => app
            .visible_notes()
            .get(app.notes.selected)
            .and_then(|&i| app.session().map(|s| s.notes[i].id.clone())),
        _ => None,
    };
    // In review mode, the reviewer's name is asked once, before the first
    // comment (`--as` and config.ron's `name` spare it).
    let review = app.doc.as_ref().is_some_and(|d| d.review);
    if review && app.ctx.reviewer.is_none() {
        let title = tr(app.lang, "field-reviewer-name");
        return open_field(app, FieldPurpose::ReviewerName(about), &title, "");
    }
    comment_field(app, about);
}

fn comment_field(app: &mut App, about: Option<Id>) {
    let title = if about.is_some() {
        tr(app.lang, "field-comment-item")
    } else {
        tr(app.lang, "field-comment-session")
    };
    open_field(app, FieldPurpose::Comment(about), &title, "");
}

/// Enter on the reviewer's name: it signs this session's comments and is
/// kept in config.ron (by the run loop); the comment field opens. An empty
/// name is refused, the field left open.
pub(crate) fn submit_name(
    app: &mut App,
    field: TextField,
    value: &str,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let Some(name) = crate::review::tidy_name(value) else {
        warn(app, tr(app.lang, "review-name-empty"), now);
        app.field = Some(field);
        return;
    };
    let FieldPurpose::ReviewerName(about) = field.purpose else {
        return;
    };
    app.ctx.reviewer = Some(name.clone());
    fx.push(Effect::RememberName(name));
    comment_field(app, about);
}

/// Enter on a comment field.
pub(crate) fn submit(
    app: &mut App,
    about: Option<Id>,
    value: String,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let lang = app.lang;
    if value.is_empty() {
        return;
    }
    let comment = crate::model::Comment {
        id: app.ids.next_id(),
        about,
        // Signed with the reviewer's name, else the login name.
        author: app
            .ctx
            .reviewer
            .clone()
            .unwrap_or_else(|| app.ctx.user.clone()),
        text: value,
        time: now,
    };
    let review = app.doc.as_ref().is_some_and(|d| d.review);
    if review {
        // Review mode: the workshop stays untouched; only the
        // comments section of the file is written.
        let Some(s) = app.doc.as_mut().map(|d| Arc::make_mut(&mut d.session)) else {
            return;
        };
        s.comments.push(comment);
        fx.push(Effect::SaveComments);
    } else {
        let Some(s) = edit(app, now, fx) else { return };
        s.comments.push(comment);
    }
    say(app, tr(lang, "msg-comment-added"), now);
}

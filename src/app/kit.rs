//! Shared helpers for every room: status messages, list movement, fields.
//! Imports no room.

use crate::app::action::Action;
use crate::app::drafts::{self};
use crate::app::effect::Effect;
use crate::app::state::*;
use crate::model::{StepPos, Timestamp};
use crate::t;

pub fn say(app: &mut App, text: impl Into<String>, now: Timestamp) {
    app.message = Some(Message {
        text: text.into(),
        error: false,
        at: now,
    });
}

pub fn warn(app: &mut App, text: impl Into<String>, now: Timestamp) {
    app.message = Some(Message {
        text: text.into(),
        error: true,
        at: now,
    });
}

/// How long a status message stays, at most: then the key hints show again.
pub(crate) const MESSAGE_SECONDS: i64 = 4;

/// A status message lasts until the next key, or a few seconds: it never
/// hides the key hints for longer. Called before a message is handled
/// (`key` true for a key: what it says then is new) and
/// after (`key` false: only the time counts).
pub(crate) fn fade_message(app: &mut App, now: Timestamp, key: bool) {
    if let Some(m) = &app.message
        && (key || m.at.seconds_until(now) >= MESSAGE_SECONDS)
    {
        app.message = None;
    }
}

/// Typed text arrives without its line ends' carriage returns.
pub(crate) fn clean(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

pub(crate) fn cycle<T: Copy + PartialEq>(all: &[T], current: T, step: isize) -> T {
    let n = all.len() as isize;
    let i = all.iter().position(|x| *x == current).unwrap_or(0) as isize;
    all[((i + step).rem_euclid(n)) as usize]
}

pub(crate) fn move_sel(sel: &mut usize, len: usize, action: Action) -> bool {
    if len == 0 {
        *sel = 0;
        return matches!(
            action,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
        );
    }
    let last = len - 1;
    let new = match action {
        Action::Up => sel.saturating_sub(1),
        Action::Down => (*sel + 1).min(last),
        Action::PageUp => sel.saturating_sub(10),
        Action::PageDown => (*sel + 10).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return false,
    };
    *sel = new;
    true
}

pub(crate) fn open_field(app: &mut App, purpose: FieldPurpose, title: &str, value: &str) {
    app.field = Some(drafts::field(&app.drafts, purpose, title.into(), value));
}

pub(crate) fn open_field_rw(app: &mut App, purpose: FieldPurpose, title: &str, value: &str) {
    if let Some(why) = app.doc.as_ref().and_then(|d| d.read_only.clone()) {
        let now = app.now;
        let text = t!(app.lang, "msg-read-only", why = why);
        return warn(app, text, now);
    }
    app.field = Some(drafts::field(&app.drafts, purpose, title.into(), value));
}

/// Where the current step stands, for views.
pub fn current_pos(app: &App) -> Option<StepPos> {
    app.session().and_then(|s| s.current_or_first())
}

pub(crate) fn go_home(app: &mut App, fx: &mut Vec<Effect>) {
    app.screen = Screen::Home;
    fx.push(Effect::RefreshSessions);
}

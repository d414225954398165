//! Quick capture of stickies.

use crate::app::action::Action;
use crate::app::drafts::{self, DraftKey};
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::*;
use crate::model::{Colour, Op, Place, Timestamp};
use crate::t;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

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
                said.push(drafts::kept_message(app, Action::NewSticky));
            }
            if !said.is_empty() {
                say(app, said.join(" "), now);
            }
        }
        Action::NextParticipant | Action::Cycle => c.author = (c.author + 1) % n,
        Action::PrevParticipant | Action::CycleBack => c.author = (c.author + n - 1) % n,
        Action::CycleColour => c.colour = c.colour.next(),
        Action::Submit => submit_capture(app, now, fx),
        Action::Undo => undo(app, now, fx, false),
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

pub(crate) fn place_for_new(app: &App) -> Place {
    if app.screen == Screen::Board {
        match current_place(app) {
            Place::Parking => Place::Inbox,
            p => p,
        }
    } else {
        Place::Inbox
    }
}

pub(crate) fn add_stickies(
    app: &mut App,
    texts: &[String],
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> usize {
    let Some(c) = app.capture.as_ref() else {
        return 0;
    };
    let (author_i, colour) = (c.author, c.colour);
    let place = place_for_new(app);
    let Some(s) = app.doc.as_ref().map(|d| d.session()) else {
        return 0;
    };
    let author = author_i
        .checked_sub(1)
        .and_then(|i| s.participants.get(i))
        .map(|p| p.id.clone());
    let stage = s.current_stage_id();
    let mut ops = Vec::new();
    for (k, t) in texts.iter().enumerate() {
        let id = app.ids.next_id();
        let mut op = s.new_sticky(t, author.clone(), colour, stage.clone(), &place, now, id);
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

pub(crate) fn submit_capture(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
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

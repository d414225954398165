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
        Action::NextParticipant | Action::Cycle => {
            if !complete_author(app)
                && let Some(c) = app.capture.as_mut()
            {
                c.author = (c.author + 1) % n;
            }
        }
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
    let mut unknown = None;
    for (k, line) in texts.iter().enumerate() {
        let (who, t) = match line_author(s, line) {
            LineAuthor::None => (author.clone(), line.as_str()),
            LineAuthor::Known(p, rest) => (Some(s.participants[p].id.clone()), rest),
            LineAuthor::Unknown(name, rest) => {
                unknown = Some(name.to_owned());
                (None, rest)
            }
        };
        if t.is_empty() {
            continue;
        }
        let id = app.ids.next_id();
        let mut op = s.new_sticky(t, who, colour, stage.clone(), &place, now, id);
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
        if let Some(name) = unknown {
            let text = t!(app.lang, "msg-no-participant", name = name);
            warn(app, text, now);
        }
        n
    } else {
        0
    }
}

/// Who a capture line names with `@` at its start.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LineAuthor<'a> {
    /// No `@`: the capture bar's author.
    None,
    /// The participant at this index, and the sticky's text.
    Known(usize, &'a str),
    /// `@name` matched nobody: the name, and the sticky's text.
    Unknown(&'a str, &'a str),
}

/// `@Amélie Une idée`: a participant's whole name (accents and case
/// ignored, the longest that fits), else the first word as the start of a
/// name or of one of its words.
pub(crate) fn line_author<'a>(s: &crate::model::Session, line: &'a str) -> LineAuthor<'a> {
    use crate::model::text::fold;
    let Some(rest) = line.strip_prefix('@') else {
        return LineAuthor::None;
    };
    let mut whole: Option<(usize, usize)> = None;
    for (i, p) in s.participants.iter().enumerate() {
        let n = p.name.chars().count();
        let end = rest.char_indices().nth(n).map_or(rest.len(), |(b, _)| b);
        let fits = rest[end..].is_empty() || rest[end..].starts_with(char::is_whitespace);
        if n > 0
            && fits
            && fold(&rest[..end]) == fold(&p.name)
            && whole.is_none_or(|(_, e)| end > e)
        {
            whole = Some((i, end));
        }
    }
    if let Some((i, end)) = whole {
        return LineAuthor::Known(i, rest[end..].trim());
    }
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let (token, text) = (&rest[..end], rest[end..].trim());
    match find_participant(s, token) {
        Some(i) => LineAuthor::Known(i, text),
        None => LineAuthor::Unknown(token, text),
    }
}

/// The first participant whose name, or a word of it, starts with `typed`
/// (accents and case ignored).
pub(crate) fn find_participant(s: &crate::model::Session, typed: &str) -> Option<usize> {
    use crate::model::text::fold;
    let typed = fold(typed);
    if typed.is_empty() {
        return None;
    }
    let starts = |p: &crate::model::Participant| {
        let name = fold(&p.name);
        name.starts_with(&typed) || name.split_whitespace().any(|w| w.starts_with(&typed))
    };
    s.participants.iter().position(starts)
}

/// Tab on `@Am`: the name completed (`@Amélie `); false when the line is
/// no name being typed (Tab then cycles the bar's author).
fn complete_author(app: &mut App) -> bool {
    let Some(value) = app.capture.as_ref().map(|c| c.input.value().to_owned()) else {
        return false;
    };
    let Some(typed) = value.strip_prefix('@') else {
        return false;
    };
    if typed.contains(char::is_whitespace) {
        return false;
    }
    let Some(name) = app
        .session()
        .and_then(|s| find_participant(s, typed).map(|i| s.participants[i].name.clone()))
    else {
        return false;
    };
    if let Some(c) = app.capture.as_mut() {
        c.input = Input::new(format!("@{name} "));
    }
    true
}

pub(crate) fn submit_capture(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(c) = app.capture.as_ref() else {
        return;
    };
    let text = c.input.value().trim().to_owned();
    if text.is_empty() {
        return;
    }
    // `@Amélie` alone: she writes the next stickies.
    if let Some(LineAuthor::Known(p, "")) = app.session().map(|s| line_author(s, &text)) {
        if let Some(c) = app.capture.as_mut() {
            c.author = p + 1;
            c.input.reset();
        }
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

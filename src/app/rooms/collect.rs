//! Collecting stickies from phones: the app's side (pure). The server
//! itself is [`crate::collect`]; the run loop owns it and starts or stops it
//! on the effects sent from here, and feeds what arrives as
//! [`Msg::Incoming`](super::Msg::Incoming).
//!
//! - `w` (facilitation, board, projector) starts collecting for the current
//!   step, or stops; the page follows the current step while it runs.
//! - Incoming stickies wait in the pending tray (`T`): accept one (`a`,
//!   Enter), all (`A`), reject one (`x`, `d`), or accept automatically (`*`).
//! - Accepting adds the stickies to the inbox of the current stage through
//!   [`board::commit`]: saved, journaled and undoable as one step. Undoing an
//!   acceptance puts the stickies back in the tray; redoing takes them out.
//! - The name typed on the phone becomes the sticky's author: the
//!   participant of that name (accents, case and spaces ignored), else the
//!   guest of that name, else a new guest, added in the same undoable step
//!   as the sticky (undo removes both). A phone never adds a participant
//!   and never writes into a sticky's text; no name means no author.

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::kit::*;
use crate::app::state::{App, CollectView};
use crate::collect::Incoming;
use crate::model::text::fold;
use crate::model::{Guest, Id, Ids, Item, Op, Place, Session, Timestamp};
use crate::t;

/// How many characters of a sticky a status message quotes.
const QUOTE_CHARS: usize = 40;

/// `w`: start collecting for the current step, or stop.
pub fn toggle(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    if app.collecting.is_some() {
        app.collecting = None;
        app.collect_prompt = None;
        fx.push(Effect::StopCollect);
        let text = t!(lang, "collect-stopped", n = app.pending.len());
        return say(app, text, now);
    }
    let Some(doc) = app.doc.as_ref() else { return };
    if let Some(why) = doc.read_only.clone() {
        return warn(app, t!(lang, "collect-read-only", why = why), now);
    }
    let (step_title, prompt) = step_prompt(app);
    let page_lang = app
        .session()
        .and_then(|s| s.language.clone())
        .unwrap_or_else(|| lang.to_owned());
    app.collect_prompt = Some((step_title.clone(), prompt.clone()));
    fx.push(Effect::StartCollect {
        prompt,
        step_title,
        lang: page_lang,
        anonymous_only: app.collect_anonymous,
    });
}

/// The run loop started the server (or could not, or it stopped on its own).
pub fn started(app: &mut App, result: Result<CollectView, String>, now: Timestamp) {
    let lang = app.lang;
    match result {
        Ok(view) => {
            app.collecting = Some(view);
            let key = key(app, Action::Collect);
            let text = t!(lang, "collect-started", key = key);
            say(app, text, now);
        }
        Err(e) => {
            app.collecting = None;
            app.collect_prompt = None;
            warn(app, t!(lang, "collect-failed", error = e), now);
        }
    }
}

/// Stickies arrived from phones: into the tray, or straight onto the board
/// when accepting automatically.
pub fn incoming(app: &mut App, items: Vec<Incoming>, now: Timestamp, fx: &mut Vec<Effect>) {
    if items.is_empty() || app.doc.is_none() {
        return;
    }
    let n = items.len();
    if app.auto_accept && accept(app, items.clone(), now, fx) {
        let text = t!(app.lang, "collect-auto-accepted", n = n);
        return say(app, text, now);
    }
    app.pending.extend(items);
    let key = key(app, Action::OpenTray);
    let text = t!(app.lang, "collect-arrived", n = n, key = key);
    say(app, text, now);
}

/// Keep the page on the current step while collecting.
pub fn follow_step(app: &mut App, fx: &mut Vec<Effect>) {
    if app.collecting.is_none() {
        return;
    }
    let want = step_prompt(app);
    if app.collect_prompt.as_ref() != Some(&want) {
        fx.push(Effect::CollectPrompt {
            step_title: want.0.clone(),
            prompt: want.1.clone(),
        });
        app.collect_prompt = Some(want);
    }
}

/// `T`: open the tray (or close it).
pub fn open_tray(app: &mut App) {
    app.tray = match app.tray {
        Some(_) => None,
        None => Some(0),
    };
}

/// A key in the tray; false when it is not the tray's (quit, help, undo,
/// save, ... work as everywhere).
pub fn tray_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) -> bool {
    let lang = app.lang;
    let n = app.pending.len();
    let sel = app.tray.unwrap_or(0).min(n.saturating_sub(1));
    match action {
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            let mut s = sel;
            move_sel(&mut s, n, action);
            app.tray = Some(s);
        }
        Action::Back | Action::Cancel | Action::OpenTray => app.tray = None,
        Action::AcceptSticky | Action::Select | Action::Submit => {
            if sel >= n {
                return nothing_pending(app, now);
            }
            let item = app.pending[sel].clone();
            if accept(app, vec![item.clone()], now, fx) {
                remove_first(&mut app.pending, &item);
                clamp(app);
                let text = t!(lang, "collect-accepted", text = quote(&item.text));
                say(app, text, now);
            }
        }
        Action::AcceptAllStickies => {
            if n == 0 {
                return nothing_pending(app, now);
            }
            let items = app.pending.clone();
            if accept(app, items, now, fx) {
                app.pending.clear();
                clamp(app);
                say(app, t!(lang, "collect-accepted-all", n = n), now);
            }
        }
        Action::RejectSticky => {
            if sel >= n {
                return nothing_pending(app, now);
            }
            let item = app.pending.remove(sel);
            clamp(app);
            let text = t!(lang, "collect-rejected", text = quote(&item.text));
            say(app, text, now);
        }
        Action::AutoAccept => {
            app.auto_accept = !app.auto_accept;
            let text = if app.auto_accept {
                t!(lang, "collect-auto-on", n = app.pending.len())
            } else {
                t!(lang, "collect-auto-off")
            };
            say(app, text, now);
        }
        Action::CollectNames => {
            app.collect_anonymous = !app.collect_anonymous;
            if app.collecting.is_some() {
                fx.push(Effect::CollectAnonymous(app.collect_anonymous));
            }
            let text = if app.collect_anonymous {
                t!(lang, "collect-names-off")
            } else {
                t!(lang, "collect-names-on")
            };
            say(app, text, now);
        }
        // These work from the tray as from anywhere.
        Action::Quit
        | Action::Help
        | Action::SaveNow
        | Action::SaveAs
        | Action::Suspend
        | Action::Undo
        | Action::Redo
        | Action::Collect => return false,
        _ => {}
    }
    true
}

/// Add `items` to the inbox as one undoable step that remembers them.
fn accept(app: &mut App, items: Vec<Incoming>, now: Timestamp, fx: &mut Vec<Effect>) -> bool {
    let Some(s) = app.doc.as_ref().map(|d| d.session()) else {
        return false;
    };
    let ops = sticky_ops(s, &items, &mut app.ids);
    let label = t!(app.lang, "collect-undo-accepted", n = items.len());
    if !commit(app, label, ops, now, fx) {
        return false;
    }
    if let Some(step) = app.history.undo.last_mut() {
        step.pending = items;
    }
    true
}

/// The ops that add `items` to the inbox of the current stage, after those
/// adding the guests they name (one per new name).
pub fn sticky_ops(s: &Session, items: &[Incoming], ids: &mut Ids) -> Vec<Op> {
    let stage = s.current_stage_id();
    let mut new_guests: Vec<Guest> = Vec::new();
    let mut stickies = Vec::with_capacity(items.len());
    for (k, item) in items.iter().enumerate() {
        let author = match author(s, item) {
            Author::Nobody => None,
            Author::Known(id) => Some(id),
            Author::New(name) => {
                let known = new_guests.iter().find(|g| same_name(&g.name, &name));
                let id = match known {
                    Some(g) => g.id.clone(),
                    None => {
                        let id = ids.next_id();
                        new_guests.push(Guest {
                            id: id.clone(),
                            name,
                        });
                        id
                    }
                };
                Some(id)
            }
        };
        let mut op = s.new_sticky(
            &item.text,
            author,
            item.colour,
            stage.clone(),
            &Place::Inbox,
            item.at,
            ids.next_id(),
        );
        if let Op::Insert { at, .. } = &mut op {
            *at += k;
        }
        stickies.push(op);
    }
    let at = s.guests.len();
    let mut ops: Vec<Op> = new_guests
        .into_iter()
        .enumerate()
        .map(|(k, g)| Op::Insert {
            at: at + k,
            item: Item::Guest(g),
        })
        .collect();
    ops.extend(stickies);
    ops
}

/// Who wrote a sticky sent from a phone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Author {
    /// No name was given.
    Nobody,
    /// A participant or a guest already in the session.
    Known(Id),
    /// A name that is no one's yet: a new guest (the name as typed, its
    /// spaces tidied).
    New(String),
}

/// The author of `item`: the participant whose name it gives (accents,
/// case and spaces ignored), else the guest of that name, else a new guest.
pub fn author(s: &Session, item: &Incoming) -> Author {
    let name = item
        .name
        .as_deref()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        return Author::Nobody;
    }
    let participant = s.participants.iter().find(|p| same_name(&p.name, &name));
    let guest = s.guests.iter().find(|g| same_name(&g.name, &name));
    match (participant, guest) {
        (Some(p), _) => Author::Known(p.id.clone()),
        (None, Some(g)) => Author::Known(g.id.clone()),
        (None, None) => Author::New(name),
    }
}

/// Two names are the same ignoring accents, case and spaces.
fn same_name(a: &str, b: &str) -> bool {
    let words = |x: &str| {
        fold(x)
            .split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// The current step's title and prompt (empty without an agenda).
fn step_prompt(app: &App) -> (String, String) {
    app.session()
        .and_then(|s| {
            let p = s.current_or_first()?;
            let step = &s.agenda[p.stage].steps[p.step];
            Some((step.title.clone(), step.prompt.clone()))
        })
        .unwrap_or_default()
}

fn nothing_pending(app: &mut App, now: Timestamp) -> bool {
    let text = t!(app.lang, "collect-nothing-pending");
    say(app, text, now);
    true
}

fn remove_first(list: &mut Vec<Incoming>, item: &Incoming) {
    if let Some(i) = list.iter().position(|x| x == item) {
        list.remove(i);
    }
}

fn clamp(app: &mut App) {
    if let Some(sel) = app.tray.as_mut() {
        *sel = (*sel).min(app.pending.len().saturating_sub(1));
    }
}

/// A sticky's beginning, on one line, for a status message.
fn quote(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > QUOTE_CHARS {
        let cut: String = one_line.chars().take(QUOTE_CHARS - 1).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

/// The key bound to `action` (in facilitation, else anywhere), as shown.
fn key(app: &App, action: Action) -> String {
    let k = app
        .keymap
        .key_for(crate::app::keymap::Context::Facilitate, action)
        .unwrap_or_default();
    crate::i18n::key_label(app.lang, &k)
}

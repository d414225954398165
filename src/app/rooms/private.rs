//! Private notes and stickies: the facilitators' own, kept in the session
//! file and shown in the app (marked), but left out of every export unless
//! asked for (see `export::without_private`). One key toggles the note or
//! the stickies selected, as one undoable step.

use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::{App, Screen};
use crate::i18n::tr;
use crate::model::{Item, Op, Timestamp};
use crate::t;

/// `L` on the notes screen (the selected note) or the board (the marked
/// stickies, or the one under the cursor): private if any of them was
/// public, else public again.
pub fn toggle(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(s) = app.session() else { return };
    let items: Vec<Item> = match app.screen {
        Screen::Notes => app
            .visible_notes()
            .get(app.notes.selected)
            .map(|&i| Item::Note(s.notes[i].clone()))
            .into_iter()
            .collect(),
        Screen::Board => {
            let ids = selection(app);
            s.stickies
                .iter()
                .filter(|x| ids.contains(&x.id))
                .map(|x| Item::Sticky(x.clone()))
                .collect()
        }
        _ => Vec::new(),
    };
    if items.is_empty() {
        let text = match app.screen {
            Screen::Notes => tr(lang, "private-select-note"),
            _ => tr(lang, "msg-select-a-sticky"),
        };
        return warn(app, text, now);
    }
    let private = items.iter().any(|item| !is_private(item));
    let n = items.len();
    let ops: Vec<Op> = items
        .into_iter()
        .map(|mut item| {
            match &mut item {
                Item::Note(x) => x.private = private,
                Item::Sticky(x) => x.private = private,
                _ => {}
            }
            Op::Replace(item)
        })
        .collect();
    let kind = if app.screen == Screen::Notes {
        "note"
    } else {
        "sticky"
    };
    let (label, done) = if private {
        (
            t!(lang, "private-undo-private", kind = kind, n = n),
            t!(lang, "private-made-private", kind = kind, n = n),
        )
    } else {
        (
            t!(lang, "private-undo-public", kind = kind, n = n),
            t!(lang, "private-made-public", kind = kind, n = n),
        )
    };
    if commit(app, label, ops, now, fx) {
        app.board.marked.clear();
        say(app, done, now);
    }
}

fn is_private(item: &Item) -> bool {
    match item {
        Item::Note(x) => x.private,
        Item::Sticky(x) => x.private,
        _ => false,
    }
}

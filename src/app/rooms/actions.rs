//! Actions: who does what by when. The list (sorted by status, then due
//! date), a form in three fields (the text, Tab to the owner found among
//! the participants and facilitators or typed freely, Tab to the due date;
//! Enter saves from any of them), editing, deleting and the status cycle.
//! Every change is one undoable op, journaled by `history`.
//!
//! The form's fields are one-line fields: what the earlier ones hold while
//! the next is open is kept as their drafts, so Esc anywhere loses nothing.

use crate::app::action::Action;
use crate::app::drafts::DraftKey;
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::*;
use crate::model::text::fold;
use crate::model::{ActionItem, ActionStatus, Id, Item, Kind, Op, Place, Session, Timestamp};
use crate::t;
use time::Date;

/// The statuses in the order Space cycles them and the list sorts them.
pub const STATUSES: [ActionStatus; 4] = [
    ActionStatus::Todo,
    ActionStatus::Doing,
    ActionStatus::Done,
    ActionStatus::Dropped,
];

fn rank(status: ActionStatus) -> usize {
    STATUSES.iter().position(|s| *s == status).unwrap_or(0)
}

/// The actions in display order (indices into the session's): by status,
/// then due date (none last), then as entered.
pub fn sorted(s: &Session) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..s.actions.len()).collect();
    idx.sort_by_key(|&i| {
        let a = &s.actions[i];
        (rank(a.status), a.due.is_none(), a.due, i)
    });
    idx
}

/// The action under the cursor.
pub fn selected(app: &App) -> Option<&ActionItem> {
    let s = app.session()?;
    let order = sorted(s);
    let i = *order.get(app.actions.min(order.len().saturating_sub(1)))?;
    s.actions.get(i)
}

/// Everyone who can carry an action: the facilitators, then the
/// participants, each name once.
pub fn people(s: &Session) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let all = s
        .facilitators
        .iter()
        .cloned()
        .chain(s.participants.iter().map(|p| p.name.clone()));
    for name in all {
        if !name.trim().is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The people whose name (or one of its words) starts with what was typed,
/// accents and case aside; everyone when nothing is typed.
pub fn owner_matches(s: &Session, typed: &str) -> Vec<String> {
    let typed = fold(typed.trim());
    people(s)
        .into_iter()
        .filter(|name| {
            let folded = fold(name);
            typed.is_empty()
                || folded.starts_with(&typed)
                || folded.split_whitespace().any(|w| w.starts_with(&typed))
        })
        .collect()
}

/// The owner for what was typed: the first person it finds, else the text
/// as typed (someone absent, a department).
pub fn resolve_owner(s: &Session, typed: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        return String::new();
    }
    owner_matches(s, typed)
        .into_iter()
        .next()
        .unwrap_or_else(|| typed.to_owned())
}

/// A due date as typed: `YYYY-MM-DD`, `+N` days from the workshop's date
/// (today when it has none), or nothing (`Some(None)`); `None` when it is
/// not a date.
pub fn parse_due(s: &Session, typed: &str, today: Date) -> Option<Option<Date>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Some(None);
    }
    if let Some(days) = typed.strip_prefix('+') {
        let days: i64 = days.trim().parse().ok()?;
        let from = s.date.unwrap_or(today);
        return from.checked_add(time::Duration::days(days)).map(Some);
    }
    crate::model::time::iso_date::parse(typed).ok().map(Some)
}

/// The screen's keys.
pub fn action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let n = app.session().map_or(0, |s| s.actions.len());
    if move_sel(&mut app.actions, n, action) {
        return;
    }
    match action {
        Action::Add => open_form(app, None, ""),
        Action::Edit | Action::Select => {
            if let Some(a) = selected(app).cloned() {
                open_form(app, Some(a.id), &a.text);
            }
        }
        Action::Delete => delete(app, now, fx),
        Action::Cycle => cycle_status(app, now, fx),
        Action::Back => app.screen = Screen::Facilitate,
        _ => {}
    }
}

/// Open the form on its first field, with `text` (a new action: `None`).
pub(crate) fn open_form(app: &mut App, editing: Option<Id>, text: &str) {
    let title = t!(app.lang, "actions-field-text");
    open_field_rw(app, FieldPurpose::ActionText(editing), &title, text);
}

/// The selected note (notes screen), or sticky or cluster (board), as a
/// new action with its text filled in.
pub fn from_selection(app: &mut App, now: Timestamp) {
    let text = selection_text(app);
    match text {
        Some(text) => open_form(app, None, &text),
        None => say(app, t!(app.lang, "actions-nothing-selected"), now),
    }
}

fn selection_text(app: &App) -> Option<String> {
    let s = app.session()?;
    match app.screen {
        Screen::Notes => {
            let i = *app.visible_notes().get(app.notes.selected)?;
            s.notes.get(i).map(|n| n.text.clone())
        }
        Screen::Board => {
            if let Some(i) = selected_sticky(app) {
                return s.stickies.get(i).map(|x| x.text.clone());
            }
            let col = app.index.columns.get(app.board.col)?;
            match &col.place {
                Place::Cluster(_) => Some(col.title.clone()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Tab in one of the form's fields: keep what it holds, open the next.
pub(crate) fn next_field(app: &mut App) -> bool {
    let Some(purpose) = app.field.as_ref().map(|f| f.purpose.clone()) else {
        return false;
    };
    let (next, title) = match &purpose {
        FieldPurpose::ActionText(id) => {
            (FieldPurpose::ActionOwner(id.clone()), "actions-field-owner")
        }
        FieldPurpose::ActionOwner(id) => (FieldPurpose::ActionDue(id.clone()), "actions-field-due"),
        FieldPurpose::ActionDue(id) => (FieldPurpose::ActionText(id.clone()), "actions-field-text"),
        _ => return false,
    };
    let Some(f) = app.field.take() else {
        return false;
    };
    let current = editing(app, &purpose);
    let mut value = f.input.value().to_owned();
    if let (FieldPurpose::ActionOwner(_), Some(s)) = (&purpose, app.session()) {
        value = resolve_owner(s, &value);
    }
    // Kept unless it is what the action already holds: a new action's text
    // filled in from a note (`O`) is kept too, though the field opened with it.
    if value == part_value(current.as_ref(), &purpose) {
        app.drafts.clear(&f.draft);
    } else {
        app.drafts.keep(&f.draft, value);
    }
    let initial = part_value(current.as_ref(), &next);
    open_field(app, next, &crate::i18n::tr(app.lang, title), &initial);
    true
}

/// The form's three fields for the action `id` (a new one: `None`).
fn form(id: Option<Id>) -> [FieldPurpose; 3] {
    [
        FieldPurpose::ActionText(id.clone()),
        FieldPurpose::ActionOwner(id.clone()),
        FieldPurpose::ActionDue(id),
    ]
}

/// The action a field of the form edits (none for a new one, or for a
/// field not of the form).
fn editing(app: &App, purpose: &FieldPurpose) -> Option<ActionItem> {
    let (FieldPurpose::ActionText(Some(id))
    | FieldPurpose::ActionOwner(Some(id))
    | FieldPurpose::ActionDue(Some(id))) = purpose
    else {
        return None;
    };
    app.session()?.actions.iter().find(|a| &a.id == id).cloned()
}

/// What the action `a` holds in the part of `purpose` (nothing for a new
/// one).
fn part_value(a: Option<&ActionItem>, purpose: &FieldPurpose) -> String {
    match (purpose, a) {
        (FieldPurpose::ActionText(_), Some(a)) => a.text.clone(),
        (FieldPurpose::ActionOwner(_), Some(a)) => a.owner.clone(),
        (FieldPurpose::ActionDue(_), Some(a)) => a
            .due
            .map(crate::model::time::iso_date::format)
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// One part of the form: the open field's value when it is that part, else
/// its draft, else what the action `current` holds (nothing for a new one).
fn part(
    app: &App,
    purpose: &FieldPurpose,
    open: (&FieldPurpose, &str),
    current: Option<&ActionItem>,
) -> String {
    if open.0 == purpose {
        return open.1.to_owned();
    }
    app.drafts
        .get(&DraftKey::field(purpose))
        .map_or_else(|| part_value(current, purpose), str::to_owned)
}

/// Enter in one of the form's fields: save the action.
pub(crate) fn submit(
    app: &mut App,
    field: TextField,
    value: String,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let lang = app.lang;
    let id = match &field.purpose {
        FieldPurpose::ActionText(id)
        | FieldPurpose::ActionOwner(id)
        | FieldPurpose::ActionDue(id) => id.clone(),
        _ => return,
    };
    let current = editing(app, &field.purpose);
    let open = (&field.purpose, value.as_str());
    let [text, owner, due_text] = form(id.clone()).map(|p| part(app, &p, open, current.as_ref()));
    let Some(s) = app.session() else { return };
    let owner = resolve_owner(s, &owner);
    let today = now.date(&app.zone());
    let due = match parse_due(s, &due_text, today) {
        Some(due) => due,
        None => {
            warn(app, t!(lang, "actions-bad-due", text = due_text), now);
            app.field = Some(field);
            return;
        }
    };
    if text.trim().is_empty() {
        warn(app, t!(lang, "actions-no-text"), now);
        app.field = Some(field);
        return;
    }
    let item = ActionItem {
        id: id.clone().unwrap_or_else(|| app.ids.next_id()),
        text: text.trim().to_owned(),
        owner,
        due,
        status: current.as_ref().map_or(ActionStatus::Todo, |a| a.status),
    };
    let new_id = item.id.clone();
    let (op, label) = match &current {
        Some(_) => (Op::Replace(Item::Action(item)), t!(lang, "actions-op-edit")),
        None => {
            let at = app.session().map_or(0, |s| s.actions.len());
            let op = Op::Insert {
                at,
                item: Item::Action(item),
            };
            (op, t!(lang, "actions-op-add"))
        }
    };
    for p in form(id) {
        app.drafts.clear(&DraftKey::field(&p));
    }
    if commit(app, label.clone(), vec![op], now, fx) {
        select(app, &new_id);
        say(app, label, now);
    }
}

/// Put the cursor on the action `id`.
fn select(app: &mut App, id: &Id) {
    if let Some(s) = app.session() {
        let order = sorted(s);
        if let Some(row) = order.iter().position(|&i| &s.actions[i].id == id) {
            app.actions = row;
        }
    }
}

fn delete(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(a) = selected(app).cloned() else {
        return;
    };
    let label = t!(app.lang, "actions-op-delete");
    let op = Op::Remove {
        kind: Kind::Action,
        id: a.id,
    };
    if commit(app, label.clone(), vec![op], now, fx) {
        let n = app.session().map_or(0, |s| s.actions.len());
        app.actions = app.actions.min(n.saturating_sub(1));
        say(app, label, now);
    }
}

fn cycle_status(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(mut a) = selected(app).cloned() else {
        return;
    };
    a.status = cycle(&STATUSES, a.status, 1);
    let status = crate::i18n::tr(app.lang, status_key(a.status));
    let label = t!(app.lang, "actions-op-status", status = status);
    let id = a.id.clone();
    if commit(
        app,
        label.clone(),
        vec![Op::Replace(Item::Action(a))],
        now,
        fx,
    ) {
        select(app, &id);
        say(app, label, now);
    }
}

/// The Fluent key of a status's word.
pub fn status_key(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Todo => "actions-status-open",
        ActionStatus::Doing => "actions-status-doing",
        ActionStatus::Done => "actions-status-done",
        ActionStatus::Dropped => "actions-status-dropped",
    }
}

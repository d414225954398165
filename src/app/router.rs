//! The router: `update(app, msg, now) -> effects`. It decides which room
//! gets a message from the one overlay stack ([`super::overlay`]), and runs
//! the bookkeeping after every message (index, journal, status expiry).

use crate::app::action::Action;
use crate::app::action::Msg;
use crate::app::drafts::{self, DraftKey};
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::outcome;
use crate::app::overlay::{Overlay, stack};
use crate::app::rooms;
use crate::app::state::*;
use crate::model::Timestamp;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

pub fn update(app: &mut App, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let mut fx = Vec::new();
    app.now = now;
    let key = matches!(msg, Msg::Key(_) | Msg::Do(_));
    fade_message(app, now, key);
    match msg {
        Msg::Tick | Msg::Resize => rooms::facilitate::tick(app, now, &mut fx),
        Msg::Paste(text) => paste(app, &text, now, &mut fx),
        Msg::Key(key) => key_input(app, key, now, &mut fx),
        Msg::Do(action) => act(app, action, now, &mut fx),
        Msg::Incoming(items) => rooms::collect::incoming(app, items, now, &mut fx),
        Msg::Ballots(casts) => rooms::ballots::arrived(app, casts, now, &mut fx),
        Msg::Collecting(result) => rooms::collect::started(app, result, now),
        Msg::Attached(result) => rooms::evidence::attached(app, result, now, &mut fx),
        Msg::Completed(prefix, matches) => rooms::evidence::completed(app, prefix, matches, now),
        Msg::Closing => keep_open_drafts(app),
        Msg::SaveAsTaken(path) => rooms::session::taken(app, path, now),
        Msg::Suggested(request, items) => rooms::suggest::arrived(app, request, items),
        Msg::Done(done) => outcome::landed(app, done, now, &mut fx),
    }
    rooms::collect::follow_step(app, &mut fx);
    rooms::ballots::publish(app, &mut fx);
    refresh_index(app);
    rooms::wall::refresh(app);
    journal_sections(app);
    journal_drafts(app);
    fade_message(app, now, false);
    fx
}

/// Leaving with fields open: keep what they hold, as Esc would (they stay
/// open, in case leaving is refused).
pub(crate) fn keep_open_drafts(app: &mut App) {
    if let Some(f) = app.field.as_ref() {
        app.drafts.close(&f.draft, f.input.value(), &f.initial);
    }
    if let Some(c) = app.capture.as_ref() {
        app.drafts.close(&DraftKey::capture(), c.input.value(), "");
    }
    if let (Some(ed), Some(s)) = (app.editor.as_ref(), app.doc.as_ref().map(|d| d.session())) {
        let parts = rooms::notes::note_parts(s, ed);
        rooms::notes::close_note(&mut app.drafts, ed, &parts);
    }
}

pub(crate) fn paste(app: &mut App, text: &str, _now: Timestamp, _fx: &mut Vec<Effect>) {
    let text = clean(text);
    if app.capture.is_some() && app.field.is_none() {
        rooms::capture::capture_paste(app, &text, _now, _fx);
    } else if let Some(field) = app.field.as_mut() {
        let one_line = text.replace('\n', " ");
        let value = format!("{}{}", field.input.value(), one_line);
        field.input = Input::new(value);
    } else if let Some(ed) = app.editor.as_mut() {
        match ed.field {
            EditorField::Text => {
                ed.text.insert_str(&text);
            }
            EditorField::Tags => {
                let value = format!("{}{}", ed.tags.value(), text.replace('\n', " "));
                ed.tags = Input::new(value);
            }
            _ => {}
        }
    }
}

pub(crate) fn key_input(app: &mut App, key: KeyEvent, now: Timestamp, fx: &mut Vec<Effect>) {
    if stack(app).last() == Some(&Overlay::Picker) {
        if let Some(p) = app.picker.as_mut() {
            p.find(key);
        }
        return;
    }
    let top = stack(app).into_iter().rev().find(|o| o.gets_keys());
    match top {
        Some(Overlay::Field) => {
            if key.code == KeyCode::Enter {
                submit_field(app, now, fx);
            } else if let Some(field) = app.field.as_mut()
                && let Some(req) = to_input_request(&Event::Key(key))
            {
                field.input.handle(req);
            }
        }
        Some(Overlay::Editor) => rooms::notes::editor_key(app, key, now, fx),
        Some(Overlay::Capture) => rooms::capture::capture_key(app, key, now, fx),
        Some(Overlay::Search) => rooms::search::search_key(app, key, now),
        _ => {}
    }
}

/// An action for an open overlay: true when it took it (every overlay but
/// the tray, which lets the screen's keys through).
fn overlay_action(
    app: &mut App,
    overlay: Overlay,
    action: Action,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> bool {
    match overlay {
        Overlay::Help => rooms::help::action(app, action),
        Overlay::Field => field_action(app, action, now, fx),
        Overlay::Editor => rooms::notes::editor_action(app, action, now, fx),
        Overlay::Picker => picker_action(app, action, now, fx),
        Overlay::Tray => return rooms::collect::tray_action(app, action, now, fx),
        Overlay::Capture => rooms::capture::capture_action(app, action, now, fx),
        Overlay::Search => rooms::search::search_action(app, action, now),
        Overlay::Results if action == Action::Projector => rooms::wall::project(app),
        Overlay::Results => rooms::board::results_action(app, action),
        Overlay::Suggest => rooms::suggest::action(app, action, now, fx),
        Overlay::Conflicts => rooms::conflicts::action(app, action, now, fx),
    }
    true
}

fn field_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    match action {
        Action::Cancel | Action::Back => close_field(app, now),
        Action::Submit => submit_field(app, now, fx),
        Action::NextField if rooms::actions::next_field(app) => {}
        Action::NextField => {
            if let Some(f) = app.field.as_ref()
                && matches!(f.purpose, FieldPurpose::Attach(_))
            {
                fx.push(Effect::Complete(f.input.value().to_owned()));
            }
        }
        _ => {}
    }
}

pub(crate) fn act(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    // A quit to confirm is confirmed by the very next key only.
    if action != Action::Quit {
        app.quit_armed = false;
    }
    for overlay in stack(app).into_iter().rev() {
        if overlay_action(app, overlay, action, now, fx) {
            return;
        }
    }
    if app.screen == Screen::Home && rooms::home::undo_forget(app, action, now, fx) {
        return;
    }
    if rooms::session::action(app, action, now, fx) {
        return;
    }
    if app.doc.is_some() {
        match action {
            Action::GoSetup => return app.screen = Screen::Setup,
            Action::GoFacilitate => return app.screen = Screen::Facilitate,
            Action::GoNotes => return app.screen = Screen::Notes,
            Action::Projector if app.screen != Screen::Projector => {
                return rooms::wall::project(app);
            }
            Action::NewNote => return rooms::notes::open_note_editor(app, None, now),
            Action::NewSticky => return rooms::capture::open_capture(app, now),
            Action::GoBoard => return app.screen = Screen::Board,
            Action::GoActions => return app.screen = Screen::Actions,
            Action::MakeAction if matches!(app.screen, Screen::Board | Screen::Notes) => {
                return rooms::actions::from_selection(app, now);
            }
            Action::Comment => return rooms::review::open_comment(app),
            Action::Conflicts => return rooms::conflicts::open(app, now),
            Action::Attach
            | Action::EditPrototype
            | Action::NewPrototype
            | Action::Verdict
            | Action::Feedback
            | Action::NextPrototype
                if rooms::evidence::action(app, action, now, fx) =>
            {
                return;
            }
            Action::Export => return rooms::export::open_export(app),
            Action::TogglePrivate if matches!(app.screen, Screen::Board | Screen::Notes) => {
                return rooms::private::toggle(app, now, fx);
            }
            Action::Undo => return undo(app, now, fx, false),
            Action::Redo => return undo(app, now, fx, true),
            Action::Collect => return rooms::collect::toggle(app, now, fx),
            Action::OpenTray => return rooms::collect::open_tray(app),
            // Search works from every screen: Enter shows what matched.
            Action::Search => return rooms::search::open_search(app),
            _ => {}
        }
    }
    match app.screen {
        Screen::Home => rooms::home::home_action(app, action, now, fx),
        Screen::Setup => rooms::setup::setup_action(app, action, now, fx),
        Screen::Facilitate => rooms::facilitate::facilitate_action(app, action, now, fx),
        Screen::Projector => {
            if !rooms::wall::action(app, action) {
                rooms::facilitate::projector_action(app, action, now, fx)
            }
        }
        Screen::Notes => rooms::notes::notes_action(app, action, now, fx),
        Screen::Actions => rooms::actions::action(app, action, now, fx),
        Screen::Board => match action {
            Action::Suggest => rooms::suggest::open(app, now, fx),
            Action::ToggleAnonymous => rooms::ballots::toggle_anonymous(app, now, fx),
            _ => rooms::board::board_action(app, action, now, fx),
        },
    }
}

/// Esc on a field: what was typed is kept as a draft (and the status line
/// says which key continues it).
pub(crate) fn close_field(app: &mut App, now: Timestamp) {
    let Some(f) = app.field.take() else { return };
    if app.drafts.close(&f.draft, f.input.value(), &f.initial) {
        let text = drafts::kept_message(app, drafts::reopened_by(&f.purpose));
        say(app, text, now);
    }
}

/// Enter on a field: its draft is cleared once the text is taken, and kept
/// when the field closes on a refusal (read-only, a value that does not
/// parse), so the text can be fixed instead of typed again.
pub(crate) fn submit_field(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some((key, value, reopen)) = app.field.as_ref().map(|f| {
        (
            f.draft.clone(),
            f.input.value().to_owned(),
            drafts::reopened_by(&f.purpose),
        )
    }) else {
        return;
    };
    let before = app.message.take();
    submit_field_text(app, now, fx);
    let refused = app.message.as_ref().is_some_and(|m| m.error);
    if app.message.is_none() {
        app.message = before;
    }
    if app.field.as_ref().is_some_and(|f| f.draft == key) {
        // Still open, to be fixed: the field holds the text.
        return;
    }
    if refused && !value.trim().is_empty() {
        app.drafts.keep(&key, value);
        let kept = drafts::kept_message(app, reopen);
        if let Some(m) = app.message.as_mut() {
            m.text = format!("{} {kept}", m.text);
        }
    } else {
        app.drafts.clear(&key);
    }
}

pub(crate) fn submit_field_text(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(field) = app.field.take() else {
        return;
    };
    let value = field.input.value().trim().to_owned();
    if rooms::board::submit_board_field(app, &field.purpose, &value, now, fx) {
        return;
    }
    let _lang = app.lang;
    match field.purpose {
        FieldPurpose::ExportTo(format, anonymize, include_private) => rooms::export::submit_path(
            app,
            field,
            value,
            (format, anonymize, include_private),
            now,
            fx,
        ),
        FieldPurpose::SuggestionTitle(i) => rooms::suggest::accept(app, i, Some(value), now, fx),
        FieldPurpose::Attach(_)
        | FieldPurpose::PrototypeName
        | FieldPurpose::PrototypeTests(_)
        | FieldPurpose::PrototypeHypothesis(_)
        | FieldPurpose::PrototypeFeedback(_)
        | FieldPurpose::Caption(_) => {
            rooms::evidence::submit(app, &field.purpose, &value, now, fx);
        }
        FieldPurpose::ActionText(_) | FieldPurpose::ActionOwner(_) | FieldPurpose::ActionDue(_) => {
            rooms::actions::submit(app, field, value, now, fx)
        }
        FieldPurpose::SaveAs => rooms::session::submit_save_as(app, value, now, fx),
        FieldPurpose::Comment(about) => rooms::review::submit(app, about, value, now, fx),
        FieldPurpose::ReviewerName(_) => rooms::review::submit_name(app, field, &value, now, fx),
        FieldPurpose::NewSessionTitle => rooms::home::submit_title(app, field, value, now),
        FieldPurpose::Detail(DetailField::TimeZone)
            if crate::model::Zone::find(&value).is_err() =>
        {
            rooms::zone::refuse(app, field, &value, now);
        }
        FieldPurpose::Detail(_)
        | FieldPurpose::NewParticipant
        | FieldPurpose::ParticipantName(_)
        | FieldPurpose::StageTitle(_)
        | FieldPurpose::StepTitle(_)
        | FieldPurpose::StepPrompt(_)
        | FieldPurpose::BreakTitle(_)
        | FieldPurpose::BreakMinutes(..) => rooms::setup::submit_field(app, field, value, now, fx),
        _ => {}
    }
}

pub(crate) fn picker_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(p) = app.picker.as_mut() else { return };
    if move_sel(&mut p.selected, p.items.len(), action) {
        return;
    }
    match action {
        Action::Cancel | Action::Back => app.picker = None,
        Action::Submit | Action::Select => {
            let Some(mut p) = app.picker.take() else {
                return;
            };
            p.find.clear();
            if rooms::board::submit_board_pick(app, &p.purpose, p.selected, now, fx) {
                return;
            }
            match p.purpose {
                PickPurpose::Template { title } => {
                    rooms::home::pick_template(app, title, p.selected, fx)
                }
                PickPurpose::Method { after } => {
                    rooms::setup::pick_method(app, after, p.selected, now, fx)
                }
                PickPurpose::Export { private } => rooms::export::pick(app, p, private),
                _ => {}
            }
        }
        _ => {}
    }
}

//! The home screen: sessions and methods.

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::tr;
use crate::model::Timestamp;
use crate::t;

pub(crate) fn home_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    match app.home.pane {
        HomePane::Sessions => {
            let rows = app.home.rows();
            if move_sel(&mut app.home.selected, rows, action) {
                return;
            }
        }
        HomePane::Methods => {
            let n = app.library.methods.len();
            if move_sel(&mut app.home.method, n, action) {
                app.home.method_scroll = 0;
                return;
            }
        }
    }
    match action {
        Action::NextPane | Action::PrevPane | Action::Right | Action::Left => {
            app.home.pane = match (app.home.pane, action) {
                (HomePane::Sessions, Action::Left) => HomePane::Sessions,
                (HomePane::Methods, Action::Right) => HomePane::Methods,
                (HomePane::Sessions, _) => HomePane::Methods,
                (HomePane::Methods, _) => HomePane::Sessions,
            };
        }
        Action::OpenDemo => fx.push(Effect::OpenDemo),
        Action::NewSession => new_session_field(app),
        Action::ForgetSession if app.home.pane == HomePane::Sessions => forget(app, now, fx),
        Action::Select if app.home.pane == HomePane::Sessions => match app.home.selected {
            0 => fx.push(Effect::OpenDemo),
            1 => new_session_field(app),
            i => {
                if let Some(e) = app.home.sessions.get(i - HomeState::FIXED_ROWS) {
                    fx.push(Effect::Open {
                        path: e.path.clone(),
                        read_only: false,
                    });
                }
            }
        },
        Action::Select | Action::Back if app.home.pane == HomePane::Methods => {
            app.home.pane = HomePane::Sessions;
        }
        Action::Back if app.doc.is_some() => app.screen = Screen::Facilitate,
        _ => {}
    }
}

/// A home entry's file name.
fn file_name(e: &crate::store::SessionEntry) -> String {
    e.path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What a home entry is called in a message: its title, else its file's name.
fn title(e: &crate::store::SessionEntry) -> String {
    if e.title.is_empty() {
        file_name(e)
    } else {
        e.title.clone()
    }
}

/// `d`: the selected session leaves the list (its file stays), kept so by
/// an effect; `u` as the next key puts it back ([`undo_forget`]).
fn forget(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(i) = app.home.selected.checked_sub(HomeState::FIXED_ROWS) else {
        return;
    };
    if i >= app.home.sessions.len() {
        return;
    }
    let e = app.home.sessions.remove(i);
    app.home.hidden.push(e.path.clone());
    app.home.selected = app.home.selected.min(app.home.rows().saturating_sub(1));
    fx.push(Effect::HideSessions(app.home.hidden.clone()));
    let key = app
        .keymap
        .key_for(crate::app::keymap::Context::Global, Action::Undo)
        .map_or_else(|| "u".to_owned(), |k| crate::i18n::key_label(app.lang, &k));
    let text = t!(
        app.lang,
        "home-forgotten",
        title = title(&e),
        file = file_name(&e),
        key = key
    );
    app.home.forgotten = Some((i, e));
    say(app, text, now);
}

/// Any key on home ends the chance to undo `d`; `u` right after it puts the
/// entry back where it was. True when the key was that `u`.
pub(crate) fn undo_forget(
    app: &mut App,
    action: Action,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> bool {
    let Some((i, e)) = app.home.forgotten.take() else {
        return false;
    };
    if action != Action::Undo {
        return false;
    }
    app.home.hidden.retain(|p| p != &e.path);
    fx.push(Effect::HideSessions(app.home.hidden.clone()));
    let text = t!(app.lang, "home-restored", title = title(&e));
    let i = i.min(app.home.sessions.len());
    app.home.sessions.insert(i, e);
    app.home.selected = i + HomeState::FIXED_ROWS;
    app.home.pane = HomePane::Sessions;
    say(app, text, now);
    true
}

pub(crate) fn new_session_field(app: &mut App) {
    let title = tr(app.lang, "field-new-session");
    open_field(app, FieldPurpose::NewSessionTitle, &title, "");
}

/// Enter on the new session's title: the template picker opens.
pub(crate) fn submit_title(app: &mut App, field: TextField, value: String, now: Timestamp) {
    let lang = app.lang;
    if value.is_empty() {
        warn(app, tr(lang, "msg-session-needs-title"), now);
        app.field = Some(field);
        return;
    }
    let mut items = vec![tr(lang, "picker-empty-agenda")];
    items.extend(app.library.templates.iter().map(|t| {
        let minutes: u32 = app
            .library
            // Only the minutes are read: the ids are thrown away.
            .agenda(t, lang, &mut crate::model::Ids::seeded(0))
            .map(|a| a.iter().map(|s| s.planned_minutes()).sum())
            .unwrap_or(0);
        format!(
            "{}  ({}h{:02})",
            t.name.get(lang),
            minutes / 60,
            minutes % 60
        )
    }));
    app.picker = Some(Picker::new(
        PickPurpose::Template { title: value },
        tr(lang, "picker-template"),
        items,
        0,
    ));
}

/// A template was chosen: the session is created.
pub(crate) fn pick_template(app: &mut App, title: String, selected: usize, fx: &mut Vec<Effect>) {
    let template = selected
        .checked_sub(1)
        .and_then(|i| app.library.templates.get(i))
        .map(|t| t.id.clone());
    fx.push(Effect::Create { title, template });
}

//! The home screen: sessions and methods.

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::tr;
use crate::model::Timestamp;

pub(crate) fn home_action(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
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
    app.picker = Some(Picker {
        purpose: PickPurpose::Template { title: value },
        title: tr(lang, "picker-template"),
        items,
        selected: 0,
    });
}

/// A template was chosen: the session is created.
pub(crate) fn pick_template(app: &mut App, title: String, selected: usize, fx: &mut Vec<Effect>) {
    let template = selected
        .checked_sub(1)
        .and_then(|i| app.library.templates.get(i))
        .map(|t| t.id.clone());
    fx.push(Effect::Create { title, template });
}

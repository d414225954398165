//! The session as a whole: quit, save now, save as, suspend, help, home.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::effect::Effect;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::tr;
use crate::model::Timestamp;
use crate::t;

/// The keys that work on every screen; false when `action` is not one.
pub(crate) fn action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) -> bool {
    match action {
        Action::Suspend => {
            fx.push(Effect::Suspend);
            true
        }
        Action::Help => {
            app.help = true;
            app.help_scroll = 0;
            true
        }
        Action::Quit => {
            let failed = app.doc.as_ref().and_then(|d| match &d.save {
                SaveStatus::Failed(e) if d.saved_generation < d.generation => Some(e.clone()),
                _ => None,
            });
            if let Some(e) = failed
                && !app.quit_armed
            {
                app.quit_armed = true;
                let text = t!(app.lang, "msg-quit-unsaved", error = e);
                warn(app, text, now);
                return true;
            }
            // Stickies from phones not yet reviewed are not in the session.
            if !app.pending.is_empty() && !app.quit_armed {
                app.quit_armed = true;
                let text = t!(app.lang, "msg-quit-pending", n = app.pending.len() as i64);
                warn(app, text, now);
                return true;
            }
            app.quit = true;
            fx.push(Effect::Quit);
            true
        }
        Action::SaveAs => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_none()) {
                let suggestion = app
                    .doc
                    .as_ref()
                    .map(|d| suggest_save_as(&app.ctx, &d.path))
                    .unwrap_or_default();
                let title = tr(app.lang, "field-save-as");
                open_field(app, FieldPurpose::SaveAs, &title, &suggestion);
            } else if app.doc.is_some() {
                // Read-only: a copy can still be saved elsewhere.
                let suggestion = app
                    .doc
                    .as_ref()
                    .map(|d| suggest_save_as(&app.ctx, &d.path))
                    .unwrap_or_default();
                let title = tr(app.lang, "field-save-copy-as");
                open_field(app, FieldPurpose::SaveAs, &title, &suggestion);
            }
            true
        }
        Action::SaveNow => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                let text = tr(app.lang, "msg-read-only-nothing-to-save");
                warn(app, text, now);
            } else if let Some(doc) = app.doc.as_mut() {
                doc.save = SaveStatus::Saving;
                fx.push(Effect::SaveNow);
            }
            true
        }
        Action::GoHome => {
            go_home(app, fx);
            true
        }
        _ => false,
    }
}

/// A place to save to when the session's own folder fails: the home folder.
fn suggest_save_as(ctx: &Ctx, path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session.ron".into());
    ctx.home_or_here().join(name).display().to_string()
}

/// Enter on the save-as field.
pub(crate) fn submit_save_as(app: &mut App, value: String, now: Timestamp, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    if value.is_empty() {
        return;
    }
    let path = app.ctx.typed_path(&value);
    say(
        app,
        t!(lang, "msg-saving-to", path = path.display().to_string()),
        now,
    );
    fx.push(Effect::SaveAs(path));
}

/// A file is already where save-as was to write: the field opens again,
/// holding the path, to be changed.
pub(crate) fn taken(app: &mut App, path: std::path::PathBuf, now: Timestamp) {
    let shown = path.display().to_string();
    let title = if app.doc.as_ref().is_some_and(|d| d.read_only.is_none()) {
        tr(app.lang, "field-save-as")
    } else {
        tr(app.lang, "field-save-copy-as")
    };
    open_field(app, FieldPurpose::SaveAs, &title, &shown);
    let text = t!(app.lang, "msg-path-exists", path = shown);
    warn(app, text, now);
}

//! `update(app, msg, now) -> effects`: the only place state changes.
//! Pure: no I/O, no clock; time comes in as `now`, and whatever must touch
//! the world goes out as an [`Effect`].

use super::action::{Action, Msg, SaveReport};
use super::board;
use super::drafts::{self, DraftKey, NotePart};
use super::state::*;
use crate::i18n::{self, tr};
use crate::model::{
    Id, Note, NoteKind, Origin, Participant, Role, Session, StepPos, Timer, Timestamp,
};
use crate::t;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use std::path::PathBuf;
use std::sync::Arc;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

/// Work for the run loop: everything that touches disk, terminal or clock.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// The session changed: save it in the background.
    Save,
    /// Save now and report (Ctrl-s).
    SaveNow,
    /// Ring the terminal bell.
    Bell,
    /// Open a session file.
    Open {
        path: PathBuf,
        read_only: bool,
    },
    /// Create a session and open it.
    Create {
        title: String,
        template: Option<String>,
    },
    OpenDemo,
    /// Close the open session (after its last save).
    Close,
    /// Reread the list of sessions.
    RefreshSessions,
    /// Save the session to another path from now on (or a copy, when read-only).
    SaveAs(PathBuf),
    /// Stop the process (Ctrl-z) and restore the terminal on resume.
    Suspend,
    /// A review comment was added: write the comments section only.
    SaveComments,
    /// Write an export of the open session (in the background).
    Export {
        format: crate::export::Format,
        anonymize: bool,
        /// Keep private notes and stickies.
        include_private: bool,
        path: PathBuf,
    },
    /// Copy a file (or a folder's media) into the session's media folder.
    Attach {
        path: PathBuf,
        to: Option<Id>,
    },
    /// List the completions of a path typed in a field.
    Complete(String),
    /// Start collecting stickies from phones (see `app::collect`).
    StartCollect {
        prompt: String,
        step_title: String,
        lang: String,
        anonymous_only: bool,
    },
    /// Stop collecting: the port closes.
    StopCollect,
    /// The current step changed while collecting: the page follows.
    CollectPrompt {
        step_title: String,
        prompt: String,
    },
    /// Hide (true) or show the page's name field.
    CollectAnonymous(bool),
    Quit,
}

const MESSAGE_SECONDS: i64 = 6;
const FLASH_SECONDS: i64 = 3;

pub fn update(app: &mut App, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let mut fx = Vec::new();
    app.now = now;
    match msg {
        Msg::Tick | Msg::Resize => tick(app, now, &mut fx),
        Msg::Saved(report) => saved(app, report),
        Msg::Paste(text) => paste(app, &text, now, &mut fx),
        Msg::Key(key) => key_input(app, key, now, &mut fx),
        Msg::Do(action) => act(app, action, now, &mut fx),
        Msg::Incoming(items) => super::collect::incoming(app, items, now, &mut fx),
        Msg::Collecting(result) => super::collect::started(app, result, now),
        Msg::Attached(result) => super::evidence::attached(app, result, now, &mut fx),
        Msg::Completed(prefix, matches) => super::evidence::completed(app, prefix, matches, now),
        Msg::Drafts(recovered) => app.drafts.restore(recovered),
        Msg::Closing => keep_open_drafts(app),
    }
    super::collect::follow_step(app, &mut fx);
    board::refresh_index(app);
    journal_sections(app);
    journal_drafts(app);
    if let Some(m) = &app.message
        && m.at.seconds_until(now) > MESSAGE_SECONDS
    {
        app.message = None;
    }
    fx
}

/// Queue the small sections for the crash journal when they changed.
fn journal_sections(app: &mut App) {
    use crate::store::journal::{Record, Sections};
    let Some(doc) = app.doc.as_ref() else { return };
    if doc.read_only.is_some() {
        return;
    }
    let s = doc.session();
    if app.journaled.as_ref().is_some_and(|j| j.same_as(s)) {
        return;
    }
    let sections = Sections::of(s);
    if app.journaled.is_some() {
        app.outbox
            .push((doc.generation, Record::Sections(Box::new(sections.clone()))));
    }
    app.journaled = Some(sections);
}

/// Queue the session's drafts for the crash journal when they changed.
fn journal_drafts(app: &mut App) {
    let Some(generation) = app.doc.as_ref().map(|d| d.generation) else {
        return;
    };
    if let Some(drafts) = app.drafts.unjournaled() {
        app.outbox
            .push((generation, crate::store::journal::Record::Drafts(drafts)));
    }
}

/// Leaving with fields open: keep what they hold, as Esc would (they stay
/// open, in case leaving is refused).
fn keep_open_drafts(app: &mut App) {
    if let Some(f) = app.field.as_ref() {
        app.drafts.close(&f.draft, f.input.value(), &f.initial);
    }
    if let Some(c) = app.capture.as_ref() {
        app.drafts.close(&DraftKey::capture(), c.input.value(), "");
    }
    if let (Some(ed), Some(s)) = (app.editor.as_ref(), app.doc.as_ref().map(|d| d.session())) {
        let parts = note_parts(s, ed);
        close_note(&mut app.drafts, ed, &parts);
    }
}

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

/// The session, for a change: refused (with a message) when read-only.
/// Every call marks the session changed.
pub(crate) fn edit<'a>(
    app: &'a mut App,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> Option<&'a mut Session> {
    let reason = app.doc.as_ref()?.read_only.clone();
    if let Some(why) = reason {
        let text = t!(app.lang, "msg-read-only", why = why);
        warn(app, text, now);
        return None;
    }
    let doc = app.doc.as_mut()?;
    doc.generation += 1;
    doc.save = SaveStatus::Saving;
    fx.push(Effect::Save);
    Some(Arc::make_mut(&mut doc.session))
}

fn tick(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(s) = app.session() else { return };
    if let Timer::Running { deadline } = s.run.timer
        && now >= deadline
    {
        let step = s.run.step.clone().unwrap_or_default();
        if app.facilitate.rang_for.as_ref() != Some(&(step.clone(), deadline)) {
            app.facilitate.rang_for = Some((step, deadline));
            app.facilitate.flash_until = Some(now.plus_seconds(FLASH_SECONDS));
            fx.push(Effect::Bell);
        }
    }
    if app.facilitate.flash_until.is_some_and(|t| now >= t) {
        app.facilitate.flash_until = None;
    }
}

fn saved(app: &mut App, report: SaveReport) {
    let Some(doc) = app.doc.as_mut() else { return };
    doc.save = match &report {
        SaveReport::Saved(at) => SaveStatus::Saved(Some(*at)),
        SaveReport::Conflict(text) => SaveStatus::Conflict(text.clone()),
        SaveReport::Failed(text) => SaveStatus::Failed(text.clone()),
    };
    app.last_save_report = Some(report);
}

/// Typed text arrives without its line ends' carriage returns.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn paste(app: &mut App, text: &str, _now: Timestamp, _fx: &mut Vec<Effect>) {
    let text = clean(text);
    if app.capture.is_some() && app.field.is_none() {
        board::capture_paste(app, &text, _now, _fx);
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

fn key_input(app: &mut App, key: KeyEvent, now: Timestamp, fx: &mut Vec<Effect>) {
    if app.field.is_none() && app.editor.is_none() {
        if app.capture.is_some() {
            return board::capture_key(app, key, now, fx);
        }
        if app.search.editing {
            return board::search_key(app, key);
        }
    }
    if app.field.is_some() {
        if key.code == KeyCode::Enter {
            submit_field(app, now, fx);
        } else if let Some(field) = app.field.as_mut()
            && let Some(req) = to_input_request(&Event::Key(key))
        {
            field.input.handle(req);
        }
        return;
    }
    let Some(ed) = app.editor.as_mut() else {
        return;
    };
    match ed.field {
        EditorField::Text => {
            ed.text.input(key);
        }
        EditorField::Tags => {
            if key.code == KeyCode::Enter {
                submit_editor(app, now, fx);
            } else if let Some(req) = to_input_request(&Event::Key(key)) {
                ed.tags.handle(req);
            }
        }
        EditorField::Kind => match key.code {
            KeyCode::Left | KeyCode::Up => ed.kind = cycle(&NoteKind::ALL, ed.kind, -1),
            KeyCode::Right | KeyCode::Down | KeyCode::Char(' ') => {
                ed.kind = cycle(&NoteKind::ALL, ed.kind, 1)
            }
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let i = c.to_digit(10).unwrap_or(0) as usize;
                if let Some(k) = i.checked_sub(1).and_then(|i| NoteKind::ALL.get(i)) {
                    ed.kind = *k;
                }
            }
            KeyCode::Char(c) => {
                // The first letter of the kind's name, accents ignored.
                let c = crate::model::text::fold(&c.to_string());
                if let Some(k) = NoteKind::ALL.iter().find(|k| {
                    crate::model::text::fold(&i18n::note_kind(app.lang, **k)).starts_with(&c)
                }) {
                    ed.kind = *k;
                }
            }
            KeyCode::Enter => submit_editor(app, now, fx),
            _ => {}
        },
        EditorField::Author => {
            let n = app.session().map_or(0, |s| s.participants.len()) + 1;
            let Some(ed) = app.editor.as_mut() else {
                return;
            };
            match key.code {
                KeyCode::Left | KeyCode::Up => ed.author = (ed.author + n - 1) % n,
                KeyCode::Right | KeyCode::Down | KeyCode::Char(' ') => {
                    ed.author = (ed.author + 1) % n
                }
                KeyCode::Enter => submit_editor(app, now, fx),
                _ => {}
            }
        }
    }
}

fn cycle<T: Copy + PartialEq>(all: &[T], current: T, step: isize) -> T {
    let n = all.len() as isize;
    let i = all.iter().position(|x| *x == current).unwrap_or(0) as isize;
    all[((i + step).rem_euclid(n)) as usize]
}

fn act(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    // A quit to confirm is confirmed by the very next key only.
    if action != Action::Quit {
        app.quit_armed = false;
    }
    if app.help {
        match action {
            Action::Help | Action::Back | Action::Cancel | Action::Quit => app.help = false,
            Action::Down | Action::PageDown => {
                app.help_scroll =
                    app.help_scroll
                        .saturating_add(if action == Action::Down { 1 } else { 10 })
            }
            Action::Up | Action::PageUp => {
                app.help_scroll =
                    app.help_scroll
                        .saturating_sub(if action == Action::Up { 1 } else { 10 })
            }
            Action::Top => app.help_scroll = 0,
            _ => {}
        }
        return;
    }
    if app.field.is_some() {
        match action {
            Action::Cancel | Action::Back => close_field(app, now),
            Action::Submit => submit_field(app, now, fx),
            Action::NextField => {
                if let Some(f) = app.field.as_ref()
                    && matches!(f.purpose, FieldPurpose::Attach(_))
                {
                    fx.push(Effect::Complete(f.input.value().to_owned()));
                }
            }
            _ => {}
        }
        return;
    }
    if app.editor.is_some() {
        editor_action(app, action, now, fx);
        return;
    }
    if app.picker.is_some() {
        picker_action(app, action, now, fx);
        return;
    }
    if app.tray.is_some() && super::collect::tray_action(app, action, now, fx) {
        return;
    }
    if app.capture.is_some() {
        board::capture_action(app, action, now, fx);
        return;
    }
    if app.search.editing {
        board::search_action(app, action);
        return;
    }
    if app.board.results {
        board::results_action(app, action);
        return;
    }
    if app.suggest.is_some() {
        super::suggest::action(app, action, now, fx);
        return;
    }
    if app.conflicts.is_some() {
        super::conflicts::action(app, action, now, fx);
        return;
    }
    match action {
        Action::Suspend => {
            fx.push(Effect::Suspend);
            return;
        }
        Action::Help => {
            app.help = true;
            app.help_scroll = 0;
            return;
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
                return;
            }
            // Stickies from phones not yet reviewed are not in the session.
            if !app.pending.is_empty() && !app.quit_armed {
                app.quit_armed = true;
                let text = t!(app.lang, "msg-quit-pending", n = app.pending.len() as i64);
                warn(app, text, now);
                return;
            }
            app.quit = true;
            fx.push(Effect::Quit);
            return;
        }
        Action::SaveAs => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_none()) {
                let suggestion = app
                    .doc
                    .as_ref()
                    .map(|d| suggest_save_as(&d.path))
                    .unwrap_or_default();
                let title = tr(app.lang, "field-save-as");
                open_field(app, FieldPurpose::SaveAs, &title, &suggestion);
            } else if app.doc.is_some() {
                // Read-only: a copy can still be saved elsewhere.
                let suggestion = app
                    .doc
                    .as_ref()
                    .map(|d| suggest_save_as(&d.path))
                    .unwrap_or_default();
                let title = tr(app.lang, "field-save-copy-as");
                open_field(app, FieldPurpose::SaveAs, &title, &suggestion);
            }
            return;
        }
        Action::SaveNow => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                let text = tr(app.lang, "msg-read-only-nothing-to-save");
                warn(app, text, now);
            } else if app.doc.is_some() {
                fx.push(Effect::SaveNow);
            }
            return;
        }
        Action::GoHome => {
            go_home(app, fx);
            return;
        }
        _ => {}
    }
    if app.doc.is_some() {
        match action {
            Action::GoSetup => return app.screen = Screen::Setup,
            Action::GoFacilitate => return app.screen = Screen::Facilitate,
            Action::GoNotes => return app.screen = Screen::Notes,
            Action::Projector if app.screen != Screen::Projector => {
                app.previous = app.screen;
                app.screen = Screen::Projector;
                return;
            }
            Action::NewNote => return open_note_editor(app, None, now),
            Action::NewSticky => return board::open_capture(app, now),
            Action::GoBoard => return app.screen = Screen::Board,
            Action::Comment => return open_comment(app),
            Action::Conflicts => return super::conflicts::open(app, now),
            Action::Attach
            | Action::EditPrototype
            | Action::NewPrototype
            | Action::Verdict
            | Action::Feedback
            | Action::NextPrototype
                if super::evidence::action(app, action, now, fx) =>
            {
                return;
            }
            Action::Export => return open_export(app),
            Action::TogglePrivate if matches!(app.screen, Screen::Board | Screen::Notes) => {
                return super::private::toggle(app, now, fx);
            }
            Action::Undo => return board::undo(app, now, fx, false),
            Action::Redo => return board::undo(app, now, fx, true),
            Action::Collect => return super::collect::toggle(app, now, fx),
            Action::OpenTray => return super::collect::open_tray(app),
            Action::Search if matches!(app.screen, Screen::Board | Screen::Notes) => {
                return board::open_search(app);
            }
            _ => {}
        }
    }
    match app.screen {
        Screen::Home => home_action(app, action, fx),
        Screen::Setup => setup_action(app, action, now, fx),
        Screen::Facilitate => facilitate_action(app, action, now, fx),
        Screen::Projector => projector_action(app, action, now, fx),
        Screen::Notes => notes_action(app, action, now, fx),
        Screen::Board => board::board_action(app, action, now, fx),
    }
}

pub(crate) fn open_comment_pub(app: &mut App) {
    open_comment(app)
}

/// A review comment about the selected sticky or note (or the session).
fn open_comment(app: &mut App) {
    let about = match app.screen {
        Screen::Board => board::selected_sticky(app)
            .and_then(|i| app.session().map(|s| s.stickies[i].id.clone())),
        Screen::Notes => app
            .visible_notes()
            .get(app.notes.selected)
            .and_then(|&i| app.session().map(|s| s.notes[i].id.clone())),
        _ => None,
    };
    let title = if about.is_some() {
        tr(app.lang, "field-comment-item")
    } else {
        tr(app.lang, "field-comment-session")
    };
    open_field(app, FieldPurpose::Comment(about), &title, "");
}

/// The export formats offered, in the picker's order: (format, anonymized).
pub const EXPORTS: [(crate::export::Format, bool); 10] = {
    use crate::export::Format::*;
    [
        (Html, false),
        (Md, false),
        (Csv, false),
        (Json, false),
        (Svg, false),
        (Html, true),
        (Md, true),
        (Csv, true),
        (Json, true),
        (Svg, true),
    ]
};

/// How the export picker names a format, in `lang`.
pub fn export_label(lang: &str, format: crate::export::Format, anonymize: bool) -> String {
    use crate::export::Format::*;
    match (format, anonymize) {
        (Html, false) => tr(lang, "export-html"),
        (Md, false) => tr(lang, "export-md"),
        (Csv, false) => tr(lang, "export-csv"),
        (Json, false) => tr(lang, "export-json"),
        (Svg, false) => tr(lang, "export-svg"),
        (Html, true) => tr(lang, "export-html-anonymized"),
        (Md, true) => tr(lang, "export-md-anonymized"),
        (Csv, true) => tr(lang, "export-csv-anonymized"),
        (Json, true) => tr(lang, "export-json-anonymized"),
        (Svg, true) => tr(lang, "export-svg-anonymized"),
        (Runsheet, _) => tr(lang, "export-runsheet"),
    }
}

fn open_export(app: &mut App) {
    let lang = app.lang;
    let mut items: Vec<String> = EXPORTS
        .iter()
        .map(|(format, anonymize)| export_label(lang, *format, *anonymize))
        .collect();
    // Private items are left out unless this last row says otherwise.
    items.extend(super::private::export_row(app, false));
    app.picker = Some(Picker {
        purpose: PickPurpose::Export { private: false },
        title: tr(lang, "picker-export"),
        items,
        selected: 0,
    });
}

/// Where an export goes by default: beside the session, with the format's
/// extension (`-anonymized` added when it is).
fn export_path(app: &App, format: crate::export::Format, anonymize: bool, private: bool) -> String {
    let Some(doc) = app.doc.as_ref() else {
        return String::new();
    };
    let mut p = crate::export::cli::default_output(&doc.path, format);
    for (yes, suffix) in [(anonymize, "-anonymized"), (private, "-private")] {
        if yes && let Some(stem) = p.file_stem().map(|s| s.to_string_lossy().into_owned()) {
            p.set_file_name(format!("{stem}{suffix}.{}", format.extension()));
        }
    }
    p.display().to_string()
}

/// A place to save to when the session's own folder fails: the home folder.
fn suggest_save_as(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session.ron".into());
    let dir = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    dir.join(name).display().to_string()
}

fn go_home(app: &mut App, fx: &mut Vec<Effect>) {
    app.screen = Screen::Home;
    fx.push(Effect::RefreshSessions);
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

// ---------------------------------------------------------------- home

fn home_action(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
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

fn new_session_field(app: &mut App) {
    let title = tr(app.lang, "field-new-session");
    open_field(app, FieldPurpose::NewSessionTitle, &title, "");
}

// ---------------------------------------------------------------- fields

fn open_field(app: &mut App, purpose: FieldPurpose, title: &str, value: &str) {
    app.field = Some(drafts::field(&app.drafts, purpose, title.into(), value));
}

/// Esc on a field: what was typed is kept as a draft (and the status line
/// says which key continues it).
fn close_field(app: &mut App, now: Timestamp) {
    let Some(f) = app.field.take() else { return };
    if app.drafts.close(&f.draft, f.input.value(), &f.initial) {
        let text = drafts::kept_message(app, drafts::reopened_by(&f.purpose));
        say(app, text, now);
    }
}

/// Enter on a field: its draft is cleared once the text is taken, and kept
/// when the field closes on a refusal (read-only, a value that does not
/// parse), so the text can be fixed instead of typed again.
fn submit_field(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
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

fn submit_field_text(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(field) = app.field.take() else {
        return;
    };
    let value = field.input.value().trim().to_owned();
    if board::submit_board_field(app, &field.purpose, &value, now, fx) {
        return;
    }
    let lang = app.lang;
    match field.purpose {
        FieldPurpose::ExportTo(format, anonymize, include_private) => {
            if value.is_empty() {
                return;
            }
            let path = match value.strip_prefix("~/") {
                Some(rest) => std::env::var_os("HOME")
                    .map_or_else(|| PathBuf::from(&value), |h| PathBuf::from(h).join(rest)),
                None => PathBuf::from(&value),
            };
            if app.doc.as_ref().is_some_and(|d| d.path == path) {
                warn(app, tr(lang, "msg-export-is-session"), now);
                app.field = Some(field);
                return;
            }
            say(
                app,
                t!(lang, "msg-exporting", path = path.display().to_string()),
                now,
            );
            fx.push(Effect::Export {
                format,
                anonymize,
                include_private,
                path,
            });
        }
        FieldPurpose::SuggestionTitle(i) => super::suggest::accept(app, i, Some(value), now, fx),
        FieldPurpose::Attach(_)
        | FieldPurpose::PrototypeName
        | FieldPurpose::PrototypeTests(_)
        | FieldPurpose::PrototypeHypothesis(_)
        | FieldPurpose::PrototypeFeedback(_) => {
            super::evidence::submit(app, &field.purpose, &value, now, fx);
        }
        FieldPurpose::SaveAs => {
            if value.is_empty() {
                return;
            }
            let path = match value.strip_prefix("~/") {
                Some(rest) => std::env::var_os("HOME")
                    .map_or_else(|| PathBuf::from(&value), |h| PathBuf::from(h).join(rest)),
                None => PathBuf::from(&value),
            };
            if path.exists() {
                warn(
                    app,
                    t!(lang, "msg-path-exists", path = path.display().to_string()),
                    now,
                );
                app.field = Some(field);
                return;
            }
            say(
                app,
                t!(lang, "msg-saving-to", path = path.display().to_string()),
                now,
            );
            fx.push(Effect::SaveAs(path));
        }
        FieldPurpose::Comment(about) => {
            if value.is_empty() {
                return;
            }
            let comment = crate::model::Comment {
                id: Id::new(),
                about,
                author: std::env::var("USER").unwrap_or_default(),
                text: value,
                time: now,
            };
            let review = app.doc.as_ref().is_some_and(|d| d.review);
            if review {
                // Review mode: the workshop stays untouched; only the
                // comments section of the file is written.
                let Some(s) = app.doc.as_mut().map(|d| Arc::make_mut(&mut d.session)) else {
                    return;
                };
                s.comments.push(comment);
                fx.push(Effect::SaveComments);
            } else {
                let Some(s) = edit(app, now, fx) else { return };
                s.comments.push(comment);
            }
            say(app, tr(lang, "msg-comment-added"), now);
        }
        FieldPurpose::NewSessionTitle => {
            if value.is_empty() {
                warn(app, tr(lang, "msg-session-needs-title"), now);
                app.field = Some(field);
                return;
            }
            let mut items = vec![tr(lang, "picker-empty-agenda")];
            items.extend(app.library.templates.iter().map(|t| {
                let minutes: u32 = app
                    .library
                    .agenda(t, lang)
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
        FieldPurpose::Detail(DetailField::TimeZone)
            if crate::model::Zone::find(&value).is_err() =>
        {
            super::zone::refuse(app, field, &value, now);
        }
        FieldPurpose::Detail(d) => {
            let Some(s) = edit(app, now, fx) else { return };
            match s.set_detail(d, &value, lang) {
                Ok(()) => {}
                Err(e) => {
                    warn(app, e, now);
                    app.field = Some(field);
                }
            }
        }
        FieldPurpose::NewParticipant => {
            if value.is_empty() {
                return;
            }
            let Some(s) = edit(app, now, fx) else { return };
            s.participants.push(Participant {
                id: Id::new(),
                name: value,
                role: Role::CivilServant,
                organisation: String::new(),
            });
            let n = s.participants.len();
            app.setup.participant = n - 1;
            say(app, tr(lang, "msg-participant-added"), now);
        }
        FieldPurpose::ParticipantName(id) => {
            if value.is_empty() {
                return;
            }
            let Some(s) = edit(app, now, fx) else { return };
            if let Some(p) = s.participants.iter_mut().find(|p| p.id == id) {
                p.name = value;
            }
        }
        FieldPurpose::StageTitle(id) => {
            let Some(s) = edit(app, now, fx) else { return };
            if let Some(st) = s.agenda.iter_mut().find(|st| st.id == id)
                && !value.is_empty()
            {
                st.title = value;
            }
        }
        FieldPurpose::StepTitle(id) => {
            let Some(s) = edit(app, now, fx) else { return };
            if let Some(step) = s.step_mut(&id)
                && !value.is_empty()
            {
                step.title = value;
            }
        }
        FieldPurpose::StepPrompt(id) => {
            let Some(s) = edit(app, now, fx) else { return };
            if let Some(step) = s.step_mut(&id) {
                step.prompt = value;
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- picker

fn picker_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(p) = app.picker.as_mut() else { return };
    if move_sel(&mut p.selected, p.items.len(), action) {
        return;
    }
    match action {
        Action::Cancel | Action::Back => app.picker = None,
        Action::Submit | Action::Select => {
            let Some(p) = app.picker.take() else { return };
            if board::submit_board_pick(app, &p.purpose, p.selected, now, fx) {
                return;
            }
            match p.purpose {
                PickPurpose::Template { title } => {
                    let template = p
                        .selected
                        .checked_sub(1)
                        .and_then(|i| app.library.templates.get(i))
                        .map(|t| t.id.clone());
                    fx.push(Effect::Create { title, template });
                }
                PickPurpose::Method { after } => {
                    let Some(m) = app.library.methods.get(p.selected).cloned() else {
                        return;
                    };
                    let lang = app
                        .session()
                        .and_then(|s| s.language.clone())
                        .unwrap_or_else(|| app.lang.to_owned());
                    let Some(s) = edit(app, now, fx) else { return };
                    let at = after.map_or(s.agenda.len(), |i| (i + 1).min(s.agenda.len()));
                    s.agenda.insert(at, m.to_stage(&lang));
                    let row = app
                        .agenda_rows()
                        .iter()
                        .position(|r| *r == AgendaRow::Stage(at))
                        .unwrap_or(0);
                    app.setup.agenda_row = row;
                    let text = t!(app.lang, "msg-method-added", name = m.name.get(&lang));
                    say(app, text, now);
                }
                PickPurpose::Export { private } => {
                    let Some((format, anonymize)) = EXPORTS.get(p.selected).copied() else {
                        // The last row: private items in, or out.
                        return super::private::export_toggled(app, p, !private);
                    };
                    let path = export_path(app, format, anonymize, private);
                    let title = tr(app.lang, "field-export-to");
                    open_field(
                        app,
                        FieldPurpose::ExportTo(format, anonymize, private),
                        &title,
                        &path,
                    );
                }
                _ => {}
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- setup

fn setup_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    match action {
        Action::NextPane | Action::PrevPane => {
            let i = SetupTab::ALL
                .iter()
                .position(|t| *t == app.setup.tab)
                .unwrap_or(0);
            let n = SetupTab::ALL.len();
            let j = if action == Action::NextPane {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            app.setup.tab = SetupTab::ALL[j];
            return;
        }
        Action::Back => {
            app.screen = Screen::Facilitate;
            return;
        }
        _ => {}
    }
    match app.setup.tab {
        SetupTab::Details => details_action(app, action, now, fx),
        SetupTab::Participants => participants_action(app, action, now, fx),
        SetupTab::Agenda => agenda_action(app, action, now, fx),
    }
}

fn details_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    if move_sel(&mut app.setup.detail, DetailField::ALL.len(), action) {
        return;
    }
    let field = DetailField::ALL[app.setup.detail.min(DetailField::ALL.len() - 1)];
    match (field, action) {
        (DetailField::Origin, Action::Select | Action::Cycle | Action::Right | Action::Edit) => {
            if let Some(s) = edit(app, now, fx) {
                s.challenge.origin = cycle(&Origin::ALL, s.challenge.origin, 1);
            }
        }
        (DetailField::Origin, Action::CycleBack | Action::Left) => {
            if let Some(s) = edit(app, now, fx) {
                s.challenge.origin = cycle(&Origin::ALL, s.challenge.origin, -1);
            }
        }
        (
            DetailField::Language,
            Action::Select
            | Action::Cycle
            | Action::CycleBack
            | Action::Right
            | Action::Left
            | Action::Edit,
        ) => {
            if let Some(s) = edit(app, now, fx) {
                s.language = Some(
                    if s.language.as_deref() == Some("fr") {
                        "en"
                    } else {
                        "fr"
                    }
                    .into(),
                );
            }
        }
        (_, Action::Select | Action::Edit) => {
            let Some(s) = app.session() else { return };
            let value = s.detail_text(field);
            let title = t!(
                app.lang,
                "field-detail",
                field = i18n::detail(app.lang, field)
            );
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                edit(app, now, fx);
                return;
            }
            open_field(app, FieldPurpose::Detail(field), &title, &value);
        }
        _ => {}
    }
}

fn participants_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let n = app.session().map_or(0, |s| s.participants.len());
    if move_sel(&mut app.setup.participant, n, action) {
        return;
    }
    let sel = app.setup.participant;
    let selected_id = app
        .session()
        .and_then(|s| s.participants.get(sel))
        .map(|p| (p.id.clone(), p.name.clone()));
    match action {
        Action::Add => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                edit(app, now, fx);
                return;
            }
            let title = tr(app.lang, "field-new-participant");
            open_field(app, FieldPurpose::NewParticipant, &title, "");
        }
        Action::Edit | Action::Select => {
            if let Some((id, name)) = selected_id {
                if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                    edit(app, now, fx);
                    return;
                }
                let title = tr(app.lang, "field-participant-name");
                open_field(app, FieldPurpose::ParticipantName(id), &title, &name);
            }
        }
        Action::Cycle | Action::CycleBack | Action::Right | Action::Left => {
            let step = if matches!(action, Action::Cycle | Action::Right) {
                1
            } else {
                -1
            };
            if selected_id.is_some()
                && let Some(s) = edit(app, now, fx)
                && let Some(p) = s.participants.get_mut(sel)
            {
                p.role = cycle(&Role::ALL, p.role, step);
            }
        }
        Action::Delete => {
            let Some((id, name)) = selected_id else {
                return;
            };
            let Some((ops, cleared)) = app.session().map(|s| s.remove_participant(&id)) else {
                return;
            };
            let lang = app.lang;
            let label = t!(lang, "undo-removed-participant", name = name.as_str());
            if !board::commit(app, label, ops, now, fx) {
                return;
            }
            app.setup.participant = sel.min(n.saturating_sub(2));
            let text = if cleared > 0 {
                t!(
                    lang,
                    "msg-participant-removed-orphans",
                    name = name,
                    n = cleared
                )
            } else {
                t!(lang, "msg-participant-removed", name = name)
            };
            say(app, text, now);
        }
        Action::MoveUp | Action::MoveDown => {
            let to = if action == Action::MoveUp {
                sel.checked_sub(1)
            } else {
                Some(sel + 1).filter(|&i| i < n)
            };
            if let Some(to) = to
                && let Some(s) = edit(app, now, fx)
            {
                s.participants.swap(sel, to);
                app.setup.participant = to;
            }
        }
        _ => {}
    }
}

fn agenda_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let rows = app.agenda_rows();
    if move_sel(&mut app.setup.agenda_row, rows.len(), action) {
        return;
    }
    let row = rows.get(app.setup.agenda_row).copied();
    let stage_of = |r: Option<AgendaRow>| match r {
        Some(AgendaRow::Stage(i)) | Some(AgendaRow::Step(i, _)) => Some(i),
        None => None,
    };
    match action {
        Action::Add => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                edit(app, now, fx);
                return;
            }
            let lang = app.lang;
            let items = app
                .library
                .methods
                .iter()
                .map(|m| {
                    format!(
                        "{:<12} {}  ({})",
                        i18n::stage_kind(lang, m.stage),
                        m.name.get(lang),
                        t!(lang, "minutes-short", n = m.minutes())
                    )
                })
                .collect();
            app.picker = Some(Picker {
                purpose: PickPurpose::Method {
                    after: stage_of(row),
                },
                title: tr(lang, "picker-method"),
                items,
                selected: 0,
            });
        }
        Action::AddMinute | Action::RemoveMinute => {
            let delta: i64 = if action == Action::AddMinute { 1 } else { -1 };
            if let Some(AgendaRow::Step(i, j)) = row
                && let Some(s) = edit(app, now, fx)
            {
                let step = &mut s.agenda[i].steps[j];
                step.minutes = (i64::from(step.minutes) + delta).clamp(1, 24 * 60) as u32;
            } else if let Some(AgendaRow::Stage(_)) = row {
                let text = tr(app.lang, "msg-choose-a-step");
                say(app, text, now);
            }
        }
        Action::Edit | Action::Select => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                edit(app, now, fx);
                return;
            }
            let lang = app.lang;
            let Some(s) = app.session() else { return };
            match row {
                Some(AgendaRow::Stage(i)) => {
                    let st = &s.agenda[i];
                    let (id, title) = (st.id.clone(), st.title.clone());
                    open_field(
                        app,
                        FieldPurpose::StageTitle(id),
                        &tr(lang, "field-stage-title"),
                        &title,
                    );
                }
                Some(AgendaRow::Step(i, j)) => {
                    let step = &s.agenda[i].steps[j];
                    let (id, title, prompt) =
                        (step.id.clone(), step.title.clone(), step.prompt.clone());
                    if action == Action::Edit {
                        open_field(
                            app,
                            FieldPurpose::StepPrompt(id),
                            &tr(lang, "field-step-prompt"),
                            &prompt,
                        );
                    } else {
                        open_field(
                            app,
                            FieldPurpose::StepTitle(id),
                            &tr(lang, "field-step-title"),
                            &title,
                        );
                    }
                }
                None => {}
            }
        }
        Action::Delete => {
            if let Some(i) = stage_of(row) {
                let Some((title, (ops, detached))) = app
                    .session()
                    .map(|s| (s.agenda[i].title.clone(), s.remove_stage(i)))
                else {
                    return;
                };
                let lang = app.lang;
                let label = t!(lang, "undo-removed-stage", title = title.as_str());
                if !board::commit(app, label, ops, now, fx) {
                    return;
                }
                let n = app.agenda_rows().len();
                app.setup.agenda_row = app.setup.agenda_row.min(n.saturating_sub(1));
                let text = if detached > 0 {
                    t!(
                        lang,
                        "msg-stage-removed-detached",
                        title = title,
                        n = detached
                    )
                } else {
                    t!(lang, "msg-stage-removed", title = title)
                };
                say(app, text, now);
            }
        }
        Action::MoveUp | Action::MoveDown => {
            let Some(i) = stage_of(row) else { return };
            let n = app.session().map_or(0, |s| s.agenda.len());
            let to = if action == Action::MoveUp {
                i.checked_sub(1)
            } else {
                Some(i + 1).filter(|&j| j < n)
            };
            if let Some(to) = to
                && let Some(s) = edit(app, now, fx)
            {
                s.agenda.swap(i, to);
                app.setup.agenda_row = app
                    .agenda_rows()
                    .iter()
                    .position(|r| *r == AgendaRow::Stage(to))
                    .unwrap_or(0);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- facilitation

fn timer_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) -> bool {
    let needs_agenda = matches!(
        action,
        Action::TimerToggle
            | Action::NextStep
            | Action::PrevStep
            | Action::AddMinute
            | Action::RemoveMinute
            | Action::NextStage
            | Action::PrevStage
    );
    if !needs_agenda {
        return false;
    }
    if app
        .session()
        .is_none_or(|s| s.agenda.iter().all(|st| st.steps.is_empty()))
    {
        let text = tr(app.lang, "msg-agenda-empty");
        warn(app, text, now);
        return true;
    }
    let Some(s) = edit(app, now, fx) else {
        return true;
    };
    match action {
        Action::TimerToggle => {
            s.timer_toggle(now);
        }
        Action::NextStep => {
            s.next_step(now);
        }
        Action::PrevStep => {
            s.prev_step(now);
        }
        Action::AddMinute => {
            s.timer_adjust(60);
        }
        Action::RemoveMinute => {
            s.timer_adjust(-60);
        }
        Action::NextStage | Action::PrevStage => {
            let cur = s.current_or_first().map_or(0, |p| p.stage);
            let n = s.agenda.len();
            let target = if action == Action::NextStage {
                (cur + 1..n).find(|&i| !s.agenda[i].steps.is_empty())
            } else {
                (0..cur).rev().find(|&i| !s.agenda[i].steps.is_empty())
            };
            if let Some(t) = target {
                s.go_to_stage(t, now);
            }
        }
        _ => {}
    }
    let cur = app.session().and_then(|s| s.current()).map(|p| p.stage);
    app.facilitate.cursor = cur;
    app.facilitate.flash_until = None;
    true
}

fn facilitate_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    if timer_action(app, action, now, fx) {
        return;
    }
    let n = app.session().map_or(0, |s| s.agenda.len());
    match action {
        Action::NextPane | Action::PrevPane => {
            app.facilitate.focus_agenda = !app.facilitate.focus_agenda;
            if app.facilitate.cursor.is_none() {
                app.facilitate.cursor = app
                    .session()
                    .and_then(|s| s.current_or_first())
                    .map(|p| p.stage);
            }
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            app.facilitate.focus_agenda = true;
            let mut c = app
                .facilitate
                .cursor
                .or_else(|| {
                    app.session()
                        .and_then(|s| s.current_or_first())
                        .map(|p| p.stage)
                })
                .unwrap_or(0);
            move_sel(&mut c, n, action);
            app.facilitate.cursor = Some(c);
        }
        Action::Select => {
            if let Some(c) = app
                .facilitate
                .cursor
                .filter(|_| app.facilitate.focus_agenda)
                && let Some(s) = edit(app, now, fx)
                && !s.go_to_stage(c, now)
                && s.agenda.get(c).is_some_and(|st| st.steps.is_empty())
            {
                let text = tr(app.lang, "msg-stage-has-no-steps");
                warn(app, text, now);
            }
        }
        Action::Back => {
            if app.facilitate.focus_agenda {
                app.facilitate.focus_agenda = false;
            } else {
                go_home(app, fx);
            }
        }
        _ => {}
    }
}

fn projector_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    if timer_action(app, action, now, fx) {
        return;
    }
    if matches!(action, Action::Back | Action::Projector) {
        app.screen = app.previous;
    }
}

// ---------------------------------------------------------------- notes

fn notes_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let stages = app.session().map_or(0, |s| s.agenda.len()) + 1;
    match action {
        Action::NextPane | Action::PrevPane => {
            app.notes.focus_list = !app.notes.focus_list;
            return;
        }
        Action::Left => {
            app.notes.stage = (app.notes.stage + stages - 1) % stages;
            app.notes.selected = 0;
            return;
        }
        Action::Right => {
            app.notes.stage = (app.notes.stage + 1) % stages;
            app.notes.selected = 0;
            return;
        }
        Action::Back => {
            app.screen = Screen::Facilitate;
            return;
        }
        _ => {}
    }
    let visible = app.visible_notes();
    if move_sel(&mut app.notes.selected, visible.len(), action) {
        return;
    }
    let Some(&idx) = visible.get(app.notes.selected) else {
        return;
    };
    match action {
        Action::Edit | Action::Select => {
            let id = app.session().map(|s| s.notes[idx].id.clone());
            open_note_editor(app, id, now);
        }
        Action::Delete => {
            let Some(id) = app.session().map(|s| s.notes[idx].id.clone()) else {
                return;
            };
            let op = crate::model::Op::Remove {
                kind: crate::model::Kind::Note,
                id,
            };
            let lang = app.lang;
            if board::commit(app, tr(lang, "undo-note-deleted"), vec![op], now, fx) {
                app.notes.selected = app.notes.selected.min(visible.len().saturating_sub(2));
                say(app, tr(lang, "msg-note-deleted"), now);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- note editor

fn open_note_editor(app: &mut App, editing: Option<Id>, now: Timestamp) {
    let lang = app.lang;
    if let Some(why) = app.doc.as_ref().and_then(|d| d.read_only.clone()) {
        warn(app, t!(lang, "msg-read-only", why = why), now);
        return;
    }
    let Some(s) = app.session() else { return };
    let existing = editing
        .as_ref()
        .and_then(|id| s.notes.iter().find(|n| &n.id == id));
    let (text, kind, author, tags, stage) = match existing {
        Some(n) => (
            n.text.lines().map(str::to_owned).collect::<Vec<_>>(),
            n.kind,
            n.author
                .as_ref()
                .and_then(|a| s.participants.iter().position(|p| &p.id == a))
                .map_or(0, |i| i + 1),
            n.tags.join(", "),
            n.stage.clone(),
        ),
        None => (
            Vec::new(),
            NoteKind::Observation,
            0,
            String::new(),
            s.current_stage_id(),
        ),
    };
    let mut editor = NoteEditor {
        editing,
        stage,
        text: TextArea::new(if text.is_empty() {
            vec![String::new()]
        } else {
            text
        }),
        kind,
        author,
        tags: Input::new(tags),
        field: EditorField::Text,
        initial: Default::default(),
    };
    editor.initial = note_parts(s, &editor);
    // A draft kept for this note comes back, every part of it.
    let key = |part| DraftKey::note(editor.editing.as_ref(), part);
    if let Some(draft) = app.drafts.get(&key(NotePart::Text)) {
        let mut area = TextArea::new(draft.split('\n').map(str::to_owned).collect());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        editor.text = area;
    }
    if let Some(draft) = app.drafts.get(&key(NotePart::Kind))
        && let Some(k) = NoteKind::ALL.iter().find(|k| k.label() == draft)
    {
        editor.kind = *k;
    }
    if let Some(draft) = app.drafts.get(&key(NotePart::Author)) {
        editor.author = s
            .participants
            .iter()
            .position(|p| p.id.as_str() == draft)
            .map_or(0, |i| i + 1);
    }
    if let Some(draft) = app.drafts.get(&key(NotePart::Tags)) {
        editor.tags = Input::new(draft.to_owned());
    }
    editor
        .text
        .set_placeholder_text(tr(lang, "editor-placeholder"));
    app.editor = Some(editor);
}

/// The editor's parts as drafts keep them (`NotePart::ALL` order).
fn note_parts(s: &Session, ed: &NoteEditor) -> [String; 4] {
    [
        ed.text.lines().join("\n"),
        ed.kind.label().to_owned(),
        ed.author
            .checked_sub(1)
            .and_then(|i| s.participants.get(i))
            .map_or_else(String::new, |p| p.id.to_string()),
        ed.tags.value().to_owned(),
    ]
}

/// Esc on the note editor: every part is kept when text or tags were
/// typed and anything differs from how it opened; else the draft goes.
fn close_note(drafts: &mut drafts::Drafts, ed: &NoteEditor, parts: &[String; 4]) -> bool {
    let typed = !parts[0].trim().is_empty() || !parts[3].trim().is_empty();
    let keep = typed && *parts != ed.initial;
    for (part, value) in NotePart::ALL.iter().zip(parts) {
        let key = DraftKey::note(ed.editing.as_ref(), *part);
        if keep {
            drafts.keep(&key, value.as_str());
        } else {
            drafts.clear(&key);
        }
    }
    keep
}

fn clear_note_draft(drafts: &mut drafts::Drafts, editing: Option<&Id>) {
    for part in NotePart::ALL {
        drafts.clear(&DraftKey::note(editing, part));
    }
}

fn editor_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(ed) = app.editor.as_mut() else {
        return;
    };
    let n = EditorField::ALL.len();
    let i = EditorField::ALL
        .iter()
        .position(|f| *f == ed.field)
        .unwrap_or(0);
    match action {
        Action::NextField => ed.field = EditorField::ALL[(i + 1) % n],
        Action::PrevField => ed.field = EditorField::ALL[(i + n - 1) % n],
        Action::Cancel | Action::Back => {
            let Some(ed) = app.editor.take() else { return };
            let Some(parts) = app.session().map(|s| note_parts(s, &ed)) else {
                return;
            };
            if close_note(&mut app.drafts, &ed, &parts) {
                let reopen = if ed.editing.is_some() {
                    Action::Edit
                } else {
                    Action::NewNote
                };
                let text = drafts::kept_message(app, reopen);
                say(app, text, now);
            } else if ed.editing.is_none() {
                let text = tr(app.lang, "msg-note-discarded");
                say(app, text, now);
            }
        }
        Action::Submit => submit_editor(app, now, fx),
        _ => {}
    }
}

fn submit_editor(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(ed) = app.editor.take() else { return };
    let lang = app.lang;
    let text = clean(&ed.text.lines().join("\n")).trim().to_owned();
    if text.is_empty() {
        warn(app, tr(lang, "msg-note-empty"), now);
        app.editor = Some(ed);
        return;
    }
    let tags: Vec<String> = ed
        .tags
        .value()
        .split([',', ' '])
        .map(|t| t.trim().trim_start_matches('#').to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let author = ed
        .author
        .checked_sub(1)
        .and_then(|i| app.session().and_then(|s| s.participants.get(i)))
        .map(|p| p.id.clone());
    use crate::model::{Item, Op};
    let Some(s) = app.session() else { return };
    let (label, op) = match &ed.editing {
        Some(id) => {
            let Some(old) = s.notes.iter().find(|n| &n.id == id) else {
                return;
            };
            let mut n = old.clone();
            n.text = text;
            n.kind = ed.kind;
            n.author = author;
            n.tags = tags;
            (tr(lang, "undo-note-edited"), Op::Replace(Item::Note(n)))
        }
        None => (
            t!(lang, "undo-new-note", kind = ed.kind.label()),
            Op::Insert {
                at: s.notes.len(),
                item: Item::Note(Note {
                    id: Id::new(),
                    kind: ed.kind,
                    stage: ed.stage.clone(),
                    author,
                    tags,
                    text,
                    time: now,
                    private: false,
                }),
            },
        ),
    };
    let readonly = app.doc.as_ref().is_some_and(|d| d.read_only.is_some());
    let committed = board::commit(app, label, vec![op], now, fx);
    if !readonly {
        // Taken (or the same as the note already is): nothing left to keep.
        clear_note_draft(&mut app.drafts, ed.editing.as_ref());
    }
    if committed {
        let what = if ed.editing.is_some() {
            tr(lang, "msg-note-saved")
        } else {
            t!(lang, "msg-note-added", kind = ed.kind.label())
        };
        say(app, what, now);
    } else if readonly {
        app.editor = Some(ed);
    }
}

/// Where the current step stands, for views.
pub fn current_pos(app: &App) -> Option<StepPos> {
    app.session().and_then(|s| s.current_or_first())
}

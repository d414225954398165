//! The run loop: terminal events in, effects out. The only place that
//! touches the terminal, the clock and (through the saver) the disk.

use super::action::{Msg, SaveReport};
use super::keymap::{Context, Keymap};
use super::saver::Saver;
use super::state::{App, Doc, SaveStatus, Screen};
use super::update::{Effect, update, warn};
use crate::methods::Library;
use crate::model::{Session, Timestamp};
use crate::store::{self, Home, Store};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::execute;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// `atelier`: the home screen.
pub fn run_home(home: &Home) -> Result<bool, String> {
    run(home, None)
}

/// `atelier open FILE` / `review FILE`.
pub fn run_file(home: &Home, path: &Path, read_only: bool) -> Result<bool, String> {
    run(home, Some((path, read_only)))
}

/// Everything the loop owns besides the app state.
struct World {
    saver: Option<Saver>,
    last_attempt: Option<Timestamp>,
}

fn build_app(home: &Home) -> (App, Vec<String>) {
    let library = Library::load(Some(&home.methods_dir()));
    let (keymap, mut warnings) = Keymap::load(&home.config);
    warnings.extend(library.skipped.iter().map(|s| s.to_string()));
    let mut app = App::new(home.clone(), library, keymap, crate::lang::from_env());
    let (theme, theme_warning) = crate::ui::theme::Theme::load(&home.config);
    app.theme = theme;
    warnings.extend(theme_warning);
    app.home.sessions = store::list_sessions(&home.sessions);
    (app, warnings)
}

fn run(home: &Home, open: Option<(&Path, bool)>) -> Result<bool, String> {
    // The local offset must be read before any thread starts.
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    let (mut app, warnings) = build_app(home);
    app.offset = offset;
    let mut world = World {
        saver: None,
        last_attempt: None,
    };
    // Open the file before touching the terminal, so a bad file is a plain
    // error on the shell, not a flash of the app.
    if let Some((path, read_only)) = open {
        open_doc(&mut app, &mut world, path, read_only)?;
    }
    if let Some(w) = warnings.first() {
        warn(&mut app, w.clone(), Timestamp::now());
    }
    let _ = color_eyre::install();
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), event::EnableBracketedPaste);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
        previous(info);
    }));
    let result = event_loop(&mut terminal, &mut app, &mut world);
    let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    close_doc(&mut app, &mut world);
    let failed = match app.doc.as_ref().map(|d| &d.save) {
        Some(SaveStatus::Failed(e)) => Some(e.clone()),
        _ => None,
    };
    result?;
    if let Some(e) = failed {
        return Err(e);
    }
    Ok(true)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    world: &mut World,
) -> Result<(), String> {
    let mut dirty = true;
    loop {
        let reports: Vec<_> = world
            .saver
            .as_ref()
            .map(|s| std::iter::from_fn(|| s.try_report()).collect())
            .unwrap_or_default();
        {
            for (generation, report) in reports {
                if let Some(doc) = app.doc.as_mut()
                    && !matches!(report, SaveReport::Failed(_))
                {
                    doc.saved_generation = doc.saved_generation.max(generation);
                }
                let fx = update(app, Msg::Saved(report), Timestamp::now());
                run_effects(app, world, fx);
                dirty = true;
            }
        }
        retry_failed_save(app, world);
        if dirty {
            terminal
                .draw(|f| crate::ui::render(app, f))
                .map_err(|e| format!("cannot draw: {e}"))?;
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        let timeout = next_wake(app);
        let ready = event::poll(timeout).map_err(|e| format!("cannot read keys: {e}"))?;
        if !ready {
            let fx = update(app, Msg::Tick, Timestamp::now());
            run_effects(app, world, fx);
            dirty = true;
            continue;
        }
        // Drain every queued event before drawing once.
        loop {
            let ev = event::read().map_err(|e| format!("cannot read keys: {e}"))?;
            if let Some(msg) = to_msg(app, ev) {
                let fx = update(app, msg, Timestamp::now());
                run_effects(app, world, fx);
                dirty = true;
            }
            if app.quit || !event::poll(Duration::ZERO).unwrap_or(false) {
                break;
            }
        }
    }
}

/// How long to sleep: until the timer's next second, a save report, a
/// message fading; else a long time (nothing changes on its own).
fn next_wake(app: &App) -> Duration {
    let mut wait = Duration::from_secs(3600);
    if let Some(doc) = &app.doc {
        if doc.session.timer_running() || app.facilitate.flash_until.is_some() {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            let to_next_second = Duration::from_millis(1000 - u64::from(now.subsec_millis()) + 5);
            wait = wait.min(to_next_second);
        }
        if doc.saved_generation < doc.generation {
            wait = wait.min(Duration::from_millis(50));
        }
        if matches!(doc.save, SaveStatus::Failed(_)) {
            wait = wait.min(Duration::from_secs(1));
        }
    }
    if app.message.is_some() {
        wait = wait.min(Duration::from_secs(1));
    }
    wait
}

/// A terminal event as a message: keys through the keymap of the context.
pub fn to_msg(app: &App, ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(key) if key.kind == KeyEventKind::Press || key.kind == KeyEventKind::Repeat => {
            let ctx = app.context();
            match app.keymap.lookup(ctx, &key) {
                Some(action) => Some(Msg::Do(action)),
                None if matches!(ctx, Context::Editor | Context::Capture | Context::Search) => {
                    Some(Msg::Key(key))
                }
                None => None,
            }
        }
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(_, _) => Some(Msg::Resize),
        _ => None,
    }
}

fn retry_failed_save(app: &mut App, world: &mut World) {
    let now = Timestamp::now();
    let Some(doc) = app.doc.as_ref() else { return };
    if !matches!(doc.save, SaveStatus::Failed(_)) || doc.saved_generation >= doc.generation {
        return;
    }
    if world.last_attempt.is_some_and(|t| t.seconds_until(now) < 5) {
        return;
    }
    world.last_attempt = Some(now);
    if let Some(saver) = &world.saver {
        saver.save(doc.session.clone(), doc.generation);
    }
}

fn run_effects(app: &mut App, world: &mut World, fx: Vec<Effect>) {
    for effect in fx {
        let now = Timestamp::now();
        match effect {
            Effect::Save | Effect::SaveNow => {
                if let (Some(doc), Some(saver)) = (app.doc.as_mut(), world.saver.as_ref()) {
                    doc.save = SaveStatus::Saving;
                    world.last_attempt = Some(now);
                    saver.save(doc.session.clone(), doc.generation);
                }
            }
            Effect::Bell => {
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07");
                let _ = out.flush();
            }
            Effect::Open { path, read_only } => {
                close_doc(app, world);
                if let Err(e) = open_doc(app, world, &path, read_only) {
                    warn(app, e, now);
                }
            }
            Effect::Create { title, template } => {
                close_doc(app, world);
                let lang = app.lang;
                match crate::commands::new_session(
                    &app.home_dir,
                    &app.library,
                    &title,
                    template.as_deref(),
                    lang,
                ) {
                    Ok((path, store, session)) => {
                        install_doc(app, world, store, session, &path, None);
                        app.screen = Screen::Setup;
                        app.setup = Default::default();
                        super::update::say(
                            app,
                            format!(
                                "Created {}. Tab moves between details, participants and agenda.",
                                path.display()
                            ),
                            now,
                        );
                    }
                    Err(e) => warn(app, e, now),
                }
            }
            Effect::OpenDemo => {
                close_doc(app, world);
                match crate::commands::demo_copy(&app.home_dir) {
                    Ok(path) => {
                        if let Err(e) = open_doc(app, world, &path, false) {
                            warn(app, e, now);
                        }
                    }
                    Err(e) => warn(app, e, now),
                }
            }
            Effect::Close => close_doc(app, world),
            Effect::RefreshSessions => {
                app.home.sessions = store::list_sessions(&app.home_dir.sessions);
                app.home.selected = app.home.selected.min(app.home.rows().saturating_sub(1));
            }
            Effect::Quit => app.quit = true,
        }
    }
}

fn open_doc(app: &mut App, world: &mut World, path: &Path, read_only: bool) -> Result<(), String> {
    let (store, session) = if read_only {
        Store::open_read_only(
            path,
            "review mode: participants browse without changing the workshop",
        )
    } else {
        Store::open(path)
    }
    .map_err(|e| e.to_string())?;
    let reason = store.read_only().map(str::to_owned);
    install_doc(app, world, store, session, path, reason.clone());
    app.screen = if app.session().is_some_and(|s| s.agenda.is_empty()) {
        Screen::Setup
    } else {
        Screen::Facilitate
    };
    if let Some(why) = reason.filter(|_| !read_only) {
        warn(
            app,
            format!("Opened read-only: {why}. Edits are refused."),
            Timestamp::now(),
        );
    }
    Ok(())
}

fn install_doc(
    app: &mut App,
    world: &mut World,
    store: Store,
    session: Session,
    path: &Path,
    read_only: Option<String>,
) {
    world.saver = if read_only.is_none() {
        Some(Saver::start(store))
    } else {
        None
    };
    app.doc = Some(Doc {
        session: Arc::new(session),
        path: path.to_path_buf(),
        read_only,
        generation: 0,
        saved_generation: 0,
        save: SaveStatus::Saved(None),
    });
    app.facilitate = Default::default();
    app.notes = Default::default();
    app.board = Default::default();
    app.index = Default::default();
    app.history = Default::default();
    app.search = Default::default();
    app.capture = None;
    app.facilitate.cursor = app
        .session()
        .and_then(|s| s.current_or_first())
        .map(|p| p.stage);
}

/// Wait for the last save of the open session, then forget it.
fn close_doc(app: &mut App, world: &mut World) {
    if let Some(saver) = world.saver.take() {
        for (generation, report) in saver.finish() {
            if let Some(doc) = app.doc.as_mut()
                && !matches!(report, SaveReport::Failed(_))
            {
                doc.saved_generation = doc.saved_generation.max(generation);
            }
            update(app, Msg::Saved(report), Timestamp::now());
        }
    }
    if let Some(doc) = &app.doc
        && matches!(doc.save, SaveStatus::Failed(_))
    {
        // Keep it open: the last save failed and nothing may be dropped.
        return;
    }
    if app.quit {
        return;
    }
    app.doc = None;
}

//! The run loop: terminal events in, effects out. The only place that
//! touches the terminal, the clock and (through `perform.rs` and the
//! saver) the disk. Every change to the app is `update`'s: the loop hands
//! it messages (keys, ticks, and what performed effects came back with).

use super::action::{Action, Msg};
use super::effect::{Done, Effect};
use super::keymap::Keymap;
use super::kit::warn;
use super::perform::{self, World};
use super::router::update;
use super::state::{App, SaveStatus};
use crate::methods::Library;
use crate::model::Timestamp;
use crate::store::{self, Home};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::execute;
use std::collections::VecDeque;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// `atelier`: the home screen.
pub fn run_home(home: &Home) -> Result<bool, String> {
    run(home, None, false, None)
}

/// `atelier open FILE` / `review FILE`.
pub fn run_file(home: &Home, path: &Path, review: bool) -> Result<bool, String> {
    run(home, Some((path, review)), false, None)
}

/// `atelier review FILE [--as NAME]`: the comments are signed `reviewer`
/// (already resolved from `--as`, else the config's `name`).
pub fn run_review(home: &Home, path: &Path, reviewer: Option<&str>) -> Result<bool, String> {
    run(home, Some((path, true)), false, reviewer)
}

/// `atelier open FILE --collect`: collecting stickies from phones from the start.
pub fn run_open(home: &Home, path: &Path, collect: bool) -> Result<bool, String> {
    run(home, Some((path, false)), collect, None)
}

/// The app as `atelier` starts it, before any session opens: the library,
/// keymap, language, theme and the lab's suggestion engine read from `home`,
/// with what was wrong in them (the start-up warnings).
pub fn build_app(home: &Home) -> (App, Vec<String>) {
    let library = Library::load(Some(&home.methods_dir()));
    // config.ron, read once: the language, the reviewer's name, the timer.
    let (config, config_problem) = crate::lang::Config::load_keyed(&home.config);
    let (lang, lang_warning) = crate::lang::choose(&config, |v| std::env::var(v).ok());
    let (keymap, keymap_warnings) = Keymap::load(&home.config);
    let mut warnings: Vec<String> = keymap_warnings.iter().map(|w| w.say(lang)).collect();
    warnings.extend(library.skipped.iter().map(|s| s.say(lang)));
    warnings.extend(config_problem.map(|e| crate::i18n::load_error(lang, &e)));
    warnings.extend(lang_warning);
    let mut app = App::new(home.clone(), library, keymap, lang, Timestamp::now());
    // The world, read once: update never reads the environment or the clock.
    app.ctx = super::ctx::Ctx {
        home: std::env::var_os("HOME").map(std::path::PathBuf::from),
        user: std::env::var("USER").unwrap_or_default(),
        reviewer: crate::review::reviewer(None, &config),
        next_step_waits: config.next_step_starts_timer == Some(false),
        engine: Default::default(),
    };
    app.ids = crate::model::Ids::from_clock();
    // The lab's thesaurus and model, read once; what is wrong in them is said.
    let (engine, engine_warnings) = crate::commands::suggest_engine(home, lang);
    app.ctx.engine = super::ctx::Lab::new(engine);
    warnings.extend(engine_warnings);
    let (theme, theme_warning) = crate::ui::theme::Theme::load(&home.config);
    app.theme = theme;
    warnings.extend(theme_warning.map(|e| crate::ui::theme::Theme::warning(lang, &e)));
    app.home.hidden = store::hidden::read(home);
    app.home.set_sessions(store::list_sessions(&home.sessions));
    (app, warnings)
}

fn run(
    home: &Home,
    open: Option<(&Path, bool)>,
    collect: bool,
    reviewer: Option<&str>,
) -> Result<bool, String> {
    // This machine's time zone, read once: `update` and the screens are given it.
    let zone = crate::zone::machine();
    let (mut app, warnings) = build_app(home);
    if let Some(name) = reviewer {
        app.ctx.reviewer = Some(name.to_owned());
    }
    app.local_zone = zone;
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
    }
    let mut world = World::new(stop);
    // Open the file before touching the terminal, so a bad file is a plain
    // error on the shell, not a flash of the app.
    let opened = match open {
        Some((path, review)) => Some(perform::open_file(
            &mut world, home, path, review, app.lang,
        )?),
        None => None,
    };
    // ratatui::init's panic hook restores the terminal, then std's prints
    // the panic; ours below also turns bracketed paste off first.
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            // No terminal (output redirected, no tty): the session opened
            // is closed again, and the reason said in the reader's words
            // (with no escape codes on an output that is not a terminal).
            if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                ratatui::restore();
            } else {
                let _ = ratatui::crossterm::terminal::disable_raw_mode();
            }
            app.quit = true;
            let _ = leave(&mut app, &mut world);
            let why = crate::i18n::io_error(app.lang, &e);
            return Err(crate::t!(app.lang, "app-no-terminal", why = why));
        }
    };
    let _ = execute!(std::io::stdout(), event::EnableBracketedPaste);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
        previous(info);
    }));
    if let Some(o) = opened {
        dispatch(
            &mut app,
            &mut world,
            &mut terminal,
            Msg::Done(Done::Opened(Box::new(o))),
        );
    }
    if let Some(w) = warnings.first() {
        warn(&mut app, w.clone(), Timestamp::now());
    }
    if collect && app.doc.is_some() {
        dispatch(
            &mut app,
            &mut world,
            &mut terminal,
            Msg::Do(Action::Collect),
        );
    }
    let result = event_loop(&mut terminal, &mut app, &mut world);
    let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    app.quit = true;
    let left = leave(&mut app, &mut world);
    result?;
    match left {
        Some(e) => Err(e),
        None => Ok(true),
    }
}

/// After the loop (the terminal given back): close the session after its
/// last save, and finish the disk worker's chores. The error when the last
/// save failed.
fn leave(app: &mut App, world: &mut World) -> Option<String> {
    let mut left = None;
    let mut queue = VecDeque::from(perform::close(app, world));
    while let Some(msg) = queue.pop_front() {
        match msg {
            Msg::Done(Done::Then(effect)) if *effect == Effect::Close => {
                queue.extend(perform::close(app, world));
                continue;
            }
            Msg::Done(Done::StaysOpen(ref e)) => left = Some(e.clone()),
            _ => {}
        }
        // Nothing more is performed: the terminal is gone.
        let _ = update(app, msg, Timestamp::now());
        queue.extend(flush_journal(app, world));
    }
    if let Some(disk) = world.disk.take() {
        for msg in disk.finish() {
            let _ = update(app, msg, Timestamp::now());
        }
    }
    left
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    world: &mut World,
) -> Result<(), String> {
    let mut dirty = true;
    let lang = app.lang;
    let keys = |e: std::io::Error| {
        let why = crate::i18n::io_error(lang, &e);
        crate::t!(lang, "app-cannot-read-keys", why = why)
    };
    loop {
        for msg in world.take_done() {
            dispatch(app, world, terminal, msg);
            dirty = true;
        }
        if take_collected(app, world, terminal) {
            dirty = true;
        }
        retry_failed_save(app, world);
        perform::hand_save(app, world);
        if world.stop.swap(false, Ordering::SeqCst) {
            // A signal asked us to leave: keep what open fields hold, save
            // first (leave waits for it).
            dispatch(app, world, terminal, Msg::Closing);
            app.quit = true;
        }
        if app.quit {
            // Leave only when the last save worked, or on a second request.
            if quit_ready(app, world, terminal) {
                return Ok(());
            }
            dirty = true;
        }
        if dirty {
            terminal.draw(|f| crate::ui::render(app, f)).map_err(|e| {
                let why = crate::i18n::io_error(lang, &e);
                crate::t!(lang, "app-cannot-draw", why = why)
            })?;
            dirty = false;
        }
        let timeout = next_wake(app, world);
        let ready = event::poll(timeout).map_err(keys)?;
        if !ready {
            dispatch(app, world, terminal, Msg::Tick);
            dirty = true;
            continue;
        }
        // Drain every queued event before drawing once.
        loop {
            let ev = event::read().map_err(keys)?;
            if let Some(msg) = to_msg(app, ev) {
                dispatch(app, world, terminal, msg);
                dirty = true;
            }
            if app.quit || !event::poll(Duration::ZERO).unwrap_or(false) {
                break;
            }
        }
    }
}

/// Hand `msg` to `update`, perform the effects it asks for, and hand what
/// they come back with to `update` in turn, until nothing is left.
fn dispatch(app: &mut App, world: &mut World, terminal: &mut ratatui::DefaultTerminal, msg: Msg) {
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        let fx = update(app, msg, Timestamp::now());
        queue.extend(flush_journal(app, world));
        queue.extend(run_effects(app, world, terminal, fx));
    }
}

/// Perform effects: the terminal's here, the rest in `perform.rs`. It
/// reads the app and never changes it: what the effects come back with is
/// returned, as messages for `update`.
fn run_effects(
    app: &App,
    world: &mut World,
    terminal: &mut ratatui::DefaultTerminal,
    fx: Vec<Effect>,
) -> Vec<Msg> {
    let mut out = Vec::new();
    for effect in fx {
        match effect {
            Effect::Suspend => suspend(terminal),
            Effect::Bell => {
                let mut stdout = std::io::stdout();
                let _ = stdout.write_all(b"\x07");
                let _ = stdout.flush();
            }
            effect => out.extend(perform::perform(app, world, effect)),
        }
    }
    out
}

/// On quit: make the last save; if it fails, stay (the app says what to
/// do) unless the user already confirmed.
fn quit_ready(app: &mut App, world: &mut World, terminal: &mut ratatui::DefaultTerminal) -> bool {
    let Some(saver) = world.saver.as_ref() else {
        return true;
    };
    if let Some(doc) = app.doc.as_ref()
        && doc.saved_generation < doc.generation
    {
        saver.save_now(doc.session.clone(), doc.generation);
    }
    // Wait (briefly, off the terminal) for the save to land.
    for _ in 0..100 {
        for msg in world.take_done() {
            dispatch(app, world, terminal, msg);
        }
        let done = app
            .doc
            .as_ref()
            .is_none_or(|d| d.saved_generation >= d.generation);
        let failed = app
            .doc
            .as_ref()
            .is_some_and(|d| matches!(d.save, SaveStatus::Failed(_)));
        if done {
            return true;
        }
        if failed {
            break;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    if app.quit_armed {
        return true;
    }
    let e = match app.doc.as_ref().map(|d| &d.save) {
        Some(SaveStatus::Failed(e)) => e.clone(),
        _ => crate::t!(app.lang, "run-save-unfinished"),
    };
    dispatch(app, world, terminal, Msg::Done(Done::QuitRefused(e)));
    false
}

/// Feed what phones sent to `update`; stop collecting when the server
/// died. True when anything happened.
fn take_collected(
    app: &mut App,
    world: &mut World,
    terminal: &mut ratatui::DefaultTerminal,
) -> bool {
    let Some(c) = world.collector.as_ref() else {
        return false;
    };
    let (arrivals, error) = (c.receive(), c.error());
    let any = !arrivals.is_empty() || error.is_some();
    let mut msgs = perform::arrival_msgs(arrivals);
    if let Some(e) = error {
        msgs.extend(perform::stop_collecting(world));
        msgs.push(Msg::Collecting(Err(e)));
    }
    for msg in msgs {
        dispatch(app, world, terminal, msg);
    }
    any
}

/// How long to sleep: until the timer's next second, a save report, a
/// message fading; at most half a second, so signals are noticed. Work out
/// on a thread is looked for sooner: a path's completions every 10 ms.
fn next_wake(app: &App, world: &World) -> Duration {
    let mut wait = Duration::from_millis(500);
    if let Some(doc) = &app.doc {
        if doc.session.timer_running() || app.facilitate.flash_until.is_some() {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            let to_next_second = Duration::from_millis(1000 - u64::from(now.subsec_millis()) + 5);
            wait = wait.min(to_next_second);
        }
        if doc.saved_generation < doc.generation {
            wait = wait.min(Duration::from_millis(100));
        }
    }
    if app.suggesting.is_some() {
        wait = wait.min(Duration::from_millis(100));
    }
    if world.busy() {
        wait = wait.min(Duration::from_millis(10));
    }
    wait
}

/// A terminal event as a message: keys through the keymap of the context.
pub fn to_msg(app: &App, ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(key) if key.kind == KeyEventKind::Press || key.kind == KeyEventKind::Repeat => {
            app.key_msg(key)
        }
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(_, _) => Some(Msg::Resize),
        _ => None,
    }
}

fn retry_failed_save(app: &App, world: &mut World) {
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
        saver.save_now(doc.session.clone(), doc.generation);
    }
}

/// Send the crash journal what `update` queued. Reviewing, there is no
/// journal of ours: the last drafts go to the reviewer's own file instead,
/// on the disk worker. What comes back at once (no worker thread), for
/// `update`.
fn flush_journal(app: &mut App, world: &mut World) -> Vec<Msg> {
    let out = std::mem::take(&mut app.outbox);
    if let Some(saver) = &world.saver {
        for (generation, record) in out {
            saver.record(generation, record);
        }
    } else if app.doc.as_ref().is_some_and(|d| d.review) {
        let last = out.into_iter().rev().find_map(|(_, r)| match r {
            crate::store::journal::Record::Drafts(d) => Some(d),
            _ => None,
        });
        if let Some(drafts) = last {
            return perform::keep_review_drafts(app, world, drafts);
        }
    }
    Vec::new()
}

/// Ctrl-z: give the terminal back, stop, and take it again on `fg`.
fn suspend(terminal: &mut ratatui::DefaultTerminal) {
    let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    *terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), event::EnableBracketedPaste);
    let _ = terminal.clear();
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::app::state::Doc;
    use crate::store::journal::{Drafts, Record};

    /// An app reviewing a session, its home in `root`, with `text` left
    /// in the comment field (queued for the reviewer's drafts file).
    fn reviewing(root: &Path, text: &str) -> App {
        let home = Home::under(root);
        let library = Library::bundled();
        let mut app = App::new(home, library, Keymap::defaults(), "en", Timestamp::now());
        let session = crate::model::Session::new(crate::model::Id::from("s-1"), "Revue");
        let mut doc = Doc::new(session, root.join("s.ron"));
        (doc.review, doc.read_only) = (true, Some("review".into()));
        app.doc = Some(doc);
        let mut drafts = Drafts::new();
        drafts.insert("comment:session".into(), text.into());
        app.outbox.push((0, Record::Drafts(drafts)));
        app
    }

    /// Reviewing, the drafts file is written by the disk worker, not the
    /// loop; a failure comes back as a message and is said.
    #[test]
    fn a_reviewers_drafts_are_kept_by_the_disk_worker() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = reviewing(dir.path(), "Et les arbres ?");
        let mut world = World::new(Arc::new(AtomicBool::new(false)));
        assert_eq!(flush_journal(&mut app, &mut world), Vec::new());
        let done = world.disk.take().unwrap().finish();
        assert_eq!(done, vec![Msg::Done(Done::DraftsKept(Ok(())))]);
        let path = crate::store::review_drafts::path(&app.home_dir, &dir.path().join("s.ron"));
        let kept: Drafts = ron::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(kept.get("comment:session").unwrap(), "Et les arbres ?");

        // The state folder is a file: the drafts cannot be kept.
        let root = dir.path().join("blocked");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(root.join("state"), "").unwrap();
        let mut app = reviewing(&root, "Et les haies ?");
        let mut world = World::new(Arc::new(AtomicBool::new(false)));
        assert_eq!(flush_journal(&mut app, &mut world), Vec::new());
        let done = world.disk.take().unwrap().finish();
        assert!(
            matches!(done.as_slice(), [Msg::Done(Done::DraftsKept(Err(_)))]),
            "{done:?}"
        );
        for msg in done {
            update(&mut app, msg, Timestamp::now());
        }
        let said = app
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default();
        assert!(
            said.starts_with("Drafts could not be kept on disk"),
            "{said}"
        );
    }
}

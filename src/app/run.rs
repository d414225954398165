//! The run loop: terminal events in, effects out. The only place that
//! touches the terminal, the clock and (through the saver) the disk.

use super::action::{Action, Msg, SaveReport};
use super::effect::Effect;
use super::keymap::Keymap;
use super::kit::{say, warn};
use super::perform::{self, World};
use super::router::update;
use super::saver::{Report, Saver};
use super::state::{App, CollectView, Doc, SaveStatus, Screen};
use crate::methods::Library;
use crate::model::{Session, Timestamp};
use crate::store::{self, Home, Store};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::execute;
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
    let (keymap, mut warnings) = Keymap::load(&home.config);
    warnings.extend(library.skipped.iter().map(|s| s.to_string()));
    let (lang, lang_warning) = crate::lang::detect(&home.config);
    warnings.extend(lang_warning);
    let mut app = App::new(home.clone(), library, keymap, lang, Timestamp::now());
    // The world, read once: update never reads the environment or the clock.
    app.ctx = super::ctx::Ctx {
        home: std::env::var_os("HOME").map(std::path::PathBuf::from),
        user: std::env::var("USER").unwrap_or_default(),
        reviewer: crate::review::reviewer_in(None, &home.config),
        next_step_waits: crate::lang::Config::load(&home.config)
            .0
            .next_step_starts_timer
            == Some(false),
        engine: Default::default(),
    };
    app.ids = crate::model::Ids::from_clock();
    // The lab's thesaurus and model, read once; what is wrong in them is said.
    let (engine, engine_warnings) = crate::commands::suggest_engine(home);
    app.ctx.engine = super::ctx::Lab::new(engine);
    warnings.extend(engine_warnings);
    let (theme, theme_warning) = crate::ui::theme::Theme::load(&home.config);
    app.theme = theme;
    warnings.extend(theme_warning);
    app.home.sessions = store::list_sessions(&home.sessions);
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
    let mut world = World {
        saver: None,
        last_attempt: None,
        stop,
        exports: Vec::new(),
        attaching: Vec::new(),
        collector: None,
        workers: Vec::new(),
    };
    // Open the file before touching the terminal, so a bad file is a plain
    // error on the shell, not a flash of the app.
    if let Some((path, review)) = open {
        open_doc(&mut app, &mut world, path, review)?;
    }
    if let Some(w) = warnings.first() {
        warn(&mut app, w.clone(), Timestamp::now());
    }
    // ratatui::init's panic hook restores the terminal, then std's prints
    // the panic; ours below also turns bracketed paste off first.
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), event::EnableBracketedPaste);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
        previous(info);
    }));
    if collect && app.doc.is_some() {
        let fx = update(&mut app, Msg::Do(Action::Collect), Timestamp::now());
        run_effects(&mut app, &mut world, &mut terminal, fx);
    }
    let result = event_loop(&mut terminal, &mut app, &mut world);
    let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    app.quit = true;
    let left = close_doc(&mut app, &mut world);
    result?;
    match left {
        Some(e) => Err(e),
        None => Ok(true),
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    world: &mut World,
) -> Result<(), String> {
    let mut dirty = true;
    loop {
        if take_reports(app, world) {
            dirty = true;
        }
        if take_exports(app, world) {
            dirty = true;
        }
        let done: Vec<_> = {
            let mut out = Vec::new();
            world.attaching.retain(|rx| match rx.try_recv() {
                Ok(r) => {
                    out.push(r);
                    false
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => true,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
            });
            out
        };
        for r in done {
            let fx = update(app, Msg::Attached(r), Timestamp::now());
            run_effects(app, world, terminal, fx);
            dirty = true;
        }
        if take_collected(app, world, terminal) {
            dirty = true;
        }
        if take_workers(app, world, terminal) {
            dirty = true;
        }
        retry_failed_save(app, world);
        if world.stop.swap(false, Ordering::SeqCst) {
            // A signal asked us to leave: keep what open fields hold, save
            // first (close_doc waits for it).
            let fx = update(app, Msg::Closing, Timestamp::now());
            run_effects(app, world, terminal, fx);
            app.quit = true;
        }
        if app.quit {
            // Leave only when the last save worked, or on a second request.
            if quit_ready(app, world) {
                return Ok(());
            }
            dirty = true;
        }
        if dirty {
            terminal
                .draw(|f| crate::ui::render(app, f))
                .map_err(|e| format!("cannot draw: {e}"))?;
            dirty = false;
        }
        let timeout = next_wake(app);
        let ready = event::poll(timeout).map_err(|e| format!("cannot read keys: {e}"))?;
        if !ready {
            let fx = update(app, Msg::Tick, Timestamp::now());
            run_effects(app, world, terminal, fx);
            dirty = true;
            continue;
        }
        // Drain every queued event before drawing once.
        loop {
            let ev = event::read().map_err(|e| format!("cannot read keys: {e}"))?;
            if let Some(msg) = to_msg(app, ev) {
                let fx = update(app, msg, Timestamp::now());
                run_effects(app, world, terminal, fx);
                dirty = true;
            }
            if app.quit || !event::poll(Duration::ZERO).unwrap_or(false) {
                break;
            }
        }
    }
}

/// On quit: make the last save; if it fails, stay (the app says what to
/// do) unless the user already confirmed.
fn quit_ready(app: &mut App, world: &mut World) -> bool {
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
        take_reports(app, world);
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
    app.quit = false;
    app.quit_armed = true;
    let e = match app.doc.as_ref().map(|d| &d.save) {
        Some(SaveStatus::Failed(e)) => e.clone(),
        _ => crate::t!(app.lang, "run-save-unfinished"),
    };
    warn(
        app,
        crate::t!(app.lang, "msg-quit-unsaved", error = e),
        Timestamp::now(),
    );
    false
}

/// Feed what worker threads finished to `update`; true when any did.
fn take_workers(app: &mut App, world: &mut World, terminal: &mut ratatui::DefaultTerminal) -> bool {
    let mut done = Vec::new();
    world.workers.retain(|rx| match rx.try_recv() {
        Ok(msg) => {
            done.push(msg);
            false
        }
        Err(std::sync::mpsc::TryRecvError::Empty) => true,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
    });
    let any = !done.is_empty();
    for msg in done {
        let fx = update(app, msg, Timestamp::now());
        run_effects(app, world, terminal, fx);
    }
    any
}

/// Say where finished exports went; true when any finished.
fn take_exports(app: &mut App, world: &mut World) -> bool {
    let mut any = false;
    world.exports.retain(|rx| match rx.try_recv() {
        Ok(result) => {
            any = true;
            let now = Timestamp::now();
            match result {
                Ok(path) => {
                    let text =
                        crate::t!(app.lang, "run-exported", path = path.display().to_string());
                    say(app, text, now)
                }
                Err(e) => {
                    let text = crate::t!(app.lang, "run-export-failed", error = e);
                    warn(app, text, now)
                }
            }
            false
        }
        Err(std::sync::mpsc::TryRecvError::Empty) => true,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
    });
    any
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
    for msg in arrival_msgs(arrivals) {
        let fx = update(app, msg, Timestamp::now());
        run_effects(app, world, terminal, fx);
    }
    if let Some(e) = error {
        let mut fx = stop_collecting(app, world);
        fx.extend(update(app, Msg::Collecting(Err(e)), Timestamp::now()));
        run_effects(app, world, terminal, fx);
    }
    any
}

/// Stop the collector (returns once its port is closed) and hand `update`
/// the stickies that arrived last.
fn stop_collecting(app: &mut App, world: &mut World) -> Vec<Effect> {
    let Some(c) = world.collector.take() else {
        return Vec::new();
    };
    let mut fx = Vec::new();
    for msg in arrival_msgs(c.stop_all()) {
        fx.extend(update(app, msg, Timestamp::now()));
    }
    fx
}

/// What phones sent, as messages for `update`: the stickies, then the
/// ballots (each kind in the order it arrived).
fn arrival_msgs(arrivals: Vec<crate::collect::Arrival>) -> Vec<Msg> {
    use crate::collect::Arrival;
    let (mut stickies, mut ballots) = (Vec::new(), Vec::new());
    for a in arrivals {
        match a {
            Arrival::Sticky(s) => stickies.push(s),
            Arrival::Ballot(b) => ballots.push(b),
        }
    }
    let mut out = Vec::new();
    if !stickies.is_empty() {
        out.push(Msg::Incoming(stickies));
    }
    if !ballots.is_empty() {
        out.push(Msg::Ballots(ballots));
    }
    out
}

/// Feed the saver's reports to `update`; true when any came.
fn take_reports(app: &mut App, world: &mut World) -> bool {
    let reports: Vec<Report> = world
        .saver
        .as_ref()
        .map(|s| std::iter::from_fn(|| s.try_report()).collect())
        .unwrap_or_default();
    let any = !reports.is_empty();
    for r in reports {
        apply_report(app, r);
    }
    any
}

fn apply_report(app: &mut App, report: Report) {
    match report {
        Report::Save(generation, report) => {
            if let Some(doc) = app.doc.as_mut()
                && !matches!(report, SaveReport::Failed(_))
            {
                doc.saved_generation = doc.saved_generation.max(generation);
                app.quit_armed = false;
            }
            update(app, Msg::Saved(report), Timestamp::now());
        }
        Report::MovedTo(path) => {
            if let Some(doc) = app.doc.as_mut() {
                doc.path = path.clone();
            }
            say(
                app,
                crate::t!(app.lang, "run-moved-to", path = path.display().to_string()),
                Timestamp::now(),
            );
        }
    }
}

/// How long to sleep: until the timer's next second, a save report, a
/// message fading; at most half a second, so signals are noticed.
/// Nothing asked of a worker thread is awaited.
fn world_idle(app: &App) -> bool {
    app.suggesting.is_none()
}

fn next_wake(app: &App) -> Duration {
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
    if !world_idle(app) {
        wait = wait.min(Duration::from_millis(100));
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
        saver.save_now(doc.session.clone(), doc.generation);
    }
}

/// Send the crash journal what `update` queued. Reviewing, there is no
/// journal of ours: drafts go to the reviewer's own file instead.
fn flush_journal(app: &mut App, world: &World) {
    let out = std::mem::take(&mut app.outbox);
    if let Some(saver) = &world.saver {
        for (generation, record) in out {
            saver.record(generation, record);
        }
    } else if let Some(doc) = app.doc.as_ref().filter(|d| d.review) {
        let last = out.into_iter().rev().find_map(|(_, r)| match r {
            crate::store::journal::Record::Drafts(d) => Some(d),
            _ => None,
        });
        if let Some(drafts) = last
            && let Err(e) = super::perform::write_review_drafts(&app.home_dir, &doc.path, &drafts)
        {
            let text = crate::t!(app.lang, "drafts-not-kept", error = e);
            warn(app, text, Timestamp::now());
        }
    }
}

fn run_effects(
    app: &mut App,
    world: &mut World,
    terminal: &mut ratatui::DefaultTerminal,
    fx: Vec<Effect>,
) {
    flush_journal(app, world);
    for effect in fx {
        let now = Timestamp::now();
        match effect {
            Effect::Save | Effect::SaveNow => {
                if let (Some(doc), Some(saver)) = (app.doc.as_mut(), world.saver.as_ref()) {
                    doc.save = SaveStatus::Saving;
                    world.last_attempt = Some(now);
                    if effect == Effect::SaveNow {
                        saver.save_now(doc.session.clone(), doc.generation);
                    } else {
                        saver.save(doc.session.clone(), doc.generation);
                    }
                }
            }
            Effect::SaveAs(path) => {
                let fx = perform::save_as(app, world, path, now);
                run_effects(app, world, terminal, fx);
            }
            Effect::SaveComments => perform::save_comments(app, now),
            Effect::Suspend => suspend(terminal),
            Effect::Attach { path, to } => perform::attach(app, world, path, to, now),
            Effect::Complete(prefix) => {
                let matches = perform::complete_path(&prefix);
                let fx = update(app, Msg::Completed(prefix, matches), now);
                run_effects(app, world, terminal, fx);
            }
            Effect::Export {
                format,
                anonymize,
                include_private,
                path,
            } => perform::export(app, world, (format, anonymize, include_private), path, now),
            Effect::Suggest {
                request,
                session,
                scope,
                threshold,
            } => perform::suggest(app, world, request, session, scope, threshold),
            Effect::Bell => {
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07");
                let _ = out.flush();
            }
            Effect::Open { path, read_only } => {
                if close_doc(app, world).is_some() {
                    continue;
                }
                if let Err(e) = open_doc(app, world, &path, read_only) {
                    warn(app, e, now);
                }
            }
            Effect::Create { title, template } => {
                if close_doc(app, world).is_some() {
                    continue;
                }
                let lang = app.lang;
                match crate::commands::new_session(
                    &app.home_dir,
                    &app.library,
                    &title,
                    template.as_deref(),
                    lang,
                    &app.local_zone,
                ) {
                    Ok((path, store, session)) => {
                        install_doc(app, world, store, session, &path, None, false);
                        app.screen = Screen::Setup;
                        app.setup = Default::default();
                        say(
                            app,
                            crate::t!(app.lang, "run-created", title = path.display().to_string()),
                            now,
                        );
                    }
                    Err(e) => warn(app, e, now),
                }
            }
            Effect::OpenDemo => {
                if close_doc(app, world).is_some() {
                    continue;
                }
                match crate::commands::demo_copy(&app.home_dir) {
                    Ok(path) => {
                        if let Err(e) = open_doc(app, world, &path, false) {
                            warn(app, e, now);
                        }
                    }
                    Err(e) => warn(app, e, now),
                }
            }
            Effect::Close => {
                close_doc(app, world);
            }
            Effect::RefreshSessions => {
                app.home.sessions = store::list_sessions(&app.home_dir.sessions);
                app.home.selected = app.home.selected.min(app.home.rows().saturating_sub(1));
            }
            Effect::StartCollect {
                prompt,
                step_title,
                lang,
                anonymous_only,
            } => {
                let mut fx = stop_collecting(app, world);
                let cfg = crate::collect::CollectConfig {
                    prompt,
                    step_title,
                    lang,
                    anonymous_only,
                    ..Default::default()
                };
                let started = crate::collect::Collector::start(cfg).map(|c| {
                    let urls = c.urls();
                    let qr = urls.first().map(|u| c.qr(u)).unwrap_or_default();
                    let view = CollectView {
                        urls,
                        qr,
                        port: c.port(),
                    };
                    world.collector = Some(c);
                    view
                });
                fx.extend(update(app, Msg::Collecting(started), now));
                run_effects(app, world, terminal, fx);
            }
            Effect::StopCollect => {
                let fx = stop_collecting(app, world);
                run_effects(app, world, terminal, fx);
            }
            Effect::CollectPrompt { step_title, prompt } => {
                if let Some(c) = &world.collector {
                    c.set_prompt(&step_title, &prompt);
                }
            }
            Effect::CollectAnonymous(anonymous) => {
                if let Some(c) = &world.collector {
                    c.set_anonymous_only(anonymous);
                }
            }
            Effect::PublishRound(round) => {
                if let Some(c) = &world.collector {
                    c.set_round(round);
                }
            }
            Effect::Turnout(n) => {
                if let Some(c) = &world.collector {
                    c.set_turnout(n);
                }
            }
            Effect::Quit => app.quit = true,
        }
    }
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

fn open_doc(app: &mut App, world: &mut World, path: &Path, review: bool) -> Result<(), String> {
    let (store, session) = if review {
        Store::open_read_only(
            path,
            "review mode: the workshop itself cannot be changed; c adds a comment",
        )
    } else {
        Store::open(path)
    }
    .map_err(|e| e.to_string())?;
    let reason = store.read_only().map(str::to_owned);
    let recovered = store.recovered().map(str::to_owned);
    // The real file (links resolved once, by the store): media, exports and
    // comments go beside it.
    let path = store.path().to_path_buf();
    install_doc(app, world, store, session, &path, reason.clone(), review);
    app.screen = if app.session().is_some_and(|s| s.agenda.is_empty()) {
        Screen::Setup
    } else {
        Screen::Facilitate
    };
    if let Some(why) = reason.filter(|_| !review) {
        warn(
            app,
            crate::t!(app.lang, "run-opened-read-only", why = why),
            Timestamp::now(),
        );
    }
    // An older file gets this machine's zone, saved at once.
    if !super::rooms::zone::adopt(app, Timestamp::now()).is_empty()
        && let (Some(doc), Some(saver)) = (app.doc.as_ref(), world.saver.as_ref())
    {
        saver.save(doc.session.clone(), doc.generation);
    }
    if let Some(r) = recovered {
        let text = format!("{}{}.", r[..1].to_uppercase(), &r[1..]);
        warn(app, text, Timestamp::now());
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
    review: bool,
) {
    let drafts = if review {
        super::perform::read_review_drafts(&app.home_dir, path)
    } else {
        store.recovered_drafts().clone()
    };
    let ballots = store.recovered_ballots().clone();
    world.saver = if read_only.is_none() {
        Some(Saver::start(store))
    } else {
        None
    };
    app.doc = Some(Doc {
        session: Arc::new(session),
        path: path.to_path_buf(),
        read_only,
        review,
        generation: 0,
        saved_generation: 0,
        save: SaveStatus::Saved(None),
    });
    app.journaled = app.session().map(crate::store::journal::Sections::of);
    app.outbox.clear();
    app.facilitate = Default::default();
    app.notes = Default::default();
    app.board = Default::default();
    app.index = Default::default();
    app.history = Default::default();
    app.search = Default::default();
    app.capture = None;
    app.quit_armed = false;
    app.facilitate.cursor = app
        .session()
        .and_then(|s| s.current_or_first())
        .map(|p| p.stage);
    super::index::refresh_index(app);
    // The session's drafts replace the previous one's (update stays pure:
    // they come as a message).
    // Nothing runs yet for a session just installed: there is no effect.
    let _ = update(app, Msg::Drafts(drafts), Timestamp::now());
    // And what it remembered of phones' ballots.
    let _ = update(app, Msg::Remembered(ballots), Timestamp::now());
}

/// Wait for the last save of the open session, then forget it. Returns
/// the error when the last save failed: the session then stays open, since
/// nothing may be dropped.
fn close_doc(app: &mut App, world: &mut World) -> Option<String> {
    // Collecting ends with the session (its last stickies are taken first).
    let _ = stop_collecting(app, world);
    app.collecting = None;
    app.collect_prompt = None;
    flush_journal(app, world);
    if let Some(saver) = world.saver.as_ref()
        && let Some(doc) = app.doc.as_ref()
        && doc.saved_generation < doc.generation
    {
        saver.save_now(doc.session.clone(), doc.generation);
    }
    let mut store = None;
    if let Some(saver) = world.saver.take() {
        let (reports, s) = saver.finish();
        store = s;
        for r in reports {
            apply_report(app, r);
        }
    }
    if let Some(doc) = &app.doc
        && doc.saved_generation < doc.generation
    {
        let e = match &doc.save {
            SaveStatus::Failed(e) => e.clone(),
            _ => "the last save did not finish".into(),
        };
        // Keep saving (and journaling) this session: nothing may be dropped.
        if let Some(store) = store {
            let saver = Saver::start(store);
            saver.save(doc.session.clone(), doc.generation);
            world.saver = Some(saver);
        }
        let now = Timestamp::now();
        warn(
            app,
            crate::t!(app.lang, "run-stays-open", error = e.clone()),
            now,
        );
        return Some(e);
    }
    if !app.quit {
        app.doc = None;
        super::rooms::collect::reset(app);
    }
    None
}

//! The effects, performed for the run loop (`run.rs`): each comes back
//! as messages for `update` (`Msg::Done` and others), and nothing here
//! changes the app (`tests/architecture.rs` checks that no function here
//! takes `&mut App`). Saves go to the saver threads; exports, attachments
//! and suggestions to a thread each; small disk work a key asks for (a
//! review comment, a read-only copy, the session list, path completion, a
//! reviewer's drafts) to the one disk worker (`saver::Worker`), in order. Opening and closing a
//! session (waiting for its last save) are done here, and what they give is
//! installed by `update`.

use super::Msg;
use super::action::SaveReport;
use super::effect::{Done, Effect, Opened};
use super::saver::{Chore, Report, SAVE_EVERY, Saver, Worker};
use super::state::{App, CollectView, SaveStatus};
use crate::model::{Id, Session, Timestamp};
use crate::store::{self, Home, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

/// Everything the loop owns besides the app state.
pub(super) struct World {
    pub(super) saver: Option<Saver>,
    pub(super) last_attempt: Option<Timestamp>,
    /// Set by SIGTERM, SIGHUP or SIGINT: save and leave.
    pub(super) stop: Arc<AtomicBool>,
    /// The server phones post stickies to, while collecting.
    pub(super) collector: Option<crate::collect::Collector>,
    /// Work on other threads whose result goes back to update as a message
    /// (exports, attachments, cluster suggestions).
    pub(super) workers: Vec<Receiver<Msg>>,
    /// The thread for small disk work, in order (`None`: it could not
    /// start, and the chores run inline).
    pub(super) disk: Option<Worker>,
    /// A save asked for and not yet handed to the saver (true: at once).
    pub(super) save_wanted: Option<bool>,
    /// When the session was last handed to the saver.
    pub(super) last_handed: Option<Instant>,
}

impl World {
    pub(super) fn new(stop: Arc<AtomicBool>) -> World {
        World {
            saver: None,
            last_attempt: None,
            stop,
            collector: None,
            workers: Vec::new(),
            disk: Worker::start(),
            save_wanted: None,
            last_handed: None,
        }
    }

    /// Work still out on a thread (the loop then wakes sooner to take it).
    pub(super) fn busy(&self) -> bool {
        !self.workers.is_empty() || self.disk.as_ref().is_some_and(Worker::busy)
    }

    /// What threads finished since last asked, as messages: the saver's
    /// reports first, then the workers' results.
    pub(super) fn take_done(&mut self) -> Vec<Msg> {
        let mut out: Vec<Msg> = self
            .saver
            .as_ref()
            .map(|s| {
                std::iter::from_fn(|| s.try_report())
                    .map(report_msg)
                    .collect()
            })
            .unwrap_or_default();
        self.workers.retain(|rx| match rx.try_recv() {
            Ok(msg) => {
                out.push(msg);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        if let Some(disk) = self.disk.as_mut() {
            out.extend(std::iter::from_fn(|| disk.try_take()));
        }
        out
    }
}

/// A saver's report as a message.
pub(super) fn report_msg(report: Report) -> Msg {
    match report {
        Report::Save(generation, report) => Msg::Done(Done::Saved(generation, report)),
        Report::MovedTo(path) => Msg::Done(Done::MovedTo(path)),
        Report::Taken(path) => Msg::SaveAsTaken(path),
    }
}

/// Perform one effect (but the terminal's: bell and suspend, in `run.rs`);
/// what it comes back with, for `update`.
pub(super) fn perform(app: &App, world: &mut World, effect: Effect) -> Vec<Msg> {
    match effect {
        Effect::Save | Effect::SaveNow => save(app, world, effect == Effect::SaveNow),
        Effect::SaveAs(path) => save_as(app, world, path),
        Effect::SaveComments => save_comments(app, world),
        Effect::Attach { path, to } => attach(app, world, path, to),
        Effect::Complete(prefix) => chore(world, move || {
            let matches = complete_path(&prefix);
            Msg::Completed(prefix, matches)
        }),
        Effect::Export {
            format,
            anonymize,
            include_private,
            path,
        } => export(app, world, (format, anonymize, include_private), path),
        Effect::Suggest {
            request,
            session,
            scope,
            threshold,
        } => suggest(app, world, request, session, scope, threshold),
        Effect::Open { .. } | Effect::Create { .. } | Effect::OpenDemo => open(app, world, effect),
        Effect::Close => close(app, world),
        Effect::RefreshSessions => {
            let dir = app.home_dir.sessions.clone();
            chore(world, move || {
                Msg::Done(Done::Sessions(store::list_sessions(&dir)))
            })
        }
        Effect::HideSessions(paths) => hide_sessions(app, world, paths),
        Effect::RememberName(name) => remember_name(app, world, name),
        Effect::StartCollect { .. }
        | Effect::StopCollect
        | Effect::CollectPrompt { .. }
        | Effect::CollectAnonymous(_)
        | Effect::PublishRound(_)
        | Effect::Turnout(_) => collect(world, effect),
        // `update` already set `app.quit`; the loop leaves after the last save.
        Effect::Quit => Vec::new(),
        Effect::Bell | Effect::Suspend => Vec::new(),
    }
}

/// Small disk work for the disk worker; inline when it has no thread.
fn chore(world: &mut World, job: impl FnOnce() -> Msg + Send + 'static) -> Vec<Msg> {
    let job: Chore = Box::new(job);
    match world.disk.as_mut() {
        Some(worker) => match worker.run(job) {
            Ok(()) => Vec::new(),
            Err(job) => vec![job()],
        },
        None => vec![job()],
    }
}

/// A save is wanted (in the background, or at once): the session is
/// handed to the saver when the save is due ([`hand_save`]).
fn save(app: &App, world: &mut World, now: bool) -> Vec<Msg> {
    if app.doc.is_none() || world.saver.is_none() {
        return Vec::new();
    }
    world.save_wanted = Some(now || world.save_wanted == Some(true));
    hand_save(app, world);
    Vec::new()
}

/// Hand the session to the saver, when a save is wanted and due: at once
/// for Ctrl-s, else at most every [`SAVE_EVERY`], as often as the writer
/// writes. Not at every edit: a snapshot handed is shared with the writer
/// thread until it is written, and the next edit then copies the whole
/// session (`Arc::make_mut`), 3 ms at 10,000 stickies. The journal has
/// every edit meanwhile. The run loop calls this on each turn.
pub(super) fn hand_save(app: &App, world: &mut World) {
    let Some(at_once) = world.save_wanted else {
        return;
    };
    let due = at_once || world.last_handed.is_none_or(|t| t.elapsed() >= SAVE_EVERY);
    if !due {
        return;
    }
    world.save_wanted = None;
    let (Some(doc), Some(saver)) = (app.doc.as_ref(), world.saver.as_ref()) else {
        return;
    };
    world.last_handed = Some(Instant::now());
    world.last_attempt = Some(Timestamp::now());
    if at_once {
        saver.save_now(doc.session.clone(), doc.generation);
    } else {
        saver.save(doc.session.clone(), doc.generation);
    }
}

/// Save to another path from now on (the saver's writer, in order with
/// the saves), or write a copy when read-only (on the disk worker); a taken
/// path is found there, off the key path, and comes back to update as
/// `Msg::SaveAsTaken`.
fn save_as(app: &App, world: &mut World, path: PathBuf) -> Vec<Msg> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    if let Some(saver) = &world.saver {
        saver.save_as(path, doc.session.clone(), doc.generation);
        return Vec::new();
    }
    // Read-only: write a copy, leave the original alone.
    let session = doc.session.clone();
    let lang = app.lang;
    chore(world, move || {
        if path.exists() {
            return Msg::SaveAsTaken(path);
        }
        let written = store::to_ron(&session)
            .and_then(|t| store::write_atomic(&path, t.as_bytes()))
            .map(|()| path)
            .map_err(|e| crate::i18n::save_error(lang, &e));
        Msg::Done(Done::CopySaved(written))
    })
}

/// Write the comments section of a session under review (on the disk
/// worker, in order).
fn save_comments(app: &App, world: &mut World) -> Vec<Msg> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let (path, session) = (doc.path.clone(), doc.session.clone());
    chore(world, move || {
        let written = store::save_comments(&path, &session.comments);
        Msg::Done(Done::CommentsSaved(written))
    })
}

/// Keep the reviewer's name in config.ron, on the disk worker; where it
/// went (or why not) comes back as a message.
fn remember_name(app: &App, world: &mut World, name: String) -> Vec<Msg> {
    let config = app.home_dir.config.clone();
    let lang = app.lang;
    chore(world, move || {
        let kept = crate::review::remember_name(&config, &name, lang)
            .map(|()| (name, config.join("config.ron")));
        Msg::Done(Done::NameKept(kept))
    })
}

/// Run `job` on a thread of its own; its message comes back through the
/// loop. When no thread can start, `failed` says why.
fn spawn(
    world: &mut World,
    name: &str,
    job: impl FnOnce() -> Msg + Send + 'static,
    failed: impl FnOnce(String) -> String,
) -> Vec<Msg> {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            let _ = tx.send(job());
        });
    match spawned {
        Ok(_) => {
            world.workers.push(rx);
            Vec::new()
        }
        Err(e) => vec![Msg::Done(Done::Failed(failed(e.to_string())))],
    }
}

/// Suggest clusters on a worker thread, with the lab's engine; the result
/// comes back as `Msg::Suggested`.
fn suggest(
    app: &App,
    world: &mut World,
    request: u64,
    session: Arc<Session>,
    scope: crate::model::suggest::Scope,
    threshold: f32,
) -> Vec<Msg> {
    let lab = app.ctx.engine.clone();
    let job = move || {
        let items = session.suggest_clusters_with(lab.engine(), scope, threshold);
        Msg::Suggested(request, items)
    };
    spawn(world, "atelier-suggest", job, |e| e)
}

/// Copy a file (or a folder's media) into the session's media folder, on
/// a thread.
fn attach(app: &App, world: &mut World, path: PathBuf, to: Option<Id>) -> Vec<Msg> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let session_path = doc.path.clone();
    let author = app.ctx.user.clone();
    let lang = app.lang;
    // Copying photos takes a moment: off the key path.
    let job = move || {
        let files = store::media::expand(&path);
        let result = if files.is_empty() {
            let folder = path.display().to_string();
            Err(crate::t!(lang, "attach-empty-folder", folder = folder))
        } else {
            files
                .iter()
                .map(|f| {
                    let at = Timestamp::now();
                    store::media::import(&session_path, f, to.clone(), "", &author, at)
                        .map_err(|e| crate::i18n::media_error(lang, &e))
                })
                .collect()
        };
        Msg::Attached(result)
    };
    spawn(world, "atelier-attach", job, |e| e)
}

/// Write an export on a thread; where it went comes back as a message.
fn export(
    app: &App,
    world: &mut World,
    (format, anonymize, include_private): (crate::export::Format, bool, bool),
    path: PathBuf,
) -> Vec<Msg> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let session_path = doc.path.clone();
    let opts = crate::export::Options {
        anonymize,
        include_private,
        zone: app.local_zone.clone(),
    };
    let session = doc.session.clone();
    let lang = app.lang;
    // Off the key path: a large session's page takes a moment.
    let job = move || {
        let written = write_export(&session, &session_path, format, &opts, path, lang);
        Msg::Done(Done::Exported(written))
    };
    let failed = move |e: String| crate::t!(lang, "run-cannot-export", error = e);
    spawn(world, "atelier-export", job, failed)
}

/// An export, written (on the export's thread).
fn write_export(
    session: &Session,
    session_path: &Path,
    format: crate::export::Format,
    opts: &crate::export::Options,
    path: PathBuf,
    lang: &str,
) -> Result<PathBuf, String> {
    // What is private is not even looked for in the media folder.
    let session = crate::export::shown(session, opts);
    // Photos are read (and checked) here, off the key path; an anonymized
    // export leaves media out.
    let media = if opts.anonymize {
        crate::export::media::Media::none()
    } else {
        crate::export::media::Media::load(
            session_path,
            &session,
            format == crate::export::Format::Html,
        )
    };
    let problems = media.problems(lang);
    // Anonymized exports are meant to be published (0644).
    let access = crate::export::cli::access(opts.anonymize);
    let text = crate::export::export_pieces(format, &session, opts, &media)
        .map_err(|e| crate::i18n::export_error(lang, &e))?;
    store::write_atomic_pieces(&path, text.iter().map(str::as_bytes), access)
        .map_err(|e| crate::i18n::save_error(lang, &e))?;
    if problems.is_empty() {
        return Ok(path);
    }
    // Written all the same; the message names what is missing.
    let what: Vec<String> = problems.iter().map(|(_, why)| why.clone()).collect();
    let what = what.join(&crate::t!(lang, "run-problems-separator"));
    Err(crate::t!(
        lang,
        "run-exported-but",
        path = path.display().to_string(),
        problems = what
    ))
}

/// Open, create or copy the demo and open it: the session open now is
/// closed first (after its last save); when it cannot be, it stays.
fn open(app: &App, world: &mut World, effect: Effect) -> Vec<Msg> {
    let mut msgs = close(app, world);
    match msgs.last() {
        Some(Msg::Done(Done::Closed)) => {}
        Some(Msg::Done(Done::Then(_))) => {
            // The collector's last stickies first, then this again.
            msgs.pop();
            msgs.push(Msg::Done(Done::Then(Box::new(effect))));
            return msgs;
        }
        _ => return msgs,
    }
    let opened = match effect {
        Effect::Open { path, read_only } => {
            open_file(world, &app.home_dir, &path, read_only, app.lang)
        }
        Effect::Create { title, template } => crate::commands::new_session(
            &app.home_dir,
            &app.library,
            &title,
            template.as_deref(),
            app.lang,
            &app.local_zone,
        )
        .map(|(_, store, session)| {
            install(world, &app.home_dir, store, session, false, true, app.lang)
        }),
        _ => crate::commands::demo_copy(&app.home_dir, app.lang)
            .and_then(|path| open_file(world, &app.home_dir, &path, false, app.lang)),
    };
    msgs.push(Msg::Done(match opened {
        Ok(o) => Done::Opened(Box::new(o)),
        Err(e) => Done::Failed(e),
    }));
    msgs
}

/// Open a session file (read-only to review it); its saver starts.
pub(super) fn open_file(
    world: &mut World,
    home: &Home,
    path: &Path,
    review: bool,
    lang: &'static str,
) -> Result<Opened, String> {
    let (store, session) = if review {
        Store::open_read_only(path, &crate::t!(lang, "review-read-only"))
    } else {
        Store::open(path)
    }
    .map_err(|e| crate::i18n::load_error(lang, &e))?;
    Ok(install(world, home, store, session, review, false, lang))
}

/// Start saving a session just opened; what `update` installs.
fn install(
    world: &mut World,
    home: &Home,
    store: Store,
    session: Session,
    review: bool,
    created: bool,
    lang: &'static str,
) -> Opened {
    let read_only = store
        .read_only()
        .map(|why| crate::i18n::read_only_reason(lang, why));
    let recovered = store.recovery().map(|r| crate::i18n::recovered(lang, r));
    // The real file (links resolved once, by the store): media, exports and
    // comments go beside it.
    let path = store.path().to_path_buf();
    let drafts = if review {
        store::review_drafts::read(home, &path)
    } else {
        store.recovered_drafts().clone()
    };
    let ballots = store.recovered_ballots().clone();
    world.saver = read_only.is_none().then(|| Saver::start(store, lang));
    Opened {
        session,
        path,
        read_only,
        review,
        drafts,
        ballots,
        recovered,
        created,
    }
}

/// Wait for the last save of the open session, then stop its saver: the
/// messages end with `Done::Closed`, or `Done::StaysOpen` when the last
/// save failed (the saver starts again: nothing may be dropped), or
/// `Done::Then(Close)` after the stickies a collector took last (they go
/// into the session before it closes).
pub(super) fn close(app: &App, world: &mut World) -> Vec<Msg> {
    let mut msgs = stop_collecting(world);
    if !msgs.is_empty() {
        msgs.push(Msg::Done(Done::Then(Box::new(Effect::Close))));
        return msgs;
    }
    let doc = app.doc.as_ref();
    if let (Some(saver), Some(doc)) = (world.saver.as_ref(), doc)
        && doc.saved_generation < doc.generation
    {
        saver.save_now(doc.session.clone(), doc.generation);
    }
    let mut saved = doc.map_or(0, |d| d.saved_generation);
    let mut failed = match doc.map(|d| &d.save) {
        Some(SaveStatus::Failed(e)) => Some(e.clone()),
        _ => None,
    };
    let mut store = None;
    if let Some(saver) = world.saver.take() {
        let (reports, s) = saver.finish();
        store = s;
        for r in reports {
            if let Report::Save(generation, report) = &r {
                match report {
                    SaveReport::Failed(e) => failed = Some(e.clone()),
                    _ => {
                        saved = saved.max(*generation);
                        failed = None;
                    }
                }
            }
            msgs.push(report_msg(r));
        }
    }
    match doc.filter(|d| saved < d.generation) {
        None => msgs.push(Msg::Done(Done::Closed)),
        Some(doc) => {
            // Keep saving (and journaling) this session.
            if let Some(store) = store {
                let saver = Saver::start(store, app.lang);
                saver.save(doc.session.clone(), doc.generation);
                world.saver = Some(saver);
            }
            let e = failed.unwrap_or_else(|| "the last save did not finish".into());
            msgs.push(Msg::Done(Done::StaysOpen(e)));
        }
    }
    msgs
}

/// Collecting from phones: start, stop, and what the page shows.
fn collect(world: &mut World, effect: Effect) -> Vec<Msg> {
    match effect {
        Effect::StartCollect {
            prompt,
            step_title,
            lang,
            anonymous_only,
        } => {
            let mut msgs = stop_collecting(world);
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
            msgs.push(Msg::Collecting(started));
            return msgs;
        }
        Effect::StopCollect => return stop_collecting(world),
        _ => {}
    }
    let Some(c) = &world.collector else {
        return Vec::new();
    };
    match effect {
        Effect::CollectPrompt { step_title, prompt } => c.set_prompt(&step_title, &prompt),
        Effect::CollectAnonymous(anonymous) => c.set_anonymous_only(anonymous),
        Effect::PublishRound(round) => c.set_round(round),
        Effect::Turnout(n) => c.set_turnout(n),
        _ => {}
    }
    Vec::new()
}

/// Stop the collector (returns once its port is closed): the stickies and
/// ballots that arrived last, as messages.
pub(super) fn stop_collecting(world: &mut World) -> Vec<Msg> {
    match world.collector.take() {
        Some(c) => arrival_msgs(c.stop_all()),
        None => Vec::new(),
    }
}

/// What phones sent, as messages for `update`: the stickies, then the
/// ballots (each kind in the order it arrived).
pub(super) fn arrival_msgs(arrivals: Vec<crate::collect::Arrival>) -> Vec<Msg> {
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

/// Names in the folder of `prefix` that start with its last part (folders
/// end with `/`), sorted.
pub(super) fn complete_path(prefix: &str) -> Vec<String> {
    let (dir, start) = match prefix.rfind('/') {
        Some(i) => (&prefix[..=i], &prefix[i + 1..]),
        None => ("./", prefix),
    };
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with(start) || (name.starts_with('.') && !start.starts_with('.')) {
                return None;
            }
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            Some(if is_dir { format!("{name}/") } else { name })
        })
        .collect();
    out.sort();
    out
}

/// Keep a reviewer's drafts in their own file, on the disk worker (in
/// order with the other chores); how it went comes back as a message.
pub(super) fn keep_review_drafts(
    app: &App,
    world: &mut World,
    drafts: crate::store::journal::Drafts,
) -> Vec<Msg> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let (home, session, lang) = (app.home_dir.clone(), doc.path.clone(), app.lang);
    chore(world, move || {
        let kept = store::review_drafts::write(&home, &session, &drafts)
            .map_err(|e| crate::i18n::save_error(lang, &e));
        Msg::Done(Done::DraftsKept(kept))
    })
}

/// Keep the sessions taken off the home list, on the disk worker; a failure
/// is said (the list on screen stays as it is, the next start shows them
/// again).
fn hide_sessions(app: &App, world: &mut World, paths: Vec<std::path::PathBuf>) -> Vec<Msg> {
    let home = app.home_dir.clone();
    let lang = app.lang;
    chore(world, move || {
        match crate::store::hidden::write(&home, &paths) {
            Ok(()) => Msg::Done(Done::Hidden),
            Err(e) => Msg::Done(Done::Failed(crate::i18n::save_error(lang, &e))),
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{Attachment, MediaKind};

    /// An app with the session at `path` open (read-only with `why`), and
    /// the loop's world, its disk worker started.
    fn opened(path: &Path, why: Option<&str>) -> (App, World) {
        let home = Home::under(Path::new("/nonexistent/atelier-test"));
        let library = crate::methods::Library::bundled();
        let keymap = crate::app::keymap::Keymap::defaults();
        let mut app = App::new(
            home,
            library,
            keymap,
            "en",
            Timestamp::from_unix(0).unwrap(),
        );
        let mut doc =
            crate::app::state::Doc::new(Session::new(Id::from("s-1"), "Cantines"), path.into());
        doc.read_only = why.map(str::to_owned);
        app.doc = Some(doc);
        let world = World::new(Arc::new(AtomicBool::new(false)));
        assert!(world.disk.is_some(), "the disk worker started");
        (app, world)
    }

    /// Save-as onto a file already there: found off the key path (by the
    /// disk worker for a read-only copy, by the saver's writer otherwise),
    /// told by a message, and the file is left as it was.
    #[test]
    fn save_as_onto_a_taken_path_is_found_off_the_key_path() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("taken.ron");
        std::fs::write(&taken, "not mine").unwrap();
        let session = dir.path().join("s.ron");

        let (app, mut world) = opened(&session, Some("review"));
        let inline = perform(&app, &mut world, Effect::SaveAs(taken.clone()));
        assert_eq!(inline, Vec::new(), "the key path looked at the disk");
        let answers = world.disk.take().unwrap().finish();
        assert_eq!(answers, vec![Msg::SaveAsTaken(taken.clone())]);

        let (app, mut world) = opened(&session, None);
        let store = Store::create(&session, app.session().unwrap()).unwrap();
        world.saver = Some(Saver::start(store, "en"));
        let inline = perform(&app, &mut world, Effect::SaveAs(taken.clone()));
        assert_eq!(inline, Vec::new(), "the key path looked at the disk");
        let (reports, store) = world.saver.take().unwrap().finish();
        let answers: Vec<Msg> = reports.into_iter().map(report_msg).collect();
        assert_eq!(answers, vec![Msg::SaveAsTaken(taken.clone())]);
        assert_eq!(store.unwrap().path(), session.canonicalize().unwrap());
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), "not mine");
    }

    /// An export whose photo is missing is written all the same, and says
    /// so in the user's language.
    #[test]
    fn a_missing_photo_is_said_in_the_users_language() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(Id::from("s-1"), "Cantines");
        s.attachments.push(Attachment {
            id: Id::from("a-1"),
            to: None,
            kind: MediaKind::Image,
            path: "s.media/parti.png".into(),
            hash: "00".into(),
            caption: String::new(),
            author: String::new(),
            time: Timestamp::from_unix(0).unwrap(),
        });
        let file = dir.path().join("s.ron");
        let opts = crate::export::Options::default();
        let html = crate::export::Format::Html;
        for (lang, said) in [
            (
                "fr",
                "mais le média s.media/parti.png manque (déplacé ou supprimé\u{a0}?)",
            ),
            (
                "en",
                "but media s.media/parti.png is missing (moved or deleted?)",
            ),
        ] {
            let out = dir.path().join(format!("{lang}.html"));
            let e = write_export(&s, &file, html, &opts, out.clone(), lang).unwrap_err();
            assert!(e.contains(said), "{e}");
            assert!(out.is_file(), "{lang}");
        }
    }
}

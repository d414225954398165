//! The effects that touch the disk or start a thread, performed for the
//! run loop (`run.rs`): exports and attachments go to a thread and come
//! back through the loop; what is left on the key path is said here.

use super::effect::Effect;
use super::kit::{say, warn};
use super::router::update;
use super::state::App;
use super::{Msg, saver::Saver};
use crate::model::{Id, Timestamp};
use crate::store;
use crate::store::Home;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Everything the loop owns besides the app state.
pub(super) struct World {
    pub(super) saver: Option<Saver>,
    pub(super) last_attempt: Option<Timestamp>,
    /// Set by SIGTERM, SIGHUP or SIGINT: save and leave.
    pub(super) stop: Arc<AtomicBool>,
    /// Exports being written, each reporting where it went.
    pub(super) exports: Vec<std::sync::mpsc::Receiver<Result<std::path::PathBuf, String>>>,
    /// Files being copied into the media folder.
    pub(super) attaching:
        Vec<std::sync::mpsc::Receiver<Result<Vec<crate::model::Attachment>, String>>>,
    /// The server phones post stickies to, while collecting.
    pub(super) collector: Option<crate::collect::Collector>,
    /// Work on other threads whose result goes back to update as a message
    /// (cluster suggestions).
    pub(super) workers: Vec<std::sync::mpsc::Receiver<super::action::Msg>>,
}

/// Suggest clusters on a worker thread, with the lab's engine; the result
/// comes back as `Msg::Suggested`.
pub(super) fn suggest(
    app: &App,
    world: &mut World,
    request: u64,
    session: Arc<crate::model::Session>,
    scope: crate::model::suggest::Scope,
    threshold: f32,
) {
    let lab = app.ctx.engine.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("atelier-suggest".into())
        .spawn(move || {
            let items = session.suggest_clusters_with(lab.engine(), scope, threshold);
            let _ = tx.send(super::action::Msg::Suggested(request, items));
        });
    if spawned.is_ok() {
        world.workers.push(rx);
    }
}

/// Save to another path from now on, or write a copy when read-only; a
/// taken path goes back to update as a message. (Still on the key path:
/// the copy of a read-only session is written here.)
pub(super) fn save_as(
    app: &mut App,
    world: &mut World,
    path: PathBuf,
    now: Timestamp,
) -> Vec<Effect> {
    if path.exists() {
        return update(app, Msg::SaveAsTaken(path), now);
    }
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    match &world.saver {
        Some(saver) => saver.save_as(path, doc.session.clone(), doc.generation),
        None => {
            // Read-only: write a copy, leave the original alone.
            match store::to_ron(&doc.session).and_then(|t| store::write_atomic(&path, t.as_bytes()))
            {
                Ok(()) => {
                    let text = crate::t!(
                        app.lang,
                        "run-copy-saved",
                        path = path.display().to_string()
                    );
                    say(app, text, now)
                }
                Err(e) => {
                    let text = crate::t!(app.lang, "run-not-saved", error = e.to_string());
                    warn(app, text, now)
                }
            }
        }
    }
    Vec::new()
}

/// Write the comments section of a session under review. (Still on the
/// key path.)
pub(super) fn save_comments(app: &mut App, now: Timestamp) {
    let Some(doc) = app.doc.as_ref() else {
        return;
    };
    match store::save_comments(&doc.path, &doc.session.comments) {
        Ok(()) => {
            let text = crate::t!(app.lang, "run-comment-saved");
            say(app, text, now)
        }
        Err(e) => warn(
            app,
            crate::t!(app.lang, "run-comment-not-saved", error = e),
            now,
        ),
    }
}

/// Keep the reviewer's name in config.ron, and say where (or why not).
pub(super) fn remember_name(app: &mut App, name: &str, now: Timestamp) {
    let config = app.home_dir.config.clone();
    match crate::review::remember_name(&config, name, app.lang) {
        Ok(()) => {
            let path = config.join("config.ron").display().to_string();
            let text = crate::t!(app.lang, "review-name-kept", name = name, path = path);
            say(app, text, now)
        }
        Err(e) => warn(app, e, now),
    }
}

/// Copy a file (or a folder's media) into the session's media folder, on
/// a thread.
pub(super) fn attach(
    app: &mut App,
    world: &mut World,
    path: PathBuf,
    to: Option<Id>,
    now: Timestamp,
) {
    let Some(doc) = app.doc.as_ref() else {
        return;
    };
    let session_path = doc.path.clone();
    let author = app.ctx.user.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    // Copying photos takes a moment: off the key path.
    let spawned = std::thread::Builder::new()
        .name("atelier-attach".into())
        .spawn(move || {
            let files = store::media::expand(&path);
            let result = if files.is_empty() {
                Err(format!(
                    "{}: no photos, videos or audio files here",
                    path.display()
                ))
            } else {
                files
                    .iter()
                    .map(|f| {
                        store::media::import(
                            &session_path,
                            f,
                            to.clone(),
                            "",
                            &author,
                            Timestamp::now(),
                        )
                    })
                    .collect()
            };
            let _ = tx.send(result);
        });
    match spawned {
        Ok(_) => world.attaching.push(rx),
        Err(e) => warn(app, format!("{e}"), now),
    }
}

/// Write an export on a thread; the run loop polls for where it went.
pub(super) fn export(
    app: &mut App,
    world: &mut World,
    (format, anonymize, include_private): (crate::export::Format, bool, bool),
    path: PathBuf,
    now: Timestamp,
) {
    let Some(doc) = app.doc.as_ref() else {
        return;
    };
    let session_path = doc.path.clone();
    let opts = crate::export::Options {
        anonymize,
        include_private,
        zone: app.local_zone.clone(),
    };
    let session = doc.session.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    // Off the key path: a large session's page takes a moment.
    let spawned = std::thread::Builder::new()
        .name("atelier-export".into())
        .spawn(move || {
            // What is private is not even looked for in the media folder.
            let session = crate::export::shown(&session, &opts);
            // Photos are read (and checked) here, off the key path;
            // an anonymized export leaves media out.
            let media = if anonymize {
                crate::export::media::Media::none()
            } else {
                crate::export::media::Media::load(
                    &session_path,
                    &session,
                    format == crate::export::Format::Html,
                )
            };
            let problems = media.problems();
            // Anonymized exports are meant to be published (0644).
            let access = crate::export::cli::access(anonymize);
            let result = crate::export::export_with(format, &session, &opts, &media)
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    if problems.is_empty() {
                        Ok(text)
                    } else {
                        // Written all the same; the message names what is missing.
                        let what: Vec<String> =
                            problems.iter().map(|(_, why)| why.clone()).collect();
                        store::write_atomic_as(&path, text.as_bytes(), access)
                            .map_err(|e| e.to_string())?;
                        Err(format!(
                            "written to {}, but {}",
                            path.display(),
                            what.join("; ")
                        ))
                    }
                })
                .and_then(|text| {
                    store::write_atomic_as(&path, text.as_bytes(), access)
                        .map_err(|e| e.to_string())
                })
                .map(|()| path);
            let _ = tx.send(result);
        });
    match spawned {
        Ok(_) => world.exports.push(rx),
        Err(e) => {
            let text = crate::t!(app.lang, "run-cannot-export", error = e.to_string());
            warn(app, text, now)
        }
    }
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

/// Where a reviewer's drafts for the session at `session` are kept: in
/// their own state folder (the session's journal belongs to whoever holds
/// its lock), one file per session path.
pub fn review_drafts_path(home: &Home, session: &Path) -> std::path::PathBuf {
    let real = std::fs::canonicalize(session).unwrap_or_else(|_| session.to_path_buf());
    let stem = real
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hash = crc32fast::hash(real.as_os_str().as_encoded_bytes());
    home.state
        .join("review-drafts")
        .join(format!("{stem}-{hash:08x}.ron"))
}

pub(super) fn write_review_drafts(
    home: &Home,
    session: &Path,
    drafts: &crate::store::journal::Drafts,
) -> Result<(), String> {
    let path = review_drafts_path(home, session);
    if drafts.is_empty() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.to_string()),
            _ => Ok(()),
        };
    }
    if let Some(dir) = path.parent() {
        store::paths::make_private_dir(dir).map_err(|e| e.to_string())?;
    }
    let text = ron::to_string(drafts).map_err(|e| e.to_string())?;
    store::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())
}

/// A reviewer's drafts for `session` (empty when none, or unreadable).
pub(super) fn read_review_drafts(home: &Home, session: &Path) -> crate::store::journal::Drafts {
    std::fs::read_to_string(review_drafts_path(home, session))
        .ok()
        .and_then(|t| ron::from_str(&t).ok())
        .unwrap_or_default()
}

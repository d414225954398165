//! Media beside a session: photos, videos and audio are copied into
//! `<session>.media/`, named by the SHA-256 of their content (so the same
//! photo is stored once), and referenced from the session by relative path.
//! Media never leave that folder unless exported.

use crate::model::{Attachment, Id, MediaKind, Session, Timestamp};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The media folder of a session: `demo.ron` -> `demo.media/`.
pub fn media_dir(session: &Path) -> PathBuf {
    let stem = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    session.with_file_name(format!("{stem}.media"))
}

/// What a file is, by its extension.
pub fn kind_of(path: &Path) -> Option<MediaKind> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" | "jpg" | "jpeg" | "webp" | "gif" | "heic" => MediaKind::Image,
        "mp4" | "mov" | "m4v" | "webm" | "mkv" | "avi" | "3gp" => MediaKind::Video,
        "mp3" | "m4a" | "wav" | "ogg" | "oga" | "opus" | "aac" | "flac" => MediaKind::Audio,
        _ => return None,
    })
}

/// SHA-256 of a file's content, hex.
pub fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Copy `file` into the session's media folder (once per content) and
/// return the attachment to add. `to` is the item it belongs to.
pub fn import(
    session_path: &Path,
    file: &Path,
    to: Option<Id>,
    caption: &str,
    author: &str,
    now: Timestamp,
) -> Result<Attachment, MediaError> {
    let path = || file.display().to_string();
    let kind = kind_of(file).ok_or_else(|| MediaError::NotMedia { path: path() })?;
    if !file.is_file() {
        return Err(MediaError::NoSuchFile { path: path() });
    }
    let hash = hash_file(file).map_err(|e| MediaError::Save(super::SaveError::io(file, &e)))?;
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let dir = media_dir(&super::paths::resolve(session_path));
    super::paths::make_private_dir(&dir)
        .map_err(|e| MediaError::Save(super::SaveError::io(&dir, &e)))?;
    let name = format!("{hash}.{ext}");
    let target = dir.join(&name);
    if !target.exists() {
        // Owner-only, whatever the source's mode (0666 included).
        super::copy_atomic(file, &target, super::Access::Private).map_err(MediaError::Save)?;
    }
    let rel = format!(
        "{}/{name}",
        dir.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    let caption = if caption.is_empty() {
        file.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        caption.to_owned()
    };
    Ok(Attachment {
        id: Id::new(),
        to,
        kind,
        path: rel,
        hash,
        caption,
        author: author.to_owned(),
        time: now,
    })
}

/// A file that could not be attached. `Display` says it in English; `key`
/// gives the edge its Fluent key (`errors.ftl`), for `i18n::media_error`.
#[derive(Debug)]
pub enum MediaError {
    NotMedia {
        path: String,
    },
    NoSuchFile {
        path: String,
    },
    /// Reading the file or writing its copy.
    Save(super::SaveError),
}

impl std::fmt::Display for MediaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MediaError::NotMedia { path } => write!(
                f,
                "{path}: not a photo, video or audio file (PNG, JPEG, WebP, MP4, MOV, MP3, M4A, WAV, OGG...)"
            ),
            MediaError::NoSuchFile { path } => write!(f, "{path}: no such file"),
            MediaError::Save(e) => e.fmt(f),
        }
    }
}

impl MediaProblem {
    /// The problem's Fluent key (`errors.ftl`) and its path.
    pub fn key(&self) -> (&'static str, &str) {
        match self {
            MediaProblem::Missing { path } => ("media-missing", path),
            MediaProblem::Altered { path } => ("media-altered", path),
            MediaProblem::Outside { path } => ("media-outside", path),
        }
    }
}

/// A problem with an attached file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MediaProblem {
    Missing { path: String },
    Altered { path: String },
    Outside { path: String },
}

impl std::fmt::Display for MediaProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MediaProblem::Missing { path } => {
                write!(f, "media {path} is missing (moved or deleted?)")
            }
            MediaProblem::Altered { path } => {
                write!(
                    f,
                    "media {path} was altered: its content no longer matches its hash"
                )
            }
            MediaProblem::Outside { path } => {
                write!(
                    f,
                    "media {path} points outside the session's media folder: not used"
                )
            }
        }
    }
}

/// Whether a relative attachment path stays inside the session's folder.
pub fn inside(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && !p.is_absolute()
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Check every attached file of a session: present, inside its folder,
/// unaltered.
pub fn check(session_path: &Path, s: &Session) -> Vec<MediaProblem> {
    let real = super::paths::resolve(session_path);
    let base = real.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for a in &s.attachments {
        if a.kind == MediaKind::Link {
            continue;
        }
        if !inside(&a.path) {
            out.push(MediaProblem::Outside {
                path: a.path.clone(),
            });
            continue;
        }
        let p = base.join(&a.path);
        // A link in the media folder could point anywhere: exports refuse
        // it, so check reports it too.
        if std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink()) {
            out.push(MediaProblem::Outside {
                path: a.path.clone(),
            });
            continue;
        }
        match hash_file(&p) {
            Ok(h) if a.hash.is_empty() || h == a.hash => {}
            Ok(_) => out.push(MediaProblem::Altered {
                path: a.path.clone(),
            }),
            Err(_) => out.push(MediaProblem::Missing {
                path: a.path.clone(),
            }),
        }
    }
    out
}

/// Files to import from a path: the file itself, or the photos, videos and
/// audio files of a folder (sorted by name).
pub fn expand(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && kind_of(p).is_some())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    }
}

//! A reviewer's drafts (`atelier review`): the comments typed and not yet
//! sent, kept in the reviewer's own state folder (the session's journal
//! belongs to whoever holds its lock), one file per session path.

use super::journal::Drafts;
use super::paths::{Home, make_private_dir};
use super::{SaveError, write_atomic};
use std::path::{Path, PathBuf};

/// Where a reviewer's drafts for the session at `session` are kept.
pub fn path(home: &Home, session: &Path) -> PathBuf {
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

/// A reviewer's drafts for `session` (empty when none, or unreadable).
pub fn read(home: &Home, session: &Path) -> Drafts {
    std::fs::read_to_string(path(home, session))
        .ok()
        .and_then(|t| ron::from_str(&t).ok())
        .unwrap_or_default()
}

/// Keep `drafts` as the reviewer's drafts for `session`; none removes the
/// file.
pub fn write(home: &Home, session: &Path, drafts: &Drafts) -> Result<(), SaveError> {
    let path = path(home, session);
    if drafts.is_empty() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(SaveError::io(&path, &e)),
            _ => Ok(()),
        };
    }
    if let Some(dir) = path.parent() {
        make_private_dir(dir).map_err(|e| SaveError::io(dir, &e))?;
    }
    let text = ron::to_string(drafts).map_err(|e| SaveError::Serialize(e.to_string()))?;
    write_atomic(&path, text.as_bytes())
}

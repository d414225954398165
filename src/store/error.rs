//! Errors of reading and writing session files.

use crate::model::Problem;
use std::fmt;
use std::path::Path;

/// A file that could not be loaded: where, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    /// 1-based line and column, where the text gives one.
    pub pos: Option<(usize, usize)>,
    /// In English, as `Display` shows it.
    pub message: String,
    /// The same message as a Fluent key (`load-…` in
    /// `assets/locales/*/store.ftl`) and its arguments, for the command
    /// line to say it in the user's language (`i18n::load_error`); `None`
    /// for the messages that have no key yet.
    pub key: Option<(&'static str, Vec<(&'static str, String)>)>,
    /// The file ends before its closing parenthesis (said after the message).
    pub truncated: bool,
    /// How many more problems the file has past this one (said after it).
    pub more: u32,
}

impl LoadError {
    pub fn new(file: &str, pos: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        LoadError {
            file: file.to_owned(),
            pos,
            message: message.into(),
            key: None,
            truncated: false,
            more: 0,
        }
    }

    /// With the Fluent key of its message (see [`LoadError::key`]).
    pub fn keyed(mut self, key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        self.key = Some((key, args));
        self
    }

    pub fn at_offset(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Self {
        Self::new(file, Some(line_col(text, offset)), message)
    }

    pub fn io(path: &Path, e: &std::io::Error) -> Self {
        let (key, args) = io_keyed(e);
        Self::new(&path.display().to_string(), None, describe_io(e)).keyed(key, args)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some((line, col)) => write!(f, "{}:{}:{}: {}", self.file, line, col, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for LoadError {}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Each kind of I/O error that has plain words, and their Fluent key
/// (`load-io-…` in `assets/locales/*/store.ftl`).
const IO_KEYS: &[(std::io::ErrorKind, &str)] = {
    use std::io::ErrorKind as K;
    &[
        (K::NotFound, "load-io-not-found"),
        (K::NotADirectory, "load-io-not-a-folder"),
        (K::IsADirectory, "load-io-is-a-folder"),
        (K::DirectoryNotEmpty, "load-io-folder-not-empty"),
        (K::AlreadyExists, "load-io-exists"),
        (K::AddrInUse, "load-io-port-taken"),
        (K::AddrNotAvailable, "load-io-address-unavailable"),
        (K::PermissionDenied, "load-io-permission"),
        (K::ReadOnlyFilesystem, "load-io-read-only"),
        (K::StorageFull, "load-io-full"),
        (K::QuotaExceeded, "load-io-quota"),
        (K::FileTooLarge, "load-io-too-large"),
        (K::InvalidInput, "load-io-invalid-input"),
        (K::InvalidData, "load-io-invalid-data"),
        (K::InvalidFilename, "load-io-invalid-name"),
        (K::TimedOut, "load-io-timed-out"),
        (K::Interrupted, "load-io-interrupted"),
        (K::UnexpectedEof, "load-io-unexpected-end"),
        (K::WriteZero, "load-io-write-zero"),
        (K::Unsupported, "load-io-unsupported"),
        (K::ResourceBusy, "load-io-busy"),
        (K::ExecutableFileBusy, "load-io-busy"),
        (K::CrossesDevices, "load-io-crosses-devices"),
        (K::BrokenPipe, "load-io-broken-pipe"),
        (K::ConnectionReset, "load-io-connection-lost"),
        (K::ConnectionAborted, "load-io-connection-lost"),
        (K::NotConnected, "load-io-connection-lost"),
        (K::OutOfMemory, "load-io-out-of-memory"),
        (K::TooManyLinks, "load-io-too-many-links"),
        (K::StaleNetworkFileHandle, "load-io-stale"),
        (K::NotSeekable, "load-io-not-seekable"),
        (K::ArgumentListTooLong, "load-io-invalid-input"),
        (K::Deadlock, "load-io-busy"),
    ]
};

/// The Fluent keys of every kind of I/O error with plain words (each once).
pub fn io_keys() -> impl Iterator<Item = &'static str> {
    IO_KEYS
        .iter()
        .enumerate()
        .filter(|(i, (_, k))| !IO_KEYS[..*i].iter().any(|(_, o)| o == k))
        .map(|(_, (_, k))| *k)
}

/// Plain words for an I/O error, saying what to do where we can (in
/// English; [`io_keyed`] gives the same as a Fluent key). An error with
/// no plain words is the system's own.
pub fn describe_io(e: &std::io::Error) -> String {
    match io_key(e) {
        Some(key) => crate::i18n::tr("en", key),
        None => e.to_string(),
    }
}

/// The Fluent key of [`describe_io`]'s words, when it has its own.
pub fn io_key(e: &std::io::Error) -> Option<&'static str> {
    IO_KEYS
        .iter()
        .find(|(kind, _)| *kind == e.kind())
        .map(|(_, key)| *key)
}

/// An I/O error as a Fluent key and its arguments, always: plain words
/// ([`io_key`]), else the system's error number (`load-io-os`), else the
/// error's own words inside a keyed sentence (`load-io-other`).
pub fn io_keyed(e: &std::io::Error) -> (&'static str, Vec<(&'static str, String)>) {
    match (io_key(e), e.raw_os_error()) {
        (Some(key), _) => (key, Vec::new()),
        (None, Some(code)) => ("load-io-os", vec![("code", code.to_string())]),
        (None, None) => ("load-io-other", vec![("detail", e.to_string())]),
    }
}

/// A save that did not happen. `Display` says it in English; each variant
/// has a Fluent key (`assets/locales/*/errors.ftl`, `store.ftl`) for
/// `i18n::save_error` to say it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: this session is open read-only ({reason})")]
    ReadOnly {
        path: String,
        reason: String,
        /// The atelier holding the file, when that is the reason.
        holder: Option<String>,
    },
    #[error("{path}: {message}")]
    Io {
        path: String,
        message: String,
        /// The message's Fluent key and arguments (`save-…`, `load-io-…`).
        key: (&'static str, Vec<(&'static str, String)>),
    },
    #[error("cannot write the session: {0}")]
    Serialize(String),
}

impl SaveError {
    pub fn io(path: &Path, e: &std::io::Error) -> Self {
        SaveError::Io {
            path: path.display().to_string(),
            message: describe_io(e),
            key: io_keyed(e),
        }
    }

    /// A new file's name is taken: a file is there already.
    pub fn taken(path: &Path) -> Self {
        SaveError::Io {
            path: path.display().to_string(),
            message: "a file with this name already exists".into(),
            key: ("save-exists", Vec::new()),
        }
    }

    /// Whether this is [`SaveError::taken`].
    pub fn is_taken(&self) -> bool {
        matches!(
            self,
            SaveError::Io {
                key: ("save-exists", _),
                ..
            }
        )
    }

    /// The file is open in another atelier (`holder`).
    pub fn open_in(path: &Path, holder: impl std::fmt::Display) -> Self {
        SaveError::ReadOnly {
            path: path.display().to_string(),
            reason: format!("it is open in {holder}"),
            holder: Some(holder.to_string()),
        }
    }
}

/// Where a problem stands in the text: its quoted id written as the value of
/// its field (`id:` for a duplicate; `author:`, `target: Sticky(`... for a
/// reference), so that another item merely holding the same id is not
/// pointed at. Falls back to the id's plain occurrence.
pub(super) fn locate(text: &str, problem: &Problem) -> Option<usize> {
    let id = problem.id()?;
    let field = match problem {
        Problem::Dangling { field, .. } => field.rsplit('.').next().unwrap_or(field),
        _ => "id",
    };
    let needle = format!("\"{id}\"");
    let n = problem.occurrence();
    let mut all = text.match_indices(&needle).map(|(i, _)| i);
    text.match_indices(&needle)
        .map(|(i, _)| i)
        .filter(|&at| is_value_of(&text[..at], field))
        .nth(n)
        .or_else(|| all.nth(n))
}

/// Whether `before` ends with `field:`, possibly followed by `Some(` or a
/// variant such as `Sticky(`.
fn is_value_of(before: &str, field: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut b = before.trim_end();
    if let Some(rest) = b.strip_suffix('(') {
        b = rest.trim_end().trim_end_matches(word).trim_end();
    }
    b.strip_suffix(':')
        .map(str::trim_end)
        .and_then(|b| b.strip_suffix(field))
        .is_some_and(|b| !b.ends_with(word))
}

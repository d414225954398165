//! Writing a session file: deterministic pretty RON, written atomically.

use super::error::SaveError;
use crate::model::Session;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The first line of every session file.
pub const HEADER: &str = "// atelier session file: plain text, see docs/format.md\n";

/// The session as the exact bytes of its file. The same session always
/// gives the same text.
pub fn to_ron(session: &Session) -> Result<String, SaveError> {
    let pretty = |escape: bool| {
        ron::ser::PrettyConfig::new()
            .indentor("    ")
            .new_line("\n")
            .escape_strings(escape)
    };
    let write = |escape: bool| -> Result<String, SaveError> {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(HEADER);
        // Straight into `out`: no second string to copy.
        ron::Options::default()
            .to_writer_pretty(&mut out, session, pretty(escape))
            .map_err(|e| SaveError::Serialize(e.to_string()))?;
        out.push('\n');
        Ok(out)
    };
    let out = write(false)?;
    // Multi-line texts stay readable as they are; but a text holding other
    // control characters (an escape sequence pasted in) would put them raw in
    // the file, so such a session is written with escapes instead.
    if has_control(out.as_bytes()) {
        write(true)
    } else {
        Ok(out)
    }
}

/// Whether UTF-8 text holds a control character other than newline and
/// tab, looked for on bytes: a C0 control or DEL is one byte, a C1 control
/// is 0xC2 followed by 0x80..=0x9F.
fn has_control(bytes: &[u8]) -> bool {
    let suspect = |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7f) | (b == 0xc2);
    // A branch-free pass over each 64-byte chunk (it vectorizes); only the
    // rare chunk with a suspect byte is looked at closely.
    bytes.chunks(64).enumerate().any(|(k, chunk)| {
        chunk.iter().fold(false, |acc, &b| acc | suspect(b))
            && chunk.iter().enumerate().any(|(j, &b)| {
                let i = k * 64 + j;
                (b < 0x20 && b != b'\n' && b != b'\t')
                    || b == 0x7f
                    || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
            })
    })
}

/// Who may read a file atelier writes. Nobody but its owner may ever write
/// to it, whatever the umask: modes are set explicitly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// 0600: sessions, journals, conflict copies, media, and exports that
    /// are not anonymized (they hold people's names and words).
    Private,
    /// 0644: anonymized exports, meant to be published.
    Public,
    /// An existing file keeps its mode, less any write permission for its
    /// group or others; a new file is 0600. Session files are saved so.
    Keep,
}

impl Access {
    /// The mode for a file written at `path` (following links).
    #[cfg(unix)]
    fn mode(self, path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        match self {
            Access::Private => 0o600,
            Access::Public => 0o644,
            Access::Keep => std::fs::metadata(path)
                .ok()
                .filter(std::fs::Metadata::is_file)
                .map_or(0o600, |m| m.permissions().mode() & 0o755),
        }
    }
}

/// Where the bytes for a path go.
enum Target {
    /// A regular file, or none yet: a temporary file, then a rename.
    File(PathBuf),
    /// A character or block device, a FIFO, a socket: written straight
    /// into, never replaced.
    Stream(PathBuf),
    /// Our own standard output or error (`/dev/stdout`, `/dev/fd/2`...).
    Stdio(u32),
}

/// The file descriptor a path names, for `/dev/stdout`, `/dev/fd/N` and
/// `/proc/self/fd/N`.
fn fd_of(path: &Path) -> Option<u32> {
    let s = path.to_str()?;
    match s {
        "/dev/stdin" => Some(0),
        "/dev/stdout" => Some(1),
        "/dev/stderr" => Some(2),
        _ => ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"]
            .iter()
            .find_map(|p| s.strip_prefix(p))?
            .parse()
            .ok(),
    }
}

fn target(path: &Path) -> Target {
    let real = super::paths::resolve(path);
    match fd_of(&real) {
        Some(fd @ (1 | 2)) => Target::Stdio(fd),
        Some(_) => Target::Stream(real),
        None => match std::fs::metadata(&real) {
            Ok(m) if !m.is_file() && !m.is_dir() => Target::Stream(real),
            _ => Target::File(real),
        },
    }
}

/// Whether writing `path` goes straight into something that is not a
/// regular file (a device, a FIFO, a socket, a standard stream), links
/// followed.
pub fn is_stream(path: &Path) -> bool {
    !matches!(target(path), Target::File(_))
}

/// Whether writing `path` writes our own standard output (`/dev/stdout`,
/// `/dev/fd/1`, or a link to one of them).
pub fn is_stdout(path: &Path) -> bool {
    matches!(target(path), Target::Stdio(1))
}

/// Write `bytes` to `path` atomically: a temporary file in the same folder,
/// fsync, rename over the old file, fsync the folder. A new file is made
/// readable by its owner only; an existing file keeps its mode, less any
/// write permission for others (see [`Access::Keep`]).
///
/// A symbolic link is followed: its target is written and the link stays a
/// link. A device, a FIFO or our standard output is written straight into
/// (no temporary file, no rename, no change of mode).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_as(path, bytes, Access::Keep)
}

/// As [`write_atomic`], with the mode given.
pub fn write_atomic_as(path: &Path, bytes: &[u8], access: Access) -> Result<(), SaveError> {
    write_to(path, bytes, access, |f, b| f.write_all(b))
}

/// As [`write_atomic_as`], the bytes given in pieces written one after
/// the other (an export's page need not be joined first).
pub fn write_atomic_pieces<'a>(
    path: &Path,
    pieces: impl IntoIterator<Item = &'a [u8]>,
    access: Access,
) -> Result<(), SaveError> {
    write_to(path, &[], access, |f, _| {
        pieces.into_iter().try_for_each(|piece| f.write_all(piece))
    })
}

/// As [`write_atomic`], with the writing step given (tests inject failures).
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    write_to(path, bytes, Access::Keep, write)
}

/// Copy the file `from` to `to` as [`write_atomic_as`] writes: a new file
/// gets `access`'s mode, never the source's.
pub fn copy_atomic(from: &Path, to: &Path, access: Access) -> Result<(), SaveError> {
    let mut source = std::fs::File::open(from).map_err(|e| SaveError::io(from, &e))?;
    write_to(to, &[], access, |f, _| {
        std::io::copy(&mut source, f).map(|_| ())
    })
}

fn write_to(
    path: &Path,
    bytes: &[u8],
    access: Access,
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    match target(path) {
        Target::File(real) => write_file(&real, bytes, access, write),
        Target::Stream(real) => {
            // No `create`: a device or FIFO that went away is an error, never
            // a regular file in its place.
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&real)
                .map_err(|e| SaveError::io(&real, &e))?;
            write(&mut file, bytes)
                .and_then(|()| file.flush())
                .map_err(|e| SaveError::io(&real, &e))
        }
        Target::Stdio(fd) => write_stdio(path, fd, bytes, write),
    }
}

#[cfg(unix)]
fn write_stdio(
    path: &Path,
    fd: u32,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    use std::os::fd::AsFd;
    // What Rust's own buffers hold goes first, then ours, on the same
    // descriptor (a redirection with `>>` keeps appending).
    let owned = if fd == 1 {
        let out = std::io::stdout();
        let _ = out.lock().flush();
        out.as_fd().try_clone_to_owned()
    } else {
        std::io::stderr().as_fd().try_clone_to_owned()
    };
    let mut file = std::fs::File::from(owned.map_err(|e| SaveError::io(path, &e))?);
    write(&mut file, bytes)
        .and_then(|()| file.flush())
        .map_err(|e| SaveError::io(path, &e))
}

#[cfg(not(unix))]
fn write_stdio(
    path: &Path,
    _fd: u32,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    write_file(path, bytes, Access::Keep, write)
}

fn write_file(
    path: &Path,
    bytes: &[u8],
    access: Access,
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let mut options = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    let mode = access.mode(path);
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
        options.preserve_mode(false);
    }
    #[cfg(not(unix))]
    let _ = access;
    let mut file = options.open(path).map_err(|e| SaveError::io(path, &e))?;
    // The mode is set, not left to the umask (which may be 000).
    #[cfg(unix)]
    let chmod = {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
    };
    #[cfg(not(unix))]
    let chmod: std::io::Result<()> = Ok(());
    if let Err(e) = chmod.and_then(|()| write(file.as_file_mut(), bytes)) {
        // Dropping without commit removes the temporary file; the old file stays.
        let _ = file.discard();
        return Err(SaveError::io(path, &e));
    }
    file.commit().map_err(|e| SaveError::io(path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_written_one_after_the_other_and_replace_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.html");
        std::fs::write(&path, "ancienne page, plus longue que la nouvelle").unwrap();
        let pieces = ["<p>", "é涼🙂", "</p>"];
        write_atomic_pieces(&path, pieces.iter().map(|p| p.as_bytes()), Access::Keep).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "<p>é涼🙂</p>");
        // Nothing left beside it (the temporary file was renamed in place).
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

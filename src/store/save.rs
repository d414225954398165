//! Writing a session file: deterministic pretty RON, written atomically.

use super::error::SaveError;
use crate::model::Session;
use std::io::Write;
use std::path::Path;

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

/// Write `bytes` to `path` atomically: a temporary file in the same folder,
/// fsync, rename over the old file, fsync the folder. A new file is made
/// readable by its owner only; an existing file keeps its mode.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, |f, b| f.write_all(b))
}

/// As [`write_atomic`], with the writing step given (tests inject failures).
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let mut options = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| SaveError::io(path, &e))?;
    if let Err(e) = write(file.as_file_mut(), bytes) {
        // Dropping without commit removes the temporary file; the old file stays.
        let _ = file.discard();
        return Err(SaveError::io(path, &e));
    }
    file.commit().map_err(|e| SaveError::io(path, &e))
}

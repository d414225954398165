//! One writer per session: a `.lock` file beside it, locked with the OS.
//!
//! The lock file is never renamed or deleted (deleting a lock file races
//! with a process that just opened it); the OS releases the lock when the
//! holder exits, even after a crash.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    pub path: PathBuf,
}

/// Who holds a lock, as its file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder(pub String);

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    session.with_file_name(name)
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_owned())
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "unknown host".into())
}

/// Try to take the lock of `session`. `Ok(Err(holder))` when another
/// process holds it; `Err` when the lock file cannot be made at all.
pub fn try_lock(session: &Path) -> std::io::Result<Result<Lock, Holder>> {
    let path = lock_path(session);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path)?;
    match file.try_lock() {
        Ok(()) => {
            let info = format!(
                "pid {} on {} since {}\n",
                std::process::id(),
                hostname(),
                crate::model::Timestamp::now()
            );
            file.set_len(0)?;
            file.seek(SeekFrom::Start(0))?;
            file.write_all(info.as_bytes())?;
            file.sync_data()?;
            Ok(Ok(Lock { _file: file, path }))
        }
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            let text = text.trim();
            Ok(Err(Holder(if text.is_empty() {
                "another atelier".into()
            } else {
                format!("another atelier ({text})")
            })))
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

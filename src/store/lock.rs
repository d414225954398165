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

/// Who holds a lock, as its file says (in words, and the file's raw text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder(pub String, pub String);

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

/// Whether the holder recorded in the lock file is a process of this host
/// that is gone or exiting (a zombie): the OS is about to free the lock.
fn holder_is_exiting(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some("pid"), Some(pid), Some("on"), Some(host)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    if host != hostname() || pid.parse::<u32>().is_err() {
        return false;
    }
    // Our own pid: a process being spawned shares our open files until it
    // starts its program, locks included; that lasts an instant.
    if pid.parse::<u32>().is_ok_and(|p| p == std::process::id()) {
        return true;
    }
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state == "Z" || state == "X"),
        // No /proc entry: the process is gone (or this is not Linux: do not guess).
        Err(_) => Path::new("/proc/self").exists(),
    }
}

/// Try to take the lock of `session`. `Ok(Err(holder))` when another
/// process holds it; `Err` when the lock file cannot be made at all. A lock
/// whose holder was just killed is waited for (up to two seconds), since
/// the OS frees it as the process finishes exiting.
pub fn try_lock(session: &Path) -> std::io::Result<Result<Lock, Holder>> {
    let mut waited = std::time::Duration::ZERO;
    loop {
        match try_lock_once(session)? {
            Err(Holder(_, raw))
                if waited < std::time::Duration::from_secs(2) && holder_is_exiting(&raw) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(50));
                waited += std::time::Duration::from_millis(50);
            }
            other => return Ok(other.map_err(|Holder(text, _)| Holder(text, String::new()))),
        }
    }
}

fn try_lock_once(session: &Path) -> std::io::Result<Result<Lock, Holder>> {
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
            // Owner-only whatever the umask (or an older file's mode).
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = file.set_permissions(std::fs::Permissions::from_mode(0o600));
            }
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
            Ok(Err(Holder(
                if text.is_empty() {
                    "another atelier".into()
                } else {
                    format!("another atelier ({text})")
                },
                text.to_owned(),
            )))
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

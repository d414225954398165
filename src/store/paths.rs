//! Where atelier keeps its files.

use std::path::{Path, PathBuf};

/// The folders atelier uses. `ATELIER_HOME` names one folder that replaces
/// the platform folders (tests use it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Home {
    pub sessions: PathBuf,
    pub config: PathBuf,
    pub state: PathBuf,
}

impl Home {
    pub fn from_env() -> Home {
        if let Some(root) = std::env::var_os("ATELIER_HOME").filter(|v| !v.is_empty()) {
            return Home::under(Path::new(&root));
        }
        match directories::ProjectDirs::from("", "", "atelier") {
            Some(d) => Home {
                sessions: d.data_dir().join("sessions"),
                config: d.config_dir().to_path_buf(),
                state: d
                    .state_dir()
                    .unwrap_or_else(|| d.data_local_dir())
                    .to_path_buf(),
            },
            None => Home::under(Path::new(".atelier")),
        }
    }

    pub fn under(root: &Path) -> Home {
        Home {
            sessions: root.join("sessions"),
            config: root.join("config"),
            state: root.join("state"),
        }
    }

    /// The sessions folder, made (owner-only) if missing.
    pub fn ensure_sessions(&self) -> std::io::Result<&Path> {
        make_private_dir(&self.sessions)?;
        Ok(&self.sessions)
    }

    pub fn methods_dir(&self) -> PathBuf {
        self.config.join("methods")
    }
}

/// Create `dir` and its parents; the folders made are 0700 (they hold
/// citizens' words and names).
pub fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    make_dir(dir, 0o700)
}

/// Create `dir` and any missing parent; each folder made gets exactly
/// `mode` (set explicitly: never wider, whatever the umask). Folders that
/// exist are left as they are.
pub fn make_dir(dir: &Path, mode: u32) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|p| !p.as_os_str().is_empty() && std::fs::symlink_metadata(p).is_err())
        .collect();
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(mode);
        builder.create(dir)?;
        for made in missing {
            std::fs::set_permissions(made, std::fs::Permissions::from_mode(mode))?;
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (mode, missing);
        builder.create(dir)?;
    }
    Ok(())
}

/// The file a path names, following symbolic links (a session kept in a
/// synced folder through a link): the link's target, and its target's, to
/// the end. A link is never replaced by a file: what is written through it
/// goes to the real file. A path that is not a link is returned as given;
/// one that was followed is made absolute and clean when it exists.
///
/// Standard streams (`/dev/stdout`, `/dev/fd/N`) are left as they are:
/// their links name the stream, not a file to write.
pub fn resolve(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    let mut followed = false;
    // As the kernel does: at most 40 links.
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        let stream = p.starts_with("/dev/fd")
            || p.starts_with("/proc")
            || ["/dev/stdin", "/dev/stdout", "/dev/stderr"]
                .iter()
                .any(|s| p == Path::new(s));
        if stream {
            // Not made "clean": that would name whatever the stream is now
            // (a terminal, or the file a shell redirected it to).
            return p;
        }
        if !is_link {
            break;
        }
        let Ok(to) = std::fs::read_link(&p) else {
            break;
        };
        p = match p.parent() {
            Some(dir) if to.is_relative() => dir.join(to),
            _ => to,
        };
        followed = true;
    }
    if followed {
        // Clean when it exists; else its folder (a new file behind a link).
        if let Ok(real) = p.canonicalize() {
            return real;
        }
        if let (Some(dir), Some(name)) = (p.parent(), p.file_name())
            && let Ok(dir) = dir.canonicalize()
        {
            return dir.join(name);
        }
    }
    p
}

/// A file name for a session title: lowercase ASCII words joined by dashes,
/// accents folded ("Écoles d'été" -> "ecoles-d-ete").
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(crate::model::text::fold_char) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let mut out: String = out.chars().take(60).collect();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "session".into()
    } else {
        out
    }
}

/// The time now in UTC as `20260709T093000Z` (`T`/`Z` when `iso`), or
/// `20260709-093000`: for file names.
pub fn stamp_now(iso: bool) -> String {
    let now = time::OffsetDateTime::now_utc();
    let (d, t) = (
        format!(
            "{:04}{:02}{:02}",
            now.year(),
            u8::from(now.month()),
            now.day()
        ),
        format!("{:02}{:02}{:02}", now.hour(), now.minute(), now.second()),
    );
    if iso {
        format!("{d}T{t}Z")
    } else {
        format!("{d}-{t}")
    }
}

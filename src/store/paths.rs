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

/// Create `dir` and its parents; the folder itself is made 0700 (it holds
/// citizens' words and names).
pub fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
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

//! Sessions taken off the home list (`d` on home): the files stay where
//! they are; their paths are kept, one a line, in `hidden.txt` in the state
//! folder, and home leaves them out.

use super::paths::{Home, make_private_dir};
use super::{Access, SaveError, write_atomic_as};
use std::path::PathBuf;

fn file(home: &Home) -> PathBuf {
    home.state.join("hidden.txt")
}

/// The paths taken off the home list (none when the file is missing or
/// unreadable: the list then shows every session, nothing is lost).
pub fn read(home: &Home) -> Vec<PathBuf> {
    std::fs::read_to_string(file(home))
        .map(|text| {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(PathBuf::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Keep `paths` as the ones taken off the home list.
pub fn write(home: &Home, paths: &[PathBuf]) -> Result<(), SaveError> {
    make_private_dir(&home.state).map_err(|e| SaveError::io(&home.state, &e))?;
    let mut text = String::new();
    for p in paths {
        text.push_str(&p.to_string_lossy());
        text.push('\n');
    }
    write_atomic_as(&file(home), text.as_bytes(), Access::Private)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_written_are_read_back_and_a_missing_file_hides_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::under(dir.path());
        assert!(read(&home).is_empty());
        let paths = vec![
            home.sessions.join("demo-1.ron"),
            home.sessions.join("Cantine école.ron"),
        ];
        write(&home, &paths).unwrap();
        assert_eq!(read(&home), paths);
        write(&home, &[]).unwrap();
        assert!(read(&home).is_empty());
    }
}

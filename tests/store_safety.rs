//! The store's promises: one writer per session (a lock, and a read-only
//! second opener that names the holder), atomic saves, no overwriting of a
//! file changed on disk (a conflict copy instead), owner-only permissions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atelier::model::{Note, NoteKind, Session, Timestamp};
use atelier::store::{self, SaveError, Saved, Store};
use std::io::Write;
use std::path::{Path, PathBuf};

fn session(title: &str) -> Session {
    let mut s = Session::new(atelier::model::Id::new(), title);
    s.place = "Maison de quartier".into();
    for i in 0..40 {
        s.notes.push(Note {
            id: atelier::model::Id::new(),
            kind: NoteKind::Observation,
            stage: None,
            author: None,
            tags: vec!["chaleur".into()],
            text: format!("Observation n°{i} : il fait 31 °C dans la salle de lecture"),
            time: Timestamp::from_unix(1_780_000_000 + i).unwrap(),
            private: false,
        });
    }
    s
}

/// A session file created in a fresh folder, with the store that holds it.
fn created(title: &str) -> (tempfile::TempDir, PathBuf, Store, Session) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("atelier.ron");
    let s = session(title);
    let st = Store::create(&path, &s).unwrap();
    (dir, path, st, s)
}

/// Files in `dir` other than the session, its lock and its crash journal:
/// temporary files or copies left behind.
fn strays(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|n| {
            !["atelier.ron", "atelier.ron.lock", "atelier.ron.journal"].contains(&n.as_str())
        })
        .collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------
// Lock
// ---------------------------------------------------------------------------

/// `File::try_lock` is `flock` on Linux: per open file description, so two
/// opens in one process conflict just as two processes do.
#[test]
fn second_store_is_read_only_and_names_the_holder() {
    let (dir, path, first, s) = created("Atelier verrou");
    assert!(first.is_locked());
    assert_eq!(first.read_only(), None);

    let lock = store::lock_path(&path);
    assert_eq!(lock, dir.path().join("atelier.ron.lock"));
    let holder = std::fs::read_to_string(&lock).unwrap();
    assert!(
        holder.starts_with(&format!("pid {} on ", std::process::id())),
        "{holder}"
    );

    let (mut second, loaded) = Store::open(&path).unwrap();
    assert_eq!(loaded, s, "a read-only store still loads the session");
    assert!(!second.is_locked());
    let why = second.read_only().expect("the second store is read-only");
    assert!(
        why.contains(&format!("pid {}", std::process::id())),
        "{why}"
    );
    assert!(why.contains("another atelier"), "{why}");

    // Its save is refused, and the file is not touched.
    let before = std::fs::read(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let mut changed = s.clone();
    changed.title = "Écrit par le second".into();
    match second.save(&changed) {
        Err(e @ SaveError::ReadOnly { .. }) => {
            let shown = e.to_string();
            assert!(shown.starts_with(&path.display().to_string()), "{shown}");
            assert!(shown.contains("read-only"), "{shown}");
            assert!(
                shown.contains(&format!("pid {}", std::process::id())),
                "{shown}"
            );
        }
        other => panic!("expected SaveError::ReadOnly, got {other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
    assert_eq!(strays(dir.path()), Vec::<String>::new());
    drop(first);
}

#[test]
fn the_lock_is_released_with_its_store_and_the_lock_file_stays() {
    let (_dir, path, first, _) = created("Atelier");
    let (second, _) = Store::open(&path).unwrap();
    assert!(second.read_only().is_some());
    drop(second);
    drop(first);
    assert!(
        store::lock_path(&path).exists(),
        "the lock file is never deleted"
    );

    let (mut third, s) = Store::open(&path).unwrap();
    assert!(third.is_locked(), "{:?}", third.read_only());
    assert_eq!(third.read_only(), None);
    let mut changed = s.clone();
    changed.title = "Repris".into();
    assert_eq!(third.save(&changed).unwrap(), Saved::Written);
    assert_eq!(store::load_file(&path).unwrap(), changed);

    // And while the third holds it, a fourth is read-only again.
    let (fourth, _) = Store::open(&path).unwrap();
    assert!(fourth.read_only().is_some());
}

#[test]
fn read_only_on_purpose_takes_no_lock() {
    let (_dir, path, first, s) = created("Atelier");
    drop(first);
    let (mut review, _) = Store::open_read_only(&path, "opened for review").unwrap();
    assert_eq!(review.read_only(), Some("opened for review"));
    assert!(matches!(review.save(&s), Err(SaveError::ReadOnly { .. })));
    // The reviewer does not keep the facilitator out.
    let (writer, _) = Store::open(&path).unwrap();
    assert!(writer.is_locked());
}

#[test]
fn create_refuses_an_existing_file() {
    let (_dir, path, first, _) = created("Premier");
    drop(first);
    let before = std::fs::read(&path).unwrap();
    let e = Store::create(&path, &session("Second")).unwrap_err();
    assert!(e.to_string().contains("already exists"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

// ---------------------------------------------------------------------------
// Atomic save
// ---------------------------------------------------------------------------

#[test]
fn a_save_that_fails_half_way_leaves_the_previous_file_intact() {
    let (dir, path, mut st, s) = created("Atelier atomique");
    let before = std::fs::read(&path).unwrap();
    let mut changed = s.clone();
    changed.title = "Version qui ne sera jamais écrite".into();
    changed.notes.truncate(3);
    let text = store::to_ron(&changed).unwrap();

    let mut written = 0;
    let e = st
        .save_text(text, |p, bytes| {
            store::write_atomic_with(p, bytes, |f, b| {
                let half = &b[..b.len() / 2];
                f.write_all(half)?;
                f.flush()?;
                written = half.len();
                Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "No space left on device",
                ))
            })
        })
        .unwrap_err();
    assert!(written > 100, "the writer really wrote part of the file");

    match &e {
        SaveError::Io {
            path: p, message, ..
        } => {
            assert_eq!(p, &path.display().to_string());
            assert!(message.starts_with("the disk is full"), "{message}");
        }
        other => panic!("expected SaveError::Io, got {other:?}"),
    }
    let shown = e.to_string();
    assert!(
        shown.starts_with(&format!("{}: the disk is full", path.display())),
        "{shown}"
    );
    assert!(!shown.contains("os error"), "not a plain message: {shown}");

    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the previous file changed"
    );
    assert_eq!(
        strays(dir.path()),
        Vec::<String>::new(),
        "a temporary file was left behind"
    );

    // The failure does not make the next save a false conflict.
    assert_eq!(st.save(&changed).unwrap(), Saved::Written);
    assert_eq!(store::load_file(&path).unwrap(), changed);
    assert_eq!(strays(dir.path()), Vec::<String>::new());
}

#[test]
fn saving_the_same_session_again_writes_nothing() {
    let (_dir, path, mut st, s) = created("Atelier");
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    assert_eq!(st.save(&s).unwrap(), Saved::Unchanged);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
    let mut changed = s.clone();
    changed.place = "Médiathèque".into();
    assert_eq!(st.save(&changed).unwrap(), Saved::Written);
    assert_eq!(st.save(&changed).unwrap(), Saved::Unchanged);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        store::to_ron(&changed).unwrap()
    );
}

// ---------------------------------------------------------------------------
// Changed on disk
// ---------------------------------------------------------------------------

fn assert_conflict_copy(dir: &Path, copy: &Path) {
    assert_eq!(copy.parent(), Some(dir), "the copy is beside the session");
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    let stamp = name
        .strip_prefix("atelier.conflict-")
        .and_then(|r| r.strip_suffix(".ron"))
        .unwrap_or_else(|| panic!("unexpected conflict name {name}"));
    // 20260612T093000Z
    assert_eq!(stamp.len(), 16, "{name}");
    assert!(stamp[..8].bytes().all(|b| b.is_ascii_digit()), "{name}");
    assert_eq!(&stamp[8..9], "T", "{name}");
    assert!(stamp[9..15].bytes().all(|b| b.is_ascii_digit()), "{name}");
    assert!(stamp.ends_with('Z'), "{name}");
}

#[test]
fn a_save_after_an_outside_edit_writes_a_conflict_copy() {
    let (dir, path, first, _) = created("Atelier");
    drop(first);
    let (mut st, s) = Store::open(&path).unwrap();

    let outside = store::to_ron(&session("Modifié dans un éditeur")).unwrap();
    std::fs::write(&path, &outside).unwrap();

    let mut ours = s.clone();
    ours.title = "Notre version".into();
    let copy = match st.save(&ours).unwrap() {
        Saved::Conflict(copy) => copy,
        other => panic!("expected a conflict copy, got {other:?}"),
    };
    assert_conflict_copy(dir.path(), &copy);
    assert_eq!(st.conflict(), Some(copy.as_path()));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        outside,
        "the outside edit was lost"
    );
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        store::to_ron(&ours).unwrap()
    );
    assert_eq!(store::load_file(&copy).unwrap(), ours);

    // Later saves go to the same copy; the outside edit stays.
    ours.place = "Salle 2".into();
    assert_eq!(st.save(&ours).unwrap(), Saved::Conflict(copy.clone()));
    assert_eq!(store::load_file(&copy).unwrap(), ours);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), outside);
    let mut names = names_in(dir.path());
    names.retain(|n| n.contains("conflict"));
    assert_eq!(names.len(), 1, "{names:?}");
}

/// An edit that keeps the file's size and modification time (an editor
/// writing in place within the file system's clock tick, `cp -p`,
/// `rsync --inplace -t`, a FAT stick's 2-second clock) is still an edit.
#[test]
fn an_outside_edit_that_keeps_size_and_mtime_is_still_seen() {
    let (dir, path, first, _) = created("Atelier original");
    drop(first);
    let (mut st, s) = Store::open(&path).unwrap();
    let meta = std::fs::metadata(&path).unwrap();

    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace("Atelier original", "Atelier ORIGINAL");
    assert_eq!(edited.len(), text.len());
    let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.write_all(edited.as_bytes()).unwrap();
    f.set_modified(meta.modified().unwrap()).unwrap();
    f.sync_all().unwrap();
    drop(f);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(after.len(), meta.len());
    assert_eq!(after.modified().unwrap(), meta.modified().unwrap());

    let mut ours = s.clone();
    ours.place = "Ailleurs".into();
    match st.save(&ours).unwrap() {
        Saved::Conflict(copy) => assert_conflict_copy(dir.path(), &copy),
        other => panic!("the outside edit was overwritten: {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

/// Touching the file (or a tool rewriting the same bytes) is not an edit.
#[test]
fn rewriting_the_same_bytes_is_not_a_conflict() {
    let (dir, path, first, _) = created("Atelier");
    drop(first);
    let (mut st, s) = Store::open(&path).unwrap();
    let same = std::fs::read(&path).unwrap();
    // Replace by rename, as many editors do: a new inode, a new mtime.
    let tmp = dir.path().join("editor-tmp");
    std::fs::write(&tmp, &same).unwrap();
    std::fs::rename(&tmp, &path).unwrap();

    let mut ours = s.clone();
    ours.title = "Suite".into();
    assert_eq!(st.save(&ours).unwrap(), Saved::Written);
    assert_eq!(store::load_file(&path).unwrap(), ours);
}

// ---------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn new_sessions_are_private() {
    let root = tempfile::tempdir().unwrap();
    let sessions = root.path().join("home").join("sessions");
    let path = sessions.join("atelier.ron");
    let mut st = Store::create(&path, &session("Paroles d'habitants")).unwrap();
    assert_eq!(mode(&path), 0o600, "session file");
    assert_eq!(mode(&sessions), 0o700, "sessions folder");
    assert_eq!(mode(&store::lock_path(&path)), 0o600, "lock file");
    let journal = store::journal::journal_path(&path);
    if journal.exists() {
        assert_eq!(mode(&journal), 0o600, "crash journal");
    }

    // A conflict copy holds the same words: private too.
    std::fs::write(&path, store::to_ron(&session("Modifié")).unwrap()).unwrap();
    let Saved::Conflict(copy) = st.save(&session("Nôtre")).unwrap() else {
        panic!("expected a conflict");
    };
    assert_eq!(mode(&copy), 0o600, "conflict copy");
}

#[cfg(unix)]
#[test]
fn an_existing_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path, mut st, s) = created("Atelier partagé");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let mut changed = s.clone();
    changed.title = "Toujours partagé".into();
    assert_eq!(st.save(&changed).unwrap(), Saved::Written);
    assert_eq!(mode(&path), 0o640);
}

#[cfg(unix)]
#[test]
fn a_save_never_leaves_a_session_writable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path, mut st, s) = created("Atelier ouvert à tous");
    // Made so by hand, or by a tool run under umask 000.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let mut changed = s.clone();
    changed.title = "Plus maintenant".into();
    assert_eq!(st.save(&changed).unwrap(), Saved::Written);
    assert_eq!(
        mode(&path),
        0o644,
        "still readable as it was, writable by its owner only"
    );
}

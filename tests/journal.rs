//! The crash journal: what is appended is replayed at the next open; a torn
//! last record is dropped, never fatal; a journal that does not belong to
//! the file is kept aside, not applied.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atelier::model::{Colour, Place, Session, Timestamp};
use atelier::store::journal::{self, Record, Sections};
use atelier::store::{Store, load_file};
use std::path::{Path, PathBuf};

mod support;

/// One test at a time: `check_recover_replays_without_the_app` spawns a
/// process, and a fork briefly shares every open file of this process
/// (until its exec), locks included, which would make another test's store
/// open read-only by chance.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn now() -> Timestamp {
    Timestamp::from_unix(1_780_000_000).unwrap_or_else(Timestamp::now)
}

/// A test's own session: the journal tests' lock, a temporary folder and
/// in it a new session file, all kept as long as this is.
struct Fresh {
    _serial: std::sync::MutexGuard<'static, ()>,
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn fresh() -> Fresh {
    let serial = serial();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = new_session(dir.path());
    Fresh {
        _serial: serial,
        _dir: dir,
        path,
    }
}

fn new_session(dir: &Path) -> PathBuf {
    let path = dir.join("s.ron");
    let s = Session::new(atelier::model::Id::new(), "Journal test");
    let store = Store::create(&path, &s);
    assert!(store.is_ok(), "{:?}", store.err());
    path
}

/// A new sticky `text` in `s`'s inbox, journaled in `store` as change
/// number `generation`.
fn journal_sticky(s: &mut Session, store: &mut Store, generation: u64, text: &str, colour: Colour) {
    let op = s.new_sticky(
        text,
        None,
        colour,
        None,
        &Place::Inbox,
        now(),
        atelier::model::Id::new(),
    );
    let (applied, _) = s.apply_logged(vec![op]);
    store.journal(generation, &Record::Ops(applied));
}

/// Open the store, apply `n` new stickies as ops and journal them (synced),
/// then "crash": drop everything without saving.
fn crash_after_stickies(path: &Path, n: usize) -> Session {
    let opened = Store::open(path);
    assert!(opened.is_ok(), "{:?}", opened.err());
    let Ok((mut store, mut s)) = opened else {
        unreachable!()
    };
    for i in 0..n {
        journal_sticky(
            &mut s,
            &mut store,
            i as u64 + 1,
            &format!("idée n°{i} 涼"),
            Colour::Pink,
        );
    }
    s.title = "Renamed before the crash".into();
    store.journal(n as u64 + 1, &Record::Sections(Box::new(Sections::of(&s))));
    store.sync();
    drop(store); // a crash: nothing in Store saves on drop
    s
}

#[test]
fn journaled_changes_are_replayed_at_the_next_open() {
    let f = fresh();
    let live = crash_after_stickies(&f.path, 5);
    let on_disk = load_file(&f.path).unwrap_or_else(|e| panic!("{e}"));
    assert!(on_disk.stickies.is_empty(), "the file itself was not saved");
    let (store, recovered) = Store::open(&f.path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(recovered, live, "the replayed session is what was live");
    assert!(
        store
            .recovery()
            .map(ToString::to_string)
            .is_some_and(|r| r.contains("recovered 6 changes")),
        "{:?}",
        store.recovery().map(ToString::to_string)
    );
    // Recovery saved the file at once: it no longer depends on the journal.
    drop(store);
    assert_eq!(load_file(&f.path).unwrap_or_else(|e| panic!("{e}")), live);
}

#[test]
fn a_torn_last_record_is_dropped_and_the_rest_kept() {
    let f = fresh();
    crash_after_stickies(&f.path, 3);
    let jpath = journal::journal_path(&f.path);
    let bytes = std::fs::read(&jpath).unwrap_or_else(|e| panic!("{e}"));
    // Cut the last record (the sections) in the middle.
    std::fs::write(&jpath, &bytes[..bytes.len() - 20]).unwrap_or_else(|e| panic!("{e}"));
    let (store, s) = Store::open(&f.path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.stickies.len(), 3, "the three whole records are replayed");
    assert_eq!(s.title, "Journal test", "the torn record is not");
    let note = store
        .recovery()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        note.contains("recovered 3 changes") && note.contains("dropped"),
        "{note}"
    );
}

#[test]
fn a_corrupt_record_stops_the_replay_there() {
    let f = fresh();
    crash_after_stickies(&f.path, 4);
    let jpath = journal::journal_path(&f.path);
    let mut bytes = std::fs::read(&jpath).unwrap_or_else(|e| panic!("{e}"));
    let decoded = journal::decode(&bytes);
    assert_eq!(decoded.records.len(), 5);
    // Flip a byte inside the payload of the third record.
    let mut at = 12;
    for _ in 0..2 {
        let len =
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
        at += 8 + len;
    }
    bytes[at + 10] ^= 0xff;
    let d = journal::decode(&bytes);
    assert_eq!(
        d.records.len(),
        2,
        "records after a bad checksum are not trusted"
    );
    assert!(d.torn > 0);
}

#[test]
fn garbage_journals_never_fail_the_open() {
    let f = fresh();
    let jpath = journal::journal_path(&f.path);
    for garbage in [
        &b""[..],
        b"ATJ1",
        b"not a journal at all",
        &[0xff; 100],
        b"ATJ1\0\0\0\0\0\0\0\0\xff\xff\xff\xff",
    ] {
        std::fs::write(&jpath, garbage).unwrap_or_else(|e| panic!("{e}"));
        let opened = Store::open(&f.path);
        assert!(opened.is_ok(), "{garbage:?}: {:?}", opened.err());
        if let Ok((_, s)) = opened {
            assert_eq!(s.title, "Journal test");
        }
    }
}

#[test]
fn a_journal_of_an_older_file_is_kept_aside_not_applied() {
    let f = fresh();
    crash_after_stickies(&f.path, 2);
    // The file changes afterwards (saved by other means).
    let mut other = load_file(&f.path).unwrap_or_else(|e| panic!("{e}"));
    other.place = "Ailleurs".into();
    let text = atelier::store::to_ron(&other).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&f.path, text).unwrap_or_else(|e| panic!("{e}"));
    let (store, s) = Store::open(&f.path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        s.stickies.is_empty(),
        "not applied to a file it does not belong to"
    );
    assert_eq!(s.place, "Ailleurs");
    assert!(
        store
            .recovery()
            .map(ToString::to_string)
            .is_some_and(|r| r.contains("kept aside")),
        "{:?}",
        store.recovery().map(ToString::to_string)
    );
    assert!(
        journal::journal_path(&f.path)
            .with_extension("journal.old")
            .exists()
    );
}

#[test]
fn a_save_restarts_the_journal_with_only_later_changes() {
    let f = fresh();
    let (mut store, mut s) = Store::open(&f.path).unwrap_or_else(|e| panic!("{e}"));
    let mut generation = 0;
    let mut add = |s: &mut Session, store: &mut Store, text: &str| {
        generation += 1;
        journal_sticky(s, store, generation, text, Colour::Blue);
        generation
    };
    add(&mut s, &mut store, "one");
    let g2 = add(&mut s, &mut store, "two");
    let snapshot = s.clone();
    add(&mut s, &mut store, "three (after the snapshot)");
    store
        .save_generation(&snapshot, g2)
        .unwrap_or_else(|e| panic!("{e}"));
    let d = journal::read(&journal::journal_path(&f.path))
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_default();
    assert_eq!(
        d.records.len(),
        1,
        "only the change after the saved generation stays"
    );
    store.sync();
    drop(store);
    let (_, recovered) = Store::open(&f.path).unwrap_or_else(|e| panic!("{e}"));
    let texts: Vec<&str> = recovered.stickies.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, ["one", "two", "three (after the snapshot)"]);
}

#[test]
fn check_recover_replays_without_the_app() {
    let f = fresh();
    crash_after_stickies(&f.path, 2);
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = support::cli::run(
        home.path(),
        &["check", "--recover", f.path.to_str().expect("a UTF-8 path")],
        &[("LANG", "C")],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("recovered 3 changes"), "{text}");
    assert_eq!(
        load_file(&f.path)
            .unwrap_or_else(|e| panic!("{e}"))
            .stickies
            .len(),
        2
    );
}

#[test]
fn drafts_survive_saves_and_crashes_but_never_touch_the_session() {
    let f = fresh();
    let (mut store, mut s) = Store::open(&f.path).unwrap_or_else(|e| panic!("{e}"));
    assert!(store.recovered_drafts().is_empty());
    let drafts = journal::Drafts::from([
        (
            "capture".to_owned(),
            "Une idée à moitié tapée 涼".to_owned(),
        ),
        ("note".to_owned(), "« À 14 h »".to_owned()),
    ]);
    store.journal(0, &Record::Drafts(drafts.clone()));
    journal_sticky(&mut s, &mut store, 1, "saved", Colour::Blue);
    // A full save rebases the journal: the drafts stay in it.
    store
        .save_generation(&s, 1)
        .unwrap_or_else(|e| panic!("{e}"));
    store.sync();
    drop(store); // a crash
    let (store, reopened) = Store::open(&f.path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.recovered_drafts(), &drafts);
    assert_eq!(reopened, s, "drafts are not part of the session");
    assert_eq!(
        store.recovery().map(ToString::to_string),
        None,
        "drafts alone are nothing to recover"
    );
    // And they are still there if atelier stops again before they change.
    drop(store);
    let (store, _) = Store::open(&f.path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.recovered_drafts(), &drafts);
    // An empty drafts record clears them.
    let mut store = store;
    store.journal(0, &Record::Drafts(journal::Drafts::new()));
    store.sync();
    drop(store);
    let (store, _) = Store::open(&f.path).unwrap_or_else(|e| panic!("{e}"));
    assert!(store.recovered_drafts().is_empty());
}

/// What a `kill -9` at this moment leaves: the session folder's files
/// (locks aside) copied to a new folder.
fn crash_copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{e}"));
    for e in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{e}")) {
        let p = e.unwrap_or_else(|e| panic!("{e}")).path();
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if p.is_file() && !name.ends_with(".lock") && !name.contains(".tmp") {
            std::fs::copy(&p, to.join(&name)).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

#[test]
fn a_crash_at_any_moment_of_a_full_save_loses_no_journaled_change() {
    // Killed before the file is written, just after (before the journal
    // follows it), and after: each time the stickies typed before and
    // during the save are all there, once.
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).unwrap_or_else(|e| panic!("{e}"));
    let path = new_session(&work);
    let (mut store, mut s) = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let add = |s: &mut Session, store: &mut Store, g: u64, text: &str| {
        journal_sticky(s, store, g, text, Colour::Green);
        store.sync();
    };
    add(&mut s, &mut store, 1, "one");
    let snapshot = s.clone();
    add(&mut s, &mut store, 2, "two, typed as the save began");
    let crashes = dir.path().join("crashes");
    let (before, after) = (crashes.join("before"), crashes.join("after"));
    let saved = store.save_generation_with(&snapshot, 1, |p, bytes| {
        crash_copy(&work, &before);
        atelier::store::write_atomic(p, bytes)?;
        crash_copy(&work, &after);
        Ok(())
    });
    assert!(saved.is_ok(), "{saved:?}");
    add(&mut s, &mut store, 3, "three, after the save");
    drop(store);
    crash_copy(&work, &crashes.join("later"));
    for moment in ["before", "after", "later"] {
        let file = crashes.join(moment).join("s.ron");
        let (st, got) = Store::open(&file).unwrap_or_else(|e| panic!("{moment}: {e}"));
        let texts: Vec<&str> = got.stickies.iter().map(|x| x.text.as_str()).collect();
        let want: &[&str] = if moment == "later" {
            &[
                "one",
                "two, typed as the save began",
                "three, after the save",
            ]
        } else {
            &["one", "two, typed as the save began"]
        };
        assert_eq!(
            texts,
            want,
            "a crash {moment} the file was written; {:?}",
            st.recovery().map(ToString::to_string)
        );
        drop(st);
        let left: Vec<String> = std::fs::read_dir(crashes.join(moment))
            .unwrap_or_else(|e| panic!("{e}"))
            .map(|e| {
                e.unwrap_or_else(|e| panic!("{e}"))
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|n| n.contains(".journal."))
            .collect();
        assert!(left.is_empty(), "{moment}: left behind {left:?}");
    }
}

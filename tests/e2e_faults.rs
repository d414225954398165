//! Faults in a real terminal (tmux) with a real file system: a full disk
//! and a read-only one (a tiny tmpfs, mounted when we are root), the
//! sessions folder deleted, the session replaced on disk, a second instance.
//! Each time the app says what happened, keeps running, keeps everything,
//! and the data ends up in a file that loads.
//!
//! The tmpfs tests skip when `mount` is not allowed (not root, or no
//! tmpfs), every test without tmux, saying so on the terminal (or failing
//! under `ATELIER_REQUIRE_TOOLS=1`: see `tests/skip_support`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod reliability_support;
mod support;

use reliability_support::*;
use std::cell::Cell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How the file system was made read-only (to undo it).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ReadOnly {
    No,
    /// `mount -o remount,ro DIR`.
    Remount,
    /// A read-only bind mount of DIR over itself: `remount,ro` is refused
    /// (EBUSY) while files stay open for writing, as the app's lock and
    /// journal do; new files then fail with EROFS all the same.
    BindOver,
}

/// A 512 KiB tmpfs at `dir`, unmounted on drop (after making it writable
/// again), even when the test fails.
struct Tmpfs {
    dir: PathBuf,
    read_only: Cell<ReadOnly>,
}

fn sh(args: &[&str]) -> Result<(), String> {
    let out = Command::new(args[0])
        .args(&args[1..])
        .output()
        .map_err(|e| format!("{}: {e}", args[0]))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

impl Tmpfs {
    /// Mount, or skip the test (see `skip_support`) and return `None`.
    fn mount(dir: &Path) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let d = dir.display().to_string();
        match sh(&[
            "mount",
            "-t",
            "tmpfs",
            "-o",
            "size=512k,mode=0700",
            "tmpfs",
            &d,
        ]) {
            Ok(()) => Some(Tmpfs {
                dir: dir.to_path_buf(),
                read_only: Cell::new(ReadOnly::No),
            }),
            Err(e) => {
                skip(Tool::Root, &format!("cannot mount a tmpfs ({e})"));
                None
            }
        }
    }

    fn make_read_only(&self) -> ReadOnly {
        let d = self.dir.display().to_string();
        let how = match sh(&["mount", "-o", "remount,ro", &d]) {
            Ok(()) => ReadOnly::Remount,
            Err(remount) => {
                sh(&["mount", "--bind", &d, &d])
                    .unwrap_or_else(|e| panic!("cannot make {d} read-only: {remount}; then {e}"));
                self.read_only.set(ReadOnly::BindOver);
                sh(&["mount", "-o", "remount,bind,ro", &d])
                    .unwrap_or_else(|e| panic!("cannot make {d} read-only: {remount}; then {e}"));
                ReadOnly::BindOver
            }
        };
        self.read_only.set(how);
        // New files really are refused now.
        let probe = self.dir.join("probe");
        let err = std::fs::write(&probe, b"x").expect_err("the tmpfs is read-only");
        assert_eq!(err.kind(), std::io::ErrorKind::ReadOnlyFilesystem, "{err}");
        how
    }

    fn make_writable(&self) {
        let d = self.dir.display().to_string();
        match self.read_only.replace(ReadOnly::No) {
            ReadOnly::No => {}
            ReadOnly::Remount => {
                let _ = sh(&["mount", "-o", "remount,rw", &d]);
            }
            ReadOnly::BindOver => {
                let _ = sh(&["umount", &d]);
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        self.make_writable();
        let d = self.dir.display().to_string();
        let start = Instant::now();
        while sh(&["umount", &d]).is_err() {
            if start.elapsed() > Duration::from_secs(5) {
                // Still busy: detach it now, it goes when the last file closes.
                let _ = sh(&["umount", "-l", &d]);
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Fill the file system holding `path` until it says it is full.
fn fill_disk(path: &Path) {
    let mut f = std::fs::File::create(path).unwrap();
    let mut written = 0usize;
    let mut chunk = vec![0xa5u8; 64 * 1024];
    loop {
        match f.write_all(&chunk) {
            Ok(()) => written += chunk.len(),
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => {
                if chunk.len() == 1 {
                    break;
                }
                let len = chunk.len() / 4;
                chunk.truncate(len.max(1));
            }
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
        assert!(written < 64 << 20, "the tiny tmpfs never got full");
    }
    let _ = f.sync_all();
}

/// The top line of the screen (title and save status).
fn top(screen: &str) -> &str {
    screen.lines().next().unwrap_or("")
}

/// The last line of the screen (the status line).
fn status_line(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Type stickies in the open capture bar, each waited for.
fn type_stickies(tmux: &Tmux, texts: &[String], already: usize) {
    for (i, t) in texts.iter().enumerate() {
        tmux.type_text(t);
        tmux.keys(&["Enter"]);
        tmux.wait_for(&[&format!("· {} added", already + i + 1)]);
    }
}

/// Close the capture bar.
fn close_capture(tmux: &Tmux) {
    tmux.keys(&["Escape"]);
    tmux.wait_gone("New sticky");
}

/// `W`, a path, Enter: the session moves there.
fn save_as(tmux: &Tmux, path: &Path) {
    tmux.keys(&["W"]);
    tmux.wait_for(&["Save as"]);
    tmux.keys(&["C-u"]);
    tmux.type_text(&path.display().to_string());
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["the session now lives there"]);
}

/// `q`, then the exit status the shell recorded.
fn quit(tmux: &Tmux, dir: &Path) -> String {
    tmux.type_text("q");
    wait_for_file(&dir.join("status"), WAIT, tmux)
        .trim()
        .to_owned()
}

fn texts(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}-{i} é")).collect()
}

#[test]
fn a_full_disk_says_so_keeps_working_and_saves_once_there_is_room() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let Some(_disk) = Tmpfs::mount(&tmp.path().join("mnt")) else {
        return;
    };
    let home = tmp.path().join("mnt/home");
    let (file, tmux, _pid) = open_recorded(&home, tmp.path(), &[" saved"]);

    let filler = home.join("filler");
    fill_disk(&filler);
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    let mut typed = texts("full", 6);
    type_stickies(&tmux, &typed, 0);
    let screen = tmux.wait_for(&["NOT SAVED", "disk is full"]);
    assert!(
        status_line(&screen).contains("disk is full"),
        "the status line says the disk is full:\n{screen}"
    );

    // Still running, keys still work.
    let more = texts("still", 2);
    type_stickies(&tmux, &more, typed.len());
    typed.extend(more);
    tmux.wait_for(&["NOT SAVED", "disk is full"]);

    std::fs::remove_file(&filler).unwrap();
    let freed = Instant::now();
    let screen = tmux.wait_until_in(
        "main",
        "the top line to say saved again after freeing the disk",
        Duration::from_secs(12),
        |s| top(s).contains(" saved") && !s.contains("NOT SAVED"),
    );
    eprintln!("saved again {:.1?} after freeing space", freed.elapsed());
    assert!(
        freed.elapsed() < Duration::from_secs(11),
        "saved only after {:?}:\n{screen}",
        freed.elapsed()
    );

    close_capture(&tmux);
    assert_eq!(quit(&tmux, tmp.path()), "0", "atelier's exit status");
    assert_stickies_once(&load(&file), &typed, "after the disk was full");
}

#[test]
fn a_read_only_disk_says_so_and_save_as_elsewhere_keeps_everything() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let Some(disk) = Tmpfs::mount(&tmp.path().join("mnt")) else {
        return;
    };
    let home = tmp.path().join("mnt/home");
    let (_file, tmux, _pid) = open_recorded(&home, tmp.path(), &[" saved"]);

    let how = disk.make_read_only();
    eprintln!("read-only by {how:?}");
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    let typed = texts("ro", 3);
    type_stickies(&tmux, &typed, 0);
    let screen = tmux.wait_for(&["NOT SAVED", "the disk is read-only"]);
    assert!(
        status_line(&screen).contains("read-only"),
        "the status line says why:\n{screen}"
    );

    close_capture(&tmux);
    let elsewhere = tmp.path().join("elsewhere.ron");
    save_as(&tmux, &elsewhere);
    tmux.wait_until_in("main", "saved", WAIT, |s| top(s).contains(" saved"));
    assert_eq!(quit(&tmux, tmp.path()), "0", "atelier's exit status");
    assert_stickies_once(&load(&elsewhere), &typed, "saved as elsewhere");
    disk.make_writable();
}

#[test]
fn a_deleted_sessions_folder_says_so_and_save_as_keeps_everything() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let (_file, tmux, _pid) = open_recorded(&home, tmp.path(), &[" saved"]);

    std::fs::remove_dir_all(home.join("sessions")).unwrap();
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    let typed = texts("gone", 3);
    type_stickies(&tmux, &typed, 0);
    tmux.wait_for(&["NOT SAVED", "no such file or folder"]);

    close_capture(&tmux);
    let rescued = tmp.path().join("rescued.ron");
    save_as(&tmux, &rescued);
    assert_eq!(quit(&tmux, tmp.path()), "0", "atelier's exit status");
    assert_stickies_once(&load(&rescued), &typed, "saved as after the folder went");
}

/// `name.conflict-*.ron` files beside `file`.
fn conflict_copies(file: &Path) -> Vec<PathBuf> {
    let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
    let mut out: Vec<PathBuf> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{stem}.conflict-")) && name.ends_with(".ron")
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_session_replaced_on_disk_is_kept_and_our_work_goes_to_a_conflict_copy() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let (file, tmux, _pid) = open_recorded(&home, tmp.path(), &[" saved"]);

    // Someone (a sync tool, another laptop) writes another valid session.
    let mut outside = load(&file);
    outside.title = "Changed outside 🌧️".into();
    let outside_text = atelier::store::to_ron(&outside).unwrap();
    std::fs::write(&file, &outside_text).unwrap();

    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    let typed = texts("ours", 1);
    type_stickies(&tmux, &typed, 0);
    let screen = tmux.wait_for(&["conflict copy", "changed on disk"]);
    let copies = conflict_copies(&file);
    assert_eq!(copies.len(), 1, "one conflict copy: {copies:?}\n{screen}");
    let copy = load(&copies[0]);
    assert_eq!(copy.title, "T", "the copy is our version");
    assert_stickies_once(&copy, &typed, "the conflict copy");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        outside_text,
        "the version written outside is intact"
    );

    close_capture(&tmux);
    assert_eq!(quit(&tmux, tmp.path()), "0", "atelier's exit status");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        outside_text,
        "the version written outside is still intact after quitting"
    );
    let copies = conflict_copies(&file);
    assert!(!copies.is_empty(), "the conflict copy stays");
    let last = load(copies.last().unwrap());
    assert_stickies_once(&last, &typed, "the conflict copy after quitting");
}

#[test]
fn a_second_instance_is_read_only_names_the_holder_and_changes_nothing() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = new_session(&home, "T");
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    std::fs::create_dir_all(&one).unwrap();
    std::fs::create_dir_all(&two).unwrap();
    let tmux = Tmux::new(&home);
    tmux.start(&open_then_record(&file, &one));
    let first = read_pid(&one.join("pid"), &tmux);
    tmux.wait_for(&["Facilitation", "ready", " saved"]);
    let before = std::fs::read(&file).unwrap();

    tmux.new_window("two", &open_then_record(&file, &two));
    let second = read_pid(&two.join("pid"), &tmux);
    assert_ne!(first, second);
    let holder = format!("pid {first}");
    let screen = tmux.wait_for_in("two", &["[read-only]", "Opened read-only", &holder]);
    assert!(
        top(&screen).contains("read-only"),
        "the top line says read-only:\n{screen}"
    );

    // A sticky is refused, with a message.
    tmux.keys_to("two", &["s"]);
    let screen = tmux.wait_until_in("two", "the sticky to be refused", WAIT, |s| {
        status_line(s).starts_with(" Read-only: it is open in another atelier")
    });
    assert!(
        !screen.contains("New sticky"),
        "no capture bar opens:\n{screen}"
    );
    // So is starting the timer.
    tmux.keys_to("two", &["Space"]);
    tmux.wait_for_in("two", &["Read-only"]);
    tmux.type_to("two", "q");
    assert_eq!(
        wait_for_file(&two.join("status"), WAIT, &tmux).trim(),
        "0",
        "the second instance's exit status"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the second instance changed the file"
    );

    // The first instance still saves.
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    let typed = texts("first", 1);
    type_stickies(&tmux, &typed, 0);
    close_capture(&tmux);
    assert_eq!(quit(&tmux, &one), "0", "the first instance's exit status");
    let s = load(&file);
    assert_stickies_once(&s, &typed, "the first instance");
    assert_eq!(s.stickies.len(), 1, "{:?}", sticky_texts(&s));
}

#[test]
fn a_crash_after_a_conflict_loses_nothing_typed_more_than_a_second_before() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let (file, tmux, pid) = open_recorded(&home, tmp.path(), &[" saved"]);

    let mut outside = load(&file);
    outside.title = "Changed outside".into();
    std::fs::write(&file, atelier::store::to_ron(&outside).unwrap()).unwrap();
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    let typed = texts("conflict", 2);
    type_stickies(&tmux, &typed[..1], 0);
    tmux.wait_for(&["conflict copy"]);
    // The next save to the conflict copy comes two seconds after this one:
    // type, wait more than the promised second, pull the plug before it.
    type_stickies(&tmux, &typed[1..], 1);
    let entered = Instant::now();
    std::thread::sleep(Duration::from_millis(1300));
    kill(pid, "KILL");
    assert!(wait_gone(pid, Duration::from_secs(5)), "kill -9 {pid}");
    let typed_ago = entered.elapsed();
    drop(tmux);

    let out = check_recover(&file, &home);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut everywhere: Vec<String> = sticky_texts(&load(&file));
    for copy in conflict_copies(&file) {
        everywhere.extend(sticky_texts(&load(&copy)));
    }
    for t in &typed {
        assert!(
            everywhere.contains(t),
            "{t:?} (the last one typed {typed_ago:?} before the kill) is in no session file: \
             not in {} nor in its conflict copies ({everywhere:?}); recovery said {said:?}",
            file.display()
        );
    }
}

//! Esc never loses typed text, even across `kill -9` (issue 14): text left
//! in the capture bar with Esc goes to the crash journal as a draft; after
//! a kill and a restart, `s` shows it again. A reviewer's comment draft
//! does the same through a file of the reviewer's own (the session's
//! journal belongs to whoever holds its lock), and the session file is not
//! touched.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod reliability_support;
mod support;

use atelier::store::journal;
use reliability_support::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// Wait until `ok` holds for the drafts read by `read`, or fail saying what
/// the screen shows.
fn wait_for_drafts(
    tmux: &Tmux,
    what: &str,
    read: impl Fn() -> journal::Drafts,
    ok: impl Fn(&journal::Drafts) -> bool,
) {
    let start = Instant::now();
    loop {
        let drafts = read();
        if ok(&drafts) {
            return;
        }
        assert!(
            start.elapsed() < WAIT,
            "waited {WAIT:?} for {what}; drafts: {drafts:?}; the screen shows:\n{}",
            tmux.all_screens()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The drafts the session's crash journal holds now.
fn journal_drafts(file: &Path) -> journal::Drafts {
    journal::read(&journal::journal_path(file))
        .ok()
        .flatten()
        .map(|c| journal::last_drafts(&c.records))
        .unwrap_or_default()
}

#[test]
fn a_capture_draft_left_with_esc_survives_kill_9() {
    if missing(Tool::Tmux) {
        return;
    }
    const TEXT: &str = "Une idée à moitié dite é";
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = new_session(&home, "Drafts");
    let pid_file = tmp.path().join("pid");
    let (tmux, pid) = open_exec(&home, &file, &pid_file);
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    tmux.type_text(TEXT);
    tmux.wait_for(&[TEXT]);
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["Draft kept: s to continue."]);
    wait_for_drafts(
        &tmux,
        "the draft in the crash journal",
        || journal_drafts(&file),
        |d| d.get("capture").map(String::as_str) == Some(TEXT),
    );
    // A window that outlives atelier's, so the tmux server stays.
    tmux.new_window("keep", "sleep 600");
    kill(pid, "KILL");
    assert!(wait_gone(pid, Duration::from_secs(5)), "kill -9 {pid}");
    assert!(
        !load(&file).stickies.iter().any(|x| x.text == TEXT),
        "a draft is not a sticky"
    );

    let pid_file = tmp.path().join("pid2");
    tmux.new_window("again", &exec_open(&file, &pid_file));
    let pid = read_pid(&pid_file, &tmux);
    tmux.wait_for_in("again", &["Facilitation"]);
    tmux.keys_to("again", &["s"]);
    tmux.wait_for_in("again", &["New sticky", TEXT]);
    // Enter adds it; the draft is gone from the journal.
    tmux.keys_to("again", &["Enter"]);
    wait_for_drafts(
        &tmux,
        "the draft cleared once added",
        || journal_drafts(&file),
        |d| d.is_empty(),
    );
    tmux.keys_to("again", &["Escape"]);
    tmux.wait_until_in("again", "the capture bar to close", WAIT, |s| {
        !s.contains("New sticky")
    });
    tmux.keys_to("again", &["q"]);
    assert!(wait_gone(pid, WAIT), "atelier (pid {pid}) did not quit");
    let texts = sticky_texts(&load(&file));
    assert_eq!(texts.iter().filter(|t| *t == TEXT).count(), 1, "{texts:?}");
}

#[test]
fn a_reviewers_comment_draft_survives_kill_9_without_touching_the_session() {
    if missing(Tool::Tmux) {
        return;
    }
    const TEXT: &str = "Et les arbres fruitiers ? é";
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = new_session(&home, "Review drafts");
    let before = std::fs::read(&file).unwrap();
    let tmux = Tmux::new(&home);
    let review = |pid_file: &Path| {
        format!(
            "echo $$ > {}; exec {} review {} --as Léa",
            q(pid_file),
            sh_quote(BIN),
            q(&file)
        )
    };
    let pid_file = tmp.path().join("pid");
    tmux.start(&format!("sh -c {}", sh_quote(&review(&pid_file))));
    let pid = read_pid(&pid_file, &tmux);
    tmux.wait_for(&["Facilitation"]);
    tmux.keys(&["c"]);
    tmux.wait_for(&["Comment"]);
    tmux.type_text(TEXT);
    tmux.wait_for(&[TEXT]);
    tmux.keys(&["Escape"]);
    // `C` comments on every screen (a reviewer's `c` too).
    tmux.wait_for(&["Draft kept: C to continue."]);
    let dir = home.join("state").join("review-drafts");
    let read = || {
        std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .find_map(|t| ron::from_str::<journal::Drafts>(&t).ok())
            .unwrap_or_default()
    };
    wait_for_drafts(&tmux, "the reviewer's draft file", read, |d| {
        d.get("comment:session").map(String::as_str) == Some(TEXT)
    });
    // A window that outlives atelier's, so the tmux server stays.
    tmux.new_window("keep", "sleep 600");
    kill(pid, "KILL");
    assert!(wait_gone(pid, Duration::from_secs(5)), "kill -9 {pid}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the session file is not the reviewer's"
    );
    assert!(
        journal_drafts(&file).is_empty(),
        "nothing in the session's journal"
    );
    #[cfg(unix)]
    for e in std::fs::read_dir(&dir).unwrap() {
        use std::os::unix::fs::PermissionsExt;
        let mode = e.unwrap().metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a reviewer's drafts are private");
    }

    let pid_file = tmp.path().join("pid2");
    tmux.new_window("again", &review(&pid_file));
    let pid = read_pid(&pid_file, &tmux);
    tmux.wait_for_in("again", &["Facilitation"]);
    tmux.keys_to("again", &["c"]);
    tmux.wait_for_in("again", &["Comment", TEXT]);
    tmux.keys_to("again", &["Enter"]);
    wait_for_drafts(&tmux, "the reviewer's draft cleared", read, |d| {
        d.is_empty()
    });
    tmux.keys_to("again", &["q"]);
    assert!(wait_gone(pid, WAIT), "atelier (pid {pid}) did not quit");
    let s = load(&file);
    assert!(
        s.comments.iter().any(|c| c.text == TEXT),
        "the comment was added: {:?}",
        s.comments
    );
}

#[test]
fn text_in_an_open_field_is_kept_when_the_terminal_closes() {
    if missing(Tool::Tmux) {
        return;
    }
    const TEXT: &str = "tapé quand la fenêtre s'est fermée é";
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = new_session(&home, "Hangup");
    let pid_file = tmp.path().join("pid");
    let (tmux, pid) = open_exec(&home, &file, &pid_file);
    tmux.keys(&["n"]);
    tmux.wait_for(&["New note"]);
    tmux.type_text(TEXT);
    tmux.wait_for(&[TEXT]);
    // What a closing terminal sends: SIGHUP. No Esc was pressed.
    kill(pid, "HUP");
    assert!(
        wait_gone(pid, WAIT),
        "atelier (pid {pid}) did not leave on SIGHUP"
    );
    assert_eq!(
        journal_drafts(&file).get("note:new").map(String::as_str),
        Some(TEXT)
    );
    assert!(
        load(&file).notes.iter().all(|n| n.text != TEXT),
        "not a note yet"
    );
}

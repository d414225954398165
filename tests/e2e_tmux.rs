//! End to end in a real terminal: tmux runs the `atelier` binary on a
//! session, keys go in with `send-keys`, the screen comes back with
//! `capture-pane`, and the session file and the terminal modes are checked
//! after quitting. Without tmux these tests say so and pass (CI installs it:
//! see `.ci/run`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod skip_support;
mod support;

use atelier::model::{Session, Timer};
use skip_support::Tool;
use std::path::{Path, PathBuf};
use support::tmux::{BIN, Tmux, WAIT, new_session, q, sh_quote, wait_for_file};

/// `sh` runs the app on `file`, then records how it exited and the
/// terminal's modes in `dir`.
fn app_then_stty(args: &str, file: &Path, dir: &Path) -> (String, PathBuf, PathBuf) {
    let stty = dir.join("stty.txt");
    let status = dir.join("status.txt");
    let command = format!(
        "{} {args} {}; echo $? > {}; stty -a > {}.tmp; mv {}.tmp {}; sleep 30",
        sh_quote(BIN),
        q(file),
        q(&status),
        q(&stty),
        q(&stty),
        q(&stty),
    );
    (command, status, stty)
}

fn load(path: &Path) -> Session {
    atelier::store::load_file(path).expect("the session file loads")
}

#[test]
fn a_workshop_run_in_tmux_keeps_the_note_and_the_step_times_and_restores_the_terminal() {
    if skip_support::missing(Tool::Tmux) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = new_session(home.path(), "Cantines d'été 🍽️");
    let before = load(&file);
    assert_eq!(before.agenda[0].steps[0].title, "Pick your weather");
    let second = before.agenda[0].steps[1].title.clone();

    let tmux = Tmux::new(home.path());
    let (command, status, stty) = app_then_stty("open", &file, home.path());
    tmux.start(&command);
    tmux.wait_for(&["Pick your weather", "ready", "Cantines d'été"]);

    tmux.keys(&["Space"]);
    tmux.wait_for(&["running"]);

    tmux.keys(&["n"]);
    tmux.wait_for(&["New note"]);
    let note = "Il fait très chaud à la cantine, même à 11 h : « on étouffe »";
    tmux.type_text(note);
    tmux.wait_for(&["même à 11 h"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for(&["Notes of this stage (1)", "Il fait très chaud"]);

    // The timer was running: the next step's starts on its own.
    tmux.type_text("]");
    tmux.wait_for(&[&second, "step 2/3", "running"]);

    tmux.type_text("q");
    let code = wait_for_file(&status, WAIT, &tmux);
    assert_eq!(code.trim(), "0", "atelier's exit status");

    let s = load(&file);
    assert_eq!(s.notes.len(), 1, "{:?}", s.notes);
    assert_eq!(s.notes[0].text, note);
    assert_eq!(s.notes[0].stage, Some(s.agenda[0].id.clone()));
    let first = &s.agenda[0].steps[0];
    let (started, ended) = (first.started.unwrap(), first.ended.unwrap());
    assert!(started <= ended, "{started} then {ended}");
    assert!(started <= s.notes[0].time && s.notes[0].time <= ended);
    assert_eq!(s.agenda[0].started, Some(started));
    assert_eq!(s.agenda[0].ended, None, "still in the first stage");
    assert_eq!(s.run.stage, Some(s.agenda[0].id.clone()));
    assert_eq!(s.run.step, Some(s.agenda[0].steps[1].id.clone()));
    assert!(
        matches!(s.run.timer, Timer::Running { .. }),
        "the second step's timer started on its own: {:?}",
        s.run.timer
    );
    assert!(atelier::model::validate(&s).is_empty());

    // Back in cooked mode, echo on.
    let modes = wait_for_file(&stty, WAIT, &tmux);
    let flags: Vec<&str> = modes.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(flags.contains(&flag), "{flag} is off:\n{modes}");
        assert!(!flags.contains(&format!("-{flag}").as_str()), "{modes}");
    }
}

#[test]
fn a_running_timer_is_still_running_after_quitting_and_reopening() {
    if skip_support::missing(Tool::Tmux) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = new_session(home.path(), "Reprise ⏱️");

    let tmux = Tmux::new(home.path());
    let (command, status, _) = app_then_stty("open", &file, home.path());
    tmux.start(&command);
    tmux.wait_for(&["ready"]);
    tmux.keys(&["Space"]);
    tmux.wait_for(&["running"]);
    tmux.type_text("+");
    tmux.type_text("q");
    assert_eq!(wait_for_file(&status, WAIT, &tmux).trim(), "0");
    drop(tmux);

    let s = load(&file);
    let Timer::Running { deadline } = s.run.timer else {
        panic!("the timer was saved running: {:?}", s.run.timer);
    };
    let started = s.agenda[0].steps[0].started.unwrap();
    // One planned minute, plus the added one.
    assert_eq!(started.seconds_until(deadline), 2 * 60);

    // Reopened, it still counts down to the same deadline.
    let tmux = Tmux::new(home.path());
    let (command, status, _) = app_then_stty("open", &file, home.path());
    tmux.start(&command);
    let screen = tmux.wait_for(&["running", "Pick your weather"]);
    assert!(
        screen.contains(" 01:") || screen.contains(" 02:00"),
        "about two minutes left:\n{screen}"
    );
    tmux.type_text("q");
    assert_eq!(wait_for_file(&status, WAIT, &tmux).trim(), "0");
    assert_eq!(load(&file).run.timer, Timer::Running { deadline });
}

#[test]
fn review_mode_shows_the_session_and_changes_nothing() {
    if skip_support::missing(Tool::Tmux) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = new_session(home.path(), "Relecture");
    let bytes = std::fs::read(&file).unwrap();

    let tmux = Tmux::new(home.path());
    let (command, status, _) = app_then_stty("review", &file, home.path());
    tmux.start(&command);
    tmux.wait_for(&["[read-only]", "Pick your weather"]);
    tmux.keys(&["Space"]);
    tmux.wait_for(&["Read-only"]);
    tmux.type_text("q");
    assert_eq!(wait_for_file(&status, WAIT, &tmux).trim(), "0");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "the file is untouched"
    );
}

/// Issue 15: an older file (no time zone) opened on a Tokyo machine gets
/// Tokyo at its first save, and the status line says so.
#[test]
fn an_old_file_opened_gets_this_machines_zone_and_says_so() {
    if skip_support::missing(Tool::Tmux) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("ancien.ron");
    let demo = include_str!("../sessions/demo.ron");
    std::fs::write(
        &file,
        demo.replace("    time_zone: Some(\"Europe/Paris\"),\n", ""),
    )
    .unwrap();
    assert_eq!(load(&file).time_zone, None);

    let tmux = Tmux::new(home.path());
    let (command, status, _) = app_then_stty("open", &file, home.path());
    tmux.start(&format!("TZ=Asia/Tokyo {command}"));
    tmux.wait_for(&["named no time zone: it now keeps Asia/Tokyo"]);
    tmux.type_text("q");
    assert_eq!(wait_for_file(&status, WAIT, &tmux).trim(), "0");
    assert_eq!(load(&file).time_zone.as_deref(), Some("Asia/Tokyo"));
}

/// Issue 15: a participant reviewing the Paris demo from Tokyo reads the
/// room's times (09:38, not 16:38), and the private note is marked.
#[test]
fn a_paris_workshop_reviewed_from_tokyo_shows_paris_times() {
    if skip_support::missing(Tool::Tmux) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("demo.ron");
    std::fs::write(&file, include_str!("../sessions/demo.ron")).unwrap();
    let bytes = std::fs::read(&file).unwrap();

    let tmux = Tmux::new(home.path());
    let (command, status, _) = app_then_stty("review", &file, home.path());
    tmux.start(&format!("TZ=Asia/Tokyo {command}"));
    tmux.wait_for(&["read-only", "Qui, quoi, quand"]);
    tmux.type_text("N");
    // The first note was taken at 07:38Z: 09:38 in Paris in July.
    let screen = tmux.wait_for(&["┃09:38 "]);
    assert!(!screen.contains("┃16:38 "), "{screen}");
    tmux.type_text("G");
    tmux.wait_for(&["[private] Note for the 27e"]);
    tmux.type_text("q");
    assert_eq!(wait_for_file(&status, WAIT, &tmux).trim(), "0");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "review changes nothing"
    );
}

//! Signals in a real terminal (tmux): SIGTERM, SIGHUP and SIGINT save and
//! exit cleanly (status 0, the sticky and the running timer in the file,
//! the terminal back in cooked mode); closing the terminal does the same;
//! Ctrl-z suspends to the shell and `fg` brings the app back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod reliability_support;
mod support;

use atelier::model::Timer;
use reliability_support::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// Open a session, start the timer, type a sticky, and send `signal`
/// within half a second of its Enter.
fn signal_saves_and_exits(signal: &str) {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let (file, tmux, pid) = open_recorded(&home, tmp.path(), &[]);

    tmux.keys(&["Space"]);
    tmux.wait_for(&["running"]);
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    let text = format!("before SIG{signal} é");
    tmux.type_text(&text);
    tmux.keys(&["Enter"]);
    let entered = Instant::now();
    tmux.wait_for(&["· 1 added"]);
    assert!(
        entered.elapsed() < Duration::from_millis(500),
        "the sticky took {:?} to show; the signal must go within 0.5 s",
        entered.elapsed()
    );
    kill(pid, signal);
    let sent = Instant::now();

    let status = wait_for_file(&tmp.path().join("status"), WAIT, &tmux);
    let took = sent.elapsed();
    assert_eq!(status.trim(), "0", "exit status after SIG{signal}");
    assert!(
        took < Duration::from_secs(5),
        "SIG{signal}: exited only after {took:?}"
    );
    assert!(!alive(pid), "atelier (pid {pid}) still runs");

    let s = load(&file);
    assert_stickies_once(&s, &[text], &format!("after SIG{signal}"));
    assert!(
        matches!(s.run.timer, Timer::Running { .. }),
        "the timer was saved running: {:?}",
        s.run.timer
    );
    let modes = wait_for_file(&tmp.path().join("stty"), WAIT, &tmux);
    assert_cooked(&modes, &format!("after SIG{signal}"));
}

/// `stty -a` output of a terminal back in cooked mode.
fn assert_cooked(modes: &str, context: &str) {
    let flags: Vec<&str> = modes.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig"] {
        assert!(
            flags.contains(&flag) && !flags.contains(&format!("-{flag}").as_str()),
            "{context}: {flag} is off, the terminal was not restored:\n{modes}"
        );
    }
}

#[test]
fn sigterm_saves_and_exits() {
    signal_saves_and_exits("TERM");
}

#[test]
fn sighup_saves_and_exits() {
    signal_saves_and_exits("HUP");
}

#[test]
fn sigint_saves_and_exits() {
    signal_saves_and_exits("INT");
}

#[test]
fn ctrl_c_quits_with_a_save() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let (file, tmux, _pid) = open_recorded(&home, tmp.path(), &[]);
    tmux.keys(&["Space"]);
    tmux.wait_for(&["running"]);
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    tmux.type_text("before Ctrl-c é");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["· 1 added"]);
    tmux.keys(&["Escape"]);
    tmux.wait_gone("New sticky");
    tmux.keys(&["C-c"]);
    let status = wait_for_file(&tmp.path().join("status"), WAIT, &tmux);
    assert_eq!(status.trim(), "0", "exit status after Ctrl-c");
    let s = load(&file);
    assert_stickies_once(&s, &["before Ctrl-c é".to_owned()], "after Ctrl-c");
    assert!(
        matches!(s.run.timer, Timer::Running { .. }),
        "the timer was saved running: {:?}",
        s.run.timer
    );
    assert_cooked(
        &wait_for_file(&tmp.path().join("stty"), WAIT, &tmux),
        "after Ctrl-c",
    );
}

#[test]
fn closing_the_terminal_saves_and_exits() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = new_session(&home, "T");
    let pid_file = tmp.path().join("pid");
    // atelier is the pane's process: the terminal's hangup is its SIGHUP.
    let (tmux, pid) = open_exec(&home, &file, &pid_file);
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    tmux.type_text("before the hangup é");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["· 1 added"]);

    // Close the terminal: the tmux server goes, and the pane's pty with it.
    tmux.run(&["kill-server"]);
    let gone = wait_gone(pid, Duration::from_secs(5));
    let cpu = cpu_ticks(pid);
    assert!(
        gone,
        "atelier (pid {pid}) still runs 5 s after its terminal closed (CPU ticks: {cpu:?}); \
         it keeps the lock of {}",
        file.display()
    );
    assert_stickies_once(
        &load(&file),
        &["before the hangup é".to_owned()],
        "after the terminal closed",
    );
    // A new instance can take the session again.
    let out = check_recover(&file, &home);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// User + system CPU ticks of a process (to show a busy loop in failures).
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the state: ppid.. ; utime and stime are fields 14 and 15 of stat,
    // that is 11 and 12 after the state (index 0).
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// An interactive shell with job control, for Ctrl-z.
fn interactive_shell() -> String {
    if Path::new("/bin/bash").exists() || Path::new("/usr/bin/bash").exists() {
        "env PS1='e2e$ ' bash --norc --noprofile -i".into()
    } else {
        "env PS1='e2e$ ' sh -i".into()
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_app_back() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = new_session(&home, "T");
    let tmux = Tmux::new(&home);
    tmux.start(&interactive_shell());
    tmux.wait_for(&["e2e$"]);
    let pid_file = tmp.path().join("pid");
    // `sh -c 'echo $$ > PID; exec atelier open FILE'`, as a job of the shell.
    tmux.type_text(&format!("sh -c {}", sh_quote(&exec_open(&file, &pid_file))));
    tmux.keys(&["Enter"]);
    let pid = read_pid(&pid_file, &tmux);
    tmux.wait_for(&["Facilitation", "ready"]);

    tmux.keys(&["C-z"]);
    let screen = tmux.wait_for(&["Stopped", "e2e$"]);
    assert!(
        !screen.contains("Facilitation"),
        "the app left the screen to the shell:\n{screen}"
    );
    assert!(alive(pid), "suspended, not gone");

    tmux.type_text("fg");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["Facilitation", "ready"]);
    assert!(
        !screen.contains("Stopped"),
        "the app is back on a clean screen:\n{screen}"
    );
    // It still takes keys: start the timer, then quit.
    tmux.keys(&["Space"]);
    tmux.wait_for(&["running"]);
    tmux.type_text("q");
    assert!(
        wait_gone(pid, WAIT),
        "atelier (pid {pid}) did not quit; the screen shows:\n{}",
        tmux.screen()
    );
    tmux.wait_for(&["e2e$"]);
    let stty = tmp.path().join("stty");
    tmux.type_text(&format!(
        "stty -a > {}.tmp; mv {}.tmp {}",
        q(&stty),
        q(&stty),
        q(&stty)
    ));
    tmux.keys(&["Enter"]);
    let modes = wait_for_file(&stty, WAIT, &tmux);
    assert_cooked(&modes, "after Ctrl-z, fg and q");
    assert!(
        matches!(load(&file).run.timer, Timer::Running { .. }),
        "the timer started after fg was saved"
    );
}

//! Shared by the reliability tests (`e2e_kill.rs`, `e2e_faults.rs`,
//! `e2e_signals.rs`, `e2e_escapes.rs`): the `atelier` binary run in a tmux
//! server of its own, keys in with `send-keys`, the screen back with
//! `capture-pane` (the driver of `tests/support/tmux.rs`), and small helpers
//! around processes and session files.
//!
//! Without tmux these tests skip, saying so on the terminal, or fail under
//! `ATELIER_REQUIRE_TOOLS=1` (CI sets it and installs tmux: see `.ci/run`
//! and `tests/skip_support`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atelier::model::Session;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

// The tmux driver: each test crate using this module also says `mod support;`.
pub use crate::support::tmux::*;

#[path = "../skip_support/mod.rs"]
mod skip_support;
#[allow(unused_imports)] // each test binary uses its part
pub use skip_support::{Tool, missing, skip};

/// Read a pid file written by `sh` (`echo $$ > FILE`).
pub fn read_pid(path: &Path, tmux: &Tmux) -> u32 {
    let text = wait_for_file(path, WAIT, tmux);
    let pid = text
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("pid file {}: {text:?}: {e}", path.display()));
    tmux.register_pid(pid);
    pid
}

/// A `sh` command line: write the pid to `pid_file`, then become
/// `atelier open FILE` (so the pid is atelier's own).
pub fn exec_open(file: &Path, pid_file: &Path) -> String {
    format!(
        "echo $$ > {}; exec {} open {}",
        q(pid_file),
        sh_quote(BIN),
        q(file)
    )
}

/// A `sh` command line: run atelier (its pid in `dir/pid`), then record
/// its exit status in `dir/status` and the terminal's modes in `dir/stty`,
/// then stay (so the window stays).
pub fn open_then_record(file: &Path, dir: &Path) -> String {
    let stty = dir.join("stty");
    format!(
        "sh -c {}; echo $? > {}; stty -a > {}.tmp; mv {}.tmp {}; sleep 60",
        sh_quote(&exec_open(file, &dir.join("pid"))),
        q(&dir.join("status")),
        q(&stty),
        q(&stty),
        q(&stty),
    )
}

/// `atelier new` in `home`, then the app opened on it in a tmux server of
/// its own, recording its exit in `dir` (see `open_then_record`), once the
/// screen shows "ready" and each of `more`: the file, the tmux server and
/// the app's pid.
pub fn open_recorded(home: &Path, dir: &Path, more: &[&str]) -> (PathBuf, Tmux, u32) {
    let file = new_session(home, "T");
    let tmux = Tmux::new(home);
    tmux.start(&open_then_record(&file, dir));
    let pid = read_pid(&dir.join("pid"), &tmux);
    let mut want = vec!["Facilitation", "ready"];
    want.extend_from_slice(more);
    tmux.wait_for(&want);
    (file, tmux, pid)
}

/// The app opened on `file` as the pane's own process (so the terminal's
/// hangup is its SIGHUP), its pid written to `pid_file`: the tmux server
/// and the pid, once the screen shows "ready".
pub fn open_exec(home: &Path, file: &Path, pid_file: &Path) -> (Tmux, u32) {
    let tmux = Tmux::new(home);
    tmux.start(&format!("sh -c {}", sh_quote(&exec_open(file, pid_file))));
    let pid = read_pid(pid_file, &tmux);
    tmux.wait_for(&["Facilitation", "ready"]);
    (tmux, pid)
}

/// `atelier check --recover FILE` with `ATELIER_HOME=home`.
pub fn check_recover(file: &Path, home: &Path) -> Output {
    Command::new(BIN)
        .args(["check", "--recover"])
        .arg(file)
        .env("ATELIER_HOME", home)
        .output()
        .expect("atelier runs")
}

pub fn load(path: &Path) -> Session {
    atelier::store::load_file(path)
        .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()))
}

/// The sticky texts of a session, in order.
pub fn sticky_texts(s: &Session) -> Vec<String> {
    s.stickies.iter().map(|x| x.text.clone()).collect()
}

/// Assert that `s` holds each of `texts` as a sticky exactly once.
pub fn assert_stickies_once(s: &Session, texts: &[String], context: &str) {
    let have = sticky_texts(s);
    for t in texts {
        let n = have.iter().filter(|h| *h == t).count();
        assert_eq!(
            n, 1,
            "{context}: sticky {t:?} is there {n} times; the file has {have:?}"
        );
    }
}

/// A small deterministic PRNG (splitmix64): no extra crates.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..hi` (milliseconds, say).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo).max(1)
    }
}

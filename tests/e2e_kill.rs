//! Pull the plug: `kill -9` at a random moment while stickies and notes are
//! being typed in a real terminal (tmux), then `atelier check --recover`:
//! the session always loads, and everything whose Enter (or Ctrl-s) was
//! sent more than a second before the kill is there, exactly once.
//!
//! 20 trials by default; `ATELIER_KILL_TRIALS=N` runs more,
//! `ATELIER_KILL_SEED=S` replays another sequence (each failure names its
//! seed and trial), and `ATELIER_KILL_MAX_MS=M` kills up to M ms after typing
//! starts instead of 2000 (longer runs cross the session file's periodic
//! saves, every 2 s).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod reliability_support;

use reliability_support::*;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const DEFAULT_TRIALS: u64 = 20;
const DEFAULT_SEED: u64 = 0x00a7_e11e_5eed;
/// What was typed longer ago than this before the kill must survive.
const PROMISE: Duration = Duration::from_secs(1);

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    let v = v.trim();
    match v.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => v.parse().ok(),
    }
}

/// What one trial typed, and when its last key (Enter, Ctrl-s) was sent.
struct Typed {
    stickies: Vec<(String, Instant)>,
    notes: Vec<(String, Instant)>,
}

/// One trial; returns a description of what happened, for the log.
fn trial(seed: u64, n: u64, max_ms: u64) -> String {
    let mut rng = Rng::new(seed ^ n.wrapping_mul(0x9e37_79b9));
    let kill_after = Duration::from_millis(rng.range(400, max_ms.max(401) + 1));
    let tag = format!("seed {seed:#x} trial {n} (kill after {kill_after:?})");

    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = new_session(&home, "T");
    let pid_file = tmp.path().join("pid");
    let tmux = Tmux::new(&home);
    tmux.start(&format!("sh -c {}", sh_quote(&exec_open(&file, &pid_file))));
    let pid = read_pid(&pid_file, &tmux);
    tmux.wait_for(&["Facilitation", "ready"]);
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);

    let start = Instant::now();
    let deadline = start + kill_after;
    let mut typed = Typed {
        stickies: Vec::new(),
        notes: Vec::new(),
    };
    // Sleep towards the deadline; false once it is reached.
    let pause = |ms: u64| {
        let now = Instant::now();
        if now >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(ms).min(deadline - now));
        Instant::now() < deadline
    };
    let mut i = 0;
    'typing: loop {
        if Instant::now() >= deadline {
            break;
        }
        let text = format!("sticky-{n}-{i} é");
        tmux.type_text(&text);
        if !pause(rng.range(0, 20)) {
            break;
        }
        tmux.keys(&["Enter"]);
        typed.stickies.push((text, Instant::now()));
        if !pause(rng.range(60, 101)) {
            break;
        }
        // Now and then, a note: close the capture bar, write, Ctrl-s, back.
        if rng.range(0, 6) == 0 {
            tmux.keys(&["Escape"]);
            tmux.wait_gone("New sticky");
            if Instant::now() >= deadline {
                break;
            }
            tmux.keys(&["n"]);
            tmux.wait_for(&["New note"]);
            let note = format!("note-{n}-{i} è « dit-elle »");
            for part in [&note[..7], &note[7..]] {
                tmux.type_text(part);
                if !pause(rng.range(10, 40)) {
                    break 'typing;
                }
            }
            tmux.keys(&["C-s"]);
            typed.notes.push((note, Instant::now()));
            tmux.wait_gone("New note");
            if Instant::now() >= deadline {
                break;
            }
            tmux.keys(&["s"]);
            tmux.wait_for(&["New sticky"]);
        }
        i += 1;
    }
    // The moment is taken before the signal goes: what counts as "more than
    // a second before" is measured conservatively.
    let killed_at = Instant::now();
    kill(pid, "KILL");
    assert!(
        wait_gone(pid, Duration::from_secs(5)),
        "{tag}: atelier (pid {pid}) still runs 5 s after kill -9"
    );
    drop(tmux);

    let out = Command::new(BIN)
        .args(["check", "--recover"])
        .arg(&file)
        .env("ATELIER_HOME", &home)
        .output()
        .expect("atelier runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "{tag}: atelier check --recover failed ({}): {said}",
        out.status
    );
    check_file(&file, &typed, killed_at, &tag, &said);
    format!(
        "{tag}: typed {} stickies and {} notes; {}",
        typed.stickies.len(),
        typed.notes.len(),
        said.trim()
    )
}

fn check_file(file: &Path, typed: &Typed, killed_at: Instant, tag: &str, said: &str) {
    let s = atelier::store::load_file(file)
        .unwrap_or_else(|e| panic!("{tag}: the session does not load after recovery: {e}"));
    let problems = atelier::model::validate(&s);
    assert!(problems.is_empty(), "{tag}: invalid session: {problems:?}");
    let have = sticky_texts(&s);
    let old_enough = |at: &Instant| killed_at.saturating_duration_since(*at) > PROMISE;
    for (text, at) in &typed.stickies {
        let count = have.iter().filter(|h| *h == text).count();
        if old_enough(at) {
            assert_eq!(
                count,
                1,
                "{tag}: the sticky {text:?} (Enter sent {:?} before the kill) is there {count} \
                 times; recovery said {said:?}; the file has {have:?}",
                killed_at - *at
            );
        } else {
            assert!(
                count <= 1,
                "{tag}: the sticky {text:?} is there {count} times: {have:?}"
            );
        }
    }
    // Nothing else: no half-typed or doubled sticky.
    for h in &have {
        assert!(
            typed.stickies.iter().any(|(t, _)| t == h),
            "{tag}: a sticky nobody submitted: {h:?} (all: {have:?})"
        );
    }
    let notes: Vec<&str> = s.notes.iter().map(|n| n.text.as_str()).collect();
    for (text, at) in &typed.notes {
        let count = notes.iter().filter(|n| *n == text).count();
        if old_enough(at) {
            assert_eq!(
                count,
                1,
                "{tag}: the note {text:?} (Ctrl-s sent {:?} before the kill) is there {count} \
                 times; recovery said {said:?}; the notes are {notes:?}",
                killed_at - *at
            );
        } else {
            assert!(count <= 1, "{tag}: note {text:?} {count} times: {notes:?}");
        }
    }
    assert_eq!(
        notes.len(),
        notes
            .iter()
            .filter(|n| typed.notes.iter().any(|(t, _)| t == *n))
            .count(),
        "{tag}: notes nobody saved: {notes:?}"
    );
}

#[test]
fn kill_9_at_random_moments_loses_nothing_typed_more_than_a_second_before() {
    if skip_without_tmux("e2e_kill") {
        return;
    }
    let trials = env_u64("ATELIER_KILL_TRIALS").unwrap_or(DEFAULT_TRIALS);
    let seed = env_u64("ATELIER_KILL_SEED").unwrap_or(DEFAULT_SEED);
    let max_ms = env_u64("ATELIER_KILL_MAX_MS").unwrap_or(2000);
    let start = Instant::now();
    for n in 0..trials {
        let t = Instant::now();
        let what = trial(seed, n, max_ms);
        eprintln!("{what} [{:.1?}]", t.elapsed());
    }
    eprintln!("{trials} trials in {:.1?}", start.elapsed());
}

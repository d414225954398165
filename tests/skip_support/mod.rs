//! The one way a test says it cannot run: a tool it needs (tmux, chromium,
//! git, root) is missing. Every such test starts with
//!
//! ```ignore
//! if skip_support::missing(Tool::Tmux) {
//!     return;
//! }
//! ```
//!
//! (or calls [`skip`] when it finds out later, e.g. a failed `mount`).
//!
//! - The skip is written straight to the test process's standard error,
//!   which the harness does not capture (it captures `print!` and
//!   `eprint!` only): `cargo test` shows it, whatever passes, with the
//!   test's name, the tool and the line that installs it.
//! - With `ATELIER_REQUIRE_TOOLS=1` (CI sets it: `.ci/run`) a missing tool
//!   fails the test instead.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Where the browser tests look for Chromium.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Set to `1` to turn every skip into a failure.
pub const REQUIRE: &str = "ATELIER_REQUIRE_TOOLS";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Tmux,
    Chromium,
    Git,
    /// Running as root (mounting a tmpfs, and the like).
    Root,
}

impl Tool {
    fn name(self) -> &'static str {
        match self {
            Tool::Tmux => "tmux",
            Tool::Chromium => "chromium",
            Tool::Git => "git",
            Tool::Root => "root",
        }
    }

    /// What to do about it.
    fn remedy(self) -> &'static str {
        match self {
            Tool::Tmux => "install it: apt-get install -y tmux",
            Tool::Chromium => "install it: apt-get install -y chromium",
            Tool::Git => "install it: apt-get install -y git",
            Tool::Root => "run the tests as root (CI does)",
        }
    }

    /// True when the tool is there (the running user is root, for
    /// [`Tool::Root`]), without saying anything.
    pub fn present(self) -> bool {
        let runs = |cmd: &str, arg: &str| {
            Command::new(cmd)
                .arg(arg)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        match self {
            Tool::Tmux => runs("tmux", "-V"),
            Tool::Chromium => Path::new(CHROMIUM).exists(),
            Tool::Git => runs("git", "--version"),
            Tool::Root => effective_uid() == Some(0),
        }
    }
}

/// The effective user id, from `/proc/self/status`.
fn effective_uid() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

/// True, once said, when `tool` is missing and the calling test should
/// return; fails the test instead under `ATELIER_REQUIRE_TOOLS=1`.
pub fn missing(tool: Tool) -> bool {
    if tool.present() {
        return false;
    }
    skip(tool, "not installed");
    true
}

/// Skip the running test for want of `tool` (`why` says what happened), or
/// fail it under `ATELIER_REQUIRE_TOOLS=1`. The caller returns.
pub fn skip(tool: Tool, why: &str) {
    skip_for(tool.name(), tool.remedy(), why);
}

/// As [`skip`], for any other thing a test needs (`what`: a program, a
/// checker from `tests/tools`; `remedy`: how to get it).
pub fn skip_for(what: &str, remedy: &str, why: &str) {
    let current = std::thread::current();
    let test = current.name().unwrap_or("a test");
    if std::env::var(REQUIRE).is_ok_and(|v| v == "1") {
        panic!(
            "{test} needs {what} ({why}); {remedy} ({REQUIRE}=1 turns this skip into a failure)"
        );
    }
    let line = format!(
        "SKIPPED {test}: needs {what} ({why}); {remedy} (or set {REQUIRE}=1 to fail instead)\n"
    );
    // Not `eprintln!`: the harness captures it and shows it only on failure.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

//! Shared by the tests of where and how files are written
//! (`store_paths.rs`, `export_outputs.rs`, `file_modes.rs`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

pub const ATELIER: &str = env!("CARGO_BIN_EXE_atelier");

/// `'text'` for `sh`.
pub fn sh_q(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The names in a folder, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The permission bits of a file (links followed).
pub fn mode(p: &Path) -> u32 {
    std::fs::metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Run atelier in `dir` (its home `dir/home`), with umask 000 when asked;
/// fails the test unless it succeeds.
pub fn atelier_in(dir: &Path, args: &[&str], umask_000: bool) -> Output {
    let mut cmd = if umask_000 {
        let line: Vec<String> = args.iter().map(|a| sh_q(a)).collect();
        let mut c = Command::new("sh");
        c.arg("-c").arg(format!(
            "umask 000; exec {} {}",
            sh_q(ATELIER),
            line.join(" ")
        ));
        c
    } else {
        let mut c = Command::new(ATELIER);
        c.args(args);
        c
    };
    let out = cmd
        .current_dir(dir)
        .env("ATELIER_HOME", dir.join("home"))
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "atelier {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

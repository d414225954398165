//! The `atelier` binary run as a user would, with `ATELIER_HOME` pointing
//! at a test's folder and the language the test says (the machine's
//! `LC_ALL` and `LC_MESSAGES` left out, so only `LANG` picks it).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

/// `atelier ARGS` with `ATELIER_HOME=home` and the variables `env`
/// (`LANG`, `TZ`, ...).
pub fn run(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(args)
        .env("ATELIER_HOME", home)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

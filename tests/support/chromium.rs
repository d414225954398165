//! Headless Chromium as the browser tests run it: its flags, and the one
//! runner (a fresh profile each run, its output kept in files, at most two
//! minutes).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The flags every run starts with: headless, no sandbox, no GPU, and
/// nothing that reaches the network or writes beside its profile.
pub const HEADLESS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// How a run ended, and what it wrote.
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Run `chromium` headless with `args` (the URL among them), its profile a
/// new folder in `dir`; the test fails if it has not finished within two
/// minutes.
pub fn run(chromium: &Path, dir: &Path, args: &[&str]) -> Run {
    let profile = tempfile::tempdir_in(dir).unwrap();
    let (out, err) = (profile.path().join("stdout"), profile.path().join("stderr"));
    let mut child = Command::new(chromium)
        .args(HEADLESS)
        .arg("--disable-dev-shm-usage")
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("profile").display()
        ))
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Run {
        status,
        stdout: std::fs::read_to_string(out).unwrap_or_default(),
        stderr: std::fs::read_to_string(err).unwrap_or_default(),
    }
}

/// As [`run`], which must succeed: its standard output.
pub fn output(chromium: &Path, dir: &Path, args: &[&str]) -> String {
    let r = run(chromium, dir, args);
    assert!(
        r.status.success(),
        "chromium failed ({}) on {args:?}: {}",
        r.status,
        r.stderr
    );
    r.stdout
}

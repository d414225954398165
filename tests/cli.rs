//! The `atelier` command line, run as a user would, with `ATELIER_HOME`
//! pointing at a temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;

fn atelier(home: &Path, args: &[&str]) -> Output {
    support::cli::run(
        home,
        args,
        &[
            ("LANG", "C"),
            // A machine far from the workshops' Paris: what it shows is the session's.
            ("TZ", "Asia/Tokyo"),
        ],
    )
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn new_session(home: &Path, title: &str) -> PathBuf {
    let out = atelier(home, &["new", "--title", title, "--no-open"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let path = PathBuf::from(text.trim_end_matches('\n'));
    assert_eq!(text.lines().count(), 1, "one line, the path: {text:?}");
    path
}

#[test]
fn new_prints_a_path_that_check_accepts() {
    let home = tempfile::tempdir().unwrap();
    let path = new_session(home.path(), "Écoles d'été : la cour");
    assert_eq!(path.parent(), Some(home.path().join("sessions").as_path()));
    assert_eq!(path.file_name().unwrap(), "ecoles-d-ete-la-cour.ron");
    assert!(path.is_file());

    let s = atelier::store::load_file(&path).unwrap();
    assert_eq!(s.title, "Écoles d'été : la cour");

    let path_text = path.display().to_string();
    let out = atelier(home.path(), &["check", &path_text]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), format!("{path_text}: ok\n"));

    // The same title again gets a file of its own.
    let again = new_session(home.path(), "Écoles d'été : la cour");
    assert_ne!(again, path);
    assert!(again.is_file());
}

#[cfg(unix)]
#[test]
fn new_session_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let path = new_session(home.path(), "Paroles d'habitants");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&home.path().join("sessions")), 0o700);
}

#[test]
fn new_from_a_template_gets_its_agenda() {
    let home = tempfile::tempdir().unwrap();
    let list = atelier(home.path(), &["templates", "list"]);
    assert_eq!(list.status.code(), Some(0));
    let listing = stdout(&list);
    let first = listing
        .split_whitespace()
        .next()
        .expect("at least one template");
    let out = atelier(
        home.path(),
        &[
            "new",
            "--title",
            "Avec modèle",
            "--template",
            first,
            "--no-open",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = PathBuf::from(stdout(&out).trim_end());
    let s = atelier::store::load_file(&path).unwrap();
    assert!(!s.agenda.is_empty(), "template {first} gave no agenda");

    let bad = atelier(
        home.path(),
        &[
            "new",
            "--title",
            "X",
            "--template",
            "no-such-template",
            "--no-open",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no template \"no-such-template\""));
}

#[test]
fn methods_list() {
    let home = tempfile::tempdir().unwrap();
    let out = atelier(home.path(), &["methods", "list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    // "35 methods in 8 stages"
    let summary = text
        .lines()
        .find(|l| l.contains(" methods in "))
        .unwrap_or_else(|| panic!("no summary line in:\n{text}"));
    let numbers: Vec<usize> = summary
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        numbers.len() == 2 && numbers[0] >= 24 && numbers[1] >= 7,
        "{summary}"
    );
    assert!(
        !text.contains("warning:"),
        "a bundled method file is malformed:\n{text}"
    );
}

#[test]
fn version() {
    let home = tempfile::tempdir().unwrap();
    let out = atelier(home.path(), &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("atelier {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = atelier(home.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = stdout(&out);
        assert!(text.contains("atelier"), "{shell}: {text}");
        assert!(
            text.contains("check"),
            "{shell}: the subcommands are completed"
        );
    }
}

#[test]
fn check_needs_a_file() {
    let home = tempfile::tempdir().unwrap();
    let out = atelier(home.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
}

#[test]
fn fmt_rewrites_a_hand_edited_file() {
    let home = tempfile::tempdir().unwrap();
    let path = new_session(home.path(), "Atelier");
    // Hand-edited: fields on one line, a comment, no trailing comma.
    let s = atelier::store::load_file(&path).unwrap();
    let hand = format!(
        "// written by hand\n(format: 2, id: \"{}\", title: \"Atelier à la main\",\n challenge: (statement: \"Pourquoi ?\", origin: Other))",
        s.id
    );
    std::fs::write(&path, &hand).unwrap();
    let path_text = path.display().to_string();
    let out = atelier(home.path(), &["fmt", &path_text]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // The hand-written file named no time zone: it gets the machine's.
    assert_eq!(
        stdout(&out),
        format!(
            "{path_text}: note: it named no time zone; it now keeps Asia/Tokyo (this computer's)\n\
             {path_text}: ok\n"
        )
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let loaded = atelier::store::load_str("x", &text).unwrap();
    assert_eq!(loaded.time_zone.as_deref(), Some("Asia/Tokyo"));
    assert_eq!(loaded.title, "Atelier à la main");
    assert_eq!(loaded.challenge.origin, atelier::model::Origin::Other);
    assert_eq!(text, atelier::store::to_ron(&loaded).unwrap());

    // A bad file is reported and left alone.
    std::fs::write(&path, "(format: 2,").unwrap();
    let out = atelier(home.path(), &["fmt", &path_text]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with(&format!("{path_text}:1:")),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(format: 2,");
}

//! `atelier export` and `atelier report`, run as a user would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;

const DEMO: &str = include_str!("../sessions/demo.ron");

fn atelier(home: &Path, args: &[&str]) -> Output {
    support::cli::run(home, args, &[("LANG", "C"), ("TZ", "Europe/Paris")])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A temporary folder with the demo in it as `demo.ron`.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.ron");
    std::fs::write(&file, DEMO).unwrap();
    (dir, file)
}

/// `atelier export FILE --format FORMAT MORE...` in `dir`.
fn export(dir: &Path, file: &Path, format: &str, more: &[&str]) -> Output {
    let mut args = vec!["export", file.to_str().unwrap(), "--format", format];
    args.extend_from_slice(more);
    atelier(dir, &args)
}

#[test]
fn export_writes_beside_the_session_by_default() {
    let (dir, file) = folder();
    for (format, ext, start) in [
        ("md", "md", "# Bibliothèques fraîches"),
        ("html", "html", "<!DOCTYPE html>"),
        (
            "csv",
            "csv",
            "\u{feff}id,kind,stage,cluster,author,votes,text,time,owner,due,status\r\n",
        ),
        ("json", "json", "{\n  \"atelier_json\": 1,"),
        ("svg", "svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
    ] {
        let out = export(dir.path(), &file, format, &[]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let written = dir.path().join(format!("demo.{ext}"));
        assert_eq!(text(&out.stdout), format!("{}\n", written.display()));
        let content = std::fs::read_to_string(&written).unwrap();
        assert!(content.starts_with(start), "{format}: {}", &content[..80]);
    }
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        DEMO,
        "the session is untouched"
    );
}

#[test]
fn export_to_standard_output_with_dash() {
    let (dir, file) = folder();
    let out = export(dir.path(), &file, "md", &["-o", "-", "--anonymize"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.starts_with("# Bibliothèques fraîches"));
    assert!(md.contains("Export anonymisé"));
    assert!(!md.contains("Amélie"));
    assert!(
        !dir.path().join("demo.md").exists(),
        "nothing written beside"
    );
}

#[test]
fn export_to_a_named_file_or_folder() {
    let (dir, file) = folder();
    let target = dir.path().join("résumé.html");
    let out = export(
        dir.path(),
        &file,
        "html",
        &["--output", target.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("</html>")
    );
    let sub = dir.path().join("exports");
    std::fs::create_dir(&sub).unwrap();
    let out = export(dir.path(), &file, "svg", &["-o", sub.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(sub.join("demo.svg").is_file());
}

#[test]
fn export_fails_cleanly_on_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: 2, title: \"cut").unwrap();
    let out = atelier(
        dir.path(),
        &["export", bad.to_str().unwrap(), "--format", "md"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with("atelier: "), "{err}");
    assert!(err.contains("bad.ron"), "{err}");
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
    assert!(out.stdout.is_empty());
    assert!(!dir.path().join("bad.md").exists());

    let missing = dir.path().join("missing.ron");
    let out = atelier(
        dir.path(),
        &["export", missing.to_str().unwrap(), "--format", "csv"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.ron"));

    let out = atelier(
        dir.path(),
        &["export", bad.to_str().unwrap(), "--format", "pdf"],
    );
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown format");
}

#[test]
fn export_never_overwrites_the_session_itself() {
    let (dir, file) = folder();
    let out = export(dir.path(), &file, "json", &["-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("session file itself"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), DEMO);
}

#[test]
fn export_help_lists_the_formats() {
    let dir = tempfile::tempdir().unwrap();
    let out = atelier(dir.path(), &["export", "--help"]);
    let help = text(&out.stdout);
    for word in [
        "md",
        "html",
        "csv",
        "json",
        "svg",
        "--anonymize",
        "-o, --output",
    ] {
        assert!(help.contains(word), "{word} in {help}");
    }
    let out = atelier(dir.path(), &["--help"]);
    let help = text(&out.stdout);
    assert!(help.contains("export") && help.contains("report"));
}

#[test]
fn report_writes_an_index_and_a_page_per_session_and_lists_bad_files() {
    let (dir, _) = folder();
    let second = DEMO
        .replace("date: Some(\"2026-07-09\")", "date: Some(\"2026-09-10\")")
        .replace("origin: Public", "origin: Elected")
        .replace(
            "title: \"Bibliothèques fraîches",
            "title: \"Suite des bibliothèques fraîches",
        );
    std::fs::write(dir.path().join("septembre.ron"), second).unwrap();
    std::fs::write(dir.path().join("broken.ron"), "not a session").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
    let out = atelier(dir.path(), &["report", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = dir.path().join("report");
    assert_eq!(
        text(&out.stdout),
        format!("{}\n", report.join("index.html").display())
    );
    assert!(
        text(&out.stderr).contains("broken.ron"),
        "bad files said on stderr too"
    );
    let index = std::fs::read_to_string(report.join("index.html")).unwrap();
    assert!(index.contains("href=\"demo.html\""));
    assert!(index.contains("href=\"septembre.html\""));
    // The pages are for publication: a file that does not load is said on
    // the terminal only (its error could quote what it holds).
    assert!(
        !index.contains("broken.ron"),
        "the bad file is not in the page"
    );
    assert!(
        index.contains("1 sur 2 (50 %)"),
        "share of public challenges"
    );
    assert!(
        index.find("2026-07-09") < index.find("2026-09-10"),
        "by date"
    );
    let page = std::fs::read_to_string(report.join("demo.html")).unwrap();
    assert!(page.contains("href=\"index.html\""), "a way back");
    assert!(page.contains("Amélie Roux"));

    let out_dir = dir.path().join("public");
    let out = atelier(
        dir.path(),
        &[
            "report",
            dir.path().to_str().unwrap(),
            "-o",
            out_dir.to_str().unwrap(),
            "--anonymize",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for name in ["index.html", "demo.html", "septembre.html"] {
        let html = std::fs::read_to_string(out_dir.join(name)).unwrap();
        assert!(!html.contains("Amélie"), "{name}");
        assert!(html.contains("Export anonymisé"), "{name}");
    }
}

#[test]
fn report_of_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let out = atelier(dir.path(), &["report", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nope"));
}

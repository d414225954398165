//! `atelier review FILE --as NAME --comment TEXT [--about ID]`: a signed
//! comment, with its time, on the session or on one item, that the exports
//! show; the name from config.ron when --as is not given; no name, no
//! comment.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod export_support;

use std::path::Path;
use std::process::Output;

fn atelier(home: &Path, args: &[&str]) -> Output {
    support::cli::run(home, args, &[("LANG", "fr_FR.UTF-8")])
}

/// `review FILE --as Léa --comment TEXT --about ABOUT`.
fn as_lea(home: &Path, file: &str, comment: &str, about: &str) -> Output {
    let args = [
        "review",
        file,
        "--as",
        "Léa",
        "--comment",
        comment,
        "--about",
        about,
    ];
    atelier(home, &args)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_comment_signed_as_lea_on_a_sticky_shows_in_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.ron");
    std::fs::write(&file, export_support::DEMO).unwrap();
    let before = atelier::store::load_file(&file).unwrap();
    let sticky = &before.stickies[3];
    let f = file.to_str().unwrap();
    let prefix = &sticky.id.as_str()[..sticky.id.as_str().len() - 2];
    let out = as_lea(dir.path(), f, "Et le sous-sol ?", prefix);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Commentaire de Léa ajouté"),
        "{}",
        text(&out.stdout)
    );

    let after = atelier::store::load_file(&file).unwrap();
    let c = after.comments.last().unwrap();
    assert_eq!(c.author, "Léa");
    assert_eq!(c.about.as_ref(), Some(&sticky.id));
    assert_eq!(c.text, "Et le sous-sol ?");
    // Only the comments changed.
    let mut same = after.clone();
    same.comments = before.comments.clone();
    assert_eq!(same, before);

    let md = atelier(dir.path(), &["export", f, "--format", "md", "-o", "-"]);
    let md = text(&md.stdout);
    let first: String = sticky.text.chars().take(20).collect();
    let line = md
        .lines()
        .find(|l| l.contains("*Léa, "))
        .unwrap_or_else(|| panic!("no signed comment in {md}"));
    assert!(
        line.contains("post-it « ") || line.contains("post-it «\u{a0}"),
        "{line}"
    );
    assert!(line.contains(&first), "{line}");
    assert!(md.contains("Et le sous-sol ?"));
}

#[test]
fn the_name_comes_from_the_config_and_without_one_nothing_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.ron");
    std::fs::write(&file, export_support::DEMO).unwrap();
    let f = file.to_str().unwrap();
    let before = std::fs::read(&file).unwrap();

    let out = atelier(dir.path(), &["review", f, "--comment", "Bravo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--as NOM"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing written");

    let out = as_lea(dir.path(), f, "x", "zzzz");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("zzzz"));
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing written");

    let config = atelier::store::Home::under(dir.path()).config;
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.ron"), "(name: \"Zoé\")").unwrap();
    let out = atelier(dir.path(), &["review", f, "--comment", "Bravo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let after = atelier::store::load_file(&file).unwrap();
    let c = after.comments.last().unwrap();
    assert_eq!((c.author.as_str(), c.about.as_ref()), ("Zoé", None));
}

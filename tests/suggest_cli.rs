//! `atelier suggest FILE`, run as a user would: on the demo and on a
//! generated session, in text and JSON, for the inbox and the whole board,
//! with a lab's thesaurus and word vectors in its configuration folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use atelier::model::suggest::{DEFAULT_THRESHOLD, Scope};
use std::collections::HashSet;
use std::path::Path;
use std::process::Output;

fn atelier(home: &Path, args: &[&str]) -> Output {
    support::cli::run(home, args, &[("LANG", "C")])
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/demo.ron");

#[derive(serde::Deserialize, Debug)]
struct Item {
    title: String,
    words: Vec<String>,
    stickies: Vec<String>,
}

fn json(home: &Path, args: &[&str]) -> Vec<Item> {
    let out = atelier(home, args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)))
}

#[test]
fn json_on_the_demo_is_the_engine_s_board_suggestions() {
    let home = tempfile::tempdir().unwrap();
    let items = json(
        home.path(),
        &["suggest", DEMO, "--scope", "all", "--format", "json"],
    );
    let session = atelier::store::load_file(Path::new(DEMO)).unwrap();
    let model = session.suggest_clusters(Scope::Board, DEFAULT_THRESHOLD);
    assert!(!items.is_empty());
    assert_eq!(items.len(), model.len());
    let known: HashSet<&str> = session.stickies.iter().map(|s| s.id.as_str()).collect();
    for (item, sg) in items.iter().zip(&model) {
        assert_eq!(item.title, sg.title);
        assert_eq!(item.words, sg.words);
        let ids: Vec<&str> = sg.stickies.iter().map(|i| i.as_str()).collect();
        assert_eq!(item.stickies, ids);
        assert!(item.stickies.iter().all(|i| known.contains(i.as_str())));
    }
    // The inbox alone, and a tighter threshold: fewer stickies grouped.
    let tight = json(
        home.path(),
        &[
            "suggest",
            DEMO,
            "--scope",
            "all",
            "--threshold",
            "0.6",
            "--format",
            "json",
        ],
    );
    let grouped = |l: &[Item]| l.iter().map(|i| i.stickies.len()).sum::<usize>();
    assert!(grouped(&tight) < grouped(&items));
    let inbox = json(home.path(), &["suggest", DEMO, "--format", "json"]);
    let model = session.suggest_clusters(Scope::Inbox, DEFAULT_THRESHOLD);
    assert_eq!(inbox.len(), model.len());
}

#[test]
fn text_lists_each_suggestion_with_its_reasons_and_stickies() {
    let home = tempfile::tempdir().unwrap();
    let out = atelier(home.path(), &["suggest", DEMO, "--scope", "all"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("suggestions for the whole board (63 stickies), threshold 0.25"),
        "{first}"
    );
    assert!(text.contains("because they share: "), "{text}");
    assert!(text.contains(" ~ "), "{text}");
    assert!(text.contains("  - ["), "{text}");
    // In French, with the decimal comma.
    let out = support::cli::run(
        home.path(),
        &["suggest", DEMO, "--scope", "all"],
        &[("LANG", "fr_FR.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("pour tout le mur (63 post-it), seuil 0,25"),
        "{text}"
    );
}

#[test]
fn a_generated_session_gets_suggestions_too() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("big.ron");
    let out = atelier(
        home.path(),
        &[
            "generate",
            "--stickies",
            "300",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let items = json(
        home.path(),
        &[
            "suggest",
            file.to_str().unwrap(),
            "--scope",
            "all",
            "--format",
            "json",
        ],
    );
    assert!(!items.is_empty());
    let mut seen = HashSet::new();
    for i in &items {
        assert!(i.stickies.len() >= 2 && !i.title.is_empty() && !i.words.is_empty());
        assert!(
            i.stickies.iter().all(|s| seen.insert(s.clone())),
            "a sticky in two"
        );
    }
}

#[test]
fn bad_input_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let out = atelier(home.path(), &["suggest", "/nonexistent/x.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/nonexistent/x.ron"),
        "{}",
        stderr(&out)
    );
    let out = atelier(home.path(), &["suggest", DEMO, "--scope", "everything"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("inbox"), "{}", stderr(&out));
}

/// A session whose inbox holds these stickies.
fn session_with(dir: &Path, texts: &[&str]) -> String {
    use atelier::model::{Place, Session, Timestamp};
    let mut s = Session::new(atelier::model::Id::new(), "Lab");
    let now = Timestamp::from_unix(1_781_253_000).unwrap();
    for t in texts {
        support::model::add_sticky(&mut s, t, &Place::Inbox, now);
    }
    let path = dir.join("lab.ron");
    std::fs::write(&path, atelier::store::to_ron(&s).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn the_lab_s_thesaurus_and_word_vectors_are_used_and_bad_files_are_said() {
    let home = tempfile::tempdir().unwrap();
    let file = session_with(
        home.path(),
        &[
            "Du propolis maison",
            "Un hydromel local",
            "Trop de chaleur au 3e étage",
            "Zorglub partout",
        ],
    );
    let run = || json(home.path(), &["suggest", &file, "--format", "json"]);
    let together = |items: &[Item], a: usize, b: usize| {
        let s = session_with_ids(&file);
        items
            .iter()
            .any(|i| i.stickies.contains(&s[a]) && i.stickies.contains(&s[b]))
    };
    // Built in: propolis and mead are strangers, and so is "zorglub".
    let before = run();
    assert!(!together(&before, 0, 1), "{before:?}");
    assert!(!together(&before, 2, 3), "{before:?}");

    // The lab's words, and a tiny model where "zorglub" is close to heat.
    let dir = home.path().join("config").join("suggest");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("abeilles.txt"),
        "# Notre atelier sur les abeilles\n[bees]\nlabel: Abeilles | Bees\nfr: propolis, hydromel, abeille\nen: mead, bee\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("tiny.vec"),
        "4 3\nchaleur 1 0 0\nchaud 0.9 0.1 0\nzorglub 0.95 0.05 0\nsalle 0 0 1\n",
    )
    .unwrap();
    let after = run();
    assert!(together(&after, 0, 1), "{after:?}");
    assert!(together(&after, 2, 3), "{after:?}");
    let bees = after.iter().find(|i| i.title == "Abeilles").unwrap();
    assert_eq!(bees.words, ["propolis ~ hydromel"]);

    // A bad file is left out with a warning that says where; the rest works.
    std::fs::write(dir.join("broken.txt"), "[bees]\nfrench: abeille\n").unwrap();
    let out = atelier(home.path(), &["suggest", &file, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("broken.txt:2:1: unknown key `french`"),
        "{err}"
    );
    let items: Vec<Item> = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(together(&items, 0, 1));
}

fn session_with_ids(file: &str) -> Vec<String> {
    let s = atelier::store::load_file(Path::new(file)).unwrap();
    s.stickies
        .iter()
        .map(|x| x.id.as_str().to_owned())
        .collect()
}

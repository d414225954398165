//! Fewer keys in front of the room (issue 19), in a real terminal: tmux
//! runs the `atelier` binary; keys go in with `send-keys`, the screen comes
//! back with `capture-pane`, and the session file is read after `q`.
//! A sticky into a cluster with one key, an `@author` line in the capture
//! bar, a vote on a cluster from one of its stickies, `/` in facilitation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod reliability_support;
mod support;

use atelier::model::{Cluster, Colour, Id, Participant, Role, Session, Sticky, Target};
use reliability_support::*;
use std::path::{Path, PathBuf};

/// A session from the 2-hour template (it opens on facilitation) with
/// two participants, three clusters and `inbox` stickies in the inbox,
/// `in_first` in the first cluster.
fn workshop(home: &Path, inbox: &[&str], in_first: &[&str]) -> PathBuf {
    let path = new_session(home, "Keys");
    let mut s: Session = load(&path);
    for (i, name) in ["Amélie Durand", "Bob"].iter().enumerate() {
        s.participants.push(Participant {
            id: Id(format!("p{i}")),
            name: (*name).to_owned(),
            role: Role::default(),
            organisation: String::new(),
        });
    }
    for (i, title) in ["Ombre", "Eau", "Mobilités"].iter().enumerate() {
        s.clusters.push(Cluster {
            id: Id(format!("c{}", i + 1)),
            title: (*title).to_owned(),
            stage: None,
        });
    }
    let time = atelier::model::Timestamp::from_unix(1_780_000_000).unwrap();
    let sticky = |i: usize, text: &str, cluster: Option<Id>| Sticky {
        id: Id(format!("x{i}")),
        text: text.to_owned(),
        author: None,
        colour: Colour::default(),
        stage: None,
        cluster,
        parked: false,
        time,
        tags: Vec::new(),
        private: false,
    };
    for (i, text) in inbox.iter().enumerate() {
        s.stickies.push(sticky(i, text, None));
    }
    for (i, text) in in_first.iter().enumerate() {
        s.stickies
            .push(sticky(100 + i, text, Some(Id("c1".to_owned()))));
    }
    assert!(atelier::model::validate(&s).is_empty());
    let text = atelier::store::to_ron(&s).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// Open `file` in tmux, on the facilitation screen.
fn open(tmp: &Path, home: &Path, file: &Path) -> Tmux {
    let tmux = Tmux::new(home);
    tmux.start(&open_then_record(file, tmp));
    read_pid(&tmp.join("pid"), &tmux);
    tmux.wait_for(&["Keys"]);
    tmux
}

/// `q`, then the session as saved.
fn quit(tmux: &Tmux, tmp: &Path, file: &Path) -> Session {
    tmux.keys(&["q"]);
    let code = wait_for_file(&tmp.join("status"), WAIT, tmux);
    assert_eq!(code.trim(), "0", "atelier exited with {code}");
    load(file)
}

fn cluster_of<'a>(s: &'a Session, text: &str) -> Option<&'a str> {
    s.stickies
        .iter()
        .find(|x| x.text == text)
        .and_then(|x| x.cluster.as_ref())
        .map(|c| c.0.as_str())
}

#[test]
fn a_number_key_sends_stickies_to_the_cluster_numbered_so() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = workshop(&home, &["Arbres", "Fontaines", "Gourdes", "Jeux"], &[]);
    let tmux = open(tmp.path(), &home, &file);
    tmux.keys(&["b"]);
    // The clusters' headers carry their numbers.
    tmux.wait_for(&["Inbox · 4", "1 Ombre · 0", "2 Eau · 0"]);
    // The first sticky, `2`: into "Eau"; the cursor stays in the inbox, on
    // the next sticky.
    tmux.keys(&["j", "2"]);
    let screen = tmux.wait_for(&["Inbox · 3", "2 Eau · 1"]);
    assert!(screen.contains("▶ Fontaines"), "{screen}");
    // Two marked, `1`: both into "Ombre".
    tmux.keys(&["Space", "Space", "1"]);
    tmux.wait_for(&["Inbox · 1", "1 Ombre · 2"]);
    let s = quit(&tmux, tmp.path(), &file);
    assert_eq!(cluster_of(&s, "Arbres"), Some("c2"));
    assert_eq!(cluster_of(&s, "Fontaines"), Some("c1"));
    assert_eq!(cluster_of(&s, "Gourdes"), Some("c1"));
    assert_eq!(cluster_of(&s, "Jeux"), None);
}

#[test]
fn an_at_name_line_sets_the_stickys_author() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = workshop(&home, &[], &[]);
    let tmux = open(tmp.path(), &home, &file);
    tmux.keys(&["b"]);
    tmux.wait_for(&["Inbox · 0"]);
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    // `@ame` and Tab: the name is completed (accents ignored).
    tmux.type_text("@ame");
    tmux.keys(&["Tab"]);
    tmux.wait_for(&["@Amélie Durand"]);
    tmux.type_text("Des bancs à l'ombre");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["1 added"]);
    // Typed whole, first word only.
    tmux.type_text("@bob Une fontaine");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["2 added"]);
    // A pasted block: one author per line.
    let out = tmux.run(&["set-buffer", "@Bob Trois\n@amélie durand Quatre\nCinq"]);
    assert!(out.status.success());
    let out = tmux.run(&["paste-buffer", "-p", "-t", SESSION]);
    assert!(out.status.success());
    tmux.wait_for(&["5 added"]);
    tmux.keys(&["Escape"]);
    // "Inbox · 5" shows behind the open popup too: wait for the popup to
    // close, or the `q` of `quit` may arrive with the Escape and be read
    // as Alt-q (a busy machine reads both bytes at once).
    tmux.wait_gone("New sticky");
    tmux.wait_for(&["Inbox · 5"]);
    let s = quit(&tmux, tmp.path(), &file);
    let authors: Vec<(&str, Option<&str>)> = s
        .stickies
        .iter()
        .map(|x| (x.text.as_str(), x.author.as_ref().map(|a| a.0.as_str())))
        .collect();
    assert_eq!(
        authors,
        [
            ("Des bancs à l'ombre", Some("p0")),
            ("Une fontaine", Some("p1")),
            ("Trois", Some("p1")),
            ("Quatre", Some("p0")),
            ("Cinq", None),
        ]
    );
}

#[test]
fn plus_on_a_sticky_of_a_cluster_votes_for_the_cluster() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = workshop(&home, &["Seul"], &["Arbres", "Voiles"]);
    let tmux = open(tmp.path(), &home, &file);
    tmux.keys(&["b"]);
    tmux.wait_for(&["1 Ombre · 2"]);
    // A round of 3 dots, on clusters (`V`).
    tmux.new_round(3);
    tmux.keys(&["V"]);
    tmux.wait_for(&["on clusters"]);
    // The cluster's header is selected visibly; its second sticky, `+`.
    tmux.keys(&["l"]);
    tmux.wait_for(&["▶1 Ombre"]);
    tmux.keys(&["j", "j", "+"]);
    tmux.wait_for(&["2 of 3 dots left"]);
    tmux.wait_for(&["1 Ombre · 2 · ○1"]);
    let s = quit(&tmux, tmp.path(), &file);
    assert_eq!(s.votes.len(), 1, "{:#?}", s.votes);
    assert_eq!(s.votes[0].target, Target::Cluster(Id("c1".to_owned())));
    assert_eq!(s.votes[0].participant, Some(Id("p0".to_owned())));
}

#[test]
fn slash_searches_from_facilitation_and_never_opens_the_export() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = workshop(&home, &["Une École ouverte", "Le marché"], &[]);
    let tmux = open(tmp.path(), &home, &file);
    tmux.wait_for(&["Facilitation"]);
    tmux.keys(&["/"]);
    tmux.type_text("ecole");
    let screen = tmux.wait_for(&["Search: ecole"]);
    assert!(!screen.contains("Export:"), "{screen}");
    tmux.keys(&["Enter"]);
    // The board, filtered: the one match selected.
    let screen = tmux.wait_for(&["/ecole", "1 match", "▶ Une École ouverte"]);
    assert!(!screen.contains("Export:"), "{screen}");
    assert!(!screen.contains("Le marché"), "{screen}");
    let s = quit(&tmux, tmp.path(), &file);
    assert_eq!(s.stickies.len(), 2, "nothing was changed");
}

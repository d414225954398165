//! The board end to end in a real terminal: tmux runs the `atelier` binary
//! on a new session; keys go in with `send-keys`, the screen comes back with
//! `capture-pane`. Add a participant, capture 5 stickies, group them into 2
//! named clusters, vote, undo one vote, quit; the session file must then hold
//! exactly that. Without tmux the test says so and passes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod skip_support;
mod support;

use atelier::model::{Id, Session, Target};
use support::tmux::{BIN, Tmux, WAIT, atelier_new, q, sh_quote, wait_for_file};

/// Wait until the screen shows `n` check marks (stickies marked).
fn wait_marks(tmux: &Tmux, n: usize) -> String {
    tmux.wait_until(&format!("{n} marks"), |s| s.matches('✓').count() == n)
}

const STICKIES: [&str; 5] = [
    "Planter des arbres",
    "Voiles d'ombrage",
    "Fontaines à eau",
    "Gourdes offertes",
    "Jeux d'eau",
];

#[test]
fn capture_group_vote_undo_quit_and_the_file_holds_exactly_that() {
    if skip_support::missing(skip_support::Tool::Tmux) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let path = atelier_new(home.path(), &["--title", "T", "--no-open"]);
    let exited = home.path().join("exited");
    let tmux = Tmux::new(home.path());
    tmux.start_sized(
        120,
        35,
        &format!(
            "{} open {}; echo $? > {}; sleep 600",
            sh_quote(BIN),
            q(&path),
            q(&exited),
        ),
    );
    // An empty agenda opens on the setup screen.
    tmux.wait_for(&["Setup"]);

    // A participant, to vote: setup, Participants tab, i, a name, Enter.
    tmux.keys(&["a", "Tab"]);
    tmux.wait_for(&["Participants"]);
    tmux.keys(&["i"]);
    tmux.wait_for(&["New participant: name"]);
    tmux.type_text("Amélie");
    tmux.keys(&["Enter"]);
    tmux.wait_gone("New participant: name");
    tmux.wait_for(&["Amélie"]);

    // The board, and five stickies in the capture bar.
    tmux.keys(&["b"]);
    tmux.wait_for(&["Inbox · 0"]);
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    for (i, text) in STICKIES.iter().enumerate() {
        tmux.type_text(text);
        tmux.keys(&["Enter"]);
        tmux.wait_for(&[&format!("{} added", i + 1)]);
    }
    tmux.keys(&["Escape"]);
    tmux.wait_gone("New sticky");
    tmux.wait_for(&["Inbox · 5"]);

    // The first two: a cluster "Ombre".
    tmux.keys(&["j", "Space", "Space"]);
    wait_marks(&tmux, 2);
    tmux.keys(&["c"]);
    tmux.wait_for(&["New cluster: title"]);
    tmux.type_text("Ombre");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Ombre · 2"]);
    tmux.wait_for(&["Inbox · 3"]);

    // Back to the inbox, the other three: a cluster "Eau".
    tmux.keys(&["h", "j", "Space", "Space", "Space"]);
    wait_marks(&tmux, 3);
    tmux.keys(&["c"]);
    tmux.wait_for(&["New cluster: title"]);
    tmux.type_text("Eau");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Eau · 3"]);
    tmux.wait_for(&["Inbox · 0"]);

    // A round of 3 dots; two on the first sticky of "Eau"; undo one.
    tmux.new_round(3);
    tmux.keys(&["j", "+", "+"]);
    tmux.wait_for(&["1 of 3 dots left"]);
    tmux.keys(&["u"]);
    tmux.wait_for(&["2 of 3 dots left"]);

    tmux.keys(&["q"]);
    assert_eq!(
        wait_for_file(&exited, WAIT, &tmux).trim(),
        "0",
        "atelier's exit status"
    );

    let s: Session = atelier::store::load_file(&path).expect("the session loads");
    assert_eq!(s.title, "T");
    assert_eq!(s.participants.len(), 1);
    let amelie = &s.participants[0];
    assert_eq!(amelie.name, "Amélie");

    let texts: Vec<&str> = s.stickies.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, STICKIES, "exactly the five typed stickies, in order");
    assert!(s.stickies.iter().all(|x| !x.parked));

    let titles: Vec<&str> = s.clusters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Ombre", "Eau"]);
    let (ombre, eau) = (&s.clusters[0].id, &s.clusters[1].id);
    let in_cluster = |id: &Id| -> Vec<&str> {
        s.stickies
            .iter()
            .filter(|x| x.cluster.as_ref() == Some(id))
            .map(|x| x.text.as_str())
            .collect()
    };
    assert_eq!(in_cluster(ombre), STICKIES[..2]);
    assert_eq!(in_cluster(eau), STICKIES[2..]);

    assert_eq!(s.rounds.len(), 1);
    assert_eq!((s.rounds[0].dots, s.rounds[0].cap), (3, None));
    assert_eq!(s.votes.len(), 1, "{:#?}", s.votes);
    let v = &s.votes[0];
    assert_eq!(v.count, 1, "two dots, one undone");
    assert_eq!(v.participant.as_ref(), Some(&amelie.id));
    assert_eq!(v.round, s.rounds[0].id);
    assert_eq!(v.target, Target::Sticky(s.stickies[2].id.clone()));
    assert_eq!(s.votes.iter().map(|v| v.count).sum::<u32>(), 1);
    assert!(atelier::model::validate(&s).is_empty());
}

//! `atelier merge --git` as a real git merge driver, in a temporary
//! repository, configured as docs/git.md says. Without git these tests
//! skip, saying so (see `tests/skip_support`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod skip_support;
mod support;

use atelier::model::{
    ConflictAbout, ConflictValue, Id, Item, Place, Session, Target, Timestamp, validate,
};
use std::path::Path;
use std::process::{Command, Output};

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", dir.join(".no-global-config"))
        .env("HOME", dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("LANG", "C")
        .output()
        .expect("git runs")
}

fn ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository whose `*.ron` files merge with atelier.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["init", "-q", "-b", "main"]);
    ok(
        d,
        &["config", "merge.atelier.name", "atelier session merge"],
    );
    let driver = format!("\"{}\" merge --git %O %A %B", env!("CARGO_BIN_EXE_atelier"));
    ok(d, &["config", "merge.atelier.driver", &driver]);
    std::fs::write(d.join(".gitattributes"), "*.ron merge=atelier\n").unwrap();
    ok(d, &["add", ".gitattributes"]);
    ok(d, &["commit", "-q", "-m", "attributes"]);
    dir
}

fn save(dir: &Path, s: &Session) {
    let text = atelier::store::to_ron(s).unwrap();
    std::fs::write(dir.join("workshop.ron"), text).unwrap();
}

fn load(dir: &Path) -> Session {
    atelier::store::load_file(&dir.join("workshop.ron")).unwrap()
}

fn commit(dir: &Path, s: &Session, message: &str) {
    save(dir, s);
    ok(dir, &["add", "workshop.ron"]);
    ok(dir, &["commit", "-q", "-m", message]);
}

fn now() -> Timestamp {
    Timestamp::from_unix(1_781_262_000).unwrap()
}

/// A repository whose first commit after the attributes is a generated
/// workshop of `stickies` stickies (from `seed`).
fn repo_with_workshop(stickies: usize, seed: u64) -> (tempfile::TempDir, Session) {
    let dir = repo();
    let base = atelier::generate::session(stickies, seed);
    commit(dir.path(), &base, "the workshop");
    (dir, base)
}

fn add_sticky(s: &mut Session, text: &str, place: &Place) -> Id {
    support::model::add_sticky(s, text, place, now())
}

#[test]
fn git_merges_two_branches_of_a_workshop_without_markers() {
    if skip_support::missing(skip_support::Tool::Git) {
        return;
    }
    let (dir, base) = repo_with_workshop(24, 11);
    let d = dir.path();

    // Table A: two stickies, and one sticky moved to another cluster.
    ok(d, &["checkout", "-q", "-b", "table-a"]);
    let mut a = base.clone();
    let a1 = add_sticky(&mut a, "Des arbres dans la cour, « vite »", &Place::Inbox);
    let first = Place::Cluster(a.clusters[0].id.clone());
    let a2 = add_sticky(&mut a, "Ouvrir la médiathèque le soir,\nen été", &first);
    let moved = a
        .stickies
        .iter()
        .find(|x| x.cluster.as_ref() == Some(&base.clusters[1].id))
        .unwrap()
        .id
        .clone();
    let to = base.clusters[2].id.clone();
    let ops = a.move_stickies(std::slice::from_ref(&moved), &Place::Cluster(to.clone()));
    assert!(!ops.is_empty());
    a.apply_all(ops);
    commit(d, &a, "table A");

    // Table B, from the same start: other stickies, and votes.
    ok(d, &["checkout", "-q", "main"]);
    ok(d, &["checkout", "-q", "-b", "table-b"]);
    let mut b = base.clone();
    let b1 = add_sticky(&mut b, "Brumisateurs 💧 près des bancs", &Place::Parking);
    let b2 = add_sticky(&mut b, "涼み処 : un refuge frais", &Place::Inbox);
    let round = b.rounds[0].id.clone();
    // A participant who has not voted yet in this round.
    let voter = b
        .participants
        .iter()
        .find(|p| b.dots_spent(&round, &p.id) == 0)
        .map(|p| p.id.clone())
        .unwrap_or_else(|| {
            let id = b.participants[0].id.clone();
            let ops = b.remove_participant(&id).0;
            b.apply_all(ops);
            let p = atelier::model::Participant {
                id: Id::new(),
                name: "Inès Moreau".into(),
                role: Default::default(),
                organisation: String::new(),
            };
            let id = p.id.clone();
            b.apply(atelier::model::Op::Insert {
                at: usize::MAX,
                item: Item::Participant(p),
            });
            id
        });
    for target in [
        Target::Sticky(b1.clone()),
        Target::Sticky(b2.clone()),
        Target::Cluster(b.clusters[0].id.clone()),
    ] {
        let ops = b
            .vote(&round, &voter, &target, 1, atelier::model::Id::new())
            .unwrap();
        b.apply_all(ops);
    }
    let tally = b.paper_tally(
        &round,
        &Target::Sticky(b2.clone()),
        4,
        atelier::model::Id::new(),
    );
    b.apply_all(tally);
    commit(d, &b, "table B");

    ok(d, &["checkout", "-q", "table-a"]);
    let out = git(d, &["merge", "--no-edit", "table-b"]);
    assert!(
        out.status.success(),
        "git merge: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    let text = std::fs::read_to_string(d.join("workshop.ron")).unwrap();
    assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
    let m = load(d);
    assert_eq!(validate(&m), vec![]);
    assert!(m.conflicts.is_empty());
    for s in [&a, &b] {
        for x in &s.stickies {
            assert!(m.stickies.iter().any(|y| y.id == x.id), "sticky {}", x.text);
        }
    }
    for id in [&a1, &a2, &b1, &b2] {
        assert!(m.stickies.iter().any(|y| &y.id == id));
    }
    for v in &b.votes {
        assert!(m.votes.contains(v), "vote {v:?}");
    }
    assert_eq!(m.votes.len(), b.votes.len());
    let moved = m.stickies.iter().find(|x| x.id == moved).unwrap();
    assert_eq!(moved.cluster.as_ref(), Some(&to));
    assert_eq!(
        m.stickies.iter().find(|x| x.id == b1).unwrap().place(),
        Place::Parking
    );
    // Exactly what the merge itself gives.
    assert_eq!(m, atelier::merge::merge(&base, &a, &b).session);
    // Table A's additions first, then table B's.
    let pos = |id: &Id| m.stickies.iter().position(|x| &x.id == id).unwrap();
    assert!(pos(&a1) < pos(&a2) && pos(&a2) < pos(&b1) && pos(&b1) < pos(&b2));
}

#[test]
fn a_true_conflict_is_reported_to_git_and_recorded_in_a_valid_file() {
    if skip_support::missing(skip_support::Tool::Git) {
        return;
    }
    let (dir, base) = repo_with_workshop(12, 5);
    let d = dir.path();
    let id = base.stickies[3].id.clone();

    ok(d, &["checkout", "-q", "-b", "ours"]);
    let mut ours = base.clone();
    let ops = ours.edit_sticky(&id, |x| x.text = "Plus d'ombre, vite".into());
    ours.apply_all(ops);
    let extra = add_sticky(&mut ours, "Une idée de plus", &Place::Inbox);
    commit(d, &ours, "ours");

    ok(d, &["checkout", "-q", "main"]);
    ok(d, &["checkout", "-q", "-b", "theirs"]);
    let mut theirs = base.clone();
    let ops = theirs.edit_sticky(&id, |x| x.text = "Plus d'ombre, et des fontaines".into());
    theirs.apply_all(ops);
    commit(d, &theirs, "theirs");

    ok(d, &["checkout", "-q", "ours"]);
    let out = git(d, &["merge", "--no-edit", "theirs"]);
    assert!(!out.status.success(), "git reports the conflict");
    let status = git(d, &["status", "--porcelain"]);
    let status = String::from_utf8_lossy(&status.stdout);
    assert!(status.contains("UU workshop.ron"), "{status}");

    let text = std::fs::read_to_string(d.join("workshop.ron")).unwrap();
    assert!(!text.contains("<<<<<<<") && !text.contains("======="));
    let m = load(d);
    assert_eq!(validate(&m), vec![]);
    assert!(m.stickies.iter().any(|x| x.id == extra));
    let sticky = m.stickies.iter().find(|x| x.id == id).unwrap();
    assert_eq!(sticky.text, "Plus d'ombre, vite");
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.about, ConflictAbout::Item(id.clone()));
    match &c.other {
        ConflictValue::Item(item) => match item.as_ref() {
            Item::Sticky(x) => assert_eq!(x.text, "Plus d'ombre, et des fontaines"),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }

    // Settled in the app (here through the model), the merge can be committed.
    let mut settled = m.clone();
    let undo = settled
        .settle_conflict(&c.id, atelier::model::conflict::Pick::Other)
        .unwrap();
    assert!(!undo.is_empty());
    assert!(settled.conflicts.is_empty());
    assert_eq!(
        settled.stickies.iter().find(|x| x.id == id).unwrap().text,
        "Plus d'ombre, et des fontaines"
    );
    save(d, &settled);
    ok(d, &["add", "workshop.ron"]);
    ok(d, &["commit", "-q", "--no-edit"]);
}

#[test]
fn two_branches_that_both_add_the_session_are_united() {
    if skip_support::missing(skip_support::Tool::Git) {
        return;
    }
    let dir = repo();
    let d = dir.path();
    ok(d, &["checkout", "-q", "-b", "group-1"]);
    let one = atelier::generate::session(12, 21);
    commit(d, &one, "group 1");
    ok(d, &["checkout", "-q", "main"]);
    ok(d, &["checkout", "-q", "-b", "group-2"]);
    let two = atelier::generate::session(12, 22);
    commit(d, &two, "group 2");

    ok(d, &["checkout", "-q", "group-1"]);
    let out = git(d, &["merge", "--no-edit", "group-2"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let m = load(d);
    assert_eq!(validate(&m), vec![]);
    for s in [&one, &two] {
        for x in &s.stickies {
            assert!(m.stickies.iter().any(|y| y.id == x.id));
        }
    }
    // The same template's agenda, matched by title: one agenda, not two.
    assert_eq!(m.agenda.len(), one.agenda.len());
}

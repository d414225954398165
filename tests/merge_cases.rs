//! The merge's rules, case by case, and `atelier merge` on the command line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use atelier::merge::{merge, union};
use atelier::model::conflict::Pick;
use atelier::model::{
    Cluster, ConflictAbout, ConflictValue, Id, Op, Participant, Place, Role, Session, Target,
    Timestamp, validate,
};
use std::path::Path;
use std::process::{Command, Output};

fn now() -> Timestamp {
    Timestamp::from_unix(1_781_262_000).unwrap()
}

fn base() -> Session {
    atelier::generate::session(24, 42)
}

fn sticky(s: &mut Session, text: &str, place: &Place) -> Id {
    support::model::add_sticky(s, text, place, now())
}

fn one_conflict(s: &Session) -> &atelier::model::Conflict {
    assert_eq!(s.conflicts.len(), 1, "{:#?}", s.conflicts);
    &s.conflicts[0]
}

#[test]
fn additions_on_both_sides_are_kept_ours_first() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let o1 = sticky(&mut o, "ours 1", &Place::Inbox);
    let o2 = sticky(&mut o, "ours 2", &Place::Inbox);
    let t1 = sticky(&mut t, "theirs 1", &Place::Parking);
    let t2 = sticky(&mut t, "theirs 2", &Place::Inbox);
    let m = merge(&b, &o, &t);
    assert!(m.report.is_clean());
    let n = b.stickies.len();
    let tail: Vec<&Id> = m.session.stickies[n..].iter().map(|x| &x.id).collect();
    assert_eq!(tail, [&o1, &o2, &t1, &t2]);
    assert_eq!(m.report.counts["sticky"].added, [2, 2]);
    let summary = m.report.summary("en", "ours", "theirs");
    assert!(summary.contains("ours: added 2 stickies"), "{summary}");
    assert!(summary.contains("theirs: added 2 stickies"), "{summary}");
}

#[test]
fn a_change_on_one_side_is_taken() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let id = b.stickies[0].id.clone();
    let ops = t.edit_sticky(&id, |x| x.text = "réécrit".into());
    t.apply_all(ops);
    o.place = "Salle des fêtes".into();
    let m = merge(&b, &o, &t);
    assert!(m.report.is_clean());
    assert_eq!(m.session.stickies[0].text, "réécrit");
    assert_eq!(m.session.place, "Salle des fêtes");
}

#[test]
fn deleted_on_one_side_edited_on_the_other_keeps_the_edit() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let id = b.stickies[2].id.clone();
    let ops = o.delete_stickies(std::slice::from_ref(&id));
    o.apply_all(ops);
    let ops = t.edit_sticky(&id, |x| x.text = "gardé".into());
    t.apply_all(ops);
    let m = merge(&b, &o, &t);
    assert!(!m.report.is_clean());
    assert!(
        m.report.conflicts[0]
            .say("en")
            .contains("theirs changed it, ours deleted it")
    );
    let s = &m.session;
    assert_eq!(
        s.stickies.iter().find(|x| x.id == id).unwrap().text,
        "gardé"
    );
    let c = one_conflict(s);
    assert_eq!(c.about, ConflictAbout::Item(id.clone()));
    assert_eq!(c.other, ConflictValue::Deleted);

    // The facilitator can still delete it.
    let mut settled = s.clone();
    settled.settle_conflict(&c.id.clone(), Pick::Other).unwrap();
    assert!(settled.stickies.iter().all(|x| x.id != id));
    assert!(settled.conflicts.is_empty());
    assert_eq!(validate(&settled), vec![]);
    // Or keep it.
    let ops = s.resolve_conflict(&c.id, Pick::Kept);
    assert_eq!(
        ops,
        [Op::Remove {
            kind: atelier::model::Kind::Conflict,
            id: c.id.clone()
        }]
    );
}

#[test]
fn a_sticky_in_a_cluster_the_other_side_deleted_goes_to_the_inbox() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let cluster = b.clusters[1].id.clone();
    let ops = o.delete_cluster(&cluster);
    o.apply_all(ops);
    let id = sticky(&mut t, "dans le groupe", &Place::Cluster(cluster.clone()));
    let m = merge(&b, &o, &t);
    assert_eq!(validate(&m.session), vec![]);
    let x = m.session.stickies.iter().find(|x| x.id == id).unwrap();
    assert_eq!(x.place(), Place::Inbox);
    assert!(m.session.cluster(&cluster).is_none());
    assert!(
        m.report
            .repairs
            .iter()
            .any(|r| r.say("en").contains("moved to the inbox")),
        "{:?}",
        m.report.repairs
    );
}

#[test]
fn the_same_voter_on_two_laptops_adds_up_and_paper_tallies_take_the_largest() {
    let mut b = base();
    let p = Participant {
        id: Id::new(),
        name: "Nour Haddad".into(),
        role: Role::Citizen,
        organisation: String::new(),
    };
    b.participants.push(p.clone());
    let round = b.rounds[0].id.clone();
    let target = Target::Cluster(b.clusters[0].id.clone());
    let sticky_target = Target::Sticky(b.stickies[0].id.clone());
    let (mut o, mut t) = (b.clone(), b.clone());
    for s in [&mut o, &mut t] {
        let ops = s
            .vote(&round, &p.id, &target, 1, atelier::model::Id::new())
            .unwrap();
        s.apply_all(ops);
    }
    let ops = o.paper_tally(&round, &sticky_target, 3, atelier::model::Id::new());
    o.apply_all(ops);
    let ops = t.paper_tally(&round, &sticky_target, 5, atelier::model::Id::new());
    t.apply_all(ops);
    let m = merge(&b, &o, &t);
    assert!(m.report.is_clean());
    let s = &m.session;
    let mine: Vec<_> = s
        .votes
        .iter()
        .filter(|v| v.participant.as_ref() == Some(&p.id))
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].count, 2);
    let paper: Vec<_> = s
        .votes
        .iter()
        .filter(|v| v.participant.is_none() && v.target == sticky_target)
        .collect();
    assert_eq!(paper.len(), 1);
    assert_eq!(paper[0].count, 5);
    assert_eq!(m.report.repairs.len(), 2, "{:?}", m.report.repairs);
    let said = |lang| {
        let lines: Vec<String> = m.report.repairs.iter().map(|r| r.say(lang)).collect();
        lines.join("\n")
    };
    let (en, fr) = (said("en"), said("fr"));
    assert!(en.contains("records of participant"), "{en}");
    assert!(en.contains("(2 dots, added up)"), "{en}");
    assert!(en.contains("records of the paper tally's dots"), "{en}");
    assert!(en.contains("(5 dots, the largest count)"), "{en}");
    assert!(fr.contains("relevés des gommettes du participant"), "{fr}");
    assert!(fr.contains("(2 gommettes, additionnées)"), "{fr}");
    assert!(fr.contains("(5 gommettes, le plus grand décompte)"), "{fr}");
    // Either way round, the same result.
    let n = merge(&b, &t, &o);
    assert_eq!(n.session.votes.len(), s.votes.len());
    assert!(n.session.votes.iter().all(|v| s.votes.contains(v)));
}

#[test]
fn a_field_changed_on_both_sides_is_a_conflict_with_its_text() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    o.title = "Nos cours".into();
    t.title = "Les cours".into();
    let m = merge(&b, &o, &t);
    let s = m.session;
    assert_eq!(s.title, "Nos cours");
    let c = one_conflict(&s);
    assert_eq!(c.about, ConflictAbout::Field("title".into()));
    assert_eq!(c.other, ConflictValue::Text("Les cours".into()));
    assert_eq!(s.conflict_kept(c), ConflictValue::Text("Nos cours".into()));
    // Ops cannot change a field: the text is put in place, then the record goes.
    let id = c.id.clone();
    assert_eq!(s.resolve_conflict(&id, Pick::Other).len(), 1);
    let mut s2 = s.clone();
    assert_eq!(s2.apply_conflict_fields(&id), Ok(true));
    s2.apply_all(s2.resolve_conflict(&id, Pick::Other));
    assert_eq!(s2.title, "Les cours");
    assert!(s2.conflicts.is_empty());
    let mut s3 = s.clone();
    s3.settle_conflict(&id, Pick::Other).unwrap();
    assert_eq!(s3, s2);
}

#[test]
fn a_step_changed_on_both_sides_conflicts_alone() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let step = b.agenda[0].steps[0].id.clone();
    o.agenda[0].steps[0].minutes = 11;
    t.agenda[0].steps[0].minutes = 22;
    t.agenda[0].title = "Ouverture (changée)".into();
    let added = Id::from("step-added-by-theirs");
    let mut new_step = t.agenda[0].steps[0].clone();
    new_step.id = added.clone();
    t.agenda[0].steps.push(new_step);
    let m = merge(&b, &o, &t);
    let s = &m.session;
    assert_eq!(validate(s), vec![]);
    assert_eq!(
        s.agenda[0].title, "Ouverture (changée)",
        "theirs' stage title"
    );
    assert!(s.agenda[0].steps.iter().any(|x| x.id == added));
    assert_eq!(s.agenda[0].steps[0].minutes, 11);
    let c = one_conflict(s);
    assert_eq!(c.about, ConflictAbout::Item(step.clone()));
    let mut s2 = s.clone();
    s2.settle_conflict(&c.id.clone(), Pick::Other).unwrap();
    assert_eq!(s2.agenda[0].steps[0].minutes, 22);
    assert_eq!(s2.agenda[0].steps.len(), s.agenda[0].steps.len());
    assert_eq!(s2.agenda[0].title, "Ouverture (changée)");
}

#[test]
fn a_participant_removed_on_one_side_and_renamed_on_the_other_stays() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let id = b.participants[0].id.clone();
    let ops = o.remove_participant(&id).0;
    o.apply_all(ops);
    t.participants[0].name = "Zoé M.".into();
    let m = merge(&b, &o, &t);
    let s = &m.session;
    assert_eq!(validate(s), vec![]);
    assert_eq!(s.participant(&id).unwrap().name, "Zoé M.");
    let c = one_conflict(s);
    assert_eq!(c.other, ConflictValue::Deleted);
    let mut s2 = s.clone();
    s2.settle_conflict(&c.id.clone(), Pick::Other).unwrap();
    assert!(s2.participant(&id).is_none());
    assert_eq!(validate(&s2), vec![]);
}

#[test]
fn union_matches_people_by_name_and_clusters_by_title() {
    let mut one = Session::new(atelier::model::Id::new(), "Groupe 1");
    let mut two = Session::new(atelier::model::Id::new(), "Groupe 2");
    two.place = "Mairie annexe".into();
    let person = |name: &str| Participant {
        id: Id::new(),
        name: name.into(),
        role: Role::Citizen,
        organisation: String::new(),
    };
    one.participants.push(person("Zoé Marchand"));
    two.participants.push(person("zoe  MARCHAND"));
    two.participants.push(person("Karim Benali"));
    one.clusters.push(Cluster {
        id: Id::new(),
        title: "Ombre".into(),
        stage: None,
    });
    two.clusters.push(Cluster {
        id: Id::new(),
        title: "OMBRE".into(),
        stage: None,
    });
    let zoe_two = two.participants[0].id.clone();
    let ombre_two = Place::Cluster(two.clusters[0].id.clone());
    let op = two.new_sticky(
        "Des arbres",
        Some(zoe_two),
        Default::default(),
        None,
        &ombre_two,
        now(),
        atelier::model::Id::new(),
    );
    two.apply(op);
    let ombre_one = Place::Cluster(one.clusters[0].id.clone());
    sticky(&mut one, "Des bancs", &ombre_one);

    let m = union(&one, &two);
    let s = &m.session;
    assert_eq!(validate(s), vec![]);
    assert!(m.report.is_clean());
    assert_eq!(s.title, "Groupe 1");
    assert_eq!(s.place, "Mairie annexe", "empty on ours: theirs'");
    assert_eq!(s.participants.len(), 2);
    assert_eq!(s.clusters.len(), 1);
    assert_eq!(s.stickies.len(), 2);
    let zoe = &one.participants[0].id;
    let arbres = s.stickies.iter().find(|x| x.text == "Des arbres").unwrap();
    assert_eq!(arbres.author.as_ref(), Some(zoe));
    assert_eq!(arbres.cluster.as_ref(), Some(&one.clusters[0].id));
    assert!(
        m.report
            .notes
            .iter()
            .any(|n| n.say("en").contains("1 participant of theirs matched"))
    );
}

fn atelier(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .output()
        .unwrap()
}

/// `atelier merge base.ron ours.ron theirs.ron -o out` in `dir`.
fn merge_into(out: &str, dir: &Path) -> Output {
    atelier(
        &["merge", "base.ron", "ours.ron", "theirs.ron", "-o", out],
        dir,
    )
}

fn write(dir: &Path, name: &str, s: &Session) {
    std::fs::write(dir.join(name), atelier::store::to_ron(s).unwrap()).unwrap();
}

/// The base, and ours and theirs each adding a sticky ("ours", "theirs"),
/// written in `d` under `names` (base, ours, theirs).
fn both_add_a_sticky(d: &Path, names: [&str; 3]) -> (Session, Session, Session) {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    sticky(&mut o, "ours", &Place::Inbox);
    sticky(&mut t, "theirs", &Place::Inbox);
    for (name, s) in names.iter().zip([&b, &o, &t]) {
        write(d, name, s);
    }
    (b, o, t)
}

#[test]
fn the_command_line_writes_reports_and_exits_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (b, mut o, mut t) = both_add_a_sticky(d, ["base.ron", "ours.ron", "theirs.ron"]);

    // Clean, to standard output.
    let out = atelier(&["merge", "base.ron", "ours.ron", "theirs.ron"], d);
    assert_eq!(out.status.code(), Some(0));
    let merged =
        atelier::store::load_str("stdout", &String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(merged.stickies.len(), b.stickies.len() + 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ours (ours.ron): added 1 sticky"), "{err}");
    assert!(err.contains("theirs (theirs.ron): added 1 sticky"), "{err}");

    // A conflict: exit status 1, the result in -o.
    t.title = "Autre titre".into();
    o.title = "Notre titre".into();
    write(d, "ours.ron", &o);
    write(d, "theirs.ron", &t);
    let out = merge_into("out.ron", d);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 conflict recorded"), "{err}");
    assert!(
        err.contains("title: ours \"Notre titre\" / theirs \"Autre titre\""),
        "{err}"
    );
    let s = atelier::store::load_file(&d.join("out.ron")).unwrap();
    assert_eq!(s.conflicts.len(), 1);

    // -o never overwrites a session open in atelier.
    let before = std::fs::read(d.join("out.ron")).unwrap();
    let (store, _) = atelier::store::Store::open(&d.join("out.ron")).unwrap();
    let out = merge_into("out.ron", d);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing written"));
    assert_eq!(std::fs::read(d.join("out.ron")).unwrap(), before);
    drop(store);

    // Nor a file that is not a session.
    std::fs::write(d.join("notes.txt"), "mes notes").unwrap();
    let out = merge_into("notes.txt", d);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(d.join("notes.txt")).unwrap(),
        "mes notes"
    );

    // A file that does not load: an error, exit status 2.
    std::fs::write(d.join("broken.ron"), "(format: 2, id: ").unwrap();
    let out = atelier(&["merge", "base.ron", "ours.ron", "broken.ron"], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.ron:1:"));

    // Two files need --no-base.
    let out = atelier(&["merge", "ours.ron", "theirs.ron"], d);
    assert_eq!(out.status.code(), Some(2));
    let out = atelier(
        &["merge", "--no-base", "ours.ron", "theirs.ron", "-o", "-"],
        d,
    );
    assert_eq!(out.status.code(), Some(0), "a union takes ours' title");
    let united =
        atelier::store::load_str("stdout", &String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(united.stickies.len(), b.stickies.len() + 2);
    assert_eq!(united.title, "Notre titre");
}

#[test]
fn the_git_driver_writes_into_ours() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (b, o, mut t) = both_add_a_sticky(d, ["O", "A", "B"]);
    let out = atelier(&["merge", "--git", "O", "A", "B"], d);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let s = atelier::store::load_file(&d.join("A")).unwrap();
    assert_eq!(s, merge(&b, &o, &t).session);
    // An empty base (both branches added the file): a union; the same
    // sticky changed differently is a conflict.
    std::fs::write(d.join("O"), "").unwrap();
    write(d, "A", &o);
    let id = t.stickies[0].id.clone();
    let ops = t.edit_sticky(&id, |x| x.text = "autrement".into());
    t.apply_all(ops);
    write(d, "B", &t);
    let out = atelier(&["merge", "--git", "O", "A", "B"], d);
    assert_eq!(out.status.code(), Some(1), "same ids, different content");
    assert_eq!(
        validate(&atelier::store::load_file(&d.join("A")).unwrap()),
        vec![]
    );
}

#[test]
fn review_comments_merge_and_settle_outside_ops() {
    let mut b = base();
    let comment = |id: &str, text: &str| atelier::model::Comment {
        id: Id::from(id),
        about: None,
        author: "Léa".into(),
        text: text.into(),
        time: now(),
    };
    b.comments.push(comment("c1", "Bien"));
    b.comments.push(comment("c2", "À revoir"));
    let (mut o, mut t) = (b.clone(), b.clone());
    o.comments[0].text = "Très bien".into();
    t.comments[0].text = "Bien, merci".into();
    o.comments.retain(|c| c.id != Id::from("c2"));
    t.comments[1].text = "À revoir vite".into();
    t.comments.push(comment("c3", "Nouveau"));
    let m = merge(&b, &o, &t);
    let s = &m.session;
    assert_eq!(validate(s), vec![]);
    assert_eq!(s.comments.len(), 3);
    assert_eq!(s.conflicts.len(), 2, "{:#?}", s.conflicts);
    let about = |id: &str| {
        s.conflicts
            .iter()
            .find(|c| c.about == ConflictAbout::Item(Id::from(id)))
            .unwrap()
            .id
            .clone()
    };
    let mut s2 = s.clone();
    s2.settle_conflict(&about("c1"), Pick::Other).unwrap();
    s2.settle_conflict(&about("c2"), Pick::Other).unwrap();
    let texts: Vec<&str> = s2.comments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Bien, merci", "Nouveau"]);
    assert!(s2.conflicts.is_empty());
}

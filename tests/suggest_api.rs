//! Cluster suggestions: the contract of `model::suggest` and of the
//! `Session` methods built on it. Quality against a hand grouping is in
//! `suggest_quality.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use atelier::model::suggest::{
    DEFAULT_THRESHOLD, SEPARATOR, Scope, Suggestion, Thesaurus, suggest,
};
use atelier::model::text::fold;
use atelier::model::{Colour, Id, Place, Session, Timestamp};
use std::collections::HashSet;

fn ids(n: usize) -> Vec<Id> {
    (0..n).map(|i| Id(format!("s{i}"))).collect()
}

fn run(texts: &[&str], threshold: f32) -> Vec<Suggestion> {
    let ids = ids(texts.len());
    let input: Vec<(Id, &str)> = ids.iter().cloned().zip(texts.iter().copied()).collect();
    suggest(&input, threshold)
}

fn labelled() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/suggest/labelled.csv"
    );
    csv::Reader::from_path(path)
        .expect("the labelled set")
        .records()
        .map(|r| r.expect("a well-formed row")[2].to_owned())
        .collect()
}

fn id_set(s: &Suggestion) -> HashSet<Id> {
    s.stickies.iter().cloned().collect()
}

const HEAT: &[&str] = &[
    "Trop de chaleur en salle de lecture",
    "La chaleur en salle de lecture l'après-midi",
    "Chaleur insupportable en salle de lecture",
    "Ouvrir le dimanche matin",
    "Ouvrir le dimanche après-midi",
    "Une navette gratuite vers la piscine",
];

#[test]
fn empty_and_single_inputs_suggest_nothing() {
    assert!(run(&[], DEFAULT_THRESHOLD).is_empty());
    assert!(run(&["Trop chaud en salle"], DEFAULT_THRESHOLD).is_empty());
    assert!(run(&["", "", "  "], DEFAULT_THRESHOLD).is_empty());
    // Nothing but stop words, numbers and emoji: nothing to share.
    assert!(run(&["Il faut que ce soit", "il faut que ce soit 2 🌳"], 0.0).is_empty());
}

#[test]
fn stickies_that_say_the_same_thing_are_grouped_and_the_rest_are_not() {
    let s = run(HEAT, DEFAULT_THRESHOLD);
    assert_eq!(s.len(), 2, "{s:#?}");
    let ids = ids(HEAT.len());
    assert_eq!(s[0].stickies, ids[0..3].to_vec());
    assert_eq!(s[1].stickies, ids[3..5].to_vec());
    assert_eq!(s[0].words, ["chaleur", "salle de lecture"]);
    assert_eq!(s[0].title, "Chaleur");
    assert_eq!(s[1].words, ["ouvrir ~ dimanche ~ matin ~ après-midi"]);
    assert_eq!(s[1].title, "Horaires");
}

/// Groups of stickies about one thing that share no word, some in French
/// and some in English, and how each group is explained.
const MEANINGS: &[(&str, &[&str])] = &[
    (
        "Chaleur",
        &[
            "Il fait une chaleur étouffante à l'étage",
            "On crève de chaud l'après-midi",
            "Too hot to think in July",
            "Canicule : prévoir un plan",
            "Heatwave: the building is an oven",
        ],
    ),
    (
        "Bruit",
        &[
            "Quel vacarme le samedi soir",
            "Trop de bruit pendant les travaux",
            "The music is way too loud",
            "Les klaxons du boulevard",
        ],
    ),
    (
        "Propreté",
        &[
            "Les poubelles débordent",
            "Rubbish everywhere after the market",
            "C'est crade devant l'école",
            "Dog poo on every pavement",
        ],
    ),
];

#[test]
fn synonyms_and_translations_are_grouped_and_shown_together() {
    let texts: Vec<&str> = MEANINGS
        .iter()
        .flat_map(|(_, t)| t.iter().copied())
        .collect();
    let s = run(&texts, DEFAULT_THRESHOLD);
    let mut start = 0;
    for (title, group) in MEANINGS {
        let want = ids(texts.len())[start..start + group.len()].to_vec();
        start += group.len();
        let sg = s
            .iter()
            .find(|sg| sg.title.starts_with(title))
            .unwrap_or_else(|| panic!("no {title:?} in {s:#?}"));
        assert_eq!(sg.stickies, want, "{s:#?}");
        // The first reason names several of the words, across languages.
        assert!(sg.words[0].contains(SEPARATOR), "{:?}", sg.words);
    }
    assert_eq!(s.len(), MEANINGS.len(), "{s:#?}");
}

#[test]
fn the_issue_s_examples_meet() {
    // "fermé le lundi" and "ouvrir le dimanche": opening hours.
    let s = run(
        &["Fermé le lundi", "Ouvrir le dimanche", "Open on Sundays"],
        DEFAULT_THRESHOLD,
    );
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(s[0].stickies.len(), 3);
    // "11 year olds" and "once a year" do not, whatever the threshold: a
    // year says when, not what.
    let s = run(&["11 year olds", "once a year"], 0.0);
    assert!(s.is_empty(), "{s:#?}");
}

#[test]
fn typos_and_spelling_variants_find_their_word() {
    let s = run(
        &[
            "les horraires changent tout le temps",
            "Horaires d'ouverture",
            "pistes cyclabes dangereuses",
            "Des pistes cyclables partout",
            "3 weeks to get an apointment",
            "Appointments are impossible",
        ],
        DEFAULT_THRESHOLD,
    );
    let sets: Vec<Vec<Id>> = s.iter().map(|x| x.stickies.clone()).collect();
    let ids = ids(6);
    for pair in [&ids[0..2], &ids[2..4], &ids[4..6]] {
        assert!(
            sets.contains(&pair.to_vec()),
            "{pair:?} not together: {s:#?}"
        );
    }
}

#[test]
fn the_same_input_gives_the_same_output() {
    let texts = labelled();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    for t in [0.1, DEFAULT_THRESHOLD, 0.3] {
        let first = run(&refs, t);
        assert!(!first.is_empty());
        for _ in 0..3 {
            assert_eq!(run(&refs, t), first);
        }
    }
}

#[test]
fn accents_and_case_do_not_matter() {
    let s = run(&["École", "ecole", "Piscine"], DEFAULT_THRESHOLD);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].stickies, ids(2));
    assert_eq!(s[0].words, ["école"]);
    assert_eq!(s[0].title, "École");

    let s = run(
        &[
            "Végétaliser la cour",
            "VEGETALISER LA COUR",
            "vegetaliser la cour",
        ],
        DEFAULT_THRESHOLD,
    );
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].stickies.len(), 3);
}

#[test]
fn stems_join_the_forms_of_a_word() {
    let s = run(
        &[
            "Horaires d'ouverture",
            "Un horaire d'été",
            "The libraries",
            "One library",
        ],
        0.1,
    );
    assert_eq!(s.len(), 2, "{s:#?}");
    assert_eq!(s[0].stickies, ids(2));
    assert_eq!(s[1].stickies, ids(4)[2..].to_vec());
}

#[test]
fn stop_words_do_not_make_a_group() {
    for texts in [
        [
            "Il faut que ce soit plus simple",
            "Il faut que ce soit plus rapide",
        ],
        ["We need more of this", "We need more of that"],
        [
            "Les gens ne sont pas au courant",
            "Les bus ne sont pas à l'heure",
        ],
    ] {
        assert!(run(&texts, 0.0).is_empty(), "{texts:?}");
    }
}

#[test]
fn the_words_shown_are_written_by_the_group() {
    // Each word shown is written, as shown (accents and case aside), by a
    // sticky of the group. That each reason is a concept or word that half
    // the group holds (two stickies at least) is checked inside
    // (`explain.rs`).
    let all = labelled();
    let heat: Vec<String> = HEAT.iter().map(|t| t.to_string()).collect();
    for texts in [heat, all] {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        for sug in run(&refs, DEFAULT_THRESHOLD) {
            let mine: Vec<String> = sug
                .stickies
                .iter()
                .map(|id| fold(refs[id.as_str()[1..].parse::<usize>().unwrap()]))
                .collect();
            for w in sug.words.iter().flat_map(|w| w.split(SEPARATOR)) {
                assert!(
                    mine.iter().any(|t| t.contains(&fold(w))),
                    "{w} in none of {mine:?}"
                );
            }
        }
    }
}

#[test]
fn titles_name_the_strongest_reasons() {
    // Each part of a title is the name of a concept of the thesaurus or a
    // word shown.
    let t = Thesaurus::builtin();
    let labels: HashSet<String> = t
        .concepts
        .iter()
        .flat_map(|c| [c.label_fr.clone(), c.label_en.clone()])
        .flatten()
        .map(|l| l.to_lowercase())
        .collect();
    let all = labelled();
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    for sug in run(&refs, DEFAULT_THRESHOLD) {
        assert!(!sug.title.is_empty());
        for part in sug.title.split(", ") {
            let part = part.to_lowercase();
            let shown = sug
                .words
                .iter()
                .flat_map(|w| w.split(SEPARATOR))
                .any(|w| w == part);
            assert!(
                labels.contains(&part) || shown,
                "{part:?} of {:?} from {:?}",
                sug.title,
                sug.words
            );
        }
    }
}

#[test]
fn suggestions_come_largest_first_and_never_overlap() {
    let all = labelled();
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    let s = run(&refs, 0.05);
    assert!(
        s.windows(2)
            .all(|w| w[0].stickies.len() >= w[1].stickies.len())
    );
    let mut seen = HashSet::new();
    for sug in &s {
        assert!(sug.stickies.len() >= 2);
        for id in &sug.stickies {
            assert!(seen.insert(id.clone()), "{id} twice");
        }
    }
}

#[test]
fn a_higher_threshold_only_splits_groups() {
    let all = labelled();
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    let loose = run(&refs, 0.1);
    let tight = run(&refs, 0.25);
    let grouped = |s: &[Suggestion]| s.iter().map(|x| x.stickies.len()).sum::<usize>();
    assert!(grouped(&tight) < grouped(&loose));
    for t in &tight {
        let t = id_set(t);
        assert!(
            loose.iter().any(|l| t.is_subset(&id_set(l))),
            "{t:?} is not inside a looser group"
        );
    }
}

// The session side.

fn now() -> Timestamp {
    Timestamp::from_unix(1_781_253_000).expect("a valid time")
}

/// A session whose board holds `texts` in the inbox, then one clustered
/// and one parked sticky that talk about heat too.
fn board(texts: &[&str]) -> Session {
    let mut s = Session::new(atelier::model::Id::new(), "Chaleur");
    for t in texts {
        support::model::add_sticky(&mut s, t, &Place::Inbox, now());
    }
    let (cluster, ops) = s.new_cluster("Déjà là", None, &[], None, atelier::model::Id::new());
    s.apply_all(ops);
    for (t, place) in [
        ("La chaleur en salle de lecture", Place::Cluster(cluster)),
        ("Chaleur en salle de lecture, encore", Place::Parking),
    ] {
        let op = s.new_sticky(
            t,
            None,
            Colour::Pink,
            None,
            &place,
            now(),
            atelier::model::Id::new(),
        );
        s.apply_all(vec![op]);
    }
    s
}

#[test]
fn the_inbox_scope_leaves_clustered_and_parked_stickies_out() {
    let s = board(HEAT);
    let inbox = s.suggest_clusters(Scope::Inbox, DEFAULT_THRESHOLD);
    let in_inbox: HashSet<Id> = s
        .stickies
        .iter()
        .filter(|x| x.place() == Place::Inbox)
        .map(|x| x.id.clone())
        .collect();
    assert_eq!(inbox.len(), 2);
    assert!(inbox.iter().all(|x| id_set(x).is_subset(&in_inbox)));
    assert_eq!(inbox[0].stickies.len(), 3);

    let whole = s.suggest_clusters(Scope::Board, DEFAULT_THRESHOLD);
    assert_eq!(whole[0].stickies.len(), 5, "{whole:#?}");
}

#[test]
fn accepting_a_suggestion_is_one_undoable_step() {
    let mut s = board(HEAT);
    let before = s.clone();
    let sug = s
        .suggest_clusters(Scope::Board, DEFAULT_THRESHOLD)
        .remove(0);
    let stage = Some(Id::from("stage-1"));
    let ops = s.ops_for(&sug, stage.clone(), atelier::model::Id::new());
    let undo = s.apply_all(ops);

    assert_eq!(s.clusters.len(), before.clusters.len() + 1);
    let cluster = s.clusters.last().expect("the new cluster").clone();
    assert_eq!(cluster.title, sug.title);
    assert_eq!(cluster.stage, stage);
    let inside: HashSet<Id> = s
        .stickies
        .iter()
        .filter(|x| x.cluster.as_ref() == Some(&cluster.id))
        .map(|x| x.id.clone())
        .collect();
    assert_eq!(inside, id_set(&sug));
    assert!(
        s.stickies
            .iter()
            .all(|x| !(inside.contains(&x.id) && x.parked))
    );
    // Every other sticky is as it was.
    for (a, b) in s.stickies.iter().zip(&before.stickies) {
        if !inside.contains(&a.id) {
            assert_eq!(a, b);
        }
    }

    s.apply_all(undo);
    assert_eq!(s, before);
}

#[test]
fn a_stale_suggestion_creates_nothing() {
    let s = board(HEAT);
    let gone = Suggestion {
        title: "Fantômes".into(),
        words: vec!["fantôme".into()],
        stickies: vec![Id::from("nowhere"), Id::from("nobody")],
    };
    assert!(s.ops_for(&gone, None, atelier::model::Id::new()).is_empty());
}

//! Cluster suggestions: the contract of `model::suggest` and of the
//! `Session` methods built on it. Quality against a hand grouping is in
//! `suggest_quality.rs`.

use atelier::model::suggest::{DEFAULT_THRESHOLD, Scope, Suggestion, suggest};
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

/// The folded words of a text.
fn tokens(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
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
fn stickies_that_share_words_are_grouped_and_the_rest_are_not() {
    let s = run(HEAT, DEFAULT_THRESHOLD);
    assert_eq!(s.len(), 2, "{s:#?}");
    let ids = ids(HEAT.len());
    assert_eq!(s[0].stickies, ids[0..3].to_vec());
    assert_eq!(s[1].stickies, ids[3..5].to_vec());
    assert_eq!(s[0].words[..3], ["chaleur", "salle", "lecture"]);
    assert_eq!(s[0].title, "Chaleur, salle, lecture");
    assert_eq!(s[1].words, ["ouvrir", "dimanche"]);
    assert_eq!(s[1].title, "Ouvrir, dimanche");
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
fn the_words_shown_are_shared_by_the_group() {
    // Exact: each word shown is written, as shown, in at least half of
    // the group's stickies, and in two at least.
    let s = run(HEAT, DEFAULT_THRESHOLD);
    for sug in &s {
        let texts: Vec<Vec<String>> = sug
            .stickies
            .iter()
            .map(|id| tokens(HEAT[id.as_str()[1..].parse::<usize>().unwrap()]))
            .collect();
        for w in &sug.words {
            let n = texts.iter().filter(|t| t.contains(&fold(w))).count();
            assert!(n >= 2 && 2 * n >= texts.len(), "{w} in {n}");
        }
    }
    // On the labelled set, where forms vary ("horaire", "horaires"), the
    // same holds of the stems: see `shown_words_are_terms_the_group_shares`
    // in `src/model/suggest.rs`.
}

#[test]
fn titles_are_the_strongest_shared_words() {
    let all = labelled();
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    for sug in run(&refs, DEFAULT_THRESHOLD) {
        let ok = (1..=3.min(sug.words.len())).any(|k| {
            let t = sug.words[..k].join(", ");
            let mut c = t.chars();
            let cap: String = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            cap == sug.title
        });
        assert!(ok, "{:?} from {:?}", sug.title, sug.words);
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
    let mut s = Session::new("Chaleur");
    for t in texts {
        let op = s.new_sticky(t, None, Colour::Yellow, None, &Place::Inbox, now());
        s.apply_all(vec![op]);
    }
    let (cluster, ops) = s.new_cluster("Déjà là", None, &[], None);
    s.apply_all(ops);
    for (t, place) in [
        ("La chaleur en salle de lecture", Place::Cluster(cluster)),
        ("Chaleur en salle de lecture, encore", Place::Parking),
    ] {
        let op = s.new_sticky(t, None, Colour::Pink, None, &place, now());
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
    let ops = s.ops_for(&sug, stage.clone());
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
    assert!(s.ops_for(&gone, None).is_empty());
}

//! `atelier import` of boards from Parabol (retrospective CSV) and scrumlr
//! (board CSV and JSON), run as a user would, on a session in a temporary
//! folder (two participants, Zoé Marchand and Thibault Nguyễn, a cluster
//! "Ombre", a stage "Idées").
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod import_support;
mod support;

use atelier::import::board::{RoundName, Tallied, Warn};
use atelier::import::{self, Format, Options, Source, parse_time, scrumlr};
use atelier::model::{ActionStatus, Id, NoteKind, Session, Target, Timestamp};
use import_support::{atelier_in, fixture, import, load, session, text};
use proptest::prelude::*;
use std::path::Path;

/// Import, expecting success; what it printed.
fn import_ok(session: &Path, name: &str, extra: &[&str]) -> String {
    let out = import(session, &fixture(name), extra);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn time(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn guest_names(s: &Session) -> Vec<&str> {
    s.guests.iter().map(|g| g.name.as_str()).collect()
}

fn cluster_title<'a>(s: &'a Session, id: Option<&Id>) -> Option<&'a str> {
    id.and_then(|id| s.cluster(id)).map(|c| c.title.as_str())
}

fn sticky<'a>(s: &'a Session, text: &str) -> &'a atelier::model::Sticky {
    s.stickies
        .iter()
        .find(|x| x.text == text)
        .unwrap_or_else(|| panic!("no sticky {text:?}"))
}

/// The session's counts: stickies, clusters, notes, actions, rounds, votes, guests.
fn counts(s: &Session) -> [usize; 7] {
    [
        s.stickies.len(),
        s.clusters.len(),
        s.notes.len(),
        s.actions.len(),
        s.rounds.len(),
        s.votes.len(),
        s.guests.len(),
    ]
}

#[test]
fn a_parabol_retrospective_becomes_stickies_clusters_notes_actions_and_a_round() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let said = import_ok(&path, "parabol-retro.csv", &[]);
    assert!(
        said.contains("parabol-retro.csv: read as a Parabol retrospective (CSV)"),
        "{said}"
    );
    let s = load(&path);
    // 7 reflections; 4 groups besides "Ombre"; 2 comments and 2 replies;
    // 2 tasks; one round with a tally on each of the 3 groups with votes;
    // Karim and Léa are guests, zoe MARCHAND is Zoé Marchand.
    assert_eq!(counts(&s), [7, 5, 4, 2, 1, 3, 2]);
    assert_eq!(guest_names(&s), ["Karim Benali", "Léa Dubois"]);
    assert_eq!(s.participants.len(), 2, "no participant added");

    // Texts exactly, their prompt as a tag, their group as a cluster.
    let x = sticky(&s, "Le brumisateur « fait maison »\navec un tuyau percé");
    assert_eq!(x.tags, ["Qu’est-ce qui a bien marché ?"]);
    assert_eq!(
        cluster_title(&s, x.cluster.as_ref()),
        Some("Ombre et fraîcheur")
    );
    assert_eq!(x.author, None, "reflections are anonymous");
    assert_eq!(x.time, time("2026-07-02T09:21:40Z"));
    let x = sticky(&s, "Il manque des bancs à l'ombre, \"vraiment\" à l'ombre");
    assert_eq!(x.tags, ["Qu’est-ce qui peut être amélioré ?"]);
    let formula = sticky(&s, "=SI(A1>3;\"ouvert\";\"fermé\")");
    assert_eq!(
        cluster_title(&s, formula.cluster.as_ref()),
        Some("Horaires d’ouverture")
    );
    assert!(
        s.stickies
            .iter()
            .all(|x| x.stage.is_none() && x.author.is_none())
    );

    // Comments and replies: notes of the discussion, tagged with their group.
    let zoe = &s.participants[0].id;
    let notes: Vec<(&str, Option<&Id>, &[String])> = s
        .notes
        .iter()
        .map(|n| (n.text.as_str(), n.author.as_ref(), n.tags.as_slice()))
        .collect();
    let karim = &s.guests[0].id;
    let lea = &s.guests[1].id;
    let ombre = ["Ombre et fraîcheur".to_owned()];
    let horaires = ["Horaires d’ouverture".to_owned()];
    assert_eq!(
        notes,
        [
            (
                "On pourrait demander au service des espaces verts",
                Some(zoe),
                &ombre[..]
            ),
            ("Oui, et aux parents d’élèves", Some(karim), &ombre[..]),
            (
                "Le gardien est d’accord\nsi on le prévient",
                Some(lea),
                &horaires[..]
            ),
            ("Je m’en occupe", Some(lea), &horaires[..]),
        ]
    );
    assert!(s.notes.iter().all(|n| n.kind == NoteKind::Observation));
    assert_eq!(s.notes[0].time, time("2026-07-02T10:02:00Z"));

    // Tasks: actions, owner unknown, open.
    let actions: Vec<(&str, &str, ActionStatus)> = s
        .actions
        .iter()
        .map(|a| (a.text.as_str(), a.owner.as_str(), a.status))
        .collect();
    assert_eq!(
        actions,
        [
            (
                "Écrire aux espaces verts avant le 15 juillet",
                "",
                ActionStatus::Todo
            ),
            ("Mesurer le bruit à midi", "", ActionStatus::Todo),
        ]
    );
    assert_eq!(s.rounds[0].title, "Parabol votes");
    assert!(s.votes.iter().all(|v| v.participant.is_none()));
}

#[test]
fn parabols_ranking_of_the_groups_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    import_ok(&path, "parabol-retro.csv", &[]);
    let s = load(&path);
    let round = &s.rounds[0].id;
    let ranking: Vec<(usize, &str, u32)> = s
        .ranking(Some(round))
        .iter()
        .map(|r| {
            let Target::Cluster(id) = &r.target else {
                panic!("a vote on a sticky: {r:?}")
            };
            (r.rank, cluster_title(&s, Some(id)).unwrap(), r.count)
        })
        .collect();
    // Parabol lists its groups most voted first; ties keep its order.
    assert_eq!(
        ranking,
        [
            (1, "Ombre et fraîcheur", 5),
            (2, "Horaires d’ouverture", 3),
            (2, "Bruit", 3),
        ]
    );
}

#[test]
fn a_scrumlr_csv_keeps_commas_stacks_columns_iterations_and_times() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let said = import_ok(&path, "scrumlr-board.csv", &[]);
    assert!(said.contains("read as a scrumlr board (CSV)"), "{said}");
    let s = load(&path);
    // 6 notes; 2 stacks (+ "Ombre"); 2 voting iterations with 3 and 2
    // tallies; Karim Benali and Inès Moreau (twice, once in lower case) are
    // guests; ZOE marchand and Thibault Nguyễn are participants.
    assert_eq!(counts(&s), [6, 3, 0, 0, 2, 5, 2]);
    assert_eq!(guest_names(&s), ["Karim Benali", "Inès Moreau"]);
    assert!(
        said.contains("authors found among the participants: Zoé Marchand, Thibault Nguyễn"),
        "{said}"
    );

    let first = sticky(&s, "Plus d'ombre, des arbres, des bancs");
    assert_eq!(first.author.as_ref(), Some(&s.participants[0].id));
    assert_eq!(first.tags, ["Bien"]);
    assert_eq!(first.time, time("2026-07-02T09:20:11Z"));
    let stacked = sticky(&s, "Des fontaines « partout »");
    assert_eq!(stacked.cluster, first.cluster, "the parent joins its stack");
    assert_eq!(
        cluster_title(&s, first.cluster.as_ref()),
        Some("Plus d'ombre, des arbres, des bancs")
    );
    let evening = sticky(&s, "Ouvrir le soir, quand il fait frais, \"vraiment\"");
    assert_eq!(evening.tags, ["À améliorer"]);
    let formula = sticky(&s, "=SOMME(A1:A3)");
    assert_eq!(formula.cluster, evening.cluster);
    assert!(formula.cluster.is_some());
    let two_lines = sticky(&s, "Des jeux d'eau\nmais pas de gaspillage, promis");
    assert_eq!(two_lines.author.as_ref(), Some(&s.participants[1].id));
    assert_eq!(two_lines.cluster, None);
    let calm = sticky(&s, "Un coin calme, à l'écart");
    assert_eq!(calm.author, evening.author, "inès moreau is Inès Moreau");

    assert_eq!(
        s.rounds
            .iter()
            .map(|r| r.title.as_str())
            .collect::<Vec<_>>(),
        ["scrumlr vote 1", "scrumlr vote 2"]
    );
    let tally = |round: usize, x: &atelier::model::Sticky| {
        s.tally(Some(&s.rounds[round].id))
            .get(&Target::Sticky(x.id.clone()))
            .copied()
    };
    assert_eq!(tally(0, first), Some(2));
    assert_eq!(tally(1, first), Some(1));
    assert_eq!(tally(0, stacked), Some(1));
    assert_eq!(tally(1, stacked), None);
    assert_eq!(tally(1, evening), Some(2));
    assert_eq!(tally(0, two_lines), Some(1));
}

#[test]
fn a_scrumlr_json_is_read_with_its_stacks_and_three_iterations() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let said = import_ok(&path, "scrumlr-board.json", &[]);
    assert!(said.contains("read as a scrumlr board (JSON)"), "{said}");
    // The empty note (its object starts on line 38) is said and left out.
    assert!(
        said.contains("scrumlr-board.json:38: nothing written: this row is left out"),
        "{said}"
    );
    let s = load(&path);
    assert_eq!(counts(&s), [4, 2, 0, 0, 3, 6, 1]);
    // A note stacked on a stacked note joins the first note's cluster.
    let first = sticky(&s, "Plus d'ombre, des arbres, des bancs");
    let third = sticky(&s, "Un brumisateur,\n\"fait maison\"");
    assert!(first.cluster.is_some());
    assert_eq!(third.cluster, first.cluster);
    assert_eq!(sticky(&s, "=1+1").tags, ["Idées"]);
    assert_eq!(
        s.rounds
            .iter()
            .map(|r| r.title.as_str())
            .collect::<Vec<_>>(),
        ["scrumlr vote 1", "scrumlr vote 2", "scrumlr vote 3"]
    );
}

#[test]
fn importing_a_board_twice_adds_nothing_the_second_time() {
    for name in [
        "parabol-retro.csv",
        "parabol-variants.csv",
        "scrumlr-board.csv",
        "scrumlr-variants.csv",
        "scrumlr-board.json",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = session(dir.path());
        import_ok(&path, name, &[]);
        let once = std::fs::read(&path).unwrap();
        let before = counts(&load(&path));
        let said = import_ok(&path, name, &[]);
        assert!(said.contains("stickies: 0 new, "), "{name}: {said}");
        assert!(!said.contains("new guest"), "{name}: {said}");
        assert!(!said.contains("paper tallies set"), "{name}: {said}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            once,
            "{name}: nothing changed"
        );
        assert_eq!(counts(&load(&path)), before, "{name}");
    }

    // Another board adds only what is new: the JSON shares two notes with the CSV.
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    import_ok(&path, "scrumlr-board.csv", &[]);
    let said = import_ok(&path, "scrumlr-board.json", &[]);
    assert!(said.contains("stickies: 2 new, 2 already there"), "{said}");
}

#[test]
fn the_same_text_twice_in_a_board_is_two_stickies_and_still_imported_once() {
    let board = "noteId,author,text,column,timestamp,parent,votes\n\
                 n-000001,Léa,+1,Bien,-,-,0\n\
                 n-000002,Léa,+1,Bien,-,-,0\n";
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let file = dir.path().join("twice.csv");
    std::fs::write(&file, board).unwrap();
    for _ in 0..2 {
        let out = import(&path, &file, &[]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    let s = load(&path);
    assert_eq!(s.stickies.iter().filter(|x| x.text == "+1").count(), 2);
    assert_eq!(s.guests.len(), 1);
}

#[test]
fn a_bad_row_is_reported_with_its_line_and_nothing_is_imported() {
    for (name, line, what) in [
        (
            "parabol-bad.csv",
            5,
            "votes must be a whole number such as 3, found \"beaucoup\"",
        ),
        (
            "scrumlr-bad.csv",
            3,
            "votes must be a whole number such as 2, found \"deux\"",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = session(dir.path());
        let before = std::fs::read(&path).unwrap();
        let out = import(&path, &fixture(name), &[]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = text(&out.stderr);
        assert!(err.contains("1 bad row, nothing imported"), "{err}");
        assert!(err.contains(&format!("{name}:{line}: {what}")), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{name}: untouched");
    }

    // A JSON that is cut short: where, and nothing imported.
    let bad =
        import::parse(b"[\n  {\"text\": \"a\"},\n  {\"text\": ", None, false, "en").unwrap_err();
    assert_eq!(bad[0].line, 3);
    assert!(bad[0].message.contains("not valid JSON"), "{bad:?}");
    // A note with votes that are not a number: the line its object starts on.
    let bad = import::parse(
        b"[\n  {\"text\": \"a\", \"votes\": 1},\n  {\n    \"text\": \"b\",\n    \"votes\": \"x\"\n  }\n]",
        None,
        false,
        "en",
    )
    .unwrap_err();
    assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), [3]);
    // A whole number written as a decimal is read.
    let parsed = import::parse(br#"[{"text": "a", "votes": 2.0}]"#, None, false, "en").unwrap();
    assert_eq!(
        parsed.board().unwrap().rounds[0].tallies,
        [(Tallied::Sticky(0), 2)]
    );
    // The first note without an id (scrumlr writes `-`) does not set the
    // length of ids: a row cut short is not completed by the next note.
    let bad = scrumlr::parse_csv(
        "noteId,author,text,column,timestamp,parent,votes\n\
         -,Léa,Des arbres,Bien,-,-,1\n\
         n-1,Léa,Des bancs\n\
         n-2,Marc,Des jeux,Idées,-,-,2\n",
        "en",
    )
    .unwrap_err();
    assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), [3]);
    // A scrumlr row cut short, with nothing after it to complete it.
    let bad = scrumlr::parse_csv(
        "noteId,author,text,column,timestamp,parent,votes\nn-1,Léa,Des arbres\n",
        "en",
    )
    .unwrap_err();
    assert_eq!(bad[0].line, 2);
    assert!(
        bad[0].message.contains("3 fields where the header has 7"),
        "{bad:?}"
    );
}

#[test]
fn variants_are_read_liberally_and_unknown_types_are_said() {
    // Parabol's current column order, CRLF, no final line end, a type it
    // does not know, an empty reflection, a time not understood, and a
    // reflection in no group, which carries its votes itself.
    let board = import::parse(
        &std::fs::read(fixture("parabol-variants.csv")).unwrap(),
        None,
        false,
        "en",
    )
    .unwrap();
    assert_eq!(board.format, Format::Parabol);
    let b = board.board().unwrap();
    let warnings: Vec<(usize, &Warn)> = b.warnings.iter().map(|w| (w.line, &w.what)).collect();
    assert_eq!(
        warnings,
        [
            (3, &Warn::EmptyText),
            (5, &Warn::UnknownType("Poll".into())),
            (6, &Warn::Time("hier matin".into())),
        ]
    );
    assert_eq!(b.stickies.len(), 2);
    assert_eq!(b.stickies[1].cluster, None);
    assert_eq!(b.rounds.len(), 1);
    assert_eq!(
        b.rounds[0].tallies,
        [
            (Tallied::Cluster("Cantine".into()), 4),
            (Tallied::Sticky(1), 2)
        ]
    );
    assert_eq!(b.notes.len(), 1);

    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let said = import_ok(&path, "parabol-variants.csv", &[]);
    assert!(
        said.contains(
            "parabol-variants.csv:5: unknown type \"Poll\" (expected Reflection, Comment, Reply or Task): this row is left out"
        ),
        "{said}"
    );

    // scrumlr: a BOM, CRLF, no final line end, the older `id` header, three
    // iterations, a text over three lines (one blank).
    let before = Timestamp::now();
    let said = import_ok(&path, "scrumlr-variants.csv", &[]);
    assert!(said.contains("read as a scrumlr board (CSV)"), "{said}");
    let s = load(&path);
    let fresco = sticky(&s, "Une fresque\n\nsur le mur du fond");
    assert!(
        fresco.time >= before,
        "a time not understood is the import's"
    );
    let sails = sticky(&s, "Des voiles, oui");
    assert_eq!(
        cluster_title(&s, sails.cluster.as_ref()),
        Some("Des parasols, ou des voiles")
    );
    assert_eq!(
        sticky(&s, "Des parasols, ou des voiles").author.as_ref(),
        Some(&s.participants[0].id)
    );
    let titles: Vec<&str> = s.rounds.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Parabol votes",
            "scrumlr vote 1",
            "scrumlr vote 2",
            "scrumlr vote 3"
        ]
    );
}

#[test]
fn from_names_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    // A scrumlr export read as text: one sticky per line, as asked.
    let said = import_ok(&path, "scrumlr-board.csv", &["--from", "text"]);
    assert!(said.contains("read as text, one sticky per line"), "{said}");
    assert_eq!(load(&path).stickies.len(), 8);

    // A file that is not what --from says: its header is refused.
    let out = import(&path, &fixture("stickies.csv"), &["--from", "parabol"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("a Parabol export names the columns type and content"),
        "{}",
        text(&out.stderr)
    );
    let parsed = import::parse(
        &std::fs::read(fixture("scrumlr-board.json")).unwrap(),
        Some(Source::Scrumlr),
        false,
        "en",
    )
    .unwrap();
    assert_eq!(parsed.format, Format::ScrumlrJson);

    // --author and --cluster are for text and CSV.
    let out = import(
        &path,
        &fixture("parabol-retro.csv"),
        &["--author", "Zoé Marchand"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--author and --cluster are for text and CSV"));
    // --stage puts everything in a stage.
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    import_ok(&path, "parabol-retro.csv", &["--stage", "idees"]);
    let s = load(&path);
    let stage = Some(Id::from("stage-ideas"));
    assert!(s.stickies.iter().all(|x| x.stage == stage));
    assert!(s.notes.iter().all(|x| x.stage == stage));
    assert!(s.rounds.iter().all(|x| x.stage == stage));
}

#[test]
fn the_import_speaks_french() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let from = fixture("parabol-retro.csv");
    let args: Vec<&std::ffi::OsStr> = vec!["import".as_ref(), path.as_os_str(), from.as_os_str()];
    let out = atelier_in("fr_FR.UTF-8", &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("lu comme une rétrospective Parabol (CSV)"),
        "{said}"
    );
    assert!(said.contains("post-it\u{a0}: 7 nouveaux"), "{said}");
    // The session has no language: the round is named in the user's.
    assert_eq!(load(&path).rounds[0].title, "Votes Parabol");
    // In English now, the French round is found again.
    import_ok(&path, "parabol-retro.csv", &[]);
    assert_eq!(load(&path).rounds.len(), 1);
}

#[test]
fn a_scrumlr_server_csv_is_read_too() {
    let csv = "note_id,author_id,author,text,column_id,column,rank,stack,voting_0,voting_1\n\
               n-01,u-1,Zoé,\"Des arbres, des bancs\",c-1,Bien,0,null,2,1\n\
               n-02,u-2,Marc,Des fontaines,c-1,Bien,1,n-01,0,3\n";
    let parsed = import::parse(csv.as_bytes(), None, true, "en").unwrap();
    assert_eq!(parsed.format, Format::ScrumlrCsv);
    let b = parsed.board().unwrap();
    assert_eq!(b.stickies[0].text, "Des arbres, des bancs");
    assert_eq!(
        b.stickies[1].cluster.as_deref(),
        Some("Des arbres, des bancs")
    );
    assert_eq!(b.rounds.len(), 2);
    assert_eq!(b.rounds[1].name, RoundName::Scrumlr(2));
    assert_eq!(
        b.rounds[1].tallies,
        [(Tallied::Sticky(0), 1), (Tallied::Sticky(1), 3)]
    );
}

#[test]
fn times_as_boards_write_them() {
    for (text, want) in [
        ("2026-07-02T09:20:11.123Z", Some("2026-07-02T09:20:11Z")),
        ("2026-07-02T11:20:11+02:00", Some("2026-07-02T09:20:11Z")),
        ("2026-07-02 09:20:11", Some("2026-07-02T09:20:11Z")),
        ("Thu 02 Jul 2026 09:20:11 GMT", Some("2026-07-02T09:20:11Z")),
        (
            "Thu, 02 Jul 2026 09:20:11 GMT",
            Some("2026-07-02T09:20:11Z"),
        ),
        ("1782984011000", Some("2026-07-02T09:20:11Z")),
        ("-", None),
        ("", None),
        ("hier", None),
    ] {
        assert_eq!(parse_time(text), want.map(time), "{text:?}");
    }
}

#[test]
fn plans_are_pure_and_say_what_they_add() {
    let s = Session::new(atelier::model::Id::new(), "x");
    let parsed = import::parse(
        &std::fs::read(fixture("parabol-retro.csv")).unwrap(),
        None,
        false,
        "en",
    )
    .unwrap();
    let now = time("2026-07-02T12:00:00Z");
    let (ops, outcome) =
        import::plan_board(&s, parsed.board().unwrap(), &Options::default(), "en", now).unwrap();
    assert_eq!(outcome.stickies, 7);
    assert_eq!(outcome.new_clusters.len(), 4);
    assert_eq!(outcome.new_guests.len(), 3, "no participants here");
    let mut after = s.clone();
    after.apply_all(ops);
    assert_eq!(atelier::model::validate(&after), vec![]);
    let (again, outcome) = import::plan_board(
        &after,
        parsed.board().unwrap(),
        &Options::default(),
        "en",
        now,
    )
    .unwrap();
    assert!(again.is_empty(), "{again:?}");
    assert!(!outcome.changed());
}

/// Words of a text: letters (accents, CJK), quotes and punctuation, never
/// a digit or a comma, so a random text cannot end like a row's fields.
fn word() -> impl Strategy<Value = String> {
    "[a-zA-Zéèàçœ涼み処'\"«»?!()=+@-]{1,12}"
}

/// A text as people write it: words, commas, spaces, line breaks.
fn note_text() -> impl Strategy<Value = String> {
    (
        word(),
        prop::collection::vec(
            (prop::sample::select(vec![", ", ",", " ", "\n"]), word()),
            0..8,
        ),
    )
        .prop_map(|(first, rest)| {
            let mut t = first;
            for (sep, w) in rest {
                t.push_str(sep);
                t.push_str(&w);
            }
            t
        })
}

proptest! {
    /// scrumlr's unquoted CSV: any texts with commas and line breaks come
    /// back whole, with their authors, columns and votes.
    #[test]
    fn scrumlr_fields_survive_commas_and_line_breaks(
        notes in prop::collection::vec((note_text(), 0u32..5, 0u32..5), 1..6)
    ) {
        let mut csv = String::from("noteId,author,text,column,timestamp,parent,votes,voting_iteration_1,voting_iteration_2\n");
        for (i, (text, a, b)) in notes.iter().enumerate() {
            csv.push_str(&format!(
                "0000000{i}-8e0b-4c4e-9a57-1d2b3c4d5e01,Zoé {i},{text},Colonne {i},Thu 02 Jul 2026 09:20:11 GMT,-,{},{a},{b}\n",
                a + b
            ));
        }
        let board = scrumlr::parse_csv(&csv, "en").unwrap();
        prop_assert_eq!(board.stickies.len(), notes.len());
        for (i, ((text, a, b), x)) in notes.iter().zip(&board.stickies).enumerate() {
            prop_assert_eq!(&x.text, text);
            prop_assert_eq!(x.author.clone(), Some(format!("Zoé {i}")));
            prop_assert_eq!(x.tags.clone(), vec![format!("Colonne {i}")]);
            let votes = |round: usize| board.rounds[round]
                .tallies
                .iter()
                .find(|(t, _)| *t == Tallied::Sticky(i))
                .map_or(0, |(_, n)| *n);
            prop_assert_eq!((votes(0), votes(1)), (*a, *b));
        }
    }

    /// Whatever the bytes, in whatever format they are said to be: rows
    /// or bad rows, never a panic.
    #[test]
    fn any_file_is_read_or_refused_without_a_panic(
        bytes in prop::collection::vec(prop::sample::select(
            b"ab,;\"\n\r-0123[]{}:=\xc3\xa9 ".to_vec()), 0..200),
        header in prop::sample::select(vec![
            "",
            "noteId,author,text,column,timestamp,parent,votes,voting_iteration_1\n",
            "\"reflectionGroup\",\"author\",\"votes\",\"type\",\"content\"\n",
            "note_id,author,text,column,stack,voting_0\n",
            "[{\"text\": ",
        ]),
        source in prop::sample::select(vec![
            None, Some(Source::Text), Some(Source::Csv), Some(Source::Parabol), Some(Source::Scrumlr),
        ]),
    ) {
        let mut file = header.as_bytes().to_vec();
        file.extend(bytes);
        if let Ok(parsed) = import::parse(&file, source, false, "fr")
            && let Some(board) = parsed.board()
        {
            // What is read makes a valid session.
            let mut s = Session::new(atelier::model::Id::new(), "x");
            let now = time("2026-07-02T12:00:00Z");
            let (ops, _) = import::plan_board(&s, board, &Options::default(), "fr", now).unwrap();
            s.apply_all(ops);
            prop_assert_eq!(atelier::model::validate(&s), vec![]);
        }
    }

    /// One line: the text is whatever lies between the fixed fields.
    #[test]
    fn a_scrumlr_line_splits_around_its_text(text in "[^\n]{0,40}") {
        let layout = scrumlr::Layout::from_header(
            "noteId,author,text,column,timestamp,parent,votes,voting_iteration_1",
            "en",
        ).unwrap();
        let line = format!("n-1,Léa,{text},Bien,Thu 02 Jul 2026 09:20:11 GMT,-,3,3");
        let note = layout.split(&line, 2, "en").unwrap();
        prop_assert_eq!(note.text, text);
        prop_assert_eq!(note.votes, 3);
        prop_assert_eq!(note.iterations, vec![3]);
    }
}

#[test]
fn a_later_export_of_the_board_updates_its_tallies() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    import_ok(&path, "scrumlr-board.csv", &[]);
    let before = counts(&load(&path));
    // The same board after more votes on the first note in round 2.
    let later = std::fs::read_to_string(fixture("scrumlr-board.csv"))
        .unwrap()
        .replace("GMT,-,3,2,1", "GMT,-,6,2,4");
    let file = dir.path().join("later.csv");
    std::fs::write(&file, later).unwrap();
    let out = import(&path, &file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("votes: 1 paper tally set"), "{said}");
    let s = load(&path);
    assert_eq!(counts(&s), before, "the tally changed, nothing was added");
    let first = sticky(&s, "Plus d'ombre, des arbres, des bancs");
    let tally = s
        .tally(Some(&s.rounds[1].id))
        .get(&Target::Sticky(first.id.clone()))
        .copied();
    assert_eq!(tally, Some(4));
}

//! `atelier import`: stickies from text and CSV files, run as a user
//! would, on a session in a temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod import_support;
mod support;

use atelier::import::{self, Format, Options};
use atelier::model::{Colour, Id, Target};
use import_support::{fixture, import, load, session, text};

#[test]
fn text_one_sticky_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let out = import(
        &path,
        &fixture("lines.txt"),
        &["--author", "ZOE marchand", "--stage", "stage-ideas"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("imported 4 stickies"),
        "{}",
        text(&out.stdout)
    );
    let s = load(&path);
    let texts: Vec<&str> = s.stickies.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Plus d'ombre dans la cour",
            "Des fontaines, « partout »",
            "Ouvrir le soir 🌙",
            "涼み処 : un refuge frais"
        ]
    );
    let zoe = &s.participants[0].id;
    assert!(s.stickies.iter().all(|x| x.author.as_ref() == Some(zoe)));
    assert!(
        s.stickies
            .iter()
            .all(|x| x.stage == Some(Id::from("stage-ideas")))
    );
    assert!(s.stickies.iter().all(|x| x.cluster.is_none() && !x.parked));
    assert_eq!(s.participants.len(), 2, "the author was matched, not added");
}

#[test]
fn text_blocks_make_multi_line_stickies() {
    let (format, rows) =
        import::parse_text(&std::fs::read_to_string(fixture("blocks.txt")).unwrap());
    assert_eq!(format, Format::Blocks);
    let got: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.text.as_str())).collect();
    assert_eq!(
        got,
        [
            (1, "Plus d'ombre\ndans la cour"),
            (5, "Ouvrir le soir,\nquand il fait frais"),
            (8, "Une idée seule")
        ]
    );
    // One line per sticky, even with a blank line at the end.
    let (format, rows) = import::parse_text("un\ndeux\n\n");
    assert_eq!(format, Format::Lines);
    assert_eq!(rows.len(), 2);

    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let out = import(
        &path,
        &fixture("blocks.txt"),
        &["--cluster", "Nouvelles idées"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = load(&path);
    assert_eq!(s.stickies.len(), 3);
    assert_eq!(s.stickies[1].text, "Ouvrir le soir,\nquand il fait frais");
    let c = s
        .clusters
        .iter()
        .find(|c| c.title == "Nouvelles idées")
        .unwrap();
    assert!(s.stickies.iter().all(|x| x.cluster.as_ref() == Some(&c.id)));
}

#[test]
fn csv_with_quotes_commas_newlines_accents_and_votes() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let out = import(&path, &fixture("stickies.csv"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("imported 4 stickies"), "{said}");
    assert!(
        said.contains("new participants (no one of that name): Inès Moreau"),
        "{said}"
    );
    assert!(said.contains("new clusters: Horaires"), "{said}");
    assert!(said.contains("2 paper tallies"), "{said}");

    let s = load(&path);
    assert_eq!(s.stickies.len(), 4);
    let [a, b, c, d] = [0, 1, 2, 3].map(|i| &s.stickies[i]);
    assert_eq!(a.text, "Plus d'ombre, des arbres \"vrais\" et des bancs");
    assert_eq!(a.colour, Colour::Green);
    assert_eq!(
        a.author.as_ref(),
        Some(&s.participants[0].id),
        "zoe  MARCHAND is Zoé Marchand"
    );
    assert_eq!(a.cluster, Some(Id::from("cluster-ombre")), "ombre is Ombre");
    assert_eq!(b.text, "Ouvrir le soir\nquand il fait frais");
    assert_eq!(b.colour, Colour::Blue);
    assert_eq!(b.author.as_ref(), Some(&s.participants[1].id));
    let horaires = s.clusters.iter().find(|c| c.title == "Horaires").unwrap();
    assert_eq!(b.cluster.as_ref(), Some(&horaires.id));
    assert_eq!(c.text, "Brumisateurs à l'entrée");
    assert_eq!(c.colour, Colour::Yellow);
    let ines = s
        .participants
        .iter()
        .find(|p| p.name == "Inès Moreau")
        .unwrap();
    assert_eq!(c.author.as_ref(), Some(&ines.id));
    assert_eq!(c.cluster, None);
    assert_eq!(d.text, "涼み処 : un refuge");
    assert_eq!(d.colour, Colour::Purple);
    assert_eq!(d.cluster.as_ref(), Some(&horaires.id));

    assert_eq!(s.rounds.len(), 1);
    assert_eq!(s.rounds[0].title, import::ROUND);
    let round = &s.rounds[0].id;
    let tally = |x: &Id| {
        s.votes
            .iter()
            .filter(|v| &v.round == round && v.participant.is_none())
            .find(|v| v.target == Target::Sticky(x.clone()))
            .map(|v| v.count)
    };
    assert_eq!(tally(&a.id), Some(2));
    assert_eq!(tally(&b.id), None, "0 votes is no tally");
    assert_eq!(tally(&d.id), Some(5));
}

#[test]
fn csv_separated_by_semicolons() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let out = import(&path, &fixture("semicolon.csv"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = load(&path);
    let texts: Vec<&str> = s.stickies.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, ["Des arbres, des bancs", "Une fontaine; deux"]);
    assert_eq!(s.stickies[0].colour, Colour::Pink);
}

#[test]
fn bad_rows_are_reported_with_their_lines_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let before = std::fs::read(&path).unwrap();
    let out = import(&path, &fixture("bad.csv"), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("4 bad rows, nothing imported"), "{err}");
    for (line, what) in [
        (5, "the text is empty"),
        (6, "unknown colour \"fuchsia\""),
        (7, "votes must be a whole number"),
        (8, "3 fields where the header has 5"),
    ] {
        assert!(
            err.contains(&format!("bad.csv:{line}: {what}")),
            "line {line}: {err}"
        );
    }
    for line in [1, 2, 3, 4, 9] {
        assert!(
            !err.contains(&format!("bad.csv:{line}:")),
            "line {line}: {err}"
        );
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the session is untouched"
    );

    // The same, through the library.
    let bad = import::parse(
        &std::fs::read(fixture("bad.csv")).unwrap(),
        None,
        true,
        "en",
    )
    .unwrap_err();
    assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), [5, 6, 7, 8]);

    // A header naming an unknown column.
    let bad = import::parse(b"text,mood\nhello,happy\n", None, true, "en").unwrap_err();
    assert_eq!(bad[0].line, 1);
    assert!(bad[0].message.contains("unknown column \"mood\""));
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    for from in ["stickies.csv", "lines.txt"] {
        let out = import(&path, &fixture(from), &[]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    let once = std::fs::read(&path).unwrap();
    for (from, rows) in [("stickies.csv", 4), ("lines.txt", 4)] {
        let out = import(&path, &fixture(from), &[]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let said = text(&out.stdout);
        assert!(
            said.contains(&format!(
                "imported 0 stickies into {} ({rows} rows skipped: already there)",
                path.display()
            )),
            "{said}"
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), once, "nothing changed");

    // Whitespace does not make a row new; another author or cluster does.
    let s = load(&path);
    let rows = vec![
        import::Row {
            line: 1,
            text: "Plus  d'ombre\tdans la cour".into(),
            author: None,
            colour: None,
            cluster: None,
            votes: None,
        },
        import::Row {
            line: 2,
            text: "Plus d'ombre dans la cour".into(),
            author: Some("Zoé Marchand".into()),
            colour: None,
            cluster: None,
            votes: None,
        },
    ];
    let (_, outcome) = import::plan(&s, &rows, &Options::default(), s.stickies[0].time).unwrap();
    assert_eq!((outcome.added, outcome.skipped), (1, 1));
}

#[test]
fn a_session_open_in_atelier_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let before = std::fs::read(&path).unwrap();
    let (store, _) = atelier::store::Store::open(&path).unwrap();
    assert!(store.is_locked());
    let out = import(&path, &fixture("lines.txt"), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("it is open in another atelier"), "{err}");
    assert!(err.contains("nothing imported"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    drop(store);
    let out = import(&path, &fixture("lines.txt"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn a_stage_that_does_not_exist_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(dir.path());
    let before = std::fs::read(&path).unwrap();
    let out = import(&path, &fixture("lines.txt"), &["--stage", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no stage has the id or title \"nowhere\""));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // A stage by its title works too.
    let out = import(&path, &fixture("lines.txt"), &["--stage", "idees"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        load(&path)
            .stickies
            .iter()
            .all(|x| x.stage == Some(Id::from("stage-ideas")))
    );
}

#[test]
fn a_spreadsheet_saved_as_windows_1252_is_read() {
    // "Brûlant" and "Zoé" in Windows-1252.
    let bytes = b"text,author\nBr\xfblant,Zo\xe9 Marchand\n";
    let parsed = import::parse(bytes, None, false, "en").unwrap();
    assert_eq!(parsed.format, Format::Csv);
    assert!(parsed.note.is_some());
    assert_eq!(parsed.rows()[0].text, "Brûlant");
    assert_eq!(parsed.rows()[0].author.as_deref(), Some("Zoé Marchand"));
}

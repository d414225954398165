//! Golden exports of the bundled demo session, in every format. Review a
//! changed snapshot by reading it (`cargo insta review`), as a reader of
//! the published document would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;

use atelier::export::{self, Format};
use export_support::{demo, opts};

fn render(format: Format, anonymize: bool) -> String {
    export::export(format, &demo(), &opts(anonymize)).unwrap()
}

#[test]
fn markdown() {
    insta::assert_snapshot!("demo.md", render(Format::Md, false));
}

#[test]
fn markdown_anonymized() {
    insta::assert_snapshot!("demo.anonymized.md", render(Format::Md, true));
}

#[test]
fn html() {
    insta::assert_snapshot!("demo.html", render(Format::Html, false));
}

#[test]
fn csv() {
    let text = render(Format::Csv, false);
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte order mark first");
    assert!(body.contains("\r\n"), "RFC 4180 line ends");
    // Stored with LF so that the snapshot survives editors and git.
    insta::assert_snapshot!("demo.csv", body.replace("\r\n", "\n"));
}

/// The CSV read back as a spreadsheet would: header and rows.
fn spreadsheet(session: &atelier::model::Session, anonymize: bool) -> Vec<Vec<String>> {
    let text = export::csv(session, &opts(anonymize)).unwrap();
    let body = text.strip_prefix('\u{feff}').unwrap();
    csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_votes_add_up_to_the_sessions_votes_and_every_action_is_there() {
    let s = demo();
    let total: u32 = s.votes.iter().map(|v| v.count).sum();
    assert_eq!(total, 72, "the demo's two rounds of 36 dots");
    for anonymize in [false, true] {
        let rows = spreadsheet(&s, anonymize);
        let votes: u32 = rows
            .iter()
            .filter(|r| !r[5].is_empty())
            .map(|r| r[5].parse::<u32>().unwrap())
            .sum();
        assert_eq!(votes, total, "anonymized: {anonymize}");
        // The groups' own votes, as the first round's results give them.
        for c in &s.clusters {
            let row = rows.iter().find(|r| r[0] == c.id.as_str()).unwrap();
            let on_it: u32 = s
                .votes
                .iter()
                .filter(|v| v.target == atelier::model::Target::Cluster(c.id.clone()))
                .map(|v| v.count)
                .sum();
            assert_eq!(
                (row[1].as_str(), row[5].parse::<u32>().unwrap()),
                ("cluster", on_it)
            );
        }
        for a in &s.actions {
            let row = rows
                .iter()
                .find(|r| r[0] == a.id.as_str())
                .unwrap_or_else(|| panic!("action {} missing", a.id.as_str()));
            assert_eq!(row[1], "action-item");
            assert_eq!(row[9], a.due.map(|d| d.to_string()).unwrap_or_default());
            assert!(["todo", "doing", "done", "dropped"].contains(&row[10].as_str()));
            if !anonymize {
                assert_eq!((&row[6], &row[8]), (&a.text, &a.owner));
            }
        }
        let statuses: Vec<&str> = rows
            .iter()
            .map(|r| r[10].as_str())
            .filter(|x| !x.is_empty())
            .collect();
        assert_eq!(
            statuses,
            ["done", "doing", "done", "doing", "todo", "todo", "dropped"]
        );
    }
    // A vote on any sticky note or group of any session counts once.
    let mut other = demo();
    other.votes.truncate(5);
    let rows = spreadsheet(&other, false);
    let votes: u32 = rows.iter().filter_map(|r| r[5].parse::<u32>().ok()).sum();
    assert_eq!(votes, other.votes.iter().map(|v| v.count).sum::<u32>());
}

#[test]
fn json() {
    insta::assert_snapshot!("demo.json", render(Format::Json, false));
}

#[test]
fn svg() {
    insta::assert_snapshot!("demo.svg", render(Format::Svg, false));
}

#[test]
fn every_format_is_deterministic() {
    for format in Format::ALL {
        for anonymize in [false, true] {
            assert_eq!(
                render(format, anonymize),
                render(format, anonymize),
                "{format:?}"
            );
        }
    }
}

#[test]
fn a_step_left_running_counts_to_the_last_recorded_time_not_the_clock() {
    let mut s = demo();
    let last = export::last_recorded(&s);
    // Start the last stage's first step and leave it running.
    let stage = s.agenda.len() - 1;
    s.go_to(atelier::model::StepPos { stage, step: 0 }, last);
    s.agenda[stage].steps[0].ended = None;
    s.timer_start(last);
    let a = export::markdown(&s, &opts(false));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let b = export::markdown(&s, &opts(false));
    assert_eq!(a, b);
}

#[test]
fn english_sessions_get_english_words() {
    let mut s = demo();
    s.language = Some("en".into());
    let md = export::markdown(&s, &opts(false));
    assert!(md.contains("## The challenge"), "{md}");
    assert!(md.contains("**Date:** Thursday 9 July 2026"));
    assert!(md.contains("## The agenda as it ran"));
    let html = export::html(&s, &opts(false)).unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Workshop summary"));
}

#[test]
fn an_empty_session_exports_in_every_format() {
    let s = atelier::model::Session::new(atelier::model::Id::new(), "Vide");
    for format in Format::ALL {
        let text = export::export(format, &s, &opts(true)).unwrap();
        assert!(!text.is_empty(), "{format:?}");
    }
    let md = export::markdown(&s, &opts(false));
    assert!(md.contains("No vote was taken."), "{md}");
    assert!(md.contains("The board is empty."));
}

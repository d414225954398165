//! The demo exported in its own language (French) and, as a copy with
//! `language: Some("en")`, in English: every word the export adds (headings,
//! table heads, counts, dates, the notes around the tables) is in the
//! session's language, whatever the interface's. The demo's own texts stay
//! French in both: the checks below use only words the session file does not
//! hold. Review a changed snapshot by reading it (`cargo insta review`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;

use atelier::export::{self, Format};
use export_support::{DEMO, demo, opts, text_of};

fn session(lang: &str) -> atelier::model::Session {
    let mut s = demo();
    s.language = Some(lang.to_owned());
    s
}

fn render(format: Format, lang: &str) -> String {
    export::export(format, &session(lang), &opts(false)).unwrap()
}

/// The `## ` headings of a Markdown document (all of them the export's own).
fn md_headings(md: &str) -> Vec<&str> {
    md.lines().filter_map(|l| l.strip_prefix("## ")).collect()
}

/// The texts between `open` and the next `close` in `html`.
fn between<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    html.split(open)
        .skip(1)
        .filter_map(|rest| rest.split_once(close).map(|(inside, _)| inside))
        .collect()
}

const HEADINGS_FR: [&str; 8] = [
    "Le défi",
    "Participants",
    "Idées les plus soutenues",
    "Décisions",
    "Actions",
    "Le déroulé",
    "Le mur de post-it",
    "Notes",
];
const HEADINGS_EN: [&str; 8] = [
    "The challenge",
    "Participants",
    "Top ideas",
    "Decisions",
    "Actions",
    "The agenda as it ran",
    "The board",
    "Notes",
];

const TABLE_HEADS_FR: [&str; 12] = [
    "Rang",
    "Idée",
    "Votes",
    "Action",
    "Porteur",
    "Échéance",
    "État",
    "Séquence et étape",
    "Début",
    "Prévu",
    "Réel",
    "Écart",
];
const TABLE_HEADS_EN: [&str; 12] = [
    "Rank",
    "Idea",
    "Votes",
    "Action",
    "Owner",
    "Due",
    "Status",
    "Stage and step",
    "Start",
    "Planned",
    "Actual",
    "Difference",
];

/// Words only the French export writes (none of them is in the session).
const ONLY_FR: [&str; 15] = [
    "jeudi 9 juillet 2026",
    "votants",
    "Heures locales",
    "Le déroulé",
    "Idées les plus soutenues",
    "À trier",
    "Porteur",
    "Échéance",
    "Séquence et étape",
    "Enseignements",
    "Agents publics",
    "Habitants et usagers",
    "post-it en 8 groupes",
    "à faire",
    "Synthèse produite avec atelier",
];
/// Words only the English export writes (none of them is in the session).
const ONLY_EN: [&str; 15] = [
    "Thursday 9 July 2026",
    "voters",
    "Local times",
    "The agenda as it ran",
    "Top ideas",
    "Not yet sorted",
    "Owner",
    "Stage and step",
    "Insights",
    "Civil servants",
    "Citizens",
    "sticky notes in 8 groups",
    "in progress",
    "Summary produced with atelier",
    "Parking lot",
];

#[test]
fn the_checked_words_come_from_the_export_not_from_the_session() {
    assert!(DEMO.contains("language: Some(\"fr\")"));
    for w in ONLY_FR.iter().chain(&ONLY_EN) {
        assert!(!DEMO.contains(w), "the demo itself says {w:?}");
    }
}

#[test]
fn markdown_headings_are_in_the_session_language() {
    assert_eq!(md_headings(&render(Format::Md, "fr")), HEADINGS_FR);
    assert_eq!(md_headings(&render(Format::Md, "en")), HEADINGS_EN);
}

#[test]
fn html_headings_and_table_heads_are_in_the_session_language() {
    for (lang, headings, heads) in [
        ("fr", HEADINGS_FR, TABLE_HEADS_FR),
        ("en", HEADINGS_EN, TABLE_HEADS_EN),
    ] {
        let html = render(Format::Html, lang);
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        // The page puts the participants after the actions.
        let mut h2 = between(&html, "<h2>", "</h2>");
        h2.sort_unstable();
        let mut headings = headings.to_vec();
        headings.sort_unstable();
        assert_eq!(h2, headings, "{lang}");
        let mut th = between(&html, "<th scope=\"col\">", "</th>");
        th.extend(between(&html, "<th scope=\"col\" class=\"num\">", "</th>"));
        th.sort_unstable();
        let mut expected: Vec<&str> = heads
            .iter()
            .copied()
            .filter(|h| {
                // The HTML ranks ideas without a table.
                !matches!(*h, "Rang" | "Idée" | "Votes" | "Rank" | "Idea")
            })
            .collect();
        expected.sort_unstable();
        assert_eq!(th, expected, "{lang}");
    }
}

#[test]
fn markdown_table_heads_are_in_the_session_language() {
    for (lang, heads) in [("fr", TABLE_HEADS_FR), ("en", TABLE_HEADS_EN)] {
        let md = render(Format::Md, lang);
        let rows: Vec<&str> = md
            .lines()
            .zip(md.lines().skip(1))
            .filter(|(_, next)| next.starts_with("| ---"))
            .map(|(row, _)| row)
            .collect();
        let cells: Vec<&str> = rows
            .iter()
            .flat_map(|r| r.split('|').map(str::trim).filter(|c| !c.is_empty()))
            .collect();
        // Two voting rounds share their heads.
        let mut unique = cells.clone();
        unique.sort_unstable();
        unique.dedup();
        let mut expected = heads.to_vec();
        expected.sort_unstable();
        assert_eq!(unique, expected, "{lang}");
    }
}

#[test]
fn each_export_speaks_its_language_only() {
    for format in [Format::Md, Format::Html] {
        let fr = render(format, "fr");
        let en = render(format, "en");
        for w in ONLY_FR {
            assert!(fr.contains(w), "{format:?} fr lacks {w:?}");
            assert!(!en.contains(w), "{format:?} en says {w:?}");
        }
        for w in ONLY_EN {
            assert!(en.contains(w), "{format:?} en lacks {w:?}");
            assert!(!fr.contains(w), "{format:?} fr says {w:?}");
        }
    }
}

#[test]
fn counts_dates_and_punctuation_follow_the_language() {
    let fr = render(Format::Md, "fr");
    let en = render(Format::Md, "en");
    // French puts a no-break space before ":" and ";".
    assert!(fr.contains("**Date\u{a0}:** jeudi 9 juillet 2026"), "{fr}");
    assert!(fr.contains("3 gommettes par personne\u{a0}; 12 votants\u{a0}; 36 votes"));
    assert!(en.contains("**Date:** Thursday 9 July 2026"), "{en}");
    assert!(en.contains("3 dots each; 12 voters; 36 votes"));
    // The facts of the cover: counts split from their words.
    let html_fr = render(Format::Html, "fr");
    let html_en = render(Format::Html, "en");
    assert!(html_fr.contains("<span class=\"label\">d&#x27;atelier</span>"));
    assert!(html_en.contains("<span class=\"label\">of workshop</span>"));
    assert!(html_fr.contains("<span class=\"label\">participants</span>"));
    assert!(html_en.contains("<span class=\"label\">sticky notes</span>"));
}

#[test]
fn the_cover_gives_the_number_of_participants_once() {
    for lang in ["fr", "en"] {
        let html = render(Format::Html, lang);
        let cover = between(&html, "<header class=\"cover\">", "</header>")[0];
        let text = text_of(cover);
        let words: Vec<&str> = text.split_whitespace().collect();
        let said = words
            .windows(2)
            .filter(|w| w[0] == "12" && w[1].eq_ignore_ascii_case("participants"))
            .count();
        assert_eq!(said, 1, "{lang}: {text}");
        assert_eq!(
            words
                .iter()
                .filter(|w| w.eq_ignore_ascii_case("participants"))
                .count(),
            1,
            "{lang}: {text}"
        );
    }
}

#[test]
fn the_french_export_is_the_golden_one() {
    // The demo is French: setting its language changes nothing.
    let mut s = demo();
    let md = export::markdown(&s, &opts(false));
    s.language = Some("fr_FR.UTF-8".into());
    assert_eq!(export::markdown(&s, &opts(false)), md);
}

#[test]
fn snapshots() {
    insta::assert_snapshot!("demo.fr.md", render(Format::Md, "fr"));
    insta::assert_snapshot!("demo.en.md", render(Format::Md, "en"));
    insta::assert_snapshot!("demo.fr.html", render(Format::Html, "fr"));
    insta::assert_snapshot!("demo.en.html", render(Format::Html, "en"));
}

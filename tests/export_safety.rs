//! Hostile text in every field stays text: no markup, no script, no link,
//! no control character reaches a document, whatever the format.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;

use atelier::export::{self, CSV_HEADER, Format, KIND_ACTION, KIND_CLUSTER};
use export_support::{HOSTILE, check_xml, controls, demo, hostile, map_texts, opts};

fn all(anonymize: bool) -> Vec<(Format, String)> {
    let s = hostile();
    Format::ALL
        .iter()
        .map(|&f| (f, export::export(f, &s, &opts(anonymize)).unwrap()))
        .collect()
}

#[test]
fn no_control_character_reaches_any_format() {
    for anonymize in [false, true] {
        for (format, text) in all(anonymize) {
            assert_eq!(controls(&text), Vec::<char>::new(), "{format:?}");
            if format != Format::Csv {
                assert!(!text.contains('\r'), "{format:?}: a lone CR");
            }
        }
    }
}

#[test]
fn control_characters_are_shown_as_symbols() {
    let md = export::markdown(&hostile(), &opts(false));
    assert!(md.contains("\u{241b}\\[31mred"), "ESC as ␛");
    assert!(md.contains("\u{2400}nul"), "NUL as ␀");
    assert!(md.contains("\u{2407}bell"));
    assert!(md.contains("\u{2421}del"));
}

fn check_html(html: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<img",
        "<iframe",
        "<div>html",
        "<!--",
        "<![cdata",
        "javascript:alert(1)\"",
    ] {
        assert!(!lower.contains(bad), "{bad} in the HTML");
    }
    let found = check_xml(html).unwrap_or_else(|e| panic!("HTML is not well-formed: {e}"));
    for (el, name, value) in &found.attributes {
        assert!(!name.starts_with("on"), "event handler {name} on <{el}>");
        if name == "href" {
            assert!(
                value.starts_with('#') || (value.ends_with(".html") && !value.contains(':')),
                "link to {value}"
            );
        }
        if name == "src" {
            panic!("<{el} src={value}>: an export loads nothing");
        }
        if name == "style" {
            let colour = value.strip_prefix("background: #").unwrap_or_default();
            assert!(
                colour.len() == 6 && colour.chars().all(|c| c.is_ascii_hexdigit()),
                "style {value:?}"
            );
        }
    }
    for el in &found.elements {
        assert!(
            ![
                "script", "iframe", "object", "embed", "img", "link", "form", "input", "base"
            ]
            .contains(&el.as_str()),
            "<{el}>"
        );
    }
}

#[test]
fn html_is_well_formed_and_inert() {
    for anonymize in [false, true] {
        let html = export::html(&hostile(), &opts(anonymize)).unwrap();
        check_html(&html);
        if !anonymize {
            assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
        }
        assert_eq!(html.matches("<style>").count(), 1, "one inline stylesheet");
        assert_eq!(html.matches("<svg").count(), 1, "the board, inline");
    }
    check_html(&export::html(&demo(), &opts(false)).unwrap());
}

fn check_svg(svg: &str) {
    let lower = svg.to_lowercase();
    for bad in [
        "<script",
        "<!--",
        "<![cdata",
        "]]>",
        "<foreignobject",
        "href",
        "<img",
        "<a ",
        "<style",
    ] {
        assert!(!lower.contains(bad), "{bad} in the SVG");
    }
    let found = check_xml(svg).unwrap_or_else(|e| panic!("SVG is not well-formed: {e}"));
    assert_eq!(found.elements.first().map(String::as_str), Some("svg"));
    for (el, name, _) in &found.attributes {
        assert!(!name.starts_with("on"), "event handler {name} on <{el}>");
    }
}

#[test]
fn svg_is_well_formed_and_inert() {
    let mut s = hostile();
    s.stickies[0].text = HOSTILE.to_owned();
    for anonymize in [false, true] {
        let svg = export::svg(&s, &opts(anonymize));
        assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
        check_svg(&svg);
        if !anonymize {
            assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assert!(svg.contains("--&gt;"), "a --> in a text is only text");
        }
    }
    check_svg(&export::svg(&demo(), &opts(false)));
}

/// Positions in `md` of `c` not preceded by a backslash escape.
fn unescaped(line: &str, c: char) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for x in line.chars() {
        if x == c && !escaped {
            n += 1;
        }
        escaped = x == '\\' && !escaped;
    }
    n
}

/// Lines that start a Markdown block: headings, list items, quotes,
/// tables, fences, thematic breaks, indented code.
fn block_starts(md: &str) -> Vec<String> {
    md.lines()
        .filter(|l| {
            l.starts_with('#')
                || l.starts_with("- ")
                || l.starts_with("+ ")
                || l.starts_with("* ")
                || l.starts_with('>')
                || l.starts_with('|')
                || l.starts_with("```")
                || l.starts_with("~~~")
                || l.starts_with("    ")
                || l.starts_with('=')
                || l.starts_with(':')
                || l.chars().take_while(char::is_ascii_digit).count() > 0
                    && l.trim_start_matches(|c: char| c.is_ascii_digit())
                        .starts_with(['.', ')'])
        })
        .map(|l| {
            // The kind of block, not its text.
            let kind: String = l
                .chars()
                .take_while(|c| "#-+*>|`~ =:".contains(*c))
                .collect();
            format!(
                "{kind}{}",
                if l.starts_with('|') {
                    unescaped(l, '|')
                } else {
                    0
                }
            )
        })
        .collect()
}

#[test]
fn markdown_stays_text() {
    let md = export::markdown(&hostile(), &opts(false));
    assert!(!md.contains('<'), "no raw < at all (entities instead)");
    for (i, line) in md.lines().enumerate() {
        for c in ['[', ']', '`', '*', '_'] {
            if c == '*' || c == '_' {
                continue; // our own emphasis uses them
            }
            assert_eq!(unescaped(line, c), 0, "unescaped {c} on line {i}: {line}");
        }
        assert!(
            !line.starts_with("    "),
            "indented code on line {i}: {line}"
        );
    }
    // The document has the same blocks as the plain demo: hostile text
    // started no heading, list, quote, table row or code block of its own.
    let plain = {
        let mut s = hostile();
        let demo = demo();
        let strip = |t: &str| t.replace(&format!(" {HOSTILE}"), " plain text");
        map_texts(&mut s, strip);
        for n in &mut s.notes {
            *n.tags.last_mut().unwrap() = "plain".into();
        }
        for c in &mut s.comments {
            c.text = strip(&c.text).replace(HOSTILE, "plain text");
            c.author = c.author.replace(HOSTILE, "plain");
        }
        assert_eq!(s.notes.len(), demo.notes.len());
        s
    };
    let plain_md = export::markdown(&plain, &opts(false));
    assert!(!plain_md.contains("script"));
    assert_eq!(block_starts(&md), block_starts(&plain_md));
    // Every table row has as many cells as its header.
    let mut width = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = unescaped(line, '|');
            assert_eq!(*width.get_or_insert(n), n, "table row {line}");
        } else {
            width = None;
        }
    }
}

#[test]
fn csv_parses_back_to_the_same_rows() {
    for (session, anonymize) in [(demo(), false), (hostile(), false), (hostile(), true)] {
        let text = export::csv(&session, &opts(anonymize)).unwrap();
        let body = text.strip_prefix('\u{feff}').unwrap();
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let mut expected: Vec<String> = CSV_HEADER.iter().map(|s| (*s).to_owned()).collect();
        if anonymize {
            expected[4] = "author (anonymized)".into();
            expected[8] = "owner (anonymized)".into();
        }
        assert_eq!(header, expected);
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        let want: Vec<Vec<String>> = export::csv_rows(&session, &opts(anonymize))
            .into_iter()
            .map(|r| r.to_vec())
            .collect();
        assert_eq!(rows, want);
        // Private notes and stickies are left out.
        let public = export::without_private(&session);
        assert_eq!(
            rows.len(),
            public.notes.len()
                + public.stickies.len()
                + public.clusters.len()
                + public.actions.len()
        );
    }
}

#[test]
fn csv_rows_are_what_the_session_says() {
    let s = demo();
    let rows = export::csv_rows(&s, &opts(false));
    let sticky = &s.stickies[0];
    let row = rows.iter().find(|r| r[0] == sticky.id.as_str()).unwrap();
    assert_eq!(row[1], "sticky");
    assert_eq!(row[6], sticky.text);
    assert_eq!(row[7], sticky.time.to_string());
    let note = &s.notes[0];
    let row = rows.iter().find(|r| r[0] == note.id.as_str()).unwrap();
    assert_eq!(row[1], note.kind.label());
    assert_eq!(row[4], s.participant_name(note.author.as_ref()));
    assert_eq!(row[5], "", "notes take no votes");
    let cluster = &s.clusters[0];
    let row = rows.iter().find(|r| r[0] == cluster.id.as_str()).unwrap();
    assert_eq!(row[1], KIND_CLUSTER);
    assert_eq!((&row[3], &row[6]), (&cluster.title, &cluster.title));
    assert_eq!(row[7], "", "a group has no time of its own");
    let action = &s.actions[0];
    let row = rows.iter().find(|r| r[0] == action.id.as_str()).unwrap();
    assert_eq!(row[1], KIND_ACTION);
    assert_eq!((&row[6], &row[8]), (&action.text, &action.owner));
    // Notes and sticky notes first, in time order (private ones left
    // out); then the groups, then the actions, in the session's order.
    let public = export::without_private(&s);
    let timed = public.notes.len() + public.stickies.len();
    let times: Vec<&String> = rows[..timed].iter().map(|r| &r[7]).collect();
    assert!(times.iter().all(|t| !t.is_empty()));
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "in time order");
    let kinds: Vec<&str> = rows[timed..].iter().map(|r| r[1].as_str()).collect();
    let mut expected = vec![KIND_CLUSTER; s.clusters.len()];
    expected.extend(vec![KIND_ACTION; s.actions.len()]);
    assert_eq!(kinds, expected);
    for r in &rows {
        let is_action = r[1] == KIND_ACTION;
        assert_eq!(
            r[10].is_empty(),
            !is_action,
            "only actions have a status: {r:?}"
        );
        if !is_action {
            assert_eq!((r[8].as_str(), r[9].as_str()), ("", ""), "{r:?}");
        }
    }
}

#[test]
fn csv_cells_never_start_a_formula() {
    let mut s = demo();
    s.stickies[0].text = "=HYPERLINK(\"http://evil\",\"clic\")".into();
    s.stickies[1].text = "+1".into();
    s.stickies[2].text = "-2 °C".into();
    s.stickies[3].text = "@SUM(A1)".into();
    s.clusters[0].title = "=1+2".into();
    s.actions[0].text = "+33 6 12 34 56 78".into();
    s.actions[1].owner = "-Direction".into();
    let rows = export::csv_rows(&s, &opts(false));
    for r in &rows {
        for cell in r {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
    assert!(rows.iter().any(|r| r[6] == "'-2 °C"));
    assert!(rows.iter().any(|r| r[1] == KIND_CLUSTER && r[6] == "'=1+2"));
    assert!(rows.iter().any(|r| r[8] == "'-Direction"));
}

#[test]
fn json_round_trips_to_the_same_session() {
    // With its private items, the JSON holds the whole session.
    let all = export::Options {
        include_private: true,
        ..opts(false)
    };
    for s in [
        demo(),
        hostile(),
        atelier::model::Session::new(atelier::model::Id::new(), "vide"),
    ] {
        let text = export::json(&s, &all).unwrap();
        assert_eq!(controls(&text), Vec::<char>::new());
        let back = export::from_json(&text).unwrap();
        assert_eq!(back, s);
    }
    let text = export::json(&demo(), &opts(false)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["atelier_json"], 1);
    assert_eq!(v["format"], atelier::model::FORMAT);
    assert_eq!(v["anonymized"], false);
    assert!(v["session"]["participants"].is_array());
    let anon: serde_json::Value =
        serde_json::from_str(&export::json(&demo(), &opts(true)).unwrap()).unwrap();
    assert_eq!(anon["anonymized"], true);
}

#[test]
fn json_import_refuses_what_it_cannot_read() {
    assert!(
        export::from_json("{}")
            .unwrap_err()
            .contains("atelier_json")
    );
    assert!(
        export::from_json(r#"{"atelier_json": 99, "format": 2, "session": {}}"#)
            .unwrap_err()
            .contains("99")
    );
    let mut s = demo();
    s.notes[0].author = Some("nobody".into());
    let text = export::json(&s, &opts(false)).unwrap();
    assert!(export::from_json(&text).unwrap_err().contains("nobody"));
}

#[test]
fn the_programme_report_is_well_formed_and_inert() {
    use atelier::export::report::{Entry, report};
    let mut second = hostile();
    second.date = None;
    second.challenge.origin = atelier::model::Origin::Other;
    let entries = vec![
        Entry {
            file: "demo.ron".into(),
            session: demo(),
        },
        Entry {
            file: format!("{HOSTILE}.ron"),
            session: second,
        },
    ];
    for anonymize in [false, true] {
        let r = report(&entries, &opts(anonymize)).unwrap();
        check_html(&r.index);
        assert!(r.index.contains("1 sur 2 (50 %)"));
        assert_eq!(r.pages.len(), 2);
        for (name, page) in &r.pages {
            assert!(
                name.ends_with(".html")
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'),
                "a safe file name: {name}"
            );
            check_html(page);
            assert!(page.contains("href=\"index.html\""));
        }
        assert_eq!(r.pages[0].0, "demo.html", "dated sessions first");
    }
}

//! Shared helpers for the export tests: the demo, a session with hostile
//! text in every field, and a small XML well-formedness checker.
#![allow(dead_code)]

use atelier::export::Options;
use atelier::model::{Comment, Id, Session, Timestamp};

pub const DEMO: &str = include_str!("../../sessions/demo.ron");

pub fn demo() -> Session {
    atelier::store::load_str("demo.ron", DEMO).unwrap_or_else(|e| panic!("{e}"))
}

/// The demo as its day was planned: from 09:30, with an hour's lunch
/// after the interviews (the fourth stage), as the bundled file has it.
pub fn demo_day() -> Session {
    let s = demo();
    assert_eq!(s.start, atelier::model::ClockTime::new(9, 30));
    assert!(s.agenda[3].is_break(), "the demo's lunch");
    s
}

/// Public items only; Paris for a session that names no zone (the demo
/// names Europe/Paris itself).
pub fn opts(anonymize: bool) -> Options {
    Options {
        anonymize,
        include_private: false,
        zone: atelier::model::Zone::named("Europe/Paris").unwrap(),
    }
}

/// Everything a hostile or careless user could type.
pub const HOSTILE: &str = "<script>alert(1)</script> \"quoted\" 'single' \
    ](javascript:alert(1)) [x](javascript:alert(1)) <img src=x onerror=alert(1)> \
    \u{1b}[31mred\u{1b}[0m \u{0}nul \u{7}bell \u{8}bs \u{9b}csi \u{7f}del \
    -- --> <!-- c --> ]]> <![CDATA[x]]> `code` *em* _u_ ~~s~~ $x$ ^sup^ @cite {.attr} \
    # not a heading | pipe | &amp; &lt; &#60; \\ backslash\r\n\
    # heading line\n- list line\n+ plus\n1. ordered\n2) ordered\n    indented code\n\
    > quote\n=====\n---\n```\nfence\n~~~\n<div>html block</div>\n| a | b |\n: def";

/// `text` with the hostile string around it.
pub fn h(text: &str) -> String {
    format!("{text} {HOSTILE}")
}

/// `f` applied to every text field a user types (but the notes' tags and
/// the comments).
pub fn map_texts(s: &mut Session, f: impl Fn(&str) -> String) {
    s.title = f(&s.title);
    s.place = f(&s.place);
    s.challenge.statement = f(&s.challenge.statement);
    s.facilitators = s.facilitators.iter().map(|x| f(x)).collect();
    for p in &mut s.participants {
        p.name = f(&p.name);
        p.organisation = f(&p.organisation);
    }
    for st in &mut s.agenda {
        st.title = f(&st.title);
        st.method = f(&st.method);
        for step in &mut st.steps {
            step.title = f(&step.title);
            step.prompt = f(&step.prompt);
        }
    }
    for n in &mut s.notes {
        n.text = f(&n.text);
    }
    for x in &mut s.stickies {
        x.text = f(&x.text);
    }
    for c in &mut s.clusters {
        c.title = f(&c.title);
    }
    for r in &mut s.rounds {
        r.title = f(&r.title);
    }
    for a in &mut s.actions {
        a.text = f(&a.text);
        a.owner = f(&a.owner);
    }
}

/// The demo with hostile text in every text field.
pub fn hostile() -> Session {
    let mut s = demo();
    map_texts(&mut s, h);
    for n in &mut s.notes {
        n.tags.push(HOSTILE.to_owned());
    }
    let time = Timestamp::parse("2026-07-12T08:00:00Z").unwrap();
    s.comments.push(Comment {
        id: Id::from("comment-1"),
        about: None,
        author: HOSTILE.to_owned(),
        text: HOSTILE.to_owned(),
        time,
    });
    let about = s.stickies[0].id.clone();
    s.comments.push(Comment {
        id: Id::from("comment-2"),
        about: Some(about),
        author: "=cmd|' /C calc'!A0".to_owned(),
        text: h("about a sticky"),
        time,
    });
    assert!(atelier::model::validate(&s).is_empty());
    s
}

/// The text of an HTML or SVG fragment: every tag replaced by a space
/// (entities left as they are).
pub fn text_of(markup: &str) -> String {
    let mut text = String::with_capacity(markup.len());
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Raw control characters other than line ends.
pub fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\r')
        .collect()
}

/// An element's attributes, as found by [`check_xml`].
#[derive(Debug, Default)]
pub struct Found {
    pub elements: Vec<String>,
    pub attributes: Vec<(String, String, String)>,
}

fn valid_entity(e: &str) -> bool {
    matches!(e, "amp" | "lt" | "gt" | "quot" | "apos")
        || e.strip_prefix("#x")
            .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
        || e.strip_prefix('#')
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

/// Check that `doc` is well-formed XML (XHTML-style HTML included): tags
/// balanced, attributes quoted, `<` and `&` only as markup or entities, no
/// comment, no CDATA, no processing instruction except the XML declaration.
pub fn check_xml(doc: &str) -> Result<Found, String> {
    let mut found = Found::default();
    let mut stack: Vec<String> = Vec::new();
    let b = doc.as_bytes();
    let mut i = 0;
    let text_check = |t: &str, at: usize| -> Result<(), String> {
        let mut rest = t;
        while let Some(p) = rest.find('&') {
            let after = &rest[p + 1..];
            let end = after
                .find(';')
                .ok_or_else(|| format!("bare & at {at}: {:?}", &after[..after.len().min(20)]))?;
            if !valid_entity(&after[..end]) {
                return Err(format!("bad entity &{}; at {at}", &after[..end]));
            }
            rest = &after[end + 1..];
        }
        Ok(())
    };
    while i < b.len() {
        if b[i] != b'<' {
            let next = doc[i..].find('<').map_or(doc.len(), |p| i + p);
            text_check(&doc[i..next], i)?;
            if doc[i..next].contains('>') && stack.is_empty() {
                // Allowed in XML, but not outside the root.
            }
            i = next;
            continue;
        }
        let rest = &doc[i..];
        if rest.starts_with("<!--") {
            return Err(format!("comment at {i}"));
        }
        if rest.starts_with("<![CDATA[") {
            return Err(format!("CDATA at {i}"));
        }
        if rest.starts_with("<?") {
            let end = rest.find("?>").ok_or("unclosed <?")?;
            if !rest.starts_with("<?xml ") || i != 0 {
                return Err(format!("processing instruction at {i}"));
            }
            i += end + 2;
            continue;
        }
        if rest.starts_with("<!DOCTYPE") {
            if !stack.is_empty() {
                return Err("DOCTYPE inside an element".into());
            }
            let end = rest.find('>').ok_or("unclosed DOCTYPE")?;
            i += end + 1;
            continue;
        }
        // A tag: find its end, honouring quotes.
        let mut j = 1;
        let mut quote: Option<u8> = None;
        let tb = rest.as_bytes();
        while j < tb.len() {
            match (quote, tb[j]) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), b'<') => return Err(format!("< inside an attribute at {}", i + j)),
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(tb[j]),
                (None, b'>') => break,
                (None, b'<') => return Err(format!("< inside a tag at {}", i + j)),
                _ => {}
            }
            j += 1;
        }
        if j >= tb.len() {
            return Err(format!("unclosed tag at {i}"));
        }
        let tag = &rest[1..j];
        i += j + 1;
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            match stack.pop() {
                Some(open) if open == name => continue,
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
        {
            return Err(format!("bad element name {name:?}"));
        }
        // Attributes: name="value" pairs, nothing else.
        let mut attrs = tag[name_end..].trim();
        while !attrs.is_empty() {
            let eq = attrs
                .find('=')
                .ok_or_else(|| format!("attribute without value in <{name}>: {attrs:?}"))?;
            let an = attrs[..eq].trim();
            if an.is_empty()
                || !an
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
            {
                return Err(format!("bad attribute name {an:?} in <{name}>"));
            }
            let after = attrs[eq + 1..].trim_start();
            let q = after.chars().next().ok_or("attribute without value")?;
            if q != '"' && q != '\'' {
                return Err(format!("unquoted attribute {an} in <{name}>"));
            }
            let close = after[1..].find(q).ok_or("unclosed attribute")?;
            let value = &after[1..1 + close];
            text_check(value, i)?;
            found
                .attributes
                .push((name.to_owned(), an.to_owned(), value.to_owned()));
            attrs = after[close + 2..].trim_start();
        }
        found.elements.push(name.to_owned());
        if !self_closing {
            stack.push(name.to_owned());
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed elements: {stack:?}"));
    }
    Ok(found)
}

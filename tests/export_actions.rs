//! Actions and signed review comments in the exports: the plan's actions
//! with owner, due date and status, the notes of kind "action" beside them
//! (not yet assigned, none lost), and comments with their author, time and
//! what they are about (which sticky).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;

use atelier::export::{self, Format};
use atelier::model::{Comment, Id, NoteKind, Timestamp};
use export_support::{demo, opts};

/// The demo with a comment by Léa on its first sticky, one on the session.
fn reviewed() -> atelier::model::Session {
    let mut s = demo();
    let sticky = s.stickies[0].id.clone();
    s.comments.push(Comment {
        id: Id::new(),
        about: Some(sticky),
        author: "Léa".into(),
        text: "Et les salles du sous-sol ?".into(),
        time: Timestamp::parse("2026-07-10T14:05:00Z").unwrap(),
    });
    s.comments.push(Comment {
        id: Id::new(),
        about: None,
        author: "Léa".into(),
        text: "Merci pour la journée.".into(),
        time: Timestamp::parse("2026-07-10T14:07:00Z").unwrap(),
    });
    s
}

#[test]
fn notes_of_kind_action_are_listed_with_the_actions_not_yet_assigned() {
    let s = demo();
    let action_notes: Vec<_> = s
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Action && !n.private)
        .collect();
    assert!(
        !action_notes.is_empty(),
        "the demo has notes of kind action"
    );
    let md = export::export(Format::Md, &s, &opts(false)).unwrap();
    let html = export::export(Format::Html, &s, &opts(false)).unwrap();
    let actions_md = md
        .split("\n## ")
        .find(|sec| sec.starts_with("Actions"))
        .expect("an actions section");
    for a in &s.actions {
        let first = a.text.lines().next().unwrap();
        assert!(actions_md.contains(first), "action {first:?} in Markdown");
        if let Some(due) = a.due {
            assert!(actions_md.contains(&due.to_string()), "its due date");
        }
    }
    for n in &action_notes {
        let line = actions_md
            .lines()
            .find(|l| l.contains(n.text.lines().next().unwrap()))
            .unwrap_or_else(|| panic!("note {:?} in the actions section", n.text));
        assert!(line.ends_with("| à attribuer |"), "{line}");
    }
    let unassigned = html.matches("<tr class=\"unassigned\">").count();
    assert_eq!(unassigned, action_notes.len(), "each note once in HTML");
    let total = s.actions.len() + action_notes.len();
    assert!(
        html.contains(&format!(
            "<span class=\"value\">{total}</span><span class=\"label\">actions</span>"
        )),
        "the count of actions counts the notes too"
    );
}

#[test]
fn an_english_session_says_not_yet_assigned() {
    let mut s = demo();
    s.language = Some("en".into());
    let md = export::export(Format::Md, &s, &opts(false)).unwrap();
    assert!(md.contains("| not yet assigned |"), "{md}");
}

#[test]
fn anonymized_exports_keep_owners_reduced_and_the_action_notes() {
    let s = demo();
    let md = export::export(Format::Md, &s, &opts(true)).unwrap();
    for a in &s.actions {
        if !a.owner.is_empty() {
            assert!(
                !md.contains(&format!("| {} |", a.owner)),
                "owner {:?} left in an anonymized export",
                a.owner
            );
        }
    }
    let notes = s
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Action && !n.private)
        .count();
    assert_eq!(md.matches("| à attribuer |").count(), notes);
}

#[test]
fn comments_keep_author_time_and_say_which_sticky() {
    let s = reviewed();
    let sticky = s.stickies[0].text.lines().next().unwrap().to_owned();
    let md = export::export(Format::Md, &s, &opts(false)).unwrap();
    let html = export::export(Format::Html, &s, &opts(false)).unwrap();
    // 14:05 UTC is 16:05 in Paris, the demo's zone.
    assert!(
        md.contains("*Léa, 2026-07-10 16:05* · sur post-it «\u{a0}"),
        "{md}"
    );
    assert!(md.contains(&sticky[..20.min(sticky.len())]));
    assert!(html.contains("Léa · <time datetime=\"2026-07-10\">2026-07-10</time> 16:05"));
    assert!(html.contains("post-it «\u{a0}"), "which sticky, in HTML");
    assert!(md.contains("Merci pour la journée."));
    let json = export::export(Format::Json, &s, &opts(false)).unwrap();
    assert!(json.contains("\"author\": \"Léa\"") && json.contains("2026-07-10T14:05:00Z"));
}

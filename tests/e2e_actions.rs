//! Issue 17's "done means", in a real terminal (tmux): from a new session,
//! a start time, a break, three actions with owners and due dates (one
//! made from a note with `O`), then `atelier review FILE --as "Léa"` adding
//! a comment, then the HTML summary and the run-sheet exported; the exports
//! show all of it. Every step waits for the screen to show its result (no
//! fixed sleeps).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod skip_support;
mod support;

use std::path::Path;
use support::tmux::{BIN, Tmux, WAIT, atelier, q, sh_quote};

/// `file` holds a line once `atelier` (started as `... ; echo $? > file`)
/// has exited: its exit status.
fn exit_status(tmux: &Tmux, file: &Path) -> String {
    support::tmux::wait_for_file(file, WAIT, tmux)
        .trim()
        .to_owned()
}

/// One action through the form: text, Tab owner, Tab due date, Enter; the
/// list shows it.
fn add_action(tmux: &Tmux, (text, owner, due): (&str, &str, &str), count: &str) {
    tmux.keys(&["i"]);
    tmux.wait_for(&["Action: what is to be done"]);
    tmux.type_text(text);
    tmux.wait_for(&[text]);
    fill_owner_and_due(tmux, owner, due);
    tmux.wait_for(&[text, count]);
}

/// In the action form: Tab, the owner, Tab, the due date, Enter.
fn fill_owner_and_due(tmux: &Tmux, owner: &str, due: &str) {
    tmux.keys(&["Tab"]);
    tmux.wait_for(&["Owner: type to find"]);
    tmux.type_text(owner);
    tmux.wait_for(&[owner]);
    tmux.keys(&["Tab"]);
    tmux.wait_for(&["Due date: YYYY-MM-DD"]);
    tmux.type_text(due);
    tmux.wait_for(&[due]);
    tmux.keys(&["Enter"]);
}

#[test]
fn a_new_session_planned_with_actions_reviewed_and_exported_shows_it_all() {
    if skip_support::missing(skip_support::Tool::Tmux) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = support::tmux::new_session(home.path(), "Cantines d'été");
    let status = home.path().join("status.txt");
    let tmux = Tmux::new(home.path());
    tmux.start_sized(
        120,
        40,
        &format!(
            "{} open {}; echo $? > {}; sleep 60",
            sh_quote(BIN),
            q(&file),
            q(&status)
        ),
    );
    tmux.wait_for(&["Facilitation", "Cantines d'été"]);

    // The start time: setup, Details, "Start time".
    tmux.keys(&["a"]);
    tmux.wait_for(&["Session setup", "Start time"]);
    tmux.keys(&["Down", "Down", "Down", "Down", "Enter"]);
    tmux.wait_for(&["Start time (Enter"]);
    tmux.type_text("09:30");
    tmux.keys(&["Enter"]);
    tmux.wait_until("the start time in the details", |s| {
        s.lines()
            .any(|l| l.contains("Start time") && l.contains("09:30"))
    });

    // A lunch break after the first stage: B asks its title and minutes.
    tmux.keys(&["Tab", "Tab"]);
    tmux.wait_for(&["starts 09:30"]);
    tmux.keys(&["B"]);
    tmux.wait_for(&["Break: its title"]);
    tmux.keys(&["C-u"]);
    tmux.type_text("Lunch");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Lunch: how many minutes?"]);
    tmux.keys(&["C-u"]);
    tmux.type_text("45");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["a break of 45 minutes added"]);

    // Two actions through the form, on the actions screen (X).
    tmux.keys(&["X"]);
    tmux.wait_for(&["Actions: 0"]);
    add_action(
        &tmux,
        ("Call the school cooks", "Amélie Roux", "2026-07-01"),
        "Actions: 1",
    );
    add_action(
        &tmux,
        ("Price the menus", "Noël Bertrand", "2026-07-08"),
        "Actions: 2",
    );

    // A third from a note: n writes it, N lists the notes, O turns it into
    // an action with its text filled in.
    tmux.keys(&["f"]);
    tmux.wait_for(&["atelier · Facilitation"]);
    tmux.keys(&["n"]);
    tmux.wait_for(&["New note · Ctrl-s saves"]);
    tmux.type_text("Ask the parents' council");
    tmux.keys(&["C-s"]);
    tmux.wait_for(&["noted."]);
    tmux.keys(&["N"]);
    tmux.wait_for(&["atelier · Notes", "Ask the parents' council"]);
    tmux.keys(&["O"]);
    tmux.wait_for(&["Action: what is to be done", "Ask the parents' council"]);
    fill_owner_and_due(&tmux, "Léa Martin", "2026-07-15");
    tmux.wait_for(&["Action added"]);
    tmux.keys(&["X"]);
    tmux.wait_for(&["Actions: 3"]);
    tmux.keys(&["q"]);
    assert_eq!(
        exit_status(&tmux, &status),
        "0",
        "atelier open's exit status"
    );

    // The review, signed Léa.
    let reviewed = home.path().join("reviewed.txt");
    tmux.new_window(
        "review",
        &format!(
            "{} review {} --as 'Léa'; echo $? > {}; sleep 60",
            sh_quote(BIN),
            q(&file),
            q(&reviewed)
        ),
    );
    tmux.wait_for_in("review", &["[read-only]"]);
    tmux.keys_to("review", &["c"]);
    tmux.wait_for_in("review", &["Comment on the session"]);
    let comment = "Et le sous-sol ? Pensez aux ados.";
    tmux.type_to("review", comment);
    tmux.wait_for_in("review", &["Pensez aux ados"]);
    tmux.keys_to("review", &["Enter"]);
    tmux.wait_for_in("review", &["Comment saved"]);
    tmux.keys_to("review", &["q"]);
    assert_eq!(
        exit_status(&tmux, &reviewed),
        "0",
        "atelier review's exit status"
    );

    // The exports, from the command line.
    let html = atelier(
        home.path(),
        &[
            "export",
            &file.display().to_string(),
            "--format",
            "html",
            "-o",
            "-",
        ],
    );
    let sheet = atelier(
        home.path(),
        &[
            "export",
            &file.display().to_string(),
            "--format",
            "runsheet",
            "-o",
            "-",
        ],
    );

    let s = atelier::store::load_file(&file).expect("the session loads");
    assert_eq!(s.start, atelier::model::ClockTime::new(9, 30));
    let lunch = s.agenda.iter().find(|st| st.is_break()).expect("a break");
    assert_eq!(
        (lunch.title.as_str(), lunch.planned_minutes()),
        ("Lunch", 45)
    );
    // The run-sheet: every step's planned clock time from 09:30, the break.
    for p in s.planned_steps() {
        let at = p.at.expect("a clock time").to_string();
        assert!(sheet.contains(&at), "{at} not in the run-sheet");
    }
    let end = s.planned_end().unwrap().to_string();
    assert!(sheet.contains("09:30") && sheet.contains(&end), "{end}");
    assert!(sheet.contains("Lunch"), "the break in the run-sheet");
    // The summary: the three actions with their owners and due dates, the
    // break, Léa's comment.
    assert_eq!(s.actions.len(), 3, "{:?}", s.actions);
    for (text, owner, due) in [
        ("Call the school cooks", "Amélie Roux", "2026-07-01"),
        ("Price the menus", "Noël Bertrand", "2026-07-08"),
        ("Ask the parents&#x27; council", "Léa Martin", "2026-07-15"),
    ] {
        let row = html
            .lines()
            .skip_while(|l| !l.contains(text))
            .take(6)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!row.is_empty(), "{text} not in the summary");
        assert!(row.contains(owner), "{owner} not with {text}:\n{row}");
        assert!(row.contains(due), "{due} not with {text}:\n{row}");
    }
    assert!(html.contains("Lunch"), "the break in the summary");
    // The comment is signed Léa in the file, and the summary shows it
    // with its author on the line the export writes under it.
    let signed = s.comments.last().expect("the review's comment");
    assert_eq!(
        (
            signed.author.as_str(),
            signed.text.as_str(),
            signed.about.as_ref()
        ),
        ("Léa", "Et le sous-sol ? Pensez aux ados.", None),
        "the comment on the session, signed Léa"
    );
    let line = html
        .lines()
        .find(|l| l.contains("Et le sous-sol ? Pensez aux ados."))
        .expect("Léa's comment in the summary");
    assert!(
        line.contains("Pensez aux ados.</span><p class=\"meta\">Léa · "),
        "the comment's author line says Léa:\n{line}"
    );
}

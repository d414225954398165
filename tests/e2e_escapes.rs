//! Hostile text: escape sequences, a bell, a NUL and a bidi override in a
//! sticky and a note. On screen they show as visible symbols (`␛`, `␇`,
//! `␀`) and no cell holds a raw control character; in the file they are
//! kept byte for byte. Rendered on a `TestBackend`, then pasted into the
//! real app in a terminal (tmux), whose colours must not change.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod reliability_support;

use atelier::app::state::{Doc, Screen};
use atelier::app::{Action, App, Msg, update};
use atelier::model::{Colour, Id, Note, NoteKind, Session, StageKind, Sticky};
use ratatui::buffer::Buffer;
use reliability_support::*;
use std::path::PathBuf;
use support::model::{stage, step, t};

/// Red text, a reset, a bell, a NUL and a right-to-left override.
const NASTY: &str = "\x1b[31mRED\x1b[0m bell\x07 nul\0 bidi\u{202e}txet\u{202c} end";
/// What the screen shows for it.
const SHOWN: &str = "␛[31mRED␛[0m bell␇ nul␀ bidi";

/// A session with one stage, one sticky and one note holding `NASTY`.
fn session() -> Session {
    let mut s = Session::new(atelier::model::Id::new(), "Escapes");
    s.id = Id::from("session-escapes");
    s.agenda = vec![stage(
        "st-1",
        "Idéation",
        StageKind::Ideation,
        vec![step("sp-1", "Crazy 8s", 8, "")],
    )];
    s.run.stage = Some(Id::from("st-1"));
    s.run.step = Some(Id::from("sp-1"));
    s.stickies = vec![Sticky {
        id: Id::from("s-1"),
        text: format!("sticky {NASTY}"),
        author: None,
        colour: Colour::Yellow,
        stage: Some(Id::from("st-1")),
        cluster: None,
        parked: false,
        time: t(60),
        private: false,
        tags: Vec::new(),
    }];
    s.notes = vec![Note {
        id: Id::from("n-1"),
        kind: NoteKind::Quote,
        stage: Some(Id::from("st-1")),
        author: None,
        tags: vec![],
        text: format!("note {NASTY}"),
        time: t(120),
        private: false,
    }];
    s
}

fn app_on(screen: Screen) -> App {
    let mut app = support::keys::new_app("en", atelier::model::Timestamp::now());
    app.local_zone = atelier::model::Zone::utc();
    app.doc = Some(Doc::new(
        session(),
        PathBuf::from("/nonexistent/escapes.ron"),
    ));
    app.screen = screen;
    // A tick brings the derived state (the board's index) up to date.
    update(&mut app, Msg::Tick, t(180));
    app
}

fn render(app: &App) -> Buffer {
    support::screen::draw(app, 100, 30)
        .backend()
        .buffer()
        .clone()
}

/// Characters a terminal would act on instead of showing.
fn raw(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// No cell holds a raw control character, and `expected` shows.
fn assert_neutralised(buf: &Buffer, expected: &[&str], what: &str) {
    let screen = support::screen::cells_text(buf);
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            assert!(
                !symbol.chars().any(raw),
                "{what}: cell ({x}, {y}) holds {symbol:?}, raw for the terminal; the screen:\n{screen}"
            );
        }
    }
    for e in expected {
        assert!(
            screen.contains(e),
            "{what}: expected {e:?} on screen; the screen:\n{screen}"
        );
    }
}

#[test]
fn the_board_shows_escapes_in_a_sticky_as_visible_symbols() {
    let app = app_on(Screen::Board);
    // A card wraps: look for the pieces.
    assert_neutralised(&render(&app), &["␛[31mRED␛[0m", "bell␇", "nul␀"], "board");
}

#[test]
fn the_notes_screen_shows_escapes_in_a_note_as_visible_symbols() {
    let app = app_on(Screen::Notes);
    assert_neutralised(&render(&app), &[SHOWN], "notes");
}

#[test]
fn the_facilitation_screen_shows_escapes_in_a_note_as_visible_symbols() {
    let app = app_on(Screen::Facilitate);
    assert_neutralised(&render(&app), &[SHOWN], "facilitation");
}

#[test]
fn a_title_with_escapes_shows_visible_symbols_in_the_top_bar() {
    let mut app = app_on(Screen::Facilitate);
    let doc = app.doc.as_mut().unwrap();
    std::sync::Arc::make_mut(&mut doc.session).title = format!("T {NASTY}");
    assert_neutralised(&render(&app), &["T ␛[31mRED"], "top bar");
}

#[test]
fn escapes_pasted_in_the_capture_bar_show_as_symbols_and_the_sticky_keeps_them() {
    let mut app = app_on(Screen::Board);
    update(&mut app, Msg::Do(Action::NewSticky), t(200));
    assert!(app.capture.is_some(), "the capture bar is open");
    update(&mut app, Msg::Paste(NASTY.into()), t(201));
    assert_neutralised(&render(&app), &["␛[31mRED␛[0m bell␇"], "capture bar");
    update(&mut app, Msg::Do(Action::Submit), t(202));
    let s = app.session().unwrap();
    assert!(
        s.stickies.iter().any(|x| x.text == NASTY),
        "the pasted sticky keeps its text byte for byte: {:?}",
        s.stickies.iter().map(|x| &x.text).collect::<Vec<_>>()
    );
}

#[test]
fn the_note_editor_shows_escapes_as_visible_symbols() {
    // A new note, the text pasted in.
    let mut app = app_on(Screen::Facilitate);
    update(&mut app, Msg::Do(Action::NewNote), t(200));
    assert!(app.editor.is_some(), "the note editor is open");
    update(&mut app, Msg::Paste(NASTY.into()), t(201));
    assert_neutralised(&render(&app), &[SHOWN], "note editor (new note)");

    // An existing note, edited.
    let mut app = app_on(Screen::Notes);
    update(&mut app, Msg::Do(Action::Edit), t(200));
    assert!(app.editor.is_some(), "the note editor is open");
    assert_neutralised(&render(&app), &[SHOWN], "note editor (editing)");
}

#[test]
fn a_note_saved_from_the_editor_keeps_escapes_byte_for_byte() {
    let mut app = app_on(Screen::Facilitate);
    update(&mut app, Msg::Do(Action::NewNote), t(200));
    update(&mut app, Msg::Paste(NASTY.into()), t(201));
    update(&mut app, Msg::Do(Action::Submit), t(202));
    assert!(app.editor.is_none(), "Ctrl-s saved the note");
    let s = app.session().unwrap();
    assert!(
        s.notes.iter().any(|n| n.text == NASTY),
        "the note keeps its text: {:?}",
        s.notes.iter().map(|n| &n.text).collect::<Vec<_>>()
    );
}

#[test]
fn the_file_keeps_escapes_byte_for_byte() {
    let s = session();
    let text = atelier::store::to_ron(&s).unwrap();
    assert!(
        !text
            .chars()
            .any(|c| raw(c) && c != '\u{202e}' && c != '\u{202c}'),
        "the file holds no raw control characters (they are escaped): {text:?}"
    );
    let back = atelier::store::load_str("escapes.ron", &text).unwrap();
    assert_eq!(
        back.stickies[0].text.as_bytes(),
        s.stickies[0].text.as_bytes()
    );
    assert_eq!(back.notes[0].text.as_bytes(), s.notes[0].text.as_bytes());
    assert_eq!(back, s);
    // And again: the same session, the same bytes.
    assert_eq!(atelier::store::to_ron(&back).unwrap(), text);
}

/// Whether an SGR sequence (`ESC [ ... m`) in `screen` sets the foreground
/// to red (31, 91, or 38;5;1 / 38;5;9).
fn sets_red_foreground(screen: &str) -> Option<String> {
    let mut rest = screen;
    while let Some(at) = rest.find("\x1b[") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            break;
        };
        if after[end..].starts_with('m') {
            let params: Vec<&str> = after[..end].split(';').collect();
            let mut i = 0;
            while i < params.len() {
                match params[i] {
                    "31" | "91" => return Some(format!("ESC[{}m", &after[..end])),
                    "38" if params.get(i + 1) == Some(&"5") => {
                        if matches!(params.get(i + 2), Some(&"1") | Some(&"9")) {
                            return Some(format!("ESC[{}m", &after[..end]));
                        }
                        i += 2;
                    }
                    "38" | "48" if params.get(i + 1) == Some(&"2") => i += 4,
                    "48" => i += 2,
                    _ => {}
                }
                i += 1;
            }
        }
        rest = &after[end..];
    }
    None
}

#[test]
fn escapes_pasted_in_a_real_terminal_show_as_symbols_and_change_no_colour() {
    if missing(Tool::Tmux) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let file = new_session(&home, "T");
    let tmux = Tmux::new(&home);
    // The app runs in a window that is not the current one, so that a bell
    // reaching the terminal raises tmux's bell flag.
    tmux.start("sleep 600");
    tmux.new_window("app", &open_then_record(&file, tmp.path()));
    read_pid(&tmp.path().join("pid"), &tmux);
    tmux.wait_for_in("app", &["Facilitation", "ready"]);
    tmux.keys_to("app", &["s"]);
    tmux.wait_for_in("app", &["New sticky"]);

    // A terminal paste (bracketed, as the app asks for): ESC and BEL as they are.
    let pasted = "\x1b[31mRED\x1b[0m bell\x07 bidi\u{202e}txet\u{202c} end";
    tmux.type_to("app", &format!("\x1b[200~{pasted}\x1b[201~"));
    let screen = tmux.wait_for_in("app", &["␛[31mRED␛[0m bell␇ bidi"]);
    assert!(
        !screen.contains('\u{202e}'),
        "the bidi override reached the terminal:\n{screen}"
    );
    tmux.keys_to("app", &["Enter"]);
    tmux.wait_for_in("app", &["· 1 added"]);
    tmux.keys_to("app", &["Escape"]);
    tmux.wait_until_in("app", "the capture bar to close", WAIT, |s| {
        !s.contains("New sticky")
    });
    tmux.type_to("app", "b");
    let screen = tmux.wait_for_in("app", &["Board", "␛[31mRED␛[0m"]);
    assert!(!screen.contains('\u{202e}'), "{screen}");

    let coloured = tmux.screen_with_escapes_of("app");
    let target = format!("{SESSION}:app");
    assert!(
        sets_red_foreground(&coloured).is_none(),
        "the pasted ESC[31m turned text red ({:?}); the screen with its escapes:\n{coloured:?}",
        sets_red_foreground(&coloured)
    );
    let out = tmux.run(&[
        "display-message",
        "-p",
        "-t",
        &target,
        "#{window_bell_flag}",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "0",
        "the pasted BEL rang the terminal's bell"
    );

    tmux.type_to("app", "q");
    assert_eq!(
        wait_for_file(&tmp.path().join("status"), WAIT, &tmux).trim(),
        "0",
        "atelier's exit status"
    );
    let s = load(&file);
    assert_eq!(
        sticky_texts(&s),
        vec![pasted.to_owned()],
        "the file keeps the pasted text byte for byte"
    );
}

//! A small, criterion-free driver for profilers: one scenario, a fixed
//! number of keypresses, nothing else. `cargo bench` runs it briefly as a
//! smoke test (every scenario, a few keys); to profile one, build with
//! `cargo bench --no-run` and run its binary under callgrind, collecting
//! only the keys:
//!
//! ```sh
//! valgrind --tool=callgrind --toggle-collect='*profile::press*' \
//!     target/release/deps/profile-HASH board 200x60 10000 200
//! callgrind_annotate --inclusive=yes callgrind.out.PID | head -60
//! ```
//!
//! Scenarios: `board`, `notes`, `facilitate` (Down/Up), `edit` (park a
//! sticky, then undo), `rebuild` (the same edits, the board index rebuilt
//! in full after each, as before issue 20), `search` (type a letter, then erase it); and, with
//! `--toggle-collect='*profile::serialize*'` or `'*profile::parse*'`,
//! `to_ron` (the session as the text of its file) and `load_str` (that
//! text loaded back), repeated instead of keys; `ron_to_string` and
//! `ron_from_str` are their floors (plain RON, same settings).
//!
//! Whole commands on a generated file (written first, outside what is
//! collected): `open` (`--toggle-collect='*profile::open*'`: `Store::open`,
//! the app and its first frame of the facilitation view, as `atelier open`
//! starts), `html` (`'*profile::html*'`: `atelier export --format html`)
//! and `fmt` (`'*profile::fmt*'`: `atelier fmt`, the floor of the HTML
//! export in issue 20), each run `keys` times.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atelier::app::state::Screen;
use atelier::app::{Action, App, Msg, update};
use atelier::generate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;
use std::time::Instant;

const SCENARIOS: [&str; 13] = [
    "board",
    "notes",
    "facilitate",
    "edit",
    "rebuild",
    "search",
    "to_ron",
    "load_str",
    "ron_to_string",
    "ron_from_str",
    "open",
    "html",
    "fmt",
];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.is_empty() {
        // Under `cargo bench`: a smoke run of every scenario.
        for s in SCENARIOS {
            run(s, 200, 60, 1_000, 20);
        }
        return;
    }
    let scenario = args[0].as_str();
    let (w, h) = args
        .get(1)
        .and_then(|s| s.split_once('x'))
        .map(|(w, h)| (w.parse().unwrap_or(200), h.parse().unwrap_or(60)))
        .unwrap_or((200, 60));
    let n = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let keys = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(200);
    run(scenario, w, h, n, keys);
}

fn run(scenario: &str, w: u16, h: u16, n: usize, keys: usize) {
    if matches!(scenario, "open" | "html" | "fmt") {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("generated.ron");
        let text = atelier::store::to_ron(&generate::session(n, common::SEED)).expect("serializes");
        std::fs::write(&path, text).expect("written");
        let start = Instant::now();
        for _ in 0..keys {
            match scenario {
                "open" => open(&path, dir.path(), w, h),
                "html" => html(&path, &dir.path().join("generated.html")),
                _ => fmt(&path),
            }
        }
        let each = start.elapsed() / keys.max(1) as u32;
        println!("{scenario} {n} stickies: {keys} times, {each:?} each");
        return;
    }
    if matches!(
        scenario,
        "to_ron" | "load_str" | "ron_to_string" | "ron_from_str"
    ) {
        let session = generate::session(n, common::SEED);
        let text = atelier::store::to_ron(&session).expect("serializes");
        let start = Instant::now();
        for _ in 0..keys {
            match scenario {
                "to_ron" => serialize(&session),
                "ron_to_string" => serialize_floor(&session),
                "load_str" => parse(&text),
                _ => parse_floor(&text),
            }
        }
        let each = start.elapsed() / keys.max(1) as u32;
        println!("{scenario} {n} stickies: {keys} times, {each:?} each");
        return;
    }
    let home = tempfile::tempdir().expect("a temporary folder");
    let screen = match scenario {
        "notes" => Screen::Notes,
        "facilitate" => Screen::Facilitate,
        _ => Screen::Board,
    };
    let mut app = common::app(generate::session(n, common::SEED), home.path(), screen);
    common::ready(&mut app);
    app.notes.selected = app.visible_notes().len() / 2;
    if scenario == "search" {
        update(&mut app, Msg::Do(Action::Search), common::now());
        for ch in "ecol".chars() {
            update(&mut app, key(KeyCode::Char(ch)), common::now());
        }
    }
    let msgs: [Msg; 2] = match scenario {
        "edit" | "rebuild" => [Msg::Do(Action::Park), Msg::Do(Action::Undo)],
        "search" => [key(KeyCode::Char('e')), key(KeyCode::Backspace)],
        _ => [Msg::Do(Action::Down), Msg::Do(Action::Up)],
    };
    let mut term = common::terminal(w, h);
    common::draw(&mut term, &app);
    let start = Instant::now();
    for i in 0..keys {
        if scenario == "rebuild" {
            // As before issue 20: every edit rebuilt the whole index.
            app.index.built_for = None;
            app.index.notes_for = None;
        }
        press(&mut app, &mut term, msgs[i % 2].clone());
    }
    let each = start.elapsed() / keys.max(1) as u32;
    println!("{scenario} {w}x{h} {n} stickies: {keys} keys, {each:?} each");
}

/// One key: update, then a frame. Profilers collect this function only.
#[inline(never)]
fn press(app: &mut App, term: &mut Terminal<TestBackend>, msg: Msg) {
    black_box(update(app, msg, common::now()));
    common::draw(term, app);
}

#[inline(never)]
fn serialize(session: &atelier::model::Session) {
    black_box(atelier::store::to_ron(black_box(session)).expect("serializes"));
}

#[inline(never)]
fn serialize_floor(session: &atelier::model::Session) {
    let pretty = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .escape_strings(false);
    black_box(ron::ser::to_string_pretty(black_box(session), pretty).expect("serializes"));
}

#[inline(never)]
fn parse_floor(text: &str) {
    black_box(ron::from_str::<atelier::model::Session>(black_box(text)).expect("parses"));
}

#[inline(never)]
fn parse(text: &str) {
    black_box(atelier::store::load_str("generated.ron", black_box(text)).expect("loads"));
}

/// `atelier open` up to its first frame: the store (load, lock, journal),
/// the app, the first update and frame of the facilitation view.
#[inline(never)]
fn open(path: &std::path::Path, home: &std::path::Path, w: u16, h: u16) {
    let (store, session) = atelier::store::Store::open(path).expect("opens");
    let mut app = common::app(session, home, Screen::Facilitate);
    update(&mut app, Msg::Tick, common::now());
    let mut term = common::terminal(w, h);
    common::draw(&mut term, &app);
    black_box((store, app, term));
}

/// `atelier export FILE --format html -o OUT`.
#[inline(never)]
fn html(path: &std::path::Path, out: &std::path::Path) {
    let mut sink = Vec::new();
    let ok = atelier::export::cli::export(
        path,
        atelier::export::Format::Html,
        Some(out),
        false,
        &mut sink,
    )
    .expect("exports");
    black_box(ok);
}

/// `atelier fmt FILE` on a file already in canonical form.
#[inline(never)]
fn fmt(path: &std::path::Path) {
    let mut sink = Vec::new();
    let ok = atelier::commands::fmt(
        &[path.to_path_buf()],
        &atelier::model::Zone::utc(),
        "en",
        &mut sink,
    )
    .expect("formats");
    black_box(ok);
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

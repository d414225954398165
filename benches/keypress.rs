//! One keypress: `update` plus a full frame drawn on a `TestBackend`, on
//! the board, the notes list and the facilitation view, at 80x24 and
//! 200x60, with 100 against 10,000 stickies (1,000 in between). Keys
//! alternate (Down/Up, Right/Left, Park/Undo) so the state stays bounded.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atelier::app::state::Screen;
use atelier::app::{Action, App, Msg, update};
use atelier::generate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

struct Case {
    name: &'static str,
    screen: Screen,
    keys: [Action; 2],
    /// Put the cursor where the key has work to do.
    place: fn(&mut App),
}

/// The cursor in the middle of the inbox (15% of the stickies).
fn mid_inbox(app: &mut App) {
    app.board.col = 0;
    app.board.row = app
        .index
        .columns
        .first()
        .map_or(0, |c| c.stickies.len() / 2);
}

/// The cursor on the first sticky of a cluster in the middle of the board.
fn mid_board(app: &mut App) {
    app.board.col = app.index.columns.len() / 2;
    app.board.row = 1;
}

fn mid_notes(app: &mut App) {
    app.notes.stage = 0;
    app.notes.selected = app.visible_notes().len() / 2;
}

fn agenda(app: &mut App) {
    app.facilitate.focus_agenda = true;
    app.facilitate.cursor = Some(2);
}

const CASES: [Case; 5] = [
    Case {
        name: "board_down",
        screen: Screen::Board,
        keys: [Action::Down, Action::Up],
        place: mid_inbox,
    },
    Case {
        name: "board_right",
        screen: Screen::Board,
        keys: [Action::Right, Action::Left],
        place: mid_board,
    },
    Case {
        // An edit: the selected sticky to the parking lot, then undone.
        // Both change the session, so the board's index is rebuilt.
        name: "board_park_undo",
        screen: Screen::Board,
        keys: [Action::Park, Action::Undo],
        place: mid_inbox,
    },
    Case {
        name: "notes_down",
        screen: Screen::Notes,
        keys: [Action::Down, Action::Up],
        place: mid_notes,
    },
    Case {
        name: "facilitate_down",
        screen: Screen::Facilitate,
        keys: [Action::Down, Action::Up],
        place: agenda,
    },
];

fn keypress(c: &mut Criterion) {
    let home = tempfile::tempdir().expect("a temporary folder");
    let sessions: Vec<_> = common::SIZES
        .iter()
        .map(|&n| (n, generate::session(n, common::SEED)))
        .collect();
    for case in &CASES {
        for (w, h) in [(80u16, 24u16), (200, 60)] {
            let mut g = c.benchmark_group(format!("keypress/{}/{w}x{h}", case.name));
            for (n, session) in &sessions {
                let mut app = common::app(session.clone(), home.path(), case.screen);
                // The first message builds the board's index.
                update(&mut app, Msg::Tick, common::now());
                (case.place)(&mut app);
                let mut term = common::terminal(w, h);
                common::draw(&mut term, &app);
                let mut flip = false;
                g.bench_function(BenchmarkId::from_parameter(n), |b| {
                    b.iter(|| {
                        flip = !flip;
                        let key = case.keys[usize::from(!flip)];
                        black_box(update(&mut app, Msg::Do(key), common::now()));
                        common::draw(&mut term, &app);
                    })
                });
            }
            g.finish();
        }
    }
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = keypress
}
criterion_main!(benches);

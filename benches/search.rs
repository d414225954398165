//! Search over all stickies and notes (accent-insensitive), at 100, 1,000
//! and 10,000 stickies:
//! - `fold_all`: folding every text and filtering, from nothing cached (what
//!   the first keystroke after an edit costs);
//! - `keystroke`: one more letter typed into the board's search bar (`/`),
//!   then erased: `update` (the board index rebuilt for the new query over
//!   the cached folded texts) plus a frame at 200x60;
//! - `floor_contains`: `str::contains` over texts already folded, the least
//!   any search can do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atelier::app::state::Screen;
use atelier::app::{Action, Msg, update};
use atelier::generate;
use atelier::model::text::fold;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;

const QUERY: &str = "ecole";

fn search(c: &mut Criterion) {
    let home = tempfile::tempdir().expect("a temporary folder");
    let mut g = c.benchmark_group("search");
    for n in common::SIZES {
        let session = generate::session(n, common::SEED);
        let texts: Vec<&str> = session
            .stickies
            .iter()
            .map(|x| x.text.as_str())
            .chain(session.notes.iter().map(|x| x.text.as_str()))
            .collect();
        g.bench_with_input(BenchmarkId::new("fold_all", n), &texts, |b, texts| {
            let q = fold(QUERY);
            b.iter(|| {
                texts
                    .iter()
                    .filter(|t| fold(black_box(t)).contains(&q))
                    .count()
            })
        });
        let folded: Vec<String> = texts.iter().map(|t| fold(t)).collect();
        g.bench_with_input(
            BenchmarkId::new("floor_contains", n),
            &folded,
            |b, folded| {
                b.iter(|| {
                    folded
                        .iter()
                        .filter(|t| black_box(t.as_str()).contains(QUERY))
                        .count()
                })
            },
        );

        let mut app = common::app(session.clone(), home.path(), Screen::Board);
        update(&mut app, Msg::Tick, common::now());
        update(&mut app, Msg::Do(Action::Search), common::now());
        // "ecol" typed; the benchmark types "e" and erases it, in turn.
        for ch in "ecol".chars() {
            update(&mut app, key(KeyCode::Char(ch)), common::now());
        }
        let mut term = common::terminal(200, 60);
        common::draw(&mut term, &app);
        let mut flip = false;
        g.bench_function(BenchmarkId::new("keystroke", n), |b| {
            b.iter(|| {
                flip = !flip;
                let code = if flip {
                    KeyCode::Char('e')
                } else {
                    KeyCode::Backspace
                };
                black_box(update(&mut app, key(code), common::now()));
                common::draw(&mut term, &app);
            })
        });
    }
    g.finish();
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = search
}
criterion_main!(benches);

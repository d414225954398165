//! A keypress while a 10,000-sticky session is being saved, next to the same
//! keypress with no save going on (issue 7: "a keypress during a save of a
//! 10,000-sticky session is drawn as fast as without one"). The save runs on
//! another thread, as the app's saver does: serialize, then write
//! atomically, over and over while the keys are measured.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atelier::app::state::Screen;
use atelier::app::{Action, Msg, update};
use atelier::{generate, store};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn contention(c: &mut Criterion) {
    let home = tempfile::tempdir().expect("a temporary folder");
    let session = generate::session(10_000, common::SEED);
    let mut g = c.benchmark_group("keypress_during_save/board_down/200x60/10000");
    for saving in [false, true] {
        let mut app = common::app(session.clone(), home.path(), Screen::Board);
        update(&mut app, Msg::Tick, common::now());
        app.board.row = app
            .index
            .columns
            .first()
            .map_or(0, |col| col.stickies.len() / 2);
        let mut term = common::terminal(200, 60);
        common::draw(&mut term, &app);
        let stop = Arc::new(AtomicBool::new(false));
        let saver = saving.then(|| {
            let (stop, snapshot) = (stop.clone(), Arc::new(session.clone()));
            let path = home.path().join("contention.ron");
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if let Ok(text) = store::to_ron(&snapshot) {
                        let _ = store::write_atomic(&path, text.as_bytes());
                    }
                }
            })
        });
        let mut flip = false;
        g.bench_function(if saving { "while_saving" } else { "no_save" }, |b| {
            b.iter(|| {
                flip = !flip;
                let key = if flip { Action::Down } else { Action::Up };
                black_box(update(&mut app, Msg::Do(key), common::now()));
                common::draw(&mut term, &app);
            })
        });
        stop.store(true, Ordering::Relaxed);
        if let Some(h) = saver {
            let _ = h.join();
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = contention
}
criterion_main!(benches);

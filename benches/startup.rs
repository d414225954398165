//! Start-up to the first frame on the demo session: read
//! `sessions/demo.ron`, load it, build the app (bundled library, default
//! keymap and theme) and draw the facilitation view at 120x40. The floor is
//! reading and loading the file alone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atelier::app::state::Screen;
use atelier::app::{Msg, update};
use atelier::store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn startup(c: &mut Criterion) {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/demo.ron");
    let home = tempfile::tempdir().expect("a temporary folder");
    let mut g = c.benchmark_group("startup");
    g.bench_function("demo_first_frame_120x40", |b| {
        b.iter(|| {
            let text = std::fs::read_to_string(&demo).expect("the demo");
            let session = store::load_str("demo.ron", &text).expect("loads");
            let mut app = common::app(session, home.path(), Screen::Facilitate);
            update(&mut app, Msg::Tick, common::now());
            let mut term = common::terminal(120, 40);
            common::draw(&mut term, &app);
            black_box(term);
        })
    });
    g.bench_function("floor_read_and_load", |b| {
        b.iter(|| {
            let text = std::fs::read_to_string(&demo).expect("the demo");
            store::load_str("demo.ron", black_box(&text)).expect("loads")
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = startup
}
criterion_main!(benches);

//! Exports of generated sessions (100, 1,000, 10,000 stickies) in every
//! format, next to their floor: saving the same session (`store::to_ron`
//! plus an atomic write). Target (issue 7): the HTML export of 10,000
//! stickies costs at most 3 times the save.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atelier::export::{Format, Options, export};
use atelier::generate;
use atelier::store;
use criterion::{BenchmarkId, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut criterion::Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("export");
    for n in common::SIZES {
        let session = generate::session(n, common::SEED);
        let path = dir.path().join(format!("s{n}.ron"));
        group.bench_with_input(BenchmarkId::new("floor_save", n), &session, |b, s| {
            b.iter(|| {
                let text = store::to_ron(black_box(s)).expect("serializes");
                store::write_atomic(&path, text.as_bytes()).expect("writes");
            })
        });
        let opts = Options {
            anonymize: false,
            ..Options::default()
        };
        for format in [
            Format::Html,
            Format::Md,
            Format::Csv,
            Format::Json,
            Format::Svg,
        ] {
            let out = dir.path().join(format!("s{n}.{}", format.extension()));
            group.bench_with_input(BenchmarkId::new(format.extension(), n), &session, |b, s| {
                b.iter(|| {
                    let text = export(format, black_box(s), &opts).expect("exports");
                    store::write_atomic(&out, text.as_bytes()).expect("writes");
                })
            });
        }
        let anon = Options {
            anonymize: true,
            ..Options::default()
        };
        let out = dir.path().join(format!("s{n}.anon.html"));
        group.bench_with_input(BenchmarkId::new("html_anonymized", n), &session, |b, s| {
            b.iter(|| {
                let text = export(Format::Html, black_box(s), &anon).expect("exports");
                store::write_atomic(&out, text.as_bytes()).expect("writes");
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = bench
}
criterion_main!(benches);

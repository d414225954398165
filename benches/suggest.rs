//! Cluster suggestions (`model::suggest`), the whole pipeline from texts to
//! titled suggestions, at the default threshold:
//! - `generated/N`: the stickies of `generate::session(N, 1)` (French, a
//!   small vocabulary, so most stickies share words with hundreds of
//!   others: the worst case for the similarity pass and the clustering);
//! - `labelled/N`: the labelled set of `tests/fixtures/suggest/` (200
//!   stickies in French and English), repeated to N, each copy numbered.
//!
//! The target: 2,000 stickies in under 200 ms on two cores.

use atelier::generate;
use atelier::model::Id;
use atelier::model::suggest::{DEFAULT_THRESHOLD, suggest};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn labelled(n: usize) -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/suggest/labelled.csv"
    );
    let mut reader = csv::Reader::from_path(path).expect("the labelled set");
    let texts: Vec<String> = reader
        .records()
        .map(|r| r.expect("a well-formed row")[2].to_owned())
        .collect();
    (0..n)
        .map(|i| format!("{} ({})", texts[i % texts.len()], i / texts.len()))
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("suggest");
    for n in [200, 2_000] {
        let session = generate::session(n, 1);
        let texts: Vec<(Id, &str)> = session
            .stickies
            .iter()
            .map(|s| (s.id.clone(), s.text.as_str()))
            .collect();
        g.bench_with_input(BenchmarkId::new("generated", n), &texts, |b, texts| {
            b.iter(|| suggest(black_box(texts), DEFAULT_THRESHOLD))
        });

        let owned = labelled(n);
        let texts: Vec<(Id, &str)> = owned
            .iter()
            .enumerate()
            .map(|(i, t)| (Id(i.to_string()), t.as_str()))
            .collect();
        g.bench_with_input(BenchmarkId::new("labelled", n), &texts, |b, texts| {
            b.iter(|| suggest(black_box(texts), DEFAULT_THRESHOLD))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    targets = bench
}
criterion_main!(benches);

//! Cluster suggestions (`model::suggest`), the whole pipeline from texts to
//! titled suggestions, at the default threshold:
//! - `generated/N`: the stickies of `generate::session(N, 1)` (French, a
//!   small vocabulary, so most stickies share words with hundreds of
//!   others: the worst case for the similarity pass and the clustering);
//! - `labelled/N`: the two labelled sets of `tests/fixtures/suggest/` (368
//!   stickies in French and English), repeated to N, each sticky given a
//!   word of its own (identical stickies would be clustered as one).
//!
//! The targets: 2,000 stickies in under 200 ms, 10,000 in under 2 s, on
//! two cores. Building the engine (the thesaurus indexed, once per run of
//! atelier) is measured apart.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atelier::generate;
use atelier::model::Id;
use atelier::model::suggest::{DEFAULT_THRESHOLD, Engine, Thesaurus, suggest};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn labelled(n: usize) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for name in ["labelled.csv", "spoken.csv"] {
        let path = format!(
            "{}/tests/fixtures/suggest/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let mut reader = csv::Reader::from_path(path).expect("the labelled set");
        texts.extend(
            reader
                .records()
                .map(|r| r.expect("a well-formed row")[2].to_owned()),
        );
    }
    (0..n)
        // Each copy with a word of its own, as every sticky has some aside:
        // no two stickies are the same.
        .map(|i| format!("{} (k{i})", texts[i % texts.len()]))
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("suggest");
    g.bench_function("engine", |b| {
        b.iter(|| Engine::new(black_box(Thesaurus::builtin()), None))
    });
    // Built once, as atelier does.
    let _ = Engine::builtin();
    for n in [200, 2_000, 10_000] {
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

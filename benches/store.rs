//! Loading and saving session files, each next to its floor:
//! - load (`store::load_str`: format sniffing, parse, validation) against a
//!   plain `ron::from_str` of the same text into the same types;
//! - save (`store::to_ron` + `store::write_atomic`: temporary file, fsync,
//!   rename, fsync of the folder) against plain `ron` pretty serialization
//!   (same settings, same bytes), `std::fs::write` and one `sync_all`; and,
//!   for reference, the same atomic protocol written by hand with std.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atelier::model::Session;
use atelier::{generate, store};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    for n in common::SIZES {
        let text = store::to_ron(&generate::session(n, common::SEED)).expect("serializes");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("load_str", n), &text, |b, text| {
            b.iter(|| store::load_str("generated.ron", black_box(text)).expect("loads"))
        });
        g.bench_with_input(
            BenchmarkId::new("floor_ron_from_str", n),
            &text,
            |b, text| b.iter(|| ron::from_str::<Session>(black_box(text)).expect("parses")),
        );
    }
    g.finish();
}

/// The pretty-printing `store::to_ron` uses, so that the floor writes the
/// same bytes (RON's default would escape every accent, and be slower).
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .escape_strings(false)
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut g = c.benchmark_group("save");
    for n in common::SIZES {
        let session = generate::session(n, common::SEED);
        let path = dir.path().join(format!("s{n}.ron"));
        let floor_path = dir.path().join(format!("floor{n}.ron"));
        let std_path = dir.path().join(format!("std{n}.ron"));
        let std_tmp = dir.path().join(format!(".std{n}.ron.tmp"));
        g.bench_with_input(
            BenchmarkId::new("to_ron+write_atomic", n),
            &session,
            |b, s| {
                b.iter(|| {
                    let text = store::to_ron(black_box(s)).expect("serializes");
                    store::write_atomic(&path, text.as_bytes()).expect("written");
                })
            },
        );
        g.bench_with_input(
            BenchmarkId::new("floor_ron+write+fsync", n),
            &session,
            |b, s| {
                b.iter(|| {
                    let text =
                        ron::ser::to_string_pretty(black_box(s), pretty()).expect("serializes");
                    std::fs::write(&floor_path, text.as_bytes()).expect("written");
                    std::fs::File::open(&floor_path)
                        .and_then(|f| f.sync_all())
                        .expect("synced");
                })
            },
        );
        // The same atomic protocol by hand with std (temporary file, fsync,
        // rename, fsync of the folder): what atomicity itself costs.
        g.bench_with_input(
            BenchmarkId::new("ref_ron+std_atomic", n),
            &session,
            |b, s| {
                b.iter(|| {
                    let text =
                        ron::ser::to_string_pretty(black_box(s), pretty()).expect("serializes");
                    let mut f = std::fs::File::create(&std_tmp).expect("created");
                    f.write_all(text.as_bytes()).expect("written");
                    f.sync_all().expect("synced");
                    drop(f);
                    std::fs::rename(&std_tmp, &std_path).expect("renamed");
                    std::fs::File::open(dir.path())
                        .and_then(|d| d.sync_all())
                        .expect("folder synced");
                })
            },
        );
        // Serialization alone, without the disk.
        g.bench_with_input(BenchmarkId::new("to_ron", n), &session, |b, s| {
            b.iter(|| store::to_ron(black_box(s)).expect("serializes"))
        });
        g.bench_with_input(
            BenchmarkId::new("floor_ron_to_string_pretty", n),
            &session,
            |b, s| {
                b.iter(|| ron::ser::to_string_pretty(black_box(s), pretty()).expect("serializes"))
            },
        );
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = load, save
}
criterion_main!(benches);

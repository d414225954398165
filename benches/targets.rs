//! The targets of issue 20 that the export and store layers own, each
//! printed with its ratio (`cargo bench --bench targets`):
//!
//! - the HTML export of a 10,000-sticky session costs at most 1.5x
//!   `atelier fmt` on the same file;
//! - the SVG of the board gives every sticky's full text in a `<title>`;
//! - a 100,000-sticky session opens to its first frame in under 0.5 s,
//!   with a peak memory under 3x the file's size (measured in a child
//!   process of this binary, so that generating the session does not count);
//! - a save (`Store::save_generation`, what the saver thread runs) costs at
//!   most 1.3x bare serialization plus one write and fsync; the floor that
//!   keeps the save atomic (temporary file, fsync, rename, fsync of the
//!   folder) is printed beside it.
//!
//! Times are medians of a few runs of wall-clock time: on a shared machine
//! they move by 10 to 20% between runs (see BENCHMARKS.md, which has the
//! callgrind counts of `benches/profile.rs` as well).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atelier::app::state::Screen;
use atelier::app::{Msg, update};
use atelier::export::{Format, Options};
use atelier::store::{self, Store};
use atelier::{commands, generate};
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let [child, path] = args.as_slice()
        && child == "open-child"
    {
        open_child(Path::new(path));
        return;
    }
    let filter = args.first().cloned().unwrap_or_default();
    let dir = tempfile::tempdir().expect("a temporary folder");
    if "export".contains(&filter) || filter.is_empty() {
        export(dir.path());
    }
    if "svg".contains(&filter) || filter.is_empty() {
        svg_titles();
    }
    if "open".contains(&filter) || filter.is_empty() {
        open(dir.path());
    }
    if "save".contains(&filter) || filter.is_empty() {
        for n in [10_000, 100_000] {
            save(dir.path(), n);
        }
    }
}

/// The median wall-clock time of `runs` runs of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "MISSED" }
}

fn write_session(dir: &Path, n: usize) -> std::path::PathBuf {
    let path = dir.join(format!("s{n}.ron"));
    let text = store::to_ron(&generate::session(n, common::SEED)).expect("serializes");
    std::fs::write(&path, text).expect("written");
    path
}

fn export(dir: &Path) {
    let path = write_session(dir, 10_000);
    let out = dir.join("s10000.html");
    let mut sink = Vec::new();
    let zone = atelier::model::Zone::utc();
    let fmt = median(7, || {
        black_box(
            commands::fmt(std::slice::from_ref(&path), &zone, "en", &mut sink).expect("formats"),
        );
    });
    let html = median(7, || {
        black_box(
            atelier::export::cli::export(&path, Format::Html, Some(&out), false, &mut sink)
                .expect("exports"),
        );
    });
    let ratio = html.as_secs_f64() / fmt.as_secs_f64();
    println!(
        "export html, 10,000 stickies: {} against `atelier fmt` {}: {ratio:.2}x (target <= 1.5x: {})",
        ms(html),
        ms(fmt),
        verdict(ratio <= 1.5)
    );
}

fn svg_titles() {
    let session = generate::session(10_000, common::SEED);
    let svg = atelier::export::export(Format::Svg, &session, &Options::default()).expect("exports");
    let titled = session
        .stickies
        .iter()
        .filter(|x| {
            let text = atelier::export::text::clean(&x.text);
            let title = format!("<title>{}", atelier::export::text::xml(text.trim()));
            svg.contains(&title)
        })
        .count();
    println!(
        "svg, 10,000 stickies: {titled} of {} stickies have their full text in a <title> (target: all: {})",
        session.stickies.len(),
        verdict(titled == session.stickies.len())
    );
}

/// In a child process: open the file as `atelier open` does up to the
/// first frame, then print the time it took and the peak memory.
fn open_child(path: &Path) {
    let home = tempfile::tempdir().expect("a temporary folder");
    let start = Instant::now();
    let (store, session) = Store::open(path).expect("opens");
    let mut app = common::app(session, home.path(), Screen::Facilitate);
    update(&mut app, Msg::Tick, common::now());
    let mut term = common::terminal(200, 60);
    common::draw(&mut term, &app);
    let took = start.elapsed();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    println!("{} {peak_kb}", took.as_micros());
    black_box((store, app, term));
}

fn open(dir: &Path) {
    let path = write_session(dir, 100_000);
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let exe = std::env::current_exe().expect("this benchmark");
    let mut runs: Vec<(u64, u64)> = (0..3)
        .filter_map(|_| {
            let out = std::process::Command::new(&exe)
                .arg("open-child")
                .arg(&path)
                .output()
                .ok()?;
            let text = String::from_utf8_lossy(&out.stdout);
            let (us, kb) = text.trim().split_once(' ')?;
            Some((us.parse().ok()?, kb.parse().ok()?))
        })
        .collect();
    runs.sort();
    let Some(&(us, kb)) = runs.get(runs.len() / 2) else {
        println!("open, 100,000 stickies: the child process failed");
        return;
    };
    let secs = us as f64 / 1e6;
    let times = (kb * 1024) as f64 / size as f64;
    println!(
        "open, 100,000 stickies ({:.1} MB): first frame in {secs:.3} s (target < 0.5 s: {}); \
         peak memory {:.1} MB, {times:.2}x the file (target < 3x: {})",
        size as f64 / 1e6,
        verdict(secs < 0.5),
        (kb * 1024) as f64 / 1e6,
        verdict(times < 3.0)
    );
}

/// The pretty-printing `store::to_ron` uses (same bytes).
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .escape_strings(false)
}

fn save(dir: &Path, n: usize) {
    let path = write_session(dir, n);
    let (mut st, mut session) = Store::open(&path).expect("opens");
    let title = session.title.clone();
    let mut k = 0_u64;
    let runs = if n > 10_000 { 3 } else { 7 };
    // Each save has something new to write (the title alternates).
    let saved = median(runs, || {
        k += 1;
        session.title = if k.is_multiple_of(2) {
            title.clone()
        } else {
            format!("{title}.")
        };
        black_box(st.save_generation(&session, k).expect("saves"));
    });
    let floor_path = dir.join(format!("floor{n}.ron"));
    let floor = median(runs, || {
        let text = ron::ser::to_string_pretty(&session, pretty()).expect("serializes");
        std::fs::write(&floor_path, text.as_bytes()).expect("written");
        std::fs::File::open(&floor_path)
            .and_then(|f| f.sync_all())
            .expect("synced");
    });
    let atomic_path = dir.join(format!("atomic{n}.ron"));
    let tmp = dir.join(format!(".atomic{n}.ron.tmp"));
    let atomic = median(runs, || {
        let text = ron::ser::to_string_pretty(&session, pretty()).expect("serializes");
        let mut f = std::fs::File::create(&tmp).expect("created");
        f.write_all(text.as_bytes()).expect("written");
        f.sync_all().expect("synced");
        drop(f);
        std::fs::rename(&tmp, &atomic_path).expect("renamed");
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .expect("folder synced");
    });
    let r = saved.as_secs_f64() / floor.as_secs_f64();
    let ra = saved.as_secs_f64() / atomic.as_secs_f64();
    println!(
        "save, {n} stickies: {} against serialize + write + fsync {}: {r:.2}x (target <= 1.3x: {}); \
         against serialize + the atomic protocol {}: {ra:.2}x ({})",
        ms(saved),
        ms(floor),
        verdict(r <= 1.3),
        ms(atomic),
        verdict(ra <= 1.3)
    );
}

//! Shared by the tests that check the HTML pages with the tools a publisher
//! would use: headless Chromium (axe-core's accessibility rules, printing to
//! PDF), the W3C Nu HTML checker (`vnu.jar`, run with java) and poppler's
//! `pdftotext`.
//!
//! `tests/tools/package.json` pins the npm packages (`axe-core`, `vnu-jar`);
//! `.ci/run` installs them with `npm ci` and installs java, Chromium and
//! poppler-utils with apt. Without one of them a test prints
//! `SKIPPED test: …` (through `skip_support`) and passes, except under
//! `ATELIER_REQUIRE_TOOLS=1` (CI sets it), where a missing tool is a failure.
#![allow(dead_code)]

use crate::export_support::{demo, demo_day, hostile, opts};
use atelier::export::report::{Entry, report};
use atelier::export::{self, Format};
use atelier::model::Session;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub use crate::skip_support::CHROMIUM;

/// Where `npm ci` puts the checkers (`tests/tools/node_modules`).
pub fn node_modules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/node_modules")
}

/// `path` when it exists; otherwise the test skips, visibly (or fails
/// under `ATELIER_REQUIRE_TOOLS=1`, as in CI).
fn need(path: PathBuf, install: &str) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    crate::skip_support::skip_for(
        &path.display().to_string(),
        &format!("get it: {install}"),
        "missing",
    );
    None
}

/// Whether `program --version` (or `-v`) runs; otherwise says why the
/// test skips.
fn need_program(program: &str, arg: &str, install: &str) -> bool {
    let ok = Command::new(program)
        .arg(arg)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        crate::skip_support::skip_for(program, &format!("install it: {install}"), "not installed");
    }
    ok
}

/// Chromium, when it is there (`skip_support`'s test for it).
pub fn chromium() -> Option<&'static Path> {
    let missing = crate::skip_support::missing(crate::skip_support::Tool::Chromium);
    (!missing).then(|| Path::new(CHROMIUM))
}

/// `vnu.jar`, when both it and java are there.
pub fn vnu_jar() -> Option<PathBuf> {
    let jar = need(
        node_modules().join("vnu-jar/build/dist/vnu.jar"),
        "npm ci --ignore-scripts --prefix tests/tools",
    )?;
    need_program("java", "-version", "apt-get install default-jre-headless").then_some(jar)
}

/// What the Nu checker (`jar`) says of `files`: every message of its JSON
/// report, notes included. With `langdetect`, it also guesses each page's
/// language from its text and warns when the `lang` attribute says
/// otherwise.
pub fn vnu_messages(jar: &Path, files: &[PathBuf], langdetect: bool) -> Vec<serde_json::Value> {
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--format", "json", "--exit-zero-always"])
        .args((!langdetect).then_some("--no-langdetect"))
        .args(files)
        .output()
        .expect("java runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The checker writes its findings on standard error.
    let report: serde_json::Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    report["messages"]
        .as_array()
        .expect("a list of messages")
        .clone()
}

pub fn axe_js() -> Option<PathBuf> {
    need(
        node_modules().join("axe-core/axe.min.js"),
        "npm ci --ignore-scripts --prefix tests/tools",
    )
}

pub fn pdftotext() -> bool {
    need_program("pdftotext", "-v", "apt-get install poppler-utils")
}

/// Run headless Chromium on `url` with `args` (scrollbars hidden), which
/// must succeed: its standard output.
pub fn run_chromium(dir: &Path, args: &[String], url: &str) -> String {
    let mut all = vec!["--hide-scrollbars"];
    all.extend(args.iter().map(String::as_str));
    all.push(url);
    crate::support::chromium::output(Path::new(CHROMIUM), dir, &all)
}

pub fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A copy of the demo in `lang`.
pub fn demo_in(lang: &str) -> Session {
    let mut s = demo();
    s.language = Some(lang.to_owned());
    s
}

/// Every kind of HTML page the project writes, as (file name, HTML): the
/// summary in French and English, anonymized or not, with hostile text in
/// every field, of an empty session and of a board whose groups belong to
/// no stage; the programme report's index and pages, anonymized or not.
/// The pages named `*.en.*` are English copies of the French demo: English
/// words around French texts.
pub fn pages() -> Vec<(String, String)> {
    let html =
        |s: &Session, anonymize: bool| export::export(Format::Html, s, &opts(anonymize)).unwrap();
    let mut loose = demo_in("en");
    for c in &mut loose.clusters {
        c.stage = None;
    }
    let mut pages = vec![
        ("demo.fr.html".to_owned(), html(&demo_in("fr"), false)),
        ("demo.en.html".to_owned(), html(&demo_in("en"), false)),
        (
            "demo.fr.anonymized.html".to_owned(),
            html(&demo_in("fr"), true),
        ),
        (
            "demo.en.anonymized.html".to_owned(),
            html(&demo_in("en"), true),
        ),
        ("hostile.html".to_owned(), html(&hostile(), false)),
        ("hostile.anonymized.html".to_owned(), html(&hostile(), true)),
        (
            "empty.html".to_owned(),
            html(&Session::new(atelier::model::Id::new(), "Vide"), false),
        ),
        ("loose.en.html".to_owned(), html(&loose, false)),
    ];
    // The run-sheet: the planned day, one with no start time, hostile
    // text, an empty agenda.
    let runsheet = |s: &Session, anonymize: bool| {
        export::export(Format::Runsheet, s, &opts(anonymize)).unwrap()
    };
    let day_in = |lang: &str| {
        let mut s = demo_day();
        s.language = Some(lang.to_owned());
        s
    };
    let mut hostile_day = hostile();
    hostile_day.start = demo_day().start;
    hostile_day.agenda.insert(
        1,
        atelier::model::Stage::new_break(
            crate::export_support::HOSTILE,
            15,
            &mut atelier::model::Ids::seeded(1),
        ),
    );
    pages.extend([
        (
            "runsheet.fr.html".to_owned(),
            runsheet(&day_in("fr"), false),
        ),
        (
            "runsheet.en.html".to_owned(),
            runsheet(&day_in("en"), false),
        ),
        (
            "runsheet.fr.anonymized.html".to_owned(),
            runsheet(&day_in("fr"), true),
        ),
        (
            "runsheet.nostart.fr.html".to_owned(),
            runsheet(&demo_in("fr"), false),
        ),
        (
            "runsheet.hostile.html".to_owned(),
            runsheet(&hostile_day, false),
        ),
        (
            "runsheet.empty.html".to_owned(),
            runsheet(
                &Session::new(atelier::model::Id::from("vide"), "Vide"),
                false,
            ),
        ),
    ]);
    let mut undated = hostile();
    undated.date = None;
    let entries = vec![
        Entry {
            file: "demo.ron".into(),
            session: demo(),
        },
        Entry {
            file: "hostile.ron".into(),
            session: undated,
        },
        Entry {
            file: "empty.ron".into(),
            session: Session::new(atelier::model::Id::new(), "Vide"),
        },
    ];
    for anonymize in [false, true] {
        let prefix = if anonymize {
            "report-anonymized"
        } else {
            "report"
        };
        let r = report(&entries, &opts(anonymize)).unwrap();
        pages.push((format!("{prefix}.index.html"), r.index));
        for (name, page) in r.pages {
            pages.push((format!("{prefix}.{name}"), page));
        }
    }
    pages
}

/// `pages` written into `dir`; their paths.
pub fn write_pages(dir: &Path, pages: &[(String, String)]) -> Vec<PathBuf> {
    pages
        .iter()
        .map(|(name, html)| {
            let path = dir.join(name);
            std::fs::write(&path, html).unwrap();
            path
        })
        .collect()
}

/// A workshop holding what the demo lacks, so that every part of the page
/// is checked: prototypes of each verdict (and none), photos shown, a video
/// and an audio recording linked, a web link, a photo gone missing and one
/// altered since it was attached, and a review comment. Exported by the
/// binary itself (which reads the media) as a page, anonymized with its
/// media, and as a `--bundle`: (file name, HTML) of each.
pub fn showcase_pages(w: &crate::media_support::Workshop) -> Vec<(String, String)> {
    use crate::media_support::{PROTOTYPE, photo};
    use atelier::model::{Comment, Id, Prototype, Timestamp, Verdict};
    let (mut store, mut s) = atelier::store::Store::open(&w.file).unwrap();
    for (i, verdict) in [Some(Verdict::Change), Some(Verdict::Drop), None]
        .into_iter()
        .enumerate()
    {
        s.prototypes.push(Prototype {
            id: Id::from(format!("prototype-{i}").as_str()),
            name: format!("Prototype {i}"),
            stage: None,
            tests: "Whether it works".into(),
            hypothesis: "We believe that it does".into(),
            feedback: vec!["Seen by three people".into()],
            verdict,
        });
    }
    s.comments.push(Comment {
        id: Id::from("comment-showcase"),
        about: Some(Id::from(PROTOTYPE)),
        author: "Reviewer".into(),
        text: "Check the opening hours first.".into(),
        time: Timestamp::parse("2026-07-12T08:00:00Z").unwrap(),
    });
    store.save(&s).unwrap();
    drop(store);
    let note = s.notes[0].id.as_str().to_owned();
    let stage = s.agenda[0].id.as_str().to_owned();
    let files = w.path("files");
    std::fs::create_dir_all(&files).unwrap();
    let file = |name: &str| files.join(name);
    photo(&file("wall.jpg"), 640, 480, 1);
    photo(&file("door.png"), 320, 240, 2);
    photo(&file("gone.jpg"), 320, 240, 3);
    photo(&file("changed.jpg"), 320, 240, 4);
    std::fs::write(file("clip.mp4"), b"not much of a video").unwrap();
    std::fs::write(file("voice.mp3"), b"not much of a recording").unwrap();
    w.attach(&[&file("wall.jpg")], Some(PROTOTYPE), "The wall");
    w.attach(&[&file("door.png")], None, "The door");
    w.attach(&[&file("clip.mp4")], Some(&stage), "Opening");
    w.attach(&[&file("voice.mp3")], Some(&note), "A voice");
    w.ok(&[
        "attach",
        "demo.ron",
        "https://example.org/board",
        "--caption",
        "The board online",
    ]);
    w.attach(&[&file("gone.jpg")], None, "Gone");
    w.attach(&[&file("changed.jpg")], None, "Changed");
    let s = w.session();
    let stored = |caption: &str| {
        let a = s.attachments.iter().find(|a| a.caption == caption).unwrap();
        w.path(&a.path)
    };
    std::fs::remove_file(stored("Gone")).unwrap();
    std::fs::write(stored("Changed"), b"altered").unwrap();
    let mut pages = Vec::new();
    for (name, extra) in [
        ("showcase.html", &[][..]),
        (
            "showcase.anonymized.html",
            &["--anonymize", "--with-media"][..],
        ),
    ] {
        let out = w.path(name);
        let out_arg = out.display().to_string();
        let mut args = vec!["export", "demo.ron", "--format", "html", "-o", &out_arg];
        args.extend(extra);
        w.ok(&args);
        pages.push((name.to_owned(), std::fs::read_to_string(&out).unwrap()));
    }
    w.ok(&["export", "demo.ron", "--format", "html", "--bundle", "site"]);
    let bundle = std::fs::read_to_string(w.path("site/index.html")).unwrap();
    pages.push(("showcase.bundle.html".to_owned(), bundle));
    pages
}

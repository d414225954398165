//! The corpus of bad session files in `tests/fixtures/bad/`: each gives a
//! clear error that names `FILE:line:column:` and says what was expected (or
//! loads, for the BOM and CRLF files); none panics; no file is changed by
//! loading or checking it.
//!
//! To add a case: drop the file in `tests/fixtures/bad/` and add a row to
//! `CASES`. A file without a row (or a row without a file) fails
//! `every_file_has_a_row`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use atelier::store;
use std::path::{Path, PathBuf};
use std::process::Output;

enum Expect {
    /// An error at `line:col` whose message contains the text.
    Error(usize, usize, &'static str),
    /// The file loads.
    Loads,
}
use Expect::*;

#[rustfmt::skip]
const CASES: &[(&str, Expect)] = &[
    ("empty.ron",                   Error(1, 1, "the file is empty: expected a session")),
    ("whitespace.ron",              Error(1, 1, "the file is empty: expected a session")),
    // What some editors save for an empty UTF-8 file.
    ("bom-only.ron",                Error(1, 1, "the file is empty: expected a session")),
    ("binary-png.ron",              Error(1, 1, "this is not UTF-8 text")),
    ("zeroed.ron",                  Error(1, 1, "this looks like a binary file")),
    ("nul-inside.ron",              Error(33, 25, "this looks like a binary file")),
    ("invalid-utf8.ron",            Error(33, 23, "this is not UTF-8 text")),
    // Cut in the middle of a text, then between two items.
    ("truncated.ron",               Error(135, 19, "is it truncated?")),
    ("truncated-between-items.ron", Error(153, 7, "the file ends too early")),
    ("format-99.ron",               Error(3, 5, "format version 99 is newer than this atelier knows")),
    ("format-0.ron",                Error(3, 5, "format version 0 does not exist: expected 1 or more")),
    ("format-huge.ron",             Error(3, 13, "Integer is out of bounds")),
    ("duplicate-id.ron",            Error(81, 18, "duplicate id \"0196a1b2-0000-7000-8000-000000000040\"")),
    // The duplicate comes after a reference to the first item: the position
    // is the second definition, not the reference.
    ("duplicate-id-after-reference.ron",
                                    Error(107, 18, "duplicate id \"0196a1b2-0000-7000-8000-000000000040\"")),
    ("dangling-author.ron",         Error(62, 27, "`author` refers to \"0196a1b2-0000-7000-8000-000000000019\", but no participant")),
    ("dangling-cluster.ron",        Error(75, 28, "`cluster` refers to \"0196a1b2-0000-7000-8000-000000000059\", but no cluster")),
    ("dangling-stage.ron",          Error(83, 26, "`stage` refers to \"0196a1b2-0000-7000-8000-000000000029\", but no stage")),
    ("dangling-round.ron",          Error(99, 21, "`round` refers to \"0196a1b2-0000-7000-8000-000000000069\", but no voting round")),
    ("dangling-run-step.ron",       Error(54, 21, "`run.step` refers to \"0196a1b2-0000-7000-8000-000000000022\", but no step")),
    // The target names a sticky's id as a cluster: the position is the
    // vote's target, not the sticky that has the id.
    ("dangling-vote-target.ron",    Error(101, 30, "`target` refers to \"0196a1b2-0000-7000-8000-000000000040\", but no cluster")),
    ("nested-brackets.ron",         Error(1, 1, "Expected opening `(` for struct `Session`")),
    ("nested-brackets-deep.ron",    Error(55, 58, "Unexpected field named `extra` in `Running`")),
    ("bom.ron",                     Loads),
    ("crlf.ron",                    Loads),
    ("bom-crlf.ron",                Loads),
    // Positions in a CRLF file count lines as a text editor does.
    ("crlf-bad.ron",                Error(20, 19, "Unexpected variant named `Mayor` in enum `Role`")),
    ("unknown-field.ron",           Error(5, 5, "Unexpected field named `titel` in `Session`, expected one of `format`, `id`, `title`")),
    ("wrong-type.ron",              Error(39, 29, "Expected integer")),
    ("missing-field.ron",           Error(26, 9, "missing field named `role` in `Participant`")),
    ("bad-time.ron",                Error(65, 20, "expected a time in RFC 3339 form such as \"2026-06-12T07:30:00Z\", found \"14/03/2026 10:12\"")),
    ("bad-date.ron",                Error(110, 35, "expected a date such as \"2026-06-12\", found \"2026-02-30\"")),
    ("date-without-some.ron",       Error(11, 10, "expected `None` or `Some(...)`")),
    ("unknown-variant.ron",         Error(20, 19, "Unexpected variant named `Mayor` in enum `Role`, expected one of `CivilServant`")),
    ("merge-conflict.ron",          Error(108, 1, "git conflict markers")),
    ("two-sessions.ron",            Error(114, 2, "trailing characters")),
    // Hand-written on few lines: columns count characters, not bytes.
    ("accents-before-error.ron",    Error(1, 85, "Unexpected variant named `Publique` in enum `Origin`")),
    ("one-line-dangling.ron",       Error(2, 46, "`author` refers to \"ghost\", but no participant")),
    // Every kind of field with a wrong type or value.
    ("huge-minutes.ron",            Error(47, 30, "expected a whole number from 0 to 4294967295")),
    ("negative-votes.ron",          Error(177, 21, "expected a whole number from 0 to 4294967295")),
    ("colour-number.ron",           Error(128, 21, "a colour such as `Yellow`")),
    ("tags-string.ron",             Error(118, 18, "a list in square brackets")),
    ("dots-text.ron",               Error(166, 18, "a whole number such as `3` goes here")),
    ("id-number.ron",               Error(4, 8, "a text in double quotes")),
    ("format-string.ron",           Error(3, 12, "a whole number such as `3` goes here")),
    ("participants-not-a-list.ron", Error(18, 18, "a list in square brackets")),
    // Missing sections: the required ones are named; the others default.
    ("missing-challenge.ron",       Error(200, 1, "missing field named `challenge` in `Session`")),
    ("minimal-sections.ron",        Loads),
    // Line ends of every family load.
    ("mixed-line-ends.ron",         Loads),
    ("cr-only.ron",                 Loads),
];

fn bad_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

fn listing(dir: &Path) -> Vec<String> {
    support::file_names(dir)
}

/// Assert that `shown` (an error's Display for `path`) matches `expect`.
fn assert_error(path: &Path, shown: &str, expect: &Expect) {
    let file = path.display().to_string();
    match expect {
        Error(line, col, msg) => {
            let head = format!("{file}:{line}:{col}: ");
            assert!(
                shown.starts_with(&head),
                "{file}: expected the error to start with {head:?}, got:\n{shown}"
            );
            assert!(shown.contains(msg), "{file}: expected {msg:?} in:\n{shown}");
            // Only a file cut short is asked about being truncated.
            let cut = path.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with("truncated") || n.contains("unterminated")
            });
            assert_eq!(shown.contains("truncated"), cut, "{file}: {shown}");
        }
        Loads => panic!("{file} should load, got:\n{shown}"),
    }
    assert!(
        !shown.contains('\n'),
        "{file}: a one-line error, got:\n{shown}"
    );
}

#[test]
fn every_file_has_a_row() {
    let files: Vec<String> = listing(&bad_dir())
        .into_iter()
        .filter(|n| !n.starts_with('.'))
        .collect();
    let mut rows: Vec<String> = CASES.iter().map(|(n, _)| n.to_string()).collect();
    rows.sort();
    assert_eq!(files, rows, "tests/fixtures/bad/ and CASES differ");
}

#[test]
fn each_bad_file_gives_its_error_and_stays_unchanged() {
    let dir = bad_dir();
    let files_before = listing(&dir);
    for (name, expect) in CASES {
        let path = dir.join(name);
        let before = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| store::load_file(&path))
            .unwrap_or_else(|_| panic!("{name}: load_file panicked"));
        match (result, expect) {
            (Ok(session), Loads) if *name == "minimal-sections.ron" => {
                assert_eq!(session.title, "Seulement le titre");
                assert!(session.stickies.is_empty() && session.agenda.is_empty());
            }
            (Ok(session), Loads) => {
                assert_eq!(session.title, "Atelier mobilité : la rue de l'école");
                // The escaped newline of a text is a newline, CRLF or not.
                assert_eq!(session.stickies[0].text, "Une rue aux enfants\nle vendredi");
                assert!(!session.challenge.statement.contains('\r'));
            }
            (Ok(_), _) => panic!("{name}: loaded, but should not"),
            (Err(e), expect) => assert_error(&path, &e.to_string(), expect),
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{name} was changed by load_file"
        );

        let mut out = Vec::new();
        let ok = atelier::commands::check(std::slice::from_ref(&path), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        match expect {
            Loads => {
                assert!(ok, "{name}: {out}");
                assert_eq!(out, format!("{}: ok\n", path.display()));
            }
            _ => {
                assert!(!ok, "{name}: check said ok");
                assert_error(&path, out.trim_end_matches('\n'), expect);
            }
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{name} was changed by check"
        );
    }
    // No lock file, temp file or copy was left beside the corpus.
    assert_eq!(listing(&dir), files_before);
}

/// The good variants hold the same session as the plain file they were made
/// from, so a BOM or CRLF changes nothing but the bytes.
#[test]
fn bom_and_crlf_load_the_same_session() {
    let dir = bad_dir();
    let bom = store::load_file(&dir.join("bom.ron")).unwrap();
    let crlf = store::load_file(&dir.join("crlf.ron")).unwrap();
    let both = store::load_file(&dir.join("bom-crlf.ron")).unwrap();
    assert_eq!(bom, crlf);
    assert_eq!(bom, both);
    // The fixtures really hold what their names say (guards against a
    // checkout that converted line ends).
    let crlf_bytes = std::fs::read(dir.join("crlf.ron")).unwrap();
    assert!(crlf_bytes.windows(2).filter(|w| w == b"\r\n").count() > 100);
    assert!(
        std::fs::read(dir.join("bom.ron"))
            .unwrap()
            .starts_with(b"\xef\xbb\xbf")
    );
}

/// A BOM file saved by atelier loses its BOM, and a CRLF file its CRs: the
/// canonical form is UTF-8 without BOM, with LF.
#[test]
fn saving_a_bom_crlf_file_writes_the_canonical_form() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("s.ron");
    std::fs::copy(bad_dir().join("bom-crlf.ron"), &path).unwrap();
    let (mut st, session) = store::Store::open(&path).unwrap();
    assert_eq!(st.save(&session).unwrap(), store::Saved::Written);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(store::HEADER.as_bytes()));
    assert!(!bytes.contains(&b'\r'));
    assert_eq!(store::load_file(&path).unwrap(), session);
}

const FIFTY_MB: usize = 50 * 1024 * 1024;

fn big_title_session(title_body: &str, close: bool) -> String {
    format!(
        "{}(\n    format: 2,\n    id: \"0196a1b2-0000-7000-8000-000000000001\",\n    title: \"{title_body}{}",
        store::HEADER,
        if close {
            "\",\n    challenge: (\n        statement: \"\",\n        origin: Public,\n    ),\n)\n"
        } else {
            ""
        }
    )
}

/// A 50 MB text is a valid session (it loads, whole), and a 50 MB text cut
/// before its closing quote is an error at the quote, not a hang or a crash.
/// Generated at test time so that the repository does not carry 50 MB.
#[test]
fn fifty_megabyte_string() {
    let tmp = tempfile::tempdir().unwrap();
    let body = "é".repeat(FIFTY_MB / 2);

    let good = tmp.path().join("big.ron");
    std::fs::write(&good, big_title_session(&body, true)).unwrap();
    let s = store::load_file(&good).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.title.len(), FIFTY_MB);

    let bad = tmp.path().join("big-unterminated.ron");
    std::fs::write(&bad, big_title_session(&body, false)).unwrap();
    let before = std::fs::metadata(&bad).unwrap().len();
    let e = store::load_file(&bad).unwrap_err();
    assert_error(&bad, &e.to_string(), &Error(5, 12, "is it truncated?"));
    assert!(e.to_string().len() < 500, "the error quotes the whole text");
    assert_eq!(std::fs::metadata(&bad).unwrap().len(), before);
}

// ---------------------------------------------------------------------------
// The `atelier check` command
// ---------------------------------------------------------------------------

/// `atelier check FILES` in English, its home `home`.
fn check<P: AsRef<Path>>(home: &Path, files: impl IntoIterator<Item = P>) -> Output {
    let paths: Vec<String> = files
        .into_iter()
        .map(|f| f.as_ref().to_str().expect("a UTF-8 path").to_owned())
        .collect();
    let args: Vec<&str> = std::iter::once("check")
        .chain(paths.iter().map(String::as_str))
        .collect();
    support::cli::run(home, &args, &[("LANG", "C")])
}

#[test]
fn check_command_on_the_corpus() {
    let home = tempfile::tempdir().unwrap();
    let dir = bad_dir();
    for (name, expect) in CASES {
        let path = dir.join(name);
        let before = std::fs::read(&path).unwrap();
        let out = check(home.path(), [&path]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        match expect {
            Loads => {
                assert_eq!(out.status.code(), Some(0), "{name}: {stdout}");
                assert_eq!(stdout, format!("{}: ok\n", path.display()));
            }
            _ => {
                assert_eq!(out.status.code(), Some(1), "{name}: {stdout}");
                assert_error(&path, stdout.trim_end_matches('\n'), expect);
            }
        }
        assert_eq!(std::fs::read(&path).unwrap(), before, "{name} was changed");
    }

    // All at once: one line per file, in order; status 1 since some are bad.
    let out = check(home.path(), CASES.iter().map(|(n, _)| dir.join(n)));
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), CASES.len(), "{stdout}");
    for ((name, _), line) in CASES.iter().zip(&lines) {
        let file = dir.join(name).display().to_string();
        assert!(line.starts_with(&format!("{file}:")), "{line}");
    }
}

#[test]
fn check_command_on_good_files() {
    let home = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = [
        root.join("sessions/demo.ron"),
        root.join("tests/fixtures/full.ron"),
        root.join("tests/fixtures/v1.ron"),
    ];
    let out = check(home.path(), &files);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let expected: String = files
        .iter()
        .map(|f| format!("{}: ok\n", f.display()))
        .collect();
    assert_eq!(stdout, expected);
}

#[test]
fn check_command_on_a_missing_file() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("nowhere.ron");
    let out = check(home.path(), [&missing]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        format!("{}: no such file or folder\n", missing.display())
    );
    assert!(!missing.exists());
}

//! The W3C Nu HTML checker (the validator behind validator.w3.org/nu, run
//! offline from `vnu.jar`) reads every kind of HTML page the project writes:
//! no error, no warning. Its notes ("info", such as the trailing slash of
//! `<br />`, kept so that the pages are also well-formed XML) are counted
//! and printed, not failed on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;
mod media_support;
mod skip_support;
mod support;
mod web_support;

use media_support::Workshop;
use web_support::{pages, showcase_pages, vnu_jar, vnu_messages, write_pages};

/// What the checker says of `files`: (file, line, kind, message) of every
/// error and warning, and how many notes.
/// With `langdetect`, the checker also guesses each page's language from
/// its text and warns when the `lang` attribute says otherwise.
fn check(
    jar: &std::path::Path,
    files: &[std::path::PathBuf],
    langdetect: bool,
) -> (Vec<String>, usize) {
    let messages = vnu_messages(jar, files, langdetect);
    let mut problems = Vec::new();
    let mut notes = 0;
    for m in &messages {
        let kind = m["type"].as_str().unwrap_or_default();
        let sub = m["subType"].as_str().unwrap_or_default();
        if kind == "info" && sub != "warning" {
            notes += 1;
            continue;
        }
        let file = m["url"].as_str().unwrap_or_default();
        let file = file.rsplit('/').next().unwrap_or(file);
        let message = m["message"].as_str().unwrap_or_default();
        // The English copies of the French demo are English words around
        // French texts: the checker rightly guesses French. A real session's
        // language is that of its texts (and a French page marked English
        // would be reported here, not let through).
        // The showcase is the French demo in English too (its notes of kind
        // action are listed twice now, with the actions: the guess tips).
        let english_copy = file.contains(".en.") || file.starts_with("showcase");
        if english_copy && message.contains("appears to be written in French") {
            notes += 1;
            continue;
        }
        problems.push(format!(
            "{file}:{}: {kind}{}: {} [{}]",
            m["lastLine"],
            if sub.is_empty() {
                String::new()
            } else {
                format!(" ({sub})")
            },
            message,
            m["extract"].as_str().unwrap_or_default().trim(),
        ));
    }
    (problems, notes)
}

#[test]
fn the_nu_checker_finds_nothing_wrong_in_any_page() {
    let Some(jar) = vnu_jar() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let w = Workshop::new();
    let mut all = pages();
    all.extend(showcase_pages(&w));
    let files = write_pages(dir.path(), &all);

    // The checker runs and its findings are read: a page with a skipped
    // heading level is reported.
    let control = dir.path().join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head>\
         <body><h2>a</h2><h4>b</h4></body></html>",
    )
    .unwrap();
    let (found, _) = check(&jar, std::slice::from_ref(&control), false);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("control.html") && p.contains("h4")),
        "the checker did not report the control page: {found:?}"
    );

    // Hostile text is no language at all (the checker guesses Portuguese
    // for some): those pages are checked without the language guess.
    let (hostile, others): (Vec<_>, Vec<_>) = files
        .iter()
        .cloned()
        .partition(|f| f.to_string_lossy().contains("hostile"));
    assert!(!hostile.is_empty() && !others.is_empty());
    let (mut problems, mut notes) = check(&jar, &others, true);
    let (more, more_notes) = check(&jar, &hostile, false);
    problems.extend(more);
    notes += more_notes;
    assert!(
        problems.is_empty(),
        "the Nu checker finds {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    println!(
        "Nu checker: {} pages, 0 errors, 0 warnings, {notes} notes",
        files.len()
    );
}

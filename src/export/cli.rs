//! `atelier export` and `atelier report`: reading the session files and
//! writing the documents (the only I/O of the export layer).

use super::report::{Bad, Entry, report as build_report};
use super::text::clean;
use super::{Format, Options, export as render};
use crate::model::Session;
use crate::store;
use std::io::Write;
use std::path::{Path, PathBuf};
use time::UtcOffset;

/// The local offset at the time of the session (so that a July workshop
/// exported in December still shows summer time), or UTC when it cannot be
/// known.
pub fn local_offset(session: &Session) -> UtcOffset {
    UtcOffset::local_offset_at(super::last_recorded(session).inner()).unwrap_or(UtcOffset::UTC)
}

/// Where `atelier export` writes when not told: beside the session, with
/// the format's extension (`demo.ron` -> `demo.md`).
pub fn default_output(file: &Path, format: Format) -> PathBuf {
    file.with_extension(format.extension())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `atelier export FILE --format F [-o PATH] [--anonymize]`. `-o -` writes
/// to `out`; otherwise the path written is printed to `out`.
pub fn export(
    file: &Path,
    format: Format,
    output: Option<&Path>,
    anonymize: bool,
    out: &mut impl Write,
) -> Result<bool, String> {
    let session = store::load_file(file).map_err(|e| e.to_string())?;
    let opts = Options {
        anonymize,
        offset: local_offset(&session),
    };
    let text = render(format, &session, &opts).map_err(|e| e.to_string())?;
    let target = match output {
        Some(p) if p.as_os_str() == "-" => {
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("standard output: {e}"))?;
            return Ok(true);
        }
        Some(p) if p.is_dir() => {
            let name = default_output(file, format);
            match name.file_name() {
                Some(n) => p.join(n),
                None => return Err(format!("{}: not a file name", file.display())),
            }
        }
        Some(p) => p.to_path_buf(),
        None => default_output(file, format),
    };
    if same_file(&target, file) {
        return Err(format!(
            "{}: that is the session file itself; choose another output with -o",
            target.display()
        ));
    }
    store::write_atomic(&target, text.as_bytes()).map_err(|e| e.to_string())?;
    writeln!(out, "{}", target.display()).map_err(|e| e.to_string())?;
    Ok(true)
}

/// `atelier report DIR [-o OUT]`: an HTML index of the sessions in `dir`
/// and a page per session, written into `OUT` (default `DIR/report/`).
/// Files that do not load are listed in the report (and on standard
/// error), not fatal. Prints the index's path to `out`.
pub fn report(
    dir: &Path,
    output: Option<&Path>,
    anonymize: bool,
    out: &mut impl Write,
) -> Result<bool, String> {
    let read = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {}", dir.display(), store::describe_io(&e)))?;
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")))
        .collect();
    files.sort();
    let mut entries = Vec::new();
    let mut bad = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.contains(".conflict-") {
            bad.push(Bad {
                file: clean(&name),
                error: "a conflict copy, left out: merge it into its session first".into(),
            });
            continue;
        }
        match store::load_file(path) {
            Ok(session) => entries.push(Entry {
                file: name,
                session,
            }),
            Err(e) => bad.push(Bad {
                file: clean(&name),
                error: clean(&e.to_string()),
            }),
        }
    }
    let opts = Options {
        anonymize,
        offset: entries
            .first()
            .map_or(UtcOffset::UTC, |e| local_offset(&e.session)),
    };
    let report = build_report(&entries, &bad, &opts).map_err(|e| e.to_string())?;
    let target = output.map_or_else(|| dir.join("report"), Path::to_path_buf);
    std::fs::create_dir_all(&target)
        .map_err(|e| format!("{}: {}", target.display(), store::describe_io(&e)))?;
    for (name, html) in &report.pages {
        store::write_atomic(&target.join(name), html.as_bytes()).map_err(|e| e.to_string())?;
    }
    let index = target.join("index.html");
    store::write_atomic(&index, report.index.as_bytes()).map_err(|e| e.to_string())?;
    for b in &bad {
        eprintln!("atelier: left out of the report: {}: {}", b.file, b.error);
    }
    writeln!(out, "{}", index.display()).map_err(|e| e.to_string())?;
    Ok(true)
}

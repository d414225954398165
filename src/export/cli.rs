//! `atelier export` and `atelier report`: reading the session files and
//! writing the documents (the only I/O of the export layer).

use super::media::{Folder, Media};
use super::report::{Entry, report as build_report};
use super::text::clean;
use super::{Format, Options, Pieces, export_pieces as render, media_left_out};
use crate::i18n::{io_error, save_error};
use crate::model::{MediaKind, Session, Zone};
use crate::store;
use crate::t;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Say on standard error when `session` (an older file) names no time
/// zone: its times are then shown in `machine`'s, the zone the file itself
/// gets at its next save.
fn note_zone(file: &Path, session: &Session, machine: &Zone, lang: &str) {
    if session.time_zone.is_none() {
        let (file, zone) = (file.display().to_string(), machine.name());
        eprintln!(
            "atelier: {}",
            t!(lang, "cli-export-no-zone", file = file, zone = zone)
        );
    }
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
    let args = Args {
        output,
        anonymize,
        ..Args::default()
    };
    export_with(file, format, &args, out)
}

/// What `atelier export` was asked, besides the file and the format.
#[derive(Clone, Copy, Debug, Default)]
pub struct Args<'a> {
    /// `-o`: a file, a folder, or `-` for standard output.
    pub output: Option<&'a Path>,
    pub anonymize: bool,
    /// Keep photos, videos and links in an anonymized export.
    pub with_media: bool,
    /// Write `DIR/index.html` and copy the files it links to into `DIR`.
    pub bundle: Option<&'a Path>,
    /// Keep private notes and stickies (`--include-private`).
    pub include_private: bool,
    /// The language of the messages (`""`: English).
    pub lang: &'a str,
}

/// The attached files of `session` (the session file `file`) as an export
/// in `format` uses them, read from the session's folder; problems (missing,
/// altered files) are said on standard error, never fatal.
pub fn load_media(
    file: &Path,
    session: &Session,
    format: Format,
    opts: &Options,
    with_media: bool,
    lang: &str,
) -> Media {
    let shown = !opts.anonymize || with_media;
    let uses_files = matches!(format, Format::Html | Format::Md);
    let media = if shown && uses_files && !session.attachments.is_empty() {
        Media::load(file, session, format == Format::Html)
    } else {
        Media::none()
    };
    let media = media.with_media(with_media);
    for (_, problem) in media.problems(lang) {
        eprintln!("atelier: {}: {problem}", file.display());
    }
    let left = media_left_out(session, opts, &media);
    if left > 0 && matches!(format, Format::Md | Format::Html | Format::Json) {
        eprintln!(
            "atelier: {}",
            t!(lang, "cli-export-media-left-out", n = left)
        );
    }
    media
}

/// `atelier export` with every option (see [`Args`]).
pub fn export_with(
    file: &Path,
    format: Format,
    args: &Args,
    out: &mut impl Write,
) -> Result<bool, String> {
    if args.bundle.is_some() && format != Format::Html {
        return Err(t!(args.lang, "cli-export-bundle-html"));
    }
    let session = store::load_file(file).map_err(|e| crate::i18n::load_error(args.lang, &e))?;
    let opts = Options {
        anonymize: args.anonymize,
        include_private: args.include_private,
        zone: crate::zone::machine(),
    };
    note_zone(file, &session, &opts.zone, args.lang);
    // What is private is not even looked for in the media folder, so that
    // a bundle never copies its files.
    // Borrowed when nothing is private: no copy of a whole session then.
    let session = match super::shown(&session, &opts) {
        std::borrow::Cow::Owned(shown) => shown,
        std::borrow::Cow::Borrowed(_) => session,
    };
    // Media are beside the real session file (links followed).
    let real = store::paths::resolve(file);
    let media = load_media(&real, &session, format, &opts, args.with_media, args.lang);
    let text = if format == Format::Runsheet {
        // The lab's own methods too, for their names and materials.
        let home = store::Home::from_env();
        let library = crate::methods::Library::load(Some(&home.methods_dir()));
        super::runsheet_with(&session, &opts, &library).map(Pieces::one)
    } else {
        render(format, &session, &opts, &media)
    }
    .map_err(|e| crate::i18n::export_error(args.lang, &e))?;
    let access = access(args.anonymize);
    if let Some(dir) = args.bundle {
        return bundle(&real, &session, dir, &text.into_string(), &media, args, out);
    }
    let target = match args.output {
        Some(p) if p.as_os_str() == "-" || store::is_stdout(p) => {
            text.iter()
                .try_for_each(|piece| out.write_all(piece.as_bytes()))
                .and_then(|()| out.flush())
                .map_err(|e| {
                    t!(
                        args.lang,
                        "cli-stdout-failed",
                        why = io_error(args.lang, &e)
                    )
                })?;
            return Ok(true);
        }
        Some(p) if p.is_dir() => {
            let name = default_output(file, format);
            match name.file_name() {
                Some(n) => p.join(n),
                None => {
                    let file = file.display().to_string();
                    return Err(t!(args.lang, "cli-export-not-a-file-name", file = file));
                }
            }
        }
        Some(p) => p.to_path_buf(),
        None => default_output(file, format),
    };
    if same_file(&target, file) {
        let target = target.display().to_string();
        return Err(t!(args.lang, "cli-export-over-session", target = target));
    }
    // A device, a FIFO or a link is written into, never replaced.
    store::write_atomic_pieces(&target, text.iter().map(str::as_bytes), access)
        .map_err(|e| save_error(args.lang, &e))?;
    let beside = match (target.parent(), file.parent()) {
        (Some(a), Some(b)) => same_dir(a, b),
        _ => false,
    };
    if !beside && !media.linked().is_empty() {
        let first = media.linked()[0].to_owned();
        eprintln!(
            "atelier: {}",
            t!(args.lang, "cli-export-linked-media", first = first)
        );
    }
    said(out, &target, args.lang)
}

/// Say where an export went (its path, on a line of `out`).
fn said(out: &mut impl Write, path: &Path, lang: &str) -> Result<bool, String> {
    writeln!(out, "{}", path.display())
        .map_err(|e| t!(lang, "cli-stdout-failed", why = io_error(lang, &e)))?;
    Ok(true)
}

/// An I/O error at `path`, said in `lang`.
fn io_at(lang: &str, path: &Path, e: &std::io::Error) -> String {
    let path = path.display().to_string();
    t!(lang, "io-at-path", path = path, why = io_error(lang, e))
}

/// Who may read what an export writes: an anonymized export is meant to
/// be published (0644, folders 0755); anything else holds people's names
/// and stays its owner's (0600, folders 0700).
pub(crate) fn access(anonymize: bool) -> store::Access {
    if anonymize {
        store::Access::Public
    } else {
        store::Access::Private
    }
}

/// Make the folder `dir` for an export (see [`access`]).
fn make_dir(dir: &Path, access: store::Access, lang: &str) -> Result<(), String> {
    let mode = if access == store::Access::Public {
        0o755
    } else {
        0o700
    };
    store::paths::make_dir(dir, mode).map_err(|e| io_at(lang, dir, &e))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    let dot = |p: &Path| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    };
    same_file(&dot(a), &dot(b))
}

/// `--bundle DIR`: `DIR/index.html`, and the files the page links to
/// (videos, audio) copied into `DIR` under the same relative paths
/// (`DIR/demo.media/<hash>.mp4`). Photos are in the page itself.
fn bundle(
    file: &Path,
    session: &Session,
    dir: &Path,
    html: &str,
    media: &Media,
    args: &Args,
    out: &mut impl Write,
) -> Result<bool, String> {
    let (access, lang) = (access(args.anonymize), args.lang);
    make_dir(dir, access, lang)?;
    let index = dir.join("index.html");
    let from = Folder::of(file);
    let to = Folder(dir.to_path_buf());
    for rel in media.linked() {
        let src = from
            .file(rel)
            .map_err(|e| io_at(lang, Path::new(rel), &e))?;
        // `rel` stays inside: checked when the media were loaded.
        let dst = dir.join(rel);
        if same_file(&src, &dst) {
            continue;
        }
        let hash = session
            .attachments
            .iter()
            .find(|a| a.path == rel && a.kind != MediaKind::Link)
            .map(|a| a.hash.as_str())
            .unwrap_or_default();
        let done = to.file(rel).is_ok_and(|p| {
            !hash.is_empty() && store::media::hash_file(&p).is_ok_and(|h| h == hash)
        });
        if done {
            continue;
        }
        make_dir(dst.parent().unwrap_or(dir), access, lang)?;
        store::copy_atomic(&src, &dst, access).map_err(|e| save_error(lang, &e))?;
    }
    store::write_atomic_as(&index, html.as_bytes(), access).map_err(|e| save_error(lang, &e))?;
    said(out, &index, lang)
}

/// `atelier report DIR [-o OUT]`: an HTML index of the sessions in `dir`
/// and a page per session, written into `OUT` (default `DIR/report/`).
/// Files that do not load are left out of the pages, which are meant for
/// publication, and listed on standard error; not fatal. Prints the
/// index's path to `out`.
pub fn report(
    dir: &Path,
    output: Option<&Path>,
    anonymize: bool,
    out: &mut impl Write,
) -> Result<bool, String> {
    report_with(dir, output, anonymize, false, "en", out)
}

/// `atelier report` with `--include-private` or not.
pub fn report_with(
    dir: &Path,
    output: Option<&Path>,
    anonymize: bool,
    include_private: bool,
    lang: &str,
    out: &mut impl Write,
) -> Result<bool, String> {
    let read = std::fs::read_dir(dir).map_err(|e| io_at(lang, dir, &e))?;
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")))
        .collect();
    files.sort();
    let machine = crate::zone::machine();
    let mut entries = Vec::new();
    // (file, why): said on standard error, never in the pages.
    let mut bad = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.contains(".conflict-") {
            bad.push((clean(&name), t!(lang, "cli-report-conflict-copy")));
            continue;
        }
        match store::load_file(path) {
            Ok(session) => {
                note_zone(path, &session, &machine, lang);
                entries.push(Entry {
                    file: name,
                    session,
                })
            }
            Err(e) => bad.push((clean(&name), clean(&crate::i18n::load_error(lang, &e)))),
        }
    }
    let opts = Options {
        anonymize,
        include_private,
        zone: machine,
    };
    let report = build_report(&entries, &opts).map_err(|e| crate::i18n::export_error(lang, &e))?;
    let target = output.map_or_else(|| dir.join("report"), Path::to_path_buf);
    let access = access(anonymize);
    make_dir(&target, access, lang)?;
    for (name, html) in &report.pages {
        store::write_atomic_as(&target.join(name), html.as_bytes(), access)
            .map_err(|e| save_error(lang, &e))?;
    }
    let index = target.join("index.html");
    store::write_atomic_as(&index, report.index.as_bytes(), access)
        .map_err(|e| save_error(lang, &e))?;
    for (file, why) in &bad {
        eprintln!(
            "atelier: {}",
            t!(
                lang,
                "cli-report-left-out",
                file = file.as_str(),
                why = why.as_str()
            )
        );
    }
    said(out, &index, lang)
}

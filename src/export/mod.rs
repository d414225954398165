//! Turning a session into documents to publish or share.
//!
//! Every format is a pure function of the session and [`Options`]: no I/O,
//! no clock (the "now" of a step still running is the session's latest
//! recorded time), so the same session always gives the same bytes.
//!
//! - [`markdown`]: GitHub-flavoured Markdown (GFM: CommonMark with pipe
//!   tables), for a code forge, a wiki or pandoc.
//! - [`html`]: one self-contained page (inline CSS and SVG, no script, no
//!   network), readable on a phone, printing cleanly to PDF.
//! - [`csv`]: one row per note, sticky note, group and action (see
//!   `docs/csv.md`), RFC 4180, UTF-8 with a byte order mark so that
//!   spreadsheets keep accents.
//! - [`json`]: the whole session, versioned (see `docs/json.md`).
//! - [`svg`]: a picture of the board.
//! - [`runsheet`]: the day's agenda to print for co-facilitators, with
//!   each step's planned clock time, its prompt and the method's materials.
//!
//! Whatever the format, private notes and stickies are left out first
//! ([`without_private`]) unless [`Options::include_private`]; then, with
//! [`Options::anonymize`], the session goes through [`anonymize`]: media
//! are left out unless [`Media::with_media`].
//!
//! Times are shown in the session's own time zone (`time_zone`), so the
//! same file gives the same bytes on any machine; [`Options::zone`] (the
//! exporting machine's) is used only for a session that names none.
//!
//! Photos, videos and audio come in through [`Media`], read beforehand from
//! the session's folder ([`Media::load`], used by [`cli`]): the formats
//! themselves read no file. [`export`] is [`export_with`] and
//! [`Media::none`]: files linked by their relative path, unchecked.
//!
//! The words a document adds (headings, counts, dates) are in the
//! session's language, not the interface's: they come from Fluent
//! (`assets/locales/{en,fr}/export.ftl`, keys `export-…`) through `labels`.
//!
//! User text never reaches a document as markup: control characters are
//! made visible ([`text::clean`]), Markdown is backslash-escaped, HTML and
//! SVG are entity-escaped (HTML by minijinja's auto-escaping, or its
//! `HtmlEscape` where a list is written in Rust).

mod anonymize;
pub mod cli;
mod csv;
mod html;
mod json;
mod labels;
mod markdown;
pub mod media;
mod pieces;
pub mod report;
mod runsheet;
mod svg;
pub mod text;
mod view;

pub use anonymize::anonymize;
pub use csv::{CSV_COLUMNS, CSV_HEADER, KIND_ACTION, KIND_CLUSTER, csv, csv_header, csv_rows};
pub use html::{html, html_pieces, html_with};
pub use json::{JSON_VERSION, from_json, json};
pub use markdown::{markdown, markdown_with};
pub use media::{FileState, Folder, Media, MediaSource};
pub use pieces::Pieces;
pub use runsheet::{runsheet, runsheet_with};
pub use svg::svg;

use crate::model::{ConflictAbout, ConflictValue, Id, Item, Session, Target, Timestamp, Zone};
use std::borrow::Cow;
use std::collections::HashSet;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Markdown (GitHub-flavoured, GFM: its tables are pipe tables): for a code forge, a wiki, or pandoc.
    Md,
    /// One self-contained HTML page: publish it, or print it to PDF from a browser.
    Html,
    /// A spreadsheet: one row per note, sticky note, group and action (UTF-8 with BOM, see docs/csv.md).
    Csv,
    /// The whole session for other tools (versioned, see docs/json.md).
    Json,
    /// A picture of the board (clusters, stickies and votes).
    Svg,
    /// The day's agenda to print for co-facilitators (HTML, about one A4
    /// page per two hours): clock times, minutes, methods, prompts, materials.
    Runsheet,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Svg,
        Format::Runsheet,
    ];

    /// The file extension, without the dot: `runsheet.html` for the
    /// run-sheet, so that it never replaces the summary beside it.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Svg => "svg",
            Format::Runsheet => "runsheet.html",
        }
    }

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Runsheet => "runsheet",
            other => other.extension(),
        }
    }

    /// A name for menus.
    pub fn label(self) -> &'static str {
        match self {
            Format::Md => "Markdown",
            Format::Html => "HTML page",
            Format::Csv => "CSV spreadsheet",
            Format::Json => "JSON",
            Format::Svg => "SVG picture of the board",
            Format::Runsheet => "Run-sheet to print (HTML)",
        }
    }
}

/// How to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Replace people by numbers and redact names, e-mail addresses and
    /// phone numbers from every text (see [`anonymize`]).
    pub anonymize: bool,
    /// Keep private notes and stickies (`--include-private`); otherwise
    /// they are left out (see [`without_private`]).
    pub include_private: bool,
    /// The zone times are shown in when the session names none (the
    /// exporting machine's): a session's own `time_zone` always wins.
    pub zone: Zone,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            anonymize: false,
            include_private: false,
            zone: Zone::utc(),
        }
    }
}

/// Why an export failed (a bug rather than a user's mistake: every session
/// that loads can be exported). `Display` is English;
/// `i18n::export_error` says it in the user's language (`export.ftl`),
/// the library's own words kept inside as the detail.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// A page template (`name`) that did not load or render.
    #[error("could not export: template {name}: {detail}")]
    Template { name: String, detail: String },
    /// The JSON could not be written.
    #[error("could not export: JSON: {0}")]
    Json(String),
    /// The CSV could not be written.
    #[error("could not export: CSV: {0}")]
    Csv(String),
}

impl ExportError {
    /// A template's error, with the template's name.
    pub(crate) fn template(name: &str, e: &minijinja::Error) -> Self {
        ExportError::Template {
            name: name.to_owned(),
            detail: e.to_string(),
        }
    }
}

/// The session in `format`, its media linked by path, unchecked (see
/// [`export_with`]).
pub fn export(format: Format, session: &Session, opts: &Options) -> Result<String, ExportError> {
    export_with(format, session, opts, &Media::none())
}

/// The session in `format`, with the media found on disk: photos embedded
/// in HTML, missing or altered files shown as placeholders.
pub fn export_with(
    format: Format,
    session: &Session,
    opts: &Options,
    media: &Media,
) -> Result<String, ExportError> {
    match format {
        Format::Md => Ok(markdown_with(session, opts, media)),
        Format::Html => html_with(session, opts, media),
        Format::Csv => csv(session, opts),
        Format::Json => json::json_with(session, opts, media.with_media),
        Format::Svg => Ok(svg(session, opts)),
        Format::Runsheet => runsheet(session, opts),
    }
}

/// [`export_with`] in the pieces it is made of, written one after the
/// other (an HTML page's board is not copied into one more string).
pub fn export_pieces(
    format: Format,
    session: &Session,
    opts: &Options,
    media: &Media,
) -> Result<Pieces, ExportError> {
    match format {
        Format::Html => html_pieces(session, opts, media),
        _ => export_with(format, session, opts, media).map(Pieces::one),
    }
}

/// The session as the formats see it: without what is private unless
/// asked, then anonymized when asked (without its media unless
/// `with_media`).
fn prepare<'a>(session: &'a Session, opts: &Options) -> Cow<'a, Session> {
    prepare_media(session, opts, false)
}

fn prepare_media<'a>(session: &'a Session, opts: &Options, with_media: bool) -> Cow<'a, Session> {
    let shown = shown(session, opts);
    if opts.anonymize {
        Cow::Owned(anonymize::anonymized(&shown, with_media))
    } else {
        shown
    }
}

/// The session an export may show: all of it with `include_private`,
/// otherwise [`without_private`].
pub fn shown<'a>(session: &'a Session, opts: &Options) -> Cow<'a, Session> {
    if opts.include_private {
        Cow::Borrowed(session)
    } else {
        without_private(session)
    }
}

/// The session without its private notes and stickies, nor what only
/// pointed at them: the votes on a private sticky (they leave with it, so
/// tallies count only what is shown), the photos and links attached to a
/// private item, review comments about one, merge conflicts over one (or
/// whose other version is private), and guests who wrote nothing else.
/// Borrowed as it is when nothing is private.
pub fn without_private(session: &Session) -> Cow<'_, Session> {
    let private: HashSet<&Id> = private_ids(session);
    if private.is_empty() {
        return Cow::Borrowed(session);
    }
    let mut s = session.clone();
    s.notes.retain(|n| !n.private);
    s.stickies.retain(|x| !x.private);
    s.votes.retain(|v| match &v.target {
        Target::Sticky(id) => !private.contains(id),
        Target::Cluster(_) => true,
    });
    s.attachments
        .retain(|a| a.to.as_ref().is_none_or(|id| !private.contains(id)));
    s.comments
        .retain(|c| c.about.as_ref().is_none_or(|id| !private.contains(id)));
    s.conflicts.retain(|c| {
        let about = match &c.about {
            ConflictAbout::Item(id) => private.contains(id),
            ConflictAbout::Field(_) => false,
        };
        let other = match &c.other {
            ConflictValue::Item(item) => match item.as_ref() {
                Item::Note(n) => n.private,
                Item::Sticky(x) => x.private,
                _ => false,
            },
            _ => false,
        };
        !about && !other
    });
    let wrote: HashSet<&Id> = session
        .notes
        .iter()
        .filter(|n| !n.private)
        .filter_map(|n| n.author.as_ref())
        .chain(
            session
                .stickies
                .iter()
                .filter(|x| !x.private)
                .filter_map(|x| x.author.as_ref()),
        )
        .chain(session.votes.iter().filter_map(|v| v.participant.as_ref()))
        .collect();
    let authored_private: HashSet<&Id> = session
        .notes
        .iter()
        .filter(|n| n.private)
        .filter_map(|n| n.author.as_ref())
        .chain(
            session
                .stickies
                .iter()
                .filter(|x| x.private)
                .filter_map(|x| x.author.as_ref()),
        )
        .collect();
    s.guests
        .retain(|g| wrote.contains(&g.id) || !authored_private.contains(&g.id));
    Cow::Owned(s)
}

/// The ids of the private notes and stickies.
fn private_ids(session: &Session) -> HashSet<&Id> {
    session
        .notes
        .iter()
        .filter(|n| n.private)
        .map(|n| &n.id)
        .chain(session.stickies.iter().filter(|x| x.private).map(|x| &x.id))
        .collect()
}

/// How many attachments an export leaves out for anonymity: all of those
/// it may show when anonymized without `with_media` (faces are personal
/// data), none otherwise.
pub fn media_left_out(session: &Session, opts: &Options, media: &Media) -> usize {
    if opts.anonymize && !media.with_media {
        shown(session, opts).attachments.len()
    } else {
        0
    }
}

/// The zone an export shows `session`'s times in: its own, else the
/// exporting machine's ([`Options::zone`]).
pub fn zone_of(session: &Session, opts: &Options) -> Zone {
    session.zone_or(&opts.zone)
}

/// The "now" of an export: the session's latest recorded time, so that a
/// step left running counts up to the last thing that happened, and the
/// same file always gives the same document.
pub fn last_recorded(session: &Session) -> Timestamp {
    view::latest(session)
}

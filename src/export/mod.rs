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
//!
//! With [`Options::anonymize`], the session goes through [`anonymize`]
//! first, whatever the format: media are left out unless
//! [`Media::with_media`].
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
//! SVG are entity-escaped (HTML by minijinja's auto-escaping).

mod anonymize;
pub mod cli;
mod csv;
mod html;
mod json;
mod labels;
mod markdown;
pub mod media;
pub mod report;
mod svg;
pub mod text;
mod view;

pub use anonymize::anonymize;
pub use csv::{CSV_COLUMNS, CSV_HEADER, KIND_ACTION, KIND_CLUSTER, csv, csv_header, csv_rows};
pub use html::{html, html_with};
pub use json::{JSON_VERSION, from_json, json};
pub use markdown::{markdown, markdown_with};
pub use media::{FileState, Folder, Media, MediaSource};
pub use svg::svg;

use crate::model::{Session, Timestamp};
use std::borrow::Cow;
use time::UtcOffset;

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
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Svg,
    ];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Svg => "svg",
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
        }
    }
}

/// How to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Replace people by numbers and redact names, e-mail addresses and
    /// phone numbers from every text (see [`anonymize`]).
    pub anonymize: bool,
    /// The offset clock times are shown in (the app passes its local
    /// offset; the command line the local offset at the session's date).
    pub offset: UtcOffset,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            anonymize: false,
            offset: UtcOffset::UTC,
        }
    }
}

/// Why an export failed (a bug rather than a user's mistake: every session
/// that loads can be exported).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("could not export: {0}")]
pub struct ExportError(pub String);

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
    }
}

/// The session as the formats see it: anonymized when asked (without its
/// media unless `with_media`).
fn prepare<'a>(session: &'a Session, opts: &Options) -> Cow<'a, Session> {
    prepare_media(session, opts, false)
}

fn prepare_media<'a>(session: &'a Session, opts: &Options, with_media: bool) -> Cow<'a, Session> {
    if opts.anonymize {
        Cow::Owned(anonymize::anonymized(session, with_media))
    } else {
        Cow::Borrowed(session)
    }
}

/// How many attachments an export leaves out: all of them when anonymized
/// without `with_media` (faces are personal data), none otherwise.
pub fn media_left_out(session: &Session, opts: &Options, media: &Media) -> usize {
    if opts.anonymize && !media.with_media {
        session.attachments.len()
    } else {
        0
    }
}

/// The "now" of an export: the session's latest recorded time, so that a
/// step left running counts up to the last thing that happened, and the
/// same file always gives the same document.
pub fn last_recorded(session: &Session) -> Timestamp {
    view::latest(session)
}

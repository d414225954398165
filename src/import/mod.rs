//! `atelier import`: sticky notes from a text or CSV file, such as notes
//! typed by participants or transcribed from paper, and whole boards from
//! Parabol and scrumlr (see `docs/import.md`).
//!
//! The format is found from the file (or named with `--from`):
//! - a **scrumlr board** in JSON: an array of notes (`noteId`, `author`,
//!   `text`, `column`, `timestamp`, `parent`, `votes`,
//!   `voting_iteration_N`), see [`scrumlr`];
//! - a **Parabol retrospective**: a CSV whose header names
//!   `reflectionGroup`, `type` and `content`, see [`parabol`];
//! - a **scrumlr board** in CSV: a header `noteId,author,text,…`;
//! - a **CSV file** of stickies (a `.csv` name, or a first line naming the
//!   columns) with a header naming its columns, in any order, any case:
//!   `text` (required), `author`, `colour`, `cluster`, `votes` (French
//!   names work too: `texte`, `auteur`, `couleur`, `groupe`; `color`,
//!   `group`, `dots` as well). Commas, semicolons or tabs separate the
//!   fields; quoted fields may hold commas, quotes (doubled) and line
//!   breaks;
//! - else a **text file**: one sticky per line; when blank lines separate
//!   blocks and some block has several lines, each block is one sticky.
//!
//! Text and CSV rows:
//! - Colours by English or French name (`yellow`/`jaune`, `pink`/`rose`,
//!   `blue`/`bleu`, `green`/`vert`, `orange`, `purple`/`violet`); empty is
//!   yellow.
//! - Authors are matched to participants by name, ignoring case, accents
//!   and extra spaces; an author with no match is **added as a participant**
//!   (role "other"), and the summary lists them, so that their stickies keep
//!   their author (rename or merge them in the app if it was a typo).
//! - Clusters are matched by title the same way, and created when missing.
//! - Votes become a paper tally on the sticky in the voting round named
//!   "Imported votes" (created when needed); importing again sets the tally
//!   to the file's count.
//! - Importing the same file twice adds nothing: a row whose text (spaces
//!   collapsed), author and cluster match a sticky already in the session
//!   is skipped, and the summary says how many were.
//!
//! Boards ([`board`]): stickies keep their column or prompt as a tag, their
//! group or stack as a cluster, their time; authors are participants when
//! the name matches one, else guests; votes are paper tallies in one round
//! per vote; comments are notes, tasks actions. An item already in the
//! session (same text and author, counted) is not added again.
//!
//! For all: any row that cannot be read is reported with its line number
//! and nothing is imported. The session is saved through the store: never
//! while it is open in a running atelier (that is reported), atomically,
//! and into a conflict copy if it changed on disk meanwhile.

pub mod board;
mod csv;
pub mod parabol;
mod plan;
mod rows;
pub mod scrumlr;
mod text;

pub use board::{Board, BoardOutcome, plan_board};
pub use csv::{colour, parse_csv};
pub use rows::{Outcome, plan};
pub use text::parse_text;

use crate::merge::same_name;
use crate::model::{Colour, Id, Session, Timestamp, text::fold, validate};
use crate::store::{Saved, Store};
use crate::t;
use std::io::Write;
use std::path::Path;

/// The title of the voting round imported votes of text and CSV rows go to.
pub const ROUND: &str = "Imported votes";

/// Dots per participant of the rounds made for imported votes (paper
/// tallies are not limited by it).
const ROUND_DOTS: u32 = 3;

/// One sticky to import, as read from a text or CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line where the row starts.
    pub line: usize,
    pub text: String,
    pub author: Option<String>,
    pub colour: Option<Colour>,
    pub cluster: Option<String>,
    pub votes: Option<u32>,
}

/// A row that cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    pub line: usize,
    pub message: String,
}

/// The header of a CSV file; an error on line 1 when it cannot be read.
pub(crate) fn csv_header<R: std::io::Read>(
    reader: &mut ::csv::Reader<R>,
    lang: &str,
) -> Result<::csv::StringRecord, Vec<BadRow>> {
    reader.headers().cloned().map_err(|e| {
        vec![BadRow {
            line: 1,
            message: t!(lang, "import-bad-header", error = e.to_string()),
        }]
    })
}

/// The readable, non-blank records of a CSV file with their line numbers;
/// each unreadable one becomes a `BadRow` in `errors`.
pub(crate) fn csv_records<'a, R: std::io::Read + 'a>(
    reader: &'a mut ::csv::Reader<R>,
    lang: &'a str,
    errors: &'a mut Vec<BadRow>,
) -> impl Iterator<Item = (usize, ::csv::StringRecord)> + 'a {
    reader.records().filter_map(move |record| match record {
        Ok(r) => {
            let line = r.position().map_or(0, |p| p.line() as usize);
            (!r.iter().all(|f| f.trim().is_empty())).then_some((line, r))
        }
        Err(e) => {
            let line = e.position().map_or(0, |p| p.line() as usize);
            errors.push(BadRow {
                line,
                message: t!(lang, "import-unreadable-row", error = e.to_string()),
            });
            None
        }
    })
}

/// What the file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Lines,
    Blocks,
    Csv,
    Parabol,
    ScrumlrCsv,
    ScrumlrJson,
}

impl Format {
    /// The format in words, in `lang`.
    pub fn describe(self, lang: &str) -> String {
        match self {
            Format::Lines => t!(lang, "import-format-lines"),
            Format::Blocks => t!(lang, "import-format-blocks"),
            Format::Csv => t!(lang, "import-format-csv"),
            Format::Parabol => t!(lang, "import-format-parabol"),
            Format::ScrumlrCsv => t!(lang, "import-format-scrumlr-csv"),
            Format::ScrumlrJson => t!(lang, "import-format-scrumlr-json"),
        }
    }
}

/// The format a user names with `--from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Source {
    /// One sticky per line, or per block of lines.
    Text,
    /// A CSV file of stickies with a header (text, author, colour, cluster, votes).
    Csv,
    /// Parabol's "Export to CSV" of a retrospective.
    Parabol,
    /// scrumlr's board export, CSV or JSON.
    Scrumlr,
}

/// What a file holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// Stickies, from a text or CSV file.
    Rows(Vec<Row>),
    /// A board from another tool.
    Board(Board),
}

/// The content of a file, or every bad row in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub format: Format,
    pub content: Content,
    /// A note about how the file was read (an encoding other than UTF-8).
    pub note: Option<String>,
}

impl Parsed {
    /// The rows of a text or CSV file (none for a board).
    pub fn rows(&self) -> &[Row] {
        match &self.content {
            Content::Rows(rows) => rows,
            Content::Board(_) => &[],
        }
    }

    /// The board of a Parabol or scrumlr file.
    pub fn board(&self) -> Option<&Board> {
        match &self.content {
            Content::Board(b) => Some(b),
            Content::Rows(_) => None,
        }
    }
}

/// Whether the text is JSON rather than lines: an array of objects (or an
/// empty one), or an object.
fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix('[') {
        return rest.trim_start().starts_with(['{', ']']);
    }
    t.strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with(['"', '}']))
}

/// Read a file's bytes as `source` says, else as its content shows (a
/// `.csv` name, `csv_name`, makes a file without a known header CSV);
/// messages in `lang`.
pub fn parse(
    bytes: &[u8],
    source: Option<Source>,
    csv_name: bool,
    lang: &str,
) -> Result<Parsed, Vec<BadRow>> {
    let (text, note) = decode(bytes, lang);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = text.replace("\r\n", "\n");
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let names: Vec<String> = first
        .split(',')
        .map(|n| fold(n.trim().trim_matches('"')))
        .collect();
    let json = looks_like_json(&text);
    let format = match source {
        Some(Source::Text) => None,
        Some(Source::Csv) => Some(Format::Csv),
        Some(Source::Parabol) => Some(Format::Parabol),
        Some(Source::Scrumlr) if json => Some(Format::ScrumlrJson),
        Some(Source::Scrumlr) => Some(Format::ScrumlrCsv),
        None if json => Some(Format::ScrumlrJson),
        None if parabol::is_header(&names) => Some(Format::Parabol),
        None if scrumlr::is_header(&names) => Some(Format::ScrumlrCsv),
        None if csv_name || csv::header_delimiter(first).is_some() => Some(Format::Csv),
        None => None,
    };
    let (format, content) = match format {
        None => {
            let (format, rows) = parse_text(&text);
            (format, Content::Rows(rows))
        }
        Some(Format::Csv) => {
            let delimiter = csv::header_delimiter(first).unwrap_or(b',');
            (
                Format::Csv,
                Content::Rows(parse_csv(&text, delimiter, lang)?),
            )
        }
        Some(Format::Parabol) => (
            Format::Parabol,
            Content::Board(parabol::parse(&text, lang)?),
        ),
        Some(Format::ScrumlrJson) => (
            Format::ScrumlrJson,
            Content::Board(scrumlr::parse_json(&text, lang)?),
        ),
        Some(f) => (f, Content::Board(scrumlr::parse_csv(&text, lang)?)),
    };
    Ok(Parsed {
        format,
        content,
        note,
    })
}

/// UTF-8, or else Windows-1252 (what spreadsheets on Windows save), said in a note.
fn decode(bytes: &[u8], lang: &str) -> (String, Option<String>) {
    match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), None),
        Err(_) => {
            const HIGH: [char; 32] = [
                '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}',
                'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›',
                'œ', '\u{9d}', 'ž', 'Ÿ',
            ];
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => HIGH[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect();
            (text, Some(t!(lang, "import-not-utf8")))
        }
    }
}

/// A time as boards write it: RFC 3339 (`2026-07-02T09:20:11.123Z`), the
/// same without an offset (UTC), JavaScript's `toUTCString` with or
/// without its comma (`Thu 02 Jul 2026 09:20:11 GMT`), or milliseconds
/// since 1970. `None` for anything else (and for `-` or nothing).
pub fn parse_time(text: &str) -> Option<Timestamp> {
    use time::format_description::well_known::Rfc2822;
    use time::macros::format_description;
    use time::{OffsetDateTime, PrimitiveDateTime};
    let t = text.trim();
    if t.is_empty() || t == "-" {
        return None;
    }
    if let Ok(ts) = Timestamp::parse(t) {
        return Some(ts);
    }
    let iso = t.replacen(' ', "T", 1);
    let iso = iso.trim_end_matches('Z');
    for f in [
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond]"),
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]"),
        format_description!("[year]-[month]-[day]T[hour]:[minute]"),
    ] {
        if let Ok(d) = PrimitiveDateTime::parse(iso, f) {
            return Some(Timestamp::from(d.assume_utc()));
        }
    }
    // `toUTCString` says GMT; RFC 2822 wants a comma after the day's name.
    let rfc = match t.split_once(' ') {
        Some((day, rest)) if day.len() == 3 && day.chars().all(|c| c.is_ascii_alphabetic()) => {
            format!("{day}, {rest}")
        }
        _ => t.to_owned(),
    };
    let rfc = rfc.replace(" GMT", " +0000").replace(" UTC", " +0000");
    if let Ok(d) = OffsetDateTime::parse(&rfc, &Rfc2822) {
        return Some(Timestamp::from(d));
    }
    if t.len() >= 10 && t.chars().all(|c| c.is_ascii_digit()) {
        let n: i64 = t.parse().ok()?;
        // Milliseconds (what JavaScript counts) from 13 digits on.
        let secs = if t.len() >= 12 { n / 1000 } else { n };
        return Timestamp::from_unix(secs);
    }
    None
}

/// Whitespace collapsed: how texts are compared to skip duplicates.
fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where imported stickies go, and who wrote them when the file does not say.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A stage, by id or title.
    pub stage: Option<String>,
    /// The author of rows without one (text and CSV).
    pub author: Option<String>,
    /// The cluster (by title) of rows without one (text and CSV).
    pub cluster: Option<String>,
}

/// `--stage` named no stage of the session (by id or title): what it named.
#[derive(Debug, PartialEq, Eq)]
pub struct NoStage(pub String);

/// The stage `--stage` names, by id or title; an error when none has it.
fn resolve_stage(s: &Session, opts: &Options) -> Result<Option<Id>, NoStage> {
    let Some(key) = opts.stage.as_deref() else {
        return Ok(None);
    };
    s.agenda
        .iter()
        .find(|st| st.id.as_str() == key)
        .or_else(|| {
            s.agenda
                .iter()
                .find(|st| same_name(&st.title) == same_name(key))
        })
        .map(|st| Some(st.id.clone()))
        .ok_or_else(|| NoStage(key.to_owned()))
}

/// `atelier import SESSION FROM`: read, check every row, then import all
/// of it or nothing. Says what it found and did to `out`, in `lang`.
pub fn run(
    session: &Path,
    from: &Path,
    source: Option<Source>,
    opts: &Options,
    lang: &str,
    out: &mut impl Write,
) -> Result<bool, String> {
    let file = from.display().to_string();
    let bytes = std::fs::read(from).map_err(|e| {
        let why = crate::i18n::io_error(lang, &e);
        t!(lang, "io-at-path", path = file.as_str(), why = why)
    })?;
    let csv_name = from
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv"));
    let parsed = parse(&bytes, source, csv_name, lang).map_err(|bad| {
        let mut msg = t!(lang, "import-bad-rows", file = file.as_str(), n = bad.len());
        for b in &bad {
            msg.push_str(&format!("\n  {file}:{}: {}", b.line, b.message));
        }
        msg
    })?;
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "import-read-as",
            file = file.as_str(),
            format = parsed.format.describe(lang)
        )
    );
    if let Some(note) = &parsed.note {
        let _ = writeln!(out, "{file}: {note}");
    }
    if parsed.board().is_some() && (opts.author.is_some() || opts.cluster.is_some()) {
        return Err(t!(lang, "import-board-options"));
    }
    let (mut store, mut s) = Store::open(session).map_err(|e| crate::i18n::load_error(lang, &e))?;
    let name = session.display().to_string();
    if let Some(why) = store.read_only() {
        return Err(t!(
            lang,
            "import-read-only",
            session = name.as_str(),
            why = why.to_string()
        ));
    }
    let now = Timestamp::now();
    let no_stage = |e: NoStage| t!(lang, "import-no-stage", stage = format!("{:?}", e.0));
    let (ops, changed, summary) = match &parsed.content {
        Content::Rows(rows) => {
            let (ops, outcome) = plan(&s, rows, opts, now).map_err(no_stage)?;
            (ops, outcome.changed(), outcome.summary(&name, lang))
        }
        Content::Board(board) => {
            for w in &board.warnings {
                let _ = writeln!(out, "{file}:{}: {}", w.line, w.message(lang));
            }
            // Round titles are the session's words, in its language.
            let words: &str = match s.language.as_deref() {
                Some(l) => crate::i18n::supported(l),
                None => lang,
            };
            let (ops, outcome) = plan_board(&s, board, opts, words, now).map_err(no_stage)?;
            (ops, outcome.changed(), outcome.summary(&name, lang))
        }
    };
    if !changed {
        let _ = out.write_all(summary.as_bytes());
        return Ok(true);
    }
    s.apply_all(ops);
    let problems = validate(&s);
    if !problems.is_empty() {
        let list: Vec<String> = problems
            .iter()
            .map(|p| crate::i18n::problem(lang, p))
            .collect();
        return Err(t!(lang, "import-invalid", problems = list.join("; ")));
    }
    match store
        .save(&s)
        .map_err(|e| crate::i18n::save_error(lang, &e))?
    {
        Saved::Conflict(copy) => Err(t!(
            lang,
            "import-conflict",
            session = name.as_str(),
            copy = copy.display().to_string()
        )),
        Saved::Written | Saved::Unchanged => {
            let _ = out.write_all(summary.as_bytes());
            Ok(true)
        }
    }
}

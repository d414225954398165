//! The spreadsheet: one row per note and per sticky note, in time order,
//! then one per group of sticky notes (cluster) and one per action, so that
//! a spreadsheet holds the whole result: the `votes` column adds up to the
//! session's votes, and the action plan is there with its owners, due
//! dates and states. `docs/csv.md` describes every column.
//!
//! RFC 4180 (comma-separated, double quotes around fields that need them,
//! CRLF line ends), written by the `csv` crate. The file starts with a UTF-8
//! byte order mark: without it, Excel reads a CSV file in the computer's
//! legacy code page and turns "été" into "Ã©tÃ©". Control characters are
//! made visible as elsewhere, and a text that a spreadsheet would take for
//! a formula (starting with `=`, `+`, `-` or `@`) gets a leading `'`.
//! When anonymized, the author and owner columns say so in their heading.
//!
//! The values of `kind` and `status` are keys (`sticky`, `cluster`,
//! `action-item`, `todo`…), the same whatever the session's language, so
//! that a spreadsheet of several sessions filters and pivots alike.

use super::text::{clean, iso_date};
use super::view::status_key;
use super::{ExportError, Options, prepare};
use crate::model::{Id, Session, Target, Timestamp};

/// How many columns a row has.
pub const CSV_COLUMNS: usize = 11;

/// The columns, in order. The first eight are those of the first CSV
/// export; `owner`, `due` and `status` (filled for actions only) came after
/// them and stay after them.
pub const CSV_HEADER: [&str; CSV_COLUMNS] = [
    "id", "kind", "stage", "cluster", "author", "votes", "text", "time", "owner", "due", "status",
];

/// The `kind` of a group of sticky notes.
pub const KIND_CLUSTER: &str = "cluster";
/// The `kind` of an action of the action plan (a note of kind "action" is
/// `action`).
pub const KIND_ACTION: &str = "action-item";

/// The rows of the CSV export (without the header), as the export writes
/// them: notes and sticky notes in time order, then the groups in board
/// order, then the actions in the plan's order.
pub fn csv_rows(session: &Session, opts: &Options) -> Vec<[String; CSV_COLUMNS]> {
    let s = prepare(session, opts);
    let tally = s.tally(None);
    let votes = |t: Target| tally.get(&t).copied().unwrap_or(0).to_string();
    let stage = |id: Option<&Id>| {
        id.and_then(|id| s.stage(id))
            .map(|st| cell(&st.title))
            .unwrap_or_default()
    };
    let cluster = |id: Option<&Id>| {
        id.and_then(|c| s.cluster(c))
            .map(|c| cell(&c.title))
            .unwrap_or_default()
    };
    let author = |id: Option<&Id>| cell(s.participant_name(id));
    let row = |id: &Id, kind: &str| {
        let mut r: [String; CSV_COLUMNS] = Default::default();
        r[0] = cell(id.as_str());
        r[1] = kind.to_owned();
        r
    };
    let mut timed: Vec<(Timestamp, usize, [String; CSV_COLUMNS])> = Vec::new();
    for (i, x) in s.stickies.iter().enumerate() {
        let mut r = row(&x.id, "sticky");
        r[2] = stage(x.stage.as_ref());
        r[3] = cluster(x.cluster.as_ref());
        r[4] = author(x.author.as_ref());
        r[5] = votes(Target::Sticky(x.id.clone()));
        r[6] = cell(&x.text);
        r[7] = x.time.to_string();
        timed.push((x.time, s.notes.len() + i, r));
    }
    for (i, n) in s.notes.iter().enumerate() {
        let mut r = row(&n.id, n.kind.label());
        r[2] = stage(n.stage.as_ref());
        r[4] = author(n.author.as_ref());
        r[6] = cell(&n.text);
        r[7] = n.time.to_string();
        timed.push((n.time, i, r));
    }
    timed.sort_by_key(|(t, i, _)| (*t, *i));
    let mut rows: Vec<_> = timed.into_iter().map(|(_, _, r)| r).collect();
    for c in &s.clusters {
        let mut r = row(&c.id, KIND_CLUSTER);
        r[2] = stage(c.stage.as_ref());
        // Its own title, so that filtering on a group gives the group and
        // its sticky notes.
        r[3] = cell(&c.title);
        r[5] = votes(Target::Cluster(c.id.clone()));
        r[6] = cell(&c.title);
        rows.push(r);
    }
    for a in &s.actions {
        let mut r = row(&a.id, KIND_ACTION);
        r[6] = cell(&a.text);
        r[8] = cell(&a.owner);
        r[9] = a.due.map(iso_date).unwrap_or_default();
        r[10] = status_key(a.status).to_owned();
        rows.push(r);
    }
    rows
}

/// A text as a cell: controls made visible, formulas defused.
fn cell(text: &str) -> String {
    let text = clean(text);
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text
    }
}

/// The header as written: the author and owner columns say when they were
/// anonymized.
pub fn csv_header(opts: &Options) -> [&'static str; CSV_COLUMNS] {
    let mut header = CSV_HEADER;
    if opts.anonymize {
        // The file says so itself: an anonymized export is safe to publish.
        header[4] = "author (anonymized)";
        header[8] = "owner (anonymized)";
    }
    header
}

/// The session as CSV, starting with a UTF-8 byte order mark.
pub fn csv(session: &Session, opts: &Options) -> Result<String, ExportError> {
    let err = |e: &dyn std::fmt::Display| ExportError::Csv(e.to_string());
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(csv_header(opts)).map_err(|e| err(&e))?;
    for row in csv_rows(session, opts) {
        w.write_record(&row).map_err(|e| err(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| err(&e))?;
    let body = String::from_utf8(bytes).map_err(|e| err(&e))?;
    Ok(format!("\u{feff}{body}"))
}

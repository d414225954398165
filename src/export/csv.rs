//! The spreadsheet: one row per sticky and per note, in time order.
//!
//! RFC 4180 (comma-separated, double quotes around fields that need them,
//! CRLF line ends), written by the `csv` crate. The file starts with a UTF-8
//! byte order mark: without it, Excel reads a CSV file in the computer's
//! legacy code page and turns "été" into "Ã©tÃ©". Control characters are
//! made visible as elsewhere, and a text that a spreadsheet would take for
//! a formula (starting with `=`, `+`, `-` or `@`) gets a leading `'`.
//! When anonymized, the author column is headed `author (anonymized)`.

use super::text::clean;
use super::{ExportError, Options, prepare};
use crate::model::{Id, Session, Target, Timestamp};

/// The columns, in order.
pub const CSV_HEADER: [&str; 8] = [
    "id", "kind", "stage", "cluster", "author", "votes", "text", "time",
];

/// The rows of the CSV export (without the header), as the export writes them.
pub fn csv_rows(session: &Session, opts: &Options) -> Vec<[String; 8]> {
    let s = prepare(session, opts);
    let tally = s.tally(None);
    let stage = |id: Option<&Id>| {
        id.and_then(|id| s.stage(id))
            .map(|st| cell(&st.title))
            .unwrap_or_default()
    };
    let author = |id: Option<&Id>| cell(s.participant_name(id));
    let mut rows: Vec<(Timestamp, usize, [String; 8])> = Vec::new();
    for (i, x) in s.stickies.iter().enumerate() {
        let votes = tally
            .get(&Target::Sticky(x.id.clone()))
            .copied()
            .unwrap_or(0);
        rows.push((
            x.time,
            s.notes.len() + i,
            [
                cell(x.id.as_str()),
                "sticky".to_owned(),
                stage(x.stage.as_ref()),
                x.cluster
                    .as_ref()
                    .and_then(|c| s.cluster(c))
                    .map(|c| cell(&c.title))
                    .unwrap_or_default(),
                author(x.author.as_ref()),
                votes.to_string(),
                cell(&x.text),
                x.time.to_string(),
            ],
        ));
    }
    for (i, n) in s.notes.iter().enumerate() {
        rows.push((
            n.time,
            i,
            [
                cell(n.id.as_str()),
                n.kind.label().to_owned(),
                stage(n.stage.as_ref()),
                String::new(),
                author(n.author.as_ref()),
                String::new(),
                cell(&n.text),
                n.time.to_string(),
            ],
        ));
    }
    rows.sort_by_key(|(t, i, _)| (*t, *i));
    rows.into_iter().map(|(_, _, r)| r).collect()
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

/// The session as CSV, starting with a UTF-8 byte order mark.
pub fn csv(session: &Session, opts: &Options) -> Result<String, ExportError> {
    let err = |e: &dyn std::fmt::Display| ExportError(format!("CSV: {e}"));
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header = CSV_HEADER;
    if opts.anonymize {
        // The file says so itself: an anonymized export is safe to publish.
        header[4] = "author (anonymized)";
    }
    w.write_record(header).map_err(|e| err(&e))?;
    for row in csv_rows(session, opts) {
        w.write_record(&row).map_err(|e| err(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| err(&e))?;
    let body = String::from_utf8(bytes).map_err(|e| err(&e))?;
    Ok(format!("\u{feff}{body}"))
}

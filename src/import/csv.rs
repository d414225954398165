//! CSV files of stickies with a header naming their columns.

use super::{BadRow, Row, csv_header};
use crate::model::{Colour, text::fold};
use crate::t;
use std::collections::HashMap;

/// The name of a column, as the header may write it.
fn column(name: &str) -> Option<&'static str> {
    Some(match fold(name.trim()).as_str() {
        "text" | "texte" => "text",
        "author" | "auteur" | "auteure" | "autrice" => "author",
        "colour" | "color" | "couleur" => "colour",
        "cluster" | "group" | "groupe" => "cluster",
        "votes" | "vote" | "dots" => "votes",
        _ => return None,
    })
}

/// The delimiter that makes `line` a header naming known columns,
/// `text` among them.
pub(super) fn header_delimiter(line: &str) -> Option<u8> {
    [b',', b';', b'\t'].into_iter().find(|&d| {
        let names: Vec<&str> = line
            .split(char::from(d))
            .map(|f| f.trim().trim_matches('"'))
            .collect();
        names.iter().all(|n| column(n).is_some()) && names.iter().any(|n| column(n) == Some("text"))
    })
}

/// CSV with a header (see the module's documentation); messages in `lang`.
pub fn parse_csv(text: &str, delimiter: u8, lang: &str) -> Result<Vec<Row>, Vec<BadRow>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = csv_header(&mut reader, lang)?;
    let cols = columns(&header, lang)?;
    let width = header.len();
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let records: Vec<_> = super::csv_records(&mut reader, lang, &mut errors).collect();
    for (line, record) in records {
        rows.extend(row(line, &record, &cols, width, lang, &mut errors));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

fn bad(line: usize, message: String) -> BadRow {
    BadRow { line, message }
}

/// Where the header puts each known column; errors for a column unknown
/// or twice, or no `text`.
fn columns(
    header: &::csv::StringRecord,
    lang: &str,
) -> Result<HashMap<&'static str, usize>, Vec<BadRow>> {
    let header_line = header.position().map_or(1, |p| p.line() as usize);
    let mut cols: HashMap<&'static str, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (i, name) in header.iter().enumerate() {
        match column(name) {
            Some(c) => {
                if cols.insert(c, i).is_some() {
                    errors.push(bad(
                        header_line,
                        t!(lang, "import-column-twice", column = format!("{c:?}")),
                    ));
                }
            }
            None => errors.push(bad(
                header_line,
                t!(
                    lang,
                    "import-unknown-column",
                    column = format!("{:?}", name.trim())
                ),
            )),
        }
    }
    if !cols.contains_key("text") {
        errors.push(bad(header_line, t!(lang, "import-no-text-column")));
    }
    if errors.is_empty() {
        Ok(cols)
    } else {
        Err(errors)
    }
}

/// The row of `record` (none for a blank one or one of the wrong width);
/// its mistakes go to `errors`.
fn row(
    line: usize,
    record: &::csv::StringRecord,
    cols: &HashMap<&'static str, usize>,
    width: usize,
    lang: &str,
    errors: &mut Vec<BadRow>,
) -> Option<Row> {
    if record.len() != width {
        let message = if record.len() > width {
            t!(
                lang,
                "import-too-many-fields",
                n = record.len(),
                width = width
            )
        } else {
            t!(lang, "import-field-count", n = record.len(), width = width)
        };
        errors.push(bad(line, message));
        return None;
    }
    let get = |c: &str| {
        cols.get(c)
            .and_then(|&i| record.get(i))
            .map(str::trim)
            .filter(|f| !f.is_empty())
    };
    let text = get("text").unwrap_or("").to_owned();
    if text.is_empty() {
        errors.push(bad(line, t!(lang, "import-empty-text")));
    }
    let colour = match get("colour") {
        None => None,
        Some(c) => match colour(c) {
            Some(c) => Some(c),
            None => {
                errors.push(bad(
                    line,
                    t!(lang, "import-unknown-colour", colour = format!("{c:?}")),
                ));
                None
            }
        },
    };
    let votes = match get("votes") {
        None => None,
        Some(v) => match v.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(bad(
                    line,
                    t!(lang, "import-votes-not-number", found = format!("{v:?}")),
                ));
                None
            }
        },
    };
    Some(Row {
        line,
        text,
        author: get("author").map(str::to_owned),
        colour,
        cluster: get("cluster").map(str::to_owned),
        votes,
    })
}

/// A colour by its English or French name.
pub fn colour(name: &str) -> Option<Colour> {
    Some(match fold(name.trim()).as_str() {
        "yellow" | "jaune" => Colour::Yellow,
        "pink" | "rose" => Colour::Pink,
        "blue" | "bleu" | "bleue" => Colour::Blue,
        "green" | "vert" | "verte" => Colour::Green,
        "orange" => Colour::Orange,
        "purple" | "violet" | "violette" | "mauve" => Colour::Purple,
        _ => return None,
    })
}

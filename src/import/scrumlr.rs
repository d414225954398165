//! scrumlr's board exports: CSV and JSON.
//!
//! scrumlr's board export (`src/utils/export.ts`) wrote every note as
//! `noteId, author, text, column, timestamp, parent, votes`, then one
//! `voting_iteration_N` per voting round: as JSON (an array of objects
//! with those keys), or as CSV through json2csv with `quote: ""`, so that
//! **nothing is quoted**: a text with a comma (or a line break) spreads
//! over several fields (or lines). The fields before the text and after it
//! have a fixed count, so the text is what lies between them.
//!
//! Later scrumlr servers export a regular CSV (`note_id, author_id, author,
//! text, column_id, column, rank, stack, voting_0, …`, quoted where
//! needed); it is read too.

use super::board::{Board, BoardRound, BoardSticky, RoundName, Tallied, Warn, Warning};
use super::{BadRow, csv_header, csv_records, norm, parse_time};
use crate::model::text::fold;
use crate::t;
use std::collections::{HashMap, HashSet};

/// What a column of scrumlr's export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Id,
    Author,
    Text,
    Column,
    Timestamp,
    Parent,
    Votes,
    /// `voting_iteration_N`: the note's votes in round N.
    Iteration(u32),
    Other,
}

fn col(name: &str) -> Col {
    let name = fold(name.trim().trim_matches('"'));
    match name.as_str() {
        "noteid" | "id" | "note_id" => Col::Id,
        "author" => Col::Author,
        "text" => Col::Text,
        "column" => Col::Column,
        "timestamp" => Col::Timestamp,
        "parent" | "stack" => Col::Parent,
        "votes" => Col::Votes,
        _ => match name
            .strip_prefix("voting_iteration_")
            .and_then(|n| n.parse().ok())
        {
            Some(n) => Col::Iteration(n),
            None => Col::Other,
        },
    }
}

/// Whether a header (names folded) is scrumlr's board export, either kind.
pub(super) fn is_header(names: &[String]) -> bool {
    let has = |n: &str| names.iter().any(|x| x == n);
    (has("text") && has("author") && has("parent") && (has("noteid") || has("id")))
        || is_server_header(names)
}

fn is_server_header(names: &[String]) -> bool {
    let has = |n: &str| names.iter().any(|x| x == n);
    has("note_id") && has("text") && has("stack")
}

/// One note as the file has it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub id: String,
    pub author: String,
    pub text: String,
    pub column: String,
    pub timestamp: String,
    /// The note this one is stacked on.
    pub parent: Option<String>,
    pub votes: u32,
    /// Votes per iteration, in the order of [`Layout::iterations`].
    pub iterations: Vec<u32>,
}

/// The columns of an unquoted CSV, from its header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    cols: Vec<Col>,
    text: usize,
    /// The iteration numbers, in column order.
    pub iterations: Vec<u32>,
}

impl Layout {
    /// The layout a header line gives, or why it cannot be read.
    pub fn from_header(line: &str, lang: &str) -> Result<Layout, String> {
        let cols: Vec<Col> = line.split(',').map(col).collect();
        let text = match cols.iter().filter(|c| **c == Col::Text).count() {
            1 => cols.iter().position(|c| *c == Col::Text).unwrap_or(0),
            _ => return Err(t!(lang, "import-scrumlr-header")),
        };
        let iterations = cols
            .iter()
            .filter_map(|c| match c {
                Col::Iteration(n) => Some(*n),
                _ => None,
            })
            .collect();
        Ok(Layout {
            cols,
            text,
            iterations,
        })
    }

    /// Fields after the text.
    fn tail(&self) -> usize {
        self.cols.len() - self.text - 1
    }

    /// Split one record (its lines joined by `\n`): the fields before the
    /// text and after it are fixed, the text is what lies between. An
    /// error says what was expected.
    pub fn split(&self, record: &str, line: usize, lang: &str) -> Result<Note, String> {
        let fields: Vec<&str> = record.split(',').collect();
        let width = self.cols.len();
        if fields.len() < width {
            return Err(t!(
                lang,
                "import-scrumlr-fields",
                n = fields.len(),
                width = width
            ));
        }
        let tail_at = fields.len() - self.tail();
        let mut note = Note {
            line,
            text: fields[self.text..tail_at].join(","),
            iterations: vec![0; self.iterations.len()],
            ..Note::default()
        };
        let fixed = fields[..self.text].iter().chain(&fields[tail_at..]);
        let cols = self.cols[..self.text]
            .iter()
            .chain(&self.cols[self.text + 1..]);
        for (c, f) in cols.zip(fixed) {
            note.set(*c, f, &self.iterations, lang)?;
        }
        Ok(note)
    }
}

impl Note {
    /// Set the field column `c` holds from its text `f`, or say why it
    /// cannot be (`iterations`: the iteration numbers, in the order of
    /// [`Note::iterations`]).
    fn set(&mut self, c: Col, f: &str, iterations: &[u32], lang: &str) -> Result<(), String> {
        let trimmed = f.trim();
        let number = |what: String| -> Result<u32, String> {
            if trimmed.is_empty() {
                return Ok(0);
            }
            // JSON may write a whole number as 2.0.
            let whole = || {
                trimmed
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
                    .map(|n| n as u32)
            };
            trimmed.parse::<u32>().ok().or_else(whole).ok_or_else(|| {
                t!(
                    lang,
                    "import-scrumlr-number",
                    column = what,
                    found = format!("{trimmed:?}")
                )
            })
        };
        match c {
            Col::Id => self.id = trimmed.to_owned(),
            Col::Author => self.author = trimmed.to_owned(),
            Col::Text => self.text = f.to_owned(),
            Col::Column => self.column = trimmed.to_owned(),
            Col::Timestamp => self.timestamp = trimmed.to_owned(),
            Col::Parent => self.parent = parent(trimmed, lang)?,
            Col::Votes => self.votes = number("votes".into())?,
            Col::Iteration(n) => {
                let v = number(format!("voting_iteration_{n}"))?;
                if let Some(k) = iterations.iter().position(|x| *x == n) {
                    self.iterations[k] = v;
                }
            }
            Col::Other => {}
        }
        Ok(())
    }
}

/// A `parent` field: `-` (or empty, or `null`) for none, else a note id.
fn parent(f: &str, lang: &str) -> Result<Option<String>, String> {
    match f {
        "" | "-" | "null" => Ok(None),
        id if id.chars().any(char::is_whitespace) => {
            Err(t!(lang, "import-scrumlr-parent", found = format!("{id:?}")))
        }
        id => Ok(Some(id.to_owned())),
    }
}

/// Whether a note id looks like one: letters, digits, `-` and `_` only.
fn id_like(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Read a scrumlr CSV (BOM removed, line ends `\n`); messages in `lang`.
pub fn parse_csv(text: &str, lang: &str) -> Result<Board, Vec<BadRow>> {
    let mut lines = text.split('\n').enumerate();
    let Some((header_at, header)) = lines.find(|(_, l)| !l.trim().is_empty()) else {
        return Ok(Board::default());
    };
    let names: Vec<String> = header
        .split(',')
        .map(|n| fold(n.trim().trim_matches('"')))
        .collect();
    if is_server_header(&names) {
        return parse_server_csv(text, lang);
    }
    let layout = Layout::from_header(header, lang).map_err(|message| {
        vec![BadRow {
            line: header_at + 1,
            message,
        }]
    })?;
    let has_id = layout.cols.contains(&Col::Id);
    let rest: Vec<(usize, &str)> = lines.map(|(i, l)| (i + 1, l)).collect();
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    // Every id of one file has one length (a UUID's, say), the first
    // note's: a line that reads alone as a note with an id of that length
    // starts a note; any other line goes on the text of the note before it.
    let id_at = layout.cols.iter().position(|c| *c == Col::Id);
    // (scrumlr wrote `-` for a note without an id: not a length to go by.)
    let id_len: Option<usize> = id_at.and_then(|at| {
        rest.iter()
            .filter_map(|(_, l)| l.split(',').nth(at).map(str::trim))
            .find(|id| *id != "-" && id_like(id))
            .map(str::len)
    });
    let starts = |line: usize, l: &str| match layout.split(l, line, lang) {
        Ok(n) => !has_id || (id_like(&n.id) && id_len.is_none_or(|len| n.id.len() == len)),
        Err(_) => false,
    };
    let mut i = 0;
    while i < rest.len() {
        let (line, first) = rest[i];
        if first.trim().is_empty() {
            i += 1;
            continue;
        }
        let mut record = first.to_owned();
        let mut attempt = layout.split(&record, line, lang);
        let mut next = i + 1;
        if attempt.is_err() {
            while next < rest.len() && !starts(rest[next].0, rest[next].1) {
                record.push('\n');
                record.push_str(rest[next].1);
                next += 1;
                if let Ok(n) = layout.split(&record, line, lang) {
                    attempt = Ok(n);
                    break;
                }
            }
        }
        match attempt {
            Ok(note) => notes.push(note),
            Err(message) => errors.push(BadRow { line, message }),
        }
        i = next;
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(board(notes, &layout.iterations))
}

/// A scrumlr server's CSV: regular CSV, votes per closed voting.
fn parse_server_csv(text: &str, lang: &str) -> Result<Board, Vec<BadRow>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = csv_header(&mut reader, lang)?;
    let names: Vec<String> = header.iter().map(|n| fold(n.trim())).collect();
    let at = |n: &str| names.iter().position(|x| x == n);
    let votings: Vec<(usize, u32)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let k: u32 = n.strip_prefix("voting_")?.parse().ok()?;
            Some((i, k + 1))
        })
        .collect();
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    let mut unreadable = Vec::new();
    for (line, record) in csv_records(&mut reader, lang, &mut unreadable) {
        let get = |n: &str| at(n).and_then(|i| record.get(i)).unwrap_or("");
        let mut note = Note {
            line,
            id: get("note_id").trim().to_owned(),
            author: get("author").trim().to_owned(),
            text: get("text").to_owned(),
            column: get("column").trim().to_owned(),
            ..Note::default()
        };
        match parent(get("stack").trim(), lang) {
            Ok(p) => note.parent = p,
            Err(message) => {
                errors.push(BadRow { line, message });
                continue;
            }
        }
        for (i, k) in &votings {
            let f = record.get(*i).unwrap_or("").trim();
            match f.parse::<u32>() {
                Ok(n) => note.iterations.push(n),
                Err(_) if f.is_empty() => note.iterations.push(0),
                Err(_) => errors.push(BadRow {
                    line,
                    message: t!(
                        lang,
                        "import-scrumlr-number",
                        column = format!("voting_{}", k - 1),
                        found = format!("{f:?}")
                    ),
                }),
            }
        }
        note.votes = note.iterations.iter().fold(0, |a, n| a.saturating_add(*n));
        notes.push(note);
    }
    errors.append(&mut unreadable);
    errors.sort_by_key(|e| e.line);
    if !errors.is_empty() {
        return Err(errors);
    }
    let iterations: Vec<u32> = votings.iter().map(|(_, k)| *k).collect();
    Ok(board(notes, &iterations))
}

/// The 1-based line where each object of a JSON array begins.
fn object_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut line, mut depth, mut string, mut escape) = (1, 0usize, false, false);
    for c in text.chars() {
        if string {
            match c {
                _ if escape => escape = false,
                '\\' => escape = true,
                '"' => string = false,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => string = true,
            '\n' => line += 1,
            '[' | '{' => {
                if depth == 1 {
                    out.push(line);
                }
                depth += 1;
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    out
}

/// Read a scrumlr JSON export: an array of notes; messages in `lang`.
pub fn parse_json(text: &str, lang: &str) -> Result<Board, Vec<BadRow>> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![BadRow {
            line: e.line(),
            message: t!(lang, "import-json-error", error = e.to_string()),
        }]
    })?;
    let Value::Array(items) = value else {
        return Err(vec![BadRow {
            line: 1,
            message: t!(lang, "import-scrumlr-json-shape"),
        }]);
    };
    let lines = object_lines(text);
    let mut iterations: Vec<u32> = items
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|o| o.keys())
        .filter_map(|k| match col(k) {
            Col::Iteration(n) => Some(n),
            _ => None,
        })
        .collect::<HashSet<u32>>()
        .into_iter()
        .collect();
    iterations.sort_unstable();
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let bad = |message: String| BadRow { line, message };
        let Some(object) = item.as_object() else {
            errors.push(bad(t!(lang, "import-scrumlr-json-shape")));
            continue;
        };
        let mut note = Note {
            line,
            iterations: vec![0; iterations.len()],
            ..Note::default()
        };
        let mut has_text = false;
        for (key, value) in object {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Null => String::new(),
                Value::Array(_) | Value::Object(_) => {
                    if matches!(col(key), Col::Other) {
                        continue;
                    }
                    errors.push(bad(t!(
                        lang,
                        "import-json-not-text",
                        key = format!("{key:?}")
                    )));
                    continue;
                }
            };
            let c = col(key);
            has_text |= c == Col::Text;
            let result = note.set(c, &text, &iterations, lang);
            if let Err(message) = result {
                errors.push(bad(message));
            }
        }
        if !has_text {
            errors.push(bad(t!(lang, "import-json-no-text")));
            continue;
        }
        notes.push(note);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(board(notes, &iterations))
}

/// The notes as a board: stickies with their authors and columns; a note
/// stacked on another joins a cluster titled with the stack's first note,
/// which joins it too; votes per iteration (or the totals).
pub fn board(notes: Vec<Note>, iterations: &[u32]) -> Board {
    let mut board = Board::default();
    let roots = stack_roots(&notes, &mut board.warnings);
    let titles = stack_titles(&notes, &roots);
    let index = add_stickies(&notes, &roots, &titles, &mut board);
    let tallies = |count: &dyn Fn(&Note) -> u32| -> Vec<(Tallied, u32)> {
        notes
            .iter()
            .zip(&index)
            .filter_map(|(n, at)| Some((Tallied::Sticky((*at)?), count(n))))
            .filter(|(_, c)| *c > 0)
            .collect()
    };
    if iterations.is_empty() {
        let t = tallies(&|n| n.votes);
        if !t.is_empty() {
            board.rounds.push(BoardRound {
                name: RoundName::ScrumlrTotal,
                tallies: t,
            });
        }
    } else {
        for (k, n) in iterations.iter().enumerate() {
            board.rounds.push(BoardRound {
                name: RoundName::Scrumlr(*n),
                tallies: tallies(&|note| note.iterations.get(k).copied().unwrap_or(0)),
            });
        }
    }
    board.warnings.sort_by_key(|w| w.line);
    board
}

/// The first note of each note's stack (itself when not stacked; none for
/// a note in no stack); a parent that is not there is a warning.
fn stack_roots(notes: &[Note], warnings: &mut Vec<Warning>) -> Vec<Option<usize>> {
    let by_id: HashMap<&str, usize> = notes
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, n)| !n.id.is_empty())
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut roots: Vec<Option<usize>> = vec![None; notes.len()];
    for (i, n) in notes.iter().enumerate() {
        let Some(p) = &n.parent else { continue };
        let Some(&first) = by_id.get(p.as_str()) else {
            warnings.push(Warning {
                line: n.line,
                what: Warn::UnknownParent(p.clone()),
            });
            continue;
        };
        let mut root = first;
        let mut seen = HashSet::from([i, first]);
        while let Some(&up) = notes[root].parent.as_deref().and_then(|p| by_id.get(p)) {
            if !seen.insert(up) {
                break;
            }
            root = up;
        }
        roots[i] = Some(root);
        roots[root] = Some(root);
    }
    roots
}

/// A stack's title, by its first note: that note's text, else the first
/// text in it.
fn stack_titles(notes: &[Note], roots: &[Option<usize>]) -> HashMap<usize, String> {
    let mut titles: HashMap<usize, String> = HashMap::new();
    for (i, root) in roots.iter().enumerate() {
        let Some(root) = root else { continue };
        let own = norm(&notes[*root].text);
        let text = if own.is_empty() {
            norm(&notes[i].text)
        } else {
            own
        };
        if !text.is_empty() {
            titles.entry(*root).or_insert(text);
        }
    }
    titles
}

/// The notes with text as the board's stickies, in their stacks'
/// clusters; where each note went (none for an empty one).
fn add_stickies(
    notes: &[Note],
    roots: &[Option<usize>],
    titles: &HashMap<usize, String>,
    board: &mut Board,
) -> Vec<Option<usize>> {
    let mut index: Vec<Option<usize>> = Vec::with_capacity(notes.len());
    for (i, n) in notes.iter().enumerate() {
        if n.text.trim().is_empty() {
            board.warnings.push(Warning {
                line: n.line,
                what: Warn::EmptyText,
            });
            index.push(None);
            continue;
        }
        let time = parse_time(&n.timestamp);
        if time.is_none() && !matches!(n.timestamp.as_str(), "" | "-") {
            board.warnings.push(Warning {
                line: n.line,
                what: Warn::Time(n.timestamp.clone()),
            });
        }
        index.push(Some(board.stickies.len()));
        board.stickies.push(BoardSticky {
            line: n.line,
            text: n.text.clone(),
            author: Some(n.author.clone()).filter(|a| !a.is_empty()),
            tags: if n.column.is_empty() {
                Vec::new()
            } else {
                vec![n.column.clone()]
            },
            cluster: roots[i].and_then(|r| titles.get(&r).cloned()),
            time,
        });
    }
    index
}

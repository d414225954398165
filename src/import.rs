//! `atelier import`: sticky notes from a text or CSV file, such as notes
//! typed by participants or transcribed from paper.
//!
//! - A **text file** holds one sticky per line; when blank lines separate
//!   blocks and some block has several lines, each block is one sticky
//!   (its lines kept). Blank lines are skipped.
//! - A **CSV file** (a `.csv` name, or a first line naming the columns)
//!   has a header naming its columns, in any order, any case: `text`
//!   (required), `author`, `colour`, `cluster`, `votes` (French names work
//!   too: `texte`, `auteur`, `couleur`, `groupe`; `color`, `group`, `dots`
//!   as well). Commas, semicolons or tabs separate the fields; quoted
//!   fields may hold commas, quotes (doubled) and line breaks.
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
//! - All or nothing: any bad row (empty text, unknown colour, votes that
//!   are not a whole number, a wrong number of fields) is reported with its
//!   line number and nothing is imported.
//! - Importing the same file twice adds nothing: a row whose text (spaces
//!   collapsed), author and cluster match a sticky already in the session
//!   is skipped, and the summary says how many were.
//! - The session is saved through the store: never while it is open in a
//!   running atelier (that is reported), atomically, and into a conflict
//!   copy if it changed on disk meanwhile.

use crate::merge::{count, same_name};
use crate::model::{
    Cluster, Colour, Id, Item, Op, Participant, Role, Session, Target, Timestamp, text::fold,
    validate,
};
use crate::store::{Saved, Store};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

/// The title of the voting round imported votes go to.
pub const ROUND: &str = "Imported votes";

/// Dots per participant of the round made for imported votes (paper
/// tallies are not limited by it).
const ROUND_DOTS: u32 = 3;

/// One sticky to import, as read from the file.
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

/// What the file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Lines,
    Blocks,
    Csv,
}

/// The rows of a file, or every bad row in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub format: Format,
    pub rows: Vec<Row>,
    /// A note about how the file was read (an encoding other than UTF-8).
    pub note: Option<String>,
}

/// Read a file's bytes: CSV when `csv_name` (a `.csv` file) or when the
/// first line names the columns, else text.
pub fn parse(bytes: &[u8], csv_name: bool) -> Result<Parsed, Vec<BadRow>> {
    let (text, note) = decode(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = text.replace("\r\n", "\n");
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = header_delimiter(first);
    if csv_name || delimiter.is_some() {
        let rows = parse_csv(&text, delimiter.unwrap_or(b','))?;
        return Ok(Parsed {
            format: Format::Csv,
            rows,
            note,
        });
    }
    let (format, rows) = parse_text(&text);
    Ok(Parsed { format, rows, note })
}

/// UTF-8, or else Windows-1252 (what spreadsheets on Windows save), said in a note.
fn decode(bytes: &[u8]) -> (String, Option<String>) {
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
            (
                text,
                Some("the file is not UTF-8: it was read as Windows-1252 (Latin-1)".into()),
            )
        }
    }
}

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
fn header_delimiter(line: &str) -> Option<u8> {
    [b',', b';', b'\t'].into_iter().find(|&d| {
        let names: Vec<&str> = line
            .split(char::from(d))
            .map(|f| f.trim().trim_matches('"'))
            .collect();
        names.iter().all(|n| column(n).is_some()) && names.iter().any(|n| column(n) == Some("text"))
    })
}

/// Text: one sticky per line, or per block (see the module's documentation).
pub fn parse_text(text: &str) -> (Format, Vec<Row>) {
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut open = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        match blocks.last_mut() {
            Some((_, lines)) if open => lines.push(line.trim()),
            _ => blocks.push((i + 1, vec![line.trim()])),
        }
        open = true;
    }
    let use_blocks = blocks.len() > 1 && blocks.iter().any(|(_, l)| l.len() > 1);
    let row = |line: usize, text: String| Row {
        line,
        text,
        author: None,
        colour: None,
        cluster: None,
        votes: None,
    };
    if use_blocks {
        let rows = blocks
            .into_iter()
            .map(|(n, l)| row(n, l.join("\n")))
            .collect();
        (Format::Blocks, rows)
    } else {
        let rows = blocks
            .into_iter()
            .flat_map(|(n, l)| {
                l.into_iter()
                    .enumerate()
                    .map(move |(i, t)| (n + i, t.to_owned()))
            })
            .map(|(n, t)| row(n, t))
            .collect();
        (Format::Lines, rows)
    }
}

/// CSV with a header (see the module's documentation).
pub fn parse_csv(text: &str, delimiter: u8) -> Result<Vec<Row>, Vec<BadRow>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let bad = |line: usize, message: String| BadRow { line, message };
    let header = reader
        .headers()
        .map_err(|e| vec![bad(1, format!("the header cannot be read ({e})"))])?
        .clone();
    let header_line = header.position().map_or(1, |p| p.line() as usize);
    let mut cols: HashMap<&'static str, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (i, name) in header.iter().enumerate() {
        match column(name) {
            Some(c) => {
                if cols.insert(c, i).is_some() {
                    errors.push(bad(header_line, format!("the column {c:?} is named twice")));
                }
            }
            None => errors.push(bad(
                header_line,
                format!(
                    "unknown column {:?}: expected text, author, colour, cluster, votes",
                    name.trim()
                ),
            )),
        }
    }
    if !cols.contains_key("text") {
        errors.push(bad(
            header_line,
            "no `text` column: the first line must name the columns (text, author, colour, cluster, votes)".into(),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let width = header.len();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                errors.push(bad(line, format!("this row cannot be read ({e})")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != width {
            errors.push(bad(
                line,
                format!(
                    "{} where the header has {width}{}",
                    count(record.len(), "field"),
                    if record.len() > width {
                        " (a text with a comma must be in double quotes)"
                    } else {
                        ""
                    }
                ),
            ));
            continue;
        }
        let get = |c: &str| {
            cols.get(c)
                .and_then(|&i| record.get(i))
                .map(str::trim)
                .filter(|f| !f.is_empty())
        };
        let text = get("text").unwrap_or("").to_owned();
        if text.is_empty() {
            errors.push(bad(line, "the text is empty".into()));
        }
        let colour = match get("colour") {
            None => None,
            Some(c) => match colour(c) {
                Some(c) => Some(c),
                None => {
                    errors.push(bad(
                        line,
                        format!(
                            "unknown colour {c:?}: expected yellow, pink, blue, green, orange, purple (or jaune, rose, bleu, vert, orange, violet)"
                        ),
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
                        format!("votes must be a whole number such as 3, found {v:?}"),
                    ));
                    None
                }
            },
        };
        rows.push(Row {
            line,
            text,
            author: get("author").map(str::to_owned),
            colour,
            cluster: get("cluster").map(str::to_owned),
            votes,
        });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
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

/// Where imported stickies go, and who wrote them when the file does not say.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A stage, by id or title.
    pub stage: Option<String>,
    /// The author of rows without one.
    pub author: Option<String>,
    /// The cluster (by title) of rows without one.
    pub cluster: Option<String>,
}

/// What an import did (or would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub added: usize,
    /// Rows already in the session (or twice in the file).
    pub skipped: usize,
    pub new_participants: Vec<String>,
    pub new_clusters: Vec<String>,
    /// Stickies whose paper tally was set or changed.
    pub tallies: usize,
    pub round_created: bool,
}

impl Outcome {
    pub fn changed(&self) -> bool {
        self.added > 0 || self.tallies > 0
    }

    pub fn summary(&self, session: &str) -> String {
        let mut out = format!("imported {} into {session}", count(self.added, "sticky"));
        if self.skipped > 0 {
            out.push_str(&format!(
                " ({} skipped: already there)",
                count(self.skipped, "row")
            ));
        }
        out.push('\n');
        if !self.new_participants.is_empty() {
            out.push_str(&format!(
                "new participants (no one of that name): {}\n",
                self.new_participants.join(", ")
            ));
        }
        if !self.new_clusters.is_empty() {
            out.push_str(&format!("new clusters: {}\n", self.new_clusters.join(", ")));
        }
        if self.tallies > 0 {
            out.push_str(&format!(
                "votes: {} set in the round {ROUND:?}{}\n",
                count(self.tallies, "paper tally"),
                if self.round_created { " (new)" } else { "" }
            ));
        }
        out
    }
}

/// Whitespace collapsed: how texts are compared to skip duplicates.
fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ops importing `rows` into `s` (see the module's rules), and what
/// they do. An error when `--stage` names no stage.
pub fn plan(
    s: &Session,
    rows: &[Row],
    opts: &Options,
    now: Timestamp,
) -> Result<(Vec<Op>, Outcome), String> {
    let stage = match opts.stage.as_deref() {
        None => None,
        Some(key) => Some(
            s.agenda
                .iter()
                .find(|st| st.id.as_str() == key)
                .or_else(|| {
                    s.agenda
                        .iter()
                        .find(|st| same_name(&st.title) == same_name(key))
                })
                .map(|st| st.id.clone())
                .ok_or_else(|| {
                    format!("no stage has the id or title {key:?}: see the agenda in the app")
                })?,
        ),
    };
    let mut work = s.clone();
    let mut ops = Vec::new();
    let mut out = Outcome::default();
    let push = |work: &mut Session, ops: &mut Vec<Op>, op: Op| {
        work.apply(op.clone());
        ops.push(op);
    };
    let mut people: HashMap<String, Id> = s
        .participants
        .iter()
        .rev()
        .map(|p| (same_name(&p.name), p.id.clone()))
        .collect();
    let mut groups: HashMap<String, Id> = s
        .clusters
        .iter()
        .rev()
        .map(|c| (same_name(&c.title), c.id.clone()))
        .collect();
    let key = |text: &str, author: &Option<Id>, cluster: &Option<Id>| {
        (norm(text), author.clone(), cluster.clone())
    };
    let mut known: HashMap<(String, Option<Id>, Option<Id>), Id> = s
        .stickies
        .iter()
        .rev()
        .map(|x| (key(&x.text, &x.author, &x.cluster), x.id.clone()))
        .collect();
    let mut round: Option<Id> = s
        .rounds
        .iter()
        .find(|r| same_name(&r.title) == same_name(ROUND))
        .map(|r| r.id.clone());
    let mut seen_rows: HashSet<(String, Option<Id>, Option<Id>)> = HashSet::new();

    for row in rows {
        let author = match row.author.as_deref().or(opts.author.as_deref()) {
            Some(name) if !name.trim().is_empty() => {
                let k = same_name(name);
                Some(match people.get(&k) {
                    Some(id) => id.clone(),
                    None => {
                        let p = Participant {
                            id: Id::new(),
                            name: norm(name),
                            role: Role::Other,
                            organisation: String::new(),
                        };
                        let id = p.id.clone();
                        out.new_participants.push(p.name.clone());
                        push(
                            &mut work,
                            &mut ops,
                            Op::Insert {
                                at: usize::MAX,
                                item: Item::Participant(p),
                            },
                        );
                        people.insert(k, id.clone());
                        id
                    }
                })
            }
            _ => None,
        };
        let cluster = match row.cluster.as_deref().or(opts.cluster.as_deref()) {
            Some(title) if !title.trim().is_empty() => {
                let k = same_name(title);
                Some(match groups.get(&k) {
                    Some(id) => id.clone(),
                    None => {
                        let c = Cluster {
                            id: Id::new(),
                            title: norm(title),
                            stage: stage.clone(),
                        };
                        let id = c.id.clone();
                        out.new_clusters.push(c.title.clone());
                        push(
                            &mut work,
                            &mut ops,
                            Op::Insert {
                                at: usize::MAX,
                                item: Item::Cluster(c),
                            },
                        );
                        groups.insert(k, id.clone());
                        id
                    }
                })
            }
            _ => None,
        };
        let k = key(&row.text, &author, &cluster);
        let sticky = match known.get(&k) {
            Some(id) => {
                out.skipped += 1;
                if !seen_rows.insert(k.clone()) {
                    // Twice in this file: the first row counts.
                    continue;
                }
                id.clone()
            }
            None => {
                let op = work.new_sticky(
                    &row.text,
                    author,
                    row.colour.unwrap_or_default(),
                    stage.clone(),
                    &match &cluster {
                        Some(c) => crate::model::Place::Cluster(c.clone()),
                        None => crate::model::Place::Inbox,
                    },
                    now,
                );
                let Op::Insert {
                    item: Item::Sticky(x),
                    ..
                } = &op
                else {
                    continue;
                };
                let id = x.id.clone();
                push(&mut work, &mut ops, op);
                out.added += 1;
                known.insert(k.clone(), id.clone());
                seen_rows.insert(k);
                id
            }
        };
        if let Some(n) = row.votes.filter(|n| *n > 0) {
            let target = Target::Sticky(sticky);
            let rid = match &round {
                Some(r) => r.clone(),
                None => {
                    let (rid, op) = work.new_round(ROUND, ROUND_DOTS, None, stage.clone(), now);
                    push(&mut work, &mut ops, op);
                    out.round_created = true;
                    round = Some(rid.clone());
                    rid
                }
            };
            let tally = work.paper_tally(&rid, &target, n);
            let tally: Vec<Op> = tally.into_iter().filter(|op| work.changes(op)).collect();
            if !tally.is_empty() {
                out.tallies += 1;
                for op in tally {
                    push(&mut work, &mut ops, op);
                }
            }
        }
    }
    Ok((ops, out))
}

/// `atelier import SESSION FROM`: read, check every row, then import all
/// of it or nothing. Writes a summary to `out`.
pub fn run(
    session: &Path,
    from: &Path,
    opts: &Options,
    out: &mut impl Write,
) -> Result<bool, String> {
    let bytes = std::fs::read(from)
        .map_err(|e| format!("{}: {}", from.display(), crate::store::describe_io(&e)))?;
    let csv_name = from
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv"));
    let parsed = parse(&bytes, csv_name).map_err(|bad| {
        let mut msg = format!(
            "{}: {}, nothing imported:",
            from.display(),
            count(bad.len(), "bad row")
        );
        for b in &bad {
            msg.push_str(&format!("\n  {}:{}: {}", from.display(), b.line, b.message));
        }
        msg
    })?;
    let (mut store, mut s) = Store::open(session).map_err(|e| e.to_string())?;
    if let Some(why) = store.read_only() {
        return Err(format!(
            "{}: {why}; nothing imported (close it there first, then import again)",
            session.display()
        ));
    }
    let (ops, outcome) = plan(&s, &parsed.rows, opts, Timestamp::now())?;
    if let Some(note) = &parsed.note {
        let _ = writeln!(out, "{}: {note}", from.display());
    }
    let name = session.display().to_string();
    if !outcome.changed() {
        let _ = out.write_all(outcome.summary(&name).as_bytes());
        return Ok(true);
    }
    s.apply_all(ops);
    let problems = validate(&s);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        return Err(format!(
            "the import would make an invalid session, nothing imported: {}",
            list.join("; ")
        ));
    }
    match store.save(&s).map_err(|e| e.to_string())? {
        Saved::Conflict(copy) => Err(format!(
            "{} changed on disk while importing; the session with the import went to {}",
            session.display(),
            copy.display()
        )),
        Saved::Written | Saved::Unchanged => {
            let _ = out.write_all(outcome.summary(&name).as_bytes());
            Ok(true)
        }
    }
}

//! Parabol's "Export to CSV" of a retrospective (or of a check-in's
//! agenda items): one row per reflection, comment, reply and task.
//!
//! Written by Parabol's `ExportToCSV.tsx` with json2csv: a UTF-8 BOM, `\n`
//! line ends, every string quoted, numbers bare; the columns are
//! `reflectionGroup, author, votes, prompt, type, createdAt,
//! discussionThread, content` (their order has changed between versions:
//! they are found by name). `votes` is the group's count, repeated on every
//! row of the group; reflections are always by `Anonymous`.

use super::board::{
    Board, BoardAction, BoardNote, BoardRound, BoardSticky, RoundName, Tallied, Warn, Warning,
};
use super::{BadRow, csv_header, csv_records, parse_time};
use crate::model::{NoteKind, text::fold};
use crate::t;
use std::collections::HashMap;

/// Whether a header line (already split on commas) is Parabol's.
pub(super) fn is_header(names: &[String]) -> bool {
    let has = |n: &str| names.iter().any(|x| x == n);
    has("type") && has("content") && (has("reflectiongroup") || has("agendaitem"))
}

/// The name Parabol gives to a person it does not name.
const ANONYMOUS: &str = "anonymous";

/// Read a Parabol CSV (BOM removed, line ends `\n`); messages in `lang`.
pub fn parse(text: &str, lang: &str) -> Result<Board, Vec<BadRow>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let cols = Columns::read(&mut reader, lang)?;
    let mut p = Parsed::default();
    let mut unreadable = Vec::new();
    for (line, record) in csv_records(&mut reader, lang, &mut unreadable) {
        p.row(&cols, line, &record, lang);
    }
    let Parsed {
        mut board,
        mut errors,
        tallies,
    } = p;
    errors.append(&mut unreadable);
    errors.sort_by_key(|e| e.line);
    if !errors.is_empty() {
        return Err(errors);
    }
    if !tallies.is_empty() {
        board.rounds.push(BoardRound {
            name: RoundName::Parabol,
            tallies,
        });
    }
    Ok(board)
}

/// Where the header puts each column, by folded name.
struct Columns {
    cols: HashMap<String, usize>,
    kind: usize,
    content: usize,
    /// The reflection group's (a retrospective) or agenda item's column.
    group: Option<usize>,
    is_retro: bool,
}

impl Columns {
    /// The header's columns; an error without `type` and `content`.
    fn read(reader: &mut ::csv::Reader<&[u8]>, lang: &str) -> Result<Columns, Vec<BadRow>> {
        let header = csv_header(reader, lang)?;
        let cols: HashMap<String, usize> = header
            .iter()
            .enumerate()
            .map(|(i, n)| (fold(n.trim()), i))
            .collect();
        let col = |name: &str| cols.get(name).copied();
        let (Some(kind), Some(content)) = (col("type"), col("content")) else {
            return Err(vec![BadRow {
                line: 1,
                message: t!(lang, "import-parabol-header"),
            }]);
        };
        let group = col("reflectiongroup").or_else(|| col("agendaitem"));
        let is_retro = col("reflectiongroup").is_some();
        Ok(Columns {
            cols,
            kind,
            content,
            group,
            is_retro,
        })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.cols.get(name).copied()
    }
}

/// What the rows read so far give.
#[derive(Default)]
struct Parsed {
    board: Board,
    errors: Vec<BadRow>,
    /// Votes per group title, in the order groups come (Parabol sorts them
    /// by votes): the largest count read for a title.
    tallies: Vec<(Tallied, u32)>,
}

impl Parsed {
    /// The row at `line`: a sticky (reflection), an action (task) or a
    /// note (comment, reply); a warning or an error otherwise.
    fn row(&mut self, cols: &Columns, line: usize, record: &::csv::StringRecord, lang: &str) {
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("");
        let kind = get(Some(cols.kind)).trim();
        let content = get(Some(cols.content));
        let group = get(cols.group).trim();
        let author = Some(get(cols.col("author")).trim())
            .filter(|a| !a.is_empty() && fold(a) != ANONYMOUS)
            .map(str::to_owned);
        let Some(votes) = self.votes(get(cols.col("votes")).trim(), line, lang) else {
            return;
        };
        let created = get(cols.col("createdat")).trim();
        let time = parse_time(created);
        let board = &mut self.board;
        if time.is_none() && !created.is_empty() {
            board.warnings.push(Warning {
                line,
                what: Warn::Time(created.to_owned()),
            });
        }
        let folded = fold(kind);
        let known = matches!(folded.as_str(), "reflection" | "comment" | "reply" | "task");
        if !known {
            board.warnings.push(Warning {
                line,
                what: Warn::UnknownType(kind.to_owned()),
            });
            return;
        }
        if content.trim().is_empty() {
            board.warnings.push(Warning {
                line,
                what: Warn::EmptyText,
            });
            return;
        }
        let group_tag: Vec<String> = if group.is_empty() {
            Vec::new()
        } else {
            vec![group.to_owned()]
        };
        match folded.as_str() {
            "reflection" => {
                let prompt = get(cols.col("prompt")).trim();
                if cols.is_retro && votes > 0 {
                    self.tally(group, votes);
                }
                self.board.stickies.push(BoardSticky {
                    line,
                    text: content.to_owned(),
                    author,
                    tags: if prompt.is_empty() {
                        Vec::new()
                    } else {
                        vec![prompt.to_owned()]
                    },
                    cluster: Some(group.to_owned()).filter(|g| !g.is_empty()),
                    time,
                });
            }
            "task" => board.actions.push(BoardAction {
                line,
                text: content.to_owned(),
            }),
            _ => board.notes.push(BoardNote {
                line,
                kind: NoteKind::Observation,
                text: content.to_owned(),
                author,
                tags: group_tag,
                time,
            }),
        }
    }

    /// The `votes` field (none is 0); None, with an error, when it is not
    /// a number.
    fn votes(&mut self, votes: &str, line: usize, lang: &str) -> Option<u32> {
        if votes.is_empty() {
            return Some(0);
        }
        let n = votes.parse::<u32>().ok();
        if n.is_none() {
            self.errors.push(BadRow {
                line,
                message: t!(
                    lang,
                    "import-votes-not-number",
                    found = format!("{votes:?}")
                ),
            });
        }
        n
    }

    /// `votes` for the reflection about to be added, in `group` (the
    /// group's votes; a reflection in no titled group carries its own).
    fn tally(&mut self, group: &str, votes: u32) {
        let target = if group.is_empty() {
            Tallied::Sticky(self.board.stickies.len())
        } else {
            Tallied::Cluster(group.to_owned())
        };
        match self.tallies.iter_mut().find(|(t, _)| *t == target) {
            Some((_, v)) => *v = (*v).max(votes),
            None => self.tallies.push((target, votes)),
        }
    }
}

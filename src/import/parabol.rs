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
use super::{BadRow, csv_records, parse_time};
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
    let header = reader
        .headers()
        .map_err(|e| {
            vec![BadRow {
                line: 1,
                message: t!(lang, "import-bad-header", error = e.to_string()),
            }]
        })?
        .clone();
    let cols: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, n)| (fold(n.trim()), i))
        .collect();
    let col = |name: &str| cols.get(name).copied();
    let (Some(type_col), Some(content_col)) = (col("type"), col("content")) else {
        return Err(vec![BadRow {
            line: 1,
            message: t!(lang, "import-parabol-header"),
        }]);
    };
    let group_col = col("reflectiongroup").or_else(|| col("agendaitem"));
    let is_retro = col("reflectiongroup").is_some();

    let mut board = Board::default();
    let mut errors = Vec::new();
    // Votes per group title, in the order groups come (Parabol sorts them
    // by votes): the largest count read for a title.
    let mut tallies: Vec<(Tallied, u32)> = Vec::new();
    let mut unreadable = Vec::new();
    for (line, record) in csv_records(&mut reader, lang, &mut unreadable) {
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("");
        let kind = get(Some(type_col)).trim();
        let content = get(Some(content_col));
        let group = get(group_col).trim();
        let author = Some(get(col("author")).trim())
            .filter(|a| !a.is_empty() && fold(a) != ANONYMOUS)
            .map(str::to_owned);
        let votes = get(col("votes")).trim();
        let votes = if votes.is_empty() {
            0
        } else {
            match votes.parse::<u32>() {
                Ok(n) => n,
                Err(_) => {
                    errors.push(BadRow {
                        line,
                        message: t!(
                            lang,
                            "import-votes-not-number",
                            found = format!("{votes:?}")
                        ),
                    });
                    continue;
                }
            }
        };
        let created = get(col("createdat")).trim();
        let time = parse_time(created);
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
            continue;
        }
        if content.trim().is_empty() {
            board.warnings.push(Warning {
                line,
                what: Warn::EmptyText,
            });
            continue;
        }
        let group_tag: Vec<String> = if group.is_empty() {
            Vec::new()
        } else {
            vec![group.to_owned()]
        };
        match folded.as_str() {
            "reflection" => {
                let prompt = get(col("prompt")).trim();
                // A reflection in no titled group carries its own votes.
                let target = if group.is_empty() {
                    Tallied::Sticky(board.stickies.len())
                } else {
                    Tallied::Cluster(group.to_owned())
                };
                if is_retro && votes > 0 {
                    match tallies.iter_mut().find(|(t, _)| *t == target) {
                        Some((_, v)) => *v = (*v).max(votes),
                        None => tallies.push((target, votes)),
                    }
                }
                board.stickies.push(BoardSticky {
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

//! Text files: one sticky per line, or per block of lines.

use super::{Format, Row};

/// One sticky per line; when blank lines separate blocks and some block
/// has several lines, one sticky per block (its lines kept).
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

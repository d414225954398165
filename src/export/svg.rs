//! The board as an SVG picture: clusters as labelled groups (by the stage
//! they were made in), stickies in their colours with wrapped text and
//! their vote dots; then the stickies not yet sorted and the parking lot.
//!
//! Every text is XML-escaped; the picture holds no comment, no script, no
//! link and no external reference.

use super::labels::{self, Labels};
use super::text::{clean_line, xml, xml_runs};
use super::view::{Board, BoardStage, ClusterView, StickyView, board};
use super::{Options, prepare};
use crate::model::Session;
use std::fmt::Write;

const FONTS: &str = "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const INK: &str = "#1f2430";
const MUTED: &str = "#5b6473";
const DOT: &str = "#c1121f";

const MARGIN: f32 = 24.0;
const STICKY_W: f32 = 160.0;
const GAP: f32 = 10.0;
const PAD: f32 = 9.0;
const FONT: f32 = 12.5;
const LINE: f32 = 15.5;
const MAX_LINES: usize = 9;
const CLUSTER_PAD: f32 = 12.0;
const CLUSTER_W: f32 = 2.0 * STICKY_W + GAP + 2.0 * CLUSTER_PAD;
const COLUMNS: usize = 3;
const COLUMN_GAP: f32 = 18.0;
const WIDTH: f32 = 2.0 * MARGIN + COLUMNS as f32 * CLUSTER_W + (COLUMNS as f32 - 1.0) * COLUMN_GAP;

/// The board of the session as a standalone SVG document.
pub fn svg(session: &Session, opts: &Options) -> String {
    let s = prepare(session, opts);
    let l = labels::for_lang(s.language.as_deref());
    let b = board(&s, l, &s.tally(None));
    board_svg(&b, l, &clean_line(&s.title), opts.anonymize, true)
}

/// A number for an attribute: at most one decimal.
#[cfg(test)]
fn n(x: f32) -> String {
    N(x).to_string()
}

/// A number for an attribute, at most one decimal, written straight into
/// the document (no string of its own).
#[derive(Clone, Copy)]
struct N(f32);

impl N {
    /// Append the number to `out`. Digits are made by hand, in tenths as a
    /// whole number: `core::fmt` for floats (and even for integers, through
    /// its padding machinery) is several times slower, and a board has
    /// hundreds of thousands of coordinates.
    fn push(self, out: &mut String) {
        let tenths = (self.0 * 10.0).round() as i64;
        // Written backwards into a buffer, then appended in order.
        let mut buf = [0_u8; 24];
        let mut at = buf.len();
        let mut rest = tenths.unsigned_abs();
        let tenth = rest % 10;
        rest /= 10;
        if tenth != 0 {
            at -= 2;
            buf[at] = b'.';
            buf[at + 1] = b'0' + tenth as u8;
        }
        loop {
            at -= 1;
            buf[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if tenths < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        // ASCII bytes, pushed as chars: cheaper for a handful than checking
        // them as UTF-8 to append them as a `str`.
        out.reserve(buf.len() - at);
        for &b in &buf[at..] {
            out.push(char::from(b));
        }
    }
}

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::with_capacity(8);
        self.push(&mut s);
        f.write_str(&s)
    }
}

/// Append `text` to `out`, XML-escaped (see [`Xml`]), without going
/// through `core::fmt`.
fn push_xml(out: &mut String, text: &str) {
    let Ok(()) = xml_runs(text, |run| {
        out.push_str(run);
        Ok::<(), std::convert::Infallible>(())
    });
}

/// [`advance`] of each character of Latin-1 (ASCII and the accented
/// letters of French and its neighbours), worked out once at compile time:
/// wrapping a big board looks up millions of them. A test checks that the
/// accented half gives what [`advance_other`] would.
const LATIN1_ADVANCE: [f32; 256] = {
    let mut table = [0.0_f32; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = match i as u8 {
            b'i' | b'j' | b'l' | b'I' | b'!' | b'|' | b'.' | b',' | b':' | b';' | b'\'' => 0.28,
            b'f' | b't' | b'r' | b' ' | b'(' | b')' | b'[' | b']' | b'-' | b'/' => 0.36,
            b'm' | b'w' | b'M' | b'W' | b'@' | b'%' => 0.86,
            b'A'..=b'Z' => 0.69,
            b'0'..=b'9' => 0.56,
            // í ì î ï, then æ Æ, then the capitals À to Þ but ×.
            0xec..=0xef => 0.28,
            0xe6 | 0xc6 => 0.86,
            0xc0..=0xd6 | 0xd8..=0xde => 0.69,
            _ => 0.54,
        };
        i += 1;
    }
    table
};

/// Rough advance width of a character in a sans-serif font, in ems.
fn advance(c: char) -> f32 {
    match LATIN1_ADVANCE.get(c as usize) {
        Some(&w) => w,
        None => advance_other(c),
    }
}

/// [`advance`] beyond ASCII, by kind of character.
fn advance_other(c: char) -> f32 {
    match c {
        '’' | 'í' | 'ì' | 'î' | 'ï' => 0.28,
        'æ' | 'œ' | 'Æ' | 'Œ' | '—' => 0.86,
        c if c.is_uppercase() => 0.69,
        c if unicode_width::UnicodeWidthChar::width(c) == Some(2) => 1.0,
        _ => 0.54,
    }
}

/// The words of a text (as `split_whitespace` finds them), each with the
/// sum of its characters' [`advance`]s, measured in the same pass.
struct Words<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = (&'a str, f32);

    fn next(&mut self) -> Option<Self::Item> {
        let mut start = None;
        let mut ems = 0.0_f32;
        for (i, c) in self.rest.char_indices() {
            if c.is_whitespace() {
                if let Some(from) = start {
                    let word = &self.rest[from..i];
                    self.rest = &self.rest[i..];
                    return Some((word, ems));
                }
            } else {
                start.get_or_insert(i);
                ems += advance(c);
            }
        }
        let word = &self.rest[start?..];
        self.rest = "";
        Some((word, ems))
    }
}

/// The bytes a wrapped line is made with room for.
const LINE_BYTES: usize = 64;

/// Greedy word wrap to `max` pixels; a word too long for a line is cut.
/// At most `max_lines` lines, the last ending in "…" when text is left over.
fn wrap(text: &str, size: f32, max: f32, max_lines: usize) -> Vec<String> {
    // Widths are added up as the line grows (not measured again per word):
    // a 10,000-sticky board is drawn in linear time. Once a line past the
    // last shown is started, the rest of the text changes nothing drawn.
    let mut lines: Vec<String> = Vec::with_capacity(max_lines + 1);
    // A card's line holds a few dozen bytes: made at that size, not grown
    // by doubling from nothing (most of this function's cost before).
    let fresh = || String::with_capacity(text.len().min(LINE_BYTES));
    let mut line = fresh();
    let mut line_w = 0.0_f32;
    let space = advance(' ') * size;
    'words: for (word, ems) in (Words { rest: text }) {
        let word_w = ems * size;
        let candidate_w = if line.is_empty() {
            word_w
        } else {
            line_w + space + word_w
        };
        if candidate_w <= max {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_w = candidate_w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::replace(&mut line, fresh()));
            line_w = 0.0;
            if lines.len() > max_lines {
                break 'words;
            }
        }
        // The word alone: cut it if it is still too long.
        for c in word.chars() {
            let cw = advance(c) * size;
            if line_w + cw > max && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, fresh()));
                line_w = 0.0;
                if lines.len() > max_lines {
                    break 'words;
                }
            }
            line.push(c);
            line_w += cw;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            // Measured as `width` measures the line with its "…", without
            // making that string at each character taken off.
            let with_ellipsis = |l: &str| l.chars().chain(['…']).map(advance).sum::<f32>() * size;
            while !last.is_empty() && with_ellipsis(last) > max {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

struct Canvas {
    out: String,
}

impl Canvas {
    /// `<text x="X" y="Y" font-size="S" font-weight="W" fill="F">TEXT</text>`,
    /// written piece by piece (the most frequent element of a board).
    fn text(&mut self, x: f32, y: f32, size: f32, weight: &str, fill: &str, text: &str) {
        let out = &mut self.out;
        out.push_str(r#"<text x=""#);
        N(x).push(out);
        out.push_str(r#"" y=""#);
        N(y).push(out);
        out.push_str(r#"" font-size=""#);
        N(size).push(out);
        out.push_str(r#"" font-weight=""#);
        out.push_str(weight);
        out.push_str(r#"" fill=""#);
        out.push_str(fill);
        out.push_str(r#"">"#);
        push_xml(out, text);
        out.push_str("</text>\n");
    }

    fn dots(&mut self, x: f32, y: f32, count: u32) {
        let shown = count.min(10);
        for k in 0..shown {
            let out = &mut self.out;
            out.push_str(r#"<circle cx=""#);
            N(x + 4.5 + k as f32 * 11.0).push(out);
            out.push_str(r#"" cy=""#);
            N(y).push(out);
            out.push_str(r#"" r="4.2" fill=""#);
            out.push_str(DOT);
            out.push_str("\"/>\n");
        }
        if count > shown {
            self.text(
                x + 4.5 + shown as f32 * 11.0,
                y + 4.0,
                11.0,
                "700",
                DOT,
                &format!("+{}", count - shown),
            );
        }
    }
}

fn sticky_lines(x: &StickyView) -> Vec<String> {
    // The text is already cleaned: its line breaks are whitespace to `wrap`.
    wrap(&x.text, FONT, STICKY_W - 2.0 * PAD, MAX_LINES)
}

/// A sticky with its text wrapped once, for both measuring and drawing.
struct Wrapped<'a> {
    x: &'a StickyView,
    lines: Vec<String>,
}

fn wrapped(list: &[StickyView]) -> Vec<Wrapped<'_>> {
    list.iter()
        .map(|x| Wrapped {
            x,
            lines: sticky_lines(x),
        })
        .collect()
}

fn sticky_height(w: &Wrapped) -> f32 {
    let lines = w.lines.len().max(1) as f32;
    let dots = if w.x.votes > 0 { 16.0 } else { 0.0 };
    (PAD + 4.0 + lines * LINE + dots + PAD).max(64.0)
}

fn draw_sticky(c: &mut Canvas, w: &Wrapped, left: f32, top: f32, h: f32, l: &Labels) {
    let x = w.x;
    let out = &mut c.out;
    // First, the whole text (even when the card shows only its beginning)
    // and the votes: what a tooltip or a screen reader gives.
    // The card's lines take their size and ink from the group (a third
    // of a big board's bytes when each line said them again).
    out.push_str(r#"<g font-size=""#);
    N(FONT).push(out);
    out.push_str(r#"" fill=""#);
    out.push_str(INK);
    out.push_str(r#""><title>"#);
    push_xml(out, &x.text);
    if x.votes > 0 {
        out.push('\n');
        push_xml(out, &l.n_votes(x.votes));
    }
    // The shadow, then the card, written piece by piece as `Canvas::text`.
    out.push_str(r#"</title><rect x=""#);
    N(left + 1.5).push(out);
    out.push_str(r#"" y=""#);
    N(top + 2.0).push(out);
    out.push_str(r#"" width=""#);
    N(STICKY_W).push(out);
    out.push_str(r#"" height=""#);
    N(h).push(out);
    out.push_str(r##"" rx="3" fill="#000" fill-opacity=".1"/><rect x=""##);
    N(left).push(out);
    out.push_str(r#"" y=""#);
    N(top).push(out);
    out.push_str(r#"" width=""#);
    N(STICKY_W).push(out);
    out.push_str(r#"" height=""#);
    N(h).push(out);
    out.push_str(r#"" rx="3" fill=""#);
    out.push_str(x.colour);
    out.push_str("\" stroke=\"#000\" stroke-opacity=\".1\"/>\n");
    for (i, line) in w.lines.iter().enumerate() {
        out.push_str(r#"<text x=""#);
        N(left + PAD).push(out);
        out.push_str(r#"" y=""#);
        N(top + PAD + 12.0 + i as f32 * LINE).push(out);
        out.push_str(r#"">"#);
        push_xml(out, line);
        out.push_str("</text>\n");
    }
    if x.votes > 0 {
        c.dots(left + PAD - 4.0, top + h - PAD - 5.0, x.votes);
    }
    c.out.push_str("</g>\n");
}

/// Stickies in a grid of `cols` columns from (`left`, `top`); returns the height used.
fn grid(c: &mut Canvas, list: &[Wrapped], cols: usize, left: f32, top: f32, l: &Labels) -> f32 {
    let mut y = top;
    for row in list.chunks(cols.max(1)) {
        let h = row.iter().map(sticky_height).fold(0.0, f32::max);
        for (i, x) in row.iter().enumerate() {
            draw_sticky(c, x, left + i as f32 * (STICKY_W + GAP), y, h, l);
        }
        y += h + GAP;
    }
    (y - top - GAP).max(0.0)
}

fn grid_height(list: &[Wrapped], cols: usize) -> f32 {
    let rows: f32 = list
        .chunks(cols.max(1))
        .map(|row| row.iter().map(sticky_height).fold(0.0, f32::max) + GAP)
        .sum();
    (rows - GAP).max(0.0)
}

struct ClusterLayout<'a> {
    title: Vec<String>,
    line: Vec<String>,
    stickies: Vec<Wrapped<'a>>,
    height: f32,
}

fn cluster_layout(cv: &ClusterView) -> ClusterLayout<'_> {
    let inner = CLUSTER_W - 2.0 * CLUSTER_PAD;
    let title = wrap(&cv.title, 15.0, inner, 3);
    let line = wrap(&cv.line, 12.0, inner, 2);
    let mut h = CLUSTER_PAD + title.len().max(1) as f32 * 19.0 + line.len() as f32 * 15.0 + 6.0;
    if cv.group_votes > 0 {
        h += 16.0;
    }
    let stickies = wrapped(&cv.stickies);
    if !stickies.is_empty() {
        h += 6.0 + grid_height(&stickies, 2);
    }
    ClusterLayout {
        title,
        line,
        stickies,
        height: h + CLUSTER_PAD,
    }
}

fn draw_cluster(
    c: &mut Canvas,
    cv: &ClusterView,
    lay: &ClusterLayout,
    left: f32,
    top: f32,
    l: &Labels,
) {
    let _ = writeln!(
        c.out,
        r##"<g><rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="#f3f5f8" stroke="#d8dde6"/>"##,
        N(left),
        N(top),
        N(CLUSTER_W),
        N(lay.height)
    );
    let mut y = top + CLUSTER_PAD;
    for t in &lay.title {
        y += 19.0;
        c.text(left + CLUSTER_PAD, y - 4.0, 15.0, "700", INK, t);
    }
    for t in &lay.line {
        y += 15.0;
        c.text(left + CLUSTER_PAD, y - 2.0, 12.0, "400", MUTED, t);
    }
    y += 6.0;
    if cv.group_votes > 0 {
        c.dots(left + CLUSTER_PAD - 4.0, y + 6.0, cv.group_votes);
        y += 16.0;
    }
    if !cv.stickies.is_empty() {
        y += 6.0;
        grid(c, &lay.stickies, 2, left + CLUSTER_PAD, y, l);
    }
    c.out.push_str("</g>\n");
}

/// The board as SVG. `standalone` adds the XML declaration, a heading with
/// the session's title and a white background.
pub(crate) fn board_svg(
    b: &Board,
    l: &Labels,
    title: &str,
    anonymized: bool,
    standalone: bool,
) -> String {
    // About 800 bytes a card: the drawing grows in place, never copied to
    // a larger buffer (at 10,000 stickies that was most of an export).
    let mut c = Canvas {
        out: String::with_capacity(64 * 1024 + 800 * (b.stickies + b.clusters)),
    };
    let mut y = MARGIN;
    if standalone {
        y = heading(&mut c, b, l, title, anonymized, y);
    }
    if b.stickies == 0 && b.clusters == 0 {
        y += 24.0;
        c.text(MARGIN, y - 6.0, 14.0, "400", MUTED, &l.none_board);
        y += 8.0;
    }
    for stage in &b.stages {
        y = draw_stage(&mut c, stage, l, y);
    }
    for (heading, list) in [(&l.inbox, &b.inbox), (&l.parking, &b.parking)] {
        if !list.is_empty() {
            y = draw_loose(&mut c, heading, list, l, y);
        }
    }
    svg_element(c.out, y + MARGIN, b, l, standalone)
}

/// The session's title, what the board holds and whether it is
/// anonymized, from `y`; where they end.
fn heading(c: &mut Canvas, b: &Board, l: &Labels, title: &str, anonymized: bool, y: f32) -> f32 {
    let mut y = y;
    for t in wrap(title, 22.0, WIDTH - 2.0 * MARGIN, 3) {
        y += 28.0;
        c.text(MARGIN, y - 6.0, 22.0, "700", INK, &t);
    }
    y += 22.0;
    c.text(
        MARGIN,
        y - 4.0,
        14.0,
        "400",
        MUTED,
        &format!("{} — {}", l.board, b.summary_line),
    );
    if anonymized {
        y += 22.0;
        c.text(MARGIN, y - 4.0, 13.0, "700", "#8a4b00", &l.anonymized_title);
    }
    y + 14.0
}

/// A stage of the board from `y`: its title (if it has one) and its
/// clusters in columns; where it ends.
fn draw_stage(c: &mut Canvas, stage: &BoardStage, l: &Labels, y: f32) -> f32 {
    let mut y = y;
    if let Some(t) = &stage.title {
        y += 14.0;
        for line in wrap(t, 17.0, WIDTH - 2.0 * MARGIN, 2) {
            y += 22.0;
            c.text(MARGIN, y - 5.0, 17.0, "700", INK, &line);
        }
        let _ = writeln!(
            c.out,
            r##"<rect x="{}" y="{}" width="{}" height="1" fill="#c9ced8"/>"##,
            N(MARGIN),
            N(y + 2.0),
            N(WIDTH - 2.0 * MARGIN)
        );
        y += 14.0;
    } else {
        y += 8.0;
    }
    // Masonry: each cluster goes to the shortest column.
    let mut cols = [y; COLUMNS];
    for cv in &stage.clusters {
        let lay = cluster_layout(cv);
        let (i, top) = cols
            .iter()
            .copied()
            .enumerate()
            .fold(
                (0, f32::MAX),
                |best, (i, h)| if h < best.1 { (i, h) } else { best },
            );
        let left = MARGIN + i as f32 * (CLUSTER_W + COLUMN_GAP);
        draw_cluster(c, cv, &lay, left, top, l);
        cols[i] = top + lay.height + COLUMN_GAP;
    }
    cols.iter().copied().fold(y, f32::max) - COLUMN_GAP
}

/// The stickies in no cluster (`list`, not empty) under `heading`, in a
/// dashed box from `y`; where it ends.
fn draw_loose(c: &mut Canvas, heading: &str, list: &[StickyView], l: &Labels, y: f32) -> f32 {
    let per_row =
        ((WIDTH - 2.0 * MARGIN - 2.0 * CLUSTER_PAD + GAP) / (STICKY_W + GAP)).floor() as usize;
    let box_top = y + 20.0;
    let list_w = wrapped(list);
    let inner_h = grid_height(&list_w, per_row);
    let box_h = CLUSTER_PAD + 19.0 + 8.0 + inner_h + CLUSTER_PAD;
    let _ = writeln!(
        c.out,
        r##"<rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="#fbfbfc" stroke="#b8bfcc" stroke-dasharray="6 4"/>"##,
        N(MARGIN),
        N(box_top),
        N(WIDTH - 2.0 * MARGIN),
        N(box_h)
    );
    c.text(
        MARGIN + CLUSTER_PAD,
        box_top + CLUSTER_PAD + 15.0,
        15.0,
        "700",
        INK,
        &format!("{heading} ({})", list.len()),
    );
    grid(
        c,
        &list_w,
        per_row,
        MARGIN + CLUSTER_PAD,
        box_top + CLUSTER_PAD + 19.0 + 8.0,
        l,
    );
    box_top + box_h
}

/// The drawing `body` in an `<svg>` element of this height, with its
/// title (and, `standalone`, the XML declaration and a white background).
fn svg_element(mut body: String, height: f32, b: &Board, l: &Labels, standalone: bool) -> String {
    let mut out = String::with_capacity(1024);
    if standalone {
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="board-title" font-family="{fonts}">"#,
        w = N(WIDTH),
        h = N(height),
        fonts = FONTS
    );
    let _ = writeln!(
        out,
        r#"<title id="board-title">{}</title>"#,
        xml(&format!("{} — {}", l.board_alt, b.summary_line))
    );
    if standalone {
        out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    }
    // The body stays where it was drawn; the head goes in front of it.
    body.insert_str(0, &out);
    body.push_str("</svg>\n");
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn width(text: &str, size: f32) -> f32 {
        text.chars().map(advance).sum::<f32>() * size
    }

    #[test]
    fn the_latin1_table_agrees_with_the_kinds_of_character() {
        for code in 0x80..0x100_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            assert_eq!(
                LATIN1_ADVANCE[code as usize].to_bits(),
                advance_other(c).to_bits(),
                "U+{code:04X} {c}"
            );
        }
    }

    proptest! {
        #[test]
        fn words_are_split_and_measured_as_split_whitespace(text in "[a-zé É\\t\\n\u{a0}\u{202f}涼’🙂x]{0,40}") {
            let ours: Vec<(&str, u32)> = Words { rest: &text }
                .map(|(w, ems)| (w, ems.to_bits()))
                .collect();
            let theirs: Vec<(&str, u32)> = text
                .split_whitespace()
                .map(|w| (w, w.chars().map(advance).sum::<f32>().to_bits()))
                .collect();
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let lines = wrap(
            "Des personnes sans abri viennent se rafraîchir ; certains agents ne savent pas",
            FONT,
            142.0,
            9,
        );
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            assert!(width(l, FONT) <= 142.0, "{l}");
        }
        let long = wrap(&"x".repeat(200), FONT, 142.0, 3);
        assert_eq!(long.len(), 3);
        assert!(long[2].ends_with('…'));
    }

    #[test]
    fn advances_by_kind_of_character() {
        assert_eq!(advance('i'), 0.28);
        assert_eq!(advance(' '), 0.36);
        assert_eq!(advance('W'), 0.86);
        assert_eq!(advance('Q'), 0.69);
        assert_eq!(advance('7'), 0.56);
        assert_eq!(advance('a'), 0.54);
        assert_eq!(advance('’'), 0.28);
        assert_eq!(advance('œ'), 0.86);
        assert_eq!(advance('É'), 0.69);
        assert_eq!(advance('涼'), 1.0);
        assert_eq!(advance('é'), 0.54);
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.25), "12.3");
        assert_eq!(n(-0.3), "-0.3");
        assert_eq!(n(-12.0), "-12");
        assert_eq!(n(0.04), "0");
        assert_eq!(n(1234.56), "1234.6");
    }
}

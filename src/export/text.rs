//! Text helpers shared by the formats: neutralizing control characters,
//! escaping for Markdown and XML, dates and clock times (their words come
//! from Fluent, through `export::labels`).

use crate::model::{Session, Timestamp, Zone};
use time::Date;

/// The text with every control character replaced by a visible symbol, so
/// that nothing pasted into a session (an ANSI escape sequence, a NUL) can
/// act on a terminal, a browser or an XML parser reading an export.
///
/// C0 controls become their Unicode "control picture" (ESC -> `␛`, NUL ->
/// `␀`), DEL becomes `␡`, C1 controls and the XML non-characters U+FFFE and
/// U+FFFF become `�`. Line feeds are kept, tabs become spaces and CR LF
/// becomes LF.
pub fn clean(text: &str) -> String {
    if is_clean(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
            }
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

/// Whether [`clean`] would give `text` back unchanged: no control
/// character but line feeds, no U+FFFE or U+FFFF. Looked for on bytes (a C0
/// control or DEL is one byte, a C1 control is 0xC2 then 0x80..=0x9F, and
/// U+FFFE and U+FFFF are 0xEF 0xBF 0xBE and 0xBF), so that the usual text
/// is copied as it is instead of char by char.
fn is_clean(text: &str) -> bool {
    let b = text.as_bytes();
    // Most texts hold no byte that can begin what `clean` changes. That is
    // looked for first, a block at a time without a branch per byte (the
    // compiler makes it vector code); the exact test runs only when one is
    // there (a "«" begins with 0xC2 too).
    let suspect = |c: u8| ((c < 0x20) & (c != b'\n')) | (c == 0x7f) | (c == 0xc2) | (c == 0xef);
    if !b
        .chunks(64)
        .any(|block| block.iter().fold(false, |seen, &c| seen | suspect(c)))
    {
        return true;
    }
    b.iter().enumerate().all(|(i, &c)| match c {
        b'\n' => true,
        0..=0x1f | 0x7f => false,
        0xc2 => !b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xef => !(b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf))),
        _ => true,
    })
}

/// As [`clean`], then trimmed: the text of a block (a note, a sticky).
pub fn clean_trim(text: &str) -> String {
    if is_clean(text) {
        text.trim().to_owned()
    } else {
        clean(text).trim().to_owned()
    }
}

/// As [`clean`], on one line: line breaks become spaces.
pub fn clean_line(text: &str) -> String {
    if !text.contains('\n') && is_clean(text) {
        return text.trim().to_owned();
    }
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len());
    for (i, line) in cleaned
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// ASCII punctuation that means something to CommonMark, GitHub or pandoc
/// anywhere in a line (emphasis, code, links, tables, math, citations,
/// sub- and superscripts, attributes), escaped with a backslash. `<`, `>`
/// and `&` become entities.
const MD_SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '|', '~', '#', '$', '^', '@', '{', '}',
];

fn md_escape_line(line: &str, out: &mut String) {
    // Leading spaces would make an indented code block.
    let line = line.trim_start();
    let mut chars = line.char_indices().peekable();
    // At the start of a line: list markers, setext underlines, definition lists.
    if let Some(&(_, c)) = chars.peek()
        && matches!(c, '-' | '+' | '=' | ':' | '%')
    {
        out.push('\\');
    }
    // "1." or "1)" at the start of a line begins an ordered list.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let ordered = digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')'));
    for (i, c) in chars {
        match c {
            // As entities, so that no raw "<" reaches a renderer at all.
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => {
                if MD_SPECIAL.contains(&c) || (ordered && i == digits) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
    }
}

/// User text for an inline Markdown context (a table cell, a heading, a
/// list item's first line): controls made visible, line breaks folded into
/// spaces, every significant character escaped.
pub fn md_inline(text: &str) -> String {
    let mut out = String::new();
    md_escape_line(&clean_line(text), &mut out);
    out
}

/// User text that may hold several lines, for a paragraph or a list item:
/// each line escaped, joined by hard line breaks, continuation lines
/// indented by `indent` spaces so they stay in the list item.
pub fn md_block(text: &str, indent: usize) -> String {
    let cleaned = clean(text);
    let mut out = String::new();
    let pad = " ".repeat(indent);
    for (i, line) in cleaned
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push_str("\\\n");
            out.push_str(&pad);
        }
        md_escape_line(line, &mut out);
    }
    out
}

/// Text for XML (SVG) content or a quoted attribute value. The text must
/// already be [`clean`]ed.
pub fn xml(text: &str) -> String {
    Xml(text).to_string()
}

/// [`xml`] as it is written into a document: the runs of plain text are
/// copied whole, only the five special characters are replaced.
pub struct Xml<'a>(pub &'a str);

impl std::fmt::Display for Xml<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        xml_runs(self.0, |run| f.write_str(run))
    }
}

/// `text` XML-escaped, given to `put` a run at a time: the runs of plain
/// text whole, each of the five special characters as its entity. What
/// [`Xml`] writes and what the SVG appends straight to its buffer.
pub fn xml_runs<E>(text: &str, mut put: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // The five are ASCII: `i` is a char boundary.
        put(&text[from..i])?;
        put(entity)?;
        from = i + 1;
    }
    put(&text[from..])
}

/// "Thursday 9 July 2026" or "jeudi 9 juillet 2026" (through Fluent, see
/// `export::labels`).
pub fn long_date(date: Date, lang: &str) -> String {
    super::labels::for_code(lang).long_date(date)
}

/// "9 July 2026" or "9 juillet 2026" ("1er mai 2026").
pub fn short_date(date: Date, lang: &str) -> String {
    super::labels::for_code(lang).short_date(date)
}

/// "2026-07-09", for tables.
pub fn iso_date(date: Date) -> String {
    crate::model::time::iso_date::format(date)
}

/// `HH:MM` on the clocks of `zone`.
pub fn clock(t: Timestamp, zone: &Zone) -> String {
    t.clock(zone)
}

/// The zone `s`'s times are shown in, as a summary names it: "Europe/Paris,
/// UTC+02:00", with both offsets when the workshop ran across a change
/// of daylight-saving time ("Europe/Paris, UTC+02:00 → UTC+01:00").
pub fn zone_name(s: &Session, zone: &Zone) -> String {
    let times = super::view::recorded(s);
    let first = times.clone().min();
    let last = times.max();
    let (Some(first), Some(last)) = (first, last) else {
        return zone.name().to_owned();
    };
    let (a, b) = (zone.offset_name(first), zone.offset_name(last));
    if a == b {
        format!("{}, {a}", zone.name())
    } else {
        format!("{}, {a} → {b}", zone.name())
    }
}

/// A signed difference in minutes: "+4", "-2", "0".
pub fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible() {
        assert_eq!(
            clean("a\u{1b}[31mb\u{0}c\u{7f}\u{9b}"),
            "a\u{241b}[31mb\u{2400}c\u{2421}\u{fffd}"
        );
        assert_eq!(clean("a\r\nb\tc\rd"), "a\nb c\u{240d}d");
        assert_eq!(clean_line(" a \n\n b "), "a b");
        // The fast path (nothing to replace) and the slow one agree.
        assert_eq!(clean("« école » 😀\nfin"), "« école » 😀\nfin");
        assert_eq!(
            clean("a\u{fffe}b\u{ffff}c\u{fffd}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
        assert_eq!(clean_line("  « un »  "), "« un »");
        assert_eq!(clean_trim(" a\tb\n "), "a b");
        assert_eq!(clean_trim(" ligne\n deux \n"), "ligne\n deux");
    }

    #[test]
    fn xml_escapes_the_five() {
        assert_eq!(xml(r#"a<b>&"c'é"#), "a&lt;b&gt;&amp;&quot;c&#39;é");
        assert_eq!(xml("rien"), "rien");
    }

    #[test]
    fn markdown_stays_text() {
        assert_eq!(
            md_inline("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(md_inline("<script> & co"), "&lt;script&gt; &amp; co");
        assert_eq!(md_inline("# title"), "\\# title");
        assert_eq!(md_inline("- item"), "\\- item");
        assert_eq!(md_inline("12. item"), "12\\. item");
        assert_eq!(md_inline("a | b `c`"), "a \\| b \\`c\\`");
        assert_eq!(
            md_block("one\n    - two\n\n3) three", 2),
            "one\\\n  \\- two\\\n  3\\) three"
        );
    }

    #[test]
    fn dates_in_both_languages() {
        let d = time::macros::date!(2026 - 07 - 09);
        assert_eq!(long_date(d, "fr"), "jeudi 9 juillet 2026");
        assert_eq!(long_date(d, "en"), "Thursday 9 July 2026");
        assert_eq!(short_date(d, "fr"), "9 juillet 2026");
    }
}

//! Reading an export back as the text a reader sees, to look for what
//! anonymizing should have removed: entities decoded, Markdown escapes
//! dropped, JSON strings collected; and the helpers to search it.
#![allow(dead_code)]

use atelier::export::Format;
use atelier::model::text::fold;

/// The text of an export as a reader sees it (tags kept for HTML and SVG,
/// attributes included).
pub fn plain(format: Format, text: &str) -> String {
    match format {
        Format::Json => {
            let v: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
            let mut out = String::new();
            strings(&v, &mut out);
            out
        }
        Format::Html | Format::Svg | Format::Runsheet => decode(text),
        Format::Md => unescape_md(text),
        Format::Csv => text.replace("\"\"", "\""),
    }
}

/// The text a reader reads, without markup and style sheet (for words:
/// `<pre>` is no one's name; for digits: the coordinates of a picture are
/// not a phone number), plus the attributes people read.
pub fn content(format: Format, text: &str) -> String {
    if !matches!(format, Format::Html | Format::Svg | Format::Runsheet) {
        return plain(format, text);
    }
    // Without the style sheet.
    let mut text = text.to_owned();
    while let (Some(a), Some(b)) = (text.find("<style"), text.find("</style>")) {
        if b < a {
            break;
        }
        text.replace_range(a..b + "</style>".len(), "");
    }
    let mut out = String::new();
    let mut tag = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' if in_tag => {
                in_tag = false;
                for attr in ["alt=\"", "title=\"", "aria-label=\""] {
                    for (i, _) in tag.match_indices(attr) {
                        let rest = &tag[i + attr.len()..];
                        out.push_str(rest.split('"').next().unwrap_or(""));
                        out.push('\n');
                    }
                }
                out.push('\n');
            }
            c if in_tag => tag.push(c),
            c => out.push(c),
        }
    }
    decode(&out)
}

fn strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// HTML and XML character references decoded.
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i)
        else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ if name.starts_with("#x") || name.starts_with("#X") => {
                u32::from_str_radix(&name[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Markdown's backslash escapes dropped.
pub fn unescape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether `word` (folded) is in `haystack` (folded) as a whole word.
pub fn has_word(haystack: &str, word: &str) -> bool {
    !word.is_empty()
        && haystack.match_indices(word).any(|(i, _)| {
            let before = haystack[..i].chars().next_back();
            let after = haystack[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// The words of a name worth looking for: folded, split at spaces, hyphens
/// and apostrophes, without particles and one-letter initials.
pub fn name_words(name: &str) -> Vec<String> {
    const PARTICLES: &[&str] = &[
        "de", "du", "des", "d", "la", "le", "les", "l", "van", "von", "der", "den", "da", "di",
        "del", "della", "dos", "das", "do", "el", "al", "ter", "ten", "y", "e", "et",
    ];
    fold(name)
        .replace('’', "'")
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| w.chars().count() >= 2 && !PARTICLES.contains(&w.as_str()))
        .collect()
}

/// Runs of digits with the separators phone numbers use, as digits only
/// (at least 3 digits).
pub fn digit_runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut digits = 0;
    for c in text.chars().chain(std::iter::once('x')) {
        let d = c.is_ascii_digit() || ('０'..='９').contains(&c);
        if d {
            run.push(c);
            digits += 1;
        } else if !run.is_empty() && " .-()/+\u{a0}\u{202f}".contains(c) {
            // Kept only between digits.
        } else {
            if digits >= 3 {
                out.push(run.clone());
            }
            run.clear();
            digits = 0;
        }
    }
    out
}

/// An `@` between two letters or digits (an address left whole), with
/// what is around it.
pub fn glued_at(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len().saturating_sub(1))
        .find(|&i| {
            matches!(chars[i], '@' | '＠')
                && chars[i + 1].is_alphanumeric()
                && chars[i - 1].is_alphanumeric()
        })
        .map(|i| {
            chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
                .iter()
                .collect()
        })
}

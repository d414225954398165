//! Reading a session file: bytes -> text -> format version -> Session, with
//! every error placed at `file:line:column`.

use super::error::LoadError;
use super::migrate;
use crate::model::{FORMAT, Problem, Session, Sticky, validate};
use serde::Deserialize;

/// Parse RON text into `T`. The error carries a position but no file name.
pub fn parse_ron<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .from_str::<T>(text)
        .map_err(|e| ron_error(&e))
}

/// RON's error at its place, worded as what was expected.
fn ron_error(e: &ron::error::SpannedError) -> LoadError {
    let (english, key, args) = expected_keyed(&e.code);
    LoadError::new("", Some((e.span.start.line, e.span.start.col)), english).keyed(key, args)
}

/// Parse a config file (theme, keymap): as [`parse_ron`], but optional
/// values need no `Some(...)` around them.
pub fn parse_config<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<T>(text)
        .map_err(|e| ron_error(&e))
}

/// RON's error, worded as what was expected.
/// With the Fluent key and arguments of its words.
fn expected_keyed(code: &ron::Error) -> (String, &'static str, Vec<(&'static str, String)>) {
    let s = code.to_string();
    let key = match code {
        ron::Error::ExceededRecursionLimit => "load-too-deep",
        ron::Error::Eof => "load-eof",
        ron::Error::ExpectedOption => "load-expected-option",
        ron::Error::IntegerOutOfBounds => "load-integer-out-of-bounds",
        ron::Error::ExpectedInteger => "load-expected-integer",
        ron::Error::ExpectedString => "load-expected-string",
        ron::Error::ExpectedArray => "load-expected-array",
        ron::Error::SuggestRawIdentifier(_) | ron::Error::InvalidIdentifier(_) => {
            "load-expected-name"
        }
        ron::Error::MissingStructField { .. } => "load-missing-field",
        _ => "load-other",
    };
    let args = match code {
        ron::Error::MissingStructField { field, .. } => vec![("field", field.to_string())],
        ron::Error::IntegerOutOfBounds => vec![("max", u32::MAX.to_string())],
        _ => vec![("detail", s.clone())],
    };
    let english = match code {
        ron::Error::ExceededRecursionLimit => {
            "nesting is too deep: expected at most 128 levels of brackets".into()
        }
        ron::Error::Eof => "the file ends too early: expected more (is it truncated?)".into(),
        ron::Error::ExpectedOption => {
            "expected `None` or `Some(...)`: an optional value is written like `Some(\"2026-06-12\")`"
                .into()
        }
        ron::Error::IntegerOutOfBounds => format!(
            "{s}: expected a whole number from 0 to {} here",
            u32::MAX
        ),
        ron::Error::ExpectedInteger => format!("{s}: a whole number such as `3` goes here"),
        ron::Error::ExpectedString => {
            format!("{s}: a text in double quotes, such as `\"Atelier\"`, goes here")
        }
        ron::Error::ExpectedArray => format!("{s}: a list in square brackets, such as `[]`, goes here"),
        ron::Error::SuggestRawIdentifier(_) | ron::Error::InvalidIdentifier(_) => format!(
            "{s}: a name goes here (a colour such as `Yellow`, a kind such as `Idea`; see docs/format.md)"
        ),
        ron::Error::MissingStructField { .. } => format!("{s} (see docs/format.md for every field)"),
        _ => s,
    };
    (english, key, args)
}

/// Turn raw bytes into the text of a session file, or say why they are not.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, str>, LoadError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by construction.
            let prefix = std::str::from_utf8(good).unwrap_or("");
            return Err(LoadError::at_offset(
                file,
                prefix,
                prefix.len(),
                "this is not UTF-8 text: expected a RON session file (was it saved in another encoding?)",
            )
            .keyed("load-not-utf8", Vec::new()));
        }
    };
    decode_text(file, text)
}

/// As [`decode`], for bytes already known to be UTF-8.
pub(crate) fn decode_text<'a>(
    file: &str,
    text: &'a str,
) -> Result<std::borrow::Cow<'a, str>, LoadError> {
    // A lone BOM is what some editors save for an empty file.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.bytes().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError::new(
            file,
            Some((1, 1)),
            "the file is empty: expected a session such as `(format: 3, id: ..., title: ...)`",
        )
        .keyed("load-empty", Vec::new()));
    }
    // One pass for NUL and CR, 64 bytes at a time without a branch per
    // byte (it vectorizes): a 60 MB file is looked through in a few ms.
    let (mut nul, mut cr) = (false, false);
    for chunk in text.as_bytes().chunks(64) {
        nul |= chunk.iter().fold(false, |a, &b| a | (b == 0));
        cr |= chunk.iter().fold(false, |a, &b| a | (b == b'\r'));
        if nul {
            break;
        }
    }
    if let Some(nul) = text.find('\0').filter(|_| nul) {
        return Err(LoadError::at_offset(
            file,
            text,
            nul,
            "this looks like a binary file: expected a RON session file",
        )
        .keyed("load-binary", Vec::new()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !cr {
        Ok(std::borrow::Cow::Borrowed(text))
    } else if text.contains('\r') && !text.contains('\n') {
        // Old Mac line ends.
        Ok(std::borrow::Cow::Owned(text.replace('\r', "\n")))
    } else if text.contains("\r\n") {
        Ok(std::borrow::Cow::Owned(text.replace("\r\n", "\n")))
    } else {
        Ok(std::borrow::Cow::Borrowed(text))
    }
}

/// The `format` number of a session file, read from its text without
/// parsing the rest (the field comes first in every file atelier writes).
pub fn sniff_format(text: &str) -> Option<(u32, usize)> {
    let mut search = 0;
    while let Some(i) = text[search..].find("format") {
        let at = search + i;
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..at].contains("//") {
            // In a comment: not the field.
            search = at + "format".len();
            continue;
        }
        let rest = text[at + "format".len()..].trim_start();
        if let Some(rest) = rest.strip_prefix(':') {
            let rest = rest.trim_start();
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(n) = digits.parse() {
                return Some((n, at));
            }
        }
        search = at + "format".len();
    }
    None
}

/// Where a line starting with a git conflict marker is, if any.
fn conflict_marker(text: &str) -> Option<usize> {
    const MARKER: &[u8] = b"<<<<<<< ";
    let b = text.as_bytes();
    // Only the 64-byte chunks holding a `<` are looked at closely (most
    // hold none): a branch-free test per chunk instead of a substring search.
    b.chunks(64)
        .enumerate()
        .filter(|(_, chunk)| chunk.iter().fold(false, |a, &c| a | (c == b'<')))
        .flat_map(|(k, chunk)| (0..chunk.len()).map(move |j| k * 64 + j))
        .find(|&i| {
            (i == 0 || b.get(i - 1) == Some(&b'\n'))
                && b.get(i..).is_some_and(|rest| rest.starts_with(MARKER))
        })
}

/// Load a session from its text. `file` names it in errors.
pub fn load_str(file: &str, text: &str) -> Result<Session, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(at) = conflict_marker(text) {
        return Err(LoadError::at_offset(
            file,
            text,
            at,
            "this file holds git conflict markers (<<<<<<<): expected a session; finish the merge first (keep one side of each conflict), then run atelier check",
        )
        .keyed("load-conflict-markers", Vec::new()));
    }
    let session = match sniff_format(text) {
        Some((v, at)) if v > FORMAT => {
            return Err(LoadError::at_offset(
                file,
                text,
                at,
                format!(
                    "format version {v} is newer than this atelier knows (up to {FORMAT}): expected a file from this version or older; update atelier to open it"
                ),
            )
            .keyed(
                "load-newer",
                vec![("version", v.to_string()), ("known", FORMAT.to_string())],
            ));
        }
        Some((0, at)) => {
            return Err(LoadError::at_offset(
                file,
                text,
                at,
                "format version 0 does not exist: expected 1 or more",
            )
            .keyed("load-version-zero", Vec::new()));
        }
        Some((v, _)) if v < FORMAT => migrate::load_version(v, text),
        _ => parse_session(text),
    }
    .map_err(|mut e| {
        e.file = file.to_owned();
        if looks_cut(text) && !e.message.contains("truncated") {
            e.message
                .push_str(" (the file ends before its closing `)`: is it truncated?)");
            e.truncated = true;
        }
        e
    })?;
    check(file, text, &session)?;
    Ok(session)
}

/// From this size on, a session's sticky notes are parsed on a second
/// thread while the rest of the file is parsed on this one.
const SPLIT_FROM: usize = 4 << 20;

/// Parse a session file's text. A big file on a machine with more than one
/// core is parsed in two halves at once (see [`parse_split`]); whenever
/// that does not work out, and for every error, the whole text is parsed
/// in one piece, so the result and the error messages are the same.
fn parse_session(text: &str) -> Result<Session, LoadError> {
    if text.len() >= SPLIT_FROM
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
        && let Some(session) = parse_split(text)
    {
        return Ok(session);
    }
    parse_ron::<Session>(text)
}

/// The session with its `stickies` list parsed on another thread: the list
/// is cut out of the text (found by [`field_list`]), the rest parsed with
/// `stickies: []` in its place, and the two put together. `None` when the
/// list is not found, a thread cannot be started, or either part fails.
fn parse_split(text: &str) -> Option<Session> {
    let (start, end) = field_list(text, b"stickies")?;
    let list = text.get(start..end)?;
    let mut rest = String::with_capacity(text.len() - list.len() + 2);
    rest.push_str(text.get(..start)?);
    rest.push_str("[]");
    rest.push_str(text.get(end..)?);
    let (session, stickies) = std::thread::scope(|scope| {
        let other = std::thread::Builder::new()
            .spawn_scoped(scope, || {
                ron::Options::default().from_str::<Vec<Sticky>>(list).ok()
            })
            .ok()?;
        let session = ron::Options::default().from_str::<Session>(&rest).ok();
        Some((session, other.join().ok().flatten()))
    })?;
    let mut session = session?;
    session.stickies = stickies?;
    Some(session)
}

/// Where the list value of the field `name` of the outermost struct
/// stands in RON text: the byte range from its `[` to its `]`, both
/// included. Strings (with their escapes) and line comments are skipped;
/// anything this scan does not follow for certain (block comments, raw
/// strings, characters, attributes) gives `None`, and the caller parses the
/// whole text instead.
fn field_list(text: &str, name: &[u8]) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut depth = 0_usize;
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                // To the closing quote, over escapes.
                i += 1;
                loop {
                    match *b.get(i)? {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while b.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            // A raw string (`r"..."`, `r#"..."#`: RON writes a text holding
            // quotes so) runs to a quote followed by as many `#`.
            b'r' if (i == 0 || !ident(b[i - 1])) && matches!(b.get(i + 1), Some(b'"' | b'#')) => {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let mut j = i + 1 + hashes;
                if b.get(j) != Some(&b'"') {
                    return None;
                }
                j += 1;
                loop {
                    if *b.get(j)? == b'"'
                        && b.get(j + 1..j + 1 + hashes)?.iter().all(|&c| c == b'#')
                    {
                        break;
                    }
                    j += 1;
                }
                i = j + hashes;
            }
            b'/' | b'\'' | b'#' => return None,
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 1
                    && let Some(s) = start
                {
                    return (c == b']').then_some((s, i + 1));
                }
            }
            _ if depth == 1
                && start.is_none()
                && b[i..].starts_with(name)
                && (i == 0 || !ident(b[i - 1])) =>
            {
                let mut j = i + name.len();
                let skip = |j: &mut usize| {
                    while b.get(*j).is_some_and(u8::is_ascii_whitespace) {
                        *j += 1;
                    }
                };
                skip(&mut j);
                if b.get(j) == Some(&b':') {
                    j += 1;
                    skip(&mut j);
                    if b.get(j) == Some(&b'[') {
                        start = Some(j);
                        depth += 1;
                        i = j;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Validate a parsed session against its text, placing the first problem.
fn check(file: &str, text: &str, session: &Session) -> Result<(), LoadError> {
    if session.format != FORMAT {
        return Err(LoadError::new(
            file,
            None,
            format!(
                "format version {} where {FORMAT} was expected after migration",
                session.format
            ),
        )
        .keyed(
            "load-format-after-migration",
            vec![
                ("found", session.format.to_string()),
                ("expected", FORMAT.to_string()),
            ],
        ));
    }
    let problems = validate(session);
    let Some(first) = problems.first() else {
        return Ok(());
    };
    let pos = locate(text, first);
    let more = match problems.len() {
        1 => String::new(),
        n => format!(
            " (and {} more problem{})",
            n - 1,
            if n > 2 { "s" } else { "" }
        ),
    };
    let message = format!("{first}{more}");
    let (key, args) = first.key();
    let mut e = match pos {
        Some(offset) => LoadError::at_offset(file, text, offset + 1, message),
        None => LoadError::new(file, None, message),
    }
    .keyed(key, args);
    e.more = u32::try_from(problems.len() - 1).unwrap_or(u32::MAX);
    Err(e)
}

/// Whether the text looks like a session cut short: past comments and blank
/// lines, it opens with the `(` of a session but does not end with its `)`.
fn looks_cut(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"));
    let first = lines.next();
    let last = lines.next_back().or(first);
    first.is_some_and(|l| l.starts_with('(')) && !last.is_some_and(|l| l.ends_with(')'))
}

/// Where a problem stands in the text: its quoted id written as the value of
/// its field (`id:` for a duplicate; `author:`, `target: Sticky(`... for a
/// reference), so that another item merely holding the same id is not
/// pointed at. Falls back to the id's plain occurrence.
fn locate(text: &str, problem: &Problem) -> Option<usize> {
    let id = problem.id()?;
    let field = match problem {
        Problem::Dangling { field, .. } => field.rsplit('.').next().unwrap_or(field),
        _ => "id",
    };
    let needle = format!("\"{id}\"");
    let n = problem.occurrence();
    let mut all = text.match_indices(&needle).map(|(i, _)| i);
    text.match_indices(&needle)
        .map(|(i, _)| i)
        .filter(|&at| is_value_of(&text[..at], field))
        .nth(n)
        .or_else(|| all.nth(n))
}

/// Whether `before` ends with `field:`, possibly followed by `Some(` or a
/// variant such as `Sticky(`.
fn is_value_of(before: &str, field: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut b = before.trim_end();
    if let Some(rest) = b.strip_suffix('(') {
        b = rest.trim_end().trim_end_matches(word).trim_end();
    }
    b.strip_suffix(':')
        .map(str::trim_end)
        .and_then(|b| b.strip_suffix(field))
        .is_some_and(|b| !b.ends_with(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generated session whose stickies hold what could fool a scan of
    /// the text: quotes, backslashes, brackets, a field name, comments.
    fn tricky() -> (Session, String) {
        let mut s = crate::generate::session(2_000, 3);
        s.stickies[0].text = r#"un "stickies: [" ], ) \ \" // pas un commentaire"#.into();
        s.stickies[1].text = "ligne\n    ],\n    clusters: [\n".into();
        let text = crate::store::to_ron(&s).expect("serializes");
        (s, text)
    }

    #[test]
    fn a_split_parse_gives_the_same_session() {
        let (s, text) = tricky();
        let split = parse_split(&text).expect("split");
        assert_eq!(split, s);
        assert_eq!(parse_ron::<Session>(&text).expect("parses"), s);
    }

    #[test]
    fn the_list_is_found_whole() {
        let (_, text) = tricky();
        let (a, b) = field_list(&text, b"stickies").expect("found");
        let list = &text[a..b];
        assert!(list.starts_with('[') && list.ends_with(']'));
        assert!(text[..a].trim_end().ends_with("stickies:"));
        assert!(
            text[b..].trim_start().starts_with(",\n    clusters:"),
            "{}",
            &text[b..b + 40]
        );
    }

    #[test]
    fn what_the_scan_does_not_follow_is_parsed_whole() {
        for text in [
            "(format: 3, /* stickies: [] */ stickies: [])",
            "#![enable(implicit_some)]\n(stickies: [])",
            "(title: r##\"x\"#, stickies: [])",
            "(stickies: (1, 2))",
            "(notes: [], stickies: [",
        ] {
            assert_eq!(field_list(text, b"stickies"), None, "{text}");
        }
        assert_eq!(
            field_list(
                "(x: 1, mystickies: [1], stickies: [ 2 ], y: 3)",
                b"stickies"
            ),
            Some((34, 39))
        );
        // Raw strings are followed to their end.
        let raw = r####"(t: r#"stickies: [ "" ]"#, u: r"]", stickies: [1])"####;
        assert_eq!(
            field_list(raw, b"stickies"),
            Some((raw.len() - 4, raw.len() - 1))
        );
    }

    #[test]
    fn a_big_file_loads_the_same_split_or_not() {
        let s = crate::generate::session(8_000, 1);
        let text = crate::store::to_ron(&s).expect("serializes");
        assert!(text.len() >= SPLIT_FROM, "{} bytes", text.len());
        assert!(parse_split(&text).is_some(), "split in two");
        assert_eq!(load_str("big.ron", &text).expect("loads"), s);
        // An error in the stickies is reported as the whole parse reports it.
        let broken = text.replacen("colour: ", "colour: Mauve", 5_000);
        let e = load_str("big.ron", &broken).expect_err("a bad colour");
        let whole = parse_ron::<Session>(&broken).expect_err("a bad colour");
        assert_eq!(
            e.message.split(" (").next(),
            whole.message.split(" (").next()
        );
    }
}

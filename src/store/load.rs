//! Reading a session file: bytes -> text -> format version -> Session, with
//! every error placed at `file:line:column`.

use super::error::{LoadError, locate};
use super::fast;
use super::migrate;
use super::ron_words::ron_error;
use crate::model::{FORMAT, Session, Sticky, validate};
use serde::Deserialize;

/// Parse RON text into `T`. The error carries a position but no file name.
pub fn parse_ron<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .from_str::<T>(text)
        .map_err(|e| ron_error(&e))
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
    if nul && let Some(nul) = text.find('\0') {
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

/// From this size on, a session's sticky notes are parsed on the other
/// cores while the rest of the file is parsed on this one.
const SPLIT_FROM: usize = 4 << 20;

/// At most this many threads parse one file.
const MAX_THREADS: usize = 8;

/// Parse a session file's text. A big file is parsed in pieces, at once on
/// the machine's cores (see [`parse_split`]); whenever that does not work
/// out, and for every error, the whole text is parsed in one piece, so the
/// result and the error messages are the same.
fn parse_session(text: &str) -> Result<Session, LoadError> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS));
    if text.len() >= SPLIT_FROM
        && let Some(session) = parse_split(text, threads)
    {
        return Ok(session);
    }
    parse_ron::<Session>(text)
}

/// The session parsed in pieces: by [`fast::read_fast`], or else by
/// [`parse_split_ron`]. `None` when neither works out.
fn parse_split(text: &str, threads: usize) -> Option<Session> {
    fast::read_fast(text, threads).or_else(|| parse_split_ron(text, threads))
}

/// The text with the list at `start..end` replaced by `[]`: the rest of
/// the file, parsed apart from the list.
pub(super) fn without_list(text: &str, start: usize, end: usize) -> Option<String> {
    let mut rest = String::with_capacity(text.len() - (end - start) + 2);
    rest.push_str(text.get(..start)?);
    rest.push_str("[]");
    rest.push_str(text.get(end..)?);
    Some(rest)
}

/// The session parsed by `threads` threads, every piece by `ron`: the
/// `stickies` list is found with its items (by [`field_list`]); this thread
/// parses the rest of the file, with `stickies: []` in the list's place, and
/// the first items, the other threads the other items in equal runs of
/// bytes; then the stickies are put back in order. Each item is parsed as a
/// RON document of its own (the whole list's parse accepts exactly these).
/// `None` when the list is not found, a thread cannot be started, or any
/// piece fails.
fn parse_split_ron(text: &str, threads: usize) -> Option<Session> {
    let (start, end, commas) = field_list(text, b"stickies", true)?;
    let items = list_items(text, start, end, &commas)?;
    drop(commas);
    let rest = without_list(text, start, end)?;
    let runs = shares(&items, rest.len(), threads);
    let (first, others) = runs.split_first()?;
    let total = items.len();
    let (session, mut stickies, parts) = std::thread::scope(|scope| {
        let handles = others
            .iter()
            .map(|run| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, || parse_items(run, run.len()))
                    .ok()
            })
            .collect::<Option<Vec<_>>>()?;
        let session = ron::Options::default().from_str::<Session>(&rest).ok();
        let mine = session.as_ref().and_then(|_| parse_items(first, total));
        let parts: Vec<Option<Vec<Sticky>>> = handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect();
        Some((session, mine, parts))
    })?;
    drop(rest);
    let mut session = session?;
    let all = stickies.as_mut()?;
    for part in parts {
        all.extend(part?);
    }
    session.stickies = stickies?;
    Some(session)
}

/// Each item of a RON list parsed as a sticky, in order; `None` at the
/// first that does not parse (the caller then parses the whole file, which
/// says where).
fn parse_items(items: &[&str], capacity: usize) -> Option<Vec<Sticky>> {
    let options = ron::Options::default();
    let mut out = Vec::with_capacity(capacity);
    for item in items {
        out.push(options.from_str::<Sticky>(item).ok()?);
    }
    Some(out)
}

/// The texts of a list's items: between its `[` (at `start`), its
/// top-level `commas` and its `]` (at `end - 1`). A last piece of blanks
/// and line comments is the trailing comma RON allows (or an empty list). `None` if a cut falls
/// outside the text.
fn list_items<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    commas: &[usize],
) -> Option<Vec<&'a str>> {
    let mut items = Vec::with_capacity(commas.len() + 1);
    let mut from = start + 1;
    for &at in commas.iter().chain(std::iter::once(&(end - 1))) {
        items.push(text.get(from..at)?);
        from = at + 1;
    }
    let blank = |s: &str| {
        s.lines().all(|l| {
            let l = l.trim_start_matches(|c: char| c.is_ascii_whitespace());
            l.is_empty() || l.starts_with("//")
        })
    };
    if items.last().is_some_and(|s| blank(s)) {
        items.pop();
    }
    Some(items)
}

/// The items cut into `threads` runs of about equal work, counted in bytes:
/// the first run is this thread's, which also parses the `rest` of the
/// file (so it takes fewer items, or none).
fn shares<'a, 'b>(items: &'b [&'a str], rest: usize, threads: usize) -> Vec<&'b [&'a str]> {
    let threads = threads.max(1);
    let bytes: usize = items.iter().map(|s| s.len() + 1).sum();
    let mine = ((bytes + rest) / threads).saturating_sub(rest).min(bytes);
    let mut runs = Vec::with_capacity(threads);
    let (mut from, mut seen) = (0, 0);
    for t in 0..threads - 1 {
        // Where run `t` should end, in bytes of the list.
        let goal = mine + (bytes - mine) * t / (threads - 1);
        let mut to = from;
        while seen < goal
            && let Some(item) = items.get(to)
        {
            seen += item.len() + 1;
            to += 1;
        }
        runs.push(&items[from..to]);
        from = to;
    }
    runs.push(&items[from..]);
    runs
}

/// Where the list value of the field `name` of the outermost struct
/// stands in RON text: the byte range from its `[` to its `]`, both
/// included, and the places of the commas between its items. Strings (with
/// their escapes), raw strings and line comments are skipped; anything this
/// scan does not follow for certain (block comments, characters,
/// attributes) gives `None`, and the caller parses the whole text instead.
///
/// With `whole` false, the scan stops at the list's `[`: the range is then
/// that `[` alone, with no commas.
pub(super) fn field_list(
    text: &str,
    name: &[u8],
    whole: bool,
) -> Option<(usize, usize, Vec<usize>)> {
    let b = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut depth = 0_usize;
    let mut start: Option<usize> = None;
    let mut commas = Vec::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => i = closing_quote(text, i + 1)?,
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
            b',' if depth == 2 && start.is_some() => commas.push(i),
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 1
                    && let Some(s) = start
                {
                    return (c == b']').then_some((s, i + 1, commas));
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
                        if !whole {
                            return Some((j, j + 1, commas));
                        }
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

/// Where the quote closing a string that starts at `from` (past its
/// opening quote) stands: the next quote after an even run of backslashes
/// (`\\` is one escaped backslash, `\"` a quote in the text). Quotes are
/// found with `str::find`, which looks through memory a word at a time,
/// not byte by byte: the texts are most of a session file.
fn closing_quote(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut at = from;
    loop {
        // `at` follows a quote, an ASCII byte: a char boundary.
        let quote = at + text.get(at..)?.find('"')?;
        let slashes = b
            .get(from..quote)?
            .iter()
            .rev()
            .take_while(|&&c| c == b'\\')
            .count();
        if slashes % 2 == 0 {
            return Some(quote);
        }
        at = quote + 1;
    }
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
        for threads in 1..=5 {
            let split = parse_split(&text, threads).expect("split");
            assert_eq!(split, s, "{threads} threads");
        }
        assert_eq!(parse_ron::<Session>(&text).expect("parses"), s);
    }

    #[test]
    fn the_list_is_found_whole() {
        let (_, text) = tricky();
        let (a, b, commas) = field_list(&text, b"stickies", true).expect("found");
        let items = list_items(&text, a, b, &commas).expect("cut");
        assert_eq!(items.len(), 2_000);
        assert!(items.iter().all(|i| i.trim_start().starts_with('(')));
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
            assert_eq!(field_list(text, b"stickies", true), None, "{text}");
        }
        assert_eq!(
            field_list(
                "(x: 1, mystickies: [1], stickies: [ 2 ], y: 3)",
                b"stickies",
                true
            ),
            Some((34, 39, Vec::new()))
        );
        // Raw strings are followed to their end.
        let raw = r####"(t: r#"stickies: [ "" ]"#, u: r"]", stickies: [1])"####;
        assert_eq!(
            field_list(raw, b"stickies", true),
            Some((raw.len() - 4, raw.len() - 1, Vec::new()))
        );
    }

    #[test]
    fn a_big_file_loads_the_same_split_or_not() {
        let s = crate::generate::session(8_000, 1);
        let text = crate::store::to_ron(&s).expect("serializes");
        assert!(text.len() >= SPLIT_FROM, "{} bytes", text.len());
        assert!(parse_split(&text, 2).is_some(), "split in two");
        assert!(parse_split(&text, 3).is_some(), "split in three");
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

    #[test]
    fn runs_cover_every_item_in_order() {
        let items: Vec<&str> = ["a", "bb", "ccc", "dddd", "e", "ff", "g"].to_vec();
        for rest in [0, 3, 10, 100] {
            for threads in 1..=9 {
                let runs = shares(&items, rest, threads);
                assert_eq!(runs.len(), threads);
                assert_eq!(runs.concat(), items, "{rest} {threads}");
            }
        }
        // The first thread, which parses the rest of the file, takes fewer.
        let runs = shares(&items, 10, 2);
        assert!(runs[0].len() < runs[1].len(), "{runs:?}");
    }

    #[test]
    fn a_list_cut_in_items() {
        let text = "(s: [ (a: \"x, y\"), [1, 2], // c, d\n r\"e, ]\", ], t: 1)";
        let (a, b, commas) = field_list(text, b"s", true).expect("found");
        let items = list_items(text, a, b, &commas).expect("cut");
        assert_eq!(
            items,
            vec![" (a: \"x, y\")", " [1, 2]", " // c, d\n r\"e, ]\""]
        );
        let (a, b, commas) = field_list("(s: [])", b"s", true).expect("found");
        assert_eq!(list_items("(s: [])", a, b, &commas), Some(Vec::new()));
    }

    mod split_property {
        use super::super::*;
        use proptest::prelude::*;

        /// Pieces of text that could fool the scan.
        const HOSTILE: [&str; 24] = [
            "[",
            "]",
            "(",
            ")",
            "{",
            "}",
            "\"",
            "\\",
            "\\\"",
            ",",
            "r#\"",
            "\"#",
            "r\"",
            "//",
            "/*",
            "*/",
            "\n",
            "'",
            "#",
            "stickies: [",
            "é",
            " ",
            "\n// ] \" , ) [\n",
            "\n,",
        ];

        fn hostile() -> impl Strategy<Value = String> {
            proptest::collection::vec(0..HOSTILE.len(), 0..12)
                .prop_map(|v| v.into_iter().map(|k| HOSTILE[k]).collect())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            /// Stickies holding hostile texts and tags: the split parse,
            /// at any number of threads, gives the session back.
            #[test]
            fn hostile_texts_split_the_same(
                texts in proptest::collection::vec(hostile(), 1..8),
                threads in 1_usize..5,
            ) {
                let mut s = crate::generate::session(40, 2);
                for (k, t) in texts.iter().enumerate() {
                    s.stickies[k].text = t.clone();
                    s.stickies[k + 10].tags = vec![t.clone()];
                    s.title = t.clone();
                }
                let text = crate::store::to_ron(&s).expect("serializes");
                prop_assert_eq!(parse_split(&text, threads), Some(s));
            }

            /// Line comments holding hostile pieces between the items of
            /// the list (and after its last comma): still the same session.
            #[test]
            fn comments_between_items(
                pieces in proptest::collection::vec((0_usize..40, hostile()), 1..6),
                threads in 1_usize..5,
            ) {
                let s = crate::generate::session(40, 4);
                let mut text = crate::store::to_ron(&s).expect("serializes");
                let (a, b, commas) = field_list(&text, b"stickies", true).expect("found");
                prop_assert_eq!(commas.len(), 40);
                let mut at: Vec<(usize, String)> = pieces
                    .into_iter()
                    .map(|(k, p)| (commas[k] + 1, format!("// {}\n", p.replace('\n', " "))))
                    .collect();
                at.push((b - 1, "// ] [\n".into()));
                at.push((a + 1, "// , \"\n".into()));
                at.sort();
                for (i, c) in at.into_iter().rev() {
                    text.insert_str(i, &c);
                }
                prop_assert_eq!(parse_ron::<Session>(&text).ok(), Some(s.clone()));
                prop_assert_eq!(parse_split(&text, threads), Some(s));
            }

            /// Hostile pieces put anywhere in a file: when the split parse
            /// gives a session, the whole parse gives the same one.
            #[test]
            fn the_split_never_disagrees(
                edits in proptest::collection::vec((0.0_f64..1.0, hostile(), 0_usize..3), 1..4),
                threads in 1_usize..5,
            ) {
                let s = crate::generate::session(12, 3);
                let mut text = crate::store::to_ron(&s).expect("serializes");
                for (at, piece, cut) in edits {
                    let mut i = (at * text.len() as f64) as usize;
                    while !text.is_char_boundary(i) {
                        i -= 1;
                    }
                    let mut j = (i + cut).min(text.len());
                    while !text.is_char_boundary(j) {
                        j -= 1;
                    }
                    text.replace_range(i..j, &piece);
                }
                if let Some(split) = parse_split(&text, threads) {
                    prop_assert_eq!(Some(split), parse_ron::<Session>(&text).ok());
                }
            }
        }
    }
}

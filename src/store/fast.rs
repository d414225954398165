//! A reader for the list of sticky notes as atelier writes it, several
//! times faster than `ron`'s generic one (no `serde` map machinery, no
//! `String` made for a field name or a time, strings found with `memchr`).
//!
//! It reads a strict subset of RON: blanks are ASCII spaces, tabs and line
//! ends; strings are plain, with only `\\` and `\"` escaped; options are
//! `None` or `Some("...")`; fields are the sticky's own, each at most once;
//! nothing else (comments, raw strings, a struct name, another escape). At
//! anything outside that subset it gives up (`None`) and the caller parses
//! with `ron`, so what it accepts it reads exactly as `ron` does, and every
//! error message is `ron`'s (unit tests compare both on hostile texts).

use super::load::{field_list, without_list};
use crate::model::{Colour, Id, Session, Sticky, Timestamp};
use serde::Deserialize;
use serde::de::IntoDeserializer;

/// The stickies of the list whose `[` is at `start`, and where the list
/// ends (just past its `]`). `None` when anything is outside the subset.
pub(super) fn sticky_list(text: &str, start: usize) -> Option<(Vec<Sticky>, usize)> {
    let mut r = Reader { text, i: start };
    let stickies = r.list(Reader::sticky)?;
    Some((stickies, r.i))
}

/// The session with its `stickies` list read by [`sticky_list`] on
/// this thread, while another parses the rest of the file (with `stickies:
/// []` in the list's place). Where the list ends is known only once it is
/// read; the other thread starts at once from a guess (the first `]` at the
/// list's indentation at the start of a line), and its parse is kept only if
/// the guess was right. `None` when the list is not found or the reader
/// gives up, or the rest does not parse.
pub(super) fn read_fast(text: &str, threads: usize) -> Option<Session> {
    let (start, _, _) = field_list(text, b"stickies", false)?;
    let rest_of = |end: usize| -> Option<Session> {
        let rest = without_list(text, start, end)?;
        ron::Options::default().from_str::<Session>(&rest).ok()
    };
    let (guessed, stickies) = std::thread::scope(|scope| {
        let other = (threads > 1)
            .then(|| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, || {
                        let end = guess_end(text, start)?;
                        Some((end, rest_of(end)))
                    })
                    .ok()
            })
            .flatten();
        let stickies = sticky_list(text, start);
        (other.and_then(|h| h.join().ok().flatten()), stickies)
    });
    let (stickies, end) = stickies?;
    let mut session = match guessed {
        Some((guess, session)) if guess == end => session,
        _ => rest_of(end),
    }?;
    session.stickies = stickies;
    Some(session)
}

/// Where the list whose `[` is at `start` probably ends: past the first
/// `]` that starts a line indented as the line of the `[`.
fn guess_end(text: &str, start: usize) -> Option<usize> {
    let line = text.get(..start)?.rfind('\n').map_or(0, |n| n + 1);
    let b = text.as_bytes();
    let indent = b[line..start].iter().take_while(|&&c| c == b' ').count();
    let mut from = start;
    loop {
        let close = from + text.get(from..)?.find(']')?;
        if close > indent
            && b[close - indent - 1] == b'\n'
            && b[close - indent..close].iter().all(|&c| c == b' ')
        {
            return Some(close + 1);
        }
        from = close + 1;
    }
}

struct Reader<'a> {
    text: &'a str,
    /// Always at a char boundary.
    i: usize,
}

/// The fields of a sticky this reader knows; any other makes it give up.
const FIELDS: [&str; 10] = [
    "id", "text", "author", "colour", "stage", "cluster", "parked", "time", "tags", "private",
];

/// Which fields a sticky has had so far (each at most once).
#[derive(Default)]
struct Seen(u16);

impl Seen {
    /// `Some` the first time `field` (a known one) comes.
    fn first(&mut self, field: &str) -> Option<()> {
        let bit = 1 << FIELDS.iter().position(|f| *f == field)?;
        let fresh = self.0 & bit == 0;
        self.0 |= bit;
        fresh.then_some(())
    }
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    /// Past `c` (an ASCII byte), if it comes next.
    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// A name: ASCII letters and `_` (RON allows more, which is left to it).
    fn name(&mut self) -> Option<&'a str> {
        let from = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.i += 1;
        }
        let name = self.text.get(from..self.i)?;
        // A name followed by what RON would read as its continuation
        // (`r#`, a non-ASCII letter) is not one this reader knows.
        match self.peek() {
            Some(c) if c >= 0x80 || c == b'#' || c == b'"' => None,
            _ => (!name.is_empty()).then_some(name),
        }
    }

    /// A string: plain, with `\\` and `\"` the only escapes read here,
    /// or raw (`r"..."`, `r#"..."#`, as atelier writes a text holding a
    /// quote or a backslash).
    fn string(&mut self) -> Option<String> {
        if self.eat(b'r').is_some() {
            return self.raw();
        }
        self.eat(b'"')?;
        let mut out: Option<String> = None;
        loop {
            let rest = self.text.get(self.i..)?;
            let quote = rest.find('"')?;
            let piece = rest.get(..quote)?;
            match piece.find('\\') {
                None => {
                    self.i += quote + 1;
                    return Some(match out {
                        None => piece.to_owned(),
                        Some(mut s) => {
                            s.push_str(piece);
                            s
                        }
                    });
                }
                Some(slash) => {
                    let escaped = match rest.as_bytes().get(slash + 1)? {
                        b'\\' => '\\',
                        b'"' => '"',
                        _ => return None,
                    };
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(rest.get(..slash)?);
                    s.push(escaped);
                    self.i += slash + 2;
                }
            }
        }
    }

    /// A raw string, past its `r`: as many `#` as close it, then a quote;
    /// it runs to the first quote followed by as many `#`.
    fn raw(&mut self) -> Option<String> {
        let rest = self.text.get(self.i..)?;
        let hashes = rest.bytes().take_while(|&c| c == b'#').count();
        let body = rest.get(hashes..)?.strip_prefix('"')?;
        let mut from = 0;
        loop {
            let quote = from + body.get(from..)?.find('"')?;
            let after = body.as_bytes().get(quote + 1..quote + 1 + hashes)?;
            if after.iter().all(|&c| c == b'#') {
                self.i += hashes + 1 + quote + 1 + hashes;
                return Some(body.get(..quote)?.to_owned());
            }
            from = quote + 1;
        }
    }

    /// `None` or `Some("...")`.
    fn option_id(&mut self) -> Option<Option<Id>> {
        match self.name()? {
            "None" => Some(None),
            "Some" => {
                self.blank();
                self.eat(b'(')?;
                self.blank();
                let id = Id(self.string()?);
                self.blank();
                self.eat(b')')?;
                Some(Some(id))
            }
            _ => None,
        }
    }

    fn boolean(&mut self) -> Option<bool> {
        match self.name()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// A colour by its variant's name, as serde derives it.
    fn colour(&mut self) -> Option<Colour> {
        let name = self.name()?;
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        Colour::deserialize(de).ok()
    }

    /// `[item, ...]`, a trailing comma allowed.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.eat(b'[')?;
        let mut out = Vec::new();
        loop {
            self.blank();
            if self.eat(b']').is_some() {
                return Some(out);
            }
            out.push(item(self)?);
            self.blank();
            if self.eat(b',').is_none() {
                self.blank();
                self.eat(b']')?;
                return Some(out);
            }
        }
    }

    /// One sticky: `(` fields `)`, the fields in any order.
    fn sticky(&mut self) -> Option<Sticky> {
        self.eat(b'(')?;
        let mut seen = Seen::default();
        let (mut id, mut text, mut time) = (None, None, None);
        let (mut author, mut stage, mut cluster) = (None, None, None);
        let mut colour = Colour::default();
        let (mut parked, mut private) = (false, false);
        let mut tags = Vec::new();
        loop {
            self.blank();
            if self.eat(b')').is_some() {
                break;
            }
            let field = self.name()?;
            self.blank();
            self.eat(b':')?;
            self.blank();
            seen.first(field)?;
            match field {
                "id" => id = Some(Id(self.string()?)),
                "text" => text = Some(self.string()?),
                "author" => author = self.option_id()?,
                "colour" => colour = self.colour()?,
                "stage" => stage = self.option_id()?,
                "cluster" => cluster = self.option_id()?,
                "parked" => parked = self.boolean()?,
                "time" => time = Some(self.time()?),
                "tags" => tags = self.list(Reader::string)?,
                "private" => private = self.boolean()?,
                _ => return None,
            }
            self.blank();
            if self.eat(b',').is_none() {
                self.blank();
                self.eat(b')')?;
                break;
            }
        }
        Some(Sticky {
            id: id?,
            text: text?,
            author,
            colour,
            stage,
            cluster,
            parked,
            time: time?,
            tags,
            private,
        })
    }

    /// A time as a plain string, read without making a `String` of it.
    fn time(&mut self) -> Option<Timestamp> {
        self.eat(b'"')?;
        let rest = self.text.get(self.i..)?;
        let quote = rest.find('"')?;
        let piece = rest.get(..quote)?;
        if piece.contains('\\') {
            return None;
        }
        self.i += quote + 1;
        Timestamp::parse(piece).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ron_list(text: &str) -> Option<Vec<Sticky>> {
        ron::from_str(text).ok()
    }

    #[test]
    fn reads_what_atelier_writes_as_ron_does() {
        let mut s = crate::generate::session(300, 5);
        s.stickies[0].text = r#"un "guillemet" \ et \\ deux"#.into();
        s.stickies[1].tags = vec!["a".into(), "b \"c\"".into()];
        s.stickies[2].parked = true;
        s.stickies[3].private = true;
        s.stickies[4].author = None;
        let text = crate::store::to_ron(&s).expect("serializes");
        let start = text.find("stickies: [").expect("a list") + "stickies: ".len();
        let (stickies, end) = sticky_list(&text, start).expect("read");
        assert_eq!(stickies, s.stickies);
        assert!(text[end..].starts_with(",\n    clusters"));
        assert_eq!(Some(stickies), ron_list(&text[start..end]));
    }

    #[test]
    fn gives_up_outside_the_subset() {
        let one = |fields: &str| format!("[({fields})]");
        for list in [
            one(r#"id: "a", text: "b" // c
                , time: "2026-06-12T07:30:00Z""#),
            one(r#"id: "a", text: r"b, time: "2026-06-12T07:30:00Z""#),
            one(r#"id: "a", text: br"b", time: "2026-06-12T07:30:00Z""#),
            one(r#"id: "a", text: "b\n", time: "2026-06-12T07:30:00Z""#),
            one(r#"id: "a", text: "b", text: "c", time: "2026-06-12T07:30:00Z""#),
            one(r#"id: "a", text: "b", time: "2026-06-12T07:30:00Z", hue: 1"#),
            one(r#"id: "a", text: "b""#),
            one(r#"id: "a", text: "b", colour: Mauve, time: "2026-06-12T07:30:00Z""#),
            one(r#"id: "a", text: "b", author: "c", time: "2026-06-12T07:30:00Z""#),
            one(r#"id: "a", text: "b", time: "2026-06-12 07:30""#),
            one(r#"r#id: "a", text: "b", time: "2026-06-12T07:30:00Z""#),
            r#"[Sticky(id: "a", text: "b", time: "2026-06-12T07:30:00Z")]"#.into(),
            r#"[(id: "a", text: "b", time: "2026-06-12T07:30:00Z") (id: "c")]"#.into(),
        ] {
            assert_eq!(sticky_list(&list, 0), None, "{list}");
        }
    }

    #[test]
    fn blanks_and_commas_as_ron_allows_them() {
        for list in [
            "[]",
            "[ ]",
            "[(id:\"a\",text:\"b\",time:\"2026-06-12T07:30:00Z\")]",
            "[ ( id : \"a\" , text : \"\" , time : \"2026-06-12T07:30:00Z\" , ) , ]",
            "[(id: \"a\", text: r\"b\\\", time: \"2026-06-12T07:30:00Z\")]",
            "[(id: \"a\", text: r##\"b\"# \"##, time: \"2026-06-12T07:30:00Z\", stage: Some (\"s\"))]",
            "[(tags: [], id: \"a\", text: \"b\", time: \"2026-06-12T07:30:00Z\", stage: Some( \"s\" ))]",
            "[(tags: [\"x\",], private: false, parked: true, colour: Pink, id: \"a\", text: \"b\", time: \"2026-06-12T07:30:00Z\")]",
        ] {
            let (fast, end) = sticky_list(list, 0).expect(list);
            assert_eq!(end, list.len());
            assert_eq!(Some(fast), ron_list(list), "{list}");
        }
    }
}

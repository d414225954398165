//! A value in a session file that reads as text but is not what its field
//! holds: a time, a date, a time of day, a time zone.
//!
//! Serde hands a deserializer's own error on as words only (`ron` keeps it
//! as `Error::Message`), so the words are made here, by [`BadValue`]'s
//! `Display`, and read back here by [`BadValue::read`], which gives the
//! store the value's Fluent key (`load-bad-…` in `store.ftl`): the file's
//! reader is told what was expected in their own language. Only words this
//! module made are read back; any other message stays as it is.

use super::time::UnknownZone;
use std::fmt;

/// What a field expected and the text it found instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadValue {
    /// Not a time in RFC 3339 form (`2026-06-12T07:30:00Z`).
    Time(String),
    /// Not a date (`2026-06-12`).
    Date(String),
    /// Not a time of day (`09:30`).
    TimeOfDay(String),
    /// Not a time zone the tz database knows.
    Zone(UnknownZone),
}

const TIME: &str = "expected a time in RFC 3339 form such as \"2026-06-12T07:30:00Z\", found ";
const DATE: &str = "expected a date such as \"2026-06-12\", found ";
const TIME_OF_DAY: &str = "expected a time of day such as \"09:30\", found ";
const ZONE: &str = "unknown time zone ";
const ZONE_EXPECTED: &str = ": expected an IANA name such as \"Europe/Paris\"";
const ZONE_LIKE: &str = " (did you mean ";

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadValue::Time(found) => write!(f, "{TIME}{found:?}"),
            BadValue::Date(found) => write!(f, "{DATE}{found:?}"),
            BadValue::TimeOfDay(found) => write!(f, "{TIME_OF_DAY}{found:?}"),
            BadValue::Zone(zone) => {
                write!(f, "{ZONE}{:?}{ZONE_EXPECTED}", zone.name)?;
                if !zone.like.is_empty() {
                    write!(f, "{ZONE_LIKE}{}?)", zone.like.join(", "))?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BadValue {}

impl BadValue {
    /// The value these words say, when this module made them.
    pub fn read(words: &str) -> Option<BadValue> {
        if let Some(rest) = words.strip_prefix(TIME) {
            return unquote(rest).map(BadValue::Time);
        }
        if let Some(rest) = words.strip_prefix(DATE) {
            return unquote(rest).map(BadValue::Date);
        }
        if let Some(rest) = words.strip_prefix(TIME_OF_DAY) {
            return unquote(rest).map(BadValue::TimeOfDay);
        }
        let rest = words.strip_prefix(ZONE)?;
        // A quote inside the name is escaped (`\"`), so the first marker
        // with bare quotes is the one written after the name.
        let at = rest.find(ZONE_EXPECTED)?;
        let name = unquote(&rest[..at])?;
        let tail = &rest[at + ZONE_EXPECTED.len()..];
        let like = if tail.is_empty() {
            Vec::new()
        } else {
            let list = tail.strip_prefix(ZONE_LIKE)?.strip_suffix("?)")?;
            list.split(", ").map(str::to_owned).collect()
        };
        Some(BadValue::Zone(UnknownZone { name, like }))
    }

    /// The Fluent key (`load-bad-…` in `store.ftl`) and its arguments; the
    /// text found is quoted and escaped as the English words show it (a
    /// file's text never reaches a terminal raw).
    pub fn key(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let found = |f: &str| ("found", format!("{f:?}"));
        match self {
            BadValue::Time(f) => ("load-bad-time", vec![found(f)]),
            BadValue::Date(f) => ("load-bad-date", vec![found(f)]),
            BadValue::TimeOfDay(f) => ("load-bad-time-of-day", vec![found(f)]),
            BadValue::Zone(zone) if zone.like.is_empty() => {
                ("load-bad-zone", vec![found(&zone.name)])
            }
            BadValue::Zone(zone) => (
                "load-bad-zone-like",
                vec![found(&zone.name), ("like", zone.like.join(", "))],
            ),
        }
    }
}

/// The text `{:?}` wrote, when `quoted` is exactly one such string.
fn unquote(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => match chars.next()? {
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                '0' => out.push('\0'),
                'u' => {
                    let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    let code = u32::from_str_radix(hex.strip_prefix('{')?, 16).ok()?;
                    out.push(char::from_u32(code)?);
                }
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn zone(name: &str, like: &[&str]) -> BadValue {
        BadValue::Zone(UnknownZone {
            name: name.to_owned(),
            like: like.iter().map(|s| (*s).to_owned()).collect(),
        })
    }

    #[test]
    fn each_kind_reads_back_from_its_words() {
        for bad in [
            BadValue::Time("14/03/2026 10:12".into()),
            BadValue::Date("2026-02-30".into()),
            BadValue::TimeOfDay("25h".into()),
            zone("Europe/Pariss", &["Europe/Paris"]),
            zone("Mars/Olympus", &[]),
            zone("a \"quoted\": expected an IANA name such as \"x\"", &[]),
        ] {
            assert_eq!(BadValue::read(&bad.to_string()), Some(bad.clone()));
        }
    }

    #[test]
    fn words_it_did_not_make_are_not_read() {
        for words in [
            "",
            "invalid type: integer `5`, expected a string",
            "expected a date such as \"2026-06-12\", found nothing",
            "expected a date such as \"2026-06-12\", found \"a\" (and more)",
            "unknown time zone \"x\": somewhere else",
        ] {
            assert_eq!(BadValue::read(words), None, "{words}");
        }
    }

    #[test]
    fn the_english_words_stay_as_files_and_tests_know_them() {
        assert_eq!(
            BadValue::Date("2026-02-30".into()).to_string(),
            "expected a date such as \"2026-06-12\", found \"2026-02-30\""
        );
        assert_eq!(
            zone("Europe/Pariss", &["Europe/Paris"]).to_string(),
            "unknown time zone \"Europe/Pariss\": expected an IANA name such as \"Europe/Paris\" (did you mean Europe/Paris?)"
        );
    }

    proptest! {
        #[test]
        fn any_found_text_reads_back(found in any::<String>(), kind in 0..4usize) {
            let bad = match kind {
                0 => BadValue::Time(found),
                1 => BadValue::Date(found),
                2 => BadValue::TimeOfDay(found),
                _ => BadValue::Zone(UnknownZone { name: found, like: Vec::new() }),
            };
            prop_assert_eq!(BadValue::read(&bad.to_string()), Some(bad));
        }
    }
}

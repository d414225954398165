//! Points in time and calendar dates as they are written in a session file.
//!
//! Every instant is stored in UTC, to the second, as RFC 3339
//! (`"2026-06-12T07:30:00Z"`); dates are `"2026-06-12"`. They are shown in
//! the workshop's own time zone ([`Zone`], named in the session file), with
//! its daylight-saving rules, wherever the file is opened.
//!
//! The `time` crate keeps the instants and dates (their file format, their
//! arithmetic); `jiff` and its bundled copy of the IANA tz database answer
//! one question only: the offset of a zone at an instant ([`Zone::offset_at`]).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::LazyLock;
use time::format_description::well_known::Rfc3339;
use time::macros::{datetime, format_description};
use time::{Date, OffsetDateTime, UtcOffset};

/// An instant, in UTC, to the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    pub fn now() -> Self {
        Self::from(OffsetDateTime::now_utc())
    }

    pub fn from_unix(secs: i64) -> Option<Self> {
        OffsetDateTime::from_unix_timestamp(secs)
            .ok()
            .map(Self::from)
    }

    pub fn unix(self) -> i64 {
        self.0.unix_timestamp()
    }

    pub fn inner(self) -> OffsetDateTime {
        self.0
    }

    /// Whole seconds from `self` to `later` (negative when `later` is earlier).
    pub fn seconds_until(self, later: Timestamp) -> i64 {
        later.unix() - self.unix()
    }

    /// `self` moved by `secs` seconds (saturating at the calendar's ends).
    pub fn plus_seconds(self, secs: i64) -> Self {
        Self::from(
            self.0
                .checked_add(time::Duration::seconds(secs))
                .unwrap_or(self.0),
        )
    }

    pub fn parse(text: &str) -> Result<Self, time::error::Parse> {
        OffsetDateTime::parse(text, &Rfc3339).map(Self::from)
    }

    /// `HH:MM` on the clocks of `zone`.
    pub fn clock(self, zone: &Zone) -> String {
        let t = self.in_offset(zone.offset_at(self));
        format!("{:02}:{:02}", t.hour(), t.minute())
    }

    /// The calendar date in `zone`.
    pub fn date(self, zone: &Zone) -> Date {
        self.in_offset(zone.offset_at(self)).date()
    }

    /// The instant in `offset`, or in UTC at the calendar's very ends
    /// (`to_offset` panics there: 9999-12-31T23:59:59Z is a valid file time).
    fn in_offset(self, offset: UtcOffset) -> OffsetDateTime {
        self.0.checked_to_offset(offset).unwrap_or(self.0)
    }
}

impl From<OffsetDateTime> for Timestamp {
    fn from(t: OffsetDateTime) -> Self {
        // RFC 3339 writes years 0000 to 9999 only: an instant outside (a
        // far-off deadline from a hand-edited timer) is clamped to them, so
        // that every timestamp can be written and read back.
        const FIRST: OffsetDateTime = datetime!(0000-01-01 0:00 UTC);
        const LAST: OffsetDateTime = datetime!(9999-12-31 23:59:59 UTC);
        let utc = t.to_offset(UtcOffset::UTC).clamp(FIRST, LAST);
        // Whole seconds: a value read back from the file equals the value saved.
        Timestamp(utc.replace_nanosecond(0).unwrap_or(utc))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.format(&Rfc3339) {
            Ok(s) => f.write_str(&s),
            Err(_) => write!(f, "{}", self.0.unix_timestamp()),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read from the borrowed text: no `String` made per time (serde's
        // `Cow<str>` always makes one).
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // What serde's `String` says, as this read before.
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
                Timestamp::parse(text)
                    .map_err(|_| E::custom(super::BadValue::Time(text.to_owned())))
            }
        }
        d.deserialize_str(Visit)
    }
}

/// The tz database atelier carries (jiff's bundled copy): the same answers
/// on every machine, and no system file read to give them.
static ZONES: LazyLock<jiff::tz::TimeZoneDatabase> =
    LazyLock::new(jiff::tz::TimeZoneDatabase::bundled);

/// A time zone by its IANA name (`Europe/Paris`), with its daylight-saving
/// rules.
#[derive(Clone, Debug)]
pub struct Zone {
    name: String,
    tz: jiff::tz::TimeZone,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name == other.name
    }
}

impl Eq for Zone {}

/// A time zone name that is not in the tz database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownZone {
    /// What was given.
    pub name: String,
    /// Known names that look like it (at most three), best first.
    pub like: Vec<String>,
}

impl fmt::Display for UnknownZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Its words are made (and read back for the reader's language) by
        // `BadValue`.
        fmt::Display::fmt(&super::BadValue::Zone(self.clone()), f)
    }
}

impl std::error::Error for UnknownZone {}

impl Zone {
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".into(),
            tz: jiff::tz::TimeZone::UTC,
        }
    }

    /// The zone with this IANA name (ASCII case aside: `europe/paris` is
    /// `Europe/Paris`).
    pub fn named(name: &str) -> Result<Zone, UnknownZone> {
        let name = name.trim();
        match ZONES.get(name) {
            Ok(tz) if !name.is_empty() => Ok(Zone {
                name: tz.iana_name().unwrap_or(name).to_owned(),
                tz,
            }),
            _ => Err(UnknownZone {
                name: name.to_owned(),
                like: Self::like(name),
            }),
        }
    }

    /// The zone a person means by `text`: an IANA name, or the city alone
    /// ("paris", "New York", "são paulo") when exactly one zone ends with it.
    pub fn find(text: &str) -> Result<Zone, UnknownZone> {
        Zone::named(text).or_else(|e| {
            let key = Self::city_key(text);
            let mut same = e.like.iter().filter(|n| Self::city_key(n) == key);
            match (same.next(), same.next()) {
                (Some(one), None) => Zone::named(one),
                _ => Err(e),
            }
        })
    }

    /// The last part of a name, folded: "America/New_York" and "new york"
    /// both give "new york".
    fn city_key(name: &str) -> String {
        let last = name.trim().rsplit('/').next().unwrap_or_default();
        super::text::fold(&last.replace('_', " "))
    }

    /// Known names that look like `name`: the same city, then cities one
    /// or two letters away (a typo), then names that contain what was typed.
    fn like(name: &str) -> Vec<String> {
        let key = Self::city_key(name);
        if key.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(usize, String)> = Vec::new();
        for known in ZONES.available() {
            let known = known.as_str();
            let k = Self::city_key(known);
            let rank = if k == key {
                0
            } else if key.chars().count() >= 4 && edits(&k, &key) <= 2 {
                1
            } else if k.contains(&key) {
                2
            } else {
                continue;
            };
            found.push((rank, known.to_owned()));
        }
        found.sort();
        found.into_iter().take(3).map(|(_, n)| n).collect()
    }

    /// Its IANA name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its offset from UTC at `at` (summer or winter time).
    pub fn offset_at(&self, at: Timestamp) -> UtcOffset {
        let Ok(instant) = jiff::Timestamp::from_second(at.unix()) else {
            return UtcOffset::UTC;
        };
        UtcOffset::from_whole_seconds(self.tz.to_offset(instant).seconds())
            .unwrap_or(UtcOffset::UTC)
    }

    /// Its offset at `at` as people write it: "UTC+02:00".
    pub fn offset_name(&self, at: Timestamp) -> String {
        let offset = self.offset_at(at);
        let (h, m, _) = offset.as_hms();
        let sign = if offset.is_negative() { '-' } else { '+' };
        format!("UTC{sign}{:02}:{:02}", h.unsigned_abs(), m.unsigned_abs())
    }
}

/// How many letters to add, remove or change to turn `a` into `b`
/// (Levenshtein), for names of a few letters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

impl super::Session {
    /// The zone the session's times are shown in: its own, or `fallback`
    /// (this machine's) when it names none or one this build does not know.
    pub fn zone_or(&self, fallback: &Zone) -> Zone {
        self.time_zone
            .as_deref()
            .and_then(|n| Zone::named(n).ok())
            .unwrap_or_else(|| fallback.clone())
    }

    /// Give a session that names no time zone `zone` (the machine's, read
    /// by the caller); true when it did change.
    pub fn adopt_zone(&mut self, zone: &Zone) -> bool {
        if self.time_zone.is_some() {
            return false;
        }
        self.time_zone = Some(zone.name().to_owned());
        true
    }
}

/// Serde for the session's `time_zone`: an IANA name the tz database
/// knows, or the file does not load (at the field's line and column).
pub mod zone_name {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let name = <Option<String>>::deserialize(d)?;
        if let Some(n) = &name {
            Zone::named(n).map_err(serde::de::Error::custom)?;
        }
        Ok(name)
    }
}

/// Serde for `time::Date` as `"YYYY-MM-DD"`.
pub mod iso_date {
    use super::*;

    const FORMAT: &[time::format_description::FormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    pub fn format(date: Date) -> String {
        date.format(FORMAT)
            .unwrap_or_else(|_| format!("{}", date.year()))
    }

    pub fn parse(text: &str) -> Result<Date, String> {
        Date::parse(text.trim(), FORMAT)
            .map_err(|_| crate::model::BadValue::Date(text.to_owned()).to_string())
    }

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse(&text).map_err(serde::de::Error::custom)
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(d) => s.serialize_some(&format(*d)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            let text = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
            text.map(|t| parse(&t).map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}

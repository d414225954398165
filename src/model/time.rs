//! Points in time and calendar dates as they are written in a session file.
//!
//! Every instant is stored in UTC, to the second, as RFC 3339
//! (`"2026-06-12T07:30:00Z"`); dates are `"2026-06-12"`. The local offset is
//! applied only for display.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
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

    /// `HH:MM` in the given offset.
    pub fn clock(self, offset: UtcOffset) -> String {
        let t = self.in_offset(offset);
        format!("{:02}:{:02}", t.hour(), t.minute())
    }

    /// The calendar date in the given offset.
    pub fn date(self, offset: UtcOffset) -> Date {
        self.in_offset(offset).date()
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
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Timestamp::parse(&text).map_err(|e| {
            serde::de::Error::custom(format!(
                "expected a time in RFC 3339 form such as \"2026-06-12T07:30:00Z\", found {text:?} ({e})"
            ))
        })
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
            .map_err(|e| format!("expected a date such as \"2026-06-12\", found {text:?} ({e})"))
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

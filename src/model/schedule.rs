//! The day planned against the clock: the session's start time
//! ([`Session::start`], a wall-clock time in the session's own zone) and
//! the planned clock time of each step from it, breaks included (a break is
//! a stage of kind [`StageKind::Break`] with one step). Pure: no clock.

use super::{Ids, Session, Stage, StageKind, Step, StepPos};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A time of day on the session's own clock, to the minute: `"09:30"`.
/// Clock times past midnight wrap (a day planned from 23:00 for two hours
/// ends at 01:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

const DAY: u32 = 24 * 60;

impl ClockTime {
    /// `hours:minutes`, when both are in range.
    pub fn new(hours: u8, minutes: u8) -> Option<ClockTime> {
        (hours < 24 && minutes < 60).then(|| ClockTime(u16::from(hours) * 60 + u16::from(minutes)))
    }

    /// Read `"9:30"`, `"09:30"`, `"9h30"`, `"9h"` or `"09.30"`.
    pub fn parse(text: &str) -> Result<ClockTime, String> {
        let bad = || super::BadValue::TimeOfDay(text.to_owned()).to_string();
        let t = text.trim().to_ascii_lowercase();
        let (h, m) = t
            .split_once([':', 'h', '.'])
            .map_or((t.as_str(), ""), |(h, m)| (h, m));
        let digits = |s: &str, max_len: usize| {
            (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
        };
        let hours = digits(h, 2).ok_or_else(bad)?;
        let minutes = if m.is_empty() && t.contains('h') {
            0
        } else {
            if m.len() != 2 {
                return Err(bad());
            }
            digits(m, 2).ok_or_else(bad)?
        };
        ClockTime::new(hours, minutes).ok_or_else(bad)
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }

    /// `minutes` later, wrapping past midnight.
    pub fn plus(self, minutes: u32) -> ClockTime {
        // The modulo keeps it under 1440, which fits in a u16.
        ClockTime(((self.minutes() + minutes % DAY) % DAY) as u16)
    }

    pub fn hours_minutes(self) -> (u8, u8) {
        ((self.0 / 60) as u8, (self.0 % 60) as u8)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m) = self.hours_minutes();
        write!(f, "{h:02}:{m:02}")
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        ClockTime::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// When a step is planned to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlannedStep {
    pub pos: StepPos,
    /// Minutes from the start of the day.
    pub offset: u32,
    pub minutes: u32,
    /// Its clock time, when the session has a start time.
    pub at: Option<ClockTime>,
}

impl PlannedStep {
    /// When it is planned to end.
    pub fn until(&self) -> Option<ClockTime> {
        self.at.map(|t| t.plus(self.minutes))
    }
}

impl Stage {
    /// A break (coffee, lunch): a stage of its own, with one step of
    /// `minutes` and no method.
    pub fn new_break(title: impl Into<String>, minutes: u32, ids: &mut Ids) -> Stage {
        let title = title.into();
        Stage {
            id: ids.next_id(),
            method: String::new(),
            title: title.clone(),
            kind: StageKind::Break,
            steps: vec![Step {
                id: ids.next_id(),
                title,
                minutes,
                prompt: String::new(),
                produces: Vec::new(),
                started: None,
                ended: None,
            }],
            started: None,
            ended: None,
        }
    }

    pub fn is_break(&self) -> bool {
        self.kind == StageKind::Break
    }
}

impl Session {
    /// Every step of the agenda, in order, with its planned offset and
    /// (when the session has a start time) its clock time.
    pub fn planned_steps(&self) -> Vec<PlannedStep> {
        let mut offset = 0u32;
        let mut out = Vec::new();
        for (si, st) in self.agenda.iter().enumerate() {
            for (i, step) in st.steps.iter().enumerate() {
                out.push(PlannedStep {
                    pos: StepPos { stage: si, step: i },
                    offset,
                    minutes: step.minutes,
                    at: self.start.map(|t| t.plus(offset)),
                });
                offset = offset.saturating_add(step.minutes);
            }
        }
        out
    }

    /// The planned clock time of the step at `pos`.
    pub fn planned_at(&self, pos: StepPos) -> Option<ClockTime> {
        let start = self.start?;
        let before: u32 = self
            .agenda
            .iter()
            .take(pos.stage)
            .map(Stage::planned_minutes)
            .sum::<u32>()
            + self
                .agenda
                .get(pos.stage)?
                .steps
                .iter()
                .take(pos.step)
                .map(|s| s.minutes)
                .sum::<u32>();
        self.agenda.get(pos.stage)?.steps.get(pos.step)?;
        Some(start.plus(before))
    }

    /// The planned clock time of the first step of stage `stage`.
    pub fn planned_stage_at(&self, stage: usize) -> Option<ClockTime> {
        let start = self.start?;
        self.agenda.get(stage)?;
        let before: u32 = self
            .agenda
            .iter()
            .take(stage)
            .map(Stage::planned_minutes)
            .sum();
        Some(start.plus(before))
    }

    /// The planned end of the day: the start time plus every planned minute.
    pub fn planned_end(&self) -> Option<ClockTime> {
        self.start.map(|t| t.plus(self.planned_minutes()))
    }

    /// Planned minutes of the agenda's breaks.
    pub fn break_minutes(&self) -> u32 {
        self.agenda
            .iter()
            .filter(|st| st.is_break())
            .map(Stage::planned_minutes)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn at(text: &str) -> ClockTime {
        ClockTime::parse(text).expect("a time")
    }

    fn day() -> Session {
        let mut s = Session::new(Id::from("s"), "Day");
        let stage = |title: &str, minutes: &[u32]| Stage {
            id: Id::new(),
            method: String::new(),
            title: title.into(),
            kind: StageKind::Opening,
            steps: minutes
                .iter()
                .map(|&m| Step {
                    id: Id::new(),
                    title: format!("{m} min"),
                    minutes: m,
                    prompt: String::new(),
                    produces: Vec::new(),
                    started: None,
                    ended: None,
                })
                .collect(),
            started: None,
            ended: None,
        };
        s.agenda = vec![
            stage("Welcome", &[10, 20]),
            Stage::new_break("Coffee", 15, &mut Ids::seeded(1)),
            stage("Ideas", &[45]),
            Stage::new_break("Lunch", 60, &mut Ids::seeded(2 << 64)),
            stage("Vote", &[30]),
        ];
        s
    }

    #[test]
    fn clock_times_read_the_usual_spellings() {
        assert_eq!(at("09:30"), ClockTime::new(9, 30).expect("valid"));
        assert_eq!(at("9:30"), at("09:30"));
        assert_eq!(at("9h30"), at("09:30"));
        assert_eq!(at("9h"), at("09:00"));
        assert_eq!(at(" 14.05 "), at("14:05"));
        assert_eq!(at("00:00").minutes(), 0);
        assert_eq!(at("23:59").to_string(), "23:59");
        for bad in [
            "", "9", "24:00", "9:60", "9:5", "9:300", "nine", "-1:00", "9:3a",
        ] {
            assert!(ClockTime::parse(bad).is_err(), "{bad:?} read as a time");
        }
    }

    #[test]
    fn clock_times_wrap_past_midnight() {
        assert_eq!(at("23:00").plus(120).to_string(), "01:00");
        assert_eq!(at("09:30").plus(0), at("09:30"));
        assert_eq!(at("09:30").plus(3 * DAY + 30), at("10:00"));
        assert!(at("09:30").plus(u32::MAX).minutes() < DAY);
    }

    #[test]
    fn each_step_gets_its_clock_time_from_the_start_breaks_included() {
        let mut s = day();
        assert_eq!(s.planned_end(), None, "no start time, no clock");
        assert!(s.planned_steps().iter().all(|p| p.at.is_none()));
        s.start = Some(at("09:30"));
        let times: Vec<String> = s
            .planned_steps()
            .iter()
            .map(|p| p.at.map(|t| t.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(
            times,
            ["09:30", "09:40", "10:00", "10:15", "11:00", "12:00"]
        );
        assert_eq!(s.planned_end(), Some(at("12:30")));
        assert_eq!(
            s.planned_at(StepPos { stage: 2, step: 0 }),
            Some(at("10:15"))
        );
        assert_eq!(s.planned_at(StepPos { stage: 2, step: 1 }), None);
        assert_eq!(s.planned_at(StepPos { stage: 9, step: 0 }), None);
        assert_eq!(s.planned_stage_at(3), Some(at("11:00")));
        assert_eq!(s.planned_stage_at(5), None);
        assert_eq!(s.break_minutes(), 75);
        let last = s.planned_steps().last().copied().expect("steps");
        assert_eq!(last.until(), s.planned_end());
        // Every step's planned time agrees with planned_at.
        for p in s.planned_steps() {
            assert_eq!(s.planned_at(p.pos), p.at);
        }
    }

    #[test]
    fn the_start_time_is_a_session_field_merge_conflicts_can_carry() {
        let mut s = day();
        assert_eq!(s.field_text("start").as_deref(), Some(""));
        s.set_field_text("start", "9h30").expect("a time");
        assert_eq!(s.start, Some(at("09:30")));
        assert_eq!(s.field_text("start").as_deref(), Some("09:30"));
        assert!(s.set_field_text("start", "noon").is_err());
        assert_eq!(s.start, Some(at("09:30")), "a bad time changes nothing");
        s.set_field_text("start", " ").expect("cleared");
        assert_eq!(s.start, None);
    }

    #[test]
    fn a_break_is_one_step_without_a_method() {
        let b = Stage::new_break("Déjeuner", 60, &mut Ids::seeded(1));
        assert!(b.is_break());
        assert!(b.method.is_empty());
        assert_eq!(b.steps.len(), 1);
        assert_eq!(b.planned_minutes(), 60);
        assert_eq!(b.steps[0].title, "Déjeuner");
    }
}

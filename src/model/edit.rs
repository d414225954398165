//! Edits that keep a session whole: removing an item clears what pointed
//! at it, so a session never holds a dangling reference.

use super::{Item, Kind, Op, Session, Target, time::iso_date};
use crate::model::Id;

/// The session details a facilitator edits as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Title,
    Challenge,
    Origin,
    Date,
    /// When the day starts ("09:30").
    Start,
    Place,
    Facilitators,
    Language,
    TimeZone,
}

impl Detail {
    pub const ALL: [Detail; 9] = [
        Detail::Title,
        Detail::Challenge,
        Detail::Origin,
        Detail::Date,
        Detail::Start,
        Detail::Place,
        Detail::Facilitators,
        Detail::Language,
        Detail::TimeZone,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Detail::Title => "Title",
            Detail::Challenge => "Challenge",
            Detail::Origin => "Raised by",
            Detail::Date => "Date",
            Detail::Start => "Start time",
            Detail::Place => "Place",
            Detail::Facilitators => "Facilitators",
            Detail::Language => "Language",
            Detail::TimeZone => "Time zone",
        }
    }
}

/// A detail of the session that cannot take the value typed. `Display`
/// is English; [`DetailError::key`] gives its Fluent key and arguments.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DetailError {
    #[error("A session needs a title.")]
    NoTitle,
    #[error("{0:?} is not a date: expected YYYY-MM-DD, such as 2026-06-12")]
    NotADate(String),
    #[error("expected a time of day such as \"09:30\", found {0:?}")]
    NotATime(String),
    #[error("{0}")]
    UnknownZone(super::UnknownZone),
}

impl DetailError {
    /// The Fluent key (`detail-error-…` in `errors.ftl`) and arguments.
    pub fn key(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let quoted = |v: &str| format!("{v:?}");
        match self {
            DetailError::NoTitle => ("detail-error-no-title", Vec::new()),
            DetailError::NotADate(v) => ("detail-error-not-a-date", vec![("value", quoted(v))]),
            DetailError::NotATime(v) => ("detail-error-not-a-time", vec![("value", quoted(v))]),
            // The words setup's zone field says (`private-time.ftl`).
            DetailError::UnknownZone(z) if z.like.is_empty() => {
                ("zone-unknown", vec![("name", z.name.trim().to_owned())])
            }
            DetailError::UnknownZone(z) => (
                "zone-unknown-like",
                vec![
                    ("name", z.name.trim().to_owned()),
                    ("like", z.like.join(", ")),
                ],
            ),
        }
    }
}

impl Session {
    /// A detail as the text a facilitator edits.
    pub fn detail_text(&self, d: Detail) -> String {
        match d {
            Detail::Title => self.title.clone(),
            Detail::Challenge => self.challenge.statement.clone(),
            Detail::Origin => self.challenge.origin.label().to_owned(),
            Detail::Date => self.date.map(iso_date::format).unwrap_or_default(),
            Detail::Start => self.start.map(|c| c.to_string()).unwrap_or_default(),
            Detail::Place => self.place.clone(),
            Detail::Facilitators => self.facilitators.join(", "),
            Detail::Language => self.language.clone().unwrap_or_default(),
            Detail::TimeZone => self.time_zone.clone().unwrap_or_default(),
        }
    }

    /// Set a detail from text; an error says what was expected.
    pub fn set_detail(&mut self, d: Detail, value: &str) -> Result<(), DetailError> {
        let value = value.trim();
        match d {
            Detail::Title => {
                if value.is_empty() {
                    return Err(DetailError::NoTitle);
                }
                self.title = value.to_owned();
            }
            Detail::Challenge => self.challenge.statement = value.to_owned(),
            Detail::Origin => {}
            Detail::Date => {
                self.date = if value.is_empty() {
                    None
                } else {
                    Some(
                        iso_date::parse(value)
                            .map_err(|_| DetailError::NotADate(value.to_owned()))?,
                    )
                }
            }
            Detail::Start => {
                self.start = if value.is_empty() {
                    None
                } else {
                    Some(
                        super::ClockTime::parse(value)
                            .map_err(|_| DetailError::NotATime(value.to_owned()))?,
                    )
                }
            }
            Detail::Place => self.place = value.to_owned(),
            Detail::Facilitators => {
                self.facilitators = value
                    .split(',')
                    .map(|x| x.trim().to_owned())
                    .filter(|x| !x.is_empty())
                    .collect()
            }
            Detail::Language => {
                self.language = if value.is_empty() {
                    None
                } else {
                    Some(value.to_owned())
                }
            }
            // A zone is never taken away: times need one to be shown.
            Detail::TimeZone => {
                let zone = super::Zone::find(value).map_err(DetailError::UnknownZone)?;
                self.time_zone = Some(zone.name().to_owned());
            }
        }
        Ok(())
    }

    /// Remove a participant: what they wrote stays, without an author, and
    /// their votes go. Returns the ops and how many notes and stickies lost
    /// their author.
    pub fn remove_participant(&self, id: &Id) -> (Vec<Op>, usize) {
        let mut ops = Vec::new();
        for n in self.notes.iter().filter(|n| n.author.as_ref() == Some(id)) {
            let mut n = n.clone();
            n.author = None;
            ops.push(Op::Replace(Item::Note(n)));
        }
        for x in self
            .stickies
            .iter()
            .filter(|x| x.author.as_ref() == Some(id))
        {
            let mut x = x.clone();
            x.author = None;
            ops.push(Op::Replace(Item::Sticky(x)));
        }
        let cleared = ops.len();
        for v in self
            .votes
            .iter()
            .filter(|v| v.participant.as_ref() == Some(id))
        {
            ops.push(Op::Remove {
                kind: Kind::Vote,
                id: v.id.clone(),
            });
        }
        ops.push(Op::Remove {
            kind: Kind::Participant,
            id: id.clone(),
        });
        (ops, cleared)
    }

    /// Remove a guest: what they wrote stays, without an author.
    pub fn remove_guest(&self, id: &Id) -> Vec<Op> {
        let mut ops = self.remove_participant(id).0;
        if let Some(Op::Remove { kind, .. }) = ops.last_mut() {
            *kind = Kind::Guest;
        }
        ops
    }

    /// Remove the stage at `index`: notes, stickies, clusters and rounds
    /// that were in it stay, without a stage. Returns the ops and how many
    /// notes and stickies were detached.
    pub fn remove_stage(&self, index: usize) -> (Vec<Op>, usize) {
        let Some(stage) = self.agenda.get(index) else {
            return (Vec::new(), 0);
        };
        let sid = Some(&stage.id);
        let mut ops = Vec::new();
        for n in self.notes.iter().filter(|n| n.stage.as_ref() == sid) {
            let mut n = n.clone();
            n.stage = None;
            ops.push(Op::Replace(Item::Note(n)));
        }
        for x in self.stickies.iter().filter(|x| x.stage.as_ref() == sid) {
            let mut x = x.clone();
            x.stage = None;
            ops.push(Op::Replace(Item::Sticky(x)));
        }
        let detached = ops.len();
        for c in self.clusters.iter().filter(|c| c.stage.as_ref() == sid) {
            let mut c = c.clone();
            c.stage = None;
            ops.push(Op::Replace(Item::Cluster(c)));
        }
        for r in self.rounds.iter().filter(|r| r.stage.as_ref() == sid) {
            let mut r = r.clone();
            r.stage = None;
            ops.push(Op::Replace(Item::Round(r)));
        }
        ops.push(Op::Remove {
            kind: Kind::Stage,
            id: stage.id.clone(),
        });
        (ops, detached)
    }

    /// Remove votes whose target is gone (after deleting stickies or clusters).
    pub fn drop_orphan_votes(&mut self) {
        let stickies: std::collections::HashSet<&Id> =
            self.stickies.iter().map(|x| &x.id).collect();
        let clusters: std::collections::HashSet<&Id> =
            self.clusters.iter().map(|x| &x.id).collect();
        self.votes.retain(|v| match &v.target {
            Target::Sticky(id) => stickies.contains(id),
            Target::Cluster(id) => clusters.contains(id),
        });
    }
}

//! Older format versions, upgraded to the current one on load.
//!
//! Each past version keeps a frozen copy of the serde types that changed
//! since, and a function to the next version. A file is never rewritten by
//! loading it; it is written in the current format at its next save.
//!
//! - Version 1: the challenge was a plain string and its origin a top-level
//!   `origin` field. Version 2 groups them as `challenge: (statement, origin)`.
//! - Version 2 had no `time_zone`, `guests`, `private` or sticky `tags`;
//!   version 3 adds them, all optional, so a version-2 file reads as version 3.

use super::error::LoadError;
use super::load::parse_ron;
use crate::model::{
    ActionItem, Challenge, Cluster, Comment, FORMAT, Id, Note, Origin, Participant, Run, Session,
    Stage, Sticky, Vote, VotingRound, time::iso_date,
};
use serde::Deserialize;

/// Parse `text`, written in format `version`, into a current session.
pub fn load_version(version: u32, text: &str) -> Result<Session, LoadError> {
    match version {
        1 => parse_ron::<V1>(text).map(Session::from),
        // Version 3 only added optional fields (time zone, guests, private
        // flags, sticky tags): a version-2 file reads as it is.
        2 | FORMAT => parse_ron::<Session>(text).map(|mut s| {
            s.format = FORMAT;
            s
        }),
        v => Err(LoadError::new(
            "",
            None,
            format!("format version {v} is not one this atelier can read"),
        )
        .keyed("load-unknown-version", vec![("version", v.to_string())])),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    #[allow(dead_code)]
    format: u32,
    id: Id,
    title: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    challenge: String,
    #[serde(default)]
    origin: Origin,
    #[serde(default, with = "iso_date::option")]
    date: Option<time::Date>,
    #[serde(default)]
    place: String,
    #[serde(default)]
    facilitators: Vec<String>,
    #[serde(default)]
    participants: Vec<Participant>,
    #[serde(default)]
    agenda: Vec<Stage>,
    #[serde(default)]
    run: Run,
    #[serde(default)]
    notes: Vec<Note>,
    #[serde(default)]
    stickies: Vec<Sticky>,
    #[serde(default)]
    clusters: Vec<Cluster>,
    #[serde(default)]
    rounds: Vec<VotingRound>,
    #[serde(default)]
    votes: Vec<Vote>,
    #[serde(default)]
    actions: Vec<ActionItem>,
    #[serde(default)]
    comments: Vec<Comment>,
}

impl From<V1> for Session {
    fn from(v: V1) -> Session {
        Session {
            format: FORMAT,
            id: v.id,
            title: v.title,
            language: v.language,
            challenge: Challenge {
                statement: v.challenge,
                origin: v.origin,
            },
            date: v.date,
            time_zone: None,
            start: None,
            place: v.place,
            facilitators: v.facilitators,
            participants: v.participants,
            guests: Vec::new(),
            agenda: v.agenda,
            run: v.run,
            notes: v.notes,
            stickies: v.stickies,
            clusters: v.clusters,
            rounds: v.rounds,
            votes: v.votes,
            actions: v.actions,
            comments: v.comments,
            prototypes: Vec::new(),
            attachments: Vec::new(),
            conflicts: Vec::new(),
            sticky_index: Default::default(),
        }
    }
}

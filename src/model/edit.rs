//! Edits that keep a session whole: removing an item clears what pointed
//! at it, so a session never holds a dangling reference.

use super::{Session, Target, time::iso_date};
use crate::model::Id;

/// The session details a facilitator edits as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Title,
    Challenge,
    Origin,
    Date,
    Place,
    Facilitators,
    Language,
}

impl Detail {
    pub const ALL: [Detail; 7] = [
        Detail::Title,
        Detail::Challenge,
        Detail::Origin,
        Detail::Date,
        Detail::Place,
        Detail::Facilitators,
        Detail::Language,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Detail::Title => "Title",
            Detail::Challenge => "Challenge",
            Detail::Origin => "Raised by",
            Detail::Date => "Date",
            Detail::Place => "Place",
            Detail::Facilitators => "Facilitators",
            Detail::Language => "Language",
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
            Detail::Place => self.place.clone(),
            Detail::Facilitators => self.facilitators.join(", "),
            Detail::Language => self.language.clone().unwrap_or_default(),
        }
    }

    /// Set a detail from text; an error says what was expected.
    pub fn set_detail(&mut self, d: Detail, value: &str, _lang: &str) -> Result<(), String> {
        let value = value.trim();
        match d {
            Detail::Title => {
                if value.is_empty() {
                    return Err("A session needs a title.".into());
                }
                self.title = value.to_owned();
            }
            Detail::Challenge => self.challenge.statement = value.to_owned(),
            Detail::Origin => {}
            Detail::Date => {
                self.date = if value.is_empty() {
                    None
                } else {
                    Some(iso_date::parse(value).map_err(|_| {
                        format!("{value:?} is not a date: expected YYYY-MM-DD, such as 2026-06-12")
                    })?)
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
        }
        Ok(())
    }

    /// Remove a participant; what they wrote stays, without an author, and
    /// their votes go. Returns how many notes and stickies lost their author.
    pub fn remove_participant(&mut self, id: &Id) -> usize {
        self.participants.retain(|p| &p.id != id);
        let mut cleared = 0;
        for n in &mut self.notes {
            if n.author.as_ref() == Some(id) {
                n.author = None;
                cleared += 1;
            }
        }
        for x in &mut self.stickies {
            if x.author.as_ref() == Some(id) {
                x.author = None;
                cleared += 1;
            }
        }
        self.votes.retain(|v| v.participant.as_ref() != Some(id));
        cleared
    }

    /// Remove the stage at `index`; notes, stickies, clusters and rounds
    /// that were in it stay, without a stage. Returns how many notes and
    /// stickies were detached.
    pub fn remove_stage(&mut self, index: usize) -> usize {
        if index >= self.agenda.len() {
            return 0;
        }
        let stage = self.agenda.remove(index);
        let mut detached = 0;
        for n in &mut self.notes {
            if n.stage.as_ref() == Some(&stage.id) {
                n.stage = None;
                detached += 1;
            }
        }
        for x in &mut self.stickies {
            if x.stage.as_ref() == Some(&stage.id) {
                x.stage = None;
                detached += 1;
            }
        }
        for c in &mut self.clusters {
            if c.stage.as_ref() == Some(&stage.id) {
                c.stage = None;
            }
        }
        for r in &mut self.rounds {
            if r.stage.as_ref() == Some(&stage.id) {
                r.stage = None;
            }
        }
        if self.run.stage.as_ref() == Some(&stage.id)
            || stage
                .steps
                .iter()
                .any(|s| self.run.step.as_ref() == Some(&s.id))
        {
            self.run = Default::default();
        }
        detached
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

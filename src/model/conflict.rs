//! Settling merge conflicts.
//!
//! A merge (see `crate::merge`) keeps one version of a conflicting item in
//! place and records the other in `Session::conflicts`. The facilitator then
//! picks, for each conflict, the version in place ([`Pick::Kept`]) or the
//! other one ([`Pick::Other`]); picking is a list of [`Op`]s, undoable like
//! any edit, that always ends with the removal of the conflict record.
//!
//! What a conflict can be about:
//! - an item of the session (`ConflictAbout::Item(id)`), the other version
//!   being `ConflictValue::Item` (the same kind of item, same id) or
//!   `ConflictValue::Deleted` (the other copy deleted it). A step of the
//!   agenda is not an item of its own: a conflict about a step has the step's
//!   id in `about`, and its other version is an `Item::Stage` whose `steps`
//!   hold that one step;
//! - a field of the session (`ConflictAbout::Field("title")`) or the text
//!   of a review comment, the other version being `ConflictValue::Text`.
//!   Ops cannot change fields or comments, so the other version is put in
//!   place by [`Session::apply_conflict_fields`] (or all at once by
//!   [`Session::settle_conflict`]).

use super::change::{Item, Kind, Op};
use super::{
    Conflict, ConflictAbout, ConflictValue, Id, Origin, Run, Session, Stage, Target, time::iso_date,
};
use std::collections::HashSet;

/// Which version of a conflict to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pick {
    /// The version in place (the other one is dropped).
    Kept,
    /// The other version, recorded in the conflict (or the deletion).
    Other,
}

/// The session fields a conflict can be about, as `ConflictAbout::Field` names them.
pub const FIELDS: [&str; 7] = [
    "title",
    "challenge",
    "origin",
    "date",
    "place",
    "language",
    "run",
];

impl Session {
    pub fn conflict(&self, id: &Id) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| &c.id == id)
    }

    /// A session field as the text a conflict records (see [`FIELDS`]):
    /// the date as `YYYY-MM-DD`, the origin as its name in the file
    /// (`Public`), the run in RON; an absent value is the empty text.
    pub fn field_text(&self, name: &str) -> Option<String> {
        Some(match name {
            "title" => self.title.clone(),
            "challenge" => self.challenge.statement.clone(),
            "origin" => format!("{:?}", self.challenge.origin),
            "date" => self.date.map(iso_date::format).unwrap_or_default(),
            "place" => self.place.clone(),
            "start" => self.start.map(|t| t.to_string()).unwrap_or_default(),
            "language" => self.language.clone().unwrap_or_default(),
            "run" => run_text(&self.run),
            _ => return None,
        })
    }

    /// Set a session field from the text [`Session::field_text`] gives.
    pub fn set_field_text(&mut self, name: &str, text: &str) -> Result<(), String> {
        match name {
            "title" => self.title = text.to_owned(),
            "challenge" => self.challenge.statement = text.to_owned(),
            "origin" => {
                self.challenge.origin = Origin::ALL
                    .into_iter()
                    .find(|o| format!("{o:?}") == text)
                    .ok_or_else(|| format!("{text:?} is not an origin"))?
            }
            "date" => {
                self.date = if text.trim().is_empty() {
                    None
                } else {
                    Some(iso_date::parse(text)?)
                }
            }
            "place" => self.place = text.to_owned(),
            "start" => {
                self.start = if text.trim().is_empty() {
                    None
                } else {
                    Some(super::ClockTime::parse(text)?)
                }
            }
            "language" => {
                self.language = (!text.is_empty()).then(|| text.to_owned());
            }
            "run" => {
                let run: Run = ron::from_str(text)
                    .map_err(|e| format!("{text:?} is not the state of a run ({e})"))?;
                if !self.run_fits(&run) {
                    return Err("that run points at a stage or step no longer in the agenda".into());
                }
                self.run = run;
            }
            _ => return Err(format!("{name:?} is not a session field")),
        }
        Ok(())
    }

    /// Whether `run` points at a stage of the agenda, and a step of it.
    pub fn run_fits(&self, run: &Run) -> bool {
        let stage = run.stage.as_ref().and_then(|id| self.stage(id));
        match (&run.stage, &run.step) {
            (None, None) => true,
            (Some(_), None) => stage.is_some(),
            (Some(_), Some(step)) => stage.is_some_and(|st| st.steps.iter().any(|x| &x.id == step)),
            (None, Some(_)) => false,
        }
    }

    /// The version in place for conflict `c`, in the shape of its `other`:
    /// the item (a stage holding only the step, for a step), the text of a
    /// field or comment, or `Deleted` when the item is no longer there.
    pub fn conflict_kept(&self, c: &Conflict) -> ConflictValue {
        match &c.about {
            ConflictAbout::Field(name) => self
                .field_text(name)
                .map_or(ConflictValue::Deleted, ConflictValue::Text),
            ConflictAbout::Item(id) => {
                if let Some(comment) = self.comments.iter().find(|x| &x.id == id) {
                    return ConflictValue::Text(comment.text.clone());
                }
                self.find_item(id).map_or(ConflictValue::Deleted, |item| {
                    ConflictValue::Item(Box::new(item))
                })
            }
        }
    }

    /// Any item by id, as an [`Item`]; a step comes as its stage holding
    /// only that step. Comments are not items.
    pub fn find_item(&self, id: &Id) -> Option<Item> {
        fn find<T: Clone>(list: &[T], id: &Id, key: fn(&T) -> &Id) -> Option<T> {
            list.iter().find(|x| key(x) == id).cloned()
        }
        if let Some(st) = find(&self.agenda, id, |x| &x.id) {
            return Some(Item::Stage(st));
        }
        if let Some(st) = self
            .agenda
            .iter()
            .find(|st| st.steps.iter().any(|x| &x.id == id))
        {
            let mut st = st.clone();
            st.steps.retain(|x| &x.id == id);
            return Some(Item::Stage(st));
        }
        find(&self.participants, id, |x| &x.id)
            .map(Item::Participant)
            .or_else(|| find(&self.guests, id, |x| &x.id).map(Item::Guest))
            .or_else(|| find(&self.notes, id, |x| &x.id).map(Item::Note))
            .or_else(|| find(&self.stickies, id, |x| &x.id).map(Item::Sticky))
            .or_else(|| find(&self.clusters, id, |x| &x.id).map(Item::Cluster))
            .or_else(|| find(&self.rounds, id, |x| &x.id).map(Item::Round))
            .or_else(|| find(&self.votes, id, |x| &x.id).map(Item::Vote))
            .or_else(|| find(&self.actions, id, |x| &x.id).map(Item::Action))
            .or_else(|| find(&self.prototypes, id, |x| &x.id).map(Item::Prototype))
            .or_else(|| find(&self.attachments, id, |x| &x.id).map(Item::Attachment))
            .or_else(|| find(&self.conflicts, id, |x| &x.id).map(Item::Conflict))
    }

    /// The ops that settle conflict `id` with `pick`, ending with the
    /// removal of the conflict record. Apply them as one undoable step.
    ///
    /// - `Kept`: only the record goes.
    /// - `Other` with an item: the other version replaces the one in place
    ///   (or comes back, if it was deleted since); references it holds to
    ///   items no longer in the session are cleared (an author, a stage, a
    ///   cluster: the sticky goes to the inbox). For a stage, only the
    ///   stage's own fields are taken (its steps have conflicts of their
    ///   own); for a step, only that step.
    /// - `Other` with `Deleted`: the item is deleted as the app deletes it
    ///   (a sticky with its votes, a cluster sends its stickies to the
    ///   inbox, a participant leaves their notes without author and their
    ///   votes go, attachments to it become attachments to the session).
    /// - `Other` with a text (a field or a comment), or the deletion of a
    ///   comment: only the record goes; put the other version in place first
    ///   with [`Session::apply_conflict_fields`].
    ///
    /// Empty when nothing can be done: no such conflict, a vote whose round,
    /// voter or target is gone, the deletion of the step the run is on (move
    /// on first), or an other version that is not of the item it is about.
    pub fn resolve_conflict(&self, id: &Id, pick: Pick) -> Vec<Op> {
        let Some(c) = self.conflict(id) else {
            return Vec::new();
        };
        let mut ops = match (pick, &c.about, &c.other) {
            (Pick::Kept, _, _) | (Pick::Other, _, ConflictValue::Text(_)) => Vec::new(),
            (Pick::Other, ConflictAbout::Field(_), _) => return Vec::new(),
            (Pick::Other, ConflictAbout::Item(about), ConflictValue::Deleted) => {
                match self.delete_ops(about) {
                    Some(ops) => ops,
                    None => return Vec::new(),
                }
            }
            (Pick::Other, ConflictAbout::Item(about), ConflictValue::Item(item)) => {
                match self.restore_ops(about, item) {
                    Some(ops) => ops,
                    None => return Vec::new(),
                }
            }
        };
        ops.push(Op::Remove {
            kind: Kind::Conflict,
            id: id.clone(),
        });
        ops
    }

    /// Put the other version of conflict `id` in place where ops cannot:
    /// a session field, or a review comment (its other text, or its
    /// deletion). `Ok(false)` when the conflict is not of that kind (nothing
    /// changes: use [`Session::resolve_conflict`]); an error when the other
    /// version does not fit any more (a run pointing at a deleted step, a
    /// bad date). Call it before applying the ops of
    /// `resolve_conflict(id, Pick::Other)`, which then remove the record.
    pub fn apply_conflict_fields(&mut self, id: &Id) -> Result<bool, String> {
        let Some(c) = self.conflict(id).cloned() else {
            return Ok(false);
        };
        match (&c.about, &c.other) {
            (ConflictAbout::Field(name), ConflictValue::Text(text)) => {
                self.set_field_text(name, text)?
            }
            (ConflictAbout::Item(about), ConflictValue::Text(text)) => {
                let Some(comment) = self.comments.iter_mut().find(|x| &x.id == about) else {
                    return Err("the comment is no longer in the session".into());
                };
                comment.text = text.clone();
            }
            (ConflictAbout::Item(about), ConflictValue::Deleted)
                if self.comments.iter().any(|x| &x.id == about) =>
            {
                self.comments.retain(|x| &x.id != about);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Settle conflict `id` at once: [`Session::apply_conflict_fields`] if
    /// `pick` is `Other`, then the ops of [`Session::resolve_conflict`].
    /// Returns the ops that undo the item changes (field changes are not
    /// undone by them); an error when nothing could be done.
    pub fn settle_conflict(&mut self, id: &Id, pick: Pick) -> Result<Vec<Op>, String> {
        if self.conflict(id).is_none() {
            return Err("no such conflict".into());
        }
        if pick == Pick::Other {
            self.apply_conflict_fields(id)?;
        }
        let ops = self.resolve_conflict(id, pick);
        if ops.is_empty() {
            return Err("this version cannot be put in place now".into());
        }
        Ok(self.apply_all(ops))
    }

    /// Ops putting `item` (the other version of `about`) in place.
    fn restore_ops(&self, about: &Id, item: &Item) -> Option<Vec<Op>> {
        if let Item::Stage(other) = item {
            return self.restore_stage(about, other);
        }
        if item.id() != about {
            return None;
        }
        let mut item = item.clone();
        self.clear_missing(&mut item)?;
        let present = self.find_item(about).is_some();
        Some(vec![if present {
            Op::Replace(item)
        } else {
            Op::Insert {
                at: usize::MAX,
                item,
            }
        }])
    }

    fn restore_stage(&self, about: &Id, other: &Stage) -> Option<Vec<Op>> {
        if &other.id == about {
            // The stage's own fields; its steps stay as they are now.
            let mut st = other.clone();
            return Some(vec![match self.stage(about) {
                Some(now) => {
                    st.steps = now.steps.clone();
                    Op::Replace(Item::Stage(st))
                }
                None => {
                    let taken = self.all_ids();
                    st.steps.retain(|x| !taken.contains(&x.id));
                    Op::Insert {
                        at: usize::MAX,
                        item: Item::Stage(st),
                    }
                }
            }]);
        }
        let step = other.steps.iter().find(|x| &x.id == about)?;
        let holder = self
            .agenda
            .iter()
            .find(|st| st.steps.iter().any(|x| &x.id == about))
            .or_else(|| self.stage(&other.id))?;
        let mut st = holder.clone();
        match st.steps.iter_mut().find(|x| &x.id == about) {
            Some(slot) => *slot = step.clone(),
            None => st.steps.push(step.clone()),
        }
        Some(vec![Op::Replace(Item::Stage(st))])
    }

    /// Fit `item` to this session: clear its references to what is not
    /// there (an author, a stage, a cluster: the sticky goes to the inbox,
    /// an attachment's item). False for a vote that cannot stand without
    /// them (its round, voter or target is gone).
    pub fn fit(&self, item: &mut Item) -> bool {
        self.clear_missing(item).is_some()
    }

    fn clear_missing(&self, item: &mut Item) -> Option<()> {
        let participant = |id: &Option<Id>| {
            id.as_ref()
                .filter(|id| self.participant(id).is_some())
                .cloned()
        };
        let stage = |id: &Option<Id>| id.as_ref().filter(|id| self.stage(id).is_some()).cloned();
        match item {
            Item::Note(n) => {
                n.author = participant(&n.author);
                n.stage = stage(&n.stage);
            }
            Item::Sticky(x) => {
                x.author = participant(&x.author);
                x.stage = stage(&x.stage);
                x.cluster = x
                    .cluster
                    .as_ref()
                    .filter(|id| self.cluster(id).is_some())
                    .cloned();
            }
            Item::Cluster(c) => c.stage = stage(&c.stage),
            Item::Round(r) => r.stage = stage(&r.stage),
            Item::Prototype(p) => p.stage = stage(&p.stage),
            Item::Attachment(a) => {
                if let Some(to) = &a.to
                    && !self.all_ids().contains(to)
                {
                    a.to = None;
                }
            }
            Item::Vote(v) => {
                let target = match &v.target {
                    Target::Sticky(id) => self.sticky(id).is_some(),
                    Target::Cluster(id) => self.cluster(id).is_some(),
                };
                let voter = v
                    .participant
                    .as_ref()
                    .is_none_or(|p| self.participant(p).is_some());
                if !target || !voter || self.round(&v.round).is_none() {
                    return None;
                }
            }
            Item::Participant(_)
            | Item::Guest(_)
            | Item::Stage(_)
            | Item::Action(_)
            | Item::Conflict(_) => {}
        }
        Some(())
    }

    /// Ops deleting item `id` and what must go with it; `None` when it
    /// cannot be deleted now (the step the run is on).
    fn delete_ops(&self, id: &Id) -> Option<Vec<Op>> {
        let Some(item) = self.find_item(id) else {
            return Some(Vec::new());
        };
        let mut gone: HashSet<&Id> = HashSet::from([id]);
        let mut ops = match &item {
            Item::Stage(st) if &st.id != id => {
                if self.run.step.as_ref() == Some(id) {
                    return None;
                }
                let mut st = self.stage(&st.id)?.clone();
                st.steps.retain(|x| &x.id != id);
                vec![Op::Replace(Item::Stage(st))]
            }
            Item::Stage(_) => {
                let index = self.agenda.iter().position(|st| &st.id == id)?;
                let stage = &self.agenda[index];
                gone.extend(stage.steps.iter().map(|x| &x.id));
                let mut ops = self.remove_stage(index).0;
                // Prototypes made in the stage stay, without a stage.
                for p in self
                    .prototypes
                    .iter()
                    .filter(|p| p.stage.as_ref() == Some(id))
                {
                    let mut p = p.clone();
                    p.stage = None;
                    ops.insert(0, Op::Replace(Item::Prototype(p)));
                }
                ops
            }
            Item::Participant(_) => self.remove_participant(id).0,
            Item::Guest(_) => self.remove_guest(id),
            Item::Sticky(_) => self.delete_stickies(std::slice::from_ref(id)),
            Item::Cluster(_) => self.delete_cluster(id),
            Item::Round(_) => {
                let mut ops: Vec<Op> = self
                    .votes
                    .iter()
                    .filter(|v| &v.round == id)
                    .map(|v| Op::Remove {
                        kind: Kind::Vote,
                        id: v.id.clone(),
                    })
                    .collect();
                ops.push(Op::Remove {
                    kind: Kind::Round,
                    id: id.clone(),
                });
                ops
            }
            other => vec![Op::Remove {
                kind: other.kind(),
                id: id.clone(),
            }],
        };
        // Attachments to what goes become attachments to the session.
        let mut detach: Vec<Op> = self
            .attachments
            .iter()
            .filter(|a| a.to.as_ref().is_some_and(|to| gone.contains(to)) && &a.id != id)
            .map(|a| {
                let mut a = a.clone();
                a.to = None;
                Op::Replace(Item::Attachment(a))
            })
            .collect();
        detach.append(&mut ops);
        Some(detach)
    }

    /// Every id of the session, steps and the session's own included.
    pub fn all_ids(&self) -> HashSet<&Id> {
        self.ids().collect()
    }

    /// Every id in the session, in file order (an id used twice comes
    /// twice).
    pub fn ids(&self) -> impl Iterator<Item = &Id> {
        std::iter::once(&self.id)
            .chain(self.participants.iter().map(|x| &x.id))
            .chain(self.guests.iter().map(|x| &x.id))
            .chain(
                self.agenda
                    .iter()
                    .flat_map(|st| std::iter::once(&st.id).chain(st.steps.iter().map(|x| &x.id))),
            )
            .chain(self.notes.iter().map(|x| &x.id))
            .chain(self.stickies.iter().map(|x| &x.id))
            .chain(self.clusters.iter().map(|x| &x.id))
            .chain(self.rounds.iter().map(|x| &x.id))
            .chain(self.votes.iter().map(|x| &x.id))
            .chain(self.actions.iter().map(|x| &x.id))
            .chain(self.comments.iter().map(|x| &x.id))
            .chain(self.prototypes.iter().map(|x| &x.id))
            .chain(self.attachments.iter().map(|x| &x.id))
            .chain(self.conflicts.iter().map(|x| &x.id))
    }
}

/// The run as one line of RON (how a conflict records it).
fn run_text(run: &Run) -> String {
    ron::to_string(run).unwrap_or_default()
}

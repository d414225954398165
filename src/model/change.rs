//! Changes to a session as data: every edit of notes, stickies, clusters,
//! rounds and votes is a list of [`Op`]s. Applying an op returns its
//! inverse, which is what undo and redo are made of.

use super::{
    ActionItem, Attachment, Cluster, Conflict, Guest, Id, Note, Participant, Prototype, Session,
    Stage, Sticky, Vote, VotingRound,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Item {
    Participant(Participant),
    Guest(Guest),
    Stage(Stage),
    Note(Note),
    Sticky(Sticky),
    Cluster(Cluster),
    Round(VotingRound),
    Vote(Vote),
    Action(ActionItem),
    Prototype(Prototype),
    Attachment(Attachment),
    Conflict(Conflict),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Participant,
    Guest,
    Stage,
    Note,
    Sticky,
    Cluster,
    Round,
    Vote,
    Action,
    Prototype,
    Attachment,
    Conflict,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// Insert an item at a position of its list (clamped to the list).
    Insert { at: usize, item: Item },
    /// Remove the item with this id.
    Remove { kind: Kind, id: Id },
    /// Replace the item with the same id.
    Replace(Item),
}

/// One op as it applied: the op, the op that undoes it, and the position
/// in its list where the item was inserted, removed or replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Traced {
    pub op: Op,
    pub inverse: Op,
    pub at: usize,
}

impl Traced {
    /// The ops that applied, and the ops that undo them all, in the order
    /// to apply them.
    pub fn split(traced: Vec<Traced>) -> (Vec<Op>, Vec<Op>) {
        let mut inverse = Vec::with_capacity(traced.len());
        let applied = traced
            .into_iter()
            .map(|t| {
                inverse.push(t.inverse);
                t.op
            })
            .collect();
        inverse.reverse();
        (applied, inverse)
    }
}

trait HasId {
    fn id(&self) -> &Id;
}

macro_rules! has_id {
    ($($t:ty),*) => { $( impl HasId for $t { fn id(&self) -> &Id { &self.id } } )* };
}
has_id!(
    Participant,
    Guest,
    Stage,
    Note,
    Sticky,
    Cluster,
    VotingRound,
    Vote,
    ActionItem,
    Prototype,
    Attachment,
    Conflict
);

fn insert<T>(list: &mut Vec<T>, at: usize, item: T) -> usize {
    let at = at.min(list.len());
    list.insert(at, item);
    at
}

fn remove<T: HasId>(list: &mut Vec<T>, id: &Id) -> Option<(usize, T)> {
    let i = list.iter().position(|x| x.id() == id)?;
    Some((i, list.remove(i)))
}

/// Replace the item with the same id; `None` (nothing to undo) when it is
/// absent or already equal.
fn replace<T: HasId + PartialEq>(list: &mut [T], item: T) -> Option<(usize, T)> {
    let at = list.iter().position(|x| x.id() == item.id())?;
    let slot = &mut list[at];
    if *slot == item {
        return None;
    }
    Some((at, std::mem::replace(slot, item)))
}

impl Item {
    pub fn kind(&self) -> Kind {
        match self {
            Item::Participant(_) => Kind::Participant,
            Item::Guest(_) => Kind::Guest,
            Item::Stage(_) => Kind::Stage,
            Item::Note(_) => Kind::Note,
            Item::Sticky(_) => Kind::Sticky,
            Item::Cluster(_) => Kind::Cluster,
            Item::Round(_) => Kind::Round,
            Item::Vote(_) => Kind::Vote,
            Item::Action(_) => Kind::Action,
            Item::Prototype(_) => Kind::Prototype,
            Item::Attachment(_) => Kind::Attachment,
            Item::Conflict(_) => Kind::Conflict,
        }
    }

    pub fn id(&self) -> &Id {
        match self {
            Item::Participant(x) => &x.id,
            Item::Guest(x) => &x.id,
            Item::Stage(x) => &x.id,
            Item::Note(x) => &x.id,
            Item::Sticky(x) => &x.id,
            Item::Cluster(x) => &x.id,
            Item::Round(x) => &x.id,
            Item::Vote(x) => &x.id,
            Item::Action(x) => &x.id,
            Item::Prototype(x) => &x.id,
            Item::Attachment(x) => &x.id,
            Item::Conflict(x) => &x.id,
        }
    }
}

impl Session {
    /// Apply one op; returns the op that undoes it, or `None` when the op
    /// did not apply (its item was not there).
    pub fn apply(&mut self, op: Op) -> Option<Op> {
        self.apply_at(op).map(|(inverse, _)| inverse)
    }

    /// As [`Session::apply`], also saying where in its list the item was
    /// inserted, removed or replaced (what an index follows an edit by).
    pub fn apply_at(&mut self, op: Op) -> Option<(Op, usize)> {
        match op {
            Op::Insert { at, item } => {
                let (kind, id) = (item.kind(), item.id().clone());
                let at = match item {
                    Item::Participant(x) => insert(&mut self.participants, at, x),
                    Item::Guest(x) => insert(&mut self.guests, at, x),
                    Item::Stage(x) => insert(&mut self.agenda, at, x),
                    Item::Note(x) => insert(&mut self.notes, at, x),
                    Item::Sticky(x) => {
                        let at = insert(&mut self.stickies, at, x);
                        self.sticky_index.inserted(&self.stickies, at);
                        at
                    }
                    Item::Cluster(x) => insert(&mut self.clusters, at, x),
                    Item::Round(x) => insert(&mut self.rounds, at, x),
                    Item::Vote(x) => insert(&mut self.votes, at, x),
                    Item::Action(x) => insert(&mut self.actions, at, x),
                    Item::Prototype(x) => insert(&mut self.prototypes, at, x),
                    Item::Attachment(x) => insert(&mut self.attachments, at, x),
                    Item::Conflict(x) => insert(&mut self.conflicts, at, x),
                };
                Some((Op::Remove { kind, id }, at))
            }
            Op::Remove { kind, id } => {
                let (at, item) = match kind {
                    Kind::Participant => remove(&mut self.participants, &id)
                        .map(|(i, x)| (i, Item::Participant(x)))?,
                    Kind::Guest => {
                        remove(&mut self.guests, &id).map(|(i, x)| (i, Item::Guest(x)))?
                    }
                    Kind::Stage => {
                        let removed =
                            remove(&mut self.agenda, &id).map(|(i, x)| (i, Item::Stage(x)))?;
                        // The run may not point into a stage that is gone.
                        if self.current().is_none() && self.run.step.is_some() {
                            self.run = Default::default();
                        }
                        removed
                    }
                    Kind::Note => remove(&mut self.notes, &id).map(|(i, x)| (i, Item::Note(x)))?,
                    Kind::Sticky => {
                        let at = self.sticky_position_mut(&id)?;
                        let x = self.stickies.remove(at);
                        self.sticky_index.removed(&self.stickies, &id, at);
                        (at, Item::Sticky(x))
                    }
                    Kind::Cluster => {
                        remove(&mut self.clusters, &id).map(|(i, x)| (i, Item::Cluster(x)))?
                    }
                    Kind::Round => {
                        remove(&mut self.rounds, &id).map(|(i, x)| (i, Item::Round(x)))?
                    }
                    Kind::Vote => remove(&mut self.votes, &id).map(|(i, x)| (i, Item::Vote(x)))?,
                    Kind::Action => {
                        remove(&mut self.actions, &id).map(|(i, x)| (i, Item::Action(x)))?
                    }
                    Kind::Prototype => {
                        remove(&mut self.prototypes, &id).map(|(i, x)| (i, Item::Prototype(x)))?
                    }
                    Kind::Attachment => {
                        remove(&mut self.attachments, &id).map(|(i, x)| (i, Item::Attachment(x)))?
                    }
                    Kind::Conflict => {
                        remove(&mut self.conflicts, &id).map(|(i, x)| (i, Item::Conflict(x)))?
                    }
                };
                Some((Op::Insert { at, item }, at))
            }
            Op::Replace(item) => {
                let (at, old) = self.replace_item(item)?;
                Some((Op::Replace(old), at))
            }
        }
    }

    /// Replace the item with the same id: where it was and what it was.
    fn replace_item(&mut self, item: Item) -> Option<(usize, Item)> {
        match item {
            Item::Participant(x) => {
                replace(&mut self.participants, x).map(|(i, x)| (i, Item::Participant(x)))
            }
            Item::Guest(x) => replace(&mut self.guests, x).map(|(i, x)| (i, Item::Guest(x))),
            Item::Stage(x) => replace(&mut self.agenda, x).map(|(i, x)| (i, Item::Stage(x))),
            Item::Note(x) => replace(&mut self.notes, x).map(|(i, x)| (i, Item::Note(x))),
            Item::Sticky(x) => {
                let at = self.sticky_position_mut(&x.id)?;
                let slot = self.stickies.get_mut(at)?;
                (*slot != x).then(|| (at, Item::Sticky(std::mem::replace(slot, x))))
            }
            Item::Cluster(x) => replace(&mut self.clusters, x).map(|(i, x)| (i, Item::Cluster(x))),
            Item::Round(x) => replace(&mut self.rounds, x).map(|(i, x)| (i, Item::Round(x))),
            Item::Vote(x) => replace(&mut self.votes, x).map(|(i, x)| (i, Item::Vote(x))),
            Item::Action(x) => replace(&mut self.actions, x).map(|(i, x)| (i, Item::Action(x))),
            Item::Prototype(x) => {
                replace(&mut self.prototypes, x).map(|(i, x)| (i, Item::Prototype(x)))
            }
            Item::Attachment(x) => {
                replace(&mut self.attachments, x).map(|(i, x)| (i, Item::Attachment(x)))
            }
            Item::Conflict(x) => {
                replace(&mut self.conflicts, x).map(|(i, x)| (i, Item::Conflict(x)))
            }
        }
    }

    /// Whether applying `op` would change anything (a replacement by an
    /// equal item, or of a missing one, would not).
    pub fn changes(&self, op: &Op) -> bool {
        fn differs<T: HasId + PartialEq>(list: &[T], item: &T) -> bool {
            list.iter()
                .find(|x| x.id() == item.id())
                .is_some_and(|x| x != item)
        }
        match op {
            Op::Replace(item) => match item {
                Item::Participant(x) => differs(&self.participants, x),
                Item::Guest(x) => differs(&self.guests, x),
                Item::Stage(x) => differs(&self.agenda, x),
                Item::Note(x) => differs(&self.notes, x),
                Item::Sticky(x) => self
                    .sticky_position(&x.id)
                    .is_some_and(|at| self.stickies[at] != *x),
                Item::Cluster(x) => differs(&self.clusters, x),
                Item::Round(x) => differs(&self.rounds, x),
                Item::Vote(x) => differs(&self.votes, x),
                Item::Action(x) => differs(&self.actions, x),
                Item::Prototype(x) => differs(&self.prototypes, x),
                Item::Attachment(x) => differs(&self.attachments, x),
                Item::Conflict(x) => differs(&self.conflicts, x),
            },
            _ => true,
        }
    }

    /// Apply ops in order; returns the ops that undo them all, in the order
    /// to apply them.
    pub fn apply_all(&mut self, ops: Vec<Op>) -> Vec<Op> {
        self.apply_logged(ops).1
    }

    /// As [`Session::apply_all`], also returning the ops that did apply
    /// (what a journal records).
    pub fn apply_logged(&mut self, ops: Vec<Op>) -> (Vec<Op>, Vec<Op>) {
        Traced::split(self.apply_traced(ops))
    }

    /// Apply ops in order, keeping for each one that applied the op, its
    /// inverse and where it happened ([`Session::apply_at`]).
    pub fn apply_traced(&mut self, ops: Vec<Op>) -> Vec<Traced> {
        let mut out = Vec::with_capacity(ops.len());
        for op in ops {
            if let Some((inverse, at)) = self.apply_at(op.clone()) {
                out.push(Traced { op, inverse, at });
            }
        }
        out
    }
}

//! The affinity board as operations: adding stickies, grouping them into
//! clusters, and dot voting. Each operation returns the [`Op`]s that make
//! it, so the app applies them as one undoable step.

use super::change::{Item, Kind, Op};
use super::{Cluster, Colour, Id, Session, Sticky, Target, Timestamp, Vote, VotingRound};
use std::collections::HashMap;

/// Where a sticky sits on the board.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Inbox,
    Parking,
    Cluster(Id),
}

impl Sticky {
    pub fn place(&self) -> Place {
        match (&self.cluster, self.parked) {
            (Some(c), _) => Place::Cluster(c.clone()),
            (None, true) => Place::Parking,
            (None, false) => Place::Inbox,
        }
    }

    fn at(&self, place: &Place) -> Sticky {
        let mut s = self.clone();
        match place {
            Place::Inbox => {
                s.cluster = None;
                s.parked = false;
            }
            Place::Parking => {
                s.cluster = None;
                s.parked = true;
            }
            Place::Cluster(id) => {
                s.cluster = Some(id.clone());
                s.parked = false;
            }
        }
        s
    }
}

/// Why a vote was refused, in words for the facilitator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteRefused {
    Budget { who: String, dots: u32 },
    Cap { who: String, cap: u32 },
    NoDot,
}

impl std::fmt::Display for VoteRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VoteRefused::Budget { who, dots } => write!(
                f,
                "{who} has used all {dots} dots of this round: remove one first (-)"
            ),
            VoteRefused::Cap { who, cap } => write!(
                f,
                "{who} already has {cap} dot{} here, the most one person may put on one item",
                if *cap == 1 { "" } else { "s" }
            ),
            VoteRefused::NoDot => write!(f, "no dot to remove here"),
        }
    }
}

/// One line of a vote's results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub rank: usize,
    /// True when another target has the same count.
    pub tie: bool,
    pub target: Target,
    pub count: u32,
}

impl Session {
    // One argument per field a new sticky is given.
    #[allow(clippy::too_many_arguments)]
    pub fn new_sticky(
        &self,
        text: &str,
        author: Option<Id>,
        colour: Colour,
        stage: Option<Id>,
        place: &Place,
        now: Timestamp,
        id: Id,
    ) -> Op {
        let sticky = Sticky {
            id,
            text: text.to_owned(),
            author,
            colour,
            stage,
            cluster: None,
            parked: false,
            time: now,
            tags: Vec::new(),
            private: false,
        }
        .at(place);
        Op::Insert {
            at: self.stickies.len(),
            item: Item::Sticky(sticky),
        }
    }

    /// Move stickies to a place (the ops in board order).
    pub fn move_stickies(&self, ids: &[Id], to: &Place) -> Vec<Op> {
        let mut at: Vec<usize> = ids
            .iter()
            .filter_map(|id| self.sticky_position(id))
            .collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter()
            .filter_map(|i| self.stickies.get(i))
            .filter(|s| &s.place() != to)
            .map(|s| Op::Replace(Item::Sticky(s.at(to))))
            .collect()
    }

    /// A new cluster holding `ids`, placed after cluster `after` (or last).
    pub fn new_cluster(
        &self,
        title: &str,
        stage: Option<Id>,
        ids: &[Id],
        after: Option<&Id>,
        id: Id,
    ) -> (Id, Vec<Op>) {
        let cluster = Cluster {
            id,
            title: title.to_owned(),
            stage,
        };
        let id = cluster.id.clone();
        let at = after
            .and_then(|a| self.clusters.iter().position(|c| &c.id == a))
            .map_or(self.clusters.len(), |i| i + 1);
        let mut ops = vec![Op::Insert {
            at,
            item: Item::Cluster(cluster),
        }];
        ops.extend(self.move_stickies(ids, &Place::Cluster(id.clone())));
        (id, ops)
    }

    pub fn rename_cluster(&self, id: &Id, title: &str) -> Vec<Op> {
        self.cluster(id)
            .map(|c| {
                let mut c = c.clone();
                c.title = title.to_owned();
                vec![Op::Replace(Item::Cluster(c))]
            })
            .unwrap_or_default()
    }

    /// Merge cluster `from` into `into`: its stickies and its votes move,
    /// and `from` goes.
    pub fn merge_clusters(&self, from: &Id, into: &Id) -> Vec<Op> {
        if from == into || self.cluster(from).is_none() || self.cluster(into).is_none() {
            return Vec::new();
        }
        let ids: Vec<Id> = self
            .stickies
            .iter()
            .filter(|s| s.cluster.as_ref() == Some(from))
            .map(|s| s.id.clone())
            .collect();
        let mut ops = self.move_stickies(&ids, &Place::Cluster(into.clone()));
        let into_target = Target::Cluster(into.clone());
        for v in self
            .votes
            .iter()
            .filter(|v| v.target == Target::Cluster(from.clone()))
        {
            // The same voter (or the paper tally) in the same round already on
            // `into`: add the dots there, so one record per voter and item stays.
            let same = self.votes.iter().find(|w| {
                w.target == into_target && w.round == v.round && w.participant == v.participant
            });
            match same {
                Some(w) => {
                    let mut w = w.clone();
                    w.count += v.count;
                    ops.push(Op::Replace(Item::Vote(w)));
                    ops.push(Op::Remove {
                        kind: Kind::Vote,
                        id: v.id.clone(),
                    });
                }
                None => {
                    let mut v = v.clone();
                    v.target = into_target.clone();
                    ops.push(Op::Replace(Item::Vote(v)));
                }
            }
        }
        ops.push(Op::Remove {
            kind: Kind::Cluster,
            id: from.clone(),
        });
        ops
    }

    /// Delete a cluster: its stickies go back to the inbox, its votes go.
    pub fn delete_cluster(&self, id: &Id) -> Vec<Op> {
        if self.cluster(id).is_none() {
            return Vec::new();
        }
        let ids: Vec<Id> = self
            .stickies
            .iter()
            .filter(|s| s.cluster.as_ref() == Some(id))
            .map(|s| s.id.clone())
            .collect();
        let mut ops = self.move_stickies(&ids, &Place::Inbox);
        ops.extend(self.votes_on(&Target::Cluster(id.clone())));
        ops.push(Op::Remove {
            kind: Kind::Cluster,
            id: id.clone(),
        });
        ops
    }

    fn votes_on(&self, target: &Target) -> Vec<Op> {
        self.votes
            .iter()
            .filter(|v| &v.target == target)
            .map(|v| Op::Remove {
                kind: Kind::Vote,
                id: v.id.clone(),
            })
            .collect()
    }

    /// Delete stickies and the votes on them.
    pub fn delete_stickies(&self, ids: &[Id]) -> Vec<Op> {
        let mut ops = Vec::new();
        for id in ids {
            if self.stickies.iter().any(|s| &s.id == id) {
                ops.extend(self.votes_on(&Target::Sticky(id.clone())));
                ops.push(Op::Remove {
                    kind: Kind::Sticky,
                    id: id.clone(),
                });
            }
        }
        ops
    }

    pub fn edit_sticky(&self, id: &Id, f: impl FnOnce(&mut Sticky)) -> Vec<Op> {
        self.stickies
            .iter()
            .find(|s| &s.id == id)
            .map(|s| {
                let mut s = s.clone();
                f(&mut s);
                vec![Op::Replace(Item::Sticky(s))]
            })
            .unwrap_or_default()
    }

    pub fn new_round(
        &self,
        title: &str,
        dots: u32,
        cap: Option<u32>,
        stage: Option<Id>,
        now: Timestamp,
        id: Id,
    ) -> (Id, Op) {
        let round = VotingRound {
            id,
            title: title.to_owned(),
            stage,
            dots,
            cap,
            opened: now,
            anonymous: false,
            on_stickies: false,
        };
        let id = round.id.clone();
        (
            id,
            Op::Insert {
                at: self.rounds.len(),
                item: Item::Round(round),
            },
        )
    }

    pub fn round(&self, id: &Id) -> Option<&VotingRound> {
        self.rounds.iter().find(|r| &r.id == id)
    }

    /// Dots a participant has spent in a round.
    pub fn dots_spent(&self, round: &Id, participant: &Id) -> u32 {
        self.votes
            .iter()
            .filter(|v| &v.round == round && v.participant.as_ref() == Some(participant))
            .map(|v| v.count)
            .sum()
    }

    /// Add (`delta` = 1) or remove (`delta` = -1) one dot of `participant`
    /// on `target`, within the round's budget and cap.
    pub fn vote(
        &self,
        round: &Id,
        participant: &Id,
        target: &Target,
        delta: i32,
        id: Id,
    ) -> Result<Vec<Op>, VoteRefused> {
        let Some(r) = self.round(round) else {
            return Ok(Vec::new());
        };
        let who = self
            .participant(participant)
            .map_or_else(|| "This participant".to_owned(), |p| p.name.clone());
        let existing = self.votes.iter().find(|v| {
            &v.round == round && v.participant.as_ref() == Some(participant) && &v.target == target
        });
        let here = existing.map_or(0, |v| v.count);
        if delta > 0 {
            if self.dots_spent(round, participant) >= r.dots {
                return Err(VoteRefused::Budget { who, dots: r.dots });
            }
            if let Some(cap) = r.cap
                && here >= cap
            {
                return Err(VoteRefused::Cap { who, cap });
            }
        } else if here == 0 {
            return Err(VoteRefused::NoDot);
        }
        let count = if delta > 0 { here + 1 } else { here - 1 };
        Ok(vec![match existing {
            Some(v) if count == 0 => Op::Remove {
                kind: Kind::Vote,
                id: v.id.clone(),
            },
            Some(v) => {
                let mut v = v.clone();
                v.count = count;
                Op::Replace(Item::Vote(v))
            }
            None => Op::Insert {
                at: self.votes.len(),
                item: Item::Vote(Vote {
                    id,
                    round: round.clone(),
                    participant: Some(participant.clone()),
                    target: target.clone(),
                    count,
                }),
            },
        }])
    }

    /// Set the tally of a paper dot vote for a target (replacing an earlier tally).
    pub fn paper_tally(&self, round: &Id, target: &Target, count: u32, id: Id) -> Vec<Op> {
        let existing = self
            .votes
            .iter()
            .find(|v| &v.round == round && v.participant.is_none() && &v.target == target);
        match (existing, count) {
            (Some(v), 0) => vec![Op::Remove {
                kind: Kind::Vote,
                id: v.id.clone(),
            }],
            (Some(v), n) => {
                let mut v = v.clone();
                v.count = n;
                vec![Op::Replace(Item::Vote(v))]
            }
            (None, 0) => Vec::new(),
            (None, n) => vec![Op::Insert {
                at: self.votes.len(),
                item: Item::Vote(Vote {
                    id,
                    round: round.clone(),
                    participant: None,
                    target: target.clone(),
                    count: n,
                }),
            }],
        }
    }

    /// Dots per target (in one round, or all rounds).
    pub fn tally(&self, round: Option<&Id>) -> HashMap<Target, u32> {
        let mut out = HashMap::new();
        for v in &self.votes {
            if round.is_none_or(|r| r == &v.round) {
                *out.entry(v.target.clone()).or_insert(0) += v.count;
            }
        }
        out
    }

    /// Results, most dots first; equal counts share a rank and are marked as ties.
    pub fn ranking(&self, round: Option<&Id>) -> Vec<Ranked> {
        let mut counts: Vec<(Target, u32)> = self
            .tally(round)
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .collect();
        // Stable order among equals: the order items appear on the board.
        let order = |t: &Target| match t {
            Target::Cluster(id) => (
                0,
                self.clusters
                    .iter()
                    .position(|c| &c.id == id)
                    .unwrap_or(usize::MAX),
            ),
            Target::Sticky(id) => (
                1,
                self.stickies
                    .iter()
                    .position(|s| &s.id == id)
                    .unwrap_or(usize::MAX),
            ),
        };
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| order(&a.0).cmp(&order(&b.0))));
        let mut out = Vec::with_capacity(counts.len());
        for (i, (target, count)) in counts.iter().enumerate() {
            let rank = match out.last() {
                Some(Ranked { count: c, rank, .. }) if c == count => *rank,
                _ => i + 1,
            };
            let tie = counts.iter().filter(|(_, c)| c == count).count() > 1;
            out.push(Ranked {
                rank,
                tie,
                target: target.clone(),
                count: *count,
            });
        }
        out
    }
}

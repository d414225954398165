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
            if self.sticky(id).is_some() {
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
        self.sticky(id)
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
    ///
    /// In time linear in the board and the targets voted for: each target's
    /// place on the board is found in one pass over the clusters and the
    /// stickies, not looked for again at every comparison of the sort.
    pub fn ranking(&self, round: Option<&Id>) -> Vec<Ranked> {
        self.ranking_at(round).into_iter().map(|(r, _)| r).collect()
    }

    /// [`Session::ranking`], each target with its place in `clusters` or
    /// `stickies` (the first with its id; `None` when it is on neither).
    pub fn ranking_at(&self, round: Option<&Id>) -> Vec<(Ranked, Option<usize>)> {
        let counts: Vec<(Target, u32)> = self
            .tally(round)
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .collect();
        // Stable order among equals: the order items appear on the board
        // (clusters first), then anything voted for that is not on it.
        let kind = |t: &Target| match t {
            Target::Cluster(_) => 0_u8,
            Target::Sticky(_) => 1,
        };
        let wanted: HashMap<(u8, &str), usize> = counts
            .iter()
            .enumerate()
            .map(|(j, (t, _))| ((kind(t), t.id().as_str()), j))
            .collect();
        let mut at = vec![usize::MAX; counts.len()];
        let on_board = (self.clusters.iter().map(|c| (0, &c.id)))
            .enumerate()
            .chain(self.stickies.iter().map(|x| (1, &x.id)).enumerate());
        for (i, (k, id)) in on_board {
            if let Some(&j) = wanted.get(&(k, id.as_str()))
                && let Some(first) = at.get_mut(j)
                && *first == usize::MAX
            {
                *first = i;
            }
        }
        drop(wanted);
        let mut keyed: Vec<((u8, usize), Target, u32)> = counts
            .into_iter()
            .zip(at)
            .map(|((target, count), at)| ((kind(&target), at), target, count))
            .collect();
        keyed.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        let mut out: Vec<(Ranked, Option<usize>)> = Vec::with_capacity(keyed.len());
        for (i, ((_, at), target, count)) in keyed.iter().enumerate() {
            let rank = match out.last() {
                Some((Ranked { count: c, rank, .. }, _)) if c == count => *rank,
                _ => i + 1,
            };
            // Sorted by count: the equal counts are neighbours.
            let tie = (i > 0 && keyed[i - 1].2 == *count)
                || keyed.get(i + 1).is_some_and(|next| next.2 == *count);
            let ranked = Ranked {
                rank,
                tie,
                target: target.clone(),
                count: *count,
            };
            out.push((ranked, (*at != usize::MAX).then_some(*at)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The ranking by its definition, in quadratic time: each target's
    /// place on the board looked for at every comparison, its rank and tie
    /// counted over all the others.
    fn ranking_by_scans(s: &Session, round: Option<&Id>) -> Vec<Ranked> {
        let mut counts: Vec<(Target, u32)> =
            s.tally(round).into_iter().filter(|(_, n)| *n > 0).collect();
        let order = |t: &Target| match t {
            Target::Cluster(id) => (
                0,
                s.clusters
                    .iter()
                    .position(|c| &c.id == id)
                    .unwrap_or(usize::MAX),
            ),
            Target::Sticky(id) => (
                1,
                s.stickies
                    .iter()
                    .position(|x| &x.id == id)
                    .unwrap_or(usize::MAX),
            ),
        };
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| order(&a.0).cmp(&order(&b.0))));
        // A rank is one more than the targets with more dots.
        counts
            .iter()
            .map(|(target, count)| Ranked {
                rank: 1 + counts.iter().filter(|(_, c)| c > count).count(),
                tie: counts.iter().filter(|(_, c)| c == count).count() > 1,
                target: target.clone(),
                count: *count,
            })
            .collect()
    }

    proptest! {
        /// Votes on clusters, stickies and one sticky no longer on the
        /// board, in two rounds: the same ranking as the scans give.
        #[test]
        fn the_ranking_is_the_one_the_scans_give(
            votes in proptest::collection::vec((0_usize..17, 1_u32..4, any::<bool>()), 0..40),
        ) {
            let mut s = Session::new(Id::from("s"), "t");
            let at = Timestamp::from_unix(0).unwrap();
            for c in 0..4 {
                s.clusters.push(Cluster {
                    id: Id::from(format!("c-{c}").as_str()),
                    title: String::new(),
                    stage: None,
                });
            }
            for x in 0..12 {
                s.stickies.push(Sticky {
                    id: Id::from(format!("s-{x}").as_str()),
                    text: String::new(),
                    author: None,
                    colour: Colour::default(),
                    stage: None,
                    cluster: None,
                    parked: false,
                    time: at,
                    tags: Vec::new(),
                    private: false,
                });
            }
            for (i, (on, count, first)) in votes.into_iter().enumerate() {
                let target = match on {
                    0..4 => Target::Cluster(Id::from(format!("c-{on}").as_str())),
                    4..16 => Target::Sticky(Id::from(format!("s-{}", on - 4).as_str())),
                    _ => Target::Sticky(Id::from("s-gone")),
                };
                s.votes.push(Vote {
                    id: Id::from(format!("v-{i}").as_str()),
                    round: Id::from(if first { "r-1" } else { "r-2" }),
                    participant: None,
                    target,
                    count,
                });
            }
            for round in [None, Some(Id::from("r-1")), Some(Id::from("r-2"))] {
                prop_assert_eq!(
                    s.ranking(round.as_ref()),
                    ranking_by_scans(&s, round.as_ref())
                );
            }
        }
    }
}

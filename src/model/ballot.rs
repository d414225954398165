//! Ballots: all the dots one voter places in a round at once, as sent
//! from a phone. A ballot is checked against its round (budget, cap per
//! item, items that exist) and turned into the ordinary vote [`Op`]s, so
//! the app applies it as one undoable step. A second ballot from the same
//! voter replaces the first.
//!
//! Who a ballot's dots belong to ([`Voter`]):
//! - a participant: the ballot sets that participant's dots in the round,
//!   whatever they were (the file says what they had: a ballot replaces
//!   the dots the facilitator typed for them too);
//! - nobody in particular (an anonymous round, or a guest): the dots are
//!   added to the round's tallies (`participant: None`, the records a paper
//!   dot vote is typed into), and a replacement takes the previous ballot
//!   of that phone off first. The file keeps no trace of who sent them,
//!   so the previous ballot is the caller's to remember.

use super::change::{Item, Kind, Op};
use super::{Id, Ids, Session, Target, Vote};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The most items a phone's ballot lists: more is not sensibly voted on
/// from a phone (and the page stays small). The facilitator is told when
/// a ballot is cut to them.
pub const BALLOT_MAX_ITEMS: usize = 60;

/// A round as the facilitator asks for it in one line: dots per person,
/// then an optional cap per item, then `a` for anonymous ballots from
/// phones and `s` for a ballot on the stickies even when there are
/// clusters, in either order (`"3"`, `"3 2"`, `"3 2 a"`, `"3 s"`,
/// `"3 2 as"`). Empty: 3 dots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundSpec {
    pub dots: u32,
    pub cap: Option<u32>,
    pub anonymous: bool,
    pub on_stickies: bool,
}

impl RoundSpec {
    /// `None` when the line is not such a round (no number where one is
    /// expected, zero dots, a third number).
    pub fn parse(text: &str) -> Option<RoundSpec> {
        let mut rest = text.trim();
        let (mut anonymous, mut on_stickies) = (false, false);
        while let Some(c) = rest.chars().next_back() {
            match c {
                'a' | 'A' => anonymous = true,
                's' | 'S' => on_stickies = true,
                _ => break,
            }
            rest = rest[..rest.len() - 1].trim_end();
        }
        let nums: Vec<Option<u32>> = rest.split_whitespace().map(|w| w.parse().ok()).collect();
        let (dots, cap) = match nums.as_slice() {
            [] => (3, None),
            [Some(d)] if *d > 0 => (*d, None),
            [Some(d), Some(c)] if *d > 0 && *c > 0 => (*d, Some(*c)),
            _ => return None,
        };
        Some(RoundSpec {
            dots,
            cap,
            anonymous,
            on_stickies,
        })
    }
}

/// What the app remembers of the ballots sent from phones, so that a
/// second ballot from the same phone still replaces the first after a
/// restart (the file keeps no trace of who sent a tally's dots). Kept in
/// the crash journal beside the session, never in the session file nor
/// in an export; a phone is known by a hash of its ballot id only, and no
/// name typed on a phone is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotMemory {
    /// Per round, its voters' last ballots in the order they first voted.
    pub rounds: Vec<(Id, Vec<RememberedBallot>)>,
}

/// One voter's last ballot in a round, as remembered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RememberedBallot {
    /// `participant:<id>`, or `device:<hash of the phone's ballot id>`.
    pub key: String,
    /// A guest ("someone else") rather than an anonymous phone.
    #[serde(default)]
    pub guest: bool,
    pub dots: Vec<(Target, u32)>,
}

/// The dots of one ballot, per item; items with no dot are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ballot {
    dots: BTreeMap<Target, u32>,
}

impl Ballot {
    /// A ballot from `(item, dots)` pairs; dots given twice to the same
    /// item add up, zeros are dropped.
    pub fn new(dots: impl IntoIterator<Item = (Target, u32)>) -> Ballot {
        let mut map: BTreeMap<Target, u32> = BTreeMap::new();
        for (target, n) in dots {
            if n > 0 {
                let slot = map.entry(target).or_insert(0);
                *slot = slot.saturating_add(n);
            }
        }
        Ballot { dots: map }
    }

    /// Dots on `target`.
    pub fn on(&self, target: &Target) -> u32 {
        self.dots.get(target).copied().unwrap_or(0)
    }

    /// Every item with at least one dot, in a stable order.
    pub fn iter(&self) -> impl Iterator<Item = (&Target, u32)> {
        self.dots.iter().map(|(t, n)| (t, *n))
    }

    fn targets(&self) -> impl Iterator<Item = &Target> {
        self.dots.keys()
    }

    /// All the dots placed.
    pub fn total(&self) -> u32 {
        self.dots.values().fold(0, |a, n| a.saturating_add(*n))
    }

    pub fn is_empty(&self) -> bool {
        self.dots.is_empty()
    }

    /// Check the ballot against a round's rules: at least one dot, no more
    /// than `dots` in all, no more than `cap` on one item, and only items
    /// `known` says exist.
    pub fn check(
        &self,
        dots: u32,
        cap: Option<u32>,
        known: impl Fn(&Target) -> bool,
    ) -> Result<(), BallotRefused> {
        if let Some((t, _)) = self.dots.iter().find(|(t, _)| !known(t)) {
            return Err(BallotRefused::UnknownItem(t.clone()));
        }
        if self.is_empty() {
            return Err(BallotRefused::Empty);
        }
        let total = self.total();
        if total > dots {
            return Err(BallotRefused::Budget { given: total, dots });
        }
        if let Some(cap) = cap
            && let Some((t, n)) = self.dots.iter().find(|(_, n)| **n > cap)
        {
            return Err(BallotRefused::Cap {
                target: t.clone(),
                given: *n,
                cap,
            });
        }
        Ok(())
    }
}

/// Whose dots a ballot places.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Voter {
    /// A participant of the session.
    Participant(Id),
    /// An anonymous voter or a guest: the dots go to the round's tallies.
    Tally,
}

/// Why a ballot is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BallotRefused {
    /// No dot at all.
    Empty,
    /// More dots than the round gives each voter.
    Budget { given: u32, dots: u32 },
    /// More dots on one item than the round allows.
    Cap {
        target: Target,
        given: u32,
        cap: u32,
    },
    /// An item that is not in the session (any more).
    UnknownItem(Target),
    /// The round is not in the session (any more).
    UnknownRound,
    /// The participant is not in the session (any more).
    UnknownVoter,
}

impl std::fmt::Display for BallotRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BallotRefused::Empty => write!(f, "no dot placed"),
            BallotRefused::Budget { given, dots } => {
                write!(f, "{given} dots placed, {dots} at most")
            }
            BallotRefused::Cap { given, cap, .. } => {
                write!(f, "{given} dots on one item, {cap} at most")
            }
            BallotRefused::UnknownItem(t) => write!(f, "no item {}", t.id().as_str()),
            BallotRefused::UnknownRound => write!(f, "the round is gone"),
            BallotRefused::UnknownVoter => write!(f, "the participant is gone"),
        }
    }
}

/// What a phone ballot offers to vote on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BallotOn {
    /// Every cluster, in board order.
    #[default]
    Clusters,
    /// Every sticky that is neither private nor parked, in session order.
    Stickies,
}

/// One item of a ballot: what it is and the text shown for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotItem {
    pub target: Target,
    pub text: String,
}

impl Session {
    /// The items a ballot on `on` shows, in order, with their texts as
    /// written (to be escaped where they are shown). Private and parked
    /// stickies are never on it. Lazy: an item is copied only when taken
    /// (a ballot takes the first [`BALLOT_MAX_ITEMS`]).
    pub fn ballot_items(&self, on: BallotOn) -> impl Iterator<Item = BallotItem> + '_ {
        self.ballot_sources(on)
            .map(|(cluster, id, text)| BallotItem {
                target: if cluster {
                    Target::Cluster(id.clone())
                } else {
                    Target::Sticky(id.clone())
                },
                text: text.to_owned(),
            })
    }

    /// How many items a ballot on `on` would show were there no limit.
    pub fn ballot_count(&self, on: BallotOn) -> usize {
        self.ballot_sources(on).count()
    }

    /// The items of a ballot on `on`, borrowed: (a cluster?, id, text).
    fn ballot_sources(&self, on: BallotOn) -> impl Iterator<Item = (bool, &Id, &str)> {
        let (clusters, stickies) = match on {
            BallotOn::Clusters => (&self.clusters[..], &[][..]),
            BallotOn::Stickies => (&[][..], &self.stickies[..]),
        };
        let clusters = clusters.iter().map(|c| (true, &c.id, c.title.as_str()));
        let stickies = stickies
            .iter()
            .filter(|s| !s.private && !s.parked)
            .map(|s| (false, &s.id, s.text.as_str()));
        clusters.chain(stickies)
    }

    /// What round `round`'s ballot is on: the stickies when it was opened
    /// on them or when there is no cluster, else the clusters.
    pub fn round_on(&self, round: &Id) -> BallotOn {
        let on_stickies = self.round(round).is_some_and(|r| r.on_stickies);
        if on_stickies || self.clusters.is_empty() {
            BallotOn::Stickies
        } else {
            BallotOn::Clusters
        }
    }

    /// Whether `target` is in the session.
    pub fn has_target(&self, target: &Target) -> bool {
        match target {
            Target::Cluster(id) => self.cluster(id).is_some(),
            Target::Sticky(id) => self.sticky(id).is_some(),
        }
    }

    /// The ops that mark round `round` as taking anonymous ballots (or not).
    pub fn set_round_anonymous(&self, round: &Id, anonymous: bool) -> Vec<Op> {
        self.round(round)
            .filter(|r| r.anonymous != anonymous)
            .map(|r| {
                let mut r = r.clone();
                r.anonymous = anonymous;
                vec![Op::Replace(Item::Round(r))]
            })
            .unwrap_or_default()
    }

    /// The ops that record `ballot` in round `round` for `voter`, to apply
    /// as one undoable step. `previous` is the ballot this voter sent before
    /// in this round, if any: for [`Voter::Tally`] it is taken off the
    /// tallies first (never below zero); for a participant it is not needed
    /// (their dots in the file are replaced) and ignored.
    ///
    /// The ballot is checked first ([`Ballot::check`] with the round's
    /// rules; items must be in the session); nothing is changed when it is
    /// refused. A ballot equal to what is recorded gives no ops.
    pub fn ballot_ops(
        &self,
        round: &Id,
        voter: &Voter,
        previous: Option<&Ballot>,
        ballot: &Ballot,
        ids: &mut Ids,
    ) -> Result<Vec<Op>, BallotRefused> {
        let r = self.round(round).ok_or(BallotRefused::UnknownRound)?;
        ballot.check(r.dots, r.cap, |t| self.has_target(t))?;
        match voter {
            Voter::Participant(p) => {
                if self.participant(p).is_none() {
                    return Err(BallotRefused::UnknownVoter);
                }
                Ok(self.set_counts(round, Some(p), ballot.targets(), ids, |_, t| ballot.on(t)))
            }
            Voter::Tally => {
                let empty = Ballot::default();
                let previous = previous.unwrap_or(&empty);
                let extra = ballot.targets().chain(previous.targets());
                Ok(self.set_counts(round, None, extra, ids, |had, t| {
                    had.saturating_sub(previous.on(t))
                        .saturating_add(ballot.on(t))
                }))
            }
        }
    }

    /// Set the counts of `who`'s records in `round` (`None`: the tallies)
    /// to `count(had, target)`, for every target they have a record on and
    /// every target of `extra`.
    fn set_counts<'a>(
        &'a self,
        round: &Id,
        who: Option<&Id>,
        extra: impl IntoIterator<Item = &'a Target>,
        ids: &mut Ids,
        count: impl Fn(u32, &Target) -> u32,
    ) -> Vec<Op> {
        let mine = |v: &&Vote| &v.round == round && v.participant.as_ref() == who;
        // The first record per target is the one kept up to date (as
        // `paper_tally` and `vote` do).
        let mut records: BTreeMap<&Target, &Vote> = BTreeMap::new();
        for v in self.votes.iter().filter(mine) {
            records.entry(&v.target).or_insert(v);
        }
        let mut all: BTreeSet<&Target> = records.keys().copied().collect();
        all.extend(extra);
        let mut ops = Vec::new();
        let mut inserted = 0;
        for target in all {
            let record = records.get(target);
            let had = record.map_or(0, |v| v.count);
            let want = count(had, target);
            match record {
                Some(v) if want == 0 => ops.push(Op::Remove {
                    kind: Kind::Vote,
                    id: v.id.clone(),
                }),
                Some(v) if v.count != want => {
                    let mut v = (*v).clone();
                    v.count = want;
                    ops.push(Op::Replace(Item::Vote(v)));
                }
                Some(_) => {}
                None if want == 0 => {}
                None => {
                    ops.push(Op::Insert {
                        at: self.votes.len() + inserted,
                        item: Item::Vote(Vote {
                            id: ids.next_id(),
                            round: round.clone(),
                            participant: who.cloned(),
                            target: target.clone(),
                            count: want,
                        }),
                    });
                    inserted += 1;
                }
            }
        }
        ops
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cluster, Colour, Participant, Place, Role, Timestamp, VotingRound};

    /// An id source that gives ids no other call of this test run gave.
    fn fresh() -> Ids {
        use std::sync::atomic::{AtomicU64, Ordering};
        static SEEDS: AtomicU64 = AtomicU64::new(1);
        Ids::seeded(u128::from(SEEDS.fetch_add(1, Ordering::Relaxed)) << 64)
    }

    fn now() -> Timestamp {
        Timestamp::parse("2026-03-05T09:00:00Z").unwrap()
    }

    /// Two participants, three clusters, a private sticky, a round of 3
    /// dots with at most 2 per item.
    fn session() -> (Session, Id) {
        let mut s = Session::new(Id::from("s"), "Ballots");
        for name in ["Ana", "Bo"] {
            s.participants.push(Participant {
                id: Id(name.to_lowercase()),
                name: name.into(),
                role: Role::Citizen,
                organisation: String::new(),
            });
        }
        for c in ["c1", "c2", "c3"] {
            s.clusters.push(Cluster {
                id: Id(c.into()),
                title: format!("Cluster {c}"),
                stage: None,
            });
        }
        let op = s.new_sticky(
            "open",
            None,
            Colour::Yellow,
            None,
            &Place::Inbox,
            now(),
            Id::from(format!("k{}", s.stickies.len()).as_str()),
        );
        s.apply(op);
        let op = s.new_sticky(
            "secret",
            None,
            Colour::Pink,
            None,
            &Place::Inbox,
            now(),
            Id::from(format!("k{}", s.stickies.len()).as_str()),
        );
        s.apply(op);
        s.stickies[1].private = true;
        let (round, op) = s.new_round("Which first?", 3, Some(2), None, now(), Id::from("r"));
        s.apply(op);
        (s, round)
    }

    fn c(id: &str) -> Target {
        Target::Cluster(Id(id.into()))
    }

    fn counts(s: &Session, who: Option<&str>) -> Vec<(String, u32)> {
        s.votes
            .iter()
            .filter(|v| v.participant.as_ref().map(|p| p.as_str()) == who)
            .map(|v| (v.target.id().0.clone(), v.count))
            .collect()
    }

    #[test]
    fn a_ballot_is_checked_against_its_round() {
        let (s, round) = session();
        let r = s.round(&round).unwrap();
        let known = |t: &Target| s.has_target(t);
        let ok = Ballot::new([(c("c1"), 2), (c("c2"), 1)]);
        assert_eq!(ok.check(r.dots, r.cap, known), Ok(()));
        assert_eq!(ok.total(), 3);
        assert_eq!(
            Ballot::new([(c("c1"), 1), (c("c2"), 1), (c("c3"), 2)]).check(r.dots, r.cap, known),
            Err(BallotRefused::Budget { given: 4, dots: 3 })
        );
        assert_eq!(
            Ballot::new([(c("c1"), 3)]).check(r.dots, r.cap, known),
            Err(BallotRefused::Cap {
                target: c("c1"),
                given: 3,
                cap: 2
            })
        );
        assert_eq!(
            Ballot::new([(c("gone"), 1)]).check(r.dots, r.cap, known),
            Err(BallotRefused::UnknownItem(c("gone")))
        );
        assert_eq!(
            Ballot::new([(c("c1"), 0)]).check(r.dots, r.cap, known),
            Err(BallotRefused::Empty)
        );
        // Dots given twice to one item add up before the cap is checked.
        assert_eq!(
            Ballot::new([(c("c1"), 2), (c("c1"), 1)]).check(r.dots, r.cap, known),
            Err(BallotRefused::Cap {
                target: c("c1"),
                given: 3,
                cap: 2
            })
        );
    }

    #[test]
    fn a_participants_second_ballot_replaces_the_first_as_one_undoable_step() {
        let (mut s, round) = session();
        let ana = Voter::Participant(Id("ana".into()));
        let first = Ballot::new([(c("c1"), 2), (c("c2"), 1)]);
        let ops = s
            .ballot_ops(&round, &ana, None, &first, &mut fresh())
            .unwrap();
        s.apply_all(ops);
        assert_eq!(
            counts(&s, Some("ana")),
            [("c1".into(), 2), ("c2".into(), 1)]
        );
        let before = s.clone();
        let second = Ballot::new([(c("c2"), 2), (c("c3"), 1)]);
        let ops = s
            .ballot_ops(&round, &ana, Some(&first), &second, &mut fresh())
            .unwrap();
        let undo = s.apply_all(ops);
        assert_eq!(
            counts(&s, Some("ana")),
            [("c2".into(), 2), ("c3".into(), 1)]
        );
        assert_eq!(s.dots_spent(&round, &Id("ana".into())), 3);
        // The same ballot again changes nothing.
        assert_eq!(
            s.ballot_ops(&round, &ana, None, &second, &mut fresh()),
            Ok(Vec::new())
        );
        s.apply_all(undo);
        assert_eq!(s, before);
        assert!(crate::model::validate(&s).is_empty());
    }

    #[test]
    fn anonymous_ballots_add_to_the_tallies_and_replace_their_own_dots_only() {
        let (mut s, round) = session();
        // A paper tally typed by the facilitator, and Bo's own dots.
        let op = s.paper_tally(&round, &c("c1"), 5, Id::from("t"));
        s.apply_all(op);
        let bo = Voter::Participant(Id("bo".into()));
        let ops = s
            .ballot_ops(
                &round,
                &bo,
                None,
                &Ballot::new([(c("c1"), 1)]),
                &mut fresh(),
            )
            .unwrap();
        s.apply_all(ops);
        let phone_a = Ballot::new([(c("c1"), 2), (c("c2"), 1)]);
        let ops = s
            .ballot_ops(&round, &Voter::Tally, None, &phone_a, &mut fresh())
            .unwrap();
        s.apply_all(ops);
        assert_eq!(counts(&s, None), [("c1".into(), 7), ("c2".into(), 1)]);
        // Phone A changes its mind: its dots move, the paper tally stays.
        let phone_a2 = Ballot::new([(c("c3"), 1)]);
        let ops = s
            .ballot_ops(
                &round,
                &Voter::Tally,
                Some(&phone_a),
                &phone_a2,
                &mut fresh(),
            )
            .unwrap();
        let undo = s.apply_all(ops);
        assert_eq!(counts(&s, None), [("c1".into(), 5), ("c3".into(), 1)]);
        assert_eq!(counts(&s, Some("bo")), [("c1".into(), 1)]);
        let tally = s.tally(Some(&round));
        assert_eq!(tally.get(&c("c1")), Some(&6));
        s.apply_all(undo);
        assert_eq!(counts(&s, None), [("c1".into(), 7), ("c2".into(), 1)]);
        // A previous ballot bigger than what is left never goes below zero.
        let huge = Ballot::new([(c("c2"), 3)]);
        let ops = s
            .ballot_ops(
                &round,
                &Voter::Tally,
                Some(&huge),
                &Ballot::new([(c("c1"), 1)]),
                &mut fresh(),
            )
            .unwrap();
        s.apply_all(ops);
        assert_eq!(counts(&s, None), [("c1".into(), 8)]);
        assert!(crate::model::validate(&s).is_empty());
    }

    #[test]
    fn refused_ballots_change_nothing() {
        let (s, round) = session();
        let ana = Voter::Participant(Id("ana".into()));
        let over = Ballot::new([(c("c1"), 2), (c("c2"), 2)]);
        assert_eq!(
            s.ballot_ops(&round, &ana, None, &over, &mut fresh()),
            Err(BallotRefused::Budget { given: 4, dots: 3 })
        );
        let one = Ballot::new([(c("c1"), 1)]);
        assert_eq!(
            s.ballot_ops(&Id("nope".into()), &ana, None, &one, &mut fresh()),
            Err(BallotRefused::UnknownRound)
        );
        assert_eq!(
            s.ballot_ops(
                &round,
                &Voter::Participant(Id("zed".into())),
                None,
                &one,
                &mut fresh()
            ),
            Err(BallotRefused::UnknownVoter)
        );
        let sticky = Target::Sticky(s.stickies[0].id.clone());
        assert!(
            s.ballot_ops(
                &round,
                &ana,
                None,
                &Ballot::new([(sticky, 1)]),
                &mut fresh()
            )
            .is_ok()
        );
    }

    #[test]
    fn ballot_items_are_clusters_or_the_stickies_that_are_not_private() {
        let (s, _) = session();
        let clusters: Vec<String> = s.ballot_items(BallotOn::Clusters).map(|i| i.text).collect();
        assert_eq!(clusters, ["Cluster c1", "Cluster c2", "Cluster c3"]);
        assert_eq!(s.ballot_count(BallotOn::Clusters), 3);
        let stickies: Vec<BallotItem> = s.ballot_items(BallotOn::Stickies).collect();
        assert_eq!(stickies.len(), 1);
        assert_eq!(s.ballot_count(BallotOn::Stickies), 1);
        assert_eq!(stickies[0].text, "open");
        assert_eq!(stickies[0].target, Target::Sticky(s.stickies[0].id.clone()));
    }

    #[test]
    fn the_anonymous_flag_is_optional_in_files_and_set_by_an_op() {
        let (mut s, round) = session();
        let text = ron::to_string(s.round(&round).unwrap()).unwrap();
        assert!(!text.contains("anonymous"), "{text}");
        let old = text.replace(",anonymous:false", "");
        let back: VotingRound = ron::from_str(&old).unwrap();
        assert!(!back.anonymous);
        let ops = s.set_round_anonymous(&round, true);
        assert_eq!(ops.len(), 1);
        s.apply_all(ops);
        assert!(s.round(&round).unwrap().anonymous);
        assert!(s.set_round_anonymous(&round, true).is_empty());
        let text = ron::to_string(s.round(&round).unwrap()).unwrap();
        assert!(text.contains("anonymous:true"), "{text}");
    }

    #[test]
    fn a_round_line_gives_dots_cap_and_the_a_and_s_flags_in_either_order() {
        let spec = |dots, cap, anonymous, on_stickies| {
            Some(RoundSpec {
                dots,
                cap,
                anonymous,
                on_stickies,
            })
        };
        assert_eq!(RoundSpec::parse(""), spec(3, None, false, false));
        assert_eq!(RoundSpec::parse("3"), spec(3, None, false, false));
        assert_eq!(RoundSpec::parse(" 5 2 "), spec(5, Some(2), false, false));
        assert_eq!(RoundSpec::parse("3 2 a"), spec(3, Some(2), true, false));
        assert_eq!(RoundSpec::parse("3a"), spec(3, None, true, false));
        assert_eq!(RoundSpec::parse("3 s"), spec(3, None, false, true));
        assert_eq!(RoundSpec::parse("3 2 a s"), spec(3, Some(2), true, true));
        assert_eq!(RoundSpec::parse("4 SA"), spec(4, None, true, true));
        for bad in ["0", "3 0", "x", "3 2 1", "a 3", "3 b"] {
            assert_eq!(RoundSpec::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_round_is_on_stickies_when_asked_or_when_there_is_no_cluster() {
        let (mut s, round) = session();
        assert_eq!(s.round_on(&round), BallotOn::Clusters);
        s.rounds[0].on_stickies = true;
        assert_eq!(s.round_on(&round), BallotOn::Stickies);
        s.rounds[0].on_stickies = false;
        s.clusters.clear();
        assert_eq!(s.round_on(&round), BallotOn::Stickies);
        // A parked sticky is not on the ballot either.
        s.stickies[0].parked = true;
        assert_eq!(s.ballot_items(BallotOn::Stickies).next(), None);
        assert_eq!(s.ballot_count(BallotOn::Stickies), 0);
    }
}

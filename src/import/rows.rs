//! Rows of a text or CSV file into a session: stickies, their authors
//! (participants), clusters and paper tallies.

use super::plan::Plan;
use super::{NoStage, Options, ROUND, ROUND_DOTS, Row, norm, resolve_stage};
use crate::merge::same_name;
use crate::model::{Id, Item, Op, Participant, Place, Role, Session, Target, Timestamp};
use crate::t;
use std::collections::{HashMap, HashSet};

/// What an import of rows did (or would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub added: usize,
    /// Rows already in the session (or twice in the file).
    pub skipped: usize,
    pub new_participants: Vec<String>,
    pub new_clusters: Vec<String>,
    /// Stickies whose paper tally was set or changed.
    pub tallies: usize,
    pub round_created: bool,
}

impl Outcome {
    pub fn changed(&self) -> bool {
        self.added > 0 || self.tallies > 0
    }

    /// What was done, in `lang`, one line each.
    pub fn summary(&self, session: &str, lang: &str) -> String {
        let mut out = t!(lang, "import-rows-added", n = self.added, session = session);
        if self.skipped > 0 {
            out.push_str(&t!(lang, "import-rows-skipped", n = self.skipped));
        }
        out.push('\n');
        if !self.new_participants.is_empty() {
            out.push_str(&t!(
                lang,
                "import-new-participants",
                names = self.new_participants.join(", ")
            ));
            out.push('\n');
        }
        if !self.new_clusters.is_empty() {
            out.push_str(&t!(
                lang,
                "import-new-clusters",
                names = self.new_clusters.join(", ")
            ));
            out.push('\n');
        }
        if self.tallies > 0 {
            let key = if self.round_created {
                t!(
                    lang,
                    "import-tallies-new-round",
                    n = self.tallies,
                    round = ROUND
                )
            } else {
                t!(lang, "import-tallies", n = self.tallies, round = ROUND)
            };
            out.push_str(&key);
            out.push('\n');
        }
        out
    }
}

/// The ops importing `rows` into `s` (see the module's rules), and what
/// they do. An error when `--stage` names no stage.
pub fn plan(
    s: &Session,
    rows: &[Row],
    opts: &Options,
    now: Timestamp,
) -> Result<(Vec<Op>, Outcome), NoStage> {
    let stage = resolve_stage(s, opts)?;
    let mut p = Planner::new(s, stage, now);
    for row in rows {
        let author = p.author(row.author.as_deref().or(opts.author.as_deref()));
        let cluster = p.cluster(row.cluster.as_deref().or(opts.cluster.as_deref()));
        let Some(sticky) = p.sticky(row, author, cluster) else {
            continue;
        };
        if let Some(n) = row.votes.filter(|n| *n > 0) {
            p.tally(sticky, n);
        }
    }
    p.out.new_clusters = p.plan.new_clusters;
    Ok((p.plan.ops, p.out))
}

/// A sticky's identity for an import: its folded text, author and cluster.
type Key = (String, Option<Id>, Option<Id>);

fn key(text: &str, author: &Option<Id>, cluster: &Option<Id>) -> Key {
    (norm(text), author.clone(), cluster.clone())
}

/// The ops of an import so far, applied to a copy of the session.
struct Planner {
    plan: Plan,
    out: Outcome,
    now: Timestamp,
    /// Participants by folded name.
    people: HashMap<String, Id>,
    /// Stickies by key.
    known: HashMap<Key, Id>,
    /// The round of paper tallies, once there.
    round: Option<Id>,
    /// The rows of this file met so far.
    seen_rows: HashSet<Key>,
}

impl Planner {
    fn new(s: &Session, stage: Option<Id>, now: Timestamp) -> Planner {
        Planner {
            plan: Plan::new(s, stage),
            out: Outcome::default(),
            now,
            people: s
                .participants
                .iter()
                .rev()
                .map(|p| (same_name(&p.name), p.id.clone()))
                .collect(),
            known: s
                .stickies
                .iter()
                .rev()
                .map(|x| (key(&x.text, &x.author, &x.cluster), x.id.clone()))
                .collect(),
            round: s
                .rounds
                .iter()
                .find(|r| same_name(&r.title) == same_name(ROUND))
                .map(|r| r.id.clone()),
            seen_rows: HashSet::new(),
        }
    }

    /// The participant of that name, added when missing; none for no name.
    fn author(&mut self, name: Option<&str>) -> Option<Id> {
        let name = name.filter(|n| !n.trim().is_empty())?;
        let k = same_name(name);
        if let Some(id) = self.people.get(&k) {
            return Some(id.clone());
        }
        let p = Participant {
            id: Id::new(),
            name: norm(name),
            role: Role::Other,
            organisation: String::new(),
        };
        let id = p.id.clone();
        self.out.new_participants.push(p.name.clone());
        self.plan.push(Op::Insert {
            at: usize::MAX,
            item: Item::Participant(p),
        });
        self.people.insert(k, id.clone());
        Some(id)
    }

    /// The cluster of that title, added when missing; none for no title.
    fn cluster(&mut self, title: Option<&str>) -> Option<Id> {
        let title = title.filter(|t| !t.trim().is_empty())?;
        Some(self.plan.cluster(title))
    }

    /// The row's sticky: found in the session, else added. None for a row
    /// met before in this file (the first one counts).
    fn sticky(&mut self, row: &Row, author: Option<Id>, cluster: Option<Id>) -> Option<Id> {
        let k = key(&row.text, &author, &cluster);
        if let Some(id) = self.known.get(&k) {
            let id = id.clone();
            self.out.skipped += 1;
            // Twice in this file: the first row counts.
            return self.seen_rows.insert(k).then_some(id);
        }
        let op = self.plan.work.new_sticky(
            &row.text,
            author,
            row.colour.unwrap_or_default(),
            self.plan.stage.clone(),
            &match &cluster {
                Some(c) => Place::Cluster(c.clone()),
                None => Place::Inbox,
            },
            self.now,
            Id::new(),
        );
        let Op::Insert {
            item: Item::Sticky(x),
            ..
        } = &op
        else {
            return None;
        };
        let id = x.id.clone();
        self.plan.push(op);
        self.out.added += 1;
        self.known.insert(k.clone(), id.clone());
        self.seen_rows.insert(k);
        Some(id)
    }

    /// A paper tally of `n` for `sticky`, in the round of tallies (made
    /// when missing).
    fn tally(&mut self, sticky: Id, n: u32) {
        let target = Target::Sticky(sticky);
        let rid = match &self.round {
            Some(r) => r.clone(),
            None => {
                let (rid, op) = self.plan.work.new_round(
                    ROUND,
                    ROUND_DOTS,
                    None,
                    self.plan.stage.clone(),
                    self.now,
                    Id::new(),
                );
                self.plan.push(op);
                self.out.round_created = true;
                self.round = Some(rid.clone());
                rid
            }
        };
        let tally = self.plan.work.paper_tally(&rid, &target, n, Id::new());
        let tally: Vec<Op> = tally
            .into_iter()
            .filter(|op| self.plan.work.changes(op))
            .collect();
        if !tally.is_empty() {
            self.out.tallies += 1;
            for op in tally {
                self.plan.push(op);
            }
        }
    }
}

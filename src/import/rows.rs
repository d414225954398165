//! Rows of a text or CSV file into a session: stickies, their authors
//! (participants), clusters and paper tallies.

use super::{Options, ROUND, ROUND_DOTS, Row, norm, resolve_stage};
use crate::merge::same_name;
use crate::model::{Cluster, Id, Item, Op, Participant, Place, Role, Session, Target, Timestamp};
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
) -> Result<(Vec<Op>, Outcome), String> {
    let stage = resolve_stage(s, opts)?;
    let mut work = s.clone();
    let mut ops = Vec::new();
    let mut out = Outcome::default();
    let push = |work: &mut Session, ops: &mut Vec<Op>, op: Op| {
        work.apply(op.clone());
        ops.push(op);
    };
    let mut people: HashMap<String, Id> = s
        .participants
        .iter()
        .rev()
        .map(|p| (same_name(&p.name), p.id.clone()))
        .collect();
    let mut groups: HashMap<String, Id> = s
        .clusters
        .iter()
        .rev()
        .map(|c| (same_name(&c.title), c.id.clone()))
        .collect();
    let key = |text: &str, author: &Option<Id>, cluster: &Option<Id>| {
        (norm(text), author.clone(), cluster.clone())
    };
    let mut known: HashMap<(String, Option<Id>, Option<Id>), Id> = s
        .stickies
        .iter()
        .rev()
        .map(|x| (key(&x.text, &x.author, &x.cluster), x.id.clone()))
        .collect();
    let mut round: Option<Id> = s
        .rounds
        .iter()
        .find(|r| same_name(&r.title) == same_name(ROUND))
        .map(|r| r.id.clone());
    let mut seen_rows: HashSet<(String, Option<Id>, Option<Id>)> = HashSet::new();

    for row in rows {
        let author = match row.author.as_deref().or(opts.author.as_deref()) {
            Some(name) if !name.trim().is_empty() => {
                let k = same_name(name);
                Some(match people.get(&k) {
                    Some(id) => id.clone(),
                    None => {
                        let p = Participant {
                            id: Id::new(),
                            name: norm(name),
                            role: Role::Other,
                            organisation: String::new(),
                        };
                        let id = p.id.clone();
                        out.new_participants.push(p.name.clone());
                        push(
                            &mut work,
                            &mut ops,
                            Op::Insert {
                                at: usize::MAX,
                                item: Item::Participant(p),
                            },
                        );
                        people.insert(k, id.clone());
                        id
                    }
                })
            }
            _ => None,
        };
        let cluster = match row.cluster.as_deref().or(opts.cluster.as_deref()) {
            Some(title) if !title.trim().is_empty() => {
                let k = same_name(title);
                Some(match groups.get(&k) {
                    Some(id) => id.clone(),
                    None => {
                        let c = Cluster {
                            id: Id::new(),
                            title: norm(title),
                            stage: stage.clone(),
                        };
                        let id = c.id.clone();
                        out.new_clusters.push(c.title.clone());
                        push(
                            &mut work,
                            &mut ops,
                            Op::Insert {
                                at: usize::MAX,
                                item: Item::Cluster(c),
                            },
                        );
                        groups.insert(k, id.clone());
                        id
                    }
                })
            }
            _ => None,
        };
        let k = key(&row.text, &author, &cluster);
        let sticky = match known.get(&k) {
            Some(id) => {
                out.skipped += 1;
                if !seen_rows.insert(k.clone()) {
                    // Twice in this file: the first row counts.
                    continue;
                }
                id.clone()
            }
            None => {
                let op = work.new_sticky(
                    &row.text,
                    author,
                    row.colour.unwrap_or_default(),
                    stage.clone(),
                    &match &cluster {
                        Some(c) => Place::Cluster(c.clone()),
                        None => Place::Inbox,
                    },
                    now,
                    Id::new(),
                );
                let Op::Insert {
                    item: Item::Sticky(x),
                    ..
                } = &op
                else {
                    continue;
                };
                let id = x.id.clone();
                push(&mut work, &mut ops, op);
                out.added += 1;
                known.insert(k.clone(), id.clone());
                seen_rows.insert(k);
                id
            }
        };
        if let Some(n) = row.votes.filter(|n| *n > 0) {
            let target = Target::Sticky(sticky);
            let rid = match &round {
                Some(r) => r.clone(),
                None => {
                    let (rid, op) =
                        work.new_round(ROUND, ROUND_DOTS, None, stage.clone(), now, Id::new());
                    push(&mut work, &mut ops, op);
                    out.round_created = true;
                    round = Some(rid.clone());
                    rid
                }
            };
            let tally = work.paper_tally(&rid, &target, n, Id::new());
            let tally: Vec<Op> = tally.into_iter().filter(|op| work.changes(op)).collect();
            if !tally.is_empty() {
                out.tallies += 1;
                for op in tally {
                    push(&mut work, &mut ops, op);
                }
            }
        }
    }
    Ok((ops, out))
}

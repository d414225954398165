//! Merging sessions: three copies of one workshop (a common base and two
//! versions made from it, as git sees them), or two sessions that started
//! apart.
//!
//! Rules of the three-way merge ([`merge`]), for every section (participants,
//! stages and their steps, notes, stickies, clusters, rounds, votes, actions,
//! comments, prototypes, attachments) item by item, by id:
//!
//! - added on one side, or on both: kept. Order: the order of ours, with
//!   theirs' additions placed after the item that precedes them in theirs
//!   (so additions at the end come after ours' additions, in theirs' order).
//!   When only theirs reordered the items both kept, theirs' order is taken
//!   and ours' additions are placed the same way.
//! - changed on one side only: that change is taken.
//! - changed differently on both sides (or added with the same id and
//!   different content): ours stays in place, theirs is recorded in a
//!   [`Conflict`] with `ConflictValue::Item`. A stage is merged field by
//!   field from its steps: its own fields (title, kind, method, times)
//!   conflict as one, each step conflicts on its own.
//! - deleted on one side and changed on the other: the changed version is
//!   kept, and a conflict with `ConflictValue::Deleted` lets the facilitator
//!   still delete it.
//! - deleted on one side, unchanged on the other: deleted.
//!
//! The session's fields (title, challenge, origin, date, start time, place, language,
//! run) follow the same rules, a conflict naming the field
//! (`ConflictAbout::Field("title")`) with the other text. Facilitators are
//! merged as a list (additions of both kept, removals of either taken), so
//! they never conflict. Conflicts already recorded are kept unless either
//! side settled them.
//!
//! Votes: one voter's dots on one target in one round are one record. When
//! the merge brings together several records for the same (round, voter,
//! target) that came from different sides, they become one record (the
//! smallest id stays): a participant's dots are added up (each copy
//! recorded different dots); a paper tally (no voter) takes the largest
//! count (two copies typing in the same sheet are copies of one count).
//!
//! Finally, the merged session is repaired so that it always validates
//! ([`repair`]): whatever pointed at an item the other side deleted is
//! cleared (a sticky in a deleted cluster goes to the inbox, a vote on a
//! deleted sticky goes, the run resets if its step is gone), and every
//! repair is listed in the [`Report`].

mod cli;
mod repair;
mod union;

pub use cli::{Args, run};
pub use repair::repair;
pub use union::{same_name, union};

use crate::model::{
    ActionItem, Attachment, Cluster, Comment, Conflict, ConflictAbout, ConflictValue, Guest, Id,
    Item, Note, Participant, Prototype, Session, Stage, Step, Sticky, Target, Vote, VotingRound,
    time::iso_date,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// How many items of a section each side added, changed and deleted
/// (relative to the base); index 0 is ours, 1 theirs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: [usize; 2],
    pub changed: [usize; 2],
    pub deleted: [usize; 2],
}

/// What a merge did, for the facilitator.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Per section (`"sticky"`, `"vote"`, ..., `"detail"` for the session's
    /// fields), what each side brought.
    pub counts: BTreeMap<&'static str, Counts>,
    /// How the two sides were matched (for a union), one line each.
    pub notes: Vec<String>,
    /// The conflicts this merge recorded, one line each.
    pub conflicts: Vec<String>,
    /// What was changed so that the merged session holds together.
    pub repairs: Vec<String>,
}

impl Report {
    /// True when no conflict was recorded.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The report in words, one line each: what came from each side, the
    /// conflicts, the repairs.
    pub fn summary(&self, ours: &str, theirs: &str) -> String {
        let mut out = String::new();
        for n in &self.notes {
            out.push_str(&format!("{n}\n"));
        }
        for (side, name) in [(0, ours), (1, theirs)] {
            let mut parts = Vec::new();
            for (what, pick) in [
                ("added", (|c: &Counts| c.added) as fn(&Counts) -> [usize; 2]),
                ("changed", |c: &Counts| c.changed),
                ("deleted", |c: &Counts| c.deleted),
            ] {
                let items: Vec<String> = self
                    .counts
                    .iter()
                    .filter(|(_, c)| pick(c)[side] > 0)
                    .map(|(sec, c)| count(pick(c)[side], sec))
                    .collect();
                if !items.is_empty() {
                    parts.push(format!("{what} {}", items.join(", ")));
                }
            }
            if parts.is_empty() {
                out.push_str(&format!("{name}: no change\n"));
            } else {
                out.push_str(&format!("{name}: {}\n", parts.join("; ")));
            }
        }
        if !self.conflicts.is_empty() {
            out.push_str(&format!(
                "{} recorded in the session (ours in place, the other version kept for a decision):\n",
                count(self.conflicts.len(), "conflict")
            ));
            for c in &self.conflicts {
                out.push_str(&format!("  - {c}\n"));
            }
        }
        if !self.repairs.is_empty() {
            out.push_str("repaired so that the session holds together:\n");
            for r in &self.repairs {
                out.push_str(&format!("  - {r}\n"));
            }
        }
        out
    }

    fn count(&mut self, sec: &'static str) -> &mut Counts {
        self.counts.entry(sec).or_default()
    }
}

/// "3 stickies", "1 vote".
pub(crate) fn count(n: usize, what: &str) -> String {
    let plural = match what {
        _ if n == 1 => what.to_owned(),
        "sticky" => "stickies".to_owned(),
        "detail" => "details".to_owned(),
        w if w.ends_with('y') => format!("{}ies", &w[..w.len() - 1]),
        w => format!("{w}s"),
    };
    format!("{n} {plural}")
}

/// A merged session and what the merge did.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub session: Session,
    pub report: Report,
}

/// Three-way merge of `ours` and `theirs`, both made from `base` (see the
/// module's documentation for the rules). Total: the result always
/// validates, whatever the inputs.
pub fn merge(base: &Session, ours: &Session, theirs: &Session) -> Merged {
    let mut cx = Cx::new(ours, theirs);
    let mut s = ours.clone();
    s.title = cx.field("title", &base.title, &ours.title, &theirs.title, |x| {
        x.clone()
    });
    s.challenge.statement = cx.field(
        "challenge",
        &base.challenge.statement,
        &ours.challenge.statement,
        &theirs.challenge.statement,
        |x| x.clone(),
    );
    s.challenge.origin = cx.field(
        "origin",
        &base.challenge.origin,
        &ours.challenge.origin,
        &theirs.challenge.origin,
        |x| format!("{x:?}"),
    );
    s.date = cx.field("date", &base.date, &ours.date, &theirs.date, |x| {
        x.map(iso_date::format).unwrap_or_default()
    });
    s.place = cx.field("place", &base.place, &ours.place, &theirs.place, |x| {
        x.clone()
    });
    s.start = cx.field("start", &base.start, &ours.start, &theirs.start, |x| {
        x.map(|t| t.to_string()).unwrap_or_default()
    });
    s.language = cx.field(
        "language",
        &base.language,
        &ours.language,
        &theirs.language,
        |x| x.clone().unwrap_or_default(),
    );
    s.run = cx.field("run", &base.run, &ours.run, &theirs.run, |x| {
        ron::to_string(x).unwrap_or_default()
    });
    s.facilitators = merge_names(&base.facilitators, &ours.facilitators, &theirs.facilitators);

    s.participants = cx.items(
        "participant",
        &base.participants,
        &ours.participants,
        &theirs.participants,
        Participant::key,
        |x| Item::Participant(x.clone()).into(),
        &mut keep_ours,
    );
    s.guests = cx.simple(
        "guest",
        &base.guests,
        &ours.guests,
        &theirs.guests,
        Item::Guest,
    );
    s.agenda = cx.items(
        "stage",
        &base.agenda,
        &ours.agenda,
        &theirs.agenda,
        Stage::key,
        |x| Item::Stage(x.clone()).into(),
        &mut merge_stage,
    );
    s.notes = cx.simple("note", &base.notes, &ours.notes, &theirs.notes, Item::Note);
    s.stickies = cx.simple(
        "sticky",
        &base.stickies,
        &ours.stickies,
        &theirs.stickies,
        Item::Sticky,
    );
    s.clusters = cx.simple(
        "cluster",
        &base.clusters,
        &ours.clusters,
        &theirs.clusters,
        Item::Cluster,
    );
    s.rounds = cx.simple(
        "round",
        &base.rounds,
        &ours.rounds,
        &theirs.rounds,
        Item::Round,
    );
    s.votes = cx.simple("vote", &base.votes, &ours.votes, &theirs.votes, Item::Vote);
    s.actions = cx.simple(
        "action",
        &base.actions,
        &ours.actions,
        &theirs.actions,
        Item::Action,
    );
    s.comments = cx.items(
        "comment",
        &base.comments,
        &ours.comments,
        &theirs.comments,
        Comment::key,
        |x| ConflictValue::Text(x.text.clone()),
        &mut keep_ours,
    );
    s.prototypes = cx.simple(
        "prototype",
        &base.prototypes,
        &ours.prototypes,
        &theirs.prototypes,
        Item::Prototype,
    );
    s.attachments = cx.simple(
        "attachment",
        &base.attachments,
        &ours.attachments,
        &theirs.attachments,
        Item::Attachment,
    );
    s.conflicts = merge_conflicts(&base.conflicts, &ours.conflicts, &theirs.conflicts);
    cx.finish(s, ours, theirs)
}

/// Facilitators (names): ours, without those theirs removed, then those
/// theirs added.
fn merge_names(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = ours
        .iter()
        .filter(|x| !base.contains(x) || theirs.contains(x))
        .cloned()
        .collect();
    for x in theirs {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    let mut seen = HashSet::new();
    out.retain(|x| seen.insert(x.clone()));
    out
}

/// Recorded conflicts: those of both sides, except the ones either side
/// settled (present in the base, gone from one side).
fn merge_conflicts(base: &[Conflict], ours: &[Conflict], theirs: &[Conflict]) -> Vec<Conflict> {
    let in_base: HashSet<&Id> = base.iter().map(|c| &c.id).collect();
    let in_ours: HashSet<&Id> = ours.iter().map(|c| &c.id).collect();
    let in_theirs: HashSet<&Id> = theirs.iter().map(|c| &c.id).collect();
    let mut out: Vec<Conflict> = ours
        .iter()
        .filter(|c| !in_base.contains(&c.id) || in_theirs.contains(&c.id))
        .cloned()
        .collect();
    out.extend(
        theirs
            .iter()
            .filter(|c| !in_base.contains(&c.id) && !in_ours.contains(&c.id))
            .cloned(),
    );
    out
}

impl From<Item> for ConflictValue {
    fn from(item: Item) -> Self {
        ConflictValue::Item(Box::new(item))
    }
}

/// Ids and short labels of the items of each section.
trait Keyed {
    fn key(&self) -> &Id;
    fn label(&self) -> String;
}

/// At most 40 characters of a text, on one line.
pub(crate) fn short(text: &str) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one.chars().take(40).collect();
    if one.chars().count() > 40 {
        out.push('…');
    }
    format!("{out:?}")
}

macro_rules! keyed {
    ($($t:ty => |$x:ident| $label:expr),* $(,)?) => {
        $(impl Keyed for $t {
            fn key(&self) -> &Id { &self.id }
            fn label(&self) -> String { let $x = self; $label }
        })*
    };
}

keyed!(
    Participant => |x| format!("participant {}", short(&x.name)),
    Guest => |x| format!("guest {}", short(&x.name)),
    Stage => |x| format!("stage {}", short(&x.title)),
    Step => |x| format!("step {}", short(&x.title)),
    Note => |x| format!("note {}", short(&x.text)),
    Sticky => |x| format!("sticky {}", short(&x.text)),
    Cluster => |x| format!("cluster {}", short(&x.title)),
    VotingRound => |x| format!("voting round {}", short(&x.title)),
    Vote => |x| format!("vote {} ({} dot{})", x.id, x.count, if x.count == 1 { "" } else { "s" }),
    ActionItem => |x| format!("action {}", short(&x.text)),
    Comment => |x| format!("comment {}", short(&x.text)),
    Prototype => |x| format!("prototype {}", short(&x.name)),
    Attachment => |x| format!("attachment {}", short(if x.caption.is_empty() { &x.path } else { &x.caption })),
);

/// Merges an item both sides changed: the result, and whether theirs must
/// be recorded as a whole (false when the merge recorded its own conflicts).
type Both<T> = dyn FnMut(&mut Cx, Option<&T>, &T, &T) -> (T, bool);

/// Changed differently on both sides: ours in place, theirs in a conflict.
fn keep_ours<T: Clone>(_: &mut Cx, _: Option<&T>, o: &T, _: &T) -> (T, bool) {
    (o.clone(), true)
}

/// A stage changed on both sides: its own fields as one value, its steps
/// item by item.
fn merge_stage(cx: &mut Cx, b: Option<&Stage>, o: &Stage, t: &Stage) -> (Stage, bool) {
    let own = |s: &Stage| Stage {
        steps: Vec::new(),
        ..s.clone()
    };
    let (bo, oo, to) = (b.map(own), own(o), own(t));
    let base_steps = b.map_or(&[][..], |b| &b.steps[..]);
    let mut fields_conflict = false;
    let mut merged = match &bo {
        _ if oo == to => oo.clone(),
        Some(bo) if *bo == oo => to.clone(),
        Some(bo) if *bo == to => oo.clone(),
        _ => {
            fields_conflict = true;
            oo.clone()
        }
    };
    let head = merged.clone();
    let step_other = |x: &Step| -> ConflictValue {
        Item::Stage(Stage {
            steps: vec![x.clone()],
            ..head.clone()
        })
        .into()
    };
    merged.steps = cx.items(
        "step",
        base_steps,
        &o.steps,
        &t.steps,
        Step::key,
        step_other,
        &mut keep_ours,
    );
    if fields_conflict {
        let other = Stage {
            steps: merged.steps.clone(),
            ..to
        };
        let kept = Stage {
            steps: merged.steps.clone(),
            ..oo
        };
        cx.conflict(
            ConflictAbout::Item(o.id.clone()),
            &format!("{kept:?}"),
            Item::Stage(other).into(),
            format!("{}: both changed it", o.label()),
            "both sides changed it; ours is in place, theirs is recorded".into(),
        );
    }
    (merged, false)
}

/// The state of one merge: conflicts found so far and the report.
pub(crate) struct Cx {
    report: Report,
    conflicts: Vec<Conflict>,
    taken: HashSet<Id>,
}

impl Cx {
    fn new(ours: &Session, theirs: &Session) -> Cx {
        let mut taken: HashSet<Id> = ours.all_ids().into_iter().cloned().collect();
        taken.extend(theirs.all_ids().into_iter().cloned());
        Cx {
            report: Report::default(),
            conflicts: Vec::new(),
            taken,
        }
    }

    /// Record a conflict. Its id comes from what it is about and the two
    /// versions (in either order), so the same merge gives the same file.
    fn conflict(
        &mut self,
        about: ConflictAbout,
        kept: &str,
        other: ConflictValue,
        line: String,
        note: String,
    ) {
        let mut a = fnv(kept.as_bytes());
        let mut b = fnv(format!("{other:?}").as_bytes());
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        let seed = fnv(format!("{about:?}/{a:x}/{b:x}").as_bytes());
        let mut n = 0u64;
        let id = loop {
            let id = conflict_id(seed, n);
            if self.taken.insert(id.clone()) {
                break id;
            }
            n += 1;
        };
        self.report.conflicts.push(line);
        self.conflicts.push(Conflict {
            id,
            about,
            other,
            note,
        });
    }

    /// A session field: taken from the side that changed it; ours (and a
    /// conflict) when both changed it differently.
    fn field<T: Clone + PartialEq>(
        &mut self,
        name: &'static str,
        b: &T,
        o: &T,
        t: &T,
        text: impl Fn(&T) -> String,
    ) -> T {
        if o == t {
            if o != b {
                let c = self.report.count("detail");
                c.changed[0] += 1;
                c.changed[1] += 1;
            }
            return o.clone();
        }
        if o == b {
            self.report.count("detail").changed[1] += 1;
            return t.clone();
        }
        if t == b {
            self.report.count("detail").changed[0] += 1;
            return o.clone();
        }
        let c = self.report.count("detail");
        c.changed[0] += 1;
        c.changed[1] += 1;
        let (ot, tt) = (text(o), text(t));
        self.conflict(
            ConflictAbout::Field(name.to_owned()),
            &ot,
            ConflictValue::Text(tt.clone()),
            format!("{name}: ours {} / theirs {}", short(&ot), short(&tt)),
            "both sides changed it; ours is in place, theirs is recorded".into(),
        );
        o.clone()
    }

    fn simple<T: Keyed + Clone + PartialEq + std::fmt::Debug + 'static>(
        &mut self,
        sec: &'static str,
        base: &[T],
        ours: &[T],
        theirs: &[T],
        wrap: fn(T) -> Item,
    ) -> Vec<T> {
        self.items(
            sec,
            base,
            ours,
            theirs,
            T::key,
            |x| wrap(x.clone()).into(),
            &mut keep_ours,
        )
    }

    /// Merge one section by id (see the module's rules); `both` merges an
    /// item both sides changed (recording any conflict it finds inside),
    /// `other` is how theirs is recorded when they conflict as a whole.
    #[allow(clippy::too_many_arguments)]
    fn items<T: Keyed + Clone + PartialEq + std::fmt::Debug>(
        &mut self,
        sec: &'static str,
        base: &[T],
        ours: &[T],
        theirs: &[T],
        key: fn(&T) -> &Id,
        other: impl Fn(&T) -> ConflictValue,
        both: &mut Both<T>,
    ) -> Vec<T> {
        let index = |list: &[T]| -> HashMap<Id, usize> {
            let mut m = HashMap::with_capacity(list.len());
            for (i, x) in list.iter().enumerate() {
                m.entry(key(x).clone()).or_insert(i);
            }
            m
        };
        let (bi, oi, ti) = (index(base), index(ours), index(theirs));
        let mut out: HashMap<Id, T> = HashMap::new();
        let ids = ours.iter().chain(theirs).chain(base).map(key);
        let mut done: HashSet<&Id> = HashSet::new();
        for id in ids {
            if !done.insert(id) {
                continue;
            }
            let b = bi.get(id).map(|&i| &base[i]);
            let o = oi.get(id).map(|&i| &ours[i]);
            let t = ti.get(id).map(|&i| &theirs[i]);
            let kept = match (b, o, t) {
                (_, Some(o), Some(t)) if o == t => {
                    if b.is_some_and(|b| b != o) {
                        let c = self.report.count(sec);
                        c.changed[0] += 1;
                        c.changed[1] += 1;
                    }
                    Some(o.clone())
                }
                (Some(b), Some(o), Some(t)) if b == o => {
                    self.report.count(sec).changed[1] += 1;
                    Some(t.clone())
                }
                (Some(b), Some(o), Some(t)) if b == t => {
                    self.report.count(sec).changed[0] += 1;
                    Some(o.clone())
                }
                (b, Some(o), Some(t)) => {
                    let (merged, whole) = both(self, b, o, t);
                    let c = self.report.count(sec);
                    c.changed[0] += 1;
                    c.changed[1] += 1;
                    if whole {
                        self.conflict(
                            ConflictAbout::Item(id.clone()),
                            &format!("{o:?}"),
                            other(t),
                            format!(
                                "{}: {}",
                                o.label(),
                                if b.is_some() {
                                    "both changed it"
                                } else {
                                    "added on both sides, differently"
                                }
                            ),
                            "both sides changed it; ours is in place, theirs is recorded".into(),
                        );
                    }
                    Some(merged)
                }
                (Some(b), Some(o), None) => {
                    self.report.count(sec).deleted[1] += 1;
                    if b == o {
                        None
                    } else {
                        self.conflict(
                            ConflictAbout::Item(id.clone()),
                            &format!("{o:?}"),
                            ConflictValue::Deleted,
                            format!("{}: ours changed it, theirs deleted it (kept)", o.label()),
                            "ours changed it, theirs deleted it: the change is kept".into(),
                        );
                        Some(o.clone())
                    }
                }
                (Some(b), None, Some(t)) => {
                    self.report.count(sec).deleted[0] += 1;
                    if b == t {
                        None
                    } else {
                        self.conflict(
                            ConflictAbout::Item(id.clone()),
                            &format!("{t:?}"),
                            ConflictValue::Deleted,
                            format!("{}: theirs changed it, ours deleted it (kept)", t.label()),
                            "theirs changed it, ours deleted it: the change is kept".into(),
                        );
                        Some(t.clone())
                    }
                }
                (None, Some(o), None) => {
                    self.report.count(sec).added[0] += 1;
                    Some(o.clone())
                }
                (None, None, Some(t)) => {
                    self.report.count(sec).added[1] += 1;
                    Some(t.clone())
                }
                (Some(_), None, None) => {
                    let c = self.report.count(sec);
                    c.deleted[0] += 1;
                    c.deleted[1] += 1;
                    None
                }
                (None, None, None) => None,
            };
            if let Some(x) = kept {
                out.insert(id.clone(), x);
            }
        }
        let ids = |list: &[T]| list.iter().map(|x| key(x).clone()).collect::<Vec<Id>>();
        let order = merge_order(&ids(base), &ids(ours), &ids(theirs), &|id| {
            out.contains_key(id)
        });
        order.into_iter().filter_map(|id| out.remove(&id)).collect()
    }

    fn finish(mut self, mut s: Session, ours: &Session, theirs: &Session) -> Merged {
        // New conflicts, except those the session already records.
        for c in std::mem::take(&mut self.conflicts) {
            let known = s
                .conflicts
                .iter()
                .any(|k| k.about == c.about && k.other == c.other);
            if !known {
                s.conflicts.push(c);
            }
        }
        let ours_votes: HashSet<&Id> = ours.votes.iter().map(|v| &v.id).collect();
        let theirs_votes: HashSet<&Id> = theirs.votes.iter().map(|v| &v.id).collect();
        fold_votes(&mut s, &ours_votes, &theirs_votes, &mut self.report);
        repair(&mut s, &mut self.report.repairs);
        Merged {
            session: s,
            report: self.report,
        }
    }
}

/// Several records of one voter's dots on one target in one round, from
/// different sides, become one (see the module's rules).
fn fold_votes(s: &mut Session, ours: &HashSet<&Id>, theirs: &HashSet<&Id>, report: &mut Report) {
    type Key = (Id, Option<Id>, Target);
    let mut groups: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, v) in s.votes.iter().enumerate() {
        groups
            .entry((v.round.clone(), v.participant.clone(), v.target.clone()))
            .or_default()
            .push(i);
    }
    let mut drop: HashSet<usize> = HashSet::new();
    let mut set: Vec<(usize, u32)> = Vec::new();
    for (key, members) in groups {
        if members.len() < 2 {
            continue;
        }
        let all_ours = members.iter().all(|&i| ours.contains(&s.votes[i].id));
        let all_theirs = members.iter().all(|&i| theirs.contains(&s.votes[i].id));
        if all_ours || all_theirs {
            continue;
        }
        let Some(&keep) = members
            .iter()
            .min_by(|&&a, &&b| s.votes[a].id.cmp(&s.votes[b].id))
        else {
            continue;
        };
        let counts = members.iter().map(|&i| s.votes[i].count);
        let total = if key.1.is_some() {
            counts.fold(0u32, u32::saturating_add)
        } else {
            counts.max().unwrap_or(0)
        };
        let who = key.1.as_ref().map_or_else(
            || "the paper tally".to_owned(),
            |p| format!("participant {}", short(s.participant_name(Some(p)))),
        );
        report.repairs.push(format!(
            "{} records of {who}'s dots on one item in one round made one ({} dot{}, {})",
            members.len(),
            total,
            if total == 1 { "" } else { "s" },
            if key.1.is_some() {
                "added up"
            } else {
                "the largest count"
            }
        ));
        set.push((keep, total));
        drop.extend(members.into_iter().filter(|&i| i != keep));
    }
    for (i, n) in set {
        s.votes[i].count = n;
    }
    let mut i = 0;
    s.votes.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

/// The order of a merged list: ours' (or theirs', when only theirs
/// reordered what both kept), with the other side's items placed after
/// the item preceding them there, after the additions of the side whose
/// order is kept.
pub(crate) fn merge_order(
    base: &[Id],
    ours: &[Id],
    theirs: &[Id],
    kept: &dyn Fn(&Id) -> bool,
) -> Vec<Id> {
    let set = |l: &[Id]| l.iter().cloned().collect::<HashSet<Id>>();
    let (bs, os, ts) = (set(base), set(ours), set(theirs));
    let common = |l: &[Id]| -> Vec<Id> {
        l.iter()
            .filter(|x| bs.contains(*x) && os.contains(*x) && ts.contains(*x))
            .cloned()
            .collect()
    };
    let (bc, oc, tc) = (common(base), common(ours), common(theirs));
    let (skeleton, other, other_set) = if oc == bc && tc != bc {
        (theirs, ours, &os)
    } else {
        (ours, theirs, &ts)
    };
    let pos: HashMap<&Id, usize> = skeleton.iter().enumerate().map(|(i, x)| (x, i)).collect();
    let added_here = |x: &Id| !bs.contains(x) && !other_set.contains(x);
    // Slot k: before skeleton[k] (k == len: at the end).
    let mut slots: Vec<Vec<Id>> = vec![Vec::new(); skeleton.len() + 1];
    let mut placed: HashMap<Id, usize> = HashMap::new();
    let mut anchor: Option<&Id> = None;
    for x in other {
        if !kept(x) {
            continue;
        }
        if !pos.contains_key(x) && !placed.contains_key(x) {
            let slot = match anchor {
                Some(a) if placed.contains_key(a) => placed[a],
                _ => {
                    let mut k = anchor.and_then(|a| pos.get(a)).map_or(0, |i| i + 1);
                    while k < skeleton.len() && added_here(&skeleton[k]) {
                        k += 1;
                    }
                    k
                }
            };
            slots[slot].push(x.clone());
            placed.insert(x.clone(), slot);
        }
        anchor = Some(x);
    }
    let mut out = Vec::with_capacity(skeleton.len() + placed.len());
    for (k, slot) in slots.into_iter().enumerate() {
        out.extend(slot);
        if let Some(x) = skeleton.get(k)
            && kept(x)
        {
            out.push(x.clone());
        }
    }
    let mut seen = HashSet::new();
    out.retain(|x| seen.insert(x.clone()));
    out
}

/// FNV-1a, 64 bits: a stable hash (the same on every machine and build).
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// An id shaped as a UUID (version 8: made, not drawn) from a seed.
pub(crate) fn conflict_id(seed: u64, n: u64) -> Id {
    let a = fnv(&[seed.to_le_bytes(), n.to_le_bytes()].concat());
    let b = fnv(&[n.to_le_bytes(), seed.to_le_bytes(), [7; 8]].concat());
    Id(format!(
        "{:08x}-{:04x}-8{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    ))
}

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
mod cx;
mod order;
mod repair;
mod say;
mod union;

pub use cli::{Args, run};
pub use repair::repair;
pub use say::{Arg, Line};
pub use union::{same_name, union};

use crate::model::{
    Comment, Conflict, ConflictValue, Id, Item, Participant, Session, Stage, time::iso_date,
};
use cx::{Cx, Keyed, keep_ours, merge_stage};
use order::{fold_votes, merge_order};
use std::collections::{BTreeMap, HashSet};

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
    pub notes: Vec<Line>,
    /// The conflicts this merge recorded, one line each.
    pub conflicts: Vec<Line>,
    /// What was changed so that the merged session holds together.
    pub repairs: Vec<Line>,
}

impl Report {
    /// True when no conflict was recorded.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    fn count(&mut self, sec: &'static str) -> &mut Counts {
        self.counts.entry(sec).or_default()
    }
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
    merge_fields(&mut cx, &mut s, base, ours, theirs);
    s.facilitators = merge_names(&base.facilitators, &ours.facilitators, &theirs.facilitators);
    merge_people_and_agenda(&mut cx, &mut s, base, ours, theirs);
    merge_work(&mut cx, &mut s, base, ours, theirs);
    s.conflicts = merge_conflicts(&base.conflicts, &ours.conflicts, &theirs.conflicts);
    cx.finish(s, ours, theirs)
}

/// The session's own fields, into `s`.
fn merge_fields(cx: &mut Cx, s: &mut Session, base: &Session, ours: &Session, theirs: &Session) {
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
}

/// The participants, guests and agenda, into `s`.
fn merge_people_and_agenda(
    cx: &mut Cx,
    s: &mut Session,
    base: &Session,
    ours: &Session,
    theirs: &Session,
) {
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
}

/// What the workshop made: notes, the board, votes, actions, comments,
/// prototypes and attachments, into `s`.
fn merge_work(cx: &mut Cx, s: &mut Session, base: &Session, ours: &Session, theirs: &Session) {
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

/// At most 40 characters of a text, on one line.
pub(crate) fn short(text: &str) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one.chars().take(40).collect();
    if one.chars().count() > 40 {
        out.push('…');
    }
    format!("{out:?}")
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

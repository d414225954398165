//! Making a merged session hold together: unique ids, no reference to an
//! item that is gone.

use super::{Arg, Line, conflict_id, fnv};
use crate::model::{ConflictAbout, ConflictValue, Id, Item, Run, Session, Target};
use std::collections::HashSet;

/// Repair `s` so that it validates, saying what was done in `repairs`:
/// - an id used twice: a step seen twice (moved to another stage by one
///   side and edited in its old stage by the other) is kept once, where it
///   is first; any other later item gets a new id;
/// - a reference to an item that is not there is cleared: authors, stages,
///   clusters (the sticky goes to the inbox), attachments (to the session);
///   votes whose round, voter or target is gone are dropped;
/// - a run pointing at a stage or step that is gone is reset;
/// - conflicts about a deletion of an item that is gone anyway, or whose
///   two versions are now the same, are dropped.
pub fn repair(s: &mut Session, repairs: &mut Vec<Line>) {
    unique_ids(s, repairs);
    let known = Known::of(s);
    clear_references(s, &known, repairs);
    fit_conflicts(s, repairs);
    drop_dangling_votes(s, &known, repairs);
    let every: HashSet<Id> = s.all_ids().into_iter().cloned().collect();
    detach_attachments(s, &every, repairs);
    if !s.run_fits(&s.run) {
        s.run = Default::default();
        repairs.push(Line::new("merge-repair-run-reset", Vec::new()));
    }
    drop_settled_conflicts(s, &every, repairs);
}

/// The ids references may point at, by kind.
struct Known {
    participants: HashSet<Id>,
    /// Participants and guests.
    people: HashSet<Id>,
    stages: HashSet<Id>,
    clusters: HashSet<Id>,
    rounds: HashSet<Id>,
    stickies: HashSet<Id>,
}

impl Known {
    fn of(s: &Session) -> Known {
        let participants: HashSet<Id> = s.participants.iter().map(|x| x.id.clone()).collect();
        let people: HashSet<Id> = participants
            .iter()
            .cloned()
            .chain(s.guests.iter().map(|x| x.id.clone()))
            .collect();
        Known {
            participants,
            people,
            stages: s.agenda.iter().map(|x| x.id.clone()).collect(),
            clusters: s.clusters.iter().map(|x| x.id.clone()).collect(),
            rounds: s.rounds.iter().map(|x| x.id.clone()).collect(),
            stickies: s.stickies.iter().map(|x| x.id.clone()).collect(),
        }
    }
}

/// Clear `r` when it points at no id of `set`; whether it did.
fn clear(r: &mut Option<Id>, set: &HashSet<Id>) -> bool {
    if r.as_ref().is_some_and(|id| !set.contains(id)) {
        *r = None;
        true
    } else {
        false
    }
}

/// Authors, stages and clusters that are gone, cleared (a sticky whose
/// cluster is gone goes to the inbox).
fn clear_references(s: &mut Session, k: &Known, repairs: &mut Vec<Line>) {
    let (mut authors, mut staged, mut inbox) = (0, 0, 0);
    for n in &mut s.notes {
        authors += usize::from(clear(&mut n.author, &k.people));
        staged += usize::from(clear(&mut n.stage, &k.stages));
    }
    for x in &mut s.stickies {
        authors += usize::from(clear(&mut x.author, &k.people));
        staged += usize::from(clear(&mut x.stage, &k.stages));
        if clear(&mut x.cluster, &k.clusters) {
            x.parked = false;
            inbox += 1;
        }
    }
    for c in &mut s.clusters {
        staged += usize::from(clear(&mut c.stage, &k.stages));
    }
    for r in &mut s.rounds {
        staged += usize::from(clear(&mut r.stage, &k.stages));
    }
    for p in &mut s.prototypes {
        staged += usize::from(clear(&mut p.stage, &k.stages));
    }
    if inbox > 0 {
        repairs.push(Line::new(
            "merge-repair-inbox",
            vec![("what", Arg::Count("sticky", inbox))],
        ));
    }
    if authors > 0 {
        repairs.push(Line::new(
            "merge-repair-no-author",
            vec![("what", Arg::Count("item", authors))],
        ));
    }
    if staged > 0 {
        repairs.push(Line::new(
            "merge-repair-no-stage",
            vec![("what", Arg::Count("item", staged))],
        ));
    }
}

/// Votes whose round, voter or target is gone, dropped.
fn drop_dangling_votes(s: &mut Session, k: &Known, repairs: &mut Vec<Line>) {
    let before = s.votes.len();
    s.votes.retain(|v| {
        k.rounds.contains(&v.round)
            && v.participant
                .as_ref()
                .is_none_or(|p| k.participants.contains(p))
            && match &v.target {
                Target::Sticky(id) => k.stickies.contains(id),
                Target::Cluster(id) => k.clusters.contains(id),
            }
    });
    if s.votes.len() < before {
        repairs.push(Line::new(
            "merge-repair-votes-dropped",
            vec![("what", Arg::Count("vote", before - s.votes.len()))],
        ));
    }
}

/// Attachments to an item that is not in `every`, attached to the session.
fn detach_attachments(s: &mut Session, every: &HashSet<Id>, repairs: &mut Vec<Line>) {
    let mut detached = 0;
    for a in &mut s.attachments {
        detached += usize::from(clear(&mut a.to, every));
    }
    if detached > 0 {
        repairs.push(Line::new(
            "merge-repair-detached",
            vec![("what", Arg::Count("attachment", detached))],
        ));
    }
}

/// Conflicts about deleting an item that is gone anyway (not in `every`),
/// or whose two versions are now the same, dropped.
fn drop_settled_conflicts(s: &mut Session, every: &HashSet<Id>, repairs: &mut Vec<Line>) {
    let before = s.conflicts.len();
    let kept: Vec<bool> = s
        .conflicts
        .iter()
        .map(|c| {
            let gone = matches!(&c.about, ConflictAbout::Item(id) if !every.contains(id));
            let moot = gone && c.other == ConflictValue::Deleted;
            !moot && s.conflict_kept(c) != c.other
        })
        .collect();
    let mut i = 0;
    s.conflicts.retain(|_| {
        i += 1;
        kept[i - 1]
    });
    if s.conflicts.len() < before {
        repairs.push(Line::new(
            "merge-repair-same-versions",
            vec![("what", Arg::Count("conflict", before - s.conflicts.len()))],
        ));
    }
}

/// The other version of each conflict fitted to the merged session as the
/// version in place is: its references to what is gone cleared. An other
/// version that cannot stand (a vote whose target is gone, a run whose step
/// is gone) is dropped; a version in place that cannot stand is replaced by
/// the other when that one can.
fn fit_conflicts(s: &mut Session, repairs: &mut Vec<Line>) {
    let mut conflicts = std::mem::take(&mut s.conflicts);
    let mut dropped = 0;
    conflicts.retain_mut(|c| match (&c.about, &mut c.other) {
        (ConflictAbout::Item(id), ConflictValue::Item(item)) => {
            if !s.fit(item) {
                dropped += 1;
                return false;
            }
            if let Item::Vote(theirs) = item.as_ref()
                && let Some(slot) = s.votes.iter().position(|v| &v.id == id)
            {
                let mut kept = Item::Vote(s.votes[slot].clone());
                if !s.fit(&mut kept) {
                    s.votes[slot] = theirs.clone();
                    dropped += 1;
                    return false;
                }
            }
            true
        }
        (ConflictAbout::Field(name), ConflictValue::Text(text)) if name == "run" => {
            let Ok(run) = ron::from_str::<Run>(text) else {
                dropped += 1;
                return false;
            };
            if !s.run_fits(&run) {
                dropped += 1;
                return false;
            }
            if !s.run_fits(&s.run) {
                s.run = run;
                dropped += 1;
                return false;
            }
            true
        }
        _ => true,
    });
    s.conflicts = conflicts;
    if dropped > 0 {
        repairs.push(Line::new(
            "merge-repair-settled",
            vec![("what", Arg::Count("conflict", dropped))],
        ));
    }
}

/// Every id once (see [`repair`]).
fn unique_ids(s: &mut Session, repairs: &mut Vec<Line>) {
    let mut seen: HashSet<Id> = HashSet::new();
    let mut renamed = 0;
    let mut steps_dropped = 0;
    seen.insert(s.id.clone());
    let mut fix = |id: &mut Id, seen: &mut HashSet<Id>| {
        if !seen.insert(id.clone()) {
            let seed = fnv(id.0.as_bytes());
            let mut n = 0;
            let mut fresh = conflict_id(seed, n);
            while seen.contains(&fresh) {
                n += 1;
                fresh = conflict_id(seed, n);
            }
            seen.insert(fresh.clone());
            *id = fresh;
            renamed += 1;
        }
    };
    for x in &mut s.participants {
        fix(&mut x.id, &mut seen);
    }
    for st in &mut s.agenda {
        fix(&mut st.id, &mut seen);
        let before = st.steps.len();
        st.steps.retain(|x| seen.insert(x.id.clone()));
        steps_dropped += before - st.steps.len();
    }
    macro_rules! each {
        ($($list:ident),*) => { $( for x in &mut s.$list { fix(&mut x.id, &mut seen); } )* };
    }
    each!(
        notes,
        stickies,
        clusters,
        rounds,
        votes,
        actions,
        comments,
        prototypes,
        attachments,
        conflicts
    );
    if renamed > 0 {
        repairs.push(Line::new(
            "merge-repair-new-id",
            vec![("what", Arg::Count("item", renamed))],
        ));
    }
    if steps_dropped > 0 {
        repairs.push(Line::new(
            "merge-repair-step-once",
            vec![("what", Arg::Count("step", steps_dropped))],
        ));
    }
}

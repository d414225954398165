//! The order of merged lists, and votes recorded twice made one.

use super::{Arg, Line, Report, short};
use crate::model::{Id, Session, Target};
use std::collections::{HashMap, HashSet};

/// Several records of one voter's dots on one target in one round, from
/// different sides, become one (see the module's rules).
pub(super) fn fold_votes(
    s: &mut Session,
    ours: &HashSet<&Id>,
    theirs: &HashSet<&Id>,
    report: &mut Report,
) {
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
        let who = key.1.as_ref().map_or(Arg::Word("merge-paper-tally"), |p| {
            Arg::Item("voter", short(s.participant_name(Some(p))), 0)
        });
        let how = if key.1.is_some() {
            "merge-added-up"
        } else {
            "merge-largest-count"
        };
        report.repairs.push(Line::new(
            "merge-repair-votes-folded",
            vec![
                ("n", Arg::Num(members.len())),
                ("who", who),
                ("dots", Arg::Num(total as usize)),
                ("how", Arg::Word(how)),
            ],
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
pub(super) fn merge_order(
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

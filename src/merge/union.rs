//! Two sessions that started apart (two groups, two laptops, no common
//! file): their union.

use super::{Arg, Line, Merged, merge};
use crate::model::{Id, Session, Stage, Target, text::fold};
use std::collections::HashMap;

/// A name or title as compared across sessions: folded (no case, no
/// accents), spaces collapsed.
pub fn same_name(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The union of two sessions with no common base.
///
/// Theirs is matched to ours first: participants by name, clusters and
/// voting rounds by title, stages by kind and title and, inside a matched
/// stage, steps by title (case and accents ignored). A matched item is one
/// item, ours' version; everything theirs points at it (authors, stickies
/// in a cluster, votes) follows. Everything else of both sides is kept.
/// The session's fields are ours', except those ours leaves empty (place,
/// challenge, date, language), taken from theirs; facilitators are both
/// lists. Items with the same id on both sides (copies of one file) merge
/// as in [`merge`] with nothing in common: equal ones are one, different
/// ones are a conflict.
pub fn union(ours: &Session, theirs: &Session) -> Merged {
    let mut map: HashMap<Id, Id> = HashMap::new();
    let mut pair = |names: Vec<(Id, String)>, theirs_names: Vec<(Id, String)>| {
        let mut n = 0;
        for (tid, tname) in theirs_names {
            if let Some((oid, _)) = names.iter().find(|(_, o)| *o == tname)
                && *oid != tid
            {
                map.insert(tid, oid.clone());
                n += 1;
            }
        }
        n
    };
    let np = pair(
        names(&ours.participants, |p| (&p.id, same_name(&p.name))),
        names(&theirs.participants, |p| (&p.id, same_name(&p.name))),
    );
    let nc = pair(
        names(&ours.clusters, |c| (&c.id, same_name(&c.title))),
        names(&theirs.clusters, |c| (&c.id, same_name(&c.title))),
    );
    let nr = pair(
        names(&ours.rounds, |r| (&r.id, same_name(&r.title))),
        names(&theirs.rounds, |r| (&r.id, same_name(&r.title))),
    );
    let ns = pair(
        names(&ours.agenda, stage_key),
        names(&theirs.agenda, stage_key),
    );
    // Steps of matched stages, by title.
    for tst in &theirs.agenda {
        let oid = map.get(&tst.id).unwrap_or(&tst.id).clone();
        let Some(ost) = ours.stage(&oid) else {
            continue;
        };
        for tstep in &tst.steps {
            if let Some(ostep) = ost
                .steps
                .iter()
                .find(|x| same_name(&x.title) == same_name(&tstep.title))
                && ostep.id != tstep.id
            {
                map.insert(tstep.id.clone(), ostep.id.clone());
            }
        }
    }
    let mut matched = Vec::new();
    for (n, what, by) in [
        (np, "participant", "merge-by-name"),
        (nc, "cluster", "merge-by-title"),
        (nr, "voting round", "merge-by-title"),
        (ns, "stage", "merge-by-kind-title"),
    ] {
        if n > 0 {
            matched.push(Line::new(
                "merge-matched",
                vec![("what", Arg::Count(what, n)), ("by", Arg::Word(by))],
            ));
        }
    }

    let t = remapped(theirs, ours, &map);
    let mut base = Session::new(crate::model::Id::new(), String::new());
    base.id = ours.id.clone();
    base.title = t.title.clone();
    base.challenge = t.challenge.clone();
    base.date = t.date;
    base.place = t.place.clone();
    base.language = t.language.clone();
    base.run = t.run.clone();
    base.facilitators = Vec::new();
    let mut m = merge(&base, ours, &t);

    let s = &mut m.session;
    if s.place.trim().is_empty() {
        s.place = theirs.place.clone();
    }
    if s.challenge.statement.trim().is_empty() {
        s.challenge = theirs.challenge.clone();
    }
    if s.date.is_none() {
        s.date = theirs.date;
    }
    if s.language.is_none() {
        s.language = theirs.language.clone();
    }
    // Ours is where the union starts: what it holds is not "added".
    for c in m.report.counts.values_mut() {
        c.added[0] = 0;
    }
    m.report.counts.remove("detail");
    m.report.notes = matched;
    m
}

fn stage_key(st: &Stage) -> (&Id, String) {
    (&st.id, format!("{:?}/{}", st.kind, same_name(&st.title)))
}

fn names<T>(list: &[T], f: impl Fn(&T) -> (&Id, String)) -> Vec<(Id, String)> {
    list.iter()
        .map(|x| {
            let (id, name) = f(x);
            (id.clone(), name)
        })
        .collect()
}

/// Theirs with matched ids replaced by ours', and matched items replaced by
/// ours' versions (so they merge as one).
fn remapped(theirs: &Session, ours: &Session, map: &HashMap<Id, Id>) -> Session {
    let id = |x: &Id| map.get(x).unwrap_or(x).clone();
    let opt = |x: &Option<Id>| x.as_ref().map(id);
    let mut t = theirs.clone();
    for p in &mut t.participants {
        if let Some(o) = map.get(&p.id).and_then(|o| ours.participant(o)) {
            *p = o.clone();
        }
    }
    for c in &mut t.clusters {
        if let Some(o) = map.get(&c.id).and_then(|o| ours.cluster(o)) {
            *c = o.clone();
        }
    }
    for r in &mut t.rounds {
        if let Some(o) = map.get(&r.id).and_then(|o| ours.round(o)) {
            *r = o.clone();
        }
    }
    for st in &mut t.agenda {
        let Some(o) = map.get(&st.id).and_then(|o| ours.stage(o)) else {
            continue;
        };
        let steps = std::mem::take(&mut st.steps);
        *st = Stage {
            steps: Vec::new(),
            ..o.clone()
        };
        for step in steps {
            match map
                .get(&step.id)
                .and_then(|m| o.steps.iter().find(|x| &x.id == m))
            {
                Some(ostep) => st.steps.push(ostep.clone()),
                None => st.steps.push(step),
            }
        }
    }
    for n in &mut t.notes {
        n.author = opt(&n.author);
        n.stage = opt(&n.stage);
    }
    for x in &mut t.stickies {
        x.author = opt(&x.author);
        x.stage = opt(&x.stage);
        x.cluster = opt(&x.cluster);
    }
    for c in &mut t.clusters {
        c.stage = opt(&c.stage);
    }
    for r in &mut t.rounds {
        r.stage = opt(&r.stage);
    }
    for v in &mut t.votes {
        v.round = id(&v.round);
        v.participant = opt(&v.participant);
        v.target = match &v.target {
            Target::Sticky(x) => Target::Sticky(id(x)),
            Target::Cluster(x) => Target::Cluster(id(x)),
        };
    }
    for c in &mut t.comments {
        c.about = opt(&c.about);
    }
    for p in &mut t.prototypes {
        p.stage = opt(&p.stage);
    }
    for a in &mut t.attachments {
        a.to = opt(&a.to);
    }
    t.run.stage = opt(&t.run.stage);
    t.run.step = opt(&t.run.step);
    t
}

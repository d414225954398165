//! The state of one merge and the merging of each section, item by item.

use super::{Arg, Line, Merged, Report, conflict_id, fnv, fold_votes, merge_order, repair, short};
use crate::model::{
    ActionItem, Attachment, Cluster, Comment, Conflict, ConflictAbout, ConflictValue, ConflictWhy,
    Guest, Id, Item, Note, Participant, Prototype, Session, Stage, Step, Sticky, Vote, VotingRound,
};
use std::collections::{HashMap, HashSet};

impl From<Item> for ConflictValue {
    fn from(item: Item) -> Self {
        ConflictValue::Item(Box::new(item))
    }
}

/// Ids and short labels of the items of each section.
pub(super) trait Keyed {
    fn key(&self) -> &Id;
    fn label(&self) -> Arg;
}

macro_rules! keyed {
    ($($t:ty => |$x:ident| $label:expr),* $(,)?) => {
        $(impl Keyed for $t {
            fn key(&self) -> &Id {
                &self.id
            }
            fn label(&self) -> Arg {
                let $x = self;
                $label
            }
        })*
    };
}

keyed!(
    Participant => |x| Arg::Item("participant", short(&x.name), 0),
    Guest => |x| Arg::Item("guest", short(&x.name), 0),
    Stage => |x| Arg::Item("stage", short(&x.title), 0),
    Step => |x| Arg::Item("step", short(&x.title), 0),
    Note => |x| Arg::Item("note", short(&x.text), 0),
    Sticky => |x| Arg::Item("sticky", short(&x.text), 0),
    Cluster => |x| Arg::Item("cluster", short(&x.title), 0),
    VotingRound => |x| Arg::Item("voting round", short(&x.title), 0),
    Vote => |x| Arg::Item("vote", x.id.to_string(), x.count as usize),
    ActionItem => |x| Arg::Item("action", short(&x.text), 0),
    Comment => |x| Arg::Item("comment", short(&x.text), 0),
    Prototype => |x| Arg::Item("prototype", short(&x.name), 0),
    Attachment => |x| Arg::Item("attachment", short(if x.caption.is_empty() { &x.path } else { &x.caption }), 0),
);

/// Merges an item both sides changed: the result, and whether theirs must
/// be recorded as a whole (false when the merge recorded its own conflicts).
type Both<T> = dyn FnMut(&mut Cx, Option<&T>, &T, &T) -> (T, bool);

/// Changed differently on both sides: ours in place, theirs in a conflict.
pub(super) fn keep_ours<T: Clone>(_: &mut Cx, _: Option<&T>, o: &T, _: &T) -> (T, bool) {
    (o.clone(), true)
}

/// A stage changed on both sides: its own fields as one value, its steps
/// item by item.
pub(super) fn merge_stage(cx: &mut Cx, b: Option<&Stage>, o: &Stage, t: &Stage) -> (Stage, bool) {
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
            Line::new("merge-both-changed", vec![("item", o.label())]),
            ConflictWhy::BothChanged,
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
    pub(super) fn new(ours: &Session, theirs: &Session) -> Cx {
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
        line: Line,
        why: ConflictWhy,
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
            why: Some(why),
            note: String::new(),
        });
    }

    /// A session field: taken from the side that changed it; ours (and a
    /// conflict) when both changed it differently.
    pub(super) fn field<T: Clone + PartialEq>(
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
            Line::new(
                "merge-field-both-changed",
                vec![
                    ("field", Arg::Word(field_key(name))),
                    ("ours", Arg::Text(short(&ot))),
                    ("theirs", Arg::Text(short(&tt))),
                ],
            ),
            ConflictWhy::BothChanged,
        );
        o.clone()
    }

    pub(super) fn simple<T: Keyed + Clone + PartialEq + std::fmt::Debug + 'static>(
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
    pub(super) fn items<T: Keyed + Clone + PartialEq + std::fmt::Debug>(
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
                (b, Some(o), Some(t)) => Some(self.changed_on_both(sec, id, b, o, t, &other, both)),
                (Some(b), Some(o), None) => self.deleted_by_other(sec, id, b, o, 0),
                (Some(b), None, Some(t)) => self.deleted_by_other(sec, id, b, t, 1),
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

    /// An item both sides changed differently: merged by `both`, theirs
    /// recorded as a whole (as `other` says) when `both` asks for it.
    #[allow(clippy::too_many_arguments)]
    fn changed_on_both<T: Keyed + Clone + PartialEq + std::fmt::Debug>(
        &mut self,
        sec: &'static str,
        id: &Id,
        b: Option<&T>,
        o: &T,
        t: &T,
        other: &impl Fn(&T) -> ConflictValue,
        both: &mut Both<T>,
    ) -> T {
        let (merged, whole) = both(self, b, o, t);
        let c = self.report.count(sec);
        c.changed[0] += 1;
        c.changed[1] += 1;
        if whole {
            self.conflict(
                ConflictAbout::Item(id.clone()),
                &format!("{o:?}"),
                other(t),
                Line::new(
                    if b.is_some() {
                        "merge-both-changed"
                    } else {
                        "merge-both-added"
                    },
                    vec![("item", o.label())],
                ),
                ConflictWhy::BothChanged,
            );
        }
        merged
    }

    /// An item kept on one side (`side`: 0 ours, 1 theirs) and deleted on
    /// the other: gone when unchanged, else kept with a conflict.
    fn deleted_by_other<T: Keyed + Clone + PartialEq + std::fmt::Debug>(
        &mut self,
        sec: &'static str,
        id: &Id,
        b: &T,
        kept: &T,
        side: usize,
    ) -> Option<T> {
        self.report.count(sec).deleted[1 - side] += 1;
        if b == kept {
            return None;
        }
        let why = if side == 0 {
            ConflictWhy::OursChanged
        } else {
            ConflictWhy::TheirsChanged
        };
        self.conflict(
            ConflictAbout::Item(id.clone()),
            &format!("{kept:?}"),
            ConflictValue::Deleted,
            Line::new(
                if side == 0 {
                    "merge-ours-changed-theirs-deleted"
                } else {
                    "merge-theirs-changed-ours-deleted"
                },
                vec![("item", kept.label())],
            ),
            why,
        );
        Some(kept.clone())
    }

    pub(super) fn finish(mut self, mut s: Session, ours: &Session, theirs: &Session) -> Merged {
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

/// The Fluent key of a session field's name in a conflict line.
fn field_key(name: &str) -> &'static str {
    match name {
        "title" => "merge-field-title",
        "challenge" => "merge-field-challenge",
        "origin" => "merge-field-origin",
        "date" => "merge-field-date",
        "place" => "merge-field-place",
        "start" => "merge-field-start",
        "language" => "merge-field-language",
        "run" => "merge-field-run",
        _ => "merge-field-other",
    }
}

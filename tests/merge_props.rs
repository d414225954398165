//! Properties of the three-way merge, on generated sessions edited at
//! random the way the app edits them (through the model's operations).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atelier::merge::merge;
use atelier::model::conflict::Pick;
use atelier::model::{
    ActionItem, ConflictAbout, ConflictValue, Id, Item, Op, Participant, Place, Role, Session,
    Stage, Step, Target, Timestamp, validate,
};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// A few generated workshops to start from (generating is not free).
static BASES: LazyLock<Vec<Session>> = LazyLock::new(|| {
    (0..4)
        .map(|seed| atelier::generate::session(24 + 6 * seed as usize, seed))
        .collect()
});

fn now() -> Timestamp {
    Timestamp::from_unix(1_781_260_000).unwrap()
}

/// One random edit: what to do and two numbers to pick with.
#[derive(Clone, Debug)]
struct Edit(u8, usize, usize);

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec((0u8..24, any::<usize>(), any::<usize>()), 0..12)
        .prop_map(|v| v.into_iter().map(|(k, a, b)| Edit(k, a, b)).collect())
}

fn pick<T>(list: &[T], i: usize) -> Option<&T> {
    (!list.is_empty()).then(|| &list[i % list.len()])
}

const WORDS: [&str; 6] = [
    "Plus d'ombre dans la cour",
    "Brumisateurs, fontaines",
    "Ouvrir le soir 🌙",
    "Des bancs à l'abri",
    "« Un refuge » pour tous",
    "涼み処",
];

/// Apply one edit as the app would; `tag` makes texts differ between sides.
fn apply(s: &mut Session, e: &Edit, tag: &str) {
    let Edit(kind, a, b) = *e;
    let text = format!("{} ({tag}{b})", WORDS[a % WORDS.len()]);
    let ops: Vec<Op> = match kind {
        0 | 1 => {
            let place = match pick(&s.clusters, b) {
                Some(c) if b % 3 != 0 => Place::Cluster(c.id.clone()),
                _ => Place::Inbox,
            };
            let author = pick(&s.participants, a).map(|p| p.id.clone());
            vec![s.new_sticky(
                &text,
                author,
                Default::default(),
                None,
                &place,
                now(),
                atelier::model::Id::new(),
            )]
        }
        2 => match pick(&s.stickies, a) {
            Some(x) => s.edit_sticky(&x.id.clone(), |x| x.text = text.clone()),
            None => vec![],
        },
        3 => {
            let to = match (b % 4, pick(&s.clusters, b)) {
                (0, _) => Place::Inbox,
                (1, _) => Place::Parking,
                (_, Some(c)) => Place::Cluster(c.id.clone()),
                (_, None) => Place::Inbox,
            };
            match pick(&s.stickies, a) {
                Some(x) => s.move_stickies(std::slice::from_ref(&x.id), &to),
                None => vec![],
            }
        }
        4 => match pick(&s.stickies, a) {
            Some(x) => s.delete_stickies(std::slice::from_ref(&x.id)),
            None => vec![],
        },
        5 => {
            let ids: Vec<Id> = pick(&s.stickies, a)
                .map(|x| x.id.clone())
                .into_iter()
                .collect();
            s.new_cluster(&text, None, &ids, None, atelier::model::Id::new())
                .1
        }
        6 => match pick(&s.clusters, a) {
            Some(c) => s.rename_cluster(&c.id.clone(), &text),
            None => vec![],
        },
        7 => match pick(&s.clusters, a) {
            Some(c) => s.delete_cluster(&c.id.clone()),
            None => vec![],
        },
        8 => match (pick(&s.clusters, a), pick(&s.clusters, b)) {
            (Some(x), Some(y)) => s.merge_clusters(&x.id.clone(), &y.id.clone()),
            _ => vec![],
        },
        9 | 10 => {
            let (Some(r), Some(p)) = (pick(&s.rounds, 0), pick(&s.participants, a)) else {
                return;
            };
            let target = match pick(&s.stickies, b) {
                Some(x) if b % 2 == 0 => Target::Sticky(x.id.clone()),
                _ => match pick(&s.clusters, b) {
                    Some(c) => Target::Cluster(c.id.clone()),
                    None => return,
                },
            };
            let delta = if kind == 9 { 1 } else { -1 };
            s.vote(
                &r.id.clone(),
                &p.id.clone(),
                &target,
                delta,
                atelier::model::Id::new(),
            )
            .unwrap_or_default()
        }
        11 => {
            let (Some(r), Some(x)) = (pick(&s.rounds, 0), pick(&s.stickies, a)) else {
                return;
            };
            s.paper_tally(
                &r.id.clone(),
                &Target::Sticky(x.id.clone()),
                (b % 5) as u32,
                atelier::model::Id::new(),
            )
        }
        12 => match pick(&s.notes, a) {
            Some(n) => {
                let mut n = n.clone();
                n.text = text;
                vec![Op::Replace(Item::Note(n))]
            }
            None => vec![],
        },
        13 => match pick(&s.notes, a) {
            Some(n) => vec![Op::Remove {
                kind: atelier::model::Kind::Note,
                id: n.id.clone(),
            }],
            None => vec![],
        },
        14 => match pick(&s.participants, a) {
            Some(p) => s.remove_participant(&p.id.clone()).0,
            None => vec![],
        },
        15 => match pick(&s.participants, a) {
            Some(p) => {
                let mut p = p.clone();
                p.name = text;
                vec![Op::Replace(Item::Participant(p))]
            }
            None => vec![],
        },
        16 => vec![Op::Insert {
            at: usize::MAX,
            item: Item::Participant(Participant {
                id: Id::new(),
                name: text,
                role: Role::Citizen,
                organisation: String::new(),
            }),
        }],
        17 => {
            if b % 2 == 0 {
                s.title = text;
            } else {
                s.place = text;
            }
            return;
        }
        18 => match pick(&s.agenda, a) {
            Some(st) => {
                let mut st = st.clone();
                if b % 2 == 0 {
                    st.title = text;
                } else if let n @ 1.. = st.steps.len()
                    && let Some(step) = st.steps.get_mut(b % n)
                {
                    step.minutes = (b % 30) as u32 + 1;
                }
                vec![Op::Replace(Item::Stage(st))]
            }
            None => vec![],
        },
        19 => match pick(&s.agenda, a) {
            Some(st) => {
                let mut st: Stage = st.clone();
                st.steps.push(Step {
                    id: Id::new(),
                    title: text,
                    minutes: 5,
                    prompt: String::new(),
                    produces: vec![],
                    started: None,
                    ended: None,
                });
                vec![Op::Replace(Item::Stage(st))]
            }
            None => vec![],
        },
        20 => match pick(&s.agenda, a) {
            Some(st) if s.run.stage.as_ref() != Some(&st.id) => {
                let i = s.agenda.iter().position(|x| x.id == st.id).unwrap();
                s.remove_stage(i).0
            }
            _ => vec![],
        },
        21 => {
            if b % 2 == 0 {
                s.next_step(now());
            } else {
                s.timer_adjust(60);
            }
            return;
        }
        22 => vec![Op::Insert {
            at: usize::MAX,
            item: Item::Action(ActionItem {
                id: Id::new(),
                text,
                owner: "DGS".into(),
                due: None,
                status: Default::default(),
            }),
        }],
        _ => match pick(&s.actions, a) {
            Some(x) => {
                let mut x = x.clone();
                x.text = text;
                vec![Op::Replace(Item::Action(x))]
            }
            None => vec![],
        },
    };
    s.apply_all(ops);
}

fn edited(base: &Session, edits: &[Edit], tag: &str) -> Session {
    let mut s = base.clone();
    for e in edits {
        apply(&mut s, e, tag);
    }
    assert_eq!(
        validate(&s),
        vec![],
        "the edits themselves keep the session valid"
    );
    s
}

/// Every id but the conflicts'.
fn ids(s: &Session) -> BTreeSet<Id> {
    let conflicts: BTreeSet<&Id> = s.conflicts.iter().map(|c| &c.id).collect();
    s.all_ids()
        .into_iter()
        .filter(|id| !conflicts.contains(id))
        .cloned()
        .collect()
}

/// A version as compared across merges: a stage by its own fields, a step
/// by itself.
fn norm(about: &ConflictAbout, v: &ConflictValue) -> String {
    match (about, v) {
        (ConflictAbout::Item(id), ConflictValue::Item(item)) => match item.as_ref() {
            Item::Stage(st) if &st.id == id => format!(
                "{:?}",
                Stage {
                    steps: vec![],
                    ..st.clone()
                }
            ),
            Item::Stage(st) => format!("{:?}", st.steps.iter().find(|x| &x.id == id)),
            other => format!("{other:?}"),
        },
        _ => format!("{v:?}"),
    }
}

/// Each conflict as what it is about and its two versions, in no order.
fn conflicts(s: &Session) -> BTreeMap<String, BTreeSet<String>> {
    s.conflicts
        .iter()
        .map(|c| {
            let kept = norm(&c.about, &s.conflict_kept(c));
            let other = norm(&c.about, &c.other);
            (format!("{:?}", c.about), BTreeSet::from([kept, other]))
        })
        .collect()
}

/// Items not in conflict, by id (order aside).
fn settled(s: &Session) -> BTreeMap<Id, String> {
    let about: BTreeSet<&Id> = s
        .conflicts
        .iter()
        .filter_map(|c| match &c.about {
            ConflictAbout::Item(id) => Some(id),
            ConflictAbout::Field(_) => None,
        })
        .collect();
    let mut out = BTreeMap::new();
    macro_rules! put {
        ($($list:ident),*) => { $( for x in &s.$list {
            if !about.contains(&x.id) { out.insert(x.id.clone(), format!("{x:?}")); }
        } )* };
    }
    put!(
        participants,
        notes,
        stickies,
        clusters,
        rounds,
        votes,
        actions
    );
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn merging_with_itself_or_an_unchanged_side_changes_nothing(
        seed in 0usize..4,
        x_edits in edits(),
    ) {
        let base = &BASES[seed];
        let x = edited(base, &x_edits, "x");
        for (b, o, t) in [(&x, &x, &x), (base, &x, base), (base, base, &x), (base, &x, &x)] {
            let m = merge(b, o, t);
            prop_assert!(m.report.is_clean(), "{:?}", m.report);
            prop_assert_eq!(&m.session, &x);
        }
    }

    #[test]
    fn merge_is_symmetric_and_always_valid(
        seed in 0usize..4,
        x_edits in edits(),
        y_edits in edits(),
    ) {
        let base = &BASES[seed];
        let x = edited(base, &x_edits, "x");
        let y = edited(base, &y_edits, "y");
        let xy = merge(base, &x, &y);
        let yx = merge(base, &y, &x);
        prop_assert_eq!(validate(&xy.session), vec![]);
        prop_assert_eq!(validate(&yx.session), vec![]);
        prop_assert_eq!(ids(&xy.session), ids(&yx.session));
        prop_assert_eq!(conflicts(&xy.session), conflicts(&yx.session));
        prop_assert_eq!(settled(&xy.session), settled(&yx.session));
        let facilitators = |s: &Session| s.facilitators.iter().cloned().collect::<BTreeSet<_>>();
        prop_assert_eq!(facilitators(&xy.session), facilitators(&yx.session));
        prop_assert_eq!(xy.report.conflicts.len(), yx.report.conflicts.len());
        // The same inputs give the same file.
        prop_assert_eq!(&merge(base, &x, &y).session, &xy.session);
    }

    #[test]
    fn settling_every_conflict_either_way_keeps_the_session_valid(
        seed in 0usize..4,
        x_edits in edits(),
        y_edits in edits(),
        other in any::<bool>(),
    ) {
        let base = &BASES[seed];
        let x = edited(base, &x_edits, "x");
        let y = edited(base, &y_edits, "y");
        let mut s = merge(base, &x, &y).session;
        let pick = if other { Pick::Other } else { Pick::Kept };
        for id in s.conflicts.iter().map(|c| c.id.clone()).collect::<Vec<_>>() {
            // The step the run is on cannot be deleted: keep it then.
            if s.settle_conflict(&id, pick).is_err() {
                prop_assert!(s.settle_conflict(&id, Pick::Kept).is_ok());
            }
            prop_assert_eq!(validate(&s), vec![]);
        }
        prop_assert!(s.conflicts.is_empty());
    }
}

//! Checks that a session holds together: unique ids, no dangling references.

use super::{Id, Session, Target};
/// Sets of ids, hashed with foldhash, seeded at random per process (a file
/// cannot choose ids that collide without knowing the seed), at a fifth of
/// SipHash's cost on a UUID.
type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
use std::fmt;

/// Something wrong with a session's content. `id` is the offending text, so
/// a loader can point at where it stands in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    DuplicateId {
        id: String,
    },
    Dangling {
        field: &'static str,
        id: String,
        expected: &'static str,
    },
    UnknownFormat {
        found: u32,
    },
}

/// What a dangling reference expected, as a Fluent selector's variant
/// (`problem-dangling`).
fn kind_id(expected: &str) -> &'static str {
    match expected {
        "stage" => "stage",
        "step" => "step",
        "cluster" => "cluster",
        "participant" => "participant",
        "participant or guest" => "author",
        "voting round" => "round",
        "sticky note" => "sticky",
        "step of the stage in run.stage" => "step-of-stage",
        _ => "item",
    }
}

impl Problem {
    pub fn id(&self) -> Option<&str> {
        match self {
            Problem::DuplicateId { id } | Problem::Dangling { id, .. } => Some(id),
            Problem::UnknownFormat { .. } => None,
        }
    }

    /// The message as a Fluent key (`problem-…` in
    /// `assets/locales/*/errors.ftl`) and its arguments, for the edge to say
    /// it in the user's language (`i18n::problem`); `Display` is English.
    pub fn key(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Problem::DuplicateId { id } => {
                ("problem-duplicate-id", vec![("id", format!("{id:?}"))])
            }
            Problem::Dangling {
                field,
                id,
                expected,
            } => (
                "problem-dangling",
                vec![
                    ("field", (*field).to_owned()),
                    ("id", format!("{id:?}")),
                    ("expected", kind_id(expected).to_owned()),
                ],
            ),
            Problem::UnknownFormat { found } => {
                ("problem-unknown-format", vec![("found", found.to_string())])
            }
        }
    }

    /// For a duplicate, point at the second occurrence; for a dangling
    /// reference, at the first (definitions come before references only in
    /// some sections, so the caller searches for the reference form).
    pub fn occurrence(&self) -> usize {
        match self {
            Problem::DuplicateId { .. } => 1,
            _ => 0,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::DuplicateId { id } => {
                write!(f, "duplicate id {id:?}: every item needs an id of its own")
            }
            Problem::Dangling {
                field,
                id,
                expected,
            } => write!(
                f,
                "`{field}` refers to {id:?}, but no {expected} has that id"
            ),
            Problem::UnknownFormat { found } => write!(f, "unknown format version {found}"),
        }
    }
}

/// Every problem of the session, in file order as far as possible.
pub fn validate(s: &Session) -> Vec<Problem> {
    let mut problems = duplicate_ids(s);
    let known = Known::of(s);
    let p = &mut problems;
    refer(p, "run.stage", s.run.stage.as_ref(), &known.stages, "stage");
    refer(p, "run.step", s.run.step.as_ref(), &known.steps, "step");
    note_refs(s, &known, p);
    sticky_refs(s, &known, p);
    cluster_and_round_refs(s, &known, p);
    vote_refs(s, &known, p);
    prototype_refs(s, &known, p);
    attachment_refs(s, p);
    run_step_in_its_stage(s, &known, p);
    problems
}

/// Each id used a second time (or more).
fn duplicate_ids(s: &Session) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: HashSet<&Id> = HashSet::default();
    for id in s.ids() {
        if !seen.insert(id) {
            problems.push(Problem::DuplicateId { id: id.0.clone() });
        }
    }
    problems
}

/// The ids that references may point at, by kind.
struct Known<'a> {
    participants: HashSet<&'a Id>,
    /// Participants and guests.
    authors: HashSet<&'a Id>,
    stages: HashSet<&'a Id>,
    steps: HashSet<&'a Id>,
    stickies: HashSet<&'a Id>,
    clusters: HashSet<&'a Id>,
    rounds: HashSet<&'a Id>,
}

impl<'a> Known<'a> {
    fn of(s: &'a Session) -> Known<'a> {
        let participants: HashSet<&Id> = s.participants.iter().map(|p| &p.id).collect();
        let authors: HashSet<&Id> = participants
            .iter()
            .copied()
            .chain(s.guests.iter().map(|g| &g.id))
            .collect();
        Known {
            participants,
            authors,
            stages: s.agenda.iter().map(|st| &st.id).collect(),
            steps: s
                .agenda
                .iter()
                .flat_map(|st| st.steps.iter().map(|x| &x.id))
                .collect(),
            stickies: s.stickies.iter().map(|x| &x.id).collect(),
            clusters: s.clusters.iter().map(|c| &c.id).collect(),
            rounds: s.rounds.iter().map(|r| &r.id).collect(),
        }
    }
}

/// A problem when `id` is given and not in `set`.
fn refer(
    problems: &mut Vec<Problem>,
    field: &'static str,
    id: Option<&Id>,
    set: &HashSet<&Id>,
    expected: &'static str,
) {
    if let Some(id) = id
        && !set.contains(id)
    {
        problems.push(Problem::Dangling {
            field,
            id: id.0.clone(),
            expected,
        });
    }
}

fn note_refs(s: &Session, k: &Known, p: &mut Vec<Problem>) {
    for n in &s.notes {
        refer(p, "stage", n.stage.as_ref(), &k.stages, "stage");
        refer(
            p,
            "author",
            n.author.as_ref(),
            &k.authors,
            "participant or guest",
        );
    }
}

fn sticky_refs(s: &Session, k: &Known, p: &mut Vec<Problem>) {
    for x in &s.stickies {
        refer(
            p,
            "author",
            x.author.as_ref(),
            &k.authors,
            "participant or guest",
        );
        refer(p, "stage", x.stage.as_ref(), &k.stages, "stage");
        refer(p, "cluster", x.cluster.as_ref(), &k.clusters, "cluster");
    }
}

fn cluster_and_round_refs(s: &Session, k: &Known, p: &mut Vec<Problem>) {
    for c in &s.clusters {
        refer(p, "stage", c.stage.as_ref(), &k.stages, "stage");
    }
    for r in &s.rounds {
        refer(p, "stage", r.stage.as_ref(), &k.stages, "stage");
    }
}

fn vote_refs(s: &Session, k: &Known, p: &mut Vec<Problem>) {
    for v in &s.votes {
        refer(p, "round", Some(&v.round), &k.rounds, "voting round");
        refer(
            p,
            "participant",
            v.participant.as_ref(),
            &k.participants,
            "participant",
        );
        match &v.target {
            Target::Sticky(id) => refer(p, "target", Some(id), &k.stickies, "sticky note"),
            Target::Cluster(id) => refer(p, "target", Some(id), &k.clusters, "cluster"),
        }
    }
}

fn prototype_refs(s: &Session, k: &Known, problems: &mut Vec<Problem>) {
    for p in &s.prototypes {
        if let Some(st) = &p.stage
            && !k.stages.contains(st)
        {
            problems.push(Problem::Dangling {
                field: "stage",
                id: st.0.clone(),
                expected: "stage",
            });
        }
    }
}

/// An attachment is attached to the session or to an item of it.
fn attachment_refs(s: &Session, problems: &mut Vec<Problem>) {
    if !s.attachments.is_empty() {
        let every: HashSet<&Id> = std::iter::once(&s.id)
            .chain(s.participants.iter().map(|x| &x.id))
            .chain(
                s.agenda
                    .iter()
                    .flat_map(|st| std::iter::once(&st.id).chain(st.steps.iter().map(|x| &x.id))),
            )
            .chain(s.notes.iter().map(|x| &x.id))
            .chain(s.stickies.iter().map(|x| &x.id))
            .chain(s.clusters.iter().map(|x| &x.id))
            .chain(s.prototypes.iter().map(|x| &x.id))
            .chain(s.actions.iter().map(|x| &x.id))
            .collect();
        for a in &s.attachments {
            if let Some(to) = &a.to
                && !every.contains(to)
            {
                problems.push(Problem::Dangling {
                    field: "to",
                    id: to.0.clone(),
                    expected: "item",
                });
            }
        }
    }
}

/// The run's step is one of the run's stage.
fn run_step_in_its_stage(s: &Session, k: &Known, problems: &mut Vec<Problem>) {
    if let (Some(stage), Some(step)) = (&s.run.stage, &s.run.step)
        && let Some(st) = s.agenda.iter().find(|st| &st.id == stage)
        && k.steps.contains(step)
        && !st.steps.iter().any(|x| &x.id == step)
    {
        problems.push(Problem::Dangling {
            field: "run.step",
            id: step.0.clone(),
            expected: "step of the stage in run.stage",
        });
    }
}

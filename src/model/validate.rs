//! Checks that a session holds together: unique ids, no dangling references.

use super::{Id, Session, Target};
use std::collections::HashSet;
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
    let mut problems = Vec::new();
    let all_ids = std::iter::once(&s.id)
        .chain(s.participants.iter().map(|p| &p.id))
        .chain(s.guests.iter().map(|g| &g.id))
        .chain(
            s.agenda
                .iter()
                .flat_map(|st| std::iter::once(&st.id).chain(st.steps.iter().map(|x| &x.id))),
        )
        .chain(s.notes.iter().map(|x| &x.id))
        .chain(s.stickies.iter().map(|x| &x.id))
        .chain(s.clusters.iter().map(|x| &x.id))
        .chain(s.rounds.iter().map(|x| &x.id))
        .chain(s.votes.iter().map(|x| &x.id))
        .chain(s.actions.iter().map(|x| &x.id))
        .chain(s.comments.iter().map(|x| &x.id))
        .chain(s.prototypes.iter().map(|x| &x.id))
        .chain(s.attachments.iter().map(|x| &x.id))
        .chain(s.conflicts.iter().map(|x| &x.id));
    let mut seen: HashSet<&Id> = HashSet::new();
    for id in all_ids {
        if !seen.insert(id) {
            problems.push(Problem::DuplicateId { id: id.0.clone() });
        }
    }

    let participants: HashSet<&Id> = s.participants.iter().map(|p| &p.id).collect();
    let authors: HashSet<&Id> = participants
        .iter()
        .copied()
        .chain(s.guests.iter().map(|g| &g.id))
        .collect();
    let stages: HashSet<&Id> = s.agenda.iter().map(|st| &st.id).collect();
    let steps: HashSet<&Id> = s
        .agenda
        .iter()
        .flat_map(|st| st.steps.iter().map(|x| &x.id))
        .collect();
    let stickies: HashSet<&Id> = s.stickies.iter().map(|x| &x.id).collect();
    let clusters: HashSet<&Id> = s.clusters.iter().map(|c| &c.id).collect();
    let rounds: HashSet<&Id> = s.rounds.iter().map(|r| &r.id).collect();

    let mut refer =
        |field: &'static str, id: Option<&Id>, set: &HashSet<&Id>, expected: &'static str| {
            if let Some(id) = id
                && !set.contains(id)
            {
                problems.push(Problem::Dangling {
                    field,
                    id: id.0.clone(),
                    expected,
                });
            }
        };

    refer("run.stage", s.run.stage.as_ref(), &stages, "stage");
    refer("run.step", s.run.step.as_ref(), &steps, "step");
    for n in &s.notes {
        refer("stage", n.stage.as_ref(), &stages, "stage");
        refer(
            "author",
            n.author.as_ref(),
            &authors,
            "participant or guest",
        );
    }
    for x in &s.stickies {
        refer(
            "author",
            x.author.as_ref(),
            &authors,
            "participant or guest",
        );
        refer("stage", x.stage.as_ref(), &stages, "stage");
        refer("cluster", x.cluster.as_ref(), &clusters, "cluster");
    }
    for c in &s.clusters {
        refer("stage", c.stage.as_ref(), &stages, "stage");
    }
    for r in &s.rounds {
        refer("stage", r.stage.as_ref(), &stages, "stage");
    }
    for v in &s.votes {
        refer("round", Some(&v.round), &rounds, "voting round");
        refer(
            "participant",
            v.participant.as_ref(),
            &participants,
            "participant",
        );
        match &v.target {
            Target::Sticky(id) => refer("target", Some(id), &stickies, "sticky note"),
            Target::Cluster(id) => refer("target", Some(id), &clusters, "cluster"),
        }
    }
    for p in &s.prototypes {
        if let Some(st) = &p.stage
            && !stages.contains(st)
        {
            problems.push(Problem::Dangling {
                field: "stage",
                id: st.0.clone(),
                expected: "stage",
            });
        }
    }
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
    if let (Some(stage), Some(step)) = (&s.run.stage, &s.run.step)
        && let Some(st) = s.agenda.iter().find(|st| &st.id == stage)
        && steps.contains(step)
        && !st.steps.iter().any(|x| &x.id == step)
    {
        problems.push(Problem::Dangling {
            field: "run.step",
            id: step.0.clone(),
            expected: "step of the stage in run.stage",
        });
    }
    problems
}

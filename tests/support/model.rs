//! Small pieces of sessions for the tests, at a fixed time.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atelier::model::{Cluster, Id, Participant, Role, Stage, StageKind, Step, Timestamp};

/// 2026-06-12T07:30:00Z plus `secs`: every test runs at a fixed time.
pub fn t(secs: i64) -> Timestamp {
    Timestamp::from_unix(1_781_249_400 + secs).expect("a valid time")
}

pub fn step(id: &str, title: &str, minutes: u32, prompt: &str) -> Step {
    Step {
        id: Id::from(id),
        title: title.to_owned(),
        minutes,
        prompt: prompt.to_owned(),
        produces: vec![],
        started: None,
        ended: None,
    }
}

pub fn stage(id: &str, title: &str, kind: StageKind, steps: Vec<Step>) -> Stage {
    Stage {
        id: Id::from(id),
        method: String::new(),
        title: title.to_owned(),
        kind,
        steps,
        started: None,
        ended: None,
    }
}

pub fn participant(id: &str, name: &str, role: Role) -> Participant {
    Participant {
        id: Id::from(id),
        name: name.to_owned(),
        role,
        organisation: String::new(),
    }
}

/// A cluster of the stage `st-idees`.
pub fn cluster(id: &str, title: &str) -> Cluster {
    Cluster {
        id: Id::from(id),
        title: title.to_owned(),
        stage: Some(Id::from("st-idees")),
    }
}

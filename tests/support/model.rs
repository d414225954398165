//! Small pieces of sessions for the tests, at a fixed time.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atelier::model::{
    Cluster, Id, Item, Note, NoteKind, Op, Participant, Place, Role, Session, Stage, StageKind,
    Step, Timestamp, VotingRound,
};

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
/// A note, public and untagged, at `t(secs)`.
pub fn note(
    id: &str,
    kind: NoteKind,
    stage: Option<&str>,
    author: Option<&str>,
    text: &str,
    secs: i64,
) -> Note {
    Note {
        id: Id::from(id),
        kind,
        stage: stage.map(Id::from),
        author: author.map(Id::from),
        tags: vec![],
        text: text.to_owned(),
        time: t(secs),
        private: false,
    }
}

pub fn cluster(id: &str, title: &str) -> Cluster {
    Cluster {
        id: Id::from(id),
        title: title.to_owned(),
        stage: Some(Id::from("st-idees")),
    }
}

/// The round "Vote 1" (`r-1`) of the stage `st-idees`: 3 dots, at most 2
/// per item, opened at `t(900)`.
pub fn vote_1() -> VotingRound {
    VotingRound {
        id: Id::from("r-1"),
        title: "Vote 1".into(),
        stage: Some(Id::from("st-idees")),
        dots: 3,
        cap: Some(2),
        opened: t(900),
        anonymous: false,
        on_stickies: false,
    }
}

/// A new sticky `text` (pink, no author) in the inbox of `s`, made at
/// `now`, as the crash journal records it.
pub fn journaled_sticky(
    s: &mut Session,
    text: &str,
    now: Timestamp,
) -> atelier::store::journal::Record {
    let op = s.new_sticky(
        text,
        None,
        atelier::model::Colour::Pink,
        None,
        &Place::Inbox,
        now,
        Id::new(),
    );
    atelier::store::journal::Record::Ops(s.apply_logged(vec![op]).0)
}

/// A new sticky `text` (default colour, no author) at `place` in `s`,
/// made at `now`: its id.
pub fn add_sticky(s: &mut Session, text: &str, place: &Place, now: Timestamp) -> Id {
    let op = s.new_sticky(text, None, Default::default(), None, place, now, Id::new());
    let Op::Insert {
        item: Item::Sticky(x),
        ..
    } = &op
    else {
        unreachable!("new_sticky inserts a sticky")
    };
    let id = x.id.clone();
    s.apply(op);
    id
}

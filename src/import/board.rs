//! A board from another tool (a Parabol retrospective, a scrumlr board),
//! read into one shape, then into a session as ops.

use super::plan::Plan;
use super::{NoStage, Options, ROUND_DOTS, norm, resolve_stage};
use crate::i18n::LANGUAGES;
use crate::merge::same_name;
use crate::model::{
    ActionItem, ActionStatus, Colour, Guest, Id, Item, Note, NoteKind, Op, Session, Sticky, Target,
    Timestamp, Vote,
};
use crate::t;
use std::collections::{HashMap, VecDeque};

/// What a board file holds, in the terms of a session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Board {
    pub stickies: Vec<BoardSticky>,
    pub notes: Vec<BoardNote>,
    pub actions: Vec<BoardAction>,
    pub rounds: Vec<BoardRound>,
    /// Rows read but left out, or read with a guess, said to the user.
    pub warnings: Vec<Warning>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BoardSticky {
    /// 1-based line where its row starts.
    pub line: usize,
    pub text: String,
    /// A person's name, as the file writes it (`None`: anonymous).
    pub author: Option<String>,
    /// The column or prompt it was written under.
    pub tags: Vec<String>,
    /// The title of the cluster it belongs to.
    pub cluster: Option<String>,
    /// When it was written (`None`: the file does not say).
    pub time: Option<Timestamp>,
}

/// A note of the discussion (a comment, a reply).
#[derive(Clone, Debug, PartialEq)]
pub struct BoardNote {
    pub line: usize,
    pub kind: NoteKind,
    pub text: String,
    pub author: Option<String>,
    pub tags: Vec<String>,
    pub time: Option<Timestamp>,
}

/// An action decided (a task).
#[derive(Clone, Debug, PartialEq)]
pub struct BoardAction {
    pub line: usize,
    pub text: String,
}

/// One voting round: paper tallies on stickies or clusters.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardRound {
    pub name: RoundName,
    pub tallies: Vec<(Tallied, u32)>,
}

/// The round a board's votes go to; its title is in the session's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundName {
    /// Parabol's vote on the groups.
    Parabol,
    /// scrumlr's voting iteration N (from 1).
    Scrumlr(u32),
    /// scrumlr's vote totals, when the file has no iterations.
    ScrumlrTotal,
}

impl RoundName {
    pub fn title(self, lang: &str) -> String {
        match self {
            RoundName::Parabol => t!(lang, "import-round-parabol"),
            RoundName::Scrumlr(n) => t!(lang, "import-round-scrumlr", n = n),
            RoundName::ScrumlrTotal => t!(lang, "import-round-scrumlr-total"),
        }
    }
}

/// What a tally counts dots on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tallied {
    /// A sticky, by its index in [`Board::stickies`].
    Sticky(usize),
    /// A cluster, by title.
    Cluster(String),
}

/// A row read with a reservation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub what: Warn,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warn {
    /// A `type` this import does not know: the row is left out.
    UnknownType(String),
    /// Nothing written: left out.
    EmptyText,
    /// A time not understood: the import's time is used.
    Time(String),
    /// Stacked on a note that is not in the file: not stacked.
    UnknownParent(String),
}

impl Warning {
    pub fn message(&self, lang: &str) -> String {
        match &self.what {
            Warn::UnknownType(found) => {
                t!(
                    lang,
                    "import-warn-unknown-type",
                    found = format!("{found:?}")
                )
            }
            Warn::EmptyText => t!(lang, "import-warn-empty"),
            Warn::Time(found) => t!(lang, "import-warn-time", found = format!("{found:?}")),
            Warn::UnknownParent(id) => {
                t!(lang, "import-warn-parent", found = format!("{id:?}"))
            }
        }
    }
}

/// How many names a summary lists.
const LISTED: usize = 12;

/// What importing a board did (or would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardOutcome {
    pub stickies: usize,
    pub stickies_there: usize,
    pub notes: usize,
    pub notes_there: usize,
    pub actions: usize,
    pub actions_there: usize,
    pub new_clusters: Vec<String>,
    pub new_rounds: Vec<String>,
    /// Paper tallies set or changed.
    pub tallies: usize,
    pub new_guests: Vec<String>,
    /// Authors found among the session's participants.
    pub participants: Vec<String>,
}

impl BoardOutcome {
    pub fn changed(&self) -> bool {
        self.stickies + self.notes + self.actions + self.tallies > 0
            || !self.new_clusters.is_empty()
            || !self.new_rounds.is_empty()
            || !self.new_guests.is_empty()
    }

    /// What was done, in `lang`, one line each.
    pub fn summary(&self, session: &str, lang: &str) -> String {
        let mut out = t!(lang, "import-board-into", session = session);
        out.push('\n');
        let mut line = |text: String| {
            out.push_str("  ");
            out.push_str(&text);
            out.push('\n');
        };
        line(t!(
            lang,
            "import-board-stickies",
            n = self.stickies,
            there = self.stickies_there
        ));
        if self.notes + self.notes_there > 0 {
            line(t!(
                lang,
                "import-board-notes",
                n = self.notes,
                there = self.notes_there
            ));
        }
        if self.actions + self.actions_there > 0 {
            line(t!(
                lang,
                "import-board-actions",
                n = self.actions,
                there = self.actions_there
            ));
        }
        // A big board can bring thousands: the first ones say enough.
        let list = |v: &[String]| {
            let mut names = v
                .iter()
                .take(LISTED)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if v.len() > LISTED {
                names.push_str(", …");
            }
            names
        };
        if !self.new_clusters.is_empty() {
            line(t!(
                lang,
                "import-board-clusters",
                n = self.new_clusters.len(),
                names = list(&self.new_clusters)
            ));
        }
        if !self.new_rounds.is_empty() {
            line(t!(
                lang,
                "import-board-rounds",
                n = self.new_rounds.len(),
                names = list(&self.new_rounds)
            ));
        }
        if self.tallies > 0 {
            line(t!(lang, "import-board-tallies", n = self.tallies));
        }
        if !self.participants.is_empty() {
            line(t!(
                lang,
                "import-board-participants",
                n = self.participants.len(),
                names = list(&self.participants)
            ));
        }
        if !self.new_guests.is_empty() {
            line(t!(
                lang,
                "import-board-guests",
                n = self.new_guests.len(),
                names = list(&self.new_guests)
            ));
        }
        out
    }
}

/// The session being changed, and the ops that change it.
struct Planner<'a> {
    plan: Plan,
    out: BoardOutcome,
    now: Timestamp,
    lang: &'a str,
    /// Authors by folded name: participants, then guests.
    people: HashMap<String, Id>,
}

impl Planner<'_> {
    /// A participant of that name, else a guest of that name (made once).
    fn author(&mut self, name: Option<&str>) -> Option<Id> {
        let name = name.map(norm).filter(|n| !n.is_empty())?;
        let key = same_name(&name);
        if let Some(id) = self.people.get(&key) {
            if let Some(p) = self.plan.work.participant(id)
                && !self.out.participants.contains(&p.name)
            {
                self.out.participants.push(p.name.clone());
            }
            return Some(id.clone());
        }
        let guest = Guest {
            id: Id::new(),
            name: name.clone(),
        };
        let id = guest.id.clone();
        self.out.new_guests.push(name);
        self.plan.push(Op::Insert {
            at: usize::MAX,
            item: Item::Guest(guest),
        });
        self.people.insert(key, id.clone());
        Some(id)
    }

    /// The round of that name, in any language, made when missing.
    fn round(&mut self, name: RoundName) -> Id {
        let titles: Vec<String> = LANGUAGES
            .iter()
            .map(|l| same_name(&name.title(l)))
            .collect();
        if let Some(r) = self
            .plan
            .work
            .rounds
            .iter()
            .find(|r| titles.contains(&same_name(&r.title)))
        {
            return r.id.clone();
        }
        let title = name.title(self.lang);
        let (id, op) = self.plan.work.new_round(
            &title,
            ROUND_DOTS,
            None,
            self.plan.stage.clone(),
            self.now,
            Id::new(),
        );
        self.out.new_rounds.push(title);
        self.plan.push(op);
        id
    }
}

/// Items already in the session by key, in session order: the n-th item
/// of a file with a key is the n-th one in the session, so a second import
/// finds everything and the same text twice in one file is kept twice.
fn index<T>(
    items: &[T],
    key: impl Fn(&T) -> (String, Option<Id>),
    id: impl Fn(&T) -> Id,
) -> HashMap<(String, Option<Id>), VecDeque<Id>> {
    let mut map: HashMap<(String, Option<Id>), VecDeque<Id>> = HashMap::new();
    for x in items {
        map.entry(key(x)).or_default().push_back(id(x));
    }
    map
}

/// The ops importing `board` into `s`, and what they do. An error when
/// `--stage` names no stage. Times the file does not give are `now`;
/// round titles are in `lang` (the session's language).
pub fn plan_board(
    s: &Session,
    board: &Board,
    opts: &Options,
    lang: &str,
    now: Timestamp,
) -> Result<(Vec<Op>, BoardOutcome), NoStage> {
    let stage = resolve_stage(s, opts)?;
    let mut p = Planner::new(s, stage, now, lang);
    let ids = p.stickies(s, &board.stickies);
    p.notes(s, &board.notes);
    p.actions(s, &board.actions);
    p.tallies(s, &board.rounds, &ids);
    p.out.new_clusters = p.plan.new_clusters;
    Ok((p.plan.ops, p.out))
}

impl<'a> Planner<'a> {
    /// A planner working on a copy of `s`, which knows its people and
    /// clusters by folded name.
    fn new(s: &Session, stage: Option<Id>, now: Timestamp, lang: &'a str) -> Planner<'a> {
        let people = s
            .guests
            .iter()
            .rev()
            .map(|g| (same_name(&g.name), g.id.clone()))
            .chain(
                s.participants
                    .iter()
                    .rev()
                    .map(|p| (same_name(&p.name), p.id.clone())),
            )
            .collect();
        Planner {
            plan: Plan::new(s, stage),
            out: BoardOutcome::default(),
            now,
            lang,
            people,
        }
    }

    /// The board's stickies not already in `s`, added; the id of each
    /// (new or found), in the board's order.
    fn stickies(&mut self, s: &Session, board: &[BoardSticky]) -> Vec<Id> {
        let mut stickies = index(
            &s.stickies,
            |x| (norm(&x.text), x.author.clone()),
            |x| x.id.clone(),
        );
        let mut ids: Vec<Id> = Vec::with_capacity(board.len());
        for x in board {
            let author = self.author(x.author.as_deref());
            if let Some(id) = stickies
                .get_mut(&(norm(&x.text), author.clone()))
                .and_then(VecDeque::pop_front)
            {
                self.out.stickies_there += 1;
                ids.push(id);
                continue;
            }
            let cluster = x.cluster.as_deref().map(|c| self.plan.cluster(c));
            let sticky = Sticky {
                id: Id::new(),
                text: x.text.clone(),
                author,
                colour: Colour::default(),
                stage: self.plan.stage.clone(),
                cluster,
                parked: false,
                time: x.time.unwrap_or(self.now),
                tags: x.tags.clone(),
                private: false,
            };
            ids.push(sticky.id.clone());
            self.out.stickies += 1;
            self.plan.push(Op::Insert {
                at: usize::MAX,
                item: Item::Sticky(sticky),
            });
        }
        ids
    }

    /// The board's notes not already in `s`, added.
    fn notes(&mut self, s: &Session, board: &[BoardNote]) {
        let mut notes = index(
            &s.notes,
            |x| (norm(&x.text), x.author.clone()),
            |x| x.id.clone(),
        );
        for x in board {
            let author = self.author(x.author.as_deref());
            if notes
                .get_mut(&(norm(&x.text), author.clone()))
                .and_then(VecDeque::pop_front)
                .is_some()
            {
                self.out.notes_there += 1;
                continue;
            }
            let note = Note {
                id: Id::new(),
                kind: x.kind,
                stage: self.plan.stage.clone(),
                author,
                tags: x.tags.clone(),
                text: x.text.clone(),
                time: x.time.unwrap_or(self.now),
                private: false,
            };
            self.out.notes += 1;
            self.plan.push(Op::Insert {
                at: usize::MAX,
                item: Item::Note(note),
            });
        }
    }

    /// The board's actions not already in `s`, added.
    fn actions(&mut self, s: &Session, board: &[BoardAction]) {
        let mut actions = index(&s.actions, |x| (norm(&x.text), None), |x| x.id.clone());
        for x in board {
            if actions
                .get_mut(&(norm(&x.text), None))
                .and_then(VecDeque::pop_front)
                .is_some()
            {
                self.out.actions_there += 1;
                continue;
            }
            let action = ActionItem {
                id: Id::new(),
                text: x.text.clone(),
                owner: String::new(),
                due: None,
                status: ActionStatus::Todo,
            };
            self.out.actions += 1;
            self.plan.push(Op::Insert {
                at: usize::MAX,
                item: Item::Action(action),
            });
        }
    }

    /// The board's paper tallies, added or replacing those of `s` that
    /// differ; `ids` are the board's stickies in `s`.
    fn tallies(&mut self, s: &Session, rounds: &[BoardRound], ids: &[Id]) {
        // Paper tallies already in the session, by round and target: where
        // they are in its votes (votes are only added or replaced here).
        let mut tallies: HashMap<(Id, Target), usize> = s
            .votes
            .iter()
            .enumerate()
            .filter(|(_, v)| v.participant.is_none())
            .map(|(i, v)| ((v.round.clone(), v.target.clone()), i))
            .collect();
        for round in rounds {
            let rid = self.round(round.name);
            for (what, count) in &round.tallies {
                let target = match what {
                    Tallied::Sticky(i) => match ids.get(*i) {
                        Some(id) => Target::Sticky(id.clone()),
                        None => continue,
                    },
                    Tallied::Cluster(title) => Target::Cluster(self.plan.cluster(title)),
                };
                let key = (rid.clone(), target);
                let op = match tallies.get(&key).and_then(|&i| self.plan.work.votes.get(i)) {
                    Some(v) if v.count == *count => continue,
                    Some(v) => Op::Replace(Item::Vote(Vote {
                        count: *count,
                        ..v.clone()
                    })),
                    None => {
                        let (round, target) = key.clone();
                        tallies.insert(key, self.plan.work.votes.len());
                        Op::Insert {
                            at: usize::MAX,
                            item: Item::Vote(Vote {
                                id: Id::new(),
                                round,
                                participant: None,
                                target,
                                count: *count,
                            }),
                        }
                    }
                };
                self.out.tallies += 1;
                self.plan.push(op);
            }
        }
    }
}

//! The workshop as data: no terminal, no I/O.
//!
//! A [`Session`] is everything a workshop produced. It is what the session
//! file holds (see `docs/format.md`), field for field.

mod bad_value;
mod ballot;
mod board;
mod change;
pub mod conflict;
mod edit;
mod id;
mod lookup;
mod run;
mod schedule;
pub mod suggest;
pub mod text;
pub mod time;
mod validate;

pub use bad_value::BadValue;
pub use ballot::{
    BALLOT_MAX_ITEMS, Ballot, BallotItem, BallotMemory, BallotOn, BallotRefused, RememberedBallot,
    RoundSpec, Voter,
};
pub use board::{Place, Ranked, VoteRefused};
pub use change::{Item, Kind, Op, Traced};
pub use edit::{Detail, DetailError};
pub use id::{Id, Ids};
pub use lookup::StickyIndex;
pub use run::StepPos;
pub use schedule::{ClockTime, PlannedStep};
pub use time::{Timestamp, UnknownZone, Zone};
pub use validate::{Problem, validate};

use ::time::Date;
use serde::{Deserialize, Serialize};

/// The version of the session file format this build writes.
/// Older versions are migrated on load (see `store::migrate`).
pub const FORMAT: u32 = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    pub id: Id,
    pub title: String,
    /// Language of the session's own texts and of its exports (`"en"`, `"fr"`).
    #[serde(default)]
    pub language: Option<String>,
    pub challenge: Challenge,
    #[serde(default, with = "time::iso_date::option")]
    pub date: Option<Date>,
    /// The workshop's own time zone (an IANA name such as `"Europe/Paris"`):
    /// exports and screens show its local times wherever they are opened.
    /// A name the tz database does not know does not load.
    #[serde(default, deserialize_with = "time::zone_name::deserialize")]
    pub time_zone: Option<String>,
    /// When the day starts, on the session's own clock (`"09:30"`): the
    /// agenda's planned clock times count from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<ClockTime>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub facilitators: Vec<String>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// People who wrote something without being participants: a name typed
    /// on a phone, an author in an imported board. Authors like anyone else
    /// (anonymized alike), but not counted as taking part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<Guest>,
    #[serde(default)]
    pub agenda: Vec<Stage>,
    #[serde(default)]
    pub run: Run,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub stickies: Vec<Sticky>,
    #[serde(default)]
    pub clusters: Vec<Cluster>,
    #[serde(default)]
    pub rounds: Vec<VotingRound>,
    #[serde(default)]
    pub votes: Vec<Vote>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    /// Comments added by participants reviewing the session afterwards.
    /// They never change the workshop's own content.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// Prototypes made and tested in the room.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prototypes: Vec<Prototype>,
    /// Photos, videos, audio and links, attached to the session or to an
    /// item; files live in `<session>.media/`, named by content hash.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Items that two merged copies changed differently: the other version,
    /// kept for the facilitator to pick.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Where each sticky stands, by id (not part of the file; see `lookup`).
    #[serde(skip)]
    pub sticky_index: lookup::StickyIndex,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    pub statement: String,
    pub origin: Origin,
}

/// Who raised the challenge the workshop works on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// Raised by the public (citizens, users, associations).
    Public,
    /// Raised by the administration itself.
    #[default]
    Administration,
    /// Raised by elected officials.
    Elected,
    Other,
}

impl Origin {
    pub const ALL: [Origin; 4] = [
        Origin::Public,
        Origin::Administration,
        Origin::Elected,
        Origin::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Origin::Public => "raised by the public",
            Origin::Administration => "raised by the administration",
            Origin::Elected => "raised by elected officials",
            Origin::Other => "other",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: Id,
    pub name: String,
    pub role: Role,
    /// Organisation or department, free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
}

/// Someone who wrote a sticky or a note without being a participant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guest {
    pub id: Id,
    pub name: String,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Role {
    #[default]
    CivilServant,
    ElectedOfficial,
    Citizen,
    Partner,
    Other,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::CivilServant,
        Role::ElectedOfficial,
        Role::Citizen,
        Role::Partner,
        Role::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::CivilServant => "civil servant",
            Role::ElectedOfficial => "elected official",
            Role::Citizen => "citizen",
            Role::Partner => "partner",
            Role::Other => "other",
        }
    }
}

/// The kinds of stage a workshop moves through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StageKind {
    Opening,
    Immersion,
    Interviews,
    Synthesis,
    Ideation,
    Prototyping,
    Testing,
    Closing,
    /// A break or lunch: one step of some minutes, no method.
    Break,
}

impl StageKind {
    pub const ALL: [StageKind; 9] = [
        StageKind::Opening,
        StageKind::Immersion,
        StageKind::Interviews,
        StageKind::Synthesis,
        StageKind::Ideation,
        StageKind::Prototyping,
        StageKind::Testing,
        StageKind::Closing,
        StageKind::Break,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StageKind::Opening => "opening",
            StageKind::Immersion => "immersion",
            StageKind::Interviews => "interviews and observation",
            StageKind::Synthesis => "synthesis",
            StageKind::Ideation => "ideation",
            StageKind::Prototyping => "prototyping",
            StageKind::Testing => "testing and experimentation",
            StageKind::Closing => "closing",
            StageKind::Break => "break",
        }
    }
}

/// What a step of a method produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Produces {
    Notes,
    Stickies,
    Clusters,
    Votes,
    Actions,
    /// A drawing, a map, a prototype, a card: a thing made in the room.
    Artifact,
    /// Photos, video or audio clips.
    Media,
}

/// One stage of the agenda: a method, run as a sequence of timed steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: Id,
    /// The id of the library method this stage was built from (empty when hand-made).
    #[serde(default)]
    pub method: String,
    pub title: String,
    pub kind: StageKind,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub started: Option<Timestamp>,
    #[serde(default)]
    pub ended: Option<Timestamp>,
}

impl Stage {
    pub fn planned_minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes).sum()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Id,
    pub title: String,
    pub minutes: u32,
    /// What the facilitator says or asks to launch the step.
    #[serde(default)]
    pub prompt: String,
    #[serde(default)]
    pub produces: Vec<Produces>,
    #[serde(default)]
    pub started: Option<Timestamp>,
    #[serde(default)]
    pub ended: Option<Timestamp>,
}

/// Where the live workshop is: the current step and its timer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    #[serde(default)]
    pub stage: Option<Id>,
    #[serde(default)]
    pub step: Option<Id>,
    #[serde(default)]
    pub timer: Timer,
}

/// A countdown kept as a wall-clock deadline, so that quitting, a crash or
/// a suspended laptop resumes at the right time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Timer {
    /// Not started for the current step.
    #[default]
    Idle,
    /// Counting down to `deadline`.
    Running { deadline: Timestamp },
    /// Paused with `remaining` seconds left (negative when already overrun).
    Paused { remaining: i64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NoteKind {
    Observation,
    Quote,
    Insight,
    Question,
    Idea,
    Decision,
    Action,
}

impl NoteKind {
    pub const ALL: [NoteKind; 7] = [
        NoteKind::Observation,
        NoteKind::Quote,
        NoteKind::Insight,
        NoteKind::Question,
        NoteKind::Idea,
        NoteKind::Decision,
        NoteKind::Action,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Observation => "observation",
            NoteKind::Quote => "quote",
            NoteKind::Insight => "insight",
            NoteKind::Question => "question",
            NoteKind::Idea => "idea",
            NoteKind::Decision => "decision",
            NoteKind::Action => "action",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: Id,
    pub kind: NoteKind,
    #[serde(default)]
    pub stage: Option<Id>,
    #[serde(default)]
    pub author: Option<Id>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub text: String,
    pub time: Timestamp,
    /// For the facilitators only: left out of every export unless asked for.
    #[serde(default, skip_serializing_if = "is_false")]
    pub private: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Colour {
    #[default]
    Yellow,
    Pink,
    Blue,
    Green,
    Orange,
    Purple,
}

impl Colour {
    pub const ALL: [Colour; 6] = [
        Colour::Yellow,
        Colour::Pink,
        Colour::Blue,
        Colour::Green,
        Colour::Orange,
        Colour::Purple,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Colour::Yellow => "yellow",
            Colour::Pink => "pink",
            Colour::Blue => "blue",
            Colour::Green => "green",
            Colour::Orange => "orange",
            Colour::Purple => "purple",
        }
    }

    pub fn next(self) -> Colour {
        let i = Colour::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Colour::ALL[(i + 1) % Colour::ALL.len()]
    }

    /// The colour as `#rrggbb`, for exports.
    pub fn hex(self) -> &'static str {
        match self {
            Colour::Yellow => "#fff3a3",
            Colour::Pink => "#ffc8dd",
            Colour::Blue => "#bde0fe",
            Colour::Green => "#c7f0bd",
            Colour::Orange => "#ffd6a5",
            Colour::Purple => "#dcc6f5",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sticky {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub author: Option<Id>,
    #[serde(default)]
    pub colour: Colour,
    #[serde(default)]
    pub stage: Option<Id>,
    /// The cluster the sticky is grouped in; `None` is the inbox (or the parking lot).
    #[serde(default)]
    pub cluster: Option<Id>,
    /// In the parking lot: kept aside, out of the clusters.
    #[serde(default, skip_serializing_if = "is_false")]
    pub parked: bool,
    pub time: Timestamp,
    /// Words to find or group it by (an imported board's column, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// For the facilitators only: left out of every export unless asked for.
    #[serde(default, skip_serializing_if = "is_false")]
    pub private: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub stage: Option<Id>,
}

/// A dot-voting round: each participant has `dots` to spend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VotingRound {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub stage: Option<Id>,
    /// Dots per participant.
    pub dots: u32,
    /// Most dots one participant may put on one item.
    #[serde(default)]
    pub cap: Option<u32>,
    pub opened: Timestamp,
    /// Ballots from phones are anonymous: no name is asked, and their dots
    /// go to the round's tallies (see `ballot.rs`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub anonymous: bool,
    /// The phones' ballot lists the stickies even when the board has
    /// clusters (a board without clusters always votes on stickies).
    #[serde(default, skip_serializing_if = "is_false")]
    pub on_stickies: bool,
}

/// What a dot lands on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Target {
    Sticky(Id),
    Cluster(Id),
}

impl Target {
    pub fn id(&self) -> &Id {
        match self {
            Target::Sticky(id) | Target::Cluster(id) => id,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub id: Id,
    pub round: Id,
    /// Who voted; `None` for a tally typed in from a paper dot vote.
    #[serde(default)]
    pub participant: Option<Id>,
    pub target: Target,
    pub count: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Todo,
    Doing,
    Done,
    Dropped,
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Todo => "to do",
            ActionStatus::Doing => "in progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Still to be carried out: to do or under way.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Todo | ActionStatus::Doing)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub id: Id,
    pub text: String,
    /// Who carries it: a person or a department, free text.
    #[serde(default)]
    pub owner: String,
    #[serde(default, with = "time::iso_date::option")]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: ActionStatus,
}

/// A comment left while reviewing a session afterwards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub id: Id,
    /// The item commented on (any id in the session), or `None` for the session.
    #[serde(default)]
    pub about: Option<Id>,
    #[serde(default)]
    pub author: String,
    pub text: String,
    pub time: Timestamp,
}

/// A prototype: what it tests, the hypothesis from its test card, the
/// feedback gathered, and what was decided.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prototype {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub stage: Option<Id>,
    /// What it tests.
    #[serde(default)]
    pub tests: String,
    /// "We believe that..." from the test card.
    #[serde(default)]
    pub hypothesis: String,
    #[serde(default)]
    pub feedback: Vec<String>,
    #[serde(default)]
    pub verdict: Option<Verdict>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Keep,
    Change,
    Drop,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Keep => "keep",
            Verdict::Change => "change",
            Verdict::Drop => "drop",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MediaKind {
    Image,
    Video,
    Audio,
    Link,
}

/// A file or a link attached to the session or to one of its items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub id: Id,
    /// The item it belongs to (a note, sticky, cluster, stage, prototype),
    /// or `None` for the session.
    #[serde(default)]
    pub to: Option<Id>,
    pub kind: MediaKind,
    /// A path relative to the session's folder (`demo.media/3f2a….jpg`),
    /// or a URL for a link.
    pub path: String,
    /// SHA-256 of the file's content, hex (empty for links).
    #[serde(default)]
    pub hash: String,
    #[serde(default)]
    pub caption: String,
    #[serde(default)]
    pub author: String,
    pub time: Timestamp,
}

/// What a merge conflict is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ConflictAbout {
    /// An item of the session, by id.
    Item(Id),
    /// A field of the session itself (`"title"`, `"place"`, ...).
    Field(String),
}

/// The version not kept in place, for the facilitator to pick instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ConflictValue {
    Item(Box<change::Item>),
    Text(String),
    /// The other side deleted it.
    Deleted,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub id: Id,
    pub about: ConflictAbout,
    pub other: ConflictValue,
    /// Why the merge recorded it (the app says it in the reader's words);
    /// none in files from before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<ConflictWhy>,
    /// Where each version came from, in words.
    #[serde(default)]
    pub note: String,
}

/// Why a merge recorded a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictWhy {
    /// Both sides changed it; ours is in place, theirs is recorded.
    BothChanged,
    /// Ours changed it, theirs deleted it: the change is kept.
    OursChanged,
    /// Theirs changed it, ours deleted it: the change is kept.
    TheirsChanged,
}

impl Session {
    /// The actions still open, by their texts: the plan's to do or under
    /// way, then the notes of kind action, which are actions not yet
    /// assigned (the exports list them so): the one count of open actions.
    pub fn open_actions(&self) -> impl Iterator<Item = &str> {
        let plan = self.actions.iter().filter(|a| a.status.is_open());
        let notes = self.notes.iter().filter(|n| n.kind == NoteKind::Action);
        plan.map(|a| a.text.as_str())
            .chain(notes.map(|n| n.text.as_str()))
    }

    /// How many notes of kind action wait to be made actions of the plan.
    pub fn unassigned_actions(&self) -> usize {
        let notes = self.notes.iter();
        notes.filter(|n| n.kind == NoteKind::Action).count()
    }

    /// An empty session with an id and a title.
    pub fn new(id: Id, title: impl Into<String>) -> Self {
        Session {
            format: FORMAT,
            id,
            title: title.into(),
            language: None,
            challenge: Challenge::default(),
            date: None,
            time_zone: None,
            start: None,
            place: String::new(),
            facilitators: Vec::new(),
            participants: Vec::new(),
            guests: Vec::new(),
            agenda: Vec::new(),
            run: Run::default(),
            notes: Vec::new(),
            stickies: Vec::new(),
            clusters: Vec::new(),
            rounds: Vec::new(),
            votes: Vec::new(),
            actions: Vec::new(),
            comments: Vec::new(),
            prototypes: Vec::new(),
            attachments: Vec::new(),
            conflicts: Vec::new(),
            sticky_index: Default::default(),
        }
    }

    pub fn participant(&self, id: &Id) -> Option<&Participant> {
        self.participants.iter().find(|p| &p.id == id)
    }

    pub fn guest(&self, id: &Id) -> Option<&Guest> {
        self.guests.iter().find(|g| &g.id == id)
    }

    /// The name of an author: a participant's, or a guest's.
    pub fn participant_name(&self, id: Option<&Id>) -> &str {
        let Some(id) = id else { return "" };
        self.participant(id)
            .map(|p| p.name.as_str())
            .or_else(|| self.guest(id).map(|g| g.name.as_str()))
            .unwrap_or("")
    }

    pub fn stage(&self, id: &Id) -> Option<&Stage> {
        self.agenda.iter().find(|s| &s.id == id)
    }

    /// A step of the agenda by id, to change it.
    pub fn step_mut(&mut self, id: &Id) -> Option<&mut Step> {
        self.agenda
            .iter_mut()
            .flat_map(|st| st.steps.iter_mut())
            .find(|x| &x.id == id)
    }

    pub fn cluster(&self, id: &Id) -> Option<&Cluster> {
        self.clusters.iter().find(|c| &c.id == id)
    }

    /// Total planned minutes of the agenda.
    pub fn planned_minutes(&self) -> u32 {
        self.agenda.iter().map(Stage::planned_minutes).sum()
    }

    /// Dots on a target, over all rounds.
    pub fn votes_for(&self, target: &Target) -> u32 {
        self.votes
            .iter()
            .filter(|v| &v.target == target)
            .map(|v| v.count)
            .sum()
    }
}

//! What a summary shows, computed once from a session for the Markdown and
//! HTML exports and the programme report: plain (unescaped) texts with
//! their control characters already made visible.

mod board;
mod media;
mod summary;

pub use board::board;
pub use summary::summary;

use super::labels::Labels;
use super::text::clean_line;
use crate::model::{ActionStatus, Id, Session, Timestamp};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Summary {
    pub lang: &'static str,
    pub title: String,
    pub date: Option<String>,
    pub iso_date: Option<String>,
    pub place: String,
    pub facilitators: Vec<String>,
    pub anonymized: bool,
    pub challenge: String,
    pub origin: String,
    pub origin_public: bool,
    pub participants_total: usize,
    pub participants_line: String,
    pub roles: Vec<RoleGroup>,
    pub facts: Vec<Fact>,
    pub agenda: Vec<StageRow>,
    pub planned_total: u32,
    pub actual_total: Option<i64>,
    pub diff_total: Option<String>,
    pub times_note: String,
    pub notes: Vec<StageNotes>,
    pub notes_total: usize,
    pub rounds: Vec<RoundView>,
    pub decisions: Vec<NoteView>,
    pub actions: Vec<ActionView>,
    pub comments: Vec<CommentView>,
    pub board: Board,
    pub prototypes: Vec<PrototypeView>,
    /// Media of the stages, then the others (the session's, the sticky
    /// notes'); media of notes, clusters and prototypes are shown with them.
    pub media: Vec<MediaGroup>,
    /// Media were left out (an anonymized export without `--with-media`).
    pub media_left_out: bool,
}

/// A photo, a video, an audio recording or a link.
#[derive(Debug, Serialize)]
pub struct MediaView {
    /// `image`, `video`, `audio` or `link`.
    pub key: &'static str,
    /// "photo", "video"... in the session's language.
    pub kind: &'static str,
    pub caption: String,
    /// What it is attached to, when shown away from it.
    pub about: String,
    /// The picture to show: a `data:` URI, or a relative URL when the files
    /// were not read. Made of `A-Za-z0-9+/=:;,.-_~%` only: safe as is in an
    /// attribute.
    pub img: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// The file's relative URL, percent-encoded (safe as is in an attribute
    /// or a Markdown link).
    pub file: Option<String>,
    /// A web address (http or https only), to be escaped.
    pub url: Option<String>,
    /// Shown instead of the file: "missing photo: caption".
    pub problem: Option<String>,
    /// A remark on a picture linked rather than shown.
    pub remark: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct MediaGroup {
    pub title: String,
    pub items: Vec<MediaView>,
}

#[derive(Debug, Serialize)]
pub struct PrototypeView {
    pub name: String,
    pub stage: String,
    pub tests: String,
    pub hypothesis: String,
    pub feedback: Vec<String>,
    pub verdict: Option<&'static str>,
    /// `keep`, `change`, `drop` or `none`.
    pub verdict_key: &'static str,
    pub media: Vec<MediaView>,
}

#[derive(Debug, Serialize)]
pub struct Fact {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct RoleGroup {
    pub label: &'static str,
    pub count: usize,
    /// Empty when anonymized: only the count is shown.
    pub people: Vec<Person>,
}

#[derive(Debug, Serialize)]
pub struct Person {
    pub name: String,
    pub organisation: String,
}

#[derive(Debug, Serialize)]
pub struct StageRow {
    pub number: usize,
    pub title: String,
    pub kind: &'static str,
    pub start: Option<String>,
    pub planned: u32,
    pub actual: Option<i64>,
    pub diff: Option<String>,
    pub over: bool,
    pub steps: Vec<StepRow>,
}

#[derive(Debug, Serialize)]
pub struct StepRow {
    pub number: String,
    pub title: String,
    pub planned: u32,
    pub actual: Option<i64>,
    pub diff: Option<String>,
    pub over: bool,
}

#[derive(Debug, Serialize)]
pub struct StageNotes {
    /// The stage's number in the agenda; `None` for notes of no stage.
    pub number: Option<usize>,
    pub title: String,
    pub count: usize,
    pub groups: Vec<KindGroup>,
}

#[derive(Debug, Serialize)]
pub struct KindGroup {
    pub label: &'static str,
    pub key: &'static str,
    pub notes: Vec<NoteView>,
}

#[derive(Debug, Serialize)]
pub struct NoteView {
    pub text: String,
    pub author: String,
    pub time: String,
    pub stage: String,
    pub tags: Vec<String>,
    pub media: Vec<MediaView>,
}

#[derive(Debug, Serialize)]
pub struct RoundView {
    pub title: String,
    pub rules: String,
    pub ranked: Vec<RankedView>,
}

#[derive(Debug, Serialize)]
pub struct RankedView {
    /// "1", or "2=" for a tie.
    pub rank: String,
    /// The rank as a number (ties share it).
    pub place: usize,
    pub text: String,
    /// The cluster of a sticky, or "group, 9 sticky notes" for a cluster.
    pub detail: String,
    pub votes: u32,
    /// "3 votes", "1 vote".
    pub votes_line: String,
    pub colour: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct ActionView {
    pub text: String,
    pub owner: String,
    pub due: Option<String>,
    pub status: &'static str,
    /// `todo`, `doing`, `done`, `dropped`, or [`UNASSIGNED`] for a note of
    /// kind "action" not yet made an action of the plan.
    pub status_key: &'static str,
}

/// The status key of a note of kind "action": shown with the actions,
/// with no owner, due date nor status yet.
pub const UNASSIGNED: &str = "unassigned";

#[derive(Debug, Serialize)]
pub struct CommentView {
    pub text: String,
    pub author: String,
    pub date: String,
    /// The clock time it was written, on the session's clock.
    pub time: String,
    pub about: String,
}

#[derive(Debug, Serialize)]
pub struct Board {
    pub stages: Vec<BoardStage>,
    /// Written by `html::board_detail`, not by the template.
    #[serde(skip)]
    pub inbox: Vec<StickyView>,
    #[serde(skip)]
    pub parking: Vec<StickyView>,
    pub stickies: usize,
    pub clusters: usize,
    pub summary_line: String,
}

#[derive(Debug, Serialize)]
pub struct BoardStage {
    pub title: Option<String>,
    pub clusters: Vec<ClusterView>,
}

#[derive(Debug, Serialize)]
pub struct ClusterView {
    #[serde(skip)]
    pub id: Id,
    pub title: String,
    pub count: usize,
    pub line: String,
    pub group_votes: u32,
    pub sticky_votes: u32,
    /// Written by `html::board_detail`, not by the template: not
    /// serialized for it.
    #[serde(skip)]
    pub stickies: Vec<StickyView>,
    pub media: Vec<MediaView>,
}

#[derive(Debug, Serialize)]
pub struct StickyView {
    pub text: String,
    /// Not in the HTML templates: not serialized for them (10,000 values
    /// fewer to build on a big board).
    #[serde(skip)]
    pub author: String,
    pub colour: &'static str,
    pub votes: u32,
}

pub fn status_key(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Todo => "todo",
        ActionStatus::Doing => "doing",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    }
}

/// "5 h 10" (French) or "5 h 10 min".
pub fn duration(minutes: i64, l: &Labels) -> String {
    l.duration(minutes)
}

/// Split "12 participants" into ("12", "participants").
fn fact(phrase: String) -> Fact {
    match phrase.split_once(' ') {
        Some((v, l)) => Fact {
            value: v.to_owned(),
            label: l.to_owned(),
        },
        None => Fact {
            value: phrase,
            label: String::new(),
        },
    }
}

/// One line of at most `n` characters, with "…" when cut.
pub fn short(text: &str, n: usize) -> String {
    let line = clean_line(text);
    if line.chars().count() <= n {
        line
    } else {
        let mut s: String = line.chars().take(n).collect();
        s.push('…');
        s
    }
}

/// When a session was last worked on: its latest recorded time (stage and
/// step marks, notes, stickies, rounds), or the Unix epoch when it has none.
pub fn latest(s: &Session) -> Timestamp {
    recorded(s)
        .max()
        .or_else(|| Timestamp::from_unix(0))
        .unwrap_or_else(|| Timestamp::from(time::OffsetDateTime::UNIX_EPOCH))
}

/// Every moment the session recorded as it ran: the agenda's starts and
/// ends, notes, stickies, rounds opened.
pub fn recorded(s: &Session) -> impl Iterator<Item = Timestamp> + Clone + '_ {
    let marks = s.agenda.iter().flat_map(|st| {
        [st.started, st.ended].into_iter().flatten().chain(
            st.steps
                .iter()
                .flat_map(|x| [x.started, x.ended].into_iter().flatten()),
        )
    });
    marks
        .chain(s.notes.iter().map(|n| n.time))
        .chain(s.stickies.iter().map(|x| x.time))
        .chain(s.rounds.iter().map(|r| r.opened))
}

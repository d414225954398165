//! What a summary shows, computed once from a session for the Markdown and
//! HTML exports and the programme report: plain (unescaped) texts with
//! their control characters already made visible.

use super::labels::{Labels, MediaWhy};
use super::media::{FileState, Media, relative_url, web_url};
use super::text::{clean, clean_line, clean_trim, clock, iso_date, signed, zone_name};
use super::{Options, last_recorded, zone_of};
use crate::model::{
    ActionStatus, Attachment, Id, MediaKind, NoteKind, Origin, Role, Session, StepPos, Target,
    Timestamp, Verdict,
};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

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
    pub inbox: Vec<StickyView>,
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

/// What a summary shows of `s` (already prepared: anonymized when asked),
/// with the files found in `media`; `left_out` is how many attachments
/// the preparation left out.
pub fn summary(
    s: &Session,
    opts: &Options,
    l: &'static Labels,
    media: &Media,
    left_out: usize,
) -> Summary {
    let now = last_recorded(s);
    let mut by_item: HashMap<&Id, Vec<&Attachment>> = HashMap::new();
    for a in &s.attachments {
        if let Some(to) = &a.to {
            by_item.entry(to).or_default().push(a);
        }
    }
    let media_of = |id: &Id| -> Vec<MediaView> {
        by_item.get(id).map_or_else(Vec::new, |list| {
            list.iter()
                .map(|a| media_view(a, media, l, String::new()))
                .collect()
        })
    };
    let zone = zone_of(s, opts);
    let author = |id: Option<&Id>| clean_line(s.participant_name(id));
    let stage_title = |id: Option<&Id>| {
        id.and_then(|id| s.stage(id))
            .map(|st| clean_line(&st.title))
            .unwrap_or_default()
    };

    let roles = Role::ALL
        .iter()
        .filter_map(|&role| {
            let people: Vec<_> = s.participants.iter().filter(|p| p.role == role).collect();
            (!people.is_empty()).then(|| RoleGroup {
                label: l.roles(role),
                count: people.len(),
                people: if opts.anonymize {
                    Vec::new()
                } else {
                    people
                        .iter()
                        .map(|p| Person {
                            name: clean_line(&p.name),
                            organisation: clean_line(&p.organisation),
                        })
                        .collect()
                },
            })
        })
        .collect();

    let agenda: Vec<StageRow> = s
        .agenda
        .iter()
        .enumerate()
        .map(|(si, st)| {
            let actual = s.stage_actual_minutes(si, now);
            let planned = st.planned_minutes();
            StageRow {
                number: si + 1,
                title: clean_line(&st.title),
                kind: l.stage_kind(st.kind),
                start: st.started.map(|t| clock(t, &zone)),
                planned,
                actual,
                diff: actual.map(|a| signed(a - i64::from(planned))),
                over: actual.is_some_and(|a| a > i64::from(planned)),
                steps: st
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, step)| {
                        let actual = s.step_actual_minutes(StepPos { stage: si, step: i }, now);
                        StepRow {
                            number: format!("{}.{}", si + 1, i + 1),
                            title: clean_line(&step.title),
                            planned: step.minutes,
                            actual,
                            diff: actual.map(|a| signed(a - i64::from(step.minutes))),
                            over: actual.is_some_and(|a| a > i64::from(step.minutes)),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let planned_total = s.planned_minutes();
    let ran: Vec<i64> = agenda.iter().filter_map(|r| r.actual).collect();
    let actual_total = (!ran.is_empty()).then(|| ran.iter().sum::<i64>());

    let note_view = |n: &crate::model::Note| NoteView {
        text: clean_trim(&n.text),
        author: author(n.author.as_ref()),
        time: clock(n.time, &zone),
        stage: stage_title(n.stage.as_ref()),
        tags: n.tags.iter().map(|t| clean_line(t)).collect(),
        media: media_of(&n.id),
    };
    let mut sorted_notes: Vec<_> = s.notes.iter().enumerate().collect();
    sorted_notes.sort_by_key(|(i, n)| (n.time, *i));
    let mut notes = Vec::new();
    let stage_ids: Vec<Option<&Id>> = s
        .agenda
        .iter()
        .map(|st| Some(&st.id))
        .chain(std::iter::once(None))
        .collect();
    for (si, stage_id) in stage_ids.iter().enumerate() {
        let here: Vec<_> = sorted_notes
            .iter()
            .map(|(_, n)| *n)
            .filter(|n| match stage_id {
                Some(id) => n.stage.as_ref() == Some(*id),
                None => n.stage.as_ref().is_none_or(|id| s.stage(id).is_none()),
            })
            .collect();
        if here.is_empty() {
            continue;
        }
        let groups = NoteKind::ALL
            .iter()
            .filter_map(|&k| {
                let of_kind: Vec<NoteView> = here
                    .iter()
                    .filter(|n| n.kind == k)
                    .map(|n| note_view(n))
                    .collect();
                (!of_kind.is_empty()).then_some(KindGroup {
                    label: l.note_kinds(k),
                    key: k.label(),
                    notes: of_kind,
                })
            })
            .collect();
        let (number, title) = match stage_id.and_then(|id| s.stage(id)) {
            Some(st) => (Some(si + 1), clean_line(&st.title)),
            None => (None, l.other_notes.to_owned()),
        };
        notes.push(StageNotes {
            number,
            title,
            count: here.len(),
            groups,
        });
    }
    let decisions = sorted_notes
        .iter()
        .filter(|(_, n)| n.kind == NoteKind::Decision)
        .map(|(_, n)| note_view(n))
        .collect();

    let tally = s.tally(None);
    let mut board = board(s, l, &tally);
    for c in board.stages.iter_mut().flat_map(|g| g.clusters.iter_mut()) {
        c.media = media_of(&c.id);
    }

    let prototypes = s
        .prototypes
        .iter()
        .map(|p| PrototypeView {
            name: clean_line(&p.name),
            stage: stage_title(p.stage.as_ref()),
            tests: clean_trim(&p.tests),
            hypothesis: clean_trim(&p.hypothesis),
            feedback: p
                .feedback
                .iter()
                .map(|f| clean(f).trim().to_owned())
                .filter(|f| !f.is_empty())
                .collect(),
            verdict: p.verdict.map(|v| l.verdict(v)),
            verdict_key: match p.verdict {
                Some(Verdict::Keep) => "keep",
                Some(Verdict::Change) => "change",
                Some(Verdict::Drop) => "drop",
                None => "none",
            },
            media: media_of(&p.id),
        })
        .collect();

    // Media of the stages, then of the session and of what has no place
    // of its own (sticky notes, steps, items since deleted).
    let mut media_groups = Vec::new();
    for (i, st) in s.agenda.iter().enumerate() {
        let items = media_of(&st.id);
        if !items.is_empty() {
            media_groups.push(MediaGroup {
                title: format!("{}. {}", i + 1, clean_line(&st.title)),
                items,
            });
        }
    }
    let shown_elsewhere = |id: &Id| {
        s.stage(id).is_some()
            || s.notes.iter().any(|n| &n.id == id)
            || s.cluster(id).is_some()
            || s.prototypes.iter().any(|p| &p.id == id)
    };
    let others: Vec<MediaView> = s
        .attachments
        .iter()
        .filter(|a| a.to.as_ref().is_none_or(|id| !shown_elsewhere(id)))
        .map(|a| {
            let on = a.to.as_ref().map(|id| about(s, id, l)).unwrap_or_default();
            media_view(a, media, l, on)
        })
        .collect();
    if !others.is_empty() {
        media_groups.push(MediaGroup {
            // Alone, the group needs no title of its own.
            title: if media_groups.is_empty() {
                String::new()
            } else {
                l.other_media.to_owned()
            },
            items: others,
        });
    }
    let rounds = rounds(s, l);

    // The plan's actions, then the notes of kind "action" (in time order)
    // that are not yet actions of the plan, so that none is lost.
    let actions = s
        .actions
        .iter()
        .map(|a| ActionView {
            text: clean_trim(&a.text),
            owner: clean_line(&a.owner),
            due: a.due.map(iso_date),
            status: l.status(a.status),
            status_key: status_key(a.status),
        })
        .chain(
            sorted_notes
                .iter()
                .filter(|(_, n)| n.kind == NoteKind::Action)
                .map(|(_, n)| ActionView {
                    text: clean(&n.text).trim().to_owned(),
                    owner: String::new(),
                    due: None,
                    status: l.unassigned.as_str(),
                    status_key: UNASSIGNED,
                }),
        )
        .collect::<Vec<_>>();

    let comments = s
        .comments
        .iter()
        .map(|c| CommentView {
            text: clean_trim(&c.text),
            author: clean_line(&c.author),
            date: iso_date(c.time.date(&zone)),
            time: clock(c.time, &zone),
            about: c
                .about
                .as_ref()
                .map_or_else(|| l.about_session.to_owned(), |id| about(s, id, l)),
        })
        .collect();

    let total_votes: u32 = s.votes.iter().map(|v| v.count).sum();
    let mut facts = vec![fact(l.n_participants(s.participants.len()))];
    if let Some(a) = actual_total {
        facts.push(Fact {
            value: duration(a, l),
            label: l.of_workshop(),
        });
    }
    facts.push(fact(l.n_notes(s.notes.len())));
    facts.push(fact(l.n_stickies(s.stickies.len())));
    if !s.clusters.is_empty() {
        facts.push(fact(l.n_groups(s.clusters.len())));
    }
    if total_votes > 0 {
        facts.push(fact(l.n_votes(total_votes)));
    }
    facts.push(fact(l.n_actions(actions.len())));

    Summary {
        lang: l.lang,
        title: clean_line(&s.title),
        date: s.date.map(|d| l.long_date(d)),
        iso_date: s.date.map(iso_date),
        place: clean_line(&s.place),
        facilitators: s.facilitators.iter().map(|f| clean_line(f)).collect(),
        anonymized: opts.anonymize,
        challenge: clean_trim(&s.challenge.statement),
        origin: l.origin(s.challenge.origin).to_owned(),
        origin_public: s.challenge.origin == Origin::Public,
        participants_total: s.participants.len(),
        participants_line: l.n_participants(s.participants.len()),
        roles,
        facts,
        agenda,
        planned_total,
        actual_total,
        diff_total: actual_total.map(|a| signed(a - i64::from(planned_total))),
        times_note: l.times_note(&zone_name(s, &zone)),
        notes,
        notes_total: s.notes.len(),
        rounds,
        decisions,
        actions,
        comments,
        board,
        prototypes,
        media: media_groups,
        media_left_out: left_out > 0,
    }
}

/// One attachment as shown: the picture, the link, or a placeholder.
fn media_view(a: &Attachment, media: &Media, l: &'static Labels, about: String) -> MediaView {
    let mut v = MediaView {
        key: match a.kind {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Link => "link",
        },
        kind: l.media_kind(a.kind),
        caption: clean_line(&a.caption),
        about,
        img: None,
        width: None,
        height: None,
        file: None,
        url: None,
        problem: None,
        remark: None,
    };
    if a.kind == MediaKind::Link {
        // Anything but a web address is shown as text, never linked.
        v.url = web_url(&a.path);
        if v.caption.is_empty() {
            v.caption = clean_line(&a.path);
        }
        return v;
    }
    let rel = relative_url(&media.base, &a.path);
    let state = media.state(&a.path);
    let why = match (&rel, state) {
        (None, _) | (_, Some(FileState::Outside)) => Some(MediaWhy::Outside),
        (_, Some(FileState::Missing)) => Some(MediaWhy::Missing),
        (_, Some(FileState::Altered)) => Some(MediaWhy::Altered),
        _ => None,
    };
    if let Some(why) = why {
        v.problem = Some(l.media_problem(a.kind, why, &v.caption));
        return v;
    }
    match state {
        Some(FileState::Photo {
            data_uri,
            width,
            height,
        }) => {
            v.img = Some(data_uri.clone());
            v.width = Some(*width);
            v.height = Some(*height);
        }
        Some(FileState::NotEmbeddable) => v.remark = Some(l.not_embeddable.as_str()),
        // Not read, or only checked: the picture by its path.
        None | Some(FileState::Present) if a.kind == MediaKind::Image => v.img = rel.clone(),
        _ => {}
    }
    v.file = rel;
    v
}

/// A few words on what a comment is about.
fn about(s: &Session, id: &Id, l: &Labels) -> String {
    if let Some(st) = s.stage(id) {
        return clean_line(&st.title);
    }
    for st in &s.agenda {
        if let Some(step) = st.steps.iter().find(|x| &x.id == id) {
            return format!("{} › {}", clean_line(&st.title), clean_line(&step.title));
        }
    }
    // Which note, sticky, group or action: its kind, then its words.
    if let Some(n) = s.notes.iter().find(|n| &n.id == id) {
        return l.about_item("note", &short(&n.text, 60));
    }
    if let Some(x) = s.stickies.iter().find(|x| &x.id == id) {
        return l.about_item("sticky", &short(&x.text, 60));
    }
    if let Some(c) = s.cluster(id) {
        return l.about_item("group", &clean_line(&c.title));
    }
    if let Some(a) = s.actions.iter().find(|a| &a.id == id) {
        return l.about_item("action", &short(&a.text, 60));
    }
    if let Some(r) = s.round(id) {
        return clean_line(&r.title);
    }
    if let Some(p) = s.participant(id) {
        return clean_line(&p.name);
    }
    l.about_session.to_owned()
}

/// What the board shows of one sticky; `author` is its author's name,
/// already cleaned.
fn sticky_view(x: &crate::model::Sticky, author: String, votes: u32) -> StickyView {
    StickyView {
        text: clean_trim(&x.text),
        author,
        colour: x.colour.hex(),
        votes,
    }
}

/// The board: clusters grouped by the stage they were made in (agenda
/// order), stickies in each ranked by votes; then the inbox and the parking lot.
///
/// Built in time linear in the stickies: each sticky is placed in its
/// cluster once, its votes and its author's name found by hashing.
pub fn board(s: &Session, l: &Labels, tally: &HashMap<Target, u32>) -> Board {
    let sticky_votes: HashMap<&str, u32> = tally
        .iter()
        .filter_map(|(t, &n)| match t {
            Target::Sticky(id) => Some((id.as_str(), n)),
            Target::Cluster(_) => None,
        })
        .collect();
    let votes_of = |x: &crate::model::Sticky| {
        if sticky_votes.is_empty() {
            0
        } else {
            sticky_votes.get(x.id.as_str()).copied().unwrap_or(0)
        }
    };
    // Names as `Session::participant_name` finds them: the first
    // participant with the id, else the first guest.
    let mut names: HashMap<&str, String> = HashMap::new();
    for g in s.guests.iter().rev() {
        names.insert(g.id.as_str(), clean_line(&g.name));
    }
    for p in s.participants.iter().rev() {
        names.insert(p.id.as_str(), clean_line(&p.name));
    }
    let view = |x: &crate::model::Sticky| {
        let author = x
            .author
            .as_ref()
            .and_then(|id| names.get(id.as_str()))
            .cloned()
            .unwrap_or_default();
        sticky_view(x, author, votes_of(x))
    };
    // The stickies of each cluster, in board order.
    let mut members: HashMap<&str, Vec<&crate::model::Sticky>> =
        HashMap::with_capacity(s.clusters.len());
    for x in &s.stickies {
        if let Some(c) = &x.cluster {
            members.entry(c.as_str()).or_default().push(x);
        }
    }
    let cluster_view = |c: &crate::model::Cluster| {
        let mine = members.get(c.id.as_str()).map_or(&[][..], Vec::as_slice);
        let mut stickies: Vec<StickyView> = mine.iter().map(|x| view(x)).collect();
        // Stable: equal votes keep their board order.
        stickies.sort_by_key(|x| std::cmp::Reverse(x.votes));
        let group_votes = tally
            .get(&Target::Cluster(c.id.clone()))
            .copied()
            .unwrap_or(0);
        let sticky_votes = stickies.iter().map(|x| x.votes).sum();
        let count = stickies.len();
        let mut line = l.n_stickies(count);
        let votes = l.group_votes(group_votes, sticky_votes);
        if !votes.is_empty() {
            line.push_str(" · ");
            line.push_str(&votes);
        }
        ClusterView {
            id: c.id.clone(),
            title: clean_line(&c.title),
            count,
            line,
            group_votes,
            sticky_votes,
            stickies,
            media: Vec::new(),
        }
    };
    let mut stages = Vec::new();
    for st in &s.agenda {
        let clusters: Vec<ClusterView> = s
            .clusters
            .iter()
            .filter(|c| c.stage.as_ref() == Some(&st.id))
            .map(cluster_view)
            .collect();
        if !clusters.is_empty() {
            stages.push(BoardStage {
                title: Some(clean_line(&st.title)),
                clusters,
            });
        }
    }
    let loose: Vec<ClusterView> = s
        .clusters
        .iter()
        .filter(|c| c.stage.as_ref().is_none_or(|id| s.stage(id).is_none()))
        .map(cluster_view)
        .collect();
    if !loose.is_empty() {
        let title = (!stages.is_empty()).then(|| l.other_clusters.to_owned());
        stages.push(BoardStage {
            title,
            clusters: loose,
        });
    }
    let place = |parked: bool| {
        s.stickies
            .iter()
            .filter(|x| x.cluster.is_none() && x.parked == parked)
            .map(view)
            .collect::<Vec<_>>()
    };
    let summary_line = if s.clusters.is_empty() {
        l.n_stickies(s.stickies.len())
    } else {
        l.stickies_in_groups(s.stickies.len(), s.clusters.len())
    };
    Board {
        stages,
        inbox: place(false),
        parking: place(true),
        stickies: s.stickies.len(),
        clusters: s.clusters.len(),
        summary_line,
    }
}

/// Each voting round's top five (and whatever ties with the fifth).
fn rounds(s: &Session, l: &Labels) -> Vec<RoundView> {
    s.rounds
        .iter()
        .map(|r| {
            let votes: Vec<_> = s.votes.iter().filter(|v| v.round == r.id).collect();
            let voters: BTreeSet<&Id> = votes
                .iter()
                .filter_map(|v| v.participant.as_ref())
                .collect();
            let total: u32 = votes.iter().map(|v| v.count).sum();
            let ranked = s
                .ranking(Some(&r.id))
                .into_iter()
                .filter(|x| x.rank <= 5)
                .map(|x| {
                    let rank = if x.tie {
                        format!("{}=", x.rank)
                    } else {
                        x.rank.to_string()
                    };
                    let (text, detail, colour) = match &x.target {
                        Target::Cluster(id) => {
                            let n = s
                                .stickies
                                .iter()
                                .filter(|st| st.cluster.as_ref() == Some(id))
                                .count();
                            (
                                s.cluster(id)
                                    .map_or_else(|| l.unknown.to_owned(), |c| clean_line(&c.title)),
                                l.ranked_group(n),
                                None,
                            )
                        }
                        Target::Sticky(id) => match s.stickies.iter().find(|st| &st.id == id) {
                            Some(st) => (
                                clean_line(&st.text),
                                st.cluster
                                    .as_ref()
                                    .and_then(|c| s.cluster(c))
                                    .map(|c| clean_line(&c.title))
                                    .unwrap_or_default(),
                                Some(st.colour.hex()),
                            ),
                            None => (l.unknown.to_owned(), String::new(), None),
                        },
                    };
                    RankedView {
                        rank,
                        place: x.rank,
                        text,
                        detail,
                        votes: x.count,
                        votes_line: l.n_votes(x.count),
                        colour,
                    }
                })
                .collect();
            RoundView {
                title: clean_line(&r.title),
                rules: l.round_rules(r.dots, r.cap, voters.len(), total),
                ranked,
            }
        })
        .collect()
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

//! The summary: each section of it computed by its own function from a
//! shared context (the session, the words, the zone and the media).

use super::super::labels::Labels;
use super::super::media::Media;
use super::super::text::{clean, clean_line, clean_trim, clock, iso_date, signed, zone_name};
use super::super::{Options, last_recorded, zone_of};
use super::board::{board, rounds};
use super::media::{about, media_view};
use super::{
    ActionView, CommentView, Fact, KindGroup, MediaGroup, MediaView, NoteView, Person,
    PrototypeView, RoleGroup, StageNotes, StageRow, StepRow, Summary, UNASSIGNED, duration, fact,
    status_key,
};
use crate::model::{Attachment, Id, Note, NoteKind, Origin, Role, Session, StepPos, Verdict, Zone};
use std::collections::HashMap;

/// What every section reads: the session, its words, its zone, and the
/// attachments of each item with the files found for them.
struct Cx<'a> {
    s: &'a Session,
    l: &'static Labels,
    zone: Zone,
    media: &'a Media,
    by_item: HashMap<&'a Id, Vec<&'a Attachment>>,
}

impl<'a> Cx<'a> {
    fn new(s: &'a Session, opts: &Options, l: &'static Labels, media: &'a Media) -> Self {
        let mut by_item: HashMap<&Id, Vec<&Attachment>> = HashMap::new();
        for a in &s.attachments {
            if let Some(to) = &a.to {
                by_item.entry(to).or_default().push(a);
            }
        }
        Cx {
            s,
            l,
            zone: zone_of(s, opts),
            media,
            by_item,
        }
    }

    fn media_of(&self, id: &Id) -> Vec<MediaView> {
        self.by_item.get(id).map_or_else(Vec::new, |list| {
            list.iter()
                .map(|a| media_view(a, self.media, self.l, String::new()))
                .collect()
        })
    }

    fn author(&self, id: Option<&Id>) -> String {
        clean_line(self.s.participant_name(id))
    }

    fn stage_title(&self, id: Option<&Id>) -> String {
        id.and_then(|id| self.s.stage(id))
            .map(|st| clean_line(&st.title))
            .unwrap_or_default()
    }

    fn note_view(&self, n: &Note) -> NoteView {
        NoteView {
            text: clean_trim(&n.text),
            author: self.author(n.author.as_ref()),
            time: clock(n.time, &self.zone),
            stage: self.stage_title(n.stage.as_ref()),
            tags: n.tags.iter().map(|t| clean_line(t)).collect(),
            media: self.media_of(&n.id),
        }
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
    let cx = Cx::new(s, opts, l, media);
    let agenda = agenda(&cx);
    let planned_total = s.planned_minutes();
    let ran: Vec<i64> = agenda.iter().filter_map(|r| r.actual).collect();
    let actual_total = (!ran.is_empty()).then(|| ran.iter().sum::<i64>());

    let mut sorted_notes: Vec<_> = s.notes.iter().enumerate().collect();
    sorted_notes.sort_by_key(|(i, n)| (n.time, *i));
    let sorted_notes: Vec<&Note> = sorted_notes.into_iter().map(|(_, n)| n).collect();
    let decisions = sorted_notes
        .iter()
        .filter(|n| n.kind == NoteKind::Decision)
        .map(|n| cx.note_view(n))
        .collect();

    let tally = s.tally(None);
    let mut board = board(s, l, &tally);
    for c in board.stages.iter_mut().flat_map(|g| g.clusters.iter_mut()) {
        c.media = cx.media_of(&c.id);
    }
    let actions = actions(&cx, &sorted_notes);
    let facts = facts(&cx, actual_total, actions.len());

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
        roles: roles(s, opts, l),
        facts,
        agenda,
        planned_total,
        actual_total,
        diff_total: actual_total.map(|a| signed(a - i64::from(planned_total))),
        times_note: l.times_note(&zone_name(s, &cx.zone)),
        notes: notes(&cx, &sorted_notes),
        notes_total: s.notes.len(),
        rounds: rounds(s, l),
        decisions,
        actions,
        comments: comments(&cx),
        board,
        prototypes: prototypes(&cx),
        media: media_groups(&cx),
        media_left_out: left_out > 0,
    }
}

/// The participants by role; their names unless anonymized.
fn roles(s: &Session, opts: &Options, l: &'static Labels) -> Vec<RoleGroup> {
    Role::ALL
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
        .collect()
}

/// The agenda, planned against actual minutes, stage by stage and step by
/// step.
fn agenda(cx: &Cx) -> Vec<StageRow> {
    let (s, l) = (cx.s, cx.l);
    let now = last_recorded(s);
    s.agenda
        .iter()
        .enumerate()
        .map(|(si, st)| {
            let actual = s.stage_actual_minutes(si, now);
            let planned = st.planned_minutes();
            StageRow {
                number: si + 1,
                title: clean_line(&st.title),
                kind: l.stage_kind(st.kind),
                start: st.started.map(|t| clock(t, &cx.zone)),
                planned,
                actual,
                diff: actual.map(|a| signed(a - i64::from(planned))),
                over: actual.is_some_and(|a| a > i64::from(planned)),
                // A break is one row: its step only carries its timer.
                steps: st
                    .steps
                    .iter()
                    .enumerate()
                    .filter(|_| st.kind != crate::model::StageKind::Break)
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
        .collect()
}

/// The notes (in time order) by stage, then those of no stage, each
/// stage's grouped by kind.
fn notes(cx: &Cx, sorted_notes: &[&Note]) -> Vec<StageNotes> {
    let (s, l) = (cx.s, cx.l);
    let stage_ids: Vec<Option<&Id>> = s
        .agenda
        .iter()
        .map(|st| Some(&st.id))
        .chain(std::iter::once(None))
        .collect();
    let mut notes = Vec::new();
    for (si, stage_id) in stage_ids.iter().enumerate() {
        let here: Vec<&Note> = sorted_notes
            .iter()
            .copied()
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
                    .map(|n| cx.note_view(n))
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
    notes
}

/// The prototypes, their feedback and verdicts.
fn prototypes(cx: &Cx) -> Vec<PrototypeView> {
    cx.s.prototypes
        .iter()
        .map(|p| PrototypeView {
            name: clean_line(&p.name),
            stage: cx.stage_title(p.stage.as_ref()),
            tests: clean_trim(&p.tests),
            hypothesis: clean_trim(&p.hypothesis),
            feedback: p
                .feedback
                .iter()
                .map(|f| clean(f).trim().to_owned())
                .filter(|f| !f.is_empty())
                .collect(),
            verdict: p.verdict.map(|v| cx.l.verdict(v)),
            verdict_key: match p.verdict {
                Some(Verdict::Keep) => "keep",
                Some(Verdict::Change) => "change",
                Some(Verdict::Drop) => "drop",
                None => "none",
            },
            media: cx.media_of(&p.id),
        })
        .collect()
}

/// Media of the stages, then of the session and of what has no place of
/// its own (sticky notes, steps, items since deleted).
fn media_groups(cx: &Cx) -> Vec<MediaGroup> {
    let (s, l) = (cx.s, cx.l);
    let mut media_groups = Vec::new();
    for (i, st) in s.agenda.iter().enumerate() {
        let items = cx.media_of(&st.id);
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
            media_view(a, cx.media, l, on)
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
    media_groups
}

/// The plan's actions, then the notes of kind "action" (in time order)
/// that are not yet actions of the plan, so that none is lost.
fn actions(cx: &Cx, sorted_notes: &[&Note]) -> Vec<ActionView> {
    let l = cx.l;
    cx.s.actions
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
                .filter(|n| n.kind == NoteKind::Action)
                .map(|n| ActionView {
                    text: clean(&n.text).trim().to_owned(),
                    owner: String::new(),
                    due: None,
                    status: l.unassigned.as_str(),
                    status_key: UNASSIGNED,
                }),
        )
        .collect()
}

/// The review comments, with what each is about.
fn comments(cx: &Cx) -> Vec<CommentView> {
    let (s, l) = (cx.s, cx.l);
    s.comments
        .iter()
        .map(|c| CommentView {
            text: clean_trim(&c.text),
            author: clean_line(&c.author),
            date: iso_date(c.time.date(&cx.zone)),
            time: clock(c.time, &cx.zone),
            about: c
                .about
                .as_ref()
                .map_or_else(|| l.about_session.to_owned(), |id| about(s, id, l)),
        })
        .collect()
}

/// The key figures: participants, time, notes, stickies, groups, votes
/// and actions.
fn facts(cx: &Cx, actual_total: Option<i64>, actions: usize) -> Vec<Fact> {
    let (s, l) = (cx.s, cx.l);
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
    facts.push(fact(l.n_actions(actions)));
    facts
}

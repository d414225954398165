//! The run-sheet: the day's agenda for co-facilitators, to print (one A4
//! page per two hours or so). Each step with its planned clock time (from
//! the session's start time; offsets from the start without one), its
//! minutes, the method and its materials, the facilitator's prompt; who
//! facilitates and the room at the top. Printed, the page flows (a step
//! and a stage's heading are never split): about one A4 page per one and
//! a half to two hours, depending on the prompts' length. HTML from
//! `assets/templates/runsheet.html`, auto-escaped like the summary.

use super::html::{environment, render};
use super::labels::{self, Labels};
use super::text::{clean, clean_line};
use super::{ExportError, Options, prepare};
use crate::i18n::tr;
use crate::methods::Library;
use crate::model::{ClockTime, Session, StepPos};
use crate::t;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

const RUNSHEET: &str = include_str!("../../assets/templates/runsheet.html");

#[derive(Debug, Serialize)]
struct Sheet {
    lang: &'static str,
    title: String,
    date: Option<String>,
    place: String,
    facilitators: Vec<String>,
    /// "09:30 – 16:45", or the planned length without a start time.
    span: String,
    /// "6 h 15 min planned, breaks included (1 h 15 min)".
    planned: String,
    /// Said when there is no start time: times are offsets.
    no_start: Option<String>,
    anonymized: bool,
    stages: Vec<StageBlock>,
    w: Words,
}

#[derive(Debug, Serialize)]
struct StageBlock {
    number: usize,
    title: String,
    kind: &'static str,
    is_break: bool,
    at: String,
    /// When it is planned to end.
    until: String,
    minutes: u32,
    /// The library method's name, when it differs from the stage's title.
    method: String,
    materials: Vec<String>,
    steps: Vec<StepLine>,
}

#[derive(Debug, Serialize)]
struct StepLine {
    number: String,
    at: String,
    until: String,
    minutes: u32,
    title: String,
    prompt: String,
}

/// The words of the sheet, in the session's language.
#[derive(Debug, Serialize)]
struct Words {
    kicker: String,
    time: String,
    minutes: String,
    step: String,
    prompt: String,
    method: String,
    materials: String,
    facilitation: String,
    room: String,
    date: String,
    planned: String,
    minutes_short: String,
    empty: String,
    footer: String,
    colon: String,
    anonymized: String,
}

impl Words {
    fn new(l: &Labels) -> Words {
        let lang = l.lang;
        Words {
            kicker: tr(lang, "export-runsheet-kicker"),
            time: tr(lang, "export-runsheet-time"),
            minutes: tr(lang, "export-runsheet-minutes"),
            step: tr(lang, "export-runsheet-step"),
            prompt: tr(lang, "export-runsheet-prompt"),
            method: tr(lang, "export-runsheet-method"),
            materials: tr(lang, "export-runsheet-materials"),
            facilitation: l.facilitation.clone(),
            room: tr(lang, "export-runsheet-room"),
            date: l.date.clone(),
            planned: l.planned.clone(),
            minutes_short: tr(lang, "export-runsheet-min"),
            empty: tr(lang, "export-runsheet-empty"),
            footer: tr(lang, "export-runsheet-footer"),
            colon: l.colon.clone(),
            anonymized: l.anonymized_title.clone(),
        }
    }
}

/// "+1:05": minutes from the start of the day, for a sheet with no start time.
fn offset(minutes: u32) -> String {
    format!("+{}:{:02}", minutes / 60, minutes % 60)
}

/// The run-sheet of `session`, its methods' names and materials from the
/// bundled library.
pub fn runsheet(session: &Session, opts: &Options) -> Result<String, ExportError> {
    runsheet_with(session, opts, &Library::bundled())
}

/// The run-sheet, with the methods of `library` (the bundled one and the
/// lab's own).
pub fn runsheet_with(
    session: &Session,
    opts: &Options,
    library: &Library,
) -> Result<String, ExportError> {
    let s = prepare(session, opts);
    let l = labels::for_lang(s.language.as_deref());
    let sheet = sheet(&s, opts, l, library);
    let mut env = environment()?;
    env.add_template("runsheet.html", RUNSHEET)
        .map_err(|e| ExportError::template("runsheet.html", &e))?;
    render(
        &env,
        "runsheet.html",
        context! { s => Value::from(Serde(&sheet)) },
    )
}

fn sheet(s: &Session, opts: &Options, l: &'static Labels, library: &Library) -> Sheet {
    let lang = l.lang;
    let at = |offset_min: u32| match s.start {
        Some(t) => t.plus(offset_min).to_string(),
        None => offset(offset_min),
    };
    // The steps' planned offsets, in agenda order (the model's arithmetic).
    let mut planned = s.planned_steps().into_iter().peekable();
    let mut stages = Vec::new();
    let mut next = 0u32;
    for (si, st) in s.agenda.iter().enumerate() {
        let method = library.method(&st.method);
        let start = planned
            .peek()
            .filter(|p| p.pos.stage == si)
            .map_or(next, |p| p.offset);
        let steps = st
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let off = planned
                    .next_if(|p| p.pos == StepPos { stage: si, step: i })
                    .map_or(start, |p| p.offset);
                next = off.saturating_add(step.minutes);
                StepLine {
                    number: format!("{}.{}", si + 1, i + 1),
                    at: at(off),
                    until: at(next),
                    minutes: step.minutes,
                    title: clean_line(&step.title),
                    prompt: clean(&step.prompt).trim().to_owned(),
                }
            })
            .collect();
        let method_name = method
            .map(|m| clean_line(m.name.get(lang)))
            .filter(|name| name != &clean_line(&st.title))
            .unwrap_or_default();
        stages.push(StageBlock {
            number: si + 1,
            title: clean_line(&st.title),
            kind: l.stage_kind(st.kind),
            is_break: st.is_break(),
            at: at(start),
            until: at(start.saturating_add(st.planned_minutes())),
            minutes: st.planned_minutes(),
            method: method_name,
            materials: method
                .map(|m| {
                    m.materials
                        .iter()
                        .map(|x| clean_line(x.get(lang)))
                        .filter(|x| !x.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            steps,
        });
    }
    let total = s.planned_minutes();
    let breaks = s.break_minutes();
    let planned_line = if breaks > 0 {
        t!(
            lang,
            "export-runsheet-planned-breaks",
            total = l.duration(i64::from(total)),
            breaks = l.duration(i64::from(breaks))
        )
    } else {
        t!(
            lang,
            "export-runsheet-planned",
            total = l.duration(i64::from(total))
        )
    };
    let span = match (s.start, s.planned_end()) {
        (Some(a), Some(b)) => span(a, b),
        _ => String::new(),
    };
    Sheet {
        lang,
        title: clean_line(&s.title),
        date: s.date.map(|d| l.long_date(d)),
        place: clean_line(&s.place),
        facilitators: s.facilitators.iter().map(|f| clean_line(f)).collect(),
        span,
        planned: planned_line,
        no_start: s
            .start
            .is_none()
            .then(|| tr(lang, "export-runsheet-no-start")),
        anonymized: opts.anonymize,
        stages,
        w: Words::new(l),
    }
}

fn span(a: ClockTime, b: ClockTime) -> String {
    format!("{a} – {b}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;

    #[test]
    fn times_are_clock_times_from_the_start_or_offsets_without_one() {
        let mut s = Session::new(crate::model::Id::from("s"), "Journée");
        s.language = Some("fr".into());
        s.agenda = Library::bundled()
            .methods
            .iter()
            .take(2)
            .map(|m| {
                m.to_stage(
                    "fr",
                    &mut crate::model::Ids::seeded(u128::from(m.id.len() as u64)),
                )
            })
            .collect();
        s.agenda.insert(
            1,
            Stage::new_break("Pause", 15, &mut crate::model::Ids::seeded(1)),
        );
        let first = s.agenda[0].planned_minutes();
        let l = labels::for_code("fr");
        let sheet_of = |s: &Session| sheet(s, &Options::default(), l, &Library::bundled());
        let without = sheet_of(&s);
        assert!(without.no_start.is_some());
        assert_eq!(without.stages[0].steps[0].at, "+0:00");
        assert_eq!(without.stages[1].at, offset(first));
        s.start = ClockTime::new(9, 30);
        let with = sheet_of(&s);
        assert!(with.no_start.is_none());
        let stages = &with.stages;
        assert_eq!(stages[0].at, "09:30");
        assert_eq!(
            stages[1].at,
            ClockTime::new(9, 30)
                .map(|t| t.plus(first).to_string())
                .unwrap_or_default()
        );
        assert!(stages[1].is_break && stages[1].materials.is_empty());
        assert_eq!(stages[2].at, stages[1].until, "after the break");
        assert_eq!(stages[1].until, stages[1].steps[0].until);
        assert!(
            stages[0].materials.len() + stages[2].materials.len() > 0,
            "the library's materials"
        );
        assert_eq!(
            with.span,
            format!(
                "09:30 – {}",
                s.planned_end().map(|t| t.to_string()).unwrap_or_default()
            )
        );
    }
}

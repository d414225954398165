//! Facilitation: the current step, its prompt and timer, progress through
//! the agenda (planned against actual), and the notes of the stage.

use super::widgets::{block, clock, fit, minutes, pad, safe, safe_line, scroll_for, shorten};
use crate::app::state::App;
use crate::i18n::{self, tr};
use crate::model::{Session, Timer};
use crate::t;
use ratatui::prelude::*;
use ratatui::widgets::{Gauge, Paragraph, Wrap};

pub struct FacilitateView<'a>(pub &'a App);

impl Widget for FacilitateView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let Some(s) = app.session() else { return };
        let area = super::collect::facilitate_panel(app, area, buf);
        let narrow = area.width < 70;
        let [agenda_area, main] = if narrow {
            [Rect::default(), area]
        } else {
            Layout::horizontal([
                Constraint::Length(area.width.min(120) / 3),
                Constraint::Min(0),
            ])
            .areas(area)
        };
        agenda(app, s, agenda_area, buf);
        let notes_h = if main.height > 16 { main.height / 3 } else { 0 };
        let [step_area, notes_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(notes_h)]).areas(main);
        step(app, s, step_area, buf);
        if notes_h > 0 {
            // Prototypes, when the stage has some or makes some.
            let making = s.current_or_first().is_some_and(|p| {
                matches!(
                    s.agenda[p.stage].kind,
                    crate::model::StageKind::Prototyping | crate::model::StageKind::Testing
                )
            });
            if (making || !crate::app::evidence::stage_prototypes(app).is_empty())
                && notes_area.width >= 60
            {
                let [left, right] =
                    Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                        .areas(notes_area);
                notes(app, s, left, buf);
                super::evidence::Prototypes(app).render(right, buf);
            } else {
                notes(app, s, notes_area, buf);
            }
        }
    }
}

pub fn timer_style(app: &App, s: &Session) -> Style {
    let t = &app.theme;
    let remaining = s.remaining(app.now);
    if app.facilitate.flash_until.is_some() {
        t.flash
    } else if remaining < 0 && !matches!(s.run.timer, Timer::Idle) {
        t.overrun
    } else {
        match s.run.timer {
            Timer::Running { .. } => t.timer,
            Timer::Paused { .. } => t.timer_paused,
            Timer::Idle => t.muted,
        }
    }
}

pub fn timer_label(lang: &str, s: &Session) -> String {
    i18n::timer(lang, &s.run.timer)
}

fn step(app: &App, s: &Session, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    let Some(pos) = s.current_or_first() else {
        let b = block(format!(" {} ", tr(lang, "screen-facilitate")), true, t);
        let inner = b.inner(area);
        b.render(area, buf);
        Paragraph::new(vec![
            Line::styled(tr(lang, "agenda-empty"), t.accent),
            Line::raw(tr(lang, "facilitate-agenda-empty-hint")),
        ])
        .wrap(Wrap { trim: true })
        .render(inner, buf);
        return;
    };
    let stage = &s.agenda[pos.stage];
    let step = &stage.steps[pos.step];
    let title = step_title(app, s, pos, area.width);
    let b = block(title, !app.facilitate.focus_agenda, t);
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height == 0 {
        return;
    }
    let remaining = s.remaining(app.now);
    let style = timer_style(app, s);
    let overrun = remaining < 0 && !matches!(s.run.timer, Timer::Idle);
    let timer_text = if overrun {
        format!(
            " {} {} · {} ",
            clock(remaining),
            timer_label(lang, s),
            tr(lang, "timer-time-is-up")
        )
    } else {
        format!(" {} {} ", clock(remaining), timer_label(lang, s))
    };
    let planned = s.planned_seconds(pos);
    let ratio = if planned > 0 {
        ((planned - remaining.max(0)) as f64 / planned as f64).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let [head, gauge, prompt] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let line1 = Line::from(vec![
        Span::styled(safe_line(&step.title).into_owned(), t.accent),
        Span::styled(format!("  ({})", planned_label(lang, s, pos)), t.muted),
    ]);
    let line2 = Line::from(Span::styled(timer_text, style));
    Paragraph::new(vec![line1, line2]).render(head, buf);
    Gauge::default()
        .gauge_style(style)
        .ratio(ratio)
        .label("")
        .render(gauge, buf);
    let lines = step_lines(app, s, pos);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(prompt, buf);
}

/// "10 min planned", and when, from the session's start time.
fn planned_label(lang: &str, s: &Session, pos: crate::model::StepPos) -> String {
    let duration = s.agenda[pos.stage].steps[pos.step].minutes;
    match s.planned_at(pos) {
        Some(at) => t!(
            lang,
            "facilitate-planned-at",
            duration = minutes(duration),
            at = at.to_string()
        ),
        None => t!(lang, "facilitate-planned", duration = minutes(duration)),
    }
}

fn agenda(app: &App, s: &Session, area: Rect, buf: &mut Buffer) {
    if area.width == 0 {
        return;
    }
    let t = &app.theme;
    let planned = s.planned_minutes();
    let actual: i64 = (0..s.agenda.len())
        .filter_map(|i| s.stage_actual_minutes(i, app.now))
        .sum();
    let title = t!(
        app.lang,
        "facilitate-agenda-title",
        planned = minutes(planned),
        actual = minutes(actual.max(0) as u32)
    );
    let room = (area.width as usize).saturating_sub(4);
    let b = block(
        format!(" {} ", shorten(&title, room)),
        app.facilitate.focus_agenda,
        t,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    // The planned start and end (or how to set a start time) at the bottom.
    let foot = agenda_foot(app, s, inner.width as usize);
    let foot_h = if inner.height > 3 + foot.len() as u16 {
        foot.len() as u16
    } else {
        0
    };
    let [list, foot_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(foot_h)]).areas(inner);
    for (k, text) in foot.iter().take(foot_h as usize).enumerate() {
        let y = foot_area.y + k as u16;
        buf.set_stringn(foot_area.x, y, text, foot_area.width as usize, t.muted);
    }
    let lines = agenda_lines(app, s, list.width as usize);
    let focus = lines.iter().position(|(_, f)| *f).unwrap_or(0);
    let start = scroll_for(focus, list.height as usize, lines.len());
    for (k, (line, _)) in lines
        .into_iter()
        .enumerate()
        .skip(start)
        .take(list.height as usize)
    {
        let y = list.y + (k - start) as u16;
        buf.set_line(list.x, y, &line, list.width);
    }
}

/// "starts 09:30 · ends 17:30" under the agenda, or how to set a start
/// time: at most two lines of `w` columns, cut at words.
fn agenda_foot(app: &App, s: &Session, w: usize) -> Vec<String> {
    let lang = app.lang;
    let text = match (s.start, s.planned_end()) {
        (Some(start), Some(end)) => t!(
            lang,
            "facilitate-agenda-ends",
            start = start.to_string(),
            end = end.to_string()
        ),
        _ => {
            let key = app
                .keymap
                .key_for(
                    crate::app::keymap::Context::Facilitate,
                    crate::app::Action::GoSetup,
                )
                .unwrap_or_default();
            t!(
                lang,
                "facilitate-agenda-no-start",
                key = i18n::key_label(lang, &key),
                tab = tr(lang, "setup-tab-details")
            )
        }
    };
    let mut lines: Vec<String> = textwrap::wrap(&text, w.max(1))
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.len() > 2 {
        let rest = lines.split_off(1).join(" ");
        lines.push(shorten(&rest, w));
    }
    lines
}

/// One row of the agenda panel before it is laid out.
struct AgendaRow {
    /// "▶ ", "✓ ", "  › " ...
    lead: String,
    /// The planned clock time and a space, or nothing.
    at: String,
    title: String,
    /// Actual minutes / planned minutes.
    minutes: String,
    style: Style,
    /// The row to keep in view.
    focus: bool,
}

/// The agenda's lines: each stage (its planned clock time when the session
/// has a start time), the current stage's steps under it; each with whether
/// it is the line to keep in view. The minutes column is as wide as its
/// widest entry, so titles keep the most room.
fn agenda_lines(app: &App, s: &Session, w: usize) -> Vec<(Line<'static>, bool)> {
    use unicode_width::UnicodeWidthStr;
    let rows = agenda_rows(app, s);
    let right_w = rows.iter().map(|r| r.minutes.width()).max().unwrap_or(0);
    rows.into_iter()
        .map(|r| {
            let room = w.saturating_sub(r.lead.width() + r.at.width() + right_w + 2);
            let title = pad(&shorten(&r.title, room), room);
            let text = format!("{}{}{title} {:<right_w$} ", r.lead, r.at, r.minutes);
            (Line::styled(text, r.style), r.focus)
        })
        .collect()
}

fn agenda_rows(app: &App, s: &Session) -> Vec<AgendaRow> {
    let t = &app.theme;
    let current = s.current_or_first();
    let mut rows = Vec::new();
    let clock = |at: Option<crate::model::ClockTime>| at.map_or(String::new(), |c| format!("{c} "));
    for (i, st) in s.agenda.iter().enumerate() {
        let is_current = current.is_some_and(|p| p.stage == i);
        let cursor = app.facilitate.focus_agenda && app.facilitate.cursor == Some(i);
        let act = s
            .stage_actual_minutes(i, app.now)
            .map_or("–".to_owned(), |m| m.to_string());
        let mark = if is_current {
            "▶"
        } else if st.ended.is_some() {
            "✓"
        } else {
            " "
        };
        let style = if cursor {
            t.selected
        } else if is_current {
            t.accent
        } else if st.ended.is_some() {
            t.muted
        } else {
            t.base
        };
        rows.push(AgendaRow {
            lead: format!("{mark} "),
            at: clock(s.planned_stage_at(i)),
            title: safe_line(&st.title).into_owned(),
            minutes: format!("{act}/{}", st.planned_minutes()),
            style,
            focus: cursor || (is_current && !app.facilitate.focus_agenda),
        });
        if !is_current {
            continue;
        }
        for (j, stp) in st.steps.iter().enumerate() {
            let pos = crate::model::StepPos { stage: i, step: j };
            let here = current.is_some_and(|p| p.step == j);
            let act = s
                .step_actual_minutes(pos, app.now)
                .map_or("–".to_owned(), |m| m.to_string());
            rows.push(AgendaRow {
                lead: format!("  {} ", if here { "›" } else { " " }),
                at: clock(s.planned_at(pos)),
                title: safe_line(&stp.title).into_owned(),
                minutes: format!("{act}/{}", stp.minutes),
                style: if here { t.accent } else { t.muted },
                focus: false,
            });
        }
    }
    rows
}

fn notes(app: &App, s: &Session, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let stage = s.current_or_first().map(|p| &s.agenda[p.stage].id);
    let in_stage: Vec<_> = s
        .notes
        .iter()
        .filter(|n| n.stage.as_ref() == stage)
        .collect();
    let key = app
        .keymap
        .key_for(
            crate::app::keymap::Context::Facilitate,
            crate::app::Action::NewNote,
        )
        .unwrap_or_default();
    let b = block(
        format!(
            " {} ",
            t!(
                app.lang,
                "facilitate-notes-title",
                n = in_stage.len(),
                key = i18n::key_label(app.lang, &key)
            )
        ),
        false,
        t,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    let h = inner.height as usize;
    let kind_w = super::widgets::note_kind_width(app.lang) + 1;
    let skip = in_stage.len().saturating_sub(h);
    for (i, n) in in_stage.iter().skip(skip).enumerate() {
        let y = inner.y + i as u16;
        let author = s.participant_name(n.author.as_ref());
        let who = if author.is_empty() {
            String::new()
        } else {
            format!(" — {}", safe_line(author))
        };
        let line = Line::from(vec![
            Span::styled(
                super::widgets::pad(&i18n::note_kind(app.lang, n.kind), kind_w),
                t.key,
            ),
            Span::raw(fit(
                &format!("{}{}", safe_line(&n.text), who),
                (inner.width as usize).saturating_sub(kind_w),
            )),
        ]);
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

/// The method's purpose, in the interface's language.
fn method_purpose(app: &App, method: &str) -> Option<String> {
    let m = app.library.method(method)?;
    let text = m.purpose.get(app.lang).trim();
    (!text.is_empty()).then(|| safe_line(text).into_owned())
}

/// What helps in the room under the prompt: materials, what the step
/// produces, what was captured during it (count and latest), the open
/// actions (listed on the closing stage).
fn panel_lines(app: &App, s: &Session, pos: crate::model::StepPos) -> Vec<Line<'static>> {
    let t = &app.theme;
    let lang = app.lang;
    let stage = &s.agenda[pos.stage];
    let step = &stage.steps[pos.step];
    let mut lines = Vec::new();
    let line = |key: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{} ", tr(lang, key)), t.key),
            Span::raw(value),
        ])
    };
    // Captured during this step: since it started (and before it ended).
    if let Some(start) = step.started {
        let during = |at: crate::model::Timestamp| at >= start && step.ended.is_none_or(|e| at < e);
        let stickies: Vec<&str> = s
            .stickies
            .iter()
            .filter(|x| during(x.time))
            .map(|x| x.text.as_str())
            .collect();
        let notes: Vec<&str> = s
            .notes
            .iter()
            .filter(|n| during(n.time))
            .map(|n| n.text.as_str())
            .collect();
        let latest = s
            .stickies
            .iter()
            .filter(|x| during(x.time))
            .map(|x| (x.time, x.text.as_str()))
            .chain(
                s.notes
                    .iter()
                    .filter(|n| during(n.time))
                    .map(|n| (n.time, n.text.as_str())),
            )
            .max_by_key(|(at, _)| *at)
            .map(|(_, text)| text);
        let mut value = t!(
            lang,
            "facilitate-captured",
            stickies = stickies.len(),
            notes = notes.len()
        );
        if let Some(text) = latest {
            let latest = t!(lang, "facilitate-latest", text = safe_line(text));
            value.push_str(&format!(" · {latest}"));
        }
        lines.push(line("facilitate-captured-label", value));
    }
    let open: Vec<&str> = s.open_actions().collect();
    if !open.is_empty() {
        lines.push(line("facilitate-open-actions", open.len().to_string()));
        if stage.kind == crate::model::StageKind::Closing {
            for a in open {
                lines.push(Line::raw(format!("  • {}", safe_line(a))));
            }
        }
    }
    if let Some(m) = app.library.method(&stage.method)
        && !m.materials.is_empty()
    {
        let list: Vec<String> = m
            .materials
            .iter()
            .map(|x| safe_line(x.get(lang)).into_owned())
            .collect();
        lines.push(line("facilitate-materials", list.join(", ")));
    }
    if !step.produces.is_empty() {
        let list: Vec<String> = step
            .produces
            .iter()
            .map(|p| tr(lang, produces_key(*p)))
            .collect();
        lines.push(line("facilitate-produces", list.join(", ")));
    }
    if !lines.is_empty() {
        lines.insert(0, Line::raw(""));
    }
    lines
}

fn produces_key(p: crate::model::Produces) -> &'static str {
    use crate::model::Produces::*;
    match p {
        Notes => "produces-notes",
        Stickies => "produces-stickies",
        Clusters => "produces-clusters",
        Votes => "produces-votes",
        Actions => "produces-actions",
        Artifact => "produces-artifact",
        Media => "produces-media",
    }
}

/// The step panel's title: stage n/N, its title (cut at a word when the
/// frame is narrow; the numbers stay), step n/N.
fn step_title(app: &App, s: &Session, pos: crate::model::StepPos, width: u16) -> String {
    let stage = &s.agenda[pos.stage];
    let title_with = |title: &str| {
        format!(
            " {} ",
            t!(
                app.lang,
                "facilitate-step-title",
                stage = pos.stage + 1,
                stages = s.agenda.len(),
                title = title,
                step = pos.step + 1,
                steps = stage.steps.len()
            )
        )
    };
    let room = (width as usize)
        .saturating_sub(2 + unicode_width::UnicodeWidthStr::width(title_with("").as_str()));
    title_with(&shorten(&safe_line(&stage.title), room))
}

/// Under the timer: the method's purpose, the prompt, what helps in the
/// room (see `panel_lines`), the next step.
fn step_lines(app: &App, s: &Session, pos: crate::model::StepPos) -> Vec<Line<'static>> {
    let t = &app.theme;
    let lang = app.lang;
    let stage = &s.agenda[pos.stage];
    let step = &stage.steps[pos.step];
    let mut lines = vec![Line::raw("")];
    if let Some(purpose) = method_purpose(app, &stage.method) {
        lines.push(Line::styled(purpose, t.muted));
        lines.push(Line::raw(""));
    }
    if step.prompt.is_empty() {
        lines.push(Line::styled(
            format!("({})", tr(lang, "facilitate-no-prompt")),
            t.muted,
        ));
    } else {
        for l in safe(&step.prompt).lines() {
            lines.push(Line::raw(l.to_owned()));
        }
    }
    lines.extend(panel_lines(app, s, pos));
    if let Some(next) = s.next_pos(pos) {
        let ns = &s.agenda[next.stage];
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            t!(
                lang,
                "facilitate-next",
                stage = safe_line(&ns.title),
                step = safe_line(&ns.steps[next.step].title)
            ),
            t.muted,
        ));
    }
    lines
}

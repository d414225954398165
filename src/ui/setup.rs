//! Session setup: details, participants, and the agenda builder.

use super::widgets::{block, fit, minutes, safe_line, scroll_for};
use crate::app::state::{AgendaRow, App, DetailField, SetupTab};
use crate::model::{Session, Timestamp};
use ratatui::prelude::*;
use ratatui::widgets::Tabs;

pub struct SetupView<'a>(pub &'a App);

impl Widget for SetupView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let Some(s) = app.session() else { return };
        let b = block(" Session setup ", true, t);
        let inner = b.inner(area);
        b.render(area, buf);
        if inner.height == 0 {
            return;
        }
        let [tabs, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
        let selected = SetupTab::ALL
            .iter()
            .position(|x| *x == app.setup.tab)
            .unwrap_or(0);
        Tabs::new(SetupTab::ALL.iter().map(|x| x.title()))
            .select(selected)
            .style(t.muted)
            .highlight_style(t.selected)
            .render(tabs, buf);
        match app.setup.tab {
            SetupTab::Details => details(app, s, body, buf),
            SetupTab::Participants => participants(app, s, body, buf),
            SetupTab::Agenda => agenda(app, s, body, buf),
        }
    }
}

fn row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    label: &str,
    value: &str,
    style: Style,
    label_style: Style,
) {
    if y >= area.bottom() {
        return;
    }
    let w = area.width as usize;
    let label_w = 14.min(w);
    buf.set_stringn(
        area.x,
        y,
        format!("{label:<label_w$}"),
        label_w,
        label_style,
    );
    let rest = w.saturating_sub(label_w);
    buf.set_stringn(
        area.x + label_w as u16,
        y,
        format!("{:<rest$}", fit(&safe_line(value), rest)),
        rest,
        style,
    );
}

fn details(app: &App, s: &Session, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    for (i, f) in DetailField::ALL.iter().enumerate() {
        let value = match f {
            DetailField::Origin => s.challenge.origin.label().to_owned(),
            DetailField::Language => match s.language.as_deref() {
                Some("fr") => "français".to_owned(),
                Some(other) if !other.is_empty() => other.to_owned(),
                _ => "English".to_owned(),
            },
            _ => s.detail_text(*f),
        };
        let style = if i == app.setup.detail {
            t.selected
        } else {
            t.base
        };
        row(
            buf,
            area,
            area.y + i as u16,
            f.label(),
            &value,
            style,
            t.muted,
        );
    }
    let y = area.y + DetailField::ALL.len() as u16 + 1;
    if y < area.bottom() {
        buf.set_stringn(
            area.x,
            y,
            "Enter edits the field; on 'Raised by' and 'Language' it changes the value.",
            area.width as usize,
            t.muted,
        );
    }
}

fn participants(app: &App, s: &Session, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if s.participants.is_empty() {
        let key = app
            .keymap
            .key_for(crate::app::keymap::Context::Setup, crate::app::Action::Add)
            .unwrap_or_default();
        buf.set_stringn(
            area.x,
            area.y,
            format!("No participants yet: press {key} to add one."),
            area.width as usize,
            t.muted,
        );
        return;
    }
    let h = area.height.saturating_sub(1) as usize;
    let start = scroll_for(app.setup.participant, h, s.participants.len());
    let mut counts = std::collections::BTreeMap::new();
    for p in &s.participants {
        *counts.entry(p.role.label()).or_insert(0) += 1;
    }
    let summary: Vec<String> = counts.iter().map(|(r, n)| format!("{n} {r}")).collect();
    buf.set_stringn(
        area.x,
        area.y,
        format!(
            "{} participants: {}",
            s.participants.len(),
            summary.join(", ")
        ),
        area.width as usize,
        t.muted,
    );
    for (i, p) in s.participants.iter().enumerate().skip(start).take(h) {
        let y = area.y + 1 + (i - start) as u16;
        let style = if i == app.setup.participant {
            t.selected
        } else {
            t.base
        };
        let org = if p.organisation.is_empty() {
            String::new()
        } else {
            format!(" · {}", p.organisation)
        };
        row(
            buf,
            area,
            y,
            p.role.label(),
            &format!("{}{}", p.name, org),
            style,
            t.muted,
        );
    }
}

/// Planned end: from the actual start if the day started, else from now.
fn planned_end(s: &Session, now: Timestamp) -> Timestamp {
    let start = s.agenda.iter().find_map(|st| st.started).unwrap_or(now);
    start.plus_seconds(i64::from(s.planned_minutes()) * 60)
}

fn agenda(app: &App, s: &Session, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let now = app.now;
    let total = s.planned_minutes();
    let end = planned_end(s, now);
    let header = format!(
        "{} stages · total {} · planned end {}",
        s.agenda.len(),
        minutes(total),
        end.clock(app.offset)
    );
    buf.set_stringn(area.x, area.y, header, area.width as usize, t.accent);
    let rows = app.agenda_rows();
    if rows.is_empty() {
        let key = app
            .keymap
            .key_for(crate::app::keymap::Context::Setup, crate::app::Action::Add)
            .unwrap_or_default();
        if area.height > 2 {
            buf.set_stringn(
                area.x,
                area.y + 2,
                format!("The agenda is empty: press {key} to add a method from the library."),
                area.width as usize,
                t.muted,
            );
        }
        return;
    }
    let h = area.height.saturating_sub(1) as usize;
    let start = scroll_for(app.setup.agenda_row, h, rows.len());
    let w = area.width as usize;
    let mut clock_at = s.agenda.iter().find_map(|st| st.started).unwrap_or(now);
    let mut stage_start = Vec::new();
    for st in &s.agenda {
        stage_start.push(clock_at);
        clock_at = clock_at.plus_seconds(i64::from(st.planned_minutes()) * 60);
    }
    for (i, r) in rows.iter().enumerate().skip(start).take(h) {
        let y = area.y + 1 + (i - start) as u16;
        let sel = i == app.setup.agenda_row;
        let (text, style) = match *r {
            AgendaRow::Stage(si) => {
                let st = &s.agenda[si];
                (
                    format!(
                        "{} {:<w2$} {:>7}",
                        stage_start[si].clock(app.offset),
                        fit(
                            &format!("{} [{}]", safe_line(&st.title), st.kind.label()),
                            w.saturating_sub(15)
                        ),
                        minutes(st.planned_minutes()),
                        w2 = w.saturating_sub(15)
                    ),
                    if sel { t.selected } else { t.title },
                )
            }
            AgendaRow::Step(si, sj) => {
                let step = &s.agenda[si].steps[sj];
                (
                    format!(
                        "        {:<w2$} {:>3}",
                        fit(&safe_line(&step.title), w.saturating_sub(13)),
                        step.minutes,
                        w2 = w.saturating_sub(13)
                    ),
                    if sel { t.selected } else { t.base },
                )
            }
        };
        buf.set_stringn(area.x, y, text, w, style);
    }
}

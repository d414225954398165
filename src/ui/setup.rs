//! Session setup: details, participants, and the agenda builder.

use super::widgets::{block, fit, minutes, pad, safe_line, scroll_for, shorten};
use crate::app::state::{AgendaRow, App, DetailField, SetupTab};
use crate::i18n::{self, tr};
use crate::model::Session;
use crate::t;
use ratatui::prelude::*;
use ratatui::widgets::Tabs;

pub struct SetupView<'a>(pub &'a App);

impl Widget for SetupView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let Some(s) = app.session() else { return };
        let lang = app.lang;
        let b = block(format!(" {} ", tr(lang, "setup-title")), true, t);
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
        Tabs::new(SetupTab::ALL.iter().map(|x| match x {
            SetupTab::Details => tr(lang, "setup-tab-details"),
            SetupTab::Participants => tr(lang, "setup-tab-participants"),
            SetupTab::Agenda => tr(lang, "setup-tab-agenda"),
        }))
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

/// The label column: wide enough for the longest role ("elected official")
/// and the longest detail ("Facilitators"), and at least 14 columns.
fn label_width(lang: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    let roles = crate::model::Role::ALL
        .iter()
        .map(|r| i18n::role(lang, *r).width());
    let details = DetailField::ALL
        .iter()
        .map(|d| i18n::detail(lang, *d).width());
    (roles.chain(details).max().unwrap_or(13) + 1).max(14)
}

#[allow(clippy::too_many_arguments)]
fn row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    label: &str,
    value: &str,
    style: Style,
    label_style: Style,
    label_w: usize,
) {
    if y >= area.bottom() {
        return;
    }
    let w = area.width as usize;
    let label_w = label_w.min(w);
    buf.set_stringn(
        area.x,
        y,
        super::widgets::pad(label, label_w),
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
    let lang = app.lang;
    let label_w = label_width(lang);
    for (i, f) in DetailField::ALL.iter().enumerate() {
        let value = match f {
            DetailField::Origin => i18n::origin(lang, s.challenge.origin),
            DetailField::Language => match s.language.as_deref() {
                Some(code) if !code.is_empty() => i18n::language_name(lang, code),
                _ => i18n::language_name(lang, "en"),
            },
            DetailField::Date => s.date.map_or_else(String::new, |d| i18n::date(lang, d)),
            DetailField::TimeZone => crate::app::zone::describe(app, s),
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
            &i18n::detail(lang, *f),
            &value,
            style,
            t.muted,
            label_w,
        );
    }
    let y = area.y + DetailField::ALL.len() as u16 + 1;
    if y < area.bottom() {
        buf.set_stringn(
            area.x,
            y,
            tr(lang, "setup-details-hint"),
            area.width as usize,
            t.muted,
        );
    }
}

fn participants(app: &App, s: &Session, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    if s.participants.is_empty() {
        let key = app
            .keymap
            .key_for(crate::app::keymap::Context::Setup, crate::app::Action::Add)
            .unwrap_or_default();
        buf.set_stringn(
            area.x,
            area.y,
            t!(
                lang,
                "setup-no-participants",
                key = i18n::key_label(lang, &key)
            ),
            area.width as usize,
            t.muted,
        );
        return;
    }
    let h = area.height.saturating_sub(1) as usize;
    let start = scroll_for(app.setup.participant, h, s.participants.len());
    let label_w = label_width(lang);
    // By role, in the alphabetical order of the roles' names.
    let mut counts = std::collections::BTreeMap::new();
    for p in &s.participants {
        counts
            .entry(i18n::role(lang, p.role))
            .or_insert((p.role, 0usize))
            .1 += 1;
    }
    let summary: Vec<String> = counts
        .values()
        .map(|(r, n)| role_count(lang, *r, *n))
        .collect();
    buf.set_stringn(
        area.x,
        area.y,
        t!(
            lang,
            "setup-participants-summary",
            n = s.participants.len(),
            roles = summary.join(", ")
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
            &i18n::role(lang, p.role),
            &format!("{}{}", p.name, org),
            style,
            t.muted,
            label_w,
        );
    }
}

/// "2 civil servants", "1 élu·e": a role with its count, plural agreed.
fn role_count(lang: &str, r: crate::model::Role, n: usize) -> String {
    use crate::model::Role;
    match r {
        Role::CivilServant => t!(lang, "role-count-civil-servant", n = n),
        Role::ElectedOfficial => t!(lang, "role-count-elected-official", n = n),
        Role::Citizen => t!(lang, "role-count-citizen", n = n),
        Role::Partner => t!(lang, "role-count-partner", n = n),
        Role::Other => t!(lang, "role-count-other", n = n),
    }
}

/// The clock times of the agenda: from the session's start time when it
/// has one (the plan, breaks included); else, as before a start time is
/// set, from the day's actual start or from now, stages only.
struct AgendaClock {
    stages: Vec<String>,
    steps: Vec<Vec<Option<String>>>,
    end: String,
}

impl AgendaClock {
    fn of(app: &App, s: &Session) -> AgendaClock {
        if s.start.is_some() {
            let stages = (0..s.agenda.len())
                .map(|i| {
                    s.planned_stage_at(i)
                        .map(|t| t.to_string())
                        .unwrap_or_default()
                })
                .collect();
            let steps = s
                .agenda
                .iter()
                .enumerate()
                .map(|(i, st)| {
                    (0..st.steps.len())
                        .map(|j| {
                            s.planned_at(crate::model::StepPos { stage: i, step: j })
                                .map(|t| t.to_string())
                        })
                        .collect()
                })
                .collect();
            let end = s.planned_end().map(|t| t.to_string()).unwrap_or_default();
            return AgendaClock { stages, steps, end };
        }
        let zone = app.zone();
        let mut at = s.agenda.iter().find_map(|st| st.started).unwrap_or(app.now);
        let mut stages = Vec::new();
        for st in &s.agenda {
            stages.push(at.clock(&zone));
            at = at.plus_seconds(i64::from(st.planned_minutes()) * 60);
        }
        let steps = s
            .agenda
            .iter()
            .map(|st| vec![None; st.steps.len()])
            .collect();
        AgendaClock {
            stages,
            steps,
            end: at.clock(&zone),
        }
    }
}

fn agenda(app: &App, s: &Session, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    let clock = AgendaClock::of(app, s);
    let w = area.width as usize;
    let header = match s.start {
        Some(start) => t!(
            lang,
            "setup-agenda-header-start",
            n = s.agenda.len(),
            total = minutes(s.planned_minutes()),
            start = start.to_string(),
            end = clock.end.as_str()
        ),
        None => t!(
            lang,
            "setup-agenda-header",
            n = s.agenda.len(),
            total = minutes(s.planned_minutes()),
            end = clock.end.as_str()
        ),
    };
    buf.set_stringn(area.x, area.y, shorten(&header, w), w, t.accent);
    // Without a start time, how to set one, under the header.
    let mut top = area.y + 1;
    if s.start.is_none() && area.height > 3 {
        let hint = t!(
            lang,
            "setup-agenda-no-start",
            field = i18n::detail(lang, DetailField::Start),
            tab = tr(lang, "setup-tab-details")
        );
        buf.set_stringn(area.x, top, shorten(&hint, w), w, t.muted);
        top += 1;
    }
    let rows = app.agenda_rows();
    if rows.is_empty() {
        let key = app
            .keymap
            .key_for(crate::app::keymap::Context::Setup, crate::app::Action::Add)
            .unwrap_or_default();
        if top + 1 < area.bottom() {
            let text = t!(
                lang,
                "setup-agenda-empty",
                key = i18n::key_label(lang, &key)
            );
            buf.set_stringn(area.x, top + 1, shorten(&text, w), w, t.muted);
        }
        return;
    }
    let h = area.bottom().saturating_sub(top) as usize;
    let start = scroll_for(app.setup.agenda_row, h, rows.len());
    for (i, r) in rows.iter().enumerate().skip(start).take(h) {
        let y = top + (i - start) as u16;
        let sel = i == app.setup.agenda_row;
        let (text, style) = match *r {
            AgendaRow::Stage(si) => {
                let st = &s.agenda[si];
                let title = format!(
                    "{} [{}]",
                    safe_line(&st.title),
                    i18n::stage_kind(lang, st.kind)
                );
                (
                    format!(
                        "{} {} {:>7}",
                        clock.stages[si],
                        pad(&shorten(&title, w.saturating_sub(15)), w.saturating_sub(15)),
                        minutes(st.planned_minutes()),
                    ),
                    if sel { t.selected } else { t.title },
                )
            }
            AgendaRow::Step(si, sj) => {
                let step = &s.agenda[si].steps[sj];
                let at = clock.steps[si][sj].as_deref().unwrap_or("");
                let title = shorten(&safe_line(&step.title), w.saturating_sub(13));
                (
                    format!(
                        "  {at:>5} {} {:>3}",
                        pad(&title, w.saturating_sub(13)),
                        step.minutes,
                    ),
                    if sel { t.selected } else { t.base },
                )
            }
        };
        buf.set_stringn(area.x, y, text, w, style);
    }
}

//! Home: recent sessions, the demo, new sessions, and the method library.

use super::widgets::{block, fit, safe, safe_line, scroll_for};
use crate::app::state::{App, HomePane, HomeState};
use crate::i18n::{self, tr};
use crate::t;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};

pub struct HomeView<'a>(pub &'a App);

fn date(lang: &str, t: Option<std::time::SystemTime>, zone: &crate::model::Zone) -> String {
    t.and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| crate::model::Timestamp::from_unix(d.as_secs() as i64))
        .map(|ts| i18n::date_time(lang, ts, zone))
        .unwrap_or_default()
}

impl Widget for HomeView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let lang = app.lang;
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);

        // Sessions
        let b = block(
            format!(" {} ", tr(lang, "home-sessions")),
            app.home.pane == HomePane::Sessions,
            t,
        );
        let inner = b.inner(left);
        b.render(left, buf);
        let mut rows: Vec<(String, String)> = vec![
            (
                format!("▶ {}", tr(lang, "home-open-demo")),
                "Bibliothèques fraîches".into(),
            ),
            (
                format!("+ {}", tr(lang, "home-new-session")),
                tr(lang, "home-new-session-hint"),
            ),
        ];
        for e in &app.home.sessions {
            let title = if e.title.is_empty() {
                e.path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            } else {
                safe_line(&e.title).into_owned()
            };
            rows.push((
                title,
                format!(
                    "{}  {}",
                    date(lang, e.modified, &app.local_zone),
                    i18n::size(lang, e.size)
                ),
            ));
        }
        let h = inner.height as usize;
        let per = 2usize;
        let visible = (h / per).max(1);
        let start = scroll_for(app.home.selected, visible, rows.len());
        for (i, (title, sub)) in rows.iter().enumerate().skip(start).take(visible) {
            let y = inner.y + ((i - start) * per) as u16;
            if y >= inner.bottom() {
                break;
            }
            let sel = i == app.home.selected && app.home.pane == HomePane::Sessions;
            let style = if sel {
                t.selected
            } else if i < HomeState::FIXED_ROWS {
                t.accent
            } else {
                t.base
            };
            let w = inner.width as usize;
            buf.set_stringn(
                inner.x,
                y,
                format!(
                    " {:<w$}",
                    fit(title, w.saturating_sub(1)),
                    w = w.saturating_sub(1)
                ),
                w,
                style,
            );
            if y + 1 < inner.bottom() {
                buf.set_stringn(
                    inner.x,
                    y + 1,
                    format!("   {}", fit(sub, w.saturating_sub(3))),
                    w,
                    t.muted,
                );
            }
        }
        if app.home.sessions.is_empty() && inner.height as usize > rows.len() * per + 2 {
            let y = inner.y + (rows.len() * per) as u16 + 1;
            buf.set_stringn(
                inner.x + 1,
                y,
                tr(lang, "home-no-sessions"),
                inner.width.saturating_sub(1) as usize,
                t.muted,
            );
        }

        // Library
        let b = block(
            format!(" {} ", tr(lang, "home-library")),
            app.home.pane == HomePane::Methods,
            t,
        );
        let inner = b.inner(right);
        b.render(right, buf);
        let [list, detail] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(inner);
        let methods = &app.library.methods;
        let mut lines: Vec<(Option<usize>, String)> = Vec::new();
        let mut stage = None;
        for (i, m) in methods.iter().enumerate() {
            if stage != Some(m.stage) {
                stage = Some(m.stage);
                lines.push((None, i18n::stage_kind(lang, m.stage).to_uppercase()));
            }
            lines.push((
                Some(i),
                format!(
                    "  {} · {}",
                    m.name.get(lang),
                    t!(lang, "minutes-short", n = m.minutes())
                ),
            ));
        }
        let sel_line = lines
            .iter()
            .position(|(i, _)| *i == Some(app.home.method))
            .unwrap_or(0);
        let start = scroll_for(sel_line, list.height as usize, lines.len());
        for (row, (idx, text)) in lines
            .iter()
            .enumerate()
            .skip(start)
            .take(list.height as usize)
        {
            let y = list.y + (row - start) as u16;
            let style = match idx {
                None => t.title,
                Some(i) if *i == app.home.method && app.home.pane == HomePane::Methods => {
                    t.selected
                }
                Some(i) if *i == app.home.method => t.accent,
                _ => t.base,
            };
            buf.set_stringn(
                list.x,
                y,
                fit(&safe_line(text), list.width as usize),
                list.width as usize,
                style,
            );
        }
        if let Some(m) = methods.get(app.home.method) {
            let mut text = vec![
                Line::styled(safe_line(m.name.get(lang)).into_owned(), t.accent),
                Line::styled(
                    t!(
                        lang,
                        "home-method-facts",
                        stage = i18n::stage_kind(lang, m.stage),
                        duration = m.duration.to_string(),
                        group = m.group.to_string(),
                        source = m.source.to_string()
                    ),
                    t.muted,
                ),
                Line::raw(safe(m.purpose.get(lang)).into_owned()),
            ];
            for (i, s) in m.steps.iter().enumerate() {
                text.push(Line::styled(
                    format!(
                        "{}. {} ({})",
                        i + 1,
                        safe_line(s.title.get(lang)),
                        t!(lang, "minutes-short", n = s.minutes)
                    ),
                    t.title,
                ));
                text.push(Line::raw(format!("   {}", safe(s.prompt.get(lang)))));
            }
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .scroll((app.home.method_scroll, 0))
                .render(detail, buf);
        } else if detail.height > 0 {
            buf.set_stringn(
                detail.x,
                detail.y,
                tr(lang, "home-library-empty"),
                detail.width as usize,
                t.muted,
            );
        }
    }
}

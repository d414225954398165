//! Home: recent sessions, the demo, new sessions, and the method library.

use super::widgets::{block, fit, safe, safe_line, scroll_for, shorten};
use crate::app::state::{App, HomePane, HomeState};
use crate::i18n::{self, tr};
use crate::t;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};

pub struct HomeView<'a>(pub &'a App);

/// One row of the sessions list: its title and what tells it from the others.
struct Row {
    title: String,
    /// The workshop's date (or a hint, for the fixed rows).
    sub: String,
    /// The file's name (none for the fixed rows).
    file: Option<String>,
}

fn rows(app: &App) -> Vec<Row> {
    let lang = app.lang;
    let mut rows = vec![
        Row {
            title: format!("▶ {}", tr(lang, "home-open-demo")),
            sub: "Bibliothèques fraîches".into(),
            file: None,
        },
        Row {
            title: format!("+ {}", tr(lang, "home-new-session")),
            sub: tr(lang, "home-new-session-hint"),
            file: None,
        },
    ];
    for e in &app.home.sessions {
        let file = e
            .path
            .file_name()
            .map(|n| safe_line(&n.to_string_lossy()).into_owned())
            .unwrap_or_default();
        rows.push(Row {
            title: if e.title.is_empty() {
                file.clone()
            } else {
                safe_line(&e.title).into_owned()
            },
            sub: e
                .date
                .map_or_else(|| tr(lang, "home-no-date"), |d| i18n::date(lang, d)),
            file: Some(file),
        });
    }
    rows
}

/// `date · file` on one line when every entry's fits in `w` columns, else
/// the file on a line of its own (3 lines an entry instead of 2).
fn lines_per_row(rows: &[Row], w: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let fits = rows.iter().all(|r| {
        let file = r.file.as_deref().map_or(0, |f| f.width() + " · ".width());
        INDENT + r.sub.width() + file <= w
    });
    if fits { 2 } else { 3 }
}

/// One of home's two panes, framed and titled (its frame bold when it has
/// the keys): the area inside.
fn pane(app: &App, which: HomePane, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    let b = block(
        format!(" {} ", tr(app.lang, title)),
        app.home.pane == which,
        &app.theme,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    inner
}

/// Under an entry's title.
const INDENT: usize = 3;

fn sessions(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    let inner = pane(app, HomePane::Sessions, "home-sessions", area, buf);
    let rows = rows(app);
    let w = inner.width as usize;
    let per = lines_per_row(&rows, w);
    let visible = (inner.height as usize / per).max(1);
    let start = scroll_for(app.home.selected, visible, rows.len());
    for (i, row) in rows.iter().enumerate().skip(start).take(visible) {
        let y = inner.y + ((i - start) * per) as u16;
        let sel = i == app.home.selected && app.home.pane == HomePane::Sessions;
        let style = if sel {
            t.selected
        } else if i < HomeState::FIXED_ROWS {
            t.accent
        } else {
            t.base
        };
        let room = w.saturating_sub(1);
        let title = format!(" {:<room$}", shorten(&row.title, room));
        let sub_room = w.saturating_sub(INDENT);
        let mut lines = vec![(title, style)];
        match (&row.file, per) {
            (Some(file), 2) => lines.push((format!("{} · {file}", row.sub), t.muted)),
            (Some(file), _) => {
                lines.push((shorten(&row.sub, sub_room), t.muted));
                lines.push((fit(file, sub_room), t.muted));
            }
            (None, _) => lines.push((shorten(&row.sub, sub_room), t.muted)),
        }
        for (k, (text, style)) in lines.into_iter().enumerate() {
            let y = y + k as u16;
            if y >= inner.bottom() {
                break;
            }
            let (x, room) = if k == 0 {
                (inner.x, w)
            } else {
                (inner.x + INDENT as u16, sub_room)
            };
            buf.set_stringn(x, y, text, room, style);
        }
    }
    if app.home.sessions.is_empty() && inner.height as usize > rows.len() * per + 2 {
        let y = inner.y + (rows.len() * per) as u16 + 1;
        let room = w.saturating_sub(1);
        let text = shorten(&tr(lang, "home-no-sessions"), room);
        buf.set_stringn(inner.x + 1, y, text, room, t.muted);
    }
}

impl Widget for HomeView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        sessions(app, left, buf);
        library(app, right, buf);
    }
}

/// The method library: the methods by stage, and the selected one's steps.
fn library(app: &App, area: Rect, buf: &mut Buffer) {
    use unicode_width::UnicodeWidthStr;
    let t = &app.theme;
    let lang = app.lang;
    let inner = pane(app, HomePane::Methods, "home-library", area, buf);
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
        // The minutes always show: the name gives way.
        let minutes = t!(lang, "minutes-short", n = m.minutes());
        let room = (list.width as usize).saturating_sub(2 + 3 + minutes.width());
        let name = shorten(&safe_line(m.name.get(lang)), room);
        lines.push((Some(i), format!("  {name} · {minutes}")));
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
            Some(i) if *i == app.home.method && app.home.pane == HomePane::Methods => t.selected,
            Some(i) if *i == app.home.method => t.accent,
            _ => t.base,
        };
        buf.set_stringn(
            list.x,
            y,
            fit(text, list.width as usize),
            list.width as usize,
            style,
        );
    }
    method(app, detail, buf);
}

/// The selected method: its facts, purpose and steps.
fn method(app: &App, detail: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    if let Some(m) = app.library.methods.get(app.home.method) {
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

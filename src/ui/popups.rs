//! Popups that take keys first: a one-line field, a list to choose from,
//! and the note editor.

use super::widgets::{centered, fit, popup, safe_line, scroll_for};
use crate::app::state::{App, EditorField};
use crate::model::NoteKind;
use ratatui::prelude::*;
use ratatui::widgets::Paragraph;

pub struct Popups<'a>(pub &'a App);

impl Widget for Popups<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        if let Some(p) = &app.picker {
            let h = (p.items.len() as u16 + 2)
                .min(area.height.saturating_sub(2))
                .max(3);
            let rect = centered(area, 70, h);
            let inner = popup(rect, buf, &p.title, t);
            let start = scroll_for(p.selected, inner.height as usize, p.items.len());
            for (i, item) in p
                .items
                .iter()
                .enumerate()
                .skip(start)
                .take(inner.height as usize)
            {
                let y = inner.y + (i - start) as u16;
                let style = if i == p.selected { t.selected } else { t.base };
                let w = inner.width as usize;
                buf.set_stringn(
                    inner.x,
                    y,
                    format!("{:<w$}", fit(&safe_line(item), w)),
                    w,
                    style,
                );
            }
        }
        if app.board.results
            && let Some(s) = app.session()
        {
            let lines = super::board::results_lines(app, s);
            let h = (lines.len() as u16 + 2)
                .min(area.height.saturating_sub(2))
                .max(3);
            let rect = centered(area, 76, h);
            let inner = popup(rect, buf, "Vote results", t);
            Paragraph::new(lines).render(inner, buf);
        }
        if let Some(c) = &app.capture
            && let Some(s) = app.session()
        {
            let h = 3.min(area.height);
            let rect = Rect {
                x: area.x,
                y: area.bottom().saturating_sub(h + 1).max(area.y),
                width: area.width,
                height: h,
            };
            let who = c
                .author
                .checked_sub(1)
                .and_then(|i| s.participants.get(i))
                .map_or("no author".to_owned(), |p| safe_line(&p.name).into_owned());
            let title = format!(
                "New sticky · {who} (Tab) · {} (Ctrl-n) · Enter adds · Esc closes · {} added",
                c.colour.label(),
                c.added
            );
            let inner = popup(rect, buf, &title, t);
            if inner.width > 2 && inner.height > 0 {
                let swatch = super::board::sticky_style(c.colour, t.colour);
                buf.set_stringn(
                    inner.x,
                    inner.y,
                    "■ ",
                    2,
                    if t.colour {
                        Style::default().fg(swatch.bg.unwrap_or_default())
                    } else {
                        t.accent
                    },
                );
                let field = Rect {
                    x: inner.x + 2,
                    width: inner.width - 2,
                    ..inner
                };
                input_line(
                    c.input.value(),
                    c.input.visual_cursor(),
                    field,
                    buf,
                    t.base,
                    t.selected,
                );
            }
        }
        if app.search.editing {
            let rect = Rect {
                x: area.x,
                y: area.bottom().saturating_sub(1),
                width: area.width,
                height: 1.min(area.height),
            };
            if rect.height > 0 && rect.width > 8 {
                buf.set_stringn(rect.x, rect.y, "Search: ", 8, t.accent);
                let field = Rect {
                    x: rect.x + 8,
                    width: rect.width - 8,
                    ..rect
                };
                input_line(
                    app.search.input.value(),
                    app.search.input.visual_cursor(),
                    field,
                    buf,
                    t.base,
                    t.selected,
                );
            }
        }
        if let Some(f) = &app.field {
            let rect = centered(area, 70, 3);
            let inner = popup(rect, buf, &f.title, t);
            input_line(
                f.input.value(),
                f.input.visual_cursor(),
                inner,
                buf,
                t.base,
                t.selected,
            );
        }
        if let Some(ed) = &app.editor {
            let Some(s) = app.session() else { return };
            let rect = centered(area, 78, area.height.saturating_sub(2).clamp(3, 18));
            let title = if ed.editing.is_some() {
                "Edit note · Ctrl-s saves · Esc cancels"
            } else {
                "New note · Ctrl-s saves · Esc cancels"
            };
            let inner = popup(rect, buf, title, t);
            if inner.height == 0 {
                return;
            }
            let [text, kind, author, tags] = Layout::vertical([
                Constraint::Min(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            let focus = |f: EditorField| if ed.field == f { t.selected } else { t.muted };
            ed.text.render(text, buf);
            let kinds: Vec<Span> = NoteKind::ALL
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    let style = if *k == ed.kind {
                        t.accent.add_modifier(Modifier::REVERSED)
                    } else {
                        t.muted
                    };
                    Span::styled(format!(" {} {} ", i + 1, k.label()), style)
                })
                .collect();
            let mut line = vec![Span::styled("Kind    ", focus(EditorField::Kind))];
            line.extend(kinds);
            buf.set_line(kind.x, kind.y, &Line::from(line), kind.width);
            let who = ed
                .author
                .checked_sub(1)
                .and_then(|i| s.participants.get(i))
                .map_or("(nobody in particular)".to_owned(), |p| {
                    format!("{} · {}", safe_line(&p.name), p.role.label())
                });
            buf.set_line(
                author.x,
                author.y,
                &Line::from(vec![
                    Span::styled("Author  ", focus(EditorField::Author)),
                    Span::raw(format!("◀ {who} ▶")),
                ]),
                author.width,
            );
            buf.set_stringn(tags.x, tags.y, "Tags    ", 8, focus(EditorField::Tags));
            let tag_area = Rect {
                x: tags.x + 8.min(tags.width),
                width: tags.width.saturating_sub(8),
                ..tags
            };
            if ed.field == EditorField::Tags {
                input_line(
                    ed.tags.value(),
                    ed.tags.visual_cursor(),
                    tag_area,
                    buf,
                    t.base,
                    t.selected,
                );
            } else {
                Paragraph::new(safe_line(ed.tags.value()).into_owned()).render(tag_area, buf);
            }
        }
    }
}

/// A one-line input with a visible cursor, scrolled to keep it in view.
fn input_line(
    value: &str,
    cursor: usize,
    area: Rect,
    buf: &mut Buffer,
    style: Style,
    cursor_style: Style,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let w = area.width as usize;
    let shown = safe_line(value);
    let scroll = cursor.saturating_sub(w.saturating_sub(1));
    let text: String = shown.chars().skip(scroll).collect();
    buf.set_stringn(area.x, area.y, format!("{:<w$}", fit(&text, w)), w, style);
    let cx = area.x + (cursor - scroll).min(w - 1) as u16;
    if let Some(cell) = buf.cell_mut((cx, area.y)) {
        cell.set_style(cursor_style);
    }
}

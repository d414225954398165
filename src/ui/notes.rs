//! Notes: list, edit and delete notes, stage by stage.

use super::widgets::{block, fit, safe, safe_line, scroll_for};
use crate::app::state::App;
use crate::i18n::{self, tr};
use crate::t;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};

pub struct NotesView<'a>(pub &'a App);

impl Widget for NotesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let Some(s) = app.session() else { return };
        let lang = app.lang;
        let stage_name = match app.notes.stage {
            0 => tr(lang, "notes-all-stages"),
            i => s
                .agenda
                .get(i - 1)
                .map_or(String::new(), |st| safe_line(&st.title).into_owned()),
        };
        let visible = app.visible_notes();
        let title = format!(
            " {} ",
            t!(lang, "notes-title", stage = stage_name, n = visible.len())
        );
        let b = block(title, true, t);
        let inner = b.inner(area);
        b.render(area, buf);
        if inner.height == 0 {
            return;
        }
        let [list, detail] = if inner.height > 10 {
            Layout::vertical([Constraint::Min(0), Constraint::Length(inner.height / 3)])
                .areas(inner)
        } else {
            [inner, Rect::default()]
        };
        if visible.is_empty() {
            buf.set_stringn(
                list.x,
                list.y,
                tr(lang, "notes-empty"),
                list.width as usize,
                t.muted,
            );
            return;
        }
        let h = list.height as usize;
        let start = scroll_for(app.notes.selected, h, visible.len());
        let w = list.width as usize;
        let kind_w = super::widgets::note_kind_width(lang);
        let zone = app.zone();
        let private_tag = tr(lang, "private-tag");
        for (row, &i) in visible.iter().enumerate().skip(start).take(h) {
            let n = &s.notes[i];
            let y = list.y + (row - start) as u16;
            let sel = row == app.notes.selected;
            let author = s.participant_name(n.author.as_ref());
            let time = n.time.clock(&zone);
            let head = format!(
                "{time} {} ",
                super::widgets::pad(&i18n::note_kind(lang, n.kind), kind_w)
            );
            // Private notes say so in words, not only in colour.
            let tag = if n.private {
                format!("{private_tag} ")
            } else {
                String::new()
            };
            let tail = if author.is_empty() {
                String::new()
            } else {
                format!(" — {}", safe_line(author))
            };
            let body = fit(
                &format!("{}{}", safe_line(&n.text), tail),
                w.saturating_sub(head.chars().count() + tag.chars().count()),
            );
            let line = Line::from(vec![
                Span::styled(head, if sel { t.selected } else { t.key }),
                Span::styled(tag, if sel { t.selected } else { t.warning }),
                Span::styled(body, if sel { t.selected } else { t.base }),
            ]);
            buf.set_line(list.x, y, &line, list.width);
        }
        if detail.height > 0
            && let Some(n) = visible.get(app.notes.selected).map(|&i| &s.notes[i])
        {
            let b = block(format!(" {} ", tr(lang, "notes-note")), false, t);
            let inner = b.inner(detail);
            b.render(detail, buf);
            let mut lines: Vec<Line> = safe(&n.text)
                .lines()
                .map(|l| Line::raw(l.to_owned()))
                .collect();
            if !n.tags.is_empty() {
                lines.push(Line::styled(format!("#{}", n.tags.join(" #")), t.muted));
            }
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(inner, buf);
        }
    }
}

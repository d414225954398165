//! The actions screen: who does what by when, by status then due date;
//! and, under the owner field of the action form, the people it finds.

use super::widgets::{block, centered, fit, pad, popup, safe_line, scroll_for};
use crate::app::rooms::actions::{STATUSES, owner_matches, sorted, status_key};
use crate::app::state::{App, FieldPurpose};
use crate::i18n::tr;
use crate::model::time::iso_date;
use crate::t;
use ratatui::prelude::*;
use unicode_width::UnicodeWidthStr;

pub struct ActionsView<'a>(pub &'a App);

impl Widget for ActionsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let lang = app.lang;
        let Some(s) = app.session() else { return };
        let title = t!(
            lang,
            "actions-title",
            n = s.actions.len() as i64,
            open = s.open_actions().count() as i64,
            notes = s.unassigned_actions() as i64
        );
        let b = block(format!(" {title} "), true, t);
        let inner = b.inner(area);
        b.render(area, buf);
        if inner.height == 0 || inner.width < 8 {
            return;
        }
        let w = inner.width as usize;
        if s.actions.is_empty() {
            let hint = tr(lang, "actions-empty");
            buf.set_stringn(inner.x, inner.y, fit(&hint, w), w, t.muted);
            return;
        }
        let status_w = STATUSES
            .iter()
            .map(|st| tr(lang, status_key(*st)).width())
            .chain([tr(lang, "actions-col-status").width()])
            .max()
            .unwrap_or(0);
        let due_w = 10.max(tr(lang, "actions-col-due").width());
        let owner_w = s
            .actions
            .iter()
            .map(|a| safe_line(&a.owner).width())
            .chain([tr(lang, "actions-col-owner").width()])
            .max()
            .unwrap_or(0)
            .min(w / 4);
        let row = |status: &str, due: &str, owner: &str, text: &str| {
            format!(
                "{} {} {} {}",
                pad(status, status_w),
                pad(due, due_w),
                pad(owner, owner_w),
                text
            )
        };
        let head = row(
            &tr(lang, "actions-col-status"),
            &tr(lang, "actions-col-due"),
            &tr(lang, "actions-col-owner"),
            &tr(lang, "actions-col-text"),
        );
        buf.set_stringn(inner.x, inner.y, fit(&head, w), w, t.muted);
        let h = inner.height.saturating_sub(1) as usize;
        let order = sorted(s);
        let sel = app.actions.min(order.len() - 1);
        let start = scroll_for(sel, h, order.len());
        for (r, &i) in order.iter().enumerate().skip(start).take(h) {
            let a = &s.actions[i];
            let due = a.due.map(iso_date::format).unwrap_or_default();
            let line = row(
                &tr(lang, status_key(a.status)),
                &due,
                &safe_line(&a.owner),
                &safe_line(&a.text),
            );
            let style = if r == sel {
                t.selected
            } else if matches!(
                a.status,
                crate::model::ActionStatus::Done | crate::model::ActionStatus::Dropped
            ) {
                t.muted
            } else {
                t.base
            };
            let y = inner.y + 1 + (r - start) as u16;
            buf.set_stringn(inner.x, y, pad(&line, w), w, style);
        }
    }
}

/// Under the owner field: the people what is typed finds (Tab takes the
/// first; anything else is kept as typed).
pub fn owner_hint(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(f) = &app.field else { return };
    if !matches!(f.purpose, FieldPurpose::ActionOwner(_)) {
        return;
    }
    let Some(s) = app.session() else { return };
    let found = owner_matches(s, f.input.value());
    let text = if found.is_empty() {
        tr(app.lang, "actions-owner-free")
    } else {
        found
            .iter()
            .map(|n| safe_line(n).into_owned())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let field = centered(area, 70, 3);
    let below = Rect {
        y: (field.y + field.height).min(area.bottom().saturating_sub(3)),
        height: 3,
        ..field
    };
    if below.height < 3 || below.y < field.y + field.height {
        return;
    }
    let inner = popup(below, buf, &tr(app.lang, "actions-owner-found"), &app.theme);
    let w = inner.width as usize;
    buf.set_stringn(inner.x, inner.y, fit(&text, w), w, app.theme.muted);
}

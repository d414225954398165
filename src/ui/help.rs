//! Help: generated from the keymap of the screen in use and the keys that
//! work everywhere, grouped by what they are for (moving, screens, timer,
//! capture, board, voting, editing, files: `Action::group`), always in
//! that order; a long description wraps under itself, never under the keys.

use super::widgets::{centered, popup};
use crate::app::action::{Action, HelpGroup};
use crate::app::keymap::Context;
use crate::app::state::App;
use crate::i18n::{key_list, tr};
use ratatui::prelude::*;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub struct Help<'a>(pub &'a App);

/// The keys of the screen in use, then those that work everywhere (a key
/// the screen binds itself is its own), in (group, rank) order.
pub fn entries(app: &App) -> Vec<(HelpGroup, String, Action)> {
    let ctx = app.context();
    let mut all = app.keymap.help(ctx);
    if ctx != Context::Editor && ctx != Context::Picker {
        for (keys, action) in app.keymap.help(Context::Global) {
            let free: Vec<&str> = keys
                .split(", ")
                .filter(|k| !all.iter().any(|(ks, _)| ks.split(", ").any(|x| x == *k)))
                .collect();
            if !free.is_empty() && !all.iter().any(|(_, a)| *a == action) {
                all.push((free.join(", "), action));
            }
        }
    }
    let mut out: Vec<((HelpGroup, u8), String, Action)> =
        all.into_iter().map(|(k, a)| (a.group(), k, a)).collect();
    out.sort_by_key(|(p, _, _)| *p);
    out.into_iter().map(|((g, _), k, a)| (g, k, a)).collect()
}

/// The keys as shown: `1`…`9` rather than nine of them.
fn keys_label(lang: &str, keys: &str, action: Action) -> String {
    if matches!(action, Action::ToCluster(_)) {
        return "1…9".to_owned();
    }
    key_list(lang, keys)
}

/// The help's lines for `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let lang = app.lang;
    const KEYS_W: usize = 18;
    let indent = 2 + KEYS_W + 1;
    let text_w = width.saturating_sub(indent).max(12);
    let mut lines = vec![Line::styled(app.context().title(lang), t.title)];
    let mut group = None;
    for (g, keys, action) in entries(app) {
        if group != Some(g) {
            lines.push(Line::raw(""));
            lines.push(Line::styled(tr(lang, g.key()), t.title));
            group = Some(g);
        }
        let keys = keys_label(lang, &keys, action);
        let text = action.describe(lang);
        let wrapped = textwrap::wrap(&text, text_w);
        let mut first = true;
        if keys.width() > KEYS_W {
            lines.push(Line::styled(format!("  {keys}"), t.key));
            first = false;
        }
        for part in wrapped {
            let head = if first {
                Span::styled(format!("  {keys:<KEYS_W$} "), t.key)
            } else {
                Span::raw(" ".repeat(indent))
            };
            lines.push(Line::from(vec![head, Span::raw(part.into_owned())]));
            first = false;
        }
    }
    lines.push(Line::raw(""));
    for part in textwrap::wrap(&tr(lang, "help-keymap-file"), width.max(12)) {
        lines.push(Line::styled(part.into_owned(), t.muted));
    }
    lines
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let rect = centered(area, 76, area.height.saturating_sub(2).max(3));
        let inner = popup(rect, buf, &tr(app.lang, "help-title"), &app.theme);
        Paragraph::new(lines(app, inner.width as usize))
            .scroll((app.help_scroll, 0))
            .render(inner, buf);
    }
}

//! The cluster suggestions popup: each suggested theme with the words that
//! justify it and its stickies.

use super::widgets::{centered, fit, item_lines, popup, safe_line};
use crate::app::state::App;
use crate::model::suggest::Scope;
use crate::t;
use ratatui::prelude::*;

pub struct SuggestView<'a>(pub &'a App);

impl Widget for SuggestView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let (Some(st), Some(s)) = (app.suggest.as_ref(), app.session()) else {
            return;
        };
        let t = &app.theme;
        let lang = app.lang;
        let scope = match st.scope {
            Scope::Inbox => t!(lang, "suggest-scope-inbox"),
            Scope::Board => t!(lang, "suggest-scope-board"),
        };
        let title = t!(
            lang,
            "suggest-title",
            scope = scope,
            threshold = {
                // Two digits, with the local decimal mark (0,15 in French).
                let th = format!("{:.2}", st.threshold);
                if crate::i18n::supported(lang) == "fr" {
                    th.replace('.', ",")
                } else {
                    th
                }
            }
        );
        let rect = centered(area, 90, area.height.saturating_sub(2).max(3));
        let inner = popup(rect, buf, &title, t);
        if inner.height == 0 || inner.width < 4 {
            return;
        }
        let w = inner.width as usize;
        if st.items.is_empty() {
            let text = t!(lang, "suggest-none");
            buf.set_stringn(inner.x, inner.y, fit(&text, w), w, t.muted);
            return;
        }
        // One block per suggestion: title, words, then a few stickies.
        let mut lines: Vec<(Line, usize)> = Vec::new();
        for (i, sg) in st.items.iter().enumerate() {
            let sel = i == st.selected;
            let head = t!(
                lang,
                "suggest-item",
                title = sg.title.clone(),
                n = sg.stickies.len() as i64
            );
            lines.push((
                Line::styled(
                    fit(&safe_line(&head), w),
                    if sel { t.selected } else { t.title },
                ),
                i,
            ));
            let why = t!(lang, "suggest-words", words = sg.words.join(", "));
            lines.push((Line::styled(fit(&safe_line(&why), w), t.accent), i));
            for id in sg.stickies.iter().take(if sel { 6 } else { 2 }) {
                if let Some(x) = s.sticky(id) {
                    lines.push((
                        Line::styled(fit(&format!("  · {}", safe_line(&x.text)), w), t.base),
                        i,
                    ));
                }
            }
            if sg.stickies.len() > if sel { 6 } else { 2 } {
                lines.push((Line::styled("  …", t.muted), i));
            }
            lines.push((Line::raw(""), i));
        }
        item_lines(&lines, st.selected, 3, inner, buf);
    }
}

//! Help: generated from the keymap of the screen in use, then the keys
//! that work everywhere.

use super::widgets::{centered, popup};
use crate::app::keymap::Context;
use crate::app::state::App;
use crate::i18n::{key_list, tr};
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};

pub struct Help<'a>(pub &'a App);

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let rect = centered(area, 76, area.height.saturating_sub(2).max(3));
        let lang = app.lang;
        let inner = popup(rect, buf, &tr(lang, "help-title"), t);
        let ctx = app.context();
        let mut lines = Vec::new();
        let mut contexts = vec![ctx];
        if ctx != Context::Editor && ctx != Context::Picker {
            contexts.push(Context::Global);
        }
        for c in contexts {
            lines.push(Line::styled(c.title(lang), t.title));
            for (keys, action) in app.keymap.help(c) {
                let keys = key_list(lang, &keys);
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys:<18}"), t.key),
                    Span::raw(action.describe(lang)),
                ]));
            }
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(tr(lang, "help-keymap-file"), t.muted));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.help_scroll, 0))
            .render(inner, buf);
    }
}

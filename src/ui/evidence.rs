//! The prototypes of the current stage: what each tests, its hypothesis,
//! the feedback gathered, its verdict and how many photos it has.

use super::widgets::{block, fit, pad, safe_line, shorten};
use crate::app::evidence::stage_prototypes;
use crate::app::state::App;
use crate::i18n;
use crate::model::Verdict;
use crate::t;
use ratatui::prelude::*;

pub struct Prototypes<'a>(pub &'a App);

/// A verdict in a word, "to decide" when there is none yet.
pub fn verdict_label(lang: &str, v: Option<Verdict>) -> String {
    v.map_or_else(
        || i18n::tr(lang, "evidence-verdict-none"),
        |v| i18n::verdict(lang, v),
    )
}

/// The verdict column: as wide as the longest verdict word in every
/// language of the interface, so a verdict never moves the names.
pub fn verdict_width() -> usize {
    use unicode_width::UnicodeWidthStr;
    let verdicts = [
        None,
        Some(Verdict::Keep),
        Some(Verdict::Change),
        Some(Verdict::Drop),
    ];
    ["en", "fr"]
        .iter()
        .flat_map(|lang| verdicts.iter().map(|v| verdict_label(lang, *v).width()))
        .max()
        .unwrap_or(0)
}

impl Widget for Prototypes<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let lang = app.lang;
        let Some(s) = app.session() else { return };
        let list = stage_prototypes(app);
        let title = t!(lang, "evidence-prototypes-title", n = list.len() as i64);
        let b = block(format!(" {title} "), false, t);
        let inner = b.inner(area);
        b.render(area, buf);
        if inner.height == 0 || inner.width < 4 {
            return;
        }
        let w = inner.width as usize;
        if list.is_empty() {
            let hint = t!(lang, "evidence-prototypes-empty");
            buf.set_stringn(inner.x, inner.y, fit(&hint, w), w, t.muted);
            return;
        }
        let sel = app.facilitate.prototype.min(list.len() - 1);
        let mut y = inner.y;
        for (i, p) in list.iter().enumerate() {
            if y >= inner.bottom() {
                break;
            }
            let photos = s
                .attachments
                .iter()
                .filter(|a| a.to.as_ref() == Some(&p.id))
                .count();
            let head = t!(
                lang,
                "evidence-prototype-line",
                name = safe_line(&p.name).into_owned(),
                photos = photos as i64
            );
            // The verdict in a column of its own, as wide as the longest.
            let vw = verdict_width().min(w / 2);
            let rest = w.saturating_sub(vw + 1);
            let line = format!(
                "{} {}",
                pad(&verdict_label(lang, p.verdict), vw),
                shorten(&head, rest)
            );
            let style = if i == sel { t.selected } else { t.accent };
            buf.set_stringn(inner.x, y, line, w, style);
            y += 1;
            if i == sel {
                for line in [
                    (!p.tests.is_empty())
                        .then(|| t!(lang, "evidence-tests", text = p.tests.clone())),
                    (!p.hypothesis.is_empty())
                        .then(|| t!(lang, "evidence-hypothesis", text = p.hypothesis.clone())),
                ]
                .into_iter()
                .flatten()
                .chain(p.feedback.iter().map(|f| format!("  « {f} »")))
                {
                    if y >= inner.bottom() {
                        break;
                    }
                    buf.set_stringn(inner.x, y, fit(&safe_line(&line), w), w, t.base);
                    y += 1;
                }
            }
        }
    }
}

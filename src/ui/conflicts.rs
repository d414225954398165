//! The merge conflicts popup: what differs, the version in place and the
//! other one, for the facilitator to pick.

use super::widgets::{centered, fit, item_lines, popup, safe_line};
use crate::app::state::App;
use crate::model::{ConflictAbout, ConflictValue, ConflictWhy, Item, Session};
use crate::t;
use ratatui::prelude::*;

pub struct ConflictsView<'a>(pub &'a App);

/// A conflict's version in a line of words.
fn describe(lang: &str, s: &Session, v: &ConflictValue) -> String {
    match v {
        ConflictValue::Deleted => t!(lang, "conflicts-deleted"),
        ConflictValue::Text(text) => text.clone(),
        ConflictValue::Item(item) => match item.as_ref() {
            Item::Sticky(x) => {
                let place = x
                    .cluster
                    .as_ref()
                    .and_then(|c| s.cluster(c))
                    .map(|c| c.title.clone())
                    .unwrap_or_default();
                if place.is_empty() {
                    x.text.clone()
                } else {
                    format!("{} [{place}]", x.text)
                }
            }
            Item::Note(x) => format!("{}: {}", crate::i18n::note_kind(lang, x.kind), x.text),
            Item::Cluster(x) => x.title.clone(),
            Item::Participant(x) => format!("{} ({})", x.name, crate::i18n::role(lang, x.role)),
            Item::Guest(x) => x.name.clone(),
            Item::Stage(x) => {
                let steps: Vec<String> = x
                    .steps
                    .iter()
                    .map(|st| format!("{} {} min", st.title, st.minutes))
                    .collect();
                format!("{}: {}", x.title, steps.join(", "))
            }
            Item::Round(x) => format!("{} ({} dots)", x.title, x.dots),
            Item::Vote(x) => format!("{} × {:?}", x.count, x.target),
            Item::Action(x) => format!(
                "{} ({}, {})",
                x.text,
                x.owner,
                crate::i18n::action_status(lang, x.status)
            ),
            Item::Prototype(x) => x.name.clone(),
            Item::Attachment(x) => x.caption.clone(),
            Item::Conflict(_) => String::new(),
        },
    }
}

impl Widget for ConflictsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let (Some(st), Some(s)) = (app.conflicts.as_ref(), app.session()) else {
            return;
        };
        let t = &app.theme;
        let lang = app.lang;
        let title = t!(lang, "conflicts-title", n = s.conflicts.len() as i64);
        let rect = centered(area, 96, area.height.saturating_sub(2).max(3));
        let inner = popup(rect, buf, &title, t);
        if inner.height == 0 || inner.width < 4 {
            return;
        }
        let w = inner.width as usize;
        let mut lines: Vec<(Line, usize)> = Vec::new();
        for (i, c) in s.conflicts.iter().enumerate() {
            let sel = i == st.selected;
            let about = match &c.about {
                ConflictAbout::Field(name) => {
                    t!(lang, "conflicts-about-field", field = name.clone())
                }
                ConflictAbout::Item(_) => t!(lang, "conflicts-about-item"),
            };
            let head = [about]
                .into_iter()
                .chain(c.why.map(|w| why(lang, w)))
                .chain(Some(c.note.clone()).filter(|n| !n.is_empty()))
                .collect::<Vec<_>>()
                .join(" · ");
            lines.push((
                Line::styled(
                    fit(&safe_line(&head), w),
                    if sel { t.selected } else { t.title },
                ),
                i,
            ));
            let kept = describe(lang, s, &s.conflict_kept(c));
            let other = describe(lang, s, &c.other);
            let kept = t!(lang, "conflicts-in-place", text = kept);
            let other = t!(lang, "conflicts-other", text = other);
            lines.push((Line::styled(fit(&safe_line(&kept), w), t.base), i));
            lines.push((Line::styled(fit(&safe_line(&other), w), t.accent), i));
            lines.push((Line::raw(""), i));
        }
        item_lines(&lines, st.selected, 2, inner, buf);
    }
}

/// Why a merge recorded a conflict, in the reader's words.
fn why(lang: &str, why: ConflictWhy) -> String {
    match why {
        ConflictWhy::BothChanged => t!(lang, "conflicts-note-both"),
        ConflictWhy::OursChanged => t!(lang, "conflicts-note-ours-changed"),
        ConflictWhy::TheirsChanged => t!(lang, "conflicts-note-theirs-changed"),
    }
}

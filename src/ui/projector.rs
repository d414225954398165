//! Projector view: the timer in the largest digits that fit, centred,
//! with the stage, the step and its prompt (and, while collecting, the
//! address and its QR code), readable from the back of the room; still
//! correct at 80x24. From the board it projects the wall instead, and
//! from the results the ranked results (`ui::wall`).

use super::facilitate::{timer_label, timer_style};
use super::widgets::{clock, safe, safe_line};
use crate::app::state::{App, Projection};
use crate::i18n::tr;
use crate::model::Timer;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

pub struct Projector<'a>(pub &'a App);

/// The biggest glyph size whose text fits: (size, columns and rows per glyph).
fn pick_size(chars: u16, width: u16, height: u16) -> Option<(PixelSize, u16)> {
    [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
        (PixelSize::Sextant, 4, 3),
    ]
    .into_iter()
    .find(|(_, w, h)| chars * w <= width && *h <= height)
    .map(|(p, _, h)| (p, h))
}

impl Widget for Projector<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        if area.width == 0 || area.height == 0 {
            return;
        }
        match app.projection {
            Projection::Wall => return super::wall::Wall(app).render(area, buf),
            Projection::Results => return super::wall::Results(app).render(area, buf),
            Projection::Timer => {}
        }
        let t = &app.theme;
        let Some(s) = app.session() else { return };
        let area = super::collect::projector_panel(app, area, buf);
        let Some(pos) = s.current_or_first() else {
            Paragraph::new(tr(app.lang, "agenda-empty"))
                .style(t.muted)
                .render(area, buf);
            return;
        };
        let stage = &s.agenda[pos.stage];
        let step = &stage.steps[pos.step];
        let remaining = s.remaining(app.now);
        let style = timer_style(app, s);
        let text = clock(remaining);
        // The prompt, wrapped, takes at most a third of the height.
        let prompt = safe(&step.prompt).into_owned();
        let prompt_h = if prompt.trim().is_empty() {
            0
        } else {
            let w = area.width.max(1) as usize;
            let lines: usize = prompt
                .lines()
                .map(|l| textwrap::wrap(l, w).len().max(1))
                .sum();
            (lines as u16).min(area.height / 3)
        };
        // Head (2), a blank, the digits, a blank, the label, a blank, the prompt.
        let fixed = 2 + 1 + 1 + 1 + 1 + prompt_h;
        let big = pick_size(
            text.chars().count() as u16,
            area.width,
            area.height.saturating_sub(fixed),
        );
        // Full-size digits grow by whole steps while they fit (half the
        // height at most, so the step and the prompt stay readable).
        let chars = text.chars().count() as u16;
        let scale = match big {
            Some((PixelSize::Full, _)) => (area.width / (chars * 8).max(1))
                .min(area.height.saturating_sub(fixed) / 8)
                .min(area.height / 16)
                .max(1),
            _ => 1,
        };
        let big_h = big.map_or(1, |(_, h)| h * scale);
        let used = (fixed + big_h).min(area.height);
        let top = area.y + (area.height - used) / 2;
        let area = Rect {
            y: top,
            height: area.bottom() - top,
            ..area
        };
        let [head, _, timer, _, status, _, prompt_area] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Length(big_h),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        Paragraph::new(vec![
            Line::styled(safe_line(&stage.title).into_owned(), t.muted).centered(),
            Line::styled(safe_line(&step.title).into_owned(), t.accent).centered(),
        ])
        .render(head, buf);
        match big {
            Some((PixelSize::Full, _)) if scale > 1 => scaled(&text, scale, style, timer, buf),
            Some((size, _)) => BigText::builder()
                .pixel_size(size)
                .style(style)
                .centered()
                .lines(vec![Line::from(text)])
                .build()
                .render(timer, buf),
            None => Paragraph::new(Line::styled(text, style).centered()).render(timer, buf),
        }
        let overrun = remaining < 0 && !matches!(s.run.timer, Timer::Idle);
        let label = if overrun {
            tr(app.lang, "timer-time-is-up")
        } else {
            timer_label(app.lang, s)
        };
        Paragraph::new(Line::styled(label, if overrun { t.overrun } else { t.muted }).centered())
            .render(status, buf);
        Paragraph::new(prompt)
            .wrap(Wrap { trim: true })
            .centered()
            .render(prompt_area, buf);
    }
}

/// `text` in full-size big digits, each cell drawn as a `k`x`k` block,
/// centred in `area`.
fn scaled(text: &str, k: u16, style: Style, area: Rect, buf: &mut Buffer) {
    let w = text.chars().count() as u16 * 8;
    let small = Rect::new(0, 0, w, 8);
    // A scratch buffer of this function's own: the screen is `buf`.
    let glyphs = &mut Buffer::empty(small);
    BigText::builder()
        .pixel_size(PixelSize::Full)
        .lines(vec![Line::from(text.to_owned())])
        .build()
        .render(small, glyphs);
    let x0 = area.x + area.width.saturating_sub(w * k) / 2;
    for (y, x) in (0..8).flat_map(|y| (0..w).map(move |x| (y, x))) {
        if glyphs[(x, y)].symbol() == " " {
            continue;
        }
        for (dy, dx) in (0..k).flat_map(|dy| (0..k).map(move |dx| (dy, dx))) {
            let (cx, cy) = (x0 + x * k + dx, area.y + y * k + dy);
            if cx < area.right() && cy < area.bottom() {
                buf[(cx, cy)].set_symbol("█").set_style(style);
            }
        }
    }
}

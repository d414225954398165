//! Collecting stickies from phones, on screen: the address and QR code
//! (facilitation and projector views), the pending count in the status
//! line, and the pending tray.

use super::widgets::{block, centered, fit, pad, popup, safe_line, scroll_for};
use crate::app::Action;
use crate::app::keymap::Context;
use crate::app::state::{App, CollectView};
use crate::i18n::{key_label, tr};
use crate::t;
use ratatui::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Columns the facilitation view keeps beside the QR code (else no code).
const BESIDE_FACILITATE: u16 = 40;
/// Columns the projector keeps for the timer beside the QR code.
const BESIDE_PROJECTOR: u16 = 30;
/// At most this many addresses are listed.
const MAX_URLS: usize = 3;

/// The keys the status line suggests in the tray.
pub const HINTS: &[Action] = &[
    Action::AcceptSticky,
    Action::RejectSticky,
    Action::AcceptAllStickies,
    Action::AutoAccept,
    Action::Back,
];

/// A word or two for the status line (empty for other actions).
pub fn short(lang: &str, a: Action) -> String {
    match a {
        Action::AcceptSticky => tr(lang, "hint-accept-sticky"),
        Action::RejectSticky => tr(lang, "hint-reject-sticky"),
        Action::AcceptAllStickies => tr(lang, "hint-accept-all-stickies"),
        Action::AutoAccept => tr(lang, "hint-auto-accept"),
        Action::Collect => tr(lang, "hint-collect"),
        Action::OpenTray => tr(lang, "hint-open-tray"),
        _ => String::new(),
    }
}

/// The QR code's style: black on white; in reverse video without colours
/// (so it still scans on a dark terminal).
fn qr_style(app: &App) -> Style {
    if app.theme.colour {
        Style::default().fg(Color::Black).bg(Color::White)
    } else {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}

fn qr_size(view: &CollectView) -> (u16, u16) {
    let w = view.qr.first().map_or(0, |l| l.chars().count());
    (w as u16, view.qr.len() as u16)
}

fn draw_qr(app: &App, view: &CollectView, area: Rect, buf: &mut Buffer) {
    let style = qr_style(app);
    for (i, line) in view.qr.iter().enumerate().take(area.height as usize) {
        buf.set_stringn(area.x, area.y + i as u16, line, area.width as usize, style);
    }
}

/// `text` cut into pieces of at most `width` columns (addresses wrap
/// rather than lose their end).
fn chunks(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = vec![String::new()];
    for c in text.chars() {
        let cur = out.last_mut().map_or(0, |l| l.width());
        if cur + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width {
            out.push(String::new());
        }
        if let Some(l) = out.last_mut() {
            l.push(c);
        }
    }
    out
}

fn key(app: &App, ctx: Context, action: Action) -> String {
    key_label(
        app.lang,
        &app.keymap.key_for(ctx, action).unwrap_or_default(),
    )
}

/// While collecting, the facilitation view gives a strip at the bottom to
/// the addresses and the pending count, and its right side to the QR code
/// when it fits. Returns what is left for the view.
pub fn facilitate_panel(app: &App, area: Rect, buf: &mut Buffer) -> Rect {
    let Some(view) = &app.collecting else {
        return area;
    };
    if area.width < 10 || area.height < 6 {
        return area;
    }
    let t = &app.theme;
    let (qr_w, qr_h) = qr_size(view);
    let lines_of = |n: usize| -> Vec<String> {
        view.urls
            .iter()
            .take(n)
            .flat_map(|u| chunks(&safe_line(u), area.width.saturating_sub(2) as usize))
            .collect()
    };
    let strip_of = |lines: &[String]| (lines.len().max(1) as u16 + 2).min(area.height / 2);
    let mut lines = lines_of(MAX_URLS);
    // The code matters more than the other addresses: on a small screen
    // only the first (the one the code carries) is listed.
    if area.height.saturating_sub(strip_of(&lines)) < qr_h {
        let first = lines_of(1);
        if area.height.saturating_sub(strip_of(&first)) >= qr_h {
            lines = first;
        }
    }
    let strip_h = strip_of(&lines);
    let [rest, strip] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(strip_h)]).areas(area);
    let title = t!(
        app.lang,
        "collect-panel-title",
        n = app.pending.len(),
        key = key(app, Context::Facilitate, Action::OpenTray),
        stop = key(app, Context::Facilitate, Action::Collect)
    );
    let b = block(format!(" {title} "), false, t);
    let inner = b.inner(strip);
    b.render(strip, buf);
    if lines.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            tr(app.lang, "collect-no-address"),
            inner.width as usize,
            t.muted,
        );
    }
    for (i, l) in lines.iter().enumerate().take(inner.height as usize) {
        buf.set_stringn(
            inner.x,
            inner.y + i as u16,
            l,
            inner.width as usize,
            t.accent,
        );
    }
    if qr_w == 0 || rest.height < qr_h || rest.width < qr_w + 1 + BESIDE_FACILITATE {
        return rest;
    }
    let [left, _, code] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(qr_w),
    ])
    .areas(rest);
    draw_qr(app, view, code, buf);
    left
}

/// While collecting, the projector shows the first address at the bottom
/// and the QR code on the right when it fits (else the address alone).
/// Returns what is left for the timer and the prompt.
pub fn projector_panel(app: &App, area: Rect, buf: &mut Buffer) -> Rect {
    let Some(view) = &app.collecting else {
        return area;
    };
    let Some(url) = view.urls.first() else {
        return area;
    };
    let t = &app.theme;
    let lines = chunks(&safe_line(url), area.width as usize);
    let addr_h = (lines.len() as u16).min(area.height / 2);
    if addr_h == 0 {
        return area;
    }
    let [rest, addr] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(addr_h)]).areas(area);
    for (i, l) in lines.iter().enumerate().take(addr.height as usize) {
        let x = addr.x + (addr.width.saturating_sub(l.width() as u16)) / 2;
        buf.set_stringn(x, addr.y + i as u16, l, addr.width as usize, t.accent);
    }
    let (qr_w, qr_h) = qr_size(view);
    if qr_w == 0 || rest.height < qr_h || rest.width < qr_w + 1 + BESIDE_PROJECTOR {
        return rest;
    }
    let [left, _, right] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(qr_w),
    ])
    .areas(rest);
    // The code centred in its column, with a caption above when there is room.
    let spare = right.height - qr_h;
    let caption = spare > 0;
    let top = right.y + spare.saturating_sub(u16::from(caption)) / 2;
    if caption {
        let text = fit(&tr(app.lang, "collect-scan"), right.width as usize);
        let x = right.x + right.width.saturating_sub(text.width() as u16) / 2;
        buf.set_stringn(x, top, &text, right.width as usize, t.muted);
    }
    let code = Rect {
        y: top + u16::from(caption),
        height: qr_h,
        ..right
    };
    draw_qr(app, view, code, buf);
    left
}

/// The status line's right end: how many stickies wait, or that
/// collecting is on. Returns what is left of the line.
pub fn status_badge(app: &App, area: Rect, buf: &mut Buffer) -> Rect {
    if area.height == 0 {
        return area;
    }
    let t = &app.theme;
    let (text, style) = if !app.pending.is_empty() {
        let key = key(app, Context::Global, Action::OpenTray);
        (
            t!(
                app.lang,
                "collect-status-pending",
                n = app.pending.len(),
                key = key
            ),
            t.warning,
        )
    } else if let Some(turnout) = turnout(app) {
        (turnout, t.warning)
    } else if app.collecting.is_some() {
        (tr(app.lang, "collect-status-on"), t.ok)
    } else {
        return area;
    };
    let text = format!(" {text} ");
    let w = (text.width() as u16).min(area.width / 2);
    if w == 0 {
        return area;
    }
    let x = area.right() - w;
    buf.set_stringn(x, area.y, fit(&text, w as usize), w as usize, style);
    Rect {
        width: area.width - w,
        ..area
    }
}

/// While the phones show a ballot: how many are in, and from whom unless
/// the round is anonymous ("3 ballots: Ana, Bo, a guest"); never how they
/// voted.
pub fn turnout(app: &App) -> Option<String> {
    let round = app.ballots.published.as_ref()?;
    let lang = app.lang;
    let n = app.ballots.of(&round.id).map_or(0, |b| b.turnout());
    let mut text = if round.anonymous {
        t!(lang, "ballots-turnout-anonymous", n = n)
    } else {
        t!(lang, "ballots-turnout", n = n)
    };
    if !round.open {
        text = format!("{} · {text}", tr(lang, "ballots-vote-closed"));
    }
    let s = app.session()?;
    let names: Vec<String> = app
        .ballots
        .of(&round.id)
        .filter(|_| !round.anonymous)
        .map(|b| {
            b.voters()
                .map(|v| crate::app::rooms::ballots::voter_name(lang, s, v))
                .collect()
        })
        .unwrap_or_default();
    if !names.is_empty() {
        text = format!("{text}: {}", safe_line(&names.join(", ")));
    }
    Some(format!("🗳 {text}"))
}

/// The pending tray: stickies sent from phones, waiting for moderation.
pub struct Tray<'a>(pub &'a App);

impl Widget for Tray<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let Some(selected) = app.tray else { return };
        let t = &app.theme;
        let lang = app.lang;
        let n = app.pending.len();
        let h = (n.max(1) as u16 + 3)
            .min(area.height.saturating_sub(2))
            .max(3);
        let rect = centered(area, 76, h);
        let mut title = t!(lang, "tray-title", n = n);
        if app.auto_accept {
            title = format!("{title} · {}", tr(lang, "tray-auto-on"));
        }
        let inner = popup(rect, buf, &title, t);
        if inner.height == 0 || inner.width < 4 {
            return;
        }
        let footer_h = u16::from(inner.height >= 2);
        let [list, footer] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(footer_h)]).areas(inner);
        let w = list.width as usize;
        if n == 0 {
            let text = if app.collecting.is_some() {
                tr(lang, "tray-empty")
            } else {
                t!(
                    lang,
                    "tray-empty-not-collecting",
                    key = key(app, Context::Facilitate, Action::Collect)
                )
            };
            buf.set_stringn(list.x, list.y, fit(&text, w), w, t.muted);
        }
        let start = scroll_for(selected, list.height as usize, n);
        for (i, item) in app
            .pending
            .iter()
            .enumerate()
            .skip(start)
            .take(list.height as usize)
        {
            let y = list.y + (i - start) as u16;
            let swatch = if t.colour {
                Style::default().fg(super::board::sticky_style(item.colour, true)
                    .bg
                    .unwrap_or_default())
            } else {
                t.accent
            };
            buf.set_stringn(list.x, y, "■ ", 2, swatch);
            let who = match item.name.as_deref().map(str::trim) {
                Some(name) if !name.is_empty() => format!(" — {}", safe_line(name)),
                _ => format!(" — {}", tr(lang, "tray-anonymous")),
            };
            let who = fit(&who, (w / 3).max(12));
            let text_w = w.saturating_sub(2 + who.width());
            let style = if i == selected { t.selected } else { t.base };
            let text = pad(&safe_line(&item.text), text_w);
            buf.set_stringn(list.x + 2, y, &text, text_w, style);
            buf.set_stringn(list.x + 2 + text_w as u16, y, &who, who.width(), t.muted);
        }
        if footer_h > 0 {
            let keys = t!(
                lang,
                "tray-keys",
                accept = key(app, Context::Tray, Action::AcceptSticky),
                reject = key(app, Context::Tray, Action::RejectSticky),
                all = key(app, Context::Tray, Action::AcceptAllStickies),
                auto = key(app, Context::Tray, Action::AutoAccept),
                close = key(app, Context::Tray, Action::Back)
            );
            buf.set_stringn(footer.x, footer.y, fit(&keys, w), w, t.muted);
        }
    }
}

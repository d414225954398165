//! The wall on the projector (`p` from the board): the clusters as
//! columns with their titles large and their stickies as big cards,
//! the stickies still in the inbox apart on the right; and the ranked
//! results of a round in large type (`p` from the results). Nothing
//! private is ever drawn; no dot is shown on the wall.

use super::board::sticky_style;
use super::widgets::{fit, safe_line};
use crate::app::action::Action;
use crate::app::state::{App, FieldPurpose};
use crate::i18n::tr;
use crate::model::{Session, Target};
use crate::t;
use ratatui::prelude::*;
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

/// The narrowest column of the wall.
const MIN_COL: u16 = 28;
/// Lines of a card's text at most.
const CARD_LINES: usize = 6;
/// Rows of a column's title.
const HEAD: u16 = 4;

/// A column of the wall: its title and its stickies (none private).
struct WallColumn<'a> {
    title: &'a str,
    stickies: &'a [usize],
    inbox: bool,
}

/// The columns: the clusters in board order, then the inbox, as the wall
/// room derived them ([`crate::app::state::WallView`]).
fn columns<'a>(app: &'a App, s: &'a Session) -> (Vec<WallColumn<'a>>, Option<WallColumn<'a>>) {
    let view = &app.wall;
    let clusters = s
        .clusters
        .iter()
        .zip(&view.clusters)
        .map(|(c, stickies)| WallColumn {
            title: &c.title,
            stickies,
            inbox: false,
        })
        .collect();
    let inbox = (!view.inbox.is_empty()).then(|| WallColumn {
        title: "",
        stickies: &view.inbox,
        inbox: true,
    });
    (clusters, inbox)
}

pub struct Wall<'a>(pub &'a App);

impl Widget for Wall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let lang = app.lang;
        let Some(s) = app.session() else { return };
        if area.width < 4 || area.height < 3 {
            return;
        }
        let (clusters, mut inbox) = columns(app, s);
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let title = t!(lang, "wall-title", title = safe_line(&s.title));
        let title = fit(&title, head.width as usize);
        let x = head.x + head.width.saturating_sub(title.width() as u16) / 2;
        buf.set_stringn(x, head.y, &title, head.width as usize, t.muted);
        if clusters.is_empty() && inbox.is_none() {
            let text = fit(&tr(lang, "wall-empty"), body.width as usize);
            let x = body.x + body.width.saturating_sub(text.width() as u16) / 2;
            buf.set_stringn(
                x,
                body.y + body.height / 2,
                &text,
                body.width as usize,
                t.muted,
            );
            return;
        }
        let slots = (body.width / MIN_COL).max(1) as usize;
        // The inbox keeps a column of its own, apart, when there is room.
        if slots < 2 && !clusters.is_empty() {
            inbox = None;
        }
        let for_clusters = slots - usize::from(inbox.is_some());
        let (mut first, lines) = app.wall_scroll;
        first = first.min(clusters.len().saturating_sub(for_clusters));
        let shown: Vec<&WallColumn> = clusters
            .iter()
            .skip(first)
            .take(for_clusters)
            .chain(inbox.as_ref())
            .collect();
        let n = shown.len().max(1) as u16;
        let gap = 1;
        let col_w = (body.width.saturating_sub(gap * (n - 1))) / n;
        for (k, col) in shown.iter().enumerate() {
            let x = body.x + k as u16 * (col_w + gap);
            let w = if k as u16 == n - 1 {
                body.right().saturating_sub(x)
            } else {
                col_w
            };
            let rect = Rect {
                x,
                width: w,
                ..body
            };
            column(app, s, col, lines, rect, buf);
        }
        let after = clusters.len().saturating_sub(first + for_clusters);
        if first > 0 {
            buf.set_stringn(head.x, head.y, format!("◀ {first}"), 6, t.accent);
        }
        if after > 0 {
            let label = format!("{after} ▶");
            let lw = label.width() as u16;
            buf.set_stringn(head.right().saturating_sub(lw), head.y, label, 6, t.accent);
        }
    }
}

/// One column: its title large, then its cards from the `skip`-th on.
fn column(app: &App, s: &Session, col: &WallColumn, skip: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    if area.width < 4 || area.height <= HEAD {
        return;
    }
    let [head, _, body] = Layout::vertical([
        Constraint::Length(HEAD),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    if col.inbox {
        let title = t!(lang, "wall-inbox", n = col.stickies.len());
        banner(&title, t.muted, head, buf);
    } else {
        big_title(col.title, t.title, head, buf);
    }
    let skip = skip.min(col.stickies.len().saturating_sub(1));
    if skip > 0 {
        let more = t!(lang, "wall-above", n = skip);
        buf.set_stringn(
            body.x,
            body.y,
            fit(&more, body.width as usize),
            body.width as usize,
            t.accent,
        );
    }
    let mut y = body.y + u16::from(skip > 0);
    let text_w = body.width.saturating_sub(2) as usize;
    for (i, &k) in col.stickies.iter().enumerate().skip(skip) {
        let Some(x) = s.stickies.get(k) else { break };
        let lines = wrap(&x.text, text_w);
        let h = lines.len() as u16 + 2;
        // The last row says how many are below when a card does not fit.
        if y + h > body.bottom() {
            let left = col.stickies.len() - i;
            let more = t!(lang, "wall-below", n = left);
            let yy = body.bottom().saturating_sub(1).max(body.y);
            buf.set_stringn(
                body.x,
                yy,
                fit(&more, body.width as usize),
                body.width as usize,
                t.accent,
            );
            break;
        }
        let style = sticky_style(x.colour, t.colour).add_modifier(Modifier::BOLD);
        let card = Rect {
            x: body.x,
            y,
            width: body.width,
            height: h - 1,
        };
        buf.set_style(card, style);
        for (li, line) in lines.iter().enumerate() {
            buf.set_stringn(body.x + 1, y + 1 + li as u16, line, text_w, style);
        }
        y += h;
    }
}

/// A sticky's text wrapped to `width`, at most [`CARD_LINES`] lines.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let shown = safe_line(text);
    let mut lines: Vec<String> = textwrap::wrap(&shown, width.max(1))
        .into_iter()
        .map(|c| c.into_owned())
        .collect();
    if lines.len() > CARD_LINES {
        lines.truncate(CARD_LINES);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last}…"), width);
        }
    }
    lines
}

/// Whether tui-big-text's font draws every character of `text`.
fn drawable(text: &str) -> bool {
    text.chars()
        .all(|c| (' '..='\u{ff}').contains(&c) && c != '\u{7f}')
}

/// A title in big letters when it fits on one line, else in bold on a
/// band, wrapped.
fn big_title(title: &str, style: Style, area: Rect, buf: &mut Buffer) {
    let text = safe_line(title);
    let chars = text.chars().count() as u16;
    if drawable(&text) && chars > 0 && chars * 4 <= area.width {
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(style)
            .centered()
            .lines(vec![Line::from(text.into_owned())])
            .build()
            .render(area, buf);
        return;
    }
    banner(&text, style, area, buf);
}

/// A title in bold, reversed, wrapped and centred on a band.
fn banner(title: &str, style: Style, area: Rect, buf: &mut Buffer) {
    let style = style.add_modifier(Modifier::BOLD | Modifier::REVERSED);
    buf.set_style(area, style);
    let w = area.width.saturating_sub(2) as usize;
    let text = safe_line(title);
    let mut lines: Vec<String> = textwrap::wrap(&text, w.max(1))
        .into_iter()
        .map(|c| c.into_owned())
        .collect();
    let h = area.height as usize;
    if lines.len() > h {
        lines.truncate(h);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last}…"), w);
        }
    }
    let top = area.y + (area.height - lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let x = area.x + area.width.saturating_sub(l.width() as u16) / 2;
        buf.set_stringn(x, top + i as u16, l, w, style);
    }
}

/// The ranked results of the round the results popup shows, in large
/// type: each row its rank and dots in big digits, then what it is.
pub struct Results<'a>(pub &'a App);

impl Widget for Results<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let lang = app.lang;
        let Some(s) = app.session() else { return };
        if area.width < 10 || area.height < 3 {
            return;
        }
        let round = app.results_round();
        let title = round
            .as_ref()
            .and_then(|r| s.round(r))
            .map_or_else(|| tr(lang, "results-all-rounds"), |r| r.title.clone());
        let [head, _, body] = Layout::vertical([
            Constraint::Length(HEAD),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        big_title(&t!(lang, "wall-results", round = title), t.title, head, buf);
        let ranking = &app.results.rows;
        if ranking.is_empty() {
            let text = fit(&tr(lang, "results-none"), body.width as usize);
            buf.set_stringn(body.x, body.y, &text, body.width as usize, t.muted);
            return;
        }
        // Rows of 4 lines (big digits) when 3 fit, else of 1.
        let row_h: u16 = if body.height >= 12 && body.width >= 60 {
            4
        } else {
            1
        };
        let skip = app.wall_scroll.1.min(ranking.len().saturating_sub(1));
        let rows = (body.height / (row_h + u16::from(row_h > 1))).max(1) as usize;
        for (k, (r, at)) in ranking.iter().skip(skip).take(rows).enumerate() {
            let y = body.y + k as u16 * (row_h + u16::from(row_h > 1));
            let label = match &r.target {
                Target::Sticky(_) => at
                    .and_then(|i| s.stickies.get(i))
                    .filter(|x| !x.private)
                    .map_or_else(|| tr(lang, "wall-private"), |x| x.text.clone()),
                Target::Cluster(_) => at
                    .and_then(|i| s.clusters.get(i))
                    .map_or("?".to_owned(), |c| c.title.clone()),
            };
            let rank = if r.tie {
                format!("={}", r.rank)
            } else {
                r.rank.to_string()
            };
            let rank_style = if r.tie { t.warning } else { t.accent };
            let row = Rect {
                y,
                height: row_h,
                ..body
            };
            result_row(&rank, r.count, &label, (rank_style, t.key), row, buf);
        }
    }
}

/// One ranked item: its rank, its dots, its label.
fn result_row(
    rank: &str,
    count: u32,
    label: &str,
    styles: (Style, Style),
    row: Rect,
    buf: &mut Buffer,
) {
    let dots = format!("{count}●");
    if row.height >= 4 {
        let [r, d, _, l] = Layout::horizontal([
            Constraint::Length(4 * 3 + 2),
            Constraint::Length(4 * 4 + 2),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(row);
        for (text, style, rect) in [(rank, styles.0, r), (&format!("{count}"), styles.1, d)] {
            BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(style)
                .lines(vec![Line::from(text.to_owned())])
                .build()
                .render(rect, buf);
        }
        let w = l.width as usize;
        let lines: Vec<String> = textwrap::wrap(&safe_line(label), w.max(1))
            .into_iter()
            .take(l.height as usize)
            .map(|c| c.into_owned())
            .collect();
        let top = l.y + (l.height.saturating_sub(lines.len() as u16)) / 2;
        for (i, line) in lines.iter().enumerate() {
            buf.set_stringn(
                l.x,
                top + i as u16,
                line,
                w,
                Style::default().add_modifier(Modifier::BOLD),
            );
        }
        return;
    }
    let text = format!("{rank:>4}  {dots:>5}  {}", safe_line(label));
    buf.set_stringn(
        row.x,
        row.y,
        fit(&text, row.width as usize),
        row.width as usize,
        styles.0,
    );
}

/// A word or two for the status bar while voting on the board (the
/// voting footer); `None` for an action with no voting meaning.
pub fn voting_short(lang: &str, a: Action) -> Option<String> {
    let key = match a {
        Action::VoteAdd => "hint-vote-add",
        Action::VoteRemove => "hint-vote-remove",
        Action::NextParticipant => "hint-vote-next",
        Action::VoteOnClusters => "hint-vote-on",
        Action::ToggleAnonymous => "hint-vote-anonymous",
        Action::Results => "hint-vote-results",
        Action::Vote => "hint-vote-pause",
        Action::NewRound => "hint-vote-new",
        _ => return None,
    };
    Some(tr(lang, key))
}

/// Under the new round's field (`field`, in `area`): what may be typed in
/// it, the options `a` and `s` included, a line each.
pub fn round_hint(app: &App, field: Rect, area: Rect, buf: &mut Buffer) {
    if !app
        .field
        .as_ref()
        .is_some_and(|f| matches!(f.purpose, FieldPurpose::NewRound))
    {
        return;
    }
    let lang = app.lang;
    let lines = [
        "round-hint-dots",
        "round-hint-anonymous",
        "round-hint-stickies",
    ];
    let below = Rect {
        y: field.bottom(),
        height: lines.len() as u16 + 2,
        ..field
    };
    if below.bottom() > area.bottom() {
        return;
    }
    let inner = super::widgets::popup(below, buf, &tr(lang, "round-hint-title"), &app.theme);
    let w = inner.width as usize;
    for (y, key) in (inner.y..inner.bottom()).zip(lines) {
        buf.set_stringn(inner.x, y, fit(&tr(lang, key), w), w, app.theme.muted);
    }
}

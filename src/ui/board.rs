//! The board: the inbox, the clusters side by side, the parking lot.
//! Only what is visible is laid out: a key costs the same with 10,000
//! stickies as with 100.

use super::widgets::{block, fit, safe_line, shorten};
use crate::app::state::{App, Column};
use crate::i18n::tr;
use crate::model::{Colour, Place, Session, Target};
use crate::t;
use ratatui::prelude::*;

pub struct BoardView<'a>(pub &'a App);

const MIN_COL: u16 = 26;
const MAX_LINES: usize = 5;

pub fn sticky_style(c: Colour, colour: bool) -> Style {
    if !colour {
        return Style::default();
    }
    let bg = match c {
        Colour::Yellow => Color::LightYellow,
        Colour::Pink => Color::LightMagenta,
        Colour::Blue => Color::LightBlue,
        Colour::Green => Color::LightGreen,
        Colour::Orange => Color::Indexed(216),
        Colour::Purple => Color::Indexed(183),
    };
    Style::default().fg(Color::Black).bg(bg)
}

/// The text of a card, wrapped to `width`, at most `MAX_LINES` lines.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let shown = safe_line(text);
    // First fit: as good as optimal fit on a five-line card, and much cheaper.
    let options = textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut lines: Vec<String> = textwrap::wrap(&shown, options)
        .into_iter()
        .map(|c| c.into_owned())
        .collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last}…"), width);
        }
    }
    lines
}

impl Widget for BoardView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let t = &app.theme;
        let Some(s) = app.session() else { return };
        if area.height == 0 || area.width == 0 {
            return;
        }
        let mut area = area;
        let lang = app.lang;
        // A line for search and voting, when in use.
        let query = app.search.input.value();
        let voting = voting_line(app, s);
        if (!query.is_empty() || app.search.editing || voting.is_some()) && area.height > 2 {
            let line_area = Rect { height: 1, ..area };
            area = Rect {
                y: area.y + 1,
                height: area.height - 1,
                ..area
            };
            let mut spans = Vec::new();
            if let Some(v) = voting {
                spans.push(Span::styled(format!(" {v} "), t.warning));
                spans.push(Span::raw(" "));
            }
            if !query.is_empty() || app.search.editing {
                let shown: usize = app.index.columns.iter().map(|c| c.stickies.len()).sum();
                spans.push(Span::styled(format!(" /{} ", safe_line(query)), t.accent));
                spans.push(Span::styled(
                    format!(" {}", t!(lang, "board-matches", n = shown)),
                    t.muted,
                ));
            }
            buf.set_line(
                line_area.x,
                line_area.y,
                &Line::from(spans),
                line_area.width,
            );
        }
        let cols = &app.index.columns;
        if cols.is_empty() {
            return;
        }
        let fit_n = (area.width / MIN_COL).max(1) as usize;
        let n = fit_n.min(cols.len());
        let col_w = area.width / n as u16;
        let sel = app.board.col.min(cols.len() - 1);
        let first = if sel < n { 0 } else { sel + 1 - n };
        for (k, ci) in (first..first + n).enumerate() {
            let Some(col) = cols.get(ci) else { break };
            let x = area.x + k as u16 * col_w;
            let w = if k == n - 1 { area.right() - x } else { col_w };
            let rect = Rect {
                x,
                y: area.y,
                width: w,
                height: area.height,
            };
            // The hidden-columns markers sit on the outer columns' top
            // border: their titles leave them room.
            let after = cols.len().saturating_sub(first + n);
            let reserve = (
                if k == 0 && first > 0 {
                    marker_w(first, true)
                } else {
                    0
                },
                if k == n - 1 && after > 0 {
                    marker_w(after, false)
                } else {
                    0
                },
            );
            let number = matches!(col.place, Place::Cluster(_)).then_some(ci);
            column(app, s, (col, number), ci == sel, reserve, rect, buf);
        }
        // Hidden columns on either side.
        if first > 0 {
            buf.set_stringn(
                area.x,
                area.y,
                format!("◀{first}"),
                4.min(area.width as usize),
                t.accent,
            );
        }
        let after = cols.len().saturating_sub(first + n);
        if after > 0 {
            let label = format!("{after}▶");
            let lw = (label.chars().count() as u16).min(area.width);
            buf.set_stringn(
                area.right().saturating_sub(lw),
                area.y,
                label,
                lw as usize,
                t.accent,
            );
        }
    }
}

/// The voting line: the round, on clusters or not, who votes, dots left.
fn voting_line(app: &App, s: &Session) -> Option<String> {
    let lang = app.lang;
    app.board.voting.as_ref().and_then(|v| {
        let r = s.round(&v.round)?;
        let p = s.participants.get(v.participant)?;
        let left = r.dots.saturating_sub(s.dots_spent(&r.id, &p.id));
        let cap = r
            .cap
            .map_or(String::new(), |c| t!(lang, "vote-cap", cap = c));
        // While hidden, said first: the line is cut on a narrow screen.
        let round = if app.counts_visible() {
            safe_line(&r.title).into_owned()
        } else {
            format!(
                "{} · {}",
                safe_line(&r.title),
                tr(lang, "board-dots-hidden")
            )
        };
        let line = t!(
            lang,
            "board-voting-line",
            round = round,
            name = safe_line(&p.name),
            left = left,
            dots = r.dots,
            cap = cap
        );
        Some(if v.on_clusters {
            format!("{} · {line}", tr(lang, "board-voting-clusters"))
        } else {
            line
        })
    })
}

/// The dots the board shows on `target`, and their mark: everyone's
/// (`●`), or, while the open round's dots are hidden
/// ([`App::counts_visible`]), only those of the participant voted for in
/// that round (`○`).
fn shown_dots(app: &App, s: &Session, target: &Target) -> (u32, &'static str) {
    if app.counts_visible() {
        let n = app.index.tally.get(target).copied().unwrap_or(0);
        return (n, "●");
    }
    let voter = app
        .board
        .voting
        .as_ref()
        .and_then(|v| Some((&v.round, &s.participants.get(v.participant)?.id)));
    let n = voter.map_or(0, |(round, who)| {
        s.votes
            .iter()
            .filter(|v| &v.round == round && v.participant.as_ref() == Some(who))
            .filter(|v| &v.target == target)
            .map(|v| v.count)
            .sum()
    });
    (n, "○")
}

/// The width of the `◀3` / `3▶` marker of `n` hidden columns.
fn marker_w(n: usize, left: bool) -> u16 {
    let label = if left {
        format!("◀{n}")
    } else {
        format!("{n}▶")
    };
    label.chars().count().min(4) as u16
}

/// A column's header: `▶ 2 Title · 9 · ●13`. The title gives way (an
/// ellipsis at a word boundary); the number, count and dots never do.
fn header(app: &App, col: &Column, number: Option<usize>, selected: bool, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let count = if col.stickies.len() == col.total {
        col.total.to_string()
    } else {
        format!("{}/{}", col.stickies.len(), col.total)
    };
    let (n, mark) = match &col.place {
        Place::Cluster(id) => app.session().map_or((0, "●"), |s| {
            shown_dots(app, s, &Target::Cluster(id.clone()))
        }),
        _ => (0, "●"),
    };
    let votes = if n > 0 {
        format!(" · {mark}{n}")
    } else {
        String::new()
    };
    let cursor = if selected { "▶" } else { " " };
    let number = match number {
        Some(n) if n <= 9 => format!("{n} "),
        _ => String::new(),
    };
    let head = format!("{cursor}{number}");
    let tail = format!(" · {count}{votes} ");
    let room = width.saturating_sub(head.width() + tail.width());
    let title = shorten(&safe_line(&col.title), room);
    fit(&format!("{head}{title}{tail}"), width)
}

fn column(
    app: &App,
    s: &Session,
    (col, number): (&Column, Option<usize>),
    focused: bool,
    (left, right): (u16, u16),
    area: Rect,
    buf: &mut Buffer,
) {
    let t = &app.theme;
    let lang = app.lang;
    let header_selected = focused && app.board.row == 0;
    let title_style = if header_selected {
        t.selected
    } else if matches!(col.place, Place::Cluster(_)) {
        t.title
    } else {
        t.muted
    };
    let width = area.width.saturating_sub(2 + left + right) as usize;
    let title = header(app, col, number, header_selected, width);
    let b = block(
        Line::from(vec![
            Span::raw(" ".repeat(left as usize)),
            Span::styled(title, title_style),
        ]),
        focused,
        t,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    if inner.height == 0 || inner.width < 3 {
        return;
    }
    if col.stickies.is_empty() {
        let text = if col.total > 0 {
            tr(lang, "board-no-match")
        } else if matches!(col.place, Place::Cluster(_)) {
            tr(lang, "board-empty-cluster")
        } else {
            tr(lang, "board-empty")
        };
        buf.set_stringn(
            inner.x,
            inner.y,
            fit(&format!("({text})"), inner.width as usize),
            inner.width as usize,
            t.muted,
        );
        return;
    }
    let text_w = inner.width.saturating_sub(2) as usize;
    let sel = if focused {
        app.board.row.checked_sub(1)
    } else {
        None
    };
    // Start so that the selected card is visible: walk back from it.
    let anchor = sel.unwrap_or(0).min(col.stickies.len() - 1);
    let mut start = anchor;
    // Each card is wrapped once for a text and width, and kept across
    // frames (`app.index.cards`).
    let lines_of = |pos: usize| {
        let x = &s.stickies[col.stickies[pos]];
        app.index
            .cards
            .get(&x.id, text_w, &x.text, || wrap(&x.text, text_w))
    };
    let mut used = lines_of(anchor).len() + 2;
    while start > 0 {
        let h = lines_of(start - 1).len() + 2;
        if used + h > inner.height as usize {
            break;
        }
        used += h;
        start -= 1;
    }
    if sel.is_none() {
        start = 0;
    }
    let query = crate::model::text::fold(app.search.input.value().trim());
    let mut y = inner.y;
    for (pos, &i) in col.stickies.iter().enumerate().skip(start) {
        if y >= inner.bottom() {
            break;
        }
        let x = &s.stickies[i];
        let selected = sel == Some(pos);
        let marked = app.board.marked.contains(&x.id);
        let mut style = sticky_style(x.colour, t.colour);
        if selected {
            style = style.add_modifier(Modifier::BOLD);
        }
        let marker = match (selected, marked) {
            (true, true) => "▶✓",
            (true, false) => "▶ ",
            (false, true) => " ✓",
            _ => "  ",
        };
        let marker_style = if selected { t.selected } else { t.accent };
        let lines = lines_of(pos);
        for (li, line) in lines.iter().enumerate() {
            if y >= inner.bottom() {
                break;
            }
            buf.set_stringn(
                inner.x,
                y,
                if li == 0 { marker } else { "  " },
                2,
                if li == 0 { marker_style } else { style },
            );
            if query.is_empty() {
                // The card's colour under the whole line, then its text
                // (no padding to measure).
                let line_area = Rect::new(inner.x + 2, y, text_w as u16, 1).intersection(inner);
                buf.set_style(line_area, style);
                buf.set_stringn(inner.x + 2, y, line, text_w, style);
            } else {
                let padded = format!("{line:<text_w$}");
                let hit = t
                    .accent
                    .add_modifier(Modifier::UNDERLINED | Modifier::REVERSED);
                let spans = highlight(&padded, &query, style, hit);
                buf.set_line(inner.x + 2, y, &Line::from(spans), text_w as u16);
            }
            y += 1;
        }
        if y < inner.bottom() {
            let (dots, mark) = shown_dots(app, s, &Target::Sticky(x.id.clone()));
            let author = safe_line(s.participant_name(x.author.as_ref())).into_owned();
            // A private sticky says so in words, on every card.
            let author = if x.private {
                format!("{} {author}", tr(lang, "private-tag"))
            } else {
                author
            };
            let dot_text = if dots > 0 {
                format!("{} {dots}", mark.repeat(dots.min(5) as usize))
            } else {
                String::new()
            };
            let author_w = text_w.saturating_sub(dot_text.chars().count() + 1);
            let meta = format!(
                "{} {dot_text}",
                super::widgets::pad(author.trim_end(), author_w)
            );
            buf.set_stringn(inner.x, y, "  ", 2, style);
            buf.set_stringn(
                inner.x + 2,
                y,
                fit(&meta, text_w),
                text_w,
                style.add_modifier(Modifier::ITALIC),
            );
            y += 1;
        }
        y += 1;
    }
}

/// Spans of `text` with the (folded) query's matches highlighted.
fn highlight(text: &str, query: &str, base: Style, hit: Style) -> Vec<Span<'static>> {
    let ranges = crate::model::text::matches(text, query);
    if ranges.is_empty() {
        return vec![Span::styled(text.to_owned(), base)];
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            out.push(Span::styled(
                chars[at..r.start].iter().collect::<String>(),
                base,
            ));
        }
        out.push(Span::styled(
            chars[r.start..r.end.min(chars.len())]
                .iter()
                .collect::<String>(),
            hit,
        ));
        at = r.end.min(chars.len());
    }
    if at < chars.len() {
        out.push(Span::styled(chars[at..].iter().collect::<String>(), base));
    }
    out
}

/// The results popup: ranked, with ties marked; of the ranked items at
/// most `room` (the lines that can show), so a frame costs what is on screen.
pub fn results_lines(app: &App, s: &Session, room: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let lang = app.lang;
    let round = app.results_round();
    let title = round.as_ref().and_then(|r| s.round(r)).map_or_else(
        || tr(lang, "results-all-rounds"),
        |r| {
            t!(
                lang,
                "results-round",
                round = safe_line(&r.title),
                dots = r.dots,
                cap = r
                    .cap
                    .map_or(String::new(), |c| t!(lang, "vote-cap", cap = c))
            )
        },
    );
    let mut lines = vec![Line::styled(title, t.title), Line::raw("")];
    for (r, at) in app.results.rows.iter().take(room) {
        let label = match &r.target {
            Target::Sticky(_) => at
                .and_then(|i| s.stickies.get(i))
                .map_or("?".to_owned(), |x| safe_line(&x.text).into_owned()),
            Target::Cluster(_) => at
                .and_then(|i| s.clusters.get(i))
                .map_or("?".to_owned(), |c| {
                    format!("[{}] {}", tr(lang, "results-cluster"), safe_line(&c.title))
                }),
        };
        let rank = if r.tie {
            format!("={}", r.rank)
        } else {
            format!("{}", r.rank)
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{rank:>4}  "),
                if r.tie { t.warning } else { t.accent },
            ),
            Span::styled(format!("{:>3} ● ", r.count), t.key),
            Span::raw(label),
        ]));
    }
    if app.results.rows.is_empty() {
        lines.push(Line::styled(tr(lang, "results-none"), t.muted));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr(lang, "results-footer"), t.muted));
    lines
}

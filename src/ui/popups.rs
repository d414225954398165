//! The overlays above the screen, drawn in the order of the one overlay
//! stack: a one-line field, a list to choose from, the note editor, ...

use super::widgets::{centered, fit, popup, safe_line, scroll_for};
use crate::app::Action;
use crate::app::keymap::Context;
use crate::app::overlay::{self, Overlay};
use crate::app::state::{App, EditorField, NoteEditor};
use crate::i18n::{self, tr};
use crate::model::NoteKind;
use crate::t;
use crate::ui::theme::Theme;
use ratatui::prelude::*;
use ratatui::widgets::Paragraph;
use tui_input::Input;

pub struct Popups<'a>(pub &'a App);

impl Widget for Popups<'_> {
    /// The overlays, bottom to top: the order of the one stack
    /// ([`crate::app::overlay`]) that also routes keys.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        for overlay in overlay::stack(app) {
            match overlay {
                Overlay::Conflicts => conflicts(app, area, buf),
                Overlay::Suggest => suggest(app, area, buf),
                Overlay::Results => results(app, area, buf),
                Overlay::Search => search(app, area, buf),
                Overlay::Capture => capture(app, area, buf),
                Overlay::Tray => super::collect::Tray(app).render(area, buf),
                Overlay::Picker => picker(app, area, buf),
                Overlay::Editor => editor(app, area, buf),
                Overlay::Field => field(app, area, buf),
                Overlay::Help => super::help::Help(app).render(area, buf),
            }
        }
    }
}

fn suggest(app: &App, area: Rect, buf: &mut Buffer) {
    if app.suggest.is_some() {
        super::suggest::SuggestView(app).render(area, buf);
    }
}

fn conflicts(app: &App, area: Rect, buf: &mut Buffer) {
    if app.conflicts.is_some() {
        super::conflicts::ConflictsView(app).render(area, buf);
    }
}

fn picker(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if let Some(p) = &app.picker {
        let h = (p.items.len() as u16 + 2)
            .min(area.height.saturating_sub(2))
            .max(3);
        let rect = centered(area, 70, h);
        let title = if p.find.is_empty() {
            p.title.clone()
        } else {
            crate::t!(
                app.lang,
                "picker-find",
                title = p.title.as_str(),
                find = p.find.as_str()
            )
        };
        let inner = popup(rect, buf, &title, t);
        let start = scroll_for(p.selected, inner.height as usize, p.items.len());
        for (i, item) in p
            .items
            .iter()
            .enumerate()
            .skip(start)
            .take(inner.height as usize)
        {
            let y = inner.y + (i - start) as u16;
            let style = if i == p.selected { t.selected } else { t.base };
            let w = inner.width as usize;
            buf.set_stringn(
                inner.x,
                y,
                format!("{:<w$}", fit(&safe_line(item), w)),
                w,
                style,
            );
        }
    }
}

fn results(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    if app.board.results
        && let Some(s) = app.session()
    {
        let lines = super::board::results_lines(app, s, area.height.into());
        let h = (lines.len() as u16 + 2)
            .min(area.height.saturating_sub(2))
            .max(3);
        let rect = centered(area, 76, h);
        let inner = popup(rect, buf, &tr(lang, "results-title"), t);
        Paragraph::new(lines).render(inner, buf);
    }
}

fn capture(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    if let Some(c) = &app.capture
        && let Some(s) = app.session()
    {
        let h = 3.min(area.height);
        let rect = Rect {
            x: area.x,
            y: area.bottom().saturating_sub(h + 1).max(area.y),
            width: area.width,
            height: h,
        };
        // `@name` typed at the start: the author it names, as it is typed.
        use crate::app::rooms::capture::{LineAuthor, line_author};
        let named = match line_author(s, c.input.value()) {
            LineAuthor::Known(i, _) => Some(i + 1),
            _ => None,
        };
        let who = named
            .unwrap_or(c.author)
            .checked_sub(1)
            .and_then(|i| s.participants.get(i))
            .map_or_else(
                || tr(lang, "capture-no-author"),
                |p| safe_line(&p.name).into_owned(),
            );
        let title = capture_title(app, c, &who, rect.width.saturating_sub(4) as usize);
        let inner = popup(rect, buf, &title, t);
        if inner.width > 2 && inner.height > 0 {
            let swatch = super::board::sticky_style(c.colour, t.colour);
            buf.set_stringn(
                inner.x,
                inner.y,
                "■ ",
                2,
                if t.colour {
                    Style::default().fg(swatch.bg.unwrap_or_default())
                } else {
                    t.accent
                },
            );
            let field = Rect {
                x: inner.x + 2,
                width: inner.width - 2,
                ..inner
            };
            input_line(&c.input, field, buf, t);
            // Empty: how to name a sticky's author.
            if c.input.value().is_empty() && field.width > 2 {
                let hint = tr(lang, "capture-author-line");
                let w = field.width as usize - 1;
                buf.set_stringn(field.x + 1, field.y, fit(&hint, w), w, t.muted);
            }
        }
    }
}

/// The capture bar's title in `room` columns: what the bar does and its
/// keys, then how many stickies it added. The count always shows: when the
/// whole does not fit, the keys the hint line also shows go first (Enter,
/// close), then the rest is shortened at a word.
fn capture_title(app: &App, c: &crate::app::state::Capture, who: &str, room: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let lang = app.lang;
    // The keys as the keymap binds them (the hint line says the same).
    let key = |a| {
        app.keymap
            .key_for(Context::Capture, a)
            .map_or_else(|| "-".to_owned(), |k| i18n::key_label(lang, &k))
    };
    let count = t!(lang, "capture-count", n = c.added);
    let with = |head: String| format!("{head} · {count}");
    let short = t!(
        lang,
        "capture-title-short",
        author = who.to_owned(),
        author_key = key(Action::NextParticipant),
        colour = i18n::colour(lang, c.colour),
        colour_key = key(Action::CycleColour)
    );
    let full = t!(
        lang,
        "capture-title",
        head = short.clone(),
        close_key = key(Action::Cancel)
    );
    if with(full.clone()).width() <= room {
        return with(full);
    }
    let left = room.saturating_sub(count.width() + " · ".width());
    if left < 2 {
        return super::widgets::shorten(&count, room);
    }
    with(super::widgets::shorten(&short, left))
}

fn search(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    if app.search.editing {
        let rect = Rect {
            x: area.x,
            y: area.bottom().saturating_sub(1),
            width: area.width,
            height: 1.min(area.height),
        };
        let label = format!("{} ", tr(lang, "search-label"));
        let label_w = unicode_width::UnicodeWidthStr::width(label.as_str()) as u16;
        if rect.height > 0 && rect.width > label_w {
            buf.set_stringn(rect.x, rect.y, &label, label_w as usize, t.accent);
            let field = Rect {
                x: rect.x + label_w,
                width: rect.width - label_w,
                ..rect
            };
            input_line(&app.search.input, field, buf, t);
        }
    }
}

fn field(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if let Some(f) = &app.field {
        // Wide enough for its prompt when the screen is.
        let want = unicode_width::UnicodeWidthStr::width(f.title.as_str()) as u16 + 4;
        let rect = centered(area, want.max(70), 3);
        let inner = popup(rect, buf, &f.title, t);
        input_line(&f.input, inner, buf, t);
        super::actions::owner_hint(app, area, buf);
        super::wall::round_hint(app, rect, area, buf);
    }
}

fn editor(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    let Some(ed) = &app.editor else { return };
    let Some(s) = app.session() else { return };
    let rect = centered(area, 78, area.height.saturating_sub(2).clamp(3, 18));
    let title = if ed.editing.is_some() {
        tr(lang, "editor-title-edit")
    } else {
        tr(lang, "editor-title-new")
    };
    let inner = popup(rect, buf, &title, t);
    if inner.height == 0 {
        return;
    }
    // Two rows for the kinds when there is room, so all seven show.
    let kind_rows = if inner.height >= 6 { 2 } else { 1 };
    let [text, kind, author, tags] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(kind_rows),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let focus = |f: EditorField| if ed.field == f { t.selected } else { t.muted };
    editor_text(ed, text, buf, t);
    // The field names, padded to the widest.
    let names = [
        tr(lang, "editor-kind"),
        tr(lang, "editor-author"),
        tr(lang, "editor-tags"),
    ];
    let name_w = names
        .iter()
        .map(|n| unicode_width::UnicodeWidthStr::width(n.as_str()))
        .max()
        .unwrap_or(0)
        .max(6)
        + 2;
    let [kind_name, author_name, tags_name] = names.map(|n| super::widgets::pad(&n, name_w));
    let kind_name = Span::styled(kind_name, focus(EditorField::Kind));
    editor_kinds(app, ed, kind, kind_name, name_w, buf);
    let who = ed
        .author
        .checked_sub(1)
        .and_then(|i| s.participants.get(i))
        .map_or_else(
            || format!("({})", tr(lang, "editor-no-author")),
            |p| format!("{} · {}", safe_line(&p.name), i18n::role(lang, p.role)),
        );
    buf.set_line(
        author.x,
        author.y,
        &Line::from(vec![
            Span::styled(author_name, focus(EditorField::Author)),
            Span::raw(format!("◀ {who} ▶")),
        ]),
        author.width,
    );
    let tags_name = Span::styled(tags_name, focus(EditorField::Tags));
    editor_tags(ed, tags, tags_name, name_w, buf, t);
}

/// The note's text; control characters shown as symbols.
fn editor_text(ed: &NoteEditor, text: Rect, buf: &mut Buffer, t: &Theme) {
    if !ed
        .text
        .lines()
        .iter()
        .any(|l| l.chars().any(super::widgets::needs_escape))
    {
        return ed.text.render(text, buf);
    }
    // The text area would draw control characters as nothing:
    // show them as symbols (the note keeps them), cursor included.
    let ratatui_textarea::DataCursor(row, col) = ed.text.cursor();
    let top = row.saturating_sub(text.height.saturating_sub(1) as usize);
    for (k, l) in ed
        .text
        .lines()
        .iter()
        .enumerate()
        .skip(top)
        .take(text.height as usize)
    {
        let y = text.y + (k - top) as u16;
        buf.set_stringn(
            text.x,
            y,
            super::widgets::safe(l),
            text.width as usize,
            t.base,
        );
        if k == row {
            use unicode_width::UnicodeWidthStr;
            let before: String = l.chars().take(col).collect();
            let cx = text.x
                + (super::widgets::safe(&before).width() as u16).min(text.width.saturating_sub(1));
            if let Some(cell) = buf.cell_mut((cx, y)) {
                cell.set_style(t.selected);
            }
        }
    }
}

/// The note's kind after its field's name (`name`, `name_w` wide): the
/// seven on one row, else spread over the rows of `kind`, else the chosen
/// one alone.
fn editor_kinds(
    app: &App,
    ed: &NoteEditor,
    kind: Rect,
    name: Span<'static>,
    name_w: usize,
    buf: &mut Buffer,
) {
    let (t, lang) = (&app.theme, app.lang);
    let kinds: Vec<Span> = NoteKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let style = if *k == ed.kind {
                t.accent.add_modifier(Modifier::REVERSED)
            } else {
                t.muted
            };
            Span::styled(format!(" {} {} ", i + 1, i18n::note_kind(lang, *k)), style)
        })
        .collect();
    let mut line = vec![name];
    let all_w: usize = name_w + kinds.iter().map(|s| s.width()).sum::<usize>();
    // Spread the kinds over the rows there are, one greedy line at a time.
    let mut rows: Vec<Vec<Span>> = vec![Vec::new()];
    let mut used = name_w;
    for k in kinds.iter().cloned() {
        if used + k.width() > kind.width as usize && !rows.last().is_some_and(Vec::is_empty) {
            rows.push(Vec::new());
            used = name_w;
        }
        used += k.width();
        if let Some(r) = rows.last_mut() {
            r.push(k);
        }
    }
    if all_w <= kind.width as usize {
        line.extend(kinds);
    } else if rows.len() <= kind.height as usize {
        let mut rows = rows.into_iter();
        line.extend(rows.next().unwrap_or_default());
        for (k, r) in rows.enumerate() {
            let mut l = vec![Span::raw(" ".repeat(name_w))];
            l.extend(r);
            buf.set_line(kind.x, kind.y + 1 + k as u16, &Line::from(l), kind.width);
        }
    } else {
        // Too narrow for all seven: the chosen one, with its number.
        let i = NoteKind::ALL
            .iter()
            .position(|k| *k == ed.kind)
            .unwrap_or(0);
        line.push(Span::styled(
            format!(
                "◀ {} {} ▶  (1-7, ←/→)",
                i + 1,
                i18n::note_kind(lang, ed.kind)
            ),
            t.accent,
        ));
    }
    buf.set_line(kind.x, kind.y, &Line::from(line), kind.width);
}

/// The note's tags after their field's name (`name`, `name_w` wide): an
/// input when the field has the focus.
fn editor_tags(
    ed: &NoteEditor,
    tags: Rect,
    name: Span<'static>,
    name_w: usize,
    buf: &mut Buffer,
    t: &Theme,
) {
    let name_w16 = name_w as u16;
    buf.set_stringn(
        tags.x,
        tags.y,
        name.content,
        name_w.min(tags.width as usize),
        name.style,
    );
    let tag_area = Rect {
        x: tags.x + name_w16.min(tags.width),
        width: tags.width.saturating_sub(name_w16),
        ..tags
    };
    if ed.field == EditorField::Tags {
        input_line(&ed.tags, tag_area, buf, t);
    } else {
        Paragraph::new(safe_line(ed.tags.value()).into_owned()).render(tag_area, buf);
    }
}

/// A one-line input with a visible cursor, scrolled to keep it in view.
fn input_line(input: &Input, area: Rect, buf: &mut Buffer, t: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (value, cursor) = (input.value(), input.visual_cursor());
    use unicode_width::UnicodeWidthChar;
    let w = area.width as usize;
    let shown = safe_line(value);
    // Scroll by screen columns, so wide characters (CJK) keep the cursor on the text.
    let widths: Vec<usize> = shown.chars().map(|c| c.width().unwrap_or(0)).collect();
    let cursor_col: usize = widths.iter().take(cursor).sum();
    let want = cursor_col.saturating_sub(w.saturating_sub(1));
    let (mut skipped_chars, mut skipped_cols) = (0, 0);
    while skipped_cols < want && skipped_chars < widths.len() {
        skipped_cols += widths[skipped_chars];
        skipped_chars += 1;
    }
    let text: String = shown.chars().skip(skipped_chars).collect();
    buf.set_stringn(area.x, area.y, super::widgets::pad(&text, w), w, t.base);
    let cx = area.x + (cursor_col - skipped_cols).min(w - 1) as u16;
    if let Some(cell) = buf.cell_mut((cx, area.y)) {
        cell.set_style(t.selected);
    }
}

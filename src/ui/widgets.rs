//! Small pieces the screens share.

use super::theme::Theme;
use ratatui::prelude::*;
use ratatui::widgets::{Block, BorderType, Borders, Clear};
use std::borrow::Cow;

/// Text made safe for the terminal: control characters (an escape
/// sequence pasted in, a NUL from a file) are shown as visible symbols
/// (`␛`, `␀`) instead of reaching the terminal. The data keeps them.
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(visible).collect())
}

/// One line: as [`safe`], with line ends shown as `⏎`.
pub fn safe_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_escape(c) || c == '\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if c == '\n' { '⏎' } else { visible(c) })
            .collect(),
    )
}

pub fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n')
        // Bidirectional overrides can reorder what follows on screen.
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        '\n' => '\n',
        '\u{7f}' => '␡',
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        c if needs_escape(c) => '�',
        c => c,
    }
}

pub fn block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(title)
        .title_style(theme.title)
}

/// `mm:ss`, or `h:mm:ss` past an hour; overrun shows as `+mm:ss`.
pub fn clock(secs: i64) -> String {
    let sign = if secs < 0 { "+" } else { "" };
    let s = secs.unsigned_abs();
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{sign}{:02}:{:02}", s / 60, s % 60)
    }
}

pub fn minutes(m: u32) -> String {
    if m >= 60 {
        format!("{}h{:02}", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

/// The widest note kind's name in `lang` (display columns).
pub fn note_kind_width(lang: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    crate::model::NoteKind::ALL
        .iter()
        .map(|k| crate::i18n::note_kind(lang, *k).width())
        .max()
        .unwrap_or(0)
}

/// A rectangle of `w` x `h` centred in `area` (clamped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clear a popup's area and draw its frame; returns the inner area.
pub fn popup(area: Rect, buf: &mut Buffer, title: &str, theme: &Theme) -> Rect {
    // A wide character just left of the popup would cover its left border:
    // blank it (it is cut by the popup anyway).
    if area.x > buf.area.x {
        for y in area.top()..area.bottom() {
            if let Some(cell) = buf.cell_mut((area.x - 1, y))
                && unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
    Clear.render(area, buf);
    // A title too long for the frame is cut at a word, with an ellipsis.
    let room = area.width.saturating_sub(4) as usize;
    let b = block(
        format!(" {} ", shorten(&safe_line(title), room)),
        true,
        theme,
    );
    let inner = b.inner(area);
    b.render(area, buf);
    inner
}

/// Scroll offset that keeps `selected` visible in `height` rows.
pub fn scroll_for(selected: usize, height: usize, total: usize) -> usize {
    if height == 0 || total <= height {
        return 0;
    }
    let half = height / 2;
    selected.saturating_sub(half).min(total - height)
}

/// A list whose items take a few lines each (`(line, item)`), drawn in
/// `area`, scrolled to keep the `selected` item's first line and the
/// `lead` lines after it in view.
pub fn item_lines(
    lines: &[(Line, usize)],
    selected: usize,
    lead: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let first = lines.iter().position(|(_, i)| *i == selected).unwrap_or(0);
    let start = scroll_for(first + lead, area.height as usize, lines.len());
    for (k, (line, _)) in lines
        .iter()
        .enumerate()
        .skip(start)
        .take(area.height as usize)
    {
        buf.set_line(area.x, area.y + (k - start) as u16, line, area.width);
    }
}

/// Fit to exactly `width` display columns: truncated with an ellipsis, or
/// padded with spaces (by display width, so CJK and emoji line up).
pub fn pad(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut s = fit(text, width);
    let w = s.width();
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    s
}

/// Truncate to `width` display columns, with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    // Whole-string width: a character with a variation selector (☀️) is
    // two columns, as the terminal draws it, though each char alone is less.
    if text.width() <= width {
        return text.to_owned();
    }
    // The longest prefix (at a char boundary) that leaves room for "…",
    // found by halving: linear in the text, not quadratic.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let (mut lo, mut hi) = (0usize, bounds.len() - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text[..bounds[mid]].width() < width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut out = text[..bounds[lo]].to_owned();
    if width > 0 {
        out.push('…');
    }
    out
}

/// Shorten to `width` display columns with an ellipsis after a whole word
/// when a word ends in the second half of the room; else as [`fit`].
pub fn shorten(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_owned();
    }
    let cut = fit(text, width);
    let kept = cut.strip_suffix('…').unwrap_or(&cut);
    // The next char after the kept part: a space means the cut is already
    // at a word's end.
    if text[kept.len()..].starts_with(char::is_whitespace) {
        return format!("{}…", kept.trim_end());
    }
    match kept.rfind(char::is_whitespace) {
        Some(i) if kept[..i].trim_end().width() * 2 >= width => {
            format!("{}…", kept[..i].trim_end())
        }
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_symbols() {
        assert_eq!(safe("a\u{1b}[31mb"), "a␛[31mb");
        assert_eq!(safe("nul\0"), "nul␀");
        assert_eq!(safe("école 🎉 涼み"), "école 🎉 涼み");
        assert_eq!(safe_line("two\nlines"), "two⏎lines");
        assert_eq!(safe("\u{202e}abc"), "�abc");
    }

    #[test]
    fn clock_formats_overrun_and_hours() {
        assert_eq!(clock(65), "01:05");
        assert_eq!(clock(-30), "+00:30");
        assert_eq!(clock(3725), "1:02:05");
    }

    #[test]
    fn shorten_cuts_at_a_word_boundary_when_it_can() {
        assert_eq!(
            shorten("optional cap per item (each)", 24),
            "optional cap per item…"
        );
        assert_eq!(
            shorten("Atelier mobilités douces", 20),
            "Atelier mobilités…"
        );
        assert_eq!(shorten("Anticonstitutionnellement", 10), "Anticonst…");
        assert_eq!(shorten("court", 10), "court");
        assert_eq!(shorten("涼み処 です です", 9), "涼み処…");
    }

    #[test]
    fn fit_counts_wide_characters() {
        assert_eq!(fit("涼み処です", 5), "涼み…");
        assert_eq!(fit("abc", 3), "abc");
    }
}

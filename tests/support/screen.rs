//! The app drawn on a `TestBackend`, and its screen read back as text: one
//! reading for every test, where a wide character (CJK, emoji) is read
//! once and the cells it covers are skipped, so "日よけ" on screen reads
//! "日よけ".
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atelier::app::App;
use atelier::ui::AppView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// Sizes a screen must draw at without panicking or spilling: empty,
/// one cell, one row or column, narrow, flat, and large.
pub const ODD_SIZES: &[(u16, u16)] = &[
    (0, 0),
    (1, 1),
    (10, 3),
    (20, 5),
    (2, 40),
    (200, 3),
    (300, 3),
    (0, 24),
    (80, 0),
    (1, 80),
    (80, 1),
    (80, 2),
    (1, 100),
    (300, 1),
    (3, 3),
    (25, 10),
    (27, 4),
    (39, 12),
    (52, 7),
    (69, 17),
    (70, 17),
    (80, 24),
    (300, 100),
];

/// The whole app drawn at `w` x `h`.
pub fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(AppView(app), f.area()))
        .unwrap();
    terminal
}

/// The cells of a row as (column, symbol), skipping the cells that wide
/// characters cover.
pub fn row_cells(buf: &Buffer, y: u16) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    let mut x = buf.area.x;
    while x < buf.area.right() {
        let sym = buf[(x, y)].symbol().to_owned();
        let w = sym.width().max(1) as u16;
        out.push((x, sym));
        x += w;
    }
    out
}

/// One row of the screen as text.
pub fn row_text(buf: &Buffer, y: u16) -> String {
    row_cells(buf, y).into_iter().map(|(_, s)| s).collect()
}

/// The screen's text, one line per row.
pub fn screen_text(buf: &Buffer) -> String {
    (buf.area.y..buf.area.bottom())
        .map(|y| row_text(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every cell's symbol as it is, wide characters' covered cells included,
/// each row ended by a newline: the reading the text snapshots were made
/// with, and the one that shows a raw control character left in a cell.
pub fn cells_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The text of a drawn terminal.
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    screen_text(terminal.backend().buffer())
}

/// The screen's text at `w` x `h`.
pub fn shown(app: &App, w: u16, h: u16) -> String {
    screen(&draw(app, w, h))
}

/// Every place `text` starts on screen: (column, row).
pub fn find_all(buf: &Buffer, text: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for y in buf.area.y..buf.area.bottom() {
        let cells = row_cells(buf, y);
        for i in 0..cells.len() {
            let mut rest = String::new();
            for (_, sym) in &cells[i..] {
                rest.push_str(sym);
                if rest.len() >= text.len() {
                    break;
                }
            }
            if rest.starts_with(text) {
                out.push((cells[i].0, y));
            }
        }
    }
    out
}

/// Where `text` first starts on screen: (column, row).
#[must_use = "use find_or_panic to assert that text is on screen"]
pub fn find(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    find_all(buf, text).first().copied()
}

/// Where `text` first starts on screen; a failure showing the screen when
/// it is not there.
pub fn find_or_panic(buf: &Buffer, text: &str) -> (u16, u16) {
    find(buf, text).unwrap_or_else(|| panic!("{text:?} not on screen:\n{}", screen_text(buf)))
}

/// The cell at (x, y) shows `style`'s colours and at least its modifiers.
pub fn assert_styled(buf: &Buffer, (x, y): (u16, u16), style: Style, what: &str) {
    let cell = &buf[(x, y)];
    assert_eq!(
        cell.fg,
        style.fg.unwrap_or(Color::Reset),
        "{what}: fg of {:?} at {x},{y}",
        cell.symbol()
    );
    assert_eq!(
        cell.bg,
        style.bg.unwrap_or(Color::Reset),
        "{what}: bg of {:?} at {x},{y}",
        cell.symbol()
    );
    assert!(
        cell.modifier.contains(style.add_modifier),
        "{what}: {:?} lacks {:?} at {x},{y}",
        cell.modifier,
        style.add_modifier
    );
}

/// Drawn at each of `ODD_SIZES`, `app` (the state `name`) panics at none.
#[track_caller]
pub fn assert_draws_at_odd_sizes(name: &str, app: &App) {
    for &(w, h) in ODD_SIZES {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| draw(app, w, h)));
        assert!(r.is_ok(), "{name} at {w}x{h} panicked");
    }
}

/// The sizes of `ODD_SIZES` (but those `skip` passes over) at which `app`
/// (the state `name`), drawn into an area at column 2, row 1, draws
/// outside it: "name at WxH" each.
pub fn spills_at_odd_sizes(name: &str, app: &App, skip: impl Fn(u16) -> bool) -> Vec<String> {
    ODD_SIZES
        .iter()
        .filter(|&&(w, _)| !skip(w))
        .filter(|&&(w, h)| !draws_inside(app, Rect::new(2, 1, w, h)))
        .map(|(w, h)| format!("{name} at {w}x{h}"))
        .collect()
}

/// Drawn into `area` of a larger buffer filled with a marker, nothing
/// lands outside it.
pub fn draws_inside(app: &App, area: Rect) -> bool {
    let outer = Rect::new(0, 0, area.right() + 3, area.bottom() + 3);
    let mut buf = Buffer::filled(outer, ratatui::buffer::Cell::new("░"));
    AppView(app).render(area, &mut buf);
    outer
        .positions()
        .all(|p| area.contains(p) || buf[p].symbol() == "░")
}

/// Snapshot tests of screens: for each name, a test drawing the state
/// `super::name()` at each size, snapshot `{prefix}{name}_{w}x{h}`. Used
/// inside a `mod snapshot` of the test file:
/// `crate::snapshots!("fr_", [(80, 24)]; home, notes);`.
#[macro_export]
macro_rules! snapshots {
    ($prefix:literal, $sizes:expr; $($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            let app = super::$name();
            for (w, h) in $sizes {
                let terminal = $crate::support::screen::draw(&app, w, h);
                insta::assert_snapshot!(
                    format!("{}{}_{w}x{h}", $prefix, stringify!($name)),
                    terminal.backend()
                );
            }
        }
    )*};
}

/// A screen test file's states, named once: `const STATES` (name and
/// builder of each state worth drawing, for the checks at every size) and,
/// in `mod snapshot`, a snapshot test of each `snapshot` state (see
/// `snapshots!`); the `drawn` states have no snapshot.
/// `crate::screen_states!("fr_", [(80, 24)]; snapshot: [home], drawn: [help]);`
#[macro_export]
macro_rules! screen_states {
    ($prefix:literal, $sizes:expr;
     snapshot: [$($snap:ident),* $(,)?],
     drawn: [$($other:ident),* $(,)?] $(,)?) => {
        /// Every state worth drawing: each screen, each popup, each timer state.
        const STATES: &[(&str, fn() -> atelier::app::App)] = &[
            $((stringify!($snap), $snap as fn() -> atelier::app::App),)*
            $((stringify!($other), $other as fn() -> atelier::app::App),)*
        ];

        mod snapshot {
            $crate::snapshots!($prefix, $sizes; $($snap),*);
        }
    };
}

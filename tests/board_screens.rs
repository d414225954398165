//! The board as drawn on a `TestBackend`: insta snapshots at 80x24 and
//! 200x60, the styles that carry meaning (selection, sticky colours, search
//! hits, the voting line), NO_COLOR, and no panic at any size.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod board_support;
mod support;

use atelier::app::{App, Msg, update};
use atelier::model::Session;
use atelier::ui::theme::Theme;
use board_support::*;
use proptest::prelude::*;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use support::screen::*;

// ---------------------------------------------------------------- states

crate::board_states_in!("en");

/// Nothing on the board yet.
fn board_empty() -> App {
    let mut s: Session = session();
    s.stickies.clear();
    s.clusters.clear();
    app_with(s, None)
}

/// Sticky number `i` of a generated board, in `cluster`, its colour
/// cycling with `i`.
fn push_sticky(s: &mut Session, i: usize, id: &str, text: &str, cluster: &str) {
    let colour = atelier::model::Colour::ALL[i % 6];
    s.stickies
        .push(sticky(id, text, colour, Some(cluster), None));
}

/// Twelve clusters: the board scrolls, with counts of hidden columns.
fn board_many() -> App {
    let mut s = session();
    for i in 0..12 {
        let id = format!("c-{i}");
        s.clusters.push(cluster(&id, &format!("Thème {i} 主題")));
        push_sticky(&mut s, i, &format!("s-x{i}"), &format!("Idée {i}"), &id);
    }
    let mut app = app_with(s, None);
    for _ in 0..8 {
        keys(&mut app, &["l"]);
    }
    app
}

// ---------------------------------------------------------------- snapshots

crate::screen_states!(
    "", [(80, 24), (200, 60)];
    snapshot: [
        board,
        board_cluster_header,
        board_empty_cluster,
        board_long,
        board_marked,
        board_capture,
        board_search,
        board_search_applied,
        board_voting,
        board_results,
        board_sorted,
        board_move_picker,
        board_new_cluster,
        board_empty,
        board_many,
    ],
    drawn: [],
);

// ---------------------------------------------------------------- what the board says

#[test]
fn every_column_title_shows_its_count_and_clusters_their_dots() {
    let app = board_voted();
    let t = draw(&app, 200, 60);
    let buf = t.backend().buffer();
    for title in [
        " Inbox · 3 ",
        " Ombre et fraîcheur ☀️ · 2 · ●2 ",
        " Eau 💧 · 1 ",
        " Vide · 0 ",
        " Parking lot · 1 ",
    ] {
        find_or_panic(buf, title);
    }
    find_or_panic(buf, "(empty: m moves stickies here)");
}

#[test]
fn a_long_sticky_wraps_inside_its_card_and_stops_at_five_lines_with_an_ellipsis() {
    for (w, h) in [(80, 24), (200, 60)] {
        let app = board_long();
        let t = draw(&app, w, h);
        let buf = t.backend().buffer();
        let (x, y) = find_or_panic(buf, "Une cour d'école");
        // The five lines of the card: from the text to the column's border.
        let lines: Vec<String> = (y..y + 5)
            .map(|r| {
                row_cells(buf, r)
                    .into_iter()
                    .filter(|(cx, _)| *cx >= x)
                    .map(|(_, s)| s)
                    .take_while(|s| s != "┃" && s != "│")
                    .collect::<String>()
            })
            .collect();
        assert!(
            lines[4].trim_end().ends_with('…'),
            "{w}x{h}: the fifth line ends with …: {lines:#?}"
        );
        assert!(
            !row_text(buf, y + 5).contains("demander aux enfants"),
            "{w}x{h}: the end of the text is cut"
        );
        for l in &lines[..4] {
            assert!(!l.trim().is_empty(), "{w}x{h}: {lines:#?}");
        }
    }
}

#[test]
fn accents_cjk_and_emoji_are_drawn_whole() {
    let app = board();
    let t = draw(&app, 200, 60);
    let buf = t.backend().buffer();
    for text in [
        "涼しい教室を作る",
        "Des voiles d'ombrage",
        "日よけ",
        "Fontaines à eau 💧",
        "l'École",
        "Noël Bertrand 🎄",
        "山田 花子",
    ] {
        find_or_panic(buf, text);
    }
}

#[test]
fn columns_that_do_not_fit_are_counted_at_the_edges() {
    let app = board_many();
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    // 17 columns, 3 fit at 80, the cursor on the 9th (index 8): 6 hidden
    // to the left, 8 to the right.
    find_or_panic(buf, "◀6");
    find_or_panic(buf, "8▶");
    let (x, _) = find_or_panic(buf, "Thème 4 主題");
    assert!(x > 52, "the cursor's column is the last shown");
}

#[test]
fn the_selected_card_uses_the_selection_style_and_the_others_do_not() {
    let app = board();
    let sel = app.theme.selected;
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    let markers = find_all(buf, "▶ ");
    assert_eq!(markers.len(), 1, "one selected card:\n{}", screen_text(buf));
    assert_styled(buf, markers[0], sel, "the selected marker");
    let (x, y) = find_or_panic(buf, "Gourdes offertes");
    assert_eq!(markers[0], (x - 2, y), "the marker is on the selected card");
    // The selected card's text is bold on its colour.
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    // Another card is not selected: its marker cell is blank and unselected.
    let (ox, oy) = find_or_panic(buf, "Planter des");
    assert_ne!(buf[(ox - 2, oy)].bg, sel.bg.unwrap());
    assert!(!buf[(ox, oy)].modifier.contains(Modifier::BOLD));
}

#[test]
fn a_selected_cluster_header_uses_the_selection_style() {
    let app = board_cluster_header();
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    // Shown with its number and a cursor, the title cut at a word.
    let at = find_or_panic(buf, "▶1 Ombre et…");
    assert_styled(buf, at, app.theme.selected, "the selected header");
    let inbox = find_or_panic(buf, "Inbox");
    assert_ne!(buf[inbox].bg, app.theme.selected.bg.unwrap());
}

#[test]
fn a_sticky_is_drawn_on_its_colour() {
    let app = board();
    let t = draw(&app, 200, 60);
    let buf = t.backend().buffer();
    for (text, bg) in [
        ("Gourdes offertes", Color::LightGreen),
        ("Planter des", Color::LightYellow),
        ("Des voiles", Color::LightMagenta),
        ("Fontaines", Color::LightBlue),
        ("Une cour", Color::Indexed(216)),
        ("涼しい", Color::Indexed(183)),
    ] {
        let (x, y) = find_or_panic(buf, text);
        // Every visible cell of the card's width (36 at 200 columns), the
        // padding included, and the line under it.
        for r in [y, y + 1] {
            for (cx, sym) in row_cells(buf, r)
                .into_iter()
                .filter(|(cx, _)| (x..x + 36).contains(cx))
            {
                let cell = &buf[(cx, r)];
                assert_eq!(cell.bg, bg, "{text:?}: bg of {sym:?} at {cx},{r}");
                assert_eq!(cell.fg, Color::Black, "{text:?}: fg of {sym:?} at {cx},{r}");
            }
        }
        // Not beyond: the column's border.
        assert_ne!(buf[(x + 37, y)].bg, bg, "{text:?}: the border");
    }
}

#[test]
fn marked_stickies_show_a_check_mark() {
    let app = board_marked();
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    let checks = find_all(buf, "✓");
    assert_eq!(checks.len(), 2, "{}", screen_text(buf));
    for at in checks {
        assert_styled(buf, at, app.theme.accent, "a check mark");
    }
    let (x, y) = find_or_panic(buf, "▶ ");
    assert_styled(buf, (x, y), app.theme.selected, "the cursor");
}

#[test]
fn the_capture_bar_shows_the_author_the_colour_and_the_text() {
    let app = board_capture();
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    // The colour's key is the one the hint line names (issue 14: the
    // title said Ctrl-n while the hint said F2). At 80 columns the title
    // leaves out Enter and Esc (the hint line names Esc) to keep its count.
    find_or_panic(buf, "New sticky · Amélie Roux (Tab) · pink (F2) · 0 added");
    let wide = draw(&app, 120, 40);
    find_or_panic(
        wide.backend().buffer(),
        "New sticky · Amélie Roux (Tab) · pink (F2) · Enter adds · Esc closes · 0 added",
    );
    find_or_panic(buf, "F2 colour");
    let (x, y) = find_or_panic(buf, "■");
    assert_eq!(buf[(x, y)].fg, Color::LightMagenta, "the swatch is pink");
    let (tx, ty) = find_or_panic(buf, "Une idée 💡 アイデア");
    assert_eq!(ty, y);
    assert_eq!(tx, x + 2);
    // The cursor sits after the text (display width 20).
    assert_styled(buf, (tx + 20, ty), app.theme.selected, "the cursor");
}

#[test]
fn the_capture_bar_keeps_its_count_at_80_columns_shortening_the_words_first() {
    // A long name and a dozen stickies added: the words give way, the count stays.
    let capture = |lang: &'static str| {
        let mut s = session();
        s.participants[0].name = "Marie-Amélie de La Tour d'Auvergne-Lauragais".into();
        let mut app = app_with(s, None);
        app.lang = lang;
        app.index = Default::default();
        atelier::app::index::refresh_index(&mut app);
        keys(&mut app, &["j", "s", "tab"]);
        for i in 0..12 {
            type_text(&mut app, &format!("Idée {i}\n"));
        }
        draw(&app, 80, 24)
    };
    let t = capture("en");
    let screen = screen_text(t.backend().buffer());
    let title = screen
        .lines()
        .find(|l| l.contains("New sticky"))
        .unwrap_or_else(|| panic!("no capture bar:\n{screen}"));
    assert!(
        title.contains("New sticky · Marie-Amélie de La Tour"),
        "{title}"
    );
    // Cut after a whole word, with an ellipsis (the colour goes first).
    assert!(
        title.contains("d'Auvergne-Lauragais (Tab)… · 12 added ━"),
        "{title}"
    );
    insta::assert_snapshot!("capture_count_kept_80x24", t.backend());

    let t = capture("fr");
    let screen = screen_text(t.backend().buffer());
    assert!(screen.contains("Lauragais… · 12 ajoutés ┓"), "{screen}");
    insta::assert_snapshot!("fr_capture_count_kept_80x24", t.backend());
}

#[test]
fn the_capture_bar_names_the_keys_the_keymap_binds() {
    let user = r#"{ capture: { "ctrl-n": Ignore, "f2": Ignore, "ctrl-k": CycleColour, "f4": NextParticipant, "tab": Ignore } }"#;
    let (keymap, warnings) = atelier::app::keymap::Keymap::with_user(Some(("keymap.ron", user)));
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut app = app();
    app.keymap = keymap;
    keys(&mut app, &["j", "s", "ctrl-k"]);
    let t = draw(&app, 100, 24);
    let buf = t.backend().buffer();
    find_or_panic(
        buf,
        "New sticky · no author (F4) · pink (Ctrl-k) · Enter adds · Esc closes",
    );
    find_or_panic(buf, "F4 author");
    find_or_panic(buf, "Ctrl-k colour");
    assert!(find_all(buf, "F2").is_empty() && find_all(buf, "Ctrl-n").is_empty());
}

#[test]
fn search_hits_are_highlighted_and_the_rest_of_the_card_is_not() {
    for app in [board_search(), board_search_applied()] {
        let t = draw(&app, 80, 24);
        let buf = t.backend().buffer();
        let hit = app
            .theme
            .accent
            .add_modifier(Modifier::UNDERLINED | Modifier::REVERSED);
        let (x, y) = find_or_panic(buf, "École");
        for dx in 0..5 {
            assert_styled(buf, (x + dx, y), hit, "a search hit");
        }
        let (px, py) = find_or_panic(buf, "Planter");
        let cell = &buf[(px, py)];
        assert!(!cell.modifier.contains(Modifier::UNDERLINED));
        assert_eq!(cell.bg, Color::LightYellow);
        find_or_panic(buf, "3 matches · Esc clears");
        find_or_panic(buf, " /ecole ");
    }
    let app = board_search();
    let t = draw(&app, 80, 24);
    find_or_panic(t.backend().buffer(), "Search: ecole");
}

#[test]
fn the_voting_line_says_who_votes_and_what_is_left() {
    let app = board_voting();
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    let at = find_or_panic(
        buf,
        "● Vote 1 · dots hidden until R · Amélie Roux · 1 of 3 dots left",
    );
    assert_eq!(at.1, 1, "just under the top bar");
    assert_styled(buf, at, app.theme.warning, "the voting line");
    // Until `R`, the cards show the voter's own dots only (a paper tally
    // on Fontaines, Amélie's dot on 涼しい教室).
    let (_, y) = find_or_panic(buf, "Fontaines à eau");
    assert!(
        !row_text(buf, y + 2).contains('●'),
        "{}",
        row_text(buf, y + 2)
    );
    let (_, y) = find_or_panic(buf, "アコン");
    assert!(
        row_text(buf, y + 1).contains("○ 1"),
        "{}",
        row_text(buf, y + 1)
    );
}

#[test]
fn an_author_with_wide_characters_keeps_the_dots_visible() {
    let app = board_voted();
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    let (_, y) = find_or_panic(buf, "Gourdes offertes");
    let meta = row_text(buf, y + 1);
    assert!(meta.contains("Noël Bertrand 🎄"), "{meta}");
    assert!(
        meta.contains("●● 2"),
        "the two dots and their count: {meta}"
    );
    let (_, y) = find_or_panic(buf, "日よけ");
    let meta = row_text(buf, y + 1);
    let card: String = meta
        .split(['│', '┃'])
        .find(|part| part.contains("山田"))
        .unwrap_or_default()
        .to_owned();
    assert!(!card.contains('…'), "山田 花子 fits: {meta}");
}

#[test]
fn the_results_rank_with_ties_marked() {
    let app = board_results();
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    find_or_panic(buf, "Vote results");
    find_or_panic(buf, "Vote 1 · 3 dots each, at most 2 per item");
    let lines: Vec<String> = (0..24)
        .map(|y| row_text(buf, y))
        .filter(|l| l.contains(" ● ") && l.contains('='))
        .collect();
    assert_eq!(lines.len(), 4, "{}", screen_text(buf));
    assert!(lines[0].contains("=1") && lines[0].contains("[cluster] Ombre et fraîcheur ☀️"));
    assert!(lines[1].contains("=1") && lines[1].contains("Gourdes offertes"));
    assert!(lines[2].contains("=3") && lines[2].contains("Fontaines à eau"));
    assert!(lines[3].contains("=3") && lines[3].contains("涼しい教室"));
    let at = find_or_panic(buf, "=1");
    assert_styled(buf, at, app.theme.warning, "a tie");
    find_or_panic(buf, "= marks a tie. Esc closes.");
}

#[test]
fn without_colour_no_background_colour_appears_anywhere() {
    for (name, state) in STATES {
        let mut app = state();
        app.theme = Theme::load_from(None, false).0;
        for (w, h) in [(80, 24), (200, 60)] {
            let t = draw(&app, w, h);
            let buf = t.backend().buffer();
            for y in 0..h {
                for x in 0..w {
                    let cell = &buf[(x, y)];
                    assert_eq!(
                        (cell.bg, cell.fg),
                        (Color::Reset, Color::Reset),
                        "{name} {w}x{h}: colour on {:?} at {x},{y}",
                        cell.symbol()
                    );
                }
            }
        }
    }
    // The selection still shows, in reverse video.
    let mut app = board();
    app.theme = Theme::load_from(None, false).0;
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    let at = find_or_panic(buf, "▶ ");
    assert!(buf[at].modifier.contains(Modifier::REVERSED));
}

// ---------------------------------------------------------------- no panic at any size

#[test]
fn every_board_state_draws_at_odd_sizes_without_panicking() {
    for (name, state) in STATES {
        assert_draws_at_odd_sizes(name, &state());
    }
}

#[test]
fn nothing_is_drawn_outside_the_area() {
    // One column wide: see the ignored test below.
    let bad: Vec<String> = STATES
        .iter()
        .flat_map(|(name, state)| spills_at_odd_sizes(name, &state(), |w| w == 1))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn nothing_is_drawn_outside_a_one_column_area() {
    for (name, state) in STATES {
        let app = state();
        assert!(draws_inside(&app, Rect::new(2, 1, 1, 10)), "{name}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn any_board_state_draws_at_any_size_with_any_cursor(
        w in 0u16..=300,
        h in 0u16..=100,
        state in 0..STATES.len(),
        col in 0usize..20,
        row in 0usize..20,
    ) {
        let mut app = (STATES[state].1)();
        app.board.col = col;
        app.board.row = row;
        // Through update too, which clamps the cursor as keys would.
        let clamped = {
            let mut a = (STATES[state].1)();
            a.board.col = col;
            a.board.row = row;
            update(&mut a, Msg::Resize, t(1));
            a
        };
        draw(&app, w, h);
        draw(&clamped, w, h);
        // (Narrower than the hidden-column counts: see the ignored test.)
        if w >= 3 {
            prop_assert!(draws_inside(&clamped, Rect::new(1, 1, w, h)));
        }
    }
}

#[test]
fn a_ten_thousand_sticky_board_still_draws() {
    let mut s = session();
    for i in 0..10_000 {
        let c = format!("c-{}", i % 40);
        if i < 40 {
            s.clusters.push(cluster(&c, &format!("Thème {i}")));
        }
        let text = format!("Idée numéro {i} pour la cour d'école");
        push_sticky(&mut s, i, &format!("s-big-{i}"), &text, &c);
    }
    let mut app = app_with(s, None);
    keys(&mut app, &["l", "l", "l", "l", "G"]);
    assert_eq!(app.board.row, 250, "the last sticky of the cluster");
    let t = draw(&app, 200, 60);
    let buf = t.backend().buffer();
    find_or_panic(buf, " Thème 0 · 250 ");
    find_or_panic(buf, "▶ Idée numéro 9960");
}

//! Fewer keys in front of the room (issue 19), through `update` and on a
//! `TestBackend`: number keys send stickies to clusters, `@name` sets an
//! author, `+` on a sticky votes for its cluster in a round on clusters,
//! `/` works from facilitation, status messages fade, `]` keeps the timer
//! going, help is grouped, and the screens at 80x24 and 120x40.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod board_support;
mod support;

use atelier::app::state::Screen;
use atelier::app::{App, Msg, update};
use atelier::model::{Id, Target, Timer};
use board_support::*;

fn draw(app: &App, w: u16, h: u16) -> String {
    support::screen::cells_text(support::screen::draw(app, w, h).backend().buffer())
}

/// The last `n` stickies: (text, author id).
fn last_authors(app: &App, n: usize) -> Vec<(String, Option<String>)> {
    let s = sess(app);
    s.stickies[s.stickies.len() - n..]
        .iter()
        .map(|x| {
            (
                x.text.clone(),
                x.author.as_ref().map(|a| a.as_str().to_owned()),
            )
        })
        .collect()
}

fn pairs(want: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    want.iter()
        .map(|(t, a)| ((*t).to_owned(), a.map(str::to_owned)))
        .collect()
}

// ---------------------------------------------------------------- 1-9

#[test]
fn a_number_sends_the_sticky_to_that_cluster_and_the_cursor_stays() {
    let mut app = app();
    // Inbox: s-4, s-5, s-6; cluster 2 is "Eau".
    keys(&mut app, &["j", "2"]);
    let s = sess(&app);
    assert_eq!(st(s, "s-4").cluster, Some(Id::from("c-eau")));
    assert_cursor(&app, (0, 1), "still in the inbox");
    assert_eq!(
        atelier::app::index::selected_sticky(&app).map(|i| sess(&app).stickies[i].id.as_str()),
        Some("s-5"),
        "on the next sticky"
    );
    // Marked ones go together; the last sticky left keeps the cursor.
    keys(&mut app, &["space", "space", "1"]);
    let s = sess(&app);
    assert_eq!(in_cluster(s, Some("c-ombre")), ["s-1", "s-2", "s-5", "s-6"]);
    assert_eq!(in_cluster(s, None), Vec::<String>::new());
    assert_eq!(app.board.col, 0);
    // One undo puts them back.
    keys(&mut app, &["u"]);
    assert_eq!(in_cluster(sess(&app), None), ["s-5", "s-6"]);
}

#[test]
fn a_number_with_no_such_cluster_says_so_and_moves_nothing() {
    let mut app = app();
    keys(&mut app, &["j", "9"]);
    assert_eq!(message(&app), "There is no cluster 9.");
    assert!(is_error(&app));
    assert_eq!(in_cluster(sess(&app), None), ["s-4", "s-5", "s-6"]);
}

#[test]
fn cluster_headers_show_their_numbers_and_the_selected_one_a_cursor() {
    let mut app = app();
    keys(&mut app, &["l"]);
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("▶1 Ombre et fraîcheur"), "{screen}");
    assert!(screen.contains(" 2 Eau "), "{screen}");
    assert!(screen.contains(" 3 Vide · 0 "), "{screen}");
}

#[test]
fn the_move_list_finds_a_cluster_by_its_typed_title() {
    let mut app = app();
    keys(&mut app, &["j", "m"]);
    assert!(app.picker.is_some());
    // "va" starts no title; "Vide" holds "vi": accents and case ignored.
    type_text(&mut app, "EAU");
    assert_eq!(app.picker.as_ref().unwrap().selected, 2);
    keys(&mut app, &["backspace", "backspace", "backspace"]);
    type_text(&mut app, "vi");
    assert_eq!(app.picker.as_ref().unwrap().selected, 3);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("“vi”"), "{screen}");
    keys(&mut app, &["enter"]);
    assert_eq!(st(sess(&app), "s-4").cluster, Some(Id::from("c-vide")));
    assert!(
        app.picker.is_none(),
        "the list is gone, and what was typed in it"
    );
}

// ---------------------------------------------------------------- @author

#[test]
fn an_at_name_line_sets_the_author_and_tab_completes_it() {
    let mut app = app();
    keys(&mut app, &["s"]);
    type_text(&mut app, "@am");
    keys(&mut app, &["tab"]);
    assert_eq!(app.capture.as_ref().unwrap().input.value(), "@Amélie Roux ");
    type_text(&mut app, "Des bancs");
    keys(&mut app, &["enter"]);
    // The first letters of any word of the name are enough.
    type_text(&mut app, "@bert Un potager");
    keys(&mut app, &["enter"]);
    // Nobody: the sticky is kept, with no author, and the name is said.
    type_text(&mut app, "@zoé Une mare");
    keys(&mut app, &["enter"]);
    assert_says(&app, "zoé");
    // Tab on a line that names nobody cycles the bar's author as before.
    keys(&mut app, &["tab"]);
    assert_eq!(app.capture.as_ref().unwrap().author, 1);
    assert_eq!(
        last_authors(&app, 3),
        pairs(&[
            ("Des bancs", Some("p-amelie")),
            ("Un potager", Some("p-noel")),
            ("Une mare", None),
        ])
    );
}

#[test]
fn a_pasted_block_carries_one_author_per_line() {
    let mut app = app();
    keys(&mut app, &["s"]);
    update(
        &mut app,
        Msg::Paste("@山田 花子 涼しい\n@NOËL BERTRAND 🎄 Des sapins\nSans auteur".into()),
        t(1),
    );
    assert_eq!(
        last_authors(&app, 3),
        pairs(&[
            ("涼しい", Some("p-hanako")),
            ("Des sapins", Some("p-noel")),
            ("Sans auteur", None),
        ])
    );
}

#[test]
fn an_at_name_alone_sets_the_bars_author() {
    let mut app = app();
    keys(&mut app, &["s"]);
    type_text(&mut app, "@amé");
    keys(&mut app, &["enter"]);
    let c = app.capture.as_ref().unwrap();
    assert_eq!((c.author, c.input.value()), (1, ""));
    assert_eq!(sess(&app).stickies.len(), 7, "no sticky made");
}

// ---------------------------------------------------------------- votes on clusters

#[test]
fn plus_on_a_sticky_votes_for_its_cluster_in_a_round_on_clusters() {
    let mut app = app_with(with_votes(session()), None);
    keys(&mut app, &["v"]);
    assert!(!app.board.voting.as_ref().unwrap().on_clusters);
    keys(&mut app, &["V"]);
    assert!(app.board.voting.as_ref().unwrap().on_clusters);
    // A sticky of "Eau": the dot goes to "Eau".
    keys(&mut app, &["l", "l", "j", "+"]);
    let s = sess(&app);
    let v = s.votes.last().unwrap();
    assert_eq!(v.target, Target::Cluster(Id::from("c-eau")));
    // An inbox sticky belongs to no cluster: refused, said.
    keys(&mut app, &["h", "h", "j", "+"]);
    assert!(is_error(&app));
    assert_says(&app, "on clusters");
    // Back on stickies (Hanako has a dot left).
    keys(&mut app, &["V", "]", "+"]);
    let s = sess(&app);
    assert_eq!(
        s.votes.last().unwrap().target,
        Target::Sticky(Id::from("s-5"))
    );
}

#[test]
fn a_round_on_clusters_says_so_on_the_voting_line() {
    let mut app = app_with(with_votes(session()), None);
    keys(&mut app, &["l", "v", "V"]);
    assert!(app.board.voting.as_ref().unwrap().on_clusters);
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("on clusters"), "{screen}");
}

// ---------------------------------------------------------------- search everywhere

#[test]
fn slash_in_facilitation_searches_and_enter_shows_the_board() {
    let mut app = app();
    app.screen = Screen::Facilitate;
    let fx = keys(&mut app, &["/"]);
    assert!(fx.is_empty());
    type_text(&mut app, "ecole");
    assert!(app.picker.is_none(), "e never opened the export");
    assert_eq!(app.search.input.value(), "ecole");
    keys(&mut app, &["enter"]);
    assert_eq!(app.screen, Screen::Board);
    let shown: usize = app.index.columns.iter().map(|c| c.stickies.len()).sum();
    assert_eq!(shown, 3, "École, école and école");
    assert!(atelier::app::index::selected_sticky(&app).is_some());
}

#[test]
fn a_search_from_facilitation_that_finds_nothing_says_so_and_stays() {
    let mut app = app();
    app.screen = Screen::Facilitate;
    keys(&mut app, &["/"]);
    type_text(&mut app, "zzz");
    keys(&mut app, &["enter"]);
    assert_eq!(app.screen, Screen::Facilitate);
    assert_eq!(message(&app), "Nothing matches “zzz”.");
    assert_eq!(app.search.input.value(), "", "no filter left behind");
}

// ---------------------------------------------------------------- one key for comments

#[test]
fn capital_c_comments_on_every_screen_and_c_is_a_cluster_on_the_board() {
    for screen in [Screen::Facilitate, Screen::Notes, Screen::Board] {
        let mut app = app();
        app.screen = screen;
        keys(&mut app, &["C"]);
        let f = app.field.as_ref().expect("a comment field");
        assert!(
            matches!(f.purpose, atelier::app::state::FieldPurpose::Comment(_)),
            "{screen:?}"
        );
    }
    let mut app = app();
    app.screen = Screen::Facilitate;
    keys(&mut app, &["c"]);
    assert!(app.field.is_none(), "c is no comment in facilitation");
}

// ---------------------------------------------------------------- messages fade

#[test]
fn a_message_lasts_until_the_next_key_or_a_few_seconds() {
    let mut app = app();
    keys_at(&mut app, &["j", "9"], t(10));
    assert!(!message(&app).is_empty());
    update(&mut app, Msg::Tick, t(12));
    assert!(!message(&app).is_empty(), "still there after 2 s");
    update(&mut app, Msg::Tick, t(14));
    assert!(app.message.is_none(), "gone after 4 s");
    keys_at(&mut app, &["9"], t(20));
    assert!(app.message.is_some());
    keys_at(&mut app, &["j"], t(20));
    assert!(app.message.is_none(), "gone at the next key");
    // The hints are back.
    let screen = draw(&app, 120, 40);
    assert!(screen.lines().last().unwrap().contains("help"), "{screen}");
}

#[test]
fn one_line_fields_do_not_hint_a_next_field() {
    let mut app = app();
    keys(&mut app, &["l", "r"]);
    assert!(app.field.is_some());
    let screen = draw(&app, 120, 40);
    let last = screen.lines().last().unwrap();
    assert!(!last.contains("next field"), "{last}");
    assert!(last.contains("save"), "{last}");
}

// ---------------------------------------------------------------- ] keeps time

#[test]
fn next_step_starts_its_timer_when_the_timer_was_running() {
    let mut app = app();
    {
        let s = std::sync::Arc::make_mut(&mut app.doc.as_mut().unwrap().session);
        let mut second = s.agenda[0].steps[0].clone();
        second.id = Id::from("sp-two");
        second.title = "Partage".into();
        s.agenda[0].steps.push(second);
    }
    app.screen = Screen::Facilitate;
    keys_at(&mut app, &["space"], t(0));
    keys_at(&mut app, &["]"], t(60));
    let s = sess(&app);
    assert_eq!(s.current().map(|p| p.step), Some(1));
    assert!(
        matches!(s.run.timer, Timer::Running { .. }),
        "{:?}",
        s.run.timer
    );
    // Back, paused: the next step waits.
    keys_at(&mut app, &["[", "space"], t(70));
    keys_at(&mut app, &["space"], t(71));
    keys_at(&mut app, &["]"], t(72));
    assert!(matches!(sess(&app).run.timer, Timer::Idle));
    // config.ron's `next_step_starts_timer: false`: ready, not running.
    keys_at(&mut app, &["[", "space"], t(80));
    app.ctx.next_step_waits = true;
    keys_at(&mut app, &["]"], t(90));
    assert!(matches!(sess(&app).run.timer, Timer::Idle));
}

// ---------------------------------------------------------------- help

#[test]
fn help_is_grouped_in_a_fixed_order_and_wraps_under_its_text() {
    let mut app = app();
    keys(&mut app, &["?"]);
    let screen = draw(&app, 80, 150);
    // A group's title is a line of its own in the popup.
    let at = |what: &str| {
        screen
            .lines()
            .collect::<Vec<_>>()
            .iter()
            .rposition(|l| l.trim_matches(['│', '┃', ' ']) == what)
            .unwrap_or_else(|| panic!("no {what:?} in\n{screen}"))
    };
    for pair in [
        "Moving",
        "Screens and search",
        "Capture",
        "Board",
        "Voting",
        "Editing",
    ]
    .windows(2)
    {
        assert!(at(pair[0]) < at(pair[1]), "{pair:?} in\n{screen}");
    }
    let at = |what: &str| {
        screen
            .find(what)
            .unwrap_or_else(|| panic!("no {what:?} in\n{screen}"))
    };
    // j and k sit together, under Moving.
    assert!(
        at("Moving") < at("k, ↑") && at("k, ↑") < at("j, ↓"),
        "{screen}"
    );
    assert!(screen.contains("1…9"), "{screen}");
    // A wrapped description is indented under its text, not at the edge.
    let lines: Vec<&str> = screen.lines().collect();
    let i = lines.iter().position(|l| l.contains("1…9")).unwrap();
    let col = |line: &str, what: &str| line.find(what).map(|b| line[..b].chars().count());
    assert_eq!(
        col(lines[i + 1], "(as numbered"),
        col(lines[i], "send the"),
        "{}\n{}",
        lines[i],
        lines[i + 1]
    );
}

// ---------------------------------------------------------------- snapshots

#[test]
fn screens_at_80x24_and_120x40() {
    let mut board = app_with(with_votes(session()), None);
    keys(&mut board, &["l", "v", "V", "j"]);
    let mut facilitate = app();
    facilitate.screen = Screen::Facilitate;
    {
        let s = std::sync::Arc::make_mut(&mut facilitate.doc.as_mut().unwrap().session);
        s.agenda[0].method = "crazy-8s".into();
        s.agenda[0].steps[0].prompt = "Huit idées en huit minutes, une par case.".into();
        s.agenda[0].steps[0].produces = vec![atelier::model::Produces::Stickies];
        s.actions.push(atelier::model::ActionItem {
            id: Id::from("a-1"),
            text: "Demander l'avis des enfants 🧒".into(),
            owner: "Mairie".into(),
            due: None,
            status: atelier::model::ActionStatus::Todo,
        });
    }
    keys_at(&mut facilitate, &["space"], t(0));
    keys_at(&mut facilitate, &["s"], t(5));
    type_text(&mut facilitate, "@noël Une idée 🎉 née ici");
    keys_at(&mut facilitate, &["enter", "esc"], t(30));
    update(&mut facilitate, Msg::Tick, t(60));
    let mut help = app();
    keys(&mut help, &["?"]);
    let mut capture = app();
    keys(&mut capture, &["s"]);
    type_text(&mut capture, "@amé");
    for (name, app) in [
        ("board_on_clusters", &board),
        ("facilitate_panel", &facilitate),
        ("help_grouped", &help),
        ("capture_author", &capture),
    ] {
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(app, w, h));
        }
    }
    for lang in ["fr"] {
        let mut fr = app();
        fr.lang = lang;
        keys(&mut fr, &["?"]);
        insta::assert_snapshot!("help_grouped_fr_80x24", draw(&fr, 80, 24));
    }
}

//! Every screen, with every popup, draws at any size from 0x0 to 300x100
//! and through a storm of resizes, without panicking or drawing outside.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use atelier::app::state::{App, Doc, Screen};
use atelier::app::{Action, Msg, update};
use atelier::model::Timestamp;
use atelier::ui::AppView;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::screen::{assert_draws_at_odd_sizes, draw};

const DEMO: &str = include_str!("../sessions/demo.ron");

/// A fixed time on the demo's day (2026-07-09), after its morning: never
/// the machine's clock.
fn now() -> Timestamp {
    Timestamp::parse("2026-07-09T14:00:00Z").expect("a fixed time")
}

fn app() -> App {
    let mut app = support::keys::new_app("fr", now());
    let mut s = atelier::store::load_str("demo.ron", DEMO).unwrap_or_else(|e| panic!("{e}"));
    // Hostile and wide text everywhere it shows.
    s.title.push_str(" \u{1b}[31m涼み処 🎉 ﷽");
    if let Some(x) = s.stickies.first_mut() {
        x.text = "x".repeat(3000);
    }
    app.doc = Some(Doc::new(s, "demo.ron".into()));
    app.local_zone = atelier::model::Zone::utc();
    update(&mut app, Msg::Tick, now());
    app
}

/// Each screen, plain and with its popups open.
fn states() -> Vec<(String, App)> {
    let mut out = Vec::new();
    let screens = [
        Screen::Home,
        Screen::Setup,
        Screen::Facilitate,
        Screen::Projector,
        Screen::Notes,
        Screen::Board,
    ];
    let popups: [&[Action]; 9] = [
        &[],
        &[Action::Help],
        &[Action::NewNote],
        &[Action::NewSticky],
        &[Action::Search],
        &[Action::Results],
        &[Action::SaveAs],
        &[Action::TimerToggle],
        &[Action::Down, Action::Down, Action::MoveTo],
    ];
    for screen in screens {
        for (i, actions) in popups.iter().enumerate() {
            let mut a = app();
            a.screen = screen;
            for act in *actions {
                update(&mut a, Msg::Do(*act), now());
            }
            // Time passes: the timer may overrun.
            update(&mut a, Msg::Tick, now().plus_seconds(3600));
            out.push((format!("{screen:?} #{i}"), a));
        }
    }
    let mut setup = app();
    setup.screen = Screen::Setup;
    for _ in 0..2 {
        update(&mut setup, Msg::Do(Action::NextPane), now());
    }
    update(&mut setup, Msg::Do(Action::Add), now());
    out.push(("Setup agenda picker".into(), setup));
    out
}

#[test]
fn every_screen_draws_at_the_classic_small_sizes() {
    for (name, a) in states() {
        assert_draws_at_odd_sizes(&name, &a);
    }
}

#[test]
fn a_storm_of_resizes_on_one_terminal() {
    let states = states();
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..600 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let w = (seed % 301) as u16;
        let h = ((seed >> 20) % 101) as u16;
        t.backend_mut().resize(w, h);
        let (name, a) = &states[i % states.len()];
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = t.autoresize();
            t.draw(|f| f.render_widget(AppView(a), f.area()))
                .map(|_| ())
        }));
        assert!(r.is_ok(), "{name} at {w}x{h} panicked");
    }
}

#[test]
fn any_screen_at_any_size() {
    use proptest::test_runner::{Config, TestRunner};
    let states = states();
    let mut runner = TestRunner::new(Config {
        cases: 400,
        ..Config::default()
    });
    let result = runner.run(&(0u16..=300, 0u16..=100, any::<usize>()), |(w, h, pick)| {
        let (name, a) = &states[pick % states.len()];
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| draw(a, w, h)));
        prop_assert!(r.is_ok(), "{} at {}x{} panicked", name, w, h);
        Ok(())
    });
    assert!(result.is_ok(), "{result:?}");
}

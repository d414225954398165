//! Times at the edges of what a session file can hold: every timestamp can
//! be written and read back, and showing one in any time zone never panics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atelier::model::{Session, Timer, Timestamp, Zone};
use atelier::store;

fn round_trip(deadline: Timestamp) {
    let mut s = Session::new(atelier::model::Id::new(), "Minuteur");
    s.run.timer = Timer::Running { deadline };
    let text = store::to_ron(&s).unwrap();
    let loaded = store::load_str("t.ron", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(loaded, s);
}

/// A paused timer resumes at `now + remaining`; `remaining` comes from the
/// file, so a hand-edited `Paused(remaining: -100000000000)` gives a
/// deadline far before year 0, which RFC 3339 cannot write. It must still
/// save as a file that loads.
#[test]
fn far_deadlines_are_written_as_loadable_times() {
    let now = Timestamp::from_unix(1_780_000_000).unwrap();
    for secs in [
        -100_000_000_000,
        100_000_000_000,
        i64::MIN,
        i64::MAX,
        -62_167_219_201, // one second before year 0
    ] {
        let t = now.plus_seconds(secs);
        round_trip(t);
        // And the text of the time is an RFC 3339 time.
        assert!(Timestamp::parse(&t.to_string()).is_ok(), "{secs}: {t}");
    }
    let first = Timestamp::from_unix(-377_705_116_800).unwrap(); // -9999-01-01
    round_trip(first);
    assert_eq!(first.to_string(), "0000-01-01T00:00:00Z");
}

#[test]
fn the_extreme_times_of_a_file_show_in_any_time_zone() {
    // UTC+14, UTC-12, UTC, and a zone with daylight saving.
    let zones = ["Pacific/Kiritimati", "Etc/GMT+12", "UTC", "Europe/Paris"]
        .map(|n| Zone::named(n).unwrap());
    for text in ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
        let t = Timestamp::parse(text).unwrap();
        for zone in &zones {
            let clock = t.clock(zone);
            assert_eq!(clock.len(), 5, "{text} {}: {clock}", zone.name());
            let _ = t.date(zone);
        }
        assert_eq!(t.to_string(), text);
    }
}

#[test]
fn offsets_are_turned_into_utc_and_fractions_dropped() {
    let t = Timestamp::parse("2026-07-09T09:30:00.75+02:00").unwrap();
    assert_eq!(t.to_string(), "2026-07-09T07:30:00Z");
    assert_eq!(t.clock(&Zone::named("Europe/Paris").unwrap()), "09:30");
}

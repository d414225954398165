//! Issue 15: what is private stays out, and the workshop's own time.
//!
//! Private notes and stickies: toggled with `L` as an undoable step, marked
//! in words on screen (review included), never on the projector, and left
//! out of every export (with what only pointed at them) unless
//! `--include-private`. Time zones: the session's own zone for every time
//! shown, whatever the machine's (`TZ`), daylight saving included; set at
//! creation, edited in setup, given to older files at their first save.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod feature_support;
mod support;

use atelier::app::state::{FieldPurpose, PickPurpose, Screen};
use atelier::app::{Effect, Msg, update};
use atelier::export::{self, Format, Options};
use atelier::model::{
    Attachment, Comment, Conflict, ConflictAbout, ConflictValue, Guest, Id, Item, MediaKind,
    NoteKind, Session, Target, Timestamp, Vote, VotingRound, Zone, validate,
};
use feature_support::*;
use std::path::{Path, PathBuf};
use std::process::Command;

const DEMO: &str = include_str!("../sessions/demo.ron");
const DEBRIEF: &str = "Note for the 27e Région debrief";
const BIN: &str = env!("CARGO_BIN_EXE_atelier");

fn demo() -> Session {
    atelier::store::load_str("demo.ron", DEMO).unwrap()
}

fn opts(anonymize: bool, include_private: bool) -> Options {
    Options {
        anonymize,
        include_private,
        ..Options::default()
    }
}

fn paris() -> Zone {
    Zone::named("Europe/Paris").unwrap()
}

// ---------------------------------------------------------------- private: the filter

const SECRET_NOTE: &str = "Débrief interne : Noël a été pénible";
const SECRET_STICKY: &str = "Brouillon privé 🤫 秘密";

/// The features session with a private note, a private sticky written by
/// a guest who wrote nothing else, votes on it and on a public sticky, a
/// photo and a review comment about it, and a merge conflict over it.
fn with_private() -> Session {
    let mut s = base_session("Atelier privé");
    s.guests = vec![
        Guest {
            id: Id::from("g-zoe"),
            name: "Zoé Invitée".into(),
        },
        Guest {
            id: Id::from("g-kim"),
            name: "Kim".into(),
        },
    ];
    let mut secret = note("n-secret", NoteKind::Observation, None, SECRET_NOTE);
    secret.private = true;
    s.notes = vec![
        note("n-1", NoteKind::Idea, Some("p-amelie"), "Des fontaines"),
        secret,
    ];
    let mut hidden = sticky("s-hidden", SECRET_STICKY, None, Some("g-zoe"));
    hidden.private = true;
    s.stickies = vec![
        sticky("s-1", "Planter des arbres", None, Some("g-kim")),
        hidden,
    ];
    s.rounds = vec![VotingRound {
        id: Id::from("r-1"),
        title: "Vote".into(),
        stage: None,
        dots: 3,
        cap: None,
        opened: t(700),
        anonymous: false,
        on_stickies: false,
    }];
    let vote = |id: &str, target: &str, count: u32| Vote {
        id: Id::from(id),
        round: Id::from("r-1"),
        participant: Some(Id::from("p-amelie")),
        target: Target::Sticky(Id::from(target)),
        count,
    };
    s.votes = vec![vote("v-1", "s-1", 2), vote("v-2", "s-hidden", 3)];
    s.attachments = vec![Attachment {
        id: Id::from("a-1"),
        to: Some(Id::from("s-hidden")),
        kind: MediaKind::Link,
        path: "https://example.org/brouillon-prive".into(),
        hash: String::new(),
        caption: "le brouillon privé".into(),
        author: String::new(),
        time: t(800),
    }];
    s.comments = vec![
        Comment {
            id: Id::from("c-1"),
            about: Some(Id::from("n-secret")),
            author: "Relectrice".into(),
            text: "À propos du débrief interne".into(),
            time: t(900),
        },
        Comment {
            id: Id::from("c-2"),
            about: None,
            author: "Relectrice".into(),
            text: "Bel atelier".into(),
            time: t(900),
        },
    ];
    let mut other = s.stickies[1].clone();
    other.text = "Une autre version du brouillon".into();
    s.conflicts = vec![Conflict {
        id: Id::from("k-1"),
        about: ConflictAbout::Item(Id::from("s-hidden")),
        other: ConflictValue::Item(Box::new(Item::Sticky(other))),
        why: None,
        note: String::new(),
    }];
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    s
}

#[test]
fn without_private_drops_the_items_and_what_only_pointed_at_them() {
    let s = with_private();
    let public = export::without_private(&s);
    assert!(validate(&public).is_empty(), "{:?}", validate(&public));
    let ids = |v: Vec<&Id>| {
        v.into_iter()
            .map(|i| i.as_str().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(public.notes.iter().map(|n| &n.id).collect()), ["n-1"]);
    assert_eq!(
        ids(public.stickies.iter().map(|x| &x.id).collect()),
        ["s-1"]
    );
    // A private sticky's dots leave with it; the public one's stay.
    assert_eq!(ids(public.votes.iter().map(|v| &v.id).collect()), ["v-1"]);
    assert!(public.attachments.is_empty());
    assert_eq!(
        ids(public.comments.iter().map(|c| &c.id).collect()),
        ["c-2"]
    );
    assert!(public.conflicts.is_empty());
    // Zoé wrote only the private sticky; Kim wrote a public one.
    assert_eq!(
        ids(public.guests.iter().map(|g| &g.id).collect()),
        ["g-kim"]
    );
    // Everything else is as it was.
    assert_eq!(public.participants, s.participants);
    assert_eq!(public.clusters, s.clusters);
    assert_eq!(public.rounds, s.rounds);

    // Nothing private: the very same session, not a copy.
    let plain = base_session("Rien de privé");
    assert!(matches!(
        export::without_private(&plain),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn every_format_leaves_private_items_out_unless_asked() {
    let s = with_private();
    let secrets = [
        SECRET_NOTE,
        SECRET_STICKY,
        "brouillon-prive",
        "Zoé Invitée",
        "débrief interne",
        "Une autre version",
    ];
    for format in Format::ALL {
        for anonymize in [false, true] {
            let text = export::export(format, &s, &opts(anonymize, false)).unwrap();
            for secret in secrets {
                assert!(
                    !text.contains(secret),
                    "{format:?} anonymize={anonymize} shows {secret:?}"
                );
            }
        }
        if format == Format::Runsheet {
            // The run-sheet is the agenda: no notes, no stickies at all.
            continue;
        }
        // Asked for: the private sticky is there (the SVG shows stickies only).
        let text = export::export(format, &s, &opts(false, true)).unwrap();
        assert!(
            text.contains("Brouillon privé"),
            "{format:?} --include-private"
        );
        if format != Format::Svg {
            assert!(text.contains("Noël a été pénible"), "{format:?}");
        }
    }
    // The HTML's vote count is what is shown: 2 dots, not 5.
    let html = export::export(Format::Html, &s, &opts(false, false)).unwrap();
    let all = export::export(Format::Html, &s, &opts(false, true)).unwrap();
    assert_ne!(html, all);
    let json = export::export(Format::Json, &s, &opts(false, false)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let dots: u64 = v["session"]["votes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["count"].as_u64().unwrap())
        .sum();
    assert_eq!(dots, 2);
}

#[test]
fn the_french_public_summary_of_the_demo_leaves_the_debrief_note_out() {
    let s = demo();
    let note = s
        .notes
        .iter()
        .find(|n| n.text.starts_with(DEBRIEF))
        .unwrap();
    assert!(note.private, "the demo's debrief note is private");
    assert_eq!(s.language.as_deref(), Some("fr"));
    for format in Format::ALL {
        for anonymize in [false, true] {
            let text = export::export(format, &s, &opts(anonymize, false)).unwrap();
            assert!(!text.contains("27e Région debrief"), "{format:?}");
        }
    }
    let md = export::export(Format::Md, &s, &opts(false, true)).unwrap();
    assert!(md.contains(DEBRIEF));
}

/// Run `atelier` with `TZ` set; stdout, stderr.
fn run(tz: &str, home: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(BIN)
        .args(args)
        .env("ATELIER_HOME", home)
        .env("LANG", "C")
        .env("TZ", tz)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "atelier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_command_line_keeps_private_items_only_with_include_private() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.ron");
    std::fs::write(&file, DEMO).unwrap();
    let f = file.to_str().unwrap();
    let (md, _) = run(
        "UTC",
        dir.path(),
        &["export", f, "--format", "md", "-o", "-"],
    );
    assert!(!md.contains(DEBRIEF));
    let (md, _) = run(
        "UTC",
        dir.path(),
        &[
            "export",
            f,
            "--format",
            "md",
            "--include-private",
            "-o",
            "-",
        ],
    );
    assert!(md.contains(DEBRIEF));

    let out = dir.path().join("out");
    let o = out.to_str().unwrap();
    let page = |args: &[&str]| {
        let mut all = vec!["report", dir.path().to_str().unwrap(), "-o", o];
        all.extend_from_slice(args);
        run("UTC", dir.path(), &all);
        std::fs::read_to_string(out.join("demo.html")).unwrap()
    };
    assert!(!page(&[]).contains("27e Région debrief"));
    assert!(page(&["--include-private"]).contains("27e Région debrief"));
}

// ---------------------------------------------------------------- private: the app

fn notes_app(s: Session) -> atelier::app::App {
    app_at(
        s,
        &PathBuf::from("/nonexistent/prive.ron"),
        None,
        false,
        Screen::Notes,
    )
}

#[test]
fn l_on_the_notes_screen_makes_the_note_private_as_an_undoable_step() {
    let mut s = base_session("Notes");
    s.notes = vec![note("n-1", NoteKind::Idea, None, "Des fontaines")];
    let mut app = notes_app(s);
    app.outbox.clear();
    let fx = keys(&mut app, &["L"]);
    assert_eq!(saves(&fx), 1);
    assert!(sess(&app).notes[0].private);
    assert_eq!(
        message(&app),
        "Private note: left out of every export (unless --include-private). u undoes."
    );
    // Journaled as an op, like every change to notes.
    assert!(!app.outbox.is_empty());
    assert!(shown(&app, 100, 20).contains("[private] Des fontaines"));

    keys(&mut app, &["L"]);
    assert!(!sess(&app).notes[0].private);
    assert!(!shown(&app, 100, 20).contains("[private]"));
    keys(&mut app, &["u"]);
    assert!(sess(&app).notes[0].private);
    assert_eq!(message(&app), "Undone: note made public.");
    keys(&mut app, &["u"]);
    assert!(!sess(&app).notes[0].private);
}

#[test]
fn l_on_the_board_toggles_the_marked_stickies_and_the_cards_say_so() {
    let mut s = base_session("Tableau");
    s.stickies = vec![
        sticky("s-1", "Planter des arbres", None, Some("p-amelie")),
        sticky("s-2", "Des voiles d'ombrage", None, None),
        sticky("s-3", "Fontaines", None, None),
    ];
    s.stickies[1].private = true;
    let mut app = board_app(s, None);
    // Mark the first two (one public, one private): both become private.
    keys(&mut app, &["down", "space", "space"]);
    let fx = keys(&mut app, &["L"]);
    assert_eq!(saves(&fx), 1);
    let private: Vec<bool> = sess(&app).stickies.iter().map(|x| x.private).collect();
    assert_eq!(private, [true, true, false]);
    assert_eq!(
        message(&app),
        "2 private stickies: left out of every export (unless --include-private). u undoes."
    );
    let screen = shown(&app, 100, 30);
    assert_eq!(screen.matches("[private]").count(), 2, "{screen}");
    assert!(screen.contains("[private] Amélie Roux"), "{screen}");
    keys(&mut app, &["u"]);
    let private: Vec<bool> = sess(&app).stickies.iter().map(|x| x.private).collect();
    assert_eq!(private, [false, true, false]);

    // In French, the card says "[privé]".
    app.lang = "fr";
    assert!(shown(&app, 100, 30).contains("[privé]"));
}

#[test]
fn the_key_is_in_the_help_of_the_notes_and_the_board() {
    for screen in [Screen::Notes, Screen::Board] {
        let mut app = app_at(
            with_private(),
            Path::new("/nonexistent/x.ron"),
            None,
            false,
            screen,
        );
        keys(&mut app, &["?"]);
        let help = shown(&app, 100, 60);
        assert!(
            help.contains("mark private (left out of exports) or public again"),
            "{screen:?}: {help}"
        );
    }
}

#[test]
fn review_shows_private_items_marked_and_cannot_change_them() {
    let why = "review mode: the workshop itself cannot be changed; c adds a comment";
    let mut app = app_at(
        with_private(),
        Path::new("/nonexistent/x.ron"),
        Some(why),
        true,
        Screen::Notes,
    );
    let screen = shown(&app, 100, 20);
    assert!(
        screen.contains(&format!("[private] {SECRET_NOTE}")),
        "{screen}"
    );
    keys(&mut app, &["down", "L"]);
    assert!(is_error(&app));
    assert!(sess(&app).notes[1].private);
    app.screen = Screen::Board;
    update(&mut app, Msg::Resize, t(0));
    assert!(shown(&app, 100, 30).contains("[private]"));
}

#[test]
fn the_projector_never_shows_a_private_item() {
    let mut app = board_app(with_private(), None);
    keys(&mut app, &["p"]);
    assert_eq!(app.screen, Screen::Projector);
    for (w, h) in [(80, 24), (160, 50)] {
        let screen = shown(&app, w, h);
        assert!(!screen.contains("Brouillon"), "{screen}");
        assert!(!screen.contains("Débrief"), "{screen}");
        assert!(!screen.contains("[private]"), "{screen}");
    }
}

#[test]
fn the_export_menu_leaves_private_items_out_unless_its_last_row_says_so() {
    let mut app = board_app(with_private(), None);
    keys(&mut app, &["e"]);
    let picker = app.picker.as_ref().unwrap();
    assert_eq!(picker.purpose, PickPurpose::Export { private: false });
    assert_eq!(
        picker.items.last().unwrap(),
        "2 private notes and stickies: left out (Enter: include them)"
    );
    // The last row toggles, and the menu stays.
    keys(&mut app, &["G", "enter"]);
    let picker = app.picker.as_ref().unwrap();
    assert_eq!(picker.purpose, PickPurpose::Export { private: true });
    assert!(picker.items.last().unwrap().contains("INCLUDED"));
    // Then the first format: an HTML page with them, under its own name.
    keys(&mut app, &["g", "enter"]);
    let field = app.field.as_ref().unwrap();
    assert_eq!(
        field.purpose,
        FieldPurpose::ExportTo(Format::Html, false, true)
    );
    assert_eq!(field.input.value(), "/nonexistent/atelier-private.html");
    let fx = keys(&mut app, &["enter"]);
    assert!(fx.contains(&Effect::Export {
        format: Format::Html,
        anonymize: false,
        include_private: true,
        path: PathBuf::from("/nonexistent/atelier-private.html"),
    }));

    // Opened again, the menu starts with private items left out.
    keys(&mut app, &["e"]);
    let picker = app.picker.as_ref().unwrap();
    assert_eq!(picker.purpose, PickPurpose::Export { private: false });
    let fx = keys(&mut app, &["enter", "enter"]);
    assert!(fx.contains(&Effect::Export {
        format: Format::Html,
        anonymize: false,
        include_private: false,
        path: PathBuf::from("/nonexistent/atelier.html"),
    }));

    // No private item: no such row.
    let mut app = board_app(base_session("Rien"), None);
    keys(&mut app, &["e"]);
    assert_eq!(
        app.picker.as_ref().unwrap().items.len(),
        11,
        "ten summaries and the run-sheet"
    );
}

// ---------------------------------------------------------------- time zones

/// A note written at `at` in a Paris session.
fn paris_session(at: &str) -> Session {
    let mut s = base_session("Fuseau");
    s.time_zone = Some("Europe/Paris".into());
    let mut n = note(
        "n-1",
        NoteKind::Idea,
        None,
        "Une idée à l'heure ⏰ 時間どおり",
    );
    n.time = Timestamp::parse(at).unwrap();
    s.notes = vec![n];
    s.agenda[0].started = Some(Timestamp::parse(at).unwrap());
    s
}

#[test]
fn a_paris_workshop_reads_09_38_in_winter_and_in_summer_whatever_the_machine() {
    // 08:38Z in January is 09:38 in Paris (UTC+1); 07:38Z in July too (UTC+2).
    for (at, offset) in [
        ("2026-01-15T08:38:00Z", "UTC+01:00"),
        ("2026-07-15T07:38:00Z", "UTC+02:00"),
    ] {
        let s = paris_session(at);
        for machine in ["UTC", "Asia/Tokyo", "America/Los_Angeles"] {
            let o = Options {
                zone: Zone::named(machine).unwrap(),
                ..Options::default()
            };
            let md = export::export(Format::Md, &s, &o).unwrap();
            assert!(md.contains("*09:38*"), "{at} on {machine}:\n{md}");
            assert!(md.contains(&format!("Europe/Paris, {offset}")), "{md}");
        }
    }
    // A session without a zone is shown in the exporting machine's.
    let mut s = paris_session("2026-07-15T07:38:00Z");
    s.time_zone = None;
    let o = Options {
        zone: Zone::named("Asia/Tokyo").unwrap(),
        ..Options::default()
    };
    let md = export::export(Format::Md, &s, &o).unwrap();
    assert!(md.contains("*16:38*"), "{md}");
    assert!(md.contains("Asia/Tokyo, UTC+09:00"), "{md}");
}

#[test]
fn a_workshop_across_the_change_of_time_names_both_offsets() {
    // Paris goes from UTC+1 to UTC+2 at 01:00Z on 29 March 2026.
    let mut s = paris_session("2026-03-29T00:30:00Z");
    let mut late = s.notes[0].clone();
    late.id = Id::from("n-2");
    late.time = Timestamp::parse("2026-03-29T01:30:00Z").unwrap();
    s.notes.push(late);
    let md = export::export(Format::Md, &s, &Options::default()).unwrap();
    assert!(md.contains("*01:30*"), "{md}");
    assert!(md.contains("*03:30*"), "{md}");
    assert!(md.contains("Europe/Paris, UTC+01:00 → UTC+02:00"), "{md}");
    let z = paris();
    assert_eq!(
        z.offset_name(Timestamp::parse("2026-10-25T00:59:59Z").unwrap()),
        "UTC+02:00"
    );
    assert_eq!(
        z.offset_name(Timestamp::parse("2026-10-25T01:00:00Z").unwrap()),
        "UTC+01:00"
    );
}

#[test]
fn demo_exports_are_byte_identical_under_any_tz_and_show_paris_times() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.ron");
    std::fs::write(&file, DEMO).unwrap();
    let f = file.to_str().unwrap();
    for format in ["md", "html", "csv", "json", "svg"] {
        let mut outputs = Vec::new();
        for tz in ["UTC", "Asia/Tokyo", "America/New_York", "Europe/Paris"] {
            let (text, err) = run(
                tz,
                dir.path(),
                &["export", f, "--format", format, "-o", "-"],
            );
            assert!(!err.contains("time zone"), "{err}");
            outputs.push(text);
        }
        assert!(
            outputs.windows(2).all(|w| w[0] == w[1]),
            "{format}: exports differ between TZ=UTC and TZ=Asia/Tokyo"
        );
        if format == "md" {
            let md = &outputs[0];
            // The opening started at 07:31Z: 09:31 in Paris in July.
            assert!(md.contains("| 09:31 |"), "{md}");
            assert!(md.contains("Heures locales (Europe/Paris, UTC+02:00)"));
            assert!(!md.contains("07:31"));
        }
    }
}

#[test]
fn an_old_file_is_exported_in_the_machines_zone_and_the_command_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ancien.ron");
    std::fs::write(
        &file,
        DEMO.replace("    time_zone: Some(\"Europe/Paris\"),\n", ""),
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (md, err) = run(
        "Asia/Tokyo",
        dir.path(),
        &["export", f, "--format", "md", "-o", "-"],
    );
    assert!(md.contains("Asia/Tokyo, UTC+09:00"), "{md}");
    assert!(md.contains("| 16:31 |"), "{md}");
    assert!(
        err.contains("names no time zone: its times are shown in Asia/Tokyo (this computer's)"),
        "{err}"
    );
    // Exporting never writes the session.
    assert!(
        !std::fs::read_to_string(&file)
            .unwrap()
            .contains("time_zone")
    );
}

#[test]
fn an_unknown_zone_in_a_file_does_not_load_and_says_where() {
    let text = DEMO.replace("Some(\"Europe/Paris\")", "Some(\"Europe/Pariss\")");
    let e = atelier::store::load_str("demo.ron", &text)
        .unwrap_err()
        .to_string();
    let line = DEMO.lines().position(|l| l.contains("time_zone")).unwrap() + 1;
    assert!(e.starts_with(&format!("demo.ron:{line}:")), "{e}");
    assert!(
        e.contains("unknown time zone \"Europe/Pariss\": expected an IANA name such as \"Europe/Paris\" (did you mean Europe/Paris?)"),
        "{e}"
    );
    // Case does not matter; the name is kept as written.
    let text = DEMO.replace("Some(\"Europe/Paris\")", "Some(\"europe/paris\")");
    let s = atelier::store::load_str("demo.ron", &text).unwrap();
    assert_eq!(s.zone_or(&Zone::utc()).name(), "Europe/Paris");
}

#[test]
fn zones_are_found_by_name_or_by_city() {
    for (typed, found) in [
        ("Europe/Paris", "Europe/Paris"),
        ("europe/paris", "Europe/Paris"),
        (" UTC ", "UTC"),
        ("paris", "Europe/Paris"),
        ("New York", "America/New_York"),
        ("são paulo", "America/Sao_Paulo"),
    ] {
        assert_eq!(Zone::find(typed).unwrap().name(), found, "{typed}");
    }
    for typed in ["", "Mars/Olympus", "pariss", "Europe"] {
        assert!(Zone::find(typed).is_err(), "{typed}");
    }
    assert_eq!(Zone::find("pariss").unwrap_err().like, ["Europe/Paris"]);
}

/// Setup's details: the row of the time zone, and Enter on it.
fn zone_field(app: &mut atelier::app::App) {
    keys(app, &["a"]);
    assert_eq!(app.screen, Screen::Setup);
    keys(app, &["G", "enter"]);
    assert!(matches!(
        app.field.as_ref().map(|f| &f.purpose),
        Some(FieldPurpose::Detail(atelier::model::Detail::TimeZone))
    ));
}

#[test]
fn setup_edits_the_zone_and_refuses_a_name_that_is_not_one() {
    let mut app = board_app(paris_session("2026-07-15T07:38:00Z"), None);
    app.screen = Screen::Facilitate;
    let screen = {
        keys(&mut app, &["a"]);
        shown(&app, 100, 24)
    };
    assert!(screen.contains("Europe/Paris (UTC+02:00)"), "{screen}");
    keys(&mut app, &["esc"]);
    zone_field(&mut app);
    assert_eq!(app.field.as_ref().unwrap().input.value(), "Europe/Paris");
    for _ in 0.."Europe/Paris".len() {
        keys(&mut app, &["backspace"]);
    }
    type_text(&mut app, "Mars/Olympus");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(saves(&fx), 0);
    assert!(is_error(&app));
    assert_eq!(
        message(&app),
        "Unknown time zone “Mars/Olympus”: type an IANA name such as Europe/Paris, or a city (Paris)."
    );
    // The field stays, with what was typed.
    assert_eq!(app.field.as_ref().unwrap().input.value(), "Mars/Olympus");
    assert_eq!(sess(&app).time_zone.as_deref(), Some("Europe/Paris"));
    for _ in 0.."Mars/Olympus".len() {
        keys(&mut app, &["backspace"]);
    }
    type_text(&mut app, "montreal");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(saves(&fx), 1);
    assert!(app.field.is_none());
    assert_eq!(sess(&app).time_zone.as_deref(), Some("America/Montreal"));

    // A typo gets look-alikes, in French too.
    app.lang = "fr";
    zone_field(&mut app);
    type_text(&mut app, "x");
    keys(&mut app, &["enter"]);
    assert!(
        message(&app).starts_with("Fuseau horaire inconnu"),
        "{}",
        message(&app)
    );
}

#[test]
fn the_app_shows_the_workshops_local_times_on_any_machine() {
    // 07:38Z in July: 09:38 in Paris, 16:38 in Tokyo.
    let s = paris_session("2026-07-15T07:38:00Z");
    let screens: Vec<String> = ["UTC", "Asia/Tokyo", "America/Los_Angeles"]
        .iter()
        .map(|machine| {
            let mut app = notes_app(s.clone());
            app.local_zone = Zone::named(machine).unwrap();
            shown(&app, 80, 12)
        })
        .collect();
    assert!(screens.windows(2).all(|w| w[0] == w[1]), "{screens:#?}");
    assert!(screens[0].contains("09:38"), "{}", screens[0]);
    insta::assert_snapshot!("paris_notes_anywhere", screens[0]);
    // Without a zone of its own: this machine's.
    let mut s = s;
    s.time_zone = None;
    let mut app = notes_app(s);
    app.local_zone = Zone::named("Asia/Tokyo").unwrap();
    assert!(shown(&app, 80, 12).contains("16:38"));
}

// ---------------------------------------------------------------- setting the zone

#[test]
fn an_old_session_gets_the_machines_zone_when_opened_and_is_told_so() {
    let mut s = base_session("Ancienne");
    s.time_zone = None;
    let mut app = notes_app(s.clone());
    app.local_zone = Zone::named("Asia/Tokyo").unwrap();
    let now = app.now;
    let fx = atelier::app::zone::adopt(&mut app, now);
    assert_eq!(fx, [Effect::Save]);
    assert_eq!(sess(&app).time_zone.as_deref(), Some("Asia/Tokyo"));
    assert_eq!(
        message(&app),
        "This session named no time zone: it now keeps Asia/Tokyo, this computer's (change it in setup, a)."
    );
    // Once it has one, nothing more happens.
    assert!(atelier::app::zone::adopt(&mut app, now).is_empty());

    // Read-only (review, or locked): shown in the machine's zone, unchanged.
    let mut app = app_at(
        s,
        Path::new("/nonexistent/x.ron"),
        Some("locked"),
        false,
        Screen::Notes,
    );
    app.local_zone = Zone::named("Asia/Tokyo").unwrap();
    assert!(atelier::app::zone::adopt(&mut app, now).is_empty());
    assert_eq!(sess(&app).time_zone, None);
    assert_eq!(app.zone().name(), "Asia/Tokyo");
}

#[test]
fn new_sessions_take_the_machines_zone_and_demo_copies_keep_paris() {
    let home = tempfile::tempdir().unwrap();
    let (out, _) = run(
        "America/Montreal",
        home.path(),
        &["new", "--title", "Fuseau", "--no-open"],
    );
    let s = atelier::store::load_file(Path::new(out.trim_end())).unwrap();
    assert_eq!(s.time_zone.as_deref(), Some("America/Montreal"));

    let h = atelier::store::Home::under(home.path());
    let copy = atelier::commands::demo_copy(&h, "en").unwrap();
    let s = atelier::store::load_file(&copy).unwrap();
    assert_eq!(s.time_zone.as_deref(), Some("Europe/Paris"));
}

/// Setup's details refuse an empty title, a date and a time that are not
/// ones in the reader's language: French here, the field kept open.
#[test]
fn setup_refuses_a_title_a_date_and_a_time_in_french() {
    let mut app = board_app(paris_session("2026-07-15T07:38:00Z"), None);
    app.lang = "fr";
    app.screen = Screen::Facilitate;
    keys(&mut app, &["a"]);
    assert_eq!(app.screen, Screen::Setup);
    // From the time zone (last) up: the start is 4 rows above, the date 5,
    // the title 8.
    for (up, typed, said) in [
        (
            4,
            "midi",
            "une heure comme «\u{a0}09:30\u{a0}» est attendue, pas \"midi\"",
        ),
        (
            5,
            "demain",
            "\"demain\" n'est pas une date\u{a0}: AAAA-MM-JJ est attendu, comme 2026-06-12",
        ),
        (8, "", "Une séance a besoin d'un titre."),
    ] {
        keys(&mut app, &["G"]);
        for _ in 0..up {
            keys(&mut app, &["k"]);
        }
        keys(&mut app, &["enter"]);
        let old = app
            .field
            .as_ref()
            .expect("a field")
            .input
            .value()
            .to_owned();
        for _ in 0..old.chars().count() {
            keys(&mut app, &["backspace"]);
        }
        type_text(&mut app, typed);
        let before = sess(&app).clone();
        keys(&mut app, &["enter"]);
        assert!(is_error(&app), "{typed:?}");
        assert_eq!(message(&app), said);
        assert!(app.field.is_some(), "the field stays, with what was typed");
        assert_eq!(sess(&app), &before, "nothing changed");
        keys(&mut app, &["esc"]);
    }
}

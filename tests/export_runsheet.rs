//! `atelier export FILE --format runsheet`: the day's agenda for
//! co-facilitators, with each step's planned clock time from the session's
//! start, breaks, prompts, materials, who facilitates and the room. (The
//! Nu checker, axe-core and the print check read it with the other pages:
//! tests/export_nu.rs, tests/export_browser.rs.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;
mod support;

use atelier::export::{self, Format};
use export_support::{HOSTILE, demo, demo_day, opts};

fn sheet(s: &atelier::model::Session) -> String {
    export::export(Format::Runsheet, s, &opts(false)).unwrap()
}

#[test]
fn every_step_has_its_clock_time_minutes_prompt_and_the_day_its_room() {
    let s = demo_day();
    let html = sheet(&s);
    for p in s.planned_steps() {
        let st = &s.agenda[p.pos.stage];
        let step = &st.steps[p.pos.step];
        let at = p.at.unwrap().to_string();
        if st.is_break() {
            let until = p.until().unwrap();
            assert!(html.contains(&format!("{at}–{until}")), "break {at}");
            continue;
        }
        let row = format!(
            "<tr><td class=\"time\">{at}</td><td class=\"num\">{}</td>",
            step.minutes
        );
        assert!(html.contains(&row), "no row {row}");
        let prompt_start: String = step.prompt.chars().take(25).collect();
        let escaped = prompt_start.replace('\'', "&#x27;");
        assert!(html.contains(&escaped), "prompt {prompt_start:?}");
    }
    assert!(html.contains("09:30 – 16:10"), "start – planned end");
    assert!(html.contains("Médiathèque Françoise-Sagan"), "the room");
    assert!(html.contains("Zoé Marchand"), "who facilitates");
    assert!(html.contains("Matériel"), "the methods' materials");
    assert!(html.contains("dont 1 h 00 de pauses"), "{html}");
    assert!(html.contains("@media print") && html.contains("size: A4"));
}

#[test]
fn without_a_start_time_times_are_offsets_and_it_says_so() {
    let mut s = demo();
    s.start = None;
    let html = sheet(&s);
    assert!(html.contains("<td class=\"time\">+0:00</td>"));
    assert!(html.contains("Aucune heure de début"));
    assert!(!html.contains("09:30"));
}

#[test]
fn english_words_for_an_english_session_and_french_for_a_french_one() {
    let mut s = demo_day();
    let fr = sheet(&s);
    s.language = Some("en".into());
    let en = sheet(&s);
    for w in ["Run-sheet", "What to say", "Materials", "Room", "lunch"] {
        assert!(!fr.contains(w) || w == "lunch", "{w} in French");
    }
    for w in ["Run-sheet", "What to say", "Materials", "Room"] {
        assert!(en.contains(w), "{w} in English");
    }
    assert!(fr.contains("Feuille de route") && fr.contains("Ce qu&#x27;on dit"));
}

#[test]
fn hostile_text_is_escaped() {
    let mut s = export_support::hostile();
    s.start = demo_day().start;
    s.agenda.insert(
        0,
        atelier::model::Stage::new_break(HOSTILE, 10, &mut atelier::model::Ids::seeded(1)),
    );
    let html = sheet(&s);
    assert!(!html.contains("<script>") && !html.contains("<img src=x"));
    assert!(!html.contains('\u{1b}') && !html.contains('\u{9b}'));
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn the_command_writes_it_beside_the_session_never_over_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("day.ron");
    let text = atelier::store::to_ron(&demo_day()).unwrap();
    std::fs::write(&file, text).unwrap();
    let run = |args: &[&str]| {
        let args: Vec<&str> = ["export", file.to_str().unwrap()]
            .into_iter()
            .chain(args.iter().copied())
            .collect();
        support::cli::run(dir.path(), &args, &[("LANG", "C")])
    };
    let out = run(&["--format", "runsheet"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = dir.path().join("day.runsheet.html");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        written.display().to_string()
    );
    let html = std::fs::read_to_string(&written).unwrap();
    assert!(html.contains("<td class=\"time\">09:30</td>"));
    assert!(!dir.path().join("day.html").exists());
    let out = run(&["--format", "runsheet", "-o", "-"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), html);
    // A session's own start survives a save and a load.
    let back = atelier::store::load_file(&file).unwrap();
    assert_eq!(back.start, demo_day().start);
    assert!(back.agenda.iter().any(|st| st.is_break()));
}

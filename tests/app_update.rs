//! `update` is pure: these tests drive it with keys (through the default
//! keymap, as the run loop does) at injected times, and check the state and
//! the effects it returns.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod app_support;
mod support;

use app_support::*;
use atelier::app::state::{AgendaRow, EditorField, PickPurpose, Screen, SetupTab};
use atelier::app::{Action, Effect, Msg, update};
use atelier::model::{Id, NoteKind, Role, Session, StepPos, Timer};
use atelier::store;

fn pos(stage: usize, step: usize) -> StepPos {
    StepPos { stage, step }
}

// ---------------------------------------------------------------- timer

#[test]
fn space_starts_the_timer_with_a_deadline_of_now_plus_the_planned_time() {
    let mut app = app();
    assert_eq!(sess(&app).run.timer, Timer::Idle);
    let fx = keys_at(&mut app, &["space"], t(10));
    assert_eq!(fx, vec![Effect::Save]);
    let s = sess(&app);
    // The first step is planned for 5 minutes.
    assert_eq!(s.run.timer, Timer::Running { deadline: t(310) });
    assert_eq!(s.current(), Some(pos(0, 0)));
    assert_eq!(s.agenda[0].started, Some(t(10)));
    assert_eq!(s.agenda[0].steps[0].started, Some(t(10)));
    assert_eq!(s.remaining(t(70)), 240);
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.generation, 1, "a change bumps the generation");
}

#[test]
fn space_again_pauses_and_paused_time_does_not_count() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    let fx = keys_at(&mut app, &["space"], t(100));
    assert_eq!(saves(&fx), 1);
    assert_eq!(sess(&app).run.timer, Timer::Paused { remaining: 200 });
    assert_eq!(sess(&app).remaining(t(5000)), 200);
    // Resuming an hour later gives the same 200 seconds from then.
    keys_at(&mut app, &["space"], t(3600));
    assert_eq!(sess(&app).run.timer, Timer::Running { deadline: t(3800) });
    assert_eq!(
        sess(&app).agenda[0].steps[0].started,
        Some(t(0)),
        "a resume keeps the first start"
    );
}

#[test]
fn plus_and_minus_move_the_deadline_of_a_running_timer() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    let fx = keys_at(&mut app, &["+"], t(10));
    assert_eq!(saves(&fx), 1);
    assert_eq!(sess(&app).run.timer, Timer::Running { deadline: t(360) });
    keys_at(&mut app, &["-", "-"], t(20));
    assert_eq!(sess(&app).run.timer, Timer::Running { deadline: t(240) });
    assert_eq!(sess(&app).remaining(t(20)), 220);
    // `=` is `+` without Shift.
    keys_at(&mut app, &["="], t(30));
    assert_eq!(sess(&app).remaining(t(30)), 270);
}

#[test]
fn plus_and_minus_on_a_paused_timer_change_what_is_left() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    keys_at(&mut app, &["space"], t(100));
    keys_at(&mut app, &["+", "+"], t(150));
    assert_eq!(sess(&app).run.timer, Timer::Paused { remaining: 320 });
}

#[test]
fn plus_and_minus_on_an_idle_timer_change_the_planned_minutes_never_below_one() {
    let mut app = app();
    keys(&mut app, &["+"]);
    assert_eq!(sess(&app).agenda[0].steps[0].minutes, 6);
    assert_eq!(sess(&app).remaining(t(0)), 360);
    keys(&mut app, &["-"; 10]);
    assert_eq!(sess(&app).agenda[0].steps[0].minutes, 1);
}

#[test]
fn overrun_counts_below_zero() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    update(&mut app, Msg::Tick, t(330));
    assert_eq!(sess(&app).remaining(app.now), -30);
    // Pausing while overrun keeps the negative time.
    keys_at(&mut app, &["space"], t(345));
    assert_eq!(sess(&app).run.timer, Timer::Paused { remaining: -45 });
}

#[test]
fn a_tick_past_the_deadline_rings_the_bell_once_and_flashes() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    assert_eq!(update(&mut app, Msg::Tick, t(299)), vec![]);
    assert_eq!(app.facilitate.flash_until, None);

    assert_eq!(update(&mut app, Msg::Tick, t(300)), vec![Effect::Bell]);
    let flash = app.facilitate.flash_until.expect("the screen flashes");
    assert!(flash > t(300), "{flash:?}");

    // Later ticks and redraws do not ring again.
    for s in 301..320 {
        assert_eq!(update(&mut app, Msg::Tick, t(s)), vec![], "at {s}");
    }
    assert_eq!(update(&mut app, Msg::Resize, t(330)), vec![]);
    assert_eq!(app.facilitate.flash_until, None, "the flash fades");

    // A minute more and time runs out again: a new deadline rings again.
    keys_at(&mut app, &["+", "+"], t(331));
    assert_eq!(update(&mut app, Msg::Tick, t(400)), vec![]);
    assert_eq!(update(&mut app, Msg::Tick, t(420)), vec![Effect::Bell]);
    assert_eq!(update(&mut app, Msg::Tick, t(421)), vec![]);
}

#[test]
fn a_paused_or_idle_timer_never_rings() {
    let mut app = app();
    assert_eq!(update(&mut app, Msg::Tick, t(10_000)), vec![]);
    keys_at(&mut app, &["space"], t(0));
    keys_at(&mut app, &["space"], t(10));
    assert_eq!(update(&mut app, Msg::Tick, t(10_000)), vec![]);
    assert_eq!(app.facilitate.flash_until, None);
}

/// The session as a restarted app finds it: written and read back.
fn restart(app: &atelier::app::App) -> atelier::app::App {
    let text = store::to_ron(sess(app)).unwrap();
    let back = store::load_str("cantines.ron", &text).unwrap();
    app_with(back, None)
}

#[test]
fn a_running_timer_resumes_at_the_right_time_after_a_restart() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    let mut again = restart(&app);
    // The laptop slept: ten minutes later the 5-minute step overran by 5.
    assert_eq!(sess(&again).remaining(t(600)), -300);
    assert_eq!(sess(&again).current(), Some(pos(0, 0)));
    // Still running: its first tick rings.
    assert_eq!(update(&mut again, Msg::Tick, t(600)), vec![Effect::Bell]);
    // Or a minute after the start: four minutes left.
    let again = restart(&app);
    assert_eq!(sess(&again).remaining(t(60)), 240);
}

#[test]
fn a_paused_timer_resumes_where_it_was_after_a_restart() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    // The timer was running: the second step's starts on its own.
    keys_at(&mut app, &["]"], t(20));
    // The second step is planned for 3 minutes: 130 s left after 50.
    keys_at(&mut app, &["space"], t(70));
    let mut again = restart(&app);
    assert_eq!(sess(&again).current(), Some(pos(0, 1)));
    assert_eq!(sess(&again).remaining(t(9_999)), 130);
    keys_at(&mut again, &["space"], t(10_000));
    assert_eq!(
        sess(&again).run.timer,
        Timer::Running {
            deadline: t(10_130)
        }
    );
}

// ---------------------------------------------------------------- steps and stages

#[test]
fn next_and_previous_step_record_start_and_end_times() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    let fx = keys_at(&mut app, &["]"], t(310));
    assert_eq!(saves(&fx), 1);
    {
        let s = sess(&app);
        assert_eq!(s.current(), Some(pos(0, 1)));
        assert_eq!(s.agenda[0].steps[0].started, Some(t(0)));
        assert_eq!(s.agenda[0].steps[0].ended, Some(t(310)));
        assert_eq!(s.agenda[0].ended, None, "still in the stage");
        assert_eq!(
            s.run.timer,
            Timer::Running {
                deadline: t(310 + 180)
            },
            "the timer was running: the new step's starts on its own"
        );
        assert_eq!(s.agenda[0].steps[1].started, Some(t(310)));
        assert_eq!(s.run.step, Some(Id::from("sp-regles")));
    }
    keys_at(&mut app, &["]"], t(500));
    {
        let s = sess(&app);
        assert_eq!(s.current(), Some(pos(1, 0)));
        assert_eq!(s.agenda[0].steps[1].started, Some(t(310)));
        assert_eq!(s.agenda[0].steps[1].ended, Some(t(500)));
        assert_eq!(s.agenda[0].ended, Some(t(500)), "leaving a stage closes it");
        assert_eq!(s.run.stage, Some(Id::from("st-idees")));
        assert_eq!(app.facilitate.cursor, Some(1), "the agenda follows");
    }
    keys_at(&mut app, &["["], t(510));
    assert_eq!(sess(&app).current(), Some(pos(0, 1)));
    assert_eq!(app.facilitate.cursor, Some(0));
    keys_at(&mut app, &["[", "["], t(520));
    assert_eq!(
        sess(&app).current(),
        Some(pos(0, 0)),
        "nothing before the first"
    );
}

#[test]
fn the_first_next_step_of_a_fresh_session_moves_to_the_second_step() {
    let mut app = app();
    // The screen shows the first step as current (current_or_first) ...
    assert_eq!(sess(&app).current_or_first(), Some(pos(0, 0)));
    // ... so `]` must show the second one.
    keys_at(&mut app, &["]"], t(0));
    assert_eq!(sess(&app).current_or_first(), Some(pos(0, 1)));
}

#[test]
fn next_step_from_the_last_step_closes_it_and_its_stage() {
    let mut app = app();
    keys_at(&mut app, &["}", "}"], t(0));
    assert_eq!(sess(&app).current(), Some(pos(2, 0)));
    keys_at(&mut app, &["space"], t(10));
    keys_at(&mut app, &["]"], t(100));
    let s = sess(&app);
    assert_eq!(s.current(), Some(pos(2, 0)), "stays on the last step");
    assert_eq!(s.agenda[2].steps[0].ended, Some(t(100)));
    assert_eq!(s.agenda[2].ended, Some(t(100)));
    assert_eq!(s.run.timer, Timer::Idle);
}

#[test]
fn stage_keys_jump_forwards_and_back() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    keys_at(&mut app, &["}"], t(60));
    assert_eq!(sess(&app).current(), Some(pos(1, 0)));
    assert_eq!(sess(&app).agenda[0].steps[0].ended, Some(t(60)));
    keys_at(&mut app, &["}"], t(70));
    assert_eq!(sess(&app).current(), Some(pos(2, 0)));
    keys_at(&mut app, &["}"], t(80));
    assert_eq!(
        sess(&app).current(),
        Some(pos(2, 0)),
        "no stage after the last"
    );
    keys_at(&mut app, &["{", "{"], t(90));
    assert_eq!(sess(&app).current(), Some(pos(0, 0)));
    assert_eq!(
        sess(&app).agenda[0].steps[0].started,
        Some(t(0)),
        "coming back keeps the first start"
    );
}

#[test]
fn enter_on_any_stage_of_the_agenda_pane_jumps_to_it() {
    let mut app = app();
    keys(&mut app, &["tab"]);
    assert!(app.facilitate.focus_agenda);
    assert_eq!(app.facilitate.cursor, Some(0));
    let fx = keys_at(&mut app, &["down", "down", "enter"], t(30));
    assert_eq!(saves(&fx), 1);
    assert_eq!(sess(&app).current(), Some(pos(2, 0)));
    assert_eq!(sess(&app).run.stage, Some(Id::from("st-fin")));
    keys_at(&mut app, &["up", "enter"], t(40));
    assert_eq!(sess(&app).current(), Some(pos(1, 0)), "and back");
    keys_at(&mut app, &["up", "enter"], t(50));
    assert_eq!(sess(&app).current(), Some(pos(0, 0)));
    // Esc leaves the agenda pane first, then goes home.
    keys(&mut app, &["esc"]);
    assert!(!app.facilitate.focus_agenda);
    assert_eq!(app.screen, Screen::Facilitate);
    let fx = keys(&mut app, &["esc"]);
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(fx, vec![Effect::RefreshSessions]);
}

#[test]
fn timer_keys_on_an_empty_agenda_explain_instead_of_changing_anything() {
    let mut s = session();
    s.agenda.clear();
    s.notes.clear();
    let mut app = app_with(s, None);
    for key in ["space", "]", "[", "+", "-", "}"] {
        app.message = None;
        let fx = keys(&mut app, &[key]);
        assert_eq!(fx, vec![], "{key}");
        let m = app.message.as_ref().expect("a message");
        assert!(
            m.error && m.text.contains("agenda is empty"),
            "{key}: {m:?}"
        );
    }
    assert_eq!(app.doc.as_ref().unwrap().generation, 0);
}

#[test]
fn the_projector_runs_the_timer_too_and_p_returns() {
    let mut app = app();
    keys(&mut app, &["p"]);
    assert_eq!(app.screen, Screen::Projector);
    keys_at(&mut app, &["space"], t(5));
    assert_eq!(sess(&app).run.timer, Timer::Running { deadline: t(305) });
    keys_at(&mut app, &["]"], t(6));
    assert_eq!(sess(&app).current(), Some(pos(0, 1)));
    keys(&mut app, &["p"]);
    assert_eq!(app.screen, Screen::Facilitate);
}

// ---------------------------------------------------------------- setup: agenda

/// The app on the Setup screen's agenda tab.
fn agenda_tab() -> atelier::app::App {
    let mut app = app();
    keys(&mut app, &["a", "tab", "tab"]);
    assert_eq!(app.screen, Screen::Setup);
    assert_eq!(app.setup.tab, SetupTab::Agenda);
    app
}

fn stage_ids(app: &atelier::app::App) -> Vec<String> {
    sess(app).agenda.iter().map(|s| s.id.0.clone()).collect()
}

#[test]
fn adding_a_method_through_the_picker_inserts_a_stage_after_the_selected_one() {
    let mut app = agenda_tab();
    assert_eq!(app.agenda_rows()[0], AgendaRow::Stage(0));
    let fx = keys(&mut app, &["i"]);
    assert_eq!(fx, vec![], "opening the picker changes nothing yet");
    let picker = app.picker.as_ref().expect("the method picker");
    assert_eq!(picker.purpose, PickPurpose::Method { after: Some(0) });
    assert_eq!(picker.items.len(), app.library.methods.len());

    keys(&mut app, &["down", "down"]);
    let method = app.library.methods[2].clone();
    let fx = update(&mut app, Msg::Do(Action::Submit), t(0));
    assert_eq!(fx, vec![Effect::Save]);
    assert!(app.picker.is_none());
    let s = sess(&app);
    assert_eq!(s.agenda.len(), 4);
    assert_eq!(s.agenda[1].method, method.id);
    assert_eq!(s.agenda[1].steps.len(), method.steps.len());
    assert_eq!(s.agenda[1].planned_minutes(), method.minutes());
    assert_eq!(s.agenda[2].id, Id::from("st-idees"), "the rest moves down");
    assert_eq!(
        app.agenda_rows()[app.setup.agenda_row],
        AgendaRow::Stage(1),
        "the new stage is selected"
    );
    assert_eq!(s.planned_minutes(), 22 + method.minutes());
}

#[test]
fn enter_in_the_picker_adds_too_and_esc_cancels() {
    let mut app = agenda_tab();
    keys(&mut app, &["i", "esc"]);
    assert!(app.picker.is_none());
    assert_eq!(sess(&app).agenda.len(), 3);
    keys(&mut app, &["i", "enter"]);
    assert_eq!(sess(&app).agenda.len(), 4);
    assert_eq!(sess(&app).agenda[1].method, app.library.methods[0].id);
}

#[test]
fn stages_move_up_and_down_and_the_selection_follows() {
    let mut app = agenda_tab();
    // Rows: stage 0, its 2 steps, stage 1 (row 3).
    keys(&mut app, &["down", "down", "down"]);
    assert_eq!(app.agenda_rows()[app.setup.agenda_row], AgendaRow::Stage(1));
    let fx = keys(&mut app, &["K"]);
    assert_eq!(saves(&fx), 1);
    assert_eq!(stage_ids(&app), ["st-idees", "st-open", "st-fin"]);
    assert_eq!(app.agenda_rows()[app.setup.agenda_row], AgendaRow::Stage(0));
    let fx = keys(&mut app, &["K"]);
    assert_eq!(fx, vec![], "nothing above the first stage");
    keys(&mut app, &["J", "J"]);
    assert_eq!(stage_ids(&app), ["st-open", "st-fin", "st-idees"]);
    assert_eq!(app.agenda_rows()[app.setup.agenda_row], AgendaRow::Stage(2));
    assert_eq!(keys(&mut app, &["J"]), vec![], "nothing below the last");
}

#[test]
fn delete_removes_the_stage_and_keeps_its_notes_without_a_stage() {
    let mut app = agenda_tab();
    assert_saves(&mut app, &["d"]);
    assert_eq!(stage_ids(&app), ["st-idees", "st-fin"]);
    let s = sess(&app);
    assert_eq!(s.notes.len(), 3, "notes are kept");
    assert_eq!(s.notes[0].stage, None);
    assert_eq!(s.notes[1].stage, None);
    assert_eq!(s.notes[2].stage, Some(Id::from("st-idees")));
    let m = app.message.as_ref().unwrap();
    assert!(
        m.text.contains("Ouverture") && m.text.contains('2'),
        "{m:?}"
    );
    assert!(atelier::model::validate(s).is_empty());
}

#[test]
fn delete_the_running_stage_resets_the_run_and_the_last_row_stays_in_range() {
    let mut app = app();
    keys_at(&mut app, &["}", "}", "space"], t(0));
    keys(&mut app, &["a", "tab", "tab", "G"]);
    let last = app.agenda_rows().len() - 1;
    assert_eq!(app.setup.agenda_row, last);
    keys(&mut app, &["d"]);
    assert_eq!(stage_ids(&app), ["st-open", "st-idees"]);
    assert_eq!(sess(&app).run.timer, Timer::Idle);
    assert_eq!(sess(&app).run.step, None);
    assert!(app.setup.agenda_row < app.agenda_rows().len());
}

#[test]
fn plus_and_minus_change_the_minutes_of_the_selected_step() {
    let mut app = agenda_tab();
    keys(&mut app, &["down", "down"]);
    assert_eq!(
        app.agenda_rows()[app.setup.agenda_row],
        AgendaRow::Step(0, 1)
    );
    let fx = keys(&mut app, &["+", "+"]);
    assert_eq!(saves(&fx), 2);
    assert_eq!(sess(&app).agenda[0].steps[1].minutes, 5);
    assert_eq!(sess(&app).planned_minutes(), 24);
    keys(&mut app, &["-"; 9]);
    assert_eq!(sess(&app).agenda[0].steps[1].minutes, 1, "never below one");
    // On a stage row, minutes do not change; a message says why.
    keys(&mut app, &["up", "up"]);
    let fx = keys(&mut app, &["+"]);
    assert_eq!(fx, vec![]);
    assert!(app.message.as_ref().unwrap().text.contains("step"));
}

#[test]
fn setup_tabs_cycle_both_ways_and_esc_goes_to_facilitation() {
    let mut app = app();
    keys(&mut app, &["a"]);
    assert_eq!(app.setup.tab, SetupTab::Details);
    keys(&mut app, &["shift-tab"]);
    assert_eq!(app.setup.tab, SetupTab::Agenda);
    keys(&mut app, &["tab"]);
    assert_eq!(app.setup.tab, SetupTab::Details);
    keys(&mut app, &["esc"]);
    assert_eq!(app.screen, Screen::Facilitate);
}

#[test]
fn a_detail_is_edited_in_a_field_and_a_bad_date_keeps_the_field_open() {
    let mut app = app();
    keys(&mut app, &["a", "enter"]);
    let field = app.field.as_ref().expect("the title field");
    assert_eq!(field.input.value(), sess(&app).title);
    // Clear it and type a new title.
    for _ in 0..sess(&app).title.chars().count() {
        keys(&mut app, &["backspace"]);
    }
    type_text(&mut app, "Écoles : la cour 🌳 校庭");
    assert_saves(&mut app, &["enter"]);
    assert_eq!(sess(&app).title, "Écoles : la cour 🌳 校庭");
    assert!(app.field.is_none());

    // Date (the fourth detail): a bad value is refused and the field stays.
    keys(&mut app, &["down", "down", "down", "enter"]);
    for _ in 0..10 {
        keys(&mut app, &["backspace"]);
    }
    type_text(&mut app, "12 juin");
    keys(&mut app, &["enter"]);
    assert!(app.field.is_some(), "the field stays open to fix the value");
    assert!(app.message.as_ref().unwrap().error);
    assert_eq!(
        sess(&app).date,
        Some(time::macros::date!(2026 - 06 - 12)),
        "the date is unchanged"
    );
}

// ---------------------------------------------------------------- setup: participants

#[test]
fn a_participant_is_added_by_typing_a_name_then_cycled_and_removed() {
    let mut app = app();
    keys(&mut app, &["a", "tab"]);
    assert_eq!(app.setup.tab, SetupTab::Participants);
    assert_eq!(keys(&mut app, &["i"]), vec![]);
    assert!(app.field.is_some());
    // `q`, `n` and `d` are typed, not taken as keys.
    let fx = type_text(&mut app, "Zoé Ñandú-Quinn 🌻 李娜");
    assert_eq!(fx, vec![]);
    assert!(!app.quit);
    assert_saves(&mut app, &["enter"]);
    assert!(app.field.is_none());
    let s = sess(&app);
    assert_eq!(s.participants.len(), 4);
    let p = &s.participants[3];
    assert_eq!(p.name, "Zoé Ñandú-Quinn 🌻 李娜");
    assert_eq!(p.role, Role::CivilServant);
    assert_eq!(app.setup.participant, 3, "the new participant is selected");

    keys(&mut app, &["r"]);
    assert_eq!(sess(&app).participants[3].role, Role::ElectedOfficial);
    keys(&mut app, &["space", "space"]);
    assert_eq!(sess(&app).participants[3].role, Role::Partner);
    keys(&mut app, &["R"]);
    assert_eq!(sess(&app).participants[3].role, Role::Citizen);

    assert_saves(&mut app, &["d"]);
    assert_eq!(sess(&app).participants.len(), 3);
    assert!(
        sess(&app)
            .participants
            .iter()
            .all(|p| !p.name.starts_with("Zoé"))
    );
    assert_eq!(app.setup.participant, 2);
}

#[test]
fn removing_a_participant_keeps_their_notes_without_an_author() {
    let mut app = app();
    keys(&mut app, &["a", "tab"]);
    assert_eq!(app.setup.participant, 0);
    keys(&mut app, &["d"]);
    let s = sess(&app);
    assert!(s.participant(&Id::from("p-amelie")).is_none());
    assert_eq!(s.notes[0].author, None);
    assert_eq!(s.notes[1].author, Some(Id::from("p-hanako")));
    assert!(app.message.as_ref().unwrap().text.contains("Amélie Roux"));
}

#[test]
fn an_empty_name_adds_nobody() {
    let mut app = app();
    keys(&mut app, &["a", "tab", "i"]);
    type_text(&mut app, "   ");
    let fx = keys(&mut app, &["enter"]);
    assert_eq!(fx, vec![]);
    assert_eq!(sess(&app).participants.len(), 3);
}

// ---------------------------------------------------------------- setup: undo

/// Each change of participants is one undoable step, and redo brings it back.
#[test]
fn participant_add_rename_role_and_move_are_undone_and_redone() {
    let mut app = app();
    keys(&mut app, &["a", "tab", "i"]);
    type_text(&mut app, "Zoé");
    keys(&mut app, &["enter"]);
    let added = sess(&app).clone();
    assert_eq!(added.participants.len(), 4);
    keys(&mut app, &["E"]);
    type_text(&mut app, " Nguyễn");
    keys(&mut app, &["enter"]);
    assert_eq!(sess(&app).participants[3].name, "Zoé Nguyễn");
    keys(&mut app, &["r"]);
    assert_eq!(sess(&app).participants[3].role, Role::ElectedOfficial);
    keys(&mut app, &["K"]);
    assert_eq!(sess(&app).participants[2].name, "Zoé Nguyễn", "moved up");
    assert_eq!(app.setup.participant, 2);
    let changed = sess(&app).clone();

    // Move, role, rename: undone one at a time.
    assert_saves(&mut app, &["u"]);
    assert_eq!(sess(&app).participants[3].name, "Zoé Nguyễn");
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app).participants[3].role, Role::CivilServant);
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app).participants, added.participants);
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app).participants.len(), 3, "the addition is undone");
    for _ in 0..4 {
        keys(&mut app, &["ctrl-r"]);
    }
    assert_eq!(sess(&app).participants, changed.participants);
}

/// Each change of the agenda is one undoable step: a stage added, moved,
/// renamed, a step renamed, its prompt and its minutes.
#[test]
fn stage_insert_move_rename_and_step_edits_are_undone_and_redone() {
    let mut app = agenda_tab();
    let before = sess(&app).agenda.clone();
    keys(&mut app, &["i", "enter"]);
    assert_eq!(sess(&app).agenda.len(), 4);
    keys(&mut app, &["u"]);
    assert_eq!(sess(&app).agenda, before, "the added stage is undone");
    keys(&mut app, &["ctrl-r"]);
    assert_eq!(sess(&app).agenda.len(), 4, "and redone");
    keys(&mut app, &["u"]);

    // Row 3 is the second stage.
    keys(&mut app, &["g", "down", "down", "down", "K"]);
    assert_eq!(stage_ids(&app), ["st-idees", "st-open", "st-fin"]);
    keys(&mut app, &["u"]);
    assert_eq!(stage_ids(&app), ["st-open", "st-idees", "st-fin"]);

    keys(&mut app, &["g", "enter"]);
    type_text(&mut app, "!");
    keys(&mut app, &["enter"]);
    assert!(sess(&app).agenda[0].title.ends_with('!'));
    keys(&mut app, &["down", "enter"]);
    type_text(&mut app, "?");
    keys(&mut app, &["enter"]);
    assert!(sess(&app).agenda[0].steps[0].title.ends_with('?'));
    keys(&mut app, &["E"]);
    type_text(&mut app, " more");
    keys(&mut app, &["enter"]);
    assert!(sess(&app).agenda[0].steps[0].prompt.ends_with(" more"));
    keys(&mut app, &["+"]);
    let changed = sess(&app).agenda.clone();
    assert_ne!(changed[0].steps[0].minutes, before[0].steps[0].minutes);
    for _ in 0..4 {
        keys(&mut app, &["u"]);
    }
    assert_eq!(sess(&app).agenda, before, "every edit is undone");
    for _ in 0..4 {
        keys(&mut app, &["ctrl-r"]);
    }
    assert_eq!(sess(&app).agenda, changed, "and redone");
}

/// Moving a stage while its step runs keeps the run on that step.
#[test]
fn moving_the_running_stage_keeps_the_run() {
    let mut app = app();
    keys_at(&mut app, &["}", "space"], t(0));
    let step = sess(&app).run.step.clone();
    assert!(step.is_some());
    keys(&mut app, &["a", "tab", "tab", "down", "down", "down", "K"]);
    assert_eq!(stage_ids(&app), ["st-idees", "st-open", "st-fin"]);
    assert_eq!(sess(&app).run.step, step);
    assert!(matches!(sess(&app).run.timer, Timer::Running { .. }));
}

// ---------------------------------------------------------------- notes

#[test]
fn a_new_note_is_typed_given_a_kind_author_and_tags_and_saved_in_the_current_stage() {
    let mut app = app();
    keys_at(&mut app, &["}"], t(0));
    let fx = keys_at(&mut app, &["n"], t(100));
    assert_eq!(fx, vec![], "opening the editor changes nothing yet");
    let ed = app.editor.as_ref().expect("the note editor");
    assert_eq!(ed.stage, Some(Id::from("st-idees")));
    assert_eq!(ed.field, EditorField::Text);

    // Letters bound elsewhere (q, n, s, p, a) are typed, and Enter is a new line.
    let fx = type_text(
        &mut app,
        "Ça chauffe : « pas de sieste possible » 😓\nquand passe-t-on à l'ombre ? 日陰",
    );
    assert_eq!(fx, vec![]);
    assert!(!app.quit);
    keys(&mut app, &["tab"]);
    assert_eq!(app.editor.as_ref().unwrap().field, EditorField::Kind);
    keys(&mut app, &["q"]);
    assert_eq!(app.editor.as_ref().unwrap().kind, NoteKind::Quote);
    keys(&mut app, &["right", "right"]);
    assert_eq!(app.editor.as_ref().unwrap().kind, NoteKind::Question);
    keys(&mut app, &["5"]);
    assert_eq!(app.editor.as_ref().unwrap().kind, NoteKind::Idea);
    keys(&mut app, &["tab", "right", "right"]);
    assert_eq!(app.editor.as_ref().unwrap().author, 2);
    keys(&mut app, &["tab"]);
    type_text(&mut app, "chaleur, #été 夏");

    let fx = key_at(&mut app, k("ctrl-s"), t(130));
    assert_eq!(fx, vec![Effect::Save]);
    assert!(app.editor.is_none());
    let s = sess(&app);
    assert_eq!(s.notes.len(), 4);
    let n = s.notes.last().unwrap();
    assert_eq!(
        n.text,
        "Ça chauffe : « pas de sieste possible » 😓\nquand passe-t-on à l'ombre ? 日陰"
    );
    assert_eq!(n.kind, NoteKind::Idea);
    assert_eq!(n.stage, Some(Id::from("st-idees")));
    assert_eq!(n.author, Some(Id::from("p-hanako")));
    assert_eq!(n.tags, ["chaleur", "été", "夏"]);
    assert_eq!(n.time, t(130));
    assert_eq!(app.message.as_ref().unwrap().text, "Idea noted.");
    assert!(atelier::model::validate(s).is_empty());
}

#[test]
fn enter_on_the_tags_field_saves_the_note_too() {
    let mut app = app();
    keys(&mut app, &["n"]);
    type_text(&mut app, "Café froid");
    keys(&mut app, &["shift-tab"]);
    assert_eq!(app.editor.as_ref().unwrap().field, EditorField::Tags);
    assert_saves(&mut app, &["enter"]);
    let n = sess(&app).notes.last().unwrap();
    assert_eq!(n.text, "Café froid");
    assert_eq!(n.kind, NoteKind::Observation);
    assert_eq!(n.stage, Some(Id::from("st-open")));
    assert_eq!(n.author, None);
}

#[test]
fn an_empty_note_is_refused_and_esc_discards_it() {
    let mut app = app();
    keys(&mut app, &["n"]);
    type_text(&mut app, "  \n ");
    let fx = keys(&mut app, &["ctrl-s"]);
    assert_eq!(fx, vec![]);
    assert!(app.editor.is_some(), "kept open to type something");
    assert!(app.message.as_ref().unwrap().error);
    let fx = keys(&mut app, &["esc"]);
    assert_eq!(fx, vec![]);
    assert!(app.editor.is_none());
    assert_eq!(sess(&app).notes.len(), 3);
}

#[test]
fn pasted_text_goes_into_the_note_with_its_line_ends() {
    let mut app = app();
    keys(&mut app, &["n"]);
    update(
        &mut app,
        Msg::Paste("Première ligne\r\nDeuxième 二行目\rTroisième".into()),
        t(0),
    );
    keys(&mut app, &["ctrl-s"]);
    assert_eq!(
        sess(&app).notes.last().unwrap().text,
        "Première ligne\nDeuxième 二行目\nTroisième"
    );
}

#[test]
fn a_note_is_edited_from_the_notes_screen() {
    let mut app = app();
    keys(&mut app, &["N"]);
    assert_eq!(app.screen, Screen::Notes);
    assert_eq!(app.visible_notes(), vec![0, 1, 2]);
    keys(&mut app, &["down", "E"]);
    let ed = app.editor.as_ref().expect("the editor");
    assert_eq!(ed.editing, Some(Id::from("n-2")));
    assert_eq!(ed.kind, NoteKind::Quote);
    assert_eq!(ed.author, 2, "山田 花子 is the second participant");
    // To the end of the text, then add to it.
    keys(&mut app, &["end"]);
    type_text(&mut app, " — à 12 h 30");
    keys(&mut app, &["tab", "i", "tab", "left", "left"]);
    assert_saves(&mut app, &["ctrl-s"]);
    let s = sess(&app);
    assert_eq!(s.notes.len(), 3, "edited in place");
    let n = &s.notes[1];
    assert_eq!(n.id, Id::from("n-2"));
    assert_eq!(
        n.text,
        "「食堂は暑すぎる」 dit une mère d'élève — à 12 h 30"
    );
    assert_eq!(n.kind, NoteKind::Insight);
    assert_eq!(n.author, None);
    assert_eq!(n.time, t(120), "an edit keeps the note's time");
    assert_eq!(app.message.as_ref().unwrap().text, "Note saved.");
}

#[test]
fn a_note_is_deleted_from_the_notes_screen_stage_by_stage() {
    let mut app = app();
    keys(&mut app, &["N"]);
    // → shows the first stage, then the second.
    keys(&mut app, &["right"]);
    assert_eq!(app.visible_notes(), vec![0, 1]);
    keys(&mut app, &["right"]);
    assert_eq!(app.visible_notes(), vec![2]);
    assert_saves(&mut app, &["d"]);
    let ids: Vec<_> = sess(&app).notes.iter().map(|n| n.id.0.as_str()).collect();
    assert_eq!(ids, ["n-1", "n-2"]);
    assert_eq!(app.visible_notes(), Vec::<usize>::new());
    assert_eq!(keys(&mut app, &["d"]), vec![], "nothing left to delete");
    // Back to all stages, delete the last row: the selection stays in range.
    keys(&mut app, &["left", "left", "G", "d"]);
    let ids: Vec<_> = sess(&app).notes.iter().map(|n| n.id.0.as_str()).collect();
    assert_eq!(ids, ["n-1"]);
    assert_eq!(app.notes.selected, 0);
    keys(&mut app, &["esc"]);
    assert_eq!(app.screen, Screen::Facilitate);
}

#[test]
fn the_notes_screen_lists_notes_in_time_order() {
    let mut s = session();
    s.notes.swap(0, 2);
    let app = app_with(s, None);
    let order: Vec<_> = app
        .visible_notes()
        .iter()
        .map(|&i| sess(&app).notes[i].id.0.clone())
        .collect();
    assert_eq!(order, ["n-1", "n-2", "n-3"]);
}

// ---------------------------------------------------------------- home

#[test]
fn a_new_session_from_home_asks_a_title_then_a_template() {
    let mut app = bare_app();
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(keys(&mut app, &["n"]), vec![]);
    assert!(app.field.is_some());
    // An empty title is refused and the field stays.
    keys(&mut app, &["enter"]);
    assert!(app.field.is_some());
    assert!(app.message.as_ref().unwrap().error);

    type_text(&mut app, "Cantines 🍽️ d'été");
    assert_eq!(keys(&mut app, &["enter"]), vec![]);
    let p = app.picker.as_ref().expect("the template picker");
    assert_eq!(
        p.purpose,
        PickPurpose::Template {
            title: "Cantines 🍽️ d'été".into()
        }
    );
    assert_eq!(p.items[0], "Empty agenda");
    assert_eq!(p.items.len(), app.library.templates.len() + 1);
    let i = app
        .library
        .templates
        .iter()
        .position(|t| t.id == "ideation-sprint-2h")
        .unwrap();
    let minutes: u32 = app
        .library
        .agenda(
            &app.library.templates[i],
            "en",
            &mut atelier::model::Ids::seeded(0),
        )
        .unwrap()
        .iter()
        .map(|s| s.planned_minutes())
        .sum();
    assert_eq!(
        p.items[i + 1],
        format!(
            "Two-hour ideation sprint  ({}h{:02})",
            minutes / 60,
            minutes % 60
        )
    );
    for _ in 0..=i {
        keys(&mut app, &["down"]);
    }
    let fx = update(&mut app, Msg::Do(Action::Submit), t(0));
    assert_eq!(
        fx,
        vec![Effect::Create {
            title: "Cantines 🍽️ d'été".into(),
            template: Some("ideation-sprint-2h".into()),
        }]
    );
    assert!(app.picker.is_none());
}

#[test]
fn the_first_template_row_is_an_empty_agenda() {
    let mut app = bare_app();
    keys(&mut app, &["n"]);
    type_text(&mut app, "Vide");
    let fx = keys(&mut app, &["enter", "enter"]);
    assert_eq!(
        fx,
        vec![Effect::Create {
            title: "Vide".into(),
            template: None,
        }]
    );
}

#[test]
fn home_rows_open_the_demo_a_new_session_or_a_listed_session() {
    let mut app = bare_app();
    app.home.sessions = vec![atelier::store::SessionEntry {
        path: "/tmp/x/cantines.ron".into(),
        title: "Cantines".into(),
        date: None,
        modified: None,
        size: 10,
    }];
    assert_eq!(keys(&mut app, &["enter"]), vec![Effect::OpenDemo]);
    assert_eq!(keys(&mut app, &["D"]), vec![Effect::OpenDemo]);
    assert_eq!(
        keys(&mut app, &["d"]),
        vec![],
        "d on the demo's row does nothing"
    );
    keys(&mut app, &["down", "down"]);
    assert_eq!(
        keys(&mut app, &["enter"]),
        vec![Effect::Open {
            path: "/tmp/x/cantines.ron".into(),
            read_only: false
        }]
    );
    keys(&mut app, &["down"]);
    assert_eq!(app.home.selected, 2, "stops at the last row");
    keys(&mut app, &["tab"]);
    keys(&mut app, &["down", "down"]);
    assert_eq!(app.home.method, 2);
    assert_eq!(app.home.selected, 2);
}

// ---------------------------------------------------------------- read-only

/// Every key that edits, in the context where it edits.
fn read_only_attempts() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("timer", vec!["space"]),
        ("next step", vec!["]"]),
        ("previous step", vec!["[", "]"]),
        ("add a minute", vec!["+"]),
        ("remove a minute", vec!["-"]),
        ("next stage", vec!["}"]),
        ("jump to a stage", vec!["tab", "down", "enter"]),
        ("new note", vec!["n"]),
        ("projector timer", vec!["p", "space"]),
        ("detail", vec!["a", "enter"]),
        ("origin", vec!["a", "down", "down", "enter"]),
        ("participant add", vec!["a", "tab", "i"]),
        ("participant edit", vec!["a", "tab", "E"]),
        ("participant role", vec!["a", "tab", "r"]),
        ("participant remove", vec!["a", "tab", "d"]),
        ("agenda add", vec!["a", "tab", "tab", "i"]),
        ("agenda edit", vec!["a", "tab", "tab", "enter"]),
        ("agenda minutes", vec!["a", "tab", "tab", "down", "+"]),
        ("agenda move", vec!["a", "tab", "tab", "J"]),
        ("agenda delete", vec!["a", "tab", "tab", "d"]),
        ("note edit", vec!["N", "E"]),
        ("note delete", vec!["N", "d"]),
    ]
}

#[test]
fn a_read_only_session_refuses_every_edit_with_a_message() {
    for (what, keys_pressed) in read_only_attempts() {
        let mut app = app_with(session(), Some("review mode"));
        let before = sess(&app).clone();
        let fx = keys(&mut app, &keys_pressed);
        assert!(
            !fx.contains(&Effect::Save) && !fx.contains(&Effect::SaveNow),
            "{what}: {fx:?}"
        );
        assert_eq!(sess(&app), &before, "{what}: the session changed");
        assert!(
            app.field.is_none() && app.editor.is_none() && app.picker.is_none(),
            "{what}: an editor opened"
        );
        let m = app
            .message
            .as_ref()
            .unwrap_or_else(|| panic!("{what}: no message"));
        assert!(m.error, "{what}: {m:?}");
        assert!(
            m.text.contains("Read-only") && m.text.contains("review mode"),
            "{what}: {m:?}"
        );
        assert_eq!(app.doc.as_ref().unwrap().generation, 0, "{what}");
    }
}

#[test]
fn a_read_only_session_still_moves_around_and_ctrl_s_says_why_it_does_not_save() {
    let mut app = app_with(session(), Some("it is open in atelier (pid 42)"));
    keys(&mut app, &["N", "right", "down"]);
    assert_eq!(app.screen, Screen::Notes);
    assert_eq!(app.notes.stage, 1);
    assert_eq!(app.notes.selected, 1);
    keys(&mut app, &["p"]);
    assert_eq!(app.screen, Screen::Projector);
    let fx = keys(&mut app, &["ctrl-s"]);
    assert_eq!(fx, vec![]);
    assert!(app.message.as_ref().unwrap().text.contains("Read-only"));
}

// ---------------------------------------------------------------- everywhere

#[test]
fn q_quits_from_every_screen_but_is_typed_in_editors() {
    for screen in ["f", "a", "N", "p", "H"] {
        let mut app = app();
        keys(&mut app, &[screen]);
        let fx = keys(&mut app, &["q"]);
        assert_eq!(fx, vec![Effect::Quit], "{screen}");
        assert!(app.quit);
    }
    let mut a = app();
    assert_eq!(keys(&mut a, &["ctrl-c"]), vec![Effect::Quit]);

    let mut a = app();
    keys(&mut a, &["n", "q"]);
    assert!(!a.quit);
    assert_eq!(a.editor.as_ref().unwrap().text.lines(), ["q"]);
}

#[test]
fn ctrl_s_asks_for_a_save_now() {
    let mut a = app();
    assert_eq!(keys(&mut a, &["ctrl-s"]), vec![Effect::SaveNow]);
    let saving = atelier::app::state::SaveStatus::Saving;
    assert_eq!(a.doc.as_ref().unwrap().save, saving, "the status says so");
    let mut a = bare_app();
    assert_eq!(keys(&mut a, &["ctrl-s"]), vec![], "nothing open");
}

#[test]
fn help_opens_over_any_screen_and_takes_keys_until_closed() {
    let mut app = app();
    keys(&mut app, &["?"]);
    assert!(app.help);
    keys(&mut app, &["down", "down"]);
    assert_eq!(app.help_scroll, 2);
    // Keys do not reach the screen below while help shows.
    let fx = keys(&mut app, &["space", "q"]);
    assert_eq!(fx, vec![]);
    assert!(!app.help, "q closes help");
    assert!(!app.quit);
    assert_eq!(sess(&app).run.timer, Timer::Idle);
}

#[test]
fn messages_fade_after_a_few_seconds() {
    let mut app = app();
    keys_at(&mut app, &["a", "tab", "tab", "+"], t(0));
    assert!(app.message.is_some());
    update(&mut app, Msg::Tick, t(3));
    assert!(app.message.is_some());
    update(&mut app, Msg::Tick, t(60));
    assert!(app.message.is_none());
}

#[test]
fn save_reports_update_the_status() {
    use atelier::app::SaveReport;
    use atelier::app::effect::Done;
    use atelier::app::state::SaveStatus;
    let mut app = app();
    keys(&mut app, &["space"]);
    assert_eq!(app.doc.as_ref().unwrap().save, SaveStatus::Saving);
    update(
        &mut app,
        Msg::Done(Done::Saved(1, SaveReport::Saved(t(1)))),
        t(1),
    );
    assert_eq!(
        app.doc.as_ref().unwrap().save,
        SaveStatus::Saved(Some(t(1)))
    );
    update(
        &mut app,
        Msg::Done(Done::Saved(2, SaveReport::Failed("disk full".into()))),
        t(2),
    );
    assert_eq!(
        app.doc.as_ref().unwrap().save,
        SaveStatus::Failed("disk full".into())
    );
}

#[test]
fn the_session_after_a_whole_run_validates_and_round_trips() {
    let mut app = app();
    keys_at(&mut app, &["space"], t(0));
    keys_at(&mut app, &["n"], t(10));
    type_text(&mut app, "Noté 📝");
    keys_at(&mut app, &["ctrl-s", "]", "space", "}", "space"], t(400));
    keys_at(&mut app, &["a", "tab", "tab", "i", "enter", "d"], t(500));
    let s: &Session = sess(&app);
    assert!(
        atelier::model::validate(s).is_empty(),
        "{:?}",
        atelier::model::validate(s)
    );
    let text = store::to_ron(s).unwrap();
    assert_eq!(&store::load_str("x.ron", &text).unwrap(), s);
}

/// `update` is a function of its messages: the same keys at the same times
/// give the same session, new ids included.
#[test]
fn the_same_messages_give_the_same_session_ids_included() {
    let run = || {
        let mut app = app();
        keys(&mut app, &["a", "tab", "i"]);
        type_text(&mut app, "Zoé");
        keys(&mut app, &["enter", "tab", "i", "enter", "n"]);
        type_text(&mut app, "Une idée");
        keys(&mut app, &["tab", "enter"]);
        sess(&app).clone()
    };
    let (one, two) = (run(), run());
    assert_eq!(one.participants.len(), 4);
    assert_eq!(one.agenda.len(), 4);
    assert_eq!(one, two);
}

/// Save-as to a taken path: the run loop looks (update never reads the
/// disk) and answers; the field opens again with the path, and says why.
#[test]
fn save_as_to_a_taken_path_reopens_the_field_with_a_warning() {
    let mut app = app();
    let path = std::path::PathBuf::from("/tmp/taken.ron");
    let fx = update(&mut app, Msg::SaveAsTaken(path), t(5));
    assert_eq!(fx, vec![]);
    let field = app.field.as_ref().expect("the save-as field");
    assert_eq!(field.purpose, atelier::app::state::FieldPurpose::SaveAs);
    assert_eq!(field.input.value(), "/tmp/taken.ron");
    let m = app.message.as_ref().expect("a warning");
    assert!(m.error && m.text.contains("/tmp/taken.ron"), "{m:?}");
}

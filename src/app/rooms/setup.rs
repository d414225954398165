//! Setup: details, participants and the agenda builder.

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::{self, tr};
use crate::model::{Id, Item, Kind, Op, Origin, Participant, Role, Stage, Step, Timestamp};
use crate::t;

pub(crate) fn setup_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    match action {
        Action::NextPane | Action::PrevPane => {
            let i = SetupTab::ALL
                .iter()
                .position(|t| *t == app.setup.tab)
                .unwrap_or(0);
            let n = SetupTab::ALL.len();
            let j = if action == Action::NextPane {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            app.setup.tab = SetupTab::ALL[j];
            return;
        }
        Action::Back => {
            app.screen = Screen::Facilitate;
            return;
        }
        _ => {}
    }
    match app.setup.tab {
        SetupTab::Details => details_action(app, action, now, fx),
        SetupTab::Participants => participants_action(app, action, now, fx),
        SetupTab::Agenda => agenda_action(app, action, now, fx),
    }
}

pub(crate) fn details_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    if move_sel(&mut app.setup.detail, DetailField::ALL.len(), action) {
        return;
    }
    let field = DetailField::ALL[app.setup.detail.min(DetailField::ALL.len() - 1)];
    match (field, action) {
        (DetailField::Origin, Action::Select | Action::Cycle | Action::Right | Action::Edit) => {
            if let Some(s) = edit(app, now, fx) {
                s.challenge.origin = cycle(&Origin::ALL, s.challenge.origin, 1);
            }
        }
        (DetailField::Origin, Action::CycleBack | Action::Left) => {
            if let Some(s) = edit(app, now, fx) {
                s.challenge.origin = cycle(&Origin::ALL, s.challenge.origin, -1);
            }
        }
        (
            DetailField::Language,
            Action::Select
            | Action::Cycle
            | Action::CycleBack
            | Action::Right
            | Action::Left
            | Action::Edit,
        ) => {
            if let Some(s) = edit(app, now, fx) {
                s.language = Some(
                    if s.language.as_deref() == Some("fr") {
                        "en"
                    } else {
                        "fr"
                    }
                    .into(),
                );
            }
        }
        (_, Action::Select | Action::Edit) => {
            let Some(s) = app.session() else { return };
            let value = s.detail_text(field);
            let title = t!(
                app.lang,
                "field-detail",
                field = i18n::detail(app.lang, field)
            );
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                edit(app, now, fx);
                return;
            }
            open_field(app, FieldPurpose::Detail(field), &title, &value);
        }
        _ => {}
    }
}

pub(crate) fn participants_action(
    app: &mut App,
    action: Action,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let n = app.session().map_or(0, |s| s.participants.len());
    if move_sel(&mut app.setup.participant, n, action) {
        return;
    }
    let sel = app.setup.participant;
    let selected_id = app
        .session()
        .and_then(|s| s.participants.get(sel))
        .map(|p| (p.id.clone(), p.name.clone()));
    match action {
        Action::Add => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                edit(app, now, fx);
                return;
            }
            let title = tr(app.lang, "field-new-participant");
            open_field(app, FieldPurpose::NewParticipant, &title, "");
        }
        Action::Edit | Action::Select => {
            if let Some((id, name)) = selected_id {
                if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                    edit(app, now, fx);
                    return;
                }
                let title = tr(app.lang, "field-participant-name");
                open_field(app, FieldPurpose::ParticipantName(id), &title, &name);
            }
        }
        Action::Cycle | Action::CycleBack | Action::Right | Action::Left => {
            let step = if matches!(action, Action::Cycle | Action::Right) {
                1
            } else {
                -1
            };
            if let Some((id, name)) = selected_id {
                let label = t!(app.lang, "undo-participant-role", name = name);
                change_participant(app, &id, label, now, fx, |p| {
                    p.role = cycle(&Role::ALL, p.role, step)
                });
            }
        }
        Action::Delete => {
            if let Some((id, name)) = selected_id {
                delete_participant(app, &id, &name, now, fx);
            }
        }
        Action::MoveUp | Action::MoveDown => {
            let to = if action == Action::MoveUp {
                sel.checked_sub(1)
            } else {
                Some(sel + 1).filter(|&i| i < n)
            };
            if let Some((to, (_, name))) = to.zip(selected_id) {
                move_participant(app, to, &name, now, fx);
            }
        }
        _ => {}
    }
}

/// Remove the selected participant (what they wrote stays, unsigned) and
/// say how many items lost their author.
fn delete_participant(app: &mut App, id: &Id, name: &str, now: Timestamp, fx: &mut Vec<Effect>) {
    let (sel, n) = (
        app.setup.participant,
        app.session().map_or(0, |s| s.participants.len()),
    );
    let Some((ops, cleared)) = app.session().map(|s| s.remove_participant(id)) else {
        return;
    };
    let lang = app.lang;
    let label = t!(lang, "undo-removed-participant", name = name);
    if !commit(app, label, ops, now, fx) {
        return;
    }
    app.setup.participant = sel.min(n.saturating_sub(2));
    let text = match cleared {
        0 => t!(lang, "msg-participant-removed", name = name),
        n => t!(lang, "msg-participant-removed-orphans", name = name, n = n),
    };
    say(app, text, now);
}

/// Move the selected participant to row `to`: the neighbour there takes
/// its place, as one undoable step.
fn move_participant(app: &mut App, to: usize, name: &str, now: Timestamp, fx: &mut Vec<Effect>) {
    let sel = app.setup.participant;
    let Some(other) = app.session().and_then(|s| s.participants.get(to)).cloned() else {
        return;
    };
    let ops = vec![
        Op::Remove {
            kind: Kind::Participant,
            id: other.id.clone(),
        },
        Op::Insert {
            at: sel,
            item: Item::Participant(other),
        },
    ];
    let label = t!(app.lang, "undo-participant-moved", name = name);
    if commit(app, label, ops, now, fx) {
        app.setup.participant = to;
    }
}

pub(crate) fn agenda_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let rows = app.agenda_rows();
    if move_sel(&mut app.setup.agenda_row, rows.len(), action) {
        return;
    }
    let row = rows.get(app.setup.agenda_row).copied();
    let stage = match row {
        Some(AgendaRow::Stage(i)) | Some(AgendaRow::Step(i, _)) => Some(i),
        None => None,
    };
    let read_only = app.doc.as_ref().is_some_and(|d| d.read_only.is_some());
    match action {
        Action::AddBreak | Action::Add | Action::Edit | Action::Select if read_only => {
            // Says why nothing can change.
            edit(app, now, fx);
        }
        Action::AddBreak => ask_break(app, stage),
        Action::Add => open_method_picker(app, stage),
        Action::AddMinute => change_minutes(app, row, 1, now, fx),
        Action::RemoveMinute => change_minutes(app, row, -1, now, fx),
        Action::Edit | Action::Select => edit_row(app, row, action == Action::Edit),
        Action::Delete => {
            if let Some(i) = stage {
                delete_stage(app, i, now, fx);
            }
        }
        Action::MoveUp | Action::MoveDown => {
            if let Some(i) = stage {
                move_stage(app, i, action == Action::MoveUp, now, fx);
            }
        }
        _ => {}
    }
}

/// The method library as a list to pick from; the chosen one goes after
/// the stage at `after` (at the end when none).
fn open_method_picker(app: &mut App, after: Option<usize>) {
    let lang = app.lang;
    let items = app
        .library
        .methods
        .iter()
        .map(|m| {
            format!(
                "{:<12} {}  ({})",
                i18n::stage_kind(lang, m.stage),
                m.name.get(lang),
                t!(lang, "minutes-short", n = m.minutes())
            )
        })
        .collect();
    app.picker = Some(Picker::new(
        PickPurpose::Method { after },
        tr(lang, "picker-method"),
        items,
        0,
    ));
}

/// `+`/`-` on a step: one minute more or less (1 to 24 hours).
fn change_minutes(
    app: &mut App,
    row: Option<AgendaRow>,
    delta: i64,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    match row {
        Some(AgendaRow::Step(i, j)) => {
            let Some(id) = app
                .session()
                .and_then(|s| s.agenda.get(i))
                .map(|st| st.id.clone())
            else {
                return;
            };
            let label = tr(app.lang, "undo-step-minutes");
            change_stage(app, &id, label, now, fx, |st| {
                if let Some(step) = st.steps.get_mut(j) {
                    step.minutes = (i64::from(step.minutes) + delta).clamp(1, 24 * 60) as u32;
                }
            });
        }
        Some(AgendaRow::Stage(_)) => {
            let text = tr(app.lang, "msg-choose-a-step");
            say(app, text, now);
        }
        None => {}
    }
}

/// Enter on a row: a stage's title, a step's title; `E` on a step: its
/// prompt.
fn edit_row(app: &mut App, row: Option<AgendaRow>, prompt: bool) {
    let lang = app.lang;
    let Some(s) = app.session() else { return };
    let (purpose, key, value) = match row {
        Some(AgendaRow::Stage(i)) => {
            let Some(st) = s.agenda.get(i) else { return };
            (
                FieldPurpose::StageTitle(st.id.clone()),
                "field-stage-title",
                st.title.clone(),
            )
        }
        Some(AgendaRow::Step(i, j)) => {
            let Some(step) = s.agenda.get(i).and_then(|st| st.steps.get(j)) else {
                return;
            };
            if prompt {
                (
                    FieldPurpose::StepPrompt(step.id.clone()),
                    "field-step-prompt",
                    step.prompt.clone(),
                )
            } else {
                (
                    FieldPurpose::StepTitle(step.id.clone()),
                    "field-step-title",
                    step.title.clone(),
                )
            }
        }
        None => return,
    };
    open_field(app, purpose, &tr(lang, key), &value);
}

/// Remove the stage at `i` (what was made in it stays, detached) and say
/// how many items were detached.
fn delete_stage(app: &mut App, i: usize, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some((title, (ops, detached))) = app
        .session()
        .filter(|s| i < s.agenda.len())
        .map(|s| (s.agenda[i].title.clone(), s.remove_stage(i)))
    else {
        return;
    };
    let lang = app.lang;
    let label = t!(lang, "undo-removed-stage", title = title.as_str());
    if !commit(app, label, ops, now, fx) {
        return;
    }
    let n = app.agenda_rows().len();
    app.setup.agenda_row = app.setup.agenda_row.min(n.saturating_sub(1));
    let text = match detached {
        0 => t!(lang, "msg-stage-removed", title = title),
        n => t!(lang, "msg-stage-removed-detached", title = title, n = n),
    };
    say(app, text, now);
}

/// Move the stage at `i` one place up or down, keeping it selected.
fn move_stage(app: &mut App, i: usize, up: bool, now: Timestamp, fx: &mut Vec<Effect>) {
    let n = app.session().map_or(0, |s| s.agenda.len());
    let to = if up {
        i.checked_sub(1)
    } else {
        Some(i + 1).filter(|&j| j < n)
    };
    if let Some(to) = to
        && swap_stages(app, i, to, now, fx)
    {
        select_stage(app, to);
    }
}

/// Select the row of the stage at `i`.
fn select_stage(app: &mut App, i: usize) {
    app.setup.agenda_row = app
        .agenda_rows()
        .iter()
        .position(|r| *r == AgendaRow::Stage(i))
        .unwrap_or(0);
}

/// Enter on a field of setup (details, participants, agenda titles).
pub(crate) fn submit_field(
    app: &mut App,
    field: TextField,
    value: String,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let lang = app.lang;
    match field.purpose.clone() {
        FieldPurpose::Detail(d) => {
            let Some(s) = edit(app, now, fx) else { return };
            match s.set_detail(d, &value) {
                Ok(()) => {}
                Err(e) => {
                    let (key, args) = e.key();
                    warn(app, crate::i18n::keyed(lang, key, &args), now);
                    app.field = Some(field);
                }
            }
        }
        FieldPurpose::NewParticipant => {
            if value.is_empty() {
                return;
            }
            let Some(n) = app.session().map(|s| s.participants.len()) else {
                return;
            };
            let label = t!(lang, "undo-participant-added", name = value.as_str());
            let p = Participant {
                id: app.ids.next_id(),
                name: value,
                role: Role::CivilServant,
                organisation: String::new(),
            };
            let op = Op::Insert {
                at: n,
                item: Item::Participant(p),
            };
            if commit(app, label, vec![op], now, fx) {
                app.setup.participant = n;
                say(app, tr(lang, "msg-participant-added"), now);
            }
        }
        FieldPurpose::ParticipantName(id) => {
            if value.is_empty() {
                return;
            }
            let label = t!(lang, "undo-participant-renamed", name = value.as_str());
            change_participant(app, &id, label, now, fx, |p| p.name = value);
        }
        FieldPurpose::StageTitle(id) if !value.is_empty() => {
            let label = t!(lang, "undo-stage-renamed", title = value.as_str());
            change_stage(app, &id, label, now, fx, |st| st.title = value);
        }
        FieldPurpose::StepTitle(id) if !value.is_empty() => {
            let label = t!(lang, "undo-step-renamed", title = value.as_str());
            change_step(app, &id, label, now, fx, |step| step.title = value);
        }
        FieldPurpose::StepPrompt(id) => {
            let label = tr(lang, "undo-step-prompt");
            change_step(app, &id, label, now, fx, |step| step.prompt = value);
        }
        FieldPurpose::BreakTitle(after) => submit_break_title(app, after, value),
        FieldPurpose::BreakMinutes(after, title) => {
            submit_break_minutes(app, field, (after, title), &value, now, fx)
        }
        _ => {}
    }
}

/// A method was chosen for the agenda.
pub(crate) fn pick_method(
    app: &mut App,
    after: Option<usize>,
    selected: usize,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let Some(m) = app.library.methods.get(selected).cloned() else {
        return;
    };
    let lang = app
        .session()
        .and_then(|s| s.language.clone())
        .unwrap_or_else(|| app.lang.to_owned());
    if app.session().is_none() {
        return;
    }
    let stage = m.to_stage(&lang, &mut app.ids);
    let text = t!(app.lang, "msg-method-added", name = m.name.get(&lang));
    insert_stage(app, after, stage, text, now, fx);
}

/// Insert `stage` after the stage at `after` (at the end when none) as one
/// undoable step; then select it and say `done`.
fn insert_stage(
    app: &mut App,
    after: Option<usize>,
    stage: Stage,
    done: String,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let Some(n) = app.session().map(|s| s.agenda.len()) else {
        return;
    };
    let at = after.map_or(n, |i| (i + 1).min(n));
    let label = t!(app.lang, "undo-stage-added", title = stage.title.as_str());
    let op = Op::Insert {
        at,
        item: Item::Stage(stage),
    };
    if commit(app, label, vec![op], now, fx) {
        select_stage(app, at);
        say(app, done, now);
    }
}

/// `B`: a break after the stage at `after` (at the end when none). Its
/// title is asked first ("Break", "Pause"), then its minutes (15).
fn ask_break(app: &mut App, after: Option<usize>) {
    let title = tr(app.lang, "field-break-title");
    let value = tr(app.lang, "agenda-break-title");
    open_field(app, FieldPurpose::BreakTitle(after), &title, &value);
}

/// Enter on the break's title: its minutes next (an empty title keeps the
/// usual one).
fn submit_break_title(app: &mut App, after: Option<usize>, value: String) {
    let name = if value.is_empty() {
        tr(app.lang, "agenda-break-title")
    } else {
        value
    };
    let title = t!(app.lang, "field-break-minutes", title = name.as_str());
    open_field(
        app,
        FieldPurpose::BreakMinutes(after, name),
        &title,
        BREAK_MINUTES,
    );
}

/// The minutes a new break is offered.
const BREAK_MINUTES: &str = "15";

/// Enter on the break's minutes: the break is added, selected, as one
/// undoable step; minutes that do not read leave the field open.
fn submit_break_minutes(
    app: &mut App,
    field: TextField,
    (after, title): (Option<usize>, String),
    value: &str,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let lang = app.lang;
    let value = if value.is_empty() {
        BREAK_MINUTES
    } else {
        value
    };
    let Some(minutes) = value
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=24 * 60).contains(m))
    else {
        warn(app, t!(lang, "msg-break-bad-minutes", text = value), now);
        app.field = Some(field);
        return;
    };
    if app.session().is_none() {
        return;
    }
    let stage = Stage::new_break(title.clone(), minutes, &mut app.ids);
    let text = t!(lang, "agenda-break-added", title = title, n = minutes);
    insert_stage(app, after, stage, text, now, fx);
}

/// Change one participant as one undoable step.
fn change_participant(
    app: &mut App,
    id: &Id,
    label: String,
    now: Timestamp,
    fx: &mut Vec<Effect>,
    change: impl FnOnce(&mut Participant),
) -> bool {
    let found = app
        .session()
        .and_then(|s| s.participants.iter().find(|p| &p.id == id))
        .cloned();
    let Some(mut p) = found else { return false };
    change(&mut p);
    commit(app, label, vec![Op::Replace(Item::Participant(p))], now, fx)
}

/// Change one stage (its title, or its steps) as one undoable step.
fn change_stage(
    app: &mut App,
    id: &Id,
    label: String,
    now: Timestamp,
    fx: &mut Vec<Effect>,
    change: impl FnOnce(&mut Stage),
) -> bool {
    let found = app
        .session()
        .and_then(|s| s.agenda.iter().find(|st| &st.id == id))
        .cloned();
    let Some(mut st) = found else { return false };
    change(&mut st);
    commit(app, label, vec![Op::Replace(Item::Stage(st))], now, fx)
}

/// Change one step: its stage changes as one undoable step.
fn change_step(
    app: &mut App,
    id: &Id,
    label: String,
    now: Timestamp,
    fx: &mut Vec<Effect>,
    change: impl FnOnce(&mut Step),
) -> bool {
    let stage = app.session().and_then(|s| {
        s.agenda
            .iter()
            .find(|st| st.steps.iter().any(|x| &x.id == id))
            .map(|st| st.id.clone())
    });
    let Some(stage) = stage else { return false };
    change_stage(app, &stage, label, now, fx, |st| {
        if let Some(step) = st.steps.iter_mut().find(|x| &x.id == id) {
            change(step);
        }
    })
}

/// Swap the neighbouring stages `i` and `to` as one undoable step. The one
/// taken out and put back is the stage the run is not in, so the run keeps
/// its step.
fn swap_stages(app: &mut App, i: usize, to: usize, now: Timestamp, fx: &mut Vec<Effect>) -> bool {
    let Some(s) = app.session() else { return false };
    let (Some(a), Some(b)) = (s.agenda.get(i), s.agenda.get(to)) else {
        return false;
    };
    let running = |st: &Stage| st.steps.iter().any(|x| Some(&x.id) == s.run.step.as_ref());
    let (moved, at) = if running(b) { (a, to) } else { (b, i) };
    let label = t!(
        app.lang,
        "undo-stage-moved",
        title = s.agenda[i].title.as_str()
    );
    let ops = vec![
        Op::Remove {
            kind: Kind::Stage,
            id: moved.id.clone(),
        },
        Op::Insert {
            at,
            item: Item::Stage(moved.clone()),
        },
    ];
    commit(app, label, ops, now, fx)
}

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
            let Some((id, name)) = selected_id else {
                return;
            };
            let Some((ops, cleared)) = app.session().map(|s| s.remove_participant(&id)) else {
                return;
            };
            let lang = app.lang;
            let label = t!(lang, "undo-removed-participant", name = name.as_str());
            if !commit(app, label, ops, now, fx) {
                return;
            }
            app.setup.participant = sel.min(n.saturating_sub(2));
            let text = if cleared > 0 {
                t!(
                    lang,
                    "msg-participant-removed-orphans",
                    name = name,
                    n = cleared
                )
            } else {
                t!(lang, "msg-participant-removed", name = name)
            };
            say(app, text, now);
        }
        Action::MoveUp | Action::MoveDown => {
            let to = if action == Action::MoveUp {
                sel.checked_sub(1)
            } else {
                Some(sel + 1).filter(|&i| i < n)
            };
            let Some((to, (_, name))) = to.zip(selected_id) else {
                return;
            };
            let Some(other) = app.session().and_then(|s| s.participants.get(to)).cloned() else {
                return;
            };
            // The neighbour takes the selected one's place.
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
        _ => {}
    }
}

pub(crate) fn agenda_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let rows = app.agenda_rows();
    if move_sel(&mut app.setup.agenda_row, rows.len(), action) {
        return;
    }
    let row = rows.get(app.setup.agenda_row).copied();
    let stage_of = |r: Option<AgendaRow>| match r {
        Some(AgendaRow::Stage(i)) | Some(AgendaRow::Step(i, _)) => Some(i),
        None => None,
    };
    match action {
        Action::AddBreak => add_break(app, stage_of(row), now, fx),
        Action::Add => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                edit(app, now, fx);
                return;
            }
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
            app.picker = Some(Picker {
                purpose: PickPurpose::Method {
                    after: stage_of(row),
                },
                title: tr(lang, "picker-method"),
                items,
                selected: 0,
            });
        }
        Action::AddMinute | Action::RemoveMinute => {
            let delta: i64 = if action == Action::AddMinute { 1 } else { -1 };
            if let Some(AgendaRow::Step(i, j)) = row {
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
            } else if let Some(AgendaRow::Stage(_)) = row {
                let text = tr(app.lang, "msg-choose-a-step");
                say(app, text, now);
            }
        }
        Action::Edit | Action::Select => {
            if app.doc.as_ref().is_some_and(|d| d.read_only.is_some()) {
                edit(app, now, fx);
                return;
            }
            let lang = app.lang;
            let Some(s) = app.session() else { return };
            match row {
                Some(AgendaRow::Stage(i)) => {
                    let st = &s.agenda[i];
                    let (id, title) = (st.id.clone(), st.title.clone());
                    open_field(
                        app,
                        FieldPurpose::StageTitle(id),
                        &tr(lang, "field-stage-title"),
                        &title,
                    );
                }
                Some(AgendaRow::Step(i, j)) => {
                    let step = &s.agenda[i].steps[j];
                    let (id, title, prompt) =
                        (step.id.clone(), step.title.clone(), step.prompt.clone());
                    if action == Action::Edit {
                        open_field(
                            app,
                            FieldPurpose::StepPrompt(id),
                            &tr(lang, "field-step-prompt"),
                            &prompt,
                        );
                    } else {
                        open_field(
                            app,
                            FieldPurpose::StepTitle(id),
                            &tr(lang, "field-step-title"),
                            &title,
                        );
                    }
                }
                None => {}
            }
        }
        Action::Delete => {
            if let Some(i) = stage_of(row) {
                let Some((title, (ops, detached))) = app
                    .session()
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
                let text = if detached > 0 {
                    t!(
                        lang,
                        "msg-stage-removed-detached",
                        title = title,
                        n = detached
                    )
                } else {
                    t!(lang, "msg-stage-removed", title = title)
                };
                say(app, text, now);
            }
        }
        Action::MoveUp | Action::MoveDown => {
            let Some(i) = stage_of(row) else { return };
            let n = app.session().map_or(0, |s| s.agenda.len());
            let to = if action == Action::MoveUp {
                i.checked_sub(1)
            } else {
                Some(i + 1).filter(|&j| j < n)
            };
            if let Some(to) = to
                && swap_stages(app, i, to, now, fx)
            {
                app.setup.agenda_row = app
                    .agenda_rows()
                    .iter()
                    .position(|r| *r == AgendaRow::Stage(to))
                    .unwrap_or(0);
            }
        }
        _ => {}
    }
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
            match s.set_detail(d, &value, lang) {
                Ok(()) => {}
                Err(e) => {
                    warn(app, e, now);
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
    let Some(n) = app.session().map(|s| s.agenda.len()) else {
        return;
    };
    let at = after.map_or(n, |i| (i + 1).min(n));
    let stage = m.to_stage(&lang, &mut app.ids);
    let label = t!(app.lang, "undo-stage-added", title = stage.title.as_str());
    let op = Op::Insert {
        at,
        item: Item::Stage(stage),
    };
    if !commit(app, label, vec![op], now, fx) {
        return;
    }
    let row = app
        .agenda_rows()
        .iter()
        .position(|r| *r == AgendaRow::Stage(at))
        .unwrap_or(0);
    app.setup.agenda_row = row;
    let text = t!(app.lang, "msg-method-added", name = m.name.get(&lang));
    say(app, text, now);
}

/// A break of 15 minutes after the stage at `after` (at the end when
/// none), selected: `E` renames it ("Lunch"), `+`/`-` on its step change
/// its minutes.
fn add_break(app: &mut App, after: Option<usize>, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(n) = app.session().map(|s| s.agenda.len()) else {
        return;
    };
    let at = after.map_or(n, |i| (i + 1).min(n));
    let title = tr(app.lang, "agenda-break-title");
    let stage = crate::model::Stage::new_break(title.clone(), 15, &mut app.ids);
    let label = t!(app.lang, "undo-stage-added", title = title.as_str());
    let op = Op::Insert {
        at,
        item: Item::Stage(stage),
    };
    if commit(app, label, vec![op], now, fx) {
        let rows = app.agenda_rows();
        app.setup.agenda_row = rows
            .iter()
            .position(|r| *r == AgendaRow::Stage(at))
            .unwrap_or(0);
        say(app, tr(app.lang, "agenda-break-added"), now);
    }
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

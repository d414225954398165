//! Facilitation and the projector: the timer and the current step.

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::tr;
use crate::model::{Timer, Timestamp};

pub(crate) const FLASH_SECONDS: i64 = 3;

pub(crate) fn tick(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(s) = app.session() else { return };
    if let Timer::Running { deadline } = s.run.timer
        && now >= deadline
    {
        let step = s.run.step.clone().unwrap_or_default();
        if app.facilitate.rang_for.as_ref() != Some(&(step.clone(), deadline)) {
            app.facilitate.rang_for = Some((step, deadline));
            app.facilitate.flash_until = Some(now.plus_seconds(FLASH_SECONDS));
            fx.push(Effect::Bell);
        }
    }
    if app.facilitate.flash_until.is_some_and(|t| now >= t) {
        app.facilitate.flash_until = None;
    }
}

pub(crate) fn timer_action(
    app: &mut App,
    action: Action,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> bool {
    let needs_agenda = matches!(
        action,
        Action::TimerToggle
            | Action::NextStep
            | Action::PrevStep
            | Action::AddMinute
            | Action::RemoveMinute
            | Action::NextStage
            | Action::PrevStage
    );
    if !needs_agenda {
        return false;
    }
    if app
        .session()
        .is_none_or(|s| s.agenda.iter().all(|st| st.steps.is_empty()))
    {
        let text = tr(app.lang, "msg-agenda-empty");
        warn(app, text, now);
        return true;
    }
    // `]` while the timer runs starts the next step's (unless config.ron
    // says `next_step_starts_timer: false`).
    let follow = !app.ctx.next_step_waits;
    let Some(s) = edit(app, now, fx) else {
        return true;
    };
    match action {
        Action::TimerToggle => {
            s.timer_toggle(now);
        }
        Action::NextStep => {
            let (was_running, before) = (s.timer_running(), s.current_or_first());
            s.next_step(now);
            let moved = s.current().is_some() && s.current() != before;
            if was_running && moved && follow {
                s.timer_start(now);
            }
        }
        Action::PrevStep => {
            s.prev_step(now);
        }
        Action::AddMinute => {
            s.timer_adjust(60);
        }
        Action::RemoveMinute => {
            s.timer_adjust(-60);
        }
        Action::NextStage | Action::PrevStage => {
            let cur = s.current_or_first().map_or(0, |p| p.stage);
            let n = s.agenda.len();
            let target = if action == Action::NextStage {
                (cur + 1..n).find(|&i| !s.agenda[i].steps.is_empty())
            } else {
                (0..cur).rev().find(|&i| !s.agenda[i].steps.is_empty())
            };
            if let Some(t) = target {
                s.go_to_stage(t, now);
            }
        }
        _ => {}
    }
    let cur = app.session().and_then(|s| s.current()).map(|p| p.stage);
    app.facilitate.cursor = cur;
    app.facilitate.flash_until = None;
    true
}

pub(crate) fn facilitate_action(
    app: &mut App,
    action: Action,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    if timer_action(app, action, now, fx) {
        return;
    }
    let n = app.session().map_or(0, |s| s.agenda.len());
    match action {
        Action::NextPane | Action::PrevPane => {
            app.facilitate.focus_agenda = !app.facilitate.focus_agenda;
            if app.facilitate.cursor.is_none() {
                app.facilitate.cursor = app
                    .session()
                    .and_then(|s| s.current_or_first())
                    .map(|p| p.stage);
            }
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            app.facilitate.focus_agenda = true;
            let mut c = app
                .facilitate
                .cursor
                .or_else(|| {
                    app.session()
                        .and_then(|s| s.current_or_first())
                        .map(|p| p.stage)
                })
                .unwrap_or(0);
            move_sel(&mut c, n, action);
            app.facilitate.cursor = Some(c);
        }
        Action::Select => {
            if let Some(c) = app
                .facilitate
                .cursor
                .filter(|_| app.facilitate.focus_agenda)
                && let Some(s) = edit(app, now, fx)
                && !s.go_to_stage(c, now)
                && s.agenda.get(c).is_some_and(|st| st.steps.is_empty())
            {
                let text = tr(app.lang, "msg-stage-has-no-steps");
                warn(app, text, now);
            }
        }
        Action::Back => {
            if app.facilitate.focus_agenda {
                app.facilitate.focus_agenda = false;
            } else {
                go_home(app, fx);
            }
        }
        _ => {}
    }
}

pub(crate) fn projector_action(
    app: &mut App,
    action: Action,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    if timer_action(app, action, now, fx) {
        return;
    }
    if matches!(action, Action::Back | Action::Projector) {
        app.screen = app.previous;
    }
}

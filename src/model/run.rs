//! Running the agenda: the current step, its countdown, and the actual
//! start and end times of stages and steps. Pure: `now` is always given.

use super::{Id, Session, Timer, Timestamp};

/// Where a step stands in the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepPos {
    pub stage: usize,
    pub step: usize,
}

impl Session {
    /// The position of the current step, if the run points at one.
    pub fn current(&self) -> Option<StepPos> {
        let step = self.run.step.as_ref()?;
        self.agenda.iter().enumerate().find_map(|(si, st)| {
            st.steps
                .iter()
                .position(|x| &x.id == step)
                .map(|i| StepPos { stage: si, step: i })
        })
    }

    /// The current position, or the first step of the agenda.
    pub fn current_or_first(&self) -> Option<StepPos> {
        self.current().or_else(|| self.first_step())
    }

    fn first_step(&self) -> Option<StepPos> {
        self.agenda
            .iter()
            .position(|st| !st.steps.is_empty())
            .map(|stage| StepPos { stage, step: 0 })
    }

    /// Planned seconds of the step at `pos`.
    pub fn planned_seconds(&self, pos: StepPos) -> i64 {
        self.agenda
            .get(pos.stage)
            .and_then(|st| st.steps.get(pos.step))
            .map_or(0, |s| i64::from(s.minutes) * 60)
    }

    /// Seconds left on the current step's timer (negative when overrun).
    pub fn remaining(&self, now: Timestamp) -> i64 {
        match self.run.timer {
            Timer::Idle => self
                .current_or_first()
                .map_or(0, |p| self.planned_seconds(p)),
            Timer::Running { deadline } => now.seconds_until(deadline),
            Timer::Paused { remaining } => remaining,
        }
    }

    pub fn timer_running(&self) -> bool {
        matches!(self.run.timer, Timer::Running { .. })
    }

    fn set_current(&mut self, pos: StepPos) {
        let stage = &self.agenda[pos.stage];
        self.run.stage = Some(stage.id.clone());
        self.run.step = Some(stage.steps[pos.step].id.clone());
    }

    /// Start (or resume) the countdown of the current step.
    pub fn timer_start(&mut self, now: Timestamp) -> bool {
        let Some(pos) = self.current_or_first() else {
            return false;
        };
        self.set_current(pos);
        let remaining = match self.run.timer {
            Timer::Running { .. } => return false,
            Timer::Idle => self.planned_seconds(pos),
            Timer::Paused { remaining } => remaining,
        };
        self.run.timer = Timer::Running {
            deadline: now.plus_seconds(remaining),
        };
        let stage = &mut self.agenda[pos.stage];
        stage.started.get_or_insert(now);
        stage.ended = None;
        let step = &mut stage.steps[pos.step];
        step.started.get_or_insert(now);
        step.ended = None;
        true
    }

    pub fn timer_pause(&mut self, now: Timestamp) -> bool {
        if let Timer::Running { deadline } = self.run.timer {
            self.run.timer = Timer::Paused {
                remaining: now.seconds_until(deadline),
            };
            true
        } else {
            false
        }
    }

    pub fn timer_toggle(&mut self, now: Timestamp) -> bool {
        if self.timer_running() {
            self.timer_pause(now)
        } else {
            self.timer_start(now)
        }
    }

    /// Add (or, negative, remove) seconds. An idle timer changes the step's
    /// planned minutes instead (never below one minute).
    pub fn timer_adjust(&mut self, secs: i64) -> bool {
        match &mut self.run.timer {
            Timer::Running { deadline } => {
                *deadline = deadline.plus_seconds(secs);
                true
            }
            Timer::Paused { remaining } => {
                *remaining += secs;
                true
            }
            Timer::Idle => {
                let Some(pos) = self.current_or_first() else {
                    return false;
                };
                let step = &mut self.agenda[pos.stage].steps[pos.step];
                let minutes = (i64::from(step.minutes) + secs / 60).clamp(1, 24 * 60);
                let changed = i64::from(step.minutes) != minutes;
                step.minutes = minutes as u32;
                changed
            }
        }
    }

    /// Close the current step (and its stage if leaving it) at `now`.
    fn leave(&mut self, pos: StepPos, to: Option<StepPos>, now: Timestamp) {
        let stage = &mut self.agenda[pos.stage];
        let step = &mut stage.steps[pos.step];
        if step.started.is_some() {
            step.ended = Some(now);
        }
        let leaving_stage = to.is_none_or(|t| t.stage != pos.stage);
        if leaving_stage && stage.started.is_some() {
            stage.ended = Some(now);
        }
    }

    /// Move to the step at `to`. The timer of the new step is idle.
    pub fn go_to(&mut self, to: StepPos, now: Timestamp) -> bool {
        if to.stage >= self.agenda.len() || to.step >= self.agenda[to.stage].steps.len() {
            return false;
        }
        if let Some(pos) = self.current() {
            if pos == to {
                return false;
            }
            self.leave(pos, Some(to), now);
        }
        self.set_current(to);
        self.run.timer = Timer::Idle;
        true
    }

    /// The step after `pos`, across stages.
    pub fn next_pos(&self, pos: StepPos) -> Option<StepPos> {
        if pos.step + 1 < self.agenda.get(pos.stage)?.steps.len() {
            return Some(StepPos {
                stage: pos.stage,
                step: pos.step + 1,
            });
        }
        (pos.stage + 1..self.agenda.len())
            .find(|&s| !self.agenda[s].steps.is_empty())
            .map(|stage| StepPos { stage, step: 0 })
    }

    /// The step before `pos`, across stages.
    pub fn prev_pos(&self, pos: StepPos) -> Option<StepPos> {
        if pos.step > 0 {
            return Some(StepPos {
                stage: pos.stage,
                step: pos.step - 1,
            });
        }
        (0..pos.stage)
            .rev()
            .find(|&s| !self.agenda[s].steps.is_empty())
            .map(|stage| StepPos {
                stage,
                step: self.agenda[stage].steps.len() - 1,
            })
    }

    /// Skip to the next step. At the last step, closes it and the stage.
    pub fn next_step(&mut self, now: Timestamp) -> bool {
        let Some(pos) = self.current_or_first() else {
            return false;
        };
        if self.current().is_none() {
            // The first step shows as current: move on from it.
            self.set_current(pos);
        }
        match self.next_pos(pos) {
            Some(to) => self.go_to(to, now),
            None => {
                let was_running = self.timer_running();
                self.leave(pos, None, now);
                self.run.timer = Timer::Idle;
                was_running
            }
        }
    }

    pub fn prev_step(&mut self, now: Timestamp) -> bool {
        let Some(pos) = self.current_or_first() else {
            return false;
        };
        match self.prev_pos(pos) {
            Some(to) => self.go_to(to, now),
            None => false,
        }
    }

    /// Move to the first step of stage `stage` (any stage, forwards or back).
    pub fn go_to_stage(&mut self, stage: usize, now: Timestamp) -> bool {
        if self.agenda.get(stage).is_none_or(|s| s.steps.is_empty()) {
            return false;
        }
        self.go_to(StepPos { stage, step: 0 }, now)
    }

    /// The id of the current stage, for new notes and stickies.
    pub fn current_stage_id(&self) -> Option<Id> {
        self.current_or_first()
            .map(|p| self.agenda[p.stage].id.clone())
    }

    /// Actual minutes of the step at `pos`: from its start to its end, or to
    /// `now` while its timer counts; `None` if it never started.
    pub fn step_actual_minutes(&self, pos: StepPos, now: Timestamp) -> Option<i64> {
        let step = self.agenda.get(pos.stage)?.steps.get(pos.step)?;
        if self.current() == Some(pos)
            && step.ended.is_none()
            && let Timer::Paused { remaining } = self.run.timer
        {
            // Paused: what ran is what was planned minus what is left (the
            // pause itself, however long, does not count).
            return step
                .started
                .map(|_| ((self.planned_seconds(pos) - remaining).max(0) + 30) / 60);
        }
        let live = self.current() == Some(pos) && matches!(self.run.timer, Timer::Running { .. });
        let end = step.ended.or(if live { Some(now) } else { None });
        match end {
            Some(end) => Self::actual_minutes(step.started, Some(end), now),
            // Started, left without an end (a crash before the move): count nothing.
            None => step.started.map(|_| 0),
        }
    }

    /// Actual minutes of a stage: the sum of its steps' actual minutes
    /// (a stage reopened months later does not count the months between).
    pub fn stage_actual_minutes(&self, stage: usize, now: Timestamp) -> Option<i64> {
        let st = self.agenda.get(stage)?;
        st.started?;
        Some(
            (0..st.steps.len())
                .filter_map(|step| self.step_actual_minutes(StepPos { stage, step }, now))
                .sum(),
        )
    }

    /// Actual minutes of a stage or step that ran (rounded), if it did.
    pub fn actual_minutes(
        started: Option<Timestamp>,
        ended: Option<Timestamp>,
        now: Timestamp,
    ) -> Option<i64> {
        let start = started?;
        let end = ended.unwrap_or(now);
        Some((start.seconds_until(end) + 30).max(0) / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stage, StageKind, Step};

    fn t(secs: i64) -> Timestamp {
        Timestamp::from_unix(1_780_000_000 + secs).unwrap_or_else(Timestamp::now)
    }

    fn session() -> Session {
        let mut s = Session::new(crate::model::Id::new(), "t");
        for (i, minutes) in [[5u32, 10], [3, 2]].iter().enumerate() {
            s.agenda.push(Stage {
                id: Id(format!("stage{i}")),
                method: String::new(),
                title: format!("Stage {i}"),
                kind: StageKind::Opening,
                steps: minutes
                    .iter()
                    .enumerate()
                    .map(|(j, m)| Step {
                        id: Id(format!("step{i}{j}")),
                        title: format!("Step {i}.{j}"),
                        minutes: *m,
                        prompt: String::new(),
                        produces: vec![],
                        started: None,
                        ended: None,
                    })
                    .collect(),
                started: None,
                ended: None,
            });
        }
        s
    }

    #[test]
    fn idle_timer_shows_the_planned_time_of_the_first_step() {
        let s = session();
        assert_eq!(s.remaining(t(0)), 300);
        assert_eq!(s.current(), None);
        assert_eq!(s.current_or_first(), Some(StepPos { stage: 0, step: 0 }));
    }

    #[test]
    fn start_pause_resume_counts_wall_clock_time() {
        let mut s = session();
        assert!(s.timer_start(t(0)));
        assert_eq!(s.remaining(t(60)), 240);
        assert!(s.timer_pause(t(100)));
        assert_eq!(s.remaining(t(1000)), 200, "paused time does not count");
        assert!(s.timer_start(t(1000)));
        assert_eq!(s.remaining(t(1050)), 150);
        assert_eq!(s.agenda[0].started, Some(t(0)));
        assert_eq!(s.agenda[0].steps[0].started, Some(t(0)));
    }

    #[test]
    fn overrun_is_negative_and_extend_adds_a_minute() {
        let mut s = session();
        s.timer_start(t(0));
        assert_eq!(s.remaining(t(330)), -30);
        s.timer_adjust(60);
        assert_eq!(s.remaining(t(330)), 30);
        s.timer_adjust(-120);
        assert_eq!(s.remaining(t(330)), -90);
    }

    #[test]
    fn a_restart_resumes_from_the_stored_deadline() {
        let mut s = session();
        s.timer_start(t(0));
        let text = crate::store::to_ron(&s).unwrap_or_default();
        let back = crate::store::load_str("x", &text);
        assert!(back.is_ok(), "{back:?}");
        if let Ok(back) = back {
            // Ten minutes later (laptop suspended, app restarted): 5 min step overran by 5.
            assert_eq!(back.remaining(t(600)), -300);
        }
    }

    #[test]
    fn adjusting_an_idle_timer_changes_planned_minutes_never_below_one() {
        let mut s = session();
        assert!(s.timer_adjust(60));
        assert_eq!(s.agenda[0].steps[0].minutes, 6);
        for _ in 0..10 {
            s.timer_adjust(-60);
        }
        assert_eq!(s.agenda[0].steps[0].minutes, 1);
    }

    #[test]
    fn next_and_previous_steps_cross_stages_and_record_times() {
        let mut s = session();
        s.timer_start(t(0));
        assert!(s.next_step(t(310)));
        assert_eq!(s.current(), Some(StepPos { stage: 0, step: 1 }));
        assert_eq!(s.agenda[0].steps[0].ended, Some(t(310)));
        assert_eq!(s.run.timer, Timer::Idle);
        s.timer_start(t(320));
        assert!(s.next_step(t(900)));
        assert_eq!(s.current(), Some(StepPos { stage: 1, step: 0 }));
        assert_eq!(s.agenda[0].ended, Some(t(900)), "leaving a stage closes it");
        assert!(s.prev_step(t(910)));
        assert_eq!(s.current(), Some(StepPos { stage: 0, step: 1 }));
        assert!(s.go_to_stage(1, t(920)));
        assert!(s.go_to_stage(0, t(930)), "going back is always possible");
        assert_eq!(s.current(), Some(StepPos { stage: 0, step: 0 }));
        assert!(!s.prev_step(t(940)), "nothing before the first step");
    }

    #[test]
    fn restarting_a_step_keeps_its_first_start() {
        let mut s = session();
        s.timer_start(t(0));
        s.next_step(t(100));
        s.prev_step(t(200));
        s.timer_start(t(300));
        assert_eq!(s.agenda[0].steps[0].started, Some(t(0)));
        assert_eq!(s.agenda[0].steps[0].ended, None, "running again");
    }

    #[test]
    fn an_unfinished_stage_counts_up_to_its_last_step_not_to_now() {
        let mut s = session();
        s.timer_start(t(0));
        s.next_step(t(300));
        s.timer_start(t(300));
        s.timer_pause(t(400));
        s.run = crate::model::Run::default();
        // Months later, nothing runs: the stage ran from 0 to its last mark (300 + start of step 2).
        assert_eq!(s.stage_actual_minutes(0, t(10_000_000)), Some(5));
        assert_eq!(
            s.step_actual_minutes(StepPos { stage: 0, step: 0 }, t(10_000_000)),
            Some(5)
        );
        assert_eq!(
            s.step_actual_minutes(StepPos { stage: 0, step: 1 }, t(10_000_000)),
            Some(0)
        );
        assert_eq!(s.stage_actual_minutes(1, t(10_000_000)), None);
    }

    #[test]
    fn a_paused_step_counts_what_ran_not_the_pause() {
        let mut s = session();
        s.timer_start(t(0));
        s.timer_pause(t(120));
        // Reopened months later: two minutes ran, whatever the pause.
        assert_eq!(
            s.step_actual_minutes(StepPos { stage: 0, step: 0 }, t(10_000_000)),
            Some(2)
        );
        assert_eq!(s.stage_actual_minutes(0, t(10_000_000)), Some(2));
    }

    #[test]
    fn a_running_step_counts_to_now() {
        let mut s = session();
        s.timer_start(t(0));
        assert_eq!(
            s.step_actual_minutes(StepPos { stage: 0, step: 0 }, t(120)),
            Some(2)
        );
        assert_eq!(s.stage_actual_minutes(0, t(120)), Some(2));
    }

    #[test]
    fn actual_minutes_round_to_the_nearest_minute() {
        assert_eq!(
            Session::actual_minutes(Some(t(0)), Some(t(89)), t(0)),
            Some(1)
        );
        assert_eq!(
            Session::actual_minutes(Some(t(0)), Some(t(90)), t(0)),
            Some(2)
        );
        assert_eq!(Session::actual_minutes(Some(t(0)), None, t(600)), Some(10));
        assert_eq!(Session::actual_minutes(None, None, t(600)), None);
    }
}

//! Drawing: one widget per screen, all reading `&App` and changing nothing.

mod actions;
mod board;
mod collect;
mod conflicts;
pub mod evidence;
mod facilitate;
mod help;
mod home;
mod notes;
mod popups;
mod projector;
mod setup;
mod suggest;
pub mod theme;
mod wall;
pub mod widgets;

use crate::app::Action;
use crate::app::keymap::Context;
use crate::app::state::{App, SaveStatus, Screen};
use crate::i18n::{key_label, tr};
use crate::t;
use ratatui::prelude::*;
use ratatui::widgets::Paragraph;
use widgets::{fit, safe_line};

/// Draw the whole app.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    AppView(app).render(area, frame.buffer_mut());
}

/// The whole screen as a widget (tests render it on a `TestBackend`).
pub struct AppView<'a>(pub &'a App);

impl Widget for AppView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        if area.width == 0 || area.height == 0 {
            return;
        }
        if app.screen == Screen::Projector && app.doc.is_some() {
            projector::Projector(app).render(area, buf);
        } else {
            let [top, body, status] = if area.height >= 3 {
                Layout::vertical([
                    Constraint::Length(1),
                    Constraint::Min(0),
                    Constraint::Length(1),
                ])
                .areas(area)
            } else {
                [Rect::default(), area, Rect::default()]
            };
            TopBar(app).render(top, buf);
            match app.screen {
                Screen::Home => home::HomeView(app).render(body, buf),
                Screen::Setup => setup::SetupView(app).render(body, buf),
                Screen::Facilitate => facilitate::FacilitateView(app).render(body, buf),
                Screen::Notes => notes::NotesView(app).render(body, buf),
                Screen::Board => board::BoardView(app).render(body, buf),
                Screen::Actions => actions::ActionsView(app).render(body, buf),
                Screen::Projector => home::HomeView(app).render(body, buf),
            }
            let status = collect::status_badge(app, status, buf);
            StatusBar(app).render(status, buf);
        }
        popups::Popups(app).render(area, buf);
    }
}

struct TopBar<'a>(&'a App);

impl Widget for TopBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let app = self.0;
        let t = &app.theme;
        let lang = app.lang;
        let screen = match app.screen {
            Screen::Home => tr(lang, "screen-home"),
            Screen::Setup => tr(lang, "screen-setup"),
            Screen::Facilitate => tr(lang, "screen-facilitate"),
            Screen::Projector => tr(lang, "screen-projector"),
            Screen::Notes => tr(lang, "screen-notes"),
            Screen::Board => tr(lang, "screen-board"),
            Screen::Actions => tr(lang, "screen-actions"),
        };
        let mut spans = vec![
            Span::styled(" atelier ", t.title),
            Span::styled(format!("· {screen} "), t.muted),
        ];
        // The session's title, cut at a word with an ellipsis to leave
        // room for the save status (measured below, so kept apart here).
        let mut title = None;
        if let Some(doc) = &app.doc {
            spans.push(Span::styled("· ", t.muted));
            title = Some(spans.len());
            spans.push(Span::styled(
                safe_line(&doc.session.title).into_owned(),
                t.accent,
            ));
            if doc.read_only.is_some() {
                spans.push(Span::styled(
                    format!(" [{}]", tr(lang, "top-read-only-mark")),
                    t.warning,
                ));
            }
        }
        let save = app
            .doc
            .as_ref()
            .map(|doc| match (&doc.save, &doc.read_only) {
                (_, Some(_)) => Span::styled(format!(" {} ", tr(lang, "top-read-only")), t.muted),
                (SaveStatus::Saving, _) => {
                    Span::styled(format!(" {} ", tr(lang, "top-saving")), t.muted)
                }
                (SaveStatus::Saved(Some(at)), _) => Span::styled(
                    format!(
                        " {} ",
                        t!(lang, "top-saved-at", time = at.clock(&app.zone()))
                    ),
                    t.ok,
                ),
                (SaveStatus::Saved(None), _) => {
                    Span::styled(format!(" {} ", tr(lang, "top-saved")), t.ok)
                }
                (SaveStatus::Failed(_), _) => {
                    Span::styled(format!(" {} ", tr(lang, "top-not-saved")), t.error)
                }
                (SaveStatus::Conflict(_), _) => {
                    Span::styled(format!(" {} ", tr(lang, "top-conflict-copy")), t.warning)
                }
            });
        let right_w = save.as_ref().map_or(0, |s| s.width() as u16);
        if let Some(i) = title {
            let others: usize = spans
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != i)
                .map(|(_, s)| s.width())
                .sum();
            let room = (area.width.saturating_sub(right_w) as usize).saturating_sub(others + 1);
            let shown = widgets::shorten(&spans[i].content, room);
            spans[i].content = shown.into();
        }
        let left = Rect {
            width: area.width.saturating_sub(right_w),
            ..area
        };
        Paragraph::new(Line::from(spans)).render(left, buf);
        if let Some(s) = save
            && right_w <= area.width
        {
            let r = Rect {
                x: area.x + area.width - right_w,
                width: right_w,
                ..area
            };
            Paragraph::new(Line::from(s)).render(r, buf);
        }
    }
}

struct StatusBar<'a>(&'a App);

/// The few keys worth showing at the bottom of each screen.
fn hints(ctx: Context) -> &'static [Action] {
    use Action::*;
    match ctx {
        Context::Home => &[
            Select,
            OpenDemo,
            NewSession,
            ForgetSession,
            NextPane,
            Help,
            Quit,
        ],
        Context::Setup => &[
            NextPane,
            Add,
            Edit,
            Delete,
            Cycle,
            AddMinute,
            GoFacilitate,
            Help,
        ],
        Context::Facilitate => &[
            TimerToggle,
            NextStep,
            PrevStep,
            AddMinute,
            NewNote,
            NewSticky,
            GoBoard,
            Projector,
            GoSetup,
            Help,
        ],
        Context::Projector => &[TimerToggle, NextStep, AddMinute, Back],
        Context::Notes => &[Left, Right, Edit, Delete, NewNote, MakeAction, Back, Help],
        Context::Editor => &[Submit, NextField, Cancel],
        Context::Picker => &[Submit, Cancel],
        Context::Global => &[Help, Quit],
        Context::Board => &[
            Mark, MoveTo, NewCluster, Rename, Vote, Suggest, MakeAction, Undo, Search, Help,
        ],
        Context::Suggest => &[Submit, Edit, Reject, Tighter, Looser, Cycle, Cancel],
        Context::Conflicts => &[KeepThis, TakeOther, Cancel],
        Context::Capture => &[NextParticipant, CycleColour, Cancel],
        Context::Search => &[Submit, Cancel],
        Context::Results => &[Cancel],
        Context::Tray => collect::HINTS,
        Context::Actions => &[Add, Edit, Delete, Cycle, Undo, Back, Help],
        Context::Review => &[Comment, Help],
    }
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let app = self.0;
        let t = &app.theme;
        if let Some(m) = &app.message {
            let style = if m.error { t.error } else { t.accent };
            let text = fit(&safe_line(&m.text), area.width as usize);
            Paragraph::new(Line::styled(format!(" {text}"), style)).render(area, buf);
            return;
        }
        if let Some(doc) = &app.doc
            && let SaveStatus::Failed(e) | SaveStatus::Conflict(e) = &doc.save
        {
            let text = fit(&safe_line(e), area.width as usize);
            Paragraph::new(Line::styled(format!(" {text}"), t.error)).render(area, buf);
            return;
        }
        let ctx = app.context();
        // Reviewing: only what a participant can do.
        const REVIEW: &[Action] = &[
            Action::Comment,
            Action::GoBoard,
            Action::GoNotes,
            Action::GoFacilitate,
            Action::Search,
            Action::Help,
            Action::Quit,
        ];
        let review = app.doc.as_ref().is_some_and(|d| d.review)
            && matches!(
                ctx,
                Context::Facilitate | Context::Board | Context::Notes | Context::Setup
            );
        // Voting: the round's keys (`I`: anonymous ballots from phones).
        const VOTING: &[Action] = &[
            Action::VoteAdd,
            Action::VoteRemove,
            Action::NextParticipant,
            Action::Results,
            Action::ToggleAnonymous,
            Action::VoteOnClusters,
            Action::NewRound,
            Action::Vote,
            Action::Help,
        ];
        let voting = ctx == Context::Board && app.board.voting.is_some();
        let list = if review {
            REVIEW
        } else if voting {
            VOTING
        } else {
            hints(ctx)
        };
        // A one-line field has no next field (but the attach field's Tab
        // completes the path, and the action form's moves to its next part).
        let one_field = app.editor.is_none()
            && app.field.as_ref().is_some_and(|f| {
                use crate::app::state::FieldPurpose as P;
                !matches!(
                    f.purpose,
                    P::Attach(_) | P::ActionText(_) | P::ActionOwner(_) | P::ActionDue(_)
                )
            });
        let pairs: Vec<(Action, Span, Span)> = list
            .iter()
            .filter(|a| !(one_field && **a == Action::NextField))
            .filter_map(|a| {
                let k = app.keymap.key_for(ctx, *a)?;
                Some((
                    *a,
                    Span::styled(format!(" {}", key_label(app.lang, &k)), t.key),
                    Span::styled(
                        format!(
                            " {} ",
                            wall::voting_short(app.lang, *a)
                                .filter(|_| voting)
                                .unwrap_or_else(|| short(app.lang, *a))
                        ),
                        t.muted,
                    ),
                ))
            })
            .collect();
        // Too long for the line (a narrow terminal, longer words): drop
        // hints from the end, but keep the one that opens the help.
        let mut total: usize = pairs.iter().map(|(_, k, w)| k.width() + w.width()).sum();
        let mut keep = vec![true; pairs.len()];
        for (i, (a, k, w)) in pairs.iter().enumerate().rev() {
            // The last hint's trailing space may fall off the edge.
            if total <= area.width as usize + 1 {
                break;
            }
            if *a != Action::Help {
                keep[i] = false;
                total -= k.width() + w.width();
            }
        }
        let spans: Vec<Span> = pairs
            .into_iter()
            .zip(keep)
            .filter(|(_, keep)| *keep)
            .flat_map(|((_, k, w), _)| [k, w])
            .collect();
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}

/// A word or two for the status bar.
fn short(lang: &str, a: Action) -> String {
    use Action::*;
    match a {
        Select => tr(lang, "hint-select"),
        OpenDemo => tr(lang, "hint-open-demo"),
        NewSession => tr(lang, "hint-new-session"),
        ForgetSession => tr(lang, "hint-forget-session"),
        NextPane => tr(lang, "hint-next-pane"),
        Help => tr(lang, "hint-help"),
        Quit => tr(lang, "hint-quit"),
        Add => tr(lang, "hint-add"),
        Edit => tr(lang, "hint-edit"),
        Delete => tr(lang, "hint-delete"),
        Cycle => tr(lang, "hint-cycle"),
        AddMinute => tr(lang, "hint-add-minute"),
        GoFacilitate => tr(lang, "hint-go-facilitate"),
        TimerToggle => tr(lang, "hint-timer-toggle"),
        NextStep => tr(lang, "hint-next-step"),
        PrevStep => tr(lang, "hint-prev-step"),
        NewNote => tr(lang, "hint-new-note"),
        Projector => tr(lang, "hint-projector"),
        GoSetup => tr(lang, "hint-go-setup"),
        NewSticky => tr(lang, "hint-new-sticky"),
        GoBoard => tr(lang, "hint-go-board"),
        Left => tr(lang, "hint-left"),
        Right => tr(lang, "hint-right"),
        Back => tr(lang, "hint-back"),
        Submit => tr(lang, "hint-submit"),
        NextField => tr(lang, "hint-next-field"),
        Cancel => tr(lang, "hint-cancel"),
        Mark => tr(lang, "hint-mark"),
        MoveTo => tr(lang, "hint-move-to"),
        NewCluster => tr(lang, "hint-new-cluster"),
        Rename => tr(lang, "hint-rename"),
        Vote => tr(lang, "hint-vote"),
        Undo => tr(lang, "hint-undo"),
        Search => tr(lang, "hint-search"),
        NextParticipant => tr(lang, "hint-next-participant"),
        CycleColour => tr(lang, "hint-cycle-colour"),
        Suggest => tr(lang, "hint-suggest"),
        Comment => tr(lang, "hint-comment"),
        GoNotes => tr(lang, "hint-go-notes"),
        Reject => tr(lang, "hint-reject"),
        Tighter => tr(lang, "hint-tighter"),
        Looser => tr(lang, "hint-looser"),
        KeepThis => tr(lang, "hint-keep-this"),
        TakeOther => tr(lang, "hint-take-other"),
        MakeAction => tr(lang, "hint-make-action"),
        GoActions => tr(lang, "hint-go-actions"),
        _ => collect::short(lang, a),
    }
}

//! Evidence of the day in the app: attaching photos, videos and audio (a
//! path field with completion; a folder imports all its media), and the
//! prototypes of the current stage with their verdicts and feedback.

use crate::app::action::Action;
use crate::app::drafts::{DraftKey, field};
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::index::*;
use crate::app::kit::*;
use crate::app::state::{App, FieldPurpose, Screen};
use crate::model::{Attachment, Id, Item, Op, Prototype, Timestamp, Verdict};
use crate::t;
use tui_input::Input;

fn read_only(app: &mut App, now: Timestamp) -> bool {
    if let Some(why) = app.doc.as_ref().and_then(|d| d.read_only.clone()) {
        let text = t!(app.lang, "msg-read-only", why = why);
        warn(app, text, now);
        return true;
    }
    false
}

/// What an attachment made now belongs to: the selected sticky or cluster
/// on the board, the selected prototype, else the current stage.
fn target(app: &App) -> Option<Id> {
    let s = app.session()?;
    match app.screen {
        Screen::Board => {
            if let Some(i) = selected_sticky(app) {
                return Some(s.stickies[i].id.clone());
            }
            match app.index.columns.get(app.board.col).map(|c| &c.place) {
                Some(crate::model::Place::Cluster(id)) => Some(id.clone()),
                _ => None,
            }
        }
        _ => current_prototype(app)
            .map(|p| p.id.clone())
            .or_else(|| s.current_stage_id()),
    }
}

/// The prototypes of the current stage, in order.
pub fn stage_prototypes(app: &App) -> Vec<&Prototype> {
    let Some(s) = app.session() else {
        return Vec::new();
    };
    let stage = s.current_stage_id();
    s.prototypes
        .iter()
        .filter(|p| p.stage == stage || stage.is_none())
        .collect()
}

pub fn current_prototype(app: &App) -> Option<&Prototype> {
    let list = stage_prototypes(app);
    let n = list.len();
    list.into_iter()
        .nth(app.facilitate.prototype.min(n.saturating_sub(1)))
}

pub fn action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) -> bool {
    match action {
        Action::Attach => {
            if read_only(app, now) {
                return true;
            }
            // A photo's caption left with Esc comes back first (its hint
            // names this key).
            if let Some((id, caption)) = kept_caption(app) {
                let title = t!(app.lang, "evidence-caption-field");
                let purpose = FieldPurpose::Caption(id);
                app.field = Some(field(&app.drafts, purpose, title, &caption));
                return true;
            }
            let to = target(app);
            let title = t!(app.lang, "evidence-attach-field");
            let start = app
                .ctx
                .home
                .as_ref()
                .map(|h| format!("{}/", h.display()))
                .unwrap_or_default();
            app.field = Some(field(&app.drafts, FieldPurpose::Attach(to), title, &start));
        }
        Action::NewPrototype if app.screen == Screen::Facilitate => {
            if read_only(app, now) {
                return true;
            }
            let title = t!(app.lang, "evidence-prototype-name");
            app.field = Some(field(&app.drafts, FieldPurpose::PrototypeName, title, ""));
        }
        Action::Verdict if app.screen == Screen::Facilitate => {
            let Some(mut p) = current_prototype(app).cloned() else {
                let text = t!(app.lang, "evidence-no-prototype");
                warn(app, text, now);
                return true;
            };
            p.verdict = match p.verdict {
                None => Some(Verdict::Keep),
                Some(Verdict::Keep) => Some(Verdict::Change),
                Some(Verdict::Change) => Some(Verdict::Drop),
                Some(Verdict::Drop) => None,
            };
            let label = t!(app.lang, "evidence-verdict-step", name = p.name.clone());
            let verdict = p.verdict.map_or_else(
                || t!(app.lang, "evidence-no-verdict"),
                |v| crate::i18n::verdict(app.lang, v),
            );
            let said = t!(
                app.lang,
                "evidence-verdict-now",
                name = p.name.clone(),
                verdict = verdict
            );
            if commit(app, label, vec![Op::Replace(Item::Prototype(p))], now, fx) {
                say(app, said, now);
            }
        }
        Action::Feedback | Action::EditPrototype if app.screen == Screen::Facilitate => {
            if read_only(app, now) {
                return true;
            }
            let Some(p) = current_prototype(app) else {
                let text = t!(app.lang, "evidence-no-prototype");
                warn(app, text, now);
                return true;
            };
            // Feedback is added to; what it tests (then its hypothesis) is edited.
            let (purpose, title, initial) = if action == Action::Feedback {
                let title = t!(app.lang, "evidence-feedback-field");
                (FieldPurpose::PrototypeFeedback(p.id.clone()), title, "")
            } else {
                let title = t!(app.lang, "evidence-prototype-tests");
                (FieldPurpose::PrototypeTests(p.id.clone()), title, &*p.tests)
            };
            app.field = Some(field(&app.drafts, purpose, title, initial));
        }
        Action::NextPrototype if app.screen == Screen::Facilitate => {
            let n = stage_prototypes(app).len();
            if n > 0 {
                app.facilitate.prototype = (app.facilitate.prototype + 1) % n;
            }
        }
        _ => return false,
    }
    true
}

/// A field of this module was submitted; false if it was not one of them.
pub fn submit(
    app: &mut App,
    purpose: &FieldPurpose,
    value: &str,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) -> bool {
    match purpose {
        FieldPurpose::Attach(to) => {
            if value.is_empty() {
                return true;
            }
            let path = app.ctx.typed_path(value);
            let text = t!(
                app.lang,
                "evidence-attaching",
                path = path.display().to_string()
            );
            say(app, text, now);
            fx.push(Effect::Attach {
                path,
                to: to.clone(),
            });
        }
        FieldPurpose::Caption(id) => submit_caption(app, id, value, now, fx),
        FieldPurpose::PrototypeName => {
            if value.is_empty() {
                return true;
            }
            let id = app.ids.next_id();
            let Some(s) = app.session() else { return true };
            let p = Prototype {
                id,
                name: value.to_owned(),
                stage: s.current_stage_id(),
                tests: String::new(),
                hypothesis: String::new(),
                feedback: Vec::new(),
                verdict: None,
            };
            let (id, at) = (p.id.clone(), s.prototypes.len());
            let label = t!(app.lang, "evidence-prototype-step", name = value.to_owned());
            if commit(
                app,
                label,
                vec![Op::Insert {
                    at,
                    item: Item::Prototype(p),
                }],
                now,
                fx,
            ) {
                app.facilitate.prototype = stage_prototypes(app).len().saturating_sub(1);
                let title = t!(app.lang, "evidence-prototype-tests");
                app.field = Some(field(
                    &app.drafts,
                    FieldPurpose::PrototypeTests(id),
                    title,
                    "",
                ));
            }
        }
        FieldPurpose::PrototypeTests(id)
        | FieldPurpose::PrototypeHypothesis(id)
        | FieldPurpose::PrototypeFeedback(id) => {
            let Some(mut p) = app
                .session()
                .and_then(|s| s.prototypes.iter().find(|p| &p.id == id))
                .cloned()
            else {
                return true;
            };
            match purpose {
                FieldPurpose::PrototypeTests(_) => p.tests = value.to_owned(),
                FieldPurpose::PrototypeHypothesis(_) => p.hypothesis = value.to_owned(),
                _ if !value.is_empty() => p.feedback.push(value.to_owned()),
                _ => return true,
            }
            let hypothesis = p.hypothesis.clone();
            let label = t!(app.lang, "evidence-prototype-edit", name = p.name.clone());
            commit(app, label, vec![Op::Replace(Item::Prototype(p))], now, fx);
            if let FieldPurpose::PrototypeTests(id) = purpose {
                let title = t!(app.lang, "evidence-prototype-hypothesis");
                app.field = Some(field(
                    &app.drafts,
                    FieldPurpose::PrototypeHypothesis(id.clone()),
                    title,
                    &hypothesis,
                ));
            }
        }
        _ => return false,
    }
    true
}

/// Files were copied into the media folder: record them (one undoable step).
pub fn attached(
    app: &mut App,
    result: Result<Vec<Attachment>, String>,
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    match result {
        Err(e) => {
            let text = t!(app.lang, "evidence-attach-failed", error = e);
            warn(app, text, now);
        }
        Ok(list) => {
            let Some(s) = app.session() else { return };
            let fresh: Vec<Attachment> = list
                .into_iter()
                .filter(|a| {
                    !s.attachments
                        .iter()
                        .any(|x| x.hash == a.hash && x.to == a.to && !a.hash.is_empty())
                })
                .collect();
            let n = fresh.len();
            // Attached to a prototype: said by name, and one photo's
            // caption asked (Enter keeps the file name).
            let prototype = fresh.first().and_then(|a| {
                let p = s.prototypes.iter().find(|p| Some(&p.id) == a.to.as_ref())?;
                Some((p.name.clone(), a.id.clone(), a.caption.clone()))
            });
            let base = s.attachments.len();
            let ops = fresh
                .into_iter()
                .enumerate()
                .map(|(i, a)| Op::Insert {
                    at: base + i,
                    item: Item::Attachment(a),
                })
                .collect();
            let label = t!(app.lang, "evidence-attach-step", n = n as i64);
            if !commit(app, label, ops, now, fx) {
                return;
            }
            let Some((name, id, caption)) = prototype else {
                let text = t!(app.lang, "evidence-attached", n = n as i64);
                return say(app, text, now);
            };
            let text = t!(
                app.lang,
                "evidence-attached-prototype",
                n = n as i64,
                name = name
            );
            say(app, text, now);
            if n == 1 {
                let title = t!(app.lang, "evidence-caption-field");
                app.field = Some(field(
                    &app.drafts,
                    FieldPurpose::Caption(id),
                    title,
                    &caption,
                ));
            }
        }
    }
}

/// The newest attachment whose caption was left with Esc, and its caption.
fn kept_caption(app: &App) -> Option<(Id, String)> {
    let session = app.session()?;
    session.attachments.iter().rev().find_map(|a| {
        let key = DraftKey::field(&FieldPurpose::Caption(a.id.clone()));
        app.drafts
            .get(&key)
            .map(|_| (a.id.clone(), a.caption.clone()))
    })
}

/// Enter on a photo's caption: changed as one undoable step (the same
/// text, or none, changes nothing).
fn submit_caption(app: &mut App, id: &Id, value: &str, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(mut a) = app
        .session()
        .and_then(|s| s.attachments.iter().find(|a| &a.id == id))
        .cloned()
    else {
        return;
    };
    if value.is_empty() || value == a.caption {
        return;
    }
    a.caption = value.to_owned();
    let label = t!(app.lang, "evidence-caption-step");
    commit(app, label, vec![Op::Replace(Item::Attachment(a))], now, fx);
}

/// Completion of a typed path: the longest common prefix of the matches,
/// and the matches (names) to show.
pub fn completed(app: &mut App, prefix: String, matches: Vec<String>, now: Timestamp) {
    let Some(field) = app.field.as_mut() else {
        return;
    };
    if !matches!(field.purpose, FieldPurpose::Attach(_)) || field.input.value() != prefix.as_str() {
        return;
    }
    if matches.is_empty() {
        let text = t!(app.lang, "evidence-no-completion");
        return say(app, text, now);
    }
    let dir_end = prefix.rfind('/').map_or(0, |i| i + 1);
    let common = matches.iter().skip(1).fold(matches[0].clone(), |acc, m| {
        acc.chars()
            .zip(m.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect()
    });
    let value = format!("{}{}", &prefix[..dir_end], common);
    field.input = Input::new(value);
    if matches.len() > 1 {
        let shown: Vec<&str> = matches.iter().take(8).map(String::as_str).collect();
        let more = if matches.len() > 8 { " …" } else { "" };
        say(app, format!("{}{more}", shown.join("  ")), now);
    }
}

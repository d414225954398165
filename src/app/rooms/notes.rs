//! The notes screen and the note editor.

use crate::app::action::Action;
use crate::app::drafts::{self, DraftKey, NotePart};
use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::tr;
use crate::model::{Id, Note, NoteKind, Session, Timestamp};
use crate::t;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

pub(crate) fn notes_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let stages = app.session().map_or(0, |s| s.agenda.len()) + 1;
    match action {
        Action::NextPane | Action::PrevPane => {
            app.notes.focus_list = !app.notes.focus_list;
            return;
        }
        Action::Left => {
            app.notes.stage = (app.notes.stage + stages - 1) % stages;
            app.notes.selected = 0;
            return;
        }
        Action::Right => {
            app.notes.stage = (app.notes.stage + 1) % stages;
            app.notes.selected = 0;
            return;
        }
        Action::Back => {
            app.screen = Screen::Facilitate;
            return;
        }
        _ => {}
    }
    let visible = app.visible_notes();
    if move_sel(&mut app.notes.selected, visible.len(), action) {
        return;
    }
    let Some(&idx) = visible.get(app.notes.selected) else {
        return;
    };
    match action {
        Action::Edit | Action::Select => {
            let id = app.session().map(|s| s.notes[idx].id.clone());
            open_note_editor(app, id, now);
        }
        Action::Delete => {
            let Some(id) = app.session().map(|s| s.notes[idx].id.clone()) else {
                return;
            };
            let op = crate::model::Op::Remove {
                kind: crate::model::Kind::Note,
                id,
            };
            let lang = app.lang;
            if commit(app, tr(lang, "undo-note-deleted"), vec![op], now, fx) {
                app.notes.selected = app.notes.selected.min(visible.len().saturating_sub(2));
                say(app, tr(lang, "msg-note-deleted"), now);
            }
        }
        _ => {}
    }
}

pub(crate) fn open_note_editor(app: &mut App, editing: Option<Id>, now: Timestamp) {
    let lang = app.lang;
    if let Some(why) = app.doc.as_ref().and_then(|d| d.read_only.clone()) {
        warn(app, t!(lang, "msg-read-only", why = why), now);
        return;
    }
    let Some(s) = app.session() else { return };
    let existing = editing
        .as_ref()
        .and_then(|id| s.notes.iter().find(|n| &n.id == id));
    let (text, kind, author, tags, stage) = match existing {
        Some(n) => (
            n.text.lines().map(str::to_owned).collect::<Vec<_>>(),
            n.kind,
            n.author
                .as_ref()
                .and_then(|a| s.participants.iter().position(|p| &p.id == a))
                .map_or(0, |i| i + 1),
            n.tags.join(", "),
            n.stage.clone(),
        ),
        None => (
            Vec::new(),
            NoteKind::Observation,
            0,
            String::new(),
            s.current_stage_id(),
        ),
    };
    let mut editor = NoteEditor {
        editing,
        stage,
        text: TextArea::new(if text.is_empty() {
            vec![String::new()]
        } else {
            text
        }),
        kind,
        author,
        tags: Input::new(tags),
        field: EditorField::Text,
        initial: Default::default(),
    };
    editor.initial = note_parts(s, &editor);
    // A draft kept for this note comes back, every part of it.
    let key = |part| DraftKey::note(editor.editing.as_ref(), part);
    if let Some(draft) = app.drafts.get(&key(NotePart::Text)) {
        let mut area = TextArea::new(draft.split('\n').map(str::to_owned).collect());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        editor.text = area;
    }
    if let Some(draft) = app.drafts.get(&key(NotePart::Kind))
        && let Some(k) = NoteKind::ALL.iter().find(|k| k.label() == draft)
    {
        editor.kind = *k;
    }
    if let Some(draft) = app.drafts.get(&key(NotePart::Author)) {
        editor.author = s
            .participants
            .iter()
            .position(|p| p.id.as_str() == draft)
            .map_or(0, |i| i + 1);
    }
    if let Some(draft) = app.drafts.get(&key(NotePart::Tags)) {
        editor.tags = Input::new(draft.to_owned());
    }
    editor
        .text
        .set_placeholder_text(tr(lang, "editor-placeholder"));
    app.editor = Some(editor);
}

/// The editor's parts as drafts keep them (`NotePart::ALL` order).
pub(crate) fn note_parts(s: &Session, ed: &NoteEditor) -> [String; 4] {
    [
        ed.text.lines().join("\n"),
        ed.kind.label().to_owned(),
        ed.author
            .checked_sub(1)
            .and_then(|i| s.participants.get(i))
            .map_or_else(String::new, |p| p.id.to_string()),
        ed.tags.value().to_owned(),
    ]
}

/// Esc on the note editor: every part is kept when text or tags were
/// typed and anything differs from how it opened; else the draft goes.
pub(crate) fn close_note(
    drafts: &mut drafts::Drafts,
    ed: &NoteEditor,
    parts: &[String; 4],
) -> bool {
    let typed = !parts[0].trim().is_empty() || !parts[3].trim().is_empty();
    let keep = typed && *parts != ed.initial;
    for (part, value) in NotePart::ALL.iter().zip(parts) {
        let key = DraftKey::note(ed.editing.as_ref(), *part);
        if keep {
            drafts.keep(&key, value.as_str());
        } else {
            drafts.clear(&key);
        }
    }
    keep
}

pub(crate) fn clear_note_draft(drafts: &mut drafts::Drafts, editing: Option<&Id>) {
    for part in NotePart::ALL {
        drafts.clear(&DraftKey::note(editing, part));
    }
}

pub(crate) fn editor_action(app: &mut App, action: Action, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(ed) = app.editor.as_mut() else {
        return;
    };
    let n = EditorField::ALL.len();
    let i = EditorField::ALL
        .iter()
        .position(|f| *f == ed.field)
        .unwrap_or(0);
    match action {
        Action::NextField => ed.field = EditorField::ALL[(i + 1) % n],
        Action::PrevField => ed.field = EditorField::ALL[(i + n - 1) % n],
        Action::Cancel | Action::Back => {
            let Some(ed) = app.editor.take() else { return };
            let Some(parts) = app.session().map(|s| note_parts(s, &ed)) else {
                return;
            };
            if close_note(&mut app.drafts, &ed, &parts) {
                let reopen = if ed.editing.is_some() {
                    Action::Edit
                } else {
                    Action::NewNote
                };
                let text = drafts::kept_message(app, reopen);
                say(app, text, now);
            } else if ed.editing.is_none() {
                let text = tr(app.lang, "msg-note-discarded");
                say(app, text, now);
            }
        }
        Action::Submit => submit_editor(app, now, fx),
        _ => {}
    }
}

pub(crate) fn submit_editor(app: &mut App, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(ed) = app.editor.take() else { return };
    let lang = app.lang;
    let text = clean(&ed.text.lines().join("\n")).trim().to_owned();
    if text.is_empty() {
        warn(app, tr(lang, "msg-note-empty"), now);
        app.editor = Some(ed);
        return;
    }
    let tags: Vec<String> = ed
        .tags
        .value()
        .split([',', ' '])
        .map(|t| t.trim().trim_start_matches('#').to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let author = ed
        .author
        .checked_sub(1)
        .and_then(|i| app.session().and_then(|s| s.participants.get(i)))
        .map(|p| p.id.clone());
    use crate::model::{Item, Op};
    let Some(s) = app.session() else { return };
    let (label, op) = match &ed.editing {
        Some(id) => {
            let Some(old) = s.notes.iter().find(|n| &n.id == id) else {
                return;
            };
            let mut n = old.clone();
            n.text = text;
            n.kind = ed.kind;
            n.author = author;
            n.tags = tags;
            (tr(lang, "undo-note-edited"), Op::Replace(Item::Note(n)))
        }
        None => (
            t!(lang, "undo-new-note", kind = ed.kind.label()),
            Op::Insert {
                at: s.notes.len(),
                item: Item::Note(Note {
                    id: app.ids.next_id(),
                    kind: ed.kind,
                    stage: ed.stage.clone(),
                    author,
                    tags,
                    text,
                    time: now,
                    private: false,
                }),
            },
        ),
    };
    let readonly = app.doc.as_ref().is_some_and(|d| d.read_only.is_some());
    let committed = commit(app, label, vec![op], now, fx);
    if !readonly {
        // Taken (or the same as the note already is): nothing left to keep.
        clear_note_draft(&mut app.drafts, ed.editing.as_ref());
    }
    if committed {
        let what = if ed.editing.is_some() {
            tr(lang, "msg-note-saved")
        } else {
            t!(lang, "msg-note-added", kind = ed.kind.label())
        };
        say(app, what, now);
    } else if readonly {
        app.editor = Some(ed);
    }
}

/// A key typed in the note editor.
pub(crate) fn editor_key(app: &mut App, key: KeyEvent, now: Timestamp, fx: &mut Vec<Effect>) {
    let Some(ed) = app.editor.as_mut() else {
        return;
    };
    match ed.field {
        EditorField::Text => {
            ed.text.input(key);
        }
        EditorField::Tags => {
            if key.code == KeyCode::Enter {
                submit_editor(app, now, fx);
            } else if let Some(req) = to_input_request(&Event::Key(key)) {
                ed.tags.handle(req);
            }
        }
        EditorField::Kind => match key.code {
            KeyCode::Left | KeyCode::Up => ed.kind = cycle(&NoteKind::ALL, ed.kind, -1),
            KeyCode::Right | KeyCode::Down | KeyCode::Char(' ') => {
                ed.kind = cycle(&NoteKind::ALL, ed.kind, 1)
            }
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let i = c.to_digit(10).unwrap_or(0) as usize;
                if let Some(k) = i.checked_sub(1).and_then(|i| NoteKind::ALL.get(i)) {
                    ed.kind = *k;
                }
            }
            KeyCode::Char(c) => {
                // The first letter of the kind's name, accents ignored.
                let c = crate::model::text::fold(&c.to_string());
                if let Some(k) = NoteKind::ALL.iter().find(|k| {
                    crate::model::text::fold(&crate::i18n::note_kind(app.lang, **k)).starts_with(&c)
                }) {
                    ed.kind = *k;
                }
            }
            KeyCode::Enter => submit_editor(app, now, fx),
            _ => {}
        },
        EditorField::Author => {
            let n = app.session().map_or(0, |s| s.participants.len()) + 1;
            let Some(ed) = app.editor.as_mut() else {
                return;
            };
            match key.code {
                KeyCode::Left | KeyCode::Up => ed.author = (ed.author + n - 1) % n,
                KeyCode::Right | KeyCode::Down | KeyCode::Char(' ') => {
                    ed.author = (ed.author + 1) % n
                }
                KeyCode::Enter => submit_editor(app, now, fx),
                _ => {}
            }
        }
    }
}

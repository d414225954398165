//! The one ordered stack of overlays open above the screen. The same stack
//! decides which key table reads a key ([`App::context`]), which room gets
//! a message (the router asks the top first) and the drawing order (`ui`
//! draws it bottom to top), so the three cannot disagree. Also the list
//! popup's own state ([`Picker`]), what it finds by what is typed included.

use super::keymap::Context;
use super::state::{App, EditorField};
use crate::model::Id;

/// An overlay, in stack order: a later variant sits above an earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Overlay {
    Conflicts,
    Suggest,
    Results,
    Search,
    Capture,
    Tray,
    Picker,
    Editor,
    Field,
    Help,
}

impl Overlay {
    /// Every overlay, bottom first.
    pub const ALL: [Overlay; 10] = [
        Overlay::Conflicts,
        Overlay::Suggest,
        Overlay::Results,
        Overlay::Search,
        Overlay::Capture,
        Overlay::Tray,
        Overlay::Picker,
        Overlay::Editor,
        Overlay::Field,
        Overlay::Help,
    ];

    fn is_open(self, app: &App) -> bool {
        match self {
            Overlay::Conflicts => app.conflicts.is_some(),
            Overlay::Suggest => app.suggest.is_some(),
            Overlay::Results => app.board.results,
            Overlay::Search => app.search.editing,
            Overlay::Capture => app.capture.is_some(),
            Overlay::Tray => app.tray.is_some(),
            Overlay::Picker => app.picker.is_some(),
            Overlay::Editor => app.editor.is_some(),
            Overlay::Field => app.field.is_some(),
            Overlay::Help => app.help,
        }
    }

    /// The key table this overlay reads keys with; `None` lets the one below
    /// (or the screen) choose: help answers the keys of what it covers.
    pub fn context(self) -> Option<Context> {
        Some(match self {
            Overlay::Conflicts => Context::Conflicts,
            Overlay::Suggest => Context::Suggest,
            Overlay::Results => Context::Results,
            Overlay::Search => Context::Search,
            Overlay::Capture => Context::Capture,
            Overlay::Tray => Context::Tray,
            Overlay::Picker => Context::Picker,
            Overlay::Editor | Overlay::Field => Context::Editor,
            Overlay::Help => return None,
        })
    }

    /// Whether a key its table does not bind is typed into this overlay.
    pub fn takes_text(self, app: &App) -> bool {
        match self {
            Overlay::Field | Overlay::Capture | Overlay::Search => true,
            Overlay::Editor => app
                .editor
                .as_ref()
                .is_some_and(|e| matches!(e.field, EditorField::Text | EditorField::Tags)),
            _ => false,
        }
    }

    /// Whether a raw key (`Msg::Key`) goes to this overlay.
    pub fn gets_keys(self) -> bool {
        matches!(
            self,
            Overlay::Field | Overlay::Editor | Overlay::Capture | Overlay::Search
        )
    }
}

/// The open overlays, bottom first (the last one is on top).
pub fn stack(app: &App) -> Vec<Overlay> {
    Overlay::ALL
        .into_iter()
        .filter(|o| o.is_open(app))
        .collect()
}

/// What a list popup chooses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickPurpose {
    /// A template for a new session with this title (row 0 = empty).
    Template { title: String },
    /// A method to add to the agenda after the stage at this index.
    Method { after: Option<usize> },
    /// Where to move these stickies.
    MoveTo(Vec<Id>),
    /// The cluster to merge this one into.
    MergeInto(Id),
    /// An export format (and whether anonymized); `private`: the private
    /// notes and stickies are kept (the picker's last row toggles it).
    Export { private: bool },
}

#[derive(Debug)]
pub struct Picker {
    pub purpose: PickPurpose,
    pub title: String,
    pub items: Vec<String>,
    pub selected: usize,
    /// What was typed to find an item ([`Picker::find`]); it goes with the list.
    pub find: String,
}

impl Picker {
    /// A list to choose from, with the item `selected` selected.
    pub fn new(purpose: PickPurpose, title: String, items: Vec<String>, selected: usize) -> Picker {
        Picker {
            purpose,
            title,
            items,
            selected,
            find: String::new(),
        }
    }

    /// A key typed in the list: the first item whose text starts with
    /// what was typed (accents and case ignored), else the first that holds
    /// it, is selected. Backspace takes a letter back.
    pub fn find(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        use crate::model::text::fold;
        use ratatui::crossterm::event::KeyCode;
        match key.code {
            KeyCode::Backspace => {
                self.find.pop();
            }
            KeyCode::Char(c) => self.find.push(c),
            _ => return,
        }
        let find = fold(&self.find);
        if find.is_empty() {
            return;
        }
        let items: Vec<String> = self.items.iter().map(|i| fold(i)).collect();
        if let Some(i) = items
            .iter()
            .position(|i| i.starts_with(&find))
            .or_else(|| items.iter().position(|i| i.contains(&find)))
        {
            self.selected = i;
        }
    }
}

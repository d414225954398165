//! The app's state: what is open, which screen shows, what is selected.
//! Rendering reads it; only `update` changes it.

use super::action::SaveReport;
use super::keymap::{Context, Keymap};
use crate::methods::Library;
use crate::model::{Id, NoteKind, Session, Timestamp};
use crate::store::{Home, SessionEntry};
use ratatui_textarea::TextArea;
use std::path::PathBuf;
use std::sync::Arc;
use tui_input::Input;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    Setup,
    Facilitate,
    Projector,
    Notes,
}

/// The open session and how it is kept.
#[derive(Debug)]
pub struct Doc {
    /// Shared with the background saver; changed through `Arc::make_mut`,
    /// so a save in progress never blocks a key.
    pub session: Arc<Session>,
    pub path: PathBuf,
    /// Why edits are refused (review mode, or locked by another instance).
    pub read_only: Option<String>,
    /// Bumped on every change; the saver reports which generation it wrote.
    pub generation: u64,
    pub saved_generation: u64,
    pub save: SaveStatus,
}

impl Doc {
    pub fn session(&self) -> &Session {
        &self.session
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved(Option<Timestamp>),
    Saving,
    Failed(String),
    Conflict(String),
}

/// A message in the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
    pub at: Timestamp,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HomePane {
    #[default]
    Sessions,
    Methods,
}

#[derive(Debug, Default)]
pub struct HomeState {
    pub sessions: Vec<SessionEntry>,
    /// 0 = open the demo, 1 = new session, 2.. = sessions.
    pub selected: usize,
    pub pane: HomePane,
    /// Index into the library's methods (sorted by stage).
    pub method: usize,
    pub method_scroll: u16,
}

impl HomeState {
    pub const FIXED_ROWS: usize = 2;
    pub fn rows(&self) -> usize {
        Self::FIXED_ROWS + self.sessions.len()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SetupTab {
    #[default]
    Details,
    Participants,
    Agenda,
}

impl SetupTab {
    pub const ALL: [SetupTab; 3] = [SetupTab::Details, SetupTab::Participants, SetupTab::Agenda];
    pub fn title(self) -> &'static str {
        match self {
            SetupTab::Details => "Details",
            SetupTab::Participants => "Participants",
            SetupTab::Agenda => "Agenda",
        }
    }
}

pub use crate::model::Detail as DetailField;

/// A row of the agenda builder: a stage, or one of its steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaRow {
    Stage(usize),
    Step(usize, usize),
}

#[derive(Debug, Default)]
pub struct SetupState {
    pub tab: SetupTab,
    pub detail: usize,
    pub participant: usize,
    pub agenda_row: usize,
}

#[derive(Debug, Default)]
pub struct FacilitateState {
    /// The row selected in the agenda pane (a stage index).
    pub cursor: Option<usize>,
    pub focus_agenda: bool,
    /// The step and deadline the bell last rang for, so it rings once.
    pub rang_for: Option<(Id, Timestamp)>,
    /// Until when the screen flashes after time ran out.
    pub flash_until: Option<Timestamp>,
}

#[derive(Debug, Default)]
pub struct NotesState {
    /// 0 = all stages, i + 1 = stage i.
    pub stage: usize,
    pub selected: usize,
    pub focus_list: bool,
}

/// What a one-line text field is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldPurpose {
    NewSessionTitle,
    Detail(DetailField),
    NewParticipant,
    ParticipantName(Id),
    StageTitle(Id),
    StepTitle(Id),
    StepPrompt(Id),
}

#[derive(Debug)]
pub struct TextField {
    pub purpose: FieldPurpose,
    pub title: String,
    pub input: Input,
}

/// What a list popup chooses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickPurpose {
    /// A template for a new session with this title (row 0 = empty).
    Template { title: String },
    /// A method to add to the agenda after the stage at this index.
    Method { after: Option<usize> },
}

#[derive(Debug)]
pub struct Picker {
    pub purpose: PickPurpose,
    pub title: String,
    pub items: Vec<String>,
    pub selected: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorField {
    Text,
    Kind,
    Author,
    Tags,
}

impl EditorField {
    pub const ALL: [EditorField; 4] = [
        EditorField::Text,
        EditorField::Kind,
        EditorField::Author,
        EditorField::Tags,
    ];
}

/// The note editor popup.
#[derive(Debug)]
pub struct NoteEditor {
    /// The note being edited, or `None` for a new one.
    pub editing: Option<Id>,
    pub stage: Option<Id>,
    pub text: TextArea<'static>,
    pub kind: NoteKind,
    /// Index into participants + 1 (0 = no author).
    pub author: usize,
    pub tags: Input,
    pub field: EditorField,
}

#[derive(Debug)]
pub struct App {
    pub home_dir: Home,
    pub library: Library,
    pub keymap: Keymap,
    pub theme: crate::ui::theme::Theme,
    pub lang: &'static str,
    pub screen: Screen,
    /// The screen to return to from the projector view.
    pub previous: Screen,
    pub doc: Option<Doc>,
    pub home: HomeState,
    pub setup: SetupState,
    pub facilitate: FacilitateState,
    pub notes: NotesState,
    pub field: Option<TextField>,
    pub picker: Option<Picker>,
    pub editor: Option<NoteEditor>,
    pub help: bool,
    pub help_scroll: u16,
    pub message: Option<Message>,
    pub quit: bool,
    /// Local offset for showing times (computed once at start-up).
    pub offset: time::UtcOffset,
    pub last_save_report: Option<SaveReport>,
    /// The time of the last message `update` handled: what screens show as now.
    pub now: Timestamp,
}

impl App {
    pub fn new(home_dir: Home, library: Library, keymap: Keymap, lang: &'static str) -> App {
        App {
            home_dir,
            library,
            keymap,
            theme: crate::ui::theme::Theme::default_theme(),
            lang,
            screen: Screen::Home,
            previous: Screen::Facilitate,
            doc: None,
            home: HomeState::default(),
            setup: SetupState::default(),
            facilitate: FacilitateState::default(),
            notes: NotesState::default(),
            field: None,
            picker: None,
            editor: None,
            help: false,
            help_scroll: 0,
            message: None,
            quit: false,
            offset: time::UtcOffset::UTC,
            last_save_report: None,
            now: Timestamp::now(),
        }
    }

    pub fn session(&self) -> Option<&Session> {
        self.doc.as_ref().map(|d| d.session())
    }

    /// The context whose keymap reads the next key.
    pub fn context(&self) -> Context {
        if self.field.is_some() || self.editor.is_some() {
            Context::Editor
        } else if self.picker.is_some() {
            Context::Picker
        } else {
            match self.screen {
                Screen::Home => Context::Home,
                Screen::Setup => Context::Setup,
                Screen::Facilitate => Context::Facilitate,
                Screen::Projector => Context::Projector,
                Screen::Notes => Context::Notes,
            }
        }
    }

    /// Whether a key not bound in the context should be typed into a field.
    pub fn typing(&self) -> bool {
        self.field.is_some()
            || self
                .editor
                .as_ref()
                .is_some_and(|e| matches!(e.field, EditorField::Text | EditorField::Tags))
    }

    /// Rows of the agenda builder, in display order.
    pub fn agenda_rows(&self) -> Vec<AgendaRow> {
        let Some(s) = self.session() else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for (i, st) in s.agenda.iter().enumerate() {
            rows.push(AgendaRow::Stage(i));
            for j in 0..st.steps.len() {
                rows.push(AgendaRow::Step(i, j));
            }
        }
        rows
    }

    /// Indices of notes shown in the notes screen, in time order.
    pub fn visible_notes(&self) -> Vec<usize> {
        let Some(s) = self.session() else {
            return Vec::new();
        };
        let stage = match self.notes.stage {
            0 => None,
            i => s.agenda.get(i - 1).map(|st| &st.id),
        };
        let mut idx: Vec<usize> = s
            .notes
            .iter()
            .enumerate()
            .filter(|(_, n)| stage.is_none() || n.stage.as_ref() == stage)
            .map(|(i, _)| i)
            .collect();
        idx.sort_by_key(|&i| (s.notes[i].time, i));
        idx
    }
}

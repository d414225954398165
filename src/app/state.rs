//! The app's state: what is open, which screen shows, what is selected.
//! Rendering reads it; only `update` changes it.

use super::action::SaveReport;
use super::keymap::{Context, Keymap};
use crate::collect::{BallotBox, BallotVoter, CastBallot};
use crate::methods::Library;
use crate::model::{Ballot, Id, NoteKind, Session, Timestamp};
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
    Board,
    /// Who does what by when (`app::rooms::actions`).
    Actions,
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
    /// Opened with `atelier review`: only comments may be added.
    pub review: bool,
    /// Bumped on every change; the saver reports which generation it wrote.
    pub generation: u64,
    pub saved_generation: u64,
    pub save: SaveStatus,
}

impl Doc {
    /// A writable doc for a session (tests and benchmarks build apps with it).
    pub fn new(session: Session, path: PathBuf) -> Doc {
        Doc {
            session: Arc::new(session),
            path,
            read_only: None,
            review: false,
            generation: 0,
            saved_generation: 0,
            save: SaveStatus::Saved(None),
        }
    }

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
    /// Sessions taken off the list with `d` (the files stay): left out of
    /// `sessions`, kept on disk by `Effect::HideSessions`.
    pub hidden: Vec<std::path::PathBuf>,
    /// The entry `d` just took off and its place, which `u` as the very
    /// next key puts back.
    pub forgotten: Option<(usize, crate::store::SessionEntry)>,
}

impl HomeState {
    pub const FIXED_ROWS: usize = 2;
    pub fn rows(&self) -> usize {
        Self::FIXED_ROWS + self.sessions.len()
    }

    /// The sessions found on disk, less those taken off the list.
    pub fn set_sessions(&mut self, mut sessions: Vec<crate::store::SessionEntry>) {
        sessions.retain(|e| !self.hidden.contains(&e.path));
        self.sessions = sessions;
        self.selected = self.selected.min(self.rows().saturating_sub(1));
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
    /// The prototype selected among the current stage's.
    pub prototype: usize,
}

#[derive(Debug, Default)]
pub struct NotesState {
    /// 0 = all stages, i + 1 = stage i.
    pub stage: usize,
    pub selected: usize,
    pub focus_list: bool,
}

/// The board's cursor and modes.
#[derive(Debug, Default)]
pub struct BoardState {
    /// Column index (0 = inbox, then clusters, last = parking lot).
    pub col: usize,
    /// 0 = the column's header, n = its n-th sticky.
    pub row: usize,
    /// Marked stickies (multi-selection).
    pub marked: std::collections::HashSet<Id>,
    pub sort_votes: bool,
    pub voting: Option<Voting>,
    pub results: bool,
}

/// The cluster suggestions popup.
#[derive(Debug)]
pub struct SuggestState {
    pub scope: crate::model::suggest::Scope,
    pub threshold: f32,
    pub items: Vec<crate::model::suggest::Suggestion>,
    pub selected: usize,
    /// How many were accepted since the popup opened.
    pub accepted: usize,
}

/// Suggestions asked of a worker thread: what for, and the request's
/// number (a result for an older one is dropped).
#[derive(Clone, Debug, PartialEq)]
pub struct Suggesting {
    pub request: u64,
    pub scope: crate::model::suggest::Scope,
    pub threshold: f32,
    /// The popup's selection to keep when the result comes (a recompute).
    pub selected: usize,
    pub accepted: usize,
}

/// The merge conflicts popup: which conflict is selected.
#[derive(Debug, Default)]
pub struct ConflictsState {
    pub selected: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voting {
    pub round: Id,
    /// Index into the session's participants.
    pub participant: usize,
    /// The round is on clusters: `+` on a sticky of a cluster gives the
    /// cluster the dot.
    pub on_clusters: bool,
}

/// The sticky capture bar: stays open, Enter adds and clears.
#[derive(Debug)]
pub struct Capture {
    pub input: Input,
    /// Index into participants + 1 (0 = no author).
    pub author: usize,
    pub colour: crate::model::Colour,
    pub added: usize,
}

/// The search bar (`/`): a filter over stickies and notes.
#[derive(Debug, Default)]
pub struct Search {
    pub input: Input,
    /// The input has the keys (else the filter just stays applied).
    pub editing: bool,
}

/// One undoable step: the ops that undo it, and what to call it.
#[derive(Clone, Debug)]
pub struct Step {
    pub label: String,
    pub undo: Vec<crate::model::Op>,
    /// Stickies from phones this step accepted: undoing it puts them back
    /// in the pending tray.
    pub pending: Vec<crate::collect::Incoming>,
    /// Session fields this step changed outside ops (settling a merge
    /// conflict on the title, say): (before, after), restored on undo.
    pub fields: Option<
        Box<(
            crate::store::journal::Sections,
            crate::store::journal::Sections,
        )>,
    >,
    /// A ballot from a phone this step applied: undoing it gives its
    /// voter's previous ballot back to the box, redoing records it again.
    pub ballot: Option<Box<BallotStep>>,
}

/// What a step applying a ballot keeps for undo and redo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotStep {
    pub cast: CastBallot,
    /// The voter's ballot before this one ([`BallotBox::record`]).
    pub before: Option<(BallotVoter, Ballot)>,
}

/// Ballots from phones (see `rooms::ballots`): one box per round voted
/// on, and what the collector was last told.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ballots {
    /// Per round: the last ballot of each voter.
    pub boxes: Vec<BallotBox>,
    /// The round the phones were last shown (`None`: the sticky form).
    pub published: Option<crate::collect::RoundInfo>,
    /// The turnout the phones were last told.
    pub turnout: Option<usize>,
    /// A closed round stays on the phones ("the vote is closed") until the
    /// step changes: the step (title, prompt) it closed on.
    pub closed_on: Option<(Id, (String, String))>,
    /// Rounds whose results were shown (`R`): the board shows their dots
    /// even while they are open (see [`App::counts_visible`]).
    pub revealed: Vec<Id>,
    /// The boxes as the crash journal last got them.
    pub journaled: crate::model::BallotMemory,
    /// Changes to the boxes' ballots so far ([`Ballots::record`], undo,
    /// redo), and how many the journal has seen: the boxes are compared
    /// with what it got only when these differ, not after every message.
    pub changes: u64,
    pub journaled_changes: u64,
}

impl Ballots {
    /// The box of `round`, if a ballot or an opening made one.
    pub fn of(&self, round: &Id) -> Option<&BallotBox> {
        self.boxes.iter().find(|b| b.round() == Some(round))
    }

    /// The box of `round`, made empty when there is none.
    pub fn of_mut(&mut self, round: &Id) -> &mut BallotBox {
        let i = match self.boxes.iter().position(|b| b.round() == Some(round)) {
            Some(i) => i,
            None => {
                self.boxes.push(BallotBox::new(round.clone()));
                self.boxes.len() - 1
            }
        };
        &mut self.boxes[i]
    }

    /// `cast` goes into its round's box: the voter's ballot before it.
    pub fn record(&mut self, cast: &CastBallot) -> Option<(BallotVoter, Ballot)> {
        self.changes += 1;
        self.of_mut(&cast.round).record(cast)
    }

    /// A step with a ballot was undone (`redo` false) or redone.
    pub fn undone(&mut self, step: &BallotStep, redo: bool) {
        self.changes += 1;
        let b = self.of_mut(&step.cast.round);
        if redo {
            b.record(&step.cast);
        } else {
            b.restore(&step.cast.voter, step.before.clone());
        }
    }
}

/// What the projector shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Projection {
    /// The timer, the step and its prompt.
    #[default]
    Timer,
    /// The board's clusters and their stickies.
    Wall,
    /// The ranked results of the round (as the results popup shows them).
    Results,
}

#[derive(Debug, Default)]
pub struct History {
    pub undo: Vec<Step>,
    pub redo: Vec<Step>,
}

impl History {
    pub const LIMIT: usize = 1000;
}

/// A running collection, as the screens show it (set when the server started).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CollectView {
    /// The addresses to give participants, best first (the QR code is the first's).
    pub urls: Vec<String>,
    /// The first address's QR code: half-block lines, the glyphs are the dark modules.
    pub qr: Vec<String>,
    pub port: u16,
}

pub use super::columns::{BoardIndex, CardLines, Column, ResultsView, WallView};
pub use super::overlay::{PickPurpose, Picker};

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
    NewCluster(Vec<Id>),
    Split(Vec<Id>),
    RenameCluster(Id),
    StickyText(Id),
    NewRound,
    Tally(crate::model::Target),
    SaveAs,
    Comment(Option<Id>),
    /// The title of a suggestion, edited before accepting it.
    SuggestionTitle(usize),
    /// Files to attach (to an item, or the session).
    Attach(Option<Id>),
    /// A new prototype: its name, then what it tests, then its hypothesis.
    PrototypeName,
    PrototypeTests(Id),
    PrototypeHypothesis(Id),
    PrototypeFeedback(Id),
    /// Where to write an export: its format, anonymized or not, with the
    /// private items or not.
    ExportTo(crate::export::Format, bool, bool),
    /// An action's text, owner and due date (a new one: `None`).
    ActionText(Option<Id>),
    ActionOwner(Option<Id>),
    ActionDue(Option<Id>),
    /// A break after the stage at this index (at the end when none): its
    /// title, then its minutes.
    BreakTitle(Option<usize>),
    BreakMinutes(Option<usize>, String),
    /// The reviewer's name, asked once before their first comment (about
    /// this item, or the session).
    ReviewerName(Option<Id>),
    /// The caption of an attached photo (asked when it went to a prototype).
    Caption(Id),
}

#[derive(Debug)]
pub struct TextField {
    pub purpose: FieldPurpose,
    pub title: String,
    pub input: Input,
    /// What the field opened with (before any draft): closing it unchanged
    /// keeps no draft.
    pub initial: String,
    /// Where Esc keeps what was typed (see `app::drafts`).
    pub draft: super::drafts::DraftKey,
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
    /// The parts as the editor opened (before any draft), in
    /// `drafts::NotePart::ALL` order: closing it unchanged keeps no draft.
    pub initial: [String; 4],
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
    pub board: BoardState,
    /// The actions screen: the selected row (in display order).
    pub actions: usize,
    pub index: BoardIndex,
    pub capture: Option<Capture>,
    pub suggest: Option<SuggestState>,
    /// Suggestions being computed on a worker thread (a large scope).
    pub suggesting: Option<Suggesting>,
    /// Suggestion requests sent to worker threads so far.
    pub suggest_requests: u64,
    /// Suggestions rejected with `x`, by `rooms::suggest::fingerprint`:
    /// left out until their stickies change.
    pub suggest_rejected: std::collections::BTreeSet<u64>,
    pub conflicts: Option<ConflictsState>,
    pub search: Search,
    pub history: History,
    pub field: Option<TextField>,
    pub picker: Option<Picker>,
    pub editor: Option<NoteEditor>,
    /// Text left in fields with Esc, shown again when they reopen.
    pub drafts: super::drafts::Drafts,
    pub help: bool,
    pub help_scroll: u16,
    pub message: Option<Message>,
    pub quit: bool,
    /// This machine's time zone (read once at start-up by the run loop):
    /// times of a session that names none are shown in it, and a session
    /// opened without one is given it.
    pub local_zone: crate::model::Zone,
    pub last_save_report: Option<SaveReport>,
    /// The time of the last message `update` handled: what screens show as now.
    pub now: Timestamp,
    /// What update needs from the world, set at start-up.
    pub ctx: super::ctx::Ctx,
    /// New ids (seeded once at start-up by the run loop; fixed in tests).
    pub ids: crate::model::Ids,
    /// Changes for the crash journal, taken by the run loop after each update.
    pub outbox: Vec<(u64, crate::store::journal::Record)>,
    /// The small sections as last journaled.
    pub journaled: Option<crate::store::journal::Sections>,
    /// Quit was asked while the last save had failed: a second quit leaves.
    pub quit_armed: bool,
    /// Collecting stickies from phones (see `app::collect`).
    pub collecting: Option<CollectView>,
    /// Stickies from phones waiting for moderation, oldest first.
    pub pending: Vec<crate::collect::Incoming>,
    /// The pending tray is open, with this row selected.
    pub tray: Option<usize>,
    /// Stickies from phones join the board without moderation.
    pub auto_accept: bool,
    /// The page hides the name field.
    pub collect_anonymous: bool,
    /// The step title and prompt the page shows.
    pub collect_prompt: Option<(String, String)>,
    /// Ballots from phones: their boxes and what the phones were shown.
    pub ballots: Ballots,
    /// What the projector shows, and how far the wall is scrolled
    /// (columns, lines).
    pub projection: Projection,
    pub wall_scroll: (usize, usize),
    /// The wall's columns, while it is projected.
    pub wall: WallView,
    /// The ranked results, while they are shown (popup or projector).
    pub results: ResultsView,
}

impl App {
    /// The app at `now`, with a fixed id seed and an empty [`Ctx`](super::ctx::Ctx):
    /// the run loop seeds both from the world once.
    pub fn new(
        home_dir: Home,
        library: Library,
        keymap: Keymap,
        lang: &'static str,
        now: Timestamp,
    ) -> App {
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
            board: BoardState::default(),
            actions: 0,
            index: BoardIndex::default(),
            capture: None,
            suggest: None,
            suggesting: None,
            suggest_requests: 0,
            suggest_rejected: Default::default(),
            conflicts: None,
            search: Search::default(),
            history: History::default(),
            field: None,
            picker: None,
            editor: None,
            drafts: Default::default(),
            help: false,
            help_scroll: 0,
            message: None,
            quit: false,
            local_zone: crate::model::Zone::utc(),
            last_save_report: None,
            now,
            ctx: Default::default(),
            ids: crate::model::Ids::seeded(0),
            outbox: Vec::new(),
            journaled: None,
            quit_armed: false,
            collecting: None,
            pending: Vec::new(),
            tray: None,
            auto_accept: false,
            collect_anonymous: false,
            collect_prompt: None,
            ballots: Ballots::default(),
            projection: Projection::Timer,
            wall_scroll: (0, 0),
            wall: WallView::default(),
            results: ResultsView::default(),
        }
    }

    pub fn session(&self) -> Option<&Session> {
        self.doc.as_ref().map(|d| d.session())
    }

    /// Forget all the app showed of the session open until now (its screens'
    /// selections, overlays, history, index, suggestions, conflicts, phones'
    /// stickies and ballots, the projector): done when a session closes and
    /// when one opens, so nothing of one is ever shown over another.
    pub fn reset_session_view(&mut self) {
        (self.journaled, self.outbox) = (None, Vec::new());
        (self.setup, self.facilitate) = (Default::default(), Default::default());
        (self.notes, self.board, self.actions) = (Default::default(), Default::default(), 0);
        (self.index, self.history, self.search) = Default::default();
        (self.capture, self.editor, self.field, self.picker) = (None, None, None, None);
        (self.suggest, self.suggesting, self.conflicts) = (None, None, None);
        self.suggest_rejected.clear();
        (self.pending, self.tray, self.ballots) = (Vec::new(), None, Default::default());
        (self.projection, self.wall_scroll) = (Projection::Timer, (0, 0));
        (self.wall, self.results) = Default::default();
        self.quit_armed = false;
    }

    /// The zone times are shown in: the open session's own (so that a Paris
    /// workshop reads in Paris time anywhere), else this machine's.
    pub fn zone(&self) -> crate::model::Zone {
        match self.session() {
            Some(s) => s.zone_or(&self.local_zone),
            None => self.local_zone.clone(),
        }
    }

    /// The context whose keymap reads the next key: the top overlay's that
    /// has a table (see [`super::overlay`]), else the screen's.
    pub fn context(&self) -> Context {
        let top = super::overlay::stack(self)
            .into_iter()
            .rev()
            .find_map(|o| o.context());
        top.unwrap_or(match self.screen {
            Screen::Home => Context::Home,
            Screen::Setup => Context::Setup,
            Screen::Facilitate => Context::Facilitate,
            Screen::Projector => Context::Projector,
            Screen::Notes => Context::Notes,
            Screen::Board => Context::Board,
            Screen::Actions => Context::Actions,
        })
    }

    /// A key press as a message: the action the keymap of the current
    /// context binds it to, or the key itself for a field that takes text.
    pub fn key_msg(&self, key: ratatui::crossterm::event::KeyEvent) -> Option<super::Msg> {
        let ctx = self.context();
        // A reviewer can only comment: the review table comes first (`c`).
        let reviewing = self.doc.as_ref().is_some_and(|d| d.review) && !ctx.takes_text();
        if let Some(action) = self.keymap.own(Context::Review, &key).filter(|_| reviewing) {
            return Some(super::Msg::Do(action));
        }
        // A list popup finds an item by what is typed: the keys its own
        // table leaves free (but `?`, the help) are typed.
        // (The export menu is a short fixed list whose keys keep their
        // meaning: `G` is its last row, the private items' toggle.)
        let finds = self
            .picker
            .as_ref()
            .is_some_and(|p| !matches!(p.purpose, PickPurpose::Export { .. }));
        if ctx == Context::Picker && finds && !self.keymap.binds(ctx, &key) {
            use ratatui::crossterm::event::{KeyCode, KeyModifiers};
            let plain = (key.modifiers - KeyModifiers::SHIFT).is_empty();
            if (plain && matches!(key.code, KeyCode::Char(c) if c != '?'))
                || key.code == KeyCode::Backspace
            {
                return Some(super::Msg::Key(key));
            }
        }
        match self.keymap.lookup(ctx, &key) {
            Some(action) => Some(super::Msg::Do(action)),
            None if ctx.takes_text() => Some(super::Msg::Key(key)),
            None => None,
        }
    }

    /// Whether a key not bound in the context should be typed into a field.
    pub fn typing(&self) -> bool {
        super::overlay::stack(self)
            .into_iter()
            .any(|o| o.takes_text(self))
    }

    /// The round the results show: the one being voted on, else the last.
    pub fn results_round(&self) -> Option<Id> {
        self.board
            .voting
            .as_ref()
            .map(|v| v.round.clone())
            .or_else(|| self.session()?.rounds.last().map(|r| r.id.clone()))
    }

    /// Whether the board shows everyone's dots (cards, cluster headers,
    /// sorting by votes): not while a round is open whose results have not
    /// been shown with `R`, so that the room is not swayed; the board then
    /// shows only the dots of the participant the facilitator votes for.
    pub fn counts_visible(&self) -> bool {
        self.board
            .voting
            .as_ref()
            .is_none_or(|v| self.ballots.revealed.contains(&v.round))
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
        let generation = self.doc.as_ref().map_or(0, |d| d.generation);
        let query = crate::model::text::fold(self.search.input.value().trim());
        if self.index.notes_for.as_ref() == Some(&(generation, self.notes.stage, query)) {
            return self.index.notes_visible.clone();
        }
        self.compute_visible_notes()
    }

    /// The notes shown on the notes screen, computed (see `visible_notes`).
    pub fn compute_visible_notes(&self) -> Vec<usize> {
        let Some(s) = self.session() else {
            return Vec::new();
        };
        let stage = match self.notes.stage {
            0 => None,
            i => s.agenda.get(i - 1).map(|st| &st.id),
        };
        let query = crate::model::text::fold(self.search.input.value().trim());
        let folded = (self.index.folded_for == Some(self.doc.as_ref().map_or(0, |d| d.generation)))
            .then_some(&self.index.folded_notes);
        let mut idx: Vec<usize> = s
            .notes
            .iter()
            .enumerate()
            .filter(|(_, n)| stage.is_none() || n.stage.as_ref() == stage)
            .filter(|(i, n)| {
                query.is_empty()
                    || match folded.and_then(|f| f.get(*i)) {
                        Some(f) => f.contains(&query),
                        None => crate::model::text::fold(&n.text).contains(&query),
                    }
            })
            .map(|(i, _)| i)
            .collect();
        // Notes are usually written in time order: sort only when not.
        if !idx.is_sorted_by_key(|&i| (s.notes[i].time, i)) {
            idx.sort_by_key(|&i| (s.notes[i].time, i));
        }
        idx
    }
}

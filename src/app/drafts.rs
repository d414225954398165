//! Drafts: text typed in a field and left without committing it (Esc, or a
//! commit that was refused). Esc never loses typed text: the field's text
//! is kept here, by field kind and item, and shown again (cursor at its
//! end) when that field opens again; committing it, or emptying the field
//! and closing it, clears it.
//!
//! Drafts are not part of the session: they never reach its file or an
//! export. They survive a crash through the crash journal: `update` queues
//! a [`Record::Drafts`](crate::store::journal::Record::Drafts) with every
//! draft whenever they change (see [`Drafts::unjournaled`]), and the run
//! loop hands back the drafts the journal held when a session opens
//! (in [`Opened`](super::effect::Opened)).
//!
//! A shared helper for every text field: it knows fields by
//! [`FieldPurpose`] and the few keys that reopen them, nothing of what a
//! field does with its text.

use super::action::Action;
use super::state::{App, FieldPurpose, TextField};
use crate::i18n::key_label;
use crate::model::{Id, Target};
use crate::store::journal;
use crate::t;
use std::collections::BTreeMap;
use tui_input::Input;

/// Which draft: a field kind, plus the item when the field edits a specific
/// one (`"capture"`, `"note:new"`, `"note:<id>"`, `"comment:<id>"`). These
/// strings are stored in the crash journal: never change an existing one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DraftKey(String);

/// The parts of the note editor, each kept as its own draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotePart {
    Text,
    Kind,
    Author,
    Tags,
}

impl NotePart {
    pub const ALL: [NotePart; 4] = [
        NotePart::Text,
        NotePart::Kind,
        NotePart::Author,
        NotePart::Tags,
    ];
}

/// The key of a new session's title: the home screen's, not a session's.
const SESSION_TITLE: &str = "session:new";

impl DraftKey {
    fn of(kind: &str, item: &str) -> DraftKey {
        DraftKey(format!("{kind}:{item}"))
    }

    fn item(kind: &str, id: Option<&Id>, none: &str) -> DraftKey {
        Self::of(kind, id.map_or(none, Id::as_str))
    }

    /// The sticky capture bar.
    pub fn capture() -> DraftKey {
        DraftKey("capture".into())
    }

    /// A part of the note editor, for a new note (`None`) or note `id`.
    pub fn note(id: Option<&Id>, part: NotePart) -> DraftKey {
        let kind = match part {
            NotePart::Text => "note",
            NotePart::Kind => "note-kind",
            NotePart::Author => "note-author",
            NotePart::Tags => "note-tags",
        };
        Self::item(kind, id, "new")
    }

    /// The title of the suggested cluster whose first sticky is `first`.
    pub fn suggestion(first: Option<&Id>) -> DraftKey {
        Self::item("suggestion", first, "none")
    }

    /// The draft of a one-line field.
    pub fn field(purpose: &FieldPurpose) -> DraftKey {
        use FieldPurpose::*;
        match purpose {
            NewSessionTitle => DraftKey(SESSION_TITLE.into()),
            // The variant's name: "detail:title", "detail:challenge", ...
            Detail(d) => Self::of("detail", &format!("{d:?}").to_lowercase()),
            NewParticipant => Self::of("participant", "new"),
            ParticipantName(id) => Self::of("participant", id.as_str()),
            StageTitle(id) => Self::of("stage", id.as_str()),
            StepTitle(id) => Self::of("step-title", id.as_str()),
            StepPrompt(id) => Self::of("step-prompt", id.as_str()),
            // The title typed for a new cluster does not depend on which
            // stickies were marked when it was typed.
            NewCluster(_) => DraftKey("new-cluster".into()),
            Split(_) => DraftKey("split-cluster".into()),
            RenameCluster(id) => Self::of("cluster", id.as_str()),
            StickyText(id) => Self::of("sticky", id.as_str()),
            NewRound => DraftKey("round".into()),
            Tally(Target::Sticky(id)) => Self::of("tally-sticky", id.as_str()),
            Tally(Target::Cluster(id)) => Self::of("tally-cluster", id.as_str()),
            SaveAs => DraftKey("save-as".into()),
            Comment(about) => Self::item("comment", about.as_ref(), "session"),
            // Suggestions are numbered afresh each time: see `suggestion`.
            SuggestionTitle(i) => Self::of("suggestion", &format!("#{i}")),
            Attach(to) => Self::item("attach", to.as_ref(), "session"),
            PrototypeName => Self::of("prototype", "new"),
            PrototypeTests(id) => Self::of("prototype-tests", id.as_str()),
            PrototypeHypothesis(id) => Self::of("prototype-hypothesis", id.as_str()),
            PrototypeFeedback(id) => Self::of("feedback", id.as_str()),
            ExportTo(format, anonymized, private) => Self::of(
                match (*anonymized, *private) {
                    (true, true) => "export-anonymized-private",
                    (true, false) => "export-anonymized",
                    (false, true) => "export-private",
                    (false, false) => "export",
                },
                format.extension(),
            ),
            ActionText(id) => Self::item("action", id.as_ref(), "new"),
            ActionOwner(id) => Self::item("action-owner", id.as_ref(), "new"),
            ActionDue(id) => Self::item("action-due", id.as_ref(), "new"),
            BreakTitle(_) => Self::of("break-title", "new"),
            BreakMinutes(..) => Self::of("break-minutes", "new"),
            ReviewerName(_) => DraftKey("reviewer-name".into()),
            Caption(id) => Self::of("caption", id.as_str()),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the draft belongs to the open session (and so to its crash
    /// journal) rather than to the app.
    fn in_session(key: &str) -> bool {
        key != SESSION_TITLE
    }
}

/// The action (so the key) that opens the field of `purpose` again.
pub fn reopened_by(purpose: &FieldPurpose) -> Action {
    use FieldPurpose::*;
    match purpose {
        NewSessionTitle => Action::NewSession,
        Detail(_) | ParticipantName(_) | StageTitle(_) | StepPrompt(_) => Action::Edit,
        NewParticipant => Action::Add,
        StepTitle(_) => Action::Select,
        NewCluster(_) => Action::NewCluster,
        Split(_) => Action::Split,
        RenameCluster(_) | StickyText(_) => Action::Rename,
        NewRound => Action::NewRound,
        Tally(_) => Action::Tally,
        SaveAs => Action::SaveAs,
        Comment(_) => Action::Comment,
        SuggestionTitle(_) => Action::Edit,
        Attach(_) => Action::Attach,
        PrototypeName => Action::NewPrototype,
        PrototypeTests(_) | PrototypeHypothesis(_) => Action::EditPrototype,
        PrototypeFeedback(_) => Action::Feedback,
        ExportTo(..) => Action::Export,
        ActionText(None) | ActionOwner(None) | ActionDue(None) => Action::Add,
        ActionText(Some(_)) | ActionOwner(Some(_)) | ActionDue(Some(_)) => Action::Edit,
        BreakTitle(_) | BreakMinutes(..) => Action::AddBreak,
        ReviewerName(_) => Action::Comment,
        Caption(_) => Action::Attach,
    }
}

/// The drafts kept, by key, and what the crash journal last got.
#[derive(Debug, Default)]
pub struct Drafts {
    texts: BTreeMap<String, String>,
    /// The session's drafts as last queued for the journal (or recovered).
    journaled: journal::Drafts,
    /// Changed since the journal last got them (so a key that changes no
    /// draft costs nothing).
    changed: bool,
}

impl Drafts {
    pub fn get(&self, key: &DraftKey) -> Option<&str> {
        self.texts.get(&key.0).map(String::as_str)
    }

    pub fn keep(&mut self, key: &DraftKey, text: impl Into<String>) {
        let text = text.into();
        if self.get(key) != Some(text.as_str()) {
            self.texts.insert(key.0.clone(), text);
            self.changed = true;
        }
    }

    /// Remove the draft and hand it over.
    pub fn take(&mut self, key: &DraftKey) -> Option<String> {
        let taken = self.texts.remove(&key.0);
        self.changed |= taken.is_some();
        taken
    }

    pub fn clear(&mut self, key: &DraftKey) {
        self.take(key);
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// What a field opening with `initial` shows: its draft, if one is kept.
    pub fn or<'a>(&'a self, key: &DraftKey, initial: &'a str) -> &'a str {
        self.get(key).unwrap_or(initial)
    }

    /// A field closed with `value` (it opened with `initial`): keep it
    /// unless it is blank or what the field opened with. True when kept.
    pub fn close(&mut self, key: &DraftKey, value: &str, initial: &str) -> bool {
        if value.trim().is_empty() || value == initial {
            self.clear(key);
            false
        } else {
            self.keep(key, value);
            true
        }
    }

    /// A session opened with these drafts (from its crash journal): they
    /// replace the previous session's; the app's own stay.
    pub fn restore(&mut self, recovered: journal::Drafts) {
        self.texts.retain(|k, _| !DraftKey::in_session(k));
        self.journaled = recovered.clone();
        self.changed = false;
        self.texts.extend(
            recovered
                .into_iter()
                .filter(|(k, _)| DraftKey::in_session(k)),
        );
    }

    /// The session's drafts, when they changed since the journal last got
    /// them.
    pub fn unjournaled(&mut self) -> Option<journal::Drafts> {
        if !std::mem::take(&mut self.changed) {
            return None;
        }
        let now: journal::Drafts = self
            .texts
            .iter()
            .filter(|(k, _)| DraftKey::in_session(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if now == self.journaled {
            return None;
        }
        self.journaled = now.clone();
        Some(now)
    }
}

/// A one-line field for `purpose` that opens with `initial`, or with its
/// draft when one is kept (the cursor at its end either way).
pub fn field(drafts: &Drafts, purpose: FieldPurpose, title: String, initial: &str) -> TextField {
    let key = DraftKey::field(&purpose);
    keyed_field(drafts, key, purpose, title, initial)
}

/// As [`field`], with a key of the caller's choosing.
pub fn keyed_field(
    drafts: &Drafts,
    key: DraftKey,
    purpose: FieldPurpose,
    title: String,
    initial: &str,
) -> TextField {
    TextField {
        input: Input::new(drafts.or(&key, initial).to_owned()),
        initial: initial.to_owned(),
        draft: key,
        purpose,
        title,
    }
}

/// The status line's word that a draft was kept, naming the key that
/// continues it (in the context the app is now in).
pub fn kept_message(app: &App, reopen: Action) -> String {
    match app.keymap.key_for(app.context(), reopen) {
        Some(k) => t!(app.lang, "draft-kept", key = key_label(app.lang, &k)),
        None => t!(app.lang, "draft-kept-no-key"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_strings_per_kind_and_item() {
        let a = Id::from("a");
        assert_eq!(DraftKey::capture().as_str(), "capture");
        assert_eq!(DraftKey::note(None, NotePart::Text).as_str(), "note:new");
        assert_eq!(
            DraftKey::note(Some(&a), NotePart::Tags).as_str(),
            "note-tags:a"
        );
        assert_eq!(
            DraftKey::field(&FieldPurpose::Comment(Some(a.clone()))).as_str(),
            "comment:a"
        );
        assert_eq!(
            DraftKey::field(&FieldPurpose::Comment(None)).as_str(),
            "comment:session"
        );
        assert_eq!(
            DraftKey::field(&FieldPurpose::Detail(crate::model::Detail::Facilitators)).as_str(),
            "detail:facilitators"
        );
        assert_ne!(
            DraftKey::field(&FieldPurpose::RenameCluster(a)),
            DraftKey::field(&FieldPurpose::RenameCluster(Id::from("b")))
        );
    }

    #[test]
    fn close_keeps_only_what_was_typed() {
        let mut d = Drafts::default();
        let k = DraftKey::capture();
        assert!(!d.close(&k, "  ", ""), "blank is nothing to keep");
        assert!(!d.close(&k, "as opened", "as opened"));
        assert!(d.close(&k, "une idée 涼", ""));
        assert_eq!(d.get(&k), Some("une idée 涼"));
        assert!(!d.close(&k, "", ""), "emptied and closed: cleared");
        assert_eq!(d.get(&k), None);
    }

    #[test]
    fn the_journal_gets_the_session_drafts_once_per_change() {
        let mut d = Drafts::default();
        assert_eq!(d.unjournaled(), None);
        d.keep(&DraftKey::capture(), "x");
        d.keep(&DraftKey::field(&FieldPurpose::NewSessionTitle), "t");
        let sent = d.unjournaled();
        assert_eq!(
            sent,
            Some(journal::Drafts::from([("capture".into(), "x".into())])),
            "the home screen's draft is the app's, not the session's"
        );
        assert_eq!(d.unjournaled(), None);
        d.restore(journal::Drafts::from([("note:new".into(), "n".into())]));
        assert_eq!(
            d.unjournaled(),
            None,
            "what was recovered is in the journal"
        );
        assert_eq!(d.get(&DraftKey::capture()), None);
        assert_eq!(
            d.get(&DraftKey::field(&FieldPurpose::NewSessionTitle)),
            Some("t")
        );
        assert_eq!(
            d.take(&DraftKey::note(None, NotePart::Text)),
            Some("n".into())
        );
        assert_eq!(d.unjournaled(), Some(journal::Drafts::new()));
    }
}

//! The crash journal: every change is appended here (length, checksum,
//! payload) and synced within a second, between two full saves of the
//! session file. At the next start, a journal that belongs to the session
//! file on disk is replayed; a torn last record is dropped, never fatal.
//!
//! File: `<session>.journal` beside the session. Layout: the 4 bytes
//! `ATJ1`, the 8-byte fingerprint of the session file it applies to, then
//! records: `u32 LE length`, `u32 LE CRC-32 of the payload`, payload (RON).
//!
//! A full save prepares the journal of the file it is about to write
//! (`<session>.journal.next`: the later records, then every record appended
//! while the file is written) and renames it over the journal once the file
//! is in place: a crash at any moment finds a journal for whichever file is
//! on disk.
//!
//! Drafts (text typed in a field and not yet committed) ride along as
//! [`Record::Drafts`]: never applied to the session, and the latest one
//! survives every rebase, so a crash keeps them too.

use crate::model::{
    ActionItem, Challenge, Comment, Op, Participant, Run, Session, Stage, time::iso_date,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 4] = b"ATJ1";
/// A record longer than this is taken as corruption, not read.
const MAX_RECORD: u32 = 256 * 1024 * 1024;

/// The small parts of a session, journaled whole when they change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sections {
    pub title: String,
    pub language: Option<String>,
    pub challenge: Challenge,
    #[serde(with = "iso_date::option")]
    pub date: Option<time::Date>,
    #[serde(default)]
    pub time_zone: Option<String>,
    #[serde(default)]
    pub start: Option<crate::model::ClockTime>,
    pub place: String,
    pub facilitators: Vec<String>,
    pub participants: Vec<Participant>,
    pub agenda: Vec<Stage>,
    pub run: Run,
    pub actions: Vec<ActionItem>,
    pub comments: Vec<Comment>,
}

impl Sections {
    pub fn of(s: &Session) -> Sections {
        Sections {
            title: s.title.clone(),
            language: s.language.clone(),
            challenge: s.challenge.clone(),
            date: s.date,
            time_zone: s.time_zone.clone(),
            start: s.start,
            place: s.place.clone(),
            facilitators: s.facilitators.clone(),
            participants: s.participants.clone(),
            agenda: s.agenda.clone(),
            run: s.run.clone(),
            actions: s.actions.clone(),
            comments: s.comments.clone(),
        }
    }

    /// Whether these are the sections of `s` (cheap: they are small).
    pub fn same_as(&self, s: &Session) -> bool {
        self.title == s.title
            && self.language == s.language
            && self.challenge == s.challenge
            && self.date == s.date
            && self.time_zone == s.time_zone
            && self.start == s.start
            && self.place == s.place
            && self.facilitators == s.facilitators
            && self.participants == s.participants
            && self.agenda == s.agenda
            && self.run == s.run
            && self.actions == s.actions
            && self.comments == s.comments
    }

    pub fn apply_to(self, s: &mut Session) {
        s.title = self.title;
        s.language = self.language;
        s.challenge = self.challenge;
        s.date = self.date;
        s.time_zone = self.time_zone;
        s.start = self.start;
        s.place = self.place;
        s.facilitators = self.facilitators;
        s.participants = self.participants;
        s.agenda = self.agenda;
        s.run = self.run;
        s.actions = self.actions;
        s.comments = self.comments;
    }
}

/// One journaled change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Record {
    /// Changes to notes, stickies, clusters, rounds, votes, participants
    /// or stages, as ops (applied in order).
    Ops(Vec<Op>),
    /// The small sections as they became.
    Sections(Box<Sections>),
    /// Every draft as it now is (replaces the previous drafts record).
    Drafts(Drafts),
    /// What the app remembers of phones' ballots (replaces the previous
    /// one): like drafts, never applied to the session, kept through every
    /// rebase.
    Ballots(crate::model::BallotMemory),
}

/// Text typed in a field and left without committing it, by field kind
/// (`"capture"`, `"note"`, ...). Kept across a crash, never part of the
/// session's content.
pub type Drafts = BTreeMap<String, String>;

impl Record {
    pub fn apply_to(self, s: &mut Session) {
        match self {
            Record::Ops(ops) => {
                s.apply_all(ops);
            }
            Record::Sections(sections) => sections.apply_to(s),
            Record::Drafts(_) | Record::Ballots(_) => {}
        }
    }

    fn is_drafts(&self) -> bool {
        matches!(self, Record::Drafts(_))
    }

    /// Kept beside the session, not a change to it (drafts, ballots).
    fn is_aside(&self) -> bool {
        matches!(self, Record::Drafts(_) | Record::Ballots(_))
    }
}

/// The last ballot memory a journal's records hold (empty when none).
pub fn last_ballots(records: &[Record]) -> crate::model::BallotMemory {
    let ballots = |r: &Record| match r {
        Record::Ballots(b) => Some(b.clone()),
        _ => None,
    };
    records.iter().rev().find_map(ballots).unwrap_or_default()
}

/// The last drafts a journal's records hold (empty when none).
pub fn last_drafts(records: &[Record]) -> Drafts {
    records
        .iter()
        .rev()
        .find_map(|r| match r {
            Record::Drafts(d) => Some(d.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The fingerprint of a session file's bytes: length and CRC-32.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    ((bytes.len() as u64) << 32) | u64::from(crc32fast::hash(bytes))
}

pub fn journal_path(session: &Path) -> PathBuf {
    let mut name = session
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".journal");
    session.with_file_name(name)
}

/// `<session>.journal.next`: the journal prepared for the file a full save
/// is writing, kept up to date while it writes, and renamed over the
/// journal once the file is in place. A crash in between finds the journal
/// that belongs to whichever file is on disk.
pub fn next_path(session: &Path) -> PathBuf {
    journal_path(session).with_extension("journal.next")
}

/// Encode one record as a frame.
pub fn frame(record: &Record) -> Vec<u8> {
    let payload = ron::to_string(record).unwrap_or_default().into_bytes();
    let mut out = Vec::with_capacity(payload.len() + 8);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// What a journal file holds.
#[derive(Debug, Default)]
pub struct Contents {
    pub base: u64,
    pub records: Vec<Record>,
    /// Bytes at the end that did not make a whole, valid record (a write
    /// cut short by a crash); they are dropped.
    pub torn: usize,
}

/// Read a journal file. `Ok(None)` when there is none.
pub fn read(path: &Path) -> std::io::Result<Option<Contents>> {
    let mut bytes = Vec::new();
    match File::open(path) {
        Ok(mut f) => f.read_to_end(&mut bytes)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok(Some(decode(&bytes)))
}

/// Decode journal bytes; never fails: what cannot be read is counted as torn.
pub fn decode(bytes: &[u8]) -> Contents {
    if bytes.len() < 12 || &bytes[..4] != MAGIC {
        return Contents {
            base: 0,
            records: Vec::new(),
            torn: bytes.len(),
        };
    }
    let mut base = [0u8; 8];
    base.copy_from_slice(&bytes[4..12]);
    let base = u64::from_le_bytes(base);
    let mut at = 12;
    let mut records = Vec::new();
    while at + 8 <= bytes.len() {
        let len = u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
        let crc = u32::from_le_bytes([bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]]);
        let end = at + 8 + len as usize;
        if len > MAX_RECORD || end > bytes.len() {
            break;
        }
        let payload = &bytes[at + 8..end];
        if crc32fast::hash(payload) != crc {
            break;
        }
        let Ok(text) = std::str::from_utf8(payload) else {
            break;
        };
        let Ok(record) = ron::from_str::<Record>(text) else {
            break;
        };
        records.push(record);
        at = end;
    }
    Contents {
        base,
        records,
        torn: bytes.len() - at,
    }
}

/// An open journal, appended to by the saver thread.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Option<File>,
    /// Frames written since the base, with the session generation they bring.
    frames: Vec<(u64, Vec<u8>)>,
    /// The latest drafts record's frame: kept through every rebase.
    drafts: Option<Vec<u8>>,
    /// The latest ballots record's frame: kept likewise.
    ballots: Option<Vec<u8>>,
    dirty: bool,
    /// While a full save is written: the journal prepared for its file.
    next: Option<Next>,
    /// The last error, so it is reported once.
    pub error: Option<crate::store::SaveError>,
}

/// The journal of a file being written by a full save.
#[derive(Debug)]
struct Next {
    base: u64,
    generation: u64,
    path: PathBuf,
    /// `None` when it could not be written: the save then rebases after.
    file: Option<File>,
}

impl Journal {
    /// Start a journal for the session whose file has fingerprint `base`.
    pub fn start(session: &Path, base: u64) -> Journal {
        // A journal prepared for a save that never finished: recovery has
        // used it if it was the one.
        let _ = std::fs::remove_file(next_path(session));
        let mut j = Journal {
            path: journal_path(session),
            file: None,
            frames: Vec::new(),
            drafts: None,
            ballots: None,
            dirty: false,
            next: None,
            error: None,
        };
        j.rewrite(base);
        j
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append a record brought by session generation `generation`.
    pub fn append(&mut self, generation: u64, record: &Record) {
        let bytes = frame(record);
        if let Some(f) = self.file.as_mut()
            && let Err(e) = f.write_all(&bytes)
        {
            self.error = Some(crate::store::SaveError::io(&self.path, &e));
            self.file = None;
        }
        if let Some(next) = self.next.as_mut()
            && let Some(f) = next.file.as_mut()
            && f.write_all(&bytes).is_err()
        {
            // The save will rebase the journal the usual way.
            next.file = None;
        }
        if record.is_drafts() {
            self.drafts = Some(bytes);
        } else if matches!(record, Record::Ballots(_)) {
            self.ballots = Some(bytes);
        } else {
            self.frames.push((generation, bytes));
        }
        self.dirty = true;
    }

    /// Make appended records durable.
    pub fn sync(&mut self) {
        if !self.dirty {
            return;
        }
        if let Some(f) = self.file.as_mut()
            && let Err(e) = f.sync_data()
        {
            self.error = Some(crate::store::SaveError::io(&self.path, &e));
        }
        if let Some(next) = self.next.as_mut()
            && let Some(f) = next.file.as_ref()
            && f.sync_data().is_err()
        {
            next.file = None;
        }
        self.dirty = false;
    }

    /// A full save is about to write a file with fingerprint `base` that
    /// holds everything up to `generation`: prepare that file's journal
    /// beside this one (the later records, then every record appended until
    /// [`Journal::saved`]). Until then a crash finds a journal for either
    /// file, whichever is on disk.
    pub fn saving(&mut self, base: u64, generation: u64) {
        self.abandon();
        let session_path = self.path.with_extension("");
        let path = next_path(&session_path);
        let bytes = self.bytes(base, |g| g > generation);
        let file = crate::store::write_atomic_as(&path, &bytes, crate::store::Access::Private)
            .ok()
            .and_then(|()| OpenOptions::new().append(true).open(&path).ok());
        self.next = Some(Next {
            base,
            generation,
            path,
            file,
        });
    }

    /// The full save announced by [`Journal::saving`] is on disk: its
    /// journal becomes this one.
    pub fn saved(&mut self) {
        let Some(next) = self.next.take() else {
            return;
        };
        let Some(file) = next.file else {
            let _ = std::fs::remove_file(&next.path);
            self.rebase(next.base, next.generation);
            return;
        };
        let synced = file.sync_data();
        match synced.and_then(|()| std::fs::rename(&next.path, &self.path)) {
            Ok(()) => {
                sync_dir(&self.path);
                self.frames.retain(|(g, _)| *g > next.generation);
                self.file = Some(file);
                self.error = None;
                self.dirty = false;
            }
            Err(_) => {
                let _ = std::fs::remove_file(&next.path);
                self.rebase(next.base, next.generation);
            }
        }
    }

    /// The full save announced by [`Journal::saving`] did not happen (or
    /// wrote nothing): this journal stays the one.
    pub fn abandon(&mut self) {
        if let Some(next) = self.next.take() {
            let _ = std::fs::remove_file(&next.path);
        }
    }

    /// The session file now holds everything up to `generation` and has
    /// fingerprint `base`: restart the journal with only the later records.
    pub fn rebase(&mut self, base: u64, generation: u64) {
        self.frames.retain(|(g, _)| *g > generation);
        self.rewrite(base);
    }

    /// The journal's bytes for a file with fingerprint `base`: the frames
    /// whose generation `keep` says, and the drafts.
    fn bytes(&self, base: u64, keep: impl Fn(u64) -> bool) -> Vec<u8> {
        let mut bytes =
            Vec::with_capacity(12 + self.frames.iter().map(|f| f.1.len()).sum::<usize>());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&base.to_le_bytes());
        for (_, f) in self.frames.iter().filter(|(g, _)| keep(*g)) {
            bytes.extend_from_slice(f);
        }
        if let Some(d) = &self.drafts {
            bytes.extend_from_slice(d);
        }
        if let Some(b) = &self.ballots {
            bytes.extend_from_slice(b);
        }
        bytes
    }

    fn rewrite(&mut self, base: u64) {
        let bytes = self.bytes(base, |_| true);
        self.file = None;
        match crate::store::write_atomic_as(&self.path, &bytes, crate::store::Access::Private) {
            Ok(()) => match OpenOptions::new().append(true).open(&self.path) {
                Ok(f) => {
                    self.file = Some(f);
                    self.error = None;
                }
                Err(e) => self.error = Some(crate::store::SaveError::io(&self.path, &e)),
            },
            Err(e) => self.error = Some(e),
        }
        self.dirty = false;
    }

    /// Whether the journal is being written.
    pub fn is_open(&self) -> bool {
        self.file.is_some()
    }
}

/// Make a rename in the folder of `path` durable (a power cut after it).
fn sync_dir(path: &Path) {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Whether replaying `read` (the journal of the file being opened) changes
/// the session: it holds a change, or a torn record to report.
pub fn replays(read: &Contents) -> bool {
    read.torn > 0 || !read.records.iter().all(Record::is_aside)
}

/// Whether anything stands where a journal of `session` would be (its
/// journal, or the one a full save prepared): when nothing does, there is
/// nothing to recover.
pub fn present(session: &Path) -> bool {
    [journal_path(session), next_path(session)]
        .iter()
        .any(|p| std::fs::symlink_metadata(p).is_ok())
}

/// The journals beside a session file: its journal, then the one a full
/// save prepared for its next file (see [`next_path`]), those that exist.
fn candidates(session: &Path) -> std::io::Result<Vec<(PathBuf, Contents)>> {
    let mut out = Vec::new();
    for path in [journal_path(session), next_path(session)] {
        match read(&path) {
            Ok(Some(c)) => out.push((path, c)),
            Ok(None) => {}
            // The journal itself must be readable; a prepared one is a bonus.
            Err(e) if out.is_empty() && path == journal_path(session) => return Err(e),
            Err(_) => {}
        }
    }
    Ok(out)
}

/// The journal that belongs to the session file with fingerprint `base`
/// (its own, or the one a full save cut short had prepared for it).
pub fn matching(session: &Path, base: u64) -> Option<Contents> {
    candidates(session)
        .ok()?
        .into_iter()
        .map(|(_, c)| c)
        .find(|c| c.base == base)
}

/// A conflict copy beside `path` whose content the journal was based on:
/// replay the journal into it (atomically) and say so.
fn recover_into_conflict_copy(path: &Path, read: &Contents) -> Option<Recovered> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let prefix = format!("{stem}.conflict-");
    let mut copies: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy().starts_with(&prefix) && n.to_string_lossy().ends_with(".ron")
            })
        })
        .collect();
    copies.sort();
    for copy in copies.into_iter().rev() {
        let Ok(bytes) = std::fs::read(&copy) else {
            continue;
        };
        if fingerprint(&bytes) != read.base {
            continue;
        }
        let name = copy.display().to_string();
        let text = crate::store::decode(&name, &bytes).ok()?;
        let mut session = crate::store::load_str(&name, &text).ok()?;
        let n = read.records.iter().filter(|r| !r.is_aside()).count();
        for r in read.records.iter().cloned() {
            r.apply_to(&mut session);
        }
        if !crate::model::validate(&session).is_empty() {
            return None;
        }
        let out = crate::store::to_ron(&session).ok()?;
        crate::store::write_atomic(&copy, out.as_bytes()).ok()?;
        return Some(Recovered::ConflictCopy { n, name });
    }
    None
}

/// What a crash journal gave back when its session was opened. `Display`
/// is English; `i18n::recovered` says it in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recovered {
    /// `n` changes replayed; `torn` bytes of an unfinished last record
    /// dropped.
    Changes { n: usize, torn: usize },
    /// `n` changes replayed into the conflict copy `name` (the session
    /// file had been changed by someone else).
    ConflictCopy { n: usize, name: String },
    /// An older journal that did not match the file, kept aside as `path`.
    KeptAside { path: String },
    /// A journal whose changes do not fit the file, kept aside as `path`.
    DoNotFit { path: String },
    /// The journal could not be read: why, in English and as a key.
    Unreadable {
        why: String,
        key: (&'static str, Vec<(&'static str, String)>),
    },
}

impl std::fmt::Display for Recovered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = |n: &usize| if *n == 1 { "" } else { "s" };
        match self {
            Recovered::Changes { n, torn: 0 } => {
                write!(f, "recovered {n} change{} from the crash journal", s(n))
            }
            Recovered::Changes { n, torn } => write!(
                f,
                "recovered {n} change{} from the crash journal; an unfinished last record ({torn} bytes) was dropped",
                s(n)
            ),
            Recovered::ConflictCopy { n, name } => write!(
                f,
                "recovered {n} change{} from the crash journal into the conflict copy {name} (the session file had been changed by someone else)",
                s(n)
            ),
            Recovered::KeptAside { path } => write!(
                f,
                "an older crash journal did not match the file and was kept aside as {path}"
            ),
            Recovered::DoNotFit { path } => write!(
                f,
                "a crash journal was found but its changes do not fit this file; it was kept aside as {path}"
            ),
            Recovered::Unreadable { why, .. } => {
                write!(f, "the crash journal cannot be read ({why})")
            }
        }
    }
}

/// Replay the journal of `path` onto `session` (loaded from bytes with
/// fingerprint `base`). Returns how many records were applied and a note
/// about anything dropped; `None` when there was nothing to replay.
pub fn recover(path: &Path, base: u64, session: &mut Session) -> Option<(usize, Recovered)> {
    let jpath = journal_path(path);
    let mut found = match candidates(path) {
        Ok(c) if c.is_empty() => return None,
        Ok(c) => c,
        Err(e) => {
            return Some((
                0,
                Recovered::Unreadable {
                    why: crate::store::describe_io(&e),
                    key: crate::store::io_keyed(&e),
                },
            ));
        }
    };
    let Some(at) = found.iter().position(|(_, c)| c.base == base) else {
        let nothing = found
            .iter()
            .all(|(_, c)| c.records.iter().all(Record::is_aside) && c.torn == 0);
        if nothing {
            return None;
        }
        // Saves had gone to a conflict copy: the journal belongs to it.
        for (_, read) in &found {
            if let Some(note) = recover_into_conflict_copy(path, read) {
                for (p, _) in &found {
                    let _ = std::fs::remove_file(p);
                }
                return Some((0, note));
            }
        }
        // The session file was saved after this journal started: its
        // changes are in the file. Keep the old journal aside, just in case.
        let aside = jpath.with_extension("journal.old");
        let _ = std::fs::rename(&found[0].0, &aside);
        return Some((
            0,
            Recovered::KeptAside {
                path: aside.display().to_string(),
            },
        ));
    };
    let (_, read) = found.swap_remove(at);
    if read.records.iter().all(Record::is_aside) && read.torn == 0 {
        return None;
    }
    let n = read.records.iter().filter(|r| !r.is_aside()).count();
    for r in read.records {
        r.apply_to(session);
    }
    Some((n, Recovered::Changes { n, torn: read.torn }))
}

//! Session files on disk: load, save, format versions, lock.
//!
//! Promises kept here:
//! - a save is atomic (the old file or the new one, never half of either);
//! - one writer per session (a `.lock` beside it); a second opener is read-only;
//! - a file changed on disk since it was loaded is never overwritten: the save
//!   goes to a conflict copy beside it, and says so.

mod error;
mod fast;
pub mod hidden;
pub mod journal;
mod load;
mod lock;
pub mod media;
mod migrate;
pub mod paths;
pub mod review_drafts;
mod ron_words;
mod save;

pub use error::{LoadError, SaveError, describe_io, io_key, io_keyed, io_keys, line_col};
pub use load::{decode, load_str, parse_config, parse_ron, sniff_format};
pub use lock::{Holder, Lock, lock_path};
pub use paths::Home;
pub use save::{
    Access, HEADER, copy_atomic, is_stdout, is_stream, to_ron, write_atomic, write_atomic_as,
    write_atomic_pieces, write_atomic_with,
};

use crate::model::Session;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// A crash journal shared between the thread that appends to it and the
/// one that writes full saves (see [`Store::shared_journal`]).
pub type SharedJournal = Arc<Mutex<journal::Journal>>;

/// Lock a shared journal; a thread that panicked while holding it left it
/// usable (every change to it is whole or not made).
pub fn lock_journal(j: &SharedJournal) -> MutexGuard<'_, journal::Journal> {
    j.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Read and load a session file.
pub fn load_file(path: &Path) -> Result<Session, LoadError> {
    load_file_with_bytes(path).map(|(s, _)| s)
}

fn load_file_with_bytes(path: &Path) -> Result<(Session, Vec<u8>), LoadError> {
    load_file_with_text(path).map(|(s, text)| (s, text.into_bytes()))
}

/// The session and the text of its file, checked as UTF-8 once.
fn load_file_with_text(path: &Path) -> Result<(Session, String), LoadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| LoadError::io(path, &e))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        // `decode` says why, and where.
        Err(e) => {
            return Err(match decode(&name, e.as_bytes()) {
                Err(why) => why,
                Ok(_) => LoadError::new(&name, None, "this is not UTF-8 text")
                    .keyed("load-not-utf8", Vec::new()),
            });
        }
    };
    let session = load_str(&name, &load::decode_text(&name, &text)?)?;
    Ok((session, text))
}

/// What the file on disk looked like when we last read or wrote it.
///
/// Only its size and content count: an outside edit may keep the size, the
/// modification time (coarse file system clocks, `cp -p`, `rsync -t`) and
/// the inode (an edit in place), so metadata alone cannot say "unchanged".
#[derive(Clone, Debug, PartialEq, Eq)]
struct Seen {
    len: u64,
    hash: u64,
}

/// Length and CRC-32 (see [`journal::fingerprint`]): it says whether a
/// file changed by accident, which is all it is for, at memory speed (a
/// 60 MB session is hashed in a few milliseconds, where SipHash took 40).
fn hash(bytes: &[u8]) -> u64 {
    journal::fingerprint(bytes)
}

impl Seen {
    fn of(path: &Path, bytes: &[u8]) -> Option<Seen> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Seen {
            len: meta.len(),
            hash: hash(bytes),
        })
    }

    /// Whether the file still holds what we saw: a different size says no
    /// at once; otherwise the content is read and compared.
    fn still(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return false;
        };
        if meta.len() != self.len {
            return false;
        }
        std::fs::read(path).is_ok_and(|b| hash(&b) == self.hash)
    }
}

/// How a save went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// Written to the session file.
    Written,
    /// The session file was changed by someone else since we read it; our
    /// version went to this conflict copy beside it. Both are kept.
    Conflict(PathBuf),
    /// Nothing changed since the last save.
    Unchanged,
}

/// An open session file: its path, its lock (if we hold it), its crash
/// journal, and what we last saw on disk.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    lock: Option<Lock>,
    read_only: Option<String>,
    seen: Option<Seen>,
    last_written: Option<String>,
    conflict: Option<PathBuf>,
    journal: Option<SharedJournal>,
    /// What was recovered from a crash journal when the session was opened.
    recovered: Option<journal::Recovered>,
    /// Drafts found in the crash journal at open.
    drafts: journal::Drafts,
    /// What the app remembered of phones' ballots, found likewise.
    ballots: crate::model::BallotMemory,
}

impl Store {
    /// Open an existing session: load it and take its lock. When another
    /// process holds the lock, the store is read-only and says who holds it.
    ///
    /// A path through symbolic links is resolved here, once: every save,
    /// journal, lock and conflict copy is then beside the real file, and the
    /// link stays a link (see [`Store::path`]).
    pub fn open(path: &Path) -> Result<(Store, Session), LoadError> {
        let path = &paths::resolve(path);
        let (session, text) = load_file_with_text(path)?;
        let (lock, read_only) = match lock::try_lock(path) {
            Ok(Ok(lock)) => (Some(lock), None),
            Ok(Err(holder)) => (None, Some(format!("it is open in {holder}"))),
            Err(e) => (
                None,
                Some(format!("its lock file cannot be made: {}", describe_io(&e))),
            ),
        };
        let mut session = session;
        let mut recovered = None;
        let base = journal::fingerprint(text.as_bytes());
        let mut drafts = journal::Drafts::new();
        let mut ballots = crate::model::BallotMemory::default();
        if lock.is_some() {
            // Drafts (and ballots) are kept whenever the journal is this file's.
            let read = journal::matching(path, base);
            if let Some(read) = &read {
                drafts = journal::last_drafts(&read.records);
                ballots = journal::last_ballots(&read.records);
            }
            if read.as_ref().is_some_and(journal::replays) {
                let mut replayed = session.clone();
                if let Some((n, note)) = journal::recover(path, base, &mut replayed) {
                    if n > 0 && !crate::model::validate(&replayed).is_empty() {
                        let aside = journal::journal_path(path).with_extension("journal.bad");
                        let _ = std::fs::rename(journal::journal_path(path), &aside);
                        recovered = Some(journal::Recovered::DoNotFit {
                            path: aside.display().to_string(),
                        });
                    } else {
                        if n > 0 {
                            session = replayed;
                        }
                        recovered = Some(note);
                    }
                }
            } else if journal::present(path) {
                // Nothing of this journal applies to the session (it is
                // empty, or another file's): the session is not copied to
                // replay it onto (a 60 MB session took 60 MB more at open).
                // Recovery still sets aside or forwards what it finds; we
                // hold the lock, so the journal cannot change meanwhile.
                recovered = journal::recover(path, base, &mut session).map(|(_, note)| note);
            }
        }
        let mut store = Store {
            path: path.to_path_buf(),
            lock,
            read_only,
            seen: Seen::of(path, text.as_bytes()),
            last_written: Some(text),
            conflict: None,
            journal: None,
            recovered,
            drafts,
            ballots,
        };
        if store.lock.is_some() {
            if store.recovered.is_some() {
                // Put what was recovered into the file before a new journal starts.
                let _ = store.save(&session);
            }
            let base = store
                .last_written
                .as_deref()
                .map_or(base, |t| journal::fingerprint(t.as_bytes()));
            let mut journal = journal::Journal::start(path, base);
            if !store.drafts.is_empty() {
                // Still kept if atelier stops again before they change.
                journal.append(0, &journal::Record::Drafts(store.drafts.clone()));
                journal.sync();
            }
            if !store.ballots.rounds.is_empty() {
                journal.append(0, &journal::Record::Ballots(store.ballots.clone()));
                journal.sync();
            }
            store.journal = Some(Arc::new(Mutex::new(journal)));
        }
        Ok((store, session))
    }

    /// What was recovered from a crash journal at open (see
    /// `i18n::recovered` to say it).
    pub fn recovery(&self) -> Option<&journal::Recovered> {
        self.recovered.as_ref()
    }

    /// The drafts the crash journal held at open (empty when none).
    pub fn recovered_drafts(&self) -> &journal::Drafts {
        &self.drafts
    }

    /// What the crash journal remembered of phones' ballots at open.
    pub fn recovered_ballots(&self) -> &crate::model::BallotMemory {
        &self.ballots
    }

    /// Append a change to the crash journal (made durable by [`Store::sync`]).
    pub fn journal(&mut self, generation: u64, record: &journal::Record) {
        if let Some(j) = &self.journal {
            lock_journal(j).append(generation, record);
        }
    }

    /// Make the journal durable.
    pub fn sync(&mut self) {
        if let Some(j) = &self.journal {
            lock_journal(j).sync();
        }
    }

    /// A journal problem to report, if any.
    pub fn journal_error(&self) -> Option<SaveError> {
        self.journal
            .as_ref()
            .and_then(|j| lock_journal(j).error.clone())
    }

    /// The crash journal, shared: another thread may append to it and sync
    /// it while this store writes a full save (which takes the same lock
    /// only to prepare the next journal and to put it in place). `None`
    /// when the store keeps no journal (read-only).
    pub fn shared_journal(&self) -> Option<SharedJournal> {
        self.journal.clone()
    }

    /// Open a session read-only on purpose (review), without taking its lock.
    pub fn open_read_only(path: &Path, reason: &str) -> Result<(Store, Session), LoadError> {
        let path = &paths::resolve(path);
        let (session, bytes) = load_file_with_bytes(path)?;
        Ok((
            Store {
                path: path.to_path_buf(),
                lock: None,
                read_only: Some(reason.to_owned()),
                seen: Seen::of(path, &bytes),
                last_written: None,
                conflict: None,
                journal: None,
                recovered: None,
                drafts: journal::Drafts::new(),
                ballots: Default::default(),
            },
            session,
        ))
    }

    /// Create a new session file (owner-only); fails if the file exists.
    /// A path through a symbolic link creates the link's target.
    pub fn create(path: &Path, session: &Session) -> Result<Store, SaveError> {
        let path = &paths::resolve(path);
        if path.exists() {
            return Err(SaveError::taken(path));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            paths::make_private_dir(dir).map_err(|e| SaveError::io(dir, &e))?;
        }
        let lock = match lock::try_lock(path) {
            Ok(Ok(lock)) => Some(lock),
            Ok(Err(holder)) => return Err(SaveError::open_in(path, holder)),
            Err(e) => return Err(SaveError::io(&lock_path(path), &e)),
        };
        let mut store = Store {
            path: path.to_path_buf(),
            lock,
            read_only: None,
            seen: None,
            last_written: None,
            conflict: None,
            journal: None,
            recovered: None,
            drafts: journal::Drafts::new(),
            ballots: Default::default(),
        };
        store.save(session)?;
        let base = store
            .last_written
            .as_deref()
            .map_or(0, |t| journal::fingerprint(t.as_bytes()));
        store.journal = Some(Arc::new(Mutex::new(journal::Journal::start(path, base))));
        Ok(store)
    }

    /// The session file: the real file, symbolic links resolved at open.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why this store refuses to save, if it does.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The conflict copy saves go to, once the file was changed on disk.
    pub fn conflict(&self) -> Option<&Path> {
        self.conflict.as_deref()
    }

    /// Whether we hold the session's lock.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Save the session. Never overwrites a file changed on disk since we
    /// read or wrote it: writes a conflict copy instead.
    pub fn save(&mut self, session: &Session) -> Result<Saved, SaveError> {
        self.save_generation(session, u64::MAX)
    }

    /// Save the session as of `generation`; the journal keeps only the
    /// changes after it.
    pub fn save_generation(
        &mut self,
        session: &Session,
        generation: u64,
    ) -> Result<Saved, SaveError> {
        self.save_generation_with(session, generation, write_atomic)
    }

    /// As [`Store::save_generation`], with the atomic writer given (tests
    /// inject slow or failing writes).
    pub fn save_generation_with(
        &mut self,
        session: &Session,
        generation: u64,
        write: impl FnOnce(&Path, &[u8]) -> Result<(), SaveError>,
    ) -> Result<Saved, SaveError> {
        let text = to_ron(session)?;
        let Some(j) = self.journal.clone() else {
            return self.save_text(text, write);
        };
        if self.last_written.as_deref() == Some(text.as_str()) && self.unchanged_on_disk() {
            return Ok(Saved::Unchanged);
        }
        // The journal for the file about to be written is ready before it
        // is (and kept up to date while it is written): a crash at any
        // moment finds a journal for whichever file is on disk. After a
        // conflict, saves go to the conflict copy: the journal then belongs
        // to the copy (recovery finds it there).
        lock_journal(&j).saving(journal::fingerprint(text.as_bytes()), generation);
        let saved = self.save_text(text, write);
        let mut j = lock_journal(&j);
        match saved {
            Ok(Saved::Written | Saved::Conflict(_)) => j.saved(),
            Ok(Saved::Unchanged) | Err(_) => j.abandon(),
        }
        saved
    }

    /// As [`Store::save`], with the atomic writer given (tests inject failures).
    pub fn save_text(
        &mut self,
        text: String,
        write: impl FnOnce(&Path, &[u8]) -> Result<(), SaveError>,
    ) -> Result<Saved, SaveError> {
        if let Some(reason) = &self.read_only {
            return Err(SaveError::ReadOnly {
                path: self.path.display().to_string(),
                reason: reason.clone(),
                holder: None,
            });
        }
        if self.last_written.as_deref() == Some(text.as_str()) && self.unchanged_on_disk() {
            return Ok(Saved::Unchanged);
        }
        if self.conflict.is_none() && !self.unchanged_on_disk() {
            self.conflict = Some(conflict_path(&self.path));
        }
        if let Some(copy) = self.conflict.clone() {
            write(&copy, text.as_bytes())?;
            self.last_written = Some(text);
            return Ok(Saved::Conflict(copy));
        }
        write(&self.path, text.as_bytes())?;
        self.seen = Seen::of(&self.path, text.as_bytes());
        self.last_written = Some(text);
        Ok(Saved::Written)
    }

    /// Whether the session file is as we last saw it (or, for a new
    /// store, still absent).
    fn unchanged_on_disk(&self) -> bool {
        match &self.seen {
            Some(seen) => seen.still(&self.path),
            None => !self.path.exists(),
        }
    }

    /// Save to another path from now on ("save as"): takes that file's lock.
    pub fn save_as(&mut self, path: &Path, session: &Session) -> Result<Saved, SaveError> {
        let mut other = Store::create(path, session)?;
        std::mem::swap(self, &mut other);
        Ok(Saved::Written)
    }
}

/// `name.conflict-20260612T093000Z.ron` beside `name.ron`.
pub fn conflict_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    let stamp = paths::stamp_now(true);
    let mut candidate = path.with_file_name(format!("{stem}.conflict-{stamp}.ron"));
    let mut n = 2;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{stem}.conflict-{stamp}-{n}.ron"));
        n += 1;
    }
    candidate
}

/// Session files (`*.ron`) in a folder, newest first: (path, title, modified, size).
pub fn list_sessions(dir: &Path) -> Vec<SessionEntry> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<SessionEntry> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|p| {
            let meta = std::fs::metadata(&p).ok()?;
            let (title, date) = read_head(&p);
            Some(SessionEntry {
                title: title.unwrap_or_default(),
                date,
                modified: meta.modified().ok(),
                size: meta.len(),
                path: p,
            })
        })
        .collect();
    out.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
    out
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionEntry {
    pub path: PathBuf,
    pub title: String,
    /// The workshop's date, as the file says it.
    pub date: Option<::time::Date>,
    pub modified: Option<std::time::SystemTime>,
    pub size: u64,
}

/// The title and date of a session file, read from the first lines without
/// parsing the whole file (fast for a list of many large sessions).
fn read_head(path: &Path) -> (Option<String>, Option<::time::Date>) {
    use std::io::{BufRead, BufReader};
    let (mut title, mut date) = (None, None);
    let Ok(file) = std::fs::File::open(path) else {
        return (title, date);
    };
    for line in BufReader::new(file).lines().take(40) {
        let Ok(line) = line else { break };
        let t = line.trim_start();
        let value = |rest: &str| rest.trim().trim_end_matches(',').to_owned();
        if let Some(rest) = t.strip_prefix("title:").filter(|_| title.is_none()) {
            title = parse_ron::<String>(&value(rest)).ok();
        } else if let Some(rest) = t.strip_prefix("date:").filter(|_| date.is_none()) {
            date = parse_ron::<Option<String>>(&value(rest))
                .ok()
                .flatten()
                .and_then(|d| crate::model::time::iso_date::parse(&d).ok());
        }
        if title.is_some() && date.is_some() {
            break;
        }
    }
    (title, date)
}

/// Add review comments to a session file without touching the workshop:
/// the file is read fresh, only its comments section changes (new comments
/// are added by id), and it is written atomically under its lock.
pub fn save_comments(path: &Path, comments: &[crate::model::Comment]) -> Result<(), String> {
    let (mut store, mut on_disk) = Store::open(path).map_err(|e| e.to_string())?;
    if let Some(why) = store.read_only() {
        return Err(format!("{why}; try again when it is closed"));
    }
    let mut added = false;
    for c in comments {
        if !on_disk.comments.iter().any(|d| d.id == c.id) {
            on_disk.comments.push(c.clone());
            added = true;
        }
    }
    if !added {
        return Ok(());
    }
    match store.save(&on_disk).map_err(|e| e.to_string())? {
        Saved::Conflict(p) => Err(format!(
            "the file changed while saving; comments went to {}",
            p.display()
        )),
        _ => Ok(()),
    }
}

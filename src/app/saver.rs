//! Saving off the key path, on two threads, so that typing is never behind
//! a full save:
//!
//! - the journal thread takes every change at once, appends it to the crash
//!   journal and makes it durable within 200 ms, whatever else happens;
//! - the writer thread owns the store and rewrites the session file
//!   atomically at most every two seconds (at once on Ctrl-s, quit or
//!   close), at a lower priority than the keys. On a 20,000-sticky session
//!   that takes a second or more; the journal keeps being written and synced
//!   meanwhile.
//!
//! Both share the journal under a lock that a full save takes only for
//! moments: to prepare the journal of the file it is about to write, and to
//! put it in place once the file is written (see `store::journal`). Jobs
//! reach the journal thread first, in the order the app sent them, and
//! saves are handed on from there: by the time the writer saves generation
//! `g`, every change up to `g` is already in the journal, and the new
//! journal keeps exactly the later ones. Keys never wait.

use super::action::SaveReport;
use crate::model::{Session, Timestamp};
use crate::store::journal::Record;
use crate::store::{SaveError, Saved, SharedJournal, Store, lock_journal};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const SYNC_EVERY: Duration = Duration::from_millis(200);
pub(super) const SAVE_EVERY: Duration = Duration::from_secs(2);
/// How long a thread with nothing due sleeps before looking again.
const IDLE: Duration = Duration::from_secs(3600);

enum Job {
    Record(u64, Record),
    Save(Arc<Session>, u64),
    SaveNow(Arc<Session>, u64),
    SaveAs(PathBuf, Arc<Session>, u64),
    Stop,
}

/// What the journal thread hands the writer thread.
enum Write {
    Save(Arc<Session>, u64, bool),
    /// Save as; the reply is the new file's journal.
    SaveAs(PathBuf, Arc<Session>, u64, Sender<Option<SharedJournal>>),
    Stop,
}

/// What the saver tells the app.
#[derive(Debug)]
pub enum Report {
    Save(u64, SaveReport),
    /// Saving now goes to this new path.
    MovedTo(PathBuf),
    /// Save-as found a file already at this path and wrote nothing.
    Taken(PathBuf),
}

/// How the writer thread writes a session file: atomically (tests give a
/// slow or failing one).
pub type Writer = Box<dyn Fn(&Path, &[u8]) -> Result<(), SaveError> + Send>;

pub struct Saver {
    jobs: Sender<Job>,
    reports: Receiver<Report>,
    handle: Option<JoinHandle<Option<Store>>>,
}

/// The journal thread: appends and syncs; hands saves to the writer.
struct Journaler {
    journal: Option<SharedJournal>,
    writes: Sender<Write>,
    writer: Option<JoinHandle<Store>>,
    reports: Sender<Report>,
    last_sync: Instant,
    dirty: bool,
    journal_error: Option<crate::store::SaveError>,
    /// The language of its reports.
    lang: &'static str,
}

impl Journaler {
    fn append(&mut self, generation: u64, record: &Record) {
        if let Some(j) = &self.journal {
            lock_journal(j).append(generation, record);
            self.dirty = true;
        }
    }

    fn sync(&mut self) {
        self.last_sync = Instant::now();
        self.dirty = false;
        let Some(j) = &self.journal else {
            return;
        };
        let err = {
            let mut j = lock_journal(j);
            j.sync();
            j.error.clone()
        };
        if err != self.journal_error {
            self.journal_error = err.clone();
            if let Some(e) = err {
                let _ = self.reports.send(Report::Save(
                    0,
                    SaveReport::Failed(crate::t!(
                        self.lang,
                        "saver-journal-failed",
                        error = crate::i18n::save_error(self.lang, &e)
                    )),
                ));
            }
        }
    }

    fn run(mut self, jobs: Receiver<Job>) -> Option<Store> {
        let mut stop = false;
        while !stop {
            let due = self
                .dirty
                .then(|| SYNC_EVERY.saturating_sub(self.last_sync.elapsed()));
            let mut next = wait_for(&jobs, due, &mut stop);
            let mut force = false;
            while let Some(job) = next {
                match job {
                    Job::Record(g, r) => self.append(g, &r),
                    Job::Save(s, g) => {
                        let _ = self.writes.send(Write::Save(s, g, false));
                    }
                    Job::SaveNow(s, g) => {
                        force = true;
                        let _ = self.writes.send(Write::Save(s, g, true));
                    }
                    Job::SaveAs(path, s, g) => {
                        // Every change so far goes into the new file; the
                        // next ones into its journal, so wait for it.
                        self.sync();
                        let (reply, answer) = channel();
                        if self.writes.send(Write::SaveAs(path, s, g, reply)).is_ok()
                            && let Ok(Some(journal)) = answer.recv()
                        {
                            self.journal = Some(journal);
                        }
                    }
                    Job::Stop => stop = true,
                }
                next = jobs.try_recv().ok();
            }
            if self.dirty && (stop || force || self.last_sync.elapsed() >= SYNC_EVERY) {
                self.sync();
            }
        }
        let _ = self.writes.send(Write::Stop);
        self.writer.take().and_then(|h| h.join().ok())
    }
}

/// The writer thread: full saves of the session file.
struct FileWriter {
    store: Store,
    write: Writer,
    reports: Sender<Report>,
    pending: Option<(Arc<Session>, u64)>,
    last_save: Instant,
    /// The language of its reports.
    lang: &'static str,
}

impl FileWriter {
    fn save(&mut self) {
        let Some((session, generation)) = self.pending.take() else {
            return;
        };
        let report = match self
            .store
            .save_generation_with(&session, generation, |p, b| (self.write)(p, b))
        {
            Ok(Saved::Conflict(copy)) => SaveReport::Conflict(crate::t!(
                self.lang,
                "saver-conflict",
                copy = copy.display().to_string()
            )),
            Ok(_) => SaveReport::Saved(Timestamp::now()),
            Err(e) => {
                // Keep it pending: it is retried, and the journal still has it.
                self.pending = Some((session, generation));
                let error = crate::i18n::save_error(self.lang, &e);
                SaveReport::Failed(crate::t!(self.lang, "saver-not-saved", error = error))
            }
        };
        self.last_save = Instant::now();
        let _ = self.reports.send(Report::Save(generation, report));
    }

    fn save_as(&mut self, path: &Path, s: &Session, g: u64) -> Option<SharedJournal> {
        // A taken name is found here (by `Store::create`), off the key
        // path, in order with the saves.
        match self.store.save_as(path, s) {
            Ok(_) => {
                self.pending = None;
                let _ = self
                    .reports
                    .send(Report::MovedTo(self.store.path().to_path_buf()));
                let _ = self
                    .reports
                    .send(Report::Save(g, SaveReport::Saved(Timestamp::now())));
                self.store.shared_journal()
            }
            Err(e) if e.is_taken() => {
                let _ = self.reports.send(Report::Taken(path.to_path_buf()));
                None
            }
            Err(e) => {
                let _ = self.reports.send(Report::Save(
                    0,
                    SaveReport::Failed(crate::t!(
                        self.lang,
                        "saver-save-as-failed",
                        error = crate::i18n::save_error(self.lang, &e)
                    )),
                ));
                None
            }
        }
    }

    fn run(mut self, writes: Receiver<Write>) -> Store {
        lower_priority();
        let mut stop = false;
        while !stop {
            let due = self
                .pending
                .is_some()
                .then(|| SAVE_EVERY.saturating_sub(self.last_save.elapsed()));
            let mut next = wait_for(&writes, due, &mut stop);
            let mut force = false;
            while let Some(w) = next {
                match w {
                    Write::Save(s, g, now) => {
                        self.pending = Some((s, g));
                        force |= now;
                    }
                    Write::SaveAs(path, s, g, reply) => {
                        let _ = reply.send(self.save_as(&path, &s, g));
                    }
                    Write::Stop => stop = true,
                }
                next = writes.try_recv().ok();
            }
            if self.pending.is_some() && (stop || force || self.last_save.elapsed() >= SAVE_EVERY) {
                self.save();
            }
        }
        self.store
    }
}

/// Full saves are background work: on a busy machine, keys and the
/// journal get the processor first (the writer thread's nice value goes up
/// by 10; it only ever goes down with privileges, so never back).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{getpriority_process, setpriority_process};
        let me = Some(rustix::thread::gettid());
        let nice = getpriority_process(me).unwrap_or(0);
        let _ = setpriority_process(me, (nice + 10).min(19));
    }
}

/// The next message, waiting at most until `due` (when something is due);
/// sets `stop` when the sender is gone.
fn wait_for<T>(rx: &Receiver<T>, due: Option<Duration>, stop: &mut bool) -> Option<T> {
    match rx.recv_timeout(due.unwrap_or(IDLE)) {
        Ok(m) => Some(m),
        Err(RecvTimeoutError::Timeout) => None,
        Err(RecvTimeoutError::Disconnected) => {
            *stop = true;
            None
        }
    }
}

impl Saver {
    /// Start saving `store`, reporting in `lang`.
    pub fn start(store: Store, lang: &'static str) -> Saver {
        Saver::start_in(store, Box::new(crate::store::write_atomic), lang)
    }

    /// As [`Saver::start`], with the way session files are written given
    /// (tests make full saves slow or failing).
    pub fn start_in(store: Store, write: Writer, lang: &'static str) -> Saver {
        let (jobs, job_rx) = channel::<Job>();
        let (writes, write_rx) = channel::<Write>();
        let (report_tx, reports) = channel();
        let journal = store.shared_journal();
        let file_writer = FileWriter {
            store,
            write,
            reports: report_tx.clone(),
            pending: None,
            last_save: Instant::now() - SAVE_EVERY,
            lang,
        };
        let writer = std::thread::Builder::new()
            .name("atelier-writer".into())
            .spawn(move || file_writer.run(write_rx))
            .ok();
        let journaler = Journaler {
            journal,
            writes,
            writer,
            reports: report_tx,
            last_sync: Instant::now(),
            dirty: false,
            journal_error: None,
            lang,
        };
        let handle = std::thread::Builder::new()
            .name("atelier-journal".into())
            .spawn(move || journaler.run(job_rx))
            .ok();
        Saver {
            jobs,
            reports,
            handle,
        }
    }

    pub fn record(&self, generation: u64, record: Record) {
        let _ = self.jobs.send(Job::Record(generation, record));
    }

    /// Hand the saver the newest snapshot (saved within two seconds).
    pub fn save(&self, session: Arc<Session>, generation: u64) {
        let _ = self.jobs.send(Job::Save(session, generation));
    }

    /// Save at once.
    pub fn save_now(&self, session: Arc<Session>, generation: u64) {
        let _ = self.jobs.send(Job::SaveNow(session, generation));
    }

    pub fn save_as(&self, path: PathBuf, session: Arc<Session>, generation: u64) {
        let _ = self.jobs.send(Job::SaveAs(path, session, generation));
    }

    pub fn try_report(&self) -> Option<Report> {
        self.reports.try_recv().ok()
    }

    /// Stop after the pending work; returns the last reports and the store
    /// (to start again when the last save failed).
    pub fn finish(mut self) -> (Vec<Report>, Option<Store>) {
        let _ = self.jobs.send(Job::Stop);
        let store = self.handle.take().and_then(|h| h.join().ok()).flatten();
        (self.reports.try_iter().collect(), store)
    }
}

/// A piece of small disk work for [`Worker`], and the message it ends with.
pub type Chore = Box<dyn FnOnce() -> super::action::Msg + Send>;

/// One thread for the small disk work a key asks for (a review comment, a
/// read-only copy, the list of sessions, a path's completions, a
/// reviewer's drafts): done in the order asked, off the key path, each
/// result sent back as a message for `update`. One thread, not one per
/// chore, so that two comments (or two versions of the drafts) are never
/// written out of order.
pub struct Worker {
    chores: Sender<Chore>,
    done: Receiver<super::action::Msg>,
    handle: JoinHandle<()>,
    /// Chores sent and not yet taken back.
    pending: usize,
}

impl Worker {
    /// `None` when no thread can be started (the chores then run inline).
    pub fn start() -> Option<Worker> {
        let (chores, rx) = channel::<Chore>();
        let (tx, done) = channel();
        let handle = std::thread::Builder::new()
            .name("atelier-disk".into())
            .spawn(move || {
                for chore in rx {
                    if tx.send(chore()).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Worker {
            chores,
            done,
            handle,
            pending: 0,
        })
    }

    /// Queue a chore; it comes back when the thread is gone.
    pub fn run(&mut self, chore: Chore) -> Result<(), Chore> {
        self.chores.send(chore).map_err(|e| e.0)?;
        self.pending += 1;
        Ok(())
    }

    /// The result of a finished chore, if any.
    pub fn try_take(&mut self) -> Option<super::action::Msg> {
        let msg = self.done.try_recv().ok()?;
        self.pending = self.pending.saturating_sub(1);
        Some(msg)
    }

    /// Chores asked and not taken back yet.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// Finish every chore asked (a comment asked just before leaving is
    /// written), and return their results.
    pub fn finish(self) -> Vec<super::action::Msg> {
        let Worker {
            chores,
            done,
            handle,
            ..
        } = self;
        drop(chores);
        let _ = handle.join();
        done.try_iter().collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::{Colour, Place};
    use crate::store::journal;
    use std::sync::Mutex;
    use std::sync::mpsc::Receiver;

    #[test]
    fn the_disk_worker_does_chores_in_order_and_finishes_them_all() {
        use crate::app::action::Msg;
        let mut worker = Worker::start().expect("a thread");
        for i in 0..5_u64 {
            let chore: Chore = Box::new(move || {
                std::thread::sleep(std::time::Duration::from_millis(5 - i));
                Msg::Suggested(i, Vec::new())
            });
            assert!(worker.run(chore).is_ok());
        }
        assert!(worker.busy());
        let first = loop {
            if let Some(m) = worker.try_take() {
                break m;
            }
            std::thread::yield_now();
        };
        assert_eq!(first, Msg::Suggested(0, Vec::new()));
        let rest = worker.finish();
        let order: Vec<Msg> = (1..5).map(|i| Msg::Suggested(i, Vec::new())).collect();
        assert_eq!(rest, order);
    }

    /// A sticky added to `s`, as the app journals it.
    fn add(s: &mut Session, text: &str) -> Record {
        let op = s.new_sticky(
            text,
            None,
            Colour::Yellow,
            None,
            &Place::Inbox,
            Timestamp::now(),
            crate::model::Id::new(),
        );
        let (applied, _) = s.apply_logged(vec![op]);
        Record::Ops(applied)
    }

    /// The journal's records on disk (what a crash now would replay).
    fn on_disk(path: &Path) -> Vec<Record> {
        journal::read(&journal::journal_path(path))
            .ok()
            .flatten()
            .map(|c| c.records)
            .unwrap_or_default()
    }

    /// Wait (a generous bound, not a timing: it only stops a hang) until
    /// `ok` holds.
    fn eventually(what: &str, ok: impl Fn() -> bool) {
        let start = Instant::now();
        while !ok() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "never happened: {what}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// A full save that takes as long as the test wants: it waits for a
    /// word on `go`, and says it started on `started`.
    fn held_writer(started: Sender<()>, go: Receiver<()>) -> Writer {
        let go = Mutex::new(go);
        let started = Mutex::new(started);
        Box::new(move |path: &Path, bytes: &[u8]| {
            let _ = started.lock().unwrap().send(());
            let _ = go.lock().unwrap().recv();
            crate::store::write_atomic(path, bytes)
        })
    }

    #[test]
    fn changes_reach_the_journal_on_disk_while_a_full_save_is_still_writing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = Session::new(crate::model::Id::new(), "Saver");
        let store = Store::create(&path, &s).unwrap();
        let (started_tx, started) = channel();
        let (go, go_rx) = channel();
        let saver = Saver::start_in(store, held_writer(started_tx, go_rx), "en");

        saver.record(1, add(&mut s, "before the save"));
        saver.save_now(Arc::new(s.clone()), 1);
        started.recv().unwrap();
        // The full save is now under way, and stays so until `go`.
        saver.record(2, add(&mut s, "typed during the save"));
        eventually("the change typed during the save is synced", || {
            on_disk(&path).len() == 2
        });
        saver.record(3, add(&mut s, "and another"));
        eventually("the next one too", || on_disk(&path).len() == 3);

        // The save ends: the journal keeps only what the file lacks.
        go.send(()).unwrap();
        eventually("the save rebases the journal", || on_disk(&path).len() == 2);
        let (reports, store) = saver.finish();
        assert!(
            reports
                .iter()
                .any(|r| matches!(r, Report::Save(1, SaveReport::Saved(_)))),
            "{reports:?}"
        );
        drop(store); // a crash: nothing saved on drop
        let (_, recovered) = Store::open(&path).unwrap();
        let texts: Vec<&str> = recovered.stickies.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(
            texts,
            ["before the save", "typed during the save", "and another"]
        );
    }

    #[test]
    fn a_change_sent_before_a_save_is_never_replayed_twice() {
        // Records and saves leave the app in order; the journal thread hands
        // the save on only after the records before it, so the rebase never
        // keeps (and a crash never replays) a change the file already has.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = Session::new(crate::model::Id::new(), "Saver");
        let store = Store::create(&path, &s).unwrap();
        let saver = Saver::start(store, "en");
        for g in 1..=200 {
            saver.record(g, add(&mut s, &format!("sticky {g}")));
            if g % 20 == 0 {
                saver.save_now(Arc::new(s.clone()), g);
            }
        }
        let (_, store) = saver.finish();
        drop(store);
        let (_, recovered) = Store::open(&path).unwrap();
        assert_eq!(recovered, s);
    }

    #[test]
    fn a_save_that_fails_is_said_in_the_app_s_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let s = Session::new(crate::model::Id::new(), "Saver");
        let store = Store::create(&path, &s).unwrap();
        let full: Writer = Box::new(|p: &Path, _: &[u8]| {
            let e = std::io::Error::from(std::io::ErrorKind::StorageFull);
            Err(crate::store::SaveError::io(p, &e))
        });
        let saver = Saver::start_in(store, full, "fr");
        let mut s = s;
        s.title = "Changé".into();
        saver.save_now(Arc::new(s), 1);
        let (reports, _) = saver.finish();
        let failed: Vec<&String> = reports
            .iter()
            .filter_map(|r| match r {
                Report::Save(_, SaveReport::Failed(text)) => Some(text),
                _ => None,
            })
            .collect();
        assert!(
            failed
                .iter()
                .any(|t| t.starts_with("Non enregistré\u{a0}: ")
                    && t.contains("le disque est plein")
                    && t.contains("W l’enregistre ailleurs")),
            "{reports:?}"
        );
    }
}

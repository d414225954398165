//! Saving off the key path: a thread owns the store. Every change is
//! appended to the crash journal at once and made durable within 200 ms;
//! the session file itself is rewritten atomically at most every two
//! seconds (and at once on Ctrl-s, quit or close). Keys never wait.

use super::action::SaveReport;
use crate::model::{Session, Timestamp};
use crate::store::journal::Record;
use crate::store::{Saved, Store};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const SYNC_EVERY: Duration = Duration::from_millis(200);
const SAVE_EVERY: Duration = Duration::from_secs(2);

enum Job {
    Record(u64, Record),
    Save(Arc<Session>, u64),
    SaveNow(Arc<Session>, u64),
    SaveAs(PathBuf, Arc<Session>, u64),
    Stop,
}

/// What the saver tells the app.
#[derive(Debug)]
pub enum Report {
    Save(u64, SaveReport),
    /// Saving now goes to this new path.
    MovedTo(PathBuf),
}

pub struct Saver {
    jobs: Sender<Job>,
    reports: Receiver<Report>,
    handle: Option<JoinHandle<Store>>,
}

struct Worker {
    store: Store,
    reports: Sender<Report>,
    pending: Option<(Arc<Session>, u64)>,
    last_save: Instant,
    last_sync: Instant,
    journal_error: Option<String>,
}

impl Worker {
    fn save(&mut self) {
        let Some((session, generation)) = self.pending.take() else {
            return;
        };
        self.store.sync();
        let report = match self.store.save_generation(&session, generation) {
            Ok(Saved::Conflict(copy)) => SaveReport::Conflict(format!(
                "The file was changed on disk by someone else: your work is saved to {} and the other version is kept.",
                copy.display()
            )),
            Ok(_) => SaveReport::Saved(Timestamp::now()),
            Err(e) => {
                // Keep it pending: it is retried, and the journal still has it.
                self.pending = Some((session, generation));
                SaveReport::Failed(format!(
                    "Not saved: {e}. Your work is kept in memory and retried; W saves it elsewhere."
                ))
            }
        };
        self.last_save = Instant::now();
        let _ = self.reports.send(Report::Save(generation, report));
    }

    fn sync(&mut self) {
        self.store.sync();
        self.last_sync = Instant::now();
        let err = self.store.journal_error().map(str::to_owned);
        if err != self.journal_error {
            self.journal_error = err.clone();
            if let Some(e) = err {
                let _ = self.reports.send(Report::Save(
                    0,
                    SaveReport::Failed(format!("The crash journal cannot be written: {e}.")),
                ));
            }
        }
    }

    fn run(mut self, jobs: Receiver<Job>) -> Store {
        let mut stop = false;
        let mut dirty_journal = false;
        while !stop {
            let now = Instant::now();
            let mut wait = Duration::from_secs(3600);
            if dirty_journal {
                wait = wait.min(SYNC_EVERY.saturating_sub(now - self.last_sync));
            }
            if self.pending.is_some() {
                wait = wait.min(SAVE_EVERY.saturating_sub(now - self.last_save));
            }
            let mut force = false;
            let first = match jobs.recv_timeout(wait) {
                Ok(j) => Some(j),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => {
                    stop = true;
                    None
                }
            };
            let mut next = first;
            while let Some(job) = next {
                match job {
                    Job::Record(g, r) => {
                        self.store.journal(g, &r);
                        dirty_journal = true;
                    }
                    Job::Save(s, g) => self.pending = Some((s, g)),
                    Job::SaveNow(s, g) => {
                        self.pending = Some((s, g));
                        force = true;
                    }
                    Job::SaveAs(path, s, g) => {
                        self.store.sync();
                        match self.store.save_as(&path, &s) {
                            Ok(_) => {
                                self.pending = None;
                                let _ = self.reports.send(Report::MovedTo(path));
                                let _ = self
                                    .reports
                                    .send(Report::Save(g, SaveReport::Saved(Timestamp::now())));
                            }
                            Err(e) => {
                                let _ = self.reports.send(Report::Save(
                                    0,
                                    SaveReport::Failed(format!(
                                        "Save as did not work: {e}. Your work is still in memory."
                                    )),
                                ));
                            }
                        }
                    }
                    Job::Stop => stop = true,
                }
                next = jobs.try_recv().ok();
            }
            if dirty_journal && (stop || force || self.last_sync.elapsed() >= SYNC_EVERY) {
                self.sync();
                dirty_journal = false;
            }
            if self.pending.is_some() && (stop || force || self.last_save.elapsed() >= SAVE_EVERY) {
                self.save();
            }
        }
        self.store
    }
}

impl Saver {
    pub fn start(store: Store) -> Saver {
        let (jobs, job_rx) = channel::<Job>();
        let (report_tx, reports) = channel();
        let worker = Worker {
            store,
            reports: report_tx,
            pending: None,
            last_save: Instant::now() - SAVE_EVERY,
            last_sync: Instant::now(),
            journal_error: None,
        };
        let handle = std::thread::Builder::new()
            .name("atelier-saver".into())
            .spawn(move || worker.run(job_rx))
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
        let store = self.handle.take().and_then(|h| h.join().ok());
        (self.reports.try_iter().collect(), store)
    }
}

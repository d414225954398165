//! Saving off the key path: a thread owns the store and writes the latest
//! snapshot it was handed. Keys never wait for the disk.

use super::action::SaveReport;
use crate::model::{Session, Timestamp};
use crate::store::{Saved, Store};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;

enum Job {
    Save(Arc<Session>, u64),
    Stop,
}

pub struct Saver {
    jobs: Sender<Job>,
    reports: Receiver<(u64, SaveReport)>,
    handle: Option<JoinHandle<()>>,
}

impl Saver {
    pub fn start(mut store: Store) -> Saver {
        let (jobs, job_rx) = channel::<Job>();
        let (report_tx, reports) = channel();
        let handle = std::thread::Builder::new()
            .name("atelier-saver".into())
            .spawn(move || {
                let mut stop = false;
                while !stop {
                    let Ok(first) = job_rx.recv() else { break };
                    // Coalesce: only the newest snapshot matters.
                    let mut latest = None;
                    let mut next = Some(first);
                    while let Some(job) = next {
                        match job {
                            Job::Save(s, g) => latest = Some((s, g)),
                            Job::Stop => stop = true,
                        }
                        next = match job_rx.try_recv() {
                            Ok(j) => Some(j),
                            Err(TryRecvError::Empty) => None,
                            Err(TryRecvError::Disconnected) => {
                                stop = true;
                                None
                            }
                        };
                    }
                    if let Some((session, generation)) = latest {
                        let report = match store.save(&session) {
                            Ok(Saved::Conflict(copy)) => SaveReport::Conflict(format!(
                                "The file was changed on disk by someone else; your work is saved to {} and the other version is kept.",
                                copy.display()
                            )),
                            Ok(_) => SaveReport::Saved(Timestamp::now()),
                            Err(e) => SaveReport::Failed(format!(
                                "Not saved: {e}. Your work is kept in memory; it will be retried."
                            )),
                        };
                        if report_tx.send((generation, report)).is_err() {
                            break;
                        }
                    }
                }
            })
            .ok();
        Saver {
            jobs,
            reports,
            handle,
        }
    }

    /// Hand the saver the newest snapshot.
    pub fn save(&self, session: Arc<Session>, generation: u64) {
        let _ = self.jobs.send(Job::Save(session, generation));
    }

    /// A report, if one came in.
    pub fn try_report(&self) -> Option<(u64, SaveReport)> {
        self.reports.try_recv().ok()
    }

    /// Stop after the pending saves; returns their reports.
    pub fn finish(mut self) -> Vec<(u64, SaveReport)> {
        let _ = self.jobs.send(Job::Stop);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
        self.reports.try_iter().collect()
    }
}

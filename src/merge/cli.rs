//! `atelier merge`: files in, a merged session out, a summary on stderr.

use super::{Merged, merge, union};
use crate::model::{Session, validate};
use crate::store::{self, Saved, Store};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The command line of `atelier merge`.
#[derive(Clone, Debug, Default)]
pub struct Args {
    /// BASE OURS THEIRS; OURS THEIRS with `no_base`; %O %A %B with `git`.
    pub files: Vec<PathBuf>,
    /// Where to write (`None` or `-`: standard output). Not with `git`.
    pub output: Option<PathBuf>,
    /// As a git merge driver: the result goes into OURS (%A).
    pub git: bool,
    /// The two sessions have no common base: their union.
    pub no_base: bool,
}

/// Run `atelier merge`. `Ok(true)` when the merge is clean, `Ok(false)`
/// when conflicts were recorded (exit status 1); an error when nothing was
/// written.
pub fn run(args: &Args, out: &mut impl Write, err: &mut impl Write) -> Result<bool, String> {
    let (base, ours, theirs) = match (args.no_base, args.files.as_slice()) {
        (false, [b, o, t]) => (Some(b), o, t),
        (true, [o, t]) => (None, o, t),
        (false, _) => {
            return Err(
                "merge needs three files: BASE OURS THEIRS (or --no-base OURS THEIRS)".into(),
            );
        }
        (true, _) => return Err("merge --no-base needs two files: OURS THEIRS".into()),
    };
    if args.git && args.output.is_some() {
        return Err("with --git the result goes into OURS (%A): -o is not allowed".into());
    }
    let load = |p: &Path| store::load_file(p).map_err(|e| e.to_string());
    let o = load(ours)?;
    let t = load(theirs)?;
    // Git gives an empty base when both branches added the file.
    let b = match base {
        Some(b) if args.git && is_blank(b) => None,
        Some(b) => Some(load(b)?),
        None => None,
    };
    let merged = match &b {
        Some(b) => merge(b, &o, &t),
        None => union(&o, &t),
    };
    let Merged {
        mut session,
        mut report,
    } = merged;
    if !args.git {
        name_files(&mut session, &o, &t, ours, theirs);
    }
    if b.is_some() && o.id != t.id {
        report.notes.push(
            "ours and theirs are different sessions (their ids differ): if they started apart, \
             use --no-base to match their participants and clusters"
                .into(),
        );
    }
    let problems = validate(&session);
    if !problems.is_empty() {
        // `merge` repairs what it makes; this is a bug, never a bad file.
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        return Err(format!(
            "the merge made an invalid session, nothing written: {}",
            list.join("; ")
        ));
    }
    let (oname, tname) = if args.git {
        ("ours".to_owned(), "theirs".to_owned())
    } else {
        (
            format!("ours ({})", ours.display()),
            format!("theirs ({})", theirs.display()),
        )
    };
    let where_to = if args.git {
        write_git(ours, &session)?;
        None
    } else {
        match args.output.as_deref().filter(|p| *p != Path::new("-")) {
            Some(path) => Some(write_file(path, &session)?),
            None => {
                let text = store::to_ron(&session).map_err(|e| e.to_string())?;
                out.write_all(text.as_bytes())
                    .map_err(|e| format!("cannot write the result: {e}"))?;
                None
            }
        }
    };
    let mut summary = report.summary(&oname, &tname);
    if let Some(note) = where_to {
        summary.push_str(&note);
        summary.push('\n');
    }
    if !report.is_clean() {
        summary.push_str(
            "open the session in atelier to pick a version for each conflict (see docs/git.md)\n",
        );
    }
    let _ = err.write_all(summary.as_bytes());
    Ok(report.is_clean())
}

/// Name the files (`ours`, `theirs`) in the notes of the conflicts the
/// merge added to `session` (those neither `o` nor `t` had).
fn name_files(session: &mut Session, o: &Session, t: &Session, ours: &Path, theirs: &Path) {
    let known: std::collections::HashSet<&crate::model::Id> = o
        .conflicts
        .iter()
        .chain(&t.conflicts)
        .map(|c| &c.id)
        .collect();
    for c in session
        .conflicts
        .iter_mut()
        .filter(|c| !known.contains(&c.id))
    {
        c.note = format!(
            "{} (ours: {}, theirs: {})",
            c.note,
            ours.display(),
            theirs.display()
        );
    }
}

fn is_blank(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| {
        b.strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(&b)
            .iter()
            .all(u8::is_ascii_whitespace)
    })
}

/// %A: a temporary copy git made for the merge; replaced atomically.
fn write_git(path: &Path, session: &Session) -> Result<(), String> {
    let text = store::to_ron(session).map_err(|e| e.to_string())?;
    store::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())
}

/// `-o OUT`: an existing file goes through the store, so a session open in
/// atelier is never overwritten and a file that is not a session is left
/// alone. Returns a line to add to the summary.
///
/// A link is followed (its target is written, the link stays); a device or
/// a FIFO is written straight into.
fn write_file(path: &Path, session: &Session) -> Result<String, String> {
    let real = store::paths::resolve(path);
    if !real.exists() || store::is_stream(&real) {
        // A new file (no one has it open), or not a file at all.
        let text = store::to_ron(session).map_err(|e| e.to_string())?;
        store::write_atomic_as(&real, text.as_bytes(), store::Access::Private)
            .map_err(|e| e.to_string())?;
        return Ok(format!("written to {}", path.display()));
    }
    let (mut store, _) = Store::open(path).map_err(|e| {
        format!(
            "{} exists and is not a session file ({e}): not overwritten",
            path.display()
        )
    })?;
    if let Some(why) = store.read_only() {
        return Err(format!(
            "{}: {why}; nothing written (close it there and merge again)",
            path.display()
        ));
    }
    match store.save(session).map_err(|e| e.to_string())? {
        Saved::Conflict(copy) => Err(format!(
            "{} changed while merging; the result went to {}",
            path.display(),
            copy.display()
        )),
        Saved::Written | Saved::Unchanged => Ok(format!("written to {}", path.display())),
    }
}

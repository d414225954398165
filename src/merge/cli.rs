//! `atelier merge`: files in, a merged session out, a summary on stderr.

use super::{Merged, merge, union};
use crate::model::{Session, validate};
use crate::store::{self, Saved, Store};
use crate::t;
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
    /// The language of the messages (English when empty).
    pub lang: &'static str,
}

/// Run `atelier merge`. `Ok(true)` when the merge is clean, `Ok(false)`
/// when conflicts were recorded (exit status 1); an error when nothing was
/// written.
pub fn run(args: &Args, out: &mut impl Write, err: &mut impl Write) -> Result<bool, String> {
    let lang = args.lang;
    let (base, ours, theirs) = match (args.no_base, args.files.as_slice()) {
        (false, [b, o, t]) => (Some(b), o, t),
        (true, [o, t]) => (None, o, t),
        (false, _) => return Err(t!(lang, "merge-needs-three")),
        (true, _) => return Err(t!(lang, "merge-needs-two")),
    };
    if args.git && args.output.is_some() {
        return Err(t!(lang, "merge-git-no-output"));
    }
    let load = |p: &Path| store::load_file(p).map_err(|e| crate::i18n::load_error(lang, &e));
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
        report
            .notes
            .push(super::Line::new("merge-different-ids", Vec::new()));
    }
    let problems = validate(&session);
    if !problems.is_empty() {
        // `merge` repairs what it makes; this is a bug, never a bad file.
        let list: Vec<String> = problems
            .iter()
            .map(|p| crate::i18n::problem(lang, p))
            .collect();
        return Err(t!(lang, "merge-invalid", problems = list.join("; ")));
    }
    let (oname, tname) = if args.git {
        (t!(lang, "merge-name-ours"), t!(lang, "merge-name-theirs"))
    } else {
        (
            t!(
                lang,
                "merge-name-ours-file",
                path = ours.display().to_string()
            ),
            t!(
                lang,
                "merge-name-theirs-file",
                path = theirs.display().to_string()
            ),
        )
    };
    let where_to = if args.git {
        write_git(ours, &session, lang)?;
        None
    } else {
        match args.output.as_deref().filter(|p| *p != Path::new("-")) {
            Some(path) => Some(write_file(path, &session, lang)?),
            None => {
                let text =
                    store::to_ron(&session).map_err(|e| crate::i18n::save_error(lang, &e))?;
                out.write_all(text.as_bytes()).map_err(|e| {
                    t!(
                        lang,
                        "merge-cannot-write",
                        error = crate::i18n::io_error(lang, &e)
                    )
                })?;
                None
            }
        }
    };
    let mut summary = report.summary(lang, &oname, &tname);
    if let Some(note) = where_to {
        summary.push_str(&note);
        summary.push('\n');
    }
    if !report.is_clean() {
        summary.push_str(&t!(lang, "merge-open-to-pick"));
        summary.push('\n');
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
        c.note = format!("ours: {}, theirs: {}", ours.display(), theirs.display());
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
fn write_git(path: &Path, session: &Session, lang: &str) -> Result<(), String> {
    let said = |e: store::SaveError| crate::i18n::save_error(lang, &e);
    let text = store::to_ron(session).map_err(said)?;
    store::write_atomic(path, text.as_bytes()).map_err(said)
}

/// `-o OUT`: an existing file goes through the store, so a session open in
/// atelier is never overwritten and a file that is not a session is left
/// alone. Returns a line to add to the summary.
///
/// A link is followed (its target is written, the link stays); a device or
/// a FIFO is written straight into.
fn write_file(path: &Path, session: &Session, lang: &str) -> Result<String, String> {
    let said = |e: store::SaveError| crate::i18n::save_error(lang, &e);
    let name = path.display().to_string();
    let real = store::paths::resolve(path);
    if !real.exists() || store::is_stream(&real) {
        // A new file (no one has it open), or not a file at all.
        let text = store::to_ron(session).map_err(said)?;
        store::write_atomic_as(&real, text.as_bytes(), store::Access::Private).map_err(said)?;
        return Ok(t!(lang, "merge-written-to", path = name));
    }
    let (mut store, _) = Store::open(path).map_err(|e| {
        let error = crate::i18n::load_error(lang, &e);
        t!(
            lang,
            "merge-not-a-session",
            path = name.clone(),
            error = error
        )
    })?;
    if let Some(why) = store.read_only() {
        let why = crate::i18n::read_only_reason(lang, why);
        return Err(t!(lang, "merge-open-elsewhere", path = name, why = why));
    }
    match store.save(session).map_err(said)? {
        Saved::Conflict(copy) => {
            let copy = copy.display().to_string();
            Err(t!(lang, "merge-changed", path = name, copy = copy))
        }
        Saved::Written | Saved::Unchanged => Ok(t!(lang, "merge-written-to", path = name)),
    }
}

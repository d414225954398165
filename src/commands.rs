//! Subcommands that need no terminal: check, fmt, new, methods, templates.

use crate::methods::Library;
use crate::model::suggest::{Embeddings, Engine, Scope, Thesaurus};
use crate::model::{Id, Ids, Session, Zone};
use crate::store::{self, Home, Store};
use crate::t;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The bundled demo session, as shipped in `sessions/demo.ron`.
pub const DEMO: &str = include_str!("../sessions/demo.ron");

/// `atelier check FILE...`: true when every file is good (and its media
/// are all there, unaltered).
pub fn check(files: &[PathBuf], out: &mut impl Write) -> std::io::Result<bool> {
    check_in(files, "en", out)
}

/// [`check`], its errors in `lang`.
pub fn check_in(files: &[PathBuf], lang: &str, out: &mut impl Write) -> std::io::Result<bool> {
    let mut all_ok = true;
    for f in files {
        match store::load_file(f) {
            Ok(s) => {
                let problems = store::media::check(f, &s);
                if problems.is_empty() {
                    writeln!(out, "{}: ok", f.display())?;
                } else {
                    all_ok = false;
                    for p in problems {
                        let p = crate::i18n::media_problem(lang, &p);
                        writeln!(out, "{}: {p}", f.display())?;
                    }
                }
            }
            Err(e) => {
                all_ok = false;
                writeln!(out, "{}", crate::i18n::load_error(lang, &e))?;
            }
        }
    }
    Ok(all_ok)
}

/// `atelier check --recover FILE...`: replay crash journals into their
/// files, then check them.
pub fn recover(files: &[PathBuf], lang: &str, out: &mut impl Write) -> std::io::Result<bool> {
    let mut all_ok = true;
    for f in files {
        match Store::open(f) {
            Ok((st, _)) => {
                if let Some(why) = st.read_only() {
                    all_ok = false;
                    let file = f.display().to_string();
                    writeln!(
                        out,
                        "{}",
                        t!(lang, "cli-not-recovered", file = file, why = why)
                    )?;
                    continue;
                }
                match st.recovery() {
                    Some(r) => {
                        let (file, what) =
                            (f.display().to_string(), crate::i18n::recovered(lang, r));
                        writeln!(
                            out,
                            "{}",
                            t!(lang, "cli-recovered", file = file, what = what)
                        )?
                    }
                    None => writeln!(
                        out,
                        "{}",
                        t!(
                            lang,
                            "cli-nothing-to-recover",
                            file = f.display().to_string()
                        )
                    )?,
                }
            }
            Err(e) => {
                all_ok = false;
                writeln!(out, "{e}")?;
            }
        }
    }
    Ok(all_ok)
}

/// `atelier fmt FILE...`: rewrite each good file canonically. A file that
/// names no time zone (an older one) gets `zone`, the machine's, and a
/// line says so.
pub fn fmt(
    files: &[PathBuf],
    zone: &Zone,
    lang: &str,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    let mut all_ok = true;
    for f in files {
        let mut adopted = false;
        let result = Store::open(f)
            .map_err(|e| crate::i18n::load_error(lang, &e))
            .and_then(|(mut st, mut s)| {
                if let Some(why) = st.read_only() {
                    let file = f.display().to_string();
                    return Err(t!(lang, "cli-not-rewritten", file = file, why = why));
                }
                adopted = s.adopt_zone(zone);
                st.save(&s).map_err(|e| crate::i18n::save_error(lang, &e))
            });
        if adopted && result.is_ok() {
            let (file, zone) = (f.display().to_string(), zone.name());
            writeln!(
                out,
                "{}",
                t!(lang, "cli-fmt-zone", file = file, zone = zone)
            )?;
        }
        match result {
            Ok(store::Saved::Conflict(p)) => {
                all_ok = false;
                let (file, copy) = (f.display().to_string(), p.display().to_string());
                writeln!(
                    out,
                    "{}",
                    t!(lang, "cli-fmt-conflict", file = file, copy = copy)
                )?;
            }
            Ok(_) => writeln!(out, "{}: ok", f.display())?,
            Err(e) => {
                all_ok = false;
                writeln!(out, "{e}")?;
            }
        }
    }
    Ok(all_ok)
}

/// A path in `dir` for a new session file named after `title`, not yet taken.
pub fn fresh_path(dir: &Path, title: &str) -> PathBuf {
    let slug = store::paths::slug(title);
    let mut path = dir.join(format!("{slug}.ron"));
    let mut n = 2;
    // A name held by anything, a dangling link included, is taken.
    while std::fs::symlink_metadata(&path).is_ok() {
        path = dir.join(format!("{slug}-{n}.ron"));
        n += 1;
    }
    path
}

/// Create a new session (from a template if given) in the sessions folder,
/// in the time zone `zone` (the facilitator's machine's).
pub fn new_session(
    home: &Home,
    library: &Library,
    title: &str,
    template: Option<&str>,
    lang: &str,
    zone: &Zone,
) -> Result<(PathBuf, Store, Session), String> {
    let mut session = Session::new(Id::new(), title.trim());
    session.language = Some(lang.to_owned());
    session.time_zone = Some(zone.name().to_owned());
    if let Some(id) = template {
        let t = library.template(id).ok_or_else(|| {
            let known: Vec<&str> = library.templates.iter().map(|t| t.id.as_str()).collect();
            t!(
                lang,
                "cmd-no-template",
                id = format!("{id:?}"),
                known = known.join(", ")
            )
        })?;
        session.agenda = library.agenda(t, lang, &mut Ids::from_clock())?;
    }
    let dir = sessions_dir(home, lang)?;
    let path = fresh_path(dir, title);
    let st = Store::create(&path, &session).map_err(|e| crate::i18n::save_error(lang, &e))?;
    Ok((st.path().to_path_buf(), st, session))
}

/// The sessions folder, made if need be; what went wrong said in `lang`.
fn sessions_dir<'a>(home: &'a Home, lang: &str) -> Result<&'a Path, String> {
    home.ensure_sessions().map_err(|e| {
        let path = home.sessions.display().to_string();
        t!(
            lang,
            "save-io",
            path = path,
            why = crate::i18n::io_error(lang, &e)
        )
    })
}

/// A fresh copy of the demo in the sessions folder; what went wrong said
/// in `lang`.
pub fn demo_copy(home: &Home, lang: &str) -> Result<PathBuf, String> {
    let session = store::load_str("sessions/demo.ron", DEMO)
        .map_err(|e| crate::i18n::load_error(lang, &e))?;
    let dir = sessions_dir(home, lang)?;
    let name = format!("demo-{}", store::paths::stamp_now(false));
    let path = fresh_path(dir, &name);
    Store::create(&path, &session).map_err(|e| crate::i18n::save_error(lang, &e))?;
    Ok(path)
}

pub fn methods_list(lib: &Library, lang: &str, out: &mut impl Write) -> std::io::Result<()> {
    let mut stage = None;
    for m in &lib.methods {
        if stage != Some(m.stage) {
            stage = Some(m.stage);
            writeln!(
                out,
                "\n{}",
                crate::i18n::stage_kind(lang, m.stage).to_uppercase()
            )?;
        }
        let people = t!(lang, "cli-people", group = m.group.to_string());
        writeln!(
            out,
            "  {:<28} {:<40} {:>4} min  {people}",
            m.id,
            m.name.get(lang),
            m.minutes(),
        )?;
    }
    let mut stages: Vec<_> = lib.methods.iter().map(|m| m.stage).collect();
    stages.dedup();
    let (methods, stages) = (lib.methods.len(), stages.len());
    writeln!(
        out,
        "\n{}",
        t!(
            lang,
            "cli-methods-count",
            methods = methods,
            stages = stages
        )
    )?;
    report_skipped(lib, lang, out)
}

fn report_skipped(lib: &Library, lang: &str, out: &mut impl Write) -> std::io::Result<()> {
    for s in &lib.skipped {
        writeln!(out, "{}", t!(lang, "cli-warning", what = s.say(lang)))?;
    }
    Ok(())
}

pub fn method_show(
    lib: &Library,
    id: &str,
    lang: &str,
    out: &mut impl Write,
) -> Result<(), String> {
    let m = lib
        .method(id)
        .ok_or_else(|| t!(lang, "cli-no-method", id = id))?;
    let mut text = format!("{}  ({})\n", m.name.get(lang), m.id);
    text.push_str(&t!(
        lang,
        "cli-method-facts",
        stage = crate::i18n::stage_kind(lang, m.stage),
        duration = m.duration.to_string(),
        steps = m.minutes(),
        group = m.group.to_string(),
        source = m.source.as_str()
    ));
    text.push_str(&format!("\n\n{}\n", m.purpose.get(lang)));
    if !m.materials.is_empty() {
        text.push_str(&format!("\n{}\n", t!(lang, "cli-method-materials")));
        for x in &m.materials {
            text.push_str(&format!("  - {}\n", x.get(lang)));
        }
    }
    text.push_str(&format!("\n{}\n", t!(lang, "cli-method-steps")));
    for (i, s) in m.steps.iter().enumerate() {
        text.push_str(&format!(
            "  {}. {} ({} min)\n     {}\n",
            i + 1,
            s.title.get(lang),
            s.minutes,
            s.prompt.get(lang)
        ));
        if !s.produces.is_empty() {
            let p: Vec<String> = s
                .produces
                .iter()
                .map(|p| format!("{p:?}").to_lowercase())
                .collect();
            let what = p.join(", ");
            text.push_str(&format!(
                "     {}\n",
                t!(lang, "cli-method-produces", what = what)
            ));
        }
    }
    out.write_all(text.as_bytes())
        .map_err(|e| crate::i18n::io_error(lang, &e))
}

pub fn templates_list(lib: &Library, lang: &str, out: &mut impl Write) -> std::io::Result<()> {
    for t in &lib.templates {
        let minutes: u32 = lib
            .agenda(t, lang, &mut Ids::from_clock())
            .map(|a| a.iter().map(|s| s.planned_minutes()).sum())
            .unwrap_or(0);
        writeln!(
            out,
            "  {:<24} {:<44} {:>2}h{:02}",
            t.id,
            t.name.get(lang),
            minutes / 60,
            minutes % 60
        )?;
    }
    report_skipped(lib, lang, out)
}

pub fn template_show(
    lib: &Library,
    id: &str,
    lang: &str,
    out: &mut impl Write,
) -> Result<(), String> {
    let t = lib
        .template(id)
        .ok_or_else(|| crate::t!(lang, "cli-no-template", id = id))?;
    let agenda = lib.agenda(t, lang, &mut Ids::from_clock())?;
    let mut text = format!(
        "{}  ({})\n{}\n\n",
        t.name.get(lang),
        t.id,
        t.description.get(lang)
    );
    let mut total = 0;
    for st in &agenda {
        let m = st.planned_minutes();
        text.push_str(&format!(
            "  {:>3}h{:02}  {:<40} {:>3} min  [{}]\n",
            total / 60,
            total % 60,
            st.title,
            m,
            crate::i18n::stage_kind(lang, st.kind)
        ));
        total += m;
    }
    let total = format!("{}h{:02}", total / 60, total % 60);
    text.push_str(&format!(
        "\n{}\n",
        crate::t!(lang, "cli-total", total = total)
    ));
    out.write_all(text.as_bytes())
        .map_err(|e| crate::i18n::io_error(lang, &e))
}

/// `atelier attach SESSION FILE... [--to ID] [--caption TEXT]`, said in
/// `lang`.
pub fn attach(
    session: &Path,
    files: &[String],
    to: Option<&str>,
    caption: Option<&str>,
    lang: &str,
    out: &mut impl Write,
) -> Result<bool, String> {
    use crate::model::{Attachment, Id, Item, MediaKind, Op, Timestamp};
    let (mut st, mut s) = Store::open(session).map_err(|e| crate::i18n::load_error(lang, &e))?;
    if let Some(why) = st.read_only() {
        let why = crate::i18n::read_only_reason(lang, why);
        let path = session.display().to_string();
        return Err(t!(lang, "attach-not-changed", path = path, why = why));
    }
    let to = to.map(Id::from);
    if let Some(id) = &to {
        let known = s.notes.iter().any(|x| &x.id == id)
            || s.sticky(id).is_some()
            || s.clusters.iter().any(|x| &x.id == id)
            || s.agenda.iter().any(|x| &x.id == id)
            || s.prototypes.iter().any(|x| &x.id == id);
        if !known {
            return Err(t!(lang, "attach-unknown-target", id = id.to_string()));
        }
    }
    let author = std::env::var("USER").unwrap_or_default();
    let now = Timestamp::now();
    let mut new: Vec<Attachment> = Vec::new();
    let mut same = 0;
    for f in files {
        if f.starts_with("http://") || f.starts_with("https://") {
            new.push(Attachment {
                id: Id::new(),
                to: to.clone(),
                kind: MediaKind::Link,
                path: f.clone(),
                hash: String::new(),
                caption: caption.unwrap_or(f).to_owned(),
                author: author.clone(),
                time: now,
            });
            continue;
        }
        let paths = store::media::expand(Path::new(f));
        if paths.is_empty() {
            writeln!(
                out,
                "{}",
                t!(lang, "attach-empty-folder", folder = f.clone())
            )
            .map_err(|e| crate::i18n::io_error(lang, &e))?;
        }
        for p in paths {
            let a =
                store::media::import(session, &p, to.clone(), caption.unwrap_or(""), &author, now)
                    .map_err(|e| crate::i18n::media_error(lang, &e))?;
            let dup = s
                .attachments
                .iter()
                .chain(new.iter())
                .any(|x| x.hash == a.hash && x.to == a.to);
            if dup {
                same += 1;
                continue;
            }
            writeln!(out, "{} -> {}", p.display(), a.path)
                .map_err(|e| crate::i18n::io_error(lang, &e))?;
            new.push(a);
        }
    }
    let n = new.len();
    let ops: Vec<Op> = new
        .into_iter()
        .enumerate()
        .map(|(i, a)| Op::Insert {
            at: s.attachments.len() + i,
            item: Item::Attachment(a),
        })
        .collect();
    s.apply_all(ops);
    st.save(&s).map_err(|e| crate::i18n::save_error(lang, &e))?;
    let path = session.display().to_string();
    let done = if same > 0 {
        t!(lang, "attach-done-same", path = path, n = n, same = same)
    } else {
        t!(lang, "attach-done", path = path, n = n)
    };
    writeln!(out, "{done}").map_err(|e| crate::i18n::io_error(lang, &e))?;
    Ok(true)
}

/// What `atelier suggest` was asked.
#[derive(Clone, Copy, Debug)]
pub struct SuggestArgs {
    pub threshold: f32,
    /// The whole board rather than the inbox.
    pub all: bool,
    pub json: bool,
}

/// The suggestion engine: the built-in thesaurus, extended by the lab's
/// files in `CONFIG/suggest/` (`*.txt`: thesaurus; `*.vec`: a word-vector
/// model), with a warning for each file that could not be used (it is left
/// out), said in `lang`. None when the lab has no such file: the built-in engine
/// ([`Engine::builtin`], made once, when first asked) is the one.
pub fn suggest_engine(home: &Home, lang: &str) -> (Option<Engine>, Vec<String>) {
    let dir = home.config.join("suggest");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(list) => list
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "vec")))
            .collect(),
        Err(_) => Vec::new(),
    };
    if files.is_empty() {
        return (None, Vec::new());
    }
    files.sort();
    let mut thesaurus = Thesaurus::builtin();
    let mut model: Option<Embeddings> = None;
    let mut warnings = Vec::new();
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let name = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                let why = crate::i18n::io_error(lang, &e);
                warnings.push(t!(lang, "io-at-path", path = name.as_str(), why = why));
                continue;
            }
        };
        let result = if ext == "txt" {
            Thesaurus::parse(&name, &text).map(|t| thesaurus.extend(t))
        } else {
            // All the models' words together, or none of a bad file's.
            let mut next = model.clone().unwrap_or_default();
            next.add(&name, &text).map(|()| model = Some(next))
        };
        if let Err(e) = result {
            let problem = crate::i18n::lab_file_error(lang, &e);
            warnings.push(t!(lang, "lab-file-left-out", problem = problem));
        }
    }
    for (id, concept) in thesaurus.unknown_broader() {
        let dir = dir.display().to_string();
        warnings.push(t!(
            lang,
            "lab-no-concept",
            dir = dir,
            id = id,
            concept = concept
        ));
    }
    (Some(Engine::new(thesaurus, model)), warnings)
}

/// `atelier suggest FILE`: print the suggested clusters.
pub fn suggest(
    file: &Path,
    engine: &Engine,
    args: &SuggestArgs,
    lang: &str,
    out: &mut impl Write,
) -> Result<bool, String> {
    let session = store::load_file(file).map_err(|e| crate::i18n::load_error(lang, &e))?;
    let scope = if args.all { Scope::Board } else { Scope::Inbox };
    let list = session.suggest_clusters_with(engine, scope, args.threshold);
    let io = |e: std::io::Error| crate::i18n::io_error(lang, &e);
    if args.json {
        #[derive(serde::Serialize)]
        struct Item<'a> {
            title: &'a str,
            words: &'a [String],
            stickies: Vec<&'a str>,
        }
        let items: Vec<Item> = list
            .iter()
            .map(|s| Item {
                title: &s.title,
                words: &s.words,
                stickies: s.stickies.iter().map(|id| id.as_str()).collect(),
            })
            .collect();
        let text = serde_json::to_string_pretty(&items).map_err(|e| e.to_string())?;
        writeln!(out, "{text}").map_err(io)?;
        return Ok(true);
    }
    let considered = session
        .stickies
        .iter()
        .filter(|s| args.all || s.place() == crate::model::Place::Inbox)
        .count();
    let scope_name = if args.all {
        crate::t!(lang, "suggest-scope-board")
    } else {
        crate::t!(lang, "suggest-scope-inbox")
    };
    // Two digits, with the local decimal mark (0,30 in French).
    let mut threshold = format!("{:.2}", args.threshold);
    if crate::i18n::supported(lang) == "fr" {
        threshold = threshold.replace('.', ",");
    }
    let header = crate::t!(
        lang,
        "suggest-cli-header",
        n = list.len() as i64,
        scope = scope_name,
        stickies = considered as i64,
        threshold = threshold
    );
    writeln!(out, "{header}").map_err(io)?;
    // Text from the session never reaches the terminal as control codes.
    let safe = |t: &str| crate::ui::widgets::safe_line(t).into_owned();
    for s in &list {
        let title = safe(&s.title);
        let item = crate::t!(
            lang,
            "suggest-item",
            title = title,
            n = s.stickies.len() as i64
        );
        let words = crate::t!(lang, "suggest-words", words = safe(&s.words.join(", ")));
        writeln!(out, "\n{item}\n  {words}").map_err(io)?;
        for id in &s.stickies {
            if let Some(x) = session.sticky(id) {
                writeln!(out, "  - [{}] {}", safe(id.as_str()), safe(&x.text)).map_err(io)?;
            }
        }
    }
    Ok(true)
}

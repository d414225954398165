//! The architecture, checked: each statement of ARCHITECTURE.md's
//! "Invariants" that the source text can show is a test here, reading
//! `src/` as text (no extra crates). Every checker is a function of
//! `(path, text)` pairs, and each has a test that feeds it a deliberate
//! violation and expects it to complain, so a checker that can no longer
//! fail is caught too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A source file: its path from the crate root (`src/app/router.rs`) and
/// its text.
type File = (String, String);

fn sources() -> Vec<File> {
    fn walk(dir: &Path, out: &mut Vec<File>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text =
                    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                let rel = p
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    assert!(out.len() > 50, "the source tree was not found");
    out
}

/// The lines of the code that ships: a file's unit tests (from its
/// `#[cfg(test)]` on, where they sit by convention) and comments left out.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
}

fn report(what: &str, problems: Vec<String>) {
    assert!(problems.is_empty(), "{what}:\n  {}", problems.join("\n  "));
}

// ---------------------------------------------------------------- model imports only model

/// `src/model/` uses no other module of the crate.
fn model_imports(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with("src/model/")) {
        for (n, line) in code_lines(text) {
            let mut rest = line;
            while let Some(i) = rest.find("crate::") {
                let after = &rest[i + "crate::".len()..];
                if !after.starts_with("model") {
                    out.push(format!("{path}:{n}: {}", line.trim()));
                }
                rest = after;
            }
        }
    }
    out
}

#[test]
fn model_imports_nothing_from_the_crate_but_itself() {
    report("src/model/ uses another module", model_imports(&sources()));
}

#[test]
fn model_imports_check_fails_on_a_violation() {
    let bad = vec![(
        "src/model/x.rs".to_owned(),
        "use crate::model::Id;\nuse crate::store::load;\n".to_owned(),
    )];
    assert_eq!(
        model_imports(&bad),
        ["src/model/x.rs:2: use crate::store::load;"]
    );
}

// ---------------------------------------------------------------- update reads no world

/// What reads the environment, the clock, the disk, randomness or the
/// network, or starts threads.
const WORLD: [&str; 17] = [
    "std::env",
    "env::var",
    "std::fs",
    "fs::",
    ".exists()",
    "read_dir",
    "SystemTime",
    "Instant::now",
    "OffsetDateTime::now",
    "Timestamp::now",
    "Uuid::now_v7",
    "new_v4",
    "getrandom",
    "thread::spawn",
    "std::net",
    "Id::new(",
    "Ids::from_clock",
];

/// The files allowed to touch the world, and why.
const WORLD_ALLOWED: [(&str, &str); 6] = [
    ("src/app/run.rs", "the run loop"),
    (
        "src/app/perform.rs",
        "performs the effects for the run loop",
    ),
    ("src/app/saver.rs", "the saver threads"),
    (
        "src/app/keymap.rs",
        "reads the user's keymap file at start-up",
    ),
    (
        "src/model/id.rs",
        "Id::new and Ids::from_clock, for the run loop and the command line",
    ),
    (
        "src/model/time.rs",
        "Timestamp::now, for the run loop and the command line",
    ),
];

/// `src/model/` and the update code (`src/app/` but the files above) do
/// not read the world.
fn world_readers(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    let update = |p: &str| p.starts_with("src/model/") || p.starts_with("src/app/");
    for (path, text) in files.iter().filter(|(p, _)| update(p)) {
        if WORLD_ALLOWED.iter().any(|(p, _)| p == path) {
            continue;
        }
        for (n, line) in code_lines(text) {
            if let Some(w) = WORLD.iter().find(|w| line.contains(*w)) {
                out.push(format!("{path}:{n}: {w}: {}", line.trim()));
            }
        }
    }
    out
}

#[test]
fn model_and_update_read_no_env_clock_disk_randomness_or_threads() {
    report(
        "the world is read outside the edge",
        world_readers(&sources()),
    );
}

#[test]
fn world_check_fails_on_a_violation() {
    let bad = vec![
        (
            "src/app/rooms/x.rs".to_owned(),
            "// std::env in a comment is fine\nlet h = std::env::var(\"HOME\");\n".to_owned(),
        ),
        (
            "src/model/y.rs".to_owned(),
            "let id = Id::new();\n#[cfg(test)]\nfn t() { Timestamp::now(); }\n".to_owned(),
        ),
        (
            "src/app/run.rs".to_owned(),
            "std::fs::read(p);\n".to_owned(),
        ),
    ];
    assert_eq!(
        world_readers(&bad),
        [
            "src/app/rooms/x.rs:2: std::env: let h = std::env::var(\"HOME\");",
            "src/model/y.rs:1: Id::new(: let id = Id::new();",
        ]
    );
}

// ---------------------------------------------------------------- ui never changes state

/// The `&mut` a drawing function may take: ratatui's own render targets.
const UI_MUT_ALLOWED: [&str; 3] = ["&mut Buffer", "&mut Frame", "&mut ratatui::Frame"];

/// `src/ui/` takes no `&mut` but the buffer or frame it draws on.
fn ui_muts(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with("src/ui/")) {
        for (n, line) in code_lines(text) {
            let mut rest = line.to_owned();
            for ok in UI_MUT_ALLOWED {
                rest = rest.replace(ok, "");
            }
            if rest.contains("&mut") {
                out.push(format!("{path}:{n}: {}", line.trim()));
            }
        }
    }
    out
}

#[test]
fn ui_takes_no_mut_but_its_buffer() {
    report("src/ui/ takes &mut", ui_muts(&sources()));
}

#[test]
fn ui_check_fails_on_a_violation() {
    let bad = vec![(
        "src/ui/x.rs".to_owned(),
        "fn render(self, area: Rect, buf: &mut Buffer) {}\nfn f(app: &mut App) {}\n".to_owned(),
    )];
    assert_eq!(ui_muts(&bad), ["src/ui/x.rs:2: fn f(app: &mut App) {}"]);
}

// ---------------------------------------------------------------- effects come back as messages

/// `run_effects` (in `run.rs`) and everything in `perform.rs` perform
/// effects and return what they come back with as messages: they take no
/// `&mut App` (only `update` changes the app).
fn effect_muts(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in files {
        let whole = match path.as_str() {
            "src/app/perform.rs" => true,
            "src/app/run.rs" => false,
            _ => continue,
        };
        let mut in_sig = false;
        for (n, line) in code_lines(text) {
            if !whole && line.contains("fn run_effects(") {
                in_sig = true;
            }
            if (whole || in_sig) && line.contains("&mut App") {
                out.push(format!("{path}:{n}: {}", line.trim()));
            }
            if in_sig && line.contains('{') {
                in_sig = false;
            }
        }
    }
    out
}

#[test]
fn run_effects_and_perform_take_no_mut_app() {
    report("an effect changes the app", effect_muts(&sources()));
}

#[test]
fn effect_check_fails_on_a_violation() {
    let bad = vec![
        (
            "src/app/run.rs".to_owned(),
            "fn dispatch(app: &mut App) {}\nfn run_effects(\n    app: &mut App,\n) -> Vec<Msg> {\n"
                .to_owned(),
        ),
        (
            "src/app/perform.rs".to_owned(),
            "// &mut App in a comment is fine\nfn save(app: &mut App) {}\n".to_owned(),
        ),
    ];
    assert_eq!(
        effect_muts(&bad),
        [
            "src/app/run.rs:3: app: &mut App,",
            "src/app/perform.rs:2: fn save(app: &mut App) {}",
        ]
    );
}

// ---------------------------------------------------------------- the app's layers

/// The layers of `src/app/`, lowest first: a module may use its own layer
/// (only the data layer, whose types refer to each other) and the layers
/// below. Shared helpers come in an order of their own (kit < index <
/// history), rooms never use each other, and only the edge uses the router.
fn layer(module: &str) -> Option<(u8, u8)> {
    Some(match module {
        "action" | "state" | "columns" | "effect" | "ctx" | "keymap" | "overlay" | "drafts" => {
            (0, 0)
        }
        "kit" => (1, 0),
        "index" => (1, 1),
        "history" => (1, 2),
        "outcome" => (2, 5),
        "router" => (3, 0),
        "run" | "perform" | "saver" | "mod" => (4, 0),
        _ => return None,
    })
}

/// The `src/app/` module a file is (`router`, `rooms::board`), or `None`.
fn app_module(path: &str) -> Option<String> {
    let rest = path.strip_prefix("src/app/")?.strip_suffix(".rs")?;
    Some(match rest.strip_prefix("rooms/") {
        Some("mod") => "rooms".to_owned(),
        Some(room) => format!("rooms::{room}"),
        None => rest.to_owned(),
    })
}

/// The `src/app/` modules a file uses, by path (`crate::app::x`,
/// `super::x`).
fn app_uses(path: &str, text: &str) -> BTreeSet<String> {
    let in_rooms = path.starts_with("src/app/rooms/");
    let mut uses = BTreeSet::new();
    for (_, line) in code_lines(text) {
        for prefix in ["crate::app::", "super::"] {
            let mut rest = line;
            while let Some(i) = rest.find(prefix) {
                rest = &rest[i + prefix.len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let name = if name == "rooms" || (in_rooms && prefix == "super::") {
                    // `rooms::x` (or a room's `super::x`): the room x.
                    let tail = if name == "rooms" {
                        rest.strip_prefix("rooms::").unwrap_or("")
                    } else {
                        rest
                    };
                    let room: String = tail
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if room.is_empty() {
                        "rooms".to_owned()
                    } else {
                        format!("rooms::{room}")
                    }
                } else {
                    name
                };
                if !name.is_empty() {
                    uses.insert(name);
                }
            }
        }
    }
    uses
}

/// Every use in `src/app/` that goes against the layers, and every cycle.
fn app_layering(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in files {
        let Some(me) = app_module(path) else { continue };
        let uses = app_uses(path, text);
        let rank = |m: &str| {
            if m.starts_with("rooms::") {
                Some((2, 0))
            } else if m == "rooms" {
                Some((2, 9))
            } else {
                layer(m)
            }
        };
        let Some(mine) = rank(&me) else {
            out.push(format!("{path}: {me} is in no layer"));
            continue;
        };
        for used in &uses {
            if *used == me || rank(used).is_none() {
                continue;
            }
            let theirs = rank(used).unwrap_or((9, 9));
            let allowed = if me.starts_with("rooms::") {
                theirs.0 < 2
            } else if mine.0 == 0 {
                theirs.0 == 0
            } else {
                theirs < mine
                    || (mine.0 == 4 && theirs.0 == 4)
                    || (me == "rooms" && used.starts_with("rooms::"))
            };
            if !allowed {
                out.push(format!("{path}: {me} uses {used}"));
            }
        }
        graph.insert(me, uses);
    }
    out.extend(cycles(&graph));
    out
}

/// The cycles among modules outside the data layer (a depth-first search).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        out: &mut Vec<String>,
    ) {
        if let Some(i) = stack.iter().position(|s| s == m) {
            out.push(format!("cycle: {} -> {m}", stack[i..].join(" -> ")));
            return;
        }
        if !done.insert(m.to_owned()) {
            return;
        }
        stack.push(m.to_owned());
        for next in graph.get(m).into_iter().flatten() {
            if layer(next) != Some((0, 0)) && graph.contains_key(next) {
                visit(next, graph, stack, done, out);
            }
        }
        stack.pop();
    }
    let mut out = Vec::new();
    let mut done = BTreeSet::new();
    for m in graph.keys().filter(|m| layer(m) != Some((0, 0))) {
        visit(m, graph, &mut Vec::new(), &mut done, &mut out);
    }
    out
}

#[test]
fn rooms_use_no_sibling_nor_the_router_and_app_has_no_cycle() {
    let files = sources();
    let rooms = files
        .iter()
        .filter(|(p, _)| p.starts_with("src/app/rooms/"))
        .count();
    assert!(rooms >= 15, "the rooms were not found ({rooms})");
    report("src/app/ breaks its layers", app_layering(&files));
}

#[test]
fn layering_check_fails_on_a_violation() {
    let f = |p: &str, t: &str| (p.to_owned(), t.to_owned());
    let bad = vec![
        f(
            "src/app/rooms/board.rs",
            "use crate::app::rooms::notes::x;\n",
        ),
        f(
            "src/app/rooms/notes.rs",
            "use crate::app::router::update;\n",
        ),
        f("src/app/kit.rs", "use crate::app::history::commit;\n"),
        f("src/app/history.rs", "use crate::app::kit::say;\n"),
        f("src/app/state.rs", "use super::kit::say;\n"),
        f("src/app/router.rs", "use crate::app::rooms;\n"),
    ];
    assert_eq!(
        app_layering(&bad),
        [
            "src/app/rooms/board.rs: rooms::board uses rooms::notes",
            "src/app/rooms/notes.rs: rooms::notes uses router",
            "src/app/kit.rs: kit uses history",
            "src/app/state.rs: state uses kit",
            "cycle: history -> kit -> history",
        ]
    );
}

// ---------------------------------------------------------------- sizes

const MAX_FILE_LINES: usize = 800;
const MAX_FN_LINES: usize = 100;
const MAX_LONG_FNS: usize = 5;

/// Files over the line limit.
fn long_files(files: &[File]) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in files {
        let n = text.lines().count();
        if n > MAX_FILE_LINES {
            out.push(format!("{path}: {n} lines (at most {MAX_FILE_LINES})"));
        }
    }
    out
}

/// Functions longer than the limit, longest first: `(lines, path:line name)`.
/// A function is from its `fn` line to the closing brace at its indent
/// (rustfmt's layout). A long `match` table of data is left out: a function
/// marked `// long: data table` on the line above whose body is one `match`
/// with only data arms (see [`is_data_table`]); a marked function that is
/// not one counts.
fn long_fns(files: &[File]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (path, text) in files {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let indent = &line[..line.len() - t.len()];
            let t = t
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub(super) ")
                .trim_start_matches("pub ")
                .trim_start_matches("const ");
            if !t.starts_with("fn ") || line.trim_end().ends_with(';') {
                continue;
            }
            let close = format!("{indent}}}");
            if let Some(len) = lines[i + 1..].iter().position(|l| *l == close) {
                let marked = i > 0 && lines[i - 1].contains("// long: data table");
                if marked && is_data_table(&lines[i + 1..i + 1 + len]) {
                    continue;
                }
                let len = len + 2;
                if len > MAX_FN_LINES {
                    let name: String = t[3..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    out.push((len, format!("{path}:{} {name}", i + 1)));
                }
            }
        }
    }
    out.sort_by(|a, b| b.cmp(a));
    out
}

/// Whether a function's body (the lines between its braces) is one
/// `match` whose arms are data: `PATTERN => VALUE,` with no statement, no
/// block and no control flow in them.
fn is_data_table(body: &[&str]) -> bool {
    let code: Vec<&str> = body
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect();
    let (Some(first), Some(last)) = (code.first(), code.last()) else {
        return false;
    };
    let arms = &code[1..code.len() - 1];
    first.starts_with("match ")
        && first.ends_with('{')
        && *last == "}"
        && !arms.is_empty()
        && arms.iter().all(|l| {
            !l.contains(';')
                && !l.ends_with('{')
                && ![
                    "let ", "return", "if ", "for ", "while ", "loop ", "match ", "=> {",
                ]
                .iter()
                .any(|w| l.contains(w))
        })
}

#[test]
fn no_file_grows_over_the_line_limit() {
    report("files too long", long_files(&sources()));
}

/// The long functions the limit was set on, at most this long. The goal
/// is five at most (`MAX_LONG_FNS`); these are to be split.
const KNOWN_LONG_FNS: usize = 3;

#[test]
fn long_functions_do_not_multiply() {
    let long = long_fns(&sources());
    let listed: Vec<String> = long.iter().map(|(n, w)| format!("{n} {w}")).collect();
    assert!(
        long.len() <= KNOWN_LONG_FNS.max(MAX_LONG_FNS),
        "{} functions over {MAX_FN_LINES} lines (at most {KNOWN_LONG_FNS}):\n  {}",
        long.len(),
        listed.join("\n  ")
    );
}

#[test]
fn size_checks_fail_on_a_violation() {
    let long_file = "x\n".repeat(MAX_FILE_LINES + 1);
    let body = "    x();\n".repeat(MAX_FN_LINES);
    let arms = "        Kind::A => (\"a\", 1),\n".repeat(MAX_FN_LINES);
    let table = format!("    match kind {{\n{arms}    }}\n");
    // A match that does more than give data is no table, marked or not.
    let busy = format!(
        "    match kind {{\n{arms}        _ => {{\n            go();\n        }}\n    }}\n"
    );
    let long_fn = format!(
        "fn big() {{\n{body}}}\n\n// long: data table\nfn table() {{\n{table}}}\n\n\
         // long: data table\nfn steps() {{\n{body}}}\n\n\
         // long: data table\nfn busy() {{\n{busy}}}\n\nfn unmarked() {{\n{table}}}\n"
    );
    let files = vec![
        ("src/a.rs".to_owned(), long_file),
        ("src/b.rs".to_owned(), long_fn),
        ("src/c.rs".to_owned(), "x\n".repeat(MAX_FILE_LINES)),
    ];
    assert_eq!(long_files(&files), ["src/a.rs: 801 lines (at most 800)"]);
    let named: Vec<String> = long_fns(&files).into_iter().map(|(_, w)| w).collect();
    let mut named: Vec<&str> = named
        .iter()
        .map(|w| w.rsplit(' ').next().unwrap())
        .collect();
    named.sort_unstable();
    assert_eq!(named, ["big", "busy", "steps", "unmarked"]);
    assert_eq!(
        long_fns(&files[1..2])
            .iter()
            .find(|(_, w)| w.ends_with(" big")),
        Some(&(MAX_FN_LINES + 2, "src/b.rs:1 big".to_owned()))
    );
}

// ---------------------------------------------------------------- lints

#[test]
fn clippy_denies_unwrap_and_expect_outside_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).unwrap_or_default();
    let lints = cargo
        .split("[lints.clippy]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap_or_default();
    for lint in ["unwrap_used", "expect_used"] {
        assert!(
            lints
                .lines()
                .any(|l| l.starts_with(lint) && l.contains("\"deny\"")),
            "Cargo.toml's [lints.clippy] does not deny {lint}"
        );
    }
}

//! A French-speaking lab never meets English on the command line: every
//! command's `--help` and `-h`, a mistake on the command line and a session
//! file that does not load, with `LANG=fr_FR.UTF-8`, hold no English
//! sentence. (Proper names, the file format's field names, values typed
//! as they are — `md`, `inbox` — and clap's placeholders such as
//! `[OPTIONS]` and `<FILE>` are allowed.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;
use std::process::Output;

fn atelier(home: &Path, args: &[&str]) -> Output {
    support::cli::run(home, args, &[("LANG", "fr_FR.UTF-8")])
}

/// English words that no French sentence of ours holds.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "is",
    "with",
    "for",
    "from",
    "this",
    "that",
    "print",
    "usage",
    "commands",
    "default",
    "possible",
    "values",
    "write",
    "open",
    "file",
    "files",
    "session",
    "sessions",
    "when",
    "which",
    "into",
    "not",
    "each",
    "one",
    "sticky",
    "stickies",
    "by",
    "it",
    "its",
    "be",
    "expected",
    "goes",
    "here",
    "error",
    "unexpected",
    "found",
    "try",
    "more",
    "information",
    "subcommand",
    "missing",
    "invalid",
    "value",
    "tip",
    "such",
];

/// The words of `text` a reader reads as sentences: without code in
/// backticks, placeholders (`<FILE>`, `[OPTIONS]`, `DIR/`), options
/// (`--help`), paths, and the names listed first on an indented line
/// (the commands `open`, `new`... and options) and the usage line.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut code = false;
    let mut plain = String::new();
    let listed: String = text
        .lines()
        // The usage line: command names and placeholders.
        .filter(|l| !l.starts_with("Utilisation\u{a0}:"))
        .map(|l| match l.strip_prefix("  ") {
            Some(rest) if !rest.starts_with(' ') => {
                rest.split_once(char::is_whitespace).map_or("", |(_, r)| r)
            }
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    for c in listed.chars() {
        if c == '`' {
            code = !code;
        } else if !code {
            plain.push(c);
        }
    }
    for token in plain.split_whitespace() {
        let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '/');
        let placeholder = token.contains(['<', '[', '/', '*', '.', '_', '='])
            || t.starts_with('-')
            || (t.len() > 1 && t.chars().all(|c| !c.is_lowercase()));
        if placeholder || t.is_empty() {
            continue;
        }
        out.extend(
            // "post-it" is one (French) word.
            t.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
    }
    out
}

fn english_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = words(text)
        .into_iter()
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect();
    found.dedup();
    found
}

/// Every command's path: `[]`, `["export"]`, `["methods", "show"]`...
fn paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    out.push(prefix.to_vec());
    for sub in cmd.get_subcommands() {
        let mut p = prefix.to_vec();
        p.push(sub.get_name().to_owned());
        paths(sub, &p, out);
    }
}

#[test]
fn the_checker_finds_english_when_there_is_some() {
    assert_eq!(
        english_in("Print help for the given subcommand"),
        ["print", "for", "the", "subcommand"]
    );
    assert_eq!(
        english_in("error: unexpected argument"),
        ["error", "unexpected"]
    );
    // The listed command names are names.
    assert!(english_in("Commandes :\n  open  Ouvrir une séance\n  post-it").is_empty());
    assert!(
        english_in("Afficher l'aide de `--format md` pour <FILE> [OPTIONS] DIR/x.html").is_empty()
    );
}

#[test]
fn every_help_in_french_holds_no_english_sentence() {
    let home = tempfile::tempdir().unwrap();
    let mut all = Vec::new();
    paths(&atelier::cli::command("fr"), &[], &mut all);
    assert!(all.len() > 20, "{} commands", all.len());
    let mut checked = 0;
    for path in &all {
        // clap's help command takes no flag: `atelier methods help` is the help.
        let flags: &[&str] = if path.iter().any(|p| p == "help") {
            &[""]
        } else {
            &["--help", "-h"]
        };
        for flag in flags {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.extend((!flag.is_empty()).then_some(*flag));
            let out = atelier(home.path(), &args);
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(text.contains("Utilisation\u{a0}:"), "{args:?}: {text}");
            let english = english_in(&text);
            assert!(
                english.is_empty(),
                "atelier {args:?}: {english:?} in\n{text}"
            );
            checked += 1;
        }
    }
    println!("{checked} French help pages, no English sentence");
}

#[test]
fn a_bad_file_and_a_mistake_are_said_in_french() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    format: 3,\n    id: \"x\",\n    title: 5,\n)\n",
    )
    .unwrap();
    let cut = home.path().join("cut.ron");
    std::fs::write(&cut, "(\n    format: 3,\n    id: \"x\",\n").unwrap();
    let b = bad.to_str().unwrap();
    let c = cut.to_str().unwrap();
    let missing = home.path().join("absent.ron");
    let m = missing.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["check", b, c, m],
        vec!["export", b, "--format", "md"],
        vec!["export", m, "--format", "runsheet"],
        vec!["export", b, "--format", "pdf"],
        vec!["exprot", b],
        vec!["export", "--anonymize"],
        vec!["check"],
        vec!["suggest", b, "--threshold", "beaucoup"],
        vec!["review", b, "--comment", "Bravo"],
    ];
    for args in cases {
        said_in_french(home.path(), &args, false);
    }
}

#[test]
fn the_library_and_a_formatted_file_are_said_in_french() {
    let home = tempfile::tempdir().unwrap();
    let cases: [&[&str]; 4] = [
        &["methods", "list"],
        &["methods", "show", "crazy-8s"],
        &["templates", "list"],
        &["templates", "show", "transfo-codesign-day"],
    ];
    for args in cases {
        let out = atelier(home.path(), args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let english = english_in(&text);
        assert!(
            english.is_empty(),
            "atelier {args:?}: {english:?} in\n{text}"
        );
    }
}

/// Output and errors of `atelier args` in French, checked for English.
fn said_in_french(home: &Path, args: &[&str], ok: bool) -> String {
    let out = atelier(home, args);
    assert_eq!(
        out.status.success(),
        ok,
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.trim().is_empty(), "{args:?} says nothing");
    let english = english_in(&text);
    assert!(
        english.is_empty(),
        "atelier {args:?}: {english:?} in\n{text}"
    );
    text
}

/// A session that loads, and one whose sticky points at no cluster.
fn sessions(dir: &Path) -> (String, String) {
    use atelier::model::{Colour, Id, Session, Sticky, Timestamp};
    let mut s = Session::new(Id::from("s-1"), "Cantines d'été");
    let good = dir.join("cantines.ron");
    std::fs::write(&good, atelier::store::to_ron(&s).unwrap()).unwrap();
    s.stickies.push(Sticky {
        id: Id::from("p-1"),
        text: "Plus d'ombre".into(),
        author: None,
        colour: Colour::Yellow,
        stage: None,
        cluster: Some(Id::from("nulle-part")),
        parked: false,
        time: Timestamp::from_unix(0).unwrap(),
        private: false,
        tags: Vec::new(),
    });
    let bad = dir.join("dangling.ron");
    std::fs::write(&bad, atelier::store::to_ron(&s).unwrap()).unwrap();
    let p = |p: std::path::PathBuf| p.to_str().unwrap().to_owned();
    (p(good), p(bad))
}

#[test]
fn save_validation_merge_attach_new_and_demo_errors_are_said_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let (good, dangling) = sessions(home);

    // A validation problem: where, and what is wrong, in French.
    let text = said_in_french(home, &["check", &dangling], false);
    assert!(text.contains("renvoie à \"nulle-part\""), "{text}");
    assert!(text.contains("dangling.ron:"), "{text}");

    // Merges that cannot be done, or cannot be written.
    said_in_french(home, &["merge", &good, &good], false);
    said_in_french(home, &["merge", "--no-base", &good], false);
    said_in_french(
        home,
        &["merge", "--git", &good, &good, &good, "-o", "x"],
        false,
    );
    said_in_french(home, &["merge", &good, &dangling, &good], false);
    let text = said_in_french(
        home,
        &["merge", &good, &good, &good, "-o", "/dev/full"],
        false,
    );
    assert!(text.contains("disque est plein"), "{text}");

    // Attachments: a file that does not load, an unknown target, a folder
    // with no media (said, then nothing attached).
    said_in_french(home, &["attach", &dangling, "photo.jpg"], false);
    said_in_french(
        home,
        &["attach", &good, "photo.jpg", "--to", "personne"],
        false,
    );
    let empty = home.join("vide");
    std::fs::create_dir(&empty).unwrap();
    let text = said_in_french(home, &["attach", &good, empty.to_str().unwrap()], true);
    assert!(text.contains("0 pièce jointe"), "{text}");

    // Files that cannot be attached: absent, or not media.
    said_in_french(home, &["attach", &good, "absente.jpg"], false);
    let notes = home.join("notes.txt");
    std::fs::write(&notes, "bonjour").unwrap();
    said_in_french(home, &["attach", &good, notes.to_str().unwrap()], false);
    // An attached photo whose copy is gone: `check` says so.
    let photo = home.join("photo.jpg");
    std::fs::write(&photo, [0xff, 0xd8, 0xff, 0xe0]).unwrap();
    said_in_french(home, &["attach", &good, photo.to_str().unwrap()], true);
    std::fs::remove_dir_all(home.join("cantines.media")).unwrap();
    let text = said_in_french(home, &["check", &good], false);
    assert!(text.contains("manque"), "{text}");

    // A template that does not exist.
    said_in_french(
        home,
        &[
            "new",
            "--title",
            "Essai",
            "--template",
            "aucun",
            "--no-open",
        ],
        false,
    );

    // Saving where no session can go: a file where the sessions folder goes.
    let blocked = home.join("maison");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("sessions"), "").unwrap();
    for args in [&["new", "--title", "Essai", "--no-open"][..], &["demo"][..]] {
        let out = atelier(&blocked, args);
        assert!(!out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(
            text.contains("un fichier de ce nom existe"),
            "{args:?}: {text}"
        );
        let english = english_in(&text);
        assert!(
            english.is_empty(),
            "atelier {args:?}: {english:?} in\n{text}"
        );
    }
}

/// A merge with changes on both sides, a conflict and a repair: its summary
/// in French.
#[test]
fn a_merge_summary_with_a_conflict_and_a_repair_is_said_in_french() {
    use atelier::model::{Place, Timestamp};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let b = atelier::generate::session(24, 42);
    let (mut o, mut t) = (b.clone(), b.clone());
    let now = Timestamp::from_unix(1_781_262_000).unwrap();
    // Ours: a sticky added in a cluster theirs deletes (a repair), a title.
    let cluster = b.clusters[1].id.clone();
    support::model::add_sticky(
        &mut o,
        "dans le groupe",
        &Place::Cluster(cluster.clone()),
        now,
    );
    o.title = "Notre titre".into();
    // Theirs: the cluster deleted, another title (a conflict).
    let ops = t.delete_cluster(&cluster);
    t.apply_all(ops);
    t.title = "Autre titre".into();
    for (name, s) in [("base.ron", &b), ("ours.ron", &o), ("theirs.ron", &t)] {
        std::fs::write(d.join(name), atelier::store::to_ron(s).unwrap()).unwrap();
    }
    let at = |n: &str| d.join(n).to_str().unwrap().to_owned();
    let out = atelier(
        d,
        &[
            "merge",
            &at("base.ron"),
            &at("ours.ron"),
            &at("theirs.ron"),
            "-o",
            &at("out.ron"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("notre version (") && err.contains("ajout de 1 post-it"),
        "{err}"
    );
    assert!(err.contains("1 conflit noté"), "{err}");
    assert!(
        err.contains("titre\u{a0}: chez nous \"Notre titre\" / chez eux \"Autre titre\""),
        "{err}"
    );
    assert!(err.contains("remis dans la boîte d’arrivée"), "{err}");
    let english = english_in(&err);
    assert!(english.is_empty(), "{english:?} in\n{err}");
}

#[test]
fn an_import_into_a_stage_that_does_not_exist_is_said_in_french() {
    let home = tempfile::tempdir().unwrap();
    let session = home.path().join("demo.ron");
    std::fs::copy("sessions/demo.ron", &session).unwrap();
    let lines = home.path().join("idees.txt");
    std::fs::write(&lines, "Une idée\nUne autre\n").unwrap();
    let before = std::fs::read(&session).unwrap();
    let (s, l) = (session.to_str().unwrap(), lines.to_str().unwrap());
    let out = atelier(home.path(), &["import", s, l, "--stage", "nulle-part"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("aucune séquence"), "{text}");
    assert!(
        english_in(&text).is_empty(),
        "{:?} in\n{text}",
        english_in(&text)
    );
    assert_eq!(std::fs::read(&session).unwrap(), before, "nothing imported");
}

/// Files and folders that are missing, folders where a file goes, files
/// where a folder goes, a full disk: the system's words said in French.
#[test]
fn io_errors_are_said_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let (good, _) = sessions(home);
    let folder = home.join("dossier.ron");
    std::fs::create_dir(&folder).unwrap();
    let (f, absent) = (folder.to_str().unwrap(), home.join("absent.txt"));
    let under_file = format!("{good}/x.md");
    let cases: [(&[&str], &str); 6] = [
        (&["import", &good, absent.to_str().unwrap()], "introuvable"),
        (&["import", &good, f], "c'est un dossier, pas un fichier"),
        (&["check", f], "c'est un dossier, pas un fichier"),
        (
            &["export", &good, "--format", "md", "-o", &under_file],
            "pas un dossier",
        ),
        (
            &["export", &good, "--format", "md", "-o", "/dev/full"],
            "disque est plein",
        ),
        (&["report", absent.to_str().unwrap()], "introuvable"),
    ];
    for (args, words) in cases {
        let text = said_in_french(home, args, false);
        assert!(text.contains(words), "{args:?}: {text}");
        assert!(!text.contains("os error"), "{args:?}: {text}");
    }
}

/// A keymap.ron and a theme.ron that RON cannot read: said in French at
/// start-up, with `file:line:column`, and no English.
#[test]
fn a_broken_keymap_and_theme_are_said_in_french_with_their_position() {
    let dir = tempfile::tempdir().unwrap();
    let home = atelier::store::Home::under(dir.path());
    std::fs::create_dir_all(&home.config).unwrap();
    let write = |name: &str, text: &str| std::fs::write(home.config.join(name), text).unwrap();
    write("config.ron", "(language: \"fr\")\n");
    write(
        "keymap.ron",
        "{\n    board: {\n        \"x\": Quitt,\n    },\n}\n",
    );
    write(
        "theme.ron",
        "(\n    title: (fg: \"red\")\n    base: (),\n)\n",
    );
    let (app, warnings) = atelier::app::build_app(&home);
    assert_eq!(app.lang, "fr");
    let keymap = home.config.join("keymap.ron").display().to_string();
    let theme = home.config.join("theme.ron").display().to_string();
    let said = |file: &str| {
        warnings
            .iter()
            .find(|w| w.starts_with(file))
            .unwrap_or_else(|| panic!("no warning about {file}: {warnings:?}"))
    };
    let k = said(&keymap);
    assert!(k.starts_with(&format!("{keymap}:3:")), "{k}");
    assert!(
        k.contains("`Quitt` n'est pas un nom connu ici\u{a0}: vouliez-vous dire `Quit`"),
        "{k}"
    );
    // The closest names, not the whole list of actions: it fits a line.
    assert!(k.chars().count() < 300, "{k}");
    assert!(k.contains("n'ont pas été appliqués"), "{k}");
    let t = said(&theme);
    assert!(t.starts_with(&format!("{theme}:3:")), "{t}");
    assert!(t.contains("une virgule `,` est attendue ici"), "{t}");
    assert!(t.contains("votre thème n'a pas été appliqué"), "{t}");
    for w in [k, t] {
        let english = english_in(w);
        assert!(english.is_empty(), "{english:?} in {w}");
    }
}

/// The lab's own library files that cannot be read, a template naming a
/// method the library lacks, and a generated session that cannot be
/// written: said in French.
#[test]
fn the_lab_s_library_and_generate_are_said_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let methods = home.join("config/methods");
    std::fs::create_dir_all(methods.join("templates")).unwrap();
    std::fs::write(methods.join("bad.ron"), "(id: \"x\", nope: 1)\n").unwrap();
    std::fs::write(methods.join("latin1.ron"), b"(id: \"\xe9t\xe9\")\n").unwrap();
    std::fs::write(
        methods.join("templates/t2.ron"),
        "(id: \"t2\", name: (en: \"T\", fr: \"T\"), description: (en: \"d\", fr: \"d\"), \
         stages: [(method: \"absente\", minutes: [])])\n",
    )
    .unwrap();
    let text = said_in_french(home, &["methods", "list"], true);
    assert!(
        text.contains("bad.ron:1:11: il n'y a pas de champ `nope` ici")
            && text.contains("(ignoré)"),
        "{text}"
    );
    assert!(
        text.contains("latin1.ron: ") && text.contains("UTF-8"),
        "{text}"
    );
    let text = said_in_french(
        home,
        &["new", "--title", "Essai", "--template", "t2", "--no-open"],
        false,
    );
    assert!(text.contains("la méthode \"absente\""), "{text}");
    let folder = home.join("dossier");
    std::fs::create_dir(&folder).unwrap();
    for out in [folder.to_str().unwrap(), "/dev/full"] {
        let text = said_in_french(home, &["generate", "--stickies", "3", "-o", out], false);
        assert!(!text.contains("os error"), "{text}");
    }
}

/// The lab's thesaurus and word vectors that cannot be read: each said in
/// French with its `file:line:column`, the file left out, the suggestions
/// made all the same.
#[test]
fn the_lab_s_suggestion_files_are_said_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let suggest = home.join("config/suggest");
    std::fs::create_dir_all(&suggest).unwrap();
    std::fs::write(suggest.join("a.txt"), "[eau]\nin: nature\nfr: eau\n").unwrap();
    std::fs::write(suggest.join("b.txt"), "[eau]\npoids: 3\n").unwrap();
    std::fs::write(suggest.join("c.vec"), "eau 0.1 x\n").unwrap();
    let (good, _) = sessions(home);
    let text = said_in_french(home, &["suggest", &good], true);
    assert!(
        text.contains("b.txt:2:1: clé `poids` inconnue")
            && text.contains("(fichier laissé de côté)"),
        "{text}"
    );
    assert!(
        text.contains("c.vec:1:9: un nombre est attendu, pas `x`"),
        "{text}"
    );
    assert!(text.contains("aucun concept nature (dans eau)"), "{text}");
}

/// `check --recover` replays a crash journal and says what it recovered
/// in French.
#[test]
fn a_crash_journal_recovered_is_said_in_french() {
    use atelier::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let (good, _) = sessions(home);
    let (mut st, mut s) = Store::open(Path::new(&good)).unwrap();
    for text in ["avant la panne", "encore une"] {
        let record = support::model::journaled_sticky(&mut s, text, support::model::t(0));
        st.journal(1, &record);
    }
    st.sync();
    drop(st);
    let text = said_in_french(home, &["check", "--recover", &good], true);
    assert!(
        text.contains("2 modifications récupérées du journal de secours"),
        "{text}"
    );
}

#[test]
fn a_bad_time_date_time_of_day_or_zone_in_a_file_is_said_in_french() {
    let home = tempfile::tempdir().unwrap();
    let demo = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/demo.ron"),
    )
    .unwrap();
    let fixture = |name: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/bad")
            .join(name)
    };
    let zone = home.path().join("zone.ron");
    std::fs::write(
        &zone,
        demo.replace("Some(\"Europe/Paris\")", "Some(\"Europe/Pariss\")"),
    )
    .unwrap();
    let start = home.path().join("start.ron");
    std::fs::write(
        &start,
        demo.replace("start: Some(\"09:30\")", "start: Some(\"9 h 75\")"),
    )
    .unwrap();
    let cases = [
        (start, "une heure comme", "\"9 h 75\""),
        (
            fixture("bad-time.ron"),
            "une heure au format RFC 3339",
            "\"14/03/2026 10:12\"",
        ),
        (fixture("bad-date.ron"), "une date comme", "\"2026-02-30\""),
        (
            zone,
            "fuseau horaire inconnu \"Europe/Pariss\"",
            "Europe/Paris\u{a0}?",
        ),
    ];
    for (file, said, found) in cases {
        let text = said_in_french(home.path(), &["check", file.to_str().unwrap()], false);
        assert!(text.contains(said), "{text}");
        assert!(text.contains(found), "{text}");
        // Still at its place in the file.
        assert!(text.contains(".ron:"), "{text}");
    }
}

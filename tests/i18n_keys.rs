//! Every message exists in English and in French: the two Fluent files
//! have the same keys with the same arguments, and every key the code asks
//! for (`tr(lang, "key")`, `t!(lang, "key", …)`) is in both.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LANGUAGES: [&str; 2] = ["en", "fr"];

fn ftl_path(lang: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/locales")
        .join(lang)
        .join("atelier.ftl")
}

/// The messages (and terms) of a Fluent file: key -> the variables its
/// value uses. A message starts at a line `key = …` in the first column;
/// indented lines and lines starting with `}` continue it.
fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let first = line.chars().next();
        let continues = matches!(first, Some(' ' | '}'));
        if !continues {
            current = None;
            if let Some((key, _)) = line.split_once('=') {
                let key = key.trim_end();
                let ident = key.strip_prefix('-').unwrap_or(key);
                let is_key = !key.is_empty()
                    && ident.starts_with(|c: char| c.is_ascii_alphabetic())
                    && ident
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if is_key && !line.starts_with('#') {
                    assert!(
                        out.insert(key.to_owned(), BTreeSet::new()).is_none(),
                        "{key} is defined twice"
                    );
                    current = Some(key.to_owned());
                }
            }
        }
        if let Some(key) = &current {
            let vars = out.get_mut(key).unwrap();
            // A message reference, `{ stickies }`, uses the variables of
            // the message it names (recorded as `@stickies`, resolved below).
            let mut rest = line;
            while let Some(i) = rest.find("{ ") {
                rest = &rest[i + 2..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if name.starts_with(|c: char| c.is_ascii_alphabetic())
                    && rest[name.len()..].starts_with(" }")
                {
                    vars.insert(format!("@{name}"));
                }
            }
            let mut rest = line;
            while let Some(i) = rest.find('$') {
                rest = &rest[i + 1..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    vars.insert(name);
                }
            }
        }
    }
    let resolved: BTreeMap<String, BTreeSet<String>> = out
        .iter()
        .map(|(k, vars)| {
            let mut all = BTreeSet::new();
            for v in vars {
                match v.strip_prefix('@') {
                    Some(r) => all.extend(
                        out.get(r)
                            .into_iter()
                            .flatten()
                            .filter(|x| !x.starts_with('@'))
                            .cloned(),
                    ),
                    None => {
                        all.insert(v.clone());
                    }
                }
            }
            (k.clone(), all)
        })
        .collect();
    resolved
}

/// Every .ftl file of a language, concatenated (fluent-templates loads
/// them all; a key defined in two of them is caught by `messages`).
fn all_text(lang: &str) -> String {
    let dir = ftl_path(lang)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir:?}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p:?}: {e}")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn read(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    messages(&all_text(lang))
}

#[test]
fn both_languages_have_the_same_keys() {
    let en = read("en");
    let fr = read("fr");
    assert!(en.len() > 300, "only {} messages in English", en.len());
    let missing_fr: Vec<&String> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
    let missing_en: Vec<&String> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        missing_fr.is_empty() && missing_en.is_empty(),
        "missing in French: {missing_fr:?}\nmissing in English: {missing_en:?}"
    );
}

#[test]
fn both_languages_use_the_same_arguments() {
    let en = read("en");
    let fr = read("fr");
    let differ: Vec<String> = en
        .iter()
        .filter_map(|(k, vars)| {
            let other = fr.get(k)?;
            (vars != other).then(|| format!("{k}: en {vars:?}, fr {other:?}"))
        })
        .collect();
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn every_message_loads_in_both_languages() {
    // Through the real loader: the file parses and each message is found
    // in its own language (not through the English fallback).
    for lang in LANGUAGES {
        for key in read(lang).keys().filter(|k| !k.starts_with('-')) {
            assert!(atelier::i18n::has(lang, key), "{lang}: {key} does not load");
        }
    }
}

/// `.rs` files under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The literal keys of `tr(…, "key")`, `tr_args(…, "key", …)` and
/// `t!(…, "key", …)` calls in `text`.
fn keys_used(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in ["tr(", "tr_args(", "t!("] {
        let mut from = 0;
        while let Some(i) = text[from..].find(call) {
            let at = from + i;
            from = at + call.len();
            // A whole name: `attr(` or `ctr(` are something else.
            if text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            // Skip the first argument (the language) to its comma.
            let args = &text[from..];
            let mut depth = 0i32;
            let mut second = None;
            for (j, c) in args.char_indices() {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' if depth == 0 => break,
                    ')' | ']' | '}' => depth -= 1,
                    ',' if depth == 0 => {
                        second = Some(j + 1);
                        break;
                    }
                    _ => {}
                }
            }
            let Some(j) = second else { continue };
            let arg = args[j..].trim_start();
            if let Some(lit) = arg.strip_prefix('"')
                && let Some(end) = lit.find('"')
            {
                keys.push(lit[..end].to_owned());
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_asks_for_exists_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let en = read("en");
    let fr = read("fr");
    let mut used = 0;
    let mut missing = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may ask for missing keys on purpose.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for key in keys_used(code) {
            used += 1;
            for (lang, keys) in [("en", &en), ("fr", &fr)] {
                if !keys.contains_key(&key) {
                    missing.push(format!(
                        "{}: {key:?} is not in {lang}",
                        file.strip_prefix(&root).unwrap_or(&file).display()
                    ));
                }
            }
        }
    }
    assert!(
        used > 250,
        "only {used} keys found in src: is the scan broken?"
    );
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_scan_finds_keys_in_calls_over_several_lines() {
    let text = r#"
        let a = tr(lang, "one");
        let b = t!(
            app.lang,
            "two",
            n = f(x, y),
        );
        let c = tr_args(lang, "three", &[]);
        let d = attr(x, "not-a-key");
        let e = tr(lang, key);
    "#;
    assert_eq!(keys_used(text), ["one", "three", "two"]);
}

#[test]
fn french_typography_keeps_its_non_breaking_spaces() {
    // A plain space before ":", ";", "?", "!" would let a line break
    // there; French wants a non-breaking one.
    let text = all_text("fr");
    let bad: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| {
            [" :", " ;", " ?", " !", "« ", " »"]
                .iter()
                .any(|p| l.contains(p))
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

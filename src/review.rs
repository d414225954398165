//! Review comments with a name: who signs them, and adding one from the
//! command line (`atelier review FILE --as NAME --comment TEXT [--about ID]`).
//!
//! The reviewer's name comes from `--as`, else from `name` in
//! `<config>/config.ron` ([`reviewer`]); when neither is set, the app asks
//! once and keeps the answer there ([`remember_name`]). A comment keeps its
//! author and time; the workshop itself is never changed (only the file's
//! comments section is written, see `store::save_comments`).

use crate::lang::Config;
use crate::model::{Comment, Id, Session, Timestamp};
use crate::t;
use std::path::Path;

/// The most characters a reviewer's name keeps.
pub const NAME_MAX: usize = 80;

/// A name as typed, tidied: one line, trimmed, at most [`NAME_MAX`]
/// characters; `None` when nothing is left.
pub fn tidy_name(name: &str) -> Option<String> {
    let one_line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<&str> = one_line.split_whitespace().collect();
    let name: String = words.join(" ").chars().take(NAME_MAX).collect();
    let name = name.trim_end().to_owned();
    (!name.is_empty()).then_some(name)
}

/// Who signs review comments: `--as NAME`, else the config's `name`;
/// `None` when neither is set (the app then asks once).
pub fn reviewer(flag: Option<&str>, config: &Config) -> Option<String> {
    flag.and_then(tidy_name)
        .or_else(|| config.name.as_deref().and_then(tidy_name))
}

/// [`reviewer`] with the config file of `config_dir`.
pub fn reviewer_in(flag: Option<&str>, config_dir: &Path) -> Option<String> {
    let (config, _) = Config::load(config_dir);
    reviewer(flag, &config)
}

/// Keep `name` in `<config_dir>/config.ron` as the reviewer's name, the
/// rest of the file as it was: a `name:` line is replaced, or one is
/// added; a missing file is created. The result must read back as a
/// config with that name, or nothing is written.
pub fn remember_name(config_dir: &Path, name: &str, lang: &str) -> Result<(), String> {
    let Some(name) = tidy_name(name) else {
        return Err(t!(lang, "review-name-empty"));
    };
    let path = config_dir.join("config.ron");
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            let what = crate::i18n::io_error(lang, &e);
            return Err(format!("{}: {what}", path.display()));
        }
    };
    let unchanged = || {
        t!(
            lang,
            "review-config-unchanged",
            path = path.display().to_string()
        )
    };
    // A file that does not read is not edited (the app warns about it).
    if old.as_deref().is_some_and(|t| Config::parse(t).is_err()) {
        return Err(unchanged());
    }
    let quoted = ron::to_string(&name).map_err(|e| e.to_string())?;
    let text = with_name(old.as_deref(), &quoted);
    match Config::parse(&text) {
        Ok(c) if c.name.as_deref() == Some(name.as_str()) => {}
        _ => return Err(unchanged()),
    }
    crate::store::paths::make_dir(config_dir, 0o700).map_err(|e| {
        let what = crate::i18n::io_error(lang, &e);
        format!("{}: {what}", config_dir.display())
    })?;
    crate::store::write_atomic(&path, text.as_bytes())
        .map_err(|e| crate::i18n::save_error(lang, &e))
}

/// The config text `old` with `name: <quoted>`.
fn with_name(old: Option<&str>, quoted: &str) -> String {
    let fresh = format!("(\n    name: {quoted},\n)\n");
    let Some(old) = old else { return fresh };
    if !old.contains('(') {
        // Comments only, or nothing.
        return format!("{old}\n{fresh}").trim_start().to_owned();
    }
    let mut lines: Vec<String> = old.lines().map(str::to_owned).collect();
    if let Some(line) = lines
        .iter_mut()
        .find(|l| l.trim_start().starts_with("name:"))
    {
        let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        *line = format!("{indent}name: {quoted},");
        return lines.join("\n") + "\n";
    }
    // Before the last closing parenthesis.
    match old.rfind(')') {
        Some(end) => {
            let head = old[..end].trim_end();
            let comma = if head.ends_with(',') || head.ends_with('(') {
                ""
            } else {
                ","
            };
            format!("{head}{comma}\n    name: {quoted},\n{}", &old[end..])
        }
        None => fresh,
    }
}

/// The id of the item `about` names in `s`: an id, or the start of one
/// (at least 4 characters) that only one item's id has.
pub fn find_about(s: &Session, about: &str, lang: &str) -> Result<Id, String> {
    let about = about.trim();
    let ids = item_ids(s);
    if let Some(id) = ids.iter().find(|id| id.as_str() == about) {
        return Ok((*id).clone());
    }
    let matching: Vec<&&Id> = ids
        .iter()
        .filter(|id| about.len() >= 4 && id.as_str().starts_with(about))
        .collect();
    match matching.as_slice() {
        [one] => Ok((**one).clone()),
        [] => Err(t!(lang, "review-about-unknown", about = about)),
        more => Err(t!(
            lang,
            "review-about-ambiguous",
            about = about,
            n = more.len()
        )),
    }
}

/// The ids a comment may be about: stages, steps, notes, stickies, groups,
/// voting rounds, actions, prototypes, participants.
fn item_ids(s: &Session) -> Vec<&Id> {
    s.agenda
        .iter()
        .flat_map(|st| std::iter::once(&st.id).chain(st.steps.iter().map(|x| &x.id)))
        .chain(s.notes.iter().map(|x| &x.id))
        .chain(s.stickies.iter().map(|x| &x.id))
        .chain(s.clusters.iter().map(|x| &x.id))
        .chain(s.rounds.iter().map(|x| &x.id))
        .chain(s.actions.iter().map(|x| &x.id))
        .chain(s.prototypes.iter().map(|x| &x.id))
        .chain(s.participants.iter().map(|x| &x.id))
        .collect()
}

/// A signed comment on `about` (or the session), written `now`.
pub fn comment(author: &str, text: &str, about: Option<Id>, now: Timestamp) -> Comment {
    Comment {
        id: Id::new(),
        about,
        author: author.to_owned(),
        text: text.trim().to_owned(),
        time: now,
    }
}

/// `atelier review FILE --comment TEXT [--as NAME] [--about ID]`: add one
/// signed comment to the file (its comments section only) and say so.
pub fn add_comment(
    file: &Path,
    author: Option<&str>,
    text: &str,
    about: Option<&str>,
    now: Timestamp,
    lang: &str,
) -> Result<String, String> {
    let Some(author) = author else {
        return Err(t!(lang, "review-no-name"));
    };
    if text.trim().is_empty() {
        return Err(t!(lang, "review-comment-empty"));
    }
    let session = crate::store::load_file(file).map_err(|e| crate::i18n::load_error(lang, &e))?;
    let about = about.map(|a| find_about(&session, a, lang)).transpose()?;
    let c = comment(author, text, about, now);
    crate::store::save_comments(file, std::slice::from_ref(&c))?;
    Ok(t!(
        lang,
        "review-comment-added",
        author = author,
        file = file.display().to_string()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(name: Option<&str>) -> Config {
        Config {
            name: name.map(str::to_owned),
            ..Config::default()
        }
    }

    #[test]
    fn the_flag_wins_then_the_config_then_no_one() {
        assert_eq!(
            reviewer(Some("Léa"), &config(Some("Zoé"))).as_deref(),
            Some("Léa")
        );
        assert_eq!(reviewer(None, &config(Some("Zoé"))).as_deref(), Some("Zoé"));
        assert_eq!(
            reviewer(Some("  "), &config(Some("Zoé"))).as_deref(),
            Some("Zoé")
        );
        assert_eq!(reviewer(None, &config(None)), None);
        assert_eq!(reviewer(None, &config(Some(""))), None);
    }

    #[test]
    fn names_are_one_tidy_line() {
        assert_eq!(
            tidy_name("  Léa \n Roux\u{1b}[31m ").as_deref(),
            Some("Léa Roux [31m")
        );
        assert_eq!(tidy_name("\u{7}\t").as_deref(), None);
        assert_eq!(
            tidy_name(&"é".repeat(200)).map(|n| n.chars().count()),
            Some(NAME_MAX)
        );
    }

    #[test]
    fn the_name_is_kept_in_the_config_with_the_rest_of_it() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("config.ron");
        remember_name(dir.path(), "Léa", "en").expect("written");
        assert_eq!(reviewer_in(None, dir.path()).as_deref(), Some("Léa"));

        std::fs::write(&path, "// mine\n(language: \"fr\")\n").expect("written");
        remember_name(dir.path(), "Zoé \"Z\" Marchand", "en").expect("written");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with("// mine\n(language: \"fr\","), "{text}");
        let (c, warning) = Config::load(dir.path());
        assert_eq!(warning, None);
        assert_eq!(c.language.as_deref(), Some("fr"));
        assert_eq!(c.name.as_deref(), Some("Zoé \"Z\" Marchand"));

        remember_name(dir.path(), "Léa", "en").expect("replaced");
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text.matches("name:").count(), 1, "{text}");
        assert_eq!(Config::load(dir.path()).0.name.as_deref(), Some("Léa"));

        // A file it cannot edit safely is left as it was.
        std::fs::write(&path, "(language: \"fr\"").expect("written");
        assert!(remember_name(dir.path(), "Léa", "en").is_err());
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "(language: \"fr\""
        );
        assert!(remember_name(dir.path(), " ", "en").is_err());
    }

    #[test]
    fn about_takes_an_id_or_a_unique_start_of_one() {
        let mut s = Session::new(Id::from("s"), "S");
        for (id, text) in [("aaaa-1111", "one"), ("aaaa-2222", "two")] {
            s.stickies.push(crate::model::Sticky {
                id: Id::from(id),
                text: text.into(),
                author: None,
                colour: crate::model::Colour::Yellow,
                stage: None,
                cluster: None,
                parked: false,
                time: Timestamp::parse("2026-07-09T08:00:00Z").expect("a time"),
                tags: Vec::new(),
                private: false,
            });
        }
        assert_eq!(find_about(&s, "aaaa-2222", "en"), Ok(Id::from("aaaa-2222")));
        assert_eq!(find_about(&s, "aaaa-1", "en"), Ok(Id::from("aaaa-1111")));
        let ambiguous = find_about(&s, "aaaa", "en").expect_err("two match");
        assert!(ambiguous.contains("2"), "{ambiguous}");
        assert!(find_about(&s, "aa", "en").is_err(), "too short to guess");
        assert!(find_about(&s, "zzzz", "fr").is_err());
    }
}

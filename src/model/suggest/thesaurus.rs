//! The thesaurus: concepts, the French and English words and phrases that
//! say them, and the stop words. Read from a plain text format
//! (`assets/thesaurus.txt` is built in; a lab adds files of the same
//! format). The format is described at the top of that file and in
//! `docs/suggestions.md`.

use crate::model::text::fold;
use std::collections::HashMap;
use std::fmt;

/// The thesaurus built into atelier.
pub const BUILTIN: &str = include_str!("../../../assets/thesaurus.txt");

/// Which language a word is listed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    French,
    English,
    Any,
}

/// One concept: an id, its names, its broader concepts, its weight.
#[derive(Clone, Debug, PartialEq)]
pub struct Concept {
    pub id: String,
    /// Its name in French and in English, for suggested titles.
    pub label_fr: Option<String>,
    pub label_en: Option<String>,
    /// Ids of the broader concepts it belongs to.
    pub broader: Vec<String>,
    /// How much it counts (1 unless said).
    pub weight: f32,
}

/// A word or phrase of a concept, as written in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub text: String,
    pub concept: usize,
    pub tag: Tag,
}

/// A set of concepts and stop words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thesaurus {
    pub concepts: Vec<Concept>,
    pub entries: Vec<Entry>,
    /// Stop words, folded, with the language they are listed for.
    pub stop: Vec<(String, Tag)>,
}

/// Where a thesaurus file is wrong, and what was expected.
#[derive(Clone, Debug, PartialEq)]
pub struct ThesaurusError {
    pub origin: String,
    pub line: usize,
    pub column: usize,
    /// In English, as `Display` shows it.
    pub message: String,
    /// The same as a Fluent key (`lab-file-…` in `suggest-cli.ftl`) and
    /// its arguments, for `i18n::lab_file_error`.
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// What is wrong at a column of a line: its English words, its Fluent key
/// and arguments.
pub(super) type Wrong = (usize, String, &'static str, Vec<(&'static str, String)>);

impl ThesaurusError {
    pub(super) fn at(origin: &str, line: usize, (column, message, key, args): Wrong) -> Self {
        ThesaurusError {
            origin: origin.to_owned(),
            line,
            column,
            message,
            key,
            args,
        }
    }
}

impl fmt::Display for ThesaurusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.origin, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ThesaurusError {}

/// The id of the block that lists stop words.
const STOP: &str = "stop";

/// `label`, `in` or `weight` (`key`) of `concept` set from `value`, which
/// starts at column `value_col`. An error is its column and message.
fn set(concept: &mut Concept, key: &str, value: &str, value_col: usize) -> Result<(), Wrong> {
    match key {
        "label" => {
            let mut parts = value.splitn(2, '|').map(str::trim);
            let fr = parts.next().filter(|s| !s.is_empty());
            let en = parts.next().filter(|s| !s.is_empty());
            concept.label_fr = fr.map(str::to_owned).or(concept.label_fr.take());
            concept.label_en = en.map(str::to_owned).or(concept.label_en.take());
        }
        "in" => {
            for id in list(value) {
                if !valid_id(id) {
                    return Err((
                        value_col,
                        format!("expected concept ids, found `{id}`"),
                        "lab-file-expected-ids",
                        vec![("found", id.to_owned())],
                    ));
                }
                if !concept.broader.iter().any(|b| b == id) {
                    concept.broader.push(id.to_owned());
                }
            }
        }
        _ => match value.trim().parse::<f32>() {
            Ok(w) if (0.0..=2.0).contains(&w) => concept.weight = w,
            _ => {
                return Err((
                    value_col,
                    format!("expected a weight from 0 to 2, found `{}`", value.trim()),
                    "lab-file-expected-weight",
                    vec![("found", value.trim().to_owned())],
                ));
            }
        },
    }
    Ok(())
}

impl Thesaurus {
    /// The thesaurus built into atelier (`assets/thesaurus.txt`; a test
    /// checks it reads without error).
    pub fn builtin() -> Thesaurus {
        Thesaurus::parse("assets/thesaurus.txt", BUILTIN).unwrap_or_default()
    }

    /// Read a thesaurus. `origin` names it in errors.
    pub fn parse(origin: &str, text: &str) -> Result<Thesaurus, ThesaurusError> {
        let mut t = Thesaurus::default();
        // The concept being read (None: the stop words).
        let mut current: Option<Option<usize>> = None;
        for (n, raw) in text.lines().enumerate() {
            t.read_line(raw, &mut current)
                .map_err(|wrong| ThesaurusError::at(origin, n + 1, wrong))?;
        }
        Ok(t)
    }

    /// One line of a thesaurus, in the block `current` (which a `[id]`
    /// line changes). An error is its column and message.
    fn read_line(&mut self, raw: &str, current: &mut Option<Option<usize>>) -> Result<(), Wrong> {
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            return Ok(());
        }
        if let Some(rest) = line.strip_prefix('[') {
            *current = Some(self.block(rest, indent, line)?);
            return Ok(());
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err((
                indent + 1,
                "expected `[id]` or `key: values`".into(),
                "lab-file-expected-line",
                Vec::new(),
            ));
        };
        let value_col =
            indent + line.len() - value.len() + 1 + (value.len() - value.trim_start().len());
        let key = key.trim();
        let Some(concept) = *current else {
            return Err((
                indent + 1,
                format!("expected a concept (`[id]`) before `{key}:`"),
                "lab-file-expected-concept",
                vec![("key", key.to_owned())],
            ));
        };
        let tag = match key {
            "fr" => Some(Tag::French),
            "en" => Some(Tag::English),
            "any" => Some(Tag::Any),
            "label" | "in" | "weight" => None,
            _ => {
                return Err((
                    indent + 1,
                    format!("unknown key `{key}`: expected fr, en, any, label, in or weight"),
                    "lab-file-unknown-key",
                    vec![("key", key.to_owned())],
                ));
            }
        };
        match (tag, concept) {
            (Some(tag), None) => {
                for w in list(value) {
                    self.stop.push((fold(w), tag));
                }
            }
            (Some(tag), Some(c)) => {
                for w in list(value) {
                    self.entries.push(Entry {
                        text: w.to_owned(),
                        concept: c,
                        tag,
                    });
                }
            }
            (None, None) => {
                return Err((
                    indent + 1,
                    format!("the stop words take fr, en or any, not `{key}`"),
                    "lab-file-stop-key",
                    vec![("key", key.to_owned())],
                ));
            }
            (None, Some(c)) => set(&mut self.concepts[c], key, value, value_col)?,
        }
        Ok(())
    }

    /// The block a `[id]` line opens (`rest` follows its `[`): a concept,
    /// or None for the stop words.
    fn block(&mut self, rest: &str, indent: usize, line: &str) -> Result<Option<usize>, Wrong> {
        let Some(id) = rest.strip_suffix(']').map(str::trim) else {
            return Err((
                indent + line.len() + 1,
                "expected `]` closing the concept id".into(),
                "lab-file-expected-bracket",
                Vec::new(),
            ));
        };
        if !valid_id(id) {
            return Err((
                indent + 2,
                format!(
                    "expected a concept id of lowercase letters, digits and hyphens, found `{id}`"
                ),
                "lab-file-expected-id",
                vec![("found", id.to_owned())],
            ));
        }
        Ok(if id == STOP {
            None
        } else {
            Some(self.concept(id))
        })
    }

    /// The index of concept `id`, added if new.
    fn concept(&mut self, id: &str) -> usize {
        if let Some(i) = self.concepts.iter().position(|c| c.id == id) {
            return i;
        }
        self.concepts.push(Concept {
            id: id.to_owned(),
            label_fr: None,
            label_en: None,
            broader: Vec::new(),
            weight: 1.0,
        });
        self.concepts.len() - 1
    }

    /// Add `other` to this one: its new concepts are added; for a concept
    /// both have, the words and broader concepts are added, and the label
    /// and weight it sets replace these.
    pub fn extend(&mut self, other: Thesaurus) {
        let mut map = Vec::with_capacity(other.concepts.len());
        for c in other.concepts {
            let i = self.concept(&c.id);
            let mine = &mut self.concepts[i];
            if c.label_fr.is_some() {
                mine.label_fr = c.label_fr;
            }
            if c.label_en.is_some() {
                mine.label_en = c.label_en;
            }
            for b in c.broader {
                if !mine.broader.contains(&b) {
                    mine.broader.push(b);
                }
            }
            if c.weight != 1.0 {
                mine.weight = c.weight;
            }
            map.push(i);
        }
        for e in other.entries {
            self.entries.push(Entry {
                concept: map[e.concept],
                ..e
            });
        }
        self.stop.extend(other.stop);
    }

    /// Broader concepts named by `in:` that no concept has: (id, the
    /// concept naming it).
    pub fn unknown_broader(&self) -> Vec<(String, String)> {
        let ids: HashMap<&str, ()> = self.concepts.iter().map(|c| (c.id.as_str(), ())).collect();
        let mut out = Vec::new();
        for c in &self.concepts {
            for b in &c.broader {
                if !ids.contains_key(b.as_str()) {
                    out.push((b.clone(), c.id.clone()));
                }
            }
        }
        out
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The words of a comma-separated list, trimmed, empty ones left out.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_thesaurus_reads_without_error() {
        let t = Thesaurus::parse("assets/thesaurus.txt", BUILTIN).expect("it reads");
        assert!(t.concepts.len() >= 50, "{}", t.concepts.len());
        assert!(t.entries.len() >= 3000, "{}", t.entries.len());
        assert!(t.stop.len() >= 400, "{}", t.stop.len());
        assert_eq!(t.unknown_broader(), Vec::<(String, String)>::new());
        for c in &t.concepts {
            assert!(
                c.label_fr.is_some() && c.label_en.is_some(),
                "{} has no label",
                c.id
            );
        }
    }

    #[test]
    fn errors_say_where_and_what_was_expected() {
        let cases = [
            (
                "fr: chaleur",
                "t.txt:1:1: expected a concept (`[id]`) before `fr:`",
            ),
            (
                "[heat]\nfrench: chaleur",
                "t.txt:2:1: unknown key `french`: expected fr, en, any, label, in or weight",
            ),
            (
                "[Heat]",
                "t.txt:1:2: expected a concept id of lowercase letters, digits and hyphens, found `Heat`",
            ),
            ("[heat", "t.txt:1:6: expected `]` closing the concept id"),
            (
                "[heat]\n  weight: lots",
                "t.txt:2:11: expected a weight from 0 to 2, found `lots`",
            ),
            (
                "[heat]\nchaleur",
                "t.txt:2:1: expected `[id]` or `key: values`",
            ),
            (
                "[stop]\nlabel: x",
                "t.txt:2:1: the stop words take fr, en or any, not `label`",
            ),
        ];
        for (text, want) in cases {
            let e = Thesaurus::parse("t.txt", text).expect_err(text);
            assert_eq!(e.to_string(), want);
        }
    }

    #[test]
    fn an_extension_adds_words_and_concepts() {
        let mut t = Thesaurus::parse(
            "a",
            "[heat]\nlabel: Chaleur | Heat\nfr: chaleur\n[stop]\nfr: le",
        )
        .unwrap();
        let ext = Thesaurus::parse(
            "b",
            "# ours\n[heat]\nfr: cagnard\n[bees]\nlabel: | Bees\nin: nature\nweight: 0.5\nen: bee, hive\n[stop]\nen: innit",
        )
        .unwrap();
        t.extend(ext);
        assert_eq!(t.concepts.len(), 2);
        assert_eq!(t.concepts[0].label_fr.as_deref(), Some("Chaleur"));
        assert_eq!(t.concepts[1].label_fr, None);
        assert_eq!(t.concepts[1].label_en.as_deref(), Some("Bees"));
        assert_eq!(t.concepts[1].weight, 0.5);
        let heat: Vec<&str> = t
            .entries
            .iter()
            .filter(|e| e.concept == 0)
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(heat, ["chaleur", "cagnard"]);
        assert_eq!(t.entries.iter().filter(|e| e.concept == 1).count(), 2);
        assert_eq!(t.stop.len(), 2);
        assert_eq!(
            t.unknown_broader(),
            [("nature".to_owned(), "bees".to_owned())]
        );
    }
}

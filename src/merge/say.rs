//! The merge report in words: each line is a Fluent key (`merge.ftl`) and
//! its arguments, said in the reader's language only when shown.

use super::{Counts, Report};
use crate::i18n::{FluentValue, tr, tr_args};

/// An argument of a report line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text as is: a short quote, an id, a side's name.
    Text(String),
    /// A number (Fluent picks the plural).
    Num(usize),
    /// `n` items of a section ("3 stickies"): key `merge-count-SECTION`.
    Count(&'static str, usize),
    /// One item of a section, by its short label and a number (a vote's
    /// dots): key `merge-item-SECTION`.
    Item(&'static str, String, usize),
    /// A word of the report, by its key.
    Word(&'static str),
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Line {
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Line {
        Line { key, args }
    }

    /// The line in `lang`.
    pub fn say(&self, lang: &str) -> String {
        let args: Vec<(&str, FluentValue)> =
            self.args.iter().map(|(k, a)| (*k, a.say(lang))).collect();
        tr_args(lang, self.key, &args)
    }
}

impl Arg {
    fn say(&self, lang: &str) -> FluentValue<'static> {
        match self {
            Arg::Text(t) => t.clone().into(),
            Arg::Num(n) => (*n).into(),
            Arg::Count(sec, n) => count(lang, *n, sec).into(),
            Arg::Item(sec, text, n) => tr_args(
                lang,
                &format!("merge-item-{}", sec.replace(' ', "-")),
                &[("text", text.clone().into()), ("n", (*n).into())],
            )
            .into(),
            Arg::Word(key) => tr(lang, key).into(),
        }
    }
}

/// "3 stickies", "1 vote", in `lang`.
pub fn count(lang: &str, n: usize, sec: &str) -> String {
    tr_args(
        lang,
        &format!("merge-count-{}", sec.replace(' ', "-")),
        &[("n", n.into())],
    )
}

impl Report {
    /// The report in words (in `lang`), one line each: what came from each
    /// side, the conflicts, the repairs.
    pub fn summary(&self, lang: &str, ours: &str, theirs: &str) -> String {
        let mut out = String::new();
        for n in &self.notes {
            out.push_str(&format!("{}\n", n.say(lang)));
        }
        for (side, name) in [(0, ours), (1, theirs)] {
            let mut parts = Vec::new();
            for (what, pick) in [
                (
                    "merge-sum-added",
                    (|c: &Counts| c.added) as fn(&Counts) -> [usize; 2],
                ),
                ("merge-sum-changed", |c: &Counts| c.changed),
                ("merge-sum-deleted", |c: &Counts| c.deleted),
            ] {
                let items: Vec<String> = self
                    .counts
                    .iter()
                    .filter(|(_, c)| pick(c)[side] > 0)
                    .map(|(sec, c)| count(lang, pick(c)[side], sec))
                    .collect();
                if !items.is_empty() {
                    parts.push(tr_args(lang, what, &[("items", items.join(", ").into())]));
                }
            }
            let line = if parts.is_empty() {
                tr_args(lang, "merge-no-change", &[("name", name.into())])
            } else {
                let parts = parts.join(&tr(lang, "merge-parts-separator"));
                tr_args(
                    lang,
                    "merge-side",
                    &[("name", name.into()), ("parts", parts.into())],
                )
            };
            out.push_str(&format!("{line}\n"));
        }
        if !self.conflicts.is_empty() {
            let n = self.conflicts.len();
            out.push_str(&tr_args(
                lang,
                "merge-conflicts-recorded",
                &[("n", n.into())],
            ));
            out.push('\n');
            for c in &self.conflicts {
                out.push_str(&format!("  - {}\n", c.say(lang)));
            }
        }
        if !self.repairs.is_empty() {
            out.push_str(&tr(lang, "merge-repaired"));
            out.push('\n');
            for r in &self.repairs {
                out.push_str(&format!("  - {}\n", r.say(lang)));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every section the merge counts and every item it names has its
    /// words in both languages (a missing key would show as the key).
    #[test]
    fn every_section_and_item_is_said_in_both_languages() {
        // Both counted and named.
        let both = [
            "participant",
            "guest",
            "stage",
            "step",
            "note",
            "sticky",
            "cluster",
            "voting round",
            "vote",
            "action",
            "comment",
            "prototype",
            "attachment",
        ];
        let sections = [&both[..], &["round", "detail", "item", "conflict"]].concat();
        let items = [&both[..], &["voter"]].concat();
        for lang in ["en", "fr"] {
            for &sec in &sections {
                for n in [1, 2] {
                    let said = count(lang, n, sec);
                    assert!(said.starts_with(&n.to_string()), "{lang} {sec}: {said}");
                    assert!(!said.contains("merge-"), "{lang} {sec}: {said}");
                }
            }
            for &sec in &items {
                let said = Line::new(
                    "merge-both-changed",
                    vec![("item", Arg::Item(sec, "\"x\"".into(), 2))],
                )
                .say(lang);
                assert!(!said.contains("merge-"), "{lang} {sec}: {said}");
                assert!(said.contains("\"x\""), "{lang} {sec}: {said}");
            }
        }
        assert_eq!(count("en", 2, "sticky"), "2 stickies");
        assert_eq!(count("fr", 2, "voting round"), "2 tours de vote");
        assert_eq!(count("en", 1, "vote"), "1 vote");
    }
}

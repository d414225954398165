//! Why a group: the concepts and words its stickies share, each shown by
//! the words the group writes for it ("chaleur ~ heat ~ canicule"), and a
//! title.

use super::corpus::Corpus;
use super::engine::Engine;
use super::words::capitalize;
use crate::model::text::fold;
use std::collections::HashMap;

/// Most reasons shown with a suggestion.
const MAX_WORDS: usize = 6;

/// Most words shown for one concept.
const MAX_FORMS: usize = 4;

/// Most words in a suggested title.
const MAX_TITLE_WORDS: usize = 3;

/// Between the words of one concept.
pub const SEPARATOR: &str = " ~ ";

/// The title and the reasons of a group.
pub fn explain(engine: &Engine, corpus: &Corpus, members: &[usize]) -> (String, Vec<String>) {
    // Per feature: stickies holding it, summed weight.
    let mut stats: HashMap<usize, (usize, f32)> = HashMap::new();
    for &i in members {
        for &(f, w) in &corpus.vectors[i] {
            let e = stats.entry(f).or_insert((0, 0.0));
            e.0 += 1;
            e.1 += w;
        }
    }
    let need = members.len().div_ceil(2).max(2);
    let pick = |least: usize| -> Vec<(usize, usize, f32)> {
        stats
            .iter()
            .filter(|(_, (count, _))| *count >= least)
            .map(|(&f, &(count, weight))| (f, count, weight))
            .collect()
    };
    let mut shared = pick(need);
    if shared.is_empty() {
        // A group is held together by average similarity: when nothing is
        // in half of it, show what two stickies at least share.
        shared = pick(2);
    }
    shared.sort_by(|a, b| b.2.total_cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));

    let mut words: Vec<String> = Vec::new();
    let mut heads: Vec<(String, f32)> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for (f, _, weight) in shared {
        let forms: Vec<String> = forms(corpus, f, members)
            .into_iter()
            .filter(|w| !used.contains(&key(w)))
            .take(MAX_FORMS)
            .collect();
        if forms.is_empty() {
            continue;
        }
        used.extend(forms.iter().map(|w| key(w)));
        let head = if f < corpus.concepts {
            engine.label(f, corpus.lang).unwrap_or(&forms[0]).to_owned()
        } else {
            forms[0].clone()
        };
        if !heads
            .iter()
            .any(|(h, _)| h.to_lowercase() == head.to_lowercase())
        {
            heads.push((head, weight));
        }
        words.push(forms.join(SEPARATOR));
        if words.len() == MAX_WORDS {
            break;
        }
    }
    let first = heads.first().map_or(0.0, |(_, w)| *w);
    let title: Vec<String> = heads
        .into_iter()
        .take(MAX_TITLE_WORDS)
        .filter(|(_, w)| *w >= first * 0.5)
        .enumerate()
        .map(|(k, (h, _))| if k == 0 { h } else { lower_first(&h) })
        .collect();
    (capitalize(&title.join(", ")), words)
}

/// The words a group writes for a feature, most stickies first (the first
/// met among equals).
fn forms(corpus: &Corpus, feature: usize, members: &[usize]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for &i in members {
        let mut mine: Vec<&str> = Vec::new();
        for h in &corpus.hits[i] {
            if h.features.contains(&feature) && !mine.contains(&h.written.as_str()) {
                mine.push(&h.written);
            }
        }
        for w in mine {
            match counts.iter_mut().find(|(f, _)| key(f) == key(w)) {
                Some((_, n)) => *n += 1,
                None => counts.push((w.to_owned(), 1)),
            }
        }
    }
    // Stable: among equals, the first met stays first.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(w, _)| w).collect()
}

/// Words that differ only by accents, case or hyphens are one.
fn key(w: &str) -> String {
    fold(w).replace('-', "")
}

/// A label's first letter in lowercase, unless the label is an acronym.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(a), Some(b)) if b.is_uppercase() => format!("{a}{b}{}", c.as_str()),
        (Some(a), _) => a.to_lowercase().chain(s.chars().skip(1)).collect(),
        (None, _) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{DEFAULT_THRESHOLD, cluster};
    use super::*;

    #[test]
    fn each_reason_is_held_by_half_the_group() {
        let engine = Engine::builtin();
        for set in [
            include_str!("../../../tests/fixtures/suggest/labelled.csv"),
            include_str!("../../../tests/fixtures/suggest/spoken.csv"),
        ] {
            let texts: Vec<&str> = set
                .lines()
                .skip(1)
                .map(|l| l.splitn(3, ',').nth(2).unwrap_or("").trim_matches('"'))
                .collect();
            let corpus = Corpus::new(engine, texts.iter().copied(), None);
            for threshold in [0.1, DEFAULT_THRESHOLD, 0.4] {
                for members in cluster::groups(&corpus, threshold) {
                    let (title, words) = explain(engine, &corpus, &members);
                    assert!(!words.is_empty() && !title.is_empty());
                    let holding = |f: usize| {
                        members
                            .iter()
                            .filter(|&&i| corpus.vectors[i].iter().any(|(g, _)| *g == f))
                            .count()
                    };
                    let half = members.len().div_ceil(2).max(2);
                    let reaches_half = members
                        .iter()
                        .flat_map(|&i| &corpus.vectors[i])
                        .any(|(f, _)| holding(*f) >= half);
                    let need = if reaches_half { half } else { 2 };
                    for reason in &words {
                        // The features whose words the reason shows: one of
                        // them is held by enough of the group.
                        let first = reason.split(SEPARATOR).next().unwrap_or_default();
                        let best = members
                            .iter()
                            .flat_map(|&i| &corpus.hits[i])
                            .filter(|h| h.written == first)
                            .flat_map(|h| h.features.iter().map(|&f| holding(f)))
                            .max()
                            .unwrap_or(0);
                        assert!(best >= need, "{reason}: in {best} of {}", members.len());
                    }
                }
            }
        }
    }

    #[test]
    fn acronyms_keep_their_capitals() {
        assert_eq!(lower_first("Wi-Fi"), "wi-Fi");
        assert_eq!(lower_first("PMR"), "PMR");
        assert_eq!(lower_first("Éclairage"), "éclairage");
    }
}

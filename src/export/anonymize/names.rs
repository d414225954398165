//! People's names in free text.
//!
//! Each person's name gives patterns, matched whole-word, ignoring case and
//! accents (of every script, through [`fold_char`]; a Latin letter it would
//! keep matches any Latin letter), spaces and hyphens alike:
//!
//! - the full name, and the name with its first word last ("Roux Amélie"):
//!   replaced by the person's label;
//! - its parts: each word, each run of words ("Le Gall"), each half of a
//!   hyphenated word ("Moreau" in "Garnier-Moreau"), what follows an
//!   apostrophe ("Estaing" in "d'Estaing"); never a particle alone ("de",
//!   "Le", "van"). A part two people share gets the generic marker, as does
//!   a name inside a hyphenated compound ("Roux-Vidal"), which says who it
//!   is not.
//!
//! A name that is also an ordinary word ("Rose", "Pierre", "Grand", see
//! [`ORDINARY`]) is redacted only where it is written as a name: with a
//! capital (or in capitals), after a title ("M.", "Mme", "Dr"...), or as
//! part of a longer name. In lower case it is the word.
//!
//! Phrases that are not personal data (the session's place, the method
//! library's names) are kept as written, even when they hold a name part
//! ("Médiathèque Françoise-Sagan"), but never over a full name.

use crate::model::text::fold_char;
use std::collections::{HashMap, HashSet};

/// Separator in a name pattern: one or more spaces or hyphens in the text.
const SEP: char = '\u{0}';

/// Name particles, never matched on their own ("de", "van", ...), except
/// as the first word of a name when they are not also articles ("Al
/// Martin", "Van Morrison"): then only where written as names.
pub(super) const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "d", "la", "le", "les", "l'", "l", "van", "von", "der", "den", "da",
    "di", "del", "della", "dos", "das", "do", "el", "al", "ter", "ten", "y", "e", "et", "and",
    "mme", "mr", "m", "dr", "st", "ste",
];

/// Particles that are articles or titles too: never a name on their own.
const ARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "d", "la", "le", "les", "l'", "l", "y", "e", "et", "and", "mme", "mr",
    "m", "dr", "st", "ste",
];

/// Titles that say the next word is a name, whatever its case.
const TITLES: &[&str] = &[
    "m",
    "mme",
    "mmes",
    "mlle",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "pr",
    "me",
    "monsieur",
    "madame",
    "mademoiselle",
    "docteur",
    "maitre",
    "professeur",
    "sir",
];

/// First and last names that are also ordinary words, often written in
/// workshop notes (folded): in lower case they are read as the word.
pub(super) const ORDINARY: &[&str] = &[
    // French
    "aimee",
    "ambre",
    "ange",
    "aurore",
    "avril",
    "blanc",
    "blanche",
    "boucher",
    "boulanger",
    "berger",
    "brun",
    "celeste",
    "chevalier",
    "claire",
    "constance",
    "constant",
    "desiree",
    "fleur",
    "fontaine",
    "grace",
    "grand",
    "harmonie",
    "honore",
    "iris",
    "jade",
    "leger",
    "lilas",
    "mai",
    "maire",
    "marine",
    "melodie",
    "mercier",
    "meunier",
    "modeste",
    "olive",
    "page",
    "patience",
    "perle",
    "petit",
    "pierre",
    "porte",
    "prudence",
    "prune",
    "reine",
    "renard",
    "riviere",
    "roman",
    "rose",
    "sage",
    "victoire",
    "violette",
    // English
    "amber",
    "april",
    "art",
    "baker",
    "bell",
    "bill",
    "black",
    "brown",
    "chase",
    "cook",
    "cross",
    "daisy",
    "dawn",
    "dean",
    "drew",
    "faith",
    "frank",
    "gray",
    "green",
    "grey",
    "guy",
    "hall",
    "hazel",
    "heather",
    "hill",
    "holly",
    "hope",
    "hunter",
    "ivy",
    "jack",
    "joy",
    "june",
    "king",
    "lily",
    "little",
    "long",
    "mark",
    "max",
    "may",
    "miles",
    "nick",
    "park",
    "pat",
    "pearl",
    "price",
    "ray",
    "rich",
    "rob",
    "ruby",
    "sandy",
    "sky",
    "star",
    "stone",
    "summer",
    "violet",
    "white",
    "will",
    "wood",
    "young",
];

#[derive(Clone, Debug, PartialEq)]
enum What {
    /// A whole name: always its label.
    Full(String),
    /// A part of a name: the label of the one person it belongs to, or
    /// `None` when several share it.
    Part(Option<String>),
    /// A phrase kept as written.
    Keep,
}

struct Pattern {
    units: Vec<char>,
    what: What,
    /// An ordinary word: only where written as a name.
    ordinary: bool,
}

/// A match in a text: a char range and what to put there (`None`: keep).
pub(super) struct Span {
    pub start: usize,
    pub end: usize,
    /// The person's label, or `None` for the generic marker.
    pub label: Option<String>,
    pub keep: bool,
}

pub(super) struct Names {
    patterns: Vec<Pattern>,
    /// Patterns by their first char, and those starting with a wild letter.
    by_first: HashMap<char, Vec<usize>>,
    wild_first: Vec<usize>,
    /// Whole names (folded, spaces collapsed) to labels.
    whole: HashMap<String, String>,
    generic: String,
}

impl Names {
    /// Patterns for `people` (name, label) and the phrases to keep as
    /// written; `generic` is put for a name shared by several people.
    pub fn new(people: &[(String, String)], keep: &[String], generic: &str) -> Names {
        let mut patterns = Vec::new();
        let mut whole = HashMap::new();
        let mut parts: HashMap<Vec<char>, Option<String>> = HashMap::new();
        let mut name_words: HashSet<String> = HashSet::new();
        for (name, label) in people {
            let full = pattern(name);
            if letters(&full) < 2 {
                continue;
            }
            whole.entry(key(name)).or_insert_with(|| label.clone());
            let words = words(name);
            for w in &words {
                for piece in fold(w).split(['-', '\'']) {
                    name_words.insert(piece.to_owned());
                }
            }
            let mut fulls = vec![full];
            // Last name first: "Roux Amélie", "Le Gall Amélie".
            for p in 1..words.len() {
                if !particle(words[p - 1]) {
                    let mut rev = words[p..].to_vec();
                    rev.extend_from_slice(&words[..p]);
                    fulls.push(pattern(&rev.join(" ")));
                }
            }
            for units in fulls {
                patterns.push(Pattern {
                    ordinary: ordinary(&units),
                    units,
                    what: What::Full(label.clone()),
                });
            }
            for piece in pieces(&words) {
                let units = pattern(&piece);
                if letters(&units) < 2 {
                    continue;
                }
                parts
                    .entry(units)
                    .and_modify(|l| {
                        if l.as_deref() != Some(label) {
                            *l = None;
                        }
                    })
                    .or_insert_with(|| Some(label.clone()));
            }
        }
        let mut parts: Vec<_> = parts.into_iter().collect();
        parts.sort();
        for (units, label) in parts {
            if patterns.iter().any(|p| p.units == units) {
                continue;
            }
            patterns.push(Pattern {
                ordinary: ordinary(&units),
                units,
                what: What::Part(label),
            });
        }
        let mut names = Names {
            patterns,
            by_first: HashMap::new(),
            wild_first: Vec::new(),
            whole,
            generic: generic.to_owned(),
        };
        names.index();
        // Phrases to keep: with a word that is no one's name, and no full
        // name in them.
        let mut kept: Vec<Vec<char>> = Vec::new();
        for phrase in keep {
            let units = pattern(phrase);
            let own_word = units
                .split(|&c| c == SEP || !c.is_alphanumeric())
                .map(|w| w.iter().collect::<String>())
                .any(|w| w.chars().count() >= 2 && !name_words.contains(&w) && !particle(&w));
            let chars: Vec<char> = phrase.chars().collect();
            let has_full = names
                .candidates(&chars)
                .iter()
                .any(|c| matches!(names.patterns[c.2].what, What::Full(_)));
            if own_word && !has_full && letters(&units) >= 3 && !kept.contains(&units) {
                kept.push(units);
            }
        }
        for units in kept {
            names.patterns.push(Pattern {
                units,
                what: What::Keep,
                ordinary: false,
            });
        }
        names.index();
        names
    }

    fn index(&mut self) {
        self.by_first.clear();
        self.wild_first.clear();
        for (i, p) in self.patterns.iter().enumerate() {
            match p.units.first() {
                Some(&c) if wild(c) => self.wild_first.push(i),
                Some(&c) => self.by_first.entry(c).or_default().push(i),
                None => {}
            }
        }
    }

    /// The label of the person whose whole name `text` is, if any.
    pub fn whole(&self, text: &str) -> Option<&str> {
        self.whole.get(&key(text)).map(String::as_str)
    }

    /// Every pattern matching at a word start and ending at a word end,
    /// as (start unit, end unit, pattern), with the folded units and
    /// their origins.
    fn candidates(&self, chars: &[char]) -> Vec<(usize, usize, usize)> {
        let (units, origin) = fold_units(chars);
        let mut out = Vec::new();
        let word_start = |i: usize| {
            units[i].is_alphanumeric()
                && (i == 0 || (!units[i - 1].is_alphanumeric() && origin[i - 1] != origin[i]))
        };
        let word_end = |j: usize| {
            j == units.len() || (!units[j].is_alphanumeric() && origin[j] != origin[j - 1])
        };
        let mut all: Vec<usize> = Vec::new();
        for i in 0..units.len() {
            if !word_start(i) {
                continue;
            }
            let list: &[usize] = if wild(units[i]) {
                if all.is_empty() {
                    all = (0..self.patterns.len()).collect();
                }
                &all
            } else {
                self.by_first.get(&units[i]).map_or(&[], Vec::as_slice)
            };
            for &p in list.iter().chain(&self.wild_first) {
                if let Some(j) = match_at(&units, i, &self.patterns[p].units)
                    && word_end(j)
                {
                    out.push((origin[i], origin[j - 1] + 1, p));
                }
            }
        }
        out
    }

    /// The names (and kept phrases) in `chars`, in order, not overlapping.
    pub fn spans(&self, chars: &[char]) -> Vec<Span> {
        let mut cands = self.candidates(chars);
        // Ordinary words count only where written as names.
        cands.retain(|&(s, e, p)| {
            let pat = &self.patterns[p];
            !pat.ordinary || written_as_name(chars, s, e)
        });
        let rank = |w: &What| match w {
            What::Full(_) => 0,
            What::Keep => 1,
            What::Part(_) => 2,
        };
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        // A kept phrase does not hide a part that sticks out of it.
        let parts: Vec<(usize, usize)> = cands
            .iter()
            .filter(|c| matches!(self.patterns[c.2].what, What::Part(_)))
            .map(|c| (c.0, c.1))
            .collect();
        cands.retain(|c| {
            self.patterns[c.2].what != What::Keep
                || !parts
                    .iter()
                    .any(|&p| overlaps(p, (c.0, c.1)) && (p.0 < c.0 || p.1 > c.1))
        });
        cands.sort_by(|a, b| {
            rank(&self.patterns[a.2].what)
                .cmp(&rank(&self.patterns[b.2].what))
                .then((b.1 - b.0).cmp(&(a.1 - a.0)))
                .then(a.0.cmp(&b.0))
        });
        let mut taken: Vec<Span> = Vec::new();
        for (s, e, p) in cands {
            if taken.iter().any(|t| overlaps((t.start, t.end), (s, e))) {
                continue;
            }
            let joined = |k: usize| {
                chars.get(k).is_some_and(|c| matches!(c, '-' | '‐' | '‑'))
                    && k > 0
                    && chars[k - 1].is_alphanumeric()
                    && chars.get(k + 1).is_some_and(|c| c.is_alphanumeric())
            };
            let in_compound = (s > 0 && joined(s - 1)) || joined(e);
            let (label, keep) = match &self.patterns[p].what {
                What::Keep => (None, true),
                _ if in_compound => (None, false),
                What::Full(l) => (Some(l.clone()), false),
                What::Part(l) => (l.clone(), false),
            };
            taken.push(Span {
                start: s,
                end: e,
                label,
                keep,
            });
        }
        taken.sort_by_key(|t| t.start);
        taken
    }

    /// `text` with every name replaced by its label (or the generic marker).
    pub fn redact(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for span in self.spans(&chars) {
            if span.keep {
                continue;
            }
            out.extend(&chars[copied..span.start]);
            out.push_str(span.label.as_deref().unwrap_or(&self.generic));
            copied = span.end;
        }
        out.extend(&chars[copied..]);
        out
    }
}

/// Whether `chars[s..e]` is written as a name: a word in it (not a
/// particle) with a capital, or a title before it.
fn written_as_name(chars: &[char], s: usize, e: usize) -> bool {
    let span: String = chars[s..e].iter().collect();
    let words: Vec<&str> = span
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // "La fontaine" is the word; "Al", "la Fontaine" are names.
    let capital = words.iter().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && (words.len() == 1 || !particle(w))
    });
    if capital {
        return true;
    }
    // The word before, past spaces and a dot.
    let mut k = s;
    while k > 0 && (chars[k - 1].is_whitespace() || chars[k - 1] == '.') {
        k -= 1;
    }
    let end = k;
    while k > 0 && chars[k - 1].is_alphabetic() {
        k -= 1;
    }
    k < end && s > end && TITLES.contains(&fold(&chars[k..end].iter().collect::<String>()).as_str())
}

/// The words of a name, without punctuation around them.
fn words(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .map(|w| w.trim_end_matches(['\'', '’']))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

fn particle(word: &str) -> bool {
    PARTICLES.contains(&fold(word).as_str())
}

/// The parts of a name (its words as given): every run of words shorter
/// than the whole and not ending with a particle, the halves of hyphenated
/// words, and what follows an apostrophe.
fn pieces(words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for a in 0..words.len() {
        for b in a + 1..=words.len() {
            if b - a == words.len() {
                continue;
            }
            let run = &words[a..b];
            if b - a > 1 && run.last().is_some_and(|w| particle(w)) {
                continue;
            }
            out.push(run.join(" "));
        }
        let w = words[a];
        if w.contains('-') {
            out.extend(w.split('-').filter(|p| !particle(p)).map(str::to_owned));
        }
        if let Some((_, after)) = w.rsplit_once(['\'', '’']) {
            out.push(after.to_owned());
            if after.contains('-') {
                out.extend(after.split('-').map(str::to_owned));
            }
        }
    }
    // A first word that is a particle but no article is a given name.
    let first = words
        .first()
        .filter(|w| words.len() > 1 && !ARTICLES.contains(&fold(w).as_str()));
    out.retain(|p| !particle(p) || Some(&p.as_str()) == first);
    out
}

fn letters(units: &[char]) -> usize {
    units.iter().filter(|c| c.is_alphanumeric()).count()
}

/// A pattern whose only word besides particles is an ordinary word ("rose",
/// "la fontaine"), or that is only particles (someone called "Le").
fn ordinary(units: &[char]) -> bool {
    let words: Vec<String> = units
        .split(|&c| c == SEP)
        .map(|w| w.iter().collect())
        .collect();
    let mut own = words.iter().filter(|w| !PARTICLES.contains(&w.as_str()));
    match (own.next(), own.next()) {
        (None, _) => true,
        (Some(w), None) => ORDINARY.contains(&w.as_str()),
        _ => false,
    }
}

/// Lowercase, accents removed, curly apostrophes made straight.
pub(super) fn fold(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    fold_units(&chars).0.into_iter().collect()
}

/// A whole name as a key: folded, spaces collapsed.
pub(super) fn key(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The folded text and, for each folded char, the index of the original
/// char it came from.
fn fold_units(chars: &[char]) -> (Vec<char>, Vec<usize>) {
    let mut units = Vec::with_capacity(chars.len());
    let mut origin = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let c = if matches!(c, '’' | 'ʼ' | '‘' | '`' | '´') {
            '\''
        } else {
            c
        };
        for f in fold_char(c) {
            for l in f.to_lowercase() {
                units.push(l);
                origin.push(i);
            }
        }
    }
    (units, origin)
}

/// A name as a pattern: folded, with runs of spaces and hyphens as [`SEP`].
fn pattern(name: &str) -> Vec<char> {
    let mut out = Vec::new();
    for c in fold(name).chars() {
        if is_sep(c) || c == SEP {
            if out.last().is_some_and(|&l| l != SEP) {
                out.push(SEP);
            }
        } else if !c.is_control() {
            out.push(c);
        }
    }
    while out.last() == Some(&SEP) {
        out.pop();
    }
    out
}

fn is_sep(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑')
}

/// A letter of the Latin Extended blocks that [`fold_char`] leaves as it
/// is (it folds "ễ" to "e", but not, say, "ŋ"): it matches any Latin
/// letter, so that such a name and its plain spelling are the same name.
fn wild(c: char) -> bool {
    matches!(c as u32, 0x100..=0x24F | 0x1E00..=0x1EFF)
}

fn unit_eq(p: char, t: char) -> bool {
    p == t
        || (wild(p) && (t.is_ascii_alphabetic() || wild(t)))
        || (wild(t) && p.is_ascii_alphabetic())
}

fn match_at(text: &[char], mut j: usize, pat: &[char]) -> Option<usize> {
    for &p in pat {
        if p == SEP {
            let start = j;
            while j < text.len() && is_sep(text[j]) {
                j += 1;
            }
            if j == start {
                return None;
            }
        } else {
            if j >= text.len() || !unit_eq(p, text[j]) {
                return None;
            }
            j += 1;
        }
    }
    Some(j)
}

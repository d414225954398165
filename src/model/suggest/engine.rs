//! The engine: a thesaurus made ready for look-ups (words, stems, phrases,
//! typos), with an optional embedding model.

use super::embed::{self, Embeddings};
use super::fuzzy::Fuzzy;
use super::thesaurus::{Entry, Tag, Thesaurus};
use super::words::{Lang, Stems, tokens};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// How much a broader concept counts, against the concept a word says: a
/// sticky about fans is also, a little less, about heat.
pub const BROADER: f32 = 0.7;

/// How deep broader concepts are followed.
const DEPTH: usize = 3;

/// A phrase of the thesaurus: its words, folded, and their stems.
struct Phrase {
    stems: Vec<String>,
    lang: Lang,
    concept: usize,
}

/// What a word says: concepts (each with its share), and how it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Meaning {
    pub concepts: Vec<(usize, f32)>,
}

/// The thesaurus, ready to use, and an optional embedding model. Building
/// one indexes a few thousand words (a few milliseconds): build it once and
/// keep it ([`Engine::builtin`] is built once).
pub struct Engine {
    pub(super) thesaurus: Thesaurus,
    embeddings: Option<Embeddings>,
    /// Folded single words -> (concept, tag).
    single: HashMap<String, Vec<(usize, Tag)>>,
    /// Stems of single words, per language -> concepts.
    stems: [HashMap<String, Vec<usize>>; 2],
    /// Phrases, by the stem of their first word.
    phrases: HashMap<String, Vec<Phrase>>,
    /// Stop words, folded, per language (French, English).
    stop: [HashMap<String, ()>; 2],
    /// Single words as listed (lowercase, accents kept), per tag.
    listed: HashMap<String, Vec<Tag>>,
    fuzzy: Fuzzy,
    /// Per concept: itself and its broader concepts, with their weights.
    pub(super) expansion: Vec<Vec<(usize, f32)>>,
    /// Per concept: the mean vector of its words in the model.
    centroids: Vec<Option<Vec<f32>>>,
}

impl fmt::Debug for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("concepts", &self.thesaurus.concepts.len())
            .field("entries", &self.thesaurus.entries.len())
            .field("embeddings", &self.embeddings.as_ref().map(Embeddings::len))
            .finish()
    }
}

/// The languages a tag stands for.
fn langs(tag: Tag) -> Vec<Lang> {
    match tag {
        Tag::French => vec![Lang::French],
        Tag::English => vec![Lang::English],
        Tag::Any => vec![Lang::French, Lang::English],
    }
}

/// The thesaurus's words and phrases, indexed (see [`Engine`]'s fields).
#[derive(Default)]
struct Words {
    stems: Stems,
    single: HashMap<String, Vec<(usize, Tag)>>,
    by_stem: [HashMap<String, Vec<usize>>; 2],
    phrases: HashMap<String, Vec<Phrase>>,
    listed: HashMap<String, Vec<Tag>>,
}

impl Words {
    /// One entry of the thesaurus: a single word, or a phrase.
    fn add(&mut self, e: &Entry) {
        let words: Vec<String> = tokens(&e.text).into_iter().map(|t| t.folded).collect();
        match words.len() {
            0 => {}
            1 => {
                let w = &words[0];
                self.listed
                    .entry(e.text.trim().to_lowercase().replace('-', ""))
                    .or_default()
                    .push(e.tag);
                let list = self.single.entry(w.clone()).or_default();
                if !list.contains(&(e.concept, e.tag)) {
                    list.push((e.concept, e.tag));
                }
                for lang in langs(e.tag) {
                    let s = self.stems.stem(lang, w);
                    let list = self.by_stem[slot(lang)].entry(s).or_default();
                    if !list.contains(&e.concept) {
                        list.push(e.concept);
                    }
                }
            }
            _ => {
                for lang in langs(e.tag) {
                    let s: Vec<String> = words.iter().map(|w| self.stems.stem(lang, w)).collect();
                    self.phrases.entry(s[0].clone()).or_default().push(Phrase {
                        stems: s,
                        lang,
                        concept: e.concept,
                    });
                }
            }
        }
    }
}

/// Per concept: itself (at its weight) and its broader concepts up to
/// `DEPTH` levels, each level `BROADER` times the one below.
fn expansions(thesaurus: &Thesaurus) -> Vec<Vec<(usize, f32)>> {
    let ids: HashMap<&str, usize> = thesaurus
        .concepts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    (0..thesaurus.concepts.len())
        .map(|c| {
            let w = thesaurus.concepts[c].weight;
            let mut out = vec![(c, w)];
            let mut frontier = vec![c];
            let mut factor = w;
            for _ in 0..DEPTH {
                factor *= BROADER;
                let mut next = Vec::new();
                for &x in &frontier {
                    for b in &thesaurus.concepts[x].broader {
                        if let Some(&bi) = ids.get(b.as_str())
                            && !out.iter().any(|(o, _)| *o == bi)
                        {
                            out.push((bi, factor));
                            next.push(bi);
                        }
                    }
                }
                frontier = next;
            }
            out
        })
        .collect()
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::French => 0,
        Lang::English => 1,
    }
}

impl Engine {
    /// The engine of the built-in thesaurus, without a model.
    pub fn builtin() -> &'static Engine {
        static BUILTIN: OnceLock<Engine> = OnceLock::new();
        BUILTIN.get_or_init(|| Engine::new(Thesaurus::builtin(), None))
    }

    /// An engine for this thesaurus (the built-in one, extended or not) and
    /// this model.
    pub fn new(thesaurus: Thesaurus, embeddings: Option<Embeddings>) -> Engine {
        let mut words = Words::default();
        for e in &thesaurus.entries {
            words.add(e);
        }
        // Longest phrases first.
        for list in words.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.stems.len()));
        }
        let mut stop: [HashMap<String, ()>; 2] = Default::default();
        for (w, tag) in &thesaurus.stop {
            for lang in langs(*tag) {
                stop[slot(lang)].insert(w.clone(), ());
            }
        }
        let mut keys: Vec<&str> = words.single.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let fuzzy = Fuzzy::new(keys.into_iter());
        let expansion = expansions(&thesaurus);
        let centroids = match &embeddings {
            Some(model) => (0..thesaurus.concepts.len())
                .map(|c| {
                    let of_c = words
                        .single
                        .iter()
                        .filter(|(_, list)| list.iter().any(|(x, _)| *x == c))
                        .map(|(w, _)| w.as_str());
                    model.centroid(of_c)
                })
                .collect(),
            None => Vec::new(),
        };
        Engine {
            thesaurus,
            embeddings,
            single: words.single,
            stems: words.by_stem,
            phrases: words.phrases,
            stop,
            listed: words.listed,
            fuzzy,
            expansion,
            centroids,
        }
    }

    /// How many concepts and words it knows, and the words of its model.
    pub fn size(&self) -> (usize, usize, usize) {
        (
            self.thesaurus.concepts.len(),
            self.thesaurus.entries.len(),
            self.embeddings.as_ref().map_or(0, Embeddings::len),
        )
    }

    /// Whether a word is a stop word in a sticky in `lang`: listed as one
    /// for either language, unless the thesaurus lists it, written the same
    /// way (accents included), as a word of `lang`: "we" is English for
    /// "nous" but French for "week-end"; "sur" stays a stop word though
    /// "sûr" is listed.
    pub(super) fn is_stop(&self, folded: &str, written: &str, lang: Lang) -> bool {
        let stop = self.stop[0].contains_key(folded) || self.stop[1].contains_key(folded);
        stop && !self
            .listed
            .get(&written.to_lowercase().replace('-', ""))
            .is_some_and(|l| l.iter().any(|t| *t == Tag::Any || *t == tag_of(lang)))
    }

    /// Which of the two languages' stop words a folded word is.
    pub(super) fn stop_lang(&self, folded: &str) -> Option<Lang> {
        match (
            self.stop[0].contains_key(folded),
            self.stop[1].contains_key(folded),
        ) {
            (true, false) => Some(Lang::French),
            (false, true) => Some(Lang::English),
            _ => None,
        }
    }

    /// The longest phrase of the thesaurus that starts at the first of
    /// these words, given by their stems in French and in English: its
    /// length in words and its concept.
    pub(super) fn phrase(&self, stems: &[[String; 2]]) -> Option<(usize, usize)> {
        let first = stems.first()?;
        let mut best: Option<(usize, usize)> = None;
        for (k, key) in first.iter().enumerate() {
            if k == 1 && first[0] == first[1] {
                break;
            }
            for p in self.phrases.get(key).into_iter().flatten() {
                if best.is_some_and(|(len, _)| len >= p.stems.len()) || p.stems.len() > stems.len()
                {
                    continue;
                }
                let l = slot(p.lang);
                if p.stems.iter().zip(stems).all(|(a, b)| *a == b[l]) {
                    best = Some((p.stems.len(), p.concept));
                }
            }
        }
        best
    }

    /// What a single word (folded, not a stop word) says in a sticky in
    /// `lang`: the thesaurus's concepts for it, found as written, by its
    /// stem, as a typo of a listed word, or through the model; None when
    /// none of them knows it.
    pub(super) fn meaning(&self, folded: &str, lang: Lang, stems: &mut Stems) -> Option<Meaning> {
        if let Some(list) = self.single.get(folded) {
            return Some(choose(list, lang));
        }
        for l in [lang, lang.other()] {
            let s = stems.stem(l, folded);
            if let Some(list) = self.stems[slot(l)].get(&s) {
                return Some(share(list.iter().copied()));
            }
        }
        if let Some(w) = self.fuzzy.find(folded)
            && let Some(list) = self.single.get(&w)
        {
            return Some(choose(list, lang));
        }
        let model = self.embeddings.as_ref()?;
        let v = model.get(folded)?;
        let mut best: Option<(usize, f32)> = None;
        for (c, centroid) in self.centroids.iter().enumerate() {
            if let Some(centroid) = centroid {
                let s = embed::cosine(v, centroid);
                if s >= embed::MIN_SIMILARITY && best.is_none_or(|(_, b)| s > b) {
                    best = Some((c, s));
                }
            }
        }
        best.map(|(c, s)| Meaning {
            concepts: vec![(c, s)],
        })
    }

    /// The label of a concept in `lang`, if it has one.
    pub(super) fn label(&self, concept: usize, lang: Lang) -> Option<&str> {
        let c = self.thesaurus.concepts.get(concept)?;
        match lang {
            Lang::French => c.label_fr.as_deref().or(c.label_en.as_deref()),
            Lang::English => c.label_en.as_deref().or(c.label_fr.as_deref()),
        }
    }
}

fn tag_of(lang: Lang) -> Tag {
    match lang {
        Lang::French => Tag::French,
        Lang::English => Tag::English,
    }
}

/// The concepts of a listed word in a sticky in `lang`: those listed for
/// that language (or both); if none, those listed for the other one.
fn choose(list: &[(usize, Tag)], lang: Lang) -> Meaning {
    let mine: Vec<usize> = list
        .iter()
        .filter(|(_, t)| *t == Tag::Any || *t == tag_of(lang))
        .map(|(c, _)| *c)
        .collect();
    if mine.is_empty() {
        share(list.iter().map(|(c, _)| *c))
    } else {
        share(mine.into_iter())
    }
}

/// Concepts sharing one word equally.
fn share(concepts: impl Iterator<Item = usize>) -> Meaning {
    let mut list: Vec<usize> = Vec::new();
    for c in concepts {
        if !list.contains(&c) {
            list.push(c);
        }
    }
    let w = 1.0 / list.len().max(1) as f32;
    Meaning {
        concepts: list.into_iter().map(|c| (c, w)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts(engine: &Engine, word: &str, lang: Lang) -> Vec<String> {
        let mut stems = Stems::default();
        engine
            .meaning(word, lang, &mut stems)
            .map(|m| {
                m.concepts
                    .iter()
                    .map(|(c, _)| engine.thesaurus.concepts[*c].id.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn words_are_found_as_written_by_stem_and_as_typos() {
        let e = Engine::builtin();
        assert_eq!(concepts(e, "canicule", Lang::French), ["heat"]);
        assert_eq!(concepts(e, "ventilateurs", Lang::French), ["cooling"]);
        // By stem: a form the thesaurus does not list.
        assert_eq!(concepts(e, "climatiseront", Lang::French), ["cooling"]);
        assert_eq!(concepts(e, "queued", Lang::English), ["waiting"]);
        // Typos (none of them listed).
        for (typo, concept) in [
            ("poubeles", "waste"),
            ("horraires", "hours"),
            ("atente", "waiting"),
            ("trotoir", "walking"),
            ("cyclabes", "cycling"),
            ("apointment", "appointment"),
        ] {
            assert_eq!(concepts(e, typo, Lang::French), [concept], "{typo}");
        }
        assert!(concepts(e, "zorglub", Lang::French).is_empty());
    }

    #[test]
    fn a_word_of_both_languages_takes_the_sticky_s() {
        let e = Engine::builtin();
        assert_eq!(concepts(e, "store", Lang::French), ["sun"]);
        assert_eq!(concepts(e, "store", Lang::English), ["shops"]);
        // A word of one language only is found in a sticky of the other
        // (franglais).
        assert_eq!(concepts(e, "bins", Lang::French), ["waste"]);
    }

    #[test]
    fn stop_words_give_way_only_to_words_listed_as_written() {
        let e = Engine::builtin();
        assert!(e.is_stop("we", "we", Lang::English));
        assert!(!e.is_stop("we", "we", Lang::French), "le we: the week-end");
        assert!(e.is_stop("sur", "sur", Lang::French));
        assert!(!e.is_stop("sur", "sûr", Lang::French));
        assert!(e.is_stop("cool", "cool", Lang::French));
        assert!(!e.is_stop("cool", "cool", Lang::English));
    }

    #[test]
    fn phrases_match_their_words_in_a_row_in_any_form() {
        let e = Engine::builtin();
        let mut stems = Stems::default();
        let words = |text: &str, stems: &mut Stems| -> Vec<[String; 2]> {
            tokens(text)
                .iter()
                .map(|t| {
                    [
                        stems.stem(Lang::French, &t.folded),
                        stems.stem(Lang::English, &t.folded),
                    ]
                })
                .collect()
        };
        let id = |c: usize| e.thesaurus.concepts[c].id.clone();
        let w = words("files d'attente trop longues", &mut stems);
        let (len, c) = e.phrase(&w).unwrap();
        assert_eq!((len, id(c).as_str()), (3, "waiting"));
        let w = words("bike lanes everywhere", &mut stems);
        let (len, c) = e.phrase(&w).unwrap();
        assert_eq!((len, id(c).as_str()), (2, "cycling"));
        assert!(e.phrase(&words("file", &mut stems)).is_none());
    }

    #[test]
    fn a_model_maps_unknown_words_to_the_nearest_concept() {
        let model = Embeddings::parse(
            "tiny.vec",
            "chaleur 1 0 0\nchaud 0.9 0.1 0\nzorglub 0.95 0.05 0\nbruit 0 1 0\nblip 0 0 1\n",
        )
        .unwrap();
        let e = Engine::new(Thesaurus::builtin(), Some(model));
        assert_eq!(concepts(&e, "zorglub", Lang::French), ["heat"]);
        // Too far from every concept.
        assert!(concepts(&e, "blip", Lang::French).is_empty());
        assert_eq!(e.size().2, 5);
    }
}

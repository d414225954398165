//! Stickies as weighted vectors of what they say: the concepts of the
//! thesaurus their words and phrases name (and the broader concepts of
//! those), and the words it does not know, by their stem.

use super::engine::{Engine, Meaning};
use super::words::{Lang, Stems, Token, tokens};
use std::collections::HashMap;

/// How much a word the thesaurus knows counts as itself, besides its
/// concepts: two stickies that use the same word are a little closer than
/// two that use synonyms.
pub const SAME_WORD: f32 = 0.3;

/// How much what only one sticky says counts (it brings that sticky close
/// to no other, and would otherwise make the rarest words, often typos or
/// asides, outweigh what it shares).
pub const ALONE: f32 = 0.5;

/// A word or phrase of a sticky and what it gave.
#[derive(Clone, Debug)]
pub struct Hit {
    /// As written, lowercase.
    pub written: String,
    /// The features it adds to (concepts, then its own term).
    pub features: Vec<usize>,
}

/// The stickies as weighted feature vectors. Features `0..concepts` are
/// the thesaurus's concepts; the others are terms (stems of words).
pub struct Corpus {
    pub concepts: usize,
    /// Per sticky: (feature, weight), sorted by feature, of length 1.
    pub vectors: Vec<Vec<(usize, f32)>>,
    /// Per feature: (sticky, weight), by sticky.
    pub postings: Vec<Vec<(usize, f32)>>,
    /// Per sticky: its words and phrases that count.
    pub hits: Vec<Vec<Hit>>,
    /// The language most stickies are in (or the one asked for).
    pub lang: Lang,
}

impl Corpus {
    pub fn new<'a>(
        engine: &Engine,
        texts: impl Iterator<Item = &'a str>,
        prefer: Option<Lang>,
    ) -> Corpus {
        let texts: Vec<&str> = texts.collect();
        let toks: Vec<Vec<Token>> = texts.iter().map(|t| tokens(t)).collect();
        let langs: Vec<Option<Lang>> = toks.iter().map(|ts| sticky_lang(engine, ts)).collect();
        let majority = majority(&langs);

        let mut reader = Reader::new(engine);
        let mut masses: Vec<Vec<(usize, f32)>> = Vec::with_capacity(texts.len());
        let mut hits: Vec<Vec<Hit>> = Vec::with_capacity(texts.len());
        for ((text, ts), lang) in texts.iter().zip(&toks).zip(&langs) {
            let (v, doc_hits) = reader.sticky(text, ts, lang.unwrap_or(majority));
            for (f, _) in &v {
                reader.df[*f] += 1;
            }
            masses.push(v);
            hits.push(doc_hits);
        }
        let (vectors, postings) = weigh(masses, &reader.df, texts.len());
        Corpus {
            concepts: reader.concepts,
            vectors,
            postings,
            hits,
            lang: prefer.unwrap_or(majority),
        }
    }
}

/// A sticky's language, from its stop words (none on a tie).
fn sticky_lang(engine: &Engine, ts: &[Token]) -> Option<Lang> {
    let (mut fr, mut en) = (0usize, 0usize);
    for t in ts {
        match engine.stop_lang(&t.folded) {
            Some(Lang::French) => fr += 1,
            Some(Lang::English) => en += 1,
            None => {}
        }
    }
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Some(Lang::French),
        std::cmp::Ordering::Less => Some(Lang::English),
        std::cmp::Ordering::Equal => None,
    }
}

/// The language most stickies are in (French on a tie).
fn majority(langs: &[Option<Lang>]) -> Lang {
    let english = langs.iter().filter(|l| **l == Some(Lang::English)).count();
    let french = langs.iter().filter(|l| **l == Some(Lang::French)).count();
    if english > french {
        Lang::English
    } else {
        Lang::French
    }
}

/// Reads stickies one by one into masses of features; remembers what it
/// learnt of each word, the terms met and each feature's document count.
struct Reader<'e> {
    engine: &'e Engine,
    concepts: usize,
    stems: Stems,
    meanings: HashMap<(String, Lang), Option<Meaning>>,
    terms: HashMap<String, usize>,
    /// Per feature: how many stickies have it.
    df: Vec<usize>,
}

impl<'e> Reader<'e> {
    fn new(engine: &'e Engine) -> Reader<'e> {
        let concepts = engine.thesaurus.concepts.len();
        Reader {
            engine,
            concepts,
            stems: Stems::default(),
            meanings: HashMap::new(),
            terms: HashMap::new(),
            df: vec![0; concepts],
        }
    }

    /// A sticky's masses by feature (sorted by feature, none zero) and
    /// its words and phrases that count.
    fn sticky(&mut self, text: &str, ts: &[Token], lang: Lang) -> (Vec<(usize, f32)>, Vec<Hit>) {
        let engine = self.engine;
        let mut mass: HashMap<usize, f32> = HashMap::new();
        let mut doc_hits = Vec::new();
        let both: Vec<[String; 2]> = ts
            .iter()
            .map(|t| {
                [
                    self.stems.stem(Lang::French, &t.folded),
                    self.stems.stem(Lang::English, &t.folded),
                ]
            })
            .collect();
        let mut i = 0;
        while i < ts.len() {
            let phrase = engine.phrase(&both[i..]);
            if let Some((len, concept)) = phrase {
                let features = add(&mut mass, &engine.expansion[concept], 1.0);
                doc_hits.push(Hit {
                    written: text[ts[i].start..ts[i + len - 1].end].to_lowercase(),
                    features,
                });
                i += len;
                continue;
            }
            let t = &ts[i];
            i += 1;
            let w = t.folded.as_str();
            if w.chars().count() < 2
                || w.chars().all(char::is_numeric)
                || engine.is_stop(w, &text[t.start..t.end], lang)
            {
                continue;
            }
            let features = self.word(&mut mass, w, lang);
            doc_hits.push(Hit {
                written: text[t.start..t.end].to_lowercase(),
                features,
            });
        }
        let mut v: Vec<(usize, f32)> = mass.into_iter().filter(|(_, m)| *m > 0.0).collect();
        v.sort_unstable_by_key(|(f, _)| *f);
        (v, doc_hits)
    }

    /// Add the word `w` (folded, not a stop word) to `mass`: its concepts
    /// and itself when the thesaurus knows it, else its term; the
    /// features touched.
    fn word(&mut self, mass: &mut HashMap<usize, f32>, w: &str, lang: Lang) -> Vec<usize> {
        let engine = self.engine;
        let meaning = self
            .meanings
            .entry((w.to_owned(), lang))
            .or_insert_with(|| engine.meaning(w, lang, &mut self.stems))
            .clone();
        let stem = self.stems.stem(lang, w);
        let next = self.concepts + self.terms.len();
        let term = *self.terms.entry(stem).or_insert(next);
        if term == self.df.len() {
            self.df.push(0);
        }
        let mut features = Vec::new();
        match meaning {
            Some(m) => {
                let mut strongest = 0f32;
                for (c, share) in m.concepts {
                    features.extend(add(mass, &engine.expansion[c], share));
                    strongest = strongest.max(share * engine.expansion[c][0].1);
                }
                if SAME_WORD > 0.0 {
                    *mass.entry(term).or_default() += SAME_WORD * strongest;
                    features.push(term);
                }
            }
            None => {
                *mass.entry(term).or_default() += 1.0;
                features.push(term);
            }
        }
        features
    }
}

/// Per sticky or per feature: (feature or sticky, weight).
type Lists = Vec<Vec<(usize, f32)>>;

/// The stickies' masses weighed (log mass times idf, what only one sticky
/// says by `ALONE`) and made of length 1: the vectors, and the postings
/// per feature.
fn weigh(masses: Vec<Vec<(usize, f32)>>, df: &[usize], texts: usize) -> (Lists, Lists) {
    let n = texts as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
        .collect();
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); df.len()];
    let vectors = masses
        .into_iter()
        .enumerate()
        .map(|(i, mut v)| {
            for (f, m) in &mut v {
                let alone = if df[*f] < 2 { ALONE } else { 1.0 };
                *m = (1.0 + *m).log2() * idf[*f] * alone;
            }
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            for (f, w) in &mut v {
                *w /= norm;
                postings[*f].push((i, *w));
            }
            v
        })
        .collect();
    (vectors, postings)
}

/// Add a word's concepts to a sticky's masses; the features touched.
fn add(mass: &mut HashMap<usize, f32>, expansion: &[(usize, f32)], share: f32) -> Vec<usize> {
    expansion
        .iter()
        .map(|&(f, w)| {
            *mass.entry(f).or_default() += share * w;
            f
        })
        .collect()
}

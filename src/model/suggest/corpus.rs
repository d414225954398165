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
        // Each sticky's language, from its stop words.
        let langs: Vec<Option<Lang>> = toks
            .iter()
            .map(|ts| {
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
            })
            .collect();
        let english = langs.iter().filter(|l| **l == Some(Lang::English)).count();
        let french = langs.iter().filter(|l| **l == Some(Lang::French)).count();
        let majority = if english > french {
            Lang::English
        } else {
            Lang::French
        };

        let concepts = engine.thesaurus.concepts.len();
        let mut stems = Stems::default();
        let mut meanings: HashMap<(String, Lang), Option<Meaning>> = HashMap::new();
        let mut terms: HashMap<String, usize> = HashMap::new();
        let mut df: Vec<usize> = vec![0; concepts];
        let mut masses: Vec<Vec<(usize, f32)>> = Vec::with_capacity(texts.len());
        let mut hits: Vec<Vec<Hit>> = Vec::with_capacity(texts.len());
        for ((text, ts), lang) in texts.iter().zip(&toks).zip(&langs) {
            let lang = lang.unwrap_or(majority);
            let mut mass: HashMap<usize, f32> = HashMap::new();
            let mut doc_hits = Vec::new();
            let both: Vec<[String; 2]> = ts
                .iter()
                .map(|t| {
                    [
                        stems.stem(Lang::French, &t.folded),
                        stems.stem(Lang::English, &t.folded),
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
                let meaning = meanings
                    .entry((w.to_owned(), lang))
                    .or_insert_with(|| engine.meaning(w, lang, &mut stems))
                    .clone();
                let stem = stems.stem(lang, w);
                let next = concepts + terms.len();
                let term = *terms.entry(stem).or_insert(next);
                if term == df.len() {
                    df.push(0);
                }
                let mut features = Vec::new();
                match meaning {
                    Some(m) => {
                        let mut strongest = 0f32;
                        for (c, share) in m.concepts {
                            features.extend(add(&mut mass, &engine.expansion[c], share));
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
                doc_hits.push(Hit {
                    written: text[t.start..t.end].to_lowercase(),
                    features,
                });
            }
            let mut v: Vec<(usize, f32)> = mass.into_iter().filter(|(_, m)| *m > 0.0).collect();
            v.sort_unstable_by_key(|(f, _)| *f);
            for (f, _) in &v {
                df[*f] += 1;
            }
            masses.push(v);
            hits.push(doc_hits);
        }

        let n = texts.len() as f32;
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
        Corpus {
            concepts,
            vectors,
            postings,
            hits,
            lang: prefer.unwrap_or(majority),
        }
    }
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

//! Suggested clusters: stickies that share words, grouped, with the words
//! that justify each group and a proposed title.
//!
//! Pure and deterministic (no I/O, no clock, no random source): the same
//! texts and threshold always give the same suggestions. The pipeline, for
//! each sticky:
//!
//! 1. words are folded (lowercase, accents removed: [`fold`]) and split on
//!    anything that is not a letter or a digit;
//! 2. French and English stop words, numbers and one-letter words go;
//! 3. the sticky's language is guessed from its stop words (French or
//!    English; a sticky with none takes the language most stickies have) and
//!    each word is stemmed by that language's Snowball stemmer, so
//!    "horaires" and "horaire", "libraries" and "library" are one term;
//! 4. terms are weighted by TF-IDF (smooth idf) into an L2-normalised
//!    vector, and stickies are compared by cosine similarity;
//! 5. agglomerative clustering with average linkage merges groups while
//!    their average similarity is at least `threshold`; groups of one are
//!    not suggested.
//!
//! Every suggestion names the words its stickies share: nothing is grouped
//! for a reason the facilitator cannot see. See `docs/suggestions.md`.

use super::text::fold;
use super::{Id, Op, Place, Session};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};

/// The threshold suggestions start from. Measured on the labelled set of
/// `tests/fixtures/suggest/` (see `docs/suggestions.md`): lower thresholds
/// agree more with a hand grouping overall but make impure groups held by
/// one common word; higher ones leave most stickies out.
pub const DEFAULT_THRESHOLD: f32 = 0.15;

/// How much one press of `+` or `-` tightens or loosens the threshold.
pub const THRESHOLD_STEP: f32 = 0.05;

/// Most words shown with a suggestion.
const MAX_WORDS: usize = 6;

/// Most words in a suggested title.
const MAX_TITLE_WORDS: usize = 3;

/// One suggested cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The proposed title: the group's 1 to 3 strongest shared words, in
    /// their most frequent written form, capitalized ("Chaleur, salles").
    pub title: String,
    /// The words the stickies share (each in at least half of them, and in
    /// at least two), most important first: the reasons for the group.
    pub words: Vec<String>,
    /// The stickies, in the order they were given.
    pub stickies: Vec<Id>,
}

/// Which stickies of a session suggestions are made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Stickies in no cluster and not parked.
    Inbox,
    /// Every sticky of the board (accepting a suggestion moves stickies out
    /// of their cluster or the parking lot).
    Board,
}

impl Session {
    /// Suggestions for the stickies of `scope`, in board order.
    pub fn suggest_clusters(&self, scope: Scope, threshold: f32) -> Vec<Suggestion> {
        let texts: Vec<(Id, &str)> = self
            .stickies
            .iter()
            .filter(|s| scope == Scope::Board || s.place() == Place::Inbox)
            .map(|s| (s.id.clone(), s.text.as_str()))
            .collect();
        suggest(&texts, threshold)
    }

    /// The ops that accept a suggestion: a new cluster titled as suggested,
    /// last on the board, holding the suggested stickies. Applied together
    /// they are one undoable step. Empty when none of the stickies is on the
    /// board any more.
    pub fn ops_for(&self, s: &Suggestion, stage: Option<Id>) -> Vec<Op> {
        let ids: Vec<Id> = s
            .stickies
            .iter()
            .filter(|id| self.stickies.iter().any(|x| &x.id == *id))
            .cloned()
            .collect();
        if ids.is_empty() {
            return Vec::new();
        }
        self.new_cluster(&s.title, stage, &ids, None).1
    }
}

/// Group `texts` by the words they share.
///
/// `threshold` is the least average cosine similarity between two groups
/// for them to merge: higher gives fewer, tighter suggestions; lower gives
/// more and larger ones. Stickies that share no word are never grouped,
/// whatever the threshold (a threshold of 0 or less, or NaN, acts as the
/// smallest positive one). Suggestions come largest first, then by their
/// first sticky; within one, stickies keep the order of `texts`.
pub fn suggest(texts: &[(Id, &str)], threshold: f32) -> Vec<Suggestion> {
    let threshold = if threshold > 0.0 {
        threshold
    } else {
        f32::MIN_POSITIVE
    };
    let corpus = Corpus::new(texts.iter().map(|(_, t)| *t));
    let groups = corpus.groups(threshold);
    let mut out: Vec<(usize, Suggestion)> = groups
        .into_iter()
        .map(|members| {
            let (title, words) = corpus.explain(&members);
            let first = members[0];
            let stickies = members.iter().map(|&i| texts[i].0.clone()).collect();
            (
                first,
                Suggestion {
                    title,
                    words,
                    stickies,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| {
        b.1.stickies
            .len()
            .cmp(&a.1.stickies.len())
            .then(a.0.cmp(&b.0))
    });
    out.into_iter().map(|(_, s)| s).collect()
}

/// The stickies as weighted term vectors.
struct Corpus {
    /// Per sticky: (term, weight), sorted by term, L2-normalised.
    vectors: Vec<Vec<(usize, f32)>>,
    /// Per sticky: (term, written form) for each word kept, in text order.
    words: Vec<Vec<(usize, String)>>,
    /// Per term: (sticky, weight), by sticky.
    postings: Vec<Vec<(usize, f32)>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    French,
    English,
}

impl Corpus {
    fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Corpus {
        let fr: HashSet<&str> = FRENCH_STOP.iter().copied().collect();
        let en: HashSet<&str> = ENGLISH_STOP.iter().copied().collect();
        // Tokens (folded, written form) and the language each sticky's stop
        // words point to.
        let mut tokens: Vec<Vec<(String, String)>> = Vec::new();
        let mut langs: Vec<Option<Lang>> = Vec::new();
        for text in texts {
            let (mut f, mut e) = (0usize, 0usize);
            let mut kept = Vec::new();
            for raw in words_of(text) {
                let folded = fold(&raw).replace('-', "");
                let (in_fr, in_en) = (fr.contains(folded.as_str()), en.contains(folded.as_str()));
                match (in_fr, in_en) {
                    (true, false) => f += 1,
                    (false, true) => e += 1,
                    _ => {}
                }
                if in_fr
                    || in_en
                    || folded.chars().count() < 2
                    || folded.chars().all(|c| c.is_numeric())
                {
                    continue;
                }
                kept.push((folded, raw.to_lowercase()));
            }
            tokens.push(kept);
            langs.push(match f.cmp(&e) {
                std::cmp::Ordering::Greater => Some(Lang::French),
                std::cmp::Ordering::Less => Some(Lang::English),
                std::cmp::Ordering::Equal => None,
            });
        }
        let english = langs.iter().filter(|l| **l == Some(Lang::English)).count();
        let french = langs.iter().filter(|l| **l == Some(Lang::French)).count();
        let default = if english > french {
            Lang::English
        } else {
            Lang::French
        };

        let stem_fr = Stemmer::create(Algorithm::French);
        let stem_en = Stemmer::create(Algorithm::English);
        // Terms numbered in order of first appearance: deterministic.
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut words = Vec::with_capacity(tokens.len());
        let mut df: Vec<usize> = Vec::new();
        for (kept, lang) in tokens.into_iter().zip(&langs) {
            let mut doc = Vec::with_capacity(kept.len());
            for (folded, written) in kept {
                let term = match lang.unwrap_or(default) {
                    Lang::French => stem_french(&stem_fr, &folded),
                    Lang::English => stem_en.stem(&folded).into_owned(),
                };
                if term.chars().count() < 2 {
                    continue;
                }
                let next = ids.len();
                let id = *ids.entry(term).or_insert(next);
                if id == df.len() {
                    df.push(0);
                }
                doc.push((id, written));
            }
            let mut seen: Vec<usize> = doc.iter().map(|(t, _)| *t).collect();
            seen.sort_unstable();
            seen.dedup();
            for t in seen {
                df[t] += 1;
            }
            words.push(doc);
        }

        let n = words.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); df.len()];
        let vectors: Vec<Vec<(usize, f32)>> = words
            .iter()
            .enumerate()
            .map(|(i, doc)| {
                let mut terms: Vec<usize> = doc.iter().map(|(t, _)| *t).collect();
                terms.sort_unstable();
                let mut v: Vec<(usize, f32)> = Vec::new();
                for t in terms {
                    match v.last_mut() {
                        Some((last, count)) if *last == t => *count += 1.0,
                        _ => v.push((t, 1.0)),
                    }
                }
                for (t, w) in &mut v {
                    *w = (1.0 + w.ln()) * idf[*t];
                }
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                for (t, w) in &mut v {
                    *w /= norm;
                    postings[*t].push((i, *w));
                }
                v
            })
            .collect();
        Corpus {
            vectors,
            words,
            postings,
        }
    }

    /// Groups of two or more stickies, each sorted, in order of their first.
    fn groups(&self, threshold: f32) -> Vec<Vec<usize>> {
        let n = self.vectors.len();
        // Two stickies less similar than the threshold can only end in one
        // group through others that are at least that similar (an average
        // reaches the threshold only if one of its pairs does), so the
        // clustering runs apart on each connected part of that graph: exact,
        // and it keeps the similarity matrices small.
        let mut parts = UnionFind::new(n);
        let mut acc = vec![0f32; n];
        let mut touched = Vec::new();
        for i in 0..n {
            self.similarities(i, |j| j > i, &mut acc, &mut touched);
            for &j in &touched {
                if acc[j] >= threshold {
                    parts.union(i, j);
                }
                acc[j] = 0.0;
            }
            touched.clear();
        }
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            members[parts.find(i)].push(i);
        }
        let mut out = Vec::new();
        let mut local = vec![usize::MAX; n];
        for part in members.into_iter().filter(|m| m.len() > 1) {
            for (k, &i) in part.iter().enumerate() {
                local[i] = k;
            }
            let m = part.len();
            let mut sim = Condensed::new(m);
            for (a, &i) in part.iter().enumerate() {
                self.similarities(
                    i,
                    |j| local[j] != usize::MAX && local[j] > a,
                    &mut acc,
                    &mut touched,
                );
                for &j in &touched {
                    sim.set(a, local[j], acc[j]);
                    acc[j] = 0.0;
                }
                touched.clear();
            }
            let mut groups = UnionFind::new(m);
            for (a, b) in average_linkage(&mut sim, threshold) {
                groups.union(a, b);
            }
            let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); m];
            for (k, &i) in part.iter().enumerate() {
                by_root[groups.find(k)].push(i);
            }
            out.extend(by_root.into_iter().filter(|g| g.len() > 1));
            for &i in &part {
                local[i] = usize::MAX;
            }
        }
        out.sort_by_key(|g| g[0]);
        out
    }

    /// Add to `acc[j]` the cosine similarity of sticky `i` with each sticky
    /// `j` that `keep` accepts and shares a term with; `touched` lists them.
    fn similarities(
        &self,
        i: usize,
        keep: impl Fn(usize) -> bool,
        acc: &mut [f32],
        touched: &mut Vec<usize>,
    ) {
        for &(t, wi) in &self.vectors[i] {
            let list = &self.postings[t];
            let start = list.partition_point(|&(j, _)| j <= i);
            for &(j, wj) in &list[start..] {
                if !keep(j) {
                    continue;
                }
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += wi * wj;
            }
        }
    }

    /// The title and the shared words of a group.
    fn explain(&self, members: &[usize]) -> (String, Vec<String>) {
        // Per term: stickies holding it, summed weight, first seen.
        let mut stats: HashMap<usize, (usize, f32)> = HashMap::new();
        for &i in members {
            for &(t, w) in &self.vectors[i] {
                let e = stats.entry(t).or_insert((0, 0.0));
                e.0 += 1;
                e.1 += w;
            }
        }
        let need = members.len().div_ceil(2).max(2);
        let mut shared: Vec<(usize, usize, f32)> = stats
            .iter()
            .filter(|(_, (count, _))| *count >= need)
            .map(|(&t, &(count, weight))| (t, count, weight))
            .collect();
        if shared.is_empty() {
            // A group is held together by average similarity: when no word
            // is in half of it, show those at least two stickies share.
            shared = stats
                .iter()
                .filter(|(_, (count, _))| *count >= 2)
                .map(|(&t, &(count, weight))| (t, count, weight))
                .collect();
        }
        shared.sort_by(|a, b| b.2.total_cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
        let mut words: Vec<String> = Vec::new();
        let mut weights: Vec<f32> = Vec::new();
        for (t, _, weight) in shared {
            let form = self.written_form(t, members);
            if !words.contains(&form) {
                words.push(form);
                weights.push(weight);
            }
            if words.len() == MAX_WORDS {
                break;
            }
        }
        // The title: the strongest word, and up to two more nearly as strong.
        let title_words: Vec<&str> = words
            .iter()
            .zip(&weights)
            .take(MAX_TITLE_WORDS)
            .filter(|(_, w)| **w >= weights[0] * 0.5)
            .map(|(s, _)| s.as_str())
            .collect();
        (capitalize(&title_words.join(", ")), words)
    }

    /// The most frequent written form of a term in a group (the first met
    /// among equals).
    fn written_form(&self, term: usize, members: &[usize]) -> String {
        let mut forms: Vec<(&str, usize)> = Vec::new();
        for &i in members {
            for (t, w) in &self.words[i] {
                if *t != term {
                    continue;
                }
                match forms.iter_mut().find(|(f, _)| f == w) {
                    Some((_, n)) => *n += 1,
                    None => forms.push((w, 1)),
                }
            }
        }
        let mut best: Option<(&str, usize)> = None;
        for (f, n) in forms {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((f, n));
            }
        }
        best.map(|(f, _)| f.to_owned()).unwrap_or_default()
    }
}

/// The words of a text: runs of letters and digits. A hyphen between two of
/// them joins a compound into one word ("week-end", "sous-sol",
/// "rez-de-chaussée"), kept as written; it is compared without its hyphens,
/// so it counts once and "week-end" matches "weekend".
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut chars = text.chars().peekable();
    let mut prev_alnum = false;
    std::iter::from_fn(move || {
        let mut word = String::new();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                word.push(c);
                prev_alnum = true;
            } else {
                let joins =
                    c == '-' && prev_alnum && chars.peek().is_some_and(|n| n.is_alphanumeric());
                prev_alnum = false;
                if joins {
                    word.push('-');
                } else if !word.is_empty() {
                    return Some(word);
                }
            }
        }
        (!word.is_empty()).then_some(word)
    })
}

/// Stem a folded French word. Folding took the accents the Snowball
/// stemmer needs for some endings, so those are put back first ("-ee(s)"
/// -> "-ée(s)", "-ite(s)" -> "-ité(s)" on long words): "chauffée" and
/// "chauffee" then both give "chauff", "accessibilité" and
/// "accessibilite" both "accessibil". The stem is folded again, and a
/// plural "-os" the stemmer keeps ("vélos") loses its "s".
fn stem_french(stemmer: &Stemmer, folded: &str) -> String {
    let len = folded.chars().count();
    let restored = if len >= 8 && folded.ends_with("ites") {
        format!("{}ités", &folded[..folded.len() - 4])
    } else if len >= 8 && folded.ends_with("ite") {
        format!("{}ité", &folded[..folded.len() - 3])
    } else if len >= 5 && folded.ends_with("ees") {
        format!("{}ées", &folded[..folded.len() - 3])
    } else if len >= 4 && folded.ends_with("ee") {
        format!("{}ée", &folded[..folded.len() - 2])
    } else {
        folded.to_owned()
    };
    let mut stem = fold(&stemmer.stem(&restored));
    if stem.len() >= 5 && stem.ends_with("os") {
        stem.pop();
    }
    stem
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The upper triangle of a symmetric matrix, without its diagonal.
struct Condensed {
    n: usize,
    values: Vec<f32>,
    /// Per row `i`: where `(i, j)` is, less `j` (for `j > i`).
    rows: Vec<usize>,
}

impl Condensed {
    fn new(n: usize) -> Condensed {
        // Row i starts at i * (2n - i - 1) / 2 and holds j = i + 1 .. n.
        let rows = (0..n)
            .map(|i| (i * (2 * n - i - 1) / 2).wrapping_sub(i + 1))
            .collect();
        Condensed {
            n,
            values: vec![0.0; n * n.saturating_sub(1) / 2],
            rows,
        }
    }

    fn index(&self, a: usize, b: usize) -> usize {
        let (i, j) = if a < b { (a, b) } else { (b, a) };
        self.rows[i].wrapping_add(j)
    }

    fn get(&self, a: usize, b: usize) -> f32 {
        self.values[self.index(a, b)]
    }

    fn set(&mut self, a: usize, b: usize, v: f32) {
        let i = self.index(a, b);
        self.values[i] = v;
    }
}

/// Average-linkage clustering by nearest-neighbour chains, O(n²): the
/// merges whose average similarity is at least `threshold`, as pairs of
/// items (any member of each side). `sim` is consumed as working space.
///
/// A group whose best average similarity to any other is below the
/// threshold can never merge at or above it later (an average of values
/// below the threshold stays below it), so it is set aside at once. Ties go
/// to the previous link of the chain, then to the lowest index.
fn average_linkage(sim: &mut Condensed, threshold: f32) -> Vec<(usize, usize)> {
    let n = sim.n;
    // The groups still open, by index (a group lives at its lowest index).
    let mut open: Vec<usize> = (0..n).collect();
    let mut size = vec![1f32; n];
    let mut chain: Vec<usize> = Vec::new();
    let mut merges = Vec::new();
    let close = |open: &mut Vec<usize>, x: usize| {
        if let Ok(k) = open.binary_search(&x) {
            open.remove(k);
        }
    };
    while open.len() > 1 {
        if chain.is_empty() {
            chain.push(open[0]);
        }
        let a = chain[chain.len() - 1];
        let prev = chain.len().checked_sub(2).map(|k| chain[k]);
        let mut best = prev.map(|p| (p, sim.get(a, p)));
        let row_a = sim.rows[a];
        for &b in &open {
            if b == a {
                continue;
            }
            let s = if b < a {
                sim.values[sim.rows[b].wrapping_add(a)]
            } else {
                sim.values[row_a.wrapping_add(b)]
            };
            if best.is_none_or(|(_, bs)| s > bs) {
                best = Some((b, s));
            }
        }
        match best {
            Some((b, s)) if s >= threshold => {
                if Some(b) != prev {
                    chain.push(b);
                    continue;
                }
                chain.truncate(chain.len() - 2);
                merges.push((a, b));
                let (keep, gone) = if a < b { (a, b) } else { (b, a) };
                let (sk, sg) = (size[keep], size[gone]);
                close(&mut open, gone);
                for &k in &open {
                    if k != keep {
                        let v = (sk * sim.get(keep, k) + sg * sim.get(gone, k)) / (sk + sg);
                        sim.set(keep, k, v);
                    }
                }
                size[keep] = sk + sg;
            }
            _ => {
                // Nothing close enough: done with `a`.
                chain.pop();
                close(&mut open, a);
            }
        }
    }
    merges
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Join the sets of `a` and `b`; the lower root stays the root.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// French stop words, folded: articles, pronouns, prepositions,
/// conjunctions, common adverbs, and the forms of être, avoir, faire,
/// pouvoir, vouloir, devoir, aller and falloir, plus the fillers of
/// workshop stickies ("besoin", "manque", "mieux").
const FRENCH_STOP: &[&str] = &[
    // articles and determiners
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "au",
    "aux",
    "ce",
    "cet",
    "cette",
    "ces",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "son",
    "sa",
    "ses",
    "notre",
    "nos",
    "votre",
    "vos",
    "leur",
    "leurs",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "tout",
    "tous",
    "toute",
    "toutes",
    "chaque",
    "autre",
    "autres",
    "meme",
    "memes",
    "quelque",
    "quelques",
    "plusieurs",
    "aucun",
    "aucune",
    "certains",
    "certaines",
    // pronouns
    "je",
    "tu",
    "il",
    "elle",
    "on",
    "nous",
    "vous",
    "ils",
    "elles",
    "me",
    "te",
    "se",
    "moi",
    "toi",
    "lui",
    "eux",
    "en",
    "qui",
    "que",
    "qu",
    "quoi",
    "dont",
    "ou",
    "ca",
    "cela",
    "ceci",
    "celui",
    "celle",
    "ceux",
    "celles",
    "rien",
    "chacun",
    // prepositions and conjunctions
    "dans",
    "par",
    "pour",
    "sur",
    "sous",
    "avec",
    "sans",
    "chez",
    "entre",
    "vers",
    "depuis",
    "pendant",
    "avant",
    "apres",
    "contre",
    "selon",
    "et",
    "mais",
    "donc",
    "ni",
    "car",
    "si",
    "comme",
    "quand",
    "lorsque",
    "puis",
    "alors",
    "ainsi",
    "jusqu",
    "jusque",
    "afin",
    "parce",
    "lors",
    "cote",
    "hors",
    "via",
    // adverbs
    "ne",
    "pas",
    "plus",
    "moins",
    "tres",
    "trop",
    "peu",
    "bien",
    "mal",
    "toujours",
    "jamais",
    "souvent",
    "beaucoup",
    "assez",
    "vraiment",
    "ici",
    "oui",
    "non",
    "surtout",
    "aussi",
    "encore",
    "deja",
    "tant",
    "tellement",
    "mieux",
    "vite",
    "ailleurs",
    "partout",
    "etc",
    // être
    "etre",
    "suis",
    "es",
    "est",
    "sommes",
    "etes",
    "sont",
    "etait",
    "etaient",
    "ete",
    "sera",
    "seront",
    "serait",
    "seraient",
    "soit",
    "soient",
    // avoir
    "avoir",
    "ai",
    "as",
    "avons",
    "avez",
    "ont",
    "avait",
    "avaient",
    "eu",
    "aura",
    "auront",
    "aurait",
    "auraient",
    "ait",
    // faire, pouvoir, vouloir, devoir, aller, falloir, savoir, dire, voir,
    // venir, mettre, prendre, donner
    "faire",
    "fais",
    "fait",
    "faites",
    "font",
    "faisait",
    "peut",
    "peux",
    "pouvons",
    "pouvez",
    "peuvent",
    "pouvoir",
    "pourrait",
    "pourraient",
    "puisse",
    "veut",
    "veux",
    "voulons",
    "voulez",
    "veulent",
    "voudrait",
    "vouloir",
    "doit",
    "dois",
    "devons",
    "devez",
    "doivent",
    "devrait",
    "devraient",
    "devoir",
    "va",
    "vais",
    "allons",
    "allez",
    "vont",
    "aller",
    "faut",
    "fallait",
    "faudrait",
    "falloir",
    "sait",
    "savent",
    "savoir",
    "sais",
    "dit",
    "dire",
    "disent",
    "voir",
    "vois",
    "voit",
    "voient",
    "vient",
    "viennent",
    "venir",
    "viens",
    "met",
    "mettent",
    "mettre",
    "mis",
    "prend",
    "prennent",
    "prendre",
    "pris",
    "donne",
    "donnent",
    "donner",
    // places relative to another ("devant l'école")
    "devant",
    "derriere",
    "pres",
    "loin",
    "autour",
    "dessus",
    "dessous",
    "aupres",
    // workshop fillers
    "besoin",
    "besoins",
    "manque",
    "envie",
    "chose",
    "choses",
    "truc",
    "trucs",
];

/// English stop words: articles, pronouns, prepositions, conjunctions,
/// auxiliaries and modals, common adverbs, and the fillers of workshop
/// stickies ("need", "more", "very", "want").
const ENGLISH_STOP: &[&str] = &[
    // articles and determiners
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "my",
    "your",
    "his",
    "her",
    "its",
    "our",
    "their",
    "some",
    "any",
    "each",
    "every",
    "all",
    "both",
    "other",
    "another",
    "no",
    "such",
    "own",
    "same",
    // pronouns
    "i",
    "me",
    "we",
    "us",
    "you",
    "he",
    "him",
    "she",
    "it",
    "they",
    "them",
    "who",
    "whom",
    "which",
    "what",
    "whose",
    "there",
    "here",
    "one",
    "ones",
    "someone",
    "everyone",
    "anyone",
    "something",
    "anything",
    "everything",
    "nothing",
    // prepositions and conjunctions
    "in",
    "on",
    "at",
    "to",
    "of",
    "for",
    "from",
    "with",
    "without",
    "by",
    "about",
    "into",
    "onto",
    "over",
    "under",
    "between",
    "after",
    "before",
    "during",
    "until",
    "up",
    "down",
    "out",
    "off",
    "near",
    "than",
    "through",
    "and",
    "or",
    "but",
    "so",
    "if",
    "when",
    "while",
    "because",
    "as",
    "then",
    "also",
    "too",
    "where",
    "how",
    "why",
    "instead",
    // auxiliaries and modals
    "be",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "am",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "done",
    "doing",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "isn",
    "aren",
    "don",
    "doesn",
    "didn",
    "won",
    "wouldn",
    "cannot",
    "couldn",
    "shouldn",
    "ll",
    "ve",
    "re",
    // adverbs
    "not",
    "very",
    "more",
    "most",
    "less",
    "much",
    "many",
    "really",
    "just",
    "only",
    "even",
    "still",
    "already",
    "again",
    "always",
    "never",
    "often",
    "please",
    "yes",
    "enough",
    "quite",
    "lot",
    "lots",
    "far",
    "etc",
    // common verbs
    "know",
    "knows",
    "say",
    "says",
    "see",
    "sees",
    "come",
    "comes",
    "go",
    "goes",
    "going",
    "take",
    "takes",
    "put",
    "puts",
    "give",
    "gives",
    "let",
    "keep",
    "get",
    "gets",
    "make",
    "makes",
    "made",
    // places relative to another ("in front of the school")
    "front",
    "behind",
    "around",
    "next",
    "inside",
    "outside",
    // workshop fillers
    "need",
    "needs",
    "needed",
    "want",
    "wants",
    "like",
    "thing",
    "things",
    "way",
    "better",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str) -> String {
        stem_french(&Stemmer::create(Algorithm::French), &fold(word))
    }

    #[test]
    fn french_stems_do_not_depend_on_accents() {
        for (a, b) in [
            ("chauffée", "chauffee"),
            ("chauffée", "chauffé"),
            ("accessibilité", "accessibilite"),
            ("handicapées", "handicapé"),
            ("école", "ecole"),
            ("vélos", "vélo"),
            ("horaires", "horaire"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn linkage_merges_only_above_the_threshold() {
        // 0-1 close, 2-3 close, the pairs far apart.
        let mut sim = Condensed::new(4);
        sim.set(0, 1, 0.9);
        sim.set(2, 3, 0.8);
        sim.set(0, 2, 0.1);
        sim.set(1, 3, 0.1);
        let merges = average_linkage(&mut sim, 0.5);
        assert_eq!(merges.len(), 2);
        let mut sim = Condensed::new(4);
        sim.set(0, 1, 0.9);
        sim.set(2, 3, 0.8);
        sim.set(0, 2, 0.7);
        sim.set(1, 3, 0.7);
        sim.set(0, 3, 0.7);
        sim.set(1, 2, 0.7);
        assert_eq!(average_linkage(&mut sim, 0.5).len(), 3);
    }

    #[test]
    fn shown_words_are_terms_the_group_shares() {
        let csv = include_str!("../../tests/fixtures/suggest/labelled.csv");
        let texts: Vec<&str> = csv
            .lines()
            .skip(1)
            .map(|l| l.splitn(3, ',').nth(2).unwrap_or("").trim_matches('"'))
            .collect();
        let corpus = Corpus::new(texts.iter().copied());
        for threshold in [0.05, DEFAULT_THRESHOLD, 0.3] {
            let groups = corpus.groups(threshold);
            assert!(!groups.is_empty());
            for members in groups {
                let (title, words) = corpus.explain(&members);
                assert!(!words.is_empty() && !title.is_empty());
                let holding = |term: usize| {
                    members
                        .iter()
                        .filter(|&&i| corpus.vectors[i].iter().any(|(t, _)| *t == term))
                        .count()
                };
                let half = members.len().div_ceil(2).max(2);
                // Half the group, or two stickies when no term reaches half.
                let reaches_half = members
                    .iter()
                    .flat_map(|&i| &corpus.vectors[i])
                    .any(|(t, _)| holding(*t) >= half);
                let need = if reaches_half { half } else { 2 };
                for w in &words {
                    // The term this written form stands for in the group.
                    let term = members
                        .iter()
                        .flat_map(|&i| &corpus.words[i])
                        .find(|(_, written)| written == w)
                        .map(|(t, _)| *t)
                        .expect("a word of the group");
                    let n = holding(term);
                    assert!(n >= need, "{w}: in {n} of {}", members.len());
                }
            }
        }
    }

    #[test]
    fn compounds_are_one_word_shown_as_written() {
        let words: Vec<String> = words_of("Le week-end, l'après-midi -- au sous-sol-").collect();
        assert_eq!(
            words,
            ["Le", "week-end", "l", "après-midi", "au", "sous-sol"]
        );
        let corpus = Corpus::new(["Ouvert le week-end", "Fermé le weekend"].into_iter());
        assert_eq!(corpus.groups(0.1), [[0, 1]]);
        let (title, words) = corpus.explain(&[0, 1]);
        assert_eq!(
            (title.as_str(), words[0].as_str()),
            ("Week-end", "week-end")
        );
    }

    #[test]
    fn stop_word_lists_are_folded() {
        for w in FRENCH_STOP.iter().chain(ENGLISH_STOP) {
            assert_eq!(fold(w), *w);
        }
    }
}

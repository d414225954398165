//! Spelling variants and typos: a word the thesaurus does not list is
//! matched to one it lists when they differ by one letter (words of 5 to 8
//! letters) or two (9 or more), a letter being added, dropped, changed or
//! two swapped, and they begin with the same letter: "horraires" finds
//! "horaires", "cyclabe" finds "cyclable", "apointment" finds
//! "appointment". Shorter words must be exact ("sale" is not "salle").
//!
//! Candidates come from a deletion index (each listed word under itself
//! and every form with one or two letters deleted), so a look-up costs a
//! few dozen hash probes whatever the size of the thesaurus; each candidate
//! is then checked by its edit distance.

use std::collections::HashMap;

/// The shortest word matched with one difference.
const MIN_LEN: usize = 5;
/// The shortest word matched with two.
const MIN_LEN_TWO: usize = 9;

#[derive(Default)]
pub struct Fuzzy {
    /// Deleted forms -> words (indexes into `words`).
    index: HashMap<String, Vec<u32>>,
    words: Vec<Vec<char>>,
}

/// Differences allowed between words of these lengths.
fn allowed(len: usize) -> usize {
    if len >= MIN_LEN_TWO {
        2
    } else if len >= MIN_LEN {
        1
    } else {
        0
    }
}

/// `word` with up to `k` letters deleted, itself included.
fn deletions(word: &[char], k: usize, out: &mut Vec<String>) {
    out.push(word.iter().collect());
    if k == 0 {
        return;
    }
    let mut seen: Vec<Vec<char>> = Vec::new();
    for i in 0..word.len() {
        let mut w = word.to_vec();
        w.remove(i);
        if seen.contains(&w) {
            continue;
        }
        deletions(&w, k - 1, out);
        seen.push(w);
    }
}

impl Fuzzy {
    /// Index `words` (folded single words).
    pub fn new<'a>(words: impl Iterator<Item = &'a str>) -> Fuzzy {
        let mut f = Fuzzy::default();
        let mut forms = Vec::new();
        for w in words {
            let chars: Vec<char> = w.chars().collect();
            let k = allowed(chars.len());
            if k == 0 {
                continue;
            }
            let n = f.words.len() as u32;
            forms.clear();
            deletions(&chars, k, &mut forms);
            forms.sort_unstable();
            forms.dedup();
            for form in forms.drain(..) {
                f.index.entry(form).or_default().push(n);
            }
            f.words.push(chars);
        }
        f
    }

    /// The listed word closest to `word`, if one is close enough (the
    /// first listed among equals).
    pub fn find(&self, word: &str) -> Option<String> {
        let chars: Vec<char> = word.chars().collect();
        let k = allowed(chars.len());
        if k == 0 {
            return None;
        }
        let mut forms = Vec::new();
        deletions(&chars, k, &mut forms);
        let mut best: Option<(usize, u32)> = None;
        for form in &forms {
            for &i in self.index.get(form).into_iter().flatten() {
                let cand = &self.words[i as usize];
                if cand.first() != chars.first() {
                    continue;
                }
                let limit = allowed(cand.len().min(chars.len()));
                let d = distance(&chars, cand);
                if d > limit || d == 0 {
                    continue;
                }
                if best.is_none_or(|(bd, bi)| (d, i) < (bd, bi)) {
                    best = Some((d, i));
                }
            }
        }
        best.map(|(_, i)| self.words[i as usize].iter().collect())
    }
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of two neighbours.
pub fn distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=m {
        d[0][j] = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distances() {
        assert_eq!(distance(&chars("horaires"), &chars("horraires")), 1);
        assert_eq!(distance(&chars("attente"), &chars("atetnte")), 1);
        assert_eq!(distance(&chars("cyclable"), &chars("cyclabe")), 1);
        assert_eq!(distance(&chars("bibliotheque"), &chars("biblioteque")), 1);
        assert_eq!(distance(&chars("kitten"), &chars("sitting")), 3);
    }

    #[test]
    fn typos_find_the_listed_word_and_short_words_stay_exact() {
        let f = Fuzzy::new(
            [
                "horaires",
                "cyclable",
                "appointment",
                "salle",
                "accessibilite",
                "sale",
            ]
            .into_iter(),
        );
        assert_eq!(f.find("horraires").as_deref(), Some("horaires"));
        assert_eq!(f.find("cyclabe").as_deref(), Some("cyclable"));
        assert_eq!(f.find("apointment").as_deref(), Some("appointment"));
        assert_eq!(f.find("acessibilte").as_deref(), Some("accessibilite"));
        // Too short, too far, another first letter, or the word itself.
        assert_eq!(f.find("sal"), None);
        assert_eq!(f.find("sallle"), Some("salle".into()));
        assert_eq!(f.find("horrairess"), None);
        assert_eq!(f.find("yclable"), None);
        assert_eq!(f.find("horaires"), None);
    }
}

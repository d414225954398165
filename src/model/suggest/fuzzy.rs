//! Typos: a word the thesaurus does not list is matched to one it lists
//! when it is a likely slip of the keys, not another word:
//!
//! - a letter doubled or not ("horraires", "atente", "apointment"), or two
//!   neighbours swapped ("acceuil"), in words of 5 letters or more;
//! - any one letter added, dropped or changed in words of 8 or more
//!   ("cyclabes", "ascenceur").
//!
//! Both words begin with the same letter. Closer matches were measured and
//! left out: one letter changed in a short word finds a real word of the
//! other meaning too often ("libre" is not "livre", "garder" not "garden",
//! "louer" not "loger").
//!
//! Candidates come from a deletion index (each listed word under itself and
//! every form with one letter deleted), so a look-up costs a few dozen hash
//! probes whatever the size of the thesaurus; each is then checked.

use std::collections::HashMap;

/// The shortest word matched by a doubled letter or a swap.
const MIN_LEN: usize = 5;
/// The shortest word matched by any one letter added, dropped or changed.
const MIN_LEN_ANY: usize = 8;

#[derive(Default)]
pub struct Fuzzy {
    /// Deleted forms -> words (indexes into `words`).
    index: HashMap<String, Vec<u32>>,
    words: Vec<Vec<char>>,
}

/// Letters deleted in the index: one, for words long enough to match.
fn allowed(len: usize) -> usize {
    usize::from(len >= MIN_LEN)
}

/// Runs of one letter as one letter ("horraires" -> "horaires").
fn collapse(w: &[char]) -> Vec<char> {
    let mut out = w.to_vec();
    out.dedup();
    out
}

/// Whether `a` is a likely typo of `b` (see the module's text).
fn slip(a: &[char], b: &[char]) -> bool {
    let shortest = a.len().min(b.len());
    if shortest < MIN_LEN || a == b || a.first() != b.first() {
        return false;
    }
    if collapse(a) == collapse(b) {
        return true;
    }
    let d = distance(a, b);
    let swapped = a.len() == b.len() && {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        diff.len() == 2 && diff[1] == diff[0] + 1
    };
    d == 1 && (swapped || shortest >= MIN_LEN_ANY)
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
                if !slip(&chars, cand) {
                    continue;
                }
                let d = distance(&chars, cand);
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
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
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
    fn typos_find_the_listed_word_and_other_words_do_not() {
        let f = Fuzzy::new(
            [
                "horaires",
                "cyclables",
                "appointment",
                "salle",
                "accessibilite",
                "sale",
                "accueil",
                "livre",
                "garden",
                "loger",
                "parent",
                "ascenseur",
            ]
            .into_iter(),
        );
        for (typo, word) in [
            ("horraires", "horaires"),
            ("cyclabes", "cyclables"),
            ("apointment", "appointment"),
            ("acceuil", "accueil"),
            ("ascenceur", "ascenseur"),
            ("sallle", "salle"),
        ] {
            assert_eq!(f.find(typo).as_deref(), Some(word), "{typo}");
        }
        // Real words of another meaning, too far, another first letter, or
        // the word itself.
        for w in [
            "libre",
            "garder",
            "louer",
            "partent",
            "sal",
            "acesibilite",
            "yclable",
            "horaires",
        ] {
            assert_eq!(f.find(w), None, "{w}");
        }
    }
}

//! An optional static word-embedding model, in fastText's `.vec` text
//! format: a first line "COUNT DIMENSION" (optional), then one word a line
//! followed by its DIMENSION numbers, separated by spaces. A lab places one
//! in its configuration folder (`suggest/*.vec`); atelier never fetches
//! one. It is only used for words the thesaurus does not know, each of
//! which joins the concept whose words it is closest to (cosine of the
//! word's vector with the mean of the concept's, at least
//! [`MIN_SIMILARITY`]), and is shown among that concept's words.

use super::thesaurus::ThesaurusError;
use crate::model::text::fold;
use std::collections::HashMap;

/// The least cosine similarity between a word and a concept for the word
/// to join it.
pub const MIN_SIMILARITY: f32 = 0.5;

/// Word vectors, each of length 1.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Embeddings {
    dim: usize,
    words: HashMap<String, usize>,
    values: Vec<f32>,
}

impl Embeddings {
    /// Read a `.vec` file's text. Words are folded like stickies' words
    /// (the first of two that fold alike is kept); `origin` names the file
    /// in errors.
    pub fn parse(origin: &str, text: &str) -> Result<Embeddings, ThesaurusError> {
        let mut e = Embeddings::default();
        e.add(origin, text)?;
        Ok(e)
    }

    /// Add the vectors of another file (of the same dimension).
    pub fn add(&mut self, origin: &str, text: &str) -> Result<(), ThesaurusError> {
        for (n, line) in text.lines().enumerate() {
            let err = |wrong| ThesaurusError::at(origin, n + 1, wrong);
            let line = line.trim_end();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split(' ');
            let word = parts.next().unwrap_or_default();
            let mut vector = Vec::with_capacity(self.dim.max(8));
            let mut col = word.len() + 2;
            for p in parts {
                match p.parse::<f32>() {
                    Ok(x) if x.is_finite() => vector.push(x),
                    _ => {
                        return Err(err((
                            col,
                            format!("expected a number, found `{p}`"),
                            "lab-file-expected-number",
                            vec![("found", p.to_owned())],
                        )));
                    }
                }
                col += p.len() + 1;
            }
            // The header: two whole numbers.
            if n == 0 && vector.len() == 1 && word.parse::<u64>().is_ok() {
                continue;
            }
            if vector.is_empty() {
                return Err(err((
                    word.len() + 1,
                    "expected a word followed by numbers".into(),
                    "lab-file-expected-vector",
                    Vec::new(),
                )));
            }
            if self.dim == 0 {
                self.dim = vector.len();
            } else if vector.len() != self.dim {
                return Err(err((
                    1,
                    format!(
                        "expected {} numbers after the word, found {}",
                        self.dim,
                        vector.len()
                    ),
                    "lab-file-expected-dimension",
                    vec![
                        ("n", self.dim.to_string()),
                        ("found", vector.len().to_string()),
                    ],
                )));
            }
            let key = fold(word).replace('-', "");
            if self.words.contains_key(&key) {
                continue;
            }
            let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm == 0.0 {
                continue;
            }
            self.words.insert(key, self.values.len() / self.dim);
            self.values.extend(vector.iter().map(|x| x / norm));
        }
        Ok(())
    }

    /// How many words it has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The vector of a folded word.
    pub fn get(&self, folded: &str) -> Option<&[f32]> {
        let i = *self.words.get(folded)?;
        self.values.get(i * self.dim..(i + 1) * self.dim)
    }

    /// The mean of the vectors of these words (those it has), of length 1;
    /// None when it has none of them.
    pub fn centroid<'a>(&self, words: impl Iterator<Item = &'a str>) -> Option<Vec<f32>> {
        let mut sum = vec![0f32; self.dim];
        let mut any = false;
        for w in words {
            if let Some(v) = self.get(w) {
                any = true;
                for (s, x) in sum.iter_mut().zip(v) {
                    *s += x;
                }
            }
        }
        let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
        (any && norm > 0.0).then(|| sum.iter().map(|x| x / norm).collect())
    }
}

/// The cosine of two vectors of length 1.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_vec_format_with_or_without_its_header() {
        let e = Embeddings::parse("m.vec", "3 2\nchaleur 1 0\nHeat 0.9 0.1\nÉcole 0 2\n").unwrap();
        assert_eq!((e.len(), e.dim()), (3, 2));
        assert_eq!(e.get("ecole"), Some(&[0.0, 1.0][..]));
        assert!(e.get("heat").is_some());
        let e = Embeddings::parse("m.vec", "chaleur 1 0\nheat 0.9 0.1\n").unwrap();
        assert_eq!(e.len(), 2);
        let c = e.centroid(["chaleur", "heat", "nope"].into_iter()).unwrap();
        assert!(cosine(&c, e.get("chaleur").unwrap()) > 0.99);
    }

    #[test]
    fn bad_files_say_where() {
        let e = Embeddings::parse("m.vec", "2 2\nchaleur 1 x\n").unwrap_err();
        assert_eq!(e.to_string(), "m.vec:2:11: expected a number, found `x`");
        let e = Embeddings::parse("m.vec", "chaleur 1 0\nheat 1 0 0\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "m.vec:2:1: expected 2 numbers after the word, found 3"
        );
        let e = Embeddings::parse("m.vec", "chaleur 1 0\nheat\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "m.vec:2:5: expected a word followed by numbers"
        );
    }
}

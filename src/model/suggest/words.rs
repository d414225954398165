//! The words of a sticky: tokens (folded, with where they were written),
//! the language a sticky is in, and Snowball stems.

use crate::model::text::fold;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// French or English: the two languages of the seed's workshops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    French,
    English,
}

impl Lang {
    pub fn other(self) -> Lang {
        match self {
            Lang::French => Lang::English,
            Lang::English => Lang::French,
        }
    }

    /// From a language code ("fr", "en-GB", "fr_FR.UTF-8").
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("fr") {
            Some(Lang::French)
        } else if code.starts_with("en") {
            Some(Lang::English)
        } else {
            None
        }
    }
}

/// One word of a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Lowercase, accents and hyphens removed ("week-end" -> "weekend"); a
    /// time of day ("18h", "6pm", "14h30") is the word "heure".
    pub folded: String,
    /// Where it is in the text (bytes).
    pub start: usize,
    pub end: usize,
}

/// The words of a text: runs of letters and digits. A hyphen between two of
/// them joins a compound into one word ("week-end", "sous-sol",
/// "rez-de-chaussée"), kept as written; it is compared without its hyphens,
/// so it counts once and "week-end" matches "weekend".
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let mut prev_alnum = false;
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            prev_alnum = true;
            continue;
        }
        let joins =
            c == '-' && prev_alnum && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        prev_alnum = false;
        if joins {
            continue;
        }
        if let Some(s) = start.take() {
            out.push(token(text, s, i));
        }
    }
    if let Some(s) = start {
        out.push(token(text, s, text.len()));
    }
    out
}

fn token(text: &str, start: usize, end: usize) -> Token {
    let folded = fold(&text[start..end]).replace('-', "");
    let folded = if is_time(&folded) {
        "heure".to_owned()
    } else {
        folded
    };
    Token { folded, start, end }
}

/// "18h", "8h30", "14h", "6pm", "10am": a time of day.
fn is_time(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = &w[digits..];
    rest == "am"
        || rest == "pm"
        || rest == "h"
        || (rest.len() == 3
            && rest.starts_with('h')
            && rest[1..].chars().all(|c| c.is_ascii_digit()))
}

/// Snowball stems, remembered (a workshop uses the same words again and
/// again).
pub struct Stems {
    fr: Stemmer,
    en: Stemmer,
    seen_fr: HashMap<String, String>,
    seen_en: HashMap<String, String>,
}

impl Default for Stems {
    fn default() -> Stems {
        Stems {
            fr: Stemmer::create(Algorithm::French),
            en: Stemmer::create(Algorithm::English),
            seen_fr: HashMap::new(),
            seen_en: HashMap::new(),
        }
    }
}

impl Stems {
    /// The stem of a folded word in `lang`.
    pub fn stem(&mut self, lang: Lang, folded: &str) -> String {
        let seen = match lang {
            Lang::French => &mut self.seen_fr,
            Lang::English => &mut self.seen_en,
        };
        if let Some(s) = seen.get(folded) {
            return s.clone();
        }
        let s = match lang {
            Lang::French => stem_french(&self.fr, folded),
            Lang::English => fold(&self.en.stem(folded)),
        };
        match lang {
            Lang::French => self.seen_fr.insert(folded.to_owned(), s.clone()),
            Lang::English => self.seen_en.insert(folded.to_owned(), s.clone()),
        };
        s
    }
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

/// Capitalize the first letter.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text)
            .into_iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn french_stems_do_not_depend_on_accents() {
        let mut stems = Stems::default();
        for (a, b) in [
            ("chauffée", "chauffee"),
            ("chauffée", "chauffé"),
            ("accessibilité", "accessibilite"),
            ("handicapées", "handicapé"),
            ("école", "ecole"),
            ("vélos", "vélo"),
            ("horaires", "horaire"),
        ] {
            assert_eq!(
                stems.stem(Lang::French, &fold(a)),
                stems.stem(Lang::French, &fold(b)),
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn compounds_are_one_word_and_times_are_hours() {
        assert_eq!(
            words("Le week-end, l'après-midi -- au sous-sol-"),
            ["Le", "week-end", "l", "après-midi", "au", "sous-sol"]
        );
        let folded: Vec<String> = tokens("Fermé à 18h, 8h30 ou 6pm; 2025 et 123h")
            .into_iter()
            .map(|t| t.folded)
            .collect();
        assert_eq!(
            folded,
            [
                "ferme", "a", "heure", "heure", "ou", "heure", "2025", "et", "123h"
            ]
        );
    }

    #[test]
    fn languages_from_codes() {
        assert_eq!(Lang::from_code("fr_FR.UTF-8"), Some(Lang::French));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::English));
        assert_eq!(Lang::from_code("de"), None);
    }
}

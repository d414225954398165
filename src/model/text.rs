//! Text helpers shared by search, file names and suggestions.

/// Fold a character to plain ASCII where it is a Latin letter with an accent.
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    let s: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' => "c",
        'Ç' => "C",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ñ' => "n",
        'Ñ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ß' => "ss",
        _ => "",
    };
    let single = if s.is_empty() { Some(c) } else { None };
    s.chars().chain(single)
}

/// Text folded for search: lowercase, accents removed ("École" -> "ecole").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for f in fold_char(c) {
            out.extend(f.to_lowercase());
        }
    }
    out
}

/// Where `query` (already folded) occurs in `text`, as char ranges of the
/// original text, so a screen can highlight them.
pub fn matches(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    // The folded text, and for each folded char the original char it came from.
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (i, c) in text.chars().enumerate() {
        for f in fold_char(c) {
            for l in f.to_lowercase() {
                folded.push(l);
                origin.push(i);
            }
        }
    }
    let mut out = Vec::new();
    let fchars: Vec<char> = folded.chars().collect();
    let q: Vec<char> = query.chars().collect();
    let mut i = 0;
    while i + q.len() <= fchars.len() {
        if fchars[i..i + q.len()] == q[..] {
            let start = origin[i];
            let end = origin[i + q.len() - 1] + 1;
            out.push(start..end);
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("École Œuvre ÇA"), "ecole oeuvre ca");
        assert!(fold("Les écoles d'été").contains(&fold("ECOLE")));
    }

    #[test]
    fn matches_point_at_original_characters() {
        assert_eq!(
            matches("Une école, deux écoles", "ecole"),
            vec![4..9, 16..21]
        );
        assert_eq!(matches("cœur", "oe"), vec![1..2]);
        assert!(matches("abc", "").is_empty());
        assert_eq!(matches("涼み処 école", "ecole"), vec![4..9]);
    }
}

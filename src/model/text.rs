//! Text helpers shared by search, file names and suggestions.

/// Fold a character for search: its compatibility decomposition (NFKD)
/// without the combining marks, so a letter loses its accents in every
/// script ("ễ" -> "e", "ş" -> "s"), plus the Latin letters that do not
/// decompose ("æ" -> "ae", "ø" -> "o", "ß" -> "ss", "ł" -> "l", "đ" -> "d").
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let plain: Option<&'static str> = match c {
        'æ' => Some("ae"),
        'Æ' => Some("AE"),
        'œ' => Some("oe"),
        'Œ' => Some("OE"),
        'ø' => Some("o"),
        'Ø' => Some("O"),
        'ß' => Some("ss"),
        'ł' => Some("l"),
        'Ł' => Some("L"),
        'đ' => Some("d"),
        'Đ' => Some("D"),
        _ => None,
    };
    let decomposed = match plain {
        // ASCII needs no work (the common case, kept cheap).
        None if c.is_ascii() => None,
        None => Some(std::iter::once(c).nfkd().filter(|d| !is_combining_mark(*d))),
        Some(_) => None,
    };
    let single = (plain.is_none() && c.is_ascii()).then_some(c);
    plain
        .into_iter()
        .flat_map(str::chars)
        .chain(single)
        .chain(decomposed.into_iter().flatten())
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

    #[test]
    fn folding_drops_accents_in_every_script() {
        assert_eq!(fold("Nguyễn Thị Hồng"), "nguyen thi hong");
        assert_eq!(fold("Łódź Đặng Øre Straße"), "lodz dang ore strasse");
        assert_eq!(fold("İstanbul Şişli"), "istanbul sisli");
        assert_eq!(fold("涼み処 ｆｕｌｌ"), "涼み処 full");
        assert_eq!(matches("Mme Nguyễn", "nguyen"), vec![4..10]);
    }
}

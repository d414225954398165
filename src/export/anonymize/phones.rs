//! Phone numbers in free text, found by their shape.
//!
//! A phone number is a run of 8 to 15 digits once its separators are
//! removed, written in groups. The text is cut into *chains*: digit groups
//! joined by one short separator (a space, `.`, `-`, `/`, parentheses, or
//! one of each, as in `+1 (415) 555-0132`); a longer gap (`" / "`, `" - "`,
//! a word, a comma) ends a chain, and so does a `+`, which only ever starts
//! a number. Each chain is then split into the numbers it holds, choosing
//! the cut that covers the most digits with the most certain shapes:
//!
//! - with `+` or `00` and a country code: 8 to 15 digits, any grouping
//!   (`+33 6 12 34 56 78`, `+33 (0)6…`, `+44 20 7946 0958`,
//!   `+1 (415) 555-0132`, `0033 6 12 34 56 78`, `+33612345678`);
//! - with a leading `0` (a national trunk prefix): exactly 10 digits, the
//!   French form, any grouping (`06 12 34 56 78`, `01.42.76.40.40`,
//!   `0612345678`, `0 800 123 456`); 9, 11 or 12 digits count too (Belgian,
//!   British, German numbers, a digit too many or too few);
//! - without either: 10 digits or more in one block (`33612345678`,
//!   two numbers typed without a space), the
//!   North American `415-555-0132` / `(415) 555-0132`, or 9 to 13 digits
//!   ending in four pairs (`6 12 34 56 78`).
//!
//! What is not a phone stays: a date (`2026-07-09`, `09/07/2026`, three
//! groups with one separator, not continued) is taken out of its chain
//! first; times (`14:30`, `9 h 40`), years, counts in thousands
//! (`2 300`, `12 500 000`), postcodes (`75010`), decimals (`3,5`), money
//! and percentages (a group right before or after `€ $ £ %`), and digits
//! glued to letters (`10e`, ids like `019f4565`) never have a phone's shape.
//! A block of 10 or more digits is taken for a number even glued to letters
//! or after a decimal comma: a long decimal may be hidden, a phone is not
//! missed.

use std::ops::Range;

/// Where a digit group is in the text and what it holds.
struct Group {
    start: usize,
    end: usize,
    digits: Vec<u8>,
    /// Written `(…)`.
    paren: bool,
    /// The separator before it (empty for the first).
    sep: Vec<char>,
}

/// Char ranges of `chars` that are phone numbers, in order.
pub(super) fn find(chars: &[char]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let plus = chars[i] == '+'
            && chars.get(i + 1).is_some_and(|&c| digit(c).is_some())
            && !prev.is_some_and(|p| p.is_alphabetic() || p == '+');
        let starts = plus || (digit(chars[i]).is_some() && prev.is_none_or(|p| digit(p).is_none()));
        if !starts {
            i += 1;
            continue;
        }
        let first = if plus { i + 1 } else { i };
        let groups = chain(chars, first);
        let end = groups.last().map_or(first, |g| g.end);
        for part in pieces(chars, groups, plus) {
            found.extend(numbers(chars, &part.groups, part.plus.then_some(i)));
        }
        i = end.max(i + 1);
    }
    found
}

/// `text` with its phone numbers replaced by `marker`.
pub(super) fn redact(text: &str, marker: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let ranges = find(&chars);
    if ranges.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for r in ranges {
        out.extend(&chars[copied..r.start]);
        out.push_str(marker);
        copied = r.end;
    }
    out.extend(&chars[copied..]);
    out
}

/// A digit, ASCII or full-width.
fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => u8::try_from(c as u32 - '０' as u32).ok(),
        _ => None,
    }
}

fn space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

fn dash(c: char) -> bool {
    matches!(c, '.' | '-' | '/' | '‐' | '‑' | '–' | '·')
}

/// The digit groups of the chain starting at `first` (a digit).
fn chain(chars: &[char], first: usize) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut k = first;
    let mut sep = Vec::new();
    loop {
        let start = k;
        let mut digits = Vec::new();
        while let Some(d) = chars.get(k).copied().and_then(digit) {
            digits.push(d);
            k += 1;
        }
        let paren = start > 0 && chars[start - 1] == '(' && chars.get(k) == Some(&')');
        groups.push(Group {
            start,
            end: k,
            digits,
            paren,
            sep: std::mem::take(&mut sep),
        });
        // A separator: at most one space, one dash and one parenthesis.
        let (mut spaces, mut dashes, mut parens) = (0, 0, 0);
        let mut p = k;
        while p < chars.len() && p - k < 3 {
            let c = chars[p];
            if space(c) {
                spaces += 1;
            } else if dash(c) {
                dashes += 1;
            } else if c == '(' || c == ')' {
                parens += 1;
            } else {
                break;
            }
            p += 1;
        }
        let ok = p > k
            && spaces <= 1
            && dashes <= 1
            && parens <= 1
            && chars.get(p).is_some_and(|&c| digit(c).is_some());
        if !ok {
            return groups;
        }
        sep = chars[k..p].to_vec();
        k = p;
    }
}

struct Piece {
    groups: Vec<Group>,
    plus: bool,
}

/// A chain cut where it cannot hold a phone: around dates, and around
/// groups glued to letters (kept alone when they hold 10 digits or more).
/// A comma is no separator: `3,5` is two numbers too short for a phone,
/// and `06 12 34 56 78,0612345678` two phones.
fn pieces(chars: &[char], groups: Vec<Group>, plus: bool) -> Vec<Piece> {
    let n = groups.len();
    let mut out = Vec::new();
    let mut cur = Piece {
        groups: Vec::new(),
        plus,
    };
    let date = dates(&groups);
    for (k, g) in groups.into_iter().enumerate() {
        let before = g.start.checked_sub(1).map(|p| chars[p]);
        let after = chars.get(g.end).copied();
        // Glued to a letter (`10e`, `019f4565`).
        let letter = (k == 0 && !plus && before.is_some_and(char::is_alphanumeric))
            || (k + 1 == n && after.is_some_and(char::is_alphanumeric));
        if date[k] || letter {
            if !cur.groups.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Piece {
                        groups: Vec::new(),
                        plus: false,
                    },
                ));
            }
            cur.plus = false;
            if letter && !date[k] && g.digits.len() >= 10 {
                out.push(Piece {
                    groups: vec![g],
                    plus: false,
                });
            }
        } else {
            cur.groups.push(g);
        }
    }
    if !cur.groups.is_empty() {
        out.push(cur);
    }
    out
}

/// Which groups are part of a date: three groups with the same single
/// separator (`/`, `.` or `-`), not continued by it, day-month-year or
/// year-month-day.
fn dates(groups: &[Group]) -> Vec<bool> {
    let mut date = vec![false; groups.len()];
    let value = |g: &Group| g.digits.iter().fold(0u32, |v, &d| v * 10 + u32::from(d));
    for k in 0..groups.len().saturating_sub(2) {
        let (a, b, c) = (&groups[k], &groups[k + 1], &groups[k + 2]);
        let [s] = b.sep[..] else { continue };
        if !matches!(s, '/' | '.' | '-') || c.sep[..] != [s] {
            continue;
        }
        let continued =
            (k > 0 && a.sep[..] == [s]) || groups.get(k + 3).is_some_and(|d| d.sep[..] == [s]);
        if continued {
            continue;
        }
        let (la, lb, lc) = (a.digits.len(), b.digits.len(), c.digits.len());
        let month = (1..=12).contains(&value(b)) && lb <= 2;
        let dmy = la <= 2 && (1..=31).contains(&value(a)) && (lc == 2 || lc == 4);
        let ymd = la == 4 && lc <= 2 && (1..=31).contains(&value(c));
        if month && (dmy || ymd) {
            date[k] = true;
            date[k + 1] = true;
            date[k + 2] = true;
        }
    }
    date
}

/// The phone numbers in a piece of chain: the cut covering the most digits,
/// the more certain shapes weighing more (a digit counts 8 in a sure shape,
/// 7 in a likely one, 6 in a possible one: more digits first, certainty
/// between near equals). Digits left between two numbers of the same chain
/// go with them: a chain of numbers leaves none of its middle behind.
fn numbers(chars: &[char], groups: &[Group], plus: Option<usize>) -> Vec<Range<usize>> {
    let n = groups.len();
    // best[k]: (score, numbers) for groups[k..].
    let mut best: Vec<(usize, Vec<Range<usize>>)> = vec![(0, Vec::new()); n + 1];
    for k in (0..n).rev() {
        let mut pick = best[k + 1].clone();
        for j in k + 1..=n.min(k + 15) {
            let plus_here = plus.filter(|_| k == 0);
            let Some(weight) = weight(chars, &groups[k..j], plus_here) else {
                continue;
            };
            let score = weight + best[j].0;
            if score > pick.0 {
                let start = match plus_here {
                    // "(+33) 6 12 34 56 78"
                    Some(p)
                        if p > 0
                            && chars[p - 1] == '('
                            && chars.get(groups[k].end) == Some(&')')
                            && j > k + 1 =>
                    {
                        p - 1
                    }
                    Some(p) => p,
                    None if groups[k].paren && j > k + 1 => groups[k].start - 1,
                    None => groups[k].start,
                };
                let mut numbers = Vec::with_capacity(best[j].1.len() + 1);
                numbers.push(start..groups[j - 1].end);
                numbers.extend(best[j].1.iter().cloned());
                pick = (score, numbers);
            }
        }
        best[k] = pick;
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in best.swap_remove(0).1 {
        match merged.last_mut() {
            Some(last) if chars[last.end..r.start].iter().any(|&c| digit(c).is_some()) => {
                last.end = r.end;
            }
            _ => merged.push(r),
        }
    }
    merged
}

const SURE: usize = 8;
const LIKELY: usize = 7;
const POSSIBLE: usize = 6;

/// How surely `groups` (with a `+` before them, or not) are one phone
/// number: `None` when they are not, else the digits they cover, times 8
/// for a sure shape, 7 for a likely one, 6 for a possible one.
fn weight(chars: &[char], groups: &[Group], plus: Option<usize>) -> Option<usize> {
    let first = groups.first()?;
    let last = groups.last()?;
    // Money and percentages: a currency or % sign right next to it.
    let sign = |c: Option<&char>| c.is_some_and(|c| matches!(c, '€' | '$' | '£' | '¥' | '%' | '‰'));
    let mut a = plus.unwrap_or(first.start);
    while a > 0 && space(chars[a - 1]) {
        a -= 1;
    }
    let mut b = last.end;
    while b < chars.len() && space(chars[b]) {
        b += 1;
    }
    if sign(a.checked_sub(1).map(|p| &chars[p])) || sign(chars.get(b)) {
        return None;
    }
    // "(0)" after a country code is not dialled.
    let digits: Vec<u8> = groups
        .iter()
        .enumerate()
        .filter(|(k, g)| !(*k > 0 && g.paren && g.digits == [0]))
        .flat_map(|(_, g)| g.digits.iter().copied())
        .collect();
    let n = digits.len();
    let lens: Vec<usize> = groups.iter().map(|g| g.digits.len()).collect();
    if plus.is_some() {
        return (8..=15).contains(&n).then_some(SURE * n);
    }
    let shaped = match digits[..] {
        [0, 0, c, ..] if c != 0 => (10..=17).contains(&n).then_some(SURE * n),
        [0, c, ..] if c != 0 => {
            let spaced = lens[0] >= 2 || lens.get(1) == Some(&3);
            let grouped = lens.len() == 1 || lens.iter().all(|&l| l <= 8);
            match n {
                10 if spaced && grouped => Some(SURE * n),
                9 | 11 | 12 if spaced && grouped => Some(LIKELY * n),
                _ => None,
            }
        }
        [c, ..] if c != 0 => {
            let american = lens == [3, 3, 4] || (lens == [1, 3, 3, 4] && c == 1);
            let pairs = lens.len() >= 4
                && lens.iter().all(|&l| l <= 3)
                && lens[lens.len() - 4..].iter().all(|&l| l == 2);
            if lens.len() == 1 && (10..=15).contains(&n) {
                Some(POSSIBLE * n)
            } else if american {
                Some(LIKELY * n)
            } else if pairs && (9..=13).contains(&n) {
                Some(POSSIBLE * n)
            } else {
                None
            }
        }
        _ => None,
    };
    // A block of 10 digits or more is a number, whatever its shape (two
    // numbers typed without a space, a number too long).
    shaped.or((lens.len() == 1 && n >= 10).then_some(POSSIBLE * n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> String {
        redact(text, "#")
    }

    #[test]
    fn every_way_of_writing_a_number_is_found() {
        for phone in [
            "06 12 34 56 78",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "06/12/34/56/78",
            "0612345678",
            "06 1234 5678",
            "0 800 123 456",
            "06\u{a0}12\u{a0}34\u{a0}56\u{a0}78",
            "06\u{202f}12\u{202f}34\u{202f}56\u{202f}78",
            "+33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "+33(0)612345678",
            "+33 06 12 34 56 78",
            "+33612345678",
            "+33.6.12.34.56.78",
            "0033 6 12 34 56 78",
            "0033612345678",
            "(+33) 6 12 34 56 78",
            "+44 20 7946 0958",
            "+44 (0)20 7946 0958",
            "020 7946 0958",
            "+1 (415) 555-0132",
            "+1 415 555 0132",
            "+14155550132",
            "(415) 555-0132",
            "415-555-0132",
            "415.555.0132",
            "1 415 555 0132",
            "+32 2 123 45 67",
            "02 123 45 67",
            "+49 30 12345678",
            "030 12345678",
            "+212 6 12 34 56 78",
            "33612345678",
            "6 12 34 56 78",
            "０６ １２ ３４ ５６ ７８",
        ] {
            assert_eq!(
                r(&format!("tél. {phone}, merci")),
                "tél. #, merci",
                "{phone}"
            );
            assert_eq!(r(phone), "#", "{phone}");
            assert_eq!(r(&format!("({phone})")), "(#)", "{phone}");
        }
    }

    #[test]
    fn several_numbers_in_a_row_all_go() {
        for (text, want) in [
            (
                "+33 6 12 34 56 78 / 01.42.76.40.40 / 0612345678",
                "# / # / #",
            ),
            ("06 12 34 56 78 / 01 42 76 40 40", "# / #"),
            ("06 12 34 56 78 01 42 76 40 40", "#"),
            ("0612345678/0142764040", "#"),
            (
                "06 12 34 56 78, 01 42 76 40 40 ou +44 20 7946 0958",
                "#, # ou #",
            ),
            ("+33 6 12 34 56 78 +33 6 12 34 56 79", "# #"),
            ("06 12 34 56 78 - 07 98 76 54 32", "# - #"),
            ("06 12 34 56 78,0612345678", "#,#"),
            ("06123456780798765432", "#"),
            ("+33612345678+447946095812", "##"),
            ("06.12.34.56.78/+44 20 7946 0958", "#/#"),
            ("+33 6 12 34 56 78 06 12 34 56 79", "#"),
        ] {
            let out = r(text);
            assert!(
                !out.chars().any(|c| c.is_ascii_digit()),
                "{text:?} -> {out:?}"
            );
            if want.chars().filter(|&c| c == '#').count() > 1 {
                assert_eq!(out, want, "{text:?}");
            }
        }
    }

    #[test]
    fn numbers_that_are_not_phones_stay() {
        for kept in [
            "le 2026-07-09 à 10 h 15",
            "le 09/07/2026",
            "le 09.07.2026 à 14:30",
            "du 01/02/26 au 03/04/26",
            "à 9 h 40, puis 14:30",
            "en 1996, 2025 et 2026",
            "2024 2025 2026",
            "2 300 usagers",
            "12 500 000 €",
            "1 234 567 890 €",
            "€ 12 345 678 901",
            "+12 500 000 €",
            "35 % des 2 300",
            "Paris 10e, 75010 Paris",
            "75010 75019",
            "29,5 °C",
            "3,14159 et 2,718281",
            "id 019f4565-5caa-75d6",
            "3975 ou 112",
            "version 1.2.3",
            "salle 3, 2e étage",
            "C++17",
            "48.8566, 2.3522",
        ] {
            assert_eq!(r(kept), kept);
        }
    }

    #[test]
    fn a_date_or_a_count_next_to_a_number_stays_and_the_number_goes() {
        assert_eq!(r("le 09/07/2026 06 12 34 56 78"), "le 09/07/2026 #");
        assert_eq!(r("2026-07-09 0612345678"), "2026-07-09 #");
        assert_eq!(r("salle 3 06 12 34 56 78"), "salle 3 #");
        assert_eq!(r("Tél0612345678"), "Tél#");
        // A chain of numbers leaves nothing of its middle.
        assert_eq!(
            r("+33301821254/950-250-0093/998-700-8975 0406608237"),
            "#/#/# #"
        );
    }
}

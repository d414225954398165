//! Anonymizing a session before export: nothing identifying survives.
//!
//! - Participants become `P1`, `P2`, ... (their role is kept, their
//!   organisation dropped); facilitators become `F1`, `F2`, ...; review
//!   comments by anyone else are signed `R1`, `R2`, ...
//! - In every text of the session (title, challenge, agenda, notes and their
//!   tags, stickies, clusters, rounds, actions and their owners, comments):
//!   e-mail addresses and phone numbers (French and international forms) are
//!   replaced by a marker, and the names of participants and facilitators,
//!   full or in part (first or last name), are replaced by their number.
//!   Names are matched whole-word, ignoring case and accents.
//! - Prototypes are kept, their texts redacted the same way.
//! - Photos, videos, audio and links are left out (faces are personal
//!   data), unless asked for (`--with-media`): then their captions are
//!   redacted and their authors numbered or dropped.
//! - The other versions recorded by a merge (conflicts) are left out.

use crate::model::Session;
use crate::model::text::fold_char;
use std::collections::HashMap;

/// The markers put in place of what is redacted, in the session's language
/// (`export-redacted-…` in the Fluent files).
#[derive(Clone, Copy)]
struct Markers {
    email: &'static str,
    phone: &'static str,
    name: &'static str,
}

impl Markers {
    fn of(lang: Option<&str>) -> Markers {
        let l = super::labels::for_lang(lang);
        Markers {
            email: &l.redacted_email,
            phone: &l.redacted_phone,
            name: &l.redacted_name,
        }
    }
}

/// A copy of the session with every person replaced by a number, every
/// name, e-mail address and phone number removed from its texts, and no
/// attachment.
pub fn anonymize(session: &Session) -> Session {
    anonymized(session, false)
}

/// As [`anonymize`]; with `keep_media`, the attachments stay (captions
/// redacted).
pub(crate) fn anonymized(session: &Session, keep_media: bool) -> Session {
    let markers = Markers::of(session.language.as_deref());
    let mut people: Vec<(String, String)> = Vec::new();
    for (i, p) in session.participants.iter().enumerate() {
        people.push((p.name.clone(), format!("P{}", i + 1)));
    }
    for (i, f) in session.facilitators.iter().enumerate() {
        people.push((facilitator_name(f).to_owned(), format!("F{}", i + 1)));
    }
    let r = Redactor::new(&people, markers);

    let mut s = session.clone();
    s.title = r.redact(&s.title);
    s.challenge.statement = r.redact(&s.challenge.statement);
    s.place = r.redact(&s.place);
    s.facilitators = (1..=s.facilitators.len())
        .map(|i| format!("F{i}"))
        .collect();
    for (i, p) in s.participants.iter_mut().enumerate() {
        p.name = format!("P{}", i + 1);
        p.organisation.clear();
    }
    for stage in &mut s.agenda {
        stage.title = r.redact(&stage.title);
        for step in &mut stage.steps {
            step.title = r.redact(&step.title);
            step.prompt = r.redact(&step.prompt);
        }
    }
    for note in &mut s.notes {
        note.text = r.redact(&note.text);
        for tag in &mut note.tags {
            *tag = r.redact(tag);
        }
    }
    for sticky in &mut s.stickies {
        sticky.text = r.redact(&sticky.text);
    }
    for cluster in &mut s.clusters {
        cluster.title = r.redact(&cluster.title);
    }
    for round in &mut s.rounds {
        round.title = r.redact(&round.title);
    }
    for action in &mut s.actions {
        action.text = r.redact(&action.text);
        action.owner = r
            .person(&action.owner)
            .unwrap_or_else(|| r.redact(&action.owner));
    }
    let mut reviewers: HashMap<String, String> = HashMap::new();
    for comment in &mut s.comments {
        comment.text = r.redact(&comment.text);
        let author = comment.author.trim();
        comment.author = if author.is_empty() {
            String::new()
        } else if let Some(label) = r.person(author) {
            label
        } else {
            let n = reviewers.len() + 1;
            reviewers
                .entry(fold(author))
                .or_insert_with(|| format!("R{n}"))
                .clone()
        };
    }
    for p in &mut s.prototypes {
        p.name = r.redact(&p.name);
        p.tests = r.redact(&p.tests);
        p.hypothesis = r.redact(&p.hypothesis);
        for f in &mut p.feedback {
            *f = r.redact(f);
        }
    }
    if keep_media {
        for a in &mut s.attachments {
            a.caption = r.redact(&a.caption);
            a.author = r.person(&a.author).unwrap_or_default();
        }
    } else {
        s.attachments.clear();
    }
    s.conflicts.clear();
    s
}

/// The name part of a facilitator entry such as "Zoé Marchand (lab, Paris)".
fn facilitator_name(entry: &str) -> &str {
    let cut = entry
        .find(['(', ',', ';', '/', '–', '—', '<', '['])
        .into_iter()
        .chain(entry.find(" - "))
        .min()
        .unwrap_or(entry.len());
    entry[..cut].trim()
}

/// Separator in a name pattern: one or more spaces or hyphens in the text.
const SEP: char = '\u{0}';

/// Name particles that are never matched on their own ("de", "van", ...).
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "l'", "van", "von", "der", "den", "da", "di",
    "del", "della", "dos", "das", "do", "el", "al", "ter", "ten", "y", "e", "et", "and", "mme",
    "mr", "m", "dr", "st", "ste",
];

struct Pattern {
    units: Vec<char>,
    label: String,
}

struct Redactor {
    patterns: Vec<Pattern>,
    /// Whole names (folded) to labels, for owners and comment authors.
    whole: HashMap<String, String>,
    markers: Markers,
}

impl Redactor {
    fn new(people: &[(String, String)], markers: Markers) -> Self {
        let mut patterns = Vec::new();
        let mut whole = HashMap::new();
        // Parts of names: a part shared by two people gets the generic marker.
        let mut parts: HashMap<Vec<char>, Option<String>> = HashMap::new();
        for (name, label) in people {
            let full = pattern(name);
            if full.iter().filter(|c| c.is_alphanumeric()).count() < 2 {
                continue;
            }
            whole.insert(fold(name), label.clone());
            patterns.push(Pattern {
                units: full,
                label: label.clone(),
            });
            // Every run of consecutive words ("Le Gall" in "Amélie Le Gall"),
            // and the parts of hyphenated words ("Moreau" in "Garnier-Moreau").
            let words: Vec<&str> = name
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .collect();
            let mut pieces: Vec<Vec<&str>> = Vec::new();
            for a in 0..words.len() {
                for b in a + 1..=words.len() {
                    pieces.push(words[a..b].to_vec());
                }
                if words[a].contains('-') {
                    pieces.extend(words[a].split('-').map(|p| vec![p]));
                }
            }
            for piece in pieces {
                // No run ending with a particle ("Amélie Le").
                let particle = |w: &&str| PARTICLES.contains(&fold(w).as_str());
                let only_particles = piece.last().is_none_or(particle);
                let units = pattern(&piece.join(" "));
                let letters = units.iter().filter(|c| c.is_alphanumeric()).count();
                if letters < 2 || only_particles {
                    continue;
                }
                parts
                    .entry(units)
                    .and_modify(|l| {
                        if l.as_deref() != Some(label) {
                            *l = None;
                        }
                    })
                    .or_insert_with(|| Some(label.clone()));
            }
        }
        for (units, label) in parts {
            if patterns.iter().any(|p| p.units == units) {
                continue;
            }
            patterns.push(Pattern {
                units,
                label: label.unwrap_or_else(|| markers.name.to_owned()),
            });
        }
        // Longest first, then a fixed order, so the output is deterministic.
        patterns.sort_by(|a, b| {
            b.units
                .len()
                .cmp(&a.units.len())
                .then_with(|| a.units.cmp(&b.units))
        });
        Redactor {
            patterns,
            whole,
            markers,
        }
    }

    /// The label of the person `text` names exactly (a whole name or a
    /// name part unique to one person), if any.
    fn person(&self, text: &str) -> Option<String> {
        if let Some(label) = self.whole.get(&fold(text.trim())) {
            return Some(label.clone());
        }
        let redacted = self.names(text.trim());
        let is_label = redacted.len() >= 2
            && (redacted.starts_with('P') || redacted.starts_with('F'))
            && redacted[1..].chars().all(|c| c.is_ascii_digit());
        is_label.then_some(redacted)
    }

    fn redact(&self, text: &str) -> String {
        let text = emails(text, self.markers.email);
        let text = phones(&text, self.markers.phone);
        self.names(&text)
    }

    fn names(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let (units, origin) = fold_units(&chars);
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut i = 0;
        // A hyphen between letters joins a compound ("Françoise-Sagan", a
        // library's name): a name in it is still redacted, but with the
        // generic marker, so that the place is not tied to a participant.
        let joined = |k: usize| {
            matches!(units[k], '-' | '‐' | '‑')
                && k > 0
                && units[k - 1].is_alphanumeric()
                && units.get(k + 1).is_some_and(|c| c.is_alphanumeric())
        };
        while i < units.len() {
            let starts_word = (i == 0
                || (!units[i - 1].is_alphanumeric() && origin[i - 1] != origin[i]))
                && units[i].is_alphanumeric();
            if starts_word {
                let found = self.patterns.iter().find_map(|p| {
                    let j = match_at(&units, i, &p.units)?;
                    let ends_word = j == units.len()
                        || (!units[j].is_alphanumeric() && origin[j] != origin[j - 1]);
                    ends_word.then_some((j, p.label.as_str()))
                });
                if let Some((j, label)) = found {
                    let in_compound = (i > 0 && joined(i - 1)) || (j < units.len() && joined(j));
                    out.extend(&chars[copied..origin[i]]);
                    out.push_str(if in_compound {
                        self.markers.name
                    } else {
                        label
                    });
                    copied = origin[j - 1] + 1;
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        out.extend(&chars[copied.min(chars.len())..]);
        out
    }
}

/// Lowercase, accents removed, curly apostrophes made straight.
fn fold(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    fold_units(&chars).0.into_iter().collect()
}

/// The folded text and, for each folded char, the index of the original
/// char it came from.
fn fold_units(chars: &[char]) -> (Vec<char>, Vec<usize>) {
    let mut units = Vec::with_capacity(chars.len());
    let mut origin = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let c = if matches!(c, '’' | 'ʼ' | '‘') {
            '\''
        } else {
            c
        };
        for f in fold_char(c) {
            for l in f.to_lowercase() {
                units.push(l);
                origin.push(i);
            }
        }
    }
    (units, origin)
}

/// A name as a pattern: folded, with runs of spaces and hyphens as [`SEP`].
fn pattern(name: &str) -> Vec<char> {
    let mut out = Vec::new();
    for c in fold(name).chars() {
        if is_sep(c) || c == SEP {
            if out.last().is_some_and(|&l| l != SEP) {
                out.push(SEP);
            }
        } else if !c.is_control() {
            out.push(c);
        }
    }
    while out.last() == Some(&SEP) {
        out.pop();
    }
    out
}

fn is_sep(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑')
}

/// A Latin letter with a diacritic that [`fold_char`] does not fold
/// (Vietnamese, Polish, Czech...): it matches any Latin letter, so that
/// "Nguyễn" and "Nguyen" are the same name.
fn wild(c: char) -> bool {
    matches!(c as u32, 0x100..=0x24F | 0x1E00..=0x1EFF)
}

fn unit_eq(p: char, t: char) -> bool {
    p == t
        || (wild(p) && (t.is_ascii_alphabetic() || wild(t)))
        || (wild(t) && p.is_ascii_alphabetic())
}

fn match_at(text: &[char], mut j: usize, pat: &[char]) -> Option<usize> {
    for &p in pat {
        if p == SEP {
            let start = j;
            while j < text.len() && is_sep(text[j]) {
                j += 1;
            }
            if j == start {
                return None;
            }
        } else {
            if j >= text.len() || !unit_eq(p, text[j]) {
                return None;
            }
            j += 1;
        }
    }
    Some(j)
}

/// E-mail addresses replaced by `marker`.
fn emails(text: &str, marker: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let domain = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-');
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut k = 0;
    while k < chars.len() {
        if chars[k] == '@' || chars[k] == '＠' {
            let mut s = k;
            while s > copied && local(chars[s - 1]) {
                s -= 1;
            }
            let mut e = k + 1;
            while e < chars.len() && domain(chars[e]) {
                e += 1;
            }
            while e > k + 1 && matches!(chars[e - 1], '.' | '-') {
                e -= 1;
            }
            let dom: String = chars[k + 1..e].iter().collect();
            let tld_ok = dom.rsplit_once('.').is_some_and(|(head, tld)| {
                !head.is_empty() && tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic)
            });
            if s < k && tld_ok {
                out.extend(&chars[copied..s]);
                out.push_str(marker);
                copied = e;
                k = e;
                continue;
            }
        }
        k += 1;
    }
    out.extend(&chars[copied..]);
    out
}

/// Phone numbers replaced by `marker`: 10 to 15 digits in groups
/// (06 12 34 56 78, 06.12.34.56.78, 0612345678, 0033 6 12 34 56 78,
/// (555) 123-4567), or 8 to 15 digits after a `+` (+33 6 12 34 56 78,
/// +33 (0)6 12 34 56 78, +44 20 7946 0958).
fn phones(text: &str, marker: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_word = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '+');
        if !after_word
            && (c == '+' || c.is_ascii_digit())
            && let Some(end) = phone_end(&chars, i)
        {
            out.push_str(marker);
            i = end;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn phone_end(chars: &[char], start: usize) -> Option<usize> {
    let plus = chars[start] == '+';
    let mut j = if plus { start + 1 } else { start };
    let mut digits = 0;
    let mut end = start;
    let mut seps = 0;
    while j < chars.len() {
        let c = chars[j];
        if c.is_ascii_digit() {
            digits += 1;
            seps = 0;
            j += 1;
            end = j;
        } else if matches!(
            c,
            ' ' | '.' | '-' | '(' | ')' | '/' | '\u{a0}' | '\u{202f}' | '\u{2009}'
        ) {
            seps += 1;
            if seps > 3 {
                break;
            }
            j += 1;
        } else {
            break;
        }
    }
    if digits == 0 || (end < chars.len() && chars[end].is_alphanumeric()) {
        return None;
    }
    let ok = (10..=15).contains(&digits) || (plus && (8..=15).contains(&digits));
    ok.then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r() -> Redactor {
        let people = vec![
            ("Amélie Roux".to_owned(), "P1".to_owned()),
            ("Hélène Garnier-Moreau".to_owned(), "P2".to_owned()),
            ("Thibault Nguyễn".to_owned(), "F1".to_owned()),
            ("Amélie Le Gall".to_owned(), "P3".to_owned()),
        ];
        Redactor::new(&people, Markers::of(Some("en")))
    }

    #[test]
    fn names_are_matched_whole_word_ignoring_case_and_accents() {
        let r = r();
        assert_eq!(r.redact("amelie roux a parlé"), "P1 a parlé");
        assert_eq!(
            r.redact("Mme GARNIER-MOREAU et Mme Garnier"),
            "Mme P2 et Mme P2"
        );
        assert_eq!(r.redact("Hélène, puis Moreau."), "P2, puis P2.");
        assert_eq!(
            r.redact("médiathèque Roux-Vidal, avec Roux - et Roux"),
            "médiathèque [name]-Vidal, avec P1 - et P1",
            "in a compound, the generic marker"
        );
        assert_eq!(r.redact("Thibault Nguyen et NGUYỄN"), "F1 et F1");
        assert_eq!(
            r.redact("Amélie a dit"),
            "[name] a dit",
            "shared first name"
        );
        assert_eq!(r.redact("Le Gall, le gallois"), "P3, le gallois");
        assert_eq!(r.redact("Rouxel et Garniers"), "Rouxel et Garniers");
        assert_eq!(r.redact("d'Amélie Roux"), "d'P1");
    }

    #[test]
    fn emails_and_phones_are_redacted() {
        let r = r();
        assert_eq!(
            r.redact("écrire à jean.dupont+ateliers@paris.fr."),
            "écrire à [email]."
        );
        for phone in [
            "06 12 34 56 78",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "0612345678",
            "+33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "+33612345678",
            "0033 6 12 34 56 78",
            "+44 20 7946 0958",
            "+1 555 123 4567",
        ] {
            assert_eq!(
                r.redact(&format!("tél. {phone}, merci")),
                "tél. [phone], merci",
                "{phone}"
            );
        }
        for kept in [
            "le 2026-07-09 à 10 h 15",
            "2 300 usagers",
            "29,5 °C",
            "id 019f4565-5caa-75d6",
            "3975 ou 112",
        ] {
            assert_eq!(r.redact(kept), kept);
        }
    }

    #[test]
    fn facilitator_entries_give_their_name() {
        assert_eq!(
            facilitator_name("Zoé Marchand (lab de la Ville)"),
            "Zoé Marchand"
        );
        assert_eq!(
            facilitator_name("Zoé Marchand - La 27e Région"),
            "Zoé Marchand"
        );
        assert_eq!(facilitator_name("Zoé Marchand"), "Zoé Marchand");
    }
}

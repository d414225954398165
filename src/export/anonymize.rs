//! Anonymizing a session before export: nothing identifying survives.
//! The rules are described for users in `docs/anonymize.md`.
//!
//! - People become numbers: participants `P1`, `P2`, ... (their role is
//!   kept, their organisation dropped), facilitators `F1`, `F2`, ...,
//!   guests (authors who are not participants, such as a name typed on a
//!   phone) `G1`, `G2`, ...; review comments by anyone else are signed
//!   `R1`, `R2`, ...
//! - In every text of the session (title, challenge, place, agenda, notes
//!   and their tags, stickies and their tags, clusters, rounds, actions,
//!   comments, prototypes), in this order: e-mail addresses, handles and
//!   profile links ([`contacts`]), phone numbers ([`phones`]), then names
//!   ([`names`]) are replaced.
//! - An action's owner is only a number: the one person it names, or a
//!   neutral word when it names several, someone who cannot be told apart,
//!   or no one of the workshop (a department, an absent person): never
//!   any other part of the original text, which could name the person's
//!   organisation (and so the person).
//! - Kept as written, because they are not personal data: the session's
//!   place (except a full name, a phone or an address in it) and the
//!   phrases of it found in other texts, and the texts of the bundled
//!   method library (stage titles, step titles and prompts left as the
//!   library wrote them, method names in any text).
//! - Stickies from files written before guests existed carry the name
//!   typed on the phone at the end of their text (`"… — Zoé"`): in an
//!   anonymized export that name is replaced too (the file is not changed).
//! - Photos, videos, audio and links are left out (faces are personal
//!   data), unless asked for (`--with-media`): then their captions (and
//!   links) are redacted and their authors numbered or dropped.
//! - The other versions recorded by a merge (conflicts) are left out.

mod contacts;
mod names;
mod phones;

use crate::i18n::tr;
use crate::model::{MediaKind, Session};
use names::{Names, key};
use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

/// What is put in place of what is redacted, in the session's language.
struct Words {
    email: String,
    phone: String,
    name: String,
    handle: String,
    /// An owner who is several people of the workshop.
    several: String,
    /// An owner of the workshop who cannot be told apart from another.
    someone: String,
    /// An owner who is no one of the workshop.
    other: String,
}

impl Words {
    fn of(lang: Option<&str>) -> Words {
        let l = super::labels::for_lang(lang);
        Words {
            email: l.redacted_email.clone(),
            phone: l.redacted_phone.clone(),
            name: l.redacted_name.clone(),
            handle: tr(l.lang, "anonymize-redacted-handle"),
            several: tr(l.lang, "anonymize-owner-several"),
            someone: tr(l.lang, "anonymize-owner-someone"),
            other: tr(l.lang, "anonymize-owner-other"),
        }
    }
}

/// A copy of the session with every person replaced by a number, every
/// name, e-mail address, handle and phone number removed from its texts,
/// and no attachment.
pub fn anonymize(session: &Session) -> Session {
    anonymized(session, false)
}

/// As [`anonymize`]; with `keep_media`, the attachments stay (captions
/// redacted).
pub(crate) fn anonymized(session: &Session, keep_media: bool) -> Session {
    let r = Redactor::new(session);
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
    for (i, g) in s.guests.iter_mut().enumerate() {
        g.name = format!("G{}", i + 1);
    }
    let lib = &*LIBRARY;
    for stage in &mut s.agenda {
        stage.title = r.unless_in(&lib.stage_titles, &stage.title);
        if !lib.method_ids.contains(&stage.method) {
            stage.method = r.redact(&stage.method);
        }
        for step in &mut stage.steps {
            step.title = r.unless_in(&lib.step_titles, &step.title);
            step.prompt = r.unless_in(&lib.prompts, &step.prompt);
        }
    }
    for note in &mut s.notes {
        note.text = r.redact(&note.text);
        r.redact_all(&mut note.tags);
    }
    for sticky in &mut s.stickies {
        sticky.text = match (&sticky.author, typed_name(&sticky.text)) {
            (None, Some(cut)) => {
                let (text, _) = sticky.text.split_at(cut);
                format!("{} — {}", r.redact(text), r.words.name)
            }
            _ => r.redact(&sticky.text),
        };
        r.redact_all(&mut sticky.tags);
    }
    for cluster in &mut s.clusters {
        cluster.title = r.redact(&cluster.title);
    }
    for round in &mut s.rounds {
        round.title = r.redact(&round.title);
    }
    for action in &mut s.actions {
        action.text = r.redact(&action.text);
        action.owner = r.owner(&action.owner);
    }
    for comment in &mut s.comments {
        comment.text = r.redact(&comment.text);
        // Every author is someone the redactor knows (reviewers included).
        comment.author = r.person(&comment.author).unwrap_or_default();
    }
    for p in &mut s.prototypes {
        p.name = r.redact(&p.name);
        p.tests = r.redact(&p.tests);
        p.hypothesis = r.redact(&p.hypothesis);
        r.redact_all(&mut p.feedback);
    }
    if keep_media {
        for a in &mut s.attachments {
            a.caption = r.redact(&a.caption);
            a.author = r.person(&a.author).unwrap_or_default();
            // Files atelier attaches are named by their content's hash;
            // a path written by hand ("photos/Amélie Roux.jpg") can name
            // someone: redacted like any text (the export then reports
            // the file as missing rather than showing the name).
            if a.kind == MediaKind::Link || !named_by_hash(&a.path) {
                a.path = r.redact(&a.path);
            }
        }
    } else {
        s.attachments.clear();
    }
    s.conflicts.clear();
    s
}

/// A file atelier attached: its name is the SHA-256 of its content (64 hex
/// digits), which names no one (and which the phone rule would take for a
/// number).
fn named_by_hash(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    stem.len() == 64 && stem.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Where a name typed on a phone starts at the end of a sticky's text, as
/// atelier wrote it before guests existed: `"text — Zoé"`, one to four
/// words of letters, each with a capital, at most 60 characters (the
/// longest name a phone could send).
fn typed_name(text: &str) -> Option<usize> {
    let (head, name) = text.rsplit_once(" — ")?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = !head.trim().is_empty()
        && name.trim() == name
        && name.chars().count() <= 60
        && (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        });
    ok.then_some(head.len())
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

/// The texts of the bundled method library, which name no one.
struct Library {
    method_ids: HashSet<String>,
    /// Method names, both languages (keys).
    stage_titles: HashSet<String>,
    step_titles: HashSet<String>,
    prompts: HashSet<String>,
    /// Method names and step titles, to keep as written in any text.
    phrases: Vec<String>,
}

static LIBRARY: LazyLock<Library> = LazyLock::new(|| {
    let lib = crate::methods::Library::bundled();
    let mut out = Library {
        method_ids: HashSet::new(),
        stage_titles: HashSet::new(),
        step_titles: HashSet::new(),
        prompts: HashSet::new(),
        phrases: Vec::new(),
    };
    for m in &lib.methods {
        out.method_ids.insert(m.id.clone());
        for name in [&m.name.en, &m.name.fr] {
            out.stage_titles.insert(key(name));
            out.phrases.push(name.clone());
        }
        for step in &m.steps {
            for title in [&step.title.en, &step.title.fr] {
                out.step_titles.insert(key(title));
                out.phrases.push(title.clone());
            }
            out.prompts.insert(key(&step.prompt.en));
            out.prompts.insert(key(&step.prompt.fr));
        }
    }
    out.phrases.retain(|p| !p.trim().is_empty());
    out.phrases.sort();
    out.phrases.dedup();
    out
});

/// The place's phrases, kept as written wherever they appear: its parts
/// between punctuation ("Médiathèque Françoise-Sagan", "Paris 10e") and its
/// hyphenated words ("Françoise-Sagan").
fn place_phrases(place: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in place
        .split([
            ',', ';', '(', ')', '[', ']', ':', '/', '–', '—', '|', '\n', '«', '»', '"',
        ])
        .flat_map(|p| p.split(" - "))
    {
        let part = part.trim();
        if part.chars().any(char::is_alphabetic) {
            out.push(part.to_owned());
        }
        for word in part.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.contains('-') {
                out.push(word.to_owned());
            }
        }
    }
    out
}

struct Redactor {
    names: Names,
    words: Words,
}

enum Who {
    Nobody,
    One(String),
    Several,
    Unsure,
}

impl Redactor {
    fn new(session: &Session) -> Redactor {
        let words = Words::of(session.language.as_deref());
        let mut people: Vec<(String, String)> = Vec::new();
        for (i, p) in session.participants.iter().enumerate() {
            people.push((p.name.clone(), format!("P{}", i + 1)));
        }
        for (i, f) in session.facilitators.iter().enumerate() {
            people.push((facilitator_name(f).to_owned(), format!("F{}", i + 1)));
        }
        for (i, g) in session.guests.iter().enumerate() {
            people.push((g.name.clone(), format!("G{}", i + 1)));
        }
        // The place as it will be shown: its addresses and phones gone.
        let place = contacts::redact(&session.place, &words.email, &words.handle);
        let place = phones::redact(&place, &words.phone);
        let mut keep = place_phrases(&place);
        keep.extend(LIBRARY.phrases.iter().cloned());
        let names = Names::new(&people, &keep, &words.name);
        let mut r = Redactor { names, words };
        // Reviewers who are no one above get a label of their own, and
        // their names are redacted in every text as the others' are.
        let mut reviewers: Vec<String> = Vec::new();
        for c in &session.comments {
            let author = c.author.trim();
            // Someone above, named whole (or by a first name alone); a
            // full name that only shares a first name is someone else.
            let known = r.names.whole(author).is_some()
                || (!author.contains(char::is_whitespace) && r.person(author).is_some());
            if !author.is_empty()
                && !known
                && !reviewers.iter().any(|seen| key(seen) == key(author))
            {
                reviewers.push(author.to_owned());
            }
        }
        if !reviewers.is_empty() {
            for (i, name) in reviewers.into_iter().enumerate() {
                people.push((name, format!("R{}", i + 1)));
            }
            r.names = Names::new(&people, &keep, &r.words.name);
        }
        r
    }

    fn redact(&self, text: &str) -> String {
        let text = contacts::redact(text, &self.words.email, &self.words.handle);
        let text = phones::redact(&text, &self.words.phone);
        self.names.redact(&text)
    }

    fn redact_all(&self, texts: &mut [String]) {
        for t in texts {
            *t = self.redact(t);
        }
    }

    /// `text` as written when it is one of `known` (the library's own
    /// texts), else redacted.
    fn unless_in(&self, known: &HashSet<String>, text: &str) -> String {
        if known.contains(&key(text)) {
            text.to_owned()
        } else {
            self.redact(text)
        }
    }

    /// Who of the workshop `text` names.
    fn who(&self, text: &str) -> Who {
        if let Some(label) = self.names.whole(text) {
            return Who::One(label.to_owned());
        }
        let text = contacts::redact(text, &self.words.email, &self.words.handle);
        let text = phones::redact(&text, &self.words.phone);
        let chars: Vec<char> = text.chars().collect();
        let mut labels = BTreeSet::new();
        let mut unsure = false;
        for span in self.names.spans(&chars) {
            match span.label {
                _ if span.keep => {}
                Some(l) => {
                    labels.insert(l);
                }
                None => unsure = true,
            }
        }
        match (labels.len(), unsure) {
            (0, false) => Who::Nobody,
            (0, true) => Who::Unsure,
            (1, false) => Who::One(labels.into_iter().next().unwrap_or_default()),
            _ => Who::Several,
        }
    }

    /// The label of the one person `text` names, if it names exactly one.
    fn person(&self, text: &str) -> Option<String> {
        match self.who(text.trim()) {
            Who::One(label) => Some(label),
            _ => None,
        }
    }

    /// An action's owner: a number, or a neutral word.
    fn owner(&self, owner: &str) -> String {
        let owner = owner.trim();
        if owner.is_empty() {
            return String::new();
        }
        match self.who(owner) {
            Who::One(label) => label,
            Who::Several => self.words.several.clone(),
            Who::Unsure => self.words.someone.clone(),
            Who::Nobody => self.words.other.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, Guest, Id, Participant, Role};

    fn session() -> Session {
        let mut s = Session::new(crate::model::Id::new(), "Atelier");
        s.language = Some("en".into());
        s.place = "Médiathèque Françoise-Sagan, Paris 10e".into();
        for (id, name, org) in [
            ("p1", "Amélie Roux", "Direction des affaires culturelles"),
            ("p2", "Hélène Garnier-Moreau", "Mairie du 10e"),
            ("p3", "Amélie Le Gall", ""),
            ("p4", "Françoise Dubois", ""),
            ("p5", "Rose Petit", ""),
            ("p6", "Valéry d'Estaing", ""),
            ("p7", "Jean-Pierre de La Fontaine", ""),
            ("p8", "Al Kaplan", ""),
        ] {
            s.participants.push(Participant {
                id: Id::from(id),
                name: name.into(),
                role: Role::Citizen,
                organisation: org.into(),
            });
        }
        s.facilitators = vec!["Thibault Nguyễn (La 27e Région)".into()];
        s.guests.push(Guest {
            id: Id::from("g1"),
            name: "Zoé".into(),
        });
        s
    }

    fn r() -> Redactor {
        Redactor::new(&session())
    }

    #[test]
    fn names_are_matched_whole_word_ignoring_case_and_accents() {
        let r = r();
        for (text, want) in [
            ("amelie roux a parlé", "P1 a parlé"),
            ("Mme GARNIER-MOREAU et Mme Garnier", "Mme P2 et Mme P2"),
            ("Hélène, puis Moreau.", "P2, puis P2."),
            ("Garnier Moreau", "P2"),
            (
                "médiathèque Roux-Vidal, avec Roux - et Roux",
                "médiathèque [name]-Vidal, avec P1 - et P1",
            ),
            ("Thibault Nguyen et NGUYỄN", "F1 et F1"),
            ("Amélie a dit", "[name] a dit"),
            ("Le Gall, le gallois", "P3, le gallois"),
            ("Rouxel et Garniers", "Rouxel et Garniers"),
            ("d'Amélie Roux", "d'P1"),
            ("ROUX Amélie", "P1"),
            ("Le Gall Amélie", "P3"),
            ("Valéry d’Estaing, d'Estaing, Estaing", "P6, P6, P6"),
            ("VALERY D'ESTAING", "P6"),
            ("Jean-Pierre, jean pierre, La Fontaine", "P7, P7, P7"),
            ("de La Fontaine Jean-Pierre", "P7"),
            ("Zoé et zoe", "G1 et G1"),
        ] {
            assert_eq!(r.redact(text), want, "{text}");
        }
    }

    #[test]
    fn ordinary_words_are_names_only_where_written_as_names() {
        let r = r();
        assert_eq!(r.redact("Rose a proposé"), "P5 a proposé");
        assert_eq!(r.redact("ROSE et PETIT"), "P5 et P5");
        assert_eq!(r.redact("Mme petit, M. rose"), "Mme P5, M. P5");
        assert_eq!(r.redact("rose petit"), "P5", "a full name, any case");
        assert_eq!(
            r.redact("un petit banc rose, une pierre, la fontaine"),
            "un petit banc rose, une pierre, la fontaine"
        );
        assert_eq!(r.redact("Pierre a raison"), "P7 a raison");
        assert_eq!(
            r.redact("Al, Le, de"),
            "P8, Le, de",
            "a first name, not a particle"
        );
        assert_eq!(r.redact("al dente"), "al dente");
    }

    #[test]
    fn the_place_and_the_library_stay_as_written() {
        let r = r();
        assert_eq!(
            r.redact("Médiathèque Françoise-Sagan, Paris 10e"),
            "Médiathèque Françoise-Sagan, Paris 10e"
        );
        assert_eq!(
            r.redact("à la médiathèque Françoise-Sagan avec Françoise"),
            "à la médiathèque Françoise-Sagan avec P4"
        );
        assert_eq!(r.redact("Rue Françoise-Sagan"), "Rue Françoise-Sagan");
        assert_eq!(
            r.redact("Météo d'entrée animée par Zoé"),
            "Météo d'entrée animée par G1"
        );
        // A full name in the place is still a name.
        let mut s = session();
        s.place = "Chez Amélie Roux, 06 12 34 56 78".into();
        let a = anonymize(&s);
        assert_eq!(a.place, "Chez P1, [phone]");
    }

    #[test]
    fn owners_are_a_number_or_a_neutral_word() {
        let r = r();
        for (owner, want) in [
            ("Amélie Roux (Mairie du 10e)", "P1"),
            ("Hélène Garnier-Moreau (Mairie du 10e)", "P2"),
            ("Collectif Îlots frais 10e (Françoise Dubois)", "P4"),
            ("Garnier-Moreau et l'équipe", "P2"),
            ("Amélie Roux et Françoise Dubois", "several people"),
            ("Amélie", "someone in the workshop"),
            ("Service des espaces verts", "outside the workshop"),
            ("Marc Dupont (DEVE)", "outside the workshop"),
            ("marc.dupont@paris.fr", "outside the workshop"),
            ("Zoé", "G1"),
            ("", ""),
        ] {
            assert_eq!(r.owner(owner), want, "{owner}");
        }
        let mut s = session();
        s.actions.push(ActionItem {
            id: Id::from("a1"),
            text: "Appeler Amélie Roux".into(),
            owner: "Hélène Garnier-Moreau (Mairie du 10e)".into(),
            due: None,
            status: Default::default(),
        });
        let a = anonymize(&s);
        assert_eq!(a.actions[0].owner, "P2");
        assert_eq!(a.actions[0].text, "Appeler P1");
    }

    #[test]
    fn names_typed_on_phones_in_old_files_go() {
        assert_eq!(typed_name("Planter une haie — Zoé"), Some(16));
        assert_eq!(typed_name("Des bancs — Jean-Marc L."), Some(9));
        assert_eq!(typed_name("Des bancs — et des fontaines"), None);
        assert_eq!(typed_name("— Zoé"), None);
        let mut s = session();
        let sticky = |text: &str, author: Option<&str>| crate::model::Sticky {
            id: Id::new(),
            text: text.into(),
            author: author.map(Id::from),
            colour: Default::default(),
            stage: None,
            cluster: None,
            parked: false,
            time: crate::model::Timestamp::parse("2026-07-09T08:00:00Z").unwrap(),
            tags: vec!["Amélie".into()],
            private: false,
        };
        s.stickies.push(sticky("De l'ombre — Noémie Vasseur", None));
        s.stickies.push(sticky("De l'ombre — Amélie Roux", None));
        let a = anonymize(&s);
        assert_eq!(a.stickies[0].text, "De l'ombre — [name]");
        assert_eq!(a.stickies[1].text, "De l'ombre — [name]");
        assert_eq!(a.stickies[0].tags, vec!["[name]".to_owned()]);
    }

    #[test]
    fn kept_media_paths_name_no_one() {
        use crate::model::{Attachment, Timestamp};
        let mut s = session();
        let time = Timestamp::parse("2026-07-12T08:00:00Z").unwrap();
        for (kind, path) in [
            (MediaKind::Image, "photos/Amélie Roux à la mairie.jpg"),
            (
                MediaKind::Image,
                "demo.media/0123456789012345678901234567890123456789012345678901234567890123.jpg",
            ),
            (MediaKind::Link, "https://example.org/u/amelie-roux"),
        ] {
            s.attachments.push(Attachment {
                id: Id::from(path),
                to: None,
                kind,
                path: path.into(),
                hash: String::new(),
                caption: String::new(),
                author: "Hélène Garnier-Moreau".into(),
                time,
            });
        }
        let a = anonymized(&s, true);
        assert_eq!(a.attachments[0].path, "photos/P1 à la mairie.jpg");
        assert_eq!(a.attachments[1].path, s.attachments[1].path);
        assert!(!a.attachments[2].path.to_lowercase().contains("roux"));
        assert!(a.attachments.iter().all(|x| x.author == "P2"));
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

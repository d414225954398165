//! Property: whatever the people are called and however texts mention
//! them, reach them or hide their numbers, no anonymized export, in any
//! format, holds a name, a phone number, an e-mail address, a handle or
//! an organisation of theirs.
//!
//! People (participants, facilitators, guests) get names with accents,
//! hyphens and particles ("de", "Le", "d'", "van der"), from real names and
//! made-up ones. Texts mention them in full or in part, first name first or
//! last, in any case, with or without accents, next to phone numbers in
//! many formats (several in a row), e-mail addresses and handles. Names
//! that are also ordinary words ("Rose") are left out here: in lower case
//! they are read as the word (see `docs/anonymize.md`); the unit tests of
//! `src/export/anonymize.rs` cover them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod anonymize_support;

use anonymize_support::{content, digit_runs, glued_at, has_word, name_words, plain};
use atelier::export::{self, Format, Options};
use atelier::model::text::{fold, fold_char};
use atelier::model::{
    ActionItem, Comment, Guest, Id, Note, NoteKind, Participant, Role, Session, Sticky, Timestamp,
};
use proptest::prelude::*;

const FIRST: &[&str] = &[
    "Amélie",
    "Hélène",
    "Jérôme",
    "Maëlle",
    "Loïc",
    "Françoise",
    "Inès",
    "Noël",
    "Chloé",
    "Bénédicte",
    "Gaëlle",
    "Zoé",
    "Thibault",
    "Anaïs",
    "Oumar",
    "Thị Hương",
    "Jean-Baptiste",
    "Marie-Ève",
    "Søren",
    "Łukasz",
    "Çağla",
    "Al",
];
const LAST: &[&str] = &[
    "Roux",
    "Garnier-Moreau",
    "Lefèvre",
    "Kerbrat",
    "Nguyễn",
    "Le Gall",
    "de La Villardière",
    "d'Estaing",
    "van der Berg",
    "N'Diaye",
    "Ben Salah",
    "Ó Briain",
    "Dubois",
    "Haddad",
    "Le Bihan-Quéré",
    "du Pré",
    "Dvořák",
    "Wiśniewska",
];
const SYLLABLES: &[&str] = &[
    "zé", "bri", "lou", "ka", "mö", "vï", "tra", "gné", "quo", "sy", "xa", "rhé", "dja", "wö",
    "fû", "zan", "kry", "œu", "çä", "nguễ",
];
const PARTICLES: &[&str] = &[
    "de ", "Le ", "d'", "du ", "van ", "de La ", "von der ", "L'",
];
const ORGS: &[&str] = &[
    "Mairie du 10e",
    "Centre social du Canal",
    "Direction des affaires culturelles",
    "Collectif Îlots frais",
    "Agence régionale de santé",
];
const DOMAINS: &[&str] = &[
    "paris.fr",
    "mairie-paris.fr",
    "example.org",
    "centre-social.asso.fr",
];
const FILLER: &[&str] = &[
    "Il",
    "faut",
    "de",
    "l'ombre",
    "des",
    "bancs",
    "et",
    "l'eau",
    "avec",
    "selon",
    "rappeler",
    "merci",
    ":",
    "—",
    "(",
    ")",
    ",",
    ".",
    "le",
    "la",
    "chaleur",
    "on",
    "propose",
    "à",
    "la",
    "médiathèque",
    "contact",
    "tél.",
    "tel:",
    "portable",
    "ou",
    "fixe",
];
const JOINS: &[&str] = &[
    " / ", ", ", " ", " ; ", "/", " - ", " et ", ",", "\n", "-", " | ", "  ",
];

fn made_up(seed: &[usize]) -> String {
    let mut w: String = seed
        .iter()
        .map(|&i| SYLLABLES[i % SYLLABLES.len()])
        .collect();
    if let Some(c) = w.chars().next() {
        w = c.to_uppercase().chain(w.chars().skip(1)).collect();
    }
    w
}

/// A person's name from the choices drawn.
fn name(pick: &[usize]) -> String {
    let first = if pick[0].is_multiple_of(3) {
        made_up(&pick[1..3])
    } else {
        FIRST[pick[1] % FIRST.len()].to_owned()
    };
    let last = match pick[3] % 4 {
        0 => made_up(&pick[4..7]),
        1 => format!(
            "{}{}",
            PARTICLES[pick[4] % PARTICLES.len()],
            made_up(&pick[5..7])
        ),
        2 => format!("{}-{}", made_up(&pick[4..6]), made_up(&pick[6..8])),
        _ => LAST[pick[4] % LAST.len()].to_owned(),
    };
    format!("{first} {last}")
}

/// Accents removed, case kept (and the letters atelier's folding keeps).
fn strip(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let base = match c {
                'ễ' | 'ę' => 'e',
                'ị' => 'i',
                'ư' => 'u',
                'ơ' | 'ő' => 'o',
                'ł' => 'l',
                'Ł' => 'L',
                'ř' => 'r',
                'ś' | 'š' => 's',
                'ğ' => 'g',
                'ą' | 'ă' => 'a',
                'ń' => 'n',
                'ž' | 'ź' | 'ż' => 'z',
                c => c,
            };
            fold_char(base).collect::<Vec<_>>()
        })
        .collect()
}

/// Folded deeper than atelier's own folding: what a reader would
/// recognize as the same word.
fn deep(text: &str) -> String {
    fold(&strip(text)).replace('’', "'")
}

/// One way of writing `name` in a text.
fn mention(name: &str, how: usize, case: usize) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let first = words[0];
    let last = words[1..].join(" ");
    let text = match how % 6 {
        0 => name.to_owned(),
        1 => first.to_owned(),
        2 => last.clone(),
        3 => format!("{last} {first}"),
        4 => name.replace('-', " "),
        _ => last
            .rsplit([' ', '\''])
            .next()
            .unwrap_or(&last)
            .split('-')
            .next_back()
            .unwrap_or(&last)
            .to_owned(),
    };
    match case % 4 {
        0 => text,
        1 => text.to_uppercase(),
        2 => text.to_lowercase(),
        _ => strip(&text),
    }
}

/// A phone number in one of many formats, from random digits.
fn phone(kind: usize, d: &[u8]) -> String {
    let ds = |r: std::ops::Range<usize>| -> String { d[r].iter().map(|x| x.to_string()).collect() };
    let nz = |i: usize| (d[i] % 9 + 1).to_string();
    // A French national number: 0, a digit from 1 to 9, eight digits.
    let fr = format!("0{}{}", nz(0), ds(1..9));
    let pairs = |s: &str, sep: &str| -> String {
        s.as_bytes()
            .chunks(2)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let nsn = &fr[1..];
    match kind % 20 {
        0 => pairs(&fr, " "),
        1 => pairs(&fr, "."),
        2 => pairs(&fr, "-"),
        3 => pairs(&fr, "/"),
        4 => fr.clone(),
        5 => pairs(&fr, "\u{a0}"),
        6 => format!("+33 {} {}", &nsn[..1], pairs(&nsn[1..], " ")),
        7 => format!("+33 (0){} {}", &nsn[..1], pairs(&nsn[1..], " ")),
        8 => format!("0033 {} {}", &nsn[..1], pairs(&nsn[1..], " ")),
        9 => format!("+33{nsn}"),
        10 => format!("+33.{}.{}", &nsn[..1], pairs(&nsn[1..], ".")),
        11 => format!("+44 {}{} {} {}", nz(0), ds(1..2), ds(2..6), ds(6..10)),
        12 => format!(
            "+1 ({}{}) {}{}-{}",
            nz(0),
            ds(1..3),
            nz(3),
            ds(4..6),
            ds(6..10)
        ),
        13 => format!(
            "({}{}) {}{}-{}",
            nz(0),
            ds(1..3),
            nz(3),
            ds(4..6),
            ds(6..10)
        ),
        14 => format!("{}{}-{}{}-{}", nz(0), ds(1..3), nz(3), ds(4..6), ds(6..10)),
        15 => format!("+49 {}{} {}", nz(0), ds(1..2), ds(2..10)),
        16 => format!("+32 {} {} {} {}", nz(0), ds(1..4), ds(4..6), ds(6..8)),
        17 => format!("+212 {} {}", nz(0), pairs(&ds(1..9), " ")),
        18 => format!("0044 {}{} {} {}", nz(0), ds(1..2), ds(2..6), ds(6..10)),
        _ => format!("+{}{}", 33, nsn),
    }
}

/// The digits a reader could call (without the country code or the 0).
fn callable(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len() - 8..].to_owned()
}

/// What a text is made of.
#[derive(Clone, Debug)]
enum Piece {
    Word(usize),
    Person { who: usize, how: usize, case: usize },
    Phones(Vec<(usize, Vec<u8>)>, usize),
    Email { who: usize, domain: usize },
    Handle { who: usize, n: u8 },
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        3 => any::<usize>().prop_map(Piece::Word),
        3 => (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(who, how, case)| Piece::Person { who, how, case }),
        2 => (
            prop::collection::vec((any::<usize>(), prop::collection::vec(0u8..10, 10)), 1..4),
            any::<usize>()
        )
            .prop_map(|(p, j)| Piece::Phones(p, j)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(who, domain)| Piece::Email { who, domain }),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(who, n)| Piece::Handle { who, n }),
    ]
}

/// Someone's address: their name folded, dotted.
fn email(name: &str, domain: usize) -> String {
    let local: String = deep(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '.' })
        .collect();
    let local = local
        .split('.')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(".");
    format!("{local}@{}", DOMAINS[domain % DOMAINS.len()])
}

fn handle(name: &str, n: u8) -> String {
    let h: String = deep(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!(
        "@{h}{}",
        if n.is_multiple_of(2) {
            String::new()
        } else {
            n.to_string()
        }
    )
}

/// What the texts hide, to look for in the exports.
#[derive(Default)]
struct Secrets {
    phones: Vec<String>,
    emails: Vec<String>,
    handles: Vec<String>,
}

/// A text from its pieces, with and without its phone numbers.
fn render(pieces: &[Piece], names: &[String], secrets: &mut Secrets) -> (String, String) {
    let mut with = Vec::new();
    let mut without = Vec::new();
    for p in pieces {
        match p {
            Piece::Word(i) => {
                with.push(FILLER[i % FILLER.len()].to_owned());
                without.push(FILLER[i % FILLER.len()].to_owned());
            }
            Piece::Person { who, how, case } => {
                let m = mention(&names[who % names.len()], *how, *case);
                with.push(m.clone());
                without.push(m);
            }
            Piece::Phones(list, join) => {
                let phones: Vec<String> = list.iter().map(|(k, d)| phone(*k, d)).collect();
                secrets.phones.extend(phones.iter().cloned());
                with.push(phones.join(JOINS[join % JOINS.len()]));
            }
            Piece::Email { who, domain } => {
                let e = email(&names[who % names.len()], *domain);
                secrets.emails.push(e.clone());
                with.push(e.clone());
                without.push(e);
            }
            Piece::Handle { who, n } => {
                let h = handle(&names[who % names.len()], *n);
                secrets.handles.push(h.clone());
                with.push(h.clone());
                without.push(h);
            }
        }
    }
    (with.join(" "), without.join(" "))
}

#[derive(Clone, Debug)]
struct Case {
    participants: Vec<(Vec<usize>, usize, usize)>,
    facilitators: Vec<(Vec<usize>, usize)>,
    guests: Vec<Vec<usize>>,
    texts: Vec<Vec<Piece>>,
    owners: Vec<(usize, usize, usize)>,
    french: bool,
}

fn case() -> impl Strategy<Value = Case> {
    let pick = || prop::collection::vec(any::<usize>(), 8);
    (
        prop::collection::vec((pick(), any::<usize>(), any::<usize>()), 1..6),
        prop::collection::vec((pick(), any::<usize>()), 0..3),
        prop::collection::vec(pick(), 0..3),
        prop::collection::vec(prop::collection::vec(piece(), 1..10), 6..12),
        prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..4),
        any::<bool>(),
    )
        .prop_map(
            |(participants, facilitators, guests, texts, owners, french)| Case {
                participants,
                facilitators,
                guests,
                texts,
                owners,
                french,
            },
        )
}

fn at() -> Timestamp {
    Timestamp::parse("2026-07-09T08:00:00Z").unwrap()
}

/// The session of a case, with the phone numbers in its texts or not.
fn session(c: &Case, secrets: &mut Secrets) -> (Session, Session) {
    let mut s = Session::new(atelier::model::Id::new(), "Atelier");
    s.language = Some(if c.french { "fr" } else { "en" }.into());
    s.place = "Salle des fêtes, 12 rue Oberkampf".into();
    for (i, (pick, role, org)) in c.participants.iter().enumerate() {
        s.participants.push(Participant {
            id: Id::from(format!("p{i}").as_str()),
            name: name(pick),
            role: Role::ALL[role % Role::ALL.len()],
            organisation: ORGS[org % ORGS.len()].into(),
        });
    }
    for (pick, org) in &c.facilitators {
        s.facilitators
            .push(format!("{} ({})", name(pick), ORGS[org % ORGS.len()]));
    }
    for (i, pick) in c.guests.iter().enumerate() {
        s.guests.push(Guest {
            id: Id::from(format!("g{i}").as_str()),
            name: name(pick),
        });
    }
    let mut names: Vec<String> = s.participants.iter().map(|p| p.name.clone()).collect();
    names.extend(c.facilitators.iter().map(|(pick, _)| name(pick)));
    names.extend(s.guests.iter().map(|g| g.name.clone()));
    let authors: Vec<Id> = s
        .participants
        .iter()
        .map(|p| p.id.clone())
        .chain(s.guests.iter().map(|g| g.id.clone()))
        .collect();
    let texts: Vec<(String, String)> = c
        .texts
        .iter()
        .map(|pieces| render(pieces, &names, secrets))
        .collect();
    let mut control = s.clone();
    for (target, pick) in [(&mut s, 0), (&mut control, 1)] {
        let t = |k: usize| {
            let (with, without) = &texts[k % texts.len()];
            if pick == 0 {
                with.clone()
            } else {
                without.clone()
            }
        };
        target.title = t(0);
        target.challenge.statement = t(1);
        for k in 2..texts.len() {
            target.notes.push(Note {
                id: Id::from(format!("n{k}").as_str()),
                kind: NoteKind::ALL[k % NoteKind::ALL.len()],
                stage: None,
                author: Some(authors[k % authors.len()].clone()),
                tags: vec![t(k + 1)],
                text: t(k),
                time: at(),
                private: false,
            });
            target.stickies.push(Sticky {
                id: Id::from(format!("s{k}").as_str()),
                text: t(k + 2),
                author: (k % 3 != 0).then(|| authors[k % authors.len()].clone()),
                colour: Default::default(),
                stage: None,
                cluster: None,
                parked: false,
                time: at(),
                tags: vec![t(k + 3)],
                private: false,
            });
        }
        for (k, (who, org, how)) in c.owners.iter().enumerate() {
            let person = &names[who % names.len()];
            let org = ORGS[org % ORGS.len()];
            target.actions.push(ActionItem {
                id: Id::from(format!("a{k}").as_str()),
                text: t(k + 4),
                owner: match how % 4 {
                    0 => format!("{person} ({org})"),
                    1 => org.to_owned(),
                    2 => format!("{org} ({person})"),
                    _ => format!("{person} et {}", names[(who + 1) % names.len()]),
                },
                due: None,
                status: Default::default(),
            });
        }
        target.comments.push(Comment {
            id: Id::from("c1"),
            about: None,
            author: names[0].clone(),
            text: t(5),
            time: at(),
        });
    }
    (s, control)
}

fn options() -> Options {
    Options {
        anonymize: true,
        ..Options::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_anonymized_export_holds_a_name_a_phone_an_address_or_an_organisation(c in case()) {
        let mut secrets = Secrets::default();
        let (s, control) = session(&c, &mut secrets);
        let mut names: Vec<String> = s.participants.iter().map(|p| p.name.clone()).collect();
        names.extend(c.facilitators.iter().map(|(pick, _)| name(pick)));
        names.extend(s.guests.iter().map(|g| g.name.clone()));
        for format in Format::ALL {
            let raw = export::export(format, &s, &options()).unwrap();
            let text = plain(format, &raw);
            let folded = deep(&text);
            let words = deep(&content(format, &raw));
            for n in &names {
                for w in name_words(n) {
                    let w = deep(&w);
                    prop_assert!(!has_word(&words, &w), "{format:?}: {w:?} of {n:?} survived");
                }
            }
            for org in ORGS {
                prop_assert!(!folded.contains(&deep(org)), "{format:?}: {org:?} survived");
            }
            for e in &secrets.emails {
                prop_assert!(!folded.contains(&deep(e)), "{format:?}: {e} survived");
            }
            for h in &secrets.handles {
                prop_assert!(!folded.contains(&deep(&h[1..])), "{format:?}: {h} survived");
            }
            prop_assert_eq!(glued_at(&text), None, "{:?}: an address survived", format);
            // Phones: no digits but those the control (the same session
            // without its phone numbers) has.
            let runs = digit_runs(&content(format, &raw));
            for p in &secrets.phones {
                let tail = callable(p);
                let source = s.notes.iter().map(|n| &n.text).chain(s.stickies.iter().map(|x| &x.text)).find(|t| t.contains(p.as_str()));
                prop_assert!(
                    !runs.iter().any(|r| r.contains(&tail)),
                    "{format:?}: {p} survived in {source:?}"
                );
            }
            let control_raw = export::export(format, &control, &options()).unwrap();
            let mut want = digit_runs(&content(format, &control_raw));
            let mut got = runs.clone();
            want.sort();
            got.sort();
            prop_assert_eq!(got, want, "{:?}: a part of a phone number survived", format);
        }
    }
}

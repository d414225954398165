//! `--anonymize`: no participant or facilitator name, e-mail address or
//! phone number from the session survives, in any format; the roles stay
//! and the document says it was anonymized.

mod export_support;

use atelier::export::{self, Format};
use atelier::model::text::fold;
use atelier::model::{Comment, Id, Session, Timestamp};
use export_support::{demo, opts};

const EMAILS: [&str; 4] = [
    "amelie.roux@paris.fr",
    "j.lefevre+atelier@mairie-paris.fr",
    "noel.bertrand@example.org",
    "KARIM_H@centre-social.asso.fr",
];

const PHONES: [&str; 8] = [
    "06 12 34 56 78",
    "+33 6 12 34 56 79",
    "01.42.76.40.40",
    "+33 (0)1 42 76 40 41",
    "0798765432",
    "07-98-76-54-31",
    "+44 20 7946 0958",
    "+1 (555) 123-4567",
];

/// The demo with e-mail addresses, phone numbers and names in its texts.
fn leaky() -> Session {
    let mut s = demo();
    let time = Timestamp::parse("2026-07-12T08:00:00Z").unwrap();
    s.challenge
        .statement
        .push_str(&format!(" Contact : {} ({}).", EMAILS[0], PHONES[0]));
    s.place.push_str(" (accueil : Jérôme Lefèvre)");
    s.notes[0].text = format!(
        "AMELIE ROUX a dit : écrivez à {} ou appelez le {} ; helene garnier-moreau était d'accord, Jerome aussi.",
        EMAILS[1], PHONES[1]
    );
    s.notes[1].text = format!(
        "Kerbrat et Maelle (collectif) : {} / {} ; Zoé et Thibault Nguyen animaient, M. NGUYỄN a noté.",
        PHONES[2], PHONES[3]
    );
    s.notes[2].tags.push(EMAILS[2].to_owned());
    s.notes[3].text = format!(
        "Rappeler Françoise Dubois au {} ou au {}.",
        PHONES[4], PHONES[5]
    );
    s.stickies[0].text = format!("Appeler Inès au {} — Loïc est d'accord", PHONES[6]);
    s.stickies[1].text = format!("Londres : {} ; USA : {}", PHONES[6], PHONES[7]);
    s.clusters[0].title = "Idées de Karim Haddad".into();
    s.rounds[0].title = "Vote animé par Zoé Marchand".into();
    s.agenda[0].steps[0].prompt = format!("Questions à {}", EMAILS[3]);
    s.agenda[1].title = "Visite guidée par Bénédicte".into();
    s.actions[0].owner = "Noël Bertrand".into();
    s.actions[1].text = format!("Gaëlle Fournier envoie le protocole à {}", EMAILS[0]);
    s.comments.push(Comment {
        id: Id::from("c1"),
        about: None,
        author: "Loïc Ferreira".into(),
        text: format!(
            "Merci ! Mon numéro : {}. Chloé Lambert m'a relu.",
            PHONES[0]
        ),
        time,
    });
    s.comments.push(Comment {
        id: Id::from("c2"),
        about: Some(s.stickies[2].id.clone()),
        author: "Une voisine, Mme Delacroix".into(),
        text: format!("Écrire à {}", EMAILS[3]),
        time,
    });
    s
}

/// Every name part to look for: first and last names of participants
/// and facilitators (folded), plus the accent-less spellings.
fn name_parts(s: &Session) -> Vec<String> {
    let mut names: Vec<String> = s.participants.iter().map(|p| p.name.clone()).collect();
    for f in &s.facilitators {
        names.push(f.split(" (").next().unwrap().to_owned());
    }
    let mut parts = vec!["nguyen".to_owned(), "delacroix".to_owned()];
    for n in names {
        for w in n.split([' ', '-']) {
            if w.chars().count() >= 3 {
                parts.push(fold(w));
            }
        }
    }
    parts
}

fn has_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Runs of digits and phone separators holding at least 9 digits.
fn digit_runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once('x')) {
        if c.is_ascii_digit() || (!run.is_empty() && " .-()/+".contains(c)) || c == '+' {
            run.push(c);
        } else {
            if run.chars().filter(char::is_ascii_digit).count() >= 9 {
                out.push(run.clone());
            }
            run.clear();
        }
    }
    out
}

#[test]
fn nothing_identifying_survives_in_any_format() {
    let s = leaky();
    let parts = name_parts(&s);
    for format in Format::ALL {
        let text = export::export(format, &s, &opts(true)).unwrap();
        // JSON escapes nothing but controls, HTML escapes no letters: the
        // text can be searched as it is.
        let folded = fold(&text);
        for p in &parts {
            assert!(
                !has_word(&folded, p),
                "{format:?}: name part {p:?} survived"
            );
        }
        for e in EMAILS {
            assert!(!folded.contains(&fold(e)), "{format:?}: {e}");
        }
        let at = text.char_indices().filter(|&(i, c)| {
            c == '@'
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                && text[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        });
        assert_eq!(at.count(), 0, "{format:?}: an e-mail address survived");
        for p in PHONES {
            assert!(!text.contains(p), "{format:?}: {p}");
        }
        if matches!(format, Format::Md | Format::Html | Format::Svg) {
            // In the text, not in the markup (coordinates of the picture).
            let mut content = String::new();
            let mut in_tag = false;
            for c in text.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => {
                        in_tag = false;
                        content.push('\n');
                    }
                    c if !in_tag => content.push(c),
                    _ => {}
                }
            }
            assert_eq!(digit_runs(&content), Vec::<String>::new(), "{format:?}");
        }
        // The organisations that described participants are gone too.
        assert!(
            !text.contains("Retraitée, usagère depuis 1996"),
            "{format:?}"
        );
        assert!(
            !text.contains("adjointe chargée de la culture"),
            "{format:?}"
        );
    }
}

#[test]
fn the_same_without_anonymize_shows_everything() {
    // The test above would pass on an empty file: check that the leaks are
    // really in the session.
    let md = export::markdown(&leaky(), &opts(false));
    assert!(md.contains("Amélie Roux"));
    assert!(md.contains("06 12 34 56 78"));
    assert!(md.contains("amelie.roux\\@paris.fr"));
}

#[test]
fn people_become_numbers_and_roles_stay() {
    let s = export::anonymize(&leaky());
    for (i, p) in s.participants.iter().enumerate() {
        assert_eq!(p.name, format!("P{}", i + 1));
        assert!(p.organisation.is_empty());
    }
    assert_eq!(
        s.participants.iter().map(|p| p.role).collect::<Vec<_>>(),
        demo()
            .participants
            .iter()
            .map(|p| p.role)
            .collect::<Vec<_>>()
    );
    assert_eq!(s.facilitators, vec!["F1", "F2"]);
    assert_eq!(s.notes[0].text.split(" a dit").next(), Some("P1"));
    assert_eq!(s.actions[0].owner, "P8", "an owner who is a participant");
    assert_eq!(s.comments[0].author, "P5", "a reviewer who took part");
    assert_eq!(s.comments[1].author, "R1", "a reviewer who did not");
    assert!(s.notes[0].text.contains("[courriel]"));
    assert!(s.notes[0].text.contains("[téléphone]"));
    // Votes still count for the same people (by id).
    assert_eq!(s.votes, demo().votes);
}

#[test]
fn every_format_says_it_was_anonymized() {
    let s = leaky();
    let o = opts(true);
    assert!(export::markdown(&s, &o).contains("**Export anonymisé.**"));
    assert!(export::html(&s, &o).unwrap().contains("Export anonymisé"));
    assert!(export::svg(&s, &o).contains("Export anonymisé"));
    assert!(export::csv(&s, &o).unwrap().contains("author (anonymized)"));
    assert!(
        export::json(&s, &o)
            .unwrap()
            .contains("\"anonymized\": true")
    );
    let md = export::markdown(&s, &o);
    assert!(md.contains("| Agents publics | 4 |"), "counts by role only");
}

//! `--anonymize`: no participant, facilitator or guest name, e-mail
//! address, handle, phone number or owner's organisation from the session
//! survives, in any format; the place and the method library stay as
//! written, the roles stay and the document says it was anonymized. The
//! demo is checked as a user exports it (`atelier export … --anonymize`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod anonymize_support;
mod export_support;
mod support;

use anonymize_support::{content, digit_runs, glued_at, has_word, plain};
use atelier::export::{self, Format};
use atelier::model::text::fold;
use atelier::model::{Comment, Guest, Id, Session, Timestamp};
use export_support::{demo, opts};

const EMAILS: [&str; 4] = [
    "amelie.roux@paris.fr",
    "j.lefevre+atelier@mairie-paris.fr",
    "noel.bertrand@example.org",
    "KARIM_H@centre-social.asso.fr",
];

const PHONES: [&str; 12] = [
    "06 12 34 56 78",
    "+33 6 12 34 56 79",
    "01.42.76.40.40",
    "+33 (0)1 42 76 40 41",
    "0798765432",
    "07-98-76-54-31",
    "+44 20 7946 0958",
    "+1 (555) 123-4567",
    "0033 6 98 76 54 32",
    "+33612345670",
    "+1 (415) 555-0132",
    "06/11/22/33/44",
];

const HANDLES: [&str; 3] = [
    "@karimhaddad",
    "@amelie_roux@mastodon.social",
    "loic@signal",
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
    // Several in a row, as people type them.
    s.notes[4].text = format!(
        "Numéros : {} / {} / {} ; {} {} ; {},{}",
        PHONES[1], PHONES[2], PHONES[4], PHONES[8], PHONES[9], PHONES[10], PHONES[11]
    );
    s.notes[5].text = format!(
        "Suivre {} et {} ; Loïc : {} ; le 09/07/2026 à 14:30, 2 300 usagers, 75010.",
        HANDLES[0], HANDLES[1], HANDLES[2]
    );
    // A name typed on a phone: a guest author, and one from an older file.
    s.guests.push(Guest {
        id: Id::from("g-1"),
        name: "Noémie Vasseur".into(),
    });
    s.stickies[2].author = Some(Id::from("g-1"));
    s.stickies[2].text = "Une idée de Noémie : des brumisateurs".into();
    s.stickies[3].author = None;
    s.stickies[3].text = "Des bancs à l'ombre — Zacharie Obelin".into();
    s.stickies[4].tags.push("Idée de Karim".into());
    s.stickies[0].text = format!("Appeler Inès au {} — Loïc est d'accord", PHONES[6]);
    s.stickies[1].text = format!("Londres : {} ; USA : {}", PHONES[6], PHONES[7]);
    s.clusters[0].title = "Idées de Karim Haddad".into();
    s.rounds[0].title = "Vote animé par Zoé Marchand".into();
    s.agenda[0].steps[0].prompt = format!("Questions à {}", EMAILS[3]);
    s.agenda[1].title = "Visite guidée par Bénédicte".into();
    s.actions[0].owner = "Noël Bertrand".into();
    s.actions[2].owner = "Service des espaces verts (Marc Olivier, 06 55 44 33 22)".into();
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

/// Every name part to look for: first and last names of participants,
/// facilitators and guests (folded), plus the accent-less spellings.
fn name_parts(s: &Session) -> Vec<String> {
    let mut names: Vec<String> = s.participants.iter().map(|p| p.name.clone()).collect();
    for f in &s.facilitators {
        names.push(f.split(" (").next().unwrap().to_owned());
    }
    names.extend(s.guests.iter().map(|g| g.name.clone()));
    let mut parts = vec![
        "nguyen".to_owned(),
        "delacroix".to_owned(),
        "zacharie".to_owned(),
        "obelin".to_owned(),
    ];
    for n in names {
        for w in n.split([' ', '-']) {
            if w.chars().count() >= 3 {
                parts.push(fold(w));
            }
        }
    }
    parts
}

/// The organisations owners were given in the demo, beside a person's
/// name or alone, that no other text of the session holds.
fn owner_organisations(s: &Session) -> Vec<String> {
    let others = fold(&format!(
        "{:?}",
        (
            &s.notes,
            &s.stickies,
            &s.clusters,
            &s.agenda,
            &s.challenge,
            &s.place,
            &s.title
        )
    )) + &fold(&format!(
        "{:?}",
        s.actions.iter().map(|a| &a.text).collect::<Vec<_>>()
    ));
    let mut out = Vec::new();
    for a in &s.actions {
        for part in a.owner.split(['(', ')', ',']) {
            let part = part.trim();
            let named = s
                .participants
                .iter()
                .any(|p| fold(part).contains(&fold(&p.name)));
            if part.chars().count() >= 3 && !named && !others.contains(&fold(part)) {
                out.push(part.to_owned());
            }
        }
    }
    out
}

/// The phrases of the place, kept as written (with the participant's
/// first name in it): taken out before looking for names.
fn without_place(folded: &str) -> String {
    folded.replace("francoise-sagan", "")
}

/// The 6-digit pieces of a phone number's last 8 digits: none may be
/// left, even a number cut in two.
fn phone_pieces(phone: &str) -> Vec<String> {
    let d: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    let tail = &d[d.len() - 8..];
    tail.windows(6).map(|w| w.iter().collect()).collect()
}

/// Nothing of `s` that identifies someone is in its anonymized exports:
/// `raw(format)` gives the export.
fn assert_nothing_identifying(s: &Session, raw: impl Fn(Format) -> String) {
    let parts = name_parts(s);
    let orgs = owner_organisations(s);
    assert!(!orgs.is_empty(), "the session has owners' organisations");
    for format in Format::ALL {
        let raw = raw(format);
        let text = plain(format, &raw);
        let folded = fold(&text);
        let words = without_place(&fold(&content(format, &raw)));
        for p in &parts {
            assert!(!has_word(&words, p), "{format:?}: name part {p:?} survived");
        }
        for e in EMAILS {
            assert!(!folded.contains(&fold(e)), "{format:?}: {e}");
        }
        for h in HANDLES {
            let name = h.trim_start_matches('@').split('@').next().unwrap();
            assert!(!folded.contains(&fold(name)), "{format:?}: {h}");
        }
        assert_eq!(glued_at(&text), None, "{format:?}: an address survived");
        let runs = digit_runs(&content(format, &raw));
        for p in PHONES {
            for piece in phone_pieces(p) {
                assert!(
                    !runs.iter().any(|r| r.contains(&piece)),
                    "{format:?}: {piece} of {p} survived in {runs:?}"
                );
            }
        }
        for o in &orgs {
            assert!(
                !folded.contains(&fold(o)),
                "{format:?}: owner's {o:?} survived"
            );
        }
        // The organisations that described participants are gone too.
        for p in &s.participants {
            assert!(
                !text.contains(&p.organisation),
                "{format:?}: {}",
                p.organisation
            );
        }
    }
}

#[test]
fn nothing_identifying_survives_in_any_format() {
    let s = leaky();
    assert_nothing_identifying(&s, |format| {
        export::export(format, &s, &opts(true)).unwrap()
    });
}

#[test]
fn the_demo_exported_anonymized_by_the_command_holds_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.ron");
    std::fs::write(&file, export_support::DEMO).unwrap();
    let s = demo();
    // The demo's own leaks: owners with organisations, a place with a
    // participant's first name (kept), no phone or address.
    let raw = |format: Format| {
        let out = support::cli::run(
            dir.path(),
            &[
                "export",
                file.to_str().unwrap(),
                "--anonymize",
                "-o",
                "-",
                "--format",
                format.name(),
            ],
            &[("LANG", "C")],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let outputs: Vec<(Format, String)> = Format::ALL.iter().map(|&f| (f, raw(f))).collect();
    let output = |format: Format| {
        outputs
            .iter()
            .find(|(f, _)| *f == format)
            .map(|(_, o)| o.clone())
            .unwrap()
    };
    assert!(
        owner_organisations(&s).iter().any(|o| o == "Mairie du 10e"),
        "the demo has owners' organisations"
    );
    assert_nothing_identifying(&s, output);
    for format in Format::ALL {
        let raw = output(format);
        let text = plain(format, &raw);
        if matches!(
            format,
            Format::Md | Format::Html | Format::Svg | Format::Runsheet
        ) {
            // (CSV and JSON hold ids, with digits.)
            let long: Vec<String> = digit_runs(&content(format, &raw))
                .into_iter()
                .filter(|r| r.len() >= 9)
                .collect();
            assert_eq!(long, Vec::<String>::new(), "{format:?}: a long number");
        }
        if format != Format::Svg {
            // The place, or a note naming it (the picture of the board has neither).
            assert!(
                text.contains("Françoise-Sagan"),
                "{format:?}: the place as written"
            );
        }
    }
    // The check above finds what it looks for.
    let clear = export::export(Format::Md, &s, &opts(false)).unwrap();
    assert!(clear.contains("Mairie du 10e") && clear.contains("Karim Haddad"));
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

#[test]
fn a_reviewers_name_is_redacted_in_texts_too() {
    let mut s = leaky();
    let time = s.comments[0].time;
    s.comments.push(Comment {
        id: Id::from("c3"),
        about: None,
        author: "Zoé Laurent".into(),
        text: "Vu, merci.".into(),
        time,
    });
    s.notes[1].text = "Zoé Laurent a repris les chiffres du matin.".into();
    let clear = export::export(Format::Md, &s, &opts(false)).unwrap();
    assert!(clear.contains("Zoé Laurent a repris"), "the leak is there");
    for format in Format::ALL {
        let out = export::export(format, &s, &opts(true)).unwrap();
        assert!(
            !fold(&out).contains("laurent"),
            "{format:?} keeps the reviewer's name:\n{}",
            out.lines()
                .filter(|l| fold(l).contains("laurent"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    let a = export::anonymize(&s);
    assert_eq!(a.comments[2].author, "R2", "a reviewer of their own");
    assert!(
        a.notes[1].text.starts_with("R2 a repris"),
        "{}",
        a.notes[1].text
    );
}

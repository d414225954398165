//! The session file round trip: any session saved then loaded is equal, the
//! same session always gives the same bytes, the shipped files are in their
//! canonical form, and older format versions keep loading.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atelier::model::*;
use atelier::store;
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/// Characters a session's texts may hold: any Unicode scalar value, with the
/// tricky ones made frequent (accents, CJK, emoji, quotes, backslashes, `#`
/// of raw strings, newlines, tabs, escape sequences, NUL, line separators,
/// a BOM).
///
/// `'\r'` is excluded: the loader turns CRLF into LF for the whole file
/// before parsing, and the app normalizes typed text the same way, so a text
/// holding "\r\n" is not something a session carries. (`to_ron` does in fact
/// escape `'\r'`, a control character; `cr_in_a_text_survives` checks that.)
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        4 => prop::sample::select(vec![
            'a', 'Z', ' ', 'é', 'è', 'à', 'ç', 'Œ', 'ß', '中', '文', '日', 'あ', '한', '😀', '🌳',
            '👩', '\u{200d}', '\u{301}', '"', '\'', '\\', '#', 'r', '(', ')', '[', ']', ',', ':',
            '/', '*', '\n', '\t', '\u{1b}', '\u{0}', '\u{7f}', '\u{85}', '\u{2028}', '\u{feff}',
        ]),
    ]
    .prop_map(|c| if c == '\r' { '\n' } else { c })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        1 => Just("r#\"raw\"# \"# \"## \\\" \\u{1b}".to_owned()),
        8 => prop::collection::vec(text_char(), 0..24).prop_map(|v| v.into_iter().collect()),
    ]
}

/// Instants: mostly within RFC 3339's years 0000 to 9999, sometimes any
/// instant `time` knows (years -9999 to 9999), which a `Timestamp` clamps to
/// what the file can hold.
fn timestamp() -> impl Strategy<Value = Timestamp> {
    prop_oneof![
        4 => -62_167_219_200i64..=253_402_300_799,
        1 => -377_705_116_800i64..=253_402_300_799,
    ]
    .prop_map(|s| Timestamp::from_unix(s).unwrap())
}

/// Any calendar date `time` knows (years -9999 to 9999).
fn date() -> impl Strategy<Value = ::time::Date> {
    let (lo, hi) = (
        ::time::Date::MIN.to_julian_day(),
        ::time::Date::MAX.to_julian_day(),
    );
    (lo..=hi).prop_map(|d| ::time::Date::from_julian_day(d).unwrap())
}

fn pick() -> impl Strategy<Value = Option<Index>> {
    prop::option::of(any::<Index>())
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL.to_vec())
}
fn origin() -> impl Strategy<Value = Origin> {
    prop::sample::select(Origin::ALL.to_vec())
}
fn stage_kind() -> impl Strategy<Value = StageKind> {
    prop::sample::select(StageKind::ALL.to_vec())
}
fn note_kind() -> impl Strategy<Value = NoteKind> {
    prop::sample::select(NoteKind::ALL.to_vec())
}
fn colour() -> impl Strategy<Value = Colour> {
    prop::sample::select(Colour::ALL.to_vec())
}
fn produces() -> impl Strategy<Value = Produces> {
    prop::sample::select(vec![
        Produces::Notes,
        Produces::Stickies,
        Produces::Clusters,
        Produces::Votes,
        Produces::Actions,
        Produces::Artifact,
        Produces::Media,
    ])
}
fn status() -> impl Strategy<Value = ActionStatus> {
    prop::sample::select(vec![
        ActionStatus::Todo,
        ActionStatus::Doing,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ])
}
fn timer() -> impl Strategy<Value = Timer> {
    prop_oneof![
        Just(Timer::Idle),
        timestamp().prop_map(|deadline| Timer::Running { deadline }),
        any::<i64>().prop_map(|remaining| Timer::Paused { remaining }),
    ]
}

/// Ids are unique by construction: a per-session style (UUID v7 form, or a
/// hand-written prefix holding any text) followed by a counter.
struct Ids {
    prefix: Option<String>,
    next: u64,
}

impl Ids {
    fn next(&mut self) -> Id {
        self.next += 1;
        match &self.prefix {
            None => Id(format!("0192f0a0-0000-7000-8000-{:012x}", self.next)),
            Some(p) => Id(format!("{p}-{}", self.next)),
        }
    }
}

fn resolve(pick: &Option<Index>, ids: &[Id]) -> Option<Id> {
    match pick {
        Some(i) if !ids.is_empty() => Some(i.get(ids).clone()),
        _ => None,
    }
}

type StepShape = (
    String,
    u32,
    String,
    Vec<Produces>,
    Option<Timestamp>,
    Option<Timestamp>,
);
type StageShape = (
    String,
    String,
    StageKind,
    Vec<StepShape>,
    Option<Timestamp>,
    Option<Timestamp>,
);

fn step_shape() -> impl Strategy<Value = StepShape> {
    (
        text(),
        any::<u32>(),
        text(),
        prop::collection::vec(produces(), 0..3),
        prop::option::of(timestamp()),
        prop::option::of(timestamp()),
    )
}

fn stage_shape() -> impl Strategy<Value = StageShape> {
    (
        text(),
        text(),
        stage_kind(),
        prop::collection::vec(step_shape(), 0..4),
        prop::option::of(timestamp()),
        prop::option::of(timestamp()),
    )
}

fn session() -> impl Strategy<Value = Session> {
    let head = (
        prop::option::of(text()),
        text(),
        prop::option::of(text()),
        (text(), origin()),
        prop::option::of(date()),
        text(),
        prop::collection::vec(text(), 0..3),
    );
    let people = prop::collection::vec((text(), role(), text()), 0..5);
    let agenda = prop::collection::vec(stage_shape(), 0..4);
    let run = (pick(), pick(), timer());
    let notes = prop::collection::vec(
        (
            note_kind(),
            pick(),
            pick(),
            prop::collection::vec(text(), 0..3),
            text(),
            timestamp(),
        ),
        0..5,
    );
    let clusters = prop::collection::vec((text(), pick()), 0..4);
    let stickies = prop::collection::vec(
        (
            text(),
            pick(),
            colour(),
            pick(),
            pick(),
            any::<bool>(),
            timestamp(),
        ),
        0..6,
    );
    let rounds = prop::collection::vec(
        (
            text(),
            pick(),
            any::<u32>(),
            prop::option::of(any::<u32>()),
            timestamp(),
        ),
        0..3,
    );
    let votes = prop::collection::vec(
        (
            any::<Index>(),
            pick(),
            any::<bool>(),
            any::<Index>(),
            any::<u32>(),
        ),
        0..6,
    );
    let actions = prop::collection::vec((text(), text(), prop::option::of(date()), status()), 0..4);
    let comments = prop::collection::vec((pick(), text(), text(), timestamp()), 0..3);
    (
        (head, people, agenda, run),
        (notes, clusters, stickies, rounds),
        (votes, actions, comments),
    )
        .prop_map(|(a, b, c)| build(a, b, c))
}

type Head = (
    Option<String>,
    String,
    Option<String>,
    (String, Origin),
    Option<::time::Date>,
    String,
    Vec<String>,
);
type Part1 = (
    Head,
    Vec<(String, Role, String)>,
    Vec<StageShape>,
    (Option<Index>, Option<Index>, Timer),
);
type NoteShape = (
    NoteKind,
    Option<Index>,
    Option<Index>,
    Vec<String>,
    String,
    Timestamp,
);
type StickyShape = (
    String,
    Option<Index>,
    Colour,
    Option<Index>,
    Option<Index>,
    bool,
    Timestamp,
);
type RoundShape = (String, Option<Index>, u32, Option<u32>, Timestamp);
type Part2 = (
    Vec<NoteShape>,
    Vec<(String, Option<Index>)>,
    Vec<StickyShape>,
    Vec<RoundShape>,
);
type Part3 = (
    Vec<(Index, Option<Index>, bool, Index, u32)>,
    Vec<(String, String, Option<::time::Date>, ActionStatus)>,
    Vec<(Option<Index>, String, String, Timestamp)>,
);

fn build(
    (
        (prefix, title, language, (statement, origin), date, place, facilitators),
        people,
        agenda,
        run,
    ): Part1,
    (notes, clusters, stickies, rounds): Part2,
    (votes, actions, comments): Part3,
) -> Session {
    let mut ids = Ids { prefix, next: 0 };
    let mut s = Session::new(atelier::model::Id::new(), title);
    s.id = ids.next();
    s.language = language;
    s.challenge = Challenge { statement, origin };
    s.date = date;
    s.place = place;
    s.facilitators = facilitators;
    s.participants = people
        .into_iter()
        .map(|(name, role, organisation)| Participant {
            id: ids.next(),
            name,
            role,
            organisation,
        })
        .collect();
    s.agenda = agenda
        .into_iter()
        .map(|(title, method, kind, steps, started, ended)| Stage {
            id: ids.next(),
            method,
            title,
            kind,
            steps: steps
                .into_iter()
                .map(|(title, minutes, prompt, produces, started, ended)| Step {
                    id: ids.next(),
                    title,
                    minutes,
                    prompt,
                    produces,
                    started,
                    ended,
                })
                .collect(),
            started,
            ended,
        })
        .collect();
    // Guests (authors who are not participants) come from the same names.
    s.guests = s
        .facilitators
        .iter()
        .map(|name| Guest {
            id: ids.next(),
            name: name.clone(),
        })
        .collect();
    s.time_zone = s
        .title
        .len()
        .is_multiple_of(2)
        .then(|| "Europe/Paris".to_owned());
    // A start time on some sessions, at any minute of the day.
    s.start = s
        .title
        .len()
        .is_multiple_of(3)
        .then(|| {
            atelier::model::ClockTime::new((s.title.len() % 24) as u8, (s.place.len() % 60) as u8)
        })
        .flatten();
    let people: Vec<Id> = s
        .participants
        .iter()
        .map(|p| p.id.clone())
        .chain(s.guests.iter().map(|g| g.id.clone()))
        .collect();
    let voters: Vec<Id> = s.participants.iter().map(|p| p.id.clone()).collect();
    let stages: Vec<Id> = s.agenda.iter().map(|x| x.id.clone()).collect();
    let steps: Vec<Id> = s
        .agenda
        .iter()
        .flat_map(|x| x.steps.iter().map(|y| y.id.clone()))
        .collect();
    // The run's step, when set, is a step of the run's stage (else of any
    // stage, and then that stage is the run's).
    let step = resolve(&run.1, &steps);
    let stage = match &step {
        Some(st) => s
            .agenda
            .iter()
            .find(|x| x.steps.iter().any(|y| &y.id == st))
            .map(|x| x.id.clone()),
        None => resolve(&run.0, &stages),
    };
    s.run = Run {
        stage,
        step,
        timer: run.2,
    };
    s.notes = notes
        .into_iter()
        .map(|(kind, stage, author, tags, text, time)| Note {
            id: ids.next(),
            kind,
            stage: resolve(&stage, &stages),
            author: resolve(&author, &people),
            private: text.len().is_multiple_of(3),
            tags,
            text,
            time,
        })
        .collect();
    s.clusters = clusters
        .into_iter()
        .map(|(title, stage)| Cluster {
            id: ids.next(),
            title,
            stage: resolve(&stage, &stages),
        })
        .collect();
    let cluster_ids: Vec<Id> = s.clusters.iter().map(|x| x.id.clone()).collect();
    s.stickies = stickies
        .into_iter()
        .map(
            |(text, author, colour, stage, cluster, parked, time)| Sticky {
                id: ids.next(),
                author: resolve(&author, &people),
                colour,
                stage: resolve(&stage, &stages),
                cluster: resolve(&cluster, &cluster_ids),
                parked,
                time,
                tags: text.split_whitespace().take(2).map(str::to_owned).collect(),
                private: text.len() % 4 == 1,
                text,
            },
        )
        .collect();
    let sticky_ids: Vec<Id> = s.stickies.iter().map(|x| x.id.clone()).collect();
    s.rounds = rounds
        .into_iter()
        .map(|(title, stage, dots, cap, opened)| VotingRound {
            id: ids.next(),
            title,
            stage: resolve(&stage, &stages),
            dots,
            cap,
            opened,
            anonymous: false,
            on_stickies: false,
        })
        .collect();
    let round_ids: Vec<Id> = s.rounds.iter().map(|x| x.id.clone()).collect();
    s.votes = votes
        .into_iter()
        .filter_map(|(round, participant, on_sticky, target, count)| {
            let round = resolve(&Some(round), &round_ids)?;
            let target = match (on_sticky, sticky_ids.is_empty(), cluster_ids.is_empty()) {
                (_, true, true) => return None,
                (true, false, _) | (false, false, true) => {
                    Target::Sticky(target.get(&sticky_ids).clone())
                }
                _ => Target::Cluster(target.get(&cluster_ids).clone()),
            };
            Some(Vote {
                id: ids.next(),
                round,
                participant: resolve(&participant, &voters),
                target,
                count,
            })
        })
        .collect();
    s.actions = actions
        .into_iter()
        .map(|(text, owner, due, status)| ActionItem {
            id: ids.next(),
            text,
            owner,
            due,
            status,
        })
        .collect();
    // A comment may be about any item of the session, or the session itself.
    let mut every_id: Vec<Id> = vec![s.id.clone()];
    every_id.extend(people.iter().cloned());
    every_id.extend(stages.iter().cloned());
    every_id.extend(steps.iter().cloned());
    every_id.extend(s.notes.iter().map(|x| x.id.clone()));
    every_id.extend(sticky_ids.iter().cloned());
    every_id.extend(cluster_ids.iter().cloned());
    every_id.extend(round_ids.iter().cloned());
    every_id.extend(s.votes.iter().map(|x| x.id.clone()));
    every_id.extend(s.actions.iter().map(|x| x.id.clone()));
    s.comments = comments
        .into_iter()
        .map(|(about, author, text, time)| Comment {
            id: ids.next(),
            about: resolve(&about, &every_id),
            author,
            text,
            time,
        })
        .collect();
    s
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_session_round_trips(s in session()) {
        prop_assert_eq!(validate(&s), vec![], "the generator made an inconsistent session");

        let text = store::to_ron(&s).unwrap();
        prop_assert!(text.starts_with(store::HEADER));
        // Raw control characters other than newline and tab never reach the file.
        prop_assert!(
            !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "a raw control character in:\n{}", text
        );

        let loaded = store::load_str("prop.ron", &text)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&loaded, &s);

        // Through the bytes, as `load_file` reads them (UTF-8, NUL and CRLF checks).
        let decoded = store::decode("prop.ron", text.as_bytes()).unwrap();
        prop_assert_eq!(&store::load_str("prop.ron", &decoded).unwrap(), &s);

        // Saving twice gives identical bytes, from the session and from its reload.
        prop_assert_eq!(&store::to_ron(&s).unwrap(), &text);
        prop_assert_eq!(&store::to_ron(&loaded).unwrap(), &text);
        prop_assert_eq!(validate(&loaded), vec![]);
    }
}

/// The property test's exclusion of `'\r'` is about typed text only: a text
/// holding a carriage return is written escaped, so the file-wide CRLF
/// normalization of the loader cannot touch it.
#[test]
fn cr_in_a_text_survives() {
    let mut s = Session::new(atelier::model::Id::new(), "line one\r\nline two\rthree");
    s.place = "a\r\n".into();
    let text = store::to_ron(&s).unwrap();
    assert!(!text.contains('\r'), "a raw CR was written:\n{text}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cr.ron");
    std::fs::write(&path, &text).unwrap();
    assert_eq!(store::load_file(&path).unwrap(), s);
}

/// Multi-line texts stay readable: written raw, not as `\n` escapes, when
/// the session holds no other control character.
#[test]
fn multi_line_text_is_written_as_lines() {
    let mut s = Session::new(atelier::model::Id::new(), "Atelier");
    s.challenge.statement = "Première ligne,\n\tdeuxième « ligne » avec \"guillemets\"".into();
    let text = store::to_ron(&s).unwrap();
    assert!(
        text.contains("Première ligne,\n\tdeuxième « ligne »"),
        "{text}"
    );
    assert_eq!(store::load_str("m.ron", &text).unwrap(), s);

    // One escape character anywhere switches the whole file to escapes.
    s.place = "\u{1b}[31mred".into();
    let text = store::to_ron(&s).unwrap();
    assert!(text.contains(r"Première ligne,\n\tdeuxième"), "{text}");
    assert!(text.contains(r"\u{1b}[31mred"), "{text}");
    assert_eq!(store::load_str("m.ron", &text).unwrap(), s);
}

// ---------------------------------------------------------------------------
// Golden files
// ---------------------------------------------------------------------------

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `path` loads, is consistent, and saving it again changes no byte.
fn assert_canonical(path: &Path) -> Session {
    let bytes = std::fs::read(path).unwrap();
    let session = store::load_file(path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(validate(&session), vec![]);
    let again = store::to_ron(&session).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    if again != text {
        let (n, (want, got)) = text
            .lines()
            .chain(std::iter::repeat("<end of file>"))
            .zip(again.lines().chain(std::iter::repeat("<end of output>")))
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .unwrap();
        panic!(
            "{} is not in canonical form (run `atelier fmt` on it); first difference at line {}:\n  file:  {want}\n  saved: {got}",
            path.display(),
            n + 1
        );
    }
    session
}

#[test]
fn demo_is_canonical() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/demo.ron");
    let demo = assert_canonical(&path);
    assert_eq!(demo.format, FORMAT);
    assert!(!demo.title.is_empty());
}

#[test]
fn full_fixture_is_canonical_and_complete() {
    let s = assert_canonical(&fixture("full.ron"));
    // The fixture exercises every section, so a change of layout in any of
    // them shows up here as a diff.
    assert!(s.language.is_some() && s.date.is_some());
    assert!(!s.participants.is_empty() && !s.agenda.is_empty());
    assert!(matches!(s.run.timer, Timer::Running { .. }));
    assert!(!s.notes.is_empty() && !s.stickies.is_empty() && !s.clusters.is_empty());
    assert!(!s.rounds.is_empty() && !s.votes.is_empty());
    assert!(!s.actions.is_empty() && !s.comments.is_empty());
    assert!(s.stickies.iter().any(|x| x.parked));
    assert!(s.stickies.iter().any(|x| x.text.contains('\n')));
    assert!(s.time_zone.is_some() && !s.guests.is_empty());
    assert!(s.start.is_some() && s.agenda.iter().any(|st| st.is_break()));
    assert!(s.stickies.iter().any(|x| x.private) && s.notes.iter().any(|x| x.private));
    assert!(s.stickies.iter().any(|x| !x.tags.is_empty()));
    assert!(
        s.stickies
            .iter()
            .any(|x| x.author.as_ref() == Some(&s.guests[0].id))
    );
}

#[test]
fn version_2_file_reads_as_version_3() {
    let path = fixture("v2.ron");
    let before = std::fs::read(&path).unwrap();
    assert!(String::from_utf8_lossy(&before).contains("format: 2,"));
    let s = store::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.format, FORMAT);
    assert_eq!(s.time_zone, None);
    assert_eq!(s.start, None, "no start time: clock times count from now");
    assert!(s.guests.is_empty());
    assert!(s.stickies.iter().all(|x| !x.private && x.tags.is_empty()));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "loading never rewrites"
    );
}

// ---------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------

#[test]
fn version_1_file_keeps_loading() {
    let path = fixture("v1.ron");
    let before = std::fs::read(&path).unwrap();
    assert!(
        String::from_utf8_lossy(&before).contains("format: 1,"),
        "the fixture must stay in format 1"
    );

    let s = store::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.format, FORMAT);
    assert_eq!(
        s.challenge,
        Challenge {
            statement: "Comment garder les bibliothèques fraîches\npendant les canicules ?".into(),
            origin: Origin::Elected,
        }
    );
    assert_eq!(s.title, "Bibliothèques au frais");
    assert_eq!(s.participants.len(), 2);
    assert_eq!(s.participants[1].role, Role::ElectedOfficial);
    assert_eq!(s.stickies.len(), 2);
    assert_eq!(s.votes.len(), 1);
    assert_eq!(validate(&s), vec![]);

    // Loading never rewrites the file.
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // Saved again, it is a current-format file that loads to the same session.
    let text = store::to_ron(&s).unwrap();
    assert!(text.contains(&format!("format: {FORMAT},")));
    assert!(!text.contains("format: 1,"));
    assert_eq!(store::load_str("v2.ron", &text).unwrap(), s);
}

#[test]
fn version_1_with_a_version_2_field_is_an_error() {
    let text = std::fs::read_to_string(fixture("v1.ron"))
        .unwrap()
        .replace("format: 1,", "format: 1,\n    challengee: \"\",");
    let e = store::load_str("mixed.ron", &text).unwrap_err();
    let shown = e.to_string();
    assert!(shown.starts_with("mixed.ron:6:5: "), "{shown}");
    assert!(shown.contains("challengee"), "{shown}");
}

/// `atelier fmt` rewrites a hand-edited (here: old-format) file canonically;
/// a file that named no time zone gets the machine's, and fmt says so.
#[test]
fn fmt_rewrites_an_old_file_canonically() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.ron");
    std::fs::copy(fixture("v1.ron"), &path).unwrap();
    let mut before = store::load_file(&path).unwrap();
    assert_eq!(before.time_zone, None);
    let zone = atelier::model::Zone::named("America/Montreal").unwrap();

    let mut out = Vec::new();
    assert!(atelier::commands::fmt(std::slice::from_ref(&path), &zone, "en", &mut out).unwrap());
    let out = String::from_utf8(out).unwrap();
    assert_eq!(
        out,
        format!(
            "{0}: note: it named no time zone; it now keeps America/Montreal (this computer's)\n{0}: ok\n",
            path.display()
        )
    );

    let after = assert_canonical(&path);
    before.time_zone = Some("America/Montreal".into());
    assert_eq!(after, before);
    // A second fmt changes nothing, whatever the machine's zone.
    let bytes = std::fs::read(&path).unwrap();
    let mut out = Vec::new();
    let utc = atelier::model::Zone::utc();
    assert!(atelier::commands::fmt(std::slice::from_ref(&path), &utc, "en", &mut out).unwrap());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("{}: ok\n", path.display())
    );
}

// ---------------------------------------------------------------------------
// The list of sessions
// ---------------------------------------------------------------------------

/// The home screen lists session files by title, read from their first
/// lines: titles with quotes (raw strings) or written with escapes read
/// back as they were typed.
#[test]
fn list_sessions_reads_titles() {
    let dir = tempfile::tempdir().unwrap();
    let titles = [
        "Été à l'école",
        "Elle a dit \"trop chaud\" \\o/",
        "Couleurs \u{1b}[31m",
    ];
    for (i, t) in titles.iter().enumerate() {
        let text = store::to_ron(&Session::new(atelier::model::Id::new(), *t)).unwrap();
        std::fs::write(dir.path().join(format!("s{i}.ron")), text).unwrap();
    }
    std::fs::write(dir.path().join("notes.txt"), "not a session").unwrap();
    let mut listed: Vec<String> = store::list_sessions(dir.path())
        .into_iter()
        .map(|e| e.title)
        .collect();
    listed.sort();
    let mut expected: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    expected.sort();
    assert_eq!(listed, expected);
}

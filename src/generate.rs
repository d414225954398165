//! Large, realistic sessions for benchmarks and tests.
//!
//! [`session`] builds a whole workshop from a number of sticky notes and a
//! seed: the same arguments always give the same session, ids and times
//! included (no clock, no global random source), so a benchmark or a test
//! can rebuild exactly the data it measured. `atelier generate` writes one
//! to a file.
//!
//! Proportions, for `n` stickies:
//! - about `n / 4` notes (40 to 400 characters, some on several lines);
//! - `max(3, n / 12)` clusters; 15% of the stickies left in the inbox, 3%
//!   parked, the rest spread over the clusters (none left empty);
//! - 12 to 30 participants with French names;
//! - the agenda of the bundled "transfo-codesign-day" template in French
//!   (a fixed agenda if the library lacks it), run up to its synthesis stage;
//! - one or two dot-voting rounds of 3 dots per participant (within budget
//!   and cap), and a few action items.
//!
//! Texts are French with accents, with some emoji and CJK; stickies are 20
//! to 140 characters long.

use crate::methods::Library;
use crate::model::{
    ActionItem, ActionStatus, Challenge, Cluster, Colour, FORMAT, Id, Note, NoteKind, Origin,
    Participant, Produces, Role, Run, Session, Stage, StageKind, Step, Sticky, Target, Timer,
    Timestamp, Vote, VotingRound,
};

mod words;

use words::{
    CJK, EMOJI, FIRST_NAMES, LAST_NAMES, NOTE_WORDS, ORGANISATIONS, STICKY_WORDS, TAGS, THEMES,
};

/// The template the agenda is built from.
pub const TEMPLATE: &str = "transfo-codesign-day";

/// 2026-06-12T07:30:00Z: the workshop starts then, whatever the seed.
const START: i64 = 1_781_249_400;

/// Dots per participant in every generated round.
pub const DOTS: u32 = 3;

/// A session with `stickies` sticky notes, the rest in proportion (see the
/// module's documentation). Deterministic: same arguments, same session.
pub fn session(stickies: usize, seed: u64) -> Session {
    Gen::new(seed).session(stickies)
}

/// SplitMix64: small, fast, and good enough to make test data.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Gen {
    rng: Rng,
    /// Ids come from this counter (and the seed), never from the clock.
    ids: u64,
    seed: u64,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng(seed ^ 0x0a7e_11e5_0a7e_11e5),
            ids: 0,
            seed,
        }
    }

    /// The next id: shaped as a UUID v7 whose time is the workshop's start
    /// plus the counter in milliseconds (so ids sort in creation order), and
    /// whose random bits come from the seed and the counter.
    fn id(&mut self) -> Id {
        let n = self.ids;
        self.ids += 1;
        let ms = (START as u64) * 1000 + n;
        let mut bits = Rng(self.seed.rotate_left(17) ^ n.wrapping_mul(0x2545_f491_4f6c_dd1d));
        let a = bits.next();
        let b = bits.next();
        Id(format!(
            "{:08x}-{:04x}-7{:03x}-{:04x}-{:012x}",
            (ms >> 16) & 0xffff_ffff,
            ms & 0xffff,
            a & 0xfff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        ))
    }

    fn session(&mut self, n: usize) -> Session {
        let id = self.id();
        let participants = self.participants();
        let agenda = self.agenda();
        let mut s = Session {
            format: FORMAT,
            id,
            title: format!(
                "Bibliothèques fraîches n°{} : {n} post-its pour des étés vivables",
                self.seed
            ),
            language: Some("fr".into()),
            challenge: Challenge {
                statement: "Comment garder les bibliothèques et les écoles fraîches et accueillantes \
                            pendant les canicules, pour que chacun, et d'abord les plus fragiles, y \
                            trouve un refuge ? 🌡️"
                    .into(),
                origin: Origin::Public,
            },
            date: Some(time::macros::date!(2026 - 06 - 12)),
            time_zone: Some("Europe/Paris".into()),
            start: None,
            place: "Médiathèque Françoise-Sagan, Paris 10e".into(),
            facilitators: vec![
                "Zoé Marchand (lab d'innovation publique)".into(),
                "Thibault Nguyễn (La 27e Région)".into(),
            ],
            participants,
            guests: Vec::new(),
            agenda,
            run: Run::default(),
            notes: Vec::new(),
            stickies: Vec::new(),
            clusters: Vec::new(),
            rounds: Vec::new(),
            votes: Vec::new(),
            actions: Vec::new(),
            comments: Vec::new(),
            prototypes: Vec::new(),
            attachments: Vec::new(),
            conflicts: Vec::new(),
            sticky_index: Default::default(),
        };
        let synthesis = self.run_until_synthesis(&mut s);
        s.clusters = self.clusters(n, synthesis.clone());
        s.stickies = self.stickies(&s, n, synthesis.clone());
        s.notes = self.notes(&s, n / 4);
        self.votes(&mut s, synthesis);
        s.actions = self.actions(&s);
        s
    }

    fn participants(&mut self) -> Vec<Participant> {
        let count = self.rng.range(12, 30);
        let offset = self.rng.below(FIRST_NAMES.len());
        (0..count)
            .map(|i| {
                // Distinct first names, in a seed-dependent order.
                let first = FIRST_NAMES[(offset + i * 7) % FIRST_NAMES.len()];
                let last = *self.rng.pick(LAST_NAMES);
                let role = *self.rng.pick(&Role::ALL);
                let organisation = self.rng.pick(ORGANISATIONS).to_string();
                Participant {
                    id: self.id(),
                    name: format!("{first} {last}"),
                    role,
                    organisation,
                }
            })
            .collect()
    }

    /// The template's agenda in French with ids of ours, or a fixed one.
    fn agenda(&mut self) -> Vec<Stage> {
        let library = Library::bundled();
        let mut agenda = library
            .template(TEMPLATE)
            .and_then(|t| {
                library
                    .agenda(t, "fr", &mut crate::model::Ids::from_clock())
                    .ok()
            })
            .filter(|a| a.iter().any(|st| st.kind == StageKind::Synthesis))
            .unwrap_or_else(fixed_agenda);
        for stage in &mut agenda {
            stage.id = self.id();
            for step in &mut stage.steps {
                step.id = self.id();
            }
        }
        agenda
    }

    /// Mark the stages before the (first) synthesis stage as run, make its
    /// first step current (its timer not started), and return its id.
    fn run_until_synthesis(&mut self, s: &mut Session) -> Option<Id> {
        let current = s
            .agenda
            .iter()
            .position(|st| st.kind == StageKind::Synthesis && !st.steps.is_empty())?;
        let mut at = START;
        for stage in &mut s.agenda[..current] {
            stage.started = ts(at);
            for step in &mut stage.steps {
                step.started = ts(at);
                at += i64::from(step.minutes) * 60 + self.rng.range(0, 240) as i64 - 120;
                step.ended = ts(at);
            }
            stage.ended = ts(at);
        }
        // The current step has not started: opened later, the session
        // shows the time of the stages that ran, not months of pause.
        let stage = &s.agenda[current];
        s.run = Run {
            stage: Some(stage.id.clone()),
            step: Some(stage.steps[0].id.clone()),
            timer: Timer::Idle,
        };
        Some(stage.id.clone())
    }

    fn clusters(&mut self, n: usize, stage: Option<Id>) -> Vec<Cluster> {
        let count = (n / 12).max(3);
        (0..count)
            .map(|i| {
                let theme = THEMES[i % THEMES.len()];
                let title = if i < THEMES.len() {
                    theme.to_owned()
                } else {
                    format!("{theme} ({})", i / THEMES.len() + 1)
                };
                Cluster {
                    id: self.id(),
                    title,
                    stage: stage.clone(),
                }
            })
            .collect()
    }

    fn stickies(&mut self, s: &Session, n: usize, stage: Option<Id>) -> Vec<Sticky> {
        // Exact shares: 15% inbox, 3% parked, the rest clustered, shuffled.
        let inbox = n * 15 / 100;
        let parked = n * 3 / 100;
        let clustered = n - inbox - parked;
        let k = s.clusters.len();
        let mut places: Vec<Option<Option<usize>>> = Vec::with_capacity(n);
        places.extend((0..clustered).map(|j| {
            // Every cluster gets one sticky first, then at random.
            Some(Some(if j < k { j } else { self.rng.below(k) }))
        }));
        places.extend((0..inbox).map(|_| Some(None)));
        places.extend((0..parked).map(|_| None));
        for i in (1..places.len()).rev() {
            let j = self.rng.below(i + 1);
            places.swap(i, j);
        }
        let mut at = START + 3 * 3600;
        places
            .into_iter()
            .map(|place| {
                at += self.rng.range(1, 6) as i64;
                let author =
                    (!self.rng.chance(8)).then(|| self.rng.pick(&s.participants).id.clone());
                Sticky {
                    id: self.id(),
                    text: self.text(20, 140, 2, STICKY_WORDS),
                    author,
                    colour: *self.rng.pick(&Colour::ALL),
                    stage: stage.clone(),
                    cluster: place.flatten().map(|c| s.clusters[c].id.clone()),
                    parked: place.is_none(),
                    time: ts(at).unwrap_or_else(start),
                    tags: Vec::new(),
                    private: false,
                }
            })
            .collect()
    }

    fn notes(&mut self, s: &Session, count: usize) -> Vec<Note> {
        let mut at = START;
        // Notes are taken in the stages that ran and in the current one.
        let stages: Vec<&Stage> = s
            .agenda
            .iter()
            .filter(|st| st.started.is_some() || s.run.stage.as_ref() == Some(&st.id))
            .collect();
        (0..count)
            .map(|_| {
                at += self.rng.range(2, 20) as i64;
                let stage = (!stages.is_empty()).then(|| self.rng.pick(&stages).id.clone());
                let author =
                    (!self.rng.chance(15)).then(|| self.rng.pick(&s.participants).id.clone());
                let tags = (0..self.rng.range(0, 2))
                    .map(|_| self.rng.pick(TAGS).to_string())
                    .collect();
                Note {
                    id: self.id(),
                    kind: *self.rng.pick(&NoteKind::ALL),
                    stage,
                    author,
                    tags,
                    text: self.text(40, 400, 25, NOTE_WORDS),
                    time: ts(at).unwrap_or_else(start),
                    private: false,
                }
            })
            .collect()
    }

    /// Round 1 on clusters; with more than a hundred stickies, round 2 on
    /// stickies with at most 2 dots per item. Each participant spends 2 or
    /// 3 of their 3 dots, one dot at a time, within budget and cap.
    fn votes(&mut self, s: &mut Session, stage: Option<Id>) {
        let rounds = if s.stickies.len() > 100 { 2 } else { 1 };
        let mut opened = START + 5 * 3600;
        for r in 0..rounds {
            let round = VotingRound {
                id: self.id(),
                title: if r == 0 {
                    "Quels thèmes creuser en priorité ?".into()
                } else {
                    "Les idées à prototyper 🛠️".into()
                },
                stage: stage.clone(),
                dots: DOTS,
                cap: (r == 1).then_some(2),
                opened: ts(opened).unwrap_or_else(start),
                anonymous: false,
                on_stickies: false,
            };
            opened += 1800;
            let mut votes: Vec<Vote> = Vec::new();
            for p in 0..s.participants.len() {
                let who = s.participants[p].id.clone();
                let spend = self.rng.range(2, DOTS as usize);
                for _ in 0..spend {
                    let target = if r == 0 {
                        Target::Cluster(self.rng.pick(&s.clusters).id.clone())
                    } else {
                        // Votes gather on the first stickies, as in a room.
                        let i = self.rng.below(s.stickies.len().min(60));
                        Target::Sticky(s.stickies[i].id.clone())
                    };
                    match votes
                        .iter_mut()
                        .find(|v| v.participant.as_ref() == Some(&who) && v.target == target)
                    {
                        Some(v) if round.cap.is_none_or(|c| v.count < c) => v.count += 1,
                        Some(_) => {}
                        None => votes.push(Vote {
                            id: self.id(),
                            round: round.id.clone(),
                            participant: Some(who.clone()),
                            target,
                            count: 1,
                        }),
                    }
                }
            }
            s.rounds.push(round);
            s.votes.extend(votes);
        }
    }

    fn actions(&mut self, s: &Session) -> Vec<ActionItem> {
        let count = self.rng.range(3, 8);
        (0..count)
            .map(|i| {
                let owner = match self.rng.below(3) {
                    0 => self.rng.pick(&s.participants).name.clone(),
                    _ => self.rng.pick(ORGANISATIONS).to_string(),
                };
                let due = time::macros::date!(2026 - 06 - 12)
                    .checked_add(time::Duration::days(14 * (i as i64 + 1)));
                ActionItem {
                    id: self.id(),
                    text: self.text(30, 160, 0, NOTE_WORDS),
                    owner,
                    due,
                    status: *self.rng.pick(&[
                        ActionStatus::Todo,
                        ActionStatus::Todo,
                        ActionStatus::Doing,
                        ActionStatus::Done,
                    ]),
                }
            })
            .collect()
    }

    /// A text of `min..=max` characters made of `words`, ending in a full
    /// stop; `multiline` percent of them span several lines. Some get an
    /// emoji or a phrase in Japanese or Chinese.
    fn text(&mut self, min: usize, max: usize, multiline: usize, words: &[&str]) -> String {
        // Short texts are the most common, as on a real wall.
        let target = min
            + self
                .rng
                .below(max - min + 1)
                .min(self.rng.below(max - min + 1) * 2);
        let lines = self.rng.chance(multiline);
        let mut out = String::new();
        let mut len = 0;
        let mut capital = true;
        while len < target {
            let mut piece = if self.rng.chance(3) {
                self.rng.pick(CJK).to_string()
            } else {
                self.rng.pick(words).to_string()
            };
            if capital {
                piece = capitalize(&piece);
                capital = false;
            }
            if len > 0 {
                let sep = if lines && self.rng.chance(30) {
                    capital = true;
                    piece = capitalize(&piece);
                    ".\n"
                } else if self.rng.chance(12) {
                    ", "
                } else {
                    " "
                };
                out.push_str(sep);
                len += sep.chars().count();
            }
            len += piece.chars().count();
            out.push_str(&piece);
        }
        if self.rng.chance(6) {
            out.push(' ');
            let emoji = *self.rng.pick(EMOJI);
            out.push_str(emoji);
        } else {
            out.push('.');
        }
        // Cut back to `max` characters, at a space when there is one.
        if out.chars().count() > max {
            let cut: String = out.chars().take(max - 1).collect();
            let cut = match cut.rfind(' ') {
                Some(i) if cut[..i].chars().count() >= min + 2 => cut[..i].to_owned(),
                _ => cut,
            };
            out = format!("{}…", cut.trim_end_matches([',', '.', ' ', '\n']));
        }
        out
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn ts(secs: i64) -> Option<Timestamp> {
    Timestamp::from_unix(secs)
}

fn start() -> Timestamp {
    // START is a valid time: from_unix only fails past year 9999.
    Timestamp::from_unix(START).unwrap_or_else(Timestamp::now)
}

/// Used when the library has no template with a synthesis stage.
fn fixed_agenda() -> Vec<Stage> {
    let stage = |title: &str, kind: StageKind, steps: &[(&str, u32, &[Produces])]| Stage {
        id: Id::from(""),
        method: String::new(),
        title: title.to_owned(),
        kind,
        steps: steps
            .iter()
            .map(|(t, m, p)| Step {
                id: Id::from(""),
                title: (*t).to_owned(),
                minutes: *m,
                prompt: format!("{t} : prenez {m} minutes, chacun pour soi puis ensemble."),
                produces: p.to_vec(),
                started: None,
                ended: None,
            })
            .collect(),
        started: None,
        ended: None,
    };
    vec![
        stage(
            "Météo d'arrivée",
            StageKind::Opening,
            &[("Tour de table", 10, &[])],
        ),
        stage(
            "Immersion sur le terrain",
            StageKind::Immersion,
            &[
                ("Observer", 45, &[Produces::Notes]),
                ("Partager", 20, &[Produces::Notes]),
            ],
        ),
        stage(
            "Carte d'affinités",
            StageKind::Synthesis,
            &[
                ("Un post-it par idée", 15, &[Produces::Stickies]),
                ("Regrouper en silence", 20, &[Produces::Clusters]),
                ("Voter", 10, &[Produces::Votes]),
            ],
        ),
        stage(
            "Crazy 8s",
            StageKind::Ideation,
            &[("Huit idées en huit minutes", 8, &[Produces::Artifact])],
        ),
        stage(
            "Qui fait quoi, quand",
            StageKind::Closing,
            &[("Engagements", 15, &[Produces::Actions])],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;
    use std::collections::HashSet;

    fn chars(s: &str) -> usize {
        s.chars().count()
    }

    #[test]
    fn same_arguments_give_the_same_session() {
        assert_eq!(session(100, 7), session(100, 7));
        assert_eq!(
            crate::store::to_ron(&session(300, 1)).ok(),
            crate::store::to_ron(&session(300, 1)).ok()
        );
        assert_ne!(session(100, 7).stickies, session(100, 8).stickies);
    }

    #[test]
    fn ids_look_like_uuid_v7_and_differ_between_seeds() {
        let a = session(100, 1);
        let b = session(100, 2);
        for id in [&a.id, &a.stickies[0].id, &a.participants[0].id] {
            let u = uuid::Uuid::parse_str(id.as_str()).expect("a UUID");
            assert_eq!(u.get_version_num(), 7, "{id}");
            assert_eq!(u.get_variant(), uuid::Variant::RFC4122, "{id}");
        }
        assert_ne!(a.id, b.id);
        // Created in a row, so sorted by creation.
        assert!(a.stickies.windows(2).all(|w| w[0].id < w[1].id));
    }

    fn check(n: usize, seed: u64) {
        let s = session(n, seed);
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));

        // Proportions.
        assert_eq!(s.stickies.len(), n);
        assert_eq!(s.notes.len(), n / 4);
        assert_eq!(s.clusters.len(), (n / 12).max(3));
        let inbox = s
            .stickies
            .iter()
            .filter(|x| x.cluster.is_none() && !x.parked)
            .count();
        let parked = s.stickies.iter().filter(|x| x.parked).count();
        assert_eq!(inbox, n * 15 / 100);
        assert_eq!(parked, n * 3 / 100);
        let used: HashSet<&Id> = s
            .stickies
            .iter()
            .filter_map(|x| x.cluster.as_ref())
            .collect();
        assert_eq!(used.len(), s.clusters.len(), "no cluster is left empty");
        assert!((12..=30).contains(&s.participants.len()));
        assert!(!s.agenda.is_empty() && s.current().is_some());
        assert!((1..=2).contains(&s.rounds.len()));
        assert!((3..=8).contains(&s.actions.len()));

        // Budgets and caps.
        for r in &s.rounds {
            for p in &s.participants {
                let spent = s.dots_spent(&r.id, &p.id);
                assert!((2..=r.dots).contains(&spent), "{} spent {spent}", p.name);
            }
            for v in s.votes.iter().filter(|v| v.round == r.id) {
                assert!(r.cap.is_none_or(|c| v.count <= c));
            }
        }

        // Texts: lengths, accents, emoji, CJK, lines.
        for x in &s.stickies {
            assert!((20..=140).contains(&chars(&x.text)), "{:?}", x.text);
            assert!(!x.text.chars().any(|c| c.is_control() && c != '\n'));
        }
        for note in &s.notes {
            assert!((40..=400).contains(&chars(&note.text)), "{:?}", note.text);
        }
        let all: Vec<&str> = s
            .stickies
            .iter()
            .map(|x| x.text.as_str())
            .chain(s.notes.iter().map(|x| x.text.as_str()))
            .collect();
        assert!(all.iter().any(|t| t.contains('é')));
        assert!(all.iter().any(|t| EMOJI.iter().any(|e| t.contains(e))));
        assert!(all.iter().any(|t| CJK.iter().any(|c| t.contains(c))));
        assert!(s.notes.iter().any(|x| x.text.contains('\n')));

        // Round trip through the file format.
        let text = crate::store::to_ron(&s).expect("serializes");
        let back = crate::store::load_str("generated.ron", &text).expect("loads");
        assert_eq!(back, s);
        assert_eq!(crate::store::to_ron(&back).ok(), Some(text));
    }

    #[test]
    fn a_hundred_stickies_validate_in_proportion_and_round_trip() {
        check(100, 1);
    }

    #[test]
    fn two_thousand_stickies_validate_in_proportion_and_round_trip() {
        check(2_000, 42);
    }

    #[test]
    fn tiny_sessions_still_validate() {
        for n in [0, 1, 5, 13] {
            let s = session(n, 3);
            assert!(validate(&s).is_empty(), "{n}: {:?}", validate(&s));
            assert_eq!(s.stickies.len(), n);
        }
    }
}

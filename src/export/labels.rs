//! The words of the exports, in the session's language (English or French).
//!
//! They live in `assets/locales/{en,fr}/export.ftl` (keys `export-…`) and
//! are read through Fluent ([`crate::i18n`]) once per language into a
//! [`Labels`]: the templates read its fields as `l.date`, `l.top_ideas`...;
//! counted phrases ("12 participants") are methods, their plurals chosen by
//! Fluent.

use crate::i18n::{self, tr};
use crate::model::{ActionStatus, MediaKind, NoteKind, Origin, Role, StageKind, Verdict};
use crate::t;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Fixed words and phrases. Counted phrases are methods.
#[derive(Debug, Serialize)]
pub struct Labels {
    pub lang: &'static str,
    /// ":" or, in French, a no-break space and ":".
    pub colon: String,
    pub anonymized_title: String,
    pub anonymized_text: String,
    pub date: String,
    pub place: String,
    pub facilitation: String,
    pub challenge: String,
    pub participants: String,
    pub role: String,
    pub count: String,
    pub top_ideas: String,
    pub decisions: String,
    pub actions: String,
    pub agenda: String,
    pub board: String,
    pub notes: String,
    pub comments: String,
    pub in_brief: String,
    pub kicker: String,
    pub contents: String,
    pub step: String,
    pub started: String,
    pub planned: String,
    pub actual: String,
    pub difference: String,
    pub total: String,
    pub not_run: String,
    pub rank: String,
    pub idea: String,
    pub votes: String,
    pub action: String,
    pub owner: String,
    pub due: String,
    pub status: String,
    /// The status of a note of kind "action": no owner nor date yet.
    pub unassigned: String,
    pub session: String,
    pub inbox: String,
    pub parking: String,
    pub other_notes: String,
    pub other_clusters: String,
    pub about: String,
    pub about_session: String,
    pub none_decisions: String,
    pub none_actions: String,
    pub none_votes: String,
    pub none_notes: String,
    pub none_board: String,
    pub none_participants: String,
    pub unknown: String,
    pub footer: String,
    pub board_alt: String,
    pub board_detail: String,
    // Prototypes and media.
    pub prototypes: String,
    pub proto_tests: String,
    pub hypothesis: String,
    pub feedback: String,
    pub no_verdict: String,
    pub media: String,
    pub other_media: String,
    pub media_left_out: String,
    pub not_embeddable: String,
    // The programme report.
    pub report_title: String,
    pub report_sessions: String,
    pub report_public_share: String,
    pub report_roles_over_time: String,
    pub report_actions: String,
    pub report_top_ideas: String,
    pub report_back: String,
    pub report_origin: String,
    pub report_no_sessions: String,
    // What anonymizing puts in place of a redacted e-mail address, phone
    // number or name.
    pub redacted_email: String,
    pub redacted_phone: String,
    pub redacted_name: String,
    /// The words of the model's enums, looked up once.
    #[serde(skip)]
    words: Words,
}

#[derive(Debug, Default)]
struct Words {
    origin: HashMap<Origin, String>,
    origin_short: HashMap<Origin, String>,
    roles: HashMap<Role, String>,
    stage_kind: HashMap<StageKind, String>,
    note_kinds: HashMap<NoteKind, String>,
    verdict: HashMap<Verdict, String>,
    media_kind: HashMap<MediaKind, String>,
    status: HashMap<ActionStatus, String>,
}

const STATUSES: [ActionStatus; 4] = [
    ActionStatus::Todo,
    ActionStatus::Doing,
    ActionStatus::Done,
    ActionStatus::Dropped,
];
const VERDICTS: [Verdict; 3] = [Verdict::Keep, Verdict::Change, Verdict::Drop];
const MEDIA_KINDS: [MediaKind; 4] = [
    MediaKind::Image,
    MediaKind::Video,
    MediaKind::Audio,
    MediaKind::Link,
];

static EN: LazyLock<Labels> = LazyLock::new(|| Labels::new("en"));
static FR: LazyLock<Labels> = LazyLock::new(|| Labels::new("fr"));

/// Why a file is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaWhy {
    Missing,
    Altered,
    Outside,
}

/// The labels for a session's language (`"fr..."` is French, anything else English).
pub fn for_lang(lang: Option<&str>) -> &'static Labels {
    for_code(i18n::supported(lang.unwrap_or("en")))
}

/// The labels of `lang`, one of [`i18n::LANGUAGES`] (English otherwise).
pub fn for_code(lang: &str) -> &'static Labels {
    match i18n::supported(lang) {
        "fr" => &FR,
        _ => &EN,
    }
}

/// `key` as a media kind names itself to Fluent (`$kind`).
fn media_key(k: MediaKind) -> &'static str {
    match k {
        MediaKind::Image => "image",
        MediaKind::Video => "video",
        MediaKind::Audio => "audio",
        MediaKind::Link => "link",
    }
}

fn origin_word(lang: &str, o: Origin) -> String {
    match o {
        Origin::Public => tr(lang, "export-origin-public"),
        Origin::Administration => tr(lang, "export-origin-administration"),
        Origin::Elected => tr(lang, "export-origin-elected"),
        Origin::Other => tr(lang, "export-origin-other"),
    }
}

fn origin_short_word(lang: &str, o: Origin) -> String {
    match o {
        Origin::Public => tr(lang, "export-origin-short-public"),
        Origin::Administration => tr(lang, "export-origin-short-administration"),
        Origin::Elected => tr(lang, "export-origin-short-elected"),
        Origin::Other => tr(lang, "export-origin-short-other"),
    }
}

fn roles_word(lang: &str, r: Role) -> String {
    match r {
        Role::CivilServant => tr(lang, "export-roles-civil-servant"),
        Role::ElectedOfficial => tr(lang, "export-roles-elected-official"),
        Role::Citizen => tr(lang, "export-roles-citizen"),
        Role::Partner => tr(lang, "export-roles-partner"),
        Role::Other => tr(lang, "export-roles-other"),
    }
}

fn stage_kind_word(lang: &str, k: StageKind) -> String {
    match k {
        StageKind::Opening => tr(lang, "export-stage-kind-opening"),
        StageKind::Immersion => tr(lang, "export-stage-kind-immersion"),
        StageKind::Interviews => tr(lang, "export-stage-kind-interviews"),
        StageKind::Synthesis => tr(lang, "export-stage-kind-synthesis"),
        StageKind::Ideation => tr(lang, "export-stage-kind-ideation"),
        StageKind::Prototyping => tr(lang, "export-stage-kind-prototyping"),
        StageKind::Testing => tr(lang, "export-stage-kind-testing"),
        StageKind::Closing => tr(lang, "export-stage-kind-closing"),
        StageKind::Break => tr(lang, "export-stage-kind-break"),
    }
}

fn note_kinds_word(lang: &str, k: NoteKind) -> String {
    match k {
        NoteKind::Observation => tr(lang, "export-note-kinds-observation"),
        NoteKind::Quote => tr(lang, "export-note-kinds-quote"),
        NoteKind::Insight => tr(lang, "export-note-kinds-insight"),
        NoteKind::Question => tr(lang, "export-note-kinds-question"),
        NoteKind::Idea => tr(lang, "export-note-kinds-idea"),
        NoteKind::Decision => tr(lang, "export-note-kinds-decision"),
        NoteKind::Action => tr(lang, "export-note-kinds-action"),
    }
}

fn verdict_word(lang: &str, v: Verdict) -> String {
    match v {
        Verdict::Keep => tr(lang, "export-verdict-keep"),
        Verdict::Change => tr(lang, "export-verdict-change"),
        Verdict::Drop => tr(lang, "export-verdict-drop"),
    }
}

fn status_word(lang: &str, s: ActionStatus) -> String {
    match s {
        ActionStatus::Todo => tr(lang, "export-status-todo"),
        ActionStatus::Doing => tr(lang, "export-status-doing"),
        ActionStatus::Done => tr(lang, "export-status-done"),
        ActionStatus::Dropped => tr(lang, "export-status-dropped"),
    }
}

/// `f` for each of `all`, as a map.
fn words<K: Copy + Eq + std::hash::Hash>(
    lang: &str,
    all: &[K],
    f: fn(&str, K) -> String,
) -> HashMap<K, String> {
    all.iter().map(|&k| (k, f(lang, k))).collect()
}

/// An empty string when a word is missing (it never is: a test checks).
fn get<'a, K: Eq + std::hash::Hash>(map: &'a HashMap<K, String>, k: &K) -> &'a str {
    map.get(k).map_or("", String::as_str)
}

impl Labels {
    /// Every word of `lang` (`"en"` or `"fr"`) from Fluent.
    fn new(lang: &'static str) -> Labels {
        let words = Words {
            origin: words(lang, &Origin::ALL, origin_word),
            origin_short: words(lang, &Origin::ALL, origin_short_word),
            roles: words(lang, &Role::ALL, roles_word),
            stage_kind: words(lang, &StageKind::ALL, stage_kind_word),
            note_kinds: words(lang, &NoteKind::ALL, note_kinds_word),
            verdict: words(lang, &VERDICTS, verdict_word),
            media_kind: words(lang, &MEDIA_KINDS, |lang, k| {
                t!(lang, "export-media-kind", kind = media_key(k))
            }),
            status: words(lang, &STATUSES, status_word),
        };
        Labels {
            lang,
            colon: tr(lang, "export-colon"),
            anonymized_title: tr(lang, "export-anonymized-title"),
            anonymized_text: tr(lang, "export-anonymized-text"),
            date: tr(lang, "export-date"),
            place: tr(lang, "export-place"),
            facilitation: tr(lang, "export-facilitation"),
            challenge: tr(lang, "export-challenge"),
            participants: tr(lang, "export-participants"),
            role: tr(lang, "export-role"),
            count: tr(lang, "export-count"),
            top_ideas: tr(lang, "export-top-ideas"),
            decisions: tr(lang, "export-decisions"),
            actions: tr(lang, "export-actions"),
            agenda: tr(lang, "export-agenda"),
            board: tr(lang, "export-board"),
            notes: tr(lang, "export-notes"),
            comments: tr(lang, "export-comments"),
            in_brief: tr(lang, "export-in-brief"),
            kicker: tr(lang, "export-kicker"),
            contents: tr(lang, "export-contents"),
            step: tr(lang, "export-step"),
            started: tr(lang, "export-started"),
            planned: tr(lang, "export-planned"),
            actual: tr(lang, "export-actual"),
            difference: tr(lang, "export-difference"),
            total: tr(lang, "export-total"),
            not_run: tr(lang, "export-not-run"),
            rank: tr(lang, "export-rank"),
            idea: tr(lang, "export-idea"),
            votes: tr(lang, "export-votes"),
            action: tr(lang, "export-action"),
            owner: tr(lang, "export-owner"),
            due: tr(lang, "export-due"),
            status: tr(lang, "export-status"),
            unassigned: tr(lang, "export-status-unassigned"),
            session: tr(lang, "export-session"),
            inbox: tr(lang, "export-inbox"),
            parking: tr(lang, "export-parking"),
            other_notes: tr(lang, "export-other-notes"),
            other_clusters: tr(lang, "export-other-clusters"),
            about: tr(lang, "export-about"),
            about_session: tr(lang, "export-about-session"),
            none_decisions: tr(lang, "export-none-decisions"),
            none_actions: tr(lang, "export-none-actions"),
            none_votes: tr(lang, "export-none-votes"),
            none_notes: tr(lang, "export-none-notes"),
            none_board: tr(lang, "export-none-board"),
            none_participants: tr(lang, "export-none-participants"),
            unknown: tr(lang, "export-unknown"),
            footer: tr(lang, "export-footer"),
            board_alt: tr(lang, "export-board-alt"),
            board_detail: tr(lang, "export-board-detail"),
            prototypes: tr(lang, "export-prototypes"),
            proto_tests: tr(lang, "export-proto-tests"),
            hypothesis: tr(lang, "export-hypothesis"),
            feedback: tr(lang, "export-feedback"),
            no_verdict: tr(lang, "export-no-verdict"),
            media: tr(lang, "export-media"),
            other_media: tr(lang, "export-other-media"),
            media_left_out: tr(lang, "export-media-left-out"),
            not_embeddable: tr(lang, "export-not-embeddable"),
            report_title: tr(lang, "export-report-title"),
            report_sessions: tr(lang, "export-report-sessions"),
            report_public_share: tr(lang, "export-report-public-share"),
            report_roles_over_time: tr(lang, "export-report-roles-over-time"),
            report_actions: tr(lang, "export-report-actions"),
            report_top_ideas: tr(lang, "export-report-top-ideas"),
            report_back: tr(lang, "export-report-back"),
            report_origin: tr(lang, "export-report-origin"),
            report_no_sessions: tr(lang, "export-report-no-sessions"),
            redacted_email: tr(lang, "export-redacted-email"),
            redacted_phone: tr(lang, "export-redacted-phone"),
            redacted_name: tr(lang, "export-redacted-name"),
            words,
        }
    }

    /// What a comment or a photo is about: `kind` is `note`, `sticky`,
    /// `group` or `action`; "sticky note “Plus d’ombre”".
    pub fn about_item(&self, kind: &str, text: &str) -> String {
        t!(self.lang, "export-about-item", kind = kind, text = text)
    }

    pub fn n_participants(&self, n: usize) -> String {
        t!(self.lang, "export-n-participants", n = n)
    }

    pub fn n_stickies(&self, n: usize) -> String {
        t!(self.lang, "export-n-stickies", n = n)
    }

    pub fn n_votes(&self, n: u32) -> String {
        t!(self.lang, "export-n-votes", n = n)
    }

    pub fn n_groups(&self, n: usize) -> String {
        t!(self.lang, "export-n-groups", n = n)
    }

    pub fn n_notes(&self, n: usize) -> String {
        t!(self.lang, "export-n-notes", n = n)
    }

    pub fn n_actions(&self, n: usize) -> String {
        t!(self.lang, "export-n-actions", n = n)
    }

    pub fn n_sessions(&self, n: usize) -> String {
        t!(self.lang, "export-n-sessions", n = n)
    }

    /// "12 sticky notes in 3 groups".
    pub fn stickies_in_groups(&self, stickies: usize, groups: usize) -> String {
        t!(
            self.lang,
            "export-stickies-in-groups",
            stickies = self.n_stickies(stickies),
            groups = self.n_groups(groups)
        )
    }

    /// "group, 9 sticky notes": a group among the top ideas.
    pub fn ranked_group(&self, stickies: usize) -> String {
        t!(
            self.lang,
            "export-ranked-group",
            stickies = self.n_stickies(stickies)
        )
    }

    /// "5 votes for the group, 9 on its sticky notes".
    pub fn group_votes(&self, group: u32, inner: u32) -> String {
        match (group, inner) {
            (0, 0) => String::new(),
            (g, 0) => self.n_votes(g),
            (0, i) => t!(self.lang, "export-group-votes-inner", n = i),
            (g, i) => t!(
                self.lang,
                "export-group-votes-both",
                votes = self.n_votes(g),
                inner = i
            ),
        }
    }

    /// "3 dots each (at most 2 on one item); 12 voters; 36 votes".
    pub fn round_rules(&self, dots: u32, cap: Option<u32>, voters: usize, total: u32) -> String {
        let mut parts = vec![match cap {
            Some(cap) => t!(
                self.lang,
                "export-round-dots-capped",
                dots = dots,
                cap = cap
            ),
            None => t!(self.lang, "export-round-dots", dots = dots),
        }];
        if voters > 0 {
            parts.push(t!(self.lang, "export-round-voters", voters = voters));
        }
        parts.push(self.n_votes(total));
        parts.join(&tr(self.lang, "export-semicolon"))
    }

    /// "Local times (UTC+02:00), durations in minutes."
    pub fn times_note(&self, offset: &str) -> String {
        t!(self.lang, "export-times-note", offset = offset)
    }

    /// "4 of 6 (67%)".
    pub fn share(&self, part: usize, whole: usize) -> String {
        let pct = (part * 100 + whole / 2).checked_div(whole).unwrap_or(0);
        t!(
            self.lang,
            "export-share",
            part = part,
            whole = whole,
            pct = pct
        )
    }

    /// "67%" ("67 %" in French).
    pub fn percent(&self, pct: usize) -> String {
        t!(self.lang, "export-percent", pct = pct)
    }

    /// "5 h 10 min" ("5 h 10" in French), "45 min".
    pub fn duration(&self, minutes: i64) -> String {
        let (h, m) = (minutes / 60, minutes % 60);
        if h == 0 {
            t!(
                self.lang,
                "export-duration-minutes",
                minutes = m.to_string()
            )
        } else {
            t!(
                self.lang,
                "export-duration-hours",
                hours = h.to_string(),
                minutes = format!("{m:02}")
            )
        }
    }

    /// The label of the workshop's duration among the facts: "of workshop".
    pub fn of_workshop(&self) -> String {
        tr(self.lang, "export-of-workshop")
    }

    /// "Thursday 9 July 2026", "jeudi 9 juillet 2026".
    pub fn long_date(&self, date: time::Date) -> String {
        let weekday = match date.weekday() {
            time::Weekday::Monday => tr(self.lang, "export-weekday-1"),
            time::Weekday::Tuesday => tr(self.lang, "export-weekday-2"),
            time::Weekday::Wednesday => tr(self.lang, "export-weekday-3"),
            time::Weekday::Thursday => tr(self.lang, "export-weekday-4"),
            time::Weekday::Friday => tr(self.lang, "export-weekday-5"),
            time::Weekday::Saturday => tr(self.lang, "export-weekday-6"),
            time::Weekday::Sunday => tr(self.lang, "export-weekday-7"),
        };
        t!(
            self.lang,
            "export-date-weekday",
            weekday = weekday,
            date = self.short_date(date)
        )
    }

    /// "9 July 2026", "9 juillet 2026" ("1er mai 2026").
    pub fn short_date(&self, date: time::Date) -> String {
        i18n::date(self.lang, date)
    }

    /// The title of the report's chart of participants by role.
    pub fn report_roles_chart(&self) -> String {
        tr(self.lang, "export-report-roles-chart")
    }

    pub fn origin(&self, o: Origin) -> &str {
        get(&self.words.origin, &o)
    }

    /// Short origin for tables ("public", "administration").
    pub fn origin_short(&self, o: Origin) -> &str {
        get(&self.words.origin_short, &o)
    }

    /// Plural role names, for headings with counts.
    pub fn roles(&self, r: Role) -> &str {
        get(&self.words.roles, &r)
    }

    pub fn stage_kind(&self, k: StageKind) -> &str {
        get(&self.words.stage_kind, &k)
    }

    /// Plural note kinds, for headings.
    pub fn note_kinds(&self, k: NoteKind) -> &str {
        get(&self.words.note_kinds, &k)
    }

    pub fn verdict(&self, v: Verdict) -> &str {
        get(&self.words.verdict, &v)
    }

    /// "photo", "video", "audio recording", "link".
    pub fn media_kind(&self, k: MediaKind) -> &str {
        get(&self.words.media_kind, &k)
    }

    /// The placeholder of a file that is not shown: "missing photo:
    /// caption" (`why`: missing, altered or outside).
    pub fn media_problem(&self, k: MediaKind, why: MediaWhy, caption: &str) -> String {
        let kind = media_key(k);
        let text = match why {
            MediaWhy::Missing => t!(self.lang, "export-media-missing", kind = kind),
            MediaWhy::Altered => t!(self.lang, "export-media-altered", kind = kind),
            MediaWhy::Outside => t!(self.lang, "export-media-outside", kind = kind),
        };
        if caption.is_empty() {
            text
        } else {
            t!(
                self.lang,
                "export-media-caption",
                problem = text,
                caption = caption
            )
        }
    }

    pub fn status(&self, s: ActionStatus) -> &str {
        get(&self.words.status, &s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_in_both_languages() {
        for lang in i18n::LANGUAGES {
            let l = for_code(lang);
            assert_eq!(l.lang, lang);
            let json = serde_json::to_value(l).expect("labels serialize");
            for (field, value) in json.as_object().expect("an object") {
                let value = value.as_str().unwrap_or_default();
                assert!(
                    !value.is_empty() && !value.starts_with("export-"),
                    "{lang}: {field} = {value:?}"
                );
            }
            let words = &l.words;
            let all: Vec<&String> = (words.origin.values())
                .chain(words.origin_short.values())
                .chain(words.roles.values())
                .chain(words.stage_kind.values())
                .chain(words.note_kinds.values())
                .chain(words.verdict.values())
                .chain(words.media_kind.values())
                .chain(words.status.values())
                .collect();
            assert_eq!(all.len(), 4 + 4 + 5 + 9 + 7 + 3 + 4 + 4);
            for w in all {
                assert!(!w.is_empty() && !w.starts_with("export-"), "{lang}: {w}");
            }
            assert_eq!(words.origin.len(), Origin::ALL.len());
            assert_eq!(words.roles.len(), Role::ALL.len());
            assert_eq!(words.stage_kind.len(), StageKind::ALL.len());
            assert_eq!(words.note_kinds.len(), NoteKind::ALL.len());
        }
    }

    #[test]
    fn counts_follow_each_language() {
        let (en, fr) = (for_code("en"), for_code("fr"));
        assert_eq!(en.n_votes(0), "0 votes");
        assert_eq!(en.n_votes(1), "1 vote");
        assert_eq!(fr.n_votes(0), "0 vote");
        assert_eq!(fr.n_votes(1), "1 vote");
        assert_eq!(fr.n_votes(2), "2 votes");
        assert_eq!(en.n_stickies(2), "2 sticky notes");
        assert_eq!(fr.n_stickies(2), "2 post-it");
        assert_eq!(en.n_sessions(1), "1 session");
        assert_eq!(fr.n_groups(3), "3 groupes");
        assert_eq!(en.stickies_in_groups(12, 1), "12 sticky notes in 1 group");
        assert_eq!(fr.stickies_in_groups(12, 3), "12 post-it en 3 groupes");
        assert_eq!(
            en.group_votes(5, 9),
            "5 votes for the group, 9 on its sticky notes"
        );
        assert_eq!(fr.group_votes(0, 1), "1 vote sur ses post-it");
        assert_eq!(en.group_votes(0, 0), "");
    }

    #[test]
    fn round_rules_read_naturally() {
        let (en, fr) = (for_code("en"), for_code("fr"));
        assert_eq!(
            en.round_rules(3, Some(2), 12, 36),
            "3 dots each (at most 2 on one item); 12 voters; 36 votes"
        );
        assert_eq!(en.round_rules(1, None, 0, 1), "1 dot each; 1 vote");
        assert_eq!(
            fr.round_rules(3, Some(2), 1, 3),
            "3 gommettes par personne (au plus 2 sur une même idée)\u{a0}; 1 votant\u{a0}; 3 votes"
        );
    }

    #[test]
    fn durations_dates_and_shares() {
        let (en, fr) = (for_code("en"), for_code("fr"));
        assert_eq!(en.duration(45), "45 min");
        assert_eq!(en.duration(310), "5 h 10 min");
        assert_eq!(fr.duration(305), "5 h 05");
        let d = time::macros::date!(2026 - 07 - 09);
        assert_eq!(en.long_date(d), "Thursday 9 July 2026");
        assert_eq!(fr.long_date(d), "jeudi 9 juillet 2026");
        assert_eq!(
            fr.long_date(time::macros::date!(2026 - 05 - 01)),
            "vendredi 1er mai 2026"
        );
        assert_eq!(en.share(4, 6), "4 of 6 (67%)");
        assert_eq!(fr.share(1, 2), "1 sur 2 (50 %)");
        assert_eq!(fr.percent(50), "50\u{a0}%");
        assert_eq!(en.share(0, 0), "0 of 0 (0%)");
    }

    #[test]
    fn media_placeholders_agree_with_their_kind() {
        let (en, fr) = (for_code("en"), for_code("fr"));
        assert_eq!(
            en.media_problem(MediaKind::Image, MediaWhy::Missing, "Wall"),
            "missing photo: Wall"
        );
        assert_eq!(
            fr.media_problem(MediaKind::Video, MediaWhy::Altered, ""),
            "vidéo modifiée depuis son ajout, non affichée"
        );
        assert_eq!(
            fr.media_problem(MediaKind::Audio, MediaWhy::Outside, "x"),
            "enregistrement audio hors du dossier de la séance, non affiché\u{a0}: x"
        );
        assert_eq!(fr.media_kind(MediaKind::Audio), "enregistrement audio");
        assert_eq!(en.status(ActionStatus::Doing), "in progress");
        assert_eq!(fr.roles(Role::Citizen), "Habitants et usagers");
    }
}

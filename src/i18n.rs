//! The interface in English and French, through Fluent.
//!
//! The messages live in `assets/locales/{en,fr}/atelier.ftl` and are built
//! into the binary. Every lookup names its language (`app.lang`): there is
//! no global language, so tests draw both languages side by side.
//!
//! ```
//! use atelier::{i18n, t};
//! assert_eq!(t!("en", "stickies", n = 2), "2 stickies");
//! assert_eq!(t!("fr", "stickies", n = 2), "2 post-it");
//! assert_eq!(i18n::tr("fr", "screen-board"), "Tableau");
//! ```

use crate::model::{
    ActionStatus, Colour, Detail, NoteKind, Origin, Role, StageKind, Timer, Timestamp, Verdict,
};
pub use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, StaticLoader};
use std::collections::HashMap;
use std::sync::LazyLock;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./assets/locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: a terminal would
        // show them, or count them in widths.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages of the interface.
pub const LANGUAGES: [&str; 2] = ["en", "fr"];

/// `lang` as one of [`LANGUAGES`]: French for `fr…`, else English.
pub fn supported(lang: &str) -> &'static str {
    if lang.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("fr")) {
        "fr"
    } else {
        "en"
    }
}

fn id(lang: &str) -> &'static LanguageIdentifier {
    static EN: LazyLock<LanguageIdentifier> = LazyLock::new(|| "en".parse().unwrap_or_default());
    static FR: LazyLock<LanguageIdentifier> = LazyLock::new(|| "fr".parse().unwrap_or_default());
    match supported(lang) {
        "fr" => &FR,
        _ => &EN,
    }
}

fn lookup(lang: &str, key: &str, args: Option<&HashMap<&str, FluentValue>>) -> Option<String> {
    let loader: &StaticLoader = &LOCALES;
    loader.lookup_single_language(id(lang), key, args).ok()
}

/// The message `key` in `lang` (English if missing there), or `None` when
/// no language has it.
pub fn try_tr(lang: &str, key: &str) -> Option<String> {
    lookup(lang, key, None).or_else(|| lookup("en", key, None))
}

/// The message `key` in `lang` (English if missing there; the key itself
/// if missing everywhere).
pub fn tr(lang: &str, key: &str) -> String {
    lookup(lang, key, None)
        .or_else(|| lookup("en", key, None))
        .unwrap_or_else(|| key.to_owned())
}

/// The message `key` in `lang` with arguments (see [`t!`](crate::t)).
pub fn tr_args(lang: &str, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    if args.is_empty() {
        return tr(lang, key);
    }
    let map: HashMap<&str, FluentValue> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
    lookup(lang, key, Some(&map))
        .or_else(|| lookup("en", key, Some(&map)))
        .unwrap_or_else(|| key.to_owned())
}

/// Whether `lang` has the message `key` itself (no fallback). For tests.
pub fn has(lang: &str, key: &str) -> bool {
    let loader: &StaticLoader = &LOCALES;
    let none: Option<&HashMap<&str, FluentValue>> = None;
    match loader.lookup_single_language(id(lang), key, none) {
        Ok(_) => true,
        // The message is there and only wanted its arguments (the error
        // type is not exported: its text tells the cases apart).
        Err(e) => e.to_string().starts_with("Fluent errors"),
    }
}

/// A message with named arguments:
/// `t!(lang, "msg-moved", n = 3, place = title)`. Numbers select
/// plurals (`{ $n -> [one] … *[other] … }`).
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:literal $(,)?) => {
        $crate::i18n::tr($lang, $key)
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

// ---------------------------------------------------------------- model words

pub fn role(lang: &str, r: Role) -> String {
    match r {
        Role::CivilServant => tr(lang, "role-civil-servant"),
        Role::ElectedOfficial => tr(lang, "role-elected-official"),
        Role::Citizen => tr(lang, "role-citizen"),
        Role::Partner => tr(lang, "role-partner"),
        Role::Other => tr(lang, "role-other"),
    }
}

pub fn origin(lang: &str, o: Origin) -> String {
    match o {
        Origin::Public => tr(lang, "origin-public"),
        Origin::Administration => tr(lang, "origin-administration"),
        Origin::Elected => tr(lang, "origin-elected"),
        Origin::Other => tr(lang, "origin-other"),
    }
}

pub fn stage_kind(lang: &str, k: StageKind) -> String {
    match k {
        StageKind::Opening => tr(lang, "stage-kind-opening"),
        StageKind::Immersion => tr(lang, "stage-kind-immersion"),
        StageKind::Interviews => tr(lang, "stage-kind-interviews"),
        StageKind::Synthesis => tr(lang, "stage-kind-synthesis"),
        StageKind::Ideation => tr(lang, "stage-kind-ideation"),
        StageKind::Prototyping => tr(lang, "stage-kind-prototyping"),
        StageKind::Testing => tr(lang, "stage-kind-testing"),
        StageKind::Closing => tr(lang, "stage-kind-closing"),
        StageKind::Break => tr(lang, "stage-kind-break"),
    }
}

pub fn note_kind(lang: &str, k: NoteKind) -> String {
    match k {
        NoteKind::Observation => tr(lang, "note-kind-observation"),
        NoteKind::Quote => tr(lang, "note-kind-quote"),
        NoteKind::Insight => tr(lang, "note-kind-insight"),
        NoteKind::Question => tr(lang, "note-kind-question"),
        NoteKind::Idea => tr(lang, "note-kind-idea"),
        NoteKind::Decision => tr(lang, "note-kind-decision"),
        NoteKind::Action => tr(lang, "note-kind-action"),
    }
}

pub fn colour(lang: &str, c: Colour) -> String {
    match c {
        Colour::Yellow => tr(lang, "colour-yellow"),
        Colour::Pink => tr(lang, "colour-pink"),
        Colour::Blue => tr(lang, "colour-blue"),
        Colour::Green => tr(lang, "colour-green"),
        Colour::Orange => tr(lang, "colour-orange"),
        Colour::Purple => tr(lang, "colour-purple"),
    }
}

pub fn action_status(lang: &str, s: ActionStatus) -> String {
    match s {
        ActionStatus::Todo => tr(lang, "action-status-todo"),
        ActionStatus::Doing => tr(lang, "action-status-doing"),
        ActionStatus::Done => tr(lang, "action-status-done"),
        ActionStatus::Dropped => tr(lang, "action-status-dropped"),
    }
}

pub fn verdict(lang: &str, v: Verdict) -> String {
    match v {
        Verdict::Keep => tr(lang, "verdict-keep"),
        Verdict::Change => tr(lang, "verdict-change"),
        Verdict::Drop => tr(lang, "verdict-drop"),
    }
}

/// The timer's state in a word: running, paused, ready.
pub fn timer(lang: &str, t: &Timer) -> String {
    match t {
        Timer::Running { .. } => tr(lang, "timer-running"),
        Timer::Paused { .. } => tr(lang, "timer-paused"),
        Timer::Idle => tr(lang, "timer-ready"),
    }
}

/// The label of a session detail in the setup screen.
pub fn detail(lang: &str, d: Detail) -> String {
    match d {
        Detail::Title => tr(lang, "detail-title"),
        Detail::Challenge => tr(lang, "detail-challenge"),
        Detail::Origin => tr(lang, "detail-origin"),
        Detail::Date => tr(lang, "detail-date"),
        Detail::Start => tr(lang, "detail-start"),
        Detail::Place => tr(lang, "detail-place"),
        Detail::Facilitators => tr(lang, "detail-facilitators"),
        Detail::Language => tr(lang, "detail-language"),
        Detail::TimeZone => tr(lang, "detail-time-zone"),
    }
}

/// A language code as its readers name it: "English", "français".
pub fn language_name(lang: &str, code: &str) -> String {
    match code {
        "fr" => tr(lang, "language-fr"),
        "en" => tr(lang, "language-en"),
        other => other.to_owned(),
    }
}

// ---------------------------------------------------------------- dates, numbers

fn month(lang: &str, m: time::Month) -> String {
    use time::Month::*;
    match m {
        January => tr(lang, "month-1"),
        February => tr(lang, "month-2"),
        March => tr(lang, "month-3"),
        April => tr(lang, "month-4"),
        May => tr(lang, "month-5"),
        June => tr(lang, "month-6"),
        July => tr(lang, "month-7"),
        August => tr(lang, "month-8"),
        September => tr(lang, "month-9"),
        October => tr(lang, "month-10"),
        November => tr(lang, "month-11"),
        December => tr(lang, "month-12"),
    }
}

/// A date as people write it: "9 July 2026", "9 juillet 2026" ("1er" in French).
pub fn date(lang: &str, d: time::Date) -> String {
    t!(
        lang,
        "date-long",
        day = d.day(),
        month = month(lang, d.month()),
        year = d.year().to_string()
    )
}

/// A date and a 24-hour time: "9 July 2026 14:05", "9 juillet 2026 14:05".
pub fn date_time(lang: &str, at: Timestamp, zone: &crate::model::Zone) -> String {
    t!(
        lang,
        "date-time",
        date = date(lang, at.date(zone)),
        time = at.clock(zone)
    )
}

/// A decimal number with one digit after the separator ("2.3", "2,3").
pub fn decimal(lang: &str, x: f64) -> String {
    let s = format!("{x:.1}");
    if supported(lang) == "fr" {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A file size: "512 B", "18 kB", "2.3 MB" ("512 o", "18 ko", "2,3 Mo").
pub fn size(lang: &str, bytes: u64) -> String {
    match bytes {
        b if b < 1024 => t!(lang, "size-bytes", n = b.to_string()),
        b if b < 1024 * 1024 => {
            t!(
                lang,
                "size-kilobytes",
                n = format!("{:.0}", b as f64 / 1024.0)
            )
        }
        b => t!(
            lang,
            "size-megabytes",
            n = decimal(lang, b as f64 / (1024.0 * 1024.0))
        ),
    }
}

/// A key as written on the keyboard of the language: `Space` is `Espace`
/// in French, `Enter` `Entrée`, `Esc` `Échap`, `Shift-` `Maj-`.
pub fn key_label(lang: &str, label: &str) -> String {
    if supported(lang) == "en" || label.chars().count() <= 1 {
        return label.to_owned();
    }
    // Modifiers, then the key itself.
    let mut rest = label;
    let mut out = String::new();
    loop {
        if let Some(r) = rest.strip_prefix("Shift-").filter(|r| !r.is_empty()) {
            out.push_str(&tr(lang, "key-shift"));
            out.push('-');
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Ctrl-").filter(|r| !r.is_empty()) {
            out.push_str("Ctrl-");
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Alt-").filter(|r| !r.is_empty()) {
            out.push_str("Alt-");
            rest = r;
        } else {
            break;
        }
    }
    let key = match rest {
        "Space" => tr(lang, "key-space"),
        "Enter" => tr(lang, "key-enter"),
        "Esc" => tr(lang, "key-esc"),
        "Delete" => tr(lang, "key-delete"),
        "Backspace" => tr(lang, "key-backspace"),
        "Home" => tr(lang, "key-home"),
        "End" => tr(lang, "key-end"),
        "PgUp" => tr(lang, "key-page-up"),
        "PgDn" => tr(lang, "key-page-down"),
        other => other.to_owned(),
    };
    out.push_str(&key);
    out
}

/// Help's list of keys ("a, Ctrl-s, Space") with each key named in `lang`.
pub fn key_list(lang: &str, keys: &str) -> String {
    if supported(lang) == "en" {
        return keys.to_owned();
    }
    keys.split(", ")
        .map(|k| key_label(lang, k))
        .collect::<Vec<_>>()
        .join(", ")
}

// ------------------------------------------------------------- store errors

/// A session file that did not load, said in `lang`: `file:line:col:` and
/// the message of its Fluent key (`assets/locales/*/store.ftl`). English
/// is the store's own wording; a message without a key yet stays in it.
pub fn load_error(lang: &str, e: &crate::store::LoadError) -> String {
    let Some((key, args)) = e.key.as_ref().filter(|_| supported(lang) != "en") else {
        return e.to_string();
    };
    let mut message = keyed(lang, key, args);
    if e.truncated {
        message.push(' ');
        message.push_str(&tr(lang, "load-truncated"));
    }
    if e.more > 0 {
        message.push(' ');
        message.push_str(&t!(lang, "load-more-problems", n = e.more));
    }
    match e.pos {
        Some((line, col)) => format!("{}:{line}:{col}: {message}", e.file),
        None => format!("{}: {message}", e.file),
    }
}

/// A message with a key and string arguments (as the model and the store
/// give them), said in `lang`.
pub fn keyed(lang: &str, key: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&str, FluentValue)> = args
        .iter()
        .map(|(k, v)| (*k, FluentValue::from(v.as_str())))
        .collect();
    tr_args(lang, key, &args)
}

/// A validation problem (`model::Problem`) said in `lang`.
pub fn problem(lang: &str, p: &crate::model::Problem) -> String {
    let (key, args) = p.key();
    keyed(lang, key, &args)
}

/// Why a session is read-only, said in `lang`: the store's own reasons
/// (held by another atelier, no lock file) have keys; a reason given by a
/// caller (review mode...) is its own words.
pub fn read_only_reason(lang: &str, reason: &str) -> String {
    if let Some(holder) = reason.strip_prefix("it is open in ") {
        return t!(lang, "read-only-open-in", holder = holder.to_owned());
    }
    if let Some(why) = reason.strip_prefix("its lock file cannot be made: ") {
        return t!(lang, "read-only-no-lock", why = io_words(lang, why));
    }
    reason.to_owned()
}

/// `store::describe_io`'s words in `lang` (they have keys in `store.ftl`);
/// the system's own words for an error that has none.
pub fn io_words(lang: &str, english: &str) -> String {
    crate::store::io_keys()
        .find(|k| tr("en", k) == english)
        .map_or_else(|| english.to_owned(), |k| tr(lang, k))
}

/// An I/O error said in `lang`: plain words where we have them, else the
/// system's error number (English keeps the system's own words then).
pub fn io_error(lang: &str, e: &std::io::Error) -> String {
    if supported(lang) == "en" {
        return crate::store::describe_io(e);
    }
    let (key, args) = crate::store::io_keyed(e);
    keyed(lang, key, &args)
}

/// A file that could not be attached, said in `lang`.
pub fn media_error(lang: &str, e: &crate::store::media::MediaError) -> String {
    use crate::store::media::MediaError;
    match e {
        MediaError::NotMedia { path } => t!(lang, "media-not-media", path = path.clone()),
        MediaError::NoSuchFile { path } => t!(lang, "media-no-such-file", path = path.clone()),
        MediaError::Save(e) => save_error(lang, e),
    }
}

/// A problem with an attached file (`atelier check`), said in `lang`.
pub fn media_problem(lang: &str, p: &crate::store::media::MediaProblem) -> String {
    let (key, path) = p.key();
    tr_args(lang, key, &[("path", path.to_owned().into())])
}

/// A save that did not happen, said in `lang`.
pub fn save_error(lang: &str, e: &crate::store::SaveError) -> String {
    use crate::store::SaveError;
    match e {
        SaveError::ReadOnly { path, reason, .. } => t!(
            lang,
            "save-read-only",
            path = path.clone(),
            reason = read_only_reason(lang, reason)
        ),
        SaveError::Io { path, message, .. } if supported(lang) == "en" => {
            t!(lang, "save-io", path = path.clone(), why = message.clone())
        }
        SaveError::Io {
            path,
            key: (key, args),
            ..
        } => t!(
            lang,
            "save-io",
            path = path.clone(),
            why = keyed(lang, key, args)
        ),
        SaveError::Serialize(detail) => t!(lang, "save-serialize", detail = detail.clone()),
    }
}

/// What a crash journal gave back at open, said in `lang`.
pub fn recovered(lang: &str, r: &crate::store::journal::Recovered) -> String {
    use crate::store::journal::Recovered;
    if supported(lang) == "en" {
        return r.to_string();
    }
    match r {
        Recovered::Changes { n, torn: 0 } => t!(lang, "recovered-changes", n = *n),
        Recovered::Changes { n, torn } => {
            t!(lang, "recovered-changes-torn", n = *n, bytes = *torn)
        }
        Recovered::ConflictCopy { n, name } => {
            t!(lang, "recovered-conflict-copy", n = *n, name = name.clone())
        }
        Recovered::KeptAside { path } => t!(lang, "recovered-kept-aside", path = path.clone()),
        Recovered::DoNotFit { path } => t!(lang, "recovered-do-not-fit", path = path.clone()),
        Recovered::Unreadable {
            key: (key, args), ..
        } => {
            t!(lang, "recovered-unreadable", why = keyed(lang, key, args))
        }
    }
}

/// A dot the board refused to give or take back, said in `lang`.
pub fn vote_refused(lang: &str, r: &crate::model::VoteRefused) -> String {
    use crate::model::VoteRefused;
    match r {
        VoteRefused::Budget { who, dots } => {
            t!(lang, "vote-refused-budget", who = who.clone(), dots = *dots)
        }
        VoteRefused::Cap { who, cap } => {
            t!(lang, "vote-refused-cap", who = who.clone(), cap = *cap)
        }
        VoteRefused::NoDot => t!(lang, "vote-refused-no-dot"),
    }
}

/// A line of the lab's thesaurus or word-vector file that cannot be read,
/// said in `lang` with its `file:line:column`.
pub fn lab_file_error(lang: &str, e: &crate::model::suggest::ThesaurusError) -> String {
    if supported(lang) == "en" {
        return e.to_string();
    }
    let what = keyed(lang, e.key, &e.args);
    format!("{}:{}:{}: {what}", e.origin, e.line, e.column)
}

/// An export that could not be made, said in `lang` (the library's own
/// words kept as the detail).
pub fn export_error(lang: &str, e: &crate::export::ExportError) -> String {
    use crate::export::ExportError;
    match e {
        ExportError::Template { name, detail } => t!(
            lang,
            "export-failed-template",
            name = name.clone(),
            detail = detail.clone()
        ),
        ExportError::Json(detail) => t!(lang, "export-failed-json", detail = detail.clone()),
        ExportError::Csv(detail) => t!(lang, "export-failed-csv", detail = detail.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(t!("en", "stickies", n = 1), "1 sticky");
        assert_eq!(t!("en", "stickies", n = 2), "2 stickies");
        assert_eq!(t!("fr", "stickies", n = 1), "1 post-it");
        assert_eq!(t!("fr", "stickies", n = 2), "2 post-it");
        assert_eq!(t!("en", "dots", n = 1), "1 dot");
        assert_eq!(t!("fr", "dots", n = 0), "0 gommette");
        assert_eq!(t!("fr", "dots", n = 3), "3 gommettes");
    }

    #[test]
    fn no_isolation_marks_around_arguments() {
        let s = t!("en", "stickies", n = 3);
        assert!(!s.contains(['\u{2068}', '\u{2069}']), "{s:?}");
    }

    #[test]
    fn dates_are_written_the_local_way() {
        let d = time::macros::date!(2026 - 07 - 09);
        assert_eq!(date("en", d), "9 July 2026");
        assert_eq!(date("fr", d), "9 juillet 2026");
        assert_eq!(
            date("fr", time::macros::date!(2026 - 05 - 01)),
            "1er mai 2026"
        );
        let at = Timestamp::from_unix(1_783_605_900).expect("a time"); // 2026-07-09 14:05 UTC
        assert_eq!(
            date_time("en", at, &crate::model::Zone::utc()),
            "9 July 2026 14:05"
        );
        assert_eq!(
            date_time("fr", at, &crate::model::Zone::utc()),
            "9 juillet 2026 14:05"
        );
    }

    #[test]
    fn sizes_use_the_local_decimal_separator() {
        assert_eq!(size("en", 512), "512 B");
        assert_eq!(size("en", 2_400_000), "2.3 MB");
        assert_eq!(size("fr", 2_400_000), "2,3 Mo");
        assert_eq!(size("fr", 18_432), "18 ko");
    }

    #[test]
    fn keys_are_named_as_on_a_french_keyboard() {
        assert_eq!(key_label("fr", "Space"), "Espace");
        assert_eq!(key_label("fr", "Shift-Tab"), "Maj-Tab");
        assert_eq!(key_label("fr", "Ctrl-s"), "Ctrl-s");
        assert_eq!(key_label("fr", "-"), "-");
        assert_eq!(key_label("en", "Space"), "Space");
        assert_eq!(key_list("fr", "Esc, q"), "Échap, q");
    }

    #[test]
    fn io_errors_are_said_in_plain_words_without_the_system_s_english() {
        use std::io::{Error, ErrorKind};
        let missing = Error::from_raw_os_error(2);
        assert_eq!(io_error("fr", &missing), "fichier ou dossier introuvable");
        assert_eq!(io_error("en", &missing), "no such file or folder");
        for kind in [
            ErrorKind::IsADirectory,
            ErrorKind::DirectoryNotEmpty,
            ErrorKind::InvalidData,
            ErrorKind::TimedOut,
            ErrorKind::BrokenPipe,
            ErrorKind::FileTooLarge,
            ErrorKind::ResourceBusy,
            ErrorKind::CrossesDevices,
        ] {
            let fr = io_error("fr", &Error::from(kind));
            assert!(
                crate::store::io_key(&Error::from(kind)).is_some(),
                "{kind:?}"
            );
            assert_ne!(fr, io_error("en", &Error::from(kind)), "{kind:?}");
            assert!(!fr.contains("load-io"), "{kind:?}: {fr}");
        }
        // EIO has no plain words: its number only, in French.
        let eio = Error::from_raw_os_error(5);
        assert_eq!(io_error("fr", &eio), "erreur du système 5");
        assert!(io_error("en", &eio).contains("os error 5"));
        // A library's own error: its words inside a French sentence.
        let other = Error::other("boom");
        assert_eq!(
            io_error("fr", &other),
            "la lecture ou l'écriture a échoué (boom)"
        );
        // Every key, once, in both languages.
        let keys: Vec<_> = crate::store::io_keys().collect();
        assert!(keys.len() > 20, "{keys:?}");
        for key in keys {
            assert!(has("fr", key) && has("en", key), "{key}");
        }
    }

    #[test]
    fn export_errors_are_keyed_sentences_with_the_library_s_detail() {
        use crate::export::ExportError;
        let template = ExportError::Template {
            name: "runsheet.html".into(),
            detail: "syntax error".into(),
        };
        assert_eq!(
            export_error("fr", &template),
            "l'export n'a pas pu être fait\u{a0}: le modèle de page runsheet.html a échoué (syntax error)"
        );
        assert_eq!(
            export_error("en", &template),
            "the export could not be made: the page template runsheet.html failed (syntax error)"
        );
        for (e, word) in [
            (ExportError::Json("x".into()), "le JSON"),
            (ExportError::Csv("x".into()), "le CSV"),
        ] {
            let fr = export_error("fr", &e);
            assert!(fr.contains(word) && fr.ends_with("(x)"), "{fr}");
        }
    }

    #[test]
    fn what_a_crash_journal_gave_back_is_said_in_each_language() {
        use crate::store::journal::Recovered;
        let all = [
            Recovered::Changes { n: 1, torn: 0 },
            Recovered::Changes { n: 3, torn: 12 },
            Recovered::ConflictCopy {
                n: 2,
                name: "a.conflict-1.ron".into(),
            },
            Recovered::KeptAside {
                path: "j.old".into(),
            },
            Recovered::DoNotFit {
                path: "j.bad".into(),
            },
            Recovered::Unreadable {
                why: "no such file or folder".into(),
                key: ("load-io-not-found", Vec::new()),
            },
        ];
        for r in &all {
            // English is the store's own wording, and the key's.
            assert_eq!(recovered("en", r), r.to_string());
            let fr = recovered("fr", r);
            assert!(fr.contains("journal de secours"), "{fr}");
            assert!(!fr.contains("crash") && !fr.contains("recovered"), "{fr}");
        }
        assert_eq!(
            recovered("fr", &all[1]),
            "3 modifications récupérées du journal de secours\u{a0}; un dernier \
             enregistrement inachevé (12 octets) a été écarté"
        );
    }

    #[test]
    fn refused_dots_are_said_in_each_language() {
        use crate::model::VoteRefused;
        let budget = VoteRefused::Budget {
            who: "Ana".into(),
            dots: 3,
        };
        assert_eq!(vote_refused("en", &budget), format!("{budget}."));
        assert_eq!(
            vote_refused("fr", &budget),
            "Ana a utilisé ses 3 gommettes de ce tour\u{a0}: retirez-en une d'abord (-)."
        );
        let cap = VoteRefused::Cap {
            who: "Ana".into(),
            cap: 1,
        };
        assert_eq!(vote_refused("en", &cap), format!("{cap}."));
        assert!(vote_refused("fr", &cap).starts_with("Ana a déjà 1 gommette ici"));
    }

    #[test]
    fn every_enum_word_exists_in_both_languages() {
        for lang in LANGUAGES {
            for r in Role::ALL {
                assert_ne!(role(lang, r), "", "{lang} {r:?}");
            }
            for k in NoteKind::ALL {
                assert!(!note_kind(lang, k).starts_with("note-kind"), "{lang} {k:?}");
            }
        }
        assert_eq!(role("fr", Role::Citizen), "citoyen·ne");
        assert_eq!(tr("de", "screen-board"), "Board");
        assert_eq!(tr("fr", "no-such-key"), "no-such-key");
        assert!(has("fr", "stickies") && has("en", "stickies"));
        assert!(!has("fr", "no-such-key"));
    }
}

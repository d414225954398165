//! The interface language: from `<config>/config.ron` (`(language: "fr")`),
//! else from `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set), else
//! English.

use serde::Deserialize;
use std::path::Path;
use std::sync::OnceLock;

/// `<config>/config.ron`. Fields it does not know are ignored, so the file
/// can grow.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// `"en"` or `"fr"` (`"fr_FR.UTF-8"` and the like are read too).
    pub language: Option<String>,
    /// The name review comments are signed with (`atelier review --as`
    /// overrides it; see `review::reviewer`).
    pub name: Option<String>,
    /// `]` while the step's timer runs starts the next step's timer
    /// (the default); `false` leaves it ready.
    pub next_step_starts_timer: Option<bool>,
}

impl Config {
    /// The config file's text; an error says where and what was expected.
    pub fn parse(text: &str) -> Result<Config, String> {
        crate::store::parse_config::<Config>(text).map_err(|e| e.to_string())
    }

    /// `<config_dir>/config.ron`: a missing file is the default config; a
    /// bad one is the default too, with a warning.
    pub fn load(config_dir: &Path) -> (Config, Option<String>) {
        let (config, problem) = Config::load_keyed(config_dir);
        (config, problem.map(|e| e.to_string()))
    }

    /// As [`Config::load`], the problem kept as a `LoadError`, to be said
    /// in the language chosen once the file has been read.
    pub fn load_keyed(config_dir: &Path) -> (Config, Option<crate::store::LoadError>) {
        let path = config_dir.join("config.ron");
        match std::fs::read_to_string(&path) {
            Ok(text) => match crate::store::parse_config::<Config>(&text) {
                Ok(c) => (c, None),
                Err(mut e) => {
                    e.file = path.display().to_string();
                    (Config::default(), Some(e))
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
            Err(e) => (
                Config::default(),
                Some(crate::store::LoadError::io(&path, &e)),
            ),
        }
    }
}

/// The language a locale names (`fr_FR.UTF-8` -> `"fr"`), if supported.
fn known(value: &str) -> Option<&'static str> {
    let code = value
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match code.as_str() {
        "fr" => Some("fr"),
        "en" => Some("en"),
        _ => None,
    }
}

/// Choose the language: the config's, else the first of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` that is set (read through `env`), else English.
/// Returns a warning when the config names a language atelier lacks.
pub fn choose(
    config: &Config,
    env: impl Fn(&str) -> Option<String>,
) -> (&'static str, Option<String>) {
    if let Some(l) = config.language.as_deref().filter(|l| !l.trim().is_empty()) {
        match known(l.trim()) {
            Some(code) => return (code, None),
            None => {
                let (code, _) = choose(&Config::default(), env);
                let asked = format!("{l:?}");
                let warning =
                    crate::t!(code, "cli-language-unavailable", asked = asked, code = code);
                return (code, Some(warning));
            }
        }
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = env(var).filter(|v| !v.is_empty()) {
            return (known(&v).unwrap_or("en"), None);
        }
    }
    ("en", None)
}

/// The language for the config folder `config_dir` and the process
/// environment, with a warning about a bad config file.
pub fn detect(config_dir: &Path) -> (&'static str, Option<String>) {
    let (config, bad_file) = Config::load_keyed(config_dir);
    let (lang, bad_language) = choose(&config, |v| std::env::var(v).ok());
    let bad_file = bad_file.map(|e| crate::i18n::load_error(lang, &e));
    (lang, bad_file.or(bad_language))
}

/// The interface language of this process (config file, then environment),
/// read once. A problem with the config file is printed once on stderr,
/// before the terminal is taken over.
pub fn from_env() -> &'static str {
    static LANG: OnceLock<&'static str> = OnceLock::new();
    LANG.get_or_init(|| {
        let home = crate::store::Home::from_env();
        let (lang, warning) = detect(&home.config);
        if let Some(w) = warning {
            eprintln!("atelier: {w}");
        }
        lang
    })
}

/// A supported language code for a user-given one.
pub fn normalize(lang: &str) -> &'static str {
    known(lang).unwrap_or(if lang.to_ascii_lowercase().starts_with("fr") {
        "fr"
    } else {
        "en"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    fn config(lang: Option<&str>) -> Config {
        Config {
            language: lang.map(str::to_owned),
            ..Config::default()
        }
    }

    #[test]
    fn lang_fr_fr_utf8_picks_french() {
        assert_eq!(
            choose(&config(None), env(&[("LANG", "fr_FR.UTF-8")])),
            ("fr", None)
        );
        assert_eq!(choose(&config(None), env(&[("LANG", "fr_CA")])).0, "fr");
    }

    #[test]
    fn the_first_variable_set_wins_in_the_posix_order() {
        let vars = [
            ("LC_ALL", "en_GB.UTF-8"),
            ("LC_MESSAGES", "fr_FR.UTF-8"),
            ("LANG", "fr_FR.UTF-8"),
        ];
        assert_eq!(choose(&config(None), env(&vars)).0, "en");
        let vars = [("LC_ALL", ""), ("LC_MESSAGES", "fr_BE"), ("LANG", "C")];
        assert_eq!(choose(&config(None), env(&vars)).0, "fr");
    }

    #[test]
    fn nothing_set_or_an_unknown_locale_is_english() {
        assert_eq!(choose(&config(None), env(&[])), ("en", None));
        assert_eq!(choose(&config(None), env(&[("LANG", "C.UTF-8")])).0, "en");
        assert_eq!(choose(&config(None), env(&[("LANG", "de_DE")])).0, "en");
        // "french" is not a locale name.
        assert_eq!(choose(&config(None), env(&[("LANG", "frisian")])).0, "en");
    }

    #[test]
    fn the_config_file_overrides_lang() {
        let fr = env(&[("LANG", "fr_FR.UTF-8")]);
        assert_eq!(choose(&config(Some("en")), &fr), ("en", None));
        let en = env(&[("LC_ALL", "en_US.UTF-8")]);
        assert_eq!(choose(&config(Some("fr")), &en), ("fr", None));
        assert_eq!(choose(&config(Some("fr_FR.UTF-8")), &en).0, "fr");
    }

    #[test]
    fn an_unknown_language_in_the_config_falls_back_with_a_warning() {
        let (lang, warning) = choose(&config(Some("de")), env(&[("LANG", "fr_FR.UTF-8")]));
        assert_eq!(lang, "fr");
        assert!(warning.is_some_and(|w| w.contains("\"de\"")));
        // An empty value is no choice at all.
        assert_eq!(choose(&config(Some(" ")), env(&[])), ("en", None));
    }

    #[test]
    fn the_config_file_is_read_and_a_bad_one_is_reported() {
        assert_eq!(Config::parse("(language: \"fr\")"), Ok(config(Some("fr"))));
        assert_eq!(Config::parse("()"), Ok(config(None)));
        // Other settings may come later: they are not an error.
        assert_eq!(
            Config::parse("(language: \"en\", theme: \"dark\")"),
            Ok(config(Some("en")))
        );
        assert!(Config::parse("(language: fr)").is_err());

        let dir = tempfile::tempdir().expect("a temporary folder");
        assert_eq!(Config::load(dir.path()), (Config::default(), None));
        std::fs::write(dir.path().join("config.ron"), "(language: \"fr\")").expect("written");
        assert_eq!(Config::load(dir.path()), (config(Some("fr")), None));
        std::fs::write(dir.path().join("config.ron"), "(language: 3").expect("written");
        let (c, warning) = Config::load(dir.path());
        assert_eq!(c, Config::default());
        let warning = warning.expect("a warning");
        assert!(warning.contains("config.ron:1:"), "{warning}");
        // Said in the language chosen after reading it.
        let (_, problem) = Config::load_keyed(dir.path());
        let problem = problem.expect("a problem");
        let fr = crate::i18n::load_error("fr", &problem);
        assert!(fr.contains("config.ron:1:"), "{fr}");
        assert_ne!(fr, warning, "said in French: {fr}");
        assert_eq!(crate::i18n::load_error("en", &problem), warning);
    }

    #[test]
    fn normalize_reads_codes_and_locales() {
        assert_eq!(normalize("fr"), "fr");
        assert_eq!(normalize("FR"), "fr");
        assert_eq!(normalize("fr_FR.UTF-8"), "fr");
        assert_eq!(normalize("en"), "en");
        assert_eq!(normalize("de"), "en");
    }
}

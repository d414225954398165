//! The interface language: from the environment, else English.

/// `"fr"` when `LC_ALL`, `LC_MESSAGES` or `LANG` (first one set) asks for
/// French, else `"en"`.
pub fn from_env() -> &'static str {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            return if v.to_ascii_lowercase().starts_with("fr") {
                "fr"
            } else {
                "en"
            };
        }
    }
    "en"
}

/// A supported language code for a user-given one.
pub fn normalize(lang: &str) -> &'static str {
    if lang.to_ascii_lowercase().starts_with("fr") {
        "fr"
    } else {
        "en"
    }
}

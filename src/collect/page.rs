//! The participants' page (`assets/collect/page.html`, minijinja with HTML
//! auto-escaping of every value) and the words it and the server's
//! messages use, in English and French.

use super::NAME_MAX;
use crate::model::Colour;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior, context};
use serde::Serialize;

const BASE: &str = include_str!("../../assets/collect/base.html");
const PAGE: &str = include_str!("../../assets/collect/page.html");
const BALLOT: &str = include_str!("../../assets/collect/ballot.html");
const ERROR: &str = include_str!("../../assets/collect/error.html");

/// The page's template environment.
pub(super) fn environment() -> Result<Environment<'static>, String> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    for (name, text) in [
        ("base.html", BASE),
        ("page.html", PAGE),
        ("ballot.html", BALLOT),
        ("error.html", ERROR),
    ] {
        env.add_template(name, text)
            .map_err(|e| format!("collect page template {name}: {e}"))?;
    }
    Ok(env)
}

/// The words of one language.
#[derive(Debug, Serialize)]
pub(super) struct Words {
    pub fallback_title: &'static str,
    pub text_label: &'static str,
    /// `{max}` is replaced.
    pub max_hint: &'static str,
    pub name_label: &'static str,
    pub name_hint: &'static str,
    pub anonymous: &'static str,
    pub colour_label: &'static str,
    pub send: &'static str,
    pub note: &'static str,
    pub offline: &'static str,
    pub sent: &'static str,
    pub empty: &'static str,
    /// `{n}` and `{max}` are replaced.
    pub too_long: &'static str,
    /// `{max}` is replaced.
    pub name_too_long: &'static str,
    pub too_large: &'static str,
    pub malformed: &'static str,
    pub bad_colour: &'static str,
    pub too_many: &'static str,
    pub busy: &'static str,
    pub ended: &'static str,
    /// Too many connections at once.
    pub crowded: &'static str,
    /// A request that took too long to arrive.
    pub slow: &'static str,
    pub colours: [&'static str; 6],
}

/// The words of a language, read once from Fluent (`phone.ftl`). They are
/// kept for the whole run (two languages, a few dozen short texts), so
/// the page and the server hold them as `&'static str`.
fn from_fluent(lang: &str) -> Words {
    let keep = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    // `{max}` and `{n}` stay in the text: filled in per message.
    let w = |key: &str| {
        let args = [("max", "{max}".into()), ("n", "{n}".into())];
        keep(crate::i18n::tr_args(lang, key, &args))
    };
    let colour = |c: Colour| {
        let name = crate::i18n::colour(lang, c);
        let mut chars = name.chars();
        keep(chars.next().map_or_else(String::new, |f| {
            f.to_uppercase().chain(chars).collect::<String>()
        }))
    };
    Words {
        fallback_title: w("phone-fallback-title"),
        text_label: w("phone-text-label"),
        max_hint: w("phone-max-hint"),
        name_label: w("phone-name-label"),
        name_hint: w("phone-name-hint"),
        anonymous: w("phone-anonymous"),
        colour_label: w("phone-colour-label"),
        send: w("phone-send"),
        note: w("phone-note"),
        offline: w("phone-offline"),
        sent: w("phone-sent"),
        empty: w("phone-empty"),
        too_long: w("phone-too-long"),
        name_too_long: w("phone-name-too-long"),
        too_large: w("phone-too-large"),
        malformed: w("phone-malformed"),
        bad_colour: w("phone-bad-colour"),
        too_many: w("phone-too-many"),
        busy: w("phone-busy"),
        ended: w("phone-ended"),
        crowded: w("phone-crowded"),
        slow: w("phone-slow"),
        colours: Colour::ALL.map(colour),
    }
}

static EN: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| from_fluent("en"));
static FR: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| from_fluent("fr"));

/// The words for a normalised language code (`"fr"` or anything else).
pub(super) fn words(lang: &str) -> &'static Words {
    if lang == "fr" { &FR } else { &EN }
}

/// What one rendering of the page shows besides the prompt.
#[derive(Debug, Default)]
pub(super) struct View<'a> {
    /// A message and whether it is good news.
    pub status: Option<(String, bool)>,
    /// What the participant typed, shown again after a refusal.
    pub text: &'a str,
    pub name: &'a str,
    pub colour: Colour,
    pub autofocus: bool,
}

#[derive(Serialize)]
struct ColourChoice {
    value: &'static str,
    name: &'static str,
    hex: &'static str,
    checked: bool,
}

/// Everything the page is made of.
pub(super) struct Page<'a> {
    pub lang: &'static str,
    pub step_title: &'a str,
    pub prompt: &'a str,
    pub anonymous_only: bool,
    pub max_chars: usize,
    /// The form's action: the token path.
    pub action: &'a str,
    /// The Content-Security-Policy nonce of the inline style and script.
    pub nonce: &'a str,
}

/// A message and whether it is good news, as the page's text and class.
pub(super) fn status_parts(status: &Option<(String, bool)>) -> (&str, &'static str) {
    match status {
        Some((msg, ok)) => (msg.as_str(), if *ok { "ok" } else { "err" }),
        None => ("", ""),
    }
}

pub(super) fn render(env: &Environment, page: &Page, view: &View) -> Result<String, String> {
    let t = words(page.lang);
    let heading = if page.step_title.trim().is_empty() {
        t.fallback_title
    } else {
        page.step_title
    };
    let colours: Vec<ColourChoice> = Colour::ALL
        .iter()
        .zip(t.colours)
        .map(|(c, name)| ColourChoice {
            value: c.label(),
            name,
            hex: c.hex(),
            checked: *c == view.colour,
        })
        .collect();
    let (status, status_class) = status_parts(&view.status);
    let ctx = context! {
        lang => page.lang,
        heading => heading,
        prompt => page.prompt.trim(),
        action => page.action,
        nonce => page.nonce,
        anonymous_only => page.anonymous_only,
        max_chars => page.max_chars,
        max_hint => t.max_hint.replace("{max}", &page.max_chars.to_string()),
        name_max => NAME_MAX,
        t => Value::from(Serde(t)),
        colours => Value::from(Serde(&colours)),
        text => view.text,
        name => view.name,
        autofocus => view.autofocus,
        status => status,
        status_class => status_class,
    };
    env.get_template("page.html")
        .and_then(|tpl| tpl.render(ctx))
        .map_err(|e| format!("collect page: {e}"))
}

/// The small page of an HTTP error (`status`) in `lang`, so that a phone
/// never shows its browser's own page: what happened, what to do, and a
/// link back to the form (`back`, the token path) when the request was
/// on it. No other address is ever named.
pub(super) fn error_page(
    env: &Environment,
    lang: &str,
    nonce: &str,
    status: u16,
    back: Option<&str>,
) -> Result<String, String> {
    let ctx = context! {
        lang => lang,
        nonce => nonce,
        heading => error_heading(lang, status),
        message => error_message(lang, status),
        back => back,
        back_label => crate::i18n::tr(lang, "phone-error-back"),
    };
    env.get_template("error.html")
        .and_then(|tpl| tpl.render(ctx))
        .map_err(|e| format!("collect error page: {e}"))
}

/// An HTTP error's title, in `lang` (`phone-error-heading`).
pub(super) fn error_heading(lang: &str, status: u16) -> String {
    crate::t!(lang, "phone-error-heading", status = status)
}

/// What an HTTP error means to the phone's user and what to do, in `lang`.
pub(super) fn error_message(lang: &str, status: u16) -> String {
    crate::t!(lang, "phone-error-message", status = status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_phone_page_comes_from_fluent_in_both_languages() {
        for (lang, w) in [("en", words("en")), ("fr", words("fr"))] {
            let json = serde_json::to_value(w).unwrap();
            let texts: Vec<String> = json
                .as_object()
                .unwrap()
                .values()
                .flat_map(|v| match v {
                    serde_json::Value::Array(a) => a.clone(),
                    v => vec![v.clone()],
                })
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            assert_eq!(texts.len(), 22 + 6, "{lang}");
            for t in texts {
                // A missing key comes back as the key itself.
                assert!(!t.is_empty() && !t.starts_with("phone-"), "{lang}: {t:?}");
            }
        }
        assert_eq!(words("en").sent, "Sent! Write another.");
        assert_eq!(words("fr").sent, "Envoyé\u{a0}! Écrivez-en un autre.");
        assert_eq!(words("fr").colours[0], "Jaune");
        assert!(words("en").too_long.contains("{n}") && words("en").too_long.contains("{max}"));
    }
}

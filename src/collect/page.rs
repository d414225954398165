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

/// The page's template environment.
pub(super) fn environment() -> Result<Environment<'static>, String> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    for (name, text) in [
        ("base.html", BASE),
        ("page.html", PAGE),
        ("ballot.html", BALLOT),
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

const EN: Words = Words {
    fallback_title: "Add a sticky",
    text_label: "Your sticky",
    max_hint: "Up to {max} characters.",
    name_label: "Your name (optional)",
    name_hint: "Leave it empty to stay anonymous.",
    anonymous: "Stickies are anonymous: no name is asked.",
    colour_label: "Colour",
    send: "Send",
    note: "Your sticky goes to the facilitator, who shares it with the room. \
           This page never shows what others wrote.",
    offline: "Not sent: check that you are on the room's Wi-Fi, then try again.",
    sent: "Sent! Write another.",
    empty: "Write something first.",
    too_long: "Too long: {n} characters, {max} at most. Shorten it and send again.",
    name_too_long: "The name is too long: {max} characters at most.",
    too_large: "Too much text at once. Shorten it and send again.",
    malformed: "This sticky could not be read. Reload the page and try again.",
    bad_colour: "Unknown colour. Reload the page and try again.",
    too_many: "That is a lot of stickies in a minute! Wait a moment, then send again.",
    busy: "The facilitator's inbox is full. Wait a minute, then send again.",
    ended: "Collecting has ended. Thank you!",
    crowded: "Many phones are sending at once. Wait a moment, then send again.",
    slow: "The connection was too slow. Send again.",
    colours: ["Yellow", "Pink", "Blue", "Green", "Orange", "Purple"],
};

// French typography: a no-break space before ':', '!' and '?'.
const FR: Words = Words {
    fallback_title: "Ajouter un post-it",
    text_label: "Votre post-it",
    max_hint: "{max} caractères au plus.",
    name_label: "Votre prénom (facultatif)",
    name_hint: "Laissez vide pour rester anonyme.",
    anonymous: "Les post-its sont anonymes\u{a0}: aucun nom n'est demandé.",
    colour_label: "Couleur",
    send: "Envoyer",
    note: "Votre post-it arrive chez la personne qui anime, qui le partage avec la salle. \
           Cette page ne montre jamais ce que les autres ont écrit.",
    offline: "Non envoyé\u{a0}: vérifiez que vous êtes sur le Wi-Fi de la salle, puis réessayez.",
    sent: "Envoyé\u{a0}! Écrivez-en un autre.",
    empty: "Écrivez d'abord quelque chose.",
    too_long: "Trop long\u{a0}: {n} caractères, {max} au plus. Raccourcissez puis renvoyez.",
    name_too_long: "Le prénom est trop long\u{a0}: {max} caractères au plus.",
    too_large: "Trop de texte d'un coup. Raccourcissez puis renvoyez.",
    malformed: "Ce post-it n'a pas pu être lu. Rechargez la page et réessayez.",
    bad_colour: "Couleur inconnue. Rechargez la page et réessayez.",
    too_many: "Beaucoup de post-its en une minute\u{a0}! Attendez un peu, puis renvoyez.",
    busy: "La boîte de la personne qui anime est pleine. Attendez une minute, puis renvoyez.",
    ended: "La collecte est terminée. Merci\u{a0}!",
    crowded: "Beaucoup de téléphones envoient en même temps. Attendez un peu, puis renvoyez.",
    slow: "La connexion était trop lente. Renvoyez.",
    colours: ["Jaune", "Rose", "Bleu", "Vert", "Orange", "Violet"],
};

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

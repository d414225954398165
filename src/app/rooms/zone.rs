//! The app's side of the session's time zone: shown and edited in setup's
//! details, and given to an older session (one that names none) when it is
//! opened, from this machine's zone read at start-up.

use crate::app::effect::Effect;
use crate::app::history::*;
use crate::app::kit::*;
use crate::app::state::{App, TextField};
use crate::model::{Session, Timestamp, Zone};
use crate::t;

/// The zone as setup's details show it: "Europe/Paris (UTC+02:00)", or the
/// machine's that stands in for it.
pub fn describe(app: &App, s: &Session) -> String {
    let zone = s.zone_or(&app.local_zone);
    let at = format!("{} ({})", zone.name(), zone.offset_name(app.now));
    match s.time_zone {
        Some(_) => at,
        None => t!(app.lang, "zone-none", zone = at),
    }
}

/// A zone name that is not one: the field stays open, with what was typed,
/// and the message says what is expected (with names that look like it).
pub fn refuse(app: &mut App, field: TextField, value: &str, now: Timestamp) {
    let text = match Zone::find(value) {
        Err(e) if !e.like.is_empty() => t!(
            app.lang,
            "zone-unknown-like",
            name = value.trim().to_owned(),
            like = e.like.join(", ")
        ),
        _ => t!(app.lang, "zone-unknown", name = value.trim().to_owned()),
    };
    warn(app, text, now);
    app.field = Some(field);
}

/// Give the open session this machine's zone if it names none (an older
/// file) and can be changed; the status line says so. The effects (a save)
/// are empty when nothing changed.
pub fn adopt(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let mut fx = Vec::new();
    let can = app
        .doc
        .as_ref()
        .is_some_and(|d| d.read_only.is_none() && d.session.time_zone.is_none());
    if !can {
        return fx;
    }
    let zone = app.local_zone.clone();
    if let Some(s) = edit(app, now, &mut fx) {
        s.adopt_zone(&zone);
        let text = t!(app.lang, "zone-adopted", zone = zone.name().to_owned());
        say(app, text, now);
    }
    fx
}

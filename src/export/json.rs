//! The JSON interchange format (see `docs/json.md`): the whole session,
//! wrapped with a version number.

use super::{ExportError, Options, prepare_media};
use crate::model::{Session, validate};
use serde::{Deserialize, Serialize};

/// The version of the JSON wrapper this build writes (`"atelier_json"`).
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Out<'a> {
    atelier_json: u32,
    format: u32,
    anonymized: bool,
    session: &'a Session,
}

#[derive(Deserialize)]
struct In {
    format: u32,
    session: Session,
}

/// The session as pretty-printed JSON.
pub fn json(session: &Session, opts: &Options) -> Result<String, ExportError> {
    json_with(session, opts, false)
}

/// As [`json`]; an anonymized export keeps its attachments with `with_media`.
pub(crate) fn json_with(
    session: &Session,
    opts: &Options,
    with_media: bool,
) -> Result<String, ExportError> {
    let s = prepare_media(session, opts, with_media);
    let out = Out {
        atelier_json: JSON_VERSION,
        format: s.format,
        anonymized: opts.anonymize,
        session: &s,
    };
    let raw = serde_json::to_string_pretty(&out).map_err(|e| ExportError::Json(e.to_string()))?;
    // serde_json escapes C0 controls; DEL and the C1 controls (U+009B is a
    // terminal's CSI) are escaped too, so that no control character is raw.
    let mut text = String::with_capacity(raw.len() + 1);
    for c in raw.chars() {
        if matches!(c, '\u{7f}'..='\u{9f}') {
            text.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            text.push(c);
        }
    }
    text.push('\n');
    Ok(text)
}

/// A session read back from the JSON format, checked as a session file is.
pub fn from_json(text: &str) -> Result<Session, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    match v.get("atelier_json").and_then(serde_json::Value::as_u64) {
        Some(n) if n == u64::from(JSON_VERSION) => {}
        Some(n) => return Err(format!("unsupported atelier_json version {n}")),
        None => return Err("not an atelier JSON export (no \"atelier_json\")".into()),
    }
    let mut doc: In = serde_json::from_value(v).map_err(|e| e.to_string())?;
    // Format 3 only added optional keys to format 2: both read as 3.
    if doc.format == 2 && doc.session.format == 2 {
        doc.format = crate::model::FORMAT;
        doc.session.format = crate::model::FORMAT;
    }
    if doc.format != doc.session.format || doc.format != crate::model::FORMAT {
        return Err(format!(
            "session format {} is not the one this atelier reads ({})",
            doc.format,
            crate::model::FORMAT
        ));
    }
    if let Some(problem) = validate(&doc.session).into_iter().next() {
        return Err(problem.to_string());
    }
    Ok(doc.session)
}

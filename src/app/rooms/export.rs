//! The export picker and its destination field.

use crate::app::effect::Effect;
use crate::app::kit::*;
use crate::app::state::*;
use crate::i18n::tr;
use crate::model::Timestamp;
use crate::t;

/// The export formats offered, in the picker's order: (format, anonymized).
pub const EXPORTS: [(crate::export::Format, bool); 11] = {
    use crate::export::Format::*;
    [
        (Html, false),
        (Md, false),
        (Csv, false),
        (Json, false),
        (Svg, false),
        (Html, true),
        (Md, true),
        (Csv, true),
        (Json, true),
        (Svg, true),
        (Runsheet, false),
    ]
};

/// How the export picker names a format, in `lang`.
pub fn export_label(lang: &str, format: crate::export::Format, anonymize: bool) -> String {
    use crate::export::Format::*;
    match (format, anonymize) {
        (Html, false) => tr(lang, "export-html"),
        (Md, false) => tr(lang, "export-md"),
        (Csv, false) => tr(lang, "export-csv"),
        (Json, false) => tr(lang, "export-json"),
        (Svg, false) => tr(lang, "export-svg"),
        (Html, true) => tr(lang, "export-html-anonymized"),
        (Md, true) => tr(lang, "export-md-anonymized"),
        (Csv, true) => tr(lang, "export-csv-anonymized"),
        (Json, true) => tr(lang, "export-json-anonymized"),
        (Svg, true) => tr(lang, "export-svg-anonymized"),
        (Runsheet, _) => tr(lang, "export-runsheet"),
    }
}

pub(crate) fn open_export(app: &mut App) {
    let lang = app.lang;
    let mut items: Vec<String> = EXPORTS
        .iter()
        .map(|(format, anonymize)| export_label(lang, *format, *anonymize))
        .collect();
    // Private items are left out unless this last row says otherwise.
    items.extend(export_row(app, false));
    app.picker = Some(Picker::new(
        PickPurpose::Export { private: false },
        tr(lang, "picker-export"),
        items,
        0,
    ));
}

/// Where an export goes by default: beside the session, with the format's
/// extension (`-anonymized` added when it is).
pub(crate) fn export_path(
    app: &App,
    format: crate::export::Format,
    anonymize: bool,
    private: bool,
) -> String {
    let Some(doc) = app.doc.as_ref() else {
        return String::new();
    };
    let mut p = crate::export::cli::default_output(&doc.path, format);
    for (yes, suffix) in [(anonymize, "-anonymized"), (private, "-private")] {
        if yes && let Some(stem) = p.file_stem().map(|s| s.to_string_lossy().into_owned()) {
            p.set_file_name(format!("{stem}{suffix}.{}", format.extension()));
        }
    }
    p.display().to_string()
}

/// The export picker's last row, when the session has private items: are
/// they left out (the default) or kept.
pub fn export_row(app: &App, private: bool) -> Option<String> {
    let s = app.session()?;
    let n = s.notes.iter().filter(|x| x.private).count()
        + s.stickies.iter().filter(|x| x.private).count();
    (n > 0).then(|| {
        if private {
            t!(app.lang, "private-export-kept", n = n)
        } else {
            t!(app.lang, "private-export-left-out", n = n)
        }
    })
}

/// Enter on that row: the picker stays, with private items in (or out).
pub fn export_toggled(app: &mut App, mut picker: Picker, private: bool) {
    picker.purpose = PickPurpose::Export { private };
    if let (Some(row), Some(last)) = (export_row(app, private), picker.items.last_mut()) {
        *last = row;
    }
    app.picker = Some(picker);
}

/// Enter on the export destination: the export runs in the background.
pub(crate) fn submit_path(
    app: &mut App,
    field: TextField,
    value: String,
    (format, anonymize, include_private): (crate::export::Format, bool, bool),
    now: Timestamp,
    fx: &mut Vec<Effect>,
) {
    let lang = app.lang;
    if value.is_empty() {
        return;
    }
    let path = app.ctx.typed_path(&value);
    if app.doc.as_ref().is_some_and(|d| d.path == path) {
        warn(app, tr(lang, "msg-export-is-session"), now);
        app.field = Some(field);
        return;
    }
    say(
        app,
        t!(lang, "msg-exporting", path = path.display().to_string()),
        now,
    );
    fx.push(Effect::Export {
        format,
        anonymize,
        include_private,
        path,
    });
}

/// A row of the export picker was chosen.
pub(crate) fn pick(app: &mut App, p: Picker, private: bool) {
    let Some((format, anonymize)) = EXPORTS.get(p.selected).copied() else {
        // The last row: private items in, or out.
        return export_toggled(app, p, !private);
    };
    let path = export_path(app, format, anonymize, private);
    let title = tr(app.lang, "field-export-to");
    open_field(
        app,
        FieldPurpose::ExportTo(format, anonymize, private),
        &title,
        &path,
    );
}

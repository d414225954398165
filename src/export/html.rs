//! The HTML summary: one self-contained page rendered from
//! `assets/templates/` with minijinja, HTML auto-escaping on for every
//! value. The only markup not escaped by the template is the board's SVG,
//! built by [`super::svg`], which escapes every text itself, and the board's
//! detail list ([`board_detail`]), which escapes every text with
//! minijinja's own `HtmlEscape`; both are put into the rendered page at
//! their marks, as [`Pieces`] (see [`page`]).

use super::labels::{self, Labels};
use super::svg::board_svg;
use super::view::{Board, StickyView, Summary, summary};
use super::{ExportError, Media, Options, Pieces, media_left_out, prepare_media};
use crate::model::Session;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, HtmlEscape, UndefinedBehavior, context};
use std::fmt::Write as _;

const STYLE: &str = include_str!("../../assets/templates/style.css");
const SESSION: &str = include_str!("../../assets/templates/session.html");
const REPORT: &str = include_str!("../../assets/templates/report.html");

/// The template environment: every template is HTML, auto-escaped, and an
/// undefined value is an error rather than an empty string.
pub(crate) fn environment() -> Result<Environment<'static>, ExportError> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    for (name, text) in [
        ("style.css", STYLE),
        ("session.html", SESSION),
        ("report.html", REPORT),
    ] {
        env.add_template(name, text)
            .map_err(|e| ExportError::template(name, &e))?;
    }
    Ok(env)
}

pub(crate) fn render(env: &Environment, name: &str, ctx: Value) -> Result<String, ExportError> {
    env.get_template(name)
        .and_then(|t| t.render(ctx))
        .map_err(|e| ExportError::template(name, &e))
}

/// The session as one HTML page, its media linked by path (see [`html_with`]).
pub fn html(session: &Session, opts: &Options) -> Result<String, ExportError> {
    html_with(session, opts, &Media::none())
}

/// The session as one HTML page: photos embedded, videos and audio linked
/// by relative path, missing or altered files shown as placeholders.
pub fn html_with(session: &Session, opts: &Options, media: &Media) -> Result<String, ExportError> {
    html_pieces(session, opts, media).map(Pieces::into_string)
}

/// [`html_with`] in the pieces it is made of, to be written one after the
/// other.
pub fn html_pieces(
    session: &Session,
    opts: &Options,
    media: &Media,
) -> Result<Pieces, ExportError> {
    let s = prepare_media(session, opts, media.with_media);
    let l = labels::for_lang(s.language.as_deref());
    let v = summary(&s, opts, l, media, media_left_out(session, opts, media));
    page(&v, l, None)
}

/// What the template is rendered with in place of the board's two big
/// pieces (most of a large page's bytes), which are then put in their
/// place once. No text can make them: every value the template writes is
/// escaped (a `<` comes out as `&lt;`), and the two pieces are put in
/// after the rendering.
const SVG_MARK: &str = "<!--atelier:board-svg-->";
const DETAIL_MARK: &str = "<!--atelier:board-detail-->";

/// The page of a summary; `back` links to a report's index.
///
/// The board's picture is drawn on a second thread while the rest of the
/// page is rendered: on a 10,000-sticky board each is about half of the
/// work.
pub(crate) fn page(v: &Summary, l: &Labels, back: Option<&str>) -> Result<Pieces, ExportError> {
    std::thread::scope(|scope| {
        let draw = || board_svg(&v.board, l, &v.title, v.anonymized, false);
        // On a thread of its own when the system gives one; else here,
        // after the rest.
        let drawing = std::thread::Builder::new().spawn_scoped(scope, draw).ok();
        let detail = board_detail(&v.board, l);
        let rendered = render(
            &environment()?,
            "session.html",
            context! {
                s => Value::from(Serde(v)),
                l => Value::from(Serde(l)),
                board_svg => Value::from_safe_string(SVG_MARK.to_owned()),
                board_detail => Value::from_safe_string(DETAIL_MARK.to_owned()),
                back => back,
            },
        )?;
        // A panic drawing the board is a panic of this function, as it was
        // before the drawing had a thread of its own.
        let svg = match drawing {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => draw(),
        };
        Ok(Pieces::put_in(
            &rendered,
            vec![(SVG_MARK, svg), (DETAIL_MARK, detail)],
        ))
    })
}

/// The board's cards as lists (the page's "board in detail"), written here
/// rather than by the template: at 10,000 stickies minijinja built and
/// dropped a value for each. Every text is escaped as the template's
/// auto-escaping does (`HtmlEscape`), so the page is the same.
fn board_detail(b: &Board, l: &Labels) -> String {
    let cards = b.stickies + b.clusters;
    let mut o = String::with_capacity(1024 + 160 * cards);
    let e = HtmlEscape;
    let _ = write!(
        o,
        "<details class=\"board-detail\">\n<summary>{}</summary>\n",
        e(&l.board_detail)
    );
    for g in &b.stages {
        let titled = g.title.as_deref().filter(|t| !t.is_empty());
        if let Some(t) = titled {
            let _ = writeln!(o, "<h3>{}</h3>", e(t));
        }
        o.push_str("<div class=\"clusters\">\n");
        for c in &g.clusters {
            let h = if titled.is_some() { "h4" } else { "h3" };
            let _ = writeln!(
                o,
                "<div class=\"cluster\"><{h}>{}</{h}><p class=\"meta\">{}</p>",
                e(&c.title),
                e(&c.line)
            );
            if !c.stickies.is_empty() {
                o.push_str("<ol>\n");
                cards_li(&mut o, &c.stickies);
                o.push_str("</ol>\n");
            }
            o.push_str("</div>\n");
        }
        o.push_str("</div>\n");
    }
    for (title, list) in [(&l.inbox, &b.inbox), (&l.parking, &b.parking)] {
        if !list.is_empty() {
            let _ = write!(
                o,
                "<h3>{} ({})</h3>\n<div class=\"clusters\"><div class=\"cluster\"><ol>\n",
                e(title),
                list.len()
            );
            cards_li(&mut o, list);
            o.push_str("</ol></div></div>\n");
        }
    }
    o.push_str("</details>");
    o
}

/// One `<li>` a card, its colour behind it and its votes after it.
fn cards_li(o: &mut String, list: &[StickyView]) {
    for x in list {
        let _ = write!(
            o,
            "<li style=\"background: {}\"><span class=\"pre\">{}</span><span class=\"votes\">",
            HtmlEscape(x.colour),
            HtmlEscape(&x.text)
        );
        if x.votes > 0 {
            let _ = write!(o, "{}", x.votes);
        }
        o.push_str("</span></li>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_that_looks_like_a_mark_stays_text() {
        let mut s = Session::new(crate::model::Id::from("s"), SVG_MARK);
        s.challenge.statement = DETAIL_MARK.to_owned();
        let page = html(&s, &Options::default()).unwrap_or_default();
        assert!(
            !page.contains(SVG_MARK) && !page.contains(DETAIL_MARK),
            "{page}"
        );
        assert!(page.contains("&lt;!--atelier:board-svg--&gt;"), "{page}");
    }
}

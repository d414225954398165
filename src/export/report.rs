//! The programme report: for a folder of sessions (monthly workshops, a
//! season of a participatory budget...), an HTML index across sessions and
//! the HTML summary of each session.
//!
//! Pure: the sessions come in loaded (see [`super::cli::report`] for the
//! folder), the pages go out as strings. The pages are meant for
//! publication: a file that could not be loaded is not named in them (its
//! error could quote its content); the command says so on the terminal.

use super::html::{environment, page, render};
use super::labels;
use super::text::{clean_line, iso_date, xml};
use super::view::{ActionView, RankedView, UNASSIGNED, short, status_key, summary};
use super::{ExportError, Media, Options, media_left_out, prepare};
use crate::model::{ActionStatus, Origin, Role, Session};
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;
use std::collections::HashSet;
use std::fmt::Write;

/// A session file of the folder, loaded.
pub struct Entry {
    /// The file's name, as shown and as the base of its page's name.
    pub file: String,
    pub session: Session,
}

/// The report's files: `index.html` and one page per session.
pub struct Report {
    pub index: String,
    /// (file name, HTML), in the index's order.
    pub pages: Vec<(String, String)>,
}

#[derive(Serialize)]
struct Row {
    page: String,
    date: String,
    title: String,
    challenge: String,
    origin: &'static str,
    public: bool,
    participants: usize,
    roles: Vec<usize>,
    rounds: Vec<TopRound>,
}

#[derive(Serialize)]
struct TopRound {
    title: String,
    ranked: Vec<RankedView>,
}

#[derive(Serialize)]
struct ActionRow {
    #[serde(flatten)]
    action: ActionView,
    session: String,
    page: String,
    date: String,
}

#[derive(Serialize)]
struct View {
    lang: &'static str,
    anonymized: bool,
    subtitle: String,
    public_share: String,
    public_count: usize,
    rows: Vec<Row>,
    role_labels: Vec<&'static str>,
    role_colours: Vec<&'static str>,
    role_totals: Vec<usize>,
    participants_total: usize,
    actions: Vec<ActionRow>,
    action_counts: Vec<(&'static str, &'static str, usize)>,
    facts: Vec<(String, String)>,
}

const ROLE_COLOURS: [&str; 5] = ["#1f4e9c", "#b5651d", "#2b7a3d", "#6a4fb3", "#8d96a6"];

/// The page name of each session: its file name's slug, made unique.
fn page_names(entries: &[Entry]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::from(["index".to_owned()]);
    entries
        .iter()
        .map(|e| {
            let stem = e.file.rsplit_once('.').map_or(e.file.as_str(), |(s, _)| s);
            let base = crate::store::paths::slug(stem);
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.clone()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            format!("{name}.html")
        })
        .collect()
}

/// The language of a report: the one most sessions of `entries` use
/// (French on a tie), English when there is none.
pub fn language(entries: &[Entry]) -> &'static str {
    let fr = entries
        .iter()
        .filter(|e| labels::for_lang(e.session.language.as_deref()).lang == "fr")
        .count();
    if fr * 2 >= entries.len() && fr > 0 {
        "fr"
    } else {
        "en"
    }
}

/// The report of `entries` (in any order: they are sorted by date).
pub fn report(entries: &[Entry], opts: &Options) -> Result<Report, ExportError> {
    let order = by_date(entries);
    let sorted: Vec<&Entry> = order.iter().map(|&i| &entries[i]).collect();
    let names = page_names(entries);
    let names: Vec<&String> = order.iter().map(|&i| &names[i]).collect();

    let l = labels::for_code(language(entries));

    let mut pages = Vec::new();
    let mut rows = Vec::new();
    let mut actions = Vec::new();
    for (e, name) in sorted.iter().zip(&names) {
        let (html, row, its_actions) = session_parts(e, name, opts, l)?;
        pages.push(((*name).clone(), html));
        rows.push(row);
        actions.extend(its_actions);
    }
    sort_actions(&mut actions);
    let view = view(&sorted, rows, actions, opts, l);
    let chart = roles_chart(&view, &l.report_roles_chart());
    let env = environment()?;
    let index = render(
        &env,
        "report.html",
        context! {
            r => Value::from(Serde(&view)),
            l => Value::from(Serde(l)),
            chart => Value::from_safe_string(chart),
        },
    )?;
    Ok(Report { index, pages })
}

/// The indexes of `entries` by date (undated last), then title, then file.
fn by_date(entries: &[Entry]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&entries[a].session, &entries[b].session);
        (x.date.is_none(), x.date, &x.title, &entries[a].file).cmp(&(
            y.date.is_none(),
            y.date,
            &y.title,
            &entries[b].file,
        ))
    });
    order
}

/// One session's part of the report: its page (named `name`), its row in
/// the index and its actions.
fn session_parts(
    e: &Entry,
    name: &str,
    opts: &Options,
    l: &'static labels::Labels,
) -> Result<(String, Row, Vec<ActionRow>), ExportError> {
    let s = prepare(&e.session, opts);
    let own = labels::for_lang(s.language.as_deref());
    // The pages are written one folder below the sessions (DIR/report/):
    // their media are linked from there, not read.
    let media = Media::none().with_base("../");
    let left_out = media_left_out(&e.session, opts, &media);
    let v = summary(&s, opts, own, &media, left_out);
    let html = page(&v, own, Some("index.html"))?.into_string();
    let date = s.date.map(iso_date).unwrap_or_default();
    let title = clean_line(&s.title);
    let actions = v
        .actions
        .into_iter()
        .map(|a| ActionRow {
            action: ActionView {
                status: if a.status_key == UNASSIGNED {
                    l.unassigned.as_str()
                } else {
                    l.status(status_of(a.status_key))
                },
                ..a
            },
            session: title.clone(),
            page: name.to_owned(),
            date: date.clone(),
        })
        .collect();
    let row = Row {
        page: name.to_owned(),
        date,
        title,
        challenge: short(&s.challenge.statement, 220),
        origin: l.origin_short(s.challenge.origin),
        public: s.challenge.origin == Origin::Public,
        participants: s.participants.len(),
        roles: Role::ALL
            .iter()
            .map(|r| s.participants.iter().filter(|p| p.role == *r).count())
            .collect(),
        rounds: v
            .rounds
            .into_iter()
            .filter(|r| !r.ranked.is_empty())
            .map(|r| TopRound {
                title: r.title,
                // The top three, and whatever ties with the third.
                ranked: r.ranked.into_iter().filter(|x| x.place <= 3).collect(),
            })
            .collect(),
    };
    Ok((html, row, actions))
}

/// Actions under way first, then to do, unassigned, done, the rest; each
/// by due date (none last).
fn sort_actions(actions: &mut [ActionRow]) {
    let rank = |k: &str| match k {
        "doing" => 0,
        "todo" => 1,
        UNASSIGNED => 2,
        "done" => 3,
        _ => 4,
    };
    actions.sort_by(|a, b| {
        (
            rank(a.action.status_key),
            a.action.due.is_none(),
            &a.action.due,
        )
            .cmp(&(
                rank(b.action.status_key),
                b.action.due.is_none(),
                &b.action.due,
            ))
    });
}

/// The index's view of the sorted sessions' rows and actions.
fn view(
    sorted: &[&Entry],
    rows: Vec<Row>,
    actions: Vec<ActionRow>,
    opts: &Options,
    l: &'static labels::Labels,
) -> View {
    let public_count = rows.iter().filter(|r| r.public).count();
    let role_totals: Vec<usize> = (0..Role::ALL.len())
        .map(|i| rows.iter().map(|r| r.roles[i]).sum())
        .collect();
    let participants_total: usize = rows.iter().map(|r| r.participants).sum();
    View {
        lang: l.lang,
        anonymized: opts.anonymize,
        subtitle: format!("{}{}", l.n_sessions(rows.len()), date_span(sorted, l)),
        public_share: l.share(public_count, rows.len()),
        public_count,
        role_labels: Role::ALL.iter().map(|r| l.roles(*r)).collect(),
        role_colours: ROLE_COLOURS.to_vec(),
        role_totals,
        participants_total,
        action_counts: action_counts(&actions, l),
        facts: facts(&rows, public_count, participants_total, actions.len(), l),
        actions,
        rows,
    }
}

/// How many actions have each status (those with none left out).
fn action_counts(
    actions: &[ActionRow],
    l: &'static labels::Labels,
) -> Vec<(&'static str, &'static str, usize)> {
    [
        ActionStatus::Doing,
        ActionStatus::Todo,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ]
    .iter()
    .map(|&st| {
        let key = status_key(st);
        (
            key,
            l.status(st),
            actions
                .iter()
                .filter(|a| a.action.status_key == key)
                .count(),
        )
    })
    .chain(std::iter::once((
        UNASSIGNED,
        l.unassigned.as_str(),
        actions
            .iter()
            .filter(|a| a.action.status_key == UNASSIGNED)
            .count(),
    )))
    .filter(|(_, _, n)| *n > 0)
    .collect()
}

/// ", FIRST – LAST" (or ", DAY" for one day) of the sessions' dates.
fn date_span(sorted: &[&Entry], l: &labels::Labels) -> String {
    match (
        sorted.iter().filter_map(|e| e.session.date).min(),
        sorted.iter().filter_map(|e| e.session.date).max(),
    ) {
        (Some(a), Some(b)) if a != b => {
            format!(", {} – {}", l.short_date(a), l.short_date(b))
        }
        (Some(a), _) => format!(", {}", l.short_date(a)),
        _ => String::new(),
    }
}

/// The key figures: sessions, public share, participants, actions.
fn facts(
    rows: &[Row],
    public_count: usize,
    participants_total: usize,
    actions: usize,
    l: &labels::Labels,
) -> Vec<(String, String)> {
    vec![
        (
            rows.len().to_string(),
            strip_count(l.n_sessions(rows.len())),
        ),
        (
            match (public_count * 100 + rows.len() / 2).checked_div(rows.len()) {
                None => "–".to_owned(),
                Some(pct) => l.percent(pct),
            },
            l.report_public_share.to_lowercase(),
        ),
        (
            participants_total.to_string(),
            strip_count(l.n_participants(participants_total)),
        ),
        (actions.to_string(), strip_count(l.n_actions(actions))),
    ]
}

fn strip_count(phrase: String) -> String {
    phrase
        .split_once(' ')
        .map_or(phrase.clone(), |(_, rest)| rest.to_owned())
}

fn status_of(key: &str) -> ActionStatus {
    match key {
        "doing" => ActionStatus::Doing,
        "done" => ActionStatus::Done,
        "dropped" => ActionStatus::Dropped,
        _ => ActionStatus::Todo,
    }
}

/// Participants by role, one stacked bar per session, as SVG.
fn roles_chart(v: &View, title: &str) -> String {
    let n = v.rows.len().max(1);
    let (w, h, left, bottom, top) = (760.0_f32, 280.0_f32, 36.0_f32, 56.0_f32, 24.0_f32);
    let max = v
        .rows
        .iter()
        .map(|r| r.participants)
        .max()
        .unwrap_or(0)
        .max(1);
    let slot = (w - left - 10.0) / n as f32;
    let bar = (slot * 0.6).min(56.0);
    let scale = (h - top - bottom) / max as f32;
    let mut o = String::new();
    let _ = writeln!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="chart-title" font-family="system-ui, 'Segoe UI', Roboto, Arial, 'Liberation Sans', sans-serif">"#
    );
    let _ = writeln!(o, r#"<title id="chart-title">{}</title>"#, xml(title));
    let base = h - bottom;
    // Gridlines at round numbers.
    let step = [1usize, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|s| max / s <= 6)
        .unwrap_or(200);
    let mut t = 0;
    while t <= max {
        let y = base - t as f32 * scale;
        let _ = writeln!(
            o,
            r##"<line x1="{left}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="#e1e5ec"/><text x="{}" y="{:.1}" font-size="11" fill="#5b6473" text-anchor="end">{t}</text>"##,
            w - 10.0,
            left - 6.0,
            y + 4.0
        );
        t += step;
    }
    let rotate = n > 8;
    for (i, r) in v.rows.iter().enumerate() {
        let x = left + slot * i as f32 + (slot - bar) / 2.0;
        let mut y = base;
        for (k, count) in r.roles.iter().enumerate() {
            if *count == 0 {
                continue;
            }
            let bh = *count as f32 * scale;
            y -= bh;
            let _ = writeln!(
                o,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{bh:.1}" fill="{}"><title>{}: {count}</title></rect>"#,
                v.role_colours[k],
                xml(v.role_labels[k])
            );
        }
        let cx = x + bar / 2.0;
        let _ = writeln!(
            o,
            r##"<text x="{cx:.1}" y="{:.1}" font-size="12" font-weight="700" fill="#1f2430" text-anchor="middle">{}</text>"##,
            y - 5.0,
            r.participants
        );
        let label = if r.date.is_empty() {
            format!("#{}", i + 1)
        } else {
            r.date.clone()
        };
        if rotate {
            let _ = writeln!(
                o,
                r##"<text x="{cx:.1}" y="{:.1}" font-size="11" fill="#5b6473" text-anchor="end" transform="rotate(-40 {cx:.1} {:.1})">{}</text>"##,
                base + 14.0,
                base + 14.0,
                xml(&label)
            );
        } else {
            let _ = writeln!(
                o,
                r##"<text x="{cx:.1}" y="{:.1}" font-size="11" fill="#5b6473" text-anchor="middle">{}</text>"##,
                base + 18.0,
                xml(&label)
            );
        }
    }
    o.push_str("</svg>\n");
    o
}

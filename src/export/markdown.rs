//! The Markdown summary: GitHub-flavoured Markdown (GFM), that is
//! CommonMark with pipe tables, as GitHub, GitLab, Gitea and pandoc read it
//! (a strict CommonMark reader shows the tables as lines of text). Every
//! user text is escaped so that it stays text.

use super::labels::{self, Labels};
use super::text::{md_block, md_inline};
use super::view::{MediaView, NoteView, Summary, summary};
use super::{Media, Options, media_left_out, prepare_media};
use crate::model::Session;
use std::fmt::Write;

/// The session as a Markdown document, its media linked by path,
/// unchecked (see [`markdown_with`]).
pub fn markdown(session: &Session, opts: &Options) -> String {
    markdown_with(session, opts, &Media::none())
}

/// The session as a Markdown document: photos, videos and audio linked by
/// relative path, missing or altered files named instead.
pub fn markdown_with(session: &Session, opts: &Options, media: &Media) -> String {
    let s = prepare_media(session, opts, media.with_media);
    let l = labels::for_lang(s.language.as_deref());
    let v = summary(&s, opts, l, media, media_left_out(session, opts, media));
    let mut out = String::with_capacity(32 * 1024);
    // Writing to a String cannot fail.
    let _ = write_doc(&mut out, &v, l);
    out
}

/// The document, section by section, in the order a reader meets them.
fn write_doc(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    head(o, v, l)?;
    writeln!(o, "## {}\n", l.challenge)?;
    if !v.challenge.is_empty() {
        writeln!(o, "{}\n", md_block(&v.challenge, 0))?;
    }
    writeln!(o, "*{}.*\n", md_inline(&v.origin))?;
    participants(o, v, l)?;
    top_ideas(o, v, l)?;
    writeln!(o, "## {}\n", l.decisions)?;
    if v.decisions.is_empty() {
        writeln!(o, "{}\n", l.none_decisions)?;
    } else {
        for d in &v.decisions {
            writeln!(o, "- {}", note_item(d, true))?;
        }
        writeln!(o)?;
    }
    actions(o, v, l)?;
    prototypes(o, v, l)?;
    agenda(o, v, l)?;
    board(o, v, l)?;
    if !v.media.is_empty() {
        writeln!(o, "## {}\n", l.media)?;
        for g in &v.media {
            if !g.title.is_empty() {
                writeln!(o, "### {}\n", md_inline(&g.title))?;
            }
            media_list(o, &g.items, l)?;
        }
    }
    notes(o, v, l)?;
    comments(o, v, l)?;
    writeln!(o, "---\n\n*{}*", l.footer)?;
    Ok(())
}

/// The title, the notices, and the workshop's details.
fn head(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    writeln!(o, "# {}\n", md_inline(&v.title))?;
    if v.anonymized {
        writeln!(
            o,
            "> **{}.** {}\n",
            l.anonymized_title,
            md_inline(&l.anonymized_text)
        )?;
    }
    if v.media_left_out {
        writeln!(o, "> {}\n", md_inline(&l.media_left_out))?;
    }
    let mut meta = Vec::new();
    if let Some(d) = &v.date {
        meta.push(format!("**{}{}** {}", l.date, l.colon, md_inline(d)));
    }
    if !v.place.is_empty() {
        meta.push(format!(
            "**{}{}** {}",
            l.place,
            l.colon,
            md_inline(&v.place)
        ));
    }
    if !v.facilitators.is_empty() {
        let names: Vec<String> = v.facilitators.iter().map(|f| md_inline(f)).collect();
        meta.push(format!(
            "**{}{}** {}",
            l.facilitation,
            l.colon,
            names.join(", ")
        ));
    }
    meta.push(format!(
        "**{}{}** {}",
        l.participants, l.colon, v.participants_total
    ));
    // Hard line breaks (backslash) keep the details on their own lines.
    writeln!(o, "{}\n", meta.join("\\\n"))?;
    Ok(())
}

/// The participants by role (only counts when anonymized).
fn participants(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    writeln!(o, "## {}\n", l.participants)?;
    if v.roles.is_empty() {
        writeln!(o, "{}\n", l.none_participants)?;
    } else if v.anonymized {
        writeln!(o, "| {} | {} |\n| --- | ---: |", l.role, l.count)?;
        for r in &v.roles {
            writeln!(o, "| {} | {} |", r.label, r.count)?;
        }
        writeln!(o, "| **{}** | **{}** |\n", l.total, v.participants_total)?;
    } else {
        for r in &v.roles {
            writeln!(o, "- **{}** ({})", r.label, r.count)?;
            for p in &r.people {
                if p.organisation.is_empty() {
                    writeln!(o, "  - {}", md_inline(&p.name))?;
                } else {
                    writeln!(
                        o,
                        "  - {}, *{}*",
                        md_inline(&p.name),
                        md_inline(&p.organisation)
                    )?;
                }
            }
        }
        writeln!(o)?;
    }
    Ok(())
}

/// Each voting round's top ideas.
fn top_ideas(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    writeln!(o, "## {}\n", l.top_ideas)?;
    if v.rounds.iter().all(|r| r.ranked.is_empty()) {
        writeln!(o, "{}\n", l.none_votes)?;
    }
    for r in v.rounds.iter().filter(|r| !r.ranked.is_empty()) {
        writeln!(o, "### {}\n", md_inline(&r.title))?;
        writeln!(o, "*{}.*\n", md_inline(&r.rules))?;
        writeln!(
            o,
            "| {} | {} | {} |\n| ---: | --- | ---: |",
            l.rank, l.idea, l.votes
        )?;
        for x in &r.ranked {
            let detail = if x.detail.is_empty() {
                String::new()
            } else {
                format!(" *({})*", md_inline(&x.detail))
            };
            writeln!(
                o,
                "| {} | {}{} | {} |",
                md_inline(&x.rank),
                md_inline(&x.text),
                detail,
                x.votes
            )?;
        }
        writeln!(o)?;
    }
    Ok(())
}

/// The action plan as a table.
fn actions(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    writeln!(o, "## {}\n", l.actions)?;
    if v.actions.is_empty() {
        writeln!(o, "{}\n", l.none_actions)?;
    } else {
        writeln!(
            o,
            "| {} | {} | {} | {} |\n| --- | --- | --- | --- |",
            l.action, l.owner, l.due, l.status
        )?;
        for a in &v.actions {
            writeln!(
                o,
                "| {} | {} | {} | {} |",
                md_inline(&a.text),
                md_inline(&a.owner),
                a.due.as_deref().unwrap_or(""),
                a.status
            )?;
        }
        writeln!(o)?;
    }
    Ok(())
}

/// The prototypes, their cards and feedback.
fn prototypes(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    if !v.prototypes.is_empty() {
        writeln!(o, "## {}\n", l.prototypes)?;
        for p in &v.prototypes {
            writeln!(o, "### {}\n", md_inline(&p.name))?;
            let mut line = format!("**{}**", p.verdict.unwrap_or(&l.no_verdict));
            if !p.stage.is_empty() {
                line.push_str(&format!(" · *{}*", md_inline(&p.stage)));
            }
            writeln!(o, "{line}\n")?;
            let mut card = Vec::new();
            if !p.tests.is_empty() {
                card.push(format!(
                    "**{}{}** {}",
                    l.proto_tests,
                    l.colon,
                    md_block(&p.tests, 0)
                ));
            }
            if !p.hypothesis.is_empty() {
                card.push(format!(
                    "**{}{}** {}",
                    l.hypothesis,
                    l.colon,
                    md_block(&p.hypothesis, 0)
                ));
            }
            if !card.is_empty() {
                writeln!(o, "{}\n", card.join("\\\n"))?;
            }
            if !p.feedback.is_empty() {
                writeln!(o, "**{}{}**\n", l.feedback, l.colon)?;
                for f in &p.feedback {
                    writeln!(o, "- {}", md_block(f, 2))?;
                }
                writeln!(o)?;
            }
            media_list(o, &p.media, l)?;
        }
    }
    Ok(())
}

/// The agenda, planned against actual minutes.
fn agenda(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    writeln!(o, "## {}\n", l.agenda)?;
    writeln!(o, "*{}*\n", md_inline(&v.times_note))?;
    writeln!(
        o,
        "| {} | {} | {} | {} | {} |\n| --- | ---: | ---: | ---: | ---: |",
        l.step, l.started, l.planned, l.actual, l.difference
    )?;
    let opt = |n: Option<i64>| n.map_or_else(|| "–".to_owned(), |n| n.to_string());
    for st in &v.agenda {
        writeln!(
            o,
            "| **{}. {}** *({})* | {} | **{}** | **{}** | {} |",
            st.number,
            md_inline(&st.title),
            st.kind,
            st.start.as_deref().unwrap_or("–"),
            st.planned,
            st.actual
                .map_or_else(|| l.not_run.to_owned(), |a| a.to_string()),
            st.diff.as_deref().unwrap_or("–"),
        )?;
        for step in &st.steps {
            writeln!(
                o,
                "| {} {} |  | {} | {} | {} |",
                step.number,
                md_inline(&step.title),
                step.planned,
                opt(step.actual),
                step.diff.as_deref().unwrap_or("–"),
            )?;
        }
    }
    writeln!(
        o,
        "| **{}** |  | **{}** | **{}** | **{}** |\n",
        l.total,
        v.planned_total,
        opt(v.actual_total),
        v.diff_total.as_deref().unwrap_or("–")
    )?;
    Ok(())
}

/// The board: its groups by stage, then the inbox and the parking lot.
fn board(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    writeln!(o, "## {}\n", l.board)?;
    if v.board.stickies == 0 && v.board.clusters == 0 {
        writeln!(o, "{}\n", l.none_board)?;
    } else {
        writeln!(o, "*{}.*\n", md_inline(&v.board.summary_line))?;
    }
    for stage in &v.board.stages {
        let level = if let Some(t) = &stage.title {
            writeln!(o, "### {}\n", md_inline(t))?;
            "####"
        } else {
            "###"
        };
        for c in &stage.clusters {
            writeln!(o, "{level} {}\n", md_inline(&c.title))?;
            writeln!(o, "*{}.*\n", md_inline(&c.line))?;
            for x in &c.stickies {
                writeln!(o, "- {}", sticky_item(x, l))?;
            }
            if !c.stickies.is_empty() {
                writeln!(o)?;
            }
            media_list(o, &c.media, l)?;
        }
    }
    for (title, list) in [(&l.inbox, &v.board.inbox), (&l.parking, &v.board.parking)] {
        if list.is_empty() {
            continue;
        }
        writeln!(o, "### {title}\n")?;
        for x in list {
            writeln!(o, "- {}", sticky_item(x, l))?;
        }
        writeln!(o)?;
    }
    Ok(())
}

/// The notes by stage and kind.
fn notes(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    writeln!(o, "## {}\n", l.notes)?;
    if v.notes.is_empty() {
        writeln!(o, "{}\n", l.none_notes)?;
    }
    for st in &v.notes {
        match st.number {
            Some(n) => writeln!(o, "### {n}. {}\n", md_inline(&st.title))?,
            None => writeln!(o, "### {}\n", md_inline(&st.title))?,
        }
        for g in &st.groups {
            writeln!(o, "#### {}\n", g.label)?;
            for n in &g.notes {
                writeln!(o, "- {}", note_item(n, false))?;
                for m in &n.media {
                    writeln!(o, "  - {}", media_item(m, l))?;
                }
            }
            writeln!(o)?;
        }
    }
    Ok(())
}

/// The review comments.
fn comments(o: &mut String, v: &Summary, l: &Labels) -> std::fmt::Result {
    if !v.comments.is_empty() {
        writeln!(o, "## {}\n", l.comments)?;
        for c in &v.comments {
            let mut by = Vec::new();
            if !c.author.is_empty() {
                by.push(md_inline(&c.author));
            }
            by.push(format!("{} {}", c.date, c.time));
            writeln!(
                o,
                "- {}\\\n  *{}* · {} {}",
                md_block(&c.text, 2),
                by.join(", "),
                l.about,
                md_inline(&c.about)
            )?;
        }
        writeln!(o)?;
    }
    Ok(())
}

/// Media as a list, then a blank line.
fn media_list(o: &mut String, list: &[MediaView], l: &Labels) -> std::fmt::Result {
    if list.is_empty() {
        return Ok(());
    }
    for m in list {
        writeln!(o, "- {}", media_item(m, l))?;
    }
    writeln!(o)
}

/// A photo (`![caption](path)`), a linked file or link, or what is wrong.
/// Paths and URLs come percent-encoded: nothing in them ends the link.
fn media_item(m: &MediaView, l: &Labels) -> String {
    let text = if m.caption.is_empty() {
        m.kind.to_owned()
    } else {
        md_inline(&m.caption)
    };
    let mut out = match (&m.problem, &m.file, &m.url) {
        (Some(p), _, _) => format!("*{}*", md_inline(p)),
        (None, Some(f), _) if m.key == "image" && m.remark.is_none() => {
            format!("![{text}]({f}) *{text}*")
        }
        (None, Some(f), _) => format!("[{text}]({f}) ({})", m.kind),
        (None, None, Some(u)) => format!("[{text}]({u}) ({})", m.kind),
        (None, None, None) => format!("{text} ({})", m.kind),
    };
    if let Some(r) = m.remark {
        out.push_str(&format!(" — {r}"));
    }
    if !m.about.is_empty() {
        out.push_str(&format!(" · {} {}", l.about, md_inline(&m.about)));
    }
    out
}

fn note_item(n: &NoteView, with_stage: bool) -> String {
    let mut meta = Vec::new();
    if !n.author.is_empty() {
        meta.push(md_inline(&n.author));
    }
    if with_stage && !n.stage.is_empty() {
        meta.push(md_inline(&n.stage));
    }
    meta.push(n.time.clone());
    let mut out = md_block(&n.text, 2);
    out.push_str(&format!(" — *{}*", meta.join(", ")));
    if !n.tags.is_empty() {
        let tags: Vec<String> = n.tags.iter().map(|t| md_inline(t)).collect();
        out.push_str(&format!(" · {}", tags.join(", ")));
    }
    out
}

fn sticky_item(x: &super::view::StickyView, l: &Labels) -> String {
    let mut out = md_block(&x.text, 2);
    let mut meta = Vec::new();
    if x.votes > 0 {
        meta.push(format!("**{}**", l.n_votes(x.votes)));
    }
    if !x.author.is_empty() {
        meta.push(format!("*{}*", md_inline(&x.author)));
    }
    if !meta.is_empty() {
        out.push_str(" — ");
        out.push_str(&meta.join(", "));
    }
    out
}

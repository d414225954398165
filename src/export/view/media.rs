//! Attachments as a summary shows them, and what a comment or a file is
//! about.

use super::super::labels::{Labels, MediaWhy};
use super::super::media::{FileState, Media, relative_url, web_url};
use super::super::text::clean_line;
use super::{MediaView, short};
use crate::model::{Attachment, Id, MediaKind, Session};

/// One attachment as shown: the picture, the link, or a placeholder.
pub(super) fn media_view(
    a: &Attachment,
    media: &Media,
    l: &'static Labels,
    about: String,
) -> MediaView {
    let mut v = MediaView {
        key: match a.kind {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Link => "link",
        },
        kind: l.media_kind(a.kind),
        caption: clean_line(&a.caption),
        about,
        img: None,
        width: None,
        height: None,
        file: None,
        url: None,
        problem: None,
        remark: None,
    };
    if a.kind == MediaKind::Link {
        // Anything but a web address is shown as text, never linked.
        v.url = web_url(&a.path);
        if v.caption.is_empty() {
            v.caption = clean_line(&a.path);
        }
        return v;
    }
    let rel = relative_url(&media.base, &a.path);
    let state = media.state(&a.path);
    let why = match (&rel, state) {
        (None, _) | (_, Some(FileState::Outside)) => Some(MediaWhy::Outside),
        (_, Some(FileState::Missing)) => Some(MediaWhy::Missing),
        (_, Some(FileState::Altered)) => Some(MediaWhy::Altered),
        _ => None,
    };
    if let Some(why) = why {
        v.problem = Some(l.media_problem(a.kind, why, &v.caption));
        return v;
    }
    match state {
        Some(FileState::Photo {
            data_uri,
            width,
            height,
        }) => {
            v.img = Some(data_uri.clone());
            v.width = Some(*width);
            v.height = Some(*height);
        }
        Some(FileState::NotEmbeddable) => v.remark = Some(l.not_embeddable.as_str()),
        // Not read, or only checked: the picture by its path.
        None | Some(FileState::Present) if a.kind == MediaKind::Image => v.img = rel.clone(),
        _ => {}
    }
    v.file = rel;
    v
}

/// A few words on what a comment is about.
pub(super) fn about(s: &Session, id: &Id, l: &Labels) -> String {
    if let Some(st) = s.stage(id) {
        return clean_line(&st.title);
    }
    for st in &s.agenda {
        if let Some(step) = st.steps.iter().find(|x| &x.id == id) {
            return format!("{} › {}", clean_line(&st.title), clean_line(&step.title));
        }
    }
    // Which note, sticky, group or action: its kind, then its words.
    if let Some(n) = s.notes.iter().find(|n| &n.id == id) {
        return l.about_item("note", &short(&n.text, 60));
    }
    if let Some(x) = s.sticky(id) {
        return l.about_item("sticky", &short(&x.text, 60));
    }
    if let Some(c) = s.cluster(id) {
        return l.about_item("group", &clean_line(&c.title));
    }
    if let Some(a) = s.actions.iter().find(|a| &a.id == id) {
        return l.about_item("action", &short(&a.text, 60));
    }
    if let Some(r) = s.round(id) {
        return clean_line(&r.title);
    }
    if let Some(p) = s.participant(id) {
        return clean_line(&p.name);
    }
    l.about_session.to_owned()
}

//! Media that went wrong: missing, renamed, corrupt, or pointing outside
//! the session's folder; and anonymized exports, which leave media out
//! unless `--with-media`. Never fatal, always said.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod media_support;

use atelier::model::{Attachment, Id, MediaKind, Timestamp};
use atelier::store::Store;
use media_support::{PROTOTYPE, Workshop, embedded, photo, text};
use std::path::Path;

/// The stored file of the attachment captioned `caption`.
fn stored(w: &Workshop, caption: &str) -> std::path::PathBuf {
    let s = w.session();
    let a = s.attachments.iter().find(|a| a.caption == caption).unwrap();
    w.path(&a.path)
}

#[test]
fn missing_renamed_and_corrupt_media_are_named_and_never_fatal() {
    let w = Workshop::new();
    let s = w.session();
    let cluster = s.clusters[0].id.0.clone();
    let stage = s.agenda[0].id.0.clone();
    let note = s.notes[0].id.0.clone();
    let (png, jpg, mp4) = (w.path("wall.png"), w.path("sketch.jpg"), w.path("clip.mp4"));
    photo(&png, 640, 480, 3);
    photo(&jpg, 480, 640, 4);
    std::fs::write(&mp4, b"fake video bytes").unwrap();
    w.attach(&[&png], Some(&cluster), "Wall of ideas");
    w.attach(&[&jpg], Some(&stage), "Sketches");
    w.attach(&[&mp4], Some(&note), "Interview");
    let (out, _) = w.ok(&["export", "demo.ron", "--format", "html"]);
    let html = std::fs::read_to_string(w.path(out.trim())).unwrap();
    assert_eq!(
        embedded(&html).len(),
        2,
        "both photos, before anything goes wrong"
    );

    // Renamed, deleted, corrupted.
    let wall = stored(&w, "Wall of ideas");
    std::fs::rename(&wall, wall.with_file_name("renamed.png")).unwrap();
    std::fs::remove_file(stored(&w, "Interview")).unwrap();
    let sketch = stored(&w, "Sketches");
    let mut bytes = std::fs::read(&sketch).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid..mid + 64].fill(0x55);
    std::fs::write(&sketch, bytes).unwrap();
    let rel = |p: &Path| format!("demo.media/{}", p.file_name().unwrap().to_string_lossy());

    // `atelier check` names each one, exit status 1.
    let check = w.run(&["check", "demo.ron"]);
    assert_eq!(check.status.code(), Some(1));
    let said = text(&check.stdout);
    assert!(
        said.contains(&format!("media {} is missing", rel(&wall))),
        "{said}"
    );
    assert!(
        said.contains(&format!("media {} was altered", rel(&sketch))),
        "{said}"
    );
    assert!(said.contains("is missing (moved or deleted?)"), "{said}");
    assert_eq!(said.lines().count(), 3, "{said}");

    // The session still opens, in the store and so in the app.
    let (store, s) = Store::open(&w.file).unwrap();
    assert!(store.read_only().is_none());
    drop(store);
    assert_eq!(s.attachments.len(), 3);

    // The export works, says what is wrong, and shows placeholders.
    let (out, err) = w.ok(&["export", "demo.ron", "--format", "html"]);
    assert!(
        err.contains(&rel(&wall)) && err.contains(&rel(&sketch)),
        "{err}"
    );
    assert_eq!(err.lines().count(), 3, "{err}");
    let html = std::fs::read_to_string(w.path(out.trim())).unwrap();
    assert!(embedded(&html).is_empty(), "a corrupt photo is not shown");
    for placeholder in [
        "<div class=\"placeholder\">missing photo: Wall of ideas</div>",
        "<div class=\"placeholder\">photo altered since it was attached, not shown: Sketches</div>",
        "<div class=\"placeholder\">missing video: Interview</div>",
    ] {
        assert!(html.contains(placeholder), "{placeholder}");
    }
    assert!(
        !html.contains("href=\"demo.media/"),
        "nothing missing is linked"
    );
    let (md, _) = w.ok(&["export", "demo.ron", "--format", "md", "-o", "-"]);
    assert!(md.contains("*missing video: Interview*"), "{md}");
    assert!(md.contains("*missing photo: Wall of ideas*"));
    // A bundle copies nothing it cannot vouch for.
    w.ok(&["export", "demo.ron", "--format", "html", "--bundle", "site"]);
    assert!(!w.path("site").join("demo.media").exists());
}

#[test]
fn paths_outside_the_session_folder_are_never_read() {
    let w = Workshop::new();
    // A real picture beside the session, reached the wrong ways.
    let secret = w.path("secret.png");
    photo(&secret, 64, 48, 5);
    let hash = media_support::sha256(&std::fs::read(&secret).unwrap());
    std::fs::create_dir(w.media_dir()).unwrap();
    std::os::unix::fs::symlink(&secret, w.media_dir().join("link.png")).unwrap();
    let dir_name = w
        .dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let (mut store, mut s) = Store::open(&w.file).unwrap();
    let time = Timestamp::parse("2026-07-12T08:00:00Z").unwrap();
    for (i, path) in [
        format!("../{dir_name}/secret.png"),
        secret.display().to_string(),
        "demo.media/link.png".to_owned(),
        "demo.media/../secret.png".to_owned(),
    ]
    .into_iter()
    .enumerate()
    {
        s.attachments.push(Attachment {
            id: Id::from(format!("outside-{i}").as_str()),
            to: Some(Id::from(PROTOTYPE)),
            kind: if i == 3 {
                MediaKind::Video
            } else {
                MediaKind::Image
            },
            path,
            hash: hash.clone(),
            caption: format!("outside {i}"),
            author: String::new(),
            time,
        });
    }
    store.save(&s).unwrap();
    drop(store);

    let check = w.run(&["check", "demo.ron"]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(text(&check.stdout).matches("points outside").count(), 4);

    let (out, err) = w.ok(&["export", "demo.ron", "--format", "html", "--bundle", "site"]);
    assert_eq!(err.matches("points outside").count(), 4, "{err}");
    let html = std::fs::read_to_string(w.path(out.trim())).unwrap();
    assert!(embedded(&html).is_empty());
    assert_eq!(
        html.matches("outside the session&#x27;s folder, not shown: outside")
            .count(),
        4
    );
    assert!(!html.contains("secret.png") && !html.contains("link.png"));
    assert!(!w.path("site").join("demo.media").exists());
    let (md, _) = w.ok(&["export", "demo.ron", "--format", "md", "-o", "-"]);
    assert!(!md.contains("secret.png") && !md.contains("link.png"));
}

#[test]
fn anonymized_exports_leave_media_out_unless_asked() {
    let w = Workshop::new();
    let s = w.session();
    let name = s.participants[0].name.clone();
    let note = s.notes[0].id.0.clone();
    let (png, mp4) = (w.path("face.png"), w.path("vox-pop.mp4"));
    photo(&png, 320, 240, 6);
    std::fs::write(&mp4, b"fake video bytes").unwrap();
    let caption = format!("{name} at the wall");
    w.attach(&[&png], Some(&note), &caption);
    w.attach(&[&mp4], Some(PROTOTYPE), "Vox pop");
    w.attach(
        &["https://example.org/interview".as_ref()],
        None,
        "Interview online",
    );

    for format in ["html", "md", "json"] {
        let out = w.run(&[
            "export",
            "demo.ron",
            "--format",
            format,
            "--anonymize",
            "-o",
            "-",
        ]);
        assert!(out.status.success());
        let doc = text(&out.stdout);
        for absent in [
            "data:",
            ".media/",
            "example.org",
            "<img",
            "Vox pop",
            "Interview online",
        ] {
            assert!(!doc.contains(absent), "{format}: {absent}");
        }
        assert!(!doc.contains(&name), "{format}: a name");
        if format != "json" {
            assert!(
                doc.contains("Photos and videos left out: faces are personal data; use --with-media to include them."),
                "{format}: says so"
            );
        }
        let err = text(&out.stderr);
        assert!(
            err.contains("3 photo(s), video(s) and link(s) left out"),
            "{err}"
        );
        assert!(err.contains("--with-media"), "{err}");
    }
    let (html, _) = w.ok(&[
        "export",
        "demo.ron",
        "--format",
        "html",
        "--anonymize",
        "-o",
        "-",
    ]);
    for part in html.split("href=\"").skip(1) {
        assert!(
            part.starts_with('#'),
            "no link but anchors: {}",
            &part[..30]
        );
    }

    // With --with-media: the photo, the video and the link, captions redacted.
    let args = [
        "export",
        "demo.ron",
        "--anonymize",
        "--with-media",
        "-o",
        "-",
    ];
    let (html, err) = w.ok(&[&args[..], &["--format", "html"]].concat());
    assert!(!err.contains("left out"), "{err}");
    assert_eq!(embedded(&html).len(), 1);
    assert!(html.contains("href=\"demo.media/") && html.contains(".mp4\">Vox pop</a>"));
    assert!(html.contains("href=\"https:&#x2f;&#x2f;example.org&#x2f;interview\""));
    assert!(!html.contains(&name) && html.contains(" at the wall"));
    assert!(!html.contains("faces are personal data"));
    let (md, _) = w.ok(&[&args[..], &["--format", "md"]].concat());
    assert!(md.contains("demo.media/") && md.contains("https://example.org/interview"));
    let (json, _) = w.ok(&[&args[..], &["--format", "json"]].concat());
    assert!(json.contains("\"attachments\"") && !json.contains(&name));

    // Not anonymized: everything, names included.
    let (html, _) = w.ok(&["export", "demo.ron", "--format", "html", "-o", "-"]);
    assert!(html.contains(&caption.replace('\'', "&#x27;")));
}

#[path = "export_support/mod.rs"]
mod export_support;

#[test]
fn hostile_captions_and_links_stay_text() {
    use atelier::export::{self, Format, Media, Options};
    let w = Workshop::new();
    let png = w.path("p.png");
    photo(&png, 200, 100, 7);
    w.attach(&[&png], Some(PROTOTYPE), "photo");
    let (mut store, mut s) = Store::open(&w.file).unwrap();
    s.attachments[0].caption = export_support::HOSTILE.to_owned();
    let time = Timestamp::parse("2026-07-12T08:00:00Z").unwrap();
    for (i, url) in [
        "javascript:alert(1)",
        "https://example.org/\"><script>alert(1)</script>",
        "data:text/html,<script>alert(1)</script>",
    ]
    .iter()
    .enumerate()
    {
        s.attachments.push(Attachment {
            id: Id::from(format!("link-{i}").as_str()),
            to: Some(s.stickies[0].id.clone()),
            kind: MediaKind::Link,
            path: (*url).to_owned(),
            hash: String::new(),
            caption: export_support::h("link"),
            author: String::new(),
            time,
        });
    }
    s.prototypes[0].name = export_support::h("name");
    s.prototypes[0]
        .feedback
        .push(export_support::HOSTILE.to_owned());
    store.save(&s).unwrap();
    drop(store);

    for anonymize in [false, true] {
        let opts = Options {
            anonymize,
            ..Options::default()
        };
        let media = Media::load(&w.file, &s, true).with_media(true);
        let html = export::export_with(Format::Html, &s, &opts, &media).unwrap();
        let found = export_support::check_xml(&html)
            .unwrap_or_else(|e| panic!("HTML is not well-formed: {e}"));
        for (el, name, value) in &found.attributes {
            assert!(!name.starts_with("on"), "event handler {name} on <{el}>");
            match name.as_str() {
                "src" => assert!(value.starts_with("data:image/jpeg;base64,"), "{value}"),
                "href" => assert!(
                    value.starts_with('#') || value.starts_with("https:&#x2f;&#x2f;example.org"),
                    "{value}"
                ),
                _ => {}
            }
        }
        for el in &found.elements {
            assert!(!["script", "iframe", "object", "embed"].contains(&el.as_str()));
        }
        assert!(!html.to_lowercase().contains("<script"));
        assert!(export_support::controls(&html).is_empty());
        assert_eq!(embedded(&html).len(), 1);

        let md = export::export_with(Format::Md, &s, &opts, &media).unwrap();
        assert!(!md.contains("<script"));
        // A link to anything but the web would be `](javascript...`, its
        // bracket not escaped.
        for bad in ["](javascript", "](data"] {
            let live = md.match_indices(bad).any(|(i, _)| !md[..i].ends_with('\\'));
            assert!(!live, "{bad}");
        }
        assert!(md.contains("](https://example.org/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E)"));
        assert!(export_support::controls(&md).is_empty());
    }
}

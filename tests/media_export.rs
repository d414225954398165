//! Photos, a video and a prototype in the exports, end to end through the
//! binary: attach, save, load, export HTML, Markdown and a bundle; a real
//! browser renders the page when /usr/bin/chromium exists.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod media_support;
mod skip_support;
mod support;

use media_support::{PROTOTYPE, Workshop, embedded, photo, sha256, write_picture};
use std::path::Path;
use std::process::Command;

/// What the README promises: the page without media, plus at most this
/// much per embedded photo (a JPEG of at most 250 KB, in base64).
const PER_PHOTO: usize = 345 * 1024;

struct Attached {
    w: Workshop,
    note: String,
    png: String,
    jpg: String,
    mp4: String,
}

/// A note with a PNG photo and a video, the prototype with a JPEG photo
/// and the same PNG (attached twice).
fn attached() -> Attached {
    let w = Workshop::new();
    let s = w.session();
    let note = s.notes[0].id.0.clone();
    let png = w.path("wall.png");
    photo(&png, 3000, 2000, 1);
    let jpg = w.path("prototype.jpg");
    photo(&jpg, 2000, 3000, 2);
    let mp4 = w.path("vox-pop.mp4");
    std::fs::write(&mp4, b"\x00\x00\x00\x18ftypmp42 not really a video").unwrap();

    w.attach(&[&png, &mp4], Some(&note), "The wall after lunch");
    w.attach(&[&jpg, &png], Some(PROTOTYPE), "Paper prototype");
    let again = w.attach(&[&png], Some(PROTOTYPE), "Paper prototype");
    assert!(again.contains("0 attached"), "{again}");
    assert!(again.contains("1 already attached"), "{again}");
    let hash = |p: &Path| sha256(&std::fs::read(p).unwrap());
    Attached {
        png: hash(&png),
        jpg: hash(&jpg),
        mp4: hash(&mp4),
        note,
        w,
    }
}

#[test]
fn the_same_photo_is_stored_once_and_attached_once_per_item() {
    let a = attached();
    let mut files: Vec<String> = std::fs::read_dir(a.w.media_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut want = vec![
        format!("{}.png", a.png),
        format!("{}.jpg", a.jpg),
        format!("{}.mp4", a.mp4),
    ];
    want.sort();
    assert_eq!(files, want, "one file per content");
    let s = a.w.session();
    assert_eq!(s.attachments.len(), 4, "{:#?}", s.attachments);
    let on = |id: &str| {
        s.attachments
            .iter()
            .filter(|x| x.to.as_ref().is_some_and(|t| t.0 == id))
            .count()
    };
    assert_eq!(on(&a.note), 2);
    assert_eq!(on(PROTOTYPE), 2);
    for x in &s.attachments {
        assert!(x.path.starts_with("demo.media/"), "{}", x.path);
        assert!(a.w.path(&x.path).is_file());
    }
    // Saved, it loads again, and the store opens it.
    let (store, again) = atelier::store::Store::open(&a.w.file).unwrap();
    drop(store);
    assert_eq!(again.attachments, s.attachments);
    assert_eq!(again.prototypes.len(), 1);
    let (out, _) = a.w.ok(&["check", "demo.ron"]);
    assert!(out.contains("demo.ron: ok"), "{out}");
}

#[test]
fn the_html_page_embeds_photos_links_the_video_and_shows_the_prototype() {
    let a = attached();
    let (out, err) = a.w.ok(&["export", "demo.ron", "--format", "html"]);
    assert!(out.trim().ends_with("demo.html"), "{out}");
    assert!(
        !err.contains("missing") && !err.contains("altered"),
        "{err}"
    );
    let html = std::fs::read_to_string(a.w.path("demo.html")).unwrap();

    // Photos: in the page, resized (the PNG three times: on the note and
    // on the prototype; the JPEG once).
    let photos = embedded(&html);
    assert_eq!(photos.len(), 3, "{photos:?}");
    for (w, h, _) in &photos {
        assert!(*w <= 1200 && *h <= 1200, "{w}x{h}");
    }
    assert!(photos.iter().any(|p| (p.0, p.1) == (1200, 800)));
    assert!(
        photos.iter().any(|p| (p.0, p.1) == (800, 1200)),
        "the portrait stays upright"
    );
    // ... and nowhere by path.
    assert!(!html.contains(&format!("{}.png", a.png)));
    assert!(!html.contains(&format!("{}.jpg", a.jpg)));

    // The video: linked by relative path, with its caption.
    let link = format!(
        "<a href=\"demo.media/{}.mp4\">The wall after lunch</a>",
        a.mp4
    );
    assert!(html.contains(&link), "video link");
    assert_eq!(html.matches("href=\"demo.media/").count(), 1);

    // The prototype: name, what it tests, hypothesis, feedback, verdict.
    for text in [
        "<section id=\"prototypes\"",
        "Label « Refuge frais »",
        "Whether residents recognise a cool room",
        "We believe that a sticker on the door",
        "<li class=\"pre\">Too small to see from the bus stop</li>",
        "<span class=\"verdict keep\">Keep</span>",
        "<a href=\"#prototypes\">",
    ] {
        assert!(html.contains(text), "{text}");
    }
    // The prototype's photos are in its card.
    let card = &html[html.find("<article class=\"prototype keep\">").unwrap()..];
    let card = &card[..card.find("</article>").unwrap()];
    assert_eq!(embedded(card).len(), 2);
    assert!(card.contains("<figcaption>Paper prototype</figcaption>"));

    // One file, no network: nothing but data URIs, anchors and relative links.
    for (attr, ok) in [
        ("src=\"", &["data:image/jpeg;base64,"][..]),
        ("href=\"", &["#", "demo.media/"][..]),
    ] {
        for part in html.split(attr).skip(1) {
            assert!(
                ok.iter().any(|p| part.starts_with(p)),
                "{attr}{}",
                &part[..40]
            );
        }
    }
    assert!(!html.contains("url("));
    assert!(!html.contains("<script"));

    // The size the README documents.
    let plain = atelier::export::export(
        atelier::export::Format::Html,
        &atelier::store::load_str("demo.ron", media_support::DEMO).unwrap(),
        &atelier::export::Options::default(),
    )
    .unwrap();
    let budget = plain.len() + 8 * 1024 + photos.len() * PER_PHOTO;
    assert!(html.len() <= budget, "{} bytes > {budget}", html.len());
    println!(
        "page: {} bytes ({} without media), photos {:?}",
        html.len(),
        plain.len(),
        photos
    );
}

#[test]
fn a_big_noisy_photo_stays_within_its_budget() {
    let w = Workshop::new();
    let photo = w.path("noisy.jpg");
    // Strong noise: the worst case for JPEG.
    let img = image::RgbImage::from_fn(2400, 1600, |x, y| {
        let v = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)).wrapping_mul(2_654_435_761);
        image::Rgb([(v >> 8) as u8, (v >> 16) as u8, (v >> 24) as u8])
    });
    write_picture(&photo, img);
    w.attach(&[&photo], None, "noise");
    w.ok(&["export", "demo.ron", "--format", "html", "-o", "noisy.html"]);
    let html = std::fs::read_to_string(w.path("noisy.html")).unwrap();
    let photos = embedded(&html);
    assert_eq!(photos.len(), 1);
    let (w, h, bytes) = photos[0];
    assert!(w.max(h) <= 1200 && w * 2 == h * 3, "{w}x{h}");
    assert!(bytes <= 250 * 1024, "{bytes} bytes");
    println!("noise: {w}x{h}, {bytes} bytes");
}

#[test]
fn markdown_links_the_files_and_shows_the_prototype() {
    let a = attached();
    let (md, _) = a.w.ok(&["export", "demo.ron", "--format", "md", "-o", "-"]);
    assert!(md.contains(&format!(
        "![The wall after lunch](demo.media/{}.png) *The wall after lunch*",
        a.png
    )));
    assert!(md.contains(&format!(
        "[The wall after lunch](demo.media/{}.mp4) (video)",
        a.mp4
    )));
    assert!(md.contains(&format!("![Paper prototype](demo.media/{}.jpg)", a.jpg)));
    for text in [
        "## Prototypes",
        "### Label « Refuge frais »",
        "**Keep** · *",
        "**Hypothesis:** We believe that a sticker on the door",
        "- Too small to see from the bus stop",
    ] {
        assert!(md.contains(text), "{text}\n{md}");
    }
    assert!(!md.contains("data:"));
}

#[test]
fn a_bundle_is_the_page_and_the_files_it_links() {
    let a = attached();
    let (out, _) =
        a.w.ok(&["export", "demo.ron", "--format", "html", "--bundle", "site"]);
    let site = a.w.path("site");
    assert!(out.trim().ends_with("index.html"), "{out}");
    let html = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert_eq!(embedded(&html).len(), 3, "photos stay in the page");
    let mut copied: Vec<String> = std::fs::read_dir(site.join("demo.media"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    copied.sort();
    assert_eq!(
        copied,
        vec![format!("{}.mp4", a.mp4)],
        "only what is linked"
    );
    assert_eq!(
        std::fs::read(site.join("demo.media").join(format!("{}.mp4", a.mp4))).unwrap(),
        std::fs::read(a.w.media_dir().join(format!("{}.mp4", a.mp4))).unwrap()
    );
    // Every relative link of the page resolves inside the bundle.
    for part in html.split("href=\"").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        if !target.starts_with('#') {
            assert!(site.join(target).is_file(), "{target}");
        }
    }
    // Again: nothing changes, nothing breaks.
    a.w.ok(&["export", "demo.ron", "--format", "html", "--bundle", "site"]);
    // Into the session's own folder: the files are already there.
    a.w.ok(&["export", "demo.ron", "--format", "html", "--bundle", "."]);
    assert!(a.w.path("index.html").is_file());
    assert_eq!(std::fs::read_dir(a.w.media_dir()).unwrap().count(), 3);

    let md =
        a.w.run(&["export", "demo.ron", "--format", "md", "--bundle", "site"]);
    assert_eq!(md.status.code(), Some(2));
    assert!(media_support::text(&md.stderr).contains("--format html"));
    let both = a.w.run(&[
        "export", "demo.ron", "--format", "html", "--bundle", "site", "-o", "x.html",
    ]);
    assert!(!both.status.success());
}

use skip_support::CHROMIUM;

#[test]
fn a_real_browser_renders_the_page_with_its_photos() {
    if skip_support::missing(skip_support::Tool::Chromium) {
        return;
    }
    let a = attached();
    a.w.ok(&["export", "demo.ron", "--format", "html", "-o", "page.html"]);
    let page = a.w.path("page.html");
    let html = std::fs::read_to_string(&page).unwrap();
    // The prototypes first, so that their photos are in the screenshot.
    let start = html.find("<section id=\"prototypes\"").unwrap();
    let end = start + html[start..].find("</section>").unwrap() + "</section>".len();
    let section = html[start..end].to_owned();
    let without = format!("{}{}", &html[..start], &html[end..]);
    let top = without.replacen("<main>", &format!("<main>{section}"), 1);
    std::fs::write(&page, top).unwrap();

    let png = a.w.path("page.png");
    support::chromium::output(
        Path::new(CHROMIUM),
        a.w.dir.path(),
        &[
            "--hide-scrollbars",
            &format!("--screenshot={}", png.display()),
            "--window-size=1200,2000",
            &format!("file://{}", page.display()),
        ],
    );
    let shot = image::open(&png).unwrap().to_rgb8();
    assert_eq!(shot.dimensions(), (1200, 2000));
    // The photos are colourful gradients; the page around them is black on
    // white. Count the pixels that are neither grey nor near white.
    let colourful = shot
        .pixels()
        .filter(|p| {
            let [r, g, b] = p.0;
            let (hi, lo) = (r.max(g).max(b), r.min(g).min(b));
            hi - lo > 60
        })
        .count();
    assert!(
        colourful > 20_000,
        "only {colourful} colourful pixels: the photos were not drawn"
    );
    let size = std::fs::metadata(&png).unwrap().len();
    assert!(size > 40_000, "a {size}-byte picture looks empty");
    println!("chromium rendered the page: {size} bytes, {colourful} colourful pixels");
}

/// `atelier export` with `LANG`: its standard error.
fn export_err(w: &media_support::Workshop, lang: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(["export", "demo.ron", "--format", "html"])
        .current_dir(w.path(""))
        .env("ATELIER_HOME", w.path(".home-lang"))
        .env("USER", "tester")
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .unwrap();
    assert!(out.status.success(), "{lang}");
    media_support::text(&out.stderr)
}

#[test]
fn a_missing_photo_is_said_in_the_language_of_the_messages() {
    let a = attached();
    let s = a.w.session();
    let gone = s.attachments.iter().find(|x| x.path.ends_with(".jpg"));
    let gone = &gone.expect("the JPEG attached").path;
    std::fs::remove_file(a.w.path(gone)).unwrap();

    let fr = export_err(&a.w, "fr_FR.UTF-8");
    assert!(
        fr.contains(&format!(
            "le média {gone} manque (déplacé ou supprimé\u{a0}?)"
        )),
        "{fr}"
    );
    assert!(!fr.contains("is missing"), "{fr}");
    let en = export_err(&a.w, "C.UTF-8");
    assert!(
        en.contains(&format!("media {gone} is missing (moved or deleted?)")),
        "{en}"
    );
}

//! A real browser reads the exports: headless Chromium renders the HTML
//! summary, the board's SVG and the programme report as pictures, runs
//! axe-core's accessibility rules on every kind of page (on a laptop's and
//! a phone's width), and prints the demo to PDF, read back with poppler's
//! `pdftotext`. `.ci/run` installs Chromium, poppler-utils and axe-core
//! (`tests/tools`); without them a test says so and passes, except in CI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;
mod media_support;
mod skip_support;
mod support;
mod web_support;

use atelier::export::{self, Format};
use export_support::{demo, hostile, opts, text_of};
use media_support::Workshop;
use std::path::Path;
use web_support::{
    axe_js, chromium, demo_in, file_url, pages, pdftotext, run_chromium, showcase_pages,
    write_pages,
};

const AXE_RUN: &str = include_str!("web_support/axe-run.js");
const PHONE: &str = include_str!("web_support/phone.html");

/// Render `file` to `png` at 1200x1600; the PNG's size in bytes.
fn screenshot(dir: &Path, file: &Path, png: &Path) -> u64 {
    run_chromium(
        dir,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1200,1600".to_owned(),
        ],
        &file_url(file),
    );
    let bytes = std::fs::read(png).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{} is a PNG",
        png.display()
    );
    // Width and height from the IHDR chunk.
    let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    assert_eq!((w, h), (1200, 1600));
    bytes.len() as u64
}

#[test]
fn chromium_renders_the_html_the_svg_and_the_report() {
    if chromium().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut sizes = Vec::new();
    for (name, session, format, anonymize) in [
        ("demo.html", demo(), Format::Html, false),
        ("demo.svg", demo(), Format::Svg, false),
        ("anonymized.html", demo(), Format::Html, true),
        ("hostile.html", hostile(), Format::Html, false),
        ("hostile.svg", hostile(), Format::Svg, false),
    ] {
        let file = dir.path().join(name);
        std::fs::write(
            &file,
            export::export(format, &session, &opts(anonymize)).unwrap(),
        )
        .unwrap();
        let png = dir.path().join(format!("{name}.png"));
        let size = screenshot(dir.path(), &file, &png);
        // A blank 1200x1600 page compresses to a few kilobytes.
        assert!(size > 40_000, "{name}: a {size}-byte picture looks empty");
        sizes.push((name, size));
    }

    let sessions = dir.path().join("sessions");
    std::fs::create_dir(&sessions).unwrap();
    std::fs::write(sessions.join("demo.ron"), export_support::DEMO).unwrap();
    let mut out = Vec::new();
    export::cli::report(&sessions, None, false, &mut out).unwrap();
    let index = sessions.join("report").join("index.html");
    let size = screenshot(dir.path(), &index, &dir.path().join("report.png"));
    assert!(size > 40_000, "report: {size} bytes");
    println!("rendered: {sizes:?}, report {size}");
}

/// What `axe-run.js` found in one page at one width.
struct Axe {
    violations: Vec<String>,
    /// Figures of the cover on two lines, or wider than their card.
    wrapped: Vec<String>,
    facts: usize,
    passes: u64,
}

/// Run axe-core on a copy of `page` (in `dir`, beside `axe.min.js` and
/// `axe-run.js`) in a window `width` pixels wide.
fn axe(dir: &Path, page: &Path, width: u32) -> Axe {
    let html = std::fs::read_to_string(page).unwrap();
    let injected = html.replacen(
        "</body>",
        "<script src=\"axe.min.js\"></script><script src=\"axe-run.js\"></script></body>",
        1,
    );
    assert_ne!(injected, html, "{}: no </body>", page.display());
    let copy = dir.join(format!(
        "{}.axe-{width}.html",
        page.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&copy, injected).unwrap();
    // Headless Chromium's window is at least 500 pixels wide: narrower, the
    // page is loaded in a frame of that width.
    let url = if width < 500 {
        let frame = copy.with_extension("phone.html");
        let name = copy.file_name().unwrap().to_string_lossy().into_owned();
        let harness = PHONE
            .replace("PAGE", &name)
            .replace("WIDTH", &width.to_string());
        std::fs::write(&frame, harness).unwrap();
        file_url(&frame)
    } else {
        file_url(&copy)
    };
    let dom = run_chromium(
        dir,
        &[
            format!("--window-size={},900", width.max(500)),
            // Let axe's timers and promises run before the DOM is printed.
            "--virtual-time-budget=60000".to_owned(),
            "--dump-dom".to_owned(),
        ],
        &url,
    );
    let start = "<pre id=\"axe-results\">";
    let json = dom
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(json, _)| json)
        .unwrap_or_else(|| panic!("{}: axe wrote no results", page.display()));
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert!(
        v["error"].is_null(),
        "{}: axe failed: {}",
        page.display(),
        v["error"]
    );
    assert_eq!(v["width"], width, "the window's width");
    let strings = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let violations = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|x| {
            x["nodes"].as_array().unwrap().iter().map(move |n| {
                format!(
                    "{} ({}): {} at `{}`: {} {}",
                    x["id"].as_str().unwrap_or_default(),
                    x["impact"].as_str().unwrap_or_default(),
                    x["help"].as_str().unwrap_or_default(),
                    n["target"].as_str().unwrap_or_default(),
                    n["summary"].as_str().unwrap_or_default(),
                    n["html"].as_str().unwrap_or_default(),
                )
            })
        })
        .collect();
    Axe {
        violations,
        wrapped: strings(&v["wrapped"]),
        facts: v["facts"].as_u64().unwrap() as usize,
        passes: v["passes"].as_u64().unwrap(),
    }
}

#[test]
fn axe_finds_no_accessibility_violation_in_any_page() {
    let (Some(_), Some(axe_min)) = (chromium(), axe_js()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(axe_min, dir.path().join("axe.min.js")).unwrap();
    std::fs::write(dir.path().join("axe-run.js"), AXE_RUN).unwrap();
    let w = Workshop::new();
    let mut all = pages();
    all.extend(showcase_pages(&w));
    let files = write_pages(dir.path(), &all);
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        // Every page on a laptop; a summary in each language, the one with
        // every kind of media and the index on a phone too.
        let phone = [
            "demo.fr.html",
            "demo.en.html",
            "showcase.html",
            "report.index.html",
        ]
        .contains(&name.as_str());
        for width in [1280, 390].into_iter().filter(|&w| w == 1280 || phone) {
            let found = axe(dir.path(), file, width);
            assert!(
                found.passes > 10,
                "{name}: axe checked little ({found:?})",
                found = found.passes
            );
            checked += 1;
            problems.extend(
                found
                    .violations
                    .iter()
                    .map(|v| format!("{name} @{width}px: {v}")),
            );
            problems.extend(
                found.wrapped.iter().map(|v| {
                    format!("{name} @{width}px: the figure {v:?} does not fit on one line")
                }),
            );
            if name.starts_with("demo.") {
                assert!(
                    found.facts >= 6,
                    "{name}: the cover's figures were measured"
                );
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    println!("axe-core: {checked} page renderings, 0 violations");
}

/// The text of each page of `pdf`, as `pdftotext` reads it.
fn pdf_pages(pdf: &Path) -> Vec<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // A form feed ends every page.
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    assert_eq!(pages.pop().as_deref().map(str::trim), Some(""));
    pages
}

/// The heights of the words of `pdf` in points (their boxes as
/// `pdftotext -bbox` gives them: about 1.16 times the type's size).
fn word_heights(pdf: &Path) -> Vec<(f64, String)> {
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).unwrap() + key.len();
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    xml.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').unwrap();
            let word = rest.split('<').next().unwrap_or_default().to_owned();
            (attr(tag, "yMax") - attr(tag, "yMin"), word)
        })
        .collect()
}

/// `file` printed to PDF by Chromium (A4, as its print style sheet asks),
/// beside it.
fn print(dir: &Path, file: &Path) -> std::path::PathBuf {
    let pdf = file.with_extension("pdf");
    run_chromium(
        dir,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            // Chromium's own header and footer would put text on every page.
            "--no-pdf-header-footer".to_owned(),
        ],
        &file_url(file),
    );
    pdf
}

/// The size of the smallest type in `pdf`, in points: nothing is printed
/// under about 9 pt.
fn smallest_type(pdf: &Path) -> f64 {
    let (height, word) = word_heights(pdf)
        .into_iter()
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap();
    assert!(
        height >= 9.0 * 1.16,
        "{}: {word:?} is printed {:.1} pt high (under 9 pt type)",
        pdf.display(),
        height
    );
    height / 1.16
}

/// The texts of the `<h1>`…`<h4>` of `html`, markup and entities removed.
fn headings(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for level in 1..=4 {
        for part in html.split(&format!("<h{level}")).skip(1) {
            let inner = part.split_once('>').map_or("", |(_, r)| r);
            let inner = inner.split(&format!("</h{level}>")).next().unwrap_or("");
            let text = text_of(inner)
                .replace("&#x27;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            out.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    out
}

#[test]
fn the_printed_demo_has_no_empty_page_and_readable_type() {
    if chromium().is_none() || !pdftotext() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut counts = Vec::new();
    for lang in ["fr", "en"] {
        let s = demo_in(lang);
        let html = export::html(&s, &opts(false)).unwrap();
        let file = dir.path().join(format!("demo.{lang}.html"));
        std::fs::write(&file, &html).unwrap();
        let pdf = print(dir.path(), &file);
        let pages = pdf_pages(&pdf);
        assert!(pages.len() > 1, "{lang}: {} pages", pages.len());
        let heads = headings(&html);
        for (i, page) in pages.iter().enumerate() {
            let lines: Vec<&str> = page
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            assert!(!lines.is_empty(), "{lang}: page {} is empty", i + 1);
            if i + 1 < pages.len() {
                let last = lines[lines.len() - 1];
                assert!(
                    !heads.iter().any(|h| h == last),
                    "{lang}: page {} ends with the heading {last:?}",
                    i + 1
                );
            }
        }
        // The board is printed as text, sticky notes included, not as a
        // picture a few points high; nothing is printed under about 9 pt.
        let all = pages.join("\n");
        let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
        for x in s.stickies.iter().filter(|x| x.cluster.is_some()).take(20) {
            let first: Vec<&str> = x.text.split_whitespace().take(4).collect();
            assert!(
                flat.contains(&first.join(" ")),
                "{lang}: {:?} is not printed",
                x.text
            );
        }
        assert!(word_heights(&pdf).len() > 1000, "{lang}: too few words");
        counts.push((lang, pages.len(), smallest_type(&pdf)));
    }
    for (lang, n, pt) in counts {
        println!("printed demo ({lang}): {n} A4 pages, smallest type about {pt:.1} pt");
    }
}

#[test]
fn the_printed_runsheet_shows_every_clock_time_on_few_pages_in_readable_type() {
    if chromium().is_none() || !pdftotext() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = export_support::demo_day();
    let html = export::export(Format::Runsheet, &s, &opts(false)).unwrap();
    let file = dir.path().join("demo.runsheet.html");
    std::fs::write(&file, &html).unwrap();
    let pdf = print(dir.path(), &file);
    let pages = pdf_pages(&pdf);
    // 6 h 40 planned (lunch included): about a page per two hours, not
    // one page per stage nor one long scroll.
    let hours = s.planned_minutes().div_ceil(60) as usize;
    assert!(
        (2..=hours.div_ceil(2) + 1).contains(&pages.len()),
        "{} pages for {hours} hours",
        pages.len()
    );
    for (i, page) in pages.iter().enumerate() {
        assert!(!page.trim().is_empty(), "page {} is empty", i + 1);
    }
    let flat = pages
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for p in s.planned_steps() {
        let at = p.at.expect("a start time").to_string();
        assert!(flat.contains(&at), "{at} is not printed");
    }
    assert!(
        flat.contains("11:56–12:56"),
        "the lunch break, start to end"
    );
    println!(
        "printed run-sheet: {} A4 pages for {} min, smallest type about {:.1} pt",
        pages.len(),
        s.planned_minutes(),
        smallest_type(&pdf)
    );
}

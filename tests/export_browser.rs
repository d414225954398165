//! A real browser renders the exports: headless Chromium turns the HTML
//! summary, the board's SVG and the programme report into PNG pictures.
//! `.ci/run` installs Debian's `chromium`; on a machine without it the
//! test says so and passes.

mod export_support;
mod skip_support;

use atelier::export::{self, Format};
use export_support::{demo, hostile, opts};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use skip_support::CHROMIUM;

/// Render `file` to `png`; the PNG's size in bytes.
fn screenshot(file: &Path, png: &Path, profile: &Path) -> u64 {
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1200,1600")
        .arg(format!("file://{}", file.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed on {}", file.display());
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than two minutes on {}", file.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
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
    if skip_support::missing(skip_support::Tool::Chromium) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
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
        let size = screenshot(&file, &png, &profile);
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
    let size = screenshot(&index, &dir.path().join("report.png"), &profile);
    assert!(size > 40_000, "report: {size} bytes");
    println!("rendered: {sizes:?}, report {size}");
}

//! Shared helpers for the media tests: a copy of the demo with a prototype,
//! pictures made on the spot with the `image` crate, and the binary.
#![allow(dead_code)]

use atelier::model::{Id, Prototype, Session, StageKind, Verdict};
use atelier::store::Store;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};

pub const DEMO: &str = include_str!("../../sessions/demo.ron");
pub const PROTOTYPE: &str = "prototype-refuge";

/// A folder with `demo.ron` (the demo plus a prototype) in it.
pub struct Workshop {
    pub dir: tempfile::TempDir,
    pub file: PathBuf,
    pub home: PathBuf,
}

impl Workshop {
    pub fn new() -> Workshop {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("demo.ron");
        std::fs::write(&file, DEMO).unwrap();
        let home = dir.path().join("home");
        std::fs::create_dir(&home).unwrap();
        let (mut store, mut s) = Store::open(&file).unwrap();
        let stage = s
            .agenda
            .iter()
            .find(|st| st.kind == StageKind::Prototyping)
            .map(|st| st.id.clone());
        s.prototypes.push(Prototype {
            id: Id::from(PROTOTYPE),
            name: "Label « Refuge frais »".into(),
            stage,
            tests: "Whether residents recognise a cool room from the street".into(),
            hypothesis: "We believe that a sticker on the door brings people in on hot days".into(),
            feedback: vec![
                "Too small to see from the bus stop".into(),
                "Add the opening hours".into(),
            ],
            verdict: Some(Verdict::Keep),
        });
        // The demo is French; the exports' words follow the session.
        s.language = Some("en".into());
        store.save(&s).unwrap();
        drop(store);
        Workshop { dir, file, home }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn session(&self) -> Session {
        atelier::store::load_file(&self.file).unwrap()
    }

    pub fn media_dir(&self) -> PathBuf {
        self.path("demo.media")
    }

    /// Run the binary with `args`, in the workshop's folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_atelier"))
            .args(args)
            .current_dir(self.dir.path())
            .env("ATELIER_HOME", &self.home)
            .env("USER", "tester")
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }

    /// Run and expect success; the standard output.
    pub fn ok(&self, args: &[&str]) -> (String, String) {
        let out = self.run(args);
        let (o, e) = (text(&out.stdout), text(&out.stderr));
        assert!(out.status.success(), "{args:?}: {o}\n{e}");
        (o, e)
    }

    /// `atelier attach demo.ron FILES --to TO --caption CAPTION`.
    pub fn attach(&self, files: &[&Path], to: Option<&str>, caption: &str) -> String {
        let mut args: Vec<String> = vec!["attach".into(), "demo.ron".into()];
        args.extend(files.iter().map(|f| f.display().to_string()));
        if let Some(to) = to {
            args.extend(["--to".into(), to.into()]);
        }
        args.extend(["--caption".into(), caption.into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.ok(&args).0
    }
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A picture with some texture (so that it compresses like a photo rather
/// than like a flat colour), the same for the same arguments.
pub fn picture(w: u32, h: u32, seed: u32) -> RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 8) as u8;
        let r = ((x * 255) / w) as u8;
        let g = ((y * 255) / h) as u8;
        let b = (((x / 40 + y / 40) % 2) * 90) as u8;
        Rgb([r.saturating_add(noise), g.saturating_add(noise), b + noise])
    })
}

/// Write `img` as `path` (PNG or JPEG by its extension).
pub fn write_picture(path: &Path, img: RgbImage) {
    let format = ImageFormat::from_path(path).unwrap();
    let mut bytes = Vec::new();
    DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// [`picture`] written as `path`, made once per test run (a debug build
/// takes a while to draw millions of pixels).
pub fn photo(path: &Path, w: u32, h: u32, seed: u32) {
    type Made = Mutex<HashMap<(String, u32, u32, u32), Vec<u8>>>;
    static MADE: OnceLock<Made> = OnceLock::new();
    let ext = path.extension().unwrap().to_string_lossy().into_owned();
    let key = (ext, w, h, seed);
    let made = MADE.get_or_init(Made::default);
    let cached = made.lock().unwrap().get(&key).cloned();
    let bytes = cached.unwrap_or_else(|| {
        write_picture(path, picture(w, h, seed));
        let bytes = std::fs::read(path).unwrap();
        made.lock().unwrap().insert(key, bytes.clone());
        bytes
    });
    std::fs::write(path, bytes).unwrap();
}

pub fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The `data:image/jpeg;base64,` URIs of a page, decoded: (width, height, bytes).
pub fn embedded(html: &str) -> Vec<(u32, u32, usize)> {
    use base64::Engine;
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("src=\"data:image/jpeg;base64,") {
        let start = i + "src=\"data:image/jpeg;base64,".len();
        let end = start + rest[start..].find('"').unwrap();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&rest[start..end])
            .unwrap();
        let img = image::load_from_memory(&bytes).unwrap();
        out.push((img.width(), img.height(), bytes.len()));
        rest = &rest[end..];
    }
    out
}

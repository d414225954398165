//! Photos, videos, audio and links in the exports.
//!
//! The formats never read a file themselves: they are given a [`Media`],
//! what was found on disk beforehand by [`Media::load`] (the session's own
//! folder is the only place media are read from) or by
//! [`Media::load_from`] with any [`MediaSource`] (tests give bytes).
//! Without it ([`Media::none`]), files are linked by their relative path,
//! unchecked.
//!
//! - Photos are decoded (PNG, JPEG, WebP), turned upright (EXIF
//!   orientation), scaled down to [`MAX_SIDE`] pixels and re-encoded as
//!   JPEG (quality [`QUALITY`], lower if the photo would weigh more than
//!   [`MAX_PHOTO_BYTES`]): the HTML page embeds them as `data:` URIs and
//!   stays one file. Re-encoding drops the camera's metadata (GPS
//!   position included).
//! - Videos, audio, and photos that cannot be decoded (HEIC, GIF, damaged)
//!   are linked by relative path (`demo.media/<hash>.mp4`); `atelier export
//!   --bundle` copies them beside the page.
//! - A file that is missing, altered (its content no longer matches the
//!   hash recorded when it was attached) or outside the session's folder
//!   (an absolute path, `..`, a symbolic link) is never read nor linked:
//!   the page shows a placeholder and [`Media::problems`] says why.

use crate::i18n;
use crate::model::{MediaKind, Session};
use crate::store::media::{MediaProblem, hash_file, inside};
use base64::Engine;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};
use percent_encoding::{AsciiSet, CONTROLS, NON_ALPHANUMERIC, utf8_percent_encode};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{self, Cursor};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The longest side of an embedded photo, in pixels.
pub const MAX_SIDE: u32 = 1200;
/// The JPEG quality of embedded photos (0-100).
pub const QUALITY: u8 = 80;
/// An embedded photo is re-encoded at a lower quality (65, then 50, then
/// 50 at 800 pixels) when it would weigh more than this, in bytes (before
/// base64, which adds a third).
pub const MAX_PHOTO_BYTES: usize = 250 * 1024;
/// Pictures larger than this on either side are not decoded (a damaged or
/// hostile file could ask for gigabytes).
const MAX_DECODED_SIDE: u32 = 20_000;

/// Where the exports read attached files from: paths are relative to the
/// session's folder and have been checked with [`inside`] first.
pub trait MediaSource: Sync {
    /// The whole content of `path`.
    fn read(&self, path: &str) -> io::Result<Vec<u8>>;
    /// The SHA-256 of `path`'s content (hex), without keeping it in memory.
    fn hash(&self, path: &str) -> io::Result<String> {
        self.read(path).map(|b| sha256(&b))
    }
}

/// The folder a session file is in.
#[derive(Clone, Debug)]
pub struct Folder(pub PathBuf);

impl Folder {
    /// The folder of the session file `file`.
    pub fn of(file: &Path) -> Folder {
        let dir = file.parent().filter(|p| !p.as_os_str().is_empty());
        Folder(dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf))
    }

    /// The file of the relative `path`, unless it leaves the folder (see
    /// [`inside`]) or a part of the way is a symbolic link (which could
    /// point anywhere): then an error of kind `InvalidInput`.
    pub fn file(&self, path: &str) -> io::Result<PathBuf> {
        if !inside(path) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "outside"));
        }
        let mut p = self.0.clone();
        for c in Path::new(path).components() {
            p.push(c);
            if std::fs::symlink_metadata(&p)?.file_type().is_symlink() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "a symbolic link",
                ));
            }
        }
        Ok(p)
    }
}

impl MediaSource for Folder {
    fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        std::fs::read(self.file(path)?)
    }

    fn hash(&self, path: &str) -> io::Result<String> {
        hash_file(&self.file(path)?)
    }
}

/// What was found for one attached file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileState {
    /// A photo ready to embed: a `data:image/jpeg;base64,...` URI and its
    /// size in pixels.
    Photo {
        data_uri: String,
        width: u32,
        height: u32,
    },
    /// Present and unaltered, linked by its path (videos, audio; photos
    /// when only checked).
    Present,
    /// A photo, present and unaltered, that could not be decoded (HEIC,
    /// GIF, a damaged file): linked by its path.
    NotEmbeddable,
    /// Not found (moved, renamed or deleted).
    Missing,
    /// Its content no longer matches the hash recorded when it was attached.
    Altered,
    /// An absolute path, a `..`, or a symbolic link: never read.
    Outside,
}

/// The attached files of a session as found on disk, for the exports.
#[derive(Clone, Debug, Default)]
pub struct Media {
    /// Keep the media in an anonymized export (they are left out otherwise:
    /// faces are personal data).
    pub with_media: bool,
    /// Put before the relative paths of linked files (`"../"` for a page
    /// written one folder below the session's).
    pub base: String,
    loaded: bool,
    files: BTreeMap<String, FileState>,
}

impl Media {
    /// Nothing read: files are linked by their relative path, unchecked.
    pub fn none() -> Media {
        Media::default()
    }

    /// Whether the files were looked at.
    pub fn loaded(&self) -> bool {
        self.loaded
    }

    /// Keep media in an anonymized export.
    pub fn with_media(mut self, yes: bool) -> Media {
        self.with_media = yes;
        self
    }

    /// Prefix linked files' paths with `base`.
    pub fn with_base(mut self, base: &str) -> Media {
        self.base = base.to_owned();
        self
    }

    /// The attached files of `session`, read from the folder of the session
    /// file `file`. With `embed`, photos are prepared for embedding (HTML);
    /// otherwise every file is only checked (Markdown).
    pub fn load(file: &Path, session: &Session, embed: bool) -> Media {
        Media::load_from(&Folder::of(file), session, embed)
    }

    /// As [`Media::load`], from any source. Photos are decoded on a few
    /// threads at once.
    pub fn load_from(source: &dyn MediaSource, session: &Session, embed: bool) -> Media {
        let mut paths: Vec<(&str, bool, &str)> = Vec::new();
        for a in &session.attachments {
            if a.kind == MediaKind::Link
                || paths.iter().any(|(p, _, h)| *p == a.path && *h == a.hash)
            {
                continue;
            }
            paths.push((a.path.as_str(), a.kind == MediaKind::Image, a.hash.as_str()));
        }
        let next = AtomicUsize::new(0);
        let found: Mutex<Vec<Option<FileState>>> = Mutex::new(vec![None; paths.len()]);
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4)
            .min(paths.len().max(1));
        let work = || {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(path, image, hash)) = paths.get(i) else {
                    break;
                };
                let state = examine(source, path, image && embed, hash);
                if let Ok(mut f) = found.lock() {
                    f[i] = Some(state);
                }
            }
        };
        if workers <= 1 {
            work();
        } else {
            std::thread::scope(|s| {
                // This thread is one of the workers; a thread the system
                // refuses leaves its share of the queue to the others.
                for _ in 1..workers {
                    let _ = std::thread::Builder::new().spawn_scoped(s, work);
                }
                work();
            });
        }
        let found = found.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut files = BTreeMap::new();
        for ((path, _, _), state) in paths.iter().zip(found) {
            // The same path recorded twice with different hashes: the
            // worse of the two.
            let state = state.unwrap_or(FileState::Missing);
            match files.get(*path) {
                Some(FileState::Missing | FileState::Altered | FileState::Outside) => {}
                _ => {
                    files.insert((*path).to_owned(), state);
                }
            }
        }
        Media {
            with_media: false,
            base: String::new(),
            loaded: true,
            files,
        }
    }

    /// What was found for the file at `path`; `None` when not loaded.
    pub fn state(&self, path: &str) -> Option<&FileState> {
        if !self.loaded {
            return None;
        }
        self.files.get(path)
    }

    /// Every problem found, in path order: `(path, what is wrong)`, said in
    /// `lang` (Fluent, `errors.ftl`).
    pub fn problems(&self, lang: &str) -> Vec<(String, String)> {
        self.files
            .iter()
            .filter_map(|(path, state)| {
                let p = path.clone();
                let text = match state {
                    FileState::Missing => {
                        i18n::media_problem(lang, &MediaProblem::Missing { path: p })
                    }
                    FileState::Altered => {
                        i18n::media_problem(lang, &MediaProblem::Altered { path: p })
                    }
                    FileState::Outside => {
                        i18n::media_problem(lang, &MediaProblem::Outside { path: p })
                    }
                    FileState::NotEmbeddable => {
                        i18n::tr_args(lang, "media-not-embeddable", &[("path", p.into())])
                    }
                    FileState::Photo { .. } | FileState::Present => return None,
                };
                Some((path.clone(), text))
            })
            .collect()
    }

    /// The files a page links to rather than embeds (videos, audio,
    /// pictures that cannot be embedded), present and unaltered: what
    /// `--bundle` copies.
    pub fn linked(&self) -> Vec<&str> {
        self.files
            .iter()
            .filter(|(_, s)| matches!(s, FileState::Present | FileState::NotEmbeddable))
            .map(|(p, _)| p.as_str())
            .collect()
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn examine(source: &dyn MediaSource, path: &str, photo: bool, hash: &str) -> FileState {
    if !inside(path) {
        return FileState::Outside;
    }
    let same = |h: &str| hash.is_empty() || h.eq_ignore_ascii_case(hash);
    let refused = |e: &io::Error| e.kind() == io::ErrorKind::InvalidInput;
    if !photo {
        return match source.hash(path) {
            Ok(h) if same(&h) => FileState::Present,
            Ok(_) => FileState::Altered,
            Err(e) if refused(&e) => FileState::Outside,
            Err(_) => FileState::Missing,
        };
    }
    let bytes = match source.read(path) {
        Ok(b) => b,
        Err(e) if refused(&e) => return FileState::Outside,
        Err(_) => return FileState::Missing,
    };
    if !same(&sha256(&bytes)) {
        return FileState::Altered;
    }
    match photo_jpeg(&bytes) {
        Ok((jpeg, width, height)) => {
            let mut data_uri = String::with_capacity(jpeg.len() * 4 / 3 + 32);
            data_uri.push_str("data:image/jpeg;base64,");
            base64::engine::general_purpose::STANDARD.encode_string(&jpeg, &mut data_uri);
            FileState::Photo {
                data_uri,
                width,
                height,
            }
        }
        Err(_) => FileState::NotEmbeddable,
    }
}

/// A picture (PNG, JPEG or WebP) as an upright JPEG whose longest side is
/// at most [`MAX_SIDE`] pixels, transparent parts on white: the JPEG's
/// bytes, width and height.
pub fn photo_jpeg(bytes: &[u8]) -> Result<(Vec<u8>, u32, u32), String> {
    let err = |e: image::ImageError| e.to_string();
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    limits.max_alloc = Some(1024 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(err)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(err)?;
    img.apply_orientation(orientation);
    if img.width().max(img.height()) > MAX_SIDE {
        img = img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle);
    }
    let mut rgb = on_white(&img);
    let mut out = Vec::new();
    for (side, quality) in [
        (MAX_SIDE, QUALITY),
        (MAX_SIDE, 65),
        (MAX_SIDE, 50),
        (800, 50),
    ] {
        if rgb.width().max(rgb.height()) > side {
            rgb = DynamicImage::ImageRgb8(rgb)
                .resize(side, side, image::imageops::FilterType::Triangle)
                .to_rgb8();
        }
        out.clear();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
        rgb.write_with_encoder(encoder).map_err(err)?;
        if out.len() <= MAX_PHOTO_BYTES {
            break;
        }
    }
    Ok((out, rgb.width(), rgb.height()))
}

/// The picture in RGB, its transparent parts on white (JPEG has no alpha).
fn on_white(img: &DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.to_rgb8();
    }
    let rgba = img.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

/// Everything but letters, digits and `-._~` is percent-encoded in a
/// relative path's segments.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A relative path as a URL: each segment percent-encoded, so the result
/// holds only `A-Za-z0-9-._~%/` (safe in any HTML attribute and Markdown
/// link). `None` for a path outside the session's folder.
pub fn relative_url(base: &str, path: &str) -> Option<String> {
    if !inside(path) {
        return None;
    }
    let segments: Vec<String> = Path::new(path)
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => {
                Some(utf8_percent_encode(&s.to_string_lossy(), SEGMENT).to_string())
            }
            _ => None,
        })
        .collect();
    if segments.is_empty() {
        return None;
    }
    Some(format!("{base}{}", segments.join("/")))
}

/// What is percent-encoded in a web link: controls, spaces, quotes, angle
/// brackets, parentheses and the other characters that could end a
/// Markdown link or an HTML attribute.
const LINK: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'\'')
    .add(b'<')
    .add(b'>')
    .add(b'(')
    .add(b')')
    .add(b'[')
    .add(b']')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'|')
    .add(b'\\')
    .add(b'^');

/// A link's address as a URL to publish: only `http` and `https` (never
/// `javascript:` or `file:`), with no character that could break out of
/// an attribute or a Markdown link. `None` for anything else.
pub fn web_url(text: &str) -> Option<String> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return None;
    }
    Some(utf8_percent_encode(t, LINK).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_are_encoded_and_stay_inside() {
        assert_eq!(
            relative_url("", "demo.media/ab12.mp4").as_deref(),
            Some("demo.media/ab12.mp4")
        );
        assert_eq!(
            relative_url("../", "Cantine d'été.media/a b.jpg").as_deref(),
            Some("../Cantine%20d%27%C3%A9t%C3%A9.media/a%20b.jpg")
        );
        for bad in ["/etc/passwd", "../x.jpg", "a/../../x.jpg", "./x.jpg", ""] {
            assert_eq!(relative_url("", bad), None, "{bad}");
        }
        assert_eq!(
            relative_url("", "javascript:alert(1)").as_deref(),
            Some("javascript%3Aalert%281%29")
        );
    }

    #[test]
    fn only_web_links_are_links() {
        assert_eq!(
            web_url("https://example.org/a b?x=1&y=(2)").as_deref(),
            Some("https://example.org/a%20b?x=1&y=%282%29")
        );
        assert_eq!(web_url("HTTP://x.org").as_deref(), Some("HTTP://x.org"));
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "https://",
            "https:///x",
            "//x.org",
            "demo.media/a.mp4",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_photo_is_scaled_down_upright_and_flattened() {
        let img = image::RgbaImage::from_fn(3000, 2000, |x, y| {
            image::Rgba([
                (x % 256) as u8,
                (y % 256) as u8,
                128,
                if x < 100 { 0 } else { 255 },
            ])
        });
        let mut png = Vec::new();
        DynamicImage::ImageRgba8(img)
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let (jpeg, w, h) = photo_jpeg(&png).unwrap();
        assert_eq!((w, h), (1200, 800));
        assert!(jpeg.starts_with(&[0xff, 0xd8]), "a JPEG");
        assert!(jpeg.len() <= MAX_PHOTO_BYTES);
        let back = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((back.width(), back.height()), (1200, 800));
        // The transparent strip is white.
        let p = back.to_rgb8().get_pixel(5, 400).0;
        assert!(p.iter().all(|&c| c > 240), "{p:?}");
        assert!(photo_jpeg(b"not a picture").is_err());
    }

    struct Bytes(Vec<(&'static str, Vec<u8>)>);

    impl MediaSource for Bytes {
        fn read(&self, path: &str) -> io::Result<Vec<u8>> {
            self.0
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, b)| b.clone())
                .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
        }
    }

    #[test]
    fn files_are_checked_against_their_hash() {
        use crate::model::{Attachment, Id, Timestamp};
        let mut s = Session::new(crate::model::Id::new(), "t");
        let t = Timestamp::parse("2026-07-12T08:00:00Z").unwrap();
        let video = b"not really a video".to_vec();
        let mut add = |path: &str, kind: MediaKind, hash: String| {
            s.attachments.push(Attachment {
                id: Id::new(),
                to: None,
                kind,
                path: path.into(),
                hash,
                caption: String::new(),
                author: String::new(),
                time: t,
            })
        };
        add("t.media/v.mp4", MediaKind::Video, sha256(&video));
        add("t.media/gone.mp4", MediaKind::Video, "00".into());
        add("t.media/changed.mp4", MediaKind::Video, "00".into());
        add("t.media/bad.jpg", MediaKind::Image, sha256(b"garbage"));
        add("../etc/x.jpg", MediaKind::Image, String::new());
        let src = Bytes(vec![
            ("t.media/v.mp4", video),
            ("t.media/changed.mp4", b"x".to_vec()),
            ("t.media/bad.jpg", b"garbage".to_vec()),
            ("../etc/x.jpg", b"secret".to_vec()),
        ]);
        let m = Media::load_from(&src, &s, true);
        assert_eq!(m.state("t.media/v.mp4"), Some(&FileState::Present));
        assert_eq!(m.state("t.media/gone.mp4"), Some(&FileState::Missing));
        assert_eq!(m.state("t.media/changed.mp4"), Some(&FileState::Altered));
        assert_eq!(m.state("t.media/bad.jpg"), Some(&FileState::NotEmbeddable));
        assert_eq!(m.state("../etc/x.jpg"), Some(&FileState::Outside));
        assert_eq!(m.problems("").len(), 4);
        assert_eq!(m.linked(), vec!["t.media/bad.jpg", "t.media/v.mp4"]);
        assert_eq!(Media::none().state("t.media/v.mp4"), None);
    }
}

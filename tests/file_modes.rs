//! No write ever makes a file or folder group- or world-writable, even
//! under umask 000: atelier sets every mode itself. Session files, journals,
//! locks and media are 0600 (their folders 0700); exports are 0600 unless
//! anonymized (meant to be published: 0644, folders 0755).
//!
//! Each command runs as `sh -c 'umask 000; exec atelier ...'`. The app's own
//! files under umask 000 (journal, lock, conflict copy) are checked in
//! `tests/store_paths.rs`.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

mod files_support;

use files_support::{atelier_in, mode};

/// Run atelier with umask 000 in `dir`; its standard output.
fn atelier_umask_000(dir: &Path, args: &[&str]) -> String {
    String::from_utf8_lossy(&atelier_in(dir, args, true).stdout).into_owned()
}

/// Every file and folder under `dir` (not following links), with its mode.
fn walk(dir: &Path, out: &mut Vec<(PathBuf, u32)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let meta = std::fs::symlink_metadata(&p).unwrap();
        out.push((p.clone(), meta.permissions().mode() & 0o777));
        if meta.is_dir() {
            walk(&p, out);
        }
    }
}

/// Nothing under `dir` is writable by its group or others.
fn assert_none_writable_by_others(dir: &Path) {
    let mut all = Vec::new();
    walk(dir, &mut all);
    let bad: Vec<String> = all
        .iter()
        .filter(|(_, m)| m & 0o022 != 0)
        .map(|(p, m)| format!("{} {m:o}", p.display()))
        .collect();
    assert!(bad.is_empty(), "writable by others: {bad:#?}");
}

#[test]
fn under_umask_000_sessions_journals_locks_and_media_are_private() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("work")).unwrap();
    let work = dir.join("work");
    // `new` makes the home and sessions folders, the file, its lock and journal.
    let out = atelier_umask_000(
        &work,
        &["new", "--title", "Modes", "--lang", "en", "--no-open"],
    );
    let session = PathBuf::from(out.trim());
    assert_eq!(mode(&session), 0o600, "session file");
    assert_eq!(mode(&atelier::store::lock_path(&session)), 0o600, "lock");
    let journal = atelier::store::journal::journal_path(&session);
    assert_eq!(mode(&journal), 0o600, "journal");
    assert_eq!(mode(session.parent().unwrap()), 0o700, "sessions folder");
    assert_eq!(mode(&work.join("home")), 0o700, "the folder made for it");

    // A media file world-writable at its source is stored owner-only.
    let clip = work.join("clip.mp4");
    std::fs::write(&clip, b"not really a video").unwrap();
    std::fs::set_permissions(&clip, std::fs::Permissions::from_mode(0o666)).unwrap();
    let photo = work.join("wall.png");
    std::fs::write(&photo, b"not really a photo").unwrap();
    std::fs::set_permissions(&photo, std::fs::Permissions::from_mode(0o777)).unwrap();
    let s = session.to_str().unwrap();
    atelier_umask_000(
        &work,
        &["attach", s, clip.to_str().unwrap(), photo.to_str().unwrap()],
    );
    // (The sources are the test's own: out of the final walk.)
    std::fs::remove_file(&clip).unwrap();
    std::fs::remove_file(&photo).unwrap();
    let media = atelier::store::media::media_dir(&session);
    assert_eq!(mode(&media), 0o700, "media folder");
    let stored: Vec<PathBuf> = std::fs::read_dir(&media)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(stored.len(), 2, "{stored:?}");
    for m in &stored {
        assert_eq!(mode(m), 0o600, "media {}", m.display());
    }

    // Rewriting keeps them so; `generate` and `merge -o` make new ones.
    atelier_umask_000(&work, &["fmt", s]);
    assert_eq!(mode(&session), 0o600, "after fmt");
    let generated = work.join("generated.ron");
    atelier_umask_000(
        &work,
        &["generate", "--stickies", "3", "-o", "generated.ron"],
    );
    assert_eq!(mode(&generated), 0o600, "generate -o");
    let g = generated.to_str().unwrap();
    atelier_umask_000(&work, &["merge", "--no-base", g, g, "-o", "merged.ron"]);
    assert_eq!(mode(&work.join("merged.ron")), 0o600, "merge -o");

    assert_none_writable_by_others(dir);
}

#[test]
fn under_umask_000_exports_are_0600_unless_anonymized_for_publication() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = dir.join("demo.ron");
    std::fs::write(&file, include_str!("../sessions/demo.ron")).unwrap();
    let clip = dir.join("clip.mp4");
    std::fs::write(&clip, b"not really a video").unwrap();
    atelier_umask_000(dir, &["attach", "demo.ron", "clip.mp4"]);

    for (anonymize, file_mode, dir_mode) in [(false, 0o600, 0o700), (true, 0o644, 0o755)] {
        let tag = if anonymize { "public" } else { "private" };
        let flag: &[&str] = if anonymize {
            &["--anonymize", "--with-media"]
        } else {
            &[]
        };
        for format in ["md", "html", "csv", "json", "svg"] {
            let out = format!("{tag}.{format}");
            let mut args = vec!["export", "demo.ron", "--format", format, "-o", &out];
            args.extend_from_slice(flag);
            atelier_umask_000(dir, &args);
            assert_eq!(mode(&dir.join(&out)), file_mode, "{out}");
        }

        // --bundle: the folder, the page and the copied video.
        let bundle = format!("bundle-{tag}/site");
        let mut args = vec![
            "export", "demo.ron", "--format", "html", "--bundle", &bundle,
        ];
        args.extend_from_slice(flag);
        atelier_umask_000(dir, &args);
        let b = dir.join(&bundle);
        for folder in [b.parent().unwrap(), &b, &b.join("demo.media")] {
            assert_eq!(mode(folder), dir_mode, "{}", folder.display());
        }
        assert_eq!(mode(&b.join("index.html")), file_mode, "bundle page");
        let copied: Vec<PathBuf> = std::fs::read_dir(b.join("demo.media"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(copied.len(), 1, "the video is copied: {copied:?}");
        assert_eq!(mode(&copied[0]), file_mode, "bundled video");

        // report: the folder and every page.
        let sessions = dir.join(format!("programme-{tag}"));
        std::fs::create_dir(&sessions).unwrap();
        std::fs::copy(&file, sessions.join("demo.ron")).unwrap();
        let out = format!("report-{tag}/out");
        let mut args = vec!["report", sessions.to_str().unwrap(), "-o", &out];
        if anonymize {
            args.push("--anonymize");
        }
        atelier_umask_000(dir, &args);
        let r = dir.join(&out);
        assert_eq!(
            mode(r.parent().unwrap()),
            dir_mode,
            "report's parent folder"
        );
        assert_eq!(mode(&r), dir_mode, "report folder");
        for page in std::fs::read_dir(&r).unwrap() {
            let page = page.unwrap().path();
            assert_eq!(mode(&page), file_mode, "{}", page.display());
        }
    }
    assert_none_writable_by_others(dir);
}

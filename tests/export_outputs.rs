//! Where `atelier export -o PATH` writes: a regular file is replaced
//! atomically; anything else is written into and left what it was: a
//! character device (`/dev/null`), a FIFO (its reader gets the document),
//! standard output (`-`, `/dev/stdout`), the target of a symbolic link
//! (the link stays a link).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod files_support;
mod skip_support;

use files_support::{ATELIER as BIN, mode, names};
use skip_support::{Tool, skip_for};

const DEMO: &str = include_str!("../sessions/demo.ron");

/// A folder with the demo session in it.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.ron");
    std::fs::write(&file, DEMO).unwrap();
    (dir, file)
}

fn export(file: &Path, extra: &[&str], stdout: Stdio) -> Output {
    let out = Command::new(BIN)
        .arg("export")
        .arg(file)
        .args(["--format", "md"])
        .args(extra)
        .env("ATELIER_HOME", file.parent().unwrap().join("home"))
        .env("TZ", "Europe/Paris")
        .stdout(stdout)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "atelier export {extra:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The document, as `-o -` gives it.
fn document(file: &Path, anonymize: bool) -> Vec<u8> {
    let mut args = vec!["-o", "-"];
    if anonymize {
        args.push("--anonymize");
    }
    let doc = export(file, &args, Stdio::piped()).stdout;
    assert!(doc.len() > 1000, "the demo's summary");
    doc
}

#[test]
fn an_export_to_a_character_device_writes_into_it_and_leaves_it_a_device() {
    let (dir, file) = folder();
    // As root a broken export would replace the system's /dev/null: use a
    // null device of our own instead.
    let device = if Tool::Root.present() {
        let own = dir.path().join("null");
        let made = Command::new("mknod")
            .arg(&own)
            .args(["c", "1", "3"])
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            skip_for(
                "mknod",
                "run the tests where root may make device nodes",
                "running as root, and mknod is not permitted here",
            );
            return;
        }
        own
    } else {
        PathBuf::from("/dev/null")
    };
    let before = std::fs::metadata(&device).unwrap();
    for extra in [&[][..], &["--anonymize"][..]] {
        let mut args = vec!["-o", device.to_str().unwrap()];
        args.extend_from_slice(extra);
        export(&file, &args, Stdio::piped());
        let after = std::fs::metadata(&device).unwrap();
        assert!(
            after.file_type().is_char_device(),
            "{} is no longer a character device",
            device.display()
        );
        assert_eq!(after.rdev(), before.rdev(), "the same device");
        assert_eq!(after.ino(), before.ino(), "the same node, not a new one");
        assert_eq!(after.mode(), before.mode(), "its mode untouched");
    }
    if device.starts_with(dir.path()) {
        assert_eq!(
            names(dir.path()),
            ["demo.ron", "null"],
            "no temporary file left beside the device"
        );
    }
}

#[test]
fn an_export_to_a_fifo_reaches_its_reader() {
    let (dir, file) = folder();
    let want = document(&file, true);
    let fifo = dir.path().join("pipe");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        skip_for(
            "mkfifo",
            "install it: apt-get install -y coreutils",
            "it did not run",
        );
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut got = Vec::new();
            std::fs::File::open(&fifo)
                .unwrap()
                .read_to_end(&mut got)
                .unwrap();
            got
        })
    };
    export(
        &file,
        &["-o", fifo.to_str().unwrap(), "--anonymize"],
        Stdio::piped(),
    );
    // Checked first: had the FIFO been replaced, its reader would wait forever.
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo(),
        "the FIFO is still a FIFO"
    );
    let got = reader.join().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&got),
        String::from_utf8_lossy(&want),
        "the reader gets the whole document"
    );
    assert_eq!(
        names(dir.path()),
        ["demo.ron", "pipe"],
        "nothing else written"
    );
}

#[test]
fn an_export_to_standard_output_writes_into_it_whatever_it_is() {
    let (dir, file) = folder();
    let want = document(&file, false);

    // A pipe, named /dev/stdout: the document alone (no path line after it).
    let piped = export(&file, &["-o", "/dev/stdout"], Stdio::piped());
    assert_eq!(
        String::from_utf8_lossy(&piped.stdout),
        String::from_utf8_lossy(&want)
    );

    // A file opened for appending (`>> log`): appended to, not replaced.
    let log = dir.path().join("log.md");
    std::fs::write(&log, "before\n").unwrap();
    let inode = std::fs::metadata(&log).unwrap().ino();
    let out = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    export(&file, &["-o", "/dev/stdout"], Stdio::from(out));
    let mut expected = b"before\n".to_vec();
    expected.extend_from_slice(&want);
    assert_eq!(
        String::from_utf8_lossy(&std::fs::read(&log).unwrap()),
        String::from_utf8_lossy(&expected)
    );
    assert_eq!(
        std::fs::metadata(&log).unwrap().ino(),
        inode,
        "the same file"
    );

    // A link to /dev/stdout is the same, for a pipe or a file.
    let link = dir.path().join("out.md");
    symlink("/dev/stdout", &link).unwrap();
    let piped = export(&file, &["-o", link.to_str().unwrap()], Stdio::piped());
    assert_eq!(piped.stdout, want);
    let out = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    export(&file, &["-o", link.to_str().unwrap()], Stdio::from(out));
    expected.extend_from_slice(&want);
    assert_eq!(std::fs::read(&log).unwrap(), expected, "appended again");
    assert_eq!(
        std::fs::metadata(&log).unwrap().ino(),
        inode,
        "still the same file"
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn an_export_through_a_link_writes_its_target_and_keeps_the_link() {
    let (dir, file) = folder();
    let public = dir.path().join("site");
    std::fs::create_dir(&public).unwrap();
    let target = public.join("summary.md");
    std::fs::write(&target, "an older summary").unwrap();
    // summary.md -> hop.md -> site/summary.md
    let hop = dir.path().join("hop.md");
    symlink("site/summary.md", &hop).unwrap();
    let link = dir.path().join("summary.md");
    symlink("hop.md", &link).unwrap();

    for anonymize in [false, true] {
        let mut args = vec!["-o", link.to_str().unwrap()];
        if anonymize {
            args.push("--anonymize");
        }
        export(&file, &args, Stdio::piped());
        for l in [&link, &hop] {
            assert!(
                std::fs::symlink_metadata(l)
                    .unwrap()
                    .file_type()
                    .is_symlink(),
                "{} is still a link",
                l.display()
            );
        }
        assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("hop.md"));
        assert_eq!(std::fs::read(&target).unwrap(), document(&file, anonymize));
        let want = if anonymize { 0o644 } else { 0o600 };
        assert_eq!(mode(&target), want, "anonymized: {anonymize}");
    }
    assert_eq!(names(&public), ["summary.md"], "no temporary file left");

    // A link to a file not made yet: the file is made, the link stays.
    let dangling = dir.path().join("new.md");
    symlink("site/new.md", &dangling).unwrap();
    export(&file, &["-o", dangling.to_str().unwrap()], Stdio::piped());
    assert!(
        std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read(public.join("new.md")).unwrap(),
        document(&file, false)
    );
}

#[test]
fn an_export_to_a_regular_file_is_replaced_atomically() {
    let (dir, file) = folder();
    let out = dir.path().join("summary.md");
    std::fs::write(&out, "an older summary").unwrap();
    let mut keep = std::fs::File::open(&out).unwrap();
    export(&file, &["-o", out.to_str().unwrap()], Stdio::piped());
    // Whoever had the old file open still reads it whole: it was replaced
    // by a rename, never rewritten in place.
    let mut old = String::new();
    keep.read_to_string(&mut old).unwrap();
    assert_eq!(old, "an older summary");
    assert_eq!(std::fs::read(&out).unwrap(), document(&file, false));
    assert_eq!(names(dir.path()), ["demo.ron", "summary.md"]);
}

//! Sessions kept behind a symbolic link (a common way to keep them in a
//! synced folder): the path is resolved to the real file once, at open;
//! every save, journal, lock, conflict copy and media file goes beside the
//! real file; the link stays a link. Through the store, through every
//! command that writes a session, and through the app (under umask 000).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod files_support;
mod reliability_support;
mod support;

use atelier::model::{Session, Timestamp};
use atelier::store::journal::{self, Record};
use atelier::store::{self, Saved, Store};
use files_support::{atelier_in, mode, names};
use reliability_support::*;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// One test at a time: a spawned process briefly shares this process's open
/// files (locks included) until it starts its program.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A real session in `synced/`, and `local/atelier.ron`, a relative link
/// to it (as `ln -s ../synced/atelier.ron` makes).
struct Linked {
    dir: tempfile::TempDir,
    real: PathBuf,
    link: PathBuf,
}

impl Linked {
    fn new(title: &str) -> Linked {
        let dir = tempfile::tempdir().unwrap();
        let synced = dir.path().join("synced");
        let local = dir.path().join("local");
        std::fs::create_dir_all(&synced).unwrap();
        std::fs::create_dir_all(&local).unwrap();
        let real = synced.join("atelier.ron");
        let mut s = Session::new(atelier::model::Id::new(), title);
        s.language = Some("en".into());
        s.time_zone = Some("Europe/Paris".into());
        drop(Store::create(&real, &s).unwrap());
        let link = local.join("atelier.ron");
        symlink("../synced/atelier.ron", &link).unwrap();
        Linked {
            real: real.canonicalize().unwrap(),
            link,
            dir,
        }
    }

    fn synced(&self) -> PathBuf {
        self.real.parent().unwrap().to_path_buf()
    }

    fn local(&self) -> PathBuf {
        self.link.parent().unwrap().to_path_buf()
    }

    /// The link is still a link, to the same file, and nothing else was
    /// written beside it.
    fn assert_link_kept(&self, context: &str) {
        let meta = std::fs::symlink_metadata(&self.link).unwrap();
        assert!(
            meta.file_type().is_symlink(),
            "{context}: the link was replaced by a file"
        );
        assert_eq!(
            std::fs::read_link(&self.link).unwrap(),
            Path::new("../synced/atelier.ron"),
            "{context}: the link points elsewhere"
        );
        assert_eq!(
            names(&self.local()),
            ["atelier.ron"],
            "{context}: files were written beside the link instead of the real file"
        );
    }

    fn session(&self) -> Session {
        load(&self.real)
    }

    fn run(&self, args: &[&str]) -> Output {
        atelier_in(self.dir.path(), args, false)
    }
}

fn sticky(s: &mut Session, text: &str) -> Record {
    support::model::journaled_sticky(s, text, Timestamp::now())
}

#[test]
fn a_session_opened_through_a_link_saves_journals_and_locks_beside_its_real_file() {
    let _serial = serial();
    let l = Linked::new("Lien");
    let (mut st, mut s) = Store::open(&l.link).unwrap();
    assert_eq!(st.path(), l.real, "the store works on the real file");

    // One lock for both names of the file.
    let (other, _) = Store::open(&l.real).unwrap();
    assert!(
        other.read_only().is_some(),
        "opened by its real path while open through the link: must be read-only"
    );
    drop(other);

    // The journal is beside the real file.
    let r = sticky(&mut s, "journaled through the link");
    st.journal(1, &r);
    st.sync();
    let j = journal::read(&journal::journal_path(&l.real))
        .unwrap()
        .unwrap();
    assert_eq!(j.records.len(), 1, "the journal beside the real file");
    l.assert_link_kept("after journaling");

    // A save writes the real file.
    assert_eq!(st.save_generation(&s, 1).unwrap(), Saved::Written);
    l.assert_link_kept("after a save");
    assert_eq!(l.session(), s, "the real file has the change");
    assert_eq!(mode(&l.real), 0o600);
    assert_eq!(mode(&store::lock_path(&l.real)), 0o600);
    assert_eq!(mode(&journal::journal_path(&l.real)), 0o600);

    // Changed on disk (by the sync tool): the conflict copy is beside it.
    let mut outside = s.clone();
    outside.title = "Changé ailleurs".into();
    std::fs::write(&l.real, store::to_ron(&outside).unwrap()).unwrap();
    sticky(&mut s, "ours");
    let Saved::Conflict(copy) = st.save(&s).unwrap() else {
        panic!("expected a conflict copy");
    };
    assert_eq!(
        copy.parent().unwrap(),
        l.synced(),
        "the copy is beside the real file"
    );
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(store::load_file(&copy).unwrap(), s);
    assert_eq!(l.session(), outside, "the outside version is kept");
    l.assert_link_kept("after a conflict");

    // A crash, then an open through the link replays the journal.
    let r = sticky(&mut s, "after the conflict");
    st.journal(2, &r);
    st.sync();
    drop(st);
    let (st, _) = Store::open(&l.link).unwrap();
    assert!(
        st.recovery().map(ToString::to_string).is_some(),
        "the journal was found beside the real file"
    );
    drop(st);
    l.assert_link_kept("after recovery");
}

#[test]
fn a_session_created_through_a_dangling_link_creates_its_target() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("synced/new.ron");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    let link = dir.path().join("new.ron");
    symlink(&real, &link).unwrap();
    let st = Store::create(&link, &Session::new(atelier::model::Id::new(), "Nouveau")).unwrap();
    assert_eq!(st.path(), real.canonicalize().unwrap());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load(&real).title, "Nouveau");
    assert!(
        Store::create(&link, &Session::new(atelier::model::Id::new(), "Encore")).is_err(),
        "the link's target exists now"
    );
}

#[test]
fn every_command_that_writes_a_session_writes_through_a_link() {
    let _serial = serial();
    let l = Linked::new("Commandes");
    let link = l.link.to_str().unwrap().to_owned();

    // fmt: a hand-edited (non-canonical) real file is rewritten in place.
    let canonical = std::fs::read_to_string(&l.real).unwrap();
    std::fs::write(&l.real, canonical.replace("    ", "  ")).unwrap();
    l.run(&["fmt", &link]);
    assert_eq!(std::fs::read_to_string(&l.real).unwrap(), canonical);
    l.assert_link_kept("fmt");

    // import: stickies go into the real file.
    let from = l.dir.path().join("ideas.txt");
    std::fs::write(&from, "Des bancs à l'ombre\nUne fontaine\n").unwrap();
    l.run(&["import", &link, from.to_str().unwrap()]);
    assert_eq!(l.session().stickies.len(), 2, "import");
    l.assert_link_kept("import");

    // attach: the media folder is beside the real file.
    let clip = l.dir.path().join("clip.mp4");
    std::fs::write(&clip, b"not really a video").unwrap();
    l.run(&["attach", &link, clip.to_str().unwrap()]);
    let s = l.session();
    assert_eq!(s.attachments.len(), 1, "attach");
    assert!(
        l.synced().join(&s.attachments[0].path).is_file(),
        "the media file is beside the real file: {:?}",
        names(&l.synced())
    );
    l.assert_link_kept("attach");
    let check = l.run(&["check", &link]);
    assert!(
        String::from_utf8_lossy(&check.stdout).contains(": ok"),
        "check finds the media beside the real file"
    );

    // check --recover: a crash journal beside the real file is replayed into it.
    let (mut st, mut s) = Store::open(&l.link).unwrap();
    let r = sticky(&mut s, "before the crash");
    st.journal(1, &r);
    st.sync();
    drop(st);
    let out = l.run(&["check", "--recover", &link]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("recovered 1 change"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(l.session().stickies.len(), 3, "check --recover");
    l.assert_link_kept("check --recover");

    // merge -o LINK: the merged session goes into the real file.
    let (ours, theirs) = (
        l.dir.path().join("ours.ron"),
        l.dir.path().join("theirs.ron"),
    );
    let mut o = l.session();
    o.title = "Fusion".into();
    std::fs::write(&ours, store::to_ron(&o).unwrap()).unwrap();
    std::fs::write(&theirs, store::to_ron(&l.session()).unwrap()).unwrap();
    let (b, o, t) = (
        l.real.to_str().unwrap().to_owned(),
        ours.to_str().unwrap().to_owned(),
        theirs.to_str().unwrap().to_owned(),
    );
    let base = l.dir.path().join("base.ron");
    std::fs::copy(&b, &base).unwrap();
    l.run(&["merge", base.to_str().unwrap(), &o, &t, "-o", &link]);
    assert_eq!(l.session().title, "Fusion", "merge -o");
    l.assert_link_kept("merge -o");

    // generate -o LINK.
    l.run(&["generate", "--stickies", "5", "-o", &link]);
    assert_eq!(l.session().stickies.len(), 5, "generate -o");
    l.assert_link_kept("generate -o");
    assert_eq!(mode(&l.real), 0o600);
}

#[test]
fn the_app_through_a_link_under_umask_000_keeps_the_link_and_private_files() {
    let _serial = serial();
    if missing(Tool::Tmux) {
        return;
    }
    let l = Linked::new("Appli");
    // An agenda, so that the app opens on the facilitation screen.
    let home = l.dir.path().join("home");
    let template = new_session(&home, "T");
    let mut s = load(&template);
    s.title = "Appli".into();
    std::fs::write(&l.real, store::to_ron(&s).unwrap()).unwrap();

    let tmux = Tmux::new(&home);
    let pid_file = l.dir.path().join("pid");
    let cmd = format!("umask 000; {}", exec_open(&l.link, &pid_file));
    tmux.start(&format!("sh -c {}", sh_quote(&cmd)));
    let pid = read_pid(&pid_file, &tmux);
    tmux.wait_for(&["Facilitation", "ready"]);
    tmux.keys(&["s"]);
    tmux.wait_for(&["New sticky"]);
    tmux.type_text("saved through the link");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["· 1 added"]);
    // The first change is saved at once (then every two seconds).
    tmux.wait_until_in("main", "the save", WAIT, |_| {
        sticky_texts(&load(&l.real)).contains(&"saved through the link".to_owned())
    });
    l.assert_link_kept("a save from the app");

    // The sync tool changes the real file: the conflict copy is beside it.
    let mut outside = load(&l.real);
    outside.title = "Changé par la synchro".into();
    std::fs::write(&l.real, store::to_ron(&outside).unwrap()).unwrap();
    tmux.type_text("ours, after the outside change");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["changed on disk", "conflict copy"]);

    // kill -9, then recovery through the link.
    tmux.type_text("journaled only");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["· 3 added"]);
    let journal = journal::journal_path(&l.real);
    let in_a_copy = || {
        names(&l.synced())
            .iter()
            .filter(|n| n.contains(".conflict-"))
            .any(|n| sticky_texts(&load(&l.synced().join(n))).contains(&"journaled only".into()))
    };
    tmux.wait_until_in("main", "the last sticky in the journal", WAIT, |_| {
        in_a_copy()
            || journal::read(&journal)
                .ok()
                .flatten()
                .is_some_and(|c| !c.records.is_empty())
    });
    // Written to the journal: a killed process loses nothing it wrote.
    kill(pid, "KILL");
    assert!(wait_gone(pid, WAIT), "atelier still runs after kill -9");
    drop(tmux);

    let synced = names(&l.synced());
    let copies: Vec<&String> = synced.iter().filter(|n| n.contains(".conflict-")).collect();
    assert_eq!(
        copies.len(),
        1,
        "one conflict copy beside the real file: {synced:?}"
    );
    let copy = l.synced().join(copies[0]);
    for (what, p) in [
        ("session file", l.real.clone()),
        ("lock", store::lock_path(&l.real)),
        ("journal", journal.clone()),
        ("conflict copy", copy.clone()),
    ] {
        assert_eq!(mode(&p), 0o600, "{what} under umask 000");
    }
    l.assert_link_kept("kill -9");
    let out = Command::new(BIN)
        .args(["check", "--recover"])
        .arg(&l.link)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let recovered = sticky_texts(&load(&copy));
    for t in [
        "saved through the link",
        "ours, after the outside change",
        "journaled only",
    ] {
        assert!(recovered.contains(&t.to_owned()), "{t:?} in {recovered:?}");
    }
    assert_eq!(load(&l.real).title, "Changé par la synchro");
    l.assert_link_kept("check --recover");
}

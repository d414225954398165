//! Shared helpers for the import tests: fixtures, the binary run as a
//! user would, and a small session to import into.
#![allow(dead_code)]

use crate::support::model::{stage, step};
use atelier::model::{Cluster, Id, Participant, Role, Session, StageKind, validate};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

pub fn atelier(args: &[&std::ffi::OsStr]) -> Output {
    atelier_in("C", args)
}

/// The binary with its messages in `lang` (a locale such as `fr_FR.UTF-8`),
/// whatever the machine's config and environment say.
pub fn atelier_in(lang: &str, args: &[&std::ffi::OsStr]) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(args)
        .env("ATELIER_HOME", home.path())
        .env("LC_ALL", lang)
        .env("LANG", lang)
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

pub fn import(session: &Path, from: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["import".as_ref(), session.as_os_str(), from.as_os_str()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    atelier(&args)
}

pub fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

/// A small session: two participants, a cluster "Ombre", one stage.
pub fn session(dir: &Path) -> PathBuf {
    let mut s = Session::new(atelier::model::Id::new(), "Cours d'école fraîches");
    for name in ["Zoé Marchand", "Thibault Nguyễn"] {
        s.participants.push(Participant {
            id: Id::new(),
            name: name.into(),
            role: Role::Citizen,
            organisation: String::new(),
        });
    }
    s.agenda.push(stage(
        "stage-ideas",
        "Idées",
        StageKind::Ideation,
        vec![step("step-1", "Crazy 8s", 8, "")],
    ));
    s.clusters.push(Cluster {
        id: Id::from("cluster-ombre"),
        title: "Ombre".into(),
        stage: None,
    });
    let path = dir.join("cours.ron");
    std::fs::write(&path, atelier::store::to_ron(&s).unwrap()).unwrap();
    path
}

pub fn load(path: &Path) -> Session {
    let s = atelier::store::load_file(path).unwrap();
    assert_eq!(validate(&s), vec![]);
    s
}

//! The tests' one support module: each test crate that drives the app says
//! `mod support;` once, and the `*_support` modules build on it.
#![allow(dead_code)]

pub mod chromium;

pub mod cli;

pub mod keys;

pub mod model;

pub mod screen;

pub mod tmux;

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            e.unwrap_or_else(|e| panic!("{e}"))
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

//! The tests' one support module: each test crate says `mod support;` once,
//! and the `*_support` modules build on it. In it: `keys` (keys through the
//! keymap, the app builders `new_app` and `open_app`), `screen` (the app
//! drawn on a `TestBackend` and read back, the snapshot macro, the odd
//! sizes), `tmux` (the one tmux driver), `model` (pieces of sessions at a
//! fixed time), `cli` (the binary run as a user would), `chromium` (its
//! headless flags), `phone` (the HTTP client of the collector's tests).
#![allow(dead_code)]

pub mod chromium;

pub mod cli;

pub mod keys;

pub mod model;

pub mod phone;

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

/// For each name, `fn name() -> App` in the test file: the state
/// `$module::states::name` in `lang` (`app_support` and `board_support`
/// build their states once for every language).
#[macro_export]
macro_rules! states_from {
    ($module:ident, $lang:literal; $($name:ident),* $(,)?) => {$(
        #[allow(dead_code)]
        fn $name() -> atelier::app::App {
            $crate::$module::states::$name($lang)
        }
    )*};
}

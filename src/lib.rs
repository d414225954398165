//! atelier: run co-design workshops from the terminal.
//!
//! Layers (see ARCHITECTURE.md): `model` (the workshop as data) is used by
//! everything and uses nothing; `methods` and `store` read and write it;
//! `export` turns it into documents; `app` runs it; `ui` draws `app`'s state.

pub mod app;
pub mod cli;
pub mod collect;
pub mod commands;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod lang;
pub mod merge;
pub mod methods;
pub mod model;
pub mod review;
pub mod store;
pub mod ui;
pub mod zone;

//! The interactive app: state, actions, the router, rooms, keymap and the
//! run loop.
//!
//! Event -> [`Msg`] (through the [`keymap`]) -> [`update`] (the router, pure)
//! -> a room -> [`Effect`]s (run by the loop: save, bell, open) -> render
//! (reads state only).

pub mod action;
pub mod columns;
pub mod ctx;
pub mod drafts;
pub mod effect;
pub mod history;
pub mod index;
pub mod keymap;
pub mod kit;
mod outcome;
pub mod overlay;
mod perform;
pub mod rooms;
pub mod router;
mod run;
mod saver;
pub mod state;

pub use action::{Action, Msg, SaveReport};
pub use effect::Effect;
pub use rooms::{conflicts, evidence, suggest, zone};
pub use router::update;
pub use run::{build_app, run_file, run_home, run_open, run_review};
pub use state::App;

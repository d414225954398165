//! The interactive app: state, actions, update, keymap and the run loop.
//!
//! Event -> [`Msg`] (through the [`keymap`]) -> [`update`] (pure) -> [`Effect`]s
//! (run by the loop: save, bell, open) -> render (reads state only).

pub mod action;
mod board;
mod collect;
pub mod conflicts;
pub mod drafts;
pub mod evidence;
pub mod keymap;
mod private;
mod run;
mod saver;
pub mod state;
pub mod suggest;
pub mod update;
pub mod zone;

pub use action::{Action, Msg, SaveReport};
pub use run::{run_file, run_home, run_open};
pub use state::App;
pub use update::{Effect, update};

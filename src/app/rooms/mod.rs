//! One module per feature ("room"). A room owns the handling of its
//! messages; it may import the shared modules (`kit`, `history`, `index`,
//! `state`, `action`, `effect`, `drafts`, `keymap`) but never a sibling room
//! or the router (checked by `tests/architecture.rs`).

pub mod actions;
pub mod ballots;
pub mod board;
pub mod capture;
pub mod collect;
pub mod conflicts;
pub mod evidence;
pub mod export;
pub mod facilitate;
pub mod help;
pub mod home;
pub mod notes;
pub mod private;
pub mod review;
pub mod search;
pub mod session;
pub mod setup;
pub mod suggest;
pub mod wall;
pub mod zone;

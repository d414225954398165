//! The board's states the snapshots draw, built once for both languages:
//! `board_screens.rs` draws them in English, `i18n_screens.rs` in French.
//! Each takes the interface's language; `board_states_in!` makes a test
//! file's `fn name() -> App` for every state in one language.
#![allow(dead_code)]

use super::{keys, session, t, type_text, with_votes};
use atelier::app::state::BoardIndex;
use atelier::app::{App, Msg, update};

/// `app` in `lang`: in another language than English, the columns are
/// rebuilt with their names in it.
fn in_lang(mut app: App, lang: &'static str) -> App {
    if lang != "en" {
        app.lang = lang;
        app.index = BoardIndex::default();
        update(&mut app, Msg::Resize, t(0));
    }
    app
}

/// The board of `board_support`, in `lang`.
pub fn app(lang: &'static str) -> App {
    in_lang(super::app(), lang)
}

/// `keys_pressed` on the board in `lang`.
fn after(lang: &'static str, keys_pressed: &[&str]) -> App {
    let mut app = app(lang);
    keys(&mut app, keys_pressed);
    app
}

/// `keys_pressed` on the board with votes, in `lang`.
fn votes_after(lang: &'static str, keys_pressed: &[&str]) -> App {
    let mut app = in_lang(super::app_with(with_votes(session()), None), lang);
    keys(&mut app, keys_pressed);
    app
}

/// `keys_pressed` then `text` typed, on the board in `lang`.
fn typed(lang: &'static str, keys_pressed: &[&str], text: &str) -> App {
    let mut app = after(lang, keys_pressed);
    type_text(&mut app, text);
    app
}

/// The cursor on "Gourdes offertes", the first sticky of the inbox.
pub fn board(lang: &'static str) -> App {
    after(lang, &["j"])
}

/// The cursor on the header of the first cluster.
pub fn board_cluster_header(lang: &'static str) -> App {
    after(lang, &["l"])
}

/// The cursor on the empty cluster: at 80 columns the board scrolls.
pub fn board_empty_cluster(lang: &'static str) -> App {
    after(lang, &["l", "l", "l"])
}

/// The cursor on the long sticky, truncated to five lines.
pub fn board_long(lang: &'static str) -> App {
    after(lang, &["j", "j"])
}

/// Two marked stickies, the cursor on the one between them.
pub fn board_marked(lang: &'static str) -> App {
    after(lang, &["j", "space", "j", "space", "k"])
}

/// The capture bar, with an author, a colour and text typed.
pub fn board_capture(lang: &'static str) -> App {
    typed(lang, &["j", "s", "tab", "ctrl-n"], "Une idée 💡 アイデア")
}

/// The search bar open with "ecole" typed.
pub fn board_search(lang: &'static str) -> App {
    typed(lang, &["/"], "ecole")
}

/// The search applied (Enter), the cursor on the first cluster's match.
pub fn board_search_applied(lang: &'static str) -> App {
    let mut app = board_search(lang);
    keys(&mut app, &["enter", "l", "j"]);
    app
}

/// Voting as Amélie in a round of 3 dots, at most 2 per item.
pub fn board_voting(lang: &'static str) -> App {
    votes_after(lang, &["v", "j"])
}

/// The same votes, no round open: every dot shows (while a round is open,
/// only the voter's own show until `R`: tests/ballots_app.rs).
pub fn board_voted(lang: &'static str) -> App {
    votes_after(lang, &["j"])
}

/// The results, with ties.
pub fn board_results(lang: &'static str) -> App {
    votes_after(lang, &["R"])
}

/// Sorted by votes.
pub fn board_sorted(lang: &'static str) -> App {
    votes_after(lang, &["o", "j"])
}

/// The picker to move a sticky.
pub fn board_move_picker(lang: &'static str) -> App {
    after(lang, &["j", "m"])
}

/// The title field of a new cluster.
pub fn board_new_cluster(lang: &'static str) -> App {
    typed(lang, &["j", "space", "c"], "Boire 🚰")
}

/// The board's help.
pub fn board_help(lang: &'static str) -> App {
    after(lang, &["?"])
}

/// In a test file, `crate::board_states_in!("fr");` makes a
/// `fn name() -> App` for each state above (sorted by name), in that
/// language.
#[macro_export]
macro_rules! board_states_in {
    ($lang:literal) => {
        $crate::states_from!(
            board_support, $lang;
            board,
            board_capture,
            board_cluster_header,
            board_empty_cluster,
            board_help,
            board_long,
            board_marked,
            board_move_picker,
            board_new_cluster,
            board_results,
            board_search,
            board_search_applied,
            board_sorted,
            board_voted,
            board_voting,
        );
    };
}

//! The help overlay: scrolls, and closes.

use crate::app::action::Action;
use crate::app::state::App;

pub(crate) fn action(app: &mut App, action: Action) {
    match action {
        Action::Help | Action::Back | Action::Cancel | Action::Quit => app.help = false,
        Action::Down | Action::PageDown => {
            app.help_scroll =
                app.help_scroll
                    .saturating_add(if action == Action::Down { 1 } else { 10 })
        }
        Action::Up | Action::PageUp => {
            app.help_scroll =
                app.help_scroll
                    .saturating_sub(if action == Action::Up { 1 } else { 10 })
        }
        Action::Top => app.help_scroll = 0,
        _ => {}
    }
}

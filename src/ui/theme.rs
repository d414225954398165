//! Named styles, from `assets/theme.ron` patched by `<config>/theme.ron`.
//! `NO_COLOR` drops every colour and keeps bold, underline and reverse, so
//! what carries meaning (selection, overrun) still shows.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::str::FromStr;

pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.ron");

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleDef {
    #[serde(default)]
    fg: Option<String>,
    #[serde(default)]
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underlined: bool,
    #[serde(default)]
    reversed: bool,
}

macro_rules! theme {
    ($($name:ident),* $(,)?) => {
        #[derive(Clone, Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct ThemeDef { $( #[serde(default)] $name: Option<StyleDef>, )* }

        /// The styles the screens use, by meaning.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct Theme { $( pub $name: Style, )* /** Colours are on (no NO_COLOR). */ pub colour: bool }

        impl Theme {
            fn from_defs(base: &ThemeDef, user: Option<&ThemeDef>, color: bool) -> Theme {
                Theme { $( $name: style(user.and_then(|u| u.$name.as_ref()).or(base.$name.as_ref()), color, stringify!($name)), )* colour: color }
            }
        }
    };
}

theme!(
    base,
    title,
    border,
    border_focus,
    selected,
    muted,
    accent,
    key,
    timer,
    timer_paused,
    overrun,
    flash,
    ok,
    error,
    warning,
    control,
);

fn color(name: &Option<String>) -> Option<Color> {
    name.as_deref().and_then(|n| Color::from_str(n).ok())
}

fn style(def: Option<&StyleDef>, with_color: bool, name: &str) -> Style {
    let Some(d) = def else {
        // Without a definition, meaning still needs a visible mark.
        return match name {
            "selected" | "overrun" | "error" | "warning" | "flash" => {
                Style::default().add_modifier(Modifier::REVERSED)
            }
            _ => Style::default(),
        };
    };
    let mut s = Style::default();
    if with_color {
        if let Some(c) = color(&d.fg) {
            s = s.fg(c);
        }
        if let Some(c) = color(&d.bg) {
            s = s.bg(c);
        }
    }
    let mut m = Modifier::empty();
    if d.bold {
        m |= Modifier::BOLD;
    }
    if d.italic {
        m |= Modifier::ITALIC;
    }
    if d.underlined {
        m |= Modifier::UNDERLINED;
    }
    let has_bg = d.bg.is_some();
    if d.reversed || (!with_color && has_bg) {
        // A background colour marks meaning (selection, overrun): without
        // colour, reverse video carries it instead.
        m |= Modifier::REVERSED;
    }
    s.add_modifier(m)
}

impl Theme {
    /// The default theme (with colour).
    pub fn default_theme() -> Theme {
        Self::load_from(None, true).0
    }

    /// The default theme patched by `user` text (`(file name, text)`);
    /// `color` false for NO_COLOR. A text RON cannot parse is the problem
    /// returned (see [`Theme::warning`]), and the default theme.
    pub fn load_from(
        user: Option<(&str, &str)>,
        color: bool,
    ) -> (Theme, Option<crate::store::LoadError>) {
        let base: ThemeDef = crate::store::parse_config(DEFAULT_THEME).unwrap_or_default();
        let mut problem = None;
        let user_def = user.and_then(|(name, text)| {
            crate::store::parse_config::<ThemeDef>(text)
                .map_err(|mut e| {
                    e.file = name.to_owned();
                    problem = Some(e);
                })
                .ok()
        });
        (Theme::from_defs(&base, user_def.as_ref(), color), problem)
    }

    /// From the config folder, honouring `NO_COLOR` (a file that is there
    /// but cannot be read is a problem too).
    pub fn load(config_dir: &std::path::Path) -> (Theme, Option<crate::store::LoadError>) {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let path = config_dir.join("theme.ron");
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::load_from(Some((&path.display().to_string(), &text)), color),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Self::load_from(None, color),
            Err(e) => {
                let problem = crate::store::LoadError::io(&path, &e);
                (Self::load_from(None, color).0, Some(problem))
            }
        }
    }

    /// A theme file's problem said in `lang`, with its `file:line:column`.
    pub fn warning(lang: &str, problem: &crate::store::LoadError) -> String {
        crate::t!(
            lang,
            "theme-not-applied",
            problem = crate::i18n::load_error(lang, problem)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_theme_parses() {
        assert!(crate::store::parse_config::<ThemeDef>(DEFAULT_THEME).is_ok());
        let t = Theme::default_theme();
        assert_ne!(t.selected, Style::default());
        assert_ne!(t.overrun, Style::default());
    }

    #[test]
    fn no_color_keeps_meaning_with_reverse_video() {
        let (t, _) = Theme::load_from(None, false);
        for s in [t.selected, t.overrun, t.error] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
            assert!(s.add_modifier.contains(Modifier::REVERSED), "{s:?}");
        }
    }

    #[test]
    fn a_user_theme_patches_only_what_it_names() {
        let (t, w) = Theme::load_from(Some(("t.ron", "(title: (fg: \"red\"))")), true);
        assert_eq!(w, None);
        assert_eq!(t.title.fg, Some(Color::Red));
        assert_eq!(t.selected, Theme::default_theme().selected);
        let (_, w) = Theme::load_from(Some(("t.ron", "(nope: ())")), true);
        let w = w.expect("a problem");
        assert_eq!((w.file.as_str(), w.pos), ("t.ron", Some((1, 2))));
        let (en, fr) = (Theme::warning("en", &w), Theme::warning("fr", &w));
        assert!(en.starts_with("t.ron:1:2: ") && en.ends_with("(your theme was not applied)"));
        assert!(
            fr.starts_with("t.ron:1:2: ") && fr.contains("thème"),
            "{fr}"
        );
    }
}

//! Key bindings: defaults in `assets/keymap.ron`, patched by the user's
//! `<config>/keymap.ron` (same shape; only the keys it names change). One
//! table per context; the help screen is generated from these tables.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.ron");

/// Where keys are read: each screen, plus the popups that take keys first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Context {
    Global,
    Home,
    Setup,
    Facilitate,
    Projector,
    Notes,
    /// A text field or the note editor: unbound keys are typed.
    Editor,
    /// A list popup (choosing a method, a template).
    Picker,
    Board,
    /// The sticky capture bar: unbound keys are typed.
    Capture,
    /// The search bar: unbound keys are typed.
    Search,
    /// The vote results popup.
    Results,
    /// Cluster suggestions.
    Suggest,
    /// Merge conflicts to settle.
    Conflicts,
    /// The tray of stickies sent from phones.
    Tray,
    /// The actions screen.
    Actions,
    /// Reviewing (`atelier review`): read first on every screen and list
    /// popup (not where text is typed), before the screen's own table.
    Review,
}

impl Context {
    /// Whether keys the context does not bind are typed into a text field
    /// (rather than looked up in the global table).
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Editor | Context::Capture | Context::Search)
    }

    /// The context's name, as a heading of the help screen, in `lang`.
    pub fn title(self, lang: &str) -> String {
        use crate::i18n::tr;
        match self {
            Context::Global => tr(lang, "context-global"),
            Context::Home => tr(lang, "context-home"),
            Context::Setup => tr(lang, "context-setup"),
            Context::Facilitate => tr(lang, "context-facilitate"),
            Context::Projector => tr(lang, "context-projector"),
            Context::Notes => tr(lang, "context-notes"),
            Context::Editor => tr(lang, "context-editor"),
            Context::Picker => tr(lang, "context-picker"),
            Context::Board => tr(lang, "context-board"),
            Context::Capture => tr(lang, "context-capture"),
            Context::Search => tr(lang, "context-search"),
            Context::Results => tr(lang, "context-results"),
            Context::Suggest => tr(lang, "context-suggest"),
            Context::Conflicts => tr(lang, "context-conflicts"),
            Context::Tray => tr(lang, "context-tray"),
            Context::Actions => tr(lang, "context-actions"),
            Context::Review => tr(lang, "context-review"),
        }
    }
}

/// A key with its modifiers, normalized so that `?` is `?` whether or not
/// the terminal reports Shift.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Chord {
    pub fn from_event(ev: &KeyEvent) -> Chord {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::BackTab => {
                mods |= KeyModifiers::SHIFT;
                KeyCode::Tab
            }
            KeyCode::Char(c) => {
                mods -= KeyModifiers::SHIFT;
                // Ctrl-letters come as lowercase on most terminals.
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            other => other,
        };
        Chord { code, mods }
    }

    /// Parse `"q"`, `"?"`, `"ctrl-s"`, `"shift-tab"`, `"space"`, `"f1"`, ...
    pub fn parse(text: &str) -> Result<Chord, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else if rest.chars().count() > 1 && lower.starts_with("shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "insert" => KeyCode::Insert,
            f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => {
                        if mods.contains(KeyModifiers::CONTROL) {
                            KeyCode::Char(c.to_ascii_lowercase())
                        } else {
                            KeyCode::Char(c)
                        }
                    }
                    _ => return Err(format!("unknown key {text:?}")),
                }
            }
        };
        if matches!(code, KeyCode::Char(_)) {
            mods -= KeyModifiers::SHIFT;
        }
        Ok(Chord { code, mods })
    }

    /// The key as people write it: `Ctrl-s`, `Shift-Tab`, `Space`, `?`.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("Space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::Enter => s.push_str("Enter"),
            KeyCode::Esc => s.push_str("Esc"),
            KeyCode::Tab => s.push_str("Tab"),
            KeyCode::Backspace => s.push_str("Backspace"),
            KeyCode::Delete => s.push_str("Delete"),
            KeyCode::Up => s.push('↑'),
            KeyCode::Down => s.push('↓'),
            KeyCode::Left => s.push('←'),
            KeyCode::Right => s.push('→'),
            KeyCode::Home => s.push_str("Home"),
            KeyCode::End => s.push_str("End"),
            KeyCode::PageUp => s.push_str("PgUp"),
            KeyCode::PageDown => s.push_str("PgDn"),
            KeyCode::F(n) => s.push_str(&format!("F{n}")),
            other => s.push_str(&format!("{other:?}")),
        }
        s
    }
}

type Table = BTreeMap<Context, BTreeMap<String, Action>>;

/// What was wrong in the user's `keymap.ron`, said in the user's
/// language by [`KeymapWarning::say`] (`Display` is English).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeymapWarning {
    /// The file cannot be read, or RON cannot parse it: none of it applies.
    #[error("{0} (your key bindings were not applied)")]
    File(crate::store::LoadError),
    /// A key the file names that no keyboard has (the rest applies).
    #[error("keymap: unknown key {0:?}")]
    UnknownKey(String),
}

impl KeymapWarning {
    /// The warning in `lang`, with the file's `file:line:column`.
    pub fn say(&self, lang: &str) -> String {
        match self {
            KeymapWarning::File(e) => crate::t!(
                lang,
                "keymap-not-applied",
                problem = crate::i18n::load_error(lang, e)
            ),
            KeymapWarning::UnknownKey(key) => {
                crate::t!(lang, "keymap-unknown-key", key = format!("{key:?}"))
            }
        }
    }
}

#[derive(Clone, Debug)]
pub struct Keymap {
    tables: HashMap<Context, HashMap<Chord, Action>>,
    /// For help: per context, (key label, action), in a stable order.
    listed: BTreeMap<Context, Vec<(String, Action)>>,
}

impl Keymap {
    /// The built-in defaults.
    pub fn defaults() -> Keymap {
        Self::build(Self::parse_table(DEFAULT_KEYMAP).unwrap_or_default(), None).0
    }

    fn parse_table(text: &str) -> Result<Table, crate::store::LoadError> {
        crate::store::parse_config::<Table>(text)
    }

    /// Defaults patched by the user's file text. Problems (a bad file, an
    /// unknown key) are returned as warnings; what is good is kept.
    pub fn with_user(user: Option<(&str, &str)>) -> (Keymap, Vec<KeymapWarning>) {
        let defaults = Self::parse_table(DEFAULT_KEYMAP).unwrap_or_default();
        let mut warnings = Vec::new();
        let patch = match user {
            Some((name, text)) => match Self::parse_table(text) {
                Ok(t) => Some(t),
                Err(mut e) => {
                    e.file = name.to_owned();
                    warnings.push(KeymapWarning::File(e));
                    None
                }
            },
            None => None,
        };
        let (map, mut w) = Self::build(defaults, patch);
        warnings.append(&mut w);
        (map, warnings)
    }

    /// Load from the config folder (`keymap.ron`), if there is one (a file
    /// that is there but cannot be read is a warning).
    pub fn load(config_dir: &std::path::Path) -> (Keymap, Vec<KeymapWarning>) {
        let path = config_dir.join("keymap.ron");
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::with_user(Some((&path.display().to_string(), &text))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Self::with_user(None),
            Err(e) => {
                let (map, mut warnings) = Self::with_user(None);
                warnings.insert(
                    0,
                    KeymapWarning::File(crate::store::LoadError::io(&path, &e)),
                );
                (map, warnings)
            }
        }
    }

    fn build(defaults: Table, patch: Option<Table>) -> (Keymap, Vec<KeymapWarning>) {
        let mut warnings = Vec::new();
        let mut merged: BTreeMap<Context, HashMap<Chord, (String, Action)>> = BTreeMap::new();
        let mut add =
            |ctx: Context, key: &str, action: Action, warnings: &mut Vec<KeymapWarning>| {
                match Chord::parse(key) {
                    Ok(chord) => {
                        let table = merged.entry(ctx).or_default();
                        if action == Action::Ignore {
                            table.remove(&chord);
                        } else {
                            table.insert(chord, (chord.label(), action));
                        }
                    }
                    Err(_) => warnings.push(KeymapWarning::UnknownKey(key.to_owned())),
                }
            };
        for (ctx, keys) in &defaults {
            for (k, a) in keys {
                add(*ctx, k, *a, &mut warnings);
            }
        }
        if let Some(patch) = &patch {
            for (ctx, keys) in patch {
                for (k, a) in keys {
                    add(*ctx, k, *a, &mut warnings);
                }
            }
        }
        let mut tables = HashMap::new();
        let mut listed = BTreeMap::new();
        for (ctx, table) in merged {
            let mut list: Vec<(String, Action)> = table.values().cloned().collect();
            // Per action, plain keys before chords: `q` is shown before `Ctrl-c`.
            list.sort_by(|a, b| {
                (format!("{:?}", a.1), a.0.chars().count(), &a.0).cmp(&(
                    format!("{:?}", b.1),
                    b.0.chars().count(),
                    &b.0,
                ))
            });
            tables.insert(ctx, table.iter().map(|(c, (_, a))| (*c, *a)).collect());
            listed.insert(ctx, list);
        }
        (Keymap { tables, listed }, warnings)
    }

    /// The action of a key in `ctx` (falling back to the global table
    /// unless `ctx` is a text editor, where unbound keys are typed).
    pub fn lookup(&self, ctx: Context, key: &KeyEvent) -> Option<Action> {
        let chord = Chord::from_event(key);
        if let Some(a) = self.tables.get(&ctx).and_then(|t| t.get(&chord)) {
            return Some(*a);
        }
        if ctx.takes_text() {
            return None;
        }
        self.tables
            .get(&Context::Global)
            .and_then(|t| t.get(&chord))
            .copied()
    }

    /// The action of a key in `ctx`'s own table (the global one aside).
    pub fn own(&self, ctx: Context, key: &KeyEvent) -> Option<Action> {
        let chord = Chord::from_event(key);
        self.tables.get(&ctx)?.get(&chord).copied()
    }

    /// Whether `ctx`'s own table binds the key (the global one aside).
    pub fn binds(&self, ctx: Context, key: &KeyEvent) -> bool {
        self.own(ctx, key).is_some()
    }

    /// The bindings of a context, for help: (keys, action), one line per action.
    pub fn help(&self, ctx: Context) -> Vec<(String, Action)> {
        let mut out: Vec<(String, Action)> = Vec::new();
        for (key, action) in self.listed.get(&ctx).map(Vec::as_slice).unwrap_or(&[]) {
            // `1`…`9` send to cluster 1…9: one line.
            let same = |a: &Action| {
                std::mem::discriminant(a) == std::mem::discriminant(action)
                    && (a == action || matches!(a, Action::ToCluster(_)))
            };
            match out.iter_mut().find(|(_, a)| same(a)) {
                Some((keys, _)) => {
                    keys.push_str(", ");
                    keys.push_str(key);
                }
                None => out.push((key.clone(), *action)),
            }
        }
        out
    }

    /// The first key bound to `action` in `ctx` or globally, for hints.
    pub fn key_for(&self, ctx: Context, action: Action) -> Option<String> {
        [ctx, Context::Global].iter().find_map(|c| {
            self.listed
                .get(c)?
                .iter()
                .find(|(_, a)| *a == action)
                .map(|(k, _)| k.clone())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn the_default_keymap_parses_without_warnings() {
        let (_, warnings) = Keymap::with_user(None);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(Keymap::parse_table(DEFAULT_KEYMAP).is_ok());
    }

    #[test]
    fn required_default_keys_are_bound() {
        let k = Keymap::defaults();
        let f = Context::Facilitate;
        let none = KeyModifiers::NONE;
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::Help)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char('q'), none)),
            Some(Action::Quit)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Tab, none)),
            Some(Action::NextPane)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char(' '), none)),
            Some(Action::TimerToggle)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char(']'), none)),
            Some(Action::NextStep)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char('['), none)),
            Some(Action::PrevStep)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char('+'), none)),
            Some(Action::AddMinute)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char('-'), none)),
            Some(Action::RemoveMinute)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char('n'), none)),
            Some(Action::NewNote)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char('s'), none)),
            Some(Action::NewSticky)
        );
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char('p'), none)),
            Some(Action::Projector)
        );
        assert_eq!(k.lookup(f, &key(KeyCode::Esc, none)), Some(Action::Back));
        assert_eq!(
            k.lookup(f, &key(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Some(Action::SaveNow)
        );
    }

    #[test]
    fn a_user_file_patches_only_what_it_names() {
        let user = r#"{ facilitate: { "t": TimerToggle, " ": Ignore, "space": Ignore } }"#;
        let (k, warnings) = Keymap::with_user(Some(("user.ron", user)));
        assert!(warnings.is_empty(), "{warnings:?}");
        let none = KeyModifiers::NONE;
        assert_eq!(
            k.lookup(Context::Facilitate, &key(KeyCode::Char('t'), none)),
            Some(Action::TimerToggle)
        );
        assert_eq!(
            k.lookup(Context::Facilitate, &key(KeyCode::Char(' '), none)),
            None
        );
        assert_eq!(
            k.lookup(Context::Facilitate, &key(KeyCode::Char('q'), none)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn a_broken_user_file_is_reported_and_defaults_stay() {
        let (k, warnings) =
            Keymap::with_user(Some(("user.ron", "{ facilitate: { \"t\": Nope } }")));
        assert_eq!(warnings.len(), 1);
        let en = warnings[0].say("en");
        assert!(en.starts_with("user.ron:1:"), "{en}");
        assert!(en.ends_with("(your key bindings were not applied)"), "{en}");
        let fr = warnings[0].say("fr");
        assert!(
            fr.starts_with("user.ron:1:") && fr.contains("`Nope`"),
            "{fr}"
        );
        assert!(fr.contains("n'est pas un nom connu ici"), "{fr}");
        // A key no keyboard has: the rest applies.
        let (_, warnings) =
            Keymap::with_user(Some(("user.ron", "{ board: { \"Ctrl-nope\": Quit } }")));
        assert_eq!(warnings, [KeymapWarning::UnknownKey("Ctrl-nope".into())]);
        assert!(
            warnings[0]
                .say("fr")
                .contains("touche inconnue \"Ctrl-nope\"")
        );
        assert_eq!(
            k.lookup(
                Context::Facilitate,
                &key(KeyCode::Char('q'), KeyModifiers::NONE)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn editors_type_unbound_keys_instead_of_global_actions() {
        let k = Keymap::defaults();
        assert_eq!(
            k.lookup(
                Context::Editor,
                &key(KeyCode::Char('q'), KeyModifiers::NONE)
            ),
            None
        );
        assert_eq!(
            k.lookup(Context::Editor, &key(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn chords_parse_and_label() {
        for (text, label) in [
            ("ctrl-s", "Ctrl-s"),
            ("shift-tab", "Shift-Tab"),
            ("space", "Space"),
            ("?", "?"),
            ("]", "]"),
            ("f1", "F1"),
        ] {
            let c = Chord::parse(text);
            assert_eq!(c.map(|c| c.label()), Ok(label.to_owned()), "{text}");
        }
        assert!(Chord::parse("ctrl-nope").is_err());
    }
}

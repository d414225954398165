//! RON's errors in words: what was expected at the place it stopped,
//! with the Fluent key (`load-…` in `assets/locales/*/store.ftl`) that
//! says the same in the reader's language.

use super::error::LoadError;

/// RON's error at its place, worded as what was expected.
pub(super) fn ron_error(e: &ron::error::SpannedError) -> LoadError {
    let (english, key, args) = expected_keyed(&e.code);
    LoadError::new("", Some((e.span.start.line, e.span.start.col)), english).keyed(key, args)
}

/// RON's error, worded as what was expected.
/// With the Fluent key and arguments of its words.
fn expected_keyed(code: &ron::Error) -> (String, &'static str, Vec<(&'static str, String)>) {
    let s = code.to_string();
    let (key, args) = ron_key(code).unwrap_or(("load-other", vec![("detail", s.clone())]));
    let english = match code {
        ron::Error::ExceededRecursionLimit => {
            "nesting is too deep: expected at most 128 levels of brackets".into()
        }
        ron::Error::Eof => "the file ends too early: expected more (is it truncated?)".into(),
        ron::Error::ExpectedOption => {
            "expected `None` or `Some(...)`: an optional value is written like `Some(\"2026-06-12\")`"
                .into()
        }
        ron::Error::IntegerOutOfBounds => format!(
            "{s}: expected a whole number from 0 to {} here",
            u32::MAX
        ),
        ron::Error::ExpectedInteger => format!("{s}: a whole number such as `3` goes here"),
        ron::Error::ExpectedString => {
            format!("{s}: a text in double quotes, such as `\"Atelier\"`, goes here")
        }
        ron::Error::ExpectedArray => format!("{s}: a list in square brackets, such as `[]`, goes here"),
        ron::Error::SuggestRawIdentifier(_) | ron::Error::InvalidIdentifier(_) => format!(
            "{s}: a name goes here (a colour such as `Yellow`, a kind such as `Idea`; see docs/format.md)"
        ),
        ron::Error::MissingStructField { .. } => format!("{s} (see docs/format.md for every field)"),
        // A long list (the keymap's actions) would not fit a status line:
        // the closest names only.
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } if expected.len() > LIST_AT_MOST => format!(
            "`{found}` is not a name known here: did you mean {}? (one of {} names)",
            names(&closest(found, expected)),
            expected.len()
        ),
        _ => s,
    };
    (english, key, args)
}

/// The Fluent key (`load-…` in `store.ftl`) and arguments of a RON error,
/// for the errors that have one: every part of a sentence in the reader's
/// language, with the file's own names (fields, variants, brackets).
fn ron_key(code: &ron::Error) -> Option<(&'static str, Vec<(&'static str, String)>)> {
    use ron::Error as E;
    let bracket = |b: &str| vec![("bracket", b.to_owned())];
    Some(match code {
        E::ExceededRecursionLimit => ("load-too-deep", Vec::new()),
        E::Eof => ("load-eof", Vec::new()),
        E::ExpectedOption => ("load-expected-option", Vec::new()),
        E::IntegerOutOfBounds => (
            "load-integer-out-of-bounds",
            vec![("max", u32::MAX.to_string())],
        ),
        E::ExpectedInteger => ("load-expected-integer", Vec::new()),
        E::ExpectedString => ("load-expected-string", Vec::new()),
        E::ExpectedArray => ("load-expected-array", Vec::new()),
        E::SuggestRawIdentifier(_) | E::InvalidIdentifier(_) => ("load-expected-name", Vec::new()),
        E::MissingStructField { field, .. } => {
            ("load-missing-field", vec![("field", field.to_string())])
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } if expected.len() > LIST_AT_MOST => (
            "load-unknown-name-like",
            vec![
                ("found", found.clone()),
                ("like", names(&closest(found, expected))),
                ("count", expected.len().to_string()),
            ],
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => (
            "load-unknown-name",
            vec![("found", found.clone()), ("expected", names(expected))],
        ),
        E::NoSuchStructField {
            expected, found, ..
        } => (
            "load-unknown-field",
            vec![("found", found.clone()), ("expected", names(expected))],
        ),
        E::DuplicateStructField { field, .. } => {
            ("load-duplicate-field", vec![("field", field.to_string())])
        }
        E::ExpectedComma => ("load-expected-comma", Vec::new()),
        E::ExpectedMapColon => ("load-expected-colon", Vec::new()),
        E::ExpectedBoolean => ("load-expected-boolean", Vec::new()),
        E::ExpectedFloat => ("load-expected-number", Vec::new()),
        E::ExpectedIdentifier => ("load-expected-identifier", Vec::new()),
        E::ExpectedUnit => ("load-expected-unit", Vec::new()),
        E::ExpectedStringEnd => ("load-unclosed-string", Vec::new()),
        E::UnclosedBlockComment | E::UnclosedLineComment => ("load-unclosed-comment", Vec::new()),
        E::UnexpectedChar(c) => ("load-unexpected-char", vec![("char", c.to_string())]),
        E::TrailingCharacters => ("load-trailing", Vec::new()),
        E::ExpectedArrayEnd => ("load-expected-closing", bracket("]")),
        E::ExpectedMapEnd => ("load-expected-closing", bracket("}")),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => ("load-expected-closing", bracket(")")),
        E::ExpectedMap => ("load-expected-opening", bracket("{")),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            ("load-expected-opening", bracket("("))
        }
        // A value the model's own reader refused (a time, a date, a zone):
        // its words are the model's, read back to their key.
        E::Message(words) => crate::model::BadValue::read(words)?.key(),
        _ => return None,
    })
}

/// Names as the file writes them, in backticks.
fn names(list: &[&str]) -> String {
    list.iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Past this many names, an unknown name is answered with the closest
/// ones rather than the whole list.
const LIST_AT_MOST: usize = 8;

/// The three known names closest to `found` (fewest edits, ignoring case).
fn closest<'a>(found: &str, expected: &[&'a str]) -> Vec<&'a str> {
    let chars = |s: &str| s.to_lowercase().chars().collect::<Vec<char>>();
    let want = chars(found);
    let mut ranked: Vec<(usize, &str)> = expected
        .iter()
        .map(|&n| (crate::model::suggest::fuzzy::distance(&chars(n), &want), n))
        .collect();
    ranked.sort();
    ranked.into_iter().take(3).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_name_among_many_is_answered_with_the_closest() {
        let many = &[
            "Quit", "Help", "Save", "Undo", "Redo", "Park", "Vote", "Search", "Export",
        ];
        let code = ron::Error::NoSuchEnumVariant {
            expected: many,
            found: "Sqve".into(),
            outer: None,
        };
        let (english, key, args) = expected_keyed(&code);
        assert_eq!(key, "load-unknown-name-like");
        assert!(
            english.starts_with("`Sqve` is not a name known here: did you mean `Save`"),
            "{english}"
        );
        assert!(english.ends_with("(one of 9 names)"), "{english}");
        assert!(!english.contains("Export"), "{english}");
        assert!(args.contains(&("count", "9".to_owned())), "{args:?}");
        // A short list is given whole.
        let code = ron::Error::NoSuchEnumVariant {
            expected: &many[..3],
            found: "Sqve".into(),
            outer: None,
        };
        let (english, key, _) = expected_keyed(&code);
        assert_eq!(key, "load-unknown-name");
        for name in ["`Quit`", "`Help`", "`Save`"] {
            assert!(english.contains(name), "{english}");
        }
    }
}

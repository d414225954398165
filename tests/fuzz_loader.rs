//! The loader never panics or hangs: random bytes and mutated valid files
//! all give a session or a clear, positioned error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atelier::store::{decode, load_str};
use proptest::prelude::*;

const DEMO: &str = include_str!("../sessions/demo.ron");
const FULL: &str = include_str!("fixtures/full.ron");

/// Load from bytes as `atelier check` does; check the error's shape.
fn load_bytes(bytes: &[u8]) {
    let result = decode("fuzz.ron", bytes).and_then(|text| load_str("fuzz.ron", &text));
    if let Err(e) = result {
        let shown = e.to_string();
        assert!(shown.starts_with("fuzz.ron:"), "{shown}");
        assert!(!e.message.is_empty(), "an error says what was expected");
        if let Some((line, col)) = e.pos {
            assert!(line >= 1 && col >= 1, "{shown}");
            assert!(
                shown.starts_with(&format!("fuzz.ron:{line}:{col}: ")),
                "{shown}"
            );
        }
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (
            any::<usize>(),
            prop::collection::vec(
                prop_oneof![
                    Just(b'('),
                    Just(b')'),
                    Just(b'"'),
                    Just(b','),
                    Just(b'['),
                    Just(b'\\'),
                    any::<u8>()
                ],
                1..8
            )
        )
            .prop_map(|(i, v)| Mutation::Insert(i, v)),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn mutate(base: &str, muts: &[Mutation]) -> Vec<u8> {
    let mut bytes = base.as_bytes().to_vec();
    for m in muts {
        let n = bytes.len().max(1);
        match m {
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    bytes[i % n] ^= b | 1;
                }
            }
            Mutation::Truncate(i) => bytes.truncate(i % n),
            Mutation::Insert(i, v) => {
                let at = i % n;
                bytes.splice(at..at, v.iter().copied());
            }
            Mutation::Delete(i, len) => {
                let at = i % n;
                let end = (at + len).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::DuplicateLine(i) | Mutation::SwapLines(i, _) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut lines: Vec<&str> = text.lines().collect();
                if lines.is_empty() {
                    continue;
                }
                let a = i % lines.len();
                if let Mutation::SwapLines(_, j) = m {
                    let b = j % lines.len();
                    lines.swap(a, b);
                } else {
                    lines.insert(a, lines[a]);
                }
                bytes = lines.join("\n").into_bytes();
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        load_bytes(&bytes);
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,2000}") {
        load_bytes(text.as_bytes());
    }

    #[test]
    fn mutated_demo_never_panics(muts in prop::collection::vec(mutation(), 1..6)) {
        load_bytes(&mutate(DEMO, &muts));
    }

    #[test]
    fn mutated_full_file_never_panics(muts in prop::collection::vec(mutation(), 1..4)) {
        load_bytes(&mutate(FULL, &muts));
    }
}

#[test]
fn deep_nesting_of_every_bracket_kind_is_refused_not_overflowed() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("Some(", ")")] {
        let text = format!(
            "(format: 2, id: \"x\", title: \"t\", challenge: (statement: \"\", origin: Public), place: {}\"\"{})",
            open.repeat(50_000),
            close.repeat(50_000)
        );
        let r = load_str("deep.ron", &text);
        assert!(r.is_err(), "{open}");
    }
}

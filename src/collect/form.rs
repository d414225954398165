//! Strict `application/x-www-form-urlencoded` decoding: a `%` not followed
//! by two hex digits, or bytes that do not decode to UTF-8, make the whole
//! body malformed (rather than being replaced, as lenient parsers do, with
//! text the participant never wrote).

use percent_encoding::percent_decode;

/// The body could not be read as a form.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Malformed;

/// The `name=value` pairs of a form body (or a query string), in order.
pub(super) fn parse(body: &[u8]) -> Result<Vec<(String, String)>, Malformed> {
    body.split(|b| *b == b'&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = match part.iter().position(|b| *b == b'=') {
                Some(i) => (&part[..i], &part[i + 1..]),
                None => (part, &[][..]),
            };
            Ok((decode(k)?, decode(v)?))
        })
        .collect()
}

/// The first value of `key`.
pub(super) fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn decode(raw: &[u8]) -> Result<String, Malformed> {
    for (i, b) in raw.iter().enumerate() {
        if *b == b'%' {
            let hex = raw.get(i + 1..i + 3).ok_or(Malformed)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return Err(Malformed);
            }
        }
    }
    // `+` is a space; an encoded plus is `%2B`, decoded after this.
    let spaced: Vec<u8> = raw
        .iter()
        .map(|b| if *b == b'+' { b' ' } else { *b })
        .collect();
    let bytes: Vec<u8> = percent_decode(&spaced).collect();
    String::from_utf8(bytes).map_err(|_| Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(body: &str) -> Result<Vec<(String, String)>, Malformed> {
        parse(body.as_bytes())
    }

    #[test]
    fn decodes_plus_percent_and_utf8() {
        let p = pairs("text=Caf%C3%A9+%2B+th%C3%A9&name=&colour=pink").unwrap();
        assert_eq!(get(&p, "text"), Some("Café + thé"));
        assert_eq!(get(&p, "name"), Some(""));
        assert_eq!(get(&p, "colour"), Some("pink"));
        assert_eq!(get(&p, "other"), None);
    }

    #[test]
    fn keeps_the_first_of_repeated_keys_and_skips_empty_parts() {
        let p = pairs("&&text=a&text=b&flag").unwrap();
        assert_eq!(get(&p, "text"), Some("a"));
        assert_eq!(get(&p, "flag"), Some(""));
    }

    #[test]
    fn raw_utf8_is_accepted_but_invalid_utf8_is_not() {
        assert_eq!(get(&pairs("text=été").unwrap(), "text"), Some("été"));
        assert_eq!(parse(b"text=\xff"), Err(Malformed));
        assert_eq!(pairs("text=%FF%FE"), Err(Malformed));
        assert_eq!(pairs("text=%C3"), Err(Malformed));
    }

    #[test]
    fn bad_escapes_are_refused() {
        for body in ["text=%", "text=%4", "text=%zz", "text=100%", "t%g=x"] {
            assert_eq!(pairs(body), Err(Malformed), "{body}");
        }
    }

    #[test]
    fn nul_and_controls_decode_as_they_are() {
        let p = pairs("text=a%00b%1B%0D%0A").unwrap();
        assert_eq!(get(&p, "text"), Some("a\0b\u{1b}\r\n"));
    }
}

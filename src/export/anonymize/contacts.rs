//! E-mail addresses, social-network handles and profile links in free text.
//!
//! - An e-mail address: `local@domain.tld` (`jean.dupont+atelier@paris.fr`),
//!   also written `jean.dupont [at] paris [dot] fr` or `(at)`, `{at}`,
//!   `[arobase]`, `(point)`.
//! - A handle: `@` followed by a name (`@karimhaddad`, `@karim_h`,
//!   `@karim.haddad`), a fediverse address (`@karim@mastodon.social`), or an
//!   address without a top-level domain (`karim@mastodon`): anything glued
//!   to an `@` is someone's.
//! - A profile link: a link to a social network with a path
//!   (`instagram.com/karimhaddad`, `https://www.linkedin.com/in/…`,
//!   `t.me/…`, `wa.me/…`), whole.

/// `text` with e-mail addresses replaced by `email`, handles and profile
/// links by `handle`.
pub(super) fn redact(text: &str, email: &str, handle: &str) -> String {
    let text = links(text, handle);
    let text = obfuscated(&text, email);
    ats(&text, email, handle)
}

fn local(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'')
}

fn after_at(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '%' | '+' | '@' | '＠')
}

fn is_at(c: char) -> bool {
    c == '@' || c == '＠'
}

/// A domain with a dot and a top-level domain of letters.
fn is_domain(dom: &[char]) -> bool {
    let dom: String = dom.iter().collect();
    dom.rsplit_once('.').is_some_and(|(head, tld)| {
        !head.is_empty()
            && !head.starts_with('.')
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic)
    })
}

/// Every run of characters glued to an `@`.
fn ats(text: &str, email: &str, handle: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut k = 0;
    while k < chars.len() {
        if !is_at(chars[k])
            || !chars
                .get(k + 1)
                .is_some_and(|&c| c.is_alphanumeric() || c == '_')
        {
            // A bare "@" or one at the end of a word ("karim@ ") is no one.
            k += 1;
            continue;
        }
        let mut s = k;
        while s > copied && local(chars[s - 1]) {
            s -= 1;
        }
        while s < k && matches!(chars[s], '.' | '\'' | '-') {
            s += 1;
        }
        let mut e = k + 1;
        while e < chars.len() && after_at(chars[e]) {
            e += 1;
        }
        while e > k + 1 && matches!(chars[e - 1], '.' | '-' | '@' | '＠') {
            e -= 1;
        }
        let right = &chars[k + 1..e];
        let marker = if s < k && !right.iter().any(|&c| is_at(c)) && is_domain(right) {
            email
        } else {
            handle
        };
        out.extend(&chars[copied..s]);
        out.push_str(marker);
        copied = e;
        k = e;
    }
    out.extend(&chars[copied..]);
    out
}

/// The ways of writing "@" and "." that people use to hide an address.
const AT_WORDS: &[&str] = &[
    "[at]",
    "(at)",
    "{at}",
    "[@]",
    "(@)",
    "[arobase]",
    "(arobase)",
    "{arobase}",
];
const DOT_WORDS: &[&str] = &[
    "[dot]", "(dot)", "{dot}", "[.]", "(.)", "[point]", "(point)", "{point}",
];

/// `word` (lowercase ASCII) at `chars[i..]`, ignoring case.
fn word_at(chars: &[char], i: usize, word: &str) -> Option<usize> {
    let mut j = i;
    for w in word.chars() {
        if !chars
            .get(j)
            .is_some_and(|c| c.to_lowercase().eq(std::iter::once(w)))
        {
            return None;
        }
        j += 1;
    }
    Some(j)
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| *c == ' ') {
        i += 1;
    }
    i
}

/// `jean.dupont [at] paris [dot] fr`: a name, a bracketed "at", a domain
/// whose dots may be bracketed words.
fn obfuscated(text: &str, marker: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut k = 0;
    while k < chars.len() {
        let Some(after) = AT_WORDS.iter().find_map(|w| word_at(&chars, k, w)) else {
            k += 1;
            continue;
        };
        // The name before (one space allowed).
        let mut s = k;
        if s > copied && chars[s - 1] == ' ' {
            s -= 1;
        }
        let name_end = s;
        while s > copied && local(chars[s - 1]) {
            s -= 1;
        }
        // The domain after: labels joined by dots or dot words.
        let mut e = skip_spaces(&chars, after);
        let mut labels = 0;
        loop {
            let start = e;
            while e < chars.len() && (chars[e].is_alphanumeric() || chars[e] == '-') {
                e += 1;
            }
            if e == start {
                break;
            }
            labels += 1;
            let dot = if chars.get(e) == Some(&'.')
                && chars.get(e + 1).is_some_and(|c| c.is_alphanumeric())
            {
                Some(e + 1)
            } else {
                let d = skip_spaces(&chars, e);
                DOT_WORDS
                    .iter()
                    .find_map(|w| word_at(&chars, d, w))
                    .map(|x| skip_spaces(&chars, x))
            };
            match dot {
                Some(next) => e = next,
                None => break,
            }
        }
        if s < name_end && labels >= 2 {
            out.extend(&chars[copied..s]);
            out.push_str(marker);
            copied = e;
            k = e;
        } else {
            k = after;
        }
    }
    out.extend(&chars[copied..]);
    out
}

/// Social networks whose links name a person.
const SOCIAL: &[&str] = &[
    "twitter.com",
    "x.com",
    "instagram.com",
    "facebook.com",
    "fb.com",
    "m.facebook.com",
    "linkedin.com",
    "tiktok.com",
    "youtube.com",
    "threads.net",
    "bsky.app",
    "mastodon.social",
    "t.me",
    "wa.me",
    "snapchat.com",
    "github.com",
    "gitlab.com",
    "pinterest.com",
    "flickr.com",
    "vimeo.com",
    "medium.com",
    "substack.com",
    "twitch.tv",
];

/// A word (between spaces) that is a link to a social network's page.
fn links(text: &str, marker: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        // Without what punctuation opens or closes around a link.
        let inner = word.trim_matches(|c: char| {
            matches!(
                c,
                '(' | ')' | '[' | ']' | '<' | '>' | '«' | '»' | '"' | '\'' | ',' | ';' | '!' | '?'
            )
        });
        let inner = inner.trim_end_matches(['.', ':']);
        if !inner.is_empty() && profile(inner) {
            let at = word.find(inner).unwrap_or(0);
            out.push_str(&word[..at]);
            out.push_str(marker);
            out.push_str(&word[at + inner.len()..]);
        } else {
            out.push_str(word);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `https://www.instagram.com/karim` and the like: a social host and a path.
fn profile(link: &str) -> bool {
    let lower = link.to_lowercase();
    let no_scheme = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let Some((host, path)) = no_scheme.split_once('/') else {
        return false;
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    let social = SOCIAL
        .iter()
        .any(|s| host == *s || host.ends_with(&format!(".{s}")));
    social && path.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> String {
        redact(text, "[email]", "[handle]")
    }

    #[test]
    fn addresses_and_handles_go() {
        for (text, want) in [
            (
                "écrire à jean.dupont+ateliers@paris.fr.",
                "écrire à [email].",
            ),
            ("KARIM_H@centre-social.asso.fr", "[email]"),
            ("(amelie.roux@paris.fr)", "([email])"),
            ("suivez @karimhaddad !", "suivez [handle] !"),
            ("@karim_h, @karim.haddad.", "[handle], [handle]."),
            ("sur @karim@mastodon.social", "sur [handle]"),
            ("karim@mastodon", "[handle]"),
            ("Insta:@karim06", "Insta:[handle]"),
            ("jean.dupont [at] paris [dot] fr", "[email]"),
            ("jean.dupont(at)paris.fr !", "[email] !"),
            ("jean [AT] paris (point) fr", "[email]"),
            ("https://www.instagram.com/karimhaddad.", "[handle]."),
            ("(linkedin.com/in/karim-haddad)", "([handle])"),
            ("wa.me/33612345678", "[handle]"),
            ("x.com/karim", "[handle]"),
        ] {
            assert_eq!(r(text), want, "{text}");
        }
    }

    #[test]
    fn what_is_no_one_stays() {
        for kept in [
            "rendez-vous @ la mairie",
            "3 € @ l'unité",
            "le site paris.fr et www.instagram.com",
            "https://www.paris.fr/pages/canicule",
            "chat (at) home",
            "a [at] b",
        ] {
            assert_eq!(r(kept), kept);
        }
    }
}

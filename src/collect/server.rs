//! The server's loop and the handling of one request.

use super::ballot::{self, BallotPage, CastBallot, Posted, RoundInfo};
use super::form;
use super::http::{Body, Reply, Request, Respond};
use super::page::{self, Page, View, Words};
use super::{Arrival, BODY_MAX, CollectConfig, Incoming, NAME_MAX, QUEUE_MAX};
use crate::model::{Colour, Timestamp};
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock};
use std::time::{Duration, Instant};

/// The rate limit's window.
const WINDOW: Duration = Duration::from_secs(60);
/// Devices remembered by the rate limit before the idle ones are forgotten.
const DEVICES: usize = 1024;
/// `Retry-After` when too many connections are open, in seconds.
const CROWDED_RETRY: u32 = 5;

/// What the server thread and the `Collector` share.
pub(super) struct Shared {
    pub stopped: AtomicBool,
    path: String,
    nonce: String,
    lang: &'static str,
    max_chars: usize,
    page: RwLock<PageInfo>,
    queue: Mutex<VecDeque<Arrival>>,
    limiter: Mutex<Limiter>,
    error: Mutex<Option<String>>,
    env: minijinja::Environment<'static>,
}

struct PageInfo {
    step_title: String,
    prompt: String,
    anonymous_only: bool,
    /// While set, the page is the ballot.
    round: Option<RoundInfo>,
    /// Ballots in so far, as the app counts them.
    turnout: usize,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub fn new(cfg: CollectConfig, token: String) -> Result<Shared, String> {
        let nonce = self::token().map_err(|e| format!("no randomness: {e}"))?;
        Ok(Shared {
            stopped: AtomicBool::new(false),
            path: format!("/c/{token}"),
            nonce,
            lang: crate::lang::normalize(&cfg.lang),
            max_chars: cfg.max_chars,
            page: RwLock::new(PageInfo {
                step_title: cfg.step_title,
                prompt: cfg.prompt,
                anonymous_only: cfg.anonymous_only,
                round: None,
                turnout: 0,
            }),
            queue: Mutex::new(VecDeque::new()),
            limiter: Mutex::new(Limiter::new(cfg.per_minute)),
            error: Mutex::new(None),
            env: page::environment()?,
        })
    }

    /// `/c/TOKEN`.
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn take(&self) -> Vec<Arrival> {
        lock(&self.queue).drain(..).collect()
    }

    /// The stickies waiting; ballots stay in the queue.
    pub fn take_stickies(&self) -> Vec<Incoming> {
        let mut q = lock(&self.queue);
        let (stickies, rest): (VecDeque<Arrival>, VecDeque<Arrival>) =
            q.drain(..).partition(|a| matches!(a, Arrival::Sticky(_)));
        *q = rest;
        stickies
            .into_iter()
            .filter_map(|a| match a {
                Arrival::Sticky(s) => Some(s),
                Arrival::Ballot(_) => None,
            })
            .collect()
    }

    pub fn set_round(&self, round: Option<RoundInfo>) {
        self.page
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .round = round;
    }

    pub fn set_turnout(&self, n: usize) {
        self.page
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .turnout = n;
    }

    pub fn set_prompt(&self, step_title: &str, prompt: &str) {
        let mut p = self.page.write().unwrap_or_else(PoisonError::into_inner);
        p.step_title = step_title.to_owned();
        p.prompt = prompt.to_owned();
    }

    pub fn set_anonymous_only(&self, anonymous_only: bool) {
        let mut p = self.page.write().unwrap_or_else(PoisonError::into_inner);
        p.anonymous_only = anonymous_only;
    }

    pub fn error(&self) -> Option<String> {
        lock(&self.error).clone()
    }

    fn words(&self) -> &'static Words {
        page::words(self.lang)
    }

    fn anonymous_only(&self) -> bool {
        self.page
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .anonymous_only
    }

    /// Whether `path` is the token path, compared in constant time.
    fn is_token_path(&self, path: &str) -> bool {
        let (a, b) = (path.as_bytes(), self.path.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }

    fn html(&self, status: u16, view: &View) -> Reply {
        let p = self.page.read().unwrap_or_else(PoisonError::into_inner);
        let page = Page {
            lang: self.lang,
            step_title: &p.step_title,
            prompt: &p.prompt,
            anonymous_only: p.anonymous_only,
            max_chars: self.max_chars,
            action: &self.path,
            nonce: &self.nonce,
        };
        match page::render(&self.env, &page, view) {
            Ok(body) => Reply {
                status,
                content_type: Some("text/html; charset=utf-8"),
                body: body.into_bytes(),
                csp: Some(self.csp()),
                ..Reply::empty(status)
            },
            Err(_) => self.error_reply(500, true),
        }
    }

    /// An HTTP error as a small page in the collection's language, with
    /// a link back to the form when `on_form` (the request was on the
    /// token path); its words as plain text if even that page fails.
    fn error_reply(&self, status: u16, on_form: bool) -> Reply {
        let back = on_form.then_some(self.path.as_str());
        match page::error_page(&self.env, self.lang, &self.nonce, status, back) {
            Ok(body) => Reply {
                content_type: Some("text/html; charset=utf-8"),
                body: body.into_bytes(),
                csp: Some(self.csp()),
                ..Reply::empty(status)
            },
            Err(_) => Reply::text(status, &page::error_message(self.lang, status)),
        }
    }

    fn csp(&self) -> String {
        let n = &self.nonce;
        format!(
            "default-src 'none'; style-src 'nonce-{n}'; script-src 'nonce-{n}'; \
             connect-src 'self'; form-action 'self'; img-src data:; base-uri 'none'; \
             frame-ancestors 'none'"
        )
    }

    fn get(&self, query: &str, rq: &Request) -> Reply {
        if let Some(reply) = self.ballot_page(self.device(rq, None), 200, None, None) {
            return reply;
        }
        let q = form::parse(query.as_bytes()).unwrap_or_default();
        let sent = form::get(&q, "sent") == Some("1");
        let view = View {
            status: sent.then(|| (self.words().sent.to_owned(), true)),
            colour: form::get(&q, "colour")
                .and_then(colour_named)
                .unwrap_or_default(),
            autofocus: sent,
            ..View::default()
        };
        self.html(200, &view)
    }

    /// The ballot page, when a round is published.
    fn ballot_page(
        &self,
        (device, cookie): (String, Option<String>),
        status: u16,
        message: Option<(String, bool)>,
        posted: Option<&Posted>,
    ) -> Option<Reply> {
        let p = self.page.read().unwrap_or_else(PoisonError::into_inner);
        let round = p.round.as_ref()?;
        let page = BallotPage {
            lang: self.lang,
            round,
            turnout: p.turnout,
            action: &self.path,
            nonce: &self.nonce,
            device: &device,
            status: message,
            posted,
        };
        Some(match ballot::render(&self.env, &page) {
            Ok(body) => Reply {
                status,
                content_type: Some("text/html; charset=utf-8"),
                body: body.into_bytes(),
                csp: Some(self.csp()),
                set_cookie: cookie,
                ..Reply::empty(status)
            },
            Err(_) => self.error_reply(500, true),
        })
    }

    /// The phone's ballot id (its cookie, else the form's field, else a
    /// fresh one), and the cookie to set when the phone has none.
    fn device(&self, rq: &Request, posted: Option<&Posted>) -> (String, Option<String>) {
        if let Some(d) = ballot::device_from_cookie(rq.header("Cookie")) {
            return (d, None);
        }
        let device = posted
            .map(|p| p.device.clone())
            .filter(|d| ballot::is_device(d))
            .or_else(|| token().ok())
            .unwrap_or_default();
        let cookie = format!(
            "{}={device}; Path={}; HttpOnly; SameSite=Strict",
            ballot::COOKIE,
            self.path
        );
        (device, Some(cookie))
    }

    fn post(&self, rq: &Request) -> Reply {
        let allowed = lock(&self.limiter).hit(rq.device, Instant::now());
        let pairs = read_form(rq);
        if let Ok(pairs) = &pairs
            && form::get(pairs, "round").is_some()
        {
            return self.post_ballot(rq, pairs, allowed);
        }
        let script = rq.header("X-Atelier").is_some();
        let fields = pairs.and_then(|p| sticky_fields(&p));
        let result = match &fields {
            Err(refusal) => Err(*refusal),
            Ok(_) if !allowed => Err(Refusal::TooMany),
            Ok(f) => self.sticky(f).and_then(|s| self.deliver(s)),
        };
        let t = self.words();
        match result {
            Ok(_) if script => Reply::text(200, t.sent),
            Ok(colour) => Reply {
                location: Some(format!("{}?sent=1&colour={}", self.path, colour.label())),
                ..Reply::empty(303)
            },
            Err(r) if script => Reply {
                retry_after: (r == Refusal::TooMany).then_some(WINDOW.as_secs() as u32),
                ..Reply::text(r.status(), &r.message(t, self.max_chars))
            },
            Err(r) => {
                let f = fields.unwrap_or_default();
                let view = View {
                    status: Some((r.message(t, self.max_chars), false)),
                    text: &f.text,
                    name: &f.name,
                    colour: f
                        .colour
                        .as_deref()
                        .and_then(colour_named)
                        .unwrap_or_default(),
                    autofocus: true,
                };
                let mut reply = self.html(r.status(), &view);
                if r == Refusal::TooMany {
                    reply.retry_after = Some(WINDOW.as_secs() as u32);
                }
                reply
            }
        }
    }

    /// The sticky the fields make, or why not.
    fn sticky(&self, f: &Fields) -> Result<Incoming, Refusal> {
        let text = clean(&f.text);
        let text = text.trim();
        if text.is_empty() {
            return Err(Refusal::Empty);
        }
        let n = text.chars().count();
        if n > self.max_chars {
            return Err(Refusal::TooLong(n));
        }
        let name = if self.anonymous_only() {
            None
        } else {
            let name = clean(&f.name)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if name.chars().count() > NAME_MAX {
                return Err(Refusal::NameTooLong);
            }
            (!name.is_empty()).then_some(name)
        };
        let colour = match f.colour.as_deref() {
            None | Some("") => Colour::default(),
            Some(c) => colour_named(c).ok_or(Refusal::BadColour)?,
        };
        Ok(Incoming {
            text: text.to_owned(),
            name,
            colour,
            at: Timestamp::now(),
        })
    }

    fn deliver(&self, sticky: Incoming) -> Result<Colour, Refusal> {
        if self.stopped.load(Ordering::SeqCst) {
            return Err(Refusal::Ended);
        }
        let colour = sticky.colour;
        self.push(Arrival::Sticky(sticky))?;
        Ok(colour)
    }

    fn push(&self, arrival: Arrival) -> Result<(), Refusal> {
        let mut q = lock(&self.queue);
        if q.len() >= QUEUE_MAX {
            return Err(Refusal::Busy);
        }
        q.push_back(arrival);
        Ok(())
    }

    /// A ballot posted: checked against the published round, then queued.
    fn post_ballot(&self, rq: &Request, pairs: &[(String, String)], allowed: bool) -> Reply {
        let script = rq.header("X-Atelier").is_some();
        let posted = Posted::read(pairs);
        // Once: the ballot and the page answering it name the same phone.
        let device = self.device(rq, Some(&posted));
        let checked = {
            let p = self.page.read().unwrap_or_else(PoisonError::into_inner);
            posted
                .ballot(p.round.as_ref(), device.0.clone(), clean)
                .map_err(|r| (r.status(), r.message(self.lang, p.round.as_ref())))
        };
        let t = self.words();
        let result: Result<(), (u16, String)> = match checked {
            _ if !allowed => Err((429, t.too_many.to_owned())),
            Err(e) => Err(e),
            Ok(b) => self.deliver_ballot(b).map_err(|r| {
                let m = r.message(t, self.max_chars);
                (r.status(), m)
            }),
        };
        let (status, message, ok) = match result {
            Ok(()) => (200, crate::i18n::tr(self.lang, "ballot-in"), true),
            Err((status, m)) => (status, m, false),
        };
        let mut reply = if script {
            Reply::text(status, &message)
        } else {
            self.ballot_page(device, status, Some((message.clone(), ok)), Some(&posted))
                .unwrap_or_else(|| Reply::text(status, &message))
        };
        if status == 429 {
            reply.retry_after = Some(WINDOW.as_secs() as u32);
        }
        reply
    }

    fn deliver_ballot(&self, ballot: CastBallot) -> Result<(), Refusal> {
        if self.stopped.load(Ordering::SeqCst) {
            return Err(Refusal::Ended);
        }
        self.push(Arrival::Ballot(ballot))
    }
}

/// A fresh random 128-bit token, in lowercase base32 (26 characters).
pub(super) fn token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(base32(&bytes))
}

fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut out = String::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = ((acc << 8) | u32::from(*b)) & 0xffff;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((acc >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((acc << (5 - bits)) & 31) as usize]));
    }
    out
}

impl Respond for Shared {
    fn answer(&self, rq: &Request) -> Reply {
        let (path, query) = rq.target.split_once('?').unwrap_or((&rq.target, ""));
        if !self.is_token_path(path) {
            // Too large is said first: nothing else of it was read.
            // The token is never named: no link back.
            return self.error_reply(if rq.body == Body::TooLarge { 413 } else { 404 }, false);
        }
        match rq.method.as_str() {
            "GET" | "HEAD" => self.get(query, rq),
            "POST" => self.post(rq),
            _ => Reply {
                allow: true,
                ..self.error_reply(405, true)
            },
        }
    }

    fn refusal(&self, status: u16) -> Reply {
        let t = self.words();
        match status {
            408 => Reply::text(408, t.slow),
            503 => Reply {
                retry_after: Some(CROWDED_RETRY),
                ..Reply::text(503, t.crowded)
            },
            // Where the request went is unknown: no link back.
            _ => self.error_reply(status, false),
        }
    }

    fn stopped(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }

    fn fail(&self, why: String) {
        *lock(&self.error) = Some(why);
    }
}

fn colour_named(name: &str) -> Option<Colour> {
    Colour::ALL.into_iter().find(|c| c.label() == name)
}

/// NUL bytes removed, line ends as `\n`; other control characters are
/// kept (the app neutralises them on screen).
fn clean(s: &str) -> String {
    s.replace('\0', "")
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// The form's fields as sent.
#[derive(Debug, Default)]
struct Fields {
    text: String,
    name: String,
    colour: Option<String>,
}

/// A form body's pairs, or why it is not one.
fn read_form(rq: &Request) -> Result<Vec<(String, String)>, Refusal> {
    let body = match &rq.body {
        Body::TooLarge => return Err(Refusal::BodyTooLarge),
        Body::Complete(body) => body,
    };
    let ct = rq.header("Content-Type").unwrap_or_default();
    let mime = ct.split(';').next().unwrap_or_default().trim();
    if !mime.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        return Err(Refusal::NotForm);
    }
    if body.len() > BODY_MAX {
        return Err(Refusal::BodyTooLarge);
    }
    form::parse(body).map_err(|_| Refusal::Malformed)
}

fn sticky_fields(pairs: &[(String, String)]) -> Result<Fields, Refusal> {
    let text = form::get(pairs, "text").ok_or(Refusal::Malformed)?;
    Ok(Fields {
        text: text.to_owned(),
        name: form::get(pairs, "name").unwrap_or_default().to_owned(),
        colour: form::get(pairs, "colour").map(str::to_owned),
    })
}

/// Why a post is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Refusal {
    Malformed,
    NotForm,
    BodyTooLarge,
    Empty,
    TooLong(usize),
    NameTooLong,
    BadColour,
    TooMany,
    Busy,
    Ended,
}

impl Refusal {
    fn status(self) -> u16 {
        match self {
            Refusal::Malformed | Refusal::Empty | Refusal::NameTooLong | Refusal::BadColour => 400,
            Refusal::NotForm => 415,
            Refusal::BodyTooLarge | Refusal::TooLong(_) => 413,
            Refusal::TooMany => 429,
            Refusal::Busy | Refusal::Ended => 503,
        }
    }

    fn message(self, t: &Words, max_chars: usize) -> String {
        let max = max_chars.to_string();
        match self {
            Refusal::Malformed | Refusal::NotForm => t.malformed.to_owned(),
            Refusal::BodyTooLarge => t.too_large.to_owned(),
            Refusal::Empty => t.empty.to_owned(),
            Refusal::TooLong(n) => t
                .too_long
                .replace("{n}", &n.to_string())
                .replace("{max}", &max),
            Refusal::NameTooLong => t.name_too_long.replace("{max}", &NAME_MAX.to_string()),
            Refusal::BadColour => t.bad_colour.to_owned(),
            Refusal::TooMany => t.too_many.to_owned(),
            Refusal::Busy => t.busy.to_owned(),
            Refusal::Ended => t.ended.to_owned(),
        }
    }
}

/// Posts per device in a sliding minute.
#[derive(Debug)]
struct Limiter {
    per_minute: u32,
    seen: HashMap<IpAddr, VecDeque<Instant>>,
}

impl Limiter {
    fn new(per_minute: u32) -> Limiter {
        Limiter {
            per_minute,
            seen: HashMap::new(),
        }
    }

    /// Count a post from `device` at `now`, or refuse it (a refused post
    /// is not counted, so waiting is enough to be let in again).
    fn hit(&mut self, device: IpAddr, now: Instant) -> bool {
        if self.per_minute == 0 {
            return true;
        }
        if self.seen.len() >= DEVICES {
            self.seen
                .retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < WINDOW));
        }
        let q = self.seen.entry(device).or_default();
        while q.front().is_some_and(|t| now.duration_since(*t) >= WINDOW) {
            q.pop_front();
        }
        if q.len() >= self.per_minute as usize {
            return false;
        }
        q.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn tokens_are_26_base32_characters_and_differ() {
        let a = token().unwrap();
        let b = token().unwrap();
        assert_eq!(a.len(), 26);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_lowercase() || (b'2'..=b'7').contains(&c))
        );
        assert_ne!(a, b);
    }

    #[test]
    fn base32_matches_rfc_4648() {
        assert_eq!(base32(b"foobar"), "mzxw6ytboi");
        assert_eq!(base32(b"f"), "my");
        assert_eq!(base32(&[0xff; 16]), "7".repeat(25) + "4");
    }

    #[test]
    fn the_limit_is_per_device_and_slides() {
        let mut l = Limiter::new(2);
        let t0 = Instant::now();
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        assert!(l.hit(a, t0));
        assert!(l.hit(a, t0 + Duration::from_secs(10)));
        assert!(!l.hit(a, t0 + Duration::from_secs(20)));
        assert!(l.hit(b, t0 + Duration::from_secs(20)));
        // The first post leaves the window: one more is allowed.
        assert!(l.hit(a, t0 + Duration::from_secs(61)));
        assert!(!l.hit(a, t0 + Duration::from_secs(62)));
        assert!(Limiter::new(0).hit(a, t0));
    }

    #[test]
    fn idle_devices_are_forgotten() {
        let mut l = Limiter::new(1);
        let t0 = Instant::now();
        for i in 0..DEVICES as u32 {
            assert!(l.hit(IpAddr::V4(Ipv4Addr::from(i)), t0));
        }
        let later = t0 + Duration::from_secs(120);
        assert!(l.hit("10.9.9.9".parse().unwrap(), later));
        assert_eq!(l.seen.len(), 1);
    }

    #[test]
    fn cleaning_drops_nul_and_unifies_line_ends() {
        assert_eq!(clean("a\0b\r\nc\rd\u{1b}[31m"), "ab\nc\nd\u{1b}[31m");
    }
}

//! Collecting stickies from participants' phones over the local network,
//! with no internet: a tiny HTTP server that serves one page (the current
//! step's prompt and a form) and hands what participants send to the app,
//! which holds it for moderation. While the app publishes an open voting
//! round, the same page is the round's ballot (see "Ballots" below). See
//! `docs/collect.md`.
//!
//! # API
//!
//! ```no_run
//! use atelier::collect::{CollectConfig, Collector};
//! let cfg = CollectConfig {
//!     prompt: "What frustrates you at the canteen?".into(),
//!     step_title: "Pain points".into(),
//!     ..CollectConfig::default()
//! };
//! let c = Collector::start(cfg)?; // binds, then serves on a background thread
//! for url in c.urls() {            // "http://192.168.1.23:41234/c/<token>", best first
//!     let qr: Vec<String> = c.qr(&url); // half-block lines, ink = dark modules
//! #   let _ = qr;
//! }
//! let new = c.try_recv();          // never blocks: Vec<Incoming>
//! c.set_prompt("Ideas", "How might we...?"); // follow the current step
//! let last = c.stop();             // port closed on return; stickies not yet taken
//! # let _ = (new, last);
//! # Ok::<(), String>(())
//! ```
//!
//! - [`Collector::start`]`(CollectConfig) -> Result<Collector, String>`: binds
//!   `cfg.bind:cfg.port` (port 0 picks a free one) and draws a fresh 128-bit
//!   token (OS randomness) for this collection only. The error is a sentence
//!   for the status line.
//! - [`Collector::urls`]`() -> Vec<String>`: the addresses to show, each with
//!   the token path. Bound to `0.0.0.0`: one per local non-loopback IPv4
//!   interface, most likely first (private addresses of real interfaces before
//!   virtual ones such as docker bridges), loopback when there is none.
//! - [`Collector::qr`]`(&url) -> Vec<String>` (or [`qr_lines`]): the QR code as
//!   lines of `█▀▄ ` (two module rows per line, quiet zone included). The glyph
//!   is the dark module: draw it black on white (`Ink::Light` gives the
//!   inverse for a terminal whose colours cannot be set).
//! - [`Collector::try_recv`]`() -> Vec<Incoming>`: what arrived since the last
//!   call, oldest first. [`Incoming`] is `{ text, name, colour, at }`.
//! - [`Collector::set_prompt`]`(step_title, prompt)`,
//!   [`Collector::set_anonymous_only`]`(bool)`: change what the page shows and
//!   asks from the next request on.
//! - [`Collector::set_round`]`(Option<RoundInfo>)`, [`Collector::set_turnout`]`(usize)`,
//!   [`Collector::receive`]`() -> Vec<Arrival>`, [`Collector::stop_all`]: the
//!   ballot (below).
//! - [`Collector::port`], [`Collector::addr`], [`Collector::error`] (the server
//!   stopped on its own, its poll having failed: say it and stop).
//! - [`Collector::stop`]`(self) -> Vec<Incoming>`: stops the server, closes
//!   every connection and the port, joins its thread, and returns the stickies
//!   that arrived but were not taken yet. Dropping a `Collector` stops it the
//!   same way.
//!
//! # What is served
//!
//! Only `/c/TOKEN`: `GET` the page, `POST` a sticky
//! (`application/x-www-form-urlencoded`: `text`, optional `name`, `colour`).
//! Anything else is a 404 with a small page in the collection's language
//! that names no address (every error without a message of its own, 400,
//! 405, 413, 431, 500, 501, is such a page; `assets/collect/error.html`,
//! `phone.ftl`; 405 and 500 on the form's address link back to it). Without JavaScript a post is
//! answered with a 303 to `/c/TOKEN?sent=1` (the page with "Sent!" and
//! cleared fields); the page's small script posts with `fetch` and an
//! `X-Atelier: fetch` header, and gets the message as plain text. A refused
//! post (400 malformed or empty, 413 too long, 415 not a form, 429 too many,
//! 503 inbox full or collection over) gets the page again with a message and
//! what was typed, or the message alone for the script.
//!
//! # Ballots
//!
//! What the app does (`src/app/`, once a round is open and collecting is on):
//!
//! 1. Publish the round: `c.set_round(RoundInfo::of(&session, &round_id,
//!    BallotOn::Clusters, true))` ([`RoundInfo::of`]: the round's title,
//!    dots, cap and anonymous flag, the items from
//!    [`crate::model::Session::ballot_items`] (clusters, or with
//!    `BallotOn::Stickies` the stickies that are not private), the
//!    participants as `(id, name)`). Publish again when any of it changes
//!    (items renamed, added, removed; a participant added). From the next
//!    request on the page shows the ballot instead of the sticky form.
//! 2. Keep a [`BallotBox`]`::new(round_id)` beside the session while the
//!    round is open.
//! 3. Take what arrives with [`Collector::receive`] (instead of
//!    [`Collector::try_recv`], which takes stickies only and leaves ballots
//!    queued): [`Arrival::Sticky`] goes to the tray as before; for
//!    [`Arrival::Ballot`]`(cast)`: `let ops = ballot_box.ops(&session,
//!    &cast, &mut ids)?` (the model checks the ballot again against the session: an
//!    item may have gone since the round was published; a refusal is the
//!    app's to show), commit `ops` as one undoable step, then `let before =
//!    ballot_box.record(&cast)`, kept with the step: undoing it calls
//!    `ballot_box.restore(&cast.voter, before)`, redoing it
//!    `ballot_box.record(&cast)`. A participant's ballot replaces their dots
//!    in the file; a guest's or an anonymous phone's dots are added to the
//!    round's tallies, its previous ballot (the box's memory) taken off
//!    first.
//! 4. Publish the turnout: `c.set_turnout(ballot_box.turnout())` (the page
//!    shows "N ballots in so far"); who voted is `ballot_box.voters()`
//!    ([`BallotVoter`]: a participant, a guest with the name typed, or an
//!    anonymous phone).
//! 5. Close the round: `set_round` with `open: false`: the page says the
//!    vote is closed and ballots are refused (409). `set_round(None)` brings
//!    the sticky form back.
//!
//! The ballot is one form, usable without JavaScript: a number field per
//! item (`dot-<item id>`, empty is 0), the round's id (a ballot from a page
//! of another round is refused with "the vote changed"), the voter
//! (`voter`: a participant's id or `guest`, with `guest`, the name) unless
//! the round is anonymous, and the phone's ballot id (`device`). The
//! phone's ballot id is a random value kept in a cookie (`atelier-ballot`,
//! `HttpOnly`, `SameSite=Strict`, on the token path; the hidden field
//! carries the same value for phones that refuse cookies): it makes "one
//! ballot per phone" for anonymous and guest ballots, on trust (clearing
//! cookies makes a new phone). The page's script adds + and − buttons that
//! only change those fields and shows the dots left, then posts as the
//! sticky form does. Refused: more dots than the budget or the cap, dots
//! on an unknown item, no dot, no name chosen, a number that is not 0-999
//! (400, with the page's message), a closed or changed round (409), too
//! many posts (429, counted with stickies). Words come from
//! `assets/locales/*/ballot.ftl`.
//!
//! # Safety
//!
//! Texts over `max_chars` characters, names over [`NAME_MAX`], bodies over
//! [`BODY_MAX`] bytes, invalid percent-encoding or UTF-8 are refused; more
//! than `per_minute` posts from one IP address in a minute get a 429. NUL
//! bytes are removed, `\r\n` becomes `\n`, other control characters are kept
//! (the app neutralises them on screen). The page shows nothing but the step
//! title, the prompt and the form (during a vote: the round's title, its
//! items and, unless anonymous, the participants' names), every value
//! HTML-escaped, under a strict Content-Security-Policy. At most
//! [`QUEUE_MAX`] stickies and ballots wait to be taken.
//!
//! # Under load and abuse
//!
//! One thread serves every connection, with non-blocking sockets (`mio`):
//! an answer is made in microseconds (no disk, no waiting), so a slow or
//! hostile device costs a socket for a bounded time, never a thread. The
//! bounds are [`Limits`] (`cfg.limits`):
//! - at most 64 connections at once, 8 from one device (IP address); one
//!   more is answered 503 ("many phones at once", `Retry-After: 5`) and
//!   closed at once;
//! - 10 s for a request's head (8 KiB at most, else 431), 10 s more for its
//!   body, 10 s for the device to take the answer; a request late on its
//!   head or body gets 408 and the connection is closed;
//! - a body over [`BODY_MAX`], announced by `Content-Length` or counted as
//!   it comes (`chunked`), is answered 413 as soon as that is known, the
//!   rest unread, with or without the token;
//! - one request per connection (`Connection: close`); after the answer
//!   the connection waits at most 2 s for the device to close it.
//!
//! So the server never holds more than 64 sockets and 3 other descriptors
//! (the listener, the poll and its waker) and one thread: saving the
//! session never runs out of descriptors because of it. [`Collector::stop`]
//! closes everything (connections, the port) and joins the thread.

mod addrs;
mod ballot;
mod form;
mod http;
mod page;
mod qr;
mod server;

pub use ballot::{BallotBox, BallotVoter, CastBallot, RoundInfo};
pub use qr::{Ink, qr_lines};

use crate::model::{Colour, Timestamp};
use server::Shared;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;
use std::time::Duration;

/// The largest request body read, in bytes.
pub const BODY_MAX: usize = 16 * 1024;
/// The longest name, in characters.
pub const NAME_MAX: usize = 60;
/// How many stickies may wait for [`Collector::try_recv`] before posts are
/// refused with a 503.
pub const QUEUE_MAX: usize = 1000;

/// How to collect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectConfig {
    /// The address to listen on: `0.0.0.0` (default) for every interface.
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// The current step's prompt, shown on the page.
    pub prompt: String,
    /// The current step's title, the page's heading.
    pub step_title: String,
    /// `"fr"` or `"en"` (anything else is read by [`crate::lang::normalize`]).
    pub lang: String,
    /// Hide the name field; names sent anyway are dropped.
    pub anonymous_only: bool,
    /// The longest text, in characters.
    pub max_chars: usize,
    /// Posts per device (IP address) per minute; 0 for no limit.
    pub per_minute: u32,
    /// How many connections, and for how long.
    pub limits: Limits,
}

/// How many connections the server holds, and for how long (see the
/// module's documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Connections open at once; more are refused (503).
    pub connections: usize,
    /// Connections open at once from one IP address; more are refused (503).
    pub per_device: usize,
    /// From the connection to the end of the request's head.
    pub head_timeout: Duration,
    /// From the end of the head to the end of the body.
    pub body_timeout: Duration,
    /// For the device to take the answer.
    pub send_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connections: 64,
            per_device: 8,
            head_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            send_timeout: Duration::from_secs(10),
        }
    }
}

impl Default for CollectConfig {
    fn default() -> Self {
        CollectConfig {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: 0,
            prompt: String::new(),
            step_title: String::new(),
            lang: "en".into(),
            anonymous_only: false,
            max_chars: 500,
            per_minute: 10,
            limits: Limits::default(),
        }
    }
}

/// A sticky sent by a participant, waiting for moderation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    /// Trimmed, non-empty, at most `max_chars` characters.
    pub text: String,
    /// `None` when left empty or when the collection is anonymous.
    pub name: Option<String>,
    pub colour: Colour,
    /// When the server received it.
    pub at: Timestamp,
}

/// What arrived from a phone, in the order it arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// A sticky, for moderation.
    Sticky(Incoming),
    /// A ballot, checked against the round published when it arrived.
    Ballot(CastBallot),
}

/// A running collection. Stops (and closes its port) on [`Collector::stop`]
/// or when dropped.
pub struct Collector {
    shared: Arc<Shared>,
    /// Wakes the server's thread to stop.
    waker: mio::Waker,
    /// `None` once stopped.
    thread: Option<JoinHandle<()>>,
    addr: SocketAddr,
}

impl std::fmt::Debug for Collector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collector")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Collector {
    /// Listen on `cfg.bind:cfg.port` and serve on a background thread.
    pub fn start(cfg: CollectConfig) -> Result<Collector, String> {
        // Said to the facilitator, in the page's language (the app's).
        let lang = crate::lang::normalize(&cfg.lang);
        let said = |key: &str, e: std::io::Error| {
            let error = crate::i18n::io_error(lang, &e);
            crate::i18n::tr_args(lang, key, &[("error", error.into())])
        };
        let token = server::token().map_err(|e| said("collect-err-token", e.into()))?;
        let listener = TcpListener::bind((cfg.bind, cfg.port)).map_err(|e| {
            let error = crate::i18n::io_error(lang, &e);
            crate::t!(
                lang,
                "collect-err-listen",
                bind = cfg.bind.to_string(),
                free = if cfg.port == 0 { "yes" } else { "no" },
                port = cfg.port.to_string(),
                error = error
            )
        })?;
        let addr = listener
            .local_addr()
            .map_err(|e| said("collect-err-address", e))?;
        let setup = |e: std::io::Error| said("collect-err-start", e);
        listener.set_nonblocking(true).map_err(setup)?;
        let mut listener = mio::net::TcpListener::from_std(listener);
        let poll = mio::Poll::new().map_err(setup)?;
        poll.registry()
            .register(&mut listener, http::LISTENER, mio::Interest::READABLE)
            .map_err(setup)?;
        let waker = mio::Waker::new(poll.registry(), http::WAKER).map_err(setup)?;
        let limits = cfg.limits;
        let shared = Arc::new(Shared::new(cfg, token)?);
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("collect".into())
                .spawn(move || http::serve(poll, listener, limits, &*shared))
                .map_err(setup)?
        };
        Ok(Collector {
            shared,
            waker,
            thread: Some(thread),
            addr,
        })
    }

    /// The port listened on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The address listened on (`0.0.0.0:PORT` for every interface).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The addresses to give participants, best first, each ending with
    /// the token path.
    pub fn urls(&self) -> Vec<String> {
        let path = self.shared.path();
        addrs::hosts(self.addr.ip())
            .into_iter()
            .map(|ip| match ip {
                IpAddr::V4(v4) => format!("http://{v4}:{}{path}", self.addr.port()),
                IpAddr::V6(v6) => format!("http://[{v6}]:{}{path}", self.addr.port()),
            })
            .collect()
    }

    /// The QR code of `url`, dark modules as ink (see [`qr_lines`]).
    pub fn qr(&self, url: &str) -> Vec<String> {
        qr_lines(url, Ink::Dark)
    }

    /// The stickies that arrived since the last call, oldest first.
    /// Ballots are left for [`Collector::receive`].
    pub fn try_recv(&self) -> Vec<Incoming> {
        self.shared.take_stickies()
    }

    /// Everything that arrived since the last call (stickies and ballots),
    /// oldest first. Never blocks.
    pub fn receive(&self) -> Vec<Arrival> {
        self.shared.take()
    }

    /// Publish the voting round: while it is `Some`, the page is the
    /// ballot (or, once `open` is false, says the vote is closed) and
    /// ballots are checked against it; `None` brings the sticky form back.
    /// Takes effect from the next request on.
    pub fn set_round(&self, round: Option<RoundInfo>) {
        self.shared.set_round(round);
    }

    /// How many ballots are in so far (the page shows it).
    pub fn set_turnout(&self, ballots: usize) {
        self.shared.set_turnout(ballots);
    }

    /// Show another step's title and prompt from the next request on.
    pub fn set_prompt(&self, step_title: &str, prompt: &str) {
        self.shared.set_prompt(step_title, prompt);
    }

    /// Hide (or show again) the name field from the next request on.
    pub fn set_anonymous_only(&self, anonymous_only: bool) {
        self.shared.set_anonymous_only(anonymous_only);
    }

    /// Why the server stopped serving on its own, if it did.
    pub fn error(&self) -> Option<String> {
        self.shared.error()
    }

    /// Stop serving. Returns once the port is closed, with the stickies
    /// that arrived but were not taken yet.
    pub fn stop(mut self) -> Vec<Incoming> {
        self.shutdown();
        self.shared.take_stickies()
    }

    /// As [`Collector::stop`], with the ballots not taken yet too.
    pub fn stop_all(mut self) -> Vec<Arrival> {
        self.shutdown();
        self.shared.take()
    }

    fn shutdown(&mut self) {
        let Some(thread) = self.thread.take() else {
            return;
        };
        self.shared.stopped.store(true, Ordering::SeqCst);
        // Should the wake-up fail, the thread still looks twice a second.
        let _ = self.waker.wake();
        // The thread closes every connection and the port as it returns.
        let _ = thread.join();
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        self.shutdown();
    }
}

//! The collection server's connections: HTTP/1.1 on one thread, with
//! non-blocking sockets (mio) and a bound on everything a device can hold.
//!
//! - At most [`Limits::connections`] connections at once, and
//!   [`Limits::per_device`] from one IP address: a connection past either is
//!   answered 503 at once and closed.
//! - A request's head must arrive within [`Limits::head_timeout`] of the
//!   connection, its body within [`Limits::body_timeout`] of the head, and
//!   the answer must be taken within [`Limits::send_timeout`]; else 408 (or
//!   nothing, for the answer) and the connection is closed.
//! - A head over [`HEAD_MAX`] bytes gets 431, a body over [`BODY_MAX`]
//!   (announced by `Content-Length` or counted while chunked) gets 413 as
//!   soon as that is known, without reading the rest.
//! - One request per connection (`Connection: close`): after the answer the
//!   connection only waits, [`LINGER`] at most, for the device to close it,
//!   so the answer is not lost to a reset.
//!
//! Answers are made on this thread ([`Respond`]): they never wait for disk
//! or network, so one thread is enough, and a slow device costs a socket,
//! not a thread.

mod wire;

use super::{BODY_MAX, Limits};
use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};
use std::collections::HashMap;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Shutdown};
use std::time::{Duration, Instant};
#[cfg(test)]
use wire::Chunks;
use wire::{Bad, Framing, Head, Parsed, framing, parse_head};

/// The listening socket's token.
pub(super) const LISTENER: Token = Token(0);
/// The token of the waker that [`super::Collector`] uses to stop the loop.
pub(super) const WAKER: Token = Token(1);

/// The largest request head (request line and headers), in bytes.
pub(super) const HEAD_MAX: usize = 8 * 1024;
/// The most headers in a request.
const HEADERS_MAX: usize = 64;
/// How long a connection stays open after its answer, for the device to
/// read it and close.
pub(super) const LINGER: Duration = Duration::from_secs(2);
/// How long accepting pauses after `accept` failed (out of descriptors).
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);
/// The longest the loop sleeps without looking whether it should stop.
const TICK: Duration = Duration::from_millis(500);

/// What the loop asks of the rest of the server.
pub(super) trait Respond {
    /// The answer to a complete request (or to one whose body is too large).
    fn answer(&self, rq: &Request) -> Reply;
    /// The answer when no request could be read: 400, 408, 431, 501, 503.
    fn refusal(&self, status: u16) -> Reply;
    /// Whether the loop should end.
    fn stopped(&self) -> bool;
    /// The loop ends on its own: say why.
    fn fail(&self, why: String);
}

/// A request, read whole.
#[derive(Debug)]
pub(super) struct Request {
    pub method: String,
    /// As sent: the path and the query.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// The sender's IP address.
    pub device: IpAddr,
}

impl Request {
    /// The first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Body {
    Complete(Vec<u8>),
    /// Over [`BODY_MAX`]: not read.
    TooLarge,
}

/// An answer.
#[derive(Debug)]
pub(super) struct Reply {
    pub status: u16,
    pub content_type: Option<&'static str>,
    pub body: Vec<u8>,
    pub location: Option<String>,
    pub csp: Option<String>,
    pub allow: bool,
    /// `Retry-After`, in seconds.
    pub retry_after: Option<u32>,
    /// `Set-Cookie`, whole.
    pub set_cookie: Option<String>,
}

impl Reply {
    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            content_type: None,
            body: Vec::new(),
            location: None,
            csp: None,
            allow: false,
            retry_after: None,
            set_cookie: None,
        }
    }

    pub fn text(status: u16, text: &str) -> Reply {
        Reply {
            content_type: Some("text/plain; charset=utf-8"),
            body: text.as_bytes().to_vec(),
            ..Reply::empty(status)
        }
    }

    /// The bytes sent: the head, and the body unless `head_only`.
    pub fn to_bytes(&self, head_only: bool) -> Vec<u8> {
        let mut out = format!(
            "HTTP/1.1 {} {}\r\nContent-Length: {}\r\nConnection: close\r\n\
             Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
             Referrer-Policy: no-referrer\r\nX-Frame-Options: DENY\r\n",
            self.status,
            reason(self.status),
            self.body.len()
        );
        let mut add = |name: &str, value: &str| {
            // Values are ours, but a line break must never end up in a head.
            if !value.contains(['\r', '\n']) {
                out.push_str(&format!("{name}: {value}\r\n"));
            }
        };
        if let Some(ct) = self.content_type {
            add("Content-Type", ct);
        }
        if let Some(csp) = &self.csp {
            add("Content-Security-Policy", csp);
        }
        if let Some(location) = &self.location {
            add("Location", location);
        }
        if self.allow {
            add("Allow", "GET, HEAD, POST");
        }
        if let Some(seconds) = self.retry_after {
            add("Retry-After", &seconds.to_string());
        }
        if let Some(cookie) = &self.set_cookie {
            add("Set-Cookie", cookie);
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        bytes
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Serve on `listener` (registered with `poll` as [`LISTENER`]) until
/// `app.stopped()`, then close every connection and the listener.
pub(super) fn serve(poll: Poll, listener: TcpListener, limits: Limits, app: &impl Respond) {
    Server {
        poll,
        listener,
        limits,
        app,
        conns: HashMap::new(),
        per_device: HashMap::new(),
        next: WAKER.0 + 1,
        accept_paused: None,
    }
    .run();
}

struct Server<'a, R> {
    poll: Poll,
    listener: TcpListener,
    limits: Limits,
    app: &'a R,
    conns: HashMap<usize, Conn>,
    /// Open connections per IP address.
    per_device: HashMap<IpAddr, usize>,
    /// The next connection's token.
    next: usize,
    /// Accepting again from then on.
    accept_paused: Option<Instant>,
}

impl<R: Respond> Server<'_, R> {
    fn run(mut self) {
        let mut events = Events::with_capacity(256);
        loop {
            if self.app.stopped() {
                return;
            }
            let wait = self
                .next_deadline()
                .map_or(TICK, |d| d.saturating_duration_since(Instant::now()))
                .min(TICK);
            if let Err(e) = self.poll.poll(&mut events, Some(wait)) {
                if e.kind() == ErrorKind::Interrupted {
                    continue;
                }
                self.app.fail(format!("the collection server stopped: {e}"));
                return;
            }
            if self.app.stopped() {
                return;
            }
            for event in events.iter() {
                match event.token() {
                    LISTENER => self.accept(),
                    WAKER => {}
                    Token(t) => self.drive(t),
                }
            }
            let now = Instant::now();
            if self.accept_paused.is_some_and(|t| t <= now) {
                self.accept_paused = None;
                self.accept();
            }
            self.expire(now);
        }
    }

    fn next_deadline(&self) -> Option<Instant> {
        self.conns
            .values()
            .map(|c| c.deadline)
            .chain(self.accept_paused)
            .min()
    }

    fn accept(&mut self) {
        if self.accept_paused.is_some() {
            return;
        }
        loop {
            match self.listener.accept() {
                Ok((stream, addr)) => self.admit(stream, addr.ip().to_canonical()),
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(e)
                    if matches!(
                        e.kind(),
                        ErrorKind::Interrupted
                            | ErrorKind::ConnectionAborted
                            | ErrorKind::ConnectionReset
                    ) => {}
                // Out of descriptors, most likely: the connection waits in
                // the backlog, and accepting resumes a little later.
                Err(_) => {
                    self.accept_paused = Some(Instant::now() + ACCEPT_PAUSE);
                    return;
                }
            }
        }
    }

    fn admit(&mut self, mut stream: TcpStream, device: IpAddr) {
        let held = self.per_device.get(&device).copied().unwrap_or(0);
        if self.conns.len() >= self.limits.connections || held >= self.limits.per_device {
            refuse_now(&mut stream, &self.app.refusal(503));
            return;
        }
        let mut token = self.next;
        while token <= WAKER.0 || self.conns.contains_key(&token) {
            token = token.wrapping_add(1);
        }
        self.next = token.wrapping_add(1);
        if self
            .poll
            .registry()
            .register(
                &mut stream,
                Token(token),
                Interest::READABLE | Interest::WRITABLE,
            )
            .is_err()
        {
            return;
        }
        self.conns.insert(
            token,
            Conn {
                stream,
                device,
                deadline: Instant::now() + self.limits.head_timeout,
                state: State::Reading(Box::default()),
            },
        );
        *self.per_device.entry(device).or_default() += 1;
    }

    fn drive(&mut self, token: usize) {
        let Some(conn) = self.conns.get_mut(&token) else {
            return;
        };
        if conn.step(self.app, &self.limits) == Step::Close {
            self.close(token);
        }
    }

    fn expire(&mut self, now: Instant) {
        let late: Vec<usize> = self
            .conns
            .iter()
            .filter(|(_, c)| c.deadline <= now)
            .map(|(t, _)| *t)
            .collect();
        for token in late {
            if let Some(conn) = self.conns.get_mut(&token) {
                if matches!(conn.state, State::Reading(_)) {
                    refuse_now(&mut conn.stream, &self.app.refusal(408));
                }
                self.close(token);
            }
        }
    }

    fn close(&mut self, token: usize) {
        let Some(mut conn) = self.conns.remove(&token) else {
            return;
        };
        let _ = self.poll.registry().deregister(&mut conn.stream);
        if let Some(n) = self.per_device.get_mut(&conn.device) {
            *n -= 1;
            if *n == 0 {
                self.per_device.remove(&conn.device);
            }
        }
    }
}

/// Write `reply` if the socket takes it now, then close: for a connection
/// that gets nothing else.
fn refuse_now(stream: &mut TcpStream, reply: &Reply) {
    let _ = stream.write(&reply.to_bytes(false));
    let _ = stream.shutdown(Shutdown::Both);
}

struct Conn {
    stream: TcpStream,
    device: IpAddr,
    /// When the current phase must be over.
    deadline: Instant,
    state: State,
}

enum State {
    Reading(Box<Reading>),
    Sending {
        out: Vec<u8>,
        at: usize,
    },
    /// Answered; waiting for the device to close.
    Lingering,
}

#[derive(Default)]
struct Reading {
    /// Bytes read and not yet used.
    buf: Vec<u8>,
    /// Once the head is read.
    head: Option<(Head, Framing)>,
    body: Vec<u8>,
}

#[derive(Debug, PartialEq, Eq)]
enum Step {
    /// Nothing more to do until the socket is ready again.
    Wait,
    /// The state changed: go on.
    Again,
    Close,
}

impl Conn {
    /// Do all that can be done without waiting.
    fn step(&mut self, app: &impl Respond, limits: &Limits) -> Step {
        loop {
            let step = match self.state {
                State::Reading(_) => self.read(app, limits),
                State::Sending { .. } => self.send(),
                State::Lingering => self.linger(),
            };
            if step != Step::Again {
                return step;
            }
        }
    }

    fn read(&mut self, app: &impl Respond, limits: &Limits) -> Step {
        let mut chunk = [0u8; 4096];
        loop {
            let State::Reading(r) = &mut self.state else {
                return Step::Again;
            };
            match self.stream.read(&mut chunk) {
                // The device closed: half a request is answered (it may still read).
                Ok(0) if r.buf.is_empty() && r.head.is_none() => return Step::Close,
                Ok(0) => {
                    let reply = app.refusal(400);
                    self.start_sending(&reply, false, limits);
                    return Step::Again;
                }
                Ok(n) => {
                    r.buf.extend_from_slice(&chunk[..n]);
                    if let Some((reply, head_only)) = self.advance(app, limits) {
                        self.start_sending(&reply, head_only, limits);
                        return Step::Again;
                    }
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Step::Wait,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return Step::Close,
            }
        }
    }

    /// Use what was read: the answer (and whether to send its head only)
    /// once there is one.
    fn advance(&mut self, app: &impl Respond, limits: &Limits) -> Option<(Reply, bool)> {
        let State::Reading(r) = &mut self.state else {
            return None;
        };
        if r.head.is_none() {
            let (head, used) = match parse_head(&r.buf) {
                Parsed::Partial if r.buf.len() > HEAD_MAX => {
                    return Some((app.refusal(431), false));
                }
                Parsed::Partial => return None,
                Parsed::Bad(status) => return Some((app.refusal(status), false)),
                Parsed::Done(head, used) => (head, used),
            };
            r.buf.drain(..used);
            let framing = match framing(&head) {
                Ok(f) => f,
                Err(status) => return Some((app.refusal(status), false)),
            };
            let head_only = head.method == "HEAD";
            if framing == Framing::TooLarge {
                let rq = head.into_request(Body::TooLarge, self.device);
                return Some((app.answer(&rq), head_only));
            }
            if head.expects_continue && framing != Framing::Empty {
                // Before the body: written at once into an empty socket, or
                // the connection is given up.
                let interim = b"HTTP/1.1 100 Continue\r\n\r\n";
                if !matches!(self.stream.write(interim), Ok(n) if n == interim.len()) {
                    return Some((app.refusal(400), false));
                }
            }
            self.deadline = Instant::now() + limits.body_timeout;
            r.head = Some((head, framing));
        }
        let (_, framing) = r.head.as_mut()?;
        let done = match framing {
            Framing::Empty => true,
            Framing::Length(n) => {
                if r.buf.len() >= *n {
                    r.body = r.buf[..*n].to_vec();
                    true
                } else {
                    false
                }
            }
            Framing::Chunked(chunks) => match chunks.decode(&mut r.buf, &mut r.body, BODY_MAX) {
                Ok(done) => done,
                Err(Bad::TooLarge) => {
                    let (head, _) = r.head.take()?;
                    let head_only = head.method == "HEAD";
                    let rq = head.into_request(Body::TooLarge, self.device);
                    return Some((app.answer(&rq), head_only));
                }
                Err(Bad::Malformed) => return Some((app.refusal(400), false)),
            },
            Framing::TooLarge => false,
        };
        if !done {
            return None;
        }
        let (head, _) = r.head.take()?;
        let head_only = head.method == "HEAD";
        let rq = head.into_request(Body::Complete(std::mem::take(&mut r.body)), self.device);
        Some((app.answer(&rq), head_only))
    }

    fn start_sending(&mut self, reply: &Reply, head_only: bool, limits: &Limits) {
        self.state = State::Sending {
            out: reply.to_bytes(head_only),
            at: 0,
        };
        self.deadline = Instant::now() + limits.send_timeout;
    }

    fn send(&mut self) -> Step {
        let State::Sending { out, at } = &mut self.state else {
            return Step::Again;
        };
        while *at < out.len() {
            match self.stream.write(&out[*at..]) {
                Ok(0) => return Step::Close,
                Ok(n) => *at += n,
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Step::Wait,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return Step::Close,
            }
        }
        // The answer is out: the device reads it, then sees the end.
        if self.stream.shutdown(Shutdown::Write).is_err() {
            return Step::Close;
        }
        self.state = State::Lingering;
        self.deadline = Instant::now() + LINGER;
        Step::Again
    }

    /// Read and drop whatever the device still sends, until it closes.
    fn linger(&mut self) -> Step {
        let mut chunk = [0u8; 4096];
        // A bounded amount per turn, so a fast sender cannot keep the loop.
        for _ in 0..16 {
            match self.stream.read(&mut chunk) {
                Ok(0) => return Step::Close,
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Step::Wait,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return Step::Close,
            }
        }
        Step::Wait
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Head {
        match parse_head(text.as_bytes()) {
            Parsed::Done(h, _) => h,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn heads_are_parsed_whole_or_waited_for() {
        let text = "POST /c/x?sent=1 HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain \r\n\r\nbody";
        let Parsed::Done(h, used) = parse_head(text.as_bytes()) else {
            panic!()
        };
        assert_eq!(used, text.len() - 4);
        assert_eq!(
            (h.method.as_str(), h.target.as_str()),
            ("POST", "/c/x?sent=1")
        );
        assert_eq!(h.header("content-type").collect::<Vec<_>>(), ["text/plain"]);
        assert!(!h.expects_continue);
        assert_eq!(parse_head(b"GET / HTTP/1.1\r\nHost:"), Parsed::Partial);
        assert_eq!(parse_head(b"garbage\r\n\r\n"), Parsed::Bad(400));
        assert_eq!(parse_head(b"PRI * HTTP/2.0\r\n\r\n"), Parsed::Bad(400));
        let many = format!("GET / HTTP/1.1\r\n{}\r\n", "A: b\r\n".repeat(65));
        assert_eq!(parse_head(many.as_bytes()), Parsed::Bad(431));
        let h = head("POST / HTTP/1.1\r\nExpect: 100-Continue\r\n\r\n");
        assert!(h.expects_continue);
    }

    #[test]
    fn bodies_are_framed_and_bounded() {
        let f = |extra: &str| framing(&head(&format!("POST / HTTP/1.1\r\n{extra}\r\n")));
        assert_eq!(f(""), Ok(Framing::Empty));
        assert_eq!(f("Content-Length: 0\r\n"), Ok(Framing::Empty));
        assert_eq!(f("Content-Length: 12\r\n"), Ok(Framing::Length(12)));
        assert_eq!(f("Content-Length: 16384\r\n"), Ok(Framing::Length(16384)));
        assert_eq!(f("Content-Length: 16385\r\n"), Ok(Framing::TooLarge));
        assert_eq!(f("Content-Length: 100000000\r\n"), Ok(Framing::TooLarge));
        assert_eq!(
            f("Content-Length: 99999999999999999999999999\r\n"),
            Ok(Framing::TooLarge)
        );
        assert_eq!(f("Content-Length: -1\r\n"), Err(400));
        assert_eq!(f("Content-Length: 1, 1\r\n"), Err(400));
        assert_eq!(f("Content-Length: 3\r\nContent-Length: 4\r\n"), Err(400));
        assert_eq!(
            f("Transfer-Encoding: chunked\r\n"),
            Ok(Framing::Chunked(Chunks::Size))
        );
        assert_eq!(f("Transfer-Encoding: gzip, chunked\r\n"), Err(501));
        assert_eq!(
            f("Transfer-Encoding: chunked\r\nContent-Length: 3\r\n"),
            Err(400)
        );
    }

    #[test]
    fn chunked_bodies_are_decoded_as_they_come_and_bounded() {
        let mut c = Chunks::default();
        let (mut raw, mut body) = (Vec::new(), Vec::new());
        for piece in [
            "4\r\nte",
            "xt\r",
            "\n3;ext=1\r\n=hi\r\n0\r\n",
            "X-T: 1\r\n",
            "\r\n",
        ] {
            assert_eq!(c.decode(&mut raw, &mut body, 100), Ok(false), "{piece:?}");
            raw.extend_from_slice(piece.as_bytes());
        }
        assert_eq!(c.decode(&mut raw, &mut body, 100), Ok(true));
        assert_eq!(body, b"text=hi");
        assert!(raw.is_empty());

        let mut c = Chunks::default();
        let mut raw = b"a\r\n0123456789\r\n1\r\nx".to_vec();
        assert_eq!(c.decode(&mut raw, &mut Vec::new(), 10), Err(Bad::TooLarge));
        let mut raw = b"zz\r\n".to_vec();
        assert_eq!(
            Chunks::default().decode(&mut raw, &mut Vec::new(), 10),
            Err(Bad::Malformed)
        );
        let mut raw = b"1\r\nabc".to_vec();
        assert_eq!(
            Chunks::default().decode(&mut raw, &mut Vec::new(), 10),
            Err(Bad::Malformed)
        );
    }

    #[test]
    fn replies_close_and_never_carry_a_line_break_in_a_header() {
        let r = Reply {
            location: Some("/c/x\r\nSet-Cookie: a=b".into()),
            retry_after: Some(60),
            ..Reply::text(429, "wait")
        };
        let bytes = String::from_utf8(r.to_bytes(false)).unwrap();
        assert!(bytes.starts_with("HTTP/1.1 429 Too Many Requests\r\n"));
        assert!(bytes.contains("\r\nContent-Length: 4\r\n"));
        assert!(bytes.contains("\r\nConnection: close\r\n"));
        assert!(bytes.contains("\r\nRetry-After: 60\r\n"));
        assert!(!bytes.contains("Set-Cookie"));
        assert!(bytes.ends_with("\r\n\r\nwait"));
        let head = String::from_utf8(r.to_bytes(true)).unwrap();
        assert!(head.ends_with("\r\n\r\n") && head.contains("Content-Length: 4"));
    }
}

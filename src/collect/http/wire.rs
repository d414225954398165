//! The wire format of a request: its head (request line and headers), how
//! its body is framed, and chunked bodies, read incrementally and bounded.

use super::super::BODY_MAX;
use super::{Body, HEAD_MAX, HEADERS_MAX, Request};
use std::net::IpAddr;

/// A request's head.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Head {
    pub(super) method: String,
    pub(super) target: String,
    pub(super) headers: Vec<(String, String)>,
    pub(super) expects_continue: bool,
}

impl Head {
    pub(super) fn header(&self, name: &str) -> impl Iterator<Item = &str> {
        self.headers
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn into_request(self, body: Body, device: IpAddr) -> Request {
        Request {
            method: self.method,
            target: self.target,
            headers: self.headers,
            body,
            device,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Parsed {
    Partial,
    /// The head, and how many bytes it took.
    Done(Head, usize),
    /// Answer with this status and close.
    Bad(u16),
}

pub(super) fn parse_head(buf: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; HEADERS_MAX];
    let mut rq = httparse::Request::new(&mut headers);
    match rq.parse(buf) {
        Ok(httparse::Status::Partial) => Parsed::Partial,
        Ok(httparse::Status::Complete(used)) => {
            let headers: Vec<(String, String)> = rq
                .headers
                .iter()
                .map(|h| {
                    (
                        h.name.to_owned(),
                        String::from_utf8_lossy(h.value).trim().to_owned(),
                    )
                })
                .collect();
            let expects_continue = rq.version == Some(1)
                && headers.iter().any(|(k, v)| {
                    k.eq_ignore_ascii_case("Expect") && v.eq_ignore_ascii_case("100-continue")
                });
            Parsed::Done(
                Head {
                    method: rq.method.unwrap_or_default().to_owned(),
                    target: rq.path.unwrap_or_default().to_owned(),
                    headers,
                    expects_continue,
                },
                used,
            )
        }
        Err(httparse::Error::TooManyHeaders) => Parsed::Bad(431),
        Err(_) => Parsed::Bad(400),
    }
}

/// How a request's body is delimited.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Framing {
    Empty,
    Length(usize),
    Chunked(Chunks),
    /// Announced over [`BODY_MAX`].
    TooLarge,
}

pub(super) fn framing(head: &Head) -> Result<Framing, u16> {
    let te: Vec<&str> = head.header("Transfer-Encoding").collect();
    let cl: Vec<&str> = head.header("Content-Length").collect();
    if !te.is_empty() {
        if !cl.is_empty() {
            return Err(400);
        }
        let codings = te.join(",");
        let codings: Vec<&str> = codings.split(',').map(str::trim).collect();
        return if codings.len() == 1 && codings[0].eq_ignore_ascii_case("chunked") {
            Ok(Framing::Chunked(Chunks::default()))
        } else {
            Err(501)
        };
    }
    let Some(first) = cl.first() else {
        return Ok(Framing::Empty);
    };
    if cl.iter().any(|v| v != first)
        || first.is_empty()
        || !first.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(400);
    }
    // All digits: a number too large for a u64 is too large for us too.
    match first.parse::<u64>() {
        Ok(0) => Ok(Framing::Empty),
        Ok(n) if n <= BODY_MAX as u64 => Ok(Framing::Length(n as usize)),
        _ => Ok(Framing::TooLarge),
    }
}

/// Where a chunked body's decoding is.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) enum Chunks {
    #[default]
    Size,
    Data(u64),
    /// The CRLF after a chunk's data.
    DataEnd,
    Trailer,
    Done,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Bad {
    TooLarge,
    Malformed,
}

impl Chunks {
    /// Move the chunks' data from `raw` to `body`. True once the last chunk
    /// and the trailer are read.
    pub(super) fn decode(
        &mut self,
        raw: &mut Vec<u8>,
        body: &mut Vec<u8>,
        max: usize,
    ) -> Result<bool, Bad> {
        let mut pos = 0;
        let result = loop {
            let rest = &raw[pos..];
            match self {
                Chunks::Size => match httparse::parse_chunk_size(rest) {
                    Ok(httparse::Status::Complete((used, size))) => {
                        pos += used;
                        if size == 0 {
                            *self = Chunks::Trailer;
                        } else if (body.len() as u64).saturating_add(size) > max as u64 {
                            break Err(Bad::TooLarge);
                        } else {
                            *self = Chunks::Data(size);
                        }
                    }
                    Ok(httparse::Status::Partial) if rest.len() > HEAD_MAX => {
                        break Err(Bad::Malformed);
                    }
                    Ok(httparse::Status::Partial) => break Ok(false),
                    Err(_) => break Err(Bad::Malformed),
                },
                Chunks::Data(left) => {
                    if rest.is_empty() {
                        break Ok(false);
                    }
                    let take = rest.len().min(usize::try_from(*left).unwrap_or(usize::MAX));
                    body.extend_from_slice(&rest[..take]);
                    pos += take;
                    *left -= take as u64;
                    if *left == 0 {
                        *self = Chunks::DataEnd;
                    }
                }
                Chunks::DataEnd => {
                    if rest.len() < 2 {
                        break Ok(false);
                    }
                    if &rest[..2] != b"\r\n" {
                        break Err(Bad::Malformed);
                    }
                    pos += 2;
                    *self = Chunks::Size;
                }
                Chunks::Trailer => match rest.windows(2).position(|w| w == b"\r\n") {
                    Some(0) => {
                        pos += 2;
                        *self = Chunks::Done;
                    }
                    Some(i) => pos += i + 2,
                    None if rest.len() > HEAD_MAX => break Err(Bad::Malformed),
                    None => break Ok(false),
                },
                Chunks::Done => break Ok(true),
            }
        };
        raw.drain(..pos);
        result
    }
}

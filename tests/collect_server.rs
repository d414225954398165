//! The collection server on loopback, driven by a real HTTP client (ureq)
//! and, for what no well-behaved client sends, by raw sockets.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use atelier::collect::{CollectConfig, Collector, Incoming, Limits};
use atelier::model::Colour;
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};
use support::phone::agent;

const FORM: &str = "application/x-www-form-urlencoded";

fn start(change: impl FnOnce(&mut CollectConfig)) -> Collector {
    let mut cfg = CollectConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 0,
        prompt: "What would make lunch better?".into(),
        step_title: "Pain points".into(),
        per_minute: 1000,
        ..CollectConfig::default()
    };
    change(&mut cfg);
    Collector::start(cfg).expect("collector starts")
}

fn url(c: &Collector) -> String {
    let urls = c.urls();
    assert_eq!(urls.len(), 1, "{urls:?}");
    urls[0].clone()
}

/// The server's root: `http://127.0.0.1:PORT`.
fn root(c: &Collector) -> String {
    format!("http://127.0.0.1:{}", c.port())
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut r = r.expect("the server answers");
    let headers = r
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    Reply {
        status: r.status().as_u16(),
        headers,
        body: r.body_mut().read_to_string().unwrap_or_default(),
    }
}

fn get(url: &str) -> Reply {
    reply(agent().get(url).call())
}

/// A post as the page's form sends it without JavaScript.
fn post(url: &str, body: impl AsRef<[u8]>) -> Reply {
    reply(
        agent()
            .post(url)
            .header("Content-Type", FORM)
            .send(body.as_ref()),
    )
}

/// A post as the page's script sends it.
fn post_js(url: &str, body: &str) -> Reply {
    reply(
        agent()
            .post(url)
            .header(
                "Content-Type",
                "application/x-www-form-urlencoded;charset=UTF-8",
            )
            .header("X-Atelier", "fetch")
            .send(body),
    )
}

fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn sticky(text: &str) -> String {
    format!("text={}&name=&colour=yellow", enc(text))
}

fn texts(v: &[Incoming]) -> Vec<&str> {
    v.iter().map(|i| i.text.as_str()).collect()
}

/// A valid post still goes through.
fn still_works(c: &Collector, marker: &str) {
    let r = post(&url(c), sticky(marker));
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(texts(&c.try_recv()), [marker]);
}

#[test]
fn posts_with_the_token_arrive_in_order_with_name_and_colour() {
    let c = start(|_| {});
    let u = url(&c);
    let r = post(&u, "text=First+idea%3A+more+veggies&name=Ana&colour=green");
    assert_eq!(r.status, 303);
    let location = r.header("Location").expect("a redirect");
    assert!(location.ends_with("?sent=1&colour=green"), "{location}");
    assert!(u.ends_with(location.split('?').next().unwrap()));
    assert!(r.body.is_empty());

    // Anonymous, no colour given: yellow.
    assert_eq!(post(&u, "text=Second&name=++").status, 303);
    // From the page's script: the message alone.
    let r = post_js(&u, "text=Third&name=Bo&colour=purple");
    assert_eq!(r.status, 200);
    assert_eq!(r.body, "Sent! Write another.");
    assert!(r.header("Content-Type").unwrap().starts_with("text/plain"));

    let got = c.try_recv();
    assert_eq!(texts(&got), ["First idea: more veggies", "Second", "Third"]);
    assert_eq!(got[0].name.as_deref(), Some("Ana"));
    assert_eq!(got[0].colour, Colour::Green);
    assert_eq!(got[1].name, None);
    assert_eq!(got[1].colour, Colour::Yellow);
    assert_eq!(got[2].colour, Colour::Purple);
    let now = atelier::model::Timestamp::now();
    assert!(got.iter().all(|i| i.at.seconds_until(now).abs() < 60));
    assert!(c.try_recv().is_empty(), "taken once");
}

#[test]
fn the_confirmation_page_clears_the_fields_and_keeps_the_colour() {
    let c = start(|_| {});
    let r = post(&url(&c), "text=Hello+there&name=Ana&colour=blue");
    let page = get(&format!("{}{}", root(&c), r.header("Location").unwrap()));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Sent! Write another."));
    assert!(!page.body.contains("Hello there"));
    assert!(!page.body.contains("Ana"));
    assert!(page.body.contains(r#"value="blue" checked"#));
}

#[test]
fn without_the_token_everything_is_404_with_a_page_that_names_no_address() {
    let c = start(|_| {});
    let u = url(&c);
    let (r, path) = (root(&c), u.trim_start_matches(&root(&c)).to_owned());
    let token = path.trim_start_matches("/c/");
    let wrong = format!("{r}/c/{}", "a".repeat(token.len()));
    let upper = format!("{r}/c/{}", token.to_uppercase());
    for target in [
        format!("{r}/"),
        format!("{r}/c/"),
        format!("{r}/c"),
        format!("{r}/favicon.ico"),
        wrong.clone(),
        upper,
        format!("{u}/"),
        format!("{u}x"),
        format!("{r}/c/{}", &token[1..]),
        format!("{r}//c/{token}"),
        format!("{r}/c/{token}%00"),
    ] {
        let g = get(&target);
        assert_eq!(g.status, 404, "{target}");
        assert!(g.body.contains("This page does not exist"), "{target}");
        assert!(
            !g.body.contains(token) && !g.body.contains("<a "),
            "{target}"
        );
        let p = post(&target, sticky("nope"));
        assert_eq!(p.status, 404, "{target}");
        assert_eq!(p.body, g.body, "{target}");
    }
    assert!(c.try_recv().is_empty());
    // Other methods on the right path.
    let put = reply(agent().put(&u).send("text=x"));
    assert_eq!(put.status, 405);
    assert_eq!(put.header("Allow"), Some("GET, HEAD, POST"));
    assert_eq!(reply(agent().head(&u).call()).status, 200);
    still_works(&c, "after the 404s");
}

#[test]
fn the_page_shows_the_escaped_prompt_and_never_a_sticky() {
    let c = start(|cfg| {
        cfg.prompt = r#"<script>alert("x")</script> & 'you'?"#.into();
        cfg.step_title = "<b>Step</b>".into();
    });
    let u = url(&c);
    assert_eq!(
        post(&u, sticky("SECRET-STICKY-42 from someone")).status,
        303
    );
    assert_eq!(post_js(&u, &sticky("ANOTHER-SECRET-7")).status, 200);

    let page = get(&u);
    assert_eq!(page.status, 200);
    let b = &page.body;
    assert!(
        b.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2f;script&gt; &amp; &#x27;you&#x27;?"),
        "{b}"
    );
    assert!(b.contains("&lt;b&gt;Step&lt;&#x2f;b&gt;"));
    assert!(!b.contains("<script>alert"));
    assert!(!b.contains("<b>Step"));
    assert!(!b.contains("SECRET"));
    assert!(b.contains(r#"<html lang="en">"#));
    assert!(b.contains(r#"maxlength="500""#));
    assert!(b.contains(r#"name="name""#));
    for colour in ["yellow", "pink", "blue", "green", "orange", "purple"] {
        assert!(b.contains(&format!(r#"value="{colour}""#)), "{colour}");
    }
    assert!(b.contains(r#"value="yellow" checked"#));
    // No external asset of any kind.
    assert!(!b.contains("http://") && !b.contains("https://") && !b.contains("src="));

    // Headers: no caching, no sniffing, a CSP whose nonce is the page's.
    assert_eq!(page.header("Cache-Control"), Some("no-store"));
    assert_eq!(page.header("X-Content-Type-Options"), Some("nosniff"));
    let csp = page.header("Content-Security-Policy").expect("a CSP");
    assert!(csp.starts_with("default-src 'none'"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(b.contains(&format!(r#"<script nonce="{nonce}">"#)));
    assert!(b.contains(&format!(r#"<style nonce="{nonce}">"#)));

    // What was posted still arrived, verbatim.
    assert_eq!(
        texts(&c.try_recv()),
        ["SECRET-STICKY-42 from someone", "ANOTHER-SECRET-7"]
    );
}

#[test]
fn the_page_follows_the_step_language_and_anonymity() {
    let c = start(|cfg| {
        cfg.lang = "fr".into();
        cfg.anonymous_only = true;
        cfg.max_chars = 280;
        cfg.step_title = String::new();
    });
    let u = url(&c);
    let page = get(&u).body;
    assert!(page.contains(r#"<html lang="fr">"#));
    assert!(page.contains("Ajouter un post-it"), "fallback title");
    assert!(page.contains("Envoyer"));
    assert!(page.contains("Violet"));
    assert!(page.contains(r#"maxlength="280""#));
    assert!(!page.contains(r#"name="name""#), "no name field");
    // A name sent anyway is dropped.
    let r = post_js(&u, "text=Salut&name=Ana&colour=pink");
    assert_eq!(r.body, "Envoyé\u{a0}! Écrivez-en un autre.");
    let got = c.try_recv();
    assert_eq!(got[0].name, None);

    c.set_prompt("Idées", "Et si <on> essayait ?");
    c.set_anonymous_only(false);
    let page = get(&u).body;
    assert!(page.contains("<h1>Idées</h1>"));
    assert!(page.contains("Et si &lt;on&gt; essayait ?"));
    assert!(page.contains(r#"name="name""#));
    assert!(!page.contains("What would make lunch better"));
}

#[test]
fn too_long_texts_and_names_are_refused_with_a_message() {
    let c = start(|_| {});
    let u = url(&c);
    let exact: String = "é".repeat(500);
    assert_eq!(post(&u, sticky(&exact)).status, 303);
    assert_eq!(texts(&c.try_recv()), [exact.as_str()]);

    let long = format!("<script>x</script>{}", "a".repeat(490));
    let r = post(&u, format!("text={}&name=Ana&colour=pink", enc(&long)));
    assert_eq!(r.status, 413);
    assert!(r.body.contains("Too long: 508 characters, 500 at most."));
    // What was typed comes back, escaped, to be shortened.
    assert!(r.body.contains("&lt;script&gt;x&lt;&#x2f;script&gt;aaaa"));
    assert!(!r.body.contains("<script>x"));
    assert!(r.body.contains(r#"value="Ana""#));
    assert!(r.body.contains(r#"value="pink" checked"#));
    let r = post_js(&u, &sticky(&"b".repeat(501)));
    assert_eq!(r.status, 413);
    assert_eq!(
        r.body,
        "Too long: 501 characters, 500 at most. Shorten it and send again."
    );
    let r = post(&u, format!("text=ok&name={}", "n".repeat(61)));
    assert_eq!(r.status, 400);
    assert!(r.body.contains("The name is too long"));
    assert!(c.try_recv().is_empty());
    still_works(&c, "short enough");
}

#[test]
fn too_many_posts_from_one_device_get_429_then_pass_again_later() {
    let c = start(|cfg| cfg.per_minute = 3);
    let u = url(&c);
    for i in 0..3 {
        assert_eq!(post(&u, sticky(&format!("idea {i}"))).status, 303);
    }
    let r = post(&u, sticky("one too many"));
    assert_eq!(r.status, 429);
    assert_eq!(r.header("Retry-After"), Some("60"));
    assert!(r.body.contains("That is a lot of stickies in a minute!"));
    assert!(
        r.body.contains("one too many</textarea>"),
        "kept to send later"
    );
    let r = post_js(&u, &sticky("and another"));
    assert_eq!(r.status, 429);
    assert!(r.body.starts_with("That is a lot"));
    assert_eq!(texts(&c.try_recv()), ["idea 0", "idea 1", "idea 2"]);
    // Reading the page is not limited.
    assert_eq!(get(&u).status, 200);
}

#[test]
fn malformed_and_hostile_bodies_are_refused_and_the_server_keeps_running() {
    let c = start(|_| {});
    let u = url(&c);
    let refused: [(&str, &[u8], u16); 10] = [
        ("bad escape", b"text=50%&colour=pink", 400),
        ("bad hex", b"text=%zz", 400),
        ("invalid utf-8", b"text=%FF%FE", 400),
        ("raw invalid utf-8", b"text=\xc3\x28", 400),
        ("no text", b"name=Ana&colour=pink", 400),
        ("empty text", b"text=+%0D%0A+&colour=pink", 400),
        ("only nul", b"text=%00%00", 400),
        ("unknown colour", b"text=hi&colour=%3Cscript%3E", 400),
        ("empty body", b"", 400),
        ("binary junk", b"\x00\x01\x02\xff=\xfe", 400),
    ];
    for (what, body, status) in refused {
        let r = post(&u, body);
        assert_eq!(r.status, status, "{what}");
        assert!(
            r.body.contains("could not be read")
                || r.body.contains("Write something first")
                || r.body.contains("Unknown colour"),
            "{what}: {}",
            r.body
        );
        assert!(!r.body.contains("<script>"), "{what}");
    }
    // Not a form.
    for ct in [
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/json",
    ] {
        let r = reply(agent().post(&u).header("Content-Type", ct).send("text=hi"));
        assert_eq!(r.status, 415, "{ct}");
    }
    let r = reply(agent().post(&u).send_empty());
    assert_eq!(r.status, 415);

    // A megabyte, declared: refused before it is read.
    let big = format!("text={}", "a".repeat(1024 * 1024));
    match agent()
        .post(&u)
        .header("Content-Type", FORM)
        .send(big.as_str())
    {
        Ok(r) => {
            let r = reply(Ok(r));
            assert_eq!(r.status, 413);
            assert!(r.body.contains("Too much text at once"));
        }
        Err(e) => eprintln!("the 1 MB post was cut off, which is fine: {e}"),
    }
    // A megabyte, chunked: read up to the limit, then refused.
    let mut chunked = std::io::Cursor::new(big.into_bytes());
    let sent = agent()
        .post(&u)
        .header("Content-Type", FORM)
        .send(ureq::SendBody::from_reader(&mut chunked));
    if let Ok(r) = sent {
        assert_eq!(reply(Ok(r)).status, 413);
    }
    // Just over the body limit.
    let r = post(&u, format!("text={}", "a".repeat(16 * 1024)));
    assert_eq!(r.status, 413);

    // Hostile but well-formed: kept verbatim (the app neutralises it on
    // screen); NUL bytes go, CRLF becomes LF.
    let hostile = r#"<script>alert('x')</script> "quoted" & <img src=x onerror=alert(1)>"#;
    assert_eq!(post(&u, sticky(hostile)).status, 303);
    assert_eq!(
        post(&u, "text=a%00b%0D%0Ac%1B%5B31m&name=%00Zo%0A%C3%A9").status,
        303
    );
    let got = c.try_recv();
    assert_eq!(texts(&got), [hostile, "ab\nc\u{1b}[31m"]);
    assert_eq!(got[1].name.as_deref(), Some("Zo é"));
    still_works(&c, "after the hostile bodies");
}

/// Write raw bytes; read what comes back within a second, if anything.
fn raw(addr: SocketAddr, bytes: &[u8]) -> String {
    exchange(addr, bytes, Duration::from_secs(1)).0
}

#[test]
fn broken_requests_on_raw_sockets_do_not_stop_the_server() {
    let c = start(|_| {});
    let u = url(&c);
    let path = u.trim_start_matches(&root(&c)).to_owned();
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, c.port()));

    assert!(raw(addr, b"garbage\r\n\r\n").starts_with("HTTP/1.1 400"));
    assert!(raw(addr, b"GET / HTTP/1.1\r\nno colon here\r\n\r\n").starts_with("HTTP/1.1 400"));
    raw(addr, b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    raw(addr, &[0xff; 4096]);
    raw(addr, b"");
    // Declared bodies far larger than memory, or than a number: refused
    // before anything of them is read.
    let huge = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n\
         Content-Length: 1000000000000000\r\n\r\ntext=hello"
    );
    assert!(raw(addr, huge.as_bytes()).starts_with("HTTP/1.1 413"));
    let overflow = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n"
    );
    assert!(raw(addr, overflow.as_bytes()).starts_with("HTTP/1.1 413"));
    let negative = format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n");
    assert!(raw(addr, negative.as_bytes()).starts_with("HTTP/1.1 400"));
    // Headers without end, or too many of them.
    let endless = format!("GET {path} HTTP/1.1\r\nX: {}", "a".repeat(9000));
    assert!(raw(addr, endless.as_bytes()).starts_with("HTTP/1.1 431"));
    let many = format!("GET {path} HTTP/1.1\r\n{}\r\n", "X: a\r\n".repeat(100));
    assert!(raw(addr, many.as_bytes()).starts_with("HTTP/1.1 431"));
    // A body cut short is not half a sticky.
    let short = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n\
         Content-Length: 5000\r\n\r\ntext=half"
    );
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(short.as_bytes()).unwrap();
    s.shutdown(std::net::Shutdown::Write).unwrap();
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    drop(s);
    // A 100-continue post answers as usual.
    let expect = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n\
         Expect: 100-continue\r\nContent-Length: 9\r\nConnection: close\r\n\r\ntext=cont"
    );
    let answer = raw(addr, expect.as_bytes());
    assert!(answer.contains("303"), "{answer}");
    assert_eq!(texts(&c.try_recv()), ["cont"]);
    still_works(&c, "after the raw sockets");
}

/// What the server sends for `bytes` and whether it then closed the
/// connection, waiting `wait` at most.
fn exchange(addr: SocketAddr, bytes: &[u8], wait: Duration) -> (String, bool) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(wait)).unwrap();
    let _ = s.write_all(bytes);
    let mut out = Vec::new();
    let closed = s.read_to_end(&mut out).is_ok();
    (String::from_utf8_lossy(&out).into_owned(), closed)
}

#[test]
fn a_body_announced_over_the_limit_gets_413_at_once_and_the_connection_closes() {
    let c = start(|_| {});
    let u = url(&c);
    let path = u.trim_start_matches(&root(&c)).to_owned();
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, c.port()));
    // Far longer than the 10 s the server gives a body: an answer within
    // it can only be the refusal, sent without waiting for the body.
    let wait = Duration::from_secs(8);
    for target in ["/", "/c/wrong-token", path.as_str()] {
        let head = format!(
            "POST {target} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n\
             Content-Length: 100000000\r\n\r\ntext=the+start"
        );
        let (answer, closed) = exchange(addr, head.as_bytes(), wait);
        assert!(answer.starts_with("HTTP/1.1 413 "), "{target}: {answer}");
        assert!(closed, "{target}: the connection stays open");
        assert!(answer.contains("\r\nConnection: close\r\n"));
    }
    // Chunked, no length announced: refused once the limit is passed.
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(wait)).unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n\
         Transfer-Encoding: chunked\r\n\r\n"
    );
    s.write_all(head.as_bytes()).unwrap();
    let chunk = format!("1000\r\n{}\r\n", "a".repeat(0x1000));
    for _ in 0..5 {
        if s.write_all(chunk.as_bytes()).is_err() {
            break;
        }
    }
    let mut out = Vec::new();
    let closed = s.read_to_end(&mut out).is_ok();
    let answer = String::from_utf8_lossy(&out);
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
    assert!(answer.contains("Too much text at once"), "{answer}");
    assert!(closed);
    // A small chunked post still arrives.
    let small = format!("{head}8\r\ntext=chu\r\n3\r\nnks\r\n0\r\n\r\n");
    let (answer, _) = exchange(addr, small.as_bytes(), wait);
    assert!(answer.starts_with("HTTP/1.1 303 "), "{answer}");
    assert_eq!(texts(&c.try_recv()), ["chunks"]);
    still_works(&c, "after the large bodies");
}

/// Limits short enough for a test to see them expire.
fn short_limits(cfg: &mut CollectConfig) {
    cfg.limits = Limits {
        connections: 6,
        per_device: 4,
        head_timeout: Duration::from_millis(700),
        body_timeout: Duration::from_millis(700),
        send_timeout: Duration::from_millis(700),
    };
}

#[test]
fn a_request_late_on_its_head_or_body_gets_408_and_is_closed() {
    let c = start(short_limits);
    let u = url(&c);
    let path = u.trim_start_matches(&root(&c)).to_owned();
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, c.port()));
    let wait = Duration::from_secs(20);
    let head_only = format!("GET {path} HTTP/1.1\r\nHost:");
    let half_body = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n\
         Content-Length: 40\r\n\r\ntext=sl"
    );
    for (what, bytes) in [
        ("nothing", ""),
        ("half a head", head_only.as_str()),
        ("half a body", half_body.as_str()),
    ] {
        let (answer, closed) = exchange(addr, bytes.as_bytes(), wait);
        assert!(answer.starts_with("HTTP/1.1 408 "), "{what}: {answer}");
        assert!(answer.ends_with("The connection was too slow. Send again."));
        assert!(closed, "{what}");
    }
    assert!(c.try_recv().is_empty());
    still_works(&c, "after the slow ones");
}

#[test]
fn connections_past_the_bounds_are_refused_with_503_at_once() {
    let c = start(|cfg| {
        short_limits(cfg);
        cfg.limits.head_timeout = Duration::from_secs(30);
        cfg.lang = "fr".into();
    });
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, c.port()));
    // Four idle connections: all this device may hold.
    let idle: Vec<TcpStream> = (0..4).map(|_| TcpStream::connect(addr).unwrap()).collect();
    let (answer, closed) = exchange(addr, b"GET / HTTP/1.1\r\n\r\n", Duration::from_secs(20));
    assert!(answer.starts_with("HTTP/1.1 503 "), "{answer}");
    assert!(answer.contains("\r\nRetry-After: 5\r\n"));
    assert!(answer.ends_with(
        "Beaucoup de téléphones envoient en même temps. Attendez un peu, puis renvoyez."
    ));
    assert!(closed);
    // Closing one lets the next in.
    drop(idle);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let r = get(&url(&c));
        if r.status == 200 {
            break;
        }
        assert_eq!(r.status, 503);
        assert!(
            Instant::now() < deadline,
            "the closed connections were never freed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_slow_device_does_not_hold_up_the_others() {
    let c = start(|_| {});
    let u = url(&c);
    let path = u.trim_start_matches(&root(&c)).to_owned();
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, c.port()));
    let mut slow = TcpStream::connect(addr).unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nContent-Length: 4000\r\n\r\ntext=sl"
    );
    slow.write_all(head.as_bytes()).unwrap();
    let mut idle = TcpStream::connect(addr).unwrap();
    idle.write_all(b"GET / HTTP/1.1\r\nHost:").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    still_works(&c, "while two are slow");
    let t = Instant::now();
    c.stop();
    assert!(
        t.elapsed() < Duration::from_secs(3),
        "stop does not wait for them"
    );
    drop((slow, idle));
}

#[test]
fn the_port_is_closed_after_stop_and_after_drop() {
    let c = start(|_| {});
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, c.port()));
    // A keep-alive connection open at the time of stopping.
    let agent = agent();
    assert_eq!(agent.get(&url(&c)).call().unwrap().status().as_u16(), 200);
    assert_eq!(post(&url(&c), sticky("not taken yet")).status, 303);
    let left = c.stop();
    assert_eq!(texts(&left), ["not taken yet"], "stop hands back the rest");
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(),
        "port {} still open after stop",
        addr.port()
    );

    let c = start(|_| {});
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, c.port()));
    drop(c);
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err());
}

#[test]
fn a_taken_port_is_a_clear_error_and_a_chosen_port_is_used() {
    let c = start(|_| {});
    let taken = c.port();
    let err = Collector::start(CollectConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: taken,
        ..CollectConfig::default()
    })
    .unwrap_err();
    assert!(
        err.starts_with(&format!("cannot listen on 127.0.0.1 port {taken}")),
        "{err}"
    );
    // In French, the reason too.
    let err = Collector::start(CollectConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: taken,
        lang: "fr".into(),
        ..CollectConfig::default()
    })
    .unwrap_err();
    assert_eq!(
        err,
        format!(
            "impossible d’écouter sur 127.0.0.1 le port {taken}\u{a0}: un autre programme utilise déjà ce port"
        )
    );
    c.stop();
    // Now free: the same port, chosen.
    let c = start(|cfg| cfg.port = taken);
    assert_eq!(c.port(), taken);
    assert!(url(&c).starts_with(&format!("http://127.0.0.1:{taken}/c/")));
}

#[test]
fn each_start_has_a_fresh_unguessable_token() {
    let a = start(|_| {});
    let b = start(|_| {});
    let token = |c: &Collector| url(c).rsplit('/').next().unwrap().to_owned();
    let (ta, tb) = (token(&a), token(&b));
    assert_eq!(ta.len(), 26, "128 bits in base32");
    assert_ne!(ta, tb);
    // A's token does not open B.
    let on_b = format!("{}/c/{ta}", root(&b));
    assert_eq!(get(&on_b).status, 404);
}

#[test]
fn urls_and_qr_codes() {
    let c = start(|_| {});
    let u = url(&c);
    assert!(u.starts_with(&format!("http://127.0.0.1:{}/c/", c.port())));
    let lines = c.qr(&u);
    assert!(!lines.is_empty());
    let width = lines[0].chars().count();
    assert!(lines.iter().all(|l| l.chars().count() == width));
    // Two module rows per line: as tall as wide on a terminal's cells.
    assert_eq!(lines.len(), width.div_ceil(2));
    assert!((25..=60).contains(&width), "{width}");
    assert!(
        lines
            .iter()
            .all(|l| l.chars().all(|ch| " ▀▄█".contains(ch)))
    );
    c.stop();

    // Every interface: one address per non-loopback IPv4 interface, or
    // loopback; each with the port and the token path.
    let c = Collector::start(CollectConfig::default()).unwrap();
    assert!(c.addr().ip().is_unspecified());
    let urls = c.urls();
    assert!(!urls.is_empty());
    let path = urls[0]
        .split_once(&format!(":{}", c.port()))
        .unwrap()
        .1
        .to_owned();
    assert!(path.starts_with("/c/"));
    for u in &urls {
        assert!(u.starts_with("http://") && u.ends_with(&format!(":{}{path}", c.port())));
        assert!(!u.contains("0.0.0.0"));
    }
}

#[test]
fn a_collector_can_live_in_the_app_state_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Collector>();
    send_sync::<Incoming>();
}

// ------------------------------------------------------------------ ballots

use atelier::collect::{Arrival, BallotBox, BallotVoter, CastBallot, RoundInfo};
use atelier::model::{
    Ballot, BallotItem, BallotOn, Cluster, Id, Ids, Participant, Role, Session, Target,
};

/// A session with two participants and three clusters, one titled with
/// markup, and an open round of 3 dots, at most 2 on one item.
fn voting_session() -> (Session, Id) {
    let mut s = Session::new(Id::from("lunch"), "Lunch");
    for (id, name) in [("ana", "Ana"), ("bo", "Bo <b>")] {
        s.participants.push(Participant {
            id: Id(id.into()),
            name: name.into(),
            role: Role::Citizen,
            organisation: String::new(),
        });
    }
    for (id, title) in [
        ("c1", "Faster queue"),
        ("c2", "Veggie <script>alert(1)</script> & \"more\""),
        ("c3", "Quiet room"),
    ] {
        s.clusters.push(Cluster {
            id: Id(id.into()),
            title: title.into(),
            stage: None,
        });
    }
    let now = atelier::model::Timestamp::now();
    let (round, op) = s.new_round("Which first?", 3, Some(2), None, now, Id::from("round"));
    s.apply(op);
    (s, round)
}

/// The round as the app publishes it.
fn published(s: &Session, round: &Id, open: bool) -> RoundInfo {
    RoundInfo::of(s, round, BallotOn::Clusters, open).expect("the round")
}

fn voting(anonymous: bool) -> (Collector, Session, Id) {
    let (mut s, round) = voting_session();
    if anonymous {
        let ops = s.set_round_anonymous(&round, true);
        s.apply_all(ops);
    }
    let c = start(|_| {});
    c.set_round(Some(published(&s, &round, true)));
    (c, s, round)
}

fn ballot_body(round: &Id, voter: &str, dots: &[(&str, &str)]) -> String {
    let mut body = format!(
        "round={}&voter={}&guest=&device=",
        enc(round.as_str()),
        enc(voter)
    );
    for (id, n) in dots {
        body.push_str(&format!("&dot-{id}={}", enc(n)));
    }
    body
}

fn post_cookie(url: &str, body: &str, cookie: &str) -> Reply {
    reply(
        agent()
            .post(url)
            .header("Content-Type", FORM)
            .header("Cookie", cookie)
            .send(body),
    )
}

fn ballots(c: &Collector) -> Vec<CastBallot> {
    c.receive()
        .into_iter()
        .map(|a| match a {
            Arrival::Ballot(b) => b,
            Arrival::Sticky(s) => panic!("a sticky: {s:?}"),
        })
        .collect()
}

fn cluster(id: &str) -> Target {
    Target::Cluster(Id(id.into()))
}

#[test]
fn an_open_round_turns_the_page_into_an_escaped_ballot() {
    let (c, _, round) = voting(false);
    let page = get(&url(&c));
    assert_eq!(page.status, 200);
    let b = &page.body;
    assert!(b.contains("<h1>Which first?</h1>"), "{b}");
    assert!(
        b.contains("You have 3 dots. At most 2 dots on one item."),
        "{b}"
    );
    assert!(!b.contains("<textarea"), "no sticky form while voting");
    // Every item, escaped, in the label and in the buttons' names.
    assert!(b.contains("Faster queue") && b.contains("Quiet room"));
    assert!(!b.contains("<script>alert"), "{b}");
    assert!(
        b.contains("Veggie &lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; &quot;more&quot;"),
        "{b}"
    );
    assert!(
        b.contains(r#"aria-label="One more dot on “Veggie &lt;script&gt;"#),
        "{b}"
    );
    assert!(b.contains(r#"name="dot-c1""#) && b.contains(r#"max="2""#));
    assert!(b.contains(&format!(r#"name="round" value="{}""#, round.as_str())));
    // The names to choose from, escaped, and a guest.
    assert!(b.contains(r#"<option value="ana">Ana</option>"#), "{b}");
    assert!(
        b.contains(r#"<option value="bo">Bo &lt;b&gt;</option>"#),
        "{b}"
    );
    assert!(b.contains(r#"<option value="guest">Someone else</option>"#));
    assert!(b.contains("No ballot in yet."));
    // A ballot id for this phone, kept in a cookie on the token path only.
    let cookie = page.header("Set-Cookie").expect("a cookie");
    let path = url(&c).trim_start_matches(&root(&c)).to_owned();
    assert!(cookie.starts_with("atelier-ballot="), "{cookie}");
    assert!(cookie.contains(&format!("Path={path}; HttpOnly; SameSite=Strict")));
    c.set_turnout(4);
    assert!(get(&url(&c)).body.contains("4 ballots in so far."));
    // The round withdrawn: the sticky form again.
    c.set_round(None);
    assert!(get(&url(&c)).body.contains("<textarea"));
}

#[test]
fn valid_ballots_arrive_and_are_confirmed_refused_ones_say_why() {
    let (c, _, round) = voting(false);
    let u = url(&c);
    let r = post(
        &u,
        ballot_body(&round, "ana", &[("c1", "2"), ("c2", ""), ("c3", "1")]),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body
            .contains("Your dots are in! Send again to change them.")
    );
    // The page shows what was sent, to change it.
    assert!(r.body.contains(r#"name="dot-c1" min="0" max="2" step="1" inputmode="numeric" placeholder="0" value="2""#), "{}", r.body);
    assert!(
        r.body
            .contains(r#"<option value="ana" selected>Ana</option>"#)
    );
    let got = ballots(&c);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].round, round);
    assert_eq!(got[0].voter, BallotVoter::Participant(Id("ana".into())));
    assert_eq!(
        got[0].ballot,
        Ballot::new([(cluster("c1"), 2), (cluster("c3"), 1)])
    );

    // (voter, dots, how the message starts); the last from an old page.
    let veggie = "3 dots on “Veggie <script>alert(1)</script> & \"more\"”, but 2 at most";
    type Refusal<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let refusals: [Refusal; 9] = [
        (
            "ana",
            &[("c1", "2"), ("c2", "1"), ("c3", "1")],
            "4 dots placed, but you have 3.",
        ),
        ("ana", &[("c2", "3")], veggie),
        (
            "ana",
            &[("c9", "1")],
            "An item of this ballot is no longer on the wall.",
        ),
        ("ana", &[("c1", "")], "Place at least one dot."),
        ("", &[("c1", "1")], "Choose your name first."),
        ("zed", &[("c1", "1")], "This name is no longer on the list."),
        ("ana", &[("c1", "-1")], "Write whole numbers of dots"),
        ("ana", &[("c1", "1000")], "Write whole numbers of dots"),
        (
            "ana",
            &[("c1", "1")],
            "The vote changed since this page was loaded.",
        ),
    ];
    let old = Id("old-round".into());
    let last = refusals.len() - 1;
    let refusals = refusals
        .iter()
        .enumerate()
        .map(|(i, (voter, dots, message))| {
            let (of, status) = if i == last {
                (&old, 409)
            } else {
                (&round, 400)
            };
            (ballot_body(of, voter, dots), status, *message)
        });
    for (body, status, message) in refusals {
        let r = post_js(&u, &body);
        assert_eq!(r.status, status, "{body}: {}", r.body);
        assert!(r.body.starts_with(message), "{body}: {}", r.body);
        // Without the script: the page again, the message escaped in it.
        let r = post(&u, &body);
        assert_eq!(r.status, status, "{body}");
        assert!(r.body.contains(r#"class="status err""#), "{body}");
        assert!(!r.body.contains("<script>alert"), "{body}");
    }
    assert!(c.receive().is_empty(), "nothing refused arrives");
    // An item gone since the page was loaded, left at zero, is no matter.
    let r = post_js(&u, &ballot_body(&round, "bo", &[("c1", "1"), ("gone", "")]));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body, "Your dots are in! Send again to change them.");
    assert_eq!(
        ballots(&c)[0].voter,
        BallotVoter::Participant(Id("bo".into()))
    );
}

#[test]
fn a_second_ballot_replaces_the_first_in_the_session() {
    let (c, mut s, round) = voting(false);
    let u = url(&c);
    for dots in [[("c1", "2"), ("c2", "1")], [("c3", "2"), ("c2", "1")]] {
        assert_eq!(post_js(&u, &ballot_body(&round, "ana", &dots)).status, 200);
    }
    // A guest, from a phone, and the same phone again.
    let guest = |dots: &str| {
        format!(
            "round={}&voter=guest&guest=Chlo%C3%A9&device=&dot-c1={dots}",
            enc(round.as_str())
        )
    };
    let cookie = format!("atelier-ballot={}", "a".repeat(26));
    assert_eq!(post_cookie(&u, &guest("2"), &cookie).status, 200);
    assert_eq!(post_cookie(&u, &guest("1"), &cookie).status, 200);
    let got = ballots(&c);
    assert_eq!(got.len(), 4);
    assert_eq!(got[0].voter.key(), got[1].voter.key());
    assert_eq!(got[2].voter.key(), got[3].voter.key());
    assert_ne!(got[0].voter.key(), got[2].voter.key());
    assert_eq!(
        got[2].voter,
        BallotVoter::Guest {
            device: "a".repeat(26),
            name: Some("Chloé".into())
        }
    );
    // As the app applies them: each ballot one step; a voter's second
    // ballot replaces the first.
    let mut ballot_box = BallotBox::new(round.clone());
    let mut ids = Ids::seeded(7);
    let mut steps = Vec::new();
    for b in &got {
        let ops = ballot_box.ops(&s, b, &mut ids).unwrap();
        let undo = s.apply_all(ops);
        steps.push((undo, b.voter.clone(), ballot_box.record(b)));
    }
    let tally = s.tally(Some(&round));
    assert_eq!(tally.get(&cluster("c1")), Some(&1), "{tally:?}");
    assert_eq!(tally.get(&cluster("c2")), Some(&1));
    assert_eq!(tally.get(&cluster("c3")), Some(&2));
    assert_eq!(ballot_box.turnout(), 2);
    // Undo the guest's second ballot: their first is back, and replacing
    // it again takes the right dots off.
    let (undo, voter, before) = steps.pop().unwrap();
    s.apply_all(undo);
    ballot_box.restore(&voter, before);
    assert_eq!(s.tally(Some(&round)).get(&cluster("c1")), Some(&2));
    let ops = ballot_box.ops(&s, &got[3], &mut ids).unwrap();
    s.apply_all(ops);
    ballot_box.record(&got[3]);
    assert_eq!(s.tally(Some(&round)).get(&cluster("c1")), Some(&1));
    // A ballot of another round is not this box's.
    let mut other = got[0].clone();
    other.round = Id("other".into());
    assert!(ballot_box.ops(&s, &other, &mut ids).is_err());
    assert_eq!(s.dots_spent(&round, &Id("ana".into())), 3);
}

#[test]
fn a_closed_round_closes_the_ballot() {
    let (c, s, round) = voting(false);
    let u = url(&c);
    c.set_round(Some(published(&s, &round, false)));
    let page = get(&u);
    assert!(
        page.body.contains("The vote is closed. Thank you!"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<form") && !page.body.contains("<textarea"));
    let body = ballot_body(&round, "ana", &[("c1", "1")]);
    let r = post_js(&u, &body);
    assert_eq!(
        (r.status, r.body.as_str()),
        (
            409,
            "The vote is closed. Thank you! The facilitator will share the results."
        )
    );
    // The sticky form back, and a ballot from an old page refused.
    c.set_round(None);
    let r = post_js(&u, &body);
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(c.receive().is_empty());
}

/// The phone's ballot id a page sets in its cookie, checked to be the one
/// its form sends too.
fn ballot_id(page: &Reply) -> String {
    let cookie = page.header("Set-Cookie").expect("a ballot id cookie");
    let device = cookie
        .trim_start_matches("atelier-ballot=")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let field = format!(r#"name="device" value="{device}""#);
    assert!(page.body.contains(&field), "{}", page.body);
    device
}

#[test]
fn anonymous_ballots_ask_no_name_and_count_per_phone() {
    let (c, _, round) = voting(true);
    let u = url(&c);
    let page = get(&u);
    assert!(
        page.body
            .contains("This vote is anonymous: no name is asked.")
    );
    assert!(
        !page.body.contains("<select") && !page.body.contains("Ana"),
        "{}",
        page.body
    );
    // The page's ballot id is the cookie's.
    let device = ballot_id(&page);
    let with = |voter: &str, device: &str| {
        format!(
            "round={}&voter={voter}&device={device}&dot-c1=1",
            enc(round.as_str())
        )
    };
    // With the cookie; without it (the form's field); a name sent anyway
    // is dropped; a made-up ballot id is replaced by a fresh one.
    let cookie = format!("atelier-ballot={device}");
    assert_eq!(post_cookie(&u, &with("ana", "x"), &cookie).status, 200);
    assert_eq!(post(&u, with("", &device)).status, 200);
    let r = post(&u, with("", "not-ours"));
    assert_eq!(r.status, 200);
    // A fresh id, and the page answering names the phone as its ballot did.
    let fresh = ballot_id(&r);
    let got = ballots(&c);
    let keys: Vec<String> = got.iter().map(|b| b.voter.key()).collect();
    assert_eq!(
        got[0].voter,
        BallotVoter::Anonymous {
            device: device.clone()
        }
    );
    assert_eq!(keys[0], keys[1]);
    assert_ne!(keys[0], keys[2]);
    assert_eq!(got[2].voter, BallotVoter::Anonymous { device: fresh });
}

#[test]
fn ballots_wait_for_receive_and_stickies_still_come_through_try_recv() {
    let (c, _, round) = voting(false);
    let u = url(&c);
    assert_eq!(post(&u, sticky("Still a sticky")).status, 303);
    assert_eq!(
        post_js(&u, &ballot_body(&round, "ana", &[("c1", "1")])).status,
        200
    );
    assert_eq!(post(&u, sticky("Another")).status, 303);
    assert_eq!(texts(&c.try_recv()), ["Still a sticky", "Another"]);
    let rest = c.receive();
    assert_eq!(rest.len(), 1);
    assert!(matches!(rest[0], Arrival::Ballot(_)));
    // In order, both kinds, and what is left when the collection stops.
    assert_eq!(post(&u, sticky("Last")).status, 303);
    assert_eq!(
        post_js(&u, &ballot_body(&round, "bo", &[("c2", "1")])).status,
        200
    );
    let last = c.stop_all();
    assert!(matches!(&last[0], Arrival::Sticky(s) if s.text == "Last"));
    assert!(matches!(&last[1], Arrival::Ballot(b) if b.ballot.on(&cluster("c2")) == 1));
}

#[test]
fn ballots_count_against_the_rate_limit_and_speak_french() {
    let (s, round) = voting_session();
    let c = start(|cfg| {
        cfg.per_minute = 2;
        cfg.lang = "fr".into();
    });
    c.set_round(Some(published(&s, &round, true)));
    let u = url(&c);
    let page = get(&u);
    assert!(
        page.body.contains("Vous avez 3 gommettes."),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Quelqu&#x27;un d&#x27;autre"),
        "{}",
        page.body
    );
    let over = ballot_body(&round, "ana", &[("c1", "2"), ("c3", "2")]);
    let r = post_js(&u, &over);
    assert_eq!(r.status, 400);
    assert_eq!(
        r.body,
        "4 gommettes placées, mais vous en avez 3. Retirez-en puis renvoyez."
    );
    let ok = ballot_body(&round, "ana", &[("c1", "1")]);
    assert_eq!(
        post_js(&u, &ok).body,
        "Vos gommettes sont comptées\u{a0}! Renvoyez pour les changer."
    );
    let r = post_js(&u, &ok);
    assert_eq!(r.status, 429);
    assert_eq!(r.header("Retry-After"), Some("60"));
    assert_eq!(ballots(&c).len(), 1);
}

#[test]
fn ballot_item_texts_come_from_the_session_items() {
    // The items a round publishes are the model's, texts as written.
    let (s, _) = voting_session();
    let items: Vec<BallotItem> = s.ballot_items(BallotOn::Clusters).collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[1].target, cluster("c2"));
}

/// The issue's workshop, server and model: on the demo, a new round on its
/// clusters; five phones vote (three participants, a guest, one of them
/// twice), each ballot applied as one step; the ranking is the sum.
#[test]
fn five_phones_vote_on_the_demo_clusters() {
    let mut s = atelier::store::load_str("demo.ron", include_str!("../sessions/demo.ron"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(s.clusters.len() >= 3 && s.participants.len() >= 3);
    let now = atelier::model::Timestamp::now();
    let (round, op) = s.new_round("Phones", 3, Some(2), None, now, Id::from("phones"));
    s.apply(op);
    let c = start(|_| {});
    c.set_round(Some(published(&s, &round, true)));
    let u = url(&c);
    let page = get(&u).body;
    for cl in &s.clusters {
        assert!(page.contains(&format!(r#"name="dot-{}""#, cl.id.as_str())));
    }
    let ids: Vec<String> = s.clusters.iter().map(|c| c.id.0.clone()).collect();
    let who: Vec<String> = s.participants.iter().map(|p| p.id.0.clone()).collect();
    let phones = [
        (
            who[0].as_str(),
            vec![(ids[0].as_str(), "2"), (ids[1].as_str(), "1")],
        ),
        (
            who[1].as_str(),
            vec![(ids[0].as_str(), "1"), (ids[2].as_str(), "2")],
        ),
        (who[2].as_str(), vec![(ids[1].as_str(), "2")]),
        ("guest", vec![(ids[2].as_str(), "1")]),
        // The first phone changes its mind.
        (
            who[0].as_str(),
            vec![(ids[2].as_str(), "2"), (ids[1].as_str(), "1")],
        ),
    ];
    for (i, (voter, dots)) in phones.iter().enumerate() {
        let body = ballot_body(&round, voter, dots);
        let cookie = format!(
            "atelier-ballot={}",
            char::from(b'a' + i as u8).to_string().repeat(26)
        );
        let r = post_cookie(&u, &body, &cookie);
        assert_eq!(r.status, 200, "{}", r.body);
    }
    let mut ballot_box = BallotBox::new(round.clone());
    let mut new_ids = Ids::seeded(7);
    for b in ballots(&c) {
        let ops = ballot_box.ops(&s, &b, &mut new_ids).unwrap();
        assert!(!ops.is_empty());
        s.apply_all(ops);
        ballot_box.record(&b);
        c.set_turnout(ballot_box.turnout());
    }
    assert_eq!(ballot_box.turnout(), 4);
    assert!(get(&u).body.contains("4 ballots in so far."));
    let ranked: Vec<(String, u32)> = s
        .ranking(Some(&round))
        .into_iter()
        .map(|r| (r.target.id().0.clone(), r.count))
        .collect();
    assert_eq!(
        ranked,
        [
            (ids[2].clone(), 5),
            (ids[1].clone(), 3),
            (ids[0].clone(), 1)
        ]
    );
    assert!(atelier::model::validate(&s).is_empty());
    c.set_round(Some(published(&s, &round, false)));
    assert_eq!(
        post_js(&u, &ballot_body(&round, &who[0], &[(&ids[0], "1")])).status,
        409
    );
}

#[test]
fn a_round_on_stickies_lists_60_at_most_and_a_full_ballot_fits_the_body_limit() {
    let (mut s, round) = voting_session();
    let mut ids = Ids::seeded(7 << 64);
    for i in 0..70 {
        let id = ids.next_id();
        let op = s.new_sticky(
            &format!("Idée n°{i} <i>涼</i>"),
            None,
            Colour::Yellow,
            None,
            &atelier::model::Place::Inbox,
            atelier::model::Timestamp::now(),
            id,
        );
        s.apply(op);
    }
    s.stickies[0].private = true;
    s.stickies[1].parked = true;
    s.rounds[0].on_stickies = true;
    assert_eq!(s.round_on(&round), BallotOn::Stickies, "clusters or not");
    let info = RoundInfo::of(&s, &round, s.round_on(&round), true).expect("the round");
    assert_eq!(info.items.len(), atelier::model::BALLOT_MAX_ITEMS);
    let c = start(|_| {});
    c.set_round(Some(info.clone()));
    let page = get(&url(&c));
    let b = &page.body;
    assert_eq!(b.matches(r#"name="dot-"#).count(), 60, "{b}");
    assert!(
        !b.contains("Idée n°0 ") && !b.contains("Idée n°1 "),
        "private, parked"
    );
    assert!(
        b.contains("Idée n°2 &lt;i&gt;涼&lt;&#x2f;i&gt;"),
        "escaped: {b}"
    );
    // Every field sent, three dots placed: well within the body limit.
    let dots: Vec<(String, &str)> = info
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            (
                item.target.id().as_str().to_owned(),
                if i < 3 { "1" } else { "" },
            )
        })
        .collect();
    let dots: Vec<(&str, &str)> = dots.iter().map(|(id, n)| (id.as_str(), *n)).collect();
    let body = ballot_body(&round, "ana", &dots);
    assert!(
        body.len() < atelier::collect::BODY_MAX / 2,
        "{}",
        body.len()
    );
    let r = post_js(&url(&c), &body);
    assert_eq!(r.status, 200, "{}", r.body);
    let got = ballots(&c);
    let targets: Vec<&Target> = got[0].ballot.iter().map(|(t, _)| t).collect();
    assert_eq!(targets.len(), 3);
    assert!(targets.iter().all(|t| matches!(t, Target::Sticky(_))));
}

/// The errors that had no body (404, 405, 413, 400) are small pages in the
/// collection's language, escaped, with a link back to the form only on
/// the form's own address; their statuses are unchanged.
#[test]
fn http_errors_are_small_pages_in_the_collection_s_language() {
    for (lang, words) in [
        (
            "en",
            [
                "This page does not exist",
                "This page only takes the form",
                "Too much at once",
                "This request could not be read",
                "Back to the form",
            ],
        ),
        (
            "fr",
            [
                "Cette page n&#x27;existe pas",
                "Cette page ne reçoit que le formulaire",
                "Trop de texte d&#x27;un coup",
                "Cette demande n&#x27;a pas pu être lue",
                "Revenir au formulaire",
            ],
        ),
    ] {
        let c = start(|cfg| cfg.lang = lang.into());
        let u = url(&c);
        let path = u.trim_start_matches(&root(&c)).to_owned();
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, c.port()));
        let page = |r: &Reply| {
            assert_eq!(
                r.header("Content-Type"),
                Some("text/html; charset=utf-8"),
                "{lang}"
            );
            assert!(
                r.body.contains(&format!("<html lang=\"{lang}\">")),
                "{lang}"
            );
        };
        // 404: no link, the token never named.
        let r = get(&format!("{}/c/nope", root(&c)));
        assert_eq!(r.status, 404);
        page(&r);
        assert!(r.body.contains(words[0]), "{lang}: {}", r.body);
        assert!(!r.body.contains("<a "), "{}", r.body);
        // 405 on the form's address: a link back to it.
        let r = reply(agent().put(&u).send("text=x"));
        assert_eq!(r.status, 405);
        assert_eq!(r.header("Allow"), Some("GET, HEAD, POST"));
        page(&r);
        assert!(r.body.contains(words[1]), "{lang}: {}", r.body);
        assert!(
            // minijinja escapes the slashes too; the browser reads them back.
            r.body.contains(&format!(
                "<a href=\"{}\">{}</a>",
                path.replace('/', "&#x2f;"),
                words[4]
            )),
            "{lang}: {}",
            r.body
        );
        // 413 elsewhere and 400: their own words, no link.
        let big = format!(
            "POST /c/nope HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n\
             Content-Length: 1000000000000000\r\n\r\ntext=hello"
        );
        for (bytes, status, word) in [
            (big.as_bytes(), "413", words[2]),
            (&b"garbage\r\n\r\n"[..], "400", words[3]),
        ] {
            let answer = raw(addr, bytes);
            assert!(
                answer.starts_with(&format!("HTTP/1.1 {status} ")),
                "{answer}"
            );
            assert!(answer.contains(word), "{lang} {status}: {answer}");
            assert!(
                !answer.contains("<a ") && !answer.contains(&path),
                "{answer}"
            );
        }
        still_works(&c, "after the error pages");
    }
}

//! The collection server under a flood, counted from inside: the file
//! descriptors (`/proc/self/fd`) and threads (`/proc/self/task`) of this
//! process while hundreds of connections are open, after they time out and
//! after the stop. One test in its own binary, so that nothing else runs
//! beside it and the counts are the server's. Linux only (`/proc`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atelier::collect::{CollectConfig, Collector, Limits};
use atelier::model::Session;
use atelier::store::Store;
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// The usual soft limit of a desktop session: the flood below would pass
/// it if the server kept what it is sent.
const FD_LIMIT: u64 = 1024;
/// Hostile requests, each announcing a 100 MB body, one after the other.
const HOSTILE: usize = 1100;
/// Connections held open at once: idle, half a head, half a body.
const SLOW: usize = 400;

fn count(dir: &str) -> usize {
    std::fs::read_dir(dir).unwrap().count()
}

fn fds() -> usize {
    count("/proc/self/fd")
}

fn threads() -> usize {
    count("/proc/self/task")
}

/// Lower this process's soft limit on descriptors to `FD_LIMIT`.
fn limit_descriptors() {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write `lim`.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim), 0);
        lim.rlim_cur = lim.rlim_cur.min(FD_LIMIT);
        assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &lim), 0);
    }
}

/// Wait until `done()`, `within` at most, polling.
fn wait_until(within: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + within;
    loop {
        if done() {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Send `bytes` on a new connection and read the answer to its end.
fn exchange(addr: SocketAddr, bytes: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = s.write_all(bytes);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn a_flood_is_bounded_freed_in_time_released_at_stop_and_never_stops_a_save() {
    limit_descriptors();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("flood.ron");
    let mut session = Session::new(atelier::model::Id::new(), "Flood");
    let mut store = Store::create(&file, &session).unwrap();
    store.save(&session).unwrap();

    let limits = Limits {
        connections: 64,
        per_device: 64, // every connection here comes from one address
        head_timeout: Duration::from_secs(5),
        body_timeout: Duration::from_secs(5),
        send_timeout: Duration::from_secs(5),
    };
    let (fds_before, threads_before) = (fds(), threads());
    let c = Collector::start(CollectConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        per_minute: 0,
        limits,
        ..CollectConfig::default()
    })
    .unwrap();
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, c.port()));
    let path = c.urls()[0]
        .split_once(&format!(":{}", c.port()))
        .unwrap()
        .1
        .to_owned();
    // The listener, the poll and its waker; one thread.
    let (fds_running, threads_running) = (fds(), threads());
    assert!(
        fds_running <= fds_before + 3,
        "{fds_before} -> {fds_running}"
    );
    assert_eq!(threads_running, threads_before + 1);

    // Hostile requests, with and without the token, each answered 413 and
    // closed: none is kept.
    for i in 0..HOSTILE {
        let target = if i % 2 == 0 { path.as_str() } else { "/" };
        let answer = exchange(
            addr,
            format!("POST {target} HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n")
                .as_bytes(),
        );
        assert!(
            answer.starts_with("HTTP/1.1 413 "),
            "request {i}: {answer:?}"
        );
    }

    // Slow connections, held open.
    let head = format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 400\r\n\r\ntext=");
    let slow: Vec<TcpStream> = (0..SLOW)
        .map(|i| {
            let mut s = TcpStream::connect(addr).expect("connect");
            match i % 3 {
                0 => {}
                1 => s.write_all(b"GET / HTTP/1.1\r\nHost:").unwrap(),
                _ => s.write_all(head.as_bytes()).unwrap(),
            }
            s
        })
        .collect();
    // Full: one more connection is refused at once.
    assert!(exchange(addr, b"GET / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 503 "));
    // (A connection it refuses is closed just after the device sees the
    // end: give that a moment, far less than the timeouts.)
    let bound = fds_before + SLOW + limits.connections + 3;
    wait_until(Duration::from_secs(1), || fds() <= bound);
    let (fds_flooded, threads_flooded) = (fds(), threads());
    let servers = fds_flooded - fds_before - SLOW;
    assert!(
        servers <= limits.connections + 3,
        "the server holds {servers} descriptors under the flood"
    );
    assert_eq!(threads_flooded, threads_running, "threads grew");

    // While flooded, the session saves.
    session.title = "Flood, saved".into();
    store.save(&session).expect("a save during the flood");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Flood, saved")
    );

    // Within the timeouts, the server lets the slow ones go (408 for those
    // it held, 503 for the others) and holds its three descriptors only.
    let mut answers = std::collections::BTreeMap::<String, usize>::new();
    for mut s in slow {
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut out = Vec::new();
        assert!(
            s.read_to_end(&mut out).is_ok(),
            "a slow connection stays open"
        );
        let status = String::from_utf8_lossy(&out).chars().take(12).collect();
        *answers.entry(status).or_default() += 1;
    }
    assert_eq!(
        answers.keys().collect::<Vec<_>>(),
        ["HTTP/1.1 408", "HTTP/1.1 503"]
    );
    assert!(answers["HTTP/1.1 408"] <= limits.connections, "{answers:?}");
    assert!(
        wait_until(Duration::from_secs(10), || fds() <= fds_running),
        "descriptors left after the timeouts: {} (running: {fds_running})",
        fds()
    );
    let fds_freed = fds();
    // And the page answers again.
    let page = exchange(addr, format!("GET {path} HTTP/1.1\r\n\r\n").as_bytes());
    assert!(page.starts_with("HTTP/1.1 200 "), "{page}");

    c.stop();
    assert!(
        wait_until(Duration::from_secs(5), || fds() == fds_before
            && threads() == threads_before),
        "after stop: {} descriptors (before: {fds_before}), {} threads (before: {threads_before})",
        fds(),
        threads()
    );
    assert!(TcpStream::connect(addr).is_err(), "the port is closed");
    println!(
        "descriptors: {fds_before} before, {fds_running} running, {fds_flooded} flooded \
         ({servers} the server's, {SLOW} the test's), {fds_freed} after the timeouts, {} after \
         stop; threads: {threads_before} before, {threads_running} running, {threads_flooded} \
         flooded, {} after stop; slow connections: {answers:?}",
        fds(),
        threads()
    );
}

//! A real browser: headless Chromium loads the participants' page, and the
//! page's own form, submitted without the page's script, posts a sticky
//! that reaches `try_recv`. Without Chromium these tests skip, saying so
//! (see `tests/skip_support`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;
mod media_support;
mod skip_support;
mod support;
mod web_support;

use atelier::collect::{CollectConfig, Collector};
use atelier::model::Colour;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::chromium::Run;
use web_support::chromium;

fn start(prompt: &str) -> Collector {
    Collector::start(CollectConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        prompt: prompt.into(),
        step_title: "Lunch".into(),
        ..CollectConfig::default()
    })
    .expect("collector starts")
}

/// Run headless Chromium with `args` (its console logged to its standard
/// error), through `support::chromium::run`.
///
/// Chromium itself now and then crashes as it starts, before it loads
/// anything (seen 3 times in about 300 runs of this file, each time in the
/// first run of `chromium_screenshots_on_a_phone`, its log ending with
/// crashpad's lines): a browser that never loaded the page proves nothing
/// about it, so a run that does not exit cleanly is started again, once,
/// and said on the terminal. A second failure is the test's.
fn run(chromium: &Path, dir: &Path, args: &[&str]) -> Run {
    let run_once = |chromium, dir, args: &[&str]| {
        let mut all = vec!["--enable-logging=stderr", "--v=0"];
        all.extend_from_slice(args);
        support::chromium::run(chromium, dir, &all)
    };
    let first = run_once(chromium, dir, args);
    if first.status.success() {
        return first;
    }
    let tail: Vec<&str> = first.stderr.lines().rev().take(3).collect();
    let note = format!(
        "{}: chromium exited with {} (log ends: {:?}); running it once more\n",
        std::thread::current().name().unwrap_or("a test"),
        first.status,
        tail
    );
    // Straight to standard error, not captured: a retry is never silent.
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), note.as_bytes());
    run_once(chromium, dir, args)
}

/// Console messages about the page: script errors, CSP refusals.
fn page_complaints(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            l.contains("CONSOLE") || l.contains("Content Security Policy") || l.contains("Uncaught")
        })
        .collect()
}

/// Submit `form` (the page's form, its action made absolute) from a local
/// file, without the page's script, and dump the page that answers.
///
/// When the DOM is dumped: `--dump-dom` waits for the first `load` of the
/// tab's main frame, then (with `--virtual-time-budget`) for the budget,
/// then reads the document. A wrapper that submits from `onload` has its
/// own `load` first, and the budget then runs out at any moment of the
/// navigation that follows (virtual time does not wait for it): read
/// between two documents, the dump is empty (one run in eight). So the
/// wrapper submits while it is still loading, and an image that never
/// comes (a socket that is never answered) keeps it loading until the
/// navigation replaces it: the first `load` is the answer's, the page
/// the post was answered or redirected with, and the dump is always that page.
fn submit_from_file(chromium: &Path, dir: &Path, form: &str) -> Run {
    // Accepted by the system, never answered: held until the run ends.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let never = format!("http://{}/never.png", silent.local_addr().unwrap());
    let wrapper: PathBuf = dir.join("submit.html");
    std::fs::write(
        &wrapper,
        format!(
            "<!doctype html><meta charset=\"utf-8\"><body>{form}\
             <script>document.forms[0].submit()</script><img src=\"{never}\"></body>"
        ),
    )
    .unwrap();
    let file_url = format!("file://{}", wrapper.display());
    run(chromium, dir, &["--dump-dom", &file_url])
}

#[test]
fn chromium_renders_the_page() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let c = start("Which meal should we <redesign> first?");
    let url = c.urls().remove(0);
    let r = run(chromium, dir.path(), &["--dump-dom", &url]);
    let dom = &r.stdout;
    assert!(dom.contains("<h1>Lunch</h1>"), "{dom}");
    assert!(
        dom.contains("Which meal should we &lt;redesign&gt; first?"),
        "{dom}"
    );
    assert!(dom.contains(r#"<textarea id="text" name="text""#));
    assert!(dom.contains(r#"<button type="submit" id="send">Send</button>"#));
    assert_eq!(page_complaints(&r.stderr), Vec::<&str>::new());
    assert!(c.try_recv().is_empty());
}

#[test]
fn chromium_submits_the_page_form_without_javascript() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let c = start("What would make lunch better?");
    let url = c.urls().remove(0);
    let origin = url.split("/c/").next().unwrap().to_owned();

    // The page's own form, as Chromium parsed it, filled in and submitted
    // from a local file (the page's CSP lets no other script run on it).
    let dom = run(chromium, dir.path(), &["--dump-dom", &url]).stdout;
    let start = dom.find("<form").expect("a form");
    let end = dom.find("</form>").expect("a form's end") + "</form>".len();
    let form = dom[start..end]
        .replace(r#"action="/c/"#, &format!(r#"action="{origin}/c/"#))
        .replace(
            "></textarea>",
            ">From Chromium: café &amp; thé, \"quoted\" &lt;b&gt;</textarea>",
        )
        .replace(r#"name="name" "#, r#"name="name" value="Ana" "#)
        .replace(r#" checked="""#, "")
        .replace(r#"value="green""#, r#"value="green" checked"#);
    assert!(form.contains(&format!(r#"action="{url}""#)), "{form}");
    let r = submit_from_file(chromium, dir.path(), &form);
    // Redirected to the page again, with the confirmation.
    assert!(
        r.stdout.contains("Sent! Write another."),
        "{}\n{}",
        r.stdout,
        r.stderr
    );
    let got = c.try_recv();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "From Chromium: café & thé, \"quoted\" <b>");
    assert_eq!(got[0].name.as_deref(), Some("Ana"));
    assert_eq!(got[0].colour, Colour::Green);
}

#[test]
fn chromium_screenshots_on_a_phone() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    // Set ATELIER_SCREENSHOTS=DIR to keep the pictures and look at them.
    let keep = std::env::var_os("ATELIER_SCREENSHOTS").map(PathBuf::from);
    let en = start("What would make lunch better for you?\nOne idea per sticky.");
    let fr = Collector::start(CollectConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        prompt: "Qu'est-ce qui rendrait le déjeuner meilleur pour vous ?".into(),
        step_title: "Irritants".into(),
        lang: "fr".into(),
        anonymous_only: true,
        ..CollectConfig::default()
    })
    .expect("collector starts");
    let ballot = start_ballot();
    let shots = [
        ("collect-en.png", en.urls().remove(0), "390,844", false),
        (
            "collect-fr-sent.png",
            fr.urls().remove(0) + "?sent=1&colour=blue",
            "390,844",
            false,
        ),
        (
            "collect-en-wide.png",
            en.urls().remove(0),
            "1280,800",
            false,
        ),
        ("collect-en-dark.png", en.urls().remove(0), "390,844", true),
        ("ballot-en.png", ballot.urls().remove(0), "390,844", false),
        (
            "ballot-en-dark.png",
            ballot.urls().remove(0),
            "390,844",
            true,
        ),
    ];
    for (name, url, size, dark) in shots {
        let png = dir.path().join(name);
        let r = run(
            chromium,
            dir.path(),
            &[
                &format!("--screenshot={}", png.display()),
                &format!("--window-size={size}"),
                "--hide-scrollbars",
                if dark {
                    "--blink-settings=preferredColorScheme=0"
                } else {
                    "--blink-settings=preferredColorScheme=1"
                },
                &url,
            ],
        );
        let bytes = std::fs::read(&png).unwrap_or_else(|e| {
            panic!(
                "{name}: no screenshot ({e}), {}\n{}\n{}",
                r.status, r.stdout, r.stderr
            )
        });
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
            "{name}"
        );
        if let Some(keep) = &keep {
            std::fs::create_dir_all(keep).unwrap();
            std::fs::copy(&png, keep.join(name)).unwrap();
        }
    }
}

/// Serves the collector's page on another port with a script appended that
/// fills the form and submits it through the page's own script
/// (`requestSubmit` fires the submit event), and forwards posts to the
/// collector: the page and its `fetch` share an origin, as on a phone.
/// (The collector's CSP lets no script but the page's run on the real one.)
fn proxy(collector: String, fill: String) -> (String, std::thread::JoinHandle<()>) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("proxy starts");
    let port = server.server_addr().to_ip().expect("an IP address").port();
    let path = format!("/c/{}", collector.rsplit('/').next().unwrap());
    let url = format!("http://127.0.0.1:{port}{path}");
    let handle = std::thread::spawn(move || {
        let agent = support::phone::agent();
        let deadline = Instant::now() + Duration::from_secs(90);
        while Instant::now() < deadline {
            let Ok(Some(mut rq)) = server.recv_timeout(Duration::from_millis(100)) else {
                continue;
            };
            let header = |rq: &tiny_http::Request, name: &str| {
                rq.headers()
                    .iter()
                    .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
                    .map(|h| h.value.as_str().to_owned())
            };
            let (status, ct, body) = if rq.url() != path {
                (404, "text/plain".to_owned(), String::new())
            } else if *rq.method() == tiny_http::Method::Get {
                let mut r = agent.get(&collector).call().unwrap();
                let page = r.body_mut().read_to_string().unwrap();
                let page = page.replace("</body>", &format!("<script>{fill}</script></body>"));
                (200, "text/html; charset=utf-8".to_owned(), page)
            } else {
                let mut body = String::new();
                std::io::Read::read_to_string(rq.as_reader(), &mut body).unwrap();
                let mut req = agent.post(&collector);
                for name in ["Content-Type", "X-Atelier"] {
                    if let Some(v) = header(&rq, name) {
                        req = req.header(name, &v);
                    }
                }
                let mut r = req.send(body.as_str()).unwrap();
                let ct = r
                    .headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_owned();
                (
                    r.status().as_u16(),
                    ct,
                    r.body_mut().read_to_string().unwrap(),
                )
            };
            let mut response = tiny_http::Response::from_string(body).with_status_code(status);
            if let Ok(h) = tiny_http::Header::from_bytes("Content-Type", ct.as_bytes()) {
                response.add_header(h);
            }
            let _ = rq.respond(response);
        }
    });
    (url, handle)
}

/// A script that types `text` and `name`, picks pink, submits, and once
/// the page shows a message writes the fields' values into `data-after`.
fn fill(text: &str, name: &str) -> String {
    let js = |s: &str| format!("{s:?}");
    format!(
        r#"(function () {{
  var t = document.getElementById("text"), n = document.getElementById("name"),
      s = document.getElementById("status");
  t.value = {text}; n.value = {name};
  document.querySelector('input[value="pink"]').checked = true;
  document.getElementById("f").requestSubmit();
  var w = setInterval(function () {{
    if (s.textContent) {{
      clearInterval(w);
      document.body.setAttribute("data-after",
        [s.className, t.value.length, n.value].join("|"));
    }}
  }}, 20);
}})();"#,
        text = js(text),
        name = js(name)
    )
}

#[test]
fn chromium_sends_with_the_page_script() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let c = start("What would make lunch better?");
    let collector = c.urls().remove(0);

    // Accepted: the confirmation shows, the text is cleared, the name kept.
    let (url, proxy_thread) = proxy(
        collector.clone(),
        fill("Typed in Chromium: thé & <b>", "Bo"),
    );
    let r = run_scripted(chromium, dir.path(), &url);
    assert!(
        r.stdout.contains(r#"data-after="status ok|0|Bo""#),
        "{}\n{}",
        r.stdout,
        r.stderr
    );
    assert!(r.stdout.contains("Sent! Write another.</p>"));
    assert_eq!(page_complaints(&r.stderr), Vec::<&str>::new());
    let got = c.try_recv();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "Typed in Chromium: thé & <b>");
    assert_eq!(got[0].name.as_deref(), Some("Bo"));
    assert_eq!(got[0].colour, Colour::Pink);
    drop(proxy_thread);

    // Refused: the reason shows and the text stays to be shortened.
    let (url, _proxy_thread) = proxy(collector, fill(&"x".repeat(501), "Bo"));
    let r = run_scripted(chromium, dir.path(), &url);
    assert!(
        r.stdout.contains(r#"data-after="status err|501|Bo""#),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Too long: 501 characters, 500 at most."));
    assert!(c.try_recv().is_empty());
}

// ------------------------------------------------------------------ ballots

use atelier::collect::{Arrival, BallotVoter, CastBallot, RoundInfo};
use atelier::model::{Ballot, BallotItem, Id, Target};

/// A collector showing an open round: 3 dots, at most 2 on one item, on
/// three items (one titled with markup), Ana and Bo to choose from.
fn start_ballot() -> Collector {
    let c = start("What would make lunch better?");
    let items = [
        ("c1", "Faster queue"),
        ("c2", "Veggie <b>days</b> & \"more\""),
        ("c3", "Quiet room"),
    ]
    .into_iter()
    .map(|(id, text)| BallotItem {
        target: Target::Cluster(Id(id.into())),
        text: text.into(),
    })
    .collect();
    c.set_round(Some(RoundInfo {
        id: Id("round-1".into()),
        title: "Which first?".into(),
        items,
        dots: 3,
        cap: Some(2),
        anonymous: false,
        participants: vec![
            (Id("ana".into()), "Ana".into()),
            (Id("bo".into()), "Bo".into()),
        ],
        open: true,
    }));
    c
}

fn cast(c: &Collector) -> Vec<CastBallot> {
    c.receive()
        .into_iter()
        .filter_map(|a| match a {
            Arrival::Ballot(b) => Some(b),
            Arrival::Sticky(_) => None,
        })
        .collect()
}

fn dots(pairs: &[(&str, u32)]) -> Ballot {
    Ballot::new(
        pairs
            .iter()
            .map(|(id, n)| (Target::Cluster(Id((*id).into())), *n)),
    )
}

#[test]
fn chromium_runs_the_ballot_script_under_the_page_policy() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let c = start_ballot();
    let url = c.urls().remove(0);
    let r = run(
        chromium,
        dir.path(),
        &["--virtual-time-budget=5000", "--dump-dom", &url],
    );
    let dom = &r.stdout;
    assert!(dom.contains("<h1>Which first?</h1>"), "{dom}");
    assert!(
        dom.contains("Veggie &lt;b&gt;days&lt;/b&gt; &amp; \"more\""),
        "{dom}"
    );
    assert!(!dom.contains("<b>days"), "{dom}");
    // The script ran: the buttons and the dots left show.
    assert!(
        dom.contains(r#"<p id="left" class="left" aria-live="polite">Dots left: 3</p>"#),
        "{dom}"
    );
    assert!(!dom.contains("\" hidden>+</button>"), "{dom}");
    // The guest's name is asked only for "someone else".
    assert!(dom.contains(r#"<div id="guest-field" hidden="">"#), "{dom}");
    assert_eq!(page_complaints(&r.stderr), Vec::<&str>::new());
}

#[test]
fn chromium_submits_the_ballot_form_without_javascript() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let c = start_ballot();
    let url = c.urls().remove(0);
    let origin = url.split("/c/").next().unwrap().to_owned();
    // As in `chromium_submits_the_page_form_without_javascript`: the page's
    // own form, filled in, submitted from a file that stays loading.
    let dom = run(chromium, dir.path(), &["--dump-dom", &url]).stdout;
    let start = dom.find("<form").expect("a form");
    let end = dom.find("</form>").expect("a form's end") + "</form>".len();
    let field = |id: &str| {
        format!(
            r#"name="dot-{id}" min="0" max="2" step="1" inputmode="numeric" placeholder="0" value="""#
        )
    };
    let form = dom[start..end]
        .replace(r#"action="/c/"#, &format!(r#"action="{origin}/c/"#))
        .replace(r#"<option value="bo">"#, r#"<option value="bo" selected>"#)
        .replace(
            &field("c1"),
            &field("c1").replace(r#"value="""#, r#"value="1""#),
        )
        .replace(
            &field("c2"),
            &field("c2").replace(r#"value="""#, r#"value="2""#),
        );
    assert!(form.contains(r#"value="2""#), "{form}");
    let r = submit_from_file(chromium, dir.path(), &form);
    assert!(
        r.stdout
            .contains("Your dots are in! Send again to change them."),
        "{}\n{}",
        r.stdout,
        r.stderr
    );
    // The answer is the ballot again, as sent.
    assert!(
        r.stdout
            .contains(r#"<option value="bo" selected="">Bo</option>"#),
        "{}",
        r.stdout
    );
    let got = cast(&c);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].voter, BallotVoter::Participant(Id("bo".into())));
    assert_eq!(got[0].ballot, dots(&[("c1", 1), ("c2", 2)]));
}

/// A script that chooses `voter`, presses the buttons `clicks` (`"+d1"`:
/// one more dot on the first item), submits through the page's script,
/// and once the page shows a message writes the status, the dots left
/// and the three fields into `data-after`.
fn vote(voter: &str, clicks: &[&str]) -> String {
    format!(
        r#"(function () {{
  document.getElementById("voter").value = {voter:?};
  var clicks = {clicks:?};
  for (var i = 0; i < clicks.length; i++) {{
    var step = clicks[i][0] === "+" ? "1" : "-1";
    document.querySelector('button[data-for="' + clicks[i].slice(1) + '"][data-step="' + step + '"]').click();
  }}
  var s = document.getElementById("status"), left = document.getElementById("left");
  var before = left.textContent;
  document.getElementById("f").requestSubmit();
  var w = setInterval(function () {{
    if (s.textContent) {{
      clearInterval(w);
      document.body.setAttribute("data-after", [s.className, before,
        document.getElementById("d1").value, document.getElementById("d2").value,
        document.getElementById("d3").value].join("|"));
    }}
  }}, 20);
}})();"#
    )
}

/// Load `url` and let its scripts run (10 s of virtual time), then dump it.
fn run_scripted(chromium: &Path, dir: &Path, url: &str) -> Run {
    run(
        chromium,
        dir,
        &["--virtual-time-budget=10000", "--dump-dom", url],
    )
}

#[test]
fn chromium_places_dots_with_the_buttons_and_sends_with_the_page_script() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let c = start_ballot();
    let collector = c.urls().remove(0);

    // The third + on one item stays at the cap; a - takes one back.
    let (url, proxy_thread) = proxy(
        collector.clone(),
        vote("ana", &["+d1", "+d1", "+d1", "+d3", "+d2", "-d2"]),
    );
    let r = run_scripted(chromium, dir.path(), &url);
    assert!(
        r.stdout
            .contains(r#"data-after="status ok|Dots left: 0|2||1""#),
        "{}\n{}",
        r.stdout,
        r.stderr
    );
    assert!(
        r.stdout
            .contains("Your dots are in! Send again to change them.</p>")
    );
    assert_eq!(page_complaints(&r.stderr), Vec::<&str>::new());
    let got = cast(&c);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].voter, BallotVoter::Participant(Id("ana".into())));
    assert_eq!(got[0].ballot, dots(&[("c1", 2), ("c3", 1)]));
    drop(proxy_thread);

    // Over the budget: the page says how many too many, the server why.
    let (url, _proxy_thread) = proxy(collector, vote("bo", &["+d1", "+d1", "+d2", "+d3"]));
    let r = run_scripted(chromium, dir.path(), &url);
    assert!(
        r.stdout
            .contains(r#"data-after="status err|Too many dots: take 1 off|2|1|1""#),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("4 dots placed, but you have 3. Take some off and send again.")
    );
    assert!(cast(&c).is_empty());
}

/// The pages as served: the sticky form, the ballot (named, then
/// anonymous, after a refusal), the closed ballot and two error pages.
fn served_pages(dir: &Path) -> Vec<PathBuf> {
    let c = start_ballot();
    let url = c.urls().remove(0);
    let fetch = |rq: ureq::RequestBuilder<ureq::typestate::WithoutBody>| {
        let mut r = rq.call().expect("the page");
        r.body_mut().read_to_string().expect("a text")
    };
    let post = |body: &str| {
        support::phone::agent()
            .post(&url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .send(body)
            .expect("an answer")
            .body_mut()
            .read_to_string()
            .expect("a text")
    };
    let mut pages = vec![("ballot.html", fetch(ureq::get(&url)))];
    pages.push((
        "ballot-refused.html",
        post("round=round-1&voter=ana&guest=&device=&dot-c1=2&dot-c2=2"),
    ));
    let mut round = RoundInfo {
        id: Id("round-1".into()),
        title: "Anonyme ?".into(),
        items: vec![BallotItem {
            target: Target::Cluster(Id("c1".into())),
            text: "Cantine".into(),
        }],
        dots: 2,
        cap: None,
        anonymous: true,
        participants: Vec::new(),
        open: true,
    };
    c.set_round(Some(round.clone()));
    pages.push(("ballot-anonymous.html", fetch(ureq::get(&url))));
    round.open = false;
    c.set_round(Some(round));
    pages.push(("ballot-closed.html", fetch(ureq::get(&url))));
    c.set_round(None);
    pages.push(("sticky.html", fetch(ureq::get(&url))));
    // The error pages: an address that is not the form's, and a method
    // the form's address does not take (with its link back).
    let read = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| {
        r.expect("an answer")
            .body_mut()
            .read_to_string()
            .expect("a text")
    };
    let elsewhere = format!("http://127.0.0.1:{}/c/nope", c.port());
    pages.push((
        "error-404.html",
        read(support::phone::agent().get(&elsewhere).call()),
    ));
    pages.push((
        "error-405.html",
        read(support::phone::agent().put(&url).send("x")),
    ));
    let pages: Vec<(String, String)> = pages
        .into_iter()
        .map(|(name, html)| (name.to_owned(), html))
        .collect();
    web_support::write_pages(dir, &pages)
}

#[test]
fn the_served_pages_are_valid_html() {
    let Some(jar) = web_support::vnu_jar() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let files = served_pages(dir.path());
    // Not even a note.
    let messages = web_support::vnu_messages(&jar, &files, false);
    assert!(
        messages.is_empty(),
        "{}",
        serde_json::to_string_pretty(&messages).unwrap()
    );
}

#[test]
fn axe_finds_no_accessibility_violation_in_the_served_pages() {
    let (Some(chromium), Some(axe_min)) = (chromium(), web_support::axe_js()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&axe_min, dir.path().join("axe.min.js")).unwrap();
    std::fs::write(
        dir.path().join("axe-run.js"),
        include_str!("web_support/axe-run.js"),
    )
    .unwrap();
    for page in served_pages(dir.path()) {
        let html = std::fs::read_to_string(&page).unwrap().replacen(
            "</body>",
            "<script src=\"axe.min.js\"></script><script src=\"axe-run.js\"></script></body>",
            1,
        );
        std::fs::write(&page, html).unwrap();
        let url = format!("file://{}", page.display());
        let r = run(
            chromium,
            dir.path(),
            &[
                "--window-size=500,900",
                "--virtual-time-budget=60000",
                "--dump-dom",
                &url,
            ],
        );
        let json = r
            .stdout
            .split_once("<pre id=\"axe-results\">")
            .and_then(|(_, rest)| rest.split_once("</pre>"))
            .map(|(json, _)| json)
            .unwrap_or_else(|| panic!("{}: axe wrote no results\n{}", page.display(), r.stderr));
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        assert!(v["error"].is_null(), "{}: {}", page.display(), v["error"]);
        let violations = v["violations"].as_array().unwrap();
        assert!(
            violations.is_empty(),
            "{}: {}",
            page.display(),
            serde_json::to_string_pretty(violations).unwrap()
        );
        assert!(v["passes"].as_u64().unwrap() > 10, "{}", page.display());
    }
}

//! End to end: the demo opened with `--collect` in tmux, a round opened on
//! the board (`b`, `v`); five simulated phones (loopback HTTP posts from
//! this test) read the ballot page and cast ballots on the demo's
//! clusters; the facilitator watches the turnout change at the bottom of
//! the screen, shows the ranked results (`R`) and projects them (`p`);
//! quitting leaves the ballots in the file. And across `kill -9`: a round
//! made anonymous with `I`, a phone's ballot, the app killed and reopened,
//! the same phone's second ballot replaces its first (the boxes are in the
//! crash journal). Without tmux these tests skip, saying so (see
//! `tests/skip_support`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod reliability_support;

use atelier::model::{BallotOn, Session, Target};
use atelier::store::journal;
use reliability_support::*;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_atelier");

/// Every value of `attr="…"` following `before` in `html`.
fn values(html: &str, before: &str) -> Vec<String> {
    html.match_indices(before)
        .map(|(i, _)| {
            let rest = &html[i + before.len()..];
            rest[..rest.find('"').unwrap_or(0)].to_owned()
        })
        .collect()
}

fn get_page(agent: &ureq::Agent, url: &str) -> String {
    let mut reply = agent.get(url).call().expect("the page");
    reply.body_mut().read_to_string().unwrap()
}

/// Post a ballot as the page's script does; it must be taken.
fn post_ballot(agent: &ureq::Agent, url: &str, body: &str) {
    let mut reply = agent
        .post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Atelier", "fetch")
        .send(body)
        .expect("the server answers");
    let text = reply.body_mut().read_to_string().unwrap_or_default();
    assert_eq!(reply.status().as_u16(), 200, "{text}");
}

#[test]
fn five_phones_vote_the_turnout_shows_and_the_results_are_projected() {
    if missing(Tool::Tmux) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("demo.ron");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/demo.ron"),
        &file,
    )
    .unwrap();
    let demo: Session = atelier::store::load_file(&file).expect("the demo loads");
    let status = home.path().join("status.txt");
    let tmux = Tmux::new(home.path());
    tmux.start(&format!(
        "{} open --collect {}; echo $? > {}; sleep 30",
        sh_quote(BIN),
        q(&file),
        q(&status),
    ));
    let screen = tmux.wait_for(&["http://", "Collecting"]);
    let (port, path) = address(&screen);
    tmux.keys(&["b"]);
    tmux.wait_for(&["Board"]);
    tmux.keys(&["v"]);
    tmux.wait_for(&["No ballot yet"]);

    let agent = support::phone::agent();
    let url = format!("http://127.0.0.1:{port}{path}");
    let page = get_page(&agent, &url);
    let round = values(&page, "name=\"round\" value=\"");
    assert_eq!(round.len(), 1, "the ballot is shown:\n{page}");
    let items = values(&page, "name=\"dot-");
    let clusters = demo.ballot_count(BallotOn::Clusters);
    assert_eq!(items.len(), clusters, "one field per cluster");
    let voters: Vec<String> = values(&page, "<option value=\"")
        .into_iter()
        .filter(|v| !v.is_empty() && v != "guest")
        .collect();
    assert!(voters.len() >= 5, "{voters:?}");

    // Five phones: everyone puts 2 dots on the first cluster, and one on
    // another.
    for (k, voter) in voters.iter().take(5).enumerate() {
        let other = &items[1 + k % (items.len() - 1)];
        let body = format!(
            "round={}&device=phone{k}&voter={voter}&dot-{}=2&dot-{other}=1",
            round[0], items[0]
        );
        post_ballot(&agent, &url, &body);
        let n = k + 1;
        let turnout = if n == 1 {
            "1 ballot".to_owned()
        } else {
            format!("{n} ballots")
        };
        // The facilitator sees the turnout change, ballot by ballot.
        tmux.wait_for(&[turnout.as_str()]);
    }

    tmux.keys(&["R"]);
    tmux.wait_for(&["Vote results"]);
    tmux.keys(&["p"]);
    let first = demo
        .cluster(&atelier::model::Id::from(items[0].as_str()))
        .map(|c| c.title.clone())
        .expect("the first cluster of the ballot");
    assert!(
        !first.is_empty(),
        "the first cluster has a title to wait for"
    );
    // Projected: the popup, the top bar and the status line are gone.
    tmux.wait_gone("Vote results");
    let screen = tmux.wait_for(&[first.as_str()]);
    assert!(!screen.contains("atelier ·"), "projected:\n{screen}");

    tmux.keys(&["p", "q"]);
    assert_eq!(
        wait_for_file(&status, WAIT, &tmux).trim(),
        "0",
        "atelier's exit status"
    );
    let s: Session = atelier::store::load_file(&file).expect("the session loads");
    let round_id = atelier::model::Id::from(round[0].as_str());
    let target = Target::Cluster(atelier::model::Id::from(items[0].as_str()));
    for voter in voters.iter().take(5) {
        let dots: u32 = s
            .votes
            .iter()
            .filter(|v| {
                v.round == round_id
                    && v.target == target
                    && v.participant.as_ref().map(|p| p.as_str()) == Some(voter.as_str())
            })
            .map(|v| v.count)
            .sum();
        assert_eq!(dots, 2, "{voter}'s ballot is in the file");
    }
}

/// A `sh` command line: write the pid to `pid_file`, then become
/// `atelier open --collect FILE`.
fn exec_collect(file: &std::path::Path, pid_file: &std::path::Path) -> String {
    format!(
        "echo $$ > {}; exec {} open --collect {}",
        q(pid_file),
        sh_quote(BIN),
        q(file)
    )
}

/// Post a ballot from the phone `device` (a ballot id as the server makes
/// them) to the collection at `screen`'s address: 2 dots on the `item`-th
/// item. Returns the round's id and that item's.
fn phone_votes(agent: &ureq::Agent, screen: &str, device: &str, item: usize) -> (String, String) {
    let (port, path) = address(screen);
    let url = format!("http://127.0.0.1:{port}{path}");
    let page = get_page(agent, &url);
    let round = values(&page, "name=\"round\" value=\"");
    let items = values(&page, "name=\"dot-");
    assert!(
        round.len() == 1 && items.len() > item,
        "the ballot:\n{page}"
    );
    let body = format!("round={}&device={device}&dot-{}=2", round[0], items[item]);
    post_ballot(agent, &url, &body);
    (round[0].clone(), items[item].clone())
}

#[test]
fn after_kill_9_a_phones_second_ballot_still_replaces_its_first() {
    if missing(Tool::Tmux) {
        return;
    }
    const DEVICE: &str = "abcdefghijklmnopqrstuvwxyz";
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("demo.ron");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/demo.ron"),
        &file,
    )
    .unwrap();
    let agent = support::phone::agent();
    let tmux = Tmux::new(tmp.path());
    let pid_file = tmp.path().join("pid");
    tmux.start(&format!(
        "sh -c {}",
        sh_quote(&exec_collect(&file, &pid_file))
    ));
    let pid = read_pid(&pid_file, &tmux);
    let screen = tmux.wait_for(&["http://", "Collecting"]);
    // The round, made anonymous before its first ballot (`I`).
    tmux.keys(&["b"]);
    tmux.wait_for(&["Board"]);
    tmux.keys(&["v"]);
    tmux.wait_for(&["No ballot yet"]);
    tmux.keys(&["I"]);
    tmux.wait_for(&["No ballot yet (anonymous)"]);
    let (round, first) = phone_votes(&agent, &screen, DEVICE, 0);
    tmux.wait_for(&["1 anonymous ballot"]);
    // The box in the crash journal (synced within 200 ms), then kill -9.
    let start = std::time::Instant::now();
    while journal::read(&journal::journal_path(&file))
        .ok()
        .flatten()
        .is_none_or(|c| journal::last_ballots(&c.records).rounds.is_empty())
    {
        assert!(start.elapsed() < WAIT, "{}", tmux.screen());
        std::thread::sleep(Duration::from_millis(20));
    }
    tmux.new_window("keep", "sleep 600");
    kill(pid, "KILL");
    assert!(wait_gone(pid, Duration::from_secs(5)), "kill -9 {pid}");

    // Reopened: the same round, its turnout, and the same phone again.
    let pid_file = tmp.path().join("pid2");
    tmux.new_window("again", &exec_collect(&file, &pid_file));
    let pid = read_pid(&pid_file, &tmux);
    let screen = tmux.wait_for_in("again", &["http://", "Collecting"]);
    tmux.keys_to("again", &["b"]);
    tmux.wait_for_in("again", &["Board"]);
    tmux.keys_to("again", &["v"]);
    tmux.wait_for_in("again", &["1 anonymous ballot"]);
    let (again, second) = phone_votes(&agent, &screen, DEVICE, 1);
    assert_eq!(again, round);
    tmux.wait_for_in(
        "again",
        &["Ballot in from an anonymous phone · 1 ballot so far"],
    );
    tmux.keys_to("again", &["q"]);
    assert!(wait_gone(pid, WAIT), "atelier (pid {pid}) did not quit");

    // The phone's first dots were taken off, not added to.
    let before: Session = atelier::store::load_file(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/demo.ron"
    )))
    .unwrap();
    let after: Session = atelier::store::load_file(&file).unwrap();
    let round = atelier::model::Id::from(round.as_str());
    let tally = |s: &Session, item: &str| -> u32 {
        let target = Target::Cluster(atelier::model::Id::from(item));
        s.votes
            .iter()
            .filter(|v| v.round == round && v.target == target && v.participant.is_none())
            .map(|v| v.count)
            .sum()
    };
    assert_eq!(tally(&after, &first), tally(&before, &first));
    assert_eq!(tally(&after, &second), tally(&before, &second) + 2);
    assert!(after.round(&round).unwrap().anonymous);
}

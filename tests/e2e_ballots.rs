//! End to end: the demo opened with `--collect` in tmux, a round opened on
//! the board (`b`, `v`); five simulated phones (loopback HTTP posts from
//! this test) read the ballot page and cast ballots on the demo's
//! clusters; the facilitator watches the turnout change at the bottom of
//! the screen, shows the ranked results (`R`) and projects them (`p`);
//! quitting leaves the ballots in the file. Without tmux this test skips,
//! saying so (see `tests/skip_support`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod reliability_support;

use atelier::model::{BallotOn, Session, Target};
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

#[test]
fn five_phones_vote_the_turnout_shows_and_the_results_are_projected() {
    if skip_without_tmux("five_phones_vote") {
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

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let url = format!("http://127.0.0.1:{port}{path}");
    let page = agent
        .get(&url)
        .call()
        .expect("the page")
        .body_mut()
        .read_to_string()
        .unwrap();
    let round = values(&page, "name=\"round\" value=\"");
    assert_eq!(round.len(), 1, "the ballot is shown:\n{page}");
    let items = values(&page, "name=\"dot-");
    let clusters = demo.ballot_items(BallotOn::Clusters);
    assert_eq!(items.len(), clusters.len(), "one field per cluster");
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
        let mut reply = agent
            .post(&url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Atelier", "fetch")
            .send(body.as_str())
            .expect("the server answers");
        let text = reply.body_mut().read_to_string().unwrap_or_default();
        assert_eq!(reply.status().as_u16(), 200, "{text}");
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
        .unwrap_or_default();
    // Projected: the popup, the top bar and the status line are gone.
    tmux.wait_gone("Vote results");
    let screen = tmux.wait_for(&[first.as_str()]);
    assert!(!screen.contains("atelier ·"), "projected:\n{screen}");

    tmux.keys(&["p", "q"]);
    let start = std::time::Instant::now();
    while !status.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
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

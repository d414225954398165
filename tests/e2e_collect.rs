//! End to end: `atelier open FILE --collect` in tmux shows an address; a
//! real HTTP post to it arrives in the pending tray (`T`), `a` accepts it,
//! `q` quits, the session file holds the sticky, and the port is closed.
//! Without tmux this test skips, saying so on the terminal (see
//! `tests/skip_support`; CI installs tmux and fails without it: `.ci/run`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod skip_support;
mod support;

use atelier::model::{Colour, Session};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;
use support::tmux::{BIN, Tmux, WAIT, address, new_session, q, sh_quote, wait_for_file};

#[test]
fn a_sticky_posted_from_a_phone_is_accepted_and_saved_and_the_port_closes_on_quit() {
    if skip_support::missing(skip_support::Tool::Tmux) {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let file = new_session(home.path(), "Cour d'école");
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

    // A phone posts (as the page's script does), over the network stack.
    let agent = support::phone::agent();
    let mut reply = agent
        .post(format!("http://127.0.0.1:{port}{path}"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Atelier", "fetch")
        .send("text=Des+bancs+%C3%A0+l%27ombre&name=Zo%C3%A9&colour=green")
        .expect("the server answers");
    let body = reply.body_mut().read_to_string().unwrap_or_default();
    assert_eq!(reply.status().as_u16(), 200, "{body}");
    // Without the token: nothing.
    let wrong = agent
        .post(format!("http://127.0.0.1:{port}/c/nope"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .send("text=intrus")
        .expect("the server answers");
    assert_eq!(wrong.status().as_u16(), 404);

    tmux.wait_for(&["1 pending: T to review"]);
    tmux.keys(&["T"]);
    tmux.wait_for(&["Pending stickies (1)", "Des bancs à l'ombre", "— Zoé"]);
    tmux.keys(&["a"]);
    tmux.wait_for(&["Accepted", "Pending stickies (0)"]);

    // Stopping closes the port while the app runs on.
    tmux.keys(&["w"]);
    tmux.wait_for(&["Stopped collecting"]);
    assert_closed(port);
    // Again: a new address (a new token), closed in turn on quitting.
    tmux.keys(&["Escape"]);
    // A key sent right after Escape would reach the app as Alt+key: wait
    // for the tray to close first.
    tmux.wait_gone("Pending stickies");
    tmux.keys(&["w"]);
    let screen = tmux.wait_for(&["http://", "Collecting ·"]);
    let (port, second) = address(&screen);
    assert_ne!(second, path, "a fresh token");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&status, WAIT, &tmux).trim(), "0");

    let s: Session = atelier::store::load_file(&file).expect("the session loads");
    let x = s
        .stickies
        .iter()
        .find(|x| x.text == "Des bancs à l'ombre")
        .unwrap_or_else(|| panic!("the sticky was saved: {:?}", s.stickies));
    assert_eq!(x.colour, Colour::Green);
    assert_eq!(
        s.participant_name(x.author.as_ref()),
        "Zoé",
        "Zoé is not a participant: a guest"
    );
    assert!(s.guests.iter().any(|g| g.name == "Zoé"));
    assert_eq!(x.stage, Some(s.agenda[0].id.clone()));
    assert!(atelier::model::validate(&s).is_empty());

    // The app is gone, and so is the server.
    assert_closed(port);
}

fn assert_closed(port: u16) {
    let target = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    assert!(
        TcpStream::connect_timeout(&target, Duration::from_secs(1)).is_err(),
        "port {port} still accepts connections"
    );
}

//! One tmux driver for the tests that run the `atelier` binary in a real
//! terminal: a tmux server of its own (its own socket), keys in with
//! `send-keys`, the screen back with `capture-pane`, and the processes it
//! started killed on drop. Used through `mod support;` (`support::tmux`) or
//! `reliability_support`, which re-exports it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_atelier");

/// How long to wait for the screen to show something (generous: debug
/// builds on two shared cores).
pub const WAIT: Duration = Duration::from_secs(15);

/// The tmux session every `Tmux` creates.
pub const SESSION: &str = "e2e";

/// The first `http://HOST:PORT/c/TOKEN` on the screen: (port, token path).
pub fn address(screen: &str) -> (u16, String) {
    let i = screen.find("http://").expect("an address on screen");
    let url: String = screen[i..]
        .chars()
        .take_while(|c| c.is_ascii_graphic() && *c != '│')
        .collect();
    let rest = &url["http://".len()..];
    let (host_port, path) = rest.split_at(rest.find('/').expect("a path"));
    let port = host_port
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");
    assert!(path.starts_with("/c/") && path.len() > 20, "{url}");
    (port, path.to_owned())
}

/// `'text'` for `sh`, whatever the text holds.
pub fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

pub fn q(path: &Path) -> String {
    sh_quote(&path.display().to_string())
}

/// A tmux server of our own (its own socket), killed on drop, even when the
/// test fails; the atelier processes the test registered are killed too.
pub struct Tmux {
    socket: String,
    home: PathBuf,
    socket_path: RefCell<Option<PathBuf>>,
    pids: RefCell<Vec<u32>>,
}

impl Tmux {
    /// A server whose windows run with `ATELIER_HOME=home`.
    pub fn new(home: &Path) -> Tmux {
        static N: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        Tmux {
            socket: format!(
                "atelier-e2e-{}-{}-{nanos}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ),
            home: home.to_path_buf(),
            socket_path: RefCell::default(),
            pids: RefCell::default(),
        }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null", "-u"])
            .args(args)
            .env("ATELIER_HOME", &self.home)
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    fn env_args(&self) -> Vec<String> {
        vec![
            "-e".into(),
            format!("ATELIER_HOME={}", self.home.display()),
            "-e".into(),
            "LANG=C.UTF-8".into(),
            "-e".into(),
            "LC_ALL=C.UTF-8".into(),
        ]
    }

    /// Start `command` (run by `sh`) in a detached 100x30 window named `main`.
    pub fn start(&self, command: &str) {
        self.start_sized(100, 30, command);
    }

    /// Start `command` in a detached window of `cols` x `rows` named `main`.
    pub fn start_sized(&self, cols: u16, rows: u16, command: &str) {
        let (cols, rows) = (cols.to_string(), rows.to_string());
        self.open(
            &[
                "new-session",
                "-d",
                "-x",
                &cols,
                "-y",
                &rows,
                "-s",
                SESSION,
                "-n",
                "main",
            ],
            command,
        );
        let out = self.run(&["display-message", "-p", "#{socket_path}"]);
        let path = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if !path.is_empty() {
            *self.socket_path.borrow_mut() = Some(PathBuf::from(path));
        }
    }

    /// Another window named `name`, running `command`.
    pub fn new_window(&self, name: &str, command: &str) {
        self.open(&["new-window", "-d", "-t", SESSION, "-n", name], command);
    }

    /// Run the tmux command `head` (`new-session ...`, `new-window ...`)
    /// with this server's environment and `command` to run in it.
    fn open(&self, head: &[&str], command: &str) {
        let env = self.env_args();
        let mut args: Vec<&str> = head.to_vec();
        args.extend(env.iter().map(String::as_str));
        args.push(command);
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "tmux {}: {}",
            head[0],
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Key names as tmux knows them (`Space`, `C-s`, `Enter`), to `window`.
    pub fn keys_to(&self, window: &str, keys: &[&str]) {
        let target = format!("{SESSION}:{window}");
        let mut args = vec!["send-keys", "-t", &target];
        args.extend_from_slice(keys);
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "send-keys {keys:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn keys(&self, keys: &[&str]) {
        self.keys_to("main", keys);
    }

    /// Text typed literally into `window`.
    pub fn type_to(&self, window: &str, text: &str) {
        let target = format!("{SESSION}:{window}");
        let out = self.run(&["send-keys", "-t", &target, "-l", "--", text]);
        assert!(
            out.status.success(),
            "send-keys -l {text:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn type_text(&self, text: &str) {
        self.type_to("main", text);
    }

    /// `capture-pane` of `window`, with its `flags` (nothing once the
    /// window is gone).
    fn capture(&self, window: &str, flags: &[&str]) -> String {
        let target = format!("{SESSION}:{window}");
        let mut args = vec!["capture-pane", "-t", &target];
        args.extend_from_slice(flags);
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    /// The screen of `window`, as text.
    pub fn screen_of(&self, window: &str) -> String {
        self.capture(window, &["-p"])
    }

    pub fn screen(&self) -> String {
        self.screen_of("main")
    }

    /// The screen of `window` with its colours and attributes as escape
    /// sequences.
    pub fn screen_with_escapes_of(&self, window: &str) -> String {
        self.capture(window, &["-p", "-e"])
    }

    /// Wait until `ok` holds for the screen of `window`; the failure says
    /// what was expected (`what`) and what the screen showed.
    pub fn wait_until_in(
        &self,
        window: &str,
        what: &str,
        timeout: Duration,
        ok: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen_of(window);
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < timeout,
                "waited {timeout:?} for {what}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Wait until the screen of `window` shows every one of `texts`.
    pub fn wait_for_in(&self, window: &str, texts: &[&str]) -> String {
        self.wait_until_in(window, &format!("{texts:?}"), WAIT, |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }

    pub fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_for_in("main", texts)
    }

    /// Wait until `ok` holds for the screen of the main window.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_until_in("main", what, WAIT, ok)
    }

    /// Wait until the screen no longer shows `text`.
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until_in("main", &format!("{text:?} to go away"), WAIT, |s| {
            !s.contains(text)
        })
    }

    /// On the board, a new voting round of `dots` dots (`v`, the count,
    /// Enter), once the voting line shows them all left.
    pub fn new_round(&self, dots: u32) {
        self.keys(&["v"]);
        self.wait_for(&["New voting round"]);
        self.keys(&["C-u"]);
        self.type_text(&dots.to_string());
        self.keys(&["Enter"]);
        self.wait_for(&[&format!("{dots} of {dots} dots left")]);
    }

    /// Every window's screen, named (for failure messages).
    pub fn all_screens(&self) -> String {
        let out = self.run(&["list-windows", "-t", SESSION, "-F", "#{window_name}"]);
        let names = String::from_utf8_lossy(&out.stdout).into_owned();
        if names.trim().is_empty() {
            return "(no tmux window left)".into();
        }
        names
            .lines()
            .map(|w| format!("--- window {w}:\n{}", self.screen_of(w)))
            .collect()
    }

    /// Kill this process on drop if it still runs.
    pub fn register_pid(&self, pid: u32) {
        self.pids.borrow_mut().push(pid);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
        for pid in self.pids.borrow().iter() {
            if is_atelier(*pid) {
                kill(*pid, "KILL");
                wait_gone(*pid, Duration::from_secs(5));
            }
        }
        if let Some(path) = self.socket_path.borrow_mut().take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Whether `pid` is a live (not zombie) atelier process.
pub fn is_atelier(pid: u32) -> bool {
    alive(pid)
        && std::fs::read(format!("/proc/{pid}/cmdline"))
            .is_ok_and(|c| String::from_utf8_lossy(&c).contains("atelier"))
}

/// Whether `pid` runs (a zombie has exited: its files and locks are closed).
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            // "pid (comm) S ...": the state follows the last ')'.
            let state = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .unwrap_or("?");
            state != "Z" && state != "X"
        }
        Err(_) => false,
    }
}

/// `kill -SIG pid`.
pub fn kill(pid: u32, signal: &str) {
    let out = Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .output()
        .expect("kill runs");
    assert!(
        out.status.success() || !alive(pid),
        "kill -{signal} {pid}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Wait until `pid` has exited; false on timeout.
pub fn wait_gone(pid: u32, timeout: Duration) -> bool {
    let start = Instant::now();
    while alive(pid) {
        if start.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    true
}

/// Wait for a file that a shell writes whole (ending in a line end).
pub fn wait_for_file(path: &Path, timeout: Duration, tmux: &Tmux) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && text.ends_with('\n')
        {
            return text;
        }
        assert!(
            start.elapsed() < timeout,
            "{} was not written within {timeout:?} (has the app exited?); the screen shows:\n{}",
            path.display(),
            tmux.all_screens()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `atelier new --title TITLE --no-open` (with an agenda template, so the
/// app opens on the facilitation screen): the path of the new session.
pub fn new_session(home: &Path, title: &str) -> PathBuf {
    atelier_new(
        home,
        &[
            "--title",
            title,
            "--template",
            "ideation-sprint-2h",
            "--lang",
            "en",
            "--no-open",
        ],
    )
}

/// `atelier ARGS` (in English, `LANG=C.UTF-8`, `ATELIER_HOME=home`), which
/// must succeed: its standard output.
pub fn atelier(home: &Path, args: &[&str]) -> String {
    let out = super::cli::run(home, args, &[("LANG", "C.UTF-8")]);
    assert!(
        out.status.success(),
        "atelier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `atelier new ARGS` (in English, `LANG=C.UTF-8`): the path of the new
/// session.
pub fn atelier_new(home: &Path, args: &[&str]) -> PathBuf {
    let args: Vec<&str> = std::iter::once("new").chain(args.iter().copied()).collect();
    let path = PathBuf::from(atelier(home, &args).trim_end());
    assert!(path.is_file(), "atelier new made no file at {path:?}");
    path
}

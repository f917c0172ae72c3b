//! End to end: the real binary in a pseudo-terminal, read through a vt100 parser.

#![allow(clippy::unwrap_used)]

use crosscheck::compare::{CompareOptions, compare_texts};
use crosscheck::corpus::{LoadOptions, load_paths};
use crosscheck::pair::Pair;
use portable_pty::{CommandBuilder, PtyPair, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 110;
/// Generous: a loaded CI machine must not fail the test, and nothing can hang past it.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A pseudo-terminal of ROWS × COLS.
fn open_pty() -> PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap()
}

struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start() -> Self {
        let pty = open_pty();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_crosscheck"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            // Keep the master alive as long as we read from it.
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Self {
            parser: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
            output,
            writer,
            child,
        }
    }

    fn pump(&mut self) {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(20)) {
            self.parser.process(&bytes);
        }
    }

    /// Reads everything the exited process wrote, until the pty closes (or a timeout).
    fn drain(&mut self) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            match self.output.recv_timeout(Duration::from_millis(100)) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until `pred` holds for the screen; panics with the screen on timeout.
    fn wait_for(&mut self, what: &str, pred: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            if pred(&self.screen()) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to exit; kills it and panics on timeout.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            self.pump();
            if let Some(status) = self.child.try_wait().unwrap() {
                self.drain();
                return status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the reader did not exit; screen:\n{}", self.screen());
            }
        }
    }
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn reader_opens_the_sample_jumps_to_a_quote_and_quits_cleanly() {
    let corpus = load_paths(&[], &LoadOptions::default()).unwrap();
    assert_eq!(corpus.articles.len(), 5);
    let mut session = Session::start();
    // Every sample article is listed (outlets may be cut with … in the narrow sidebar).
    let heads: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| a.meta.outlet.chars().take(10).collect())
        .collect();
    session.wait_for("every outlet in the sidebar", |s| {
        s.contains("Articles (5)") && heads.iter().all(|h| s.contains(h.as_str()))
    });
    assert!(session.parser.screen().alternate_screen());
    // Open a pair: the first later article that shares a quote with the right one
    // (the second) replaces the left one (the older pick); then jump to a shared quote.
    let quotes_with_second = |k: usize| {
        compare_texts(
            Pair::new(
                corpus.articles[k].clean.as_str(),
                corpus.articles[1].clean.as_str(),
            ),
            &CompareOptions::default(),
        )
        .shared_quotes
        .len()
    };
    let pick = (2..corpus.articles.len())
        .find(|&k| quotes_with_second(k) > 0)
        .unwrap_or(2);
    session.send(&"j".repeat(pick));
    session.send("\r");
    let outlet: String = corpus.articles[pick].meta.outlet.chars().take(10).collect();
    session.wait_for("the picked article in the left pane", |s| {
        s.lines()
            .next()
            .is_some_and(|top| top.contains(&format!("L {outlet}")))
    });
    // The status bar names the new pair and counts its quotes once the comparison
    // is in (the screen is redrawn top down, so check the bar itself).
    session.wait_for("the comparison", |s| {
        s.lines().last().is_some_and(|l| {
            l.contains(&outlet) && (l.contains(" quote · ") || l.contains(" quotes · "))
        })
    });
    session.send("]");
    if quotes_with_second(pick) == 0 {
        session.wait_for("the no-quotes message", |s| s.contains("no shared quotes"));
    } else {
        session.wait_for("quote marker [1 in both panes", |s| {
            s.lines().any(|l| count(l, "[1") >= 2)
        });
    }
    session.send("q");
    let status = session.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let screen = session.parser.screen();
    assert!(!screen.alternate_screen(), "alternate screen left");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture released"
    );
}

#[test]
fn reader_without_a_terminal_exits_with_code_2() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("crosscheck list"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn sigterm_restores_the_terminal() {
    let mut session = Session::start();
    session.wait_for("the sidebar", |s| s.contains("Articles (5)"));
    let pid = session.child.process_id().unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = session.wait_exit();
    assert_eq!(status.exit_code(), 143, "128 + SIGTERM");
    let screen = session.parser.screen();
    assert!(!screen.alternate_screen(), "alternate screen left");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
}

/// A terminal that goes away (its window or tmux server killed) ends the reader
/// instead of leaving it spinning on a dead terminal. The reader runs under a shell,
/// as in a terminal window, so it is not the session leader.
#[cfg(unix)]
#[test]
fn a_hangup_of_the_terminal_ends_the_reader() {
    let pty = open_pty();
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", "\"$0\"; sleep 30", env!("CARGO_BIN_EXE_crosscheck")]);
    cmd.env("TERM", "xterm-256color");
    let mut shell = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    // Read until the first frame is up, then let go of every handle on the master.
    let (tx, shown) = channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            seen.extend_from_slice(&buf[..n]);
            if n == 0 || String::from_utf8_lossy(&seen).contains("Articles (5)") {
                break;
            }
        }
        let _ = tx.send(());
    });
    shown.recv_timeout(TIMEOUT).expect("first frame");
    let shell_pid = shell.process_id().unwrap().to_string();
    let children = std::process::Command::new("pgrep")
        .args(["-P", &shell_pid])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&children.stdout).trim().to_string();
    assert!(!pid.is_empty(), "the reader runs under the shell");
    let alive = || {
        std::process::Command::new("kill")
            .args(["-0", &pid])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
            .success()
    };
    drop(pty.master);
    let start = Instant::now();
    while alive() {
        if start.elapsed() > TIMEOUT {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid])
                .status();
            let _ = shell.kill();
            panic!("the reader kept running after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = shell.kill();
}

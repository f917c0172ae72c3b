//! End to end: the real binary in a pseudo-terminal, read through a vt100 parser.

#![allow(clippy::unwrap_used)]

use crosscheck::compare::{CompareOptions, compare_texts};
use crosscheck::corpus::{LoadOptions, load_paths};
use crosscheck::pair::{Pair, Side};
use crosscheck::tui::geometry;
use portable_pty::{CommandBuilder, PtyPair, PtySize, native_pty_system};
use ratatui::layout::Rect;
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 110;
/// Generous: a loaded CI machine must not fail the test, and nothing can hang past it.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A pseudo-terminal of ROWS × COLS.
fn open_pty() -> PtyPair {
    open_pty_sized(ROWS, COLS)
}

/// A pseudo-terminal of `rows` × `cols`.
fn open_pty_sized(rows: u16, cols: u16) -> PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
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
        Self::start_with(&[], ROWS, COLS)
    }

    /// The reader on `args`, in a terminal of `rows` × `cols`.
    fn start_with(args: &[&str], rows: u16, cols: u16) -> Self {
        let pty = open_pty_sized(rows, cols);
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_crosscheck"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // The user's config file aside.
        cmd.env("CROSSCHECK_CONFIG", "/dev/null");
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
            parser: vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
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
    // The status bar counts the new pair's quotes once the comparison is in (the
    // screen is redrawn top down, so check the bar itself).
    session.wait_for("the comparison", |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.contains(" shared quote · ") || l.contains(" shared quotes · "))
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

// ---- reading a pair (issue G), on the invented ferry pair: the right article has an
// extra paragraph early on and both carry two quotes after it ----

const FERRY: &str = "tests/fixtures/reader/ferry";
/// The terminal of these tests: the narrow one users have.
const SMALL: (u16, u16) = (24, 80);
/// Sentences both ferry articles carry in the same order, by their first words.
const SHARED: [&str; 5] = [
    "Board chair",
    "[1]\"We will",
    "Commuters who",
    "Union",
    "The board",
];

impl Session {
    /// The reader on the ferry pair at 80×24, its comparison shown.
    fn ferry() -> Self {
        let mut session = Self::start_with(&[FERRY], SMALL.0, SMALL.1);
        session.wait_for("the ferry pair compared", |s| s.contains("2 shared quotes"));
        session
    }

    /// The text area of pane `side`.
    fn pane(side: Side) -> Rect {
        let areas = geometry::areas(Rect::new(0, 0, SMALL.1, SMALL.0), true);
        geometry::text_area(areas.panes[side])
    }

    /// What row `row` of pane `side` shows.
    fn pane_row(&self, side: Side, row: u16) -> String {
        let area = Self::pane(side);
        let screen = self.parser.screen();
        (area.x..area.x + area.width)
            .map(|col| {
                screen
                    .cell(row, col)
                    .map_or(String::new(), |c| c.contents().to_string())
            })
            .map(|c| if c.is_empty() { " ".to_string() } else { c })
            .collect()
    }

    /// The row of pane `side` that starts with `needle`, if one is in view.
    fn row_of(&self, side: Side, needle: &str) -> Option<u16> {
        let area = Self::pane(side);
        (area.y..area.y + area.height).find(|&row| self.pane_row(side, row).starts_with(needle))
    }

    /// The gutter mark left of row `row` of pane `side`.
    fn gutter(&self, side: Side, row: u16) -> String {
        let x = Self::pane(side).x - 1;
        self.parser
            .screen()
            .cell(row, x)
            .map_or(String::new(), |c| c.contents().to_string())
    }

    /// The status bar.
    fn status(&self) -> String {
        self.screen().lines().last().unwrap_or("").to_string()
    }

    /// Sends `keys`, then waits for the screen to settle.
    fn press(&mut self, keys: &str) {
        let before = self.screen();
        self.send(keys);
        let start = Instant::now();
        // First the reader's answer (on a loaded machine it can take a while; a
        // press that changes nothing waits this out)…
        while start.elapsed() < Duration::from_secs(1) {
            self.pump();
            if self.screen() != before {
                break;
            }
        }
        // …then until it stops drawing.
        let mut last = self.screen();
        while start.elapsed() < Duration::from_secs(3) {
            self.pump();
            let now = self.screen();
            if now == last {
                break;
            }
            last = now;
        }
    }

    /// Every shared sentence in view stands on the same row in both panes.
    fn assert_counterparts_face(&self, when: &str) {
        let mut seen = 0;
        for needle in SHARED {
            let rows = Side::BOTH.map(|s| self.row_of(s, needle));
            if rows.iter().any(Option::is_some) {
                assert_eq!(
                    rows[0],
                    rows[1],
                    "{when}: {needle:?}; screen:\n{}",
                    self.screen()
                );
                seen += 1;
            }
        }
        assert!(
            seen > 0,
            "{when}: no shared sentence in view:\n{}",
            self.screen()
        );
    }

    fn quit(&mut self) {
        self.send("q");
        let status = self.wait_exit();
        assert!(status.success(), "exit status {status:?}");
    }
}

#[test]
fn locked_panes_face_each_other_with_filler_and_the_change_cursor_in_a_real_terminal() {
    let mut session = Session::ferry();
    // The paragraph only the right article has faces filler on the left.
    let extra = session
        .row_of(Side::Right, "The vote came")
        .expect("the extra paragraph");
    assert!(
        session.pane_row(Side::Left, extra).starts_with('╱'),
        "{}",
        session.screen()
    );
    session.assert_counterparts_face("opening");
    // From the right pane, then from the left: lines, pages, ends, search.
    for (focus, name) in [("\t\t", "right"), ("\x1b[Z", "left")] {
        session.press(focus);
        for (keys, what) in [
            ("jjj", "lines"),
            ("\x1b[6~", "page down"),
            ("k", "line up"),
            ("G", "bottom"),
            ("\x1b[5~", "page up"),
            ("g", "top"),
        ] {
            session.press(keys);
            session.assert_counterparts_face(&format!("{name} pane, {what}"));
        }
    }
    session.press("/Union\r");
    session.assert_counterparts_face("search");
    // The change cursor: the extra paragraph is a change for the left pane too.
    session.press("g}");
    assert!(
        session.status().contains("change 1 of "),
        "{}",
        session.status()
    );
    let marked = |session: &Session, side| {
        let area = Session::pane(side);
        (area.y..area.y + area.height).find(|&row| session.gutter(side, row) == "▶")
    };
    let rows = Side::BOTH.map(|s| marked(&session, s));
    assert!(
        rows[0].is_some() && rows[0] == rows[1],
        "both gutters mark it: {rows:?}"
    );
    assert!(
        session
            .pane_row(Side::Right, rows[1].unwrap())
            .starts_with("The vote came")
    );
    session.press("}}");
    assert!(
        session.status().contains("change 3 of "),
        "{}",
        session.status()
    );
    let row = marked(&session, Side::Left).expect("the change is in view");
    assert!(row > Session::pane(Side::Left).y, "a few rows from the top");
    session.press("g{");
    assert!(
        session.status().contains("· wrapped to the last"),
        "{}",
        session.status()
    );
    // Quotes: the two face each other, and wrap alike.
    session.press("g]");
    assert!(
        session.status().contains("quote 1 of 2"),
        "{}",
        session.status()
    );
    let rows = Side::BOTH.map(|s| session.row_of(s, "[1]"));
    assert!(rows[0].is_some() && rows[0] == rows[1], "{rows:?}");
    session.press("]]");
    assert!(
        session
            .status()
            .contains("quote 1 of 2 · wrapped to the first"),
        "{}",
        session.status()
    );
    session.quit();
}

#[test]
fn sideways_scrolling_and_folding_keep_both_panes_together_in_a_real_terminal() {
    let mut session = Session::ferry();
    session.press("\t");
    let first = session.pane_row(Side::Left, Session::pane(Side::Left).y);
    assert!(first.starts_with("The regional transit"), "{first}");
    session.press("wll");
    assert!(
        session.status().contains("nowrap col 17"),
        "{}",
        session.status()
    );
    for side in Side::BOTH {
        let top = session.pane_row(side, Session::pane(side).y);
        assert!(top.starts_with("nsit board voted"), "{side:?}: {top}");
    }
    session.press("\x1b[D");
    assert!(
        session.status().contains("nowrap col 9"),
        "{}",
        session.status()
    );
    // Wrapped again, folded: the folds stand on the same rows on both sides and the
    // inserted paragraph still faces filler.
    session.press("wz");
    assert!(
        session.status().contains("only changes: "),
        "{}",
        session.status()
    );
    let area = Session::pane(Side::Left);
    let folds = |side| -> Vec<u16> {
        (area.y..area.y + area.height)
            .filter(|&row| session.pane_row(side, row).starts_with('⋯'))
            .collect()
    };
    let left = folds(Side::Left);
    assert!(
        !left.is_empty(),
        "something is folded:\n{}",
        session.screen()
    );
    assert_eq!(left, folds(Side::Right));
    let extra = session
        .row_of(Side::Right, "The vote came")
        .expect("the extra paragraph");
    assert!(session.pane_row(Side::Left, extra).starts_with('╱'));
    session.quit();
}

/// An SGR mouse report: `button` at 0-based `col`, `row`, pressed (`M`) or released (`m`).
fn mouse(button: u8, col: u16, row: u16, pressed: bool) -> String {
    format!(
        "\x1b[<{button};{};{}{}",
        col + 1,
        row + 1,
        if pressed { 'M' } else { 'm' }
    )
}

#[test]
fn the_mouse_wheel_scrolls_locked_panes_and_clicks_select_and_focus_in_a_real_terminal() {
    let mut session = Session::ferry();
    let left = Session::pane(Side::Left);
    let before = Side::BOTH.map(|s| session.row_of(s, "Board chair").unwrap());
    // Wheel down over the left pane: both locked panes scroll three rows.
    session.press(&mouse(65, left.x + 2, left.y + 2, true));
    let after = Side::BOTH.map(|s| session.row_of(s, "Board chair").unwrap());
    assert_eq!(after, before.map(|r| r - 3), "{}", session.screen());
    session.press(&mouse(64, left.x + 2, left.y + 2, true));
    assert_eq!(
        Side::BOTH.map(|s| session.row_of(s, "Board chair").unwrap()),
        before
    );
    // A click focuses the right pane: its border takes the accent color.
    let right = geometry::areas(Rect::new(0, 0, SMALL.1, SMALL.0), true)
        .panes
        .right;
    session.press(
        &(mouse(0, right.x + 4, right.y + 4, true) + &mouse(0, right.x + 4, right.y + 4, false)),
    );
    let corner = session
        .parser
        .screen()
        .cell(right.y, right.x)
        .unwrap()
        .fgcolor();
    assert_eq!(corner, vt100::Color::Idx(6), "the right pane is focused");
    // Two clicks on the third article in the sidebar (under its own story's header)
    // show it in place of the older pane.
    let sidebar = geometry::areas(Rect::new(0, 0, SMALL.1, SMALL.0), true)
        .sidebar
        .unwrap();
    let screen = session.screen();
    let third = screen
        .lines()
        .position(|l| l.starts_with("│  3 "))
        .and_then(|row| u16::try_from(row).ok())
        .unwrap_or_else(|| panic!("the third article's row:\n{screen}"));
    let click = mouse(0, sidebar.x + 3, third, true) + &mouse(0, sidebar.x + 3, third, false);
    session.press(&click);
    session.press(&click);
    session.wait_for("the third article on the left", |s| {
        s.lines().next().is_some_and(|top| top.contains("L Valley"))
    });
    // It is about something else entirely, and the reader says so.
    session.wait_for("the unrelated-pair hint", |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.contains("different stories"))
    });
    session.quit();
}

/// Saves a short Markdown article with front matter naming its outlet and title.
fn save_story(dir: &std::path::Path, name: &str, outlet: &str, title: &str) {
    let text = format!(
        "---\noutlet: {outlet}\ntitle: {title}\n---\n\nThe harbour board voted on Tuesday to close \
         the old ferry pier for repairs. \"We cannot wait another winter,\" the mayor said, \
         and the work will take most of the summer.\n"
    );
    std::fs::write(dir.join(name), text).unwrap();
}

/// A temporary folder of stories, each `(file name, outlet, title)`.
fn story_folder(stories: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, outlet, title) in stories {
        save_story(dir.path(), name, outlet, title);
    }
    dir
}

#[test]
fn a_file_saved_into_the_folder_appears_in_the_sidebar_and_a_removed_one_leaves() {
    let dir = story_folder(&[
        ("1_herald.md", "Harbour Herald", "Ferry pier to close"),
        ("2_courier.md", "Bay Courier", "Pier shut for summer"),
        ("3_gazette.md", "Coast Gazette", "Repairs close the pier"),
    ]);
    let folder = dir.path().to_str().unwrap();
    let mut session = Session::start_with(&[folder], ROWS, COLS);
    session.wait_for("three articles", |s| s.contains("Articles (3)"));
    // Saved while the reader is open: it appears, with a status line naming it.
    save_story(
        dir.path(),
        "4_tribune.md",
        "Lake Tribune",
        "Ferry users protest",
    );
    session.wait_for("the new article in the sidebar", |s| {
        s.contains("Articles (4)") && s.contains("Lake Tribune")
    });
    session.wait_for("what changed, in the status line", |s| {
        s.contains("+1 article: Lake Tribune")
    });
    // A file removed while not shown leaves the list.
    std::fs::remove_file(dir.path().join("3_gazette.md")).unwrap();
    session.wait_for("the removed article gone, and said so", |s| {
        let sidebar: String = s
            .lines()
            .map(|l| l.chars().take(24).collect::<String>())
            .collect();
        s.contains("Articles (3)")
            && !sidebar.contains("Coast Gazette")
            && s.contains("−1 removed article: Coast Gazette")
    });
    session.send("q");
    assert!(session.wait_exit().success());
}

#[test]
fn no_watch_leaves_the_sidebar_as_loaded() {
    let dir = story_folder(&[
        ("1_herald.md", "Harbour Herald", "Ferry pier to close"),
        ("2_courier.md", "Bay Courier", "Pier shut for summer"),
    ]);
    let folder = dir.path().to_str().unwrap();
    let mut session = Session::start_with(&["--no-watch", folder], ROWS, COLS);
    session.wait_for("two articles", |s| s.contains("Articles (2)"));
    save_story(
        dir.path(),
        "3_tribune.md",
        "Lake Tribune",
        "Ferry users protest",
    );
    // The reader keeps answering keys; the file never shows up. Help round-trips
    // through the input thread, so once it has closed any change would have landed.
    for _ in 0..3 {
        session.send("?");
        session.wait_for("help", |s| s.contains("Keys"));
        session.send("q");
        session.wait_for("help closed", |s| !s.contains("Keys"));
        std::thread::sleep(Duration::from_millis(400));
    }
    session.pump();
    assert!(
        session.screen().contains("Articles (2)"),
        "{}",
        session.screen()
    );
    session.send("q");
    assert!(session.wait_exit().success());
}

#[test]
fn a_folder_loads_while_the_reader_runs_with_its_bad_files_noted_once_each() {
    let dir = story_folder(&[
        ("1_herald.md", "Harbour Herald", "Ferry pier to close"),
        ("2_courier.md", "Bay Courier", "Pier shut for summer"),
    ]);
    std::fs::write(dir.path().join("3_empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("4_noise.txt"),
        [0xff, 0x00, 0xfe, 0x00, 0x13, 0x37, 0x00, 0x00],
    )
    .unwrap();
    let folder = dir.path().to_str().unwrap();
    let mut session = Session::start_with(&[folder], ROWS, COLS);
    session.wait_for(
        "both articles, the pair open, the skipped files noted",
        |s| s.contains("Articles (2)") && s.contains("Bay Courier") && s.contains("⚠ 2 skipped"),
    );
    session.send("W");
    session.wait_for("one line per skipped file", |s| {
        count(s, "3_empty.txt") == 1 && count(s, "4_noise.txt") == 1
    });
    session.send("q");
    session.send("q");
    assert!(session.wait_exit().success());
}

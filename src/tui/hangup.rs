//! Ends the reader when its terminal goes away.
//!
//! When the terminal hangs up (its window or tmux server is killed), reads on it
//! return end-of-file forever; crossterm's event reader retries such reads without
//! returning, so the input loop would spin at full CPU. A thread blocked in
//! `poll(2)` on stdin (idle: no CPU) notices the hangup, asks the loop to stop, and
//! exits the process if the loop is stuck in the reader.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How long the input loop gets to end on its own after a hangup.
const GRACE: Duration = Duration::from_millis(500);

/// Starts the watcher; on a hangup it stores `SIGHUP` in `stop`, waits [`GRACE`],
/// then exits the process with 128 + `SIGHUP`.
pub fn watch(stop: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        if wait_for_hangup() {
            let signal = signal_hook::consts::SIGHUP;
            stop.store(usize::try_from(signal).unwrap_or(1), Ordering::Relaxed);
            std::thread::sleep(GRACE);
            std::process::exit(i32::from(crate::exit::signalled(signal)));
        }
    });
}

/// Blocks until stdin reports a hangup or an error; false if it cannot be watched.
#[cfg(unix)]
fn wait_for_hangup() -> bool {
    use rustix::event::{PollFd, PollFlags, poll};
    let stdin = rustix::stdio::stdin();
    loop {
        // No events asked for: poll only wakes on hangup, error or a closed descriptor.
        let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) => {
                let revents = fds.first().map_or(PollFlags::empty(), PollFd::revents);
                if revents.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                    return true;
                }
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

#[cfg(not(unix))]
fn wait_for_hangup() -> bool {
    false
}

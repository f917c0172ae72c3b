//! Running the built `crosscheck` binary (colour off) from integration tests.

use std::process::{Command, Output};

/// Runs the binary with `args` and returns what it did (the user's config file
/// aside: an empty one).
pub fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("CROSSCHECK_CONFIG", "/dev/null")
        .output()
        .expect("the binary runs")
}

/// Runs the binary, expecting success, and returns its stdout.
pub fn stdout(args: &[&str]) -> String {
    let out = crosscheck(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

//! What a well-kept command-line tool has: completions, a man page, `--version`.

use std::process::Command;

#[path = "support/binary.rs"]
mod binary;
use binary::{crosscheck, stdout};

const COMMANDS: [&str; 11] = [
    "list",
    "stories",
    "export",
    "show",
    "compare",
    "quotes",
    "matrix",
    "facts",
    "cache",
    "completions",
    "man",
];

#[test]
fn completions_for_every_shell_know_the_commands_and_flags() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        for word in COMMANDS.iter().chain(&["strict", "cache-dir", "json"]) {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
}

#[test]
fn bash_completion_is_valid_bash() {
    let script = stdout(&["completions", "bash"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("crosscheck.bash");
    std::fs::write(&path, script).expect("write");
    let Ok(check) = Command::new("bash").arg("-n").arg(&path).output() else {
        return; // no bash on this machine: nothing to check the syntax with
    };
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn an_unknown_shell_is_a_usage_error_listing_the_shells() {
    let out = crosscheck(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'tcsh'") && err.contains("powershell"),
        "{err}"
    );
}

#[test]
fn man_page_is_roff_with_every_command_the_environment_and_exit_codes() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH crosscheck 1"), "a man(7) title line");
    for command in COMMANDS {
        assert!(page.contains(command), "the page lists {command}");
    }
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH ENVIRONMENT",
        ".SH EXIT STATUS",
    ] {
        assert!(page.contains(section), "{section}");
    }
    for variable in ["NO_COLOR", "CROSSCHECK_CACHE", "CROSSCHECK_CONFIG"] {
        assert!(page.contains(variable), "{variable}");
    }
}

#[test]
fn version_names_the_package_and_the_commit_it_was_built_from() {
    let version = stdout(&["--version"]);
    let version = version.trim();
    assert_eq!(version, format!("crosscheck {}", crosscheck::cli::VERSION));
    assert!(version.starts_with(concat!("crosscheck ", env!("CARGO_PKG_VERSION"))));
    let head = Command::new("git")
        .args(["-C", env!("CARGO_MANIFEST_DIR"), "rev-parse", "HEAD"])
        .output();
    if let Some(head) = head.ok().filter(|h| h.status.success()) {
        // Built from a checkout: the commit is the one checked out.
        let head = String::from_utf8_lossy(&head.stdout);
        assert!(
            version.contains(&format!("({}", &head[..9])),
            "{version} names {head}"
        );
    } else {
        assert_eq!(version, concat!("crosscheck ", env!("CARGO_PKG_VERSION")));
    }
}

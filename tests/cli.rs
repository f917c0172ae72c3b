//! The binary's commands: output shapes, exit codes and error lines.

use serde_json::Value;
use std::process::{Command, Output};

fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> Value {
    let out = crosscheck(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn help_lists_the_commands_and_exits_zero() {
    let out = crosscheck(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for command in ["list", "compare", "quotes"] {
        assert!(text.contains(command), "help mentions {command}");
    }
}

#[test]
fn list_json_has_every_sample_article_with_metadata() {
    let v = json(&["list", "--json"]);
    let articles = v["articles"].as_array().expect("articles array");
    assert_eq!(articles.len(), 5);
    for (i, a) in articles.iter().enumerate() {
        assert_eq!(a["index"], i + 1);
        assert!(a["words"].as_u64().expect("words") > 100);
        for field in ["id", "outlet", "title"] {
            assert!(!a[field].as_str().expect(field).is_empty());
        }
    }
    assert!(v["skipped"].as_array().expect("skipped array").is_empty());
}

#[test]
fn list_plain_fits_80_columns() {
    let out = crosscheck(&["list"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(text.lines().count(), 6, "header + five articles:\n{text}");
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "too wide: {line}"
        );
    }
}

#[test]
fn compare_json_reports_both_sides_and_a_diff_covering_the_words() {
    let v = json(&["compare", "1", "2", "--json"]);
    assert_ne!(v["left"]["id"], v["right"]["id"]);
    let similarity = v["similarity"].as_f64().expect("similarity");
    assert!((0.0..=1.0).contains(&similarity));
    let ops = v["diff"].as_array().expect("diff");
    assert!(ops.iter().any(|op| op["op"] == "equal"));
    assert!(ops.iter().any(|op| op["op"] == "delete"));
    assert!(ops.iter().any(|op| op["op"] == "insert"));
    for key in ["alignment", "passages", "shared_quotes", "notices"] {
        assert!(v[key].is_array(), "{key} is an array");
    }
}

#[test]
fn compare_accepts_ids_and_indexes_alike() {
    let by_index = json(&["compare", "1", "2", "--json"]);
    let id = by_index["left"]["id"].as_str().expect("id").to_string();
    let by_id = json(&["compare", &id, "2", "--json"]);
    assert_eq!(by_index, by_id);
}

#[test]
fn unknown_article_is_a_usage_error_naming_it() {
    let out = crosscheck(&["compare", "1", "no-such-article"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("'no-such-article'"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn index_out_of_range_is_a_usage_error() {
    let out = crosscheck(&["compare", "1", "99"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_path_is_a_usage_error_naming_it() {
    let out = crosscheck(&["list", "/definitely/not/here"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("/definitely/not/here"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn bad_flag_is_a_usage_error() {
    let out = crosscheck(&["list", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn plain_output_without_a_terminal_has_no_escape_sequences() {
    let out = crosscheck(&["compare", "1", "3"]);
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b));
}

//! `crosscheck compare` as a fact-checker uses it (issue F): files named like `diff`
//! takes them, ops that tile both texts with the outlets' own punctuation, near
//! differences that stay visible, and plain output within 80 columns.

use serde_json::Value;
use std::path::{Path, PathBuf};

#[path = "support/binary.rs"]
mod binary;
use binary::{crosscheck, stdout};

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("valid JSON")
}

/// Writes `files` (name, text) into a new temporary folder.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).to_string_lossy().into_owned()
}

fn fixture(name: &str) -> String {
    PathBuf::from("tests/fixtures/compare")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

const MAYOR_A: &str = "The mayor called the vote “a turning point for us.” Critics disagreed. “We had no time to read it,” said Reyes.\n";
const MAYOR_B: &str = "The mayor called the vote “a turning point for us.” Opponents were unconvinced. “We had no time to read it,” said Reyes.\n";
const COLOR_A: &str = "The color of the neighborhood changed over the years.\n";
const COLOR_B: &str = "The colour of the neighbourhood changed over the years.\n";

/// Each side's op texts, in order of their offsets on that side.
fn rebuilt(report: &Value, side: &str) -> String {
    let mut spans: Vec<&Value> = report["diff"]
        .as_array()
        .expect("diff")
        .iter()
        .map(|op| &op[side])
        .filter(|s| !s.is_null())
        .collect();
    spans.sort_by_key(|s| s["start"].as_u64());
    spans
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect()
}

// ------------------------------------------------------------- point 1: paths

#[test]
fn two_files_are_compared_without_corpus() {
    let dir = folder(&[("a.txt", MAYOR_A), ("b.txt", MAYOR_B)]);
    let v = json(&[
        "compare",
        &path(dir.path(), "a.txt"),
        &path(dir.path(), "b.txt"),
        "--json",
    ]);
    assert_eq!(v["left"]["id"], "a");
    assert_eq!(v["right"]["id"], "b");
    assert_eq!(v["left"]["text"], MAYOR_A);
    assert_eq!(v["right"]["text"], MAYOR_B);
}

#[test]
fn a_file_can_face_an_article_of_the_corpus() {
    let dir = folder(&[("mine.txt", COLOR_A)]);
    let v = json(&["compare", "1", &path(dir.path(), "mine.txt"), "--json"]);
    assert_eq!(v["right"]["id"], "mine");
    assert_ne!(v["left"]["id"], "mine");
}

#[test]
fn a_missing_path_is_one_line_naming_it_and_exit_2() {
    let dir = folder(&[("a.txt", MAYOR_A)]);
    let missing = path(dir.path(), "nope.txt");
    for args in [
        vec!["compare", "1", "nope.txt"],
        vec!["compare", &path(dir.path(), "a.txt"), &missing],
        vec![&path(dir.path(), "a.txt"), &missing],
    ] {
        let out = crosscheck(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        let named = args.last().copied().unwrap_or_default();
        assert!(err.contains(named), "{err} names {named}");
        assert!(!err.contains("no article"), "not an unknown id: {err}");
    }
}

#[test]
fn with_corpus_indices_and_ids_still_name_articles() {
    let dir = folder(&[("a.txt", MAYOR_A), ("b.txt", MAYOR_B)]);
    let corpus = dir.path().to_string_lossy().into_owned();
    let by_index = json(&["compare", "1", "2", "--corpus", &corpus, "--json"]);
    let by_id = json(&["compare", "a", "b", "--corpus", &corpus, "--json"]);
    assert_eq!(by_index, by_id);
}

#[test]
fn a_folder_is_not_an_article() {
    let dir = folder(&[("a.txt", MAYOR_A)]);
    let out = crosscheck(&["compare", &dir.path().to_string_lossy(), "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("folder"));
}

// ------------------------------------------------------- point 2: ops tile

#[test]
fn ops_rebuild_both_texts_with_their_punctuation() {
    let dir = folder(&[("a.txt", MAYOR_A), ("b.txt", MAYOR_B)]);
    for mode in ["aligned", "linear"] {
        let v = json(&[
            "compare",
            &path(dir.path(), "a.txt"),
            &path(dir.path(), "b.txt"),
            "--json",
            "--diff",
            mode,
        ]);
        assert_eq!(rebuilt(&v, "left"), MAYOR_A, "{mode}");
        assert_eq!(rebuilt(&v, "right"), MAYOR_B, "{mode}");
        for op in v["diff"].as_array().expect("diff") {
            match op["op"].as_str() {
                Some("equal" | "near") => {
                    assert!(op["left"].is_object() && op["right"].is_object(), "{op}");
                }
                Some("delete") => assert!(op["right"].is_null(), "{op}"),
                Some("insert") => assert!(op["left"].is_null(), "{op}"),
                other => panic!("unknown op {other:?}"),
            }
        }
    }
}

#[test]
fn plain_diff_shows_the_real_punctuation() {
    let dir = folder(&[("a.txt", MAYOR_A), ("b.txt", MAYOR_B)]);
    let out = stdout(&[
        "compare",
        &path(dir.path(), "a.txt"),
        &path(dir.path(), "b.txt"),
    ]);
    let diff = &out[out.find("Diff").expect("a diff")..];
    assert!(diff.contains("“a turning point for us.”"), "{diff}");
    assert!(diff.contains("[-Critics disagreed.-]"), "{diff}");
    assert!(diff.contains("{+Opponents were unconvinced.+}"), "{diff}");
    assert!(
        diff.contains("“We had no time to read it,” said Reyes."),
        "{diff}"
    );
    assert!(
        diff.find("[-Critics").unwrap_or(0) < diff.find("{+Opponents").unwrap_or(0),
        "the deletion reads before the insertion: {diff}"
    );
}

#[test]
fn json_says_its_version_and_offset_unit_and_counts_characters() {
    let dir = folder(&[
        ("a.txt", "“Café” — déjà vu.\n"),
        ("b.txt", "“Cafe” — deja vu.\n"),
    ]);
    let v = json(&[
        "compare",
        &path(dir.path(), "a.txt"),
        &path(dir.path(), "b.txt"),
        "--json",
    ]);
    assert_eq!(v["version"], 2);
    assert!(
        v["offsets"]
            .as_str()
            .is_some_and(|o| o.contains("utf8_bytes"))
    );
    let text = v["left"]["text"].as_str().expect("text");
    for op in v["diff"].as_array().expect("diff") {
        let span = &op["left"];
        if span.is_null() {
            continue;
        }
        let at = |key: &str| usize::try_from(span[key].as_u64().expect("offset")).expect("fits");
        assert_eq!(text[..at("start")].chars().count(), at("start_char"));
        assert_eq!(text[..at("end")].chars().count(), at("end_char"));
    }
}

// ------------------------------------------------- point 3: near differences

#[test]
fn spelling_variants_are_near_ops_with_both_texts() {
    let dir = folder(&[("a.txt", COLOR_A), ("b.txt", COLOR_B)]);
    let (a, b) = (path(dir.path(), "a.txt"), path(dir.path(), "b.txt"));
    let v = json(&["compare", &a, &b, "--json"]);
    let near: Vec<(String, String, Value, Value)> = v["diff"]
        .as_array()
        .expect("diff")
        .iter()
        .filter(|op| op["op"] == "near")
        .map(|op| {
            (
                op["left"]["text"]
                    .as_str()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                op["right"]["text"]
                    .as_str()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                op["differs"].clone(),
                op["counted"].clone(),
            )
        })
        .collect();
    let spelling = serde_json::json!(["spelling"]);
    assert_eq!(
        near,
        [
            (
                "color".into(),
                "colour".into(),
                spelling.clone(),
                false.into()
            ),
            (
                "neighborhood".into(),
                "neighbourhood".into(),
                spelling,
                false.into()
            ),
        ]
    );
    assert_eq!(v["near"], 2);
    assert_eq!(v["deleted_words"], 0);
    let plain = stdout(&["compare", &a, &b]);
    assert!(plain.contains("{~color→colour~}"), "{plain}");
    assert!(
        plain.contains("written differently"),
        "the legend says so: {plain}"
    );
    assert!(plain.contains("-0 +0 words, 2 near"), "{plain}");
}

#[test]
fn strict_turns_near_words_into_deletes_and_inserts() {
    let dir = folder(&[("a.txt", COLOR_A), ("b.txt", COLOR_B)]);
    let (a, b) = (path(dir.path(), "a.txt"), path(dir.path(), "b.txt"));
    let v = json(&["compare", &a, &b, "--json", "--strict"]);
    let ops: Vec<&str> = v["diff"]
        .as_array()
        .expect("diff")
        .iter()
        .filter_map(|op| op["op"].as_str())
        .collect();
    assert!(!ops.contains(&"near"), "{ops:?}");
    assert!(
        ops.contains(&"delete") && ops.contains(&"insert"),
        "{ops:?}"
    );
    assert_eq!(v["ignored"], serde_json::json!([]));
    assert!(v["deleted_words"].as_u64() >= Some(2));
}

#[test]
fn a_counted_kind_makes_a_near_op_a_change() {
    let dir = folder(&[("a.txt", COLOR_A), ("b.txt", COLOR_B)]);
    let (a, b) = (path(dir.path(), "a.txt"), path(dir.path(), "b.txt"));
    let v = json(&["compare", &a, &b, "--json", "--match-spelling"]);
    let near: Vec<&Value> = v["diff"]
        .as_array()
        .expect("diff")
        .iter()
        .filter(|op| op["op"] == "near")
        .collect();
    assert_eq!(near.len(), 2, "still near, not deleted");
    assert!(near.iter().all(|op| op["counted"] == true));
    assert_eq!(v["near_counted"], 2);
    assert_eq!(v["deleted_words"], 2);
    assert_eq!(v["inserted_words"], 2);
}

// ------------------------------------------------ point 7: 80 columns, plurals

#[test]
fn plain_compare_fits_80_columns_on_every_sample_pair() {
    for (a, b) in [("1", "5"), ("2", "4"), ("3", "1")] {
        let out = stdout(&["compare", a, b]);
        for line in out.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 80,
                "compare {a} {b}: too wide ({}): {line}",
                unicode_width::UnicodeWidthStr::width(line)
            );
        }
    }
}

#[test]
fn a_long_word_is_cut_to_fit() {
    let url = format!("https://example.org/{}", "segment/".repeat(20));
    let dir = folder(&[
        ("a.txt", &format!("Read it at {url} today.\n")),
        ("b.txt", "Read it today.\n"),
    ]);
    let out = stdout(&[
        "compare",
        &path(dir.path(), "a.txt"),
        &path(dir.path(), "b.txt"),
    ]);
    assert!(
        out.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80),
        "{out}"
    );
}

#[test]
fn one_shared_quote_is_singular() {
    let dir = folder(&[
        (
            "a.txt",
            "“We will rebuild the bridge,” said Mayor Ada Kern on Monday.\n",
        ),
        (
            "b.txt",
            "Mayor Ada Kern promised: “We will rebuild the bridge.”\n",
        ),
    ]);
    let out = stdout(&[
        "compare",
        &path(dir.path(), "a.txt"),
        &path(dir.path(), "b.txt"),
    ]);
    assert!(out.contains("  1 shared quote  "), "{out}");
}

// ------------------------------------------------------------- snapshots

#[test]
fn snapshot_of_the_council_pair() {
    let (a, b) = (fixture("council_a.txt"), fixture("council_b.txt"));
    insta::assert_snapshot!("council_plain", stdout(&["compare", &a, &b]));
    let v = json(&["compare", &a, &b, "--json"]);
    insta::assert_json_snapshot!("council_json", v);
}

/// A hard-wrapped text file against the same story one paragraph a line.
const WRAPPED: &str = "The city council voted on Tuesday to close the old harbor bridge for\n\
repairs, a decision that will reroute about 12,000 cars a day for most\n\
of next year.\n\
\n\
\"We cannot keep patching a structure that was built for horse carts,\"\n\
said Mayor Elena Ruiz after the vote. \"Safety comes first, even when it\n\
is inconvenient.\"\n";
const UNWRAPPED: &str = "The city council voted on Tuesday to close the old harbor bridge for \
repairs, a decision that will reroute about 12,000 cars a day for most of next year.\n\n\
\"We cannot keep patching a structure that was built for horse carts,\" said Mayor Elena \
Ruiz after the vote. \"Safety comes first, even when it is inconvenient.\"\n";

#[test]
fn a_hard_wrapped_file_keeps_its_first_line_its_quotes_whole_and_their_speaker() {
    let dir = folder(&[("wrapped.txt", WRAPPED), ("unwrapped.txt", UNWRAPPED)]);
    let report = json(&[
        "compare",
        &path(dir.path(), "wrapped.txt"),
        &path(dir.path(), "unwrapped.txt"),
        "--json",
    ]);
    assert!(
        report["left"]["text"]
            .as_str()
            .unwrap()
            .starts_with("The city council voted"),
        "the first line is text, not a title"
    );
    let quotes = report["shared_quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    for quote in quotes {
        assert_eq!(quote["kind"], "exact", "{quote:#}");
        assert_eq!(quote["left"]["speaker"], "Elena Ruiz", "{quote:#}");
    }
    assert!(
        quotes[1]["left"]["text"]
            .as_str()
            .unwrap()
            .ends_with("even when it\nis inconvenient"),
        "the wrapped quote is one: {:#}",
        quotes[1]
    );
}

#[test]
fn british_spellings_that_differ_in_their_first_letters_are_near_too() {
    let dir = folder(&[
        (
            "a.txt",
            "The ageing paediatric ward will move to the new centre.\n",
        ),
        (
            "b.txt",
            "The aging pediatric ward will move to the new center.\n",
        ),
    ]);
    let (a, b) = (path(dir.path(), "a.txt"), path(dir.path(), "b.txt"));
    let v = json(&["compare", &a, &b, "--json"]);
    assert_eq!(v["near"], 3, "{:#}", v["diff"]);
    assert_eq!(v["deleted_words"], 0);
    assert_eq!(v["inserted_words"], 0);
    let strict = json(&["compare", &a, &b, "--json", "--strict"]);
    assert_eq!(strict["deleted_words"], 3, "--strict counts them");
}

//! The binary's commands: output shapes, exit codes and error lines.

use serde_json::Value;
use std::process::Output;

#[path = "support/binary.rs"]
mod binary;
use binary::{crosscheck, stdout};

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("valid JSON")
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

/// Shared-quote texts of `compare a b --json`, both sides, lower-cased.
fn shared_quote_texts(a: &str, b: &str) -> Vec<(String, String, String)> {
    let v = json(&["compare", a, b, "--json"]);
    v["shared_quotes"]
        .as_array()
        .expect("shared_quotes")
        .iter()
        .map(|q| {
            let side = |s: &str| {
                q[s]["text"]
                    .as_str()
                    .expect("text")
                    .to_lowercase()
                    .replace('’', "'")
            };
            (
                q["kind"].as_str().expect("kind").to_string(),
                side("left"),
                side("right"),
            )
        })
        .collect()
}

/// Whether some shared quote covers `left` words on the left and `right` words on the right.
fn has_match(quotes: &[(String, String, String)], left: &str, right: &str) -> bool {
    quotes
        .iter()
        .any(|(_, l, r)| l.contains(left) && r.contains(right))
}

#[test]
fn compare_finds_the_sample_quotes_on_the_cleaned_text() {
    // 1 Antiwar.com, 2 Bloomberg, 3 Epoch Times, 4 Moscow Times, 5 AP (sorted by file name).
    let chasing = "will only prolong the war and cause more suffering";
    for (a, b) in [("1", "2"), ("1", "4"), ("2", "4")] {
        assert!(
            has_match(&shared_quote_texts(a, b), chasing, chasing),
            "{a}↔{b}"
        );
    }
    let q13 = shared_quote_texts("1", "3");
    assert!(has_match(
        &q13,
        "realistic outcome for a negotiated settlement",
        "realistic outcome of a negotiated settlement"
    ));
    assert!(has_match(
        &q13,
        "pre-2014 borders is an unrealistic objective",
        "pre-2014 borders is an unrealistic objective"
    ));
    assert!(has_match(
        &q13,
        "not be covered under article 5",
        "not be covered under article five"
    ));
    assert!(has_match(
        &q13,
        "consequential threats to our homeland",
        "consequential threats to our homeland"
    ));
    assert!(has_match(
        &q13,
        "peer competitor in the communist chinese",
        "peer competitor in the communist chinese"
    ));
    for (a, b) in [("1", "4"), ("3", "4")] {
        let q = shared_quote_texts(a, b);
        assert!(
            has_match(
                &q,
                "capable european and non-european troops",
                "capable european and non-european troops"
            ),
            "{a}↔{b}"
        );
        assert!(
            has_match(
                &q,
                "nato membership for ukraine is a realistic outcome",
                "nato membership for ukraine is a realistic outcome"
            ),
            "{a}↔{b}"
        );
    }
    assert!(has_match(
        &shared_quote_texts("1", "5"),
        "not be us troops deployed to ukraine",
        "not be u.s. troops deployed to ukraine"
    ));
    for (other, kind) in [("1", "exact"), ("2", "exact"), ("4", "near")] {
        let q = shared_quote_texts(other, "5");
        assert!(
            q.iter()
                .any(|(k, l, r)| k == kind && l.contains("goal") && r == "illusionary goal"),
            "AP's “illusionary goal” vs {other}: {q:?}"
        );
    }
    assert!(has_match(
        &shared_quote_texts("4", "5"),
        "no longer tolerate",
        "no longer tolerate"
    ));
}

#[test]
fn no_shared_quote_is_a_single_word() {
    for a in 1..=5 {
        for b in (a + 1)..=5 {
            for (_, l, r) in shared_quote_texts(&a.to_string(), &b.to_string()) {
                let words = l
                    .split_whitespace()
                    .count()
                    .min(r.split_whitespace().count());
                assert!(words >= 2, "{a}↔{b}: {l:?} / {r:?}");
            }
        }
    }
}

#[test]
fn quotes_json_groups_are_sorted_by_carriers() {
    let v = json(&["quotes", "--json"]);
    let groups = v["groups"].as_array().expect("groups");
    assert!(!groups.is_empty());
    let counts: Vec<u64> = groups
        .iter()
        .map(|g| g["carriers"].as_u64().expect("carriers"))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(counts.iter().all(|&c| c >= 2));
    let top = groups[0]["text"].as_str().expect("text");
    assert!(
        top.contains("prolong the war"),
        "the most carried quote: {top}"
    );
}

#[test]
fn facts_json_names_the_sample_spelling_variants() {
    let v = json(&["facts", "--json"]);
    let text = v.to_string();
    for word in [
        "Volodomyr",
        "Volodymyr",
        "Zelensky",
        "Zelenskiy",
        "$126 billion",
    ] {
        assert!(text.contains(word), "facts mention {word}");
    }
}

#[test]
fn matrix_json_is_symmetric_with_ones_on_the_diagonal() {
    let v = json(&["matrix", "--json"]);
    let rows = v["similarity"].as_array().expect("similarity rows");
    assert_eq!(rows.len(), 5);
    for (i, row) in rows.iter().enumerate() {
        for (j, cell) in row.as_array().expect("row").iter().enumerate() {
            let (x, y) = (
                cell.as_f64().expect("cell"),
                rows[j][i].as_f64().expect("cell"),
            );
            assert!((x - y).abs() < 1e-9);
            if i == j {
                assert!((x - 1.0).abs() < 1e-9);
            }
        }
    }
}

#[test]
fn quotes_json_lists_the_carriers_and_counts_the_rest() {
    let v = json(&["quotes", "--json"]);
    let articles = v["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 5);
    let groups = v["groups"].as_array().expect("groups");
    assert!(!groups.is_empty());
    for g in groups {
        assert!(g.get("statuses").is_none(), "no status per article");
        let occurrences = g["occurrences"].as_array().expect("occurrences");
        assert_eq!(g["carriers"].as_u64(), Some(occurrences.len() as u64));
        assert_eq!(
            g["carriers"]
                .as_u64()
                .zip(g["others"].as_u64())
                .map(|(c, o)| c + o),
            Some(articles.len() as u64)
        );
        assert!(g["conflict"].is_boolean());
        let mut previous = 0;
        for o in occurrences {
            let i = o["article"].as_u64().expect("article");
            assert!(
                i > previous && i <= articles.len() as u64,
                "carriers in corpus order"
            );
            previous = i;
            assert_ne!(o["status"], "absent");
            assert!(o["differences"].is_array());
        }
    }
}

#[test]
fn quotes_plain_is_a_tracker_within_80_columns() {
    let out = crosscheck(&["quotes"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(text.matches("● exact").count(), 1, "one legend:\n{text}");
    assert!(
        text.contains("1● 2● 3· 4◐ 5◐"),
        "Chasing quote marks:\n{text}"
    );
    assert!(text.contains("illusionary → illusory"), "{text}");
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "too wide: {line}"
        );
    }
}

#[test]
fn an_error_names_its_cause_once() {
    let out = crosscheck(&["list", "/definitely/not/here"]);
    let err = stderr(&out);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
}

/// On a large corpus the plain tracker marks only each quote's carriers: its size
/// follows the quotes carried, not quotes × articles.
#[test]
fn quotes_plain_on_a_large_corpus_marks_only_carriers() {
    use synth::{Synth, write_articles};
    let dir = tempfile::tempdir().expect("temp dir");
    let synth = Synth::from_sample().expect("sample");
    write_articles(dir.path(), &synth.corpus(7, 80, 300, 10)).expect("articles written");
    let out = crosscheck(&["quotes", dir.path().to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("only carriers are marked"), "{text}");
    let absent_marks = text
        .split_whitespace()
        .filter(|w| w.ends_with('·') && w.trim_end_matches('·').parse::<usize>().is_ok())
        .count();
    assert_eq!(absent_marks, 0);
    let carried_marks = text
        .split_whitespace()
        .filter(|w| w.ends_with(['●', '◐', '○']))
        .count();
    assert!(carried_marks > 0, "{text}");
}

#[test]
fn export_jsonl_writes_one_line_per_article_with_its_story() {
    let list = json(&["list", "--json"]);
    let articles = list["articles"].as_array().expect("articles array");
    let out = crosscheck(&["export", "--jsonl", "--stories"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert_eq!(lines.len(), articles.len());
    for (line, article) in lines.iter().zip(articles) {
        assert_eq!(line["id"], article["id"]);
        assert_eq!(line["series"], article["outlet"]);
        assert!(line["story"].is_string(), "every article has a story");
        assert_eq!(line["story"], article["story"]);
        assert!(
            line["text"]
                .as_str()
                .expect("text")
                .split_whitespace()
                .count()
                > 100
        );
    }
    let plain = crosscheck(&["export", "--jsonl"]);
    let first: Value =
        serde_json::from_slice(plain.stdout.split(|&b| b == b'\n').next().expect("a line"))
            .expect("JSON");
    assert!(first.get("story").is_none(), "no story without --stories");
    assert!(
        !crosscheck(&["export"]).status.success(),
        "--jsonl is required"
    );
}

#[test]
fn stories_plain_heads_undated_stories_without_an_empty_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ferry = "Ferry strikes pier in Calder harbour\n\nA passenger ferry struck the main pier of Calder harbour on Tuesday, injuring four people, the port authority said.\n";
    let fire = "Wildfire forces evacuation of Tornby\n\nA wildfire tore through the Serra hills on Wednesday, forcing 600 residents of Tornby to leave their homes.\n";
    for (name, text) in [("ferry.txt", ferry), ("fire.txt", fire)] {
        std::fs::write(dir.path().join(name), text).expect("write article");
    }
    let out = stdout(&["stories", dir.path().to_str().expect("utf-8 path")]);
    let heads: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(heads.len(), 2, "{out}");
    for head in heads {
        assert!(
            head.contains(" 1 article  s"),
            "an undated story says its count, then its id: {head}"
        );
    }
}

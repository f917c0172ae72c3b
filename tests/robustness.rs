//! Robustness and safety (issue 7): hostile and odd input never crashes, never
//! reaches the terminal as control sequences, never loses words, and the user's
//! files are only read. Small hostile articles live in `tests/fixtures/hostile/`;
//! huge ones are generated here.

#![allow(clippy::unwrap_used)] // test helpers panic on setup failure by design

use crosscheck::cli::report::CompareReport;
use crosscheck::compare::{CompareOptions, DiffMode, Document, Notice, compare};
use crosscheck::corpus::clean::{CleanOptions, clean};
use crosscheck::corpus::{Corpus, LoadOptions, load_paths};
use crosscheck::pair::{Pair, Side};
use proptest::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

#[path = "support/inert.rs"]
mod inert;
use inert::{assert_inert, fixture};

#[path = "support/binary.rs"]
#[allow(
    dead_code,
    reason = "this file reads stderr itself, so it runs the binary but not `stdout`"
)]
mod binary;
use binary::crosscheck;

/// Runs the binary, expecting success, and returns its stdout.
fn stdout(args: &[&str]) -> String {
    let out = crosscheck(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_inert(&String::from_utf8_lossy(&out.stderr), "stderr");
    String::from_utf8(out.stdout).unwrap()
}

fn load(path: &Path) -> Corpus {
    load_paths(&[path.to_path_buf()], &LoadOptions::default()).unwrap()
}

// ---------------------------------------------------------------- injection

#[test]
fn human_output_of_every_command_is_inert() {
    let dir = fixture("injection");
    let dir = dir.to_str().unwrap();
    let outputs = [
        stdout(&["list", dir]),
        stdout(&["list", "--show-removed", dir]),
        stdout(&["compare", "1", "2", "--corpus", dir]),
        stdout(&["compare", "2", "1", "--corpus", dir, "--diff", "linear"]),
        stdout(&["quotes", dir]),
        stdout(&["facts", dir]),
        stdout(&["matrix", dir]),
    ];
    for (n, out) in outputs.iter().enumerate() {
        assert_inert(out, &format!("output {n}"));
    }
    // The words around the sequences are still shown.
    assert!(outputs[2].contains("rebuild") && outputs[2].contains("warehouse"));
    assert!(outputs[4].contains("rebuild"), "{}", outputs[4]);
}

#[test]
fn json_keeps_sequences_as_escaped_data() {
    let dir = fixture("injection");
    let dir = dir.to_str().unwrap();
    let corpus = load(Path::new(dir));
    for args in [
        vec!["list", "--json", "--show-removed", dir],
        vec!["compare", "1", "2", "--json", "--corpus", dir],
        vec!["quotes", "--json", dir],
    ] {
        let out = stdout(&args);
        assert_inert(&out, &format!("{args:?}"));
        let value: Value = serde_json::from_str(&out).unwrap();
        let mut texts = Vec::new();
        strings(&value, &mut texts);
        assert!(
            texts.iter().any(|t| t.contains("\x1b]52;c;")),
            "{args:?}: the clipboard sequence is kept as data"
        );
    }
    let list: Value = serde_json::from_str(&stdout(&["list", "--json", dir])).unwrap();
    let blog = list["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "harbour-blog")
        .unwrap();
    assert!(blog["title"].as_str().unwrap().contains("\x1b]0;owned\x07"));
    assert!(blog["outlet"].as_str().unwrap().contains('\u{9b}'));
    assert!(corpus.articles.iter().any(|a| a.clean.contains('\u{202e}')));
}

/// Every string in `value`.
fn strings<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn hostile_file_names_and_reasons_are_inert() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("\x1b]0;owned\x07\u{202e}txt.txt"),
        b"\0\x1b[2J binary",
    )
    .unwrap();
    fs::write(dir.path().join("ok.txt"), "The pier reopened on Tuesday.\n").unwrap();
    let path = dir.path().to_str().unwrap();
    let out = crosscheck(&["list", path]);
    let warning = String::from_utf8_lossy(&out.stderr);
    assert!(warning.contains("binary file"), "{warning}");
    assert_inert(&warning, "a warning naming a hostile skipped file");
    assert_inert(
        &String::from_utf8_lossy(&out.stdout),
        "list beside a hostile skipped name",
    );
    fs::remove_file(dir.path().join("ok.txt")).unwrap();
    let out = crosscheck(&["list", path]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skipped"), "{err}");
    assert_inert(&err, "error naming a hostile skipped file");
}

// ---------------------------------------------------------------- odd text

/// Clean texts of articles loaded from `dir`, by id.
fn clean_of<'c>(corpus: &'c Corpus, id: &str) -> &'c str {
    &corpus.articles.iter().find(|a| a.id == id).unwrap().clean
}

/// Checks `{start, end, text}` against `text`: char boundaries, and the slice is the text.
fn check_span_text(span: &Value, text: &str, what: &str) {
    let (start, end) = (
        usize::try_from(span["start"].as_u64().unwrap()).unwrap(),
        usize::try_from(span["end"].as_u64().unwrap()).unwrap(),
    );
    let slice = text
        .get(start..end)
        .unwrap_or_else(|| panic!("{what}: {start}..{end} is not a slice"));
    if let Some(shown) = span.get("text") {
        assert_eq!(shown.as_str().unwrap(), slice, "{what}");
    }
}

/// Checks every span of a `compare --json` report against the two clean texts.
fn check_compare_json(report: &Value, texts: Pair<&str>) {
    let side_text = |side: &str| {
        if side == "left" {
            texts.left
        } else {
            texts.right
        }
    };
    for key in ["alignment", "passages", "shared_quotes"] {
        for item in report[key].as_array().unwrap() {
            for side in ["left", "right"] {
                if !item[side].is_null() {
                    check_span_text(&item[side], side_text(side), key);
                }
            }
        }
    }
    for side in ["left", "right"] {
        let text = side_text(side);
        assert_eq!(report[side]["text"].as_str().unwrap(), text);
        let mut spans: Vec<&Value> = report["diff"]
            .as_array()
            .unwrap()
            .iter()
            .map(|op| &op[side])
            .filter(|span| !span.is_null())
            .collect();
        for span in &spans {
            check_span_text(span, text, "diff");
            let at = |key: &str| usize::try_from(span[key].as_u64().unwrap()).unwrap();
            assert_eq!(text[..at("start")].chars().count(), at("start_char"));
            assert_eq!(text[..at("end")].chars().count(), at("end_char"));
        }
        spans.sort_by_key(|span| span["start"].as_u64());
        let rebuilt: String = spans.iter().map(|s| s["text"].as_str().unwrap()).collect();
        assert_eq!(rebuilt, text, "the {side} ops of the JSON rebuild the text");
    }
}

#[test]
fn odd_text_gives_valid_spans_in_every_output() {
    let dir = fixture("odd");
    let corpus = load(&dir);
    let dir = dir.to_str().unwrap();
    let pairs = [
        ("quotes", "scripts"),
        ("scripts", "quotes"),
        ("quotes", "quotes"),
    ];
    for (a, b) in pairs {
        for mode in ["aligned", "linear"] {
            let out = stdout(&["compare", a, b, "--json", "--diff", mode, "--corpus", dir]);
            let report: Value = serde_json::from_str(&out).unwrap();
            check_compare_json(
                &report,
                Pair::new(clean_of(&corpus, a), clean_of(&corpus, b)),
            );
            assert_inert(
                &stdout(&["compare", a, b, "--diff", mode, "--corpus", dir]),
                "plain compare of odd text",
            );
        }
    }
    let quotes: Value = serde_json::from_str(&stdout(&["quotes", "--json", dir])).unwrap();
    for group in quotes["groups"].as_array().unwrap() {
        for o in group["occurrences"].as_array().unwrap() {
            let index = usize::try_from(o["article"].as_u64().unwrap()).unwrap();
            let article = &corpus.articles[index - 1];
            check_span_text(o, &article.clean, "quote occurrence");
        }
    }
    assert_inert(&stdout(&["quotes", dir]), "plain quotes of odd text");
    assert_inert(&stdout(&["facts", dir]), "plain facts of odd text");
    assert_inert(&stdout(&["matrix", dir]), "plain matrix of odd text");
    let facts = stdout(&["facts", "--json", dir]);
    assert_inert(&facts, "facts --json of odd text");
    serde_json::from_str::<Value>(&facts).unwrap();
    assert_inert(
        &stdout(&["list", "--show-removed", dir]),
        "plain list of odd text",
    );
}

/// Both diff modes of `texts` (as clean text), spans checked in their reports' JSON:
/// each report's similarity and notices, and the comparison's notices.
fn compare_checked(texts: Pair<&str>) -> Vec<(f64, Vec<String>, Vec<Notice>)> {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), texts.left).unwrap();
    fs::write(dir.path().join("b.txt"), texts.right).unwrap();
    let corpus = load(dir.path());
    let articles = Pair::new(&corpus.articles[0], &corpus.articles[1]);
    [DiffMode::Aligned, DiffMode::Linear]
        .into_iter()
        .map(|diff_mode| {
            let options = CompareOptions {
                diff_mode,
                ..CompareOptions::default()
            };
            let docs = articles.map(|a| Document::new(&a.clean, &options.matching));
            let comparison = compare(docs.as_ref(), &options);
            assert_every_word_once(docs.as_ref(), &comparison.diff, diff_mode);
            let report = CompareReport::new(articles, &comparison, &options.matching);
            check_compare_json(
                &serde_json::to_value(&report).unwrap(),
                articles.map(|a| a.clean.as_str()),
            );
            (report.similarity, report.notices, comparison.notices)
        })
        .collect()
}

#[test]
fn hundred_kilobyte_word_and_url() {
    let word = "Ab\u{301}c".repeat(100 * 1024 / 5);
    let url = format!("https://example.org/{}", "path/segment-".repeat(8 * 1024));
    let left = format!("The mayor said {word} today.\n\nSee {url} for more.\n");
    let right = format!("See {url} for details.\n\nThe mayor said {word} on Monday.\n");
    let reports = compare_checked(Pair::new(&left, &right));
    assert!(reports.iter().all(|&(similarity, ..)| similarity > 0.0));
}

#[test]
fn huge_pair_completes_with_a_notice() {
    // Two ~250 KB run-on texts over one vocabulary in different random orders:
    // sentence alignment pairs them, their one stretch is far past the diff's work
    // budget, and no word is unique enough to cut it.
    let mut rng = synth::Rng::new(7);
    let vocabulary: Vec<String> = (0..3000).map(|i| format!("w{i:x}")).collect();
    let mut article = |words: usize| {
        let mut text = String::from("Start ");
        for _ in 0..words {
            text.push_str(&vocabulary[rng.below(vocabulary.len())]);
            text.push(' ');
        }
        text + "end.\n"
    };
    let texts = Pair::new(article(40_000), article(40_000));
    for (_, reported, notices) in compare_checked(texts.as_ref().map(String::as_str)) {
        assert_eq!(
            notices,
            [Notice::DiffCutShort],
            "a huge pair says its diff was degraded"
        );
        assert_eq!(reported, [Notice::DiffCutShort.to_string()]);
    }
}

// ---------------------------------------------------------------- nothing lost

/// Every token of each side lies inside exactly one diff op's span on that side.
fn assert_every_word_once(
    docs: Pair<&Document<'_>>,
    diff: &[crosscheck::compare::DiffOp],
    mode: DiffMode,
) {
    for side in [Side::Left, Side::Right] {
        let tokens = &docs[side].tokens;
        let mut seen = vec![0_u32; tokens.len()];
        for op in diff {
            let span = &op.spans[side];
            assert!(
                docs[side].text.get(span.clone()).is_some(),
                "{mode:?} {side:?}: op span {span:?} is not a slice"
            );
            let first = tokens.partition_point(|t| t.span.start < span.start);
            for (i, t) in tokens.iter().enumerate().skip(first) {
                if t.span.start >= span.end {
                    break;
                }
                assert!(
                    t.span.end <= span.end,
                    "{mode:?} {side:?}: word cut by an op"
                );
                seen[i] += 1;
            }
        }
        if let Some(i) = seen.iter().position(|&n| n != 1) {
            panic!(
                "{mode:?} {side:?}: word {:?} is in {} diff ops",
                &docs[side].text[tokens[i].span.clone()],
                seen[i]
            );
        }
    }
}

/// Article-like text: words, punctuation, quotes, paragraphs, and odd characters.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(vec![
            "the", "mayor", "said", "bridge", "safe", "on", "Monday", "U.S.", "5", "five",
            "don't", "rock'n'roll", "co-operate", "$4.5m", "e\u{301}te\u{301}", "北京大学",
            "مرحبا", "שלום", "👨‍👩‍👧", "👋🏽", "x\u{200b}y", "\u{202e}abc", "\x1b[2J",
        ]).prop_map(str::to_string),
        2 => prop::sample::select(vec![
            " ", " ", ". ", ", ", "\n", "\n\n", "“", "”", "‘", "’", "\"", "'", "«", "»", "—",
            "(", ")", "!", "? ",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The diff of the cleaned pair places every word exactly once per side, in
    /// both modes (the round trip raw = clean + removals is in `corpus::clean`'s tests).
    #[test]
    fn every_clean_word_is_in_exactly_one_diff_op(
        left in article_text(),
        right in article_text(),
        share in any::<bool>(),
    ) {
        let right = if share { format!("{right}\n\n{left}") } else { right };
        let options = CleanOptions::default();
        let cleaned = Pair::new(clean(&left, &options).0, clean(&right, &options).0);
        for diff_mode in [DiffMode::Aligned, DiffMode::Linear] {
            let options = CompareOptions { diff_mode, ..CompareOptions::default() };
            let docs = cleaned.as_ref().map(|t| Document::new(t, &options.matching));
            let comparison = compare(docs.as_ref(), &options);
            assert_every_word_once(docs.as_ref(), &comparison.diff, diff_mode);
        }
    }
}

/// Bytes a scraper might hand over: text pieces, escapes, BOMs, stray UTF-8 and CRs.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => article_text().prop_map(String::into_bytes),
        1 => prop::sample::select(vec![
            b"\xEF\xBB\xBF".to_vec(), b"\r\n".to_vec(), b"\r".to_vec(), b"\xC3".to_vec(),
            b"\xFF\xFE".to_vec(), b"---\ntitle: T\n---\n".to_vec(), b"![i](x.png)\n".to_vec(),
            b"{\"text\": \"a \\u001b b\"}\n".to_vec(), b"Updated: 2024-01-02\n".to_vec(),
        ]),
        1 => prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any bytes in any format load to a skip or to articles whose removals and
    /// clean text rebuild the raw text exactly, with tokens on char boundaries.
    #[test]
    fn loaded_bytes_lose_nothing(
        bytes in file_bytes(),
        ext in prop::sample::select(vec!["txt", "md", "json", "jsonl"]),
    ) {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(format!("article.{ext}"));
        fs::write(&path, &bytes).unwrap();
        let Ok(corpus) = load_paths(&[path], &LoadOptions::default()) else {
            return Ok(());
        };
        for article in &corpus.articles {
            let segments = crosscheck::corpus::segments(&article.raw, &article.removals);
            let kept: String = segments.iter().filter(|s| s.removed.is_none()).map(|s| s.text).collect();
            prop_assert_eq!(&kept, &article.clean);
            let all: String = segments.iter().map(|s| s.text).collect();
            prop_assert_eq!(&all, &article.raw);
            for token in crosscheck::text::tokenize(&article.clean) {
                prop_assert!(article.clean.get(token.span.clone()).is_some());
            }
        }
    }
}

// ---------------------------------------------------------------- read-only

/// Bytes, modification time and permissions of every file under `dir`.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime, fs::Permissions)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        let meta = fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> = fs::read_dir(&path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            entries.sort();
            stack.extend(entries);
        } else if meta.is_file() {
            let bytes = fs::read(&path).unwrap();
            out.push((path, bytes, meta.modified().unwrap(), meta.permissions()));
        }
    }
    out
}

#[test]
fn loading_and_every_command_leave_files_untouched() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    for entry in fs::read_dir(fixture("injection")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, root.join(path.file_name().unwrap())).unwrap();
    }
    fs::create_dir(root.join("deep")).unwrap();
    fs::write(
        root.join("deep/crlf.txt"),
        "The pier reopened.\r\nOfficials said so.\r\n",
    )
    .unwrap();
    fs::write(
        root.join("deep/records.jsonl"),
        "{\"text\": \"One record.\"}\n{bad\n",
    )
    .unwrap();
    fs::write(root.join("binary.txt"), b"\0\x01\x02").unwrap();
    fs::write(
        root.join("sources.toml"),
        "[\"crlf.txt\"]\noutlet = \"Wire\"\n",
    )
    .unwrap();
    let before = snapshot(root);
    let _ = load(root);
    let path = root.to_str().unwrap();
    for args in [
        vec!["list", "--show-removed", path],
        vec!["compare", "1", "2", "--corpus", path],
        vec!["quotes", "--json", path],
    ] {
        let _ = stdout(&args);
    }
    assert_eq!(
        snapshot(root),
        before,
        "files, bytes, mtimes and modes unchanged"
    );
}

// ---------------------------------------------------------------- odd files

#[cfg(unix)]
#[test]
fn vanished_path_is_skipped_and_the_rest_loads() {
    // A dangling symlink is a path that is listed but gone when opened.
    let dir = TempDir::new().unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("vanished.txt"))
        .unwrap();
    fs::write(dir.path().join("ok.txt"), "The pier reopened on Tuesday.\n").unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(corpus.skipped.len(), 1, "{:?}", corpus.skipped);
    assert!(corpus.skipped[0].path.ends_with("vanished.txt"));
    assert!(!corpus.skipped[0].reason.is_empty());
}

#[test]
fn markup_only_files_are_skipped_with_a_reason() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("images.md"),
        "![photo](https://img.example/a.jpg)\n\n![](b.png)\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("front.md"),
        "---\ntitle: Only a header\n---\n",
    )
    .unwrap();
    fs::write(dir.path().join("ok.txt"), "The pier reopened on Tuesday.\n").unwrap();
    let corpus = load(dir.path());
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["ok"]);
    assert_eq!(corpus.skipped.len(), 2, "{:?}", corpus.skipped);
}

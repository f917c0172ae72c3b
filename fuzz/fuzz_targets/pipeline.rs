//! Fuzz target: arbitrary bytes → two article files → load (decode, parse, clean)
//! → tokenize → compare (both diff modes) → shared quotes and quote groups, with
//! the engine's invariants checked on the way.
//!
//! Input layout: byte 0 picks the two files' formats (bits 0–1 and 2–3: txt, md,
//! json, jsonl); the rest is split at the first `0xFF` byte into the two files.

#![no_main]

use crosscheck::compare::{CompareOptions, DiffMode, Document, compare, quotes};
use crosscheck::corpus::{LoadOptions, load_paths, segments};
use crosscheck::pair::{Pair, Side};
use libfuzzer_sys::fuzz_target;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

/// File extensions the selector byte chooses from.
const EXTENSIONS: [&str; 4] = ["txt", "md", "json", "jsonl"];

/// One scratch folder for the whole run (files are overwritten each input).
fn scratch() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("scratch folder"))
}

fn check_span(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && text.get(span.clone()).is_some(),
        "{what} span {span:?} is not a valid slice of a {}-byte text",
        text.len()
    );
}

fn write_files(data: &[u8]) -> Vec<PathBuf> {
    let Some((&selector, rest)) = data.split_first() else {
        return Vec::new();
    };
    let (first, second) = match rest.iter().position(|&b| b == 0xFF) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &rest[..0]),
    };
    let dir = scratch().path();
    for entry in std::fs::read_dir(dir).expect("scratch folder readable") {
        std::fs::remove_file(entry.expect("entry").path()).expect("clean scratch");
    }
    [first, second]
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            let ext = EXTENSIONS[usize::from(selector >> (2 * i)) & 3];
            let path = dir.join(format!("article{i}.{ext}"));
            std::fs::write(&path, bytes).expect("write scratch file");
            path
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let paths = write_files(data);
    if paths.is_empty() {
        return;
    }
    let Ok(corpus) = load_paths(&paths, &LoadOptions::default()) else {
        return;
    };
    for article in &corpus.articles {
        let rebuilt: String = segments(&article.raw, &article.removals)
            .iter()
            .filter(|s| s.removed.is_none())
            .map(|s| s.text)
            .collect();
        assert_eq!(rebuilt, article.clean, "clean = raw minus removals");
        let covered: usize = segments(&article.raw, &article.removals)
            .iter()
            .map(|s| s.text.len())
            .sum();
        assert_eq!(covered, article.raw.len(), "segments cover raw");
    }
    let options = CompareOptions::default();
    let docs: Vec<Document> = corpus
        .articles
        .iter()
        .map(|a| Document::new(&a.clean, &options.matching))
        .collect();
    for doc in &docs {
        for token in &doc.tokens {
            check_span(doc.text, &token.span, "token");
        }
        for quote in &doc.quotes {
            check_span(doc.text, &quote.span, "quote");
        }
    }
    let _ = quotes::groups(&docs);
    let (left, right) = match docs.as_slice() {
        [one] => (one, one),
        [left, right, ..] => (left, right),
        [] => return,
    };
    let pair = Pair::new(left, right);
    for mode in [DiffMode::Aligned, DiffMode::Linear] {
        let options = CompareOptions {
            diff_mode: mode,
            ..options
        };
        let comparison = compare(pair, &options);
        for side in [Side::Left, Side::Right] {
            let text = pair[side].text;
            let tokens = &pair[side].tokens;
            let mut words = vec![0usize; tokens.len()];
            for op in &comparison.diff {
                let span = &op.spans[side];
                check_span(text, span, "diff");
                let first = tokens.partition_point(|t| t.span.start < span.start);
                for (i, token) in tokens.iter().enumerate().skip(first) {
                    if token.span.start >= span.end {
                        break;
                    }
                    if token.span.end <= span.end {
                        words[i] += 1;
                    }
                }
            }
            assert!(
                words.iter().all(|&n| n == 1),
                "{mode:?} {side:?}: every word in exactly one diff op: {words:?}"
            );
            for passage in &comparison.passages {
                check_span(text, &passage.spans[side], "passage");
            }
        }
        for shared in &comparison.shared_quotes {
            for side in [Side::Left, Side::Right] {
                check_span(pair[side].text, &shared.spans[side], "shared quote");
            }
        }
    }
});

//! Writes the article-extraction-benchmark's prediction JSON for crosscheck's page
//! reading: every page of a folder (`<id>.html.gz`) loaded as `crosscheck` loads it,
//! `{"<id>": {"articleBody": "<clean text>"}}` on stdout, timing on stderr.
//!
//! ```sh
//! cargo run --release --example extraction_benchmark -- BENCH/html > BENCH/output/crosscheck.json
//! (cd BENCH && python3 evaluate.py)
//! ```
//! `--raw` writes the extracted text before cleaning instead.

use crosscheck::corpus::{LoadOptions, load_paths};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut raw = false;
    let mut folder = None;
    for arg in std::env::args().skip(1) {
        if arg == "--raw" {
            raw = true;
        } else {
            folder = Some(PathBuf::from(arg));
        }
    }
    let folder = folder.ok_or("usage: extraction_benchmark [--raw] FOLDER")?;
    let pages = std::fs::read_dir(&folder)?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".html.gz"))
        .count();
    let started = Instant::now();
    let corpus = load_paths(&[folder], &LoadOptions::default())?;
    let elapsed = started.elapsed();
    let mut output: BTreeMap<String, BTreeMap<&str, String>> = BTreeMap::new();
    for article in &corpus.articles {
        let body = if raw { &article.raw } else { &article.clean };
        output.insert(
            article.id.clone(),
            BTreeMap::from([("articleBody", body.clone())]),
        );
    }
    for skipped in &corpus.skipped {
        eprintln!("skipped {}: {}", skipped.path, skipped.reason);
        let id = PathBuf::from(&skipped.path)
            .file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(".html.gz").to_string())
            .unwrap_or_default();
        output.insert(id, BTreeMap::from([("articleBody", String::new())]));
    }
    println!("{}", serde_json::to_string(&output)?);
    let per_page = elapsed.as_secs_f64() * 1000.0 / pages.max(1) as f64;
    eprintln!(
        "{pages} pages in {:.2} s: {per_page:.1} ms a page (one thread)",
        elapsed.as_secs_f64()
    );
    Ok(())
}

//! Writes generated coverage to disk for the process benchmarks in `scripts/`.
//!
//! ```text
//! cargo run --release --example synth -- pair DIR WORDS      # DIR/left.txt, DIR/right.txt
//! cargo run --release --example synth -- corpus DIR ARTICLES # DIR/00000.txt …
//! ```

use anyhow::{Context, bail};
use std::path::PathBuf;
use synth::{Synth, write_articles};

/// Seed of every generated input (the benches use the same).
const SEED: u64 = 2025;
/// Words per corpus article.
const ARTICLE_WORDS: usize = 600;
/// Articles per story in a corpus.
const OUTLETS: usize = 10;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, dir, count] = args.as_slice() else {
        bail!("usage: synth pair|corpus DIR COUNT");
    };
    let dir = PathBuf::from(dir);
    let count: usize = count.parse().context("COUNT must be a number")?;
    std::fs::create_dir_all(&dir)?;
    let synth = Synth::from_sample()?;
    match kind.as_str() {
        "pair" => {
            let pair = synth.pair(SEED, count);
            std::fs::write(dir.join("left.txt"), pair.left)?;
            std::fs::write(dir.join("right.txt"), pair.right)?;
        }
        "corpus" => {
            write_articles(&dir, &synth.corpus(SEED, count, ARTICLE_WORDS, OUTLETS))?;
        }
        other => bail!("unknown kind '{other}': use pair or corpus"),
    }
    Ok(())
}

//! Writes generated coverage to disk for the process benchmarks in `scripts/`.
//!
//! ```text
//! cargo run --release --example synth -- pair DIR WORDS        # DIR/left.txt, DIR/right.txt
//! cargo run --release --example synth -- news DIR WORDS        # real prose (synth::news::pair)
//! cargo run --release --example synth -- repetitive DIR WORDS  # sample sentences drawn again and again
//! cargo run --release --example synth -- corpus DIR ARTICLES [WORDS]  # DIR/00000.txt …
//! ```
//!
//! A corpus is stories of ten outlets each, every article about `WORDS` words
//! (default 600; the growth table of BENCHMARKS.md uses 350).

use anyhow::{Context, bail};
use std::path::PathBuf;
use synth::{Synth, news, write_articles};

/// Seed of every generated input (the benches use the same).
const SEED: u64 = 2025;
/// Words per corpus article unless the command line says.
const ARTICLE_WORDS: usize = 600;
/// Articles per story in a corpus.
const OUTLETS: usize = 10;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kind, dir, count, words) = match args.as_slice() {
        [kind, dir, count] => (kind, dir, count, None),
        [kind, dir, count, words] if kind == "corpus" => (kind, dir, count, Some(words)),
        _ => {
            bail!("usage: synth pair|news|repetitive DIR WORDS | synth corpus DIR ARTICLES [WORDS]")
        }
    };
    let words: usize = words.map_or(Ok(ARTICLE_WORDS), |w| {
        w.parse().context("WORDS must be a number")
    })?;
    let dir = PathBuf::from(dir);
    let count: usize = count.parse().context("COUNT must be a number")?;
    std::fs::create_dir_all(&dir)?;
    let synth = Synth::from_sample()?;
    let pair = match kind.as_str() {
        "pair" => synth.pair(SEED, count),
        "news" => news::pair(SEED, count),
        "repetitive" => news::repetitive_pair(&synth, SEED, count),
        "corpus" => {
            write_articles(&dir, &synth.corpus(SEED, count, words, OUTLETS))?;
            return Ok(());
        }
        other => bail!("unknown kind '{other}': use pair, news, repetitive or corpus"),
    };
    std::fs::write(dir.join("left.txt"), pair.left)?;
    std::fs::write(dir.join("right.txt"), pair.right)?;
    Ok(())
}

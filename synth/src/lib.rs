//! Deterministic synthetic coverage for crosscheck's tests, benches and example
//! (a development crate, not part of the shipped library).
//!
//! - [`Rng`]: the one seeded generator every test and bench draws from.
//! - [`Synth`] ([`sample`]): articles, pairs and corpora built from the bundled sample's sentences.
//! - [`news`]: real-prose and repetitive pairs (a copy rewriting a fifth of the
//!   sentences, moving a tenth) for the comparison against `git diff`.
//! - [`prose`]: text in an invented language with a Zipf-like vocabulary, and
//!   copies of it at known shares, for answers known by construction.
//! - [`bench_sizes`]: every size under `cargo bench`, a smoke size under `cargo test`.

pub mod news;
pub mod prose;
mod rng;
pub mod sample;

pub use rng::Rng;
pub use sample::{Synth, write_articles};

/// Whether the process runs as a real benchmark (`cargo bench` passes `--bench`);
/// false under `cargo test`, where divan runs each bench once as a smoke test.
#[must_use]
pub fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The sizes a bench runs: all of `full` under `cargo bench`, only `smoke` under
/// `cargo test` (so the CI test run stays fast).
#[must_use]
pub fn bench_sizes(smoke: usize, full: &[usize]) -> Vec<usize> {
    if bench_mode() {
        full.to_vec()
    } else {
        vec![smoke]
    }
}

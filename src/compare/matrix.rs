//! The similarity map of a corpus: similarity of every pair of articles, and
//! wire-copy analysis ([`reuse`]) of the most similar pairs.
//!
//! Similarity is the score of [`super::similarity`] over each article's
//! [`Profile`] (as `compare` gives it, without merging spelling variants across the
//! pair). Corpora of at most [`EXACT_LIMIT`] articles are scored exactly over all
//! pairs; larger ones use MinHash signatures and banded LSH ([`minhash`]) to propose
//! candidate pairs, which are then scored exactly. The signatures leave out the
//! features most of the corpus carries ([`signature_df_cap`]), which would make
//! every pair of unrelated articles a candidate. Pairs never proposed count as 0.
//! Scores are stored sparsely (pairs above 0 only), so the map of a large corpus
//! stays small.

mod exact;
pub mod minhash;
pub mod reuse;

use super::Document;
use super::similarity::{Profile, of_counts};
use crate::pair::Pair;
use crate::text::{MatchOptions, tokenize};
use rayon::prelude::*;
use reuse::Reuse;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Most articles scored exactly over all pairs; above it, MinHash/LSH.
pub const EXACT_LIMIT: usize = 2_000;

/// Default number of pairs given a wire-copy analysis and listed as top pairs.
pub const TOP_PAIRS: usize = 30;

/// Least similarity for a pair to be analysed for reuse: pairs about different
/// stories are not.
pub const NOTABLE_SIMILARITY: f64 = super::similarity::UNRELATED_BELOW;

/// Least containment (the larger of the two coverages: shared profile over the
/// smaller article's) for a pair to be analysed for reuse even below
/// [`NOTABLE_SIMILARITY`]: a short article copied from a long one has a low score
/// but high containment. Set well above what a short article shares with an
/// unrelated long one (its everyday words).
pub const NOTABLE_CONTAINMENT: f64 = 0.5;

/// Rows or candidate pairs scored between two progress reports.
const PROGRESS_CHUNK: usize = 256;

/// Options for [`similarity_matrix`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MatrixOptions {
    /// Which differences between words are ignored.
    pub matching: MatchOptions,
    /// Most articles scored exactly; above it, MinHash/LSH.
    pub exact_limit: usize,
    /// Most pairs analysed for reuse and listed.
    pub top_pairs: usize,
    /// Shortest unquoted shared run counted as reuse, in words.
    pub reuse_min_words: usize,
}

impl Default for MatrixOptions {
    fn default() -> Self {
        Self {
            matching: MatchOptions::default(),
            exact_limit: EXACT_LIMIT,
            top_pairs: TOP_PAIRS,
            reuse_min_words: reuse::REUSE_MIN_WORDS,
        }
    }
}

/// How the pair scores were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Every pair scored.
    Exact,
    /// Candidate pairs from MinHash/LSH scored; the rest count as 0.
    MinHash,
}

/// The similarity of two articles (by 0-based index, `left < right`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PairScore {
    /// Index of the first article.
    pub left: usize,
    /// Index of the second article.
    pub right: usize,
    /// Their similarity score, 0–1 ([`super::similarity::score`]).
    pub similarity: f64,
    /// Shared profile over the smaller article's profile, 0–1.
    pub containment: f64,
}

/// A notable pair with its wire-copy analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopPair {
    /// The pair's scores.
    pub score: PairScore,
    /// How much of each article the other reuses (byte spans into their texts).
    pub reuse: Reuse,
}

/// Pair similarity over a corpus, with the top pairs analysed for reuse.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    /// Number of articles.
    pub len: usize,
    /// How the scores were found.
    pub method: Method,
    /// Pairs scoring above 0 (or notable by containment), sorted by `(left, right)`.
    pub pairs: Vec<PairScore>,
    /// The most similar notable pairs (most similar first), at most
    /// [`MatrixOptions::top_pairs`].
    pub top: Vec<TopPair>,
}

impl Matrix {
    /// Similarity of articles `a` and `b`: 1 on the diagonal, 0 for pairs never
    /// scored and indices out of range.
    #[must_use]
    pub fn similarity(&self, a: usize, b: usize) -> f64 {
        if a >= self.len || b >= self.len {
            return 0.0;
        }
        if a == b {
            return 1.0;
        }
        let key = (a.min(b), a.max(b));
        self.pairs
            .binary_search_by_key(&key, |p| (p.left, p.right))
            .map_or(0.0, |i| self.pairs[i].similarity)
    }

    /// The scored pairs whose left article is `a` (every pair of `a` with a later
    /// article), by right article.
    pub fn pairs_from(&self, a: usize) -> impl Iterator<Item = &PairScore> {
        let start = self.pairs.partition_point(|p| p.left < a);
        let end = self.pairs.partition_point(|p| p.left <= a);
        self.pairs.get(start..end).unwrap_or_default().iter()
    }

    /// The full `len × len` table (symmetric, 1 on the diagonal); for small corpora.
    #[must_use]
    pub fn dense(&self) -> Vec<Vec<f64>> {
        (0..self.len)
            .map(|a| (0..self.len).map(|b| self.similarity(a, b)).collect())
            .collect()
    }

    /// The top pair of articles `a` and `b` (in either order), if any.
    #[must_use]
    pub fn top_pair(&self, a: usize, b: usize) -> Option<&TopPair> {
        let key = (a.min(b), a.max(b));
        self.top
            .iter()
            .find(|t| (t.score.left, t.score.right) == key)
    }
}

/// Computes the similarity map of `texts` (clean article texts).
///
/// `progress(done, total)` is called from worker threads as work completes;
/// `total` may grow once the number of candidate pairs is known.
#[must_use]
pub fn similarity_matrix(
    texts: &[&str],
    options: &MatrixOptions,
    progress: impl Fn(usize, usize) + Sync,
) -> Matrix {
    let ticker = Ticker::new(&progress, 2 * texts.len());
    let profiles: Vec<Profile> = texts
        .par_iter()
        .map(|text| ticker.profile(Profile::of_tokens(text, &tokenize(text))))
        .collect();
    map(&profiles, options, &ticker, |needed| {
        needed
            .par_iter()
            .filter_map(|&i| {
                Some((
                    i,
                    Cow::Owned(Document::new(texts.get(i)?, &options.matching)),
                ))
            })
            .collect()
    })
}

/// [`similarity_matrix`] of articles already analysed under `options.matching`.
pub(crate) fn document_matrix(
    docs: &[Document<'_>],
    options: &MatrixOptions,
    progress: impl Fn(usize, usize) + Sync,
) -> Matrix {
    let ticker = Ticker::new(&progress, 2 * docs.len());
    let profiles: Vec<Profile> = docs
        .par_iter()
        .map(|d| ticker.profile(Profile::new(d)))
        .collect();
    map(&profiles, options, &ticker, |needed| {
        needed
            .iter()
            .filter_map(|&i| Some((i, Cow::Borrowed(docs.get(i)?))))
            .collect()
    })
}

/// The map of the articles with `profiles`; `documents(needed)` gives the analysed
/// articles (by index) that the top pairs' reuse analysis needs.
fn map<'d, 't: 'd, F: Fn(usize, usize) + Sync>(
    profiles: &[Profile],
    options: &MatrixOptions,
    ticker: &Ticker<'_, F>,
    documents: impl FnOnce(&[usize]) -> HashMap<usize, Cow<'d, Document<'t>>>,
) -> Matrix {
    let n = profiles.len();
    let (method, pairs) = if n <= options.exact_limit {
        (Method::Exact, exact_pairs(profiles, ticker))
    } else {
        (Method::MinHash, minhash_pairs(profiles, ticker))
    };
    let notable = notable_pairs(&pairs, options);
    ticker.add_total(notable.len());
    let mut needed: Vec<usize> = notable.iter().flat_map(|p| [p.left, p.right]).collect();
    needed.sort_unstable();
    needed.dedup();
    let docs = documents(&needed);
    let top = notable
        .par_iter()
        .filter_map(|&score| {
            let pair = Pair::new(docs.get(&score.left)?, docs.get(&score.right)?);
            let reuse = reuse::reuse(pair.map(AsRef::as_ref), options.reuse_min_words);
            ticker.tick(1);
            Some(TopPair { score, reuse })
        })
        .collect();
    Matrix {
        len: n,
        method,
        pairs,
        top,
    }
}

/// Counts finished work and reports it.
struct Ticker<'a, F> {
    report: &'a F,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl<'a, F: Fn(usize, usize) + Sync> Ticker<'a, F> {
    fn new(report: &'a F, total: usize) -> Self {
        Self {
            report,
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(total),
        }
    }

    fn tick(&self, n: usize) {
        let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
        (self.report)(done, self.total.load(Ordering::Relaxed));
    }

    /// One article's profile, counted as done.
    fn profile(&self, profile: Profile) -> Profile {
        self.tick(1);
        profile
    }

    fn add_total(&self, n: usize) {
        self.total.fetch_add(n, Ordering::Relaxed);
    }
}

/// The scores of `a` and `b`, or `None` when they share nothing.
fn score(profiles: &[Profile], a: usize, b: usize) -> Option<PairScore> {
    let shared = profiles.get(a)?.shared(profiles.get(b)?);
    score_shared(profiles, a, b, shared)
}

/// The scores of `a` and `b`, which share `shared` features (`None` when none).
fn score_shared(profiles: &[Profile], a: usize, b: usize, shared: usize) -> Option<PairScore> {
    let (x, y) = (profiles.get(a)?, profiles.get(b)?);
    if shared == 0 {
        return None;
    }
    let similarity = of_counts(shared, Pair::new(x.len(), y.len()));
    let containment = similarity.coverage.left.max(similarity.coverage.right);
    (similarity.score > 0.0 || containment >= NOTABLE_CONTAINMENT).then_some(PairScore {
        left: a,
        right: b,
        similarity: similarity.score,
        containment,
    })
}

/// Every pair sharing a feature scored, through an inverted index (rows in parallel).
fn exact_pairs<F: Fn(usize, usize) + Sync>(
    profiles: &[Profile],
    ticker: &Ticker<'_, F>,
) -> Vec<PairScore> {
    let n = profiles.len();
    let index = exact::Index::new(profiles);
    let rows: Vec<Vec<PairScore>> = profiles
        .par_iter()
        .enumerate()
        .map_init(
            || vec![0; n],
            |counts, (a, s)| {
                let row = index
                    .shared_after(s, a, counts)
                    .into_iter()
                    .filter_map(|(b, shared)| score_shared(profiles, a, b, shared))
                    .collect();
                ticker.tick(1);
                row
            },
        )
        .collect();
    rows.concat()
}

/// Candidate pairs from MinHash/LSH, scored exactly.
fn minhash_pairs<F: Fn(usize, usize) + Sync>(
    profiles: &[Profile],
    ticker: &Ticker<'_, F>,
) -> Vec<PairScore> {
    let common = common_features(profiles);
    let signatures: Vec<_> = profiles
        .par_iter()
        .map(|p| {
            let rare = p.without(&common);
            let sig = minhash::signature(if rare.is_empty() { p } else { &rare });
            ticker.tick(1);
            sig
        })
        .collect();
    let candidates = minhash::candidates(&signatures);
    ticker.add_total(candidates.len().div_ceil(PROGRESS_CHUNK));
    let scored: Vec<Vec<PairScore>> = candidates
        .par_chunks(PROGRESS_CHUNK)
        .map(|chunk| {
            let scores = chunk
                .iter()
                .filter_map(|&(a, b)| score(profiles, a as usize, b as usize))
                .collect();
            ticker.tick(1);
            scores
        })
        .collect();
    scored.concat()
}

/// Most articles a feature may be carried by and still take part in MinHash
/// signatures: a word most articles of a large corpus carry tells no story apart,
/// and would make unrelated pairs candidates (their scores stay exact).
fn signature_df_cap(articles: usize) -> usize {
    MIN_SIGNATURE_DF_CAP.max(articles / 16)
}

/// Least [`signature_df_cap`], whatever the corpus size.
const MIN_SIGNATURE_DF_CAP: usize = 256;

/// The features carried by more than [`signature_df_cap`] of `profiles`, sorted.
fn common_features(profiles: &[Profile]) -> Vec<u64> {
    let mut all: Vec<u64> = profiles
        .iter()
        .flat_map(|p| p.hashes().iter().copied())
        .collect();
    all.par_sort_unstable();
    let cap = signature_df_cap(profiles.len());
    all.chunk_by(|a, b| a == b)
        .filter(|run| run.len() > cap)
        .filter_map(|run| run.first().copied())
        .collect()
}

/// The notable pairs, most similar first, at most [`MatrixOptions::top_pairs`].
fn notable_pairs(pairs: &[PairScore], options: &MatrixOptions) -> Vec<PairScore> {
    let mut notable: Vec<PairScore> = pairs
        .iter()
        .filter(|p| p.similarity >= NOTABLE_SIMILARITY || p.containment >= NOTABLE_CONTAINMENT)
        .copied()
        .collect();
    notable.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(a.left.cmp(&b.left))
            .then(a.right.cmp(&b.right))
    });
    notable.truncate(options.top_pairs);
    notable
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(texts: &[&str]) -> Matrix {
        similarity_matrix(texts, &MatrixOptions::default(), |_, _| {})
    }

    #[test]
    fn diagonal_is_one_and_lookups_are_symmetric() {
        let m = matrix(&[
            "the council approved the flood barrier on tuesday",
            "the council approved the flood barrier on monday",
            "",
        ]);
        assert_eq!(m.len, 3);
        assert!((m.similarity(2, 2) - 1.0).abs() < f64::EPSILON);
        assert!(m.similarity(0, 1) > 0.5);
        assert!((m.similarity(0, 1) - m.similarity(1, 0)).abs() < f64::EPSILON);
        assert!(m.similarity(0, 2).abs() < f64::EPSILON);
        assert!(m.similarity(0, 9).abs() < f64::EPSILON);
    }

    #[test]
    fn progress_reaches_the_total() {
        let last = std::sync::Mutex::new((0, 0));
        let texts = ["one two three four", "one two three five", "six seven"];
        let _ = similarity_matrix(&texts, &MatrixOptions::default(), |done, total| {
            if let Ok(mut l) = last.lock() {
                *l = (*l).max((done, total));
            }
        });
        let (done, total) = *last.lock().unwrap();
        assert_eq!(done, total);
        assert!(total >= 6);
    }
}

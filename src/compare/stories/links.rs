//! Which pairs of articles may report one event, and how strongly: the cosine of
//! their term vectors (rare terms and names weigh more), the quotations they share,
//! and the engine's similarity of their texts.
//!
//! Candidate pairs are found through an inverted index of terms, leaving out terms
//! more than [`df_cap`] articles carry (they say little about one event and would
//! make the work grow with the square of the corpus); each candidate is then scored
//! over all its terms.

use super::profile::{Profile, Term};
use crate::compare::matrix::Matrix;
use rayon::prelude::*;

/// Weight of a name relative to another word of the same rarity.
pub const NAME_WEIGHT: f64 = 1.5;
/// Imagined articles that carry none of the corpus's terms: they keep a term every
/// article of a small folder carries from weighing nothing.
pub const IDF_SMOOTHING: f64 = 16.0;
/// Least share of a candidate pair's dot product, over the indexed terms, for it to be
/// scored in full.
const MIN_PARTIAL_COSINE: f64 = 0.04;
/// Terms carried by more articles than this (or [`df_cap`]) are not indexed.
const MIN_DF_CAP: usize = 256;
/// Least engine similarity that makes a pair a candidate whatever its terms.
const MIN_CANDIDATE_SIMILARITY: f64 = 0.05;

/// The evidence that two articles report one event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// Cosine of their weighted term vectors, 0–1.
    pub cosine: f64,
    /// Quote shingles both carry (runs of content words inside quotation marks).
    pub shared_quotes: usize,
    /// The engine's similarity of the two texts, 0–1 (see [`Matrix::similarity`]).
    pub similarity: f64,
}

/// A scored pair of articles (positions in the analysed articles, `left < right`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// The earlier article.
    pub left: usize,
    /// The later article.
    pub right: usize,
    /// What ties them.
    pub evidence: Evidence,
}

/// Most articles a term may be carried by and still be indexed for candidates.
#[must_use]
pub fn df_cap(articles: usize) -> usize {
    MIN_DF_CAP.max(articles / 16)
}

/// Weighted, length-normalized term vectors of every profile.
struct Vectors {
    /// Per article: (term index, weight), sorted by term index.
    rows: Vec<Vec<(u32, f32)>>,
    /// Per term: the articles carrying it, ascending (empty for terms not indexed).
    postings: Vec<Vec<u32>>,
}

impl Vectors {
    fn new(profiles: &[Profile]) -> Self {
        let mut all: Vec<u64> = profiles
            .iter()
            .flat_map(|p| p.terms.iter().map(|t| t.hash))
            .collect();
        all.par_sort_unstable();
        let mut df: Vec<(u64, u32)> = Vec::new();
        for run in all.chunk_by(|a, b| a == b) {
            df.push((run[0], u32::try_from(run.len()).unwrap_or(u32::MAX)));
        }
        let n = profiles.len();
        #[allow(clippy::cast_precision_loss)]
        let idf = |df: u32| ((n as f64 + IDF_SMOOTHING) / (f64::from(df) + 1.0)).ln();
        let rows: Vec<Vec<(u32, f32)>> = profiles
            .par_iter()
            .map(|p| {
                let mut row: Vec<(u32, f64)> = p
                    .terms
                    .iter()
                    .filter_map(|t| {
                        let k = df.binary_search_by_key(&t.hash, |d| d.0).ok()?;
                        Some((u32::try_from(k).ok()?, weight(t, idf(df[k].1))))
                    })
                    .collect();
                let norm = row.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
                if norm > 0.0 {
                    for (_, w) in &mut row {
                        *w /= norm;
                    }
                }
                #[allow(clippy::cast_possible_truncation)]
                row.into_iter().map(|(k, w)| (k, w as f32)).collect()
            })
            .collect();
        let cap = df_cap(n);
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); df.len()];
        for (a, row) in rows.iter().enumerate() {
            for &(k, _) in row {
                let indexed = df
                    .get(k as usize)
                    .is_some_and(|d| (2..=cap).contains(&(d.1 as usize)));
                if let (true, Some(list), Ok(a)) =
                    (indexed, postings.get_mut(k as usize), u32::try_from(a))
                {
                    list.push(a);
                }
            }
        }
        Self { rows, postings }
    }

    /// Later articles sharing an indexed term with `a`, with the dot product over
    /// those terms. `scratch` (one slot per article, all 0) is left all 0.
    fn partial_after(&self, a: usize, scratch: &mut [f32]) -> Vec<(usize, f32)> {
        let mut touched = Vec::new();
        for &(k, w) in self.rows.get(a).map_or(&[][..], Vec::as_slice) {
            let list = self.postings.get(k as usize).map_or(&[][..], Vec::as_slice);
            let later = list.partition_point(|&b| b as usize <= a);
            for &b in list.get(later..).unwrap_or_default() {
                let b = b as usize;
                let Some(other) = self.weight_of(b, k) else {
                    continue;
                };
                if let Some(slot) = scratch.get_mut(b) {
                    if *slot == 0.0 {
                        touched.push(b);
                    }
                    *slot += w * other;
                }
            }
        }
        touched.sort_unstable();
        touched
            .into_iter()
            .map(|b| (b, scratch.get_mut(b).map_or(0.0, std::mem::take)))
            .collect()
    }

    fn weight_of(&self, article: usize, term: u32) -> Option<f32> {
        let row = self.rows.get(article)?;
        row.binary_search_by_key(&term, |e| e.0)
            .ok()
            .map(|i| row[i].1)
    }

    /// The cosine of two articles over all their terms.
    fn cosine(&self, a: usize, b: usize) -> f64 {
        let (Some(left), Some(right)) = (self.rows.get(a), self.rows.get(b)) else {
            return 0.0;
        };
        let mut dot = 0.0f64;
        for_each_common(
            left,
            right,
            |e| e.0,
            |l, r| dot += f64::from(l.1) * f64::from(r.1),
        );
        dot.min(1.0)
    }
}

/// A term's weight: damped count × rarity, names weighing more.
fn weight(term: &Term, idf: f64) -> f64 {
    let boost = if term.name { NAME_WEIGHT } else { 1.0 };
    (1.0 + f64::from(term.count).ln()) * idf * boost
}

/// Number of hashes two sorted, distinct lists share.
fn shared(left: &[u64], right: &[u64]) -> usize {
    let mut count = 0;
    for_each_common(left, right, |&h| h, |_, _| count += 1);
    count
}

/// Calls `found` on each pair of entries with the same key in two lists sorted by
/// distinct keys.
fn for_each_common<T, K: Ord>(
    left: &[T],
    right: &[T],
    key: impl Fn(&T) -> K,
    mut found: impl FnMut(&T, &T),
) {
    let (mut l, mut r) = (0, 0);
    while let (Some(x), Some(y)) = (left.get(l), right.get(r)) {
        match key(x).cmp(&key(y)) {
            std::cmp::Ordering::Less => l += 1,
            std::cmp::Ordering::Greater => r += 1,
            std::cmp::Ordering::Equal => {
                found(x, y);
                l += 1;
                r += 1;
            }
        }
    }
}

/// Every candidate pair with its evidence, sorted by `(left, right)`. `matrix` holds
/// the engine's similarity of the same articles (by position); its pairs are
/// candidates too.
#[must_use]
pub(super) fn links(profiles: &[Profile], matrix: &Matrix) -> Vec<Link> {
    let vectors = Vectors::new(profiles);
    let n = profiles.len();
    let rows: Vec<Vec<Link>> = (0..n)
        .into_par_iter()
        .map_init(
            || vec![0.0f32; n],
            |scratch, a| {
                let mut candidates: Vec<usize> = vectors
                    .partial_after(a, scratch)
                    .into_iter()
                    .filter(|&(_, dot)| f64::from(dot) >= MIN_PARTIAL_COSINE)
                    .map(|(b, _)| b)
                    .collect();
                let similar = matrix
                    .pairs_from(a)
                    .filter(|p| p.similarity >= MIN_CANDIDATE_SIMILARITY)
                    .map(|p| p.right);
                candidates.extend(similar);
                candidates.sort_unstable();
                candidates.dedup();
                candidates
                    .into_iter()
                    .map(|b| Link {
                        left: a,
                        right: b,
                        evidence: Evidence {
                            cosine: vectors.cosine(a, b),
                            shared_quotes: shared(&profiles[a].quotes, &profiles[b].quotes),
                            similarity: matrix.similarity(a, b),
                        },
                    })
                    .collect()
            },
        )
        .collect();
    rows.concat()
}

//! MinHash signatures and banded LSH: which pairs of a large corpus are worth
//! scoring.
//!
//! A signature keeps, for each of [`HASHES`] hash functions, the least hash of
//! the features of the article's [`Profile`]; two signatures agree in one position
//! with probability equal to the Jaccard overlap `j` of the profiles. Signatures are
//! cut into [`BANDS`] bands of [`ROWS`] positions; two articles whose signatures
//! agree on a whole band become a candidate pair. A pair of overlap `j` is proposed
//! with probability `1 − (1 − j^ROWS)^BANDS`: with 64 bands of 2 rows, 0.47 at
//! j = 0.1 (similarity 0.11), 0.77 at 0.15 (0.19), 0.93 at 0.2 (0.24), above 0.997
//! from 0.3 (0.35).

use super::super::similarity::Profile;
use rayon::prelude::*;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Number of bands of a signature.
pub const BANDS: usize = 64;

/// Positions per band.
pub const ROWS: usize = 2;

/// Hash functions per signature.
pub const HASHES: usize = BANDS * ROWS;

/// A MinHash signature: the least feature hash under each hash function.
pub type Signature = [u64; HASHES];

/// The signature of `profile`, or `None` when it is empty.
#[must_use]
pub fn signature(profile: &Profile) -> Option<Box<Signature>> {
    if profile.is_empty() {
        return None;
    }
    let seeds = seeds();
    let mut sig = Box::new([u64::MAX; HASHES]);
    for &x in profile.hashes() {
        for (min, seed) in sig.iter_mut().zip(&seeds) {
            *min = (*min).min(mix(x ^ seed));
        }
    }
    Some(sig)
}

/// Pairs `(i, j)`, `i < j`, whose signatures agree on at least one band,
/// sorted and distinct. Articles without a signature are never proposed.
#[must_use]
pub fn candidates(signatures: &[Option<Box<Signature>>]) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let rows = band * ROWS..(band + 1) * ROWS;
            let mut keys: Vec<(u64, u32)> = signatures
                .iter()
                .zip(0u32..)
                .filter_map(|(sig, i)| Some((band_key(sig.as_ref()?.get(rows.clone())?), i)))
                .collect();
            keys.sort_unstable();
            bucket_pairs(&keys)
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// Every pair of articles within each run of equal keys (`keys` sorted).
fn bucket_pairs(keys: &[(u64, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for bucket in keys.chunk_by(|a, b| a.0 == b.0) {
        for (k, &(_, i)) in bucket.iter().enumerate() {
            out.extend(bucket.iter().skip(k + 1).map(|&(_, j)| (i, j)));
        }
    }
    out
}

fn band_key(rows: &[u64]) -> u64 {
    let mut hasher = DefaultHasher::new();
    rows.hash(&mut hasher);
    hasher.finish()
}

/// One seed per hash function, fixed so signatures are deterministic.
fn seeds() -> Signature {
    let mut seeds = [0; HASHES];
    let mut state = 0x5EED_u64;
    for seed in &mut seeds {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        *seed = mix(state);
    }
    seeds
}

/// The splitmix64 finalizer: a fast bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sig(text: &str) -> Option<Box<Signature>> {
        signature(&Profile::of_tokens(text, &tokenize(text)))
    }

    #[test]
    fn agreement_estimates_jaccard() {
        let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let a = words[..300].join(" ");
        let b = words[100..].join(" ");
        let exact =
            Profile::of_tokens(&a, &tokenize(&a)).jaccard(&Profile::of_tokens(&b, &tokenize(&b)));
        let (Some(x), Some(y)) = (sig(&a), sig(&b)) else {
            panic!("no signature");
        };
        let estimate =
            x.iter().zip(y.iter()).filter(|(p, q)| p == q).count() as f64 / HASHES as f64;
        assert!((estimate - exact).abs() < 0.15, "{estimate} vs {exact}");
    }

    #[test]
    fn identical_texts_are_candidates_and_empty_ones_are_not() {
        let text = "the flood barrier was approved on tuesday after a long debate";
        let sigs = vec![
            sig(text),
            sig("something else entirely written here"),
            sig(text),
            sig(""),
        ];
        assert_eq!(candidates(&sigs), vec![(0, 2)]);
        assert!(sigs[3].is_none());
    }
}

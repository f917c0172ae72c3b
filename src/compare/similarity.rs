//! Similarity of two texts, 0–1.

use crate::text::Token;
use std::collections::HashSet;

/// Word-shingle size used for similarity.
pub const SHINGLE_WORDS: usize = 3;

/// Jaccard similarity of the two texts' word shingles.
#[must_use]
pub fn similarity(left: &[Token], right: &[Token]) -> f64 {
    let shingles = |tokens: &[Token]| -> HashSet<Vec<String>> {
        tokens
            .windows(SHINGLE_WORDS)
            .map(|w| w.iter().map(|t| t.key.clone()).collect())
            .collect()
    };
    let (a, b) = (shingles(left), shingles(right));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let score = a.intersection(&b).count() as f64 / union as f64;
    score
}

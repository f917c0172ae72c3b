//! Similarity of two texts, 0–1: Jaccard overlap of hashed word shingles.

use crate::text::Token;
use foldhash::quality::FixedState;
use std::hash::{BuildHasher, Hash};

/// Word-shingle size used for similarity.
pub const SHINGLE_WORDS: usize = 3;

/// The set of a text's word shingles, hashed; compute once per article and
/// compare against many.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shingles {
    /// Sorted, distinct shingle hashes.
    hashes: Vec<u64>,
}

impl Shingles {
    /// Shingles of [`SHINGLE_WORDS`] consecutive match keys (a shorter text is one shingle).
    #[must_use]
    pub fn new(tokens: &[Token]) -> Self {
        let words: Vec<u64> = tokens.iter().map(|t| hash_one(&t.key)).collect();
        let size = SHINGLE_WORDS.min(words.len()).max(1);
        let mut hashes: Vec<u64> = words.windows(size).map(combine).collect();
        hashes.sort_unstable();
        hashes.dedup();
        Self { hashes }
    }

    /// Number of distinct shingles.
    #[must_use]
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether the text had no words.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The sorted, distinct shingle hashes.
    #[must_use]
    pub fn hashes(&self) -> &[u64] {
        &self.hashes
    }

    /// Number of shingles both sets contain.
    #[must_use]
    pub fn shared(&self, other: &Shingles) -> usize {
        let (a, b) = (&self.hashes, &other.hashes);
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }

    /// Jaccard similarity with `other`: shared shingles over all shingles (0 when both are empty).
    #[must_use]
    pub fn jaccard(&self, other: &Shingles) -> f64 {
        jaccard(self.shared(other), self.len(), other.len())
    }
}

/// Jaccard similarity of two sets of `a` and `b` elements with `shared` in common
/// (0 when both are empty).
#[must_use]
pub fn jaccard(shared: usize, a: usize, b: usize) -> f64 {
    let union = (a + b).saturating_sub(shared);
    if union == 0 {
        return 0.0;
    }
    shared as f64 / union as f64
}

/// A 64-bit hash, the same in every run (foldhash's quality variant, fixed seed).
pub(crate) fn stable_hash(value: &(impl Hash + ?Sized)) -> u64 {
    FixedState::default().hash_one(value)
}

fn hash_one(key: &str) -> u64 {
    stable_hash(key)
}

/// Order-sensitive combination of word hashes into one shingle hash.
fn combine(words: &[u64]) -> u64 {
    stable_hash(words)
}

/// Jaccard similarity of the two texts' word shingles.
#[must_use]
pub fn similarity(left: &[Token], right: &[Token]) -> f64 {
    Shingles::new(left).jaccard(&Shingles::new(right))
}

/// Below this [`similarity`], two articles that also share no quote and no aligned
/// sentence seem to be about different stories (see [`unrelated`]). Reports of one
/// event score above it even when they share little wording.
pub const UNRELATED_BELOW: f64 = 0.05;

/// Whether two articles seem to be about different stories: their similarity is
/// below [`UNRELATED_BELOW`] and they share no quote and no aligned sentence. The one
/// rule the reader's unrelated-pair hint follows ([`crate::compare::Comparison::unrelated`]).
#[must_use]
pub fn unrelated(similarity: f64, shared_quotes: usize, aligned_sentences: usize) -> bool {
    similarity < UNRELATED_BELOW && shared_quotes == 0 && aligned_sentences == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sim(a: &str, b: &str) -> f64 {
        similarity(&tokenize(a), &tokenize(b))
    }

    #[test]
    fn unrelated_needs_low_similarity_and_nothing_shared() {
        assert!(unrelated(0.01, 0, 0));
        assert!(!unrelated(0.01, 1, 0), "a shared quote relates the pair");
        assert!(
            !unrelated(0.01, 0, 1),
            "an aligned sentence relates the pair"
        );
        assert!(!unrelated(UNRELATED_BELOW, 0, 0));
    }

    #[test]
    fn identical_texts_score_one() {
        let text = "Negotiators met again in Geneva on Thursday.";
        assert!((sim(text, text) - 1.0).abs() < f64::EPSILON);
        assert!((sim("Two words", "two WORDS") - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn disjoint_texts_score_zero() {
        assert!(
            sim(
                "Negotiators met in Geneva",
                "Floods swept northern provinces"
            )
            .abs()
                < f64::EPSILON
        );
        assert!(sim("", "").abs() < f64::EPSILON);
    }

    #[test]
    fn partial_overlap_is_between_and_symmetric() {
        let (a, b) = (
            "the ceasefire held through the night in the east",
            "the ceasefire held through the weekend in the south",
        );
        let s = sim(a, b);
        assert!(s > 0.1 && s < 0.9, "{s}");
        assert!((s - sim(b, a)).abs() < f64::EPSILON);
    }

    #[test]
    fn shingle_sets_are_reusable() {
        let a = Shingles::new(&tokenize("one two three four"));
        let b = Shingles::new(&tokenize("one two three five"));
        assert_eq!(a.len(), 2);
        assert!((a.jaccard(&b) - 1.0 / 3.0).abs() < 1e-9);
        assert!(Shingles::new(&[]).is_empty());
    }
}

//! Shared passages: runs of matching words both texts contain, in any order.

use super::{Document, Passage, diff::DiffOp};
use crate::pair::Pair;

/// Default shortest shared run, in words.
pub const MIN_PASSAGE_WORDS: usize = 6;

/// Finds shared passages of at least `min_words` words. (Placeholder: none yet.)
#[must_use]
pub fn shared_passages(
    _docs: Pair<&Document<'_>>,
    _diff: &[DiffOp],
    _min_words: usize,
) -> Vec<Passage> {
    Vec::new()
}

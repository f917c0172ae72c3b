//! Shared passages: runs of matching words both texts contain, in any order.
//!
//! Every k-gram of the right text's key ids is indexed (k = the minimum passage
//! length); the left text is scanned once, each k-gram hit is extended greedily,
//! and the longest extension is kept. Words already in a passage are not reused
//! on either side, so passages never overlap.

use super::diff::{DiffTag, WordOp, byte_span};
use super::keys::PairKeys;
use super::{Document, Passage};
use crate::pair::Pair;
use crate::text::KeyId;
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

/// Default shortest shared run, in words.
pub const MIN_PASSAGE_WORDS: usize = 6;

/// Least number of non-stop words in a passage (runs of function words are noise).
pub const MIN_CONTENT_WORDS: usize = 2;

/// Most places in the right text tried for one k-gram (repeated text stays linear).
const MAX_CANDIDATES: usize = 8;

/// How the diff paired the two texts, for deciding whether a passage moved.
#[derive(Debug, Clone)]
pub(crate) struct Pairing {
    /// For each left token, the right token an equal op pairs it with.
    pub partner: Vec<Option<usize>>,
    /// For each token of each side, the aligned sentence pair it sits in.
    pub pair_of_token: Pair<Vec<Option<u32>>>,
}

impl Pairing {
    /// Reads the pairing off word ops (and the sentence pairs, if aligned).
    pub fn new(
        tokens: Pair<usize>,
        ops: &[WordOp],
        pair_of_token: Option<Pair<Vec<Option<u32>>>>,
    ) -> Self {
        let mut partner = vec![None; tokens.left];
        for op in ops.iter().filter(|op| op.tag == DiffTag::Equal) {
            for (l, r) in op.words.left.clone().zip(op.words.right.clone()) {
                if let Some(slot) = partner.get_mut(l) {
                    *slot = Some(r);
                }
            }
        }
        Self {
            partner,
            pair_of_token: pair_of_token.unwrap_or_else(|| tokens.map(|n| vec![None; n])),
        }
    }

    /// Whether the diff or the alignment already faces these two runs to each other.
    fn faces(&self, words: &Pair<Range<usize>>) -> bool {
        let paired = words
            .left
            .clone()
            .zip(words.right.clone())
            .filter(|&(l, r)| self.partner.get(l).copied().flatten() == Some(r))
            .count();
        let same_pair = match (
            self.pair_of_token.left.get(words.left.start),
            self.pair_of_token.right.get(words.right.start),
        ) {
            (Some(Some(a)), Some(Some(b))) => a == b,
            _ => false,
        };
        same_pair || 2 * paired >= words.left.len()
    }
}

/// The hash of a k-gram of key ids: a polynomial in an odd 64-bit constant (a few
/// multiplications, not a hash of the slice). Only the index uses it: a collision
/// adds a candidate place whose run is then measured word by word and is too short.
fn kgram_hash(ids: &[KeyId]) -> u64 {
    const FACTOR: u64 = 0x9E37_79B9_7F4A_7C15;
    ids.iter().fold(0, |hash, id| {
        hash.wrapping_mul(FACTOR)
            .wrapping_add(id.index() as u64 + 1)
    })
}

/// Finds shared passages of at least `min_words` words (at least 1).
pub(crate) fn shared_passages(
    docs: Pair<&Document<'_>>,
    keys: &PairKeys<'_>,
    pairing: &Pairing,
    min_words: usize,
) -> Vec<Passage> {
    Runs::find(keys, min_words).passages(docs, pairing)
}

/// The shared runs of a pair, found before (and without) its word diff: only whether
/// each moved needs the diff's [`Pairing`], so the search can run beside the diff.
#[derive(Debug, Clone)]
pub(crate) struct Runs(Vec<Pair<Range<usize>>>);

impl Runs {
    /// The runs of at least `min_words` words (at least 1) over the diff's ids.
    pub fn find(keys: &PairKeys<'_>, min_words: usize) -> Self {
        Self(runs_by(keys.diff_ids(), min_words, kgram_hash))
    }

    /// The runs as passages, each moved unless the diff or the alignment faces its
    /// two sides to each other.
    pub fn passages(self, docs: Pair<&Document<'_>>, pairing: &Pairing) -> Vec<Passage> {
        self.0
            .into_iter()
            .map(|words| Passage {
                spans: Pair::new(
                    byte_span(docs.left, &words.left),
                    byte_span(docs.right, &words.right),
                ),
                words: words.left.len(),
                moved: !pairing.faces(&words),
            })
            .collect()
    }
}

/// The word ranges of the shared runs of at least `min_words` words (at least 1)
/// over these ids, k-grams indexed by `kgram_hash`.
fn runs_by(
    ids: Pair<&[KeyId]>,
    min_words: usize,
    kgram_hash: impl Fn(&[KeyId]) -> u64,
) -> Vec<Pair<Range<usize>>> {
    let k = min_words.max(1);
    let (left, right) = (ids.left, ids.right);
    // Per k-gram hash, the first right place with it; `later[j]`: the next place
    // after `j` with the same hash (a chain in text order, in two flat buffers).
    let places = right.len().saturating_sub(k - 1);
    let mut first: HashMap<u64, usize> = HashMap::with_capacity(places);
    let mut later = vec![usize::MAX; places];
    for (j, gram) in right.windows(k).enumerate().rev() {
        if let Some(next) = first.insert(kgram_hash(gram), j) {
            later[j] = next;
        }
    }
    let chain = |start: usize| {
        std::iter::successors(Some(start), |&j| {
            Some(later[j]).filter(|&n| n != usize::MAX)
        })
    };
    let mut used_right = vec![false; right.len()];
    let mut out = Vec::new();
    let mut i = 0;
    while i + k <= left.len() {
        let Some(&start) = left.get(i..i + k).and_then(|g| first.get(&kgram_hash(g))) else {
            i += 1;
            continue;
        };
        let run = |j: usize| {
            left[i..]
                .iter()
                .zip(&right[j..])
                .zip(&used_right[j..])
                .take_while(|((a, b), used)| a == b && !**used)
                .count()
        };
        let best = chain(start)
            .take(MAX_CANDIDATES)
            .map(|j| (run(j), j))
            .filter(|&(len, _)| len >= k)
            .max_by_key(|&(len, j)| (len, std::cmp::Reverse(j)));
        let Some((len, j)) = best else {
            i += 1;
            continue;
        };
        let words = Pair::new(i..i + len, j..j + len);
        let content = left[i..i + len].iter().filter(|id| !id.is_stop()).count();
        if content < MIN_CONTENT_WORDS {
            // No run starting inside this one has more content words before its end.
            i += len;
            continue;
        }
        used_right[j..j + len].iter_mut().for_each(|u| *u = true);
        out.push(words);
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::diff::{DiffBudget, MAX_DIFF_CELLS};
    use crate::compare::strategy::linear;
    use crate::text::MatchOptions;

    fn passages(left: &str, right: &str) -> Vec<(String, String, bool)> {
        let docs = Pair::new(left, right).map(|t| Document::new(t, &MatchOptions::default()));
        let docs = docs.as_ref();
        let keys = PairKeys::new(docs);
        let cells = crate::compare::diff::Cells::new(docs, false);
        let ops = linear(docs, &keys, &mut DiffBudget::new(MAX_DIFF_CELLS), &cells);
        let pairing = Pairing::new(docs.map(|d| d.tokens.len()), &ops, None);
        shared_passages(docs, &keys, &pairing, MIN_PASSAGE_WORDS)
            .into_iter()
            .map(|p| {
                (
                    left[p.spans.left].into(),
                    right[p.spans.right].into(),
                    p.moved,
                )
            })
            .collect()
    }

    #[test]
    fn finds_a_moved_paragraph() {
        let left = "Aid convoys crossed the border before sunrise on Friday.\nOfficials said more trucks would follow next week.";
        let right = "Officials said more trucks would follow next week.\nAid convoys crossed the border before sunrise on Friday.";
        let found = passages(left, right);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found.iter().any(|(l, r, _)| l == r
                && l == "Aid convoys crossed the border before sunrise on Friday")
        );
        assert!(found.iter().any(|(_, _, moved)| *moved));
    }

    #[test]
    fn a_passage_in_place_is_not_moved() {
        let found = passages(
            "Yesterday the committee approved the new budget for schools and hospitals.",
            "On Monday the committee approved the new budget for schools and hospitals.",
        );
        assert_eq!(found.len(), 1);
        assert!(!found[0].2);
        assert_eq!(
            found[0].0,
            "the committee approved the new budget for schools and hospitals"
        );
    }

    /// Texts of short sentences over a small vocabulary, so that k-grams recur.
    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        const WORDS: &[&str] = &[
            "the", "council", "voted", "to", "close", "river", "bridge", "on", "Monday", "and",
            "mayor", "Reyes", "said", "it", "was", "safe", ".",
        ];
        proptest::collection::vec(proptest::sample::select(WORDS), 0..120)
            .prop_map(|words| words.join(" "))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// The polynomial k-gram index finds the passages a hash of each k-gram's
        /// slice finds.
        #[test]
        fn the_polynomial_index_finds_what_a_slice_hash_finds(
            a in text(),
            b in text(),
            k in 2usize..8,
        ) {
            let docs = Pair::new(a.as_str(), b.as_str())
                .map(|t| Document::new(t, &MatchOptions::default()));
            let docs = docs.as_ref();
            let keys = PairKeys::new(docs);
            let cells = crate::compare::diff::Cells::new(docs, false);
            let ops = linear(docs, &keys, &mut DiffBudget::new(MAX_DIFF_CELLS), &cells);
            let pairing = Pairing::new(docs.map(|d| d.tokens.len()), &ops, None);
            let ids = keys.diff_ids();
            let general = Runs(runs_by(ids, k, |g: &[KeyId]| {
                crate::compare::similarity::stable_hash(g)
            }));
            let fast = Runs::find(&keys, k);
            proptest::prop_assert_eq!(fast.passages(docs, &pairing), general.passages(docs, &pairing));
        }
    }

    #[test]
    fn short_runs_and_function_word_runs_are_not_passages() {
        assert!(passages("talks went on here", "talks went on there").is_empty());
        assert!(passages("and it was one of the", "so and it was one of the").is_empty());
    }
}

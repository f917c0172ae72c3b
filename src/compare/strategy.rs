//! How the word diff ([`super::diff`]) is laid over a pair: inside the sentence pairs
//! of the alignment ([`super::align`]), or over the whole texts in order, cut at
//! in-order anchors when they are long.

use super::align::{self, Group, Row, Unit};
use super::diff::{Cells, DiffBudget, DiffTag, WordOp, diff_words};
use super::keys::PairKeys;
use super::{Document, SentencePair};
use crate::pair::Pair;

/// Texts at least this long (in words, both sides) are diffed in order between
/// anchors (aligned sentences in the same order on both sides) rather than in one piece.
pub const ANCHORED_DIFF_WORDS: usize = 5_000;

/// Word diff of the whole texts in order, as token-index ops.
pub(crate) fn linear(
    docs: Pair<&Document<'_>>,
    keys: &PairKeys<'_>,
    budget: &mut DiffBudget,
    cells: &Cells<'_>,
) -> Vec<WordOp> {
    let whole = docs.map(|d| 0..d.tokens.len());
    if whole.left.len().min(whole.right.len()) >= ANCHORED_DIFF_WORDS {
        anchored(docs, keys, budget, cells)
    } else {
        let mut ops = Vec::new();
        diff_words(keys, &whole, budget, cells, &mut ops);
        ops
    }
}

/// In-order word diff cut into pieces at [`align::anchors`]: each anchor
/// and each gap between anchors is diffed on its own, so cost stays near-linear.
fn anchored(
    docs: Pair<&Document<'_>>,
    keys: &PairKeys<'_>,
    budget: &mut DiffBudget,
    cells: &Cells<'_>,
) -> Vec<WordOp> {
    let mut ops = Vec::new();
    let mut cursor = Pair::new(0, 0);
    for anchor in align::anchors(docs, keys) {
        let gap = Pair::new(
            cursor.left..anchor.left.start,
            cursor.right..anchor.right.start,
        );
        diff_words(keys, &gap, budget, cells, &mut ops);
        cursor = Pair::new(anchor.left.end, anchor.right.end);
        diff_words(keys, &anchor, budget, cells, &mut ops);
    }
    let rest = Pair::new(
        cursor.left..docs.left.tokens.len(),
        cursor.right..docs.right.tokens.len(),
    );
    diff_words(keys, &rest, budget, cells, &mut ops);
    ops
}

/// The result of the aligned diff, in token terms.
#[derive(Debug, Clone, Default)]
pub(crate) struct Aligned {
    /// Sentence pairs in display order.
    pub alignment: Vec<SentencePair>,
    /// Word ops in the same order.
    pub ops: Vec<WordOp>,
    /// For each token of each side, the index of the aligned pair it sits in.
    pub pair_of_token: Pair<Vec<Option<u32>>>,
}

/// Aligns sentences and diffs words inside each aligned pair.
pub(crate) fn aligned(
    docs: Pair<&Document<'_>>,
    keys: &PairKeys<'_>,
    budget: &mut DiffBudget,
    cells: &Cells<'_>,
) -> Aligned {
    let alignment = align::alignment(docs, keys);
    let mut out = Builder {
        units: &alignment.units,
        cursor: Pair::new(0, 0),
        aligned: Aligned {
            pair_of_token: docs.map(|d| vec![None; d.tokens.len()]),
            ..Aligned::default()
        },
    };
    for row in &alignment.rows {
        match row {
            Row::Pair(group) => out.group(group, keys, budget, cells),
            Row::Left(l) => out.left_only(*l),
            Row::Right(r) => out.right_only(*r),
        }
    }
    out.aligned
}

/// Emits sentence pairs and ops in display order.
struct Builder<'u> {
    units: &'u Pair<Vec<Unit>>,
    /// Token index just past the last emitted words of each side.
    cursor: Pair<usize>,
    aligned: Aligned,
}

impl Builder<'_> {
    fn group(
        &mut self,
        group: &Group,
        keys: &PairKeys<'_>,
        budget: &mut DiffBudget,
        cells: &Cells<'_>,
    ) {
        let (Some((left_span, left_words)), Some((right_span, right_words))) = (
            align::span(&self.units.left, &group.units.left),
            align::span(&self.units.right, &group.units.right),
        ) else {
            return;
        };
        let index = u32::try_from(self.aligned.alignment.len()).ok();
        for (side, words) in [
            (&mut self.aligned.pair_of_token.left, &left_words),
            (&mut self.aligned.pair_of_token.right, &right_words),
        ] {
            for slot in side.get_mut(words.clone()).into_iter().flatten() {
                *slot = index;
            }
        }
        self.aligned.alignment.push(SentencePair {
            left: Some(left_span),
            right: Some(right_span),
            similarity: group.similarity,
        });
        let words = Pair::new(left_words, right_words);
        self.cursor = words.as_ref().map(|w| w.end);
        diff_words(keys, &words, budget, cells, &mut self.aligned.ops);
    }

    fn left_only(&mut self, l: usize) {
        let Some(unit) = self.units.left.get(l) else {
            return;
        };
        self.aligned.alignment.push(SentencePair {
            left: Some(unit.span.clone()),
            right: None,
            similarity: 0.0,
        });
        self.aligned.ops.push(WordOp {
            tag: DiffTag::Delete,
            words: Pair::new(unit.words.clone(), self.cursor.right..self.cursor.right),
        });
        self.cursor.left = unit.words.end;
    }

    fn right_only(&mut self, r: usize) {
        let Some(unit) = self.units.right.get(r) else {
            return;
        };
        self.aligned.alignment.push(SentencePair {
            left: None,
            right: Some(unit.span.clone()),
            similarity: 0.0,
        });
        self.aligned.ops.push(WordOp {
            tag: DiffTag::Insert,
            words: Pair::new(self.cursor.left..self.cursor.left, unit.words.clone()),
        });
        self.cursor.right = unit.words.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::diff::{DiffBudget, MAX_DIFF_CELLS};
    use crate::text::MatchOptions;

    #[test]
    fn anchored_diff_partitions_both_texts_in_order() {
        let left = "Aid arrived on Monday. The bridge reopened after repairs. Schools stayed shut all week. Rain is expected later.";
        let right = "Schools stayed shut all week. Aid finally arrived on Monday. The old bridge reopened after repairs. Rain is expected.";
        let docs = Pair::new(left, right).map(|t| Document::new(t, &MatchOptions::default()));
        let docs = docs.as_ref();
        let keys = PairKeys::new(docs);
        let cells = Cells::new(docs, false);
        let ops = anchored(docs, &keys, &mut DiffBudget::new(MAX_DIFF_CELLS), &cells);
        for side in crate::pair::Side::BOTH {
            let mut next = 0;
            for op in &ops {
                assert_eq!(op.words[side].start, next, "{ops:?}");
                next = op.words[side].end;
            }
            assert_eq!(next, docs[side].tokens.len());
        }
        let equal: usize = ops
            .iter()
            .filter(|op| op.tag == DiffTag::Equal)
            .map(|op| op.words.left.len())
            .sum();
        assert!(equal >= 10, "{ops:?}");
    }
}

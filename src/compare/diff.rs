//! Word diff over match keys, with ops that tile both texts.
//!
//! The keys are the pair's [`PairKeys::diff_ids`] (every fold of the default
//! [`MatchOptions`], and a key of the right text that is [`crate::text::fuzzy_eq`]
//! to a key of the left text shares its id). `similar` diffs the ids of each stretch
//! it is handed, within a work budget counted in cells (see [`DiffBudget`]), and a
//! semantic cleanup folds tiny equal islands between changes into the change so the
//! result reads as phrases. Paired words whose text differs (spaces aside) become
//! [`DiffTag::Near`] ops ([`super::near`]), or a delete and an insert when the
//! options count every difference. Each op covers whole [`Cells`], so the ops of
//! each side concatenate to its text.
//!
//! [`cells`] cuts the texts into cells, [`runs`] holds `similar`'s runs and how
//! they merge, [`budget`] the work budget and the anchored path past it, and
//! [`ops`] turns runs into word ops and word ops into [`DiffOp`]s; [`patience`] is
//! `similar`'s patience diff with a cheaper search for unique words.

mod budget;
mod cells;
mod ops;
mod patience;
mod runs;

pub(crate) use budget::DiffBudget;
pub use budget::MAX_DIFF_CELLS;
pub(crate) use cells::Cells;
pub(crate) use ops::{byte_span, merge_adjacent, to_diff_ops};

use super::keys::PairKeys;
use super::near::Near;
use crate::pair::Pair;
use serde::Serialize;
use std::ops::Range;

/// Longest run of equal words between two changes that is folded into them.
pub const EQUAL_ISLAND_WORDS: usize = 2;

/// What a diff op says about its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    /// The same words and punctuation in both texts (spaces may differ).
    Equal,
    /// One word in both texts that differs only in case, punctuation, quote
    /// style, number words or spelling (see [`Near`]).
    Near,
    /// The words are only in the left text.
    Delete,
    /// The words are only in the right text.
    Insert,
}

/// A run of words with the same [`DiffTag`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    /// What the run is.
    pub tag: DiffTag,
    /// Byte spans in each text: whole [`Cells`] (the words with the punctuation
    /// and spaces after them), empty on the side that lacks the words, placed
    /// where they would go. Each side's spans, in text order, tile its text.
    pub spans: Pair<Range<usize>>,
    /// What differs, for a [`DiffTag::Near`] op.
    pub near: Option<Near>,
}

impl DiffOp {
    /// Whether the op is a change under the comparison's options: a delete, an
    /// insert, or a near op whose kind of difference they count.
    #[must_use]
    pub fn is_change(&self) -> bool {
        match self.tag {
            DiffTag::Equal => false,
            DiffTag::Near => self.near.as_ref().is_some_and(|n| n.counted),
            DiffTag::Delete | DiffTag::Insert => true,
        }
    }
}

/// A diff op over token indices (the engine's internal form of [`DiffOp`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordOp {
    /// What the run is.
    pub tag: DiffTag,
    /// Token index ranges in each document (empty on the side lacking the words).
    pub words: Pair<Range<usize>>,
}

/// Diffs the tokens in `ranges` within `budget` and cleans the result up into
/// phrases; paired words whose `cells` differ are near ops (or, strict, changes).
/// The ops are pushed onto `out`.
pub(crate) fn diff_words(
    keys: &PairKeys<'_>,
    ranges: &Pair<Range<usize>>,
    budget: &mut DiffBudget,
    cells: &Cells<'_>,
    out: &mut Vec<WordOp>,
) {
    let ids = keys.diff_ids();
    if let (Some(left), Some(right)) = (
        ids.left.get(ranges.left.clone()),
        ids.right.get(ranges.right.clone()),
    ) && left == right
        && (!cells.strict || cells.all_same(ranges))
        && budget.take(ranges)
    {
        // The same words on both sides (most aligned sentences): one equal run, as
        // `similar` would find, cut only where cells differ.
        ops::push_equal(ranges.clone(), cells, out);
        return;
    }
    diff_stretch(keys, ranges, budget, cells, out);
}

/// The general path of [`diff_words`]: `similar`'s runs within the budget, islands
/// folded, changes split.
fn diff_stretch(
    keys: &PairKeys<'_>,
    ranges: &Pair<Range<usize>>,
    budget: &mut DiffBudget,
    cells: &Cells<'_>,
    out: &mut Vec<WordOp>,
) {
    let ids = keys.diff_ids();
    let segments = budget::runs_within(ids, ranges, budget);
    let segments = if cells.strict {
        segments
            .into_iter()
            .flat_map(|run| runs::split_inexact(run, cells))
            .collect()
    } else {
        segments
    };
    let is_island = |words: &Range<usize>| {
        words.len() <= EQUAL_ISLAND_WORDS
            || ids
                .left
                .get(words.clone())
                .is_some_and(|ids| ids.iter().all(|id| id.is_stop()))
    };
    let last = segments.len().saturating_sub(1);
    let folded = segments.into_iter().enumerate().map(|(i, (equal, words))| {
        let island = equal && i > 0 && i < last && is_island(&words.left);
        (equal && !island, words)
    });
    for (equal, words) in runs::coalesce(folded) {
        ops::split_change(equal, words, cells, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Document;
    use crate::text::MatchOptions;

    fn diff(left: &str, right: &str) -> Vec<(DiffTag, String, String)> {
        diff_within(left, right, &mut DiffBudget::new(MAX_DIFF_CELLS))
    }

    fn diff_within(
        left: &str,
        right: &str,
        budget: &mut DiffBudget,
    ) -> Vec<(DiffTag, String, String)> {
        let docs = Pair::new(left, right).map(|t| Document::new(t, &MatchOptions::default()));
        let docs = docs.as_ref();
        let keys = PairKeys::new(docs);
        let whole = docs.map(|d| 0..d.tokens.len());
        let cells = Cells::new(docs, false);
        let mut ops = Vec::new();
        diff_words(&keys, &whole, budget, &cells, &mut ops);
        to_diff_ops(docs, &cells, &ops, MatchOptions::default())
            .into_iter()
            .map(|op| {
                (
                    op.tag,
                    left[op.spans.left].trim_end().to_string(),
                    right[op.spans.right].trim_end().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn identical_texts_are_one_equal_op() {
        let text = "The minister said talks would resume on Monday.";
        assert_eq!(
            diff(text, text),
            [(DiffTag::Equal, text.into(), text.into())]
        );
    }

    #[test]
    fn case_quotes_and_spelling_variants_are_near_not_equal() {
        let ops = diff(
            "“Chasing this illusionary goal,” Zelenskiy said of the U.S. plan.",
            "\"chasing this illusory goal\" zelensky said of the US plan",
        );
        let near: Vec<(&str, &str)> = ops
            .iter()
            .filter(|(tag, _, _)| *tag == DiffTag::Near)
            .map(|(_, l, r)| (l.as_str(), r.as_str()))
            .collect();
        assert_eq!(
            near,
            [
                ("“Chasing", "\"chasing"),
                ("illusionary", "illusory"),
                ("goal,”", "goal\""),
                ("Zelenskiy", "zelensky"),
                ("U.S.", "US"),
                ("plan.", "plan"),
            ]
        );
        assert!(
            ops.iter()
                .all(|(tag, _, _)| matches!(tag, DiffTag::Equal | DiffTag::Near)),
            "{ops:?}"
        );
    }

    #[test]
    fn strict_cells_turn_near_words_into_changes() {
        let (left, right) = ("The colour changed today", "The color changed today");
        let docs = Pair::new(left, right).map(|t| Document::new(t, &MatchOptions::STRICT));
        let docs = docs.as_ref();
        let keys = PairKeys::new(docs);
        let cells = Cells::new(docs, true);
        let whole = docs.map(|d| 0..d.tokens.len());
        let mut ops = Vec::new();
        diff_words(
            &keys,
            &whole,
            &mut DiffBudget::new(MAX_DIFF_CELLS),
            &cells,
            &mut ops,
        );
        let tags: Vec<DiffTag> = ops.iter().map(|op| op.tag).collect();
        assert_eq!(
            tags,
            [
                DiffTag::Equal,
                DiffTag::Delete,
                DiffTag::Insert,
                DiffTag::Equal
            ]
        );
    }

    #[test]
    fn the_same_words_take_the_general_paths_ops() {
        let cases = [
            ("The colour changed today.", "The color changed today."),
            (
                "Talks resume, the minister said.",
                "talks resume the minister said",
            ),
            ("A B C d e", "A B C d e"),
            ("one “two” three four five", "one \"two\" three four five"),
            ("Five of them voted", "5 of them voted"),
        ];
        for (left, right) in cases {
            for matching in [MatchOptions::default(), MatchOptions::STRICT] {
                let docs = Pair::new(left, right).map(|t| Document::new(t, &matching));
                let docs = docs.as_ref();
                let keys = PairKeys::new(docs);
                let cells = Cells::new(docs, matching.is_strict());
                let whole = docs.map(|d| 0..d.tokens.len());
                let ids = keys.diff_ids();
                assert_eq!(ids.left, ids.right, "{left} | {right}");
                let (mut fast, mut general) = (Vec::new(), Vec::new());
                let mut budgets = [0, 1].map(|_| DiffBudget::new(MAX_DIFF_CELLS));
                diff_words(&keys, &whole, &mut budgets[0], &cells, &mut fast);
                diff_stretch(&keys, &whole, &mut budgets[1], &cells, &mut general);
                assert_eq!(fast, general, "{left} | {right} | {matching:?}");
            }
        }
    }

    #[test]
    fn a_replaced_word_is_a_delete_then_an_insert() {
        let ops = diff(
            "Officials met in Brussels on Wednesday to discuss aid",
            "Officials met in Munich on Wednesday to discuss aid",
        );
        let changes: Vec<_> = ops
            .iter()
            .filter(|(t, _, _)| *t != DiffTag::Equal)
            .collect();
        assert_eq!(
            changes,
            [
                &(DiffTag::Delete, "Brussels".into(), String::new()),
                &(DiffTag::Insert, String::new(), "Munich".into())
            ]
        );
    }

    #[test]
    fn small_equal_islands_fold_into_the_surrounding_change() {
        let ops = diff(
            "Ministers rejected the proposal firmly yesterday evening in Paris",
            "Ministers welcomed the proposal warmly at dawn in Paris",
        );
        let tags: Vec<DiffTag> = ops.iter().map(|(t, _, _)| *t).collect();
        assert_eq!(
            tags,
            [
                DiffTag::Equal,
                DiffTag::Delete,
                DiffTag::Insert,
                DiffTag::Equal
            ]
        );
        assert_eq!(ops[1].1, "rejected the proposal firmly yesterday evening");
        assert_eq!(ops[2].2, "welcomed the proposal warmly at dawn");
    }

    #[test]
    fn long_equal_runs_between_changes_stay_equal() {
        let ops = diff(
            "Kyiv said the frontline situation remained extremely difficult overnight",
            "Moscow said the frontline situation remained extremely difficult today",
        );
        assert!(ops.iter().any(|(t, l, _)| *t == DiffTag::Equal
            && l == "said the frontline situation remained extremely difficult"));
    }

    #[test]
    fn empty_texts_give_no_ops() {
        assert!(diff("", "").is_empty());
        assert_eq!(
            diff("", "New words"),
            [(DiffTag::Insert, String::new(), "New words".into())]
        );
    }

    const LEFT: &str =
        "Ministers met in Brussels on Wednesday and agreed new sanctions against the regime";
    const RIGHT: &str =
        "Ministers met in Munich on Wednesday and agreed fresh sanctions against the regime";

    #[test]
    fn past_the_budget_a_stretch_is_cut_at_unique_words_and_still_refined() {
        // 14 × 14 cells do not fit; the pieces between the words both sides have once do.
        let mut budget = DiffBudget::new(20);
        let cut = diff_within(LEFT, RIGHT, &mut budget);
        assert!(!budget.cut_short());
        assert_eq!(cut, diff(LEFT, RIGHT));
    }

    #[test]
    fn a_piece_left_without_budget_is_one_change() {
        let (left, right) = (
            "Storms brought rain and wind and rain overnight",
            "Storms brought wind and rain and wind overnight",
        );
        let mut budget = DiffBudget::new(0);
        let ops = diff_within(left, right, &mut budget);
        assert!(budget.cut_short());
        assert_eq!(
            ops,
            [
                (
                    DiffTag::Equal,
                    "Storms brought".into(),
                    "Storms brought".into()
                ),
                (
                    DiffTag::Delete,
                    "rain and wind and rain".into(),
                    String::new()
                ),
                (
                    DiffTag::Insert,
                    String::new(),
                    "wind and rain and wind".into()
                ),
                (DiffTag::Equal, "overnight".into(), "overnight".into()),
            ]
        );
        assert_ne!(
            ops,
            diff(left, right),
            "with a budget the middle is refined"
        );
    }
}

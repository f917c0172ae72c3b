//! Word diff over match keys with spans in both texts.
//!
//! The keys are the pair's [`PairKeys::diff_ids`], where a key of the right text that
//! is [`crate::text::fuzzy_eq`] to a key of the left text shares its id. `similar`
//! diffs the ids of each stretch it is handed, within a work budget counted in cells
//! (see [`DiffBudget`]), and a semantic cleanup folds tiny equal islands between
//! changes into the change so the result reads as phrases.

use super::Document;
use super::keys::PairKeys;
use crate::pair::Pair;
use crate::text::KeyId;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;
use std::ops::Range;

/// Longest run of equal words between two changes that is folded into them.
pub const EQUAL_ISLAND_WORDS: usize = 2;

/// Default work budget of the word diffs of one comparison, in cells (left words ×
/// right words of each stretch handed to `similar`, the worst case of its search):
/// about a second of work on a 2024 laptop core at worst, and far more than any
/// article pair needs (two 5,000-word texts diffed in one piece are 25 million).
pub const MAX_DIFF_CELLS: usize = 50_000_000;

/// The work budget of the word diffs of one comparison.
///
/// A stretch is handed to `similar` only when its cells fit in what is left. One that
/// does not is cut at the words it alone has once on each side, in order (patience's
/// anchors, found in linear time), and the pieces are diffed while the budget lasts;
/// a piece left over is shown as one change after its common prefix and before its
/// common suffix, and the budget reports it was [`cut short`](Self::cut_short).
/// The result depends only on the input, never on the clock.
#[derive(Debug, Clone)]
pub(crate) struct DiffBudget {
    cells: usize,
    cut_short: bool,
}

impl DiffBudget {
    /// A budget of `cells` cells.
    pub fn new(cells: usize) -> Self {
        Self {
            cells,
            cut_short: false,
        }
    }

    /// Whether some stretch was shown coarsely because the budget ran out.
    pub fn cut_short(&self) -> bool {
        self.cut_short
    }

    /// Spends the cells of diffing `ranges`, if they are left.
    fn take(&mut self, ranges: &Pair<Range<usize>>) -> bool {
        let cells = ranges.left.len().saturating_mul(ranges.right.len());
        let fits = cells <= self.cells;
        if fits {
            self.cells -= cells;
        }
        fits
    }
}

/// What a diff op says about its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    /// The words are in both texts.
    Equal,
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
    /// Byte spans in each text (empty on the side that lacks the words,
    /// placed where they would go).
    pub spans: Pair<Range<usize>>,
}

/// A diff op over token indices (the engine's internal form of [`DiffOp`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordOp {
    /// What the run is.
    pub tag: DiffTag,
    /// Token index ranges in each document (empty on the side lacking the words).
    pub words: Pair<Range<usize>>,
}

/// Diffs the tokens in `ranges` within `budget` and cleans the result up into phrases.
pub(crate) fn diff_words(
    keys: &PairKeys<'_>,
    ranges: &Pair<Range<usize>>,
    budget: &mut DiffBudget,
) -> Vec<WordOp> {
    let ids = keys.diff_ids();
    let segments = if budget.take(ranges) {
        patience(ids, ranges)
    } else {
        join_runs(split_at_anchors(ids, ranges, budget))
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
    coalesce(folded)
        .into_iter()
        .flat_map(|(equal, words)| split_change(equal, words))
        .collect()
}

/// A run of words, equal on both sides or not, with its token ranges.
type Run = (bool, Pair<Range<usize>>);

/// `similar`'s diff of one stretch, as runs with consecutive changes merged.
fn patience(ids: Pair<&[KeyId]>, ranges: &Pair<Range<usize>>) -> Vec<Run> {
    // Patience anchors on words unique to both sides (names, numbers), which keeps
    // long texts near-linear and the result readable; Myers runs between anchors.
    let raw = similar::capture_diff(
        similar::Algorithm::Patience,
        ids.left,
        ranges.left.clone(),
        ids.right,
        ranges.right.clone(),
    );
    // Rebuild ranges from lengths: `similar` may misplace the empty side of an op.
    let mut cursor = Pair::new(ranges.left.start, ranges.right.start);
    coalesce(raw.iter().map(|op| {
        let (tag, old, new) = op.as_tag_tuple();
        let words = Pair::new(
            cursor.left..cursor.left + old.len(),
            cursor.right..cursor.right + new.len(),
        );
        cursor = Pair::new(words.left.end, words.right.end);
        (tag == similar::DiffTag::Equal, words)
    }))
}

/// A stretch too big for the budget, cut at its anchors ([`unique_anchors`]): each
/// piece between them is diffed if the budget still allows, else shown coarsely.
fn split_at_anchors(
    ids: Pair<&[KeyId]>,
    ranges: &Pair<Range<usize>>,
    budget: &mut DiffBudget,
) -> Vec<Run> {
    let piece = |words: Pair<Range<usize>>, budget: &mut DiffBudget| {
        if budget.take(&words) {
            patience(ids, &words)
        } else {
            budget.cut_short = true;
            coarse(ids, &words)
        }
    };
    let mut out = Vec::new();
    let mut cursor = Pair::new(ranges.left.start, ranges.right.start);
    for (l, r) in unique_anchors(ids, ranges) {
        out.extend(piece(Pair::new(cursor.left..l, cursor.right..r), budget));
        out.push((true, Pair::new(l..l + 1, r..r + 1)));
        cursor = Pair::new(l + 1, r + 1);
    }
    out.extend(piece(
        Pair::new(cursor.left..ranges.left.end, cursor.right..ranges.right.end),
        budget,
    ));
    out
}

/// Positions of the words found exactly once on each side of `ranges`, paired, in
/// the longest chain that is in order on both sides.
fn unique_anchors(ids: Pair<&[KeyId]>, ranges: &Pair<Range<usize>>) -> Vec<(usize, usize)> {
    // Per key: (count left, position left, count right, position right).
    let mut seen: HashMap<KeyId, (u32, usize, u32, usize)> = HashMap::new();
    for l in ranges.left.clone() {
        let entry = seen.entry(ids.left[l]).or_insert((0, l, 0, 0));
        entry.0 += 1;
    }
    for r in ranges.right.clone() {
        if let Some(entry) = seen.get_mut(&ids.right[r]) {
            entry.2 += 1;
            entry.3 = r;
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|&(left, _, right, _)| left == 1 && right == 1)
        .map(|(_, l, _, r)| (l, r))
        .collect();
    pairs.sort_unstable();
    // Longest increasing subsequence of right positions (patience sorting).
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, &(_, r)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < r);
        previous[i] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut next = tails.last().copied();
    while let Some(i) = next {
        chain.push(pairs[i]);
        next = previous[i];
    }
    chain.reverse();
    chain
}

/// A stretch as its common prefix, one change, and its common suffix.
fn coarse(ids: Pair<&[KeyId]>, ranges: &Pair<Range<usize>>) -> Vec<Run> {
    let (left, right) = (
        &ids.left[ranges.left.clone()],
        &ids.right[ranges.right.clone()],
    );
    let prefix = left.iter().zip(right).take_while(|(a, b)| a == b).count();
    let suffix = left[prefix..]
        .iter()
        .rev()
        .zip(right[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (l, r) = (ranges.left.start, ranges.right.start);
    let (l_end, r_end) = (ranges.left.end, ranges.right.end);
    [
        (true, Pair::new(l..l + prefix, r..r + prefix)),
        (
            false,
            Pair::new(l + prefix..l_end - suffix, r + prefix..r_end - suffix),
        ),
        (
            true,
            Pair::new(l_end - suffix..l_end, r_end - suffix..r_end),
        ),
    ]
    .into_iter()
    .filter(|(_, words)| !(words.left.is_empty() && words.right.is_empty()))
    .collect()
}

/// Joins runs of the same kind that follow each other (pieces of a split stretch).
fn join_runs(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for (equal, words) in runs {
        match out.last_mut() {
            Some((last, prev)) if *last == equal => {
                prev.left.end = words.left.end;
                prev.right.end = words.right.end;
            }
            _ => out.push((equal, words)),
        }
    }
    out
}

/// Merges consecutive changes (non-equal runs) into one, keeping equal runs apart.
fn coalesce(runs: impl IntoIterator<Item = Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (equal, words) in runs {
        match out.last_mut() {
            Some((false, prev)) if !equal => {
                prev.left.end = words.left.end;
                prev.right.end = words.right.end;
            }
            _ => out.push((equal, words)),
        }
    }
    out
}

/// A change becomes a delete of its left words then an insert of its right words.
fn split_change(equal: bool, words: Pair<Range<usize>>) -> Vec<WordOp> {
    if equal {
        return vec![WordOp {
            tag: DiffTag::Equal,
            words,
        }];
    }
    let mut out = Vec::with_capacity(2);
    if !words.left.is_empty() {
        out.push(WordOp {
            tag: DiffTag::Delete,
            words: Pair::new(words.left.clone(), words.right.start..words.right.start),
        });
    }
    if !words.right.is_empty() {
        out.push(WordOp {
            tag: DiffTag::Insert,
            words: Pair::new(words.left.end..words.left.end, words.right),
        });
    }
    out
}

/// Joins consecutive ops of one tag whose words follow on directly (e.g. the
/// deletes of adjacent sentences only in the left text).
pub(crate) fn merge_adjacent(ops: Vec<WordOp>) -> Vec<WordOp> {
    let mut out: Vec<WordOp> = Vec::with_capacity(ops.len());
    for op in ops {
        if let Some(prev) = out.last_mut()
            && prev.tag == op.tag
            && op.tag != DiffTag::Equal
        {
            let side = |p: &Range<usize>, n: &Range<usize>| {
                (p.end == n.start)
                    .then_some(p.start..n.end)
                    .or_else(|| (p.is_empty() && n.is_empty()).then(|| p.clone()))
            };
            if let (Some(left), Some(right)) = (
                side(&prev.words.left, &op.words.left),
                side(&prev.words.right, &op.words.right),
            ) {
                prev.words = Pair::new(left, right);
                continue;
            }
        }
        out.push(op);
    }
    out
}

/// Byte span of the tokens in `words`; an empty range maps to the end of the
/// preceding token (or the start of the first one).
pub(crate) fn byte_span(doc: &Document<'_>, words: &Range<usize>) -> Range<usize> {
    let tokens = &doc.tokens;
    if let (Some(first), Some(last)) = (
        tokens.get(words.start),
        words.end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) && !words.is_empty()
    {
        return first.span.start..last.span.end;
    }
    let at = match words.start.checked_sub(1).and_then(|p| tokens.get(p)) {
        Some(prev) => prev.span.end,
        None => tokens.first().map_or(0, |t| t.span.start),
    };
    at..at
}

/// Converts internal word ops to [`DiffOp`]s with byte spans.
pub(crate) fn to_diff_ops(docs: Pair<&Document<'_>>, ops: &[WordOp]) -> Vec<DiffOp> {
    ops.iter()
        .map(|op| DiffOp {
            tag: op.tag,
            spans: Pair::new(
                byte_span(docs.left, &op.words.left),
                byte_span(docs.right, &op.words.right),
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let ops = diff_words(&keys, &whole, budget);
        to_diff_ops(docs, &ops)
            .into_iter()
            .map(|op| {
                (
                    op.tag,
                    left[op.spans.left].to_string(),
                    right[op.spans.right].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn identical_texts_are_one_equal_op() {
        let text = "The minister said talks would resume on Monday.";
        let words = text.trim_end_matches('.').to_string();
        assert_eq!(diff(text, text), [(DiffTag::Equal, words.clone(), words)]);
    }

    #[test]
    fn case_quotes_and_spelling_variants_are_equal() {
        let ops = diff(
            "“Chasing this illusionary goal,” Zelenskiy said of the U.S. plan.",
            "\"chasing this illusory goal\" zelensky said of the US plan",
        );
        assert!(
            ops.iter().all(|(tag, _, _)| *tag == DiffTag::Equal),
            "{ops:?}"
        );
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

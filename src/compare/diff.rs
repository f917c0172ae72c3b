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

use super::Document;
use super::keys::PairKeys;
use super::near::{self, Near, NearSide};
use crate::pair::{Pair, Side};
use crate::text::{KeyId, MatchOptions};
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

/// Where each side's text is cut between its words, so that ops tile it: a word's
/// cell runs from just after the last space before it (an opening quote mark stays
/// with its word) to just after the last space after it; the first cell starts at
/// the text's start, the last ends at its end.
#[derive(Debug, Clone)]
pub(crate) struct Cells<'a> {
    texts: Pair<&'a str>,
    /// Per side, the start of each word's cell, then the text's end.
    bounds: Pair<Vec<usize>>,
    /// Word spans, per side.
    words: Pair<Vec<Range<usize>>>,
    /// Every difference counts: paired words whose cells differ are a delete and
    /// an insert, not a near op.
    strict: bool,
}

impl<'a> Cells<'a> {
    /// The cells of both documents; `strict` when every difference counts.
    pub fn new(docs: Pair<&Document<'a>>, strict: bool) -> Self {
        Self {
            texts: docs.map(|d| d.text),
            bounds: docs.map(cell_bounds),
            words: docs.map(|d| d.tokens.iter().map(|t| t.span.clone()).collect()),
            strict,
        }
    }

    /// Byte span of the cells of `words` on `side` (empty: where they would start).
    pub fn span(&self, side: Side, words: &Range<usize>) -> Range<usize> {
        let bounds = &self.bounds[side];
        let at = |i: usize| bounds.get(i).or(bounds.last()).copied().unwrap_or(0);
        at(words.start)..at(words.end.max(words.start))
    }

    /// The text of cell `i` on `side`.
    fn text(&self, side: Side, i: usize) -> &'a str {
        self.texts[side]
            .get(self.span(side, &(i..i + 1)))
            .unwrap_or_default()
    }

    /// Whether left cell `l` and right cell `r` hold the same characters, spaces aside.
    fn same(&self, l: usize, r: usize) -> bool {
        let (a, b) = (self.text(Side::Left, l), self.text(Side::Right, r));
        a == b
            || a.chars()
                .filter(|c| !c.is_whitespace())
                .eq(b.chars().filter(|c| !c.is_whitespace()))
    }

    /// The near op of left word `l` and right word `r`.
    fn near(&self, l: usize, r: usize, options: MatchOptions) -> Near {
        let cells = Pair::new(
            self.span(Side::Left, &(l..l + 1)),
            self.span(Side::Right, &(r..r + 1)),
        );
        let none = 0..0;
        let side = |side: Side, i: usize| NearSide {
            text: self.texts[side],
            cell: &cells[side],
            word: self.words[side].get(i).unwrap_or(&none),
        };
        near::describe(
            Pair::new(side(Side::Left, l), side(Side::Right, r)),
            options,
        )
    }
}

/// The start of each word's cell in `doc`, then the text's end.
fn cell_bounds(doc: &Document<'_>) -> Vec<usize> {
    let tokens = &doc.tokens;
    let mut bounds = Vec::with_capacity(tokens.len() + 1);
    bounds.push(0);
    for pair in tokens.windows(2) {
        let (end, start) = (pair[0].span.end, pair[1].span.start);
        let gap = doc.text.get(end..start).unwrap_or_default();
        let cut = gap
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(start, |(i, c)| end + i + c.len_utf8());
        bounds.push(cut);
    }
    if !tokens.is_empty() {
        bounds.push(doc.text.len());
    }
    bounds
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
pub(crate) fn diff_words(
    keys: &PairKeys<'_>,
    ranges: &Pair<Range<usize>>,
    budget: &mut DiffBudget,
    cells: &Cells<'_>,
) -> Vec<WordOp> {
    let ids = keys.diff_ids();
    let segments = if budget.take(ranges) {
        patience(ids, ranges)
    } else {
        join_runs(split_at_anchors(ids, ranges, budget))
    };
    let segments = if cells.strict {
        segments
            .into_iter()
            .flat_map(|run| split_inexact(run, cells))
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
    coalesce(folded)
        .into_iter()
        .flat_map(|(equal, words)| split_change(equal, words, cells))
        .collect()
}

/// An equal run cut where paired words' cells differ: those words become changes.
fn split_inexact((equal, words): Run, cells: &Cells<'_>) -> Vec<Run> {
    if !equal {
        return vec![(equal, words)];
    }
    let mut out: Vec<Run> = Vec::new();
    for (l, r) in words.left.zip(words.right) {
        let same = cells.same(l, r);
        match out.last_mut() {
            Some((kind, prev)) if *kind == same => {
                prev.left.end = l + 1;
                prev.right.end = r + 1;
            }
            _ => out.push((same, Pair::new(l..l + 1, r..r + 1))),
        }
    }
    out
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

/// An equal run becomes equal ops with a near op for each word pair whose cells
/// differ; a change becomes a delete of its left words then an insert of its right
/// words.
fn split_change(equal: bool, words: Pair<Range<usize>>, cells: &Cells<'_>) -> Vec<WordOp> {
    if equal {
        let mut out: Vec<WordOp> = Vec::new();
        for (l, r) in words.left.zip(words.right) {
            let one = Pair::new(l..l + 1, r..r + 1);
            if !cells.same(l, r) {
                out.push(WordOp {
                    tag: DiffTag::Near,
                    words: one,
                });
                continue;
            }
            match out.last_mut() {
                Some(prev) if prev.tag == DiffTag::Equal => {
                    prev.words.left.end = l + 1;
                    prev.words.right.end = r + 1;
                }
                _ => out.push(WordOp {
                    tag: DiffTag::Equal,
                    words: one,
                }),
            }
        }
        return out;
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
            && matches!(op.tag, DiffTag::Delete | DiffTag::Insert)
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

/// Byte span of the tokens in `words` (from the first word's start to the last
/// word's end); an empty range maps to the end of the preceding token (or the start
/// of the first one).
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

/// Converts internal word ops to [`DiffOp`]s spanning whole cells, describing near
/// ops under `options`. A text without words is one op of its own, so the ops of
/// each side still tile it.
pub(crate) fn to_diff_ops(
    docs: Pair<&Document<'_>>,
    cells: &Cells<'_>,
    ops: &[WordOp],
    options: MatchOptions,
) -> Vec<DiffOp> {
    let mut out: Vec<DiffOp> = ops
        .iter()
        .map(|op| DiffOp {
            tag: op.tag,
            spans: Pair::new(
                cells.span(Side::Left, &op.words.left),
                cells.span(Side::Right, &op.words.right),
            ),
            near: (op.tag == DiffTag::Near)
                .then(|| cells.near(op.words.left.start, op.words.right.start, options)),
        })
        .collect();
    let wordless = docs.map(|d| d.tokens.is_empty() && !d.text.is_empty());
    let whole = docs.map(|d| 0..d.text.len());
    let end = docs.map(|d| d.text.len()..d.text.len());
    let same = || {
        let visible = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        visible(docs.left.text) == visible(docs.right.text)
    };
    match (wordless.left, wordless.right) {
        (true, true) if same() => out.push(DiffOp {
            tag: DiffTag::Equal,
            spans: whole,
            near: None,
        }),
        (left, right) => {
            if left {
                out.push(DiffOp {
                    tag: DiffTag::Delete,
                    spans: Pair::new(whole.left.clone(), end.right.clone()),
                    near: None,
                });
            }
            if right {
                out.push(DiffOp {
                    tag: DiffTag::Insert,
                    spans: Pair::new(end.left, whole.right),
                    near: None,
                });
            }
        }
    }
    out
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
        let cells = Cells::new(docs, false);
        let ops = diff_words(&keys, &whole, budget, &cells);
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
        let ops = diff_words(&keys, &whole, &mut DiffBudget::new(MAX_DIFF_CELLS), &cells);
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
    fn cells_keep_opening_quotes_with_their_word_and_tile_the_text() {
        let text = "He said: “We wait.”\n\n(AP) — Done";
        let doc = Document::new(text, &MatchOptions::default());
        let bounds = cell_bounds(&doc);
        let cells: Vec<&str> = bounds.windows(2).map(|w| &text[w[0]..w[1]]).collect();
        assert_eq!(
            cells,
            ["He ", "said: ", "“We ", "wait.”\n\n", "(AP) — ", "Done"]
        );
        assert_eq!(cells.concat(), text);
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

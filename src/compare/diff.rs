//! Word diff over match keys with spans in both texts.
//!
//! The keys are the pair's [`PairKeys::diff_ids`], where a key of the right text that
//! is [`crate::text::fuzzy_eq`] to a key of the left text shares its id. `similar`
//! diffs the ids under a deadline, and a semantic cleanup folds tiny equal islands
//! between changes into the change so the result reads as phrases.

use super::Document;
use super::keys::PairKeys;
use crate::pair::Pair;
use serde::Serialize;
use std::ops::Range;
use std::time::{Duration, Instant};

/// Longest run of equal words between two changes that is folded into them.
pub const EQUAL_ISLAND_WORDS: usize = 2;

/// Wall-clock budget for all word diffs of one comparison; past it `similar`
/// stops refining and reports the rest as coarse delete/insert runs.
pub const DIFF_TIME_LIMIT: Duration = Duration::from_millis(150);

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

/// Diffs the tokens in `ranges` and cleans the result up into phrases.
///
/// Pushes a notice (once) when `deadline` has passed.
pub(crate) fn diff_words(
    keys: &PairKeys<'_>,
    ranges: Pair<Range<usize>>,
    deadline: Instant,
    notices: &mut Vec<String>,
) -> Vec<WordOp> {
    // Patience anchors on words unique to both sides (names, numbers), which keeps
    // long texts near-linear and the result readable; Myers runs between anchors.
    let ids = keys.diff_ids();
    let raw = similar::capture_diff_deadline(
        similar::Algorithm::Patience,
        ids.left,
        ranges.left.clone(),
        ids.right,
        ranges.right.clone(),
        Some(deadline),
    );
    if Instant::now() >= deadline {
        note_deadline(notices);
    }
    // Rebuild ranges from lengths: `similar` may misplace the empty side of an op.
    let mut cursor = Pair::new(ranges.left.start, ranges.right.start);
    let segments = coalesce(raw.iter().map(|op| {
        let (tag, old, new) = op.as_tag_tuple();
        let words = Pair::new(
            cursor.left..cursor.left + old.len(),
            cursor.right..cursor.right + new.len(),
        );
        cursor = Pair::new(words.left.end, words.right.end);
        (tag == similar::DiffTag::Equal, words)
    }));
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

/// The notice left when the diff deadline cut refinement short.
fn note_deadline(notices: &mut Vec<String>) {
    let notice = format!(
        "word diff took longer than {} ms; the rest is shown as whole changed runs",
        DIFF_TIME_LIMIT.as_millis()
    );
    if !notices.contains(&notice) {
        notices.push(notice);
    }
}

/// Merges consecutive changes (non-equal runs) into one, keeping equal runs apart.
fn coalesce(
    runs: impl IntoIterator<Item = (bool, Pair<Range<usize>>)>,
) -> Vec<(bool, Pair<Range<usize>>)> {
    let mut out: Vec<(bool, Pair<Range<usize>>)> = Vec::new();
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
        let docs = Pair::new(left, right).map(|t| Document::new(t, &MatchOptions::default()));
        let docs = docs.as_ref();
        let keys = PairKeys::new(docs);
        let deadline = Instant::now() + DIFF_TIME_LIMIT;
        let whole = docs.map(|d| 0..d.tokens.len());
        let ops = diff_words(&keys, whole, deadline, &mut Vec::new());
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
}

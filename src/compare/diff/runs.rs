//! Runs of words equal on both sides or not: `similar`'s diff of a stretch, and
//! the ways runs are joined, merged and cut.

use super::cells::Cells;
use crate::pair::Pair;
use crate::text::KeyId;
use std::ops::Range;

/// A run of words, equal on both sides or not, with its token ranges.
pub(super) type Run = (bool, Pair<Range<usize>>);

/// The diff of one stretch, as runs with consecutive changes merged: `similar`'s
/// patience diff, or one equal run when both sides are the same words.
pub(super) fn patience(ids: Pair<&[KeyId]>, ranges: &Pair<Range<usize>>) -> Vec<Run> {
    // Most aligned sentences are unchanged: `similar` would find one equal run after
    // hashing every word; comparing the ids says so at once.
    if let (Some(left), Some(right)) = (
        ids.left.get(ranges.left.clone()),
        ids.right.get(ranges.right.clone()),
    ) && left == right
    {
        return if left.is_empty() {
            Vec::new()
        } else {
            vec![(true, ranges.clone())]
        };
    }
    similar_patience(ids, ranges)
}

/// `similar`'s patience diff of one stretch, as runs with consecutive changes merged.
fn similar_patience(ids: Pair<&[KeyId]>, ranges: &Pair<Range<usize>>) -> Vec<Run> {
    // Patience anchors on words unique to both sides (names, numbers), which keeps
    // long texts near-linear and the result readable; Myers runs between anchors.
    let raw = super::patience::ops(ids, ranges);
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

/// Joins runs of the same kind that follow each other (pieces of a split stretch).
pub(super) fn join_runs(runs: Vec<Run>) -> Vec<Run> {
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
pub(super) fn coalesce(runs: impl IntoIterator<Item = Run>) -> Vec<Run> {
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

/// An equal run cut where paired words' cells differ: those words become changes.
pub(super) fn split_inexact((equal, words): Run, cells: &Cells<'_>) -> Vec<Run> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Vocabulary;

    #[test]
    fn identical_stretches_are_one_equal_run_as_similar_finds() {
        let words = "the vote the council the vote held held the".split(' ');
        let mut vocabulary = Vocabulary::default();
        let left: Vec<KeyId> = words.map(|w| vocabulary.id(w)).collect();
        let right: Vec<KeyId> = [vocabulary.id("a")]
            .into_iter()
            .chain(left.iter().copied())
            .collect();
        for (l, r) in [(0..9, 1..10), (2..7, 3..8), (4..4, 5..5), (0..1, 1..2)] {
            let ranges = Pair::new(l, r);
            let ids = Pair::new(&left[..], &right[..]);
            assert_eq!(
                patience(ids, &ranges),
                similar_patience(ids, &ranges),
                "{ranges:?}"
            );
        }
        let changed = Pair::new(0..9, 0..10);
        let ids = Pair::new(&left[..], &right[..]);
        assert_eq!(patience(ids, &changed), similar_patience(ids, &changed));
    }
}

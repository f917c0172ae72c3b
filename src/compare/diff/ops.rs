//! Word ops from runs, and the [`DiffOp`]s they become: whole cells on each side,
//! near ops described, a wordless text an op of its own.

use super::cells::Cells;
use super::{DiffOp, DiffTag, WordOp};
use crate::compare::Document;
use crate::pair::{Pair, Side};
use crate::text::MatchOptions;
use std::ops::Range;

/// An equal run becomes equal ops with a near op for each word pair whose cells
/// differ; a change becomes a delete of its left words then an insert of its right
/// words. The ops are pushed onto `out`.
pub(super) fn split_change(
    equal: bool,
    words: Pair<Range<usize>>,
    cells: &Cells<'_>,
    out: &mut Vec<WordOp>,
) {
    if equal {
        push_equal(words, cells, out);
        return;
    }
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
}

/// The ops of an equal run pushed onto `out`: equal ops, with a near op for each
/// word pair whose cells differ.
pub(super) fn push_equal(words: Pair<Range<usize>>, cells: &Cells<'_>, out: &mut Vec<WordOp>) {
    if cells.identical(&words) {
        if !words.left.is_empty() {
            out.push(WordOp {
                tag: DiffTag::Equal,
                words,
            });
        }
        return;
    }
    // Only ops pushed here are extended, never one already in `out`.
    let first = out.len();
    for (l, r) in words.left.zip(words.right) {
        let one = Pair::new(l..l + 1, r..r + 1);
        if !cells.same(l, r) {
            out.push(WordOp {
                tag: DiffTag::Near,
                words: one,
            });
            continue;
        }
        let extends = out.len() > first && out.last().is_some_and(|p| p.tag == DiffTag::Equal);
        match out.last_mut() {
            Some(prev) if extends => {
                prev.words.left.end = l + 1;
                prev.words.right.end = r + 1;
            }
            _ => out.push(WordOp {
                tag: DiffTag::Equal,
                words: one,
            }),
        }
    }
}

/// Joins consecutive ops of one tag whose words follow on directly (e.g. the
/// deletes of adjacent sentences only in the left text).
pub(crate) fn merge_adjacent(mut ops: Vec<WordOp>) -> Vec<WordOp> {
    // `dedup_by` hands each op with the last one kept: merged into it, it is dropped.
    ops.dedup_by(|op, prev| {
        if prev.tag != op.tag || !matches!(op.tag, DiffTag::Delete | DiffTag::Insert) {
            return false;
        }
        let side = |p: &Range<usize>, n: &Range<usize>| {
            (p.end == n.start)
                .then_some(p.start..n.end)
                .or_else(|| (p.is_empty() && n.is_empty()).then(|| p.clone()))
        };
        match (
            side(&prev.words.left, &op.words.left),
            side(&prev.words.right, &op.words.right),
        ) {
            (Some(left), Some(right)) => {
                prev.words = Pair::new(left, right);
                true
            }
            _ => false,
        }
    });
    ops
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

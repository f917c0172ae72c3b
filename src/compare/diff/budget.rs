//! The work budget of a comparison's word diffs, and what is done with a stretch
//! too big for it: cut at the words each side has once, pieces diffed while the
//! budget lasts, the rest shown coarsely.

use super::runs::{Run, join_runs, patience};
use crate::pair::Pair;
use crate::text::KeyId;
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

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
    pub(super) fn take(&mut self, ranges: &Pair<Range<usize>>) -> bool {
        let cells = ranges.left.len().saturating_mul(ranges.right.len());
        let fits = cells <= self.cells;
        if fits {
            self.cells -= cells;
        }
        fits
    }
}

/// The runs of the stretch `ranges`: diffed whole if the budget allows, else cut
/// at its anchors ([`split_at_anchors`]).
pub(super) fn runs_within(
    ids: Pair<&[KeyId]>,
    ranges: &Pair<Range<usize>>,
    budget: &mut DiffBudget,
) -> Vec<Run> {
    if budget.take(ranges) {
        patience(ids, ranges)
    } else {
        join_runs(split_at_anchors(ids, ranges, budget))
    }
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

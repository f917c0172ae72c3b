//! One DP row: its band filled ([`fill_row`]), or filled only where scores can be
//! positive ([`fill_live_row`]).
//!
//! A local alignment's cell is positive only when a positive cell lies above it (up or
//! on the diagonal), a word of its column can align to the row's word, or the cell
//! before it in the row is positive. So a row's positive cells lie from the first
//! column the row above or a match reaches to the last one, and then along the row
//! until the scores fall to zero; every other cell of the band is zero. Most of a band
//! is zero: a quote aligns along one diagonal of its window, and its words meet few
//! others there. [`fill_live_row`] computes those columns alone and writes zeros
//! elsewhere, so the grid holds exactly the scores of the whole band.

use super::{MATCH_FUZZY, gap};
use crate::text::KeyId;
use std::ops::Range;

/// What filling one row found.
pub(super) struct FilledRow {
    /// The row's highest raw score (0 when none is positive).
    pub best: i32,
    /// The column of its first occurrence.
    pub best_column: usize,
    /// Columns from the first to the last positive cell (empty when none is).
    pub live: Range<usize>,
}

/// Fills the cells of `band` (grid columns) of `row` as [`fill_row`] fills the whole
/// band, given the row `above` and the columns `live_above` of it that may be positive
/// (a superset of its positive cells; cells outside its band are zero). `words[c - 1]`
/// is the window word of column `c`; `fuzzy` as for [`fill_row`].
pub(super) fn fill_live_row(
    word: &RowWord,
    words: &[(KeyId, u32)],
    above: &[i32],
    row: &mut [i32],
    band: Range<usize>,
    live_above: &Range<usize>,
    fuzzy: impl FnMut(KeyId) -> bool,
) -> FilledRow {
    let (lo, hi) = (band.start, band.end);
    let none = FilledRow {
        best: 0,
        best_column: 0,
        live: 0..0,
    };
    if lo >= hi {
        return none;
    }
    // Cells the row above reaches: up from its columns, diagonally from one before.
    let (mut from, mut to) = (live_above.start.max(lo), (live_above.end + 1).min(hi));
    if from >= to {
        (from, to) = (hi, lo);
    }
    // A word left out (no key, no class) matches no column: no scan.
    if word.key != KeyId::NONE || word.class != NOT_A_CLASS {
        if let Some(k) = first_match(word, &words[lo - 1..from - 1]) {
            from = lo + k;
        }
        let beyond = to.max(from);
        if let Some(k) = last_match(word, &words[beyond - 1..hi - 1]) {
            to = beyond + k + 1;
        }
    }
    if from >= to {
        row[lo..hi].fill(0);
        return none;
    }
    row[lo..from].fill(0);
    let (best, k) = fill_row(
        word,
        &words[from - 1..to - 1],
        &above[from - 1..to],
        &mut row[from..to],
        fuzzy,
    );
    // Past `to` nothing comes from above or a match: scores only fall along the row.
    let mut left = row[to - 1];
    let mut end = to;
    while end < hi && left > 0 {
        left = (left - gap(words[end - 1].0)).max(0);
        row[end] = left;
        end += 1;
    }
    row[end..hi].fill(0);
    let cells = &row[from..end];
    let live = match cells.iter().position(|&s| s > 0) {
        Some(first) => {
            let last = cells.iter().rposition(|&s| s > 0).unwrap_or(first);
            from + first..from + last + 1
        }
        None => 0..0,
    };
    FilledRow {
        best,
        best_column: from + k,
        live,
    }
}

/// Whether window word `w` may align to the row's word: its key is the word's, or it
/// shares the word's fuzzy class (a word left out has neither).
fn may_match(word: &RowWord, w: (KeyId, u32)) -> bool {
    w.0 == word.key || w.1 == word.class
}

/// Whether any of `words` may match, tested without a branch per word.
fn any_match(word: &RowWord, words: &[(KeyId, u32)]) -> bool {
    words
        .iter()
        .fold(0u8, |any, &w| any | u8::from(may_match(word, w)))
        != 0
}

/// Words tested at once by the match scans, without a branch per word.
const SCAN_CHUNK: usize = 8;

/// The index of the first of `words` that [may match](may_match) the row's word.
fn first_match(word: &RowWord, words: &[(KeyId, u32)]) -> Option<usize> {
    let mut chunks = words.chunks_exact(SCAN_CHUNK);
    let mut base = 0;
    for chunk in &mut chunks {
        if any_match(word, chunk) {
            return chunk
                .iter()
                .position(|&w| may_match(word, w))
                .map(|k| base + k);
        }
        base += SCAN_CHUNK;
    }
    let rest = chunks.remainder();
    rest.iter()
        .position(|&w| may_match(word, w))
        .map(|k| base + k)
}

/// The index of the last of `words` that [may match](may_match) the row's word.
fn last_match(word: &RowWord, words: &[(KeyId, u32)]) -> Option<usize> {
    let mut chunks = words.rchunks_exact(SCAN_CHUNK);
    let mut end = words.len();
    for chunk in &mut chunks {
        if any_match(word, chunk) {
            let k = chunk.iter().rposition(|&w| may_match(word, w));
            return k.map(|k| end - SCAN_CHUNK + k);
        }
        end -= SCAN_CHUNK;
    }
    let rest = chunks.remainder();
    rest.iter().rposition(|&w| may_match(word, w))
}

/// Fuzzy class of a quote word that must not align fuzzily (no window word has it).
pub(super) const NOT_A_CLASS: u32 = u32::MAX;

/// What one DP row needs to know of its quote word.
pub(super) struct RowWord {
    /// The key, or [`KeyId::NONE`] when the word is left out.
    pub(super) key: KeyId,
    /// The fuzzy class, or [`NOT_A_CLASS`].
    pub(super) class: u32,
    /// Score of an exact match.
    pub(super) matched: i32,
    /// Penalty for skipping or mismatching it.
    pub(super) gap: i32,
}

/// Fills the band of one DP row: `cells[k]` from `words[k]` (the window word of that
/// column), `above[k]` (diagonal) and `above[k + 1]` (up). `fuzzy(b)` says whether the
/// row's word and `b`, of the same class, are fuzzy-equal. Returns the row's highest
/// raw score and the offset of its first occurrence.
///
/// Two passes: the diagonal and up moves first (independent per column), then the
/// left moves, the only ones that depend on the cell before.
pub(super) fn fill_row(
    word: &RowWord,
    words: &[(KeyId, u32)],
    above: &[i32],
    cells: &mut [i32],
    mut fuzzy: impl FnMut(KeyId) -> bool,
) -> (i32, usize) {
    let n = cells.len().min(words.len());
    let (words, cells) = (&words[..n], &mut cells[..n]);
    let (diagonal, up) = (&above[..n], &above[1..=n]);
    for (((&(b, _), &d), &u), cell) in words.iter().zip(diagonal).zip(up).zip(cells.iter_mut()) {
        let step = if word.key == b {
            word.matched
        } else {
            -word.gap.max(gap(b))
        };
        *cell = (d + step).max(u - word.gap);
    }
    if word.class != NOT_A_CLASS {
        for (k, &(b, b_class)) in words.iter().enumerate() {
            if b_class == word.class && b != word.key && fuzzy(b) {
                cells[k] = (diagonal[k] + MATCH_FUZZY).max(up[k] - word.gap);
            }
        }
    }
    let (mut best, mut best_k) = (0, 0);
    let mut left = 0;
    for (k, (cell, &(b, _))) in cells.iter_mut().zip(words).enumerate() {
        let s = (*cell).max(left - gap(b));
        left = s.max(0);
        *cell = left;
        if s > best {
            best = s;
            best_k = k;
        }
    }
    (best, best_k)
}

#[cfg(test)]
mod tests {
    use super::super::grid::{Scope, WindowKeys};
    use super::super::{MATCH_CONTENT, MATCH_STOP, MIN_ALIGNMENT_SCORE, Matcher};
    use super::*;
    use crate::text::{Vocabulary, tokenize};
    use proptest::prelude::*;

    /// Words of the generated texts: stop words, content words, fuzzy variants.
    const WORDS: &[&str] = &[
        "the",
        "of",
        "and",
        "to",
        "levee",
        "hold",
        "spring",
        "floods",
        "illusory",
        "illusionary",
        "recognising",
        "recognizing",
        "goal",
        "war",
    ];

    /// The grid and best cell of the DP filling every cell of each row's band (the
    /// general path [`fill_live_row`] must agree with).
    fn whole_band(
        matcher: &mut Matcher<'_, '_>,
        scope: &Scope<'_>,
        window: &WindowKeys,
        enabled: &[bool],
    ) -> (Vec<i32>, i32, (usize, usize)) {
        let cols = scope.window.len() + 1;
        let mut score = vec![0; (scope.quote.len() + 1) * cols];
        let (mut best, mut best_cell) = (0, (0, 0));
        for (i, &a) in scope.quote.iter().enumerate().map(|(k, a)| (k + 1, a)) {
            let on = enabled[i - 1];
            let (key, class) = match matcher.vocabulary.fuzzy_class(a) {
                _ if !on => (KeyId::NONE, NOT_A_CLASS),
                Some(class) => (a, class),
                None => (a, NOT_A_CLASS),
            };
            let matched = if a.is_stop() {
                MATCH_STOP
            } else {
                MATCH_CONTENT
            };
            let word = RowWord {
                key,
                class,
                matched,
                gap: gap(a),
            };
            let c = scope.columns(i);
            let (above, rest) = score.split_at_mut(i * cols);
            let above = &above[(i - 1) * cols..];
            let (vocabulary, fuzzy) = (matcher.vocabulary, &mut matcher.fuzzy);
            let (row_best, k) = fill_row(
                &word,
                &window.words[c.start - 1..c.end - 1],
                &above[c.start - 1..c.end],
                &mut rest[c.clone()],
                |b| fuzzy.eq(vocabulary, a, b),
            );
            if row_best >= best && row_best > 0 {
                best = row_best;
                best_cell = (i, c.start + k);
            }
        }
        (score, best, best_cell)
    }

    #[test]
    fn the_scans_find_the_first_and_last_match() {
        let mut vocabulary = Vocabulary::default();
        let (levee, goal) = (vocabulary.id("levee"), vocabulary.id("goal"));
        let word = RowWord {
            key: levee,
            class: 5,
            matched: 3,
            gap: 3,
        };
        for len in 0usize..40 {
            for hits in [
                vec![],
                vec![0],
                vec![len / 2],
                vec![1, len.saturating_sub(2)],
            ] {
                let words: Vec<(KeyId, u32)> = (0..len)
                    .map(|k| match k % 3 {
                        _ if !hits.contains(&k) => (goal, 9),
                        0 => (levee, 9),
                        _ => (goal, 5),
                    })
                    .collect();
                let want = |rev: bool| {
                    let mut found = (0..len).filter(|k| hits.contains(k));
                    if rev { found.next_back() } else { found.next() }
                };
                assert_eq!(first_match(&word, &words), want(false), "{len} {hits:?}");
                assert_eq!(last_match(&word, &words), want(true), "{len} {hits:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Rows filled where they may be positive give every band cell and the path
        /// of the DP filling the whole band.
        #[test]
        fn live_rows_give_the_whole_bands_scores_and_path(
            quote in prop::collection::vec(0..WORDS.len(), 1..14),
            window in prop::collection::vec(0..WORDS.len(), 1..30),
            band in (-16isize..16, 1isize..24),
            disabled in prop::collection::vec(any::<bool>(), 14),
        ) {
            let pick = |w: &[usize]| w.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            let (quote, window) = (pick(&quote), pick(&window));
            let (q, o) = (tokenize(&quote), tokenize(&window));
            let mut vocabulary = Vocabulary::default();
            let (q_ids, o_ids) = (vocabulary.ids(&q), vocabulary.ids(&o));
            let scope = Scope {
                quote: &q_ids,
                window: &o_ids,
                band: band.0..band.0 + band.1,
            };
            let mut keys = WindowKeys::default();
            keys.fill(&o_ids, &vocabulary);
            let enabled: Vec<bool> = (0..q_ids.len()).map(|k| k % 3 != 0 || !disabled[k]).collect();
            let mut matcher = Matcher::new(&vocabulary);
            // A grid left dirty by another alignment, as between windows.
            matcher.grid = vec![7; 2 * (q_ids.len() + 1) * (o_ids.len() + 1)];
            let path = matcher.dp_path(&scope, &keys, &enabled);
            let (want, best, end) = whole_band(&mut matcher, &scope, &keys, &enabled);
            let cols = o_ids.len() + 1;
            for i in 1..=q_ids.len() {
                let c = scope.columns(i);
                prop_assert_eq!(&matcher.grid[i * cols + c.start..i * cols + c.end],
                    &want[i * cols + c.start..i * cols + c.end], "row {}", i);
            }
            let want_path = (best >= MIN_ALIGNMENT_SCORE)
                .then(|| matcher.trace(&want, end, &scope, &enabled));
            prop_assert_eq!(path, want_path);
        }
    }
}

//! The banded Smith–Waterman alignment of one quote chunk in one seed window: the
//! DP grid filled row by row, the best path traced back, and the window's keys.

use super::live::{NOT_A_CLASS, RowWord, fill_live_row};
use super::{MATCH_CONTENT, MATCH_STOP, MIN_ALIGNMENT_SCORE, Matcher, gap};
use crate::text::{KeyId, Vocabulary};
use std::ops::Range;

impl Matcher<'_, '_> {
    /// The best local alignment path of the enabled quote words in the scope's window,
    /// if it scores enough: the [`verbatim_path`] when there is one (the path the DP
    /// would find), else [`Matcher::dp_path`]'s.
    pub(super) fn best_path(
        &mut self,
        scope: &Scope<'_>,
        window: &WindowKeys,
        enabled: &[bool],
    ) -> Option<Vec<Step>> {
        verbatim_path(scope, enabled).or_else(|| self.dp_path(scope, window, enabled))
    }

    /// The best local alignment path by the banded DP. Only cells on the scope's band
    /// of diagonals are computed, and of those only where scores can be positive (see
    /// [`fill_live_row`]); the others count as unaligned (score 0).
    pub(super) fn dp_path(
        &mut self,
        scope: &Scope<'_>,
        window: &WindowKeys,
        enabled: &[bool],
    ) -> Option<Vec<Step>> {
        let quote = scope.quote;
        let cols = scope.window.len() + 1;
        let mut score = std::mem::take(&mut self.grid);
        // Cells are not cleared between runs: every cell a row reads outside its
        // band is zeroed below (row 0, and one cell on each side of each row's band).
        score.resize((quote.len() + 1) * cols, 0);
        score[..cols].fill(0);
        let (mut best, mut best_cell) = (0, (0, 0));
        let mut cells = 0;
        // Columns of the row above that may hold a positive score (none in row 0).
        let mut live = 0..0;
        for (i, &a) in quote.iter().enumerate().map(|(k, a)| (k + 1, a)) {
            let on = enabled.get(i - 1).copied().unwrap_or(false);
            // Keys and classes no window word has, for a quote word left out.
            let (a_key, a_class) = match self.vocabulary.fuzzy_class(a) {
                _ if !on => (KeyId::NONE, NOT_A_CLASS),
                Some(class) => (a, class),
                None => (a, NOT_A_CLASS),
            };
            let matched = if a.is_stop() {
                MATCH_STOP
            } else {
                MATCH_CONTENT
            };
            let gq = gap(a);
            let (lo, hi) = {
                let c = scope.columns(i);
                (c.start, c.end)
            };
            cells += hi - lo;
            let (above, rest) = score.split_at_mut(i * cols);
            let above = &above[(i - 1) * cols..];
            let row = &mut rest[..cols];
            row[lo - 1] = 0;
            if let Some(after) = row.get_mut(hi) {
                *after = 0;
            }
            let word = RowWord {
                key: a_key,
                class: a_class,
                matched,
                gap: gq,
            };
            let (vocabulary, fuzzy) = (self.vocabulary, &mut self.fuzzy);
            let filled = fill_live_row(&word, &window.words, above, row, lo..hi, &live, |b| {
                fuzzy.eq(vocabulary, a, b)
            });
            live = filled.live;
            // Ties go to the later row: a word swapped for another just before the
            // quote's last words still ends the path on them.
            if filled.best >= best && filled.best > 0 {
                best = filled.best;
                best_cell = (i, filled.best_column);
            }
        }
        self.budget = self.budget.saturating_sub(cells);
        let path =
            (best >= MIN_ALIGNMENT_SCORE).then(|| self.trace(&score, best_cell, scope, enabled));
        self.grid = score;
        path
    }

    /// The path ending at cell `end` of a filled score grid. Each step is recovered
    /// from the scores; ties prefer the diagonal, then skipping a quote word.
    #[allow(
        clippy::many_single_char_names,
        reason = "the recurrence's cells (i, j), words (q, t) and keys (a, b)"
    )]
    pub(super) fn trace(
        &mut self,
        score: &[i32],
        end: (usize, usize),
        scope: &Scope<'_>,
        enabled: &[bool],
    ) -> Vec<Step> {
        let (quote, window) = (scope.quote, scope.window);
        let cols = window.len() + 1;
        let at = |i: usize, j: usize| score.get(i * cols + j).copied().unwrap_or(0);
        let (mut i, mut j) = end;
        let mut path = Vec::new();
        while i > 0 && j > 0 && at(i, j) > 0 {
            let (q, t) = (i - 1, j - 1);
            let (Some(&a), Some(&b)) = (quote.get(q), window.get(t)) else {
                break;
            };
            let on = enabled.get(q).copied().unwrap_or(false);
            let (step, aligned) = self.step(a, b, on);
            if at(i - 1, j - 1) + step == at(i, j) {
                path.push(match aligned {
                    Some(fuzzy) => Step::Match { q, t, fuzzy },
                    None => Step::Mismatch { q, t },
                });
                i -= 1;
                j -= 1;
            } else if at(i - 1, j) - gap(a) == at(i, j) {
                path.push(Step::SkipQuote { q });
                i -= 1;
            } else {
                path.push(Step::SkipOther { t });
                j -= 1;
            }
        }
        path.reverse();
        path
    }
}

/// The path [`Matcher::dp_path`] finds when every quote word is enabled and a diagonal
/// of the band repeats the quote word for word: that diagonal, the leftmost one; `None`
/// when there is none, or when it scores too little (the DP then finds nothing either).
pub(super) fn verbatim_path(scope: &Scope<'_>, enabled: &[bool]) -> Option<Vec<Step>> {
    let (quote, window) = (scope.quote, scope.window);
    let n = quote.len();
    let all_enabled = enabled.get(..n).is_some_and(|e| e.iter().all(|&on| on));
    if n == 0 || n > window.len() || !all_enabled {
        return None;
    }
    let score: i32 = quote
        .iter()
        .map(|id| {
            if id.is_stop() {
                MATCH_STOP
            } else {
                MATCH_CONTENT
            }
        })
        .sum();
    if score < MIN_ALIGNMENT_SCORE {
        return None;
    }
    // Diagonal d aligns quote word q to window word q + d.
    let first = scope.band.start.max(0);
    let end = scope.band.end.min(signed(window.len() - n) + 1);
    let d = (first..end).find_map(|d| {
        let d = usize::try_from(d).ok()?;
        (window.get(d..d + n)? == quote).then_some(d)
    })?;
    Some(
        (0..n)
            .map(|q| Step::Match {
                q,
                t: q + d,
                fuzzy: false,
            })
            .collect(),
    )
}

/// A window's keys, each with its fuzzy class ([`NO_CLASS`] when it has none).
#[derive(Debug, Default)]
pub(super) struct WindowKeys {
    pub(super) words: Vec<(KeyId, u32)>,
}

/// Fuzzy class stored for a window word without one (differs from [`NOT_A_CLASS`]).
const NO_CLASS: u32 = u32::MAX - 1;

impl WindowKeys {
    /// Makes these the keys of `ids`, reusing the buffer.
    pub(super) fn fill(&mut self, ids: &[KeyId], vocabulary: &Vocabulary<'_>) {
        let class = |id: KeyId| vocabulary.fuzzy_class(id).unwrap_or(NO_CLASS);
        self.words.clear();
        self.words.extend(ids.iter().map(|&id| (id, class(id))));
    }
}

/// Which keys and fuzzy classes the current window holds: each key index and class
/// is stamped with the window's number, so nothing is cleared between windows.
#[derive(Debug, Default)]
pub(super) struct Present {
    window: u32,
    keys: Vec<u32>,
    classes: Vec<u32>,
}

impl Present {
    /// Makes `words` the current window.
    pub(super) fn mark(&mut self, words: &[(KeyId, u32)]) {
        self.window = self.window.wrapping_add(1);
        if self.window == 0 {
            self.keys.fill(0);
            self.classes.fill(0);
            self.window = 1;
        }
        for &(id, class) in words {
            stamp(&mut self.keys, id.index(), self.window);
            if class != NO_CLASS {
                stamp(&mut self.classes, class as usize, self.window);
            }
        }
    }

    /// Whether key `id` (of fuzzy class `class`) may align to a word of the window.
    pub(super) fn contains(&self, id: KeyId, class: Option<u32>) -> bool {
        self.keys.get(id.index()) == Some(&self.window)
            || class.is_some_and(|c| self.classes.get(c as usize) == Some(&self.window))
    }
}

/// Sets `marks[i]` to `value`, growing `marks` as needed.
fn stamp(marks: &mut Vec<u32>, i: usize, value: u32) {
    if marks.len() <= i {
        marks.resize(i + 1, 0);
    }
    if let Some(m) = marks.get_mut(i) {
        *m = value;
    }
}

/// What one alignment runs over: quote words, a window of the other text, and the
/// diagonals (window index − quote index) its seeds lie near.
pub(super) struct Scope<'a> {
    pub(super) quote: &'a [KeyId],
    pub(super) window: &'a [KeyId],
    pub(super) band: Range<isize>,
}

impl Scope<'_> {
    /// Grid columns (1-based window positions) of row `i` (1-based quote position)
    /// inside the band.
    /// Always within `1..=window.len() + 1`, possibly empty.
    pub(super) fn columns(&self, i: usize) -> Range<usize> {
        let (i, end) = (signed(i), signed(self.window.len()) + 1);
        let lo = (i + self.band.start).clamp(1, end);
        let hi = (i + self.band.end).clamp(lo, end);
        unsigned(lo)..unsigned(hi)
    }
}

pub(super) fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

fn unsigned(n: isize) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// One column of an alignment path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Quote word `q` aligned to other word `t`.
    Match { q: usize, t: usize, fuzzy: bool },
    /// Quote word `q` against a different other word `t`.
    Mismatch { q: usize, t: usize },
    /// Quote word `q` skipped.
    SkipQuote { q: usize },
    /// Other word `t` skipped.
    SkipOther { t: usize },
}

/// Quote indices from the first to the last aligned word of `path`.
pub(super) fn path_quote_range(path: &[Step]) -> Range<usize> {
    let qs = path.iter().filter_map(|s| match *s {
        Step::Match { q, .. } | Step::Mismatch { q, .. } | Step::SkipQuote { q } => Some(q),
        Step::SkipOther { .. } => None,
    });
    let (lo, hi) = qs.fold((usize::MAX, 0), |(lo, hi), q| (lo.min(q), hi.max(q + 1)));
    if lo < hi { lo..hi } else { 0..0 }
}

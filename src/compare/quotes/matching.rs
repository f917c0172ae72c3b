//! Local alignment of one quote against another text's whole token stream.
//!
//! Seeds: positions in the other text whose key equals a content word of the quote
//! (found through a [`KeyIndex`]). Around each cluster of seeds a Smith–Waterman
//! alignment on key ids runs in a window, on the band of diagonals near its seeds,
//! unless the window lacks the words any evidence would need. The best path is cut
//! where a content word is skipped or too many function words in a row fail to match,
//! and each piece must hold enough evidence on its own. The search repeats with the
//! aligned part of the quote masked, so one quote can match several places. A
//! [`Matcher`] can be given a budget of alignment cells; past it, it stops.

use crate::text::{FuzzyCache, KeyId, Token, Vocabulary};
use foldhash::HashMap;
use std::ops::Range;

/// Score of two equal content words.
const MATCH_CONTENT: i32 = 3;
/// Score of two equal stop words.
const MATCH_STOP: i32 = 1;
/// Score of two content words that are fuzzy-equal but not equal.
const MATCH_FUZZY: i32 = 2;
/// Penalty for skipping or mismatching a stop word.
const GAP_STOP: i32 = 1;
/// Penalty for skipping or mismatching a content word.
const GAP_CONTENT: i32 = 3;
/// Least alignment score worth cutting into pieces (two content words, one may be fuzzy).
const MIN_ALIGNMENT_SCORE: i32 = MATCH_CONTENT + MATCH_FUZZY;
/// Most stop words in a row an aligned piece may skip ("he said, which would").
pub const MAX_STOP_GAP_RUN: usize = 4;
/// Tokens searched beyond either end of a seed's diagonal in the other text.
const WINDOW_SLACK: usize = 8;
/// Longest run of quote tokens aligned at once; longer quotes (a paragraph left open,
/// broken marks) are aligned in chunks whose hits merge, which bounds memory and time.
const MAX_CHUNK_TOKENS: usize = 200;
/// Longest window of the other text aligned at once; seed windows stop merging beyond it.
const MAX_WINDOW_TOKENS: usize = 4 * MAX_CHUNK_TOKENS;
/// Most alignments taken from one window (split quotes, repeated phrases).
const MAX_ALIGNMENTS_PER_WINDOW: usize = 4;

/// Least aligned words of a match that is not the whole of a quote.
pub const MIN_MATCH_WORDS: usize = 4;
/// Least evidence words (neither stop words nor names) in a match that is not a whole quote.
pub const MIN_EVIDENCE_WORDS: usize = 3;
/// Least words of a quote matched as a whole, and least non-stop words among them.
pub const MIN_WHOLE_QUOTE_WORDS: usize = 2;

/// Positions of each content key in a token stream.
#[derive(Debug, Default)]
pub struct KeyIndex {
    positions: HashMap<KeyId, Vec<usize>>,
}

impl KeyIndex {
    /// Indexes the non-stop keys of `ids`.
    #[must_use]
    pub fn new(ids: &[KeyId]) -> Self {
        let mut positions: HashMap<KeyId, Vec<usize>> = HashMap::default();
        for (j, &id) in ids.iter().enumerate() {
            if !id.is_stop() {
                positions.entry(id).or_default().push(j);
            }
        }
        Self { positions }
    }

    fn get(&self, id: KeyId) -> &[usize] {
        self.positions.get(&id).map_or(&[], Vec::as_slice)
    }
}

/// A quote to align: its tokens and the text they index (for telling names apart).
#[derive(Debug, Clone, Copy)]
pub struct QuoteWords<'a> {
    /// The text the tokens come from.
    pub text: &'a str,
    /// The quote's tokens, in order.
    pub tokens: &'a [Token],
}

/// A token stream to align against: its key ids and their content-key index.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// Key id of each token.
    pub ids: &'a [KeyId],
    /// Positions of the content keys of `ids`.
    pub index: &'a KeyIndex,
}

/// What decides a quote's alignment against a given target: its key ids and which
/// of its words are names. Quotes with equal keys align alike, so repeated quotes
/// (a live blog, pasted copies) are aligned once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QuoteKey {
    ids: Vec<KeyId>,
    names: Vec<bool>,
}

impl QuoteKey {
    /// The key of `quote`, whose words have key ids `ids`.
    #[must_use]
    pub fn new(quote: QuoteWords<'_>, ids: &[KeyId]) -> Self {
        Self {
            ids: ids.to_vec(),
            names: quote
                .tokens
                .iter()
                .map(|t| is_name(quote.text, t))
                .collect(),
        }
    }
}

/// One aligned piece (or merged pieces) of a quote in the other text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Quote token indices covered (relative to the quote's tokens).
    pub quote: Range<usize>,
    /// Token indices covered in the other text.
    pub other: Range<usize>,
    /// Quote words aligned to an equal key.
    pub exact: usize,
    /// Quote words aligned to a fuzzy-equal key.
    pub fuzzy: usize,
}

impl Hit {
    /// Quote words aligned, exactly or fuzzily.
    #[must_use]
    pub fn aligned(&self) -> usize {
        self.exact + self.fuzzy
    }
}

/// Aligns quotes against token streams whose keys come from one [`Vocabulary`],
/// keeping fuzzy outcomes and buffers between alignments.
pub struct Matcher<'v, 't> {
    vocabulary: &'v Vocabulary<'t>,
    /// Alignment cells left to compute.
    budget: usize,
    /// Whether an alignment was skipped because the budget ran out.
    cut_short: bool,
    fuzzy: FuzzyCache,
    /// The keys of the window being aligned.
    present: Present,
    /// Alignment scores, reused between alignments.
    grid: Vec<i32>,
}

impl<'v, 't> Matcher<'v, 't> {
    /// A matcher over keys of `vocabulary`, without a work limit.
    #[must_use]
    pub fn new(vocabulary: &'v Vocabulary<'t>) -> Self {
        Self::with_budget(vocabulary, usize::MAX)
    }

    /// A matcher that stops aligning once it has computed about `cells` alignment
    /// cells (quote word × other word); see [`Matcher::cut_short`].
    #[must_use]
    pub fn with_budget(vocabulary: &'v Vocabulary<'t>, cells: usize) -> Self {
        Self {
            vocabulary,
            budget: cells,
            cut_short: false,
            fuzzy: FuzzyCache::default(),
            present: Present::default(),
            grid: Vec::new(),
        }
    }

    /// Whether the budget ran out, leaving some alignments undone.
    #[must_use]
    pub fn cut_short(&self) -> bool {
        self.cut_short
    }

    /// Where `quote` (with key ids `quote_ids`) appears in `other`: merged,
    /// non-overlapping hits in quote order.
    pub fn align_quote(
        &mut self,
        quote: QuoteWords<'_>,
        quote_ids: &[KeyId],
        other: Target<'_>,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        for start in (0..quote_ids.len()).step_by(MAX_CHUNK_TOKENS) {
            let chunk = start..(start + MAX_CHUNK_TOKENS).min(quote_ids.len());
            self.align_chunk(quote, quote_ids, chunk, other, &mut hits);
        }
        merge_hits(hits)
    }

    /// Aligns the quote tokens `chunk` in every seed window of `other`, pushing valid pieces.
    fn align_chunk(
        &mut self,
        quote: QuoteWords<'_>,
        quote_ids: &[KeyId],
        chunk: Range<usize>,
        other: Target<'_>,
        hits: &mut Vec<Hit>,
    ) {
        let Some(words) = quote_ids.get(chunk.clone()) else {
            return;
        };
        for window in seed_windows(words, other) {
            let Some(window_ids) = other.ids.get(window.tokens.clone()) else {
                continue;
            };
            let start = window.tokens.start;
            let scope = Scope {
                quote: words,
                window: window_ids,
                band: window.band.start - signed(start)..window.band.end - signed(start),
            };
            let keys = WindowKeys::new(window_ids, self.vocabulary);
            self.present.mark(&keys.words);
            let mut enabled = vec![true; words.len()];
            for _ in 0..MAX_ALIGNMENTS_PER_WINDOW {
                if !self.may_hold_evidence(words, quote_ids.len(), &enabled) {
                    break;
                }
                if self.budget == 0 {
                    self.cut_short = true;
                    return;
                }
                let Some(path) = self.best_path(&scope, &keys, &enabled) else {
                    break;
                };
                for q in path_quote_range(&path) {
                    if let Some(e) = enabled.get_mut(q) {
                        *e = false;
                    }
                }
                let before = hits.len();
                for piece in pieces(&path, words, window_ids) {
                    let hit = Hit {
                        quote: piece.quote.start + chunk.start..piece.quote.end + chunk.start,
                        other: piece.other.start + start..piece.other.end + start,
                        ..piece
                    };
                    if is_evidence(&hit, quote, quote_ids) {
                        hits.push(hit);
                    }
                }
                if hits.len() == before {
                    break;
                }
            }
        }
    }

    /// Whether aligning the enabled `words` (of a quote of `quote_len` words) in a window
    /// marked in `self.present` could yield an [`is_evidence`] piece at all: enough distinct
    /// content words of the quote must be in the window (exactly or in their fuzzy
    /// class), or every word of the quote. A cheap test that spares most windows of
    /// chance seed pairs the alignment.
    fn may_hold_evidence(&self, words: &[KeyId], quote_len: usize, enabled: &[bool]) -> bool {
        let mut content = 0;
        let mut all = words.len() == quote_len;
        for (&id, &on) in words.iter().zip(enabled) {
            let found = on && self.present.contains(id, self.vocabulary.fuzzy_class(id));
            if found && !id.is_stop() {
                content += 1;
                if content >= MIN_EVIDENCE_WORDS {
                    return true;
                }
            }
            all &= found;
        }
        all
    }

    /// Score of aligning keys `a` and `b` and whether they are only fuzzy-equal;
    /// `None` when they differ.
    fn score(&mut self, a: KeyId, b: KeyId) -> Option<(i32, bool)> {
        if a == b {
            Some((
                if a.is_stop() {
                    MATCH_STOP
                } else {
                    MATCH_CONTENT
                },
                false,
            ))
        } else if self.fuzzy.eq(self.vocabulary, a, b) {
            Some((MATCH_FUZZY, true))
        } else {
            None
        }
    }

    /// Score of the diagonal step from quote word `a` (aligned only when `on`) to
    /// window word `b`, and whether it aligns them (exactly, or fuzzily).
    fn step(&mut self, a: KeyId, b: KeyId, on: bool) -> (i32, Option<bool>) {
        match self.score(a, b).filter(|_| on) {
            Some((s, fuzzy)) => (s, Some(fuzzy)),
            None => (-gap(a).max(gap(b)), None),
        }
    }

    /// The best local alignment path of the enabled quote words in the scope's window,
    /// if it scores enough. Only cells on the scope's band of diagonals are computed;
    /// the others count as unaligned (score 0).
    fn best_path(
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
            let (row_best, k) = fill_row(
                &word,
                &window.words[lo - 1..hi - 1],
                &above[lo - 1..hi],
                &mut row[lo..hi],
                |b| fuzzy.eq(vocabulary, a, b),
            );
            if row_best > best {
                best = row_best;
                best_cell = (i, lo + k);
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
    fn trace(
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

/// What one DP row needs to know of its quote word.
struct RowWord {
    /// The key, or [`KeyId::NONE`] when the word is left out.
    key: KeyId,
    /// The fuzzy class, or [`NOT_A_CLASS`].
    class: u32,
    /// Score of an exact match.
    matched: i32,
    /// Penalty for skipping or mismatching it.
    gap: i32,
}

/// Fills the band of one DP row: `cells[k]` from `words[k]` (the window word of that
/// column), `above[k]` (diagonal) and `above[k + 1]` (up). `fuzzy(b)` says whether the
/// row's word and `b`, of the same class, are fuzzy-equal. Returns the row's highest
/// raw score and the offset of its first occurrence.
///
/// Two passes: the diagonal and up moves first (independent per column), then the
/// left moves, the only ones that depend on the cell before.
fn fill_row(
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

/// Fuzzy class of a quote word that must not align fuzzily (no window word has it).
const NOT_A_CLASS: u32 = u32::MAX;

/// A window's keys, each with its fuzzy class ([`NO_CLASS`] when it has none).
struct WindowKeys {
    words: Vec<(KeyId, u32)>,
}

/// Fuzzy class stored for a window word without one (differs from [`NOT_A_CLASS`]).
const NO_CLASS: u32 = u32::MAX - 1;

impl WindowKeys {
    fn new(ids: &[KeyId], vocabulary: &Vocabulary<'_>) -> Self {
        let class = |id: KeyId| vocabulary.fuzzy_class(id).unwrap_or(NO_CLASS);
        Self {
            words: ids.iter().map(|&id| (id, class(id))).collect(),
        }
    }
}

/// Which keys and fuzzy classes the current window holds: each key index and class
/// is stamped with the window's number, so nothing is cleared between windows.
#[derive(Debug, Default)]
struct Present {
    window: u32,
    keys: Vec<u32>,
    classes: Vec<u32>,
}

impl Present {
    /// Makes `words` the current window.
    fn mark(&mut self, words: &[(KeyId, u32)]) {
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
    fn contains(&self, id: KeyId, class: Option<u32>) -> bool {
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
struct Scope<'a> {
    quote: &'a [KeyId],
    window: &'a [KeyId],
    band: Range<isize>,
}

impl Scope<'_> {
    /// Grid columns (1-based window positions) of row `i` (1-based quote position)
    /// inside the band.
    /// Always within `1..=window.len() + 1`, possibly empty.
    fn columns(&self, i: usize) -> Range<usize> {
        let (i, end) = (signed(i), signed(self.window.len()) + 1);
        let lo = (i + self.band.start).clamp(1, end);
        let hi = (i + self.band.end).clamp(lo, end);
        unsigned(lo)..unsigned(hi)
    }
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

fn unsigned(n: isize) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// A window of the other text and the band of diagonals (other index − quote index)
/// around its seeds.
struct SeedWindow {
    tokens: Range<usize>,
    band: Range<isize>,
}

/// Windows of the other text around seed positions, merged when they overlap.
///
/// A quote with several content words needs two seeds from different quote words on
/// nearby diagonals; a lone common word ("Ukraine") does not open a window.
fn seed_windows(quote: &[KeyId], other: Target<'_>) -> Vec<SeedWindow> {
    let n = quote.len();
    let other_len = other.ids.len();
    let content_words = quote.iter().filter(|id| !id.is_stop()).count();
    // Words very frequent in the other text seed nothing: the quote's rarer words
    // find the same places, and repetitive texts stay near-linear.
    let rare_enough = |id: KeyId| other.index.get(id).len() <= MAX_SEED_OCCURRENCES;
    let mut seeds: Vec<(usize, usize)> = quote
        .iter()
        .enumerate()
        .filter(|&(_, &id)| !id.is_stop() && rare_enough(id))
        .flat_map(|(i, &id)| other.index.get(id).iter().map(move |&j| (i, j)))
        .collect();
    // Sorted by diagonal j - i (shifted by n to stay unsigned).
    seeds.sort_by_key(|&(i, j)| (j + n - i, i));
    let diagonal = |(i, j): (usize, usize)| j + n - i;
    // The nearest seed on each side (in diagonal order) from another quote word is the
    // closest such seed both in order and in diagonal, so it alone decides support.
    let nearest_other = |order: &mut dyn Iterator<Item = usize>| {
        let mut nearest = vec![None; seeds.len()];
        let mut previous: Option<usize> = None;
        for k in order {
            nearest[k] = previous.and_then(|p| {
                if seeds[p].0 == seeds[k].0 {
                    nearest[p]
                } else {
                    Some(p)
                }
            });
            previous = Some(k);
        }
        nearest
    };
    let before = nearest_other(&mut (0..seeds.len()));
    let after = nearest_other(&mut (0..seeds.len()).rev());
    let supported = |k: usize| {
        let near = |m: Option<usize>| {
            m.is_some_and(|m| {
                m.abs_diff(k) <= MAX_SUPPORT_SCAN
                    && diagonal(seeds[m]).abs_diff(diagonal(seeds[k])) <= WINDOW_SLACK
            })
        };
        near(before[k]) || near(after[k])
    };
    let slack = signed(WINDOW_SLACK);
    let mut windows: Vec<SeedWindow> = (0..seeds.len())
        .filter(|&k| content_words < MIN_SUPPORTED_CONTENT_WORDS || supported(k))
        .map(|k| {
            let (i, j) = seeds[k];
            let d = signed(j) - signed(i);
            SeedWindow {
                tokens: j.saturating_sub(i + WINDOW_SLACK)
                    ..(j + (n - i) + WINDOW_SLACK).min(other_len),
                band: d - slack..d + slack + 1,
            }
        })
        .collect();
    windows.sort_by_key(|w| w.tokens.start);
    let mut merged: Vec<SeedWindow> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last)
                if w.tokens.start <= last.tokens.end
                    && w.tokens.end - last.tokens.start <= MAX_WINDOW_TOKENS =>
            {
                last.tokens.end = last.tokens.end.max(w.tokens.end);
                last.band = last.band.start.min(w.band.start)..last.band.end.max(w.band.end);
            }
            _ => merged.push(w),
        }
    }
    merged
}

/// Occurrences in the other text above which a word no longer seeds windows.
pub const MAX_SEED_OCCURRENCES: usize = 64;
/// Content words from which a quote's seeds need the support of a second seed.
const MIN_SUPPORTED_CONTENT_WORDS: usize = 3;
/// Neighbouring seeds (by diagonal) checked for support.
const MAX_SUPPORT_SCAN: usize = 16;

/// One column of an alignment path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Quote word `q` aligned to other word `t`.
    Match { q: usize, t: usize, fuzzy: bool },
    /// Quote word `q` against a different other word `t`.
    Mismatch { q: usize, t: usize },
    /// Quote word `q` skipped.
    SkipQuote { q: usize },
    /// Other word `t` skipped.
    SkipOther { t: usize },
}

/// Penalty for skipping or mismatching the word `id`.
fn gap(id: KeyId) -> i32 {
    if id.is_stop() { GAP_STOP } else { GAP_CONTENT }
}

/// Quote indices from the first to the last aligned word of `path`.
fn path_quote_range(path: &[Step]) -> Range<usize> {
    let qs = path.iter().filter_map(|s| match *s {
        Step::Match { q, .. } | Step::Mismatch { q, .. } | Step::SkipQuote { q } => Some(q),
        Step::SkipOther { .. } => None,
    });
    let (lo, hi) = qs.fold((usize::MAX, 0), |(lo, hi), q| (lo.min(q), hi.max(q + 1)));
    if lo < hi { lo..hi } else { 0..0 }
}

/// Cuts `path` where a content word fails to align or too many stop words in a row do;
/// returns the pieces as hits (other indices relative to the window).
fn pieces(path: &[Step], quote: &[KeyId], other: &[KeyId]) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut current: Option<Hit> = None;
    let mut soft_run = 0;
    let content = |ids: &[KeyId], k: usize| ids.get(k).is_some_and(|id| !id.is_stop());
    for step in path {
        let hard = match *step {
            Step::Match { q, t, fuzzy } => {
                soft_run = 0;
                let hit = current.get_or_insert(Hit {
                    quote: q..q + 1,
                    other: t..t + 1,
                    exact: 0,
                    fuzzy: 0,
                });
                hit.quote.end = q + 1;
                hit.other.end = t + 1;
                if fuzzy {
                    hit.fuzzy += 1;
                } else {
                    hit.exact += 1;
                }
                continue;
            }
            Step::Mismatch { q, t } => content(quote, q) || content(other, t),
            Step::SkipQuote { q } => content(quote, q),
            Step::SkipOther { t } => content(other, t),
        };
        soft_run += 1;
        if hard || soft_run > MAX_STOP_GAP_RUN {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

/// Whether a piece is evidence of a shared quote: the whole of a quote of at least two
/// words, or enough aligned words with enough that are neither stop words nor names.
fn is_evidence(hit: &Hit, quote: QuoteWords<'_>, quote_ids: &[KeyId]) -> bool {
    let ids = quote_ids.get(hit.quote.clone()).unwrap_or(&[]);
    let tokens = quote.tokens.get(hit.quote.clone()).unwrap_or(&[]);
    let non_stop = ids.iter().filter(|id| !id.is_stop()).count();
    let whole = hit.quote == (0..quote_ids.len())
        && hit.aligned() == quote_ids.len()
        && quote_ids.len() >= MIN_WHOLE_QUOTE_WORDS
        && non_stop >= MIN_WHOLE_QUOTE_WORDS;
    let evidence = ids
        .iter()
        .zip(tokens)
        .filter(|(id, t)| !id.is_stop() && !is_name(quote.text, t))
        .count();
    whole || (hit.aligned() >= MIN_MATCH_WORDS && evidence >= MIN_EVIDENCE_WORDS)
}

/// A capitalized word that does not start a sentence or a quote: likely a name.
#[must_use]
pub fn is_name(text: &str, token: &Token) -> bool {
    let word = text.get(token.span.clone()).unwrap_or("");
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let before = text.get(..token.span.start).unwrap_or("");
    before
        .chars()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| {
            !matches!(
                c,
                '.' | '!' | '?' | ':' | '“' | '"' | '‘' | '\'' | '«' | '„' | '—' | '(' | '\n'
            )
        })
}

/// Most tokens between two hits (on each side) for them to merge into one.
pub const MERGE_GAP_TOKENS: usize = 6;

/// Merges hits adjacent on both sides and drops hits overlapping a longer one.
fn merge_hits(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| std::cmp::Reverse(h.aligned()));
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        let overlaps = kept
            .iter()
            .any(|k| overlap(&k.quote, &h.quote) || overlap(&k.other, &h.other));
        if !overlaps {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| (h.quote.start, h.other.start));
    let mut out: Vec<Hit> = Vec::new();
    for h in kept {
        match out.last_mut() {
            Some(last)
                if close_after(&last.quote, &h.quote) && close_after(&last.other, &h.other) =>
            {
                last.quote.end = h.quote.end;
                last.other.end = h.other.end;
                last.exact += h.exact;
                last.fuzzy += h.fuzzy;
            }
            _ => out.push(h),
        }
    }
    out
}

/// Whether two ranges share an index.
#[must_use]
pub fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether `b` starts at most [`MERGE_GAP_TOKENS`] after `a` ends.
#[must_use]
pub fn close_after(a: &Range<usize>, b: &Range<usize>) -> bool {
    b.start >= a.end && b.start - a.end <= MERGE_GAP_TOKENS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn hits(quote: &str, other: &str) -> Vec<(String, String)> {
        let q = tokenize(quote);
        let o = tokenize(other);
        let mut vocabulary = Vocabulary::default();
        let (q_ids, o_ids) = (vocabulary.ids(&q), vocabulary.ids(&o));
        let index = KeyIndex::new(&o_ids);
        let target = Target {
            ids: &o_ids,
            index: &index,
        };
        let words = QuoteWords {
            text: quote,
            tokens: &q,
        };
        Matcher::new(&vocabulary)
            .align_quote(words, &q_ids, target)
            .into_iter()
            .map(|h| {
                let span = |t: &[Token], r: Range<usize>, s: &str| {
                    s[t[r.start].span.start..t[r.end - 1].span.end].to_string()
                };
                (span(&q, h.quote, quote), span(&o, h.other, other))
            })
            .collect()
    }

    #[test]
    fn finds_a_quote_inside_narration_with_a_dropped_word() {
        let found = hits(
            "the levee will hold through the spring floods",
            "Engineers said the levee will hold through spring floods, officials added.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "the levee will hold through spring floods");
    }

    #[test]
    fn a_skipped_content_word_cuts_the_alignment() {
        assert!(
            hits(
                "as part of any security guarantee",
                "as part of any future security deal"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_very_long_quote_is_aligned_in_chunks() {
        let filler: Vec<String> = (0..600).map(|i| format!("word{i}")).collect();
        let quote = format!(
            "{} the levee will hold through the spring floods {}",
            filler[..450].join(" "),
            filler[450..].join(" ")
        );
        let found = hits(
            &quote,
            "Engineers said the levee will hold through the spring floods.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "the levee will hold through the spring floods");
    }

    #[test]
    fn split_quotes_match_across_the_narration_between_them() {
        let found = hits(
            "the river is rising faster than any model predicted",
            "“The river is rising,” he said, “faster than any model predicted.”",
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].1.ends_with("predicted"));
    }
}

//! Local alignment of one quote against another text's whole token stream.
//!
//! Seeds: positions in the other text whose key equals a content word of the quote
//! (found through a [`KeyIndex`]). Around each cluster of seeds a Smith–Waterman
//! alignment on match keys runs in a window; the best path is cut where a content
//! word is skipped or too many function words in a row fail to match, and each piece
//! must hold enough evidence on its own. The search repeats with the aligned part of
//! the quote masked, so one quote can match several places.

use crate::text::{Token, fuzzy_eq, is_stop_word};
use std::collections::HashMap;
use std::ops::Range;

/// Score of two equal content words.
const MATCH_CONTENT: i32 = 3;
/// Score of two equal stop words.
const MATCH_STOP: i32 = 1;
/// Score of two content words that are [`fuzzy_eq`] but not equal.
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
pub struct KeyIndex<'t> {
    positions: HashMap<&'t str, Vec<usize>>,
}

impl<'t> KeyIndex<'t> {
    /// Indexes the non-stop keys of `tokens`.
    #[must_use]
    pub fn new(tokens: &'t [Token]) -> Self {
        let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
        for (j, t) in tokens.iter().enumerate() {
            if !is_stop_word(&t.key) {
                positions.entry(t.key.as_str()).or_default().push(j);
            }
        }
        Self { positions }
    }

    fn get(&self, key: &str) -> &[usize] {
        self.positions.get(key).map_or(&[], Vec::as_slice)
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

/// Where `quote` appears in `other` (indexed by `index`): merged, non-overlapping hits
/// in quote order.
#[must_use]
pub fn align_quote(quote: QuoteWords<'_>, other: &[Token], index: &KeyIndex<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    for start in (0..quote.tokens.len()).step_by(MAX_CHUNK_TOKENS) {
        let chunk = start..(start + MAX_CHUNK_TOKENS).min(quote.tokens.len());
        align_chunk(quote, chunk, other, index, &mut hits);
    }
    merge_hits(hits)
}

/// Aligns the quote tokens `chunk` in every seed window of `other`, pushing valid pieces.
fn align_chunk(
    quote: QuoteWords<'_>,
    chunk: Range<usize>,
    other: &[Token],
    index: &KeyIndex<'_>,
    hits: &mut Vec<Hit>,
) {
    let Some(words) = quote.tokens.get(chunk.clone()) else {
        return;
    };
    let mut grid = Grid::default();
    for window in seed_windows(words, other.len(), index) {
        let Some(window_tokens) = other.get(window.clone()) else {
            continue;
        };
        let mut enabled = vec![true; words.len()];
        let mut scorer = PairScores::new(words, window_tokens);
        for _ in 0..MAX_ALIGNMENTS_PER_WINDOW {
            let Some(path) = best_path(&mut scorer, &enabled, &mut grid) else {
                break;
            };
            for q in path_quote_range(&path) {
                if let Some(e) = enabled.get_mut(q) {
                    *e = false;
                }
            }
            let before = hits.len();
            for piece in pieces(&path, words, window_tokens) {
                let hit = Hit {
                    quote: piece.quote.start + chunk.start..piece.quote.end + chunk.start,
                    other: piece.other.start + window.start..piece.other.end + window.start,
                    ..piece
                };
                if is_evidence(&hit, quote) {
                    hits.push(hit);
                }
            }
            if hits.len() == before {
                break;
            }
        }
    }
}

/// Windows of the other text around seed positions, merged when they overlap.
///
/// A quote with several content words needs two seeds from different quote words on
/// nearby diagonals; a lone common word ("Ukraine") does not open a window.
fn seed_windows(quote: &[Token], other_len: usize, index: &KeyIndex<'_>) -> Vec<Range<usize>> {
    let n = quote.len();
    let content_words = quote.iter().filter(|t| !is_stop_word(&t.key)).count();
    // Words very frequent in the other text seed nothing: the quote's rarer words
    // find the same places, and repetitive texts stay near-linear.
    let rare_enough = |t: &&Token| index.get(&t.key).len() <= MAX_SEED_OCCURRENCES;
    let mut seeds: Vec<(usize, usize)> = quote
        .iter()
        .enumerate()
        .filter(|(_, t)| !is_stop_word(&t.key) && rare_enough(t))
        .flat_map(|(i, t)| index.get(&t.key).iter().map(move |&j| (i, j)))
        .collect();
    // Sorted by diagonal j - i (shifted by n to stay unsigned).
    seeds.sort_by_key(|&(i, j)| (j + n - i, i));
    let diagonal = |(i, j): (usize, usize)| j + n - i;
    let supported = |k: usize| {
        let (i, _) = seeds[k];
        let near = |&m: &usize| {
            seeds[m].0 != i && diagonal(seeds[m]).abs_diff(diagonal(seeds[k])) <= WINDOW_SLACK
        };
        let left = (k.saturating_sub(MAX_SUPPORT_SCAN)..k).rev();
        let right = k + 1..(k + 1 + MAX_SUPPORT_SCAN).min(seeds.len());
        left.chain(right).any(|m| near(&m))
    };
    let mut windows: Vec<Range<usize>> = (0..seeds.len())
        .filter(|&k| content_words < MIN_SUPPORTED_CONTENT_WORDS || supported(k))
        .map(|k| {
            let (i, j) = seeds[k];
            j.saturating_sub(i + WINDOW_SLACK)..(j + (n - i) + WINDOW_SLACK).min(other_len)
        })
        .collect();
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end && w.end - last.start <= MAX_WINDOW_TOKENS => {
                last.end = last.end.max(w.end);
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

fn gap(stop: bool) -> i32 {
    if stop { GAP_STOP } else { GAP_CONTENT }
}

/// Score of aligning two keys, `None` when they differ.
fn match_score(a: &str, b: &str) -> Option<(i32, bool)> {
    if a == b {
        Some((
            if is_stop_word(a) {
                MATCH_STOP
            } else {
                MATCH_CONTENT
            },
            false,
        ))
    } else if fuzzy_eq(a, b) {
        Some((MATCH_FUZZY, true))
    } else {
        None
    }
}

/// Cached [`match_score`] outcome of a key pair not yet scored.
const PAIR_UNKNOWN: u8 = 0;
/// Cached outcome: the keys differ.
const PAIR_NONE: u8 = 1;
/// Cached outcome: the keys are fuzzy-equal.
const PAIR_FUZZY: u8 = 2;

/// Match scores of a quote chunk against a window, on interned key ids: equal keys
/// compare as equal ids, and [`fuzzy_eq`] runs at most once per distinct key pair.
struct PairScores<'a> {
    quote: &'a [Token],
    other: &'a [Token],
    /// Key id of each quote token (quote keys take the lowest ids: the rows of `cache`).
    q_ids: Vec<u32>,
    /// Key id of each other token.
    t_ids: Vec<u32>,
    /// Gap penalty of each quote token.
    q_gap: Vec<i32>,
    /// Gap penalty of each other token.
    t_gap: Vec<i32>,
    /// Distinct keys over both sides (columns of `cache`).
    all_ids: usize,
    /// Fuzzy outcome per (quote key id, key id), filled lazily.
    cache: Vec<u8>,
}

impl<'a> PairScores<'a> {
    fn new(quote: &'a [Token], other: &'a [Token]) -> Self {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let q_ids: Vec<u32> = quote.iter().map(|t| intern(&mut ids, &t.key)).collect();
        let quote_ids = ids.len();
        let t_ids: Vec<u32> = other.iter().map(|t| intern(&mut ids, &t.key)).collect();
        let all_ids = ids.len();
        let q_gap = quote.iter().map(|t| gap(is_stop_word(&t.key))).collect();
        let t_gap = other.iter().map(|t| gap(is_stop_word(&t.key))).collect();
        Self {
            quote,
            other,
            q_ids,
            t_ids,
            q_gap,
            t_gap,
            all_ids,
            cache: vec![PAIR_UNKNOWN; quote_ids * all_ids],
        }
    }

    /// [`match_score`] of quote token `q` and other token `t`.
    fn score(&mut self, q: usize, t: usize) -> Option<(i32, bool)> {
        let (Some(&a), Some(&b)) = (self.q_ids.get(q), self.t_ids.get(t)) else {
            return None;
        };
        if a == b {
            let stop = self.q_gap.get(q) == Some(&GAP_STOP);
            return Some((if stop { MATCH_STOP } else { MATCH_CONTENT }, false));
        }
        let slot = a as usize * self.all_ids + b as usize;
        let outcome = match self.cache.get(slot) {
            Some(&PAIR_UNKNOWN) => {
                let (Some(x), Some(y)) = (self.quote.get(q), self.other.get(t)) else {
                    return None;
                };
                let outcome = if match_score(&x.key, &y.key).is_some() {
                    PAIR_FUZZY
                } else {
                    PAIR_NONE
                };
                if let Some(c) = self.cache.get_mut(slot) {
                    *c = outcome;
                }
                outcome
            }
            Some(&c) => c,
            None => PAIR_NONE,
        };
        (outcome == PAIR_FUZZY).then_some((MATCH_FUZZY, true))
    }
}

/// The id of `key` in `ids`, adding it with the next id when new.
fn intern<'a>(ids: &mut HashMap<&'a str, u32>, key: &'a str) -> u32 {
    let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
    *ids.entry(key).or_insert(next)
}

/// DP buffers reused across alignments.
#[derive(Default)]
struct Grid {
    score: Vec<i32>,
    from: Vec<u8>,
}

const FROM_DIAGONAL: u8 = 1;
const FROM_UP: u8 = 2;
const FROM_LEFT: u8 = 3;

/// The best local alignment path of the enabled quote words in the window of
/// `scores`, if it scores enough.
fn best_path(scores: &mut PairScores<'_>, enabled: &[bool], grid: &mut Grid) -> Option<Vec<Step>> {
    let (m, w) = (scores.q_ids.len(), scores.t_ids.len());
    let cols = w + 1;
    grid.score.clear();
    grid.score.resize((m + 1) * cols, 0);
    grid.from.clear();
    grid.from.resize((m + 1) * cols, 0);
    let (score, from) = (&mut grid.score, &mut grid.from);
    let mut best = (0, 0, 0);
    for i in 1..=m {
        let q_on = enabled.get(i - 1).copied().unwrap_or(false);
        let gq = scores.q_gap[i - 1];
        for j in 1..=w {
            let gt = scores.t_gap[j - 1];
            let matched = if q_on {
                scores.score(i - 1, j - 1)
            } else {
                None
            };
            let diagonal = score[(i - 1) * cols + j - 1]
                + match matched {
                    Some((s, _)) => s,
                    None => -gq.max(gt),
                };
            let up = score[(i - 1) * cols + j] - gq;
            let left = score[i * cols + j - 1] - gt;
            // Ties prefer the diagonal, then up, then left.
            let (s, f) = if diagonal >= up && diagonal >= left {
                (diagonal, FROM_DIAGONAL)
            } else if up >= left {
                (up, FROM_UP)
            } else {
                (left, FROM_LEFT)
            };
            let cell = i * cols + j;
            if s > 0 {
                score[cell] = s;
                from[cell] = f;
                if s > best.0 {
                    best = (s, i, j);
                }
            }
        }
    }
    if best.0 < MIN_ALIGNMENT_SCORE {
        return None;
    }
    let (mut i, mut j) = (best.1, best.2);
    let mut path = Vec::new();
    while i > 0 && j > 0 && score[i * cols + j] > 0 {
        match from[i * cols + j] {
            FROM_DIAGONAL => {
                let (q, t) = (i - 1, j - 1);
                let on = enabled.get(q).copied().unwrap_or(false);
                path.push(match (on, scores.score(q, t)) {
                    (true, Some((_, fuzzy))) => Step::Match { q, t, fuzzy },
                    _ => Step::Mismatch { q, t },
                });
                i -= 1;
                j -= 1;
            }
            FROM_UP => {
                path.push(Step::SkipQuote { q: i - 1 });
                i -= 1;
            }
            _ => {
                path.push(Step::SkipOther { t: j - 1 });
                j -= 1;
            }
        }
    }
    path.reverse();
    Some(path)
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
fn pieces(path: &[Step], quote: &[Token], other: &[Token]) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut current: Option<Hit> = None;
    let mut soft_run = 0;
    let content = |tokens: &[Token], k: usize| tokens.get(k).is_some_and(|t| !is_stop_word(&t.key));
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
fn is_evidence(hit: &Hit, quote: QuoteWords<'_>) -> bool {
    let words = quote.tokens.get(hit.quote.clone()).unwrap_or(&[]);
    let non_stop = words.iter().filter(|t| !is_stop_word(&t.key)).count();
    let whole = hit.quote == (0..quote.tokens.len())
        && hit.aligned() == quote.tokens.len()
        && quote.tokens.len() >= MIN_WHOLE_QUOTE_WORDS
        && non_stop >= MIN_WHOLE_QUOTE_WORDS;
    let evidence = words
        .iter()
        .filter(|t| !is_stop_word(&t.key) && !is_name(quote.text, t))
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
        let index = KeyIndex::new(&o);
        align_quote(
            QuoteWords {
                text: quote,
                tokens: &q,
            },
            &o,
            &index,
        )
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

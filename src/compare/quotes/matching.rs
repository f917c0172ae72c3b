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

mod grid;
mod live;
mod pieces;
mod seeds;
mod whole;

use super::NEAR_MIN_ALIGNED;
use super::layout::Layout;
use crate::text::{FuzzyCache, KeyId, Token, Vocabulary};
use grid::{Present, Scope, WindowKeys, path_quote_range, signed};
use pieces::{Cut, is_evidence, merge_hits, pieces, to_edges};
use seeds::{SeedWindow, seed_windows};
use std::ops::Range;

pub use super::layout::MERGE_GAP_TOKENS;
pub use pieces::{MAX_EDGE_WORDS, MIN_ANCHOR_RUN, chains_within, close_after, is_name, overlap};
pub use seeds::{KeyIndex, MAX_SEED_OCCURRENCES};

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

/// A quote to align: its tokens and the text they index (for telling names apart).
#[derive(Debug, Clone, Copy)]
pub struct QuoteWords<'a> {
    /// The text the tokens come from.
    pub text: &'a str,
    /// The quote's tokens, in order.
    pub tokens: &'a [Token],
    /// Whether its text credits the quote to someone (and does not mark it as a term,
    /// see [`super::Quote::term`]): only then may a short quote match as a whole.
    pub attributed: bool,
}

impl QuoteWords<'_> {
    /// Whether the quote (with key ids `ids`), found whole, is evidence on its own: at
    /// least [`MIN_MATCH_WORDS`] words with two content words, or with one when it is
    /// attributed; a shorter one ("an unrealistic objective") with two content words
    /// when it is attributed. A term in quote marks ("fair use") is nobody's words.
    #[must_use]
    pub fn stands_alone(&self, ids: &[KeyId]) -> bool {
        let content = ids.iter().filter(|id| !id.is_stop()).count();
        let long = ids.len() >= MIN_MATCH_WORDS;
        ids.len() >= MIN_WHOLE_QUOTE_WORDS
            && match content {
                0 => false,
                1 => long && self.attributed,
                _ => long || self.attributed,
            }
    }
}

/// A token stream to align against: its key ids and their content-key index.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// Key id of each token.
    pub ids: &'a [KeyId],
    /// Positions of the content keys of `ids`.
    pub index: &'a KeyIndex,
    /// Where its quotes and sentences are, so that a match does not run from one
    /// quote into another; none: the stream is one quote.
    pub layout: Option<&'a Layout>,
}

/// What decides a quote's alignment against a given target: its key ids and which
/// of its words are names. Quotes with equal keys align alike, so repeated quotes
/// (a live blog, pasted copies) are aligned once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QuoteKey {
    ids: Vec<KeyId>,
    names: Vec<bool>,
    attributed: bool,
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
            attributed: quote.attributed,
        }
    }
}

/// One aligned piece (or chained pieces) of a quote in the other text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hit {
    /// Quote token indices covered (relative to the quote's tokens).
    pub quote: Range<usize>,
    /// Token indices covered in the other text.
    pub other: Range<usize>,
    /// Quote words aligned to an equal key.
    pub exact: usize,
    /// Quote words aligned to a fuzzy-equal key.
    pub fuzzy: usize,
    /// Aligned quote words that are not stop words.
    pub content: usize,
    /// Aligned quote words that are neither stop words nor names.
    pub evidence: usize,
    /// Whether it holds an unbroken aligned run of [`MIN_ANCHOR_RUN`] words, two of
    /// them content words.
    pub anchored: bool,
    /// Words of its longest unbroken aligned run.
    pub longest_run: usize,
}

impl Hit {
    /// Quote words aligned, exactly or fuzzily.
    #[must_use]
    pub fn aligned(&self) -> usize {
        self.exact + self.fuzzy
    }

    /// Extends this hit over `next`, which follows it in both texts.
    pub fn absorb(&mut self, next: &Hit) {
        self.quote.end = next.quote.end;
        self.other.end = next.other.end;
        self.exact += next.exact;
        self.fuzzy += next.fuzzy;
        self.content += next.content;
        self.evidence += next.evidence;
        self.anchored |= next.anchored;
        self.longest_run = self.longest_run.max(next.longest_run);
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
    /// The keys of the window being aligned, with their fuzzy classes.
    keys: WindowKeys,
    /// Which quote words the window's next alignment may align.
    enabled: Vec<bool>,
    /// Alignment scores, reused between alignments.
    grid: Vec<i32>,
}

/// Where one alignment runs: quote tokens `chunk`, in a seed window of the other text.
struct Place<'a> {
    chunk: Range<usize>,
    window: &'a SeedWindow,
    window_ids: &'a [KeyId],
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
            keys: WindowKeys::default(),
            enabled: Vec::new(),
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
        let hits = if quote_ids.len() <= MAX_CHUNK_TOKENS {
            self.align_short(quote, quote_ids, other)
        } else {
            self.align_chunks(quote, quote_ids, other)
        };
        Self::finish(hits, quote, quote_ids, other)
    }

    /// The quote's pieces merged into hits, extended to the quote's edges, and kept
    /// when they are evidence.
    fn finish(
        hits: Vec<Hit>,
        quote: QuoteWords<'_>,
        quote_ids: &[KeyId],
        other: Target<'_>,
    ) -> Vec<Hit> {
        merge_hits(hits, |a, b| chains_within(other.layout, a, b))
            .into_iter()
            .map(|h| to_edges(h, quote, quote_ids, other))
            .filter(|h| is_evidence(h, quote, quote_ids))
            .collect()
    }

    /// The pieces of every chunk of the quote in every seed window of `other`, in
    /// chunk and window order.
    fn align_chunks(
        &mut self,
        quote: QuoteWords<'_>,
        quote_ids: &[KeyId],
        other: Target<'_>,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        for start in (0..quote_ids.len()).step_by(MAX_CHUNK_TOKENS) {
            let chunk = start..(start + MAX_CHUNK_TOKENS).min(quote_ids.len());
            let Some(words) = quote_ids.get(chunk.clone()) else {
                continue;
            };
            for window in seed_windows(words, other) {
                let Some(window_ids) = other.ids.get(window.tokens.clone()) else {
                    continue;
                };
                self.load(window_ids);
                let at = Place {
                    chunk: chunk.clone(),
                    window: &window,
                    window_ids,
                };
                if !self.align_window(quote, quote_ids, &at, other, &mut hits) {
                    return hits;
                }
            }
        }
        hits
    }

    /// Makes `window_ids` the window aligned next: its keys and fuzzy classes, and
    /// which of them it holds.
    fn load(&mut self, window_ids: &[KeyId]) {
        self.keys.fill(window_ids, self.vocabulary);
        self.present.mark(&self.keys.words);
    }

    /// Aligns quote tokens `at.chunk` in the [loaded](Self::load) window `at`, up to
    /// [`MAX_ALIGNMENTS_PER_WINDOW`] times, pushing the pieces; false when the budget
    /// ran out.
    fn align_window(
        &mut self,
        quote: QuoteWords<'_>,
        quote_ids: &[KeyId],
        at: &Place<'_>,
        other: Target<'_>,
        hits: &mut Vec<Hit>,
    ) -> bool {
        let Some(words) = quote_ids.get(at.chunk.clone()) else {
            return true;
        };
        let start = at.window.tokens.start;
        let scope = Scope {
            quote: words,
            window: at.window_ids,
            band: at.window.band.start - signed(start)..at.window.band.end - signed(start),
        };
        let keys = std::mem::take(&mut self.keys);
        let mut enabled = std::mem::take(&mut self.enabled);
        enabled.clear();
        enabled.resize(words.len(), true);
        let mut budget_left = true;
        for _ in 0..MAX_ALIGNMENTS_PER_WINDOW {
            if !self.may_hold_evidence(words, quote_ids.len(), &enabled) {
                break;
            }
            if self.budget == 0 {
                self.cut_short = true;
                budget_left = false;
                break;
            }
            let Some(path) = self.best_path(&scope, &keys, &enabled) else {
                break;
            };
            for q in path_quote_range(&path) {
                if let Some(e) = enabled.get_mut(q) {
                    *e = false;
                }
            }
            let cut = Cut {
                quote,
                chunk: words,
                chunk_start: at.chunk.start,
                window: at.window_ids,
                window_start: start,
                layout: other.layout,
            };
            let found = pieces(&path, &cut);
            if found.is_empty() {
                break;
            }
            hits.extend(found.into_iter().map(|piece| Hit {
                quote: piece.quote.start + at.chunk.start..piece.quote.end + at.chunk.start,
                other: piece.other.start + start..piece.other.end + start,
                ..piece
            }));
        }
        self.keys = keys;
        self.enabled = enabled;
        budget_left
    }

    /// Whether aligning the enabled `words` (of a quote of `quote_len` words) in a window
    /// marked in `self.present` could yield an [`is_evidence`] hit at all: enough distinct
    /// content words of the quote must be in the window (exactly or in their fuzzy
    /// class), or nearly every word of the quote with two content words. A cheap test
    /// that spares most windows of chance seed pairs the alignment.
    fn may_hold_evidence(&self, words: &[KeyId], quote_len: usize, enabled: &[bool]) -> bool {
        let (mut content, mut present) = (0, 0);
        for (&id, &on) in words.iter().zip(enabled) {
            if on && self.present.contains(id, self.vocabulary.fuzzy_class(id)) {
                present += 1;
                if !id.is_stop() {
                    content += 1;
                    if content >= MIN_EVIDENCE_WORDS {
                        return true;
                    }
                }
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let nearly_all = present as f64 >= NEAR_MIN_ALIGNED * quote_len as f64;
        words.len() == quote_len
            && (present == quote_len || (nearly_all && content >= MIN_WHOLE_QUOTE_WORDS))
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
}

/// Penalty for skipping or mismatching the word `id`.
fn gap(id: KeyId) -> i32 {
    if id.is_stop() { GAP_STOP } else { GAP_CONTENT }
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
            layout: None,
        };
        let words = QuoteWords {
            text: quote,
            tokens: &q,
            attributed: false,
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

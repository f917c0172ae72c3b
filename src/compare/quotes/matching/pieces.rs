//! Cutting an alignment path into pieces, chaining the pieces of one quote into hits
//! and keeping the hits that are evidence of a shared quote.

use super::grid::Step;
use super::{
    Hit, MAX_STOP_GAP_RUN, MIN_EVIDENCE_WORDS, MIN_MATCH_WORDS, MIN_WHOLE_QUOTE_WORDS, QuoteWords,
    Target,
};
use crate::compare::quotes::NEAR_MIN_ALIGNED;
use crate::compare::quotes::layout::{Gap, Layout, MERGE_GAP_TOKENS, bridges};
use crate::text::{KeyId, Token};
use std::ops::Range;

/// Least tokens of an unbroken aligned run that anchors a match which is not the
/// whole of a quote; two renderings sharing only shorter runs are not one quote.
pub const MIN_ANCHOR_RUN: usize = 4;
/// Least content words in an anchoring run.
const MIN_ANCHOR_CONTENT: usize = 2;

/// What cutting one path needs: the chunk's key ids and where it starts in the quote,
/// the window's key ids and where it starts in the other text, and the other text's
/// layout (none: one quote throughout).
pub(super) struct Cut<'a> {
    pub quote: QuoteWords<'a>,
    pub chunk: &'a [KeyId],
    pub chunk_start: usize,
    pub window: &'a [KeyId],
    pub window_start: usize,
    pub layout: Option<&'a Layout>,
}

impl Cut<'_> {
    fn content(ids: &[KeyId], k: usize) -> bool {
        ids.get(k).is_some_and(|id| !id.is_stop())
    }

    /// Whether quote word `q` (chunk-relative) counts as evidence: neither a stop word
    /// nor a name.
    fn evidence(&self, q: usize) -> bool {
        Self::content(self.chunk, q)
            && self
                .quote
                .tokens
                .get(self.chunk_start + q)
                .is_some_and(|t| !is_name(self.quote.text, t))
    }

    /// Whether aligned words at other tokens `a` and `b` (window-relative) lie apart
    /// across a [`Gap::Break`].
    fn breaks(&self, a: usize, b: usize) -> bool {
        self.layout
            .is_some_and(|l| l.gap(a + self.window_start, b + self.window_start) == Gap::Break)
    }
}

/// An aligned run being read off a path.
#[derive(Default)]
struct Run {
    len: usize,
    content: usize,
}

impl Hit {
    /// Records an aligned run of the hit.
    fn note_run(&mut self, run: &Run) {
        self.longest_run = self.longest_run.max(run.len);
        self.anchored |= run.len >= MIN_ANCHOR_RUN && run.content >= MIN_ANCHOR_CONTENT;
    }
}

/// Cuts `path` where a content word fails to align (unless one word stands for
/// another between aligned words: a substitution), where too many stop words in a
/// row do, and where the other text passes from one quote to another across
/// narration or a sentence end; returns the pieces as hits (quote indices relative to
/// the chunk, other indices to the window).
pub(super) fn pieces(path: &[Step], cut: &Cut<'_>) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut current: Option<Hit> = None;
    let mut run = Run::default();
    let mut soft_run = 0;
    let mut last_other: Option<usize> = None;
    let close = |current: &mut Option<Hit>, run: &mut Run, out: &mut Vec<Hit>| {
        if let Some(hit) = current.as_mut() {
            hit.note_run(run);
        }
        *run = Run::default();
        out.extend(current.take());
    };
    for (n, step) in path.iter().enumerate() {
        let hard = match *step {
            Step::Match { q, t, fuzzy } => {
                if last_other.is_some_and(|a| cut.breaks(a, t)) {
                    close(&mut current, &mut run, &mut out);
                }
                last_other = Some(t);
                soft_run = 0;
                let hit = current.get_or_insert(Hit {
                    quote: q..q + 1,
                    other: t..t + 1,
                    ..Hit::default()
                });
                hit.quote.end = q + 1;
                hit.other.end = t + 1;
                if fuzzy {
                    hit.fuzzy += 1;
                } else {
                    hit.exact += 1;
                }
                let content = Cut::content(cut.chunk, q);
                hit.content += usize::from(content);
                hit.evidence += usize::from(cut.evidence(q));
                run.len += 1;
                run.content += usize::from(content);
                continue;
            }
            Step::Mismatch { q, t } => {
                let content = Cut::content(cut.chunk, q) || Cut::content(cut.window, t);
                let substitution =
                    current.is_some() && matches!(path.get(n + 1), Some(Step::Match { .. }));
                content && !substitution
            }
            Step::SkipQuote { q } => Cut::content(cut.chunk, q),
            Step::SkipOther { t } => Cut::content(cut.window, t),
        };
        if let Some(hit) = current.as_mut() {
            hit.note_run(&run);
        }
        run = Run::default();
        soft_run += 1;
        if hard || soft_run > MAX_STOP_GAP_RUN {
            close(&mut current, &mut run, &mut out);
        }
    }
    close(&mut current, &mut run, &mut out);
    out.retain(|h| h.content > 0 || h.aligned() >= 2);
    out
}

/// Whether a hit is evidence of a shared quote: the whole of a quote that can stand
/// on its own (see [`QuoteWords::stands_alone`]), nearly all of a quote with enough
/// content words and an unbroken run of [`MIN_ANCHOR_RUN`] words, or enough aligned words, enough of them neither stop words nor
/// names (one fewer for twice as many words), around an unbroken run of
/// [`MIN_ANCHOR_RUN`] words.
pub(super) fn is_evidence(hit: &Hit, quote: QuoteWords<'_>, quote_ids: &[KeyId]) -> bool {
    let len = quote_ids.len();
    let spans_quote = hit.quote == (0..len);
    let whole = spans_quote && hit.aligned() == len && quote.stands_alone(quote_ids);
    // Against the longer side: words the other text adds count as differences too.
    #[allow(clippy::cast_precision_loss)]
    let share = hit.aligned() as f64 / len.max(hit.other.len()).max(1) as f64;
    let nearly_whole = spans_quote
        && hit.aligned() >= MIN_MATCH_WORDS
        && share >= NEAR_MIN_ALIGNED
        && hit.content >= MIN_WHOLE_QUOTE_WORDS
        && hit.longest_run >= MIN_ANCHOR_RUN;
    let long =
        hit.aligned() >= MIN_MATCH_WORDS && hit.evidence >= MIN_EVIDENCE_WORDS && hit.anchored;
    // A long verbatim stretch is evidence even when most of its words are stop words
    // ("but it is not yet where we want it to be").
    let verbatim = hit.aligned() >= 2 * MIN_MATCH_WORDS
        && hit.evidence >= MIN_EVIDENCE_WORDS - 1
        && hit.anchored;
    whole || nearly_whole || long || verbatim
}

/// Most words of a quote left at either end of a hit that [`to_edges`] takes in.
pub const MAX_EDGE_WORDS: usize = 2;

/// Extends `hit` to the ends of its quote when at most [`MAX_EDGE_WORDS`] quote words
/// lie beyond it and as many words of the other text face them in the same quote (or
/// sentence of narration): a
/// word swapped at the edge of a quote ("It has to …" / "It needs to …") is part of
/// the match; facing words that are equal count as aligned.
pub(super) fn to_edges(
    mut hit: Hit,
    quote: QuoteWords<'_>,
    ids: &[KeyId],
    other: Target<'_>,
) -> Hit {
    let one_unit = |a: usize, b: usize| {
        other.layout.is_none_or(|l| match l.gap(a, b) {
            Gap::Inside => true,
            Gap::Narration => l.same_sentence(a, b),
            // Narration next to a quote does not stand for the quote's own words.
            Gap::LeadIn | Gap::Interruption | Gap::Break => false,
        })
    };
    let take = |hit: &mut Hit, q: usize, t: usize| {
        let (Some(&a), Some(&b)) = (ids.get(q), other.ids.get(t)) else {
            return;
        };
        if a == b {
            hit.exact += 1;
            hit.content += usize::from(!a.is_stop());
            let name = quote.tokens.get(q).is_some_and(|t| is_name(quote.text, t));
            hit.evidence += usize::from(!a.is_stop() && !name);
        }
    };
    let lead = hit.quote.start;
    if (1..=MAX_EDGE_WORDS).contains(&lead)
        && hit.other.start >= lead
        && one_unit(hit.other.start - lead, hit.other.start)
    {
        let (q, t) = (hit.quote.start, hit.other.start);
        for k in 1..=lead {
            take(&mut hit, q - k, t - k);
        }
        hit.quote.start = 0;
        hit.other.start -= lead;
    }
    let trail = ids.len().saturating_sub(hit.quote.end);
    if (1..=MAX_EDGE_WORDS).contains(&trail)
        && hit.other.end + trail <= other.ids.len()
        && hit.other.end > 0
        && one_unit(hit.other.end - 1, hit.other.end + trail - 1)
    {
        let (q, t) = (hit.quote.end, hit.other.end);
        for k in 0..trail {
            take(&mut hit, q + k, t + k);
        }
        hit.quote.end = ids.len();
        hit.other.end += trail;
    }
    hit
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

/// Drops hits overlapping a longer one, then chains hits that follow each other in
/// both texts when `chains(previous, next)` allows (see [`chains_within`]).
pub(super) fn merge_hits(mut hits: Vec<Hit>, chains: impl Fn(&Hit, &Hit) -> bool) -> Vec<Hit> {
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
            Some(last) if chains(last, &h) => last.absorb(&h),
            _ => out.push(h),
        }
    }
    out
}

/// Whether `next` may continue `previous` in one match: it starts at most
/// [`MERGE_GAP_TOKENS`] after it in the quote, and after it in the other text across
/// a gap that `layout` lets a match bridge (none: within [`MERGE_GAP_TOKENS`]).
#[must_use]
pub fn chains_within(layout: Option<&Layout>, previous: &Hit, next: &Hit) -> bool {
    if !close_after(&previous.quote, &next.quote) || next.other.start < previous.other.end {
        return false;
    }
    let skipped = next.other.start - previous.other.end;
    match layout {
        Some(l) => {
            let last = previous.other.end.saturating_sub(1);
            bridges(l.gap(last, next.other.start), skipped)
        }
        None => skipped <= MERGE_GAP_TOKENS,
    }
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

//! Cutting an alignment path into pieces, keeping those that are evidence, and merging
//! the hits of one quote.

use super::grid::Step;
use super::{
    Hit, MAX_STOP_GAP_RUN, MIN_EVIDENCE_WORDS, MIN_MATCH_WORDS, MIN_WHOLE_QUOTE_WORDS, QuoteWords,
};
use crate::text::{KeyId, Token};
use std::ops::Range;

/// Cuts `path` where a content word fails to align or too many stop words in a row do;
/// returns the pieces as hits (other indices relative to the window).
pub(super) fn pieces(path: &[Step], quote: &[KeyId], other: &[KeyId]) -> Vec<Hit> {
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
pub(super) fn is_evidence(hit: &Hit, quote: QuoteWords<'_>, quote_ids: &[KeyId]) -> bool {
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
pub(super) fn merge_hits(mut hits: Vec<Hit>) -> Vec<Hit> {
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

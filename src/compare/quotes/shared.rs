//! Shared quotes between two documents: each side's quotes aligned against the other's
//! whole text, then deduplicated and merged. A match is a unit: it lies in one quote
//! on at least one side and never runs over narration that parts two quotes on the
//! other (see [`Gap`]); its kind, score and speakers come from its own words.

use super::credits::same_speaker;
use super::layout::{Gap, Layout, bridges};
use super::matching::{
    Hit, KeyIndex, MERGE_GAP_TOKENS, MIN_MATCH_WORDS, Matcher, QuoteKey, QuoteWords, Target,
    overlap,
};
use super::{MatchKind, Quote, SharedQuote, match_score};
use crate::compare::Document;
use crate::compare::keys::PairKeys;
use crate::pair::{Pair, Side};
use crate::text::Token;
use foldhash::HashMap;
use std::collections::BTreeMap;
use std::ops::Range;

/// A match in token indices of both documents, before spans are built.
#[derive(Debug, Clone)]
struct Found {
    tokens: Pair<Range<usize>>,
    exact: usize,
    fuzzy: usize,
}

impl Found {
    fn aligned(&self) -> usize {
        self.exact + self.fuzzy
    }
}

/// Token indices of the words inside byte span `span`.
#[must_use]
pub fn token_range(tokens: &[Token], span: &Range<usize>) -> Range<usize> {
    let start = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end);
    start..end.max(start)
}

/// Most alignment cells (quote word × other word) spent matching the quotes of one
/// pair: about a second of work, far beyond what long articles need (a pair of
/// 50,000-word texts full of repeated quotes needs ~15 million).
pub const MAX_ALIGNMENT_CELLS: usize = 200_000_000;

/// Shared quotes found within a work limit.
#[derive(Debug, Clone)]
pub struct LimitedQuotes {
    /// The matches found.
    pub quotes: Vec<SharedQuote>,
    /// Whether the limit stopped matching before every quote was aligned.
    pub cut_short: bool,
}

/// [`shared_quotes_within`] the default limit of [`MAX_ALIGNMENT_CELLS`].
#[must_use]
pub fn shared_quotes(docs: Pair<&Document<'_>>) -> Vec<SharedQuote> {
    shared_quotes_within(docs, MAX_ALIGNMENT_CELLS).quotes
}

/// Matches the outer quotes of each document against the other's whole text,
/// computing at most about `max_cells` alignment cells.
///
/// The same pair of places found from both sides appears once (the longer, then the
/// closer match wins); matches adjacent on both sides merge. Ordered by left position.
#[must_use]
pub fn shared_quotes_within(docs: Pair<&Document<'_>>, max_cells: usize) -> LimitedQuotes {
    shared_quotes_keyed(docs, &PairKeys::new(docs), max_cells)
}

/// [`shared_quotes_within`] over the pair's interned `keys`.
pub(crate) fn shared_quotes_keyed(
    docs: Pair<&Document<'_>>,
    keys: &PairKeys<'_>,
    max_cells: usize,
) -> LimitedQuotes {
    let ids = keys.ids();
    let index = ids.map(KeyIndex::new);
    let layouts = docs.map(|d| Layout::new(&d.tokens, &d.quotes, &d.sentences));
    let parallel = docs.worth_two_threads(|d| d.text.len());
    let found = Pair::new(Side::Left, Side::Right).par_map(parallel, |side| {
        let own = docs[side];
        let target = Target {
            ids: ids[side.other()],
            index: &index[side.other()],
            layout: Some(&layouts[side.other()]),
        };
        let mut matcher = Matcher::with_budget(keys.vocabulary(), max_cells / 2);
        // Hits of each distinct quote against the other text: a quote repeated (a
        // live blog's updates, a digest) is aligned once.
        let mut aligned: HashMap<QuoteKey, Vec<Hit>> = HashMap::default();
        let mut found = Vec::new();
        for quote in own.quotes.iter().filter(|q| q.depth == 0) {
            let range = token_range(&own.tokens, &quote.span);
            let (Some(tokens), Some(quote_ids)) =
                (own.tokens.get(range.clone()), ids[side].get(range.clone()))
            else {
                continue;
            };
            let words = QuoteWords {
                text: own.text,
                tokens,
                attributed: quote.attributed(),
            };
            let hits = aligned
                .entry(QuoteKey::new(words, quote_ids))
                .or_insert_with(|| matcher.align_quote(words, quote_ids, target));
            for hit in hits.iter() {
                let mut pair = Pair::new(0..0, 0..0);
                pair[side] = range.start + hit.quote.start..range.start + hit.quote.end;
                pair[side.other()] = hit.other.clone();
                found.push(Found {
                    tokens: pair,
                    exact: hit.exact,
                    fuzzy: hit.fuzzy,
                });
            }
        }
        (found, matcher.cut_short())
    });
    let cut_short = found.left.1 || found.right.1;
    let found: Vec<Found> = found.left.0.into_iter().chain(found.right.0).collect();
    let layouts = layouts.as_ref();
    let outer = docs.map(|d| OuterQuotes::new(&d.quotes));
    let quotes = merge_adjacent(deduplicate(found), layouts)
        .into_iter()
        .filter_map(|f| to_shared(docs, layouts, &outer, &f))
        .collect();
    LimitedQuotes { quotes, cut_short }
}

/// Keeps the longest of matches overlapping on both sides (ties: the first found).
/// The matches kept are indexed by where they start on the left, so each is checked
/// only against those that may overlap it there.
fn deduplicate(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| std::cmp::Reverse(f.aligned()));
    let mut kept: Vec<Found> = Vec::new();
    let mut by_start: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut longest = 0;
    for f in found {
        let left = &f.tokens.left;
        // A kept match overlapping `left` starts before its end and less than
        // `longest` before its start.
        let from = (left.start + 1).saturating_sub(longest);
        let duplicate = from < left.end
            && by_start.range(from..left.end).any(|(_, ks)| {
                ks.iter().any(|&k| {
                    let k = &kept[k];
                    overlap(&k.tokens.left, left) && overlap(&k.tokens.right, &f.tokens.right)
                })
            });
        if !duplicate {
            longest = longest.max(left.len());
            by_start.entry(left.start).or_default().push(kept.len());
            kept.push(f);
        }
    }
    kept
}

/// Merges matches that follow each other closely on both sides when they are one
/// quote on one side and the other side's gap does not part two quotes (the halves of
/// a split quote, a quote against a transcript).
fn merge_adjacent(mut found: Vec<Found>, layouts: Pair<&Layout>) -> Vec<Found> {
    found.sort_by_key(|f| (f.tokens.left.start, f.tokens.right.start));
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        match out.last_mut() {
            Some(last) if one_unit(last, &f, layouts) => {
                last.tokens.left.end = f.tokens.left.end;
                last.tokens.right.end = f.tokens.right.end;
                last.exact += f.exact;
                last.fuzzy += f.fuzzy;
            }
            _ => out.push(f),
        }
    }
    out
}

/// Whether `next` continues `previous` as one quote: after it on both sides, inside
/// one quote within [`MERGE_GAP_TOKENS`] on one side, across a gap the other side's
/// layout lets a match bridge.
fn one_unit(previous: &Found, next: &Found, layouts: Pair<&Layout>) -> bool {
    let gap = |side: Side| {
        let (a, b) = (&previous.tokens[side], &next.tokens[side]);
        (b.start >= a.end && a.end > 0)
            .then(|| (layouts[side].gap(a.end - 1, b.start), b.start - a.end))
    };
    let (Some(left), Some(right)) = (gap(Side::Left), gap(Side::Right)) else {
        return false;
    };
    let inside = |(g, skipped): (Gap, usize)| g == Gap::Inside && skipped <= MERGE_GAP_TOKENS;
    (inside(left) && bridges(right.0, right.1)) || (inside(right) && bridges(left.0, left.1))
}

/// Byte spans, quotedness, speakers, kind and score of a match; `None` for a short
/// match (a whole quote of under [`MIN_MATCH_WORDS`] words) credited to different
/// speakers on the two sides.
fn to_shared(
    docs: Pair<&Document<'_>>,
    layouts: Pair<&Layout>,
    outer: &Pair<OuterQuotes<'_>>,
    f: &Found,
) -> Option<SharedQuote> {
    let mut spans = Pair::new(0..0, 0..0);
    let mut quoted = Pair::new(false, false);
    let mut speakers = Pair::new(None, None);
    let mut words = Pair::new(0, 0);
    for side in Side::BOTH {
        let tokens = &docs[side].tokens;
        let range = &f.tokens[side];
        let first = tokens.get(range.start)?;
        let last = tokens.get(range.end.checked_sub(1)?)?;
        let span = first.span.start..last.span.end;
        let quote = outer[side].enclosing(&span);
        quoted[side] = quote.is_some();
        speakers[side] = quote.and_then(|q| q.speaker.clone());
        spans[side] = span;
        words[side] = own_words(layouts[side], range);
    }
    let short = f.aligned() < MIN_MATCH_WORDS;
    if let (true, Some(l), Some(r)) = (short, &speakers.left, &speakers.right)
        && !same_speaker(Some(l), Some(r))
    {
        return None;
    }
    let words_of_match = words.left.max(words.right);
    Some(SharedQuote {
        kind: MatchKind::classify(f.exact, f.fuzzy, words_of_match),
        score: match_score(f.exact, f.fuzzy, words_of_match),
        speaker: speakers.left.clone().or_else(|| speakers.right.clone()),
        spans,
        quoted,
        speakers,
        words: f.aligned(),
    })
}

/// The words a match holds on one side: its quoted words when it runs from quote to
/// quote (leaving out the narration of a split quote), else all of them.
fn own_words(layout: &Layout, range: &Range<usize>) -> usize {
    let ends_quoted = layout.is_quoted(range.start) && layout.is_quoted(range.end - 1);
    if ends_quoted {
        range.clone().filter(|&k| layout.is_quoted(k)).count()
    } else {
        range.len()
    }
}

/// The outer quotes of one text, for finding the quote a match lies in.
struct OuterQuotes<'q> {
    quotes: Vec<&'q Quote>,
    /// Whether they follow each other without overlapping (as extraction finds them),
    /// so those overlapping a span are a run found by binary search.
    ordered: bool,
}

impl<'q> OuterQuotes<'q> {
    fn new(quotes: &'q [Quote]) -> Self {
        let quotes: Vec<&Quote> = quotes.iter().filter(|q| q.depth == 0).collect();
        let ordered = quotes.iter().all(|q| q.span.start <= q.span.end)
            && quotes.windows(2).all(|w| w[0].span.end <= w[1].span.start);
        Self { quotes, ordered }
    }

    /// The outer quote overlapping `span` most, if any (ties: the last).
    fn enclosing(&self, span: &Range<usize>) -> Option<&'q Quote> {
        let candidates = if self.ordered {
            let from = self.quotes.partition_point(|q| q.span.end <= span.start);
            let to = self.quotes.partition_point(|q| q.span.start < span.end);
            self.quotes.get(from..to.max(from)).unwrap_or_default()
        } else {
            &self.quotes
        };
        candidates
            .iter()
            .copied()
            .filter(|q| overlap(&q.span, span))
            .max_by_key(|q| q.span.end.min(span.end) - q.span.start.max(span.start))
    }
}

//! Quotations: extraction with speakers, matching quotes across two texts, and
//! grouping quotes across a corpus.

mod carriage;
mod credits;
mod extract;
pub mod groups;
pub mod layout;
pub mod matching;
mod postings;
mod scan;
mod shared;
mod speaker;
mod terms;

use crate::pair::Pair;
use crate::text::{Sentence, Token, sentences, tokenize};
use serde::Serialize;
use std::ops::Range;

pub use carriage::{Difference, Occurrence, Status};
pub use credits::Credit;
pub use groups::{QuoteGroup, groups};
pub(crate) use shared::shared_quotes_keyed;
pub use shared::{LimitedQuotes, MAX_ALIGNMENT_CELLS, shared_quotes, shared_quotes_within};

/// A quotation found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Byte span of the quoted words, without the quotation marks.
    pub span: Range<usize>,
    /// Who said it, when the sentence says so.
    pub speaker: Option<String>,
    /// False when the closing mark was missing and the quote was closed at paragraph end.
    pub closed: bool,
    /// Nesting level: 0 for an outer quote, 1 for a quote inside it, and so on.
    pub depth: usize,
    /// Whether it is a term in quote marks ("the so-called “forever chemicals”"), which
    /// is nobody's words: a term never matches as a whole quote.
    pub term: bool,
}

impl Quote {
    /// Whether the text credits the quote to someone and does not mark it as a term.
    #[must_use]
    pub fn attributed(&self) -> bool {
        self.speaker.is_some() && !self.term
    }
}

/// How closely a shared quote's words match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// All words equal (under the match keys).
    Exact,
    /// At least 80 % aligned, small variants.
    Near,
    /// Part of the quote (≥ 4 aligned words, or the whole of a short quote).
    Partial,
}

/// Least share of a quote's words aligned (exactly or fuzzily) for a [`MatchKind::Near`] match.
pub const NEAR_MIN_ALIGNED: f64 = 0.8;
/// Credit for a fuzzy-equal word (`illusory`/`illusionary`) in a match's score; 1 for an equal one.
pub const FUZZY_CREDIT: f64 = 0.9;

impl MatchKind {
    /// The kind of a match aligning `exact` equal and `fuzzy` fuzzy-equal words of a quote of `words`.
    #[must_use]
    pub fn classify(exact: usize, fuzzy: usize, words: usize) -> Self {
        if exact >= words {
            MatchKind::Exact
        } else if ratio(exact + fuzzy, words) >= NEAR_MIN_ALIGNED {
            MatchKind::Near
        } else {
            MatchKind::Partial
        }
    }
}

/// Score of a match: share of the quote's words aligned, fuzzy ones at [`FUZZY_CREDIT`].
#[must_use]
pub fn match_score(exact: usize, fuzzy: usize, words: usize) -> f64 {
    let credit = exact as f64 + FUZZY_CREDIT * fuzzy as f64;
    let score = credit / words.max(1) as f64;
    score.min(1.0)
}

fn ratio(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

/// A quote in one article whose words appear in the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedQuote {
    /// Exact, near or partial.
    pub kind: MatchKind,
    /// Share of the quote's words aligned, 0–1.
    pub score: f64,
    /// The speaker, from whichever article names one (left first).
    pub speaker: Option<String>,
    /// Byte spans of the matched words in each text.
    pub spans: Pair<Range<usize>>,
    /// Whether each side carries the words inside quotation marks (false: narration).
    pub quoted: Pair<bool>,
    /// The speaker each side names, if any.
    pub speakers: Pair<Option<String>>,
    /// Number of quote words aligned.
    pub words: usize,
}

/// The order in which shared quotes are numbered, by the reader in both panes and in
/// the `compare` JSON: reading order of the left text, then of the right. Index `i`
/// of the result is the quote numbered `i + 1`.
#[must_use]
pub fn reading_order(quotes: &[SharedQuote]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| {
        quotes
            .get(i)
            .map(|q| (q.spans.left.start, q.spans.right.start))
    });
    order
}

/// Finds quotations in `text`, in order of their opening marks, with speakers.
#[must_use]
pub fn extract(text: &str) -> Vec<Quote> {
    extract_analysed(text, &tokenize(text), &sentences(text))
}

/// [`extract`] for a text already cut into `tokens` (keyed with the default
/// [`crate::text::MatchOptions`], which speaker detection reads) and `sentences`.
#[must_use]
pub fn extract_analysed(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Quote> {
    let raw = extract::quote_spans(text);
    let spans: Vec<Range<usize>> = raw.iter().map(|q| q.span.clone()).collect();
    let speakers = speaker::speakers(text, tokens, sentences, &spans);
    raw.into_iter()
        .zip(speakers)
        .map(|(q, speaker)| Quote {
            term: terms::is_term(text, tokens, &q.span),
            span: q.span,
            speaker,
            closed: q.closed,
            depth: q.depth,
        })
        .collect()
}

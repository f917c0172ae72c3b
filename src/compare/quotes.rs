//! Quotations: extraction with speakers, and matching quotes across two texts.

use super::Document;
use crate::pair::Pair;
use serde::Serialize;
use std::ops::Range;

/// A quotation found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Byte span of the quoted words, without the quotation marks.
    pub span: Range<usize>,
    /// Who said it, when the sentence says so.
    pub speaker: Option<String>,
    /// False when the closing mark was missing and the quote was closed at paragraph end.
    pub closed: bool,
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

/// A quote in one article whose words appear in the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedQuote {
    /// Exact, near or partial.
    pub kind: MatchKind,
    /// Share of the quote's words aligned, 0–1.
    pub score: f64,
    /// The speaker, from whichever article names one.
    pub speaker: Option<String>,
    /// Byte spans of the matched words in each text.
    pub spans: Pair<Range<usize>>,
}

/// Finds quotations in `text`. (Placeholder: none yet.)
#[must_use]
pub fn extract(_text: &str) -> Vec<Quote> {
    Vec::new()
}

/// Matches the quotes of each document against the other's whole text. (Placeholder.)
#[must_use]
pub fn shared_quotes(_docs: Pair<&Document<'_>>) -> Vec<SharedQuote> {
    Vec::new()
}

//! Wire copy: how much of each article of a pair is text the other also has,
//! outside quotation marks.
//!
//! Two outlets quoting the same speaker share the quote, not the copy; two
//! outlets running the same agency story share long stretches of narration.
//! So the shared passages of the pair ([`super::super::passages`]) are cut
//! wherever a word is inside a quotation on either side, and the unquoted runs
//! of at least [`REUSE_MIN_WORDS`] words are the evidence. Each article's share
//! is its words in those runs over its unquoted words; the verdict reads the
//! larger share (a short article wholly copied from a long one is derived
//! even though the long one is mostly its own).

use crate::compare::Document;
use crate::compare::diff::byte_span;
use crate::compare::keys::PairKeys;
use crate::compare::passages::{Pairing, shared_passages};
use crate::pair::{Pair, Side};
use serde::Serialize;
use std::ops::Range;

/// Shortest unquoted shared run counted as reuse, in words (shorter shared
/// runs are stock phrases and names that independent reports share).
pub const REUSE_MIN_WORDS: usize = 8;

/// Share of an article's unquoted words found in the other at or above which
/// the pair is [`Verdict::Derived`].
pub const DERIVED_SHARE: f64 = 0.5;

/// Share at or above which the pair is [`Verdict::PartlyDerived`].
pub const PARTLY_DERIVED_SHARE: f64 = 0.2;

/// Whether one article of a pair reuses the other's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Neither article has [`PARTLY_DERIVED_SHARE`] of its unquoted text in the other.
    Independent,
    /// One article has at least [`PARTLY_DERIVED_SHARE`] of its unquoted text in the other.
    PartlyDerived,
    /// One article has at least [`DERIVED_SHARE`] of its unquoted text in the other.
    Derived,
}

impl Verdict {
    /// The verdict for the larger of the two shares.
    #[must_use]
    pub fn from_share(share: f64) -> Self {
        if share >= DERIVED_SHARE {
            Self::Derived
        } else if share >= PARTLY_DERIVED_SHARE {
            Self::PartlyDerived
        } else {
            Self::Independent
        }
    }

    /// Lowercase label, as in JSON.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Independent => "independent",
            Self::PartlyDerived => "partly_derived",
            Self::Derived => "derived",
        }
    }
}

/// A run of unquoted words both articles contain (the evidence of reuse).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReusedPassage {
    /// Byte spans in each article's clean text.
    pub spans: Pair<Range<usize>>,
    /// Number of words in the run.
    pub words: usize,
}

/// Reuse between the two articles of a pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reuse {
    /// Share of each article's unquoted words lying in reused passages, 0–1.
    pub shares: Pair<f64>,
    /// Verdict on the larger share.
    pub verdict: Verdict,
    /// The reused passages, in left-text order.
    pub passages: Vec<ReusedPassage>,
}

/// Measures how much of each document's unquoted text the other also has, in
/// runs of at least `min_words` words (at least 1).
#[must_use]
pub fn reuse(docs: Pair<&Document<'_>>, min_words: usize) -> Reuse {
    let quotes = docs.map(|d| d.quotes.iter().map(|q| q.span.clone()).collect());
    reuse_outside(docs, quotes.as_ref(), min_words)
}

/// [`reuse`] with the quoted byte spans of each document given.
fn reuse_outside(
    docs: Pair<&Document<'_>>,
    quotes: Pair<&Vec<Range<usize>>>,
    min_words: usize,
) -> Reuse {
    let min_words = min_words.max(1);
    let keys = PairKeys::new(docs);
    // Whether a passage moved does not matter here: no diff pairing.
    let pairing = Pairing::new(docs.map(|d| d.tokens.len()), &[], None);
    let quoted = Pair::new(
        quoted_tokens(docs.left, quotes.left),
        quoted_tokens(docs.right, quotes.right),
    );
    let mut passages = Vec::new();
    for passage in shared_passages(docs, &keys, &pairing, min_words) {
        let start = Pair::new(Side::Left, Side::Right)
            .map(|side| first_token_at(docs[side], passage.spans[side].start));
        let is_free = |k: usize| {
            !quoted.left.get(start.left + k).copied().unwrap_or(true)
                && !quoted.right.get(start.right + k).copied().unwrap_or(true)
        };
        let mut k = 0;
        while k < passage.words {
            let run_start = k;
            while k < passage.words && is_free(k) {
                k += 1;
            }
            if k - run_start >= min_words {
                let words = Pair::new(
                    start.left + run_start..start.left + k,
                    start.right + run_start..start.right + k,
                );
                passages.push(ReusedPassage {
                    spans: Pair::new(
                        byte_span(docs.left, &words.left),
                        byte_span(docs.right, &words.right),
                    ),
                    words: k - run_start,
                });
            }
            k += 1;
        }
    }
    let reused: usize = passages.iter().map(|p| p.words).sum();
    let shares = quoted.as_ref().map(|q| share(reused, q));
    Reuse {
        shares,
        verdict: Verdict::from_share(shares.left.max(shares.right)),
        passages,
    }
}

/// `reused` over the unquoted words of a document (0 when it has none).
fn share(reused: usize, quoted: &[bool]) -> f64 {
    let free = quoted.iter().filter(|q| !**q).count();
    if free == 0 {
        return 0.0;
    }
    reused.min(free) as f64 / free as f64
}

/// Index of the first token starting at or after byte `offset`.
fn first_token_at(doc: &Document<'_>, offset: usize) -> usize {
    doc.tokens.partition_point(|t| t.span.start < offset)
}

/// For each token, whether it lies inside one of the `quotes` spans.
fn quoted_tokens(doc: &Document<'_>, quotes: &[Range<usize>]) -> Vec<bool> {
    let mut quoted = vec![false; doc.tokens.len()];
    for quote in quotes {
        let from = first_token_at(doc, quote.start);
        let to = doc.tokens.partition_point(|t| t.span.end <= quote.end);
        if let Some(slice) = quoted.get_mut(from..to.max(from)) {
            slice.fill(true);
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MatchOptions;

    fn doc(text: &str) -> Document<'_> {
        Document::new(text, &MatchOptions::default())
    }

    /// The spans between straight double quotes (independent of the quote extractor).
    fn quoted_spans(text: &str) -> Vec<Range<usize>> {
        let marks: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
        marks.chunks_exact(2).map(|m| m[0] + 1..m[1]).collect()
    }

    const SHARED: &str = "The regional council approved a new flood barrier for the harbour district on Tuesday after months of debate.";

    #[test]
    fn a_copied_article_is_derived_with_its_passage_as_evidence() {
        let left = format!("{SHARED} Work starts in spring.");
        let right = format!("Officials cheered. {SHARED}");
        let r = reuse(Pair::new(&doc(&left), &doc(&right)), REUSE_MIN_WORDS);
        assert_eq!(r.verdict, Verdict::Derived);
        assert_eq!(r.passages.len(), 1);
        assert_eq!(r.passages[0].words, 18);
        assert_eq!(
            &right[r.passages[0].spans.right.clone()],
            SHARED.trim_end_matches('.')
        );
        assert!(
            r.shares.left > 0.7 && r.shares.right > 0.8,
            "{:?}",
            r.shares
        );
    }

    #[test]
    fn shared_quotations_are_not_reuse() {
        let quote = "\"we will not accept a barrier that floods the old town every winter\"";
        let left = format!("The mayor said {quote} on Monday. Residents marched.");
        let right = format!("Opponents rallied. {quote}, the mayor told reporters.");
        let docs = Pair::new(doc(&left), doc(&right));
        let quotes = Pair::new(quoted_spans(&left), quoted_spans(&right));
        let r = reuse_outside(docs.as_ref(), quotes.as_ref(), REUSE_MIN_WORDS);
        assert!(r.passages.is_empty(), "{:?}", r.passages);
        assert_eq!(r.verdict, Verdict::Independent);
        // Without the quotation marks the same words are copy.
        let (left, right) = (left.replace('"', ""), right.replace('"', ""));
        let unquoted = reuse(Pair::new(&doc(&left), &doc(&right)), REUSE_MIN_WORDS);
        assert_eq!(unquoted.verdict, Verdict::Derived);
    }

    #[test]
    fn short_shared_phrases_are_not_reuse() {
        let r = reuse(
            Pair::new(
                &doc("Talks between Russia and Ukraine resumed in Geneva."),
                &doc("Fighting between Russia and Ukraine intensified overnight."),
            ),
            REUSE_MIN_WORDS,
        );
        assert!(r.passages.is_empty());
        assert!(r.shares.left.abs() < f64::EPSILON);
    }

    #[test]
    fn verdict_thresholds_are_inclusive() {
        assert_eq!(Verdict::from_share(DERIVED_SHARE), Verdict::Derived);
        assert_eq!(
            Verdict::from_share(PARTLY_DERIVED_SHARE),
            Verdict::PartlyDerived
        );
        assert_eq!(Verdict::from_share(0.0), Verdict::Independent);
        assert!(reuse(Pair::new(&doc(""), &doc("")), 8).shares.left.abs() < f64::EPSILON);
    }
}

//! One article's carriage of a group's quote: the aligned pieces reduced to a status,
//! a score against the representative and the differing words.

use super::matching::{QuoteWords, overlap};
use super::{MatchKind, NEAR_MIN_ALIGNED, match_score};
use crate::compare::Document;
use crate::text::Token;
use serde::Serialize;
use std::ops::Range;

/// How an article carries a group's quote, relative to the representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Quoted, every word equal.
    Exact,
    /// Quoted, at least [`NEAR_MIN_ALIGNED`] of the words aligned, with differences.
    Variant,
    /// Quoted, only part of the words.
    Partial,
    /// The words in narration, without quotation marks.
    Paraphrase,
    /// Not carried.
    Absent,
}

/// Words that differ between the representative and an article's version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The representative's words (empty: the article adds words).
    pub left: String,
    /// The article's words (empty: the article drops words).
    pub right: String,
}

/// How one article carries a group's quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Occurrence {
    /// Index of the article in the corpus slice.
    pub article: usize,
    /// Exact, variant, partial or paraphrase.
    pub status: Status,
    /// How closely the carried words match the representative.
    pub kind: MatchKind,
    /// Share of the representative's words aligned, 0–1 (fuzzy ones at reduced credit).
    pub score: f64,
    /// Byte span in that article's text, from the first to the last carried word.
    pub span: Range<usize>,
    /// Whether the article quotes the words (false: narration).
    pub quoted: bool,
    /// Whom this article credits, when it names someone.
    pub speaker: Option<String>,
    /// Differing words inside the carried part.
    pub differences: Vec<Difference>,
}

/// Representative words found in an article.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// Token indices in the representative.
    pub rep: Range<usize>,
    /// Token indices in the article.
    pub other: Range<usize>,
    /// Representative words aligned to an equal key.
    pub exact: usize,
    /// Representative words aligned to a fuzzy-equal key.
    pub fuzzy: usize,
    /// Whether the article quotes these words.
    pub quoted: bool,
}

impl Piece {
    fn aligned(&self) -> usize {
        self.exact + self.fuzzy
    }
}

/// How `doc` carries the representative `rep`, from the pieces found in it: quoted
/// pieces decide when there are any, narration alone makes a paraphrase. `None` when no
/// piece is left. The article index and speaker are left for the caller to fill.
pub(super) fn carriage(
    rep: QuoteWords<'_>,
    doc: &Document<'_>,
    mut pieces: Vec<Piece>,
) -> Option<Occurrence> {
    pieces.sort_by_key(|p| {
        (
            std::cmp::Reverse(p.quoted),
            std::cmp::Reverse(p.aligned()),
            p.other.start,
        )
    });
    let quoted = pieces.first()?.quoted;
    let mut used: Vec<Piece> = Vec::new();
    for p in pieces.into_iter().filter(|p| p.quoted == quoted) {
        let clash = used
            .iter()
            .any(|u| overlap(&u.rep, &p.rep) || overlap(&u.other, &p.other));
        if !clash {
            used.push(p);
        }
    }
    used.sort_by_key(|p| p.rep.start);
    let words = rep.tokens.len();
    let exact: usize = used.iter().map(|p| p.exact).sum();
    let fuzzy: usize = used.iter().map(|p| p.fuzzy).sum();
    let kind = MatchKind::classify(exact, fuzzy, words);
    let differences: Vec<Difference> = used.iter().flat_map(|p| differences(rep, doc, p)).collect();
    let status = if !quoted {
        Status::Paraphrase
    } else if kind == MatchKind::Exact && differences.is_empty() {
        Status::Exact
    } else if share(exact + fuzzy, words) >= NEAR_MIN_ALIGNED {
        Status::Variant
    } else {
        Status::Partial
    };
    let start = used.iter().map(|p| p.other.start).min()?;
    let end = used.iter().map(|p| p.other.end).max()?;
    let span = doc.tokens.get(start)?.span.start..doc.tokens.get(end.checked_sub(1)?)?.span.end;
    Some(Occurrence {
        article: 0,
        status,
        kind,
        score: match_score(exact, fuzzy, words),
        span,
        quoted,
        speaker: None,
        differences,
    })
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

/// The differing words of one piece: a word diff of the representative's words against
/// the article's, leaving out the article's narration inside a quoted piece ("he said").
fn differences(rep: QuoteWords<'_>, doc: &Document<'_>, piece: &Piece) -> Vec<Difference> {
    let left: Vec<&Token> = rep
        .tokens
        .get(piece.rep.clone())
        .unwrap_or(&[])
        .iter()
        .collect();
    let right: Vec<&Token> = doc
        .tokens
        .get(piece.other.clone())
        .unwrap_or(&[])
        .iter()
        .filter(|t| {
            !piece.quoted
                || doc
                    .quotes
                    .iter()
                    .any(|q| q.span.start <= t.span.start && t.span.end <= q.span.end)
        })
        .collect();
    let keys =
        |tokens: &[&Token]| -> Vec<String> { tokens.iter().map(|t| t.key.to_string()).collect() };
    let (left_keys, right_keys) = (keys(&left), keys(&right));
    let words = |text: &str, tokens: &[&Token]| -> String {
        tokens
            .iter()
            .filter_map(|t| text.get(t.span.clone()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    similar::capture_diff_slices(similar::Algorithm::Myers, &left_keys, &right_keys)
        .into_iter()
        .filter_map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            (tag != similar::DiffTag::Equal).then(|| Difference {
                left: words(rep.text, left.get(old).unwrap_or(&[])),
                right: words(doc.text, right.get(new).unwrap_or(&[])),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MatchOptions;

    fn quote_words<'a>(text: &'a str, doc: &'a Document<'a>) -> QuoteWords<'a> {
        QuoteWords {
            text,
            tokens: &doc.tokens,
            attributed: false,
        }
    }

    #[test]
    fn a_fuzzy_word_is_a_variant_with_its_difference() {
        let rep_text = "chasing this illusionary goal will only prolong the war";
        let rep = Document::new(rep_text, &MatchOptions::default());
        let text = "“Chasing this illusory goal will only prolong the war,” he said.";
        let doc = Document::new(text, &MatchOptions::default());
        let piece = Piece {
            rep: 0..9,
            other: 0..9,
            exact: 8,
            fuzzy: 1,
            quoted: true,
        };
        let found = carriage(quote_words(rep_text, &rep), &doc, vec![piece]).expect("carried");
        assert_eq!(found.status, Status::Variant);
        assert_eq!(
            found.differences,
            vec![Difference {
                left: "illusionary".into(),
                right: "illusory".into()
            }]
        );
    }

    #[test]
    fn narration_only_is_a_paraphrase_and_quoted_pieces_win() {
        let rep_text = "the levee will hold through the spring floods";
        let rep = Document::new(rep_text, &MatchOptions::default());
        let text =
            "The levee will hold through the spring floods. “The levee will hold,” she said.";
        let doc = Document::new(text, &MatchOptions::default());
        let narration = Piece {
            rep: 0..8,
            other: 0..8,
            exact: 8,
            fuzzy: 0,
            quoted: false,
        };
        let words = quote_words(rep_text, &rep);
        let alone = carriage(words, &doc, vec![narration.clone()]).expect("carried");
        assert_eq!(alone.status, Status::Paraphrase);
        let quoted = Piece {
            rep: 0..4,
            other: 8..12,
            exact: 4,
            fuzzy: 0,
            quoted: true,
        };
        let both = carriage(words, &doc, vec![narration, quoted]).expect("carried");
        assert_eq!(both.status, Status::Partial);
        assert!((both.score - 0.5).abs() < 1e-9);
    }
}

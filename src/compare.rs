//! Comparing two articles: word diff, sentence alignment, shared passages,
//! shared quotes and similarity. Pure functions over clean text; results carry
//! byte spans into each article's clean text and derive `Serialize`.

pub mod align;
pub mod diff;
pub mod facts;
pub mod passages;
pub mod quotes;
pub mod similarity;

use crate::pair::Pair;
use crate::text::{MatchOptions, Sentence, Token, sentences, tokenize_with};
use serde::Serialize;
use std::ops::Range;

pub use diff::{DiffOp, DiffTag};
pub use quotes::{MatchKind, Quote, SharedQuote};

/// How the word diff is laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffMode {
    /// Align sentences across the pair in any order, then diff words inside each pair.
    #[default]
    Aligned,
    /// One word diff over the whole texts, in order.
    Linear,
}

/// Options for [`compare`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CompareOptions {
    /// Which differences between words are ignored.
    pub matching: MatchOptions,
    /// Aligned (default) or linear diff.
    pub diff_mode: DiffMode,
    /// Shortest run of matching words reported as a shared passage.
    pub min_passage_words: usize,
}

impl Default for CompareOptions {
    fn default() -> Self {
        Self {
            matching: MatchOptions::default(),
            diff_mode: DiffMode::default(),
            min_passage_words: passages::MIN_PASSAGE_WORDS,
        }
    }
}

/// One text analysed once for comparison: tokens, sentences and quotations.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The clean text everything indexes into.
    pub text: &'a str,
    /// Words with match keys.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Quotations found in the text.
    pub quotes: Vec<Quote>,
}

impl<'a> Document<'a> {
    /// Analyses `text` under `matching`.
    #[must_use]
    pub fn new(text: &'a str, matching: &MatchOptions) -> Self {
        Self {
            text,
            tokens: tokenize_with(text, matching),
            sentences: sentences(text),
            quotes: quotes::extract(text),
        }
    }
}

/// Two sentences (or one, when the other article has no counterpart) facing each other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentencePair {
    /// Byte span of the left sentence(s), if any.
    pub left: Option<Range<usize>>,
    /// Byte span of the right sentence(s), if any.
    pub right: Option<Range<usize>>,
    /// Similarity of the two, 0–1 (0 when one side is missing).
    pub similarity: f64,
}

/// A run of words both articles contain, possibly at different places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// Byte spans in each article.
    pub spans: Pair<Range<usize>>,
    /// Number of words in the run.
    pub words: usize,
    /// Whether the run sits at a different place in each article than the diff aligns.
    pub moved: bool,
}

/// Everything the engine knows about one pair of articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Overall similarity of the pair, 0–1.
    pub similarity: f64,
    /// Sentences aligned across the pair, in left-text order with right-only
    /// sentences placed after their nearest aligned neighbour.
    pub alignment: Vec<SentencePair>,
    /// Word diff ops; every word of each text lies in exactly one op on its side.
    pub diff: Vec<DiffOp>,
    /// Shared runs of words in any order.
    pub passages: Vec<Passage>,
    /// Quotations one article carries whose words the other also has.
    pub shared_quotes: Vec<SharedQuote>,
    /// Notes on degraded work (e.g. a diff cut short on a huge pair).
    pub notices: Vec<String>,
}

/// Compares two analysed texts.
#[must_use]
pub fn compare(docs: Pair<&Document<'_>>, options: &CompareOptions) -> Comparison {
    let mut notices = Vec::new();
    let (alignment, diff) = match options.diff_mode {
        DiffMode::Aligned => align::aligned_diff(docs, &mut notices),
        DiffMode::Linear => (Vec::new(), diff::linear(docs, &mut notices)),
    };
    let passages = passages::shared_passages(docs, &diff, options.min_passage_words);
    Comparison {
        similarity: similarity::similarity(&docs.left.tokens, &docs.right.tokens),
        alignment,
        diff,
        passages,
        shared_quotes: quotes::shared_quotes(docs),
        notices,
    }
}

/// Analyses and compares two clean texts in one call.
#[must_use]
pub fn compare_texts(texts: Pair<&str>, options: &CompareOptions) -> Comparison {
    let docs = texts.map(|t| Document::new(t, &options.matching));
    compare(docs.as_ref(), options)
}

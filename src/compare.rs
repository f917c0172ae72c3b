//! Comparing two articles: word diff, sentence alignment, shared passages,
//! shared quotes and similarity. Pure functions over clean text; results carry
//! byte spans into each article's clean text and derive `Serialize`.

pub mod align;
pub mod corpus;
pub mod diff;
pub mod facts;
mod keys;
pub mod matrix;
pub mod near;
pub mod passages;
pub mod quotes;
pub mod similarity;
pub mod stories;
pub mod strategy;

use crate::pair::{Pair, Side};
use crate::text::{KeyTable, MatchOptions, Sentence, Token, sentences, tokenize_keyed};
use serde::Serialize;
use std::ops::Range;

pub use diff::{DiffOp, DiffTag};
pub use near::{Near, NearKind, NearKinds};
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
    /// Most alignment cells spent matching shared quotes; past it matching stops
    /// with a notice.
    pub max_quote_cells: usize,
    /// Most cells (left words × right words of each stretch) the word diff hands to
    /// `similar`; past it the rest is cut at unique words and shown coarsely, with a
    /// notice.
    pub max_diff_cells: usize,
}

impl Default for CompareOptions {
    fn default() -> Self {
        Self {
            matching: MatchOptions::default(),
            diff_mode: DiffMode::default(),
            min_passage_words: passages::MIN_PASSAGE_WORDS,
            max_quote_cells: quotes::MAX_ALIGNMENT_CELLS,
            max_diff_cells: diff::MAX_DIFF_CELLS,
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
    /// The same words with the keys of every fold (the default [`MatchOptions`]),
    /// when `tokens` were keyed otherwise: the word diff aligns on these.
    pub folded: Option<Vec<Token>>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Quotations found in the text.
    pub quotes: Vec<Quote>,
    /// The distinct keys of `tokens`.
    table: KeyTable,
    /// The distinct keys of `folded`, when there are folded tokens.
    folded_table: Option<KeyTable>,
}

impl<'a> Document<'a> {
    /// Analyses `text` under `matching`.
    #[must_use]
    pub fn new(text: &'a str, matching: &MatchOptions) -> Self {
        let (tokens, table) = tokenize_keyed(text, matching);
        let sentences = sentences(text);
        // Speaker detection reads default keys: reuse the tokens when they have them.
        let (folded, folded_table) = if *matching == MatchOptions::default() {
            (None, None)
        } else {
            let (folded, table) = tokenize_keyed(text, &MatchOptions::default());
            (Some(folded), Some(table))
        };
        let quotes =
            quotes::extract_analysed(text, folded.as_deref().unwrap_or(&tokens), &sentences);
        Self {
            text,
            tokens,
            folded,
            sentences,
            quotes,
            table,
            folded_table,
        }
    }

    /// The words keyed under every fold (see [`Document::folded`]).
    #[must_use]
    pub fn folded_tokens(&self) -> &[Token] {
        self.folded.as_deref().unwrap_or(&self.tokens)
    }

    /// The distinct keys of [`Document::tokens`].
    #[must_use]
    pub fn key_table(&self) -> &KeyTable {
        &self.table
    }

    /// The distinct keys of [`Document::folded_tokens`].
    #[must_use]
    pub fn folded_key_table(&self) -> &KeyTable {
        self.folded_table.as_ref().unwrap_or(&self.table)
    }
}

/// Two sentences (or one, when the other article has no counterpart) facing each other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentencePair {
    /// Byte span of the left sentence(s), if any.
    pub left: Option<Range<usize>>,
    /// Byte span of the right sentence(s), if any.
    pub right: Option<Range<usize>>,
    /// Similarity of the two, 0–1: overlap of their content words, rare words
    /// weighing more (0 when one side is missing).
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
    /// Overall similarity of the pair, 0–1 (see [`similarity`]).
    pub similarity: f64,
    /// Per side, the share of its content the other article covers, 0–1.
    pub coverage: Pair<f64>,
    /// Sentences aligned across the pair, in left-text order with right-only
    /// sentences placed after the pair of their nearest preceding aligned
    /// sentence and the left-only sentences that follow it (those with none: just
    /// before the first pair, or last).
    pub alignment: Vec<SentencePair>,
    /// Word diff ops; each side's ops, taken in order of their spans on that side,
    /// tile its text (every character lies in exactly one op). Aligned mode lists
    /// them in `alignment` order (so right-side spans may go back and forth);
    /// linear mode in text order on both sides.
    pub diff: Vec<DiffOp>,
    /// Shared runs of words in any order.
    pub passages: Vec<Passage>,
    /// Quotations one article carries whose words the other also has.
    pub shared_quotes: Vec<SharedQuote>,
    /// Work cut short by a budget on this pair (e.g. the diff of a huge pair).
    pub notices: Vec<Notice>,
}

/// Work a comparison cut short at one of its budgets, so its result is coarser than
/// usual. Serialized as its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Notice {
    /// The word diff reached [`CompareOptions::max_diff_cells`]: some stretches are
    /// shown as whole changed runs.
    DiffCutShort,
    /// Shared-quote matching reached [`CompareOptions::max_quote_cells`]: some shared
    /// quotes may be missing.
    QuotesCutShort,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::DiffCutShort => {
                "word diff reached its work limit on this pair: \
                 some stretches are shown as whole changed runs"
            }
            Self::QuotesCutShort => {
                "shared-quote matching reached its work limit on this pair: \
                 some shared quotes may be missing"
            }
        })
    }
}

impl Serialize for Notice {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Compares two analysed texts: the shared quotes are matched while the words are
/// diffed, on two threads when one is free.
///
/// Four parts run in a join: the word diff with the similarity, and the shared
/// quotes with the shared passages' search (which needs only the diff's pairing, to
/// tell which passages moved). Whichever thread is free first takes the other's
/// later part, so that neither waits long for the slower.
#[must_use]
pub fn compare(docs: Pair<&Document<'_>>, options: &CompareOptions) -> Comparison {
    let keys = keys::PairKeys::new(docs);
    let parallel = docs.worth_two_threads(|d| d.text.len());
    let ((words, similarity), (shared_quotes, runs)) = crate::pair::join(
        parallel,
        || {
            crate::pair::join(
                parallel,
                || compare_words(docs, &keys, options),
                || similarity::similarity(docs, &keys),
            )
        },
        || {
            crate::pair::join(
                parallel,
                || quotes::shared_quotes_keyed(docs, &keys, options.max_quote_cells),
                || passages::Runs::find(&keys, options.min_passage_words),
            )
        },
    );
    let mut notices = words.notices;
    if shared_quotes.cut_short {
        notices.push(Notice::QuotesCutShort);
    }
    Comparison {
        similarity: similarity.score,
        coverage: similarity.coverage,
        alignment: words.alignment,
        diff: words.diff,
        passages: runs.passages(docs, &words.pairing),
        shared_quotes: shared_quotes.quotes,
        notices,
    }
}

/// The word-level part of a [`Comparison`], but for the shared passages.
struct WordComparison {
    alignment: Vec<SentencePair>,
    diff: Vec<DiffOp>,
    /// How the diff paired the texts (which shared passages moved).
    pairing: passages::Pairing,
    notices: Vec<Notice>,
}

/// Sentence alignment and word diff of two analysed texts.
fn compare_words(
    docs: Pair<&Document<'_>>,
    keys: &keys::PairKeys<'_>,
    options: &CompareOptions,
) -> WordComparison {
    let mut budget = diff::DiffBudget::new(options.max_diff_cells);
    let cells = diff::Cells::new(docs, options.matching.is_strict());
    let token_counts = docs.map(|d| d.tokens.len());
    let (alignment, ops, pairing) = match options.diff_mode {
        DiffMode::Aligned => {
            let aligned = strategy::aligned(docs, keys, &mut budget, &cells);
            let pairing =
                passages::Pairing::new(token_counts, &aligned.ops, Some(aligned.pair_of_token));
            (aligned.alignment, aligned.ops, pairing)
        }
        DiffMode::Linear => {
            let ops = strategy::linear(docs, keys, &mut budget, &cells);
            let pairing = passages::Pairing::new(token_counts, &ops, None);
            (Vec::new(), ops, pairing)
        }
    };
    WordComparison {
        alignment,
        diff: diff::to_diff_ops(docs, &cells, &diff::merge_adjacent(ops), options.matching),
        pairing,
        notices: budget
            .cut_short()
            .then_some(Notice::DiffCutShort)
            .into_iter()
            .collect(),
    }
}

impl Comparison {
    /// Changed words of each text: deleted words on the left, inserted words on the
    /// right, and on both sides the words of near ops the options count.
    #[must_use]
    pub fn changed_words(&self, docs: Pair<&Document<'_>>) -> Pair<usize> {
        let count = |side: Side, tag: DiffTag| {
            self.diff
                .iter()
                .filter(|op| op.is_change() && (op.tag == tag || op.tag == DiffTag::Near))
                .map(|op| words_in(&docs[side].tokens, &op.spans[side]))
                .sum()
        };
        Pair::new(
            count(Side::Left, DiffTag::Delete),
            count(Side::Right, DiffTag::Insert),
        )
    }

    /// Number of near ops, and how many of them the options count as changes.
    #[must_use]
    pub fn near_count(&self) -> (usize, usize) {
        let near = self.diff.iter().filter(|op| op.tag == DiffTag::Near);
        (
            near.clone().count(),
            near.filter(|op| op.is_change()).count(),
        )
    }

    /// The diff as a highlight layer for one pane: each op's non-empty span on
    /// `side` with its tag, in text order (aligned ops are
    /// listed in alignment order, which on the right side is not text order).
    #[must_use]
    pub fn marks(&self, side: Side) -> Vec<(DiffTag, Range<usize>)> {
        let mut marks: Vec<(DiffTag, Range<usize>)> = self
            .diff
            .iter()
            .filter(|op| !op.spans[side].is_empty())
            .map(|op| (op.tag, op.spans[side].clone()))
            .collect();
        marks.sort_by_key(|(_, span)| span.start);
        marks
    }

    /// Whether the two articles seem to be about different stories: the rule of
    /// [`similarity::unrelated`] over this pair's similarity, shared quotes and
    /// aligned sentences.
    #[must_use]
    pub fn unrelated(&self) -> bool {
        let aligned = self
            .alignment
            .iter()
            .filter(|p| p.left.is_some() && p.right.is_some())
            .count();
        similarity::unrelated(self.similarity, self.shared_quotes.len(), aligned)
    }

    /// The sentence pair whose `side` sentence contains byte `offset` (or, when
    /// the offset is between sentences, the last one starting before it).
    #[must_use]
    pub fn pair_at(&self, side: Side, offset: usize) -> Option<&SentencePair> {
        let span = |p: &SentencePair| match side {
            Side::Left => p.left.clone(),
            Side::Right => p.right.clone(),
        };
        self.alignment
            .iter()
            .filter(|p| span(p).is_some_and(|s| s.start <= offset))
            .max_by_key(|p| span(p).map_or(0, |s| s.start))
    }

    /// The span on the other side facing byte `offset` of `side`: the partner of
    /// the sentence there, or of the nearest aligned sentence before it in the
    /// alignment order when that sentence has no partner.
    #[must_use]
    pub fn facing(&self, side: Side, offset: usize) -> Option<Range<usize>> {
        let here = self.pair_at(side, offset)?;
        let position = self.alignment.iter().position(|p| std::ptr::eq(p, here))?;
        self.alignment
            .get(..=position)?
            .iter()
            .rev()
            .find_map(|p| match side {
                Side::Left => p.right.clone(),
                Side::Right => p.left.clone(),
            })
    }
}

/// Number of tokens lying inside `span`.
fn words_in(tokens: &[Token], span: &Range<usize>) -> usize {
    let start = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.start < span.end);
    end.saturating_sub(start)
}

/// Analyses and compares two clean texts in one call.
#[must_use]
pub fn compare_texts(texts: Pair<&str>, options: &CompareOptions) -> Comparison {
    let parallel = texts.worth_two_threads(|t| t.len());
    let docs = texts.par_map(parallel, |t| Document::new(t, &options.matching));
    compare(docs.as_ref(), options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_speakers_do_not_depend_on_the_match_options() {
        let text = "“Five bridges will close,” Mayor Ada Kern said on Monday.\n\
                    She added that the city “cannot wait.” “Nor can we,” said Ben Ode.";
        let lenient = Document::new(text, &MatchOptions::default());
        let strict = Document::new(text, &MatchOptions::STRICT);
        assert_eq!(lenient.quotes, strict.quotes);
        let speakers: Vec<Option<&str>> =
            strict.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Ada Kern"), Some("Ada Kern"), Some("Ben Ode")]
        );
        assert_eq!(lenient.quotes, quotes::extract(text));
    }
}

//! Serializable reports the commands print: engine results with their text filled in.
//! The JSON output is exactly these structs; the plain output renders them too.

pub mod json;
mod quotes;

pub use quotes::{ArticleName, CreditText, OccurrenceText, QuoteGroupText, QuotesReport};

use crate::compare::quotes::reading_order;
use crate::compare::stories::Stories;
use crate::compare::{Comparison, DiffOp, DiffTag, Document, MatchKind, NearKind, NearKinds};
use crate::corpus::{Article, Corpus, RemovalReason, Skipped};
use crate::pair::{Pair, Side};
use serde::Serialize;
use std::ops::Range;

/// A span of an article's clean text with the text itself (a `String`, or borrowed
/// from the article: `SpanText<&str>`). Offsets count UTF-8 bytes (`start`, `end`)
/// and Unicode scalar values (`start_char`, `end_char`).
#[derive(Debug, Clone, Serialize)]
pub struct SpanText<S = String> {
    /// Start byte in the clean text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Start in characters (Unicode scalar values) of the clean text.
    pub start_char: usize,
    /// End in characters (exclusive).
    pub end_char: usize,
    /// The text of the span, as the outlet wrote it.
    pub text: S,
}

impl SpanText {
    /// The span `range` of `text`.
    #[must_use]
    pub fn new(text: &str, range: &Range<usize>) -> Self {
        Self::indexed(&CharIndex::new(text), range)
    }

    /// The span `range` of the text `index` has counted the characters of.
    #[must_use]
    pub fn indexed(index: &CharIndex, range: &Range<usize>) -> Self {
        let span = SpanText::within(index, range);
        Self {
            start: span.start,
            end: span.end,
            start_char: span.start_char,
            end_char: span.end_char,
            text: span.text.to_string(),
        }
    }
}

impl<'t> SpanText<&'t str> {
    /// The span `range` of the text `index` has counted the characters of, its text
    /// borrowed from it.
    #[must_use]
    pub fn within(index: &CharIndex<'t>, range: &Range<usize>) -> Self {
        Self {
            start: range.start,
            end: range.end,
            start_char: index.chars_before(range.start),
            end_char: index.chars_before(range.end),
            text: index.text.get(range.clone()).unwrap_or_default(),
        }
    }
}

/// Bytes of text per counted block in a [`CharIndex`].
const CHAR_BLOCK: usize = 16;

/// Turns byte offsets of one text into character offsets.
#[derive(Debug, Clone)]
pub struct CharIndex<'t> {
    /// The text.
    text: &'t str,
    /// Characters before the start of each [`CHAR_BLOCK`]-byte block and before the
    /// text's end, or none for ASCII text (bytes are characters). A text has fewer
    /// than 2³² characters (its offsets are counted in `u32`).
    blocks: Option<Vec<u32>>,
}

impl CharIndex<'static> {
    /// The index of the empty text.
    pub const EMPTY: Self = Self {
        text: "",
        blocks: None,
    };
}

impl<'t> CharIndex<'t> {
    /// The index of `text`.
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        let blocks = (!text.is_ascii()).then(|| {
            let mut blocks = Vec::with_capacity(text.len() / CHAR_BLOCK + 2);
            let mut before = 0u32;
            blocks.push(before);
            for block in text.as_bytes().chunks(CHAR_BLOCK) {
                // At most CHAR_BLOCK characters a block.
                before = before.wrapping_add(u32::try_from(char_starts(block)).unwrap_or_default());
                blocks.push(before);
            }
            blocks
        });
        Self { text, blocks }
    }

    /// Number of characters starting before byte `offset`.
    #[must_use]
    pub fn chars_before(&self, offset: usize) -> usize {
        let Some(blocks) = &self.blocks else {
            return offset;
        };
        let offset = offset.min(self.text.len());
        let block = offset / CHAR_BLOCK;
        let start = block * CHAR_BLOCK;
        let before = blocks
            .get(block)
            .map_or(0, |&b| usize::try_from(b).unwrap_or_default());
        let bytes = self.text.as_bytes();
        let Some(whole) = bytes.get(start..start + CHAR_BLOCK) else {
            return before + bytes.get(start..offset).map_or(0, char_starts);
        };
        // The block's bytes before `offset` (the others masked out), eight at a time.
        let within = offset - start;
        let word = |at: usize| u64::from_le_bytes(whole[at..at + 8].try_into().unwrap_or_default());
        let keep = |bytes: usize| {
            if bytes >= 8 {
                u64::MAX
            } else {
                (1u64 << (8 * bytes)) - 1
            }
        };
        let continuations = continuations(word(0) & keep(within.min(8)))
            + continuations(word(8) & keep(within.saturating_sub(8)));
        before + within - continuations
    }
}

/// Characters starting in `bytes` (UTF-8): the bytes that are not continuation
/// bytes (`10xxxxxx`), counted eight at a time.
fn char_starts(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut count = 0;
    for word in &mut words {
        count += continuations(u64::from_le_bytes(word.try_into().unwrap_or_default()));
    }
    let rest = words.remainder();
    bytes.len() - count - rest.iter().filter(|&&b| b & 0xC0 == 0x80).count()
}

/// Continuation bytes (`10xxxxxx`) among the eight bytes of `x`, counted without a
/// population count instruction (the baseline x86-64 build has none).
fn continuations(x: u64) -> usize {
    // Bit 7 of each byte that has bit 7 set and bit 6 clear, moved to bit 0 …
    let ones = (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
    // … and summed into the top byte.
    usize::from(ones.wrapping_mul(0x0101_0101_0101_0101).to_be_bytes()[0])
}

/// One article in a listing.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    /// 1-based position in the corpus.
    pub index: usize,
    /// Identifier (file stem or record id).
    pub id: String,
    /// Publishing outlet.
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Publication date, when known.
    pub date: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Authors, in byline order.
    pub authors: Vec<String>,
    /// Words in the clean text.
    pub words: usize,
    /// Bytes removed by cleaning.
    pub removed_bytes: usize,
    /// Where the article was loaded from.
    pub source: String,
    /// Loading warnings.
    pub warnings: Vec<String>,
    /// Id of the article's story (`list --json`; see `crosscheck stories`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// What cleaning removed (only with `--show-removed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<Vec<RemovedText>>,
}

/// A removed stretch of raw text.
#[derive(Debug, Clone, Serialize)]
pub struct RemovedText {
    /// Start byte in the raw (decoded) text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Why it was removed.
    pub reason: RemovalReason,
    /// The removed text.
    pub text: String,
}

impl ArticleSummary {
    /// Summarizes `article` at 0-based position `index`.
    #[must_use]
    pub fn new(index: usize, article: &Article, with_removed: bool) -> Self {
        Self {
            index: index + 1,
            id: article.id.clone(),
            outlet: article.meta.outlet.clone(),
            title: article.meta.title.clone(),
            date: article.meta.date.clone(),
            url: article.meta.url.clone(),
            authors: article.meta.authors.clone(),
            words: article.word_count(),
            removed_bytes: article.removed_bytes(),
            source: article.source.clone(),
            warnings: article.warnings.clone(),
            story: None,
            removed: with_removed.then(|| RemovedText::all(article)),
        }
    }
}

impl RemovedText {
    /// Everything cleaning removed from `article`, in order.
    #[must_use]
    pub fn all(article: &Article) -> Vec<Self> {
        article
            .removals
            .iter()
            .map(|r| Self {
                start: r.range.start,
                end: r.range.end,
                reason: r.reason,
                text: article
                    .raw
                    .get(r.range.clone())
                    .unwrap_or_default()
                    .to_string(),
            })
            .collect()
    }
}

/// `crosscheck list` output.
#[derive(Debug, Clone, Serialize)]
pub struct ListReport {
    /// The loaded articles.
    pub articles: Vec<ArticleSummary>,
    /// Files that were skipped, with reasons.
    pub skipped: Vec<Skipped>,
}

impl ListReport {
    /// The listing of `corpus`.
    #[must_use]
    pub fn new(corpus: &Corpus, with_removed: bool) -> Self {
        Self {
            articles: corpus
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| ArticleSummary::new(i, a, with_removed))
                .collect(),
            skipped: corpus.skipped.clone(),
        }
    }

    /// Gives each article the id of its story.
    pub fn add_stories(&mut self, stories: &Stories) {
        for (i, article) in self.articles.iter_mut().enumerate() {
            article.story = stories.story_of(i).map(|s| s.id.clone());
        }
    }
}

/// Identity of one side of a comparison.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    /// Identifier.
    pub id: String,
    /// Outlet.
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Date, when known.
    pub date: Option<String>,
    /// Words in the clean text.
    pub words: usize,
}

impl ArticleRef {
    /// The identity of `article`.
    #[must_use]
    pub fn new(article: &Article) -> Self {
        Self::counted(article, article.word_count())
    }

    /// The identity of `article`, which has `words` words.
    #[must_use]
    pub fn counted(article: &Article, words: usize) -> Self {
        Self {
            id: article.id.clone(),
            outlet: article.meta.outlet.clone(),
            title: article.meta.title.clone(),
            date: article.meta.date.clone(),
            words,
        }
    }
}

/// One side of a comparison: the article and the clean text every offset indexes.
#[derive(Debug, Clone, Serialize)]
pub struct ComparedArticle<'t> {
    /// Who and what it is.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// The clean text compared (the ops of this side concatenate to it).
    pub text: &'t str,
}

/// Two sentences facing each other in the alignment.
#[derive(Debug, Clone, Serialize)]
pub struct AlignedSentences<'t> {
    /// The left sentence, or null when only the right article has it.
    pub left: Option<SpanText<&'t str>>,
    /// The right sentence, or null when only the left article has it.
    pub right: Option<SpanText<&'t str>>,
    /// Similarity of the two, 0–1.
    pub similarity: f64,
}

/// One diff op with its text on each side.
#[derive(Debug, Clone, Serialize)]
pub struct DiffText<'t> {
    /// `equal` (same words and punctuation), `near` (one word written
    /// differently), `delete` (only left) or `insert` (only right).
    pub op: DiffTag,
    /// For `near`: what differs (`case`, `punctuation`, `quote_style`, `number`,
    /// `spelling`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub differs: Option<NearKinds>,
    /// For `near`: whether the match options count it as a change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<bool>,
    /// The op's text in the left article (null for `insert`).
    pub left: Option<SpanText<&'t str>>,
    /// The op's text in the right article (null for `delete`).
    pub right: Option<SpanText<&'t str>>,
}

/// A shared passage with its text in both articles.
#[derive(Debug, Clone, Serialize)]
pub struct PassageText<'t> {
    /// Words in the run.
    pub words: usize,
    /// Whether it stands at different places in the two articles.
    pub moved: bool,
    /// The run in the left article.
    pub left: SpanText<&'t str>,
    /// The run in the right article.
    pub right: SpanText<&'t str>,
}

/// A shared quote with its text in both articles.
#[derive(Debug, Clone, Serialize)]
pub struct SharedQuoteText<'t> {
    /// Its number, 1-based, as the reader shows it in both panes (reading order of the
    /// left article); the list is in this order.
    pub number: usize,
    /// `exact` (the matched words are identical on both sides), `near` or `partial`.
    pub kind: MatchKind,
    /// Share of the match's words aligned, 0–1 (fuzzy ones at reduced credit).
    pub score: f64,
    /// The speaker, from the left article if it names one, else the right.
    pub speaker: Option<String>,
    /// Words aligned.
    pub words: usize,
    /// The matched words in the left article.
    pub left: QuoteSide<'t>,
    /// The matched words in the right article.
    pub right: QuoteSide<'t>,
}

/// One article's side of a shared quote.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteSide<'t> {
    /// The matched words.
    #[serde(flatten)]
    pub span: SpanText<&'t str>,
    /// Whether they stand inside quotation marks in this article (false: narration,
    /// e.g. a transcript or an echo of the quote).
    pub quoted: bool,
    /// Whom this article credits the quote to, if anyone.
    pub speaker: Option<String>,
}

/// The shape of the `compare` JSON: raised when a field changes meaning or moves.
pub const COMPARE_JSON_VERSION: u32 = 2;

/// How offsets in the `compare` JSON count.
pub const OFFSET_UNIT: &str = "utf8_bytes (start, end); unicode_scalars (start_char, end_char)";

/// `crosscheck compare` output.
#[derive(Debug, Clone, Serialize)]
pub struct CompareReport<'t> {
    /// [`COMPARE_JSON_VERSION`].
    pub version: u32,
    /// [`OFFSET_UNIT`]: every offset indexes the side's `text`.
    pub offsets: &'static str,
    /// The left article, with its clean text.
    pub left: ComparedArticle<'t>,
    /// The right article, with its clean text.
    pub right: ComparedArticle<'t>,
    /// Similarity of the pair, 0–1 (the measure is named in the README).
    pub similarity: f64,
    /// Per side, the share of its content the other article covers, 0–1.
    pub coverage: Pair<f64>,
    /// Kinds of difference the comparison ignores (near ops of these kinds are not
    /// counted as changes).
    pub ignored: Vec<NearKind>,
    /// Words only in the left article (with the left words of counted near ops).
    pub deleted_words: usize,
    /// Words only in the right article (with the right words of counted near ops).
    pub inserted_words: usize,
    /// Near ops (words written differently).
    pub near: usize,
    /// Near ops counted as changes.
    pub near_counted: usize,
    /// Sentences aligned across the pair (empty with `--diff linear`).
    pub alignment: Vec<AlignedSentences<'t>>,
    /// The word diff: each side's ops, in order of their offsets, tile its text.
    pub diff: Vec<DiffText<'t>>,
    /// Shared runs of words, in any order.
    pub passages: Vec<PassageText<'t>>,
    /// Quotations whose words both articles carry.
    pub shared_quotes: Vec<SharedQuoteText<'t>>,
    /// Work cut short on this pair, in words (see [`crate::compare::Notice`]).
    pub notices: Vec<String>,
}

impl<'t> CompareReport<'t> {
    /// Fills `comparison`'s spans with the articles' text; `ignoring` the match
    /// options it ran under.
    #[must_use]
    pub fn new(
        articles: Pair<&'t Article>,
        comparison: &Comparison,
        ignoring: &crate::text::MatchOptions,
    ) -> Self {
        let starts = articles.map(|a| {
            crate::text::word_spans(&a.clean)
                .into_iter()
                .map(|w| w.start)
                .collect::<Vec<_>>()
        });
        Self::counted(articles, comparison, *ignoring, starts.as_ref())
    }

    /// [`Self::new`] for `comparison` of `docs`, the documents of `articles`: their
    /// words are counted already.
    #[must_use]
    pub fn analysed(
        docs: Pair<&Document<'_>>,
        articles: Pair<&'t Article>,
        comparison: &Comparison,
        ignoring: &crate::text::MatchOptions,
    ) -> Self {
        let starts = docs.map(|d| d.tokens.iter().map(|t| t.span.start).collect::<Vec<_>>());
        Self::counted(articles, comparison, *ignoring, starts.as_ref())
    }

    /// [`Self::new`], given where each side's words start (in text order).
    fn counted(
        articles: Pair<&'t Article>,
        comparison: &Comparison,
        ignoring: crate::text::MatchOptions,
        starts: Pair<&Vec<usize>>,
    ) -> Self {
        let text = |side: Side| articles[side].clean.as_str();
        let index = Pair::new(
            CharIndex::new(text(Side::Left)),
            CharIndex::new(text(Side::Right)),
        );
        let span = |side: Side, range: &Range<usize>| SpanText::within(&index[side], range);
        // Each op covers whole cells, a cell holds the word starting in it: an op's
        // words are those starting in its span.
        let words_in = |side: Side, keep: fn(&DiffOp) -> bool| -> usize {
            let before = |at: usize| starts[side].partition_point(|&s| s < at);
            comparison
                .diff
                .iter()
                .filter(|op| keep(op))
                .map(|op| before(op.spans[side].end) - before(op.spans[side].start))
                .sum()
        };
        let article = |side: Side| ArticleRef::counted(articles[side], starts[side].len());
        let (near, near_counted) = comparison.near_count();
        Self {
            version: COMPARE_JSON_VERSION,
            offsets: OFFSET_UNIT,
            left: ComparedArticle {
                article: article(Side::Left),
                text: text(Side::Left),
            },
            right: ComparedArticle {
                article: article(Side::Right),
                text: text(Side::Right),
            },
            similarity: comparison.similarity,
            coverage: comparison.coverage,
            ignored: NearKind::ALL
                .into_iter()
                .filter(|k| k.ignored_by(&ignoring))
                .collect(),
            deleted_words: words_in(Side::Left, |op| op.is_change() && op.tag != DiffTag::Insert),
            inserted_words: words_in(Side::Right, |op| {
                op.is_change() && op.tag != DiffTag::Delete
            }),
            near,
            near_counted,
            alignment: comparison
                .alignment
                .iter()
                .map(|pair| AlignedSentences {
                    left: pair.left.as_ref().map(|r| span(Side::Left, r)),
                    right: pair.right.as_ref().map(|r| span(Side::Right, r)),
                    similarity: pair.similarity,
                })
                .collect(),
            diff: comparison
                .diff
                .iter()
                .map(|op| DiffText {
                    op: op.tag,
                    differs: op.near.as_ref().map(|n| n.kinds),
                    counted: op.near.as_ref().map(|n| n.counted),
                    left: (op.tag != DiffTag::Insert).then(|| span(Side::Left, &op.spans.left)),
                    right: (op.tag != DiffTag::Delete).then(|| span(Side::Right, &op.spans.right)),
                })
                .collect(),
            passages: comparison
                .passages
                .iter()
                .map(|p| PassageText {
                    words: p.words,
                    moved: p.moved,
                    left: span(Side::Left, &p.spans.left),
                    right: span(Side::Right, &p.spans.right),
                })
                .collect(),
            shared_quotes: reading_order(&comparison.shared_quotes)
                .into_iter()
                .enumerate()
                .filter_map(|(n, i)| {
                    let q = comparison.shared_quotes.get(i)?;
                    let side = |s: Side| QuoteSide {
                        span: span(s, &q.spans[s]),
                        quoted: q.quoted[s],
                        speaker: q.speakers[s].clone(),
                    };
                    Some(SharedQuoteText {
                        number: n + 1,
                        kind: q.kind,
                        score: q.score,
                        speaker: q.speaker.clone(),
                        words: q.words,
                        left: side(Side::Left),
                        right: side(Side::Right),
                    })
                })
                .collect(),
            notices: comparison.notices.iter().map(ToString::to_string).collect(),
        }
    }
}

#[cfg(test)]
mod tests;

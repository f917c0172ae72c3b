//! The `quotes` report: the tracker's groups with the articles' text filled in.

use crate::compare::MatchKind;
use crate::compare::quotes::{Difference, QuoteGroup, Status};
use crate::corpus::Corpus;
use serde::Serialize;

/// An article of the corpus, as the tracker names it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleName {
    /// 1-based position in the corpus.
    pub index: usize,
    /// Identifier.
    pub id: String,
    /// Outlet.
    pub outlet: String,
}

/// One article's carriage of a quote group.
#[derive(Debug, Clone, Serialize)]
pub struct OccurrenceText {
    /// 1-based index of the article.
    pub article: usize,
    /// The article's id.
    pub id: String,
    /// The article's outlet.
    pub outlet: String,
    /// `exact`, `variant`, `partial` or `paraphrase` relative to the group's quote.
    pub status: Status,
    /// How closely its words match the group's quote.
    pub kind: MatchKind,
    /// Share of the quote's words aligned, 0–1.
    pub score: f64,
    /// Whether the article puts the words in quotation marks.
    pub quoted: bool,
    /// Whom the article credits, when it names someone.
    pub speaker: Option<String>,
    /// Start byte in the article's clean text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The words as this article has them.
    pub text: String,
    /// Differing words: `left` the group's quote, `right` this article.
    pub differences: Vec<Difference>,
}

/// A speaker and the articles (1-based) crediting the quote to them.
#[derive(Debug, Clone, Serialize)]
pub struct CreditText {
    /// The name as the articles give it (fullest form).
    pub speaker: String,
    /// 1-based indices of the articles.
    pub articles: Vec<usize>,
}

/// A quotation and the articles that carry it.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteGroupText {
    /// The longest quoted version.
    pub text: String,
    /// Who said it, when known.
    pub speaker: Option<String>,
    /// Every speaker the articles credit.
    pub speakers: Vec<CreditText>,
    /// Whether the articles credit different speakers.
    pub conflict: bool,
    /// Articles carrying it (any status but absent).
    pub carriers: usize,
    /// Articles of the corpus that do not carry it.
    pub others: usize,
    /// The carrying articles' versions, in corpus order.
    pub occurrences: Vec<OccurrenceText>,
}

impl QuoteGroupText {
    /// How article `index` (1-based) carries the quote.
    #[must_use]
    pub fn status(&self, index: usize) -> Status {
        self.occurrences
            .binary_search_by_key(&index, |o| o.article)
            .map_or(Status::Absent, |i| self.occurrences[i].status)
    }
}

/// `crosscheck quotes` output: the quote tracker. Its groups get their text when they
/// are written, so `--json` streams them one by one.
#[derive(Debug, Clone, Copy)]
pub struct QuotesReport<'a> {
    corpus: &'a Corpus,
    groups: &'a [QuoteGroup],
}

impl<'a> QuotesReport<'a> {
    /// The tracker of `groups`, found over `corpus`.
    #[must_use]
    pub fn new(corpus: &'a Corpus, groups: &'a [QuoteGroup]) -> Self {
        Self { corpus, groups }
    }

    /// Number of articles in the corpus.
    #[must_use]
    pub fn article_count(&self) -> usize {
        self.corpus.articles.len()
    }

    /// Number of quote groups.
    #[must_use]
    pub fn group_count(&self) -> usize {
        self.groups.len()
    }

    /// The corpus's articles, in order.
    pub fn articles(&self) -> impl Iterator<Item = ArticleName> + 'a {
        self.corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| ArticleName {
                index: i + 1,
                id: a.id.clone(),
                outlet: a.meta.outlet.clone(),
            })
    }

    /// The groups with their text, most carried first.
    pub fn groups(&self) -> impl Iterator<Item = QuoteGroupText> + 'a {
        let corpus = self.corpus;
        self.groups
            .iter()
            .map(move |group| group_text(corpus, group))
    }
}

impl Serialize for QuotesReport<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        /// A sequence serialized from an iterator, item by item.
        struct Items<I>(std::cell::Cell<Option<I>>);
        impl<I: Iterator<Item = T>, T: Serialize> Serialize for Items<I> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.take().into_iter().flatten())
            }
        }
        fn items<I>(iter: I) -> Items<I> {
            Items(std::cell::Cell::new(Some(iter)))
        }
        let mut report = serializer.serialize_struct("QuotesReport", 2)?;
        report.serialize_field("articles", &items(self.articles()))?;
        report.serialize_field("groups", &items(self.groups()))?;
        report.end()
    }
}

/// One quote group with the articles' text filled in.
fn group_text(corpus: &Corpus, group: &QuoteGroup) -> QuoteGroupText {
    QuoteGroupText {
        text: group.text.clone(),
        speaker: group.speaker.clone(),
        speakers: group
            .speakers
            .iter()
            .map(|c| CreditText {
                speaker: c.speaker.clone(),
                articles: c.articles.iter().map(|a| a + 1).collect(),
            })
            .collect(),
        conflict: group.conflict,
        carriers: group.articles(),
        others: corpus.articles.len().saturating_sub(group.articles()),
        occurrences: group
            .occurrences
            .iter()
            .filter_map(|o| {
                let article = corpus.articles.get(o.article)?;
                Some(OccurrenceText {
                    article: o.article + 1,
                    id: article.id.clone(),
                    outlet: article.meta.outlet.clone(),
                    status: o.status,
                    kind: o.kind,
                    score: o.score,
                    quoted: o.quoted,
                    speaker: o.speaker.clone(),
                    start: o.span.start,
                    end: o.span.end,
                    text: article
                        .clean
                        .get(o.span.clone())
                        .unwrap_or_default()
                        .to_string(),
                    differences: o.differences.clone(),
                })
            })
            .collect(),
    }
}

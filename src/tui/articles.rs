//! The reader's articles, each under a stable [`ArticleId`]. Caches, keys, jobs and
//! the selection name articles by id, never by their place in the list, so the list
//! can change while the reader is open.

use super::raw::RawMap;
use crate::corpus::{Article, Corpus, Skipped};
use std::collections::HashMap;
use std::sync::Arc;

/// An article's identity while the reader runs: given once, never reused, and
/// independent of where the article stands in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(u32);

impl ArticleId {
    /// Names no article: what a reader without articles shows.
    pub const NONE: Self = Self(u32::MAX);
}

/// One article and what the reader derives from it once.
#[derive(Debug)]
pub struct Entry {
    /// Its identity.
    pub id: ArticleId,
    /// The article.
    pub article: Article,
    /// Its clean text, shared with the worker's jobs without copying.
    pub text: Arc<str>,
    /// Its word count.
    pub words: usize,
    /// Offsets between its clean and raw text.
    pub raw_map: RawMap,
}

impl Entry {
    fn new(id: ArticleId, article: Article) -> Self {
        Self {
            id,
            text: Arc::from(article.clean.as_str()),
            words: article.word_count(),
            raw_map: RawMap::new(&article.removals),
            article,
        }
    }
}

/// The articles in sidebar order, and the files that were skipped.
#[derive(Debug, Default)]
pub struct Articles {
    entries: Vec<Entry>,
    positions: HashMap<ArticleId, usize>,
    skipped: Vec<Skipped>,
}

impl Articles {
    /// The articles of `corpus` in its order, with ids given in that order.
    #[must_use]
    pub fn new(corpus: Corpus) -> Self {
        let entries: Vec<Entry> = corpus
            .articles
            .into_iter()
            .zip(0..)
            .map(|(article, id)| Entry::new(ArticleId(id), article))
            .collect();
        let positions = entries.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        Self {
            entries,
            positions,
            skipped: corpus.skipped,
        }
    }

    /// How many articles there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in sidebar order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter()
    }

    /// The ids in sidebar order.
    pub fn ids(&self) -> impl Iterator<Item = ArticleId> + '_ {
        self.entries.iter().map(|e| e.id)
    }

    /// The entry of article `id`.
    #[must_use]
    pub fn get(&self, id: ArticleId) -> Option<&Entry> {
        self.entries.get(self.position(id)?)
    }

    /// Article `id`.
    #[must_use]
    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.get(id).map(|e| &e.article)
    }

    /// Where article `id` stands in the sidebar.
    #[must_use]
    pub fn position(&self, id: ArticleId) -> Option<usize> {
        self.positions.get(&id).copied()
    }

    /// The id of the article at `position` in the sidebar.
    #[must_use]
    pub fn id_at(&self, position: usize) -> Option<ArticleId> {
        self.entries.get(position).map(|e| e.id)
    }

    /// Files that were passed over, with reasons.
    #[must_use]
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Loading warnings over all articles.
    #[must_use]
    pub fn warnings(&self) -> usize {
        self.entries.iter().map(|e| e.article.warnings.len()).sum()
    }

    /// Whether files were skipped or articles loaded with warnings.
    #[must_use]
    pub fn has_warnings(&self) -> bool {
        !self.skipped.is_empty() || self.warnings() > 0
    }
}

#[cfg(test)]
impl Articles {
    /// Articles with these clean texts and nothing else.
    pub(crate) fn of_texts(texts: &[&str]) -> Self {
        let article = |text: &&str| Article {
            id: String::new(),
            source: String::new(),
            meta: crate::corpus::Meta::default(),
            raw: (*text).into(),
            clean: (*text).into(),
            removals: Vec::new(),
            warnings: Vec::new(),
        };
        Self::new(Corpus {
            articles: texts.iter().map(article).collect(),
            skipped: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_name_articles_whatever_their_position() {
        let articles = Articles::of_texts(&["one two", "three"]);
        let ids: Vec<ArticleId> = articles.ids().collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        assert_eq!(articles.position(ids[1]), Some(1));
        assert_eq!(articles.id_at(0), Some(ids[0]));
        let second = articles.get(ids[1]).map(|e| (e.words, &*e.text));
        assert_eq!(second, Some((1, "three")));
        assert!(articles.get(ArticleId::NONE).is_none());
        assert!(!articles.has_warnings());
    }
}

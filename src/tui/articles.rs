//! The reader's articles, each under a stable [`ArticleId`]. Caches, keys, jobs and
//! the selection name articles by id, never by their place in the list, so the list
//! can change while the reader is open.

use super::raw::RawMap;
use super::watch::file_of;
use crate::corpus::{Article, Corpus, Skipped};
use std::collections::HashMap;
use std::path::Path;
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
    /// Its file is gone from disk (it stays while shown).
    pub gone: bool,
}

impl Entry {
    fn new(id: ArticleId, article: Article) -> Self {
        Self {
            id,
            text: Arc::from(article.clean.as_str()),
            words: article.word_count(),
            raw_map: RawMap::new(&article.removals),
            article,
            gone: false,
        }
    }

    /// The file it was read from (its `source` less a record's `#N`).
    #[must_use]
    pub fn file(&self) -> &str {
        file_of(&self.article.source)
    }
}

/// What replacing one file's articles did, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replaced {
    /// Articles new to the reader.
    pub added: Vec<ArticleId>,
    /// Articles whose text or metadata changed (same id).
    pub changed: Vec<ArticleId>,
    /// Articles the file no longer holds; still listed until [`Articles::remove`]d.
    pub dropped: Vec<ArticleId>,
}

/// The articles in sidebar order, and the files that were skipped.
#[derive(Debug, Default)]
pub struct Articles {
    entries: Vec<Entry>,
    positions: HashMap<ArticleId, usize>,
    skipped: Vec<Skipped>,
    next: u32,
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
        let next = u32::try_from(entries.len()).unwrap_or(u32::MAX);
        let mut articles = Self {
            entries,
            positions: HashMap::new(),
            skipped: corpus.skipped,
            next,
        };
        articles.index();
        articles
    }

    fn index(&mut self) {
        self.positions = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
    }

    /// Puts `articles` read from `file` in place of the ones it held: an article at
    /// the same place in the file keeps its id, new ones join the list where the
    /// file sorts, the rest are reported dropped. `skipped` replaces what was
    /// skipped in the file before.
    pub fn replace_file(
        &mut self,
        file: &str,
        articles: Vec<Article>,
        skipped: Vec<Skipped>,
    ) -> Replaced {
        let of_file = |path: &str| file_of(path) == file;
        self.skipped.retain(|s| !of_file(&s.path));
        self.skipped.extend(skipped);
        let old: Vec<ArticleId> = self
            .iter()
            .filter(|e| e.file() == file)
            .map(|e| e.id)
            .collect();
        let mut replaced = Replaced::default();
        let mut fresh = articles.into_iter();
        for &id in &old {
            let Some(mut article) = fresh.next() else {
                replaced.dropped.push(id);
                continue;
            };
            let Some(at) = self.position(id) else {
                continue;
            };
            let entry = &mut self.entries[at];
            entry.gone = false;
            article.id.clone_from(&entry.article.id);
            if entry.article.raw != article.raw || entry.article.meta != article.meta {
                self.entries[at] = Entry::new(id, article);
                replaced.changed.push(id);
            }
        }
        for mut article in fresh {
            article.id = self.unique_id(&article.id);
            let id = ArticleId(self.next);
            self.next = self.next.saturating_add(1);
            // After the last file that sorts before it, as a folder walk would list it.
            let at = self
                .entries
                .iter()
                .rposition(|e| Path::new(e.file()) <= Path::new(file))
                .map_or(0, |i| i + 1);
            self.entries.insert(at, Entry::new(id, article));
            self.index();
            replaced.added.push(id);
        }
        replaced
    }

    /// Marks article `id` as gone from disk (kept while it is shown).
    pub fn mark_gone(&mut self, id: ArticleId) {
        if let Some(at) = self.position(id) {
            self.entries[at].gone = true;
        }
    }

    /// Takes article `id` off the list.
    pub fn remove(&mut self, id: ArticleId) {
        if let Some(at) = self.position(id) {
            self.entries.remove(at);
            self.index();
        }
    }

    /// `id`, or with the first `~N` suffix no other article has.
    fn unique_id(&self, id: &str) -> String {
        let taken = |candidate: &str| self.entries.iter().any(|e| e.article.id == candidate);
        if !taken(id) {
            return id.to_string();
        }
        // Of len + 1 suffixes at least one is free.
        (2..=self.entries.len() + 2)
            .map(|n| format!("{id}~{n}"))
            .find(|candidate| !taken(candidate))
            .unwrap_or_default()
    }

    /// Adds `articles` after the others, with the next ids (while loading: their
    /// ids are already unique among themselves).
    pub fn extend(&mut self, articles: Vec<Article>) {
        for article in articles {
            let id = ArticleId(self.next);
            self.next = self.next.saturating_add(1);
            self.positions.insert(id, self.entries.len());
            self.entries.push(Entry::new(id, article));
        }
    }

    /// Adds files skipped while loading.
    pub fn add_skipped(&mut self, skipped: Vec<Skipped>) {
        self.skipped.extend(skipped);
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
        Self::new(Corpus {
            articles: texts.iter().map(|text| article("", "", text)).collect(),
            skipped: Vec::new(),
        })
    }
}

/// An article from `source` with this id and clean text, and nothing else.
#[cfg(test)]
pub(crate) fn article(source: &str, id: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        source: source.into(),
        meta: crate::corpus::Meta::default(),
        raw: text.into(),
        clean: text.into(),
        removals: Vec::new(),
        warnings: Vec::new(),
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

    #[test]
    fn a_file_read_again_keeps_its_ids_and_new_files_join_in_walk_order() {
        let mut articles = Articles::new(Corpus {
            articles: vec![
                article("d/a.txt", "a", "one"),
                article("d/feed.jsonl#1", "feed#1", "two"),
                article("d/feed.jsonl#2", "feed#2", "three"),
                article("d/z.txt", "z", "four"),
            ],
            skipped: vec![Skipped {
                path: "d/feed.jsonl#3".into(),
                reason: "broken".into(),
            }],
        });
        let ids: Vec<ArticleId> = articles.ids().collect();
        let feed = vec![
            article("d/feed.jsonl#1", "feed#1", "two"),
            article("d/feed.jsonl#2", "feed#2", "three, edited"),
        ];
        let replaced = articles.replace_file("d/feed.jsonl", feed, Vec::new());
        assert_eq!(
            replaced,
            Replaced {
                changed: vec![ids[2]],
                ..Replaced::default()
            }
        );
        assert!(articles.skipped().is_empty(), "the file's old skip is gone");
        assert_eq!(
            articles.get(ids[2]).map(|e| &*e.text),
            Some("three, edited")
        );

        let new =
            articles.replace_file("d/m.txt", vec![article("d/m.txt", "a", "five")], Vec::new());
        assert_eq!(new.added.len(), 1);
        assert_eq!(
            articles.position(new.added[0]),
            Some(3),
            "after feed.jsonl, before z.txt"
        );
        let entry = articles.get(new.added[0]).unwrap();
        assert_eq!(entry.article.id, "a~2", "ids stay unique");
        assert!(!ids.contains(&new.added[0]), "ids are never reused");

        let gone = articles.replace_file("d/feed.jsonl", Vec::new(), Vec::new());
        assert_eq!(gone.dropped, [ids[1], ids[2]]);
        articles.mark_gone(ids[1]);
        articles.remove(ids[2]);
        assert!(articles.get(ids[1]).is_some_and(|e| e.gone));
        assert_eq!(articles.position(ids[3]), Some(3));
    }
}

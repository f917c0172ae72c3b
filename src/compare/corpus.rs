//! A corpus analysed once: one [`Document`] per article under one set of match
//! options, built on first need, and the analyses over several articles read from
//! them: disagreeing [`facts`](Analysed::facts), the [similarity map](Analysed::matrix)
//! and the [quote groups](Analysed::quote_groups). Every article index in their results
//! is a corpus index, also when only some of the corpus's articles are covered.

use super::Document;
use super::facts::{self, Dispute, Facts};
use super::matrix::{self, Matrix, MatrixOptions};
use super::quotes::{self, QuoteGroup};
use super::stories::{self, ArticleInfo, Stories};
use crate::corpus::Article;
use crate::text::MatchOptions;
use rayon::prelude::*;
use std::sync::OnceLock;

/// Articles of a corpus, analysed.
#[derive(Debug)]
pub struct Analysed<'t> {
    /// The clean texts covered, in corpus order.
    texts: Vec<&'t str>,
    /// Their documents, built when an analysis first needs them.
    docs: OnceLock<Vec<Document<'t>>>,
    /// Corpus index of each text, ascending.
    indices: Vec<usize>,
    /// Number of articles in the corpus (analysed or not).
    corpus_len: usize,
    /// The options the documents were analysed under.
    matching: MatchOptions,
    /// Id, title and date of each text, for the stories.
    info: Vec<ArticleInfo<'t>>,
    /// The stories, found when first asked for.
    stories: OnceLock<Stories>,
}

impl<'t> Analysed<'t> {
    /// Covers every article of a corpus.
    #[must_use]
    pub fn new(articles: &'t [Article], matching: &MatchOptions) -> Self {
        let texts: Vec<&str> = articles.iter().map(|a| a.clean.as_str()).collect();
        let info = articles.iter().map(info_of).collect();
        Self::of_texts(&texts, 0..texts.len(), matching).with_info(info)
    }

    /// The same, with the id, title and date of each covered text (in corpus order)
    /// for the stories; without, stories have no labels and ids from positions.
    #[must_use]
    pub fn with_info(mut self, info: Vec<ArticleInfo<'t>>) -> Self {
        if info.len() == self.texts.len() {
            self.info = info;
            self.stories = OnceLock::new();
        }
        self
    }

    /// Covers the articles at `indices` of a corpus whose clean texts are `texts`
    /// (indices out of range are skipped, repeats count once).
    #[must_use]
    pub fn of_texts(
        texts: &[&'t str],
        indices: impl IntoIterator<Item = usize>,
        matching: &MatchOptions,
    ) -> Self {
        let mut indices: Vec<usize> = indices.into_iter().filter(|&i| i < texts.len()).collect();
        indices.sort_unstable();
        indices.dedup();
        Self {
            texts: indices.iter().map(|&i| texts[i]).collect(),
            docs: OnceLock::new(),
            indices,
            corpus_len: texts.len(),
            matching: *matching,
            info: Vec::new(),
            stories: OnceLock::new(),
        }
    }

    /// The documents, analysed (in parallel) on the first call.
    #[must_use]
    pub fn documents(&self) -> &[Document<'t>] {
        self.docs.get_or_init(|| {
            self.texts
                .par_iter()
                .map(|text| Document::new(text, &self.matching))
                .collect()
        })
    }

    /// Names spelled differently, disputed figures and lone figures, comparing every
    /// covered article with every other (as for a pair, or a folder of one story).
    #[must_use]
    pub fn facts(&self) -> Facts {
        let mut facts = facts::find(self.documents());
        remap_facts(&mut facts, |i| self.indices.get(i).copied().unwrap_or(i));
        facts
    }

    /// The facts of each story of two or more articles, comparing articles within
    /// their story only: by story (its position in [`Self::stories`]), in corpus
    /// indices. The work grows with the stories, not with the square of the corpus.
    #[must_use]
    pub fn story_facts(&self) -> Vec<(usize, Facts)> {
        let docs = self.documents();
        self.stories()
            .stories
            .par_iter()
            .enumerate()
            .filter(|(_, story)| story.articles.len() > 1)
            .map(|(s, story)| {
                let members: Vec<&Document<'t>> = story
                    .articles
                    .iter()
                    .filter_map(|c| docs.get(self.indices.binary_search(c).ok()?))
                    .collect();
                let mut facts = facts::find(&members);
                remap_facts(&mut facts, |i| story.articles.get(i).copied().unwrap_or(i));
                (s, facts)
            })
            .filter(|(_, facts)| !facts.is_empty())
            .collect()
    }

    /// The similarity map under the default [`MatrixOptions`] (pairs with an article
    /// not covered count as 0); `progress` as in [`matrix::similarity_matrix`].
    /// It reads only words, so it does not build the documents when no other
    /// analysis has (only those of its top pairs).
    #[must_use]
    pub fn matrix(&self, progress: impl Fn(usize, usize) + Sync) -> Matrix {
        let mut matrix = self.position_matrix(progress);
        matrix.len = self.corpus_len;
        let scores = matrix
            .pairs
            .iter_mut()
            .chain(matrix.top.iter_mut().map(|t| &mut t.score));
        for score in scores {
            self.remap(&mut score.left);
            self.remap(&mut score.right);
        }
        matrix
    }

    /// The similarity map by position among the covered articles.
    fn position_matrix(&self, progress: impl Fn(usize, usize) + Sync) -> Matrix {
        let options = MatrixOptions {
            matching: self.matching,
            ..MatrixOptions::default()
        };
        match self.docs.get() {
            Some(docs) => matrix::document_matrix(docs, &options, progress),
            None => matrix::similarity_matrix(&self.texts, &options, progress),
        }
    }

    /// The quote groups, most carried first.
    #[must_use]
    pub fn quote_groups(&self) -> Vec<QuoteGroup> {
        let mut groups = quotes::groups(self.documents());
        for group in &mut groups {
            for occurrence in &mut group.occurrences {
                self.remap(&mut occurrence.article);
            }
            for credit in &mut group.speakers {
                credit.articles.iter_mut().for_each(|a| self.remap(a));
            }
        }
        groups
    }

    /// The stories of the covered articles, in corpus indices (found once, then kept).
    #[must_use]
    pub fn stories(&self) -> &Stories {
        self.stories.get_or_init(|| {
            let positions: Vec<String>;
            let info: Vec<ArticleInfo<'_>> = if self.info.is_empty() {
                positions = self.indices.iter().map(|i| (i + 1).to_string()).collect();
                positions
                    .iter()
                    .map(|id| ArticleInfo {
                        id,
                        ..ArticleInfo::default()
                    })
                    .collect()
            } else {
                self.info.clone()
            };
            let matrix = self.position_matrix(|_, _| {});
            let mut found = stories::find(self.documents(), &info, &matrix);
            for story in &mut found.stories {
                story.articles.iter_mut().for_each(|a| self.remap(a));
                self.remap(&mut story.anchor);
            }
            let mut of_article = vec![None; self.corpus_len];
            for (&corpus, story) in self.indices.iter().zip(&found.of_article) {
                if let Some(slot) = of_article.get_mut(corpus) {
                    *slot = *story;
                }
            }
            found.of_article = of_article;
            found
        })
    }

    /// Turns a position among the documents into its corpus index.
    fn remap(&self, position: &mut usize) {
        *position = self.indices.get(*position).copied().unwrap_or(*position);
    }
}

/// `facts` with every article index `i` turned into `to(i)`.
fn remap_facts(facts: &mut Facts, to: impl Fn(usize) -> usize) {
    for spelling in facts.names.iter_mut().flat_map(|n| n.spellings.iter_mut()) {
        spelling.articles.iter_mut().for_each(|a| *a = to(*a));
        for mention in &mut spelling.mentions {
            mention.article = to(mention.article);
        }
    }
    let disputed = facts.disputes.iter_mut().flat_map(Dispute::figures_mut);
    for figure in disputed.chain(&mut facts.lone_figures) {
        figure.article = to(figure.article);
    }
}

/// What the stories read of an article besides its text.
fn info_of(article: &Article) -> ArticleInfo<'_> {
    ArticleInfo {
        id: &article.id,
        title: &article.meta.title,
        date: article.meta.date.as_deref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 4] = [
        "Nothing to see here.",
        "“We will rebuild the harbor before the winter storms,” Marlow said. \
         Officials said Volodymyr Zelenskyy met the envoy in Kyiv on Tuesday.",
        "An unrelated text.",
        "“We will rebuild the harbor before the winter storms,” Marlow said. \
         Officials said Volodomyr Zelenskyy met the envoy in Kyiv on Tuesday.",
    ];

    #[test]
    fn results_of_a_selection_use_corpus_indices() {
        let analysed = Analysed::of_texts(&TEXTS, [3, 1], &MatchOptions::default());
        let spellings: Vec<usize> = analysed
            .facts()
            .names
            .iter()
            .flat_map(|n| n.spellings.iter().flat_map(|s| s.articles.clone()))
            .collect();
        assert_eq!(spellings, [1, 3]);
        let groups = analysed.quote_groups();
        assert_eq!(groups.len(), 1, "{groups:#?}");
        let carriers: Vec<usize> = groups[0].occurrences.iter().map(|o| o.article).collect();
        assert_eq!(carriers, [1, 3]);
        assert_eq!(groups[0].speakers[0].articles, [1, 3]);
        let matrix = analysed.matrix(|_, _| {});
        assert_eq!(matrix.len, TEXTS.len());
        assert!(matrix.similarity(1, 3) > 0.5);
        assert_eq!(
            matrix.top.first().map(|t| (t.score.left, t.score.right)),
            Some((1, 3))
        );
    }

    #[test]
    fn the_whole_corpus_matches_the_analyses_on_its_own() {
        let analysed = Analysed::of_texts(&TEXTS, 0..TEXTS.len(), &MatchOptions::default());
        let docs: Vec<Document<'_>> = TEXTS
            .iter()
            .map(|t| Document::new(t, &MatchOptions::default()))
            .collect();
        assert_eq!(analysed.facts(), facts::find(&docs));
        assert_eq!(analysed.quote_groups(), quotes::groups(&docs));
        let fresh = Analysed::of_texts(&TEXTS, 0..TEXTS.len(), &MatchOptions::default());
        assert_eq!(
            fresh.matrix(|_, _| {}),
            analysed.matrix(|_, _| {}),
            "from words alone or from the documents"
        );
        let options = MatrixOptions::default();
        assert_eq!(
            analysed.matrix(|_, _| {}),
            matrix::similarity_matrix(&TEXTS, &options, |_, _| {})
        );
    }
}

//! Analyses over several articles (disagreeing facts, the similarity map, the quote
//! tracker, the stories), run on the worker thread and cached by [`AnalysisKey`].

use super::articles::ArticleId;
use crate::compare::corpus::Analysed;
use crate::compare::facts::Facts;
use crate::compare::matrix::Matrix;
use crate::compare::quotes::QuoteGroup;
use crate::compare::stories::{ArticleInfo, Stories};
use crate::text::MatchOptions;
use std::sync::Arc;

/// Which articles an analysis covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Two articles (in id order).
    Pair(ArticleId, ArticleId),
    /// The articles of one story, named by a hash of their ids (see [`Scope::story`]).
    Story(u64),
    /// Every article.
    Corpus,
}

impl Scope {
    /// The scope of two articles, in either order.
    #[must_use]
    pub fn pair(a: ArticleId, b: ArticleId) -> Self {
        Self::Pair(a.min(b), a.max(b))
    }

    /// The scope of a story's articles: a new membership is a new scope.
    #[must_use]
    pub fn story(articles: &[ArticleId]) -> Self {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        articles.hash(&mut hasher);
        Self::Story(hasher.finish())
    }
}

/// What an analysis computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnalysisKind {
    /// Names spelled differently, conflicting and lone figures.
    Facts,
    /// Pair similarity and wire copy.
    Matrix,
    /// Quote groups and how each article carries them.
    Tracker,
    /// The events the articles report.
    Stories,
}

/// Which analysis: kind, scope and the ignore preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnalysisKey {
    /// What is computed.
    pub kind: AnalysisKind,
    /// Over which articles.
    pub scope: Scope,
    /// Index into the app's ignore presets.
    pub ignore: usize,
}

/// An analysis to run.
#[derive(Debug, Clone)]
pub struct AnalysisJob {
    /// What it is for.
    pub key: AnalysisKey,
    /// The articles covered, in sidebar order.
    pub articles: Vec<ArticleId>,
    /// Their clean texts, in the same order.
    pub texts: Vec<Arc<str>>,
    /// How words are matched.
    pub matching: MatchOptions,
    /// For the stories: each article's id, title and date, in the same order
    /// (empty for the other kinds).
    pub info: Vec<Info>,
}

/// What the stories read of an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Info {
    /// The article's id (file stem): a story's id derives from it.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The publication date.
    pub date: Option<String>,
}

/// What an analysis found; article indices are positions in the articles it covered.
#[derive(Debug, Clone, PartialEq)]
pub enum Analysis {
    /// Disagreeing facts.
    Facts(Facts),
    /// The similarity map.
    Matrix(Matrix),
    /// The quote groups, most carried first.
    Tracker(Vec<QuoteGroup>),
    /// The stories.
    Stories(Stories),
}

/// A finished analysis and the articles it covered.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    /// The articles covered: article index `i` in [`Self::analysis`] is `articles[i]`.
    pub articles: Vec<ArticleId>,
    /// What was found.
    pub analysis: Analysis,
}

impl AnalysisJob {
    /// Runs the analysis.
    #[must_use]
    pub fn run(&self) -> Findings {
        Findings {
            articles: self.articles.clone(),
            analysis: self.analyse(),
        }
    }

    /// What the job finds; article indices are positions in [`Self::texts`].
    fn analyse(&self) -> Analysis {
        let texts: Vec<&str> = self.texts.iter().map(AsRef::as_ref).collect();
        let info = self
            .info
            .iter()
            .map(|i| ArticleInfo {
                id: &i.id,
                title: &i.title,
                date: i.date.as_deref(),
            })
            .collect();
        let analysed = Analysed::of_texts(&texts, 0..texts.len(), &self.matching).with_info(info);
        match self.key.kind {
            AnalysisKind::Facts => Analysis::Facts(analysed.facts()),
            AnalysisKind::Matrix => Analysis::Matrix(analysed.matrix(|_, _| {})),
            AnalysisKind::Tracker => Analysis::Tracker(analysed.quote_groups()),
            AnalysisKind::Stories => Analysis::Stories(analysed.stories().clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::articles::Articles;

    #[test]
    fn pair_facts_name_the_articles_covered() {
        let texts = [
            "Nothing to see here.",
            "Officials said Volodymyr Zelenskyy met the envoy in Kyiv on Tuesday.",
            "An unrelated text.",
            "Officials said Volodomyr Zelenskyy met the envoy in Kyiv on Tuesday.",
        ];
        let articles = Articles::of_texts(&texts);
        let ids: Vec<ArticleId> = articles.ids().collect();
        let covered = vec![ids[1], ids[3]];
        let job = AnalysisJob {
            key: AnalysisKey {
                kind: AnalysisKind::Facts,
                scope: Scope::pair(ids[3], ids[1]),
                ignore: 0,
            },
            texts: covered
                .iter()
                .filter_map(|&id| articles.get(id))
                .map(|e| Arc::clone(&e.text))
                .collect(),
            articles: covered.clone(),
            matching: MatchOptions::default(),
            info: Vec::new(),
        };
        let findings = job.run();
        let Analysis::Facts(facts) = &findings.analysis else {
            panic!("facts asked, facts answered");
        };
        let named: Vec<ArticleId> = facts
            .names
            .iter()
            .flat_map(|n| n.spellings.iter().flat_map(|s| s.articles.clone()))
            .map(|i| findings.articles[i])
            .collect();
        assert_eq!(named, covered);
    }
}

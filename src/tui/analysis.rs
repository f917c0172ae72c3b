//! Analyses over several articles (disagreeing facts, the similarity map, the quote
//! tracker), run on the worker thread and cached by [`AnalysisKey`].

use crate::compare::corpus::Analysed;
use crate::compare::facts::Facts;
use crate::compare::matrix::Matrix;
use crate::compare::quotes::QuoteGroup;
use crate::text::MatchOptions;
use std::sync::Arc;

/// Which articles an analysis covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Two articles (corpus indices, smaller first).
    Pair(usize, usize),
    /// Every article.
    Corpus,
}

impl Scope {
    /// The scope of two articles, in either order.
    #[must_use]
    pub fn pair(a: usize, b: usize) -> Self {
        Self::Pair(a.min(b), a.max(b))
    }

    /// Corpus indices of the articles covered, ascending.
    #[must_use]
    pub fn articles(self, len: usize) -> Vec<usize> {
        match self {
            Self::Pair(a, b) if a == b => vec![a],
            Self::Pair(a, b) => vec![a, b],
            Self::Corpus => (0..len).collect(),
        }
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
    /// The clean text of every article of the corpus.
    pub texts: Arc<Vec<String>>,
    /// How words are matched.
    pub matching: MatchOptions,
}

/// A finished analysis; article indices are corpus indices.
#[derive(Debug, Clone, PartialEq)]
pub enum Analysis {
    /// Disagreeing facts.
    Facts(Facts),
    /// The similarity map.
    Matrix(Matrix),
    /// The quote groups, most carried first.
    Tracker(Vec<QuoteGroup>),
}

impl AnalysisJob {
    /// Runs the analysis.
    #[must_use]
    pub fn run(&self) -> Analysis {
        let texts: Vec<&str> = self.texts.iter().map(String::as_str).collect();
        let articles = self.key.scope.articles(texts.len());
        let analysed = Analysed::of_texts(&texts, articles, &self.matching);
        match self.key.kind {
            AnalysisKind::Facts => Analysis::Facts(analysed.facts()),
            AnalysisKind::Matrix => Analysis::Matrix(analysed.matrix(|_, _| {})),
            AnalysisKind::Tracker => Analysis::Tracker(analysed.quote_groups()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_facts_use_corpus_indices() {
        let texts = vec![
            "Nothing to see here.".to_string(),
            "Officials said Volodymyr Zelenskyy met the envoy in Kyiv on Tuesday.".to_string(),
            "An unrelated text.".to_string(),
            "Officials said Volodomyr Zelenskyy met the envoy in Kyiv on Tuesday.".to_string(),
        ];
        let job = AnalysisJob {
            key: AnalysisKey {
                kind: AnalysisKind::Facts,
                scope: Scope::pair(3, 1),
                ignore: 0,
            },
            texts: Arc::new(texts),
            matching: MatchOptions::default(),
        };
        let Analysis::Facts(facts) = job.run() else {
            panic!("facts asked, facts answered");
        };
        let articles: Vec<usize> = facts
            .names
            .iter()
            .flat_map(|n| n.spellings.iter().flat_map(|s| s.articles.clone()))
            .collect();
        assert_eq!(articles, vec![1, 3]);
    }
}

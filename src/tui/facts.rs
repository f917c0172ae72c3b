//! Disagreeing facts as rows of the `f` list: what kind, the words or figures that
//! differ, the outlets, and the sentences Enter jumps to.

use super::articles::{ArticleId, Articles};
use crate::compare::facts::{ConflictKind, Facts, Figure, NameVariants};
use crate::present::one_line;
use std::ops::Range;

/// What a fact row reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// A name spelled differently.
    Name,
    /// Different figures for the same thing.
    Value,
    /// The same figure for different things.
    Object,
    /// A figure only one article states.
    Lone,
}

impl FactKind {
    /// Short label for the list.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Value => "figure",
            Self::Object => "object",
            Self::Lone => "only",
        }
    }
}

/// A sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The article.
    pub article: ArticleId,
    /// Byte span of the sentence in its clean text.
    pub sentence: Range<usize>,
}

/// One row of the facts list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactItem {
    /// What it reports.
    pub kind: FactKind,
    /// The differing words or figures as written (`Volodomyr`, `Volodymyr`).
    pub words: Vec<String>,
    /// Articles involved, in the order of those the facts were found over.
    pub articles: Vec<ArticleId>,
    /// The sentences to show: two for a disagreement, one for a lone figure.
    pub places: Vec<Place>,
}

/// The rows for `facts` found over `covered` (the articles its indices name, texts
/// in `articles`): names, then conflicts, then lone figures.
#[must_use]
pub fn items(facts: &Facts, covered: &[ArticleId], articles: &Articles) -> Vec<FactItem> {
    let found = Found { covered, articles };
    let figure = |f: &Figure| -> String {
        let unit = f
            .unit
            .as_ref()
            .map(|u| format!(" {}", found.text(f.article, u)))
            .unwrap_or_default();
        format!("{}{unit}", found.text(f.article, &f.span))
    };
    let mut out: Vec<FactItem> = facts.names.iter().map(|n| name_item(n, &found)).collect();
    out.extend(facts.disputes.iter().map(|d| {
        // One figure per side stands for it: the first article stating it.
        let figures: Vec<&Figure> = d.sides.iter().filter_map(|side| side.first()).collect();
        FactItem {
            kind: match d.kind {
                ConflictKind::DifferentValue => FactKind::Value,
                ConflictKind::DifferentObject => FactKind::Object,
            },
            words: figures.iter().map(|f| figure(f)).collect(),
            articles: found.involved(d.figures().map(|f| f.article)),
            places: figures.iter().filter_map(|f| found.place(f)).collect(),
        }
    }));
    out.extend(facts.lone_figures.iter().map(|f| FactItem {
        kind: FactKind::Lone,
        words: vec![figure(f)],
        articles: found.involved([f.article]),
        places: found.place(f).into_iter().collect(),
    }));
    out
}

/// Facts' article indices (positions in `covered`) turned into articles.
struct Found<'a> {
    covered: &'a [ArticleId],
    articles: &'a Articles,
}

impl Found<'_> {
    fn id(&self, index: usize) -> Option<ArticleId> {
        self.covered.get(index).copied()
    }

    /// The words of `span` in article `index`, on one line.
    fn text(&self, index: usize, span: &Range<usize>) -> String {
        one_line(
            self.id(index)
                .and_then(|id| self.articles.article(id))
                .and_then(|a| a.clean.get(span.clone()))
                .unwrap_or(""),
        )
    }

    /// The articles of `indices`, each once, in covered order.
    fn involved(&self, indices: impl IntoIterator<Item = usize>) -> Vec<ArticleId> {
        let mut indices: Vec<usize> = indices.into_iter().collect();
        indices.sort_unstable();
        indices.dedup();
        indices.into_iter().filter_map(|i| self.id(i)).collect()
    }

    fn place(&self, f: &Figure) -> Option<Place> {
        Some(Place {
            article: self.id(f.article)?,
            sentence: f.sentence.clone(),
        })
    }
}

/// A name row: each spelling as first written; the places are the first use of the
/// first spelling and the first use of another spelling in a different article.
fn name_item(group: &NameVariants, found: &Found<'_>) -> FactItem {
    let words = group
        .spellings
        .iter()
        .map(|s| {
            s.mentions
                .first()
                .map_or_else(|| s.key.clone(), |m| found.text(m.article, &m.span))
        })
        .collect();
    let first = group.spellings.first().and_then(|s| s.mentions.first());
    let other = first.and_then(|f| {
        group
            .spellings
            .iter()
            .skip(1)
            .flat_map(|s| s.mentions.iter())
            .find(|m| m.article != f.article)
    });
    let places = first
        .into_iter()
        .chain(other)
        .filter_map(|m| {
            Some(Place {
                article: found.id(m.article)?,
                sentence: m.sentence.clone(),
            })
        })
        .collect();
    FactItem {
        kind: FactKind::Name,
        words,
        articles: found.involved(
            group
                .spellings
                .iter()
                .flat_map(|s| s.articles.iter().copied()),
        ),
        places,
    }
}

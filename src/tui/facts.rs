//! Disagreeing facts as rows of the `f` list: what kind, the words or figures that
//! differ, the outlets, and the sentences Enter jumps to.

use crate::compare::facts::{ConflictKind, Facts, Figure, NameVariants};
use crate::corpus::Article;
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
    /// Corpus index of the article.
    pub article: usize,
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
    /// Articles involved, ascending.
    pub articles: Vec<usize>,
    /// The sentences to show: two for a disagreement, one for a lone figure.
    pub places: Vec<Place>,
}

/// The rows for `facts` found over `articles`: names, then conflicts, then lone figures.
#[must_use]
pub fn items(facts: &Facts, articles: &[Article]) -> Vec<FactItem> {
    let text = |article: usize, span: &Range<usize>| -> String {
        articles
            .get(article)
            .and_then(|a| a.clean.get(span.clone()))
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let figure = |f: &Figure| -> String {
        let unit = f
            .unit
            .as_ref()
            .map(|u| format!(" {}", text(f.article, u)))
            .unwrap_or_default();
        format!("{}{unit}", text(f.article, &f.span))
    };
    let mut out: Vec<FactItem> = facts.names.iter().map(|n| name_item(n, &text)).collect();
    out.extend(facts.conflicts.iter().map(|c| {
        let figures = [&c.figures.left, &c.figures.right];
        let mut involved: Vec<usize> = figures.iter().map(|f| f.article).collect();
        involved.sort_unstable();
        involved.dedup();
        FactItem {
            kind: match c.kind {
                ConflictKind::DifferentValue => FactKind::Value,
                ConflictKind::DifferentObject => FactKind::Object,
            },
            words: figures.iter().map(|f| figure(f)).collect(),
            articles: involved,
            places: figures.iter().map(|f| place(f)).collect(),
        }
    }));
    out.extend(facts.lone_figures.iter().map(|f| FactItem {
        kind: FactKind::Lone,
        words: vec![figure(f)],
        articles: vec![f.article],
        places: vec![place(f)],
    }));
    out
}

fn place(f: &Figure) -> Place {
    Place {
        article: f.article,
        sentence: f.sentence.clone(),
    }
}

/// A name row: each spelling as first written; the places are the first use of the
/// first spelling and the first use of another spelling in a different article.
fn name_item(group: &NameVariants, text: &impl Fn(usize, &Range<usize>) -> String) -> FactItem {
    let words = group
        .spellings
        .iter()
        .map(|s| {
            s.mentions
                .first()
                .map_or_else(|| s.key.clone(), |m| text(m.article, &m.span))
        })
        .collect();
    let mut involved: Vec<usize> = group
        .spellings
        .iter()
        .flat_map(|s| s.articles.iter().copied())
        .collect();
    involved.sort_unstable();
    involved.dedup();
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
        .map(|m| Place {
            article: m.article,
            sentence: m.sentence.clone(),
        })
        .collect();
    FactItem {
        kind: FactKind::Name,
        words,
        articles: involved,
        places,
    }
}

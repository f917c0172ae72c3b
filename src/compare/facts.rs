//! Disagreeing facts across a corpus: proper names spelled differently, figures
//! that conflict about the same thing, and large figures only one article states.
//!
//! Conservative by design: a false alarm costs the reader more than a miss, so every
//! rule asks for shared context before it reports, and every item carries its
//! evidence (article index, sentence span, the spans of the words involved).

mod conflicts;
mod context;
mod figures;
mod names;
mod numbers;
mod union_find;

use super::Document;
use serde::Serialize;
use std::borrow::Borrow;
use std::ops::Range;

pub use conflicts::MIN_SHARED_CONTEXT_WORDS;
pub use figures::LARGE_FIGURE;
pub use names::{LONG_NAME_CHARS, MIN_SHARED_NAME_CONTEXT_WORDS};

/// Everything [`find`] reports about a corpus (or one story of it).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facts {
    /// Names spelled differently across articles, one group per name.
    pub names: Vec<NameVariants>,
    /// Facts the articles state differently: one per disputed fact, with every
    /// article on each side.
    pub disputes: Vec<Dispute>,
    /// Money amounts and large counts that no other article states.
    pub lone_figures: Vec<Figure>,
}

/// One occurrence of a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameMention {
    /// Index of the article in the slice given to [`find`].
    pub article: usize,
    /// Byte span of the sentence.
    pub sentence: Range<usize>,
    /// Byte span of the word spelled this way (without a possessive `’s`).
    pub span: Range<usize>,
    /// Byte span of the whole name the word belongs to (`Volodomyr Zelensky`).
    pub name: Range<usize>,
}

/// One spelling of a name and where it is used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spelling {
    /// The spelling's folded key (lower case, letters only).
    pub key: String,
    /// Articles using this spelling, ascending.
    pub articles: Vec<usize>,
    /// Every occurrence, in article and text order.
    pub mentions: Vec<NameMention>,
}

/// One name written in two or more ways across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameVariants {
    /// The spellings, in order of first appearance.
    pub spellings: Vec<Spelling>,
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// An amount with a currency (`$126 billion`, `€50 billion`).
    Money,
    /// A percentage (`5%`, `2 percent`).
    Percent,
    /// A calendar year (`2014`).
    Year,
    /// A day of a month (`Feb. 12`); the value is `month × 100 + day`.
    Date,
    /// Any other number (`57 member states`, `three years`).
    Count,
}

/// An amount of money or a number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    /// The number with its multiplier applied (`$1.5 billion` → 1.5e9).
    pub value: f64,
    /// The currency sign, when it is money (`$`, `€`).
    pub currency: Option<String>,
}

/// A number stated in an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Index of the article in the slice given to [`find`].
    pub article: usize,
    /// Byte span of the sentence.
    pub sentence: Range<usize>,
    /// Byte span of the figure (`$126 billion`, `€50 billion ($51.9 billion)`).
    pub span: Range<usize>,
    /// Byte span of what it counts, when the text says (`of their budgets`, `people`).
    pub unit: Option<Range<usize>>,
    /// What kind of number it is.
    pub kind: FigureKind,
    /// Its value and currency.
    pub amount: Amount,
    /// A conversion given in parentheses (`($51.9 billion)`).
    pub converted: Option<Amount>,
}

/// How two figures disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Different numbers for the same thing (`12 people` / `14 people` died).
    DifferentValue,
    /// The same number for different things (`5% of their GDP` / `5% of their budgets`).
    DifferentObject,
}

/// One fact the articles state differently: the figures on each side of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dispute {
    /// How the sides disagree.
    pub kind: ConflictKind,
    /// Each side's figures, one per article, by article (a side states one value, or
    /// speaks of one thing); sides in order of their first article. At least two.
    pub sides: Vec<Vec<Figure>>,
    /// Content words the sentences share (the evidence they speak of one thing).
    pub shared_words: Vec<String>,
}

impl Dispute {
    /// Every figure of every side.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.sides.iter().flatten()
    }

    /// Every figure of every side, to change.
    pub fn figures_mut(&mut self) -> impl Iterator<Item = &mut Figure> {
        self.sides.iter_mut().flatten()
    }
}

/// Finds names, conflicting figures and lone figures across `docs`; an article is
/// identified by its index in `docs`. Works for a pair as for a whole corpus.
#[must_use]
pub fn find<'a, D: Borrow<Document<'a>>>(docs: &[D]) -> Facts {
    let docs: Vec<&Document<'a>> = docs.iter().map(Borrow::borrow).collect();
    let analysed: Vec<context::Analysed<'_>> =
        docs.iter().map(|doc| context::Analysed::new(doc)).collect();
    let found = figures::collect(&analysed);
    Facts {
        names: names::variants(&analysed),
        disputes: conflicts::disputes(&found),
        lone_figures: figures::lone(&found, analysed.len()),
    }
}

impl Facts {
    /// Whether nothing was found.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.disputes.is_empty() && self.lone_figures.is_empty()
    }
}

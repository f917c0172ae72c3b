//! Figures two articles state differently about the same thing.
//!
//! Candidate pairs come from buckets (same value and frame; a unit word's stem or
//! acronym; for years and dates a close-context word's stem), so the cost follows
//! the pairs that could conflict, not the square of all figures.

use super::figures::{Found, value_key};
use super::{ConflictKind, FigureConflict, FigureKind};
use crate::pair::Pair;
use std::collections::{BTreeSet, HashMap};

/// Content words (besides the figures and what they count) two sentences must share
/// before their figures are taken to speak of the same thing.
pub const MIN_SHARED_CONTEXT_WORDS: usize = 3;
/// Close-context words two figures with a unit must share.
const MIN_SHARED_LOCAL_WORDS: usize = 1;
/// Close-context words two years or dates must share (they have no unit to match).
const MIN_SHARED_LOCAL_WORDS_UNITLESS: usize = 2;
/// Leading characters of a word that bucket it: words [`super::context::same_word`]
/// calls equal share them.
const STEM_CHARS: usize = 4;

/// Pairs of figures in different articles that disagree about the same thing, in
/// order of the first figure, then the second.
pub(super) fn conflicts(found: &[Found<'_>]) -> Vec<FigureConflict> {
    let mut by_article: HashMap<usize, Vec<&Found<'_>>> = HashMap::new();
    for f in found {
        by_article.entry(f.figure.article).or_default().push(f);
    }
    candidates(found)
        .into_iter()
        .filter_map(|(a, b)| Some((found.get(a)?, found.get(b)?)))
        .filter_map(|(x, y)| conflict(&by_article, x, y))
        .collect()
}

/// Index pairs `(a, b)`, `a < b`, of figures of one kind in different articles that
/// share a bucket.
fn candidates(found: &[Found<'_>]) -> BTreeSet<(usize, usize)> {
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        for key in bucket_keys(f) {
            buckets.entry(key).or_default().push(i);
        }
    }
    let mut pairs = BTreeSet::new();
    for members in buckets.values() {
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                let (Some(x), Some(y)) = (found.get(a), found.get(b)) else {
                    continue;
                };
                if x.figure.article != y.figure.article && x.figure.kind == y.figure.kind {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs
}

/// The buckets a figure goes in; two figures that may conflict share at least one.
fn bucket_keys(f: &Found<'_>) -> Vec<String> {
    let kind = f.figure.kind;
    let mut keys = Vec::new();
    if !f.frame.is_empty() && !f.unit.is_empty() {
        let frame = f.frame.join(" ");
        keys.extend(
            f.amounts()
                .map(|a| format!("value|{kind:?}|{}|{frame}", value_key(a.value))),
        );
    }
    if matches!(kind, FigureKind::Year | FigureKind::Date) {
        keys.extend(f.local.iter().map(|w| format!("near|{kind:?}|{}", stem(w))));
        return keys;
    }
    keys.extend(f.unit.iter().map(|w| format!("unit|{kind:?}|{}", stem(w))));
    keys.extend(f.unit.iter().map(|w| format!("acronym|{kind:?}|{w}")));
    let initials: Vec<char> = f.unit.iter().filter_map(|w| w.chars().next()).collect();
    for start in 0..initials.len() {
        for end in start + 2..=initials.len() {
            let acronym: String = initials[start..end].iter().collect();
            keys.push(format!("acronym|{kind:?}|{acronym}"));
        }
    }
    keys
}

fn stem(word: &str) -> &str {
    word.char_indices()
        .nth(STEM_CHARS)
        .map_or(word, |(b, _)| &word[..b])
}

fn conflict(
    by_article: &HashMap<usize, Vec<&Found<'_>>>,
    x: &Found<'_>,
    y: &Found<'_>,
) -> Option<FigureConflict> {
    let unitless = matches!(x.figure.kind, FigureKind::Year | FigureKind::Date);
    let kind = if x.same_number(y) {
        let different_object = !x.frame.is_empty()
            && x.frame == y.frame
            && !x.unit.is_empty()
            && !y.unit.is_empty()
            && !x.same_unit(y)
            && !states_object_of(by_article, x.figure.article, y)
            && !states_object_of(by_article, y.figure.article, x);
        different_object.then_some(ConflictKind::DifferentObject)?
    } else {
        let different_value = (unitless || x.same_unit(y))
            && !x.hedged
            && !y.hedged
            && !states_number_of(by_article, x.figure.article, y)
            && !states_number_of(by_article, y.figure.article, x);
        different_value.then_some(ConflictKind::DifferentValue)?
    };
    let local = super::context::shared_words(&x.local, &y.local).len();
    let needed = if unitless && kind == ConflictKind::DifferentValue {
        MIN_SHARED_LOCAL_WORDS_UNITLESS
    } else {
        MIN_SHARED_LOCAL_WORDS
    };
    if local < needed {
        return None;
    }
    let shared = super::context::shared_words(&x.context, &y.context);
    if shared.len() < MIN_SHARED_CONTEXT_WORDS {
        return None;
    }
    Some(FigureConflict {
        kind,
        figures: Pair::new(x.figure.clone(), y.figure.clone()),
        shared_words: shared.into_iter().map(str::to_string).collect(),
    })
}

/// Whether `article` also states `figure`'s number somewhere (as the same kind):
/// then the two articles carry both numbers and do not disagree.
fn states_number_of(
    by_article: &HashMap<usize, Vec<&Found<'_>>>,
    article: usize,
    figure: &Found<'_>,
) -> bool {
    by_article.get(&article).is_some_and(|figures| {
        figures
            .iter()
            .any(|f| f.figure.kind == figure.figure.kind && f.same_number(figure))
    })
}

/// Whether `article` also states `figure`'s number for the same thing (same frame and
/// unit): then it does not disagree with the article `figure` comes from.
fn states_object_of(
    by_article: &HashMap<usize, Vec<&Found<'_>>>,
    article: usize,
    figure: &Found<'_>,
) -> bool {
    by_article.get(&article).is_some_and(|figures| {
        figures.iter().any(|f| {
            f.figure.kind == figure.figure.kind
                && f.same_number(figure)
                && f.frame == figure.frame
                && f.same_unit(figure)
        })
    })
}

//! Figures the articles state differently about the same thing, one dispute per fact.
//!
//! Candidate pairs come from buckets (same value and frame; a unit word's stem or
//! acronym; for years and dates a close-context word's stem), so the cost follows
//! the pairs that could conflict, not the square of all figures. Conflicting pairs of
//! one kind that share figures are one dispute; its figures fall into sides by value
//! (different figures for one thing) or by what they count (one figure for different
//! things).

use super::figures::{Found, value_key};
use super::union_find::UnionFind;
use super::{ConflictKind, Dispute, FigureKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// Two figures (indices into the found figures) that disagree.
struct Conflict {
    figures: (usize, usize),
    kind: ConflictKind,
    shared_words: Vec<String>,
}

/// The disputes among `found`, in order of their first figure.
pub(super) fn disputes(found: &[Found<'_>]) -> Vec<Dispute> {
    let mut by_article: HashMap<usize, Vec<&Found<'_>>> = HashMap::new();
    for f in found {
        by_article.entry(f.figure.article).or_default().push(f);
    }
    let conflicts: Vec<Conflict> = candidates(found)
        .into_iter()
        .filter_map(|(a, b)| {
            let (kind, shared_words) = conflict(&by_article, found.get(a)?, found.get(b)?)?;
            Some(Conflict {
                figures: (a, b),
                kind,
                shared_words,
            })
        })
        .collect();
    let mut out: Vec<Dispute> = [ConflictKind::DifferentValue, ConflictKind::DifferentObject]
        .into_iter()
        .flat_map(|kind| group(found, &conflicts, kind))
        .collect();
    out.sort_by_key(|d| {
        d.figures()
            .map(|f| (f.article, f.span.start))
            .min()
            .unwrap_or((usize::MAX, usize::MAX))
    });
    out
}

/// The disputes of one kind: conflicts sharing a figure joined, their figures put in
/// sides (by value, or by what they count), one figure per article and side.
fn group(found: &[Found<'_>], conflicts: &[Conflict], kind: ConflictKind) -> Vec<Dispute> {
    let mut sets = UnionFind::new(found.len());
    let of_kind: Vec<&Conflict> = conflicts.iter().filter(|c| c.kind == kind).collect();
    for c in &of_kind {
        sets.union(c.figures.0, c.figures.1);
    }
    let mut components: BTreeMap<usize, (BTreeSet<usize>, Vec<String>)> = BTreeMap::new();
    for c in &of_kind {
        let (members, words) = components.entry(sets.find(c.figures.0)).or_default();
        members.extend([c.figures.0, c.figures.1]);
        for w in &c.shared_words {
            if !words.contains(w) {
                words.push(w.clone());
            }
        }
    }
    components
        .into_values()
        .filter_map(|(members, shared_words)| {
            let mut sides: Vec<Vec<&Found<'_>>> = Vec::new();
            for f in members.iter().filter_map(|&i| found.get(i)) {
                let agrees = |side: &Vec<&Found<'_>>| {
                    side.first().is_some_and(|s| match kind {
                        ConflictKind::DifferentValue => s.same_number(f),
                        ConflictKind::DifferentObject => s.same_unit(f),
                    })
                };
                match sides.iter_mut().find(|side| agrees(side)) {
                    Some(side) if side.iter().any(|s| s.figure.article == f.figure.article) => {}
                    Some(side) => side.push(f),
                    None => sides.push(vec![f]),
                }
            }
            (sides.len() > 1).then(|| Dispute {
                kind,
                sides: sides
                    .into_iter()
                    .map(|side| side.into_iter().map(|f| f.figure.clone()).collect())
                    .collect(),
                shared_words,
            })
        })
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

/// How figures `x` and `y` (of different articles) disagree, with the content words
/// their sentences share; `None` when they do not.
fn conflict(
    by_article: &HashMap<usize, Vec<&Found<'_>>>,
    x: &Found<'_>,
    y: &Found<'_>,
) -> Option<(ConflictKind, Vec<String>)> {
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
    Some((kind, shared.into_iter().map(str::to_string).collect()))
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

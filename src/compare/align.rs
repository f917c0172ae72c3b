//! Sentence alignment across a pair, in any order.
//!
//! Each sentence is described by the set of its content-word ids (fuzzy variants
//! merged: [`PairKeys::diff_ids`]); two sentences are as similar as the Dice overlap of their sets, each word weighted by how
//! rare it is across the pair's sentences. Candidate partners come from
//! an inverted index (so big texts stay near-linear), pairs are taken greedily
//! from the most similar down, and a pair grows to one-to-two when an adjacent
//! unpaired sentence of either side is mostly contained in the facing sentence and
//! makes the pair more similar (a split sentence).

mod carry;
mod features;

use super::Document;
use super::keys::PairKeys;
use crate::pair::{Pair, Side};
use crate::text::{KeyId, Token};
use carry::Carried;
use features::{Features, Postings, containment, union};
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

/// Least similarity for two sentences to face each other; below it a sentence
/// is "only in this article".
pub const MIN_SENTENCE_SIMILARITY: f64 = 0.35;

/// Least share of an adjacent free sentence's content words found in the facing
/// sentence for the pair to take it in (one-to-two: a split sentence).
pub const SPLIT_MIN_CONTAINMENT: f64 = 0.5;

/// Content words found in more sentences than this are not used to find
/// candidate partners (they would make the search quadratic).
const MAX_POSTINGS: usize = 64;

/// A sentence with words: its byte span and token range.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Token indices; the units of a document partition all its tokens.
    pub words: Range<usize>,
}

/// Splits a document's tokens by sentence; sentences without words are dropped.
pub(crate) fn units(doc: &Document<'_>) -> Vec<Unit> {
    let tokens = &doc.tokens;
    let mut out: Vec<Unit> = Vec::new();
    let mut cursor = 0;
    for sentence in &doc.sentences {
        let start = first_at(tokens, cursor, sentence.span.start);
        let end = first_at(tokens, start, sentence.span.end);
        cursor = start;
        if start < end {
            out.push(Unit {
                span: sentence.span.clone(),
                words: start..end,
            });
        }
    }
    // Make the units a partition of all tokens, whatever the sentence splitter did.
    let n = tokens.len();
    let count = out.len();
    for i in 0..count {
        let start = if i == 0 { 0 } else { out[i - 1].words.end };
        let end = out.get(i + 1).map_or(n, |next| next.words.start);
        let unit = &mut out[i];
        unit.words = start..end.max(start);
    }
    if out.is_empty() && n > 0 {
        out.push(Unit {
            span: 0..0,
            words: 0..n,
        });
    }
    for unit in &mut out {
        if let (Some(first), Some(last)) = (
            tokens.get(unit.words.start),
            unit.words.end.checked_sub(1).and_then(|e| tokens.get(e)),
        ) {
            unit.span = unit.span.start.min(first.span.start)..unit.span.end.max(last.span.end);
        }
    }
    out
}

/// The first token (of `tokens`, in text order) starting at or after byte `at`:
/// `tokens.partition_point(|t| t.span.start < at)`, walked from `from` when every
/// token before `from` starts before `at` (sentences come in order: each walk is short).
fn first_at(tokens: &[Token], from: usize, at: usize) -> usize {
    let walkable = from <= tokens.len()
        && from
            .checked_sub(1)
            .is_none_or(|before| tokens[before].span.start < at);
    if !walkable {
        return tokens.partition_point(|t| t.span.start < at);
    }
    from + tokens[from..]
        .iter()
        .take_while(|t| t.span.start < at)
        .count()
}

/// Sentences of each side (unit index ranges) facing each other.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Unit indices of each side.
    pub units: Pair<Range<usize>>,
    /// Weighted Dice overlap of their content words.
    pub similarity: f64,
}

/// Candidate partners above [`MIN_SENTENCE_SIMILARITY`], as (similarity, left,
/// right), among the sentences not yet `taken`.
fn candidates(
    feats: &Features,
    postings: &Postings,
    taken: &Pair<Vec<bool>>,
) -> Vec<(f64, usize, usize)> {
    let sets = &feats.sets;
    let masses: Vec<f64> = sets.right.iter().map(|s| feats.mass(s)).collect();
    let mut shared = vec![0.0f64; sets.right.len()];
    let mut touched = Vec::new();
    let mut out = Vec::new();
    // A sentence repeated on the left (same word set) has the candidates of its
    // first occurrence: they are found once per distinct set.
    let mut first: HashMap<&[KeyId], Range<usize>> = HashMap::new();
    for (l, set) in sets.left.iter().enumerate() {
        if taken.left[l] {
            continue;
        }
        if let Some(found) = first.get(set) {
            let copies: Vec<(f64, usize, usize)> = out[found.clone()]
                .iter()
                .map(|&(s, _, r)| (s, l, r))
                .collect();
            out.extend(copies);
            continue;
        }
        let start = out.len();
        let mut skipped = 0.0;
        for &id in set {
            let posting = postings.of(id);
            if posting.len() > MAX_POSTINGS {
                skipped += feats.weight(id);
                continue;
            }
            for &r in posting {
                if taken.right[r] {
                    continue;
                }
                if shared[r] <= 0.0 {
                    touched.push(r);
                }
                shared[r] += feats.weight(id).max(f64::MIN_POSITIVE);
            }
        }
        let mass = feats.mass(set);
        for &r in &touched {
            let bound = 2.0 * (shared[r] + skipped) / (mass + masses[r]).max(f64::MIN_POSITIVE);
            if bound >= MIN_SENTENCE_SIMILARITY {
                let similarity = feats.dice(set, sets.right.get(r));
                if similarity >= MIN_SENTENCE_SIMILARITY {
                    out.push((similarity, l, r));
                }
            }
            shared[r] = 0.0;
        }
        touched.clear();
        first.insert(set, start..out.len());
    }
    out
}

/// How far apart two sentences sit, as the difference of their relative positions.
fn drift(n: Pair<usize>, l: usize, r: usize) -> f64 {
    let n = n.map(|n| n.max(1));
    (l as f64 / n.left as f64 - r as f64 / n.right as f64).abs()
}

/// Pairs sentences one-to-one, most similar first, then grows pairs to one-to-two.
/// The `carried` pairs are taken as they are (see [`carry`]).
fn groups(feats: &Features, postings: &Postings, carried: Carried) -> Vec<Group> {
    let n = feats.sets.as_ref().map(features::Sets::len);
    let Carried {
        groups: mut out,
        mut taken,
    } = carried;
    // Most similar first, then nearest, then the earlier left sentence, then the
    // candidates' order (a stable sort's): similarities are positive and drifts never
    // negative, so their bits sort as `total_cmp` does, and the keys are distinct.
    let mut edges: Vec<(u64, u64, usize, usize, f64, usize)> = candidates(feats, postings, &taken)
        .into_iter()
        .enumerate()
        .map(|(index, (similarity, l, r))| {
            let nearness = drift(n, l, r).to_bits();
            (!similarity.to_bits(), nearness, l, index, similarity, r)
        })
        .collect();
    edges.sort_unstable_by_key(|&(similar, near, l, index, _, _)| (similar, near, l, index));
    let carried = out.len();
    for (_, _, l, _, similarity, r) in edges {
        if taken.left[l] || taken.right[r] {
            continue;
        }
        taken.left[l] = true;
        taken.right[r] = true;
        out.push(Group {
            units: Pair::new(l..l + 1, r..r + 1),
            similarity,
        });
    }
    // A carried pair has similarity 1, which no grown pair exceeds.
    for group in out.iter_mut().skip(carried) {
        grow(group, feats, &mut taken);
    }
    out
}

/// Takes in the best adjacent free sentence of either side that is mostly
/// contained in the facing sentence (see [`SPLIT_MIN_CONTAINMENT`]) and raises
/// the pair's similarity.
fn grow(group: &mut Group, feats: &Features, taken: &mut Pair<Vec<bool>>) {
    let sets = &feats.sets;
    let (l, r) = (group.units.left.start, group.units.right.start);
    let mut best: Option<(f64, Pair<Range<usize>>)> = None;
    for side in Side::BOTH {
        let (own, facing) = match side {
            Side::Left => (l, sets.right.get(r)),
            Side::Right => (r, sets.left.get(l)),
        };
        for other in [own.checked_sub(1), Some(own + 1)].into_iter().flatten() {
            let (Some(false), Some(neighbour)) = (
                taken[side].get(other),
                (other < sets[side].len()).then(|| sets[side].get(other)),
            ) else {
                continue;
            };
            if containment(neighbour, facing) < SPLIT_MIN_CONTAINMENT {
                continue;
            }
            let merged = union(sets[side].get(own), neighbour);
            let similarity = feats.dice(&merged, facing);
            let span = own.min(other)..own.max(other) + 1;
            let units = match side {
                Side::Left => Pair::new(span, r..r + 1),
                Side::Right => Pair::new(l..l + 1, span),
            };
            if similarity > group.similarity && best.as_ref().is_none_or(|(b, _)| similarity > *b) {
                best = Some((similarity, units));
            }
        }
    }
    if let Some((similarity, units)) = best {
        for side in Side::BOTH {
            for i in units[side].clone() {
                taken[side][i] = true;
            }
        }
        group.units = units;
        group.similarity = similarity;
    }
}

/// Sentences of each side facing each other, in no particular order.
fn sentence_groups(units: &Pair<Vec<Unit>>, keys: &PairKeys<'_>) -> Vec<Group> {
    let feats = Features::new(units, keys);
    let postings = Postings::new(&feats);
    let carried = Carried::new(&feats, &postings);
    groups(&feats, &postings, carried)
}

/// Token ranges of aligned sentence pairs that are in the same order on both
/// sides (the longest such chain): anchors that cut a long in-order diff into
/// small independent pieces.
pub(crate) fn anchors(docs: Pair<&Document<'_>>, keys: &PairKeys<'_>) -> Vec<Pair<Range<usize>>> {
    let units = docs.map(units);
    let mut groups = sentence_groups(&units, keys);
    groups.sort_by_key(|g| g.units.left.start);
    // Longest increasing subsequence of right positions (patience sorting).
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; groups.len()];
    for (i, group) in groups.iter().enumerate() {
        let right = group.units.right.start;
        let at = tails.partition_point(|&t| groups[t].units.right.start < right);
        previous[i] = at.checked_sub(1).and_then(|p| tails.get(p).copied());
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut chain = Vec::new();
    let mut next = tails.last().copied();
    while let Some(i) = next {
        let group = &groups[i];
        if let (Some((_, left)), Some((_, right))) = (
            span(&units.left, &group.units.left),
            span(&units.right, &group.units.right),
        ) {
            chain.push(Pair::new(left, right));
        }
        next = previous[i];
    }
    chain.reverse();
    chain
}

/// One line of the alignment, in display order.
#[derive(Debug, Clone)]
pub(crate) enum Row {
    /// Sentences of each side facing each other.
    Pair(Group),
    /// A left sentence (unit index) with no counterpart.
    Left(usize),
    /// A right sentence (unit index) with no counterpart.
    Right(usize),
}

/// The sentence alignment of a pair: each side's units and the rows facing them.
#[derive(Debug, Clone)]
pub(crate) struct Alignment {
    /// Each side's sentences with words.
    pub units: Pair<Vec<Unit>>,
    /// Left-text order; right-only sentences follow the pair of their nearest aligned
    /// predecessor and the left-only sentences after it (those with none: just before
    /// the first pair, or last).
    pub rows: Vec<Row>,
}

/// Aligns the sentences of a pair and puts them in display order.
pub(crate) fn alignment(docs: Pair<&Document<'_>>, keys: &PairKeys<'_>) -> Alignment {
    let units = docs.map(units);
    let groups = sentence_groups(&units, keys);
    let mut group_of = units.as_ref().map(|u| vec![None; u.len()]);
    for (g, group) in groups.iter().enumerate() {
        for l in group.units.left.clone() {
            group_of.left[l] = Some(g);
        }
        for r in group.units.right.clone() {
            group_of.right[r] = Some(g);
        }
    }
    // Right-only sentences go after the group of their nearest aligned predecessor.
    let mut front = Vec::new();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    let mut last_group = None;
    for (r, group) in group_of.right.iter().enumerate() {
        match (group, last_group) {
            (Some(g), _) => last_group = Some(*g),
            (None, Some(g)) => after[g].push(r),
            (None, None) => front.push(r),
        }
    }
    // Between two pairs, the left-only sentences come first, then the right-only
    // ones (a deletion before the insertion, as diffs read). Right-only sentences
    // with no aligned predecessor go just before the first pair, or last if nothing
    // aligns.
    let mut rows = Vec::new();
    let mut pending: Vec<usize> = front;
    for (l, group) in group_of.left.iter().enumerate() {
        match group {
            Some(g) => {
                let group = &groups[*g];
                if group.units.left.start == l {
                    rows.extend(pending.drain(..).map(Row::Right));
                    rows.push(Row::Pair(group.clone()));
                    pending.extend(&after[*g]);
                }
            }
            None => rows.push(Row::Left(l)),
        }
    }
    rows.extend(pending.into_iter().map(Row::Right));
    Alignment { units, rows }
}

/// Byte span and token range of the units `range` of one side.
pub(crate) fn span(units: &[Unit], range: &Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let first = units.get(range.start)?;
    let last = units.get(range.end.checked_sub(1)?)?;
    Some((
        first.span.start..last.span.end,
        first.words.start..last.words.end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MatchOptions;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// The walk from a cursor finds the token a binary search finds, from any cursor.
        #[test]
        fn the_walk_from_a_cursor_finds_what_the_search_finds(
            words in proptest::collection::vec("[a-z]{1,6}[.,]? ", 0..30),
            from in 0usize..40,
            at in 0usize..200,
        ) {
            let text = words.concat();
            let tokens = doc(&text).tokens;
            prop_assert_eq!(
                first_at(&tokens, from, at),
                tokens.partition_point(|t| t.span.start < at)
            );
        }
    }

    fn doc(text: &str) -> Document<'_> {
        Document::new(text, &MatchOptions::default())
    }

    fn pairs<'t>(left: &'t str, right: &'t str) -> Vec<(Option<&'t str>, Option<&'t str>)> {
        let docs = Pair::new(doc(left), doc(right));
        let docs = docs.as_ref();
        let found = alignment(docs, &PairKeys::new(docs));
        let text = |side: Side, units: &Range<usize>| {
            span(&found.units[side], units).map(|(bytes, _)| &docs[side].text[bytes])
        };
        found
            .rows
            .iter()
            .map(|row| match row {
                Row::Pair(group) => (
                    text(Side::Left, &group.units.left),
                    text(Side::Right, &group.units.right),
                ),
                Row::Left(l) => (text(Side::Left, &(*l..l + 1)), None),
                Row::Right(r) => (None, text(Side::Right, &(*r..r + 1))),
            })
            .collect()
    }

    #[test]
    fn reordered_paragraphs_align_across_the_pair() {
        let left = "The storm reached the coast at dawn.\nThousands of homes lost power overnight.\nThe mayor urged residents to stay indoors.";
        let right = "The mayor urged all residents to stay indoors.\nThe storm reached the northern coast at dawn.\nThousands of homes lost power overnight.";
        assert_eq!(
            pairs(left, right),
            [
                (
                    Some("The storm reached the coast at dawn."),
                    Some("The storm reached the northern coast at dawn.")
                ),
                (
                    Some("Thousands of homes lost power overnight."),
                    Some("Thousands of homes lost power overnight.")
                ),
                (
                    Some("The mayor urged residents to stay indoors."),
                    Some("The mayor urged all residents to stay indoors.")
                ),
            ]
        );
    }

    #[test]
    fn a_split_sentence_aligns_one_to_two() {
        let left = "Rescue crews reached the village on Tuesday, and engineers began repairing the damaged bridge.";
        let right = "Rescue crews reached the village on Tuesday. Engineers then began repairing the damaged bridge.";
        assert_eq!(
            pairs(left, right),
            [(Some(left), Some(right))],
            "the two right sentences should face the one left sentence"
        );
        assert_eq!(pairs(right, left), [(Some(right), Some(left))]);
    }

    #[test]
    fn unrelated_sentences_are_only_in_their_article() {
        let left =
            "Farmers protested new tariffs in the capital.\nThe central bank held interest rates.";
        let right = "The central bank held its interest rates steady.\nA comet was visible over the desert.";
        assert_eq!(
            pairs(left, right),
            [
                (Some("Farmers protested new tariffs in the capital."), None),
                (
                    Some("The central bank held interest rates."),
                    Some("The central bank held its interest rates steady.")
                ),
                (None, Some("A comet was visible over the desert.")),
            ]
        );
    }

    #[test]
    fn right_only_sentences_before_any_aligned_one_come_first() {
        let left = "Voters queued for hours at polling stations.";
        let right = "Turnout figures are expected tomorrow.\nVoters queued for hours at the polling stations.";
        let got = pairs(left, right);
        assert_eq!(
            got[0],
            (None, Some("Turnout figures are expected tomorrow."))
        );
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn units_partition_the_tokens() {
        let d = doc("One two. Three four five!\n\n— Six? seven");
        let u = units(&d);
        assert_eq!(u.first().map(|u| u.words.start), Some(0));
        assert_eq!(u.last().map(|u| u.words.end), Some(d.tokens.len()));
        assert!(u.windows(2).all(|w| w[0].words.end == w[1].words.start));
    }
}

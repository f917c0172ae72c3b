//! Sentences carried across unchanged: pairs of sentences with the same content-word
//! set, matched before (and without) the candidate search.
//!
//! Two sentences with the same set are as similar as two sentences can be: their
//! weighted Dice overlap is exactly 1 (the shared mass is the set's own mass, summed
//! in the same order), and that of two different sets is below 1 (every weight is at
//! least ln 2, so a word one set lacks leaves its shared mass short by that much). The
//! greedy pairing takes edges from the most similar down, so it takes every
//! similarity-1 edge before any other, and those edges join sentences of one set
//! only: within each set's sentences the greedy runs on its own, in the order of the
//! general sort (drift, then left, then right sentence). A sentence it pairs takes no
//! other edge, and its pair can never grow (no similarity exceeds 1), so the candidate
//! search can skip it on both sides and the rest is paired as before. A set is carried
//! only where the search would have found its pairs: it has a word in at most
//! [`MAX_POSTINGS`] right sentences.

use super::MAX_POSTINGS;
use super::features::{Features, Postings};
use super::{Group, drift};
use crate::pair::{Pair, Side};
use crate::text::KeyId;
use foldhash::{HashMap, HashMapExt};

/// Sentence pairs found before the candidate search, and which sentences they hold.
pub(super) struct Carried {
    /// The pairs, each one sentence to one with similarity 1.
    pub groups: Vec<Group>,
    /// Per side, whether each unit is in one of `groups`.
    pub taken: Pair<Vec<bool>>,
}

impl Carried {
    /// Nothing carried: everything goes through the candidate search.
    #[cfg(test)]
    pub fn none(feats: &Features) -> Self {
        Self {
            groups: Vec::new(),
            taken: feats.sets.as_ref().map(|s| vec![false; s.len()]),
        }
    }

    /// Pairs the sentences with equal sets as the greedy pairing would.
    pub fn new(feats: &Features, postings: &Postings) -> Self {
        let sets = &feats.sets;
        let mut carried = Self {
            groups: Vec::new(),
            taken: sets.as_ref().map(|s| vec![false; s.len()]),
        };
        // Each distinct left set: its first sentence and sentence count on each side.
        let mut class: HashMap<&[KeyId], usize> = HashMap::with_capacity(sets.left.len());
        let mut counts: Vec<Pair<(usize, usize)>> = Vec::new();
        let mut class_of = sets.as_ref().map(|s| vec![usize::MAX; s.len()]);
        for (l, set) in sets.left.iter().enumerate() {
            let next = counts.len();
            let c = *class.entry(set).or_insert(next);
            if c == next {
                counts.push(Pair::new((l, 0), (0, 0)));
            }
            counts[c].left.1 += 1;
            class_of.left[l] = c;
        }
        for (r, set) in sets.right.iter().enumerate() {
            if let Some(&c) = class.get(set) {
                let right = &mut counts[c].right;
                if right.1 == 0 {
                    right.0 = r;
                }
                right.1 += 1;
                class_of.right[r] = c;
            }
        }
        // Sets with more than one sentence on a side: their sentences, in order.
        let mut several: HashMap<usize, Pair<Vec<usize>>> = HashMap::new();
        for (c, count) in counts.iter().enumerate() {
            let eligible =
                count.right.1 > 0 && carries(feats, postings, sets.left.get(count.left.0));
            if !eligible {
                continue;
            }
            if count.left.1 == 1 && count.right.1 == 1 {
                carried.take(count.left.0, count.right.0);
            } else {
                several.insert(c, Pair::new(Vec::new(), Vec::new()));
            }
        }
        if !several.is_empty() {
            for side in Side::BOTH {
                for (i, &c) in class_of[side].iter().enumerate() {
                    if let Some(units) = several.get_mut(&c) {
                        units[side].push(i);
                    }
                }
            }
            let n = sets.as_ref().map(super::features::Sets::len);
            let mut classes: Vec<(usize, Pair<Vec<usize>>)> = several.into_iter().collect();
            classes.sort_unstable_by_key(|(c, _)| *c);
            for (_, units) in &classes {
                carried.pair_within(n, units);
            }
        }
        carried
    }

    /// The greedy pairing of one set's sentences: nearest in relative position
    /// first, ties to the earlier left, then the earlier right sentence.
    fn pair_within(&mut self, n: Pair<usize>, units: &Pair<Vec<usize>>) {
        // A drift is never negative (nor NaN), so its bits sort as `total_cmp` does;
        // the edges are distinct, so an unstable sort gives the stable order.
        let mut edges: Vec<(u64, usize, usize)> = Vec::new();
        for &l in &units.left {
            edges.extend(
                units
                    .right
                    .iter()
                    .map(|&r| (drift(n, l, r).to_bits(), l, r)),
            );
        }
        edges.sort_unstable();
        for (_, l, r) in edges {
            if !self.taken.left[l] && !self.taken.right[r] {
                self.take(l, r);
            }
        }
    }

    fn take(&mut self, l: usize, r: usize) {
        self.taken.left[l] = true;
        self.taken.right[r] = true;
        self.groups.push(Group {
            units: Pair::new(l..l + 1, r..r + 1),
            similarity: 1.0,
        });
    }
}

/// Whether the candidate search would pair sentences with this set at similarity 1:
/// a word of it is in few enough right sentences to be searched, and it has weight.
fn carries(feats: &Features, postings: &Postings, set: &[KeyId]) -> bool {
    set.iter().any(|&id| postings.of(id).len() <= MAX_POSTINGS)
        && feats.dice(set, set).to_bits() == 1.0f64.to_bits()
}

#[cfg(test)]
mod tests {
    use super::super::{Unit, groups, units};
    use super::*;
    use crate::compare::Document;
    use crate::compare::keys::PairKeys;
    use crate::text::MatchOptions;
    use proptest::prelude::*;

    /// Each pair as (left units, right units, similarity bits), sorted.
    fn pairs(groups: &[Group]) -> Vec<(usize, usize, usize, usize, u64)> {
        let mut out: Vec<_> = groups
            .iter()
            .map(|g| {
                let u = &g.units;
                (
                    u.left.start,
                    u.left.end,
                    u.right.start,
                    u.right.end,
                    g.similarity.to_bits(),
                )
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// The pairing with and without carrying, and how many pairs were carried.
    fn both(left: &str, right: &str) -> (Vec<Group>, Vec<Group>, usize) {
        let docs = Pair::new(left, right).map(|t| Document::new(t, &MatchOptions::default()));
        let docs = docs.as_ref();
        let keys = PairKeys::new(docs);
        let units: Pair<Vec<Unit>> = docs.map(units);
        let feats = Features::new(&units, &keys);
        let postings = Postings::new(&feats);
        let carried = Carried::new(&feats, &postings);
        let count = carried.groups.len();
        let fast = groups(&feats, &postings, carried);
        let general = groups(&feats, &postings, Carried::none(&feats));
        (fast, general, count)
    }

    const WORDS: [&str; 16] = [
        "the", "of", "minister", "talks", "resume", "bridge", "river", "closed", "Monday", "crews",
        "storm", "power", "homes", "aid", "trucks", "border",
    ];

    /// A pool of short sentences over few words (so sets repeat and overlap), a left
    /// text drawn from it with repeats, and a right text that moves, edits, drops and
    /// repeats the left's sentences.
    fn texts() -> impl Strategy<Value = (String, String)> {
        let sentence = proptest::collection::vec(0..WORDS.len(), 1..7);
        let pool = proptest::collection::vec(sentence, 1..8);
        (
            pool,
            proptest::collection::vec((0usize..8, 0usize..12, 0usize..16), 1..24),
        )
            .prop_map(|(pool, picks)| {
                let mut left = Vec::new();
                let mut right = Vec::new();
                for (i, &(p, action, word)) in picks.iter().enumerate() {
                    let s = pool[p % pool.len()].clone();
                    left.push(s.clone());
                    match action {
                        0 => {} // dropped
                        1 => {
                            // edited: a word replaced
                            let mut e = s.clone();
                            let at = word % e.len();
                            e[at] = word;
                            right.push(e);
                        }
                        2 => {
                            // edited: a word added
                            let mut e = s.clone();
                            e.push(word);
                            right.push(e);
                        }
                        3 => {
                            // moved earlier
                            right.insert(right.len().saturating_sub(word % 4), s);
                        }
                        4 => {
                            // repeated
                            right.push(s.clone());
                            right.push(s);
                        }
                        5 => right.push(s.iter().rev().copied().collect()), // words reordered
                        _ => right.push(s),
                    }
                    if i % 5 == 4 {
                        left.push(vec![word]);
                    }
                }
                let join = |sentences: Vec<Vec<usize>>| {
                    sentences
                        .iter()
                        .map(|s| {
                            let words: Vec<&str> = s.iter().map(|&w| WORDS[w]).collect();
                            format!("{}.", words.join(" "))
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                (join(left), join(right))
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn carrying_pairs_sentences_as_the_general_search_does((left, right) in texts()) {
            let (fast, general, _) = both(&left, &right);
            prop_assert_eq!(pairs(&fast), pairs(&general), "{} | {}", left, right);
        }
    }

    #[test]
    fn unchanged_and_repeated_sentences_are_carried() {
        let left = "Storm crews restored power. The bridge closed on Monday. Aid trucks crossed the border. \
                    The bridge closed on Monday.";
        let right = "The bridge closed on Monday. Aid trucks crossed the border at dawn. \
                     The bridge closed on Monday. Storm crews restored power.";
        let (fast, general, carried) = both(left, right);
        assert_eq!(pairs(&fast), pairs(&general));
        assert_eq!(carried, 3, "{fast:?}");
    }
}

//! What sentence alignment knows of each sentence: its content-word set, each
//! word's weight, and which right sentences hold each word.

use super::Unit;
use crate::compare::keys::PairKeys;
use crate::pair::Pair;
use crate::text::KeyId;
use std::ops::Range;

/// One side's sentence sets, stored end to end (one buffer, not a `Vec` each).
#[derive(Debug, Clone, Default)]
pub(super) struct Sets {
    ids: Vec<KeyId>,
    /// Where each set starts in `ids`, then the end.
    bounds: Vec<usize>,
}

impl Sets {
    /// The sorted distinct content-word ids of each unit (all ids of a unit
    /// without a content word).
    fn new(units: &[Unit], ids: &[KeyId]) -> Self {
        let mut sets = Self {
            ids: Vec::with_capacity(ids.len()),
            bounds: Vec::with_capacity(units.len() + 1),
        };
        sets.bounds.push(0);
        let mut scratch: Vec<KeyId> = Vec::new();
        for unit in units {
            let words = ids.get(unit.words.clone()).unwrap_or(&[]);
            scratch.clear();
            scratch.extend(words.iter().copied().filter(|id| !id.is_stop()));
            if scratch.is_empty() {
                scratch.extend_from_slice(words);
            }
            scratch.sort_unstable();
            scratch.dedup();
            sets.ids.extend_from_slice(&scratch);
            sets.bounds.push(sets.ids.len());
        }
        sets
    }

    /// Number of sets.
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    /// Set `i` (empty past the end).
    pub fn get(&self, i: usize) -> &[KeyId] {
        match (self.bounds.get(i), self.bounds.get(i + 1)) {
            (Some(&start), Some(&end)) => self.ids.get(start..end).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The sets in order.
    pub fn iter(&self) -> impl Iterator<Item = &[KeyId]> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Every sentence's content-word set, with a weight per id: words found in
/// many sentences (the story's subject, say) count for less than rare ones.
pub(super) struct Features {
    /// Sorted id sets, one per unit of each side.
    pub sets: Pair<Sets>,
    /// Inverse sentence frequency, ln(1 + sentences / sentences with the id), by id.
    weight: Vec<f64>,
}

impl Features {
    pub fn new(units: &Pair<Vec<Unit>>, keys: &PairKeys<'_>) -> Self {
        let ids = keys.diff_ids();
        let sets = Pair::new(
            Sets::new(&units.left, ids.left),
            Sets::new(&units.right, ids.right),
        );
        let all = || sets.left.ids.iter().chain(&sets.right.ids);
        let mut frequency = vec![0usize; all().map(|id| id.index() + 1).max().unwrap_or(0)];
        for id in all() {
            if let Some(f) = frequency.get_mut(id.index()) {
                *f += 1;
            }
        }
        let sentences = (sets.left.len() + sets.right.len()) as f64;
        let weight = frequency
            .into_iter()
            .map(|f| (1.0 + sentences / f.max(1) as f64).ln())
            .collect();
        Self { sets, weight }
    }

    /// Number of distinct id indices (one past the largest).
    pub fn id_count(&self) -> usize {
        self.weight.len()
    }

    pub fn weight(&self, id: KeyId) -> f64 {
        self.weight.get(id.index()).copied().unwrap_or(0.0)
    }

    pub fn mass(&self, set: &[KeyId]) -> f64 {
        set.iter().map(|&id| self.weight(id)).sum()
    }

    /// Weighted Dice overlap of two sorted id sets.
    pub fn dice(&self, a: &[KeyId], b: &[KeyId]) -> f64 {
        let total = self.mass(a) + self.mass(b);
        if total <= 0.0 {
            return 0.0;
        }
        let shared: f64 = a
            .iter()
            .filter(|id| b.binary_search(id).is_ok())
            .map(|&id| self.weight(id))
            .sum();
        2.0 * shared / total
    }
}

/// For each id, the right sentences whose set holds it, in text order (one
/// buffer indexed by the id's index).
pub(super) struct Postings {
    /// Where each id index's sentences start in `sentences`, then the end.
    bounds: Vec<usize>,
    sentences: Vec<usize>,
}

impl Postings {
    pub fn new(feats: &Features) -> Self {
        let right = &feats.sets.right;
        let mut bounds = vec![0usize; feats.id_count() + 1];
        for &id in &right.ids {
            if let Some(b) = bounds.get_mut(id.index() + 1) {
                *b += 1;
            }
        }
        for i in 1..bounds.len() {
            bounds[i] += bounds[i - 1];
        }
        let mut fill: Vec<usize> = bounds.clone();
        let mut sentences = vec![0usize; right.ids.len()];
        for (r, set) in right.iter().enumerate() {
            for &id in set {
                if let Some(at) = fill.get_mut(id.index()) {
                    sentences[*at] = r;
                    *at += 1;
                }
            }
        }
        Self { bounds, sentences }
    }

    /// The right sentences holding `id`, in text order.
    pub fn of(&self, id: KeyId) -> &[usize] {
        let range: Option<Range<usize>> =
            match (self.bounds.get(id.index()), self.bounds.get(id.index() + 1)) {
                (Some(&start), Some(&end)) => Some(start..end),
                _ => None,
            };
        range.and_then(|r| self.sentences.get(r)).unwrap_or(&[])
    }
}

/// Union of two sorted id sets.
pub(super) fn union(a: &[KeyId], b: &[KeyId]) -> Vec<KeyId> {
    let mut out: Vec<KeyId> = a.iter().chain(b).copied().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Share of the sorted set `part` found in the sorted set `whole`.
pub(super) fn containment(part: &[KeyId], whole: &[KeyId]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    let shared = part
        .iter()
        .filter(|id| whole.binary_search(id).is_ok())
        .count();
    shared as f64 / part.len() as f64
}

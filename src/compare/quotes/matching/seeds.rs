//! Seeds: where a quote's content words occur in the other text, and the windows
//! around clusters of them worth aligning.

use super::grid::signed;
use super::{MAX_WINDOW_TOKENS, Target, WINDOW_SLACK};
use crate::text::KeyId;
use std::ops::Range;

/// Positions of each content key in a token stream, grouped by key: the positions
/// of the `i`-th key are `positions[starts[i]..starts[i + 1]]`, in order. Keys are
/// looked up directly by key index when the text's highest index is small (a pair's
/// vocabulary), else by binary search in `keys` (a corpus vocabulary, whose indices
/// run far past one article's words: a table per article would cost its size each).
#[derive(Debug, Default)]
pub struct KeyIndex {
    /// The key indices present, ascending; empty when `starts` is indexed directly.
    keys: Vec<u32>,
    starts: Vec<u32>,
    positions: Vec<u32>,
}

/// Direct lookup while the highest key index is at most this many times the number
/// of content tokens (plus a little).
const DIRECT_SPREAD: usize = 4;

impl KeyIndex {
    /// Indexes the non-stop keys of `ids` (a counting sort by key index, or a sort of
    /// packed key/position pairs when the indices are sparse).
    #[must_use]
    pub fn new(ids: &[KeyId]) -> Self {
        let content = || ids.iter().enumerate().filter(|(_, id)| !id.is_stop());
        let count = content().count();
        let highest = content().map(|(_, id)| id.index() + 1).max().unwrap_or(0);
        if highest <= DIRECT_SPREAD * count + 1024 {
            return Self::direct(ids, highest);
        }
        let position = |j: usize| u32::try_from(j).unwrap_or(u32::MAX);
        let mut packed: Vec<u64> = content()
            .map(|(j, id)| ((id.index() as u64) << 32) | u64::from(position(j)))
            .collect();
        packed.sort_unstable();
        let mut index = Self::default();
        for (i, &p) in packed.iter().enumerate() {
            let key = u32::try_from(p >> 32).unwrap_or(u32::MAX);
            if index.keys.last() != Some(&key) {
                index.keys.push(key);
                index.starts.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
            index
                .positions
                .push(u32::try_from(p & u64::from(u32::MAX)).unwrap_or(u32::MAX));
        }
        index
            .starts
            .push(u32::try_from(packed.len()).unwrap_or(u32::MAX));
        index
    }

    /// The counting sort: `starts` indexed by key index, for indices below `keys`.
    fn direct(ids: &[KeyId], keys: usize) -> Self {
        let content = || ids.iter().enumerate().filter(|(_, id)| !id.is_stop());
        let mut starts = vec![0u32; keys + 1];
        for (_, id) in content() {
            starts[id.index() + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut positions = vec![0u32; starts.last().map_or(0, |&n| n as usize)];
        for (j, id) in content() {
            let slot = &mut next[id.index()];
            positions[*slot as usize] = u32::try_from(j).unwrap_or(u32::MAX);
            *slot += 1;
        }
        Self {
            keys: Vec::new(),
            starts,
            positions,
        }
    }

    /// The positions of content key `id`, in order (none for a stop word).
    fn get(&self, id: KeyId) -> &[u32] {
        if id.is_stop() {
            return &[];
        }
        let k = if self.keys.is_empty() {
            id.index()
        } else {
            match u32::try_from(id.index()).map(|key| self.keys.binary_search(&key)) {
                Ok(Ok(i)) => i,
                _ => return &[],
            }
        };
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.positions[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// A window of the other text and the band of diagonals (other index − quote index)
/// around its seeds.
pub(super) struct SeedWindow {
    pub(super) tokens: Range<usize>,
    pub(super) band: Range<isize>,
}

/// Windows of the other text around seed positions, merged when they overlap.
///
/// A quote with several content words needs two seeds from different quote words on
/// nearby diagonals; a lone common word ("Ukraine") does not open a window.
pub(super) fn seed_windows(quote: &[KeyId], other: Target<'_>) -> Vec<SeedWindow> {
    let n = quote.len();
    let other_len = other.ids.len();
    let content_words = quote.iter().filter(|id| !id.is_stop()).count();
    // Words very frequent in the other text seed nothing: the quote's rarer words
    // find the same places, and repetitive texts stay near-linear.
    let rare_enough = |id: KeyId| other.index.get(id).len() <= MAX_SEED_OCCURRENCES;
    // Each seed (i, j) as one number: its diagonal j - i (shifted by n to stay
    // unsigned) above its quote index, so that sorting numbers sorts seeds by diagonal,
    // then quote index (no two seeds share both).
    let mut seeds: Vec<u64> = quote
        .iter()
        .enumerate()
        .filter(|&(_, &id)| !id.is_stop() && rare_enough(id))
        .flat_map(|(i, &id)| {
            other
                .index
                .get(id)
                .iter()
                .map(move |&j| pack(j as usize + n - i, i))
        })
        .collect();
    seeds.sort_unstable();
    let word = |k: usize| usize::try_from(seeds[k] & u64::from(u32::MAX)).unwrap_or(usize::MAX);
    let diagonal = |k: usize| usize::try_from(seeds[k] >> 32).unwrap_or(usize::MAX);
    // The nearest seed on each side (in diagonal order) from another quote word is the
    // closest such seed both in order and in diagonal, so it alone decides support.
    let nearest_other = |order: &mut dyn Iterator<Item = usize>| {
        let mut nearest = vec![NO_SEED; seeds.len()];
        let mut previous = NO_SEED;
        for k in order {
            if previous != NO_SEED {
                let p = previous as usize;
                nearest[k] = if word(p) == word(k) {
                    nearest[p]
                } else {
                    previous
                };
            }
            previous = u32::try_from(k).unwrap_or(NO_SEED);
        }
        nearest
    };
    let before = nearest_other(&mut (0..seeds.len()));
    let after = nearest_other(&mut (0..seeds.len()).rev());
    let supported = |k: usize| {
        let near = |m: u32| {
            m != NO_SEED && {
                let m = m as usize;
                m.abs_diff(k) <= MAX_SUPPORT_SCAN
                    && diagonal(m).abs_diff(diagonal(k)) <= WINDOW_SLACK
            }
        };
        near(before[k]) || near(after[k])
    };
    let slack = signed(WINDOW_SLACK);
    // In seed order, windows start in order too: a window starts WINDOW_SLACK before
    // its diagonal meets the other text.
    let windows = (0..seeds.len())
        .filter(|&k| content_words < MIN_SUPPORTED_CONTENT_WORDS || supported(k))
        .map(|k| {
            let i = word(k);
            let j = diagonal(k) + i - n;
            let d = signed(j) - signed(i);
            SeedWindow {
                tokens: j.saturating_sub(i + WINDOW_SLACK)
                    ..(j + (n - i) + WINDOW_SLACK).min(other_len),
                band: d - slack..d + slack + 1,
            }
        });
    let mut merged: Vec<SeedWindow> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last)
                if w.tokens.start <= last.tokens.end
                    && w.tokens.end - last.tokens.start <= MAX_WINDOW_TOKENS =>
            {
                last.tokens.end = last.tokens.end.max(w.tokens.end);
                last.band = last.band.start.min(w.band.start)..last.band.end.max(w.band.end);
            }
            _ => merged.push(w),
        }
    }
    merged
}

/// Occurrences in the other text above which a word no longer seeds windows.
pub const MAX_SEED_OCCURRENCES: usize = 64;
/// Content words from which a quote's seeds need the support of a second seed.
const MIN_SUPPORTED_CONTENT_WORDS: usize = 3;
/// A seed as one number: its shifted diagonal above its quote index.
fn pack(diagonal: usize, i: usize) -> u64 {
    let part = |n: usize| u64::from(u32::try_from(n).unwrap_or(u32::MAX));
    part(diagonal) << 32 | part(i)
}

/// Marks no seed in the tables of nearest seeds.
const NO_SEED: u32 = u32::MAX;
/// Neighbouring seeds (by diagonal) checked for support.
const MAX_SUPPORT_SCAN: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Vocabulary;

    /// Each key's positions, read the slow way.
    fn positions_of(ids: &[KeyId], id: KeyId) -> Vec<u32> {
        (0..ids.len())
            .filter(|&j| ids[j] == id && !id.is_stop())
            .map(|j| u32::try_from(j).unwrap_or(u32::MAX))
            .collect()
    }

    #[test]
    fn sparse_and_direct_indexes_give_every_keys_positions() {
        let words: Vec<String> = (0..3000).map(|i| format!("word{i}")).collect();
        let mut vocabulary = Vocabulary::default();
        let all: Vec<KeyId> = words.iter().map(|w| vocabulary.id(w)).collect();
        let the = vocabulary.id("the");
        // One article's words from far into a corpus vocabulary, repeated, with a stop word.
        let ids: Vec<KeyId> = (0..60)
            .map(|i| {
                if i % 7 == 0 {
                    the
                } else {
                    all[2900 + (i * 13) % 90]
                }
            })
            .collect();
        let sparse = KeyIndex::new(&ids);
        assert!(!sparse.keys.is_empty(), "far indices take the sparse index");
        let highest = ids.iter().map(|id| id.index() + 1).max().unwrap_or(0);
        let direct = KeyIndex::direct(&ids, highest);
        for &id in all.iter().chain([&the]) {
            let want = positions_of(&ids, id);
            assert_eq!(sparse.get(id), want.as_slice(), "{}", vocabulary.key(id));
            assert_eq!(direct.get(id), want.as_slice(), "{}", vocabulary.key(id));
        }
        let dense: Vec<KeyId> = all[..50].iter().copied().cycle().take(200).collect();
        assert!(
            KeyIndex::new(&dense).keys.is_empty(),
            "a pair's ids index directly"
        );
    }
}

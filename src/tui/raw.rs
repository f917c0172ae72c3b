//! Offsets between an article's clean text and its raw text, through the removals.

use crate::corpus::Removal;
use std::ops::Range;

/// Maps clean-text offsets to raw-text offsets and back.
#[derive(Debug, Clone, Default)]
pub struct RawMap {
    /// For each removal: its position in the clean text and its length.
    cuts: Vec<(usize, usize)>,
}

impl RawMap {
    /// The map for these removals (sorted, non-overlapping, as the loader records them).
    #[must_use]
    pub fn new(removals: &[Removal]) -> Self {
        let mut removed = 0;
        let cuts = removals
            .iter()
            .map(|r| {
                let at = r.range.start.saturating_sub(removed);
                removed += r.range.len();
                (at, r.range.len())
            })
            .collect();
        Self { cuts }
    }

    /// Raw offset of a clean range: text cut at its very start stays outside it.
    #[must_use]
    pub fn to_raw(&self, range: &Range<usize>) -> Range<usize> {
        let shift = |p: usize, inclusive: bool| {
            p + self
                .cuts
                .iter()
                .filter(|(at, _)| if inclusive { *at <= p } else { *at < p })
                .map(|(_, len)| len)
                .sum::<usize>()
        };
        let start = shift(range.start, true);
        start..shift(range.end, false).max(start)
    }

    /// Clean offset of a raw offset (inside a removal: where the removal was cut).
    #[must_use]
    pub fn to_clean(&self, raw: usize) -> usize {
        let mut removed = 0;
        for &(at, len) in &self.cuts {
            let raw_start = at + removed;
            if raw < raw_start {
                break;
            }
            if raw < raw_start + len {
                return at;
            }
            removed += len;
        }
        raw - removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::RemovalReason;

    #[test]
    fn maps_around_removals_both_ways() {
        let raw = "AAxxBBByyC";
        let removals = vec![
            Removal {
                range: 2..4,
                reason: RemovalReason::Image,
            },
            Removal {
                range: 7..9,
                reason: RemovalReason::Credit,
            },
        ];
        let clean = "AABBBC";
        let map = RawMap::new(&removals);
        let r = map.to_raw(&(2..5));
        assert_eq!(&raw[r.clone()], "BBB");
        assert_eq!(&clean[2..5], "BBB");
        assert_eq!(&raw[map.to_raw(&(5..6))], "C");
        assert_eq!(map.to_clean(r.start), 2);
        assert_eq!(map.to_clean(3), 2);
        assert_eq!(map.to_clean(9), 5);
    }
}

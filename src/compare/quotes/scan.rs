//! Finding the bytes of a small set in a text, eight bytes at a time: most text holds
//! none of them, and a word of eight bytes is told free of them in a few operations.

/// Every byte 1.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
/// Every byte's high bit.
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Whether some byte of `word` is zero.
fn has_zero_byte(word: u64) -> bool {
    word.wrapping_sub(ONES) & !word & HIGHS != 0
}

/// Whether some byte of `word` is one of `set`.
fn holds_any<const N: usize>(word: u64, set: [u8; N]) -> bool {
    set.iter()
        .any(|&b| has_zero_byte(word ^ (ONES * u64::from(b))))
}

/// The offsets of the bytes of `bytes` that are in `set`, in order.
pub(super) fn positions<const N: usize>(
    bytes: &[u8],
    set: [u8; N],
) -> impl Iterator<Item = usize> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            // Skip words of eight bytes without one of the set.
            while let Some(word) = bytes.get(at..at + 8) {
                let word = u64::from_ne_bytes(word.try_into().ok()?);
                if holds_any(word, set) {
                    break;
                }
                at += 8;
            }
            let end = (at + 8).min(bytes.len());
            while at < end {
                let here = at;
                at += 1;
                if bytes.get(here).is_some_and(|b| set.contains(b)) {
                    return Some(here);
                }
            }
            if at >= bytes.len() {
                return None;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The word-at-a-time scan finds the bytes a byte-by-byte scan finds.
        #[test]
        fn finds_what_a_byte_scan_finds(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let set = [b'"', b'\'', 0xC2, 0xE2];
            let slow: Vec<usize> = (0..bytes.len()).filter(|&k| set.contains(&bytes[k])).collect();
            prop_assert_eq!(positions(&bytes, set).collect::<Vec<_>>(), slow);
        }
    }
}

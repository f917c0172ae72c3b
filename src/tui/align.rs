//! Where text on one side faces text on the other: for synchronized scrolling.
//! Uses the sentence alignment when the engine gives one, the word diff otherwise,
//! and proportional position as the last resort.

use crate::compare::{Comparison, DiffTag};
use crate::pair::{Pair, Side};

/// The byte offset on the other side that faces `pos` on side `from`.
/// `lens` are the two texts' lengths.
#[must_use]
pub fn facing(comparison: &Comparison, from: Side, pos: usize, lens: Pair<usize>) -> usize {
    let to = from.other();
    let scale = |from_range: &std::ops::Range<usize>, to_range: &std::ops::Range<usize>| {
        let into = pos.saturating_sub(from_range.start);
        let span = from_range.len().max(1);
        to_range.start + (into * to_range.len() / span).min(to_range.len())
    };
    let side_of = |p: &crate::compare::SentencePair, s: Side| match s {
        Side::Left => p.left.clone(),
        Side::Right => p.right.clone(),
    };
    // 1. Sentence alignment.
    let mut last_facing = None;
    for pair in &comparison.alignment {
        let (Some(here), there) = (side_of(pair, from), side_of(pair, to)) else {
            continue;
        };
        if here.start > pos {
            break;
        }
        if let Some(there) = there {
            if here.contains(&pos) {
                return scale(&here, &there);
            }
            last_facing = Some(there.end);
        } else if here.contains(&pos)
            && let Some(end) = last_facing
        {
            return end;
        }
    }
    // 2. Word diff: equal runs map word for word, changes map to where they would go.
    if let Some(op) = comparison
        .diff
        .iter()
        .find(|op| op.spans[from].end > pos && !op.spans[from].is_empty())
    {
        let (here, there) = (&op.spans[from], &op.spans[to]);
        return if op.tag == DiffTag::Equal && here.contains(&pos) {
            scale(here, there)
        } else {
            there.start
        };
    }
    // 3. Proportional.
    let (from_len, to_len) = (lens[from].max(1), lens[to]);
    (pos.min(from_len) * to_len) / from_len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{CompareOptions, SentencePair, compare_texts};

    #[test]
    fn diff_maps_equal_words_across() {
        let texts = Pair::new("new words first. the shared part", "the shared part");
        let c = compare_texts(texts, &CompareOptions::default());
        let lens = texts.map(str::len);
        let pos = texts.left.find("shared").unwrap_or(0);
        let got = facing(&c, Side::Left, pos, lens);
        assert_eq!(&texts.right[got..got + 6], "shared");
        assert_eq!(facing(&c, Side::Left, 0, lens), 0);
    }

    #[test]
    fn alignment_wins_over_the_diff() {
        let c = Comparison {
            alignment: vec![
                SentencePair {
                    left: Some(0..10),
                    right: Some(100..110),
                    similarity: 1.0,
                },
                SentencePair {
                    left: Some(10..20),
                    right: None,
                    similarity: 0.0,
                },
            ],
            ..Comparison::default()
        };
        let lens = Pair::new(20, 200);
        assert_eq!(facing(&c, Side::Left, 5, lens), 105);
        assert_eq!(facing(&c, Side::Left, 15, lens), 110);
        assert_eq!(facing(&c, Side::Right, 104, lens), 4);
    }

    #[test]
    fn proportional_without_any_data() {
        let c = Comparison::default();
        assert_eq!(facing(&c, Side::Left, 50, Pair::new(100, 1000)), 500);
    }
}

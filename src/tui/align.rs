//! Where text on one side faces text on the other, for synchronized scrolling.
//! Uses the engine's sentence alignment ([`Comparison::facing`]) when there is one,
//! the word diff otherwise, and proportional position as the last resort.

use crate::compare::{Comparison, DiffTag, SentencePair};
use crate::pair::{Pair, Side};
use std::ops::Range;

/// The byte offset on the other side that faces `pos` on side `from`.
/// `lens` are the two texts' lengths.
#[must_use]
pub fn facing(comparison: &Comparison, from: Side, pos: usize, lens: Pair<usize>) -> usize {
    by_alignment(comparison, from, pos)
        .or_else(|| by_diff(comparison, from, pos))
        .unwrap_or_else(|| {
            let (from_len, to_len) = (lens[from].max(1), lens[from.other()]);
            pos.min(from_len) * to_len / from_len
        })
}

/// The point of `to` as far into it as `pos` is into `from`.
fn scale(pos: usize, from: &Range<usize>, to: &Range<usize>) -> usize {
    let into = pos.saturating_sub(from.start).min(from.len());
    to.start + into * to.len() / from.len().max(1)
}

fn sentence(pair: &SentencePair, side: Side) -> Option<Range<usize>> {
    match side {
        Side::Left => pair.left.clone(),
        Side::Right => pair.right.clone(),
    }
}

fn by_alignment(comparison: &Comparison, from: Side, pos: usize) -> Option<usize> {
    let here = sentence(comparison.pair_at(from, pos)?, from)?;
    let there = comparison.facing(from, pos)?;
    let paired = comparison
        .pair_at(from, pos)
        .and_then(|p| sentence(p, from.other()))
        .is_some();
    Some(if paired && here.contains(&pos) {
        scale(pos, &here, &there)
    } else {
        there.end
    })
}

/// The diff op holding `pos` (ops may be in any order): equal words map word for
/// word, changed ones to where the other side's counterpart sits.
fn by_diff(comparison: &Comparison, from: Side, pos: usize) -> Option<usize> {
    let to = from.other();
    let holding = comparison
        .diff
        .iter()
        .find(|op| op.spans[from].contains(&pos));
    let op = holding.or_else(|| {
        comparison
            .diff
            .iter()
            .filter(|op| op.spans[from].start >= pos && !op.spans[from].is_empty())
            .min_by_key(|op| op.spans[from].start)
    })?;
    Some(if op.tag == DiffTag::Equal && holding.is_some() {
        scale(pos, &op.spans[from], &op.spans[to])
    } else {
        op.spans[to].start
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{CompareOptions, DiffMode, compare_texts};

    #[test]
    fn linear_diff_maps_equal_words_across() {
        let texts = Pair::new(
            "Brand new words come first here. Then the shared part follows",
            "Then the shared part follows",
        );
        let options = CompareOptions {
            diff_mode: DiffMode::Linear,
            ..CompareOptions::default()
        };
        let c = compare_texts(texts, &options);
        let lens = texts.map(str::len);
        let pos = texts.left.find("shared").unwrap_or(0);
        let got = facing(&c, Side::Left, pos, lens);
        assert_eq!(&texts.right[got..got + 6], "shared");
        assert_eq!(facing(&c, Side::Left, 0, lens), 0);
    }

    #[test]
    fn alignment_maps_sentences_in_any_order() {
        let texts = Pair::new(
            "The mayor spoke on Tuesday. Bakers worry about the detour.",
            "Bakers worry about the detour. The mayor spoke on Tuesday.",
        );
        let c = compare_texts(texts, &CompareOptions::default());
        let lens = texts.map(str::len);
        let pos = texts.left.find("Bakers").unwrap_or(0);
        let got = facing(&c, Side::Left, pos, lens);
        assert!(texts.right[got..].starts_with("Bakers"), "got {got}");
        let back = facing(&c, Side::Right, 0, lens);
        assert!(texts.left[back..].starts_with("Bakers"), "back {back}");
    }

    #[test]
    fn proportional_without_any_data() {
        let c = Comparison::default();
        assert_eq!(facing(&c, Side::Left, 50, Pair::new(100, 1000)), 500);
    }
}

//! Where each side's text is cut between its words, so that diff ops made of
//! whole cells tile both texts.

use crate::compare::Document;
use crate::compare::near::{self, Near, NearSide};
use crate::pair::{Pair, Side};
use crate::text::{MatchOptions, Token};
use std::ops::Range;

/// Where each side's text is cut between its words, so that ops tile it: a word's
/// cell runs from just after the last space before it (an opening quote mark stays
/// with its word) to just after the last space after it; the first cell starts at
/// the text's start, the last ends at its end.
#[derive(Debug, Clone)]
pub(crate) struct Cells<'a> {
    texts: Pair<&'a str>,
    /// Per side, the start of each word's cell, then the text's end.
    bounds: Pair<Vec<usize>>,
    /// Words, per side.
    tokens: Pair<&'a [Token]>,
    /// Every difference counts: paired words whose cells differ are a delete and
    /// an insert, not a near op.
    pub(super) strict: bool,
}

impl<'a> Cells<'a> {
    /// The cells of both documents; `strict` when every difference counts.
    pub fn new(docs: Pair<&'a Document<'_>>, strict: bool) -> Self {
        Self {
            texts: docs.map(|d| d.text),
            bounds: docs.map(cell_bounds),
            tokens: docs.map(|d| d.tokens.as_slice()),
            strict,
        }
    }

    /// Byte span of the cells of `words` on `side` (empty: where they would start).
    pub fn span(&self, side: Side, words: &Range<usize>) -> Range<usize> {
        let bounds = &self.bounds[side];
        let at = |i: usize| bounds.get(i).or(bounds.last()).copied().unwrap_or(0);
        at(words.start)..at(words.end.max(words.start))
    }

    /// The text of cell `i` on `side`.
    fn text(&self, side: Side, i: usize) -> &'a str {
        self.texts[side]
            .get(self.span(side, &(i..i + 1)))
            .unwrap_or_default()
    }

    /// Whether left cell `l` and right cell `r` hold the same characters, spaces aside.
    pub(super) fn same(&self, l: usize, r: usize) -> bool {
        let (a, b) = (self.text(Side::Left, l), self.text(Side::Right, r));
        a == b
            || a.chars()
                .filter(|c| !c.is_whitespace())
                .eq(b.chars().filter(|c| !c.is_whitespace()))
    }

    /// Whether every word paired in order across `words` has the same cells on
    /// both sides, spaces aside.
    pub(super) fn all_same(&self, words: &Pair<Range<usize>>) -> bool {
        self.identical(words)
            || words
                .left
                .clone()
                .zip(words.right.clone())
                .all(|(l, r)| self.same(l, r))
    }

    /// Whether `words` (as many on each side) are the same bytes cut into cells at
    /// the same places: then every paired cell is the [`Self::same`] on both sides.
    pub(super) fn identical(&self, words: &Pair<Range<usize>>) -> bool {
        let spans = Pair::new(
            self.span(Side::Left, &words.left),
            self.span(Side::Right, &words.right),
        );
        let text = |side: Side| self.texts[side].as_bytes().get(spans[side].clone());
        let cuts = |side: Side| {
            let bounds = &self.bounds[side];
            let start = spans[side].start;
            bounds
                .get(words[side].clone())
                .into_iter()
                .flatten()
                .map(move |&b| b - start)
        };
        words.left.len() == words.right.len()
            && text(Side::Left).is_some()
            && text(Side::Left) == text(Side::Right)
            && cuts(Side::Left).eq(cuts(Side::Right))
    }

    /// The near op of left word `l` and right word `r`.
    pub(super) fn near(&self, l: usize, r: usize, options: MatchOptions) -> Near {
        let cells = Pair::new(
            self.span(Side::Left, &(l..l + 1)),
            self.span(Side::Right, &(r..r + 1)),
        );
        let none = 0..0;
        let side = |side: Side, i: usize| NearSide {
            text: self.texts[side],
            cell: &cells[side],
            word: self.tokens[side].get(i).map_or(&none, |t| &t.span),
        };
        near::describe(
            Pair::new(side(Side::Left, l), side(Side::Right, r)),
            options,
        )
    }
}

/// The start of each word's cell in `doc`, then the text's end.
fn cell_bounds(doc: &Document<'_>) -> Vec<usize> {
    let tokens = &doc.tokens;
    let mut bounds = Vec::with_capacity(tokens.len() + 1);
    bounds.push(0);
    let bytes = doc.text.as_bytes();
    for pair in tokens.windows(2) {
        let (end, start) = (pair[0].span.end, pair[1].span.start);
        // Most gaps end with an ASCII space (or are empty): the cell ends right there.
        let ends_spaced = end < start
            && bytes
                .get(start - 1)
                .is_some_and(|&b| matches!(b, b'\t'..=b'\r' | b' '));
        bounds.push(if end >= start || ends_spaced {
            start
        } else {
            cut_in(doc.text, end, start)
        });
    }
    if !tokens.is_empty() {
        bounds.push(doc.text.len());
    }
    bounds
}

/// Where the cell of the word at `start` begins, in the gap `end..start` after the
/// previous word: just after the gap's last space (the word's start if it has none).
fn cut_in(text: &str, end: usize, start: usize) -> usize {
    text.get(end..start)
        .unwrap_or_default()
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(start, |(i, c)| end + i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        /// The ASCII-space shortcut cuts every gap where the general scan does.
        #[test]
        fn the_space_shortcut_cuts_where_the_scan_does(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    "word", "Über", " ", "  ", "\n", "\t", "\u{b}", "\u{c}", "\u{a0}",
                    "\u{2003}", ",", "“", "”", "—", "(AP)", "5%", ".",
                ][..]),
                0..40,
            ),
        ) {
            let text = pieces.concat();
            let doc = Document::new(&text, &MatchOptions::default());
            let mut general = vec![0];
            for pair in doc.tokens.windows(2) {
                general.push(cut_in(&text, pair[0].span.end, pair[1].span.start));
            }
            if !doc.tokens.is_empty() {
                general.push(text.len());
            }
            prop_assert_eq!(cell_bounds(&doc), general);
        }
    }

    #[test]
    fn cells_keep_opening_quotes_with_their_word_and_tile_the_text() {
        let text = "He said: “We wait.”\n\n(AP) — Done";
        let doc = Document::new(text, &MatchOptions::default());
        let bounds = cell_bounds(&doc);
        let cells: Vec<&str> = bounds.windows(2).map(|w| &text[w[0]..w[1]]).collect();
        assert_eq!(
            cells,
            ["He ", "said: ", "“We ", "wait.”\n\n", "(AP) — ", "Done"]
        );
        assert_eq!(cells.concat(), text);
    }
}

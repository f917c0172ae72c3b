//! Highlights as data: independent layers of `(range, mark)` merged into
//! non-overlapping segments. The reader's theme and the HTML reports style them
//! last, each its own way.

use crate::compare::quotes::reading_order;
use crate::compare::{Comparison, DiffTag, MatchKind};
use crate::pair::Side;
use std::ops::Range;

/// One kind of highlight over a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Words only in this article (delete on the left, insert on the right).
    Only(DiffTag),
    /// A word both articles have, written differently; `counted` when the ignore
    /// mode counts its kind of difference as a change.
    Near {
        /// Whether it counts as a change.
        counted: bool,
    },
    /// The characters that differ inside a near word.
    Emphasis,
    /// Words of a shared passage.
    Passage,
    /// Words of a shared quote.
    Quote(MatchKind),
    /// Text that cleaning removed (raw view only).
    Removed,
    /// A sentence a corpus view jumped to.
    Spotlight,
}

/// Every highlight that applies to one segment of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// `Delete`/`Insert` when the words are only in this article.
    pub diff: Option<DiffTag>,
    /// Part of a near word: `Some(counted)`.
    pub near: Option<bool>,
    /// A character that differs inside a near word.
    pub emphasis: bool,
    /// Part of a shared passage.
    pub passage: bool,
    /// Part of a shared quote, and how closely it matches.
    pub quote: Option<MatchKind>,
    /// Part of a search hit (set when drawing, not by layers).
    pub hit: bool,
    /// Removed by cleaning.
    pub removed: bool,
    /// In a sentence a corpus view jumped to.
    pub spotlight: bool,
}

impl Marks {
    /// Whether the segment is a change: only in this article, or a near word whose
    /// difference the ignore mode counts.
    #[must_use]
    pub fn is_change(&self) -> bool {
        self.diff.is_some() || self.near == Some(true)
    }

    fn add(&mut self, mark: Mark) {
        match mark {
            Mark::Only(tag) => self.diff = Some(tag),
            Mark::Near { counted } => self.near = Some(counted),
            Mark::Emphasis => self.emphasis = true,
            Mark::Passage => self.passage = true,
            // The closest kind wins when quotes overlap (`Exact` < `Near` < `Partial`).
            Mark::Quote(kind) => self.quote = Some(self.quote.map_or(kind, |k| k.min(kind))),
            Mark::Removed => self.removed = true,
            Mark::Spotlight => self.spotlight = true,
        }
    }
}

/// Merges layers into segments that cover `0..len` in order, without overlap,
/// each with the union of the marks over it. Ranges past `len` are clipped.
#[must_use]
pub fn superimpose(len: usize, layers: &[(Range<usize>, Mark)]) -> Vec<(Range<usize>, Marks)> {
    let mut cuts: Vec<usize> = vec![0, len];
    for (range, _) in layers {
        cuts.push(range.start.min(len));
        cuts.push(range.end.min(len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut segments: Vec<(Range<usize>, Marks)> = cuts
        .windows(2)
        .map(|w| (w[0]..w[1], Marks::default()))
        .collect();
    for (range, mark) in layers {
        if range.is_empty() {
            continue;
        }
        let first = segments.partition_point(|(r, _)| r.end <= range.start);
        for (seg, marks) in segments.iter_mut().skip(first) {
            if seg.start >= range.end {
                break;
            }
            marks.add(*mark);
        }
    }
    // Merge neighbours with equal marks so rendering emits fewer spans.
    let mut merged: Vec<(Range<usize>, Marks)> = Vec::with_capacity(segments.len());
    for (range, marks) in segments {
        match merged.last_mut() {
            Some((last, m)) if *m == marks => last.end = range.end,
            _ => merged.push((range, marks)),
        }
    }
    merged
}

/// A shared quote as one pane shows it: its number and span on this side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMarker {
    /// 1-based number, the same in both panes.
    pub number: usize,
    /// How closely it matches.
    pub kind: MatchKind,
    /// Byte span on this side.
    pub span: Range<usize>,
}

/// The shared quotes of a comparison in reading order of the left article,
/// numbered from 1; index `i` of the result is quote number `i + 1` (the numbers of
/// the `compare` JSON, see [`reading_order`]).
#[must_use]
pub fn numbered_quotes(comparison: &Comparison) -> Vec<usize> {
    reading_order(&comparison.shared_quotes)
}

/// The layers a comparison contributes to one side: diff (with near words and
/// their differing characters), passages, quotes.
#[must_use]
pub fn comparison_layers(comparison: &Comparison, side: Side) -> Vec<(Range<usize>, Mark)> {
    let mut layers = Vec::new();
    for op in &comparison.diff {
        let only_here = match side {
            Side::Left => op.tag == DiffTag::Delete,
            Side::Right => op.tag == DiffTag::Insert,
        };
        if only_here {
            layers.push((op.spans[side].clone(), Mark::Only(op.tag)));
        }
        if let Some(near) = &op.near {
            layers.push((
                op.spans[side].clone(),
                Mark::Near {
                    counted: near.counted,
                },
            ));
            layers.extend(
                near.emphasis[side]
                    .iter()
                    .map(|r| (r.clone(), Mark::Emphasis)),
            );
        }
    }
    for passage in &comparison.passages {
        layers.push((passage.spans[side].clone(), Mark::Passage));
    }
    for quote in &comparison.shared_quotes {
        layers.push((quote.spans[side].clone(), Mark::Quote(quote.kind)));
    }
    layers
}

/// The numbered quote markers of one side.
#[must_use]
pub fn quote_markers(comparison: &Comparison, side: Side) -> Vec<QuoteMarker> {
    numbered_quotes(comparison)
        .into_iter()
        .enumerate()
        .filter_map(|(n, i)| {
            let quote = comparison.shared_quotes.get(i)?;
            Some(QuoteMarker {
                number: n + 1,
                kind: quote.kind,
                span: quote.spans[side].clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_diff_and_quote_split_into_segments() {
        let segments = superimpose(
            10,
            &[
                (2..6, Mark::Only(DiffTag::Delete)),
                (4..8, Mark::Quote(MatchKind::Near)),
            ],
        );
        let expect_quote = Marks {
            quote: Some(MatchKind::Near),
            ..Marks::default()
        };
        let expect_both = Marks {
            diff: Some(DiffTag::Delete),
            ..expect_quote
        };
        assert_eq!(
            segments,
            vec![
                (0..2, Marks::default()),
                (
                    2..4,
                    Marks {
                        diff: Some(DiffTag::Delete),
                        ..Marks::default()
                    }
                ),
                (4..6, expect_both),
                (6..8, expect_quote),
                (8..10, Marks::default()),
            ]
        );
    }

    #[test]
    fn segments_cover_the_text_and_clip_ranges() {
        let segments = superimpose(5, &[(3..99, Mark::Removed), (7..9, Mark::Passage)]);
        assert_eq!(segments.first().map(|s| s.0.start), Some(0));
        assert_eq!(segments.last().map(|s| s.0.end), Some(5));
        assert!(segments.windows(2).all(|w| w[0].0.end == w[1].0.start));
        assert!(!segments.iter().any(|(_, m)| m.passage));
    }

    #[test]
    fn a_near_word_inside_a_quote_emphasises_its_differing_letters() {
        use crate::compare::{CompareOptions, compare_texts};
        use crate::pair::Pair;
        let texts = Pair::new(
            "He called it “chasing this illusionary goal” today.",
            "He called it “chasing this illusory goal” today.",
        );
        let comparison = compare_texts(texts, &CompareOptions::default());
        for side in Side::BOTH {
            let text = texts[side];
            let segments = superimpose(text.len(), &comparison_layers(&comparison, side));
            let near: String = segments
                .iter()
                .filter(|(_, m)| m.near == Some(false))
                .map(|(r, _)| &text[r.clone()])
                .collect();
            assert_eq!(
                near.trim(),
                if side == Side::Left {
                    "illusionary"
                } else {
                    "illusory"
                }
            );
            assert!(
                segments.iter().all(|(_, m)| !m.is_change()),
                "spelling is ignored"
            );
            let emphasised: Vec<&str> = segments
                .iter()
                .filter(|(_, m)| m.emphasis)
                .map(|(r, _)| &text[r.clone()])
                .collect();
            let quoted = segments
                .iter()
                .filter(|(_, m)| m.emphasis)
                .all(|(_, m)| m.quote.is_some());
            if side == Side::Left {
                assert_eq!(emphasised, ["i", "na"]);
                assert!(quoted, "the emphasis sits inside the shared quote");
            } else {
                assert!(emphasised.is_empty(), "the right lacks letters, adds none");
            }
        }
    }

    #[test]
    fn exact_wins_over_partial_where_quotes_overlap() {
        let segments = superimpose(
            4,
            &[
                (0..4, Mark::Quote(MatchKind::Partial)),
                (0..4, Mark::Quote(MatchKind::Exact)),
            ],
        );
        assert_eq!(segments[0].1.quote, Some(MatchKind::Exact));
    }
}

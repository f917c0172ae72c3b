//! Both panes on one grid of rows. Each side's text is cut into the same blocks
//! (gap, anchored sentence, gap, …: [`super::counterparts::blocks`]); each block is
//! laid out on its own and the side with fewer rows is padded, so counterparts start
//! on the same row and locked panes scroll by one row index. Padding facing text the
//! other side has in a gap is filler (drawn as a dim hatch); the rest is blank.
//! Folding (`z`) hides the same runs of unchanged blocks on both sides. Panes that
//! scroll alone are laid out [`apart`], without padding.

use super::layout::{Flow, LayoutInput, PieceKind, VisualLine, layout_range};
use crate::pair::{Pair, Side};
use std::ops::Range;

/// What [`grid`] lays out.
#[derive(Debug, Clone)]
pub struct GridInput<'a> {
    /// Each side's text and how to lay it out.
    pub sides: Pair<LayoutInput<'a>>,
    /// Each side's blocks, the same number on both sides, tiling its text.
    pub blocks: Pair<Vec<Range<usize>>>,
    /// Places inside blocks, in order on both sides, where both sides start a row
    /// at once (shared quotes).
    pub cuts: &'a [Pair<usize>],
    /// When folding: for each block, whether it changes (the rest is folded).
    pub changed: Option<&'a [bool]>,
}

/// Both sides' rows, equally many.
#[must_use]
pub fn grid(input: &GridInput<'_>) -> Pair<Vec<VisualLine>> {
    let mut flows = Pair::new(
        Flow::new(input.sides.left.text),
        Flow::new(input.sides.right.text),
    );
    let mut lines: Pair<Vec<VisualLine>> = Pair::default();
    let mut fold = Fold::default();
    let count = input.blocks.left.len().min(input.blocks.right.len());
    for index in 0..count {
        let ranges = Pair::new(
            input.blocks.left[index].clone(),
            input.blocks.right[index].clone(),
        );
        if let Some(changed) = input.changed {
            let has_text = Side::BOTH.into_iter().any(|s| {
                input.sides[s]
                    .text
                    .get(ranges[s].clone())
                    .is_some_and(|t| !t.trim().is_empty())
            });
            let unchanged = !changed.get(index).copied().unwrap_or(false);
            // Blocks of spaces only join a fold under way, else keep their blank row.
            if unchanged && (has_text || fold.start.is_some()) {
                fold.add(index, &ranges, has_text);
                continue;
            }
        }
        fold.flush(&mut lines, &mut flows);
        // A cut at a block's start on one side (a quotation opening it) still cuts
        // the other side, so the two quotes start a row together.
        let inside = |c: &&Pair<usize>| {
            Side::BOTH
                .into_iter()
                .all(|s| ranges[s].start <= c[s] && c[s] < ranges[s].end)
                && Side::BOTH.into_iter().any(|s| ranges[s].start < c[s])
        };
        let mut start = Pair::new(ranges.left.start, ranges.right.start);
        let cuts = input.cuts.iter().filter(inside).copied();
        for end in cuts.chain(std::iter::once(Pair::new(
            ranges.left.end,
            ranges.right.end,
        ))) {
            let piece = Pair::new(start.left..end.left, start.right..end.right);
            let rows =
                Side::BOTH.map(|s| layout_range(&input.sides[s], piece[s].clone(), &mut flows[s]));
            let [left, right] = pad(rows, &piece, index % 2 == 0);
            lines.left.extend(left);
            lines.right.extend(right);
            start = end;
        }
    }
    fold.flush(&mut lines, &mut flows);
    lines
}

/// Pads the side with fewer rows to the other's height: with filler facing text in a
/// gap (`gap`), with blank rows otherwise.
fn pad(
    mut rows: [Vec<VisualLine>; 2],
    ranges: &Pair<Range<usize>>,
    gap: bool,
) -> [Vec<VisualLine>; 2] {
    let height = rows[0].len().max(rows[1].len());
    for (own, side) in [(0, Side::Left), (1, Side::Right)] {
        for row in rows[own].len()..height {
            let facing_text = rows[1 - own].get(row).is_some_and(VisualLine::has_text);
            let at = ranges[side].end;
            rows[own].push(if gap && facing_text {
                VisualLine::of(at, PieceKind::Filler)
            } else {
                VisualLine::blank(at)
            });
        }
    }
    rows
}

/// Each side's whole text laid out on its own, without padding.
#[must_use]
pub fn apart(sides: &Pair<LayoutInput<'_>>) -> Pair<Vec<VisualLine>> {
    let lay = |input: &LayoutInput<'_>| {
        layout_range(input, 0..input.text.len(), &mut Flow::new(input.text))
    };
    Pair::new(lay(&sides.left), lay(&sides.right))
}

/// A run of folded blocks: how many sentences it hides and where it starts.
#[derive(Debug, Default)]
struct Fold {
    sentences: usize,
    start: Option<Pair<usize>>,
}

impl Fold {
    /// Folds block `index`: an anchored sentence pair, or a gap (`has_text` when
    /// it holds more than spaces).
    fn add(&mut self, index: usize, ranges: &Pair<Range<usize>>, has_text: bool) {
        if index % 2 == 1 || has_text {
            self.sentences += 1;
        }
        self.start
            .get_or_insert(Pair::new(ranges.left.start, ranges.right.start));
    }

    /// Ends the run: one row on both sides stands for what it hides.
    fn flush(&mut self, lines: &mut Pair<Vec<VisualLine>>, flows: &mut Pair<Flow>) {
        let (Some(start), sentences) = (self.start.take(), std::mem::take(&mut self.sentences))
        else {
            return;
        };
        if sentences == 0 {
            return;
        }
        let separate = Side::BOTH
            .into_iter()
            .any(|s| lines[s].last().is_some_and(|l| !l.pieces.is_empty()));
        for side in Side::BOTH {
            if separate {
                lines[side].push(VisualLine::blank(start[side]));
            }
            lines[side].push(VisualLine::of(start[side], PieceKind::Hidden(sentences)));
            flows[side].hide();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::layers::superimpose;

    fn texts(lines: &[VisualLine], text: &str) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.pieces
                    .iter()
                    .map(|p| match &p.kind {
                        PieceKind::Text(r) => text[r.clone()].to_string(),
                        PieceKind::Marker { number, .. } => format!("[{number}]"),
                        PieceKind::Hidden(n) => format!("<{n} hidden>"),
                        PieceKind::Filler => "///".into(),
                    })
                    .collect()
            })
            .collect()
    }

    fn lay(
        texts_: Pair<&str>,
        blocks: Pair<Vec<Range<usize>>>,
        cuts: &[Pair<usize>],
        changed: Option<&[bool]>,
    ) -> Pair<Vec<String>> {
        let segments = texts_.map(|t| superimpose(t.len(), &[]));
        let side = |s: Side| LayoutInput {
            text: texts_[s],
            segments: &segments[s],
            markers: &[],
            width: 30,
            wrap: true,
        };
        let lines = grid(&GridInput {
            sides: Pair::new(side(Side::Left), side(Side::Right)),
            blocks,
            cuts,
            changed,
        });
        assert_eq!(
            lines.left.len(),
            lines.right.len(),
            "both sides equally tall"
        );
        Pair::new(
            texts(&lines.left, texts_.left),
            texts(&lines.right, texts_.right),
        )
    }

    #[test]
    fn the_side_without_a_passage_gets_filler_and_counterparts_share_a_row() {
        let left = "First shared sentence.\n\nSecond shared one.";
        let right = "First shared sentence.\n\nAn extra paragraph only here.\n\nSecond shared one.";
        let second = Pair::new(left.find("Second").unwrap(), right.find("Second").unwrap());
        let blocks = Pair::new(
            vec![
                0..0,
                0..22,
                22..second.left,
                second.left..left.len(),
                left.len()..left.len(),
            ],
            vec![
                0..0,
                0..22,
                22..second.right,
                second.right..right.len(),
                right.len()..right.len(),
            ],
        );
        let rows = lay(Pair::new(left, right), blocks, &[], None);
        assert_eq!(
            rows.left,
            vec![
                "First shared sentence.",
                "",
                "///",
                "",
                "Second shared one."
            ]
        );
        assert_eq!(
            rows.right,
            vec![
                "First shared sentence.",
                "",
                "An extra paragraph only here.",
                "",
                "Second shared one."
            ]
        );
    }

    #[test]
    fn folding_hides_the_same_runs_on_both_sides() {
        let left = "One. Two. Three.";
        let right = "One. Too. Three.";
        let blocks = Pair::new(
            vec![0..0, 0..4, 4..5, 5..9, 9..10, 10..16, 16..16],
            vec![0..0, 0..4, 4..5, 5..9, 9..10, 10..16, 16..16],
        );
        let changed = [false, false, false, true, false, false, false];
        let rows = lay(Pair::new(left, right), blocks, &[], Some(&changed));
        assert_eq!(rows.left, vec!["<1 hidden>", "", "Two.", "", "<1 hidden>"]);
        assert_eq!(rows.right, vec!["<1 hidden>", "", "Too.", "", "<1 hidden>"]);
        // Paragraphs kept next to each other keep the blank row between them.
        let left = "One.\n\nTwo.\n\nThree.";
        let right = "Uno.\n\nTwo.\n\nTres.";
        let blocks = vec![0..0, 0..4, 4..6, 6..10, 10..12, 12..18, 18..18];
        let changed = [false, true, false, false, false, true, false];
        let rows = lay(
            Pair::new(left, right),
            Pair::new(blocks.clone(), blocks),
            &[],
            Some(&changed),
        );
        assert_eq!(rows.left, vec!["One.", "", "<1 hidden>", "", "Three."]);
    }

    #[test]
    fn a_cut_starts_a_row_on_both_sides() {
        let left = "He said “no deal” today.";
        let right = "Asked again on Friday, the minister said “no deal”.";
        let cut = Pair::new(left.find('“').unwrap(), right.find('“').unwrap());
        let blocks = Pair::new(
            vec![0..0, 0..left.len(), left.len()..left.len()],
            vec![0..0, 0..right.len(), right.len()..right.len()],
        );
        let rows = lay(Pair::new(left, right), blocks, &[cut], None);
        assert_eq!(rows.left, vec!["He said", "", "“no deal” today."]);
        assert_eq!(
            rows.right,
            vec!["Asked again on Friday, the", "minister said", "“no deal”."]
        );
    }

    #[test]
    fn a_longer_sentence_is_padded_with_blank_rows_not_filler() {
        let left = "A sentence long enough to wrap onto a second row here.";
        let right = "A short one.";
        let blocks = Pair::new(
            vec![0..0, 0..left.len(), left.len()..left.len()],
            vec![0..0, 0..right.len(), right.len()..right.len()],
        );
        let rows = lay(Pair::new(left, right), blocks, &[], None);
        assert_eq!(rows.left.len(), 2);
        assert_eq!(rows.right, vec!["A short one.", ""]);
    }
}

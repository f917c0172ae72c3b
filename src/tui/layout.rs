//! Laying out one pane's text: paragraphs kept, words wrapped to a width
//! measured in terminal columns, highlights split into pieces, quote markers placed.
//! The result is cached by the app and only the visible lines are turned into spans.

use super::marks::{Marks, QuoteMarker};
use crate::compare::MatchKind;
use crate::present::{marker_label, width};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What a piece of a visual line shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PieceKind {
    /// A byte range of the pane's text.
    Text(Range<usize>),
    /// The `[n]` marker in front of a shared quote.
    Marker {
        /// The quote's number.
        number: usize,
        /// How closely it matches.
        kind: MatchKind,
    },
    /// Stands for this many hidden unchanged paragraphs.
    Hidden(usize),
}

/// A styled piece of a visual line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// What it shows.
    pub kind: PieceKind,
    /// Highlights over it.
    pub marks: Marks,
}

/// One row of a pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Byte offset in the text where the row starts (for scrolling and jumps).
    pub start: usize,
    /// Its pieces, left to right.
    pub pieces: Vec<Piece>,
}

/// What [`layout`] lays out.
#[derive(Debug, Clone, Copy)]
pub struct LayoutInput<'a> {
    /// The pane's text.
    pub text: &'a str,
    /// Merged highlights covering the text (from [`super::marks::superimpose`]).
    pub segments: &'a [(Range<usize>, Marks)],
    /// Quote markers to place, any order.
    pub markers: &'a [QuoteMarker],
    /// Pane width in columns (at least 1 is used).
    pub width: usize,
    /// Wrap words; otherwise one row per paragraph, cut at the pane edge when drawn.
    pub wrap: bool,
    /// Show only paragraphs with words that are only in this article.
    pub only_changed: bool,
}

/// A row being built: its byte range and the markers inside it.
struct Row {
    range: Range<usize>,
    markers: Vec<(usize, usize, MatchKind)>,
}

/// Lays out the whole text into visual lines.
#[must_use]
pub fn layout(input: &LayoutInput<'_>) -> Vec<VisualLine> {
    let mut markers: Vec<&QuoteMarker> = input.markers.iter().collect();
    markers.sort_by_key(|m| m.span.start);
    let mut lines = Vec::new();
    let mut hidden = 0;
    let mut pos = 0;
    for paragraph in input.text.split('\n') {
        let range = pos..pos + paragraph.len();
        pos = range.end + 1;
        if input.only_changed && !paragraph.trim().is_empty() {
            if !has_change(input.segments, &range) {
                hidden += 1;
                continue;
            }
            if hidden > 0 {
                lines.push(hidden_line(hidden, range.start));
                hidden = 0;
            }
        } else if input.only_changed {
            continue;
        }
        // One blank row separates paragraphs; runs of blank lines collapse into it.
        if lines
            .last()
            .is_some_and(|l: &VisualLine| !l.pieces.is_empty())
        {
            lines.push(VisualLine {
                start: range.start,
                pieces: Vec::new(),
            });
        }
        if paragraph.trim().is_empty() {
            continue;
        }
        let para_markers: Vec<&QuoteMarker> = markers
            .iter()
            .copied()
            .filter(|m| range.contains(&m.span.start))
            .collect();
        for row in rows(input, range, &para_markers) {
            lines.push(VisualLine {
                start: row.range.start,
                pieces: pieces(input.segments, &row),
            });
        }
    }
    if hidden > 0 {
        if !lines.is_empty() {
            lines.push(VisualLine {
                start: input.text.len(),
                pieces: Vec::new(),
            });
        }
        lines.push(hidden_line(hidden, input.text.len()));
    }
    lines
}

fn hidden_line(count: usize, start: usize) -> VisualLine {
    VisualLine {
        start,
        pieces: vec![Piece {
            kind: PieceKind::Hidden(count),
            marks: Marks::default(),
        }],
    }
}

fn has_change(segments: &[(Range<usize>, Marks)], range: &Range<usize>) -> bool {
    segments
        .iter()
        .any(|(r, m)| m.is_change() && r.start < range.end && range.start < r.end)
}

/// Words of a paragraph as byte ranges.
fn words(text: &str, range: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let slice = text.get(range.clone()).unwrap_or("");
    for (i, c) in slice.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(range.start + s..range.start + i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(range.start + s..range.end);
    }
    out
}

/// Splits a paragraph into rows no wider than the pane.
fn rows(input: &LayoutInput<'_>, range: Range<usize>, markers: &[&QuoteMarker]) -> Vec<Row> {
    let text = input.text;
    let words = words(text, &range);
    if !input.wrap || words.is_empty() {
        return vec![Row {
            range,
            markers: markers
                .iter()
                .map(|m| (m.span.start, m.number, m.kind))
                .collect(),
        }];
    }
    let max = input.width.max(1);
    let slice = |r: Range<usize>| text.get(r).unwrap_or("");
    let mut rows: Vec<Row> = Vec::new();
    let mut current: Option<(Row, usize)> = None;
    let mut next_marker = 0;
    for word in words {
        // Markers that start before the end of this word are drawn in front of it.
        let mut word_markers = Vec::new();
        while let Some(m) = markers.get(next_marker) {
            if m.span.start >= word.end {
                break;
            }
            word_markers.push((word.start, m.number, m.kind));
            next_marker += 1;
        }
        let marker_width: usize = word_markers
            .iter()
            .map(|&(_, n, k)| width(&marker_label(n, k)))
            .sum();
        let word_width = width(slice(word.clone())) + marker_width;
        if let Some((row, used)) = current.as_mut() {
            let gap = width(slice(row.range.end..word.start));
            if *used + gap + word_width <= max {
                *used += gap + word_width;
                row.range.end = word.end;
                row.markers.extend(word_markers);
                continue;
            }
        }
        if let Some((row, _)) = current.take() {
            rows.push(row);
        }
        if word_width <= max {
            current = Some((
                Row {
                    range: word,
                    markers: word_markers,
                },
                word_width,
            ));
            continue;
        }
        // A word wider than the pane is cut at grapheme boundaries.
        let mut row = Row {
            range: word.start..word.start,
            markers: word_markers,
        };
        let mut used = marker_width;
        for (offset, grapheme) in slice(word.clone()).grapheme_indices(true) {
            let w = width(grapheme);
            if used + w > max && row.range.end > row.range.start {
                rows.push(row);
                row = Row {
                    range: word.start + offset..word.start + offset,
                    markers: Vec::new(),
                };
                used = 0;
            }
            row.range.end = word.start + offset + grapheme.len();
            used += w;
        }
        current = Some((row, used));
    }
    if let Some((row, _)) = current {
        rows.push(row);
    }
    rows
}

/// Cuts a row into pieces at highlight boundaries and marker positions.
fn pieces(segments: &[(Range<usize>, Marks)], row: &Row) -> Vec<Piece> {
    let (lo, hi) = (row.range.start, row.range.end);
    let marker = |&(_, number, kind): &(usize, usize, MatchKind)| Piece {
        kind: PieceKind::Marker { number, kind },
        marks: Marks::default(),
    };
    let mut out = Vec::new();
    let mut next = 0;
    let first = segments.partition_point(|(r, _)| r.end <= lo);
    for (range, marks) in segments.iter().skip(first) {
        if range.start >= hi {
            break;
        }
        let mut start = range.start.max(lo);
        let end = range.end.min(hi);
        loop {
            while let Some(m) = row.markers.get(next).filter(|m| m.0 <= start) {
                out.push(marker(m));
                next += 1;
            }
            let cut = row.markers.get(next).map_or(end, |m| m.0).min(end);
            if cut > start {
                out.push(Piece {
                    kind: PieceKind::Text(start..cut),
                    marks: *marks,
                });
            }
            if cut >= end {
                break;
            }
            start = cut;
        }
    }
    out.extend(row.markers.iter().skip(next).map(marker));
    out
}

/// Index of the visual line that shows byte `pos`.
#[must_use]
pub fn line_of(lines: &[VisualLine], pos: usize) -> usize {
    lines.partition_point(|l| l.start <= pos).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::marks::superimpose;

    fn lay(text: &str, width: usize, markers: &[QuoteMarker]) -> Vec<VisualLine> {
        let segments = superimpose(text.len(), &[]);
        layout(&LayoutInput {
            text,
            segments: &segments,
            markers,
            width,
            wrap: true,
            only_changed: false,
        })
    }

    fn row_texts(text: &str, lines: &[VisualLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.pieces
                    .iter()
                    .map(|p| match &p.kind {
                        PieceKind::Text(r) => text[r.clone()].to_string(),
                        PieceKind::Marker { number, kind } => marker_label(*number, *kind),
                        PieceKind::Hidden(n) => format!("<{n}>"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn wraps_words_and_keeps_paragraphs() {
        let text = "one two three four\n\nfive";
        let lines = lay(text, 9, &[]);
        assert_eq!(
            row_texts(text, &lines),
            vec!["one two", "three", "four", "", "five"]
        );
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let text = "日本語 日本語";
        let lines = lay(text, 7, &[]);
        assert_eq!(row_texts(text, &lines), vec!["日本語", "日本語"]);
    }

    #[test]
    fn long_words_are_cut_on_grapheme_boundaries() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}";
        let lines = lay(text, 3, &[]);
        assert_eq!(lines.len(), 2);
        for line in &lines {
            for piece in &line.pieces {
                if let PieceKind::Text(r) = &piece.kind {
                    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                }
            }
        }
    }

    #[test]
    fn marker_sits_before_the_quote_and_counts_in_the_width() {
        let text = "he said \u{201c}no deal\u{201d} today";
        let start = text.find("no").unwrap_or(0);
        let markers = [QuoteMarker {
            number: 2,
            kind: MatchKind::Exact,
            span: start..start + 7,
        }];
        let lines = lay(text, 12, &markers);
        assert_eq!(
            row_texts(text, &lines),
            vec!["he said", "[2]\u{201c}no deal\u{201d}", "today"]
        );
    }

    #[test]
    fn only_changed_hides_unchanged_paragraphs() {
        use crate::compare::DiffTag;
        use crate::tui::marks::Mark;
        let text = "same\nchanged here\nsame again\nmore same";
        let at = text.find("changed").unwrap_or(0);
        let segments = superimpose(text.len(), &[(at..at + 7, Mark::Only(DiffTag::Delete))]);
        let lines = layout(&LayoutInput {
            text,
            segments: &segments,
            markers: &[],
            width: 40,
            wrap: true,
            only_changed: true,
        });
        assert_eq!(
            row_texts(text, &lines),
            vec!["<1>", "", "changed here", "", "<2>"]
        );
    }

    #[test]
    fn line_of_finds_the_row_of_an_offset() {
        let text = "aaa bbb ccc";
        let lines = lay(text, 3, &[]);
        assert_eq!(line_of(&lines, 0), 0);
        assert_eq!(line_of(&lines, 5), 1);
        assert_eq!(line_of(&lines, 100), 2);
    }

    proptest::proptest! {
        #[test]
        fn rows_fit_the_width_and_keep_every_word(
            text in "([a-zé日🚲\u{301}\u{1b}\t]{0,12}[ \n]{1,2}){0,20}",
            cols in 1usize..30,
        ) {
            let lines = lay(&text, cols, &[]);
            let mut shown = String::new();
            for line in &lines {
                let mut used = 0;
                for piece in &line.pieces {
                    if let PieceKind::Text(r) = &piece.kind {
                        proptest::prop_assert!(text.is_char_boundary(r.start));
                        proptest::prop_assert!(text.is_char_boundary(r.end));
                        used += width(&text[r.clone()]);
                        shown.push_str(&text[r.clone()]);
                        shown.push(' ');
                    }
                }
                // A single grapheme wider than the pane is the only allowed overflow.
                proptest::prop_assert!(used <= cols.max(2), "{used} > {cols}");
            }
            let words = |s: &str| s.split_whitespace().collect::<String>();
            proptest::prop_assert_eq!(words(&shown), words(&text));
        }
    }
}

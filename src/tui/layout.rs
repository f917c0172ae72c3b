//! Laying out one pane's text: paragraphs kept, words wrapped to a width
//! measured in terminal columns, highlights split into pieces, quote markers placed.
//! A text is laid out range by range ([`layout_range`]: the blocks of
//! [`super::grid`]), each range starting on a row of its own. The result is cached by
//! the app and only the visible lines are turned into spans.

use crate::compare::MatchKind;
use crate::present::layers::{Marks, QuoteMarker};
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
    /// Stands for this many hidden unchanged sentences.
    Hidden(usize),
    /// Fills a row where the other article has text this one lacks.
    Filler,
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

impl VisualLine {
    /// A row without pieces: a blank line at `start`.
    #[must_use]
    pub const fn blank(start: usize) -> Self {
        Self {
            start,
            pieces: Vec::new(),
        }
    }

    /// A row of one piece of `kind` without marks.
    #[must_use]
    pub fn of(start: usize, kind: PieceKind) -> Self {
        Self {
            start,
            pieces: vec![Piece {
                kind,
                marks: Marks::default(),
            }],
        }
    }

    /// Whether the row shows some of the text.
    #[must_use]
    pub fn has_text(&self) -> bool {
        self.pieces
            .iter()
            .any(|p| matches!(p.kind, PieceKind::Text(_)))
    }

    /// Columns the row's text and markers take.
    #[must_use]
    pub fn width(&self, text: &str) -> usize {
        self.pieces
            .iter()
            .map(|p| match &p.kind {
                PieceKind::Text(r) => width(text.get(r.clone()).unwrap_or("")),
                PieceKind::Marker { number, kind } => width(&marker_label(*number, *kind)),
                PieceKind::Hidden(_) | PieceKind::Filler => 0,
            })
            .sum()
    }
}

/// What [`layout_range`] lays out.
#[derive(Debug, Clone, Copy)]
pub struct LayoutInput<'a> {
    /// The pane's text.
    pub text: &'a str,
    /// Merged highlights covering the text (from [`crate::present::layers::superimpose`]).
    pub segments: &'a [(Range<usize>, Marks)],
    /// Quote markers to place, in order of their starts.
    pub markers: &'a [QuoteMarker],
    /// Pane width in columns (at least 1 is used).
    pub width: usize,
    /// Wrap words; otherwise one row per paragraph, cut at the pane edge when drawn.
    pub wrap: bool,
}

/// Where a text's flow stands between the ranges laid out one after another: one
/// blank row separates paragraphs, wherever the ranges are cut.
#[derive(Debug, Clone, Copy)]
pub struct Flow {
    /// Some text was laid out.
    content: bool,
    /// A paragraph ended after it, and no blank row stands for that yet.
    broken: bool,
    /// Where the text's last non-space character ends.
    content_end: usize,
}

impl Flow {
    /// The flow at the start of `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self {
            content: false,
            broken: false,
            content_end: text.trim_end().len(),
        }
    }

    /// Continues after rows that stand for hidden text: a blank row comes next.
    pub fn hide(&mut self) {
        self.content = true;
        self.broken = true;
    }
}

/// A row being built: its byte range and the markers inside it.
struct Row {
    range: Range<usize>,
    markers: Vec<(usize, usize, MatchKind)>,
}

/// Lays out bytes `range` of the text into visual lines, on rows of their own,
/// continuing `flow`. A paragraph break at the range's end gets its blank row here
/// (when more text follows), so the next range starts with text.
#[must_use]
pub fn layout_range(
    input: &LayoutInput<'_>,
    range: Range<usize>,
    flow: &mut Flow,
) -> Vec<VisualLine> {
    let mut lines = Vec::new();
    let slice = input.text.get(range.clone()).unwrap_or("");
    let first = input
        .markers
        .partition_point(|m| m.span.start < range.start);
    let markers = &input.markers[first..];
    let mut pos = range.start;
    for (i, paragraph) in slice.split('\n').enumerate() {
        let part = pos..pos + paragraph.len();
        pos = part.end + 1;
        if i > 0 && flow.content {
            flow.broken = true;
        }
        if paragraph.trim().is_empty() {
            continue;
        }
        if flow.broken {
            lines.push(VisualLine::blank(part.start));
            flow.broken = false;
        }
        let inside: Vec<&QuoteMarker> = markers
            .iter()
            .take_while(|m| m.span.start < part.end)
            .filter(|m| m.span.start >= part.start)
            .collect();
        for row in rows(input, part, &inside) {
            lines.push(VisualLine {
                start: row.range.start,
                pieces: pieces(input.segments, &row),
            });
        }
        flow.content = true;
    }
    if flow.broken && range.end < flow.content_end {
        lines.push(VisualLine::blank(range.end));
        flow.broken = false;
    }
    lines
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
    use crate::present::layers::superimpose;

    fn lay(text: &str, width: usize, markers: &[QuoteMarker]) -> Vec<VisualLine> {
        let segments = superimpose(text.len(), &[]);
        let input = LayoutInput {
            text,
            segments: &segments,
            markers,
            width,
            wrap: true,
        };
        layout_range(&input, 0..text.len(), &mut Flow::new(text))
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
                        PieceKind::Filler => "/".into(),
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
    fn ranges_start_rows_of_their_own_and_paragraph_breaks_stay_one_blank_row() {
        let text = "One. Two.\n\n\nThree.";
        let segments = superimpose(text.len(), &[]);
        let input = LayoutInput {
            text,
            segments: &segments,
            markers: &[],
            width: 40,
            wrap: true,
        };
        let mut flow = Flow::new(text);
        let cuts = [0..4, 4..9, 9..12, 12..text.len()];
        let rows: Vec<Vec<String>> = cuts
            .iter()
            .map(|r| row_texts(text, &layout_range(&input, r.clone(), &mut flow)))
            .collect();
        // The blank row belongs to the range holding the break, not to the next one.
        assert_eq!(
            rows,
            vec![vec!["One."], vec!["Two."], vec![""], vec!["Three."]]
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

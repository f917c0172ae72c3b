//! Wrapping painted words into lines of plain output, written straight into the
//! report's one buffer (no string per word or per line).

use super::pieces::Pieces;
use super::{Paint, Painter};
use crate::present::width as columns;

/// A paragraph being wrapped into `out`: a line breaks at a space, or before a glued
/// piece that would not fit; a piece wider than a line stands alone on it
/// ([`Self::words`] cuts such words). Continued lines start with `indent`.
pub(super) struct Wrapped<'o> {
    out: &'o mut String,
    width: usize,
    indent: &'o str,
    /// Columns of `indent`: where a line's text starts.
    start: usize,
    /// Columns used on the current line.
    col: usize,
}

impl<'o> Wrapped<'o> {
    /// A paragraph starting a new line with `indent`.
    pub fn new(out: &'o mut String, width: usize, indent: &'o str) -> Self {
        out.push_str(indent);
        Self::after(out, width, indent)
    }

    /// A paragraph whose first line already holds as many columns as `indent`
    /// (a label of that width).
    pub fn after(out: &'o mut String, width: usize, indent: &'o str) -> Self {
        let start = columns(indent);
        Self {
            out,
            width,
            indent,
            start,
            col: start,
        }
    }

    /// Appends one piece, already painted, `w` columns wide when shown; `spaced`: a
    /// space stands before it (otherwise it is glued to the piece before).
    pub fn piece(&mut self, painted: &str, w: usize, spaced: bool) {
        let gap = usize::from(spaced && self.col > self.start);
        if self.col > self.start && self.col + gap + w > self.width {
            self.out.push('\n');
            self.out.push_str(self.indent);
            self.col = self.start;
        } else if gap == 1 {
            self.out.push(' ');
            self.col += 1;
        }
        self.out.push_str(painted);
        self.col += w;
    }

    /// Appends the words of `text` painted as `paint`, `marks` opening the first and
    /// closing the last, the first one `spaced` or glued to what comes before. Words
    /// wider than [`super::WORD_COLUMNS`] are cut into pieces that fit.
    pub fn words(
        &mut self,
        painter: Painter,
        paint: Option<Paint>,
        text: &str,
        marks: (&str, &str),
        spaced: bool,
    ) {
        let mut pieces = Pieces::new(text);
        let mut next = pieces.next();
        let mut first = true;
        let mut marked = String::new();
        let mut painted = String::new();
        while let Some((word, w)) = next {
            next = pieces.next();
            let open = if first { marks.0 } else { "" };
            let close = if next.is_none() { marks.1 } else { "" };
            let (shown, w) = if open.is_empty() && close.is_empty() {
                (word.as_ref(), w)
            } else {
                marked.clear();
                marked.push_str(open);
                marked.push_str(&word);
                marked.push_str(close);
                (marked.as_str(), columns(&marked))
            };
            // Already inert: painting without colors would only copy it.
            let shown = match paint {
                Some(p) if painter.palette.is_some() => {
                    painted.clear();
                    painter.paint_into(&mut painted, p, shown);
                    painted.as_str()
                }
                _ => shown,
            };
            self.piece(shown, w, !first || spaced);
            first = false;
        }
    }
}

/// `pieces` (each already painted, with its width when shown), spaced, wrapped into
/// `out` to `width` columns as a paragraph starting with `indent`.
pub(super) fn wrap_into(out: &mut String, pieces: &[(String, usize)], width: usize, indent: &str) {
    let mut wrapped = Wrapped::new(out, width, indent);
    for (piece, w) in pieces {
        wrapped.piece(piece, *w, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::plain::WORD_COLUMNS;

    #[test]
    fn wrap_keeps_lines_within_width() {
        let mut out = String::new();
        Wrapped::new(&mut out, 30, "  ").words(
            Painter::PLAIN,
            None,
            &"word ".repeat(40),
            ("", ""),
            true,
        );
        assert!(out.lines().count() > 1);
        assert!(out.lines().all(|l| columns(l) <= 30));
    }

    #[test]
    fn long_words_are_cut_and_marks_close_the_last_piece() {
        let mut out = String::new();
        let url = format!("https://example.org/{}", "a".repeat(100));
        Wrapped::new(&mut out, 80, "").words(Painter::PLAIN, None, &url, ("[-", "-]"), false);
        assert!(
            out.starts_with("[-https://") && out.ends_with("-]"),
            "{out}"
        );
        assert!(out.lines().all(|l| columns(l) <= WORD_COLUMNS + 2));
    }
}

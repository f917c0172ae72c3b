//! Wrapping painted words into lines of plain output, written straight into the
//! report's one buffer (no string per word or per line).

use super::pieces::Pieces;
use super::{Paint, Painter};
use crate::present::text::single_column_width;
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
        // Unpainted words are shown as they are, so a stretch of plain words can be
        // copied a line at a time.
        let unpainted = paint.is_none() || painter.palette.is_none();
        let mut pieces = Pieces::new(text);
        let mut first = true;
        let mut marked = String::new();
        let mut painted = String::new();
        while let Some((word, w)) = pieces.next() {
            let open = if first { marks.0 } else { "" };
            let close = if marks.1.is_empty() || !pieces.is_done() {
                ""
            } else {
                marks.1
            };
            let (shown, w) = if open.is_empty() && close.is_empty() {
                (word.as_ref(), w)
            } else {
                marked.clear();
                marked.push_str(open);
                marked.push_str(&word);
                marked.push_str(close);
                // Marks and a word of one-column characters: their columns add up.
                let w = [open, &word, close]
                    .into_iter()
                    .try_fold(0, |sum, s| Some(sum + single_column_width(s)?))
                    .unwrap_or_else(|| columns(&marked));
                (marked.as_str(), w)
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
            if let Some(at) = pieces.at_word_end().filter(|_| unpainted) {
                pieces.resume(self.plain_stretch(text, at));
            }
        }
    }

    /// Lays out the plain words of `text` from byte `at`, right after a word this line
    /// holds, as [`Self::piece`] would lay them out one by one (spaced), but a line at
    /// a time; returns the byte where they end. Plain words: printable ASCII, at most
    /// [`super::WORD_COLUMNS`] long, each after one space and before one space and
    /// another word (so none is the last, which may take a mark).
    fn plain_stretch(&mut self, text: &str, at: usize) -> usize {
        if self.col <= self.start {
            return at;
        }
        let bytes = text.as_bytes();
        let end = stretch_end(bytes, at);
        let mut i = at;
        while i < end {
            // A word fits when it ends within `room` bytes of `i` (its space counted).
            let limit = i + self.width.saturating_sub(self.col);
            if limit >= end {
                self.push(text, i, end);
                break;
            }
            // Up to the last word ending within the limit (a space follows it)…
            let fit = bytes
                .get(i + 1..=limit)
                .and_then(|window| memchr::memrchr(b' ', window))
                .map_or(i, |k| i + 1 + k);
            self.push(text, i, fit);
            // … and the next word opens the next line.
            self.out.push('\n');
            self.out.push_str(self.indent);
            self.col = self.start;
            let word = fit + 1;
            let word_end = bytes
                .get(word..end)
                .and_then(|rest| memchr::memchr(b' ', rest))
                .map_or(end, |k| word + k);
            self.push(text, word, word_end);
            i = word_end;
        }
        end
    }

    /// Appends bytes `from..to` of `text`, printable ASCII: one column a byte.
    fn push(&mut self, text: &str, from: usize, to: usize) {
        self.out.push_str(text.get(from..to).unwrap_or_default());
        self.col += to - from;
    }
}

/// Where the stretch of plain words of [`Wrapped::plain_stretch`] from byte `at`
/// ends (`at` when there is none).
fn stretch_end(bytes: &[u8], at: usize) -> usize {
    if bytes.get(at) != Some(&b' ') {
        return at;
    }
    // Smooth blocks first, sixteen bytes at a time …
    let mut block = at;
    let mut space_before = false;
    while let Some(chunk) = bytes
        .get(block..block + 16)
        .and_then(|b| <&[u8; 16]>::try_from(b).ok())
        && let Some(last_space) = smooth(chunk, space_before)
    {
        space_before = last_space;
        block += 16;
    }
    // … up to their last space with a word after it (spaces stand alone there) …
    let mut end = bytes
        .get(at..block.saturating_sub(1))
        .and_then(|before| memchr::memrchr(b' ', before))
        .map_or(at, |k| at + k);
    // … then a word at a time.
    let graphic = |i: usize| bytes.get(i).is_some_and(|&b| matches!(b, b'!'..=b'~'));
    while bytes.get(end) == Some(&b' ') {
        let mut next = end + 1;
        while graphic(next) {
            next += 1;
        }
        let len = next - end - 1;
        if len == 0
            || len > super::WORD_COLUMNS
            || bytes.get(next) != Some(&b' ')
            || !graphic(next + 1)
        {
            break;
        }
        end = next;
    }
    end
}

/// Whether `block` holds only printable ASCII, at least one space and no two spaces
/// together (nor a space first when `space_before`): then its words are plain (none
/// is longer than two blocks). Gives whether its last byte is a space. The bytes
/// are tested all at once (vector code: no early exit).
fn smooth(block: &[u8; 16], space_before: bool) -> Option<bool> {
    let printable = block
        .iter()
        .fold(true, |all, &b| all & (b.wrapping_sub(b' ') <= b'~' - b' '));
    let spaces = block
        .iter()
        .enumerate()
        .fold(0u32, |mask, (i, &b)| mask | (u32::from(b == b' ') << i));
    let together = spaces & ((spaces << 1) | u32::from(space_before));
    (printable && spaces != 0 && together == 0).then_some(spaces & (1 << 15) != 0)
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
    use crate::present::palette::PALETTE;

    /// [`Wrapped::words`] a word at a time (the general path).
    fn one_by_one(
        wrapped: &mut Wrapped,
        painter: Painter,
        paint: Option<Paint>,
        text: &str,
        marks: (&str, &str),
        spaced: bool,
    ) {
        let mut pieces = Pieces::new(text);
        let mut next = pieces.next();
        let mut first = true;
        while let Some((word, w)) = next {
            next = pieces.next();
            let open = if first { marks.0 } else { "" };
            let close = if next.is_none() { marks.1 } else { "" };
            let marked = format!("{open}{word}{close}");
            let w = if open.is_empty() && close.is_empty() {
                w
            } else {
                columns(&marked)
            };
            let shown = match paint {
                Some(p) if painter.palette.is_some() => painter.paint(p, &marked),
                _ => marked,
            };
            wrapped.piece(&shown, w, !first || spaced);
            first = false;
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_laid_out_as_one_by_one(
            texts in proptest::collection::vec("( |  |\\n|\\t|a|bc|defgh|’|é|\\x1b|\\x7f|\\u{a0}|x{55,66}|[!-~]{1,12}| [!-~]{1,9} [!-~]{1,9}){0,40}", 1..4),
            width in 1usize..90,
            indent in 0usize..6,
            marked in proptest::bool::ANY,
            spaced in proptest::bool::ANY,
            painted in proptest::bool::ANY,
            colored in proptest::bool::ANY,
        ) {
            let indent = " ".repeat(indent);
            let marks = if marked { ("[-", "-]") } else { ("", "") };
            let painter = Painter { palette: colored.then_some(&PALETTE) };
            let paint = painted.then_some(Paint::Deleted);
            let (mut fast, mut slow) = (String::new(), String::new());
            let mut a = Wrapped::new(&mut fast, width, &indent);
            let mut b = Wrapped::new(&mut slow, width, &indent);
            for text in &texts {
                a.words(painter, paint, text, marks, spaced);
                one_by_one(&mut b, painter, paint, text, marks, spaced);
            }
            proptest::prop_assert_eq!(fast, slow);
        }
    }

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

//! The words of a text as plain output shows them: cut at whitespace by a byte walk
//! (as `split_whitespace` cuts them), printable ASCII words measured by their length,
//! others made inert and measured in columns, words wider than [`WORD_COLUMNS`] cut
//! into pieces.

use crate::present::text::shown_width;
use crate::present::width as columns;
use crate::sanitize::inert;
use std::borrow::Cow;

/// Widest word plain output prints whole: longer ones (URLs) are cut into pieces of
/// this many columns so every line fits 80 columns with room for an indent.
pub const WORD_COLUMNS: usize = 60;

/// The pieces of a text as shown, each with its width in columns.
pub(super) struct Pieces<'t> {
    text: &'t str,
    /// Byte where the next word is looked for.
    at: usize,
    /// Pieces of a cut word still to come, the next one last.
    cut: Vec<(String, usize)>,
}

impl<'t> Pieces<'t> {
    /// The pieces of `text`.
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            at: 0,
            cut: Vec::new(),
        }
    }

    /// The byte after the last word taken, when no piece of a cut word is left.
    pub fn at_word_end(&self) -> Option<usize> {
        self.cut.is_empty().then_some(self.at)
    }

    /// Goes on from byte `at` (a word end after [`Self::at_word_end`]).
    pub fn resume(&mut self, at: usize) {
        self.at = at;
    }

    /// Whether no piece is left: the rest of the text is whitespace.
    pub fn is_done(&self) -> bool {
        let rest = self.text.get(self.at..).unwrap_or_default();
        // One space and a printable character: another word (most words).
        if let [b' ', b'!'..=b'~', ..] = rest.as_bytes() {
            return false;
        }
        self.cut.is_empty() && rest.chars().all(char::is_whitespace)
    }
}

impl<'t> Iterator for Pieces<'t> {
    type Item = (Cow<'t, str>, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some((piece, w)) = self.cut.pop() {
            return Some((Cow::Owned(piece), w));
        }
        let (word, printable) = next_word(self.text, &mut self.at)?;
        let (shown, w) = if printable {
            // Printable ASCII is shown as it is, one column a byte (most words).
            (Cow::Borrowed(word), word.len())
        } else {
            // Inert, a word without whitespace has no newline: it is shown as it is.
            let shown = inert(word);
            let w = shown_width(&shown);
            (shown, w)
        };
        if w <= WORD_COLUMNS {
            return Some((shown, w));
        }
        self.cut = chunks(&shown, WORD_COLUMNS)
            .into_iter()
            .rev()
            .map(|c| {
                let w = columns(&c);
                (c, w)
            })
            .collect();
        self.cut.pop().map(|(piece, w)| (Cow::Owned(piece), w))
    }
}

/// The next word of `text` from byte `at` (which it moves past the word), as
/// `split_whitespace` cuts them, and whether it is printable ASCII.
fn next_word<'t>(text: &'t str, at: &mut usize) -> Option<(&'t str, bool)> {
    let bytes = text.as_bytes();
    // Whether the character at byte `i` is whitespace, and its length.
    let class = |i: usize| -> Option<(bool, usize)> {
        let b = *bytes.get(i)?;
        if b.is_ascii() {
            return Some((is_ascii_space(b), 1));
        }
        let c = text.get(i..)?.chars().next()?;
        Some((c.is_whitespace(), c.len_utf8()))
    };
    let mut end = *at;
    loop {
        let (space, len) = class(end)?;
        if !space {
            break;
        }
        end += len;
    }
    let start = end;
    // Printable ASCII first, a byte at a time (most words are only that).
    while bytes.get(end).is_some_and(|&b| matches!(b, b'!'..=b'~')) {
        end += 1;
    }
    let mut printable = true;
    while let Some((space, len)) = class(end) {
        if space {
            break;
        }
        printable &= len == 1 && bytes.get(end).is_some_and(|&b| b >= b' ' && b != 0x7F);
        end += len;
    }
    *at = end;
    Some((text.get(start..end).unwrap_or_default(), printable))
}

/// Whether the ASCII byte `b` is whitespace (as [`char::is_whitespace`] says).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// `word` cut into pieces of at most `max` columns.
fn chunks(word: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = word.to_string();
    while columns(&rest) > max {
        let head = crate::present::cut(&rest, max);
        if head.is_empty() {
            break;
        }
        rest = rest[head.len()..].to_string();
        out.push(head);
    }
    out.push(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::text::is_printable_ascii;

    proptest::proptest! {
        #[test]
        fn words_are_cut_as_split_whitespace_cuts_them(
            text in "( |\\t|\\n|\\r|\\x0b|\\x0c|\\x1c|\\x7f|\\u{85}|\\u{a0}|\\u{1680}|\\u{2000}|\\u{200a}|\\u{200b}|\\u{2028}|\\u{202f}|\\u{205f}|\\u{3000}|[!-~]|\\PC|’){0,30}"
        ) {
            let mut at = 0;
            let fast: Vec<(&str, bool)> = std::iter::from_fn(|| next_word(&text, &mut at)).collect();
            let slow: Vec<(&str, bool)> =
                text.split_whitespace().map(|w| (w, is_printable_ascii(w))).collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}

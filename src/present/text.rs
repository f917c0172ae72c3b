//! Measuring and cutting text as a terminal shows it: made inert first, then
//! counted grapheme by grapheme in columns (as a terminal's cell buffer counts:
//! wide CJK characters take two, combining marks none, emoji sequences stay whole).

use crate::sanitize::{REPLACEMENT, inert};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Marks where text was cut.
pub const ELLIPSIS: char = '…';

/// The text as shown: [`crate::sanitize::inert`] (tabs become spaces; controls,
/// bidi overrides and zero-width characters become [`REPLACEMENT`], so article text
/// can never move the cursor, change colors, reorder or hide text on screen), and a
/// newline, which has no place inside a line, becomes [`REPLACEMENT`] too.
#[must_use]
pub fn display(s: &str) -> Cow<'_, str> {
    let shown = inert(s);
    if shown.contains('\n') {
        return Cow::Owned(
            shown
                .chars()
                .map(|c| if c == '\n' { REPLACEMENT } else { c })
                .collect(),
        );
    }
    shown
}

/// Columns `s` takes once shown ([`display`]).
#[must_use]
pub fn width(s: &str) -> usize {
    // Printable ASCII is shown as it is, one column a byte.
    if is_printable_ascii(s) {
        return s.len();
    }
    shown_width(&display(s))
}

/// Whether `s` is printable ASCII only (no control, no newline): shown as it is,
/// one column a byte.
#[must_use]
pub fn is_printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' '..=b'~'))
}

/// Columns of text already made inert (with no newline).
#[must_use]
pub(crate) fn shown_width(shown: &str) -> usize {
    if is_printable_ascii(shown) {
        return shown.len();
    }
    if shown.chars().all(is_single_column) {
        return shown.chars().count();
    }
    shown.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Columns of `s` when every character of it takes one column whatever surrounds it
/// (see [`is_single_column`]): its characters, none unsafe, none a newline, so
/// [`display`] shows it as it is and [`width`] counts them.
pub(crate) fn single_column_width(s: &str) -> Option<usize> {
    if is_printable_ascii(s) {
        return Some(s.len());
    }
    s.chars()
        .try_fold(0, |n, c| is_single_column(c).then_some(n + 1))
}

/// Whether `c` takes one column and is a grapheme on its own whatever surrounds it
/// (printable ASCII, Latin letters and signs, spacing modifiers, dashes and curly
/// quotes): text made only of such characters is measured without segmenting it,
/// which is most news prose.
fn is_single_column(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{2ff}' | '\u{2010}'..='\u{2027}')
}

/// The longest start of `shown` within `max` columns, and its width.
fn head(shown: &str, max: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = 0;
    for (at, grapheme) in shown.grapheme_indices(true) {
        let w = UnicodeWidthStr::width(grapheme);
        if used + w > max {
            break;
        }
        used += w;
        end = at + grapheme.len();
    }
    (&shown[..end], used)
}

/// `s` shown and cut to `max` columns, ending in `…` when cut (empty when `max` is 0).
#[must_use]
pub fn fit(s: &str, max: usize) -> String {
    let shown = display(s);
    if shown_width(&shown) <= max {
        return shown.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = head(&shown, max - 1).0.to_string();
    out.push(ELLIPSIS);
    out
}

/// `s` shown and cut to at most `max` columns, without an ellipsis.
#[must_use]
pub fn cut(s: &str, max: usize) -> String {
    let shown = display(s);
    head(&shown, max).0.to_string()
}

/// `s` shown and right-aligned in `columns` (spaces before it).
#[must_use]
pub fn pad_start(s: &str, columns: usize) -> String {
    let shown = display(s);
    let room = columns.saturating_sub(shown_width(&shown));
    format!("{}{shown}", " ".repeat(room))
}

/// `s` shown and left-aligned in `columns` (spaces after it).
#[must_use]
pub fn pad_end(s: &str, columns: usize) -> String {
    let shown = display(s);
    let room = columns.saturating_sub(shown_width(&shown));
    format!("{shown}{}", " ".repeat(room))
}

/// The start of `s` shown within `max` columns, ending at a word end and then `…`
/// when cut (the ellipsis is one column more).
#[must_use]
pub fn head_words(s: &str, max: usize) -> String {
    let shown = display(s);
    if shown_width(&shown) <= max {
        return shown.into_owned();
    }
    let kept = head(&shown, max).0;
    let to_word = kept.rfind(char::is_whitespace).map_or(kept, |p| &kept[..p]);
    format!("{}{ELLIPSIS}", to_word.trim_end())
}

/// The end of `s` shown within `max` columns, after `…` and from a word start when
/// cut (the ellipsis is one column more).
#[must_use]
pub fn tail_words(s: &str, max: usize) -> String {
    let shown = display(s);
    if shown_width(&shown) <= max {
        return shown.into_owned();
    }
    let mut used = 0;
    let mut start = shown.len();
    for (at, grapheme) in shown.grapheme_indices(true).rev() {
        let w = UnicodeWidthStr::width(grapheme);
        if used + w > max {
            break;
        }
        used += w;
        start = at;
    }
    let kept = &shown[start..];
    let from_word = kept.find(char::is_whitespace).map_or(kept, |p| &kept[p..]);
    format!("{ELLIPSIS}{}", from_word.trim_start())
}

/// `n` and `noun`, in the plural unless `n` is 1 (`1 shared quote`, `2 hits`).
#[must_use]
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The words of `text` on one line, one space between them.
#[must_use]
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of `text`, shown, in lines of at most `room` columns, broken between
/// words (a word wider than `room` is cut to fit, with `…`).
#[must_use]
pub fn wrap(text: &str, room: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word = fit(word, room);
        if !line.is_empty() && shown_width(&line) + 1 + shown_width(&word) > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "shared quote"), "1 shared quote");
        assert_eq!(count(0, "hit"), "0 hits");
        assert_eq!(count(2, "hit"), "2 hits");
    }

    #[test]
    fn single_column_characters_are_graphemes_of_one_column_side_by_side() {
        let singles: Vec<char> = (' '..='\u{2027}')
            .filter(|&c| is_single_column(c))
            .collect();
        let neighbours = [' ', 'a', 'é', 'ʼ', '\u{2019}', '\u{2014}', '\u{a0}'];
        for &c in &singles {
            for n in neighbours.into_iter().chain([c]) {
                for s in [format!("{n}{c}"), format!("{c}{n}")] {
                    assert_eq!(s.graphemes(true).count(), 2, "{s:?}");
                    let slow: usize = s.graphemes(true).map(UnicodeWidthStr::width).sum();
                    assert_eq!((shown_width(&s), slow), (2, 2), "{s:?}");
                }
            }
        }
        assert_eq!(
            shown_width("e\u{301}"),
            1,
            "a combining mark takes the slow path"
        );
    }

    #[test]
    fn width_counts_columns_of_graphemes() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("\u{1b}"), 1, "a control shows as one replacement");
        assert_eq!(width("a\nb"), 3);
    }

    #[test]
    fn fit_cuts_by_columns() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("北京北京", 5), "北京…");
        assert_eq!(fit("ab", 4), "ab");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
    }

    #[test]
    fn cut_and_pad_keep_within_columns() {
        assert_eq!(cut("Bloomberg", 8), "Bloomber");
        assert_eq!(cut("日本語", 3), "日");
        assert_eq!(pad_start("ab", 4), "  ab");
        assert_eq!(pad_end("日", 4), "日  ");
        assert_eq!(pad_end("toolong", 3), "toolong");
    }

    #[test]
    fn control_characters_are_made_inert() {
        assert_eq!(display("a\u{1b}[31mb\tc"), "a\u{fffd}[31mb c");
        assert_eq!(display("\u{202e}x"), "\u{fffd}x");
        assert_eq!(
            display("zero\u{200b}width\u{200d}joiner\n"),
            "zero\u{fffd}width\u{fffd}joiner\u{fffd}"
        );
        assert_eq!(fit("\u{1b}[2J", 10), "\u{fffd}[2J");
    }

    #[test]
    fn wrap_breaks_between_words_within_the_room() {
        assert_eq!(one_line(" a\n b\t\tc "), "a b c");
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("日本語 日本語", 7), ["日本語", "日本語"]);
        assert_eq!(wrap("unbreakable", 5), ["unbr…"]);
        assert!(wrap("  ", 5).is_empty());
    }

    #[test]
    fn word_cuts_end_and_start_at_words() {
        let text = "the flood killed twelve people";
        assert_eq!(head_words(text, 14), "the flood…");
        assert_eq!(tail_words(text, 14), "…twelve people");
        assert_eq!(head_words(text, 40), text);
        assert_eq!(tail_words("短い 日本語の文", 7), "…語の文");
    }

    proptest::proptest! {
        #[test]
        fn fast_widths_are_the_grapheme_widths(s in "([ -~]|\\PC|\t|\n|e\u{301}|👩\u{200d}👧|\u{1b}|’|—|北){0,12}") {
            let slow: usize = display(&s).graphemes(true).map(UnicodeWidthStr::width).sum();
            proptest::prop_assert_eq!(width(&s), slow);
            let word = s.split_whitespace().next().unwrap_or("");
            let shown = inert(word);
            proptest::prop_assert_eq!(shown_width(&shown), width(word), "a word's width, made inert once");
        }

        #[test]
        fn single_column_pieces_add_up(
            pieces in proptest::collection::vec("([ -~]|\\PC|\t|\n|e\u{301}|\u{301}|\u{fe0f}|\u{200d}|\u{ad}|\u{1b}|’|“|”|—|北|ß){0,6}", 1..4)
        ) {
            let widths: Option<usize> = pieces.iter().map(|p| single_column_width(p)).sum();
            if let Some(sum) = widths {
                proptest::prop_assert_eq!(width(&pieces.concat()), sum);
            }
        }
    }
}

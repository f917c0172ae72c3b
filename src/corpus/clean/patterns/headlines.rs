//! Headline-shaped first lines.

use std::ops::Range;

use super::{longer_than, trim_closers};

/// Headline bounds: words and characters of a short first line.
const HEADLINE_WORDS: Range<usize> = 3..21;
/// Longest headline, in characters.
const MAX_HEADLINE_CHARS: usize = 150;

/// A short first line shaped like a headline: 3–20 words, no final period.
#[must_use]
pub fn is_headline(line: &str) -> bool {
    let t = headline_text(line);
    if longer_than(t, MAX_HEADLINE_CHARS) {
        return false;
    }
    let words = t.split_whitespace().count();
    let last = trim_closers(t).chars().last();
    HEADLINE_WORDS.contains(&words)
        && t.chars().any(char::is_alphabetic)
        && !matches!(last, Some('.' | ',' | ':' | ';'))
}

/// The text of a headline line without markdown heading marks.
#[must_use]
pub fn headline_text(line: &str) -> &str {
    line.trim().trim_start_matches('#').trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines() {
        assert!(is_headline("Talks Stall as Rivals Trade Blame"));
        assert!(is_headline("# Why the Vote Matters?"));
        assert!(!is_headline(
            "The talks stalled on Monday as both sides traded blame."
        ));
        assert!(!is_headline("Breaking"));
    }
}

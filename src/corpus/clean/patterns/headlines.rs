//! Headline-shaped first lines.

use std::ops::Range;

use super::{is_capitalized, longer_than, trim_closers};

/// Headline bounds: words and characters of a short first line.
const HEADLINE_WORDS: Range<usize> = 3..21;
/// Most words of a section label above a headline ("Local News", "World").
const MAX_LABEL_WORDS: usize = 3;
/// Lower-case words a section label may hold between capitalized ones.
const LABEL_JOINERS: &[&str] = &["and", "&", "of", "the", "in"];
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

/// A section label or kicker that may stand above a headline: one to three words,
/// capitalized but for joiners ("Arts and Culture"), without digits or punctuation
/// other than `&`, `-` and `/`.
#[must_use]
pub fn is_section_label(line: &str) -> bool {
    let t = headline_text(line);
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=MAX_LABEL_WORDS).contains(&words.len())
        && words.first().is_some_and(|w| is_capitalized(w))
        && words
            .iter()
            .all(|w| is_capitalized(w) || LABEL_JOINERS.contains(w))
        && t.chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '&' | '-' | '/'))
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

    #[test]
    fn section_labels() {
        for label in ["Local News", "World", "Arts and Culture", "## Business"] {
            assert!(is_section_label(label), "{label}");
        }
        for line in [
            "Council votes to close the bridge",
            "He left.",
            "COVID-19",
            "2026 Elections",
            "the end",
        ] {
            assert!(!is_section_label(line), "{line}");
        }
    }
}

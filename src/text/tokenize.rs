//! Splits clean text into word tokens with byte spans and normalized match keys.

use super::normalize::{MatchOptions, match_key};
use std::ops::Range;

/// One word of a text: where it is, and the key it is compared by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the text it was cut from.
    pub span: Range<usize>,
    /// Normalized form used for matching (see [`MatchOptions`]).
    pub key: String,
}

/// Tokenizes with the default (lenient) [`MatchOptions`].
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, &MatchOptions::default())
}

/// Tokenizes `text` into words.
///
/// A word is a run of letters, digits and marks; it also keeps
/// apostrophes and hyphens between word characters (`Ukraine’s`, `pre-2014`),
/// dots inside abbreviations and numbers (`U.S.`, `3.3`), thousands separators
/// (`1,000`), a leading currency sign (`$126`, `€50`) and a trailing `%`.
#[must_use]
pub fn tokenize_with(text: &str, options: &MatchOptions) -> Vec<Token> {
    word_spans(text)
        .into_iter()
        .map(|span| Token {
            key: match_key(&text[span.clone()], options),
            span,
        })
        .collect()
}

/// Byte spans of the words of `text` (as [`tokenize_with`] cuts them), without
/// building match keys: for counting words cheaply.
#[must_use]
pub fn word_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = 0;
    while i < chars.len() {
        let (start_byte, c) = chars[i];
        let starts_number = is_currency(c) && char_at(i + 1).is_some_and(|n| n.is_ascii_digit());
        if !is_word_char(c) && !starts_number {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while let Some(c) = char_at(j) {
            if is_word_char(c) {
                j += 1;
                continue;
            }
            let prev = char_at(j - 1);
            let next = char_at(j + 1);
            let joins = match c {
                '\'' | '’' | '-' | '‑' => {
                    prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric)
                }
                '.' => {
                    prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric)
                }
                ',' => {
                    prev.is_some_and(|p| p.is_ascii_digit())
                        && (1..=3).all(|k| char_at(j + k).is_some_and(|n| n.is_ascii_digit()))
                        && !char_at(j + 4).is_some_and(|n| n.is_ascii_digit())
                }
                '%' => prev.is_some_and(|p| p.is_ascii_digit()),
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
            if c == '%' {
                break;
            }
        }
        // Keep the final dot of an abbreviation written with dots (U.S., U.K.).
        if char_at(j) == Some('.') && is_dotted_abbreviation(&chars[i..j]) {
            j += 1;
        }
        let end_byte = chars.get(j).map_or(text.len(), |&(b, _)| b);
        spans.push(start_byte..end_byte);
        i = j;
    }
    spans
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (accents typed as separate code points) stay inside the word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₽' | '₴' | '₩' | '₪' | '₺' | '₿'
    )
}

/// `U.S`, `U.K`, `e.g` — single letters joined by dots.
fn is_dotted_abbreviation(chars: &[(usize, char)]) -> bool {
    chars.len() >= 3
        && chars.iter().enumerate().all(|(k, &(_, c))| {
            if k % 2 == 0 {
                c.is_alphabetic()
            } else {
                c == '.'
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.span]).collect()
    }

    fn keys(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn keeps_apostrophes_hyphens_and_abbreviations_inside_words() {
        assert_eq!(
            words("Ukraine’s pre-2014 borders, the U.S. said."),
            ["Ukraine’s", "pre-2014", "borders", "the", "U.S.", "said"]
        );
    }

    #[test]
    fn keeps_numbers_with_currency_percent_and_separators_whole() {
        assert_eq!(
            words("$126 billion, 4.7% and €50 or 1,000 (2025)."),
            [
                "$126", "billion", "4.7%", "and", "€50", "or", "1,000", "2025"
            ]
        );
    }

    #[test]
    fn a_comma_between_numbers_in_a_list_splits_them() {
        assert_eq!(
            words("in 24, 25 and 2026"),
            ["in", "24", "25", "and", "2026"]
        );
    }

    #[test]
    fn quotes_and_dashes_are_not_part_of_words() {
        assert_eq!(
            words("“unrealistic.” — ‘Unrealistic’"),
            ["unrealistic", "Unrealistic"]
        );
    }

    #[test]
    fn keys_fold_variants_of_the_same_word() {
        assert_eq!(
            keys("U.S. US Five 5 Ukraine’s Ukraine's"),
            ["us", "us", "5", "5", "ukraines", "ukraines"]
        );
    }

    #[test]
    fn spans_index_the_original_text() {
        let text = "Zelenskiy — “the war” ends";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }

    #[test]
    fn cjk_and_combining_marks_are_words() {
        assert_eq!(words("cafe\u{301} 北京"), ["cafe\u{301}", "北京"]);
    }
}

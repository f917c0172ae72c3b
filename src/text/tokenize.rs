//! Splits clean text into word tokens with byte spans and normalized match keys.

use super::key::Key;
use super::normalize::{MatchOptions, write_match_key};
use super::table::{KeyId, KeyTable};
use foldhash::HashMap;
use std::ops::Range;

/// One word of a text: where it is, and the key it is compared by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the text it was cut from.
    pub span: Range<usize>,
    /// Normalized form used for matching (see [`MatchOptions`]); the tokens of one
    /// text with equal keys share it.
    pub key: Key,
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
    tokenize_keyed(text, options).0
}

/// Tokenizes `text` as [`tokenize_with`] does, and numbers its distinct keys: the
/// [`KeyTable`] of the tokens.
#[must_use]
pub fn tokenize_keyed(text: &str, options: &MatchOptions) -> (Vec<Token>, KeyTable) {
    // Words recur as written: each spelling is keyed once, and the tokens of every
    // spelling with that key share it and its local id. A key is its own key
    // (`write_match_key` is idempotent), so a spelling that is a key is found
    // among the spellings; the others are kept apart, in `aliases`.
    // Room for the spellings of prose (a distinct one every 32 bytes or so), so
    // that the map is not rebuilt as it grows.
    let mut by_word: HashMap<&str, (Key, KeyId)> =
        HashMap::with_capacity_and_hasher(text.len() / 32, foldhash::fast::RandomState::default());
    let mut aliases: HashMap<Key, KeyId> = HashMap::default();
    let mut buffer = String::new();
    let mut table = KeyTable::default();
    let tokens = Words::new(text)
        .map(|span| {
            let word = &text[span.clone()];
            if let Some((key, id)) = by_word.get(word) {
                table.push(*id);
                return Token {
                    key: key.clone(),
                    span,
                };
            }
            write_match_key(word, *options, &mut buffer);
            let known = if buffer == word {
                aliases.get_key_value(word)
            } else {
                by_word
                    .get(buffer.as_str())
                    .map(|(key, id)| (key, id))
                    .or_else(|| aliases.get_key_value(buffer.as_str()))
            };
            let (key, id) = if let Some((key, &id)) = known {
                (key.clone(), id)
            } else {
                let key = Key::from(buffer.as_str());
                let id = table.add(&key);
                if buffer != word {
                    aliases.insert(key.clone(), id);
                }
                (key, id)
            };
            table.push(id);
            by_word.insert(word, (key.clone(), id));
            Token { span, key }
        })
        .collect();
    table.shrink_to_fit();
    (tokens, table)
}

/// Byte spans of the words of `text` (as [`tokenize_with`] cuts them), without
/// building match keys.
#[must_use]
pub fn word_spans(text: &str) -> Vec<Range<usize>> {
    Words::new(text).collect()
}

/// Number of words in `text` (as [`tokenize_with`] cuts them), without allocating.
#[must_use]
pub fn word_count(text: &str) -> usize {
    Words::new(text).count()
}

/// Iterator over the byte spans of the words of a text, scanning it once.
struct Words<'t> {
    text: &'t str,
    /// Byte where the search for the next word starts.
    at: usize,
}

impl<'t> Words<'t> {
    fn new(text: &'t str) -> Self {
        Self { text, at: 0 }
    }

    /// The character starting at byte `at` (which must be a char boundary), if any.
    fn char_at(&self, at: usize) -> Option<char> {
        let byte = *self.text.as_bytes().get(at)?;
        if byte.is_ascii() {
            Some(char::from(byte))
        } else {
            self.text.get(at..)?.chars().next()
        }
    }

    /// Whether the byte at `at` is an ASCII digit.
    fn digit_at(&self, at: usize) -> bool {
        self.text.as_bytes().get(at).is_some_and(u8::is_ascii_digit)
    }

    /// Byte just past the word starting at `start` with `first`.
    fn word_end(&self, start: usize, first: char) -> usize {
        let mut prev = first;
        let mut end = start + first.len_utf8();
        loop {
            // Fast path: a run of ASCII letters and digits.
            let run = ascii_run_end(self.text.as_bytes(), end) - end;
            if run > 0 {
                end += run;
                prev = char::from(self.text.as_bytes()[end - 1]);
            }
            // Most words end at an ASCII byte that joins nothing (a space; the
            // joiners are settled below).
            match self.text.as_bytes().get(end) {
                None => break,
                Some(&b) if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b',' | b'%') => {
                    break;
                }
                Some(_) => {}
            }
            let Some(c) = self.char_at(end) else {
                break;
            };
            let after = end + c.len_utf8();
            if !is_word_char(c) {
                let next_alphanumeric = || self.char_at(after).is_some_and(char::is_alphanumeric);
                let joins = match c {
                    '\'' | '’' | '-' | '‑' | '.' => {
                        prev.is_alphanumeric() && next_alphanumeric()
                    }
                    // A thousands separator: exactly three digits follow.
                    ',' => {
                        prev.is_ascii_digit()
                            && (after..after + 3).all(|b| self.digit_at(b))
                            && !self.digit_at(after + 3)
                    }
                    '%' => prev.is_ascii_digit(),
                    _ => false,
                };
                if !joins {
                    break;
                }
                if c == '%' {
                    return after;
                }
            }
            prev = c;
            end = after;
        }
        // Keep the final dot of an abbreviation written with dots (U.S., U.K.).
        if self.char_at(end) == Some('.') && is_dotted_abbreviation(&self.text[start..end]) {
            end += 1;
        }
        end
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        loop {
            let start = self.at;
            let &byte = self.text.as_bytes().get(start)?;
            if byte.is_ascii_alphanumeric() {
                // Fast path (most words): a run of ASCII letters and digits ended by
                // an ASCII byte that joins nothing, which is all `word_end` would take.
                let end = ascii_run_end(self.text.as_bytes(), start + 1);
                if self.text.as_bytes().get(end).is_none_or(|&b| {
                    b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b',' | b'%')
                }) {
                    self.at = end;
                    return Some(start..end);
                }
            } else if byte.is_ascii() && byte != b'$' {
                // Spaces and ASCII punctuation (the one ASCII currency sign aside)
                // start no word.
                self.at = start + 1;
                continue;
            }
            let c = self.char_at(start)?;
            // The curly quotes and dashes of general punctuation start no word.
            if is_general_punctuation(c) {
                self.at = start + c.len_utf8();
                continue;
            }
            let starts_number = is_currency(c) && self.digit_at(start + c.len_utf8());
            if is_word_char(c) || starts_number {
                let end = self.word_end(start, c);
                self.at = end;
                return Some(start..end);
            }
            self.at = start + c.len_utf8();
        }
    }
}

/// Which bytes are ASCII letters and digits: a table read is the cheapest test in
/// the scan's innermost loop.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b, 0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A);
        b += 1;
    }
    table
};

/// The byte just past the run of ASCII letters and digits of `bytes` from `from`.
fn ascii_run_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    from + rest
        .iter()
        .position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)])
        .unwrap_or(rest.len())
}

/// The general punctuation block (spaces, dashes, curly quotes, ellipsis): no word
/// character, joiner (`’`, `‑` join only inside a word) or currency sign starts there.
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (accents typed as separate code points) stay inside the word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

pub(crate) fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₽' | '₴' | '₩' | '₪' | '₺' | '₿'
    )
}

/// `U.S`, `U.K`, `e.g` — single letters joined by dots.
fn is_dotted_abbreviation(word: &str) -> bool {
    let mut count = 0;
    word.chars().all(|c| {
        count += 1;
        if count % 2 == 1 {
            c.is_alphabetic()
        } else {
            c == '.'
        }
    }) && count >= 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first, straightforward cutter (collects the characters, then looks around),
    /// kept as the reference the single-pass [`Words`] must agree with.
    fn reference_word_spans(text: &str) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
        let mut i = 0;
        while i < chars.len() {
            let (start_byte, c) = chars[i];
            let starts_number =
                is_currency(c) && char_at(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !(c.is_alphanumeric() || is_mark(c) || starts_number) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while let Some(c) = char_at(j) {
                if c.is_alphanumeric() || is_mark(c) {
                    j += 1;
                    continue;
                }
                let prev = char_at(j - 1);
                let next = char_at(j + 1);
                let joins = match c {
                    '\'' | '’' | '-' | '‑' | '.' => {
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
            let word: String = chars[i..j].iter().map(|&(_, c)| c).collect();
            let dotted = j - i >= 3
                && word.chars().enumerate().all(|(k, c)| {
                    if k % 2 == 0 {
                        c.is_alphabetic()
                    } else {
                        c == '.'
                    }
                });
            if char_at(j) == Some('.') && dotted {
                j += 1;
            }
            spans.push(start_byte..chars.get(j).map_or(text.len(), |&(b, _)| b));
            i = j;
        }
        spans
    }

    /// Pieces that exercise every joining rule when strung together at random.
    const PIECES: &[&str] = &[
        "1", "000", "00", "7", "a", "U", "S", "é", "e\u{301}", "北", "٣", "İ", ",", ".", "'", "’",
        "-", "‑", "%", "$", "€", " ", "\n", "“", "”", "—", "…", "\u{2060}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn single_pass_cutting_agrees_with_the_reference(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40),
            tail in "\\PC{0,8}",
        ) {
            let text = pieces.concat() + &tail;
            let spans = reference_word_spans(&text);
            prop_assert_eq!(word_spans(&text), spans.clone());
            prop_assert_eq!(word_count(&text), spans.len());
        }
    }

    proptest! {
        /// The table numbers distinct keys in order of first sight: equal keys,
        /// equal ids, each with its stop-word flag.
        #[test]
        fn the_table_numbers_keys_in_order_of_first_sight(
            pieces in prop::collection::vec(
                prop::sample::select(&["The ", "the ", "THE ", "U.S. ", "US ", "us ", "five ", "5 ", "Five ", "don’t ", "dont ", "İ ", "i\u{307} ", "levee "][..]),
                0..30,
            ),
            strict in any::<bool>(),
        ) {
            let options = if strict { MatchOptions::STRICT } else { MatchOptions::default() };
            let text = pieces.concat();
            let (tokens, table) = tokenize_keyed(&text, &options);
            prop_assert_eq!(&tokens, &tokenize_with(&text, &options));
            let mut distinct: Vec<&str> = Vec::new();
            for (token, id) in tokens.iter().zip(table.ids()) {
                let index = distinct.iter().position(|&k| k == token.key.as_str()).unwrap_or_else(|| {
                    distinct.push(&token.key);
                    distinct.len() - 1
                });
                prop_assert_eq!(id.index(), index);
                prop_assert_eq!(id.is_stop(), crate::text::is_stop_word(&token.key));
            }
            prop_assert_eq!(table.len(), distinct.len());
            let listed: Vec<&str> = crate::text::vocabulary::distinct_keys(&tokens, &table)
                .map(|(key, _)| key)
                .collect();
            prop_assert_eq!(listed, distinct);
        }
    }

    #[test]
    fn the_byte_table_is_ascii_alphanumeric() {
        for b in 0..=u8::MAX {
            assert_eq!(
                ASCII_ALPHANUMERIC[usize::from(b)],
                b.is_ascii_alphanumeric()
            );
        }
    }

    #[test]
    fn general_punctuation_starts_no_word() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!is_word_char(c) && !is_currency(c), "{c:?}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.span]).collect()
    }

    fn keys(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| t.key.to_string())
            .collect()
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

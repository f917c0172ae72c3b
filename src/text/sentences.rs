//! Splits clean text into paragraphs and sentences.

use serde::Serialize;
use std::ops::Range;

/// One sentence of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte range in the text, without surrounding whitespace.
    pub span: Range<usize>,
    /// 0-based index of the paragraph (non-empty line) it belongs to.
    pub paragraph: usize,
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "apr", "aug", "calif", "capt", "co", "col", "corp", "dec", "dr", "e.g", "etc", "feb", "fla",
    "gen", "gov", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mass", "mr",
    "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept",
    "sgt", "sr", "st", "va", "vs",
];

/// Splits `text` into sentences; every newline ends a paragraph (and a sentence).
#[must_use]
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let before = out.len();
        split_paragraph(text, line_start..line_end, paragraph, &mut out);
        if out.len() > before {
            paragraph += 1;
        }
        line_start = line_end;
    }
    out
}

fn split_paragraph(text: &str, range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let line = &text[range.clone()];
    let mut start = 0;
    let mut at = 0;
    while let Some((offset, c)) = next_terminator(line, at) {
        // Closing marks and further stops stay with the sentence.
        let after = offset + c.len_utf8();
        let end = line[after..]
            .find(|c: char| !matches!(c, '.' | '!' | '?') && !is_closer(c))
            .map_or(line.len(), |k| after + k);
        let rest = &line[end..];
        let next_visible = rest.chars().find(|c| !c.is_whitespace());
        let followed_by_space = rest.chars().next().is_none_or(char::is_whitespace);
        let starts_new = next_visible.is_none_or(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '“' | '"' | '‘' | '\'' | '(' | '«')
        });
        if followed_by_space && starts_new && !(c == '.' && ends_with_abbreviation(line, offset)) {
            push_trimmed(range.start, &line[start..end], start, paragraph, out);
            start = end;
        }
        at = end;
    }
    push_trimmed(range.start, &line[start..], start, paragraph, out);
}

/// The first sentence terminator of `line` at or after byte `from`, with its byte.
/// Scans bytes: only `.`, `!`, `?` and lead bytes like that of `…` are decoded.
fn next_terminator(line: &str, from: usize) -> Option<(usize, char)> {
    let bytes = line.as_bytes();
    let mut at = from;
    loop {
        let offset = at
            + bytes
                .get(at..)?
                .iter()
                .position(|&b| MAY_END[usize::from(b)])?;
        let c = line.get(offset..)?.chars().next()?;
        if is_terminator(c) {
            return Some((offset, c));
        }
        at = offset + 1;
    }
}

/// Bytes [`next_terminator`] stops at: `.`, `!`, `?` and the lead byte of `…` (a
/// table read is the cheapest test in the scan's loop).
const MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[0xE2] = true;
    table
};

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Marks that may follow a terminator inside its sentence.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»')
}

fn push_trimmed(
    base: usize,
    piece: &str,
    offset: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let start = base + offset + lead;
    out.push(Sentence {
        span: start..start + trimmed.len(),
        paragraph,
    });
}

/// Whether the word ending at byte `dot` (exclusive) is an abbreviation or an initial.
fn ends_with_abbreviation(line: &str, dot: usize) -> bool {
    let word_start = line[..dot]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘'))
        .map_or(0, |p| {
            p + line[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &line[word_start..dot];
    let mut letters = word.chars();
    let single_initial =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 1);
    single_initial || dotted || is_abbreviation(word)
}

/// Bytes of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = 5;

/// Whether `word` lower-cases to one of [`ABBREVIATIONS`], without allocating: they
/// are short ASCII words without `k`, and the one non-ASCII letter that lower-cases
/// to ASCII is the Kelvin sign (to `k`), so a longer or non-ASCII word is none.
fn is_abbreviation(word: &str) -> bool {
    if word.len() > LONGEST_ABBREVIATION || !word.is_ascii() {
        return false;
    }
    let mut lower = [0u8; LONGEST_ABBREVIATION];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATIONS.iter().any(|a| a.as_bytes() == lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first splitter of one line (collects its characters, then looks around),
    /// kept as the reference the scanning splitter must agree with.
    fn reference_split(text: &str, range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
        let line = &text[range.clone()];
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut start = 0;
        let mut i = 0;
        while i < chars.len() {
            let (_, c) = chars[i];
            if !matches!(c, '.' | '!' | '?' | '…') {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '”' | '’' | '"' | '\'' | ')' | ']' | '»'
                )
            {
                j += 1;
            }
            let next_visible = chars[j..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .map(|&(_, c)| c);
            let followed_by_space = chars.get(j).is_none_or(|(_, c)| c.is_whitespace());
            let starts_new = next_visible.is_none_or(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '“' | '"' | '‘' | '\'' | '(' | '«')
            });
            if followed_by_space
                && starts_new
                && !(c == '.' && ends_with_abbreviation(line, chars[i].0))
            {
                let end = chars.get(j).map_or(line.len(), |&(b, _)| b);
                push_trimmed(range.start, &line[start..end], start, paragraph, out);
                start = end;
            }
            i = j;
        }
        push_trimmed(range.start, &line[start..], start, paragraph, out);
    }

    /// Pieces that exercise every splitting rule when strung together at random.
    const PIECES: &[&str] = &[
        "a", "Bo", "Mr", "U", "e", "7", "é", "İ", ".", "!", "?", "…", "”", "’", "\"", "'", ")",
        "]", "»", "“", "‘", "(", "«", " ", "\u{a0}", "\t",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn scanning_agrees_with_the_reference(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40),
        ) {
            let line = pieces.concat();
            let mut fast = Vec::new();
            split_paragraph(&line, 0..line.len(), 0, &mut fast);
            let mut slow = Vec::new();
            reference_split(&line, 0..line.len(), 0, &mut slow);
            prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn the_stop_table_holds_the_terminators_bytes() {
        let stops: Vec<u8> = (0..=u8::MAX).filter(|&b| MAY_END[usize::from(b)]).collect();
        assert_eq!(stops, [b'!', b'.', b'?', "…".as_bytes()[0]]);
    }

    #[test]
    fn abbreviations_are_short_ascii_without_k_and_only_kelvin_lowers_to_ascii() {
        for a in ABBREVIATIONS {
            assert!(a.len() <= LONGEST_ABBREVIATION && a.is_ascii() && !a.contains('k'));
        }
        for c in (char::MIN..=char::MAX).filter(|c| !c.is_ascii()) {
            if c.to_lowercase().all(|l| l.is_ascii()) {
                assert_eq!(c, '\u{212A}');
            }
        }
    }

    proptest! {
        #[test]
        fn the_abbreviation_test_agrees_with_lower_casing(
            pieces in prop::collection::vec(
                prop::sample::select(&["M", "r", "S", "e.g", "Ca", "lif", "\u{212A}", "İ", "é", "t"][..]),
                0..4,
            ),
        ) {
            let word = pieces.concat();
            prop_assert_eq!(
                is_abbreviation(&word),
                ABBREVIATIONS.contains(&word.to_lowercase().as_str())
            );
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn splits_at_terminators_followed_by_a_capital() {
        assert_eq!(
            texts("One thing. Two things! Three?"),
            ["One thing.", "Two things!", "Three?"]
        );
    }

    #[test]
    fn keeps_closing_quotes_with_their_sentence() {
        assert_eq!(
            texts("“It is over,” he said. “We go on.” Then silence."),
            ["“It is over,” he said.", "“We go on.”", "Then silence."]
        );
    }

    #[test]
    fn does_not_split_after_abbreviations_and_initials() {
        assert_eq!(
            texts("The U.S. Defense Secretary met Mr. Smith on Feb. 12 with Lolita C. Baldor."),
            ["The U.S. Defense Secretary met Mr. Smith on Feb. 12 with Lolita C. Baldor."]
        );
    }

    #[test]
    fn newlines_end_paragraphs() {
        let s = sentences("First.\n\nSecond one. Third\nFourth");
        let paragraphs: Vec<usize> = s.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1, 2]);
    }

    #[test]
    fn numbers_with_decimals_do_not_split() {
        assert_eq!(texts("It spent 2.7% in 2024."), ["It spent 2.7% in 2024."]);
    }
}

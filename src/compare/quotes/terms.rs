//! Terms in quote marks: a short quote that names a thing ("the so-called “forever
//! chemicals”", "what is known as “fair use”", "the word “robust”") is nobody's words.

use super::matching::MIN_MATCH_WORDS;
use crate::text::Token;
use std::ops::Range;

/// Words that, just before a short quote, mark it as a term.
const TERM_MARKERS: &[&str] = &[
    "concept",
    "doctrine",
    "hashtag",
    "label",
    "motto",
    "phrase",
    "slogan",
    "socalled",
    "so-called",
    "term",
    "word",
];

/// Verbs of naming that mark a term unless someone is their subject ("often called
/// “forever chemicals”" names a term, "Keel called it “fair”" quotes Keel).
const NAMING_VERBS: &[&str] = &["called", "dubbed", "named", "termed"];

/// Pronouns that make a naming verb an attribution ("what he called “…”").
const SUBJECTS: &[&str] = &["he", "i", "she", "they", "we"];

/// Whether the quote at `span` of `text` (with `tokens`) is a term rather than words
/// someone said: shorter than [`MIN_MATCH_WORDS`] words and introduced as a term.
pub(super) fn is_term(text: &str, tokens: &[Token], span: &Range<usize>) -> bool {
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end);
    if end.saturating_sub(first) >= MIN_MATCH_WORDS {
        return false;
    }
    let key = |k: Option<usize>| k.and_then(|k| tokens.get(k)).map_or("", |t| t.key.as_str());
    let before = first.checked_sub(1);
    let marker = key(before);
    if TERM_MARKERS.contains(&marker) || (marker == "as" && key(first.checked_sub(2)) == "known") {
        return true;
    }
    if NAMING_VERBS.contains(&marker) {
        let subject = first.checked_sub(2).and_then(|k| tokens.get(k));
        let named = subject.is_some_and(|t| {
            SUBJECTS.contains(&t.key.as_str())
                || text
                    .get(t.span.clone())
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
        });
        return !named;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn term(text: &str, quoted: &str) -> bool {
        let start = text.find(quoted).unwrap_or(0);
        is_term(text, &tokenize(text), &(start..start + quoted.len()))
    }

    #[test]
    fn terms_are_told_from_quoted_words() {
        assert!(term(
            "PFAS, the so-called “forever chemicals”, were found.",
            "forever chemicals"
        ));
        assert!(term(
            "PFAS, often called “forever chemicals”, were found.",
            "forever chemicals"
        ));
        assert!(term(
            "This is what is known as “fair use” in law.",
            "fair use"
        ));
        assert!(!term(
            "Keel called the offer “fair and affordable.”",
            "fair and affordable."
        ));
        assert!(!term(
            "It was what he called “an illusion.”",
            "an illusion."
        ));
        assert!(!term(
            "The so-called “plan” would “cut every tax we have,” she said.",
            "cut every tax we have,"
        ));
    }
}

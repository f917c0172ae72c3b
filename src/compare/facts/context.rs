//! A document seen by the fact finder: which sentence each word is in, which words
//! start a clause, and the content words two contexts share.

use crate::compare::Document;
use crate::text::normalize::FUZZY_SHARED_PREFIX;
use crate::text::{fuzzy_eq, is_stop_word};
use std::ops::Range;

/// Longest suffix by which two words may differ and still count as one word
/// (`member`/`members`, `spend`/`spending`).
const MAX_SUFFIX_CHARS: usize = 3;
/// Shortest word that may be extended by a suffix and still count as the same word.
const MIN_STEM_CHARS: usize = 4;

/// A document with its words placed in sentences.
pub(super) struct Analysed<'d> {
    /// The document.
    pub doc: &'d Document<'d>,
    /// Token indices of each sentence, parallel to `doc.sentences`.
    pub sentence_tokens: Vec<Range<usize>>,
    /// Sentence index of each token, parallel to `doc.tokens` (`None` outside any sentence).
    pub token_sentence: Vec<Option<usize>>,
}

impl<'d> Analysed<'d> {
    /// Places the tokens of `doc` in its sentences.
    pub fn new(doc: &'d Document<'_>) -> Self {
        let mut token_sentence = vec![None; doc.tokens.len()];
        let mut sentence_tokens = Vec::with_capacity(doc.sentences.len());
        let mut t = 0;
        for (s, sentence) in doc.sentences.iter().enumerate() {
            while doc
                .tokens
                .get(t)
                .is_some_and(|tok| tok.span.start < sentence.span.start)
            {
                t += 1;
            }
            let first = t;
            while doc
                .tokens
                .get(t)
                .is_some_and(|tok| tok.span.end <= sentence.span.end)
            {
                token_sentence[t] = Some(s);
                t += 1;
            }
            sentence_tokens.push(first..t);
        }
        Self {
            doc,
            sentence_tokens,
            token_sentence,
        }
    }

    /// The text of token `i` as written.
    pub fn word(&self, i: usize) -> &'d str {
        self.doc
            .tokens
            .get(i)
            .and_then(|t| self.doc.text.get(t.span.clone()))
            .unwrap_or_default()
    }

    /// The match key of token `i`.
    pub fn key(&self, i: usize) -> &'d str {
        self.doc.tokens.get(i).map_or("", |t| t.key.as_str())
    }

    /// Byte span of sentence `s`.
    pub fn sentence_span(&self, s: usize) -> Range<usize> {
        self.doc.sentences.get(s).map_or(0..0, |x| x.span.clone())
    }

    /// Token range of the sentence token `i` is in (empty when it is in none).
    pub fn sentence_of(&self, i: usize) -> Range<usize> {
        self.token_sentence
            .get(i)
            .copied()
            .flatten()
            .and_then(|s| self.sentence_tokens.get(s).cloned())
            .unwrap_or(i..i)
    }

    /// The text between tokens `i - 1` and `i` (empty for the first token).
    pub fn gap_before(&self, i: usize) -> &'d str {
        let tokens = &self.doc.tokens;
        let start = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .map_or(0, |t| t.span.end);
        let end = tokens.get(i).map_or(start, |t| t.span.start);
        self.doc.text.get(start..end).unwrap_or_default()
    }

    /// Whether tokens `i - 1` and `i` are in one sentence with only spaces between.
    pub fn joined(&self, i: usize) -> bool {
        i > 0
            && self.sentence_of(i).start < i
            && self.gap_before(i).chars().all(char::is_whitespace)
    }

    /// Whether token `i` opens its sentence or a clause inside it (after an opening
    /// quotation mark, a colon, a dash or a bracket), where any word is capitalized.
    pub fn starts_clause(&self, i: usize) -> bool {
        if self.sentence_of(i).start >= i {
            return true;
        }
        let mut gap = self.gap_before(i).trim_end().chars().rev();
        match gap.next() {
            Some('“' | '‘' | ':' | '—' | '–' | '(' | '[' | '«') => true,
            // A straight quote opens when nothing but space stands before it.
            Some('"' | '\'') => gap.next().is_none_or(char::is_whitespace),
            _ => false,
        }
    }

    /// Content-word keys of the tokens in `range`, leaving out those in `skip`.
    pub fn content_keys(&self, range: Range<usize>, skip: &[Range<usize>]) -> Vec<&'d str> {
        range
            .filter(|i| !skip.iter().any(|r| r.contains(i)))
            .map(|i| self.key(i))
            .filter(|k| is_content(k))
            .collect()
    }
}

/// Whether `key` is a content word: alphabetic, two letters or more, not a stop word.
pub(super) fn is_content(key: &str) -> bool {
    key.chars().nth(1).is_some() && key.chars().all(char::is_alphabetic) && !is_stop_word(key)
}

/// Whether two keys are one word: equal, fuzzy-equal, or one the other plus a short
/// suffix (`member`/`members`, `spend`/`spending`).
pub(super) fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Both ways below need a shared start; checking it first spares most comparisons.
    let start = MIN_STEM_CHARS.min(FUZZY_SHARED_PREFIX);
    if !a.chars().take(start).eq(b.chars().take(start)) {
        return false;
    }
    if fuzzy_eq(a, b) {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let (short_chars, long_chars) = (short.chars().count(), long.chars().count());
    short_chars >= MIN_STEM_CHARS
        && long.starts_with(short)
        && long_chars - short_chars <= MAX_SUFFIX_CHARS
}

/// The distinct words of `a` that also occur (as [`same_word`]) in `b`.
pub(super) fn shared_words<'k>(a: &[&'k str], b: &[&str]) -> Vec<&'k str> {
    let mut shared: Vec<&'k str> = Vec::new();
    for &word in a {
        if !shared.iter().any(|s| same_word(s, word)) && b.iter().any(|o| same_word(word, o)) {
            shared.push(word);
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MatchOptions;

    #[test]
    fn tokens_are_placed_in_their_sentences() {
        let doc = Document::new("One two. Three four five.", &MatchOptions::default());
        let a = Analysed::new(&doc);
        assert_eq!(a.sentence_tokens, [0..2, 2..5]);
        assert!(a.starts_clause(2) && !a.starts_clause(3));
        assert!(!a.joined(2) && a.joined(3));
    }

    #[test]
    fn opening_quotes_and_colons_start_clauses() {
        let doc = Document::new(
            "He said: “Honesty wins” and Maria left.",
            &MatchOptions::default(),
        );
        let a = Analysed::new(&doc);
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| a.word(i) == w).unwrap();
        assert!(a.starts_clause(at("Honesty")));
        assert!(!a.starts_clause(at("Maria")));
        let doc = Document::new(
            "\"It rose,\" Anna said. He said \"Water rose.\"",
            &MatchOptions::default(),
        );
        let a = Analysed::new(&doc);
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| a.word(i) == w).unwrap();
        assert!(!a.starts_clause(at("Anna")) && a.starts_clause(at("Water")));
    }

    #[test]
    fn same_word_accepts_plurals_and_verb_forms_but_not_other_words() {
        assert!(same_word("member", "members"));
        assert!(same_word("spend", "spending"));
        assert!(!same_word("state", "statement"));
        assert!(!same_word("war", "was"));
    }

    #[test]
    fn shared_words_are_distinct() {
        assert_eq!(
            shared_words(&["flood", "flood", "killed", "town"], &["floods", "killed"]),
            ["flood", "killed"]
        );
    }
}

//! What one article is about, for story clustering: its terms (content words, names
//! and figures, and its title's words) and the runs of content words inside its
//! quotations. Terms are hashed match keys, so `Calder` and `calder` are one term.

use crate::compare::Document;
use crate::compare::similarity::stable_hash;
use crate::text::{is_stop_word, tokenize};
use std::borrow::Cow;

/// Fewest letters of a content word (shorter words are mostly function words).
const MIN_WORD_CHARS: usize = 3;
/// Shortest word (in bytes) whose plural `s` is taken off.
const MIN_STEMMED_BYTES: usize = 4;
/// Content words in a row that make one quote shingle.
pub(super) const QUOTE_SHINGLE_WORDS: usize = 3;

/// One distinct term of an article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Term {
    /// Hash of the match key.
    pub hash: u64,
    /// Occurrences in the text, the title's counted twice.
    pub count: u32,
    /// Whether the article writes it as a name (capitalized inside a sentence).
    pub name: bool,
}

/// The features of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Profile {
    /// Distinct terms, sorted by hash.
    pub terms: Vec<Term>,
    /// Hashes of runs of [`QUOTE_SHINGLE_WORDS`] content words inside its quotations,
    /// sorted and distinct.
    pub quotes: Vec<u64>,
}

impl Profile {
    /// The profile of `doc`, whose headline is `title` (empty when unknown).
    pub fn new(doc: &Document<'_>, title: &str) -> Self {
        let mut found: Vec<Term> = Vec::with_capacity(doc.tokens.len());
        let mut previous_end = 0;
        for token in &doc.tokens {
            let gap = doc.text.get(previous_end..token.span.start).unwrap_or("");
            let opens_sentence = previous_end == 0 || opens_sentence(gap);
            previous_end = token.span.end;
            let Some(hash) = term_hash(&token.key) else {
                continue;
            };
            let word = doc.text.get(token.span.clone()).unwrap_or("");
            let name = !opens_sentence && word.chars().next().is_some_and(char::is_uppercase);
            found.push(Term {
                hash,
                count: 1,
                name,
            });
        }
        let title_terms = tokenize(title)
            .into_iter()
            .filter_map(|t| term_hash(&t.key))
            .map(|hash| Term {
                hash,
                count: 2,
                name: false,
            });
        found.extend(title_terms);
        Self {
            terms: merge_terms(found),
            quotes: quote_shingles(doc),
        }
    }
}

/// Whether the text between two words ends a sentence or a line (the next word may
/// be capitalized for that reason alone).
fn opens_sentence(gap: &str) -> bool {
    gap.contains('\n')
        || gap
            .trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘«([—–-".contains(c))
            .ends_with(['.', '!', '?', ':', ';'])
}

/// The term of a match key: a content word of [`MIN_WORD_CHARS`] letters or more
/// that is not a stop word (plural and possessive `s` taken off), or a figure of two
/// digits or more.
pub(super) fn term_hash(key: &str) -> Option<u64> {
    let letters = key.chars().all(char::is_alphabetic);
    if letters && key.chars().nth(MIN_WORD_CHARS - 1).is_some() && !is_stop_word(key) {
        return Some(stable_hash(singular(key).as_ref()));
    }
    let digits = key.chars().filter(char::is_ascii_digit).count();
    (!letters && digits >= 2).then(|| stable_hash(key))
}

/// A word without its plural or possessive `s` (Harman's S-stemmer: `ies` → `y`
/// except after `a` or `e`; a final `s` dropped except after `u` or `s`).
pub(super) fn singular(word: &str) -> Cow<'_, str> {
    if word.len() < MIN_STEMMED_BYTES {
        return Cow::Borrowed(word);
    }
    if let Some(stem) = word.strip_suffix("ies")
        && !stem.ends_with(['a', 'e'])
    {
        return Cow::Owned(format!("{stem}y"));
    }
    let plural = word.ends_with('s') && !word.ends_with("us") && !word.ends_with("ss");
    Cow::Borrowed(&word[..word.len() - usize::from(plural)])
}

/// Occurrences of one hash added up; a term is a name when any occurrence is.
fn merge_terms(mut found: Vec<Term>) -> Vec<Term> {
    found.sort_unstable_by_key(|t| t.hash);
    let mut out: Vec<Term> = Vec::with_capacity(found.len() / 2);
    for term in found {
        match out.last_mut() {
            Some(last) if last.hash == term.hash => {
                last.count += term.count;
                last.name |= term.name;
            }
            _ => out.push(term),
        }
    }
    out
}

/// Runs of content words inside the outer quotations of `doc`, hashed.
fn quote_shingles(doc: &Document<'_>) -> Vec<u64> {
    let mut out = Vec::new();
    for quote in doc.quotes.iter().filter(|q| q.depth == 0) {
        let start = doc
            .tokens
            .partition_point(|t| t.span.start < quote.span.start);
        let end = doc.tokens.partition_point(|t| t.span.end <= quote.span.end);
        let words: Vec<u64> = doc
            .tokens
            .get(start..end.max(start))
            .unwrap_or_default()
            .iter()
            .filter_map(|t| term_hash(&t.key))
            .collect();
        out.extend(words.windows(QUOTE_SHINGLE_WORDS).map(stable_hash));
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MatchOptions;

    fn profile(text: &str, title: &str) -> Profile {
        Profile::new(&Document::new(text, &MatchOptions::default()), title)
    }

    #[test]
    fn names_are_capitalized_inside_sentences_only() {
        let p = profile("Floods hit the town. Mayor Lund spoke in Calder.", "");
        let name = |w: &str| {
            p.terms
                .iter()
                .find(|t| Some(t.hash) == term_hash(w))
                .map(|t| t.name)
        };
        assert_eq!(name("floods"), Some(false));
        assert_eq!(name("mayor"), Some(false), "opens its sentence");
        assert_eq!(name("lund"), Some(true));
        assert_eq!(name("calder"), Some(true));
        assert_eq!(term_hash("the"), None, "a stop word is no term");
    }

    #[test]
    fn title_words_count_twice_and_figures_are_terms() {
        let p = profile("The barrier cost 140 million.", "Barrier approved");
        let count = |w: &str| {
            p.terms
                .iter()
                .find(|t| Some(t.hash) == term_hash(w))
                .map(|t| t.count)
        };
        assert_eq!(count("barrier"), Some(3));
        assert_eq!(count("140"), Some(1));
        assert_eq!(count("approved"), Some(2));
    }

    #[test]
    fn plurals_and_possessives_are_one_term() {
        for (a, b) in [
            ("tariffs", "tariff"),
            ("parties", "party"),
            ("houses", "house"),
            ("calders", "calder"),
        ] {
            assert_eq!(singular(a), singular(b), "{a} {b}");
        }
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("glass"), "glass");
        assert_eq!(singular("bus"), "bus");
    }

    #[test]
    fn quote_shingles_come_from_quoted_words_only() {
        let p = profile(
            "Outside the gates, “we will not be replaced by software without a fight,” she said.",
            "",
        );
        let quoted = ["replaced", "software", "without", "fight"].map(|w| term_hash(w).unwrap());
        let expected: Vec<u64> = quoted
            .windows(QUOTE_SHINGLE_WORDS)
            .map(stable_hash)
            .collect();
        assert!(
            expected.iter().all(|h| p.quotes.contains(h)),
            "{:?}",
            p.quotes
        );
        assert_eq!(p.quotes.len(), expected.len());
        assert!(
            profile("We will not be replaced by software.", "")
                .quotes
                .is_empty()
        );
    }
}

//! Match keys: the normalized form two words are compared by.
//!
//! Display always uses the original text; only matching uses these keys.

use super::spelling::fold;
use serde::Serialize;

/// Which differences are ignored when words are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MatchOptions {
    /// `Hegseth` = `hegseth`.
    pub ignore_case: bool,
    /// `U.S.` = `US`, `non-lethal` = `nonlethal`, `Ukraine’s` = `Ukraines`.
    pub ignore_punctuation: bool,
    /// Curly and straight quotes and apostrophes are the same.
    pub ignore_quote_style: bool,
    /// `Five` = `5`.
    pub numbers_as_digits: bool,
    /// Spelling variants are the same word (`colour` = `color`, see [`fuzzy_eq`]).
    pub ignore_spelling: bool,
}

impl Default for MatchOptions {
    fn default() -> Self {
        Self {
            ignore_case: true,
            ignore_punctuation: true,
            ignore_quote_style: true,
            numbers_as_digits: true,
            ignore_spelling: true,
        }
    }
}

impl MatchOptions {
    /// Every difference counts: keys are the words as written.
    pub const STRICT: MatchOptions = MatchOptions {
        ignore_case: false,
        ignore_punctuation: false,
        ignore_quote_style: false,
        numbers_as_digits: false,
        ignore_spelling: false,
    };

    /// Whether every difference counts (nothing is ignored).
    #[must_use]
    pub fn is_strict(&self) -> bool {
        *self == Self::STRICT
    }
}

/// The match key of one word under `options`.
#[must_use]
pub fn match_key(word: &str, options: &MatchOptions) -> String {
    let mut key = String::with_capacity(word.len());
    write_match_key(word, *options, &mut key);
    key
}

/// Writes the match key of `word` under `options` into `key` (replacing what it
/// held), so that cutting a text can reuse one buffer.
pub(crate) fn write_match_key(word: &str, options: MatchOptions, key: &mut String) {
    key.clear();
    // Fast path (most words): only ASCII letters and digits, which only case folding changes.
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        key.push_str(word);
        if options.ignore_case {
            key.make_ascii_lowercase();
        }
    } else {
        fold_chars(word, options, key);
    }
    if options.numbers_as_digits
        && let Some(digits) = number_word(key)
    {
        key.clear();
        key.push_str(digits);
    }
}

/// Writes the key of `word` built character by character into `key`: quote style,
/// inner punctuation, case.
fn fold_chars(word: &str, options: MatchOptions, key: &mut String) {
    for c in word.chars() {
        let c = if options.ignore_quote_style {
            unify_quote(c)
        } else {
            c
        };
        if options.ignore_punctuation && is_inner_punctuation(c) {
            continue;
        }
        if !options.ignore_case {
            key.push(c);
        } else if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else {
            key.extend(c.to_lowercase());
        }
    }
}

/// Punctuation that may sit inside a word and is dropped from its key.
fn is_inner_punctuation(c: char) -> bool {
    matches!(c, '\'' | '.' | '-' | '‐' | '‑' | '‒' | '–' | '—' | '·')
}

/// Maps curly and typographic quote characters to their straight forms.
#[must_use]
pub fn unify_quote(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        other => other,
    }
}

/// Byte length of the longest word [`number_word`] knows (`seventeen`).
const LONGEST_NUMBER_WORD: usize = 9;

/// The digits of a number word in any case (`Five` gives `5`).
fn number_word(word: &str) -> Option<&'static str> {
    if !(SHORTEST_NUMBER_WORD..=LONGEST_NUMBER_WORD).contains(&word.len()) {
        return None;
    }
    if !word.is_ascii() {
        // Rare: only full lower-casing decides (a few non-ASCII letters lower-case to ASCII).
        return lower_number_word(word.to_lowercase().as_bytes());
    }
    let mut lower = [0u8; LONGEST_NUMBER_WORD];
    let lower = lower.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    lower_number_word(lower)
}

/// Byte length of the shortest word [`number_word`] knows (`one`).
const SHORTEST_NUMBER_WORD: usize = 3;

/// The digits of a lower-case number word.
fn lower_number_word(word: &[u8]) -> Option<&'static str> {
    Some(match word {
        b"zero" => "0",
        b"one" => "1",
        b"two" => "2",
        b"three" => "3",
        b"four" => "4",
        b"five" => "5",
        b"six" => "6",
        b"seven" => "7",
        b"eight" => "8",
        b"nine" => "9",
        b"ten" => "10",
        b"eleven" => "11",
        b"twelve" => "12",
        b"thirteen" => "13",
        b"fourteen" => "14",
        b"fifteen" => "15",
        b"sixteen" => "16",
        b"seventeen" => "17",
        b"eighteen" => "18",
        b"nineteen" => "19",
        b"twenty" => "20",
        b"thirty" => "30",
        b"forty" => "40",
        b"fifty" => "50",
        b"sixty" => "60",
        b"seventy" => "70",
        b"eighty" => "80",
        b"ninety" => "90",
        b"hundred" => "100",
        _ => return None,
    })
}

/// Shortest key length for which [`fuzzy_eq`] tolerates spelling differences.
pub const FUZZY_MIN_LEN: usize = 5;
/// Leading characters two keys must share before they can be fuzzy-equal.
pub const FUZZY_SHARED_PREFIX: usize = 4;
/// Least edit similarity (1 − distance / longer length) for fuzzy equality.
pub const FUZZY_MIN_SIMILARITY: f64 = 0.7;

/// Whether two match keys are the same word spelled or transcribed differently
/// (`illusory`/`illusionary`, `zelensky`/`zelenskiy`, `recognising`/`recognizing`,
/// `ageing`/`aging`).
///
/// Equal keys are always fuzzy-equal. Otherwise both must be alphabetic, at least
/// [`FUZZY_MIN_LEN`] characters, and once their British spellings are folded
/// ([`super::spelling::fold`]: `paediatric` and `pediatric` differ in their first
/// letters) be the same or share their first [`FUZZY_SHARED_PREFIX`] characters and
/// have an edit similarity of at least [`FUZZY_MIN_SIMILARITY`].
#[must_use]
pub fn fuzzy_eq(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len() < FUZZY_MIN_LEN || b.len() < FUZZY_MIN_LEN {
        return false;
    }
    // Folded, the keys share their leading characters exactly when they share a
    // fuzzy class of the vocabulary.
    let (a, b) = (fold(a), fold(b));
    a == b || close_spellings(&a, &b)
}

/// The edit-distance test of [`fuzzy_eq`] on keys as given.
fn close_spellings(a: &str, b: &str) -> bool {
    // Cheap rejections first: this runs inside alignment loops.
    if a.len() < FUZZY_MIN_LEN
        || b.len() < FUZZY_MIN_LEN
        || !a
            .chars()
            .take(FUZZY_SHARED_PREFIX)
            .eq(b.chars().take(FUZZY_SHARED_PREFIX))
    {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() < FUZZY_MIN_LEN || b.len() < FUZZY_MIN_LEN {
        return false;
    }
    if !a.iter().chain(&b).all(|c| c.is_alphabetic()) {
        return false;
    }
    if a[..FUZZY_SHARED_PREFIX] != b[..FUZZY_SHARED_PREFIX] {
        return false;
    }
    let longer = a.len().max(b.len());
    let similarity = 1.0 - edit_distance(&a, &b) as f64 / longer as f64;
    similarity >= FUZZY_MIN_SIMILARITY
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Common English function words: they carry no evidence that two texts share a quote.
#[must_use]
pub fn is_stop_word(key: &str) -> bool {
    // Most content words are longer than any stop word: no search for them. The
    // others are searched as numbers: their bytes, zero-padded (a key with a zero
    // byte is told apart by its length).
    key.len() <= LONGEST_STOP_WORD
        && STOP_WORD_NUMBERS
            .binary_search(&packed(key.as_bytes()))
            .is_ok_and(|at| STOP_WORDS[at].len() == key.len())
}

/// The bytes of a word of at most 8 as one number, first byte highest, zero-padded:
/// numbers of words without zero bytes sort as the words do.
const fn packed(word: &[u8]) -> u64 {
    let mut number = 0u64;
    let mut i = 0;
    while i < LONGEST_STOP_WORD {
        number <<= 8;
        if i < word.len() {
            number |= word[i] as u64;
        }
        i += 1;
    }
    number
}

/// [`STOP_WORDS`] as [`packed`] numbers, in the same (sorted) order.
const STOP_WORD_NUMBERS: [u64; STOP_WORDS.len()] = {
    let mut numbers = [0u64; STOP_WORDS.len()];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        numbers[i] = packed(STOP_WORDS[i].as_bytes());
        i += 1;
    }
    numbers
};

/// Bytes of the longest of [`STOP_WORDS`] (`shouldnt`).
const LONGEST_STOP_WORD: usize = 8;

/// Sorted list of stop words (match keys: lower case, no apostrophes), with the common
/// contractions (`won’t` = `wont`).
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "arent", "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can",
    "cannot", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont",
    "during", "each", "few", "for", "from", "further", "had", "hadnt", "has", "hasnt", "have",
    "havent", "having", "he", "her", "here", "hers", "hes", "him", "his", "how", "i", "if", "im",
    "in", "into", "is", "isnt", "it", "its", "ive", "just", "may", "me", "might", "more", "most",
    "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
    "our", "ours", "out", "over", "own", "said", "same", "says", "she", "shes", "should",
    "shouldnt", "so", "some", "such", "than", "that", "thats", "the", "their", "theirs", "them",
    "then", "there", "these", "they", "theyre", "this", "those", "through", "to", "too", "under",
    "until", "up", "us", "very", "was", "wasnt", "we", "were", "werent", "weve", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "wont", "would", "wouldnt",
    "you", "your", "youre", "yours",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first, straightforward key builder (full lower-casing per character and of
    /// the whole key), kept as the reference the ASCII fast paths must agree with.
    fn reference_match_key(word: &str, options: MatchOptions) -> String {
        let mut key = String::new();
        for c in word.chars() {
            let c = if options.ignore_quote_style {
                unify_quote(c)
            } else {
                c
            };
            if options.ignore_punctuation && is_inner_punctuation(c) {
                continue;
            }
            if options.ignore_case {
                key.extend(c.to_lowercase());
            } else {
                key.push(c);
            }
        }
        if options.numbers_as_digits
            && key.len() <= LONGEST_NUMBER_WORD
            && let Some(digits) = lower_number_word(key.to_lowercase().as_bytes())
        {
            return digits.to_string();
        }
        key
    }

    /// Match options from four generated flags (spelling always ignored).
    fn options_of(flags: [bool; 4]) -> MatchOptions {
        MatchOptions {
            ignore_case: flags[0],
            ignore_punctuation: flags[1],
            ignore_quote_style: flags[2],
            numbers_as_digits: flags[3],
            ignore_spelling: true,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn fast_keys_agree_with_the_reference(
            word in "(?i)(one|seven|seventeen|hundred|ninety|[a-z]{1,3}|[.'’`´-]|\u{212A}|\u{130}|ß|É|\\PC){0,4}",
            flags in any::<[bool; 4]>(),
        ) {
            let options = options_of(flags);
            prop_assert_eq!(match_key(&word, &options), reference_match_key(&word, options));
        }

        /// A key is its own key, under any options: cutting a text finds a spelling
        /// that is a key among the spellings ([`super::super::tokenize_keyed`]).
        #[test]
        fn keys_are_their_own_keys(
            word in "(?i)(one|seven|seventeen|hundred|ninety|[a-z]{1,3}|[.'’`´‘“«-]|\u{212A}|\u{130}|ß|É|\\PC){0,4}",
            flags in any::<[bool; 4]>(),
        ) {
            let options = options_of(flags);
            let key = match_key(&word, &options);
            prop_assert_eq!(match_key(&key, &options), key);
        }
    }

    #[test]
    fn keys_of_one_char_are_their_own_keys() {
        // The premise of `keys_are_their_own_keys`, for every char: what quote
        // unifying and lower-casing make of it is left as it is by both, and
        // lower-casing makes no inner punctuation.
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let unified = unify_quote(c);
            assert_eq!(unify_quote(unified), unified, "{c:?}");
            for u in [c, unified] {
                for lower in u.to_lowercase() {
                    assert!(lower.to_lowercase().eq([lower]), "{c:?} → {lower:?}");
                    assert!(!is_inner_punctuation(lower) || is_inner_punctuation(u));
                    if u == unified {
                        assert_eq!(unify_quote(lower), lower, "{c:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_longest_number_words_still_become_digits() {
        let options = MatchOptions::default();
        assert_eq!(match_key("Seventeen", &options), "17");
        assert_eq!(match_key("seventeens", &options), "seventeens");
    }

    proptest! {
        /// The packed search finds exactly the listed words.
        #[test]
        fn stop_words_are_found_as_listed(
            word in "(a|an|the|i|s|ours|shouldnt|wouldnt|\\x00|[a-z]{1,2}|é){0,4}",
        ) {
            prop_assert_eq!(is_stop_word(&word), STOP_WORDS.contains(&word.as_str()));
        }
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORD_NUMBERS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(!is_stop_word("a\0") && !is_stop_word("thez") && !is_stop_word(""));
        assert_eq!(
            STOP_WORDS.iter().map(|w| w.len()).max(),
            Some(LONGEST_STOP_WORD)
        );
    }

    #[test]
    fn keys_fold_case_punctuation_quotes_and_number_words() {
        let o = MatchOptions::default();
        assert_eq!(match_key("U.S.", &o), "us");
        assert_eq!(match_key("Non-Lethal", &o), "nonlethal");
        assert_eq!(match_key("Ukraine’s", &o), match_key("Ukraine's", &o));
        assert_eq!(match_key("Five", &o), "5");
    }

    #[test]
    fn strict_keys_keep_the_word_as_written() {
        assert_eq!(match_key("U.S.", &MatchOptions::STRICT), "U.S.");
        assert_eq!(match_key("Five", &MatchOptions::STRICT), "Five");
    }

    #[test]
    fn fuzzy_equality_accepts_transcription_variants() {
        for (a, b) in [
            ("illusory", "illusionary"),
            ("zelensky", "zelenskiy"),
            ("volodomyr", "volodymyr"),
            ("recognising", "recognizing"),
            ("defence", "defense"),
        ] {
            assert!(fuzzy_eq(a, b), "{a} ~ {b}");
        }
    }

    #[test]
    fn fuzzy_equality_rejects_different_words() {
        for (a, b) in [
            ("security", "secured"),
            ("government", "governor"),
            ("war", "was"),
            ("2014", "2015"),
            ("prolong", "promise"),
        ] {
            assert!(!fuzzy_eq(a, b), "{a} !~ {b}");
        }
    }
}

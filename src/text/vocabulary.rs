//! Match keys as small integers, so hot loops compare numbers instead of strings.
//!
//! A [`Vocabulary`] gives every distinct key of the token streams it has seen a
//! [`KeyId`]; equal keys get equal ids, and an id carries its stop-word flag. Keys
//! long enough to be spelled differently share a fuzzy class with the keys they might
//! be [`fuzzy_eq`] to (same leading characters once British spellings are folded),
//! and a [`FuzzyCache`] decides each such pair once.

use super::normalize::{FUZZY_MIN_LEN, FUZZY_SHARED_PREFIX, fuzzy_eq, is_stop_word};
use super::spelling::fold;
use super::tokenize::Token;
use foldhash::HashMap;
use std::borrow::Cow;

/// A match key as an integer: equal keys have equal ids within one [`Vocabulary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(u32);

impl KeyId {
    /// An id no key is given: it equals no key's id.
    pub const NONE: KeyId = KeyId(u32::MAX);

    /// Whether the key is a stop word.
    #[must_use]
    pub fn is_stop(self) -> bool {
        self.0 & 1 == 1
    }

    /// The key's dense index in its vocabulary (0, 1, 2… in order of first sight).
    #[must_use]
    pub fn index(self) -> usize {
        (self.0 >> 1) as usize
    }
}

/// Largest id index given (later keys share it: beyond two billion keys).
const MAX_INDEX: u32 = (u32::MAX >> 1) - 1;

/// Fuzzy class of keys too short (or not alphabetic) to be compared fuzzily.
const NO_FUZZY_CLASS: u32 = u32::MAX;

/// The keys seen so far, each with its id and fuzzy class.
#[derive(Debug, Default)]
pub struct Vocabulary<'t> {
    ids: HashMap<&'t str, KeyId>,
    /// Key of each id index.
    keys: Vec<&'t str>,
    /// Fuzzy class of each id index ([`NO_FUZZY_CLASS`] when none).
    classes: Vec<u32>,
    /// Fuzzy class of each shared prefix (of the key with its British spelling folded).
    prefixes: HashMap<Cow<'t, str>, u32>,
}

impl<'t> Vocabulary<'t> {
    /// The ids of `tokens`' keys, adding new keys.
    pub fn ids(&mut self, tokens: &'t [Token]) -> Vec<KeyId> {
        // The tokens of one text share their keys: each distinct one is hashed once,
        // the others found by its address.
        let mut by_address: HashMap<usize, KeyId> = HashMap::default();
        tokens
            .iter()
            .map(|t| {
                *by_address
                    .entry(t.key.address())
                    .or_insert_with(|| self.id(&t.key))
            })
            .collect()
    }

    /// The id of `key`, adding it when new.
    pub fn id(&mut self, key: &'t str) -> KeyId {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        // Saturates below the index of `KeyId::NONE`.
        let index = u32::try_from(self.keys.len()).map_or(MAX_INDEX, |i| i.min(MAX_INDEX));
        let id = KeyId(index << 1 | u32::from(is_stop_word(key)));
        let class = match fuzzy_prefix(key) {
            Some(prefix) => {
                let next = u32::try_from(self.prefixes.len()).unwrap_or(NO_FUZZY_CLASS);
                *self.prefixes.entry(prefix).or_insert(next)
            }
            None => NO_FUZZY_CLASS,
        };
        self.ids.insert(key, id);
        self.keys.push(key);
        self.classes.push(class);
        id
    }

    /// Number of distinct keys seen.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no key was seen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The key of `id`.
    #[must_use]
    pub fn key(&self, id: KeyId) -> &'t str {
        self.keys.get(id.index()).copied().unwrap_or("")
    }

    /// The fuzzy class of `id`: keys can only be [`fuzzy_eq`] to keys of their class.
    /// `None` for keys too short to be compared fuzzily.
    #[must_use]
    pub fn fuzzy_class(&self, id: KeyId) -> Option<u32> {
        self.classes
            .get(id.index())
            .copied()
            .filter(|&c| c != NO_FUZZY_CLASS)
    }

    /// Whether two different keys might be [`fuzzy_eq`]: both have the same fuzzy class.
    fn may_be_fuzzy(&self, a: KeyId, b: KeyId) -> bool {
        self.fuzzy_class(a)
            .is_some_and(|x| self.fuzzy_class(b) == Some(x))
    }

    /// `right` with fuzzy variants merged into `left`'s keys: an id whose key `left`
    /// lacks but that is [`fuzzy_eq`] to a key of `left` becomes that key's id (the
    /// first of its class in `left`'s order among [`MAX_FUZZY_CANDIDATES`]), so that a
    /// diff over ids sees `illusory`/`illusionary` as one word.
    #[must_use]
    pub fn merge_fuzzy(&self, left: &[KeyId], right: &[KeyId]) -> Vec<KeyId> {
        let mut on_left = vec![false; self.keys.len()];
        let mut by_class: HashMap<u32, Vec<KeyId>> = HashMap::default();
        for &id in left {
            if let Some(seen) = on_left.get_mut(id.index())
                && !*seen
            {
                *seen = true;
                if let Some(class) = self.fuzzy_class(id) {
                    by_class.entry(class).or_default().push(id);
                }
            }
        }
        let mut merged: Vec<Option<KeyId>> = vec![None; self.keys.len()];
        right
            .iter()
            .map(|&id| {
                if on_left.get(id.index()).copied().unwrap_or(true) {
                    return id;
                }
                *merged[id.index()].get_or_insert_with(|| {
                    let key = self.key(id);
                    self.fuzzy_class(id)
                        .and_then(|class| by_class.get(&class))
                        .and_then(|candidates| {
                            candidates
                                .iter()
                                .take(MAX_FUZZY_CANDIDATES)
                                .find(|&&other| fuzzy_eq(key, self.key(other)))
                        })
                        .copied()
                        .unwrap_or(id)
                })
            })
            .collect()
    }
}

/// Most keys of one fuzzy class tried against a key in [`Vocabulary::merge_fuzzy`],
/// to stay near-linear.
pub const MAX_FUZZY_CANDIDATES: usize = 32;

/// The leading characters a key shares with its fuzzy partners, if it is long enough
/// to have any.
fn fuzzy_prefix(key: &str) -> Option<Cow<'_, str>> {
    if key.len() < FUZZY_MIN_LEN || key.chars().nth(FUZZY_MIN_LEN - 1).is_none() {
        return None;
    }
    let prefix = |word: &str| {
        word.char_indices()
            .nth(FUZZY_SHARED_PREFIX)
            .map_or(word.len(), |(end, _)| end)
    };
    Some(match fold(key) {
        Cow::Borrowed(word) => Cow::Borrowed(&word[..prefix(word)]),
        Cow::Owned(word) => Cow::Owned(word[..prefix(&word)].to_string()),
    })
}

/// [`fuzzy_eq`] outcomes of key pairs already decided.
#[derive(Debug, Default)]
pub struct FuzzyCache {
    outcomes: HashMap<(KeyId, KeyId), bool>,
}

impl FuzzyCache {
    /// Whether keys `a` and `b` of `vocabulary` are equal or [`fuzzy_eq`].
    pub fn eq(&mut self, vocabulary: &Vocabulary<'_>, a: KeyId, b: KeyId) -> bool {
        if a == b {
            return true;
        }
        if !vocabulary.may_be_fuzzy(a, b) {
            return false;
        }
        let pair = (a.min(b), a.max(b));
        *self
            .outcomes
            .entry(pair)
            .or_insert_with(|| fuzzy_eq(vocabulary.key(a), vocabulary.key(b)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_share_an_id_and_stop_words_are_flagged() {
        let tokens = tokenize("The Levee said the levee would");
        let mut vocabulary = Vocabulary::default();
        let ids = vocabulary.ids(&tokens);
        assert_eq!(ids[0], ids[3]);
        assert_eq!(ids[1], ids[4]);
        assert!(ids[0].is_stop() && ids[2].is_stop());
        assert!(!ids[1].is_stop());
        assert_eq!(
            ids.iter().collect::<std::collections::BTreeSet<_>>().len(),
            4
        );
        assert_eq!(vocabulary.key(ids[1]), "levee");
    }

    #[test]
    fn fuzzy_variants_merge_into_the_first_left_key_of_their_class() {
        let left = tokenize("the illusionary goal of Zelenskiy");
        let right = tokenize("an illusory goal of Zelensky and illusory hopes");
        let mut vocabulary = Vocabulary::default();
        let (l, r) = (vocabulary.ids(&left), vocabulary.ids(&right));
        let merged = vocabulary.merge_fuzzy(&l, &r);
        assert_eq!(merged[1], l[1], "illusory takes the id of illusionary");
        assert_eq!(merged[6], l[1]);
        assert_eq!(merged[4], l[4], "zelensky takes the id of zelenskiy");
        assert_eq!(merged[2], l[2], "shared keys keep their id");
        assert_eq!(merged[0], r[0], "an has no partner");
        assert_eq!(merged[7], r[7]);
    }

    proptest! {
        /// The cache agrees with `fuzzy_eq` on any pair of keys.
        #[test]
        fn cache_agrees_with_fuzzy_eq(a in "[a-dé]{1,9}", b in "[a-dé]{1,9}") {
            let tokens = tokenize(&format!("{a} {b}"));
            let mut vocabulary = Vocabulary::default();
            let ids = vocabulary.ids(&tokens);
            let mut cache = FuzzyCache::default();
            let expected = fuzzy_eq(&tokens[0].key, &tokens[1].key);
            prop_assert_eq!(cache.eq(&vocabulary, ids[0], ids[1]), expected);
            prop_assert_eq!(cache.eq(&vocabulary, ids[1], ids[0]), expected);
        }

        /// Fuzzy-equal keys long enough to have a class share it, British spellings
        /// folded or not (`ageing`/`aging`, `colour`/`colour`).
        #[test]
        fn fuzzy_equal_keys_share_their_class(
            a in "(ae|oe|our|eing|ise|tre|ll|[a-gloruz]){3,8}",
            at in 0usize..20,
            with in "(|[a-z]|our|e)",
        ) {
            // `b` is `a` with one letter replaced (or dropped): often fuzzy-equal.
            let at = at % a.len();
            let b = format!("{}{with}{}", &a[..at], &a[at + 1..]);
            if let (Some(x), Some(y)) = (fuzzy_prefix(&a), fuzzy_prefix(&b))
                && fuzzy_eq(&a, &b)
            {
                prop_assert_eq!(x, y, "{} / {}", a, b);
            }
        }
    }
}

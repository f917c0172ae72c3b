//! Match keys as small integers, so hot loops compare numbers instead of strings.
//!
//! A [`Vocabulary`] gives every distinct key of the token streams it has seen a
//! [`KeyId`]; equal keys get equal ids, and an id carries its stop-word flag. Keys
//! long enough to be spelled differently share a fuzzy class with the keys they might
//! be [`fuzzy_eq`] to (same leading characters once British spellings are folded),
//! and a [`FuzzyCache`] decides each such pair once.

use super::normalize::{FUZZY_MIN_LEN, FUZZY_SHARED_PREFIX, fuzzy_eq, is_stop_word};
use super::spelling::fold;
use super::table::{KeyId, KeyTable};
use super::tokenize::Token;
use foldhash::HashMap;
use std::borrow::Cow;

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
        self.insert(key, is_stop_word(key), fuzzy_prefix(key))
    }

    /// The ids of a token stream cut with `table` (see [`KeyTable`]), adding new
    /// keys: each distinct key is looked up once, and the first stream of a
    /// vocabulary keeps its table's ids as they are.
    pub fn table_ids(&mut self, tokens: &'t [Token], table: &'t KeyTable) -> TableIds<'t> {
        let fresh = self.keys.is_empty();
        if fresh {
            self.ids.reserve(table.len());
            self.keys.reserve(table.len());
            self.classes.reserve(table.len());
            self.prefixes.reserve(table.len() / 2);
        }
        let distinct: Vec<KeyId> = distinct_keys(tokens, table)
            .map(|(key, stop)| match self.ids.get(key) {
                Some(&id) => id,
                None => self.insert(key, stop, fuzzy_prefix(key)),
            })
            .collect();
        let ids = if fresh {
            // Keys numbered in the same order from 0: the local ids are the ids.
            Cow::Borrowed(table.ids())
        } else {
            Cow::Owned(table.ids().iter().map(|id| distinct[id.index()]).collect())
        };
        TableIds {
            ids,
            distinct,
            local: table.ids(),
        }
    }

    /// Adds `key` (not seen yet) with its stop-word flag and fuzzy prefix.
    fn insert(&mut self, key: &'t str, stop: bool, prefix: Option<Cow<'t, str>>) -> KeyId {
        let id = KeyId::new(self.keys.len(), stop);
        let class = match prefix {
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

    /// `right`'s ids with fuzzy variants merged into `left`'s keys: an id whose key
    /// `left` lacks but that is [`fuzzy_eq`] to a key of `left` becomes that key's id
    /// (the first of its class in `left`'s order among [`MAX_FUZZY_CANDIDATES`]), so
    /// that a diff over ids sees `illusory`/`illusionary` as one word. Each distinct
    /// key is settled once.
    #[must_use]
    pub fn merge_fuzzy(&self, left: &TableIds<'_>, right: &TableIds<'_>) -> Vec<KeyId> {
        let mut on_left = vec![false; self.keys.len()];
        let mut by_class: HashMap<u32, Vec<KeyId>> = HashMap::default();
        for &id in &left.distinct {
            if let Some(seen) = on_left.get_mut(id.index())
                && !*seen
            {
                *seen = true;
                if let Some(class) = self.fuzzy_class(id) {
                    by_class.entry(class).or_default().push(id);
                }
            }
        }
        let merged: Vec<KeyId> = right
            .distinct
            .iter()
            .map(|&id| {
                if on_left.get(id.index()).copied().unwrap_or(true) {
                    return id;
                }
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
            .collect();
        right.local.iter().map(|id| merged[id.index()]).collect()
    }
}

/// The ids of one token stream in a [`Vocabulary`] ([`Vocabulary::table_ids`]).
#[derive(Debug, Clone)]
pub struct TableIds<'t> {
    /// Each token's id.
    pub ids: Cow<'t, [KeyId]>,
    /// The id of each of the stream's distinct keys, in order of first occurrence.
    distinct: Vec<KeyId>,
    /// Each token's local id in its [`KeyTable`].
    local: &'t [KeyId],
}

/// The distinct keys of `tokens` (the tokens `table` was built with) in order of
/// first occurrence, each with its stop-word flag.
pub(crate) fn distinct_keys<'t>(
    tokens: &'t [Token],
    table: &KeyTable,
) -> impl Iterator<Item = (&'t str, bool)> {
    table.first().iter().map(move |&first| {
        let first = first as usize;
        let stop = table.ids().get(first).is_some_and(|id| id.is_stop());
        (tokens.get(first).map_or("", |t| t.key.as_str()), stop)
    })
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
pub(crate) mod tests {
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

    /// The token-by-token merge [`Vocabulary::merge_fuzzy`] replaced, kept as the
    /// reference it must agree with.
    pub(crate) fn reference_merge_fuzzy(
        vocabulary: &Vocabulary<'_>,
        left: &[KeyId],
        right: &[KeyId],
    ) -> Vec<KeyId> {
        let mut by_class: HashMap<u32, Vec<KeyId>> = HashMap::default();
        let mut on_left = std::collections::HashSet::new();
        for &id in left {
            if on_left.insert(id)
                && let Some(class) = vocabulary.fuzzy_class(id)
            {
                by_class.entry(class).or_default().push(id);
            }
        }
        right
            .iter()
            .map(|&id| {
                if on_left.contains(&id) {
                    return id;
                }
                vocabulary
                    .fuzzy_class(id)
                    .and_then(|class| by_class.get(&class))
                    .and_then(|candidates| {
                        candidates
                            .iter()
                            .take(MAX_FUZZY_CANDIDATES)
                            .find(|&&other| fuzzy_eq(vocabulary.key(id), vocabulary.key(other)))
                    })
                    .copied()
                    .unwrap_or(id)
            })
            .collect()
    }

    #[test]
    fn fuzzy_variants_merge_into_the_first_left_key_of_their_class() {
        let options = crate::text::MatchOptions::default();
        let left = crate::text::tokenize_keyed("the illusionary goal of Zelenskiy", &options);
        let right = crate::text::tokenize_keyed(
            "an illusory goal of Zelensky and illusory hopes",
            &options,
        );
        let mut vocabulary = Vocabulary::default();
        let l = vocabulary.table_ids(&left.0, &left.1);
        let r = vocabulary.table_ids(&right.0, &right.1);
        let merged = vocabulary.merge_fuzzy(&l, &r);
        let (l, r) = (l.ids, r.ids);
        assert_eq!(merged[1], l[1], "illusory takes the id of illusionary");
        assert_eq!(merged[6], l[1]);
        assert_eq!(merged[4], l[4], "zelensky takes the id of zelenskiy");
        assert_eq!(merged[2], l[2], "shared keys keep their id");
        assert_eq!(merged[0], r[0], "an has no partner");
        assert_eq!(merged[7], r[7]);
        assert_eq!(merged, reference_merge_fuzzy(&vocabulary, &l, &r));
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

//! What each key of a pair's vocabulary adds to a similarity [`Profile`], worked out
//! once per key.

use super::{Profile, is_calendar, is_distinct_number, is_named, name_hashes, word_hash};
use crate::text::{KeyId, Token, Vocabulary};

/// What a key contributes to a [`Profile`], worked out once per key of a pair's
/// vocabulary however often the key recurs (the four profiles of a pair's
/// similarity share it), so a profile hashes and sorts distinct keys only.
pub(super) struct KeyFeatures<'v, 't> {
    vocabulary: &'v Vocabulary<'t>,
    /// Per key index, once seen: its features.
    known: Vec<Option<Features>>,
    /// Per key index, what the profile being built already holds: bit 0 its word
    /// feature, bit 1 its name features.
    held: Vec<u8>,
}

/// The features of one content key.
#[derive(Clone, Copy)]
struct Features {
    /// The word feature (its stem).
    word: u64,
    /// The name features, added when the key is a distinct figure or a token of it a name.
    name: [u64; 2],
    /// Whether the key is a distinct figure (its name features always count).
    number: bool,
    /// Whether it is a day or month (never a name).
    calendar: bool,
}

impl<'v, 't> KeyFeatures<'v, 't> {
    pub(super) fn new(vocabulary: &'v Vocabulary<'t>) -> Self {
        Self {
            vocabulary,
            known: Vec::new(),
            held: Vec::new(),
        }
    }

    /// The features of `id` (none for a stop word or an empty key), worked out on
    /// first sight.
    fn of(&mut self, id: KeyId) -> Option<Features> {
        let key = self.vocabulary.key(id);
        if id.is_stop() || key.is_empty() {
            return None;
        }
        let index = id.index();
        if index >= self.known.len() {
            self.known.resize(index + 1, None);
        }
        Some(*self.known[index].get_or_insert_with(|| Features {
            word: word_hash(key),
            name: name_hashes(key),
            number: is_distinct_number(key),
            calendar: is_calendar(key),
        }))
    }

    /// The tokens of one side a profile reads, the side's own key of token `i` being
    /// `own[i]`: each key's first occurrence and its first occurrence as a name.
    /// Every profile of the side reads the same ones, as long as its ids are a
    /// function of the side's own ids (a merge of fuzzy variants is).
    pub(super) fn occurrences(
        &self,
        text: &str,
        tokens: &[Token],
        own: &[KeyId],
    ) -> Vec<Occurrence> {
        // Per key index: bit 0 seen, bit 1 seen as a name.
        let mut seen = vec![0u8; self.vocabulary.len()];
        let mut occurrences = Vec::new();
        let mut previous_end = 0;
        for (i, (token, id)) in tokens.iter().zip(own).enumerate() {
            let before = previous_end..token.span.start;
            previous_end = token.span.end;
            let Some(held) = seen.get_mut(id.index()) else {
                continue;
            };
            if *held & 2 != 0 {
                continue;
            }
            let word = text.get(token.span.clone()).unwrap_or("");
            let named = is_named(i, word, text.get(before).unwrap_or(""));
            if *held & 1 == 0 || named {
                *held |= 1 | u8::from(named) << 1;
                occurrences.push(Occurrence { token: i, named });
            }
        }
        occurrences
    }

    /// The profile of a text whose token `i` is keyed `ids[i]`, read at its
    /// `occurrences`: the same features as [`Profile::from_keys`] with the ids' keys
    /// over every token.
    pub(super) fn profile(&mut self, occurrences: &[Occurrence], ids: &[KeyId]) -> Profile {
        self.held.clear();
        let mut hashes = Vec::with_capacity(occurrences.len());
        for occurrence in occurrences {
            let id = ids.get(occurrence.token).copied().unwrap_or(KeyId::NONE);
            let Some(features) = self.of(id) else {
                continue;
            };
            let index = id.index();
            if index >= self.held.len() {
                self.held.resize(index + 1, 0);
            }
            let held = &mut self.held[index];
            if *held & 1 == 0 {
                *held |= 1;
                hashes.push(features.word);
            }
            if *held & 2 == 0 && (features.number || (!features.calendar && occurrence.named)) {
                *held |= 2;
                hashes.extend(features.name);
            }
        }
        Profile::of_hashes(hashes)
    }
}

/// A token a profile reads (see [`KeyFeatures::occurrences`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Occurrence {
    /// Index of the token.
    token: usize,
    /// Whether it is a name or figure by its capital ([`is_named`]).
    named: bool,
}

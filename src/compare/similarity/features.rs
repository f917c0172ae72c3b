//! What each key of a pair's vocabulary adds to a similarity [`Profile`], worked out
//! once per key, and the overlap of two profiles counted without building them.

use super::{
    Similarity, is_calendar, is_distinct_number, is_named, name_hashes, of_counts, word_hash,
};
use crate::pair::{Pair, Side};
use crate::text::{KeyId, Token, Vocabulary};
use foldhash::{HashMap, HashMapExt};

/// What a key contributes to a [`Profile`], worked out once per key of a pair's
/// vocabulary however often the key recurs (the four profiles of a pair's
/// similarity share it). Each distinct feature hash gets a slot, so the overlap of
/// two profiles is counted by marking slots: no profile is built, sorted or merged.
///
/// [`Profile`]: super::Profile
pub(super) struct KeyFeatures<'v, 't> {
    vocabulary: &'v Vocabulary<'t>,
    /// Per key index: its features once seen.
    known: Vec<Known>,
    /// The slot of each distinct feature hash seen so far.
    slots: HashMap<u64, u32>,
    /// Per slot, the profiles of the overlap being counted that hold it: bit 0 the
    /// left one, bit 1 the right one.
    marks: Vec<u8>,
}

/// What [`KeyFeatures`] knows of a key.
#[derive(Clone, Copy)]
enum Known {
    /// Not yet seen.
    Unseen,
    /// A stop word or an empty key: no feature.
    Skipped,
    /// A content key's features.
    Content(Features),
}

/// The features of one content key, as slots.
#[derive(Clone, Copy)]
struct Features {
    /// The word feature (its stem).
    word: u32,
    /// The name features, added when the key is a distinct figure or a token of it a
    /// name (given a slot on first need).
    name: Option<[u32; 2]>,
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
            // About one slot a key, and more for names.
            slots: HashMap::with_capacity(vocabulary.len() + vocabulary.len() / 4),
            marks: Vec::new(),
        }
    }

    /// The slot of feature `hash`, given on first sight.
    fn slot(&mut self, hash: u64) -> u32 {
        let next = u32::try_from(self.slots.len()).unwrap_or(u32::MAX);
        *self.slots.entry(hash).or_insert(next)
    }

    /// The features of `id` (none for a stop word or an empty key), worked out on
    /// first sight.
    fn of(&mut self, id: KeyId) -> Option<Features> {
        let index = id.index();
        if let Some(known) = self.known.get(index) {
            match known {
                Known::Content(features) => return Some(*features),
                Known::Skipped => return None,
                Known::Unseen => {}
            }
        } else {
            self.known.resize(index + 1, Known::Unseen);
        }
        let key = self.vocabulary.key(id);
        if id.is_stop() || key.is_empty() {
            self.known[index] = Known::Skipped;
            return None;
        }
        let features = Features {
            word: self.slot(word_hash(key)),
            name: None,
            number: is_distinct_number(key),
            calendar: is_calendar(key),
        };
        self.known[index] = Known::Content(features);
        Some(features)
    }

    /// The name slots of `id`, a content key already seen by [`Self::of`].
    fn name_slots(&mut self, id: KeyId) -> [u32; 2] {
        let index = id.index();
        if let Some(Known::Content(Features {
            name: Some(slots), ..
        })) = self.known.get(index)
        {
            return *slots;
        }
        let [a, b] = name_hashes(self.vocabulary.key(id));
        let slots = [self.slot(a), self.slot(b)];
        if let Some(Known::Content(features)) = self.known.get_mut(index) {
            features.name = Some(slots);
        }
        slots
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
            // Most tokens start with an ASCII byte that is no capital: no name.
            let lower = text
                .as_bytes()
                .get(token.span.start)
                .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase());
            let named = !lower && {
                let word = text.get(token.span.clone()).unwrap_or("");
                is_named(i, word, text.get(before).unwrap_or(""))
            };
            if *held & 1 == 0 || named {
                *held |= 1 | u8::from(named) << 1;
                occurrences.push(Occurrence { token: i, named });
            }
        }
        occurrences
    }

    /// The similarity of two texts whose token `i` is keyed `ids[side][i]`, each read
    /// at its `occurrences`: what [`Profile::similarity`] gives for the
    /// [`Profile::from_keys`] of the ids' keys over every token, counted by marking
    /// each side's feature slots.
    ///
    /// [`Profile::similarity`]: super::Profile::similarity
    /// [`Profile::from_keys`]: super::Profile::from_keys
    pub(super) fn similarity(
        &mut self,
        occurrences: Pair<&[Occurrence]>,
        ids: Pair<&[KeyId]>,
    ) -> Similarity {
        // Each occurrence adds at most three slots: size the marks once.
        let most = self.slots.len() + 3 * (occurrences.left.len() + occurrences.right.len());
        self.marks.clear();
        self.marks.resize(most, 0);
        let mut sizes = Pair::new(0, 0);
        let mut shared = 0;
        for side in Side::BOTH {
            let bit = if side == Side::Left { 1u8 } else { 2 };
            let (ids, mut size) = (ids[side], 0);
            let mut mark = |marks: &mut [u8], slot: u32| {
                if let Some(mark) = marks.get_mut(slot as usize)
                    && *mark & bit == 0
                {
                    *mark |= bit;
                    size += 1;
                    shared += usize::from(*mark == 3);
                }
            };
            for occurrence in occurrences[side] {
                let id = ids.get(occurrence.token).copied().unwrap_or(KeyId::NONE);
                let Some(features) = self.of(id) else {
                    continue;
                };
                mark(&mut self.marks, features.word);
                if features.number || (!features.calendar && occurrence.named) {
                    let [a, b] = self.name_slots(id);
                    mark(&mut self.marks, a);
                    mark(&mut self.marks, b);
                }
            }
            sizes[side] = size;
        }
        of_counts(shared, sizes)
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

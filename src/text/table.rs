//! Key ids ([`KeyId`]), and the distinct keys of one token stream numbered while
//! the text is cut ([`KeyTable`]).
//!
//! [`super::tokenize_keyed`] numbers each distinct key of a text the first time it
//! sees it and gives every token its key's number, so that a [`super::Vocabulary`]
//! later meets each distinct key once ([`super::Vocabulary::table_ids`]) instead of
//! hashing every token's key again. Each key's stop-word flag is settled here too,
//! where each text is analysed on its own thread.

use super::normalize::is_stop_word;

/// A match key as an integer: equal keys have equal ids within one [`super::Vocabulary`].
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

    /// The id of index `index` (saturating below the index of [`KeyId::NONE`]) with
    /// stop-word flag `stop`.
    pub(crate) fn new(index: usize, stop: bool) -> Self {
        let index = u32::try_from(index).map_or(MAX_INDEX, |i| i.min(MAX_INDEX));
        KeyId(index << 1 | u32::from(stop))
    }
}

/// Largest id index given (later keys share it: beyond two billion keys).
const MAX_INDEX: u32 = (u32::MAX >> 1) - 1;

/// The distinct keys of one token stream in order of first occurrence, and each
/// token's key as its index among them.
///
/// A table describes the tokens it was built with ([`super::tokenize_keyed`]); it
/// reads their keys and holds none itself (4 bytes a token, 4 a distinct key).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyTable {
    /// Each token's key as a local id: its index among the distinct keys, with the
    /// key's stop-word flag. Equal keys have equal ids.
    ids: Vec<KeyId>,
    /// Index of the token where each distinct key first occurs.
    first: Vec<u32>,
}

impl KeyTable {
    /// Each token's local id (see [`KeyTable`]).
    #[must_use]
    pub fn ids(&self) -> &[KeyId] {
        &self.ids
    }

    /// Number of distinct keys.
    #[must_use]
    pub fn len(&self) -> usize {
        self.first.len()
    }

    /// Whether the stream has no token.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// Index of the token where each distinct key first occurs.
    pub(crate) fn first(&self) -> &[u32] {
        &self.first
    }

    /// Numbers a new key, first seen at the next token pushed: returns its local id.
    pub(crate) fn add(&mut self, key: &str) -> KeyId {
        let id = KeyId::new(self.first.len(), is_stop_word(key));
        self.first
            .push(u32::try_from(self.ids.len()).unwrap_or(u32::MAX));
        id
    }

    /// Frees the room the table grew but does not use (a corpus keeps a table per
    /// article).
    pub(crate) fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        self.first.shrink_to_fit();
    }

    /// Adds the next token, whose key has local id `id`.
    #[inline]
    pub(crate) fn push(&mut self, id: KeyId) {
        self.ids.push(id);
    }
}

#[cfg(test)]
mod tests {
    use crate::text::tokenize_keyed;

    #[test]
    fn distinct_keys_in_order_of_first_sight_with_their_flags() {
        let (tokens, table) = tokenize_keyed(
            "The Levee said the levee would paediatric",
            &crate::text::MatchOptions::default(),
        );
        let ids: Vec<usize> = table.ids().iter().map(|id| id.index()).collect();
        assert_eq!(ids, [0, 1, 2, 0, 1, 3, 4]);
        let distinct: Vec<_> = crate::text::vocabulary::distinct_keys(&tokens, &table).collect();
        assert_eq!(
            distinct,
            [
                ("the", true),
                ("levee", false),
                ("said", true),
                ("would", true),
                ("paediatric", false),
            ]
        );
        assert_eq!(table.len(), 5);
    }
}

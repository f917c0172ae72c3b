//! The match keys of a compared pair as ids of one [`Vocabulary`]: quote matching
//! reads them as they are; the word diff, shared passages and sentence alignment read
//! the keys of every fold (the default [`crate::text::MatchOptions`], whatever the
//! comparison counts, so that what is counted never moves the alignment) with the
//! right side's fuzzy variants merged into the left side's keys.

use super::Document;
use crate::pair::Pair;
use crate::text::{KeyId, TableIds, Vocabulary};

/// Both documents' key ids over one vocabulary, interned once per comparison.
#[derive(Debug)]
pub(crate) struct PairKeys<'t> {
    vocabulary: Vocabulary<'t>,
    /// Each token's key id, per side.
    ids: Pair<TableIds<'t>>,
    /// Each token's id under every fold, per side (`None`: the same as `ids`).
    folded: Option<Pair<TableIds<'t>>>,
    /// The right side's ids under every fold with fuzzy variants of left keys
    /// merged into them.
    merged_right: Vec<KeyId>,
}

impl<'t> PairKeys<'t> {
    /// Interns the keys of both documents, left first: each document's distinct
    /// keys ([`crate::text::KeyTable`]) once, and the left side keeps its table's ids.
    pub fn new(docs: Pair<&'t Document<'_>>) -> Self {
        let mut vocabulary = Vocabulary::default();
        let ids = docs.map(|d| vocabulary.table_ids(&d.tokens, d.key_table()));
        let folded = (docs.left.folded.is_some() || docs.right.folded.is_some())
            .then(|| docs.map(|d| vocabulary.table_ids(d.folded_tokens(), d.folded_key_table())));
        let merged_right = {
            let f = folded.as_ref().unwrap_or(&ids);
            vocabulary.merge_fuzzy(&f.left, &f.right)
        };
        Self {
            vocabulary,
            ids,
            folded,
            merged_right,
        }
    }

    /// The vocabulary the ids come from.
    pub fn vocabulary(&self) -> &Vocabulary<'t> {
        &self.vocabulary
    }

    /// Each token's key id: equal keys have equal ids.
    pub fn ids(&self) -> Pair<&[KeyId]> {
        Pair::new(&self.ids.left.ids, &self.ids.right.ids)
    }

    /// The ids the word diff compares: keys under every fold, and a right key
    /// [`crate::text::fuzzy_eq`] to a left key has that key's id.
    pub fn diff_ids(&self) -> Pair<&[KeyId]> {
        Pair::new(&self.folded().left.ids, &self.merged_right)
    }

    /// The mirror of [`Self::diff_ids`]: the left side's ids under every fold with
    /// fuzzy variants of right keys merged into them, and the right side's as they
    /// are (computed on demand: only the symmetric similarity reads it).
    pub fn mirrored_diff_ids(&self) -> (Vec<KeyId>, &[KeyId]) {
        let folded = self.folded();
        (
            self.vocabulary.merge_fuzzy(&folded.right, &folded.left),
            &folded.right.ids,
        )
    }

    /// Each token's ids under every fold.
    fn folded(&self) -> &Pair<TableIds<'t>> {
        self.folded.as_ref().unwrap_or(&self.ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MatchOptions;
    use crate::text::vocabulary::tests::reference_merge_fuzzy;
    use proptest::prelude::*;

    /// Words with case, punctuation, number-word, British-spelling and fuzzy variants.
    const WORDS: &[&str] = &[
        "the",
        "The",
        "THE",
        "levee",
        "Levee",
        "levees",
        "U.S.",
        "US",
        "us",
        "five",
        "Five",
        "5",
        "colour",
        "color",
        "Colour",
        "paediatric",
        "pediatric",
        "illusory",
        "illusionary",
        "Zelenskiy",
        "Zelensky",
        "don’t",
        "don't",
        "dont",
        "ageing",
        "aging",
        "recognising",
        "recognizing",
        "café",
        "CAFÉ",
        "İstanbul",
        "istanbul",
        "river",
    ];

    proptest! {
        /// Interning each document's distinct keys gives the ids, fuzzy merges and
        /// vocabulary of interning every token.
        #[test]
        fn table_keys_are_the_token_keys(
            left in prop::collection::vec(prop::sample::select(WORDS), 0..30),
            right in prop::collection::vec(prop::sample::select(WORDS), 0..30),
            strict in any::<bool>(),
        ) {
            let options = if strict { MatchOptions::STRICT } else { MatchOptions::default() };
            let texts = Pair::new(left.join(" "), right.join(" "));
            let docs = texts.as_ref().map(|t| Document::new(t, &options));
            let keys = PairKeys::new(docs.as_ref());
            let mut vocabulary = Vocabulary::default();
            let ids = docs.as_ref().map(|d| vocabulary.ids(&d.tokens));
            let folded = docs.as_ref().map(|d| vocabulary.ids(d.folded_tokens()));
            prop_assert_eq!(keys.ids(), Pair::new(&ids.left[..], &ids.right[..]));
            prop_assert_eq!(keys.diff_ids().left, &folded.left[..]);
            prop_assert_eq!(
                keys.diff_ids().right,
                &reference_merge_fuzzy(&vocabulary, &folded.left, &folded.right)[..]
            );
            prop_assert_eq!(
                keys.mirrored_diff_ids().0,
                reference_merge_fuzzy(&vocabulary, &folded.right, &folded.left)
            );
            prop_assert_eq!(keys.vocabulary().len(), vocabulary.len());
            for index in 0..vocabulary.len() {
                let id = KeyId::new(index, false);
                prop_assert_eq!(keys.vocabulary().key(id), vocabulary.key(id));
                prop_assert_eq!(keys.vocabulary().fuzzy_class(id), vocabulary.fuzzy_class(id));
            }
        }
    }
}

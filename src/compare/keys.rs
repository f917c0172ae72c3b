//! The match keys of a compared pair as ids of one [`Vocabulary`]: quote matching
//! reads them as they are; the word diff, shared passages and sentence alignment read
//! the keys of every fold (the default [`crate::text::MatchOptions`], whatever the
//! comparison counts, so that what is counted never moves the alignment) with the
//! right side's fuzzy variants merged into the left side's keys.

use super::Document;
use crate::pair::Pair;
use crate::text::{KeyId, Vocabulary};

/// Both documents' key ids over one vocabulary, interned once per comparison.
#[derive(Debug)]
pub(crate) struct PairKeys<'t> {
    vocabulary: Vocabulary<'t>,
    /// Each token's key id, per side.
    ids: Pair<Vec<KeyId>>,
    /// Each token's id under every fold, per side (`None`: the same as `ids`).
    folded: Option<Pair<Vec<KeyId>>>,
    /// The right side's ids under every fold with fuzzy variants of left keys
    /// merged into them.
    merged_right: Vec<KeyId>,
}

impl<'t> PairKeys<'t> {
    /// Interns the keys of both documents, left first.
    pub fn new(docs: Pair<&'t Document<'_>>) -> Self {
        let mut vocabulary = Vocabulary::default();
        let ids = docs.map(|d| vocabulary.ids(&d.tokens));
        let folded = (docs.left.folded.is_some() || docs.right.folded.is_some())
            .then(|| docs.map(|d| vocabulary.ids(d.folded_tokens())));
        let merged_right = match &folded {
            Some(f) => vocabulary.merge_fuzzy(&f.left, &f.right),
            None => vocabulary.merge_fuzzy(&ids.left, &ids.right),
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
        Pair::new(&self.ids.left, &self.ids.right)
    }

    /// The ids the word diff compares: keys under every fold, and a right key
    /// [`crate::text::fuzzy_eq`] to a left key has that key's id.
    pub fn diff_ids(&self) -> Pair<&[KeyId]> {
        Pair::new(self.folded().left, &self.merged_right)
    }

    /// The mirror of [`Self::diff_ids`]: the left side's ids under every fold with
    /// fuzzy variants of right keys merged into them, and the right side's as they
    /// are (computed on demand: only the symmetric similarity reads it).
    pub fn mirrored_diff_ids(&self) -> (Vec<KeyId>, &[KeyId]) {
        let folded = self.folded();
        (
            self.vocabulary.merge_fuzzy(folded.right, folded.left),
            folded.right,
        )
    }

    /// Each token's id under every fold.
    fn folded(&self) -> Pair<&[KeyId]> {
        match &self.folded {
            Some(f) => Pair::new(&f.left, &f.right),
            None => Pair::new(&self.ids.left, &self.ids.right),
        }
    }
}

//! `similar`'s patience diff (2.7) on key ids, with the words unique to each side
//! found by sorting instead of `similar`'s per-call hash map (SipHash): the same ops as
//! `similar::capture_diff` with [`similar::Algorithm::Patience`] (a property test
//! holds it to that), through `similar`'s own Myers diff and `Compact`, `Replace` and
//! `Capture` hooks; only the patience layer is written here, in `similar`'s order of
//! steps (which words pair up depends on it).

use crate::pair::Pair;
use crate::text::KeyId;
use similar::DiffOp;
use similar::algorithms::{Capture, Compact, DiffHook, NoFinishHook, Replace, myers};
use std::convert::Infallible;
use std::ops::Range;

/// The ops `similar::capture_diff(Algorithm::Patience, …)` gives for `ranges`.
pub(super) fn ops(ids: Pair<&[KeyId]>, ranges: &Pair<Range<usize>>) -> Vec<DiffOp> {
    let unique = Pair::new(
        unique(ids.left, ranges.left.clone()),
        unique(ids.right, ranges.right.clone()),
    );
    // The unique words' pairs the Myers diff of the unique sequences matches, in order.
    let values = unique
        .as_ref()
        .map(|u| u.iter().map(|&(id, _)| id).collect::<Vec<KeyId>>());
    let mut anchors = Anchors(Vec::new());
    done(myers::diff(
        &mut anchors,
        values.left.as_slice(),
        0..values.left.len(),
        values.right.as_slice(),
        0..values.right.len(),
    ));
    let mut d = Compact::new(Replace::new(Capture::new()), ids.left, ids.right);
    let mut current = Pair::new(ranges.left.start, ranges.right.start);
    for (l, r) in anchors.0 {
        let (old, new) = (unique.left[l].1, unique.right[r].1);
        let (a0, b0) = (current.left, current.right);
        while current.left < old
            && current.right < new
            && ids.right[current.right] == ids.left[current.left]
        {
            current.left += 1;
            current.right += 1;
        }
        if current.left > a0 {
            done(d.equal(a0, b0, current.left - a0));
        }
        // Most gaps are empty: `similar`'s Myers diff would find nothing in them
        // after allocating its search vectors.
        if current.left < old || current.right < new {
            done(myers::diff(
                &mut NoFinishHook::new(&mut d),
                ids.left,
                current.left..old,
                ids.right,
                current.right..new,
            ));
        }
        current = Pair::new(old, new);
    }
    let rest = Pair::new(
        current.left..ranges.left.end,
        current.right..ranges.right.end,
    );
    if rest.left.is_empty() && rest.right.is_empty() {
        done(d.finish());
    } else {
        done(myers::diff(
            &mut d, ids.left, rest.left, ids.right, rest.right,
        ));
    }
    d.into_inner().into_inner().into_ops()
}

/// The hooks here cannot fail.
fn done(result: Result<(), Infallible>) {
    match result {
        Ok(()) => {}
        Err(never) => match never {},
    }
}

/// The ids in `range` that occur there once, with their positions, in order.
fn unique(ids: &[KeyId], range: Range<usize>) -> Vec<(KeyId, usize)> {
    let mut seen: Vec<(KeyId, usize)> = range.map(|i| (ids[i], i)).collect();
    seen.sort_unstable();
    let mut out: Vec<(KeyId, usize)> = Vec::new();
    let mut i = 0;
    while let Some(&(id, at)) = seen.get(i) {
        let mut j = i + 1;
        while seen.get(j).is_some_and(|&(other, _)| other == id) {
            j += 1;
        }
        if j == i + 1 {
            out.push((id, at));
        }
        i = j;
    }
    out.sort_unstable_by_key(|&(_, at)| at);
    out
}

/// The pairs (indices into the unique lists) the diff of the unique sequences matches.
struct Anchors(Vec<(usize, usize)>);

impl DiffHook for Anchors {
    type Error = Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        self.0.extend((old..old + len).zip(new..new + len));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Vocabulary;
    use proptest::prelude::*;

    /// Ids over a small alphabet (so words repeat, and some occur once).
    fn ids(words: &[u8], vocabulary: &mut Vocabulary<'_>) -> Vec<KeyId> {
        const NAMES: [&str; 10] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        words
            .iter()
            .map(|&w| vocabulary.id(NAMES[usize::from(w) % NAMES.len()]))
            .collect()
    }

    fn similars(ids: Pair<&[KeyId]>, ranges: &Pair<Range<usize>>) -> Vec<DiffOp> {
        similar::capture_diff(
            similar::Algorithm::Patience,
            ids.left,
            ranges.left.clone(),
            ids.right,
            ranges.right.clone(),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn ops_are_similars_patience_ops(
            left in proptest::collection::vec(0u8..10, 0..40),
            right in proptest::collection::vec(0u8..10, 0..40),
            cut in (0usize..4, 0usize..4),
        ) {
            let mut vocabulary = Vocabulary::default();
            let (left, right) = (ids(&left, &mut vocabulary), ids(&right, &mut vocabulary));
            let ranges = Pair::new(
                cut.0.min(left.len())..left.len(),
                cut.1.min(right.len())..right.len(),
            );
            let ids = Pair::new(&left[..], &right[..]);
            prop_assert_eq!(ops(ids, &ranges), similars(ids, &ranges));
        }

        #[test]
        fn an_edited_copy_has_similars_ops(
            words in proptest::collection::vec(0u8..10, 1..40),
            edits in proptest::collection::vec((0usize..40, 0u8..12), 1..4),
        ) {
            let mut vocabulary = Vocabulary::default();
            let mut edited = words.clone();
            for (at, word) in edits {
                let at = at % (edited.len() + 1);
                match word {
                    10 if at < edited.len() => {
                        edited.remove(at);
                    }
                    11 => edited.insert(at, 3),
                    w if at < edited.len() => edited[at] = w,
                    _ => edited.push(word % 10),
                }
            }
            let (left, right) = (ids(&words, &mut vocabulary), ids(&edited, &mut vocabulary));
            let ranges = Pair::new(0..left.len(), 0..right.len());
            let ids = Pair::new(&left[..], &right[..]);
            prop_assert_eq!(ops(ids, &ranges), similars(ids, &ranges));
        }
    }
}

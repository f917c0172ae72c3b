//! Quotes found whole, without aligning every window.
//!
//! Two facts about the alignment make most of its work skippable, with the same
//! result:
//! - When every quote word is enabled and a diagonal of the band holds the quote word
//!   for word, the DP's best path is that diagonal (the leftmost such): each of its
//!   cells scores the most any path ending in its row can, every match scoring above
//!   zero, and ties go to the last row and then the first column.
//!   [`super::grid::verbatim_path`] returns it without filling the grid.
//! - A quote of one chunk whose pieces include one aligning every word ends up as
//!   that piece alone: [`super::merge_hits`] keeps the longest first (the first found
//!   of equals), and every other piece lies within the quote, so overlaps it. A piece
//!   aligning every word can only come from a window holding every quote word (or a
//!   word of its fuzzy class), so [`Matcher::align_short`] aligns those windows first
//!   and stops at the first such piece; only without one does it align the others.

use super::seeds::seed_windows;
use super::{Hit, Matcher, Place, QuoteWords, Target};
use crate::text::KeyId;

impl Matcher<'_, '_> {
    /// The pieces of a quote of one chunk in the seed windows of `other`, as
    /// [`Matcher::align_chunks`] would find them once merged: the first piece aligning
    /// every word if there is one, else every window's pieces in window order.
    pub(super) fn align_short(
        &mut self,
        quote: QuoteWords<'_>,
        ids: &[KeyId],
        other: Target<'_>,
    ) -> Vec<Hit> {
        let n = ids.len();
        let windows = seed_windows(ids, other);
        let mut found: Vec<Vec<Hit>> = std::iter::repeat_with(Vec::new)
            .take(windows.len())
            .collect();
        let mut done = vec![false; windows.len()];
        for (w, window) in windows.iter().enumerate() {
            let Some(window_ids) = other.ids.get(window.tokens.clone()) else {
                continue;
            };
            self.load(window_ids);
            if !self.may_align_all(ids) {
                continue;
            }
            done[w] = true;
            let at = Place {
                chunk: 0..n,
                window,
                window_ids,
            };
            let budget_left = self.align_window(quote, ids, &at, other, &mut found[w]);
            if let Some(whole) = found[w].iter().find(|h| h.aligned() == n) {
                return vec![whole.clone()];
            }
            if !budget_left {
                return found.concat();
            }
        }
        for (w, window) in windows.iter().enumerate() {
            let Some(window_ids) = other.ids.get(window.tokens.clone()) else {
                continue;
            };
            if done[w] {
                continue;
            }
            self.load(window_ids);
            let at = Place {
                chunk: 0..n,
                window,
                window_ids,
            };
            if !self.align_window(quote, ids, &at, other, &mut found[w]) {
                break;
            }
        }
        found.concat()
    }

    /// Whether the loaded window holds every word of `ids`, or a word of its fuzzy
    /// class: without that no alignment in it aligns them all.
    fn may_align_all(&self, ids: &[KeyId]) -> bool {
        ids.iter()
            .all(|&id| self.present.contains(id, self.vocabulary.fuzzy_class(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::grid::{Scope, Step, WindowKeys, verbatim_path};
    use super::*;
    use crate::compare::quotes::extract;
    use crate::compare::quotes::layout::Layout;
    use crate::compare::quotes::matching::KeyIndex;
    use crate::text::{Vocabulary, sentences, tokenize};
    use proptest::prelude::*;

    /// Words of the generated texts: stop words, content words, a fuzzy pair, names.
    const WORDS: &[&str] = &[
        "the",
        "of",
        "and",
        "will",
        "levee",
        "hold",
        "spring",
        "floods",
        "river",
        "rising",
        "illusory",
        "illusionary",
        "goal",
        "Kern",
        "said",
        "report",
    ];

    fn words(picks: &[usize]) -> Vec<&'static str> {
        picks.iter().map(|&k| WORDS[k % WORDS.len()]).collect()
    }

    #[test]
    fn the_leftmost_verbatim_diagonal_of_the_band_is_taken() {
        let quote = tokenize("the levee will hold");
        let window = tokenize("river the levee will hold and the levee will hold");
        let mut vocabulary = Vocabulary::default();
        let (q_ids, o_ids) = (vocabulary.ids(&quote), vocabulary.ids(&window));
        let mut keys = WindowKeys::default();
        keys.fill(&o_ids, &vocabulary);
        let enabled = vec![true; q_ids.len()];
        let mut matcher = Matcher::new(&vocabulary);
        for (band, d) in [(0..10, 1), (2..10, 6)] {
            let scope = Scope {
                quote: &q_ids,
                window: &o_ids,
                band,
            };
            let fast = verbatim_path(&scope, &enabled);
            assert_eq!(fast.as_ref().map(Vec::len), Some(4));
            assert!(matches!(fast.as_deref(), Some([Step::Match { t, .. }, ..]) if *t == d));
            assert_eq!(fast, matcher.dp_path(&scope, &keys, &enabled));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The verbatim shortcut gives the DP's path whenever it applies.
        #[test]
        fn a_verbatim_diagonal_is_the_path_the_dp_finds(
            quote in prop::collection::vec(0..WORDS.len(), 1..8),
            before in prop::collection::vec(0..WORDS.len(), 0..12),
            after in prop::collection::vec(0..WORDS.len(), 0..12),
            copy_at in prop::option::of(0usize..12),
            band in (-14isize..14, 1isize..20),
        ) {
            let quote = words(&quote).join(" ");
            let mut window = words(&before);
            if let Some(at) = copy_at {
                let at = at.min(window.len());
                for (k, w) in quote.split(' ').enumerate() {
                    window.insert(at + k, w);
                }
            }
            window.extend(words(&after));
            let window = window.join(" ");
            let (q, o) = (tokenize(&quote), tokenize(&window));
            let mut vocabulary = Vocabulary::default();
            let (q_ids, o_ids) = (vocabulary.ids(&q), vocabulary.ids(&o));
            let scope = Scope {
                quote: &q_ids,
                window: &o_ids,
                band: band.0..band.0 + band.1,
            };
            let mut keys = WindowKeys::default();
            keys.fill(&o_ids, &vocabulary);
            let enabled = vec![true; q_ids.len()];
            let mut matcher = Matcher::new(&vocabulary);
            if let Some(fast) = verbatim_path(&scope, &enabled) {
                prop_assert_eq!(Some(fast), matcher.dp_path(&scope, &keys, &enabled));
            }
        }

        /// A quote of one chunk gets the hits of the general path, chunk by chunk in
        /// every window, on texts with copies, variants and split copies of it.
        #[test]
        fn whole_quotes_get_the_hits_of_every_window_aligned(
            quote in prop::collection::vec(0..WORDS.len(), 2..9),
            pieces in prop::collection::vec(
                (prop::collection::vec(0..WORDS.len(), 0..6), 0u8..6, 0usize..9, 0..WORDS.len()),
                1..8,
            ),
        ) {
            let quote = words(&quote);
            let mut other = String::new();
            for (filler, kind, at, word) in &pieces {
                other.push_str(&words(filler).join(" "));
                let mut copy = quote.clone();
                let at = at % copy.len();
                match kind {
                    0 => copy[at] = WORDS[*word],
                    1 => {
                        copy.remove(at);
                    }
                    2 => copy.insert(at, "."),
                    _ => {}
                }
                let marked = *kind == 4;
                other.push_str(if marked { " “" } else { " " });
                other.push_str(&copy.join(" "));
                other.push_str(if marked { ",” Kern said. " } else { " " });
            }
            let quote = quote.join(" ");
            let (q, o) = (tokenize(&quote), tokenize(&other));
            let mut vocabulary = Vocabulary::default();
            let (q_ids, o_ids) = (vocabulary.ids(&q), vocabulary.ids(&o));
            let layout = Layout::new(&o, &extract(&other), &sentences(&other));
            let index = KeyIndex::new(&o_ids);
            for layout in [None, Some(&layout)] {
                let target = Target { ids: &o_ids, index: &index, layout };
                let words = QuoteWords { text: &quote, tokens: &q, attributed: true };
                let fast = Matcher::new(&vocabulary).align_quote(words, &q_ids, target);
                let mut general = Matcher::new(&vocabulary);
                let hits = general.align_chunks(words, &q_ids, target);
                prop_assert_eq!(fast, Matcher::finish(hits, words, &q_ids, target));
            }
        }
    }
}

//! How alike two articles are, 0–1, as a reader would judge it.
//!
//! The measure: each text's [`Profile`] is the set of what it talks about: its
//! content words (stop words out, plural and verb endings off) and, weighing three
//! words each, its names and figures (capitalized words inside a sentence, days and
//! months aside; numbers of three digits or more, percentages and amounts).
//! Two texts overlap by the Jaccard index of their profiles; [`score`] maps that
//! overlap onto the scale a person uses, discounting the overlap any two news
//! stories share by chance ([`CHANCE_OVERLAP`]): identical texts 1, a wire story
//! and its lightly edited copy above 0.8, two independent reports of one event
//! about 0.2–0.6, unrelated stories below [`UNRELATED_BELOW`]. Each side's coverage is
//! the share of its profile the other text has.
//!
//! A profile is a set of hashes, so MinHash signatures ([`super::matrix::minhash`])
//! estimate the overlap of a large corpus without comparing every pair. Content
//! words are profiled with their British spelling folded ([`spelling::fold`]), so
//! the corpus map, built from each article alone, counts `colour`/`color` as one
//! word too; a compared pair also merges the variants no rule folds
//! (`illusory`/`illusionary`, `Zelenskiy`/`Zelensky`).

mod features;

use super::Document;
use super::keys::PairKeys;
use crate::pair::{Pair, Side};
use crate::text::{Token, is_stop_word, spelling};
use foldhash::quality::FixedState;
use serde::Serialize;
use std::hash::{BuildHasher, Hash};

/// Profile overlap (Jaccard) that news stories about different events reach by
/// chance, from the everyday words of news writing (two long political stories of
/// different events, sharing places, overlap up to about 0.1); [`score`] counts
/// only what lies above it.
pub const CHANCE_OVERLAP: f64 = 0.1;

/// Exponent of [`score`]'s curve: below 1, so that the overlap of two reports of
/// one event (Jaccard 0.18–0.4) reads as the 0.2–0.5 a reader would give it.
pub const SCORE_CURVE: f64 = 0.65;

/// Below this similarity, two articles that also share no quote and no aligned
/// sentence seem to be about different stories (see [`unrelated`]): they share
/// little more than any two news stories do. Reports of one event score above it
/// even when they share little wording.
pub const UNRELATED_BELOW: f64 = 0.05;

/// Whether two articles seem to be about different stories: their similarity is
/// below [`UNRELATED_BELOW`] and they share no quote and no aligned sentence. The one
/// rule the reader's unrelated-pair hint follows ([`crate::compare::Comparison::unrelated`]).
#[must_use]
pub fn unrelated(similarity: f64, shared_quotes: usize, aligned_sentences: usize) -> bool {
    similarity < UNRELATED_BELOW && shared_quotes == 0 && aligned_sentences == 0
}

/// The similarity score of two profiles overlapping by `jaccard`:
/// `((jaccard − CHANCE_OVERLAP) / (1 − CHANCE_OVERLAP)) ^ SCORE_CURVE`, 0 below the
/// chance overlap. Monotone, 1 only for identical profiles.
#[must_use]
pub fn score(jaccard: f64) -> f64 {
    let above = (jaccard - CHANCE_OVERLAP) / (1.0 - CHANCE_OVERLAP);
    if above <= 0.0 {
        0.0
    } else {
        above.min(1.0).powf(SCORE_CURVE)
    }
}

/// How alike the two texts of a pair are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Similarity {
    /// The symmetric score, 0–1 ([`score`] of the profiles' overlap).
    pub score: f64,
    /// Per side, the share of its profile the other text has, 0–1 (a trimmed copy
    /// is covered 1.0 by its original).
    pub coverage: Pair<f64>,
}

/// The similarity of an analysed pair, spelling variants counted as one word.
/// Variants are merged into one side's keys, then into the other's, and the two
/// results averaged, so that the score does not depend on the order of the pair.
#[must_use]
pub(crate) fn similarity(docs: Pair<&Document<'_>>, keys: &PairKeys<'_>) -> Similarity {
    let mut features = features::KeyFeatures::new(keys.vocabulary());
    let merged_right = keys.diff_ids();
    let (merged_left, right) = keys.mirrored_diff_ids();
    // Each side's own ids (every fold, nothing merged) pick the tokens its profiles read.
    let own = Pair::new(merged_right.left, right);
    let occurrences = Pair::new(Side::Left, Side::Right)
        .map(|side| features.occurrences(docs[side].text, &docs[side].tokens, own[side]));
    let occurrences = occurrences.as_ref().map(Vec::as_slice);
    let one_way = features.similarity(occurrences, merged_right);
    let other_way = features.similarity(occurrences, Pair::new(&merged_left, right));
    Similarity {
        score: f64::midpoint(one_way.score, other_way.score),
        coverage: Pair::new(
            f64::midpoint(one_way.coverage.left, other_way.coverage.left),
            f64::midpoint(one_way.coverage.right, other_way.coverage.right),
        ),
    }
}

/// What a text talks about, as a sorted set of hashed features (see the module
/// documentation); build once per article and compare against many.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// Sorted, distinct feature hashes.
    hashes: Vec<u64>,
}

impl Profile {
    /// The profile of an analysed text (keys under every fold).
    #[must_use]
    pub fn new(doc: &Document<'_>) -> Self {
        Self::of_tokens(doc.text, doc.folded_tokens())
    }

    /// The profile of `text` cut into `tokens` (keyed under every fold, as
    /// [`crate::text::tokenize`] keys them).
    #[must_use]
    pub fn of_tokens(text: &str, tokens: &[Token]) -> Self {
        Self::from_keys(text, tokens, |i| {
            tokens.get(i).map_or("", |t| t.key.as_str())
        })
    }

    /// The profile of `text` cut into `tokens`, token `i` keyed `key(i)`.
    fn from_keys<'k>(text: &str, tokens: &[Token], key: impl Fn(usize) -> &'k str) -> Self {
        let mut hashes = Vec::with_capacity(tokens.len());
        let mut previous_end = 0;
        for (i, token) in tokens.iter().enumerate() {
            let key = key(i);
            let before = text.get(previous_end..token.span.start).unwrap_or("");
            previous_end = token.span.end;
            if key.is_empty() || is_stop_word(key) {
                continue;
            }
            hashes.push(word_hash(key));
            let word = text.get(token.span.clone()).unwrap_or("");
            if is_distinct_number(key) || (!is_calendar(key) && is_named(i, word, before)) {
                hashes.extend(name_hashes(key));
            }
        }
        Self::of_hashes(hashes)
    }

    /// The profile of these feature hashes, in any order, repeats allowed.
    fn of_hashes(mut hashes: Vec<u64>) -> Self {
        hashes.sort_unstable();
        hashes.dedup();
        Self { hashes }
    }

    /// Number of distinct features.
    #[must_use]
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether the text had no content word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The sorted, distinct feature hashes.
    #[must_use]
    pub fn hashes(&self) -> &[u64] {
        &self.hashes
    }

    /// The profile without the features in `sorted` (sorted, distinct hashes).
    #[must_use]
    pub fn without(&self, sorted: &[u64]) -> Profile {
        Profile {
            hashes: self
                .hashes
                .iter()
                .copied()
                .filter(|h| sorted.binary_search(h).is_err())
                .collect(),
        }
    }

    /// Number of features both profiles contain.
    #[must_use]
    pub fn shared(&self, other: &Profile) -> usize {
        let (a, b) = (&self.hashes, &other.hashes);
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }

    /// The Jaccard overlap with `other`, 0–1 (what MinHash estimates; 0 when both
    /// are empty).
    #[must_use]
    pub fn jaccard(&self, other: &Profile) -> f64 {
        let shared = self.shared(other);
        let union = (self.len() + other.len()).saturating_sub(shared);
        #[allow(clippy::cast_precision_loss)] // feature counts are far below 2^52
        let overlap = if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        };
        overlap
    }

    /// Similarity to `other`.
    #[must_use]
    pub fn similarity(&self, other: &Profile) -> Similarity {
        of_counts(self.shared(other), Pair::new(self.len(), other.len()))
    }
}

/// The similarity of two profiles of `sizes` features sharing `shared`.
#[must_use]
pub fn of_counts(shared: usize, sizes: Pair<usize>) -> Similarity {
    #[allow(clippy::cast_precision_loss)] // feature counts are far below 2^52
    let share = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            part as f64 / whole as f64
        }
    };
    let union = (sizes.left + sizes.right).saturating_sub(shared);
    let identical_empty = union == 0;
    Similarity {
        score: if identical_empty {
            0.0
        } else {
            score(share(shared, union))
        },
        coverage: sizes.map(|n| share(shared, n)),
    }
}

/// Whether token `i`, `word`, after the text `before` it, is a name or figure by its
/// capital: inside a sentence, not opening a clause or quotation.
fn is_named(i: usize, word: &str, before: &str) -> bool {
    i > 0 && starts_upper(word) && !opens_clause(before)
}

/// The two features a name or distinct figure adds (it weighs three words).
fn name_hashes(key: &str) -> [u64; 2] {
    [stable_hash(&(1u8, key)), stable_hash(&(2u8, key))]
}

/// A 64-bit hash, the same in every run (foldhash's quality variant, fixed seed).
pub(crate) fn stable_hash(value: &(impl Hash + ?Sized)) -> u64 {
    FixedState::default().hash_one(value)
}

/// The feature of a content word: its stem, its British spelling folded.
fn word_hash(key: &str) -> u64 {
    stable_hash(&(0u8, stem(&spelling::fold(key))))
}

/// A key without its plural or verb ending and final `e`, so that `rise`, `rises`,
/// `rising` and `rised` are one feature. A stem keeps three letters (four before a
/// plural `s`, so that `news` is not `new`).
fn stem(key: &str) -> &str {
    const ENDINGS: [(&str, usize); 4] = [("ing", 3), ("ed", 3), ("es", 3), ("s", 4)];
    let base = ENDINGS
        .iter()
        .find_map(|&(ending, shortest)| {
            key.strip_suffix(ending)
                .filter(|b| b.chars().count() >= shortest)
        })
        .unwrap_or(key);
    match base.strip_suffix('e') {
        Some(b) if b.chars().count() >= 3 => b,
        _ => base,
    }
}

/// A figure specific enough to tell a story apart: three digits or more, or a
/// percentage or amount (`1961`, `2,000`, `4.5%`, `$12`), not a small count any
/// story has.
fn is_distinct_number(key: &str) -> bool {
    let digits = key.bytes().filter(u8::is_ascii_digit).count();
    digits >= 3
        || (digits > 0
            && key
                .chars()
                .any(|c| c == '%' || crate::text::tokenize::is_currency(c)))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the text between two words starts a sentence, clause or quotation,
/// after which a capital letter says nothing about a name.
fn opens_clause(between: &str) -> bool {
    between.chars().any(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '"'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '\''
                | '('
                | '['
                | '—'
                | '–'
                | '\n'
                | '«'
                | '»'
        )
    })
}

/// Days and months: capitalized, but any two stories of a week share them.
fn is_calendar(key: &str) -> bool {
    matches!(
        key,
        "april"
            | "august"
            | "december"
            | "february"
            | "friday"
            | "january"
            | "july"
            | "june"
            | "march"
            | "may"
            | "monday"
            | "november"
            | "october"
            | "saturday"
            | "september"
            | "sunday"
            | "thursday"
            | "tuesday"
            | "wednesday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MatchOptions;
    use proptest::prelude::*;

    fn sim(a: &str, b: &str) -> Similarity {
        let docs = Pair::new(a, b).map(|t| Document::new(t, &MatchOptions::default()));
        let docs = docs.as_ref();
        similarity(docs, &PairKeys::new(docs))
    }

    #[test]
    fn identical_texts_score_one_and_disjoint_ones_zero() {
        let text = "Negotiators met again in Geneva on Thursday.";
        assert!((sim(text, text).score - 1.0).abs() < 1e-12);
        let apart = sim(
            "Negotiators met in Geneva",
            "Floods swept northern provinces",
        );
        assert!(apart.score.abs() < 1e-12);
        assert!(sim("", "").score.abs() < 1e-12);
    }

    #[test]
    fn the_score_is_symmetric_and_coverage_is_per_side() {
        let long = "The ceasefire held through the night in the eastern provinces, officials said, as aid trucks crossed the border.";
        let short = "The ceasefire held through the night in the eastern provinces.";
        let (ab, ba) = (sim(long, short), sim(short, long));
        assert!((ab.score - ba.score).abs() < 1e-12);
        assert!((ab.coverage.right - 1.0).abs() < 1e-12, "{ab:?}");
        assert!(ab.coverage.left < 0.7);
        assert_eq!(ab.coverage.left.to_bits(), ba.coverage.right.to_bits());
    }

    #[test]
    fn spelling_variants_count_as_the_same_word_in_a_pair() {
        let s = sim(
            "The neighbourhood centre reopened after the colour of its walls was analysed.",
            "The neighborhood center reopened after the color of its walls was analyzed.",
        );
        assert!(s.score > 0.99, "{s:?}");
    }

    #[test]
    fn profiles_alone_count_british_and_american_spellings_as_one_word() {
        let profile = |text: &str| Profile::of_tokens(text, &crate::text::tokenize(text));
        let british = profile(
            "The ageing neighbourhood centre reopened after the colour of its walls was \
             analysed by the paediatric ward's catalogue team.",
        );
        let american = profile(
            "The aging neighborhood center reopened after the color of its walls was \
             analyzed by the pediatric ward's catalog team.",
        );
        assert!(
            (british.jaccard(&american) - 1.0).abs() < 1e-12,
            "the map scores what compare scores: {}",
            british.jaccard(&american)
        );
    }

    #[test]
    fn the_curve_discounts_chance_and_is_monotone() {
        assert!(score(CHANCE_OVERLAP).abs() < 1e-12);
        assert!((score(1.0) - 1.0).abs() < 1e-12);
        let points: Vec<f64> = (0..=100).map(|i| score(f64::from(i) / 100.0)).collect();
        assert!(points.windows(2).all(|w| w[0] <= w[1]));
        assert!(score(CHANCE_OVERLAP + 0.005) < UNRELATED_BELOW);
    }

    #[test]
    fn unrelated_needs_low_similarity_and_nothing_shared() {
        assert!(unrelated(0.01, 0, 0));
        assert!(!unrelated(0.01, 1, 0), "a shared quote relates the pair");
        assert!(
            !unrelated(0.01, 0, 1),
            "an aligned sentence relates the pair"
        );
        assert!(!unrelated(UNRELATED_BELOW, 0, 0));
    }

    /// Texts of words drawn from a small vocabulary with spelling variants, names
    /// and figures, so that random pairs overlap.
    fn text() -> impl Strategy<Value = String> {
        const WORDS: &[&str] = &[
            "the",
            "colour",
            "color",
            "centre",
            "center",
            "Reyes",
            "mayor",
            "vote",
            "voted",
            "voting",
            "2,000",
            "4.5%",
            "council",
            "river",
            "rose",
            "said",
            "Zelensky",
            "Zelenskiy",
            "Geneva",
            "talks",
            "neighbourhood",
            "neighborhood",
            ".",
            ",",
        ];
        proptest::collection::vec(proptest::sample::select(WORDS), 0..40)
            .prop_map(|words| words.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        /// A pair's similarities, counted over feature slots at each key's first
        /// occurrences, are those of the profiles of every token's key.
        #[test]
        fn pair_similarity_over_slots_agrees_with_every_token_profiles(a in text(), b in text()) {
            let docs = Pair::new(a.as_str(), b.as_str())
                .map(|t| Document::new(t, &MatchOptions::default()));
            let docs = docs.as_ref();
            let keys = PairKeys::new(docs);
            let vocabulary = keys.vocabulary();
            let merged = keys.diff_ids();
            let (merged_left, right) = keys.mirrored_diff_ids();
            let mut features = features::KeyFeatures::new(vocabulary);
            let own = Pair::new(merged.left, right);
            let occurrences = Pair::new(Side::Left, Side::Right)
                .map(|side| features.occurrences(docs[side].text, &docs[side].tokens, own[side]));
            let occurrences = occurrences.as_ref().map(Vec::as_slice);
            for ids in [merged, Pair::new(merged_left.as_slice(), right)] {
                let every = Pair::new(Side::Left, Side::Right).map(|side| {
                    let doc = docs[side];
                    Profile::from_keys(doc.text, &doc.tokens, |i| vocabulary.key(ids[side][i]))
                });
                let expected = every.left.similarity(&every.right);
                let counted = features.similarity(occurrences, ids);
                prop_assert_eq!(counted.score.to_bits(), expected.score.to_bits());
                prop_assert_eq!(counted.coverage.left.to_bits(), expected.coverage.left.to_bits());
                prop_assert_eq!(counted.coverage.right.to_bits(), expected.coverage.right.to_bits());
            }
        }

        #[test]
        fn the_score_is_symmetric_bounded_and_one_for_a_text_against_itself(
            a in text(),
            b in text(),
        ) {
            let (ab, ba) = (sim(&a, &b), sim(&b, &a));
            prop_assert!((0.0..=1.0).contains(&ab.score));
            prop_assert_eq!(ab.score.to_bits(), ba.score.to_bits(), "exactly symmetric");
            prop_assert_eq!(ab.coverage.left.to_bits(), ba.coverage.right.to_bits());
            prop_assert!(ab.coverage.left >= 0.0 && ab.coverage.left <= 1.0);
            let itself = sim(&a, &a);
            prop_assert!(
                (itself.score - 1.0).abs() < 1e-12 || Profile::of_tokens(&a, &crate::text::tokenize(&a)).is_empty()
            );
        }
    }

    #[test]
    fn stems_join_word_forms() {
        for (a, b) in [
            ("rises", "rise"),
            ("rising", "rise"),
            ("raised", "raise"),
            ("closes", "closing"),
            ("lines", "line"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} ~ {b}");
        }
        for whole in ["news", "bus", "sing", "need"] {
            assert_eq!(stem(whole), whole);
        }
    }

    #[test]
    fn names_and_numbers_weigh_more_than_other_words() {
        let doc = |t| Document::new(t, &MatchOptions::default());
        let plain = Profile::new(&doc("they met the mayor"));
        let named = Profile::new(&doc("they met Mayor Reyes"));
        let numbered = Profile::new(&doc("they met 120 mayors"));
        let small = Profile::new(&doc("they met 12 mayors"));
        assert_eq!(small.len(), 3, "a small count is only a word");
        assert_eq!(plain.len(), 2, "met, mayor");
        assert_eq!(
            named.len(),
            3 + 2 * 2,
            "met, mayor, reyes + two name features each"
        );
        assert_eq!(numbered.len(), 3 + 2, "met, 120, mayors + the number twice");
        let opening = Profile::new(&doc("They met. Mayors agreed"));
        assert_eq!(opening.len(), 3, "a capital after a full stop is no name");
    }
}

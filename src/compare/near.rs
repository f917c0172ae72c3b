//! Near differences: words the diff pairs because they match once folded, and what
//! the folding hid: letter case, punctuation, quote style, number words, spelling.
//!
//! A near op is never `equal`: both texts stay visible, with the kinds of
//! difference ([`NearKinds`]) and the characters that differ ([`Near::emphasis`]).
//! It counts as a change only when the comparison's [`MatchOptions`] count one of
//! its kinds.

use crate::pair::Pair;
use crate::text::normalize::{match_key, unify_quote};
use crate::text::{MatchOptions, fuzzy_eq};
use serde::{Serialize, Serializer};
use std::ops::Range;

/// One kind of difference a near op hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NearKind {
    /// Letter case: `The` / `the`.
    Case,
    /// Punctuation inside or around the word: `U.S.` / `US`, `said,` / `said.`.
    Punctuation,
    /// Curly against straight quotes and apostrophes: `“` / `"`, `’` / `'`.
    QuoteStyle,
    /// A number word against its digits: `five` / `5`.
    Number,
    /// A spelling variant: `colour` / `color`, `Zelenskiy` / `Zelensky`.
    Spelling,
}

impl NearKind {
    /// Every kind, in the order they are listed.
    pub const ALL: [NearKind; 5] = [
        NearKind::Case,
        NearKind::Punctuation,
        NearKind::QuoteStyle,
        NearKind::Number,
        NearKind::Spelling,
    ];

    /// Its name in JSON and legends.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            NearKind::Case => "case",
            NearKind::Punctuation => "punctuation",
            NearKind::QuoteStyle => "quote_style",
            NearKind::Number => "number",
            NearKind::Spelling => "spelling",
        }
    }

    /// Whether `options` ignore this kind of difference.
    #[must_use]
    pub const fn ignored_by(self, options: &MatchOptions) -> bool {
        match self {
            NearKind::Case => options.ignore_case,
            NearKind::Punctuation => options.ignore_punctuation,
            NearKind::QuoteStyle => options.ignore_quote_style,
            NearKind::Number => options.numbers_as_digits,
            NearKind::Spelling => options.ignore_spelling,
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of [`NearKind`]s; serialized as a list of their labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct NearKinds(u8);

impl NearKinds {
    /// Adds `kind`.
    pub fn insert(&mut self, kind: NearKind) {
        self.0 |= kind.bit();
    }

    /// Whether `kind` is in the set.
    #[must_use]
    pub const fn contains(self, kind: NearKind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds in the set, in [`NearKind::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = NearKind> {
        NearKind::ALL.into_iter().filter(move |k| self.contains(*k))
    }

    /// Whether `options` count at least one of these kinds.
    #[must_use]
    pub fn counted_by(self, options: &MatchOptions) -> bool {
        self.iter().any(|k| !k.ignored_by(options))
    }
}

impl FromIterator<NearKind> for NearKinds {
    fn from_iter<I: IntoIterator<Item = NearKind>>(iter: I) -> Self {
        let mut kinds = Self::default();
        for kind in iter {
            kinds.insert(kind);
        }
        kinds
    }
}

impl Serialize for NearKinds {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// What differs between the two sides of a near op.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Near {
    /// The kinds of difference.
    pub kinds: NearKinds,
    /// Whether the comparison's match options count it as a change.
    pub counted: bool,
    /// Byte ranges, in each text, of the characters that differ (none on a side
    /// that only lacks characters the other has).
    pub emphasis: Pair<Vec<Range<usize>>>,
}

/// One side of a near op: its text span and the word inside it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NearSide<'t> {
    /// The whole text.
    pub text: &'t str,
    /// The op's span (the word with the punctuation and space around it).
    pub cell: &'t Range<usize>,
    /// The word's span.
    pub word: &'t Range<usize>,
}

impl NearSide<'_> {
    fn word(&self) -> &str {
        self.text.get(self.word.clone()).unwrap_or_default()
    }

    /// The non-space characters before and after the word inside the cell.
    fn decoration(&self) -> (String, String) {
        let part = |r: Range<usize>| -> String {
            self.text
                .get(r)
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        (
            part(self.cell.start..self.word.start),
            part(self.word.end..self.cell.end),
        )
    }

    /// The cell's non-space characters with their byte ranges in the text.
    fn chars(&self) -> Vec<(char, Range<usize>)> {
        let start = self.cell.start;
        self.text
            .get(self.cell.clone())
            .unwrap_or_default()
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, c)| (c, start + i..start + i + c.len_utf8()))
            .collect()
    }
}

/// Describes a near op whose two sides are `sides`, under `options`.
pub(crate) fn describe(sides: Pair<NearSide<'_>>, options: MatchOptions) -> Near {
    let mut kinds = word_kinds(sides.left.word(), sides.right.word());
    let (deco_left, deco_right) = (sides.left.decoration(), sides.right.decoration());
    if deco_left != deco_right {
        let unified = |(a, b): &(String, String)| -> String {
            a.chars()
                .chain(['\u{0}'])
                .chain(b.chars())
                .map(unify_quote)
                .collect()
        };
        kinds.insert(if unified(&deco_left) == unified(&deco_right) {
            NearKind::QuoteStyle
        } else {
            NearKind::Punctuation
        });
    }
    if kinds.is_empty() {
        kinds.insert(NearKind::Punctuation);
    }
    Near {
        kinds,
        counted: kinds.counted_by(&options),
        emphasis: emphasis(sides),
    }
}

/// The kinds of difference between two words that fold to the same (or a
/// fuzzy-equal) key: each fold whose absence keeps the keys apart.
fn word_kinds(a: &str, b: &str) -> NearKinds {
    let mut kinds = NearKinds::default();
    if a == b {
        return kinds;
    }
    let all = MatchOptions::default();
    if match_key(a, &all) != match_key(b, &all) {
        kinds.insert(NearKind::Spelling);
    }
    let without = [
        (
            NearKind::Case,
            MatchOptions {
                ignore_case: false,
                ..all
            },
        ),
        (
            NearKind::Punctuation,
            MatchOptions {
                ignore_punctuation: false,
                ..all
            },
        ),
        (
            NearKind::QuoteStyle,
            MatchOptions {
                ignore_quote_style: false,
                ..all
            },
        ),
        (
            NearKind::Number,
            MatchOptions {
                numbers_as_digits: false,
                ..all
            },
        ),
    ];
    for (kind, options) in without {
        let (x, y) = (match_key(a, &options), match_key(b, &options));
        if x != y && !fuzzy_eq(&x, &y) {
            kinds.insert(kind);
        }
    }
    kinds
}

/// The characters that differ between the two cells (spaces aside), per side.
fn emphasis(sides: Pair<NearSide<'_>>) -> Pair<Vec<Range<usize>>> {
    let chars = sides.map(|s| s.chars());
    let letters = chars
        .as_ref()
        .map(|c| c.iter().map(|(ch, _)| *ch).collect::<Vec<_>>());
    let ops =
        similar::capture_diff_slices(similar::Algorithm::Myers, &letters.left, &letters.right);
    let mut out: Pair<Vec<Range<usize>>> = Pair::new(Vec::new(), Vec::new());
    for op in ops {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        for (side, range) in [
            (&mut out.left, (old, &chars.left)),
            (&mut out.right, (new, &chars.right)),
        ] {
            let (indices, chars) = range;
            for (_, bytes) in chars.get(indices).unwrap_or_default() {
                match side.last_mut() {
                    Some(last) if last.end == bytes.start => last.end = bytes.end,
                    _ => side.push(bytes.clone()),
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(left: &str, right: &str) -> Near {
        let word = |t: &str| {
            let spans = crate::text::word_spans(t);
            spans.first().cloned().unwrap_or(0..0)
        };
        let (lw, rw) = (word(left), word(right));
        let (lc, rc) = (0..left.len(), 0..right.len());
        describe(
            Pair::new(
                NearSide {
                    text: left,
                    cell: &lc,
                    word: &lw,
                },
                NearSide {
                    text: right,
                    cell: &rc,
                    word: &rw,
                },
            ),
            MatchOptions::default(),
        )
    }

    fn kinds(left: &str, right: &str) -> Vec<&'static str> {
        near(left, right)
            .kinds
            .iter()
            .map(NearKind::label)
            .collect()
    }

    #[test]
    fn each_fold_is_named() {
        assert_eq!(kinds("The ", "the "), ["case"]);
        assert_eq!(kinds("U.S. ", "US "), ["punctuation"]);
        assert_eq!(kinds("Ukraine’s ", "Ukraine's "), ["quote_style"]);
        assert_eq!(kinds("five ", "5 "), ["number"]);
        assert_eq!(kinds("colour ", "color "), ["spelling"]);
        assert_eq!(kinds("Zelenskiy ", "zelensky "), ["case", "spelling"]);
    }

    #[test]
    fn punctuation_and_quote_marks_around_the_word_count() {
        assert_eq!(kinds("said, ", "said. "), ["punctuation"]);
        assert_eq!(kinds("“We ", "\"We "), ["quote_style"]);
        assert_eq!(kinds("point.” ", "point”. "), ["punctuation"]);
    }

    #[test]
    fn emphasis_marks_the_differing_characters() {
        let n = near("illusionary ", "illusory ");
        let shown = |t: &str, r: &[Range<usize>]| -> Vec<String> {
            r.iter().map(|r| t[r.clone()].to_string()).collect()
        };
        assert_eq!(shown("illusionary ", &n.emphasis.left), ["i", "na"]);
        assert!(n.emphasis.right.is_empty());
        let n = near("The ", "the ");
        assert_eq!(shown("The ", &n.emphasis.left), ["T"]);
        assert_eq!(shown("the ", &n.emphasis.right), ["t"]);
    }

    #[test]
    fn counted_only_when_the_options_count_a_kind() {
        let case: NearKinds = [NearKind::Case].into_iter().collect();
        assert!(!case.counted_by(&MatchOptions::default()));
        let counting_case = MatchOptions {
            ignore_case: false,
            ..MatchOptions::default()
        };
        assert!(case.counted_by(&counting_case));
        assert!(case.counted_by(&MatchOptions::STRICT));
    }
}

//! The report's fast paths against the general ones: character offsets from the
//! block index, word counts from the documents' tokens.

use super::*;
use crate::compare::{CompareOptions, DiffMode, compare};
use crate::text::MatchOptions;
use proptest::prelude::*;

/// Words and punctuation that test the tokenizer's joins at op edges.
const PIECES: &[&str] = &[
    "the",
    "said",
    "U.S.",
    "1,000",
    "1,0000",
    "$126",
    "3.3%",
    "pre-2014",
    "Ukraine’s",
    "“We",
    "wait.”",
    "—",
    "(AP)",
    "e\u{301}te\u{301}",
    "北京",
    "—",
    "-",
    ",",
    ".",
    "’s",
    "don't",
    "a",
];

/// A text of `PIECES` cut by `seps`.
fn text(words: &[(usize, usize)]) -> String {
    let seps = [" ", " ", "\n\n", "", "  "];
    words
        .iter()
        .flat_map(|&(w, s)| [PIECES[w % PIECES.len()], seps[s % seps.len()]])
        .collect()
}

fn article(clean: String) -> Article {
    Article {
        id: "a".into(),
        source: "a.txt".into(),
        meta: crate::corpus::Meta::default(),
        raw: clean.clone(),
        clean,
        removals: Vec::new(),
        warnings: Vec::new(),
    }
}

fn words() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0..64usize, 0..8usize), 0..40)
}

proptest! {
    #[test]
    fn block_index_counts_what_char_indices_count(t in "(\\PC|é|北|👩){0,150}", at in 0..700usize) {
        let at = at.min(t.len());
        let slow = t.char_indices().filter(|&(i, _)| i < at).count();
        prop_assert_eq!(CharIndex::new(&t).chars_before(at), slow);
    }

    #[test]
    fn word_counts_from_tokens_are_the_ops_words(left in words(), edits in words(), strict in any::<bool>(), linear in any::<bool>()) {
        let left = text(&left);
        // The right text: the left one with words replaced, dropped or added.
        let right = format!("{}{}", text(&edits), left.get(left.len() / 2..).unwrap_or(""));
        let articles = Pair::new(article(left), article(right));
        let options = CompareOptions {
            matching: if strict { MatchOptions::STRICT } else { MatchOptions::default() },
            diff_mode: if linear { DiffMode::Linear } else { DiffMode::default() },
            ..CompareOptions::default()
        };
        let docs = articles.as_ref().map(|a| Document::new(&a.clean, &options.matching));
        let comparison = compare(docs.as_ref(), &options);
        let report = CompareReport::analysed(docs.as_ref(), articles.as_ref(), &comparison, &options.matching);
        let retokenised = |side: Side, keep: fn(&DiffOp) -> bool| -> usize {
            comparison.diff.iter().filter(|op| keep(op)).map(|op| {
                crate::text::word_spans(&articles[side].clean[op.spans[side].clone()]).len()
            }).sum()
        };
        prop_assert_eq!(report.deleted_words, retokenised(Side::Left, |op| op.is_change() && op.tag != DiffTag::Insert));
        prop_assert_eq!(report.inserted_words, retokenised(Side::Right, |op| op.is_change() && op.tag != DiffTag::Delete));
        prop_assert_eq!(report.left.article.words, articles.left.word_count());
        let plain = CompareReport::new(articles.as_ref(), &comparison, &options.matching);
        prop_assert_eq!((plain.deleted_words, plain.inserted_words), (report.deleted_words, report.inserted_words));
    }
}

//! Engine tests over whole comparisons: invariants (proptest), a JSON snapshot,
//! and general properties on the bundled sample.

use crosscheck::compare::{
    CompareOptions, Comparison, DiffMode, DiffTag, Document, compare, compare_texts,
};
use crosscheck::pair::{Pair, Side};
use crosscheck::text::MatchOptions;
use proptest::prelude::*;
use std::ops::Range;

fn options(diff_mode: DiffMode) -> CompareOptions {
    CompareOptions {
        diff_mode,
        ..CompareOptions::default()
    }
}

/// The characters of `text` that are not spaces.
fn visible(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Checks that each side's ops, taken in order of their spans on that side, tile
/// its text byte for byte (linear mode: in list order too), that spans are on char
/// boundaries, and that each op's tag tells the truth: `equal` the same characters
/// spaces aside, `near` different ones with a description, `delete`/`insert` empty
/// on the other side.
fn assert_partition(texts: Pair<&str>, comparison: &Comparison, mode: DiffMode) {
    for side in Side::BOTH {
        let text = texts[side];
        let spans: Vec<Range<usize>> = comparison
            .diff
            .iter()
            .map(|op| op.spans[side].clone())
            .collect();
        for span in &spans {
            assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        if mode == DiffMode::Linear {
            let mut next = 0;
            for span in spans.iter().filter(|s| !s.is_empty()) {
                assert_eq!(span.start, next, "linear ops are in text order: {spans:?}");
                next = span.end;
            }
        }
        let mut sorted: Vec<&Range<usize>> = spans.iter().filter(|s| !s.is_empty()).collect();
        sorted.sort_by_key(|s| s.start);
        let rebuilt: String = sorted.iter().map(|s| &text[(*s).clone()]).collect();
        assert_eq!(rebuilt, text, "the {side:?} ops tile the text");
    }
    for op in &comparison.diff {
        let shown = Pair::new(
            &texts.left[op.spans.left.clone()],
            &texts.right[op.spans.right.clone()],
        );
        match op.tag {
            DiffTag::Equal => {
                assert_eq!(visible(shown.left), visible(shown.right), "{op:?}");
                assert!(!shown.left.is_empty() && !shown.right.is_empty(), "{op:?}");
            }
            DiffTag::Near => {
                assert_ne!(visible(shown.left), visible(shown.right), "{op:?}");
                assert!(op.near.as_ref().is_some_and(|n| !n.kinds.is_empty()));
            }
            DiffTag::Delete => assert!(shown.right.is_empty() && !shown.left.is_empty()),
            DiffTag::Insert => assert!(shown.left.is_empty() && !shown.right.is_empty()),
        }
    }
    for passage in &comparison.passages {
        for side in Side::BOTH {
            let span = &passage.spans[side];
            assert!(span.end <= texts[side].len() && texts[side].is_char_boundary(span.start));
        }
    }
}

/// Texts made of a few news-like words, sentence ends and paragraph breaks, plus arbitrary unicode.
fn text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => proptest::sample::select(vec![
            "the", "minister", "said", "talks", "would", "resume", "U.S.", "US", "Five", "5",
            "illusory", "illusionary", "goal", "war", "“peace”", "Ukraine’s", "$126", "3.5%",
        ])
        .prop_map(str::to_string),
        1 => proptest::sample::select(vec![". ", ".\n", "\n\n", ", ", " — ", "? "])
            .prop_map(str::to_string),
        1 => "\\PC{1,6}",
    ];
    proptest::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn ops_tile_both_texts_in_both_layouts(left in text(), right in text()) {
        for mode in [DiffMode::Aligned, DiffMode::Linear] {
            let comparison = compare_texts(Pair::new(&left, &right), &options(mode));
            assert_partition(Pair::new(&left, &right), &comparison, mode);
        }
    }

    #[test]
    fn a_text_against_itself_is_all_equal(text in text()) {
        for mode in [DiffMode::Aligned, DiffMode::Linear] {
            let comparison = compare_texts(Pair::new(&text, &text), &options(mode));
            prop_assert!(comparison.diff.iter().all(|op| op.tag == DiffTag::Equal));
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(left in "\\PC{0,200}", right in "\\PC{0,200}") {
        for mode in [DiffMode::Aligned, DiffMode::Linear] {
            let comparison = compare_texts(Pair::new(&left, &right), &options(mode));
            assert_partition(Pair::new(&left, &right), &comparison, mode);
        }
    }
}

const STORY_A: &str = "Flood waters rose across the river valley on Sunday, forcing thousands from their homes.\n\
Emergency crews evacuated two hospitals and a prison overnight.\n\
“We have never seen the river this high,” said Mayor Ana Ruiz. “Stay away from the banks.”\n\
Forecasters expect more rain on Tuesday.";

const STORY_B: &str = "Emergency crews evacuated two hospitals overnight, officials said.\n\
Flood waters rose across the valley on Sunday. Thousands were forced from their homes.\n\
Mayor Ana Ruiz warned residents: \"We have never seen the river this high.\"\n\
Schools will stay closed all week.";

#[test]
fn snapshot_of_a_small_comparison() {
    let texts = Pair::new(STORY_A, STORY_B);
    let comparison = compare_texts(texts, &CompareOptions::default());
    let render =
        |side: Side, span: &Option<Range<usize>>| span.clone().map(|s| texts[side][s].to_string());
    let json = serde_json::json!({
        "comparison": comparison,
        "alignment_text": comparison.alignment.iter().map(|p| {
            [render(Side::Left, &p.left), render(Side::Right, &p.right)]
        }).collect::<Vec<_>>(),
        "diff_text": comparison.diff.iter().map(|op| {
            let text = match op.tag {
                DiffTag::Insert => &texts.right[op.spans.right.clone()],
                _ => &texts.left[op.spans.left.clone()],
            };
            format!("{:?}: {text}", op.tag)
        }).collect::<Vec<_>>(),
        "passages_text": comparison.passages.iter().map(|p| {
            (texts.left[p.spans.left.clone()].to_string(), p.moved)
        }).collect::<Vec<_>>(),
    });
    insta::assert_json_snapshot!(json);
}

#[test]
fn changed_words_counts_only_deleted_and_inserted_words() {
    let texts = Pair::new(
        "Talks resumed in Geneva on Monday.",
        "Talks resumed in Vienna on Monday.",
    );
    let docs = texts.map(|t| Document::new(t, &MatchOptions::default()));
    let comparison = compare(docs.as_ref(), &CompareOptions::default());
    assert_eq!(comparison.changed_words(docs.as_ref()), Pair::new(1, 1));
}

#[test]
fn facing_maps_an_offset_to_the_partner_sentence() {
    let texts = Pair::new(STORY_A, STORY_B);
    let comparison = compare_texts(texts, &CompareOptions::default());
    let at = STORY_A.find("Emergency").unwrap_or(0);
    let facing = comparison.facing(Side::Left, at + 3).map(|s| &STORY_B[s]);
    assert_eq!(
        facing,
        Some("Emergency crews evacuated two hospitals overnight, officials said.")
    );
    let back = STORY_B.find("Emergency").unwrap_or(0);
    let facing = comparison.facing(Side::Right, back).map(|s| &STORY_A[s]);
    assert_eq!(
        facing,
        Some("Emergency crews evacuated two hospitals and a prison overnight.")
    );
    // A left-only sentence faces the partner of the nearest aligned sentence before it.
    let only = STORY_A.find("Forecasters").unwrap_or(0);
    assert!(comparison.facing(Side::Left, only).is_some());
}

fn sample() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir("assets/articles")
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Words of the sentence [`reordered`] appends.
const APPENDED_WORDS: usize = 8;

/// Another outlet's take on the same text: paragraphs in reverse order and
/// every third paragraph with a sentence of its own appended.
fn reordered(text: &str) -> String {
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    paragraphs
        .iter()
        .rev()
        .enumerate()
        .map(|(i, p)| {
            if i % 3 == 0 {
                format!("{p} Officials declined to comment further on the matter.")
            } else {
                (*p).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn on_the_sample_reordered_paragraphs_are_aligned_not_rewritten() {
    for article in sample() {
        let other = reordered(&article);
        let texts = Pair::new(article.as_str(), other.as_str());
        let docs = texts.map(|t| Document::new(t, &MatchOptions::default()));
        let aligned = compare(docs.as_ref(), &options(DiffMode::Aligned));
        let linear = compare(docs.as_ref(), &options(DiffMode::Linear));
        let added = other.matches("Officials declined").count() * APPENDED_WORDS;
        // Aligned: only the appended sentences differ; linear sees moved text as changes.
        assert_eq!(aligned.changed_words(docs.as_ref()), Pair::new(0, added));
        let linear_changed = linear.changed_words(docs.as_ref());
        assert!(
            linear_changed.left > docs.left.tokens.len() / 3,
            "{linear_changed:?}"
        );
        assert_partition(texts, &aligned, DiffMode::Aligned);
        assert_partition(texts, &linear, DiffMode::Linear);
    }
}

#[test]
fn on_the_sample_every_pair_keeps_the_partition() {
    let articles = sample();
    assert!(articles.len() >= 2);
    for (i, a) in articles.iter().enumerate() {
        for b in &articles[i + 1..] {
            let texts = Pair::new(a.as_str(), b.as_str());
            for mode in [DiffMode::Aligned, DiffMode::Linear] {
                assert_partition(texts, &compare_texts(texts, &options(mode)), mode);
            }
        }
    }
}

#[test]
fn on_the_sample_verbatim_shared_sentences_are_aligned() {
    let articles = sample();
    let mut checked = 0;
    for (i, a) in articles.iter().enumerate() {
        for b in &articles[i + 1..] {
            let texts = Pair::new(a.as_str(), b.as_str());
            let docs = texts.map(|t| Document::new(t, &MatchOptions::default()));
            let comparison = compare(docs.as_ref(), &CompareOptions::default());
            for sentence in &docs.left.sentences {
                let words = &a[sentence.span.clone()];
                if words.split_whitespace().count() < 8 {
                    continue;
                }
                let Some(at) = b.find(words) else { continue };
                checked += 1;
                let pair = comparison.pair_at(Side::Left, sentence.span.start);
                let right = pair.and_then(|p| p.right.clone());
                assert!(
                    right.is_some_and(|r| r.start <= at && at + words.len() <= r.end),
                    "verbatim sentence not aligned: {words}"
                );
            }
        }
    }
    assert!(
        checked > 0,
        "the sample should share some sentences verbatim"
    );
}

#[test]
fn a_long_pair_keeps_the_partition_in_both_modes() {
    let left = [sample(), sample()].concat().join("\n");
    let right = reordered(&left);
    let texts = Pair::new(left.as_str(), right.as_str());
    let docs = texts.map(|t| Document::new(t, &MatchOptions::default()));
    assert!(docs.left.tokens.len() >= crosscheck::compare::strategy::ANCHORED_DIFF_WORDS);
    for mode in [DiffMode::Aligned, DiffMode::Linear] {
        let comparison = compare(docs.as_ref(), &options(mode));
        assert_partition(texts, &comparison, mode);
    }
}

#[test]
fn identical_articles_align_sentence_by_sentence_and_score_one() {
    let texts = Pair::new(STORY_A, STORY_A);
    let comparison = compare_texts(texts, &CompareOptions::default());
    assert!((comparison.similarity - 1.0).abs() < 1e-9);
    assert!(comparison.diff.iter().all(|op| op.tag == DiffTag::Equal));
    assert!(
        comparison
            .alignment
            .iter()
            .all(|p| p.left.is_some() && p.left == p.right)
    );
    assert_eq!(comparison.passages.len(), 1);
    assert!(!comparison.passages[0].moved);
}

#[test]
fn disjoint_articles_share_nothing() {
    let texts = Pair::new(
        "Volcanic ash grounded flights across Iceland.",
        "Wheat prices climbed sharply in Chicago trading.",
    );
    let comparison = compare_texts(texts, &CompareOptions::default());
    assert!(comparison.similarity.abs() < 1e-9);
    assert!(comparison.passages.is_empty());
    let tags: Vec<DiffTag> = comparison.diff.iter().map(|op| op.tag).collect();
    assert_eq!(tags, [DiffTag::Delete, DiffTag::Insert]);
}

#[test]
fn aligned_passages_are_moved_only_outside_facing_sentences() {
    let left = "Lawmakers argued for hours about pensions.\n\
        Late on Friday, after protests by farmers, teachers, nurses and drivers across \
        several provinces, the committee approved the new budget amid loud jeering from \
        opposition benches and visitors.";
    let right = "Critics warned that the committee approved the new budget too quickly.\n\
        Lawmakers argued for hours about pensions.";
    let comparison = compare_texts(Pair::new(left, right), &CompareOptions::default());
    let found: Vec<(&str, bool)> = comparison
        .passages
        .iter()
        .map(|p| (&left[p.spans.left.clone()], p.moved))
        .collect();
    assert_eq!(
        found,
        [
            ("Lawmakers argued for hours about pensions", false),
            ("the committee approved the new budget", true)
        ]
    );
}

#[test]
fn marks_give_each_pane_its_diff_layer_in_text_order() {
    let texts = Pair::new(STORY_A, STORY_B);
    let comparison = compare_texts(texts, &CompareOptions::default());
    for side in Side::BOTH {
        let marks = comparison.marks(side);
        assert!(marks.windows(2).all(|w| w[0].1.end <= w[1].1.start));
        assert!(marks.iter().all(|(tag, _)| match side {
            Side::Left => *tag != DiffTag::Insert,
            Side::Right => *tag != DiffTag::Delete,
        }));
    }
    let right: Vec<&str> = comparison
        .marks(Side::Right)
        .into_iter()
        .filter(|(tag, _)| *tag == DiffTag::Insert)
        .map(|(_, span)| &STORY_B[span])
        .collect();
    assert!(
        right.contains(&"Schools will stay closed all week."),
        "{right:?}"
    );
}

//! The quote tracker on an invented corpus with known answers (tests/fixtures/tracker)
//! and on the bundled sample.

use crosscheck::cli::plain::{self, Painter};
use crosscheck::cli::report::QuotesReport;
use crosscheck::compare::Document;
use crosscheck::compare::quotes::{self, QuoteGroup, Status};
use crosscheck::corpus::{Corpus, LoadOptions, load_paths};
use crosscheck::text::MatchOptions;
use std::path::PathBuf;

/// The invented corpus: 1 Riverside Ledger, 2 Valley Courier, 3 Harbor Times, 4 Metro Wire.
fn invented() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tracker");
    load_paths(&[dir], &LoadOptions::default()).expect("fixture corpus loads")
}

/// The bundled sample: 1 Antiwar.com, 2 Bloomberg, 3 Epoch Times, 4 Moscow Times, 5 AP.
fn sample() -> Corpus {
    load_paths(&[], &LoadOptions::default()).expect("sample loads")
}

fn tracker(corpus: &Corpus) -> Vec<QuoteGroup> {
    let docs: Vec<Document<'_>> = corpus
        .articles
        .iter()
        .map(|a| Document::new(&a.clean, &MatchOptions::default()))
        .collect();
    quotes::groups(&docs)
}

/// The group whose representative contains `words`.
fn group<'g>(groups: &'g [QuoteGroup], words: &str) -> &'g QuoteGroup {
    groups
        .iter()
        .find(|g| g.text.contains(words))
        .unwrap_or_else(|| panic!("no group with {words:?} in {groups:#?}"))
}

/// Statuses of every article (0-based) of an `n`-article corpus.
fn statuses(group: &QuoteGroup, n: usize) -> Vec<Status> {
    (0..n).map(|a| group.status(a)).collect()
}

use Status::{Absent, Exact, Paraphrase, Partial, Variant};

#[test]
fn a_quote_every_outlet_carries_is_exact_everywhere_and_first() {
    let groups = tracker(&invented());
    let first = groups.first().expect("groups");
    assert!(first.text.contains("stay closed until the inspectors"));
    assert_eq!(statuses(first, 4), [Exact; 4]);
    assert!(!first.conflict, "{first:#?}");
    assert_eq!(first.speaker.as_deref(), Some("Dana Whitcomb"));
}

#[test]
fn a_variant_word_a_paraphrase_and_an_omission_are_told_apart() {
    let groups = tracker(&invented());
    let cables = group(&groups, "corrosion in three");
    assert_eq!(statuses(cables, 4), [Exact, Variant, Paraphrase, Absent]);
    let courier = cables
        .occurrences
        .iter()
        .find(|o| o.article == 1)
        .expect("courier");
    assert_eq!(courier.differences.len(), 1);
    assert_eq!(courier.differences[0].left, "main");
    assert_eq!(courier.differences[0].right, "primary");
    let times = cables
        .occurrences
        .iter()
        .find(|o| o.article == 2)
        .expect("times");
    assert!(!times.quoted);
    assert_eq!(cables.articles(), 3);
}

#[test]
fn a_quote_credited_to_two_speakers_is_flagged() {
    let groups = tracker(&invented());
    let commuter = group(&groups, "Every commuter deserves");
    assert!(commuter.conflict);
    let credits: Vec<(&str, &[usize])> = commuter
        .speakers
        .iter()
        .map(|c| (c.speaker.as_str(), c.articles.as_slice()))
        .collect();
    assert_eq!(credits, [("Whitcomb", &[0, 2][..]), ("Reyes", &[1][..])]);
    let agreed: Vec<_> = groups.iter().filter(|g| !g.conflict).collect();
    assert_eq!(agreed.len(), groups.len() - 1, "only one conflict");
}

#[test]
fn two_quotes_in_one_sentence_are_two_groups() {
    let groups = tracker(&invented());
    let ferry = group(&groups, "ferry service doubles");
    let buses = group(&groups, "bus lanes open");
    assert!(!ferry.text.contains("bus lanes"));
    assert_eq!(statuses(ferry, 4), [Exact, Exact, Absent, Absent]);
    assert_eq!(statuses(buses, 4), [Exact, Absent, Exact, Absent]);
    assert_eq!(groups.len(), 5, "{groups:#?}");
}

#[test]
fn groups_are_sorted_by_carriers_and_list_each_article_once() {
    for corpus in [invented(), sample()] {
        let groups = tracker(&corpus);
        assert!(
            groups
                .windows(2)
                .all(|w| w[0].articles() >= w[1].articles())
        );
        for g in &groups {
            assert!(g.articles() >= 2);
            let mut seen: Vec<usize> = g.occurrences.iter().map(|o| o.article).collect();
            seen.dedup();
            assert_eq!(seen.len(), g.occurrences.len(), "{g:#?}");
            for o in &g.occurrences {
                assert!(
                    corpus.articles[o.article]
                        .clean
                        .get(o.span.clone())
                        .is_some()
                );
                assert!((0.0..=1.0).contains(&o.score));
                assert_eq!(o.quoted, o.status != Paraphrase);
            }
        }
    }
}

#[test]
fn sample_chasing_quote_is_carried_by_three_with_a_variant_and_part_of_it_by_ap() {
    let groups = tracker(&sample());
    let chasing = group(&groups, "Chasing this illusionary goal");
    assert_eq!(
        statuses(chasing, 5),
        [Exact, Exact, Absent, Variant, Partial],
        "{chasing:#?}"
    );
    let moscow = chasing
        .occurrences
        .iter()
        .find(|o| o.article == 3)
        .expect("Moscow Times");
    assert_eq!(moscow.differences.len(), 1);
    assert_eq!(moscow.differences[0].left, "illusionary");
    assert_eq!(moscow.differences[0].right, "illusory");
    assert_eq!(groups.first().map(|g| &g.text), Some(&chasing.text));
}

#[test]
fn sample_healey_quote_is_epoch_times_alone_so_not_reported() {
    let groups = tracker(&sample());
    assert!(
        groups
            .iter()
            .all(|g| !g.text.contains("We hear your commitment")),
        "Antiwar's narrated “defense partnership” is not Healey's quote"
    );
    let tolerate = group(&groups, "no longer tolerate");
    assert_eq!(tolerate.occurrences.len(), 2);
    assert_eq!(tolerate.status(3), Partial);
    assert!(tolerate.occurrences.iter().any(|o| o.score < 0.5));
}

#[test]
fn invented_tracker_plain_snapshot() {
    let corpus = invented();
    let groups = tracker(&corpus);
    let text = plain::quotes(&QuotesReport::new(&corpus, &groups), Painter::PLAIN, 80);
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn invented_tracker_json_snapshot() {
    let corpus = invented();
    let groups = tracker(&corpus);
    insta::assert_json_snapshot!(QuotesReport::new(&corpus, &groups));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Articles made of narration and quotes drawn from a small vocabulary, so quotes
    /// recur across articles, partly, in narration and with different speakers.
    fn article() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "harbor", "levee", "storms", "winter", "rebuild", "boats", "the", "will", "and",
            "before", "river", "rising", "faster", "bridge", "closed", "cables",
        ]);
        let words = prop::collection::vec(word, 1..12).prop_map(|w| w.join(" "));
        let speaker = prop::sample::select(vec!["Marlow", "Okafor", "he", "Mr. Reyes"]);
        prop::collection::vec((words.clone(), words, speaker, any::<bool>()), 1..6).prop_map(
            |parts| {
                parts
                    .into_iter()
                    .map(|(narration, quote, who, quoted)| {
                        if quoted {
                            format!("{narration}. “{quote},” {who} said.")
                        } else {
                            format!("{narration} {quote}.")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn groups_list_each_article_once_with_valid_spans(
            texts in prop::collection::vec(article(), 1..5)
        ) {
            let docs: Vec<Document<'_>> = texts
                .iter()
                .map(|t| Document::new(t, &MatchOptions::default()))
                .collect();
            let groups = quotes::groups(&docs);
            prop_assert!(groups.windows(2).all(|w| w[0].articles() >= w[1].articles()));
            for g in &groups {
                prop_assert!(g.articles() >= 2);
                prop_assert!(g.occurrences.windows(2).all(|w| w[0].article < w[1].article));
                prop_assert_eq!(g.conflict, g.speakers.len() > 1);
                for o in &g.occurrences {
                    prop_assert!(texts[o.article].get(o.span.clone()).is_some());
                    prop_assert!((0.0..=1.0).contains(&o.score));
                    prop_assert!(o.status != Status::Absent);
                }
            }
        }
    }
}

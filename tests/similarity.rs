//! Similarity reads as a person judges (issue F point 6), on invented articles in
//! `tests/fixtures/similarity`: a wire story (`dam_wire`), its lightly edited
//! copy and a copy spun with synonyms, independent reports of four events
//! (a dam failure, a tram strike, a rate rise, a budget speech), and stories of
//! other events, one of them on the same topic (another flood) and one long
//! political story sharing places with the bundled sample (`farm_talks`).
//! The tests assert the scale's bands and orderings, not exact scores.

use crosscheck::compare::matrix::{MatrixOptions, similarity_matrix};
use crosscheck::compare::{CompareOptions, Comparison, Document, compare};
use crosscheck::corpus::{Corpus, LoadOptions, load_paths};
use crosscheck::pair::Pair;
use crosscheck::text::MatchOptions;
use std::path::PathBuf;
use std::sync::LazyLock;

/// Each event's independent reports.
const EVENTS: &[&[&str]] = &[
    &["dam_wire", "dam_herald"],
    &["dam_wire_copy", "dam_herald"],
    &["strike_daily", "strike_post"],
    &["bank_ledger", "bank_times"],
    &["speech_gazette", "speech_observer"],
];

/// One article of each story, for pairs about different stories.
const STORIES: &[&str] = &[
    "dam_herald",
    "flood_elsewhere",
    "strike_post",
    "bank_times",
    "speech_observer",
    "election_results",
    "farm_talks",
];

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| load("tests/fixtures/similarity"));

/// The bundled sample: five outlets' reports of one event.
static SAMPLE: LazyLock<Corpus> = LazyLock::new(|| load("assets/articles"));

fn load(dir: &str) -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    load_paths(&[dir], &LoadOptions::default()).expect("articles load")
}

fn clean(id: &str) -> &'static str {
    let article = CORPUS.articles.iter().find(|a| a.id == id);
    &article.unwrap_or_else(|| panic!("no fixture {id}")).clean
}

fn compare_texts(a: &str, b: &str) -> Comparison {
    let docs = Pair::new(a, b).map(|t| Document::new(t, &MatchOptions::default()));
    compare(docs.as_ref(), &CompareOptions::default())
}

fn pair(a: &str, b: &str) -> Comparison {
    compare_texts(clean(a), clean(b))
}

fn different_story_pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    STORIES
        .iter()
        .enumerate()
        .flat_map(|(i, a)| STORIES[i + 1..].iter().map(move |b| (*a, *b)))
}

#[test]
fn identical_texts_score_one_whatever_their_length() {
    for id in ["spelling_a", "dam_wire", "farm_talks"] {
        let c = pair(id, id);
        assert!((c.similarity - 1.0).abs() < 1e-9, "{id}: {}", c.similarity);
        assert!((c.coverage.left - 1.0).abs() < 1e-9 && (c.coverage.right - 1.0).abs() < 1e-9);
    }
}

#[test]
fn a_sentence_with_spelling_variants_is_alike() {
    let c = pair("spelling_a", "spelling_b");
    assert!(c.similarity >= 0.5, "{}", c.similarity);
}

#[test]
fn sentences_differing_in_one_word_are_alike() {
    let pairs = [
        (
            "Negotiators met again in Geneva on Thursday to discuss the ceasefire.",
            "Negotiators met again in Vienna on Thursday to discuss the ceasefire.",
        ),
        (
            "The ceasefire held through the night.",
            "The ceasefire held through the weekend.",
        ),
        ("Prices rose sharply.", "Prices fell sharply."),
    ];
    for (a, b) in pairs {
        let s = compare_texts(a, b).similarity;
        assert!(s >= 0.3, "{s}: {a} / {b}");
    }
}

#[test]
fn a_lightly_edited_wire_copy_scores_high_and_is_covered_on_its_short_side() {
    let c = pair("dam_wire", "dam_wire_copy");
    assert!(c.similarity >= 0.8, "{}", c.similarity);
    assert!(
        c.coverage.right > c.coverage.left && c.coverage.right >= 0.9,
        "the trimmed copy is covered by the wire: {:?}",
        c.coverage
    );
}

#[test]
fn a_spun_copy_is_between_the_copy_and_an_independent_report() {
    let copy = pair("dam_wire", "dam_wire_copy").similarity;
    let spun = pair("dam_wire", "dam_wire_spun").similarity;
    let independent = pair("dam_wire", "dam_herald").similarity;
    assert!(
        copy > spun && spun > independent,
        "{copy} {spun} {independent}"
    );
}

#[test]
fn independent_reports_of_one_event_score_in_the_middle() {
    for (a, b) in EVENTS.iter().map(|e| (e[0], e[1])) {
        let c = pair(a, b);
        assert!(
            (0.2..=0.6).contains(&c.similarity),
            "{a} / {b}: {}",
            c.similarity
        );
        assert!(!c.unrelated(), "{a} / {b} are one story");
    }
}

#[test]
fn stories_of_different_events_score_near_zero_and_read_as_unrelated() {
    for (a, b) in different_story_pairs() {
        let c = pair(a, b);
        assert!(c.similarity <= 0.05, "{a} / {b}: {}", c.similarity);
    }
    let c = pair("bank_times", "election_results");
    assert!(c.unrelated(), "{:?}", c.similarity);
}

#[test]
fn every_report_of_one_event_outscores_every_pair_of_different_events() {
    let lowest_same = EVENTS
        .iter()
        .map(|e| pair(e[0], e[1]).similarity)
        .fold(f64::INFINITY, f64::min);
    let highest_different = different_story_pairs()
        .map(|(a, b)| pair(a, b).similarity)
        .fold(0.0, f64::max);
    assert!(lowest_same > 3.0 * highest_different.max(0.01));
}

#[test]
fn the_sample_reads_as_one_event_and_a_story_from_brussels_does_not() {
    let sample: Vec<&str> = SAMPLE.articles.iter().map(|a| a.clean.as_str()).collect();
    assert!(sample.len() >= 5);
    for (i, a) in sample.iter().enumerate() {
        for b in &sample[i + 1..] {
            let s = compare_texts(a, b).similarity;
            assert!((0.2..=0.6).contains(&s), "{s}");
        }
        let other = compare_texts(a, clean("farm_talks")).similarity;
        assert!(other <= 0.05, "{other}: {}", &a[..60]);
    }
}

#[test]
fn the_score_is_symmetric() {
    for (a, b) in [
        ("dam_wire", "dam_wire_copy"),
        ("strike_daily", "strike_post"),
    ] {
        let (ab, ba) = (pair(a, b), pair(b, a));
        assert!((ab.similarity - ba.similarity).abs() < 1e-9);
        assert!((ab.coverage.left - ba.coverage.right).abs() < 1e-9);
    }
}

#[test]
fn the_map_scores_pairs_as_compare_does() {
    let ids: Vec<&str> = CORPUS.articles.iter().map(|a| a.id.as_str()).collect();
    let texts: Vec<&str> = CORPUS.articles.iter().map(|a| a.clean.as_str()).collect();
    let matrix = similarity_matrix(&texts, &MatrixOptions::default(), |_, _| {});
    for (i, a) in ids.iter().enumerate() {
        for (j, b) in ids.iter().enumerate().skip(i + 1) {
            let (mapped, compared) = (matrix.similarity(i, j), pair(a, b).similarity);
            // The pair merges spelling variants across the two texts; the map
            // profiles each article alone, so it may only score lower.
            assert!(
                mapped <= compared + 1e-9,
                "{a} / {b}: {mapped} > {compared}"
            );
            if !a.starts_with("spelling") {
                assert!(
                    (mapped - compared).abs() < 0.05,
                    "{a} / {b}: {mapped} vs {compared}"
                );
            }
        }
    }
}

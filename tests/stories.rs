//! Stories on invented mixed folders whose events are known (`events.toml` beside
//! the articles): several events of one week, events that share a speaker, a week of
//! one outlet's coverage, events of one city quoting one mayor with a spun copy, and
//! the other fixtures' events loaded together. Scored by
//! the adjusted Rand index against the known events.

use crosscheck::compare::corpus::Analysed;
use crosscheck::compare::stories::Stories;
use crosscheck::corpus::{Corpus, LoadOptions, load_paths};
use crosscheck::text::MatchOptions;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Least adjusted Rand index on each folder (the bar for hidden folders).
const MIN_ARI: f64 = 0.9;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn load(paths: &[PathBuf]) -> Corpus {
    load_paths(paths, &LoadOptions::default()).expect("fixtures load")
}

fn stories(corpus: &Corpus) -> Stories {
    Analysed::new(&corpus.articles, &MatchOptions::default())
        .stories()
        .clone()
}

/// The event of each article of `corpus`, from `events.toml` (file name → event).
fn events_of(corpus: &Corpus, key: &Path) -> Vec<String> {
    let table: toml::Table = std::fs::read_to_string(key)
        .expect("answer key")
        .parse()
        .expect("valid TOML");
    let mut event_of: HashMap<String, String> = HashMap::new();
    for (event, files) in &table {
        for file in files.as_array().expect("a list of files") {
            event_of.insert(file.as_str().expect("file name").to_string(), event.clone());
        }
    }
    corpus
        .articles
        .iter()
        .map(|a| {
            let name = Path::new(&a.source)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            event_of
                .get(&name)
                .cloned()
                .unwrap_or_else(|| panic!("{name} has no event in the key"))
        })
        .collect()
}

/// The adjusted Rand index of two labelings of the same items (1 = the same
/// partition, about 0 = as good as chance).
fn adjusted_rand_index<A: Eq + std::hash::Hash, B: Eq + std::hash::Hash>(x: &[A], y: &[B]) -> f64 {
    assert_eq!(x.len(), y.len());
    let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let mut joint: HashMap<(&A, &B), usize> = HashMap::new();
    let mut rows: HashMap<&A, usize> = HashMap::new();
    let mut cols: HashMap<&B, usize> = HashMap::new();
    for (a, b) in x.iter().zip(y) {
        *joint.entry((a, b)).or_default() += 1;
        *rows.entry(a).or_default() += 1;
        *cols.entry(b).or_default() += 1;
    }
    let index: f64 = joint.values().map(|&n| pairs(n)).sum();
    let row_sum: f64 = rows.values().map(|&n| pairs(n)).sum();
    let col_sum: f64 = cols.values().map(|&n| pairs(n)).sum();
    let expected = row_sum * col_sum / pairs(x.len());
    let max = f64::midpoint(row_sum, col_sum);
    if (max - expected).abs() < f64::EPSILON {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// The story of each article and the adjusted Rand index against `events`, with a
/// listing of the stories for the failure message.
fn score(corpus: &Corpus, events: &[String]) -> (f64, String) {
    let found = stories(corpus);
    let assigned: Vec<usize> = (0..corpus.articles.len())
        .map(|i| found.of_article[i].expect("every article has a story"))
        .collect();
    let mut listing = String::new();
    for story in &found.stories {
        let _ = writeln!(listing, "{} {}", story.id, story.label);
        for &a in &story.articles {
            let _ = writeln!(listing, "    {} ({})", corpus.articles[a].id, events[a]);
        }
    }
    (adjusted_rand_index(events, &assigned), listing)
}

fn check_folder(name: &str) {
    let dir = fixture(&format!("stories/{name}"));
    let corpus = load(std::slice::from_ref(&dir));
    let events = events_of(&corpus, &dir.join("events.toml"));
    let (ari, listing) = score(&corpus, &events);
    println!("{name}: ARI {ari:.3}\n{listing}");
    assert!(
        ari >= MIN_ARI,
        "{name}: ARI {ari:.3} < {MIN_ARI}\n{listing}"
    );
}

#[test]
fn ari_helper_scores_partitions() {
    let truth = ["a", "a", "b", "b", "c"];
    assert!((adjusted_rand_index(&truth, &[1, 1, 2, 2, 3]) - 1.0).abs() < 1e-9);
    assert!((adjusted_rand_index(&truth, &["x", "x", "y", "y", "z"]) - 1.0).abs() < 1e-9);
    assert!(adjusted_rand_index(&truth, &[1, 1, 1, 1, 1]) < 0.01);
    let split = adjusted_rand_index(&truth, &[1, 2, 3, 4, 5]);
    assert!(split.abs() < 0.01, "{split}");
}

#[test]
fn several_events_of_one_week_are_told_apart() {
    check_folder("week");
}

#[test]
fn events_sharing_a_speaker_are_told_apart() {
    check_folder("speaker");
}

#[test]
fn a_week_of_one_outlets_coverage_splits_by_event() {
    check_folder("outlet");
}

#[test]
fn events_of_one_city_and_week_with_one_mayor_split_and_a_spun_copy_joins_its_original() {
    check_folder("city");
}

#[test]
fn the_other_fixtures_events_loaded_together_are_told_apart() {
    // Each folder below holds invented coverage of one event; some share place and
    // person names (Riverton, Marlow, Elm) and topics (two bridge closures).
    let folders = [
        "matrix",
        "facts/flood",
        "facts/deal",
        "tracker",
        "tui",
        "quotes",
        "articles",
    ];
    let paths: Vec<PathBuf> = folders.iter().map(|f| fixture(f)).collect();
    let corpus = load(&paths);
    let events: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| {
            folders
                .iter()
                .find(|f| Path::new(&a.source).starts_with(fixture(f)))
                .map_or_else(
                    || panic!("{} comes from no fixture folder", a.source),
                    |f| (*f).to_string(),
                )
        })
        .collect();
    let (ari, listing) = score(&corpus, &events);
    println!("fixtures: ARI {ari:.3}\n{listing}");
    assert!(
        ari >= MIN_ARI,
        "fixtures: ARI {ari:.3} < {MIN_ARI}\n{listing}"
    );
}

#[test]
fn the_sample_is_one_story() {
    let corpus = load(&[]);
    let found = stories(&corpus);
    assert_eq!(found.stories.len(), 1, "{:#?}", found.stories);
    assert_eq!(found.stories[0].articles.len(), corpus.articles.len());
}

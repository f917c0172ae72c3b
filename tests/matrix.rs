//! Similarity map: corpora whose answers are known by construction (identical,
//! disjoint, copied at 70 % / 30 %, independent), MinHash against exact
//! Jaccard, snapshots of the report on a small invented corpus. Timing on large
//! generated corpora is `cargo bench --bench engine` (`matrix_of_families`).

use crosscheck::cli::matrix::{MatrixReport, build, plain};
use crosscheck::cli::plain::Painter;
use crosscheck::compare::Document;
use crosscheck::compare::matrix::reuse::{REUSE_MIN_WORDS, Verdict, reuse};
use crosscheck::compare::matrix::{Matrix, MatrixOptions, Method, PairScore, similarity_matrix};
use crosscheck::corpus::{LoadOptions, load_paths};
use crosscheck::pair::Pair;
use crosscheck::text::MatchOptions;
use std::path::PathBuf;
use synth::Rng;
use synth::prose::{copy_of, families, sentence, sentences};

fn matrix_of(texts: &[String], exact_limit: usize) -> Matrix {
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let options = MatrixOptions {
        exact_limit,
        ..MatrixOptions::default()
    };
    similarity_matrix(&texts, &options, |_, _| {})
}

fn verdict(m: &Matrix, a: usize, b: usize) -> Verdict {
    m.top_pair(a, b)
        .map_or(Verdict::Independent, |t| t.reuse.verdict)
}

#[test]
fn identical_texts_score_one_disjoint_zero_and_the_table_is_symmetric() {
    let mut rng = Rng::new(1);
    let a = sentences(&mut rng, 200).join(" ");
    let b = sentences(&mut rng, 200).join(" ");
    let m = matrix_of(&[a.clone(), b, a], 100);
    assert_eq!(m.method, Method::Exact);
    assert!((m.similarity(0, 2) - 1.0).abs() < 1e-12);
    assert!(m.similarity(0, 1) < 0.05, "{}", m.similarity(0, 1));
    let dense = m.dense();
    for (i, row) in dense.iter().enumerate() {
        assert!((row[i] - 1.0).abs() < f64::EPSILON);
        for (j, v) in row.iter().enumerate() {
            assert!((v - dense[j][i]).abs() < f64::EPSILON);
            assert!((0.0..=1.0).contains(v));
        }
    }
    assert_eq!(verdict(&m, 0, 2), Verdict::Derived);
    let totally_disjoint = matrix_of(
        &["alpha beta gamma delta".into(), "one two three four".into()],
        100,
    );
    assert!(totally_disjoint.similarity(0, 1).abs() < f64::EPSILON);
    assert!(totally_disjoint.pairs.is_empty() && totally_disjoint.top.is_empty());
}

/// The source, and articles copying 70 %, 30 % and none of its unquoted
/// sentences; all of them carry some of the source's quotations.
fn copied_corpus() -> Vec<String> {
    let mut rng = Rng::new(7);
    let quotes: Vec<String> = (0..4)
        .map(|i| {
            let q = sentence(&mut rng);
            let q = q.trim_end_matches('.');
            match i % 2 {
                0 => format!("“{q},” the minister said."),
                _ => format!("A spokesman said: \"{q}.\""),
            }
        })
        .collect();
    let narration = sentences(&mut rng, 600);
    let with_quotes = |body: String, quotes: &[String]| format!("{} {body}", quotes.join(" "));
    let source = with_quotes(narration.join(" "), &quotes);
    let c70 = with_quotes(copy_of(&mut rng, &narration, 0.7), &quotes[..2]);
    let c30 = with_quotes(copy_of(&mut rng, &narration, 0.3), &quotes[1..3]);
    let own = sentences(&mut rng, 600).join(" ");
    let independent = with_quotes(own, &quotes[2..]);
    vec![source, c70, c30, independent]
}

#[test]
fn reuse_verdicts_follow_the_copied_share() {
    let texts = copied_corpus();
    let m = matrix_of(&texts, 100);
    assert_eq!(verdict(&m, 0, 1), Verdict::Derived);
    assert_eq!(verdict(&m, 0, 2), Verdict::PartlyDerived);
    assert_eq!(verdict(&m, 0, 3), Verdict::Independent);
    let shares = |a: usize, b: usize| m.top_pair(a, b).map(|t| t.reuse.shares);
    let Some(s70) = shares(0, 1) else {
        panic!("70 % copy is not a top pair")
    };
    assert!((s70.right - 0.7).abs() < 0.1, "{s70:?}");
    let Some(s30) = shares(0, 2) else {
        panic!("30 % copy is not a top pair")
    };
    assert!((s30.right - 0.3).abs() < 0.1, "{s30:?}");
    // Evidence passages index real, identical text on both sides.
    let Some(top) = m.top_pair(0, 1) else {
        panic!("no top pair")
    };
    assert!(!top.reuse.passages.is_empty());
    for p in &top.reuse.passages {
        assert!(p.words >= REUSE_MIN_WORDS);
        assert_eq!(
            texts[0][p.spans.left.clone()],
            texts[1][p.spans.right.clone()]
        );
    }
    // The same verdict for the independent pair from the pair function itself.
    let docs = Pair::new(&texts[0], &texts[3]).map(|t| Document::new(t, &MatchOptions::default()));
    let r = reuse(docs.as_ref(), REUSE_MIN_WORDS);
    assert_eq!(r.verdict, Verdict::Independent, "{:?}", r.shares);
}

#[test]
fn minhash_agrees_with_exact_jaccard() {
    // More articles than the least signature cap (256), so that the features most
    // of the corpus carries are left out of the signatures.
    let texts = families(11, 300, 200);
    let exact = matrix_of(&texts, usize::MAX);
    let approx = matrix_of(&texts, 10);
    assert_eq!(exact.method, Method::Exact);
    assert_eq!(approx.method, Method::MinHash);
    // Every proposed pair is scored exactly ...
    for p in &approx.pairs {
        assert!((p.similarity - exact.similarity(p.left, p.right)).abs() < 1e-12);
    }
    // ... no pair of similarity ≥ 0.5 is missed, and at most 1 % of those from 0.3
    // (lower ones may be).
    let found = |p: &&PairScore| (approx.similarity(p.left, p.right) - p.similarity).abs() < 1e-12;
    for p in exact.pairs.iter().filter(|p| p.similarity >= 0.5) {
        assert!(found(&p), "missed {p:?}");
    }
    let from_03: Vec<&PairScore> = exact.pairs.iter().filter(|p| p.similarity >= 0.3).collect();
    let missed = from_03.iter().filter(|p| !found(p)).count();
    assert!(
        from_03.len() > 100 && missed * 100 <= from_03.len(),
        "{missed} of {}",
        from_03.len()
    );
    // The top pairs above the guaranteed range are the same.
    let strong = |m: &Matrix| -> Vec<(usize, usize)> {
        m.top
            .iter()
            .filter(|t| t.score.similarity >= 0.3)
            .map(|t| (t.score.left, t.score.right))
            .collect()
    };
    assert_eq!(strong(&exact), strong(&approx));
}

fn fixture_report() -> MatrixReport {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/matrix");
    let corpus = load_paths(&[dir], &LoadOptions::default()).expect("fixture corpus loads");
    build(&corpus, MatchOptions::default(), false)
}

#[test]
fn fixture_verdicts() {
    let report = fixture_report();
    let outlet = |i: usize| report.articles[i - 1].outlet.as_str();
    let verdict_of = |a: &str, b: &str| {
        report
            .top_pairs
            .iter()
            .find(|p| {
                let pair = [outlet(p.left), outlet(p.right)];
                pair.contains(&a) && pair.contains(&b)
            })
            .map_or(Verdict::Independent, |p| p.reuse.verdict)
    };
    assert_eq!(verdict_of("Northwire", "Harbour Gazette"), Verdict::Derived);
    assert_eq!(
        verdict_of("Northwire", "The Coastal Times"),
        Verdict::PartlyDerived
    );
    assert_eq!(
        verdict_of("Northwire", "Valley Radio"),
        Verdict::Independent
    );
}

#[test]
fn snapshot_of_the_fixture_map() {
    let report = fixture_report();
    insta::assert_json_snapshot!("matrix_json", report);
    insta::assert_snapshot!("matrix_plain", plain(&report, Painter::PLAIN, 80));
}

#[test]
fn plain_output_fits_the_width() {
    let report = fixture_report();
    for width in [60, 80] {
        let text = plain(&report, Painter::PLAIN, width);
        for line in text.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= width,
                "{line}"
            );
        }
    }
}

/// The sample's articles share passages only inside quotation marks, which reuse
/// does not count: every pair is independent.
#[test]
fn the_bundled_sample_outlets_are_independent() {
    let corpus = load_paths(&[], &LoadOptions::default()).expect("sample loads");
    let report = build(&corpus, MatchOptions::default(), false);
    assert_eq!(report.articles.len(), corpus.articles.len());
    assert!(
        report
            .top_pairs
            .iter()
            .all(|p| p.reuse.verdict == Verdict::Independent),
        "{:?}",
        report.top_pairs
    );
}

//! Engine benchmarks on synthetic coverage (the `synth` dev crate): loading a folder,
//! analysing one article, comparing one pair, the corpus-wide quote tracker and the
//! similarity map (also on families of copies, its hardest case).
//!
//! `cargo bench --bench engine` runs every size; `cargo test` runs each bench once
//! on a small input only (see `synth::bench_sizes`).

use crosscheck::compare::matrix::{MatrixOptions, similarity_matrix};
use crosscheck::compare::similarity::Profile;
use crosscheck::compare::{CompareOptions, Document, compare, compare_texts, quotes};
use crosscheck::corpus::{Article, LoadOptions, load_paths};
use crosscheck::pair::Pair;
use crosscheck::text::{MatchOptions, tokenize};
use divan::Bencher;
use rayon::prelude::*;
use std::sync::LazyLock;
use synth::prose::families;
use synth::{Synth, bench_sizes, write_articles};

fn main() {
    divan::main();
}

/// Words per side of the compared pairs (1,500 ≈ a long news article).
const PAIR_WORDS: &[usize] = &[1_000, 1_500, 2_000, 5_000, 10_000, 20_000, 50_000];
/// Articles in the generated corpora.
const CORPUS_ARTICLES: &[usize] = &[100, 1_000, 10_000];
/// Words per generated corpus article (the sample's articles have 400–900).
const ARTICLE_WORDS: usize = 600;
/// Articles per story in a generated corpus (outlets covering the same event).
const OUTLETS: usize = 10;
/// Articles in the generated corpora of families.
const FAMILY_ARTICLES: &[usize] = &[1_000, 10_000];
/// Words per article of a family.
const FAMILY_WORDS: usize = 800;
/// Seed of every generated input.
const SEED: u64 = 2025;

static SYNTH: LazyLock<Synth> =
    LazyLock::new(|| Synth::from_sample().expect("the embedded sample loads"));

fn corpus_texts(articles: usize) -> Vec<String> {
    SYNTH.corpus(SEED, articles, ARTICLE_WORDS, OUTLETS)
}

/// Load, clean and tokenize a folder of `articles` files (files written beforehand).
#[divan::bench(args = bench_sizes(20, &[100, 1_000]), sample_count = 20)]
fn load_folder(bencher: Bencher, articles: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_articles(dir.path(), &corpus_texts(articles)).expect("write articles");
    let paths = [dir.path().to_path_buf()];
    let options = LoadOptions::default();
    bencher.bench(|| {
        let corpus = load_paths(&paths, &options).expect("corpus loads");
        let words: usize = corpus.articles.iter().map(Article::word_count).sum();
        (corpus, words)
    });
}

/// Analyse both texts and compare them (diff + passages + quotes): what a user waits for.
#[divan::bench(args = bench_sizes(300, PAIR_WORDS), sample_count = 20)]
fn compare_pair(bencher: Bencher, words: usize) {
    let texts = SYNTH.pair(SEED, words);
    let options = CompareOptions::default();
    bencher.bench(|| {
        let docs = texts.as_ref().map(|t| Document::new(t, &options.matching));
        compare(docs.as_ref(), &options)
    });
}

/// The kinds of pair of issue 16's table (`synth::news`, as `scripts/bench-pairs.py`
/// writes them): real prose rewritten in a fifth of its sentences, and the sample's
/// sentences drawn again and again.
#[derive(Debug, Clone, Copy)]
enum News {
    Prose(usize),
    Repetitive(usize),
}

impl std::fmt::Display for News {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            News::Prose(words) => write!(f, "prose {words}"),
            News::Repetitive(words) => write!(f, "repetitive {words}"),
        }
    }
}

/// Issue 16's pairs, or a small real-prose pair under `cargo test`.
fn news_pairs() -> Vec<News> {
    if synth::bench_mode() {
        vec![
            News::Prose(1_500),
            News::Prose(50_000),
            News::Repetitive(50_000),
        ]
    } else {
        vec![News::Prose(300)]
    }
}

/// Analyse and compare a pair of issue 16's kinds (the engine part of
/// `crosscheck compare A B`, without loading, cleaning or the report).
#[divan::bench(args = news_pairs(), sample_count = 10)]
fn compare_news(bencher: Bencher, pair: News) {
    let texts = match pair {
        News::Prose(words) => synth::news::pair(SEED, words),
        News::Repetitive(words) => synth::news::repetitive_pair(&SYNTH, SEED, words),
    };
    let options = CompareOptions::default();
    bencher.bench(|| compare_texts(texts.as_ref().map(String::as_str), &options));
}

/// Analysing one article: tokens, sentences and quotes with speakers (`Document::new`).
#[divan::bench(args = bench_sizes(ARTICLE_WORDS, &[ARTICLE_WORDS, 1_500, 50_000]), sample_count = 20)]
fn analyse_article(bencher: Bencher, words: usize) {
    let text = SYNTH.article(SEED, words);
    let matching = MatchOptions::default();
    bencher.bench(|| Document::new(&text, &matching));
}

/// Only the comparison, texts already analysed (tokens, sentences, quotes).
#[divan::bench(args = bench_sizes(300, &[1_500, 10_000, 50_000]), sample_count = 20)]
fn compare_analysed(bencher: Bencher, words: usize) {
    let texts = SYNTH.pair(SEED, words);
    let options = CompareOptions::default();
    let docs: Pair<Document<'_>> = texts.as_ref().map(|t| Document::new(t, &options.matching));
    bencher.bench(|| compare(docs.as_ref(), &options));
}

/// Analysing every article of a corpus (the first step of the quote tracker), on
/// all cores as the corpus commands do.
#[divan::bench(args = bench_sizes(20, CORPUS_ARTICLES), sample_count = 5)]
fn corpus_analyse(bencher: Bencher, articles: usize) {
    let texts = corpus_texts(articles);
    let matching = MatchOptions::default();
    bencher.bench(|| analyse(&texts, matching));
}

fn analyse(texts: &[String], matching: MatchOptions) -> Vec<Document<'_>> {
    texts
        .par_iter()
        .map(|t| Document::new(t, &matching))
        .collect()
}

/// The "quote tracker + matrix" budget end to end: analyse every article,
/// group the quotes, and build the similarity map.
#[divan::bench(args = bench_sizes(20, CORPUS_ARTICLES), sample_count = 3)]
fn tracker_and_matrix(bencher: Bencher, articles: usize) {
    let texts = corpus_texts(articles);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let matching = MatchOptions::default();
    let options = MatrixOptions::default();
    bencher.bench(|| {
        let docs = analyse(&texts, matching);
        let groups = quotes::groups(&docs);
        (groups, similarity_matrix(&refs, &options, |_, _| {}))
    });
}

/// Grouping the quotes of an analysed corpus across articles.
#[divan::bench(args = bench_sizes(20, CORPUS_ARTICLES), sample_count = 5)]
fn quote_groups(bencher: Bencher, articles: usize) {
    let texts = corpus_texts(articles);
    let matching = MatchOptions::default();
    let docs = analyse(&texts, matching);
    bencher.bench(|| quotes::groups(&docs));
}

/// The similarity map of a corpus: profiles, all pairs (MinHash/LSH candidates
/// above `matrix::EXACT_LIMIT` articles) and wire-copy analysis of the top pairs.
#[divan::bench(args = bench_sizes(20, CORPUS_ARTICLES), sample_count = 5)]
fn matrix(bencher: Bencher, articles: usize) {
    let texts = corpus_texts(articles);
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let options = MatrixOptions::default();
    bencher.bench(|| similarity_matrix(&texts, &options, |_, _| {}));
}

/// The similarity map of families of articles (a base and copies of 95, 70 and 40 %
/// of its sentences, `synth::prose::families`): many similar pairs to score and
/// analyse for reuse.
#[divan::bench(args = bench_sizes(20, FAMILY_ARTICLES), sample_count = 3)]
fn matrix_of_families(bencher: Bencher, articles: usize) {
    let texts = families(SEED, articles, FAMILY_WORDS);
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let options = MatrixOptions::default();
    bencher.bench(|| similarity_matrix(&texts, &options, |_, _| {}));
}

/// Only the first step of the map: every article's similarity profile, on all cores.
#[divan::bench(args = bench_sizes(20, FAMILY_ARTICLES), sample_count = 5)]
fn profile_families(bencher: Bencher, articles: usize) {
    let texts = families(SEED, articles, FAMILY_WORDS);
    bencher.bench(|| {
        texts
            .par_iter()
            .map(|t| Profile::of_tokens(t, &tokenize(t)))
            .collect::<Vec<_>>()
    });
}

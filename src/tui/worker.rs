//! Comparisons and corpus analyses off the input thread: a worker thread runs the
//! comparisons in request order, another the analyses, and both send them back;
//! the app caches them. The comparing thread keeps the documents it analysed, so
//! an article is analysed once per match options, not once per comparison it takes
//! part in.

use super::analysis::{AnalysisJob, AnalysisKey, Findings};
use super::articles::ArticleId;
use super::counterparts::Counterparts;
use crate::compare::{CompareOptions, Comparison, DiffTag, Document, compare};
use crate::pair::Pair;
use crate::text::MatchOptions;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Which comparison: the two articles (left, right) and the ignore preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PairKey {
    /// The left and right articles.
    pub articles: Pair<ArticleId>,
    /// Index into the app's ignore presets.
    pub ignore: usize,
}

impl PairKey {
    /// The same comparison seen from the other side.
    #[must_use]
    pub fn swapped(self) -> Self {
        Self {
            articles: self.articles.swapped(),
            ignore: self.ignore,
        }
    }
}

/// A comparison to compute.
#[derive(Debug, Clone)]
pub struct Job {
    /// What it is for.
    pub key: PairKey,
    /// The two clean texts, shared with the app.
    pub texts: Pair<Arc<str>>,
    /// How to compare them.
    pub options: CompareOptions,
}

impl Job {
    /// Compares the job's texts, analysed afresh.
    #[must_use]
    pub fn run(&self) -> Computed {
        Computed::compute(self.texts.as_ref().map(AsRef::as_ref), &self.options)
    }
}

self_cell::self_cell!(
    /// An article's clean text with its analysis, which borrows the text.
    struct Analysed {
        owner: Arc<str>,
        #[covariant]
        dependent: Document,
    }
    impl {Debug}
);

/// Documents kept for reuse.
const DOCUMENTS_KEPT: usize = 32;

/// The documents the worker analysed, one per article and match options, the most
/// recently used kept.
#[derive(Debug, Default)]
pub struct Documents {
    kept: Vec<Kept>,
    clock: u64,
    analysed: usize,
}

#[derive(Debug)]
struct Kept {
    article: ArticleId,
    matching: MatchOptions,
    document: Arc<Analysed>,
    used: u64,
}

impl Documents {
    /// Compares the job's texts, analysing only the articles not kept yet.
    pub fn compute(&mut self, job: &Job) -> Computed {
        let docs = self.documents(job);
        Computed::of(docs.as_ref().map(|d| d.borrow_dependent()), &job.options)
    }

    /// How many documents were analysed so far.
    #[must_use]
    pub fn analysed(&self) -> usize {
        self.analysed
    }

    /// The job's two documents: kept ones reused, missing ones analysed (both at once).
    fn documents(&mut self, job: &Job) -> Pair<Arc<Analysed>> {
        let matching = job.options.matching;
        let (ids, texts) = (job.key.articles, &job.texts);
        let analyse = |text: &Arc<str>| {
            Arc::new(Analysed::new(Arc::clone(text), |t| {
                Document::new(t, &matching)
            }))
        };
        let same = ids.left == ids.right && Arc::ptr_eq(&texts.left, &texts.right);
        let found = (
            self.find(ids.left, matching, &texts.left),
            self.find(ids.right, matching, &texts.right),
        );
        let (left, right, fresh) = match found {
            (Some(left), Some(right)) => (left, right, 0),
            (Some(left), None) => (left, analyse(&texts.right), 1),
            (None, Some(right)) => (analyse(&texts.left), right, 1),
            (None, None) if same => {
                let doc = analyse(&texts.left);
                (Arc::clone(&doc), doc, 1)
            }
            (None, None) => {
                let (left, right) = rayon::join(|| analyse(&texts.left), || analyse(&texts.right));
                (left, right, 2)
            }
        };
        self.analysed += fresh;
        self.keep(ids.left, matching, &left);
        self.keep(ids.right, matching, &right);
        Pair::new(left, right)
    }

    /// The kept document of `article` under `matching`, if it was analysed from `text`.
    fn find(
        &mut self,
        article: ArticleId,
        matching: MatchOptions,
        text: &Arc<str>,
    ) -> Option<Arc<Analysed>> {
        self.clock += 1;
        let kept = self.kept.iter_mut().find(|k| {
            k.article == article
                && k.matching == matching
                && Arc::ptr_eq(k.document.borrow_owner(), text)
        })?;
        kept.used = self.clock;
        Some(Arc::clone(&kept.document))
    }

    /// Keeps `document` for `article` under `matching`, in place of an older analysis
    /// of it or, when full, of the least recently used.
    fn keep(&mut self, article: ArticleId, matching: MatchOptions, document: &Arc<Analysed>) {
        self.clock += 1;
        if let Some(kept) = self
            .kept
            .iter_mut()
            .find(|k| k.article == article && k.matching == matching)
        {
            kept.document = Arc::clone(document);
            kept.used = self.clock;
            return;
        }
        if self.kept.len() >= DOCUMENTS_KEPT
            && let Some(oldest) = (0..self.kept.len()).min_by_key(|&i| self.kept[i].used)
        {
            self.kept.swap_remove(oldest);
        }
        self.kept.push(Kept {
            article,
            matching,
            document: Arc::clone(document),
            used: self.clock,
        });
    }
}

/// A finished comparison with what the reader derives from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// The engine's result.
    pub comparison: Comparison,
    /// Words only in the left and only in the right article.
    pub changed_words: Pair<usize>,
    /// What faces what across the pair, and its changes.
    pub counterparts: Counterparts,
}

impl Computed {
    /// A comparison of `texts` with its word counts, and the counterparts read from it.
    #[must_use]
    pub fn new(comparison: Comparison, changed_words: Pair<usize>, texts: Pair<&str>) -> Self {
        Self {
            counterparts: Counterparts::new(&comparison, texts),
            comparison,
            changed_words,
        }
    }

    /// Compares two clean texts (both analysed at once).
    #[must_use]
    pub fn compute(texts: Pair<&str>, options: &CompareOptions) -> Self {
        let parallel = texts.worth_two_threads(|t| t.len());
        let docs = texts.par_map(parallel, |t| Document::new(t, &options.matching));
        Self::of(docs.as_ref(), options)
    }

    /// Compares two analysed texts.
    #[must_use]
    pub fn of(docs: Pair<&Document<'_>>, options: &CompareOptions) -> Self {
        let comparison = compare(docs, options);
        let changed_words = comparison.changed_words(docs);
        Self::new(comparison, changed_words, docs.map(|d| d.text))
    }

    /// The same result for the swapped pair.
    #[must_use]
    pub fn mirrored(&self) -> Self {
        Self {
            comparison: mirror(&self.comparison),
            changed_words: self.changed_words.swapped(),
            counterparts: self.counterparts.mirrored(),
        }
    }
}

/// Work a background thread finished.
#[derive(Debug)]
pub enum Done {
    /// A pair comparison.
    Pair(PairKey, Computed),
    /// A corpus analysis.
    Analysis(AnalysisKey, Findings),
}

/// Handle to the background threads: one compares pairs, one runs corpus analyses
/// (stories, facts, map, tracker), so a long analysis never holds up the pair on
/// screen, nor the thousands of pairs queued on a large folder the stories.
#[derive(Debug)]
pub struct Worker {
    pairs: Sender<Job>,
    analyses: Sender<AnalysisJob>,
    results: Receiver<Done>,
}

impl Worker {
    /// Starts the threads; they end when the handle is dropped.
    #[must_use]
    pub fn spawn() -> Self {
        let (pairs, pair_rx) = channel::<Job>();
        let (analyses, analysis_rx) = channel::<AnalysisJob>();
        let (result_tx, results) = channel();
        let analysis_tx = result_tx.clone();
        std::thread::spawn(move || {
            let mut documents = Documents::default();
            for job in pair_rx {
                let done = Done::Pair(job.key, documents.compute(&job));
                if result_tx.send(done).is_err() {
                    break;
                }
            }
        });
        std::thread::spawn(move || {
            for job in analysis_rx {
                if analysis_tx
                    .send(Done::Analysis(job.key, job.run()))
                    .is_err()
                {
                    break;
                }
            }
        });
        Self {
            pairs,
            analyses,
            results,
        }
    }

    /// Queues a comparison.
    pub fn submit(&self, job: Job) {
        // The threads only stop when this handle is dropped, so sending cannot fail here.
        let _ = self.pairs.send(job);
    }

    /// Queues a corpus analysis.
    pub fn submit_analysis(&self, job: AnalysisJob) {
        let _ = self.analyses.send(job);
    }

    /// Finished work, if any is ready.
    #[must_use]
    pub fn try_recv(&self) -> Option<Done> {
        self.results.try_recv().ok()
    }
}

/// The comparison of (b, a) from that of (a, b): sides exchanged, deletes and inserts swapped.
#[must_use]
pub fn mirror(comparison: &Comparison) -> Comparison {
    let mut out = comparison.clone();
    for op in &mut out.diff {
        op.spans = op.spans.clone().swapped();
        op.tag = match op.tag {
            DiffTag::Delete => DiffTag::Insert,
            DiffTag::Insert => DiffTag::Delete,
            tag @ (DiffTag::Equal | DiffTag::Near) => tag,
        };
        if let Some(near) = &mut op.near {
            near.emphasis = near.emphasis.clone().swapped();
        }
    }
    for pair in &mut out.alignment {
        std::mem::swap(&mut pair.left, &mut pair.right);
    }
    for passage in &mut out.passages {
        passage.spans = passage.spans.clone().swapped();
    }
    for quote in &mut out.shared_quotes {
        quote.spans = quote.spans.clone().swapped();
        quote.quoted = quote.quoted.swapped();
        quote.speakers = quote.speakers.clone().swapped();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_computes_in_the_background() {
        let worker = Worker::spawn();
        let key = PairKey {
            articles: Pair::new(ArticleId::NONE, ArticleId::NONE),
            ignore: 0,
        };
        worker.submit(Job {
            key,
            texts: Pair::new("a b c d".into(), "a b x d".into()),
            options: CompareOptions::default(),
        });
        let mut result = None;
        for _ in 0..1000 {
            result = worker.try_recv();
            if result.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let Some(Done::Pair(got, computed)) = result else {
            panic!("worker answered with a comparison");
        };
        assert_eq!(got, key);
        assert!(
            computed
                .comparison
                .diff
                .iter()
                .any(|op| op.tag == DiffTag::Delete)
        );
        assert_eq!(computed.changed_words, Pair::new(1, 1));
    }

    /// Four articles of one story and their ids.
    fn articles() -> (crate::tui::articles::Articles, Vec<ArticleId>) {
        let texts = [
            "The council voted to close the bridge on Monday.",
            "On Monday the council voted to shut the bridge.",
            "The bridge will close, the council decided on Monday.",
            "Council members voted on Monday: the bridge closes.",
        ];
        let articles = crate::tui::articles::Articles::of_texts(&texts);
        let ids = articles.ids().collect();
        (articles, ids)
    }

    #[test]
    fn kept_documents_are_analysed_once_and_compare_as_fresh_ones() {
        let (articles, ids) = articles();
        let text = |id: ArticleId| Arc::clone(&articles.get(id).unwrap().text);
        let job = |left: ArticleId, right: ArticleId, options: CompareOptions| Job {
            key: PairKey {
                articles: Pair::new(left, right),
                ignore: 0,
            },
            texts: Pair::new(text(left), text(right)),
            options,
        };
        let mut documents = Documents::default();
        let options = CompareOptions::default();
        for &other in &ids[1..] {
            let job = job(ids[0], other, options);
            assert_eq!(documents.compute(&job), job.run());
        }
        assert_eq!(documents.analysed(), 4, "the left article is analysed once");
        let swapped = job(ids[2], ids[0], options);
        assert_eq!(documents.compute(&swapped), swapped.run());
        assert_eq!(documents.analysed(), 4, "both sides were kept");
        let strict = CompareOptions {
            matching: crate::text::MatchOptions::STRICT,
            ..options
        };
        documents.compute(&job(ids[0], ids[1], strict));
        assert_eq!(
            documents.analysed(),
            6,
            "other match options, other documents"
        );
    }

    #[test]
    fn a_new_text_of_an_article_is_analysed_again() {
        let (articles, ids) = articles();
        let options = CompareOptions::default();
        let key = PairKey {
            articles: Pair::new(ids[0], ids[1]),
            ignore: 0,
        };
        let texts = Pair::new(
            Arc::clone(&articles.get(ids[0]).unwrap().text),
            Arc::clone(&articles.get(ids[1]).unwrap().text),
        );
        let mut documents = Documents::default();
        documents.compute(&Job {
            key,
            texts: texts.clone(),
            options,
        });
        let edited = Job {
            key,
            texts: Pair::new(texts.left, Arc::from("The council kept the bridge open.")),
            options,
        };
        assert_eq!(documents.compute(&edited), edited.run());
        assert_eq!(documents.analysed(), 3);
    }

    #[test]
    fn mirror_swaps_sides_and_tags() {
        use crate::pair::Side;
        use crate::present::layers::comparison_layers;
        let options = CompareOptions::default();
        let c = Computed::compute(Pair::new("a b c", "a x c"), &options).comparison;
        let m = mirror(&c);
        let back = Computed::compute(Pair::new("a x c", "a b c"), &options).comparison;
        for side in Side::BOTH {
            assert_eq!(comparison_layers(&m, side), comparison_layers(&back, side));
        }
        assert_eq!(mirror(&m), c);
    }
}

//! Comparisons and corpus analyses off the input thread: a worker thread runs
//! them in request order and sends them back; the app caches them.

use super::analysis::{AnalysisJob, AnalysisKey, Findings};
use super::articles::ArticleId;
use crate::compare::{CompareOptions, Comparison, DiffTag, Document, compare};
use crate::pair::Pair;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Which comparison: the two articles (left, right) and the ignore preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairKey {
    /// The left and right articles.
    pub articles: Pair<ArticleId>,
    /// Index into the app's ignore presets.
    pub ignore: usize,
}

impl std::hash::Hash for PairKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.articles.left, self.articles.right, self.ignore).hash(state);
    }
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
    /// Compares the job's texts.
    #[must_use]
    pub fn run(&self) -> Computed {
        Computed::compute(self.texts.as_ref().map(AsRef::as_ref), &self.options)
    }
}

/// A finished comparison with the counts the reader shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// The engine's result.
    pub comparison: Comparison,
    /// Words only in the left and only in the right article.
    pub changed_words: Pair<usize>,
}

impl Computed {
    /// Compares two clean texts.
    #[must_use]
    pub fn compute(texts: Pair<&str>, options: &CompareOptions) -> Self {
        let docs = texts.par_map(|t| Document::new(t, &options.matching));
        let comparison = compare(docs.as_ref(), options);
        let changed_words = comparison.changed_words(docs.as_ref());
        Self {
            comparison,
            changed_words,
        }
    }

    /// The same result for the swapped pair.
    #[must_use]
    pub fn mirrored(&self) -> Self {
        Self {
            comparison: mirror(&self.comparison),
            changed_words: self.changed_words.swapped(),
        }
    }
}

/// Work for the background thread.
#[derive(Debug)]
enum Task {
    Pair(Job),
    Analysis(AnalysisJob),
}

/// Work the background thread finished.
#[derive(Debug)]
pub enum Done {
    /// A pair comparison.
    Pair(PairKey, Computed),
    /// A corpus analysis.
    Analysis(AnalysisKey, Findings),
}

/// Handle to the background thread.
#[derive(Debug)]
pub struct Worker {
    tasks: Sender<Task>,
    results: Receiver<Done>,
}

impl Worker {
    /// Starts the thread; it ends when the handle is dropped.
    #[must_use]
    pub fn spawn() -> Self {
        let (tasks, task_rx) = channel::<Task>();
        let (result_tx, results) = channel();
        std::thread::spawn(move || {
            for task in task_rx {
                let done = match task {
                    Task::Pair(job) => Done::Pair(job.key, job.run()),
                    Task::Analysis(job) => Done::Analysis(job.key, job.run()),
                };
                if result_tx.send(done).is_err() {
                    break;
                }
            }
        });
        Self { tasks, results }
    }

    /// Queues a comparison.
    pub fn submit(&self, job: Job) {
        // The thread only stops when this handle is dropped, so sending cannot fail here.
        let _ = self.tasks.send(Task::Pair(job));
    }

    /// Queues a corpus analysis.
    pub fn submit_analysis(&self, job: AnalysisJob) {
        let _ = self.tasks.send(Task::Analysis(job));
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
            DiffTag::Equal => DiffTag::Equal,
        };
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

    #[test]
    fn mirror_swaps_sides_and_tags() {
        use crate::pair::Side;
        use crate::tui::marks::comparison_layers;
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

//! Loading the files on a thread while the reader runs: articles arrive in batches,
//! in load order (the order and ids `crosscheck list` gives them), then the end.
//! Each file read (and the `sources.toml` beside it) is registered with the live
//! folder's watch as it is read, so the watch (started before loading) takes
//! loading's reads for what they are, and knows the file when it changes or goes.

use super::watch::{Known, file_of};
use crate::corpus::{Article, LoadOptions, Skipped, stream_paths};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Most articles sent at once.
const BATCH: usize = 256;
/// Longest wait before what was loaded is sent.
const FLUSH: Duration = Duration::from_millis(50);

/// What the loading thread reports.
#[derive(Debug)]
pub enum Loaded {
    /// More articles, in load order.
    Articles(Vec<Article>),
    /// Loading ended: the files skipped, or why nothing could be loaded.
    Done(crate::Result<Vec<Skipped>>),
}

/// Starts loading `paths` on a thread, registering each file read in `known`; its
/// reports arrive on the receiver.
#[must_use]
pub fn spawn(paths: Vec<PathBuf>, options: LoadOptions, known: Option<Known>) -> Receiver<Loaded> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut batch = Batch {
            tx: &tx,
            articles: Vec::new(),
            since: Instant::now(),
        };
        let mut folders = std::collections::HashSet::new();
        let result = stream_paths(&paths, &options, &mut |article| {
            if let Some(known) = &known {
                let file = file_of(&article.source);
                known.insert(file);
                // The metadata beside it was read too (once per folder).
                let folder = std::path::Path::new(file)
                    .parent()
                    .map(std::path::Path::to_path_buf);
                if let Some(folder) = folder.filter(|f| folders.insert(f.clone())) {
                    let manifest = folder.join(crate::corpus::load::MANIFEST_NAME);
                    known.note_read(&manifest.display().to_string());
                }
            }
            batch.push(article);
        });
        batch.flush();
        let _ = tx.send(Loaded::Done(result));
    });
    rx
}

/// Articles loaded but not sent yet.
struct Batch<'a> {
    tx: &'a Sender<Loaded>,
    articles: Vec<Article>,
    since: Instant,
}

impl Batch<'_> {
    fn push(&mut self, article: Article) {
        self.articles.push(article);
        if self.articles.len() >= BATCH || self.since.elapsed() >= FLUSH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.articles.is_empty() {
            let _ = self
                .tx
                .send(Loaded::Articles(std::mem::take(&mut self.articles)));
        }
        self.since = Instant::now();
    }
}

//! The live folder: files added, changed or removed under the paths the reader was
//! opened on become [`Change`]s. notify's events are debounced, then read on a
//! thread of this module's own, so the input thread never waits for the disk; the
//! app turns each change into sidebar updates, new comparisons and a status line.
//!
//! A file that cannot be read yet (a page still being written) is read again a few
//! times, later each time, before it is reported as skipped. Files crosscheck wrote
//! (its cache folder, paths registered in [`Written`]) are passed over.

mod known;
mod paths;

pub use known::Known;
pub use paths::Roots;

use crate::corpus::{Article, LoadOptions, Skipped, load_file};
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Quiet time after a file's last event before it is read.
const DEBOUNCE: Duration = Duration::from_millis(200);
/// Reads of a file that keeps failing before it is reported as skipped.
const ATTEMPTS: u32 = 5;
/// Wait before the first read again; doubled for each later one.
const RETRY: Duration = Duration::from_millis(250);

/// What changed on disk, as the app applies it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A file new to the reader, or changed: all its articles (none when it no
    /// longer holds any) and what in it was skipped.
    Read {
        /// The file, named as loading names it (an article's `source`, less `#N`).
        path: String,
        /// Its articles, in file order.
        articles: Vec<Article>,
        /// Its parts that could not be read.
        skipped: Vec<Skipped>,
    },
    /// A file that is gone.
    Removed {
        /// The file, named as loading names it.
        path: String,
    },
    /// Watching itself failed (a folder became unreadable): one line.
    Trouble(String),
}

/// Files crosscheck writes itself while the reader runs (an export, a report), so
/// their events are not taken for new articles. Register a path before writing it.
#[derive(Debug, Clone, Default)]
pub struct Written(Arc<Mutex<HashSet<PathBuf>>>);

impl Written {
    /// Marks `path` as written by crosscheck.
    pub fn insert(&self, path: &Path) {
        let mut set = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        set.insert(paths::absolute(path));
    }

    /// Whether `path` (absolute) was written by crosscheck.
    #[must_use]
    pub fn contains(&self, path: &Path) -> bool {
        let set = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        set.contains(path)
    }
}

/// A running watch; dropping it stops watching.
pub struct Watch {
    changes: Receiver<Change>,
    written: Written,
    known: Known,
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch").finish_non_exhaustive()
    }
}

impl Watch {
    /// Watches `roots` (folders recursively, named files through their folder);
    /// `sources` are the files the reader already shows (articles' `source`s).
    ///
    /// # Errors
    /// One line when the platform's watcher cannot start or a root cannot be watched.
    pub fn start(
        roots: Roots,
        sources: impl IntoIterator<Item = String>,
        load: LoadOptions,
    ) -> Result<Self, String> {
        let (events_tx, events) = channel::<DebounceEventResult>();
        let mut debouncer = new_debouncer(DEBOUNCE, events_tx)
            .map_err(|e| format!("cannot watch the folder: {e}"))?;
        for (path, recursive) in roots.watched() {
            let mode = if recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            debouncer
                .watcher()
                .watch(&path, mode)
                .map_err(|e| format!("cannot watch '{}': {e}", path.display()))?;
        }
        let written = Written::default();
        let (changes_tx, changes) = channel();
        let files = Files::new(roots, sources, load, written.clone());
        let known = files.known.clone();
        std::thread::Builder::new()
            .name("crosscheck watch".into())
            .spawn(move || files.run(&events, &changes_tx))
            .map_err(|e| format!("cannot watch the folder: {e}"))?;
        Ok(Self {
            changes,
            written,
            known,
            _debouncer: debouncer,
        })
    }

    /// A change, if one is ready.
    #[must_use]
    pub fn try_recv(&self) -> Option<Change> {
        self.changes.try_recv().ok()
    }

    /// Where the files the reader shows are registered (by the loading thread).
    #[must_use]
    pub fn known(&self) -> &Known {
        &self.known
    }

    /// Where to register files crosscheck writes.
    #[must_use]
    pub fn written(&self) -> &Written {
        &self.written
    }
}

/// A file waiting to be read: how often it failed, and when to read it.
#[derive(Debug, Clone, Copy)]
struct Pending {
    failures: u32,
    due: Instant,
}

/// What the watch thread knows: the roots, the files the reader shows, files
/// waiting to be read.
struct Files {
    roots: Roots,
    known: Known,
    pending: HashMap<String, Pending>,
    load: LoadOptions,
    written: Written,
}

impl Files {
    fn new(
        roots: Roots,
        sources: impl IntoIterator<Item = String>,
        load: LoadOptions,
        written: Written,
    ) -> Self {
        let known = Known::default();
        for source in sources {
            known.insert(file_of(&source));
        }
        Self {
            roots,
            known,
            pending: HashMap::new(),
            load,
            written,
        }
    }

    /// Turns debounced events into changes until either channel closes.
    fn run(mut self, events: &Receiver<DebounceEventResult>, changes: &Sender<Change>) {
        loop {
            let now = Instant::now();
            let received = match self.pending.values().map(|p| p.due).min() {
                Some(due) => events.recv_timeout(due.saturating_duration_since(now)),
                None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            let mut out = Vec::new();
            match received {
                Ok(Ok(batch)) => {
                    let paths: Vec<PathBuf> = batch.into_iter().map(|e| e.path).collect();
                    out.extend(self.saw(&paths, Instant::now()));
                }
                Ok(Err(error)) => out.push(Change::Trouble(format!("watching stopped: {error}"))),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            out.extend(self.read_due(Instant::now()));
            for change in out {
                if changes.send(change).is_err() {
                    return;
                }
            }
        }
    }

    /// Notes events on `events` (absolute paths): files to read, files gone.
    fn saw(&mut self, events: &[PathBuf], now: Instant) -> Vec<Change> {
        let mut removed = Vec::new();
        for event in events {
            if self.crosscheck_wrote(event) {
                continue;
            }
            for path in self.roots.files_at(event) {
                let name = path.display().to_string();
                if path.is_file() && self.known.unchanged(&name) {
                    // Opened, not changed (by loading, by this watch, by any reader).
                } else if path.is_file() {
                    let due = now;
                    self.pending.insert(name, Pending { failures: 0, due });
                } else if !path.exists() {
                    removed.push(name);
                }
            }
            if !event.exists() {
                // A folder removed: every known file under it is gone too.
                let under = self.roots.named(event).map(|p| p.display().to_string());
                removed.extend(under.into_iter().flat_map(|dir| {
                    let prefix = format!("{dir}{}", std::path::MAIN_SEPARATOR);
                    self.known.filtered(|k| k.starts_with(&prefix))
                }));
            }
            if event
                .file_name()
                .is_some_and(|n| n == crate::corpus::load::MANIFEST_NAME)
                && let Some(manifest) = self.roots.named(event)
                && !self.known.unchanged(&manifest.display().to_string())
                && let Some(dir) = manifest.parent().map(Path::to_path_buf)
            {
                self.known.note_read(&manifest.display().to_string());
                // New metadata: every file beside it is read again.
                let prefix = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
                let beside = self.known.filtered(|k| {
                    k.strip_prefix(&prefix)
                        .is_some_and(|rest| !rest.contains(std::path::MAIN_SEPARATOR))
                });
                for name in beside {
                    self.pending.insert(
                        name,
                        Pending {
                            failures: 0,
                            due: now,
                        },
                    );
                }
            }
        }
        removed.sort();
        removed.dedup();
        removed
            .into_iter()
            .filter(|name| {
                self.pending.remove(name);
                self.known.remove(name)
            })
            .map(|path| Change::Removed { path })
            .collect()
    }

    /// Reads the files that are due: a file that fails is read again later, up to
    /// [`ATTEMPTS`] times, then reported with what was skipped.
    fn read_due(&mut self, now: Instant) -> Vec<Change> {
        let mut due: Vec<String> = self
            .pending
            .iter()
            .filter(|(_, p)| p.due <= now)
            .map(|(name, _)| name.clone())
            .collect();
        due.sort();
        let mut changes = Vec::new();
        for name in due {
            let Some(pending) = self.pending.remove(&name) else {
                continue;
            };
            let path = Path::new(&name);
            if !path.is_file() {
                if self.known.remove(&name) {
                    changes.push(Change::Removed { path: name });
                }
                continue;
            }
            self.known.note_read(&name);
            let corpus = load_file(path, &self.load);
            let failures = pending.failures + 1;
            if !corpus.skipped.is_empty() && failures < ATTEMPTS {
                let wait = RETRY * 2u32.pow(pending.failures);
                self.pending.insert(
                    name,
                    Pending {
                        failures,
                        due: now + wait,
                    },
                );
                continue;
            }
            if corpus.articles.is_empty() {
                self.known.remove(&name);
            } else {
                self.known.insert(&name);
            }
            changes.push(Change::Read {
                path: name,
                articles: corpus.articles,
                skipped: corpus.skipped,
            });
        }
        changes
    }

    /// Whether crosscheck wrote `path` (its cache or a registered file).
    fn crosscheck_wrote(&self, path: &Path) -> bool {
        self.written.contains(path)
            || self
                .load
                .cache
                .as_ref()
                .is_some_and(|cache| paths::is_under(path, cache.root()))
    }
}

/// The file an article's `source` names: `feed.json#3` → `feed.json`.
#[must_use]
pub fn file_of(source: &str) -> &str {
    match source.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => source,
    }
}

#[cfg(test)]
mod tests;

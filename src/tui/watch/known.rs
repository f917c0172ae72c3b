//! What the watch knows of the files: which ones the reader shows, and the size
//! and modification time of each file last read (articles, skipped files,
//! `sources.toml`). An event on a file whose stamp has not moved is only an open
//! (by loading, by the watch's own read, by any other program) and is passed over;
//! without that, every read would be seen as a change and read again, forever.
//!
//! Shared: the thread loading the folder registers each file as it reads it, so
//! the watch, started before loading, neither reads the whole folder again nor
//! misses a file removed while the folder still loads.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::SystemTime;

/// A file's size and modification time, as last read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    /// The stamp of `file` now (`None` when it cannot be read).
    fn of(file: &str) -> Option<Self> {
        let metadata = std::fs::metadata(Path::new(file)).ok()?;
        Some(Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

#[derive(Debug, Default)]
struct Inner {
    /// Files whose articles the reader shows, named as loading names them.
    shown: HashSet<String>,
    /// Every file read, with its stamp at the time.
    stamps: HashMap<String, Stamp>,
}

/// The files the reader shows and the stamps of the files read (see the module).
#[derive(Debug, Clone, Default)]
pub struct Known(Arc<Mutex<Inner>>);

impl Known {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Notes `file` (an article's `source` less `#N`: [`super::file_of`]) as shown
    /// and read now.
    pub fn insert(&self, file: &str) {
        let stamp = Stamp::of(file);
        let mut inner = self.lock();
        inner.shown.insert(file.to_string());
        if let Some(stamp) = stamp {
            inner.stamps.insert(file.to_string(), stamp);
        }
    }

    /// Notes that `file` is being read now (shown or not: a skipped file, metadata).
    pub fn note_read(&self, file: &str) {
        if let Some(stamp) = Stamp::of(file) {
            self.lock().stamps.insert(file.to_string(), stamp);
        }
    }

    /// Whether `file` was read before and has not changed since.
    #[must_use]
    pub fn unchanged(&self, file: &str) -> bool {
        let before = self.lock().stamps.get(file).copied();
        before.is_some() && before == Stamp::of(file)
    }

    /// Forgets `file`; whether it was shown.
    pub(super) fn remove(&self, file: &str) -> bool {
        let mut inner = self.lock();
        inner.stamps.remove(file);
        inner.shown.remove(file)
    }

    /// The shown files `keep` accepts.
    pub(super) fn filtered(&self, keep: impl Fn(&str) -> bool) -> Vec<String> {
        let inner = self.lock();
        inner.shown.iter().filter(|k| keep(k)).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_read_is_unchanged_until_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "one").unwrap();
        let name = path.display().to_string();
        let known = Known::default();
        assert!(!known.unchanged(&name), "never read");
        known.insert(&name);
        assert!(known.unchanged(&name));
        let _ = std::fs::read(&path).unwrap();
        assert!(known.unchanged(&name), "reading changes nothing");
        std::fs::write(&path, "two, longer").unwrap();
        assert!(!known.unchanged(&name));
        assert!(known.remove(&name));
        assert!(!known.unchanged(&name), "forgotten");
    }
}

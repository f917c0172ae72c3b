//! crosscheck's cache folder: pages fetched from URLs (`pages/`) and the text
//! extracted from saved pages and feeds (`extracted/`), so a large folder is not
//! re-extracted on every start. The only place crosscheck writes on its own.

use serde::{Serialize, de::DeserializeOwned};
use std::hash::{BuildHasher, Hash};
use std::path::{Path, PathBuf};

/// Folder of fetched pages.
const PAGES: &str = "pages";
/// Folder of extracted text.
const EXTRACTED: &str = "extracted";
/// Longest readable part of a cached page's file name.
const MAX_SLUG_CHARS: usize = 60;

/// A cache folder (created on first write).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    root: PathBuf,
}

/// What `crosscheck cache clear` removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Cleared {
    /// Files removed.
    pub files: usize,
    /// Their total size in bytes.
    pub bytes: u64,
}

impl Cache {
    /// The cache at `root`.
    #[must_use]
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The platform's cache folder for crosscheck (`~/.cache/crosscheck` on Linux).
    #[must_use]
    pub fn platform() -> Option<Self> {
        directories::ProjectDirs::from("", "", "crosscheck").map(|d| Self::new(d.cache_dir()))
    }

    /// The cache folder.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the page fetched from `url` is kept: a readable slug and a hash, `.page`
    /// (its header beside it, `.json`).
    #[must_use]
    pub fn page_path(&self, url: &str) -> PathBuf {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let slug: String = rest
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .take(MAX_SLUG_CHARS)
            .collect();
        let slug = slug.trim_matches(['-', '.']);
        self.root
            .join(PAGES)
            .join(format!("{slug}-{:016x}.page", stable_hash(&url)))
    }

    /// The value stored under `key` in the extraction cache, if any and readable.
    #[must_use]
    pub fn get<K: Hash, V: DeserializeOwned>(&self, key: &K) -> Option<V> {
        let bytes = std::fs::read(self.entry(key)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Stores `value` under `key` in the extraction cache (best effort: a cache that
    /// cannot be written only costs time).
    pub fn put<K: Hash, V: Serialize>(&self, key: &K, value: &V) {
        let path = self.entry(key);
        if let Ok(json) = serde_json::to_vec(value) {
            let _ = write_atomically(&path, &json);
        }
    }

    fn entry<K: Hash>(&self, key: &K) -> PathBuf {
        self.root
            .join(EXTRACTED)
            .join(format!("{:016x}.json", stable_hash(key)))
    }

    /// Removes everything in the cache folder.
    ///
    /// # Errors
    /// The first I/O error met (files removed before it stay removed).
    pub fn clear(&self) -> std::io::Result<Cleared> {
        let mut cleared = Cleared::default();
        for sub in [PAGES, EXTRACTED] {
            let dir = self.root.join(sub);
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            for entry in entries {
                let entry = entry?;
                let size = entry.metadata()?.len();
                std::fs::remove_file(entry.path())?;
                cleared.files += 1;
                cleared.bytes += size;
            }
            std::fs::remove_dir(&dir)?;
        }
        Ok(cleared)
    }
}

/// Writes `bytes` to `path` through a temporary file, so readers never see half a file.
///
/// # Errors
/// Any I/O error creating the folder or writing the file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// A hash that is the same in every run (file names must survive restarts).
fn stable_hash<K: Hash + ?Sized>(key: &K) -> u64 {
    foldhash::fast::FixedState::with_seed(0x0c05_5c4e_c4ca_c4e0).hash_one(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_reads_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().join("c"));
        assert_eq!(cache.get::<_, Vec<String>>(&"k"), None);
        cache.put(&"k", &vec!["v".to_string()]);
        assert_eq!(
            cache.get::<_, Vec<String>>(&"k"),
            Some(vec!["v".to_string()])
        );
        let page = cache.page_path("https://www.herald.example/a?b=1");
        assert!(page.starts_with(dir.path().join("c").join(PAGES)));
        assert!(
            page.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("www.herald.example-a-b-1-")
        );
        write_atomically(&page, b"<html>").unwrap();
        let cleared = cache.clear().unwrap();
        assert_eq!(cleared.files, 2);
        assert_eq!(cache.get::<_, Vec<String>>(&"k"), None);
        assert_eq!(cache.clear().unwrap(), Cleared::default());
    }
}

//! Loading articles from files and folders (or the bundled sample).
//!
//! Folders are walked recursively in sorted order, skipping hidden entries and
//! surviving symlink loops; in folders only `.txt`, `.md`, `.markdown`, `.json` and
//! `.jsonl` files are read (a `sources.toml` is metadata). A file named explicitly is
//! read whatever its extension. Every file that cannot be used becomes a [`Skipped`]
//! entry with a one-line reason; the rest of the corpus still loads.

mod decode;
mod formats;

pub use formats::Format;

use super::meta::{self, Fields, Manifest};
use super::{Article, Corpus, Skipped, clean, sample};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Name of the metadata file read beside articles.
pub const MANIFEST_NAME: &str = "sources.toml";

/// Options for loading.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Cleaning options applied to every article.
    pub clean: clean::CleanOptions,
}

/// Loads every article under `paths`; with no paths, the bundled sample.
///
/// Article ids are file stems (or JSON `id`s, else `stem#N`); a repeated id gets a
/// `~2`, `~3`… suffix so ids stay unique.
///
/// # Errors
/// [`crate::Error::Read`] when a given path does not exist or cannot be read;
/// [`crate::Error::NoArticles`] when nothing loadable was found.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> crate::Result<Corpus> {
    let mut loader = Loader {
        options,
        corpus: Corpus::default(),
        manifests: HashMap::new(),
        visited: HashSet::new(),
    };
    if paths.is_empty() {
        loader.load_sample();
    }
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|source| crate::Error::Read {
            path: path.clone(),
            source,
        })?;
        if metadata.is_dir() {
            loader.walk(path);
        } else if !metadata.is_file() {
            loader.skip(path, "not a regular file");
        } else if path.file_name().is_some_and(|n| n == MANIFEST_NAME) {
            // Metadata, read for the files beside it; not an article.
        } else {
            loader.load_file(path, Format::from_path(path).unwrap_or(Format::Text));
        }
    }
    let mut corpus = loader.corpus;
    if corpus.articles.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| format!("'{}'", p.display())).collect();
        let skipped = match corpus.skipped.first() {
            Some(first) => format!(
                " ({} skipped; first: {}: {})",
                corpus.skipped.len(),
                first.path,
                first.reason
            ),
            None => String::new(),
        };
        return Err(crate::Error::NoArticles(format!(
            "{}{skipped}",
            names.join(", ")
        )));
    }
    unique_ids(&mut corpus.articles);
    Ok(corpus)
}

impl Format {
    /// The format of a path by its extension, if crosscheck loads it in folders.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        Self::from_extension(&path.extension()?.to_string_lossy())
    }
}

/// Walk state: the corpus so far, manifests by folder, folders already walked.
struct Loader<'a> {
    options: &'a LoadOptions,
    corpus: Corpus,
    manifests: HashMap<PathBuf, Rc<Manifest>>,
    visited: HashSet<PathBuf>,
}

impl Loader<'_> {
    fn skip(&mut self, path: &Path, reason: impl Into<String>) {
        self.corpus.skipped.push(Skipped {
            path: path.display().to_string(),
            reason: reason.into(),
        });
    }

    /// Walks `root` depth-first in sorted order with an explicit stack (no recursion
    /// limit), skipping hidden entries and folders already seen (symlink loops).
    fn walk(&mut self, root: &Path) {
        let mut stack = vec![root.to_path_buf()];
        while let Some(path) = stack.pop() {
            let metadata = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    self.skip(&path, format!("cannot read: {e}"));
                    continue;
                }
            };
            if metadata.is_dir() {
                if let Some(children) = self.children(&path) {
                    stack.extend(children.into_iter().rev());
                }
            } else if path.file_name().is_some_and(|n| n == MANIFEST_NAME) {
                continue;
            } else if let Some(format) = Format::from_path(&path) {
                if metadata.is_file() {
                    self.load_file(&path, format);
                } else {
                    self.skip(&path, "not a regular file");
                }
            }
        }
    }

    /// The sorted, non-hidden entries of a folder not walked before.
    fn children(&mut self, dir: &Path) -> Option<Vec<PathBuf>> {
        let canonical = match dir.canonicalize() {
            Ok(c) => c,
            Err(e) => {
                self.skip(dir, format!("cannot resolve folder: {e}"));
                return None;
            }
        };
        if !self.visited.insert(canonical) {
            return None;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.skip(dir, format!("cannot read folder: {e}"));
                return None;
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) if !entry.file_name().to_string_lossy().starts_with('.') => {
                    children.push(entry.path());
                }
                Ok(_) => {}
                Err(e) => self.skip(dir, format!("cannot list an entry: {e}")),
            }
        }
        children.sort();
        Some(children)
    }

    /// The `sources.toml` of `dir` (empty when absent), read once per folder.
    fn manifest(&mut self, dir: &Path) -> Rc<Manifest> {
        if let Some(manifest) = self.manifests.get(dir) {
            return Rc::clone(manifest);
        }
        let path = dir.join(MANIFEST_NAME);
        let manifest = match std::fs::read_to_string(&path) {
            Ok(text) => Manifest::parse(&text).unwrap_or_else(|reason| {
                self.skip(&path, reason);
                Manifest::default()
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Manifest::default(),
            Err(e) => {
                self.skip(&path, format!("cannot read: {e}"));
                Manifest::default()
            }
        };
        let manifest = Rc::new(manifest);
        self.manifests
            .insert(dir.to_path_buf(), Rc::clone(&manifest));
        manifest
    }

    fn load_file(&mut self, path: &Path, format: Format) {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => return self.skip(path, format!("cannot read: {e}")),
        };
        let dir = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        let manifest = self.manifest(&dir);
        let file = FileRef::new(path.display().to_string(), path);
        self.add(&file, bytes, format, &manifest);
    }

    /// The bundled sample, with its `sources.toml`.
    fn load_sample(&mut self) {
        let manifest = sample::SAMPLE
            .get_file(MANIFEST_NAME)
            .and_then(|f| f.contents_utf8())
            .and_then(|text| Manifest::parse(text).ok())
            .unwrap_or_default();
        let mut files: Vec<_> = sample::SAMPLE.files().collect();
        files.sort_by_key(|f| f.path());
        for file in files {
            let path = file.path();
            let Some(format) = Format::from_path(path) else {
                continue;
            };
            let file_ref =
                FileRef::new(format!("{}:{}", sample::SAMPLE_NAME, path.display()), path);
            self.add(&file_ref, file.contents().to_vec(), format, &manifest);
        }
    }

    /// Decodes, parses, cleans and adds the articles of one file.
    fn add(&mut self, file: &FileRef, bytes: Vec<u8>, format: Format, manifest: &Manifest) {
        let (text, warnings) = match decode::decode(bytes) {
            Ok(decoded) => decoded,
            Err(reason) => {
                return self.corpus.skipped.push(Skipped {
                    path: file.source.clone(),
                    reason,
                });
            }
        };
        for parsed in formats::parse(text, format) {
            let record = match parsed {
                Ok(record) => record,
                Err((number, reason)) => {
                    self.corpus.skipped.push(Skipped {
                        path: file.record_source(number),
                        reason,
                    });
                    continue;
                }
            };
            let source = file.record_source(record.number);
            match build(file, record, &warnings, manifest, &self.options.clean) {
                Ok(article) => self.corpus.articles.push(article),
                Err(reason) => self.corpus.skipped.push(Skipped {
                    path: source,
                    reason,
                }),
            }
        }
    }
}

/// Names of the file an article comes from.
struct FileRef {
    /// Path (or `sample:name`) for messages.
    source: String,
    /// File name, the manifest key.
    name: String,
    /// File stem, the default id.
    stem: String,
}

impl FileRef {
    /// The reference for the file at `path`, named `source` in messages.
    fn new(source: String, path: &Path) -> Self {
        let lossy = |s: Option<&std::ffi::OsStr>| {
            s.map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        Self {
            source,
            name: lossy(path.file_name()),
            stem: lossy(path.file_stem()),
        }
    }

    fn record_source(&self, number: Option<usize>) -> String {
        number.map_or_else(|| self.source.clone(), |n| format!("{}#{n}", self.source))
    }
}

/// Builds one article: cleans it and resolves its metadata.
fn build(
    file: &FileRef,
    record: formats::Record,
    file_warnings: &[String],
    manifest: &Manifest,
    options: &clean::CleanOptions,
) -> Result<Article, String> {
    let id = match (&record.id, record.number) {
        (Some(id), _) => id.clone(),
        (None, Some(n)) => format!("{}#{n}", file.stem),
        (None, None) => file.stem.clone(),
    };
    let from_manifest = match record.number {
        None => manifest.get(&file.name),
        Some(n) => manifest
            .get(&id)
            .or_else(|| manifest.get(&format!("{}#{n}", file.name))),
    }
    .cloned()
    .unwrap_or_default();
    let raw = record.text;
    if raw.is_empty() {
        return Err("empty".to_string());
    }
    if raw.trim().is_empty() {
        return Err("only whitespace".to_string());
    }
    let known_title = from_manifest
        .title
        .as_deref()
        .or(record.fields.title.as_deref());
    let (clean, removals) = clean::clean_titled(&raw, options, known_title);
    if clean.trim().is_empty() {
        return Err("nothing left after cleaning (only boilerplate)".to_string());
    }
    let url = from_manifest
        .url
        .as_deref()
        .or(record.fields.url.as_deref());
    let inferred: Fields = meta::infer(&raw, &removals, url);
    let meta = meta::resolve(from_manifest, record.fields, inferred, &id, &clean);
    let mut warnings = file_warnings.to_vec();
    warnings.extend(record.warnings);
    Ok(Article {
        id,
        source: file.record_source(record.number),
        meta,
        raw,
        clean,
        removals,
        warnings,
    })
}

/// Makes ids unique by suffixing repeats with `~2`, `~3`…
fn unique_ids(articles: &mut [Article]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for article in articles {
        let count = seen.entry(article.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            article.id = format!("{}~{count}", article.id);
        }
    }
}
